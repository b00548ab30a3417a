"""What gets postponed and why, aggregated in SQL over a period.

A postponement belongs to the period of its `from_day`. Every query is bounded
by that indexed range, so a quarter reads a quarter, not ten years.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import NamedTuple

from loopbaan.domain import Reason, Status

WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_REASON_ORDER = {reason.value: n for n, reason in enumerate(Reason)}


class PostponedItem(NamedTuple):
    id: int
    title: str
    times: int
    days_deferred: int
    reasons: dict[str, int]  # reason -> times, largest first
    status: Status
    day: date  # where the item stands now
    goal_id: int | None

    @property
    def dominant_reason(self) -> Reason:
        return Reason(next(iter(self.reasons)))


class ReasonCount(NamedTuple):
    reason: Reason
    count: int  # postponements
    items: int  # distinct items


class Count(NamedTuple):
    key: str
    count: int


class GoalCount(NamedTuple):
    goal_id: int
    title: str
    count: int
    items: int


class WeekCount(NamedTuple):
    week_start: date  # the Monday of the ISO week
    count: int


class Postponed(NamedTuple):
    since: date
    until: date
    items: list[PostponedItem]
    by_reason: list[ReasonCount]
    by_tag: list[Count]
    by_goal: list[GoalCount]
    by_weekday: list[Count]
    by_week: list[WeekCount]  # every week of the period that had any, oldest first

    @property
    def total(self) -> int:
        return sum(r.count for r in self.by_reason)


def bounds(conn: sqlite3.Connection) -> tuple[date, date] | None:
    """The first and last `from_day` in the journal, or None without postponements."""
    low, high = conn.execute("SELECT min(from_day), max(from_day) FROM postponement").fetchone()
    return (date.fromisoformat(low), date.fromisoformat(high)) if low else None


def postponed(
    conn: sqlite3.Connection, since: date, until: date, item_limit: int | None = None
) -> Postponed:
    """The postponements with `since <= from_day <= until`, seen from every side."""
    span = (since.isoformat(), until.isoformat())
    in_period = "p.from_day BETWEEN ? AND ?"

    per_item = conn.execute(
        f"""
        SELECT p.item_id, i.title, i.status, i.day, i.goal_id, count(*) AS times,
               CAST(sum(julianday(p.to_day) - julianday(p.from_day)) AS INTEGER) AS deferred
        FROM postponement p JOIN item i ON i.id = p.item_id
        WHERE {in_period}
        GROUP BY p.item_id
        ORDER BY times DESC, deferred DESC, p.item_id
        {"LIMIT ?" if item_limit else ""}
        """,
        span + ((item_limit,) if item_limit else ()),
    ).fetchall()
    reasons: dict[int, dict[str, int]] = {row["item_id"]: {} for row in per_item}
    if reasons:
        limit_clause = (
            "" if item_limit is None else f" AND p.item_id IN ({','.join('?' * len(reasons))})"
        )
        rows = conn.execute(
            f"SELECT p.item_id, p.reason, count(*) FROM postponement p"
            f" WHERE {in_period}{limit_clause} GROUP BY p.item_id, p.reason",
            span + (tuple(reasons) if item_limit is not None else ()),
        )
        for item_id, reason, count in rows:
            reasons[item_id][reason] = count
    items = [
        PostponedItem(
            id=row["item_id"],
            title=row["title"],
            times=row["times"],
            days_deferred=row["deferred"],
            reasons=dict(
                sorted(
                    reasons[row["item_id"]].items(),
                    key=lambda pair: (-pair[1], _REASON_ORDER[pair[0]]),
                )
            ),
            status=Status(row["status"]),
            day=date.fromisoformat(row["day"]),
            goal_id=row["goal_id"],
        )
        for row in per_item
    ]

    by_reason = sorted(
        (
            ReasonCount(Reason(reason), count, distinct)
            for reason, count, distinct in conn.execute(
                f"SELECT reason, count(*), count(DISTINCT item_id) FROM postponement p"
                f" WHERE {in_period} GROUP BY reason",
                span,
            )
        ),
        key=lambda r: (-r.count, _REASON_ORDER[r.reason.value]),
    )
    by_tag = [
        Count(name, count)
        for name, count in conn.execute(
            f"""
            SELECT t.name, count(*) AS n
            FROM postponement p
            JOIN item_tag it ON it.item_id = p.item_id
            JOIN tag t ON t.id = it.tag_id
            WHERE {in_period}
            GROUP BY t.id ORDER BY n DESC, t.name
            """,
            span,
        )
    ]
    by_goal = [
        GoalCount(*row)
        for row in conn.execute(
            f"""
            SELECT g.id, g.title, count(*) AS n, count(DISTINCT p.item_id)
            FROM postponement p
            JOIN item i ON i.id = p.item_id
            JOIN goal g ON g.id = i.goal_id
            WHERE {in_period}
            GROUP BY g.id ORDER BY n DESC, g.position, g.id
            """,
            span,
        )
    ]
    # strftime('%w'): 0 = Sunday; shifted so that 0 = Monday as in date.weekday().
    weekday_counts = conn.execute(
        f"SELECT (CAST(strftime('%w', from_day) AS INTEGER) + 6) % 7 AS wd, count(*)"
        f" FROM postponement p WHERE {in_period} GROUP BY wd",
        span,
    ).fetchall()
    by_weekday = [
        Count(WEEKDAYS[wd], n) for wd, n in sorted(weekday_counts, key=lambda r: (-r[1], r[0]))
    ]
    by_week = [
        WeekCount(date.fromisoformat(monday), n)
        for monday, n in conn.execute(
            f"SELECT date(from_day, '-' || ((CAST(strftime('%w', from_day) AS INTEGER) + 6) % 7)"
            f" || ' days') AS monday, count(*) FROM postponement p WHERE {in_period}"
            f" GROUP BY monday ORDER BY monday",
            span,
        )
    ]
    return Postponed(since, until, items, by_reason, by_tag, by_goal, by_weekday, by_week)


class TagBalance(NamedTuple):
    """A tag's ratings and postponements over a period, side by side."""

    tag: str
    plus: int
    minus: int
    neutral: int
    items: int
    postponed_items: int
    postponements: int

    @property
    def net(self) -> int:
        return self.plus - self.minus

    @property
    def postponed_share(self) -> float:
        # Items are counted by day and postponements by from_day, so cap the share.
        return min(1.0, self.postponed_items / self.items) if self.items else 0.0


