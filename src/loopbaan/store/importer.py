"""Importing a loopbaan JSON export: check the whole file, then write it in one go.

Records travel by uid, so an import merges into any journal and importing the
same file twice adds nothing. Ids are handed out here, so the bulk inserts need
no read-back: a ten-year journal imports in a few seconds.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import Any, NoReturn

from loopbaan.days import utc_now
from loopbaan.domain import (
    Direction,
    GoalStatus,
    Kind,
    Rating,
    Reason,
    Role,
    Status,
    TalkKind,
)
from loopbaan.i18n import _, ngettext
from loopbaan.store.db import transaction
from loopbaan.store.errors import StoreError
from loopbaan.store.items import TAG_PATTERN, new_uid
from loopbaan.store.transfer import (
    _REFERENCES,
    _SECTIONS,
    _WRITE_ORDER,
    FORMAT,
    IMPORT_CACHE_KIB,
    SECTIONS,
    VERSION,
    stored_day,
    stored_time,
)

# ---------------------------------------------------------------------- reading a file


def _header_problem(data: object) -> str | None:
    if not isinstance(data, dict) or data.get("format") != FORMAT:
        return _("not a loopbaan export")
    version = data.get("version")
    if version != VERSION or isinstance(version, bool):
        return _(
            "export version {version} is not supported; this loopbaan reads {supported}"
        ).format(version=json.dumps(version), supported=VERSION)
    return None


def read_import_file(path: Path | str) -> dict[str, Any]:
    """The parsed JSON of a loopbaan export; a StoreError says in one line why not."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise StoreError(
            _("cannot read {path}: {error}").format(path=path, error=error.strerror or error)
        ) from None
    try:
        data = json.loads(raw)
    except json.JSONDecodeError as error:
        raise StoreError(
            _("{path} is not JSON (line {line}, column {column})").format(
                path=path, line=error.lineno, column=error.colno
            )
        ) from None
    except ValueError:  # not UTF-8 (or -16/-32) text at all
        raise StoreError(_("{path} is not JSON text").format(path=path)) from None
    problem = _header_problem(data)
    if problem:
        raise StoreError(f"{path}: {problem}")
    return data


# ---------------------------------------------------------------------- checking a file

_MISSING: Any = object()


def _show(value: object) -> str:
    text = repr(value) if isinstance(value, str) else json.dumps(value, ensure_ascii=False)
    return text if len(text) <= 50 else text[:47] + "…"


class _Record:
    """One record of the file under check; every complaint names where it is."""

    __slots__ = ("data", "where")

    def __init__(self, section: str, index: int, data: object) -> None:
        self.where = f"{section}[{index}]"
        if not isinstance(data, dict):
            self.fail(_("a record must be an object, not {value}").format(value=_show(data)))
        self.data: dict[str, Any] = data  # type: ignore[assignment]

    def fail(self, message: str) -> NoReturn:
        raise StoreError(f"{self.where}: {message}")

    def missing(self, name: str) -> NoReturn:
        self.fail(_("{field} is missing").format(field=name))

    def text(self, name: str, default: Any = "") -> str:
        value = self.data.get(name, default)
        if value is _MISSING:
            self.missing(name)
        if not isinstance(value, str):
            self.fail(_("{field} must be text, not {value}").format(field=name, value=_show(value)))
        return value

    def title(self) -> str:
        value = self.text("title", _MISSING)
        if not value.strip():
            self.fail(_("title is empty"))
        return value

    def uid(self) -> str:
        value = self.text("uid", _MISSING)
        if not value.strip():
            self.fail(_("uid is empty"))
        return value

    def reference(self, name: str, nullable: bool = True) -> str | None:
        value = self.data.get(name, None if nullable else _MISSING)
        if value is _MISSING:
            self.missing(name)
        if value is None and nullable:
            return None
        if not isinstance(value, str) or not value:
            self.fail(
                _("{field} must be a uid, not {value}").format(field=name, value=_show(value))
            )
        return value

    def day(self, name: str, nullable: bool = False, default: Any = _MISSING) -> str | None:
        value = self.data.get(name, default)
        if value is _MISSING:
            self.missing(name)
        if value is None and nullable:
            return None
        stored = stored_day(value)
        if stored is None:
            self.fail(
                _("{field} {value} is not a day (YYYY-MM-DD)").format(
                    field=name, value=_show(value)
                )
            )
        return stored

    def time(self, name: str, default: Any = _MISSING, nullable: bool = False) -> str | None:
        value = self.data.get(name, default)
        if value is _MISSING:
            self.missing(name)
        if value is None and nullable:
            return None
        if value is default and isinstance(value, str) and value[10:11] == " ":
            return value  # already in the stored form
        stored = stored_time(value)
        if stored is None:
            self.fail(
                _("{field} {value} is not a time in ISO 8601 with a zone (…Z)").format(
                    field=name, value=_show(value)
                )
            )
        return stored

    def choice(
        self, name: str, values: type[StrEnum], default: Any = _MISSING, nullable: bool = False
    ) -> str | None:
        value = self.data.get(name, default)
        if value is _MISSING:
            self.missing(name)
        if value is None and nullable:
            return None
        if not isinstance(value, str) or value not in values._value2member_map_:
            self.fail(
                _("{field} {value} is not one of {choices}").format(
                    field=name, value=_show(value), choices=", ".join(values)
                )
            )
        return str(value)

    def number(
        self,
        name: str,
        low: int,
        high: int,
        default: Any = _MISSING,
        nullable: bool = False,
    ) -> int | None:
        value = self.data.get(name, default)
        if value is _MISSING:
            self.missing(name)
        if value is None and nullable:
            return None
        if not isinstance(value, int) or isinstance(value, bool):
            self.fail(
                _("{field} must be a whole number, not {value}").format(
                    field=name, value=_show(value)
                )
            )
        if not low <= value <= high:
            self.fail(
                _("{field} {value} is not between {low} and {high}").format(
                    field=name, value=value, low=low, high=high
                )
            )
        return value

    def tags(self) -> list[str]:
        value = self.data.get("tags", [])
        if not isinstance(value, list):
            self.fail(_("tags must be a list of names, not {value}").format(value=_show(value)))
        names: dict[str, None] = {}
        for name in value:
            if not isinstance(name, str) or not TAG_PATTERN.fullmatch(f"#{name}"):
                self.fail(
                    _("tag {value} is not a tag name (letters, digits, - and _)").format(
                        value=_show(name)
                    )
                )
            names.setdefault(name.casefold(), None)
        return sorted(names)


