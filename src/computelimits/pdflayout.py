"""PDF pages to running text: a fast page screen on pypdfium2's raw text, and the pages it keeps rebuilt into lines.

Only pages that mention hardware and a duration are read word by word: pypdfium2's character boxes joined into
words by pdfplumber's word extractor (pdfplumber itself parses a page several times slower, and reads the pages
whose coordinates pypdfium2 gives in another frame), the words rebuilt into lines column by column (two-column
layouts are not interleaved); hyphenation at line ends is repaired, ligatures are normalised and lone page numbers
are dropped.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from itertools import pairwise
from pathlib import Path

from .tables_pdf import CELL_NUMBER, header_cells, stacked_time_header
from .vocabulary import PROCESSOR_HINT, TRAINING, TRAINING_VERB, counted_durations

# Page screen on pypdfium2's raw text: a counted duration with a training word within SCREEN_WINDOW / 2 characters,
# and either a processor word within SCREEN_WINDOW characters or a word of training itself close by (the hardware
# may be stated elsewhere in the paper: the reader's paper-level context).
SCREEN_WINDOW = 600
_CLOSE = 150


def has_time_table(text: str) -> bool:
    """Whether raw page text has a table header line with a training-time column (tables_pdf reads it; its raw
    lines may join a header to the text beside it, so they may be longer), or such a header stacked over lines."""
    lines = re.split(r"\r\n|\n|\r", text)
    if any(header_cells(line.split(), max_words=25) for line in lines):
        return True
    # a header stacked over short lines without numbers ("Speed Train" / "Model AP (ms) time" / "(hrs)"): its words
    # in raw text run across the columns, so a time word and a bracketed unit among them are enough for the screen
    run: list[str] = []
    for line in [*lines, ""]:
        words = line.split()
        if 1 <= len(words) <= 8 and not re.search(r"\d", line):
            run += words
            continue
        if 1 < len(run) <= 24 and stacked_time_header(run):
            return True
        run = []
    return False


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


SPACE_GAP = 4.0  # points: wider than a space between words (about 2.5 at 10 pt), narrower than a column gutter


def find_gutter(words: list[dict], width: float, n_lines: int, lines: list[list[dict]] | None = None) -> float | None:
    """x of the gap between two text columns, or None for a single-column page.

    A two-column page has an x near the middle that (almost) no word covers; a single-column page has words
    across the middle on nearly every line. `lines`: the words grouped into lines, when the caller has them.
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
    lines = lines if lines is not None else _group_lines(words)  # (the caller's lines, not grouped again)
    if _spaces_align(lines, best_x):
        return None
    if cover[best_x] <= 0.1 * n_lines:
        return float(best_x)
    # full-width tables and captions cross the gap of a two-column page: still two columns when fewer than a third
    # of the lines cross it and many lines of running text end just before it and begin just after it
    crossing = sum(any(w["x0"] < best_x < w["x1"] for w in line) for line in lines)

    ends = sum(
        _prose(part, width) and part[-1]["x1"] >= best_x - COLUMN_EDGE
        for line in lines
        if (part := [w for w in line if w["x1"] <= best_x])
    )
    begins = sum(
        _prose(part, width) and part[0]["x0"] <= best_x + COLUMN_EDGE
        for line in lines
        if (part := [w for w in line if w["x0"] >= best_x])
    )
    two = crossing <= len(lines) / 3 and min(ends, begins) >= max(6, len(lines) / 10)
    return float(best_x) if two else None


def _spaces_align(lines: list[list[dict]], x: float) -> bool:
    """Whether the gap at x is the spaces between words of single-column lines that happen to align (a short page,
    the Transformer paper's page 4): the lines with words on both sides of x have a word space there, not a gutter
    (median under SPACE_GAP points, three such lines at least)."""
    gaps = [
        min(w["x0"] for w in right) - max(w["x1"] for w in left)
        for line in lines
        if (left := [w for w in line if w["x1"] <= x]) and (right := [w for w in line if w["x0"] >= x])
        and not any(w["x0"] < x < w["x1"] for w in line)
    ]  # fmt: skip
    return len(gaps) >= 3 and statistics.median(gaps) < SPACE_GAP


