"""When to nudge: a career talk overdue, an attitude check-in due. Pure: days in, answers out.

One rule for every place that shows them (the Talks header, Today, `loopbaan status`).
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

FIRST_CHECK_IN_AFTER = timedelta(days=7)  # the first check-in: a week after the first entry


class TalkNudge(NamedTuple):
    """How long since the last career talk, and whether that is longer than allowed."""

    days_since: int | None  # None: no career talk in the journal yet
    due: bool  # show the nudge


def talk_nudge(
    last_career_talk: date | None, first_entry: date | None, today: date, weeks: int
) -> TalkNudge:
    """The nudge shows once the last *career* talk is longer ago than `weeks` weeks
    (exactly `weeks` weeks is not yet too long: day 42 of 6 weeks is quiet, day 43 nudges).

    Other kinds of talk (feedback, negotiation, network) do not count: the caller passes
    the day of the last career talk only. With none yet, the journal's own age counts
    instead, so a new journal is not nagged on its first day, and a talk dated after
    today (planned) is no talk yet.
    """
    allowed = weeks * 7
    if last_career_talk is not None and last_career_talk <= today:
        days = (today - last_career_talk).days
        return TalkNudge(days, days > allowed)
    if first_entry is None or first_entry > today:
        return TalkNudge(None, False)
    return TalkNudge(None, (today - first_entry).days > allowed)


def check_in_due(
    last_check_in: date | None, first_entry: date | None, today: date, every_days: int
) -> bool:
    """An attitude check-in is due `every_days` after the last one (on that day, too);
    the first one a week after the journal's first entry; never in an empty journal."""
    if last_check_in is not None:
        return (today - last_check_in).days >= every_days
    if first_entry is None:
        return False
    return today >= first_entry + FIRST_CHECK_IN_AFTER
