"""The paper reader: what a whole paper says about its own training compute, class by class.

Each test states the correct behaviour for one failure class of the extractor: others' compute, bibliography
entries, speed-ups and non-training times, per-unit times, compound durations, processor counts, paper-level
hardware, roles and datasets, the run a sheet row gets, processors named without a type, units, and the CLI.
Sentences are in the shapes real papers use; no rule may key on a paper title or a model name.
"""

from __future__ import annotations

import io
import math
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from computelimits.burden import merge_benchmark
from computelimits.defaults import benchmark_defaults, defaults
from computelimits.extraction import extract_pdf, statements_from_text
from computelimits.hardware import flops_by_convention
from computelimits.sections import looks_like_reference
from computelimits.sheets import load_sheet
from computelimits.statements import parse_sentence, units_trained_in
from computelimits.vocabulary import counted_durations

from .conftest import CONVENTIONS, SHEET_SCHEMA

CLI = str(Path(sys.executable).with_name("computelimits"))
HOURS_PER_YEAR = 365.25 * 24

# Running text with no processor, no duration and no training word: pages of a paper around the statements.
FILLER = (
    "Representation quality matters for downstream accuracy, and the literature offers many competing views on "
    "how it should be measured. We follow the common protocol and report the mean of the standard metrics. "
)
BACKGROUND = (
    "Convolutional and attention-based architectures dominate recent benchmarks, and careful regularisation "
    "remains important for generalisation. "
)


def _statements(sentence, table, convention):
    """Statements with a duration (what the merge can use)."""
    return [s for s in parse_sentence(sentence, table, convention) if s.hours or s.chip_hours]


def _pdf(path: Path, pages: list[str]) -> Path:
    """A PDF (fpdf2) with one page per string, single column."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    for text in pages:
        pdf.add_page()
        pdf.set_font("Helvetica", size=10)
        pdf.multi_cell(0, 5, text)
    pdf.output(str(path))
    return path


def _found(result):
    return [(s.hardware, s.count, s.hours) for _, s in result.statements]


def _runs(sentence, table, convention):
    """(hardware, count, hours) of a sentence's statements with a duration."""
    return [(s.hardware, s.count, s.hours) for s in _statements(sentence, table, convention)]


# 1. Others' work taken as the paper's own ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "This is far cheaper than the evolutionary search, which used 450 GPUs for 3 weeks in Smith & Lee (2018).",
        "The evolutionary method of [23] runs for 6 days on 300 V100 GPUs.",
        "In prior work, training took 2 weeks on 64 GPUs.",
        "Training the original network took 2 weeks on 64 GPUs [12].",
        "The reinforcement-learning controller of Smith and Lee [31] was trained for 28 days on 800 K40 GPUs.",
        # the citation only closes the run's clause
        "ResNet-152 was trained for 3 weeks on 8 GPUs [15].",
        "BERT was pre-trained on 16 Cloud TPUs for 4 days (Devlin et al., 2019).",
        "The large model required 2,500 TPUv3-core-days to train [13].",
        "The authors of BigGAN report training for 2 days on 512 TPU cores.",
        "Training for 3 weeks on 8 GPUs, as done by Zoph et al. [40], is prohibitively expensive.",
    ],
    ids=[
        "which-used-in-author-year", "method-of-ref", "in-prior-work", "original-network-ref", "controller-of-ref",
        "closing-ref", "closing-author-year", "closing-ref-chip-time", "the-authors-of", "as-done-by",
    ],
)  # fmt: skip
def test_others_compute_is_no_statement(sentence, table, thompson):
    assert _statements(sentence, table, thompson) == []


def test_authors_running_others_method_is_their_own(table, thompson):
    """The authors ran it: a statement. Contrasted with a cited run: only the authors' own run."""
    [rerun] = _statements("We re-ran the method of [23] on 8 V100 GPUs for 2 days.", table, thompson)
    assert (rerun.hardware, rerun.count, rerun.hours) == ("V100", 8, 48)
    found = _statements(
        "Unlike [23], which needed 450 GPUs for 3 weeks, we train on 8 V100 GPUs for 2 days.", table, thompson
    )
    assert [(s.hardware, s.count, s.hours) for s in found] == [("V100", 8, 48)]
    found = _statements(
        "Whereas the search of Smith et al. [9] ran for 28 days on 800 GPUs, our search finishes in 4 days on 4 "
        "NVIDIA P100 GPUs.",
        table,
        thompson,
    )
    assert [(s.hardware, s.count, s.hours) for s in found] == [("P100", 4, 96)]
    found = _statements(
        "The original Transformer was trained on 8 P100 GPUs for 3.5 days [30], while ours trains in 12 hours on 8 "
        "V100 GPUs.",
        table,
        thompson,
    )
    assert [(s.hardware, s.count, s.hours) for s in found] == [("V100", 8, 12)]


@pytest.mark.parametrize(
    "sentence",
    [
        "Training takes 3 days on 8 V100 GPUs with mixed precision [28].",
        "The model is trained for 3 days on 8 V100 GPUs using AdamW (Loshchilov & Hutter, 2019).",
        "We train the model for 3 days on 8 V100 GPUs, following the schedule of [15].",
        "We train for 3 days on 8 V100 GPUs, as done by Zoph et al. [40].",
    ],
    ids=["with-a-tool", "using-an-optimizer", "first-person", "first-person-as-done-by"],
)
def test_a_citation_of_a_tool_after_the_run_leaves_it_the_authors(sentence, table, thompson):
    assert _runs(sentence, table, thompson) == [("V100", 8, 72)]


# 2. Bibliography entries --------------------------------------------------------------------------------------------

BODY = FILLER * 2 + "We train on 4 V100 GPUs for 2 days. " + FILLER
REFERENCES = (
    "References "
    "[1] D. Author and E. Author. Regularising deep networks. In NeurIPS, 2016. "
    "[7] A. Author and B. Author. Training a deep network in 2 hours on one GPU. arXiv preprint, 2018. "
    "[8] C. Author. Architecture search in three GPU days. In ICLR, 2019."
)


def test_bibliography_entries_are_no_statements(tmp_path, table, thompson):
    result = extract_pdf(_pdf(tmp_path / "refs.pdf", [BODY + " " + REFERENCES]), table, thompson)
    assert _found(result) == [("V100", 4, 48)]


@pytest.mark.parametrize(
    "entry",
    [
        "Geiping, J., Goldstein, T.: Cramming: Training a language model on a single GPU in one day. arXiv:2212.14034 "
        "(2022)",
        "Goyal P, Dollár P, Girshick R, Noordhuis P. Accurate, large minibatch SGD: training ImageNet in 1 hour. 2017.",
        "T. Akiba, S. Suzuki, K. Fukuda. Extremely large minibatch SGD: Training ResNet-50 on ImageNet in 15 minutes. "
        "arXiv:1711.04325, 2017.",
    ],
    ids=["arxiv-id-of-many-digits", "vancouver-authors", "initials-first"],
)
def test_bibliography_entries_without_et_al_are_references(entry):
    """A bibliography entry listing its authors in full, in any of the common styles, is a reference; a sentence of
    the paper naming a year and a tool is not."""
    assert looks_like_reference(entry)
    assert not looks_like_reference("We train for 2 days on 8 V100 GPUs with AdamW, as in 2019.")


def test_bibliography_page_without_its_heading(tmp_path, table, thompson):
    """References continued on a page of their own (no heading there) are still references."""
    second = (
        "[12] F. Author, G. Author, and H. Author. Pre-training language encoders for 4 days on 16 TPUs. "
        "Technical report, 2019. "
        "[13] J. Author. Training a detector on 8 GPUs in 12 hours. In CVPR, 2018. "
        "[14] K. Author and L. Author. Architecture search in three GPU days. In ICLR, 2019."
    )
    pages = [BODY + " " + REFERENCES, second]
    result = extract_pdf(_pdf(tmp_path / "refs2.pdf", pages), table, thompson)
    assert _found(result) == [("V100", 4, 48)]


# 3. Speed-ups, throughput, evaluation, inference and preprocessing times --------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "Our method cuts pre-training from 5 days to 2 hours on 8 GPUs.",
        "Our recipe shortens training from 3 weeks to 4 days on 16 A100 GPUs.",
        "The system can process 50 billion tokens a day on 64 TPUs.",
        "Our training setup processes 50 billion tokens a day on 64 TPU v4 chips.",
        "Building the retrieval index takes 3 hours on 8 GPUs.",
        "Building the retrieval index for the training corpus takes 3 hours on 8 GPUs.",
        "Converting the data took 2 days on 16 CPUs.",
        "Preprocessing the training data took 2 days on 16 CPUs.",
        "Evaluation on the test set takes 10 minutes on one GPU.",
        "Evaluating the trained model on the test set takes 10 minutes on one GPU.",
        "With the faster implementation we decrease the original training time from 85 min to 80 min on 8 GPUs.",
        "Our schedule reduces training from 12 hrs to 9 hrs on a single V100 GPU.",
        "Our model trains 3x faster: it takes 2 days on 8 V100 GPUs.",
        "Training takes 2 days on 8 V100 GPUs, 10x less compute.",
    ],
    ids=[
        "speedup-cuts", "speedup-shortens", "throughput-can-process", "throughput-training-setup",
        "index-build", "index-build-training-corpus", "convert-data", "preprocess-training-data",
        "evaluation", "evaluating-trained-model", "speedup-abbreviated-minutes", "speedup-abbreviated-hours",
        "speedup-faster", "speedup-less-compute",
    ],
)  # fmt: skip
def test_speedups_throughput_and_other_times_are_no_statement(sentence, table, thompson):
    assert _statements(sentence, table, thompson) == []


def test_a_ratio_of_data_is_no_speed_claim(table, thompson):
    """ "10x more data" compares the datasets' sizes, not the training's speed: the run stands."""
    sentence = (
        "Although ImageNet21k has 10x more data, our approach finishes the pretraining within two days using 32 "
        "TPU v3 cores."
    )
    assert [(s.count, s.hours, s.role) for s in _statements(sentence, table, thompson)] == [(16, 48, "pretrain")]


# 4. Per-unit times taken as totals ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence",
    [
        "An epoch takes 35 minutes on 8 V100 GPUs.",
        "Each iteration takes 1.2 s on a P100 GPU.",
        "Training runs at 1.2 s per mini-batch on 4 GPUs.",
        "Training takes 35 minutes per epoch on 8 V100 GPUs.",
        "With 4 GPUs, training proceeds at 1.2 seconds per mini-batch.",
        "The model trains at roughly 3 hours per epoch on 8 GPUs.",
        "One pass over the training set takes 2 hours on 8 V100 GPUs.",
        # no time at all: a letter glued to a number in a formula ("(2H−1)"), when fine-tuned at a resolution H
        "When fine-tuned at a higher resolution, we map the bias from R (2H−1)(2W−1) to R (2H −1)(2W −1).",
    ],
    ids=[
        "an-epoch", "each-iteration-s", "per-mini-batch-s", "minutes-per-epoch", "seconds-per-mini-batch",
        "hours-per-epoch", "one-pass", "formula",
    ],
)  # fmt: skip
def test_per_unit_times_are_no_statement(sentence, table, thompson):
    assert _statements(sentence, table, thompson) == []


