"""Headline numbers (results/numbers.json): per series n, k and the compute, dollars and CO2 per target."""

from __future__ import annotations

import math

import pandas as pd

from . import __version__
from .burden import validation_summary
from .modeldata import usable

VERSIONED = ("computelimits", "pymc", "pytensor", "nutpie", "arviz", "snakemake", "pdfplumber", "pypdfium2")


def versions() -> dict[str, str]:
    """Installed versions of the packages behind the numbers."""
    from importlib.metadata import PackageNotFoundError, version

    found = {}
    for name in VERSIONED:
        try:
            found[name] = version(name)
        except PackageNotFoundError:
            found[name] = "not installed"
    return found


def _clean(value):
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


def headline_numbers(
    papers: pd.DataFrame,
    summary: pd.DataFrame,
    targets: pd.DataFrame,
    loo: pd.DataFrame,
    counts: pd.DataFrame,
    validation: pd.DataFrame,
    diagnostics: pd.DataFrame,
    convention: str,
    seed: int,
    main: str,
) -> dict:
    data = usable(papers)
    summary = summary[summary["model"] == main]
    targets = targets[targets["model"] == main]
    series = {}
    for name in papers["benchmark"].drop_duplicates():
        k = summary[(summary["parameter"] == "k") & (summary["benchmark"] == name)]
        entry = {
            "rows": int((papers["benchmark"] == name).sum()),
            "n": int((data["benchmark"] == name).sum()),
            "k": None
            if k.empty
            else {
                "median": _clean(float(k["q50"].iloc[0])),
                "q05": _clean(float(k["q05"].iloc[0])),
                "q95": _clean(float(k["q95"].iloc[0])),
            },
            "targets": [],
        }
        for _, row in targets[targets["benchmark"] == name].iterrows():
            entry["targets"].append(
                {
                    "target_error_percent": float(row["target_error"]),
                    "status": row["status"],
                    "flop": {q: _clean(float(row[f"flop_{q}"])) for q in ("q05", "q50", "q95")},
                    "dollars": {q: _clean(float(row[f"dollars_{q}"])) for q in ("q05", "q50", "q95")},
                    "lb_co2e": {q: _clean(float(row[f"lb_co2e_{q}"])) for q in ("q05", "q50", "q95")},
                }
            )
        series[name] = entry
    comparison = [
        {k: _clean(v) for k, v in row.items() if k in ("model", "rank", "elpd", "elpd_diff", "dse", "weight", "status")}
        for row in loo.to_dict("records")
    ]
    failed = [row["model"] for row in diagnostics.to_dict("records") if row["status"] != "passed"]
    return {
        "convention": convention,
        "seed": seed,
        "version": __version__,
        "versions": versions(),
        "model": main,
        "loo": comparison,
        # every variant's convergence (status "passed" or "failed gates: ..."); failed ones are not ranked by LOO
        "diagnostics": [{k: _clean(v) for k, v in row.items()} for row in diagnostics.to_dict("records")],
        "failed_variants": failed,
        "dataset": [{k: _clean(v) for k, v in row.items()} for row in counts.to_dict("records")],
        "validation": validation_summary(validation),
        "series": series,
    }
