"""From one sentence to training-burden statements: chip, chip count, wall-clock hours, chip-hours, FLOPs.

`parse_sentence` never raises on arbitrary text. A sentence that does not state the training of the paper's own
model (inference, latency, memory, others' compute, hypotheticals, dataset hours) yields no statement. Facts that
cannot be used (zero chips, more than ten years) are kept with a `status` saying why, and get no FLOPs.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, field, fields
from functools import partial
from itertools import pairwise

from .datasets import load_datasets
from .hardware import Convention, Conventions, HardwareTable, Processor, flops_by_convention
from .units import NUMBER, QUANTITY, UNIT_ALIASES, quantity_bounds, to_hours, word_number
from .vocabulary import (
    CHIP_TIME_UNIT,
    COUNTED_PROCESSOR,
    DURATION,
    GENERIC_PROCESSOR,
    GLUED_VENDOR,
    MACHINE,
    NUMBER_OF_PROCESSORS,
    PROCESSOR_HINT,
    TIME_UNIT,
    TPU_VERSION,
    TRAINING,
    TRAINING_VERB,
    TYPELESS_KINDS,
    counted_durations,
    short_unit_allowed,
)

MAX_HOURS = 10 * 365.25 * 24

# "5/2.5 days on 8 A100 GPU for a Ferret-13B/7B": alternatives before the unit, one per model
_ALTERNATIVE = re.compile(r"(?<![\w./])(\d+(?:\.\d+)?)\s*/\s*$")
# "120 GPU-hours", "32 GPU days", "2,048 TPUv3 core-days", "4 TPU-core-years", "1800 GPU days"
_CHIP_TIME = re.compile(
    # singular, as in "GPU-hours": "512 NVIDIA A100 GPUs Hours used: 672" is a count and a duration
    # (the words between name the processor, no number: "a further 3,000 GPU-hours" is 3,000, not "a")
    rf"(?<![\w.]){QUANTITY}\s+(?P<what>(?:[a-z][a-z0-9.]*\s+){{0,2}}?(?:gpu|tpu|chip|core|device|accelerator|node)"
    rf"|[a-z]{{1,4}}\d{{2,4}}[a-z]?|{TPU_VERSION})"  # "20,051 A100 hours", "10k TPUv4-days": a chip model as the unit
    rf"\s*(?P<unit>{CHIP_TIME_UNIT})(?![a-z])",
    re.I,
)
# Verbs before "from X to Y <unit>" that make it the run's range, not a speed-up
_RANGE_VERBS = "".join(
    f"(?<!{verb} )" for verb in ("took", "takes", "take", "lasted", "lasts", "ranged", "ranges", "ranging", "varied",
                                 "varies", "varying", "required", "requires", "spent")
)  # fmt: skip
# The upper end of a range that repeats its unit, right after a duration: "2h-3h", "2 days to 3 days"
_RANGE_END = re.compile(rf"\s*(?:-|\u2013|to|~)\s*(?P<n>{NUMBER})\s*(?P<unit>[a-z]+)(?![a-z])", re.I)
_GENERIC = GENERIC_PROCESSOR
_MACHINE = MACHINE
_TRAINING = TRAINING
_TRAINING_VERB = TRAINING_VERB
_FIRST_PERSON = re.compile(r"\b(we|our|us|ours)\b")
# Inference words that win over a training verb in the same sentence ("per image" alone does not).
_STRONG_INFERENCE = re.compile(r"\b(inference|latency|fps|throughput|speed ?up|faster than)\b")
# Reasons a sentence is not about the compute of the paper's own training.
_REJECT = {
    "inference": re.compile(
        r"\b(inference|latency|decoding|predict(ion)? time|per (image|frame|sample|query|example|sentence)|fps|"
        r"frames per second|throughput|images?/s|samples?/s|tokens?/s|\d+\s*ms\b|"
        r"milliseconds?|real[- ]time|speed ?up|faster than|can (run|process))"
    ),
    # "cutting pre-training from 5 days to 2 hours", "3x faster": a speed claim, not a training run
    "speed-up": re.compile(
        # ("took from 10 to 14 days", "ranging from 2 to 3 weeks": a range of the run's own length)
        rf"{_RANGE_VERBS}\bfrom (about |around |roughly |over )?[\d.]+( ?[a-z]+)? to (about |around |roughly |under |"
        rf"just )?[\d.]+ ?({TIME_UNIT}|d)\b|"
        # "3x faster", "10x less compute" ("10x more data" is the data's size, not a speed)
        r"\b\d+(\.\d+)? ?(x|times) (faster|slower|(less|more)(?= (training |wall ?clock )?(time|compute|computation|"
        r"resources|flops|costs?|energy|gpus?|tpus?)\b|\s*[,.;)]|\s*$))|"
        r"\b(reduc\w*|cut\w*|shorten\w*|speed\w* up)\b.{0,40}\b(training|wall ?clock) time\b"
    ),
    # "can process 50 billion tokens a day": a rate, not a duration
    "throughput": re.compile(
        r"\b(tokens?|images?|samples?|examples?|sequences?|frames?|words?|steps?|queries|requests?)"
        r"( per| a| an| each| every| /)\s*(second|sec|minute|min|hour|day|week)\b"
    ),
    # "takes an hour ..., compared to 10+ hours for ...": a speed comparison
    "comparison": re.compile(r"\bcompared (to|with)\b"),
    "hypothetical": re.compile(
        r"\b(would|could|might) (have )?(take|taken|require|need|cost|finish|complete|last)|\bif (we|one) (were|had)\b|"
        r"\beven if\b|\bhypothetical\b|"
        r"\bif there (were|was)\b|"
        # an impersonal capability or a budget ("one could train ...", "with a budget of 1,000 GPU hours"), a run not
        # afforded ("we did not have the resources to train for more than 3 days")
        r"\b(one|you) (could|would|might) ([a-z]+ ){0,2}?(train|run|afford|fit)\b|\bwith a budget of\b|"
        r"\b(did not|didn't|could not|couldn't|cannot|can't|do not|don't) (have the (resources|budget)|afford)\b"
    ),
}
# Reasons a clause (the part of a sentence around one duration) is not the paper's own training; a sentence can hold
# the authors' run and another's ("Unlike [23], which needed 450 GPUs for 3 weeks, we train on 8 GPUs for 2 days").
_UNIT_OF_TRAINING = r"(epoch|iteration|step|update|(mini ?)?batch(?! ?sizes?\b)|round|pass)"  # "batch size": no unit
# "an epoch takes 35 minutes", "1.2 s per mini-batch", "the training time per epoch is ...: 22 minutes": the time of a
# unit of training, not of the training ("1.7 s per mini-batch and 10 days total": the 10 days are the total)
_PER_UNIT_AFTER = re.compile(
    rf"^\s*(per|each|every|/|a|an|for (one|each|every|a single))( training)? {_UNIT_OF_TRAINING}\b|"
    # "7 hours for 10,000 steps": a rate quoted per a round number of steps, not the training's length
    r"^\s*(for|every|per) (1|10|100|1000|10000|100000|1k|10k|100k) (steps|iterations|updates|epochs|batches)\b"
)
_PER_UNIT_BEFORE = re.compile(
    rf"\b((per|each|every|one|a single|an?)( training)? {_UNIT_OF_TRAINING}|(?P<plain>{_UNIT_OF_TRAINING}s?) (takes?|"
    rf"took|lasts?|time))\b(\s+[a-z0-9.]+){{0,6}}\s*$"
)
# "Training for 300 epochs takes 3 days": the units counted before the verb make the time their total
_COUNTED_BEFORE = re.compile(rf"(\d[\d,.]*\s*[km]?|{NUMBER}) (training )?$")
_PER_UNIT_CLAUSE = re.compile(rf"\b(one|each|every|a single)( training)? {_UNIT_OF_TRAINING}\b")
_PER_UNIT_SENTENCE = re.compile(
    rf"\b(time|takes?|took) per {_UNIT_OF_TRAINING}\b|\bper {_UNIT_OF_TRAINING} (time|cost)\b"
)
_TOTAL_AFTER = re.compile(r"^\s*(in )?(total|overall|altogether)\b")
# "without the costly architecture search that requires more than 250 GPU years": a cost done without, not a run
_DONE_WITHOUT = re.compile(
    r"\bwithout (the |a |an |any )?([a-z]+ ){0,4}(that|which) (requires?|required|takes?|took|costs?|needs?|needed)\b"
    r"[^.;]*$"
)
_CLAUSE_REJECT = {
    # building an index, converting data, evaluating: compute, but not training
    "not training": re.compile(
        r"\b(convert\w*|pre ?process\w*|index(ing)?|tokeni[sz]\w*|evaluat\w*|inference|decod\w*|collect\w*|"
        r"annotat\w*|download\w*|render\w*|crawl\w*|feature extraction|extract\w* (the )?features|covers?|"
        r"contain\w*|compris\w*|consist\w* of|of (speech|audio|video|recordings?)|"
        r"test(ing)? (on|set|time)|generat\w* (the )?([a-z]+ ){0,2}(data|samples?|images|captions)|"
        # drawing samples from a trained model, mining examples, computing a metric
        r"sampl(e|es|ed|ing)|mining|comput\w* (the )?(fid|inception score|metrics?|scores?|statistics)|"
        # precomputing lookups: "building the hash tables and precomputing neighbor indices takes 6 hours"
        r"precomput\w*|hash tables?|"
        r"build\w* (the |an |a )?([a-z]+ ){0,2}(index|indices|tables?|caches?|vocabular\w*))\b"
    ),
}
# A citation as the agent of a run: "the method of [23]", "in Smith & Lee (2018)", "[23] trains", "Smith et al."
_YEAR = r"(19[5-9]\d|20[0-2]\d)[a-z]?"  # a publication year, not "a batch size of 2048"
_CITATION = (
    rf"(\[\d+(\s*[,–-]\s*\d+)*\]|\b[a-z][a-z'-]+( et al\.?| (&|and) [a-z][a-z'-]+)?"
    rf"(,? \({_YEAR}\)|, {_YEAR}\)| \[\d+(\s*[,–-]\s*\d+)*\])|\b[a-z][a-z'-]+ et al\b)"
)
_OTHERS_CLAUSE = re.compile(
    rf"\b(of|in|by|from|unlike|than|like|see|cf\.?|as in|reported in) {_CITATION}|^\s*{_CITATION}|"
    r"\bet al\b|\b(their|they|them)\b|\b(previous|prior|existing|earlier|contemporary|recent|other|typical|"
    r"conventional|concurrent) (work|works|approach|approaches|methods?|models?|studies|papers?)\b|"
    # "prior NAS methods", "recent large models" (not "other": "the other two models" may be the authors')
    r"\b(previous|prior|existing|earlier|recent|conventional) [a-z]+ (approaches|methods|models|studies|works)\b|"
    r"\breportedly\b|"
    # "models reported in this paper", "the runs reported in Table 3": ours
    r"\breported (by|in)\b(?! (this|our|the present) (paper|work|study)\b| (table|section|figure|fig|appendix)\b)|"
    r"\boriginal (paper|implementation|authors?|network|model|method|version)\b|"
    r"\bthe authors of\b"
)
# Attributions that carry over to the clauses after them ("In prior work, training took ..."); "like [12]" does not.
_OTHERS_CARRIED = re.compile(
    rf"\b(of|in|by|unlike|as in|reported in) {_CITATION}|^\s*{_CITATION}|\bet al\b|\b(their|they)\b|"
    r"\b(previous|prior|existing|earlier|contemporary|recent|other|typical|conventional|concurrent) "
    r"(work|works|approach|approaches|methods?|studies|papers?)\b"
)
_ENDS_WITH_CITATION = re.compile(rf"{_CITATION}\s*\)?\s*$")
_AS_DONE_BY = re.compile(rf"[\s,]*as (done|reported|described|used|proposed) (by|in) \(?{_CITATION}")
# "The original ResNet was trained for 3 weeks on 8 GPUs [15].", "... on 8 P100 GPUs (Vaswani et al., 2017)": a
# clause whose compute phrase a citation closes reports the cited work ("... on 8 GPUs with AdamW [32]" cites a tool)
_CITED_AFTER = re.compile(
    rf"^(\s+(?!(with|using|via|following|and|as|from|of [a-z]+ (optimi[sz]er|schedule))\b)[a-z0-9.-]+){{0,3}}?\s*\(?\s*"
    rf"{_CITATION}\s*\)?\s*[.;,]?\s*$"
)
# A citation in parentheses after a noun ("results on ImageNet (Russakovsky et al., 2015)"): a reference, not the
# agent of a run ("Smith et al. (2018) trained ...", "in (Smith et al., 2018)" still are)
_AUTHOR = r"[a-z][a-z'-]+( et al\.?| (&|and) [a-z][a-z'-]+)?,? " + _YEAR
_REFERENCE = re.compile(rf"(?P<agent>\b(of|in|by|from|than|like|see|cf\.?|as in|to)\s)?\({_AUTHOR}([;,] {_AUTHOR})*\)")


def _without_references(clause: str) -> str:
    return _REFERENCE.sub(lambda m: m.group() if m.group("agent") else " " * len(m.group()), clause)


# "960 hours of speech", "7 consecutive days of click records": a quantity of data, unless it is of training time
_DATASET_HOURS = re.compile(
    r"^\s*(?:consecutive\s+)?(?:of|worth of)\s+(?!training|pre ?training|fine ?tuning|compute|computation|wall|"
    r"gpu|tpu|cpu|machine|time|search|runtime|processing)"
    r"|^\s*(?:of|for)\s+(?:testing|test|evaluation|validation)\b"
    r"|^\s*(?:intervals?|increments?|windows?|clips?|segments?)\b"  # "checkpoints at 10-minute intervals"
)


# "in the past few years", "the last 3 days", "audio longer than 30 seconds": a time, but not a duration of training
_NOT_A_DURATION_BEFORE = re.compile(
    r"\b(past|last|recent|next|coming|previous|following|longer than|shorter than|older than|every)\s+(the\s+)?$"
)


@dataclass
class Statement:
    """One training-burden statement. Counts are in chips (table units); hours are wall-clock."""

    sentence: str
    hardware: str = ""
    count: float | None = None
    hours: float | None = None
    chip_hours: float | None = None
    flop: float | None = None
    hardware_raw: str = ""
    count_low: float | None = None
    count_high: float | None = None
    hours_low: float | None = None
    hours_high: float | None = None
    chip_hours_low: float | None = None
    chip_hours_high: float | None = None
    flop_low: float | None = None
    flop_high: float | None = None
    precision: str = ""
    convention: str = ""
    confidence: float = 0.0
    status: str = ""
    role: str = ""  # final | pretrain | finetune | search | ablation | total (ROLES)
    dataset: str = ""  # the dataset the run trains on (resources/datasets.tsv), "" when none is named
    # FLOPs under every convention given to the parser (centre values; the chosen one is `flop`)
    flops: dict[str, float | None] = field(default_factory=dict)

    @classmethod
    def columns(cls) -> list[str]:
        """The table columns of a statement (statements.tsv adds flop_<convention> for each convention)."""
        return [f.name for f in fields(cls) if f.name != "flops"]

    def as_row(self) -> dict:
        row = asdict(self)
        flops = row.pop("flops")
        return {**row, **{f"flop_{name}": value for name, value in flops.items()}}


def _prepare(sentence: str) -> str:
    """Lower-case; thousands separators, dashes and multiplication signs unified; hyphens between words spaced."""
    text = sentence.lower()
    text = re.sub(r"[‐‑‒–—−]", "-", text).replace("×", " x ").replace("\u00a0", " ")
    text = re.sub(r"(?<=\d), ?(?=\d{3}\b)", "", text)  # "10,000" and "10, 000" (a PDF's spacing)
    text = GLUED_VENDOR.sub(lambda m: m.group(0) + " ", text)  # "nvidiav100", "cloudtpuv4": glued by the PDF
    # powers of ten: "1.6 × 10^5 GPU hours", "3 x 10⁴", "1.2e5" (was read as "5 GPU hours")
    text = re.sub(r"10([⁰¹²³⁴⁵⁶⁷⁸⁹]+)", lambda m: "10^" + m.group(1).translate(_SUPERSCRIPTS), text)
    text = re.sub(r"(?<![\w.])(\d+(?:\.\d+)?)(?:\s*(?:x|\*|·)\s*10 ?(?:\^|\*\*) ?|e\+?)(\d{1,2})\b", _power, text)
    # hyphens between words become spaces ("pre-training", "ResNet-50"), not in a slice name ("TPU v5e-256")
    text = re.sub(r"(?<=[a-z])-(?=[a-z])|(?<=[a-z]{2})-(?=[0-9]+(?![a-z0-9]))|(?<=[0-9])-(?=[a-z])", " ", text)
    text = re.sub(r"(?<=[a-z]{2})[-\ufffe\u00ad] (?=[a-z]{2})", " ", text)  # a compound broken at a line end
    # "Quadro K-6000", "Tesla P-100": a single letter and its model number are one name
    text = re.sub(r"(?<![a-z0-9])([a-z])-(?=\d)", r"\1", text)
    # words the PDF glued to a chip name: "A100graphics card", "V100GPUs"
    text = re.sub(r"(?<=\d)(?=(graphics|gpus?|cards?|accelerators?|chips?)\b)", " ", text)
    # magnitudes written out: "20k GPU hours", "2.5k TPUv3 core-days", "1.0 million GPU hours" ("ImageNet-21k" is a
    # name; "1M steps" stays: an "m" may be minutes)
    text = re.sub(r"(?<![\w.-])(\d+(?:\.\d+)?)(k\b| (thousand|million|billion)\b)", _magnitude, text)
    text = _AND_A_HALF.sub(_and_a_half, text)  # "a day and a half", "2 weeks and a half": "1.5 days", "2.5 weeks"
    # "1.5M GPU hours": an "m" before processor-time is a million
    text = re.sub(
        rf"(?<![\w.-])(\d+(?:\.\d+)?)(m)(?= (?:[a-z0-9]+ )?{COUNTED_PROCESSOR}s?[ -]?"
        r"(?:hours?|days?|years?)\b)",
        _magnitude,
        text,
    )
    # a compound duration glued: "1d 4h" (a lone "2d" may be two-dimensional), "4h 30m", "2h30min"
    text = re.sub(r"(?<![\w.])(\d+(?:\.\d+)?)d(?= ?\d+(?:\.\d+)? ?h(?:rs?|ours?)?\b)", r"\1 days ", text)
    text = re.sub(r"(?<=\d)(h|hrs?|hours?) ?(\d+) ?m(?:ins?)?\b", r" \1 \2 minutes", text)
    # a count glued to its chip by an "x": "8xA100", "4xRTX3090" ("p3.16xlarge" is an instance name)
    text = re.sub(r"(?<![\w.])(\d+)x(?=[a-z]{1,4}\d|(gpus?|tpus?)\b)", r"\1 x ", text)
    return re.sub(r"\s+", " ", text)


def named_processors(sentence: str, table: HardwareTable) -> list[Processor]:
    """The processors of the hardware table a raw sentence names, in order."""
    return [proc for _, _, proc in table.find_all(_prepare(sentence))]


_AND_A_HALF = re.compile(
    rf"(?<![\w.-])(?P<n>{NUMBER}) (?P<unit>hour|day|week|month|year)s? and a half\b(?! (?:{TIME_UNIT})\b)"
)


def _and_a_half(match: re.Match[str]) -> str:
    value = word_number(match.group("n"))
    return f"{value + 0.5:g} {match.group('unit')}s" if value else match.group(0)


_SUPERSCRIPTS = str.maketrans("⁰¹²³⁴⁵⁶⁷⁸⁹", "0123456789")


def _power(match: re.Match[str]) -> str:
    return f"{float(match.group(1)) * 10 ** int(match.group(2)):.12g}"


_MAGNITUDES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "million": 1e6, "billion": 1e9}


def _magnitude(match: re.Match[str]) -> str:
    return f"{float(match.group(1)) * _MAGNITUDES[match.group(2).strip()]:.12g}"


_STOP_WORDS = {
    "on",
    "for",
    "in",
    "with",
    "using",
    "and",
    "or",
    "of",
    "took",
    "trained",
    "the",
    "to",
    "by",
    "at",
    "per",
}


def _quantity(text: str) -> tuple[float, float] | None:
    """(low, high) of text captured by a QUANTITY group ("8", "2-3", "a few"); None when it is not one."""
    whole = re.fullmatch(QUANTITY, text)
    return quantity_bounds(whole) if whole else None


def _number_before(text: str, end: int, window: int = 60, allow_times: bool = True) -> tuple[float, float] | None:
    """The count written just before position `end` ('8 nvidia p100', 'eight', 'a single', '8 x'), skipping at
    most three descriptive words and never crossing a preposition or another number."""
    prefix = text[max(0, end - window) : end].rstrip()
    for _ in range(4):
        times = r"\s*(?:x\s*)?" if allow_times else r"\s*"  # "8x V100"; but "999X accelerators" is a name
        match = re.search(rf"(?:^|[\s(])(?P<q>{QUANTITY}){times}$", prefix)
        if match:
            bounds = _quantity(match.group("q"))
            return bounds if bounds and bounds[1] <= 1e6 else None
        word = re.search(r"(?:^|\s)([a-z0-9][a-z0-9.]*)$", prefix)
        if not word or word.group(1) in _STOP_WORDS or word.group(1) in UNIT_ALIASES:
            return None
        prefix = prefix[: word.start(1)].rstrip()
    return None


def _number_after(text: str, start: int) -> tuple[float, float] | None:
    """'V100 x 8', 'TPU v3 with 512 cores' style counts right after a mention."""
    match = re.match(r"\s*(?:(?:gpus?|tpus?|chips?|cards?)\s+)?(?:x|\*)\s*(?P<n>\d+)\b", text[start:])
    if match:
        value = float(match.group("n"))
        return (value, value)
    return None


@dataclass
class _Hardware:
    proc: Processor | None
    raw: str
    count: tuple[float, float] | None
    unit: str  # chip | core | device | pod
    start: int = 0
    end: int = 0


# "on our P100 GPU", "on the lab's A6000": a processor named in the singular after a determiner is one
_SINGULAR_HEAD = re.compile(
    r"(?:^|\s)(?:a|an|one|our|the|this|that|its|their|single|[a-z]+'s)\s+(?:[a-z0-9'’.]+\s+){0,2}$"
)
_PLURAL_TAIL = re.compile(r"\s*(?:(?:tensor ?)?cores|gpus|cards|chips|devices|boards|accelerators)\b")


# "256 cores (128 chips) of a TPU v3 pod", "16 Cloud TPUs (64 TPU chips total)": the chips the authors counted
_CHIPS_IN_BRACKETS = re.compile(rf"\(\s*(?P<q>{QUANTITY})\s+(?:tpu\s+)?chips?(?:\s+(?:in\s+)?total)?\s*\)")


def _specific_mention(text: str, start: int, end: int, proc: Processor) -> _Hardware:
    """One named processor with its count and the unit of that count (chips, TPU cores, devices, pods)."""
    raw = text[start:end]
    count = _number_before(text, start) or _number_after(text, end)
    tail, head = text[end : end + 30], text[max(0, start - 40) : start]
    unit = "chip"
    if count is not None:
        # "4 x 8 V100", "4 nodes x 8 V100": machines times processors per machine
        per_machine = re.search(
            rf"(?<![\w.])(?P<n>\d+)\s*(?:{_MACHINE}\s*)?x\s*\d+(?:\s*x)?\s+(?:[a-z]+\s+){{0,2}}$", head
        )
        if per_machine and count[0] == count[1]:
            machines = float(per_machine.group("n"))
            count = (count[0] * machines, count[1] * machines)
    chips = _CHIPS_IN_BRACKETS.search(text)
    if proc.kind == "tpu" and chips and (bounds := _quantity(chips.group("q"))):
        # "256 cores (128 chips) of a TPU v3 pod": the chips the authors counted
        return _Hardware(proc, raw, bounds, "chip", start, end)
    cores_before = re.search(rf"(?P<q>{QUANTITY})[ -]cores?\s+(?:[a-z]+\s+){{0,2}}$", head)
    cores_after = re.match(rf"\s*(?:\w+\s+){{0,3}}?with\s+(?P<q>{QUANTITY})\s+(?:tensor ?)?cores\b", tail)
    if proc.kind == "tpu" and (cores_before or cores_after):
        # "a 512-core TPUv2 cluster", "a single TPU v3 with 8 cores": the cores are the count
        bounds = _quantity((cores_before or cores_after).group("q"))
        if bounds:
            return _Hardware(proc, raw, bounds, "core", start, end)
    pod_slice = re.match(r"\s*(?:pod\s+)?slices?\b", tail) if proc.kind == "tpu" else None
    if pod_slice:
        # "a 64-chip TPU v4 pod slice", "a TPU v4 slice with 32 chips", "a 2x2x4 TPU v4 slice", "a TPU v4 pod slice
        # with a 4x4x4 topology": a part of a pod, of the chips stated or its topology's; none stated, no count
        after = tail[pod_slice.end() :] + text[end + 30 : end + 60]
        stated = re.search(rf"(?P<q>{QUANTITY}) chips?\s+(?:[a-z]+\s+){{0,2}}$", head) or re.match(
            rf"\s*(?:of|with)\s+(?P<q>{QUANTITY})\s+(?:tpu\s+)?chips\b", after
        )
        topology = re.search(r"(?<![\w.])(\d+)x(\d+)(?:x(\d+))?\s+(?:[a-z]+\s+)?$", head) or re.match(
            r"\s*(?:\w+\s+){0,3}?(\d+)x(\d+)(?:x(\d+))?\s+topology\b", after
        )
        if stated:
            count = _quantity(stated.group("q"))
        elif topology:
            size = float(math.prod(int(side) for side in topology.groups() if side))
            count = (size, size)
        else:
            count = None
        return _Hardware(proc, raw, count, "chip", start, end)
    if re.match(r"\s*(?:tensor ?)?cores?\b", tail) and proc.kind == "tpu":
        unit = "core"
    elif re.match(r"\s*(?:devices?|boards?)\b", tail) and proc.kind == "tpu":
        unit = "device"
    elif re.match(r"\s*pods?\b", tail):
        unit = "pod"
        count = count or (1.0, 1.0)
    elif proc.kind == "tpu" and re.search(r"\bcloud\s+$", head) and not re.match(r"\s*chips?\b", tail):
        unit = "device"  # a Cloud TPU (v2, v3) is a device of 4 chips (8 cores)
    if count is None and _SINGULAR_HEAD.search(head) and not raw.endswith("s") and not _PLURAL_TAIL.match(tail):
        count = (1.0, 1.0)
    if count is None:
        # "512 cores of TPU v3", "8 cloud tpus ... v3" (a generic count elsewhere in the sentence)
        generic = re.search(
            rf"(?<![\w.])(?P<q>{QUANTITY})\s+(?:[a-z][a-z0-9.]*\s+){{0,2}}?(?P<noun>gpus?|tpus?|cores?|chips?|devices?)\b",
            text,
        )
        numbered = NUMBER_OF_PROCESSORS.search(text)  # "the number of V100 GPUs ranged from 64 to 512"
        if generic:
            count = _quantity(generic.group("q"))
            if generic.group("noun").startswith("core") and proc.kind == "tpu":
                unit = "core"
        elif numbered:
            count = quantity_bounds(numbered)
            if numbered.group("noun").startswith("core") and proc.kind == "tpu":
                unit = "core"
    return _Hardware(proc, raw, count, unit, start, end)


# A context clause about inference lends no processors ("Infer-time is measured on V100 GPU; Train-time is ... on 32
# TPU cores")
_INFERENCE_CLAUSE = re.compile(r"\b(infer\w*|latency|fps|throughput|decod\w*|deploy\w*)\b")


def _inference_clause(text: str, start: int) -> bool:
    """In a sentence that speaks of inference, whether the clause at `start` is not one of training: it speaks of
    inference itself or names no training ("1) ... inference speed, 2) ... can be used to train NMT models in
    roughly a week, 3) ... accelerates translation inference": only the second clause states a training time)."""
    a, b = next(((a, b) for a, b in _clauses(text) if a <= start < b), (0, len(text)))
    clause = text[a:b]
    return bool(_REJECT["inference"].search(clause)) or not _TRAINING_VERB.search(clause)


