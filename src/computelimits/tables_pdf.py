"""Training times stated in tables: a column headed by a time unit ("Hours", "Training time (days)", "GPU-days")
and the rows under it, read from the word positions of a pdfplumber page.

Each row becomes one statement the parser reads, written out as a sentence ("Training RNNenc-30 took 109 hours on
TITAN BLACK (table: 'Hours')."), so a table row and a sentence are judged by the same rules. A header about speed
(latency, ms, FPS, throughput, inference) is no training time, though a speed column beside a training-time one
("Infer-time(ms) Train-time (hours)") leaves that one a column; a row citing another work ([12], "et al.",
"(Bello, 2021)"), or naming a model the text cites another work for ("ELMo (Peters et al., 2018)"), is others'
work and is left out, but one citing the paper's own authors, or whose model the caption says the authors timed
("The training time for transformer and our Lite Transformer is measured on ..."), is their baseline, and in a
table of ablations a citation names the design a variant borrows. A header may be in lower case on a line without
prose ("ft acc hours speedup") and may leave the unit to its cells ("TrainTime" over "4.9h"). Each row carries its
table's caption ("Table 2. ... benchmarked in 128 TPU-v3 cores"), the context where its processors are named; the
lines a table takes are no running text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .vocabulary import TABLE_PROCESSOR_TIME_UNITS, TABLE_TIME_UNITS

# The header words of a training-time column and the unit they give its numbers (one home: vocabulary.py).
_UNIT_WORDS = {**TABLE_TIME_UNITS, **TABLE_PROCESSOR_TIME_UNITS}
_UNIT_WORD = "|".join(  # "gpu-hours", "gpu hours", "gpuhours" alike
    "[- ]?".join(map(re.escape, re.split(r"[- ]", word)))
    for word in sorted({w for w in _UNIT_WORDS if w != "h"}, key=len, reverse=True)
)
# a unit word, bare or in balanced brackets; a lone "h" only in brackets ("(h)", "[h]"; "H = 16" is a variable)
_HEADER_UNIT = re.compile(rf"^(?:\((?P<a>{_UNIT_WORD}|h)\)|\[(?P<b>{_UNIT_WORD}|h)\]|(?P<c>{_UNIT_WORD}))[.,:]?$", re.I)
# The words before a unit that make its column a quantity of data, not of training ("Mined audio [h]", "ASR [h]")
_DATA_HOURS = re.compile(
    r"^(audio|speech|data|dataset|video|recordings?|asr|labell?ed|unlabell?ed|mined|clips?)$", re.I
)
_HEADER_TIME = re.compile(r"^(time|training|train|cost|wall-?clock|train(?:ing)?-?time)$", re.I)
# A header naming the time without its unit ("TrainTime", "Training time"): the cells carry it ("4.9h", "12d")
_UNITLESS_TIME = re.compile(r"^(train(?:ing)?-?time|wall-?clock(?:-?time)?)$", re.I)
# What every header cell holds (a unit word, a bracketed "h", "time", "wall-clock"): a line without it has none
# (the unit words of the one vocabulary, so a header in "wks" or "months" passes too)
_TIME_WORD = re.compile(rf"{_UNIT_WORD}|time|wall|[(\[]h[)\]]", re.I)
_SPEED = re.compile(
    r"\b(latency|ms|fps|throughput|inference|infer|speed|img/s|images/s|tokens/s|test|decod\w*)\b", re.I
)
# A time cell: "14", "4.9h", "12d", "0.41k" (thousands, as in "TPUv3 core-days" columns)
_NUMBER = re.compile(r"^~?(\d+(?:[.,]\d+)?)(h|d|k)?[*†‡]?$")
# A chip named over a processor-time column on the header line above ("TPUv3" over "core-days", "V100" over "GPU
# hours")
_CHIP_WORD = re.compile(r"^(?:tpu-?v\d\w*|[akhptvl]\d{2,3}[a-z]?)$", re.I)
# A numeric cell of any column ("83.8%", "56M", "8.8B", "2.8×", "(-17%)"): what makes a line a table row
CELL_NUMBER = re.compile(r"^[~(]?[-+]?\d[\d.,]*(?:%|[kmbt×x])?\)?[*†‡]?$", re.I)
_CITATION = re.compile(
    r"\[\d+(?:\s*[,–-]\s*\d+)*\]|\bet al\b|"
    r"\([A-Z][\w'-]+(?:\s+(?:&|and)\s+[A-Z][\w'-]+)?,?\s+(?:19|20)\d\d[a-z]?\)"  # "(Tan & Le, 2019a)", "(Bello, 2021)"
)
# The first author a citation names: "Brock et al., 2021", "(Tan & Le, 2019a)"
_CITED_AUTHOR = re.compile(
    r"\b([A-Z][\w'-]+)\s+et al\b|\(([A-Z][\w'-]+)(?:\s+(?:&|and)\s+[A-Z][\w'-]+)?,?\s+(?:19|20)\d\d"
)
# A header's time per unit of training: "per Epoch", "/epoch", "per step", "per iter."
_PER_UNIT = re.compile(r"(\bper\b|/)\s*(epoch|step|iter\w*|batch|update|image|sample|token)", re.I)
# The unit of training a per-unit header names, as the parser's schedule knows it ("per iter." -> iteration); a time
# per image, sample or token is a speed: "per unit" matches no schedule and stays no total
_SCHEDULE_UNITS = ("epoch", "iteration", "step", "update")
# A bracketed difference beside a score ("(+1.9)", "(++0.7)", "(-0.3)"): no part of a row's label
_DELTA = re.compile(r"^[(\[][-+±−]+\d[\d.,]*%?[)\]]$")
# A caption of ablations: a cited row there names the design the authors' variant borrows ("Transformer [31]")
_ABLATION_CAPTION = re.compile(r"\bablations?\b", re.I)
_STOP = re.compile(r"^(table|figure|fig\.)\s*\d", re.I)
_CAPTION = re.compile(r"^table\s*\d+\s*[.:]", re.I)
# Words of prose: a line holding one is no header, so a unit written in lower case ("ft acc hours speedup") is a
# header cell only on a line without them
_PROSE = re.compile(r"\b(the|of|and|we|our|is|are|was|were|for|in|to|on|with|that|this|by|as|it|a|an)\b", re.I)
TOLERANCE = 8.0  # points a cell may stand off its header's span
CELL_GAP = 6.0  # points between the words of one cell at most
CAPTION_LINES = 4  # lines of a caption read after its "Table N." line


@dataclass
class TableRow:
    line: int  # index of the row's line
    sentence: str  # the row written out for the parser
    row_text: str
    caption: str = ""  # the caption of the row's table ("Table 2. Wall-clock time ... on 128 TPU-v3 cores.")


def _text(words: list[dict]) -> str:
    return " ".join(w["text"] for w in words)


def header_cells(words: list[str], max_words: int = 14, min_words: int = 3) -> list[tuple[int, int, str | None, str]]:
    """(first and last word index, unit, header text) of each training-time column of a header line given as its
    words; the unit is None when the header names the time without one ("TrainTime": the cells carry it). A column
    about speed (its cell or the word before it: "Infer-time(ms)", "Inference time (h)") is none, while a speed
    column beside a training-time one leaves that one a column. `max_words`, `min_words`: the longest and shortest
    header line (a single column of a stacked header may be two words: "Time (h)")."""
    text = " ".join(words)
    if (
        not min_words <= len(words) <= max_words
        or not _TIME_WORD.search(text)
        or sum(bool(_NUMBER.match(w)) for w in words) > 1
    ):
        return []
    if re.search(r"[a-z]{3,}[.;]$|,\s|=", text) or len(_PROSE.findall(text)) >= 3:
        return []  # a line of prose or a formula, not a header
    plain = not re.search(r"\d", text) and not _PROSE.search(text)
    columns = []
    for i, word in enumerate(words):
        unit = _HEADER_UNIT.match(word)
        # "TrainTime", "Train Time": the time of training named without a unit
        two_words = word.lower() == "time" and i and words[i - 1].lower() in ("train", "training")
        unitless = (_UNITLESS_TIME.match(word) or two_words) and not (
            i + 1 < len(words) and _HEADER_UNIT.match(words[i + 1])
        )
        # a header cell is capitalised ("Hours"), a unit in brackets ("(h)", "[days]"), or on a plain header line
        # a processor-time unit ("core-days", "gpu-hours") is a header cell in any case, on a line without prose
        processor_time = word.lower().strip("()[].,:") in TABLE_PROCESSOR_TIME_UNITS and not _PROSE.search(text)
        if not (unit or unitless) or not (
            word[0].isupper() or word[0] in "([" or word[:3].lower() in ("gpu", "tpu") or plain or processor_time
        ):
            continue
        # the cell: this word and the header words just before it on the line ("Training time (h)", "GPU days")
        start = i
        while start > 0 and (
            _HEADER_TIME.match(words[start - 1]) or words[start - 1].lower() in ("gpu", "tpu", "core")
        ):
            start -= 1
        cell = words[start : i + 1]
        before = words[start - 1].strip("()[]") if start else ""
        if _SPEED.search(" ".join(cell)) or _SPEED.fullmatch(before) or _DATA_HOURS.match(before):
            continue
        # "Time per Epoch (days)", "Time/epoch (h)": a time per unit, a total only for the paper's count of units
        per = _PER_UNIT.search(" ".join(words[max(0, start - 2) : i + 1]))
        key = re.sub(r"[()\[\].,:]", "", " ".join(cell).lower())
        # the longest unit the cell ends in: "GPU Hours" is processor-time, not hours
        unit_name = next((_UNIT_WORDS[k] for k in sorted(_UNIT_WORDS, key=len, reverse=True) if key.endswith(k)), None)
        bare = unit and next(g for g in unit.group("a", "b", "c") if g).lower()
        if bare and unit_name is None and bare in _UNIT_WORDS:
            unit_name = _UNIT_WORDS[bare]
        if per and unit_name in TABLE_TIME_UNITS.values():
            lead = next((j for j in range(max(0, start - 3), start) if _TIME_WORD.search(words[j])), start - 2)
            what = re.sub(r"^iter\w*", "iteration", per.group(2).lower())  # "per iter." -> "per iteration"
            columns.append((start, i, f"{unit_name} per {what if what in _SCHEDULE_UNITS else 'unit'}",
                            " ".join(words[max(0, lead) : i + 1])))  # "Time per Epoch (days)"  # fmt: skip
        elif (unit_name or unitless) and not per:
            columns.append((start, i, unit_name, " ".join(cell)))
    return columns


def stacked_time_header(words: list[str]) -> bool:
    """Whether the words of a few short header lines hold a training-time word and a unit in brackets ("Train",
    "time", "(hrs)"): a header stacked over lines may be among them (the page screen's test; read_tables reads it)."""
    units = [w for w in words if (m := _HEADER_UNIT.match(w)) and (m.group("a") or m.group("b"))]
    return bool(units) and any(_HEADER_TIME.match(w) for w in words) and not all(_SPEED.search(w) for w in units)


def _header_columns(line: list[dict]) -> list[tuple[float, float, str | None, str]]:
    """(x0, x1, unit, header text) of each training-time column a header line (pdfplumber words) holds."""
    words = [w["text"] for w in line]
    return [(line[a]["x0"], line[b]["x1"], unit, header) for a, b, unit, header in header_cells(words)]


def _cell_phrase(row: list[dict], value: str) -> str:
    """The words that follow the value word `value` in its own cell (closer than CELL_GAP to each other)."""
    at = next(i for i, w in enumerate(row) if w["text"] == value)
    words = []
    for before, word in zip(row[at:], row[at + 1 :], strict=False):
        if word["x0"] - before["x1"] > CELL_GAP:
            break
        words.append(word["text"])
    return " ".join(words)


def _caption(lines: list[list[dict]], index: int) -> str:
    """The caption of the table whose header is line `index`: the "Table N." line nearest it, above or below, and
    the lines after it (CAPTION_LINES); "" when the page has none."""
    found = [i for i, line in enumerate(lines) if _CAPTION.match(_text(line))]
    if not found:
        return ""
    at = min(found, key=lambda i: (abs(i - index), i < index))
    return " ".join(_text(line) for line in lines[at : at + 1 + CAPTION_LINES])


def table_rows(lines: list[list[dict]], authors: frozenset[str] = frozenset()) -> list[TableRow]:
    """The rows of every training-time column on a page (lines of words, page_word_lines), as sentences."""
    return read_tables(lines, authors)[0]


def _own_citation(text: str, authors: frozenset[str]) -> bool:
    """Whether a row's citation names the paper's own authors (`authors`: the surnames its front matter names)
    first: their earlier model, which they ran again as a baseline ("EfficientNet-B7 (Tan & Le, 2019a)")."""
    cited = [a or b for a, b in _CITED_AUTHOR.findall(text)]
    return bool(cited) and all(name in authors for name in cited)


# A model named with its citation in running text: "ELMo (Peters et al., 2018)", "GPT [31]"
_NAMED_CITATION = re.compile(
    r"(?<![\w-])([A-Z][\w.+-]*[\w+])\s+(?:\((?:[A-Z][\w'-]+(?:\s+et\s+al\.?|\s+(?:&|and)\s+[A-Z][\w'-]+)?),?\s+"
    r"(?:19|20)\d\d[a-z]?[;)]|\[\d+(?:\s*[,–-]\s*\d+)*\])"
)


def cited_models(text: str, authors: frozenset[str] = frozenset()) -> frozenset[str]:
    """The names the paper's text gives with another work's citation ("ELMo (Peters et al., 2018)"): a table row
    of that name is that work's."""
    found = set()
    for match in _NAMED_CITATION.finditer(text):
        if not _own_citation(match.group(0), authors):
            found.add(match.group(1))
    return frozenset(found)


# A caption's sentence saying the authors timed the rows' runs ("The training time for transformer and our Lite
# Transformer is measured on NVIDIA V100 GPU")
_MEASURED = re.compile(r"\b(measured|timed|benchmarked|reproduced|re-?implemented|our implementations?)\b", re.I)


def _measured(model: str, caption: str) -> bool:
    """Whether a caption says the authors timed or ran the model a cited row names (its first word)."""
    name = re.compile(rf"(?<![\w-]){re.escape(model)}(?![\w-])", re.I)
    return any(name.search(part) and _MEASURED.search(part) for part in re.split(r"(?<=[.;])\s+", caption))


# A caption's legend of a row mark in brackets: "(T) Numbers provided by authors of Dosovitskiy et al. [14]"
_LEGEND = re.compile(r"(?:^|(?<=[\s.;]))\((?P<mark>[^\s()]{1,3})\)\s+(?=[A-Z])")


def _others_marks(caption: str, authors: frozenset[str]) -> set[str]:
    """The row marks a caption's legend gives another work's citation: their rows are that work's numbers, the
    authors' own earlier work's too when the legend says the numbers were reported or provided, not run again."""
    legends = list(_LEGEND.finditer(caption))
    marks = set()
    for legend, after in zip(legends, [*legends[1:], None], strict=False):
        what = caption[legend.end() : after.start() if after else len(caption)]
        if _CITATION.search(what) and (_REPORTED.search(what) or not _own_citation(what, authors)):
            marks.add(legend.group("mark"))
    return marks


# A legend saying a row's numbers come from elsewhere: "Numbers provided by authors of ...", "reported in [14]"
_REPORTED = re.compile(r"\b(provided by|reported (by|in)|taken from|copied from|quoted from|as reported)\b", re.I)


def _group_label(lines: list[list[dict]], offset: int, x0: float, x1: float) -> bool:
    """Whether line `offset` of a table labels the group of rows under it ("Pre-trained on JFT-300M"): a short line
    over a row timed in the column x0-x1."""
    return len(lines[offset]) <= 8 and offset + 1 < len(lines) and _timed_row(lines[offset + 1], x0, x1)


STACK_GAP = 12.0  # points between the tops of the lines of one header at most
STACK_LINES = 5  # lines a stacked header takes at most


def _stacked_header(lines: list[list[dict]], index: int) -> list[int]:
    """The lines of a header stacked over several lines from line `index` on, a word or two per column each ("Train"
    over "time" over "(hrs)" in a narrow column), when the line after them is a table row; [] when there is none."""
    band = [index]
    for j in range(index + 1, min(len(lines), index + STACK_LINES)):
        if lines[j][0]["top"] - lines[j - 1][0]["top"] >= STACK_GAP or any(
            CELL_NUMBER.match(w["text"]) for w in lines[j]
        ):
            break
        band.append(j)
    after = band[-1] + 1
    if len(band) < 2 or after >= len(lines) or any(CELL_NUMBER.match(w["text"]) for w in lines[index]):
        return []
    return band if sum(bool(CELL_NUMBER.match(w["text"])) for w in lines[after]) >= 2 else []


def _gathered(lines: list[list[dict]], band: list[int]) -> list[list[dict]]:
    """The words of the lines `band` gathered into columns by the spans they share, each column top to bottom."""
    columns: list[list[dict]] = []
    for word in sorted((w for j in band for w in lines[j]), key=lambda w: w["x0"]):
        column = next((c for c in columns if word["x0"] < max(w["x1"] for w in c) and word["x1"] > c[0]["x0"]), None)
        if column is None:
            columns.append([word])
        else:
            column.append(word)
    return [sorted(c, key=lambda w: w["top"]) for c in columns]


def _stacked_columns(lines: list[list[dict]], band: list[int]) -> list[tuple[float, float, str | None, str]]:
    """The training-time columns of a stacked header: the words of its lines gathered into columns by the spans they
    share, each column read top to bottom ("Train time (hrs)")."""
    found = []
    for column in _gathered(lines, band):  # each column on its own: the unit beside it is none of its words
        x0, x1 = min(w["x0"] for w in column), max(w["x1"] for w in column)
        cells = header_cells([w["text"] for w in column], min_words=2)
        found += [(x0, x1, unit, header) for _, _, unit, header in cells]
    return found


# A header naming a column of processor counts: "Cores", "#GPUs", "Total GPUs", "TPUs"
_COUNT_HEADER = re.compile(r"^(?:#|no\.?|num\.?)?\s*(?P<noun>gpus|tpus|cores|chips|devices|accelerators)$", re.I)


def _count_columns(words: list[list[dict]]) -> list[tuple[float, float, str]]:
    """(x0, x1, noun) of each column of processor counts a header holds, given as its columns (lists of words)."""
    found = []
    for column in words:
        nouns = [m.group("noun").lower() for w in column if (m := _COUNT_HEADER.match(w["text"]))]
        if nouns and not any(_TIME_WORD.search(w["text"]) for w in column):
            found.append((min(w["x0"] for w in column), max(w["x1"] for w in column), nouns[0]))
    return found


def _row_count(row: list[dict], columns: list[tuple[float, float, str]]) -> str:
    """A row's processor count from the table's count column as a phrase ("2048 cores"), "" when it has none."""
    for x0, x1, noun in columns:
        cells = [w["text"] for w in row if x0 - TOLERANCE <= (w["x0"] + w["x1"]) / 2 <= x1 + TOLERANCE]
        if len(cells) == 1 and re.fullmatch(r"\d[\d,]*", cells[0]):
            return f"{cells[0].replace(',', '')} {noun}"
    return ""


def _timed_row(row: list[dict], x0: float, x1: float) -> bool:
    """Whether a line is a table row with a number in the column [x0, x1] and numbers in other columns."""
    cells = [w for w in row if x0 - TOLERANCE <= (w["x0"] + w["x1"]) / 2 <= x1 + TOLERANCE]
    return any(_NUMBER.match(w["text"]) for w in cells) and sum(bool(CELL_NUMBER.match(w["text"])) for w in row) >= 2


def _chip_above(lines: list[list[dict]], index: int, x0: float, x1: float) -> str:
    """The chip named over the column [x0, x1] of header line `index` on the line above ("TPUv3" over "core-days"),
    "" when none is."""
    above = lines[index - 1] if index else []
    return next(
        (w["text"] for w in above if x0 - TOLERANCE <= (w["x0"] + w["x1"]) / 2 <= x1 + TOLERANCE
         and _CHIP_WORD.match(w["text"])),
        "",
    )  # fmt: skip


def read_tables(
    lines: list[list[dict]], authors: frozenset[str] = frozenset(), cited: frozenset[str] = frozenset()
) -> tuple[list[TableRow], set[int]]:
    """(the rows of every training-time column on a page, as sentences; the indices of the lines its tables take:
    headers and rows, which are no running text). `authors`: the surnames of the paper's authors, whose cited
    earlier models in a row are their baselines; `cited`: the model names the paper's text cites other works for
    (cited_models)."""
    rows: list[TableRow] = []
    taken: set[int] = set()
    stacked: set[int] = set()  # lines of a stacked header read already
    for index, line in enumerate(lines):
        columns, last = _header_columns(line), index
        counts = _count_columns([[w] for w in line]) if columns else []
        if not columns and index not in stacked and (band := _stacked_header(lines, index)):
            stacked.update(band)
            columns, last = _stacked_columns(lines, band), band[-1]
            counts = _count_columns(_gathered(lines, band))
        for x0, x1, unit, header in columns:
            taken.update(range(index, last + 1))
            caption = _caption(lines, index)
            chip = _chip_above(lines, index, x0, x1)
            others_marks = _others_marks(caption, authors)
            header = f"{chip} {header}" if chip else header
            ablations = bool(_ABLATION_CAPTION.search(caption))  # a cited row names the design a variant borrows
            group = ""  # the label of the rows' group ("Pre-trained on JFT-300M"): their stage and dataset
            for offset, row in enumerate(lines[last + 1 : last + 40], start=last + 1):
                text = _text(row)
                if _STOP.match(text) or _header_columns(row):
                    break
                cells = [w for w in row if x0 - TOLERANCE <= (w["x0"] + w["x1"]) / 2 <= x1 + TOLERANCE]
                if not cells and _group_label(lines, offset, x0, x1):
                    taken.add(offset)  # a group's label left of the time column; the first may stand right under
                    group = text  # the header
                    continue
                if offset <= index + 2 and len(row) <= 8 and not any(CELL_NUMBER.match(w["text"]) for w in row):
                    # the header's second line ("(lbs) Computation Cost", "(%) (M) (B) (h) (ms)"): a unit under a
                    # header that named none is its unit
                    below = next((u for w in cells if (u := _HEADER_UNIT.match(w["text"]))), None)
                    bare = below and next(g for g in below.group("a", "b", "c") if g).lower()
                    unit = unit or (_UNIT_WORDS.get(bare) if bare else None)
                    taken.add(offset)
                    continue
                found = next((m for w in cells if (m := _NUMBER.match(w["text"]))), None)
                # "8 × 14" (or "8×14", one word) in a column of processor-time ("GPU Hours"): 8 processors for 14 hours
                times = re.fullmatch(r"(\d+)\s*[×x]\s*(\d+(?:\.\d+)?)", _text(cells))
                per_chip = bool(times and unit and unit.split()[0] in ("GPU", "TPU"))
                time_cell = found and (unit or found.group(2) in ("h", "d"))
                value = found.group(1) if time_cell else times.group(2) if per_chip else None
                if sum(bool(CELL_NUMBER.match(w["text"])) for w in row) < 2:
                    if _group_label(lines, offset, x0, x1):
                        taken.add(offset)
                        group = text
                        continue
                    break  # a table row holds numbers in several columns; prose does not
                if value is None:
                    if not any(CELL_NUMBER.match(w["text"]) for w in row):
                        break  # the table ended
                    taken.add(offset)
                    continue
                taken.add(offset)
                # a row citing another work, or naming a model the text cites another work for ("ELMo (Peters et
                # al., 2018)"), is that work's, unless it is the authors' baseline
                cites = (
                    bool(_CITATION.search(text))
                    or row[0]["text"] in cited
                    or any(f"({mark})" in text for mark in others_marks)
                )
                baseline = cites and (_own_citation(text, authors) or _measured(row[0]["text"], caption))
                if cites and not baseline and not ablations:
                    continue
                label = " ".join(
                    w["text"]
                    for w in row
                    if w["x1"] < x0 and not _NUMBER.match(w["text"]) and not _DELTA.match(w["text"])
                )
                rest = " ".join(w["text"] for w in row if w["x0"] > x1 and not re.search(r"\d\.\d|^\d+$", w["text"]))
                value = value.replace(",", "")
                if found and found.group(2) == "k":
                    value = f"{float(value) * 1000:g}"
                cell_unit = unit or {"h": "hours", "d": "days"}[found.group(2)]
                if chip and cell_unit.split()[0] in ("GPU", "TPU"):  # "TPUv3 core days", "V100 GPU hours"
                    kind, per = cell_unit.split(" ", 1)
                    cell_unit = f"{chip} {per}" if chip.lower().startswith(kind.lower()) else f"{chip} {cell_unit}"
                subject = f"Training {label}" if label else "Training"
                subject = f"{subject} (a baseline)" if baseline else subject
                on = f" on {rest}" if rest else ""
                if count := _row_count(row, counts):  # "Cores": the row's own processor count
                    on = f" on {count}"
                phrase = _cell_phrase(row, found.string) if found else ""
                if re.match(r"(on|with|using)\b", phrase, re.I):  # "4d on 1 V100 GPU": the cell names the hardware
                    on = f" {phrase}"
                if per_chip:
                    kind, cell_unit = unit.split()[0], unit.split()[-1]
                    value, on = times.group(2), f" on {times.group(1)} {kind}s"
                under = f"; rows under '{group}'" if group else ""
                sentence = f"{subject} took {value} {cell_unit}{on} (table: '{header}'{under})."
                rows.append(TableRow(offset, sentence, text, caption))
    return rows, taken
