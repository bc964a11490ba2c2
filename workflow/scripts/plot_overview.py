"""Overview facets, k forest plot, data coverage and the prior predictive check."""

from pathlib import Path
from typing import TYPE_CHECKING

import xarray as xr

from computelimits import figures
from computelimits.logs import to_file
from computelimits.modeldata import usable
from computelimits.tables import read_tsv

if TYPE_CHECKING:
    from snakemake.script import snakemake

to_file(snakemake.log[0])
papers = read_tsv(snakemake.input.papers)
posterior = xr.open_datatree(snakemake.input.posterior)
ols, targets, summary = (read_tsv(snakemake.input[k]) for k in ("ols", "targets", "summary"))
out = {k: str(Path(v).with_suffix("")) for k, v in snakemake.output.items() if v.endswith(".png")}  # + .svg
convention, main = snakemake.params.convention, snakemake.params.main
figures.save(
    figures.overview_figure(snakemake.params.benchmarks, papers, posterior, ols, targets, convention, main),
    out["overview"],
)
figures.save(figures.k_forest_figure(summary, ols, main), out["k_forest"])
figures.save(figures.coverage_figure(papers), out["coverage"])
figures.save(figures.extrapolation_figure(targets, snakemake.params.costs, main), out["extrapolation"])
import numpy as np  # noqa: E402

observed = np.log10(usable(papers)["error"].to_numpy(float))
figures.save(figures.prior_predictive_figure(xr.open_datatree(snakemake.input.prior), observed), out["prior"])
