"""A bar chart as a table: one row per thing counted, Rich's `Bar` beside the figures.

The bars share one scale (the largest value, or one given so that two charts
compare), fill the width the other columns leave, and take their colour from
the theme through a component class, so every theme works.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from rich.bar import Bar
from rich.color import Color
from rich.text import Text

from loopbaan.i18n import _
from loopbaan.widgets.row_table import Column, RowTable

BAR_COLUMN = "bar"
BAR_LEAST = 6  # a narrower bar says little: columns that may go go first


class BarRow(NamedTuple):
    id: int  # the row key: a goal id, or just the position
    label: object  # str or rich Text
    value: float  # the length of the bar
    cells: tuple[object, ...] = ()  # the figures after the bar


def _bar(value: float, scale: float, color: Color | None) -> Bar:
    # bgcolor None lets the row's background, and the cursor, show behind the bar.
    return Bar(scale, 0, max(value, 0), color=color or "default", bgcolor=None)  # type: ignore[arg-type]


def _figure(cell: object) -> object:
    """Figures line up on the right; anything already styled stays as it is."""
    return Text(str(cell), justify="right") if isinstance(cell, str | int | float) else cell


class BarTable(RowTable):
    """Rows of label, bar, figures.

    `columns` are the `Column`s, or (key, header, width), of the label and of the
    figures; the bar goes between them and gets the width that is left. Figures
    are right-aligned.
    """

    COMPONENT_CLASSES = {"bar-table--bar"}
    DEFAULT_CSS = """
    BarTable {
        /* the scrollbar's room is kept even without one, so the columns never shift */
        scrollbar-gutter: stable;
    }
    BarTable > .bar-table--bar {
        color: $primary;
    }
    BarTable.-good > .bar-table--bar {
        color: $success;
    }
    BarTable.-bad > .bar-table--bar {
        color: $error;
    }
    BarTable.-warn > .bar-table--bar {
        color: $warning;
    }
    """

    def __init__(
        self,
        columns: Sequence[Column | tuple[str, str, int]],
        *,
        id: str | None = None,
        classes: str = "",
    ) -> None:
        label, *figures = (Column(*column) for column in columns)
        figures = [
            # a header may be a msgid of a table made at import (N_): translated here
            figure._replace(header=Text(_(str(figure.header)), justify="right"))
            for figure in figures
        ]
        super().__init__([label, Column(BAR_COLUMN, "", least=BAR_LEAST), *figures], id=id)
        if classes:
            self.add_class(*classes.split())
        self.cursor_foreground_priority = "renderable"  # the bar keeps its colour under the cursor
        self.bars: list[BarRow] = []  # what is shown: for the screen, and for tests
        self._scale: float | None = None

    def on_mount(self) -> None:
        self.show_cursor = False  # until focused: the cursor would hide the first bar's colour
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._redraw())

    def on_focus(self) -> None:
        self.show_cursor = True

    def on_blur(self) -> None:
        self.show_cursor = False

    def show(self, rows: Sequence[BarRow], *, scale: float | None = None) -> None:
        """Show these rows; the bars run from 0 to `scale` (default: the largest value)."""
        self.bars = list(rows)
        self._scale = scale
        self._redraw()

    def _redraw(self) -> None:
        scale = max(self._scale or max((row.value for row in self.bars), default=0), 1e-9)
        color = self.get_component_rich_style("bar-table--bar", partial=True).color
        self.set_rows(
            [
                (row.id, (row.label, _bar(row.value, scale, color), *map(_figure, row.cells)))
                for row in self.bars
            ],
            self.selected_id,
        )
