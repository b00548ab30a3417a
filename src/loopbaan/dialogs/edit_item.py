"""The form behind `e` on the Today screen: an item's title, kind, day and note.

It returns what was typed (or None when cancelled); the screen makes the
change, so that it goes through the undo log like every other change.
"""

from __future__ import annotations

from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Label, Static

from loopbaan.domain import Item, Kind
from loopbaan.i18n import N_, _
from loopbaan.labels import KIND_LABEL
from loopbaan.widgets.dialog_footer import DialogFooter
from loopbaan.widgets.fields import ChoiceButton, ChoiceSet, DayField
from loopbaan.widgets.pictures import CONTROL_PICTURES
from loopbaan.widgets.text_area import JournalTextArea

KINDS = tuple(Kind)


class EditItemScreen(ModalScreen[dict[str, Any] | None]):
    """Returns the keyword arguments for `store.items.edit_item`, or None."""

    CSS_PATH = "edit_item.tcss"
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="form.cancel"),
        Binding("ctrl+s", "save", N_("Save"), id="form.save"),
    ]

    def __init__(self, item: Item, shown: date) -> None:
        super().__init__()
        self.item = item
        self.shown = shown

    def compose(self) -> ComposeResult:
        item = self.item
        with Vertical(id="edit-item") as dialog:
            dialog.border_title = _("Edit item")
            with Grid(id="edit-item-form"):
                yield Label(_("Title"))
                yield Input(
                    item.title,
                    id="edit-title",
                    compact=True,
                    select_on_focus=False,
                    highlighter=CONTROL_PICTURES,
                )
                yield Label(_("Kind"))
                yield ChoiceSet(
                    *(ChoiceButton(_(KIND_LABEL[kind]), value=item.kind is kind) for kind in KINDS),
                    id="edit-kind",
                    compact=True,
                )
                yield Label(_("Day"))
                yield DayField(item.day, self.shown, id="edit-day")
                yield Label(_("Note"))
                yield JournalTextArea(
                    item.note,
                    id="edit-note",
                    compact=True,
                    soft_wrap=True,
                    placeholder=_("anything worth remembering about it"),
                )
            yield Static(id="edit-error", markup=False)
            yield Static(
                Content(_("Enter in the title or ctrl+s saves · Esc cancels · Tab moves on")),
                id="edit-hint",
            )
        yield DialogFooter()

    def action_save(self) -> None:
        title = self.query_one("#edit-title", Input)
        if not title.value.strip():
            self._refuse(_("the title is empty"), title)
            return
        day_field = self.query_one(DayField)
        if not day_field.is_valid or day_field.day is None:
            self._refuse(_("the day is not a day"), day_field)
            return
        kind_index = self.query_one(ChoiceSet).pressed_index
        self.dismiss(
            {
                "title": title.value,
                "kind": KINDS[kind_index] if kind_index >= 0 else self.item.kind,
                "day": day_field.day,
                "note": self.query_one("#edit-note", JournalTextArea).text,
            }
        )

    def _refuse(self, message: str, field: Input | DayField) -> None:
        self.query_one("#edit-error", Static).update(message)
        field.focus()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()
