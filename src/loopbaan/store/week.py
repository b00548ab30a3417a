"""The week's figures, counted in SQL over the week's seven days.

Every query is bounded by an indexed day range (`item.done_on`, `item.day`,
`postponement.from_day`, `day_review.day`), so a week reads a week, however
long the journal is. The shaping (ranking, filling in empty days) is done by
`loopbaan.insight.week`.

An item counts on the day it happened: the day it was done (every activity and
appointment, and a ticked-off task, even one planned earlier), or its planned
day while it is an open task. That is the day its review rated it.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import NamedTuple

from loopbaan.store.items import new_uid
from loopbaan.store.undo import Change

# The week's items, each once, on the day it happened; :first and :last bound it.
# The `+` keeps SQLite off the done_on index for `IS NULL`: that would read every
# open task of the journal, where the day index reads the week's.
_WEEK_ITEMS = """
WITH week_item AS (
    SELECT id, title, rating, done_on AS day FROM item
     WHERE done_on BETWEEN :first AND :last
    UNION ALL
    SELECT id, title, rating, day FROM item
     WHERE day BETWEEN :first AND :last AND +done_on IS NULL
)
"""


class DayCount(NamedTuple):
    day: date
    rating: str | None  # plus, minus, neutral; None = not rated yet
    items: int


class KeyCount(NamedTuple):
    key: str  # a tag, or an item's title
    rating: str
    items: int


class PostponedCount(NamedTuple):
    item_id: int
    title: str
    reason: str
    times: int  # postponements


class GoalStep(NamedTuple):
    """A milestone reached, or an item linked to a goal done, in the week."""

    goal_id: int
    goal: str
    position: int
    milestone: bool
    title: str
    day: date
    milestones_done: int  # by the week's last day
    milestones_total: int


class WeekRows(NamedTuple):
    """What the week holds, counted; `insight.week.summarize` shapes it."""

    days: list[DayCount]
    tags: list[KeyCount]
    titles: list[KeyCount]
    postponed: list[PostponedCount]
    reviewed: list[date]
    goal_steps: list[GoalStep]


def week_rows(conn: sqlite3.Connection, first: date, last: date) -> WeekRows:
    """The counts of the days `first` to `last` (both included)."""
    span = {"first": first.isoformat(), "last": last.isoformat()}
    days = [
        DayCount(date.fromisoformat(day), rating, count)
        for day, rating, count in conn.execute(
            _WEEK_ITEMS + "SELECT day, rating, count(*) FROM week_item GROUP BY day, rating",
            span,
        )
    ]
    tags = [
        KeyCount(*row)
        for row in conn.execute(
            _WEEK_ITEMS + "SELECT t.name, w.rating, count(*) FROM week_item w"
            " JOIN item_tag it ON it.item_id = w.id JOIN tag t ON t.id = it.tag_id"
            " WHERE w.rating IS NOT NULL GROUP BY t.name, w.rating",
            span,
        )
    ]
    titles = [
        KeyCount(*row)
        for row in conn.execute(
            _WEEK_ITEMS + "SELECT title, rating, count(*) FROM week_item"
            " WHERE rating IN ('plus', 'minus') GROUP BY title, rating",
            span,
        )
    ]
    postponed = [
        PostponedCount(*row)
        for row in conn.execute(
            "SELECT p.item_id, i.title, p.reason, count(*) FROM postponement p"
            " JOIN item i ON i.id = p.item_id WHERE p.from_day BETWEEN :first AND :last"
            " GROUP BY p.item_id, p.reason",
            span,
        )
    ]
    reviewed = [
        date.fromisoformat(day)
        for (day,) in conn.execute(
            "SELECT day FROM day_review"
            " WHERE day BETWEEN :first AND :last AND finished_at IS NOT NULL ORDER BY day",
            span,
        )
    ]
    return WeekRows(days, tags, titles, postponed, reviewed, _goal_steps(conn, span))


def _goal_steps(conn: sqlite3.Connection, span: dict[str, str]) -> list[GoalStep]:
    # Milestones have no index on done_on: a goal has a handful, the table stays small.
    rows = conn.execute(
        """
        SELECT step.goal_id, g.title, g.position, step.milestone, step.title, step.day,
               (SELECT count(*) FROM milestone m
                 WHERE m.goal_id = g.id AND m.done_on <= :last) AS done,
               (SELECT count(*) FROM milestone m WHERE m.goal_id = g.id) AS total
        FROM (
            SELECT goal_id, 1 AS milestone, title, done_on AS day, position AS rank
              FROM milestone WHERE done_on BETWEEN :first AND :last
            UNION ALL
            SELECT goal_id, 0, title, done_on, id FROM item
             WHERE done_on BETWEEN :first AND :last AND status = 'done'
               AND goal_id IS NOT NULL
        ) AS step JOIN goal g ON g.id = step.goal_id
        ORDER BY g.position, g.id, step.milestone DESC, step.day, step.rank
        """,
        span,
    )
    return [
        GoalStep(goal_id, goal, position, bool(milestone), title, date.fromisoformat(day), *counts)
        for goal_id, goal, position, milestone, title, day, *counts in rows
    ]


def track_week_review(change: Change, conn: sqlite3.Connection, year: int, week: int) -> None:
    """Make the week's review undoable in `change`, creating it first when there is none.

    The undo scope of a week review is its uid; a review made by the change is
    registered as created, so undoing the change removes it again.
    """
    row = conn.execute(
        "SELECT uid FROM week_review WHERE year = ? AND week = ?", (year, week)
    ).fetchone()
    if row is not None:
        change.track("week_review", row[0])
        return
    uid = new_uid()
    conn.execute(
        "INSERT INTO week_review (uid, year, week, more_of, less_of, next_step, ask_feedback_from)"
        " VALUES (?, ?, ?, '', '', '', '')",
        (uid, year, week),
    )
    change.created("week_review", uid)
