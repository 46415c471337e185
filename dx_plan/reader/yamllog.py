"""YAML logs: a list of entries, or `{unit: …, entries: [...]}` whose entries inherit the unit.

YAML logs are small and parsed whole with the safe loader of `yamlsafe`
(aliases, tags, depth and duplicate keys bounded); values become cell text the
row converter reads like CSV cells (dates as ISO).
"""

from __future__ import annotations

import unicodedata
from typing import IO, Any

from ..i18n import msg
from ..text import fold
from .cells import scalar_text
from .columns import column_of
from .encoding import SNIFF_BYTES, detect_encoding
from .options import ReadLimits
from .problems import FileFailed, show

YAML_SHAPE = msg("reader.yaml.shape")
_ENTRIES_KEYS = ("entries", "hoat dong")


def read_yaml_text(fh: IO[bytes], limits: ReadLimits) -> str:
    """The whole text of a YAML log (YAML logs are small; they are parsed in memory)."""
    head = fh.read(SNIFF_BYTES)
    if not head.strip():
        raise FileFailed("empty-file", msg("reader.file.empty"))
    fh.seek(0)
    raw = fh.read(limits.max_file_bytes + 1)
    # YAML is parsed whole, so the encoding is decided on all of it.
    encoding = detect_encoding(raw)
    try:
        return unicodedata.normalize("NFC", raw.decode(encoding))
    except UnicodeDecodeError as exc:
        raise FileFailed("bad-file",
                         msg("reader.file.cannot_decode", encoding=encoding, reason=exc.reason),
                         hint=msg("reader.hint.save_utf8")) from None


def yaml_items(data: Any) -> tuple[list[Any], tuple[str, ...], str]:
    """(entries, their location prefix, inherited unit) of a YAML log's data.

    FileFailed for an empty document or any shape other than a list of entries
    or a mapping `{unit: …, entries: [...]}`.
    """
    if data is None:
        raise FileFailed("empty-file", msg("reader.file.no_entries"))
    if isinstance(data, list):
        return data, (), ""
    if isinstance(data, dict):
        keys = [k for k in data if isinstance(k, str)]
        entries_key = next((k for k in keys if fold(k) in _ENTRIES_KEYS), None)
        unit_key = next((k for k in keys if column_of(k) == "unit"), None)
        if entries_key is not None and isinstance(data[entries_key], list | None):
            unit = yaml_text(data[unit_key]) if unit_key is not None else ""
            if unit is None:
                raise FileFailed("bad-file",
                                 msg("reader.yaml.not_single_unit", name=show(unit_key or "")))
            return data[entries_key] or [], (entries_key,), unit
    raise FileFailed("bad-file", YAML_SHAPE, hint=msg("reader.hint.yaml_shape"))


def yaml_text(value: Any, many: bool = False) -> str | None:
    """A YAML scalar as cell text (dates as ISO); a list only when `many`; else None."""
    text = scalar_text(value)
    if text is None and many and isinstance(value, list):
        parts = [scalar_text(v) for v in value]
        if all(p is not None for p in parts):
            return "; ".join(p for p in parts if p)
    return text
