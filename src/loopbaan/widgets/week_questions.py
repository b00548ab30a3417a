"""The four week questions: more of, less of, one next step, whom to ask for feedback.

The widget stores nothing. When typing pauses (SAVE_DELAY after the last key),
on Enter and when a field loses focus it posts `Paused`; the screen then asks
`edits()` what differs from the journal, stores it and confirms with `saved()`.
Only the values in the inputs travel, never in a message, so a late message
cannot write back something an undo or another week replaced. The border says
"saved" only once every field matches what the journal holds.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input, Label, Static

from loopbaan.i18n import N_, _
from loopbaan.store.reviews import WeekReview
from loopbaan.widgets.pictures import CONTROL_PICTURES

SAVE_DELAY = 0.3  # seconds after the last key

# (field of WeekReview, question, placeholder)
QUESTIONS = (
    ("more_of", N_("What do I want more of?"), N_("what gave energy, to do again")),
    ("less_of", N_("What do I want less of?"), N_("what drained, to change or stop")),
    ("next_step", N_("My one next step"), N_("one concrete thing for next week")),
    ("ask_feedback_from", N_("Whom do I ask for feedback?"), N_("who, and about what")),
)


class WeekQuestions(Vertical):
    """The week review's answers as four inputs, reachable with Tab."""

    DEFAULT_CSS = """
    WeekQuestions {
        height: auto;
        padding: 0 1;
        & > Label { color: $text-secondary; text-style: bold; margin-top: 1; }
        & > Input { background: $surface; &:focus { background: $primary-muted 40%; } }
        & > #week-questions-hint { color: $text-muted; margin-top: 1; }
        & > #week-last-step {
            margin-top: 1;
            padding: 0 1;
            border-left: outer $accent;
            color: $text-secondary;
        }
    }
    """

    class Paused(Message):
        """Typing paused: what the inputs hold may differ from the journal."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.review = WeekReview(0, 0)
        self._saved: dict[str, str] = {}  # the answers as the journal holds them
        self._timer: Timer | None = None
        # Kept by reference: the answers can be read while the app closes, when
        # the inputs are no longer in the DOM to be queried.
        self.inputs = {
            name: Input(
                id=f"week-{name}",
                placeholder=_(placeholder),
                compact=True,
                highlighter=CONTROL_PICTURES,
            )
            for name, _question, placeholder in QUESTIONS
        }

    def compose(self) -> ComposeResult:
        for name, question, _placeholder in QUESTIONS:
            yield Label(_(question), markup=False)
            yield self.inputs[name]
        yield Static(
            _("Saved as you type. Tab moves on, Esc goes back to the week."),
            id="week-questions-hint",
            markup=False,
        )
        yield Static(id="week-last-step", markup=False)

    def show(self, review: WeekReview, last_step: str = "") -> None:
        """Show a week's answers, and the step the week before it chose.

        What was typed and not stored is replaced: the screen stores `edits()` first.
        """
        self._stop_timer()
        reminder = self.query_one("#week-last-step", Static)
        reminder.display = bool(last_step.strip())
        if reminder.display:
            text = _("The week before, your next step was: {step}").format(step=last_step)
            if str(reminder.content) != text:
                reminder.update(text)
        self.review = review
        for name, _question, _placeholder in QUESTIONS:
            value = self._saved[name] = getattr(review, name)
            field = self.inputs[name]
            if field.value != value:
                field.value = value
                field.cursor_position = len(value)
        self.border_subtitle = ""

    def edits(self) -> list[tuple[str, str]]:
        """The answers typed and not stored yet, as (field, text)."""
        return [
            (name, field.value)
            for name, field in self.inputs.items()
            if field.value != self._saved.get(name, "")
        ]

    def saved(self, field: str, value: str) -> None:
        """The screen stored an answer: say so once nothing else is waiting."""
        self._saved[field] = value
        if not self.edits():
            self.border_subtitle = _("saved ✓")

    def _stop_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    def _pause(self) -> None:
        self._stop_timer()
        self.post_message(self.Paused())

    @on(Input.Changed)
    def _typed(self, event: Input.Changed) -> None:
        event.stop()
        self._stop_timer()
        if not self.edits():  # a value `show()` put there, or typed back to what is stored
            if self.border_subtitle:
                self.border_subtitle = _("saved ✓")
            return
        self.border_subtitle = _("typing…")
        self._timer = self.set_timer(SAVE_DELAY, self._pause)

    @on(Input.Submitted)
    def _next(self, event: Input.Submitted) -> None:
        event.stop()
        self._pause()
        self.screen.focus_next()

    def on_descendant_blur(self) -> None:
        if self.edits():
            self._pause()
