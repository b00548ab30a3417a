"""What the Postponed and Insights screens share: a period picked with keys, read in a worker.

`m` `k` `y` `a` pick this month, quarter, year or all of the journal; `[` `]`
move to the period before or after. The analysis runs in a thread worker so
that even ten years ("all") never hold up a key press; each screen says what to
read (`analyse`) and how to show it (`show_analysis`).
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import Any

from textual import on, work
from textual.binding import Binding
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from loopbaan.i18n import _
from loopbaan.insight.periods import Period, Span, move, period_of
from loopbaan.widgets.period_line import PeriodLine


class PeriodScreen(Screen[None]):
    """A screen that analyses one period of the journal at a time."""

    BINDINGS = [
        Binding("m", "span('month')", _("Month"), tooltip=_("this month")),
        Binding("k", "span('quarter')", _("Quarter"), tooltip=_("this quarter")),
        Binding("y", "span('year')", _("Year"), tooltip=_("this year")),
        Binding("a", "span('all')", _("All"), tooltip=_("all of the journal")),
        Binding("left_square_bracket", "step(-1)", _("Earlier"), tooltip=_("the period before")),
        Binding("right_square_bracket", "step(1)", _("Later"), tooltip=_("the period after")),
    ]
    DEFAULT_SPAN = Span.QUARTER

    def __init__(self) -> None:
        super().__init__()
        self.period = Period(self.DEFAULT_SPAN, date.min, date.min)
        self.bounds: tuple[date, date] | None = None  # the journal's first and last day
        self.loaded = False  # an analysis has arrived at least once
        self._asked = 0  # numbers the reloads, so that a late answer is dropped

    def on_mount(self) -> None:
        self.period = period_of(self.DEFAULT_SPAN, self.today)
        self._show_period()

    def on_screen_resume(self) -> None:
        self.reload()  # another screen may have changed the journal

    # ------------------------------------------------------------------ state

    @property
    def conn(self) -> sqlite3.Connection:
        return self.app.conn  # type: ignore[attr-defined]

    @property
    def today(self) -> date:
        return self.app.today  # type: ignore[attr-defined]

    def journal_bounds(self) -> tuple[date, date] | None:
        """The days "all" spans; None for an empty journal. Runs in the worker."""
        raise NotImplementedError

    def analyse(self, period: Period) -> Any:
        """Read what the screen shows for `period`. Runs in the worker, never touches widgets."""
        raise NotImplementedError

    def show_analysis(self, analysis: Any) -> None:
        """Show what `analyse` read (on the UI thread)."""
        raise NotImplementedError

    def reload(self) -> None:
        """Read the period again (after a change, or another period picked)."""
        self._asked += 1
        self._analyse(self.period, self._asked)

    @work(thread=True, exclusive=True, group="analysis", exit_on_error=False)
    def _analyse(self, period: Period, asked: int) -> tuple[int, Period, Any, Any]:
        bounds = self.journal_bounds()
        if period.span is Span.ALL:
            period = period_of(Span.ALL, self.today, bounds)
        return asked, period, bounds, self.analyse(period)

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
        if event.state is not WorkerState.SUCCESS:
            return
        asked, period, bounds, analysis = worker.result
        if asked != self._asked:
            return  # a newer question is on its way
        self.period, self.bounds, self.loaded = period, bounds, True
        self._show_period()
        self.show_analysis(analysis)

    def _show_period(self) -> None:
        self.query_one(PeriodLine).show(self.period, self.today)

    # ------------------------------------------------------------------ actions

    def action_span(self, span: str) -> None:
        """This month, quarter or year, or all; from a past period, the one around it."""
        anchor = self.today if self.today in self.period else self.period.until
        if self.period.span is Span.ALL:
            anchor = self.today
        self.period = period_of(Span(span), anchor, self.bounds)
        self._show_period()
        self.reload()

    def action_step(self, steps: int) -> None:
        """The period before (-1) or after (1), within the journal."""
        if self.period.span is Span.ALL:
            self.notify(_("All of the journal is shown: m, q or y pick a period to move through."))
            return
        moved = move(self.period, steps, self.bounds, self.today)
        if moved is None:
            self.notify(_("Nothing earlier in the journal.") if steps < 0 else _("Nothing later."))
            return
        self.period = moved
        self._show_period()
        self.reload()
