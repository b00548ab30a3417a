"""Pick a goal from a short list: type to filter, arrows to move, Enter picks, Escape cancels.

Used wherever something is attached to a goal (a task on the Today screen).
The caller passes the goals to offer (usually the active ones) and gets the
chosen goal's id back, or None when the user cancelled.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from loopbaan.i18n import N_, _
from loopbaan.insight.goals import milestone_progress
from loopbaan.labels import DIRECTION_LABEL
from loopbaan.safe import printable
from loopbaan.store.goals import Goal
from loopbaan.widgets.dialog_footer import DialogFooter
from loopbaan.widgets.pictures import CONTROL_PICTURES


def _matches(goal: Goal, words: list[str]) -> bool:
    haystack = goal.title.casefold()
    if goal.direction:
        haystack += " " + _(DIRECTION_LABEL[goal.direction]).casefold()
    return all(word in haystack for word in words)


class GoalPicker(ModalScreen[int | None]):
    """A filterable list of goals; dismisses with the picked goal's id, or None."""

    # User CSS, not DEFAULT_CSS: the app's `Screen { background: … }` would win over a
    # default and paint the screen behind the picker over.
    CSS_PATH = "goal_picker.tcss"

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="picker.cancel"),
        Binding("up", "cursor(-1)", N_("Previous goal"), show=False, id="picker.up"),
        Binding("down", "cursor(1)", N_("Next goal"), show=False, id="picker.down"),
    ]

    def __init__(self, goals: Sequence[Goal], title: str | None = None) -> None:
        super().__init__()
        self.goals = list(goals)
        self.picker_title = title or _("Attach to a goal")

    def compose(self) -> ComposeResult:
        with Vertical(id="picker") as picker:
            picker.border_title = Content(printable(self.picker_title))  # an item's title in it
            yield Input(
                placeholder=_("type to filter"),
                id="picker-filter",
                compact=True,
                highlighter=CONTROL_PICTURES,
            )
            options = OptionList(id="picker-goals")
            options.can_focus = False  # the typing stays in the filter
            yield options
            yield Static(id="picker-empty", markup=False)
            yield Static(_("↑↓ choose · Enter picks · Esc cancels"), id="picker-hint", markup=False)
        yield DialogFooter()  # over the footer of the screen behind, whose keys wait

    def on_mount(self) -> None:
        self._show("")

    @on(Input.Changed, "#picker-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, text: str) -> None:
        words = text.casefold().split()
        shown = [goal for goal in self.goals if _matches(goal, words)]
        options = self.query_one(OptionList)
        options.clear_options()
        options.add_options(
            Option(
                Content.assemble(
                    printable(goal.title),
                    (
                        "  "
                        + " · ".join(
                            part
                            for part in (
                                _(DIRECTION_LABEL[goal.direction]) if goal.direction else "",
                                str(milestone_progress(goal)) if goal.milestones_total else "",
                            )
                            if part
                        ),
                        "dim",
                    ),
                ),
                id=str(goal.id),
            )
            for goal in shown
        )
        if shown:
            options.highlighted = 0
        options.display = bool(shown)
        empty = self.query_one("#picker-empty", Static)
        empty.display = not shown
        empty.update(
            _("No goal matches “{text}”.").format(text=text.strip())
            if self.goals
            else _("No active goals yet: press 3 for Goals and n to start one.")
        )

    def action_cursor(self, step: int) -> None:
        options = self.query_one(OptionList)
        if step < 0:
            options.action_cursor_up()
        else:
            options.action_cursor_down()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#picker-filter")
    def _pick_highlighted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one(OptionList)
        if options.highlighted is None or not options.option_count:
            self.app.bell()
            return
        self._pick(options.get_option_at_index(options.highlighted))

    @on(OptionList.OptionSelected, "#picker-goals")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self._pick(event.option)

    def _pick(self, option: Option) -> None:
        assert option.id is not None
        self.dismiss(int(option.id))
