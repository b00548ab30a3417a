"""Energy per week and attitude check-ins, on small data whose answers are worked out here."""

from __future__ import annotations

import sqlite3
from datetime import date

from loopbaan.domain import Kind, Reason
from loopbaan.store import items, transaction
from loopbaan.store.reviews import save_day_review
from loopbaan.store.trends import (
    AttitudeScore,
    WeekEnergy,
    attitude_scores,
    energy_by_week,
    journal_bounds,
)

D = date.fromisoformat


def add_check(conn: sqlite3.Connection, day: str, attitude: str, score: int) -> None:
    # No store function writes check-ins yet (the Talks screen will); the table is the contract.
    conn.execute(
        "INSERT INTO attitude_check (uid, day, attitude, score, note) VALUES (?, ?, ?, ?, '')",
        (f"check-{day}-{attitude}", day, attitude, score),
    )


def test_energy_per_week(conn: sqlite3.Connection) -> None:
    """
    Mon 2 Nov 2  Wed 4 Nov 3  Sun 8 Nov 4  → week of 2 Nov: 9 / 3 = 3.0
    Mon 9 Nov 5  Tue 10 Nov (no energy)     → week of 9 Nov: 5.0 from one day
    Sun 1 Nov 1                              → week of 26 Oct (a Sunday ends its week)
    Fri 20 Nov 2                             → week of 16 Nov
    """
    with transaction(conn):
        for day, energy in [
            ("2026-11-01", 1),
            ("2026-11-02", 2),
            ("2026-11-04", 3),
            ("2026-11-08", 4),
            ("2026-11-09", 5),
            ("2026-11-20", 2),
        ]:
            save_day_review(conn, D(day), energy=energy)
        save_day_review(conn, D("2026-11-10"), liked="a quiet day")

    assert energy_by_week(conn, D("2026-11-01"), D("2026-11-30")) == [
        WeekEnergy(D("2026-10-26"), 1.0, 1),
        WeekEnergy(D("2026-11-02"), 3.0, 3),
        WeekEnergy(D("2026-11-09"), 5.0, 1),
        WeekEnergy(D("2026-11-16"), 2.0, 1),
    ]
    # the period's edge cuts a week: only its days inside count (Wed 4 and Sun 8)
    assert energy_by_week(conn, D("2026-11-03"), D("2026-11-09")) == [
        WeekEnergy(D("2026-11-02"), 3.5, 2),
        WeekEnergy(D("2026-11-09"), 5.0, 1),
    ]
    assert energy_by_week(conn, D("2026-12-01"), D("2026-12-31")) == []


def test_attitude_scores_in_order(conn: sqlite3.Connection) -> None:
    with transaction(conn):
        add_check(conn, "2026-11-01", "control", 4)
        add_check(conn, "2026-10-01", "concern", 2)
        add_check(conn, "2026-11-01", "concern", 3)
        add_check(conn, "2026-12-01", "concern", 5)
    assert attitude_scores(conn, D("2026-10-01"), D("2026-11-30")) == [
        AttitudeScore(D("2026-10-01"), "concern", 2),
        AttitudeScore(D("2026-11-01"), "control", 4),  # made before concern on that day
        AttitudeScore(D("2026-11-01"), "concern", 3),
    ]


def test_journal_bounds_cover_every_kind_of_record(conn: sqlite3.Connection) -> None:
    assert journal_bounds(conn) is None
    with transaction(conn):
        save_day_review(conn, D("2026-03-02"), energy=3)
    assert journal_bounds(conn) == (D("2026-03-02"), D("2026-03-02"))
    with transaction(conn):
        task = items.add_item(conn, "Write it", day=D("2026-05-04"), kind=Kind.TASK)
        items.postpone(conn, task.id, D("2026-05-06"), Reason.UNCLEAR)
        add_check(conn, "2025-12-01", "curiosity", 3)
    # the item now stands on 6 May; its postponement left from 4 May
    assert journal_bounds(conn) == (D("2025-12-01"), D("2026-05-06"))
