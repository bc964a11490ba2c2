"""Logging for workflow scripts: everything, tracebacks included, goes to the rule's log file."""

from __future__ import annotations

import logging
import sys


def to_file(path: str) -> logging.Logger:
    """Send Python logging and stderr (so uncaught tracebacks and warnings) to `path`, the rule's log: file.

    stderr is redirected rather than hooking sys.excepthook, because PyTensor replaces that hook on import.
    The workflow profile sets show-failed-logs, so a failure still prints the log on the console.
    """
    stream = open(path, "w", buffering=1, encoding="utf-8")  # noqa: SIM115 - lives as long as the script
    sys.stderr = stream
    logging.basicConfig(
        stream=stream,
        level=logging.INFO,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        force=True,
    )
    for noisy in ("pytensor", "arviz", "matplotlib", "fontTools", "pdfminer", "h5py"):
        logging.getLogger(noisy).setLevel(logging.WARNING)
    return logging.getLogger("computelimits")
