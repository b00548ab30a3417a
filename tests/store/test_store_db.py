"""Opening a journal: file modes, pragmas, refusing what is not a journal."""

from __future__ import annotations

import os
import sqlite3
import stat
import subprocess
import sys
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


def test_a_connection_stays_in_the_thread_that_opened_it(tmp_path: Path) -> None:
    """A worker thread opens a reader of its own; the app's connection refuses it."""
    import threading

    conn = open_journal(tmp_path / "j.db")
    assert conn is not None
    errors: list[BaseException] = []

    def elsewhere() -> None:
        try:
            conn.execute("SELECT count(*) FROM item").fetchone()
        except sqlite3.ProgrammingError as error:
            errors.append(error)

    try:
        thread = threading.Thread(target=elsewhere)
        thread.start()
        thread.join()
        assert len(errors) == 1 and "thread" in str(errors[0])
    finally:
        conn.close()


# ------------------------------------------------------------- issue 10, parts 3 and 4


@pytest.mark.parametrize(
    "garble",
    [
        "UPDATE alembic_version SET version_num = 'abc'",
        "UPDATE alembic_version SET version_num = '٣'",  # a digit, but not an ASCII one
        "UPDATE alembic_version SET version_num = X'30303031'",  # a blob
        "INSERT INTO alembic_version VALUES ('0001')",  # two rows: which one is it?
        "DELETE FROM alembic_version",
        "DROP TABLE alembic_version",  # tables, but no version at all
    ],
)
def test_an_unreadable_schema_version_is_refused(tmp_path: Path, garble: str) -> None:
    path = tmp_path / "journal.db"
    conn = open_journal(path)
    conn.execute(garble)
    conn.close()
    with pytest.raises(JournalError) as refused:
        open_journal(path)
    assert "\n" not in str(refused.value)
    assert "schema version" in str(refused.value) or "not a loopbaan journal" in str(refused.value)


def test_an_older_version_this_code_cannot_upgrade_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    conn = open_journal(path)
    conn.execute("UPDATE alembic_version SET version_num = '0000'")
    conn.close()
    with pytest.raises(JournalError, match="schema version 0000, which this loopbaan cannot"):
        open_journal(path)
    check = sqlite3.connect(path)
    assert check.execute("SELECT version_num FROM alembic_version").fetchall() == [("0000",)]
    check.close()


