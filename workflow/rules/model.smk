# Stages 6-7: the paper's OLS baseline, the hierarchical Bayesian model, and the extrapolation to targets.


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
        summary=report(
            "results/model/summary.tsv",
            caption="../report/summary.rst",
            category="Model",
        ),
        posterior="results/model/polynomial.nc",
        prior="results/model/prior_predictive.nc",
    log:
        "logs/model/fit.log",
    benchmark:
        "benchmarks/model/fit.tsv"
    conda:
        "../../envs/model.yaml"
    threads: 2
    resources:
        mem_mb=4000,
        runtime=60,
    params:
        benchmarks=BENCHMARKS,
        seed=lookup(dpath="seed", within=config),
        sampling=lookup(dpath="sampling", within=config),
        gates=lookup(dpath="gates", within=config),
        min_sd=lookup(dpath="min_log10_flop_sd", within=config),
        compiledir=pytensor_dir,
    script:
        "../scripts/fit_model.py"


rule extrapolate:
    input:
        posterior=rules.fit_model.output.posterior,
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
        benchmarks=lookup(dpath="benchmarks", within=config),
        costs=lookup(dpath="costs", within=config),
    script:
        "../scripts/extrapolate.py"
