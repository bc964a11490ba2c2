"""Build the shipped benchmark sheets (config/sheets/*.tsv, config/sheets/full/, config/sheets/thompson_v1/) from
the reference data in ../shared/data.

Run by a maintainer: `python tools/build_sheets.py [--shared ../shared/data]`. The reference files are never copied
into the repository; only facts (model, year, score, hardware, count, hours, compute) go into the sheets, each row
citing every source of its facts in `source`. The build is deterministic: the same reference files give
byte-identical sheets.

Rows, in the order they are taken (a later source's entry for a model already in the sheet is not repeated):
1. Thompson et al.'s public chart points (computerprogress.com data, 2021-09): score and hardware burden, entered as
   `flop` (GFLOP x 1e9), the `given` compute.
2. The Papers with Code leaderboards of mid-2025 (pwc_snapshot_2025; rows with an arXiv id): score, date and, on
   some rows, the "Hardware Burden" of Thompson et al.'s group ("NG" = N x 1e18 FLOP), also entered as `flop`.
3. The older leaderboard copies the first sheets were built from (NLP-progress, the SQuAD 1.1 and EFF tables of
   Papers with Code's sota-extractor, the PwC ImageNet copy of Nov 2019), for models the others lack.
4. Models a paper reports and times whose result no leaderboard lists (PAPER_ROWS: score and its table cited).
Compute facts (hardware, count, hours or chip-hours: the `curated` source) come from Epoch AI's hardware facts
(EPOCH_FACTS), from checked sentences of the papers (LABEL_FACTS: the hand labels of papers_extend and
papers_sheets, every quoted sentence verified on its page of the PDF at build time; PDF_FACTS: sentences of the
PDFs that are no label row, verified the same way), from the pipeline's own extraction of development PDFs
(DEV_EXTRACTED) and from SCIENCE.md's check figures (CURATED_HARDWARE). Epoch AI's own FLOP estimates go into
`epoch_flop` (EPOCH_ESTIMATES), a separately named source only the epoch convention takes.

Three sets of sheets:
- config/sheets/<series>.tsv (default): every chart point, every row with compute from any source (an Epoch
  estimate included), and the notable rows without it (each leaderboard's state of the art at the time).
- config/sheets/full/<series>.tsv (config/full.yaml): every leaderboard row with an arXiv id, for an online run.
- config/sheets/thompson_v1/<series>.tsv (config/thompson_v1.yaml): the chart's 101 points alone, so the paper's v1
  fits are reproduced whatever the other sources add.
"""

from __future__ import annotations

import argparse
import csv
import math
import re
import sys
from functools import cache
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
THOMPSON_FILE = "computerprogress_thompson/website_benchmark_points_2021-09.csv"
THOMPSON_SOURCE = "Thompson et al. 2020 public chart points (computerprogress.com data, 2021-09)"
EPOCH_FILE = "epoch_ai_models/epoch_models_union_key_columns.csv"
NLP_PROGRESS_FILE = "nlp_progress/nlp_progress_tables_2024-06.csv"
PWC_FLAT_FILE = "pwc_sota_extractor/benchmark_results_flat.csv"
IMAGENET_FILE = "pwc_imagenet_2019_agataf/imagenet_pwc_2019-11.csv"
IMAGENET_SOTA_FILE = "pwc_imagenet_2019_agataf/top_results_at_time_t.csv"
PWC_DIR = "pwc_snapshot_2025"
DEV_PDFS = "papers_dev/pdfs"
# Hand labels of checked training-time sentences: papers_extend's live in this repository (bench/labels), the
# papers_sheets labels beside the PDFs in ../shared/data.
LABELS = {
    "papers_extend": (ROOT / "bench/labels/papers_extend/labels.csv", "papers_extend/pdfs"),
    "papers_sheets": (None, "papers_sheets/pdfs"),
}

NLP_PROGRESS_SOURCE = "NLP-progress (S. Ruder, MIT licence), {file}, table '{section}', commit 379f03f (2024-06)"
SQUAD_SOURCE = "SQuAD 1.1 leaderboard, test F1 (Papers with Code sota-extractor squad.json, CC BY-SA 4.0)"
EFF_SOURCE = "EFF AI Progress Measurement, {dataset} (Papers with Code sota-extractor eff.json, CC BY-SA 4.0)"
IMAGENET_SOURCE = "Papers with Code ImageNet leaderboard, top-1, copy of Nov 2019 (agataf/AIindex; CC BY-SA 4.0)"
PWC_SOURCE = (
    "Papers with Code leaderboard '{board}' ({metric}), row {row} (mid-2025 snapshot via OpenCodePapers, CC BY-SA 4.0)"
)
HB_SOURCE = "its Hardware Burden '{value}' (Thompson et al.'s group; N G = N x 1e18 FLOP)"
EPOCH_SOURCE = "Epoch AI models database (CC BY 4.0), row '{model}'"
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
# The Papers with Code leaderboards of each series, main one first, and the column of the series' metric. COCO:
# 'object-detection-on-coco' is the page PwC titled "COCO test-dev" (it alone has Hardware Burden); the separate
# 'coco-test-dev' board adds the models the first lacks. SQuAD: test F1 (the dev board is another metric).
PWC_BOARDS = {
    "imagenet": [("image-classification-on-imagenet", "Top 1 Accuracy")],
    "coco": [("object-detection-on-coco", "box mAP"), ("object-detection-on-coco-test-dev", "box mAP")],
    "squad": [("question-answering-on-squad11", "F1")],
    "conll": [("named-entity-recognition-ner-on-conll-2003", "F1")],
    "wmt14_en_fr": [("machine-translation-on-wmt2014-english-french", "BLEU score")],
    "wmt14_en_de": [("machine-translation-on-wmt2014-english-german", "BLEU score")],
}
# Leaderboard rows that are another paper's model re-reported (the model's own row is in the sheet) or not the
# series' metric: (series, arXiv id, model name as on the board) -> why.
PWC_SKIP = {
    ("imagenet", "2105.01601", "ViT-L/16 Dosovitskiy et al. (2021)"): "ViT's own model, re-reported in MLP-Mixer",
}
# Leaderboard rows that are a sheet row's model although name, year or paper differ:
# (series, leaderboard model name, arXiv id) -> the sheet row's model name.
SAME_MODEL = {
    # the journal version of Cascade R-CNN lists the chart's 42.8 AP model under this name
    ("coco", "Cascade R-CNN", "1906.09756"): "Cascade R-CNN (ResNet-101-FPN+, cascade)",
    ("squad", "LUKE 483M", "2010.01057"): "LUKE (single model)",  # one submission listed twice, 95.4 and 95.379
}
# Leaderboard rows evaluated on another metric than the series' (by a word of the model name).
OTHER_METRIC = {"imagenet": re.compile(r"correct-labels")}  # SimpleNet on re-labelled validation images

# arXiv ids (base id, no version) of the papers behind the chart points: from the leaderboards' and Epoch AI's paper
# links for the same model and score, or hand-checked for well-known papers. Blank where not certain; a leaderboard
# row of the same model fills the others.
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
    "QANet": "1804.09541",
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
    "Neural-CRF+AE": "1808.09075",
    "CRF + AutoEncoder": "1808.09075",
    "LM-LSTM-CRF": "1709.04109",
    "CNN Large + fine-tune": "1903.07785",
}
# Chart names repeated for a later paper get a year suffix; their ids, by (series, sheet name).
RENAMED_IDS = {
    ("wmt14_en_de", "Transformer Big (2018)"): "1806.00187",
    ("wmt14_en_fr", "Transformer Big (2018)"): "1806.00187",
}
# Older leaderboard rows without a paper link: ids from Epoch AI's link for the same model.
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

