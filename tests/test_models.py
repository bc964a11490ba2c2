"""The OLS baseline reproduces Thompson et al. v1; convergence gates fail loudly with the parameter's name."""

from __future__ import annotations

import pandas as pd
import pytest
import yaml

from computelimits.burden import merge_benchmark
from computelimits.hardware import DEFAULT_CONVENTIONS, load_table
from computelimits.models import GateError, check_gates, ols
from computelimits.sheets import load_benchmarks

from .conftest import ROOT, SHEET_SCHEMA, need_shared

# SCIENCE.md, v1 table: slope and R^2 per series.
PUBLISHED = {
    "imagenet": (-0.0733, 0.45),
    "coco": (-0.0226, 0.29),
    "squad": (-0.1286, 0.68),
    "conll": (-0.0168, 0.42),
    "wmt14_en_fr": (-0.0237, 0.52),
    "wmt14_en_de": (-0.0023, 0.00),
}


def thompson_papers() -> pd.DataFrame:
    """The shipped sheets under config/thompson_v1.yaml: every row uses the paper's given hardware burden."""
    config = yaml.safe_load((ROOT / "config/config.yaml").read_text())
    override = yaml.safe_load((ROOT / "config/thompson_v1.yaml").read_text())
    table = load_table(ROOT / "resources/hardware.tsv")
    sheets = load_benchmarks(config["benchmarks"], SHEET_SCHEMA, ROOT)
    parts = [
        merge_benchmark(n, s, config["benchmarks"][n], pd.DataFrame(), table, DEFAULT_CONVENTIONS, "thompson",
                        override["source_priority"], 0.05)
        for n, s in sheets.items()
    ]  # fmt: skip
    return pd.concat(parts, ignore_index=True)


def test_ols_reproduces_v1():
    fits = ols(thompson_papers())
    poly = fits[fits["form"] == "polynomial"].set_index("benchmark")
    for name, (slope, r2) in PUBLISHED.items():
        assert round(poly.loc[name, "slope"], 4) == pytest.approx(slope, abs=1e-4), name
        assert round(poly.loc[name, "r2"], 2) == pytest.approx(r2, abs=0.01), name
    assert poly.loc["imagenet", "n"] == 13 and poly.loc["coco", "n"] == 33
    assert round(poly.loc["imagenet", "k"], 1) == 13.6


def test_sheets_carry_thompson_points_unchanged():
    source = pd.read_csv(need_shared("computerprogress_thompson", "website_benchmark_points_2021-09.csv"))
    papers = thompson_papers()
    assert len(papers) == len(source) == 101
    assert sorted(papers["flop"] / 1e9) == pytest.approx(sorted(source["hardware_burden"]), rel=1e-9)


def test_gate_failure_names_parameter():
    summary = pd.DataFrame(
        [
            {"benchmark": "", "parameter": "mu_slope", "r_hat": 1.002, "ess_bulk": 900.0},
            {"benchmark": "coco", "parameter": "slope", "r_hat": 1.08, "ess_bulk": 120.0},
        ]
    )
    with pytest.raises(GateError) as caught:
        check_gates(summary, 3, max_r_hat=1.01, min_ess_bulk=400, max_divergences=0)
    message = str(caught.value)
    assert "slope[coco]: R-hat 1.0800 > 1.01" in message
    assert "slope[coco]: bulk ESS 120 < 400" in message
    assert "3 divergent transitions > 0 allowed" in message
    assert "mu_slope" not in message
    check_gates(summary.iloc[:1], 0, max_r_hat=1.01, min_ess_bulk=400, max_divergences=0)
