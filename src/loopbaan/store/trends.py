"""How the day reviews' energy and the attitude self-ratings move over a period.

Both read small tables (one review a day, a few check-ins a month) by their
indexed `day`, so ten years answer in a few milliseconds.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import NamedTuple

# The Monday on or before `day`: strftime('%w') counts from Sunday = 0.
_MONDAY = "date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days')"


_DAYS = (
    ("item", "day"),
    ("postponement", "from_day"),
    ("day_review", "day"),
    ("attitude_check", "day"),
)


class WeekEnergy(NamedTuple):
    week_start: date  # the Monday of the ISO week
    average: float  # mean energy (1–5) of the reviewed days that set one
    days: int  # how many days set an energy


class AttitudeScore(NamedTuple):
    day: date
    attitude: str  # the key of a career-management attitude (`concern`, ...)
    score: int  # 1–5


def energy_by_week(conn: sqlite3.Connection, since: date, until: date) -> list[WeekEnergy]:
    """The weekly mean of the energy set in the day reviews, oldest week first.

    Weeks without any energy are left out (a holiday is no zero); a week cut by
    the period's edge counts only its days inside the period.
    """
    rows = conn.execute(
        f"""
        SELECT {_MONDAY} AS monday, avg(energy), count(*)
        FROM day_review
        WHERE day BETWEEN ? AND ? AND energy IS NOT NULL
        GROUP BY monday ORDER BY monday
        """,
        (since.isoformat(), until.isoformat()),
    )
    return [WeekEnergy(date.fromisoformat(monday), mean, n) for monday, mean, n in rows]


def attitude_scores(conn: sqlite3.Connection, since: date, until: date) -> list[AttitudeScore]:
    """Every attitude check-in of the period, oldest first (ties in the order made)."""
    rows = conn.execute(
        "SELECT day, attitude, score FROM attitude_check"
        " WHERE day BETWEEN ? AND ? ORDER BY day, id",
        (since.isoformat(), until.isoformat()),
    )
    return [AttitudeScore(date.fromisoformat(day), key, score) for day, key, score in rows]


def journal_bounds(conn: sqlite3.Connection) -> tuple[date, date] | None:
    """The first and last day the journal has anything to analyse, or None when empty.

    Items, postponements, day reviews and check-ins all count; each min/max is
    one step down an index.
    """
    # Each min() and max() in a subquery of its own: SQLite answers a lone min or max
    # from the index, but scans the whole index for both in one SELECT.
    ends = ", ".join(
        f"(SELECT {f}({column}) FROM {table})" for table, column in _DAYS for f in ("min", "max")
    )
    found = [day for day in conn.execute(f"SELECT {ends}").fetchone() if day is not None]
    if not found:
        return None
    low, high = min(found), max(found)  # ISO days sort as text
    return date.fromisoformat(low), date.fromisoformat(high)
