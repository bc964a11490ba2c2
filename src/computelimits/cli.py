"""Command line: `computelimits parse` (sentences -> burden statements) and `computelimits extract` (PDFs).

Both print the pipeline's own TSV dialect (computelimits.tables.format_tsv): `extract` the columns of
results/extraction/statements.tsv, through the same extraction driver as the workflow's rules.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

from . import __version__
from .arxiv import ARXIV_ID
from .config import conventions_from_config
from .hardware import default_table_path, load_table
from .sections import looks_like_reference
from .statements import Statement, parse_sentence
from .tables import format_tsv


def _conventions(args):
    return conventions_from_config(None, args.convention)


def _common(parser: argparse.ArgumentParser) -> None:
    names = sorted(conventions_from_config(None).by_name)
    parser.add_argument(
        "--convention",
        choices=names,
        default=conventions_from_config(None).chosen,
        help="FLOP convention (default: the config schema's, thompson, the paper's peak hardware burden)",
    )
    parser.add_argument(
        "--hardware-table", type=Path, default=None, help="hardware TSV (default: resources/hardware.tsv)"
    )
    parser.add_argument("--language-model", action="store_true", help="use the convention's language-model utilisation")


def cmd_parse(args) -> int:
    table = load_table(args.hardware_table or default_table_path())
    conventions = _conventions(args)
    lines = list(args.sentences)
    if args.file:
        with open(args.file, encoding="utf-8") as handle:
            lines += [line.rstrip("\n") for line in handle if line.strip()]
    columns = [*Statement.columns(), *(f"flop_{name}" for name in conventions.by_name)]
    rows = []
    for sentence in lines:
        if args.strict and looks_like_reference(sentence):  # a bibliography entry, as the PDF reader skips it
            found = []
        else:
            found = parse_sentence(sentence, table, conventions, args.language_model, strict=args.strict)
        rows += [stmt.as_row() for stmt in found] or [{"sentence": sentence}]
    sys.stdout.write(format_tsv(pd.DataFrame(rows, columns=columns)))
    return 0


def cmd_extract(args) -> int:
    from .extraction import SENTENCE_COLUMNS, extract_candidates_many, statements_table

    manifest = pd.DataFrame(
        {
            "arxiv_id": [p.stem if ARXIV_ID.match(p.stem) else "" for p in args.pdfs],
            "path": [str(p) for p in args.pdfs],
            "status": "local",
            "reason": "",
        }
    )
    candidates, status = extract_candidates_many(manifest, jobs=args.jobs)
    for row in status:
        if row["status"] == "unreadable":
            print(f"computelimits extract: {row['pdf']}: unreadable: {row['reason']}", file=sys.stderr)
    table = load_table(args.hardware_table or default_table_path())
    frame = pd.DataFrame(candidates, columns=SENTENCE_COLUMNS)
    statements = statements_table(frame, table, _conventions(args), args.language_model, jobs=args.jobs)
    sys.stdout.write(format_tsv(statements))
    return 0 if any(row["status"] != "unreadable" for row in status) else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="computelimits", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"computelimits {__version__}")
    sub = parser.add_subparsers(dest="command")
    parse = sub.add_parser("parse", help="parse sentences into training-burden statements (TSV on stdout)")
    parse.add_argument("sentences", nargs="*", help="sentences to parse")
    parse.add_argument("--file", type=Path, help="a file with one sentence per line")
    parse.add_argument(
        "--strict",
        action="store_true",
        help="require a training word in the sentence and skip bibliography entries, as the PDF reader does (default:"
        " each sentence given is taken as a statement of training)",
    )
    _common(parse)
    parse.set_defaults(func=cmd_parse)
    extract = sub.add_parser("extract", help="extract training-burden statements from PDFs (TSV on stdout)")
    extract.add_argument("pdfs", nargs="+", type=Path, help="PDF files")
    extract.add_argument("--jobs", type=int, default=1, help="PDFs processed in parallel (default 1)")
    _common(extract)
    extract.set_defaults(func=cmd_extract)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 0
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
