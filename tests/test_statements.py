"""The sentence parser: chips, counts, durations, chip-time units, rejections, FLOPs and the check figures."""

from __future__ import annotations

import math

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from computelimits.statements import parse_sentence
from computelimits.units import from_hours, to_hours, word_number


def one(sentence, table, convention, **kwargs):
    found = parse_sentence(sentence, table, convention, **kwargs)
    assert len(found) == 1, [s.as_row() for s in found]
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "hardware", "count", "hours"),
    [
        ("Training took 3.5 days on 8 P100 GPUs.", "P100", 8, 84),
        ("We trained our network on two GTX 580 GPUs for five to six days.", "GTX 580", 2, math.sqrt(120 * 144)),
        ("We trained on 60 NVIDIA K80 GPUs for 3 days.", "K80", 60, 72),
        ("Our model was trained using 2048 TPU v3 cores for 2 weeks.", "TPU v3", 1024, 336),
        ("We train on a TPUv3-8 for 12 hours.", "TPU v3", 4, 12),
        ("Training used 4 Cloud TPU v2 devices for 1 day.", "TPU v2", 16, 24),
        ("We trained on a DGX-1 for 10 days.", "V100", 8, 240),
        ("We trained on a DGX-2 for 1 day.", "V100", 16, 24),
        ("We trained on 4 machines with 8 V100 GPUs each for 3 days.", "V100", 32, 72),
        ("We train for 3 days using 8 x V100.", "V100", 8, 72),
        ("The model was trained on a single NVIDIA Titan X for eight hours.", "GTX Titan X", 1, 8),
        ("Pre-training took 4 days on 16 Cloud TPUs v3 chips.", "TPU v3", 16, 96),
        ("We pretrain on one TPU v3 pod for 2 days.", "TPU v3", 1024, 48),
        ("Fine-tuning takes 30 minutes on a single A100 GPU.", "A100", 1, 0.5),
        ("We trained the model on eight H100 GPUs for twenty-four hours.", "H100", 8, 24),
        ("We trained on 64 AMD MI250X GPUs for two weeks.", "MI250X", 64, 336),
    ],
)
def test_phrasings(sentence, hardware, count, hours, table, thompson):
    stmt = one(sentence, table, thompson)
    assert stmt.hardware == hardware
    assert stmt.count == pytest.approx(count)
    assert stmt.hours == pytest.approx(hours)
    assert stmt.chip_hours == pytest.approx(count * hours)
    assert stmt.status == "ok" and stmt.flop > 0


def test_ranges_and_vague_words(table, thompson):
    stmt = one("We trained on an 8-GPU machine with V100s for 2-3 weeks.", table, thompson)
    assert (stmt.hours_low, stmt.hours_high) == (336, 504)
    assert stmt.count == 8 and stmt.hardware == "V100"
    assert stmt.flop_low < stmt.flop < stmt.flop_high
    stmt = one("Training took two to four weeks on 8 P100 GPUs.", table, thompson)
    assert (stmt.hours_low, stmt.hours_high) == (336, 672)
    stmt = one("Training takes a few hours on a single V100 GPU.", table, thompson)
    assert (stmt.hours_low, stmt.hours_high) == (2, 4)
    stmt = one("We trained for between 3 and 4 days on 16 TPU v3 chips.", table, thompson)
    assert (stmt.hours_low, stmt.hours_high) == (72, 96)


@pytest.mark.parametrize(
    ("sentence", "chip_hours"),
    [
        ("The architecture search took 2,000 GPU-days of V100.", 48000),
        ("Training required 120 GPU hours on V100.", 120),
        ("Pre-training took 256 TPU v3 core-days.", 256 * 24 / 2),
        ("The model was trained for 3.5 TPU-core-years on TPU v3.", 3.5 * 24 * 365.25 / 2),
    ],
)
def test_chip_time_units(sentence, chip_hours, table, thompson):
    stmt = one(sentence, table, thompson)
    assert stmt.chip_hours == pytest.approx(chip_hours)


def test_chip_time_with_count_gives_wall_clock(table, thompson):
    stmt = one("We trained on 64 V100 GPUs for a total of 2048 GPU hours.", table, thompson)
    assert stmt.chip_hours == pytest.approx(2048)
    assert stmt.hours == pytest.approx(32)