def _lends(text: str, start: int, end: int) -> bool:
    """Whether a processor named at [start, end) of a joined text (join_sentences) may be the hardware of its
    sentence's durations: always in the sentence itself; in the context sentence unless its clause is another
    work's or about inference."""
    if start > text.rfind(JOIN):
        return True
    a, b = next(((a, b) for a, b in _clauses(text) if a <= start < b), (0, len(text)))
    return clause_reason(text, start, end) != "others" and not _INFERENCE_CLAUSE.search(text[a:b])


def _in_brackets(text: str, position: int) -> bool:
    """Whether `position` stands inside an open bracket (a count there restates the one before it)."""
    return text[:position].count("(") > text[:position].count(")")


def _cores_after(text: str, end: int) -> bool:
    """Whether a processor noun ending at `end` is followed by cores ("TPU cores", "TPU tensor cores")."""
    return bool(re.match(r"\s*(tensor ?)?cores?\b", text[end:]))


def _hardware_mentions(text: str, table: HardwareTable, lends=None) -> list[_Hardware]:
    """Every processor the sentence names, with counts; generic ones ('8 GPUs') only when none is named. `lends`:
    whether a mention at (start, end) may count (None: all do)."""
    found = []
    for start, end, proc in table.find_all(text):
        if proc.kind == "cpu" or (lends and not lends(start, end)):
            continue
        # "TPUv3-8", "TPU v3-512", "TPU v5e-256": a slice named by its TensorCore count (cores per chip: the table)
        slice_size = re.match(r"-(\d+)\b", text[end:]) if proc.kind == "tpu" else None
        if slice_size:
            cores = float(slice_size.group(1))
            before = _number_before(text, start)
            times = before if before and before[0] == before[1] else (1.0, 1.0)
            span = (start, end + slice_size.end())
            found.append(_Hardware(proc, text[span[0] : span[1]], (cores * times[0], cores * times[1]), "core", *span))
            continue
        mention = _specific_mention(text, start, end, proc)
        held, per_box = table.unboxed(proc)
        if held is not proc:  # "a DGX-2", "4 DGX A100 servers", "a p3.2xlarge": boxes of the chips they hold
            boxes = mention.count or (1.0, 1.0)
            mention = _Hardware(held, raw=mention.raw, count=(boxes[0] * per_box, boxes[1] * per_box), unit="chip",
                                start=mention.start, end=mention.end)  # fmt: skip
        found.append(mention)
    if found:
        # (in a sentence joined to a paper's hardware sentence, the type is lent by _typed_from_paper, which says so)
        return sorted(found + (_typeless_beside(text, found) if lends is None else []), key=lambda h: h.start)
    generic = None
    counted = []  # "4 days on 450 GPUs, after which ... 2 days on 8 GPUs": each count its own mention
    for match in _GENERIC.finditer(text):
        if lends and not lends(*match.span()):
            continue
        if counted and match.start() <= counted[-1].end + 1:
            continue  # "2048 TPU cores": one mention, counted once
        count = _number_before(text, match.start(), allow_times=False)
        if count is not None or generic is None:
            tpu = match.group(0).startswith("tpu")
            tpu_cores = tpu and _cores_after(text, match.end())
            cloud = tpu and not tpu_cores and text[: match.start()].endswith("cloud ")  # "16 Cloud TPUs": devices
            unit = "core" if tpu_cores else "device" if cloud else "chip"
            generic = _Hardware(None, match.group(0), count, unit, *match.span())
        if count is not None:
            counted.append(generic)
    # (a count in brackets restates the one before it: "16 Cloud TPUs (64 TPU chips total)")
    if len(counted) > 1 and not any(_in_brackets(text, m.start) for m in counted):
        return counted
    generic = counted[0] if counted else generic
    chips = _CHIPS_IN_BRACKETS.search(text, generic.end) if generic is not None else None
    if chips and generic.raw.startswith("tpu") and (bounds := _quantity(chips.group("q"))):
        generic = _Hardware(None, generic.raw, bounds, "chip", generic.start, generic.end)
    # "on CPUs, using 30 machines": with no count on the processors, the machines are the count.
    machines = re.search(rf"(?P<q>{NUMBER})\s+(?:[a-z]+\s+)?{_MACHINE}\b", text)
    if generic is not None and generic.count is None and machines:
        value = word_number(machines.group("q"))
        if value:
            generic = _Hardware(None, generic.raw, (value, value), "chip", generic.start, generic.end)
    # "The number of TPUs used for training ranged from 64 to 512": the count stated as a number of them
    numbered = NUMBER_OF_PROCESSORS.search(text)
    if generic is not None and generic.count is None and numbered:
        bounds = quantity_bounds(numbered)
        if bounds:
            unit = "core" if numbered.group("noun").startswith("core") else "chip"
            generic = _Hardware(None, numbered.group("noun"), bounds, unit, *numbered.span("noun"))
    # "an 8-GPU machine": the number is glued to the noun.
    glued = re.search(rf"(?P<q>{NUMBER}) (?P<noun>gpus?|tpus?) (?:{_MACHINE})", text)
    if glued and (generic is None or generic.count is None):
        value = word_number(glued.group("q"))
        if value is not None:
            generic = _Hardware(None, glued.group("noun"), (value, value), "chip", *glued.span())
    return [generic] if generic else []


