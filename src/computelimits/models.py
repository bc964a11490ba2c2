"""Error-vs-compute models: the paper's OLS baseline and a Bayesian hierarchical model (PyMC, nutpie).

Polynomial form: log10(error) = a + b * log10(flop), so flop grows as error^(-k) with k = 1/|b|.
Exponential form (OLS baseline only for now): 1/error = a + b * log10(flop).
"""

from __future__ import annotations

import logging
import math
import warnings
from contextlib import contextmanager
from dataclasses import dataclass

import numpy as np
import pandas as pd

log = logging.getLogger(__name__)

OLS_COLUMNS = ["benchmark", "form", "slope", "intercept", "r2", "n", "k", "slope_se"]
SUMMARY_COLUMNS = ["benchmark", "parameter", "mean", "sd", "q05", "q50", "q95", "r_hat", "ess_bulk"]
# Compute is centred here (log10 FLOP) so that intercepts mean "error at 1e19 FLOP" and are weakly correlated
# with slopes; 1e19 sits in the middle of the 2012-2020 data.
X_CENTRE = 19.0


class GateError(RuntimeError):
    """A convergence gate failed: the message names the parameter and the figure."""


def usable(papers: pd.DataFrame) -> pd.DataFrame:
    """Rows the fits use: status ok, positive flop, error strictly between 0 and 1."""
    ok = papers[(papers["status"] == "ok") & (papers["flop"] > 0) & (papers["error"] > 0) & (papers["error"] < 1)]
    return ok.copy()


def _linregress(x: np.ndarray, y: np.ndarray) -> tuple[float, float, float, float]:
    """slope, intercept, r2, standard error of the slope (plain least squares)."""
    if len(x) < 3 or np.ptp(x) == 0:
        return (math.nan,) * 4
    xm, ym = x.mean(), y.mean()
    sxx = ((x - xm) ** 2).sum()
    slope = ((x - xm) * (y - ym)).sum() / sxx
    intercept = ym - slope * xm
    resid = y - (intercept + slope * x)
    sst = ((y - ym) ** 2).sum()
    r2 = 1 - (resid**2).sum() / sst if sst > 0 else math.nan
    se = math.sqrt((resid**2).sum() / (len(x) - 2) / sxx)
    return float(slope), float(intercept), float(r2), se


def ols(papers: pd.DataFrame) -> pd.DataFrame:
    """The paper's per-benchmark OLS fits, polynomial and exponential; k only for the polynomial form."""
    rows = []
    data = usable(papers)
    for name in papers["benchmark"].drop_duplicates():
        part = data[data["benchmark"] == name]
        x = np.log10(part["flop"].to_numpy(float))
        for form, y in (
            ("polynomial", np.log10(part["error"].to_numpy(float))),
            ("exponential", 1 / part["error"].to_numpy(float)),
        ):
            slope, intercept, r2, se = _linregress(x, y)
            k = 1 / abs(slope) if form == "polynomial" and slope < 0 else math.nan
            rows.append(
                {
                    "benchmark": name,
                    "form": form,
                    "slope": slope,
                    "intercept": intercept,
                    "r2": r2,
                    "n": len(part),
                    "k": k,
                    "slope_se": se,
                }
            )
    return pd.DataFrame(rows, columns=OLS_COLUMNS)


def log10_sd(flop_low: np.ndarray, flop_high: np.ndarray, floor: float) -> np.ndarray:
    """Standard deviation of log10 compute: the low-high span taken as a 90% interval, floored."""
    span = (np.log10(flop_high) - np.log10(flop_low)) / (2 * 1.645)
    return np.maximum(np.nan_to_num(span, nan=floor), floor)


@dataclass
class ModelData:
    benchmarks: list[str]
    series_index: np.ndarray
    x_obs: np.ndarray
    x_sd: np.ndarray
    y: np.ndarray
    year: np.ndarray
    models: list[str]


