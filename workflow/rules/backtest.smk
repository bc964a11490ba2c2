# Stage 7b: the forecast back-test (every variant and the paper's OLS fitted to the points up to the cut-off year,
# scored on the later ones), and algorithmic progress per series from the year-term variant.


rule backtest_fit:
    input:
        papers=rules.merge_burden.output.papers,
    output:
        posterior="results/backtest/{variant}.nc",
        predictions="results/backtest/{variant}_predictions.tsv",
        diagnostics="results/backtest/{variant}_diagnostics.tsv",
    log:
        "logs/backtest/fit_{variant}.log",
    benchmark:
        "benchmarks/backtest/fit_{variant}.tsv"
    conda:
        "../../envs/model.yaml"
    threads: 2
    resources:
        mem_mb=4000,
        runtime=60,
    params:
        fit=fit_settings,
        cutoff=lookup(dpath="backtest/cutoff_year", within=config),
        compiledir=pytensor_dir,
    script:
        "../scripts/backtest_fit.py"


rule score_backtest:
    input:
        papers=rules.merge_burden.output.papers,
        predictions=expand(rules.backtest_fit.output.predictions, variant=VARIANTS),
        posterior=main_backtest,
    output:
        scores=report(
            "results/backtest/scores.tsv",
            caption="../report/backtest_scores.rst",
            category="Back-test",
        ),
        predictions="results/backtest/predictions.tsv",
        figures=report(
            expand("results/backtest/{benchmark}_backtest.png", benchmark=BENCHMARKS),
            caption="../report/backtest_figure.rst",
            category="Back-test",
        ),
        svgs=expand("results/backtest/{benchmark}_backtest.svg", benchmark=BENCHMARKS),
    log:
        "logs/backtest/score.log",
    benchmark:
        "benchmarks/backtest/score.tsv"
    conda:
        "../../envs/report.yaml"
    resources:
        mem_mb=2000,
        runtime=10,
    params:
        cutoff=lookup(dpath="backtest/cutoff_year", within=config),
        seed=lookup(dpath="seed", within=config),
        benchmarks=lookup(dpath="benchmarks", within=config),
        main=MAIN,
    script:
        "../scripts/score_backtest.py"


rule progress:
    input:
        posterior=year_posterior,
    output:
        progress=report(
            "results/model/progress.tsv",
            caption="../report/progress.rst",
            category="Model",
        ),
    log:
        "logs/model/progress.log",
    benchmark:
        "benchmarks/model/progress.tsv"
    conda:
        "../../envs/model.yaml"
    resources:
        mem_mb=1000,
        runtime=10,
    params:
        variant=YEAR_VARIANT,
    script:
        "../scripts/progress.py"