# Between a named processor and the noun that follows it ("8 Tesla V100 32GB GPUs"): words, no count or joint
_OF_THE_NAMED = re.compile(
    r"[\s-]*(?:(?!(?:and|or|on|with|for|of|in|to|using|while|but|per|each)\b)[a-z0-9.()/]+[\s-]+){0,2}"
)


def _typeless_beside(text: str, named: list[_Hardware]) -> list[_Hardware]:
    """Counts of processors without a type in a sentence that names its processors ("pre-train on 32 V100 GPUs for 5
    days; fine-tuning on 8 GPUs takes 2 hours"): each its own mention, typed by the named processor of its kind
    nearest before it (else after it), GPUs and TPUs of a kind no processor named untyped ("pre-train on 64 TPU v3
    chips ... fine-tune on 8 GPUs"). The noun of a named processor ("8 V100 GPUs"), a noun without a count of its
    own and one in brackets (a restatement: "(64 GPUs in total)") are none."""
    found: list[_Hardware] = []
    for match in _GENERIC.finditer(text):
        noun = match.group(0).lower().rstrip("s")
        kinds = TYPELESS_KINDS.get(noun, ())
        if not kinds or (found and match.start() <= found[-1].end + 1):
            continue
        if any(m.start <= match.start() < m.end or (m.end <= match.start() and _OF_THE_NAMED.fullmatch(
                text[m.end : match.start()])) for m in named):  # fmt: skip
            continue
        if _in_brackets(text, match.start()):
            continue
        count = _number_before(text, match.start(), allow_times=False)
        typed = [m for m in named if m.proc is not None and m.proc.kind in kinds]
        if count is None or not (typed or noun in ("gpu", "tpu")):
            continue  # ("5120 CUDA cores" of a named GPU are no processors)
        before = [m for m in typed if m.end <= match.start()]
        by = (before[-1] if before else min(typed, key=lambda m: m.start - match.end())) if typed else None
        cores = noun == "core" or _cores_after(text, match.end())
        found.append(_Hardware(by.proc if by else None, match.group(0), count, "core" if cores else "chip",
                               *match.span()))  # fmt: skip
    return found


