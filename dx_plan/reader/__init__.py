"""Reading activity logs: files → plan-resolved Entries plus Problems.

Public API (others code against exactly this):

* `ReadLimits`, `ReadOptions` — bounds and extra checks;
* `ProblemLog` — counts every problem, keeps the first `keep` of each code per file,
  groups identical ones;
* `LogReader(catalog, options, problems).read(paths)` — streams Entries;
  `read_into(paths, sink)` feeds the engine; `count(paths)` only counts them;
  `rows_read` and `bytes_read` follow progress;
* `expand_paths(patterns)` — command-line globs → files.
"""

from __future__ import annotations

from .core import LogReader
from .options import ReadLimits, ReadOptions
from .paths import expand_paths
from .problems import ProblemLog

__all__ = ["LogReader", "ProblemLog", "ReadLimits", "ReadOptions", "expand_paths"]