# 5. Compound durations ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "count", "hours"),
    [
        ("Training took 2 days and 9 hours on 8 V100 GPUs.", 8, 57),
        ("Training took about 1 day 12 hours on 8 V100 GPUs.", 8, 36),
        ("The whole training took 1 week and 2 days on 16 V100 GPUs.", 16, 216),
        ("We trained the model for 3 hours 30 minutes on 4 V100 GPUs.", 4, 3.5),
        # "a batch size of 512" is no time per batch
        (
            "Experiments on a single V100 GPU with 150k steps and a batch size of 512 ran for approximately 2 days and "
            "3hrs (wall-clock time).",
            1,
            51,
        ),
    ],
    ids=["days-and-hours", "about-day-hours", "week-and-days", "hours-minutes", "after-a-batch-size"],
)
def test_compound_duration_is_one_statement(sentence, count, hours, table, thompson):
    found = _statements(sentence, table, thompson)
    assert [(s.count, s.hours) for s in found] == [(count, pytest.approx(hours))]


@pytest.mark.parametrize(
    ("sentence", "low", "high"),
    [
        ("Training takes 2h-3h on 8 V100 GPUs.", 2, 3),
        ("Training took 2 days to 3 days on 8 V100 GPUs.", 48, 72),
        ("Training took 2-3 days on 8 V100 GPUs.", 48, 72),
    ],
    ids=["glued-unit-repeated", "unit-repeated-with-to", "unit-once"],
)
def test_range_repeating_its_unit_is_one_range(sentence, low, high, table, thompson):
    found = _statements(sentence, table, thompson)
    assert [(s.count, s.hours_low, s.hours_high) for s in found] == [(8, low, high)]


# 6. The processor count ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "hardware", "count", "hours"),
    [
        # singular hardware is one
        ("We train the model on our P100 GPU for 3 days.", "P100", 1, 72),
        ("Training took 10 hours on an NVIDIA Titan Xp card.", "Titan Xp", 1, 10),
        ("We trained the network on the university's A6000 GPU for 30 hours.", "RTX A6000", 1, 30),
        # number words before names the PDF glued together
        ("The network was trained on three NVIDIA RTX2080TI for 2 days.", "RTX 2080 Ti", 3, 48),
        ("We train the detector on a single NVIDIA A100graphics card for 5 hours.", "A100", 1, 5),
        ("The network was trained on two NVIDIA GTX1080Ti for 4 days.", "GTX 1080 Ti", 2, 96),
        # nodes x GPUs
        ("We train on 4 x 8 V100 GPUs for 3 days.", "V100", 32, 72),
        ("We train on 4 nodes × 8 V100 GPUs for 3 days.", "V100", 32, 72),
        ("We train on 2 servers x 8 RTX 3090 GPUs for 4 days.", "RTX 3090", 16, 96),
        ("The model is trained on 32 nodes, each with 8 A100 GPUs, for 5 days.", "A100", 256, 120),
        # cores vs chips in parentheses
        ("We train on 256 cores (128 chips) of a TPU v3 pod for 4 days.", "TPU v3", 128, 96),
        ("Pre-training ran on 1024 cores (512 chips) of a TPU v4 pod for 3 days.", "TPU v4", 512, 72),
    ],
    ids=[
        "our-p100", "an-titan-xp-card", "possessive-a6000", "three-glued-2080ti", "single-glued-a100graphics",
        "two-glued-1080ti", "4x8", "4-nodes-times-8", "2-servers-x-8", "32-nodes-each-8", "cores-chips-pod-v3",
        "cores-chips-pod-v4",
    ],
)  # fmt: skip
def test_processor_count(sentence, hardware, count, hours, table, thompson):
    [stmt] = _statements(sentence, table, thompson)
    assert (stmt.hardware, stmt.count, stmt.hours) == (hardware, count, hours)
    assert stmt.status == "ok"


@pytest.mark.parametrize(
    ("sentence", "hardware", "devices", "hours"),
    [
        ("We train on a Cloud TPU v3 device for 2 days.", "TPU v3", 1, 48),
        ("We train on a Cloud TPU v3 for 2 days.", "TPU v3", 1, 48),
        ("Fine-tuning takes 1 hour on a single Cloud TPU v2.", "TPU v2", 1, 1),
    ],
    ids=["cloud-tpu-v3-device", "cloud-tpu-v3", "single-cloud-tpu-v2"],
)
def test_cloud_tpu_is_a_device(sentence, hardware, devices, hours, table, thompson):
    """A Cloud TPU is one device of chips_per_device chips (a v3-8 holds 4), with or without the word 'device'."""
    [stmt] = _statements(sentence, table, thompson)
    per_device = table.get(hardware).chips_per_device
    assert per_device > 1
    assert (stmt.hardware, stmt.count, stmt.hours) == (hardware, devices * per_device, hours)


@pytest.mark.parametrize(
    ("sentence", "hardware", "count", "hours"),
    [
        ("Training takes approximately 3 days on a p3.16xlarge AWS instance.", "V100", 8, 72),
        ("We train on 4 AWS p4d.24xlarge instances for 2 days.", "A100", 32, 48),
        ("Training took 10 hours on a Google Cloud a2-highgpu-8g machine.", "A100", 8, 10),
        ("We trained on a single p3.2xlarge instance for 12 hours.", "V100", 1, 12),
    ],
    ids=["p3-16xlarge", "four-p4d", "a2-highgpu-8g", "one-gpu-instance"],
)
def test_cloud_instance_types_are_boxes_of_their_gpus(sentence, hardware, count, hours, table, thompson):
    """A cloud instance type is a box of the GPUs it holds (resources/hardware.tsv), like a DGX system."""
    [stmt] = _statements(sentence, table, thompson)
    assert (stmt.hardware, stmt.count, stmt.hours, stmt.status) == (hardware, count, hours, "ok")


def test_cloud_tpus_without_a_version_count_the_chips_the_authors_give(table, thompson):
    """ "16 Cloud TPUs (64 TPU chips total)": no version, so no type, but the chips in brackets are the count."""
    [stmt] = _statements("Pre-training took 4 days on 16 Cloud TPUs (64 TPU chips total).", table, thompson)
    assert (stmt.count, stmt.hours) == (64, 96)


# 7. Hardware stated once for the whole paper ------------------------------------------------------------------------

IMPLEMENTATION = (
    "4 Implementation details. All models are trained on 8 NVIDIA V100 GPUs with a batch size of 256. We use "
    "stochastic gradient descent with momentum 0.9 and a cosine learning-rate schedule. "
)
NAMED = "Fine-tuning the compact variant takes 10 hours on 8 NVIDIA V100 GPUs. "


def _paper(path: Path, duration_sentence: str) -> Path:
    return _pdf(
        path,
        [
            "A Study of Representations. Abstract. " + FILLER * 4,
            FILLER * 2 + IMPLEMENTATION + FILLER * 2,
            BACKGROUND * 3 + NAMED + BACKGROUND * 2,
            BACKGROUND * 4 + duration_sentence + " " + BACKGROUND * 3,
        ],
    )


def test_a_sentence_naming_the_final_run_keeps_it_in_a_search_paragraph(tmp_path, table, thompson):
    """A paragraph about the search gives its stage to a duration that names none, not to one whose sentence names
    the final network ("Training this final network on ImageNet takes 5 days")."""
    text = (
        FILLER * 2 + "Architecture search setup. The controller samples child networks from the search space. "
        "Training this final network on ImageNet takes 5 days on 8 K40 GPUs. " + FILLER
    )
    result = extract_pdf(_pdf(tmp_path / "final.pdf", [text]), table, thompson)
    assert [(s.count, s.hours, s.role) for _, s in result.statements] == [(8, 120, "final")]


def test_paper_hardware_goes_with_a_duration_pages_away(tmp_path, table, thompson):
    result = extract_pdf(_paper(tmp_path / "paper.pdf", "Training took roughly a week."), table, thompson)
    week = [s for p, s in result.statements if p == 4]
    assert len(week) == 1, _found(result)
    [stmt] = week
    assert (stmt.hardware, stmt.count) == ("V100", 8)
    spans = stmt.hours_low is not None and stmt.hours_low <= 168 <= stmt.hours_high
    assert 144 <= stmt.hours <= 192 or spans
    named = [s for p, s in result.statements if p == 3 and s.hours == 10]
    assert named and stmt.confidence < named[0].confidence


def test_paper_hardware_with_a_pretraining_duration(tmp_path, table, thompson):
    result = extract_pdf(_paper(tmp_path / "paper.pdf", "Each pre-training run lasted 6 days."), table, thompson)
    found = [s for p, s in result.statements if p == 4]
    assert len(found) == 1, _found(result)
    [stmt] = found
    assert (stmt.hardware, stmt.count, stmt.hours) == ("V100", 8, 144)
    assert getattr(stmt, "role", None) == "pretrain"


# 8. Roles and datasets ----------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "role", "dataset"),
    [
        ("We pre-train on JFT for 3 days on 64 TPU v3 chips.", "pretrain", "JFT"),
        ("Pre-training the encoder takes 4 days on 16 TPU v3 chips.", "pretrain", ""),
        ("Fine-tuning on ImageNet takes 8 hours on 8 V100 GPUs.", "finetune", "ImageNet"),
        ("We fine-tune on SQuAD for 2 hours on 8 TPU v3 chips.", "finetune", "SQuAD"),
        ("The architecture search took 4 days on 500 GPUs.", "search", ""),
        ("Searching for the cell took 7 days on 20 P100 GPUs.", "search", ""),
        ("Our final model trains on COCO for 2 days on 8 V100 GPUs.", "final", "COCO"),
        ("Our best model was trained on WMT14 English-German for 3.5 days on 8 P100 GPUs.", "final", "WMT14 En-De"),
        ("We train on WMT14 English-French for 5 days on 32 V100 GPUs.", "final", "WMT14 En-Fr"),
        ("Our tagger was trained on CoNLL-2003 for 6 hours on one Titan X GPU.", "final", "CoNLL-2003"),
        ("Training took 3 days on 8 V100 GPUs.", "final", ""),
        ("The smaller ablation models train for 12 hours on 4 GPUs.", "ablation", ""),
        ("All ablation experiments were trained for 10 hours on 4 V100 GPUs.", "ablation", ""),
        # a run of a variant: a component added or removed
        ("Training a one-hop model took 22 hours on one Titan X GPU when we added a self-matching layer.",
         "ablation", ""),
        ("The model w/o the gating layer trains for 9 hours on 4 V100 GPUs.", "ablation", ""),
        # a run stopped at another model's score, not the final model's whole training
        ("Our model reaches the same accuracy as a recurrent reader within 3 hours of training on one P100 GPU.",
         "ablation", ""),
    ],
    ids=[
        "pretrain-jft", "pretrain-no-dataset", "finetune-imagenet", "finetune-squad", "search", "search-cell",
        "final-coco", "final-wmt-en-de", "final-wmt-en-fr", "final-conll", "final-no-dataset", "ablation-models",
        "ablation-experiments", "ablation-added", "ablation-without", "ablation-same-accuracy",
    ],
)  # fmt: skip
def test_role_and_dataset(sentence, role, dataset, table, thompson):
    [stmt] = _statements(sentence, table, thompson)
    assert (getattr(stmt, "role", None), getattr(stmt, "dataset", None)) == (role, dataset)


