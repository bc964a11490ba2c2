"""All benchmarks' statements and PDF status rows in one table each, with a benchmark column."""

from typing import TYPE_CHECKING

import pandas as pd

from computelimits.logs import to_file
from computelimits.tables import read_tsv, write_tsv

if TYPE_CHECKING:
    from snakemake.script import snakemake

log = to_file(snakemake.log[0])
for key in ("statements", "status"):
    parts = [
        read_tsv(path).assign(benchmark=name)
        for name, path in zip(snakemake.params.benchmarks, snakemake.input[key], strict=True)
    ]
    frame = pd.concat(parts, ignore_index=True)
    frame = frame[["benchmark", *[c for c in frame.columns if c != "benchmark"]]]
    log.info("%s: %d rows", key, len(frame))
    write_tsv(frame, snakemake.output[key])
