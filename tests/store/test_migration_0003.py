"""Revision 0003 indexes a full journal made at 0002 without changing a row, and a new
journal gets the same index and triggers as an upgraded one."""

from __future__ import annotations

import sqlite3
from datetime import date
from pathlib import Path

from loopbaan.sample import fill_journal
from loopbaan.store import items, transaction
from loopbaan.store.db import _connect, open_journal
from loopbaan.store.search import search
from tests.helpers import upgrade_journal

TABLES = (
    "goal", "milestone", "conversation", "item", "tag", "item_tag", "postponement",
    "day_review", "week_review", "attitude_check",
)  # fmt: skip
INDEXED = {
    "item": "item", "day_review": "day", "week_review": "week", "goal": "goal",
    "milestone": "milestone", "conversation": "talk",
}  # fmt: skip


def _contents(conn: sqlite3.Connection, table: str) -> list[tuple]:
    return [tuple(r) for r in conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2")]


def _schema(conn: sqlite3.Connection) -> list[tuple]:
    return [
        tuple(r)
        for r in conn.execute(
            "SELECT type, name, tbl_name, sql FROM sqlite_master"
            " WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name"
        )
    ]


def test_a_full_journal_at_0002_is_indexed_without_loss(tmp_path: Path) -> None:
    path = tmp_path / "old.db"
    upgrade_journal(path, "0002")
    conn = _connect(path)
    summary = fill_journal(conn, start=date(2026, 5, 1), end=date(2026, 11, 23), seed=5)
    assert summary.conversations > 0 and summary.week_reviews > 0
    before = {table: _contents(conn, table) for table in TABLES}
    conn.close()
    assert all(before[table] for table in TABLES)

    upgraded = open_journal(path)
    assert upgraded.execute("SELECT version_num FROM alembic_version").fetchone()[0] == "0003"
    for table in TABLES:
        assert _contents(upgraded, table) == before[table], table
    # Every row of every indexed table is in the index, once, under its kind.
    for table, kind in INDEXED.items():
        rows = {r[0] for r in upgraded.execute(f"SELECT id FROM {table}")}
        indexed = [r[0] for r in upgraded.execute("SELECT ref FROM search WHERE kind = ?", (kind,))]
        assert sorted(indexed) == sorted(rows), table
    total = sum(len(before[table]) for table in INDEXED)
    assert upgraded.execute("SELECT count(*) FROM search").fetchone()[0] == total
    assert upgraded.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    upgraded.execute("INSERT INTO search (search) VALUES ('integrity-check')")  # raises if not
    # Their text is found, and the triggers work in the upgraded journal.
    title = upgraded.execute("SELECT title FROM item ORDER BY id LIMIT 1").fetchone()[0]
    word = max(title.split(), key=len).strip("#")
    assert any(hit.kind == "item" for hit in search(upgraded, word, limit=500))
    with transaction(upgraded):
        items.add_item(upgraded, "Quixotic upgrade check", day=date(2026, 11, 23))
    assert [h.kind for h in search(upgraded, "quixotic")] == ["item"]


def test_a_new_journal_has_the_schema_of_an_upgraded_one(tmp_path: Path) -> None:
    new = open_journal(tmp_path / "new.db")
    upgrade_journal(tmp_path / "old.db", "0002")
    upgraded = open_journal(tmp_path / "old.db")
    assert _schema(new) == _schema(upgraded)
    names = {row[1] for row in _schema(new)}
    assert {"search", "search_item_insert", "search_conversation_update"} <= names
