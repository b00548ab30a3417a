"""What the Week screen looks like: a new journal, a full week, and this week's start.

Today is fixed (Monday 23 November 2026) and the data is the same on every run.
"""

from __future__ import annotations

from datetime import date, timedelta

from loopbaan.domain import Kind, Rating, Reason, Status
from loopbaan.store import goals, items, reviews, transaction

SIZE = (120, 40)
MON16 = date(2026, 11, 16)  # last week: Monday 16 to Sunday 22 November
MON23 = date(2026, 11, 23)  # today


def day(n: int) -> date:
    return MON16 + timedelta(days=n)


def full_weeks(conn) -> None:
    """Last week lived in full, this week begun, a goal that moved."""
    with transaction(conn):
        lead = goals.add_goal(conn, "Lead the platform team")
        planning = goals.add_milestone(conn, lead.id, "Run the quarter planning")
        goals.add_milestone(conn, lead.id, "Lead an incident review")
        goals.tick_milestone(conn, planning.id, day(2))
        for n in range(5):
            items.add_item(
                conn, "Stand-up #team", day=day(n), rating=Rating.NEUTRAL if n % 2 else Rating.PLUS
            )
        items.add_item(
            conn, "Sprint demo with the platform team #work", day=day(0), rating=Rating.PLUS
        )
        items.add_item(conn, "Budget spreadsheet cleanup #admin", day=day(1), rating=Rating.MINUS)
        items.add_item(
            conn,
            "1:1 with Mira about the lead role #career",
            day=day(2),
            kind=Kind.APPOINTMENT,
            rating=Rating.PLUS,
        )
        items.add_item(conn, "Pairing with Sam #work", day=day(2), rating=Rating.PLUS)
        items.add_item(conn, "Pairing with Sam #work", day=day(3), rating=Rating.PLUS)
        items.add_item(conn, "Expense claims #admin", day=day(3), rating=Rating.MINUS)
        items.add_item(conn, "Meeting about meetings", day=day(4), rating=Rating.MINUS)
        items.add_item(conn, "Read the Rust book #learning", day=day(5))
        report = items.add_item(
            conn, "Write the quarterly report #writing", day=day(1), kind=Kind.TASK
        )
        items.postpone(conn, report.id, day(3), Reason.TOO_BIG)
        items.postpone(conn, report.id, MON23, Reason.NO_TIME)
        course = items.add_item(
            conn, "Book the leadership course", day=day(2), kind=Kind.TASK, goal_id=lead.id
        )
        items.set_status(conn, course.id, Status.DONE, on=day(4))
        slides = items.add_item(conn, "Slides for the guild talk", day=day(4), kind=Kind.TASK)
        items.postpone(conn, slides.id, date(2026, 11, 25), Reason.UNSURE)
        for n in (0, 1, 2, 4):
            reviews.finish_day_review(conn, day(n))
        reviews.save_week_review(
            conn,
            2026,
            47,
            more_of="Pairing and demos: they give me energy",
            less_of="Admin on Tuesdays",
            next_step="Ask Mira what the lead role needs",
            ask_feedback_from="Joost, about the demo",
        )
        reviews.finish_week_review(conn, 2026, 47)

        items.add_item(conn, "Sprint planning #work", day=MON23, rating=Rating.PLUS)
        items.add_item(conn, "Incident call #ops", day=MON23, rating=Rating.MINUS)
        items.add_item(conn, "Review Joost's pull request", day=MON23, kind=Kind.TASK)


def test_week_on_a_new_journal(snap_compare, make_app) -> None:
    """Nothing logged yet: seven empty days and what each panel will hold."""
    assert snap_compare(make_app(), terminal_size=SIZE, press=["2"])


def test_week_full(snap_compare, make_app, conn) -> None:
    """Last week in full: days, tags, standouts, goals, postponed and the answers, finished."""
    full_weeks(conn)
    assert snap_compare(make_app(), terminal_size=SIZE, press=["2", "["])


def test_week_begun(snap_compare, make_app, conn) -> None:
    """This week on its Monday, with last week's next step as a reminder."""
    full_weeks(conn)
    assert snap_compare(make_app(), terminal_size=SIZE, press=["2"])


def test_week_narrow(snap_compare, make_app, conn) -> None:
    """Below 100 columns the questions go under the figures, which scroll."""
    full_weeks(conn)
    assert snap_compare(make_app(), terminal_size=(80, 30), press=["2", "["])
