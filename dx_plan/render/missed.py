"""Missed periods as people read them: runs, not lists of labels.

"Tuần 14 (01/04–07/04)", "Tuần 14–52 (39 tuần)", "01/04–31/12 (275 ngày)", "Tháng 3–5/2024":
a unit 39 weeks behind reads one phrase, not "2024-W14, 2024-W15, … (+35)".  JSON keeps
every label; this is for tables, Markdown and reports.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from ..i18n import Lang, t
from ..result import RuleResult

RUNS_SHOWN = 4  # runs named in full; the rest counted

_WORDS = {
    "week": ("Tuần {a}–{b} ({n} tuần)", "Weeks {a}–{b} ({n} weeks)"),
    "weeks_years": ("Tuần {a}/{ya}–{b}/{yb} ({n} tuần)", "Weeks {a}/{ya}–{b}/{yb} ({n} weeks)"),
    "months_years": ("Tháng {a}/{ya}–{b}/{yb}", "Months {ya}-{a:02d} to {yb}-{b:02d}"),
    "week1": ("Tuần {a} ({start}–{end})", "Week {a} ({start} to {end})"),
    "day": ("{start}–{end} ({n} ngày)", "{start} to {end} ({n} days)"),
    "month": ("Tháng {a}–{b}/{year}", "Months {a}–{b} of {year}"),
    "month1": ("Tháng {a}/{year}", "{year}-{a:02d}"),
    "quarter": ("Quý {roman}/{year}", "Q{q} {year}"),
    "more": (" … và {n} kỳ khác", " … and {n} more"),
}
ROMAN = ("I", "II", "III", "IV")


def _say(key: str, lang: Lang, **values: object) -> str:
    vi, en = _WORDS[key]
    return (vi if lang == "vi" else en).format(**values)


def _short(day: dt.date, lang: Lang) -> str:
    return day.strftime("%d/%m") if lang == "vi" else day.strftime("%m-%d")


def _full(day: dt.date, lang: Lang) -> str:
    return day.strftime("%d/%m/%Y") if lang == "vi" else day.isoformat()


def _key(label: str, per: str | None) -> int | None:
    """A number that grows by one from a period to the next, or None (not a run)."""
    if per == "week" and "-W" in label:
        year, week = label.split("-W")
        return dt.date.fromisocalendar(int(year), int(week), 1).toordinal() // 7
    if per == "day" and len(label) == 10:
        return dt.date.fromisoformat(label).toordinal()
    if per == "month" and len(label) == 7:
        return int(label[:4]) * 12 + int(label[5:7])
    return None


def runs(labels: Sequence[str], per: str | None) -> list[list[str]]:
    """Consecutive periods grouped: [[W14, W15, W16], [W20]]."""
    out: list[list[str]] = []
    previous: int | None = None
    for label in labels:
        key = _key(label, per)
        if out and key is not None and previous is not None and key == previous + 1:
            out[-1].append(label)
        else:
            out.append([label])
        previous = key
    return out


def run_text(run: list[str], per: str | None, lang: Lang) -> str:
    """One run in words."""
    first, last = run[0], run[-1]
    if per == "week" and "-W" in first:
        monday = dt.date.fromisocalendar(int(first[:4]), int(first.split("W")[1]), 1)
        if len(run) == 1:
            return _say("week1", lang, a=first.split("W")[1], start=_short(monday, lang),
                        end=_short(monday + dt.timedelta(days=6), lang))
        if first[:4] != last[:4]:  # across the new year: say both years
            return _say("weeks_years", lang, a=first.split("W")[1], ya=first[:4],
                        b=last.split("W")[1], yb=last[:4], n=len(run))
        return _say("week", lang, a=first.split("W")[1], b=last.split("W")[1], n=len(run))
    if per == "day" and len(first) == 10:
        start, end = dt.date.fromisoformat(first), dt.date.fromisoformat(last)
        if len(run) == 1:
            return start.strftime("%d/%m/%Y") if lang == "vi" else first
        if start.year != end.year:  # across the new year: full dates
            return _say("day", lang, start=_full(start, lang), end=_full(end, lang), n=len(run))
        return _say("day", lang, start=_short(start, lang), end=_short(end, lang), n=len(run))
    if per == "month" and len(first) == 7:
        if len(run) == 1:
            return _say("month1", lang, a=int(first[5:7]), year=first[:4])
        if first[:4] != last[:4]:
            return _say("months_years", lang, a=int(first[5:7]), ya=first[:4], b=int(last[5:7]),
                        yb=last[:4])
        return _say("month", lang, a=int(first[5:7]), b=int(last[5:7]), year=first[:4])
    if per == "quarter" and "-Q" in first:
        return ", ".join(_say("quarter", lang, roman=ROMAN[int(q[-1]) - 1], q=q[-1], year=q[:4])
                         for q in run)
    if len(first) == 10 and lang == "vi":  # a deadline's date
        return dt.date.fromisoformat(first).strftime("%d/%m/%Y")
    return ", ".join(run)


def missed_runs(labels: Sequence[str], per: str | None, lang: Lang,
                shown: int = RUNS_SHOWN) -> str:
    """'Tuần 07 (12/02–18/02); Tuần 10–13 (4 tuần)', the first `shown` runs, then a count."""
    grouped = runs(labels, per)
    text = "; ".join(run_text(run, per, lang) for run in grouped[:shown])
    rest = sum(len(run) for run in grouped[shown:])
    return text + (_say("more", lang, n=rest) if rest else "")


def missed_text(result: RuleResult, lang: Lang = "en") -> str:
    """The missed periods as runs ('Tuần 07 (12/02–18/02); Tuần 10–13 (4 tuần)'), and for
    a district judged with its communes, how many of them met."""
    text = missed_runs(result.missed, result.per, lang)
    if result.waived:
        waived = waived_text(result, lang)
        text = f"{text}; {waived}" if text else waived
    if result.children is not None:
        children = t("check.children", lang, met=result.children_met, total=result.children)
        text = f"{text}; {children}" if text else children
    return text


def waived_text(result: RuleResult, lang: Lang) -> str:
    """'miễn Tuần 10–11 (2 tuần), lý do: …': the periods waivers excused, and why."""
    return t("waiver.missed", lang, periods=missed_runs(result.waived, result.per, lang),
             reason=result.waived_reason)
