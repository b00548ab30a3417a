"""The journal's change stamp and the answers kept with it, on a temporary journal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from loopbaan.store import items, open_journal, transaction
from loopbaan.store.db import open_reader
from loopbaan.store.kept import Kept, change_stamp

DAY = date(2026, 11, 23)


def test_the_stamp_moves_with_a_change_from_either_connection(tmp_path: Path) -> None:
    conn = open_journal(tmp_path / "j.db")
    assert conn is not None
    other = open_journal(tmp_path / "j.db")
    assert other is not None
    try:
        first = change_stamp(conn)
        conn.execute("SELECT count(*) FROM item").fetchone()
        assert change_stamp(conn) == first  # reading changes nothing
        with transaction(conn):  # this connection writes: total_changes
            items.add_item(conn, "Sprint demo", day=DAY)
        second = change_stamp(conn)
        assert second != first
        with transaction(other):  # another connection commits: data_version
            items.add_item(other, "Retro", day=DAY)
        assert change_stamp(conn) != second
    finally:
        other.close()
        conn.close()


def test_a_change_on_another_connection_in_the_same_process_moves_the_stamp(
    tmp_path: Path,
) -> None:
    """The app writes on its connection, the analysis reads on a reader of its own."""
    conn = open_journal(tmp_path / "j.db")
    assert conn is not None
    reader = open_reader(tmp_path / "j.db")
    try:
        before = change_stamp(reader)
        with transaction(conn):
            items.add_item(conn, "Sprint demo", day=DAY)
        assert change_stamp(reader) != before
    finally:
        reader.close()
        conn.close()


def test_an_answer_is_given_only_for_the_stamp_it_was_read_at() -> None:
    kept: Kept[str, int] = Kept(2)
    kept.put("quarter", (1, 0), 42)
    assert kept.get("quarter", (1, 0)) == 42
    assert kept.get("quarter", (2, 0)) is None  # the journal changed since
    assert kept.get("quarter", (1, 1)) is None
    assert kept.get("year", (1, 0)) is None


def test_the_least_recently_kept_answer_goes_first() -> None:
    kept: Kept[str, int] = Kept(2)
    kept.put("month", (1, 0), 1)
    kept.put("quarter", (1, 0), 2)
    kept.put("month", (1, 0), 3)  # kept again: the newest now
    kept.put("year", (1, 0), 4)
    assert kept.get("quarter", (1, 0)) is None
    assert (kept.get("month", (1, 0)), kept.get("year", (1, 0))) == (3, 4)
    kept.clear()
    assert kept.get("month", (1, 0)) is None
