"""Command-line file arguments → the list of log files to read.

`glob.glob(recursive=True)` follows symlinked directories without remembering
where it has been: a directory holding two links to itself makes `**` walk 2ⁿ
paths and hang.  Patterns are therefore matched by a small walker that visits
each real directory once (by device and inode).
"""

from __future__ import annotations

import fnmatch
import glob
import os
from collections.abc import Sequence
from pathlib import Path

from ..errors import InputError
from ..i18n import msg


def expand_paths(patterns: Sequence[str]) -> list[Path]:
    """Files named by `patterns` (globs, `**` recursive), de-duplicated, sorted per pattern.

    A pattern matching no file, a missing file and a directory are InputErrors.
    Duplicates (also through symlinks) keep their first position.
    """
    out: list[Path] = []
    seen: set[str] = set()
    for pattern in patterns:
        # A name that exists is a file name even if it looks like a glob ("[v2].csv").
        if glob.has_magic(pattern) and not os.path.lexists(pattern):
            found = sorted(_glob(pattern))
            if not found:
                raise InputError(msg("reader.error.no_match", path=pattern))
        else:
            found = [pattern]
            if os.path.isdir(pattern):
                raise InputError(msg("reader.error.is_dir_example", path=pattern,
                                     example=os.path.join(pattern, "**", "*.csv")))
            if not os.path.lexists(pattern):
                raise InputError(msg("reader.error.not_found", path=pattern))
        for name in found:
            # realpath (not Path.resolve) never raises on a symlink loop in 3.11.
            real = os.path.realpath(name)
            if real not in seen:
                seen.add(real)
                out.append(Path(name))
    return out


def walk_tree(root: Path) -> tuple[list[Path], list[Path]]:
    """(regular files, symbolic links) under `root`, sorted, hidden names skipped; links are
    never followed.

    A submissions folder is other people's content: a committed link to `/` or to a
    file outside the folder must not make dxplan read (or walk) anything outside it.
    """
    files: list[Path] = []
    links: list[Path] = []
    for directory, subdirs, names in os.walk(root, followlinks=False):
        here = Path(directory)
        subdirs[:] = [d for d in subdirs if not d.startswith(".")]  # .git, .github: as glob
        links += [here / d for d in subdirs if os.path.islink(here / d)]
        for name in (n for n in names if not n.startswith(".")):
            path = here / name
            if os.path.islink(path):
                links.append(path)
            elif os.path.isfile(path):
                files.append(path)
    return sorted(files), sorted(links)


def _glob(pattern: str) -> list[str]:
    parts = Path(pattern).parts
    fixed = 0
    while fixed < len(parts) and not glob.has_magic(parts[fixed]):
        fixed += 1
    root = os.path.join(*parts[:fixed]) if fixed else ""
    wanted = parts[fixed:]
    results: list[str] = []
    visited: set[tuple[int, int]] = set()

    def walk(directory: str, rel: tuple[str, ...]) -> None:
        """Collect matches under `directory`, entering each real directory once."""
        try:
            st = os.stat(directory or ".")
        except OSError:
            return
        if (st.st_dev, st.st_ino) in visited:
            return  # reached again through a symlink: already walked
        visited.add((st.st_dev, st.st_ino))
        try:
            with os.scandir(directory or ".") as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError:
            return
        for entry in entries:
            names = (*rel, entry.name)
            path = os.path.join(directory, entry.name) if directory else entry.name
            try:
                is_dir = entry.is_dir()
            except OSError:
                is_dir = False
            if not is_dir and _match(names, wanted, prefix=False):
                results.append(path)
            if is_dir and _match(names, wanted, prefix=True):
                walk(path, names)

    walk(root, ())
    return results


def _match(names: tuple[str, ...], pats: tuple[str, ...], prefix: bool) -> bool:
    """Whether path components match glob components (`**` = any depth).

    With `prefix`, True when `names` could still be extended into a match
    (used to decide whether to descend into a directory).
    """
    if not names:
        return prefix or all(p == "**" for p in pats)
    if not pats:
        return False
    head = pats[0]
    if head == "**":
        if _match(names, pats[1:], prefix):
            return True
        return not _hidden(names[0], "*") and _match(names[1:], pats, prefix)
    return _component(names[0], head) and _match(names[1:], pats[1:], prefix)


def _hidden(name: str, pat: str) -> bool:
    # Like glob: wildcards do not match names starting with a dot unless the pattern does.
    return name.startswith(".") and not pat.startswith(".")


def _component(name: str, pat: str) -> bool:
    if not glob.has_magic(pat):
        return os.path.normcase(name) == os.path.normcase(pat)
    return not _hidden(name, pat) and fnmatch.fnmatch(name, pat)
