"""Sheet loading: every problem names the file, line, model and column; good sheets load with numeric types."""

from __future__ import annotations

import datetime as dt

import pytest

from computelimits.sheets import (
    OPTIONAL_COLUMNS,
    REQUIRED_COLUMNS,
    SHEET_COLUMNS,
    SheetError,
    error_from_score,
    load_sheet,
)

from .conftest import ROOT, SHEET_SCHEMA, need_shared

HEADER = "\t".join(REQUIRED_COLUMNS)
GOOD = "AlexNet\t\t2012\t63.3\tGTX 580\t2\t132\t\t\tKrizhevsky et al. 2012"


def _write(tmp_path, *rows, header=HEADER):
    path = tmp_path / "sheet.tsv"
    path.write_text("\n".join([header, *rows]) + "\n")
    return path


def test_shipped_sheets_load():
    for path in sorted((ROOT / "config/sheets").glob("*.tsv")):
        frame = load_sheet(path, SHEET_SCHEMA, "", 100)
        assert len(frame) >= 13, path
        assert frame["score"].between(0, 100).all()
        assert (frame["source"] != "").all()


def test_optional_columns(tmp_path):
    """extra_data, ensemble and epoch_flop may be left out of a sheet (read as empty) or given in any order."""
    frame = load_sheet(_write(tmp_path, GOOD), SHEET_SCHEMA, "", 100)
    assert list(frame.columns) == ["line", *SHEET_COLUMNS]
    assert frame.loc[0, "extra_data"] == "" and frame.loc[0, "ensemble"] == ""
    assert frame["epoch_flop"].isna().all()
    header = HEADER + "\t" + "\t".join(OPTIONAL_COLUMNS)
    frame = load_sheet(_write(tmp_path, GOOD + "\tJFT-300M\tyes\t1.5e18", header=header), SHEET_SCHEMA, "", 100)
    assert frame.loc[0, "extra_data"] == "JFT-300M" and frame.loc[0, "ensemble"] == "yes"
    assert frame.loc[0, "epoch_flop"] == 1.5e18
    with pytest.raises(SheetError, match="column 'ensemble'"):
        load_sheet(_write(tmp_path, GOOD + "\t\tmaybe\t", header=header), SHEET_SCHEMA, "", 100)
    with pytest.raises(SheetError, match="column 'epoch_flop'"):
        load_sheet(_write(tmp_path, GOOD + "\t\t\t-1", header=header), SHEET_SCHEMA, "", 100)


def test_good_row_types(tmp_path):
    frame = load_sheet(_write(tmp_path, GOOD), SHEET_SCHEMA, "", 100)
    row = frame.iloc[0]
    assert row["model"] == "AlexNet" and row["count"] == 2.0 and row["hours"] == 132.0
    assert frame["flop"].isna().all()
    assert row["line"] == 2


@pytest.mark.parametrize(
    ("rows", "fragments"),
    [
        (
            ["AlexNet\t\t2012\tabc\t\t\t\t\t\tsrc"],
            ["line 2 (model 'AlexNet')", "column 'score'", "'abc' is not of type"],
        ),
        ([GOOD, GOOD], ["line 3 (model 'AlexNet')", "column 'model'", "duplicate of line 2"]),
        (["AlexNet\t\t2012\t163.3\t\t\t\t\t\tsrc"], ["column 'score'", "outside 0-100"]),
        ([f"AlexNet\t\t{dt.date.today().year + 2}\t63\t\t\t\t\t\tsrc"], ["column 'year'", "in the future"]),
        (["AlexNet\tnot-an-id\t2012\t63\t\t\t\t\t\tsrc"], ["column 'arxiv_id'", "does not match"]),
        (["AlexNet\t\t2012\t63\tK80\t0\t5\t\t\tsrc"], ["column 'count'", "less than or equal to the minimum"]),
        (["AlexNet\t\t2012\t63\t\t\t\t\t\t"], ["column 'source'", "required"]),
        (["AlexNet\t\t2012\t63\t\t\t-5\t\t\tsrc"], ["column 'hours'"]),
    ],
)
def test_bad_rows_are_named(tmp_path, rows, fragments):
    path = _write(tmp_path, *rows)
    with pytest.raises(SheetError) as caught:
        load_sheet(path, SHEET_SCHEMA, "imagenet", 100)
    message = str(caught.value)
    assert str(path) in message and "benchmark 'imagenet'" in message
    for fragment in fragments:
        assert fragment in message


def test_missing_and_unknown_columns(tmp_path):
    header = HEADER.replace("\tsource", "")
    with pytest.raises(SheetError, match=r"missing column\(s\) 'source'"):
        load_sheet(_write(tmp_path, GOOD.rsplit("\t", 1)[0], header=header), SHEET_SCHEMA, "", 100)
    with pytest.raises(SheetError, match=r"unknown column\(s\) 'notes'"):
        load_sheet(_write(tmp_path, GOOD + "\tx", header=HEADER + "\tnotes"), SHEET_SCHEMA, "", 100)


def test_missing_file(tmp_path):
    with pytest.raises(SheetError, match="sheet file not found"):
        load_sheet(tmp_path / "nope.tsv", SHEET_SCHEMA, "coco", 100)


def test_error_from_score():
    assert error_from_score(63.3, True, 100) == pytest.approx(0.367)
    assert error_from_score(41.8, True, 100) == pytest.approx(0.582)
    assert error_from_score(5.0, False, 100) == pytest.approx(0.05)


def test_shipped_sheets_rebuild_from_reference_data(tmp_path):
    """tools/build_sheets.py rebuilds the committed sheets byte for byte from ../shared/data: every fact in them
    is traceable to the reference files (and to the pipeline's own extraction of the development PDFs)."""
    import subprocess
    import sys

    shared = need_shared()
    result = subprocess.run(
        [sys.executable, str(ROOT / "tools/build_sheets.py"), "--shared", str(shared), "--out", str(tmp_path)],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    for sheet in sorted((ROOT / "config/sheets").glob("*.tsv")):
        assert (tmp_path / sheet.name).read_bytes() == sheet.read_bytes(), f"{sheet.name} differs from a rebuild"
    sheets = sorted((ROOT / "config/sheets").glob("*.tsv"))
    every_row_cites = [line.split("\t")[-1] for sheet in sheets for line in sheet.read_text().splitlines()[1:]]
    assert all(source.strip() for source in every_row_cites)
