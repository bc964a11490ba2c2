"""Back-test scores per variant (and the paper's OLS) and series, and one figure per series."""

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
import xarray as xr

from computelimits import figures
from computelimits.backtest import predict_ols, predictive_band, scores, split
from computelimits.logs import to_file
from computelimits.posterior import fitted_series
from computelimits.tables import read_tsv, write_tsv

if TYPE_CHECKING:
    from snakemake.script import snakemake

log = to_file(snakemake.log[0])
cutoff, seed, main = snakemake.params.cutoff, snakemake.params.seed, snakemake.params.main
train, test = split(read_tsv(snakemake.input.papers), cutoff)
predictions = pd.concat(
    [*(read_tsv(path) for path in snakemake.input.predictions), predict_ols(train, test, seed)], ignore_index=True
)
table = scores(predictions, train, cutoff)
log.info("\n%s", table.to_string())
write_tsv(predictions, snakemake.output.predictions)
write_tsv(table, snakemake.output.scores)

posterior = xr.open_datatree(snakemake.input.posterior)
for name, png in zip(snakemake.params.benchmarks, snakemake.output.figures, strict=True):
    before, after = train[train["benchmark"] == name], test[test["benchmark"] == name]
    grid = band = None
    if name in fitted_series(posterior.posterior):
        xs = np.log10(pd.concat([before, after])["flop"].to_numpy(float))
        grid = np.linspace(xs.min() - 0.3, xs.max() + 0.5, 200)
        band = predictive_band(posterior, main, name, grid, float(cutoff), seed)
    mine = predictions[(predictions["model"] == main) & (predictions["benchmark"] == name)]
    fig = figures.backtest_figure(
        name, snakemake.params.benchmarks[name], before, after, grid, band, mine, cutoff, main
    )
    figures.save(fig, str(Path(png).with_suffix("")))
