"""Which text encoding a log file is in, decided from its bytes.

Order of evidence: a BOM (UTF-8, UTF-16); a known binary signature (PNG, ZIP,
PDF …), which is not text at all; NULs in every other byte (UTF-16 without
BOM); many control bytes (binary); then the first 64 KB: valid UTF-8 means
UTF-8, otherwise the legacy Vietnamese code page Windows-1258 (what Excel
assumes for a CSV that is not UTF-8).

Files are decoded in one pass with the `dxplan-mixed` error handler: a byte run
that is not UTF-8 inside a UTF-8 file (rows pasted from an old cp1258 file) is
read as Windows-1258 on the spot, so no row is read twice and none is silently
garbled.  Bytes that no encoding explains become U+FFFD and are counted.
"""

from __future__ import annotations

import codecs

from ..i18n import Msg, msg
from .problems import FileFailed

SNIFF_BYTES = 64 * 1024

OLD_OFFICE = msg("reader.looks.ole")  # an old .xls or .doc, or a password-protected .xlsx
_MAGIC: tuple[tuple[bytes, Msg, Msg | None], ...] = (
    (b"\x89PNG\r\n\x1a\n", msg("reader.looks.png"), None),
    (b"\xff\xd8\xff", msg("reader.looks.jpeg"), None),
    (b"GIF87a", msg("reader.looks.gif"), None),
    (b"GIF89a", msg("reader.looks.gif"), None),
    (b"%PDF", msg("reader.looks.pdf"), msg("reader.hint.pdf")),
    (b"PK\x03\x04", msg("reader.looks.zip"), msg("reader.hint.zip")),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", OLD_OFFICE,
     msg("reader.hint.save_xlsx_or_csv_utf8")),
    (b"\x1f\x8b", msg("reader.looks.gzip"), None),
    (b"Rar!\x1a\x07", msg("reader.looks.rar"), None),
    (b"7z\xbc\xaf\x27\x1c", msg("reader.looks.7z"), None),
    (b"\x7fELF", msg("reader.looks.program"), None),
    (b"{\\rtf", msg("reader.looks.rtf"), msg("reader.hint.save_csv_or_xlsx")),
)
# Control bytes that never appear in text (all but \t \n \v \f \r and ESC).
_CONTROL = frozenset([*range(0x00, 0x09), *range(0x0E, 0x1B), *range(0x1C, 0x20)])
# bytes.translate(None, delete=…) removes these, leaving only the control bytes.
_NOT_CONTROL = bytes(b for b in range(256) if b not in _CONTROL)


def magic_kind(head: bytes) -> tuple[Msg, Msg | None] | None:
    """(what it looks like, hint) when the bytes start with a known binary signature."""
    for magic, what, hint in _MAGIC:
        if head.startswith(magic):
            return what, hint
    return None


def _mostly_control(head: bytes) -> bool:
    first = head[:1024]
    return bool(first) and len(first.translate(None, delete=_NOT_CONTROL)) * 10 > len(first)


def _utf16_without_bom(head: bytes) -> str | None:
    """'utf-16-le'/'utf-16-be' when NULs sit at odd/even positions of the first 4 KB."""
    sample = head[:4096]
    half = len(sample) // 2
    if half < 2:
        return None
    even = sample[0::2].count(0)
    odd = sample[1::2].count(0)
    # ASCII in UTF-16 has a NUL in every other byte; Vietnamese letters (U+1Exx)
    # do not, so a third of the positions is already a strong signal.
    if odd * 3 >= half and even * 20 < half:
        return "utf-16-le"
    if even * 3 >= half and odd * 20 < half:
        return "utf-16-be"
    return None


def detect_encoding(head: bytes) -> str:
    """Encoding of a text file from its first bytes; FileFailed when it is not text."""
    if head.startswith(codecs.BOM_UTF8):
        return "utf-8-sig"
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    found = magic_kind(head)
    if found is None:
        utf16 = _utf16_without_bom(head)
        if utf16 is not None:
            return utf16
        if b"\x00" in head or _mostly_control(head):
            found = (msg("reader.looks.binary"), None)
    if found is not None:
        what, hint = found
        raise FileFailed("bad-file", msg("reader.file.not_text", what=what), hint=hint)
    try:
        codecs.getincrementaldecoder("utf-8")().decode(head, final=False)
        return "utf-8"
    except UnicodeDecodeError:
        pass
    # Not UTF-8.  If some of it *is* UTF-8 (multi-byte sequences decode), the file
    # mixes encodings: read it as UTF-8 and let `dxplan-mixed` take the rest as
    # cp1258.  Otherwise it is a Windows-1258 file through and through.
    replaced = head.decode("utf-8", errors="replace")
    if any(ch > "\x7f" and ch != "\ufffd" for ch in replaced):
        return "utf-8"
    try:
        head.decode("cp1258")
    except UnicodeDecodeError as exc:
        raise FileFailed(
            "bad-file",
            msg("reader.file.undecodable_byte", byte=f"0x{head[exc.start]:02x}",
                offset=exc.start),
            hint=msg("reader.hint.save_csv_utf8"),
        ) from None
    return "cp1258"


def decode_sample(head: bytes, encoding: str) -> str:
    """The decodable prefix of `head` (a multi-byte character cut at the end is dropped)."""
    decoder = codecs.getincrementaldecoder(encoding)(errors="dxplan-mixed")
    text: str = decoder.decode(head, final=False)
    if "\x00" in text:
        raise FileFailed("bad-file", msg("reader.file.nul"))
    return text


class Undecodable:
    """Bytes the `dxplan-mixed` handler could not decode (each shown as U+FFFD).

    Codec error handlers are registered process-wide by name, so this is a
    process-wide counter; a reader takes the difference over one file.  (Two
    readers interleaving files in one thread would share it: not a case here.)
    """

    count = 0


def _mixed(exc: UnicodeError) -> tuple[str, int]:
    """Codec error handler: a byte run that is not UTF-8 is read as Windows-1258."""
    if not isinstance(exc, UnicodeDecodeError):
        raise exc
    bad = bytes(exc.object[exc.start:exc.end])
    if exc.encoding.replace("-", "").replace("_", "").lower().startswith("utf8"):
        try:
            return bad.decode("cp1258"), exc.end
        except UnicodeDecodeError:
            pass
    Undecodable.count += len(bad)
    return "\ufffd" * len(bad), exc.end


codecs.register_error("dxplan-mixed", _mixed)
