"""`loopbaan demo`: a fresh journal with three months of working life up to today."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from pathlib import Path

from loopbaan.domain import Role, TalkKind
from loopbaan.sample import SampleSummary, fill_journal
from loopbaan.store import talks, transaction
from loopbaan.store.db import open_journal

DEMO_DAYS = 91


def make_demo_journal(path: Path, today: date) -> SampleSummary:
    """Three months up to `today`; today itself has unrated items and open tasks."""
    conn = open_journal(path)
    assert conn is not None
    try:
        summary = fill_journal(
            conn,
            start=today - timedelta(days=DEMO_DAYS),
            end=today,
            activities_per_day=(3, 6),
            tasks_per_day=(1, 3),
        )
        with transaction(conn):
            _talks(conn, today)
        return summary
    finally:
        conn.close()


def _talks(conn: sqlite3.Connection, today: date) -> None:
    """What Talks and the brief are for: a career talk and its follow-ups, feedback
    heard, and a negotiation prepared for a talk a few days ahead."""
    career = talks.add_conversation(
        conn,
        "Mira",
        day=today - timedelta(days=24),
        prepared="What does the team lead role ask of me?",
    )
    talks.edit_conversation(
        conn,
        career.id,
        summary="Lead role opens in spring; she wants to see me run planning first.",
        outcome="I run the next two plannings; we talk again before April.",
    )
    talks.add_follow_up(conn, career.id, "Ask Mira for the lead role's criteria #career", today)
    heard = talks.add_conversation(
        conn, "Joost", day=today - timedelta(days=20), role=Role.COLLEAGUE, kind=TalkKind.FEEDBACK
    )
    talks.edit_conversation(
        conn,
        heard.id,
        summary="The incident review was clear; I could speak up earlier in planning.",
        outcome="Bring one proposal to the next planning myself.",
    )
    talks.add_follow_up(conn, heard.id, "Draft a proposal for the #planning", today)
    ahead = talks.add_conversation(
        conn,
        "Mira",
        day=today + timedelta(days=4),
        kind=TalkKind.NEGOTIATION,
        prepared="Lead the platform team from the next quarter",
    )
    talks.edit_conversation(
        conn,
        ahead.id,
        want="The team lead role from April, with a raise to the lead's band",
        their_interest="The team needs someone to run planning and incidents now",
        alternative="Keep my role and ask again after the next review",
        offer="Take over the incident reviews from January",
        walk_away="No new role without the time to do it",
    )
