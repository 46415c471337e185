"""Opening log files: which format, and whether the path can be read at all.

A path that cannot be used because of how it was *named or given* (missing, a
directory, a FIFO, too large, an unknown extension) raises InputError before
any reading; a file whose *content* is broken raises FileFailed inside the
format readers (`delimited`, `excel`, `yamllog`), which the reader records as
a problem before moving on to the next file.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path
from typing import IO

from ..entries import Problem
from ..errors import InputError
from ..i18n import Msg, OneOf, msg
from .delimited import Report
from .options import ReadLimits
from .problems import ProblemLog

FORMATS = {
    ".csv": "text", ".tsv": "text", ".txt": "text",
    ".yaml": "yaml", ".yml": "yaml",
    ".xlsx": "xlsx", ".xlsm": "xlsx",
}
KNOWN_TYPES = OneOf(tuple(FORMATS))  # ".csv, .tsv, … or .xlsm"

def file_format(path: Path) -> str:
    """'text', 'yaml' or 'xlsx' from the extension; InputError for any other."""
    ext = path.suffix.lower()
    fmt = FORMATS.get(ext)
    if fmt is not None:
        return fmt
    if ext == ".xls":
        raise InputError(msg("reader.error.xls", path=str(path)))
    if not ext:
        raise InputError(msg("reader.error.no_extension", path=str(path), types=KNOWN_TYPES))
    raise InputError(msg("reader.error.unsupported_type", path=str(path), ext=ext,
                         types=KNOWN_TYPES))


def check_file(path: Path, limits: ReadLimits) -> int:
    """Size of a readable regular file; InputError (without opening it) for anything else."""
    try:
        st = os.stat(path)
    except FileNotFoundError:
        raise InputError(msg("reader.error.not_found", path=str(path))) from None
    except OSError as exc:
        raise InputError(cannot_read(path, exc)) from None
    _check_stat(path, st, limits)
    return st.st_size


def _check_stat(path: Path, st: os.stat_result, limits: ReadLimits) -> None:
    if stat.S_ISDIR(st.st_mode):
        raise InputError(msg("reader.error.is_dir_example", path=str(path),
                             example=f"{path}/*.csv"))
    if not stat.S_ISREG(st.st_mode):
        # FIFOs and devices would block or never end; they are never opened.
        raise InputError(msg("reader.error.not_regular", path=str(path)))
    if st.st_size > limits.max_file_bytes:
        raise InputError(msg("reader.error.too_large", path=str(path), size=st.st_size,
                             limit=limits.max_file_bytes))


def open_file(path: Path, limits: ReadLimits) -> tuple[IO[bytes], int]:
    """Open a regular file for binary reading, re-checking it after opening.

    The path may have been swapped for a FIFO since `check_file`; opening with
    O_NONBLOCK cannot hang on one, and fstat of the open descriptor is the truth.
    """
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError:
        raise InputError(msg("reader.error.not_found", path=str(path))) from None
    except OSError as exc:
        if os.path.isdir(path):
            raise InputError(msg("reader.error.is_dir", path=str(path))) from None
        raise InputError(cannot_read(path, exc)) from None
    try:
        st = os.fstat(fd)
        _check_stat(path, st, limits)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb"), st.st_size


def cannot_read(path: Path, exc: OSError) -> Msg:
    """'<path>: cannot read: <the system's reason>'."""
    return msg("reader.error.cannot_read", path=str(path), reason=str(exc.strerror or exc))


def report_to(problems: ProblemLog, file: str) -> Report:
    """A `report(line, code, message, hint)` callable adding error Problems for `file`."""

    def report(line: int | None, code: str, message: Msg, hint: Msg | None) -> None:
        """Record an error Problem at `line` of the file."""
        problems.add(Problem(file, line, "error", code, message, hint=hint))

    return report
