"""The schema: Alembic's revisions build exactly the SQLModel metadata."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.config import Config
from alembic.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import create_engine

from loopbaan import models
from loopbaan.migrations import include_name
from loopbaan.store.db import SCHEMA_HEAD, open_journal


def test_schema_head_is_the_latest_revision() -> None:
    config = Config()
    config.set_main_option("script_location", "loopbaan:migrations")
    assert ScriptDirectory.from_config(config).get_current_head() == SCHEMA_HEAD


def test_migrated_schema_equals_the_models(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    open_journal(path).close()
    engine = create_engine(f"sqlite:///{path}")
    with engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_name": include_name}
        )
        differences = compare_metadata(context, models.SQLModel.metadata)
    engine.dispose()
    assert differences == []


def test_every_table_but_the_link_has_a_unique_uid(tmp_path: Path) -> None:
    conn = open_journal(tmp_path / "journal.db")
    tables = [
        name
        for (name,) in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'"
            " AND name NOT IN ('alembic_version', 'item_tag') AND name NOT LIKE 'search%'"
        )
    ]
    assert len(tables) == 9
    for table in tables:
        unique_columns = set()
        for index in conn.execute(f"PRAGMA index_list({table})"):
            if index["unique"]:
                cols = [c["name"] for c in conn.execute(f"PRAGMA index_info({index['name']})")]
                unique_columns.add(tuple(cols))
        assert ("uid",) in unique_columns, table


def _plan(conn: sqlite3.Connection, sql: str, *params: object) -> str:
    return " ".join(row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params))


def test_the_everyday_queries_use_indexes(tmp_path: Path) -> None:
    conn = open_journal(tmp_path / "journal.db")
    day_plan = _plan(conn, "SELECT * FROM item WHERE day = ?", "2026-11-23")
    assert "USING INDEX ix_item_day_kind" in day_plan
    open_plan = _plan(
        conn,
        "SELECT count(*) FROM item WHERE kind = 'task' AND status = 'open' AND day <= ?",
        "2026-11-23",
    )
    assert "ix_item_kind_status_day" in open_plan
    assert "USING INDEX ix_postponement_from_day" in _plan(
        conn,
        "SELECT * FROM postponement WHERE from_day BETWEEN ? AND ?",
        "2026-01-01",
        "2026-02-01",
    )
    assert "ix_postponement_item_id_from_day" in _plan(
        conn, "SELECT * FROM postponement WHERE item_id = ?", 3
    )
    assert "ix_item_tag_tag_id_item_id" in _plan(conn, "SELECT * FROM item_tag WHERE tag_id = ?", 1)