def _prose(part: list[dict], width: float) -> bool:
    """Whether words of a line are a column's line of running text: wide, its words closely spaced."""
    gaps = [b["x0"] - a["x1"] for a, b in pairwise(part)]
    return len(part) >= 4 and part[-1]["x1"] - part[0]["x0"] >= 0.25 * width and max(gaps) < WORD_GAP


def _table_row_across(left: list[dict], right: list[dict], width: float) -> bool:
    """Whether the two halves of a line are one row of a table across the gutter: neither is running text and
    each holds numbers in two cells at least ("R50 + SE 44.5 25.5" | "61.2 39.6 446 15.2")."""
    return all(
        part and not _prose(part, width) and sum(bool(CELL_NUMBER.match(w["text"])) for w in part) >= 2
        for part in (left, right)
    )


MARKER_GAP = 3.0  # points between a footnote marker and the word it stands beside at most
# Text below two thirds of the body's size is a figure's labels, not a table's cells (the smallest size a table is
# set in, LaTeX's scriptsize, is 70% of the body's)
FIGURE_TEXT = 0.65


def body_words(words: list[dict], height: float) -> list[dict]:
    """Drop what is not running text: sideways text (arXiv stamps), footnote markers (small digits and symbols
    beside a word of the body's size: 'GPUs¹'; a small number among small words is a cell of a table set in a
    smaller font, kept, unless it is smaller still, a figure's label), and small-font lines in the bottom fifth of
    the page (footnotes, footers)."""
    words = [w for w in words if w.get("upright", True)]
    if not words:
        return []
    sizes = sorted(w["size"] for w in words)
    body = sizes[len(sizes) // 2]
    large: dict[int, list[dict]] = {}  # the words of the body's size by band of 10 points (top)
    for word in words:
        if word["size"] >= 0.8 * body:
            large.setdefault(int(word["top"] // 10), []).append(word)

    def beside_large(word: dict) -> bool:
        band = int(word["top"] // 10)
        return any(
            other["top"] < word["bottom"] and other["bottom"] > word["top"]
            and max(word["x0"] - other["x1"], other["x0"] - word["x1"]) <= MARKER_GAP
            for b in (band - 1, band, band + 1) for other in large.get(b, ())
        )  # fmt: skip

    kept = []
    for word in words:
        small = word["size"] < 0.8 * body
        tiny = word["size"] < FIGURE_TEXT * body
        if small and re.fullmatch(r"[\d*†‡§¶,]+", word["text"]) and (tiny or beside_large(word)):
            continue
        if small and word["top"] > 0.8 * height:
            continue
        kept.append(word)
    return kept


# How characters join into words (pdfplumber's extract_words settings, for pdfplumber and pypdfium2 pages alike)
WORD_SETTINGS = {"x_tolerance": 1.5, "y_tolerance": 2.5, "keep_blank_chars": False, "use_text_flow": False,
                 "extra_attrs": ["size"]}  # fmt: skip
_HYPHEN = 0x02  # pypdfium2's code for a hyphen that ends a line


def pdfium_chars(page) -> list[dict] | None:
    """The characters of a pypdfium2 page as pdfplumber gives them (text, x0, x1, top, bottom, size, upright; top
    measured from the top of the page), or None when the page's coordinates are not pdfplumber's (a rotated page, or
    a media box that does not start at the origin). A box spans the character's advance (or its glyph, when wider)
    and the font size above the font's descent; a space, also one pypdfium2 infers between two characters (a word
    gap), is kept in the box of the character before it, so the words split there even where the glyph of the first
    overhangs the gap ("of the": the "f")."""
    import pypdfium2.raw as pdfium_c

    box = page.get_mediabox()
    if page.get_rotation() or box[:2] != (0, 0):
        return None
    height = box[3]
    textpage = page.get_textpage()
    try:
        raw = textpage.raw
        rect, matrix = pdfium_c.FS_RECTF(), pdfium_c.FS_MATRIX()
        chars: list[dict] = []
        for index in range(pdfium_c.FPDFText_CountChars(raw)):
            code = pdfium_c.FPDFText_GetUnicode(raw, index)
            if chr(code).isspace():  # a space or line break, most of them inferred by pypdfium2: a word ends here
                if chars:
                    chars.append({**chars[-1], "text": " ", "x0": chars[-1]["x1"]})
                continue
            if code == 0:  # a glyph without a character
                continue
            if 0xDC00 <= code <= 0xDFFF:  # the second half of a character beyond 16 bits ("𝑇"): joined to the first
                if chars and len(chars[-1]["text"]) == 1 and 0xD800 <= ord(chars[-1]["text"]) <= 0xDBFF:
                    first = ord(chars[-1]["text"])
                    chars[-1]["text"] = chr(0x10000 + ((first - 0xD800) << 10) + (code - 0xDC00))
                continue
            pdfium_c.FPDFText_GetLooseCharBox(raw, index, rect)
            pdfium_c.FPDFText_GetMatrix(raw, index, matrix)
            size = pdfium_c.FPDFText_GetFontSize(raw, index) * math.hypot(matrix.c, matrix.d)
            bottom = height - rect.bottom
            chars.append({
                "text": "-" if code == _HYPHEN else chr(code), "x0": rect.left, "x1": rect.right, "top": bottom - size,
                "doctop": bottom - size, "bottom": bottom, "size": size,
                "upright": matrix.a * matrix.d > 0 and matrix.b * matrix.c <= 0,
            })  # fmt: skip
        return chars
    finally:
        textpage.close()


def pdfium_words(page) -> list[dict] | None:
    """The words of a pypdfium2 page as pdfplumber's extract_words gives them (WORD_SETTINGS), from pdfium_chars;
    None when its coordinates are not pdfplumber's."""
    from pdfplumber.utils.text import WordExtractor

    chars = pdfium_chars(page)
    return None if chars is None else WordExtractor(**WORD_SETTINGS).extract_words(chars)


def pages_word_lines(path: str | Path, indices: list[int]):
    """(index, word_lines) of the pages `indices` (0-based, in that order) of the PDF at `path`: from pypdfium2's
    characters (pdfium_words), from pdfplumber for a page whose coordinates pypdfium2 gives in another frame."""
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    plumber = None
    try:
        for index in indices:
            page = pdf[index]
            words = pdfium_words(page)
            if words is not None:
                _, _, width, height = page.get_mediabox()  # pdfplumber's page size (its crop box aside)
                yield index, word_lines(words, width, height)
            else:
                if plumber is None:
                    import pdfplumber

                    plumber = pdfplumber.open(str(path))
                yield index, page_word_lines(plumber.pages[index])
                plumber.pages[index].flush_cache()
            page.close()
    finally:
        if plumber is not None:
            plumber.close()
        pdf.close()


def page_word_lines(page) -> list[list[dict]]:
    """Lines of one pdfplumber page as lists of words (word_lines)."""
    return word_lines(page.extract_words(**WORD_SETTINGS), float(page.width), float(page.height))


def word_lines(words: list[dict], width: float, height: float) -> list[list[dict]]:
    """Lines of a page's words (dicts with text, x0, x1, top, size, upright) in reading order: a two-column page is
    read column by column, with full-width lines (titles, wide figures and tables, a table's rows across the gutter)
    kept in place between the column blocks."""
    words = body_words(words, height)
    if not words:
        return []
    lines = _group_lines(words)
    gutter = find_gutter(words, width, len(lines), lines)
    if gutter is None:
        return lines
    out: list[list[dict]] = []
    left: list[list[dict]] = []
    right: list[list[dict]] = []
    for line in lines:
        left_part = [w for w in line if w["x1"] <= gutter]
        right_part = [w for w in line if w["x0"] >= gutter]
        if any(w["x0"] < gutter < w["x1"] for w in line) or _table_row_across(left_part, right_part, width):
            out += left + right + [line]
            left, right = [], []
            continue
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