# HaloNet's Mask R-CNN detectors (arXiv 2103.12731 Table 5 p9): model, box AP, train time (hours), start of the
# labelled table row. The paper's own models (rows 3, 4, 6); its baselines (rows 1, 2, 5) are left out.
HALONET_COCO = [
    ("HaloNet R50 + SE + Local Att (b=8), Mask R-CNN", 45.2, 15.8, "R50 + SE + Local Att (b = 8)"),
    ("HaloNet R50 + SE + Local Att (b=32), Mask R-CNN", 45.4, 16.5, "R50 + SE + Local Att (b = 32)"),
    ("HaloNet R101 + SE + Local Att (b=8), Mask R-CNN", 46.8, 18.4, "R101 + SE + Local Att (b = 8)"),
]
# Models a paper times whose result no leaderboard here lists: (series, model) -> arXiv id, year, score, the table
# the score is in (checked in the PDF).
PAPER_ROWS = {
    ("imagenet", "DeiT-B (no distillation)"): (
        "2012.12877",
        2020,
        81.8,
        "Touvron et al. 2020 (arXiv 2012.12877) Table 5 p12, 'DeiT-B'",
    ),
    ("imagenet", "DeiT-B↑384 (no distillation)"): (
        "2012.12877",
        2020,
        83.1,
        "Touvron et al. 2020 (arXiv 2012.12877) Table 5 p12, 'DeiT-B↑384'",
    ),
    ("imagenet", "Mixer-L/16 (ImageNet-21k pre-training)"): (
        "2105.01601",
        2021,
        84.15,
        "Tolstikhin et al. 2021 (arXiv 2105.01601) Table 2 p5, 'Mixer-L/16' (ImageNet-21k)",
    ),
    **{
        ("coco", model): (
            "2103.12731",
            2021,
            ap,
            f"Vaswani et al. 2021 (arXiv 2103.12731) Table 5 p9, '{start}', box AP (the paper names no COCO split and "
            "gives no test-dev figure)",
        )
        for model, ap, _, start in HALONET_COCO
    },
    ("coco", "DN-DETR-R50"): (
        "2203.01305",
        2022,
        44.1,
        "Li et al. 2022 (arXiv 2203.01305) Table 1 p7, 'DN-DETR-R50', 50 epochs, box AP on val2017 (the paper "
        "reports val2017 only: 'we train the models on train2017 and test on val2017', p8)",
    ),
    ("wmt14_en_de", "Lite Transformer (2.9M)"): (
        "2004.11886",
        2020,
        22.5,
        "Wu et al. 2020 (arXiv 2004.11886) Tables 2 and 3 pp7-8, WMT'14 En-De, 2.9M parameters",
    ),
    ("wmt14_en_de", "Lite Transformer (11.7M)"): (
        "2004.11886",
        2020,
        25.6,
        "Wu et al. 2020 (arXiv 2004.11886) Tables 2 and 3 pp7-8, WMT'14 En-De, 11.7M parameters",
    ),
    # SQuAD 1.1: pre-trained encoders whose papers give only the dev-set F1
    ("squad", "RoBERTa (BOOKS + WIKI, 100K steps)"): (
        "1907.11692",
        2019,
        93.6,
        "Liu et al. 2019 (arXiv 1907.11692) Table 4 p7, 'RoBERTa with BOOKS + WIKI 16GB 8K 100K', SQuAD v1.1 dev F1",
    ),
    ("squad", "DistilBERT"): (
        "1910.01108",
        2019,
        85.8,
        "Sanh et al. 2019 (arXiv 1910.01108) Table 2 p3, 'DistilBERT', SQuAD 1.1 dev F1 (without the second "
        "distillation step of 'DistilBERT (D)')",
    ),
    ("squad", "UniLMv2 (Base)"): (
        "2002.12804",
        2020,
        93.1,
        "Bao et al. 2020 (arXiv 2002.12804) Table 2 p6, 'UNILMv2', BASE-size, SQuAD v1.1 dev F1",
    ),
    ("squad", "ELECTRA-Base"): (
        "2003.10555",
        2020,
        90.8,
        "Clark et al. 2020 (arXiv 2003.10555) Table 4 p8, 'ELECTRA-Base', SQuAD 1.1 dev F1",
    ),
    # WMT: models a paper trains and times itself (baselines included), their test BLEU as the paper reports it
    **{
        ("wmt14_en_fr", model): (
            "1409.0473",
            2014,
            bleu,
            f"Bahdanau et al. 2014 (arXiv 1409.0473) Table 1 p7, '{name}', BLEU on all test sentences (column 'All'; "
            "the chart's RNN-search50* is the 'No UNK' column)",
        )
        for model, name, bleu in [
            ("RNNencdec-30", "RNNencdec-30", 13.93),
            ("RNNencdec-50", "RNNencdec-50", 17.82),
            ("RNNsearch-30", "RNNsearch-30", 21.50),
            ("RNNsearch-50", "RNNsearch-50", 26.75),
        ]
    },
    **{
        ("wmt14_en_de", f"Transformer ({size}, Lite Transformer baseline)"): (
            "2004.11886",
            2020,
            bleu,
            f"Wu et al. 2020 (arXiv 2004.11886) Table 3 p8, 'Transformer (Vaswani et al., 2017)' {size}, WMT'14 En-De "
            "(the authors' own training of the baseline)",
        )
        for size, bleu in [("2.8M", 21.3), ("11.1M", 25.1)]
    },
    **{
        ("wmt14_en_fr", f"PaLM 540B ({setting})"): (
            "2204.02311",
            2022,
            bleu,
            f"Chowdhery et al. 2022 (arXiv 2204.02311v1) Table 13 p27, en-fr (WMT'14), PaLM 540B {what}",
        )
        # one row per model: the zero-shot 38.5 is the same model and run (the board's FLAN pair is its rows')
        for setting, bleu, what in [("few-shot, k=5", 44.0, "few-shot (5 shots)")]
    },
}
# The older sheets' rows from the development PDFs (extraction): ViT-L/16 and Once-for-All.
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
# (Epoch model, overrides of Epoch's columns, why the match holds or what the figures cover). Hardware, quantity
# and hours from Epoch's columns; a row with only `Training chip-hours` gives chip-hours.
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
    **{
        ("imagenet", model): (
            "MnasNet-A3",
            {"hardware": "TPU v2"},
            "the architecture search the paper's models come from, '4.5 days on 64 TPUv2 devices' (4 chips each) as "
            "Epoch quotes it; Epoch's hardware column says TPU v3, the quoted sentence TPUv2",
        )
        for model in ("MnasNetA3", "MnasNet-A2", "MnasNet-A1")
    },
    ("imagenet", "NoisyStudent(EfficientNetL2)"): (
        "Noisy Student (L2)",
        {},
        "'trained for 6 days on a Cloud TPU v3 Pod, which has 2048 cores'",
    ),
    ("imagenet", "ResNet-101 (JFT-300M Finetuning)"): (
        "JFT",
        {},
        "JFT-300M pre-training, 50 K80 GPUs for 60 days (Epoch's columns); the ImageNet fine-tuning is not timed",
    ),
    ("imagenet", "Proxyless"): (
        "ProxylessNAS",
        {},
        "the architecture search, 'For their searched Imagenet models, they used 200 GPU hours on a V100 GPU'; the "
        "final training is not timed",
    ),
    ("imagenet", "Meta Pseudo Labels (EfficientNet-L2)"): (
        "Meta Pseudo Labels",
        {},
        "'about 11 days for EfficientNet-L2' on 'a cluster of 2,048 TPUv3 cores' (1024 chips)",
    ),
    **{
        (series, "Florence-CoSwin-H"): (
            "Florence",
            {},
            "pre-training, 'The model takes 10 days to train on 512 NVIDIA A100 GPUs'"
            + ("" if series == "imagenet" else "; the detection fine-tuning is not timed"),
        )
        for series in ("imagenet", "coco")
    },
    **{
        (series, "EVA"): (
            "EVA-01",
            {},
            "pre-training, Table 3: 14.5 days on 128 A100 GPUs"
            + (
                "; the ImageNet fine-tuning is not timed"
                if series == "imagenet"
                else "; the detection fine-tuning is not timed"
            ),
        )
        for series in ("imagenet", "coco")
    },
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
    ("squad", "LUKE (single model)"): (
        "LUKE",
        {},
        "LUKE's own pre-training, 16 V100 GPUs for about 30 days (from RoBERTa-large, whose compute is not counted)",
    ),
    ("conll", "BERT Large"): (
        "BERT-Large",
        {},
        "pre-training: '16 Cloud TPUs (64 TPU chips total). Each pre-training took 4 days'",
    ),
    ("conll", "Ma and Hovy"): ("Named Entity Recognition model", {}, "'about ... 8 hours for NER'"),
    ("conll", "LUKE 483M"): (
        "LUKE",
        {},
        "LUKE's own pre-training, 16 V100 GPUs for about 30 days (from RoBERTa-large, whose compute is not counted)",
    ),
    ("wmt14_en_fr", "RNMT+"): ("RNMT+", {}, "Table 1 (WMT14 En-Fr): 32 P100 GPUs, 120 h"),
    ("wmt14_en_de", "Transformer Big + BT"): (
        "Big Transformer for Back-Translation",
        {},
        "'training updates in 27h 40min on 128 GPUs' (WMT14 En-De)",
    ),
}
# Facts Epoch AI records only in its notes (the paper's sentence or the authors' word, quoted there):
# (series, model) -> (Epoch model, note column, quote that must stand in it, hardware, count, hours, chip_hours, why).
EPOCH_NOTE_FACTS = {
    ("imagenet", "Meta Pseudo Labels (EfficientNet-B6-Wide)"): (
        "Meta Pseudo Labels",
        "Training time notes",
        "which takes about 11 days for EfficientNet-L2 and 10 days for EfficientNet-B6-Wide",
        "TPU v3",
        1024,
        240.0,
        None,
        "the paper's sentence as Epoch quotes it, on 'a cluster of 2,048 TPUv3 cores' (1024 chips)",
    ),
    ("imagenet", "ALIGN (EfficientNet-L2)"): (
        "ALIGN",
        "Training compute notes",
        "From author communication 14.82K TPUv3 core-days",
        "TPU v3",
        None,
        None,
        14820 * 24 / 2,
        "14,820 TPU v3 core-days (2 cores per chip) from the authors, as Epoch records it",
    ),
}

