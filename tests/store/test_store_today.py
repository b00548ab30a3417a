"""What the daily review reads besides a day's items: leftovers, moves, a new journal."""

from __future__ import annotations

from datetime import date, timedelta

from loopbaan.domain import Kind, Rating, Reason, Status
from loopbaan.store import items, reviews, today, transaction

MON = date(2026, 11, 23)
TUE = MON + timedelta(days=1)
FRI = MON - timedelta(days=3)


def test_a_new_journal_is_empty_until_the_first_item(conn) -> None:
    assert today.journal_is_empty(conn)
    with transaction(conn):
        items.add_item(conn, "First", day=FRI)
    assert not today.journal_is_empty(conn)


def test_earlier_lists_open_tasks_newest_first_then_unrated_items(conn) -> None:
    with transaction(conn):
        old = items.add_item(conn, "Old task", day=MON - timedelta(days=40), kind=Kind.TASK)
        recent = items.add_item(conn, "Recent task", day=FRI, kind=Kind.TASK)
        done = items.add_item(conn, "Done task", day=FRI, kind=Kind.TASK)
        items.set_status(conn, done.id, Status.DONE, on=FRI)
        unrated = items.add_item(conn, "Pairing", day=FRI)
        items.add_item(conn, "Rated", day=FRI, rating=Rating.PLUS)
        items.add_item(conn, "Too long ago", day=MON - timedelta(days=8))
        items.add_item(conn, "Today's own", day=MON)
        items.add_item(conn, "Tomorrow's", day=TUE, kind=Kind.TASK)
    left = today.earlier(conn, MON)
    assert [i.id for i in left.open_tasks] == [recent.id, old.id]
    assert left.open_total == 2
    assert [i.id for i in left.unrated] == [unrated.id, done.id]  # by day, then kind
    assert [i.id for i in left.items] == [recent.id, old.id, unrated.id, done.id]


def test_earlier_leaves_out_finished_days_and_what_was_done_on_the_day_shown(conn) -> None:
    thu = MON - timedelta(days=4)
    with transaction(conn):
        items.add_item(conn, "Quiet day", day=thu)
        reviews.finish_day_review(conn, thu)
        late = items.add_item(conn, "Done today", day=FRI, kind=Kind.TASK)
        items.set_status(conn, late.id, Status.DONE, on=MON)
    assert today.earlier(conn, MON).unrated == []
    # Seen from Sunday, a task done on Monday was not done yet: not offered as unrated.
    assert today.earlier(conn, MON - timedelta(days=1)).items == []


def test_earlier_shows_the_newest_open_tasks_and_counts_them_all(conn) -> None:
    with transaction(conn):
        for n in range(today.EARLIER_TASKS_SHOWN + 5):
            items.add_item(conn, f"Task {n}", day=MON - timedelta(days=n + 1), kind=Kind.TASK)
    left = today.earlier(conn, MON)
    assert len(left.open_tasks) == today.EARLIER_TASKS_SHOWN
    assert left.open_total == today.EARLIER_TASKS_SHOWN + 5
    assert left.open_tasks[0].title == "Task 0"


def test_moved_from_day_keeps_postponed_tasks_in_sight_with_their_last_move(conn) -> None:
    with transaction(conn):
        task = items.add_item(conn, "Report", day=MON, kind=Kind.TASK)
        items.postpone(conn, task.id, TUE, Reason.TOO_BIG)
        other = items.add_item(conn, "Course", day=FRI, kind=Kind.TASK)
        items.postpone(conn, other.id, TUE, Reason.NO_TIME)  # from Friday, not from Monday
    ((item, move),) = today.moved_from_day(conn, MON)
    assert item.id == task.id and item.day == TUE
    assert (move.from_day, move.to_day, move.reason) == (MON, TUE, Reason.TOO_BIG)
    assert today.moved_from_day(conn, TUE) == []


def test_moved_from_day_leaves_out_tasks_back_on_the_day_or_done_on_it(conn) -> None:
    with transaction(conn):
        back = items.add_item(conn, "Back again", day=MON, kind=Kind.TASK)
        items.postpone(conn, back.id, TUE, Reason.WAITING)
        items.edit_item(conn, back.id, day=MON)
        done = items.add_item(conn, "Done after all", day=MON, kind=Kind.TASK)
        items.postpone(conn, done.id, TUE, Reason.WAITING)
        items.set_status(conn, done.id, Status.DONE, on=MON)
    assert today.moved_from_day(conn, MON) == []