@pytest.mark.parametrize(
    "sentence",
    [
        "Inference takes 20 ms per image on a V100.",
        "The trained model runs at 30 frames per second on a Titan X GPU.",
        "Each V100 GPU has 32 GB of memory.",
        "Vaswani et al. trained their model for 3.5 days on 8 P100 GPUs.",
        "Training this model on a single GPU would take 300 years.",
        "The dataset contains 960 hours of speech and we use 8 GPUs.",
        "Converting the point cloud takes approximately 0.5 seconds on an NVIDIA Tesla K40c.",
        "With a budget of 1,000 GPU hours, one could train roughly 20 such models.",
        "We did not have the resources to train for more than 3 days on 8 GPUs.",
        "We could not afford to train longer than 3 days on 8 V100 GPUs.",
        "Feature extraction with the pretrained CNN took 6 hours on one Titan X.",
        "Beam search decoding of the test set took 25 minutes on 1 GPU.",
        "Building the hash tables for the training set takes 6 hours on a 16-core CPU server.",
        "Precomputing the neighbor indices of the training images took 3 hours on 8 GPUs.",
        "",
        "hello world",
    ],
)
def test_not_a_training_statement(sentence, table, thompson):
    assert parse_sentence(sentence, table, thompson) == []


@pytest.mark.parametrize(
    "sentence",
    [
        # a limit or a budget: the bound of a run, not its length
        "We limit every fine-tuning run to 12 hours on a single V100 GPU.",
        "Each training job is capped at 4 hours of wall-clock time.",
        "We cap pre-training at 500k steps or 72 hours, whichever comes first.",
        "Within a budget of 16 GPU-days, our search finds competitive cells.",
        "We cap the hyperparameter search at 40 trials of 3 GPU-hours each.",
        "The models are trained under a compute budget of 100 TPU v3 core-hours.",
        # hypotheticals
        "On 1,024 A100 GPUs, a hypothetical training run would finish in about 9 days.",
        "With model parallelism one could in principle train it in 2 hours on 512 GPUs.",
        # others' compute: hearsay and prior methods named with a word between
        "The previous winner reportedly trained for three weeks on 16 Titan X GPUs.",
        "Earlier evolutionary methods such as AmoebaNet needed 3,150 GPU-days of search.",
    ],
    ids=["limit-to", "capped-at", "cap-or", "within-budget", "cap-trials-of", "budget-of", "hypothetical-run",
         "one-could-in-principle", "reportedly", "earlier-x-methods"],
)  # fmt: skip
def test_limits_budgets_hypotheticals_and_hearsay_are_no_run(sentence, table, thompson):
    assert [s for s in parse_sentence(sentence, table, thompson) if s.hours or s.chip_hours] == []


@pytest.mark.parametrize(
    ("sentence", "hardware", "count", "hours", "chip_hours"),
    [
        ("Distilling the large teacher into the student takes about 20 hours on 4 V100 GPUs.", "V100", 4, 20, 80),
        ("The total compute for our largest model amounts to 3,072 TPU v3 core-hours.", "TPU v3", None, None, 1536),
        ("Adapting the model to a new speaker takes 30 minutes on a single V100.", "V100", 1, 0.5, 0.5),
        # the paper's own table: no other work's report
        ("The training runs reported in Table 2 used 512 TPU v3 core-days.", "TPU v3", None, None, 6144),
    ],
    ids=["distillation", "total-compute-for", "adapting-to", "reported-in-table"],
)
def test_distillation_and_compute_for_a_model_are_training(
    sentence, hardware, count, hours, chip_hours, table, thompson
):
    """Distilling a model is training it; "the compute for our model amounts to" states its training's cost."""
    stmt = one(sentence, table, thompson)
    assert (stmt.hardware, stmt.count, stmt.hours) == (hardware, count, hours)
    assert stmt.chip_hours == pytest.approx(chip_hours)


@pytest.mark.parametrize(
    ("sentence", "runs"),
    [
        ("Due to resources, training was limited to 8 V100 GPUs and took 5 days.", [("V100", 8, 120)]),
        ("We limit the sequence length to 512 tokens and train for 3 days on 8 V100 GPUs.", [("V100", 8, 72)]),
        # a rejected processor-time counts no processors for the clause after it
        ("Prior NAS methods such as NASNet required 2,000 GPU-days, whereas our search trains in 2 days on 4 V100 "
         "GPUs.", [("V100", 4, 48)]),
    ],
    ids=["limited-hardware", "limited-length", "rejected-chip-time-no-count"],
)  # fmt: skip
def test_a_limit_of_something_else_leaves_the_run(sentence, runs, table, thompson):
    found = [s for s in parse_sentence(sentence, table, thompson) if s.hours or s.chip_hours]
    assert [(s.hardware, s.count, s.hours) for s in found] == runs