# 9. The run a sheet row gets ----------------------------------------------------------------------------------------

IMAGENET = benchmark_defaults(
    {"sheet": "s.tsv", "metric": "top-1 accuracy", "higher_is_better": True, "targets": [], "dataset": "ImageNet"}
)


def _stage(table, conventions, sentence, role, dataset, hardware, count, hours, arxiv_id="1610.01234v1"):
    chip_hours = count * hours
    flops = flops_by_convention(table.get(hardware), chip_hours, chip_hours, conventions, False)
    flop = flops[conventions.chosen][0]
    return {
        "arxiv_id": arxiv_id, "sentence": sentence, "hardware": hardware, "count": float(count),
        "hours": float(hours), "chip_hours": float(chip_hours), "flop": flop, "flop_low": flop, "flop_high": flop,
        **{f"flop_{name}": values[0] for name, values in flops.items()}, "status": "ok", "confidence": 1.0,
        "role": role, "dataset": dataset,
    }  # fmt: skip


def _imagenet_row(tmp_path, table, conventions, statements):
    header = "model\tarxiv_id\tyear\tscore\thardware\tcount\thours\tchip_hours\tflop\tsource"
    path = tmp_path / "imagenet.tsv"
    path.write_text(f"{header}\nNet A\t1610.01234\t2016\t79\t\t\t\t\t\tpaper\n")
    sheet = load_sheet(path, SHEET_SCHEMA, "imagenet", 100)
    papers = merge_benchmark(
        "imagenet", sheet, IMAGENET, pd.DataFrame(statements), table, conventions, ["extracted"], 0.05
    )
    [row] = papers.to_dict("records")
    return row


@pytest.mark.parametrize("jft_role", ["pretrain", "final"])
def test_row_gets_the_run_on_its_dataset(tmp_path, table, jft_role):
    """JFT training (the larger run) and ImageNet training from scratch: the ImageNet row gets the ImageNet run."""
    statements = [
        _stage(table, CONVENTIONS, "We train on JFT for 30 days on 60 NVIDIA K80 GPUs.", jft_role, "JFT", "K80", 60,
               720),
        _stage(table, CONVENTIONS, "Training on ImageNet took 3 days on 60 NVIDIA K80 GPUs.", "final", "ImageNet",
               "K80", 60, 72),
    ]  # fmt: skip
    row = _imagenet_row(tmp_path, table, CONVENTIONS, statements)
    assert row["flop_source"] == "extracted"
    assert row["hours"] == 72
    assert row["flop"] == pytest.approx(statements[1]["flop"])
    assert "ImageNet" in row["extracted_sentence"]


def _stages(table):
    return [
        _stage(table, CONVENTIONS, "We pre-train the backbone for 100 hours on 8 NVIDIA P100 GPUs.", "pretrain", "",
               "P100", 8, 100),
        _stage(table, CONVENTIONS, "Fine-tuning on ImageNet takes 10 hours on 8 NVIDIA P100 GPUs.", "finetune",
               "ImageNet", "P100", 8, 10),
    ]  # fmt: skip


def _per_chip_hour(table, name):
    return flops_by_convention(table.get("P100"), 1.0, 1.0, CONVENTIONS, False)[name][0]


def test_row_gets_pretraining_and_finetuning_summed(tmp_path, table):
    row = _imagenet_row(tmp_path, table, CONVENTIONS, _stages(table))
    expected = 8 * 110 * _per_chip_hour(table, "thompson")
    assert row["flop_source"] == "extracted"
    assert row["flop"] == pytest.approx(expected)
    assert row["flop_thompson"] == pytest.approx(expected)


def test_search_counts_only_where_the_convention_says(tmp_path, table):
    """thompson counts the architecture search (count_search: true), epoch does not; a config can turn it off."""
    search = _stage(table, CONVENTIONS, "The architecture search took 40 hours on 8 NVIDIA P100 GPUs.", "search", "",
                    "P100", 8, 40)  # fmt: skip
    statements = [*_stages(table), search]
    row = _imagenet_row(tmp_path, table, CONVENTIONS, statements)
    thompson, epoch = _per_chip_hour(table, "thompson"), _per_chip_hour(table, "epoch")
    assert row["flop_thompson"] == pytest.approx(8 * (110 + 40) * thompson)
    assert row["flop_epoch"] == pytest.approx(8 * 110 * epoch)
    assert row["flop_epoch"] / row["flop_thompson"] == pytest.approx((110 * epoch) / (150 * thompson))
    assert row["flop"] == pytest.approx(row["flop_thompson"])

    from computelimits.config import conventions_from_config

    specs = defaults()["conventions"]
    off = conventions_from_config({"thompson": {**specs["thompson"], "count_search": False}}, "thompson")
    row = _imagenet_row(tmp_path, table, off, statements)
    assert row["flop_thompson"] == pytest.approx(8 * 110 * thompson)


# 10. A processor named without a type -------------------------------------------------------------------------------


def _stamped(path: Path, stamp: str, sentence: str) -> Path:
    return _pdf(path, [f"{stamp} A Study of Representations. " + FILLER * 2 + sentence + " " + FILLER * 2])


def test_untyped_processor_gets_imputed_hardware(tmp_path, table, thompson):
    path = _stamped(tmp_path / "1706.01234v1.pdf", "arXiv:1706.01234v1 [cs.CV] 5 Jun 2017", "We train for 3 days "
                    "on 8 GPUs.")  # fmt: skip
    [(_, stmt)] = extract_pdf(path, table, thompson).statements
    assert stmt.status == "imputed hardware"
    assert (stmt.count, stmt.hours) == (8, 72)
    assert stmt.flop is not None and stmt.flop_low < stmt.flop < stmt.flop_high
    assert stmt.flop_high / stmt.flop_low >= 3


def test_imputed_hardware_follows_the_paper_year(tmp_path, table, thompson):
    """The same untyped statement in a 2014 paper gets less compute per chip-hour than in a 2017 paper."""
    old = _stamped(tmp_path / "1409.01234v2.pdf", "arXiv:1409.01234v2 [cs.CV] 4 Sep 2014",
                   "The network was trained on four GPUs for two weeks.")  # fmt: skip
    new = _stamped(tmp_path / "1706.01234v1.pdf", "arXiv:1706.01234v1 [cs.CV] 5 Jun 2017",
                   "The network was trained on four GPUs for two weeks.")  # fmt: skip
    [(_, before)] = extract_pdf(old, table, thompson).statements
    [(_, after)] = extract_pdf(new, table, thompson).statements
    assert before.status == after.status == "imputed hardware"
    assert (before.count, before.hours) == (after.count, after.hours) == (4, 336)
    assert before.flop < after.flop


# 11. Vocabularies that disagree -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("sentence", "hardware", "count", "hours"),
    [
        ("Training took 3 wks on 8 V100 GPUs.", "V100", 8, 504),
        ("We train on a TPU v5e-256 slice for 2 days.", "TPU v5e", 256, 48),
        ("We trained on a TPU v5e-64 slice for 30 hours.", "TPU v5e", 64, 30),
        # a pod slice named by its chips or its topology, not by a slice size: its chips, never a whole pod's
        ("We train on a 64-chip TPU v4 pod slice for 6 days.", "TPU v4", 64, 144),
        ("We train on a TPU v4 pod slice with a 4x4x4 topology for 6 days.", "TPU v4", 64, 144),
        ("We train on a TPU v4 slice with 32 chips for 6 days.", "TPU v4", 32, 144),
        ("We train on a 2x2x4 TPU v4 slice for 6 days.", "TPU v4", 16, 144),
    ],
    ids=["wks", "v5e-256-slice", "v5e-64-slice", "n-chip-pod-slice", "topology-after", "with-n-chips", "topology"],
)  # fmt: skip
def test_units_and_slices(sentence, hardware, count, hours, table, thompson):
    found = _statements(sentence, table, thompson)
    assert [(s.hardware, s.count, s.hours) for s in found] == [(hardware, count, hours)]
    assert found[0].status == "ok"


@pytest.mark.parametrize(
    ("text", "count", "hours"),
    [
        ("We trained for 2 years on 1 CPU.", 1, 2 * HOURS_PER_YEAR),
        ("Training took 90,000 seconds on 8 GPUs.", 8, 25),
        ("Training took 3 wks on 8 V100 GPUs.", 8, 504),
    ],
    ids=["years-cpu", "seconds", "wks"],
)
def test_every_unit_the_parser_reads_is_a_candidate(text, count, hours, table, thompson):
    found = statements_from_text(FILLER + text + " " + FILLER, table, thompson)
    assert [(s.count, s.hours) for s in found] == [(count, pytest.approx(hours))]


def test_years_on_a_cpu_from_a_pdf(tmp_path, table, thompson):
    path = _pdf(tmp_path / "cpu.pdf", [FILLER * 2 + "We trained for 2 years on 1 CPU. " + FILLER])
    found = [(s.count, s.hours) for _, s in extract_pdf(path, table, thompson).statements]
    assert found == [(1, pytest.approx(2 * HOURS_PER_YEAR))]


# 12. The CLI --------------------------------------------------------------------------------------------------------


