"""The model registry: each variant is defined once, the config and schema name only registered variants, and a
new variant is one registry entry (fitted, gated, compared by LOO and extrapolated with no other change)."""

from __future__ import annotations

import copy
import logging

import numpy as np
import pandas as pd
import pytest
import yaml

from computelimits import variants
from computelimits.config import ConfigError, check_config
from computelimits.defaults import config_schema, defaults

from .conftest import CONFIG_SCHEMA_PATH, ROOT

CONFIG = yaml.safe_load((ROOT / "config/config.yaml").read_text())


def test_schema_default_variants_are_registered():
    model = defaults()["model"]
    assert set(model["variants"]) <= set(variants.VARIANTS) and model["main"] in model["variants"]
    # the schema lists no variant names of its own (no enum to keep in step with the registry)
    assert "enum" not in config_schema()["properties"]["model"]["properties"]["variants"]["items"]


def test_config_naming_an_unknown_variant_fails_with_the_known_ones():
    config = copy.deepcopy(CONFIG)
    config["model"] = {"variants": ["polynomial", "polynomal"], "main": "polynomial"}
    with pytest.raises(ConfigError) as caught:
        check_config(config, CONFIG_SCHEMA_PATH, source=["my.yaml"])
    message = str(caught.value)
    assert "model.variants.1" in message and "unknown model variant 'polynomal'" in message
    assert "known: polynomial, polynomial_year, exponential, saturating" in message


@pytest.mark.parametrize("name", list(variants.VARIANTS))
def test_inverse_undoes_the_mean(name):
    """For every registered form, the compute its inverse gives for a target error has that mean error."""
    rng = np.random.default_rng(1)
    draws = {
        "intercept": rng.normal(-0.7, 0.05, 50), "slope": rng.normal(-0.06, 0.005, 50),
        "progress": rng.normal(-0.02, 0.002, 50), "floor_fraction": rng.uniform(0.01, 0.1, 50),
        "level": rng.normal(1.5, 0.1, 50), "rate": rng.normal(0.5, 0.05, 50),
    }  # fmt: skip
    variant = variants.get(name)
    x = variant.inverse(draws, 0.1, 3.0)
    assert np.isfinite(x).all()
    assert variant.mean(draws, x, 3.0, np) == pytest.approx(np.full(50, -1.0), abs=1e-9)


# A toy variant, as a user would add it: one shared slope for every series (no pooling), its own priors.
def _toy_priors(data) -> dict:
    import pymc as pm

    return {
        "common_slope": pm.Normal("common_slope", -0.05, 0.1),
        "intercept": pm.Normal("intercept", -0.7, 0.5, dims="benchmark"),
    }


def _toy_mean(p, x, year, m):
    return p["intercept"] + p["common_slope"] * x


def _toy_inverse(p, error, year):
    x = (np.log10(error) - p["intercept"]) / p["common_slope"]
    return np.where(p["common_slope"] < 0, x, np.inf)


def _papers(seed: int = 3) -> pd.DataFrame:
    """Two simulated series of 20 points each, as papers.tsv rows."""
    rng = np.random.default_rng(seed)
    rows = []
    for name, intercept in (("alpha", -0.6), ("beta", -1.0)):
        log_flop = rng.uniform(16, 22, 20)
        log_error = intercept - 0.05 * (log_flop - 19) + rng.normal(0, 0.03, 20)
        for i, (x, y) in enumerate(zip(log_flop, log_error, strict=True)):
            flop = 10**x
            rows.append({"benchmark": name, "model": f"{name}{i}", "year": 2015 + i % 6, "status": "ok",
                         "flop": flop, "flop_low": flop, "flop_high": flop, "error": 10**y})  # fmt: skip
    return pd.DataFrame(rows)


@pytest.mark.slow
def test_a_registered_toy_variant_runs_through_the_package(monkeypatch):
    from computelimits.extrapolate import targets_table
    from computelimits.loo import compare, exact_loo
    from computelimits.posterior import predict_log10_error
    from computelimits.sampling import fit_variant

    toy = variants.Variant(
        "toy", "one slope for all series", _toy_priors, _toy_mean, _toy_inverse,
        parameters=("common_slope", "nu", "intercept", "sigma"),
    )  # fmt: skip
    monkeypatch.setitem(variants.VARIANTS, "toy", toy)
    config = copy.deepcopy(CONFIG)
    config["model"] = {"variants": ["polynomial", "toy"], "main": "toy"}
    check_config(config, CONFIG_SCHEMA_PATH)  # the config may name it at once

    papers = _papers()
    sampling = {"draws": 500, "tune": 500, "chains": 2, "target_accept": 0.9}
    gates = {"max_r_hat": 1.02, "min_ess_bulk": 200, "max_divergences": 0}
    log = logging.getLogger("test")
    posteriors = {}
    for name in ("polynomial", "toy"):
        fit = fit_variant(papers, ["alpha", "beta"], 7, sampling, 0.05, name, log=log, threads=1)
        exact_loo(fit, name, 7, sampling, 1, log)
        posteriors[name] = fit.posterior
    fit.check(gates)  # the toy's own parameters are gated (two series are too few to pin polynomial's mu_slope)
    summary = fit.summary
    assert list(dict.fromkeys(summary["parameter"])) == ["common_slope", "nu", "intercept", "sigma"]
    slope = summary[summary["parameter"] == "common_slope"].iloc[0]
    assert slope["q05"] <= -0.05 <= slope["q95"]

    table = compare(posteriors)
    assert set(table["model"]) == {"polynomial", "toy"}
    curve = predict_log10_error(fit.posterior.posterior, "beta", np.array([19.0]), "toy", 2020.0)
    assert np.median(curve) == pytest.approx(-1.0, abs=0.05)
    spec = {"alpha": {"targets": [10]}, "beta": {"targets": [5]}}
    costs = defaults()["costs"]
    targets = targets_table(posteriors, spec, papers, costs)
    toy_rows = targets[targets["model"] == "toy"].set_index("benchmark")
    # beta: -1.0 - 0.05 (x - 19) = log10(0.05) at x = 19 + 6.0
    assert np.log10(toy_rows.loc["beta", "flop_q50"]) == pytest.approx(25.0, abs=0.5)
    assert (toy_rows["status"] == "ok").all()
