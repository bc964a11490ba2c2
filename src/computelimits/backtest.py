"""Did the trend hold? Fit on the points published up to a cut-off year, predict the error of every later point
from its compute (and year, for the year-term variant), and score the predictions.

Per held-out point: the posterior predictive distribution of its log10 error (draws of the variant's mean at the
point's true compute, drawn from its errors-in-variables prior, plus the Student-t residual), its 50% and 90%
central intervals, the log predictive density of the observed value and the signed error (observed minus the
predictive median: negative when later models did better than the trend said). The paper's OLS is scored the same
way with its t predictive interval. Scores per series and pooled: coverage of the 50% and 90% intervals, mean log
predictive density, median signed error.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
from scipy import stats

from . import variants
from .modeldata import X_CENTRE, YEAR_CENTRE, log10_sd, usable
from .ols import _linregress
from .posterior import fitted_series, series_draws

PREDICTION_COLUMNS = [
    "model", "benchmark", "paper", "year", "log10_flop", "log10_error", "pred_q05", "pred_q25", "pred_q50",
    "pred_q75", "pred_q95", "lpd", "in50", "in90", "signed_error", "status",
]  # fmt: skip
SCORE_COLUMNS = [
    "model", "benchmark", "cutoff_year", "n_train", "n_test", "coverage50", "coverage90", "mean_lpd",
    "median_signed_error", "status",
]  # fmt: skip
POOLED = "(pooled)"
MAX_DRAWS = 2000


def split(papers: pd.DataFrame, cutoff_year: int) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The usable rows published up to and including `cutoff_year`, and those published after it."""
    data = usable(papers)
    return data[data["year"] <= cutoff_year].copy(), data[data["year"] > cutoff_year].copy()


def _row(model: str, point: pd.Series, draws: np.ndarray | None, lpd: float, status: str) -> dict:
    y = math.log10(point["error"])
    row = {"model": model, "benchmark": point["benchmark"], "paper": point["model"], "year": point["year"],
           "log10_flop": math.log10(point["flop"]), "log10_error": y, "status": status}  # fmt: skip
    if draws is not None:
        q = np.quantile(draws, [0.05, 0.25, 0.5, 0.75, 0.95])
        row.update({f"pred_q{int(p * 100):02d}": v for p, v in zip((0.05, 0.25, 0.5, 0.75, 0.95), q, strict=True)})
        row.update(lpd=lpd, in50=bool(q[1] <= y <= q[3]), in90=bool(q[0] <= y <= q[4]), signed_error=y - q[2])
    return row


def _subsample(draws: dict, rng: np.random.Generator, max_draws: int) -> dict:
    """At most `max_draws` of the posterior draws (a random subset without replacement when there are more)."""
    size = len(draws["sigma"])
    pick = rng.choice(size, size=max_draws, replace=False) if size > max_draws else np.arange(size)
    return {k: v[pick] for k, v in draws.items()}


def predict_variant(
    idata, variant: str, test: pd.DataFrame, min_log10_sd: float, seed: int, max_draws: int = MAX_DRAWS
) -> pd.DataFrame:
    """Posterior predictive of every held-out point of the series the variant was fitted to (others: a status)."""
    rng = np.random.default_rng(seed)
    posterior = idata.posterior
    form = variants.get(variant)
    draws = {name: series_draws(posterior, name) for name in fitted_series(posterior)}
    rows = []
    for _, point in test.iterrows():
        name = point["benchmark"]
        if name not in draws:
            rows.append(_row(variant, point, None, math.nan, "not fitted before the cut-off"))
            continue
        p = _subsample(draws[name], rng, max_draws)
        x_sd = float(log10_sd(np.array([point["flop_low"]]), np.array([point["flop_high"]]), min_log10_sd)[0])
        x_true = math.log10(point["flop"]) - X_CENTRE + x_sd * rng.standard_normal(len(p["sigma"]))
        mu = np.asarray(form.mean(p, x_true, point["year"] - YEAR_CENTRE, np), dtype=float)
        sigma, nu = p["sigma"], p["nu"]
        y = math.log10(point["error"])
        lpd = float(np.logaddexp.reduce(stats.t.logpdf(y, df=nu, loc=mu, scale=sigma)) - math.log(len(mu)))
        predicted = mu + sigma * rng.standard_t(nu)
        rows.append(_row(variant, point, predicted, lpd, "ok"))
    return pd.DataFrame(rows, columns=PREDICTION_COLUMNS)


