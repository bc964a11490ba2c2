"""Posterior compute (and dollars, CO2) needed to reach target errors, and when the compute trend gets there."""

from __future__ import annotations

import numpy as np
import pandas as pd

from .costs import dollars, lb_co2e
from .models import VARIANTS, X_CENTRE, fitted_series, line_draws, series_draws, usable

QUANTILES = (0.05, 0.25, 0.50, 0.75, 0.95)
TARGET_COLUMNS = (
    ["benchmark", "target_error"]
    + [f"flop_q{int(q * 100):02d}" for q in QUANTILES]
    + [f"dollars_q{int(q * 100):02d}" for q in QUANTILES]
    + [f"lb_co2e_q{int(q * 100):02d}" for q in QUANTILES]
    + ["p_reachable", "year_trend_reaches_median", "status", "model"]
)


def compute_trend(papers: pd.DataFrame) -> tuple[float, float]:
    """OLS of log10(flop) on year over every usable point: (slope per year, intercept)."""
    data = usable(papers)
    x, y = data["year"].to_numpy(float), np.log10(data["flop"].to_numpy(float))
    slope, intercept = np.polyfit(x, y, 1)
    return float(slope), float(intercept)


def required_log10_flop(posterior, name: str, target_error: float, variant: str, year: float) -> np.ndarray:
    """Per posterior draw, log10 FLOP at which series `name` reaches `target_error` (a fraction) under
    `variant`; +inf where that draw never gets there (no improvement with compute, or a floor above the target).
    The year-term variant is evaluated at `year`."""
    form, year_term = VARIANTS[variant]
    with np.errstate(divide="ignore", invalid="ignore"):
        if form == "exponential":
            level, rate = series_draws(posterior, name, "level"), series_draws(posterior, name, "rate")
            x = (1 / target_error - np.exp(level)) / rate
            return np.where(rate > 0, X_CENTRE + x, np.inf)
        intercept, slope = line_draws(posterior, name, year_term, year)
        if form == "saturating":
            fraction = series_draws(posterior, name, "floor_fraction")
            reducible = (target_error / 10**intercept - fraction) / (1 - fraction)
            x = np.log10(reducible) / slope
            return np.where((slope < 0) & (reducible > 0), X_CENTRE + x, np.inf)
        x = (np.log10(target_error) - intercept) / slope
        return np.where(slope < 0, X_CENTRE + x, np.inf)


def targets_table(posteriors: dict, benchmarks: dict, papers: pd.DataFrame, costs: dict) -> pd.DataFrame:
    """targets.tsv: quantiles of FLOP, dollars and lb CO2e for each model variant, benchmark and target error."""
    trend_slope, trend_intercept = compute_trend(papers)
    latest_year = float(usable(papers)["year"].max())
    rows = []
    for variant, idata in posteriors.items():
        posterior = idata.posterior
        fitted = fitted_series(posterior)
        for name, spec in benchmarks.items():
            for target in spec.get("targets", []):
                row = {"model": variant, "benchmark": name, "target_error": float(target)}
                rows.append(row)
                if name not in fitted:
                    row["status"] = "not fitted (fewer than 3 usable points)"
                    continue
                log_flop = required_log10_flop(posterior, name, target / 100, variant, latest_year)
                row["p_reachable"] = float(np.isfinite(log_flop).mean())
                quantiles = np.quantile(log_flop, QUANTILES)  # inf where too few draws reach the target
                for q, value in zip(QUANTILES, quantiles, strict=True):
                    tag = f"q{int(q * 100):02d}"
                    flop = 10.0**value if np.isfinite(value) else np.inf
                    row[f"flop_{tag}"] = flop
                    row[f"dollars_{tag}"] = dollars(flop, costs)
                    row[f"lb_co2e_{tag}"] = lb_co2e(flop, costs)
                if np.isfinite(quantiles[2]):
                    row["year_trend_reaches_median"] = (quantiles[2] - trend_intercept) / trend_slope
                    row["status"] = "ok"
                elif VARIANTS[variant][0] == "saturating":
                    row["status"] = "unreachable: below the fitted error floor (or no improvement) in most draws"
                else:
                    row["status"] = "unreachable: most posterior draws show no improvement with compute"
    return pd.DataFrame(rows).reindex(columns=TARGET_COLUMNS)
