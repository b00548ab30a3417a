"""The form behind `e` on a milestone: its title and due day."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Grid, Vertical
from textual.widgets import Input, Label, Static

from loopbaan.dialogs.form import FORM_HINT, FormDialog
from loopbaan.i18n import _
from loopbaan.store.goals import Milestone
from loopbaan.widgets.fields import DayField
from loopbaan.widgets.pictures import CONTROL_PICTURES


class EditMilestoneScreen(FormDialog):
    """A milestone's title and due day; returns `(title, due_day)`."""

    def __init__(self, milestone: Milestone, today: date) -> None:
        super().__init__()
        self.milestone = milestone
        self.today = today

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="small") as dialog:
            dialog.border_title = _("Edit milestone")
            with Grid(id="form"):
                yield Label(_("Milestone"))
                yield Input(
                    self.milestone.title,
                    id="title",
                    compact=True,
                    select_on_focus=False,
                    highlighter=CONTROL_PICTURES,
                )
                yield Label(_("Due day"))
                yield DayField(self.milestone.due_day, self.today, id="due-day")
            yield Static(id="form-error", markup=False)
            yield Static(_(FORM_HINT), id="form-hint", markup=False)

    def action_save(self) -> None:
        title = self.query_one("#title", Input)
        if not title.value.strip():
            self.refuse(_("the title is empty"), title)
            return
        due = self.query_one("#due-day", DayField)
        if not due.is_valid:
            self.refuse(_("the due day is not a day"), due)
            return
        self.dismiss((title.value, due.day))