YEAR_CENTRE = 2016.0
# Model variants compared by LOO: functional form and whether a year (algorithmic progress) term is added.
VARIANTS = {
    "polynomial": ("polynomial", False),
    "polynomial_year": ("polynomial", True),
    "exponential": ("exponential", False),
    "saturating": ("saturating", False),
}


def model_data(papers: pd.DataFrame, benchmarks: list[str], min_log10_sd: float) -> ModelData:
    data = usable(papers)
    data = data[data["benchmark"].isin(benchmarks)]
    present = [b for b in benchmarks if (data["benchmark"] == b).sum() >= 3]
    data = data[data["benchmark"].isin(present)]
    return ModelData(
        benchmarks=present,
        series_index=data["benchmark"].map({b: i for i, b in enumerate(present)}).to_numpy(int),
        x_obs=np.log10(data["flop"].to_numpy(float)) - X_CENTRE,
        x_sd=log10_sd(data["flop_low"].to_numpy(float), data["flop_high"].to_numpy(float), min_log10_sd),
        y=np.log10(data["error"].to_numpy(float)),
        year=data["year"].to_numpy(float),
        models=data["model"].tolist(),
    )


def build_model(data: ModelData, variant: str = "polynomial", held_out: bool = False):
    """Hierarchical model of log10(error) with errors in compute and a Student-t likelihood (non-centred).

    Every variant models the same observed variable, log10(error), so LOO compares them directly:
    - polynomial: log10 e = intercept + slope * x (x = log10 FLOP - 19), the paper's main form;
    - polynomial_year: the same plus progress * (year - 2016), algorithmic progress shared by all series;
    - exponential: 1/e = exp(level) + rate * x, the paper's alternative;
    - saturating: e = 10^intercept * (f + (1 - f) * 10^(slope * x)), an irreducible error floor f * 10^intercept
      per series (a fraction f of the error at 1e19 FLOP).

    Priors, on the log10 scales of the data:
    - mean slope ~ N(-0.05, 0.1): the paper's slopes span -0.13 to 0; a slope of +0.2 (error rising tenfold
      per 5 orders of compute) would be implausible, and the prior allows it only at 2.5 sd.
    - slope spread ~ Gamma(2, 40) (mean 0.05, zero-avoiding): the published slopes differ by a few hundredths
      (SCIENCE.md table), so a spread of exactly zero is implausible; a HalfNormal let the sampler into the
      neck of the funnel (R-hat 1.02, bulk ESS 150 on the shipped data).
    - intercept per series (log10 error at 1e19 FLOP) ~ N(-0.7, 0.5), not pooled: metrics differ between series,
      so their error levels share nothing, and each series has enough points to pin its own level down;
      pooling them left six groups to estimate a spread and sampled poorly (R-hat 1.13).
    - exponential: level = log(1/e at 1e19 FLOP) ~ N(1, 1) (1/e from 1 to 20 within 2 sd); rate of 1/e per decade
      ~ N(0.5, 1) per series, not pooled: rates of 1/e scale with each metric's error level (the paper's OLS
      rates span 0.01-3), and pooling them sampled poorly (R-hat 1.03).
    - saturating: f ~ Beta(1, 3): the floor lies below the error at 1e19 FLOP, most mass near zero so the
      polynomial is the limit. Writing the floor as floor + 10^(intercept + slope x) instead made floor and
      intercept trade off (bulk ESS 90-330 for COCO).
    - progress per year in log10 error ~ N(0, 0.05): SCIENCE.md's "3 years = 10x compute" with slopes near
      -0.07 means about -0.02 per year.
    - residual scale per series ~ HalfNormal(0.1) (a 25% relative error);
      Student-t degrees of freedom ~ Gamma(2, 0.1) (mean 20, heavy tails allowed for outlying papers).
    - true log10 compute ~ N(reported, sd from flop_low/flop_high): errors in variables.

    `held_out=True` builds the model for exact leave-one-out refits: the likelihood of each point is weighted by
    the data `weight` (0 leaves the point out: its true compute then follows its prior, so `log_lik`, the pointwise
    log density, is the point's log predictive density given the other points).
    """
    import pymc as pm

    form, year_term = VARIANTS[variant]
    coords = {"benchmark": data.benchmarks, "point": np.arange(len(data.y))}
    with pm.Model(coords=coords) as model:
        series = pm.Data("series", data.series_index, dims="point")
        x_obs = pm.Data("x_obs", data.x_obs, dims="point")
        x_sd = pm.Data("x_sd", data.x_sd, dims="point")
        sigma = pm.HalfNormal("sigma", 0.1, dims="benchmark")
        nu = pm.Gamma("nu", 2, 0.1)
        z_x = pm.Normal("z_x", 0, 1, dims="point")
        x_true = pm.Deterministic("x_true", x_obs + x_sd * z_x, dims="point")
        if form == "exponential":
            rate = pm.Normal("rate", 0.5, 1.0, dims="benchmark")
            level = pm.Normal("level", 1.0, 1.0, dims="benchmark")
            inverse_error = pm.math.maximum(pm.math.exp(level[series]) + rate[series] * x_true, 1.0001)
            mu = -pm.math.log(inverse_error) / np.log(10)
        else:
            mu_slope = pm.Normal("mu_slope", -0.05, 0.1)
            sigma_slope = pm.Gamma("sigma_slope", alpha=2, beta=40)
            z_slope = pm.Normal("z_slope", 0, 1, dims="benchmark")
            slope = pm.Deterministic("slope", mu_slope + sigma_slope * z_slope, dims="benchmark")
            intercept = pm.Normal("intercept", -0.7, 0.5, dims="benchmark")
            mu = intercept[series] + slope[series] * x_true
            if year_term:
                year = pm.Data("year", data.year - YEAR_CENTRE, dims="point")
                progress = pm.Normal("progress", 0, 0.05)
                mu = mu + progress * year
            if form == "saturating":
                # e = e0 * (f + (1 - f) * 10^(slope * x)), e0 = 10^intercept the error at 1e19 FLOP, f e0 the floor:
                # the intercept stays pinned by the data near 1e19 whatever the floor.
                fraction = pm.Beta("floor_fraction", 1, 3, dims="benchmark")
                pm.Deterministic("floor", fraction * 10**intercept, dims="benchmark")
                f, reducible = fraction[series], 10 ** (slope[series] * x_true)
                mu = mu - slope[series] * x_true + pm.math.log(f + (1 - f) * reducible) / np.log(10)
            pm.Deterministic("k", 1 / pm.math.abs(slope), dims="benchmark")
        y = pm.Data("y", data.y, dims="point")  # data, so simulation checks can swap it without recompiling
        if held_out:
            weight = pm.Data("weight", np.ones(len(data.y)), dims="point")
            log_lik = pm.logp(pm.StudentT.dist(nu=nu, mu=mu, sigma=sigma[series]), y)
            pm.Potential("likelihood", pm.math.sum(weight * log_lik))
            pm.Deterministic("log_lik", log_lik, dims="point")
        else:
            pm.StudentT("log10_error", nu=nu, mu=mu, sigma=sigma[series], observed=y, dims="point")
    return model


