"""The extraction driver, shared by the workflow's rules and the CLI: PDFs to candidate sentences (in a process
pool), candidates to burden statements (a duration borrows hardware from its context), and the statements table."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from .arxiv import base_id
from .hardware import Convention, Conventions, HardwareTable
from .pdflayout import clean_text, page_lines, screen_pages
from .pdftext import candidates_from_text, sentences
from .statements import Statement, continues_training, parse_sentence


@dataclass
class PdfResult:
    pdf: str
    status: str = "ok"
    reason: str = ""
    pages: int = 0
    pages_parsed: int = 0
    seconds: float = 0.0
    statements: list[tuple[int, Statement]] = field(default_factory=list)


SENTENCE_COLUMNS = ["arxiv_id", "pdf", "page", "sentence", "context"]
STATUS_COLUMNS = ["arxiv_id", "pdf", "status", "reason", "pages", "pages_parsed", "candidates", "seconds"]


def extract_pdf(
    path: str | Path, table: HardwareTable, convention: Convention | Conventions, language_model: bool = False
) -> PdfResult:
    """Statements of one PDF; an unreadable file gives status 'unreadable' with the reason, never an exception."""
    result, found = candidates_from_pdf(path)
    for page, sentence, context in found:
        for stmt in statements_from_candidate(sentence, context, table, convention, language_model):
            result.statements.append((page, stmt))
    if result.status == "ok" and not result.statements:
        result.status = "no statement"
    return result


def _same_duration(a: Statement, b: Statement) -> bool:
    if b.hours is not None:
        return (a.hours_low, a.hours_high) == (b.hours_low, b.hours_high)
    return (a.chip_hours_low, a.chip_hours_high) == (b.chip_hours_low, b.chip_hours_high)


def statements_from_candidate(
    sentence: str,
    context: str,
    table: HardwareTable,
    convention: Convention | Conventions,
    language_model: bool = False,
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
    sentence: str,
    context: str,
    table: HardwareTable,
    convention: Convention | Conventions,
    language_model: bool,
    keep=None,
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
    sentence: str, context: str, table: HardwareTable, convention: Convention | Conventions, language_model: bool
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
    text: str, table: HardwareTable, convention: Convention | Conventions, language_model: bool = False
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


def statements_table(
    sentences_frame: pd.DataFrame, table: HardwareTable, conventions: Conventions, language_model: bool
) -> pd.DataFrame:
    """statements.tsv rows: one per statement, FLOPs under the chosen convention (`flop`) and under every
    convention (`flop_<name>`: the same chip-hours on the same processor, normalised by each)."""
    columns = ["arxiv_id", "pdf", "page", *Statement.columns(), *(f"flop_{name}" for name in conventions.by_name)]
    rows = []
    for _, cand in sentences_frame.iterrows():
        context = cand["context"] if isinstance(cand["context"], str) else ""
        for stmt in statements_from_candidate(cand["sentence"], context, table, conventions, language_model):
            rows.append({"arxiv_id": cand["arxiv_id"], "pdf": cand["pdf"], "page": cand["page"], **stmt.as_row()})
    return pd.DataFrame(rows, columns=columns)
