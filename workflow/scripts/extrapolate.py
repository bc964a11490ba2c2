"""Posterior compute, dollars and CO2 for each target error, under every model variant."""

from typing import TYPE_CHECKING

from computelimits.extrapolate import targets_table
from computelimits.logs import to_file
from computelimits.tables import read_posteriors, read_tsv, write_tsv

if TYPE_CHECKING:
    from snakemake.script import snakemake

log = to_file(snakemake.log[0])
posteriors = read_posteriors(snakemake.params.variants, snakemake.input.posteriors)
table = targets_table(posteriors, snakemake.params.benchmarks, read_tsv(snakemake.input.papers), snakemake.params.costs)
shown = ["model", "benchmark", "target_error", "flop_q05", "flop_q50", "flop_q95", "status"]
log.info("\n%s", table[shown].to_string())
write_tsv(table, snakemake.output.targets)
