"""Error vs compute for one benchmark, with the posterior law, OLS line and extrapolated targets."""

from pathlib import Path
from typing import TYPE_CHECKING

import xarray as xr

from computelimits.figures import save, series_figure
from computelimits.logs import to_file
from computelimits.tables import read_tsv

if TYPE_CHECKING:
    from snakemake.script import snakemake

to_file(snakemake.log[0])
fig = series_figure(
    snakemake.wildcards.benchmark,
    snakemake.params.spec,
    read_tsv(snakemake.input.papers),
    xr.open_datatree(snakemake.input.posterior),
    read_tsv(snakemake.input.ols),
    read_tsv(snakemake.input.targets),
    snakemake.params.convention,
    snakemake.params.main,
)
save(fig, str(Path(snakemake.output.png).with_suffix("")))
