"""Undo, in the data layer: each change keeps the rows it touched as they were before.

A change names its scope (an item, a day's review, a week's review, a goal …);
the log reads the scope's rows before the change runs. Undo deletes the scope's
rows that are new since, and writes the before-rows back in place (an upsert, so
restoring a goal does not cascade to the items that point at it), in one
transaction. Rows keep their ids and uids: an undone delete is the same record.
Only the rows of the scope are read: a change costs a few indexed reads.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import NamedTuple

from loopbaan.i18n import _
from loopbaan.store.db import transaction
from loopbaan.store.errors import StoreError, unavailable

# A scope is a list of (table, key column) in parent-first order; its value picks
# the rows. Children are listed so that their before-rows are restored too.
SCOPES: dict[str, tuple[tuple[str, str], ...]] = {
    "item": (("item", "id"), ("item_tag", "item_id"), ("postponement", "item_id")),
    "day_review": (("day_review", "day"),),
    "week_review": (("week_review", "uid"),),
    "goal": (("goal", "id"), ("milestone", "goal_id")),
    "milestone": (("milestone", "id"),),
    "conversation": (("conversation", "id"),),
    "attitude_check": (("attitude_check", "id"),),
}


class _Image(NamedTuple):
    table: str
    column: str
    value: object
    rows: list[tuple[tuple[str, ...], tuple[object, ...]]]


class Change:
    """What one undoable change touched; filled in while the change runs."""

    def __init__(self, conn: sqlite3.Connection, label: str) -> None:
        self.conn = conn
        self.label = label
        self.images: list[_Image] = []

    def track(self, scope: str, value: object) -> None:
        """Remember the rows of `scope` for `value` as they are now (before the change)."""
        for table, column in SCOPES[scope]:
            cursor = self.conn.execute(f"SELECT * FROM {table} WHERE {column} = ?", (value,))
            columns = tuple(d[0] for d in cursor.description)
            rows = [(columns, tuple(row)) for row in cursor.fetchall()]
            self.images.append(_Image(table, column, value, rows))

    def created(self, scope: str, value: object) -> None:
        """A record the change made: undo removes it (its before-image is empty)."""
        for table, column in SCOPES[scope]:
            self.images.append(_Image(table, column, value, []))


class UndoLog:
    """The changes of this session, newest last; `undo()` reverts the newest."""

    def __init__(
        self,
        conn: sqlite3.Connection,
        limit: int = 200,
        before_write: Callable[[], None] | None = None,
    ) -> None:
        """`before_write` runs before each change and undo, outside its transaction
        (the app's automatic backup on the first write of a day)."""
        self.conn = conn
        self.limit = limit
        self.before_write = before_write
        self._changes: list[Change] = []

    def __len__(self) -> int:
        return len(self._changes)

    @property
    def last_label(self) -> str | None:
        return self._changes[-1].label if self._changes else None

    @contextmanager
    def change(self, label: str) -> Iterator[Change]:
        """Run a change in a transaction and keep its before-images for undo."""
        if self.before_write is not None:
            self.before_write()
        record = Change(self.conn, label)
        try:
            with transaction(self.conn):
                yield record
        except sqlite3.OperationalError as error:  # locked, read-only, disk full
            raise unavailable(error) from None
        self._changes.append(record)
        del self._changes[: -self.limit]

    def undo(self) -> str | None:
        """Revert the newest change; returns its label, or None when there is none."""
        if not self._changes:
            return None
        record = self._changes[-1]
        if self.before_write is not None:
            self.before_write()
        try:
            with transaction(self.conn):
                # Children first when deleting, parents first when restoring.
                for image in reversed(record.images):
                    self._remove_newer(image)
                for image in record.images:
                    self._restore(image)
        except sqlite3.OperationalError as error:  # kept: it can be undone later
            raise unavailable(error) from None
        except sqlite3.IntegrityError as error:
            self._changes.pop()
            raise StoreError(
                _("cannot undo {label}: {error}").format(label=record.label, error=error)
            ) from None
        self._changes.pop()
        return record.label

    def _remove_newer(self, image: _Image) -> None:
        """Delete the scope's rows that were not there before the change."""
        where = f"{image.column} = ?"
        if image.table == "item_tag":  # a link row has no id: replace all of the item's links
            self.conn.execute(f"DELETE FROM item_tag WHERE {where}", (image.value,))
            return
        kept = [dict(zip(columns, values, strict=True))["id"] for columns, values in image.rows]
        marks = ", ".join("?" * len(kept))
        self.conn.execute(
            f"DELETE FROM {image.table} WHERE {where} AND id NOT IN ({marks})",
            (image.value, *kept),
        )

    def _restore(self, image: _Image) -> None:
        """Put the before-rows back in place: an upsert, so no delete cascades to children."""
        for columns, values in image.rows:
            names = ", ".join(columns)
            marks = ", ".join("?" * len(columns))
            if image.table == "item_tag":
                sql = f"INSERT OR IGNORE INTO item_tag ({names}) VALUES ({marks})"
            else:
                updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c != "id")
                sql = (
                    f"INSERT INTO {image.table} ({names}) VALUES ({marks})"
                    f" ON CONFLICT (id) DO UPDATE SET {updates}"
                )
            self.conn.execute(sql, values)
