"""From one sentence to training-burden statements: chip, chip count, wall-clock hours, chip-hours, FLOPs.

`parse_sentence` never raises on arbitrary text. A sentence that does not state the training of the paper's own
model (inference, latency, memory, others' compute, hypotheticals, dataset hours) yields no statement. Facts that
cannot be used (zero chips, more than ten years) are kept with a `status` saying why, and get no FLOPs.
"""

from __future__ import annotations

import math
import re
from dataclasses import asdict, dataclass, field, fields

from .hardware import Convention, Conventions, HardwareTable, Processor, flops_by_convention
from .units import NUMBER, QUANTITY, UNIT_ALIASES, quantity_bounds, to_hours, word_number

MAX_HOURS = 10 * 365.25 * 24

_TIME_UNIT = r"(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|h|days?|weeks?|months?|years?)"
# the unit ends the word: "256 H100 GPUs" is no duration of 256 hours
_DURATION = re.compile(rf"(?<![\w.]){QUANTITY}\s*(?P<unit>{_TIME_UNIT})(?![a-z0-9])", re.I)
# "5/2.5 days on 8 A100 GPU for a Ferret-13B/7B": alternatives before the unit, one per model
_ALTERNATIVE = re.compile(r"(?<![\w./])(\d+(?:\.\d+)?)\s*/\s*$")
# "120 GPU-hours", "32 GPU days", "2,048 TPUv3 core-days", "4 TPU-core-years", "1800 GPU days"
_CHIP_TIME = re.compile(
    # singular, as in "GPU-hours": "512 NVIDIA A100 GPUs Hours used: 672" is a count and a duration
    rf"(?<![\w.]){QUANTITY}\s+(?P<what>(?:[a-z0-9.]+\s+){{0,2}}?(?:gpu|tpu|chip|core|device|accelerator|node)"
    r"|[a-z]{1,4}\d{2,4}[a-z]?)"  # "20,051 A100 hours": a chip model as the unit
    rf"\s*(?P<unit>hours?|days?|weeks?|months?|years?)(?![a-z])",
    re.I,
)
_GENERIC = re.compile(r"\b(gpus?|tpus?|chips?|cores?|devices?|accelerators?|cpus?)\b")
_MACHINE = r"(?:machines?|nodes?|servers?|hosts?|workers?|boxes|instances?)"
_TRAINING = re.compile(
    r"\b(train\w*|pre ?train\w*|fine ?tun\w*|tun(?:e|es|ed|ing)|converge\w*|search\w*|learn\w* for|runs?|ran|"
    r"running|experiments?|costs?|required?|requires)\b"
)
_TRAINING_VERB = re.compile(r"\b(train\w*|pre ?train\w*|fine ?tun\w*|converge\w*|search\w*)\b")
_FIRST_PERSON = re.compile(r"\b(we|our|us|ours)\b")
# Inference words that win over a training verb in the same sentence ("per image" alone does not).
_STRONG_INFERENCE = re.compile(r"\b(inference|latency|fps|throughput|speed ?up|faster than)\b")
# Reasons a sentence is not about the compute of the paper's own training.
_REJECT = {
    "inference": re.compile(
        r"\b(inference|latency|decoding|predict(ion)? time|per (image|frame|sample|query|example|sentence|batch|"
        r"step|iteration|epoch)|fps|frames per second|throughput|images?/s|samples?/s|tokens?/s|\d+\s*ms\b|"
        r"milliseconds?|real[- ]time|speed ?up|faster than|can (run|process))"
    ),
    # "takes an hour ..., compared to 10+ hours for ...": a speed comparison
    "comparison": re.compile(r"\bcompared (to|with)\b"),
    "hypothetical": re.compile(
        r"\b(would|could|might) (have )?(take|taken|require|need|cost)|\bif (we|one) (were|had)\b"
    ),
    "others": re.compile(
        r"\bet al\b|\b(their|they)\b|\b(previous|prior|existing|earlier|contemporary|recent|other|typical|"
        r"conventional) (work|works|approach|approaches|methods?|models?)\b|\breported (by|in)\b|"
        r"\boriginal (paper|implementation|authors?)\b"
    ),
    # "one epoch corresponds to ... 30 minutes": the time of a unit of training, not of the training
    "per unit": re.compile(r"\b(one|each|every|a single)( training)? (epoch|iteration|step|update|batch|minibatch)\b"),
}
# "960 hours of speech", "7 consecutive days of click records": a quantity of data, unless it is of training time
_DATASET_HOURS = re.compile(
    r"^\s*(?:consecutive\s+)?(?:of|worth of)\s+(?!training|pre ?training|fine ?tuning|compute|computation|wall|"
    r"gpu|tpu|cpu|machine|time|search|runtime|processing)"
    r"|^\s*(?:of|for)\s+(?:testing|test|evaluation|validation)\b"
    r"|^\s*(?:intervals?|increments?|windows?|clips?|segments?)\b"  # "checkpoints at 10-minute intervals"
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
    text = re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z0-9])|(?<=[0-9])-(?=[a-z])", " ", text)
    return re.sub(r"\s+", " ", text)


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


