"""LOO comparison of the model variants that passed their gates, one summary table of all of them (column
`model`, and `status` saying whether each passed), and their diagnostics in one table."""

from typing import TYPE_CHECKING

import pandas as pd

from computelimits.logs import to_file
from computelimits.loo import compare
from computelimits.tables import read_posteriors, read_tsv, write_tsv

if TYPE_CHECKING:
    from snakemake.script import snakemake

log = to_file(snakemake.log[0])
variants = snakemake.params.variants
posteriors = read_posteriors(variants, snakemake.input.posteriors)
loo = compare(posteriors)
log.info("\n%s", loo.to_string())
write_tsv(loo, snakemake.output.loo)
summaries = [read_tsv(p).assign(model=v) for v, p in zip(variants, snakemake.input.summaries, strict=True)]
write_tsv(pd.concat(summaries, ignore_index=True), snakemake.output.summary)
diagnostics = pd.concat([read_tsv(p) for p in snakemake.input.diagnostics], ignore_index=True)
log.info("\n%s", diagnostics.to_string())
write_tsv(diagnostics, snakemake.output.diagnostics)
