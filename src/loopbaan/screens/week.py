"""Week: the weekly look back (method, point 1).

Pluses and minuses per day and per tag, what gave and cost energy, what was
postponed and why, the goals that moved, and the four week questions. Only the
week shown is read (a handful of indexed, aggregated queries), so stepping
through the weeks is instant on a journal of any age. Answers are saved as they
are typed, each save one undoable change.
"""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, VerticalScroll
from textual.widgets import Header, Input, Static

from loopbaan.i18n import N_, _, ngettext
from loopbaan.insight.week import Week, WeekSummary, summarize, week_of
from loopbaan.screens.journal import JournalScreen
from loopbaan.store.reviews import WeekReview, finish_week_review, save_week_review, week_review
from loopbaan.store.undo import Change
from loopbaan.store.week import track_week_review, week_rows
from loopbaan.widgets.keys_footer import KeysFooter
from loopbaan.widgets.week_panels import (
    DaysPanel,
    GoalsPanel,
    PostponedPanel,
    StandoutsPanel,
    TagsPanel,
    WeekPanel,
    relative_week,
    week_title,
)
from loopbaan.widgets.week_questions import QUESTIONS, WeekQuestions

NARROW = 100  # below this many columns the questions go under the figures


class WeekScreen(JournalScreen):
    CSS_PATH = "week.tcss"
    AUTO_FOCUS = "#week-body"
    BINDINGS = [
        Binding(
            "left_square_bracket",
            "step_week(-1)",
            N_("Previous week"),
            show=False,
            id="week.previous_week",
        ),
        Binding(
            "right_square_bracket", "step_week(1)", N_("Next week"), show=False, id="week.next_week"
        ),
        Binding("t", "this_week", N_("This week"), show=False, id="week.this_week"),
        Binding(
            "f",
            "finish",
            N_("Finish"),
            tooltip=N_("mark the review of this week done"),
            id="week.finish",
        ),
        Binding(
            "f",
            "reopen",
            N_("Reopen"),
            tooltip=N_("the review of this week is open again"),
            id="week.finish",
        ),
        Binding("ctrl+z", "undo", N_("Undo"), show=False, id="week.undo"),
        # In a question's field f is a letter: ctrl+f finishes there.
        Binding(
            "ctrl+f",
            "finish(True)",
            N_("Finish"),
            tooltip=N_("finish the week from a field"),
            id="week.finish_in_field",
        ),
        Binding("escape", "back_to_week", N_("Back to the week"), id="week.back"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.week = Week(date.min, 0, 0)  # the week of today, from on_mount
        self.summary: WeekSummary | None = None
        self.review = WeekReview(0, 0)
        self._resumed_once = False
        self._finished_shown: bool | None = None  # what the footer last showed
        self.questions = WeekQuestions(id="week-questions")

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="week-line"):
            yield Static(id="week-title", markup=False)
            yield Static(_("[ ] previous · next week   t this week"), id="week-nav", markup=False)
        yield Static(id="week-status", markup=False)
        # One scroll for all: figures beside the questions, or above them when narrow.
        with VerticalScroll(id="week-body"):
            with Grid(id="week-figures"):
                yield DaysPanel(_("Days"), id="week-days")
                yield TagsPanel(_("Tags"), id="week-tags")
                yield StandoutsPanel(_("Most plus and minus"), id="week-standouts")
                yield GoalsPanel(_("Goals that moved"), id="week-goals")
                yield PostponedPanel(_("Postponed, and why"), id="week-postponed")
            yield self.questions
        yield KeysFooter()

    def on_mount(self) -> None:
        # The header names the screen; the week line says which week and whether it
        # is finished (a sub-title per week would cost a second layout pass).
        self.sub_title = _("Week")
        self.week = self.this_week
        self.reload()

    def on_screen_resume(self) -> None:
        if self._resumed_once:
            self.reload()  # another screen may have changed the journal
        self._resumed_once = True

    def on_screen_suspend(self) -> None:
        self._save_typing()

    def on_unmount(self) -> None:
        self._save_typing()  # the app is closing: what was typed is kept

    def on_resize(self) -> None:
        self.set_class(self.size.width < NARROW, "-narrow")

    # ------------------------------------------------------------------ state

    @property
    def this_week(self) -> Week:
        return week_of(self.today, self.app.settings.first_weekday)

    def reload(self) -> None:
        """Read the week shown again: its counts, and its review."""
        week = self.week
        self.summary = summary = summarize(week, week_rows(self.conn, week.first, week.last))
        self.review = week_review(self.conn, week.year, week.number)
        finished = self.review.finished
        # Not a class on the screen, which would restyle all of it (~15 ms a week
        # step), nor on the questions (~8 ms, four inputs): the status line alone,
        # and the questions' title in the colour of the theme.
        self.query_one("#week-status").set_class(finished, "-finished")
        title = _("Week questions")
        self.questions.border_title = f"[$text-success]{title} ✓[/]" if finished else title
        self.query_one("#week-title", Static).update(
            f"{week_title(week)} · {relative_week(week, self.this_week)}", layout=False
        )
        self.query_one("#week-status", Static).update(self._status(summary), layout=False)
        for panel in self.query(WeekPanel):
            panel.show(summary, self.today)
        try:
            before = week.shifted(-1)
        except OverflowError:  # the first week of the calendar has none before it
            last_step = ""
        else:
            last_step = week_review(self.conn, before.year, before.number).next_step
        self.questions.show(self.review, last_step)
        # Only when f changed meaning; the footer shows it in the same repaint.
        if finished != self._finished_shown:
            self._finished_shown = finished
            self.keys_changed()

    def _status(self, summary: WeekSummary) -> str:
        if self.review.finished:
            return _("✓ Week review finished · f reopens it")
        total = summary.total
        if not total.items:
            parts = [_("Nothing logged this week; the days on Today (1) add up here")]
        else:
            parts = [
                ngettext("{n} item", "{n} items", total.items).format(n=total.items),
                _("{n} plus").format(n=total.plus),
                _("{n} minus").format(n=total.minus),
                _("{n} neutral").format(n=total.neutral),
            ]
            if total.unrated:
                parts.append(_("{n} not rated").format(n=total.unrated))
        reviewed = len(summary.reviewed_days)
        parts.append(_("{n} of 7 days reviewed").format(n=reviewed))
        parts.append(_("f finishes the week"))
        return " · ".join(parts)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        typing = isinstance(self.focused, Input)
        if action == "finish":
            return not self.review.finished and bool(parameters) == typing
        if action == "reopen":
            return self.review.finished and not typing
        if action == "back_to_week":
            return isinstance(self.focused, Input)
        return True

    # ------------------------------------------------------------------ changes

    def _save_typing(self) -> None:
        """Store the answers typed and not stored yet, each as one undoable change."""
        questions = self.questions  # by reference: it may be leaving the DOM
        year, number = questions.review.year, questions.review.week
        if not year:
            return  # nothing shown yet
        names = {name: _(question) for name, question, _placeholder in QUESTIONS}
        for field, value in questions.edits():

            def work(change: Change, field: str = field, value: str = value) -> None:
                track_week_review(change, self.conn, year, number)
                save_week_review(self.conn, year, number, **{field: value})

            label = _("“{question}” of week {number}").format(question=names[field], number=number)
            if self.change(label, work):
                questions.saved(field, value)

    # ------------------------------------------------------------------ actions

    def show_week(self, day: date) -> None:
        """The week that holds `day` (another screen asked)."""
        self._show_week(week_of(day, self.app.settings.first_weekday))

    def _show_week(self, week: Week) -> None:
        self._save_typing()
        self.week = week
        self.reload()

    def action_step_week(self, step: int) -> None:
        try:
            week = self.week.shifted(step)
        except (OverflowError, ValueError):
            self.end_of_calendar()
            return
        self._show_week(week)

    def action_this_week(self) -> None:
        self._show_week(self.this_week)

    def action_finish(self, from_field: bool = False) -> None:
        if self._finish(True):
            self.notify(_("Week {number} reviewed.").format(number=self.week.number))
            if from_field:
                self.action_back_to_week()

    def action_reopen(self) -> None:
        self._finish(False)

    def _finish(self, finished: bool) -> bool:
        self._save_typing()
        week = self.week
        label = _("finish week {number}") if finished else _("reopen week {number}")

        def work(change: Change) -> None:
            track_week_review(change, self.conn, week.year, week.number)
            finish_week_review(self.conn, week.year, week.number, finished)

        if not self.change(label.format(number=week.number), work):
            return False
        self.reload()
        return True

    def action_undo(self) -> None:
        """Undo; what was just typed is stored first, so that it is what goes."""
        self._save_typing()
        self.app.action_undo()

    def action_back_to_week(self) -> None:
        self.query_one("#week-body").focus()

    # ------------------------------------------------------------------ messages

    @on(WeekQuestions.Paused)
    def _typing_paused(self) -> None:
        self._save_typing()
