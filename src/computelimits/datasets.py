"""The datasets papers train on (resources/datasets.tsv): which one a statement's run trains on, and whether it is
the dataset a sheet row's benchmark evaluates."""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

DEFAULT_PATH = Path(__file__).resolve().parents[2] / "resources" / "datasets.tsv"


@dataclass(frozen=True)
class Dataset:
    name: str
    pattern: re.Pattern[str]
    matches: tuple[str, ...] = ()  # the datasets a statement naming this one may be about (a generic name)
    corpus: bool = False  # unlabelled text or images for self-supervised pre-training, not a benchmark's "extra data"


@dataclass
class DatasetTable:
    datasets: list[Dataset] = field(default_factory=list)

    def find_all(self, text: str) -> list[tuple[int, int, str]]:
        """Dataset mentions in prepared (lower-cased) text, longest first where they overlap: (start, end, name)."""
        hits = [(m.start(), m.end(), d.name) for d in self.datasets for m in d.pattern.finditer(text)]
        hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
        taken: list[tuple[int, int, str]] = []
        for hit in hits:
            if all(hit[1] <= s or hit[0] >= e for s, e, _ in taken):
                taken.append(hit)
        return sorted(taken)

    def names_in(self, text: str) -> list[str]:
        """The datasets raw text names, in order (lower-cased, hyphens as spaces: "ImageNet-21k", "En-De")."""
        return [hit[2] for hit in self.find_all(" ".join(text.lower().replace("-", " ").split()))]

    def compatible(self, stated: str, wanted: str) -> bool:
        """Whether a run stated on `stated` ("" when the paper names none) may be the run on `wanted`."""
        if not stated or not wanted or stated == wanted:
            return True
        by_name = {d.name: d for d in self.datasets}
        return stated in by_name and wanted in by_name[stated].matches

    def is_corpus(self, name: str) -> bool:
        """Whether `name` is an unlabelled pre-training corpus (column `corpus`)."""
        return any(d.corpus for d in self.datasets if d.name == name)


@cache
def load_datasets(path: str | Path = DEFAULT_PATH) -> DatasetTable:
    """Read resources/datasets.tsv (name, aliases as a regex on lower-cased text, matches, corpus, source)."""
    with open(path, newline="", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    datasets = []
    for line, row in enumerate(rows, start=2):
        if not row.get("source", "").strip():
            raise ValueError(f"{path} row {line}: every dataset must cite its source")
        pattern = re.compile(rf"(?<![a-z0-9])(?:{row['aliases']})(?![a-z0-9])")
        matches = tuple(m.strip() for m in (row.get("matches") or "").split(";") if m.strip())
        corpus = (row.get("corpus") or "").strip().lower() == "yes"
        datasets.append(Dataset(row["name"], pattern, matches, corpus))
    return DatasetTable(datasets)
