"""QuoteScan follows csv.reader's quoting, so a literal quote never hides rows."""

from __future__ import annotations

import csv
import io

import pytest

from dx_plan.reader import quotes
from dx_plan.reader.quotes import QuoteScan, ends_inside


@pytest.mark.parametrize("line,inside,expected", [
    ('a,b,c\n', False, False),
    ('a,say "hi,c\n', False, False),          # a quote inside an unquoted field is literal
    ('a,"open\n', False, True),               # opens at the start of a field
    ('"open\n', False, True),                 # ... or of the line
    ('a,"x""y",c\n', False, False),           # "" inside a quoted field is a quote
    ('a,"x""\n', False, True),                # escaped quote, field still open
    ('a,"done",b,"again\n', False, True),
    ('rest of it\n', True, True),             # a line inside a quoted field
    ('end" here,b\n', True, False),           # closes it
    ('end"",b\n', True, True),                # only an escaped quote: still open
    ('x,y",z\n', True, False),
])
def test_ends_inside(line: str, inside: bool, expected: bool) -> None:
    assert ends_inside(line, ",", inside) is expected


@pytest.mark.parametrize("text", ['a,say "hi\nb,c\n', 'a,"x\ny",z\nq,r\n',
                                  'a,"x""\ny",z\n', '"a",b\nc,"d\n\ne"\nf\n'])
def test_agrees_with_csv_reader_on_records(text: str) -> None:
    # Split `text` where csv.reader ends records; the scan must say "outside" exactly
    # at those line ends and "inside" at the others.
    records = list(csv.reader(io.StringIO(text), strict=True))
    inside = False
    ends = 0
    for line in text.splitlines(keepends=True):
        inside = ends_inside(line, ",", inside)
        ends += not inside
    assert ends == len(records)


def test_pieces_split_anywhere_give_the_same_answer() -> None:
    line = 'a,b"c,"d""e",f,"g\n'
    for cut in range(1, len(line)):
        scan = QuoteScan(",", inside=False)
        scan.feed(line[:cut])
        scan.feed(line[cut:])
        assert scan.inside is True, cut


def test_a_line_of_quotes_falls_back_to_counting(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(quotes, "EXACT_QUOTES", 10)
    scan = QuoteScan(",", inside=False)
    scan.feed(',"' * 1001)  # 1,001 quotes: past the exact budget, odd → inside
    assert scan.inside is True
    assert scan.steps == 10


def test_the_fallback_starts_from_the_right_state() -> None:
    # A closed field of 3,000 escaped quotes: past the exact budget the scan counts, and
    # must start counting from "the field just closed", as csv.reader reads it.
    line = '"' + '""' * 3000 + "x" * 10 + '",b\n'
    assert list(csv.reader(io.StringIO(line))) == [['"' * 3000 + "x" * 10, "b"]]
    assert ends_inside(line, ",", inside=False) is False
