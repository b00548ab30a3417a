"""The postponement analysis on a small history whose answers are worked out here."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from loopbaan.cli import main
from loopbaan.domain import Kind, Rating, Reason, Status
from loopbaan.insight import evidence, postponements
from loopbaan.store import goals, items, open_journal, postponed, transaction

D = date.fromisoformat


@pytest.fixture
def history(tmp_path: Path):
    """
    Three tasks and one rated activity, November 2026 (the 2nd and 9th are Mondays):

    A "Write the #report"          02→03 unclear, 03→06 unclear, 06→10 too_big
    B "Call the #client" (goal)    30 Oct→04 waiting, 04→05 waiting, 05→09 no_time
    C "Fix #ci #report"            05→12 dislike, then done
    """
    conn = open_journal(tmp_path / "journal.db")
    with transaction(conn):
        goal = goals.add_goal(conn, "Win the client")
        a = items.add_item(conn, "Write the #report", day=D("2026-11-02"), kind=Kind.TASK)
        b = items.add_item(
            conn, "Call the #client", day=D("2026-10-30"), kind=Kind.TASK, goal_id=goal.id
        )
        c = items.add_item(conn, "Fix #ci #report", day=D("2026-11-05"), kind=Kind.TASK)
        items.postpone(conn, a.id, D("2026-11-03"), Reason.UNCLEAR)
        items.postpone(conn, a.id, D("2026-11-06"), Reason.UNCLEAR)
        items.postpone(conn, a.id, D("2026-11-10"), Reason.TOO_BIG)
        items.postpone(conn, b.id, D("2026-11-04"), Reason.WAITING)
        items.postpone(conn, b.id, D("2026-11-05"), Reason.WAITING)
        items.postpone(conn, b.id, D("2026-11-09"), Reason.NO_TIME)
        items.postpone(conn, c.id, D("2026-11-12"), Reason.DISLIKE)
        items.set_status(conn, c.id, Status.DONE, on=D("2026-11-12"))
        items.add_item(conn, "Demo to the #client", day=D("2026-11-03"), rating=Rating.PLUS)
        items.add_item(conn, "Ran the #ci", day=D("2026-11-04"), rating=Rating.MINUS)
    return conn, {"a": a.id, "b": b.id, "c": c.id, "goal": goal.id}


def test_november(history, monkeypatch) -> None:
    # About showing chronic items, not about when an item is chronic: with a rule
    # that lets three times count (on these few items it would take many more).
    monkeypatch.setattr(evidence, "ALPHA", 1.0)
    conn, ids = history
    report = postponed.postponed(conn, D("2026-11-01"), D("2026-11-30"))
    # B's move from 30 October belongs to October: 6 postponements in November
    assert report.total == 6
    by_item = {item.id: item for item in report.items}
    assert [item.id for item in report.items] == [ids["a"], ids["b"], ids["c"]]  # by times
    a, b, c = by_item[ids["a"]], by_item[ids["b"]], by_item[ids["c"]]
    assert (a.times, a.days_deferred, a.reasons) == (3, 8, {"unclear": 2, "too_big": 1})
    assert (b.times, b.days_deferred, b.reasons) == (2, 5, {"no_time": 1, "waiting": 1})
    assert (c.times, c.days_deferred, c.status) == (1, 7, Status.DONE)
    assert [(r.reason, r.times, r.items) for r in report.by_reason] == [
        (Reason.UNCLEAR, 2, 1),
        (Reason.TOO_BIG, 1, 1),
        (Reason.NO_TIME, 1, 1),
        (Reason.WAITING, 1, 1),
        (Reason.DISLIKE, 1, 1),
    ]
    # #report: A's three and C's one; #client: B's two; #ci: C's one
    assert [(t.key, t.times) for t in report.by_tag] == [("report", 4), ("client", 2), ("ci", 1)]
    assert [(g.title, g.times, g.items) for g in report.by_goal] == [("Win the client", 2, 1)]
    # from_days: 02 Mon, 03 Tue, 06 Fri, 04 Wed, 05 Thu, 05 Thu
    assert [(w.key, w.times) for w in report.by_weekday] == [
        ("thursday", 2),
        ("monday", 1),
        ("tuesday", 1),
        ("wednesday", 1),
        ("friday", 1),
    ]
    assert [(w.week_start, w.times) for w in report.by_week] == [(D("2026-11-02"), 6)]
    chronic = postponements.chronic(report)
    assert [(c.item.id, c.reason, c.suggestion) for c in chronic] == [
        (ids["a"], Reason.UNCLEAR, "write down the first concrete step")
    ]


def test_period_edges_are_inclusive_by_from_day(history) -> None:
    conn, ids = history
    one_day = postponed.postponed(conn, D("2026-11-05"), D("2026-11-05"))
    assert sorted(i.id for i in one_day.items) == sorted([ids["b"], ids["c"]])
    october = postponed.postponed(conn, D("2026-10-01"), D("2026-10-31"))
    assert [(i.id, i.days_deferred) for i in october.items] == [(ids["b"], 5)]
    assert [(w.week_start, w.times) for w in october.by_week] == [(D("2026-10-26"), 1)]
    assert postponed.bounds(conn) == (D("2026-10-30"), D("2026-11-06"))


def test_tag_balance_puts_ratings_and_postponements_side_by_side(history) -> None:
    conn, _ids = history
    balance = {b.tag: b for b in postponed.tag_balance(conn, D("2026-11-01"), D("2026-11-30"))}
    assert (balance["client"].plus, balance["client"].minus, balance["client"].net) == (1, 0, 1)
    assert (balance["ci"].minus, balance["ci"].postponed_items) == (1, 1)
    # #report: tasks A (now on the 10th) and C (on the 12th) are both in November and both
    # were postponed: all of it gets put off
    assert balance["report"].postponed_share == 1.0
    assert next(b.tag for b in postponed.tag_balance(conn, D("2026-11-01"), D("2026-11-30"))) == (
        "client"
    )


def test_postponed_command_json(history, monkeypatch, capsys, tmp_path) -> None:
    # About showing chronic items, not about when an item is chronic: with a rule
    # that lets three times count (on these few items it would take many more).
    monkeypatch.setattr(evidence, "ALPHA", 1.0)
    _conn, ids = history
    db = str(tmp_path / "journal.db")
    assert main(["--db", db, "postponed", "--since", "2026-11-01", "--format", "json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["since"] == "2026-11-01" and data["until"] == "2026-11-23"
    assert set(data) == {"since", "until", "items", "by_reason", "by_tag", "by_weekday"}
    assert data["items"][0] == {
        "id": ids["a"],
        "title": "Write the #report",
        "times": 3,
        "days_deferred": 8,
        "reasons": {"unclear": 2, "too_big": 1},
        "status": "open",
    }
    assert data["by_reason"][0] == {"reason": "unclear", "count": 2, "items": 1}
    assert data["by_tag"][0] == {"tag": "report", "count": 4}
    assert data["by_weekday"][0] == {"weekday": "thursday", "count": 2}
    assert main(["--db", db, "postponed"]) == 0
    out = capsys.readouterr().out
    assert "7 postponements" in out and "Write the #report" in out and "unclear" in out
    assert main(["--db", db, "postponed", "--since", "2026-12-01", "--until", "2026-11-01"]) == 2