def _parse(*args):
    result = subprocess.run([CLI, "parse", *args], capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    return pd.read_csv(io.StringIO(result.stdout), sep="\t", keep_default_na=False, na_values=[""])


def test_cli_parse_passive_use_of_gpus():
    [row] = _parse("512 H100 GPUs were used for three months").to_dict("records")
    assert (row["hardware"], row["count"]) == ("H100", 512)
    assert abs(row["hours"] - 2190) <= 10


def test_cli_strict_needs_a_training_cue():
    [row] = _parse("--strict", "512 H100 GPUs were used for three months").to_dict("records")
    assert row["sentence"] == "512 H100 GPUs were used for three months"
    assert math.isnan(row["count"]) and math.isnan(row["hours"])


@pytest.mark.parametrize("strict", [False, True], ids=["default", "strict"])
@pytest.mark.parametrize(
    "sentence",
    ['"We trained on 8 V100 GPUs for 2 days," the authors note.', '"Fast" models are useful.'],
    ids=["statement", "no-statement"],
)
def test_cli_sentence_with_leading_quote_round_trips(sentence, strict):
    rows = _parse(*(["--strict"] if strict else []), sentence)
    assert list(rows["sentence"]) == [sentence]


# 13. Training times in tables ---------------------------------------------------------------------------------------


def _table_pdf(
    path: Path,
    header: list[str],
    rows: list[list[str]],
    caption: str,
    above: bool = False,
    front: str = "",
    first_width: float = 30,
    table_size: float = 10,
) -> Path:
    """A one-page PDF: its front matter (`front`: title and authors), prose, a table (one cell per column, fixed
    widths: `first_width` for the first; in `table_size` points, the prose in 10) with its caption below (or above)
    it."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    if front:
        pdf.multi_cell(0, 5, front)
        pdf.ln(4)
    pdf.multi_cell(0, 5, FILLER * 3)
    pdf.ln(4)
    if above:
        pdf.multi_cell(0, 5, caption)
        pdf.ln(2)
    pdf.set_font("Helvetica", size=table_size)
    for line in [header, *rows]:
        for i, text in enumerate(line):
            pdf.cell(first_width if i == 0 else 30, 6, text)
        pdf.ln(6)
    pdf.set_font("Helvetica", size=10)
    if not above:
        pdf.ln(2)
        pdf.multi_cell(0, 5, caption)
    pdf.ln(4)
    pdf.multi_cell(0, 5, BACKGROUND * 4)
    pdf.output(str(path))
    return path


def _timed(result) -> list[tuple[float | None, float | None]]:
    return sorted((s.count, s.hours) for _, s in result.statements if s.hours)


def test_table_with_a_lower_case_unit_header_takes_its_captions_hardware(tmp_path, table, thompson):
    """A header written in lower case ("ft acc hours speedup"), the hardware in the caption ("benchmarked in 128
    TPU-v3 cores"): every row is a run on 64 chips."""
    path = _table_pdf(
        tmp_path / "t.pdf",
        ["encoder", "depth", "ft acc", "hours", "speedup"],
        [
            ["small", "8", "84.2", "42.4", "-"],
            ["base", "8", "84.9", "15.4", "2.8x"],
            ["large", "1", "84.8", "11.6", "3.7x"],
        ],
        "Table 2. Wall-clock time of our pre-training (800 epochs), benchmarked in 128 TPU-v3 cores. The speedup is "
        "relative to the first entry.",
    )
    assert _timed(extract_pdf(path, table, thompson)) == [(64, 11.6), (64, 15.4), (64, 42.4)]


def test_table_header_with_a_speed_column_beside_the_training_time(tmp_path, table, thompson):
    """A latency column ("Infer-time(ms)") beside the training-time one does not hide it; the caption above the
    table gives the processors ("normalized for 32 TPU cores": 16 TPU v3 chips)."""
    path = _table_pdf(
        tmp_path / "t.pdf",
        ["Params", "FLOPs", "Infer-time(ms)", "Train-time (hours)"],
        [["12M", "1.9B", "19", "10"], ["19M", "4.2B", "30", "21"], ["30M", "10B", "60", "43"]],
        "Table 7. Results on ImageNet. Infer-time is measured on a V100 GPU; Train-time is the total training time "
        "normalized for 32 TPU v3 cores.",
        above=True,
    )
    assert _timed(extract_pdf(path, table, thompson)) == [(16, 10), (16, 21), (16, 43)]


def test_table_time_header_without_a_unit_takes_the_cells_unit(tmp_path, table, thompson):
    """A header that names the time without its unit ("TrainTime") and cells that carry it ("4.9h")."""
    path = _table_pdf(
        tmp_path / "t.pdf",
        ["Network", "Acc.(%)", "TrainTime", "Acc.(%)", "TrainTime"],
        [["ResNet50", "78.1", "4.9h", "78.4", "3.5h"], ["ResNet152", "82.4", "15.5h", "82.9", "7.2h"]],
        "Table 12. Progressive training improves both accuracy and training time for all networks.",
    )
    assert [h for _, h in _timed(extract_pdf(path, table, thompson))] == [3.5, 4.9, 7.2, 15.5]


@pytest.mark.parametrize(
    ("caption", "role"),
    [
        ("Table 1. Decoder ablation experiments on ImageNet. The pre-training schedule is 800 epochs, timed on "
         "128 TPU-v3 cores.", "ablation"),
        ("Table 3. Pre-training time of each model on 128 TPU-v3 cores.", "pretrain"),
        ("Table 2. Wall-clock time of our training on 128 TPU-v3 cores.", "final"),
        # a table comparing runs lists variants
        ("Table 2. Wall-clock time of our training on 128 TPU-v3 cores. The speedup is relative to the first entry.",
         "ablation"),
        ("Table 1: Comparison of small models, trained on 128 TPU-v3 cores.", "ablation"),
    ],
)  # fmt: skip
def test_table_rows_take_the_stage_their_caption_names_first(tmp_path, caption, role, table, thompson):
    path = _table_pdf(
        tmp_path / "t.pdf",
        ["decoder", "depth", "ft acc", "hours"],
        [["conv", "8", "84.2", "12.9"], ["attention", "1", "83.4", "8.5"]],
        caption,
    )
    found = [s for _, s in extract_pdf(path, table, thompson).statements if s.hours]
    assert sorted((s.count, s.hours, s.role) for s in found) == [(64, 8.5, role), (64, 12.9, role)]


def test_table_rows_carrying_the_captions_mark_take_the_stage_it_gives(tmp_path, table, thompson):
    """A caption's legend of a row mark ("Models marked with 21k are pretrained on ImageNet21k") gives the rows
    that carry it their stage; the other rows keep the caption's."""
    path = _table_pdf(
        tmp_path / "t.pdf",
        ["Model", "Top-1 Acc.", "Params", "Train-time (hours)"],
        [["Net-S", "83.9%", "22M", "7.1"], ["Net-S (21k)", "84.9%", "22M", "9.0"]],
        "Table 7. Results on ImageNet. Train-time is the total training time normalized for 32 TPU v3 cores. Models "
        "marked with 21k are pretrained on ImageNet21k, and others are trained on ImageNet from scratch.",
        above=True,
    )
    found = [s for _, s in extract_pdf(path, table, thompson).statements if s.hours]
    assert sorted((s.hours, s.role) for s in found) == [(7.1, "final"), (9.0, "pretrain")]


def test_table_rows_citing_the_authors_are_their_baselines_others_are_others_work(tmp_path, table, thompson):
    """A row citing the paper's own authors ("(Tan & Le, 2019a)", authors named in its front matter) is their
    earlier model run again as a baseline (an ablation); a row citing another work ("(Bello, 2021)") is that
    work's."""
    path = _table_pdf(
        tmp_path / "t.pdf",
        ["Model", "Top-1 Acc.", "Params", "Train-time (hours)"],
        [
            ["Net-B3 (Tan & Le, 2019a)", "81.5%", "12M", "10"],
            ["Lambda-L (Bello, 2021)", "84.9%", "125M", "67"],
            ["Net-S", "83.9%", "22M", "7.1"],
        ],
        "Table 7. Results on ImageNet. Train-time is the total training time normalized for 32 TPU v3 cores.",
        above=True,
        front="Smaller Models and Faster Training\nMingxing Tan 1 Quoc V. Le 1\nAbstract",
        first_width=60,
    )
    found = [s for _, s in extract_pdf(path, table, thompson).statements if s.hours]
    assert sorted((s.count, s.hours, s.role) for s in found) == [(16, 7.1, "final"), (16, 10, "ablation")]


def test_table_row_of_a_model_the_text_cites_another_work_for_is_that_works(tmp_path, table, thompson):
    """A row naming a model the text gives with another work's citation ("ELMo (Peters et al., 2018)") is that
    work's run, though the row cites nothing."""
    path = _table_pdf(
        tmp_path / "t.pdf",
        ["Model", "Params", "GLUE", "Train-time (hours)"],
        [["ELMo", "96M", "71.2", "336"], ["Ours-Small", "14M", "79.9", "96"]],
        "Table 1. Results of small models on GLUE, all trained on 8 V100 GPUs.",
        front="Small Models Trained Fast\nAnna Smith Bo Chen\nAbstract. We compare against ELMo (Peters et al., 2018).",
    )
    assert [s.hours for _, s in extract_pdf(path, table, thompson).statements if s.hours] == [96]


def test_cited_row_whose_time_the_caption_says_the_authors_measured_is_their_baseline(tmp_path, table, thompson):
    """A cited row ("Transformer (Vaswani et al., 2017)") whose model the caption says the authors timed ("The
    training time for transformer and our Lite model is measured on ...") is their baseline; another cited row
    stays others' work."""
    path = _table_pdf(
        tmp_path / "t.pdf",
        ["Model", "Params", "BLEU", "Train-time (hours)"],
        [
            ["Transformer (Vaswani et al., 2017)", "2.8M", "21.3", "12"],
            ["Evolved (So et al., 2019)", "3.0M", "22.0", "300"],
            ["Lite", "2.9M", "22.5", "14"],
        ],
        "Table 3: Training cost of translation models. The training time for transformer and our Lite model is "
        "measured on 8 NVIDIA V100 GPUs.",
        first_width=70,
    )
    found = [s for _, s in extract_pdf(path, table, thompson).statements if s.hours]
    assert sorted((s.count, s.hours, s.role) for s in found) == [(8, 12, "ablation"), (8, 14, "final")]


def test_cited_rows_of_an_ablation_table_are_the_authors_variants(tmp_path, table, thompson):
    """In a table of ablations a row's citation names the design a variant borrows ("Transformer [31]")."""
    path = _table_pdf(
        tmp_path / "t.pdf",
        ["decoder", "depth", "ft acc", "hours"],
        [["UNet", "8", "83.7", "12.9"], ["Transformer [31]", "1", "83.4", "8.5"]],
        "Table 1. Decoder ablation experiments on ImageNet, timed on 128 TPU-v3 cores.",
    )
    found = [s for _, s in extract_pdf(path, table, thompson).statements if s.hours]
    assert sorted((s.count, s.hours, s.role) for s in found) == [(64, 8.5, "ablation"), (64, 12.9, "ablation")]


@pytest.mark.parametrize(("size", "hours"), [(7, [13, 54]), (5, [])])
def test_table_set_in_a_smaller_font_keeps_its_whole_numbers(tmp_path, size, hours, table, thompson):
    """A table set smaller than the prose (7 pt under 10 pt: LaTeX's scriptsize) keeps its whole-number cells
    ("54"), which are no footnote markers; text smaller still (5 pt) is a figure's labels."""
    path = _table_pdf(
        tmp_path / "t.pdf",
        ["Model", "Acc.", "Params", "Train-time (hours)"],
        [["V1-B7", "85.0", "66", "54"], ["V2-M", "85.1", "55", "13"]],
        "Table 10. Comparison with the same training settings, on 32 TPU v3 cores.",
        table_size=size,
    )
    assert sorted(s.hours for _, s in extract_pdf(path, table, thompson).statements if s.hours) == hours


# 14. A context sentence lends hardware, not its attribution ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a citation in parentheses names a dataset's source, not the agent of the run; nothing carries over a JOIN
        ("Results on ImageNet (Russakovsky et al., 2015) are given; training time is normalized for 8 V100 GPUs. "
         "Training the base model took 10 hours.", [(8, 10)]),
        # a context clause about inference lends no processors: the training ones are the TPU cores
        ("Train-time is the total training time on 32 TPU v3 cores; infer-time is measured on a V100 GPU. "
         "Training the base model took 10 hours.", [(16, 10)]),
        # another work's processors are not ours, though the duration is
        ("Smith et al. (2018) trained their model on 450 GPUs. We train on 8 V100 GPUs. Training took 2 days.",
         [(8, 48)]),
    ],
)  # fmt: skip
def test_context_lends_hardware_not_attribution(text, expected, table, thompson):
    assert [(s.count, s.hours) for s in statements_from_text(text, table, thompson) if s.hours] == expected


