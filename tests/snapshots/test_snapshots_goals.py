"""What the Goals screen looks like: empty, full, and its form, on a fixed day with fixed data."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from textual.widgets import Input

from loopbaan.app import LoopbaanApp
from loopbaan.domain import Direction, GoalStatus, Kind, Reason, Status
from loopbaan.store import goals, items, transaction
from tests.helpers import TODAY

SIZE = (120, 40)


def full_journal(path: Path) -> LoopbaanApp:
    app = LoopbaanApp(db_path=path, today=TODAY)
    conn = app.conn
    with transaction(conn):
        lead = goals.add_goal(conn, "Lead the platform team")
        goals.edit_goal(
            conn,
            lead.id,
            beacon="Head of engineering one day",
            statement="Team lead of the platform team by September 2027",
            direction=Direction.UPWARD,
            first_step="Ask Mira what the role needs, in our next one-on-one",
            needs="Time for the leadership course; a budget for it",
            supporters="Mira (manager), Joost (mentor)",
            target_day=date(2027, 9, 1),
        )
        done = goals.add_milestone(conn, lead.id, "Run the quarter planning", date(2026, 11, 10))
        goals.tick_milestone(conn, done.id, date(2026, 11, 9))
        goals.add_milestone(conn, lead.id, "Lead an incident review", date(2026, 11, 20))
        goals.add_milestone(conn, lead.id, "Mentor a new colleague", date(2027, 2, 1))
        course = items.add_item(
            conn, "Book the leadership course", day=TODAY, kind=Kind.TASK, goal_id=lead.id
        )
        items.postpone(conn, course.id, date(2026, 11, 24), Reason.NO_TIME)
        items.postpone(conn, course.id, date(2026, 11, 26), Reason.UNSURE)
        ask = items.add_item(conn, "Ask Mira for feedback", day=date(2026, 11, 9), kind=Kind.TASK)
        items.edit_item(conn, ask.id, goal_id=lead.id)
        items.set_status(conn, ask.id, Status.DONE, on=date(2026, 11, 9))

        talk = goals.add_goal(conn, "Speak at a conference")
        goals.edit_goal(conn, talk.id, direction=Direction.BROADEN, target_day=date(2026, 11, 1))

        rust = goals.add_goal(conn, "Learn Rust for the data pipeline")
        goals.edit_goal(conn, rust.id, direction=Direction.DEEPEN, first_step="Do the first book")
        goals.add_milestone(conn, rust.id, "Read the book")

        less = goals.add_goal(conn, "Four-day week")
        goals.edit_goal(conn, less.id, direction=Direction.DOWNSHIFT, status=GoalStatus.PAUSED)

        conn.execute("UPDATE goal SET created_at = '2026-11-02 09:00:00.000000'")
        conn.execute(
            "UPDATE goal SET created_at = '2026-09-01 09:00:00.000000' WHERE id = ?", (talk.id,)
        )
    return app


def test_goals_empty(snap_compare, tmp_path: Path) -> None:
    """An empty journal: what a goal project is, and that n starts one."""
    app = LoopbaanApp(db_path=tmp_path / "j.db", today=TODAY)
    assert snap_compare(app, terminal_size=SIZE, press=["3"])


def test_goals_full(snap_compare, tmp_path: Path) -> None:
    """Active goals with progress, a stalled one, and the first goal in full."""
    assert snap_compare(full_journal(tmp_path / "j.db"), terminal_size=SIZE, press=["3"])


def test_goals_all_with_the_milestones_focused(snap_compare, tmp_path: Path) -> None:
    """f shows the paused goal too; Enter moves into the milestones."""
    app = full_journal(tmp_path / "j.db")
    assert snap_compare(app, terminal_size=SIZE, press=["3", "f", "enter", "down"])


def test_goal_form_with_a_bad_day(snap_compare, tmp_path: Path) -> None:
    """The form behind e: every field, the seven directions, and a day it cannot read."""

    async def type_a_bad_day(pilot) -> None:
        await pilot.press("3", "e", *["tab"] * 8, "home", "ctrl+k", *"soon")
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False  # a blinking cursor would make the picture flaky

    app = full_journal(tmp_path / "j.db")
    assert snap_compare(app, terminal_size=SIZE, run_before=type_a_bad_day)
