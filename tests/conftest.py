"""Shared fixtures: paths of the repository, the reference data beside it, the hardware table."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from computelimits.config import conventions_from_config
from computelimits.hardware import load_table
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


# The schema's conventions (thompson chosen), as the workflow builds them from a config without `conventions`.
CONVENTIONS = conventions_from_config(None, "thompson")


@pytest.fixture(scope="session")
def thompson():
    return CONVENTIONS.by_name["thompson"]


@pytest.fixture(scope="session")
def epoch():
    return CONVENTIONS.by_name["epoch"]


PAPER_SENTENCE = "Attention. We trained our models on one machine with 8 NVIDIA P100 GPUs for 3.5 days."


def paper_pdf(path: Path, text: str = PAPER_SENTENCE) -> Path:
    """A one-page PDF (fpdf2) holding `text`."""
    from fpdf import FPDF

    pdf = FPDF()
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 5, text)
    pdf.output(str(path))
    return path


@pytest.fixture
def workdir(tmp_path: Path) -> Path:
    """A copy of the workflow (no results) to run Snakemake in, so tests never touch the checkout's results/."""
    return copy_workflow(ROOT, tmp_path)