# Checked sentences of the hand labels (bench/labels/papers_extend/labels.csv, ../shared/data/papers_sheets/
# labels.csv): (series, model) -> (facts, [label references], what they cover). A reference is (corpus, arXiv id,
# page, start of the labelled sentence); the sentence is quoted in `source` and verified on its page of the PDF.
# facts: hardware, count, hours or chip_hours (chip-hours summed over the stages the references give).
LABEL_FACTS = {
    # ImageNet
    **{
        ("imagenet", model): (
            {"hardware": "TPU v3", "count": 16, "hours": hours},
            [("papers_extend", "2104.00298", 7, start)],
            "Table 7: 'Train-time is the total training time normalized for 32 TPU cores' (16 TPU v3 chips)",
        )
        for model, hours, start in [
            ("EfficientNetV2-S", 7.1, "EfficientNetV2-S 83.9%"),
            ("EfficientNetV2-M", 13.0, "EfficientNetV2-M 85.1%"),
            ("EfficientNetV2-L", 24.0, "EfficientNetV2-L 85.7%"),
            ("EfficientNetV2-S (21k)", 9.0, "EfficientNetV2-S (21k)"),
            ("EfficientNetV2-M (21k)", 15.0, "EfficientNetV2-M (21k)"),
            ("EfficientNetV2-L (21k)", 26.0, "EfficientNetV2-L (21k)"),
            ("EfficientNetV2-XL (21k)", 45.0, "EfficientNetV2-XL (21k)"),
        ]
    },
    ("imagenet", "Mixer-H/14 (JFT-300M pre-train)"): (
        {"hardware": "TPU v3", "chip_hours": 1010 * 24 / 2},
        [("papers_extend", "2105.01601", 5, "Mixer-H/14 87.94")],
        "Table 2: pre-training on JFT-300M, 1.01k TPUv3-core-days (2 cores per chip); the fine-tuning is not timed",
    ),
    ("imagenet", "Mixer-L/16 (ImageNet-21k pre-training)"): (
        {"hardware": "TPU v3", "chip_hours": 410 * 24 / 2},
        [("papers_extend", "2105.01601", 5, "Mixer-L/16 84.15")],
        "Table 2: pre-training on ImageNet-21k, 0.41k TPUv3-core-days (2 cores per chip); the fine-tuning is not timed",
    ),
    ("imagenet", "Mixer-B/16"): (
        {"hardware": "TPU v3", "chip_hours": 10 * 24 / 2},
        [("papers_extend", "2105.01601", 7, "Mixer-B/16 224 300 76.44")],
        "Table 3: training on ImageNet alone (300 epochs, 224 px), 0.01k TPUv3-core-days (2 cores per chip), the "
        "paper's figure '(‡) Extrapolated from the numbers reported for the same models pre-trained on JFT-300M' "
        "(one significant figure; the Mixer-L/16 row's 0.41k is extrapolated the same way)",
    ),
    ("imagenet", "MAE (ViT-L)"): (
        {"hardware": "TPU v3", "count": 64, "hours": 31.0},
        [("papers_extend", "2111.06377", 7, "For example, training ViT-L on 128 TPU-v3 cores")],
        "pre-training, 1600 epochs on 128 TPU v3 cores (64 chips); the fine-tuning is not timed",
    ),
    ("imagenet", "CoCa (finetuned)"): (
        {"hardware": "TPU v4", "count": 2048, "hours": 120.0},
        [("papers_extend", "2205.01917", 7, "Pretraining CoCa takes about 5 days")],
        "pre-training (5 days); the last epoch at 576 px and the ImageNet fine-tuning are not timed",
    ),
    ("imagenet", "DeiT-B (no distillation)"): (
        {"hardware": "V100", "count": 8, "hours": 53.0},
        [("papers_extend", "2012.12877", 17, "A typical training of 300 epochs takes 37 hours")],
        "300 epochs on one 8-GPU node; the GPU type (V100) is Epoch AI's (row 'DeiT-B'): the paper names V100 only "
        "for its throughput figures",
    ),
    ("imagenet", "DeiT-B↑384 (no distillation)"): (
        {"hardware": "V100", "count": 8, "hours": 73.0},
        [
            ("papers_extend", "2012.12877", 17, "A typical training of 300 epochs takes 37 hours"),
            ("papers_extend", "2012.12877", 17, "This takes 20 hours on a single node (8 GPU)"),
        ],
        "53 h of training at 224 px plus 20 h of fine-tuning at 384 px on one 8-GPU node; the GPU type (V100) is "
        "Epoch AI's (row 'DeiT-B'): the paper names V100 only for its throughput figures",
    ),
    ("imagenet", "PReLUNet"): (
        {"hardware": "K40", "count": 8, "hours": math.sqrt(504 * 672)},
        [("papers_sheets", "1502.01852", 6, "Training A/B on four K20 GPUs")],
        "model C (the chart's 75.73% is model C's): eight K40 GPUs, 3-4 weeks (geometric mean)",
    ),
    ("imagenet", "ResNeXt101 (64 x 4d) img size 320x320 / 299x299"): (
        {"hardware": "M40", "count": 8, "hours": 240.0},
        [("papers_sheets", "1611.05431", 7, "Training the 2×complexity model")],
        "10 days on 8 GPUs; the GPU type from the sentence before ('On 8 GPUs of NVIDIA M40, training 32×4d ...')",
    ),
    # COCO
    **{
        ("coco", model): (
            {"hardware": "TPU v3", "count": 4, "hours": hours},
            [("papers_extend", "2103.12731", 9, start)],
            "Table 5 'Train time (hrs)' of the Mask R-CNN detector, 'the total training time calculated from the peak "
            "images/sec of the Mask-RCNN training run on 8 TPUv3 cores' (4 chips; the caption's own estimate); the "
            "backbone's ImageNet pre-training (350 epochs, C.4) is not timed",
        )
        for model, _, hours, start in HALONET_COCO
    },
    # SQuAD
    ("squad", "BiDAF (single model)"): (
        {"hardware": "Titan X", "count": 1, "hours": 20.0},
        [("papers_sheets", "1611.01603", 6, "The training process takes roughly 20 hours")],
        "one training run",
    ),
    ("squad", "MEMEN(singel model)"): (
        {"hardware": "Titan X", "count": 1, "hours": 5.0},
        [("papers_sheets", "1707.09098", 5, "Our MEMEN was trained with NVIDIA Titan X GPU")],
        "the 3-hop single model",
    ),
    ("squad", "QANet"): (
        {"hardware": "P100", "count": 1, "hours": 18.0},
        [("papers_extend", "1804.09541", 2, "For instance, if we allow our model to train for 18 hours")],
        "the run behind the chart's 82.7 (a dev-set F1); one P100 (named elsewhere in the paper)",
    ),
    ("squad", "SpanBERT"): (
        {"hardware": "V100", "count": 32, "hours": 360.0},
        [("papers_sheets", "1907.10529", 6, "The pre-training was done on 32 Volta V100 GPUs")],
        "pre-training (15 days); the fine-tuning is not timed",
    ),
    ("squad", "XLNet (single model)"): (
        {"hardware": "TPU v3", "count": 512, "hours": 60.0},
        [("papers_extend", "1906.08237", 8, "We train XLNet-Large on 512 TPU v3 chips")],
        "pre-training of XLNet-Large (2.5 days; Epoch AI quotes a later version's 5.5 days); the fine-tuning is not "
        "timed",
    ),
    ("squad", "RoBERTa (BOOKS + WIKI, 100K steps)"): (
        {"hardware": "V100", "count": 1024, "hours": 24.0},
        [("papers_extend", "1907.11692", 7, "We pretrain our model using 1024 V100 GPUs")],
        "pre-training of the first RoBERTa of Table 4 (BERT-large architecture, BOOKS + WIKI, 100K steps), which "
        "this sentence times; the longer runs (300K, 500K steps) are not timed; the fine-tuning is not timed",
    ),
    ("squad", "DistilBERT"): (
        {"hardware": "V100", "count": 8, "hours": 90.0},
        [("papers_extend", "1910.01108", 3, "DistilBERT was trained on 8 16GB V100 GPUs")],
        "pre-training by distillation (the BERT-base teacher's forward passes included; the teacher's own "
        "pre-training is not counted); the fine-tuning is not timed",
    ),
    ("squad", "UniLMv2 (Base)"): (
        {"hardware": "V100", "count": 64, "hours": 480.0},
        [("papers_extend", "2002.12804", 6, "We ran the pre-training procedure for 0.5 million steps")],
        "pre-training of the BASE model of Table 2 (0.5M steps, 160GB; 20 days); the fine-tuning is not timed",
    ),
    ("squad", "ELECTRA-Base"): (
        {"hardware": "TPU v3", "count": 16, "hours": 96.0},
        [("papers_extend", "2003.10555", 6, "ELECTRA-Base 6.4e19")],
        "pre-training, Table 1 '4d on 16 TPUv3s', read as 16 chips as for the BERT-Base row beside it (Devlin et al.'s "
        "'16 TPU chips' for 4 days); the fine-tuning is not timed",
    ),
    # CoNLL
    ("conll", "Neural-CRF+AE"): (
        {"hardware": "Titan X", "count": 1, "hours": 8.0},
        [("papers_extend", "1808.09075", 4, "With the above hyper-parameter setting, training takes approximately")],
        "one full run of 40 epochs (the reported F1 is a mean over 5 runs); GPU type named elsewhere in the paper",
    ),
    # WMT
    ("wmt14_en_de", "ConvS2S (ensemble) (variant 2)"): (
        {"hardware": "M40", "count": 1, "hours": 444.0},
        [("papers_sheets", "1705.03122", 6, "We trained this model on a single GPU over a period of 18.5 days")],
        "the single model (25.16 BLEU; the chart calls it an ensemble): 18.5 days on one M40 (named on p5)",
    ),
    **{
        ("wmt14_en_de", model): (
            {"hardware": "V100", "count": 8, "hours": hours},
            [("papers_extend", "2004.11886", 8, start)],
            "Table 3 'GPU Hours' 8 x H, 'measured on NVIDIA V100 GPU' (the paper trains its WMT models on 16 RTX "
            "2080Ti GPUs, untimed)",
        )
        for model, hours, start in [
            ("Lite Transformer (2.9M)", 14.0, "Lite Transformer (Ours) 2.9M 90M 22.5 8×14"),
            ("Lite Transformer (11.7M)", 19.0, "Lite Transformer (Ours) 11.7M 360M 25.6 8×19"),
        ]
    },
    **{
        ("wmt14_en_de", f"Transformer ({size}, Lite Transformer baseline)"): (
            {"hardware": "V100", "count": 8, "hours": hours},
            [("papers_extend", "2004.11886", 8, start)],
            "Table 3 'GPU Hours' 8 x H of the authors' own Transformer baseline, 'measured on NVIDIA V100 GPU'",
        )
        for size, hours, start in [
            ("2.8M", 12.0, "Transformer (Vaswani et al., 2017) 2.8M 87M 21.3 8×12"),
            ("11.1M", 16.0, "Transformer (Vaswani et al., 2017) 11.1M 338M 25.1 8×16"),
        ]
    },
    ("wmt14_en_fr", "RNN-search50*"): (
        {"hardware": "Quadro K6000", "count": 1, "hours": 252.0},
        [("papers_sheets", "1409.0473", 14, "RNNsearch-50? 6.67")],
        "Table 2: 252 h on one Quadro K-6000 (the table names one GPU per model)",
    ),
    **{
        ("wmt14_en_fr", model): (
            {"hardware": hardware, "count": 1, "hours": hours},
            [("papers_sheets", "1409.0473", 14, start)],
            f"Table 2: {hours:g} h on one {hardware} (the table names one GPU per model)",
        )
        for model, hardware, hours, start in [
            ("RNNencdec-30", "GTX Titan Black", 109.0, "RNNenc-30 8.46"),
            ("RNNencdec-50", "Quadro K6000", 108.0, "RNNenc-50 6.00"),
            ("RNNsearch-30", "GTX Titan Black", 113.0, "RNNsearch-30 4.71"),
            ("RNNsearch-50", "Quadro K6000", 111.0, "RNNsearch-50 2.88"),
        ]
    },
    ("wmt14_en_fr", "GNMT+RL"): (
        {"hardware": "K80", "count": 96, "hours": 144.0},
        [("papers_sheets", "1609.08144", 15, "On WMT En→Fr, it takes around 6 days")],
        "the maximum-likelihood stage; the RL refinement ('around 3 days') names no hardware and is not counted",
    ),
    ("wmt14_en_fr", "ConvS2S (ensemble)"): (
        {"hardware": "M40", "count": 8, "hours": 888.0},
        [("papers_sheets", "1705.03122", 6, "Our results are based on training with 8 GPUs for about 37 days")],
        "the single model (40.51 BLEU; the chart calls it an ensemble): 37 days on 8 GPUs, M40 as p5 names for the "
        "paper's other runs ('a single Nvidia M40 GPU except for WMT'14 English-French', a multi-GPU machine)",
    ),
    ("wmt14_en_fr", "Transformer (ADMIN init)"): (
        {"hardware": "V100", "count": 16, "hours": 60.0},
        [("papers_sheets", "2008.07772", 3, "Taking FR as an example")],
        "the 60L-12L ADMIN model (43.8 BLEU, Table 1): 2.5 days on one DGX-2 (16 V100)",
    ),
}
# Sentences of the papers' PDFs that are no label row (the development PDFs have no labels with pages; a table row
# or caption of papers_extend or papers_sheets that the labels leave out): (series, model) -> (facts, PDF, page,
# quote or quotes, what they cover). PDF: a file name in papers_dev/pdfs, or '<corpus>:<file>' for a corpus of
# LABELS. Every quote is verified on its page at build time.
PDF_FACTS = {
    # ImageNet
    **{
        ("imagenet", model): (
            {"hardware": "TPU v3", "chip_hours": core_days * 24 / 2},
            "2010.11929v2.pdf",
            6,
            "TPUv3-core-days 2.5k 0.68k 0.23k 9.9k 12.3k",
            f"Table 2, pre-training of {what}: {core_days:g} TPUv3-core-days ('the number of TPU v3 cores (2 per "
            "chip) used for training multiplied by the training time in days', p5); the fine-tuning is not timed",
        )
        for model, core_days, what in [
            ("ViT-H/14", 2500, "ViT-H/14 on JFT-300M"),
            ("ViT-L/16", 680, "ViT-L/16 on JFT-300M"),
            ("BiT-L (ResNet)", 9900, "BiT-L (ResNet152x4) on JFT-300M, as the ViT paper reports it"),
        ]
    },
    # EfficientNetV2's Table 7 times other papers' models too, in the same unit as its own rows (LABEL_FACTS): the
    # total training time normalized for 32 TPU cores (16 TPU v3 chips). Its ViT-L/16 (21k) figure, 172 h x 16 chips,
    # agrees with the ViT paper's own 0.23k TPUv3-core-days (2752 vs 2760 chip-hours). Only rows whose model and
    # top-1 are the leaderboard row's (its EfficientNet-B3..B7 are later checkpoints, 0.3-0.4 points above the board).
    **{
        ("imagenet", model): (
            {"hardware": "TPU v3", "count": 16, "hours": hours},
            "papers_extend:2104.00298.pdf",
            7,
            (quote, "Train-time is the total training time normalized for 32 TPU cores"),
            f"the training of {what} as EfficientNetV2's Table 7 reports it (same top-1 as the board row), normalized "
            "to 32 TPU cores (16 TPU v3 chips)",
        )
        for model, hours, quote, what in [
            ("NFNet-F0", 8.9, "NFNet-F0 (Brock et al., 2021) 83.6% 72M 12B 30 8.9", "NFNet-F0 (83.6%)"),
            ("NFNet-F1", 20.0, "NFNet-F1 (Brock et al., 2021) 84.7% 133M 36B 70 20", "NFNet-F1 (84.7%)"),
            ("NFNet-F2", 36.0, "NFNet-F2 (Brock et al., 2021) 85.1% 194M 63B 124 36", "NFNet-F2 (85.1%)"),
            ("NFNet-F3", 65.0, "NFNet-F3 (Brock et al., 2021) 85.7% 255M 115B 203 65", "NFNet-F3 (85.7%)"),
            (
                "BoTNet T7",
                95.0,
                "BotNet-T7-hybrid (Srinivas et al., 2021) 84.7% 75M 46B - 95",
                "BoTNet-T7 (84.7%, 75M parameters, 46B FLOPs: the board's BoTNet T7)",
            ),
        ]
    },
    # MLP-Mixer's Table 2 gives other papers' models' pre-training cost in TPUv3-core-days (2 cores per chip; its
    # Figure 2 axis: 'Total pre-training kilo-TPUv3-core-days'); the fine-tuning is not timed.
    **{
        ("imagenet", model): (
            {"hardware": "TPU v3", "chip_hours": core_days * 24 / 2},
            "papers_extend:2105.01601.pdf",
            5,
            (quote, "the total pre-training cost and the downstream accuracy"),
            f"Table 2, pre-training of {what}: {core_days:g} TPUv3-core-days as the Mixer paper reports it; the "
            "fine-tuning is not timed",
        )
        for model, core_days, quote, what in [
            (
                "HaloNet4 (base 128, Conv-12)",
                100,
                "HaloNet [51] 85.8 — — — 120 0.10k",
                "the HaloNet H4 (base 128, Conv-12) on ImageNet-21k (Mixer's row is its 512 px fine-tuning, 85.8%, "
                "120 img/sec/core as HaloNet's Table 6 gives it; the board's 85.5% is the 384 px fine-tuning of the "
                "same pre-trained model, p5 note: 'HaloNet fine-tuned at 384 resolution achieves 85.5%')",
            ),
            ("BiT-M (ResNet)", 940, "BiT-R152x4 [22] 85.39 — 94.04 70.64 26 0.94k", "BiT-M (R152x4) on ImageNet-21k"),
            ("NFNet-F4+", 1860, "NFNet-F4+ [7] 89.2 — — — 46 1.86k", "NFNet-F4+ on JFT-300M"),
        ]
    },
    # COCO
    ("coco", "DN-DETR-R50"): (
        {"hardware": "A100", "count": 8, "hours": 50 * 57.7 / 60},
        "papers_extend:2203.01305.pdf",
        11,
        (
            "We tested the training wall clock time and GFLOPs with 8 NVIDIA A100 GPUs",
            "The total training time is calculated by multiplying the number of training epochs and the training "
            "time for each epoch",
            "The training time per epoch is 51.1min and 57.7min for DAB-DETR-R50 and DN-DAB-DETR-R50, respectively",
        ),
        "the 50-epoch DN-DETR-R50 of Table 1 (DN-DETR is built on DAB-DETR: 'DN-DAB-DETR'): 50 x 57.7 min on 8 "
        "A100 GPUs, the total as the paper itself computes its totals (epochs x time per epoch; its Table 2 gives "
        "1443 min for the untabulated 25-epoch run)",
    ),
}

