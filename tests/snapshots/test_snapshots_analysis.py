"""What the Postponed and Insights screens look like: empty, and on half a year of fixed data.

The data is made by arithmetic, not by a random generator, so that the pictures
only change when the screens do.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from loopbaan.app import LoopbaanApp
from loopbaan.domain import Kind, Rating, Reason, Status
from loopbaan.store import goals, items, transaction
from loopbaan.store.reviews import save_day_review
from tests.helpers import TODAY

SIZE = (120, 40)
START = date(2026, 6, 1)

ACTIVITIES = [  # title, rating every n-th time: (plus, minus)
    ("Mentored a new colleague #mentoring", (1, 0)),
    ("Wrote the design notes #writing", (2, 7)),
    ("Code review #review", (2, 5)),
    ("Incident follow-up #ops", (6, 2)),
    ("Weekly planning #planning", (3, 3)),
    ("Status meeting #meeting", (9, 2)),
]
TASKS = [  # title, how many times in a row it gets put off (at most), its reasons in turn
    ("Send the invoices #billing", 5, (Reason.DISLIKE, Reason.NO_TIME, Reason.DISLIKE)),
    ("Update the runbook #ops", 4, (Reason.UNCLEAR, Reason.TOO_BIG)),
    ("Prepare the conference talk #presentation", 3, (Reason.UNSURE, Reason.SKILLS)),
    ("Review the hiring rubric #hiring", 3, (Reason.WAITING, Reason.WAITING, Reason.NO_TIME)),
    ("Plan the next sprint #planning", 1, (Reason.NO_TIME,)),
    ("Answer the recruiter #network", 2, (Reason.UNSURE, Reason.OTHER)),
    ("Fix the flaky test #code", 0, ()),
]


def workdays(start: date, end: date) -> list[date]:
    return [
        start + timedelta(days=n)
        for n in range((end - start).days + 1)
        if (start + timedelta(days=n)).weekday() < 5
    ]


def full_journal(path: Path) -> LoopbaanApp:
    app = LoopbaanApp(db_path=path, today=TODAY)
    conn = app.conn
    with transaction(conn):
        talk = goals.add_goal(conn, "Speak at a conference")
        days = workdays(START, TODAY)
        for n, day in enumerate(days):
            for k, (title, (plus_every, minus_every)) in enumerate(ACTIVITIES):
                if (n + k) % 3:
                    continue
                rating = (
                    Rating.PLUS
                    if plus_every and n % plus_every == 0
                    else Rating.MINUS
                    if minus_every and n % minus_every == 0
                    else Rating.NEUTRAL
                )
                items.add_item(conn, title, day=day, rating=rating)
            for k in range(2):  # two tasks a day, the list in turn
                title, most, reasons = TASKS[(2 * n + k) % len(TASKS)]
                task = items.add_item(
                    conn,
                    title,
                    day=day,
                    kind=Kind.TASK,
                    goal_id=talk.id if "#presentation" in title else None,
                )
                moved = day
                for t in range((n + k) % (most + 1)):
                    moved += timedelta(days=1 + (n + t) % 3)
                    if moved > TODAY:
                        break
                    items.postpone(conn, task.id, moved, reasons[t % len(reasons)])
                if moved < TODAY - timedelta(days=3):
                    status = Status.DROPPED if (n + k) % 7 == 0 else Status.DONE
                    items.set_status(conn, task.id, status, on=moved)
            save_day_review(conn, day, energy=2 + (n // 7) % 3 + (1 if n % 4 == 0 else 0))
        for month in range(6, 12):
            for k, attitude in enumerate(("concern", "control", "curiosity", "confidence")):
                conn.execute(
                    "INSERT INTO attitude_check (uid, day, attitude, score, note)"
                    " VALUES (?, ?, ?, ?, '')",
                    (f"{month}-{attitude}", date(2026, month, 1), attitude, 1 + (month + k) % 5),
                )
    return app


def settled(*keys: str):
    """Press `keys`, letting each analysis worker finish before the next key."""

    async def run_before(pilot) -> None:
        for key in keys:
            await pilot.press(key)
            await pilot.app.workers.wait_for_complete()
            await pilot.pause()

    return run_before


def test_postponed_empty(snap_compare, tmp_path: Path) -> None:
    """A new journal: what the screen is for, and how postponing feeds it."""
    app = LoopbaanApp(db_path=tmp_path / "j.db", today=TODAY)
    assert snap_compare(app, terminal_size=SIZE, run_before=settled("4"))


def test_postponed_quarter(snap_compare, tmp_path: Path) -> None:
    """This quarter: chronic items with suggestions, reasons, tags, weekdays, weeks, goal."""
    app = full_journal(tmp_path / "j.db")
    assert snap_compare(app, terminal_size=SIZE, run_before=settled("4"))


def test_postponed_all(snap_compare, tmp_path: Path) -> None:
    """All of the journal: half a year of weeks on the chart."""
    app = full_journal(tmp_path / "j.db")
    assert snap_compare(app, terminal_size=SIZE, run_before=settled("4", "a"))


def test_insights_empty(snap_compare, tmp_path: Path) -> None:
    """A new journal: what to do for the screen to have something to say."""
    app = LoopbaanApp(db_path=tmp_path / "j.db", today=TODAY)
    assert snap_compare(app, terminal_size=SIZE, run_before=settled("6"))


def test_insights_quarter(snap_compare, tmp_path: Path) -> None:
    """This quarter: the headline, energisers and drains, put off, energy, attitudes."""
    app = full_journal(tmp_path / "j.db")
    assert snap_compare(app, terminal_size=SIZE, run_before=settled("6"))


def test_insights_year(snap_compare, tmp_path: Path) -> None:
    """This year: month labels on the trends, six check-ins per attitude."""
    app = full_journal(tmp_path / "j.db")
    assert snap_compare(app, terminal_size=SIZE, run_before=settled("6", "y"))
