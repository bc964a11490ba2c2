"""Running text to sentences, and the candidate sentences that may state training hardware and time."""

from __future__ import annotations

import re

from .vocabulary import counted_durations

# Sentences before a candidate in which to look for the hardware it does not name itself.
CONTEXT_SENTENCES = 4


_ABBREVIATIONS = re.compile(r"\b(et al|e\.g|i\.e|fig|figs|eq|eqs|sec|approx|vs|cf|resp|tab|no)\.$", re.I)


def sentences(text: str) -> list[str]:
    """Split running text into sentences without cutting at 'et al.', 'e.g.', 'Fig.' or decimals."""
    parts, start = [], 0
    # a sentence ends before a capital, a bracket, or a numbered heading ("tokens. 5.2 Hardware and Schedule")
    for match in re.finditer(r"[.!?](?=\s+(?:[A-Z(\[]|\d+(?:\.\d+)+\s+[A-Z]))", text):
        candidate = text[start : match.end()]
        if _ABBREVIATIONS.search(candidate) or re.search(r"\b[A-Z]\.$", candidate):
            continue
        parts.append(candidate.strip())
        start = match.end()
    tail = text[start:].strip()
    if tail:
        parts.append(tail)
    return parts


def candidates_from_text(text: str) -> list[tuple[str, str]]:
    """(sentence, context) pairs: sentences with a duration, and the CONTEXT_SENTENCES sentences before each."""
    items = sentences(text)
    return [
        (sentence, " ".join(items[max(0, i - CONTEXT_SENTENCES) : i]))
        for i, sentence in enumerate(items)
        if counted_durations(sentence)
    ]