def test_unnamed_tpu_cores_are_chips_of_the_papers_year(table, thompson):
    """ "32 TPU cores" in a 2021 paper: TPUs of that time have two cores a chip."""
    [stmt] = [s for s in parse_sentence("We train for two days on 32 TPU cores.", table, thompson, year=2021)]
    assert (stmt.count, stmt.hours) == (16, 48)


def test_table_cell_with_the_time_and_its_hardware(tmp_path, table, thompson):
    """A "Train Time + Hardware" column whose cells give both ("4d on 1 V100 GPU", "12h on 1 V100 GPU")."""
    from fpdf import FPDF

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 5, FILLER * 3)
    pdf.ln(4)
    for cells in [
        ["Model", "Params", "Train Time + Hardware", "GLUE"],
        ["Small", "14M", "4d on 1 V100 GPU", "79.9"],
        ["Small, half", "14M", "12h on 1 V100 GPU", "76.0"],
        ["Base", "110M", "4d on 16 TPUv3s", "85.1"],
    ]:
        for width, text in zip([35, 25, 60, 25], cells, strict=True):
            pdf.cell(width, 6, text)
        pdf.ln(6)
    pdf.ln(2)
    pdf.multi_cell(0, 5, "Table 1: Comparison of small models on the GLUE dev set.")
    pdf.output(str(tmp_path / "t.pdf"))
    found = _timed(extract_pdf(tmp_path / "t.pdf", table, thompson))
    assert found == [(1, 12), (1, 96), (16, 96)]


def test_duration_takes_the_count_of_a_paper_sentence_that_names_no_type(table, thompson):
    """No sentence names the processors, one counts them ("on 8 GPUs"): a duration that counts none elsewhere in
    the paper takes that count, its type imputed from the paper's year."""
    from computelimits.extraction import PaperHardware, statements_from_candidate

    paper = [PaperHardware(5, "experiments", "Training the proposal network on 8 GPUs takes about 8 hours.")]
    [stmt] = statements_from_candidate(
        "Training the detector takes about 10 hours on the COCO dataset.", "", table, thompson, year=2016, page=6,
        section="experiments", paper=paper,
    )  # fmt: skip
    assert (stmt.count, stmt.hours, stmt.status) == (8, 10, "imputed hardware")


def test_each_clause_takes_the_processors_it_names(table, thompson):
    found = _statements(
        "It takes 2.5 days to train the large model using one DGX-2 (16 V100s), 2 days to train a small one using "
        "4 V100s.", table, thompson,
    )  # fmt: skip
    assert [(s.count, s.hours) for s in found] == [(16, 60), (4, 48)]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("Our findings are: 1) that subword units improve inference speed, 2) that data parallelism can be used to "
         "train the models in roughly a week on 96 K80 GPUs, 3) that quantization accelerates inference.",
         [(96, 168)]),
        ("Our model runs inference at 20 fps, and training takes 2 days on 8 V100 GPUs.", [(8, 48)]),
        ("Inference on the test set takes 3 hours on 8 V100 GPUs, and training is fast.", []),
        ("Training is quick: inference of the trained model takes 3 hours on 8 V100 GPUs.", []),
    ],
)  # fmt: skip
def test_inference_is_judged_clause_by_clause(sentence, expected, table, thompson):
    assert [(s.count, s.hours) for s in _statements(sentence, table, thompson)] == expected


@pytest.mark.parametrize(
    ("sentence", "count", "hours"),
    [
        # a result reached in a time is a training time; "an eight GPU setup" counts eight
        ("The same configuration achieves 39.41 BLEU in two weeks on this dataset in an eight GPU setup.", 8, 336),
        ("The base model reaches 76.3% top-1 accuracy after 3 days on 8 V100 GPUs.", 8, 72),
    ],
)  # fmt: skip
def test_a_result_reached_in_a_time(sentence, count, hours, table, thompson):
    assert [(s.count, s.hours) for s in _statements(sentence, table, thompson)] == [(count, hours)]


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # the cue of the sentence the hardware comes from is not the duration's stage
        ("On 8 NVIDIA M40 GPUs, training the small model takes 0.95s per mini-batch, vs. 0.70s of the ResNet-101 "
         "baseline. Training the large model takes 10 days in total.", "total"),
        ("We use 8 NVIDIA M40 GPUs for the ResNet-101 baseline. Training the large model takes 10 days.", "final"),
        # a refinement stage after training is a fine-tuning
        ("We train on 96 NVIDIA K80 GPUs. Once converged, we switch to RL based model refinement. For this model "
         "refinement phase, it takes around 3 days to complete 400k steps.", "finetune"),
    ],
)  # fmt: skip
def test_stage_is_the_sentences_own(text, role, table, thompson):
    assert [s.role for s in statements_from_text(text, table, thompson) if s.hours] == [role]


@pytest.mark.parametrize(
    "sentence",
    [
        "Sampling 50,000 images from the trained model takes about 4 hours on 8 A100 GPUs.",
        "Computing the FID of the trained models takes 2 hours on a single V100 GPU.",
        "Generating the synthetic training data took 2 days on 16 V100 GPUs.",
        "Mining hard negatives from the training set took 3 hours on 8 V100 GPUs.",
    ],
    ids=["sampling", "metric", "generating-data", "mining"],
)
def test_work_with_a_trained_model_or_training_data_is_no_training(sentence, table, thompson):
    """Sampling from the trained model, computing its metrics, generating or mining the training data: compute,
    not training, though a word of training stands in the sentence; training with sampling stays training."""
    assert _statements(sentence, table, thompson) == []
    [stmt] = _statements("Training with negative sampling takes 3 days on 8 V100 GPUs.", table, thompson)
    assert (stmt.count, stmt.hours) == (8, 72)


@pytest.mark.parametrize(
    ("sentence", "roles"),
    [
        ("Pre-training of the large model took roughly three weeks on 1024 TPU v3 chips, and fine-tuning took 2 "
         "hours on 8 V100 GPUs.", ["pretrain", "finetune"]),
        ("Our model trains in only 1 day on 8 V100 GPUs, while the baseline needs 3 days.", ["final", "ablation"]),
        ("Training to convergence took over 6 weeks on 2048 TPU v3 cores, and it is the strongest dense baseline we "
         "use.", ["ablation"]),
        ("Pre-training of the large model, which has 340M parameters, took 4 days on 16 TPU v3 chips.", ["pretrain"]),
        ("Pre-training took 12 days on 1024 TPU v4 chips, and instruction tuning took another 10 hours.",
         ["pretrain", "finetune"]),
        ("The whole pipeline, including pre-training and fine-tuning, took about 5 days on 32 A100 GPUs.", ["total"]),
        ("We trained the model for a total of 4 weeks on 48 V100 GPUs.", ["final"]),  # guard: one run's length
        ("We train on 16 nodes with 8 GPUs each (128 V100 GPUs in total) for 3 days.", ["final"]),  # processors'
        ("We pre-train on 128 TPU v3 chips for 3 days and then fine-tune on 8 V100 GPUs for 6 hours.",
         ["pretrain", "finetune"]),
        ("The smaller Tiny and Base variants were each trained on 4 V100 GPUs for 1 day.", ["ablation"]),
        # a clause restating the run in other units has the stage of the clause it restates
        ("Pre-training our largest model took 14 days on 512 A100 GPUs, corresponding to 172,032 GPU-hours.",
         ["pretrain"]),
        ("The architecture search ran on 200 V100 GPUs over 3 days, amounting to 600 GPU-days.", ["search"]),
        # one stage's total is that stage's; a total across all runs is a total
        ("The supervised pre-training stage took 40 TPU v3 chip-days in total.", ["pretrain"]),
        ("The whole study, including all ablations, consumed about 20,000 V100 GPU-hours.", ["total"]),
        ("All experiments, including the policy search and ablations, took 3,000 V100 GPU-hours.", ["total"]),
        ("Our experiments, including ablations and hyperparameter tuning, used 900 GPU-hours on V100s.", ["total"]),
        # the final run named in a clause without a time: no stage from the clause before it
        ("After the search, we train the final architecture from scratch, which takes 2 days on 4 V100 GPUs.",
         ["final"]),
    ],
    ids=["two-stages", "ours-and-the-baseline", "baseline-said-after", "stage-said-before", "instruction-tuning",
         "including-the-stages", "a-total-of-one-run", "processors-in-total", "and-then",
         "smaller-named-variants", "restated-pretrain", "restated-search", "one-stage-in-total", "including-all",
         "including-named-search", "including-ablations-and-tuning", "final-after-search"],
)  # fmt: skip
def test_each_clause_has_its_own_stage(sentence, roles, table, thompson):
    """A stage named in a clause that times another run is that run's; a clause that times none (the subject's
    description, before or after) gives its stage to the run."""
    assert [s.role for s in _statements(sentence, table, thompson)] == roles


def test_a_run_on_a_pretraining_corpus_is_a_pretraining(table, thompson):
    """A run whose paragraph names an unlabelled pre-training corpus as its data ("the same corpus as the original
    BERT model: a concatenation of English Wikipedia and Toronto Book Corpus") is a pre-training, though the
    sentence names no stage."""
    text = (
        "We train our model on the same corpus as the original BERT model: a concatenation of English Wikipedia "
        "and Toronto Book Corpus. Our model was trained on 8 16GB V100 GPUs for approximately 90 hours."
    )
    found = [(s.count, s.hours, s.role, s.dataset) for s in statements_from_text(text, table, thompson) if s.hours]
    assert found == [(8, 90, "pretrain", "Wikipedia")]


def test_a_variants_run_after_the_main_models_is_an_ablation(table, thompson):
    """A variant's run ("when we added a self-matching layer") timed in the sentence after the main model's."""
    text = (
        "The training of the 3-hop model took 5 hours on a single Titan X GPU. However, a one-hop model took 22 "
        "hours when we added a self-matching layer."
    )
    found = [(s.hours, s.role) for s in statements_from_text(text, table, thompson) if s.hours]
    assert found == [(5, "final"), (22, "ablation")]


def test_table_rows_of_percentages_and_sizes(tmp_path, table, thompson):
    """Rows whose other cells are percentages and sizes ("83.9%", "22M", "8.8B"), and rows without a training
    time ("-") between them, are all one table."""
    path = _table_pdf(
        tmp_path / "t.pdf",
        ["Model", "Top-1 Acc.", "Params", "FLOPs", "Train-time (hours)"],
        [["Base-B3", "81.5%", "12M", "1.9B", "10"], ["Other-8GF", "81.7%", "39M", "8B", "-"],
         ["Other-X", "84.7%", "73M", "-", "-"], ["Ours-S", "83.9%", "22M", "8.8B", "7.1"]],
        "Table 7. Results on ImageNet; train-time is the total training time on 32 TPU v3 cores.",
        above=True,
    )  # fmt: skip
    assert _timed(extract_pdf(path, table, thompson)) == [(16, 7.1), (16, 10)]


