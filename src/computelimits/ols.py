"""The paper's baseline: per-benchmark ordinary least squares, polynomial and exponential forms."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd

from .modeldata import usable

OLS_COLUMNS = ["benchmark", "form", "slope", "intercept", "r2", "n", "k", "slope_se"]


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
    """The paper's per-benchmark OLS fits, polynomial (log10 error on log10 FLOP) and exponential (1/error on
    log10 FLOP); k = 1/|slope| only for the polynomial form."""
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
