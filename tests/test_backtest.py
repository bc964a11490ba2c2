"""The back-test and algorithmic progress: scores computed as documented, and, on data simulated from the model
with a known progress rate, predictive intervals that cover the later points and halving-time intervals that
cover the truth at about their nominal rate."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from computelimits.backtest import POOLED, predict_ols, scores, split
from computelimits.progress import halving_months

SLOPES = np.array([-0.07, -0.035, -0.1])
INTERCEPTS = np.array([-0.7, -0.35, -1.0])
PROGRESS = np.array([-0.02, -0.012, -0.03])  # log10 error per year
NOISE = 0.04
CUTOFF = 2018


def _papers(seed: int, per_series: int = 16) -> pd.DataFrame:
    """papers.tsv rows simulated from the year-term model: compute 1e16-1e22 FLOP, years 2012-2021 (the same design
    for every seed; the seed draws the noise)."""
    design, rng = np.random.default_rng(0), np.random.default_rng(seed)
    rows = []
    for s, name in enumerate(("alpha", "beta", "gamma")):
        x = design.uniform(-3, 3, per_series)
        year = np.sort(design.integers(2012, 2022, per_series))
        y = INTERCEPTS[s] + SLOPES[s] * x + PROGRESS[s] * (year - 2016) + rng.normal(0, NOISE, per_series)
        for i in range(per_series):
            flop = 10 ** (19 + x[i])
            rows.append({"benchmark": name, "model": f"{name}{i}", "year": int(year[i]), "status": "ok",
                         "flop": flop, "flop_low": flop, "flop_high": flop, "error": 10 ** y[i]})  # fmt: skip
    return pd.DataFrame(rows)


def test_scores_and_ols_predictions():
    papers = _papers(1)
    train, test = split(papers, CUTOFF)
    assert (train["year"] <= CUTOFF).all() and (test["year"] > CUTOFF).all() and len(train) + len(test) == 48
    predictions = predict_ols(train, test, seed=3)
    assert (predictions["status"] == "ok").all()
    assert (predictions["pred_q05"] < predictions["pred_q50"]).all() and (
        predictions["pred_q50"] < predictions["pred_q95"]
    ).all()
    table = scores(predictions, train, CUTOFF).set_index("benchmark")
    pooled = table.loc[POOLED]
    assert pooled["n_test"] == len(test) and pooled["n_train"] == len(train)
    assert pooled["coverage90"] == pytest.approx(predictions["in90"].mean())
    assert pooled["median_signed_error"] == pytest.approx(
        (predictions["log10_error"] - predictions["pred_q50"]).median()
    )
    # OLS ignores the years: later points are better than its line predicts (progress), so the signed error is < 0
    assert pooled["median_signed_error"] < 0


def test_halving_time_from_the_gain():
    assert halving_months(np.array([math.log10(2)]))[0] == pytest.approx(12.0)  # compute halves every year
    assert np.isinf(halving_months(np.array([0.0, -0.1]))).all()


@pytest.mark.slow
def test_simulated_backtest_and_progress_reach_nominal_coverage():
    """20 data sets simulated with known progress: the back-test's 90% predictive intervals (fitted up to 2018)
    cover about 90% of the later points, and the halving time's 90% interval covers the true one in about 90% of
    the 60 series fits."""
    import nutpie

    from computelimits.backtest import predict_variant
    from computelimits.modeldata import model_data
    from computelimits.models import build_model
    from computelimits.progress import progress_table

    reference = {}
    inside = covered = series_fits = 0
    predicted = 0
    compiled = None
    for replicate in range(20):
        papers = _papers(100 + replicate)
        train, test = split(papers, CUTOFF)
        data = model_data(train, ["alpha", "beta", "gamma"], 0.05)
        if compiled is None:  # the design (compute, years) is the same in every replicate: compile once
            compiled = nutpie.compile_pymc_model(build_model(data, "polynomial_year"))
        trace = nutpie.sample(compiled.with_data(y=data.y), draws=600, tune=600, chains=2, seed=replicate,
                              progress_bar=False, target_accept=0.95)  # fmt: skip
        predictions = predict_variant(trace, "polynomial_year", test, 0.05, seed=replicate)
        inside += int(predictions["in90"].astype(bool).sum())
        predicted += len(predictions)
        table = progress_table(trace, "polynomial_year", reference).set_index("benchmark")
        truth = halving_months(PROGRESS / SLOPES)
        for s, name in enumerate(("alpha", "beta", "gamma")):
            low, high = table.loc[name, "halving_months_q05"], table.loc[name, "halving_months_q95"]
            covered += int(low <= truth[s] <= high)
            series_fits += 1
    print(f"back-test 90% coverage {inside}/{predicted}; halving-time 90% coverage {covered}/{series_fits}")
    assert 0.83 <= inside / predicted <= 0.97, (inside, predicted)
    assert 0.78 <= covered / series_fits <= 0.99, (covered, series_fits)


@pytest.mark.slow
def test_changing_the_cutoff_reruns_only_the_backtest(tmp_path):
    """On the .test/ workflow after a full run: a new backtest.cutoff_year plans the back-test's jobs (and the
    numbers and report page that quote them), never the extraction, merge or main fits."""
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    from computelimits.workdir import copy_workflow

    from .conftest import ROOT

    workdir = copy_workflow(ROOT, tmp_path / "w")
    shutil.copytree(ROOT / ".test", workdir / ".test", ignore=shutil.ignore_patterns("results", "logs", ".snakemake"))
    snakemake = [str(Path(sys.executable).with_name("snakemake")), "--cores", "2", "--directory", ".test"]
    run = subprocess.run(snakemake, cwd=workdir, capture_output=True, text=True, timeout=900)
    assert run.returncode == 0, run.stderr[-3000:]
    assert (workdir / ".test/results/backtest/scores.tsv").exists()
    dry = subprocess.run([*snakemake, "-n", "--config", "backtest={cutoff_year: 2017}"], cwd=workdir,
                         capture_output=True, text=True, timeout=300)  # fmt: skip
    assert dry.returncode == 0, dry.stderr[-3000:]
    table = dry.stdout.split("Job stats:")[1].split("total")[0]
    jobs = {line.split()[0] for line in table.splitlines()[3:] if len(line.split()) == 2}
    assert "backtest_fit" in jobs and "score_backtest" in jobs
    assert jobs <= {"backtest_fit", "score_backtest", "write_numbers", "all"}, jobs
