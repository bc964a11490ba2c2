"""The answer first: one row per series (n, years, k, compute for each target error under the main variant and
under the year-term variant at a stated year, the back-test's coverage, the progress halving time), the facts of
the run (convention, seed, the data's years, which variant LOO prefers, variants that failed their gates), as a
dict for numbers.json and as reStructuredText for the report's first page (with the overview figure inlined)."""

from __future__ import annotations

import base64
import math
import textwrap

import numpy as np
import pandas as pd

from .backtest import POOLED
from .modeldata import usable


def _number(value) -> float | None:
    try:
        value = float(value)
    except (TypeError, ValueError):
        return None
    return value if math.isfinite(value) else None


def _interval(median, low, high, digits: str = ".3g") -> str:
    if median is None:
        return "-"
    ends = f" [{low:{digits}}-{high:{digits}}]" if low is not None and high is not None else (
        f" [{low:{digits}}-inf]" if low is not None else "")  # fmt: skip
    return f"{median:{digits}}{ends}"


def summary(
    papers: pd.DataFrame,
    summary_table: pd.DataFrame,
    targets: pd.DataFrame,
    loo: pd.DataFrame,
    scores: pd.DataFrame,
    progress: pd.DataFrame,
    diagnostics: pd.DataFrame,
    convention: str,
    seed: int,
    main: str,
    cutoff_year: int,
) -> dict:
    """The figures of the report's first page (numbers.json `summary`)."""
    data = usable(papers)
    ranked = loo[loo["status"] == "passed"] if "status" in loo else loo
    best = str(ranked.iloc[0]["model"]) if len(ranked) else main
    year_variant = str(progress["model"].iloc[0]) if len(progress) else None
    latest_year = int(data["year"].max()) if len(data) else None
    rows = []
    for name in papers["benchmark"].drop_duplicates():
        part = data[data["benchmark"] == name]
        k = summary_table[(summary_table["model"] == main) & (summary_table["parameter"] == "k")
                          & (summary_table["benchmark"] == name)]  # fmt: skip
        row = {
            "series": name,
            "n": len(part),
            "years": f"{int(part['year'].min())}-{int(part['year'].max())}" if len(part) else "",
            "k": {q: _number(k[q].iloc[0]) if len(k) else None for q in ("q50", "q05", "q95")},
            "targets": [],
        }
        for model, key in ((main, "main"), (year_variant, "year_variant")):
            if model is None:
                continue
            for _, target in targets[(targets["benchmark"] == name) & (targets["model"] == model)].iterrows():
                entry = next((t for t in row["targets"] if t["target_error_percent"] == float(target["target_error"])),
                             None)  # fmt: skip
                if entry is None:
                    entry = {"target_error_percent": float(target["target_error"])}
                    row["targets"].append(entry)
                entry[key] = {q: _number(target[f"flop_{q}"]) for q in ("q50", "q05", "q95")}
        for model, key in ((main, "backtest_main"), (best, "backtest_best")):
            score = scores[(scores["model"] == model) & (scores["benchmark"] == name)]
            row[key] = None if score.empty else {
                "model": model, "n_test": int(score["n_test"].iloc[0]),
                "coverage90": _number(score["coverage90"].iloc[0]),
                "median_signed_error": _number(score["median_signed_error"].iloc[0]),
            }  # fmt: skip
        prog = progress[progress["benchmark"] == name]
        row["halving_months"] = None if prog.empty else {
            q: _number(prog[f"halving_months_{q}"].iloc[0]) for q in ("q50", "q05", "q95")
        } | {"published": _number(prog["published_halving_months"].iloc[0])}  # fmt: skip
        rows.append(row)
    pooled = {}
    for model in dict.fromkeys([main, best]):
        score = scores[(scores["model"] == model) & (scores["benchmark"] == POOLED)]
        if len(score):
            pooled[model] = {"n_test": int(score["n_test"].iloc[0]), "coverage50": _number(score["coverage50"].iloc[0]),
                             "coverage90": _number(score["coverage90"].iloc[0]),
                             "median_signed_error": _number(score["median_signed_error"].iloc[0])}  # fmt: skip
    return {
        "convention": convention,
        "seed": seed,
        "main": main,
        "preferred_by_loo": best,
        "elpd_difference": _elpd_difference(ranked, main, best),
        "year_variant": year_variant,
        "year_of_year_variant_targets": latest_year,
        "data_years": f"{int(data['year'].min())}-{latest_year}" if len(data) else "",
        "points": len(data),
        "backtest_cutoff_year": cutoff_year,
        "backtest_pooled": pooled,
        "failed_variants": [r["model"] for r in diagnostics.to_dict("records") if r["status"] != "passed"],
        "series": rows,
    }


