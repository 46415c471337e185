"""The one message catalogue: every sentence a person reads, in Vietnamese and English.

A message is a `Msg`: a catalogue key and named parameters.  The core builds them
(a problem's message and hint, an error that stops a command) without choosing a
language; a renderer says them with `say(msg, lang)`.  The English text is also the
stable text of the JSON contract, built from the same template.  Parameters that are
themselves a `Msg` (a date's reason inside "cannot read date …"), a `OneOf` ("a, b or
c"), a date (ISO in English, dd/mm/yyyy in Vietnamese) or a `Span` of dates are said
in the same language as the sentence around them.

The tables live in `dx_plan.msgs` by area; keys are unique across them.
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from typing import Literal, TypeAlias

from .msgs import (
    ci,
    codes,
    config,
    errors,
    fix,
    help,
    plan,
    problems,
    report,
    template,
    ui,
    waivers,
)

Lang = Literal["vi", "en"]
LANG_ENV = "DXPLAN_LANG"


def _merge(*tables: dict[str, tuple[str, str]]) -> dict[str, tuple[str, str]]:
    merged: dict[str, tuple[str, str]] = {}
    for table in tables:
        twice = merged.keys() & table.keys()
        if twice:
            raise RuntimeError(f"message keys defined twice: {sorted(twice)}")
        merged.update(table)
    return merged


CATALOGUE: dict[str, tuple[str, str]] = _merge(
    ui.MESSAGES, report.MESSAGES, codes.MESSAGES, problems.MESSAGES, errors.MESSAGES,
    help.MESSAGES, plan.MESSAGES, template.MESSAGES, ci.MESSAGES, config.MESSAGES,
    waivers.MESSAGES, fix.MESSAGES)


@dataclass(frozen=True, slots=True)
class OneOf:
    """Alternatives said as "a, b or c" / "a, b hoặc c"."""

    items: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Span:
    """A range of days: "2024-02-01..2024-12-31" / "01/02/2024 – 31/12/2024"."""

    start: dt.date
    end: dt.date


Param: TypeAlias = "str | int | dt.date | Span | OneOf | Msg"


@dataclass(frozen=True, slots=True)
class Msg:
    """A sentence not yet said: its catalogue key and its parameters (hashable, so
    identical problems group by it)."""

    key: str
    params: tuple[tuple[str, Param], ...] = ()

    def __str__(self) -> str:
        return say(self, "en")


def msg(key: str, /, **params: Param) -> Msg:
    """The message `key` with `params` (the key must be in the catalogue)."""
    if key not in CATALOGUE:
        raise KeyError(f"no message '{key}' in the catalogue")
    return Msg(key, tuple(params.items()))


def resolve_lang(option: str | None) -> Lang:
    """The language: the option, else $DXPLAN_LANG, else Vietnamese."""
    value = (option or os.environ.get(LANG_ENV) or "vi").strip().lower()
    return "en" if value.startswith("en") else "vi"


def t(key: str, lang: Lang, /, **params: object) -> str:
    """The message `key` in `lang`, formatted with `params` (as given, no conversion)."""
    vi, en = CATALOGUE[key]
    text = en if lang == "en" else vi
    return text.format(**params) if params else text


def say(message: Msg, lang: Lang) -> str:
    """A `Msg` in `lang`: its template filled with its parameters said in `lang` too."""
    vi, en = CATALOGUE[message.key]
    text = en if lang == "en" else vi
    if not message.params:
        return text
    return text.format(**{name: _say_param(value, lang) for name, value in message.params})


def _say_param(value: Param, lang: Lang) -> str | int:
    if isinstance(value, Msg):
        return say(value, lang)
    if isinstance(value, OneOf):
        return _one_of(value.items, lang)
    if isinstance(value, Span):
        return (f"{value.start.isoformat()}..{value.end.isoformat()}" if lang == "en"
                else f"{day(value.start, lang)} – {day(value.end, lang)}")
    if isinstance(value, dt.date):
        return day(value, lang)
    return value


def day(value: dt.date, lang: Lang) -> str:
    """A date as people write it: ISO in English, dd/mm/yyyy in Vietnamese."""
    return value.isoformat() if lang == "en" else value.strftime("%d/%m/%Y")


def _one_of(items: tuple[str, ...], lang: Lang) -> str:
    if len(items) < 2:
        return "".join(items)
    word = " or " if lang == "en" else " hoặc "
    return ", ".join(items[:-1]) + word + items[-1]


def sentence(message: Msg, lang: Lang) -> str:
    """A message said as a sentence starts: its first letter capitalised."""
    text = say(message, lang)
    return text[:1].upper() + text[1:]


def problem_line(message: Msg, hint: Msg | None, lang: Lang) -> str:
    """Message and hint on one line: 'Thiếu ngày (Gợi ý: mỗi dòng cần …)'."""
    text = sentence(message, lang) if lang == "vi" else say(message, lang)
    return text + (f" ({t('hint', lang)}: {say(hint, lang)})" if hint else "")


def code_label(code: str, lang: Lang) -> str:
    """The short label of a problem code ('Thiếu giá trị bắt buộc')."""
    return t(f"code.{code}", lang) if f"code.{code}" in CATALOGUE else code
