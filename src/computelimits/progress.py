"""Algorithmic progress per series, as compute-equivalent gain (from the year-term variant).

With log10 error = a + b log10 C + g (year - y0), a fixed error needs log10 C to fall by g / b per year (both
negative when compute and time both help): compute needed falls by the factor 10^(g/b) per year, and halves every
12 log10(2) / (g / b) months (SCIENCE.md). Computed per posterior draw; a draw with g / b <= 0 shows no progress
(infinite halving time).
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd

from .posterior import fitted_series, series_draws

QUANTILES = (0.05, 0.5, 0.95)
PROGRESS_COLUMNS = [
    "benchmark", "model",
    "log10_flop_per_year_q05", "log10_flop_per_year_q50", "log10_flop_per_year_q95",
    "factor_per_year_q05", "factor_per_year_q50", "factor_per_year_q95",
    "halving_months_q05", "halving_months_q50", "halving_months_q95", "p_progress",
    "published_halving_months", "published_low", "published_high", "published_interval", "published_scope",
    "published_source",
]  # fmt: skip
PUBLISHED = Path(__file__).resolve().parents[2] / "resources" / "published_progress.tsv"


def published(path: str | Path = PUBLISHED) -> dict[str, dict]:
    """Published halving times by series (resources/published_progress.tsv; each row cites its source)."""
    with open(path, newline="", encoding="utf-8") as handle:
        return {row["series"]: row for row in csv.DictReader(handle, delimiter="\t")}


def halving_months(gain: np.ndarray) -> np.ndarray:
    """Months for the compute needed at a fixed error to halve, from the gain in log10 compute per year."""
    with np.errstate(divide="ignore"):
        return np.where(gain > 0, 12 * np.log10(2) / gain, np.inf)


def progress_table(idata, variant: str, reference: dict[str, dict] | None = None) -> pd.DataFrame:
    """progress.tsv rows: per fitted series, the gain in log10 compute per year (g/b), the factor by which compute
    needed falls per year, the halving time in months (quantiles 5/50/95: the halving time's q05 is the gain's
    q95), the share of draws with progress, and the published figure beside it."""
    reference = published() if reference is None else reference
    posterior = idata.posterior
    rows = []
    for name in fitted_series(posterior):
        draws = series_draws(posterior, name)
        gain = draws["progress"] / draws["slope"]
        q05, q50, q95 = np.quantile(gain, QUANTILES)
        halving = halving_months(np.array([q95, q50, q05]))
        ref = reference.get(name, {})
        rows.append(
            {
                "benchmark": name, "model": variant,
                "log10_flop_per_year_q05": q05, "log10_flop_per_year_q50": q50, "log10_flop_per_year_q95": q95,
                "factor_per_year_q05": 10**q05, "factor_per_year_q50": 10**q50, "factor_per_year_q95": 10**q95,
                "halving_months_q05": halving[0], "halving_months_q50": halving[1], "halving_months_q95": halving[2],
                "p_progress": float((gain > 0).mean()),
                "published_halving_months": float(ref["halving_months"]) if ref else np.nan,
                "published_low": float(ref["halving_months_low"]) if ref else np.nan,
                "published_high": float(ref["halving_months_high"]) if ref else np.nan,
                "published_interval": ref.get("interval", ""), "published_scope": ref.get("scope", ""),
                "published_source": ref.get("source", ""),
            }
        )  # fmt: skip
    return pd.DataFrame(rows, columns=PROGRESS_COLUMNS)
