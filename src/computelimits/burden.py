"""Compute for every sheet row: curated facts normalised to FLOPs, extracted statements, given FLOPs; merged
with provenance (flop_source) and a status for every row."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd

from .arxiv import base_id
from .datasets import load_datasets
from .hardware import Conventions, HardwareTable, flops_by_convention
from .sheets import error_from_score

SOURCES = ("curated", "extracted", "given")  # the hardware-burden sources, compared in disagreements.tsv
# Epoch AI's own training-compute estimates (a sheet's `epoch_flop`) are another method than the hardware burden
# (often operation counting, utilisation assumed): a separately named source that only these conventions take,
# and only when config `source_priority` lists it. Never mixed into another convention's fits.
ESTIMATE = "epoch_estimate"
ESTIMATE_CONVENTIONS = ("epoch",)
ALL_SOURCES = (*SOURCES, ESTIMATE)
_PAPERS_COLUMNS = [
    "benchmark",
    "model",
    "arxiv_id",
    "year",
    "score",
    "error",
    "hardware",
    "count",
    "hours",
    "chip_hours",
    "flop",
    "flop_low",
    "flop_high",
    "flop_source",
    "status",
    "convention",
    "curated_flop",
    "extracted_flop",
    "given_flop",
    "epoch_estimate_flop",
    "extracted_sentence",
    "extracted_note",
    "extracted_flag",
    "extra_data",
    "ensemble",
    "source",
]


def papers_columns(conventions: Conventions) -> list[str]:
    """papers.tsv columns: flop_<name> for every convention after `convention` (config/README.md documents them)."""
    at = _PAPERS_COLUMNS.index("convention") + 1
    return [*_PAPERS_COLUMNS[:at], *(f"flop_{name}" for name in conventions.by_name), *_PAPERS_COLUMNS[at:]]


def curated_compute(
    row: pd.Series, table: HardwareTable, conventions: Conventions, language_model: bool
) -> tuple[dict, dict[str, float], str]:
    """FLOPs from a sheet row's hardware/count/hours or chip_hours: (values under the chosen convention, FLOPs
    under every convention, reason when there are none)."""
    hardware = row["hardware"]
    chip_hours = row["chip_hours"]
    if math.isnan(chip_hours) and not (math.isnan(row["count"]) or math.isnan(row["hours"])):
        chip_hours = row["count"] * row["hours"]
    if not hardware:
        return {}, {}, "" if math.isnan(chip_hours) else "chip_hours without hardware"
    if math.isnan(chip_hours):
        return {}, {}, f"hardware '{hardware}' without count and hours or chip_hours"
    proc = table.get(hardware)
    if proc is None:
        return {"chip_hours": chip_hours}, {}, f"hardware '{hardware}' not in the hardware table"
    proc, per_box = table.unboxed(proc)  # a sheet counting DGX boxes: chip-hours of the chips they hold
    chip_hours *= per_box
    flops = flops_by_convention(proc, chip_hours, chip_hours, conventions, language_model)
    by_name = {name: values[0] for name, values in flops.items() if values}
    result = flops[conventions.chosen]
    if result is None:
        return {"chip_hours": chip_hours}, by_name, f"no {conventions.chosen} peak for '{proc.name}'"
    flop, low, high, _ = result
    values = {"hardware": proc.name, "chip_hours": chip_hours, "flop": flop, "flop_low": low, "flop_high": high}
    return values, by_name, ""


USABLE_STATUS = ("ok", "imputed hardware")


def statements_by_paper(statements: pd.DataFrame) -> dict[str, pd.DataFrame]:
    """The usable extracted statements of each arXiv id (base id, no version), largest FLOP value first."""
    if statements.empty:
        return {}
    usable = statements[statements["status"].isin(USABLE_STATUS)].copy()
    for column in ("role", "dataset"):
        if column not in usable:
            usable[column] = "final" if column == "role" else ""
    usable["role"] = usable["role"].fillna("").replace("", "final")
    usable["dataset"] = usable["dataset"].fillna("")
    usable["base_id"] = usable["arxiv_id"].map(base_id)
    usable = usable.sort_values(["base_id", "flop", "confidence"], ascending=[True, False, False], kind="stable")
    return dict(tuple(usable.groupby("base_id", sort=False)))


def _words(text: str) -> set[str]:
    return set(re.findall(r"[a-z0-9]+", str(text).lower()))


def statement_for(model: str, paper: pd.DataFrame) -> tuple[pd.Series, bool]:
    """The statement of one paper that goes with the sheet row `model`, and whether the model's name singled it out:
    the one whose sentence names most of the words of the model name that single out a run (words some of the
    paper's statements have and others lack: "base" and "big" for "Transformer (base)"/"(big)", "large" for
    "BERT-Large"); failing that (one statement, or no such word), the largest FLOP value, the paper's headline run."""
    sentences = [_words(text) for text in paper["sentence"]]
    common, seen = set.intersection(*sentences), set.union(*sentences)
    telling = (_words(model) & seen) - common
    if not telling:
        return paper.iloc[0], len(paper) == 1
    # a size word ("base", "big", "large") tells runs apart more surely than a family name ("transformer")
    named = [sum(2 if word in _SIZE_WORDS else 1 for word in telling & words) for words in sentences]
    return paper.iloc[int(np.argmax(named))], True  # the first of the best: largest FLOP among equals