def _specific_mention(text: str, start: int, end: int, proc: Processor) -> _Hardware:
    """One named processor with its count and the unit of that count (chips, TPU cores, devices, pods)."""
    raw = text[start:end]
    count = _number_before(text, start) or _number_after(text, end)
    tail, head = text[end : end + 30], text[max(0, start - 40) : start]
    unit = "chip"
    cores_before = re.search(rf"(?P<q>{QUANTITY})[ -]cores?\s+(?:[a-z]+\s+){{0,2}}$", head)
    cores_after = re.match(rf"\s*(?:\w+\s+){{0,3}}?with\s+(?P<q>{QUANTITY})\s+(?:tensor ?)?cores\b", tail)
    if proc.kind == "tpu" and (cores_before or cores_after):
        # "a 512-core TPUv2 cluster", "a single TPU v3 with 8 cores": the cores are the count
        bounds = _quantity((cores_before or cores_after).group("q"))
        if bounds:
            return _Hardware(proc, raw, bounds, "core", start, end)
    if re.match(r"\s*(?:tensor ?)?cores?\b", tail) and proc.kind == "tpu":
        unit = "core"
    elif re.match(r"\s*(?:devices?|boards?)\b", tail) and proc.kind == "tpu":
        unit = "device"
    elif re.match(r"\s*pods?\b", tail):
        unit = "pod"
        count = count or (1.0, 1.0)
    if count is None:
        # "512 cores of TPU v3", "8 cloud tpus ... v3" (a generic count elsewhere in the sentence)
        generic = re.search(
            rf"(?<![\w.])(?P<q>{QUANTITY})\s+(?:[a-z][a-z0-9.]*\s+){{0,2}}?(?P<noun>gpus?|tpus?|cores?|chips?|devices?)\b",
            text,
        )
        if generic:
            count = _quantity(generic.group("q"))
            if generic.group("noun").startswith("core") and proc.kind == "tpu":
                unit = "core"
    dgx = re.match(r"dgx ?(2)?", raw)
    if dgx:  # a DGX box: DGX-1, DGX A100/A800/H100 hold 8 GPUs, a DGX-2 16
        per_box = 16.0 if dgx.group(1) else 8.0
        boxes = count or (1.0, 1.0)
        count = (boxes[0] * per_box, boxes[1] * per_box)
    return _Hardware(proc, raw, count, unit, start, end)