def sample(
    model,
    seed: int,
    draws: int,
    tune: int,
    chains: int,
    target_accept: float,
    sampler: str = "nutpie",
    log_likelihood: bool = True,
    cores: int | None = None,
):
    """Posterior (nutpie) with log-likelihood added for LOO; an xarray DataTree.

    Numba's fastmath is off: with it, functions loaded from PyTensor's compile cache gave other samples than freshly
    compiled ones (LLVM fuses and reorders floating-point operations differently when functions are compiled
    together), so a fixed seed gave identical tables only with an empty cache. Without it the samples are the same
    whether the cache is cold or warm, and a warm cache cuts the compile from ~7 s to ~3 s.
    `cores`: threads (nutpie) or processes (PyMC) for the chains; None leaves PyMC's guess, half the CPU count
    (one on a 2-core machine). The samples do not depend on it: each chain has its own seed.
    `sampler="pymc"` (PyMC's default NUTS, its own defaults otherwise) is for the speed benchmark."""
    import pymc as pm
    import pytensor

    with model, pytensor.config.change_flags(numba__fastmath=False):
        idata = pm.sample(
            draws=draws,
            tune=tune,
            chains=chains,
            cores=cores,
            nuts_sampler=sampler,
            random_seed=seed,
            target_accept=target_accept,
            progressbar=False,
            # data and coordinates become constants: a smaller graph that compiles in ~2/3 of the time
            compile_kwargs={"freeze_model": True} if sampler == "nutpie" else None,
        )
        if log_likelihood:
            pm.compute_log_likelihood(idata, progressbar=False)
    return idata


