"""Items, tags and postponements in the data layer."""

from __future__ import annotations

from datetime import date

import pytest

from loopbaan.domain import Kind, Rating, Reason, Status
from loopbaan.store import NotFound, StoreError, items, transaction

MON = date(2026, 11, 23)


def test_tags_come_from_hash_words() -> None:
    assert items.parse_tags("Fix #CI for #über-build and #ci again #x_1.") == [
        "ci",
        "über-build",
        "x_1",
    ]
    assert items.parse_tags("no tags # here") == []


def test_add_keeps_kind_rating_and_tags(conn) -> None:
    with transaction(conn):
        task = items.add_item(conn, "Plan the #demo  with #team", day=MON, kind=Kind.TASK)
        talk = items.add_item(conn, "1:1 #team", day=MON, kind=Kind.APPOINTMENT, rating=Rating.PLUS)
    assert task.title == "Plan the #demo with #team"
    assert task.status is Status.OPEN and task.done_on is None
    assert task.tags == ("demo", "team")
    assert talk.status is Status.DONE and talk.done_on == MON and talk.rating is Rating.PLUS
    # one tag row per name, shared by both items
    assert conn.execute("SELECT count(*) FROM tag").fetchone()[0] == 2


def test_empty_title_is_refused(conn) -> None:
    with pytest.raises(StoreError, match="empty"), transaction(conn):
        items.add_item(conn, "   ", day=MON)


@pytest.mark.parametrize("title", ["\x00 hidden", "tail\x00", "a \x00 b"])
def test_a_title_with_a_nul_is_refused_in_one_line(conn, title: str) -> None:
    """SQLite's text functions end a text at a NUL: a title holding one would fail the
    journal's own title check, or be cut short in search. Refused, whatever its place."""
    with pytest.raises(StoreError) as raised, transaction(conn):
        items.add_item(conn, title, day=MON)
    assert str(raised.value) == "a title cannot hold the character NUL (\\x00)"
    assert conn.execute("SELECT count(*) FROM item").fetchone()[0] == 0
    with transaction(conn):
        kept = items.add_item(conn, "Kept", day=MON)
    with pytest.raises(StoreError, match="NUL"), transaction(conn):
        items.edit_item(conn, kept.id, title=title)
    assert items.get_item(conn, kept.id).title == "Kept"


def test_unknown_goal_is_refused(conn) -> None:
    with pytest.raises(NotFound, match="no goal with id 4"), transaction(conn):
        items.add_item(conn, "Linked", day=MON, goal_id=4)


def test_postpone_moves_the_day_and_keeps_history(conn) -> None:
    with transaction(conn):
        task = items.add_item(conn, "Write the #proposal", day=MON, kind=Kind.TASK)
        items.postpone(conn, task.id, date(2026, 11, 24), Reason.TOO_BIG, "split it first")
        items.postpone(conn, task.id, date(2026, 11, 27), Reason.WAITING)
    moved = items.get_item(conn, task.id)
    assert moved.day == date(2026, 11, 27)
    assert moved.postponed == 2
    history = items.postponements_of(conn, task.id)
    assert [(p.from_day, p.to_day, p.reason) for p in history] == [
        (MON, date(2026, 11, 24), Reason.TOO_BIG),
        (date(2026, 11, 24), date(2026, 11, 27), Reason.WAITING),
    ]
    assert history[0].note == "split it first"
    assert items.items_for_day(conn, MON) == []
    assert [i.id for i in items.items_for_day(conn, date(2026, 11, 27))] == [task.id]


@pytest.mark.parametrize(
    ("kind", "to_day", "message"),
    [
        (Kind.ACTIVITY, date(2026, 11, 24), "only tasks can be postponed"),
        (Kind.TASK, MON, "must be after"),
        (Kind.TASK, date(2026, 11, 20), "must be after"),
    ],
)
def test_postpone_refuses(conn, kind, to_day, message) -> None:
    with transaction(conn):
        item = items.add_item(conn, "Thing", day=MON, kind=kind)
    with pytest.raises(StoreError, match=message), transaction(conn):
        items.postpone(conn, item.id, to_day, Reason.OTHER)
    assert conn.execute("SELECT count(*) FROM postponement").fetchone()[0] == 0


def test_done_task_cannot_be_postponed(conn) -> None:
    with transaction(conn):
        task = items.add_item(conn, "Thing", day=MON, kind=Kind.TASK)
        items.set_status(conn, task.id, Status.DONE, on=MON)
    with pytest.raises(StoreError, match="only open tasks"), transaction(conn):
        items.postpone(conn, task.id, date(2026, 11, 25), Reason.OTHER)


def test_task_done_later_shows_on_the_day_it_was_done(conn) -> None:
    with transaction(conn):
        task = items.add_item(conn, "Old task", day=date(2026, 11, 16), kind=Kind.TASK)
    assert [t.id for t in items.overdue_tasks(conn, MON)] == [task.id]
    with transaction(conn):
        items.set_status(conn, task.id, Status.DONE, on=MON)
    assert [i.id for i in items.items_for_day(conn, MON)] == [task.id]
    assert items.overdue_tasks(conn, MON) == []


def test_edit_retags_and_changes_kind(conn) -> None:
    with transaction(conn):
        item = items.add_item(conn, "Call #anna", day=MON)
        edited = items.edit_item(conn, item.id, title="Call #bert", kind=Kind.TASK, note="ask")
    assert edited.tags == ("bert",)
    assert edited.kind is Kind.TASK and edited.status is Status.OPEN and edited.note == "ask"


def test_delete_takes_tags_and_postponements_along(conn) -> None:
    with transaction(conn):
        task = items.add_item(conn, "Gone #soon", day=MON, kind=Kind.TASK)
        items.postpone(conn, task.id, date(2026, 11, 24), Reason.NO_TIME)
        items.delete_item(conn, task.id)
    assert conn.execute("SELECT count(*) FROM item_tag").fetchone()[0] == 0
    assert conn.execute("SELECT count(*) FROM postponement").fetchone()[0] == 0
    with pytest.raises(NotFound), transaction(conn):
        items.delete_item(conn, task.id)
