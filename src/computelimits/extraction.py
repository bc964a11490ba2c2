"""The extraction driver, shared by the workflow's rules and the CLI: PDFs to candidate sentences (in a process
pool), candidates to burden statements (a duration borrows hardware from its context), and the statements table."""

from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .arxiv import base_id
from .datasets import load_datasets
from .hardware import Convention, Conventions, HardwareTable
from .pdftext import candidates_from_text, sentences
from .reader import CANDIDATE, HARDWARE, SCHEDULE, read_paper, year_of
from .statements import (
    Statement,
    continues_training,
    dataset_of,
    join_sentences,
    named_processors,
    named_role,
    names_final,
    parse_sentence,
    units_trained_in,
)
from .vocabulary import TRAINING, TYPELESS_KINDS


@dataclass
class PdfResult:
    pdf: str
    status: str = "ok"
    reason: str = ""
    pages: int = 0
    pages_parsed: int = 0
    seconds: float = 0.0
    year: int | None = None
    statements: list[tuple[int, Statement]] = field(default_factory=list)


SENTENCE_COLUMNS = ["arxiv_id", "pdf", "page", "kind", "section", "sentence", "context", "dataset_hint", "year"]
STATUS_COLUMNS = ["arxiv_id", "pdf", "status", "reason", "pages", "pages_parsed", "candidates", "seconds"]


def extract_pdf(
    path: str | Path, table: HardwareTable, convention: Convention | Conventions, language_model: bool = False
) -> PdfResult:
    """Statements of one PDF; an unreadable file gives status 'unreadable' with the reason, never an exception."""
    result, found = candidates_from_pdf(path)
    for stmt, row in statements_of_paper(found, table, Conventions.of(convention), language_model, result.year):
        result.statements.append((row["page"], stmt))
    if result.status == "ok" and not result.statements:
        result.status = "no statement"
    return result


@dataclass
class PaperHardware:
    """A sentence of the paper that names its processors, offered to durations that name none."""

    page: int
    section: str
    sentence: str


def _same_duration(a: Statement, b: Statement) -> bool:
    if b.hours is not None:
        return (a.hours_low, a.hours_high) == (b.hours_low, b.hours_high)
    return (a.chip_hours_low, a.chip_hours_high) == (b.chip_hours_low, b.chip_hours_high)


def _complete(stmt: Statement) -> bool:
    return bool(stmt.hardware) and stmt.count is not None and stmt.status == "ok"


# Confidence lost by a duration that takes its hardware from the paper (another part, another page).
PAPER_HARDWARE_PENALTY = 0.15
PAPER_HARDWARE_PER_PAGE = 0.02
_FIRST_PERSON = re.compile(r"\b(we|our|us|ours)\b", re.I)


def statements_from_candidate(
    sentence: str,
    context: str,
    table: HardwareTable,
    convention: Convention | Conventions,
    language_model: bool = False,
    year: int | None = None,
    page: int = 0,
    section: str = "",
    paper: list[PaperHardware] | None = None,
    dataset_hint: str = "",
    units: dict[str, float] | None = None,
) -> list[Statement]:
    """Statements of one candidate. A duration without hardware borrows it from the nearest preceding sentence of
    the context that names it ("We trained on 8 P100 GPUs. ... The base models trained for 12 hours."), else from
    the paper's hardware sentences (`paper`: "All models are trained on 8 V100 GPUs." pages away), nearest first
    and with lower confidence the farther they stand; only the candidate's own durations are kept. A candidate in a
    related-work section is others' work unless the authors speak in it. `units`: the units of training the paper
    says its training ran (statements.units_trained_in), which a time per unit counts when its sentence does not."""
    if section == "related" and not _FIRST_PERSON.search(sentence):
        return []
    found = parse_sentence(sentence, table, convention, language_model, year, units=units)
    stmts = [s for s in found if s.hours or s.chip_hours]
    if not stmts and context:
        stmts = _continued(sentence, context, table, convention, language_model, year)
    elif stmts and not all(_complete(s) for s in stmts):
        if context:
            joined, richer = _with_context(sentence, context, table, convention, language_model, year, units=units)
            stmts = [_replace(stmt, richer, joined) for stmt in stmts]
        if paper and not all(_complete(s) for s in stmts):
            stmts = [stmt if _complete(stmt) else _from_paper(stmt, sentence, page, paper, table, convention,
                                                               language_model, year, units)
                     for stmt in stmts]  # fmt: skip
        own = [s for s in found if s.hours or s.chip_hours]
        for stmt, mine in zip(stmts, own, strict=True):  # the stage is the sentence's, not its hardware sentence's
            stmt.role = mine.role
    for stmt in stmts:  # a statement that names no stage or dataset takes its paragraph's, then its section's
        if context and section == "table":  # the row's own cue, else its caption's (not the caption sentence's)
            own_role = next((s.role for s in found if s.hours or s.chip_hours), "final")
            stmt.role = caption_role(own_role, context, sentence)
        elif context:
            stmt.role = context_role(stmt.role, context, sentence)
            stmt.dataset = stmt.dataset or context_dataset(context)
        stmt.dataset = stmt.dataset or dataset_hint
        if stmt.role == "final" and stmt.dataset and load_datasets().is_corpus(stmt.dataset):
            stmt.role = "pretrain"  # a run on an unlabelled corpus ("Wikipedia and Toronto Book Corpus") pre-trains
    return stmts


