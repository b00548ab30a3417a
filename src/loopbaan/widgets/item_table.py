"""A day's items as rows: kind, rating, task status, title as typed, times postponed."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date

from rich.text import Text

from loopbaan.domain import Item, Postponement, Rating, Status
from loopbaan.i18n import _
from loopbaan.labels import KIND_MARK, RATING_MARK, REASON_LABEL, STATUS_LABEL
from loopbaan.safe import printable
from loopbaan.store.items import TAG_PATTERN
from loopbaan.widgets.dates import day_month, short_day
from loopbaan.widgets.row_table import Column, RowTable


def title_text(title: str, tags: Sequence[str], style: str, tag_style: str) -> Text:
    """The title as typed (control characters written out), its `#tags` in `tag_style`;
    a tag it does not mention (one imported, say) follows it, so that no tag goes unseen."""
    text = Text(printable(title), style=style, overflow="ellipsis", no_wrap=True)
    text.highlight_regex(TAG_PATTERN, tag_style)
    mentioned = {match.group(0)[1:].casefold() for match in TAG_PATTERN.finditer(title)}
    for tag in tags:
        if tag.casefold() not in mentioned:
            text.append(f" #{printable(tag)}", style=tag_style)
    return text


class ItemTable(RowTable):
    """Items keyed by id; `with_day` adds the day each was planned for (earlier days)."""

    def __init__(self, *, with_day: bool = False, id: str | None = None) -> None:
        # The tags are in the title as typed: no column of their own, the title
        # gets the width.
        columns = [
            Column("kind", " ", 1),
            Column("rating", "±", 1),
            Column("status", _("Status"), 10),
            Column("title", _("Title"), least=16),
            Column("postponed", "↷", 3),
        ]
        if with_day:
            columns.insert(0, Column("day", _("Planned"), 10))
        super().__init__(columns, id=id)
        self.with_day = with_day
        # What the rows were made from: items, moved, today, theme.
        self._shown: tuple[tuple[Item, ...], dict[int, Postponement], date | None, str | None]
        self._shown = ((), {}, None, None)
        self._colours: tuple[str, Mapping[str, str]] = ("", {})

    def on_mount(self) -> None:
        self.app.theme_changed_signal.subscribe(self, lambda _theme: self._restyle())

    def _restyle(self) -> None:
        """Colours come from the theme: make the rows again in the new one."""
        items, moved, today, _theme = self._shown
        if today is not None:
            self.show(items, today, self.selected_id, moved=moved)

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
        if shown == self._shown:  # moving a day often keeps a list: keep its rows then
            ids = self.row_ids
            if selected in ids:
                self.move_cursor(ids.index(selected))
            elif first:
                self.move_cursor(0)
            return self.selected_id
        self._shown = shown
        colours = self._theme_colours()
        rows = [(item.id, self._cells(item, today, moved.get(item.id), colours)) for item in items]
        return self.set_rows(rows, selected, first=first)

    def _theme_colours(self) -> Mapping[str, str]:
        """The theme's colours, worked out once per theme (~1 ms each time)."""
        theme = self.app.theme
        if self._colours[0] != theme:
            self._colours = (theme, self.app.get_css_variables())
        return self._colours[1]

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
        title = title_text(
            item.title,
            item.tags,
            "dim strike" if item.status is Status.DROPPED else dim,
            f"{colours.get('text-accent', '')} {dim}".strip(),
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
        cells: list[object] = [
            Text(KIND_MARK[item.kind], style=f"bold {dim}".strip()),
            Text(RATING_MARK[item.rating], style=rating_style),
            status,
            title,
            Text(f"{item.postponed}×" if item.postponed else "", style=dim, justify="right"),
        ]
        if self.with_day:
            cells.insert(0, Text(short_day(item.day, today), style="dim"))
        return tuple(cells)
