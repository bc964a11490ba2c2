"""The rows the fits use and their arrays: log10 compute (centred), its uncertainty, log10 error, year, series."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

# Compute is centred here (log10 FLOP) so that intercepts mean "error at 1e19 FLOP" and are weakly correlated
# with slopes; 1e19 sits in the middle of the 2012-2020 data.
X_CENTRE = 19.0
YEAR_CENTRE = 2016.0


def usable(papers: pd.DataFrame) -> pd.DataFrame:
    """Rows the fits use: status ok, positive flop, error strictly between 0 and 1."""
    ok = papers[(papers["status"] == "ok") & (papers["flop"] > 0) & (papers["error"] > 0) & (papers["error"] < 1)]
    return ok.copy()


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


def model_data(papers: pd.DataFrame, benchmarks: list[str], min_log10_sd: float) -> ModelData:
    """The usable rows of `benchmarks` with 3 or more points, as model arrays (series in config order)."""
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
