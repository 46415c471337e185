"""Text normalisation for matching names people type by hand.

Names arrive in NFC or NFD, with or without diacritics, in any case, with odd
punctuation ("H. Bến Lức", "Ben Luc", "TTVH-TT&TT Bến Lức").  `fold` maps all of
them to one key; `suggest` finds the closest known keys for "did you mean".
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

_NON_ALNUM = re.compile(r"[^0-9a-z]+")
# Characters that escape terminals or rich markup when printed: C0/C1 controls
# (ESC starts ANSI/OSC sequences) and the bidi overrides used to disguise text.
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# What XML 1.0 cannot hold at all (U+FFFE, U+FFFF, lone surrogates), besides controls.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def nfc(text: str) -> str:
    """Return `text` in Unicode NFC form (what Vietnamese keyboards should produce).

    Windows-1258 files and text pasted from PDFs write tones as combining marks.  The
    checks first are far cheaper than `normalize` on text that is already NFC.
    """
    if text.isascii() or unicodedata.is_normalized("NFC", text):
        return text
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Fold a name to a matching key: case, accents, đ, punctuation and spacing ignored."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    stripped = "".join(c for c in decomposed if not unicodedata.combining(c))
    stripped = stripped.replace("đ", "d").replace("ð", "d")
    return _NON_ALNUM.sub(" ", stripped).strip()


def suggest(word: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """Return up to `n` candidates close to `word`, best first (compared folded).

    Of two names with as many words, each word must start with the same letter: a typo
    rarely changes a word's first letter, while names that merely share letters ('tọa
    đàm' and 'tờ gấp') are different words, and suggesting one for the other misleads.
    """
    by_key: dict[str, str] = {}
    for cand in candidates:
        by_key.setdefault(fold(cand), cand)
    folded = fold(word)
    keys = difflib.get_close_matches(folded, list(by_key), n=n * 3, cutoff=0.6)
    return [by_key[k] for k in keys if _same_initials(folded, k)][:n]


def _same_initials(a: str, b: str) -> bool:
    words_a, words_b = a.split(), b.split()
    if len(words_a) != len(words_b):
        return True
    return all(x[0] == y[0] for x, y in zip(words_a, words_b, strict=True))


def safe_text(text: str) -> str:
    """Strip control characters (ANSI/OSC escapes, bidi overrides) from untrusted text."""
    return _UNSAFE.sub("", text)


def shown_url(url: str) -> str:
    """A URL as people may see it: no user name or password, no control or bidi characters."""
    text = safe_text(url.strip())
    scheme, sep, rest = text.partition("://")
    if not sep:
        return text
    end = next((i for i, ch in enumerate(rest) if ch in "/?#"), len(rest))
    authority, tail = rest[:end], rest[end:]
    if "@" in authority:
        authority = authority.rsplit("@", 1)[1]
    return f"{scheme}{sep}{authority}{tail}"


def xml_text(text: str) -> str:
    """`safe_text`, also without the characters XML 1.0 forbids (for JUnit and the like)."""
    return _NOT_XML.sub("\ufffd", _UNSAFE.sub("", text))
