"""The form behind `e` on a goal: every field of it, from the title to the target day."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual.app import ComposeResult
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, Static

from loopbaan.dialogs.form import CHOICE_HINT, FormDialog
from loopbaan.domain import DIRECTION_TEXT, Direction, GoalStatus
from loopbaan.i18n import N_, _
from loopbaan.labels import DIRECTION_LABEL, GOAL_STATUS_LABEL
from loopbaan.store.goals import Goal
from loopbaan.widgets.fields import ChoiceButton, ChoiceSet, DayField
from loopbaan.widgets.pictures import CONTROL_PICTURES


class EditGoalScreen(FormDialog):
    """Every field of a goal; returns the keyword arguments for `store.goals.edit_goal`."""

    CSS_PATH = ["form.tcss", "edit_goal.tcss"]

    # (field, label, placeholder): the text fields before and after the direction.
    TEXTS = (
        ("title", N_("Title"), N_("a short name for the project")),
        ("beacon", N_("Beacon"), N_("the dream on the horizon")),
        ("statement", N_("Precise goal"), N_("what exactly, and by when")),
    )
    MORE_TEXTS = (
        ("first_step", N_("First step"), N_("the smallest thing you can do next")),
        ("needs", N_("Needs"), N_("what you need to move forward")),
        ("supporters", N_("Supporters"), N_("with whom you discussed it")),
    )

    def __init__(self, goal: Goal, today: date) -> None:
        super().__init__()
        self.goal = goal
        self.today = today

    def compose(self) -> ComposeResult:
        goal = self.goal
        with Vertical(id="dialog") as dialog:
            dialog.border_title = _("Edit goal")
            with VerticalScroll(can_focus=False), Grid(id="form"):
                for name, label, placeholder in self.TEXTS:
                    yield Label(_(label))
                    yield self._text_input(name, getattr(goal, name), _(placeholder))
                yield Label(_("Direction"))
                yield ChoiceSet(
                    ChoiceButton(_("not chosen yet"), value=goal.direction is None),
                    *(
                        ChoiceButton(
                            Content.assemble(
                                (_(DIRECTION_LABEL[direction]).ljust(10), "bold"),
                                _(DIRECTION_TEXT[direction]),
                            ),
                            value=goal.direction is direction,
                        )
                        for direction in Direction
                    ),
                    id="direction",
                    compact=True,
                )
                for name, label, placeholder in self.MORE_TEXTS:
                    yield Label(_(label))
                    yield self._text_input(name, getattr(goal, name), _(placeholder))
                yield Label(_("Status"))
                yield ChoiceSet(
                    *(
                        ChoiceButton(_(GOAL_STATUS_LABEL[status]), value=goal.status is status)
                        for status in GoalStatus
                    ),
                    id="status",
                    compact=True,
                )
                yield Label(_("Target day"))
                yield DayField(goal.target_day, self.today, id="target-day")
            yield Static(id="form-error", markup=False)
            yield Static(_(CHOICE_HINT), id="form-hint", markup=False)

    @staticmethod
    def _text_input(name: str, value: str, placeholder: str) -> Input:
        return Input(
            value,
            placeholder=placeholder,
            id=name,
            compact=True,
            select_on_focus=False,
            highlighter=CONTROL_PICTURES,
        )

    def action_save(self) -> None:
        title = self.query_one("#title", Input)
        if not title.value.strip():
            self.refuse(_("the title is empty"), title)
            return
        target = self.query_one("#target-day", DayField)
        if not target.is_valid:
            self.refuse(_("the target day is not a day"), target)
            return
        direction_index = self.query_one("#direction", ChoiceSet).pressed_index
        status_index = self.query_one("#status", ChoiceSet).pressed_index
        values: dict[str, Any] = {
            name: self.query_one(f"#{name}", Input).value
            for name, _label, _placeholder in (*self.TEXTS, *self.MORE_TEXTS)
        }
        values["direction"] = list(Direction)[direction_index - 1] if direction_index > 0 else None
        values["status"] = list(GoalStatus)[max(status_index, 0)]
        values["target_day"] = target.day
        self.dismiss(values)
