"""Evaluate `computelimits extract` on the development set (../shared/data/papers_dev).

    python bench/eval_extraction.py [--dev ../shared/data/papers_dev] [--jobs 2] [--show]

Prints paper-level detection precision and recall (a paper is detected when at least one extracted row has
hours or chip_hours; the truth is labels.csv `has_burden`) and value recall (a labelled statement is found when
a row of the same paper matches its hours within 5%, ranges inclusive, and its chip count when labelled; or
matches its chip-hours). Targets: precision >= 0.95, recall >= 0.9, value recall >= 0.85.
"""

from __future__ import annotations

import argparse
import math
import re
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

import pandas as pd

from computelimits.hardware import DEFAULT_CONVENTIONS, default_table_path, load_table
from computelimits.pdftext import extract_pdf
from computelimits.units import HOURS_PER_UNIT, UNIT_ALIASES, word_number

DEV = Path(__file__).resolve().parents[1].parent / "shared/data/papers_dev"
TOLERANCE = 0.05


def _extract(path: str):
    table = load_table(default_table_path())
    result = extract_pdf(path, table, DEFAULT_CONVENTIONS["thompson"])
    return result


def _number(text: str) -> float | None:
    text = text.strip().lower()
    text = re.sub(r"^(less than|about|approximately|around|over|under|~)\s+", "", text)
    match = re.match(r"(?:a|an)\s*\((\d+)\)", text)
    if match:
        return float(match.group(1))
    if text in ("single", "a", "an"):
        return 1.0
    value = word_number(text)
    if value is None:
        match = re.match(r"([\d.]+)", text)
        value = float(match.group(1)) if match else None
    return value


def label_counts(text) -> list[float]:
    if not isinstance(text, str) or not text.strip():
        return []
    return [v for part in re.split(r"[;,]", text) if (v := _number(re.sub(r"[a-z ]+$", "", part) or part))]


def _unit_hours(unit: str) -> float | None:
    unit = unit.strip().lower().rstrip("s")
    return HOURS_PER_UNIT.get(UNIT_ALIASES.get(unit, UNIT_ALIASES.get(unit + "s", "")), None)


def label_durations(value, unit) -> tuple[list[tuple[float, float]], bool]:
    """(hour ranges, whether they are chip-hours) of a label's duration_value/duration_unit."""
    if not isinstance(value, str) or not isinstance(unit, str):
        return [], False
    chip = bool(re.search(r"gpu|tpu|core|chip", unit, re.I))
    base = re.sub(r"(?i)(gpu|tpu|v3|core|chip|-|\s)+", " ", unit).split()
    base_unit = base[-1] if base else "hours"
    ranges = []
    for part in value.split(";"):
        part = part.strip()
        compound = re.findall(r"([\d.]+)\s*(days?|h|hours?|minutes?|weeks?)", part)
        if len(compound) >= 1 and re.search(r"[a-z]", part):
            total = sum(float(n) * (_unit_hours(u) or math.nan) for n, u in compound)
            ranges.append((total, total))
            continue
        bounds = re.split(r"\s*(?:-|to)\s*", part)
        hours = _unit_hours(base_unit.split("/")[0]) or 1.0
        numbers = [_number(b) for b in bounds]
        if any(n is None for n in numbers):
            continue
        if part.lower().startswith("less than"):
            numbers = [0.0, numbers[0]]
        ranges.append((min(numbers) * hours, max(numbers) * hours))
    return ranges, chip


def _overlaps(low: float, high: float, row_low: float, row_high: float) -> bool:
    return row_low <= high * (1 + TOLERANCE) and row_high >= low * (1 - TOLERANCE)


def _count_matches(counts: list[float], row) -> bool:
    if not counts:
        return True
    low, high = row["count_low"], row["count_high"]
    if low is None or math.isnan(low):
        return False
    # TPU statements are counted in chips; labels often give cores (2 per chip for v2/v3/v4).
    return any(low * f * (1 - TOLERANCE) <= c <= high * f * (1 + TOLERANCE) for c in counts for f in (1.0, 2.0))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--show", action="store_true", help="list misses and false detections")
    args = parser.parse_args()
    labels = pd.read_csv(args.dev / "labels.csv")
    pdfs = sorted((args.dev / "pdfs").glob("*.pdf"))
    with ProcessPoolExecutor(args.jobs) as pool:
        results = dict(zip([p.name for p in pdfs], pool.map(_extract, [str(p) for p in pdfs]), strict=True))
    rows = {name: pd.DataFrame([{"page": p, **s.as_row()} for p, s in r.statements]) for name, r in results.items()}
    truth = labels.groupby("file")["has_burden"].agg(lambda v: (v == "yes").any())
    truth = truth[truth.index.isin(results)]
    detected = {
        name: bool(len(frame) and (frame["hours"].notna() | frame["chip_hours"].notna()).any())
        for name, frame in rows.items()
    }
    tp = sum(detected[n] and truth[n] for n in truth.index)
    fp = sum(detected[n] and not truth[n] for n in truth.index)
    fn = sum((not detected[n]) and truth[n] for n in truth.index)
    print(f"papers evaluated: {len(truth)} ({int(truth.sum())} with a labelled training statement)")
    print(f"paper-level detection: precision {tp / max(tp + fp, 1):.3f} ({tp}/{tp + fp}), "
          f"recall {tp / max(tp + fn, 1):.3f} ({tp}/{tp + fn})")  # fmt: skip

    found = total = 0
    misses = []
    for _, label in labels[(labels["has_burden"] == "yes") & labels["file"].isin(results)].iterrows():
        ranges, chip = label_durations(str(label["duration_value"]), str(label["duration_unit"]))
        if not ranges:
            continue
        total += 1
        counts = [] if chip else label_counts(label["count"])
        frame = rows[label["file"]]
        hit = False
        for _, row in frame.iterrows():
            if chip:
                low, high = row["chip_hours_low"], row["chip_hours_high"]
                # TPU core-time labels: statements are in chip-hours (2 cores per chip for v2-v4)
                hit = (
                    low is not None
                    and not math.isnan(low)
                    and any(_overlaps(lo / f, hi / f, low, high) for lo, hi in ranges for f in (1.0, 2.0))
                )
            elif row["hours_low"] is not None and not math.isnan(row["hours_low"]):
                hit = _count_matches(counts, row) and any(
                    _overlaps(lo, hi, row["hours_low"], row["hours_high"]) for lo, hi in ranges
                )
            if hit:
                break
        found += hit
        if not hit:
            misses.append((label["file"], label["count"], label["duration_value"], label["duration_unit"]))
    print(f"value recall: {found / max(total, 1):.3f} ({found}/{total} labelled statements)")
    print("targets: precision >= 0.95, recall >= 0.9, value recall >= 0.85")
    if args.show:
        for name in truth.index:
            if detected[name] != truth[name]:
                kind = "false detection" if detected[name] else "missed paper"
                print(f"  {kind}: {name}")
                if detected[name]:
                    for _, r in rows[name].iterrows():
                        print(f"      p{r['page']}: {r['sentence'][:160]}")
        for miss in misses:
            print(f"  missed value: {miss}")
            file = miss[0]
            for _, r in rows[file].iterrows():
                facts = f"count={r['count']} hours={r['hours']} chip_hours={r['chip_hours']}"
                print(f"      got p{r['page']} {facts}: {r['sentence'][:100]}")


if __name__ == "__main__":
    main()
