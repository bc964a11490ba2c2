"""Posterior compute (and dollars, CO2) needed to reach target errors, and when the compute trend gets there."""

from __future__ import annotations

import numpy as np
import pandas as pd

from . import variants
from .costs import dollars, lb_co2e
from .modeldata import usable
from .posterior import fitted_series, required_log10_flop
from .sampling import PASSED, gate_status

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


def targets_table(posteriors: dict, benchmarks: dict, papers: pd.DataFrame, costs: dict) -> pd.DataFrame:
    """targets.tsv: quantiles of FLOP, dollars and lb CO2e for each model variant, benchmark and target error."""
    trend_slope, trend_intercept = compute_trend(papers)
    latest_year = float(usable(papers)["year"].max())
    rows = []
    for variant, idata in posteriors.items():
        posterior = idata.posterior
        fitted = fitted_series(posterior)
        for name, spec in benchmarks.items():
            for target in spec["targets"]:
                row = {"model": variant, "benchmark": name, "target_error": float(target)}
                rows.append(row)
                if name not in fitted:
                    row["status"] = "not fitted (fewer than 3 usable points)"
                    continue
                if gate_status(idata) != PASSED:
                    row["status"] = f"not extrapolated: the variant {gate_status(idata)}"
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
                else:
                    row["status"] = variants.get(variant).unreachable
    return pd.DataFrame(rows).reindex(columns=TARGET_COLUMNS)
