"""Config validation: a bad key or value stops the run before any job, naming the file and the key."""

from __future__ import annotations

import copy
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from computelimits.config import ConfigError, check_config, conventions_from_config

from .conftest import CONFIG_SCHEMA_PATH, ROOT

CONFIG = yaml.safe_load((ROOT / "config/config.yaml").read_text())
SNAKEMAKE = str(Path(sys.executable).with_name("snakemake"))


def _check(config):
    check_config(config, CONFIG_SCHEMA_PATH, source=["my.yaml"])


def test_shipped_config_is_valid():
    _check(CONFIG)


@pytest.mark.parametrize(
    ("edit", "expected"),
    [
        (lambda c: c.update(conventoin="epoch"), ["my.yaml", "unknown key 'conventoin'", "did you mean 'convention'"]),
        (lambda c: c.update(seed="abc"), ["key 'seed'", "not of type 'integer'"]),
        (lambda c: c.update(download="yes"), ["key 'download'", "not of type 'boolean'"]),
        (lambda c: c["benchmarks"]["coco"].pop("metric"), ["benchmarks.coco", "'metric' is a required property"]),
        (
            lambda c: c["benchmarks"]["coco"].update(higher_is_bettr=True),
            ["benchmarks.coco", "unknown key 'higher_is_bettr'", "did you mean 'higher_is_better'"],
        ),
        (lambda c: c["benchmarks"]["coco"].update(targets=["five"]), ["benchmarks.coco.targets.0", "not of type"]),
        (lambda c: c.update(convention="peak"), ["key 'convention'", "'peak' is not one of"]),
        (lambda c: c["benchmarks"].update({"Bad-Name": c["benchmarks"]["coco"]}), ["Bad-Name"]),
    ],
)
def test_bad_config_names_the_key(edit, expected):
    config = copy.deepcopy(CONFIG)
    edit(config)
    with pytest.raises(ConfigError) as caught:
        _check(config)
    for fragment in expected:
        assert fragment in str(caught.value)


def test_conventions_from_config_override():
    conventions = conventions_from_config(
        {"mine": {"precision": {"gpu": ["fp16", "fp32"]}, "utilisation": 0.5, "utilisation_range": [0.3, 0.7]}}
    )
    assert {"thompson", "epoch", "mine"} <= set(conventions.by_name)
    assert conventions.by_name["mine"].utilisation == 0.5
    assert conventions.by_name["mine"].utilisation_range == (0.3, 0.7)
    assert conventions.chosen == "thompson"  # the schema's default


def _dry_run(workdir: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [SNAKEMAKE, "-n", "--cores", "1", *extra], cwd=workdir, capture_output=True, text=True, timeout=120
    )


@pytest.mark.parametrize(
    ("mutate", "expected"),
    [
        ("seed: abc", ["config/config.yaml", "key 'seed'"]),
        ("sheed: 3", ["unknown key 'sheed'", "did you mean 'seed'"]),
    ],
)
def test_workflow_stops_before_any_job(workdir, mutate, expected):
    config_path = workdir / "config/config.yaml"
    text = config_path.read_text().replace("seed: 20200710", mutate)
    config_path.write_text(text)
    result = _dry_run(workdir)
    assert result.returncode != 0
    for fragment in expected:
        assert fragment in result.stderr + result.stdout
    assert not (workdir / "results").exists()


def test_workflow_names_missing_sheet_and_bad_cell(workdir):
    config_path = workdir / "config/config.yaml"
    config_path.write_text(config_path.read_text().replace("config/sheets/coco.tsv", "config/sheets/missing.tsv"))
    sheet = workdir / "config/sheets/squad.tsv"
    lines = sheet.read_text().splitlines()
    cells = lines[3].split("\t")
    cells[3] = "high"
    lines[3] = "\t".join(cells)
    sheet.write_text("\n".join(lines) + "\n")
    result = _dry_run(workdir)
    output = result.stderr + result.stdout
    assert result.returncode != 0
    assert "config/sheets/missing.tsv (benchmark 'coco'): sheet file not found" in output
    assert "config/sheets/squad.tsv line 4" in output
    assert "column 'score': 'high' is not of type 'number'" in output


def test_unwritable_results_folder_stops_before_any_job(workdir):
    import os
    import shutil

    results = workdir / "results"
    results.mkdir()
    results.chmod(0o555)
    locked_with_chattr = False
    if os.access(results, os.W_OK):  # root ignores modes: make the folder immutable instead
        if shutil.which("chattr") is None or subprocess.run(["chattr", "+i", str(results)]).returncode != 0:
            pytest.skip("cannot make a folder unwritable here (root without chattr)")
        locked_with_chattr = True
    try:
        result = _dry_run(workdir)
        assert result.returncode != 0
        assert f"{results}/ is not writable" in result.stderr + result.stdout
    finally:
        if locked_with_chattr:
            subprocess.run(["chattr", "-i", str(results)], check=True)
        results.chmod(0o755)


def test_slurm_profile_dry_run(workdir):
    pytest.importorskip("snakemake_executor_plugin_slurm", reason="snakemake-executor-plugin-slurm not installed")
    result = _dry_run(workdir, "--workflow-profile", "profiles/slurm")
    assert result.returncode == 0, result.stderr[-2000:]
    assert "fit_model" in result.stdout and "executor: slurm" not in result.stderr


def test_command_line_boolean_words_are_booleans():
    """`--config download=false` reaches the config as the string "false" (Snakemake reads only True/False)."""
    from computelimits.config import coerce_booleans

    schema = yaml.safe_load(CONFIG_SCHEMA_PATH.read_text())
    config = copy.deepcopy(CONFIG)
    config.update(download="false")
    config["benchmarks"]["coco"]["language_model"] = "Yes"
    coerce_booleans(config, schema)
    assert config["download"] is False and config["benchmarks"]["coco"]["language_model"] is True
    _check(config)
    config.update(download="maybe")
    coerce_booleans(config, schema)
    with pytest.raises(ConfigError, match="key 'download'"):
        _check(config)


def test_workflow_takes_download_false_from_the_command_line(workdir):
    result = _dry_run(workdir, "--config", "download=false")
    assert result.returncode == 0, result.stderr[-2000:]