def _flat(text: str) -> str:
    """Lower-case, one space between words, hyphens as spaces: the form the role and dataset cues read."""
    return " ".join(text.lower().split()).replace("-", " ")


def context_role(role: str, context: str, sentence: str = "") -> str:
    """A statement without a cue of its own (`final`) takes the stage its context speaks of: "Pre-training setup.
    ... The model was trained on 8 V100 GPUs for 90 hours." is pre-training (pre-training, fine-tuning, search);
    not when its sentence names the final run ("we train the final architecture for 36 hours")."""
    if role != "final" or names_final(_flat(sentence)):
        return role
    text = _flat(context)
    named = named_role(text, last=True)
    return named if named in CONTEXT_ROLES else role


CONTEXT_ROLES = ("pretrain", "finetune", "search")


def caption_role(role: str, caption: str, row: str = "") -> str:
    """A table row without a cue of its own (`final`) takes the stage its caption gives the rows carrying its
    mark ("Models marked with 21k are pretrained on ImageNet21k": a row "EfficientNetV2-S (21k)" is pre-training),
    else the stage its caption names first, ablations too: the caption's head says what the table is ("Table 1. MAE
    decoder ablation experiments ... The pre-training schedule is 800 epochs." is a table of ablations). `row`: the
    row written out ("Training EfficientNetV2-S (21k) 84.9% took 9 hours (table: ...)")."""
    if role != "final":
        return role
    text = _flat(caption)
    label = row.lower().split(" took ")[0]
    for match in _MARK.finditer(text):
        mark, what = match.group("mark") or match.group("mark2"), match.group("what") or match.group("what2")
        marked = re.search(rf"(?<!\w){re.escape(mark)}(?!\w)", label) if mark[0].isalnum() else mark in label
        stage = named_role(what)
        if marked and stage in (*CONTEXT_ROLES, "ablation"):
            return stage
    named = named_role(text)
    if named in (*CONTEXT_ROLES, "ablation"):
        return named
    # a table comparing runs ("Comparison of small models", "The speedup is relative to the entry ..."): variants
    return "ablation" if _COMPARISON.search(text) else role


# A caption's legend of a row mark: "models marked with 21k are pretrained on ...", "* denotes pre-trained models"
_MARK = re.compile(
    r"\b(?:marked|denoted|labell?ed|indicated|tagged) (?:with|by|as) [\"'(]?(?P<mark>[^\s\"')]+)[\"')]? "
    r"(?:are|were|is|was) (?P<what>[^.;]*)|"
    r"(?:^|[\s(])[\"']?(?P<mark2>[^\s\"']+)[\"']? (?:denotes|denote|indicates|means|marks) (?P<what2>[^.;]*)"
)
_COMPARISON = re.compile(r"\b(comparisons?|compared|comparing|relative to|speed ?ups?)\b")


