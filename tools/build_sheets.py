"""Build the shipped benchmark sheets (config/sheets/*.tsv) from reference data in ../shared/data.

Run by a maintainer: `python tools/build_sheets.py [--shared ../shared/data]`. The reference files are never copied
into the repository; only facts (model, year, score, hardware, count, hours, compute) go into the sheets, each row
citing its sources. The build is deterministic: the same reference files give byte-identical sheets.

Sources, in the order they are applied:
1. Thompson et al.'s public chart points (computerprogress.com data, 2021-09): score and hardware burden, entered as
   `flop` (GFLOP x 1e9): the `given` compute.
2. Leaderboards for models the chart does not have (scores only; their compute comes from hardware facts below or,
   when the pipeline can read the paper's PDF, from its own extraction): NLP-progress (CoNLL-2003, WMT14), the SQuAD
   1.1 leaderboard and EFF's AI progress tables (Papers with Code sota-extractor), the Papers with Code ImageNet
   leaderboard copy of Nov 2019 (state of the art at the time).
3. Hardware, chip count and training time: Epoch AI's models database (hand-matched rows, listed in EPOCH_FACTS with
   the reason for each match), the pipeline's own extraction from the development PDFs (DEV_EXTRACTED), and the
   papers' sentences for SCIENCE.md's check figures (CURATED_HARDWARE).
A leaderboard row is the same model as a sheet row when both name the same arXiv id (or the same name) and their
scores differ by at most SAME_SCORE points; it is then not added again.
"""

from __future__ import annotations

import argparse
import csv
import re
import sys
from pathlib import Path

THOMPSON_FILE = "computerprogress_thompson/website_benchmark_points_2021-09.csv"
THOMPSON_SOURCE = "Thompson et al. 2020 public chart points (computerprogress.com data, 2021-09)"
EPOCH_FILE = "epoch_ai_models/epoch_models_union_key_columns.csv"
NLP_PROGRESS_FILE = "nlp_progress/nlp_progress_tables_2024-06.csv"
PWC_FLAT_FILE = "pwc_sota_extractor/benchmark_results_flat.csv"
IMAGENET_FILE = "pwc_imagenet_2019_agataf/imagenet_pwc_2019-11.csv"
IMAGENET_SOTA_FILE = "pwc_imagenet_2019_agataf/top_results_at_time_t.csv"
DEV_PDFS = "papers_dev/pdfs"

NLP_PROGRESS_SOURCE = "NLP-progress (S. Ruder, MIT licence), {file}, table '{section}', commit 379f03f (2024-06)"
SQUAD_SOURCE = "SQuAD 1.1 leaderboard, test F1 (Papers with Code sota-extractor squad.json, CC BY-SA 4.0)"
EFF_SOURCE = "EFF AI Progress Measurement, {dataset} (Papers with Code sota-extractor eff.json, CC BY-SA 4.0)"
IMAGENET_SOURCE = "Papers with Code ImageNet leaderboard, top-1, copy of Nov 2019 (agataf/AIindex; CC BY-SA 4.0)"
EPOCH_SOURCE = (
    "Epoch AI models database (CC BY 4.0), row '{model}': Training hardware, Hardware quantity, Training time"
)
EXTRACTED_SOURCE = "computelimits extraction from the paper's PDF (arXiv {arxiv}, page {page}): '{sentence}'"

SAME_SCORE = 0.6  # points: leaderboards round and re-report; a different setting of one paper differs by more
SERIES = {
    "ImageNet": "imagenet",
    "MS COCO": "coco",
    "SQuAD 1.1": "squad",
    "CoNLL 2003": "conll",
    "WMT2014 En-Fr": "wmt14_en_fr",
    "WMT2014 En-De": "wmt14_en_de",
}

