"""The words papers state compute in, each list defined once and used by the page screen, the candidate filter and
the parser alike: time units (from units.UNIT_ALIASES), counted durations, training words, processor and machine
nouns. Chip names, cores per chip, devices, pods and boxes are facts of resources/hardware.tsv, not of this module.

Patterns here work on raw text (any case, hyphens or spaces: "pre-train", "pre train", "pretrain").
"""

from __future__ import annotations

import re

from .units import NUMBER, QUANTITY, UNIT_ALIASES, VAGUE


def _alternation(words) -> str:
    return "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))


# Every time unit the parser converts ("3 wks", "90,000 seconds", "2 yrs"); one- and two-letter ones ("h", "s", "d")
# only right after a digit ("12h", "5 d"), never after a word.
# "d" is left out: "8.8 D 384" in a table is model D, and no paper times its training in "d".
TIME_UNIT = _alternation(unit for unit in UNIT_ALIASES if unit != "d")
_SHORT_UNITS = {unit for unit in UNIT_ALIASES if len(unit) <= 2 and unit not in ("hr",)}
# A number (digits, a number word, a range, a vague quantity) followed by a time unit that ends its word: "256 H100
# GPUs" is no duration of 256 hours.
# (a footnote marker glued to the unit, "35 days9 .", is no part of it; "DGX-2H" is a name, not 2 hours)
DURATION = re.compile(rf"(?<![\w.-]){QUANTITY}\s*(?P<unit>{TIME_UNIT})(?![a-z])(?:\d(?=\s*[.,;)]))?(?!\d)", re.I)
# The same shape for screening raw text quickly (no bounds computed): used by the page screen and candidate filter.
# (a power of ten written as "1.2e5" or "3 x 10⁴" is one number; minutes glued to hours, "2h30min", one duration)
_LOOSE_NUMBER = rf"(?:\d[\d.,]*(?:e\+?\d{{1,2}}\b|[⁰¹²³⁴⁵⁶⁷⁸⁹]+)?|{NUMBER}|{_alternation(VAGUE)})"
COUNTED_DURATION = re.compile(
    rf"(?<![\w.-]){_LOOSE_NUMBER}(?:\s*(?:-|to|or|~)\s*{_LOOSE_NUMBER})?\s*(?P<unit>{TIME_UNIT})(?![a-z])"
    r"(?:\d{1,2} ?m(?:ins?|inutes?)?\b|\d(?=\s*[.,;)]))?(?!\d)",
    re.I,
)


_AFTER_SECONDS = re.compile(r"\s*($|[.,;:)\]]|(per|on|for|to|of|and|or|with|in|each|a|an|at|using)\b)", re.I)


# After a number glued to a one-letter unit: an operator and a bare number ("2H−1", "2h + 1"), a formula
_FORMULA_AFTER = re.compile(r"\s*[-+−–]\s*\d+(?![\d.]*\s*[a-z])", re.I)


def short_unit_allowed(text: str, match: re.Match[str]) -> bool:
    """One- or two-letter units need a digit right before them ("12h", "5 wk"); "s" and "d" also a space ("5 s",
    but not "1990s" or "100s of GPUs")."""
    unit = match.group("unit").lower()
    if unit not in _SHORT_UNITS:
        return True
    before = text[match.start() : match.start("unit")]
    if not re.search(r"\d\s+$" if unit in ("s", "d") else r"\d\s*$", before):
        return False
    if not before[-1:].isspace() and _FORMULA_AFTER.match(text[match.end() :]):
        return False  # "(2H−1)(2W−1)", "2h+1": a glued letter in a formula, no time
    # "s" as seconds only before punctuation or a function word ("1.2 s per mini-batch"); "90.94 S-LSTM" is a name
    return unit != "s" or bool(_AFTER_SECONDS.match(text[match.end() :]))


# The header words of a training-time column of a table and the unit they give its numbers ("Hours", "(days)",
# "wks"): the time units of UNIT_ALIASES of an hour or longer (minutes and seconds in a table time steps or
# inference, not training), without the one-letter "d" (a model's name in tables); "h" only in brackets (the table
# reader's rule). Processor-time headers ("GPU-hours", "TPU core days") give the processor and the unit.
TABLE_TIME_UNITS = {
    alias: f"{unit}s"
    for alias, unit in UNIT_ALIASES.items()
    if unit in ("hour", "day", "week", "month") and alias != "d"
}
TABLE_PROCESSOR_TIME_UNITS = {
    f"{prefix}{sep}{alias}": f"{name} {unit}s"
    for prefix, name in (("gpu", "GPU"), ("tpu", "TPU"), ("tpu core", "TPU core"), ("core", "TPU core"))
    for sep in ("-", " ")
    for alias, unit in UNIT_ALIASES.items()
    if unit in ("hour", "day") and len(alias) > 2
}