# Each checker returns the record's values in the export order of its section.


def _check_item(r: _Record, now: str) -> tuple:
    uid = r.uid()
    kind = r.choice("kind", Kind, Kind.ACTIVITY)
    day = r.day("day")
    is_task = kind == Kind.TASK
    status = r.choice("status", Status, Status.OPEN if is_task else Status.DONE)
    if not is_task and status != Status.DONE:
        r.fail(
            _("status {value} is only for tasks; an {kind} is done").format(
                value=_show(status), kind=_(str(kind))
            )
        )
    created = r.time("created_at", now)
    return (
        uid,
        kind,
        r.title(),
        day,
        r.choice("rating", Rating, None, nullable=True),
        r.text("note"),
        status,
        r.day("done_on", nullable=True, default=None if is_task else day),
        r.reference("goal_uid"),
        r.reference("conversation_uid"),
        r.tags(),
        created,
        r.time("updated_at", created),
    )


def _check_postponement(r: _Record, now: str) -> tuple:
    uid = r.uid()
    from_day, to_day = r.day("from_day"), r.day("to_day")
    if to_day <= from_day:  # type: ignore[operator]
        r.fail(
            _("to_day {to_day} must be after from_day {from_day}").format(
                to_day=to_day, from_day=from_day
            )
        )
    return (
        uid,
        r.reference("item_uid", nullable=False),
        from_day,
        to_day,
        r.choice("reason", Reason),
        r.text("note"),
        r.time("created_at", now),
    )


def _check_goal(r: _Record, now: str) -> tuple:
    uid = r.uid()
    created = r.time("created_at", now)
    return (
        uid,
        r.title(),
        *(r.text(name) for name in ("beacon", "statement")),
        r.choice("direction", Direction, None, nullable=True),
        *(r.text(name) for name in ("first_step", "needs", "supporters")),
        r.choice("status", GoalStatus, GoalStatus.ACTIVE),
        r.day("target_day", nullable=True, default=None),
        r.number("position", -(2**62), 2**62, 0),
        created,
        r.time("updated_at", created),
    )


def _check_milestone(r: _Record, now: str) -> tuple:
    return (
        r.uid(),
        r.reference("goal_uid", nullable=False),
        r.title(),
        r.day("due_day", nullable=True, default=None),
        r.day("done_on", nullable=True, default=None),
        r.number("position", -(2**62), 2**62, 0),
    )


def _check_day_review(r: _Record, now: str) -> tuple:
    return (
        r.uid(),
        r.day("day"),
        r.number("energy", 1, 5, None, nullable=True),
        *(r.text(name) for name in ("liked", "disliked", "postponed_why", "learned")),
        r.time("finished_at", None, nullable=True),
    )


