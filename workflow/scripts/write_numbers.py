"""results/numbers.json: the headline numbers per series, for reuse in papers."""

from typing import TYPE_CHECKING

from computelimits.logs import to_file
from computelimits.numbers import headline_numbers
from computelimits.tables import read_tsv, write_json

if TYPE_CHECKING:
    from snakemake.script import snakemake

to_file(snakemake.log[0])
numbers = headline_numbers(
    read_tsv(snakemake.input.papers),
    read_tsv(snakemake.input.summary),
    read_tsv(snakemake.input.targets),
    read_tsv(snakemake.input.loo),
    read_tsv(snakemake.input.counts),
    read_tsv(snakemake.input.validation),
    read_tsv(snakemake.input.diagnostics),
    convention=snakemake.params.convention,
    seed=snakemake.params.seed,
    main=snakemake.params.main,
)
write_json(numbers, snakemake.output.numbers)
