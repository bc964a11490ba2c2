"""One model variant fitted to the points published up to the back-test's cut-off year, and its predictions of the
later points (posterior predictive; see computelimits.backtest)."""

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from snakemake.script import snakemake

# before PyTensor is imported: a compile directory of this job's own (see fit_model.py)
compiledir = Path(snakemake.params.compiledir).resolve()
compiledir.mkdir(parents=True, exist_ok=True)
os.environ["PYTENSOR_FLAGS"] = f"base_compiledir={compiledir}"

import pandas as pd  # noqa: E402

from computelimits.backtest import predict_variant, split  # noqa: E402
from computelimits.logs import to_file  # noqa: E402
from computelimits.sampling import DIAGNOSTICS_COLUMNS, fit_gated  # noqa: E402
from computelimits.tables import read_tsv, write_netcdf, write_tsv  # noqa: E402

log = to_file(snakemake.log[0])
variant, cutoff = snakemake.wildcards.variant, snakemake.params.cutoff
train, test = split(read_tsv(snakemake.input.papers), cutoff)
log.info("back-test from %d: %d points to fit, %d later ones to predict", cutoff, len(train), len(test))
settings = snakemake.params.fit
fit, diagnostics = fit_gated(
    train, **settings, variant=variant, required=False, log=log, threads=snakemake.threads
)  # a back-test that fails its gates is reported, never the end of the run
predictions = predict_variant(fit.posterior, variant, test, settings["min_log10_sd"], settings["seed"])
if diagnostics["status"] != "passed":  # its predictions are kept, and say that the fit failed its gates
    predictions["status"] = f"the back-test fit {diagnostics['status']}"
write_netcdf(fit.posterior, snakemake.output.posterior)
write_tsv(predictions, snakemake.output.predictions)
write_tsv(pd.DataFrame([diagnostics], columns=DIAGNOSTICS_COLUMNS), snakemake.output.diagnostics)
