"""The conda environments in envs/ pin the same versions as pyproject.toml."""

from __future__ import annotations

import re
import tomllib

import yaml

from .conftest import ROOT


def _pins(requirements) -> dict[str, str]:
    pins = {}
    for requirement in requirements:
        match = re.fullmatch(r"([A-Za-z0-9_.-]+)==([^\s;]+)", requirement.strip())
        if match:
            pins[match.group(1).lower()] = match.group(2)
    return pins


def test_env_pins_match_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    pinned = _pins(project["dependencies"])
    assert all("==" in r for r in project["dependencies"]), "every runtime dependency is pinned"
    envs = sorted((ROOT / "envs").glob("*.yaml"))
    assert {e.stem for e in envs} == {"extract", "model", "report"}
    for env in envs:
        spec = yaml.safe_load(env.read_text())
        pip = next(d["pip"] for d in spec["dependencies"] if isinstance(d, dict) and "pip" in d)
        env_pins = _pins(pip)
        assert env_pins, env
        for name, version in env_pins.items():
            assert pinned.get(name) == version, f"{env.name}: {name}=={version}, pyproject has {pinned.get(name)}"
        assert any(line.startswith("-e") for line in pip), f"{env.name} installs the package itself"