_SIZE_WORDS = {"tiny", "small", "base", "medium", "big", "large", "huge", "giant", "xl", "xxl", "mini", "nano"}
SAME_RUN_FACTOR = 1.5  # statements of one role within this factor of each other are taken to time the same run


def other_model(model: str, sentence: str) -> str:
    """The model a sentence names that is a sibling of the row's `model` ("ViT-L/16" for the row "ViT-H/14": the
    same family word, followed by other size or variant designations), "" when it names none or the row's own."""
    words = re.findall(r"[a-z0-9]+", model.lower())
    if len(words) < 2 or not words[0].isalpha() or len(words[0]) < 3:
        return ""
    family, own = words[0], set(words[1:])
    for match in re.finditer(rf"\b{family}\b((?:[ /-]+[a-z0-9]+){{1,2}})", str(sentence).lower()):
        named = [w for w in re.findall(r"[a-z0-9]+", match.group(1)) if _designation(w)]
        if named and not own & set(named) and any(_designation(w) for w in own):
            return f"{family} {' '.join(named)}"
    return ""


def _designation(word: str) -> bool:
    """A word that names one size or variant of a model family: a size word, a number, a letter-number code."""
    return word in _SIZE_WORDS or bool(re.fullmatch(r"[a-z]?\d+[a-z]?|[a-z]", word))


def _mask(values: list[bool]) -> np.ndarray:
    """A row mask that stays a mask when empty (a plain empty list would select no columns)."""
    return np.array(values, dtype=bool)


