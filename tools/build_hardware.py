"""Build resources/hardware.tsv, the project's own hardware table, from reference data in ../shared/data.

Run by a maintainer: `python tools/build_hardware.py [--shared ../shared/data]`. Peak figures come from Epoch AI's
ML hardware data (CC BY 4.0) unless a row overrides them; every row names the source of its figures. The reference
files themselves are never copied into the repository.

Units: peak FLOP/s are per `unit` (a chip, except the K80 board = 2 GK210 GPUs and the generic CPU core).
`fp32_thompson` holds the figure Thompson et al. used where it differs from the vendor boost-clock peak.
"""

from __future__ import annotations

import argparse
import csv
import math
from pathlib import Path

ML_HARDWARE = "epoch_ml_hardware/ml_hardware_2026-07.csv"
CHIP_GRID = "epoch_ml_hardware/chip_dataset_grid_view_2025-06-20.csv"
EPOCH_CITE = {ML_HARDWARE: "Epoch AI ML hardware 2026-07", CHIP_GRID: "Epoch AI chip dataset 2025-06-20"}
PEAK_COLUMNS = {
    "fp32": "FP32 (single precision) performance (FLOP/s)",
    "fp16": "FP16 (half precision) performance (FLOP/s)",
    "tf32": "TF32 (TensorFloat-32) performance (FLOP/s)",
    "tensor": "Tensor-FP16/BF16 performance (FLOP/s)",
}
COLUMNS = [
    "name",
    "aliases",
    "vendor",
    "kind",
    "year",
    "unit",
    "fp32",
    "fp32_thompson",
    "fp16",
    "tf32",
    "tensor",
    "cores_per_chip",
    "chips_per_device",
    "chips_per_pod",
    "tdp_w",
    "holds",
    "source",
]


def _box(name: str, aliases: str, holds: str, chips: int, year: str, vendor: str, note: str) -> tuple:
    """The SPECS entry of a box: `chips` of the processor it `holds`, no peaks of its own."""
    extra = {"unit": "box", "holds": holds, "chips_per_device": chips, "year": year, "vendor": vendor, "note": note}
    return (name, aliases, None, "gpu", extra)