def _hardware_mentions(text: str, table: HardwareTable) -> list[_Hardware]:
    """Every processor the sentence names, with counts; generic ones ('8 GPUs') only when none is named."""
    found = []
    # "TPUv3-8", "TPU v3-512": a slice named by its core count.
    for slice_match in re.finditer(r"\btpu ?v?([2-5])[ep]?-(\d+)\b", text):
        proc = table.get(f"TPU v{slice_match.group(1)}")
        if proc is None:
            continue
        cores = float(slice_match.group(2))
        before = _number_before(text, slice_match.start())
        times = before if before and before[0] == before[1] else (1.0, 1.0)
        found.append(
            _Hardware(proc, slice_match.group(0), (cores * times[0], cores * times[1]), "core", *slice_match.span())
        )
    taken = [(h.start, h.end) for h in found]
    for start, end, proc in table.find_all(text):
        if proc.kind == "cpu" or any(s <= start < e for s, e in taken):
            continue
        found.append(_specific_mention(text, start, end, proc))
    if found:
        return sorted(found, key=lambda h: h.start)
    generic = None
    for match in _GENERIC.finditer(text):
        count = _number_before(text, match.start(), allow_times=False)
        if count is not None or generic is None:
            generic = _Hardware(None, match.group(0), count, "chip", *match.span())
        if count is not None:
            break
    # "on CPUs, using 30 machines": with no count on the processors, the machines are the count.
    machines = re.search(rf"(?P<q>{NUMBER})\s+(?:[a-z]+\s+)?{_MACHINE}\b", text)
    if generic is not None and generic.count is None and machines:
        value = word_number(machines.group("q"))
        if value:
            generic = _Hardware(None, generic.raw, (value, value), "chip", generic.start, generic.end)
    # "an 8-GPU machine": the number is glued to the noun.
    glued = re.search(rf"(?P<q>{NUMBER}) (?P<noun>gpus?|tpus?) (?:{_MACHINE})", text)
    if glued and (generic is None or generic.count is None):
        value = word_number(glued.group("q"))
        if value is not None:
            generic = _Hardware(None, glued.group("noun"), (value, value), "chip", *glued.span())
    return [generic] if generic else []


def _nearest(mentions: list[_Hardware], start: int, end: int) -> _Hardware | None:
    """The mention closest to a duration: 'took 18 days on 592 V100s while ... 12 days on 256 V100s'."""
    if not mentions:
        return None
    with_count = [m for m in mentions if m.count is not None] or mentions

    def distance(m: _Hardware) -> int:
        return max(m.start - end, start - m.end, 0)

    return min(with_count, key=distance)


def _machines_multiplier(text: str) -> tuple[float, float]:
    """'4 machines with 8 GPUs each' -> the per-machine count must be multiplied by 4."""
    match = re.search(
        rf"(?P<q>{NUMBER})\s+(?:[a-z]+\s+)?{_MACHINE}\s*,?\s*(?:each\s+)?(?:with|having|containing|of|equipped with)\s+"
        rf"(?:{NUMBER})\s",
        text,
    )
    if match:
        value = word_number(match.group("q"))
        if value and value > 1:
            return (value, value)
    return (1.0, 1.0)


def _to_chips(hw: _Hardware) -> tuple[float, float] | None:
    if hw.count is None:
        return None
    low, high = hw.count
    proc = hw.proc
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
    for match in _DURATION.finditer(text):
        unit = match.group("unit").lower()
        if unit not in UNIT_ALIASES:
            continue
        if unit == "h" and not re.match(r"\d", match.group(0)):
            continue
        if _DATASET_HOURS.match(text[match.end() :]):
            continue
        bounds = quantity_bounds(match)
        if bounds is None:
            continue
        found.append((to_hours(bounds[0], unit), to_hours(bounds[1], unit), match.start(), match.end()))
        alternative = _ALTERNATIVE.search(text[max(0, match.start() - 12) : match.start()])
        if alternative and bounds[0] == bounds[1]:
            hours = to_hours(float(alternative.group(1)), unit)
            found.append((hours, hours, match.start(), match.end()))
    return found


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