def context_dataset(context: str) -> str:
    """The dataset the context names last (a statement naming none trains on the one its paragraph is about)."""
    text = _flat(context)
    return dataset_of(text, len(text), len(text))


def _replace(stmt: Statement, richer: list[Statement], joined: str) -> Statement:
    """`stmt`, or the statement of the same duration parsed with more context (named hardware and count)."""
    if _complete(stmt):
        return stmt
    same = [r for r in richer if _same_duration(r, stmt)]
    if not same:
        return stmt
    same[0].sentence = joined
    return same[0]


# A hardware sentence about measuring speed, not training ("Runtimes are measured on an NVIDIA M40 GPU")
_NOT_TRAINING_HARDWARE = re.compile(
    r"\b(runtimes?|run ?times?|inference|latency|latencies|measured|timings?|fps|speed|throughput|deploy\w*|mobile|"
    r"test(ing)? time|benchmark\w*)\b",
    re.I,
)


def training_hardware(hardware: PaperHardware) -> bool:
    """Whether a paper's hardware sentence may be the hardware of its training: it speaks of training, running or
    using the processors, and not of measuring speed, and not in related work."""
    return (
        hardware.section not in ("related", "references")
        and bool(TRAINING.search(hardware.sentence) or re.search(r"\b(use[sd]?|using|conducted|implemented)\b",
                                                                   hardware.sentence, re.I))
        and not _NOT_TRAINING_HARDWARE.search(hardware.sentence)
    )  # fmt: skip


def _from_paper(stmt, sentence, page, paper, table, convention, language_model, year, units=None) -> Statement:
    """`stmt` with the hardware of the nearest of the paper's hardware sentences that parses with its duration (an
    implementation-details section first among equals), its confidence lowered by the distance. A duration that
    counts its processors without naming them ("on 8 GPUs") takes only a sentence that counts as many. When no
    sentence names the processors, a duration that counts none takes the count of the nearest that counts them
    without naming them ("Training RPN on 8 GPUs takes about 8 hours." for "Training Fast R-CNN takes about 10
    hours."), its type imputed."""
    preferred = ("implementation", "experiments", "method")
    usable = [h for h in paper if training_hardware(h) and h.sentence not in sentence]
    ordered = sorted(usable, key=lambda h: (abs(h.page - page), h.section not in preferred, h.page))
    counted_only = stmt.count is None and stmt.chip_hours is None

    def imputed(s: Statement) -> bool:
        return counted_only and s.status == "imputed hardware" and s.count is not None

    parsed: dict[int, list[Statement]] = {}  # each joined sentence parsed once for both passes
    for accept in (_complete, imputed):
        for index, hardware in enumerate(ordered):
            if index not in parsed:
                joined = join_sentences(hardware.sentence, sentence)
                parsed[index] = parse_sentence(joined, table, convention, language_model, year, units=units)
            same = [s for s in parsed[index] if accept(s) and _same_duration(s, stmt)
                    and (stmt.count is None or s.count == stmt.count)]  # fmt: skip
            if same:
                return _lent(same[0], sentence, hardware, page, "hardware")
    if stmt.status in ("unknown hardware", "imputed hardware") and stmt.count is not None:
        return _typed_from_paper(stmt, sentence, page, ordered, table, convention, language_model, year, units)
    return stmt


def _lent(found: Statement, sentence: str, hardware: PaperHardware, page: int, what: str) -> Statement:
    """A statement whose hardware (or its type) the paper's hardware sentence lent: the sentence says so, and the
    confidence falls with the pages between them."""
    found.sentence = f"{sentence} [{what} from p{hardware.page}: {hardware.sentence}]"
    penalty = PAPER_HARDWARE_PENALTY + PAPER_HARDWARE_PER_PAGE * abs(hardware.page - page)
    found.confidence = round(max(found.confidence - penalty, 0.1), 2)
    return found


_TYPELESS_NOUN = re.compile(rf"({'|'.join(TYPELESS_KINDS)})s?")


