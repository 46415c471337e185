"""The plan cache's files: pickles signed with a per-user secret, so a planted file never runs.

Unpickling runs whatever the file says, and the cache directory may be shared (a CI
cache, `DXPLAN_CACHE_DIR` on a team drive).  Every cache file therefore starts with
an HMAC-SHA256 of its pickle under a secret that lives outside the cache, in the
user's own configuration directory (created once, mode 0600, owned by the user).  A
file whose signature does not verify is never unpickled: the plan is rebuilt.  When
no secret can be kept (a read-only home), nothing is cached.
"""

from __future__ import annotations

import hashlib
import hmac
import os
import pickle
import stat
import tempfile
import unicodedata
from pathlib import Path

SECRET_BYTES = 32
MAX_BYTES = 64 * 1024 * 1024  # a cache file larger than this is not ours
_SIGNATURE = hashlib.sha256().digest_size
# The modules whose code decides what a cached catalog holds (how names are folded,
# how the plan classes look): a change to any of them must miss the cache.
_CODE = ("catalog.py", "loader.py", "models.py", "text.py")


def code_digest() -> str:
    """A digest of the code that builds the cached objects and of the Unicode tables it uses."""
    digest = hashlib.sha256(unicodedata.unidata_version.encode())
    here = Path(__file__).resolve().parent
    for name in _CODE:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()


def _secret_path() -> Path:
    base = os.environ.get("XDG_CONFIG_HOME") or os.path.join(os.path.expanduser("~"), ".config")
    return Path(base) / "dxplan" / "cache-key"


def secret() -> bytes | None:
    """The user's signing secret, created on first use; None where it cannot be trusted."""
    path = _secret_path()
    nofollow = getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, os.O_RDONLY | nofollow)
    except FileNotFoundError:
        return _new_secret(path)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(handle.fileno())
        owner = getattr(os, "geteuid", lambda: st.st_uid)()
        if st.st_uid != owner or st.st_mode & 0o077 or not stat.S_ISREG(st.st_mode):
            return None  # someone else could read or have written it
        key = handle.read(SECRET_BYTES + 1)
    return key if len(key) == SECRET_BYTES else None


def _new_secret(path: Path) -> bytes | None:
    """Create the secret whole: written to a private temporary file, then linked into place
    (a crash never leaves an empty key behind, and a racing process reads a complete one)."""
    key = os.urandom(SECRET_BYTES)
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".cache-key.")
    except OSError:
        return None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(key)  # mkstemp files are 0600
        os.link(tmp, path)
    except FileExistsError:
        return secret()  # another process made it first
    except OSError:
        return None
    finally:
        Path(tmp).unlink(missing_ok=True)
    return key


def _signature(key: bytes, path: Path, payload: bytes) -> bytes:
    """The HMAC of a payload bound to its file name (itself a digest of what it caches),
    so a signed file copied over another cache entry does not verify."""
    return hmac.new(key, path.name.encode() + b"\0" + payload, hashlib.sha256).digest()


def _read(path: Path) -> bytes | None:
    """A cache file's bytes: a regular file only (never a FIFO or a link), bounded."""
    flags = os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_NONBLOCK", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return None
    with os.fdopen(fd, "rb") as handle:
        st = os.fstat(handle.fileno())
        if not stat.S_ISREG(st.st_mode) or st.st_size > MAX_BYTES:
            return None
        return handle.read(MAX_BYTES + 1)


def load(path: Path) -> object | None:
    """The object pickled in a cache file, if its signature verifies; else None."""
    key = secret()
    data = _read(path) if key is not None else None
    if key is None or data is None:
        return None
    signature, payload = data[:_SIGNATURE], data[_SIGNATURE:]
    if not hmac.compare_digest(signature, _signature(key, path, payload)):
        return None
    value: object = pickle.loads(payload)
    return value


def store(path: Path, value: object) -> None:
    """Write `value` signed, atomically; a temporary file is removed on every failure."""
    key = secret()
    if key is None:
        return
    payload = pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    signature = _signature(key, path, payload)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".plan-", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(signature)
            handle.write(payload)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
