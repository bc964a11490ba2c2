"""LOO comparison of the model variants, and one summary table of all of them (column `model`)."""

from typing import TYPE_CHECKING

import pandas as pd
import xarray as xr

from computelimits.logs import to_file
from computelimits.models import compare
from computelimits.tables import read_tsv, write_tsv

if TYPE_CHECKING:
    from snakemake.script import snakemake

log = to_file(snakemake.log[0])
variants = snakemake.params.variants
posteriors = {v: xr.open_datatree(p) for v, p in zip(variants, snakemake.input.posteriors, strict=True)}
loo = compare(posteriors) if len(posteriors) > 1 else pd.DataFrame({"model": variants})
log.info("\n%s", loo.to_string())
write_tsv(loo, snakemake.output.loo)
summaries = [read_tsv(p).assign(model=v) for v, p in zip(variants, snakemake.input.summaries, strict=True)]
write_tsv(pd.concat(summaries, ignore_index=True), snakemake.output.summary)
