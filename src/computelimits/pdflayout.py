"""PDF pages to running text: a fast page screen on pypdfium2's raw text, and pdfplumber pages rebuilt into lines.

Only pages that mention hardware and a duration go through pdfplumber, whose words are rebuilt into lines column
by column (two-column layouts are not interleaved); hyphenation at line ends is repaired, ligatures are normalised
and lone page numbers are dropped.
"""

from __future__ import annotations

import re
import unicodedata
from itertools import pairwise
from pathlib import Path

from .tables_pdf import header_cells
from .vocabulary import PROCESSOR_HINT, TRAINING, TRAINING_VERB, counted_durations

# Page screen on pypdfium2's raw text: a counted duration with a training word within SCREEN_WINDOW / 2 characters,
# and either a processor word within SCREEN_WINDOW characters or a word of training itself close by (the hardware
# may be stated elsewhere in the paper: the reader's paper-level context).
SCREEN_WINDOW = 600
_CLOSE = 150


def has_time_table(text: str) -> bool:
    """Whether raw page text has a table header line with a training-time column (tables_pdf reads it; its raw
    lines may join a header to the text beside it, so they may be longer)."""
    return any(header_cells(line.split(), max_words=25) for line in re.split(r"\r\n|\n|\r", text))


def page_is_candidate(text: str) -> bool:
    """True when the raw text of a page may hold a training statement (see SCREEN_WINDOW), or a table of training
    times."""
    if has_time_table(text):
        return True
    training = [m.start() for m in TRAINING.finditer(text)]
    durations = [
        m.start() for m in counted_durations(text) if any(abs(t - m.start()) <= SCREEN_WINDOW // 2 for t in training)
    ]
    if not durations:
        return False
    verbs = [m.start() for m in TRAINING_VERB.finditer(text)]
    if any(abs(v - d) <= _CLOSE for v in verbs for d in durations):
        return True
    hardware = [m.start() for m in PROCESSOR_HINT.finditer(text)]
    return any(abs(h - d) <= SCREEN_WINDOW for h in hardware for d in durations)


ARXIV_STAMP = re.compile(r"arXiv:\s*(\d{4}\.\d{4,5})(v\d+)?")


def read_pages(path: str | Path) -> tuple[list[str], str | None]:
    """(pypdfium2's raw text of every page, the arXiv id stamped on the first page or None)."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        texts = []
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            texts.append(textpage.get_text_range())
            textpage.close()
            page.close()
        stamp = ARXIV_STAMP.search(texts[0]) if texts else None
        return texts, stamp.group(1) if stamp else None
    finally:
        pdf.close()


def screen_pages(path: str | Path) -> tuple[int, list[int], str | None]:
    """(page count, indices of the pages page_is_candidate keeps, the arXiv id stamped on the first page or None)."""
    texts, stamp = read_pages(path)
    return len(texts), [i for i, text in enumerate(texts) if page_is_candidate(text)], stamp


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


COLUMN_EDGE = 25.0  # points from the gap within which a column's lines end (left) or begin (right)
WORD_GAP = 12.0  # points between the words of running text at most (table cells stand farther apart)


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
    # the middle of the gap: the run of (nearly) least cover around it
    near = cover[best_x] + max(1, int(0.05 * n_lines))
    run_start, run_end = best_x, best_x
    while run_start - 1 >= low and cover[run_start - 1] <= near:
        run_start -= 1
    while run_end + 1 <= high and cover[run_end + 1] <= near:
        run_end += 1
    middle = (run_start + run_end) // 2
    best_x = middle if cover[middle] <= near else best_x
    if cover[best_x] <= 0.1 * n_lines:
        return float(best_x)
    # full-width tables and captions cross the gap of a two-column page: still two columns when fewer than a third
    # of the lines cross it and many lines of running text end just before it and begin just after it
    lines = _group_lines(words)
    crossing = sum(any(w["x0"] < best_x < w["x1"] for w in line) for line in lines)

    def prose(part: list[dict]) -> bool:  # a column's line of running text: wide, its words closely spaced
        gaps = [b["x0"] - a["x1"] for a, b in pairwise(part)]
        return len(part) >= 4 and part[-1]["x1"] - part[0]["x0"] >= 0.25 * width and max(gaps) < WORD_GAP

    ends = sum(
        prose(part) and part[-1]["x1"] >= best_x - COLUMN_EDGE
        for line in lines
        if (part := [w for w in line if w["x1"] <= best_x])
    )
    begins = sum(
        prose(part) and part[0]["x0"] <= best_x + COLUMN_EDGE
        for line in lines
        if (part := [w for w in line if w["x0"] >= best_x])
    )
    two = crossing <= len(lines) / 3 and min(ends, begins) >= max(6, len(lines) / 10)
    return float(best_x) if two else None


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


def page_word_lines(page) -> list[list[dict]]:
    """Lines of one pdfplumber page as lists of words (dicts with text, x0, x1, top) in reading order: a two-column
    page is read column by column, with full-width lines (titles, wide figures and tables) kept in place between
    the column blocks."""
    words = page.extract_words(
        x_tolerance=1.5, y_tolerance=2.5, keep_blank_chars=False, use_text_flow=False, extra_attrs=["size"]
    )
    words = body_words(words, float(page.height))
    if not words:
        return []
    lines = _group_lines(words)
    gutter = find_gutter(words, float(page.width), len(lines))
    if gutter is None:
        return lines
    out: list[list[dict]] = []
    left: list[list[dict]] = []
    right: list[list[dict]] = []
    for line in lines:
        if any(w["x0"] < gutter < w["x1"] for w in line):
            out += left + right + [line]
            left, right = [], []
            continue
        left_part = [w for w in line if w["x1"] <= gutter]
        right_part = [w for w in line if w["x0"] >= gutter]
        if left_part:
            left.append(left_part)
        if right_part:
            right.append(right_part)
    return out + left + right


def page_lines(page) -> list[str]:
    """Text lines of one pdfplumber page in reading order (page_word_lines as text)."""
    return [_text(line) for line in page_word_lines(page)]


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
