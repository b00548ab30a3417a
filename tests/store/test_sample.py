"""The sample journal behind `loopbaan demo` and the benchmarks."""

from __future__ import annotations

import itertools
import statistics
from datetime import date, timedelta
from pathlib import Path

import pytest

from loopbaan.demo import make_demo_journal
from loopbaan.domain import Kind, Rating, Reason, Status
from loopbaan.sample import fill_journal
from loopbaan.store import items, open_journal
from tests.helpers import TODAY


def _healthy(conn) -> None:
    assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_demo_journal_is_alive_and_consistent(tmp_path: Path) -> None:
    path = tmp_path / "demo.db"
    summary = make_demo_journal(path, TODAY)
    conn = open_journal(path)
    _healthy(conn)
    # items on most workdays of the three months
    days = {row[0] for row in conn.execute("SELECT DISTINCT day FROM item WHERE kind != 'task'")}
    workdays = [
        TODAY - timedelta(days=n) for n in range(91) if (TODAY - timedelta(days=n)).weekday() < 5
    ]
    assert len(days) >= 0.85 * len(workdays)
    assert summary.postponements > 50 and summary.day_reviews > 30
    assert summary.goals >= 3 and summary.conversations >= 1
    # today: something to rate, an open task, the review not done yet
    today = items.items_for_day(conn, TODAY)
    assert any(item.rating is None and not item.is_task for item in today)
    assert any(item.is_task and item.status is Status.OPEN for item in today)
    assert not conn.execute(
        "SELECT 1 FROM day_review WHERE day = ? AND finished_at IS NOT NULL", (TODAY.isoformat(),)
    ).fetchone()
    # the days before it were reviewed, so the streak shows
    assert conn.execute("SELECT count(*) FROM day_review WHERE day >= '2026-11-17'").fetchone()[0]
    # Talks has what it is for: feedback heard with a follow-up, a negotiation prepared
    from loopbaan.brief import brief_markdown
    from loopbaan.store import talks

    listed = talks.list_conversations(conn)
    ahead = [t for t in listed if t.day > TODAY and t.is_negotiation]
    assert ahead and all(getattr(ahead[0], field) for field in ("want", "walk_away", "prepared"))
    heard = [t for t in listed if t.kind == "feedback" and t.summary]
    assert heard and talks.follow_ups(conn, heard[0].id)
    assert ahead[0].want in brief_markdown(conn, TODAY)


@pytest.mark.parametrize("today", [TODAY, date(2026, 11, 28)], ids=["monday", "saturday"])
def test_demo_today_has_something_to_do_any_day(tmp_path: Path, today: date) -> None:
    make_demo_journal(tmp_path / "demo.db", today)
    conn = open_journal(tmp_path / "demo.db")
    assert any(item.rating is None for item in items.items_for_day(conn, today))


def test_three_months_have_a_sensible_amount_and_every_reason(tmp_path: Path) -> None:
    conn = open_journal(tmp_path / "j.db")
    start = TODAY - timedelta(days=91)
    summary = fill_journal(conn, start=start, end=TODAY)
    _healthy(conn)
    workdays = sum((start + timedelta(days=n)).weekday() < 5 for n in range(92))
    assert 11 * 0.9 * workdays < summary.activities < 18 * workdays
    assert 7 * 0.9 * workdays < summary.tasks < 10 * workdays
    reasons = {row[0] for row in conn.execute("SELECT DISTINCT reason FROM postponement")}
    assert reasons == {reason.value for reason in Reason}
    assert summary.week_reviews >= 8 and summary.attitude_checks >= 8


