# Stage 8: figures and the headline numbers (results/report.html is made by `snakemake --report`).


rule plot_series:
    input:
        papers=rules.merge_burden.output.papers,
        posterior=main_fit("posterior"),
        ols=rules.fit_ols.output.ols,
        targets=rules.extrapolate.output.targets,
    output:
        png=report(
            "results/figures/{benchmark}.png",
            caption="../report/series.rst",
            category="Figures",
            subcategory="Series",
        ),
        svg="results/figures/{benchmark}.svg",
    log:
        "logs/figures/{benchmark}.log",
    benchmark:
        "benchmarks/figures/{benchmark}.tsv"
    conda:
        "../../envs/report.yaml"
    resources:
        mem_mb=1000,
        runtime=10,
    params:
        spec=benchmark_spec,
        convention=lookup(dpath="convention", within=config),
        main=MAIN,
    script:
        "../scripts/plot_series.py"


rule plot_overview:
    input:
        papers=rules.merge_burden.output.papers,
        posterior=main_fit("posterior"),
        prior=main_fit("prior"),
        summary=rules.compare_models.output.summary,
        ols=rules.fit_ols.output.ols,
        targets=rules.extrapolate.output.targets,
    output:
        overview=report(
            "results/figures/overview.png",
            caption="../report/overview.rst",
            category="Figures",
        ),
        k_forest=report(
            "results/figures/k_forest.png",
            caption="../report/k_forest.rst",
            category="Figures",
        ),
        coverage=report(
            "results/figures/coverage.png",
            caption="../report/coverage.rst",
            category="Figures",
        ),
        extrapolation=report(
            "results/figures/extrapolation.png",
            caption="../report/extrapolation.rst",
            category="Extrapolation",
        ),
        prior=report(
            "results/figures/prior_predictive.png",
            caption="../report/prior_predictive.rst",
            category="Model",
        ),
        overview_svg="results/figures/overview.svg",
        k_forest_svg="results/figures/k_forest.svg",
        coverage_svg="results/figures/coverage.svg",
        extrapolation_svg="results/figures/extrapolation.svg",
        prior_svg="results/figures/prior_predictive.svg",
    log:
        "logs/figures/overview.log",
    benchmark:
        "benchmarks/figures/overview.tsv"
    conda:
        "../../envs/report.yaml"
    resources:
        mem_mb=1000,
        runtime=10,
    params:
        benchmarks=lookup(dpath="benchmarks", within=config),
        convention=lookup(dpath="convention", within=config),
        costs=lookup(dpath="costs", within=config),
        main=MAIN,
    script:
        "../scripts/plot_overview.py"


rule write_numbers:
    input:
        papers=rules.merge_burden.output.papers,
        summary=rules.compare_models.output.summary,
        loo=rules.compare_models.output.loo,
        targets=rules.extrapolate.output.targets,
        counts=rules.merge_burden.output.counts,
        validation=rules.merge_burden.output.validation,
        diagnostics=rules.compare_models.output.diagnostics,
        scores=rules.score_backtest.output.scores,
        progress=rules.progress.output if YEAR_VARIANT else [],
        overview=rules.plot_overview.output.overview,
    output:
        numbers=report(
            "results/numbers.json", caption="../report/numbers.rst", category="Data"
        ),
        summary="results/report/summary.rst",
    log:
        "logs/report/numbers.log",
    benchmark:
        "benchmarks/report/numbers.tsv"
    conda:
        "../../envs/report.yaml"
    resources:
        mem_mb=500,
        runtime=10,
    params:
        convention=lookup(dpath="convention", within=config),
        seed=lookup(dpath="seed", within=config),
        main=MAIN,
        cutoff=lookup(dpath="backtest/cutoff_year", within=config),
    script:
        "../scripts/write_numbers.py"
