"""What the Postponed and Insights screens share: a period picked with keys, read in a worker.

`m` `k` `y` `a` pick this month, quarter, year or all of the journal; `[` `]`
move to the period before or after. The analysis runs in a thread worker so
that even ten years ("all") never hold up a key press, on a read-only connection
of the thread's own (store.db.open_reader); each screen says what to read
(`analyse`) and how to show it (`show_analysis`).

Analyses are kept while the journal stays as it was (store/kept.py), and once a screen has shown
its first one, the other periods a key away (this month, quarter, year, all) are
read in the background on a connection of their own: ten years take ~120 ms to
analyse, and that wait should not come after the key.
"""

from __future__ import annotations

import sqlite3
from contextlib import closing
from datetime import date
from typing import Any

from textual import on, work
from textual.binding import Binding
from textual.worker import Worker, WorkerState

from loopbaan.i18n import N_, _
from loopbaan.insight.periods import Period, Span, move, period_of
from loopbaan.screens.journal import JournalScreen
from loopbaan.store.db import open_reader
from loopbaan.store.kept import Kept, Stamp, change_stamp
from loopbaan.widgets.period_line import PeriodLine

PERIOD_LINE_WAIT = 0.05  # seconds an answer may take before the period line goes first
KEPT = 24  # analyses kept, the least recently used dropped first
Answer = tuple[Period, Any, Any]  # the period read, the journal's bounds, the analysis


