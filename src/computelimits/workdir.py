"""A runnable copy of the workflow (for tests, benchmarks and scratch directories on a cluster)."""

from __future__ import annotations

import shutil
from pathlib import Path

WORKFLOW_FILES = ("Snakefile", "workflow", "config", "resources", "profiles", "src", "envs", "pyproject.toml")


def copy_workflow(source: str | Path, target: str | Path, skip_config: bool = False) -> Path:
    """Copy the files the workflow needs from checkout `source` into `target`: no results, logs or downloads."""
    source, target = Path(source), Path(target)
    target.mkdir(parents=True, exist_ok=True)
    for name in WORKFLOW_FILES:
        if skip_config and name == "config":
            continue
        path = source / name
        if path.is_dir():
            shutil.copytree(path, target / name, ignore=shutil.ignore_patterns("pdfs", "downloads", "__pycache__"))
        elif path.exists():
            shutil.copy2(path, target / name)
    return target
