"""The hardware table (resources/hardware.tsv) and FLOP conventions.

A convention names which peak precision counts for each kind of processor and which utilisation to apply:
    flop = chips x hours x 3600 x peak(chip, precision) x utilisation
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

PEAK_COLUMNS = ("fp32", "fp32_thompson", "fp16", "tf32", "tensor")
# A processor named without its type ("8 GPUs") is one of those of its kind released in the 4 years up to the paper.
IMPUTATION_YEARS = 4
REQUIRED_COLUMNS = ("name", "aliases", "vendor", "kind", "unit", *PEAK_COLUMNS, "cores_per_chip", "source")

# Words that carry no identity in a hardware phrase ("NVIDIA Tesla V100 GPUs" -> "v100").
_NOISE = re.compile(
    r"\b(nvidia|tesla|geforce|google|cloud|amd|radeon|instinct|intel|graphics|cards?|gpus?|accelerators?)\b"
)


class HardwareError(ValueError):
    """The hardware table or a convention is malformed (the message names the file, row and column)."""


def normalise(text: str) -> str:
    """Lower-case, unify separators and drop brand words, so aliases match any spelling."""
    text = text.lower().replace("‑", "-").replace("–", "-")
    text = re.sub(r"[-_/]", " ", text)
    text = _NOISE.sub(" ", text)
    return re.sub(r"\s+", " ", text).strip()


@dataclass(frozen=True)
class Processor:
    name: str
    aliases: str
    vendor: str
    kind: str
    unit: str
    peaks: dict[str, float]
    cores_per_chip: int = 1
    year: int | None = None
    chips_per_device: int = 1
    chips_per_pod: int | None = None
    tdp_w: float | None = None
    source: str = ""
    holds: str = ""  # a box (unit "box", a DGX system): the processor it holds, chips_per_device of them

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        # a trailing "s" is the plural ("V100s", "TPUs v3"), never part of a name here
        return re.compile(rf"(?<![a-z0-9])(?:{self.aliases})s?(?![a-z0-9])")


@dataclass(frozen=True)
class Convention:
    """A named way to turn chip-time into FLOPs (see config/README.md, `conventions`)."""

    name: str
    precision: dict[str, list[str]]
    utilisation: float
    utilisation_language_models: float
    utilisation_range: tuple[float, float]
    description: str = ""
    count_search: bool = False  # an architecture search counts toward a model's compute

    @classmethod
    def from_config(cls, name: str, spec: dict) -> Convention:
        low, high = spec.get("utilisation_range", [spec["utilisation"], spec["utilisation"]])
        return cls(
            name=name,
            precision={kind: list(cols) for kind, cols in spec["precision"].items()},
            utilisation=float(spec["utilisation"]),
            utilisation_language_models=float(spec.get("utilisation_language_models", spec["utilisation"])),
            utilisation_range=(float(low), float(high)),
            description=spec.get("description", ""),
            count_search=bool(spec.get("count_search", False)),
        )


@dataclass(frozen=True)
class Conventions:
    """The configured conventions (config `conventions` over the schema's, computelimits.config) and the one the
    fits use (config `convention`)."""

    by_name: dict[str, Convention]
    chosen: str

    @property
    def main(self) -> Convention:
        return self.by_name[self.chosen]

    @classmethod
    def of(cls, convention: Convention | Conventions) -> Conventions:
        """A single convention as the only one; Conventions as they are."""
        if isinstance(convention, Conventions):
            return convention
        return cls({convention.name: convention}, convention.name)


@dataclass
class HardwareTable:
    processors: list[Processor]
    path: str = "<memory>"
    _by_name: dict[str, Processor] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self._by_name = {p.name.lower(): p for p in self.processors}

    def __len__(self) -> int:
        return len(self.processors)

    def get(self, name: str) -> Processor | None:
        """Exact canonical name (any case), else the best alias match."""
        return self._by_name.get(name.strip().lower()) or self.match(name)

    def find_all(self, text: str) -> list[tuple[int, int, Processor]]:
        """Every non-overlapping processor mention in normalised text, longest alias first: (start, end, proc)."""
        hits = []
        for proc in self.processors:
            hits.extend((m.start(), m.end(), proc) for m in proc.pattern.finditer(text))
        hits.sort(key=lambda h: (-(h[1] - h[0]), h[0]))
        taken: list[tuple[int, int, Processor]] = []
        for hit in hits:
            if all(hit[1] <= s or hit[0] >= e for s, e, _ in taken):
                taken.append(hit)
        return sorted(taken, key=lambda h: h[0])

    def likely(self, kind: str, year: float, window: int = IMPUTATION_YEARS) -> list[Processor]:
        """The processors of `kind` released in the `window` years up to `year`: the likely chips of a paper of
        that year that names none ("8 GPUs"); the newest earlier ones when the window holds none."""
        pool = [
            p for p in self.processors if p.kind == kind and p.unit != "box" and p.year is not None and p.year <= year
        ]
        recent = [p for p in pool if p.year > year - window]
        if recent:
            return recent
        newest = max((p.year for p in pool), default=None)
        return [p for p in pool if p.year == newest]

    def unboxed(self, proc: Processor) -> tuple[Processor, int]:
        """A box (a DGX system) as the processor it holds and how many; any other processor as itself, 1."""
        if proc.unit == "box" and proc.holds:
            held = self.get(proc.holds)
            if held is None:
                raise HardwareError(f"{self.path}: '{proc.name}' holds '{proc.holds}', which the table lacks")
            return held, proc.chips_per_device
        return proc, 1

    def match(self, text: str) -> Processor | None:
        """The processor named in a hardware phrase (longest alias wins), or None."""
        norm = normalise(text)
        best = None
        for start, end, proc in self.find_all(norm):
            if proc.kind == "cpu" and best is not None:
                continue
            if best is None or (end - start) > best[0] or best[1].kind == "cpu":
                best = (end - start, proc)
        return best[1] if best else None


def _number(value: str, path: str, line: int, column: str) -> float | None:
    if value is None or value.strip() == "":
        return None
    try:
        return float(value)
    except ValueError:
        raise HardwareError(f"{path} row {line}, column '{column}': {value!r} is not a number") from None


def load_table(path: str | Path) -> HardwareTable:
    """Read resources/hardware.tsv; a malformed cell raises HardwareError naming row and column."""
    path = str(path)
    with open(path, newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle, delimiter="\t")
        missing = [c for c in REQUIRED_COLUMNS if c not in (reader.fieldnames or [])]
        if missing:
            raise HardwareError(f"{path}: missing column(s) {', '.join(missing)}")
        processors = []
        for line, row in enumerate(reader, start=2):
            peaks = {c: v for c in PEAK_COLUMNS if (v := _number(row[c], path, line, c)) is not None}
            try:
                re.compile(row["aliases"])
            except re.error as exc:
                raise HardwareError(f"{path} row {line}, column 'aliases': bad pattern ({exc})") from None
            if not row["source"].strip():
                raise HardwareError(f"{path} row {line}, column 'source': every row must cite its source")
            pod = _number(row.get("chips_per_pod", ""), path, line, "chips_per_pod")
            tdp = _number(row.get("tdp_w", ""), path, line, "tdp_w")
            processors.append(
                Processor(
                    name=row["name"],
                    aliases=row["aliases"],
                    vendor=row["vendor"],
                    kind=row["kind"],
                    unit=row["unit"],
                    peaks=peaks,
                    cores_per_chip=int(_number(row["cores_per_chip"], path, line, "cores_per_chip") or 1),
                    year=int(year) if (year := _number(row.get("year", ""), path, line, "year")) else None,
                    chips_per_device=int(_number(row.get("chips_per_device", ""), path, line, "chips_per_device") or 1),
                    chips_per_pod=int(pod) if pod else None,
                    tdp_w=tdp,
                    source=row["source"],
                    holds=(row.get("holds") or "").strip(),
                )
            )
    return HardwareTable(processors, path)


def peak_flops(proc: Processor, convention: Convention) -> tuple[float, str] | None:
    """Peak FLOP/s of one unit of `proc` under `convention`, with the precision column used; None if unknown."""
    for column in convention.precision.get(proc.kind, ["fp32"]):
        if column in proc.peaks:
            return proc.peaks[column], column
    return None


def flop_range(
    proc: Processor | list[Processor],
    chip_hours_low: float,
    chip_hours_high: float,
    convention: Convention,
    language_model: bool = False,
) -> tuple[float, float, float, str] | None:
    """(flop, flop_low, flop_high, precision) of chip-hours on `proc` under `convention`; None without a peak.

    flop = chip-hours x 3600 x peak x utilisation at the geometric centre of the chip-hour range; the bounds add
    the convention's utilisation range. A list of processors (the likely chips of a processor named without its
    type) spans their peaks: the centre at the geometric mean of the lowest and highest, the bounds at those."""
    procs = proc if isinstance(proc, list) else [proc]
    peaks = [found for p in procs if (found := peak_flops(p, convention))]
    if not peaks:
        return None
    if len(procs) == 1:
        value, precision = peaks[0]
        low_peak = high_peak = value
    else:
        low_peak, high_peak = min(v for v, _ in peaks), max(v for v, _ in peaks)
        value, precision = (low_peak * high_peak) ** 0.5, "imputed: " + "/".join(sorted({c for _, c in peaks}))
    utilisation = convention.utilisation_language_models if language_model else convention.utilisation
    u_low, u_high = convention.utilisation_range
    per_chip_hour = 3600 * value * utilisation
    centre = (chip_hours_low * chip_hours_high) ** 0.5
    return (
        centre * per_chip_hour,
        chip_hours_low * per_chip_hour * (low_peak / value) * min(u_low / convention.utilisation, 1.0),
        chip_hours_high * per_chip_hour * (high_peak / value) * max(u_high / convention.utilisation, 1.0),
        precision,
    )


def flops_by_convention(
    proc: Processor | list[Processor],
    chip_hours_low: float,
    chip_hours_high: float,
    conventions: Conventions,
    language_model: bool,
) -> dict[str, tuple[float, float, float, str] | None]:
    """FLOPs of chip-hours on `proc` under every convention (flop_range of each; None where a peak is missing):
    the one place where chip-time becomes FLOPs, for statements, sheet rows and tables alike."""
    return {
        name: flop_range(proc, chip_hours_low, chip_hours_high, convention, language_model)
        for name, convention in conventions.by_name.items()
    }


def default_table_path() -> Path:
    """resources/hardware.tsv of the checkout this package was installed from (editable installs)."""
    return Path(__file__).resolve().parents[2] / "resources" / "hardware.tsv"
