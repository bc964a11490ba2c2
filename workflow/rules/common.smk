# Helpers shared by every stage: config validation, sheet loading, parameter lookups.
import sys
import tempfile
from pathlib import Path

import yaml
from snakemake.utils import validate

sys.path.insert(
    0, str(Path(workflow.basedir) / "src")
)  # a plain clone works before `pip install -e .`

from computelimits.config import (
    ConfigError,
    check_config,
    coerce_booleans,
)  # noqa: E402
from computelimits.sampling import gates_for  # noqa: E402
from computelimits.variants import get as get_variant  # noqa: E402
from computelimits.sheets import SheetError, load_benchmarks  # noqa: E402

CONFIG_SCHEMA = Path(workflow.basedir) / "workflow/schemas/config.schema.yaml"
SHEET_SCHEMA = Path(workflow.basedir) / "workflow/schemas/sheet.schema.yaml"

# Fail in the first second, with one message naming the file, key, line and column.
try:
    coerce_booleans(
        config, yaml.safe_load(CONFIG_SCHEMA.read_text())
    )  # --config download=false
    check_config(
        config,
        CONFIG_SCHEMA,
        source=workflow.configfiles,
    )
    validate(config, CONFIG_SCHEMA)  # also fills in the schema's defaults
    # every sheet, validated; the stages read their own sheet again
    load_benchmarks(config["benchmarks"], yaml.safe_load(SHEET_SCHEMA.read_text()))
except (ConfigError, SheetError) as exc:
    raise WorkflowError(str(exc)) from None

# An unwritable results folder stops the run before any job, rather than in the middle of the first one.
for folder in ("results", "logs"):
    try:
        Path(folder).mkdir(exist_ok=True)
        tempfile.NamedTemporaryFile(dir=folder).close()
    except OSError as exc:
        raise WorkflowError(
            f"{Path(folder).resolve()}/ is not writable ({exc.strerror}); fix its permissions or run elsewhere"
        ) from None

BENCHMARKS = list(config["benchmarks"])
VARIANTS = config["model"]["variants"]
MAIN = config["model"]["main"]
# the variant whose year term gives algorithmic progress (results/model/progress.tsv); None: no such variant fitted
YEAR_VARIANT = next((v for v in VARIANTS if get_variant(v).year_term), None)


wildcard_constraints:
    benchmark="|".join(BENCHMARKS),
    variant="|".join(VARIANTS),


def sheet_path(wildcards):
    return config["benchmarks"][wildcards.benchmark]["sheet"]


def benchmark_spec(wildcards):
    return config["benchmarks"][wildcards.benchmark]


def pytensor_dir(wildcards, output):
    """A compile cache per job: parallel jobs must not share one (see STYLE.md); `model_polynomial`,
    `backtest_polynomial`, ..."""
    first = Path(output[0])
    return str(Path(".snakemake/pytensor") / f"{first.parent.name}_{first.stem}")


def fit_settings(wildcards):
    """What fit_gated takes from the config for one variant: the series, seed, sampling settings, the variant's
    convergence gates (config `gates` with its `gates.variants` entry over them) and the floor of compute's sd.
    """
    return {
        "benchmarks": BENCHMARKS,
        "seed": config["seed"],
        "sampling": config["sampling"],
        "gates": gates_for(config["gates"], wildcards.variant),
        "min_log10_sd": config["min_log10_flop_sd"],
    }


def main_fit(key):
    """fit_model's output `key` (posterior, prior, summary) for the main variant, which figures and numbers use
    (called by rules defined after fit_model)."""
    return expand(getattr(rules.fit_model.output, key), variant=MAIN)[0]


def main_backtest(wildcards):
    """The back-test posterior of the main variant (its figures)."""
    return expand(rules.backtest_fit.output.posterior, variant=MAIN)[0]


def year_posterior(wildcards):
    """The posterior of the year-term variant (algorithmic progress)."""
    return expand(rules.fit_model.output.posterior, variant=YEAR_VARIANT)[0]
