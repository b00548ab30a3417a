"""The sample journal behind `loopbaan demo` and the benchmarks."""

from __future__ import annotations

import itertools
from datetime import date, timedelta
from pathlib import Path

from loopbaan.demo import make_demo_journal
from loopbaan.domain import Rating, Reason, Status
from loopbaan.sample import fill_journal
from loopbaan.store import items, open_journal

TODAY = date(2026, 11, 23)


def test_demo_journal_is_alive_and_consistent(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    summary = make_demo_journal(path, TODAY)
    conn = open_journal(path)
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    # items on most workdays of the three months
    days = {row[0] for row in conn.execute("SELECT DISTINCT day FROM item WHERE kind != 'task'")}
    workdays = [
        TODAY - timedelta(days=n) for n in range(91) if (TODAY - timedelta(days=n)).weekday() < 5
    ]
    assert len(days) >= 0.85 * len(workdays)
    assert summary.postponements > 50 and summary.day_reviews > 30
    reasons = {row[0] for row in conn.execute("SELECT DISTINCT reason FROM postponement")}
    assert reasons >= {r.value for r in Reason} - {Reason.OTHER.value}
    # today: something to rate, an open task, the review not done yet
    today = items.items_for_day(conn, TODAY)
    assert any(item.rating is None and not item.is_task for item in today)
    assert any(item.is_task and item.status is Status.OPEN for item in today)
    assert not conn.execute(
        "SELECT 1 FROM day_review WHERE day = ? AND finished_at IS NOT NULL", (TODAY.isoformat(),)
    ).fetchone()


def test_postponement_chains_end_where_the_task_stands(tmp_path: Path) -> None:
    conn = open_journal(tmp_path / "j.db")
    fill_journal(conn, start=date(2026, 6, 1), end=TODAY)
    rows = conn.execute(
        "SELECT i.id, i.day, p.from_day, p.to_day FROM item i JOIN postponement p"
        " ON p.item_id = i.id ORDER BY i.id, p.from_day"
    ).fetchall()
    chains: dict[int, list[tuple[str, str, str]]] = {}
    for item_id, day, from_day, to_day in rows:
        chains.setdefault(item_id, []).append((day, from_day, to_day))
    assert chains
    for chain in chains.values():
        assert all(from_day < to_day for _day, from_day, to_day in chain)
        assert all(a[2] == b[1] for a, b in itertools.pairwise(chain))  # links up
        assert chain[-1][0] == chain[-1][2]  # the task stands on its last to_day


def test_same_seed_same_journal(tmp_path: Path) -> None:
    def titles(name: str) -> list[str]:
        conn = open_journal(tmp_path / name)
        fill_journal(conn, start=date(2026, 10, 1), end=TODAY, seed=3)
        return [row[0] for row in conn.execute("SELECT uid || title FROM item ORDER BY id")]

    assert titles("a.db") == titles("b.db")


def test_the_person_has_a_taste(tmp_path: Path) -> None:
    conn = open_journal(tmp_path / "j.db")
    fill_journal(conn, start=date(2026, 1, 1), end=TODAY)

    def share_plus(tag: str) -> float:
        plus, rated = conn.execute(
            "SELECT sum(i.rating = ?), count(i.rating) FROM item i"
            " JOIN item_tag it ON it.item_id = i.id JOIN tag t ON t.id = it.tag_id"
            " WHERE t.name = ?",
            (Rating.PLUS.value, tag),
        ).fetchone()
        return plus / rated

    assert share_plus("mentoring") > 0.6 > 0.2 > share_plus("ops")
