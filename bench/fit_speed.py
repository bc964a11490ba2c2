"""Benchmark: wall time of the main model fit (compile + sampling) with nutpie and with PyMC's default NUTS.

    python bench/fit_speed.py [--papers results/burden/papers.tsv] [--variant polynomial]

Uses the pipeline's own papers table (run `make run` first) and the config's sampling settings. Each sampler
runs in a fresh process with an empty PyTensor compile directory, so compile time is counted as the
pipeline pays it.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, sys, time
started = time.perf_counter()
import pymc as pm
import yaml
from computelimits.models import build_model, model_data, divergences
from computelimits.tables import read_tsv
args = json.loads(sys.argv[1])
config = yaml.safe_load(open(args["config"]))
schema = yaml.safe_load(open(args["schema"]))
sampling = {**schema["properties"]["sampling"]["default"], **config.get("sampling", {})}
papers = read_tsv(args["papers"])
data = model_data(papers, list(config["benchmarks"]), config.get("min_log10_flop_sd", 0.05))
with build_model(data, args["variant"]) as model:
    before = time.perf_counter()
    if args["sampler"] == "nutpie":
        import nutpie
        compiled = nutpie.compile_pymc_model(model, freeze_model=True)  # as computelimits.models.sample does
        sampling_started = time.perf_counter()
        idata = nutpie.sample(compiled, draws=sampling["draws"], tune=sampling["tune"], chains=sampling["chains"],
                              target_accept=sampling["target_accept"], seed=config.get("seed", 1), progress_bar=False)
        sampling_seconds = time.perf_counter() - sampling_started
    else:
        idata = pm.sample(draws=sampling["draws"], tune=sampling["tune"], chains=sampling["chains"],
                          target_accept=sampling["target_accept"], nuts_sampler="pymc",
                          random_seed=config.get("seed", 1), progressbar=False)
        sampling_seconds = float(idata.sample_stats.attrs["sampling_time"])
    call = time.perf_counter() - before
print(json.dumps({"seconds": time.perf_counter() - started, "call": call, "sampling": sampling_seconds,
                  "divergences": divergences(idata)}))
"""


def run(sampler: str, papers: Path, variant: str) -> dict:
    with tempfile.TemporaryDirectory() as compiledir:
        env = {**os.environ, "PYTENSOR_FLAGS": f"base_compiledir={compiledir}"}
        spec = {
            "sampler": sampler,
            "papers": str(papers),
            "variant": variant,
            "config": str(ROOT / "config/config.yaml"),
            "schema": str(ROOT / "workflow/schemas/config.schema.yaml"),
        }
        started = time.perf_counter()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, json.dumps(spec)], capture_output=True, text=True, env=env, check=True
        )
        result = json.loads(out.stdout.strip().splitlines()[-1])
        result["wall"] = time.perf_counter() - started
        return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=Path, default=ROOT / "results/burden/papers.tsv")
    parser.add_argument("--variant", default="polynomial")
    args = parser.parse_args()
    if not args.papers.exists():
        raise SystemExit(f"{args.papers} not found: run `make run` first")
    results = {name: run(name, args.papers, args.variant) for name in ("nutpie", "pymc")}
    for name, r in results.items():
        print(
            f"{name:7s} wall {r['wall']:5.1f} s (process, imports, compile, sampling); "
            f"compile + sampling {r['call']:5.1f} s; "
            f"sampling alone {r['sampling']:5.2f} s; {r['divergences']} divergences"
        )
    nut, pym = results["nutpie"], results["pymc"]
    print(f"speed-up, wall: {pym['wall'] / nut['wall']:.1f}x; sampling alone: {pym['sampling'] / nut['sampling']:.1f}x")
    print("targets: main model wall <= 60 s; >= 5x faster than PyMC's default NUTS")


if __name__ == "__main__":
    main()
