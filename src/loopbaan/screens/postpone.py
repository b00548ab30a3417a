"""The postpone dialog: to which day, and why, picked with one key.

`p` `2` postpones to the day after the day shown because the task is too big:
the reasons are numbered in the order of `domain.Reason`, and picking one
confirms at once with the day in the field. The screen makes the change.
"""

from __future__ import annotations

from datetime import date, timedelta

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from loopbaan.days import DayError
from loopbaan.domain import REASON_TEXT, Item, Reason
from loopbaan.i18n import _
from loopbaan.widgets.dates import short_day
from loopbaan.widgets.fields import DayField
from loopbaan.widgets.item_table import REASON_LABEL

REASONS = tuple(Reason)


def default_day(item: Item, shown: date) -> date:
    """The day after the day shown; after the task's own day if that is later already."""
    return max(shown, item.day) + timedelta(days=1)


class PostponeScreen(ModalScreen[tuple[date, Reason] | None]):
    """Returns `(day, reason)`, or None when cancelled."""

    CSS_PATH = "postpone.tcss"
    AUTO_FOCUS = "#postpone-reasons"  # so that the digits pick a reason, not type a day
    BINDINGS = [
        Binding("escape", "cancel", _("Cancel")),
        *(
            Binding(str(number), f"pick({number - 1})", _(REASON_LABEL[reason]), show=False)
            for number, reason in enumerate(REASONS, start=1)
        ),
    ]

    def __init__(self, item: Item, shown: date) -> None:
        super().__init__()
        self.item = item
        self.shown = shown

    def compose(self) -> ComposeResult:
        with Vertical(id="postpone") as dialog:
            dialog.border_title = Content(_("Postpone “{title}”").format(title=self.item.title))
            with Horizontal(id="postpone-day"):
                yield Label(_("To day"))
                yield DayField(default_day(self.item, self.shown), self.shown)
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
                _("1–8 picks a reason and postpones · Tab: the day · Esc cancels"),
                id="postpone-hint",
                markup=False,
            )
        yield Footer()

    def on_mount(self) -> None:
        # Tab to the day and type: the new day replaces the suggested one.
        self.query_one("#postpone-day Input", Input).select_on_focus = True

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
        self.dismiss((day, REASONS[index]))

    def _refuse(self, message: str) -> None:
        self.query_one("#postpone-error", Static).update(message)
        self.query_one(DayField).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionHighlighted)
    def _show_tip(self, event: OptionList.OptionHighlighted) -> None:
        suggestion = REASON_TEXT[Reason(event.option.id)][1]
        tip = self.query_one("#postpone-tip", Static)
        tip.update(_("Tip: {suggestion}").format(suggestion=_(suggestion)) if suggestion else "")

    @on(OptionList.OptionSelected)
    def _chosen(self, event: OptionList.OptionSelected) -> None:
        self.action_pick(event.option_index)

    @on(Input.Submitted)
    def _day_typed(self, event: Input.Submitted) -> None:
        """Enter in the day field goes on to the reasons."""
        event.stop()
        if not self.query_one(DayField).is_valid:
            return  # the field says what is wrong with it
        self.query_one("#postpone-error", Static).update("")
        self.query_one(OptionList).focus()
