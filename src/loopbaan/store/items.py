"""Items, their tags and their postponements: everything the daily review changes."""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterable
from datetime import date
from types import EllipsisType

from loopbaan.days import utc_now
from loopbaan.domain import Item, Kind, Postponement, Rating, Reason, Status
from loopbaan.i18n import _
from loopbaan.store.errors import NotFound, StoreError

TAG_PATTERN = re.compile(r"#[\w-]+")

_ITEM_SELECT = """
SELECT i.id, i.uid, i.kind, i.title, i.day, i.rating, i.note, i.status, i.done_on,
       i.goal_id, i.conversation_id,
       (SELECT group_concat(t.name, ' ') FROM item_tag it JOIN tag t ON t.id = it.tag_id
         WHERE it.item_id = i.id) AS tags,
       (SELECT count(*) FROM postponement p WHERE p.item_id = i.id) AS postponed
FROM item i
"""
_KIND_ORDER = "CASE i.kind WHEN 'appointment' THEN 0 WHEN 'activity' THEN 1 ELSE 2 END"


def parse_tags(title: str) -> list[str]:
    """The `#words` of a title (letters, digits, `-`, `_`), lower-cased, in order, once each."""
    seen: dict[str, None] = {}
    for match in TAG_PATTERN.finditer(title):
        seen.setdefault(match.group(0)[1:].casefold(), None)
    return list(seen)


def new_uid() -> str:
    import uuid  # only writers need it; it costs a read-only command ~3 ms

    return str(uuid.uuid4())


def _day(value: str | None) -> date | None:
    return date.fromisoformat(value) if value else None


def item_from_row(row: sqlite3.Row) -> Item:
    return Item(
        id=row["id"],
        uid=row["uid"],
        kind=Kind(row["kind"]),
        title=row["title"],
        day=date.fromisoformat(row["day"]),
        rating=Rating(row["rating"]) if row["rating"] else None,
        note=row["note"],
        status=Status(row["status"]),
        done_on=_day(row["done_on"]),
        goal_id=row["goal_id"],
        conversation_id=row["conversation_id"],
        tags=tuple(sorted(row["tags"].split(" "))) if row["tags"] else (),
        postponed=row["postponed"],
    )


def clean_title(title: str) -> str:
    """A title as stored: white space made single spaces; a StoreError if empty or if it
    holds a NUL."""
    cleaned = " ".join(title.split())
    if not cleaned:
        raise StoreError(_("the title is empty"))
    if "\x00" in cleaned:  # SQLite's text functions end a text there: search, the title check
        raise StoreError(_("a title cannot hold the character NUL (\\x00)"))
    return cleaned


def set_tags(conn: sqlite3.Connection, item_id: int, names: Iterable[str]) -> None:
    """Make the item carry exactly these tags, creating tags on first use."""
    conn.execute("DELETE FROM item_tag WHERE item_id = ?", (item_id,))
    for name in names:
        conn.execute(
            "INSERT INTO tag (uid, name) VALUES (?, ?) ON CONFLICT (name) DO NOTHING",
            (new_uid(), name),
        )
        conn.execute(
            "INSERT INTO item_tag (item_id, tag_id) SELECT ?, id FROM tag WHERE name = ?",
            (item_id, name),
        )


def _check_goal(conn: sqlite3.Connection, goal_id: int | None) -> None:
    if (
        goal_id is not None
        and not conn.execute("SELECT 1 FROM goal WHERE id = ?", (goal_id,)).fetchone()
    ):
        raise NotFound(_("no goal with id {id}").format(id=goal_id))


def add_item(
    conn: sqlite3.Connection,
    title: str,
    *,
    day: date,
    kind: Kind = Kind.ACTIVITY,
    rating: Rating | None = None,
    note: str = "",
    goal_id: int | None = None,
    conversation_id: int | None = None,
) -> Item:
    """Put a new item on a day; tasks start open, the rest are done as they happen."""
    title = clean_title(title)
    _check_goal(conn, goal_id)
    now = utc_now()
    status = Status.OPEN if kind is Kind.TASK else Status.DONE
    cursor = conn.execute(
        "INSERT INTO item (uid, kind, title, day, rating, note, status, done_on, goal_id,"
        " conversation_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
        (
            new_uid(),
            kind.value,
            title,
            day.isoformat(),
            rating.value if rating else None,
            note,
            status.value,
            None if kind is Kind.TASK else day.isoformat(),
            goal_id,
            conversation_id,
            now,
            now,
        ),
    )
    item_id = cursor.lastrowid
    assert item_id is not None
    set_tags(conn, item_id, parse_tags(title))
    return get_item(conn, item_id)


def get_item(conn: sqlite3.Connection, item_id: int) -> Item:
    row = conn.execute(_ITEM_SELECT + " WHERE i.id = ?", (item_id,)).fetchone()
    if row is None:
        raise NotFound(_("no item with id {id}").format(id=item_id))
    return item_from_row(row)


def items_for_day(conn: sqlite3.Connection, day: date) -> list[Item]:
    """What a day holds: its items, and the tasks ticked off that day though planned earlier."""
    iso = day.isoformat()
    rows = conn.execute(
        _ITEM_SELECT + " WHERE i.day = ? OR (i.done_on = ? AND i.kind = 'task' AND i.day <> ?)"
        f" ORDER BY {_KIND_ORDER}, i.id",
        (iso, iso, iso),
    ).fetchall()
    return [item_from_row(row) for row in rows]