# arXiv ids (base id, no version) of the papers behind the chart points: from the leaderboards' and Epoch AI's paper
# links for the same model and score, or hand-checked for well-known papers. Blank where not certain.
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
    "ReasoNet (ensemble)": "1609.05284",
    "ReasoNet (single model)": "1609.05284",
    "FusionNet (single model)": "1711.07341",
    "MEMEN(ensemble model)": "1707.09098",
    "MEMEN(singel model)": "1707.09098",
    "Ruminating Reader (single model)": "1704.07415",
    "SAN": "1712.03556",
    "SAN(single model)": "1712.03556",
    "smarnet (single model)": "1710.02772",
    "Transformer Big": "1706.03762",
    "Transformer Base": "1706.03762",
    "Transformer Big + BT": "1808.09381",
    "RNMT+": "1804.09849",
    "Deep-Att + PosUnk": "1606.04199",
    "GNMT+RL": "1609.08144",
    "MoE": "1701.06538",
    "ConvS2S  (ensemble)": "1705.03122",
    "RNN-search50*": "1409.0473",
    "Regularized LSTM": "1409.2329",
    "Ma and Hovy": "1603.01354",
    "LM-LSTM-CRF": "1709.04109",
    "CNN Large + fine-tune": "1903.07785",
}
# Chart names repeated for a later paper get a year suffix; their ids, by (series, sheet name).
RENAMED_IDS = {
    ("wmt14_en_de", "Transformer Big (2018)"): "1806.00187",
    ("wmt14_en_fr", "Transformer Big (2018)"): "1806.00187",
}
# Leaderboard rows without a paper link: ids from Epoch AI's link for the same model.
LEADERBOARD_IDS = {
    ("imagenet", "ZFNet"): "1311.2901",
    ("imagenet", "VGG-19"): "1409.1556",
    ("imagenet", "PReLU-Net"): "1502.01852",
    ("imagenet", "SPPNet"): "1406.4729",
    ("imagenet", "Inception V3"): "1512.00567",
    ("imagenet", "Inception ResNet V2"): "1602.07261",
    ("imagenet", "ResNeXt-101 64x4"): "1611.05431",
    ("imagenet", "PolyNet"): "1611.05725",
    ("imagenet", "PNASNet-5"): "1712.00559",
    ("imagenet", "AmoebaNet-A"): "1802.01548",
    ("imagenet", "ResNeXt-101 32x48d"): "1805.00932",
    ("imagenet", "FixResNeXt-101 32x48d"): "1906.06423",
    ("conll", "LUKE"): "2010.01057",
}
# Beyond the state-of-the-art-at-the-time list, ImageNet leaderboard rows that Epoch AI has hardware facts for.
IMAGENET_EXTRA = ["ResNeXt-101 32x48d", "AmoebaNet-A"]

# Hardware facts stated in the papers (SCIENCE.md check figures). Keyed by (series, chart model, year).
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
    **{
        (series, model, 2017): ("P100", 8, hours, f"Vaswani et al. 2017, arXiv 1706.03762 sec. 5.2: {what}")
        for series in ("wmt14_en_fr", "wmt14_en_de")
        for model, hours, what in [
            ("Transformer Big", 84.0, "big models 300,000 steps (3.5 days) on 8 P100 GPUs"),
            ("Transformer Base", 12.0, "base models 100,000 steps or 12 hours on 8 P100 GPUs"),
        ]
    },
}

