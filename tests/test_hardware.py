"""The shipped hardware table and processor matching."""

from __future__ import annotations

import pytest

from computelimits.hardware import HardwareError, load_table, peak_flops

from .conftest import ROOT

REQUIRED = [
    "GTX 580", "GTX 1080 Ti", "RTX 4090", "K20", "K40", "K80", "M40", "P40", "P100", "P100 SXM2", "V100",
    "V100 PCIe", "T4", "A10", "A100", "A100 80GB", "H100", "H100 PCIe", "H800", "A800", "MI50", "MI250X",
    "TPU v1", "TPU v2", "TPU v3", "TPU v4", "TPU v5e", "TPU v5p", "CPU core",
]  # fmt: skip


def test_table_is_complete_and_sourced(table):
    assert len(table) >= 60
    names = {p.name for p in table.processors}
    assert set(REQUIRED) <= names
    for proc in table.processors:
        assert proc.source, proc.name
        assert table.match(proc.name) is proc, proc.name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("NVIDIA Tesla V100-SXM2-32GB", "V100"),
        ("Tesla V100 PCIe", "V100 PCIe"),
        ("GeForce GTX 1080 Ti", "GTX 1080 Ti"),
        ("Titan Xp", "Titan Xp"),
        ("NVIDIA A100 80GB", "A100 80GB"),
        ("Google TPU v3", "TPU v3"),
        ("TPUv4", "TPU v4"),
        ("P100-SXM2", "P100 SXM2"),
        ("K80", "K80"),
    ],
)
def test_matching(table, text, name):
    assert table.match(text).name == name


def test_units_and_conventions(table, thompson, epoch):
    k80 = table.get("K80")
    assert k80.unit.startswith("board")
    assert peak_flops(k80, thompson) == (5.6e12, "fp32_thompson")
    assert peak_flops(table.get("TPU v2"), thompson) == (4.5e13, "tensor")
    assert peak_flops(table.get("V100"), epoch)[1] == "tensor"
    assert peak_flops(table.get("P100"), epoch) == (9.526e12, "fp32")
    assert table.get("TPU v3").cores_per_chip == 2 and table.get("TPU v3").chips_per_device == 4
    assert peak_flops(table.get("TPU v1"), thompson) is None


def test_bad_table_is_named(tmp_path):
    text = (ROOT / "resources/hardware.tsv").read_text().splitlines()
    cells = text[3].split("\t")
    cells[6] = "fast"
    bad = tmp_path / "hw.tsv"
    bad.write_text("\n".join([text[0], text[1], text[2], "\t".join(cells)]) + "\n")
    with pytest.raises(HardwareError, match=r"hw.tsv row 4, column 'fp32': 'fast' is not a number"):
        load_table(bad)
