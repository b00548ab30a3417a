"""The reflection fields of a day's review: energy 1–5 and four short texts.

The panel saves nothing itself: it posts `Edited(day, field, value)` and the
screen stores it (through the undo log). Typing is sent 0.4 s after the last
key and at once when the field loses focus, so a kill loses at most the last
0.4 s; the border says "saved" only once the screen confirmed it.

The fields are mounted by `add_fields`, which the screen calls once the day's
items are on screen: four text areas cost as much to mount and style as the
rest of the screen.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.reactive import reactive
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Label

from loopbaan.i18n import N_, _
from loopbaan.store.reviews import DayReview

if TYPE_CHECKING:
    from textual.widgets import TextArea

    from loopbaan.widgets.text_area import JournalTextArea

SAVE_DELAY = 0.4  # seconds after the last key; the brief allows ~0.5 s of typing at risk

# (field of DayReview, label, placeholder)
TEXT_FIELDS = (
    ("liked", N_("What I liked"), N_("what gave you energy")),
    ("disliked", N_("What drained me"), N_("what cost you energy")),
    ("postponed_why", N_("What I put off, and why"), N_("and what would help")),
    ("learned", N_("What I learned"), N_("one thing to remember")),
)
TEXT_IDS = frozenset(f"review-{name}" for name, _label, _hint in TEXT_FIELDS)


def field_label(field: str) -> str:
    """A field's name as the panel shows it: `Energy`, `What I liked`, …"""
    labels = {"energy": _("Energy"), **{name: _(label) for name, label, _h in TEXT_FIELDS}}
    return labels[field]


# The keys 1–5 set the energy; their labels, translated when shown.
ENERGY_LABEL = (N_("Energy 1"), N_("Energy 2"), N_("Energy 3"), N_("Energy 4"), N_("Energy 5"))


class EnergyField(Widget, can_focus=True):
    """Energy of the day, 1–5: a digit sets it, ← → step, 0 or Backspace clears."""

    DEFAULT_CSS = """
    EnergyField {
        height: 1;
        width: 1fr;
        padding: 0 1;
        background: $surface;
        &:focus { background: $primary-muted; }
    }
    """
    BINDINGS = [
        *(
            Binding(
                str(n),
                f"set_energy({n})",
                ENERGY_LABEL[n - 1],
                show=False,
                id=f"energy.{n}",
            )
            for n in range(1, 6)
        ),
        Binding("right", "step(1)", N_("More energy"), show=False, id="energy.more"),
        Binding("left", "step(-1)", N_("Less energy"), show=False, id="energy.less"),
        Binding(
            "0,backspace,delete", "set_energy(0)", N_("Clear energy"), show=False, id="energy.clear"
        ),
    ]

    value: reactive[int | None] = reactive(None)

    class Changed(Message):
        def __init__(self, value: int | None) -> None:
            super().__init__()
            self.value = value

    def render(self) -> Content:
        value = self.value or 0
        dots = Content.assemble(
            *(
                (("● " if n <= value else "○ "), "$text-accent" if n <= value else "dim")
                for n in range(1, 6)
            )
        )
        if self.value is None:
            return dots + Content.styled(_("not set · type 1–5"), "dim")
        return dots + Content.styled(_("{n} of 5 · 1–5, 0 clears").format(n=value), "dim")

    def action_set_energy(self, value: int) -> None:
        self._choose(value or None)
        if value:
            self.screen.focus_next()  # on to what you liked: one key for the energy

    def action_step(self, step: int) -> None:
        self._choose(3 if self.value is None else min(5, max(1, self.value + step)))

    def _choose(self, value: int | None) -> None:
        if value != self.value:
            self.value = value
            self.post_message(self.Changed(value))


