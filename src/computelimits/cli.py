"""Command line: `computelimits parse` (sentences -> burden statements) and `computelimits extract` (PDFs)."""

from __future__ import annotations

import argparse
import functools
import sys
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

from . import __version__
from .hardware import DEFAULT_CONVENTIONS, default_table_path, load_table
from .statements import Statement, parse_sentence

CORE_COLUMNS = ["hardware", "count", "hours", "chip_hours", "flop"]
EXTRA_COLUMNS = [c for c in Statement.columns() if c not in ("sentence", *CORE_COLUMNS)]


def _fmt(value) -> str:
    if value is None:
        return ""
    if isinstance(value, float):
        return f"{value:.6g}"
    return str(value).replace("\t", " ").replace("\n", " ")


def _row(prefix: list[str], stmt: Statement) -> str:
    data = stmt.as_row()
    return "\t".join(prefix + [_fmt(data["sentence"])] + [_fmt(data[c]) for c in CORE_COLUMNS + EXTRA_COLUMNS])


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--convention",
        choices=sorted(DEFAULT_CONVENTIONS),
        default="thompson",
        help="FLOP convention (default: thompson, the paper's peak hardware burden)",
    )
    parser.add_argument(
        "--hardware-table", type=Path, default=None, help="hardware TSV (default: resources/hardware.tsv)"
    )
    parser.add_argument("--language-model", action="store_true", help="use the convention's language-model utilisation")


def cmd_parse(args) -> int:
    table = load_table(args.hardware_table or default_table_path())
    convention = DEFAULT_CONVENTIONS[args.convention]
    lines = list(args.sentences)
    if args.file:
        with open(args.file, encoding="utf-8") as handle:
            lines += [line.rstrip("\n") for line in handle if line.strip()]
    print("\t".join(["sentence", *CORE_COLUMNS, *EXTRA_COLUMNS]))
    for sentence in lines:
        found = parse_sentence(sentence, table, convention, args.language_model)
        if not found:
            print(_fmt(sentence) + "\t" * (len(CORE_COLUMNS) + len(EXTRA_COLUMNS)))
        for stmt in found:
            print(_row([], stmt))
    return 0


@functools.lru_cache(maxsize=2)
def _table(path: str):
    return load_table(path)  # once per worker process, not once per PDF


def _extract_one(job):
    from .pdftext import extract_pdf

    path, table_path, convention_name, language_model = job
    return extract_pdf(path, _table(table_path), DEFAULT_CONVENTIONS[convention_name], language_model)


def cmd_extract(args) -> int:
    table_path = args.hardware_table or default_table_path()
    jobs = [(str(p), str(table_path), args.convention, args.language_model) for p in args.pdfs]
    print("\t".join(["pdf", "page", "sentence", *CORE_COLUMNS, *EXTRA_COLUMNS]))
    read = 0
    with ProcessPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for result in pool.map(_extract_one, jobs):
            if result.status == "unreadable":
                print(f"computelimits extract: {result.pdf}: unreadable: {result.reason}", file=sys.stderr)
                continue
            read += 1
            for page, stmt in result.statements:
                print(_row([result.pdf, str(page)], stmt))
    return 0 if read else 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="computelimits", description=__doc__)
    parser.add_argument("--version", action="version", version=f"computelimits {__version__}")
    sub = parser.add_subparsers(dest="command")
    parse = sub.add_parser("parse", help="parse sentences into training-burden statements (TSV on stdout)")
    parse.add_argument("sentences", nargs="*", help="sentences to parse")
    parse.add_argument("--file", type=Path, help="a file with one sentence per line")
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
