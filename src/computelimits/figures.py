"""Figures: per-series error vs compute with the posterior law, overview facets, k forest, extrapolation
chart, data coverage and the prior predictive check. Colour-blind-safe palettes, units on every axis."""

from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import numpy as np
import pandas as pd
import seaborn as sns
from matplotlib.lines import Line2D
from matplotlib.ticker import FuncFormatter, LogLocator, MaxNLocator, NullFormatter

from .atomic import atomic_path
from .modeldata import usable
from .posterior import fitted_series, predict_log10_error

# Thompson et al. v1 implied polynomial k (SCIENCE.md); WMT En-De has none (slope ~ 0).
PUBLISHED_K = {"imagenet": 13.6, "coco": 44.0, "squad": 7.8, "conll": 60.0, "wmt14_en_fr": 42.0}
MARKERS = {"curated": "o", "extracted": "s", "given": "^"}
SOURCE_COLOURS = {"curated": "#0072B2", "extracted": "#D55E00", "given": "#009E73", "none": "#999999"}
BAND = "#0072B2"
TARGET = "#CC79A7"
MAX_DECADES_BEYOND_DATA = 12
PERCENT = FuncFormatter(lambda value, _: f"{value:g}%")


def _style() -> None:
    sns.set_theme(style="whitegrid", context="notebook", palette="colorblind")
    plt.rcParams.update({"savefig.dpi": 150, "savefig.bbox": "tight", "svg.hashsalt": "computelimits"})


def draw_series(ax, name, spec, papers, idata, ols, targets, main: str, norm=None):
    """Points, posterior band, OLS line and extrapolated targets of one series; returns the scatter (or None)."""
    data = usable(papers[papers["benchmark"] == name])
    ax.set_title(name)
    if data.empty:
        ax.text(0.5, 0.5, "no usable points", transform=ax.transAxes, ha="center")
        return None
    x = np.log10(data["flop"].to_numpy(float))
    rows = targets[(targets["benchmark"] == name) & (targets["model"] == main)]
    reach = [np.log10(v) for v in rows["flop_q50"] if np.isfinite(v) and v > 0]
    x_hi = min(max([x.max() + 1, *reach]) + 0.5, x.max() + MAX_DECADES_BEYOND_DATA)
    grid = np.linspace(x.min() - 0.3, x_hi, 240)
    if name in fitted_series(idata.posterior):
        lines = 10 ** predict_log10_error(idata.posterior, name, grid, main, float(data["year"].max())) * 100
        q05, q25, q50, q75, q95 = np.quantile(lines, [0.05, 0.25, 0.5, 0.75, 0.95], axis=0)
        ax.fill_between(10**grid, q05, q95, color=BAND, alpha=0.15, lw=0)
        ax.fill_between(10**grid, q25, q75, color=BAND, alpha=0.3, lw=0)
        ax.plot(10**grid, q50, color=BAND, lw=2)
    fit = ols[(ols["benchmark"] == name) & (ols["form"] == "polynomial")]
    if len(fit) and np.isfinite(fit["slope"].iloc[0]):
        ax.plot(10**grid, 10 ** (fit["intercept"].iloc[0] + fit["slope"].iloc[0] * grid) * 100, "k--", lw=1)
    norm = norm or plt.Normalize(data["year"].min(), data["year"].max())
    points = None
    for source, part in data.groupby("flop_source"):
        points = ax.scatter(
            part["flop"], part["error"] * 100, c=part["year"], cmap="viridis", norm=norm,
            marker=MARKERS.get(source, "o"), edgecolor="k", linewidth=0.4, s=34, zorder=3,
        )  # fmt: skip
    for _, row in rows.iterrows():
        target = row["target_error"]
        ax.axhline(target, color=TARGET, lw=0.8, ls=":")
        median = row["flop_q50"]
        if np.isfinite(median) and np.log10(median) <= x_hi:
            low, high = row["flop_q05"], min(row["flop_q95"], 10**x_hi)
            ax.plot([low, high], [target, target], color=TARGET, lw=2.5, solid_capstyle="butt")
            ax.plot(median, target, "D", color=TARGET, ms=6, mec="k", mew=0.5, zorder=4)
            label = f"{target:g}%: {median:.0e} FLOP"
        else:
            label = f"{target:g}%: " + (f"{median:.0e} FLOP, off scale" if np.isfinite(median) else "unreachable")
        ax.annotate(label, (0.98, target), xycoords=("axes fraction", "data"), ha="right", va="bottom",
                    fontsize=8, color="#7a2a5c")  # fmt: skip
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.yaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))  # narrow ranges still get labels
    ax.yaxis.set_major_formatter(PERCENT)
    ax.yaxis.set_minor_formatter(NullFormatter())
    ax.set_xlabel("training compute [FLOP]")
    ax.set_ylabel(f"error [%] (100 - {spec.get('metric', 'score')})")
    return points


