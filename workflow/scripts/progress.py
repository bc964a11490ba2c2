"""Algorithmic progress per series (compute-equivalent gain and halving time) from the year-term variant."""

from typing import TYPE_CHECKING

import xarray as xr

from computelimits.logs import to_file
from computelimits.progress import progress_table
from computelimits.tables import write_tsv

if TYPE_CHECKING:
    from snakemake.script import snakemake

log = to_file(snakemake.log[0])
table = progress_table(xr.open_datatree(snakemake.input.posterior), snakemake.params.variant)
log.info("\n%s", table.drop(columns=["published_source"]).to_string())
write_tsv(table, snakemake.output.progress)