def stages_for(model: str, paper: pd.DataFrame, dataset: str, extra_data: str = "") -> tuple[list[pd.Series], str, str]:
    """The statements of one paper that make up the compute of the sheet row `model` on `dataset`, a note when
    some of the paper's runs do not fit the row, and a flag when the runs offered may not be the row's own.

    Runs on another dataset than the row's are left out (a JFT run is not the ImageNet row's). Pre-training may be
    on other data: when the row's `extra_data` names its pre-training data, a pre-training on other named data is
    left out; when the row names none, such a pre-training is offered and flagged. Statements naming a sibling
    model ("ViT-L/16" for the row "ViT-H/14") are left out. Of the rest: a `total` statement alone; else the `final`
    run that names the row's model (statement_for); else pre-training plus fine-tuning, which together make the
    model; an architecture `search` is returned too (alone when nothing else is timed), for the conventions that
    count it. Ablations and smaller models are never the row's run. When a role holds runs of different size that
    the row's name does not tell apart, the largest is taken and flagged."""
    table = load_datasets()
    notes, flags = [], []
    others = {i: other_model(model, text) for i, text in paper["sentence"].items()}
    siblings = sorted({name for name in others.values() if name})
    if siblings:
        notes.append(f"the paper's runs of {', '.join(siblings)} are not this row's")
    paper = paper.loc[_mask([not others[i] for i in paper.index])]
    fits = paper.loc[_mask([table.compatible(d, dataset) for d in paper["dataset"]])]
    pretrain = paper[paper["role"] == "pretrain"]
    declared = set(table.names_in(extra_data)) - {dataset}
    if declared:
        wrong = {d for d in pretrain["dataset"] if d and d != dataset and d not in declared}
        if wrong:
            notes.append(f"pre-training on {', '.join(sorted(wrong))} is not this row's ({extra_data})")
        pretrain = pretrain.loc[_mask([d not in wrong for d in pretrain["dataset"]])]
    left_out = sorted(set(paper["dataset"]) - set(fits["dataset"]) - set(pretrain["dataset"]) - {""})
    if left_out:
        notes.insert(0, f"the paper's runs on {', '.join(left_out)} are not this row's ({dataset})")

    def pick(role: str, data: pd.DataFrame) -> list[pd.Series]:
        part = data[data["role"] == role]
        if not len(part):
            return []
        chosen, singled_out = statement_for(model, part)
        flops = part["flop"].dropna()
        if not singled_out and len(flops) and flops.max() > SAME_RUN_FACTOR * flops.min():
            flags.append(f"{len(part)} {role} runs the row's name does not tell apart; the largest taken")
        return [chosen]

    chosen = pick("total", fits) or pick("final", fits)
    if not chosen:
        chosen = pick("pretrain", pretrain) + pick("finetune", fits)
        data = chosen[0]["dataset"] if chosen and chosen[0]["role"] == "pretrain" else ""
        if data not in ("", dataset) and not declared and not table.is_corpus(data):
            flags.append(f"pre-training on {data}, but the row lists no extra data")
    # an architecture search goes with the model it found; alone when the paper times nothing else (the
    # conventions that count a search take it, the others find no compute)
    chosen += pick("search", paper)
    return chosen, "; ".join(notes), "; ".join(flags)


def merge_benchmark(
    name: str,
    sheet: pd.DataFrame,
    spec: dict,
    statements: pd.DataFrame,
    table: HardwareTable,
    conventions: Conventions,
    priority: list[str],
    given_log10_halfwidth: float,
) -> pd.DataFrame:
    """papers.tsv rows of one benchmark: one per sheet row, with the chosen compute and why. `spec` is the
    benchmark's config entry with its defaults filled in (computelimits.defaults.benchmark_defaults)."""
    language_model = bool(spec["language_model"])
    convention = conventions.chosen
    by_paper = statements_by_paper(statements)
    rows = []
    for _, row in sheet.iterrows():
        out = {
            c: row.get(c, "")
            for c in ("model", "arxiv_id", "year", "score", "hardware", "count", "hours", "extra_data", "ensemble")
        }
        out["source"] = row.get("source", "")
        out["benchmark"] = name
        candidates: dict[str, dict] = {}
        reasons = []
        values, per_convention, reason = curated_compute(row, table, conventions, language_model)
        out["chip_hours"] = values.get("chip_hours", np.nan)
        if "flop" in values:
            candidates["curated"] = values
            out["hardware"] = values["hardware"]
        elif reason:
            reasons.append(reason)
        key = base_id(row["arxiv_id"])
        extracted_per_convention = {}
        if key and key in by_paper:
            stages, out["extracted_note"], out["extracted_flag"] = stages_for(
                row["model"], by_paper[key], spec.get("dataset", ""), str(row.get("extra_data", "") or "")
            )
            if _is_ensemble(row) and stages and not any("ensemble" in str(s["sentence"]).lower() for s in stages):
                flag = "the row is an ensemble; the run timed is one model's"
                out["extracted_flag"] = "; ".join(f for f in (out["extracted_flag"], flag) if f)
            values = _extracted(stages, conventions)
            if values:
                extracted_per_convention = values.pop("per_convention")
                candidates["extracted"] = values
                out["extracted_sentence"] = " + ".join(str(stage["sentence"]) for stage in stages)
        if not math.isnan(row["flop"]):
            spread = 10**given_log10_halfwidth
            candidates["given"] = {
                "flop": row["flop"],
                "flop_low": row["flop"] / spread,
                "flop_high": row["flop"] * spread,
            }
        for source in SOURCES:
            out[f"{source}_flop"] = candidates.get(source, {}).get("flop", np.nan)
        estimate = row.get("epoch_flop", np.nan)
        out["epoch_estimate_flop"] = estimate
        if not pd.isna(estimate) and ESTIMATE in priority:
            if convention in ESTIMATE_CONVENTIONS:
                spread = 10**given_log10_halfwidth
                candidates[ESTIMATE] = {"flop": estimate, "flop_low": estimate / spread, "flop_high": estimate * spread}
            else:
                reasons.append(f"Epoch AI's estimate is taken by the {', '.join(ESTIMATE_CONVENTIONS)} convention only")
        flagged = bool(out.get("extracted_flag"))
        order = list(priority)
        if flagged and "extracted" in order and any(s in candidates for s in order if s != "extracted"):
            order = [s for s in order if s != "extracted"] + ["extracted"]  # a flagged run yields to any other
        chosen = next((s for s in order if s in candidates), None)
        if extracted_per_convention and (chosen == "extracted" or not (per_convention or flagged)):
            per_convention = extracted_per_convention  # the hardware-based FLOPs of the row's own compute
        for conv_name in conventions.by_name:
            out[f"flop_{conv_name}"] = per_convention.get(conv_name, np.nan)
        if chosen:
            values = candidates[chosen]
            out.update({k: v for k, v in values.items() if k in ("flop", "flop_low", "flop_high")})
            if chosen == "extracted":
                out.update({k: values[k] for k in ("hardware", "count", "hours", "chip_hours")})
            out["flop_source"] = chosen
            out["status"] = "ok"
        else:
            out["flop_source"] = ""
            out["status"] = "no compute: " + ("; ".join(reasons) if reasons else "no hardware, chip_hours or flop")
        out["convention"] = convention
        error = error_from_score(row["score"], spec["higher_is_better"], spec["score_max"])
        out["error"] = error
        if not 0 < error < 1:
            out["status"] = f"unusable: error {error:.4g} outside (0, 1)"
        rows.append(out)
    frame = pd.DataFrame(rows)
    return frame.reindex(columns=papers_columns(conventions))


