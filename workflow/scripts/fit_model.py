"""One model variant (nutpie): posterior, prior predictive and summary; fails on a convergence gate."""

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

from computelimits.logs import to_file  # noqa: E402
from computelimits.loo import exact_loo  # noqa: E402
from computelimits.sampling import fit_variant  # noqa: E402
from computelimits.tables import read_tsv, write_netcdf, write_tsv  # noqa: E402

log = to_file(snakemake.log[0])
fit = fit_variant(
    read_tsv(snakemake.input.papers),
    snakemake.params.benchmarks,
    snakemake.params.seed,
    snakemake.params.sampling,
    snakemake.params.min_sd,
    variant=snakemake.wildcards.variant,
    log=log,
    threads=snakemake.threads,
)
fit.check(snakemake.params.gates)  # the summary is in the log either way
exact_loo(fit, snakemake.wildcards.variant, snakemake.params.seed, snakemake.params.sampling, snakemake.threads, log)
write_netcdf(fit.prior, snakemake.output.prior)
write_netcdf(fit.posterior, snakemake.output.posterior)
write_tsv(fit.summary, snakemake.output.summary)
