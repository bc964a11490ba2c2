"""The paper's OLS baseline per benchmark (polynomial and exponential forms)."""

from typing import TYPE_CHECKING

from computelimits.logs import to_file
from computelimits.ols import ols
from computelimits.tables import read_tsv, write_tsv

if TYPE_CHECKING:
    from snakemake.script import snakemake

log = to_file(snakemake.log[0])
table = ols(read_tsv(snakemake.input.papers))
log.info("\n%s", table.to_string())
write_tsv(table, snakemake.output.ols)