def _is_ensemble(row: pd.Series) -> bool:
    """Whether a sheet row is an ensemble's result (its `ensemble` column, or the word in its model name)."""
    return str(row.get("ensemble", "") or "").strip().lower() == "yes" or "ensemble" in str(row["model"]).lower()


def _extracted(stages: list[pd.Series], conventions: Conventions) -> dict:
    """The extracted compute of a row from its stages (stages_for): FLOPs summed under the chosen convention and
    under each (an architecture search only where the convention counts it), facts of the main stage."""
    if not stages:
        return {}

    def counted(name: str) -> list[pd.Series]:
        return [s for s in stages if s["role"] != "search" or conventions.by_name[name].count_search]

    per_convention = {}
    for name in conventions.by_name:
        values = [s.get(f"flop_{name}", np.nan) for s in counted(name)]
        if values and not any(pd.isna(v) for v in values):
            per_convention[name] = float(sum(values))
    chosen = counted(conventions.chosen)
    if not chosen:
        return {}  # a search alone, under a convention that does not count it
    if conventions.chosen not in per_convention:
        if not all(not pd.isna(s["flop"]) for s in chosen):
            return {}
        per_convention[conventions.chosen] = float(sum(s["flop"] for s in chosen))
    main = stages[0]
    return {
        "hardware": main["hardware"],
        "count": main["count"],
        "hours": main["hours"],
        "chip_hours": float(sum(s["chip_hours"] for s in chosen)),
        "flop": per_convention[conventions.chosen],
        "flop_low": float(sum(s.get("flop_low", s["flop"]) for s in chosen)),
        "flop_high": float(sum(s.get("flop_high", s["flop"]) for s in chosen)),
        "per_convention": per_convention,
    }


