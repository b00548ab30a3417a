"""The undo log on each kind of change the daily review makes, without a terminal."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from loopbaan.domain import Kind, Rating, Reason, Status
from loopbaan.store import NotFound, StoreError, items, reviews, transaction
from loopbaan.store.undo import UndoLog

MON = date(2026, 11, 23)
TUE = date(2026, 11, 24)


@pytest.fixture
def log(conn: sqlite3.Connection) -> UndoLog:
    return UndoLog(conn)


def rows(conn: sqlite3.Connection, table: str) -> list[tuple]:
    return [tuple(row) for row in conn.execute(f"SELECT * FROM {table} ORDER BY 1")]


def snapshot(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every row the review touches, to compare before and after an undo."""
    return {
        table: rows(conn, table)
        for table in ("item", "item_tag", "tag", "postponement", "day_review")
    }


def seeded(conn: sqlite3.Connection):
    with transaction(conn):
        task = items.add_item(conn, "Write the #report", day=MON, kind=Kind.TASK)
        demo = items.add_item(conn, "Sprint demo #work", day=MON)
    return task, demo


def test_undo_of_a_rating_puts_the_old_one_back(conn, log) -> None:
    _task, demo = seeded(conn)
    before = snapshot(conn)
    with log.change("rate") as change:
        change.track("item", demo.id)
        items.rate(conn, demo.id, Rating.PLUS)
    assert items.get_item(conn, demo.id).rating is Rating.PLUS
    assert log.undo() == "rate"
    assert snapshot(conn) == before


def test_undo_of_an_add_removes_the_item_and_its_tag_links(conn, log) -> None:
    seeded(conn)
    before = snapshot(conn)
    with log.change("add") as change:
        made = items.add_item(conn, "Call Mira #network", day=MON, kind=Kind.TASK)
        change.created("item", made.id)
    assert log.undo() == "add"
    with pytest.raises(NotFound):
        items.get_item(conn, made.id)
    after = snapshot(conn)
    # The tag row itself may stay (tags are shared); nothing links to it any more.
    assert {k: v for k, v in after.items() if k != "tag"} == {
        k: v for k, v in before.items() if k != "tag"
    }


def test_undo_of_an_edit_restores_title_kind_day_note_and_tags(conn, log) -> None:
    _task, demo = seeded(conn)
    before = snapshot(conn)
    with log.change("edit") as change:
        change.track("item", demo.id)
        items.edit_item(
            conn, demo.id, title="Demo went well #demo", note="n", kind=Kind.TASK, day=TUE
        )
    assert items.get_item(conn, demo.id).tags == ("demo",)
    log.undo()
    assert items.get_item(conn, demo.id) == demo
    assert {k: v for k, v in snapshot(conn).items() if k != "tag"} == {
        k: v for k, v in before.items() if k != "tag"
    }


def test_undo_of_a_tick_opens_the_task_again(conn, log) -> None:
    task, _demo = seeded(conn)
    before = snapshot(conn)
    with log.change("tick") as change:
        change.track("item", task.id)
        items.set_status(conn, task.id, Status.DONE, on=MON)
    log.undo()
    assert items.get_item(conn, task.id).status is Status.OPEN
    assert snapshot(conn) == before


def test_undo_of_a_postponement_moves_the_task_back_and_drops_the_record(conn, log) -> None:
    task, _demo = seeded(conn)
    before = snapshot(conn)
    with log.change("postpone") as change:
        change.track("item", task.id)
        items.postpone(conn, task.id, TUE, Reason.TOO_BIG)
    assert items.get_item(conn, task.id).day == TUE
    log.undo()
    assert items.get_item(conn, task.id).day == MON
    assert items.postponements_of(conn, task.id) == []
    assert snapshot(conn) == before


def test_undo_of_a_delete_brings_back_the_same_record_with_tags_and_history(conn, log) -> None:
    task, _demo = seeded(conn)
    with transaction(conn):
        items.postpone(conn, task.id, TUE, Reason.WAITING)
    before = snapshot(conn)
    with log.change("delete") as change:
        change.track("item", task.id)
        items.delete_item(conn, task.id)
    assert rows(conn, "postponement") == []  # the delete cascades
    log.undo()
    assert snapshot(conn) == before
    assert items.get_item(conn, task.id).uid == task.uid


def test_undo_of_a_first_review_field_removes_the_new_review(conn, log) -> None:
    with log.change("liked") as change:
        change.track("day_review", MON.isoformat())
        reviews.save_day_review(conn, MON, liked="The demo")
    assert reviews.day_review(conn, MON).liked == "The demo"
    log.undo()
    assert rows(conn, "day_review") == []


def test_undo_of_a_later_review_field_restores_the_earlier_text(conn, log) -> None:
    with transaction(conn):
        reviews.save_day_review(conn, MON, liked="The demo", energy=3)
    before = snapshot(conn)
    with log.change("energy") as change:
        change.track("day_review", MON.isoformat())
        reviews.save_day_review(conn, MON, energy=None, liked="The demo, and lunch")
    log.undo()
    assert snapshot(conn) == before


def test_undo_of_finishing_and_of_reopening_a_review(conn, log) -> None:
    for finished in (True, False):
        before = snapshot(conn)
        with log.change("finish") as change:
            change.track("day_review", MON.isoformat())
            reviews.finish_day_review(conn, MON, finished)
        assert reviews.day_review(conn, MON).finished is finished
        log.undo()
        assert snapshot(conn) == before
        with transaction(conn):
            reviews.finish_day_review(conn, MON, finished)


def test_two_undos_revert_the_last_two_changes_newest_first(conn, log) -> None:
    task, demo = seeded(conn)
    before = snapshot(conn)
    with log.change("rate") as change:
        change.track("item", demo.id)
        items.rate(conn, demo.id, Rating.MINUS)
    middle = snapshot(conn)
    with log.change("tick") as change:
        change.track("item", task.id)
        items.set_status(conn, task.id, Status.DONE, on=MON)
    assert log.last_label == "tick" and len(log) == 2
    assert log.undo() == "tick"
    assert snapshot(conn) == middle
    assert log.undo() == "rate"
    assert snapshot(conn) == before
    assert log.undo() is None


def test_a_refused_change_leaves_nothing_behind_and_nothing_to_undo(conn, log) -> None:
    _task, demo = seeded(conn)
    before = snapshot(conn)
    with pytest.raises(StoreError), log.change("postpone") as change:
        change.track("item", demo.id)
        items.rate(conn, demo.id, Rating.PLUS)
        items.postpone(conn, demo.id, TUE, Reason.UNCLEAR)  # not a task: refused
    assert snapshot(conn) == before
    assert len(log) == 0
