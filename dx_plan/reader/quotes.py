"""Whether a physical line leaves a CSV record inside a quoted field.

The reader needs this where csv.reader cannot tell it: after a line too long to
parse, or a field too large, it must know whether the next lines are the rest of
a quoted field (to be skipped and reported) or rows of their own (to be read).
Counting every `"` on the line is wrong: `say "hi` in an unquoted field is a
literal quote, as csv.reader reads it.  `QuoteScan` follows csv.reader's states
(a quote opens a field only at its start; `""` inside a quoted field is a quote),
jumping from quote to quote with `str.find`, so an ordinary line costs a few C
calls.  Past `EXACT_QUOTES` quotes on one line it falls back to counting them:
a pathological line of quotes must stay linear and fast.
"""

from __future__ import annotations

from enum import Enum

EXACT_QUOTES = 4096  # quotes followed one by one per line; beyond, parity counting


class State(Enum):
    """csv.reader's parser states that matter for quoting."""

    FIELD_START = 0
    IN_FIELD = 1
    QUOTED = 2
    QUOTE_IN_QUOTED = 3  # inside a quoted field, right after a quote


class QuoteScan:
    """Feed one physical line, in pieces; `inside` then says if it ended in quotes."""

    def __init__(self, delimiter: str, inside: bool) -> None:
        self.delimiter = delimiter
        self.state = State.QUOTED if inside else State.FIELD_START
        self.steps = 0

    @property
    def inside(self) -> bool:
        """True when the line read so far leaves the record inside a quoted field."""
        return self.state is State.QUOTED

    def feed(self, piece: str) -> None:
        """Advance over `piece`, the next part of the current physical line."""
        pos, end = 0, len(piece)
        while pos < end:
            if self.steps >= EXACT_QUOTES:
                self._count_rest(piece, pos)
                return
            self.steps += 1
            pos = self._step(piece, pos)

    def _step(self, piece: str, pos: int) -> int:
        """Take one state transition from `pos`; return where to continue."""
        state = self.state
        if state is State.QUOTED:
            found = piece.find('"', pos)
            if found < 0:
                return len(piece)
            self.state = State.QUOTE_IN_QUOTED
            return found + 1
        char = piece[pos]
        if state is State.QUOTE_IN_QUOTED:
            self.state = (State.QUOTED if char == '"' else
                          State.FIELD_START if char == self.delimiter else State.IN_FIELD)
            return pos + 1
        if state is State.FIELD_START and char == '"':
            self.state = State.QUOTED
            return pos + 1
        found = piece.find(self.delimiter + '"', pos)
        if found < 0:
            self.state = State.FIELD_START if piece.endswith(self.delimiter) else State.IN_FIELD
            return len(piece)
        self.state = State.QUOTED
        return found + 2

    def _count_rest(self, piece: str, pos: int) -> None:
        """Parity counting for the rest of a pathological line.

        Right after a quote inside a quoted field, that quote has closed the field
        unless the next one escapes it, which the count then toggles back.
        """
        quoted = self.state is State.QUOTED
        if piece.count('"', pos) & 1:
            quoted = not quoted
        self.state = State.QUOTED if quoted else State.IN_FIELD


def ends_inside(line: str, delimiter: str, inside: bool) -> bool:
    """Whether `line`, begun inside a quoted field or not, ends inside one."""
    scan = QuoteScan(delimiter, inside)
    scan.feed(line)
    return scan.inside
