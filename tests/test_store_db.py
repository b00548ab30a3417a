"""Opening a journal: file modes, pragmas, refusing what is not a journal."""

from __future__ import annotations

import os
import sqlite3
import stat
from pathlib import Path

import pytest

from loopbaan.store import items
from loopbaan.store.db import JournalError, backup, open_journal, open_reader, transaction


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_new_journal_is_private(tmp_path: Path) -> None:
    path = tmp_path / "new" / "folder" / "journal.db"
    conn = open_journal(path)
    with transaction(conn):
        items.add_item(conn, "Wrote the plan", day=__import__("datetime").date(2026, 11, 23))
    assert _mode(path) == 0o600
    assert _mode(path.parent) == 0o700
    for sidecar in ("journal.db-wal", "journal.db-shm"):
        if (path.parent / sidecar).exists():
            assert _mode(path.parent / sidecar) & 0o077 == 0, sidecar


def test_existing_folder_keeps_its_mode(tmp_path: Path) -> None:
    os.chmod(tmp_path, 0o755)
    open_journal(tmp_path / "journal.db").close()
    assert _mode(tmp_path) == 0o755


def test_pragmas(tmp_path: Path) -> None:
    conn = open_journal(tmp_path / "journal.db")
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    assert conn.execute("PRAGMA busy_timeout").fetchone()[0] >= 5000


def test_reopening_a_current_journal_does_not_run_alembic(tmp_path: Path, monkeypatch) -> None:
    path = tmp_path / "journal.db"
    open_journal(path).close()

    def fail(_path: Path) -> None:
        raise AssertionError("upgrade_schema ran on a current journal")

    monkeypatch.setattr("loopbaan.store.db.upgrade_schema", fail)
    assert open_journal(path) is not None


def test_missing_journal_without_create_leaves_no_file(tmp_path: Path) -> None:
    assert open_journal(tmp_path / "none.db", create=False) is None
    assert not (tmp_path / "none.db").exists()


def test_a_folder_is_not_a_journal(tmp_path: Path) -> None:
    with pytest.raises(JournalError, match="is a folder"):
        open_journal(tmp_path)


def test_a_text_file_is_not_a_journal(tmp_path: Path) -> None:
    path = tmp_path / "notes.txt"
    path.write_text("dear diary\n")
    with pytest.raises(JournalError, match="not a loopbaan journal"):
        open_journal(path)
    assert path.read_text() == "dear diary\n"


def test_a_foreign_database_is_not_a_journal(tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    other = sqlite3.connect(path)
    other.execute("CREATE TABLE invoices (id INTEGER PRIMARY KEY)")
    other.commit()
    other.close()
    with pytest.raises(JournalError, match="not a loopbaan journal"):
        open_journal(path)
    check = sqlite3.connect(path)
    tables = [r[0] for r in check.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    assert tables == ["invoices"]


def test_a_journal_from_a_newer_loopbaan_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    conn = open_journal(path)
    conn.execute("UPDATE alembic_version SET version_num = '9999'")
    conn.close()
    with pytest.raises(JournalError, match="newer loopbaan"):
        open_journal(path)


def test_transaction_rolls_back_on_error(tmp_path: Path) -> None:
    from datetime import date

    conn = open_journal(tmp_path / "journal.db")
    with pytest.raises(RuntimeError), transaction(conn):
        items.add_item(conn, "Half a change", day=date(2026, 11, 23))
        raise RuntimeError("boom")
    assert conn.execute("SELECT count(*) FROM item").fetchone()[0] == 0


def test_backup_copies_a_private_journal(tmp_path: Path) -> None:
    from datetime import date

    conn = open_journal(tmp_path / "journal.db")
    with transaction(conn):
        items.add_item(conn, "Kept safe", day=date(2026, 11, 23))
    dest = backup(conn, tmp_path / "copy.db")
    assert _mode(dest) == 0o600
    copy = open_journal(dest)
    assert [r[0] for r in copy.execute("SELECT title FROM item")] == ["Kept safe"]
    with pytest.raises(JournalError, match="exists already"):
        backup(conn, dest)


def test_a_reader_reads_beside_the_journal_and_never_writes(tmp_path: Path) -> None:
    from datetime import date

    conn = open_journal(tmp_path / "j.db")
    assert conn is not None
    with transaction(conn):
        items.add_item(conn, "Sprint demo", day=date(2026, 11, 23))
    reader = open_reader(tmp_path / "j.db")
    try:
        assert reader.execute("SELECT title FROM item").fetchall()[0][0] == "Sprint demo"
        with transaction(conn):  # the journal's own connection still writes
            items.add_item(conn, "Retro", day=date(2026, 11, 23))
        assert reader.execute("SELECT count(*) FROM item").fetchone()[0] == 2
        with pytest.raises(sqlite3.OperationalError, match="readonly"):
            reader.execute("DELETE FROM item")
    finally:
        reader.close()
        conn.close()