def test_processor_time_column(tmp_path, table, thompson):
    """A "GPU Hours" column is processor-time, not wall-clock time; a cell "8 x 14" in it is 8 GPUs for 14 hours;
    a second header line ("(lbs) Cost") does not end the table."""
    path = _table_pdf(
        tmp_path / "t.pdf",
        ["Model", "#Params", "BLEU", "GPU Hours", "CO2e"],
        [["(lbs)", "", "", "", "Cost"], ["Small (ours)", "2.9M", "22.5", "8 x 14", "32"],
         ["Large (ours)", "11.7M", "25.6", "120", "43"]],
        "Table 3: Training cost of our models, measured on NVIDIA V100 GPUs.",
    )  # fmt: skip
    found = [(s.count, s.hours, s.chip_hours) for _, s in extract_pdf(path, table, thompson).statements]
    assert sorted(found, key=lambda f: f[2]) == [(8, 14, 112), (None, None, 120)]


@pytest.mark.parametrize(
    ("sentence", "hardware", "count", "hours"),
    [
        ("Training for 300 epochs takes 3 days on 8 V100 GPUs.", "V100", 8, 72),
        ("Training ResNet-50 for 90 epochs takes 14 hours on 8 V100 GPUs.", "V100", 8, 14),
        ("Pre-training for 1M steps took 4 days on 64 TPU v3 chips.", "TPU v3", 64, 96),
        ("Training 300 epochs takes 3 days on 8 V100 GPUs.", "V100", 8, 72),
    ],
    ids=["for-epochs-takes", "model-for-epochs", "million-steps-took", "epochs-takes"],
)
def test_units_counted_before_the_verb_make_the_time_their_total(sentence, hardware, count, hours, table, thompson):
    """ "Training for 300 epochs takes 3 days": the counted epochs are the run the time is of, not a time per epoch;
    "for one epoch takes" still is one."""
    assert _runs(sentence, table, thompson) == [(hardware, count, hours)]
    assert _statements("Training for one epoch takes 3 hours on 8 V100 GPUs.", table, thompson) == []


@pytest.mark.parametrize(
    ("sentence", "hardware", "count", "hours", "chip_hours"),
    [
        ("Training took 20 hours on 8xA100-80GB.", "A100", 8, 20, 160),
        ("We train on 4xRTX3090 for 2 days.", "RTX 3090", 4, 48, 192),
        ("We train for 30 days on 2k A100 GPUs.", "A100", 2000, 720, 1_440_000),
        ("Training used about 1.0 million A100 GPU hours.", "A100", None, None, 1e6),
        ("Training took 20k GPU hours on V100s.", "V100", None, None, 20_000),
        ("Pre-training the largest model consumed 1.5M GPU hours on A100 GPUs.", "A100", None, None, 1.5e6),
        ("Training took 1d 4h on 8 A100 GPUs.", "A100", 8, 28, 224),
        ("Training took 4h 30m on 8 V100 GPUs.", "V100", 8, 4.5, 36),
        ("Training took 2h30min on 8 V100 GPUs.", "V100", 8, 2.5, 20),
        ("Training required 1.6 × 10^5 GPU hours on H100 GPUs.", "H100", None, None, 160_000),
        ("Training required 3 x 10⁴ GPU hours on A100 GPUs.", "A100", None, None, 30_000),
        ("The model trained for 1.2e5 GPU hours on V100s.", "V100", None, None, 120_000),
        ("The network took a fortnight to train on 4 V100 GPUs.", "V100", 4, 336, 1344),
        (
            "Training the largest model took from 10 to 14 days on 64 V100 GPUs.",
            "V100",
            64,
            math.sqrt(240 * 336),
            64 * math.sqrt(240 * 336),
        ),
        ("The largest training run used roughly 10k TPUv4-days.", "TPU v4", None, None, 240_000),
        ("Our pre-training consumed 1.2M A100 hours.", "A100", None, None, 1.2e6),
        ("We trained for 2.5 days (60 hours) on 8 V100 GPUs.", "V100", 8, 60, 480),
        ("Training the larger variants required a further 3,000 GPU-hours.", "", None, None, 3000),
        ("Training took a day and a half on 8 V100 GPUs.", "V100", 8, 36, 288),
        ("We trained for two weeks and a half on 16 TPU v3 chips.", "TPU v3", 16, 420, 6720),
    ],
    ids=[
        "count-x-chip",
        "count-x-rtx",
        "k-chips",
        "million-chip-hours",
        "k-chip-hours",
        "m-chip-hours",
        "d-h",
        "h-m",
        "h-min",
        "power-caret",
        "power-superscript",
        "power-e",
        "fortnight",
        "took-from-to",
        "tpu-version-days",
        "m-chip-model-hours",
        "restated-in-brackets",
        "article-before-chip-time",
        "a-day-and-a-half",
        "weeks-and-a-half",
    ],
)
def test_glued_counts_magnitudes_and_compound_units(sentence, hardware, count, hours, chip_hours, table, thompson):
    """Counts glued to a chip by an "x", magnitudes written as "k" or "million", and compound durations glued
    ("1d 4h", "4h 30m") keep their values (a lone "2d" may be two-dimensional: no duration)."""
    [stmt] = _statements(sentence, table, thompson)
    assert (stmt.hardware, stmt.count, stmt.hours) == (hardware, count, pytest.approx(hours) if hours else hours)
    assert stmt.chip_hours == pytest.approx(chip_hours)
    assert counted_durations(sentence), "the page screen and candidate filter must select what the parser reads"
    [stmt] = _statements("We train a 2d convolution model for 3 days on 8 V100 GPUs.", table, thompson)
    assert stmt.hours == 72
    # a speed-up stays no run: the range is the run's only after a verb of its length ("took from 10 to 14 days")
    assert _statements("Our method reduced training from 10 to 4 days on 8 V100 GPUs.", table, thompson) == []


@pytest.mark.parametrize(
    ("sentence", "hardware", "chip_hours"),
    [
        ("The largest training run used roughly 10k TPUv4-days.", "TPU v4", 240_000),
        ("Our pre-training consumed 1.2M A100 hours.", "A100", 1.2e6),
        ("Training took 256 TPUv3-days.", "TPU v3", 256 * 24),
        ("The model trained for 1.2e5 GPU hours on V100s.", "V100", 120_000),
        ("Training took 2h30min on 8 V100 GPUs.", "V100", 20),
    ],
    ids=["k-tpu-version-days", "m-chip-model-hours", "tpu-version-days", "power-e", "h-min-glued"],
)
def test_durations_the_parser_reads_are_selected_from_a_pdf(tmp_path, sentence, hardware, chip_hours, table, thompson):
    """The page screen and the candidate filter select the durations the parser reads: a TPU version as the unit of
    processor-time, a magnitude or a power of ten glued to the count, minutes glued to hours (the sentence alone
    parsed; from a PDF it was never offered)."""
    result = extract_pdf(_pdf(tmp_path / "chip_time.pdf", [FILLER + " " + sentence + " " + FILLER]), table, thompson)
    assert [(s.hardware, s.chip_hours) for _, s in result.statements] == [(hardware, pytest.approx(chip_hours))]


@pytest.mark.parametrize(
    ("sentence", "chips", "hours"),
    [
        ("We use 4 GPUs per node on 16 nodes, and training takes 2 days.", 64, 48),
        ("Training takes 2 days with 8 V100 GPUs on each of 4 machines.", 32, 48),
        ("We trained the model on 8 TPUv3 per host on 4 hosts for 3 days.", 32, 72),  # a TPU version counted
        ("We train for 2 days on 8 GPUs per node.", 8, 48),  # guard: no count of nodes
        ("Each of the 4 machines has 8 V100 GPUs; training takes 2 days.", 32, 48),
        # the machines multiply the per-machine count, not a total beside it
        ("Training took 2 days on 16 V100 GPUs, i.e. 2 nodes of 8 GPUs.", 16, 48),
        ("We train on 16 nodes with 8 GPUs each (128 V100 GPUs in total) for 3 days.", 128, 72),
    ],
    ids=["per-node-on-nodes", "on-each-of", "tpu-version-per-host", "per-node-alone", "machines-have",
         "total-then-nodes-of", "nodes-with-then-total"],
)  # fmt: skip
def test_gpus_per_node_counted_before_the_nodes(sentence, chips, hours, table, thompson):
    """ "4 GPUs per node on 16 nodes": 64 GPUs, the per-machine count before the machines; a count that is not the
    per-machine one ("16 V100 GPUs, i.e. 2 nodes of 8 GPUs") is not multiplied."""
    [stmt] = _statements(sentence, table, thompson)
    assert (stmt.count, stmt.hours) == (chips, hours)


@pytest.mark.parametrize(
    ("sentence", "runs"),
    [
        (
            "We pre-train on 32 V100 GPUs for 5 days, and fine-tuning on 8 GPUs takes 2 hours.",
            [("V100", 32, 120), ("V100", 8, 2)],
        ),
        ("Training took 3 days on 64 GPUs; each node has 8 NVIDIA V100 GPUs.", [("V100", 64, 72)]),
        (
            "The model is trained on 16 TPU v3 chips for 4 days, and the ablations on 8 chips for 1 day.",
            [("TPU v3", 16, 96), ("TPU v3", 8, 24)],
        ),
        (
            "The model was trained on 8 V100 GPUs for 2 days and on 16 GPUs for 1 day.",
            [("V100", 8, 48), ("V100", 16, 24)],
        ),
        # a count before its processor is the mention's: "2 days on 8 Titan X" is nearer than "4 GPUs and 2 days"
        (
            "Training took 10 hours on 4 GPUs and 2 days on 8 Titan X GPUs.",
            [("GTX Titan X", 4, 10), ("GTX Titan X", 8, 48)],
        ),
        # guards: the noun of a named processor, a restatement in brackets, another count for no duration
        ("We train on 8 Tesla V100 32GB GPUs for 3 days.", [("V100", 8, 72)]),
        ("Training took 4.0 days on 2048 TPU v3 cores.", [("TPU v3", 1024, 96)]),
        ("We train on 4 DGX-2 machines (64 GPUs) for 2 days.", [("V100", 64, 48)]),
        ("We train on 8 V100 GPUs for 3 days, with 2 GPUs reserved for evaluation.", [("V100", 8, 72)]),
        # GPUs beside named TPUs: untyped, their own count ("and then" parts the stages)
        (
            "We pre-train on 128 TPU v3 chips for 3 days and then fine-tune on 4 GPUs for 6 hours.",
            [("TPU v3", 128, 72), ("", 4, 6)],
        ),
    ],
    ids=["finetune-on-gpus", "gpus-then-node-type", "ablation-chips", "and-on-gpus", "count-before-name",
         "noun-of-named", "tpu-cores", "box-in-brackets", "other-count", "gpus-beside-tpus"],
)  # fmt: skip
def test_a_count_without_a_type_beside_a_named_processor_is_its_own_run(sentence, runs, table, thompson):
    """A sentence naming its processors and also counting processors without a type ("32 V100 GPUs ..., fine-tuning
    on 8 GPUs"): each count is its own mention, typed by the named processor of its kind, not the named count."""
    assert _runs(sentence, table, thompson) == runs


