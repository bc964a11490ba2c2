"""Writing tables: TSV with fixed float formatting, atomically (a killed job never leaves a half file)."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd

from .atomic import atomic_path

FLOAT_FORMAT = "%.6g"


def atomic_write_text(path: str | Path, text: str) -> None:
    with atomic_path(path) as tmp:
        tmp.write_text(text, encoding="utf-8", newline="")


def write_netcdf(tree, path: str | Path) -> None:
    """An xarray DataTree (ArviZ result) to NetCDF, atomically."""
    with atomic_path(path) as tmp:
        tree.to_netcdf(tmp)


def read_posteriors(variants: list[str], paths: list[str]) -> dict:
    """{variant: DataTree} of the fitted variants' NetCDF files, in config order."""
    import xarray as xr

    return {variant: xr.open_datatree(path) for variant, path in zip(variants, paths, strict=True)}


def format_tsv(frame: pd.DataFrame) -> str:
    """The one TSV dialect of every table the project writes (pipeline, CLI, tools): tab-separated, floats as
    %.6g, empty cells for missing values, fields with quotes, tabs or newlines quoted as CSV does; read_tsv and
    pandas.read_csv(sep="\t") read it back unchanged."""
    return frame.to_csv(sep="\t", index=False, float_format=FLOAT_FORMAT, lineterminator="\n")


def write_tsv(frame: pd.DataFrame, path: str | Path) -> None:
    atomic_write_text(path, format_tsv(frame))


def write_records_tsv(records: list[dict], columns: list[str], path: str | Path) -> None:
    """Rows of text (sheets, the hardware table) in the same dialect, every value written as str() gives it."""
    text = [{c: "" if record.get(c) is None else str(record[c]) for c in columns} for record in records]
    write_tsv(pd.DataFrame(text, columns=columns, dtype=object), path)


# Text columns that look numeric and must stay text ("1311.2901" is an arXiv id, not 1311.29).
TEXT_COLUMNS = (
    "arxiv_id",
    "model",
    "hardware",
    "hardware_raw",
    "source",
    "sentence",
    "context",
    "pdf",
    "reason",
)


def read_tsv(path: str | Path) -> pd.DataFrame:
    """Read a table written by write_tsv: empty cells are missing values, text columns stay text."""
    frame = pd.read_csv(path, sep="\t", keep_default_na=False, na_values=[""], dtype={c: str for c in TEXT_COLUMNS})
    for column in TEXT_COLUMNS:
        if column in frame:
            frame[column] = frame[column].fillna("")
    return frame


def write_json(data, path: str | Path) -> None:
    atomic_write_text(path, json.dumps(data, indent=2, sort_keys=True, allow_nan=False) + "\n")
