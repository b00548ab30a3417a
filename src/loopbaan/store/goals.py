"""Goal projects and their milestones: made, edited, reordered, ticked off."""

from __future__ import annotations

import sqlite3
from datetime import date
from types import EllipsisType
from typing import NamedTuple

from loopbaan.days import utc_now
from loopbaan.domain import Direction, GoalStatus
from loopbaan.i18n import _
from loopbaan.store.errors import NotFound, StoreError
from loopbaan.store.items import clean_title, new_uid

GOAL_TEXT_FIELDS = ("title", "beacon", "statement", "first_step", "needs", "supporters")


class Goal(NamedTuple):
    id: int
    uid: str
    title: str
    beacon: str
    statement: str
    direction: Direction | None
    first_step: str
    needs: str
    supporters: str
    status: GoalStatus
    target_day: date | None
    position: int
    milestones_done: int = 0
    milestones_total: int = 0
    last_progress: date | None = None  # the last day a milestone or linked task was done
    created_day: date | None = None


class Milestone(NamedTuple):
    id: int
    uid: str
    goal_id: int
    title: str
    due_day: date | None
    done_on: date | None
    position: int


_GOAL_SELECT = """
SELECT g.*,
       (SELECT count(*) FROM milestone m WHERE m.goal_id = g.id AND m.done_on IS NOT NULL)
           AS milestones_done,
       (SELECT count(*) FROM milestone m WHERE m.goal_id = g.id) AS milestones_total,
       max(coalesce((SELECT max(m.done_on) FROM milestone m WHERE m.goal_id = g.id), ''),
           coalesce((SELECT max(i.done_on) FROM item i
                      WHERE i.goal_id = g.id AND i.kind = 'task' AND i.status = 'done'), ''))
           AS last_progress
FROM goal g
"""


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def _goal(row: sqlite3.Row) -> Goal:
    return Goal(
        id=row["id"],
        uid=row["uid"],
        title=row["title"],
        beacon=row["beacon"],
        statement=row["statement"],
        direction=Direction(row["direction"]) if row["direction"] else None,
        first_step=row["first_step"],
        needs=row["needs"],
        supporters=row["supporters"],
        status=GoalStatus(row["status"]),
        target_day=_day(row["target_day"]),
        position=row["position"],
        milestones_done=row["milestones_done"],
        milestones_total=row["milestones_total"],
        last_progress=_day(row["last_progress"] or None),
        created_day=_day(row["created_at"][:10]),
    )


def _milestone(row: sqlite3.Row) -> Milestone:
    return Milestone(
        row["id"],
        row["uid"],
        row["goal_id"],
        row["title"],
        _day(row["due_day"]),
        _day(row["done_on"]),
        row["position"],
    )


def add_goal(conn: sqlite3.Connection, title: str) -> Goal:
    """A new active goal with just a title, placed last; the rest is edited afterwards."""
    title = clean_title(title)
    now = utc_now()
    (position,) = conn.execute("SELECT coalesce(max(position) + 1, 0) FROM goal").fetchone()
    cursor = conn.execute(
        "INSERT INTO goal (uid, title, beacon, statement, direction, first_step, needs,"
        " supporters, status, target_day, position, created_at, updated_at)"
        " VALUES (?, ?, '', '', NULL, '', '', '', 'active', NULL, ?, ?, ?)",
        (new_uid(), title, position, now, now),
    )
    assert cursor.lastrowid is not None
    return get_goal(conn, cursor.lastrowid)


def get_goal(conn: sqlite3.Connection, goal_id: int) -> Goal:
    row = conn.execute(_GOAL_SELECT + " WHERE g.id = ?", (goal_id,)).fetchone()
    if row is None:
        raise NotFound(_("no goal with id {id}").format(id=goal_id))
    return _goal(row)


def list_goals(
    conn: sqlite3.Connection, statuses: tuple[GoalStatus, ...] | None = None
) -> list[Goal]:
    """Goals in the user's order; active ones first when several statuses are asked."""
    where = ""
    params: tuple[str, ...] = ()
    if statuses:
        where = f" WHERE g.status IN ({', '.join('?' * len(statuses))})"
        params = tuple(s.value for s in statuses)
    order = (
        " ORDER BY CASE g.status WHEN 'active' THEN 0 WHEN 'paused' THEN 1"
        " WHEN 'achieved' THEN 2 ELSE 3 END, g.position, g.id"
    )
    return [_goal(row) for row in conn.execute(_GOAL_SELECT + where + order, params)]


def edit_goal(
    conn: sqlite3.Connection,
    goal_id: int,
    *,
    direction: Direction | EllipsisType | None = ...,  # ... leaves it as it is
    status: GoalStatus | None = None,
    target_day: date | EllipsisType | None = ...,
    **texts: str,
) -> Goal:
    """Change any field of a goal; text fields by name (title, beacon, first_step …)."""
    unknown = set(texts) - set(GOAL_TEXT_FIELDS)
    if unknown:
        raise StoreError(_("unknown goal fields: {names}").format(names=", ".join(sorted(unknown))))
    sets: list[str] = []
    params: list[object] = []
    for name, value in texts.items():
        value = value.strip() if name != "title" else clean_title(value)
        sets.append(f"{name} = ?")
        params.append(value)
    if direction is not ...:
        sets.append("direction = ?")
        params.append(direction.value if direction else None)
    if status is not None:
        sets.append("status = ?")
        params.append(status.value)
    if target_day is not ...:
        sets.append("target_day = ?")
        params.append(target_day.isoformat() if target_day else None)
    if sets:
        cursor = conn.execute(
            f"UPDATE goal SET {', '.join(sets)}, updated_at = ? WHERE id = ?",
            (*params, utc_now(), goal_id),
        )
        if cursor.rowcount == 0:
            raise NotFound(_("no goal with id {id}").format(id=goal_id))
    return get_goal(conn, goal_id)