class ReviewPanel(Vertical):
    """Energy and the four questions of a day; posts Edited for the screen to store."""

    DEFAULT_CSS = """
    ReviewPanel {
        height: auto;
        padding: 0 1;
        & > Label { color: $text-secondary; text-style: bold; margin-top: 1; }
        & > TextArea {
            height: 4;
            background: $surface;
            &:focus { background: $primary-muted 40%; }
        }
    }
    """

    class Edited(Message):
        """A field of the review of `day` now reads `value` (energy: a number or None)."""

        def __init__(self, day: date, field: str, value: str | int | None) -> None:
            super().__init__()
            self.day = day
            self.field = field
            self.value = value

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.day: date | None = None
        self._saved: dict[str, str] = {}  # the texts as the journal holds them
        self._pending: dict[str, str] = {}  # typed, not sent yet
        self._sent: dict[str, str | int | None] = {}  # sent, not confirmed yet
        self._timer: Timer | None = None
        self._energy_shown: int | None = None  # for the energy field when it is added
        self.has_fields = False

    def compose(self) -> ComposeResult:
        return ()  # add_fields mounts them

    def add_fields(self) -> None:
        """Mount the fields, filled with the review shown."""
        if self.has_fields:
            return
        self.has_fields = True
        # ~15 ms to import: not before the first paint
        from loopbaan.widgets.text_area import JournalTextArea

        energy = EnergyField(id="review-energy")
        energy.set_reactive(EnergyField.value, self._energy_shown)
        fields: list[Widget] = [Label(_("Energy"), markup=False), energy]
        for name, label, placeholder in TEXT_FIELDS:
            fields.append(Label(_(label), markup=False))
            fields.append(
                JournalTextArea(
                    self._saved.get(name, ""),
                    id=f"review-{name}",
                    compact=True,
                    soft_wrap=True,
                    highlight_cursor_line=False,
                    placeholder=_(placeholder),
                )
            )
        self.mount_all(fields)

    def show(self, review: DayReview) -> None:
        """Show a day's review; what was typed for the day before is sent first.

        Fields of the same day that were sent and not confirmed yet keep what
        was typed: the review read from the journal may not hold it yet.
        """
        self.flush()
        same_day = review.day == self.day
        if not same_day:
            self._sent.clear()
        self.day = review.day
        for name, _label, _hint in TEXT_FIELDS:
            value = self._saved[name] = getattr(review, name)
            if not self.has_fields:
                continue
            area = self._text_area(name)
            if name not in self._sent and area.text != value:
                area.load_text(value)  # also forgets the area's own undo history
        if "energy" not in self._sent:
            self._energy_shown = review.energy
            if self.has_fields:
                self.query_one(EnergyField).value = review.energy
        self.border_subtitle = ""

    def start(self) -> None:
        """Focus the first field: the energy."""
        self.query_one(EnergyField).focus()

    def _text_area(self, name: str) -> JournalTextArea:
        from loopbaan.widgets.text_area import JournalTextArea  # loaded by add_fields

        return self.query_one(f"#review-{name}", JournalTextArea)

    @property
    def typing(self) -> bool:
        """One of the text fields has the focus: keys are text there."""
        focused = self.screen.focused
        return focused is not None and focused.id in TEXT_IDS

    def saved(self, day: date, field: str, value: str | int | None) -> None:
        """The screen stored a field: say so, unless more typing is on its way."""
        if day != self.day:
            return
        if isinstance(value, str):
            self._saved[field] = value
        if field in self._sent and self._sent[field] == value:
            del self._sent[field]
        if not self._pending:
            self.border_subtitle = _("saved ✓")

    def flush(self) -> None:
        """Send what was typed and not sent yet."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.day is None:
            return
        for name, value in self._pending.items():
            self._sent[name] = value
            self.post_message(self.Edited(self.day, name, value))
        self._pending.clear()

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        event.stop()
        name = (event.text_area.id or "").removeprefix("review-")
        text = event.text_area.text
        if text == self._saved.get(name) and name not in self._pending:
            return  # a value loaded by show(), not typed
        self._pending[name] = text
        self.border_subtitle = _("typing…")
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SAVE_DELAY, self.flush)

    @on(EnergyField.Changed)
    def _energy(self, event: EnergyField.Changed) -> None:
        event.stop()
        if self.day is not None:
            self._sent["energy"] = event.value
            self.post_message(self.Edited(self.day, "energy", event.value))

    def on_descendant_blur(self) -> None:
        self.flush()
