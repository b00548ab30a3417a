"""The forms behind `e` on the Goals screen: a whole goal, or one milestone.

They return what was typed (or None when cancelled); the Goals screen makes
the change, so that it goes through the undo log like every other change.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from loopbaan.domain import DIRECTION_TEXT, Direction, GoalStatus
from loopbaan.i18n import N_, _
from loopbaan.labels import DIRECTION_LABEL, GOAL_STATUS_LABEL
from loopbaan.safe import printable
from loopbaan.store.goals import Goal, Milestone
from loopbaan.widgets.fields import ChoiceButton, ChoiceSet, DayField
from loopbaan.widgets.pictures import CONTROL_PICTURES

FORM_HINT = N_("Enter or ctrl+s saves · Esc cancels · Tab moves on")
CHOICE_HINT = N_("Enter or ctrl+s saves · Esc cancels · Tab moves on · arrows choose")


class _Form(ModalScreen[Any]):
    """What both forms share: the keys, the error line, the hint."""

    CSS_PATH = "edit_goal.tcss"
    BINDINGS = [
        Binding("escape", "cancel", _("Cancel"), id="form.cancel"),
        Binding("ctrl+s", "save", _("Save"), id="form.save"),
    ]

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        raise NotImplementedError

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def refuse(self, message: str, field: Input | DayField) -> None:
        """Keep the form open, say what is wrong, and put the cursor there."""
        self.query_one("#form-error", Static).update(message)
        field.focus()


class EditGoalScreen(_Form):
    """Every field of a goal; returns the keyword arguments for `store.goals.edit_goal`."""

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


class EditMilestoneScreen(_Form):
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


STATUS_MEANING: dict[GoalStatus, str] = {
    GoalStatus.ACTIVE: N_("working on it"),
    GoalStatus.PAUSED: N_("on hold for now"),
    GoalStatus.ACHIEVED: N_("reached it"),
    GoalStatus.DROPPED: N_("let it go, honestly"),
}


class StatusScreen(ModalScreen[GoalStatus | None]):
    """A goal's status, picked with one key (1–4) or with the arrows and Enter."""

    CSS_PATH = "edit_goal.tcss"
    BINDINGS = [
        Binding("escape", "cancel", _("Cancel"), id="status.cancel"),
        *(
            Binding(
                str(number),
                f"pick({number - 1})",
                _(GOAL_STATUS_LABEL[status]),
                show=False,
                id=f"status.{status.value}",
            )
            for number, status in enumerate(GoalStatus, start=1)
        ),
    ]

    def __init__(self, goal: Goal) -> None:
        super().__init__()
        self.goal = goal

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="small") as dialog:
            dialog.border_title = Content(
                _("Status of “{title}”").format(title=printable(self.goal.title))
            )
            yield OptionList(
                *(
                    Option(
                        Content.assemble(
                            (f"{number}  ", "bold"),
                            (_(GOAL_STATUS_LABEL[status]).ljust(10), "bold"),
                            (_(STATUS_MEANING[status]), "dim"),
                        ),
                        id=status.value,
                    )
                    for number, status in enumerate(GoalStatus, start=1)
                ),
                id="statuses",
            )
            yield Static(_("1–4 or ↑↓ Enter picks · Esc cancels"), id="form-hint", markup=False)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = list(GoalStatus).index(self.goal.status)
        options.focus()

    def action_pick(self, index: int) -> None:
        self.dismiss(list(GoalStatus)[index])

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        self.dismiss(GoalStatus(event.option.id))
