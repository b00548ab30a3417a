"""The periods the analysis screens look at: a month, a quarter, a year, or everything.

A period is a closed range of calendar days. Months, quarters and years move
back and forward one at a time (`[` and `]`); "all" spans the journal itself.
"""

from __future__ import annotations

from datetime import date, timedelta
from enum import StrEnum
from typing import NamedTuple


class Span(StrEnum):
    MONTH = "month"
    QUARTER = "quarter"
    YEAR = "year"
    ALL = "all"


class Period(NamedTuple):
    span: Span
    since: date
    until: date  # inclusive

    @property
    def days(self) -> int:
        return (self.until - self.since).days + 1

    @property
    def quarter(self) -> int:
        """1–4: the quarter the period starts in."""
        return (self.since.month - 1) // 3 + 1

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.since <= day <= self.until


def _month_end(year: int, month: int) -> date:
    if month == 12:
        return date(year, 12, 31)  # also in year 9999, which has no next January
    return date(year, month + 1, 1) - timedelta(days=1)


def period_of(span: Span, day: date, bounds: tuple[date, date] | None = None) -> Period:
    """The month, quarter or year that holds `day`.

    For `Span.ALL` the period is `bounds` (the journal's first and last day), or
    just `day` when the journal is empty.
    """
    if span is Span.MONTH:
        return Period(span, day.replace(day=1), _month_end(day.year, day.month))
    if span is Span.QUARTER:
        first_month = (day.month - 1) // 3 * 3 + 1
        return Period(span, date(day.year, first_month, 1), _month_end(day.year, first_month + 2))
    if span is Span.YEAR:
        return Period(span, date(day.year, 1, 1), date(day.year, 12, 31))
    since, until = bounds or (day, day)
    return Period(span, since, until)


def shift(period: Period, steps: int) -> Period:
    """The period `steps` months, quarters or years later (earlier when negative).

    "All" has no neighbours: it comes back as it is.
    """
    if period.span is Span.ALL:
        return period
    months = {Span.MONTH: 1, Span.QUARTER: 3, Span.YEAR: 12}[period.span] * steps
    index = period.since.year * 12 + period.since.month - 1 + months
    return period_of(period.span, date(index // 12, index % 12 + 1, 1))


def move(
    period: Period, steps: int, bounds: tuple[date, date] | None, today: date
) -> Period | None:
    """The neighbouring period, or None when there is nothing to see there.

    Earlier periods stop at the one holding the journal's first day, later ones at
    the one holding today (or the journal's last day, if that lies ahead).
    """
    if period.span is Span.ALL or steps == 0:
        return None
    try:
        target = shift(period, steps)
    except ValueError:  # before year 1 or after 9999: the calendar ends
        return None
    if steps < 0 and (bounds is None or target.until < bounds[0]):
        return None
    last = max(today, bounds[1]) if bounds else today
    if steps > 0 and target.since > last:
        return None
    return target


def mondays(since: date, until: date) -> list[date]:
    """The Monday of every week that touches the days from `since` to `until`."""
    monday = since - timedelta(days=min(since.weekday(), (since - date.min).days))
    weeks = []
    while monday <= until:
        weeks.append(monday)
        if (date.max - monday).days < 7:
            break  # the last week of the calendar
        monday += timedelta(days=7)
    return weeks


def per_week(counts: dict[date, int], since: date, until: date) -> list[tuple[date, int]]:
    """Every week of the period with its count; the weeks without any count zero."""
    return [(monday, counts.get(monday, 0)) for monday in mondays(since, until)]
