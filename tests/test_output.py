"""Files in and out: outputs keep the umask, a file's mode, devices and symlinks; failing inputs."""

from __future__ import annotations

import errno
import os
import stat
import tempfile
from pathlib import Path

import pytest

from dx_plan.errors import OutputError
from dx_plan.output import write_atomic


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_a_new_file_gets_the_users_umask(tmp_path: Path) -> None:
    old = os.umask(0o077)
    try:
        write_atomic(tmp_path / "private.json", "{}\n")
        os.umask(0o022)
        write_atomic(tmp_path / "shared.json", "{}\n")
    finally:
        os.umask(old)
    # 0o666 less the umask: 0o600 under 077, 0o644 under 022.
    assert (mode(tmp_path / "private.json"), mode(tmp_path / "shared.json")) == (0o600, 0o644)
    assert (tmp_path / "private.json").read_text() == "{}\n"


def test_a_replaced_file_keeps_its_mode(tmp_path: Path) -> None:
    path = tmp_path / "report.html"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o640)
    write_atomic(path, "new")
    assert (path.read_text(encoding="utf-8"), mode(path)) == ("new", 0o640)
    assert [p.name for p in tmp_path.iterdir()] == ["report.html"]  # no temp file left


def test_the_null_device_is_written_not_replaced() -> None:
    before = os.stat(os.devnull)
    write_atomic(Path(os.devnull), "x" * 1000)
    after = os.stat(os.devnull)
    assert stat.S_ISCHR(after.st_mode) and after.st_rdev == before.st_rdev


def test_a_fifo_is_written_through(tmp_path: Path) -> None:
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    reader = os.open(fifo, os.O_RDONLY | os.O_NONBLOCK)  # a reader, so opening cannot block
    try:
        write_atomic(fifo, "through the pipe")
        assert os.read(reader, 100) == b"through the pipe"
    finally:
        os.close(reader)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)


def test_a_symlink_stays_and_its_target_is_replaced(tmp_path: Path) -> None:
    target = tmp_path / "real.txt"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    write_atomic(link, "new")
    assert link.is_symlink() and target.read_text(encoding="utf-8") == "new"


def test_a_read_only_file_system_is_a_one_line_error(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    def read_only(*args: object, **kwargs: object) -> tuple[int, str]:
        raise OSError(errno.EROFS, os.strerror(errno.EROFS))

    monkeypatch.setattr(tempfile, "mkstemp", read_only)
    with pytest.raises(OutputError) as caught:
        write_atomic(tmp_path / "out.json", "{}")
    assert str(caught.value) == f"{tmp_path / 'out.json'}: cannot write: Read-only file system"


def test_a_directory_an_input_and_an_existing_file_without_force_are_refused(
        tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a directory"):
        write_atomic(tmp_path, "x")
    log = tmp_path / "log.csv"
    log.write_text("date,unit,channel\n", encoding="utf-8")
    with pytest.raises(OutputError, match="refusing to overwrite an input file"):
        write_atomic(log, "x", inputs=[log])
    with pytest.raises(OutputError, match="already exists; pass --force"):
        write_atomic(log, "x", force=False)
    assert log.read_text(encoding="utf-8") == "date,unit,channel\n"


def test_an_input_that_fails_to_read_is_a_file_problem(tmp_path: Path) -> None:
    # /proc/self/mem stats as a regular file, then fails with EIO on the first read.
    if not Path("/proc/self/mem").exists():
        pytest.skip("no /proc")
    from dx_plan.loader import load_catalog
    from dx_plan.reader import LogReader, ProblemLog

    link = tmp_path / "mem.csv"
    link.symlink_to("/proc/self/mem")
    problems = ProblemLog()
    assert LogReader(load_catalog(), problems=problems).read([link]) == []
    assert [(p.line, p.code, str(p.message)) for p in problems.problems] == [
        (None, "bad-file", "cannot read the file: Input/output error")]


def test_an_interrupted_write_leaves_no_temporary_file(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(*args: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_atomic(tmp_path / "big.json", "{}")
    assert list(tmp_path.iterdir()) == []


@pytest.mark.slow
def test_sigterm_ends_a_run_like_ctrl_c(tmp_path: Path) -> None:
    import shutil
    import signal
    import subprocess
    import sys
    import time

    exe = Path(sys.executable).parent / "dxplan"
    dxplan = str(exe) if exe.exists() else shutil.which("dxplan")
    if dxplan is None:
        pytest.skip("the dxplan console script is not installed")
    log = tmp_path / "log.csv"  # long enough to still be running a second after the start
    log.write_text("date,unit,channel\n" + "05/03/2024,h-ben-luc,zalo\n" * 500_000,
                   encoding="utf-8")
    proc = subprocess.Popen([dxplan, "check", str(log), "--lang", "en", "-f", "json",
                             "-o", str(tmp_path / "out.json")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    time.sleep(1.0)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 1:
        pytest.skip("the run finished before the signal")
    assert (proc.returncode, err) == (
        130, "Interrupted; no half-written file was left behind.\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["log.csv"]


def test_special_bits_are_not_carried_over_and_a_dangling_link_is_a_taken_name(
        tmp_path: Path) -> None:
    path = tmp_path / "tool"
    path.write_text("old", encoding="utf-8")
    path.chmod(0o4755)
    write_atomic(path, "new")
    assert mode(path) == 0o755
    link = tmp_path / "dangling.json"
    link.symlink_to(tmp_path / "nowhere.json")
    with pytest.raises(OutputError, match="already exists; pass --force"):
        write_atomic(link, "{}", force=False)
    assert link.is_symlink()
