"""The upper pane of the Goals screen: the goals of the filter, or why there are none.

Beside it, `GoalsExplainer`: what a new journal shows instead of both panes.
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Center, Middle, Vertical
from textual.widgets import Static

from loopbaan.i18n import N_, _
from loopbaan.store.goals import Goal
from loopbaan.widgets.goal_table import GoalTable

EXPLAINER = N_(
    "[b]Make the dream a project.[/b]\n\n"
    "The job you dream of is a beacon on the horizon; the way there is a "
    "project. Say precisely what the goal is, pick its direction (up is only "
    "one of seven), write the first step, set milestones on the way, and name "
    "what you need and with whom you discuss it.\n\n"
    "Press [b]n[/b] to start your first goal."
)


class GoalList(Vertical):
    """The goal table under a title that counts them; a line when the filter hides all."""

    def compose(self) -> ComposeResult:
        yield GoalTable(id="goals")
        yield Static(id="list-empty", markup=False)

    def show(self, goals: list[Goal], today: date, goal_id: int | None, *, show_all: bool) -> None:
        """Fill the table; the cursor goes to `goal_id`."""
        table = self.query_one(GoalTable)
        table.show(goals, today, goal_id)
        empty = self.query_one("#list-empty", Static)
        empty.display = not goals
        empty.update(_("No active goals. f shows paused, achieved and dropped ones; n starts one."))
        table.display = bool(goals)
        self.border_title = (_("All goals ({n})") if show_all else _("Active goals ({n})")).format(
            n=len(goals)
        )


class GoalsExplainer(Middle):
    """The method in one paragraph, and the key that starts: for a journal without goals."""

    def compose(self) -> ComposeResult:
        with Center():
            yield Static(id="explainer")

    def on_mount(self) -> None:
        self.query_one("#explainer", Static).update(_(EXPLAINER))