def _legend_handles() -> list:
    return [
        Line2D([], [], color=BAND, lw=2, label="posterior median"),
        plt.Rectangle((0, 0), 1, 1, color=BAND, alpha=0.3, label="50% interval"),
        plt.Rectangle((0, 0), 1, 1, color=BAND, alpha=0.15, label="90% interval"),
        Line2D([], [], color="k", ls="--", lw=1, label="OLS (paper's method)"),
        Line2D([], [], color=TARGET, marker="D", lw=2.5, mec="k", label="target: median, 90% interval"),
        *[
            Line2D([], [], marker=m, color="w", markerfacecolor="#bbbbbb", markeredgecolor="k", ms=7, label=s)
            for s, m in MARKERS.items()
        ],
    ]


def series_figure(name, spec, papers, idata, ols, targets, convention: str, main: str):
    _style()
    fig, ax = plt.subplots(figsize=(7.5, 4.8))
    points = draw_series(ax, name, spec, papers, idata, ols, targets, main)
    if points is not None:
        fig.colorbar(points, ax=ax, label="year of publication", pad=0.02, ticks=MaxNLocator(integer=True))
    ax.set_title(f"{name}: error vs training compute\n({convention} convention, {main} model)", fontsize=11)
    fig.legend(handles=_legend_handles(), fontsize=7, loc="upper center", bbox_to_anchor=(0.45, 0.0), ncol=4,
               frameon=False)  # fmt: skip
    return fig


def overview_figure(benchmarks, papers, idata, ols, targets, convention: str, main: str):
    _style()
    names = list(benchmarks)
    cols = 3
    rows = int(np.ceil(len(names) / cols))
    fig, axes = plt.subplots(rows, cols, figsize=(5.2 * cols, 4.2 * rows), squeeze=False)
    norm = plt.Normalize(papers["year"].min(), papers["year"].max())
    points = None
    for ax, name in zip(axes.flat, names, strict=False):
        points = draw_series(ax, name, benchmarks[name], papers, idata, ols, targets, main, norm) or points
    for ax in axes.flat[len(names) :]:
        ax.set_visible(False)
    fig.suptitle(f"Error vs training compute, all series ({convention} convention, {main} model)", y=1.0)
    fig.tight_layout()
    if points is not None:
        fig.colorbar(
            points, ax=axes, label="year of publication", fraction=0.02, pad=0.01, ticks=MaxNLocator(integer=True)
        )
    fig.legend(handles=_legend_handles(), loc="lower center", ncol=8, fontsize=8, frameon=False,
               bbox_to_anchor=(0.45, -0.04))  # fmt: skip
    return fig


def k_forest_figure(summary: pd.DataFrame, ols: pd.DataFrame, main: str):
    _style()
    k = summary[(summary["parameter"] == "k") & (summary["model"] == main)].reset_index(drop=True)
    fig, ax = plt.subplots(figsize=(7, 0.55 * max(len(k), 2) + 1.6))
    for i, row in k.iterrows():
        ax.plot([row["q05"], row["q95"]], [i, i], color=BAND, lw=2.5)
        ax.plot(row["q50"], i, "o", color=BAND, ms=7)
        fit = ols[(ols["benchmark"] == row["benchmark"]) & (ols["form"] == "polynomial")]
        if len(fit) and np.isfinite(fit["k"].iloc[0]):
            ax.plot(fit["k"].iloc[0], i, "X", color="k", ms=7)
        if row["benchmark"] in PUBLISHED_K:
            ax.plot(PUBLISHED_K[row["benchmark"]], i, "^", color=TARGET, ms=8, mec="k", mew=0.5)
    ax.set_yticks(range(len(k)), k["benchmark"])
    ax.invert_yaxis()
    ax.set_xscale("log")
    ax.set_xlabel("implied polynomial exponent k (compute grows as error^-k) [dimensionless]")
    ax.legend(
        handles=[
            Line2D([], [], color=BAND, marker="o", lw=2.5, label=f"posterior median, 90% interval ({main})"),
            Line2D([], [], color="k", marker="X", lw=0, label="OLS on these data"),
            Line2D([], [], color=TARGET, marker="^", lw=0, mec="k", label="Thompson et al. v1"),
        ],
        fontsize=8, loc="upper center", bbox_to_anchor=(0.5, -0.16), ncol=3, frameon=False,
    )  # fmt: skip
    ax.set_title("How steeply compute must grow per unit of improvement")
    return fig