# SQuAD, CoNLL and WMT sentences that are no label row: the PDF named "corpus:file" (papers_extend, papers_sheets;
# a bare file name is a papers_dev PDF), the quote verified on its page at build time like the ones above.
PDF_FACTS |= {
    **{
        (series, model): (
            {"hardware": "GTX 1080", "count": 3, "hours": 14 * 24.0},
            "papers_extend:2003.10555.pdf",
            6,
            "ELMo 3.3e18 / 2.6e10 19x / 1.2x 96M 14d on 3 GTX 1080 GPUs",
            "ELMo's pre-training as the ELECTRA paper's Table 1 gives it (14 days on 3 GTX 1080; the ELMo paper "
            "states no training time; ELECTRA's caption: times 'should be taken with a grain of salt')"
            f"{extra}; the task model's training is not timed",
        )
        for series, model, extra in [
            ("squad", "BiDAF + Self Attention + ELMo (single model)", ""),
            ("squad", "BiDAF + Self Attention + ELMo (ensemble)", "; one ELMo for the ensemble's members"),
            ("conll", "BiLSTM-CRF+ELMo", ""),
        ]
    },
    **{
        ("wmt14_en_fr", f"PaLM 540B ({setting})"): (
            {"hardware": "TPU v4", "chip_hours": 6144 * 1200.0 + 3072 * 336.0},
            "2204.02311v1.pdf",
            65,
            "We trained PaLM-540B on 6144 TPU v4 chips for 1200 hours and 3072 TPU v4 chips for 336 hours including "
            "some downtime and repeated steps.",
            "pre-training of PaLM 540B, the two stages' chip-hours summed (downtime and repeated steps included, as "
            "the sentence says); the translation is prompted, no further training",
        )
        for setting in ("few-shot, k=5",)
    },
}

