"""Benchmark results sheets: load, validate against the sheet schema, and add the error column.

Every problem is reported as `<file> line <n> (model '<name>'), column '<col>': <what>` so the user can fix it
without reading code. Rows that are valid but carry no compute stay in; the merge gives them a status.
"""

from __future__ import annotations

import csv
import datetime as _dt
from pathlib import Path

import pandas as pd
from jsonschema import Draft202012Validator

from .defaults import benchmark_defaults

# Every sheet has the required columns; the optional ones (extra training data, ensembles, Epoch AI's own estimate)
# may be left out of a sheet's header and then read as empty. SHEET_COLUMNS is their order in a written sheet.
REQUIRED_COLUMNS = ["model", "arxiv_id", "year", "score", "hardware", "count", "hours", "chip_hours", "flop", "source"]
OPTIONAL_COLUMNS = ["extra_data", "ensemble", "epoch_flop"]
SHEET_COLUMNS = [*REQUIRED_COLUMNS[:-1], *OPTIONAL_COLUMNS, "source"]
NUMERIC_COLUMNS = ["year", "score", "count", "hours", "chip_hours", "flop", "epoch_flop"]
TEXT_COLUMNS = ["model", "arxiv_id", "hardware", "source", "extra_data", "ensemble"]


class SheetError(ValueError):
    """A sheet cannot be used; the message names the file, line and column."""


def _cell(value: str, column: str):
    value = value.strip()
    if value == "":
        return None
    if column in NUMERIC_COLUMNS:
        try:
            number = float(value)
        except ValueError:
            return value  # the schema reports it as "not of type 'number'"
        return int(number) if column == "year" and number.is_integer() else number
    return value


def _describe(error) -> tuple[str, str]:
    column = error.path[-1] if error.path else ""
    if error.validator == "required":
        column = error.message.split("'")[1]
    if error.validator == "additionalProperties":
        return "", error.message
    return str(column), error.message


def load_sheet(path: str | Path, schema: dict, benchmark: str, score_max: float) -> pd.DataFrame:
    """Read one TSV sheet; raise SheetError listing every bad cell, naming file, line and column. Scores lie
    within 0-`score_max` (the benchmark's config `score_max`)."""
    path = Path(path)
    label = f"{path}" + (f" (benchmark '{benchmark}')" if benchmark else "")
    if not path.is_file():
        raise SheetError(f"{label}: sheet file not found")
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        header = reader.fieldnames or []
        missing = [c for c in REQUIRED_COLUMNS if c not in header]
        if missing:
            raise SheetError(f"{label}: missing column(s) {', '.join(repr(c) for c in missing)}; header is {header}")
        unknown = [c for c in header if c not in SHEET_COLUMNS]
        if unknown:
            raise SheetError(f"{label}: unknown column(s) {', '.join(repr(c) for c in unknown)}")
        # empty cells are absent keys, so a blank required column reads "'source' is a required property"
        records = [
            (line, {k: c for k, v in row.items() if k is not None and (c := _cell(v or "", k)) is not None})
            for line, row in enumerate(reader, 2)
        ]
    validator = Draft202012Validator(schema)
    problems = []
    seen: dict[str, int] = {}
    this_year = _dt.date.today().year
    for line, record in records:
        where = f"{path} line {line} (model {record.get('model')!r})"
        for error in sorted(validator.iter_errors(record), key=lambda e: list(e.path)):
            column, message = _describe(error)
            problems.append(f"{where}, column '{column}': {message}")
        model = record.get("model")
        if isinstance(model, str):
            if model in seen:
                problems.append(f"{where}, column 'model': duplicate of line {seen[model]}")
            seen[model] = line
        score = record.get("score")
        if isinstance(score, float) and not 0 <= score <= score_max:
            problems.append(f"{where}, column 'score': {score} is outside 0-{score_max:g}")
        year = record.get("year")
        if isinstance(year, int) and year > this_year:
            problems.append(f"{where}, column 'year': {year} is in the future")
    if problems:
        shown = "\n  ".join(problems[:20])
        more = f"\n  ... and {len(problems) - 20} more" if len(problems) > 20 else ""
        raise SheetError(f"{label}: {len(problems)} problem(s):\n  {shown}{more}")
    frame = pd.DataFrame([r for _, r in records], columns=SHEET_COLUMNS)
    frame.insert(0, "line", [line for line, _ in records])
    for column in NUMERIC_COLUMNS:
        frame[column] = pd.to_numeric(frame[column], errors="coerce").astype("float64")
    for column in TEXT_COLUMNS:
        frame[column] = frame[column].astype("string").fillna("").astype(str)
    return frame


def error_from_score(score, higher_is_better: bool, score_max: float):
    """Error as a fraction: 1 - score/max for accuracy, F1, AP and BLEU; score/max for error-type metrics."""
    fraction = score / score_max
    return 1.0 - fraction if higher_is_better else fraction


def load_benchmarks(benchmarks: dict, schema: dict, root: str | Path = ".") -> dict[str, pd.DataFrame]:
    """Every sheet named in config `benchmarks`, validated; problems of all sheets are raised together."""
    sheets, problems = {}, []
    for name, spec in benchmarks.items():
        try:
            score_max = benchmark_defaults(spec)["score_max"]
            sheets[name] = load_sheet(Path(root) / spec["sheet"], schema, name, score_max)
        except SheetError as exc:
            problems.append(str(exc))
    if problems:
        raise SheetError("\n".join(problems))
    return sheets
