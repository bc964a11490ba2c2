"""Logging for workflow scripts: everything, tracebacks included, goes to the rule's log file."""

from __future__ import annotations

import logging
import sys


def to_file(path: str) -> logging.Logger:
    """Send Python logging and uncaught exceptions to `path` (the rule's log: file)."""
    logging.basicConfig(
        filename=path, filemode="w", level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s",
        force=True,
    )  # fmt: skip
    logger = logging.getLogger("computelimits")

    def hook(kind, value, traceback):
        logger.error("failed", exc_info=(kind, value, traceback))
        sys.__excepthook__(kind, value, traceback)

    sys.excepthook = hook
    return logger
