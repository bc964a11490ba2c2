"""LOO comparison of the model variants, and one summary table of all of them (column `model`)."""

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
loo = compare(posteriors) if len(posteriors) > 1 else pd.DataFrame({"model": variants})
log.info("\n%s", loo.to_string())
write_tsv(loo, snakemake.output.loo)
summaries = [read_tsv(p).assign(model=v) for v, p in zip(variants, snakemake.input.summaries, strict=True)]
write_tsv(pd.concat(summaries, ignore_index=True), snakemake.output.summary)
