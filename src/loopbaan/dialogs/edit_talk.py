"""The form behind `e` on a conversation: its day, with whom, role and kind, my ask, what
was said and what came of it; for a negotiation also the five questions of its preparation."""

from __future__ import annotations

from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.containers import Grid, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Input, Label, RadioSet, Static

from loopbaan.dialogs.form import CHOICE_HINT, FormDialog
from loopbaan.domain import NEGOTIATION_FIELDS, Role, TalkKind
from loopbaan.i18n import N_, _
from loopbaan.labels import NEGOTIATION_LABEL, ROLE_LABEL, TALK_KIND_LABEL
from loopbaan.safe import printable
from loopbaan.store.talks import Conversation
from loopbaan.widgets.fields import ChoiceButton, ChoiceSet, DayField
from loopbaan.widgets.pictures import CONTROL_PICTURES

# (field, label, placeholder) after the role and the kind
TEXTS = (
    ("prepared", N_("My ask"), N_("what I want from this talk")),
    ("summary", N_("Summary"), N_("what was said")),
    ("outcome", N_("Outcome"), N_("what we agreed; f adds the next steps as tasks")),
)


class EditTalkScreen(FormDialog):
    """Every field of a conversation; returns the keyword arguments for
    `store.talks.edit_conversation` (`day`, `role`, `kind` and the texts)."""

    CSS_PATH = ["form.tcss", "edit_talk.tcss"]

    def __init__(self, talk: Conversation, today: date) -> None:
        super().__init__()
        self.talk = talk
        self.today = today

    def compose(self) -> ComposeResult:
        talk = self.talk
        with Vertical(id="dialog") as dialog:
            dialog.border_title = Content(
                _("Talk with {name}").format(name=printable(talk.with_whom))
            )
            with VerticalScroll(can_focus=False), Grid(id="form"):
                yield Label(_("Day"))
                yield DayField(talk.day, self.today, id="day")
                yield Label(_("With whom"))
                yield self._text_input("with_whom", talk.with_whom, _("a name"))
                yield Label(_("Role"))
                yield ChoiceSet(
                    *(ChoiceButton(_(ROLE_LABEL[role]), value=talk.role is role) for role in Role),
                    id="role",
                    compact=True,
                )
                yield Label(_("Kind"))
                yield ChoiceSet(
                    *(
                        ChoiceButton(_(TALK_KIND_LABEL[kind]), value=talk.kind is kind)
                        for kind in TalkKind
                    ),
                    id="kind",
                    compact=True,
                )
                for name, label, placeholder in TEXTS:
                    yield Label(_(label))
                    yield self._text_input(name, getattr(talk, name), _(placeholder))
                for name in NEGOTIATION_FIELDS:
                    label, question = NEGOTIATION_LABEL[name]
                    yield Label(_(label), classes="negotiation")
                    yield self._text_input(
                        name, getattr(talk, name), _(question), classes="negotiation"
                    )
            yield Static(id="form-error", markup=False)
            yield Static(_(CHOICE_HINT), id="form-hint", markup=False)

    def on_mount(self) -> None:
        self._show_negotiation(self.talk.kind)

    @staticmethod
    def _text_input(name: str, value: str, placeholder: str, classes: str = "") -> Input:
        return Input(
            value,
            placeholder=placeholder,
            id=name,
            classes=classes,
            compact=True,
            select_on_focus=False,
            highlighter=CONTROL_PICTURES,
        )

    @property
    def kind(self) -> TalkKind:
        return list(TalkKind)[max(self.query_one("#kind", ChoiceSet).pressed_index, 0)]

    @on(RadioSet.Changed, "#kind")
    def _kind_changed(self) -> None:
        self._show_negotiation(self.kind)

    def _show_negotiation(self, kind: TalkKind) -> None:
        """A negotiation's five questions, only for a negotiation (what was typed stays)."""
        for widget in self.query(".negotiation"):
            widget.display = kind is TalkKind.NEGOTIATION

    def action_save(self) -> None:
        name = self.query_one("#with_whom", Input)
        if not name.value.strip():
            self.refuse(_("whom the conversation is with is empty"), name)
            return
        day = self.query_one("#day", DayField)
        if not day.is_valid or day.day is None:
            self.refuse(_("the day is not a day"), day)
            return
        values: dict[str, Any] = {
            field: self.query_one(f"#{field}", Input).value
            for field in ("with_whom", *(t[0] for t in TEXTS), *NEGOTIATION_FIELDS)
        }
        values["day"] = day.day
        values["role"] = list(Role)[max(self.query_one("#role", ChoiceSet).pressed_index, 0)]
        values["kind"] = self.kind
        self.dismiss(values)
