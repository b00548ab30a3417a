"""The dialog behind `s` on the Goals screen: a goal's status, picked with one key."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from loopbaan.domain import GoalStatus
from loopbaan.i18n import N_, _
from loopbaan.labels import GOAL_STATUS_LABEL
from loopbaan.safe import printable
from loopbaan.store.goals import Goal

STATUS_MEANING: dict[GoalStatus, str] = {
    GoalStatus.ACTIVE: N_("working on it"),
    GoalStatus.PAUSED: N_("on hold for now"),
    GoalStatus.ACHIEVED: N_("reached it"),
    GoalStatus.DROPPED: N_("let it go, honestly"),
}


class StatusScreen(ModalScreen[GoalStatus | None]):
    """A goal's status, picked with one key (1–4) or with the arrows and Enter."""

    CSS_PATH = ["form.tcss", "goal_status.tcss"]  # the frame of the goal forms
    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="status.cancel"),
        *(
            Binding(
                str(number),
                f"pick({number - 1})",
                GOAL_STATUS_LABEL[status],
                show=False,
                id=f"status.{status.value}",
            )
            for number, status in enumerate(GoalStatus, start=1)
        ),
    ]

    def __init__(self, goal: Goal) -> None:
        super().__init__()
        self.goal = goal

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog", classes="small") as dialog:
            dialog.border_title = Content(
                _("Status of “{title}”").format(title=printable(self.goal.title))
            )
            yield OptionList(
                *(
                    Option(
                        Content.assemble(
                            (f"{number}  ", "bold"),
                            (_(GOAL_STATUS_LABEL[status]).ljust(10), "bold"),
                            (_(STATUS_MEANING[status]), "dim"),
                        ),
                        id=status.value,
                    )
                    for number, status in enumerate(GoalStatus, start=1)
                ),
                id="statuses",
            )
            yield Static(_("1–4 or ↑↓ Enter picks · Esc cancels"), id="form-hint", markup=False)

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = list(GoalStatus).index(self.goal.status)
        options.focus()

    def action_pick(self, index: int) -> None:
        self.dismiss(list(GoalStatus)[index])

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(OptionList.OptionSelected)
    def _selected(self, event: OptionList.OptionSelected) -> None:
        assert event.option.id is not None
        self.dismiss(GoalStatus(event.option.id))
