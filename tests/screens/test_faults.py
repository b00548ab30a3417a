"""The TUI never dies on a fault: a locked or read-only journal, the ends of the
calendar, a chart of one point; and a crash, should one still happen, reports where
without the user's entries (no local variables)."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from datetime import date, timedelta
from functools import partial
from pathlib import Path

import pytest

from loopbaan.domain import Kind, Rating, Reason
from loopbaan.store import items, transaction
from tests.helpers import fill_up, mounted_tmpfs

SIZE = (120, 40)
MON = date(2026, 11, 23)


def add(conn, title: str, day: date = MON, **fields: object):
    with transaction(conn):
        return items.add_item(conn, title, day=day, **fields)  # type: ignore[arg-type]


def notices(app) -> list[str]:
    return [str(notification.message) for notification in app._notifications]


@pytest.mark.parametrize("today", [date.max, date.min], ids=["9999-12-31", "0001-01-01"])
async def test_the_ends_of_the_calendar_stop_with_a_notice(make_app, today) -> None:
    app = make_app(today=today)
    async with app.run_test(size=SIZE) as pilot:
        for screen in ("1", "2", "4", "6"):
            await pilot.press(screen, "left_square_bracket", "right_square_bracket")
            await pilot.press("right_square_bracket", "left_square_bracket", "t")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert app.is_running, f"screen {screen}"
        await pilot.press("1")
        assert app.screen.day == today
        assert any("calendar" in text for text in notices(app))


async def test_a_locked_journal_refuses_the_change_with_a_notice(make_app, conn) -> None:
    item = add(conn, "Standup")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.conn.execute("PRAGMA busy_timeout = 50")  # not the 8 s a person would wait
        conn.execute("BEGIN IMMEDIATE")  # another program holds the write lock
        try:
            await pilot.press("plus")
            assert app.is_running
            assert any("in use by another program" in text for text in notices(app))
        finally:
            conn.execute("ROLLBACK")
        assert items.get_item(conn, item.id).rating is None
        await pilot.press("plus")  # free again: the same key works
        assert items.get_item(conn, item.id).rating is Rating.PLUS


async def test_a_read_only_journal_refuses_the_change_with_a_notice(make_app, conn) -> None:
    item = add(conn, "Standup")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        app.conn.execute("PRAGMA query_only = ON")  # as a read-only file would refuse
        await pilot.press("plus", "a", *"New", "enter", "escape")
        assert app.is_running
        assert any("read-only" in text for text in notices(app))
        assert items.get_item(conn, item.id).rating is None
        assert [i.title for i in items.items_for_day(conn, MON)] == ["Standup"]


async def test_charts_of_a_single_postponement_draw(make_app, conn) -> None:
    task = add(conn, "Task", day=MON - timedelta(days=3), kind=Kind.TASK)
    with transaction(conn):
        items.postpone(conn, task.id, MON - timedelta(days=2), Reason.TOO_BIG)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for key in ("4", "a", "y", "m", "6", "a", "y"):
            await pilot.press(key)
            await app.workers.wait_for_complete()
            await pilot.pause()
        assert app.is_running


CRASHING_APP = """
    import sys
    from datetime import date
    from pathlib import Path

    import loopbaan.app
    from loopbaan.app import LoopbaanApp


    class Crashing(LoopbaanApp):
        CSS_PATH = str(Path(loopbaan.app.__file__).with_name("app.tcss"))

        def on_ready(self) -> None:
            private_entry = "".join(reversed("ylno em rof :terces a"))
            raise RuntimeError(f"a bug ({len(private_entry)})")


    app = Crashing(db_path=Path(sys.argv[1]), today=date(2026, 11, 23))
    app.run(headless=True)
    sys.exit(app.return_code or 0)
"""


def test_a_crash_exits_non_zero_and_reports_no_local_variables(tmp_path: Path) -> None:
    script = tmp_path / "crash.py"
    script.write_text(textwrap.dedent(CRASHING_APP))
    done = subprocess.run(
        [sys.executable, str(script), str(tmp_path / "journal.db")],
        capture_output=True,
        text=True,
        timeout=60,
    )
    report = done.stdout + done.stderr
    assert done.returncode != 0
    assert "RuntimeError" in report and "a bug (21)" in report  # where and what
    assert "a secret: for me only" not in report  # the local variable's value


def test_sqlite_refusals_read_as_sentences() -> None:
    import sqlite3

    from loopbaan.store.errors import unavailable

    full = sqlite3.OperationalError("database or disk is full")
    read_only = sqlite3.OperationalError("attempt to write a readonly database")
    assert "the disk is full" in str(unavailable(full))
    assert "read-only" in str(unavailable(read_only))


async def test_a_broken_config_is_a_notice_and_the_app_starts(make_app, quiet_config) -> None:
    quiet_config.write_text('theme = "textual-dark"\nfirst_day_of_week = [1, 2\n')
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.is_running and app.screen.day == MON
        shown = notices(app)
        assert len(shown) == 1 and "config.toml" in shown[0] and "\n" not in shown[0]


@pytest.fixture
def disk_that_fills(tmp_path: Path):
    """A 1 MiB tmpfs for a journal, and a function that fills what is left of it
    (root only; skipped where mount is not allowed). Yields (folder, fill, free)."""
    folder = tmp_path / "disk"
    folder.mkdir()
    filler = folder / "filler"
    with mounted_tmpfs(folder, "size=1m,mode=0700"):
        yield folder, partial(fill_up, filler), filler.unlink


async def test_a_full_disk_refuses_the_change_with_a_notice(disk_that_fills, quiet_config):
    """The disk fills while the app runs: the item that does not fit is refused with a
    notice that says why, what was saved stays saved and shown, and once there is room
    again the same keys work."""
    from loopbaan.app import LoopbaanApp
    from loopbaan.store import open_journal

    folder, fill, free = disk_that_fills
    db = folder / "journal.db"
    app = LoopbaanApp(db_path=db, today=MON)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        for title in ("Before one", "Before two"):
            app.screen.capture.input.value = title
            await pilot.press("enter")
        await app.keys.wait()
        fill()
        for n in range(200):  # 20 KB a title: the disk is full long before
            app.screen.capture.input.value = f"Item {n} " + "x" * 20_000
            await pilot.press("enter")
            await app.keys.wait()
            if notices(app):
                break
        assert app.is_running
        assert notices(app) and "the disk is full" in notices(app)[-1]
        shown = sorted(item.title for item in app.screen.items.values())
        free()
        app.screen.capture.input.value = "Room again"
        await pilot.press("enter", "escape")
        await app.keys.wait()
        assert app.is_running
    conn = open_journal(db)
    try:
        stored = [item.title for item in items.items_for_day(conn, MON)]
    finally:
        conn.close()
    assert shown == sorted(stored[:-1]) and stored[:2] == ["Before one", "Before two"]
    assert stored[-1] == "Room again"
