"""The Bayesian hierarchical model of log10(error) against log10(compute) (PyMC), built for any registered
variant (computelimits.variants), and its prior predictive draws."""

from __future__ import annotations

import numpy as np

from . import variants
from .modeldata import YEAR_CENTRE, ModelData


def build_model(data: ModelData, variant: str = "polynomial", held_out: bool = False):
    """Hierarchical model of log10(error) with errors in compute and a Student-t likelihood (non-centred).

    Every variant models the same observed variable, log10(error), so LOO compares them directly; each variant's
    mean and priors are in computelimits.variants. Shared by all of them, on the log10 scales of the data:
    - residual scale per series ~ HalfNormal(0.1) (a 25% relative error);
      Student-t degrees of freedom ~ Gamma(2, 0.1) (mean 20, heavy tails allowed for outlying papers).
    - true log10 compute ~ N(reported, sd from flop_low/flop_high): errors in variables.

    `held_out=True` builds the model for exact leave-one-out refits: the likelihood of each point is weighted by
    the data `weight` (0 leaves the point out: its true compute then follows its prior, so `log_lik`, the pointwise
    log density, is the point's log predictive density given the other points).
    """
    import pymc as pm
    import pytensor.tensor as pt

    form = variants.get(variant)
    coords = {"benchmark": data.benchmarks, "point": np.arange(len(data.y))}
    with pm.Model(coords=coords) as model:
        series = pm.Data("series", data.series_index, dims="point")
        x_obs = pm.Data("x_obs", data.x_obs, dims="point")
        x_sd = pm.Data("x_sd", data.x_sd, dims="point")
        sigma = pm.HalfNormal("sigma", 0.1, dims="benchmark")
        nu = pm.Gamma("nu", 2, 0.1)
        z_x = pm.Normal("z_x", 0, 1, dims="point")
        x_true = pm.Deterministic("x_true", x_obs + x_sd * z_x, dims="point")
        year = pm.Data("year", data.year - YEAR_CENTRE, dims="point") if form.year_term else None
        params = form.priors(data)
        per_point = {
            name: value[series] if "benchmark" in model.named_vars_to_dims.get(name, ()) else value
            for name, value in params.items()
        }
        mu = form.mean(per_point, x_true, year, pt)
        y = pm.Data("y", data.y, dims="point")  # data, so simulation checks can swap it without recompiling
        if held_out:
            weight = pm.Data("weight", np.ones(len(data.y)), dims="point")
            log_lik = pm.logp(pm.StudentT.dist(nu=nu, mu=mu, sigma=sigma[series]), y)
            pm.Potential("likelihood", pm.math.sum(weight * log_lik))
            pm.Deterministic("log_lik", log_lik, dims="point")
        else:
            pm.StudentT("log10_error", nu=nu, mu=mu, sigma=sigma[series], observed=y, dims="point")
    return model


def prior_predictive(model, seed: int, draws: int = 500):
    import pymc as pm

    with model:
        return pm.sample_prior_predictive(draws=draws, random_seed=seed)