@pytest.mark.parametrize(
    "sentence",
    [
        "Training took 3 days on 8 V100 GPUs, which one can reproduce on a cloud.",
        "We fine-tune the pretrained encoder for 3 hours on 8 V100 GPUs.",
        "The search took 4 days on 450 V100 GPUs.",
    ],
)
def test_impersonal_can_a_pretrained_model_and_search_leave_the_run(sentence, table, thompson):
    """Guards of the rejections above: "one can" is no hypothetical, fine-tuning a pre-trained model and a search
    are training."""
    assert [s.hours for s in parse_sentence(sentence, table, thompson) if s.hours]


def test_unknown_hardware_keeps_facts_without_flop(table, thompson):
    stmt = one("We trained on 8 Ascend 999X accelerators for 5 days.", table, thompson)
    assert stmt.count == 8 and stmt.hours == 120
    assert stmt.flop is None and stmt.hardware == ""
    assert stmt.hardware_raw and stmt.status in {"unknown hardware", "no hardware"}


def test_generic_gpus_keep_count(table, thompson):
    stmt = one("The model was trained for 3.5 days on eight GPUs.", table, thompson)
    assert stmt.count == 8 and stmt.hours == 84 and stmt.flop is None
    assert stmt.status == "unknown hardware" and stmt.hardware_raw == "gpus"


@pytest.mark.parametrize(
    ("sentence", "flag"),
    [
        ("We trained on 0 V100 GPUs for 3 days.", "zero chips"),
        ("We trained on 8 V100 GPUs for 12 years.", "duration over 10 years"),
    ],
)
def test_impossible_values_are_flagged(sentence, flag, table, thompson):
    stmt = one(sentence, table, thompson)
    assert stmt.status.startswith("flagged") and flag in stmt.status
    assert stmt.flop is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("We trained our network on two GTX 580 3GB GPUs for five to six days.", 1.50e18),
        ("The big models were trained for 84 hours on 8 P100 GPUs.", 2.30e19),
        ("Xception was trained on 60 NVIDIA K80 GPUs for 3 days.", 8.71e19),
    ],
)
def test_science_check_figures(sentence, expected, table, thompson):
    """SCIENCE.md: AlexNet 1.50e18, Transformer big 2.30e19, Xception 8.71e19 FLOP (thompson), within 2%."""
    assert one(sentence, table, thompson).flop == pytest.approx(expected, rel=0.02)


def test_conventions_differ_by_utilisation_and_precision(table, thompson, epoch):
    sentence = "Training took 84 hours on 8 P100 GPUs."
    peak = one(sentence, table, thompson)
    estimate = one(sentence, table, epoch)
    assert estimate.precision == "fp32" and estimate.flop == pytest.approx(0.4 * peak.flop)
    assert estimate.flop_low < estimate.flop < estimate.flop_high
    lm = one(sentence, table, epoch, language_model=True)
    assert lm.flop == pytest.approx(0.3 * peak.flop)
    v100 = one("Training took 10 hours on 8 V100 GPUs.", table, epoch)
    assert v100.precision == "tensor"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=300))
def test_never_raises_on_arbitrary_text(table, thompson, text):
    for stmt in parse_sentence(text, table, thompson):
        assert not stmt.status.startswith("parser error"), stmt.status


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["eight", "8", "a single", "two", "sixteen", "64"]),
    st.sampled_from(["V100", "P100", "TPU v3 chips", "A100", "K80"]),
    st.floats(min_value=0.5, max_value=500, allow_nan=False).map(lambda v: round(v, 1)),
    st.sampled_from(["hours", "days", "weeks"]),
)
def test_never_raises_on_generated_statements(table, thompson, count, chip, value, unit):
    sentence = f"We trained the model for {value} {unit} on {count} {chip}."
    stmt = one(sentence, table, thompson)
    assert stmt.hours == pytest.approx(to_hours(value, unit))
    assert stmt.count == word_number(count)


@given(st.floats(min_value=1e-6, max_value=1e6), st.sampled_from(["seconds", "minutes", "h", "days", "weeks", "years"]))
def test_unit_round_trip(value, unit):
    assert from_hours(to_hours(value, unit), unit) == pytest.approx(value)