# Epoch AI rows whose hardware facts describe the sheet model's training, by (series, sheet model name):
# (Epoch model, overrides of Epoch's columns, why the match holds or what the figures cover).
EPOCH_FACTS = {
    ("imagenet", "SPPNet"): (
        "SPPNet",
        {"count": 1},
        "count from the sentence Epoch quotes, 'trained on a single GeForce GTX Titan GPU ... within two to four "
        "weeks'; hours are Epoch's (four weeks)",
    ),
    ("imagenet", "AmoebaNet-A"): (
        "AmoebaNet-A (F=448)",
        {},
        "the architecture search: 'Each experiment ran on 450 K40 GPUs for 20k models (approx. 7 days)'",
    ),
    ("imagenet", "ResNeXt-101 32x48d"): ("ResNeXt-101 32x48d", {}, "Instagram pre-training, 336 GPUs, 19 GPU-years"),
    ("imagenet", "MnasNetA3"): (
        "MnasNet-A3",
        {"hardware": "TPU v2"},
        "the architecture search, '4.5 days on 64 TPUv2 devices' (4 chips each) as Epoch quotes it; Epoch's "
        "hardware column says TPU v3, the quoted sentence TPUv2",
    ),
    ("imagenet", "NoisyStudent(EfficientNetL2)"): (
        "Noisy Student (L2)",
        {},
        "'trained for 6 days on a Cloud TPU v3 Pod, which has 2048 cores'",
    ),
    ("coco", "RetinaNet (ResNet-101-FPN)"): ("RetinaNet-R101", {}, "'synchronized SGD over 8 GPUs'"),
    ("squad", "BERT (single)"): (
        "BERT-Large",
        {},
        "pre-training: '16 Cloud TPUs (64 TPU chips total). Each pre-training took 4 days'",
    ),
    ("squad", "BERT (ensemble)"): (
        "BERT-Large",
        {},
        "pre-training of one BERT-Large: '16 Cloud TPUs (64 TPU chips total). Each pre-training took 4 days'",
    ),
    ("conll", "BERT Large"): (
        "BERT-Large",
        {},
        "pre-training: '16 Cloud TPUs (64 TPU chips total). Each pre-training took 4 days'",
    ),
    ("conll", "Ma and Hovy"): ("Named Entity Recognition model", {}, "'about ... 8 hours for NER'"),
    ("conll", "LUKE"): ("LUKE", {}, "LUKE's own pre-training (from RoBERTa-large, whose compute is not counted)"),
    ("wmt14_en_fr", "RNMT+"): ("RNMT+", {}, "Table 1 (WMT14 En-Fr): 32 P100 GPUs, 120 h"),
    ("wmt14_en_de", "Transformer Big + BT"): (
        "Big Transformer for Back-Translation",
        {},
        "'training updates in 27h 40min on 128 GPUs' (WMT14 En-De)",
    ),
}

# Sheet rows whose hardware facts come from the pipeline's own extraction of a development PDF: (series, model) ->
# (PDF file in papers_dev/pdfs, text the chosen statement's sentence contains). New rows (not in the chart) also give
# their score and its place in the paper.
DEV_EXTRACTED = {
    ("imagenet", "ZFNet(ensemble, 6 convnets)"): (
        "visualizing_and_understanding_convolutional_networks.pdf",
        "12 days on a single GTX580",
    ),
    ("imagenet", "VGG19"): ("1409.1556v6.pdf", "four NVIDIA Titan Black GPUs"),
}
DEV_NEW_ROWS = {
    ("imagenet", "ViT-L/16 (ImageNet-21k pre-training)"): {
        "arxiv_id": "2010.11929",
        "year": 2020,
        "score": 85.30,
        "pdf": "2010.11929v2.pdf",
        "contains": "cloud TPUv3 with 8 cores",
        "score_source": "Dosovitskiy et al. 2020 (arXiv 2010.11929v2) Table 2, 'Ours-I21k (ViT-L/16)'",
    },
    ("imagenet", "Once-for-All (w/ PS)"): {
        "arxiv_id": "1908.09791",
        "year": 2019,
        "score": 76.0,
        "pdf": "1908.09791v5.pdf",
        "contains": "1,200 GPU hours on V100",
        "score_source": "Cai et al. 2020 (arXiv 1908.09791v5) Table 1, 'OFA w/ PS', 76.0 top-1 for 1200 GPU hours",
    },
}

COLUMNS = ["model", "arxiv_id", "year", "score", "hardware", "count", "hours", "chip_hours", "flop", "source"]
ARXIV = re.compile(r"(\d{4}\.\d{4,5})")
CITATION = re.compile(r"\s*\((?:[^()]*?[,\s])?((?:19|20)\d\d)\)\s*$")


