"""Day and week reviews, and the one-line status a shell prompt shows."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta
from typing import NamedTuple

from loopbaan.days import utc_now
from loopbaan.i18n import _
from loopbaan.store.errors import StoreError
from loopbaan.store.items import new_uid

DAY_REVIEW_TEXT_FIELDS = ("liked", "disliked", "postponed_why", "learned")
WEEK_REVIEW_FIELDS = ("more_of", "less_of", "next_step", "ask_feedback_from")


class DayReview(NamedTuple):
    day: date
    energy: int | None = None
    liked: str = ""
    disliked: str = ""
    postponed_why: str = ""
    learned: str = ""
    finished_at: str | None = None

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


class WeekReview(NamedTuple):
    year: int
    week: int
    more_of: str = ""
    less_of: str = ""
    next_step: str = ""
    ask_feedback_from: str = ""
    finished_at: str | None = None

    @property
    def finished(self) -> bool:
        return self.finished_at is not None


def day_review(conn: sqlite3.Connection, day: date) -> DayReview:
    """The review of a day; an empty one if the day has none yet."""
    row = conn.execute(
        "SELECT energy, liked, disliked, postponed_why, learned, finished_at"
        " FROM day_review WHERE day = ?",
        (day.isoformat(),),
    ).fetchone()
    return DayReview(day, **dict(row)) if row else DayReview(day)


def save_day_review(conn: sqlite3.Connection, day: date, **fields: object) -> DayReview:
    """Store some fields of a day's review, creating the review on first use."""
    unknown = set(fields) - {*DAY_REVIEW_TEXT_FIELDS, "energy"}
    if unknown:
        raise StoreError(
            _("unknown day review fields: {names}").format(names=", ".join(sorted(unknown)))
        )
    energy = fields.get("energy")
    if energy is not None and not (isinstance(energy, int) and 1 <= energy <= 5):
        raise StoreError(_("energy is a number from 1 to 5"))
    conn.execute(
        "INSERT INTO day_review (uid, day, liked, disliked, postponed_why, learned)"
        " VALUES (?, ?, '', '', '', '') ON CONFLICT (day) DO NOTHING",
        (new_uid(), day.isoformat()),
    )
    if fields:
        sets = ", ".join(f"{name} = ?" for name in fields)
        conn.execute(
            f"UPDATE day_review SET {sets} WHERE day = ?", (*fields.values(), day.isoformat())
        )
    return day_review(conn, day)


def finish_day_review(conn: sqlite3.Connection, day: date, finished: bool = True) -> DayReview:
    save_day_review(conn, day)
    conn.execute(
        "UPDATE day_review SET finished_at = ? WHERE day = ?",
        (utc_now() if finished else None, day.isoformat()),
    )
    return day_review(conn, day)


def week_review(conn: sqlite3.Connection, year: int, week: int) -> WeekReview:
    row = conn.execute(
        "SELECT more_of, less_of, next_step, ask_feedback_from, finished_at"
        " FROM week_review WHERE year = ? AND week = ?",
        (year, week),
    ).fetchone()
    return WeekReview(year, week, **dict(row)) if row else WeekReview(year, week)


def save_week_review(conn: sqlite3.Connection, year: int, week: int, **fields: str) -> WeekReview:
    unknown = set(fields) - set(WEEK_REVIEW_FIELDS)
    if unknown:
        raise StoreError(
            _("unknown week review fields: {names}").format(names=", ".join(sorted(unknown)))
        )
    conn.execute(
        "INSERT INTO week_review (uid, year, week, more_of, less_of, next_step, ask_feedback_from)"
        " VALUES (?, ?, ?, '', '', '', '') ON CONFLICT (year, week) DO NOTHING",
        (new_uid(), year, week),
    )
    if fields:
        sets = ", ".join(f"{name} = ?" for name in fields)
        conn.execute(
            f"UPDATE week_review SET {sets} WHERE year = ? AND week = ?",
            (*fields.values(), year, week),
        )
    return week_review(conn, year, week)


def finish_week_review(
    conn: sqlite3.Connection, year: int, week: int, finished: bool = True
) -> WeekReview:
    save_week_review(conn, year, week)
    conn.execute(
        "UPDATE week_review SET finished_at = ? WHERE year = ? AND week = ?",
        (utc_now() if finished else None, year, week),
    )
    return week_review(conn, year, week)


class Status(NamedTuple):
    """What `loopbaan status` says: is today reviewed, what is open, how long the streak."""

    reviewed_today: bool
    open_tasks: int
    overdue_tasks: int
    streak: int


def review_streak(conn: sqlite3.Connection, today: date) -> int:
    """Reviewed days in a row up to today (or yesterday, while today is still open).

    Weekend days without a review neither count nor break the streak: the review
    is a workday habit.
    """
    rows = conn.execute(
        "SELECT day FROM day_review WHERE finished_at IS NOT NULL AND day <= ? ORDER BY day DESC",
        (today.isoformat(),),
    )
    expected = today
    streak = 0
    for (text,) in rows:
        day = date.fromisoformat(text)
        while expected > day:
            if expected == today or expected.weekday() >= 5:
                expected -= timedelta(days=1)  # today may still be open; weekends are free
                continue
            return streak
        streak += 1
        expected = day - timedelta(days=1)
    return streak


def status(conn: sqlite3.Connection, today: date) -> Status:
    iso = today.isoformat()
    reviewed = conn.execute(
        "SELECT 1 FROM day_review WHERE day = ? AND finished_at IS NOT NULL", (iso,)
    ).fetchone()
    open_count, overdue = conn.execute(
        "SELECT count(*), coalesce(sum(day < ?), 0) FROM item"
        " WHERE kind = 'task' AND status = 'open' AND day <= ?",
        (iso, iso),
    ).fetchone()
    return Status(bool(reviewed), open_count, overdue, review_streak(conn, today))
