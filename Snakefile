# computelimits: how much does deep-learning progress depend on computing power?
# The only entry point. Stages live in workflow/rules/, one file each; see README.md.
from snakemake.utils import min_version

min_version("9.0")


configfile: "config/config.yaml"


report: "workflow/report/workflow.rst"


include: "workflow/rules/common.smk"
include: "workflow/rules/fetch.smk"
include: "workflow/rules/extract.smk"
include: "workflow/rules/burden.smk"
include: "workflow/rules/model.smk"
include: "workflow/rules/backtest.smk"
include: "workflow/rules/report.smk"


rule all:
    default_target: True
    input:
        rules.collect_extraction.output,
        rules.merge_burden.output,
        rules.fit_ols.output,
        rules.compare_models.output,
        rules.extrapolate.output,
        rules.write_numbers.output,
        rules.plot_overview.output,
        expand(rules.plot_series.output, benchmark=BENCHMARKS),
        rules.score_backtest.output,
        rules.progress.output if YEAR_VARIANT else [],
