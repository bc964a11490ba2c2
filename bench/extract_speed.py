"""Benchmark: PDF text speed on the development set, in one run.

    python bench/extract_speed.py [--dev ../shared/data/papers_dev/pdfs] [--jobs 2] [--naive-limit N]

Prints pages/s for (1) pdfplumber `extract_text` on every page (the naive way), (2) pypdfium2 raw text on every
page, (3) `computelimits extract` (screening with pypdfium2, pypdfium2's character boxes read into words only on
candidate pages, PDFs in parallel), and the peak resident memory of the extract run (run before the naive pass: a
child forked from this process counts its memory until it starts the command). Targets: extract >= 10x the naive
pdfplumber rate and >= 1/3 of the pypdfium2 rate; peak memory < 1 GiB.
"""

from __future__ import annotations

import argparse
import resource
import subprocess
import sys
import time
from pathlib import Path

DEV = Path(__file__).resolve().parents[1].parent / "shared/data/papers_dev/pdfs"


def naive_pdfplumber(pdfs: list[Path], limit: int | None) -> tuple[int, float]:
    import pdfplumber

    pages, started = 0, time.perf_counter()
    for path in pdfs:
        with pdfplumber.open(path) as pdf:
            for page in pdf.pages:
                page.extract_text()
                page.flush_cache()
                pages += 1
                if limit and pages >= limit:
                    return pages, time.perf_counter() - started
    return pages, time.perf_counter() - started


def raw_pypdfium2(pdfs: list[Path]) -> tuple[int, float]:
    import pypdfium2 as pdfium

    pages, started = 0, time.perf_counter()
    for path in pdfs:
        pdf = pdfium.PdfDocument(str(path))
        for index in range(len(pdf)):
            page = pdf[index]
            textpage = page.get_textpage()
            textpage.get_text_range()
            textpage.close()
            page.close()
            pages += 1
        pdf.close()
    return pages, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dev", type=Path, default=DEV)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--naive-limit", type=int, default=None, help="stop the naive pdfplumber pass after N pages")
    args = parser.parse_args()
    pdfs = sorted(args.dev.glob("*.pdf"))
    total_pages, raw_seconds = raw_pypdfium2(pdfs)
    raw_rate = total_pages / raw_seconds
    print(f"PDFs: {len(pdfs)}, pages: {total_pages}")
    print(f"pypdfium2 raw text, every page:     {raw_rate:8.1f} pages/s ({raw_seconds:.1f} s)")
    cli = Path(sys.executable).with_name("computelimits")
    started = time.perf_counter()
    result = subprocess.run(
        [str(cli), "extract", "--jobs", str(args.jobs), *map(str, pdfs)], capture_output=True, text=True, check=True
    )
    seconds = time.perf_counter() - started
    rate = total_pages / seconds
    peak_mib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    naive_pages, naive_seconds = naive_pdfplumber(pdfs, args.naive_limit)
    naive_rate = naive_pages / naive_seconds
    print(
        f"pdfplumber extract_text, every page: {naive_rate:8.1f} pages/s ({naive_pages} pages, {naive_seconds:.1f} s)"
    )
    rows = len(result.stdout.splitlines()) - 1
    print(f"computelimits extract --jobs {args.jobs}:   {rate:8.1f} pages/s ({seconds:.1f} s, {rows} statements)")
    print(f"extract vs naive pdfplumber: {rate / naive_rate:.1f}x (target >= 10x); "
          f"vs pypdfium2: {rate / raw_rate:.2f} (target >= 0.33)")  # fmt: skip
    print(f"peak resident memory of one extract process: {peak_mib:.0f} MiB (target < 1024 MiB)")


if __name__ == "__main__":
    main()