def overdue_tasks(conn: sqlite3.Connection, before: date, limit: int = 50) -> list[Item]:
    """Open tasks planned before a day: offered in the review instead of lost."""
    rows = conn.execute(
        _ITEM_SELECT + " WHERE i.kind = 'task' AND i.status = 'open' AND i.day < ?"
        " ORDER BY i.day DESC, i.id LIMIT ?",
        (before.isoformat(), limit),
    ).fetchall()
    return [item_from_row(row) for row in rows]


def _touch(conn: sqlite3.Connection, item_id: int, sets: str, params: tuple) -> None:
    cursor = conn.execute(
        f"UPDATE item SET {sets}, updated_at = ? WHERE id = ?", (*params, utc_now(), item_id)
    )
    if cursor.rowcount == 0:
        raise NotFound(_("no item with id {id}").format(id=item_id))


def rate(conn: sqlite3.Connection, item_id: int, rating: Rating | None) -> Item:
    _touch(conn, item_id, "rating = ?", (rating.value if rating else None,))
    return get_item(conn, item_id)


def set_status(
    conn: sqlite3.Connection, item_id: int, status: Status, on: date | None = None
) -> Item:
    """Tick a task done (on a day), drop it, or open it again."""
    item = get_item(conn, item_id)
    if not item.is_task:
        raise StoreError(
            _("item {id} is an {kind}; only tasks can be ticked off").format(
                id=item_id, kind=_(item.kind.value)
            )
        )
    done_on = (on or item.day).isoformat() if status is not Status.OPEN else None
    _touch(conn, item_id, "status = ?, done_on = ?", (status.value, done_on))
    return get_item(conn, item_id)


def postpone(
    conn: sqlite3.Connection, item_id: int, to_day: date, reason: Reason, note: str = ""
) -> Postponement:
    """Move an open task to a later day and record why; the history is never rewritten."""
    item = get_item(conn, item_id)
    if not item.is_task:
        raise StoreError(
            _("item {id} is an {kind}; only tasks can be postponed").format(
                id=item_id, kind=_(item.kind.value)
            )
        )
    if item.status is not Status.OPEN:
        raise StoreError(
            _("task {id} is {status}; only open tasks can be postponed").format(
                id=item_id, status=_(item.status.value)
            )
        )
    if to_day <= item.day:
        raise StoreError(
            _("the new day must be after {day}, the day task {id} is planned for").format(
                day=item.day.isoformat(), id=item_id
            )
        )
    uid = new_uid()
    cursor = conn.execute(
        "INSERT INTO postponement (uid, item_id, from_day, to_day, reason, note, created_at)"
        " VALUES (?,?,?,?,?,?,?)",
        (uid, item_id, item.day.isoformat(), to_day.isoformat(), reason.value, note, utc_now()),
    )
    _touch(conn, item_id, "day = ?", (to_day.isoformat(),))
    assert cursor.lastrowid is not None
    return Postponement(cursor.lastrowid, uid, item_id, item.day, to_day, reason, note)


def postponements_of(conn: sqlite3.Connection, item_id: int) -> list[Postponement]:
    rows = conn.execute(
        "SELECT id, uid, item_id, from_day, to_day, reason, note FROM postponement"
        " WHERE item_id = ? ORDER BY from_day, id",
        (item_id,),
    ).fetchall()
    return [
        Postponement(
            r["id"],
            r["uid"],
            r["item_id"],
            date.fromisoformat(r["from_day"]),
            date.fromisoformat(r["to_day"]),
            Reason(r["reason"]),
            r["note"],
        )
        for r in rows
    ]


def edit_item(
    conn: sqlite3.Connection,
    item_id: int,
    *,
    title: str | None = None,
    note: str | None = None,
    day: date | None = None,
    kind: Kind | None = None,
    goal_id: int | EllipsisType | None = ...,  # ... leaves it as it is
) -> Item:
    """Change an item's fields; a new title brings its tags along."""
    item = get_item(conn, item_id)
    sets: list[str] = []
    params: list[object] = []
    if title is not None:
        title = clean_title(title)
        sets.append("title = ?")
        params.append(title)
    if note is not None:
        sets.append("note = ?")
        params.append(note)
    if day is not None:
        sets.append("day = ?")
        params.append(day.isoformat())
        if item.kind is not Kind.TASK:
            sets.append("done_on = ?")
            params.append(day.isoformat())
    if kind is not None and kind is not item.kind:
        sets.append("kind = ?, status = ?, done_on = ?")
        now_day = (day or item.day).isoformat()
        if kind is Kind.TASK:
            params += [kind.value, Status.OPEN.value, None]
        else:
            params += [kind.value, Status.DONE.value, now_day]
    if goal_id is not ...:
        _check_goal(conn, goal_id)
        sets.append("goal_id = ?")
        params.append(goal_id)
    if sets:
        _touch(conn, item_id, ", ".join(sets), tuple(params))
    if title is not None:
        set_tags(conn, item_id, parse_tags(title))
    return get_item(conn, item_id)


def delete_item(conn: sqlite3.Connection, item_id: int) -> None:
    cursor = conn.execute("DELETE FROM item WHERE id = ?", (item_id,))
    if cursor.rowcount == 0:
        raise NotFound(_("no item with id {id}").format(id=item_id))


def items_of_goal(conn: sqlite3.Connection, goal_id: int, limit: int = 100) -> list[Item]:
    """The items linked to a goal, open tasks first, then the most recent."""
    rows = conn.execute(
        _ITEM_SELECT + " WHERE i.goal_id = ?"
        " ORDER BY (i.kind = 'task' AND i.status = 'open') DESC, i.day DESC, i.id DESC LIMIT ?",
        (goal_id, limit),
    ).fetchall()
    return [item_from_row(row) for row in rows]
