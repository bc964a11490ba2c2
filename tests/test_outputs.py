"""What a run writes: files readable as a plain open() would make them, and a convention added in config reaching
every table that carries FLOPs per convention."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
import yaml

from computelimits.atomic import atomic_path
from computelimits.tables import write_tsv

from .conftest import paper_pdf

SNAKEMAKE = str(Path(sys.executable).with_name("snakemake"))


@pytest.mark.parametrize(("umask", "mode"), [(0o022, 0o644), (0o077, 0o600), (0o002, 0o664)])
def test_atomic_writes_get_the_mode_of_a_plain_open(tmp_path, umask, mode):
    old = os.umask(umask)
    try:
        write_tsv(pd.DataFrame({"a": [1.5]}), tmp_path / "t.tsv")
        with open(tmp_path / "plain.txt", "w") as handle:
            handle.write("x")
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "t.tsv").stat().st_mode) == mode
    assert stat.S_IMODE((tmp_path / "plain.txt").stat().st_mode) == mode


def test_a_failed_write_leaves_nothing(tmp_path):
    with pytest.raises(RuntimeError), atomic_path(tmp_path / "out.tsv") as tmp:
        tmp.write_text("half")
        raise RuntimeError("killed")
    assert list(tmp_path.iterdir()) == []


def test_added_convention_reaches_papers_and_statements(workdir):
    """A convention added under `conventions:` gets its flop_<name> column in statements.tsv and papers.tsv (with
    the schema's thompson and epoch kept), and the run's files have mode 0644 under umask 022."""
    config_path = workdir / "config/config.yaml"
    config = yaml.safe_load(config_path.read_text())
    thompson_precision = {"gpu": ["fp32_thompson", "fp32"], "tpu": ["tensor"], "cpu": ["fp32"]}
    config["conventions"] = {"half": {"precision": thompson_precision, "utilisation": 0.5}}
    config["download"] = False
    config_path.write_text(yaml.safe_dump(config, sort_keys=False))
    pdfs = workdir / "resources/pdfs"
    pdfs.mkdir(parents=True)
    paper_pdf(pdfs / "1706.03762.pdf")
    targets = ["results/extraction/statements.tsv", "results/burden/papers.tsv"]
    result = subprocess.run(
        [SNAKEMAKE, "--cores", "2", *targets], cwd=workdir, capture_output=True, text=True, timeout=600,
        preexec_fn=lambda: os.umask(0o022),
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-3000:]
    statements = pd.read_csv(workdir / targets[0], sep="\t", dtype={"arxiv_id": str})
    papers = pd.read_csv(workdir / targets[1], sep="\t", dtype={"arxiv_id": str})
    for table in (statements, papers):
        assert {"flop_thompson", "flop_epoch", "flop_half"} <= set(table.columns)
    run = statements[(statements["hardware"] == "P100") & (statements["hours"] == 84)].iloc[0]
    assert run["flop_half"] == pytest.approx(0.5 * run["flop_thompson"], rel=1e-5)
    curated = papers[papers["flop_thompson"].notna()]
    assert len(curated) and (curated["flop_half"] / curated["flop_thompson"]).round(5).eq(0.5).all()
    for path in targets:
        assert stat.S_IMODE((workdir / path).stat().st_mode) == 0o644, path
