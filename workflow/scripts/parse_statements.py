"""Burden statements (hardware, count, hours, chip-hours, FLOPs under every convention) from candidate sentences."""

from typing import TYPE_CHECKING

from computelimits.config import conventions_from_config
from computelimits.extraction import statements_table
from computelimits.hardware import load_table
from computelimits.logs import to_file
from computelimits.tables import read_tsv, write_tsv

if TYPE_CHECKING:
    from snakemake.script import snakemake

log = to_file(snakemake.log[0])
table = load_table(snakemake.input.hardware)
conventions = conventions_from_config(snakemake.params.conventions, snakemake.params.convention)
sentences = read_tsv(snakemake.input.sentences)
statements = statements_table(sentences, table, conventions, snakemake.params.spec["language_model"])
log.info("%d candidate sentences -> %d statements", len(sentences), len(statements))
write_tsv(statements, snakemake.output.statements)
