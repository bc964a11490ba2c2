"""One model variant (nutpie): posterior, prior predictive, summary and diagnostics. A fit failing its gates is
retried once (sampling.retry); failing again, the main variant stops the run, any other is reported as failed."""

import os
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from snakemake.script import snakemake

# Before PyTensor is imported: a compile directory per variant (parallel jobs must not share one), kept between
# runs: a refit loads most compiled functions from it (~3 s instead of ~7 s). The samples do not depend on the
# cache's state (computelimits.models.sample turns numba's fastmath off), so a fixed seed gives identical tables.
compiledir = Path(snakemake.params.compiledir).resolve()
compiledir.mkdir(parents=True, exist_ok=True)
os.environ["PYTENSOR_FLAGS"] = f"base_compiledir={compiledir}"

import pandas as pd  # noqa: E402

from computelimits.logs import to_file  # noqa: E402
from computelimits.loo import exact_loo  # noqa: E402
from computelimits.sampling import DIAGNOSTICS_COLUMNS, PASSED, fit_gated  # noqa: E402
from computelimits.tables import read_tsv, write_netcdf, write_tsv  # noqa: E402

log = to_file(snakemake.log[0])
variant = snakemake.wildcards.variant
settings = snakemake.params.fit
required = variant == snakemake.params.main  # only the main variant failing stops the run
fit, diagnostics = fit_gated(
    read_tsv(snakemake.input.papers), **settings, variant=variant, required=required, log=log, threads=snakemake.threads
)  # the summary is in the log either way
if diagnostics["status"] == PASSED:
    exact_loo(fit, variant, settings["seed"], settings["sampling"], snakemake.threads, log)
else:
    log.warning("%s: %s; reported as failed and left out of the LOO comparison", variant, diagnostics["status"])
write_netcdf(fit.prior, snakemake.output.prior)
write_netcdf(fit.posterior, snakemake.output.posterior)
write_tsv(fit.summary.assign(status=diagnostics["status"]), snakemake.output.summary)
write_tsv(pd.DataFrame([diagnostics], columns=DIAGNOSTICS_COLUMNS), snakemake.output.diagnostics)
