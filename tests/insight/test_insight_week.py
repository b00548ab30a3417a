"""The week's figures: which days make a week, and what a small hand-made history adds up to.

The week shown in most tests is Monday 23 to Sunday 29 November 2026, ISO week 48.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from loopbaan.domain import Kind, Rating, Reason, Status
from loopbaan.insight.week import (
    GoalMove,
    PostponedLine,
    ReasonLine,
    Standout,
    TagLine,
    Tally,
    Week,
    standouts,
    summarize,
    tag_balance,
    week_of,
    weeks_between,
)
from loopbaan.store import goals, items, reviews, transaction
from loopbaan.store.undo import UndoLog
from loopbaan.store.week import track_week_review, week_rows

MONDAY, SUNDAY = 0, 6
SUN22, MON23, TUE24, WED25, THU26, FRI27, SAT28, SUN29, MON30 = (
    date(2026, 11, 22) + timedelta(days=n) for n in range(9)
)
FRI20 = date(2026, 11, 20)


def summary_of(conn: sqlite3.Connection, day: date, first_weekday: int = MONDAY):
    week = week_of(day, first_weekday)
    return summarize(week, week_rows(conn, week.first, week.last))


# ---------------------------------------------------------------- which days


def test_with_monday_first_a_week_is_the_iso_week() -> None:
    for day in (MON23, WED25, SUN29):
        assert week_of(day, MONDAY) == Week(MON23, 2026, 48)
    assert week_of(MON30, MONDAY) == Week(MON30, 2026, 49)
    assert week_of(SUN22, MONDAY) == Week(date(2026, 11, 16), 2026, 47)
    assert week_of(MON23).days == (MON23, TUE24, WED25, THU26, FRI27, SAT28, SUN29)
    assert week_of(MON23).last == SUN29


def test_with_sunday_first_a_week_runs_sunday_to_saturday_and_is_filed_by_most_days() -> None:
    """Sunday 22 to Saturday 28 November shares six days with ISO week 48: it is week 48."""
    week = week_of(MON23, SUNDAY)
    assert (week.first, week.last) == (SUN22, SAT28)
    assert (week.year, week.number) == (2026, 48)
    assert week_of(SUN22, SUNDAY) == week
    assert week_of(SAT28, SUNDAY) == week
    assert week_of(SUN29, SUNDAY) == Week(SUN29, 2026, 49)
    assert week_of(date(2026, 11, 21), SUNDAY) == Week(date(2026, 11, 15), 2026, 47)


def test_weeks_across_the_turn_of_the_year() -> None:
    # 2026 has 53 ISO weeks (1 January 2026 is a Thursday).
    assert week_of(date(2026, 12, 31)) == Week(date(2026, 12, 28), 2026, 53)
    assert week_of(date(2027, 1, 3)) == Week(date(2026, 12, 28), 2026, 53)
    assert week_of(date(2027, 1, 4)) == Week(date(2027, 1, 4), 2027, 1)
    # Sunday first: 27 December to 2 January holds four days of 2026's week 53.
    assert week_of(date(2027, 1, 2), SUNDAY) == Week(date(2026, 12, 27), 2026, 53)
    assert week_of(date(2027, 1, 3), SUNDAY) == Week(date(2027, 1, 3), 2027, 1)
    assert week_of(date(2026, 12, 30)).shifted(1) == Week(date(2027, 1, 4), 2027, 1)
    assert week_of(date(2027, 1, 4)).shifted(-1) == Week(date(2026, 12, 28), 2026, 53)


@pytest.mark.parametrize("first_weekday", range(7))
def test_every_iso_week_is_one_week_whatever_the_first_weekday(first_weekday: int) -> None:
    """Stepping week by week never skips or repeats a label: each review has one week."""
    week = week_of(date(2025, 1, 1), first_weekday)
    labels = []
    for _n in range(160):
        assert week.first.weekday() == first_weekday
        labels.append((week.year, week.number))
        week = week.shifted(1)
    mondays = [date(2024, 12, 2) + timedelta(weeks=n) for n in range(170)]
    iso = [monday.isocalendar()[:2] for monday in mondays]
    start = iso.index(labels[0])
    assert labels == iso[start : start + 160]


def test_weeks_between() -> None:
    assert weeks_between(week_of(MON23), week_of(MON30)) == 1
    assert weeks_between(week_of(MON23), week_of(date(2026, 11, 2))) == -3
    assert weeks_between(week_of(MON23), week_of(SUN29)) == 0


# ---------------------------------------------------------------- a history


def rated(conn, title: str, day: date, rating: Rating | None, **kwargs):
    return items.add_item(conn, title, day=day, rating=rating, **kwargs)


def test_counts_per_day_and_per_tag(conn) -> None:
    with transaction(conn):
        rated(conn, "Sprint demo #work #demo", MON23, Rating.PLUS)
        rated(conn, "Budget sheet #admin", MON23, Rating.MINUS)
        rated(conn, "Lunch walk", MON23, Rating.NEUTRAL)
        rated(conn, "Read the RFC #work", MON23, None)
        rated(conn, "Pairing #work", TUE24, Rating.PLUS)
        rated(conn, "Expenses #admin", TUE24, Rating.MINUS)
        rated(conn, "Expenses again #admin", TUE24, Rating.MINUS)
        rated(conn, "Hike", SUN29, Rating.PLUS)
        rated(conn, "Not this week #work", SUN22, Rating.PLUS)  # the Sunday before
        rated(conn, "Nor this #work", MON30, Rating.MINUS)  # the Monday after
    summary = summary_of(conn, WED25)

    assert [line.day for line in summary.days] == list(week_of(MON23).days)
    assert [line.tally for line in summary.days] == [
        Tally(plus=1, minus=1, neutral=1, unrated=1),
        Tally(plus=1, minus=2),
        Tally(),
        Tally(),
        Tally(),
        Tally(),
        Tally(plus=1),
    ]
    assert summary.total == Tally(plus=3, minus=3, neutral=1, unrated=1)
    assert summary.total.net == 0 and summary.total.rated == 7 and summary.total.items == 8
    # Unrated items carry no weight: #work has 2 pluses (the RFC is not rated).
    assert summary.tags == (
        TagLine("work", Tally(plus=2)),
        TagLine("demo", Tally(plus=1)),
        TagLine("admin", Tally(minus=3)),
    )
    assert [tag.tally.net for tag in summary.tags] == [2, 1, -3]


def test_with_sunday_first_the_sunday_before_belongs_and_the_sunday_after_not(conn) -> None:
    with transaction(conn):
        rated(conn, "Weekend prep #work", SUN22, Rating.PLUS)
        rated(conn, "Monday", MON23, Rating.MINUS)
        rated(conn, "Saturday hack #work", SAT28, Rating.PLUS)
        rated(conn, "Next Sunday", SUN29, Rating.PLUS)
    summary = summary_of(conn, MON23, SUNDAY)
    assert summary.days[0].day == SUN22 and summary.days[-1].day == SAT28
    assert [line.tally.plus for line in summary.days] == [1, 0, 0, 0, 0, 0, 1]
    assert summary.total == Tally(plus=2, minus=1)
    assert summary.tags == (TagLine("work", Tally(plus=2)),)


def test_a_task_counts_on_the_day_it_was_done_an_open_one_on_its_planned_day(conn) -> None:
    with transaction(conn):
        early = items.add_item(conn, "Report", day=FRI20, kind=Kind.TASK, rating=Rating.PLUS)
        items.set_status(conn, early.id, Status.DONE, on=TUE24)
        items.add_item(conn, "Plan the offsite", day=WED25, kind=Kind.TASK)
        late = items.add_item(conn, "Call Sam", day=THU26, kind=Kind.TASK, rating=Rating.MINUS)
        items.set_status(conn, late.id, Status.DONE, on=MON30)
    this_week = summary_of(conn, MON23)
    assert this_week.days[1].tally == Tally(plus=1)  # Report, done on Tuesday
    assert this_week.days[2].tally == Tally(unrated=1)  # Plan the offsite, still open
    assert this_week.days[3].tally == Tally()  # Call Sam was done the week after
    assert summary_of(conn, FRI20).total == Tally()
    assert summary_of(conn, MON30).total == Tally(minus=1)


def test_the_items_with_the_most_pluses_and_minuses_take_the_same_title_together(conn) -> None:
    with transaction(conn):
        for day in (MON23, TUE24, WED25):
            rated(conn, "Stand-up #team", day, Rating.PLUS)
        rated(conn, "stand-up #team", THU26, Rating.MINUS)  # the same, typed in lower case
        rated(conn, "Pairing", MON23, Rating.PLUS)
        rated(conn, "Pairing", TUE24, Rating.PLUS)
        rated(conn, "Budget", MON23, Rating.MINUS)
        rated(conn, "Budget", WED25, Rating.MINUS)
        rated(conn, "Lunch", MON23, Rating.NEUTRAL)
        rated(conn, "Ad hoc", FRI27, Rating.PLUS)
        rated(conn, "Mail", FRI27, Rating.MINUS)
    summary = summary_of(conn, MON23)
    assert summary.most_plus == (
        Standout("Stand-up #team", 3, 1),
        Standout("Pairing", 2, 0),
        Standout("Ad hoc", 1, 0),
    )
    # Stand-up and Mail have one minus each; Mail has no plus to make up for it.
    assert summary.most_minus == (
        Standout("Budget", 0, 2),
        Standout("Mail", 0, 1),
        Standout("Stand-up #team", 3, 1),
    )


def test_postponed_in_the_week_and_why(conn) -> None:
    with transaction(conn):
        report = items.add_item(conn, "Write the report", day=FRI20, kind=Kind.TASK)
        items.postpone(conn, report.id, TUE24, Reason.NO_TIME)  # from last week: not counted
        items.postpone(conn, report.id, THU26, Reason.TOO_BIG)
        items.postpone(conn, report.id, SAT28, Reason.TOO_BIG)
        items.postpone(conn, report.id, MON30, Reason.UNCLEAR)  # from this Saturday: counted
        items.postpone(conn, report.id, date(2026, 12, 2), Reason.NO_TIME)  # from next week
        slides = items.add_item(conn, "Slides", day=WED25, kind=Kind.TASK)
        items.postpone(conn, slides.id, FRI27, Reason.UNSURE)
        course = items.add_item(conn, "Book the course", day=SUN29, kind=Kind.TASK)
        items.postpone(conn, course.id, date(2026, 12, 5), Reason.TOO_BIG)
    summary = summary_of(conn, MON23)
    assert summary.postponements == 5
    assert summary.reasons == (
        ReasonLine(Reason.TOO_BIG, 3, 2),
        ReasonLine(Reason.UNCLEAR, 1, 1),
        ReasonLine(Reason.UNSURE, 1, 1),
    )
    assert summary.postponed == (
        PostponedLine(report.id, "Write the report", 3, (Reason.TOO_BIG, Reason.UNCLEAR)),
        PostponedLine(course.id, "Book the course", 1, (Reason.TOO_BIG,)),
        PostponedLine(slides.id, "Slides", 1, (Reason.UNSURE,)),
    )
    last_week = summary_of(conn, FRI20)
    assert last_week.reasons == (ReasonLine(Reason.NO_TIME, 1, 1),)


def test_the_days_reviewed_are_those_whose_review_was_finished(conn) -> None:
    with transaction(conn):
        reviews.finish_day_review(conn, MON23)
        reviews.finish_day_review(conn, WED25)
        reviews.save_day_review(conn, TUE24, liked="a started review is not a finished one")
        reviews.finish_day_review(conn, THU26)
        reviews.finish_day_review(conn, THU26, finished=False)  # reopened
        reviews.finish_day_review(conn, SUN22)
        reviews.finish_day_review(conn, MON30)
    summary = summary_of(conn, MON23)
    assert summary.reviewed_days == (MON23, WED25)
    assert [line.reviewed for line in summary.days] == [True, False, True] + [False] * 4
    assert summary_of(conn, MON23, SUNDAY).reviewed_days == (SUN22, MON23, WED25)


def test_goals_that_moved(conn) -> None:
    with transaction(conn):
        lead = goals.add_goal(conn, "Lead the platform team")
        planning = goals.add_milestone(conn, lead.id, "Run the quarter planning")
        review = goals.add_milestone(conn, lead.id, "Lead an incident review")
        goals.add_milestone(conn, lead.id, "Mentor a new colleague")
        goals.tick_milestone(conn, planning.id, date(2026, 11, 10))  # before the week
        goals.tick_milestone(conn, review.id, WED25)
        ask = items.add_item(conn, "Ask Mira", day=MON23, kind=Kind.TASK, goal_id=lead.id)
        items.set_status(conn, ask.id, Status.DONE, on=THU26)
        items.add_item(conn, "Leadership meetup", day=TUE24, goal_id=lead.id)  # an activity
        items.add_item(conn, "Book the course", day=TUE24, kind=Kind.TASK, goal_id=lead.id)
        later = items.add_item(conn, "Later", day=TUE24, kind=Kind.TASK, goal_id=lead.id)
        items.set_status(conn, later.id, Status.DONE, on=MON30)
        dropped = items.add_item(conn, "Dropped", day=TUE24, kind=Kind.TASK, goal_id=lead.id)
        items.set_status(conn, dropped.id, Status.DROPPED, on=TUE24)
        rust = goals.add_goal(conn, "Learn Rust")
        goals.add_milestone(conn, rust.id, "Read the book")
        talk = goals.add_goal(conn, "Speak at a conference")
        items.add_item(conn, "Send the abstract", day=FRI27, goal_id=talk.id)
    summary = summary_of(conn, MON23)
    assert summary.goals == (
        GoalMove(
            lead.id,
            "Lead the platform team",
            ("Lead an incident review",),
            ("Leadership meetup", "Ask Mira"),
            2,
            3,
        ),
        GoalMove(talk.id, "Speak at a conference", (), ("Send the abstract",), 0, 0),
    )
    # Two weeks before, only the first milestone had been reached.
    assert summary_of(conn, date(2026, 11, 10)).goals == (
        GoalMove(lead.id, "Lead the platform team", ("Run the quarter planning",), (), 1, 3),
    )


def test_an_empty_week(conn) -> None:
    summary = summary_of(conn, MON23)
    assert summary.is_empty
    assert summary.total == Tally() and len(summary.days) == 7
    assert summary.tags == summary.most_plus == summary.postponed == summary.goals == ()
    assert summary.postponements == 0


def test_the_week_is_read_through_indexes_only(conn) -> None:
    """No query of the week scans a table that grows with the history."""
    statements: list[str] = []
    conn.set_trace_callback(statements.append)
    try:
        week_rows(conn, MON23, SUN29)
    finally:
        conn.set_trace_callback(None)
    assert len(statements) == 6
    # Scanned may be: the week's own rows (week_item, w, step) and the few milestones.
    allowed = {"week_item", "w", "step", "milestone"}
    for sql in statements:
        plan = [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql)]
        scanned = {line.split()[1] for line in plan if line.startswith("SCAN ")}
        assert scanned <= allowed, plan
        searched = [line for line in plan if line.startswith("SEARCH item ")]
        assert all("day>? AND day<?" in line or "done_on>? AND" in line for line in searched)


# ---------------------------------------------------------------- shaping alone


def test_tags_rank_by_net_then_by_how_busy_then_by_name() -> None:
    counts = [
        ("quiet", "plus", 1),
        ("busy", "plus", 3),
        ("busy", "minus", 2),
        ("alpha", "plus", 1),
        ("zero", "neutral", 4),
        ("drain", "minus", 2),
    ]
    assert [line.tag for line in tag_balance(counts)] == ["busy", "alpha", "quiet", "zero", "drain"]


def test_standouts_stop_at_the_limit() -> None:
    counts = [(f"Item {n}", "plus", n) for n in range(1, 8)]
    assert standouts(counts, Rating.PLUS, limit=2) == (
        Standout("Item 7", 7, 0),
        Standout("Item 6", 6, 0),
    )
    assert standouts(counts, Rating.MINUS) == ()


def test_a_week_review_made_by_a_change_goes_again_on_undo(conn) -> None:
    log = UndoLog(conn)
    with log.change("more of") as change:
        track_week_review(change, conn, 2026, 48)
        reviews.save_week_review(conn, 2026, 48, more_of="pairing")
    with log.change("more of") as change:
        track_week_review(change, conn, 2026, 48)
        reviews.save_week_review(conn, 2026, 48, more_of="pairing, demos")
    assert reviews.week_review(conn, 2026, 48).more_of == "pairing, demos"
    log.undo()
    assert reviews.week_review(conn, 2026, 48).more_of == "pairing"
    log.undo()
    assert conn.execute("SELECT count(*) FROM week_review").fetchone()[0] == 0