def _elpd_difference(ranked: pd.DataFrame, main: str, best: str) -> dict | None:
    """How far behind the LOO-preferred variant the main one is (None when the main one is preferred)."""
    mine = ranked[ranked["model"] == main]
    if best == main or mine.empty:
        return None
    return {"elpd_diff": _number(mine["elpd_diff"].iloc[0]), "dse": _number(mine["dse"].iloc[0])}


def _flop(entry: dict | None) -> str:
    if not entry or entry.get("q50") is None:
        return "unreachable" if entry else "-"
    return _interval(entry["q50"], entry.get("q05"), entry.get("q95"), ".0e")


def _list_table(rows: list[list[str]]) -> list[str]:
    """An rst list-table, the first row its header."""
    lines = [".. list-table::", "   :header-rows: 1", ""]
    for row in rows:
        lines += ["   * - " + row[0], *(f"     - {cell}" for cell in row[1:])]
    return [*lines, ""]


def _coverage(back: dict | None) -> str:
    if not back or back["coverage90"] is None:
        return "-"
    return f"{back['coverage90']:.0%} of {back['n_test']}"


def render_rst(facts: dict, overview_png: bytes) -> str:
    """The report's first page, the answer before the method: what was fitted and what LOO prefers, the overview
    figure, a table per series (n, years, k, back-test coverage, progress) and one of compute per target error."""
    main, best, year_variant = facts["main"], facts["preferred_by_loo"], facts["year_variant"]
    diff = facts["elpd_difference"]
    behind = f" over {main} by {-diff['elpd_diff']:.1f} elpd (se {diff['dse']:.1f})" if diff else ""
    pooled = facts["backtest_pooled"].get(main)
    lead = (
        f"{facts['points']} models published {facts['data_years']}, compute under the **{facts['convention']}** "
        f"convention, seed {facts['seed']}. Headline figures: the **{main}** variant; LOO prefers **{best}**{behind}. "
        + (f"Back-test from {facts['backtest_cutoff_year']} ({main}, pooled): {_coverage(pooled)} later points in "
           f"the 90% interval, median signed error {pooled['median_signed_error']:+.3f} log10 error (negative: "
           "later models did better than the trend). " if pooled and pooled["coverage90"] is not None else "")
        + (f"Failed their convergence gates (reported, not ranked): {', '.join(facts['failed_variants'])}."
           if facts["failed_variants"] else "Every variant passed its convergence gates.")
    )  # fmt: skip
    series = [["series", "n", "years", f"k [90%] ({main})", "compute for each target error [FLOP, median]",
               f"back-test 90% coverage ({main}; {best})",
               "progress: halving time [months, 90%] (published)"]]  # fmt: skip
    goals = [
        ["series", "target error", f"compute [FLOP, 90%] ({main})"]
        + ([f"{year_variant}, a model of {facts['year_of_year_variant_targets']}"] if year_variant else [])
    ]
    for row in facts["series"]:
        k, half = row["k"], row.get("halving_months")
        coverage = _coverage(row.get("backtest_main")) + (
            f"; {_coverage(row.get('backtest_best'))}" if best != main else "")  # fmt: skip
        progress = "-" if not half else _interval(half["q50"], half["q05"], half["q95"], ".2g") + (
            f" ({half['published']:g})" if half.get("published") else "")  # fmt: skip
        compute = "; ".join(
            f"{t['target_error_percent']:g}%: " + (f"{t['main']['q50']:.0e}" if t.get("main", {}).get("q50") else "-")
            for t in row["targets"]
        )
        series.append([row["series"], str(row["n"]), row["years"], _interval(k["q50"], k["q05"], k["q95"]),
                       compute or "-", coverage, progress])  # fmt: skip
        for target in row["targets"]:
            goals.append([row["series"], f"{target['target_error_percent']:g}%", _flop(target.get("main"))]
                         + ([_flop(target.get("year_variant"))] if year_variant else []))  # fmt: skip
    image = textwrap.wrap("data:image/png;base64," + base64.b64encode(overview_png).decode(), 76)
    # The report lays its first page out in a viewport-high row: let the description scroll from its top, wider.
    style = [".. raw:: html", "", "   <style>div.grow.flex { overflow-y: auto; max-height: 100vh; }"
             " .prose.max-w-lg { max-width: 52rem; }</style>", ""]  # fmt: skip
    return "\n".join(
        [*style, "The answer", "==========", "", lead, "", ".. image::", *(f"   {part}" for part in image),
         "   :width: 100%",
         "", *_list_table(series), *_list_table(goals)]
    )  # fmt: skip


def summary_frame(facts: dict) -> pd.DataFrame:
    """The per-series summary as a flat table (for logs)."""
    return pd.DataFrame([{"series": r["series"], "n": r["n"], "years": r["years"], "k": r["k"]["q50"]}
                         for r in facts["series"]]).replace({np.nan: None})  # fmt: skip
