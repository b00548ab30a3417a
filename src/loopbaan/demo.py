"""`loopbaan demo`: a fresh journal with three months of working life up to today."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from loopbaan.sample import SampleSummary, fill_journal
from loopbaan.store.db import open_journal

DEMO_DAYS = 91


def make_demo_journal(path: Path, today: date) -> SampleSummary:
    """Three months up to `today`; today itself has unrated items and open tasks."""
    conn = open_journal(path)
    assert conn is not None
    try:
        return fill_journal(
            conn,
            start=today - timedelta(days=DEMO_DAYS),
            end=today,
            activities_per_day=(3, 6),
            tasks_per_day=(1, 3),
        )
    finally:
        conn.close()
