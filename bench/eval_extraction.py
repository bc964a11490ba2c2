"""Evaluate statement extraction against labelled corpora, with figures per corpus.

    python bench/eval_extraction.py [--corpus DIR ...] [--pdfs DIR ...] [--jobs 2] [--show] [--split A|B|B1|B2]

Without --corpus/--pdfs: ../shared/data/papers_dev, ../shared/data/papers_sheets and the held-out
bench/labels/papers_extend (its PDFs in the folder its PDFS file names). A corpus folder holds pdfs/*.pdf (or a PDFS
file),
labels.csv and (optionally) negatives.csv, in papers_dev's layout (count, duration_value, duration_unit) or in
papers_sheets' (chips_lo/hi, hours_lo/hi, chip_hours_lo/hi, role; see its README.md). A --pdfs folder holds PDFs
without labels: only the number of statements and of papers with one is printed. Each PDF goes through `extract`
(one call, PDFs in a process pool); a statement is timed when it has hours or chip_hours. Only PDFs that labels.csv
names are evaluated. Per corpus:

1. paper-level detection precision and recall: a paper is detected when at least one of its statements is timed;
   the truth is has_burden == yes on any labels.csv row of the file.
2. value recall: the labelled timed statements are the has_burden == yes rows with a duration (papers_dev:
   duration_value/duration_unit parse to hours; papers_sheets: hours_lo/hi or chip_hours_lo/hi given and role not
   `context`; an empty hours_hi is an open upper bound). One is found when a statement of the same paper (any page)
   has hours overlapping the labelled hours within 5% (ranges inclusive) and, when the label gives a chip count, a
   count overlapping it within 5% (the label may be twice the count: TPU cores vs chips); or has chip-hours
   overlapping the labelled chip-hours (papers_dev: duration units in GPU/TPU/core/chip-hours; papers_sheets:
   chip_hours_lo/hi) within 5%, the label possibly twice the statement's (core-hours vs chip-hours).
3. role accuracy (labels with a role): over the found labelled statements whose role is a ROLE_MAP key, the share
   whose first matching statement (document order; one on the label's page first) has `role` ==
   ROLE_MAP[label role]; n/a when the extractor's statements have no `role`.
4. false positives: timed statements of evaluated papers matching no labelled timed statement of their paper, each
   classed by the negatives.csv row of the same paper whose sentence is most similar (lower-cased, non-alphanumerics
   to spaces, whitespace collapsed; similar when one contains the other, or when the shared distinct tokens are
   >= 60% of the smaller sentence's distinct tokens): that row's category, "unlabelled" when none is similar.

--show lists per corpus the missed and falsely detected papers, the missed labelled statements with what the
extractor gave for that paper, the wrong roles, and every false positive with its class (an unlabelled one also names
the labels.csv sentence it resembles, if any, by the same similarity). A summary table and the targets close the
output: precision >= 0.95, recall >= 0.90, value recall >= 0.85, role accuracy >= 0.8.

--split A|B evaluates one half of every corpus (and of every --pdfs folder): a PDF is in A when
int(sha256(file name).hexdigest(), 16) % 2 == 0, else in B (the file name only, e.g. "1706.03762v5.pdf"). The halves
keep a held-out measure while rules are developed: tune on A (its --show output), and read only B's summary figures.
B is cut again into quarters: B1 (sha256 % 4 == 1) and B2 (sha256 % 4 == 3). Up to session 6 B was read only as
summary figures; from session 7 (2026-12-02) B1's --show output was read to find failure classes on papers the rules
had not been tuned on, and B2 is the part still held out (read only its summary).
"""

from __future__ import annotations

import argparse
import hashlib
import math
import re
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

import pandas as pd

from computelimits.units import HOURS_PER_UNIT, UNIT_ALIASES, word_number