# (canonical name, aliases as regexes on normalised text, Epoch hardware name, kind, extra fields)
SPECS: list[tuple[str, str, str | None, str, dict]] = [
    ("GTX 285", r"gtx ?285", "NVIDIA GeForce GTX 285", "gpu", {}),
    ("GTX 480", r"gtx ?480", "NVIDIA GeForce GTX 480", "gpu", {}),
    ("GTX 580", r"gtx ?580", "NVIDIA GeForce GTX 580", "gpu", {}),
    ("GTX 680", r"gtx ?680", "NVIDIA GeForce GTX 680", "gpu", {}),
    ("GTX 770", r"gtx ?770", "NVIDIA GeForce GTX 770", "gpu", {}),
    ("GTX 780", r"gtx ?780", "NVIDIA GeForce GTX 780", "gpu", {}),
    ("GTX Titan", r"(gtx ?)?titan( kepler)?", "NVIDIA GeForce GTX TITAN", "gpu", {}),
    ("GTX Titan Black", r"(gtx ?)?titan black", "NVIDIA GeForce GTX Titan Black", "gpu", {}),
    ("GTX 980", r"gtx ?980", "NVIDIA GeForce GTX 980", "gpu", {}),
    ("GTX Titan X", r"(gtx ?)?titan ?x( maxwell)?", "NVIDIA GeForce GTX TITAN X", "gpu", {}),
    ("GTX 1070", r"gtx ?1070", "NVIDIA GeForce GTX 1070", "gpu", {}),
    ("GTX 1080", r"gtx ?1080", "NVIDIA GeForce GTX 1080", "gpu", {}),
    ("GTX 1080 Ti", r"(gtx ?)?1080 ?ti", "NVIDIA GeForce GTX 1080 Ti", "gpu", {}),
    ("Titan Xp", r"titan ?xp", "NVIDIA TITAN Xp", "gpu", {}),
    ("Titan V", r"titan ?v", "NVIDIA Titan V", "gpu", {}),
    ("Titan RTX", r"titan ?rtx", "NVIDIA TITAN RTX", "gpu", {}),
    ("RTX 2080", r"rtx ?2080", "NVIDIA GeForce RTX 2080", "gpu", {}),
    ("RTX 2080 Ti", r"(rtx ?)?2080 ?ti", "NVIDIA GeForce RTX 2080 Ti 11GB", "gpu", {}),
    ("RTX 3080", r"rtx ?3080", "NVIDIA GeForce RTX 3080", "gpu", {}),
    ("RTX 3090", r"rtx ?3090", "NVIDIA GeForce RTX 3090", "gpu", {}),
    ("RTX 3090 Ti", r"(rtx ?)?3090 ?ti", "NVIDIA GeForce RTX 3090 Ti", "gpu", {}),
    ("RTX 4080", r"rtx ?4080", "NVIDIA GeForce RTX 4080", "gpu", {}),
    ("RTX 4090", r"rtx ?4090", "NVIDIA GeForce RTX 4090", "gpu", {}),
    ("Quadro K6000", r"(quadro )?k6000", "NVIDIA Quadro K6000", "gpu", {}),
    ("Quadro P6000", r"(quadro )?p6000", "NVIDIA Quadro P6000", "gpu", {}),
    ("Quadro RTX 6000", r"quadro rtx ?6000", "NVIDIA Quadro RTX 6000", "gpu", {}),
    ("Quadro RTX 8000", r"(quadro )?rtx ?8000", "NVIDIA Quadro RTX 8000", "gpu", {}),
    ("RTX A6000", r"(rtx ?)?a6000", "NVIDIA RTX A6000", "gpu", {}),
    ("RTX A5000", r"(rtx ?)?a5000", "NVIDIA RTX A5000", "gpu", {}),
    ("RTX A4000", r"(rtx ?)?a4000", "NVIDIA RTX A4000", "gpu", {}),
    ("Tesla C2050", r"c20[57]0", "NVIDIA Tesla C2050", "gpu", {}),
    ("Tesla C2075", r"c2075", "NVIDIA Tesla C2075", "gpu", {}),
    ("Quadro GP100", r"(quadro )?gp100", "NVIDIA Quadro GP100", "gpu", {}),
    ("Quadro P600", r"(quadro )?p600", "NVIDIA Quadro P600", "gpu", {}),
    ("Quadro RTX 4000", r"quadro rtx ?4000", "NVIDIA Quadro RTX 4000", "gpu", {}),
    ("Quadro RTX 5000", r"quadro rtx ?5000", "NVIDIA Quadro RTX 5000", "gpu", {}),
    ("GRID K520", r"(grid )?k520", "NVIDIA GRID K520", "gpu", {}),
    ("K20", r"k20[cm]?", "NVIDIA Tesla K20c", "gpu", {}),
    ("K20X", r"k20xm?", "NVIDIA Tesla K20X", "gpu", {}),
    ("K40", r"k40[cmst]?", "NVIDIA Tesla K40c", "gpu", {}),
    (
        "K80",
        r"k80",
        "NVIDIA Tesla K80",
        "gpu",
        {
            "unit": "board (2 GK210 GPUs)",
            "fp32_thompson": 5.6e12,
            "note": "fp32_thompson: NVIDIA base-clock board peak 5.6 TFLOP/s as used by Thompson et al. "
            "(SCIENCE.md Xception check: 60 x K80 x 3 days = 8.71e19)",
        },
    ),
    ("M40", r"m40", "NVIDIA M40", "gpu", {}),
    ("M60", r"m60", "NVIDIA TESLA M60", "gpu", {"unit": "board (2 GM204 GPUs)"}),
    ("P4", r"p4", "NVIDIA Tesla P4", "gpu", {}),
    ("P40", r"p40", "NVIDIA P40", "gpu", {}),
    ("P100", r"p100( pcie)?( 1[26] ?gb)?", "NVIDIA Tesla P100 PCIe 16GB", "gpu", {}),
    ("P100 SXM2", r"p100 (sxm2?|nvlink)", "NVIDIA Tesla P100 SXM2", "gpu", {}),
    ("V100", r"v100( sxm[23]?| dgxs)?( (16|32) ?gb)?", "NVIDIA Tesla V100 SXM2", "gpu", {}),
    ("V100 PCIe", r"v100 pcie( (16|32) ?gb)?", "NVIDIA Tesla V100 PCIe 16 GB", "gpu", {}),
    ("V100S PCIe", r"v100s (pcie|32 ?gb)", "NVIDIA Tesla V100S PCIe 32 GB", "gpu", {}),
    ("T4", r"t4", "NVIDIA Tesla T4", "gpu", {}),
    ("A10", r"a10( pcie)?", "NVIDIA A10 PCIe", "gpu", {}),
    ("A10G", r"a10g", "NVIDIA A10G", "gpu", {}),
    ("A30", r"a30( pcie)?", "NVIDIA A30 PCIe", "gpu", {}),
    ("A40", r"a40", "NVIDIA A40 PCIe", "gpu", {}),
    ("A100", r"a100( sxm4?)?( 40 ?gb)?", "NVIDIA A100 SXM4 40 GB", "gpu", {}),
    ("A100 80GB", r"a100( sxm4?)? 80 ?gb", "NVIDIA A100 SXM4 80 GB", "gpu", {}),
    ("A100 PCIe", r"a100 pcie( (40|80) ?gb)?", "NVIDIA A100 PCIe", "gpu", {}),
    ("A800", r"a800( sxm4?)?", "NVIDIA A800 SXM", "gpu", {}),
    ("A800 PCIe", r"a800 pcie( (40|80) ?gb)?", "NVIDIA A800 PCIe 80 GB", "gpu", {}),
    ("L4", r"l4", "NVIDIA L4", "gpu", {}),
    ("L40", r"l40s?", "NVIDIA L40", "gpu", {}),
    ("H100", r"h100( sxm5?)?( 80 ?gb)?", "NVIDIA H100 SXM5 80GB", "gpu", {}),
    ("H100 PCIe", r"h100 pcie", "NVIDIA H100 PCIe", "gpu", {}),
    ("H100 NVL", r"h100 nvl", "NVIDIA H100 NVL", "gpu", {}),
    ("H800", r"h800( sxm5?)?", "NVIDIA H800 SXM5", "gpu", {}),
    ("H200", r"h200( sxm)?", "NVIDIA H200 SXM", "gpu", {}),
    ("GH200", r"gh200", "NVIDIA GH200", "gpu", {}),
    ("B200", r"b200", "NVIDIA B200", "gpu", {}),
    ("MI50", r"mi ?50", "AMD Radeon Instinct MI50", "gpu", {}),
    ("MI60", r"mi ?60", "AMD Radeon Instinct MI60", "gpu", {}),
    ("MI100", r"mi ?100", "AMD Radeon Instinct MI100", "gpu", {}),
    ("MI250", r"mi ?250", "AMD Radeon Instinct MI250", "gpu", {}),
    ("MI250X", r"mi ?250x", "AMD Radeon Instinct MI250X", "gpu", {}),
    ("MI300X", r"mi ?300x?", "AMD Instinct MI300X", "gpu", {}),
    ("Gaudi2", r"(habana )?gaudi ?2", "Intel Habana Gaudi2", "accelerator", {}),
    ("Ascend 910", r"(huawei )?ascend ?910a?", "Huawei Ascend 910", "accelerator", {}),
    ("Trainium1", r"(amazon )?trainium ?1?|trn1", "Amazon Trainium1", "accelerator", {}),
    ("Cerebras CS-2", r"cerebras( cs 2)?|cs 2 wafer", "Cerebras CS-2", "accelerator", {"unit": "system (one WSE-2)"}),
    (
        "TPU v1",
        r"tpu ?v1",
        None,
        "tpu",
        {
            "year": 2015,
            "tdp_w": 75,
            "cores_per_chip": 1,
            "note": "Jouppi et al. 2017 (arXiv 1704.04760): 92 TOPS int8, inference only; no floating-point "
            "peak, so FLOPs stay empty",
        },
    ),
    (
        "TPU v2",
        r"tpus? ?v2|v2 tpus?|tpu ?2",
        "Google TPU v2",
        "tpu",
        {
            "tensor": 4.5e13,
            "cores_per_chip": 2,
            "chips_per_device": 4,
            "chips_per_pod": 256,
            "note": "tensor: Google Cloud TPU v2 device 180 TFLOP/s bf16 = 4 chips (SCIENCE.md); 2 cores/chip, "
            "pod 256 chips (Google Cloud TPU docs)",
        },
    ),
    (
        "TPU v3",
        r"tpus? ?v3|v3 tpus?|tpu ?3",
        "Google TPU v3",
        "tpu",
        {
            "cores_per_chip": 2,
            "chips_per_device": 4,
            "chips_per_pod": 1024,
            "note": "2 cores/chip, device (v3-8) 4 chips, pod 1024 chips (Google Cloud TPU docs)",
        },
    ),
    (
        "TPU v4",
        r"tpus? ?v4|v4 tpus?|tpu ?4",
        "Google TPU v4",
        "tpu",
        {
            "cores_per_chip": 2,
            "chips_per_device": 4,
            "chips_per_pod": 4096,
            "note": "2 TensorCores/chip, v4-8 = 4 chips, pod 4096 chips (Google Cloud TPU docs)",
        },
    ),
    ("TPU v4i", r"tpu ?v4i", "Google TPU v4i", "tpu", {"cores_per_chip": 1, "note": "inference chip, 1 core"}),
    (
        "TPU v5e",
        r"tpu ?v5 ?e|tpu ?v5 ?lite",
        "Google TPU v5e",
        "tpu",
        {
            "cores_per_chip": 1,
            "chips_per_device": 8,
            "chips_per_pod": 256,
            "note": "1 core/chip (Google Cloud)",
        },
    ),
    (
        "TPU v5p",
        r"tpu ?v5 ?p|tpu ?v5",
        "Google TPU v5p",
        "tpu",
        {
            "cores_per_chip": 2,
            "chips_per_device": 4,
            "chips_per_pod": 8960,
            "note": "2 cores/chip (Google Cloud)",
        },
    ),
    ("TPU v6e", r"tpu ?v6 ?e?|trillium", "Google TPU v6e Trillium", "tpu", {"cores_per_chip": 1}),
    (
        "CPU core",
        r"cpu cores?|cpus?|cores?",
        None,
        "cpu",
        {
            "unit": "core",
            "year": 2015,
            "fp32": 3.2e10,
            "note": "assumption, not a measured figure: 2 GHz x 16 FP32 FLOP/cycle (one AVX2 FMA unit); low confidence",
        },
    ),
    # Systems named as a whole: a box of `chips_per_device` chips of the processor it `holds` (unit "box"): DGX
    # systems, and cloud instance types ("a p3.16xlarge instance") of the GPUs the provider's page lists
    *(
        _box(name, aliases, holds, chips, year, vendor, note)
        for name, aliases, holds, chips, year, vendor, note in [
            (
                "DGX-1 P100",
                r"dgx[ -]?1 p100",
                "P100 SXM2",
                8,
                "2016",
                "NVIDIA",
                "NVIDIA DGX-1 datasheet (2016): 8 Tesla P100 SXM2",
            ),
            (
                "DGX-1",
                r"dgx[ -]?1",
                "V100",
                8,
                "2017",
                "NVIDIA",
                "NVIDIA DGX-1 with Tesla V100 datasheet (2017): 8 Tesla V100 SXM2",
            ),
            (
                "DGX-2",
                r"dgx[ -]?2h?",
                "V100",
                16,
                "2018",
                "NVIDIA",
                "NVIDIA DGX-2 datasheet (2018): 16 Tesla V100 SXM3 (DGX-2H: faster clocks)",
            ),
            ("DGX A100", r"dgx a100", "A100", 8, "2020", "NVIDIA", "NVIDIA DGX A100 datasheet (2020): 8 A100 SXM4"),
            ("DGX A800", r"dgx a800", "A800", 8, "2022", "NVIDIA", "NVIDIA DGX A800 datasheet (2022): 8 A800 SXM4"),
            ("DGX H100", r"dgx h100", "H100", 8, "2022", "NVIDIA", "NVIDIA DGX H100 datasheet (2022): 8 H100 SXM5"),
            (
                "AWS p3.2xlarge",
                r"p3\.2xlarge",
                "V100",
                1,
                "2017",
                "Amazon",
                "AWS EC2 P3 instance types (2017): p3.2xlarge, 1 Tesla V100 16 GB",
            ),
            (
                "AWS p3.8xlarge",
                r"p3\.8xlarge",
                "V100",
                4,
                "2017",
                "Amazon",
                "AWS EC2 P3 instance types (2017): p3.8xlarge, 4 Tesla V100 16 GB",
            ),
            (
                "AWS p3.16xlarge",
                r"p3\.16xlarge",
                "V100",
                8,
                "2017",
                "Amazon",
                "AWS EC2 P3 instance types (2017): p3.16xlarge, 8 Tesla V100 16 GB",
            ),
            (
                "AWS p3dn.24xlarge",
                r"p3dn\.24xlarge",
                "V100",
                8,
                "2018",
                "Amazon",
                "AWS EC2 P3 instance types (2018): p3dn.24xlarge, 8 Tesla V100 32 GB",
            ),
            (
                "AWS p4d.24xlarge",
                r"p4d\.24xlarge",
                "A100",
                8,
                "2020",
                "Amazon",
                "AWS EC2 P4 instance types (2020): p4d.24xlarge, 8 A100 40 GB",
            ),
            (
                "AWS p4de.24xlarge",
                r"p4de\.24xlarge",
                "A100 80GB",
                8,
                "2022",
                "Amazon",
                "AWS EC2 P4 instance types (2022): p4de.24xlarge, 8 A100 80 GB",
            ),
            (
                "AWS p5.48xlarge",
                r"p5\.48xlarge",
                "H100",
                8,
                "2023",
                "Amazon",
                "AWS EC2 P5 instance types (2023): p5.48xlarge, 8 H100 80 GB",
            ),
            (
                "GCP a2-highgpu-1g",
                r"a2[ -]highgpu[ -]1g",
                "A100",
                1,
                "2021",
                "Google",
                "Google Cloud A2 machine types (2021): a2-highgpu-1g, 1 A100 40 GB",
            ),
            (
                "GCP a2-highgpu-2g",
                r"a2[ -]highgpu[ -]2g",
                "A100",
                2,
                "2021",
                "Google",
                "Google Cloud A2 machine types (2021): a2-highgpu-2g, 2 A100 40 GB",
            ),
            (
                "GCP a2-highgpu-4g",
                r"a2[ -]highgpu[ -]4g",
                "A100",
                4,
                "2021",
                "Google",
                "Google Cloud A2 machine types (2021): a2-highgpu-4g, 4 A100 40 GB",
            ),
            (
                "GCP a2-highgpu-8g",
                r"a2[ -]highgpu[ -]8g",
                "A100",
                8,
                "2021",
                "Google",
                "Google Cloud A2 machine types (2021): a2-highgpu-8g, 8 A100 40 GB",
            ),
            (
                "GCP a2-megagpu-16g",
                r"a2[ -]megagpu[ -]16g",
                "A100",
                16,
                "2021",
                "Google",
                "Google Cloud A2 machine types (2021): a2-megagpu-16g, 16 A100 40 GB",
            ),
            (
                "GCP a2-ultragpu-8g",
                r"a2[ -]ultragpu[ -]8g",
                "A100 80GB",
                8,
                "2022",
                "Google",
                "Google Cloud A2 machine types (2022): a2-ultragpu-8g, 8 A100 80 GB",
            ),
            (
                "GCP a3-highgpu-8g",
                r"a3[ -]highgpu[ -]8g",
                "H100",
                8,
                "2023",
                "Google",
                "Google Cloud A3 machine types (2023): a3-highgpu-8g, 8 H100 80 GB",
            ),
            (
                "Azure ND40rs v2",
                r"(standard_)?nd40rs[ _]v2",
                "V100",
                8,
                "2019",
                "Microsoft",
                "Azure NDv2-series (2019): Standard_ND40rs_v2, 8 Tesla V100 32 GB",
            ),
            (
                "Azure ND96asr v4",
                r"(standard_)?nd96asr[ _]v4",
                "A100",
                8,
                "2020",
                "Microsoft",
                "Azure ND A100 v4-series (2020): Standard_ND96asr_v4, 8 A100 40 GB",
            ),
        ]
    ),
]


