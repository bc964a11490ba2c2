"""Posterior compute (and dollars, CO2) needed to reach target errors, and when the compute trend gets there."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .costs import dollars, lb_co2e
from .models import X_CENTRE, usable

QUANTILES = (0.05, 0.25, 0.50, 0.75, 0.95)
TARGET_COLUMNS = (
    ["benchmark", "target_error"]
    + [f"flop_q{int(q * 100):02d}" for q in QUANTILES]
    + [f"dollars_q{int(q * 100):02d}" for q in QUANTILES]
    + [f"lb_co2e_q{int(q * 100):02d}" for q in QUANTILES]
    + ["p_reachable", "year_trend_reaches_median", "status"]
)


def compute_trend(papers: pd.DataFrame) -> tuple[float, float]:
    """OLS of log10(flop) on year over every usable point: (slope per year, intercept)."""
    data = usable(papers)
    x, y = data["year"].to_numpy(float), np.log10(data["flop"].to_numpy(float))
    slope, intercept = np.polyfit(x, y, 1)
    return float(slope), float(intercept)


def required_log10_flop(intercept: np.ndarray, slope: np.ndarray, target_error: float) -> np.ndarray:
    """log10 FLOP where the polynomial law reaches `target_error` (fraction); +inf where the slope is not negative."""
    with np.errstate(divide="ignore", invalid="ignore"):
        x = X_CENTRE + (np.log10(target_error) - intercept) / slope
    return np.where(slope < 0, x, np.inf)


def targets_table(idata, benchmarks: dict, papers: pd.DataFrame, costs: dict) -> pd.DataFrame:
    """targets.tsv: quantiles of FLOP, dollars and lb CO2e for each benchmark and target error."""
    trend_slope, trend_intercept = compute_trend(papers)
    posterior = idata.posterior
    fitted = list(np.asarray(posterior["slope"].coords["benchmark"]))
    rows = []
    for name, spec in benchmarks.items():
        for target in spec.get("targets", []):
            row = {"benchmark": name, "target_error": float(target)}
            if name not in fitted:
                row["status"] = "not fitted (fewer than 3 usable points)"
                rows.append(row)
                continue
            slope = np.asarray(posterior["slope"].sel(benchmark=name)).ravel()
            intercept = np.asarray(posterior["intercept"].sel(benchmark=name)).ravel()
            log_flop = required_log10_flop(intercept, slope, target / 100)
            row["p_reachable"] = float(np.isfinite(log_flop).mean())
            quantiles = np.quantile(log_flop, QUANTILES)  # inf where too few draws reach it
            for q, value in zip(QUANTILES, quantiles, strict=True):
                tag = f"q{int(q * 100):02d}"
                flop = 10.0**value if np.isfinite(value) else np.inf
                row[f"flop_{tag}"] = flop
                row[f"dollars_{tag}"] = dollars(flop, costs)
                row[f"lb_co2e_{tag}"] = lb_co2e(flop, costs)
            median = quantiles[2]
            if np.isfinite(median):
                row["year_trend_reaches_median"] = (median - trend_intercept) / trend_slope
                row["status"] = "ok"
            else:
                row["status"] = "unreachable: the posterior median slope is not negative"
            rows.append(row)
    return pd.DataFrame(rows).reindex(columns=TARGET_COLUMNS)
