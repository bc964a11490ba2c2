# Stages 4-5: each sheet's compute normalised to FLOPs under the conventions, then merged with provenance.


rule normalise_burden:
    input:
        sheet=sheet_path,
        schema=SHEET_SCHEMA,
        statements=rules.parse_statements.output.statements,
        hardware=lookup(dpath="hardware_table", within=config),
    output:
        papers="results/burden/{benchmark}.tsv",
    log:
        "logs/burden/{benchmark}.log",
    benchmark:
        "benchmarks/burden/{benchmark}.tsv"
    conda:
        "../../envs/model.yaml"
    resources:
        mem_mb=500,
        runtime=10,
    params:
        spec=benchmark_spec,
        conventions=lookup(dpath="conventions", within=config),
        convention=lookup(dpath="convention", within=config),
        priority=lookup(dpath="source_priority", within=config),
        given_halfwidth=lookup(dpath="given_flop_log10_halfwidth", within=config),
    script:
        "../scripts/normalise_burden.py"


rule merge_burden:
    input:
        papers=expand(rules.normalise_burden.output.papers, benchmark=BENCHMARKS),
    output:
        papers=report(
            "results/burden/papers.tsv",
            caption="../report/papers.rst",
            category="Data",
        ),
        disagreements=report(
            "results/burden/disagreements.tsv",
            caption="../report/disagreements.rst",
            category="Data",
        ),
        validation=report(
            "results/burden/validation.tsv",
            caption="../report/validation.rst",
            category="Data",
        ),
        counts=report(
            "results/burden/counts.tsv",
            caption="../report/counts.rst",
            category="Data",
        ),
    log:
        "logs/burden/merge.log",
    benchmark:
        "benchmarks/burden/merge.tsv"
    conda:
        "../../envs/model.yaml"
    resources:
        mem_mb=500,
        runtime=10,
    params:
        factor=lookup(dpath="disagreement_factor", within=config),
    script:
        "../scripts/merge_burden.py"