def _read(path: Path) -> dict[str, dict[str, str]]:
    with open(path, newline="", encoding="utf-8-sig") as handle:  # the chip dataset starts with a BOM
        return {row["Hardware name"]: row for row in csv.DictReader(handle)}


def _number(text: str | None) -> float | None:
    try:
        value = float(text) if text not in (None, "") else math.nan
    except ValueError:
        return None
    return None if math.isnan(value) else value


def build(shared: Path) -> list[dict]:
    tables = {name: _read(shared / name) for name in (ML_HARDWARE, CHIP_GRID)}
    rows = []
    for name, aliases, epoch_name, kind, extra in SPECS:
        row = dict.fromkeys(COLUMNS, "")
        row.update(name=name, aliases=aliases, kind=kind, unit="chip")  # a box's extra sets its unit
        cites = []
        if epoch_name is not None:
            table_name = next((t for t, table in tables.items() if epoch_name in table), None)
            if table_name is None:
                raise SystemExit(f"{name}: Epoch name {epoch_name!r} not found in the reference files")
            record = tables[table_name][epoch_name]
            for column, source_column in PEAK_COLUMNS.items():
                value = _number(record.get(source_column))
                # Epoch lists Pascal consumer fp16 at 1/64 rate; a blank is more honest than a misleading peak.
                if value is not None and (
                    column != "fp16" or value >= 0.5 * (_number(record.get(PEAK_COLUMNS["fp32"])) or 0)
                ):
                    row[column] = f"{value:.6g}"
            row["tdp_w"] = _number(record.get("TDP (W)")) or ""
            row["vendor"] = record.get("Manufacturer", "")
            release = record.get("Release date") or ""
            row["year"] = release[:4]
            cites.append(f"{EPOCH_CITE[table_name]}, '{epoch_name}' (CC BY 4.0)")
        note = extra.get("note")
        for key, value in extra.items():
            if key != "note":
                row[key] = f"{value:.6g}" if isinstance(value, float) else value
        if kind == "tpu":
            row["vendor"] = "Google"
        if not row["vendor"]:
            row["vendor"] = {"cpu": "generic"}.get(kind, "")
        if note:
            cites.append(note)
        if row["cores_per_chip"] == "":
            row["cores_per_chip"] = 1
        if row["chips_per_device"] == "":
            row["chips_per_device"] = 1
        row["tdp_w"] = f"{float(row['tdp_w']):g}" if row["tdp_w"] != "" else ""
        row["source"] = "; ".join(cites)
        rows.append(row)
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("resources/hardware.tsv"))
    args = parser.parse_args()
    from computelimits.tables import write_records_tsv

    rows = build(args.shared)
    write_records_tsv(rows, COLUMNS, args.out)
    print(f"{args.out}: {len(rows)} processors")


if __name__ == "__main__":
    main()