def predict_ols(train: pd.DataFrame, test: pd.DataFrame, seed: int, draws: int = MAX_DRAWS) -> pd.DataFrame:
    """The paper's OLS per series, fitted before the cut-off: Student-t predictive of each later point."""
    rng = np.random.default_rng(seed)
    fits = {}  # per series: (x, slope, intercept, residual sd) of the fit before the cut-off
    for name in test["benchmark"].unique():
        part = train[train["benchmark"] == name]
        x = np.log10(part["flop"].to_numpy(float))
        y = np.log10(part["error"].to_numpy(float))
        slope, intercept, _, _ = _linregress(x, y)
        if not math.isnan(slope):
            fits[name] = (x, slope, intercept, math.sqrt(((y - (intercept + slope * x)) ** 2).sum() / (len(x) - 2)))
    rows = []
    for _, point in test.iterrows():
        if point["benchmark"] not in fits:
            rows.append(_row("ols", point, None, math.nan, "not fitted before the cut-off"))
            continue
        x, slope, intercept, s = fits[point["benchmark"]]
        n = len(x)
        x0 = math.log10(point["flop"])
        scale = s * math.sqrt(1 + 1 / n + (x0 - x.mean()) ** 2 / ((x - x.mean()) ** 2).sum())
        loc = intercept + slope * x0
        lpd = float(stats.t.logpdf(math.log10(point["error"]), df=n - 2, loc=loc, scale=scale))
        rows.append(_row("ols", point, loc + scale * rng.standard_t(n - 2, size=draws), lpd, "ok"))
    return pd.DataFrame(rows, columns=PREDICTION_COLUMNS)


def scores(predictions: pd.DataFrame, train: pd.DataFrame, cutoff_year: int) -> pd.DataFrame:
    """scores.tsv: per model (variant or ols) and series, and pooled over series: coverage of the 50% and 90%
    predictive intervals, mean log predictive density, median signed error (log10 error)."""
    rows = []
    n_train = train.groupby("benchmark").size()
    for model, part in predictions.groupby("model", sort=False):
        groups = [*part.groupby("benchmark", sort=False), (POOLED, part)]
        for name, group in groups:
            ok = group[group["status"] == "ok"]
            row = {"model": model, "benchmark": name, "cutoff_year": cutoff_year, "n_test": len(ok),
                   "n_train": int(n_train.sum() if name == POOLED else n_train.get(name, 0))}  # fmt: skip
            if len(ok):
                row.update(
                    coverage50=float(ok["in50"].astype(bool).mean()), coverage90=float(ok["in90"].astype(bool).mean()),
                    mean_lpd=float(ok["lpd"].mean()), median_signed_error=float(ok["signed_error"].median()),
                    status="ok",
                )  # fmt: skip
            else:
                row["status"] = group["status"].iloc[0] if len(group) else "no points after the cut-off"
            rows.append(row)
    return pd.DataFrame(rows, columns=SCORE_COLUMNS)


def predictive_band(idata, variant: str, name: str, log10_flop: np.ndarray, year: float, seed: int) -> np.ndarray:
    """Quantiles 5/25/50/75/95 (rows) of the posterior predictive log10 error of series `name` at each log10 FLOP
    (columns), for a paper of `year`: the band the fit before the cut-off carries forward."""
    rng = np.random.default_rng(seed)
    p = {k: v[:, None] for k, v in _subsample(series_draws(idata.posterior, name), rng, MAX_DRAWS).items()}
    x = np.asarray(log10_flop, dtype=float)[None, :] - X_CENTRE
    mu = variants.get(variant).mean(p, x, year - YEAR_CENTRE, np)
    predicted = mu + p["sigma"] * rng.standard_t(p["nu"])  # one residual per draw: smooth quantile curves
    return np.quantile(predicted, [0.05, 0.25, 0.5, 0.75, 0.95], axis=0)
