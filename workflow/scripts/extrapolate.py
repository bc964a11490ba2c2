"""Posterior compute, dollars and CO2 for each target error."""

from typing import TYPE_CHECKING

import xarray as xr

from computelimits.extrapolate import targets_table
from computelimits.logs import to_file
from computelimits.tables import read_tsv, write_tsv

if TYPE_CHECKING:
    from snakemake.script import snakemake

log = to_file(snakemake.log[0])
posterior = xr.open_datatree(snakemake.input.posterior)
table = targets_table(posterior, snakemake.params.benchmarks, read_tsv(snakemake.input.papers), snakemake.params.costs)
log.info("\n%s", table[["benchmark", "target_error", "flop_q05", "flop_q50", "flop_q95", "status"]].to_string())
write_tsv(table, snakemake.output.targets)