def _check_week_review(r: _Record, now: str) -> tuple:
    uid = r.uid()
    year, week = r.number("year", 1, 9999), r.number("week", 1, 53)
    try:
        date.fromisocalendar(year, week, 1)  # type: ignore[arg-type]
    except ValueError:
        r.fail(_("{year} has no week {week}").format(year=year, week=week))
    return (
        uid,
        year,
        week,
        *(r.text(name) for name in ("more_of", "less_of", "next_step", "ask_feedback_from")),
        r.time("finished_at", None, nullable=True),
    )


def _check_conversation(r: _Record, now: str) -> tuple:
    return (
        r.uid(),
        r.day("day"),
        r.text("with_whom"),
        r.choice("role", Role, Role.MANAGER),
        r.choice("kind", TalkKind, TalkKind.CAREER),
        *(r.text(name) for name in ("prepared", "summary", "outcome")),
        r.time("created_at", now),
    )


def _check_attitude_check(r: _Record, now: str) -> tuple:
    uid, day = r.uid(), r.day("day")
    attitude = r.text("attitude", _MISSING)
    if not attitude.strip():
        r.fail(_("attitude is empty"))
    return (uid, day, attitude, r.number("score", 1, 5), r.text("note"))


_CHECKERS: dict[str, Callable[[_Record, str], tuple]] = {
    "items": _check_item,
    "postponements": _check_postponement,
    "goals": _check_goal,
    "milestones": _check_milestone,
    "day_reviews": _check_day_review,
    "week_reviews": _check_week_review,
    "conversations": _check_conversation,
    "attitude_checks": _check_attitude_check,
}
# Records that must be unique beyond their uid, by the fields that make them so.
_NATURAL_KEYS = {"day_reviews": (1,), "week_reviews": (1, 2)}


def _check_section(data: dict[str, Any], section: str, now: str) -> list[tuple]:
    records = data.get(section, [])
    if not isinstance(records, list):
        raise StoreError(_("{section} must be a list of records").format(section=section))
    check = _CHECKERS[section]
    rows = [check(_Record(section, index, record), now) for index, record in enumerate(records)]
    seen: dict[object, int] = {}
    for index, row in enumerate(rows):
        other = seen.setdefault(row[0], index)
        if other != index:
            raise StoreError(
                f"{section}[{index}]: "
                + _("uid {uid} appears twice in the file (also {other})").format(
                    uid=_show(row[0]), other=f"{section}[{other}]"
                )
            )
    positions = _NATURAL_KEYS.get(section)
    if positions:
        seen = {}
        for index, row in enumerate(rows):
            key = tuple(row[p] for p in positions)
            other = seen.setdefault(key, index)
            if other != index:
                raise StoreError(
                    f"{section}[{index}]: "
                    + _("{what} has a second review in the file (also {other})").format(
                        what=" ".join(map(str, key)), other=f"{section}[{other}]"
                    )
                )
    return rows


# ---------------------------------------------------------------------- import


@dataclass
class ImportReport:
    """What an import did, per section: records added, and records skipped as already there."""

    added: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SECTIONS, 0))
    skipped: dict[str, int] = field(default_factory=lambda: dict.fromkeys(SECTIONS, 0))
    tags_added: int = 0

    @property
    def total_added(self) -> int:
        return sum(self.added.values())

    @property
    def total_skipped(self) -> int:
        return sum(self.skipped.values())

    def summary(self) -> str:
        """One line for the user: what came in, and how much was there already."""
        parts = [_COUNTED[s](n).format(n=n) for s, n in self.added.items() if n]
        line = (
            _("added {records}").format(records=", ".join(parts))
            if parts
            else _("nothing new to add")
        )
        skipped = self.total_skipped
        if skipped:
            line += "; " + ngettext(
                "skipped {n} record already in the journal",
                "skipped {n} records already in the journal",
                skipped,
            ).format(n=skipped)
        return line


_COUNTED: dict[str, Callable[[int], str]] = {
    "items": lambda n: ngettext("{n} item", "{n} items", n),
    "postponements": lambda n: ngettext("{n} postponement", "{n} postponements", n),
    "goals": lambda n: ngettext("{n} goal", "{n} goals", n),
    "milestones": lambda n: ngettext("{n} milestone", "{n} milestones", n),
    "day_reviews": lambda n: ngettext("{n} day review", "{n} day reviews", n),
    "week_reviews": lambda n: ngettext("{n} week review", "{n} week reviews", n),
    "conversations": lambda n: ngettext("{n} conversation", "{n} conversations", n),
    "attitude_checks": lambda n: ngettext("{n} attitude check", "{n} attitude checks", n),
}


