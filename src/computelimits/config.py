"""Config checks with messages a user can act on: the file, the key path and what is wrong."""

from __future__ import annotations

import difflib
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

from .hardware import DEFAULT_CONVENTIONS, Convention


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


def check_config(config: dict, schema_path: str | Path, source=None) -> None:
    """Raise ConfigError with every schema violation, naming the config file(s) and key paths."""
    schema = yaml.safe_load(Path(schema_path).read_text())
    files = ", ".join(str(s) for s in (source or ["config"]))
    errors = sorted(Draft202012Validator(schema).iter_errors(config), key=lambda e: list(e.absolute_path))
    problems = [_message(e, schema) for e in errors]
    conventions = {**DEFAULT_CONVENTIONS, **config.get("conventions", {})}
    chosen = config.get("convention", "thompson")
    if isinstance(chosen, str) and chosen not in conventions:
        problems.append(f"key 'convention': '{chosen}' is not one of {sorted(conventions)}")
    model = config.get("model", {})
    if (
        isinstance(model, dict)
        and model.get("main")
        and model.get("variants")
        and model["main"] not in model["variants"]
    ):
        problems.append(f"key 'model.main': '{model['main']}' is not among model.variants {model['variants']}")
    if problems:
        raise ConfigError(f"{files}: invalid config:\n  " + "\n  ".join(problems))


def conventions_from_config(specs: dict | None) -> dict[str, Convention]:
    """The named conventions: built-in ones, overridden or extended by config `conventions`."""
    result = dict(DEFAULT_CONVENTIONS)
    for name, spec in (specs or {}).items():
        result[name] = Convention.from_config(name, spec)
    return result
