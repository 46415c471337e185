"""Writing reports: atomically, never over an input, never over a file without --force."""

from __future__ import annotations

import os
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def write_atomic(path: Path, data: str | bytes, inputs: Iterable[Path] = (),
                 force: bool = True) -> None:
    """Write `data` to `path` via a temp file and rename; refuse to replace an input.

    With `force=False` an existing file is an error (the `report` command's rule).
    """
    for source in inputs:
        if _same(path, source):
            raise OutputError(f"{path}: refusing to overwrite an input file; choose another name")
    if path.exists() and path.is_dir():
        raise OutputError(f"{path}: is a directory; give a file name")
    if not force and path.exists():
        raise OutputError(f"{path}: already exists; pass --force to replace it")
    parent = path.parent if str(path.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(f"{parent}: directory does not exist")
    payload = data.encode("utf-8") if isinstance(data, str) else data
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise OutputError(f"{path}: cannot write: {exc.strerror or exc}") from None
