# Stage 1: arXiv PDFs of the papers in each sheet, from pdf_dir or downloaded into it.


rule fetch_pdfs:
    input:
        sheet=sheet_path,
    output:
        manifest="results/fetch/{benchmark}.tsv",
    log:
        "logs/fetch/{benchmark}.log",
    benchmark:
        "benchmarks/fetch/{benchmark}.tsv"
    conda:
        "../../envs/extract.yaml"
    resources:
        mem_mb=500,
        runtime=60,
    params:
        pdf_dir=lookup(dpath="pdf_dir", within=config),
        download=lookup(dpath="download", within=config),
    script:
        "../scripts/fetch_pdfs.py"
