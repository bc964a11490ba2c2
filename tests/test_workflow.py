"""The whole workflow on the shipped data, offline: every output, a no-op rerun, targeted reruns, same seed
same numbers. Runs in a copy of the checkout (tests never write the checkout's results/)."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from .conftest import paper_pdf

SNAKEMAKE = str(Path(sys.executable).with_name("snakemake"))
ROOT = Path(__file__).resolve().parents[1]
OUTPUTS = [
    "results/extraction/statements.tsv",
    "results/extraction/status.tsv",
    "results/burden/papers.tsv",
    "results/burden/disagreements.tsv",
    "results/burden/counts.tsv",
    "results/burden/validation.tsv",
    "results/model/ols.tsv",
    "results/model/summary.tsv",
    "results/model/polynomial.nc",
    "results/extrapolation/targets.tsv",
    "results/numbers.json",
    "results/figures/overview.png",
    "results/figures/imagenet.png",
    "results/figures/imagenet.svg",
    "results/figures/k_forest.png",
]


def snakemake(workdir: Path, *args: str) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [SNAKEMAKE, "--cores", "2", *args], cwd=workdir, capture_output=True, text=True, timeout=900
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result


def planned_jobs(workdir: Path) -> dict[str, int]:
    """Rule -> job count of a dry run ('Job stats' table)."""
    output = snakemake(workdir, "-n").stdout
    if "Nothing to be done" in output:
        return {}
    table = output.split("Job stats:")[1].split("total")[0]
    jobs = {}
    for line in table.splitlines()[3:]:
        parts = line.split()
        if len(parts) == 2 and parts[1].isdigit():
            jobs[parts[0]] = int(parts[1])
    return jobs


@pytest.mark.slow
def test_full_run_offline(workdir):
    # pdf_dir holds one readable paper and one broken file: neither stops the run, both get a status.
    pdfs = workdir / "resources/pdfs"
    pdfs.mkdir(parents=True)
    paper_pdf(pdfs / "1706.03762.pdf")
    (pdfs / "1311.2901.pdf").write_bytes(b"")
    snakemake(workdir)
    for output in OUTPUTS:
        assert (workdir / output).stat().st_size > 0, output
    status = pd.read_csv(workdir / "results/extraction/status.tsv", sep="\t", dtype={"arxiv_id": str})
    by_id = status.drop_duplicates("arxiv_id").set_index("arxiv_id")
    assert by_id.loc["1706.03762", "status"] == "ok"
    assert by_id.loc["1311.2901", "status"] == "unreadable" and "empty file" in by_id.loc["1311.2901", "reason"]
    assert set(status["status"]) <= {"ok", "no statement", "unreadable", "unavailable"}
    statements = pd.read_csv(workdir / "results/extraction/statements.tsv", sep="\t", dtype={"arxiv_id": str})
    assert ((statements["hardware"] == "P100") & (statements["hours"] == 84)).any()

    papers = pd.read_csv(workdir / "results/burden/papers.tsv", sep="\t")
    sheet_rows = sum(len(pd.read_csv(p, sep="\t")) for p in (workdir / "config/sheets").glob("*.tsv"))
    assert len(papers) == sheet_rows and papers["status"].notna().all()
    numbers = json.loads((workdir / "results/numbers.json").read_text())
    assert set(numbers["series"]) == {"imagenet", "coco", "squad", "conll", "wmt14_en_fr", "wmt14_en_de"}
    counts = pd.read_csv(workdir / "results/burden/counts.tsv", sep="\t").set_index("benchmark")
    assert counts["rows"].sum() == sheet_rows
    assert counts.loc["imagenet", "with_compute"] == numbers["series"]["imagenet"]["n"] == 52
    assert numbers["dataset"] == json.loads(counts.reset_index().to_json(orient="records"))
    assert numbers["validation"]["n"] == 30 and numbers["validation"]["median_abs_log10_ratio"] <= 0.15
    assert numbers["validation"]["n_epoch"] == 30 and numbers["validation"]["median_abs_log10_ratio_epoch"] <= 0.15

    # A second run does nothing.
    assert planned_jobs(workdir) == {}

    # Editing one sheet reruns that benchmark's chain and the joint stages, nothing of the other benchmarks.
    sheet = workdir / "config/sheets/conll.tsv"
    sheet.write_text(sheet.read_text().replace("\t91.2\t", "\t91.3\t"))
    jobs = planned_jobs(workdir)
    assert jobs["fetch_pdfs"] == 1 and jobs["normalise_burden"] == 1 and jobs["extract_sentences"] == 1
    assert jobs["plot_series"] == 6 and jobs["fit_model"] == 4  # one per model variant

    # The report opens offline in headless Chromium and embeds every figure.
    snakemake(workdir, "--report", "results/report.html")
    figures = sorted(p.name for folder in ("figures", "backtest") for p in (workdir / "results" / folder).glob("*.png"))
    assert len(figures) == 11 + 6  # the figures, and a back-test figure per series
    if shutil.which("chromium"):
        shots = workdir / "results/shots"
        result = subprocess.run(
            [sys.executable, str(ROOT / "tools/screenshot_report.py"), "--report", str(workdir / "results/report.html"),
             "--out", str(shots)],
            capture_output=True, text=True, timeout=600,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        assert f"figures embedded in the report: {len(figures)}" in result.stdout
        assert sorted(p.name for p in shots.glob("*.png") if p.name != "report.png") == figures
        assert (shots / "report.png").stat().st_size > 10_000

    # Same seed, same numbers: rerun the fit and compare the tables byte for byte.
    before = {p: (workdir / p).read_bytes() for p in ("results/model/summary.tsv", "results/extrapolation/targets.tsv")}
    sheet.write_text(sheet.read_text().replace("\t91.3\t", "\t91.2\t"))
    snakemake(workdir, "--forcerun", "fit_model", "extrapolate")
    snakemake(workdir)
    for path, content in before.items():
        assert (workdir / path).read_bytes() == content, path
    assert planned_jobs(workdir) == {}


@pytest.mark.slow
def test_failed_variant_is_reported_and_the_run_completes(workdir):
    """A variant other than model.main that fails its gates (here an impossible gate, on the .test/ data) is
    retried once, then reported as failed: loo.tsv lists it unranked with the failure, the extrapolation and
    numbers.json say so, and the run goes on to the report. `download=false` is given as users type it."""
    shutil.copytree(ROOT / ".test", workdir / ".test", ignore=shutil.ignore_patterns("results", "logs", ".snakemake"))
    override = workdir / "fail.yaml"
    override.write_text("gates:\n  variants:\n    polynomial_year: {min_ess_bulk: 1.0e+9}\n")
    args = ["--directory", ".test", "--configfile", str(override), "--config", "download=false"]
    snakemake(workdir, *args)
    snakemake(workdir, *args, "--report", "results/report.html")
    results = workdir / ".test/results"
    loo = pd.read_csv(results / "model/loo.tsv", sep="\t").set_index("model")
    assert loo.loc["polynomial", "status"] == "passed" and loo.loc["polynomial", "rank"] == 0
    failed = loo.loc["polynomial_year"]
    assert failed["status"].startswith("failed gates: ") and "bulk ESS" in failed["status"]
    assert pd.isna(failed["rank"]) and pd.isna(failed["elpd"])
    diagnostics = pd.read_csv(results / "model/diagnostics.tsv", sep="\t").set_index("model")
    assert diagnostics.loc["polynomial_year", "attempts"] == 2 and diagnostics.loc["polynomial", "attempts"] == 1
    assert diagnostics.loc["polynomial_year", "target_accept"] == 0.99  # the retry's settings
    summary = pd.read_csv(results / "model/summary.tsv", sep="\t")
    assert (summary[summary["model"] == "polynomial_year"]["status"] == failed["status"]).all()
    targets = pd.read_csv(results / "extrapolation/targets.tsv", sep="\t")
    year_rows = targets[targets["model"] == "polynomial_year"]
    assert year_rows["status"].str.startswith("not extrapolated").all() and year_rows["flop_q50"].isna().all()
    numbers = json.loads((results / "numbers.json").read_text())
    assert numbers["failed_variants"] == ["polynomial_year"]
    assert (results / "report.html").stat().st_size > 100_000


@pytest.mark.slow
def test_run_over_real_pdfs_completes(workdir, tmp_path):
    """What a user with network gets: the PDFs of the development and sheet corpora in pdf_dir (download off, as
    typed on the command line), default sampling; the run completes and writes the report."""
    from .conftest import need_shared

    pdfs = tmp_path / "pdfs"
    pdfs.mkdir()
    for corpus in ("papers_dev", "papers_sheets"):
        for pdf in sorted(need_shared(corpus, "pdfs").glob("*.pdf")):
            (pdfs / pdf.name).symlink_to(pdf)
    args = ["--config", f"pdf_dir={pdfs}", "download=false"]
    snakemake(workdir, *args)
    snakemake(workdir, *args, "--report", "results/report.html")
    status = pd.read_csv(workdir / "results/extraction/status.tsv", sep="\t", dtype={"arxiv_id": str})
    assert (status["status"] == "ok").sum() >= 20  # papers read, not only listed
    papers = pd.read_csv(workdir / "results/burden/papers.tsv", sep="\t")
    assert (papers["extracted_flop"].notna()).sum() >= 10
    diagnostics = pd.read_csv(workdir / "results/model/diagnostics.tsv", sep="\t")
    assert set(diagnostics["model"]) == {"polynomial", "polynomial_year", "exponential", "saturating"}
    assert (workdir / "results/report.html").stat().st_size > 100_000
