"""The OLS baseline reproduces Thompson et al. v1; convergence gates fail loudly with the parameter's name."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import yaml

from computelimits.burden import merge_benchmark
from computelimits.defaults import benchmark_defaults
from computelimits.hardware import load_table
from computelimits.ols import ols
from computelimits.sampling import GateError, check_gates
from computelimits.sheets import load_benchmarks

from .conftest import CONVENTIONS, ROOT, SHEET_SCHEMA, need_shared

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
    """The shipped sheets under config/thompson_v1.yaml: its sheets (config/sheets/thompson_v1/) hold the chart's
    points alone, each with the paper's hardware burden, which that priority uses."""
    config = yaml.safe_load((ROOT / "config/config.yaml").read_text())
    override = yaml.safe_load((ROOT / "config/thompson_v1.yaml").read_text())
    for name, spec in override.get("benchmarks", {}).items():  # the overlay's sheets, as Snakemake merges it
        config["benchmarks"][name].update(spec)
    table = load_table(ROOT / "resources/hardware.tsv")
    sheets = load_benchmarks(config["benchmarks"], SHEET_SCHEMA, ROOT)
    parts = [
        merge_benchmark(n, s, benchmark_defaults(config["benchmarks"][n]), pd.DataFrame(), table, CONVENTIONS,
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
    papers = papers[papers["status"] == "ok"]
    assert (papers["flop_source"] == "given").all()
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


def _design(n_series: int, per_series: int, seed: int):
    """ModelData for simulations: n_series series of per_series points over 1e16-1e22 FLOP, y to be filled."""
    from computelimits.modeldata import ModelData

    series = np.repeat(np.arange(n_series), per_series)
    return ModelData(
        benchmarks=[chr(ord("a") + i) for i in range(n_series)],
        series_index=series,
        x_obs=np.random.default_rng(seed).uniform(-3, 3, series.size),
        x_sd=np.full(series.size, 0.05),
        y=np.zeros(series.size),
        year=np.full(series.size, 2016.0),
        models=[f"m{i}" for i in range(series.size)],
    )


def _simulated_y(data, slopes, intercepts, noise, seed):
    series = data.series_index
    rng = np.random.default_rng(seed)
    return np.asarray(intercepts)[series] + np.asarray(slopes)[series] * data.x_obs + rng.normal(0, noise, series.size)


@pytest.mark.slow
def test_simulated_slopes_are_recovered_at_nominal_coverage():
    """Simulation-based check: 25 data sets from known slopes and noise; the 90% posterior intervals of the
    three slopes should cover the truth about 90% of the time (67.5 of 75)."""
    import nutpie

    from computelimits.models import build_model

    slopes, intercepts, noise = [-0.07, -0.02, -0.12], [-0.7, -0.25, -1.0], 0.05
    data = _design(3, 15, seed=7)
    compiled = nutpie.compile_pymc_model(build_model(data, "polynomial"))  # compiled once, data swapped below
    covered = 0
    for replicate in range(25):
        y = _simulated_y(data, slopes, intercepts, noise, seed=100 + replicate)
        trace = nutpie.sample(
            compiled.with_data(y=y), draws=400, tune=400, chains=2, seed=replicate, progress_bar=False
        )
        draws = np.asarray(trace.posterior["slope"]).reshape(-1, 3)
        low, high = np.quantile(draws, [0.05, 0.95], axis=0)
        covered += int(((low <= np.array(slopes)) & (np.array(slopes) <= high)).sum())
    print(f"90% interval coverage of simulated slopes: {covered}/75 = {covered / 75:.2f}")
    assert 0.78 <= covered / 75 <= 0.99, f"coverage {covered}/75"


@pytest.mark.slow
def test_posterior_slopes_contain_ols_on_thompson_points():
    from computelimits.sampling import fit_variant

    papers = thompson_papers()
    sampling = {"draws": 1000, "tune": 1000, "chains": 4, "target_accept": 0.95}
    fit = fit_variant(papers, list(PUBLISHED), 20200710, sampling, 0.05, "polynomial")
    fits = ols(papers)
    poly = fits[fits["form"] == "polynomial"].set_index("benchmark")
    slopes = fit.summary[fit.summary["parameter"] == "slope"].set_index("benchmark")
    for name in PUBLISHED:
        assert slopes.loc[name, "q05"] <= poly.loc[name, "slope"] <= slopes.loc[name, "q95"], name


@pytest.mark.slow
def test_chain_threads_do_not_change_the_samples():
    """The fit rule runs the chains on its `threads`; each chain has its own seed, so one thread or two give the
    same draws (and the seed alone fixes the tables)."""
    from computelimits.models import build_model
    from computelimits.sampling import sample

    data = _design(2, 8, seed=3)
    data.y[:] = _simulated_y(data, [-0.07, -0.02], [-0.7, -0.3], 0.05, seed=5)
    model = build_model(data, "polynomial")
    draws = [
        sample(model, 11, draws=200, tune=200, chains=2, target_accept=0.9, log_likelihood=False, cores=cores)
        for cores in (1, 2)
    ]
    one, two = (np.asarray(d.posterior["slope"]) for d in draws)
    assert one.shape == (2, 200, 2)
    assert np.array_equal(one, two)
    assert not np.array_equal(one[0], one[1])  # the chains differ: two seeds, not one chain copied


@pytest.mark.slow
@pytest.mark.filterwarnings("ignore:Estimated shape parameter of Pareto")  # the test's own PSIS on 12 points
def test_exact_loo_refits_leave_the_point_out(tmp_path):
    """Refits for exact LOO (every point here, by a threshold below any Pareto k): the held-out point's log
    predictive density is below its in-sample fit, so the point really was left out, and close to PSIS's estimate
    where PSIS is reliable (Pareto k < 0.5); the refits are stored, and LOO read back from the file is the same."""
    import logging

    import arviz as az
    import xarray as xr
    from scipy.special import logsumexp

    from computelimits.loo import REFITS, exact_loo, stored_loo
    from computelimits.models import build_model
    from computelimits.sampling import Fit, sample
    from computelimits.tables import write_netcdf

    data = _design(2, 6, seed=4)
    data.y[:] = _simulated_y(data, [-0.07, -0.02], [-0.7, -0.3], 0.05, seed=6)
    sampling = {"draws": 2000, "tune": 1000, "chains": 2, "target_accept": 0.9}
    posterior = sample(build_model(data, "polynomial"), 21, **sampling, cores=1)
    fit = Fit(data, posterior, None, None)
    psis = az.loo(posterior, pointwise=True)
    updated = exact_loo(fit, "polynomial", 21, sampling, 1, logging.getLogger("test"), k_threshold=-np.inf)
    assert list(fit.posterior[REFITS]["refit"].values) == list(range(12))
    exact, estimated = np.asarray(updated.elpd_i), np.asarray(psis.elpd_i)
    log_lik = np.asarray(posterior["log_likelihood"]["log10_error"]).reshape(-1, 12)
    in_sample = logsumexp(log_lik, axis=0) - np.log(len(log_lik))
    assert np.all(exact < in_sample), (exact, in_sample)
    reliable = np.asarray(psis.pareto_k) < 0.5
    assert reliable.sum() >= 6, np.asarray(psis.pareto_k)
    assert np.abs(exact - estimated)[reliable].max() < 0.15, (np.abs(exact - estimated), np.asarray(psis.pareto_k))
    path = tmp_path / "fit.nc"
    write_netcdf(fit.posterior, path)
    assert stored_loo(xr.open_datatree(path), "polynomial", k_threshold=-np.inf).elpd == pytest.approx(updated.elpd)
    with pytest.raises(ValueError, match="variant 'polynomial': point 0 needs an exact LOO refit"):
        stored_loo(posterior.drop_nodes(REFITS), "polynomial", k_threshold=-np.inf)
