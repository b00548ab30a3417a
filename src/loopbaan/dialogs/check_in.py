"""The attitude check-in (`c` on Talks, and on Today while one is due): each attitude
of the settings scored 1–5 with one digit, then an optional note.

A digit scores the highlighted attitude and moves on to the next one; after the last,
the note. So `c` `4` `3` `5` `2` Enter is a whole check-in. The screen saves it.
"""

from __future__ import annotations

from typing import NamedTuple

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, Static

from loopbaan.i18n import N_, _
from loopbaan.safe import printable
from loopbaan.widgets.pictures import CONTROL_PICTURES

SCORES = range(1, 6)


class CheckIn(NamedTuple):
    """What the dialog returns: attitude key -> score (those scored), and the note."""

    scores: dict[str, int]
    note: str


class CheckInScreen(ModalScreen[CheckIn | None]):
    """Returns a `CheckIn`, or None when cancelled."""

    CSS_PATH = "check_in.tcss"
    AUTO_FOCUS = ""  # nothing: the digits score; the note is reached after the last attitude
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="checkin.cancel"),
        Binding("enter", "save", N_("Save"), id="checkin.save"),
        Binding("up", "move(-1)", N_("Previous"), show=False, id="checkin.previous"),
        Binding("down", "move(1)", N_("Next"), show=False, id="checkin.next"),
        *(Binding(str(n), f"score({n})", str(n), show=False, id=f"checkin.{n}") for n in SCORES),
    ]

    def __init__(self, attitudes: dict[str, tuple[str, str]]) -> None:
        """`attitudes`: key -> (label, question), as `Settings.attitudes` lists them."""
        super().__init__()
        self.attitudes = attitudes
        self.keys = list(attitudes)
        self.scores: dict[str, int] = {}
        self.current = 0  # the attitude the next digit scores; len(keys): the note

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog") as dialog:
            dialog.border_title = _("Attitude check-in")
            yield Static(
                _("How do you rate yourself today, from 1 (hardly) to 5 (fully)?"),
                id="check-in-intro",
                markup=False,
            )
            for key in self.keys:
                yield Static(id=f"attitude-{key}", classes="attitude")
            yield Input(
                placeholder=_("a note on this check-in (optional)"),
                id="check-in-note",
                compact=True,
                highlighter=CONTROL_PICTURES,
            )
            yield Static(id="form-error", markup=False)
            yield Static(
                _("1–5 scores and moves on · ↑↓ choose · Enter saves · Esc cancels"),
                id="form-hint",
                markup=False,
            )

    def on_mount(self) -> None:
        self._show()

    def _show(self) -> None:
        for index, key in enumerate(self.keys):
            label, question = self.attitudes[key]
            score = self.scores.get(key)
            row = self.query_one(f"#attitude-{key}", Static)
            row.update(
                Content.assemble(
                    ("▸ " if index == self.current else "  ", "bold"),
                    (printable(_(label)).ljust(14), "bold"),
                    (f"[{score}]" if score else "[·]", "bold" if score else "dim"),
                    "  ",
                    (printable(_(question)), ""),
                )
            )
            row.set_class(index == self.current, "-current")

    def action_score(self, score: int) -> None:
        if self.current >= len(self.keys):
            return
        self.scores[self.keys[self.current]] = score
        self._go(self.current + 1)

    def action_move(self, step: int) -> None:
        self._go(max(0, min(self.current + step, len(self.keys))))

    def _go(self, index: int) -> None:
        self.current = index
        note = self.query_one("#check-in-note", Input)
        if index >= len(self.keys):
            note.focus()
        elif self.focused is note:
            self.set_focus(None)
        self._show()

    def action_cancel(self) -> None:
        self.dismiss(None)

    def action_save(self) -> None:
        note = self.query_one("#check-in-note", Input).value.strip()
        if not self.scores:
            if note:
                self.query_one("#form-error", Static).update(_("score at least one attitude, 1–5"))
                self._go(0)
                return
            self.dismiss(None)
            return
        self.dismiss(CheckIn(dict(self.scores), note))

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()
