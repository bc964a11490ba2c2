"""The registry of model variants: each form of error vs compute is defined here, once.

A variant is one `Variant` entry of `VARIANTS`:
- `priors(data)`: creates its parameters (PyMC random variables, inside the model being built) and returns them by
  name; per-series parameters have dims "benchmark";
- `mean(p, x, year, m)`: the mean of log10(error) at centred log10 compute `x` (log10 FLOP - X_CENTRE) and centred
  year, written once for both backends: `m` is `pytensor.tensor` inside the model (p holds the parameters indexed
  per point) and `numpy` for predictions from posterior draws (p holds draws);
- `inverse(p, error, year)` (NumPy): the centred log10 compute at which the mean reaches `error` (a fraction),
  +inf where a draw never gets there;
- `parameters`: what the summary reports and the gates check (in this order); `derived` ones are reported only.

Adding a variant is one `register(Variant(...))` with its priors: the model, LOO, summary, predictions, the
extrapolation, the figures and the config check all read it from here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

import numpy as np

LN10 = np.log(10)


@dataclass(frozen=True)
class Variant:
    name: str
    description: str
    priors: Callable
    mean: Callable
    inverse: Callable
    parameters: tuple[str, ...]
    derived: tuple[str, ...] = ()
    year_term: bool = False
    # why a target may be out of reach under this form (targets.tsv `status`)
    unreachable: str = "unreachable: most posterior draws show no improvement with compute"


VARIANTS: dict[str, Variant] = {}


def register(variant: Variant) -> Variant:
    """Add (or replace) a variant of the registry."""
    VARIANTS[variant.name] = variant
    return variant


def get(name: str) -> Variant:
    if name not in VARIANTS:
        raise ValueError(f"unknown model variant '{name}'; known: {', '.join(VARIANTS)}")
    return VARIANTS[name]


def _pooled_line(data, intercept: bool = True) -> dict:
    """Per-series intercept and slope of log10 error on log10 compute, slopes partially pooled (non-centred);
    `intercept=False` leaves the intercept to the caller (the year variant samples it sheared).

    - mean slope ~ N(-0.05, 0.1): the paper's slopes span -0.13 to 0; a slope of +0.2 (error rising tenfold
      per 5 orders of compute) would be implausible, and the prior allows it only at 2.5 sd.
    - slope spread ~ Gamma(2, 40) (mean 0.05, zero-avoiding): the published slopes differ by a few hundredths
      (SCIENCE.md table), so a spread of exactly zero is implausible; a HalfNormal let the sampler into the
      neck of the funnel (R-hat 1.02, bulk ESS 150 on the shipped data).
    - intercept per series (log10 error at 1e19 FLOP) ~ N(-0.7, 0.5), not pooled: metrics differ between series,
      so their error levels share nothing, and each series has enough points to pin its own level down;
      pooling them left six groups to estimate a spread and sampled poorly (R-hat 1.13).
    """
    import pymc as pm

    mu_slope = pm.Normal("mu_slope", -0.05, 0.1)
    sigma_slope = pm.Gamma("sigma_slope", alpha=2, beta=40)
    z_slope = pm.Normal("z_slope", 0, 1, dims="benchmark")
    slope = pm.Deterministic("slope", mu_slope + sigma_slope * z_slope, dims="benchmark")
    if not intercept:
        return {"slope": slope}
    return {"slope": slope, "intercept": pm.Normal("intercept", *INTERCEPT_PRIOR, dims="benchmark")}


INTERCEPT_PRIOR = (-0.7, 0.5)  # mean and sd of the intercept (log10 error at 1e19 FLOP), see _pooled_line


def _year_at_centre(data) -> np.ndarray:
    """Per series, the year (centred) its points' trend of year on compute gives at the compute centre: the
    intercept a[s] of an OLS of year on x_obs within the series (the mean year when compute does not vary)."""
    from .modeldata import YEAR_CENTRE

    year = np.asarray(data.year, dtype=float) - YEAR_CENTRE
    out = np.zeros(len(data.benchmarks))
    for s in range(len(data.benchmarks)):
        x, t = data.x_obs[data.series_index == s], year[data.series_index == s]
        spread = np.var(x)
        b = np.cov(x, t, bias=True)[0, 1] / spread if spread > 1e-12 else 0.0
        out[s] = t.mean() - b * x.mean()
    return out


def _k(slope):
    import pymc as pm

    return pm.Deterministic("k", 1 / pm.math.abs(slope), dims="benchmark")


# polynomial: log10 e = intercept + slope * x, the paper's main form (compute grows as e^(-k), k = 1/|slope|)
def _polynomial_priors(data) -> dict:
    params = _pooled_line(data)
    _k(params["slope"])
    return params


def _polynomial_mean(p, x, year, m):
    return p["intercept"] + p["slope"] * x


def _line_inverse(p, error, year):
    with np.errstate(divide="ignore", invalid="ignore"):
        x = (np.log10(error) - p["intercept"]) / p["slope"]
    return np.where(p["slope"] < 0, x, np.inf)


# polynomial_year: the same plus progress[series] * (year - 2016), algorithmic progress per series, partially pooled
# (non-centred, like the slopes): a series with few points or a narrow span of years borrows the others' rate.
# - mean progress per year in log10 error ~ N(0, 0.05): SCIENCE.md's "3 years = 10x compute" with slopes near -0.07
#   means about -0.02 per year;
# - progress spread ~ Gamma(2, 100) (mean 0.02, zero-avoiding, as for the slopes).
# The intercept has the prior of _pooled_line, sampled sheared: a series' compute and year rise together, so its
# data pin down the level at its own typical year, intercept + progress * a[s] (a[s]: _year_at_centre), far better
# than the intercept at 2016; that level is sampled (N(-0.7 + progress * a, 0.5), the same density as the
# intercept's prior) and the intercept derived. The same model; first-attempt fits passing their gates went from
# 7 to 17 of 18 (models.build_model's docstring).
def _year_priors(data) -> dict:
    import pymc as pm

    params = _pooled_line(data, intercept=False)
    mu_progress = pm.Normal("mu_progress", 0, 0.05)
    sigma_progress = pm.Gamma("sigma_progress", alpha=2, beta=100)
    z_progress = pm.Normal("z_progress", 0, 1, dims="benchmark")
    progress = pm.Deterministic("progress", mu_progress + sigma_progress * z_progress, dims="benchmark")
    at_year = _year_at_centre(data) * progress
    mean, sd = INTERCEPT_PRIOR
    level = pm.Normal("level_at_series_year", mean + at_year, sd, dims="benchmark")
    params["progress"] = progress
    params["intercept"] = pm.Deterministic("intercept", level - at_year, dims="benchmark")
    _k(params["slope"])
    return params


def _year_mean(p, x, year, m):
    return p["intercept"] + p["slope"] * x + p["progress"] * year


def _year_inverse(p, error, year):
    return _line_inverse({**p, "intercept": p["intercept"] + p["progress"] * year}, error, year)


# exponential: 1/e = exp(level) + rate * x, the paper's alternative.
# level = log(1/e at 1e19 FLOP) ~ N(1, 1) (1/e from 1 to 20 within 2 sd); rate of 1/e per decade ~ N(0.5, 1) per
# series, not pooled: rates of 1/e scale with each metric's error level (the paper's OLS rates span 0.01-3), and
# pooling them sampled poorly (R-hat 1.03).
def _exponential_priors(data) -> dict:
    import pymc as pm

    rate = pm.Normal("rate", 0.5, 1.0, dims="benchmark")
    level = pm.Normal("level", 1.0, 1.0, dims="benchmark")
    return {"rate": rate, "level": level}


def _exponential_mean(p, x, year, m):
    inverse_error = m.maximum(m.exp(p["level"]) + p["rate"] * x, 1.0001)
    return -m.log(inverse_error) / LN10


def _exponential_inverse(p, error, year):
    with np.errstate(divide="ignore", invalid="ignore"):
        x = (1 / error - np.exp(p["level"])) / p["rate"]
    return np.where(p["rate"] > 0, x, np.inf)


# saturating: e = 10^intercept * (f + (1 - f) * 10^(slope * x)), an irreducible error floor f * 10^intercept per
# series (a fraction f of the error at 1e19 FLOP). f ~ Beta(1, 3): the floor lies below the error at 1e19 FLOP, most
# mass near zero so the polynomial is the limit. Writing the floor as floor + 10^(intercept + slope x) instead made
# floor and intercept trade off (bulk ESS 90-330 for COCO). The intercept stays pinned by the data near 1e19
# whatever the floor.
def _saturating_priors(data) -> dict:
    import pymc as pm

    params = _pooled_line(data)
    params["floor_fraction"] = pm.Beta("floor_fraction", 1, 3, dims="benchmark")
    pm.Deterministic("floor", params["floor_fraction"] * 10 ** params["intercept"], dims="benchmark")
    _k(params["slope"])
    return params


def _saturating_mean(p, x, year, m):
    f, reducible = p["floor_fraction"], 10 ** (p["slope"] * x)
    # the polynomial line with its compute term replaced by the floored one (kept in this order: the sampled graph)
    return _polynomial_mean(p, x, year, m) - p["slope"] * x + m.log(f + (1 - f) * reducible) / LN10


def _saturating_inverse(p, error, year):
    fraction, slope = p["floor_fraction"], p["slope"]
    with np.errstate(divide="ignore", invalid="ignore"):
        reducible = (error / 10 ** p["intercept"] - fraction) / (1 - fraction)
        x = np.log10(reducible) / slope
    return np.where((slope < 0) & (reducible > 0), x, np.inf)


_POOLED = ("mu_slope", "sigma_slope")
register(
    Variant("polynomial", "log10 error linear in log10 compute (the paper's form)", _polynomial_priors,
            _polynomial_mean, _line_inverse, (*_POOLED, "nu", "slope", "intercept", "sigma", "k"), derived=("k",))
)  # fmt: skip
register(
    Variant("polynomial_year", "the polynomial form plus algorithmic progress per year and series, partially pooled",
            _year_priors, _year_mean, _year_inverse,
            (*_POOLED, "mu_progress", "sigma_progress", "nu", "slope", "intercept", "progress", "sigma", "k"),
            derived=("k",), year_term=True)
)  # fmt: skip
register(
    Variant("exponential", "1/error linear in log10 compute (the paper's alternative)", _exponential_priors,
            _exponential_mean, _exponential_inverse, ("nu", "rate", "level", "sigma"))
)  # fmt: skip
register(
    Variant("saturating", "the polynomial form above an irreducible error floor per series", _saturating_priors,
            _saturating_mean, _saturating_inverse, (*_POOLED, "nu", "slope", "intercept", "floor", "sigma", "k"),
            derived=("k",),
            unreachable="unreachable: below the fitted error floor (or no improvement) in most draws")
)  # fmt: skip
