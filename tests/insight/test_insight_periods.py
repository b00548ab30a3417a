"""The analysis periods: their edges, moving them, and "all"."""

from __future__ import annotations

from datetime import date

import pytest

from loopbaan.insight.periods import Period, Span, mondays, move, per_week, period_of, shift
from tests.helpers import TODAY

D = date.fromisoformat


@pytest.mark.parametrize(
    ("day", "since", "until"),
    [
        ("2026-11-23", "2026-11-01", "2026-11-30"),
        ("2026-01-31", "2026-01-01", "2026-01-31"),
        ("2026-12-01", "2026-12-01", "2026-12-31"),
        ("2028-02-10", "2028-02-01", "2028-02-29"),  # a leap year
        ("2026-02-28", "2026-02-01", "2026-02-28"),
    ],
)
def test_month(day: str, since: str, until: str) -> None:
    assert period_of(Span.MONTH, D(day)) == Period(Span.MONTH, D(since), D(until))


@pytest.mark.parametrize(
    ("day", "since", "until", "quarter"),
    [
        ("2026-01-01", "2026-01-01", "2026-03-31", 1),
        ("2026-03-31", "2026-01-01", "2026-03-31", 1),
        ("2026-04-01", "2026-04-01", "2026-06-30", 2),
        ("2026-09-30", "2026-07-01", "2026-09-30", 3),
        ("2026-11-23", "2026-10-01", "2026-12-31", 4),
        ("2026-12-31", "2026-10-01", "2026-12-31", 4),
    ],
)
def test_quarter(day: str, since: str, until: str, quarter: int) -> None:
    period = period_of(Span.QUARTER, D(day))
    assert period == Period(Span.QUARTER, D(since), D(until))
    assert period.quarter == quarter


def test_year_and_all() -> None:
    assert period_of(Span.YEAR, TODAY) == Period(Span.YEAR, D("2026-01-01"), D("2026-12-31"))
    assert period_of(Span.YEAR, TODAY).days == 365
    bounds = (D("2016-11-24"), D("2027-01-03"))
    assert period_of(Span.ALL, TODAY, bounds) == Period(Span.ALL, *bounds)
    # an empty journal: "all" is just today
    assert period_of(Span.ALL, TODAY) == Period(Span.ALL, TODAY, TODAY)


def test_day_in_period() -> None:
    november = period_of(Span.MONTH, TODAY)
    assert D("2026-11-01") in november and D("2026-11-30") in november
    assert D("2026-10-31") not in november and D("2026-12-01") not in november
    assert "2026-11-05" not in november


@pytest.mark.parametrize(
    ("span", "day", "steps", "since", "until"),
    [
        (Span.MONTH, "2026-11-23", -1, "2026-10-01", "2026-10-31"),
        (Span.MONTH, "2026-01-15", -1, "2025-12-01", "2025-12-31"),  # back over the new year
        (Span.MONTH, "2026-12-15", 1, "2027-01-01", "2027-01-31"),
        (Span.MONTH, "2026-03-31", -1, "2026-02-01", "2026-02-28"),  # a short month
        (Span.MONTH, "2026-11-23", -23, "2024-12-01", "2024-12-31"),
        (Span.QUARTER, "2026-02-01", -1, "2025-10-01", "2025-12-31"),
        (Span.QUARTER, "2026-11-23", 1, "2027-01-01", "2027-03-31"),
        (Span.QUARTER, "2026-11-23", -4, "2025-10-01", "2025-12-31"),
        (Span.YEAR, "2026-11-23", -10, "2016-01-01", "2016-12-31"),
        (Span.YEAR, "2026-11-23", 1, "2027-01-01", "2027-12-31"),
    ],
)
def test_shift(span: Span, day: str, steps: int, since: str, until: str) -> None:
    assert shift(period_of(span, D(day)), steps) == Period(span, D(since), D(until))


def test_shift_back_and_forward_again() -> None:
    for span in (Span.MONTH, Span.QUARTER, Span.YEAR):
        period = period_of(span, TODAY)
        assert shift(shift(period, -7), 7) == period


def test_move_stops_at_the_journal_and_at_today() -> None:
    bounds = (D("2026-09-14"), D("2026-11-20"))
    november = period_of(Span.MONTH, TODAY)
    assert move(november, -1, bounds, TODAY) == period_of(Span.MONTH, D("2026-10-01"))
    september = period_of(Span.MONTH, D("2026-09-01"))
    assert move(september, 1, bounds, TODAY) == period_of(Span.MONTH, D("2026-10-01"))
    assert move(september, -1, bounds, TODAY) is None  # August is before the first day
    assert move(november, 1, bounds, TODAY) is None  # December is after today
    # a last day ahead of today lets the period after today be seen
    assert move(november, 1, (bounds[0], D("2026-12-02")), TODAY) == period_of(
        Span.MONTH, D("2026-12-01")
    )
    quarter = period_of(Span.QUARTER, TODAY)
    assert move(quarter, -1, bounds, TODAY) == period_of(Span.QUARTER, D("2026-07-01"))
    assert move(quarter, -2, bounds, TODAY) is None


def test_move_on_an_empty_journal_and_on_all() -> None:
    november = period_of(Span.MONTH, TODAY)
    assert move(november, -1, None, TODAY) is None
    assert move(november, 1, None, TODAY) is None
    everything = period_of(Span.ALL, TODAY, (D("2020-01-01"), TODAY))
    assert move(everything, -1, (D("2020-01-01"), TODAY), TODAY) is None
    assert shift(everything, 3) == everything


def test_weeks_of_a_period() -> None:
    # 1 November 2026 is a Sunday: its week starts on Monday 26 October
    assert mondays(D("2026-11-01"), D("2026-11-30")) == [
        D("2026-10-26"),
        D("2026-11-02"),
        D("2026-11-09"),
        D("2026-11-16"),
        D("2026-11-23"),
        D("2026-11-30"),
    ]
    assert mondays(D("2026-11-02"), D("2026-11-02")) == [D("2026-11-02")]
    assert mondays(D("2026-11-03"), D("2026-11-01")) == []
    counts = {D("2026-11-09"): 4}
    assert per_week(counts, D("2026-11-02"), D("2026-11-22")) == [
        (D("2026-11-02"), 0),
        (D("2026-11-09"), 4),
        (D("2026-11-16"), 0),
    ]
