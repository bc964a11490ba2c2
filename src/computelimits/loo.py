"""Leave-one-out comparison of the model variants: PSIS-LOO, made exact by refits where PSIS fails."""

from __future__ import annotations

import logging
import warnings
from contextlib import contextmanager

import numpy as np
import pandas as pd

from .models import build_model
from .sampling import PASSED, Fit, divergences, gate_status

REFITS = "loo_refits"  # group of a posterior DataTree: log-likelihood draws of the points refitted for exact LOO


@contextmanager
def _without_pareto_warning():
    """ArviZ warns of Pareto k > 0.7 when it computes PSIS-LOO; here reloo refits exactly those points."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", "Estimated shape parameter of Pareto distribution", UserWarning)
        yield


def _stored_refits(posterior):
    """The `loo_refits` log-likelihood draws (refit, chain, draw) of a fitted variant, or None."""
    return posterior[REFITS]["log_lik"] if REFITS in posterior.children else None


def _refit_wrapper(posterior, refit):
    """An ArviZ SamplingWrapper whose refit of point i is `refit(i)`: the held-out point's log-likelihood draws
    (chain, draw) from a fit without it."""
    from arviz_stats.loo import SamplingWrapper

    class Refits(SamplingWrapper):
        def sel_observations(self, idx):
            return int(idx), int(idx)

        def sample(self, modified_observed_data):
            return refit(modified_observed_data)

        def get_inference_data(self, fitted_model):
            return fitted_model

        def log_likelihood__i(self, excluded_obs, idata__i):
            return idata__i

    return Refits(model=None, idata_orig=posterior)


def exact_loo(
    fit: Fit,
    variant: str,
    seed: int,
    sampling: dict,
    threads: int | None,
    log: logging.Logger,
    k_threshold: float | None = None,
):
    """Exact leave-one-out for the points where PSIS fails (Pareto k above ArviZ's threshold, 0.7 here): each such
    point is left out of a refit (the `held_out` model, compiled once; its weight set to 0) and its log predictive
    density taken from the refit (ArviZ `reloo`). The refits' log-likelihood draws are kept in the posterior's
    `loo_refits` group, so `compare` uses them without sampling again. Returns the updated LOO (ELPDData).
    `k_threshold` (default ArviZ's) is for tests."""
    import arviz as az
    import nutpie
    import pytensor
    import xarray as xr
    from scipy.special import logsumexp

    with _without_pareto_warning():
        loo = az.loo(fit.posterior, pointwise=True)
    with pytensor.config.change_flags(numba__fastmath=False):
        compiled = None
        draws = {}

        def refit(i: int):
            nonlocal compiled
            if compiled is None:
                held_out = build_model(fit.data, variant, held_out=True)
                compiled = nutpie.compile_pymc_model(held_out, var_names=["log_lik"])
            weight = np.ones(len(fit.data.y))
            weight[i] = 0.0
            trace = nutpie.sample(
                compiled.with_data(weight=weight), draws=sampling["draws"], tune=sampling["tune"],
                chains=sampling["chains"], target_accept=sampling["target_accept"], seed=seed + 1 + i,
                cores=threads, progress_bar=False,
            )  # fmt: skip
            draws[i] = trace.posterior["log_lik"].isel(point=i).drop_vars("point")
            psis = float(loo.elpd_i.isel(point=i))
            exact = float(logsumexp(draws[i].values) - np.log(draws[i].size))
            log.info(
                "exact LOO for point %d (%s, Pareto k %.2f): elpd_i %.3f (PSIS %.3f); %d divergences in the refit",
                i, fit.data.models[i], float(loo.pareto_k.isel(point=i)), exact, psis, divergences(trace),
            )  # fmt: skip
            return draws[i]

        updated = az.reloo(_refit_wrapper(fit.posterior, refit), loo_orig=loo, k_threshold=k_threshold, pointwise=True)
    if draws:
        points = sorted(draws)
        stacked = xr.concat([draws[i] for i in points], dim="refit").assign_coords(refit=points)
        fit.posterior[REFITS] = xr.DataTree(xr.Dataset({"log_lik": stacked}))
    log.info("LOO: points refitted: %d; elpd %.2f (PSIS alone %.2f)", len(draws), updated.elpd, loo.elpd)
    return updated


def stored_loo(posterior, name: str = "", k_threshold: float | None = None):
    """LOO of the fitted variant `name` with the exact refits `exact_loo` stored in it (the same points are above
    the threshold: the posterior is the same)."""
    import arviz as az

    stored = _stored_refits(posterior)

    def refit(i: int):
        if stored is None or i not in stored["refit"].values:
            raise ValueError(
                f"variant '{name}': point {i} needs an exact LOO refit that its posterior does not hold"
                " (a posterior from before the refits?): rerun its fit (snakemake --forcerun fit_model)"
            )
        return stored.sel(refit=i).drop_vars("refit")

    with _without_pareto_warning():
        return az.reloo(_refit_wrapper(posterior, refit), k_threshold=k_threshold, pointwise=True)


def compare(posteriors: dict) -> pd.DataFrame:
    """loo.tsv: LOO of every variant that passed its gates (all model the same log10 errors; PSIS, exact refits
    where PSIS fails), best first, with the number of refitted points and the largest Pareto k left (above 0.7 the
    estimate of that variant would be unreliable; refitted points count as 0); then each variant that failed its
    gates, unranked, its `status` saying what failed."""
    import arviz as az

    status = {name: gate_status(posterior) for name, posterior in posteriors.items()}
    passed = [name for name in posteriors if status[name] == PASSED]
    loos = {name: stored_loo(posteriors[name], name) for name in passed}
    if len(loos) > 1:
        table = az.compare(loos, round_to="none")
        table.insert(0, "model", table.index.astype(str))
        table = table.reset_index(drop=True)
    else:
        table = pd.DataFrame({"model": passed, "rank": [0] * len(passed)})
        table["elpd"] = [float(loos[name].elpd) for name in passed]
    refits = {name: _stored_refits(posteriors[name]) for name in passed}
    table["refits"] = [0 if refits[name] is None else refits[name].sizes["refit"] for name in table["model"]]
    table["pareto_k_max"] = [float(np.max(loos[name].pareto_k)) for name in table["model"]]
    failed = pd.DataFrame({"model": [name for name in posteriors if name not in loos]})
    table = pd.concat([table, failed], ignore_index=True) if len(failed) else table
    table["status"] = table["model"].map(status)
    return table
