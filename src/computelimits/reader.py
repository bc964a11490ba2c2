"""The paper-level reader: from a PDF's pages to the sentences the parser reads, knowing where in the paper each one
stands.

Stages, each in its own module:
1. pages (pdflayout.read_pages): pypdfium2's raw text of every page, fast, and the arXiv id stamped on page 1;
2. outline (sections): the headings of every page, so each page starts inside a known section, and where the
   bibliography begins and ends;
3. candidates: the pages the screen keeps (pdflayout.page_is_candidate) are read again word by word
   (pdflayout.pages_word_lines: pypdfium2's character boxes), column by column; their lines are split at headings,
   the bibliography is dropped, and every sentence with a counted duration becomes a candidate with its section and
   the sentences before it (its local context); tables (tables_pdf.read_tables) give a sentence per row of a
   training-time column, its header on one line or stacked over several ("Train" / "time" / "(hrs)"), a row split
   by the gutter read whole, a column of processor counts ("Cores", "Total GPUs") giving each row its count;
4. paper hardware: sentences anywhere in the paper (but the bibliography) that name processors with a count ("All
   models are trained on 8 V100 GPUs"), offered by the parser to durations that name none ("Training took roughly
   a week."), with lower confidence the farther away they stand;
5. paper schedule: sentences anywhere in the paper (but the bibliography and related work) that say how many units
   the training ran or how many steps an epoch has ("All language models are trained for 300k iterations"), which
   count a time per unit whose sentence counts none ("each epoch takes around two days");
6. the year of the paper (its arXiv id), to impute the type of a processor named without one ("8 GPUs").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from .datasets import load_datasets
from .pdflayout import clean_text, page_is_candidate, pages_word_lines, read_pages
from .pdftext import CONTEXT_SENTENCES, sentences
from .sections import Heading, heading, looks_like_reference, run_in_heading, strip_reference_entries
from .statements import schedule_sentence
from .tables_pdf import cited_models, read_tables
from .vocabulary import NUMBER_OF_PROCESSORS, PROCESSOR_HINT, counted_durations

CANDIDATE, HARDWARE, SCHEDULE = "candidate", "hardware", "schedule"
# A page that may state the training's length in units ("trained for 300k iterations")
_SCHEDULE_HINT = re.compile(r"\b(epochs?|iterations|steps|updates)\b", re.I)
# A sentence naming processors with a count: "8 V100 GPUs", "a single TPU v3", "eight GPUs", "4 x A100"
_COUNTED_PROCESSOR = re.compile(
    r"(\b\d[\d,.]*\s*(?:x\s*)?|\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|twelve|sixteen|single)\s+)"
    r"(?:[\w-]+\s+){0,3}?(?:gpus?|tpus?|chips?|cores|accelerators?|cards?|[akhptvl]\d{2,3}[a-z]?s?|tpu ?v\d\w*)\b",
    re.I,
)


def counts_processors(sentence: str) -> bool:
    """Whether a sentence names processors with a count ("8 V100 GPUs", "The number of TPUs ... ranged from 64 to
    512")."""
    return bool(_COUNTED_PROCESSOR.search(sentence) or NUMBER_OF_PROCESSORS.search(sentence))


@dataclass
class Candidate:
    page: int
    # CANDIDATE (a sentence with a duration), HARDWARE (a sentence naming processors, paper-wide) or SCHEDULE (one
    # saying how many units the training ran, paper-wide: "All models are trained for 300k iterations")
    kind: str
    section: str
    sentence: str
    context: str = ""
    dataset_hint: str = ""  # the dataset its section names last before it (for a statement that names none)


@dataclass
class Paper:
    pages: int = 0
    pages_parsed: int = 0
    stamp: str | None = None
    candidates: list[Candidate] = field(default_factory=list)


def tabular(sentence: str) -> bool:
    """Whether a "sentence" is the text of a table (mostly numbers): its durations are not read as statements."""
    tokens = sentence.split()
    # a shape in brackets ("(64 × 64) × 256") is numbers too; a citation's brackets hold few of a sentence's words
    numbers = sum(bool(re.fullmatch(r"[-+±]?[\d.,/]+%?", t.strip("()"))) for t in tokens if t.strip("()"))
    return numbers >= 6 and numbers >= 0.3 * len(tokens)


def year_of(arxiv_id: str | None) -> int | None:
    """The year of a new-style arXiv id (YYMM.NNNNN), None otherwise."""
    match = re.match(r"^(\d{2})(\d{2})\.\d{4,5}", arxiv_id or "")
    return 2000 + int(match.group(1)) if match and 1 <= int(match.group(2)) <= 12 else None


def _lines(text: str) -> list[str]:
    return [line.strip() for line in re.split(r"\r\n|\n|\r", text) if line.strip()]


@dataclass
class _Outline:
    """The section in force at the start of each page, and whether the page starts inside the bibliography."""

    start_kind: list[str]
    texts: list[str]
    _datasets: dict[int, str] = field(default_factory=dict)  # start_dataset per page, read once

    def start_dataset(self, page: int) -> str:
        """The dataset the section in force at the start of `page` (0-based) names last, on the pages before it
        ("" if none): read backwards to the section's heading."""
        if page not in self._datasets:
            self._datasets[page] = self._start_dataset(page)
        return self._datasets[page]

    def _start_dataset(self, page: int) -> str:
        gathered: list[str] = []
        for index in range(page - 1, -1, -1):
            lines = _lines(self.texts[index])
            for at in range(len(lines) - 1, -1, -1):
                found = heading(lines[at])
                if found or at == 0:
                    gathered = lines[at:] + gathered
                if found:
                    return dataset_hint(gathered)
        return dataset_hint(gathered)


def outline(texts: list[str]) -> _Outline:
    kind, starts = "front", []
    for text in texts:
        starts.append(kind)
        for line in _lines(text):
            found = heading(line)
            if found and (kind != "references" or found.ends_references()):
                kind = found.kind
            elif found is None and kind == "references" and re.match(r"^(appendix|supplementary)", line, re.I):
                kind = "appendix"
    return _Outline(starts, texts)


def _blocks(lines: list[str], kind: str, titles: list[str] | None = None) -> list[tuple[str, list[str]]]:
    """The lines of one page as (section kind, lines) blocks, split at headings; bibliography lines dropped. The
    heading of each block kept is appended to `titles` ("" for the page's first block), when given."""
    blocks: list[tuple[str, str, list[str]]] = [(kind, "", [])]
    for line in lines:
        found: Heading | None = heading(line)
        if found and (kind != "references" or found.ends_references()):
            kind = found.kind
            blocks.append((kind, found.title, []))
            continue
        run_in = run_in_heading(line) if kind != "references" else None
        if run_in:
            kind = run_in.kind
            blocks.append((kind, run_in.title, []))
        if kind != "references":
            blocks[-1][2].append(line)
    kept = [(k, title, block) for k, title, block in blocks if block]
    if titles is not None:
        titles += [title for _, title, _ in kept]
    return [(k, block) for k, _, block in kept]


def dataset_hint(texts: list[str]) -> str:
    """The dataset the text names most often, the later among equals ("" if none): what a statement naming none
    in that section trains on."""
    found = load_datasets().names_in(" ".join(texts))
    if not found:
        return ""
    counts = {name: found.count(name) for name in found}
    return max(reversed(found), key=lambda name: counts[name])


def _paper_sentences(texts: list[str], plan: _Outline, skip: set[int]) -> list[Candidate]:
    """The paper-wide sentences, outside the bibliography, each page split into sentences once: those naming
    processors with a count (HARDWARE), on every page but those read as candidates (`skip`, whose sentences the
    candidate stage keeps); and those saying how many units the training ran, or how many steps an epoch has
    (SCHEDULE: a time per epoch is counted by them, statements.units_trained_in), on every page but in related
    work. The hardware sentences come first, each kind in page order."""
    hardware, schedule = [], []
    for index, text in enumerate(texts):
        wants_hardware = index not in skip and PROCESSOR_HINT.search(text)
        wants_schedule = _SCHEDULE_HINT.search(text)
        if not (wants_hardware or wants_schedule):
            continue
        for kind, block in _blocks(_lines(text), plan.start_kind[index]):
            for sentence in sentences(strip_reference_entries(clean_text(block))):
                if looks_like_reference(sentence):
                    continue
                if wants_hardware and counts_processors(sentence):
                    hardware.append(Candidate(index + 1, HARDWARE, kind, sentence))
                if wants_schedule and kind != "related" and schedule_sentence(sentence):
                    schedule.append(Candidate(index + 1, SCHEDULE, kind, sentence))
    return hardware + schedule


def front_authors(first_page: str) -> frozenset[str]:
    """The capitalised words of the first page's front matter, its title and authors: the lines before its
    abstract, introduction or first citation (at most 15)."""
    words: set[str] = set()
    for line in _lines(first_page)[:15]:
        if re.search(r"\babstract\b|^\d*\s*introduction\b", line, re.I) or re.search(r"\bet al\b|\(\D*\d{4}", line):
            break
        words.update(re.findall(r"[A-Z](?:[^\W\d_]|['-])*", line))  # "Han1": the name, not its affiliation mark
    return frozenset(words)


def read_paper(path: str | Path) -> Paper:
    """The candidates and hardware sentences of one PDF (raises on an unreadable file: the driver reports it)."""
    texts, stamp = read_pages(path)
    paper = Paper(pages=len(texts), stamp=stamp)
    plan = outline(texts)
    chosen = [i for i, text in enumerate(texts) if page_is_candidate(text) and plan.start_kind[i] != "references"]
    chosen += [
        i
        for i, text in enumerate(texts)
        if i not in chosen
        and plan.start_kind[i] == "references"
        and page_is_candidate(text)
        and any((h := heading(line)) and h.ends_references() for line in _lines(text))
    ]  # fmt: skip  (a page that starts in the references but has an appendix after them)
    if chosen:
        authors = front_authors(texts[0]) if texts else frozenset()
        cited = cited_models(" ".join(" ".join(t.split()) for t in texts), authors)
        for index, word_lines in pages_word_lines(path, sorted(chosen)):
            rows, taken = read_tables(word_lines, authors, cited)
            # a table's header and rows are no running text
            lines = [" ".join(w["text"] for w in line) for i, line in enumerate(word_lines) if i not in taken]
            if plan.start_kind[index] != "references":
                paper.candidates += [
                    Candidate(index + 1, CANDIDATE, "table", row.sentence, row.caption)  # its caption: context
                    for row in rows
                ]
            paper.pages_parsed += 1
            items: list[tuple[str, str]] = []
            titles: list[str] = []
            block_of: list[int] = []
            for number, (kind, block) in enumerate(_blocks(lines, plan.start_kind[index], titles)):
                found = sentences(strip_reference_entries(clean_text(block)))
                items += [(kind, s) for s in found]
                block_of += [number] * len(found)
            for i, (kind, sentence) in enumerate(items):
                if looks_like_reference(sentence):
                    continue
                context = " ".join(s for _, s in items[max(0, i - CONTEXT_SENTENCES) : i])
                if counted_durations(sentence) and not tabular(sentence):
                    before = [s for j, (_, s) in enumerate(items[:i]) if block_of[j] == block_of[i]]
                    opening = titles[block_of[i]] or plan.start_dataset(index)  # the section began pages before
                    hint = dataset_hint([opening, *before])
                    paper.candidates.append(Candidate(index + 1, CANDIDATE, kind, sentence, context, hint))
                elif counts_processors(sentence):
                    paper.candidates.append(Candidate(index + 1, HARDWARE, kind, sentence))
    paper.candidates += _paper_sentences(texts, plan, set(chosen))
    paper.candidates.sort(key=lambda c: (c.page, c.kind != CANDIDATE))
    return paper
