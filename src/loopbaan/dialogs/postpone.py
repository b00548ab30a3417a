"""The postpone dialog: to which day, and why, picked with one key.

`p` `2` postpones to the day after the day shown because the task is too big:
the reasons are numbered in the order of `domain.Reason`, and picking one
confirms at once with the day in the field. A letter starts a day word
(`p` `friday` Enter `3`); Tab reaches the day for a date, shift+Tab a note, and
Enter (or the same key again) goes back to the reasons. The screen makes the change.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from loopbaan.days import DayError
from loopbaan.domain import REASON_TEXT, Item, Reason
from loopbaan.i18n import N_, _
from loopbaan.labels import REASON_LABEL
from loopbaan.safe import printable
from loopbaan.widgets.dates import short_day
from loopbaan.widgets.dialog_footer import DialogFooter
from loopbaan.widgets.fields import DayField
from loopbaan.widgets.pictures import CONTROL_PICTURES

REASONS = tuple(Reason)


class Postponing(NamedTuple):
    """What the dialog returns: the new day, the reason, and the note (may be empty)."""

    day: date
    reason: Reason
    note: str


def default_day(item: Item, shown: date) -> date:
    """The day after the day shown; after the task's own day if that is later already."""
    return max(shown, item.day) + timedelta(days=1)


class PostponeScreen(ModalScreen[Postponing | None]):
    """Returns a `Postponing`, or None when cancelled."""

    CSS_PATH = "postpone.tcss"
    AUTO_FOCUS = "#postpone-reasons"  # so that the digits pick a reason, not type a day
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="postpone.cancel"),
        # Not the usual focus chain: Tab is the day and shift+Tab the note, from
        # anywhere; pressed in its own field, each goes back to the reasons.
        Binding(
            "tab", "field('#postpone-day Input')", N_("The day"), show=False, id="postpone.day"
        ),
        Binding(
            "shift+tab", "field('#postpone-note')", N_("A note"), show=False, id="postpone.note"
        ),
        *(
            Binding(
                str(number),
                f"pick({number - 1})",
                REASON_LABEL[reason],
                show=False,
                id=f"postpone.{reason.value}",
            )
            for number, reason in enumerate(REASONS, start=1)
        ),
    ]

    def __init__(self, item: Item, shown: date) -> None:
        super().__init__()
        self.item = item
        self.shown = shown

    def compose(self) -> ComposeResult:
        with Vertical(id="postpone") as dialog:
            dialog.border_title = Content(
                _("Postpone “{title}”").format(title=printable(self.item.title))
            )
            with Horizontal(id="postpone-day", classes="postpone-row"):
                yield Label(_("To day"))
                yield DayField(default_day(self.item, self.shown), self.shown)
            with Horizontal(classes="postpone-row"):
                yield Label(_("Note"))
                yield Input(
                    id="postpone-note",
                    placeholder=_("a few words on why (optional)"),
                    compact=True,
                    select_on_focus=False,
                    highlighter=CONTROL_PICTURES,
                )
            yield Label(_("Why? Pick a reason"), id="postpone-why")
            yield OptionList(
                *(
                    Option(
                        Content.assemble(
                            (f"{number}  ", "bold"),
                            (_(REASON_LABEL[reason]).ljust(9), "bold"),
                            (_(REASON_TEXT[reason][0]), "dim"),
                        ),
                        id=reason.value,
                    )
                    for number, reason in enumerate(REASONS, start=1)
                ),
                id="postpone-reasons",
            )
            yield Static(id="postpone-tip", markup=False)
            yield Static(id="postpone-error", markup=False)
            yield Static(
                _(
                    "1–8 picks a reason and postpones · a letter starts a day (friday)\n"
                    "Tab: the day · shift+Tab: a note · Enter: back to 1–8 · Esc cancels"
                ),
                id="postpone-hint",
                markup=False,
            )
        yield DialogFooter()

    @property
    def _day_input(self) -> Input:
        return self.query_one("#postpone-day Input", Input)

    def on_key(self, event: events.Key) -> None:
        """A letter no field took starts a day word: `p` `friday` Enter `3`."""
        if event.character is None or not event.character.isalpha():
            return
        event.stop()
        event.prevent_default()
        day = self._day_input
        day.value = event.character
        day.cursor_position = len(day.value)
        # At once, not after a refresh: the rest of the word may be typed already.
        self.set_focus(day)

    def action_field(self, selector: str) -> None:
        """Tab to the day, shift+Tab to the note; pressed in that field: back to the reasons."""
        field = self.query_one(selector, Input)
        if self.focused is field:
            self.set_focus(self.query_one(OptionList))
            return
        self.set_focus(field)
        field.select_all()  # so that what is typed replaces what is there

    def action_pick(self, index: int) -> None:
        field = self.query_one(DayField)
        try:
            day = field.day
        except DayError as error:
            self._refuse(str(error))
            return
        if day is None:
            self._refuse(_("type the day to postpone to"))
            return
        if day <= self.item.day:
            self._refuse(
                _("the new day must be after {day}, the day it is planned for").format(
                    day=short_day(self.item.day, self.shown)
                )
            )
            return
        note = self.query_one("#postpone-note", Input).value.strip()
        self.dismiss(Postponing(day, REASONS[index], note))

    def _refuse(self, message: str) -> None:
        self.query_one("#postpone-error", Static).update(message)
        self.set_focus(self._day_input)
        self._day_input.select_all()  # typing replaces the day that was refused

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionHighlighted)
    def _show_tip(self, event: OptionList.OptionHighlighted) -> None:
        suggestion = REASON_TEXT[REASONS[event.option_index]][1]
        tip = self.query_one("#postpone-tip", Static)
        tip.update(_("Tip: {suggestion}").format(suggestion=_(suggestion)) if suggestion else "")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.action_pick(event.option_index)

    @on(Input.Submitted, "#postpone-day Input")
    def _day_typed(self, event: Input.Submitted) -> None:
        """Enter in the day field goes on to the reasons."""
        event.stop()
        if not self.query_one(DayField).is_valid:
            return  # the field says what is wrong with it
        self.query_one("#postpone-error", Static).update("")
        self.set_focus(self.query_one(OptionList))

    @on(Input.Submitted, "#postpone-note")
    def _note_typed(self, event: Input.Submitted) -> None:
        """Enter in the note goes on to the reasons."""
        event.stop()
        self.set_focus(self.query_one(OptionList))
