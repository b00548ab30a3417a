"""The line above an analysis: which period it covers, and the keys that change it."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from loopbaan.i18n import N_, _
from loopbaan.insight.periods import Period, Span
from loopbaan.labels import MONTHS
from loopbaan.widgets.dates import day_month

THIS = {Span.MONTH: N_("this month"), Span.QUARTER: N_("this quarter"), Span.YEAR: N_("this year")}


def period_title(period: Period) -> str:
    """`November 2026`, `Q4 2026`, `2026`, or `All of the journal`."""
    if period.span is Span.MONTH:
        return _("{month} {year}").format(
            month=_(MONTHS[period.since.month - 1]), year=period.since.year
        )
    if period.span is Span.QUARTER:
        return _("Q{quarter} {year}").format(quarter=period.quarter, year=period.since.year)
    if period.span is Span.YEAR:
        return str(period.since.year)
    return _("All of the journal")


def period_range(period: Period) -> str:
    """`1 Oct – 31 Dec 2026`; both years when the period spans more than one."""
    since, until = period.since, period.until
    start = day_month(since) + (f" {since.year}" if since.year != until.year else "")
    return _("{since} – {until}").format(since=start, until=f"{day_month(until)} {until.year}")


class PeriodLine(Horizontal):
    DEFAULT_CSS = """
    PeriodLine {
        height: 1;
        padding: 0 1;
        background: $panel;

        & > .period-line--title {
            width: 1fr;
        }
        & > .period-line--keys {
            width: auto;
            color: $text-muted;
        }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(classes="period-line--title")
        yield Static(
            _("m month · k quarter · y year · a all · [ ] earlier, later"),
            classes="period-line--keys",
            markup=False,
        )

    def show(self, period: Period, today: date) -> None:
        """`Q4 2026  1 Oct – 31 Dec 2026  (this quarter)`."""
        text = f"[b]{period_title(period)}[/b]  {period_range(period)}"
        if period.span in THIS and today in period:
            text += f"  [dim]({_(THIS[period.span])})[/dim]"
        self.query_one(".period-line--title", Static).update(text, layout=False)  # one line
