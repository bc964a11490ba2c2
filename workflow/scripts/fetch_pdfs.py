"""Find or download the arXiv PDFs of one sheet; write a manifest (arxiv_id, path, status, reason)."""

from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from computelimits.arxiv import fetch_all
from computelimits.logs import to_file
from computelimits.tables import write_tsv

if TYPE_CHECKING:
    from snakemake.script import snakemake

log = to_file(snakemake.log[0])
sheet = pd.read_csv(snakemake.input.sheet, sep="\t", dtype=str, keep_default_na=False)
ids = sorted({i.strip() for i in sheet["arxiv_id"] if i.strip()})
log.info("%d arXiv ids in %s", len(ids), snakemake.input.sheet)
# One failed download marks the network as down for the other fetch jobs of this run (results/fetch/.offline).
marker = Path(snakemake.output.manifest).parent / ".offline"
fetched = fetch_all(ids, snakemake.params.pdf_dir, snakemake.params.download, offline_marker=marker)
frame = pd.DataFrame([vars(f) for f in fetched], columns=["arxiv_id", "path", "status", "reason"])
for status, count in frame["status"].value_counts().items():
    log.info("%s: %d", status, count)
write_tsv(frame, snakemake.output.manifest)