def test_a_year_has_the_rhythm_of_ten(tmp_path: Path) -> None:
    """Per workday what ten years need: ≈14 activities, ≈8 tasks, ≈2.5 postponements a task."""
    conn = open_journal(tmp_path / "j.db")
    summary = fill_journal(conn, start=TODAY - timedelta(days=365), end=TODAY)
    workdays = conn.execute("SELECT count(DISTINCT day) FROM item WHERE kind != 'task'").fetchone()
    assert 13.5 < summary.activities / workdays[0] < 15.5
    assert 7 < summary.tasks / workdays[0] < 8.5
    assert 2.2 < summary.postponements / summary.tasks < 2.8
    assert 3 <= summary.goals <= 4 and 5 <= summary.conversations <= 13
    statuses = dict(
        conn.execute("SELECT status, count(*) FROM item WHERE kind = 'task' GROUP BY status")
    )
    assert statuses["done"] > 0.8 * summary.tasks
    assert 0 < statuses["dropped"] < 0.15 * summary.tasks
    assert 0 < statuses["open"] < 0.03 * summary.tasks  # the last days' only
    assert not conn.execute(
        "SELECT 1 FROM item WHERE kind = 'task' AND (status = 'open') = (done_on IS NOT NULL)"
    ).fetchone()  # done and dropped tasks have a done_on, open ones none
    assert not conn.execute(
        "SELECT 1 FROM item WHERE substr(created_at, 1, 10) > day"
    ).fetchone()  # a task is made on its first day, then moved later


def test_postponement_chains_end_where_the_task_stands(tmp_path: Path) -> None:
    conn = open_journal(tmp_path / "j.db")
    fill_journal(conn, start=date(2026, 6, 1), end=TODAY)
    rows = conn.execute(
        "SELECT i.id, i.kind, i.day, p.from_day, p.to_day FROM item i JOIN postponement p"
        " ON p.item_id = i.id ORDER BY i.id, p.from_day"
    ).fetchall()
    chains: dict[int, list[tuple[str, str, str]]] = {}
    for item_id, kind, day, from_day, to_day in rows:
        assert kind == Kind.TASK.value
        chains.setdefault(item_id, []).append((day, from_day, to_day))
    assert chains
    for chain in chains.values():
        assert all(from_day < to_day for _day, from_day, to_day in chain)
        assert all(a[2] == b[1] for a, b in itertools.pairwise(chain))  # links up
        assert chain[-1][0] == chain[-1][2]  # the task stands on its last to_day
        assert chain[-1][1] < TODAY.isoformat()  # nothing postponed from a day to come


def test_same_seed_same_journal(tmp_path: Path) -> None:
    def journal(name: str, seed: int) -> tuple[object, list[str]]:
        conn = open_journal(tmp_path / name)
        summary = fill_journal(conn, start=date(2026, 10, 1), end=TODAY, seed=seed)
        rows = conn.execute("SELECT uid || title FROM item ORDER BY id LIMIT 200")
        return summary, [row[0] for row in rows]

    assert journal("a.db", 3) == journal("b.db", 3)
    assert journal("c.db", 4)[1] != journal("d.db", 3)[1]


def test_it_adds_to_a_journal_that_has_data(tmp_path: Path) -> None:
    conn = open_journal(tmp_path / "j.db")
    items.add_item(conn, "Something of my own #code", day=TODAY)
    fill_journal(conn, start=date(2026, 11, 1), end=TODAY)
    _healthy(conn)
    assert conn.execute("SELECT count(*) FROM tag WHERE name = 'code'").fetchone()[0] == 1


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
    assert share_plus("writing") > 0.6 > 0.2 > share_plus("meeting")
    # energy follows the day's balance of pluses and minuses
    rows = conn.execute(
        "SELECT r.energy, sum(i.rating = 'plus') - sum(i.rating = 'minus') FROM day_review r"
        " JOIN item i ON i.day = r.day AND i.kind != 'task' GROUP BY r.day"
    ).fetchall()
    energy, balance = zip(*rows, strict=True)
    assert statistics.correlation(energy, balance) > 0.3
    # the chronic postponements are the disliked tasks, postponed for lack of energy
    top = conn.execute(
        "SELECT reason FROM postponement p JOIN item i ON i.id = p.item_id"
        " WHERE i.title LIKE '%#ops%' GROUP BY reason ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    assert top == Reason.DISLIKE.value