def tag_balance(conn: sqlite3.Connection, since: date, until: date) -> list[TagBalance]:
    """Per tag: pluses, minuses, and how much of it gets postponed; most net plus first.

    Ratings count items by their `day`; postponements by their `from_day`.
    """
    span = (since.isoformat(), until.isoformat())
    rows = conn.execute(
        """
        WITH rated AS (
            SELECT it.tag_id,
                   sum(i.rating = 'plus') AS plus, sum(i.rating = 'minus') AS minus,
                   sum(i.rating = 'neutral') AS neutral, count(*) AS items
            FROM item i JOIN item_tag it ON it.item_id = i.id
            WHERE i.day BETWEEN ? AND ?
            GROUP BY it.tag_id
        ),
        put_off AS (
            SELECT it.tag_id, count(DISTINCT p.item_id) AS put_items, count(*) AS times
            FROM postponement p JOIN item_tag it ON it.item_id = p.item_id
            WHERE p.from_day BETWEEN ? AND ?
            GROUP BY it.tag_id
        )
        SELECT t.name, coalesce(r.plus, 0), coalesce(r.minus, 0), coalesce(r.neutral, 0),
               coalesce(r.items, 0), coalesce(o.put_items, 0), coalesce(o.times, 0)
        FROM tag t
        LEFT JOIN rated r ON r.tag_id = t.id
        LEFT JOIN put_off o ON o.tag_id = t.id
        WHERE r.tag_id IS NOT NULL OR o.tag_id IS NOT NULL
        """,
        span + span,
    ).fetchall()
    balances = [TagBalance(*row) for row in rows]
    return sorted(balances, key=lambda b: (-b.net, -b.plus, b.tag))