def _nearest(mentions: list[_Hardware], start: int, end: int, text: str = "") -> _Hardware | None:
    """The mention closest to a duration: 'took 18 days on 592 V100s while ... 12 days on 256 V100s'; a counted
    one in the duration's own clause first ("2.5 days to train A using one DGX-2 (16 V100s), 2 days to train B
    using 4 V100s")."""
    if not mentions:
        return None
    with_count = [m for m in mentions if m.count is not None] or mentions
    if text:
        a, b = next(((a, b) for a, b in _clauses(text) if a <= start < b), (0, len(text)))
        with_count = [m for m in with_count if m.count is not None and a <= m.start < b] or with_count

    def distance(m: _Hardware) -> int:
        if not text:
            return max(m.start - end, start - m.end, 0)
        # from phrase to phrase: a count before the processor ("2 days on 8 Titan X") and its noun after it ("4
        # Titan X GPUs and 2 days") are the mention's
        head = _COUNT_HEAD.search(text, max(0, m.start - 40), m.start)
        tail = _PLURAL_TAIL.match(text, m.end)
        return max((head.start() if head else m.start) - end, start - (tail.end() if tail else m.end), 0)

    return min(with_count, key=distance)


# The count and words before a processor's name ("8 NVIDIA ", "four "), up to the name
_COUNT_HEAD = re.compile(rf"(?<![\w.])(?:{QUANTITY})\s*(?:x\s*)?(?:[a-z0-9.]+\s+){{0,2}}?$")