def _typed_from_paper(stmt, sentence, page, ordered, table, convention, language_model, year, units) -> Statement:
    """A statement counting processors by a noun of no kind ("Training ... took 4.0 days on 2048 cores", a table's
    "Cores" column) or of a kind without a type ("on 64 GPUs") takes the type of the processor the nearest hardware
    sentence names ("2048 TPU v3 cores", "512 Tesla V100 GPUs"; a box's processor for "32 DGX-2H servers"), its own
    count kept, confidence lowered as for the paper's hardware; the type is imputed by year only when no hardware
    sentence names one."""
    noun = _TYPELESS_NOUN.fullmatch(stmt.hardware_raw.strip().lower())
    if not noun:
        return stmt
    for hardware in ordered:
        named = [p for p in named_processors(hardware.sentence, table) if p.kind in TYPELESS_KINDS[noun.group(1)]]
        if not named:
            continue
        name = named[0].holds or named[0].name  # a box ("32 DGX-2H servers") types its processors by what it holds
        typed = re.sub(rf"(?i)\b({noun.group(1)}s?)\b", rf"{name} \1", sentence, count=1)
        same = [s for s in parse_sentence(typed, table, convention, language_model, year, units=units)
                if _complete(s) and _same_duration(s, stmt)]  # fmt: skip
        if same:
            return _lent(same[0], sentence, hardware, page, "hardware type")
    return stmt


def _with_context(
    sentence: str,
    context: str,
    table: HardwareTable,
    convention: Convention | Conventions,
    language_model: bool,
    year: int | None = None,
    keep=None,
    units: dict[str, float] | None = None,
) -> tuple[str, list[Statement]]:
    """The sentence joined with the nearest preceding context sentence whose joint parse gives statements (those
    `keep` accepts), and those statements; ("", []) when none does."""
    for previous in reversed(sentences(context)):
        joined = join_sentences(previous, sentence)
        found = [
            s
            for s in parse_sentence(joined, table, convention, language_model, year, units=units)
            if s.status in ("ok", "imputed hardware") and (keep is None or keep(s))
        ]
        if found:
            for stmt in found:
                stmt.sentence = f"{previous} {sentence}"
            return stmt.sentence, found
    return "", []


def _continued(
    sentence: str,
    context: str,
    table: HardwareTable,
    convention: Convention | Conventions,
    language_model: bool,
    year: int | None = None,
) -> list[Statement]:
    """A sentence that only says how long ("The 15B model took 60 days.") right after one about training: its
    durations, with the hardware of the nearest context sentence that parses with them."""
    own = continues_training(sentence, context)
    if not own:
        return []
    joined, found = _with_context(
        sentence, context, table, convention, language_model, year, keep=lambda s: (s.hours_low, s.hours_high) in own
    )
    for stmt in found:
        stmt.sentence = joined
    return found


def statements_from_text(
    text: str, table: HardwareTable, convention: Convention | Conventions, language_model: bool = False
) -> list[Statement]:
    found = []
    for sentence, context in candidates_from_text(text):
        found.extend(statements_from_candidate(sentence, context, table, convention, language_model))
    return found


def candidates_from_pdf(path: str | Path, expected_id: str = "") -> tuple[PdfResult, list[dict]]:
    """(status, candidate rows: page, kind, section, sentence, context) of one PDF; never raises. A PDF whose first
    page carries another arXiv id than `expected_id` gets status 'mismatch' and no candidates: its compute is not
    this paper's. The reading itself is computelimits.reader's."""
    started = time.perf_counter()
    result = PdfResult(pdf=str(path))
    found: list[dict] = []
    try:
        if Path(path).stat().st_size == 0:
            raise ValueError("empty file (0 bytes)")
        paper = read_paper(path)
        result.pages, result.pages_parsed = paper.pages, paper.pages_parsed
        result.year = year_of(paper.stamp) or year_of(base_id(expected_id))
        expected = base_id(expected_id)
        if expected and paper.stamp and paper.stamp != expected:
            result.status, result.reason = "mismatch", f"the PDF is arXiv:{paper.stamp}, the sheet says {expected_id}"
            result.seconds = round(time.perf_counter() - started, 3)
            return result, found
        found = [
            {"page": c.page, "kind": c.kind, "section": c.section, "sentence": c.sentence, "context": c.context,
             "dataset_hint": c.dataset_hint, "year": result.year}
            for c in paper.candidates
        ]  # fmt: skip
        result.status = "ok" if any(c.kind == CANDIDATE for c in paper.candidates) else "no statement"
    except Exception as exc:  # a bad PDF is reported, never fatal
        result.status = "unreadable"
        result.reason = f"{type(exc).__name__}: {exc}".replace("\t", " ").replace("\n", " ")[:300]
    result.seconds = round(time.perf_counter() - started, 3)
    return result, found


