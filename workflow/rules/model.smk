# Stages 6-7: the paper's OLS baseline, the hierarchical Bayesian model variants compared by LOO, and the
# extrapolation to target errors.


rule fit_ols:
    input:
        papers=rules.merge_burden.output.papers,
    output:
        ols=report(
            "results/model/ols.tsv", caption="../report/ols.rst", category="Model"
        ),
    log:
        "logs/model/ols.log",
    benchmark:
        "benchmarks/model/ols.tsv"
    conda:
        "../../envs/model.yaml"
    resources:
        mem_mb=500,
        runtime=10,
    script:
        "../scripts/fit_ols.py"


rule fit_model:
    input:
        papers=rules.merge_burden.output.papers,
    output:
        posterior="results/model/{variant}.nc",
        prior="results/model/{variant}_prior.nc",
        summary="results/model/{variant}_summary.tsv",
        diagnostics="results/model/{variant}_diagnostics.tsv",
    log:
        "logs/model/fit_{variant}.log",
    benchmark:
        "benchmarks/model/fit_{variant}.tsv"
    conda:
        "../../envs/model.yaml"
    threads: 2
    resources:
        mem_mb=4000,
        runtime=60,
    params:
        fit=fit_settings,
        main=MAIN,
        compiledir=pytensor_dir,
    script:
        "../scripts/fit_model.py"


rule compare_models:
    input:
        posteriors=expand(rules.fit_model.output.posterior, variant=VARIANTS),
        summaries=expand(rules.fit_model.output.summary, variant=VARIANTS),
        diagnostics=expand(rules.fit_model.output.diagnostics, variant=VARIANTS),
    output:
        loo=report(
            "results/model/loo.tsv", caption="../report/loo.rst", category="Model"
        ),
        summary=report(
            "results/model/summary.tsv",
            caption="../report/summary.rst",
            category="Model",
        ),
        diagnostics=report(
            "results/model/diagnostics.tsv",
            caption="../report/diagnostics.rst",
            category="Model",
        ),
    log:
        "logs/model/compare.log",
    benchmark:
        "benchmarks/model/compare.tsv"
    conda:
        "../../envs/model.yaml"
    resources:
        mem_mb=2000,
        runtime=10,
    params:
        variants=VARIANTS,
    script:
        "../scripts/compare_models.py"


rule extrapolate:
    input:
        posteriors=expand(rules.fit_model.output.posterior, variant=VARIANTS),
        papers=rules.merge_burden.output.papers,
    output:
        targets=report(
            "results/extrapolation/targets.tsv",
            caption="../report/targets.rst",
            category="Extrapolation",
        ),
    log:
        "logs/model/extrapolate.log",
    benchmark:
        "benchmarks/model/extrapolate.tsv"
    conda:
        "../../envs/model.yaml"
    resources:
        mem_mb=1000,
        runtime=10,
    params:
        variants=VARIANTS,
        benchmarks=lookup(dpath="benchmarks", within=config),
        costs=lookup(dpath="costs", within=config),
    script:
        "../scripts/extrapolate.py"
