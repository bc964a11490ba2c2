"""Numbers and durations as papers write them: digits, number words, ranges, time units."""

from __future__ import annotations

import re

HOURS_PER_UNIT = {
    "second": 1 / 3600,
    "minute": 1 / 60,
    "hour": 1.0,
    "day": 24.0,
    "week": 24.0 * 7,
    "fortnight": 24.0 * 14,
    "month": 24.0 * 365.25 / 12,
    "year": 24.0 * 365.25,
}

UNIT_ALIASES = {
    "s": "second",
    "sec": "second",
    "secs": "second",
    "second": "second",
    "seconds": "second",
    "min": "minute",
    "mins": "minute",
    "minute": "minute",
    "minutes": "minute",
    "h": "hour",
    "hr": "hour",
    "hrs": "hour",
    "hour": "hour",
    "hours": "hour",
    "d": "day",
    "day": "day",
    "days": "day",
    "wk": "week",
    "wks": "week",
    "week": "week",
    "weeks": "week",
    "fortnight": "fortnight",
    "fortnights": "fortnight",
    "month": "month",
    "months": "month",
    "year": "year",
    "years": "year",
    "yr": "year",
    "yrs": "year",
}

WORDS = {
    "zero": 0,
    "a": 1,
    "an": 1,
    "one": 1,
    "single": 1,
    "a single": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "a hundred": 100,
    "one hundred": 100,
    "dozen": 12,
    "a dozen": 12,
    "half": 0.5,
    "half a": 0.5,
    "a half": 0.5,
    "half an": 0.5,
    "a half an": 0.5,
    "couple": 2,
    "a couple of": 2,
    "a couple": 2,
    "a pair of": 2,
}
# Vague quantities become ranges, never a single number.
VAGUE = {"a few": (2.0, 4.0), "few": (2.0, 4.0), "several": (3.0, 7.0), "a couple of": (2.0, 2.0)}

_WORD_ALTERNATION = "|".join(sorted((re.escape(w) for w in WORDS), key=len, reverse=True))
_VAGUE_ALTERNATION = "|".join(sorted((re.escape(w) for w in VAGUE), key=len, reverse=True))
_TENS = "|".join(word for word, value in WORDS.items() if value in (20, 30, 40, 50, 60, 70, 80, 90))
# "twenty-four" is one number, "an eight" (as in "an eight GPU setup") is "eight"
NUMBER = rf"(?:\d+(?:\.\d+)?|(?:{_TENS})[ -](?:one|two|three|four|five|six|seven|eight|nine)\b|(?:{_WORD_ALTERNATION}))"
# "2-3", "2 to 3", "two to four", "between 2 and 3", "2 or 3", "a few", "several", "3.5"
QUANTITY = (
    rf"(?:(?P<whole>{NUMBER})\s+and\s+a\s+half"  # "two and a half weeks"
    rf"|between\s+(?P<blo>{NUMBER})\s+and\s+(?P<bhi>{NUMBER})"
    rf"|(?P<lo>{NUMBER})\s*(?:-|to|or|~)\s*(?P<hi>{NUMBER})"
    rf"|(?P<vague>{_VAGUE_ALTERNATION})"
    rf"|(?P<one>{NUMBER}))"
)


def word_number(text: str) -> float | None:
    """'8' -> 8, 'eight' -> 8, 'twenty-four' -> 24, 'a single' -> 1; None when not a number."""
    text = text.strip().lower().replace(",", "")
    try:
        return float(text)
    except ValueError:
        pass
    if text in WORDS:
        return float(WORDS[text])
    parts = re.split(r"[ -]", text)
    if len(parts) == 2 and parts[0] in WORDS and parts[1] in WORDS and WORDS[parts[0]] >= 20:
        return float(WORDS[parts[0]] + WORDS[parts[1]])
    return None


def quantity_bounds(match: re.Match[str]) -> tuple[float, float] | None:
    """(low, high) of a QUANTITY match; equal for a single number."""
    groups = match.groupdict()
    if groups.get("whole"):
        whole = word_number(groups["whole"])
        return None if whole is None else (whole + 0.5, whole + 0.5)
    if groups.get("vague"):
        return VAGUE[groups["vague"].lower()]
    for lo_key, hi_key in (("blo", "bhi"), ("lo", "hi")):
        if groups.get(lo_key):
            lo, hi = word_number(groups[lo_key]), word_number(groups[hi_key])
            if lo is None or hi is None:
                return None
            return (min(lo, hi), max(lo, hi))
    if groups.get("one"):
        value = word_number(groups["one"])
        return None if value is None else (value, value)
    return None


def to_hours(value: float, unit: str) -> float:
    """Convert a duration in `unit` (any alias: 'days', 'h', 'weeks') to hours."""
    return value * HOURS_PER_UNIT[UNIT_ALIASES[unit.lower()]]


def from_hours(hours: float, unit: str) -> float:
    return hours / HOURS_PER_UNIT[UNIT_ALIASES[unit.lower()]]