# "4 machines with 8 GPUs each", "each of the 4 machines has 8 GPUs": the machines (q) before the per-machine count
_MACHINES_BEFORE = re.compile(
    rf"(?<![\w.])(?P<q>{NUMBER})\s+(?:[a-z]+\s+)?{_MACHINE}\s*,?\s*(?:each\s+)?"
    rf"(?:with|having|containing|of|equipped with|(?:that |which )?(?:has|have|holds?|contains?))\s+(?P<per>{NUMBER})\s"
)
# "4 GPUs per node on 16 nodes", "8 GPUs on each of 4 machines": the machines counted after the per-machine count
_MACHINES_AFTER = re.compile(
    rf"(?:(?P<per>{NUMBER})\s+(?:[a-z0-9]+\s+){{0,2}}?{COUNTED_PROCESSOR}s?\s+(?:per|on each|in each|each on)\s+"
    rf"{_MACHINE}\b[^.;]{{0,30}}?\b(?:on|across|over|with|using|of)|(?:on|across) each of)\s+(?P<q>{NUMBER})\s+"
    rf"{_MACHINE}\b"
)


def _machines_multiplier(text: str) -> tuple[tuple[float, float], float | None]:
    """'4 machines with 8 GPUs each' -> the per-machine count must be multiplied by 4: (the multiplier, the
    per-machine count it multiplies, None when the sentence does not say)."""
    match = _MACHINES_BEFORE.search(text) or _MACHINES_AFTER.search(text)
    if match:
        value = word_number(match.group("q"))
        if value and value > 1:
            return (value, value), word_number(match.group("per")) if match.group("per") else None
    return (1.0, 1.0), None


def _most(values) -> int:
    """The value most of `values` share (more than half of them), else 0."""
    values = list(values)
    most = max(set(values), key=values.count, default=0)
    return most if most > 0 and values.count(most) * 2 > len(values) else 0


def _to_chips(
    hw: _Hardware, table: HardwareTable | None = None, year: float | None = None
) -> tuple[float, float] | None:
    """The chips a mention counts. TPU cores of an unnamed generation ("32 TPU cores") are chips of the TPUs likely
    in the paper's `year`, at the cores per chip most of them have."""
    if hw.count is None:
        return None
    low, high = hw.count
    proc = hw.proc
    if proc is None and hw.unit == "core" and table is not None and year:
        cores = _most(p.cores_per_chip for p in table.likely("tpu", year))
        if cores:
            return (low / cores, high / cores)
    if proc is None and hw.unit == "device" and table is not None:
        # "16 Cloud TPUs": devices of the TPUs likely in the paper's year (4 chips each in 2017-2022), the range of
        # all generations' devices without a year
        tpus = table.likely("tpu", year) if year else [p for p in table.processors if p.kind == "tpu"]
        per_device = [p.chips_per_device for p in tpus]
        if per_device:
            return (low * min(per_device), high * max(per_device))
    if proc is None:
        return (low, high)
    if hw.unit == "core":
        factor = 1.0 / proc.cores_per_chip
    elif hw.unit == "device":
        factor = float(proc.chips_per_device)
    elif hw.unit == "pod":
        factor = float(proc.chips_per_pod or math.nan)
    else:
        factor = 1.0
    if math.isnan(factor):
        return None
    return (low * factor, high * factor)


def _durations(text: str) -> list[tuple[float, float, int, int]]:
    """Wall-clock durations as (low_hours, high_hours, start, end), skipping dataset hours and chip-time units."""
    found = []
    taken = 0  # the end of a range's upper duration, read with its lower one
    for match in DURATION.finditer(text):
        if match.start() < taken:
            continue
        unit = match.group("unit").lower()
        if unit not in UNIT_ALIASES or not short_unit_allowed(text, match):
            continue
        if _DATASET_HOURS.match(text[match.end() :]) or _NOT_A_DURATION_BEFORE.search(text[: match.start()]):
            continue
        if UNIT_ALIASES[unit] == "second" and not re.match(r"\d", match.group(0)):
            continue  # "a second approach", "in a second step": an ordinal, never a training time
        bounds = quantity_bounds(match)
        if bounds is None:
            continue
        end = match.end()
        upper = _RANGE_END.match(text, end)
        if upper and UNIT_ALIASES.get(upper.group("unit").lower()) == UNIT_ALIASES[unit]:
            high = word_number(upper.group("n"))
            if high is not None and high > bounds[1]:  # "from 5 days to 2 days" is a reduction, no range
                bounds, end = (bounds[0], high), upper.end()
                taken = end
        found.append((to_hours(bounds[0], unit), to_hours(bounds[1], unit), match.start(), end))
        alternative = _ALTERNATIVE.search(text[max(0, match.start() - 12) : match.start()])
        if alternative and bounds[0] == bounds[1]:
            hours = to_hours(float(alternative.group(1)), unit)
            found.append((hours, hours, match.start(), match.end()))
    return _compound(text, found)


def _compound(text: str, found: list[tuple[float, float, int, int]]) -> list[tuple[float, float, int, int]]:
    """One duration of parts written in a row, larger unit first: "2 days and 9 hours" is 57 h, not 48 h and 9 h."""
    merged: list[tuple[float, float, int, int]] = []
    for low, high, start, end in found:
        if merged:
            p_low, p_high, p_start, p_end = merged[-1]
            if start >= p_end and re.fullmatch(r"\s*(,|and|, and|\+)?\s*", text[p_end:start]) and high < p_low:
                merged[-1] = (p_low + low, p_high + high, p_start, end)
                continue
        if merged and _restates(text, merged[-1], (low, high, start, end)):
            continue  # "2.5 days (60 hours)": the same duration in another unit
        merged.append((low, high, start, end))
    return merged


def _restates(text: str, before: tuple[float, float, int, int], after: tuple[float, float, int, int]) -> bool:
    """Whether a duration in brackets right after another gives the same length ("2.5 days (60 hours)")."""
    between = text[before[3] : after[2]]
    close = math.isclose(before[0], after[0], rel_tol=0.1) and math.isclose(before[1], after[1], rel_tol=0.1)
    return close and bool(re.fullmatch(r"\s*[(\[]\s*(about |around |roughly |approximately |~|i\.?e\.?,? )?", between))


def _chip_times(text: str, table: HardwareTable) -> list[tuple[float, float, Processor | None, str, bool, int, int]]:
    """Chip-time quantities ('2,000 GPU-days'): (low_hours, high_hours, processor named in the phrase or None,
    phrase, whether the unit is TPU cores, start, end)."""
    found = []
    for match in _CHIP_TIME.finditer(text):
        bounds = quantity_bounds(match)
        if bounds is None:
            continue
        what = match.group("what")
        proc = table.match(what)
        if proc is not None and proc.kind == "cpu" and "cpu" not in what:
            proc = None  # "TPU core-days": the core is a TPU core, not a CPU core
        hours = (to_hours(bounds[0], match.group("unit")), to_hours(bounds[1], match.group("unit")))
        is_core = bool(re.search(r"\bcores?$", what)) and "cpu" not in what
        found.append((hours[0], hours[1], proc, what, is_core, match.start(), match.end()))
    return found


# Between a context sentence and the sentence it gives hardware to (join_sentences): a clause boundary no
# attribution crosses ("Results on ImageNet (Russakovsky et al., 2015) on 32 TPU cores." does not make the next
# sentence's training others'), and a context clause that cites another work as its agent lends no processors.
JOIN = "\u00b6"


def join_sentences(previous: str, sentence: str) -> str:
    """A context sentence and the sentence it may give hardware to, as one text for parse_sentence."""
    return f"{previous} {JOIN} {sentence}"


def _clauses(text: str) -> list[tuple[int, int]]:
    """Spans of the clauses of a (prepared) sentence: split at ; , : and before while, whereas, but, which, who,
    "and then", and at a JOIN."""
    cuts = [0]
    depth = [0] * (len(text) + 1)  # brackets open before each position: no cut inside "(Smith et al., 2018)"
    for i, char in enumerate(text):
        depth[i + 1] = max(depth[i] + (char in "([") - (char in ")]"), 0)
    for match in re.finditer(
        rf"[;,:{JOIN}](?=\s)|\s(?=(while|whereas|but|which|who|unlike|compared|and then)\b)", text
    ):
        if depth[match.start()] and match.group() != JOIN:
            continue
        cuts.append(match.end())
    cuts.append(len(text))
    return [(a, b) for a, b in pairwise(sorted(set(cuts))) if text[a:b].strip()]


_UNIT_WORD = r"(?P<u>epoch|iteration|step|update)"
_UNITS_COUNTED = re.compile(
    rf"(?<![\w.])(?P<n>\d+(?:\.\d+)?\s*[km]?|{NUMBER})\s+(?:training\s+|more\s+|total\s+)?{_UNIT_WORD}s\b"
)


def _count(number: str) -> float | None:
    """A count of units as written ("90", "300k", "1.5m", "ninety"); None when it is none above 1."""
    number = number.replace(" ", "")
    scale = {"k": 1e3, "m": 1e6}.get(number[-1], 1.0)
    value = word_number(number.rstrip("km")) if scale != 1.0 else word_number(number)
    return value * scale if value and value * scale > 1 else None


