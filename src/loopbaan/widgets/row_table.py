"""A table of rows keyed by record id, with a row cursor: every list of the app.

Textual's DataTable renders each cell through Rich's layout (a Padding per cell,
~0.25 ms each) and measures its rows on idle, which costs a second layout pass:
a day step spent ~30 ms of its ~90 ms there. Here a row is rendered once, as one
strip, when it is first shown (~0.05 ms a cell), the columns are fitted to the
width at render time (so a resize or a scrollbar never rebuilds rows), and the
height is known as soon as the rows are set. Decision 0005 has the figures.

`columns` are `Column`s or (key, header, width) tuples; a column of width 0
gets a share of what the others leave. When the width is too small for every
flexible column's least width, the columns that say so are dropped, the highest
`drop` first, then fixed columns from the right: a column is shown whole or not
at all. Cells are text (`str` or
Rich `Text`, cut with an ellipsis when they say so) or any Rich renderable one
line high (a `Bar`). Text cells show their control characters written out
(`\\x1b`, loopbaan.safe): no title in any list reaches the terminal raw.
"""

from __future__ import annotations

from collections.abc import Sequence
from fractions import Fraction
from typing import ClassVar, Literal, NamedTuple

from rich.console import RenderableType
from rich.segment import Segment
from rich.style import Style
from rich.text import Span, Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.scroll_view import ScrollView
from textual.strip import Strip
from textual.widget import Widget

from loopbaan.i18n import N_
from loopbaan.safe import UNPRINTABLE, printable

Row = tuple[int, tuple[object, ...]]  # (record id, cells)

MIN_FLEX = 10  # a flexible column's least width unless it says otherwise


class Column(NamedTuple):
    """A column: fixed `width`, or (width 0) a `share` of what the fixed ones leave."""

    key: str
    header: object
    width: int = 0
    share: int = 1  # a flexible column's part of the width left, against the others'
    least: int = MIN_FLEX  # a flexible column never gets narrower than this
    most: int = 0  # nor wider than this (0: no limit)
    drop: int = 0  # too narrow for all: the highest `drop` goes first (0: never)


