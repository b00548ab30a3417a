"""The list of goal projects: title, direction, status, milestone progress, days to target."""

from __future__ import annotations

from datetime import date

from rich.text import Text

from loopbaan.i18n import _
from loopbaan.insight.goals import days_to_target, is_stalled, milestone_progress
from loopbaan.labels import DIRECTION_LABEL, GOAL_STATUS_LABEL
from loopbaan.safe import printable
from loopbaan.store.goals import Goal
from loopbaan.widgets.row_table import RowTable


def target_text(days: int | None) -> str:
    """Days to the target day, short enough for a column: `in 12 d`, `today`, `3 d late`."""
    if days is None:
        return ""
    if days == 0:
        return _("today")
    if days > 0:
        return _("in {n} d").format(n=days)
    return _("{n} d late").format(n=-days)


class GoalTable(RowTable):
    """The goals of the current filter, in the user's order."""

    DEFAULT_CSS = """
    GoalTable {
        height: 1fr;
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
            status: str | Text = _(GOAL_STATUS_LABEL[goal.status])
            if is_stalled(goal, today):
                status = Text(_("stalled"), style=warning)
            cells = (
                Text(printable(goal.title), overflow="ellipsis", no_wrap=True),
                _(DIRECTION_LABEL[goal.direction]) if goal.direction else "",
                status,
                str(milestone_progress(goal)),
                target_text(days_to_target(goal, today)),
            )
            rows.append((goal.id, cells))
        return self.set_rows(rows, goal_id)