# The extrapolation chart spans at most this many decades above its smallest median: a median beyond is drawn as
# "off scale" at the edge (medians of 1e298 FLOP, or inf, gave log axes that overflowed).
EXTRAPOLATION_DECADES = 30


def _panel_limits(rows: pd.DataFrame, column: str) -> tuple[float, float] | None:
    """(left, right) of one extrapolation panel: the intervals of the on-scale medians, within
    EXTRAPOLATION_DECADES of the smallest median; None when no median is finite."""
    medians = rows[f"{column}_q50"].to_numpy(float)
    finite = medians[np.isfinite(medians) & (medians > 0)]
    if not len(finite):
        return None
    base = float(finite.min())
    limit = base * 10.0**EXTRAPOLATION_DECADES
    shown = rows[(medians <= limit) & np.isfinite(medians)]
    low = shown[f"{column}_q05"].to_numpy(float)
    high = shown[f"{column}_q95"].to_numpy(float)
    left = max(float(np.nanmin(np.where(low > 0, low, np.nan), initial=base)), base / 1e6)
    right = min(float(np.nanmax(np.where(np.isfinite(high), high, np.nan), initial=base)) * 2, limit)
    return left / 2, max(right, float(shown[f"{column}_q50"].max()) * 10)


def extrapolation_figure(targets: pd.DataFrame, costs: dict, main: str):
    """Compute, dollars and CO2 per target: 90% and 50% intervals, median, reference lines; a median beyond the
    axis is marked "off scale", one that is not finite "unreachable"."""
    _style()
    rows = targets[targets["model"] == main].reset_index(drop=True)
    labels = [f"{r.benchmark} {r.target_error:g}%" for r in rows.itertuples()]
    panels = [("flop", "training compute [FLOP]"), ("dollars", "cost [US$]"), ("lb_co2e", "emissions [lb CO2e]")]
    fig, axes = plt.subplots(1, 3, figsize=(15, 0.42 * max(len(rows), 4) + 1.8), sharey=True)
    for ax, (column, label) in zip(axes, panels, strict=True):
        limits = _panel_limits(rows, column) or (1.0, 10.0)
        left, right = limits

        def clip(value, left=left, right=right):
            return float(np.clip(value, left, right)) if np.isfinite(value) else right

        for i, row in rows.iterrows():
            q = {t: float(row[f"{column}_{t}"]) for t in ("q05", "q25", "q50", "q75", "q95")}
            if not np.isfinite(q["q50"]):
                ax.annotate("unreachable", (0.02, i), xycoords=("axes fraction", "data"), va="center", fontsize=8)
                continue
            if q["q50"] > right:
                ax.annotate(f"off scale: {q['q50']:.0e}", (0.98, i), xycoords=("axes fraction", "data"), ha="right",
                            va="center", fontsize=8)  # fmt: skip
                continue
            ax.plot([clip(q["q05"]), clip(q["q95"])], [i, i], color=BAND, lw=1.5)
            ax.plot([clip(q["q25"]), clip(q["q75"])], [i, i], color=BAND, lw=5, alpha=0.6)
            ax.plot(q["q50"], i, "o", color="k", ms=4)
        ax.set_xscale("log")
        ax.set_xlim(left, right)
        ax.set_xlabel(label)
        if column == "lb_co2e" and left <= costs["nyc_month_lb_co2e"] <= right:
            ax.axvline(costs["nyc_month_lb_co2e"], color=TARGET, ls="--", lw=1)
            where = (costs["nyc_month_lb_co2e"], 1.01)
            ax.annotate("New York City, one month", where, xycoords=("data", "axes fraction"), fontsize=8,
                        color="#7a2a5c", ha="center")  # fmt: skip
    axes[0].set_yticks(range(len(rows)), labels)
    axes[0].invert_yaxis()
    fig.suptitle(f"What reaching each target error would take ({main} model; bars: 50% and 90% intervals)", y=1.02)
    fig.tight_layout()
    return fig


