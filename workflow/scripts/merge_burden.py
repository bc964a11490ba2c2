"""papers.tsv (every sheet row of every benchmark, with status) and the list of disagreeing sources."""

from typing import TYPE_CHECKING

import pandas as pd

from computelimits.burden import counts, disagreements, validation, validation_summary
from computelimits.logs import to_file
from computelimits.tables import read_tsv, write_tsv

if TYPE_CHECKING:
    from snakemake.script import snakemake

log = to_file(snakemake.log[0])
papers = pd.concat([read_tsv(path) for path in snakemake.input.papers], ignore_index=True)
log.info("%d rows, %d with compute", len(papers), (papers["status"] == "ok").sum())
write_tsv(papers, snakemake.output.papers)
write_tsv(disagreements(papers, snakemake.params.factor), snakemake.output.disagreements)
checked = validation(papers)
summary = validation_summary(checked)
log.info(
    "validation against given FLOPs: n=%d, median |log10(ours/given)| %s",
    summary["n"],
    "n/a" if summary["median_abs_log10_ratio"] is None else f"{summary['median_abs_log10_ratio']:.3f}",
)
write_tsv(checked, snakemake.output.validation)
table = counts(papers)
log.info("rows per series (total / with compute / curated / extracted / given):\n%s", table.to_string(index=False))
write_tsv(table, snakemake.output.counts)