# Sheet rows whose hardware facts come from the pipeline's own extraction of a development PDF: (series, model) ->
# (PDF file in papers_dev/pdfs, text the chosen statement's sentence contains).
DEV_EXTRACTED = {
    ("imagenet", "ZFNet(ensemble, 6 convnets)"): (
        "visualizing_and_understanding_convolutional_networks.pdf",
        "12 days on a single GTX580",
    ),
    ("imagenet", "VGG19"): ("1409.1556v6.pdf", "four NVIDIA Titan Black GPUs"),
}

# Epoch AI's own training-compute estimates ("Training compute (FLOP)") for the sheet's model and training run:
# (series, model) -> (Epoch model, what the estimate covers). Another method than the hardware burden: the sheet's
# `epoch_flop`, taken only by the epoch convention. Rows where Epoch's row is another model of the paper (a
# language model of a translation paper, the JFT run of an ImageNet paper) are left out.
# Epoch's 'ELMo' row (3.3e15 FLOP) is left out: a thousandth of the 3.3e18 train FLOPs ELECTRA's Table 1 gives ELMo.
EPOCH_ESTIMATES = {
    ("imagenet", "ResNet-152 (2015)"): ("ResNet-152 (ImageNet)", "operation count"),
    ("imagenet", "ResNet-101 (2015)"): ("ResNet-101 (ImageNet)", "operation count"),
    ("imagenet", "ResNeXt101 (64 x 4d) img size 320x320 / 299x299"): ("ResNeXt-101 (64×4d)", ""),
    ("imagenet", "ResNet-101 (JFT-300M Finetuning)"): ("JFT", "JFT-300M pre-training"),
    ("imagenet", "PNASNet-5"): ("PNASNet-5", "the architecture search"),
    ("imagenet", "AmoebaNet-A"): ("AmoebaNet-A (F=448)", "the architecture search"),
    ("imagenet", "ResNeXt-101 32x48d"): ("ResNeXt-101 32x48d", "operation count"),
    ("imagenet", "MnasNetA3"): ("MnasNet-A3", "the architecture search"),
    ("imagenet", "Proxyless"): ("ProxylessNAS", "the architecture search"),
    ("imagenet", "NoisyStudent(EfficientNetL2)"): ("Noisy Student (L2)", ""),
    ("imagenet", "Meta Pseudo Labels (EfficientNet-L2)"): ("Meta Pseudo Labels", ""),
    ("imagenet", "ViT-H/14"): ("ViT-Huge/14", "pre-training"),
    ("imagenet", "DeiT-B↑384 (no distillation)"): ("DeiT-B", "53 h of training plus 20 h of fine-tuning"),
    ("imagenet", "ALIGN (EfficientNet-L2)"): ("ALIGN", "pre-training"),
    ("imagenet", "EfficientNetV2-XL (21k)"): ("EfficientNetV2-XL", ""),
    ("imagenet", "Transformer local-attention (NesT-B)"): ("Transformer local-attention (NesT-B)", "operation count"),
    ("imagenet", "MAE (ViT-H)"): ("Masked Autoencoders ViT-H", "pre-training"),
    ("imagenet", "SwinV2-G"): ("Swin Transformer V2 (SwinV2-G)", "pre-training"),
    ("imagenet", "Florence-CoSwin-H"): ("Florence", "pre-training"),
    ("imagenet", "Model soups (ViT-G/14)"): ("ViT-G (model soup)", "pre-training of ViT-G"),
    ("imagenet", "CoCa (finetuned)"): ("CoCa", "pre-training"),
    ("imagenet", "InternImage-H"): ("InternImage", "operation count"),
    ("imagenet", "EVA"): ("EVA-01", "pre-training"),
    ("coco", "RetinaNet (ResNet-101-FPN)"): ("RetinaNet-R101", ""),
    ("coco", "YOLOX-X (Modified CSP v5)"): ("YOLOX-X", "operation count"),
    ("coco", "Florence-CoSwin-H"): ("Florence", "pre-training"),
    ("coco", "EVA"): ("EVA-01", "pre-training"),
    ("squad", "BERT (single)"): ("BERT-Large", "pre-training"),
    ("squad", "BERT (ensemble)"): ("BERT-Large", "pre-training of one BERT-Large"),
    ("squad", "XLNet (single model)"): ("XLNet", "pre-training"),
    ("squad", "LUKE (single model)"): ("LUKE", "LUKE's pre-training plus RoBERTa-large's"),
    ("squad", "DistilBERT"): ("DistilBERT", "the distillation pre-training"),
    ("conll", "Ma and Hovy"): ("Named Entity Recognition model", ""),
    ("conll", "BERT Large"): ("BERT-Large", "pre-training"),
    ("conll", "LUKE 483M"): ("LUKE", "LUKE's pre-training plus RoBERTa-large's"),
    ("wmt14_en_de", "Seq-KD + Seq-Inter + Word-KD"): ("Knowledge distillation student model", "operation count"),
    ("wmt14_en_de", "Transformer + SRU"): ("Transformer + Simple Recurrent Unit", "one V100 for 3.5 days"),
    ("wmt14_en_de", "Transformer Big + BT"): ("Big Transformer for Back-Translation", ""),
    ("wmt14_en_de", "T5-11B"): ("T5-11B", "pre-training"),
    ("wmt14_en_fr", "RNN-search50*"): ("RNNsearch-50*", ""),
    ("wmt14_en_fr", "RNMT+"): ("RNMT+", ""),
    ("wmt14_en_fr", "LSTM"): ("Seq2Seq LSTM", "the 5 models of the ensemble"),
    ("wmt14_en_fr", "T5"): ("T5-11B", "pre-training of T5-11B"),
    ("wmt14_en_fr", "FLAN 137B (zero-shot)"): ("FLAN 137B", "pre-training"),
    ("wmt14_en_fr", "FLAN 137B (few-shot, k=9)"): ("FLAN 137B", "pre-training"),
    ("wmt14_en_fr", "PaLM 540B (few-shot, k=5)"): ("PaLM (540B)", "pre-training"),
}

