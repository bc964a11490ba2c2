# Stages 2-3: candidate sentences from the PDFs, then burden statements parsed from them.


rule extract_sentences:
    input:
        manifest=rules.fetch_pdfs.output.manifest,
    output:
        sentences="results/extraction/{benchmark}/sentences.tsv",
        status="results/extraction/{benchmark}/status.tsv",
    log:
        "logs/extract/{benchmark}.log",
    benchmark:
        "benchmarks/extract/{benchmark}.tsv"
    conda:
        "../../envs/extract.yaml"
    threads: 2
    resources:
        mem_mb=2000,
        runtime=120,
    script:
        "../scripts/extract_sentences.py"


rule parse_statements:
    input:
        sentences=rules.extract_sentences.output.sentences,
        hardware=lookup(dpath="hardware_table", within=config),
    output:
        statements="results/extraction/{benchmark}/statements.tsv",
    log:
        "logs/parse/{benchmark}.log",
    benchmark:
        "benchmarks/parse/{benchmark}.tsv"
    conda:
        "../../envs/extract.yaml"
    resources:
        mem_mb=500,
        runtime=30,
    params:
        conventions=lookup(dpath="conventions", within=config),
        convention=lookup(dpath="convention", within=config),
        spec=benchmark_spec,
    script:
        "../scripts/parse_statements.py"


rule collect_extraction:
    input:
        statements=expand(
            rules.parse_statements.output.statements, benchmark=BENCHMARKS
        ),
        status=expand(rules.extract_sentences.output.status, benchmark=BENCHMARKS),
    output:
        statements=report(
            "results/extraction/statements.tsv",
            caption="../report/statements.rst",
            category="Extraction",
        ),
        status=report(
            "results/extraction/status.tsv",
            caption="../report/status.rst",
            category="Extraction",
        ),
    log:
        "logs/extract/collect.log",
    benchmark:
        "benchmarks/extract/collect.tsv"
    conda:
        "../../envs/extract.yaml"
    resources:
        mem_mb=500,
        runtime=10,
    params:
        benchmarks=BENCHMARKS,
    script:
        "../scripts/collect_extraction.py"
