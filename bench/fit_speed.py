"""Benchmark: wall time of the main model fit (compile + sampling) with nutpie and with PyMC's default NUTS.

    python bench/fit_speed.py [--papers results/burden/papers.tsv] [--variant polynomial]

Uses the pipeline's own papers table (run `make run` first), the config's sampling settings and the pipeline's
sampling call (computelimits.models.sample: nutpie, frozen model, numba fastmath off, the chains on the fit
rule's `threads`, read from workflow/rules/model.smk). PyMC's default NUTS gets the same model, draws, tune, chains
and target_accept, and PyMC's own choice of processes (`cores`: half the CPU count, so 1 on a 2-core machine); for
context it also runs with as many processes as the fit rule has threads. Each setting runs twice in fresh
processes sharing a new PyTensor compile directory: `cold` is a first fit on a machine (empty cache), `warm` a
refit (what a rerun of the fit rule pays, since each variant keeps its compile directory). Times cover the
sampling call (compile + sampling), not imports (nutpie is imported before the clock starts); the log-likelihood
for LOO is left out on all sides.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

from computelimits.defaults import with_defaults

ROOT = Path(__file__).resolve().parents[1]

CHILD = r"""
import json, sys, time
import nutpie  # noqa: F401  (imported before timing: pm.sample imports it on first use, ~1.7 s)
from computelimits.modeldata import model_data
from computelimits.models import build_model
from computelimits.sampling import Fit, GateError, divergences, gates_for, sample, summarise
from computelimits.tables import read_tsv
args = json.loads(sys.argv[1])
config = args["config"]
data = model_data(read_tsv(args["papers"]), list(config["benchmarks"]), config["min_log10_flop_sd"])
model = build_model(data, args["variant"])
started = time.perf_counter()
idata = sample(model, config["seed"], sampler=args["sampler"], log_likelihood=False, cores=args["cores"],
               **{k: v for k, v in config["sampling"].items() if k != "retry"})
call = time.perf_counter() - started
sampling_time = idata.sample_stats.attrs.get("sampling_time")
summary = summarise(idata, args["variant"])
try:
    Fit(data, idata, None, summary, args["variant"]).check(gates_for(config["gates"], args["variant"]))
    verdict = "pass"
except GateError as failed:
    verdict = "fail (" + str(failed).removeprefix("convergence gates failed: ") + ")"
print(json.dumps({"call": call, "sampling": None if sampling_time is None else float(sampling_time),
                  "divergences": divergences(idata),
                  "min_ess_bulk": float(summary[summary["parameter"] != "k"]["ess_bulk"].min()), "gates": verdict}))
"""


def pipeline_config() -> dict:
    """config/config.yaml with the schema's defaults filled in, as the workflow does."""
    return with_defaults(yaml.safe_load((ROOT / "config/config.yaml").read_text()))


def fit_rule_threads() -> int:
    """`threads:` of rule fit_model, so the benchmark samples as the pipeline does."""
    rules = (ROOT / "workflow/rules/model.smk").read_text()
    found = re.search(r"^rule fit_model:\n(?:(?!^rule ).*\n)*?\s+threads:\s*(\d+)", rules, re.M)
    if not found:
        raise SystemExit("workflow/rules/model.smk: no `threads:` in rule fit_model")
    return int(found.group(1))


def run(sampler: str, cores: int | None, papers: Path, variant: str, config: dict, compiledir: str) -> dict:
    env = {**os.environ, "PYTENSOR_FLAGS": f"base_compiledir={compiledir}"}
    spec = {
        "sampler": sampler,
        "cores": cores,
        "papers": str(papers),
        "variant": variant,
        "config": config,
    }
    started = time.perf_counter()
    out = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(spec)], capture_output=True, text=True, env=env, check=False
    )
    if out.returncode:
        raise SystemExit(f"{sampler} fit failed:\n{out.stderr[-2000:]}")
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result["process"] = time.perf_counter() - started
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--papers", type=Path, default=ROOT / "results/burden/papers.tsv")
    parser.add_argument("--variant", default="polynomial")
    args = parser.parse_args()
    if not args.papers.exists():
        raise SystemExit(f"{args.papers} not found: run `make run` first")
    threads = fit_rule_threads()
    config = pipeline_config()
    settings = {
        f"nutpie, {threads} threads (the fit rule)": ("nutpie", threads),
        "pymc default (its cores guess)": ("pymc", None),
        f"pymc, cores={threads}": ("pymc", threads),
    }
    results = {}
    for label, (sampler, cores) in settings.items():
        with tempfile.TemporaryDirectory() as compiledir:
            for cache in ("cold", "warm"):
                r = results[label, cache] = run(sampler, cores, args.papers, args.variant, config, compiledir)
                alone = "" if r["sampling"] is None else f"; sampling alone {r['sampling']:5.2f} s"
                print(
                    f"{label:34s} {cache}: compile + sampling {r['call']:5.1f} s{alone};"
                    f" process {r['process']:5.1f} s; lowest bulk ESS {r['min_ess_bulk']:.0f}"
                    f" ({r['min_ess_bulk'] / r['call']:.0f}/s); the fit rule's gates: {r['gates']}"
                )
    nutpie, default, same = settings
    for cache in ("cold", "warm"):
        ours = results[nutpie, cache]["call"]
        print(
            f"speed-up, {cache} cache (compile + sampling): {results[default, cache]['call'] / ours:.1f}x over PyMC's"
            f" default NUTS; {results[same, cache]['call'] / ours:.1f}x over PyMC with cores={threads}"
        )
    print("targets: main model <= 60 s; >= 5x faster than PyMC's default NUTS")


if __name__ == "__main__":
    main()
