"""Reliability check: determinism and interruption, on the shipped data.

    python bench/reliability.py [--cores 2]

Run A: the whole workflow in a fresh copy of the checkout. Run B: another fresh copy, killed with SIGKILL (the
whole process group, as a crashed node would) as soon as a model fit starts, then rerun to the end. Prints what
the kill left behind, whether the rerun finished, and whether every TSV and JSON output of B is byte-identical to
A's (same config, same seed). After a hard kill Snakemake keeps its lock; the script runs `snakemake --unlock`
first, as Snakemake's own message asks.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from computelimits.workdir import copy_workflow

ROOT = Path(__file__).resolve().parents[1]
SNAKEMAKE = str(Path(sys.executable).with_name("snakemake"))


def digests(work: Path) -> dict[str, str]:
    files = sorted([*work.glob("results/**/*.tsv"), *work.glob("results/**/*.json")])
    return {str(p.relative_to(work)): hashlib.sha256(p.read_bytes()).hexdigest() for p in files}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cores", type=int, default=2)
    args = parser.parse_args()
    cores = ["--cores", str(args.cores)]
    with tempfile.TemporaryDirectory() as tmp:
        a = copy_workflow(ROOT, Path(tmp) / "a")
        b = copy_workflow(ROOT, Path(tmp) / "b")
        started = time.perf_counter()
        subprocess.run([SNAKEMAKE, *cores, "--quiet"], cwd=a, check=True, capture_output=True)
        print(f"run A (clean): finished in {time.perf_counter() - started:.0f} s")

        process = subprocess.Popen([SNAKEMAKE, *cores, "--quiet"], cwd=b, start_new_session=True,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
        while not list((b / "logs/model").glob("fit_*.log")) and process.poll() is None:
            time.sleep(0.2)
        time.sleep(3)  # well inside a fit: compiling or sampling
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
        leftovers = sorted(str(p.relative_to(b)) for p in (b / "results/model").glob("*"))
        print(f"run B: killed (SIGKILL, process group) during a fit; results/model then held: {leftovers or 'nothing'}")
        partial = [p for p in b.glob("results/**/.*") if p.is_file()]
        print(f"run B: temporary files left by atomic writes: {len(partial)} (never at an output path)")
        # A hard kill leaves Snakemake's lock behind (as a power loss would): unlock, as its message says, then rerun.
        subprocess.run([SNAKEMAKE, "--unlock"], cwd=b, check=True, capture_output=True)
        rerun = subprocess.run([SNAKEMAKE, *cores, "--quiet"], cwd=b, capture_output=True, text=True)
        print(f"run B: rerun exit code {rerun.returncode}")
        if rerun.returncode != 0:
            print(rerun.stderr[-2000:])
            raise SystemExit(1)
        da, db = digests(a), digests(b)
        same = [k for k in da if da.get(k) == db.get(k)]
        print(f"byte-identical TSV/JSON outputs, A vs B: {len(same)}/{len(da)}")
        for key in sorted(set(da) | set(db)):
            if da.get(key) != db.get(key):
                print(f"  differs: {key}")


if __name__ == "__main__":
    main()