def test_word_numbers():
    assert word_number("twenty-four") == 24
    assert word_number("a single") == 1
    assert word_number("1,024") == 1024
    assert word_number("zillion") is None


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        (
            "The largest ResNet took 18 days to train on 592 V100 GPUs while the largest ViT took 12 days "
            "on 256 V100 GPUs.",
            [(592, 432), (256, 288)],
        ),
        ("The largest model took 13 hours to train on a 512-core TPUv2 cluster.", [(256, 13)]),
        ("We use a single TPU v3 with 8 cores; training takes 1 week.", [(4, 168)]),
        ("Training used NVIDIA H200 GPUs x 512 for 19 weeks.", [(512, 3192)]),
    ],
)
def test_counts_pair_with_their_durations(sentence, expected, table, thompson):
    found = parse_sentence(sentence, table, thompson)
    assert [(s.count, s.hours) for s in found] == expected


def test_chip_model_as_time_unit(table, thompson):
    found = parse_sentence(
        "Both phases ran on 128 NVIDIA A100 GPUs, for a total of 20,051 A100 hours of training.", table, thompson
    )
    assert [(s.hardware, s.count, s.chip_hours) for s in found] == [("A100", 128, 20051)]


def test_dev_set_negatives_yield_no_statement(table, thompson):
    """Real sentences that mention hardware or time but are not training burden (papers_dev/negatives.csv)."""
    import pandas as pd

    from .conftest import need_shared

    negatives = pd.read_csv(need_shared("papers_dev", "negatives.csv"))
    for _, row in negatives.iterrows():
        found = [s for s in parse_sentence(row["sentence"], table, thompson) if s.hours or s.chip_hours]
        assert found == [], (row["category"], row["sentence"])


@pytest.mark.parametrize(
    ("sentence", "count", "hours"),
    [
        ("We trained on 32 A100 GPUs for approximately two and a half weeks.", 32, 420),
        ("The model was trained on a DGX-A800 server for 10 days.", 8, 240),
        ("IDEFICS took 28 days of training on 64 nodes (512 GPUs) with 8x80GB A100 GPUs nodes.", 512, 672),
        ("Pretraining hardware: 512 NVIDIA A100 GPUs Hours used: 672 hours (28 days).", 512, 672),
    ],
)
def test_more_phrasings(sentence, count, hours, table, thompson):
    found = [s for s in parse_sentence(sentence, table, thompson) if s.hours is not None]
    assert (found[0].count, found[0].hours) == (count, hours)


def test_one_training_epoch_is_not_the_training_time(table, thompson):
    assert parse_sentence("One training epoch takes around 6 minutes on 8 NVIDIA A100 GPUs.", table, thompson) == []


def test_chip_names_ending_in_digits_are_not_durations(table, thompson):
    """'256 H100 GPUs' once also read as '256 h': the unit must end the word."""
    found = parse_sentence("We pretrain OLMoE on 256 H100 GPUs for approximately 10 days.", table, thompson)
    assert [(s.hardware, s.count, s.hours) for s in found] == [("H100", 256, 240)]


def test_alternative_durations_before_one_unit(table, thompson):
    found = parse_sentence("The training takes ~5/2.5 days on 8 A100 GPU for a Ferret-13B/7B.", table, thompson)
    assert sorted((s.count, s.hours) for s in found) == [(8, 60), (8, 120)]


def test_tuning_is_training(table, thompson):
    sentence = (
        "For adaptation, we use 32 H100 GPUs for 33 hours to instruction tune and for another 14 hours to "
        "preference tune via DPO."
    )
    assert sorted((s.count, s.hours) for s in parse_sentence(sentence, table, thompson)) == [(32, 14), (32, 33)]


@pytest.mark.parametrize(
    ("text", "dataset"),
    [
        ("the model pre-trained on the public ImageNet-21k dataset took 30 days", "ImageNet-21k"),
        ("pre-training on ImageNet-22K took 30 days", "ImageNet-21k"),
        ("The same configuration as for WMT’14 English- German achieves 39.41 BLEU in two weeks", "WMT14 En-De"),
    ],
)
def test_dataset_names_with_hyphens(text, dataset):
    """A hyphen before "21k", and a compound broken at a line end ("English- German"), still name the dataset."""
    from computelimits.statements import _prepare, dataset_of

    prepared = _prepare(text)
    at = prepared.find("took") if "took" in prepared else prepared.find("two weeks")
    assert dataset_of(prepared, at, at + 5) == dataset


def test_cost_done_without_is_no_statement(table, thompson):
    """A cost a work does without ("without the search that requires 250 GPU years") is no run; the sentence's own
    duration still is."""
    avoided = "Our model wins without the costly architecture search that requires more than 250 GPU years."
    assert [s for s in parse_sentence(avoided, table, thompson) if s.hours or s.chip_hours] == []
    own = one("Our search takes 2 days on 8 V100 GPUs, without the step that requires 3 weeks.", table, thompson)
    assert own.hours == 48 and own.count == 8