DATA = Path(__file__).resolve().parents[1].parent / "shared/data"
HERE = Path(__file__).resolve().parent
# papers_extend is held out: its labels live here (bench/labels/papers_extend), its PDFs in ../shared (file PDFS)
CORPORA = [DATA / "papers_dev", DATA / "papers_sheets", HERE / "labels" / "papers_extend"]
TOLERANCE = 0.05
OVERLAP = 0.6  # negatives.csv similarity: shared tokens / distinct tokens of the smaller sentence
TARGETS = {"precision": 0.95, "recall": 0.90, "value recall": 0.85, "role accuracy": 0.8}
# labels.csv role -> the extractor's Statement.role value
ROLE_MAP = {
    "final": "final",
    "pretrain": "pretrain",
    "finetune": "finetune",
    "search": "search",
    "ablation": "ablation",
}


def extract(path: str) -> list[dict]:
    """The extractor under test, the only place that calls it: one dict per statement of the PDF at `path`, its
    fields plus "page"."""
    from computelimits.config import conventions_from_config
    from computelimits.extraction import extract_pdf
    from computelimits.hardware import default_table_path, load_table

    result = extract_pdf(path, load_table(default_table_path()), conventions_from_config(None).by_name["thompson"])
    return [{"page": page, **stmt.as_row()} for page, stmt in result.statements]


