"""Revision 0002 upgrades a full journal made at 0001 without losing or changing a row."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from loopbaan.sample import fill_journal
from loopbaan.store.db import _connect, open_journal
from tests.helpers import upgrade_journal

OLD_TABLES = (
    "goal", "milestone", "conversation", "item", "tag", "item_tag", "postponement",
    "day_review", "week_review", "attitude_check",
)  # fmt: skip
NEW_COLUMNS = ("want", "their_interest", "alternative", "offer", "walk_away")


def _contents(conn: sqlite3.Connection, table: str) -> list[tuple]:
    columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})")]
    old = [c for c in columns if c not in NEW_COLUMNS]
    return [tuple(r) for r in conn.execute(f"SELECT {', '.join(old)} FROM {table} ORDER BY 1, 2")]


def test_a_full_journal_at_0001_upgrades_without_loss(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    upgrade_journal(path, "0001")
    conn = _connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0001"
    summary = fill_journal(conn, start=date(2026, 5, 1), end=date(2026, 11, 23), seed=3)
    assert summary.conversations > 0 and summary.attitude_checks > 0
    before = {table: _contents(conn, table) for table in OLD_TABLES}
    conn.close()
    assert all(before[table] for table in OLD_TABLES)  # every table has rows to lose

    upgrade_journal(path, "0002")
    upgraded = _connect(path)
    assert upgraded.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0002"
    for table in OLD_TABLES:
        assert _contents(upgraded, table) == before[table], table
    talks = upgraded.execute(
        f"SELECT count(*), {', '.join(f'sum({c} = {chr(39) * 2})' for c in NEW_COLUMNS)}"
        " FROM conversation"
    ).fetchone()
    assert talks[0] == summary.conversations
    assert list(talks[1:]) == [summary.conversations] * len(NEW_COLUMNS)
    assert upgraded.execute("PRAGMA foreign_key_check").fetchall() == []
    assert upgraded.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # The new columns take text and refuse NULL, like the model says.
    upgraded.execute("UPDATE conversation SET want = 'a raise' WHERE id = 1")
    try:
        upgraded.execute("UPDATE conversation SET walk_away = NULL WHERE id = 1")
    except sqlite3.IntegrityError:
        pass
    else:
        raise AssertionError("walk_away took NULL")
    upgraded.close()
    # Opening it goes on to the head, the rows still there.
    head = open_journal(path)
    for table in OLD_TABLES:
        assert len(_contents(head, table)) == len(before[table]), table
    head.close()