@pytest.mark.parametrize(
    ("sentence", "run"),
    [
        ("Pretraining takes about 5 days on 2,048 CloudTPUv4 chips.", ("TPU v4", 2048, 120)),
        ("Training took 3 days on 8 NVIDIAV100 GPUs.", ("V100", 8, 72)),
        ("We train on 4 TeslaK80 GPUs for 2 weeks.", ("K80", 4, 336)),
        ("Training took 3 days on 8 AMDMI250X GPUs.", ("MI250X", 8, 72)),
        ("Training took 2 days on amd64 machines with 4 GPUs.", ("", 4, 48)),  # guard: no AMD chip, no 64 machines
    ],
    ids=["cloud-tpu", "nvidia-v100", "tesla-k80", "amd-mi250x", "amd64-machines"],
)
def test_a_vendor_word_glued_to_the_chip_name(sentence, run, table, thompson):
    """A PDF may glue the vendor or product-line word to the chip's name ("CloudTPUv4", "NVIDIAV100"): the chip is
    still named."""
    assert _runs(sentence, table, thompson) == [run]


def test_compute_of_the_models_reported_in_this_paper_is_the_authors(table, thompson):
    """ "all models reported in this paper": the paper's own runs, not another work's report."""
    [stmt] = _statements("Overall, the training of all models reported in this paper required about 45 GPU-years.",
                         table, thompson)  # fmt: skip
    assert stmt.chip_hours == pytest.approx(45 * 8766)


@pytest.mark.parametrize(
    ("sentence", "year", "chips"),
    [
        ("We pre-trained the large model from scratch on 16 Cloud TPUs for 4 days.", 2019, (64, 64)),
        ("Fine-tuning took less than an hour per task on a single Cloud TPU.", 2019, (4, 4)),
        # no year: the devices of every TPU generation in the table (1 to 8 chips each)
        ("We pre-trained the large model from scratch on 16 Cloud TPUs for 4 days.", None, (16, 128)),
    ],
    ids=["16-devices-2019", "single-device-2019", "no-year"],
)
def test_cloud_tpus_without_a_version_are_devices_of_their_years_tpus(sentence, year, chips, table, thompson):
    """ "16 Cloud TPUs" counts devices (4 chips each for the TPUs of 2017-2022), not chips."""
    [stmt] = [s for s in parse_sentence(sentence, table, thompson, year=year) if s.hours]
    assert (stmt.count_low, stmt.count_high) == chips


@pytest.mark.parametrize(
    ("sentence", "runs"),
    [
        ("The architecture search took 4 days on 450 GPUs, after which the final network was trained for 2 days on "
         "8 GPUs.", [(450, 96), (8, 48)]),
        ("The teacher model was trained for 2 days on 4 GPUs, and the student for 10 hours on 1 GPU.",
         [(4, 48), (1, 10)]),
        ("Unlike [12], who trained for 2 weeks on 64 GPUs, we train for 3 days on 8 GPUs.", [(8, 72)]),
        # guards: a count in brackets restates the one before it; "2048 TPU cores" is one mention (and the 22.4 TPU
        # years restate the 4 days on them: one run)
        ("Pre-training took 4 days on 16 Cloud TPUs (64 TPU chips total).", [(64, 96)]),
        ("Trained on 2048 TPU cores for 4 days, the model takes a total of 22.4 TPU years to train.",
         [(2048, 96)]),
    ],
    ids=["search-then-final", "teacher-student", "others-then-ours", "bracketed", "tpu-cores-and-years"],
)  # fmt: skip
def test_each_duration_takes_the_count_of_typeless_processors_nearest_it(sentence, runs, table, thompson):
    """Counts of processors named without a type ("450 GPUs", "8 GPUs") are one mention each: a duration takes the
    one in its own clause, not the sentence's first."""
    assert [(s.count, pytest.approx(s.hours, rel=1e-3)) for s in _statements(sentence, table, thompson)] == runs


@pytest.mark.parametrize(
    ("sentence", "runs"),
    [
        ("Models are trained for 4 and 10 days on 8 and 16 GPUs, respectively.", [(8, 96), (16, 240)]),
        ("Training takes 2, 4 and 8 days on 8, 16 and 32 A100 GPUs, respectively.", [(8, 48), (16, 96), (32, 192)]),
        ("The base and large models take 12 and 30 hours to train on 8 V100 GPUs, respectively.", [(8, 12), (8, 30)]),
        ("The base and large models are trained on 8 and 16 V100 GPUs for 3 days, respectively.", [(8, 72), (16, 72)]),
        ("We train with batch sizes of 256 and 512 on 8 V100 GPUs for 3 days, respectively.", [(8, 72)]),
    ],
    ids=["two-lists", "three-items", "durations-one-count", "counts-one-duration", "list-of-no-processors"],
)
def test_respectively_lists_give_one_run_per_item(sentence, runs, table, thompson):
    """ "4 and 10 days on 8 and 16 GPUs, respectively": a run per item, the lists paired in order; a list of other
    numbers ("batch sizes of 256 and 512") pairs with nothing."""
    found = _statements(sentence, table, thompson)
    assert [(s.count, s.hours) for s in found] == runs
    assert {s.sentence for s in found} == {sentence}


@pytest.mark.parametrize(
    ("sentence", "count", "hours"),
    [
        ("We train for 90 epochs on 8 V100 GPUs; each epoch takes 2 hours.", 8, 180),
        ("Training runs for 300k steps on 64 TPU v3 chips, at 0.5 seconds per step.", 64, 300_000 * 0.5 / 3600),
    ],
)  # fmt: skip
def test_time_per_unit_times_the_units_trained(sentence, count, hours, table, thompson):
    """A time per epoch (step) with the number of epochs (steps) trained in the same sentence is their product."""
    assert [(s.count, s.hours) for s in _statements(sentence, table, thompson)] == [(count, pytest.approx(hours))]


def test_units_trained_stated_once_in_the_paper():
    """The paper's count of each unit of training, epochs also from the steps run and the steps of an epoch; a
    unit given two counts (pre-training and fine-tuning) has none."""
    units = units_trained_in([
        "All language models are trained for 300k iterations.",
        "Table 2 also lists the time it takes to advance one epoch which is equivalent to 68,507 iterations.",
    ])  # fmt: skip
    assert units["iteration"] == 300_000 and math.isclose(units["epoch"], 300_000 / 68_507)
    assert units_trained_in(["We pre-train for 1M steps.", "We then fine-tune for 10k steps."]) == {}
    # optimizing is the training: "We optimize with SGD and a poly schedule for 40 epochs"
    assert units_trained_in(["We optimize the network with SGD and a poly schedule for 40 epochs."]) == {"epoch": 40}


def test_cores_of_no_type_take_the_type_the_paper_names_with_their_own_count(tmp_path, table, thompson):
    """ "took 4 days on 512 cores" (a count of no kind) in a paper whose hardware sentence names "2048 TPU v3 cores":
    TPU v3 cores, 512 of them (256 chips), not the paper's 2048; a count of GPUs is not given a TPU type."""
    pages = [
        FILLER * 3 + "Our largest model is trained on 2048 TPU v3 cores. " + FILLER * 2,
        FILLER * 2 + "Training the small model took 4 days on 512 cores. Training the baseline took 2 days on 8 "
        "GPUs. " + FILLER,
    ]
    result = extract_pdf(_pdf(tmp_path / "cores.pdf", pages), table, thompson)
    found = {(s.hardware, s.count, s.hours) for _, s in result.statements if s.hours}
    assert ("TPU v3", 256, 96) in found
    assert not any(hardware == "TPU v3" and hours == 48 for hardware, _, hours in found)


def test_gpus_of_no_type_take_the_type_the_paper_names_a_boxs_gpus_too(tmp_path, table, thompson):
    """ "trained on 64 GPUs for 3 days" in a paper whose hardware sentence names "32 DGX-2H servers (a total of 512
    Tesla V100 GPUs)": 64 V100s (the box's GPU, not 64 boxes), typed from the paper, not imputed by year."""
    pages = [
        FILLER * 3 + "All of our experiments use up to 32 DGX-2H servers (a total of 512 Tesla V100 GPUs). " + FILLER,
        FILLER * 2 + "The small model was trained on 64 GPUs for 3 days. " + FILLER * 2,
    ]
    result = extract_pdf(_pdf(tmp_path / "gpus.pdf", pages), table, thompson)
    found = [(s.hardware, s.count, s.hours, s.status) for p, s in result.statements if p == 2 and s.hours]
    assert found == [("V100", 64, 72, "ok")], _found(result)
    assert "[hardware type from p1:" in next(s.sentence for p, s in result.statements if p == 2)


def test_time_per_epoch_of_a_paper_with_two_schedules_takes_its_pages(tmp_path, table, thompson):
    """A paper training two models for different numbers of iterations has no one count of them; a time per epoch
    takes the count stated on its own page."""
    pages = [
        FILLER * 3 + "We train on 512 NVIDIA V100 GPUs. One epoch is equivalent to 60,000 iterations. For the large "
        "model, each epoch takes around two days. All language models are trained for 300k iterations. " + FILLER,
        FILLER * 2 + "The encoder models are trained for 2M iterations. " + FILLER * 2,
    ]
    result = extract_pdf(_pdf(tmp_path / "two.pdf", pages), table, thompson)
    assert [(s.count, s.hours) for _, s in result.statements if s.hours] == [(512, 240)]


def test_time_per_epoch_times_the_epochs_the_paper_trains(tmp_path, table, thompson):
    """A time per epoch ("each epoch takes around two days") whose sentence counts no epochs: the paper's count of
    them (300k iterations of 60,000 an epoch: 5 epochs), stated elsewhere, gives the total."""
    pages = [
        FILLER * 3 + "We train on 512 NVIDIA V100 GPUs. One epoch is equivalent to 60,000 iterations. For the large "
        "model, each epoch takes around two days. " + FILLER * 2,
        FILLER * 2 + "All language models are trained for 300k iterations. " + FILLER * 2,
    ]
    result = extract_pdf(_pdf(tmp_path / "epochs.pdf", pages), table, thompson)
    assert [(s.count, s.hours) for _, s in result.statements if s.hours] == [(512, 240)]


@pytest.mark.parametrize(("header", "hours"), [("Train time (wks)", 2 * 168), ("Months", 2 * 730.5), ("(hrs)", 2)])
def test_table_time_units_are_the_parsers(tmp_path, table, thompson, header, hours):
    """A training-time column headed by any time unit the sentence parser knows ("wks", "months", "hrs") is read:
    the table reader takes its units from the one vocabulary, not a list of its own."""
    path = _table_pdf(
        tmp_path / "t.pdf",
        ["Model", "Top-1 Acc.", header],
        [["Ours-S", "83.9%", "2"], ["Ours-L", "85.0%", "3"]],
        "Table 2. Results on ImageNet; all models are trained on 8 V100 GPUs.",
        above=True,
    )  # fmt: skip
    timed = _timed(extract_pdf(path, table, thompson))
    assert (8, pytest.approx(hours)) in timed


