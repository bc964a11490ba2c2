"""Training times stated in tables: a column headed by a time unit ("Hours", "Training time (days)", "GPU-days")
and the rows under it, read from the word positions of a pdfplumber page.

Each row becomes one statement the parser reads, written out as a sentence ("Training RNNenc-30 took 109 hours on
TITAN BLACK (table: 'Hours')."), so a table row and a sentence are judged by the same rules. A header about speed
(latency, ms, FPS, throughput, inference) is no training time; a row citing another work ([12], "et al.") is
others' work and is left out.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# The header words of a training-time column and the unit they give its numbers.
_UNIT_WORDS = {
    "hours": "hours", "hour": "hours", "hrs": "hours", "h": "hours", "days": "days", "day": "days", "weeks": "weeks",
    "gpu-hours": "GPU hours", "gpu-days": "GPU days", "tpu-days": "TPU days", "tpu-hours": "TPU hours",
    "core-days": "TPU core days", "core-hours": "TPU core hours", "gpu hours": "GPU hours", "gpu days": "GPU days",
}  # fmt: skip
_HEADER_UNIT = re.compile(
    r"^[(\[]?(hours?|hrs|h|days?|weeks|gpu[- ]?hours|gpu[- ]?days|tpu[- ]?(?:core[- ]?)?(?:days|hours)|"
    r"core[- ]?(?:days|hours))[)\]]?[.,:]?$",
    re.I,
)
_HEADER_TIME = re.compile(r"^(time|training|train|cost|wall-?clock)$", re.I)
_SPEED = re.compile(r"\b(latency|ms|fps|throughput|inference|speed|img/s|images/s|tokens/s|test|decod\w*)\b", re.I)
_NUMBER = re.compile(r"^~?(\d+(?:[.,]\d+)?)(?:h|d)?[*†‡]?$")
_CITATION = re.compile(r"\[\d+(?:\s*[,–-]\s*\d+)*\]|\bet al\b", re.I)
_STOP = re.compile(r"^(table|figure|fig\.)\s*\d", re.I)
TOLERANCE = 8.0  # points a cell may stand off its header's span


@dataclass
class TableRow:
    line: int  # index of the row's line
    sentence: str  # the row written out for the parser
    row_text: str


def _text(words: list[dict]) -> str:
    return " ".join(w["text"] for w in words)


def _header_columns(line: list[dict]) -> list[tuple[float, float, str, str]]:
    """(x0, x1, unit, header text) of each training-time column a header line holds."""
    text = _text(line)
    if not 3 <= len(line) <= 14 or _SPEED.search(text) or sum(bool(_NUMBER.match(w["text"])) for w in line) > 1:
        return []
    if re.search(r"[a-z]{3,}[.;]$|,\s", text):
        return []  # a line of prose, not a header
    columns = []
    for i, word in enumerate(line):
        unit = _HEADER_UNIT.match(word["text"])
        # a header cell is capitalised ("Hours") or a unit in brackets ("(h)", "[days]")
        if not unit or not (
            word["text"][0].isupper() or word["text"][0] in "([" or word["text"][:3].lower() in ("gpu", "tpu")
        ):
            continue
        # the cell: this word and the header words just before it on the line ("Training time (h)", "GPU days")
        start = i
        while (
            start > 0
            and word["x0"] - line[start - 1]["x1"] < 6
            and (
                _HEADER_TIME.match(line[start - 1]["text"]) or line[start - 1]["text"].lower() in ("gpu", "tpu", "core")
            )
        ):
            start -= 1
        cell = line[start : i + 1]
        key = re.sub(r"[()\[\].,:]", "", " ".join(w["text"] for w in cell).lower())
        unit_name = next((v for k, v in _UNIT_WORDS.items() if key.endswith(k)), None)
        if unit_name is None and unit.group(1).lower() in _UNIT_WORDS:
            unit_name = _UNIT_WORDS[unit.group(1).lower()]
        if unit_name:
            columns.append((cell[0]["x0"], cell[-1]["x1"], unit_name, _text(cell)))
    return columns


def table_rows(lines: list[list[dict]]) -> list[TableRow]:
    """The rows of every training-time column on a page (lines of words, page_word_lines), as sentences."""
    rows: list[TableRow] = []
    for index, line in enumerate(lines):
        for x0, x1, unit, header in _header_columns(line):
            for offset, row in enumerate(lines[index + 1 : index + 40], start=index + 1):
                text = _text(row)
                if _STOP.match(text) or _header_columns(row):
                    break
                cells = [w for w in row if x0 - TOLERANCE <= (w["x0"] + w["x1"]) / 2 <= x1 + TOLERANCE]
                value = next((m.group(1) for w in cells if (m := _NUMBER.match(w["text"]))), None)
                if sum(bool(_NUMBER.match(w["text"])) for w in row) < 2:
                    break  # a table row holds numbers in several columns; prose does not
                if value is None:
                    if not any(_NUMBER.match(w["text"]) for w in row):
                        break  # the table ended
                    continue
                if _CITATION.search(text):
                    continue
                label = " ".join(w["text"] for w in row if w["x1"] < x0 and not _NUMBER.match(w["text"]))
                rest = " ".join(w["text"] for w in row if w["x0"] > x1 and not re.search(r"\d\.\d|^\d+$", w["text"]))
                value = value.replace(",", "")
                subject = f"Training {label}" if label else "Training"
                on = f" on {rest}" if rest else ""
                sentence = f"{subject} took {value} {unit}{on} (table: '{header}')."
                rows.append(TableRow(offset, sentence, text))
    return rows
