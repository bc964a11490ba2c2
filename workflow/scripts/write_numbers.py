"""results/numbers.json (the headline numbers per series, for reuse in papers) and results/report/summary.rst (the
report's first page: the answer before the method)."""

from typing import TYPE_CHECKING

import pandas as pd

from computelimits.logs import to_file
from computelimits.numbers import headline_numbers
from computelimits.summary import render_rst, summary
from computelimits.tables import atomic_write_text, read_tsv, write_json

if TYPE_CHECKING:
    from snakemake.script import snakemake

to_file(snakemake.log[0])
papers, table, targets, loo = (read_tsv(snakemake.input[k]) for k in ("papers", "summary", "targets", "loo"))
diagnostics = read_tsv(snakemake.input.diagnostics)
numbers = headline_numbers(
    papers,
    table,
    targets,
    loo,
    read_tsv(snakemake.input.counts),
    read_tsv(snakemake.input.validation),
    diagnostics,
    convention=snakemake.params.convention,
    seed=snakemake.params.seed,
    main=snakemake.params.main,
)
progress = read_tsv(snakemake.input.progress[0]) if snakemake.input.progress else pd.DataFrame(columns=["model"])
facts = summary(
    papers, table, targets, loo, read_tsv(snakemake.input.scores), progress, diagnostics,
    snakemake.params.convention, snakemake.params.seed, snakemake.params.main, snakemake.params.cutoff,
)  # fmt: skip
numbers["summary"] = facts
write_json(numbers, snakemake.output.numbers)
with open(snakemake.input.overview, "rb") as handle:
    atomic_write_text(snakemake.output.summary, render_rst(facts, handle.read()))
