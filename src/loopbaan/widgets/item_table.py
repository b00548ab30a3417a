"""A day's items as rows: kind, rating, task status, title, tags, times postponed."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date

from rich.text import Text
from textual import events
from textual.widget import Widget
from textual.widgets import DataTable

from loopbaan.domain import Item, Kind, Postponement, Rating, Reason, Status
from loopbaan.i18n import N_, _
from loopbaan.widgets.dates import day_month, short_day
from loopbaan.widgets.goal_table import FittedTable

# The kind marks are the prefixes that make the kind when adding (`!task`, `@talk`).
KIND_MARK = {Kind.ACTIVITY: "•", Kind.APPOINTMENT: "@", Kind.TASK: "!"}
RATING_MARK = {Rating.PLUS: "+", Rating.MINUS: "−", Rating.NEUTRAL: "0", None: "·"}
STATUS_LABEL = {Status.OPEN: N_("open"), Status.DONE: N_("done"), Status.DROPPED: N_("dropped")}
REASON_LABEL = {
    Reason.UNCLEAR: N_("unclear"),
    Reason.TOO_BIG: N_("too big"),
    Reason.NO_TIME: N_("no time"),
    Reason.WAITING: N_("waiting"),
    Reason.DISLIKE: N_("dislike"),
    Reason.UNSURE: N_("unsure"),
    Reason.SKILLS: N_("skills"),
    Reason.OTHER: N_("other"),
}

_TRAILING_TAGS = re.compile(r"(?:\s+#[\w-]+)+$")


def title_without_trailing_tags(title: str) -> str:
    """`Sprint demo #work #demo` → `Sprint demo`: the tags have a column of their own.

    Tags inside the sentence stay, they are part of what it says.
    """
    stripped = _TRAILING_TAGS.sub("", title)
    return stripped or title


class ItemTable(FittedTable):
    """Items keyed by id; `with_day` adds the day each was planned for (earlier days)."""

    DEFAULT_CSS = """
    ItemTable {
        height: auto;
        background: $surface;
    }
    """

    def __init__(self, *, with_day: bool = False, id: str | None = None) -> None:
        columns = [
            ("kind", " ", 1),
            ("rating", "±", 1),
            ("status", _("Status"), 10),
            ("title", _("Title"), 0),
            ("tags", _("Tags"), 14),
            ("postponed", "↷", 3),
        ]
        if with_day:
            columns.insert(0, ("day", _("Planned"), 10))
        super().__init__(columns, id=id)
        self.with_day = with_day
        self._shown: tuple[object, ...] = ((), {}, None, None)  # what the rows were made from
        self._waiting_for_width = False  # rows are kept until the columns can be fitted
        self._width = 0  # at the last resize
        self._colours: tuple[str, Mapping[str, str]] = ("", {})

    def on_mount(self) -> None:
        # Textual runs FittedTable.on_mount (the columns) too: handlers follow the MRO.
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._restyle())

    def on_resize(self, event: events.Resize) -> None:
        # Textual runs FittedTable.on_resize after this: it fits the columns and adds
        # the rows kept by `show` when the width changed; here when it did not.
        if self._waiting_for_width:
            self._waiting_for_width = False
            if self._flex_width() == self._flex:
                self.set_rows(self._rows, None, first=True)
            self.refresh_bindings()  # the keys that act on a row can be used now
        elif event.size.width == self._width:
            # Only taller or shorter (a day with more rows): no cell changes, but
            # DataTable's own handler would forget every rendered cell, and the
            # rows just rendered would be rendered again (~30 ms a day step).
            event.prevent_default()
        self._width = event.size.width

    def _restyle(self) -> None:
        """Colours come from the theme: make the rows again in the new one."""
        items, moved, today, _theme = self._shown
        if today is not None:
            self.show(items, today, self.selected_id, moved=moved)  # type: ignore[arg-type]

    def show(
        self,
        items: Sequence[Item],
        today: date,
        selected: int | None,
        *,
        moved: Mapping[int, Postponement] | None = None,
        first: bool = False,
    ) -> int | None:
        """Show these items with the cursor on `selected` (or where it was).

        `moved` holds the items postponed away from the day shown, by id; they are
        shown dimmed with where they went and why. Returns the id under the cursor.
        """
        moved = dict(moved or {})
        shown = (tuple(items), moved, today, self.app.theme)
        if shown == self._shown:  # moving a day often keeps a list: keep the table then
            return self._move_cursor_to(selected, first)
        self._shown = shown
        colours = self._theme_colours()
        rows = [(item.id, self._cells(item, today, moved.get(item.id), colours)) for item in items]
        if not self.size.width:
            # Not laid out yet: rows added now would be rendered at a guessed width,
            # then made and rendered again when the columns are fitted on resize.
            self._rows = rows
            self._waiting_for_width = True
            return None
        selected = self.set_rows(rows, selected, first=first)
        if self._expect_scrollbar(len(rows)) and self._flex_width() != self._flex:
            # Fit the columns now to the scrollbar these rows bring or take away, not
            # after the next layout: the rows would be made and rendered twice.
            with self.prevent(DataTable.RowHighlighted):
                self.clear(columns=True)
                self._add_columns()
            selected = self.set_rows(rows, selected)
        return selected

    def _expect_scrollbar(self, rows: int) -> bool:
        """Expect the scrollbar that `rows` rows need (from the maximum height) when
        it is not the one shown; the next layout confirms or corrects it."""
        max_height, parent = self.styles.max_height, self.parent
        if max_height is None or not isinstance(parent, Widget) or not parent.size:
            return False
        limit = max_height.resolve(parent.size, self.app.size)
        scrolls = self.header_height + rows > limit
        if scrolls == self.show_vertical_scrollbar:
            return False
        self.show_vertical_scrollbar = scrolls
        return True

    def _theme_colours(self) -> Mapping[str, str]:
        """The theme's colours, worked out once per theme (~1 ms each time)."""
        theme = self.app.theme
        if self._colours[0] != theme:
            self._colours = (theme, self.app.get_css_variables())
        return self._colours[1]

    def _move_cursor_to(self, selected: int | None, first: bool) -> int | None:
        ids = [row_id for row_id, _cells in self._rows]
        if not ids:
            return None
        index = ids.index(selected) if selected in ids else (0 if first else self.cursor_row)
        if index != self.cursor_row:
            with self.prevent(DataTable.RowHighlighted):
                self.move_cursor(row=index)
        return ids[self.cursor_row]

    def _cells(
        self,
        item: Item,
        today: date,
        move: Postponement | None,
        colours: Mapping[str, str],
    ) -> tuple[object, ...]:
        dim = "dim" if move or item.status is Status.DROPPED else ""
        rating_style = {
            Rating.PLUS: f"bold {colours.get('text-success', '')}",
            Rating.MINUS: f"bold {colours.get('text-error', '')}",
            Rating.NEUTRAL: "bold",
            None: "dim",
        }[item.rating]
        title = Text(
            title_without_trailing_tags(item.title),
            style="dim strike" if item.status is Status.DROPPED else dim,
            overflow="ellipsis",
            no_wrap=True,
        )
        if move is not None:
            status = Text("→ " + day_month(move.to_day), style="dim")
            title.append(f" · {_(REASON_LABEL[move.reason])}", style="dim italic")
        elif item.is_task:
            status_style = {
                Status.OPEN: f"{colours.get('text-warning', '')}",
                Status.DONE: f"{colours.get('text-success', '')}",
                Status.DROPPED: "dim",
            }[item.status]
            status = Text(_(STATUS_LABEL[item.status]), style=status_style)
        else:
            status = Text("")
        tags = Text(
            " ".join(f"#{tag}" for tag in item.tags),
            style=f"{colours.get('text-accent', '')} {dim}".strip(),
            overflow="ellipsis",
            no_wrap=True,
        )
        cells: list[object] = [
            Text(KIND_MARK[item.kind], style=f"bold {dim}".strip()),
            Text(RATING_MARK[item.rating], style=rating_style),
            status,
            title,
            tags,
            Text(f"{item.postponed}×" if item.postponed else "", style=dim, justify="right"),
        ]
        if self.with_day:
            cells.insert(0, Text(short_day(item.day, today), style="dim"))
        return tuple(cells)
