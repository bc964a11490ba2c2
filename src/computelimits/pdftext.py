"""PDF pages to sentences that may state training hardware and time.

Pages are screened with pypdfium2's raw text (fast); only pages that mention hardware and a duration go through
pdfplumber, whose words are rebuilt into lines column by column (two-column layouts are not interleaved),
hyphenation at line ends is repaired, ligatures are normalised and lone page numbers are dropped.
"""

from __future__ import annotations

import re
import time
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .arxiv import base_id
from .hardware import Convention, HardwareTable
from .statements import Statement, continues_training, parse_sentence

DURATION_HINT = re.compile(r"\b(hours?|days?|weeks?|months?|minutes?|hrs?)\b", re.I)
# Page screen on pypdfium2's raw text: a processor word near a counted duration (within SCREEN_WINDOW characters).
SCREEN_HARDWARE = re.compile(
    r"\b(gpus?|tpus?(v\d)?|cpus?|titan|tesla|nvidia|geforce|gtx|rtx|[akhptvl]\d{2,3}[a-z]?|mi\d{2,3}x?|cores?|chips?|"
    r"machines?|nodes?|accelerators?|devices?|dgx)\b",
    re.I,
)
SCREEN_DURATION = re.compile(
    r"(\d[\d.,]*|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|few|several|half))\s*"
    r"(?:-|to)?\s*[\d.]*\s*(?:[a-z]+[- ])?(hours?|hrs?|h|days?|weeks?|months?|minutes?|years?)\b",
    re.I,
)
SCREEN_WINDOW = 600
# Sentences before a candidate in which to look for the hardware it does not name itself.
CONTEXT_SENTENCES = 4


SCREEN_TRAINING = re.compile(
    r"\b(train|pre-?train|fine-?tun|converge|search|run|ran|experiment|cost|requir|took|take)", re.I
)


