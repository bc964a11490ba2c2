"""The console command: --version, --help, `parse` and `extract` TSV output."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pandas as pd

from computelimits import __version__

from .conftest import need_shared

CLI = str(Path(sys.executable).with_name("computelimits"))


def run(*args, stdin=None):
    return subprocess.run([CLI, *args], capture_output=True, text=True, input=stdin, timeout=120)


def test_version_and_help():
    assert run("--version").stdout.strip() == f"computelimits {__version__}"
    help_text = run("--help").stdout
    assert "parse" in help_text and "extract" in help_text


def test_parse_tsv(tmp_path):
    result = run("parse", "Training took 3.5 days on 8 P100 GPUs.", "Nothing to see here.")
    lines = result.stdout.splitlines()
    assert lines[0].split("\t")[:6] == ["sentence", "hardware", "count", "hours", "chip_hours", "flop"]
    first = lines[1].split("\t")
    assert first[:6] == ["Training took 3.5 days on 8 P100 GPUs.", "P100", "8", "84", "672", "2.30453e+19"]
    assert lines[2].split("\t")[0] == "Nothing to see here." and set(lines[2].split("\t")[1:]) == {""}
    sentences = tmp_path / "s.txt"
    sentences.write_text("We trained on 60 NVIDIA K80 GPUs for 3 days.\n\n")
    epoch = run("parse", "--convention", "epoch", "--file", str(sentences)).stdout.splitlines()
    assert len(epoch) == 2 and epoch[1].split("\t")[1] == "K80"


def test_parse_strict_skips_bibliography_entries():
    """`parse --strict` reads sentences as the PDF reader does: a bibliography entry whose title names a time is no
    statement; without --strict each sentence given is taken as one."""
    entry = (
        "Geiping, J., Goldstein, T.: Cramming: Training a language model on a single GPU in one day. arXiv:2212.14034"
    )
    strict = pd.read_csv(io.StringIO(run("parse", "--strict", entry).stdout), sep="\t")
    assert len(strict) == 1 and strict["hours"].isna().all()
    loose = pd.read_csv(io.StringIO(run("parse", entry).stdout), sep="\t")
    assert loose["hours"].tolist() == [24]


def test_extract_reports_unreadable_and_goes_on(tmp_path):
    bad = tmp_path / "bad.pdf"
    bad.write_bytes(b"")
    good = need_shared("papers_dev", "pdfs", "1706.03762v5.pdf")
    result = run("extract", str(bad), str(good), "--jobs", "2")
    assert result.returncode == 0
    assert f"{bad}: unreadable" in result.stderr
    # the columns of the pipeline's results/extraction/statements.tsv, in its dialect
    rows = pd.read_csv(io.StringIO(result.stdout), sep="\t", dtype={"arxiv_id": str})
    assert list(rows.columns[:10]) == ["arxiv_id", "pdf", "page", "section", "sentence", "hardware", "count",
                                       "hours", "chip_hours", "flop"]  # fmt: skip
    assert {"role", "dataset", "flop_thompson", "flop_epoch"} <= set(rows.columns)
    ok = rows[(rows["pdf"] == str(good)) & (rows["hardware"] == "P100") & (rows["hours"] == 84)]
    assert len(ok) and (ok["arxiv_id"] == "1706.03762v5").all()
    assert run("extract", str(bad)).returncode == 1
