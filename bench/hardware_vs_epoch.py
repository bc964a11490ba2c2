"""Benchmark: the hardware table and parser against Epoch AI's models database (issue: hardware and FLOPs).

    python bench/hardware_vs_epoch.py [--data ../shared/data/epoch_ai_models/epoch_models_union_key_columns.csv]

Prints, over every model row that has training hardware, hardware quantity and training time:
1. coverage: the share of rows whose hardware the table resolves;
2. median and 90th-percentile |log10(ours / Epoch)|, ours = epoch-convention FLOPs from Epoch's own hardware,
   quantity and hours, against Epoch's "Training compute (FLOP)", with the largest outliers and Epoch's note;
3. for rows whose notes quote the paper's hardware sentence ("..."), how often the parser's count and hours agree
   with Epoch's own columns (5% tolerance; a range agrees when it contains the value).
"""

from __future__ import annotations

import argparse
import math
import re
from pathlib import Path

import numpy as np
import pandas as pd

from computelimits.config import conventions_from_config
from computelimits.extraction import statements_from_text
from computelimits.hardware import default_table_path, flop_range, load_table

DEFAULT = Path(__file__).resolve().parents[1].parent / "shared/data/epoch_ai_models/epoch_models_union_key_columns.csv"
QUOTE = re.compile(r"[\"“]([^\"”]{20,}?)[\"”]")


def close(value: float, low: float, high: float, target: float, tolerance: float = 0.05) -> bool:
    if value is None or target is None or math.isnan(target):
        return False
    return (low or value) * (1 - tolerance) <= target <= (high or value) * (1 + tolerance)


def phase_total(phases: set[tuple[float, float, float]]) -> tuple[float, ...]:
    """A candidate (count, low, high, hours, low, high) for phases (count, hours_low, hours_high): their summed hours
    on the largest count."""
    count = max(p[0] for p in phases)
    low, high = sum(p[1] for p in phases), sum(p[2] for p in phases)
    return (count, count, count, math.sqrt(low * high), low, high)


def close_count(count, low, high, target, tpu: bool) -> bool:
    """Counts agree; for TPUs Epoch's quantity is sometimes cores (2 per chip for v2-v4), so either counts."""
    return any(
        close(count * f, (low or count) * f, (high or count) * f, target) for f in ((1.0, 2.0) if tpu else (1.0,))
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT)
    parser.add_argument("--show", type=int, default=12, help="disagreeing rows to list")
    args = parser.parse_args()
    table = load_table(default_table_path())
    epoch = conventions_from_config(None).by_name["epoch"]
    models = pd.read_csv(args.data, low_memory=False)
    rows = models[
        models["Training hardware"].notna()
        & models["Hardware quantity"].notna()
        & models["Training time (hours)"].notna()
    ].copy()
    print(f"Epoch rows with hardware, quantity and training time: {len(rows)} (of {len(models)})")

    rows["first_chip"] = rows["Training hardware"].str.split(",").str[0].str.strip()
    rows["proc"] = rows["first_chip"].map(table.match)
    covered = rows["proc"].notna()
    print(f"1. hardware table coverage: {covered.mean():.1%} ({covered.sum()}/{len(rows)})")
    missing = rows.loc[~covered, "first_chip"].value_counts()
    if len(missing):
        print("   not resolved: " + ", ".join(f"{n} ({c})" for n, c in missing.items()))

    def ours(row):
        proc = row["proc"]
        if proc is None:
            return np.nan
        chip_hours = row["Hardware quantity"] * row["Training time (hours)"]
        language_model = "Language" in str(row.get("Domain", ""))
        result = flop_range(proc, chip_hours, chip_hours, epoch, language_model)
        return np.nan if result is None else result[0]

    rows["ours"] = rows.apply(ours, axis=1)
    both = rows[rows["ours"].notna() & rows["Training compute (FLOP)"].notna()].copy()
    both["log10_ratio"] = np.log10(both["ours"] / both["Training compute (FLOP)"].astype(float))
    absolute = both["log10_ratio"].abs()
    print(
        f"2. epoch-convention FLOPs vs Epoch's training compute, n={len(both)}: "
        f"median |log10 ratio| {absolute.median():.3f}, 90th percentile {absolute.quantile(0.9):.3f}, "
        f"median signed {both['log10_ratio'].median():+.3f}"
    )
    print("   largest disagreements (Epoch's compute note, first 110 characters):")
    for _, row in both.loc[absolute.sort_values(ascending=False).index[:8]].iterrows():
        note = " ".join(str(row["Training compute notes"]).split())[:110]
        print(f"   {row['log10_ratio']:+.2f}  {row['Model']} [{row['first_chip']} x {row['Hardware quantity']:g}, "
              f"{row['Training time (hours)']:g} h]: {note}")  # fmt: skip

    checked = agreed = 0
    failures = []
    for _, row in rows.iterrows():
        notes = " ".join(str(row.get(c, "")) for c in ("Training time notes", "Training compute notes"))
        quotes = dict.fromkeys(QUOTE.findall(notes))  # a quote often stands in both notes: parse it once
        stmts = [s for q in quotes for s in statements_from_text(q, table, epoch)]
        stmts = [s for s in stmts if s.count is not None and s.hours is not None]
        if not stmts:
            continue
        checked += 1
        target_count, target_hours = row["Hardware quantity"], row["Training time (hours)"]
        candidates = [(s.count, s.count_low, s.count_high, s.hours, s.hours_low, s.hours_high) for s in stmts]
        # Epoch records the total over training phases ("1.6 days ... then 4.9 days"), also over phases on different
        # chip counts, with the largest (OLMoE's note: "10*24 + 33 + 14 = 287" hours with 256 GPUs, over
        # pre-training on 256 and tuning on 32 GPUs): the sums per chip count and over all are candidates too.
        phases = {(s.count, s.hours_low, s.hours_high) for s in stmts}
        groups = [{p for p in phases if p[0] == count} for count in {p[0] for p in phases}]
        if len(groups) > 1:
            groups.append(phases)
        candidates += [phase_total(group) for group in groups if len(group) > 1]
        tpu = "TPU" in str(row["Training hardware"])
        if any(
            close_count(c, cl, ch, target_count, tpu) and close(h, hl, hh, target_hours)
            for c, cl, ch, h, hl, hh in candidates
        ):
            agreed += 1
        else:
            failures.append((row["Model"], target_count, target_hours, [(s.count, round(s.hours, 2)) for s in stmts]))
    print(f"3. quoted hardware sentences parsed: {checked}; count and hours agree with Epoch's columns: "
          f"{agreed}/{checked} = {agreed / max(checked, 1):.1%}")  # fmt: skip
    for model, count, hours, found in failures[: args.show]:
        print(f"   differs: {model}: Epoch {count:g} chips x {hours:g} h; parsed {found}")


if __name__ == "__main__":
    main()