def disagreements(papers: pd.DataFrame, factor: float) -> pd.DataFrame:
    """Rows whose sources differ by more than `factor` (pairwise, in FLOP). Epoch AI's estimate is compared only
    under the conventions that may take it (its method is not the hardware burden's)."""
    rows = []
    for _, row in papers.iterrows():
        values = {s: row[f"{s}_flop"] for s in SOURCES if not pd.isna(row[f"{s}_flop"])}
        estimate = row.get("epoch_estimate_flop", np.nan)
        if row.get("convention") in ESTIMATE_CONVENTIONS and not pd.isna(estimate):
            values[ESTIMATE] = estimate
        names = list(values)
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                ratio = values[a] / values[b]
                if ratio > factor or ratio < 1 / factor:
                    rows.append(
                        {
                            "benchmark": row["benchmark"],
                            "model": row["model"],
                            "source_a": a,
                            "flop_a": values[a],
                            "source_b": b,
                            "flop_b": values[b],
                            "ratio": ratio,
                            "log10_ratio": math.log10(ratio),
                        }
                    )
    return pd.DataFrame(
        rows,
        columns=["benchmark", "model", "source_a", "flop_a", "source_b", "flop_b", "ratio", "log10_ratio"],
    )


VALIDATION_COLUMNS = [
    "benchmark", "model", "hardware", "count", "hours", "flop_thompson", "given_flop", "log10_ratio",
    "flop_epoch", "epoch_estimate_flop", "log10_ratio_epoch",
]  # fmt: skip


def validation(papers: pd.DataFrame) -> pd.DataFrame:
    """Our own hardware-based FLOPs against others' values for the same model, one row per model with either pair:
    thompson-convention FLOPs against a FLOP value given in the sheet (Thompson et al.'s hardware burden in the
    shipped sheets), `log10_ratio` = log10(ours / given); epoch-convention FLOPs against Epoch AI's own estimate,
    `log10_ratio_epoch` = log10(ours / Epoch's). A pair that does not exist is empty."""
    papers = papers.copy()
    for column in ("flop_thompson", "flop_epoch", "given_flop", "epoch_estimate_flop"):
        if column not in papers:
            papers[column] = np.nan
    thompson = papers["flop_thompson"].notna() & papers["given_flop"].notna()
    epoch = papers["flop_epoch"].notna() & papers["epoch_estimate_flop"].notna()
    both = papers[thompson | epoch].copy()
    both["log10_ratio"] = np.log10(both["flop_thompson"].where(thompson) / both["given_flop"].where(thompson))
    both["log10_ratio_epoch"] = np.log10(both["flop_epoch"].where(epoch) / both["epoch_estimate_flop"].where(epoch))
    return both.reindex(columns=VALIDATION_COLUMNS)


COUNTS_COLUMNS = [
    "benchmark", "rows", "with_compute", *ALL_SOURCES, "no_compute", "with_compute_2020", "first_year", "last_year",
]  # fmt: skip
RECENT_YEAR = 2020  # with_compute_2020: rows with usable compute published in this year or later


def counts(papers: pd.DataFrame) -> pd.DataFrame:
    """Per series: sheet rows, rows with usable compute and which source gave it, rows without, rows with compute
    published 2020 or later, years covered."""
    rows = []
    for name, group in papers.groupby("benchmark", sort=False):
        usable = group[group["status"] == "ok"]
        by_source = usable["flop_source"].value_counts()
        rows.append(
            {
                "benchmark": name,
                "rows": len(group),
                "with_compute": len(usable),
                **{source: int(by_source.get(source, 0)) for source in ALL_SOURCES},
                "no_compute": int(group["status"].str.startswith("no compute").sum()),
                "with_compute_2020": int((usable["year"] >= RECENT_YEAR).sum()),
                "first_year": int(group["year"].min()),
                "last_year": int(group["year"].max()),
            }
        )
    return pd.DataFrame(rows, columns=COUNTS_COLUMNS)


def validation_summary(checked: pd.DataFrame) -> dict:
    """n and median |log10 ratio| of each comparison in the validation table: ours (thompson) against the given
    values, and ours (epoch) against Epoch AI's estimates (`_epoch`); a median is None when its n is 0."""
    summary = {}
    for suffix in ("", "_epoch"):
        column = f"log10_ratio{suffix}"
        ratios = checked[column].dropna().abs() if column in checked else pd.Series(dtype=float)
        summary[f"n{suffix}"] = len(ratios)
        summary[f"median_abs_log10_ratio{suffix}"] = float(ratios.median()) if len(ratios) else None
    return summary