def _units_trained(text: str, start: int, end: int, paper: dict[str, float] | None = None) -> float | None:
    """For a time per unit of training at [start, end) ("each epoch takes 2 hours", "35 minutes per epoch"), the
    number of those units the sentence says the training ran ("we train for 90 epochs"), else the paper does
    (`paper`: units_trained_in); the total is the product; None when neither says (the time stays a time per
    unit)."""
    near = re.search(rf"\b{_UNIT_WORD}\b", text[max(0, start - 40) : end + 30])
    if not near:
        return None
    for match in _UNITS_COUNTED.finditer(text):
        if match.group("u") != near.group("u") or start <= match.start() < end:
            continue
        if value := _count(match.group("n")):
            return value
    return (paper or {}).get(near.group("u"))


# The length of the training in units ("All language models are trained for 300k iterations") and the size of an
# epoch in steps ("the time it takes to advance one epoch which is equivalent to 68,507 iterations")
_SCHEDULE = re.compile(
    # ("we optimize with SGD ... for 40 epochs": optimizing is the training)
    rf"(?:{TRAINING_VERB.pattern}|\b(ran|run|optimi[sz](e|es|ed|ing))\b)[^.;]*?"
    rf"\bfor (a total of |about |around |roughly |approximately )?"
    rf"(?P<n>\d+(?:\.\d+)?\s*[km]?|{NUMBER}) (training )?{_UNIT_WORD}s\b"
)
_EPOCH_SIZE = re.compile(
    r"\b(one|an|each|a single|1) epoch\b[^.;]{0,40}?\b(equivalent to|corresponds to|equals|=|of)\s+"
    r"(?P<n>\d+(?:\.\d+)?\s*[km]?) (?P<u>iteration|step|update)s\b"
)


def _counted_unit(text: str, units: dict[str, float]) -> bool:
    """Whether a prepared sentence times one unit of training ("each epoch takes ...") that `units` counts."""
    return any(
        m.group(3) in units
        for m in re.finditer(r"\b(one|each|every|a single|per)( training)? (epoch|iteration|step|update)\b", text)
    )


def schedule_sentence(sentence: str) -> bool:
    """Whether a sentence states how many units the training ran or how many steps an epoch has."""
    text = _prepare(sentence)
    return bool(_SCHEDULE.search(text) or _EPOCH_SIZE.search(text))


def units_trained_in(sentences: list[str]) -> dict[str, float]:
    """The units of training the paper's sentences say its training ran, one count per unit (epoch, iteration,
    step, update) that all agree on; epochs also from the steps run and the steps an epoch has ("trained for 300k
    iterations" and "one epoch, which is equivalent to 68,507 iterations": 4.38 epochs). A unit given two counts
    ("pre-trained for 1M steps", "fine-tuned for 10k steps") has none."""
    counts: dict[str, set[float]] = {}
    sizes: dict[str, set[float]] = {}
    for sentence in sentences:
        text = _prepare(sentence)
        for match in _SCHEDULE.finditer(text):
            if value := _count(match.group("n")):
                counts.setdefault(match.group("u"), set()).add(value)
        for match in _EPOCH_SIZE.finditer(text):
            if value := _count(match.group("n")):
                sizes.setdefault(match.group("u"), set()).add(value)
    units = {unit: next(iter(values)) for unit, values in counts.items() if len(values) == 1}
    if "epoch" not in counts:
        for unit, values in sizes.items():
            if len(values) == 1 and unit in units:
                units["epoch"] = units[unit] / next(iter(values))
    return units


def _per_unit_before(before: str) -> bool:
    """Whether the words before a duration time one unit of training ("each epoch takes", "an epoch took", "epoch
    time"), not a counted run of them ("for 300 epochs takes")."""
    match = _PER_UNIT_BEFORE.search(before)
    if not match or not match.group("plain"):
        return bool(match)
    counted = _COUNTED_BEFORE.search(before[: match.start("plain")])
    return not (counted and match.group("plain").endswith("s") and _count(counted.group(1).replace(",", "")))


# A limit or a budget the duration is the bound of, not a run's length: "we limit each training run to 24 hours",
# "capped at 10,000 steps or 8 hours", "within a budget of 8 GPU-days", "a time budget of 48 GPU hours"
_LIMIT_BEFORE = re.compile(
    rf"\b(limit|limits|limited|limiting|cap|caps|capped|capping|restrict\w*)\b[^.;]{{0,60}}?\b(to|at)\s+"
    rf"(?:(?:at most|most|a maximum of|up to|about)\s+)?(?:{NUMBER}\s+[a-z]+\s+(?:or|of)\s+)?$|"
    r"\bbudgets? (of|is|was)\s+(?:(?:about|roughly|only|just)\s+)?$"
)


def clause_reason(text: str, start: int, end: int) -> str | None:
    """Why the duration at [start, end) of a prepared sentence is not the paper's own training (its clause cites
    another work as the agent, or names a cost the work does without, or times a unit of training, or something
    other than training); None if it may be.

    Attribution: a clause citing another work as the agent is others' work unless it speaks in the first person;
    a sentence that opens on another work ("In prior work, ...", "Unlike [23], ...") carries that to its later
    clauses until one speaks in the first person; a relative clause ("..., which used 450 GPUs") belongs to the
    work cited just before it."""
    spans = _clauses(text)
    index = next((i for i, (a, b) in enumerate(spans) if a <= start < b), len(spans) - 1)
    barrier = text.rfind(JOIN, 0, start)  # the clauses of a context sentence carry nothing over
    clauses = [text[a:b] if a > barrier else "" for a, b in spans]
    clause = clauses[index]
    own = bool(_FIRST_PERSON.search(clause))
    if not own:
        if _OTHERS_CLAUSE.search(_without_references(clause)):
            return "others"
        for earlier in reversed(clauses[:index]):  # the nearest earlier clause that says whose work it is
            if _FIRST_PERSON.search(earlier):
                break
            if _OTHERS_CARRIED.search(_without_references(earlier)):
                return "others"
        after = text[end : spans[index][1]]
        hints = list(PROCESSOR_HINT.finditer(after))
        if _CITED_AFTER.match(after[hints[-1].end() :] if hints else after):
            return "others"
        following = clauses[index + 1] if index + 1 < len(clauses) else ""
        if _AS_DONE_BY.match(following):  # "Training for 3 weeks on 8 GPUs, as done by Zoph et al. [40], is ..."
            return "others"
        relative = re.match(r"\s*(which|who|whose)\b", clause)
        if relative and index and _ENDS_WITH_CITATION.search(clauses[index - 1].rstrip(" ,;:")):
            return "others"
    if _DONE_WITHOUT.search(text[spans[index][0] : start]):
        return "done without"
    if _LIMIT_BEFORE.search(text[spans[index][0] : start]):
        return "limit"
    if not _TOTAL_AFTER.match(text[end:]) and (
        _PER_UNIT_AFTER.match(text[end:])
        or _per_unit_before(text[spans[index][0] : start])
        or _PER_UNIT_SENTENCE.search(text)
        or _PER_UNIT_CLAUSE.search(clause)
    ):
        return "per unit"
    if _CLAUSE_REJECT["not training"].search(clause) and not _TRAINING_VERB.search(_TRAINING_AS_NOUN.sub(" ", clause)):
        return "not training"
    return None


# "training data", "the trained model": words of training that name data or a result, not the training itself
_TRAINING_AS_NOUN = re.compile(
    r"\btraining (data|corpus|set|examples?|images?|samples?|split|sentences?|pairs|documents?|tokens?)\b|"
    r"\b(pre ?)?trained (model|network|weights|checkpoints?|models|networks|cnns?|encoders?|backbones?)\b|"
    r"\bbeam search\b"  # a decoder's search, no architecture search
)


def reject_reason(text: str, training_in_context: bool = False) -> str | None:
    """Why a (prepared) sentence is not a statement about training the paper's own model; None if it may be.
    `training_in_context`: the training verb is in a preceding sentence, so the sentence needs none of its own."""
    if not training_in_context and not _TRAINING.search(text):
        return "no training verb"
    training_verb = training_in_context or _TRAINING_VERB.search(text)
    for reason, pattern in _REJECT.items():
        if pattern.search(text):
            if reason == "inference" and training_verb and not _STRONG_INFERENCE.search(text):
                continue
            return reason
    return None


# "The 15B model took 60 days.": another model's duration after a sentence about training, without its own verb
_CONTINUATION = re.compile(
    r"\b(models?|versions?|variants?|networks?|lms?|configurations?|stages?|phases?)\b.*\b(took|takes|required|"
    r"requires|needed|lasted)\b"
)
_NOT_TRAINING = re.compile(r"\b(pre ?process\w*|evaluat\w*|test\w*|data|dataset|generat\w*|sampl\w*|annotat\w*)\b")


def continues_training(sentence: str, context: str) -> list[tuple[float, float]]:
    """The (low, high) hours of `sentence` when it continues the training of its context without a training verb
    of its own ("ESM2 700M took 8 days to train. The 15B model took 60 days."); empty otherwise."""
    text = _prepare(sentence)
    if (
        reject_reason(text) != "no training verb"
        or reject_reason(text, training_in_context=True)  # any other reason still holds
        or not _CONTINUATION.search(text)
        or _NOT_TRAINING.search(text)
        or not _TRAINING_VERB.search(_prepare(context))
    ):
        return []
    return [(low, high) for low, high, _, _ in _durations(text)]


def _bounds_product(*pairs: tuple[float, float]) -> tuple[float, float]:
    low, high = 1.0, 1.0
    for a, b in pairs:
        low, high = low * a, high * b
    return low, high


