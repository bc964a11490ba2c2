"""Shared fixtures: paths of the repository, the reference data beside it, the hardware table."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml

from computelimits.hardware import DEFAULT_CONVENTIONS, load_table

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "data"
SHEET_SCHEMA = yaml.safe_load((ROOT / "workflow/schemas/sheet.schema.yaml").read_text())
CONFIG_SCHEMA_PATH = ROOT / "workflow/schemas/config.schema.yaml"


def need_shared(*parts: str) -> Path:
    """The path under ../shared/data, or skip the test with the reason when it is absent."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"reference data {path} is absent (../shared is not beside this checkout)")
    return path


@pytest.fixture(scope="session")
def table():
    return load_table(ROOT / "resources/hardware.tsv")


@pytest.fixture(scope="session")
def thompson():
    return DEFAULT_CONVENTIONS["thompson"]


@pytest.fixture(scope="session")
def epoch():
    return DEFAULT_CONVENTIONS["epoch"]


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A copy of the workflow (no results) to run Snakemake in, so tests never touch the checkout's results/."""
    for name in ("Snakefile", "workflow", "config", "resources", "profiles", "src", "envs", "pyproject.toml"):
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name, ignore=shutil.ignore_patterns("pdfs", "__pycache__"))
        else:
            shutil.copy2(source, tmp_path / name)
    return tmp_path
