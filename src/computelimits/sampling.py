"""Sampling a model variant (nutpie), its summary table, and the convergence gates that fail loudly."""

from __future__ import annotations

import logging
import time
from dataclasses import dataclass

import numpy as np
import pandas as pd

from . import variants
from .modeldata import ModelData, model_data
from .models import build_model, prior_predictive

SUMMARY_COLUMNS = ["benchmark", "parameter", "mean", "sd", "q05", "q50", "q95", "r_hat", "ess_bulk"]


class GateError(RuntimeError):
    """A convergence gate failed: the message names the parameter and the figure."""


def sample(
    model,
    seed: int,
    draws: int,
    tune: int,
    chains: int,
    target_accept: float,
    sampler: str = "nutpie",
    log_likelihood: bool = True,
    cores: int | None = None,
):
    """Posterior (nutpie) with log-likelihood added for LOO; an xarray DataTree.

    Numba's fastmath is off: with it, functions loaded from PyTensor's compile cache gave other samples than freshly
    compiled ones (LLVM fuses and reorders floating-point operations differently when functions are compiled
    together), so a fixed seed gave identical tables only with an empty cache. Without it the samples are the same
    whether the cache is cold or warm, and a warm cache cuts the compile from ~7 s to ~3 s.
    `cores`: threads (nutpie) or processes (PyMC) for the chains; None leaves PyMC's guess, half the CPU count
    (one on a 2-core machine). The samples do not depend on it: each chain has its own seed.
    `sampler="pymc"` (PyMC's default NUTS, its own defaults otherwise) is for the speed benchmark."""
    import pymc as pm
    import pytensor

    with model, pytensor.config.change_flags(numba__fastmath=False):
        idata = pm.sample(
            draws=draws,
            tune=tune,
            chains=chains,
            cores=cores,
            nuts_sampler=sampler,
            random_seed=seed,
            target_accept=target_accept,
            progressbar=False,
            # data and coordinates become constants: a smaller graph that compiles in ~2/3 of the time
            compile_kwargs={"freeze_model": True} if sampler == "nutpie" else None,
        )
        if log_likelihood:
            pm.compute_log_likelihood(idata, progressbar=False)
    return idata


def summarise(idata, variant: str) -> pd.DataFrame:
    """summary.tsv rows (benchmark, parameter, mean, sd, q05, q50, q95, r_hat, ess_bulk) of the variant's
    parameters; Fit.check gates them."""
    import arviz as az

    names = [n for n in variants.get(variant).parameters if n in idata.posterior]
    table = az.summary(idata, var_names=names, round_to="none", ci_kind="eti", ci_prob=0.90)
    posterior = idata.posterior
    rows = []
    for label, stats in table.iterrows():
        var, _, index = str(label).partition("[")
        benchmark = index.rstrip("]") if index else ""
        values = posterior[var].sel(benchmark=benchmark) if benchmark else posterior[var]
        flat = np.asarray(values).ravel()
        rows.append(
            {
                "benchmark": benchmark,
                "parameter": var,
                "mean": float(stats["mean"]),
                "sd": float(stats["sd"]),
                "q05": float(np.quantile(flat, 0.05)),
                "q50": float(np.quantile(flat, 0.5)),
                "q95": float(np.quantile(flat, 0.95)),
                "r_hat": float(stats["r_hat"]),
                "ess_bulk": float(stats["ess_bulk"]),
            }
        )
    return pd.DataFrame(rows, columns=SUMMARY_COLUMNS)


def divergences(idata) -> int:
    return int(np.asarray(idata.sample_stats["diverging"]).sum())


def check_gates(
    summary: pd.DataFrame, n_divergent: int, max_r_hat: float, min_ess_bulk: float, max_divergences: int
) -> None:
    """Raise GateError naming every parameter that fails R-hat or ESS, or the divergence count."""
    failures = []
    for _, row in summary.iterrows():
        name = row["parameter"] + (f"[{row['benchmark']}]" if row["benchmark"] else "")
        if not row["r_hat"] <= max_r_hat:
            failures.append(f"{name}: R-hat {row['r_hat']:.4f} > {max_r_hat}")
        if not row["ess_bulk"] >= min_ess_bulk:
            failures.append(f"{name}: bulk ESS {row['ess_bulk']:.0f} < {min_ess_bulk}")
    if n_divergent > max_divergences:
        failures.append(f"{n_divergent} divergent transitions > {max_divergences} allowed")
    if failures:
        raise GateError("convergence gates failed: " + "; ".join(failures))


PASSED = "passed"
FAILED = "failed gates: "  # followed by the failures, parameter and figure
DIAGNOSTICS_COLUMNS = [
    "model",
    "status",
    "attempts",
    "draws",
    "tune",
    "target_accept",
    "divergences",
    "max_r_hat",
    "max_r_hat_parameter",
    "min_ess_bulk",
    "min_ess_bulk_parameter",
]  # fmt: skip (no timings: the table is the same on every run)


