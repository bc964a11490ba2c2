"""Shared fixtures: paths of the repository, the reference data beside it, the hardware table."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from computelimits.hardware import DEFAULT_CONVENTIONS, load_table
from computelimits.workdir import copy_workflow

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
    return copy_workflow(ROOT, tmp_path)
