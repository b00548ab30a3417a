"""What the daily review reads besides a day's own items.

The leftovers of earlier days (open tasks, unrated items), the moves away from
a day, and whether the journal is new. Every query is bounded by an index and a
LIMIT, so a ten-year journal costs the Today screen what a new one does.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import NamedTuple

from loopbaan.domain import Item, Postponement, Reason
from loopbaan.store.items import _ITEM_SELECT, _KIND_ORDER, item_from_row, overdue_tasks

EARLIER_TASKS_SHOWN = 20
UNRATED_DAYS_BACK = 7
UNRATED_SHOWN = 20


class Earlier(NamedTuple):
    """What earlier days left for this one: open tasks, then items still to rate."""

    open_tasks: list[Item]
    open_total: int  # all open tasks planned before the day; the list shows the newest
    unrated: list[Item]

    @property
    def items(self) -> list[Item]:
        return [*self.open_tasks, *self.unrated]


def journal_is_empty(conn: sqlite3.Connection) -> bool:
    """No item at all yet: the Today screen explains the review instead."""
    return conn.execute("SELECT NOT EXISTS (SELECT 1 FROM item)").fetchone()[0] == 1


def earlier(conn: sqlite3.Connection, day: date) -> Earlier:
    """Open tasks planned before `day`, and unrated items of the week before it.

    Unrated items count only on days whose review is not finished: finishing a
    review leaves its unrated items as they are, on purpose.
    """
    iso = day.isoformat()
    tasks = overdue_tasks(conn, day, limit=EARLIER_TASKS_SHOWN)
    total = conn.execute(
        "SELECT count(*) FROM item WHERE kind = 'task' AND status = 'open' AND day < ?", (iso,)
    ).fetchone()[0]
    since = (day - timedelta(days=min(UNRATED_DAYS_BACK, (day - date.min).days))).isoformat()
    rows = conn.execute(
        _ITEM_SELECT + " WHERE i.day >= ? AND i.day < ? AND i.rating IS NULL"
        " AND NOT (i.kind = 'task' AND i.status = 'open')"
        " AND (i.done_on IS NULL OR i.done_on < ?)"
        " AND i.day NOT IN (SELECT day FROM day_review"
        "   WHERE day >= ? AND day < ? AND finished_at IS NOT NULL)"
        f" ORDER BY i.day DESC, {_KIND_ORDER}, i.id LIMIT ?",
        (since, iso, iso, since, iso, UNRATED_SHOWN),
    ).fetchall()
    return Earlier(tasks, total, [item_from_row(row) for row in rows])


def moved_from_day(conn: sqlite3.Connection, day: date) -> list[tuple[Item, Postponement]]:
    """Tasks postponed away from `day` and still later than it, each with its last move from it.

    The review keeps showing them, so that what was put off stays in sight.
    """
    iso = day.isoformat()
    rows = conn.execute(
        "SELECT p.id, p.uid, p.item_id, p.from_day, p.to_day, p.reason, p.note"
        " FROM postponement p JOIN item i ON i.id = p.item_id"
        " WHERE p.from_day = ? AND i.day > ? AND (i.done_on IS NULL OR i.done_on <> ?)"
        " ORDER BY p.id",
        (iso, iso, iso),
    ).fetchall()
    moves = {
        row["item_id"]: Postponement(
            row["id"],
            row["uid"],
            row["item_id"],
            date.fromisoformat(row["from_day"]),
            date.fromisoformat(row["to_day"]),
            Reason(row["reason"]),
            row["note"],
        )
        for row in rows
    }
    if not moves:
        return []
    marks = ", ".join("?" * len(moves))
    found = conn.execute(
        _ITEM_SELECT + f" WHERE i.id IN ({marks}) ORDER BY i.id", tuple(moves)
    ).fetchall()
    return [(item_from_row(row), moves[row["id"]]) for row in found]
