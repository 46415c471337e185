"""The plan cache never unpickles a file it did not sign, and misses when its code changes."""

from __future__ import annotations

import os
import pickle
import stat
from pathlib import Path

import pytest

from dx_plan import loader, plan_cache
from dx_plan.loader import load_catalog

MARKER = "dxplan-cache-pwned"


class Planted:
    """Unpickling this runs code: it creates a marker file."""

    def __init__(self, marker: Path) -> None:
        self.marker = marker

    def __reduce__(self) -> tuple[object, tuple[str, int]]:
        return (os.open, (str(self.marker), os.O_CREAT | os.O_WRONLY))


@pytest.fixture()
def dirs(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("DXPLAN_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.delenv("DXPLAN_NO_CACHE", raising=False)
    monkeypatch.setattr(loader, "_LOADED", {})  # as in a new process: the disk cache is read
    return tmp_path


def cache_file() -> Path:
    path = loader.resolve_plan_path(None)
    cache = loader._cache_file(path, path.read_bytes())
    assert cache is not None
    return cache


def test_a_planted_pickle_is_never_run(dirs: Path) -> None:
    cache = cache_file()
    cache.parent.mkdir(parents=True)
    marker = dirs / MARKER
    # Unsigned, and signed with a key that is not the user's: neither is unpickled.
    for data in (pickle.dumps(Planted(marker)), b"\0" * 32 + pickle.dumps(Planted(marker))):
        cache.write_bytes(data)
        catalog = load_catalog()
        assert not marker.exists()
        assert catalog.units.lookup("h-ben-luc").item is not None
    # The rebuilt plan replaced the planted file with a signed one, which loads.
    assert load_catalog().plan == catalog.plan


def test_the_secret_is_the_users_alone(dirs: Path) -> None:
    load_catalog()
    key = dirs / "config" / "dxplan" / "cache-key"
    assert stat.S_IMODE(key.stat().st_mode) == 0o600 and len(key.read_bytes()) == 32
    assert plan_cache.secret() == key.read_bytes()
    key.chmod(0o644)  # readable by others: no longer trusted, nothing cached or loaded
    assert plan_cache.secret() is None
    assert plan_cache.load(cache_file()) is None


def test_a_tampered_cache_is_rebuilt(dirs: Path) -> None:
    built = load_catalog()
    cache = cache_file()
    data = bytearray(cache.read_bytes())
    data[-1] ^= 1
    cache.write_bytes(bytes(data))
    assert plan_cache.load(cache) is None
    assert load_catalog().plan == built.plan


def test_the_code_that_builds_the_catalog_is_part_of_the_key(
        dirs: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = cache_file()
    monkeypatch.setattr(loader, "code_digest", lambda: "another fold()")
    assert cache_file() != before
    assert len(plan_cache.code_digest()) == 64


def test_a_failed_write_leaves_no_temporary_file(dirs: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    def full(*args: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", full)
    with pytest.raises(OSError):
        plan_cache.store(dirs / "cache" / "x.pickle", {"a": 1})
    assert list((dirs / "cache").iterdir()) == []


def test_a_signed_entry_copied_over_another_does_not_verify(dirs: Path) -> None:
    plan_cache.store(dirs / "cache" / "plan-a.pickle", {"plan": "a"})
    plan_cache.store(dirs / "cache" / "plan-b.pickle", {"plan": "b"})
    (dirs / "cache" / "plan-b.pickle").write_bytes((dirs / "cache" / "plan-a.pickle").read_bytes())
    assert plan_cache.load(dirs / "cache" / "plan-a.pickle") == {"plan": "a"}
    assert plan_cache.load(dirs / "cache" / "plan-b.pickle") is None


def test_a_fifo_or_link_in_the_cache_is_not_read(dirs: Path) -> None:
    cache = dirs / "cache"
    cache.mkdir()
    os.mkfifo(cache / "plan-fifo.pickle")  # reading it would block forever
    assert plan_cache.load(cache / "plan-fifo.pickle") is None
    (cache / "plan-zero.pickle").symlink_to("/dev/zero")  # reading it would never end
    assert plan_cache.load(cache / "plan-zero.pickle") is None