# Processor-time: "320 GPU-days", "2,048 TPUv3 core-days", "20,051 A100 hours" (a chip model as the unit).
CHIP_TIME_UNIT = r"(?:hours?|days?|weeks?|months?|years?)"
# A TPU named by its version ("TPUv4", "TPU v5e"), which no chip-like token covers
TPU_VERSION = r"tpu ?v\d[a-z]?"
# What a count of processors counts: a processor noun, a chip-like token ("A100", "RTX3090") or a TPU version
COUNTED_PROCESSOR = rf"(?:gpus?|tpus?|chips?|cores?|devices?|accelerators?|[a-z]{{1,4}}\d{{2,4}}[a-z]?|{TPU_VERSION})"
# (a magnitude may be glued to the count: "10k TPUv4-days", "1.2M A100 hours")
COUNTED_CHIP_TIME = re.compile(
    rf"(?<![\w.]){_LOOSE_NUMBER}(?:[km](?![a-z]))?\s+(?:[a-z0-9.]+[\s-]+){{0,2}}?(?:{COUNTED_PROCESSOR}|nodes?)[\s-]*"
    rf"{CHIP_TIME_UNIT}\b",
    re.I,
)


def counted_durations(text: str) -> list[re.Match[str]]:
    """Counted durations in raw text ("3.5 days", "two weeks", "12h", "90,000 seconds", "320 GPU-days")."""
    found = [m for m in COUNTED_DURATION.finditer(text) if short_unit_allowed(text, m)]
    return found + list(COUNTED_CHIP_TIME.finditer(text))


# Words of training (any tense, hyphenated or not): a sentence about compute needs one (or its context does).
# (a result reached in a time: "achieves 39.41 BLEU in two weeks", "reaches 76% top-1 after 3 days")
TRAINING = re.compile(
    r"\b(train\w*|pre[- ]?train\w*|fine[- ]?tun\w*|tun(?:e|es|ed|ing)|converge\w*|search\w*|learn\w* for|runs?|ran|"
    r"running|experiments?|costs?|required?|requires|epochs|iterations|steps|distill\w*|consum(?:e|es|ed|ing))\b|"
    # "adapting to a new speaker takes 30 minutes"
    r"\badapt(?:s|ed|ing)? (?:it |the model |our model )?to (?:a|an|the|each|every|new)\b|"
    r"\b(total |training )?compute (for|of|used|spent|amounts?)\b|"  # "the total compute for our model amounts to"
    rf"\b(?:achiev|reach)\w*\s(?:[^.;]|\.(?=\d)){{0,60}}?\b(?:in|after|within)\s+(?:[\w.,-]+\s+){{0,2}}?(?:{TIME_UNIT})\b",
    re.I,
)
# The narrower set that names training itself (inference words in the same sentence do not win over these).
TRAINING_VERB = re.compile(r"\b(train\w*|pre[- ]?train\w*|fine[- ]?tun\w*|converge\w*|search\w*|distill\w*)\b", re.I)

# Processors named without a type, and the machines that hold them.
GENERIC_PROCESSOR = re.compile(r"\b(gpus?|tpus?|chips?|cores?|devices?|accelerators?|cpus?)\b", re.I)
# Processor nouns of no type and the kinds of processor that may type them: of no kind of their own ("2048 cores",
# "64 chips") or of a kind ("64 GPUs": a named processor of that kind types them)
TYPELESS_KINDS = {"core": ("tpu",), "chip": ("tpu", "gpu"), "device": ("tpu", "gpu"), "accelerator": ("tpu", "gpu"),
                  "gpu": ("gpu",), "tpu": ("tpu",)}  # fmt: skip
MACHINE_NOUNS = r"machines?|nodes?|servers?|hosts?|workers?|boxes|instances?"
MACHINE = rf"(?:{MACHINE_NOUNS})"
# Words that may name processors in raw text, for screening pages and sentences (the hardware table decides which
# processor it is): generic nouns, vendor words, chip-like tokens ("V100", "A100", "TPUv3", "MI250X").
# Vendor and product-line words before a chip's name; a PDF may glue them to it ("NVIDIAV100", "CloudTPUv4")
# (a chip-like token after them: "amd64" is no AMD chip)
GLUED_VENDOR = re.compile(
    r"(?<![a-z])(?:(?:nvidia|tesla|geforce|quadro)(?=gpu|rtx|gtx|titan|[a-z]{1,2}\d)|amd(?=mi\d|radeon)|cloud(?=tpu))",
    re.I,
)
PROCESSOR_HINT = re.compile(
    rf"\b(gpus?|tpus?(v\d)?|cpus?|titan|tesla|nvidia|geforce|gtx|rtx|[akhptvl]\d{{2,3}}[a-z]?|mi\d{{2,3}}x?|cores?|"
    rf"chips?|{MACHINE_NOUNS}|accelerators?|devices?|dgx)\b",
    re.I,
)

# A count of processors stated as a number of them ("The number of TPUs used for training ranged from 64 to 512",
# "the number of GPUs is 8"): group q is the QUANTITY (units.quantity_bounds), noun the processor
NUMBER_OF_PROCESSORS = re.compile(
    rf"\bnumber of (?:[a-z0-9]+ ){{0,2}}?(?P<noun>gpus|tpus|chips|cores|accelerators|devices)\b[^.;]{{0,50}}?"
    rf"\b(?:ranged|ranges|range|varied|varies|vary|was|were|is|are)\s+(?:from\s+)?(?P<q>{QUANTITY})(?!\.?\d)",
    re.I,
)
