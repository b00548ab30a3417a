"""Goal projects and milestones in the data layer."""

from __future__ import annotations

from datetime import date

import pytest

from loopbaan.domain import Direction, GoalStatus, Kind, Status
from loopbaan.store import NotFound, StoreError, goals, items, transaction

MON = date(2026, 11, 23)


def test_a_goal_with_milestones_and_progress(conn) -> None:
    with transaction(conn):
        goal = goals.add_goal(conn, "  Lead the   platform team ")
        goals.edit_goal(
            conn,
            goal.id,
            beacon="Head of engineering one day",
            statement="Team lead of platform by Q3",
            first_step="Ask Mira what the role needs",
            direction=Direction.UPWARD,
            target_day=date(2027, 9, 1),
        )
        first = goals.add_milestone(conn, goal.id, "Run the planning for a quarter")
        goals.add_milestone(conn, goal.id, "Lead an incident review", date(2027, 1, 15))
        goals.tick_milestone(conn, first.id, MON)
    again = goals.get_goal(conn, goal.id)
    assert again.title == "Lead the platform team"
    assert again.direction is Direction.UPWARD and again.status is GoalStatus.ACTIVE
    assert (again.milestones_done, again.milestones_total) == (1, 2)
    assert again.last_progress == MON and again.target_day == date(2027, 9, 1)
    with transaction(conn):
        goals.tick_milestone(conn, first.id, MON)  # ticking again opens it
    assert goals.get_goal(conn, goal.id).milestones_done == 0


def test_linked_task_done_counts_as_progress(conn) -> None:
    with transaction(conn):
        goal = goals.add_goal(conn, "Speak at a conference")
        task = items.add_item(conn, "Send the CFP", day=MON, kind=Kind.TASK, goal_id=goal.id)
        items.set_status(conn, task.id, Status.DONE, on=date(2026, 11, 25))
    assert goals.get_goal(conn, goal.id).last_progress == date(2026, 11, 25)
    assert [i.id for i in items.items_of_goal(conn, goal.id)] == [task.id]


def test_order_and_moves(conn) -> None:
    with transaction(conn):
        a, b, c = (goals.add_goal(conn, t) for t in ("A", "B", "C"))
        goals.edit_goal(conn, b.id, status=GoalStatus.PAUSED)
    assert [g.title for g in goals.list_goals(conn)] == ["A", "C", "B"]  # active first
    with transaction(conn):
        assert goals.move_goal(conn, c.id, -1)
        assert not goals.move_goal(conn, c.id, -1)  # already first
    assert [g.title for g in goals.list_goals(conn, (GoalStatus.ACTIVE,))] == ["C", "A"]
    with transaction(conn):
        m1, _m2, m3 = (goals.add_milestone(conn, a.id, t) for t in ("one", "two", "three"))
        goals.move_milestone(conn, m3.id, -1)
        goals.move_milestone(conn, m1.id, +1)
    assert [m.title for m in goals.milestones(conn, a.id)] == ["three", "one", "two"]


def test_delete_goal_keeps_its_tasks(conn) -> None:
    with transaction(conn):
        goal = goals.add_goal(conn, "Go freelance")
        goals.add_milestone(conn, goal.id, "First client")
        task = items.add_item(conn, "Call the accountant", day=MON, kind=Kind.TASK, goal_id=goal.id)
        goals.delete_goal(conn, goal.id)
    assert items.get_item(conn, task.id).goal_id is None
    assert conn.execute("SELECT count(*) FROM milestone").fetchone()[0] == 0
    with pytest.raises(NotFound), transaction(conn):
        goals.get_goal(conn, goal.id)


def test_linked_item_ids_lists_every_item_of_a_goal(conn) -> None:
    with transaction(conn):
        goal, other = goals.add_goal(conn, "Mine"), goals.add_goal(conn, "Other")
        first = items.add_item(conn, "A task", day=MON, kind=Kind.TASK, goal_id=goal.id)
        second = items.add_item(conn, "An activity", day=MON, goal_id=goal.id)
        items.add_item(conn, "Elsewhere", day=MON, goal_id=other.id)
    assert goals.linked_item_ids(conn, goal.id) == [first.id, second.id]
    assert goals.linked_item_ids(conn, 99) == []


def test_bad_edits_are_refused(conn) -> None:
    with transaction(conn):
        goal = goals.add_goal(conn, "Something")
    with pytest.raises(StoreError, match="empty"), transaction(conn):
        goals.edit_goal(conn, goal.id, title="   ")
    with pytest.raises(StoreError, match="empty"), transaction(conn):
        goals.add_goal(conn, "")
    for nul in ("\x00Grow", "Grow\x00"):
        with pytest.raises(StoreError, match="NUL"), transaction(conn):
            goals.add_goal(conn, nul)
        with pytest.raises(StoreError, match="NUL"), transaction(conn):
            goals.edit_goal(conn, goal.id, title=nul)
        with pytest.raises(StoreError, match="NUL"), transaction(conn):
            goals.add_milestone(conn, goal.id, nul)
    with pytest.raises(NotFound, match="no goal with id 99"), transaction(conn):
        goals.add_milestone(conn, 99, "x")
