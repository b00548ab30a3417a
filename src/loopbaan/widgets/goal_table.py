"""The list of goal projects: title, direction, status, milestone progress, days to target."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date

from rich.text import Text
from textual.binding import Binding
from textual.widgets import DataTable

from loopbaan.domain import Direction, GoalStatus
from loopbaan.i18n import N_, _
from loopbaan.insight.goals import days_to_target, is_stalled, milestone_progress
from loopbaan.store.goals import Goal

DIRECTION_LABEL: dict[Direction, str] = {
    Direction.UPWARD: N_("upward"),
    Direction.BROADEN: N_("broaden"),
    Direction.DEEPEN: N_("deepen"),
    Direction.PROJECT: N_("project"),
    Direction.SIDEWAYS: N_("sideways"),
    Direction.DOWNSHIFT: N_("downshift"),
    Direction.OUTWARD: N_("outward"),
}

STATUS_LABEL: dict[GoalStatus, str] = {
    GoalStatus.ACTIVE: N_("active"),
    GoalStatus.PAUSED: N_("paused"),
    GoalStatus.ACHIEVED: N_("achieved"),
    GoalStatus.DROPPED: N_("dropped"),
}


def target_text(days: int | None) -> str:
    """Days to the target day, short enough for a column: `in 12 d`, `today`, `3 d late`."""
    if days is None:
        return ""
    if days == 0:
        return _("today")
    if days > 0:
        return _("in {n} d").format(n=days)
    return _("{n} d late").format(n=-days)


class FittedTable(DataTable[object]):
    """Rows keyed by record id; one column takes the width the others leave.

    `columns` are (key, label, width); the column of width 0 gets what is left.
    """

    BINDINGS = [
        Binding("home", "scroll_top", _("First"), show=False),
        Binding("end", "scroll_bottom", _("Last"), show=False),
    ]

    def __init__(self, columns: Sequence[tuple[str, str, int]], *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="row")
        self._spec = tuple(columns)
        self._rows: list[tuple[int, tuple[object, ...]]] = []
        self._flex = 0

    def on_mount(self) -> None:
        self._add_columns()

    def _flex_width(self) -> int:
        fixed = sum(width for _key, _label, width in self._spec)
        padding = 2 * self.cell_padding * len(self._spec)
        return max(10, self.scrollable_content_region.width - fixed - padding)

    def _add_columns(self) -> None:
        self._flex = self._flex_width()
        for key, label, width in self._spec:
            self.add_column(label, key=key, width=width or self._flex)

    def on_resize(self) -> None:
        if self._flex_width() != self._flex:
            selected = self.selected_id
            with self.prevent(DataTable.RowHighlighted):
                self.clear(columns=True)
                self._add_columns()
            self.set_rows(self._rows, selected)

    @property
    def selected_id(self) -> int | None:
        """The id of the row under the cursor."""
        if not self.row_count:
            return None
        row_key, _column = self.coordinate_to_cell_key(self.cursor_coordinate)
        return int(row_key.value) if row_key.value is not None else None

    def set_rows(
        self,
        rows: list[tuple[int, tuple[object, ...]]],
        selected: int | None,
        *,
        first: bool = False,
    ) -> int | None:
        """Show these (id, cells) rows with the cursor on `selected`, or else on the
        row where it was (the first row with `first`).

        Returns the id now under the cursor. Posts no RowHighlighted: the caller
        already knows which row is highlighted.
        """
        index = 0 if first else self.cursor_row
        self._rows = rows
        with self.prevent(DataTable.RowHighlighted):
            self.clear()
            for row_id, cells in rows:
                self.add_row(*cells, key=str(row_id))
            ids = [row_id for row_id, _cells in rows]
            if selected in ids:
                index = ids.index(selected)
            index = max(0, min(index, len(ids) - 1))
            if ids:
                self.move_cursor(row=index)
        return ids[index] if ids else None


class GoalTable(FittedTable):
    """The goals of the current filter, in the user's order."""

    DEFAULT_CSS = """
    GoalTable {
        height: 1fr;
        background: $surface;
    }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            (
                ("title", _("Goal"), 0),
                ("direction", _("Direction"), 9),
                ("status", _("Status"), 8),
                ("progress", _("Done"), 5),
                ("target", _("Target"), 9),
            ),
            id=id,
        )

    def show(self, goals: list[Goal], today: date, goal_id: int | None) -> int | None:
        """Show these goals with the cursor on `goal_id`; returns the goal under the cursor."""
        warning = self.app.get_css_variables().get("warning", "yellow")
        rows = []
        for goal in goals:
            status: str | Text = _(STATUS_LABEL[goal.status])
            if is_stalled(goal, today):
                status = Text(_("stalled"), style=warning)
            cells = (
                Text(goal.title, overflow="ellipsis", no_wrap=True),
                _(DIRECTION_LABEL[goal.direction]) if goal.direction else "",
                status,
                str(milestone_progress(goal)),
                target_text(days_to_target(goal, today)),
            )
            rows.append((goal.id, cells))
        return self.set_rows(rows, goal_id)