def fit_columns(columns: Sequence[Column], width: int, padding: int) -> tuple[int | None, ...]:
    """The width of each column in `width` cells, None for a column dropped.

    Droppable columns go, the highest `drop` first, while the flexible columns
    would get less than their least widths, and then fixed columns from the right
    (never the first); the flexible ones share the rest.
    """
    shown = list(columns)

    def fits() -> bool:
        return _rest(shown, width, padding) >= sum(c.least for c in shown if not c.width)

    for column in sorted((c for c in columns if c.drop), key=lambda c: -c.drop):
        if fits():
            break
        shown.remove(column)
    # Still too narrow: fixed columns go from the right, rather than be cut in half.
    fixed = [c for c in shown[1:] if c.width]
    while fixed and not fits():
        shown.remove(fixed.pop())
    rest = _rest(shown, width, padding)
    flexible = {c.key: c for c in shown if not c.width}
    shares: dict[str, int] = {}
    while flexible:  # share out the rest; a column held at its least or most leaves the sharing
        total = sum(c.share for c in flexible.values())
        wanted = {key: rest * c.share // max(total, 1) for key, c in flexible.items()}
        held = {
            key: max(c.least, min(wanted[key], c.most or wanted[key]))
            for key, c in flexible.items()
            if wanted[key] < c.least or (c.most and wanted[key] > c.most)
        }
        if not held:
            first = next(iter(wanted))
            wanted[first] += rest - sum(wanted.values())  # the rounding goes to the first
            shares.update(wanted)
            break
        shares.update(held)
        rest -= sum(held.values())
        for key in held:
            del flexible[key]
    return tuple(
        None if column not in shown else column.width or shares[column.key] for column in columns
    )


def printable_text(text: Text) -> Text:
    """`text` with its control characters written out, each in the style it had.

    Rich passes ESC, C1 and the bidi controls to the terminal as they are (it drops
    only BEL, BS, VT, FF and CR): a title could set the terminal's title or clear it.
    """
    cuts = sorted({cut for match in UNPRINTABLE.finditer(text.plain) for cut in match.span()})
    if not cuts:
        return text
    shown = text.blank_copy()
    for part in text.divide(cuts):
        part.style = ""  # the whole text's style is `shown`'s own
        if UNPRINTABLE.fullmatch(part.plain):
            escaped = printable(part.plain)
            part = Text(escaped, spans=[Span(0, len(escaped), span.style) for span in part.spans])
        shown.append_text(part)
    return shown


def _rest(columns: Sequence[Column], width: int, padding: int) -> int:
    """What the fixed columns and every column's padding leave of `width`."""
    return width - sum(c.width + 2 * padding for c in columns)


class RowTable(ScrollView, can_focus=True):
    """Rows of cells under a fixed header; the keys move a cursor over the rows."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", N_("Up"), show=False, id="list.up"),
        Binding("down", "cursor_down", N_("Down"), show=False, id="list.down"),
        Binding("pageup", "page_up", N_("Page up"), show=False, id="list.page_up"),
        Binding("pagedown", "page_down", N_("Page down"), show=False, id="list.page_down"),
        Binding("home", "first_row", N_("First"), show=False, id="list.first"),
        Binding("end", "last_row", N_("Last"), show=False, id="list.last"),
        Binding("enter", "select_row", N_("Open"), show=False, id="list.open"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "row-table--header",
        "row-table--cursor",
    }

    DEFAULT_CSS = """
    RowTable {
        background: $surface;
        color: $foreground;
        height: auto;
        max-height: 100%;
        overflow-x: hidden;
        &:focus {
            background-tint: $foreground 5%;
            & > .row-table--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
            & > .row-table--header {
                background-tint: $foreground 5%;
            }
        }
        & > .row-table--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        &:ansi > .row-table--header {
            background: ansi_bright_blue;
            color: ansi_default;
        }
        & > .row-table--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
    }
    """

    class _RowMessage(Message):
        def __init__(self, table: RowTable, row_id: int, cursor_row: int) -> None:
            super().__init__()
            self.table = table
            self.row_id = row_id
            self.cursor_row = cursor_row

        @property
        def control(self) -> RowTable:
            return self.table

    class RowHighlighted(_RowMessage):
        """The cursor moved to another row (by a key or the mouse, not by `set_rows`)."""

    class RowSelected(_RowMessage):
        """Enter, or a click, on a row."""

    cell_padding = 1  # spaces either side of a cell
    header_height = 1

    def __init__(
        self,
        columns: Sequence[Column | tuple[str, object, int]],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._spec = tuple(Column(*column) for column in columns)
        self._rows: list[Row] = []
        self.cursor_row = 0
        self.show_cursor = True
        # "css": the cursor's colours win over a cell's; "renderable": a cell keeps its own.
        self.cursor_foreground_priority: Literal["css", "renderable"] = "css"
        self._lines: dict[int, Strip] = {}  # rendered rows by index, for the current width
        self._header: Strip | None = None
        self._widths: tuple[int | None, ...] = ()

    # ------------------------------------------------------------------ rows

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def row_ids(self) -> list[int]:
        return [row_id for row_id, _cells in self._rows]

    @property
    def selected_id(self) -> int | None:
        """The id of the row under the cursor."""
        return self._rows[self.cursor_row][0] if self._rows else None

    @property
    def column_keys(self) -> list[str]:
        return [column.key for column in self._spec]

    @property
    def columns(self) -> tuple[Column, ...]:
        return self._spec

    @property
    def shown_column_keys(self) -> list[str]:
        """The columns the width has room for now."""
        widths = self._column_widths()
        shown = zip(self._spec, widths, strict=True)
        return [column.key for column, width in shown if width is not None]

    def column_width(self, key: str) -> int | None:
        """The width of a column now, None when there is no room for it."""
        return self._column_widths()[self.column_keys.index(key)]

    def get_row_at(self, index: int) -> tuple[object, ...]:
        return self._rows[index][1]

    def get_row(self, row_id: int) -> tuple[object, ...]:
        for key, cells in self._rows:
            if key == row_id:
                return cells
        raise KeyError(row_id)

    def get_column(self, key: str) -> list[object]:
        index = self.column_keys.index(key)
        return [cells[index] for _row_id, cells in self._rows]

    def set_rows(
        self, rows: Sequence[Row], selected: int | None, *, first: bool = False
    ) -> int | None:
        """Show these (id, cells) rows with the cursor on `selected`, or else on the
        row where it was (the first row with `first`).

        Returns the id now under the cursor. Posts no RowHighlighted: the caller
        already knows which row is highlighted.
        """
        ids = [row_id for row_id, _cells in rows]
        index = ids.index(selected) if selected in ids else (0 if first else self.cursor_row)
        self._rows = list(rows)
        self.cursor_row = max(0, min(index, len(ids) - 1))
        self._lines.clear()
        self.virtual_size = Size(0, self.header_height + len(ids))
        self._expect_scrollbar()
        self._scroll_to_cursor()
        self.refresh()
        return ids[self.cursor_row] if ids else None

    def _expect_scrollbar(self) -> None:
        """Show or hide the scrollbar in the layout these rows bring, not in the one
        after it: Textual decides on a scrollbar after a layout, which would show the
        new rows one frame without it and then again with it."""
        parent = self.parent
        if not self.size or not isinstance(parent, Widget) or not parent.size:
            return
        height = self.virtual_size.height
        limit: Fraction | int
        if self.styles.height is None or self.styles.height.is_auto:
            max_height = self.styles.max_height
            if max_height is None:
                return
            limit = max_height.resolve(parent.size, self.app.size)
        else:
            limit = self.size.height
        scrolls = height > limit and self.styles.overflow_y in ("auto", "scroll")
        if scrolls != self.show_vertical_scrollbar:
            self.show_vertical_scrollbar = scrolls

    def move_cursor(self, row: int) -> None:
        """Put the cursor on row `row` (clamped) and bring it into view."""
        row = max(0, min(row, len(self._rows) - 1))
        if row == self.cursor_row:
            return
        self._lines.pop(self.cursor_row, None)
        self._lines.pop(row, None)
        self.cursor_row = row
        self._scroll_to_cursor()
        self.refresh()

    def _scroll_to_cursor(self) -> None:
        visible = self.scrollable_content_region.height - self.header_height
        if visible <= 0:
            return
        top = round(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + visible:
            self.scroll_to(y=self.cursor_row - visible + 1, animate=False, immediate=True)

    # ------------------------------------------------------------------ keys and mouse

    def _move_by(self, rows: int) -> None:
        if self._rows:
            before = self.cursor_row
            self.move_cursor(self.cursor_row + rows)
            if self.cursor_row != before:
                self._post(self.RowHighlighted)

    def action_cursor_up(self) -> None:
        self._move_by(-1)

    def action_cursor_down(self) -> None:
        self._move_by(1)

    def action_page_up(self) -> None:
        self._move_by(-max(1, self.scrollable_content_region.height - self.header_height))

    def action_page_down(self) -> None:
        self._move_by(max(1, self.scrollable_content_region.height - self.header_height))

    def action_first_row(self) -> None:
        self._move_by(-self.cursor_row)

    def action_last_row(self) -> None:
        self._move_by(len(self._rows) - 1 - self.cursor_row)

    def action_select_row(self) -> None:
        if self._rows:
            self._post(self.RowSelected)

    def _post(self, message: type[_RowMessage]) -> None:
        self.post_message(message(self, self._rows[self.cursor_row][0], self.cursor_row))

    def on_click(self, event: events.Click) -> None:
        offset = event.get_content_offset(self)
        if offset is None or offset.y < self.header_height:
            return
        row = round(self.scroll_y) + offset.y - self.header_height
        if 0 <= row < len(self._rows):
            self._move_by(row - self.cursor_row)
            self.action_select_row()

    # ------------------------------------------------------------------ rendering

    def on_focus(self) -> None:
        self._forget_lines()

    def on_blur(self) -> None:
        self._forget_lines()

    def on_resize(self) -> None:
        self._forget_lines()
        self._scroll_to_cursor()

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._forget_lines()  # a theme or focus change: other colours

    def _forget_lines(self) -> None:
        self._lines.clear()
        self._header = None
        self.refresh()

    def _column_widths(self) -> tuple[int | None, ...]:
        widths = fit_columns(self._spec, self.scrollable_content_region.width, self.cell_padding)
        if widths != self._widths:
            self._widths = widths
            self._lines.clear()
            self._header = None
        return widths

    def render_line(self, y: int) -> Strip:
        widths = self._column_widths()
        width = self.scrollable_content_region.width
        base = self.rich_style
        if y < self.header_height:
            if self._header is None:
                header = self.get_component_rich_style("row-table--header")
                labels = [column.header for column in self._spec]
                self._header = self._strip(labels, widths, base + header)
            line = self._header
        else:
            index = round(self.scroll_y) + y - self.header_height
            if not 0 <= index < len(self._rows):
                return Strip.blank(width, base)
            cached = self._lines.get(index)
            if cached is None:
                cached = self._lines[index] = self._row_strip(index, widths, base)
            line = cached
        return line.crop_extend(0, width, base)  # narrower than the columns: cut on the right

    def _row_strip(self, index: int, widths: tuple[int | None, ...], base: Style) -> Strip:
        if index != self.cursor_row or not self.show_cursor:
            return self._strip(self._rows[index][1], widths, base)
        cursor = self.get_component_rich_style("row-table--cursor")
        if self.cursor_foreground_priority == "renderable":
            return self._strip(self._rows[index][1], widths, base + Style(bgcolor=cursor.bgcolor))
        return self._strip(self._rows[index][1], widths, base + cursor, over=cursor)

    def _strip(
        self,
        cells: Sequence[object],
        widths: Sequence[int | None],
        style: Style,
        over: Style | None = None,
    ) -> Strip:
        """One line: each cell cut or padded to its column, `over` on top of the cells' styles."""
        pad = Segment(" " * self.cell_padding)
        segments: list[Segment] = []
        for cell, width in zip(cells, widths, strict=False):
            if width is None:  # a column dropped for want of room
                continue
            segments.append(pad)
            segments.extend(self._cell(cell, width))
            segments.append(pad)
        return Strip(Segment.apply_style(segments, style, over))

    def _cell(self, cell: object, width: int) -> list[Segment]:
        console = self.app.console
        if isinstance(cell, str | int | float):
            cell = Text(printable(str(cell).replace("\n", " ")))
        if isinstance(cell, Text):
            text = cell.copy()
            if "\n" in text.plain:
                text = Text(" ").join(text.split("\n", allow_blank=True))
            text = printable_text(text)
            text.end = ""
            text.truncate(width, overflow="ellipsis" if cell.overflow == "ellipsis" else "crop")
            justify = cell.justify if cell.justify in ("center", "right") else "left"
            text.align(justify, width)
            segments = text.render(console)
            if text.style:  # Text.render leaves the text's own style to the caller
                return list(Segment.apply_style(segments, console.get_style(text.style)))
            return list(segments)
        renderable: RenderableType = cell  # type: ignore[assignment]
        options = console.options.update(width=width, height=1, no_wrap=True)
        lines = console.render_lines(renderable, options, pad=True)
        return lines[0] if lines else [Segment(" " * width)]
