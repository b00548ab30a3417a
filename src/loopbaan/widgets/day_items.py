"""The item side of the daily review: the day's list, what earlier days left, or the first-run note.

Two lists: the day shown (its items, and the tasks postponed away from it,
dimmed) and "From earlier days" (open tasks planned before it, unrated items of
the week before). The screen's keys act on the focused list's highlighted row.
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from loopbaan.domain import Item, Postponement
from loopbaan.i18n import N_, _, ngettext
from loopbaan.store.today import Earlier
from loopbaan.widgets.dates import short_day
from loopbaan.widgets.item_table import ItemTable

FIRST_RUN = N_(
    "The daily review: two minutes at the end of each workday.\n"
    "Rate what you did, met and planned: + or −. See what you like.\n"
    "Tick off tasks; postpone the rest, and say why you put it off.\n\n"
    "Press a to add your first item: !task, @appointment, #tags."
)


def _update(static: Static, text: str) -> None:
    """Change a text only when it changed: each change costs a layout pass."""
    if static.content != text:
        static.update(text)


class DayItems(Vertical):
    """The day's items and the earlier leftovers, each list keeping its cursor."""

    def compose(self) -> ComposeResult:
        yield ItemTable(id="today-table")
        yield Static(id="today-empty", markup=False)
        yield Static(id="today-earlier-title", markup=False)
        yield ItemTable(with_day=True, id="today-earlier")
        yield Static(
            _("• activity  @ appointment  ! task   + − 0 rated  · not yet  ↷ put off"),
            id="today-legend",
            markup=False,
        )

    @property
    def day_table(self) -> ItemTable:
        return self.query_one("#today-table", ItemTable)

    @property
    def earlier_table(self) -> ItemTable:
        return self.query_one("#today-earlier", ItemTable)

    @property
    def tables(self) -> tuple[ItemTable, ItemTable]:
        return self.day_table, self.earlier_table

    def list_for_focus(self) -> ItemTable | None:
        """Where the focus goes when it has nowhere to be: the first list with rows."""
        for table in self.tables:
            if table.display and table.row_count:
                return table
        return self.day_table if self.day_table.display else None

    def show(
        self,
        day: date,
        today: date,
        shown: list[Item],
        moves: dict[int, Postponement],
        earlier: Earlier,
        *,
        first_run: bool,
        selected: int | None = None,
        first: bool = False,
    ) -> None:
        """Fill both lists; cursors go to `selected`, to the top with `first`, or stay."""
        table, older = self.day_table, self.earlier_table
        table.display = not first_run
        table.show(shown, today, selected or table.selected_id, moved=moves, first=first)
        older.display = bool(earlier.items)
        older.show(earlier.items, today, selected or older.selected_id, first=first)
        self.query_one("#today-legend").display = not first_run

        empty = self.query_one("#today-empty", Static)
        empty.display = not shown
        empty.set_class(first_run, "-first-run")
        if first_run:
            _update(empty, _(FIRST_RUN))
        elif not shown:
            _update(
                empty,
                _("Nothing on {day} yet. a adds an activity, !task or @appointment.").format(
                    day=short_day(day, today)
                ),
            )
        self._show_earlier_title(earlier)

    def _show_earlier_title(self, earlier: Earlier) -> None:
        title = self.query_one("#today-earlier-title", Static)
        title.display = bool(earlier.items)
        parts = []
        if earlier.open_tasks:
            parts.append(
                ngettext("{n} open task", "{n} open tasks", earlier.open_total).format(
                    n=earlier.open_total
                )
            )
        if earlier.unrated:
            parts.append(_("{n} to rate").format(n=len(earlier.unrated)))
        text = _("From earlier days") + " · " + ", ".join(parts)
        if earlier.open_total > len(earlier.open_tasks):
            text += " " + _("(the newest {n} shown)").format(n=len(earlier.open_tasks))
        _update(title, text)
