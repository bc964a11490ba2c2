"""Atomic writes: a killed job never leaves a half-written file at an output path, and a finished one survives a
crash of the machine (file and folder are synced before and after the rename)."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path


def _umask() -> int:
    """The process umask (os.umask can only be read by setting it: set it back at once)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _fsync(path: str | Path, directory: bool = False) -> None:
    fd = os.open(path, os.O_RDONLY | (os.O_DIRECTORY if directory else 0))
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def atomic_path(path: str | Path, suffix: str | None = None) -> Iterator[Path]:
    """A temporary path beside `path` (hidden, ending in `suffix`, default the target's) to write to; moved
    onto `path` only when the block succeeds, removed when it fails. The file gets the mode a plain open() would
    give (0666 less the umask; mkstemp's own is 0600)."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(prefix=f".{path.stem}.", suffix=path.suffix if suffix is None else suffix,
                                   dir=path.parent)  # fmt: skip
    try:
        os.fchmod(handle, 0o666 & ~_umask())
    finally:
        os.close(handle)
    try:
        yield Path(tmp)
        _fsync(tmp)
        os.replace(tmp, path)
        _fsync(path.parent, directory=True)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