def import_journal(conn: sqlite3.Connection, data: dict[str, Any]) -> ImportReport:
    """Add the records of an export that the journal lacks; all of them or, on any error, none."""
    problem = _header_problem(data)
    if problem:
        raise StoreError(problem)
    now = utc_now()
    checked = {section: _check_section(data, section, now) for section in SECTIONS}
    report = ImportReport()
    # The uid and day indexes take new rows all over; with the default 2 MB page
    # cache a ten-year import spends a third of its time re-reading index pages.
    (cache_size,) = conn.execute("PRAGMA cache_size").fetchone()
    conn.execute(f"PRAGMA cache_size = {min(cache_size, -IMPORT_CACHE_KIB)}")
    try:
        with transaction(conn):
            # Ids are handed out here, under the write lock, so every reference is
            # known without reading a row back; then each table is one executemany.
            writes = _plan(conn, checked, report)
            for sql, rows in writes:
                conn.executemany(sql, rows)
    finally:
        conn.execute(f"PRAGMA cache_size = {cache_size}")
    return report


def _plan(
    conn: sqlite3.Connection, checked: dict[str, list[tuple]], report: ImportReport
) -> list[tuple[str, list[tuple]]]:
    """The inserts that add what the journal lacks; a StoreError for a dangling reference."""
    ids: dict[str, dict[str, int]] = {}
    writes: list[tuple[str, list[tuple]]] = []
    new_items: list[tuple[int, list[str]]] = []
    for section in _WRITE_ORDER:
        table, fields, _query_text = _SECTIONS[section]
        known: dict[str, int] = dict(conn.execute(f"SELECT uid, id FROM {table}").fetchall())
        (next_id,) = conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()
        taken: set[tuple] = set()
        positions = _NATURAL_KEYS.get(section)
        if positions:
            columns = ", ".join(fields[p] for p in positions)
            taken = {tuple(row) for row in conn.execute(f"SELECT {columns} FROM {table}")}
        refs = [
            (i, name, ids[_REFERENCES[name]])
            for i, name in enumerate(fields)
            if name in _REFERENCES
        ]
        tags = fields.index("tags") if "tags" in fields else None
        rows: list[tuple] = []
        for index, values in enumerate(checked[section]):
            if refs:
                values = _resolve(f"{section}[{index}]", values, refs)
            uid = values[0]
            if uid in known or (positions and tuple(values[p] for p in positions) in taken):
                report.skipped[section] += 1
                continue
            known[uid] = next_id
            if tags is not None:
                new_items.append((next_id, values[tags]))
                values = [*values[:tags], *values[tags + 1 :]]
            rows.append((next_id, *values))
            next_id += 1
        report.added[section] = len(rows)
        ids[section] = known
        columns = [_column(name) for name in fields if name != "tags"]
        writes.append(
            (
                f"INSERT INTO {table} (id, {', '.join(columns)})"
                f" VALUES ({', '.join('?' * (len(columns) + 1))})",
                rows,
            )
        )
        if section == "items":
            writes += _tag_writes(conn, new_items, report)
    return writes


def _resolve(where: str, values: tuple, refs: list[tuple[int, str, dict[str, int]]]) -> list:
    """The record's values with each `*_uid` replaced by the id it refers to."""
    resolved = list(values)
    for i, name, targets in refs:
        if resolved[i] is not None:
            target = targets.get(resolved[i])
            if target is None:
                raise StoreError(
                    f"{where}: "
                    + _("{field} {value} is not in the file or the journal").format(
                        field=name, value=_show(resolved[i])
                    )
                )
            resolved[i] = target
    return resolved


def _column(name: str) -> str:
    return name[: -len("_uid")] + "_id" if name in _REFERENCES else name


def _tag_writes(
    conn: sqlite3.Connection, new_items: list[tuple[int, list[str]]], report: ImportReport
) -> list[tuple[str, list[tuple]]]:
    """Tags are matched by name; the ones the journal lacks are made with a fresh uid."""
    tag_ids: dict[str, int] = dict(conn.execute("SELECT name, id FROM tag").fetchall())
    (next_id,) = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM tag").fetchone()
    new_tags: list[tuple[int, str, str]] = []
    links: list[tuple[int, int]] = []
    for item_id, names in new_items:
        for name in names:
            tag_id = tag_ids.get(name)
            if tag_id is None:
                tag_id = tag_ids[name] = next_id
                new_tags.append((next_id, new_uid(), name))
                next_id += 1
            links.append((item_id, tag_id))
    report.tags_added = len(new_tags)
    return [
        ("INSERT INTO tag (id, uid, name) VALUES (?, ?, ?)", new_tags),
        ("INSERT INTO item_tag (item_id, tag_id) VALUES (?, ?)", links),
    ]
