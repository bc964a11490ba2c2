"""Candidate sentences (with their preceding context) from the PDFs of one sheet, and one status row per PDF."""

from typing import TYPE_CHECKING

import pandas as pd

from computelimits.extraction import SENTENCE_COLUMNS, STATUS_COLUMNS, extract_candidates_many
from computelimits.logs import to_file
from computelimits.tables import write_tsv

if TYPE_CHECKING:
    from snakemake.script import snakemake

log = to_file(snakemake.log[0])
manifest = pd.read_csv(snakemake.input.manifest, sep="\t", dtype=str, keep_default_na=False)
sentences, status = extract_candidates_many(manifest, jobs=snakemake.threads, log=log)
write_tsv(pd.DataFrame(sentences, columns=SENTENCE_COLUMNS), snakemake.output.sentences)
write_tsv(pd.DataFrame(status, columns=STATUS_COLUMNS), snakemake.output.status)