class PeriodScreen(JournalScreen):
    """A screen that analyses one period of the journal at a time."""

    BINDINGS = [
        Binding("m", "span('month')", N_("Month"), tooltip=N_("this month"), id="period.month"),
        Binding(
            "k", "span('quarter')", N_("Quarter"), tooltip=N_("this quarter"), id="period.quarter"
        ),
        Binding("y", "span('year')", N_("Year"), tooltip=N_("this year"), id="period.year"),
        Binding("a", "span('all')", N_("All"), tooltip=N_("all of the journal"), id="period.all"),
        Binding(
            "left_square_bracket",
            "step(-1)",
            N_("Earlier"),
            tooltip=N_("the period before"),
            id="period.earlier",
        ),
        Binding(
            "right_square_bracket",
            "step(1)",
            N_("Later"),
            tooltip=N_("the period after"),
            id="period.later",
        ),
    ]
    DEFAULT_SPAN = Span.QUARTER

    def __init__(self) -> None:
        super().__init__()
        self.period = Period(self.DEFAULT_SPAN, date.min, date.min)
        self.bounds: tuple[date, date] | None = None  # the journal's first and last day
        self.loaded = False  # an analysis has arrived at least once
        self._asked = 0  # numbers the reloads, so that a late answer is dropped
        self._answered = 0  # the number of the last reload shown
        self._kept: Kept[object, Answer] = Kept(KEPT)  # workers keep answers from two threads

    def on_mount(self) -> None:
        self.period = period_of(self.DEFAULT_SPAN, self.today)
        self._show_period()

    def on_screen_resume(self) -> None:
        self.reload()  # another screen may have changed the journal: the stamp tells

    # ------------------------------------------------------------------ state

    def journal_bounds(self, conn: sqlite3.Connection) -> tuple[date, date] | None:
        """The days "all" spans; None for an empty journal. Runs in a worker."""
        raise NotImplementedError

    def analyse(self, conn: sqlite3.Connection, period: Period) -> Any:
        """Read what the screen shows for `period`. Runs in a worker, never touches widgets."""
        raise NotImplementedError

    def show_analysis(self, analysis: Any) -> None:
        """Show what `analyse` read (on the UI thread)."""
        raise NotImplementedError

    def reload(self) -> None:
        """Read the period again (after a change, or another period picked)."""
        self._asked += 1
        self._analyse(self.period, self._asked, change_stamp(self.conn))

    # ------------------------------------------------------------------ reading

    @staticmethod
    def _key(period: Period) -> object:
        return Span.ALL if period.span is Span.ALL else period

    def _read(
        self,
        conn: sqlite3.Connection,
        period: Period,
        stamp: Stamp,
        bounds: tuple[date, date] | None = None,
    ) -> Answer:
        """Analyse `period` and keep the answer; `bounds` when already read."""
        if bounds is None:
            bounds = self.journal_bounds(conn)
        if period.span is Span.ALL:
            period = period_of(Span.ALL, self.today, bounds)
        answer = (period, bounds, self.analyse(conn, period))
        self._kept.put(self._key(period), stamp, answer)
        return answer

    def _kept_answer(self, period: Period, stamp: Stamp) -> Answer | None:
        return self._kept.get(self._key(period), stamp)

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False)
    def _analyse(self, period: Period, asked: int, stamp: Stamp) -> tuple[int, Answer]:
        """`period` as kept at `stamp` (read on the app's connection before this
        began), or read on a connection of this thread's own."""
        answer = self._kept_answer(period, stamp)
        if answer is None:
            with closing(open_reader(self.app.db_path)) as conn:
                answer = self._read(conn, period, stamp)
        return asked, answer

    @work(thread=True, exclusive=True, group="read-ahead", exit_on_error=False)
    def _read_ahead(self, stamp: Stamp) -> None:
        """Analyse the periods a key away, on a connection of its own (WAL: no waiting
        for the screen's own reads), so that their keys show them at once."""
        shown, bounds = self.period, self.bounds
        periods = [period_of(span, self.today, bounds) for span in Span]
        if shown.span is not Span.ALL:  # and the periods `[` and `]` go to
            periods += [move(shown, steps, bounds, self.today) or shown for steps in (-1, 1)]
        missing = [period for period in periods if self._kept_answer(period, stamp) is None]
        if not missing:
            return
        with closing(open_reader(self.app.db_path)) as conn:
            bounds = self.journal_bounds(conn)
            for period in missing:
                self._read(conn, period, stamp, bounds)

    @on(Worker.StateChanged)
    def _arrived(self, event: Worker.StateChanged) -> None:
        """Show an analysis when its worker is done (back on the UI thread)."""
        worker = event.worker
        if worker.group != "analysis":
            return
        if event.state is WorkerState.ERROR:  # a locked or damaged journal: say so, stay up
            self.notify(
                _("The analysis could not be read: {error}").format(error=worker.error),
                severity="error",
                markup=False,
            )
            return
        if event.state is not WorkerState.SUCCESS or worker.result is None:
            return
        asked, (period, bounds, analysis) = worker.result
        if asked != self._asked:
            return  # a newer question is on its way
        self.period, self.bounds, self.loaded = period, bounds, True
        self._answered = asked
        self._show_period()
        self.show_analysis(analysis)
        self._read_ahead(change_stamp(self.conn))

    def _show_period(self) -> None:
        self.query_one(PeriodLine).show(self.period, self.today)

    def _show_period_soon(self) -> None:
        """The period line changes with the answer, in one repaint (an answer kept or
        read ahead comes in a few ms); when the answer takes longer, the line
        changes first, so that the key is seen to have worked."""
        asked = self._asked

        def waited() -> None:
            if self._answered < asked:
                self._show_period()

        self.set_timer(PERIOD_LINE_WAIT, waited)

    # ------------------------------------------------------------------ actions

    def action_span(self, span: str) -> None:
        """This month, quarter or year, or all; from a past period, the one around it."""
        anchor = self.today if self.today in self.period else self.period.until
        if self.period.span is Span.ALL:
            anchor = self.today
        self.period = period_of(Span(span), anchor, self.bounds)
        self.reload()
        self._show_period_soon()

    def action_step(self, steps: int) -> None:
        """The period before (-1) or after (1), within the journal."""
        if self.period.span is Span.ALL:
            self.notify(_("All of the journal is shown: m, k or y pick a period to move through."))
            return
        moved = move(self.period, steps, self.bounds, self.today)
        if moved is None:
            self.notify(_("Nothing earlier in the journal.") if steps < 0 else _("Nothing later."))
            return
        self.period = moved
        self.reload()
        self._show_period_soon()
