"""Writing reports: atomically, never over an input, never over a file without --force.

A regular file (or a path that does not exist yet) is written to a temporary file beside
it and renamed into place, so a reader never sees half a report; the new file gets the
mode of the file it replaces, or the user's umask.  Anything else the user names (the
null device, /dev/stdout, a FIFO) is written directly: it cannot be renamed over, and
replacing a device node with a regular file would break the system.  A symlink to a
regular file stays a symlink; its target is replaced.
"""

from __future__ import annotations

import os
import stat
import tempfile
from collections.abc import Iterable
from pathlib import Path

from .errors import OutputError
from .i18n import Msg, msg


def _same(a: Path, b: Path) -> bool:
    try:
        return a.resolve() == b.resolve() or (a.exists() and b.exists() and a.samefile(b))
    except OSError:
        return False


def _umask() -> int:
    """The process's umask (read by setting it and putting it back)."""
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _existing(path: Path, force: bool) -> os.stat_result | None:
    """What `path` is now (following symlinks), or None; OutputError where it cannot be used."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        if not force and os.path.islink(path):  # a link to nothing is still a name taken
            raise OutputError(msg("out.exists", path=str(path))) from None
        return None
    except OSError as exc:
        raise OutputError(_cannot_write(path, exc)) from None
    if stat.S_ISDIR(st.st_mode):
        raise OutputError(msg("out.is_dir", path=str(path)))
    if not force and stat.S_ISREG(st.st_mode):
        raise OutputError(msg("out.exists", path=str(path)))
    return st


def check_output(path: Path, force: bool, inputs: Iterable[Path] = ()) -> None:
    """OutputError now, before a long run, if `path` could not be written (an input, an
    existing file without `force`, a directory); a device or a pipe is fine."""
    for source in inputs:
        if _same(path, source):
            raise OutputError(msg("out.is_input", path=str(path)))
    _existing(path, force)


def write_atomic(path: Path, data: str | bytes, inputs: Iterable[Path] = (),
                 force: bool = True) -> None:
    """Write `data` to `path` via a temp file and rename; refuse to replace an input.

    With `force=False` an existing file is an error (the `report` command's rule).
    """
    for source in inputs:
        if _same(path, source):
            raise OutputError(msg("out.is_input", path=str(path)))
    payload = data.encode("utf-8") if isinstance(data, str) else data
    st = _existing(path, force)
    if st is not None and not stat.S_ISREG(st.st_mode):
        _write_through(path, payload)
        return
    target = Path(os.path.realpath(path)) if st is not None else path
    parent = target.parent if str(target.parent) else Path(".")
    if not parent.is_dir():
        raise OutputError(msg("out.no_dir", path=str(parent)))
    # Permission bits only: a setuid or sticky bit is never carried over to new content.
    mode = st.st_mode & 0o777 if st is not None else 0o666 & ~_umask()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=parent)
    except OSError as exc:
        raise OutputError(_cannot_write(path, exc)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException as exc:  # a full disk, Ctrl-C, SIGTERM: never leave the temp file
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(_cannot_write(path, exc)) from None
        raise


def _write_through(path: Path, payload: bytes) -> None:
    """Write to a device, FIFO or other non-regular file directly (it cannot be replaced)."""
    try:
        with open(path, "wb") as handle:
            handle.write(payload)
    except OSError as exc:
        raise OutputError(_cannot_write(path, exc)) from None


def _cannot_write(path: Path, exc: OSError) -> Msg:
    """'<path>: cannot write: <the system's reason>'."""
    return msg("out.cannot_write", path=str(path), reason=str(exc.strerror or exc))


def check_targets(directory: Path, names: list[str], force: bool) -> None:
    """OutputError when `directory` is a file or, without `force`, a target exists."""
    if directory.exists() and not directory.is_dir():
        raise OutputError(msg("out.not_dir", path=str(directory)))
    if force:
        return
    existing = [name for name in names if (directory / name).exists()]
    if existing:
        first = str(directory / existing[0])
        raise OutputError(msg("out.exists_more", path=first, more=len(existing) - 1)
                          if len(existing) > 1 else msg("out.exists", path=first))
