"""One benchmark's sheet rows with compute normalised to FLOPs and the winning source chosen."""

from pathlib import Path
from typing import TYPE_CHECKING

import yaml

from computelimits.burden import merge_benchmark
from computelimits.config import conventions_from_config
from computelimits.hardware import load_table
from computelimits.logs import to_file
from computelimits.sheets import load_sheet
from computelimits.tables import read_tsv, write_tsv

if TYPE_CHECKING:
    from snakemake.script import snakemake

log = to_file(snakemake.log[0])
name = snakemake.wildcards.benchmark
spec = snakemake.params.spec
schema = yaml.safe_load(Path(snakemake.input.schema).read_text())
sheet = load_sheet(snakemake.input.sheet, schema, name, spec["score_max"])
papers = merge_benchmark(
    name,
    sheet,
    spec,
    read_tsv(snakemake.input.statements),
    load_table(snakemake.input.hardware),
    conventions_from_config(snakemake.params.conventions, snakemake.params.convention),
    snakemake.params.priority,
    snakemake.params.given_halfwidth,
)
log.info("%s: %d rows, %d with compute", name, len(papers), (papers["status"] == "ok").sum())
for line, (model, status) in enumerate(zip(papers["model"], papers["status"], strict=True), start=2):  # line 1: header
    if status != "ok":
        log.warning("%s line %d (model '%s'): %s; left out of the fits", snakemake.input.sheet, line, model, status)
flags = zip(papers["model"], papers["extracted_flag"].fillna("").astype(str), papers["flop_source"], strict=True)
for line, (model, flag, source) in enumerate(flags, start=2):
    if flag:
        used = "used" if source == "extracted" else f"not used ({source or 'no'} compute wins)"
        log.warning("%s line %d (model '%s'): extracted run %s: %s", snakemake.input.sheet, line, model, used, flag)
write_tsv(papers, snakemake.output.papers)
