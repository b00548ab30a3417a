"""Today: the end-of-day review (method, point 1).

The day's items rated + − 0, tasks ticked off or postponed with a reason, what
earlier days left open, and a few reflection fields. Only the day shown is read
(plus a short, limited list of earlier leftovers), so moving a day is instant on
a journal of any age. Every change goes through the undo log.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.reactive import reactive
from textual.widgets import Header, Static

from loopbaan.domain import GoalStatus, Item, Kind, Rating, Reason, Status, parse_markers
from loopbaan.i18n import N_, _
from loopbaan.labels import RATING_MARK, REASON_LABEL
from loopbaan.safe import in_markup, printable
from loopbaan.screens.journal import JournalScreen
from loopbaan.store import goals
from loopbaan.store import items as store
from loopbaan.store import today as leftovers
from loopbaan.store.attitudes import check_in_reminder
from loopbaan.store.reviews import DayReview, day_review, finish_day_review, save_day_review
from loopbaan.store.talks import talk_reminder
from loopbaan.store.undo import Change
from loopbaan.widgets.capture_line import CaptureLine
from loopbaan.widgets.dates import short_day
from loopbaan.widgets.day_items import DayItems
from loopbaan.widgets.day_line import DayLine, DayStatus, finished_notice
from loopbaan.widgets.item_capture import ItemCaptureLine
from loopbaan.widgets.item_table import ItemTable
from loopbaan.widgets.keys_footer import KeysFooter
from loopbaan.widgets.review_panel import ReviewPanel, field_label
from loopbaan.widgets.talk_table import talk_line

ITEM_ACTIONS = {"rate", "tick", "drop", "postpone", "edit", "delete", "link_goal"}
NARROW = 100  # below this many columns the reflection goes under the items


class TodayScreen(JournalScreen):
    CSS_PATH = "today.tcss"
    AUTO_FOCUS = "#today-table"
    # a, and the capture line's Enter and Escape, act the moment they arrive, so
    # that quick typing lands in order (see widgets/capture_line.py).
    BINDINGS = [
        Binding("a", "add", N_("Add"), priority=True, id="today.add"),
        Binding("enter", "capture_create", N_("Add it"), priority=True, id="today.create"),
        Binding("escape", "capture_cancel", N_("Done"), priority=True, id="today.close"),
        Binding(
            "plus",
            "rate('plus')",
            N_("Plus"),
            tooltip=N_("rate the highlighted item +"),
            id="today.plus",
        ),
        Binding(
            "minus",
            "rate('minus')",
            N_("Minus"),
            tooltip=N_("rate the highlighted item −"),
            id="today.minus",
        ),
        Binding(
            "0",
            "rate('neutral')",
            N_("Neutral"),
            tooltip=N_("rate the highlighted item 0"),
            id="today.neutral",
        ),
        Binding(
            "x",
            "tick",
            N_("Tick"),
            tooltip=N_("tick a task off, or open it again"),
            id="today.tick",
        ),
        Binding(
            "d",
            "drop",
            N_("Drop"),
            tooltip=N_("drop a task honestly, or take it up again"),
            id="today.drop",
        ),
        Binding(
            "p",
            "postpone",
            N_("Postpone"),
            tooltip=N_("move a task to a later day, and why"),
            id="today.postpone",
        ),
        Binding("e", "edit", N_("Edit"), tooltip=N_("title, kind, day and note"), id="today.edit"),
        Binding(
            "g",
            "link_goal",
            N_("Goal"),
            tooltip=N_("count the highlighted item for a goal"),
            id="today.goal",
        ),
        Binding(
            "delete", "delete", N_("Delete"), tooltip=N_("ctrl+z brings it back"), id="today.delete"
        ),
        Binding(
            "left_square_bracket",
            "step_day(-1)",
            N_("Previous day"),
            show=False,
            id="today.previous_day",
        ),
        Binding(
            "right_square_bracket", "step_day(1)", N_("Next day"), show=False, id="today.next_day"
        ),
        Binding("t", "go_today", N_("Back to today"), show=False, id="today.back_to_today"),
        Binding(
            "r",
            "reflect",
            N_("Reflect"),
            tooltip=N_("energy 1–5, then what you liked"),
            id="today.reflect",
        ),
        Binding(
            "f",
            "finish",
            N_("Finish"),
            tooltip=N_("mark the review of this day done"),
            id="today.finish",
        ),
        Binding(
            "f",
            "reopen",
            N_("Reopen"),
            tooltip=N_("the review of this day is open again"),
            id="today.finish",
        ),
        # In a reflection field f is a letter: ctrl+f finishes there.
        Binding(
            "ctrl+f",
            "finish(True)",
            N_("Finish"),
            tooltip=N_("finish the review from a field"),
            id="today.finish_in_field",
        ),
        Binding(
            "escape", "back_to_items", N_("Items"), tooltip=N_("back to the list"), id="today.close"
        ),
        # Only while a check-in is due: an offer with a key of its own, never a dialog
        # that opens by itself (typed-ahead keys keep their meaning).
        Binding(
            "c",
            "check_in",
            N_("Check in"),
            tooltip=N_("an attitude check-in is due: rate your career attitudes 1–5"),
            id="today.check_in",
        ),
    ]

    # The widgets that show the day repaint themselves: no repaint of the whole
    # screen (~10 ms a day step).
    day: reactive[date] = reactive(date.min, init=False, repaint=False)

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[int, Item] = {}
        self.review = DayReview(date.min)
        self._resumed_once = False
        self._today_seen = date.min  # the app's today when this screen last looked
        self._keys_state: tuple[bool, bool, bool] | None = None  # what the footer last showed
        self.check_in_due = False  # the offer of an attitude check-in stands

    def compose(self) -> ComposeResult:
        yield Header()
        yield DayLine(id="today-dayline")
        yield DayStatus(id="today-status")
        yield Static(id="today-offers", markup=False)
        with Horizontal(id="today-body"):
            yield DayItems(id="today-items")
            yield ReviewPanel(id="today-review")
        yield ItemCaptureLine(id="today-capture", later=True)
        yield KeysFooter()

    def on_mount(self) -> None:
        # The header names the screen; the day line says which day and whether it
        # is finished. A sub-title per day would cost every day step a second
        # layout pass, a frame later (~30 ms).
        self.sub_title = _("Today")
        self.query_one(ReviewPanel).border_title = _("Reflection")
        self.set_reactive(TodayScreen.day, self.today)
        self._today_seen = self.today
        self.reload(first=True)
        # The app's queue is served once the app is ready, after Textual's startup
        # batch: the fields come just after the day's items are painted.
        self.app.call_later(self._add_fields)

    def _add_fields(self) -> None:
        """What the first paint need not wait for: the reflection and the capture line."""
        self.query_one(ReviewPanel).add_fields()
        self.capture.add_input()

    def on_screen_resume(self) -> None:
        if self._resumed_once:
            self._keys_state = None  # the footer checks its keys again
            if self._today_seen != self.today:
                self.today_changed(self._today_seen)
            else:
                self.reload()  # another screen may have changed the journal
        self._resumed_once = True

    def today_changed(self, old: date) -> None:
        """Past midnight: the screen that showed today shows the new today."""
        self._today_seen = self.today
        if self.day == old:
            self.day = self.today  # reads the new day
        else:
            self.reload()  # "today" and "yesterday" moved on in the day line

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")

    # ------------------------------------------------------------------ state

    @property
    def capture(self) -> ItemCaptureLine:
        return self.query_one(ItemCaptureLine)

    @property
    def item(self) -> Item | None:
        """The highlighted item of the focused list: what the keys act on."""
        table = self.focused if isinstance(self.focused, ItemTable) else None
        item_id = table.selected_id if table else None
        return self.items.get(item_id) if item_id is not None else None

    def show_day(self, day: date, item_id: int | None = None) -> None:
        """Show `day`, the cursor on `item_id` when it is there (another screen asked)."""
        self.set_reactive(TodayScreen.day, day)
        self.reload(item_id, first=item_id is None)

    def watch_day(self) -> None:
        self.reload(first=True)

    def reload(self, selected: int | None = None, *, first: bool = False) -> None:
        """Read the day shown again; cursors stay on their items (or go to `selected`)."""
        day, conn = self.day, self.conn
        moves = leftovers.moved_from_day(conn, day)
        shown = [*store.items_for_day(conn, day), *(item for item, _move in moves)]
        earlier = leftovers.earlier(conn, day)
        self.review = day_review(conn, day)
        self.items = {item.id: item for item in (*shown, *earlier.items)}
        first_run = not self.items and leftovers.journal_is_empty(conn)

        lists = self.query_one(DayItems)
        lists.show(
            day,
            self.today,
            shown,
            {item.id: move for item, move in moves},
            earlier,
            first_run=first_run,
            selected=selected,
            first=first,
        )
        self._show_day(shown, len(moves), first_run)
        self.query_one(ReviewPanel).show(self.review)
        for table in lists.tables:
            if selected is not None and table.display and table.selected_id == selected:
                if self.capture.kind is None:
                    self.set_focus(table)
                else:  # typing the next title: the list gets the focus back after it
                    self.capture.return_to(table)
        self._keep_focus()
        # Only when a key changes (finish/reopen, an item to act on or not); the
        # footer then shows it in the same repaint as the day.
        self._show_offers()
        keys_state = (self.review.finished, self.item is None, self.check_in_due)
        if keys_state != self._keys_state:
            self._keys_state = keys_state
            self.keys_changed()

    def _show_day(self, shown: list[Item], moved: int, first_run: bool) -> None:
        finished = self.review.finished
        status = self.query_one(DayStatus)
        if self.has_class("-finished") != finished:
            # Only the status line reads the class: restyle it alone, not every
            # widget of the screen (~40 ms at startup on a finished day).
            self.set_class(finished, "-finished", update=False)
            status.update_node_styles()
        self.query_one(DayLine).show(self.day, self.today)
        status.show(self.day, shown, moved, finished=finished, first_run=first_run)

    def _show_offers(self) -> None:
        """The career-talk nudge and the check-in offer, about today whatever day is shown."""
        settings = self.app.settings
        nudge = talk_reminder(self.conn, self.today, settings.talk_reminder_weeks)
        self.check_in_due = check_in_reminder(self.conn, self.today, settings.check_in_days)
        parts = [talk_line(nudge)] if nudge.due else []
        if self.check_in_due:
            parts.append(_("an attitude check-in is due: c checks in"))
        offers = self.query_one("#today-offers", Static)
        offers.display = bool(parts)
        if parts:
            offers.update(" · ".join(parts), layout=False)

    def _keep_focus(self) -> None:
        """Back to a list when the focused one was hidden (its last row went)."""
        if self.capture.kind is not None:
            return
        if self.focused is not None and self.focused in self.focus_chain:
            return
        self.set_focus(self.query_one(DayItems).list_for_focus())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        typing = self.capture.kind is not None
        if action.startswith("capture_"):
            return typing
        if typing:
            return False  # while typing a title, keys are text
        in_list = isinstance(self.focused, ItemTable) or self.focused is None
        in_field = self.query_one(ReviewPanel).typing  # keys are text there
        if action == "add":  # a priority key: not while typing in a reflection field
            return not in_field
        if action in ITEM_ACTIONS:  # list keys live in the list, and only there
            if not in_list:
                return False
            return None if self.item is None else True
        if action == "finish":
            # f in a list or on the energy; ctrl+f (finish(True)) in a text field
            return not self.review.finished and bool(parameters) == in_field
        if action == "reopen":
            return self.review.finished and not in_field
        if action == "back_to_items":
            return not in_list
        if action == "reflect":
            return in_list
        if action == "check_in":
            return self.check_in_due and not in_field
        return True

    def on_descendant_focus(self) -> None:
        self.keys_changed()

    # ------------------------------------------------------------------ changes

    def _change_item(self, item: Item, label: str, work: Callable[[], object]) -> bool:
        """One undoable change of an existing item; the cursor stays on it."""

        def tracked(change: Change) -> None:
            change.track("item", item.id)
            work()

        if not self.change(label.format(title=in_markup(item.title)), tracked):
            return False
        self.reload()
        return True

    # ------------------------------------------------------------------ actions

    def action_add(self) -> None:
        self.capture.begin_item(self._add)
        self.keys_changed()

    def _add(self, line: str) -> bool:
        """A typed line becomes an item of the day shown, rated if it starts with + − 0."""
        kind, rating, title = parse_markers(line)
        if not title:
            self.notify(_("type a title after the marks"), severity="warning")
            return False
        created: list[Item] = []

        def work(change: Change) -> None:
            created.append(
                store.add_item(
                    self.conn, title, day=self.day, kind=kind or Kind.ACTIVITY, rating=rating
                )
            )
            change.created("item", created[0].id)

        if not self.change(_("add “{title}”").format(title=in_markup(title)), work):
            return False
        self.reload(selected=created[0].id)
        return True

    def action_rate(self, value: str) -> None:
        item, rating = self.item, Rating(value)
        if item is None or item.rating is rating:
            return
        self._change_item(
            item,
            _("rate “{title}”") + f" {RATING_MARK[rating]}",
            lambda: store.rate(self.conn, item.id, rating),
        )

    def action_tick(self) -> None:
        item = self.item
        if item is None:
            return
        if not item.is_task:
            self.notify(_("only tasks are ticked off; + − 0 rate this one"))
        elif item.status is Status.OPEN:
            self._set_status(item, Status.DONE, _("tick off “{title}”"))
        else:
            self._set_status(item, Status.OPEN, _("open “{title}” again"))

    def action_drop(self) -> None:
        item = self.item
        if item is None:
            return
        if not item.is_task:
            self.notify(_("only tasks are dropped; delete removes an item"))
        elif item.status is Status.DROPPED:
            self._set_status(item, Status.OPEN, _("take up “{title}” again"))
        elif self._set_status(item, Status.DROPPED, _("drop “{title}”")):
            self.notify(
                _("“{title}” dropped · ctrl+z takes it back").format(title=printable(item.title)),
                markup=False,
            )

    def _set_status(self, item: Item, status: Status, label: str) -> bool:
        """A task ticked off or dropped on the day shown, or open again."""
        on = None if status is Status.OPEN else self.day
        return self._change_item(
            item, label, lambda: store.set_status(self.conn, item.id, status, on=on)
        )

    def action_postpone(self) -> None:
        item = self.item
        if item is None:
            return
        if not item.is_task or item.status is not Status.OPEN:
            self.notify(_("only open tasks are postponed"))
            return
        from loopbaan.dialogs.postpone import PostponeScreen  # not needed for the first paint

        self.app.push_screen(
            PostponeScreen(item, self.day), lambda result: self._postpone(item, result)
        )

    def _postpone(self, item: Item, result: tuple[date, Reason, str] | None) -> None:
        """Make the change the dialog asked for: a `postpone.Postponing` (day, reason, note)."""
        if result is None:
            return
        to_day, reason, note = result
        if self._change_item(
            item,
            _("postpone “{title}”"),
            lambda: store.postpone(self.conn, item.id, to_day, reason, note),
        ):
            self.notify(
                _("“{title}” moved to {day}: {reason}").format(
                    title=printable(item.title),
                    day=short_day(to_day, self.today),
                    reason=_(REASON_LABEL[reason]),
                ),
                markup=False,
            )

    def action_edit(self) -> None:
        item = self.item
        if item is None:
            return
        from loopbaan.dialogs.edit_item import EditItemScreen  # not needed for the first paint

        self.app.push_screen(
            EditItemScreen(item, self.day), lambda values: self._edit(item, values)
        )

    def _edit(self, item: Item, values: dict[str, Any] | None) -> None:
        if values is None:
            return
        edited = self._change_item(
            item, _("edit “{title}”"), lambda: store.edit_item(self.conn, item.id, **values)
        )
        if edited and item.id not in self.items:
            self.notify(
                _("“{title}” is on {day} now").format(
                    title=printable(values["title"]), day=short_day(values["day"], self.today)
                ),
                markup=False,
            )

    def action_link_goal(self) -> None:
        item = self.item
        if item is None:
            return
        active = goals.list_goals(self.conn, (GoalStatus.ACTIVE,))
        if not active:
            self.notify(_("no active goal yet: 3 shows the goals, n starts one"))
            return
        from loopbaan.dialogs.goal_picker import GoalPicker  # not needed for the first paint

        self.app.push_screen(
            GoalPicker(active, title=_("Count “{title}” for a goal").format(title=item.title)),
            lambda goal_id: self._link_goal(item, goal_id),
        )

    def _link_goal(self, item: Item, goal_id: int | None) -> None:
        if goal_id is None or goal_id == item.goal_id:
            return
        if self._change_item(
            item,
            _("link “{title}” to a goal"),
            lambda: store.edit_item(self.conn, item.id, goal_id=goal_id),
        ):
            goal = goals.get_goal(self.conn, goal_id)
            self.notify(
                _("“{title}” counts for “{goal}” now").format(
                    title=printable(item.title), goal=printable(goal.title)
                ),
                markup=False,
            )

    def action_delete(self) -> None:
        item = self.item
        if item is not None and self._change_item(
            item, _("delete “{title}”"), lambda: store.delete_item(self.conn, item.id)
        ):
            self.notify(
                _("“{title}” deleted · ctrl+z brings it back").format(title=printable(item.title)),
                markup=False,
            )

    def action_step_day(self, step: int) -> None:
        try:
            self.day += timedelta(days=step)
        except OverflowError:
            self.end_of_calendar()

    def action_go_today(self) -> None:
        self.day = self.today

    def action_finish(self, from_field: bool = False) -> None:
        if not self._finish(True):
            return
        if from_field:
            self.action_back_to_items()  # done writing: q quits, the list keys work
        self.notify(finished_notice(self.day, self.today, list(self.items.values())))

    def action_reopen(self) -> None:
        self._finish(False)

    def _finish(self, finished: bool) -> bool:
        day = self.day
        label = _("finish the review of {day}") if finished else _("reopen the review of {day}")

        def work(change: Change) -> None:
            change.track("day_review", day.isoformat())
            finish_day_review(self.conn, day, finished)

        if not self.change(label.format(day=short_day(day, self.today)), work):
            return False
        self.reload()
        return True

    def action_reflect(self) -> None:
        """To the reflection: energy first (a digit sets it and goes on to the texts)."""
        panel = self.query_one(ReviewPanel)
        panel.add_fields()
        panel.start()

    def action_check_in(self) -> None:
        self.open_check_in()

    def action_back_to_items(self) -> None:
        self.set_focus(None)
        self._keep_focus()

    # ------------------------------------------------------------------ messages

    @on(CaptureLine.Closed)
    def _capture_closed(self) -> None:
        self._keep_focus()

    @on(ReviewPanel.Edited)
    def _review_edited(self, event: ReviewPanel.Edited) -> None:
        label = _("“{field}” of {day}").format(
            field=field_label(event.field), day=short_day(event.day, self.today)
        )

        def work(change: Change) -> None:
            change.track("day_review", event.day.isoformat())
            save_day_review(self.conn, event.day, **{event.field: event.value})

        if self.change(label, work):
            self.query_one(ReviewPanel).saved(event.day, event.field, event.value)
