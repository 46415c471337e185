"""Rich tables for the terminal.  Every cell is a `Text`, never markup: titles and
names from submissions are untrusted and must print literally."""

from __future__ import annotations

import io
from collections.abc import Sequence

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from ..text import safe_text

STATUS_STYLE = {
    "met": ("✔", "green"),
    "behind": ("▲", "yellow"),
    "missing": ("✘", "red"),
    "missed": ("✘", "red"),
    "open": ("…", "cyan"),
    "waived": ("○", "blue"),
    "not-applicable": ("–", "dim"),
    "short": ("▲", "yellow"),
}


def cell(value: object, style: str = "") -> Text:
    """A literal table cell (control characters stripped, markup not interpreted)."""
    return Text(safe_text("" if value is None else str(value)), style=style)


def simple_table(title: str | None, header: Sequence[str], rows: Sequence[Sequence[object]],
                 right: Sequence[int] = (), nowrap: Sequence[int] = ()) -> Table:
    """A plain listing table."""
    table = Table(title=cell(title) if title else None, show_lines=False, expand=False)
    for index, name in enumerate(header):
        table.add_column(cell(name), justify="right" if index in right else "left",
                         overflow="fold", no_wrap=index in nowrap)
    for row in rows:
        table.add_row(*(c if isinstance(c, Text) else cell(c) for c in row))
    return table


def whole_words(table: Table) -> None:
    """Give each column at least its longest word, so rich never breaks a word
    ("Thàn / h / phố") on a narrow terminal; long lines wrap between words."""
    for column in table.columns:
        words = [w for c in column.cells for w in str(c).split()] + str(column.header).split()
        column.min_width = max((len(w) for w in words), default=1)


def render_to_text(renderables: Sequence[RenderableType], width: int) -> str:
    """Render to plain text at a fixed width (used for files and tests)."""
    buf = io.StringIO()
    console = Console(width=width, color_system=None, force_terminal=False, file=buf,
                      legacy_windows=False)
    console.print(Group(*renderables))
    return buf.getvalue()
