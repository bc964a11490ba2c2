"""The config schema (workflow/schemas/config.schema.yaml) is the one source of default values.

The workflow fills them with snakemake's `validate`; the package, its CLI, the tools and the benchmarks fill them
here, with the same rule (jsonschema's "properties" defaults, applied while validating, nested objects included),
so no default is written twice.
"""

from __future__ import annotations

import copy
from functools import cache
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator, validators

SCHEMA_PATH = Path(__file__).resolve().parents[2] / "workflow" / "schemas" / "config.schema.yaml"


@cache
def _schema_text(path: str) -> str:
    return Path(path).read_text(encoding="utf-8")


def config_schema(path: str | Path | None = None) -> dict:
    """The config schema (a fresh copy: callers may change it)."""
    return yaml.safe_load(_schema_text(str(path or SCHEMA_PATH)))


def _with_defaults(validator_class):
    """A validator class that sets each missing property's default before validating it (jsonschema FAQ)."""
    validate_properties = validator_class.VALIDATORS["properties"]

    def set_defaults(validator, properties, instance, schema):
        if isinstance(instance, dict):
            for name, spec in properties.items():
                if "default" in spec and name not in instance:
                    instance[name] = copy.deepcopy(spec["default"])
        yield from validate_properties(validator, properties, instance, schema)

    return validators.extend(validator_class, {"properties": set_defaults})


_FILLING = _with_defaults(Draft202012Validator)


def with_defaults(config: dict, schema: dict | None = None) -> dict:
    """A copy of `config` with every default of the schema filled in (invalid values are left for check_config)."""
    filled = copy.deepcopy(config)
    for _ in _FILLING(schema or config_schema()).iter_errors(filled):
        pass
    return filled


def defaults() -> dict:
    """The top-level defaults (everything but `benchmarks`, which has none)."""
    return with_defaults({})


def benchmark_defaults(spec: dict) -> dict:
    """One `benchmarks.<name>` entry with its defaults (score_max, higher_is_better, ...) filled in."""
    return with_defaults({"benchmarks": {"_": spec}})["benchmarks"]["_"]
