"""Config checks with messages a user can act on: the file, the key path and what is wrong."""

from __future__ import annotations

import difflib
import re
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from . import variants
from .defaults import defaults
from .hardware import Convention, Conventions


class ConfigError(ValueError):
    """The config cannot be used; the message names the file and the key."""


def _key_path(path) -> str:
    return ".".join(str(p) for p in path) or "(top level)"


def _message(error, schema: dict) -> str:
    where = _key_path(error.absolute_path)
    if error.validator == "additionalProperties":
        allowed = list(error.schema.get("properties", {}))
        extras = [k for k in error.instance if k not in allowed]
        hints = []
        for key in extras:
            close = difflib.get_close_matches(key, allowed, n=1)
            hints.append(f"unknown key '{key}'" + (f" (did you mean '{close[0]}'?)" if close else ""))
        prefix = "" if where == "(top level)" else f"under '{where}': "
        return prefix + "; ".join(hints) + (f"; allowed keys: {', '.join(allowed)}" if allowed else "")
    if error.validator == "required":
        return f"under '{where}': {error.message}"
    return f"key '{where}': {error.message}"


_BOOLEAN_WORDS = {"true": True, "yes": True, "on": True, "false": False, "no": False, "off": False}


def coerce_booleans(config: dict, schema: dict) -> dict:
    """Values given as text on the command line become the type the schema declares: booleans from words
    (`--config download=false` reaches the config as the string "false": Snakemake reads only True/False as
    booleans) and numbers from digits (`--config 'backtest={cutoff_year: 2017}'`: Snakemake reads nested values
    as text). Any other value is left for check_config to report."""

    def coerce(value, kind):
        if not isinstance(value, str):
            return value
        text = value.strip()
        if kind == "boolean" and text.lower() in _BOOLEAN_WORDS:
            return _BOOLEAN_WORDS[text.lower()]
        try:
            if kind == "integer" and re.fullmatch(r"[-+]?\d+", text):
                return int(text)
            if kind == "number":
                return float(text)
        except ValueError:
            pass
        return value

    def walk(instance, spec):
        if not isinstance(instance, dict) or not isinstance(spec, dict):
            return
        properties = spec.get("properties", {})
        for key, value in instance.items():
            sub = properties.get(key, spec.get("additionalProperties"))
            if not isinstance(sub, dict):
                continue
            if sub.get("type") in ("boolean", "integer", "number"):
                instance[key] = coerce(value, sub["type"])
            else:
                walk(value, sub)

    walk(config, schema)
    return config


def check_config(config: dict, schema_path: str | Path, source=None) -> None:
    """Raise ConfigError with every schema violation, naming the config file(s) and key paths."""
    schema = yaml.safe_load(Path(schema_path).read_text())
    files = ", ".join(str(s) for s in (source or ["config"]))
    errors = sorted(Draft202012Validator(schema).iter_errors(config), key=lambda e: list(e.absolute_path))
    problems = [_message(e, schema) for e in errors]
    filled = defaults()
    specs = config.get("conventions")
    conventions = {**filled["conventions"], **(specs if isinstance(specs, dict) else {})}
    chosen = config.get("convention", filled["convention"])
    if isinstance(chosen, str) and chosen not in conventions:
        problems.append(f"key 'convention': '{chosen}' is not one of {sorted(conventions)}")
    model = config.get("model", {})
    if isinstance(model, dict):
        names = model.get("variants", filled["model"]["variants"])
        main = model.get("main", filled["model"]["main"])
        known = ", ".join(variants.VARIANTS)
        for index, name in enumerate(names if isinstance(names, list) else []):
            if isinstance(name, str) and name not in variants.VARIANTS:
                problems.append(f"key 'model.variants.{index}': unknown model variant '{name}' (known: {known})")
        if isinstance(main, str) and isinstance(names, list) and main not in names:
            problems.append(f"key 'model.main': '{main}' is not among model.variants {names}")
    if problems:
        raise ConfigError(f"{files}: invalid config:\n  " + "\n  ".join(problems))


def conventions_from_config(specs: dict | None, chosen: str | None = None) -> Conventions:
    """The named conventions: the schema's (thompson, epoch), overridden or extended by config `conventions`; the
    fits use `chosen` (default: the schema's `convention`)."""
    filled = defaults()
    merged = {**filled["conventions"], **(specs or {})}
    by_name = {name: Convention.from_config(name, spec) for name, spec in merged.items()}
    return Conventions(by_name, chosen or filled["convention"])
