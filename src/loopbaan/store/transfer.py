"""The whole journal in and out: JSON (the round trip), CSV and Markdown.

Records travel by uid, so an import merges into any journal and importing the
same file twice adds nothing. An import (importer.py) checks each record as it is
read and writes it in one transaction with bulk inserts and ids it hands out: a ten-year
journal (~56k items, 50k postponements) goes either way in a few seconds.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from datetime import UTC, date, datetime
from functools import lru_cache
from pathlib import Path
from typing import IO, Any, Protocol

from loopbaan.days import utc_now

FORMAT = "loopbaan"
VERSION = 1
IMPORT_CACHE_KIB = 16 * 1024
TAG_SEPARATOR = "\x1f"  # group_concat's separator: no tag name can hold it
# json.dumps(…, ensure_ascii=False) makes an encoder per call; one will do.
_ENCODER = json.JSONEncoder(ensure_ascii=False)

# Each section of the export: its table, its fields in export order (a `*_uid`
# field stands for the `*_id` column; `tags` for the item's rows in item_tag),
# and the query reading them in that order. Import writes the same fields back.
_TAGS_OF_ITEM = (
    "(SELECT group_concat(t.name, char(31)) FROM item_tag it JOIN tag t ON t.id = it.tag_id"
    " WHERE it.item_id = i.id)"
)
_SECTIONS: dict[str, tuple[str, tuple[str, ...], str]] = {
    "items": (
        "item",
        (
            "uid", "kind", "title", "day", "rating", "note", "status", "done_on",
            "goal_uid", "conversation_uid", "tags", "created_at", "updated_at",
        ),
        "SELECT i.uid, i.kind, i.title, i.day, i.rating, i.note, i.status, i.done_on,"
        f" g.uid, c.uid, {_TAGS_OF_ITEM}, i.created_at, i.updated_at"
        " FROM item i LEFT JOIN goal g ON g.id = i.goal_id"
        " LEFT JOIN conversation c ON c.id = i.conversation_id ORDER BY i.id",
    ),
    "postponements": (
        "postponement",
        ("uid", "item_uid", "from_day", "to_day", "reason", "note", "created_at"),
        "SELECT p.uid, i.uid, p.from_day, p.to_day, p.reason, p.note, p.created_at"
        " FROM postponement p JOIN item i ON i.id = p.item_id ORDER BY p.id",
    ),
    "goals": (
        "goal",
        (
            "uid", "title", "beacon", "statement", "direction", "first_step", "needs",
            "supporters", "status", "target_day", "position", "created_at", "updated_at",
        ),
        "",
    ),
    "milestones": (
        "milestone",
        ("uid", "goal_uid", "title", "due_day", "done_on", "position"),
        "SELECT m.uid, g.uid, m.title, m.due_day, m.done_on, m.position"
        " FROM milestone m JOIN goal g ON g.id = m.goal_id ORDER BY m.id",
    ),
    "day_reviews": (
        "day_review",
        ("uid", "day", "energy", "liked", "disliked", "postponed_why", "learned", "finished_at"),
        "",
    ),
    "week_reviews": (
        "week_review",
        (
            "uid", "year", "week", "more_of", "less_of", "next_step", "ask_feedback_from",
            "finished_at",
        ),
        "",
    ),
    "conversations": (
        "conversation",
        (
            "uid", "day", "with_whom", "role", "kind", "prepared", "summary", "outcome",
            "created_at", "want", "their_interest", "alternative", "offer", "walk_away",
        ),
        "",
    ),
    "attitude_checks": ("attitude_check", ("uid", "day", "attitude", "score", "note"), ""),
}  # fmt: skip
SECTIONS = tuple(_SECTIONS)
# Parents before children, so that every reference is known when it is met.
_WRITE_ORDER = (
    "goals", "conversations", "items", "postponements", "milestones",
    "day_reviews", "week_reviews", "attitude_checks",
)  # fmt: skip
_REFERENCES = {"item_uid": "items", "goal_uid": "goals", "conversation_uid": "conversations"}


def _query(section: str) -> str:
    table, fields, query = _SECTIONS[section]
    return query or f"SELECT {', '.join(fields)} FROM {table} ORDER BY id"


# ---------------------------------------------------------------------- times


def iso_time(stored: str | None) -> str | None:
    """A stored UTC time ('2026-11-23 06:50:57.123456') as ISO 8601 with 'Z'."""
    if stored is None:
        return None
    if len(stored) == 26 and stored[10] == " ":
        return f"{stored[:10]}T{stored[11:]}Z"
    try:
        moment = datetime.fromisoformat(stored)
    except ValueError:
        return stored  # not ours to repair; the import will say what is wrong with it
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def stored_time(text: object) -> str | None:
    """An ISO 8601 time with a zone, as the journal stores it; None if it is not one."""
    if not isinstance(text, str):
        return None
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    if moment.tzinfo is None:
        return None
    if len(text) == 27 and text[10] == "T" and text[26] == "Z":
        return f"{text[:10]} {text[11:26]}"
    return moment.astimezone(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")


def stored_day(text: object) -> str | None:
    return _stored_iso_day(text) if isinstance(text, str) and len(text) == 10 else None


@lru_cache(maxsize=4096)  # a journal repeats its days: each is checked once
def _stored_iso_day(text: str) -> str | None:
    try:
        return text if date.fromisoformat(text).isoformat() == text else None
    except ValueError:
        return None


# ---------------------------------------------------------------------- export


class TextSink(Protocol):
    """Where an export goes: a file from `open_export`, or a `safe.TerminalStream`."""

    def write(self, text: str, /) -> object: ...


@contextmanager
def open_export(path: Path) -> Iterator[IO[str]]:
    """A text stream into a new private (0600) file that becomes `path` once complete.

    Made by `store.db.private_file`: never written through a link, never left
    behind empty or half-written when the export fails (a full disk, an error).
    """
    from loopbaan.store.db import private_file

    with (
        private_file(path) as (fd, _tmp),
        os.fdopen(fd, "w", encoding="utf-8", newline="", closefd=False) as stream,
    ):
        yield stream


@contextmanager
def snapshot(conn: sqlite3.Connection) -> Iterator[None]:
    """One read transaction, so the sections agree even while another process writes."""
    if conn.in_transaction:
        yield
        return
    conn.execute("BEGIN")
    try:
        yield
    finally:
        if conn.in_transaction:
            conn.execute("COMMIT")


def _records(conn: sqlite3.Connection, section: str) -> Iterator[dict[str, Any]]:
    _table, fields, _query_text = _SECTIONS[section]
    times = [i for i, name in enumerate(fields) if name.endswith("_at")]
    tags = fields.index("tags") if "tags" in fields else None
    cursor = conn.cursor()
    cursor.row_factory = None  # plain tuples: zip() them with the field names
    for row in cursor.execute(_query(section)):
        values = list(row)
        for i in times:
            values[i] = iso_time(values[i])
        if tags is not None:
            values[tags] = sorted(values[tags].split(TAG_SEPARATOR)) if values[tags] else []
        yield dict(zip(fields, values, strict=True))


def _header() -> dict[str, Any]:
    return {"format": FORMAT, "version": VERSION, "exported_at": iso_time(utc_now())}


def export_journal(conn: sqlite3.Connection) -> dict[str, Any]:
    """The whole journal as the JSON export object of DESIGN §6."""
    with snapshot(conn):
        return _header() | {section: list(_records(conn, section)) for section in SECTIONS}


def write_json(conn: sqlite3.Connection, stream: TextSink) -> None:
    """The JSON export, one record a line, written as the cursors go."""
    with snapshot(conn):
        stream.write("{\n")
        for key, value in _header().items():
            stream.write(f"  {json.dumps(key)}: {json.dumps(value)},\n")
        for number, section in enumerate(SECTIONS):
            stream.write(f"  {json.dumps(section)}: [")
            separator = "\n    "
            for record in _records(conn, section):
                stream.write(separator + _ENCODER.encode(record))
                separator = ",\n    "
            stream.write("]" if separator == "\n    " else "\n  ]")
            stream.write(",\n" if number < len(SECTIONS) - 1 else "\n")
        stream.write("}\n")


CSV_FIELDS = (
    "id", "uid", "day", "kind", "title", "rating", "status", "done_on", "note", "tags",
    "goal_uid", "goal", "postponed",
)  # fmt: skip


def write_csv(conn: sqlite3.Connection, stream: TextSink) -> None:
    """The items, one row each, for a spreadsheet; tags are joined by spaces."""
    writer = csv.writer(stream)
    writer.writerow(CSV_FIELDS)
    cursor = conn.cursor()
    cursor.row_factory = None
    cursor.execute(
        "SELECT i.id, i.uid, i.day, i.kind, i.title, coalesce(i.rating, ''), i.status,"
        f" coalesce(i.done_on, ''), i.note, {_TAGS_OF_ITEM}, coalesce(g.uid, ''),"
        " coalesce(g.title, ''),"
        " (SELECT count(*) FROM postponement p WHERE p.item_id = i.id)"
        " FROM item i LEFT JOIN goal g ON g.id = i.goal_id ORDER BY i.id"
    )
    for row in cursor:
        values = list(row)
        values[9] = " ".join(sorted(values[9].split(TAG_SEPARATOR))) if values[9] else ""
        writer.writerow(values)


# ------------------------------------------------------------ CSV, table by table


def csv_name(section: str) -> str:
    return f"{section}.csv"


def _csv_rows(conn: sqlite3.Connection, section: str) -> Iterator[list[object]]:
    """A section of the JSON export as CSV rows: its fields, then one row a record
    (references by uid, tags joined by spaces, nothing as an empty cell)."""
    _table, fields, _query_text = _SECTIONS[section]
    yield list(fields)
    for record in _records(conn, section):
        yield [
            " ".join(value) if isinstance(value, list) else "" if value is None else value
            for value in record.values()
        ]


def _write_csv_section(conn: sqlite3.Connection, section: str, stream: TextSink) -> None:
    csv.writer(stream).writerows(_csv_rows(conn, section))


def write_csv_folder(conn: sqlite3.Connection, folder: Path) -> list[Path]:
    """Every table of the journal as `SECTION.csv` in `folder` (made 0700 if missing),
    each a new 0600 file; if one fails, none of them is left and a folder made
    here is removed again."""
    from loopbaan.store.db import make_private_folder

    made = not folder.exists()
    make_private_folder(folder)
    written: list[Path] = []
    try:
        with snapshot(conn):
            for section in SECTIONS:
                target = folder / csv_name(section)
                with open_export(target) as stream:
                    _write_csv_section(conn, section, stream)
                written.append(target)
    except BaseException:
        for path in written:
            with suppress(OSError):
                os.unlink(path)
        if made:
            with suppress(OSError):
                os.rmdir(folder)
        raise
    return written


def write_csv_zip(conn: sqlite3.Connection, path: Path) -> None:
    """Every table of the journal as `SECTION.csv` in one new 0600 zip file at `path`."""
    import io
    import zipfile

    from loopbaan.store.db import private_file

    with (
        private_file(path) as (fd, _tmp),
        os.fdopen(fd, "wb", closefd=False) as raw,
        zipfile.ZipFile(raw, "w", compression=zipfile.ZIP_DEFLATED) as archive,
        snapshot(conn),
    ):
        for section in SECTIONS:
            member = zipfile.ZipInfo(csv_name(section), date_time=datetime.now().timetuple()[:6])
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = 0o600 << 16  # unpacked, the files stay the user's alone
            with (
                archive.open(member, "w") as binary,
                io.TextIOWrapper(binary, encoding="utf-8", newline="") as stream,
            ):
                _write_csv_section(conn, section, stream)