def test_an_empty_file_is_not_adopted(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    path.touch()
    for create in (True, False):
        with pytest.raises(JournalError, match="is empty, not a loopbaan journal"):
            open_journal(path, create=create)
    assert path.stat().st_size == 0
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.db"]


def test_a_new_journal_is_never_seen_half_made(tmp_path: Path, monkeypatch) -> None:
    """The schema is built under a temporary name and linked into place when complete:
    a crash while building leaves nothing at the journal's path."""
    path = tmp_path / "data" / "journal.db"

    def crash(_path: Path) -> None:
        assert not path.exists()
        raise KeyboardInterrupt

    monkeypatch.setattr("loopbaan.store.db.upgrade_schema", crash)
    with pytest.raises(KeyboardInterrupt):
        open_journal(path)
    assert list(path.parent.iterdir()) == []
    assert _mode(path.parent) == 0o700


def test_eight_processes_upgrading_at_once(tmp_path: Path) -> None:
    """An existing database without the schema (as an older journal would be) is
    brought to the head by one process while the others wait under the same lock."""
    path = tmp_path / "journal.db"
    plain = sqlite3.connect(path)
    plain.execute("PRAGMA user_version = 7")  # a real, table-less SQLite file
    plain.close()
    assert path.stat().st_size > 0
    start, migrate = tmp_path / "start", tmp_path / "migrate"
    start.mkdir()
    migrate.mkdir()
    # The slow imports first, then all start together; whoever is about to read the
    # revision and migrate waits there for the others (3 s at most): without a lock
    # all eight migrate at the same moment, under one only the first gets there.
    script = """
import os, sys, time
import loopbaan.models
from alembic.runtime.migration import MigrationContext
from loopbaan.store.db import open_journal, transaction

def meet(folder, seconds):
    open(os.path.join(folder, sys.argv[2]), "w").close()
    deadline = time.monotonic() + seconds
    while len(os.listdir(folder)) < 8 and time.monotonic() < deadline:
        time.sleep(0.005)

run_migrations = MigrationContext.run_migrations

def run_together(self, **kwargs):
    meet(sys.argv[4], 3)
    run_migrations(self, **kwargs)

MigrationContext.run_migrations = run_together
meet(sys.argv[3], 120)
conn = open_journal(sys.argv[1])
with transaction(conn):
    conn.execute("INSERT INTO tag (uid, name) VALUES (?, ?)", [sys.argv[2]] * 2)
"""
    workers = [
        subprocess.Popen(
            [sys.executable, "-c", script, str(path), f"t{n}", str(start), str(migrate)],
            stderr=subprocess.PIPE,
            text=True,
        )
        for n in range(8)
    ]
    results = [(w.wait(timeout=240), w.stderr.read()) for w in workers]  # type: ignore[union-attr]
    assert [code for code, _ in results] == [0] * 8, [err for _, err in results]
    conn = open_journal(path)
    assert sorted(r[0] for r in conn.execute("SELECT name FROM tag")) == [f"t{n}" for n in range(8)]


def test_private_file_removes_the_file_when_the_block_fails(tmp_path: Path) -> None:
    from loopbaan.store.db import private_file

    target = tmp_path / "out.txt"
    with pytest.raises(RuntimeError), private_file(target) as (fd, tmp):
        os.write(fd, b"half")
        assert tmp.parent == tmp_path and _mode(tmp) == 0o600
        raise RuntimeError("boom")
    assert list(tmp_path.iterdir()) == []


def test_private_file_makes_a_private_file_whatever_the_umask(tmp_path: Path) -> None:
    from loopbaan.store.db import private_file

    old = os.umask(0)
    try:
        with private_file(tmp_path / "out.txt") as (fd, _tmp):
            os.write(fd, b"whole")
    finally:
        os.umask(old)
    assert [p.name for p in tmp_path.iterdir()] == ["out.txt"]
    assert _mode(tmp_path / "out.txt") == 0o600
    assert (tmp_path / "out.txt").read_bytes() == b"whole"


def test_private_file_never_writes_through_a_link(tmp_path: Path) -> None:
    from loopbaan.store.db import TargetExists, private_file

    victim = tmp_path / "victim"
    victim.write_bytes(b"mine")
    link = tmp_path / "out.txt"
    link.symlink_to(victim)
    with pytest.raises(JournalError, match="symbolic link"), private_file(link) as (fd, _tmp):
        os.write(fd, b"theirs")
    with pytest.raises(TargetExists), private_file(link, replace=False) as (fd, _tmp):
        os.write(fd, b"theirs")
    assert victim.read_bytes() == b"mine" and link.is_symlink()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.txt", "victim"]


def test_a_journal_made_meanwhile_by_another_process_is_kept(tmp_path: Path, monkeypatch) -> None:
    """Two first uses at once: whoever links its new journal into place first wins,
    and the other uses that journal instead of replacing it."""
    from datetime import date

    import loopbaan.store.db as db

    path = tmp_path / "journal.db"
    real = db.upgrade_schema

    def upgrade_while_another_wins(tmp: Path) -> None:
        real(tmp)
        monkeypatch.setattr(db, "upgrade_schema", real)
        other = open_journal(path)  # the other process, a moment faster
        with transaction(other):
            items.add_item(other, "The winner's", day=date(2026, 11, 23))
        other.close()

    monkeypatch.setattr(db, "upgrade_schema", upgrade_while_another_wins)
    conn = open_journal(path)
    assert [r[0] for r in conn.execute("SELECT title FROM item")] == ["The winner's"]
    assert [p.name for p in tmp_path.iterdir() if ".partial" in p.name] == []


def test_private_file_never_replaces_what_appears_meanwhile(tmp_path: Path) -> None:
    from loopbaan.store.db import TargetExists, private_file

    target = tmp_path / "copy.db"
    with pytest.raises(TargetExists), private_file(target, replace=False) as (fd, _tmp):
        os.write(fd, b"ours")
        target.write_bytes(b"theirs")  # made by someone else while we wrote
    assert target.read_bytes() == b"theirs"
    assert [p.name for p in tmp_path.iterdir()] == ["copy.db"]