def prior_predictive(model, seed: int, draws: int = 500):
    import pymc as pm

    with model:
        return pm.sample_prior_predictive(draws=draws, random_seed=seed)


SUMMARY_PARAMETERS = [
    "mu_slope", "sigma_slope", "progress", "nu",
    "slope", "intercept", "rate", "level", "floor", "sigma", "k",
]  # fmt: skip


def summarise(idata) -> pd.DataFrame:
    """summary.tsv rows (benchmark, parameter, mean, sd, q05, q50, q95, r_hat, ess_bulk); Fit.check gates them."""
    import arviz as az

    names = [n for n in SUMMARY_PARAMETERS if n in idata.posterior]
    table = az.summary(idata, var_names=names, round_to="none", ci_kind="eti", ci_prob=0.90)
    posterior = idata.posterior
    rows = []
    for label, stats in table.iterrows():
        var, _, index = str(label).partition("[")
        benchmark = index.rstrip("]") if index else ""
        values = posterior[var].sel(benchmark=benchmark) if benchmark else posterior[var]
        flat = np.asarray(values).ravel()
        rows.append(
            {
                "benchmark": benchmark,
                "parameter": var,
                "mean": float(stats["mean"]),
                "sd": float(stats["sd"]),
                "q05": float(np.quantile(flat, 0.05)),
                "q50": float(np.quantile(flat, 0.5)),
                "q95": float(np.quantile(flat, 0.95)),
                "r_hat": float(stats["r_hat"]),
                "ess_bulk": float(stats["ess_bulk"]),
            }
        )
    summary = pd.DataFrame(rows, columns=SUMMARY_COLUMNS)
    return summary


def divergences(idata) -> int:
    return int(np.asarray(idata.sample_stats["diverging"]).sum())


def check_gates(
    summary: pd.DataFrame, n_divergent: int, max_r_hat: float, min_ess_bulk: float, max_divergences: int
) -> None:
    """Raise GateError naming every parameter that fails R-hat or ESS, or the divergence count."""
    failures = []
    for _, row in summary.iterrows():
        name = row["parameter"] + (f"[{row['benchmark']}]" if row["benchmark"] else "")
        if not row["r_hat"] <= max_r_hat:
            failures.append(f"{name}: R-hat {row['r_hat']:.4f} > {max_r_hat}")
        if not row["ess_bulk"] >= min_ess_bulk:
            failures.append(f"{name}: bulk ESS {row['ess_bulk']:.0f} < {min_ess_bulk}")
    if n_divergent > max_divergences:
        failures.append(f"{n_divergent} divergent transitions > {max_divergences} allowed")
    if failures:
        raise GateError("convergence gates failed: " + "; ".join(failures))


@dataclass
class Fit:
    data: ModelData
    posterior: object
    prior: object
    summary: pd.DataFrame

    def check(self, gates: dict) -> None:
        """Raise GateError unless every sampled parameter meets the gates (k, a derived ratio, is not gated)."""
        sampled = self.summary[self.summary["parameter"] != "k"]
        check_gates(sampled, divergences(self.posterior), **gates)


