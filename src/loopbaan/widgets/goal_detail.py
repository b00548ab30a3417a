"""One goal project in full: from the beacon down to the tasks linked to it."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from loopbaan.domain import DIRECTION_TEXT, Item
from loopbaan.i18n import N_, _, ngettext
from loopbaan.insight.goals import days_to_target, milestone_progress, nudges
from loopbaan.labels import DIRECTION_LABEL, GOAL_STATUS_LABEL, STATUS_LABEL
from loopbaan.safe import printable
from loopbaan.store.goals import Goal, Milestone
from loopbaan.widgets.row_table import RowTable

# The fields of the goal itself, in the order of the method: (id, label).
FIELDS = (
    ("beacon", N_("Beacon")),
    ("statement", N_("Goal")),
    ("direction", N_("Direction")),
    ("first_step", N_("First step")),
    ("needs", N_("Needs")),
    ("supporters", N_("Supporters")),
)


def target_sentence(goal: Goal, today: date) -> str:
    days = days_to_target(goal, today)
    if days is None or goal.target_day is None:
        return _("no target day")
    day = goal.target_day.isoformat()
    if days == 0:
        return _("target {day}, today").format(day=day)
    if days > 0:
        return ngettext("target {day}, in {n} day", "target {day}, in {n} days", days).format(
            day=day, n=days
        )
    return ngettext("target {day}, {n} day ago", "target {day}, {n} days ago", -days).format(
        day=day, n=-days
    )


def _text(value: str, empty: str) -> Content:
    """A field of the goal as typed, over lines; its control characters written out."""
    shown = printable(value.strip(), lines=True)
    return Content(shown) if shown else Content.styled(empty, "dim")


class GoalDetail(Horizontal, can_focus=False):
    """The highlighted goal: what it is on the left, its steps on the right.

    `show()` fills it in; the screen owns what the keys do.
    """

    DEFAULT_CSS = """
    GoalDetail {
        height: 1fr;

        & > #about {
            width: 1fr;
            padding: 0 1;
            border: round $border-blurred;
            border-title-color: $text;
            border-title-style: bold;
        }
        & > #steps {
            width: 1fr;
            padding: 0 1;
            border: round $border-blurred;

            &:focus-within { border: round $border; }
        }
        #detail-meta { color: $text-muted; }
        #detail-nudges { color: $text-warning; margin-top: 1; }
        #detail-fields {
            grid-size: 2;
            grid-columns: 12 1fr;
            grid-rows: auto;
            height: auto;
            margin-top: 1;
            & > .label { color: $text-secondary; text-style: bold; }
            & > #field-first_step {
                background: $boost;
                border-left: thick $accent;
                text-style: bold;
                padding-left: 1;
            }
            & > .label.first-step { color: $text-accent; }
        }
        .section { text-style: bold; color: $text-primary; }
        .section.later { margin-top: 1; }
        .empty { color: $text-muted; }
        RowTable { max-height: 12; }
    }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="about", can_focus=False):
            yield Static(id="detail-meta", markup=False)
            yield Static(id="detail-nudges", markup=False)
            with Grid(id="detail-fields"):
                for name, label in FIELDS:
                    classes = "label first-step" if name == "first_step" else "label"
                    yield Label(_(label), classes=classes)
                    yield Static(id=f"field-{name}", markup=False)
        with Vertical(id="steps"):
            yield Label(_("Milestones"), id="milestones-heading", classes="section")
            yield RowTable(
                (("done", "", 1), ("title", _("Milestone"), 0), ("due", _("Due"), 10)),
                id="milestones",
            )
            yield Static(
                _("No milestones yet: m adds the first one on the way."),
                id="milestones-empty",
                classes="empty",
            )
            yield Label(_("Linked tasks"), classes="section later")
            yield RowTable(
                (
                    ("title", _("Task"), 0),
                    ("day", _("Day"), 10),
                    ("status", _("Status"), 7),
                    ("postponed", _("Postponed"), 9),
                ),
                id="tasks",
            )
            yield Static(
                _("No tasks linked yet: attach a task to this goal on the Today screen."),
                id="tasks-empty",
                classes="empty",
            )

    def show(
        self,
        goal: Goal,
        milestones: list[Milestone],
        tasks: list[Item],
        today: date,
        milestone_id: int | None,
        *,
        first: bool = False,
    ) -> int | None:
        """Fill in this goal; the milestone cursor goes to `milestone_id`, or where it
        was, or with `first` to the first milestone. Returns the milestone under it."""
        self.query_one("#about").border_title = Content(printable(goal.title))
        self.query_one("#detail-meta", Static).update(
            f"{_(GOAL_STATUS_LABEL[goal.status])} · {target_sentence(goal, today)}"
        )
        found = [_(nudge) for nudge in nudges(goal, milestones, today)]
        nudge_box = self.query_one("#detail-nudges", Static)
        nudge_box.update("\n".join(f"! {nudge}" for nudge in found))
        nudge_box.display = bool(found)
        not_yet = _("not written yet (e edits)")
        values = {
            "beacon": _text(goal.beacon, not_yet),
            "statement": _text(goal.statement, not_yet),
            "direction": Content.assemble(
                (_(DIRECTION_LABEL[goal.direction]), "bold"),
                " — ",
                _(DIRECTION_TEXT[goal.direction]),
            )
            if goal.direction
            else Content.styled(_("not chosen yet (e edits)"), "dim"),
            "first_step": _text(goal.first_step, not_yet),
            "needs": _text(goal.needs, "—"),
            "supporters": _text(goal.supporters, "—"),
        }
        for name, value in values.items():
            self.query_one(f"#field-{name}", Static).update(value)
        self.query_one("#milestones-heading", Label).update(
            _("Milestones {progress}").format(progress=milestone_progress(goal))
        )
        chosen = self._show_milestones(milestones, today, milestone_id, first)
        self._show_tasks(tasks)
        return chosen

    def _show_milestones(
        self, milestones: list[Milestone], today: date, milestone_id: int | None, first: bool
    ) -> int | None:
        overdue = self.app.get_css_variables().get("error", "red")
        rows = []
        for milestone in milestones:
            done = milestone.done_on is not None
            late = not done and milestone.due_day is not None and milestone.due_day < today
            title = Text(printable(milestone.title), overflow="ellipsis", no_wrap=True)
            if done:
                title.stylize("dim")
            rows.append(
                (
                    milestone.id,
                    (
                        "✓" if done else "·",
                        title,
                        Text(
                            milestone.due_day.isoformat() if milestone.due_day else "",
                            style=overdue if late else "",
                        ),
                    ),
                )
            )
        table = self.query_one("#milestones", RowTable)
        chosen = table.set_rows(rows, milestone_id, first=first)
        table.display = bool(rows)
        self.query_one("#milestones-empty").display = not rows
        return chosen

    def _show_tasks(self, tasks: list[Item]) -> None:
        rows = [
            (
                item.id,
                (
                    Text(printable(item.title), overflow="ellipsis", no_wrap=True),
                    item.day.isoformat(),
                    _(STATUS_LABEL[item.status]),
                    ngettext("{n} time", "{n} times", item.postponed).format(n=item.postponed)
                    if item.postponed
                    else "",
                ),
            )
            for item in tasks
        ]
        table = self.query_one("#tasks", RowTable)
        table.set_rows(rows, None, first=True)
        table.display = bool(rows)
        self.query_one("#tasks-empty").display = not rows