def _value(value) -> float | None:
    """A number, None for None/NaN/empty."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    value = float(value)
    return None if math.isnan(value) else value


def _timed(row: dict) -> bool:
    return _value(row.get("hours")) is not None or _value(row.get("chip_hours")) is not None


def _bounds(row: dict, stem: str) -> tuple[float | None, float | None]:
    low = _value(row.get(f"{stem}_low"))
    high = _value(row.get(f"{stem}_high"))
    return low, (low if high is None else high)


def _overlaps(low: float, high: float, row_low: float, row_high: float) -> bool:
    return row_low <= high * (1 + TOLERANCE) and row_high >= low * (1 - TOLERANCE)


# papers_dev labels: count, duration_value, duration_unit as written


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


def _count_matches(counts: list[float], row: dict) -> bool:
    if not counts:
        return True
    low, high = _bounds(row, "count")
    if low is None:
        return False
    # TPU statements are counted in chips; labels often give cores (2 per chip for v2/v3/v4).
    return any(low * f * (1 - TOLERANCE) <= c <= high * f * (1 + TOLERANCE) for c in counts for f in (1.0, 2.0))


def _dev_match(ranges: list[tuple[float, float]], chip: bool, counts: list[float], row: dict) -> bool:
    if chip:
        low, high = _bounds(row, "chip_hours")
        # TPU core-time labels: statements are in chip-hours (2 cores per chip for v2-v4)
        return low is not None and any(_overlaps(lo / f, hi / f, low, high) for lo, hi in ranges for f in (1.0, 2.0))
    low, high = _bounds(row, "hours")
    return low is not None and _count_matches(counts, row) and any(_overlaps(lo, hi, low, high) for lo, hi in ranges)


# papers_sheets labels: numeric chips/hours/chip_hours ranges, a role


def _label_range(label, stem: str) -> tuple[float, float] | None:
    low, high = _value(label[f"{stem}_lo"]), _value(label[f"{stem}_hi"])
    if low is None and high is None:
        return None
    return (0.0 if low is None else low), (math.inf if high is None else high)


def _sheet_match(
    hours: tuple[float, float] | None,
    chips: tuple[float, float] | None,
    chip_hours: tuple[float, float] | None,
    row: dict,
) -> bool:
    if hours:
        low, high = _bounds(row, "hours")
        if low is not None and _overlaps(*hours, low, high):
            if chips is None:
                return True
            count_low, count_high = _bounds(row, "count")
            if count_low is not None and any(
                _overlaps(chips[0], chips[1], count_low * f, count_high * f) for f in (1.0, 2.0)
            ):
                return True
    if chip_hours:
        low, high = _bounds(row, "chip_hours")
        return low is not None and any(_overlaps(chip_hours[0] / f, chip_hours[1] / f, low, high) for f in (1.0, 2.0))
    return False


def _show_range(span: tuple[float, float] | None) -> str:
    if span is None:
        return "-"
    low, high = span
    return f"{low:g}" if low == high else f"{low:g}-{high:g}"


@dataclass
class Timed:
    """A labelled timed statement and the test of an extracted statement against it."""

    file: str
    page: str
    facts: str
    role: str
    match: Callable[[dict], bool] = field(repr=False)
    sentence: str = ""


def timed_labels(labels: pd.DataFrame) -> list[Timed]:
    """The labelled timed statements of labels.csv (either layout), in file order."""
    found = []
    if "duration_value" in labels.columns:
        for _, label in labels[labels["has_burden"] == "yes"].iterrows():
            ranges, chip = label_durations(str(label["duration_value"]), str(label["duration_unit"]))
            if not ranges:
                continue
            counts = [] if chip else label_counts(label["count"])
            facts = f"count={label['count']} duration={label['duration_value']} {label['duration_unit']}"
            found.append(Timed(label["file"], "", facts, "", partial(_dev_match, ranges, chip, counts)))
        return found
    if "hours_lo" not in labels.columns:
        raise SystemExit("labels.csv: neither papers_dev's columns (duration_value) nor papers_sheets' (hours_lo)")
    roles = labels["role"] if "role" in labels.columns else pd.Series("", index=labels.index)
    for index, label in labels[labels["has_burden"] == "yes"].iterrows():
        role = roles[index] if isinstance(roles[index], str) else ""
        hours, chips, chip_hours = (_label_range(label, stem) for stem in ("hours", "chips", "chip_hours"))
        if role == "context" or (hours is None and chip_hours is None):
            continue
        page = _value(label.get("page"))
        facts = f"chips={_show_range(chips)} hours={_show_range(hours)} chip_hours={_show_range(chip_hours)}"
        found.append(
            Timed(
                label["file"],
                "" if page is None else f"{page:g}",
                facts,
                role,
                partial(_sheet_match, hours, chips, chip_hours),
                _normalise(label.get("sentence", "")),
            )
        )
    return found


def _normalise(text) -> str:
    return " ".join(re.sub(r"[^a-z0-9]+", " ", str(text).lower()).split())


def _similarity(a: str, b: str) -> float:
    if not a or not b:
        return 0.0
    if a in b or b in a:
        return 1.0
    ta, tb = set(a.split()), set(b.split())
    return len(ta & tb) / min(len(ta), len(tb))


def classify(sentence: str, negatives: list[tuple[str, str]], default: str = "unlabelled") -> str:
    """The tag of the most similar (normalised) sentence of `negatives` ((sentence, category) pairs of the paper),
    `default` when none is similar."""
    text = _normalise(sentence)
    best, category = OVERLAP, default
    for negative, negative_category in negatives:
        score = _similarity(text, negative)
        if score >= best:
            best, category = score, negative_category
            if score == 1.0:
                break
    return category


def _ratio(a: int, b: int) -> float:
    return a / max(b, 1)


def _facts(row: dict) -> str:
    return f"count={row.get('count')} hours={row.get('hours')} chip_hours={row.get('chip_hours')}"


def evaluate(folder: Path, results: dict[str, list[dict]], show: bool) -> dict:
    """Print the figures of one labelled corpus; return its summary row."""
    labels = pd.read_csv(folder / "labels.csv", dtype={"arxiv_id": str})
    negatives_path = folder / "negatives.csv"
    negatives = pd.read_csv(negatives_path, dtype={"arxiv_id": str}) if negatives_path.exists() else None
    truth = labels.groupby("file")["has_burden"].agg(lambda v: (v == "yes").any())
    truth = truth[truth.index.isin(results)]
    detected = {name: any(_timed(row) for row in results[name]) for name in truth.index}
    tp = sum(detected[n] and truth[n] for n in truth.index)
    fp = sum(detected[n] and not truth[n] for n in truth.index)
    fn = sum((not detected[n]) and truth[n] for n in truth.index)
    unlabelled_pdfs = sorted(set(results) - set(truth.index))
    print(f"\n== {folder.name} ({folder}) ==")
    print(f"papers evaluated: {len(truth)} ({int(truth.sum())} with a labelled training statement)")
    if unlabelled_pdfs:
        print(f"  ({len(unlabelled_pdfs)} PDFs not in labels.csv, not evaluated)")
    precision, recall = _ratio(tp, tp + fp), _ratio(tp, tp + fn)
    print(f"paper-level detection: precision {precision:.3f} ({tp}/{tp + fp}), "
          f"recall {recall:.3f} ({tp}/{tp + fn})")  # fmt: skip

    targets = [t for t in timed_labels(labels) if t.file in results]
    matched_rows: set[tuple[str, int]] = set()
    misses, roles = [], []
    has_role = any("role" in row for name in truth.index for row in results[name])
    for target in targets:
        hits = [i for i, row in enumerate(results[target.file]) if target.match(row)]
        matched_rows.update((target.file, i) for i in hits)
        if not hits:
            misses.append(target)
        elif target.role in ROLE_MAP and has_role:
            # the statement on the label's page first: the same value may stand on another page for another stage;
            # of those, the one whose sentence is the label's (a table's rows of close values: 15.2 h and 15.8 h)
            on_page = [i for i in hits if target.page and f"{results[target.file][i]['page']:g}" == target.page]
            rows = results[target.file]
            best = max(on_page or hits, key=lambda i: _similarity(target.sentence, _normalise(rows[i].get("sentence"))))
            got = rows[best].get("role")
            roles.append((target, got, got == ROLE_MAP[target.role]))
    found = len(targets) - len(misses)
    value_recall = _ratio(found, len(targets))
    print(f"value recall: {value_recall:.3f} ({found}/{len(targets)} labelled statements)")

    role_accuracy = None
    if not any(t.role for t in targets):
        print("role accuracy: n/a (the labels give no role)")
    elif not has_role:
        print("role accuracy: n/a (the extractor gives no role)")
    else:
        right = sum(ok for _, _, ok in roles)
        role_accuracy = _ratio(right, len(roles))
        print(f"role accuracy: {role_accuracy:.3f} ({right}/{len(roles)} found statements with a mapped role)")

    by_file: dict[str, list[tuple[str, str]]] = {}
    if negatives is not None:
        for _, negative in negatives.iterrows():
            by_file.setdefault(negative["file"], []).append((_normalise(negative["sentence"]), negative["category"]))
    labelled: dict[str, list[tuple[str, str]]] = {}  # --show: an unlabelled false positive that resembles a label
    for _, label in labels[labels["sentence"].notna()].iterrows():
        page = _value(label.get("page"))
        where = ("" if page is None else f"p{page:g} ") + str(label.get("role", label.get("duration_value", "")))
        labelled.setdefault(label["file"], []).append((_normalise(label["sentence"]), where))
    false_positives = [
        (name, row, classify(row["sentence"], by_file.get(name, [])))
        for name in truth.index
        for i, row in enumerate(results[name])
        if _timed(row) and (name, i) not in matched_rows
    ]
    classes = Counter(category for _, _, category in false_positives)
    listed = ", ".join(f"{category} {n}" for category, n in classes.most_common()) or "none"
    papers_fp = len({name for name, _, _ in false_positives})
    print(f"false positives: {len(false_positives)} statements in {papers_fp} papers ({listed})")

    if show:
        for name in truth.index:
            if detected[name] != truth[name]:
                print(f"  {'false detection' if detected[name] else 'missed paper'}: {name}")
        for miss in misses:
            page = f" p{miss.page}" if miss.page else ""
            print(f"  missed value: {miss.file}{page} {miss.facts}" + (f" role={miss.role}" if miss.role else ""))
            for row in results[miss.file]:
                print(f"      got p{row['page']} {_facts(row)}: {row['sentence'][:100]}")
        for target, got, ok in roles:
            if not ok:
                print(f"  wrong role: {target.file} p{target.page} {target.facts}: labelled {target.role}, got {got}")
        for name, row, category in false_positives:
            print(f"  false positive [{category}] {name} p{row['page']} {_facts(row)}: {row['sentence'][:160]}")
            if category == "unlabelled" and (like := classify(row["sentence"], labelled.get(name, []), "")):
                print(f"      (resembles the labels.csv sentence {like})")
    return {
        "corpus": folder.name,
        "papers": len(truth),
        "with burden": int(truth.sum()),
        "precision": precision,
        "recall": recall,
        "value recall": value_recall,
        "role acc": role_accuracy,
        "FP count": len(false_positives),
    }


def count_only(folder: Path, results: dict[str, list[dict]]) -> dict:
    """Print the counts of an unlabelled PDF folder; return its summary row."""
    timed = sum(_timed(row) for rows in results.values() for row in rows)
    detected = sum(any(_timed(row) for row in rows) for rows in results.values())
    total = sum(len(rows) for rows in results.values())
    name = folder.parent.name if folder.name == "pdfs" else folder.name
    print(f"\n== {name} ({folder}, no labels) ==")
    print(f"PDFs: {len(results)}; statements: {total} ({timed} timed); papers with a timed statement: {detected}")
    return {"corpus": name, "papers": len(results), "with burden": f"{detected} found"}


def split_of(name: str) -> str:
    """The part a PDF of file name `name` belongs to: "A" when its sha256 is even, else "B1" (sha256 % 4 == 1) or
    "B2" (sha256 % 4 == 3)."""
    value = int(hashlib.sha256(name.encode()).hexdigest(), 16)
    return "A" if value % 2 == 0 else ("B1" if value % 4 == 1 else "B2")


def in_split(name: str, split: str | None) -> bool:
    """Whether the PDF `name` is evaluated under --split `split` (None: every PDF; "B": B1 and B2)."""
    return split is None or split_of(name).startswith(split)


def _pdfs(folder: Path) -> list[Path]:
    """The PDFs of a corpus: its pdfs/ folder, the folder its PDFS file names (relative to it), or itself."""
    if (folder / "PDFS").is_file():
        return sorted((folder / (folder / "PDFS").read_text().strip()).resolve().glob("*.pdf"))
    return sorted((folder / "pdfs" if (folder / "pdfs").is_dir() else folder).glob("*.pdf"))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, action="append", help="labelled corpus folder (repeatable)")
    parser.add_argument("--pdfs", type=Path, action="append", help="folder of PDFs without labels (repeatable)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--show", action="store_true", help="list misses, false detections and false positives")
    parser.add_argument("--split", choices=("A", "B", "B1", "B2"), help="evaluate only this part of each corpus")
    args = parser.parse_args()
    folders = [(folder, True) for folder in args.corpus or []] + [(folder, False) for folder in args.pdfs or []]
    if not folders:
        folders = [(folder, True) for folder in CORPORA]
    for folder, labelled in folders:
        if labelled and not (folder / "labels.csv").exists():
            raise SystemExit(f"{folder}: no labels.csv (use --pdfs for a folder without labels)")
    paths = {folder: [p for p in _pdfs(folder) if in_split(p.name, args.split)] for folder, _ in folders}
    everything = sorted({str(p) for found in paths.values() for p in found})
    with ProcessPoolExecutor(args.jobs) as pool:
        extracted = dict(zip(everything, pool.map(extract, everything), strict=True))

    summary = []
    for folder, labelled in folders:
        results = {p.name: extracted[str(p)] for p in paths[folder]}
        summary.append(evaluate(folder, results, args.show) if labelled else count_only(folder, results))
        if args.split:
            summary[-1]["corpus"] += f" ({args.split})"

    columns = ["corpus", "papers", "with burden", "precision", "recall", "value recall", "role acc", "FP count"]

    def cell(value) -> str:
        if value is None:
            return "n/a"
        return f"{value:.3f}" if isinstance(value, float) else str(value)

    table = [columns] + [[cell(row[c]) if c in row else "-" for c in columns] for row in summary]
    widths = [max(len(line[i]) for line in table) for i in range(len(columns))]
    print("\nsummary")
    for line in table:
        print(" | ".join(text.ljust(width) for text, width in zip(line, widths, strict=True)).rstrip())
    print("targets: " + ", ".join(f"{name} >= {value:.2f}" for name, value in TARGETS.items()))


if __name__ == "__main__":
    main()
