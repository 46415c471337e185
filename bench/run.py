"""Benchmark of dxplan against the floors of its issue: ratios measured in one run.

Usage::

    python bench/run.py --rows 1000000 --xlsx-rows 100000
    python bench/run.py --rows 1000 --repeat 1 --out-dir /tmp/bench   # quick smoke run

Every command runs with its default options (only the output file is named), on a
clean log and on a "dirty" one whose every row draws a warning.

Every case runs as a child process; the cases run interleaved (one round of every
case, then the next round), and each reports the median wall time of ``--repeat``
rounds, its ratio to the floor of the same round set, and the peak RSS of the
child (``ru_maxrss`` from ``os.wait4``, per child, not cumulative).  The script
always exits 0: it measures, it does not judge, but it prints a ``TARGET MISSED``
line for every target the measurements miss.  See bench/README.md.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

HERE = Path(__file__).resolve().parent
PY = sys.executable
SMALL_ROWS = 100_000  # the .xlsx ratio target applies from this size

CSV_FLOOR = ("import csv, sys\n"
             "for row in csv.reader(open(sys.argv[1], newline='', encoding='utf-8')):\n"
             "    pass\n")
IMPORT_FLOOR = "import typer, rich, pydantic, yaml"
XLSX_FLOOR = ("import sys, openpyxl\n"
              "wb = openpyxl.load_workbook(sys.argv[1], read_only=True)\n"
              "for row in wb.worksheets[0].iter_rows(values_only=True):\n"
              "    pass\n")


@dataclass
class Run:
    """One child process run: wall seconds, peak RSS in KiB, exit status, output lines."""

    seconds: float
    maxrss_kib: int
    code: int
    lines: int = 0


@dataclass
class Case:
    """A command to time, with the floor it is compared to and its targets."""

    name: str
    argv: list[str]
    ok_codes: tuple[int, ...] = (0,)
    floor: str | None = None  # name of the floor case
    ratio: float | None = None  # target: at most this many times the floor
    goal: float | None = None
    rss_mib: float | None = None  # target: peak RSS at most this many MiB
    rss_goal: float | None = None
    max_lines: int | None = None  # target: at most this many lines of output
    runs: list[Run] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)

    def median(self) -> float:
        """Median wall seconds of the successful runs (NaN when none succeeded)."""
        good = [r.seconds for r in self.runs if r.code in self.ok_codes]
        return statistics.median(good) if good else float("nan")

    def peak_mib(self) -> float:
        """Largest peak RSS over the runs, in MiB."""
        return max((r.maxrss_kib for r in self.runs), default=0) / 1024


def dxplan_exe() -> str:
    """The installed `dxplan` console script next to this interpreter (else on PATH)."""
    here = Path(PY).parent / "dxplan"
    if here.exists():
        return str(here)
    found = shutil.which("dxplan")
    if not found:
        raise SystemExit("dxplan console script not found next to sys.executable nor on PATH")
    return found


def measure(argv: list[str], work: Path) -> Run:
    """Run ``argv`` once; wall time, this child's own peak RSS (os.wait4), stdout lines.

    Standard output goes to a file (as to a terminal or a CI log: never held in memory).
    """
    out_path, err_path = work / "stdout.txt", work / "stderr.txt"
    with out_path.open("wb") as out, err_path.open("wb") as err:
        start = time.perf_counter()
        proc = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)
        seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)  # already reaped: keep Popen quiet
    with out_path.open("rb") as out:
        lines = sum(chunk.count(b"\n") for chunk in iter(lambda: out.read(1 << 20), b""))
    return Run(seconds, usage.ru_maxrss, proc.returncode, lines)


def ensure_log(out_dir: Path, rows: int, seed: int, xlsx: bool = False,
               dirty: bool = False) -> Path:
    """The cached generated log for (rows, seed, kind), generating it on first use.

    bench/gen.py runs as a child so that this process stays small: on Linux a child's
    ``ru_maxrss`` starts from its parent's RSS at spawn (the vfork/exec accounting).
    """
    kind = "-dirty" if dirty else ""
    path = out_dir / f"log-{rows}-s{seed}{kind}.{'xlsx' if xlsx else 'csv'}"
    if not path.exists():
        start = time.perf_counter()
        cmd = [PY, str(HERE / "gen.py"), "--rows", str(rows), "--seed", str(seed),
               "--out", str(path)]
        subprocess.run(cmd + (["--xlsx"] if xlsx else []) + (["--dirty"] if dirty else []),
                       check=True)
        size = path.stat().st_size / 2**20
        print(f"generated {path} ({size:.1f} MiB) in {time.perf_counter() - start:.1f} s",
              file=sys.stderr)
    return path


def log_cases(dx: str, log: Path, tag: str, work: Path, big: bool) -> list[Case]:
    """The floor and every command on one log, each with its default options.

    Only the output file is named (``-o``); text output goes to the null device.
    """
    floor = f"floor csv.reader ({tag})"
    check_ratio = (3.0, 2.0) if big and "dirty" not in tag else (4.0, None) if big else (
        None, None)
    cases = [Case(floor, [PY, "-c", CSV_FLOOR, str(log)]),
             Case(f"check ({tag})", [dx, "check", str(log)], ok_codes=(0, 1, 2), floor=floor,
                  ratio=check_ratio[0], goal=check_ratio[1], rss_mib=100, rss_goal=64,
                  max_lines=300 if "dirty" in tag else None)]
    for fmt in ("text", "json", "junit", "sarif"):
        argv = [dx, "validate", str(log)]
        if fmt != "text":
            argv += ["--format", fmt, "--output", str(work / f"validate.{fmt}"), "--force"]
        cases.append(Case(f"validate {fmt} ({tag})", argv, ok_codes=(0, 1), floor=floor,
                          ratio=4.0 if big else None, rss_mib=100,
                          max_lines=300 if fmt == "text" else None))
    return cases


def build_cases(args: argparse.Namespace, out_dir: Path, work: Path) -> list[Case]:
    """Every floor and every dxplan case of this run."""
    dx = dxplan_exe()
    big = args.rows >= 1_000_000
    clean = ensure_log(out_dir, args.rows, args.seed)
    dirty = ensure_log(out_dir, args.rows, args.seed, dirty=True)
    tag = f"{args.rows:,} rows"
    cases = log_cases(dx, clean, tag, work, big) + log_cases(dx, dirty, f"{tag}, dirty", work, big)
    floor = f"floor csv.reader ({tag})"
    for fmt in ("html", "xlsx"):
        cases.append(Case(
            f"report --all {fmt} ({tag})",
            [dx, "report", str(clean), "--all", "--format", fmt, "--force",
             "--out-dir", str(work / f"report-{fmt}")],
            ok_codes=(0, 1, 2), floor=floor, ratio=5.0 if big else None, rss_mib=200))
    tiny = ensure_log(out_dir, 10, args.seed)
    cases.append(Case("floor import typer, rich, pydantic, yaml", [PY, "-c", IMPORT_FLOOR]))
    cases.append(Case(
        "startup (check, 10 rows)", [dx, "check", str(tiny)], ok_codes=(0, 1, 2),
        floor="floor import typer, rich, pydantic, yaml", ratio=2.0))
    if args.xlsx_rows:
        book = ensure_log(out_dir, args.xlsx_rows, args.seed, xlsx=True)
        tag = f"{args.xlsx_rows:,} rows"
        floor = f"floor openpyxl read-only ({tag})"
        cases.append(Case(floor, [PY, "-c", XLSX_FLOOR, str(book)]))
        cases.append(Case(
            f"xlsx check ({tag})", [dx, "check", str(book)], ok_codes=(0, 1, 2), floor=floor,
            ratio=3.0 if args.xlsx_rows >= SMALL_ROWS else None))
    return cases


def _target(limit: float | None, goal: float | None, unit: str) -> str:
    if limit is None:
        return "—"
    text = f"≤ {limit:g}{unit}"
    return f"{text} (goal {goal:g}{unit})" if goal is not None else text


def report(cases: list[Case]) -> list[str]:
    """Print the Markdown table; return the TARGET MISSED lines."""
    by_name = {c.name: c for c in cases}
    missed: list[str] = []
    print("| case | median s | ratio to floor | target | peak RSS MiB | target | lines | ok? |")
    print("|---|---:|---:|---|---:|---|---:|---|")
    for case in cases:
        med = case.median()
        ratio_text, ok = "—", True
        if case.floor is not None:
            base = by_name[case.floor].median()
            ratio = med / base if base > 0 else float("nan")
            ratio_text = f"{ratio:.2f}×"
            if case.ratio is not None and not ratio <= case.ratio:
                ok = False
                missed.append(f"TARGET MISSED: {case.name}: {ratio:.2f}× the floor "
                              f"(target ≤ {case.ratio:g}×)")
        lines = max((r.lines for r in case.runs), default=0)
        if case.max_lines is not None and lines > case.max_lines:
            ok = False
            missed.append(f"TARGET MISSED: {case.name}: {lines} lines of output "
                          f"(target ≤ {case.max_lines})")
        rss = case.peak_mib()
        if case.rss_mib is not None and rss > case.rss_mib:
            ok = False
            missed.append(f"TARGET MISSED: {case.name}: peak RSS {rss:.1f} MiB "
                          f"(target ≤ {case.rss_mib:g} MiB)")
        if case.errors:
            ok = False
            missed.append(f"TARGET MISSED: {case.name}: failed: {case.errors[0]}")
        targets = (case.ratio, case.rss_mib, case.max_lines)
        verdict = ("yes" if ok else "**NO**") if any(x is not None for x in targets) or (
            case.errors) else "—"
        print(f"| {case.name} | {med:.3f} | {ratio_text} | {_target(case.ratio, case.goal, '×')}"
              f" | {rss:.1f} | {_target(case.rss_mib, case.rss_goal, '')} | {lines} | {verdict} |")
    return missed


def prepare() -> str:
    """Compile dxplan's bytecode; say which dxplan runs.

    A regular `pip install` writes the .pyc files; an editable install under
    PYTHONDONTWRITEBYTECODE=1 would recompile every module on every run, which is
    not what users pay, so compile them first (as pip would).
    """
    probe = "import dx_plan, os; print(os.path.dirname(dx_plan.__file__))"
    out = subprocess.run([PY, "-c", probe], capture_output=True, text=True, check=True)
    package = out.stdout.strip()
    subprocess.run([PY, "-m", "compileall", "-q", package], check=True,
                   stdout=subprocess.DEVNULL)
    return f"dxplan package: {package} (pure Python)"


def main(argv: list[str] | None = None) -> int:
    """Command-line entry point; always 0."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=1_000_000, help="rows of the big CSV log")
    ap.add_argument("--repeat", type=int, default=5, help="rounds (the median is reported)")
    ap.add_argument("--xlsx-rows", type=int, default=0, help="also time an .xlsx of N rows")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out-dir", type=Path, default=HERE / "out",
                    help="cache of generated logs (default bench/out, gitignored)")
    ap.add_argument("--keep", action="store_true",
                    help="keep the reports dxplan wrote (in OUT_DIR/reports)")
    args = ap.parse_args(argv)
    args.out_dir.mkdir(parents=True, exist_ok=True)
    work = args.out_dir / "reports" if args.keep else Path(tempfile.mkdtemp(prefix="dxbench-"))
    work.mkdir(parents=True, exist_ok=True)
    try:
        print(prepare())
        cases = build_cases(args, args.out_dir, work)
        for _ in range(max(1, args.repeat)):
            for case in cases:  # interleaved: one run of every case per round
                run = measure(case.argv, work)
                case.runs.append(run)
                if run.code not in case.ok_codes:
                    tail = (work / "stderr.txt").read_text(errors="replace").strip()[-300:]
                    case.errors.append(f"exit {run.code}: {tail}")
        own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"\n{sys.implementation.name} {sys.version.split()[0]}, {os.cpu_count()} CPUs, "
              f"{max(1, args.repeat)} rounds, median wall time; peak RSS of a child "
              f"counts from this parent's {own:.1f} MiB at spawn\n")
        missed = report(cases)
        for line in missed:
            print(line)
    finally:
        if not args.keep:
            shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