@dataclass
class Fit:
    data: ModelData
    posterior: object
    prior: object
    summary: pd.DataFrame
    variant: str = "polynomial"
    seconds: float = 0.0

    def _gated(self) -> pd.DataFrame:
        derived = variants.get(self.variant).derived
        return self.summary[~self.summary["parameter"].isin(derived)]

    def check(self, gates: dict) -> None:
        """Raise GateError unless every sampled parameter meets the gates (derived ones, like k, are not gated)."""
        check_gates(self._gated(), divergences(self.posterior), **gates)

    def verdict(self, gates: dict) -> str:
        """PASSED, or FAILED followed by what failed (parameter and figure)."""
        try:
            self.check(gates)
        except GateError as failed:
            return FAILED + str(failed).removeprefix("convergence gates failed: ")
        return PASSED

    def diagnostics(self) -> dict:
        """Divergences, the largest R-hat and smallest bulk ESS over the gated parameters, and which they are."""
        gated = self._gated().assign(
            name=lambda t: t["parameter"] + t["benchmark"].map(lambda b: f"[{b}]" if b else "")
        )
        worst_r_hat = gated.loc[gated["r_hat"].idxmax()]
        worst_ess = gated.loc[gated["ess_bulk"].idxmin()]
        return {
            "divergences": divergences(self.posterior),
            "max_r_hat": float(worst_r_hat["r_hat"]),
            "max_r_hat_parameter": worst_r_hat["name"],
            "min_ess_bulk": float(worst_ess["ess_bulk"]),
            "min_ess_bulk_parameter": worst_ess["name"],
        }


def fit_variant(
    papers: pd.DataFrame,
    benchmarks: list[str],
    seed: int,
    sampling: dict,
    min_log10_sd: float,
    variant: str = "polynomial",
    log: logging.Logger | None = None,
    threads: int | None = None,
) -> Fit:
    """Build, prior-check and sample one model variant on the usable rows of `papers`; the chains run on
    `threads` threads (None: PyMC's guess, half the CPU count)."""
    log = log or logging.getLogger(__name__)
    variants.get(variant)  # an unknown name fails here, with the known ones
    data = model_data(papers, benchmarks, min_log10_sd)
    if len(data.benchmarks) == 0:
        raise ValueError("no benchmark has 3 or more usable points (status ok, flop > 0, 0 < error < 1)")
    log.info("fitting %s to %d points over %s", variant, len(data.y), ", ".join(data.benchmarks))
    model = build_model(data, variant)
    prior = prior_predictive(model, seed)
    started = time.perf_counter()
    posterior = sample(
        model, seed, sampling["draws"], sampling["tune"], sampling["chains"], sampling["target_accept"], cores=threads
    )
    seconds = time.perf_counter() - started
    log.info("sampled in %.1f s (compile included); %d divergences", seconds, divergences(posterior))
    summary = summarise(posterior, variant)
    log.info("posterior summary:\n%s", summary.to_string())
    return Fit(data, posterior, prior, summary, variant, seconds)


def gates_for(gates: dict, variant: str) -> dict:
    """The convergence gates of one variant: config `gates`, with that variant's entry of `gates.variants` over
    them."""
    shared = {k: v for k, v in gates.items() if k != "variants"}
    return {**shared, **gates.get("variants", {}).get(variant, {})}


def gate_status(idata) -> str:
    """`passed`, or `failed gates: ...`, as fit_gated recorded it in a fitted variant (files without it: passed)."""
    return str(idata.attrs.get("gates", PASSED))


def retry_settings(sampling: dict) -> dict:
    """The sampling settings of the one retry: `sampling.retry` over `sampling`."""
    return {**{k: v for k, v in sampling.items() if k != "retry"}, **sampling.get("retry", {})}


def fit_gated(
    papers: pd.DataFrame,
    benchmarks: list[str],
    seed: int,
    sampling: dict,
    gates: dict,
    min_log10_sd: float,
    variant: str,
    required: bool,
    log: logging.Logger | None = None,
    threads: int | None = None,
) -> tuple[Fit, dict]:
    """fit_variant, checked against the gates; a fit that fails them is sampled once more with `sampling.retry`
    (e.g. target_accept 0.99, a longer tune). When the retry fails too, a `required` variant (the main one) raises
    GateError naming the parameters; any other is returned with its failure, for the tables to report.
    Returns the fit and its diagnostics row (results/model/diagnostics.tsv)."""
    log = log or logging.getLogger(__name__)
    attempts = [sampling, retry_settings(sampling)]
    for attempt, settings in enumerate(attempts, start=1):
        fit = fit_variant(papers, benchmarks, seed, settings, min_log10_sd, variant, log, threads)
        verdict = fit.verdict(gates)
        log.info("%s, attempt %d (%s): %s", variant, attempt, _settings_text(settings), verdict)
        if verdict == PASSED:
            break
    if verdict != PASSED and required:
        raise GateError(f"variant '{variant}' (model.main), after a retry with {_settings_text(settings)}: {verdict}")
    row = {"model": variant, "status": verdict, "attempts": attempt, **{k: settings[k] for k in _SHOWN},
           **fit.diagnostics()}  # fmt: skip
    fit.posterior.attrs["gates"] = verdict
    return fit, row


_SHOWN = ("draws", "tune", "target_accept")


def _settings_text(settings: dict) -> str:
    return ", ".join(f"{k} {settings[k]}" for k in _SHOWN)
