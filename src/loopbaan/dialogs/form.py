"""What the goal forms share (`e` on the Goals screen): the keys, the error line, the hint.

A form returns what was typed (or None when cancelled); the screen that opened
it makes the change, so that it goes through the undo log like every other change.
`form.tcss` is the frame of every goal dialog, the status picker's too.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.binding import Binding
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from loopbaan.i18n import N_
from loopbaan.widgets.fields import DayField

FORM_HINT = N_("Enter or ctrl+s saves · Esc cancels · Tab moves on")
CHOICE_HINT = N_("Enter or ctrl+s saves · Esc cancels · Tab moves on · arrows choose")


class FormDialog(ModalScreen[Any]):
    """A form over the screen: Enter or ctrl+s saves, Escape cancels."""

    CSS_PATH = ["form.tcss"]
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="form.cancel"),
        Binding("ctrl+s", "save", N_("Save"), id="form.save"),
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