def arxiv_of(url: str) -> str:
    match = ARXIV.search(url or "")
    return match.group(1) if match else ""


def year_of_arxiv(arxiv_id: str) -> int | None:
    return 2000 + int(arxiv_id[:2]) if arxiv_id else None


def norm(name: str) -> str:
    return re.sub(r"[^a-z0-9]", "", name.lower())


def score_of(text: str) -> float:
    return float(str(text).strip().rstrip("%*").strip())


def empty_row(model: str, arxiv_id: str, year: int, score: float, source: str) -> dict:
    return {
        "model": model,
        "arxiv_id": arxiv_id,
        "year": year,
        "score": round(score, 4),
        "hardware": "",
        "count": "",
        "hours": "",
        "chip_hours": "",
        "flop": "",
        "source": source,
    }


def read_csv(path: Path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


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


def thompson_rows(shared: Path) -> dict[str, list[dict]]:
    rows_by_series: dict[str, list[dict]] = {name: [] for name in SERIES.values()}
    seen: dict[str, dict[str, int]] = {name: {} for name in SERIES.values()}
    for record in read_csv(shared / THOMPSON_FILE):
        series = SERIES[record["dataset"]]
        raw_name = " ".join(record["model"].split()) if record["model"] != "AlexNet  7CNNs" else "AlexNet"
        year = int(float(record["year"]))
        name = unique_name(raw_name, year, seen[series])
        # A renamed repeat is another paper or setting: its id is not known to be the same.
        arxiv_id = ARXIV_IDS.get(record["model"], "") if name == raw_name else RENAMED_IDS.get((series, name), "")
        # Chart accuracy is a fraction (BLEU/100): sheets hold percent or BLEU points.
        row = empty_row(name, arxiv_id, year, float(record["accuracy"]) * 100, THOMPSON_SOURCE)
        row["flop"] = f"{float(record['hardware_burden']) * 1e9:.10g}"
        key = (series, record["model"], year)
        if key in CURATED_HARDWARE:
            hardware, count, hours, citation = CURATED_HARDWARE[key]
            row.update(hardware=hardware, count=count, hours=hours)
            row["source"] = f"score and flop: {THOMPSON_SOURCE}; hardware: {citation}"
        rows_by_series[series].append(row)
    return rows_by_series


def nlp_progress_rows(shared: Path, section: str, score_column: str, skipped: list[str]) -> list[dict]:
    out = []
    for record in read_csv(shared / NLP_PROGRESS_FILE):
        if record["section"] != section:
            continue
        raw = record["Model"].replace("\u2666", "").strip()
        citation = CITATION.search(raw)
        name = CITATION.sub("", raw).strip() if citation else raw
        arxiv_id = arxiv_of(record["paper_url"])
        year = int(citation.group(1)) if citation else year_of_arxiv(arxiv_id)
        if year is None:
            skipped.append(f"{section}: '{raw}': no paper and no year")
            continue
        source = NLP_PROGRESS_SOURCE.format(file=record["file"], section=section)
        if record[score_column].strip().endswith("*"):
            source += " ('*': BLEU of averaged checkpoints)"
        out.append(empty_row(name, arxiv_id, year, score_of(record[score_column]), source))
    return out


def pwc_rows(shared: Path, source: str, dataset: str, metric: str, skipped: list[str]) -> list[dict]:
    """Rows of one leaderboard in the sota-extractor file; a name submitted several times keeps its best score."""
    best: dict[str, dict] = {}
    for record in read_csv(shared / PWC_FLAT_FILE):
        if record["source"] != source or record["dataset"] != dataset or record["metric"] != metric:
            continue
        arxiv_id = arxiv_of(record["paper_url"])
        if not arxiv_id:
            skipped.append(f"{dataset}: leaderboard rows without an arXiv paper")
            continue
        year = int(record["paper_date"][:4]) if record["paper_date"] else year_of_arxiv(arxiv_id)
        citation = SQUAD_SOURCE if source == "squad" else EFF_SOURCE.format(dataset=dataset)
        row = empty_row(record["model_name"].strip(), arxiv_id, year, score_of(record["value"]), citation)
        if row["model"] not in best or row["score"] > best[row["model"]]["score"]:
            best[row["model"]] = row
    return list(best.values())


def imagenet_rows(shared: Path) -> list[dict]:
    sota = {record["Method"] for record in read_csv(shared / IMAGENET_SOTA_FILE)}
    out = []
    for record in read_csv(shared / IMAGENET_FILE):
        name = " ".join(record["Method"].split())
        if record["Method"] not in sota and name not in IMAGENET_EXTRA:
            continue
        arxiv_id = ""  # the copy has no paper links: LEADERBOARD_IDS fills them
        source = IMAGENET_SOURCE + ("; extra training data" if record["Extra Training Data Label"] == "X" else "")
        out.append(empty_row(name, arxiv_id, int(record["date"][:4]), score_of(record["Top 1 Accuracy"]), source))
    return out


def leaderboard_rows(shared: Path, skipped: list[str]) -> dict[str, list[dict]]:
    return {
        "imagenet": imagenet_rows(shared),
        "coco": [],  # the leaderboards here have one COCO row (no paper): the chart's 33 points are the record
        "squad": pwc_rows(shared, "squad", "SQuAD1.1", "F1", skipped),
        "conll": nlp_progress_rows(shared, "CoNLL 2003 (English)", "F1", skipped),
        "wmt14_en_de": nlp_progress_rows(shared, "WMT 2014 EN-DE", "BLEU", skipped)
        + pwc_rows(shared, "eff", "news-test-2014 En-De BLEU", "BLEU score", skipped),
        "wmt14_en_fr": nlp_progress_rows(shared, "WMT 2014 EN-FR", "BLEU", skipped)
        + pwc_rows(shared, "eff", "news-test-2014 En-Fr BLEU", "BLEU score", skipped),
    }


def same_model(a: dict, b: dict) -> bool:
    """One paper's model re-reported: the same arXiv id and either the same name (scores of paper versions differ:
    the Transformer's 41.0/41.8 BLEU) or close scores; without ids, the same year, one name extending the other and
    close scores."""
    close = abs(float(a["score"]) - float(b["score"])) <= SAME_SCORE
    na, nb = norm(a["model"]), norm(b["model"])
    if a["arxiv_id"] and a["arxiv_id"] == b["arxiv_id"]:
        return close or na == nb
    return close and bool(na and nb) and a["year"] == b["year"] and (na.startswith(nb) or nb.startswith(na))


def epoch_facts(shared: Path) -> dict[str, dict]:
    wanted = {epoch_model for epoch_model, _, _ in EPOCH_FACTS.values()}
    found = {r["Model"]: r for r in read_csv(shared / EPOCH_FILE) if r["Model"] in wanted}
    missing = wanted - set(found)
    if missing:
        sys.exit(f"tools/build_sheets.py: Epoch AI rows not found: {sorted(missing)}")
    return found


def apply_epoch(series: str, row: dict, epoch: dict[str, dict]) -> None:
    epoch_model, overrides, why = EPOCH_FACTS[(series, row["model"])]
    record = epoch[epoch_model]
    facts = {
        "hardware": record["Training hardware"],
        "count": record["Hardware quantity"],
        "hours": record["Training time (hours)"],
    }
    facts.update({key: str(value) for key, value in overrides.items()})
    if not (facts["hardware"] and facts["count"] and facts["hours"]):
        sys.exit(f"tools/build_sheets.py: Epoch AI row '{epoch_model}' lacks hardware, quantity or time: {facts}")
    row.update(hardware=facts["hardware"], count=f"{float(facts['count']):g}", hours=f"{float(facts['hours']):g}")
    row["source"] = (
        f"score{' and flop' if row['flop'] else ''}: {row['source']}; hardware: "
        f"{EPOCH_SOURCE.format(model=epoch_model)} ({why})"
    )


def extracted_facts(pdf: Path, contains: str, table) -> tuple[dict, str]:
    """Hardware facts from the pipeline's own extraction of `pdf`: the statement whose sentence contains `contains`."""
    from computelimits.config import conventions_from_config
    from computelimits.extraction import extract_pdf

    result = extract_pdf(pdf, table, conventions_from_config(None, "thompson"), False)
    chosen = [(page, s) for page, s in result.statements if contains in s.sentence and s.hardware]
    if not chosen:
        sys.exit(f"tools/build_sheets.py: {pdf}: no extracted statement with hardware contains '{contains}'")
    page, stmt = chosen[0]
    facts = {"hardware": stmt.hardware, "count": "", "hours": "", "chip_hours": ""}
    if stmt.count and stmt.hours:
        facts.update(count=f"{stmt.count:g}", hours=f"{stmt.hours:.6g}")
    elif stmt.chip_hours:
        facts["chip_hours"] = f"{stmt.chip_hours:.6g}"
    sentence = " ".join(stmt.sentence.split())
    start = sentence.find(contains)
    excerpt = sentence[max(0, start - 60) : start + len(contains) + 60].strip()
    arxiv_id = arxiv_of(pdf.name) or "id not in file name"
    return facts, EXTRACTED_SOURCE.format(arxiv=arxiv_id, page=page, sentence=excerpt)


def build(shared: Path, out_dir: Path) -> tuple[dict[str, dict[str, int]], list[str]]:
    from computelimits.hardware import default_table_path, load_table
    from computelimits.tables import write_records_tsv

    table = load_table(default_table_path())  # once, for every extraction
    skipped: list[str] = []
    rows_by_series = thompson_rows(shared)
    epoch = epoch_facts(shared)
    for series, candidates in leaderboard_rows(shared, skipped).items():
        rows = rows_by_series[series]
        seen = {row["model"]: row["year"] for row in rows}
        for candidate in candidates:
            candidate["arxiv_id"] = candidate["arxiv_id"] or LEADERBOARD_IDS.get((series, candidate["model"]), "")
            if any(same_model(candidate, row) for row in rows):
                continue
            candidate["model"] = unique_name(candidate["model"], candidate["year"], seen)
            rows.append(candidate)
    for (series, model), spec in DEV_NEW_ROWS.items():
        rows_by_series[series].append(empty_row(model, spec["arxiv_id"], spec["year"], spec["score"], ""))
    for series, rows in rows_by_series.items():
        for row in rows:
            key = (series, row["model"])
            if key in EPOCH_FACTS:
                apply_epoch(series, row, epoch)
            spec = DEV_NEW_ROWS.get(key)
            if key in DEV_EXTRACTED or spec:
                pdf, contains = DEV_EXTRACTED[key] if key in DEV_EXTRACTED else (spec["pdf"], spec["contains"])
                facts, citation = extracted_facts(shared / DEV_PDFS / pdf, contains, table)
                row.update(facts)
                score = spec["score_source"] if spec else f"score and flop: {row['source']}"
                row["source"] = f"{score}; hardware: {citation}"
    out_dir.mkdir(parents=True, exist_ok=True)
    counts = {}
    for series, rows in rows_by_series.items():
        rows.sort(key=lambda r: (r["year"], r["model"]))
        write_records_tsv(rows, COLUMNS, out_dir / f"{series}.tsv")
        counts[series] = {
            "rows": len(rows),
            "flop given": sum(bool(r["flop"]) for r in rows),
            "hardware facts": sum(bool(r["hardware"]) for r in rows),
            "no compute": sum(not (r["flop"] or r["hardware"]) for r in rows),
        }
    return counts, skipped


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("config/sheets"))
    args = parser.parse_args()
    counts, skipped = build(args.shared, args.out)
    for series, figures in counts.items():
        print(series + "\t" + ", ".join(f"{key} {value}" for key, value in figures.items()))
    for line in sorted(set(skipped)):
        print(f"skipped: {line} (x{skipped.count(line)})")


if __name__ == "__main__":
    main()
