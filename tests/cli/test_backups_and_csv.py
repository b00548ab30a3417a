"""Automatic daily backups (rotation, list, restore) and the CSV export of every table."""

from __future__ import annotations

import csv
import gc
import io
import json
import os
import sqlite3
import stat
import subprocess
import sys
import zipfile
from datetime import date, timedelta
from pathlib import Path

import pytest

from loopbaan.cli import main
from loopbaan.store import JournalError, items, open_journal, transaction
from loopbaan.store.backups import backup_folder, check_copy, list_backups, restore
from loopbaan.store.importer import import_journal
from loopbaan.store.transfer import SECTIONS, export_journal

MON = date(2026, 11, 23)  # a Monday
SIZE = (120, 40)


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "data" / "journal.db"
    monkeypatch.setenv("LOOPBAAN_DB", str(db))
    monkeypatch.setenv("LOOPBAAN_TODAY", MON.isoformat())
    monkeypatch.setenv("LOOPBAAN_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("LOOPBAAN_LANG", "en")
    return db


def run(capsys, *argv: str, day: date | None = None) -> tuple[int, str, str]:
    if day is not None:
        os.environ["LOOPBAAN_TODAY"] = day.isoformat()  # the fixture's monkeypatch undoes it
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    out, err = capsys.readouterr()
    gc.collect()  # the command's connection closes, as when its process ends
    return code, out, err


def titles(path: Path) -> set[str]:
    conn = sqlite3.connect(path)
    try:
        return {row[0] for row in conn.execute("SELECT title FROM item")}
    finally:
        conn.close()


def daily_days(db: Path) -> list[date]:
    return sorted(b.made.date() for b in list_backups(db) if b.daily)


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


# ------------------------------------------------------------------ the backups


def test_the_first_write_of_a_day_backs_up_what_was_there_before(env: Path, capsys) -> None:
    assert run(capsys, "log", "The very first")[0] == 0
    assert not backup_folder(env).exists()  # a journal made just now: nothing to keep yet
    assert run(capsys, "log", "Day two, first", day=MON + timedelta(days=1))[0] == 0
    copy = backup_folder(env) / f"loopbaan-{MON + timedelta(days=1)}.db"
    assert titles(copy) == {"The very first"}
    assert mode(copy) == 0o600 and mode(backup_folder(env)) == 0o700
    made = copy.stat().st_mtime_ns
    assert run(capsys, "log", "Day two, second", day=MON + timedelta(days=1))[0] == 0
    assert copy.stat().st_mtime_ns == made and titles(copy) == {"The very first"}
    assert run(capsys, "list", day=MON + timedelta(days=2))[0] == 0  # reading is no write
    assert daily_days(env) == [MON + timedelta(days=1)]
    assert check_copy(copy)  # a journal restore would accept


def test_rotation_over_simulated_days_keeps_7_daily_and_8_weekly(env: Path, capsys) -> None:
    start = MON - timedelta(days=79)
    assert run(capsys, "log", "seed", day=start)[0] == 0
    assert run(capsys, "backup")[0] == 0  # one by hand: never thinned out
    for n in range(1, 80):
        assert run(capsys, "log", f"day {n}", day=start + timedelta(days=n))[0] == 0
    # The last 7 days (Tue 17 – Mon 23 November), and the newest copy of each of the
    # last 8 ISO weeks: Mon 23, Sun 22, Sun 15, Sun 8, Sun 1 Nov, Sun 25, 18, 11 Oct.
    expected = {date(2026, 11, d) for d in range(17, 24)} | {
        date(2026, 11, 15), date(2026, 11, 8), date(2026, 11, 1),
        date(2026, 10, 25), date(2026, 10, 18), date(2026, 10, 11),
    }  # fmt: skip
    assert set(daily_days(env)) == expected
    assert len([b for b in list_backups(env) if not b.daily]) == 1
    # each copy holds the journal as it was before that day's first write
    assert titles(backup_folder(env) / "loopbaan-2026-10-11.db") == {
        "seed",
        *(f"day {n}" for n in range(1, 80) if start + timedelta(days=n) < date(2026, 10, 11)),
    }


def test_the_keep_settings(env: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "config.toml").write_text("backup_keep_daily = 2\nbackup_keep_weekly = 0\n")
    for n in range(6):
        assert run(capsys, "log", f"day {n}", day=MON + timedelta(days=n))[0] == 0
    assert daily_days(env) == [MON + timedelta(days=4), MON + timedelta(days=5)]
    (tmp_path / "config.toml").write_text("backup_keep_daily = 0\nbackup_keep_weekly = 0\n")
    assert run(capsys, "log", "no copy", day=MON + timedelta(days=6))[0] == 0
    assert daily_days(env) == [MON + timedelta(days=4), MON + timedelta(days=5)]
    (tmp_path / "config.toml").write_text("backup_keep_daily = -1\n")
    code, _out, err = run(capsys, "list")
    assert code == 0 and "backup_keep_daily = -1 is not a whole number from 0 to 1000" in err


def test_backup_list_is_newest_first_with_day_and_size(env: Path, capsys) -> None:
    assert run(capsys, "backup", "--list")[0] == 0  # no journal, no backups: one line
    for n in range(3):
        run(capsys, "log", f"day {n}", day=MON + timedelta(days=n))
    code, out, _err = run(capsys, "backup", "--list")
    assert code == 0
    lines = out.splitlines()
    assert lines[0].split() == ["MADE", "SIZE", "KIND", "FILE"]
    assert [line.split()[0] for line in lines[1:]] == ["2026-11-25", "2026-11-24"]
    for line in lines[1:]:
        assert "KiB" in line and "daily" in line
    assert run(capsys, "backup", "--list", "somewhere")[0] == 2


def test_a_failing_backup_does_not_stop_the_write(env: Path, capsys) -> None:
    run(capsys, "log", "first")
    backup_folder(env).write_text("a file where the folder should be")
    code, out, err = run(capsys, "log", "second", day=MON + timedelta(days=1))
    assert code == 0 and "logged" in out
    assert err.startswith("loopbaan: no backup today:") and err.count("\n") == 1
    assert titles(env) == {"first", "second"}


# ------------------------------------------------------------------- restore


def test_restore_round_trip(env: Path, capsys) -> None:
    run(capsys, "log", "before")
    run(capsys, "log", "after", day=MON + timedelta(days=1))
    copy = backup_folder(env) / f"loopbaan-{MON + timedelta(days=1)}.db"
    code, out, err = run(capsys, "restore", str(copy))
    assert code == 0, err
    assert titles(env) == {"before"}
    (aside,) = env.parent.glob("journal.db.before-restore-*")
    assert titles(aside) == {"before", "after"} and mode(aside) == 0o600
    assert str(aside) in out
    assert not Path(f"{env}-wal").exists() or Path(f"{env}-wal").stat().st_size == 0
    assert mode(env) == 0o600
    # the restored journal is an ordinary one: it takes writes, and restores back
    assert run(capsys, "log", "again", day=MON + timedelta(days=1))[0] == 0
    assert titles(env) == {"before", "again"}
    code, _out, err = run(capsys, "restore", str(aside))
    assert code == 0, err
    assert titles(env) == {"before", "after"}
    assert len(list(env.parent.glob("journal.db.before-restore-*"))) == 2


def _dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def test_restore_refuses_what_is_no_good_copy_and_changes_nothing(env, tmp_path, capsys):
    run(capsys, "log", "keep me")
    before = _dump(env)
    not_sqlite = tmp_path / "notes.txt"
    not_sqlite.write_text("hello " * 2000)
    foreign = tmp_path / "foreign.db"
    sqlite3.connect(foreign).execute("CREATE TABLE t (x)").connection.close()
    newer = tmp_path / "newer.db"
    run(capsys, "backup", str(newer))
    with sqlite3.connect(newer) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    damaged = tmp_path / "damaged.db"
    run(capsys, "backup", str(damaged))
    data = bytearray(damaged.read_bytes())
    data[4096:8192] = os.urandom(4096)  # the second page, garbled
    damaged.write_bytes(bytes(data))
    for copy, said in (
        (not_sqlite, "not a loopbaan journal"),
        (foreign, "not a loopbaan journal"),
        (newer, "newer loopbaan"),
        (damaged, "damaged"),
        (tmp_path / "missing.db", "does not exist"),
        (env, "the journal itself"),
    ):
        code, _out, err = run(capsys, "restore", str(copy))
        assert code == 1 and said in err and err.count("\n") == 1, (copy, err)
        assert _dump(env) == before
        assert list(env.parent.glob("*before-restore*")) == []
        assert [p.name for p in env.parent.iterdir() if ".partial" in p.name] == []


def test_restore_into_a_place_with_no_journal(env: Path, tmp_path: Path, capsys) -> None:
    run(capsys, "log", "in the copy")
    copy = tmp_path / "copy.db"
    run(capsys, "backup", str(copy))
    os.unlink(env)
    assert restore(env, copy, "x") is None
    assert titles(env) == {"in the copy"}


# ------------------------------------------------------------ with the TUI open


async def test_the_tui_backs_up_on_its_first_change_and_restore_waits_for_it(
    make_app, conn, journal_path: Path, tmp_path: Path
) -> None:
    with transaction(conn):
        items.add_item(conn, "Yesterday's work", day=MON - timedelta(days=1))
    app = make_app()
    copy = backup_folder(journal_path) / f"loopbaan-{MON}.db"
    async with app.run_test(size=SIZE) as pilot:
        assert not copy.exists()  # looking is no write
        await pilot.press("a", *"Standup", "enter", "escape")
        await pilot.pause()
        assert titles(copy) == {"Yesterday's work"}
        assert titles(journal_path) == {"Yesterday's work", "Standup"}
        # a backup by hand while the TUI holds the journal, mid-transaction even
        app.conn.execute("BEGIN IMMEDIATE")
        app.conn.execute("UPDATE item SET title = 'uncommitted' WHERE title = 'Standup'")
        by_hand = tmp_path / "by-hand.db"
        from loopbaan.store.db import backup

        backup(conn, by_hand)
        app.conn.execute("ROLLBACK")
        assert titles(by_hand) == {"Yesterday's work", "Standup"}
        # restore refuses while the app has the journal open, and changes nothing
        with pytest.raises(JournalError, match="in use"):
            restore(journal_path, copy, "x")
        assert titles(journal_path) == {"Yesterday's work", "Standup"}
        assert list(journal_path.parent.glob("*before-restore*")) == []
        await pilot.press("a", *"Still works", "enter", "escape")
        await pilot.pause()
    assert titles(journal_path) == {"Yesterday's work", "Standup", "Still works"}
    conn.close()
    app.conn.close()
    restore(journal_path, copy, "x")
    assert titles(journal_path) == {"Yesterday's work"}


# ------------------------------------------------------------------ CSV export


def _every_table(db: Path) -> dict:
    """A journal with a record in every table, and text a CSV must quote."""
    odd = 'comma, "quote", new\nline, ünïcode, tab\t'
    data = {
        "format": "loopbaan", "version": 1, "exported_at": "2026-11-23T10:00:00.000000Z",
        "goals": [{"uid": "g1", "title": "Lead", "beacon": odd, "status": "active"}],
        "conversations": [{"uid": "c1", "day": "2026-11-20", "with_whom": "Anna",
                           "role": "manager", "kind": "career", "summary": odd}],
        "items": [{"uid": "i1", "kind": "task", "title": "Ask #career", "day": "2026-11-20",
                   "note": odd, "status": "open", "goal_uid": "g1", "conversation_uid": "c1",
                   "tags": ["career", "ask"]}],
        "postponements": [{"uid": "p1", "item_uid": "i1", "from_day": "2026-11-20",
                           "to_day": "2026-11-23", "reason": "waiting", "note": odd}],
        "milestones": [{"uid": "m1", "goal_uid": "g1", "title": "Criteria", "position": 0}],
        "day_reviews": [{"uid": "d1", "day": "2026-11-20", "energy": 4, "liked": odd}],
        "week_reviews": [{"uid": "w1", "year": 2026, "week": 47, "more_of": odd}],
        "attitude_checks": [{"uid": "a1", "day": "2026-11-20", "attitude": "curiosity",
                             "score": 4, "note": odd}],
    }  # fmt: skip
    conn = open_journal(db)
    import_journal(conn, data)
    exported = export_journal(conn)
    conn.close()
    return exported


def _as_cells(record: dict) -> dict[str, str]:
    return {
        key: " ".join(v) if isinstance(v, list) else "" if v is None else str(v)
        for key, v in record.items()
    }


def _check_tables(read: dict[str, str], exported: dict) -> None:
    assert set(read) == {f"{section}.csv" for section in SECTIONS}
    for section in SECTIONS:
        rows = list(csv.DictReader(io.StringIO(read[f"{section}.csv"], newline="")))
        assert rows == [_as_cells(r) for r in exported[section]], section
        assert len(rows) == 1 + (section == "items") * 0


def test_csv_export_to_a_folder_has_every_table(env: Path, tmp_path: Path, capsys) -> None:
    exported = _every_table(env)
    folder = tmp_path / "tables"
    code, _out, err = run(capsys, "export", "--format", "csv", "-o", str(folder))
    assert code == 0, err
    assert mode(folder) == 0o700
    read = {}
    for path in folder.iterdir():
        assert mode(path) == 0o600
        read[path.name] = path.read_text(encoding="utf-8")
    _check_tables(read, exported)
    # again into the same folder: replaced, not refused
    assert run(capsys, "export", "--format", "csv", "-o", str(folder))[0] == 0


def test_csv_export_to_a_zip_has_every_table(env: Path, tmp_path: Path, capsys) -> None:
    exported = _every_table(env)
    target = tmp_path / "tables.ZIP"
    assert run(capsys, "export", "--format", "csv", "-o", str(target))[0] == 0
    assert mode(target) == 0o600
    with zipfile.ZipFile(target) as archive:
        assert archive.testzip() is None
        read = {name: archive.read(name).decode("utf-8") for name in archive.namelist()}
    _check_tables(read, exported)


def test_csv_to_stdout_or_a_csv_file_stays_the_items_table(env, tmp_path, capsys) -> None:
    _every_table(env)
    code, out, _err = run(capsys, "export", "--format", "csv")
    assert code == 0 and out.splitlines()[0].startswith("id,uid,day,kind,title")
    target = tmp_path / "items.csv"
    assert run(capsys, "export", "--format", "csv", "-o", str(target))[0] == 0
    assert target.read_text(encoding="utf-8").startswith("id,uid,day,kind,title")
    a_file = tmp_path / "plain"
    a_file.write_text("x")
    code, _out, err = run(capsys, "export", "--format", "csv", "-o", str(a_file))
    assert code == 2 and "is a file" in err and a_file.read_text() == "x"


def test_a_failing_csv_export_leaves_nothing(env, tmp_path, capsys, monkeypatch) -> None:
    _every_table(env)
    from loopbaan.store import transfer

    real = transfer._write_csv_section

    def fails_at_goals(conn, section, stream):
        if section == "goals":
            raise sqlite3.OperationalError("disk I/O error")
        real(conn, section, stream)

    monkeypatch.setattr(transfer, "_write_csv_section", fails_at_goals)
    folder = tmp_path / "tables"
    assert run(capsys, "export", "--format", "csv", "-o", str(folder))[0] == 1
    assert not folder.exists()
    target = tmp_path / "tables.zip"
    assert run(capsys, "export", "--format", "csv", "-o", str(target))[0] == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data"]


# ------------------------------------------------------------ the quick path


def _imports(command: list[str], env: dict[str, str]) -> set[str]:
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "loopbaan", *command],
        capture_output=True, text=True, env=env, check=True,
    )  # fmt: skip
    return {
        line.split("|")[-1].strip() for line in result.stderr.splitlines() if "import time" in line
    }


def test_a_quick_write_on_a_day_with_its_backup_made_imports_nothing_more(tmp_path: Path):
    env = {
        **os.environ,
        "LOOPBAAN_DB": str(tmp_path / "j.db"),
        "LOOPBAAN_CONFIG": str(tmp_path / "c.toml"),
        "LOOPBAAN_TODAY": MON.isoformat(),
        "PYTHONPATH": os.pathsep.join(sys.path),
    }
    _imports(["log", "seed"], env)  # makes the journal: no backup
    due = _imports(["log", "the first write of the day"], env)
    assert "loopbaan.store.backups" in due  # the check sees the backup being made
    done = _imports(["log", "the second"], env)
    extra = {"loopbaan.store.backups", "loopbaan.editor", "zipfile", "subprocess"}
    assert done & extra == set()
    assert "loopbaan.store" in done
    assert json.loads(
        subprocess.run(
            [sys.executable, "-m", "loopbaan", "list", "--format", "json"],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        ).stdout
    )