# Extra training data of rows whose result used it, and ensembles: by hand for rows with compute and the chart, else
# from words of the model name (EXTRA_WORDS; ImageNet only, where PwC's own flag column is missing in the snapshot).
EXTRA_DATA = {
    ("imagenet", "AlexNet"): "ImageNet Fall 2011 (2 of the 7 CNNs pre-trained on it)",
    ("imagenet", "ResNeXt-101 32x48d"): "Instagram 940M",
    ("imagenet", "FixResNeXt101 32x48d"): "Instagram 940M",
    ("imagenet", "NoisyStudent(EfficientNetL2)"): "JFT-300M (unlabelled)",
    ("imagenet", "Meta Pseudo Labels (EfficientNet-L2)"): "JFT-300M (unlabelled)",
    ("imagenet", "Meta Pseudo Labels (EfficientNet-B6-Wide)"): "JFT-300M (unlabelled)",
    ("imagenet", "ResNet-101 (JFT-300M Finetuning)"): "JFT-300M",
    ("imagenet", "ViT-H/14"): "JFT-300M",
    ("imagenet", "ViT-L/16"): "JFT-300M",
    ("imagenet", "BiT-L (ResNet)"): "JFT-300M",
    ("imagenet", "ViT-L/16 (ImageNet-21k pre-training)"): "ImageNet-21k",
    ("imagenet", "Mixer-H/14 (JFT-300M pre-train)"): "JFT-300M",
    ("imagenet", "Mixer-L/16 (ImageNet-21k pre-training)"): "ImageNet-21k",
    **{("imagenet", f"EfficientNetV2-{size} (21k)"): "ImageNet-21k" for size in ("S", "M", "L", "XL")},
    ("imagenet", "ALIGN (EfficientNet-L2)"): "ALIGN image-text pairs (1.8B)",
    ("imagenet", "Florence-CoSwin-H"): "FLD-900M image-text pairs",
    ("imagenet", "CoCa (finetuned)"): "JFT-3B and ALIGN image-text pairs",
    ("imagenet", "EVA"): "Merged-30M (ImageNet-21k, CC12M, CC3M, Object365, COCO, ADE)",
    ("imagenet", "SwinV2-G"): "ImageNet-22K-ext (70M)",
    ("imagenet", "Model soups (ViT-G/14)"): "JFT-3B",
    ("imagenet", "InternImage-H"): "427M joint image-text data (LAION-400M, YFCC-15M, CC12M)",
    ("imagenet", "HaloNet4 (base 128, Conv-12)"): "ImageNet-21k",
    ("imagenet", "BiT-M (ResNet)"): "ImageNet-21k",
    ("imagenet", "NFNet-F4+"): "JFT-300M",
    ("coco", "Florence-CoSwin-H"): "FLD-900M image-text pairs, Objects365",
    ("coco", "EVA"): "Merged-30M pre-training, Objects365",
    ("squad", "BERT (single)"): "TriviaQA",
    ("squad", "BERT (ensemble)"): "TriviaQA",
    ("wmt14_en_de", "Transformer Big + BT"): "News Crawl (back-translated monolingual German)",
    ("wmt14_en_fr", "Transformer Big + BT"): "News Crawl (back-translated monolingual French)",
    ("wmt14_en_fr", "Transformer+BT (ADMIN init)"): "back-translated monolingual data",
}
EXTRA_WORDS = [
    (re.compile(r"21k|22k|in-?21|in-?22", re.I), "ImageNet-21k"),
    (re.compile(r"jft", re.I), "JFT"),
    (re.compile(r"\big\b|instagram|wsl|billion-scale|semi-weakly", re.I), "Instagram/YFCC (weakly supervised)"),
    (re.compile(r"laion|clip|m3i|extra data|extra training", re.I), "named in the model name"),
]
ENSEMBLE = {("wmt14_en_fr", "LSTM"): "yes", ("wmt14_en_fr", "SMT+LSTM5"): "yes", ("imagenet", "AlexNet"): "yes"}
NOT_ENSEMBLE = {  # the chart names these ensembles; their score and compute are the single model's (LABEL_FACTS)
    ("wmt14_en_fr", "ConvS2S (ensemble)"),
    ("wmt14_en_de", "ConvS2S (ensemble) (variant 2)"),
}

COLUMNS = [
    "model", "arxiv_id", "year", "score", "hardware", "count", "hours", "chip_hours", "flop",
    "extra_data", "ensemble", "epoch_flop", "source",
]  # fmt: skip
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


def empty_row(model: str, arxiv_id: str, year: int, score: float, source: str, origin: str) -> dict:
    row = {column: "" for column in COLUMNS}
    row.update(model=model, arxiv_id=arxiv_id, year=year, score=round(score, 4), source=source)
    row.update(_origin=origin, _hb="", _notes=[], _compute=[])
    return row


def read_csv(path: Path, delimiter: str = ",") -> list[dict]:
    with open(path, newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle, delimiter=delimiter))


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
        row = empty_row(name, arxiv_id, year, float(record["accuracy"]) * 100, THOMPSON_SOURCE, "chart")
        row["flop"] = f"{float(record['hardware_burden']) * 1e9:.10g}"
        row["source"] = f"score and flop: {THOMPSON_SOURCE}"
        key = (series, record["model"], year)
        if key in CURATED_HARDWARE:
            hardware, count, hours, citation = CURATED_HARDWARE[key]
            row.update(hardware=hardware, count=count, hours=hours)
            row["_compute"].append(citation)
        rows_by_series[series].append(row)
    return rows_by_series


def hardware_burden(text: str) -> str:
    """PwC's Hardware Burden 'NG' (N x 1e9 GFLOP) in FLOP, as the sheet writes it."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*G\s*", text or "")
    return f"{float(match.group(1)) * 1e18:.10g}" if match else ""


def pwc_snapshot_rows(shared: Path, series: str, skipped: list[str]) -> list[dict]:
    """Rows of the series' 2025 Papers with Code leaderboards that have an arXiv id and a score, in board order."""
    out = []
    for board, metric in PWC_BOARDS[series]:
        for record in read_csv(shared / PWC_DIR / f"{board}.tsv", delimiter="\t"):
            arxiv_id, name = record["arxiv_id"], " ".join(record["model_name"].split())
            if not arxiv_id:
                skipped.append(f"{board}: rows without an arXiv id")
                continue
            if not record[metric].strip():
                skipped.append(f"{board}: rows without {metric}")
                continue
            if series in OTHER_METRIC and OTHER_METRIC[series].search(name):
                skipped.append(f"{board}: rows on another metric ({OTHER_METRIC[series].pattern})")
                continue
            if (series, arxiv_id, name) in PWC_SKIP:
                skipped.append(f"{board}: {PWC_SKIP[(series, arxiv_id, name)]}")
                continue
            year = int(record["date"][:4]) if record["date"] else year_of_arxiv(arxiv_id)
            source = PWC_SOURCE.format(board=board, metric=metric, row=record["row"])
            row = empty_row(name, arxiv_id, year, score_of(record[metric]), source, f"pwc:{board}")
            row["_date"] = record["date"] or f"{year}-99"
            row["_hb"] = hardware_burden(record.get("Hardware Burden", ""))
            if row["_hb"]:
                row["flop"] = row["_hb"]
                row["_given"] = HB_SOURCE.format(value=record["Hardware Burden"])
                row["_hb_text"] = f"{source}, {row['_given']}"
            out.append(row)
    return out


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
        out.append(empty_row(name, arxiv_id, year, score_of(record[score_column]), source, "nlp-progress"))
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
        row = empty_row(record["model_name"].strip(), arxiv_id, year, score_of(record["value"]), citation, source)
        if row["model"] not in best or row["score"] > best[row["model"]]["score"]:
            best[row["model"]] = row
    return list(best.values())


def imagenet_rows(shared: Path) -> list[dict]:
    """The Nov 2019 copy: its state-of-the-art-at-the-time list, the only rows it gives arXiv ids for (below)."""
    sota = {record["Method"] for record in read_csv(shared / IMAGENET_SOTA_FILE)}
    out = []
    for record in read_csv(shared / IMAGENET_FILE):
        name = " ".join(record["Method"].split())
        if record["Method"] not in sota and ("imagenet", name) not in LEADERBOARD_IDS:
            continue
        source = IMAGENET_SOURCE + ("; extra training data" if record["Extra Training Data Label"] == "X" else "")
        row = empty_row(name, "", int(record["date"][:4]), score_of(record["Top 1 Accuracy"]), source, "pwc-2019")
        if record["Extra Training Data Label"] == "X":
            row["extra_data"] = "yes (the leaderboard's flag)"
        out.append(row)
    return out


def older_leaderboard_rows(shared: Path, skipped: list[str]) -> dict[str, list[dict]]:
    return {
        "imagenet": imagenet_rows(shared),
        "coco": [],
        "squad": pwc_rows(shared, "squad", "SQuAD1.1", "F1", skipped),
        "conll": nlp_progress_rows(shared, "CoNLL 2003 (English)", "F1", skipped),
        "wmt14_en_de": nlp_progress_rows(shared, "WMT 2014 EN-DE", "BLEU", skipped)
        + pwc_rows(shared, "eff", "news-test-2014 En-De BLEU", "BLEU score", skipped),
        "wmt14_en_fr": nlp_progress_rows(shared, "WMT 2014 EN-FR", "BLEU", skipped)
        + pwc_rows(shared, "eff", "news-test-2014 En-Fr BLEU", "BLEU score", skipped),
    }


