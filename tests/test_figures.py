"""Every figure renders whatever the extrapolation says: targets out of reach (inf) or absurdly far (1e300 FLOP)
are marked, never an overflowing log axis."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
import xarray as xr

from computelimits import figures
from computelimits.defaults import benchmark_defaults, defaults
from computelimits.extrapolate import QUANTILES, TARGET_COLUMNS

SERIES = ["near", "far"]


def _posterior(rng) -> xr.DataTree:
    """A polynomial posterior (2 chains x 100 draws) of two series: "far" barely improves with compute."""
    shape = (2, 100, len(SERIES))
    coords = {"chain": [0, 1], "draw": np.arange(100), "benchmark": SERIES}
    slope = np.stack([rng.normal(-0.07, 0.005, shape[:2]), rng.normal(-0.002, 0.001, shape[:2])], axis=-1)
    posterior = xr.Dataset(
        {
            "intercept": (("chain", "draw", "benchmark"), rng.normal(-0.7, 0.02, shape)),
            "slope": (("chain", "draw", "benchmark"), slope),
        },
        coords=coords,
    )
    prior = xr.Dataset({"log10_error": (("chain", "draw", "point"), rng.normal(-0.7, 0.3, (1, 200, 10)))})
    return xr.DataTree.from_dict({"posterior": posterior, "prior_predictive": prior})


def _papers(rng) -> pd.DataFrame:
    rows = []
    for name in SERIES:
        for i in range(8):
            flop = 10 ** rng.uniform(17, 21)
            rows.append({"benchmark": name, "model": f"{name}{i}", "year": 2014 + i, "status": "ok", "flop": flop,
                         "flop_low": flop, "flop_high": flop, "error": 10 ** rng.uniform(-0.9, -0.5),
                         "flop_source": ["curated", "given"][i % 2]})  # fmt: skip
    return pd.DataFrame(rows)


def _targets() -> pd.DataFrame:
    """One reachable target, one at 1e298-1e300 FLOP, one unreachable (inf) and one whose upper bound is inf."""
    cases = [("near", 5.0, 1e24), ("far", 5.0, 1e298), ("far", 1.0, np.inf), ("near", 1.0, 1e30)]
    rows = []
    costs = defaults()["costs"]
    for name, target, median in cases:
        row = {"model": "polynomial", "benchmark": name, "target_error": target, "status": "ok"}
        for q, factor in zip(QUANTILES, (1e-2, 1e-1, 1, 1e1, 1e2), strict=True):
            flop = min(median * factor, 1e300) if np.isfinite(median) else np.inf
            if name == "near" and target == 1.0 and q == 0.95:
                flop = np.inf
            tag = f"q{int(q * 100):02d}"
            row[f"flop_{tag}"] = flop
            row[f"dollars_{tag}"] = flop / costs["flop_per_dollar"]
            row[f"lb_co2e_{tag}"] = flop / costs["flop_per_lb_co2e"]
        rows.append(row)
    return pd.DataFrame(rows).reindex(columns=TARGET_COLUMNS)


def test_every_figure_renders_with_infinite_and_huge_targets(tmp_path):
    rng = np.random.default_rng(0)
    idata, papers, targets = _posterior(rng), _papers(rng), _targets()
    assert np.isinf(targets["flop_q50"]).any() and (targets["flop_q50"] >= 1e298).any()
    benchmarks = {
        name: benchmark_defaults({"sheet": "x.tsv", "metric": "top-1 accuracy", "higher_is_better": True,
                                  "targets": [5, 1]})
        for name in SERIES
    }  # fmt: skip
    ols = pd.DataFrame({"benchmark": SERIES, "form": "polynomial", "slope": [-0.07, -0.002],
                        "intercept": [0.63, -0.66], "k": [14.3, 500.0]})  # fmt: skip
    summary = pd.DataFrame({"model": "polynomial", "benchmark": SERIES, "parameter": "k", "q05": [12.0, 100.0],
                            "q50": [14.0, 500.0], "q95": [16.0, 5000.0]})  # fmt: skip
    made = {
        "overview": figures.overview_figure(benchmarks, papers, idata, ols, targets, "thompson", "polynomial"),
        "far": figures.series_figure("far", benchmarks["far"], papers, idata, ols, targets, "thompson", "polynomial"),
        "extrapolation": figures.extrapolation_figure(targets, defaults()["costs"], "polynomial"),
        "k_forest": figures.k_forest_figure(summary, ols, "polynomial"),
        "coverage": figures.coverage_figure(papers),
        "prior": figures.prior_predictive_figure(idata, np.log10(papers["error"].to_numpy())),
    }
    texts = [t.get_text() for ax in made["extrapolation"].axes for t in ax.texts]
    assert any(t.startswith("off scale: 1e+298") for t in texts), texts
    assert any(t == "unreachable" for t in texts), texts
    overview = [t.get_text() for ax in made["overview"].axes for t in ax.texts]
    assert any("off scale" in t for t in overview) and any("unreachable" in t for t in overview), overview
    for name, fig in made.items():
        figures.save(fig, str(tmp_path / name))
        assert (tmp_path / f"{name}.png").stat().st_size > 5_000, name
        assert (tmp_path / f"{name}.svg").stat().st_size > 5_000, name


@pytest.mark.parametrize("value", [np.inf, 1e300, 1e308])
def test_extrapolation_axis_stays_finite(value):
    targets = _targets()
    targets.loc[1, [c for c in targets.columns if c.startswith("flop_q")]] = value
    fig = figures.extrapolation_figure(targets, defaults()["costs"], "polynomial")
    for ax in fig.axes:
        assert np.isfinite(ax.get_xlim()).all()
    fig.savefig(__import__("io").BytesIO(), format="png")