def delete_goal(conn: sqlite3.Connection, goal_id: int) -> None:
    """Delete a goal and its milestones; its tasks stay, unlinked."""
    if conn.execute("DELETE FROM goal WHERE id = ?", (goal_id,)).rowcount == 0:
        raise NotFound(_("no goal with id {id}").format(id=goal_id))


def linked_item_ids(conn: sqlite3.Connection, goal_id: int) -> list[int]:
    """Every item linked to a goal (one indexed read).

    Deleting a goal sets its items' `goal_id` to NULL, so an undoable delete
    tracks these items too: undo then links them to the goal again.
    """
    rows = conn.execute("SELECT id FROM item WHERE goal_id = ? ORDER BY id", (goal_id,))
    return [row[0] for row in rows]


def _swap(conn: sqlite3.Connection, table: str, ids: list[int], index: int, step: int) -> bool:
    """Move ids[index] by step within ids, renumbering positions 0..n-1."""
    target = index + step
    if not 0 <= target < len(ids):
        return False
    ids[index], ids[target] = ids[target], ids[index]
    conn.executemany(
        f"UPDATE {table} SET position = ? WHERE id = ?", [(p, i) for p, i in enumerate(ids)]
    )
    return True


def move_goal(conn: sqlite3.Connection, goal_id: int, step: int) -> bool:
    """Move a goal up (-1) or down (+1) among the goals of the same status."""
    goal = get_goal(conn, goal_id)
    ids = [
        row[0]
        for row in conn.execute(
            "SELECT id FROM goal WHERE status = ? ORDER BY position, id", (goal.status.value,)
        )
    ]
    return _swap(conn, "goal", ids, ids.index(goal_id), step)


def milestones(conn: sqlite3.Connection, goal_id: int) -> list[Milestone]:
    rows = conn.execute(
        "SELECT * FROM milestone WHERE goal_id = ? ORDER BY position, id", (goal_id,)
    )
    return [_milestone(row) for row in rows]


def get_milestone(conn: sqlite3.Connection, milestone_id: int) -> Milestone:
    row = conn.execute("SELECT * FROM milestone WHERE id = ?", (milestone_id,)).fetchone()
    if row is None:
        raise NotFound(_("no milestone with id {id}").format(id=milestone_id))
    return _milestone(row)


def add_milestone(
    conn: sqlite3.Connection, goal_id: int, title: str, due_day: date | None = None
) -> Milestone:
    title = clean_title(title)
    get_goal(conn, goal_id)
    (position,) = conn.execute(
        "SELECT coalesce(max(position) + 1, 0) FROM milestone WHERE goal_id = ?", (goal_id,)
    ).fetchone()
    cursor = conn.execute(
        "INSERT INTO milestone (uid, goal_id, title, due_day, done_on, position)"
        " VALUES (?, ?, ?, ?, NULL, ?)",
        (new_uid(), goal_id, title, due_day.isoformat() if due_day else None, position),
    )
    assert cursor.lastrowid is not None
    return get_milestone(conn, cursor.lastrowid)


def edit_milestone(
    conn: sqlite3.Connection,
    milestone_id: int,
    *,
    title: str | None = None,
    due_day: date | EllipsisType | None = ...,  # ... leaves it as it is
) -> Milestone:
    sets: list[str] = []
    params: list[object] = []
    if title is not None:
        title = " ".join(title.split())
        if not title:
            raise StoreError(_("the title is empty"))
        sets.append("title = ?")
        params.append(title)
    if due_day is not ...:
        sets.append("due_day = ?")
        params.append(due_day.isoformat() if due_day else None)
    if sets:
        conn.execute(
            f"UPDATE milestone SET {', '.join(sets)} WHERE id = ?", (*params, milestone_id)
        )
    return get_milestone(conn, milestone_id)


def tick_milestone(conn: sqlite3.Connection, milestone_id: int, on: date) -> Milestone:
    """Mark a milestone done on a day, or open again if it was done."""
    milestone = get_milestone(conn, milestone_id)
    done_on = None if milestone.done_on else on.isoformat()
    conn.execute("UPDATE milestone SET done_on = ? WHERE id = ?", (done_on, milestone_id))
    return get_milestone(conn, milestone_id)


def move_milestone(conn: sqlite3.Connection, milestone_id: int, step: int) -> bool:
    milestone = get_milestone(conn, milestone_id)
    ids = [m.id for m in milestones(conn, milestone.goal_id)]
    return _swap(conn, "milestone", ids, ids.index(milestone_id), step)


def delete_milestone(conn: sqlite3.Connection, milestone_id: int) -> None:
    if conn.execute("DELETE FROM milestone WHERE id = ?", (milestone_id,)).rowcount == 0:
        raise NotFound(_("no milestone with id {id}").format(id=milestone_id))
