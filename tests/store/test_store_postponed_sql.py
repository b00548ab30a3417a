"""The one-statement postponement analysis against the same figures counted in plain Python.

A seeded random history of a few hundred postponements, over several periods,
with and without the limit on items the Postponed screen asks for.
"""

from __future__ import annotations

import random
import sqlite3
from collections import Counter
from datetime import date, timedelta

import pytest

from loopbaan.domain import Kind, Rating, Reason
from loopbaan.store import goals, items, transaction
from loopbaan.store.postponed import WEEKDAYS, postponed, tag_balance

D = date.fromisoformat
TAGS = ("ops", "billing", "writing", "mentoring", "admin")


@pytest.fixture
def journal(conn: sqlite3.Connection) -> sqlite3.Connection:
    rng = random.Random(4)
    with transaction(conn):
        goal_ids = [goals.add_goal(conn, f"Goal {n}").id for n in range(3)]
        for n in range(120):
            day = D("2026-01-01") + timedelta(days=rng.randrange(300))
            tags = " ".join(f"#{t}" for t in rng.sample(TAGS, rng.randrange(3)))
            task = items.add_item(
                conn,
                f"Task {n} {tags}",
                day=day,
                kind=Kind.TASK,
                goal_id=rng.choice([None, None, *goal_ids]),
            )
            for _ in range(rng.randrange(6)):
                day += timedelta(days=rng.choice([1, 1, 2, 3, 7]))
                items.postpone(conn, task.id, day, rng.choice(list(Reason)))
            if rng.random() < 0.5:
                items.rate(conn, task.id, rng.choice(list(Rating)))
    return conn


def expected(conn: sqlite3.Connection, since: date, until: date) -> dict:
    rows = [
        (item_id, D(from_day), D(to_day), reason)
        for item_id, from_day, to_day, reason in conn.execute(
            "SELECT item_id, from_day, to_day, reason FROM postponement"
        )
        if since <= D(from_day) <= until
    ]
    tags_of: dict[int, list[str]] = {}
    for item_id, name in conn.execute(
        "SELECT it.item_id, t.name FROM item_tag it JOIN tag t ON t.id = it.tag_id"
    ):
        tags_of.setdefault(item_id, []).append(name)
    goal_of = dict(conn.execute("SELECT id, goal_id FROM item"))
    times = Counter(item_id for item_id, *_ in rows)
    deferred = Counter()
    reasons: dict[int, Counter] = {}
    for item_id, from_day, to_day, reason in rows:
        deferred[item_id] += (to_day - from_day).days
        reasons.setdefault(item_id, Counter())[reason] += 1
    by_reason = Counter(reason for *_, reason in rows)
    return {
        "items": {i: (times[i], deferred[i], dict(reasons[i])) for i in times},
        "by_reason": {
            r: (n, len({i for i, *_, rr in rows if rr == r})) for r, n in by_reason.items()
        },
        "by_tag": Counter(t for i, *_ in rows for t in tags_of.get(i, [])),
        "by_goal": Counter(goal_of[i] for i, *_ in rows if goal_of[i] is not None),
        "by_weekday": Counter(WEEKDAYS[f.weekday()] for _i, f, _t, _r in rows),
        "by_week": Counter(f - timedelta(days=f.weekday()) for _i, f, _t, _r in rows),
        "items_by_times": Counter(times.values()),
    }


@pytest.mark.parametrize(
    ("since", "until"),
    [("2026-01-01", "2026-12-31"), ("2026-04-01", "2026-06-30"), ("2026-03-09", "2026-03-09")],
)
def test_every_part_agrees_with_plain_counting(journal, since: str, until: str) -> None:
    since_day, until_day = D(since), D(until)
    want = expected(journal, since_day, until_day)
    assert want["items"] or since == until  # the random history reaches every period but a day
    report = postponed(journal, since_day, until_day)
    got_items = {i.id: (i.times, i.days_deferred, i.reasons) for i in report.items}
    assert got_items == want["items"]
    ranks = [(-i.times, -i.days_deferred, i.id) for i in report.items]
    assert ranks == sorted(ranks)  # most often first, then most days put off
    for item in report.items:  # reasons: most given first, ties in the order of the list
        order = [(-n, list(Reason).index(Reason(r))) for r, n in item.reasons.items()]
        assert order == sorted(order)
    assert {r.reason.value: (r.times, r.items) for r in report.by_reason} == want["by_reason"]
    assert dict(report.by_tag) == dict(want["by_tag"])
    assert {g.goal_id: g.times for g in report.by_goal} == dict(want["by_goal"])
    assert dict(report.by_weekday) == dict(want["by_weekday"])
    assert dict(report.by_week) == dict(want["by_week"])
    assert report.items_by_times == dict(want["items_by_times"])
    assert report.item_count == len(want["items"])
    assert report.total == sum(n for n, _items in want["by_reason"].values())


def test_the_item_limit_keeps_the_most_postponed_and_every_count(journal) -> None:
    since, until = D("2026-01-01"), D("2026-12-31")
    everything = postponed(journal, since, until)
    top = postponed(journal, since, until, item_limit=7)
    assert top.items == everything.items[:7]
    assert top._replace(items=[]) == everything._replace(items=[])
    assert top.item_count == len(everything.items) > 7


def test_tag_balance_agrees_with_plain_counting(journal) -> None:
    since, until = D("2026-04-01"), D("2026-09-30")
    rows = journal.execute(
        "SELECT i.id, i.day, i.rating, t.name FROM item i"
        " JOIN item_tag it ON it.item_id = i.id JOIN tag t ON t.id = it.tag_id"
    ).fetchall()
    put_off = journal.execute(
        "SELECT p.item_id, p.from_day, t.name FROM postponement p"
        " JOIN item_tag it ON it.item_id = p.item_id JOIN tag t ON t.id = it.tag_id"
    ).fetchall()
    for balance in tag_balance(journal, since, until):
        rated = [r for i, d, r, t in rows if t == balance.tag and since <= D(d) <= until]
        moves = [i for i, d, t in put_off if t == balance.tag and since <= D(d) <= until]
        assert (balance.plus, balance.minus, balance.neutral, balance.items) == (
            rated.count("plus"),
            rated.count("minus"),
            rated.count("neutral"),
            len(rated),
        )
        assert (balance.postponed_items, balance.postponements) == (len(set(moves)), len(moves))
