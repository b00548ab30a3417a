"""Goals: career projects that turn the dream on the horizon into steps (method, point 4)."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.widgets import Header, Static

from loopbaan.dialogs.edit_goal import EditGoalScreen
from loopbaan.dialogs.edit_milestone import EditMilestoneScreen
from loopbaan.dialogs.goal_status import StatusScreen
from loopbaan.domain import GoalStatus
from loopbaan.i18n import N_, _
from loopbaan.labels import GOAL_STATUS_LABEL
from loopbaan.safe import in_markup, printable
from loopbaan.screens.journal import JournalScreen
from loopbaan.store import StoreError, talks
from loopbaan.store import goals as store
from loopbaan.store.goals import Goal
from loopbaan.store.items import items_of_goal
from loopbaan.store.undo import Change
from loopbaan.widgets.capture_line import CaptureLine, Prompt
from loopbaan.widgets.goal_detail import GoalDetail
from loopbaan.widgets.goal_list import GoalList, GoalsExplainer
from loopbaan.widgets.goal_table import GoalTable
from loopbaan.widgets.keys_footer import KeysFooter
from loopbaan.widgets.row_table import RowTable

LINKED_TASKS_SHOWN = 50


class GoalsScreen(JournalScreen):
    """The goal list on top, the highlighted goal below; every change is undoable."""

    CSS_PATH = "goals.tcss"
    # n, m and the capture line's Enter and Escape are priority bindings: they
    # must reach the screen while the line's input has the focus.
    BINDINGS = [
        Binding("n", "new_goal", N_("New goal"), priority=True, id="goals.new_goal"),
        Binding("m", "new_milestone", N_("Milestone"), priority=True, id="goals.new_milestone"),
        Binding("enter", "capture_create", N_("Create"), priority=True, id="goals.create"),
        Binding("escape", "capture_cancel", N_("Done"), priority=True, id="goals.close"),
        Binding("e", "edit", N_("Edit"), id="goals.edit"),
        Binding("x", "tick", N_("Tick"), id="goals.tick"),
        Binding("s", "status", N_("Status"), id="goals.status"),
        Binding("delete", "delete", N_("Delete"), id="goals.delete"),
        Binding("f", "show_all", N_("Show all"), id="goals.show"),
        Binding("f", "show_active", N_("Active only"), id="goals.show"),
        # One footer entry for both: "⇧↑↓ Move".
        Binding(
            "shift+up",
            "move(-1)",
            N_("Move"),
            key_display="⇧↑↓",
            tooltip=N_("shift+↑ and shift+↓ reorder goals and milestones"),
            id="goals.move_up",
        ),
        Binding("shift+down", "move(1)", N_("Move down"), show=False, id="goals.move_down"),
        Binding("escape", "back_to_goals", N_("Back to goals"), show=False, id="goals.close"),
        # Only while the offer stands (a milestone ticked, a goal achieved): a key of its
        # own, so that a key typed ahead keeps its meaning.
        Binding(
            "F",
            "ask_feedback",
            N_("Ask feedback"),
            tooltip=N_("a task to ask someone for feedback on what you just finished"),
            id="goals.ask_feedback",
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.show_all = False
        self.goals: dict[int, Goal] = {}
        self._detail_goal_id: int | None = None  # the goal the detail shows
        self.feedback_offer: tuple[int, str] | None = None  # (goal id, what was finished)

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="panes"):
            yield GoalList(id="list-pane")
            yield GoalDetail(id="detail")
        yield GoalsExplainer(id="explainer-box")
        yield Static(id="feedback-offer", markup=False)
        yield CaptureLine(id="capture")
        yield KeysFooter()

    def on_screen_resume(self) -> None:
        self.reload()

    # ------------------------------------------------------------------ state

    @property
    def capture(self) -> CaptureLine:
        return self.query_one(CaptureLine)

    @property
    def goal_id(self) -> int | None:
        """The goal under the list's cursor (read from the table, never from a message)."""
        table = self.query_one(GoalTable)
        return table.selected_id if table.display else None

    @property
    def milestone_id(self) -> int | None:
        """The milestone under the milestone list's cursor."""
        table = self.query_one("#milestones", RowTable)
        return table.selected_id if table.display and self.goal_id is not None else None

    @property
    def goal(self) -> Goal | None:
        goal_id = self.goal_id
        return self.goals.get(goal_id) if goal_id is not None else None

    def _milestones_focused(self) -> bool:
        return self.focused is not None and self.focused.id == "milestones"

    def show_goal(self, goal_id: int) -> None:
        """The goal `goal_id` under the cursor (another screen asked); a goal that is not
        active shows all goals, so that it is in the list."""
        try:
            goal = store.get_goal(self.conn, goal_id)
        except StoreError as error:  # deleted meanwhile
            self.notify(printable(str(error)), severity="warning", markup=False)
            return
        if goal.status is not GoalStatus.ACTIVE:
            self.show_all = True
        self.reload(goal_id=goal_id)
        self._focus_list()

    def reload(self, goal_id: int | None = None, milestone_id: int | None = None) -> None:
        """Read the goals of the filter and the highlighted goal's detail again.

        The cursors stay on the goal and milestone they were on, or go to the ones given.
        """
        goal_id = goal_id or self.goal_id
        milestone_id = milestone_id or self.milestone_id
        statuses = None if self.show_all else (GoalStatus.ACTIVE,)
        goals = store.list_goals(self.conn, statuses)
        self.goals = {goal.id: goal for goal in goals}
        self.query_one(GoalList).show(goals, self.today, goal_id, show_all=self.show_all)
        has_any = bool(goals) or bool(store.list_goals(self.conn))
        self.query_one("#panes").display = has_any
        self.query_one(GoalsExplainer).display = not has_any
        self.sub_title = _("Goals")
        self._show_detail(milestone_id)
        self._offer(self.feedback_offer)

    def change(self, label: str, work: Callable[[Change], object]) -> bool:
        """Every change takes back the offer to ask for feedback (the tick that made
        it offers it again)."""
        self._offer(None)
        return super().change(label, work)

    def _offer(self, offer: tuple[int, str] | None) -> None:
        """Offer to ask for feedback on what was finished; None takes the offer back.

        The offer stands until the next change: a line and the key F, never a dialog."""
        self.feedback_offer = offer
        line = self.query_one("#feedback-offer", Static)
        line.display = offer is not None
        if offer is not None:
            line.update(
                _("Finished “{about}”: ask someone for feedback on it? F adds the task").format(
                    about=printable(offer[1])
                )
            )
        self.keys_changed()

    def _show_detail(self, milestone_id: int | None = None) -> None:
        """Fill in the goal under the cursor; one goal's milestones and tasks, by index."""
        detail = self.query_one(GoalDetail)
        goal = self.goal
        detail.display = goal is not None
        if goal is not None:
            same_goal = goal.id == self._detail_goal_id
            detail.show(
                goal,
                store.milestones(self.conn, goal.id),
                items_of_goal(self.conn, goal.id, limit=LINKED_TASKS_SHOWN),
                self.today,
                milestone_id if same_goal else None,
                first=not same_goal,
            )
        changed = goal is None or goal.id != self._detail_goal_id
        if changed and self._milestones_focused():
            self._focus_list()  # those were another goal's milestones
        self._detail_goal_id = goal.id if goal else None
        self.call_after_refresh(self._keep_focus)

    def _keep_focus(self) -> None:
        """Back to the goal list when the focused list was hidden (its last row went)."""
        if self.focused is None or self.focused not in self.focus_chain:
            self._focus_list()

    def _focus_list(self) -> None:
        if self.capture.kind is None:
            self.set_focus(self.query_one(GoalTable))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action.startswith("capture_"):
            return self.capture.kind is not None
        if self.capture.kind is not None:
            return False  # while typing a title, keys are text
        if action == "show_all":
            return not self.show_all
        if action == "show_active":
            return self.show_all
        if action == "tick":
            return self._milestones_focused()
        if action == "back_to_goals":
            return not isinstance(self.focused, GoalTable)
        if action == "ask_feedback":
            return self.feedback_offer is not None
        if action in ("new_milestone", "edit", "status", "delete", "move"):
            return None if self.goal is None else True
        return True

    def on_descendant_focus(self) -> None:
        self.keys_changed()

    # ------------------------------------------------------------------ actions

    def action_new_goal(self) -> None:
        self.capture.begin(
            "goal",
            lambda: Prompt(
                _("New goal:"), _("its title; Enter creates it, Esc cancels"), self._create_goal
            ),
        )
        self.keys_changed()

    def action_new_milestone(self) -> None:
        def prepare() -> Prompt | None:
            goal = self.goal  # asked only now: it may be the goal just typed
            if goal is None:
                self.notify(_("make a goal first: n"))
                return None
            return Prompt(
                _("Milestone for “{goal}”:").format(goal=goal.title),
                _("its title; Enter adds it, Esc cancels"),
                lambda title: self._create_milestone(goal.id, title),
            )

        self.capture.begin("milestone", prepare)
        self.keys_changed()

    def _create_goal(self, title: str) -> None:
        created: list[Goal] = []

        def work(change: Change) -> None:
            created.append(store.add_goal(self.conn, title))
            change.created("goal", created[0].id)

        if self.change(_("new goal “{title}”").format(title=in_markup(title)), work):
            self.reload(goal_id=created[0].id)
            self.notify(_("goal created: e fills in the rest, m adds a milestone"))

    def _create_milestone(self, goal_id: int, title: str) -> None:
        created: list[store.Milestone] = []

        def work(change: Change) -> None:
            created.append(store.add_milestone(self.conn, goal_id, title))
            change.created("milestone", created[0].id)

        if self.change(_("new milestone “{title}”").format(title=in_markup(title)), work):
            self.reload(goal_id=goal_id, milestone_id=created[0].id)

    def action_edit(self) -> None:
        goal = self.goal
        if goal is None:
            return
        if self._milestones_focused() and self.milestone_id is not None:
            milestone = store.get_milestone(self.conn, self.milestone_id)
            self.app.push_screen(
                EditMilestoneScreen(milestone, self.today),
                lambda result: self._save_milestone(milestone.id, result),
            )
        else:
            self.app.push_screen(
                EditGoalScreen(goal, self.today), lambda result: self._save_goal(goal.id, result)
            )

    def _save_goal(self, goal_id: int, values: dict[str, Any] | None) -> None:
        if values is None:
            return
        title = values["title"]

        def work(change: Change) -> None:
            change.track("goal", goal_id)
            store.edit_goal(self.conn, goal_id, **values)

        if self.change(_("edit “{title}”").format(title=in_markup(title)), work):
            self._after_status_change(goal_id, values["status"])

    def _save_milestone(self, milestone_id: int, result: tuple[str, date | None] | None) -> None:
        if result is None:
            return
        title, due_day = result

        def work(change: Change) -> None:
            change.track("milestone", milestone_id)
            store.edit_milestone(self.conn, milestone_id, title=title, due_day=due_day)

        if self.change(_("edit milestone “{title}”").format(title=in_markup(title)), work):
            self.reload()

    def action_tick(self) -> None:
        milestone_id = self.milestone_id
        if milestone_id is None:
            return
        ticked: list[store.Milestone] = []

        def work(change: Change) -> None:
            change.track("milestone", milestone_id)
            ticked.append(store.tick_milestone(self.conn, milestone_id, self.today))

        if self.change(_("tick a milestone"), work):
            self.reload()
            if ticked and ticked[0].done_on and self.goal:
                self._offer((ticked[0].goal_id, ticked[0].title))
                if not self._open_milestones():
                    self.notify(
                        _("all milestones done: s marks the goal achieved, m adds the next")
                    )

    def _open_milestones(self) -> bool:
        goal = self.goal
        return goal is not None and goal.milestones_done < goal.milestones_total

    def action_status(self) -> None:
        goal = self.goal
        if goal is not None:
            self.app.push_screen(StatusScreen(goal), lambda status: self._set_status(goal, status))

    def _set_status(self, goal: Goal, status: GoalStatus | None) -> None:
        if status is None or status is goal.status:
            return

        def work(change: Change) -> None:
            change.track("goal", goal.id)
            store.edit_goal(self.conn, goal.id, status=status)

        label = _("“{title}” {status}").format(
            title=in_markup(goal.title), status=_(GOAL_STATUS_LABEL[status])
        )
        if self.change(label, work):
            self._after_status_change(goal.id, status)

    def _after_status_change(self, goal_id: int, status: GoalStatus) -> None:
        """Reload; say so when the goal left the list because of the filter; offer to
        ask for feedback on a goal achieved."""
        self.reload()
        if status is GoalStatus.ACHIEVED:
            self._offer((goal_id, store.get_goal(self.conn, goal_id).title))
        if self.goal_id != goal_id:
            self.notify(
                _("the goal is {status} now; f shows all goals").format(
                    status=_(GOAL_STATUS_LABEL[status])
                )
            )

    def action_delete(self) -> None:
        goal = self.goal
        if goal is None:
            return
        if self._milestones_focused() and self.milestone_id is not None:
            milestone_id = self.milestone_id

            def drop_milestone(change: Change) -> None:
                change.track("milestone", milestone_id)
                store.delete_milestone(self.conn, milestone_id)

            if self.change(_("delete a milestone"), drop_milestone):
                self.reload()
                self.notify(_("milestone deleted (ctrl+z brings it back)"))
            return

        def drop_goal(change: Change) -> None:
            change.track("goal", goal.id)
            for item_id in store.linked_item_ids(self.conn, goal.id):
                change.track("item", item_id)  # the delete unlinks them; undo links them again
            store.delete_goal(self.conn, goal.id)

        if self.change(_("delete “{title}”").format(title=in_markup(goal.title)), drop_goal):
            self.reload()
            self.notify(
                _("“{title}” deleted (ctrl+z brings it back)").format(title=printable(goal.title)),
                markup=False,
            )

    def action_move(self, step: int) -> None:
        goal = self.goal
        if goal is None:
            return
        if self._milestones_focused() and self.milestone_id is not None:
            self._move_milestone(goal, self.milestone_id, step)
            return
        group = [g.id for g in store.list_goals(self.conn, (goal.status,))]
        if not 0 <= group.index(goal.id) + step < len(group):
            self.app.bell()
            return

        def work(change: Change) -> None:
            for goal_id in group:
                change.track("goal", goal_id)
            store.move_goal(self.conn, goal.id, step)

        if self.change(_("move “{title}”").format(title=in_markup(goal.title)), work):
            self.reload()

    def _move_milestone(self, goal: Goal, milestone_id: int, step: int) -> None:
        group = [m.id for m in store.milestones(self.conn, goal.id)]
        if not 0 <= group.index(milestone_id) + step < len(group):
            self.app.bell()
            return

        def work(change: Change) -> None:
            for other in group:
                change.track("milestone", other)
            store.move_milestone(self.conn, milestone_id, step)

        if self.change(_("move a milestone"), work):
            self.reload()

    def action_show_all(self) -> None:
        self.show_all = True
        self.reload()

    def action_show_active(self) -> None:
        self.show_all = False
        self.reload()

    def action_ask_feedback(self) -> None:
        offer = self.feedback_offer
        if offer is None:
            return
        goal_id, about = offer
        self.capture.begin(
            "feedback",
            lambda: Prompt(
                _("Ask whom for feedback on “{about}”:").format(about=about),
                _("a name; Enter adds the task for today, Esc ends"),
                lambda whom: self._ask_feedback(goal_id, about, whom),
            ),
        )
        self.keys_changed()

    def _ask_feedback(self, goal_id: int, about: str, whom: str) -> None:
        added = []

        def work(change: Change) -> None:
            added.append(
                talks.add_feedback_ask(
                    self.conn, whom, about, self.today, goal_id=goal_id, change=change
                )
            )

        if self.change(_("ask {name} for feedback").format(name=in_markup(whom)), work):
            self.reload()
            self.notify(
                _("“{title}” is on today's list").format(title=printable(added[0].title)),
                markup=False,
            )

    def action_back_to_goals(self) -> None:
        self._focus_list()

    # ------------------------------------------------------------------ messages

    @on(RowTable.RowHighlighted, "#goals")
    def _goal_highlighted(self) -> None:
        if self.goal_id != self._detail_goal_id:
            self._show_detail()
            self.keys_changed()

    @on(CaptureLine.Closed)
    def _capture_closed(self) -> None:
        self.call_after_refresh(self._keep_focus)

    @on(RowTable.RowSelected, "#goals")
    def _goal_chosen(self) -> None:
        milestones = self.query_one("#milestones", RowTable)
        if milestones.display:
            milestones.focus()