def parse_sentence(
    sentence: str,
    table: HardwareTable,
    convention: Convention | Conventions,
    language_model: bool = False,
    year: float | None = None,
    strict: bool = True,
    units: dict[str, float] | None = None,
) -> list[Statement]:
    """All training-burden statements in `sentence` (an empty list when it states none); FLOPs under the
    convention (or under each of the Conventions, the chosen one in `flop`). `year`: the paper's, to impute the
    type of a processor named without one ("8 GPUs"). `strict=False` takes a sentence without a training word as a
    training statement (the user says it is one: `computelimits parse`); the other reasons to reject still hold.
    `units`: the units of training the paper says its training ran (units_trained_in), for a time per unit whose
    sentence says none ("each epoch takes around two days")."""
    try:
        return _parse(sentence, table, Conventions.of(convention), language_model, year, strict, units)
    except Exception as exc:  # the parser must never stop a run: report instead
        return [Statement(sentence=sentence, status=f"parser error: {type(exc).__name__}")]


# "for 4 and 10 days on 8 and 16 GPUs, respectively", "2, 4 and 8 days": lists of numbers that share one unit
_LIST = r"(?P<list>(?:\d+(?:\.\d+)?\s*,\s*)*\d+(?:\.\d+)?,?\s+and\s+\d+(?:\.\d+)?)"
_DURATION_LIST = re.compile(rf"(?<![\w.]){_LIST}\s*(?={TIME_UNIT}\b)")
_COUNT_LIST = re.compile(
    rf"(?<![\w.]){_LIST}\s+(?=(?:(?!(?:on|for|with|of|in|and|using)\b)[a-z][a-z0-9.-]*\s+){{0,2}}?{COUNTED_PROCESSOR}s?\b)"
)


def _respective(text: str) -> list[str]:
    """A "respectively" sentence as one sentence per run: its list of durations ("4 and 10 days") paired, item by
    item, with its list of processor counts ("8 and 16 GPUs") of the same length, or either list with the one
    value the sentence gives of the other; [] when it has no list or the lists do not pair."""
    if not re.search(r"\brespectively\b", text):  # (each variant is without it: no recursion)
        return []
    durations = list(_DURATION_LIST.finditer(text))
    counts = list(_COUNT_LIST.finditer(text))
    if len(durations) > 1 or len(counts) > 1 or not (durations or counts):
        return []
    lists = sorted([*durations, *counts], key=lambda m: m.start())
    items = [re.split(r"\s*,\s*(?:and\s+)?|,?\s+and\s+", m.group("list")) for m in lists]
    if len({len(i) for i in items}) != 1:
        return []
    variants = []
    for index in range(len(items[0])):
        # the lists rewritten from the last, so the earlier ones keep their places
        variant = text
        for match, values in reversed(list(zip(lists, items, strict=True))):
            variant = variant[: match.start("list")] + values[index] + variant[match.end("list") :]
        variants.append(re.sub(r",?\s*respectively\b", "", variant))
    return variants


def _parse(
    sentence: str,
    table: HardwareTable,
    convention: Conventions,
    language_model: bool,
    year: float | None,
    strict: bool,
    units: dict[str, float] | None = None,
) -> list[Statement]:
    if not isinstance(sentence, str) or not sentence.strip():
        return []
    text = _prepare(sentence)
    if variants := _respective(text):
        runs = [stmt for v in variants for stmt in _parse(v, table, convention, language_model, year, strict, units)]
        for stmt in runs:
            stmt.sentence = sentence
        return runs
    reason = reject_reason(text)
    if reason == "inference":
        reason = None if len(_clauses(text)) > 1 else reason  # judged clause by clause (_inference_clause)
        inference_here = True
    else:
        inference_here = False
    # "each epoch takes around two days" names no training, but a unit of it: counted by the paper's units trained
    per_unit_only = reason == "no training verb" and bool(units) and _counted_unit(text, units)
    if reason and (strict or reason != "no training verb") and not per_unit_only:
        return []

    def rejected(start: int, end: int) -> bool:
        return bool(clause_reason(text, start, end)) or (inference_here and _inference_clause(text, start))

    every_chip_time = _chip_times(text, table)
    chip_times = [c for c in every_chip_time if not rejected(c[5], c[6]) and not per_unit_only]
    spans = [(c[5], c[6]) for c in every_chip_time]  # a rejected one ("NASNet required 2,000 GPU-days") counts no GPUs
    durations = []
    for d in _durations(text):
        if any(s <= d[2] < e for s, e in spans):
            continue
        if not rejected(d[2], d[3]):
            if not per_unit_only:
                durations.append(d)
        elif clause_reason(text, d[2], d[3]) == "per unit" and (count := _units_trained(text, d[2], d[3], units)):
            durations.append((d[0] * count, d[1] * count, d[2], d[3]))  # "each epoch takes 2 hours; 90 epochs"
    if not durations and not chip_times:
        return []
    masked = text
    for start, end in spans:  # "2,000 GPU-days" is chip-time, not a count of 2,000 GPUs
        masked = masked[:start] + " " * (end - start) + masked[end:]
    mentions = _hardware_mentions(masked, table, partial(_lends, text) if JOIN in text else None)
    multiplier, per_machine = _machines_multiplier(text)

    def chips_of(hw: _Hardware | None) -> tuple[float, float] | None:
        """The chips of a mention, times the machines when its count is the per-machine count ("2 nodes of 8 GPUs"
        multiplies "8 GPUs", not "16 V100 GPUs, i.e. 2 nodes of 8 GPUs")."""
        chips = _to_chips(hw, table, year) if hw else None
        if chips is None or (per_machine is not None and hw.count is not None and hw.count != (per_machine,) * 2):
            return chips
        return _bounds_product(chips, multiplier)

    def hardware_for(start: int, end: int) -> tuple[_Hardware | None, tuple[float, float] | None]:
        hw = _nearest(mentions, start, end, text)
        return hw, chips_of(hw)

    statements = []

    def finish(stmt: Statement, proc: Processor | None, hw: _Hardware | None, start: int, end: int) -> None:
        stmt.role = role_of(text, start, end)
        stmt.dataset = dataset_of(text, start, end)
        _finish(stmt, proc, convention, language_model, table, year if proc is None and hw else None)
        statements.append(stmt)

    for low, high, chip_proc, what, is_core, c_start, c_end in chip_times:
        hw, chips = hardware_for(c_start, c_end)
        proc_here = chip_proc or (hw.proc if hw else None)
        if is_core and proc_here is not None and proc_here.kind == "tpu":
            low, high = low / proc_here.cores_per_chip, high / proc_here.cores_per_chip
        stmt = Statement(sentence=sentence, hardware_raw=what if chip_proc else (hw.raw if hw else what))
        stmt.chip_hours_low, stmt.chip_hours_high = low, high
        if chips:
            stmt.count_low, stmt.count_high = chips
            stmt.hours_low, stmt.hours_high = low / chips[1], high / chips[0]
        finish(stmt, proc_here, hw, c_start, c_end)
    processor_times = len(statements)
    for low, high, d_start, d_end in durations:
        # "Training A on four K20 GPUs, or B on eight K40 GPUs, takes 3-4 weeks": one duration for each alternative
        alternatives = _alternatives(text, mentions) if len(durations) == 1 else []
        for hw in alternatives or [hardware_for(d_start, d_end)[0]]:
            chips = chips_of(hw)
            stmt = Statement(sentence=sentence, hardware_raw=hw.raw if hw else "")
            stmt.hours_low, stmt.hours_high = low, high
            if chips:
                stmt.count_low, stmt.count_high = chips
                stmt.chip_hours_low, stmt.chip_hours_high = chips[0] * low, chips[1] * high
            finish(stmt, hw.proc if hw else None, hw, d_start, d_end)
    # a processor-time restating a run the sentence times ("14 days on 512 A100 GPUs, corresponding to 172,032
    # GPU-hours") is that run, not a second one
    timed = statements[processor_times:]
    return [s for s in statements[:processor_times] if not any(_same_run(s, t) for t in timed)] + timed


def _same_run(chip_time: Statement, timed: Statement) -> bool:
    return (
        chip_time.hardware == timed.hardware
        and chip_time.chip_hours is not None
        and timed.chip_hours is not None
        and math.isclose(chip_time.chip_hours, timed.chip_hours, rel_tol=0.05)
    )


def _alternatives(text: str, mentions: list[_Hardware]) -> list[_Hardware]:
    """Counted processor mentions joined by "or" ("on four K20 GPUs, or ... on eight K40 GPUs"): each an
    alternative run of the one duration; [] when the sentence has no such list."""
    counted = [m for m in mentions if m.count is not None and m.proc is not None]
    if len(counted) < 2:
        return []
    joined = all(re.search(r"\bor\b", text[a.end : b.start]) for a, b in pairwise(counted))
    return counted if joined and "respectively" not in text else []


def _centre(low: float | None, high: float | None) -> float | None:
    if low is None or high is None:
        return None
    return math.sqrt(low * high) if low > 0 and high > 0 else (low + high) / 2


