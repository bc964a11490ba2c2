"""The sections of a paper from its text lines: headings, what kind of section each opens, and the bibliography.

A heading is a short line that numbers a section ("4", "4.2", "A.1") or names a known one ("References",
"Related Work", "Appendix"); its kind says how the reader treats the text under it: the bibliography is not read
for statements, related work speaks of others' work unless the authors speak, implementation details and
experiments are where the authors state their hardware.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .vocabulary import counted_durations

KINDS = ("front", "abstract", "introduction", "related", "method", "experiments", "implementation", "conclusion",
         "acknowledgements", "references", "appendix", "other")  # fmt: skip

# title words -> kind, first match wins (on the lower-cased title)
_KIND_WORDS = [
    ("references", r"^(references|bibliography|literature cited|works cited)$"),
    ("acknowledgements", r"^acknowledge?ments?$"),
    ("appendix", r"^(appendix|appendices|supplementary|supplemental)\b|\bappendix\b"),
    ("abstract", r"^abstract$"),
    ("introduction", r"^introduction$"),
    ("related", r"\b(related work|prior work|previous work|background|literature review)\b"),
    (
        "implementation",
        r"\b(implementation|training details|training setup|experimental set ?up|setup|hardware|"
        r"training procedure|training|compute|computational cost|optimi[sz]ation details)\b",
    ),
    ("experiments", r"\b(experiments?|evaluation|results|ablations?|analysis|benchmarks?)\b"),
    ("conclusion", r"\b(conclusions?|discussion|limitations|future work|summary)\b"),
    ("method", r"\b(method|methods|methodology|approach|model|architecture|framework)\b"),
]
_NUMBERED = re.compile(r"^(?P<number>(?:\d{1,2}|[A-H])(?:\.\d{1,2}){0,3})\.?\s+(?P<title>[A-Z][^\s].{1,70})$")
_NAMED = re.compile(
    r"^(?P<title>references|bibliography|acknowledge?ments?|appendix(?: [a-h])?|appendices|abstract|introduction|"
    r"related work|supplementary material|conclusions?)$",
    re.I,
)
# Paragraph headings run into their text: "Implementation details. We train ..."
RUN_IN = re.compile(
    r"^(?P<title>implementation details|training details|training setup|experimental set ?up|"
    r"hardware(?: and schedule)?|training procedure|computational cost|compute)[.:]\s",
    re.I,
)


@dataclass(frozen=True)
class Heading:
    title: str
    kind: str
    lettered: bool = False  # numbered with a letter ("B.2 Hardware"): an appendix section

    def ends_references(self) -> bool:
        """Whether this heading, met inside the bibliography, ends it (an appendix follows the references)."""
        return self.lettered or self.kind in ("appendix", "acknowledgements")


def kind_of(title: str) -> str:
    """The kind of section a heading's title opens."""
    lowered = title.lower().strip(" .:")
    for kind, pattern in _KIND_WORDS:
        if re.search(pattern, lowered):
            return kind
    return "other"


def heading(line: str) -> Heading | None:
    """The heading a text line is, or None: a numbered short title ("4.2 Implementation Details", "A Proofs") or a
    known unnumbered one ("References"); never a sentence, a reference entry or a table row."""
    text = " ".join(line.split())
    if not 2 < len(text) <= 80 or text.endswith((",", ";")) or re.search(r"\b(19|20)\d\d\b", text):
        return None
    named = _NAMED.match(text)
    if named:
        return Heading(text, kind_of(named.group("title")))
    numbered = _NUMBERED.match(text)
    if not numbered:
        return None
    title = numbered.group("title")
    words = title.split()
    # a title: at most 9 words, no sentence punctuation or commas, not mostly numbers (a table row), and stating no
    # duration (a line of running text after a sentence's closing number: "64. Training took about 30 hours using")
    if len(words) > 9 or re.search(r"[,;=]|\.\s", title) or sum(w[0].isdigit() for w in words) > len(words) / 3:
        return None
    if counted_durations(title):
        return None
    lettered = numbered.group("number")[0].isalpha()
    if lettered and not re.match(r"[A-Z](?:[a-z]|[A-Z]{2,})", title):
        return None  # "A. Krizhevsky" style initials are names, not appendix headings
    kind = kind_of(title)
    return Heading(text, "appendix" if lettered and kind == "other" else kind, lettered)


def run_in_heading(line: str) -> Heading | None:
    """A paragraph heading at the start of a line ("Implementation details. We ..."), or None."""
    match = RUN_IN.match(line.strip())
    return Heading(match.group("title"), "implementation") if match else None


# A bibliography entry without its heading (a page of references continued): author initials, a venue, a year.
_VENUE = re.compile(
    r"\b(in proceedings|proceedings of|in proc\.|arxiv preprint|arxiv:\s*\d+|journal of|transactions on|conference on|"
    r"workshop on|in (neurips|nips|icml|iclr|cvpr|iccv|eccv|acl|emnlp|naacl|aaai|ijcai|coling)|pp\.|vol\.|"
    r"technical report|preprint)\b",
    re.I,
)
# "T. Akiba", "Akiba, T.", and the Vancouver style "Goyal P," ("Dollár": any letters)
_AUTHORS = re.compile(
    r"(?:\b[A-Z]\.\s?){1,3}[A-Z][a-z]+|[A-Z][a-z]+,\s(?:[A-Z]\.\s?){1,3}|\b[A-Z][^\W\d_]+ [A-Z]{1,2}(?=,|\.\s)"
)


def looks_like_reference(sentence: str) -> bool:
    """Whether a sentence is (part of) a bibliography entry: a numbered entry, or author initials with a venue or
    a year."""
    if re.match(r"^\s*\[\d{1,3}\]\s+\S", sentence) and (
        _VENUE.search(sentence) or re.search(r"\b(19|20)\d\d\b", sentence)
    ):
        return True
    authors = len(_AUTHORS.findall(sentence))
    return authors >= 2 and bool(_VENUE.search(sentence) or re.search(r"\b(19|20)\d\d[a-z]?\.", sentence))


# A numbered bibliography entry starts with its number and its first author: "[7] A. Author", "[12] Smith, J."
_ENTRY_START = re.compile(r"\[\d{1,3}\]\s+(?:(?:[A-Z]\.\s?){1,3}[A-Z][a-z]+|[A-Z][a-z]+,\s(?:[A-Z]\.\s?){1,3})")


def strip_reference_entries(text: str) -> str:
    """Running text without its numbered bibliography entries (each from "[n] Author" to the next entry, or to the
    end when it cites a venue or a year): a page of references without its heading, or a list run into the text."""
    starts = [m.start() for m in _ENTRY_START.finditer(text)]
    if not starts:
        return text
    kept, cursor = [], 0
    for index, start in enumerate(starts):
        end = starts[index + 1] if index + 1 < len(starts) else len(text)
        entry = text[start:end]
        if index + 1 == len(starts) and not (_VENUE.search(entry) or re.search(r"\b(19|20)\d\d\b", entry)):
            continue
        kept.append(text[cursor:start])
        cursor = end
    kept.append(text[cursor:])
    return " ".join(part.strip() for part in kept if part.strip())