def statements_of_paper(
    rows: list[dict], table: HardwareTable, conventions: Conventions, language_model: bool, year: int | None
) -> list[tuple[Statement, dict]]:
    """The statements of one paper's candidate rows (candidates_from_pdf), each with its row; the paper's hardware
    sentences are offered to every candidate."""
    paper = [PaperHardware(r["page"], r["section"], r["sentence"]) for r in rows if r["kind"] == HARDWARE]
    paper += [PaperHardware(r["page"], r["section"], r["sentence"]) for r in rows if r["kind"] == CANDIDATE]
    schedule = [(r["page"], r["sentence"]) for r in rows if r["kind"] == SCHEDULE]
    units = units_trained_in([sentence for _, sentence in schedule])
    # a unit the paper gives two counts (two models' schedules) takes the count of the statement's own page
    by_page = {
        page: units_trained_in([s for p, s in schedule if p == page]) | units for page in {p for p, _ in schedule}
    }
    found = []
    for row in rows:
        if row["kind"] != CANDIDATE:
            continue
        units_here = by_page.get(row["page"], units)
        context = row["context"] if isinstance(row["context"], str) else ""
        hint = row.get("dataset_hint") if isinstance(row.get("dataset_hint"), str) else ""
        for stmt in statements_from_candidate(row["sentence"], context, table, conventions, language_model, year,
                                              row["page"], row["section"], paper, hint, units_here):  # fmt: skip
            found.append((stmt, row))
    return found


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
                    sum(row["kind"] == CANDIDATE for row in found),
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
                    "candidates": sum(row["kind"] == CANDIDATE for row in found),
                    "seconds": result.seconds,
                }
            )
            rows.extend({"arxiv_id": arxiv_id, "pdf": path, **row} for row in found)
    return rows, status


def statements_table(
    sentences_frame: pd.DataFrame,
    table: HardwareTable,
    conventions: Conventions,
    language_model: bool,
    jobs: int = 1,
) -> pd.DataFrame:
    """statements.tsv rows: one per statement, FLOPs under the chosen convention (`flop`) and under every
    convention (`flop_<name>`: the same chip-hours on the same processor, normalised by each). `jobs` > 1 parses
    the papers in that many processes (the rows in the same order)."""
    from concurrent.futures import ProcessPoolExecutor
    from functools import partial

    columns = [
        "arxiv_id", "pdf", "page", "section", *Statement.columns(), *(f"flop_{name}" for name in conventions.by_name)
    ]  # fmt: skip
    papers = [group.to_dict("records") for _, group in
              sentences_frame.groupby(["arxiv_id", "pdf"], sort=False, dropna=False)]  # fmt: skip
    rows_of = partial(_paper_rows, table=table, conventions=conventions, language_model=language_model)
    if jobs > 1 and len(papers) > 1:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            found = list(pool.map(rows_of, papers))
    else:
        found = [rows_of(records) for records in papers]
    return pd.DataFrame([row for rows in found for row in rows], columns=columns)


def _paper_rows(records: list[dict], table: HardwareTable, conventions: Conventions, language_model: bool):
    """statements_table's rows of one paper (its candidate rows)."""
    year = next((int(r["year"]) for r in records if not pd.isna(r.get("year"))), None)
    found = statements_of_paper(records, table, conventions, language_model, year)
    return [{"arxiv_id": row["arxiv_id"], "pdf": row["pdf"], "page": row["page"], "section": row["section"],
             **stmt.as_row()} for stmt, row in found]  # fmt: skip
