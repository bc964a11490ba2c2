"""Figures: per-series error vs compute with the posterior law, overview facets, k forest, coverage."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns

from .models import predict_log10_error, usable

PUBLISHED_K = {"imagenet": 13.6, "coco": 44.0, "squad": 7.8, "conll": 60.0, "wmt14_en_fr": 42.0}
MARKERS = {"curated": "o", "extracted": "s", "given": "^"}
PALETTE = "colorblind"


def _style() -> None:
    sns.set_theme(style="whitegrid", context="notebook", palette=PALETTE)
    plt.rcParams.update({"savefig.dpi": 150, "savefig.bbox": "tight", "svg.hashsalt": "computelimits"})


def _posterior_band(idata, name: str, x_grid: np.ndarray, variant: str, year: float) -> dict[str, np.ndarray]:
    lines = predict_log10_error(idata.posterior, name, x_grid, variant, year)
    qs = np.quantile(10**lines, [0.05, 0.25, 0.5, 0.75, 0.95], axis=0)
    return dict(zip(("q05", "q25", "q50", "q75", "q95"), qs, strict=True))


def draw_series(
    ax,
    name: str,
    spec: dict,
    papers: pd.DataFrame,
    idata,
    ols: pd.DataFrame,
    targets: pd.DataFrame,
    main: str,
    legend: bool = True,
):
    data = usable(papers[papers["benchmark"] == name])
    if data.empty:
        ax.set_title(f"{name}: no usable points")
        return
    x = np.log10(data["flop"])
    target_rows = targets[(targets["benchmark"] == name) & (targets["status"] == "ok") & (targets["model"] == main)]
    reach = np.log10(target_rows["flop_q50"]).tolist() if len(target_rows) else []
    hi = min(max([x.max() + 1, *reach]), x.max() + 15)
    grid = np.linspace(x.min() - 0.5, hi, 200)
    if name in list(np.asarray(idata.posterior["slope"].coords["benchmark"])):
        band = _posterior_band(idata, name, grid, main, float(data["year"].max()))
        ax.fill_between(10**grid, band["q05"] * 100, band["q95"] * 100, alpha=0.15, color="C0", label="90% band")
        ax.fill_between(10**grid, band["q25"] * 100, band["q75"] * 100, alpha=0.3, color="C0", label="50% band")
        ax.plot(10**grid, band["q50"] * 100, color="C0", lw=2, label="posterior median")
    fit = ols[(ols["benchmark"] == name) & (ols["form"] == "polynomial")]
    if len(fit) and np.isfinite(fit["slope"].iloc[0]):
        ax.plot(
            10**grid,
            10 ** (fit["intercept"].iloc[0] + fit["slope"].iloc[0] * grid) * 100,
            "k--",
            lw=1,
            label="OLS",
        )
    norm = plt.Normalize(papers["year"].min(), papers["year"].max())
    for source, part in data.groupby("flop_source"):
        points = ax.scatter(
            part["flop"],
            part["error"] * 100,
            c=part["year"],
            cmap="viridis",
            norm=norm,
            marker=MARKERS.get(source, "o"),
            edgecolor="k",
            linewidth=0.4,
            s=36,
            label=source,
            zorder=3,
        )
    for _, row in target_rows.iterrows():
        ax.errorbar(
            row["flop_q50"],
            row["target_error"],
            xerr=[[row["flop_q50"] - row["flop_q05"]], [row["flop_q95"] - row["flop_q50"]]],
            fmt="D",
            color="C3",
            capsize=3,
            ms=5,
            zorder=4,
        )
        ax.annotate(
            f"{row['target_error']:g}%: {row['flop_q50']:.0e}",
            (row["flop_q50"], row["target_error"]),
            textcoords="offset points",
            xytext=(4, 6),
            fontsize=8,
            color="C3",
        )
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.set_xlabel("training compute [FLOP]")
    ax.set_ylabel(f"error [%] (1 - {spec.get('metric', 'score')})")
    ax.set_title(name)
    if legend:
        ax.legend(fontsize=7, loc="lower left")
    return points


def series_figure(name, spec, papers, idata, ols, targets, convention: str, main: str):
    _style()
    fig, ax = plt.subplots(figsize=(6.5, 4.5))
    points = draw_series(ax, name, spec, papers, idata, ols, targets, main)
    if points is not None:
        fig.colorbar(points, ax=ax, label="year")
    ax.set_title(f"{name}: error vs compute ({convention} convention)")
    return fig


def overview_figure(benchmarks, papers, idata, ols, targets, convention: str, main: str):
    _style()
    names = list(benchmarks)
    cols = 3
    rows = int(np.ceil(len(names) / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(5 * cols, 4 * rows), squeeze=False)
    for ax, name in zip(axes.flat, names, strict=False):
        draw_series(ax, name, benchmarks[name], papers, idata, ols, targets, main, legend=ax is axes.flat[0])
    for ax in axes.flat[len(names) :]:
        ax.set_visible(False)
    fig.suptitle(f"Error vs training compute, all series ({convention} convention)")
    fig.tight_layout()
    return fig


def k_forest_figure(summary: pd.DataFrame, ols: pd.DataFrame, main: str):
    _style()
    k = summary[(summary["parameter"] == "k") & (summary["model"] == main)].reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(6.5, 0.6 * max(len(k), 2) + 1.5))
    for i, row in k.iterrows():
        ax.plot([row["q05"], row["q95"]], [i, i], color="C0", lw=2)
        ax.plot(row["q50"], i, "o", color="C0", label="posterior median, 90% interval" if i == 0 else None)
        fit = ols[(ols["benchmark"] == row["benchmark"]) & (ols["form"] == "polynomial")]
        if len(fit) and np.isfinite(fit["k"].iloc[0]):
            ax.plot(fit["k"].iloc[0], i, "x", color="k", label="OLS" if i == 0 else None)
        if row["benchmark"] in PUBLISHED_K:
            ax.plot(
                PUBLISHED_K[row["benchmark"]],
                i,
                "^",
                color="C3",
                label="Thompson et al. v1" if i == 0 else None,
            )
    ax.set_yticks(range(len(k)), k["benchmark"])
    ax.set_xscale("log")
    ax.set_xlabel("implied polynomial k (compute grows as error^-k)")
    ax.legend(fontsize=8)
    return fig


def coverage_figure(papers: pd.DataFrame):
    _style()
    data = papers.assign(source=papers["flop_source"].replace("", "none"))
    fig, ax = plt.subplots(figsize=(7, 3.5))
    counts = data.groupby(["benchmark", "source"]).size().unstack(fill_value=0)
    counts.plot.barh(stacked=True, ax=ax, colormap=None)
    ax.set_xlabel("sheet rows [count]")
    ax.set_ylabel("")
    ax.set_title("Data coverage: rows by compute source")
    return fig


def prior_predictive_figure(prior, observed_y: np.ndarray):
    _style()
    fig, ax = plt.subplots(figsize=(6, 3.5))
    draws = np.asarray(prior.prior_predictive["log10_error"]).reshape(-1)
    draws = draws[np.isfinite(draws)]
    ax.hist(np.clip(draws, -4, 2), bins=80, density=True, alpha=0.5, label="prior predictive")
    ax.hist(observed_y, bins=30, density=True, alpha=0.6, label="observed")
    ax.set_xlabel("log10(error)")
    ax.set_ylabel("density")
    ax.legend()
    return fig


def save(fig, stem: str) -> None:
    """Write stem.png and stem.svg (SVG with a fixed hash salt and no date, so reruns are byte-identical)."""
    fig.savefig(f"{stem}.png", metadata={"Software": None})
    fig.savefig(f"{stem}.svg", metadata={"Date": None})
    plt.close(fig)