def test_processor_time_column_in_lower_case_under_its_chip(tmp_path, table, thompson):
    """A header of two lines, the chip over the processor-time unit ("TPUv3" over "core-days", the unit in lower
    case) with cells in thousands ("0.41k"), a mark right of them ("(a)"), and a group's label between the rows
    ("Pre-trained on the larger set"): the column's processor-time on that chip, in every group."""
    path = _table_pdf(
        tmp_path / "t.pdf",
        ["Model", "Top-1", "Throughput", "TPUv3"],
        [["", "top-1", "img/sec/core", "core-days"], ["Ours-S", "76.0", "3994", "0.03k", "(a)"],
         ["Ours-B", "80.0", "1384", "0.08k", "(a)"], ["Pre-trained on the larger set"],
         ["Ours-L", "84.1", "419", "0.41k", "(a)"]],
        "Table 3: Accuracy and pre-training cost of our models.",
        above=True,
    )  # fmt: skip
    found = sorted((s.hardware, s.chip_hours) for _, s in extract_pdf(path, table, thompson).statements)
    assert found == [("TPU v3", 30 * 24 / 2), ("TPU v3", 80 * 24 / 2), ("TPU v3", 410 * 24 / 2)]


def test_paper_hardware_counted_as_a_number_of_processors(tmp_path, table, thompson):
    """Hardware stated once as a number of processors ("The number of TPUs used for training ranged from 64 to
    512"), the durations pages away naming none: they take that range of processors, of the type the paper's year
    makes likely (imputed)."""
    pages = [
        "arXiv:1909.00001v1 [cs.CL] 26 Sep 2019 " + FILLER * 3 + "Training was done on Cloud TPUs. The number of "
        "TPUs used for training ranged from 64 to 512, depending on model size. " + FILLER * 2,
        BACKGROUND * 3 + "The large model reaches its best score after 34 hours of training. " + BACKGROUND * 2,
    ]
    result = extract_pdf(_pdf(tmp_path / "1909.00001v1.pdf", pages), table, thompson)
    found = [(s.count_low, s.count_high, s.hours, s.status) for p, s in result.statements if p == 2]
    assert found == [(64, 512, 34, "imputed hardware")], _found(result)


@pytest.mark.parametrize(
    ("legend", "front"),
    [
        ("(T) Numbers provided by Smith et al. [14] through personal communication.", ""),
        # the legend says the numbers were provided: the authors' own earlier work (Smith), not run again
        ("(T) Numbers provided by authors of Smith et al. [14] through personal communication.",
         "Fast Models\nAnna Smith Bo Chen\nAbstract"),
    ],
    ids=["others", "own-reported"],
)  # fmt: skip
def test_table_row_marked_as_another_works_number_is_that_works(tmp_path, table, thompson, legend, front):
    """A row marked "(T)" where the caption's legend says "(T) Numbers provided by Smith et al. [14]" is that work's
    number, not the authors' run, though Smith is one of the paper's authors."""
    path = _table_pdf(
        tmp_path / "t.pdf",
        ["Model", "Top-1 Acc.", "Train time (hours)"],
        [["Ours-S", "83.9%", "12"], ["Other-L (T)", "85.0%", "30"], ["Ours-L", "85.2%", "20"]],
        f"Table 2. Results on ImageNet; all models are trained on 8 V100 GPUs. {legend}",
        above=True,
        front=front,
    )
    assert _timed(extract_pdf(path, table, thompson)) == [(8, 12), (8, 20)]


def test_table_rows_take_the_stage_and_dataset_of_their_groups_label(tmp_path, table, thompson):
    """A table's rows grouped under labels ("Pre-trained on JFT-300M", the first right under the header) take the
    stage and the dataset their group's label names; the row sentence quotes it."""
    path = _table_pdf(
        tmp_path / "t.pdf",
        ["Model", "Top-1", "Params", "Train time (hours)"],
        [
            ["Pre-trained on ImageNet-21k"],
            ["Net-S", "83.9", "22M", "12"],
            ["Net-L", "85.1", "54M", "20"],
            ["Pre-trained on JFT-300M"],
            ["Net-H", "87.9", "400M", "90"],
        ],
        "Table 2. Transfer results on ImageNet; all models run on 8 V100 GPUs.",
        above=True,
    )
    found = [s for _, s in extract_pdf(path, table, thompson).statements if s.hours]
    assert [(s.hours, s.role, s.dataset) for s in found] == [
        (12, "pretrain", "ImageNet-21k"),
        (20, "pretrain", "ImageNet-21k"),
        (90, "pretrain", "JFT"),
    ]
    assert "rows under 'Pre-trained on JFT-300M'" in found[2].sentence


def _stacked_pdf(path: Path, header: list[list[str]], rows: list[list[str]], caption: str, columns=None) -> Path:
    """A one-page PDF: prose, a caption, a table whose header is stacked over several tight lines (a word or two
    per column on each, 3.5 mm apart), then its rows; `columns`: each column's x (mm), as in a two-column page's
    table (default 10, 45, 80, ...)."""
    from fpdf import FPDF

    xs = columns or [10 + 35 * i for i in range(8)]
    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=10)
    pdf.multi_cell(0, 5, FILLER * 3)
    pdf.ln(4)
    pdf.multi_cell(0, 5, caption)
    pdf.ln(2)
    pdf.set_font("Helvetica", size=8)
    for lines, step in ((header, 3.5), (rows, 6)):
        for line in lines:
            y = pdf.get_y()
            for x, text in zip(xs, line, strict=False):
                pdf.set_xy(x, y)
                pdf.cell(30, step, text)
            pdf.set_xy(10, y + step)
    pdf.set_font("Helvetica", size=10)
    pdf.ln(4)
    pdf.multi_cell(0, 5, BACKGROUND * 4)
    pdf.output(str(path))
    return path


def test_table_header_stacked_over_lines_is_read_as_one_column(tmp_path, table, thompson):
    """A narrow column's header stacked over three lines ("Train" / "time" / "(hrs)") beside a speed column
    ("Speed" / "(ms)"): the training time is read, the speed is not."""
    path = _stacked_pdf(
        tmp_path / "t.pdf",
        [["", "", "Speed", "Train"], ["Model", "AP", "(ms)", "time"], ["", "", "", "(hrs)"]],
        [["Ours-S", "42.1", "409", "14.6"], ["Ours-L", "45.2", "540", "18.4"]],
        "Table 5. Detection results. Training runs on 8 V100 GPUs.",
    )
    assert _timed(extract_pdf(path, table, thompson)) == [(8, 14.6), (8, 18.4)]


def test_stacked_header_time_per_epoch_is_no_total_and_count_column_counts(tmp_path, table, thompson):
    """A stacked header with a column of processor counts ("Total" / "GPUs") and a time per epoch ("Time" / "per" /
    "Epoch" / "(days)"): no statement from the per-epoch column; a total-time column beside it takes each row's own
    count."""
    header = [["", "Total", "Time", "Train"], ["Model", "GPUs", "per", "time"], ["", "", "Epoch", "(days)"],
              ["", "", "(days)", ""]]  # fmt: skip
    rows = [["Small", "64", "0.86", "3.8"], ["Large", "512", "2.10", "9.2"]]
    path = _stacked_pdf(tmp_path / "t.pdf", header, rows, "Table 2. Model configurations; V100 GPUs throughout.")
    assert _timed(extract_pdf(path, table, thompson)) == [(64, 3.8 * 24), (512, 9.2 * 24)]


def test_table_time_per_epoch_counts_the_papers_epochs(tmp_path, table, thompson):
    """A time-per-epoch column ("Time" / "per" / "Epoch" / "(days)") gives totals when the paper says how long its
    training ran ("trained for 300k iterations", "an epoch is 68,507 iterations": 4.38 epochs), each row with its own
    count; the sentence keeps "per epoch"."""
    header = [["", "Total", "Time"], ["Model", "GPUs", "per"], ["", "", "Epoch"], ["", "", "(days)"]]
    rows = [["Small", "64", "0.86"], ["Large", "512", "2.10"]]
    caption = ("Table 2. Model configurations; V100 GPUs throughout. All models are trained for 300k iterations, and "
               "one epoch is equivalent to 68,507 iterations.")  # fmt: skip
    result = extract_pdf(_stacked_pdf(tmp_path / "t.pdf", header, rows, caption), table, thompson)
    epochs = 300_000 / 68_507
    assert [(c, pytest.approx(h)) for c, h in _timed(result)] == [(64, 0.86 * 24 * epochs), (512, 2.10 * 24 * epochs)]
    assert all("days per epoch" in s.sentence for _, s in result.statements if s.hours)


def test_table_row_across_the_gutter_keeps_its_label(tmp_path, table, thompson):
    """A two-column page whose table spans both columns: each row, split by the gutter, is one line again, so the
    row's label (left of the gutter) names the model whose training time stands right of it."""
    from fpdf import FPDF

    from computelimits.pdflayout import pages_word_lines
    from computelimits.tables_pdf import read_tables

    pdf = FPDF(format="A4")
    pdf.add_page()
    pdf.set_font("Helvetica", size=9)
    y = pdf.get_y()
    for x in (10, 110):  # two columns of running text, 90 mm wide
        pdf.set_xy(x, y)
        pdf.multi_cell(90, 4.5, (FILLER + BACKGROUND) * 2)
    y = pdf.get_y() + 6
    for line in (["Model", "AP", "AP", "Params", "Train time (h)"], ["Baseline-R50", "42.1", "22.5", "25", "14.6"],
                 ["Ours-R50", "45.2", "25.4", "27", "15.8"]):  # fmt: skip
        for x, text in zip((10, 60, 85, 115, 150), line, strict=True):
            pdf.set_xy(x, y)
            pdf.cell(25, 5, text)
        y += 6
    pdf.output(str(tmp_path / "t.pdf"))
    [(_, lines)] = list(pages_word_lines(tmp_path / "t.pdf", [0]))
    rows, _ = read_tables(lines)
    assert [r.sentence.split(" took ")[0] for r in rows] == ["Training Baseline-R50", "Training Ours-R50"]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "Grid Block (64 × 64) × 256 (64 × 64) × 256 Block PixelShuffle (64 × 64) × 256 (128 × 128) × 64 Add CLS "
            "Token Grid Block CIFAR-10 50k 32 × 32 2 500 2.6 days",
            True,
        ),
        ("We train ResNet-50 [12] for 90 epochs (about 3 days) on 8 V100 GPUs, as in (He et al., 2016).", False),
    ],
    ids=["shapes-in-brackets", "prose-with-citations"],
)
def test_text_of_a_table_of_shapes_is_no_sentence(sentence, expected):
    from computelimits.reader import tabular

    assert tabular(sentence) is expected