def page_is_candidate(text: str) -> bool:
    """True when a counted duration has a training word within SCREEN_WINDOW / 2 characters and a processor word
    within SCREEN_WINDOW characters."""
    training = [m.start() for m in SCREEN_TRAINING.finditer(text)]
    durations = [
        m.start()
        for m in SCREEN_DURATION.finditer(text)
        if any(abs(t - m.start()) <= SCREEN_WINDOW // 2 for t in training)
    ]
    if not durations:
        return False
    hardware = [m.start() for m in SCREEN_HARDWARE.finditer(text)]
    return any(abs(h - d) <= SCREEN_WINDOW for h in hardware for d in durations)


_ABBREVIATIONS = re.compile(r"\b(et al|e\.g|i\.e|fig|figs|eq|eqs|sec|approx|vs|cf|resp|tab|no)\.$", re.I)


@dataclass
class PdfResult:
    pdf: str
    status: str = "ok"
    reason: str = ""
    pages: int = 0
    pages_parsed: int = 0
    seconds: float = 0.0
    statements: list[tuple[int, Statement]] = field(default_factory=list)


ARXIV_STAMP = re.compile(r"arXiv:\s*(\d{4}\.\d{4,5})(v\d+)?")


def screen_pages(path: str | Path) -> tuple[int, list[int], str | None]:
    """(page count, indices of pages whose raw text has a processor word near a duration, the arXiv id stamped
    on the first page or None)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        hits, stamp = [], None
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            text = textpage.get_text_range()
            textpage.close()
            page.close()
            if index == 0 and (match := ARXIV_STAMP.search(text)):
                stamp = match.group(1)
            if page_is_candidate(text):
                hits.append(index)
        return len(pdf), hits, stamp
    finally:
        pdf.close()


def _group_lines(words: list[dict], tolerance: float = 2.5) -> list[list[dict]]:
    """Words (pdfplumber dicts) grouped into lines by their top coordinate, top to bottom, each left to right."""
    lines: list[list[dict]] = []
    for word in sorted(words, key=lambda w: (round(w["top"]), w["x0"])):
        if lines and abs(lines[-1][0]["top"] - word["top"]) <= tolerance:
            lines[-1].append(word)
        else:
            lines.append([word])
    return [sorted(line, key=lambda w: w["x0"]) for line in lines]


def _text(line: list[dict]) -> str:
    return " ".join(w["text"] for w in line)


def find_gutter(words: list[dict], width: float, n_lines: int) -> float | None:
    """x of the gap between two text columns, or None for a single-column page.

    A two-column page has an x near the middle that (almost) no word covers; a single-column page has words
    across the middle on nearly every line.
    """
    if n_lines < 8:
        return None
    import numpy as np

    # words covering each integer x: +1 where a word starts, -1 just after it ends, then a running sum
    size = int(width) + 2
    starts = np.clip(np.ceil([w["x0"] for w in words]).astype(int), 0, size - 1)
    ends = np.clip(np.floor([w["x1"] for w in words]).astype(int) + 1, 0, size - 1)
    cover = np.cumsum(np.bincount(starts, minlength=size) - np.bincount(ends, minlength=size))
    low, high = int(width * 0.35), int(width * 0.65)
    best_x = low + int(np.argmin(cover[low : high + 1]))
    return float(best_x) if cover[best_x] <= 0.1 * n_lines else None


def body_words(words: list[dict], height: float) -> list[dict]:
    """Drop what is not running text: sideways text (arXiv stamps), footnote markers (small digits and symbols
    beside words: 'GPUs¹'), and small-font lines in the bottom fifth of the page (footnotes, footers)."""
    words = [w for w in words if w.get("upright", True)]
    if not words:
        return []
    sizes = sorted(w["size"] for w in words)
    body = sizes[len(sizes) // 2]
    kept = []
    for word in words:
        small = word["size"] < 0.8 * body
        if small and re.fullmatch(r"[\d*†‡§¶,]+", word["text"]):
            continue
        if small and word["top"] > 0.8 * height:
            continue
        kept.append(word)
    return kept


def page_lines(page) -> list[str]:
    """Text lines of one pdfplumber page in reading order: a two-column page is read column by column, with
    full-width lines (titles, wide figures) kept in place between the column blocks."""
    words = page.extract_words(
        x_tolerance=1.5, y_tolerance=2.5, keep_blank_chars=False, use_text_flow=False, extra_attrs=["size"]
    )
    words = body_words(words, float(page.height))
    if not words:
        return []
    lines = _group_lines(words)
    gutter = find_gutter(words, float(page.width), len(lines))
    if gutter is None:
        return [_text(line) for line in lines]
    out: list[str] = []
    left: list[str] = []
    right: list[str] = []
    for line in lines:
        if any(w["x0"] < gutter < w["x1"] for w in line):
            out += left + right + [_text(line)]
            left, right = [], []
            continue
        left_part = [w for w in line if w["x1"] <= gutter]
        right_part = [w for w in line if w["x0"] >= gutter]
        if left_part:
            left.append(_text(left_part))
        if right_part:
            right.append(_text(right_part))
    return out + left + right


def clean_text(lines: list[str]) -> str:
    """Join lines into running text: ligatures normalised, end-of-line hyphens repaired, page numbers dropped."""
    kept = [unicodedata.normalize("NFKC", line).strip() for line in lines]
    kept = [line for line in kept if line and not re.fullmatch(r"\d{1,3}|page \d+( of \d+)?", line, re.I)]
    text = ""
    for line in kept:
        if text.endswith("-") and re.match(r"[a-z]", line) and re.search(r"[a-z]-$", text):
            text = text[:-1] + line
        else:
            text = f"{text} {line}" if text else line
    # footnote markers glued to words ("GPUs1" -> "GPUs") are left; superscripts rarely change the parse
    return re.sub(r"\s+", " ", text)


def sentences(text: str) -> list[str]:
    """Split running text into sentences without cutting at 'et al.', 'e.g.', 'Fig.' or decimals."""
    parts, start = [], 0
    # a sentence ends before a capital, a bracket, or a numbered heading ("tokens. 5.2 Hardware and Schedule")
    for match in re.finditer(r"[.!?](?=\s+(?:[A-Z(\[]|\d+(?:\.\d+)+\s+[A-Z]))", text):
        candidate = text[start : match.end()]
        if _ABBREVIATIONS.search(candidate) or re.search(r"\b[A-Z]\.$", candidate):
            continue
        parts.append(candidate.strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return parts


def extract_pdf(
    path: str | Path, table: HardwareTable, convention: Convention, language_model: bool = False
) -> PdfResult:
    """Statements of one PDF; an unreadable file gives status 'unreadable' with the reason, never an exception."""
    result, found = candidates_from_pdf(path)
    for page, sentence, context in found:
        for stmt in statements_from_candidate(sentence, context, table, convention, language_model):
            result.statements.append((page, stmt))
    if result.status == "ok" and not result.statements:
        result.status = "no statement"
    return result


SENTENCE_COLUMNS = ["arxiv_id", "pdf", "page", "sentence", "context"]
STATUS_COLUMNS = ["arxiv_id", "pdf", "status", "reason", "pages", "pages_parsed", "candidates", "seconds"]


def candidates_from_text(text: str) -> list[tuple[str, str]]:
    """(sentence, context) pairs: sentences with a duration, and the CONTEXT_SENTENCES sentences before each."""
    items = sentences(text)
    return [
        (sentence, " ".join(items[max(0, i - CONTEXT_SENTENCES) : i]))
        for i, sentence in enumerate(items)
        if DURATION_HINT.search(sentence)
    ]


def _same_duration(a: Statement, b: Statement) -> bool:
    if b.hours is not None:
        return (a.hours_low, a.hours_high) == (b.hours_low, b.hours_high)
    return (a.chip_hours_low, a.chip_hours_high) == (b.chip_hours_low, b.chip_hours_high)


def statements_from_candidate(
    sentence: str, context: str, table: HardwareTable, convention: Convention, language_model: bool = False
) -> list[Statement]:
    """Statements of one candidate. A duration without hardware borrows it from the nearest preceding sentence of
    the context that names it ("We trained on 8 P100 GPUs. ... The base models trained for 12 hours."); only the
    candidate's own durations are kept."""
    stmts = [s for s in parse_sentence(sentence, table, convention, language_model) if s.hours or s.chip_hours]
    if not stmts and context:
        return _continued(sentence, context, table, convention, language_model)
    if not stmts or all(s.hardware and s.count is not None for s in stmts) or not context:
        return stmts
    joined, richer = _with_context(sentence, context, table, convention, language_model)
    if not richer:
        return stmts
    merged = []
    for stmt in stmts:
        same = [r for r in richer if _same_duration(r, stmt)]
        if same and not (stmt.hardware and stmt.count is not None):
            same[0].sentence = joined
            merged.append(same[0])
        else:
            merged.append(stmt)
    return merged


def _with_context(
    sentence: str, context: str, table: HardwareTable, convention: Convention, language_model: bool, keep=None
) -> tuple[str, list[Statement]]:
    """The sentence joined with the nearest preceding context sentence whose joint parse gives statements (those
    `keep` accepts), and those statements; ("", []) when none does."""
    for previous in reversed(sentences(context)):
        joined = f"{previous} {sentence}"
        found = [
            s
            for s in parse_sentence(joined, table, convention, language_model)
            if s.status == "ok" and (keep is None or keep(s))
        ]
        if found:
            return joined, found
    return "", []


def _continued(
    sentence: str, context: str, table: HardwareTable, convention: Convention, language_model: bool
) -> list[Statement]:
    """A sentence that only says how long ("The 15B model took 60 days.") right after one about training: its
    durations, with the hardware of the nearest context sentence that parses with them."""
    own = continues_training(sentence, context)
    if not own:
        return []
    joined, found = _with_context(
        sentence, context, table, convention, language_model, keep=lambda s: (s.hours_low, s.hours_high) in own
    )
    for stmt in found:
        stmt.sentence = joined
    return found


def statements_from_text(
    text: str, table: HardwareTable, convention: Convention, language_model: bool = False
) -> list[Statement]:
    found = []
    for sentence, context in candidates_from_text(text):
        found.extend(statements_from_candidate(sentence, context, table, convention, language_model))
    return found


def candidates_from_pdf(path: str | Path, expected_id: str = "") -> tuple[PdfResult, list[tuple[int, str, str]]]:
    """(status, [(page, sentence, context)]) of one PDF; never raises. A PDF whose first page carries another
    arXiv id than `expected_id` gets status 'mismatch' and no candidates: its compute is not this paper's."""
    import pdfplumber

    started = time.perf_counter()
    result = PdfResult(pdf=str(path))
    found: list[tuple[int, str, str]] = []
    try:
        if Path(path).stat().st_size == 0:
            raise ValueError("empty file (0 bytes)")
        result.pages, pages, stamp = screen_pages(path)
        expected = base_id(expected_id)
        if expected and stamp and stamp != expected:
            result.status, result.reason = "mismatch", f"the PDF is arXiv:{stamp}, the sheet says {expected_id}"
            result.seconds = round(time.perf_counter() - started, 3)
            return result, found
        if pages:
            with pdfplumber.open(str(path)) as pdf:
                for index in pages:
                    page = pdf.pages[index]
                    text = clean_text(page_lines(page))
                    page.flush_cache()
                    result.pages_parsed += 1
                    found.extend((index + 1, s, c) for s, c in candidates_from_text(text))
        result.status = "ok" if found else "no statement"
    except Exception as exc:  # a bad PDF is reported, never fatal
        result.status = "unreadable"
        result.reason = f"{type(exc).__name__}: {exc}".replace("\t", " ").replace("\n", " ")[:300]
    result.seconds = round(time.perf_counter() - started, 3)
    return result, found


def extract_candidates_many(manifest, jobs: int = 1, log=None) -> tuple[list[dict], list[dict]]:
    """Candidate sentences and status rows for every PDF of a fetch manifest (arxiv_id, path, status, reason)."""
    from concurrent.futures import ProcessPoolExecutor

    rows, status = [], []
    available = manifest[manifest["path"] != ""]
    for _, missing in manifest[manifest["path"] == ""].iterrows():
        status.append(
            {
                "arxiv_id": missing["arxiv_id"],
                "pdf": "",
                "status": "unavailable",
                "reason": f"{missing['status']}: {missing['reason']}",
            }
        )
    paths = available["path"].tolist()
    with ProcessPoolExecutor(max_workers=max(1, jobs)) as pool:
        for (arxiv_id, path), (result, found) in zip(
            zip(available["arxiv_id"], paths, strict=True),
            pool.map(candidates_from_pdf, paths, available["arxiv_id"].tolist()),
            strict=True,
        ):
            if log:
                log.info(
                    "%s: %s (%d pages, %d parsed, %d candidates, %.1f s) %s",
                    path,
                    result.status,
                    result.pages,
                    result.pages_parsed,
                    len(found),
                    result.seconds,
                    result.reason,
                )
            status.append(
                {
                    "arxiv_id": arxiv_id,
                    "pdf": path,
                    "status": result.status,
                    "reason": result.reason,
                    "pages": result.pages,
                    "pages_parsed": result.pages_parsed,
                    "candidates": len(found),
                    "seconds": result.seconds,
                }
            )
            rows.extend(
                {"arxiv_id": arxiv_id, "pdf": path, "page": p, "sentence": s, "context": c} for p, s, c in found
            )
    return rows, status


def statements_table(sentences_frame, table: HardwareTable, conventions: dict, convention: str, language_model: bool):
    """statements.tsv rows: one per statement; FLOPs under the chosen convention plus one column per convention
    (the same chip-hours on the same processor, normalised by each convention)."""
    import pandas as pd

    from .hardware import flop_range

    columns = ["arxiv_id", "pdf", "page", *Statement.columns()]
    rows = []
    for _, cand in sentences_frame.iterrows():
        context = cand["context"] if isinstance(cand["context"], str) else ""
        for stmt in statements_from_candidate(
            cand["sentence"], context, table, conventions[convention], language_model
        ):
            row = {"arxiv_id": cand["arxiv_id"], "pdf": cand["pdf"], "page": cand["page"], **stmt.as_row()}
            proc = table.get(stmt.hardware) if stmt.hardware else None
            for name, conv in conventions.items():
                usable = proc is not None and stmt.chip_hours is not None and stmt.status == "ok"
                result = flop_range(proc, stmt.chip_hours, stmt.chip_hours, conv, language_model) if usable else None
                row[f"flop_{name}"] = result[0] if result else None
            rows.append(row)
    return pd.DataFrame(rows, columns=columns + [f"flop_{name}" for name in conventions])