ROLES = ("final", "pretrain", "finetune", "search", "ablation", "total")
# Cues of each role but `final` (the default); the cue nearest the duration wins.
# Stages a total may name as included ("including pre-training and fine-tuning", "including ablations and tuning")
_STAGES = r"(pre ?train\w*|fine ?tun\w*|search\w*|ablations?|experiments|(hyper ?parameter )?tuning|sweeps?)"
_ROLE_CUES = {
    "search": re.compile(
        r"\b(architecture search|neural architecture|search (cost|took|takes|process|phase|stage|space)|nas|controller|"
        r"searching|the search|searched)\b"
    ),
    "pretrain": re.compile(r"\bpre ?train\w*|\bpre training\b"),
    # a refinement stage after training ("RL based model refinement", "we refine a model until ...")
    "finetune": re.compile(
        r"\bfine ?tun\w*|\bfinetun\w*|\binstruction tun\w*|\bmodel refinement\b|\brefine (a|the|our|each) model\b|"
        r"\badapt(s|ed|ing)? (it |the model |our model )?to (a|an|the|each|every|new)\b|"  # adapting a trained model
        r"\brefinement (phase|stage)\b"
    ),
    # a variant run: a component added to or removed from the model ("when we added a self-matching layer",
    # "w/o the decoder"); a run stopped at another model's score ("achieve the same accuracy as BiDAF within 3 hours")
    "ablation": re.compile(
        r"\b(ablations?|smaller ([a-z0-9]+ ){0,3}?(models?|versions?|variants?|networks?)|baselines?|"
        r"proxy (task|model)|"
        r"(when|if|once) we (add|added|remove|removed|replace|replaced|drop|dropped)|w/o|"
        r"(the )?same (accuracy|performance|f1|bleu|score|quality|perplexity))\b"
    ),
    "total": re.compile(
        r"\b(in total|total (training |compute |wall ?clock )?(time|cost|compute)|altogether|end to end)\b|"
        # "the whole pipeline, including pre-training and fine-tuning, took ..." ("a total of 4 weeks" is one run's)
        # "including all ablations", "the entire project"
        r"\bincluding all (the |our )?([a-z]+ )?(ablations|experiments|runs|models|variants|sweeps)\b|"
        r"\bthe (entire|whole) project\b|"
        # (a stage may be named by a word before it: "including the policy search and ablations")
        rf"\b(including|includes|covering|across) (both )?(the )?([a-z]+ )?{_STAGES}"
        rf"(,? and (the )?([a-z]+ )?{_STAGES})?"
    ),
}
# A cue of the final run: a clause naming it takes no stage from the clauses around it ("After the search, we train
# the final architecture for 36 hours")
_FINAL_CUE = re.compile(r"\b(the|our|this) final (model|network|architecture|run|training)\b")


def _nearest_role(cues: list[tuple[re.Match[str], str]], start: int, end: int) -> str:
    return min(cues, key=lambda cue: max(cue[0].start() - end, start - cue[0].end(), 0))[1]


_PROCESSORS_BEFORE = re.compile(rf"\b{COUNTED_PROCESSOR}s?\)?\s*$")


def _role_cues(text: str) -> list[tuple[re.Match[str], str]]:
    """Every role cue of a text; a stage named inside a total's cue ("including pre-training and fine-tuning") is
    part of it, no cue of its own; "in total" after processors ("128 V100 GPUs in total") totals them, not the
    stages."""
    cues = [(m, role) for role, pattern in _ROLE_CUES.items() for m in pattern.finditer(text)
            if role != "total" or not _PROCESSORS_BEFORE.search(text, 0, m.start())]  # fmt: skip
    totals = [m for m, role in cues if role == "total"]
    return [(m, role) for m, role in cues
            if role == "total" or not any(t.start() <= m.start() and m.end() <= t.end() for t in totals)]  # fmt: skip


# A clause restating the run of the clause before it in other units
_RESTATING = re.compile(
    r"\s*(corresponding to|amounting to|equivalent to|equal to|i\.?e\.?|that is|totall?ing|which (is|amounts to|"
    r"corresponds to))\b"
)


def role_of(text: str, start: int, end: int) -> str:
    """The stage a duration at [start, end) of a prepared sentence times: the role whose cue stands nearest it
    (pre-training, fine-tuning, an architecture search, an ablation or smaller model, a total) in its own clause,
    else in the clauses that time no run of their own, else `final`. ("Pre-training took three weeks on 1024 TPU v3
    chips, and fine-tuning took 2 hours": one role each; "Ours trains in 1 day, while the baseline needs 3 days":
    the first is no baseline's; "Training took 6 weeks, ... the strongest dense baseline we use": a baseline.)"""
    spans = _clauses(text) or [(0, len(text))]
    index = next((i for i, (a, b) in enumerate(spans) if a <= start < b), 0)
    while index and _RESTATING.match(text[spans[index][0] : spans[index][1]]):
        index -= 1  # "took 21 days on 1,024 A100 GPUs, corresponding to 516,096 GPU-hours": the clause it restates
    a, b = spans[index]
    cues = _role_cues(text)
    if own := [(m, role) for m, role in cues if a <= m.start() < b]:
        stages = {role for _, role in own} - {"total"}
        if (
            len(stages) == 1
            and stages <= {"pretrain", "finetune", "search"}
            and all(m.group(0) == "in total" for m, role in own if role == "total")
        ):
            return stages.pop()  # "the pre-training stage took 64 V100-days in total": one stage's total
        return _nearest_role(own, start, end)
    if _FINAL_CUE.search(text, a, b):
        return "final"
    untimed = [(c, d) for c, d in spans if (c, d) != (a, b) and not counted_durations(text[c:d])]
    # (the final run named there is a cue too: "After the search, we train the final architecture ..., which takes
    # 1.5 days")
    finals = [(m, "final") for m in _FINAL_CUE.finditer(text)]
    if others := [(m, role) for m, role in cues + finals if any(c <= m.start() < d for c, d in untimed)]:
        return _nearest_role(others, start, end)
    return "final"


def names_final(text: str) -> bool:
    """Whether a (lower-cased) text names the final run ("the final architecture", "our final model")."""
    return bool(_FINAL_CUE.search(text))


def named_role(text: str, last: bool = False) -> str:
    """The role a text (a caption, a context paragraph) names first, or `last`; `final` when it names none."""
    cues = _role_cues(text)
    if not cues:
        return "final"
    where = len(text) if last else 0
    return _nearest_role(cues, where, where)


def dataset_of(text: str, start: int, end: int) -> str:
    """The dataset named nearest a duration at [start, end) of a prepared sentence, in its own clause first ("The
    ImageNet experiments took 3 days each, while the JFT experiments took over a month"), "" when none is."""
    found = load_datasets().find_all(text)
    if not found:
        return ""
    a, b = next(((a, b) for a, b in _clauses(text) if a <= start < b), (0, len(text)))
    own = [hit for hit in found if a <= hit[0] < b] or found
    return min(own, key=lambda hit: max(hit[0] - end, start - hit[1], 0))[2]


def _generic_kind(raw: str) -> str | None:
    """The processor kind of a generic mention ("8 GPUs" -> gpu, "TPUs" -> tpu); None for cores, chips, devices."""
    for kind in ("gpu", "tpu"):
        if kind in raw.lower():
            return kind
    return None


def _finish(
    stmt: Statement,
    proc: Processor | None,
    conventions: Conventions,
    language_model: bool,
    table: HardwareTable | None = None,
    year: float | None = None,
) -> None:
    """Point values, FLOPs under every convention, confidence and status (of the chosen convention). A processor
    named without its type ("8 GPUs") in a paper of `year` is imputed: the FLOPs span the chips of its kind released
    in the years before (HardwareTable.likely), status "imputed hardware"."""
    convention = conventions.main
    likely = []
    kind = _generic_kind(stmt.hardware_raw) if proc is None and year and table is not None else None
    if kind:
        likely = table.likely(kind, year)
    stmt.count = _centre(stmt.count_low, stmt.count_high)
    stmt.hours = _centre(stmt.hours_low, stmt.hours_high)
    stmt.chip_hours = _centre(stmt.chip_hours_low, stmt.chip_hours_high)
    stmt.hardware = proc.name if proc else ""
    if likely:
        years = sorted(p.year for p in likely)
        stmt.hardware = f"{kind.upper()} (imputed: {years[0]}-{years[-1]})"
    stmt.convention = convention.name
    problems = []
    if stmt.count is not None and stmt.count <= 0:
        problems.append("zero chips")
    if stmt.hours is not None and stmt.hours <= 0:
        problems.append("non-positive duration")
    if stmt.hours_high is not None and stmt.hours_high > MAX_HOURS:
        problems.append("duration over 10 years")
    confidence = 1.0
    if proc is None:
        confidence -= 0.3
    if stmt.count is None and stmt.chip_hours is None:
        confidence -= 0.3
    if stmt.hours_low != stmt.hours_high or stmt.count_low != stmt.count_high:
        confidence -= 0.1
    stmt.confidence = round(max(confidence, 0.1), 2)
    if problems:
        stmt.status = "flagged: " + ", ".join(problems)
        return
    if proc is None and not (likely and stmt.chip_hours is not None):
        stmt.status = "unknown hardware" if stmt.hardware_raw else "no hardware"
        return
    if stmt.chip_hours is None:
        stmt.status = "no chip count"
        return
    chips = proc if proc is not None else likely
    flops = flops_by_convention(chips, stmt.chip_hours_low, stmt.chip_hours_high, conventions, language_model)
    result = flops[convention.name]
    if result is None:
        stmt.status = f"no {convention.name} peak for {stmt.hardware}"
        return
    stmt.flop, stmt.flop_low, stmt.flop_high, stmt.precision = result
    stmt.flops = {name: values[0] if values else None for name, values in flops.items()}
    stmt.status = "ok" if proc is not None else "imputed hardware"
    if proc is None:
        stmt.confidence = round(max(stmt.confidence - 0.1, 0.1), 2)