def fit_variant(
    papers: pd.DataFrame,
    benchmarks: list[str],
    seed: int,
    sampling: dict,
    min_log10_sd: float,
    variant: str = "polynomial",
    log: logging.Logger | None = None,
    threads: int | None = None,
) -> Fit:
    """Build, prior-check and sample one model variant on the usable rows of `papers`; the chains run on
    `threads` threads (None: PyMC's guess, half the CPU count)."""
    import time

    log = log or logging.getLogger(__name__)
    if variant not in VARIANTS:
        raise ValueError(f"unknown model variant '{variant}'; known: {', '.join(VARIANTS)}")
    data = model_data(papers, benchmarks, min_log10_sd)
    if len(data.benchmarks) == 0:
        raise ValueError("no benchmark has 3 or more usable points (status ok, flop > 0, 0 < error < 1)")
    log.info("fitting %s to %d points over %s", variant, len(data.y), ", ".join(data.benchmarks))
    model = build_model(data, variant)
    prior = prior_predictive(model, seed)
    started = time.perf_counter()
    posterior = sample(
        model, seed, sampling["draws"], sampling["tune"], sampling["chains"], sampling["target_accept"], cores=threads
    )
    seconds = time.perf_counter() - started
    log.info("sampled in %.1f s (compile included); %d divergences", seconds, divergences(posterior))
    summary = summarise(posterior)
    log.info("posterior summary:\n%s", summary.to_string())
    return Fit(data, posterior, prior, summary)


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
    """loo.tsv: LOO of every variant (all model the same log10 errors; PSIS, exact refits where PSIS fails), best
    first, with the number of refitted points and the largest Pareto k left (above 0.7 the estimate of that
    variant would be unreliable; refitted points count as 0)."""
    import arviz as az

    loos = {name: stored_loo(posterior, name) for name, posterior in posteriors.items()}
    table = az.compare(loos, round_to="none")
    table.insert(0, "model", table.index.astype(str))
    refits = {name: _stored_refits(posterior) for name, posterior in posteriors.items()}
    table["refits"] = [0 if refits[name] is None else refits[name].sizes["refit"] for name in table["model"]]
    table["pareto_k_max"] = [float(np.max(loos[name].pareto_k)) for name in table["model"]]
    return table.reset_index(drop=True)


def fitted_series(posterior) -> list[str]:
    """The series a posterior was fitted to (those with 3 or more usable points)."""
    return [str(b) for b in np.asarray(posterior["benchmark"])]


def series_draws(posterior, name: str, var: str) -> np.ndarray:
    """All posterior draws (chains flattened) of the per-series parameter `var` of series `name`."""
    return np.asarray(posterior[var].sel(benchmark=name)).ravel()


def line_draws(posterior, name: str, year_term: bool, year: float) -> tuple[np.ndarray, np.ndarray]:
    """(intercept, slope) draws of series `name` (polynomial and saturating forms); with the year term, the
    intercept of a paper published in `year`."""
    intercept, slope = series_draws(posterior, name, "intercept"), series_draws(posterior, name, "slope")
    if year_term:
        intercept = intercept + np.asarray(posterior["progress"]).ravel() * (year - YEAR_CENTRE)
    return intercept, slope


def predict_log10_error(posterior, name: str, log10_flop: np.ndarray, variant: str, year: float) -> np.ndarray:
    """Posterior draws (rows) of the mean log10 error of series `name` at each log10 FLOP (columns)."""
    form, year_term = VARIANTS[variant]
    x = np.asarray(log10_flop, dtype=float)[None, :] - X_CENTRE

    def draws(var):
        return series_draws(posterior, name, var)[:, None]

    if form == "exponential":
        return -np.log10(np.maximum(np.exp(draws("level")) + draws("rate") * x, 1.0001))
    intercept, slope = (d[:, None] for d in line_draws(posterior, name, year_term, year))
    if form == "saturating":
        fraction = draws("floor_fraction")
        return intercept + np.log10(fraction + (1 - fraction) * 10 ** (slope * x))
    return intercept + slope * x
