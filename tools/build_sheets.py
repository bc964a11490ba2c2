"""Build the shipped benchmark sheets (config/sheets/*.tsv) from reference data in ../shared/data.

Run once by a maintainer: `python tools/build_sheets.py [--shared ../shared/data]`. The reference files are never
copied into the repository; only the facts (model, year, score, compute) go into the sheets, each row citing its source.

Sources used now:
- Thompson et al.'s public chart points (computerprogress.com data files, 2021-09): score and hardware burden,
  entered as `flop` (GFLOP x 1e9).
- Hardware, chip count and training time stated in the papers themselves for the check figures of
  ../shared/docs/SCIENCE.md (AlexNet, Transformer, Xception): entered as curated hardware/count/hours.
- arXiv ids: added by hand for well-known papers (left blank where not certain).
"""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

THOMPSON_FILE = "computerprogress_thompson/website_benchmark_points_2021-09.csv"
THOMPSON_SOURCE = "Thompson et al. 2020 public chart points (computerprogress.com data, 2021-09)"

SERIES = {
    "ImageNet": "imagenet",
    "MS COCO": "coco",
    "SQuAD 1.1": "squad",
    "CoNLL 2003": "conll",
    "WMT2014 En-Fr": "wmt14_en_fr",
    "WMT2014 En-De": "wmt14_en_de",
}

# Hand-checked arXiv ids (base id, no version) of papers behind the chart points.
ARXIV_IDS = {
    "AlexNet  7CNNs": "",
    "ZFNet(ensemble, 6 convnets)": "1311.2901",
    "VGG19": "1409.1556",
    "PReLUNet": "1502.01852",
    "Xception": "1610.02357",
    "ResNeXt101 (64 x 4d) img size 320x320 / 299x299": "1611.05431",
    "SENet": "1709.01507",
    "NASNetA (6@4032)": "1707.07012",
    "MnasNetA3": "1807.11626",
    "FixResNeXt101 32x48d": "1906.06423",
    "NoisyStudent(EfficientNetL2)": "1911.04252",
    "YOLOv3 + Darknet-53": "1804.02767",
    "RetinaNet (ResNeXt-101-FPN)": "1708.02002",
    "RetinaNet (ResNet-101-FPN)": "1708.02002",
    "Mask R-CNN (ResNeXt-101-FPN)": "1703.06870",
    "Mask R-CNN (ResNet-101-FPN)": "1703.06870",
    "BERT (ensemble)": "1810.04805",
    "BERT (single)": "1810.04805",
    "BERT Large": "1810.04805",
    "BERT Base": "1810.04805",
    "SpanBERT": "1907.10529",
    "BiDAF (ensemble)": "1611.01603",
    "BiDAF (single model)": "1611.01603",
    "Transformer Big": "1706.03762",
    "Transformer Base": "1706.03762",
    "GNMT+RL": "1609.08144",
    "MoE": "1701.06538",
    "ConvS2S  (ensemble)": "1705.03122",
    "RNN-search50*": "1409.0473",
    "Regularized LSTM": "1409.2329",
    "Ma and Hovy": "1603.01354",
}

# Hardware facts stated in the papers (SCIENCE.md check figures). Keyed by (series, model, year).
CURATED_HARDWARE = {
    ("imagenet", "AlexNet  7CNNs", 2012): (
        "GTX 580",
        2,
        132.0,
        "Krizhevsky et al. 2012, NeurIPS: 'five to six days on two GTX 580 3GB GPUs' (5.5 days)",
    ),
    ("imagenet", "Xception", 2017): (
        "K80",
        60,
        72.0,
        "Chollet 2017, arXiv 1610.02357: '60 NVIDIA K80 GPUs ... 3 days' (JFT: longer; ImageNet run)",
    ),
    ("wmt14_en_fr", "Transformer Big", 2017): (
        "P100",
        8,
        84.0,
        "Vaswani et al. 2017, arXiv 1706.03762 sec. 5.2: big models 300,000 steps (3.5 days) on 8 P100 GPUs",
    ),
    ("wmt14_en_de", "Transformer Big", 2017): (
        "P100",
        8,
        84.0,
        "Vaswani et al. 2017, arXiv 1706.03762 sec. 5.2: big models 300,000 steps (3.5 days) on 8 P100 GPUs",
    ),
    ("wmt14_en_fr", "Transformer Base", 2017): (
        "P100",
        8,
        12.0,
        "Vaswani et al. 2017, arXiv 1706.03762 sec. 5.2: base models 100,000 steps or 12 hours on 8 P100 GPUs",
    ),
    ("wmt14_en_de", "Transformer Base", 2017): (
        "P100",
        8,
        12.0,
        "Vaswani et al. 2017, arXiv 1706.03762 sec. 5.2: base models 100,000 steps or 12 hours on 8 P100 GPUs",
    ),
}

COLUMNS = ["model", "arxiv_id", "year", "score", "hardware", "count", "hours", "chip_hours", "flop", "source"]


def unique_name(name: str, year: int, seen: dict[str, int]) -> str:
    """The chart repeats some names (a later paper, or another setting): tell them apart by year, else a counter."""
    candidate = name
    if name in seen:
        candidate = f"{name} ({year})" if seen[name] != year else f"{name} (variant 2)"
    counter = 3
    while candidate in seen:
        candidate = f"{name} (variant {counter})"
        counter += 1
    seen[candidate] = year
    return candidate


def build(shared: Path, out_dir: Path) -> dict[str, int]:
    rows_by_series: dict[str, list[dict]] = {name: [] for name in SERIES.values()}
    seen: dict[str, dict[str, int]] = {name: {} for name in SERIES.values()}
    with open(shared / THOMPSON_FILE, newline="") as handle:
        for record in csv.DictReader(handle):
            series = SERIES[record["dataset"]]
            raw_name = " ".join(record["model"].split()) if record["model"] != "AlexNet  7CNNs" else "AlexNet"
            year = int(float(record["year"]))
            key = (series, record["model"], year)
            name = unique_name(raw_name, year, seen[series])
            row = {
                "model": name,
                # A renamed repeat is another paper or setting: its id is not known to be the same.
                "arxiv_id": ARXIV_IDS.get(record["model"], "") if name == raw_name else "",
                "year": year,
                # Chart accuracy is a fraction (BLEU/100): sheets hold percent or BLEU points.
                "score": round(float(record["accuracy"]) * 100, 4),
                "hardware": "",
                "count": "",
                "hours": "",
                "chip_hours": "",
                "flop": f"{float(record['hardware_burden']) * 1e9:.10g}",
                "source": THOMPSON_SOURCE,
            }
            if key in CURATED_HARDWARE:
                hardware, count, hours, citation = CURATED_HARDWARE[key]
                row.update(hardware=hardware, count=count, hours=hours)
                row["source"] = f"score and flop: {THOMPSON_SOURCE}; hardware: {citation}"
            rows_by_series[series].append(row)
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for series, rows in rows_by_series.items():
        rows.sort(key=lambda r: (r["year"], r["model"]))
        with open(out_dir / f"{series}.tsv", "w", newline="") as handle:
            writer = csv.DictWriter(handle, fieldnames=COLUMNS, delimiter="\t", lineterminator="\n")
            writer.writeheader()
            writer.writerows(rows)
        counts[series] = len(rows)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("config/sheets"))
    args = parser.parse_args()
    for series, count in build(args.shared, args.out).items():
        print(f"{series}\t{count} rows")


if __name__ == "__main__":
    main()
