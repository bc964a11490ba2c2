"""Benchmark: extraction through the pipeline at scale (about 1,000 PDFs, copies of the development set).

    python bench/scale_extraction.py [--copies 19] [--cores 2]

Builds, in a temporary copy of the workflow, `--copies` benchmark sheets that each list every development paper
with an arXiv id (so 19 x 54 = 1,026 PDF rows), points `pdf_dir` at the development PDFs, runs Snakemake up to
results/extraction/statements.tsv, and prints PDFs/s, peak resident memory and the number of Snakemake jobs.
PDFs are batched per sheet (one extract job per sheet, PDFs in parallel inside it), so the DAG grows with the
number of sheets, not of PDFs. Target: >= 5 PDFs/s on a 2-core machine.
"""

from __future__ import annotations

import argparse
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from computelimits.workdir import copy_workflow

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared/data/papers_dev/pdfs"
HEADER = "model\tarxiv_id\tyear\tscore\thardware\tcount\thours\tchip_hours\tflop\tsource\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=19)
    parser.add_argument("--cores", type=int, default=2)
    args = parser.parse_args()
    ids = sorted(p.stem for p in DEV.glob("*.pdf") if re.fullmatch(r"\d{4}\.\d{4,5}v\d+", p.stem))
    with tempfile.TemporaryDirectory() as tmp:
        work = copy_workflow(ROOT, tmp, skip_config=True)
        (work / "config/sheets").mkdir(parents=True)
        benchmarks = {}
        for copy in range(args.copies):
            name = f"copy{copy:02d}"
            rows = [
                f"paper {i}\t{arxiv_id}\t2020\t50\t\t\t\t\t1e18\tscale benchmark\n" for i, arxiv_id in enumerate(ids)
            ]
            (work / f"config/sheets/{name}.tsv").write_text(HEADER + "".join(rows))
            benchmarks[name] = {"sheet": f"config/sheets/{name}.tsv", "metric": "accuracy", "higher_is_better": True,
                                "targets": [1]}  # fmt: skip
        config = {"benchmarks": benchmarks, "pdf_dir": str(DEV), "download": False}
        (work / "config/config.yaml").write_text(yaml.safe_dump(config))
        snakemake = str(Path(sys.executable).with_name("snakemake"))
        command = [snakemake, "--cores", str(args.cores), "results/extraction/statements.tsv"]
        started = time.perf_counter()
        result = subprocess.run(command, cwd=work, capture_output=True, text=True)
        seconds = time.perf_counter() - started
        if result.returncode != 0:
            raise SystemExit(result.stderr[-3000:])
        status = (work / "results/extraction/status.tsv").read_text().splitlines()[1:]
        read = sum(1 for line in status if line.split("\t")[3] in ("ok", "no statement"))
        jobs = re.search(r"^total\s+(\d+)", result.stdout + result.stderr, re.M)
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        rate = len(status) / seconds
        print(f"PDF rows: {len(status)} ({read} read) in {seconds:.1f} s: {rate:.1f} PDFs/s (target >= 5)")
        print(f"peak resident memory of any process: {peak:.0f} MiB")
        print(f"Snakemake jobs: {jobs.group(1) if jobs else '?'} for {args.copies} sheets")


if __name__ == "__main__":
    main()
