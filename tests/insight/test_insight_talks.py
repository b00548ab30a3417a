"""The talk nudge and the check-in rhythm, at their edges."""

from __future__ import annotations

from datetime import date, timedelta

from loopbaan.insight.talks import TalkNudge, check_in_due, talk_nudge

TODAY = date(2026, 11, 23)


def test_exactly_six_weeks_is_not_yet_too_long() -> None:
    assert talk_nudge(TODAY - timedelta(days=42), None, TODAY, 6) == TalkNudge(42, False)
    assert talk_nudge(TODAY - timedelta(days=43), None, TODAY, 6) == TalkNudge(43, True)
    assert talk_nudge(TODAY - timedelta(days=8), None, TODAY, 1) == TalkNudge(8, True)
    assert talk_nudge(TODAY, None, TODAY, 6) == TalkNudge(0, False)


def test_no_talk_yet_counts_from_the_journal_start() -> None:
    assert talk_nudge(None, None, TODAY, 6) == TalkNudge(None, False)  # an empty journal
    assert talk_nudge(None, TODAY - timedelta(days=42), TODAY, 6) == TalkNudge(None, False)
    assert talk_nudge(None, TODAY - timedelta(days=43), TODAY, 6) == TalkNudge(None, True)


def test_a_planned_talk_is_no_talk_yet() -> None:
    start = TODAY - timedelta(days=100)
    assert talk_nudge(TODAY + timedelta(days=3), start, TODAY, 6) == TalkNudge(None, True)


def test_first_check_in_a_week_after_the_first_entry() -> None:
    first = date(2026, 11, 1)
    assert not check_in_due(None, None, TODAY, 30)
    assert not check_in_due(None, first, first + timedelta(days=6), 30)
    assert check_in_due(None, first, first + timedelta(days=7), 30)


def test_then_every_so_many_days() -> None:
    last = date(2026, 10, 24)
    assert not check_in_due(last, date(2026, 1, 1), last + timedelta(days=29), 30)
    assert check_in_due(last, date(2026, 1, 1), last + timedelta(days=30), 30)
    assert not check_in_due(TODAY, date(2026, 1, 1), TODAY, 1)
    assert check_in_due(TODAY - timedelta(days=1), date(2026, 1, 1), TODAY, 1)