def close(a: dict, b: dict) -> bool:
    return abs(float(a["score"]) - float(b["score"])) <= SAME_SCORE


def same_model(candidate: dict, row: dict, series: str) -> bool:
    """Is `candidate` (a leaderboard entry) the sheet's `row` re-reported? With the same arXiv id: the same name
    (scores of paper versions differ: the Transformer's 41.0/41.8 BLEU), or, across different sources, close
    scores (one board's names of a paper's models are its own: NoisyStudent B5 and B6 are two models, 0.3 apart).
    Without ids (chart points): a year at most one apart (publication vs arXiv year), one name extending the other
    and close scores. SAME_MODEL names the pairs these rules miss."""
    if SAME_MODEL.get((series, candidate["model"], candidate["arxiv_id"])) == row["model"]:
        return True
    na, nb = norm(candidate["model"]), norm(row["model"])
    if candidate["arxiv_id"] and candidate["arxiv_id"] == row["arxiv_id"]:
        return na == nb or (candidate["_origin"] != row["_origin"] and close(candidate, row))
    if row["arxiv_id"] and candidate["arxiv_id"]:
        return False
    return (
        close(candidate, row)
        and bool(na and nb)
        and abs(int(candidate["year"]) - int(row["year"])) <= 1
        and (na.startswith(nb) or nb.startswith(na))
    )


def match(candidate: dict, rows: list[dict], series: str) -> dict | None:
    """The sheet row `candidate` re-reports: of the rows it may be, the one of the same name, else the closest score."""
    found = [row for row in rows if same_model(candidate, row, series)]
    if not found:
        return None
    return min(
        found, key=lambda r: (norm(r["model"]) != norm(candidate["model"]), abs(r["score"] - candidate["score"]))
    )


def add_rows(series: str, rows: list[dict], candidates: list[dict], seen: dict[str, int]) -> None:
    """Append the candidates that are not already in the sheet; a re-reported model lends the sheet row its arXiv
    id, its Hardware Burden (a row without flop) and the citation of both."""
    for candidate in candidates:
        candidate["arxiv_id"] = candidate["arxiv_id"] or LEADERBOARD_IDS.get((series, candidate["model"]), "")
        existing = match(candidate, rows, series)
        if existing is None:
            candidate["model"] = unique_name(candidate["model"], candidate["year"], seen)
            rows.append(candidate)
            continue
        lent = []
        if not existing["arxiv_id"] and candidate["arxiv_id"]:
            existing["arxiv_id"] = candidate["arxiv_id"]
            lent.append("arXiv id")
        if candidate["_hb"]:
            if not existing["flop"]:
                existing["flop"], existing["_hb"] = candidate["_hb"], candidate["_hb"]
                existing["_given"] = candidate["_hb_text"]
            elif existing["_origin"] == "chart" and not existing.get("_chart_hb"):
                ratio = float(candidate["_hb"]) / float(existing["flop"])
                existing["_chart_hb"] = f"{candidate['_hb_text']}, {ratio:.3g} x the chart's value"
        if lent:
            existing["_notes"].append(f"{', '.join(lent)} from {candidate['source']} ('{candidate['model']}')")
        if candidate.get("_date") and not existing.get("_date"):
            existing["_date"] = candidate["_date"]
        if candidate["_origin"].startswith("pwc:"):
            existing.setdefault("_on_board", True)


@cache
def epoch_table(shared: Path) -> dict[str, dict]:
    return {r["Model"]: r for r in read_csv(shared / EPOCH_FILE)}


def epoch_row(shared: Path, model: str) -> dict:
    record = epoch_table(shared).get(model)
    if record is None:
        sys.exit(f"tools/build_sheets.py: Epoch AI row not found: '{model}'")
    return record


def apply_epoch(shared: Path, row: dict, spec: tuple) -> None:
    epoch_model, overrides, why = spec
    record = epoch_row(shared, epoch_model)
    facts = {
        "hardware": record["Training hardware"],
        "count": record["Hardware quantity"],
        "hours": record["Training time (hours)"],
        "chip_hours": record["Training chip-hours"],
    }
    facts.update({key: str(value) for key, value in overrides.items()})
    if facts["hardware"] and facts["count"] and facts["hours"]:
        row.update(hardware=facts["hardware"], count=f"{float(facts['count']):g}", hours=f"{float(facts['hours']):g}")
        used = "Training hardware, Hardware quantity, Training time"
    elif facts["hardware"] and facts["chip_hours"]:
        row.update(hardware=facts["hardware"], chip_hours=f"{float(facts['chip_hours']):g}")
        used = "Training hardware, Training chip-hours"
    else:
        sys.exit(f"tools/build_sheets.py: Epoch AI row '{epoch_model}' lacks hardware, quantity or time: {facts}")
    row["_compute"].append(f"{EPOCH_SOURCE.format(model=epoch_model)}: {used} ({why})")


def squash(text: str) -> str:
    """Letters and digits only, lower case: how a quote is found in PDF text whatever the spacing and hyphens."""
    return re.sub(r"[^0-9a-z]", "", text.lower())


def apply_epoch_note(shared: Path, row: dict, spec: tuple) -> None:
    epoch_model, column, quote, hardware, count, hours, chip_hours, why = spec
    record = epoch_row(shared, epoch_model)
    if squash(quote) not in squash(record[column]):
        sys.exit(f"tools/build_sheets.py: Epoch AI row '{epoch_model}', {column}: quote not found: '{quote}'")
    row.update(hardware=hardware, count=f"{count:g}" if count else "", hours=f"{hours:g}" if hours else "")
    row["chip_hours"] = f"{chip_hours:.6g}" if chip_hours else ""
    row["_compute"].append(f"{EPOCH_SOURCE.format(model=epoch_model)}, {column}: '{quote}' ({why})")


@cache
def pdf_pages(path: Path) -> tuple[str, ...]:
    import pypdfium2 as pdfium

    pdf = pdfium.PdfDocument(str(path))
    try:
        return tuple(squash(page.get_textpage().get_text_range()) for page in pdf)
    finally:
        pdf.close()


def pdf_path(shared: Path, pdf: str) -> Path:
    """A PDF_FACTS file: a bare name is a development PDF, '<corpus>:<file>' a PDF of a labelled corpus."""
    corpus, sep, name = pdf.rpartition(":")
    return shared / (LABELS[corpus][1] if sep else DEV_PDFS) / name


def verify_on_page(path: Path, page: int, quote: str) -> None:
    if not path.is_file():
        sys.exit(f"tools/build_sheets.py: {path} not found (needed to check a quoted sentence)")
    if squash(quote) not in pdf_pages(path)[page - 1]:
        sys.exit(f"tools/build_sheets.py: {path} page {page}: quoted text not found: '{quote}'")


@cache
def label_rows(shared: Path, corpus: str) -> tuple[dict, ...]:
    path = LABELS[corpus][0] or shared / corpus / "labels.csv"
    return tuple(read_csv(path))


def label_sentence(shared: Path, corpus: str, arxiv_id: str, page: int, start: str) -> str:
    found = [
        r for r in label_rows(shared, corpus)
        if r["arxiv_id"] == arxiv_id and r["page"].split(".")[0] == str(page) and r["sentence"].startswith(start)
    ]  # fmt: skip
    if not found:
        sys.exit(f"tools/build_sheets.py: no {corpus} label of {arxiv_id} p{page} starting '{start}'")
    sentence = " ".join(found[0]["sentence"].split())
    verify_on_page(shared / LABELS[corpus][1] / f"{arxiv_id}.pdf", page, sentence)
    return sentence


def apply_facts(row: dict, facts: dict, citations: list[str], why: str) -> None:
    row.update(hardware=facts["hardware"])
    row.update({k: "" for k in ("count", "hours", "chip_hours")})
    if "chip_hours" in facts:
        row["chip_hours"] = f"{facts['chip_hours']:.6g}"
    else:
        row["count"], row["hours"] = f"{facts['count']:g}", f"{facts['hours']:.6g}"
    row["_compute"].append(f"{' + '.join(citations)} ({why})")


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


# Facts that another paper states about the row's model (the ViT paper's Table 2 gives BiT-L's pre-training cost).
# EfficientNetV2 and MLP-Mixer time other papers' models in their comparison tables, ELECTRA's Table 1 gives ELMo's
# training time (PDF_FACTS).
OTHER_PAPER = {
    ("imagenet", model)
    for model in (
        "BiT-L (ResNet)", "NFNet-F0", "NFNet-F1", "NFNet-F2", "NFNet-F3", "BoTNet T7", "HaloNet4 (base 128, Conv-12)",
        "BiT-M (ResNet)", "NFNet-F4+",
    )
} | {
    ("squad", "BiDAF + Self Attention + ELMo (single model)"),
    ("squad", "BiDAF + Self Attention + ELMo (ensemble)"),
    ("conll", "BiLSTM-CRF+ELMo"),
}  # fmt: skip


