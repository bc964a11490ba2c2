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
for suffix, against in (("", "given FLOPs (thompson)"), ("_epoch", "Epoch AI's estimates (epoch)")):
    median = summary[f"median_abs_log10_ratio{suffix}"]
    log.info(
        "validation against %s: n=%d, median |log10(ours/theirs)| %s",
        against,
        summary[f"n{suffix}"],
        "n/a" if median is None else f"{median:.3f}",
    )
write_tsv(checked, snakemake.output.validation)
table = counts(papers)
log.info("rows per series:\n%s", table.to_string(index=False))
write_tsv(table, snakemake.output.counts)
