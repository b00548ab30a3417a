"""Attitude check-ins: a 1–5 self-rating of a career-management attitude, with a note.

API (the caller runs writes in a `transaction` or an `UndoLog.change`; pass the change
as `change=` to make a check-in undoable):

    add_check(conn, attitude, score, day, note="", *, change) -> AttitudeCheck
    checks(conn, *, since, until, attitude, limit) -> list[AttitudeCheck]   newest first
    latest_scores(conn, today) -> list[LatestScore]   each attitude's last score and change
    last_check_day(conn, today) -> date | None
    check_in_reminder(conn, today, every_days) -> bool    (insight.talks.check_in_due)

Which attitudes there are is a setting (`Settings.attitudes`); the store keeps any
key it is given, so check-ins made under an older list keep their keys.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from loopbaan.i18n import _
from loopbaan.insight.talks import check_in_due
from loopbaan.store.errors import StoreError
from loopbaan.store.items import new_uid
from loopbaan.store.talks import MAX_LIST, first_entry_day

if TYPE_CHECKING:
    from loopbaan.store.undo import Change


class AttitudeCheck(NamedTuple):
    id: int
    uid: str
    day: date
    attitude: str  # a key of Settings.attitudes (`concern`, …)
    score: int  # 1–5
    note: str


class LatestScore(NamedTuple):
    attitude: str
    score: int
    day: date
    previous: int | None  # the check-in before the latest, if any
    note: str = ""

    @property
    def change(self) -> int | None:
        """The latest score less the one before (+1 grew, -1 fell); None for a first."""
        return None if self.previous is None else self.score - self.previous


def _check(row: sqlite3.Row) -> AttitudeCheck:
    return AttitudeCheck(
        row["id"], row["uid"], date.fromisoformat(row["day"]), row["attitude"], row["score"],
        row["note"],
    )  # fmt: skip


def add_check(
    conn: sqlite3.Connection,
    attitude: str,
    score: int,
    day: date,
    note: str = "",
    *,
    change: Change | None = None,
) -> AttitudeCheck:
    """Save one self-rating; several on a day are kept (the latest counts as the day's)."""
    attitude = attitude.strip()
    if not attitude:
        raise StoreError(_("the attitude is empty"))
    if isinstance(score, bool) or not isinstance(score, int) or not 1 <= score <= 5:
        raise StoreError(
            _("a score is a whole number from 1 to 5, not {score}").format(score=score)
        )
    cursor = conn.execute(
        "INSERT INTO attitude_check (uid, day, attitude, score, note) VALUES (?, ?, ?, ?, ?)",
        (new_uid(), day.isoformat(), attitude, score, note.strip()),
    )
    check_id = cursor.lastrowid
    assert check_id is not None
    if change is not None:
        change.created("attitude_check", check_id)
    row = conn.execute("SELECT * FROM attitude_check WHERE id = ?", (check_id,)).fetchone()
    return _check(row)


def checks(
    conn: sqlite3.Connection,
    *,
    since: date | None = None,
    until: date | None = None,
    attitude: str | None = None,
    limit: int = 100,
) -> list[AttitudeCheck]:
    """Check-ins newest first, at most `limit` (indexed by day, or attitude and day)."""
    clauses, params = ["1"], []
    if attitude is not None:
        clauses.append("attitude = ?")
        params.append(attitude)
    if since is not None:
        clauses.append("day >= ?")
        params.append(since.isoformat())
    if until is not None:
        clauses.append("day <= ?")
        params.append(until.isoformat())
    rows = conn.execute(
        f"SELECT * FROM attitude_check WHERE {' AND '.join(clauses)}"
        " ORDER BY day DESC, id DESC LIMIT ?",
        (*params, max(0, min(limit, MAX_LIST))),
    )
    return [_check(row) for row in rows]


def latest_scores(conn: sqlite3.Connection, today: date) -> list[LatestScore]:
    """Each attitude's latest check-in up to today with the score before it, sorted by
    key (callers order them as the settings list the attitudes)."""
    rows = conn.execute(
        """
        SELECT attitude, day, score, note, rank FROM (
            SELECT attitude, day, score, note,
                   row_number() OVER (PARTITION BY attitude ORDER BY day DESC, id DESC) AS rank
            FROM attitude_check WHERE day <= ?
        ) WHERE rank <= 2 ORDER BY attitude, rank
        """,
        (today.isoformat(),),
    ).fetchall()
    latest: dict[str, LatestScore] = {}
    for attitude, day, score, note, rank in rows:
        if rank == 1:
            latest[attitude] = LatestScore(attitude, score, date.fromisoformat(day), None, note)
        else:
            latest[attitude] = latest[attitude]._replace(previous=score)
    return list(latest.values())


def last_check_day(conn: sqlite3.Connection, today: date) -> date | None:
    (day,) = conn.execute(
        "SELECT max(day) FROM attitude_check WHERE day <= ?", (today.isoformat(),)
    ).fetchone()
    return date.fromisoformat(day) if day else None


def check_in_reminder(conn: sqlite3.Connection, today: date, every_days: int) -> bool:
    """Whether to offer a check-in today (`every_days`: Settings.check_in_days)."""
    return check_in_due(last_check_day(conn, today), first_entry_day(conn), today, every_days)
