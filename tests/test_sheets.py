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
    for path in sorted((ROOT / "config/sheets").glob("**/*.tsv")):
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
    shipped = sorted(p.relative_to(ROOT / "config/sheets") for p in (ROOT / "config/sheets").glob("**/*.tsv"))
    assert shipped == sorted(p.relative_to(tmp_path) for p in tmp_path.glob("**/*.tsv"))
    assert len(shipped) == 18  # default, full and thompson_v1 sheets of six series
    for name in shipped:
        assert (tmp_path / name).read_bytes() == (ROOT / "config/sheets" / name).read_bytes(), f"{name} differs"
    sheets = [ROOT / "config/sheets" / name for name in shipped]
    every_row_cites = [line.split("\t")[-1] for sheet in sheets for line in sheet.read_text().splitlines()[1:]]
    assert all(source.strip() for source in every_row_cites)


def _sheet(name: str):
    return load_sheet(ROOT / "config/sheets" / name, SHEET_SCHEMA, "", 100).set_index("model")


def test_shipped_sheets_sources_kept_apart():
    """The default sheets are a selection of the full ones (same rows, same facts); the thompson_v1 sheets are the
    chart's 101 points alone; Epoch AI's estimates sit in epoch_flop, never in flop; every curated fact, given
    value and estimate is cited in the row's source."""
    v1_rows = 0
    for series in ("imagenet", "coco", "squad", "conll", "wmt14_en_fr", "wmt14_en_de"):
        default, full, v1 = _sheet(f"{series}.tsv"), _sheet(f"full/{series}.tsv"), _sheet(f"thompson_v1/{series}.tsv")
        assert set(default.index) <= set(full.index)
        assert default.drop(columns="line").equals(full.loc[default.index].drop(columns="line"))
        assert v1["flop"].notna().all() and (v1["hardware"] == "").all()
        assert v1["source"].str.startswith("score and flop: Thompson et al. 2020 public chart points").all()
        v1_rows += len(v1)
        assert set(v1.index) <= set(default.index)
        with_hardware = default[default["hardware"] != ""]
        assert with_hardware["source"].str.contains("hardware: ").all()
        estimated = default[default["epoch_flop"].notna()]
        assert estimated["source"].str.contains("epoch_flop: Epoch AI models database").all()
        leaderboard_flop = default[default["flop"].notna() & ~default.index.isin(v1.index)]
        assert leaderboard_flop["source"].str.contains("Hardware Burden").all()
        assert default.loc[default["ensemble"] == "yes"].index.str.contains("(?i)ensemble|LSTM|AlexNet").all()
    assert v1_rows == 101


def test_shipped_sheet_facts():
    """A few facts checked by hand against the papers and Epoch AI's rows."""
    imagenet, squad = _sheet("imagenet.tsv"), _sheet("squad.tsv")
    assert imagenet.loc["EfficientNetV2-L", ["hardware", "count", "hours"]].tolist() == ["TPU v3", 16, 24]
    assert imagenet.loc["ViT-H/14", "chip_hours"] == 30000  # 2.5k TPUv3-core-days, 2 cores per chip
    assert imagenet.loc["EfficientNetV2-L (21k)", "extra_data"] == "ImageNet-21k"
    assert imagenet.loc["ResNet-152 (2015)", "arxiv_id"] == "1512.03385"  # Epoch's estimate on the ResNet paper's row
    assert imagenet.loc["Meta Pseudo Labels (EfficientNet-L2)", "flop"] == 9.504e22  # PwC '95040G'
    assert squad.loc["XLNet (single model)", ["count", "hours"]].tolist() == [512, 60]
    assert "p8: 'We train XLNet-Large on 512 TPU v3 chips" in squad.loc["XLNet (single model)", "source"]
