"""Reading fitted posteriors: the series fitted, a series' parameter draws, and predictions of the mean error."""

from __future__ import annotations

import numpy as np

from . import variants
from .modeldata import X_CENTRE, YEAR_CENTRE


def fitted_series(posterior) -> list[str]:
    """The series a posterior was fitted to (those with 3 or more usable points)."""
    return [str(b) for b in np.asarray(posterior["benchmark"])]


def series_draws(posterior, name: str) -> dict[str, np.ndarray]:
    """All posterior draws (chains flattened) of every parameter, for series `name`: per-series parameters at that
    series, shared ones as they are (per-point quantities are left out)."""
    draws = {}
    for var, values in posterior.data_vars.items():
        dims = set(values.dims) - {"chain", "draw"}
        if dims == {"benchmark"}:
            draws[var] = np.asarray(values.sel(benchmark=name)).ravel()
        elif not dims:
            draws[var] = np.asarray(values).ravel()
    return draws


def predict_log10_error(posterior, name: str, log10_flop: np.ndarray, variant: str, year: float) -> np.ndarray:
    """Posterior draws (rows) of the mean log10 error of series `name` at each log10 FLOP (columns); the year-term
    variants are evaluated at `year`."""
    x = np.asarray(log10_flop, dtype=float)[None, :] - X_CENTRE
    draws = {var: values[:, None] for var, values in series_draws(posterior, name).items()}
    return variants.get(variant).mean(draws, x, year - YEAR_CENTRE, np)


def required_log10_flop(posterior, name: str, target_error: float, variant: str, year: float) -> np.ndarray:
    """Per posterior draw, log10 FLOP at which series `name` reaches `target_error` (a fraction) under
    `variant`; +inf where that draw never gets there (no improvement with compute, or a floor above the target).
    The year-term variants are evaluated at `year`."""
    x = variants.get(variant).inverse(series_draws(posterior, name), target_error, year - YEAR_CENTRE)
    return X_CENTRE + x