def coverage_figure(papers: pd.DataFrame):
    """Per series: rows by compute source, and by year and source."""
    _style()
    data = papers.assign(source=papers["flop_source"].fillna("").replace("", "none"))
    order = list(dict.fromkeys(data["benchmark"]))
    fig, (left, right) = plt.subplots(1, 2, figsize=(13, 0.45 * len(order) + 2.2), sharey=True,
                                      gridspec_kw={"width_ratios": [1, 2]})  # fmt: skip
    counts = data.groupby(["benchmark", "source"]).size().unstack(fill_value=0).reindex(order)
    counts.plot.barh(stacked=True, ax=left, color=[SOURCE_COLOURS.get(c, "#999999") for c in counts.columns],
                     legend=False)  # fmt: skip
    left.set_xlabel("sheet rows [count]")
    left.set_ylabel("")
    left.invert_yaxis()
    jitter = np.random.default_rng(0).uniform(-0.25, 0.25, len(data))
    positions = data["benchmark"].map({b: i for i, b in enumerate(order)}) + jitter
    for source, colour in SOURCE_COLOURS.items():
        mask = (data["source"] == source).to_numpy()
        right.scatter(data["year"][mask], positions[mask], color=colour, s=18, label=source, edgecolor="k", lw=0.3)
    right.set_xlabel("year of publication")
    right.legend(title="compute source", fontsize=8, loc="lower left")
    fig.suptitle("Data coverage: sheet rows by compute source and year")
    fig.tight_layout()
    return fig


def prior_predictive_figure(prior, observed_y: np.ndarray):
    _style()
    fig, ax = plt.subplots(figsize=(6.5, 3.6))
    draws = np.asarray(prior.prior_predictive["log10_error"]).reshape(-1)
    draws = draws[np.isfinite(draws)]
    ax.hist(np.clip(draws, -4, 2), bins=80, density=True, alpha=0.5, color=BAND, label="prior predictive")
    ax.hist(observed_y, bins=30, density=True, alpha=0.6, color=TARGET, label="observed")
    ax.set_xlabel("log10(error) [error as a fraction]")
    ax.set_ylabel("density")
    ax.set_title("Prior predictive check (clipped to [-4, 2])")
    ax.legend()
    return fig


def backtest_figure(name, spec, train, test, band_grid, band, predictions, cutoff: int, model: str):
    """One series' back-test: the points up to the cut-off (grey), the fit's predictive band carried forward (50%
    and 90%), and the later points over it, coloured by year, marked by whether the 90% interval holds them."""
    _style()
    fig, ax = plt.subplots(figsize=(7.5, 4.8))
    if band is not None:
        flop = 10**band_grid
        ax.fill_between(flop, 10 ** band[0] * 100, 10 ** band[4] * 100, color=BAND, alpha=0.15, lw=0)
        ax.fill_between(flop, 10 ** band[1] * 100, 10 ** band[3] * 100, color=BAND, alpha=0.3, lw=0)
        ax.plot(flop, 10 ** band[2] * 100, color=BAND, lw=2)
    ax.scatter(train["flop"], train["error"] * 100, color="#999999", edgecolor="k", lw=0.4, s=28, zorder=3,
               label=f"published up to {cutoff} (fitted)")  # fmt: skip
    if len(test):
        held = predictions.set_index("paper") if len(predictions) else pd.DataFrame()
        inside = [bool(held.loc[m, "in90"]) if m in held.index and not pd.isna(held.loc[m, "in90"]) else False
                  for m in test["model"]]  # fmt: skip
        norm = plt.Normalize(test["year"].min(), max(test["year"].max(), test["year"].min() + 1))
        for flag, marker in ((True, "o"), (False, "X")):
            part = test[[i == flag for i in inside]]
            if len(part):
                label = f"after {cutoff}: {'inside' if flag else 'outside'} the 90% interval"
                points = ax.scatter(part["flop"], part["error"] * 100, c=part["year"], cmap="viridis", norm=norm,
                                    marker=marker, edgecolor="k", lw=0.4, s=40, zorder=4, label=label)  # fmt: skip
        fig.colorbar(points, ax=ax, label="year of publication", pad=0.02, ticks=MaxNLocator(integer=True))
    ax.set_xscale("log")
    ax.set_yscale("log")
    ax.yaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    ax.yaxis.set_major_formatter(PERCENT)
    ax.yaxis.set_minor_formatter(NullFormatter())
    ax.set_xlabel("training compute [FLOP]")
    ax.set_ylabel(f"error [%] (100 - {spec.get('metric', 'score')})")
    ax.set_title(f"{name}: back-test from {cutoff} ({model} model fitted to the points up to {cutoff})", fontsize=10)
    ax.legend(fontsize=7, loc="lower left")
    return fig


def save(fig, stem: str) -> None:
    """Write stem.png and stem.svg atomically (no dates, fixed SVG ids: reruns give identical files)."""
    with atomic_path(f"{stem}.png") as tmp:
        fig.savefig(tmp, format="png", metadata={"Software": None})
    with atomic_path(f"{stem}.svg") as tmp:
        fig.savefig(tmp, format="svg", metadata={"Date": None})
    plt.close(fig)