def check_paper(shared: Path, key: tuple[str, str], row: dict) -> None:
    """Every fact applied to a row must come from the row's own paper (by arXiv id), else the facts' names have
    drifted onto another row (a leaderboard lists several papers' 'ResNet-152')."""
    papers = []
    for table in (EPOCH_FACTS, EPOCH_NOTE_FACTS, EPOCH_ESTIMATES):
        if key in table:
            papers.append(arxiv_of(epoch_row(shared, table[key][0])["Link"]))
    if key in LABEL_FACTS:
        papers.extend(arxiv_id for _, arxiv_id, _, _ in LABEL_FACTS[key][1])
    if key in PDF_FACTS and key not in OTHER_PAPER:
        papers.append(arxiv_of(PDF_FACTS[key][1]))
    for paper in papers:
        if paper and row["arxiv_id"] and paper != row["arxiv_id"]:
            sys.exit(f"tools/build_sheets.py: {key}: facts of arXiv {paper} on a row of arXiv {row['arxiv_id']}")


def mark_notable(rows: list[dict]) -> None:
    """A leaderboard row is notable when it set the board's state of the art at its date (first of equals)."""
    best = -math.inf
    for row in sorted((r for r in rows if r.get("_date")), key=lambda r: (r["_date"], -r["score"], r["model"])):
        if row["score"] > best:
            best = row["score"]
            row["_notable"] = True


def finish(series: str, row: dict) -> dict:
    """The row's extra-data and ensemble columns and its `source`, citing every source of its facts."""
    key = (series, row["model"])
    row["extra_data"] = EXTRA_DATA.get(key, row["extra_data"])
    if not row["extra_data"] and series == "imagenet":
        words = [label for pattern, label in EXTRA_WORDS if pattern.search(row["model"])]
        row["extra_data"] = f"{words[0]} (from the model name)" if words else ""
    named = "ensemble" in row["model"].lower()
    row["ensemble"] = "yes" if (ENSEMBLE.get(key) or named) and key not in NOT_ENSEMBLE else ""
    parts = [row["source"]]
    if row.get("_given"):
        parts.append(f"flop: {row['_given']}")
    if row.get("_chart_hb"):
        parts.append(f"also {row['_chart_hb']}")
    if row["_compute"]:
        parts.append("hardware: " + "; ".join(row["_compute"]))
    if row["epoch_flop"]:
        parts.append(f"epoch_flop: {row['_epoch']}")
    if key in NOT_ENSEMBLE:
        parts.append("not an ensemble: the single model's score and compute")
    parts.extend(row["_notes"])
    row["source"] = "; ".join(parts)
    return row


def build(shared: Path, out_dir: Path) -> tuple[dict[str, dict[str, int]], list[str]]:
    from computelimits.hardware import default_table_path, load_table
    from computelimits.tables import write_records_tsv

    table = load_table(default_table_path())  # once, for every extraction
    skipped: list[str] = []
    rows_by_series = thompson_rows(shared)
    chart = {series: [dict(r, source=r["source"]) for r in rows] for series, rows in rows_by_series.items()}
    older = older_leaderboard_rows(shared, skipped)
    for series, rows in rows_by_series.items():
        seen = {row["model"]: row["year"] for row in rows}
        add_rows(series, rows, pwc_snapshot_rows(shared, series, skipped), seen)
        mark_notable([r for r in rows if r["_origin"].startswith("pwc:") or r.get("_on_board")])
        add_rows(series, rows, older[series], seen)
    for (series, model), (arxiv_id, year, score, cited) in PAPER_ROWS.items():
        rows_by_series[series].append(empty_row(model, arxiv_id, year, score, f"score: {cited}", "paper"))
    for (series, model), spec in DEV_NEW_ROWS.items():
        row = empty_row(model, spec["arxiv_id"], spec["year"], spec["score"], f"score: {spec['score_source']}", "paper")
        rows_by_series[series].append(row)
    for series, rows in rows_by_series.items():
        names = [row["model"] for row in rows]
        if len(set(names)) != len(names):
            sys.exit(f"tools/build_sheets.py: {series}: a paper row repeats a model name of the leaderboards")

    used = set()
    for series, rows in rows_by_series.items():
        for row in rows:
            key = (series, row["model"])
            check_paper(shared, key, row)
            if row["_origin"] != "chart" and row["source"] and not row["source"].startswith("score"):
                row["source"] = f"score: {row['source']}"
            for facts in (EPOCH_FACTS, EPOCH_NOTE_FACTS, LABEL_FACTS, PDF_FACTS, DEV_EXTRACTED, EPOCH_ESTIMATES):
                if key in facts:
                    used.add((id(facts), key))
            if key in EPOCH_FACTS:
                apply_epoch(shared, row, EPOCH_FACTS[key])
            if key in EPOCH_NOTE_FACTS:
                apply_epoch_note(shared, row, EPOCH_NOTE_FACTS[key])
            if key in LABEL_FACTS:
                facts, refs, why = LABEL_FACTS[key]
                citations = [
                    f"arXiv {arxiv_id} p{page}: '{label_sentence(shared, corpus, arxiv_id, page, start)}'"
                    for corpus, arxiv_id, page, start in refs
                ]
                apply_facts(row, facts, citations, why)
            if key in PDF_FACTS:
                facts, pdf, page, quotes, why = PDF_FACTS[key]
                quotes = (quotes,) if isinstance(quotes, str) else quotes
                for quote in quotes:
                    verify_on_page(pdf_path(shared, pdf), page, quote)
                name = pdf.rpartition(":")[2]
                cited = " ... ".join(f"'{quote}'" for quote in quotes)
                apply_facts(row, facts, [f"arXiv {arxiv_of(name)} ({name}) p{page}: {cited}"], why)
            spec = DEV_NEW_ROWS.get(key)
            if key in DEV_EXTRACTED or spec:
                pdf, contains = DEV_EXTRACTED[key] if key in DEV_EXTRACTED else (spec["pdf"], spec["contains"])
                facts, citation = extracted_facts(shared / DEV_PDFS / pdf, contains, table)
                row.update(facts)
                row["_compute"].append(citation)
            if key in EPOCH_ESTIMATES:
                epoch_model, covers = EPOCH_ESTIMATES[key]
                record = epoch_row(shared, epoch_model)
                if not record["Training compute (FLOP)"]:
                    sys.exit(f"tools/build_sheets.py: Epoch AI row '{epoch_model}' has no Training compute (FLOP)")
                row["epoch_flop"] = f"{float(record['Training compute (FLOP)']):.10g}"
                covered = f"; covers {covers}" if covers else ""
                row["_epoch"] = (
                    f"{EPOCH_SOURCE.format(model=epoch_model)}: Training compute (FLOP), Epoch's own estimate "
                    f"(confidence: {record['Confidence'] or 'not given'}{covered})"
                )
    wanted = {
        (id(facts), key)
        for facts in (EPOCH_FACTS, EPOCH_NOTE_FACTS, LABEL_FACTS, PDF_FACTS, DEV_EXTRACTED, EPOCH_ESTIMATES)
        for key in facts
    }
    if wanted - used:
        names = sorted(key for _, key in wanted - used)
        sys.exit(f"tools/build_sheets.py: facts for rows not in the sheets: {names}")

    counts = {}
    for series, rows in rows_by_series.items():
        rows = [finish(series, row) for row in rows]
        rows.sort(key=lambda r: (r["year"], r["model"]))
        default = [r for r in rows if r["_origin"] in ("chart", "paper") or has_compute(r) or r.get("_notable")]
        chosen = {id(r) for r in default}
        full = [r for r in rows if r["arxiv_id"] or id(r) in chosen]  # the default rows and every row with an id
        v1 = sorted(
            (
                dict(r, hardware="", count="", hours="", source=f"score and flop: {THOMPSON_SOURCE}")
                for r in chart[series]
            ),
            key=lambda r: (r["year"], r["model"]),
        )
        for part, selected, columns in (("", default, COLUMNS), ("full", full, COLUMNS), ("thompson_v1", v1, V1)):
            directory = out_dir / part if part else out_dir
            directory.mkdir(parents=True, exist_ok=True)
            write_records_tsv(selected, columns, directory / f"{series}.tsv")
        counts[series] = {
            "rows": len(default),
            "full": len(full),
            "flop given": sum(bool(r["flop"]) for r in default),
            "hardware facts": sum(bool(r["hardware"]) for r in default),
            "epoch estimate": sum(bool(r["epoch_flop"]) for r in default),
            "no compute": sum(not has_compute(r) for r in default),
        }
    return counts, skipped


V1 = ["model", "arxiv_id", "year", "score", "hardware", "count", "hours", "chip_hours", "flop", "source"]


def has_compute(row: dict) -> bool:
    return bool(row["flop"] or row["hardware"] or row["epoch_flop"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path, default=Path("../shared/data"))
    parser.add_argument("--out", type=Path, default=Path("config/sheets"))
    args = parser.parse_args()
    counts, skipped = build(args.shared.resolve(), args.out)
    for series, figures in counts.items():
        print(series + "\t" + ", ".join(f"{key} {value}" for key, value in figures.items()))
    for line in sorted(set(skipped)):
        print(f"skipped: {line} (x{skipped.count(line)})")


if __name__ == "__main__":
    main()
