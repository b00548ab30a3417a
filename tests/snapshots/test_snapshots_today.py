"""What the Today screen looks like: a new journal, a full day, and its two dialogs.

Today is fixed (Monday 23 November 2026) and the data is the same on every run.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input, TextArea

from loopbaan import i18n
from loopbaan.app import LoopbaanApp
from loopbaan.domain import Kind, Rating, Reason, Status
from loopbaan.store import items, reviews, transaction

SIZE = (120, 40)
MON = date(2026, 11, 23)
THU, FRI = date(2026, 11, 19), date(2026, 11, 20)


def full_day(conn) -> None:
    """A Monday with every kind of row, leftovers from last week, and a started reflection."""
    with transaction(conn):
        items.add_item(
            conn, "Sprint demo with the platform team #work #demo", day=MON, rating=Rating.PLUS
        )
        items.add_item(
            conn,
            "1:1 with Mira about the lead role #career",
            day=MON,
            kind=Kind.APPOINTMENT,
            rating=Rating.PLUS,
        )
        items.add_item(conn, "Budget spreadsheet cleanup #admin", day=MON, rating=Rating.MINUS)
        items.add_item(conn, "Lunch walk", day=MON, rating=Rating.NEUTRAL)
        report = items.add_item(
            conn, "Write the quarterly report #writing", day=FRI, kind=Kind.TASK
        )
        items.postpone(conn, report.id, MON, Reason.TOO_BIG)
        items.add_item(conn, "Review Joost's pull request", day=MON, kind=Kind.TASK)
        ci = items.add_item(conn, "Fix the flaky CI job #ci", day=MON, kind=Kind.TASK)
        items.set_status(conn, ci.id, Status.DONE, on=MON)
        slides = items.add_item(conn, "Slides for the guild talk", day=MON, kind=Kind.TASK)
        items.postpone(conn, slides.id, date(2026, 11, 25), Reason.UNSURE)
        course = items.add_item(conn, "Book the leadership course #career", day=THU, kind=Kind.TASK)
        items.postpone(conn, course.id, FRI, Reason.NO_TIME)
        items.add_item(conn, "Ask for feedback on the talk #feedback", day=THU, kind=Kind.TASK)
        items.add_item(conn, "Pairing session with Sam", day=FRI)
        reviews.save_day_review(
            conn, MON, energy=4, liked="The demo went well; Mira asked good questions."
        )


async def no_blinking(pilot) -> None:
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False
    for area in pilot.app.screen.query(TextArea):
        area.cursor_blink = False


def test_today_on_a_new_journal(snap_compare, journal_path: Path, quiet_config) -> None:
    """The first run: what the daily review is, and that a adds the first item."""
    assert snap_compare(LoopbaanApp(db_path=journal_path, today=MON), terminal_size=SIZE)


def test_today_full(snap_compare, journal_path: Path, conn, quiet_config) -> None:
    """Rated and unrated items, open, done and postponed tasks, earlier days, reflection."""
    full_day(conn)
    assert snap_compare(LoopbaanApp(db_path=journal_path, today=MON), terminal_size=SIZE)


def test_today_postpone_dialog(snap_compare, journal_path: Path, conn, quiet_config) -> None:
    """p on an open task: the day (tomorrow) and the eight reasons with their meaning."""
    full_day(conn)
    app = LoopbaanApp(db_path=journal_path, today=MON)
    assert snap_compare(app, terminal_size=SIZE, press=["down"] * 4 + ["p", "down"])


def test_today_edit_dialog(snap_compare, journal_path: Path, conn, quiet_config) -> None:
    """e on an item: title, kind, day and note."""
    full_day(conn)
    app = LoopbaanApp(db_path=journal_path, today=MON)
    assert snap_compare(app, terminal_size=SIZE, press=["e"], run_before=no_blinking)


def test_today_full_in_dutch(snap_compare, journal_path: Path, conn, quiet_config) -> None:
    """The full day in Dutch: labels, footer, dates (`ma 23 nov.`) and the review panel."""
    full_day(conn)
    i18n.install("nl")  # the pinning puts English back after the test
    assert snap_compare(LoopbaanApp(db_path=journal_path, today=MON), terminal_size=SIZE)
