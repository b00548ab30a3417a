"""What the Talks screen looks like: a new journal, a year of talks, the check-in dialog,
and the screen at 80×24. Today is fixed (Monday 23 November 2026), the data too."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from loopbaan.app import LoopbaanApp
from loopbaan.domain import Kind, Role, Status, TalkKind
from loopbaan.store import attitudes, items, talks, transaction
from tests.snapshots.test_snapshots_today import no_blinking

TODAY = date(2026, 11, 23)
SIZE = (120, 40)
SMALL = (80, 24)


@pytest.fixture(autouse=True)
def _quiet_settings(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LOOPBAAN_CONFIG", str(tmp_path / "config.toml"))


def full_journal(path: Path) -> LoopbaanApp:
    """Talks of every kind; the last career talk seven weeks ago, so the nudge shows."""
    app = LoopbaanApp(db_path=path, today=TODAY)
    conn = app.conn
    with transaction(conn):
        items.add_item(conn, "First entry", day=date(2026, 6, 1))
        mira = talks.add_conversation(
            conn, "Mira", day=TODAY - timedelta(days=49), prepared="Lead the platform team"
        )
        talks.edit_conversation(
            conn,
            mira.id,
            summary="She sees me growing into it; wants a plan by January.",
            outcome="Write a plan for the lead role",
        )
        talks.add_conversation(
            conn, "Joost", day=TODAY - timedelta(days=20), role=Role.MENTOR, kind=TalkKind.NETWORK
        )
        talks.add_conversation(
            conn, "Sam", day=TODAY - timedelta(days=6), role=Role.COLLEAGUE, kind=TalkKind.FEEDBACK
        )
        deal = talks.add_conversation(
            conn,
            "Mira \x1b[2J",  # an escape in a name shows written out
            day=TODAY - timedelta(days=2),
            kind=TalkKind.NEGOTIATION,
            prepared="A four-day week from March",
        )
        talks.edit_conversation(
            conn,
            deal.id,
            want="Fridays off from March, at 90% pay",
            their_interest="Keeps an experienced engineer on the team",
            alternative="Look for a part-time role elsewhere",
            offer="Cover the Monday on-call",
            walk_away="No change before summer",
        )
        done = talks.add_follow_up(conn, deal.id, "Send Mira the proposal", TODAY - timedelta(1))
        items.set_status(conn, done.id, Status.DONE, on=TODAY - timedelta(days=1))
        talks.add_follow_up(conn, deal.id, "Ask HR about part-time rules", TODAY + timedelta(3))
        talks.add_feedback_ask(conn, "Sam", "the demo", TODAY - timedelta(days=8))
        items.add_item(conn, "Unrelated task", day=TODAY, kind=Kind.TASK)
        attitudes.add_check(conn, "concern", 3, TODAY - timedelta(days=10))
    return app


def test_talks_empty(snap_compare, tmp_path: Path) -> None:
    """A new journal: why talk, and that n logs the first talk."""
    app = LoopbaanApp(db_path=tmp_path / "j.db", today=TODAY)
    assert snap_compare(app, terminal_size=SIZE, press=["5"])


def test_talks_full(snap_compare, tmp_path: Path) -> None:
    """The nudge, the feedback balance, and a negotiation in full with its follow-ups."""
    assert snap_compare(full_journal(tmp_path / "j.db"), terminal_size=SIZE, press=["5"])


def test_check_in_dialog(snap_compare, tmp_path: Path) -> None:
    """Two attitudes scored, the third highlighted."""
    app = full_journal(tmp_path / "j.db")
    assert snap_compare(app, terminal_size=SIZE, press=["5", "c", "4", "2"])


def test_talk_form_for_a_negotiation(snap_compare, tmp_path: Path) -> None:
    """The form behind e walks through the five questions of a negotiation."""
    app = full_journal(tmp_path / "j.db")
    assert snap_compare(app, terminal_size=SIZE, press=["5", "e"], run_before=no_blinking)


def test_talks_small(snap_compare, tmp_path: Path) -> None:
    """80×24: the list, the talk below, and the keys that matter in the footer."""
    assert snap_compare(full_journal(tmp_path / "j.db"), terminal_size=SMALL, press=["5"])