def reject_reason(text: str, training_in_context: bool = False) -> str | None:
    """Why a (prepared) sentence is not a statement about training the paper's own model; None if it may be.
    `training_in_context`: the training verb is in a preceding sentence, so the sentence needs none of its own."""
    if not training_in_context and not _TRAINING.search(text):
        return "no training verb"
    training_verb = training_in_context or _TRAINING_VERB.search(text)
    for reason, pattern in _REJECT.items():
        if pattern.search(text):
            if reason == "others" and _FIRST_PERSON.search(text):
                continue
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
) -> list[Statement]:
    """All training-burden statements in `sentence` (an empty list when it states none); FLOPs under the
    convention (or under each of the Conventions, the chosen one in `flop`)."""
    try:
        return _parse(sentence, table, Conventions.of(convention), language_model)
    except Exception as exc:  # the parser must never stop a run: report instead
        return [Statement(sentence=sentence, status=f"parser error: {type(exc).__name__}")]


def _parse(sentence: str, table: HardwareTable, convention: Conventions, language_model: bool) -> list[Statement]:
    if not isinstance(sentence, str) or not sentence.strip():
        return []
    text = _prepare(sentence)
    if reject_reason(text):
        return []
    chip_times = _chip_times(text, table)
    spans = [(c[5], c[6]) for c in chip_times]
    durations = [d for d in _durations(text) if not any(s <= d[2] < e for s, e in spans)]
    if not durations and not chip_times:
        return []
    masked = text
    for start, end in spans:  # "2,000 GPU-days" is chip-time, not a count of 2,000 GPUs
        masked = masked[:start] + " " * (end - start) + masked[end:]
    mentions = _hardware_mentions(masked, table)
    multiplier = _machines_multiplier(text)

    def hardware_for(start: int, end: int) -> tuple[_Hardware | None, tuple[float, float] | None]:
        hw = _nearest(mentions, start, end)
        chips = _to_chips(hw) if hw else None
        return hw, (_bounds_product(chips, multiplier) if chips is not None else None)

    statements = []
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
        _finish(stmt, proc_here, convention, language_model)
        statements.append(stmt)
    for low, high, d_start, d_end in durations:
        hw, chips = hardware_for(d_start, d_end)
        proc = hw.proc if hw else None
        stmt = Statement(sentence=sentence, hardware_raw=hw.raw if hw else "")
        stmt.hours_low, stmt.hours_high = low, high
        if chips:
            stmt.count_low, stmt.count_high = chips
            stmt.chip_hours_low, stmt.chip_hours_high = chips[0] * low, chips[1] * high
        _finish(stmt, proc, convention, language_model)
        statements.append(stmt)
    return statements


def _centre(low: float | None, high: float | None) -> float | None:
    if low is None or high is None:
        return None
    return math.sqrt(low * high) if low > 0 and high > 0 else (low + high) / 2


def _finish(stmt: Statement, proc: Processor | None, conventions: Conventions, language_model: bool) -> None:
    """Point values, FLOPs under every convention, confidence and status (of the chosen convention)."""
    convention = conventions.main
    stmt.count = _centre(stmt.count_low, stmt.count_high)
    stmt.hours = _centre(stmt.hours_low, stmt.hours_high)
    stmt.chip_hours = _centre(stmt.chip_hours_low, stmt.chip_hours_high)
    stmt.hardware = proc.name if proc else ""
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
    if proc is None:
        stmt.status = "unknown hardware" if stmt.hardware_raw else "no hardware"
        return
    if stmt.chip_hours is None:
        stmt.status = "no chip count"
        return
    flops = flops_by_convention(proc, stmt.chip_hours_low, stmt.chip_hours_high, conventions, language_model)
    result = flops[convention.name]
    if result is None:
        stmt.status = f"no {convention.name} peak for {proc.name}"
        return
    stmt.flop, stmt.flop_low, stmt.flop_high, stmt.precision = result
    stmt.flops = {name: values[0] if values else None for name, values in flops.items()}
    stmt.status = "ok"
