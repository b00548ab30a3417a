"""Form fields shared by the dialogs: a day typed in words, and a radio set that chooses at once.

The radio buttons show which one is chosen without colour too: ● chosen, ○ not.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.validation import ValidationResult, Validator
from textual.widgets import Input, RadioButton, RadioSet, Static

from loopbaan.days import DayError, parse_day
from loopbaan.i18n import N_, _, ngettext


def day_hint(day: date, today: date) -> str:
    """A typed day read back to the user: the date it means, and how far away it is."""
    days = (day - today).days
    if days == 0:
        when = _("today")
    elif days > 0:
        when = ngettext("in {n} day", "in {n} days", days).format(n=days)
    else:
        when = ngettext("{n} day ago", "{n} days ago", -days).format(n=-days)
    return f"{day.isoformat()} · {when}"


class DayValidator(Validator):
    """A day as `parse_day` reads it (ahead: `friday` is the next one); empty is fine."""

    def __init__(self, today: date) -> None:
        super().__init__()
        self.today = today

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.success()
        try:
            parse_day(value, ahead=True, base=self.today)
        except DayError as error:
            return self.failure(str(error))
        return self.success()


class DayField(Horizontal):
    """A day typed as `2027-03-01`, `tomorrow` or `friday`, checked and read back as typed."""

    DEFAULT_CSS = """
    DayField {
        height: auto;
        & > Input { width: 24; }
        & > .day-hint { width: 1fr; padding: 0 1; color: $text-muted; }
        & > .day-hint.-invalid { color: $text-error; }
    }
    """

    def __init__(self, day: date | None, today: date, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.today = today
        self._initial = day.isoformat() if day else ""

    def compose(self) -> ComposeResult:
        yield Input(
            self._initial,
            placeholder=_("none"),
            compact=True,
            select_on_focus=False,
            validators=[DayValidator(self.today)],
            validate_on=["changed", "submitted"],
        )
        yield Static(classes="day-hint", markup=False)

    def on_mount(self) -> None:
        self._read_back()

    @on(Input.Changed)
    def _changed(self) -> None:
        self._read_back()

    def _read_back(self) -> None:
        hint = self.query_one(".day-hint", Static)
        try:
            day = self.day
        except DayError as error:
            hint.update(str(error))
            hint.add_class("-invalid")
            return
        hint.remove_class("-invalid")
        if day:
            hint.update(day_hint(day, self.today))
        else:
            hint.update(_("no day (type YYYY-MM-DD, tomorrow or a weekday)"))

    @property
    def day(self) -> date | None:
        """The day typed, None when empty; raises DayError with the message to show."""
        text = self.query_one(Input).value.strip()
        return parse_day(text, ahead=True, base=self.today) if text else None

    @property
    def is_valid(self) -> bool:
        try:
            _day = self.day
        except DayError:
            return False
        return True

    def focus(self, scroll_visible: bool = True) -> DayField:
        self.query_one(Input).focus(scroll_visible)
        return self


class ChoiceButton(RadioButton):
    """A radio button that shows whether it is chosen without colour too: ● chosen, ○ not.

    Textual's button is ● either way, told apart by colour only. Its documented
    `BUTTON_INNER` is read on every render, so each button sets its own when its
    value changes (the initial `value=True` of the constructor included).
    """

    CHOSEN = "●"
    NOT_CHOSEN = "○"
    BUTTON_INNER = NOT_CHOSEN

    def watch_value(self) -> None:
        self.BUTTON_INNER = self.CHOSEN if self.value else self.NOT_CHOSEN
        super().watch_value()


class ChoiceSet(RadioSet):
    """A radio set where the arrows choose at once, as in any form, and Enter saves."""

    BINDINGS = [
        Binding("down,right", "choose(1)", N_("Next choice"), show=False, id="choice.next"),
        Binding("up,left", "choose(-1)", N_("Previous choice"), show=False, id="choice.previous"),
        Binding("enter", "screen.save", N_("Save"), show=False, id="choice.save"),
    ]

    def on_mount(self) -> None:
        self.call_after_refresh(self._select_pressed)

    def _select_pressed(self) -> None:
        # RadioSet starts its highlight on the first button; start on the chosen one.
        if self.pressed_index >= 0:
            self._selected = self.pressed_index

    def action_choose(self, step: int) -> None:
        if step > 0:
            self.action_next_button()
        else:
            self.action_previous_button()
        buttons = list(self.query(RadioButton))
        if self._selected is not None:
            buttons[self._selected].value = True
