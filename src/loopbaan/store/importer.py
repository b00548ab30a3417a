"""Importing a loopbaan JSON export: all of it in one transaction, or nothing.

Records travel by uid, so an import merges into any journal and importing the
same file twice adds nothing. A file is read a piece at a time and each record is
checked as soon as it is parsed; `import_file` writes it into the journal in the
import's transaction a batch at a time, so a file of any size is never held
whole. A file is refused whole, in one line, for anything the app itself would
not store. Ids are handed out here, so the inserts need no read-back.
"""

from __future__ import annotations

import codecs
import json
import re
import sqlite3
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from enum import StrEnum
from pathlib import Path
from typing import IO, Any, Literal, NoReturn, overload

from loopbaan.days import utc_now
from loopbaan.domain import (
    NEGOTIATION_FIELDS,
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
from loopbaan.store.search import indexed_in_bulk
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

# Rows per executemany: big enough to cost nothing, small enough to hold nothing.
BATCH_ROWS = 5000
# Bytes read from a file at a time; a record longer than that is read on until it ends.
READ_BYTES = 1 << 20

_MISSING: Any = object()
_SURROGATE = re.compile("[\ud800-\udfff]")


def _show(value: object, *, as_json: bool = False) -> str:
    """A value for a message: short, one line, every character printable as UTF-8.

    Text is quoted as Python does ('…'), unless `as_json`; the rest is shown as JSON.
    """
    if isinstance(value, str) and not as_json:
        text = repr(value[:60])
    else:
        try:
            text = json.dumps(value[:60] if isinstance(value, str) else value, ensure_ascii=False)
        except (ValueError, TypeError, RecursionError):
            text = type(value).__name__
    if len(text) > 50:
        text = text[:47] + "…"
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def _header_problem(data: Mapping[str, Any]) -> str | None:
    if not isinstance(data, Mapping) or data.get("format") != FORMAT:
        return _("not a loopbaan export")
    version = data.get("version")
    if version != VERSION or isinstance(version, bool):
        return _(
            "export version {version} is not supported; this loopbaan reads {supported}"
        ).format(version=_show(version, as_json=True), supported=VERSION)
    return None


# ---------------------------------------------------------------------- checking records


class _Record:
    """One record under check; every complaint names where it is."""

    __slots__ = ("data", "where")

    def __init__(self, section: str, index: int, data: object) -> None:
        self.where = f"{section}[{index}]"
        if not isinstance(data, dict):
            self.fail(_("a record must be an object, not {value}").format(value=_show(data)))
        self.data: dict[str, Any] = data

    def fail(self, message: str) -> NoReturn:
        raise StoreError(f"{self.where}: {message}")

    def missing(self, name: str) -> NoReturn:
        self.fail(_("{field} is missing").format(field=name))

    def text(self, name: str, default: Any = "") -> str:
        """Text as stored; an optional text (default "") may be null, stored as ""."""
        value = self.data.get(name, default)
        if value is _MISSING:
            self.missing(name)
        if value is None and default == "":
            return ""
        if not isinstance(value, str):
            self.fail(_("{field} must be text, not {value}").format(field=name, value=_show(value)))
        if not value.isascii() and _SURROGATE.search(value):
            self.fail(
                _("{field} is not valid Unicode text (it holds a lone surrogate)").format(
                    field=name
                )
            )
        return value

    def title(self) -> str:
        value = self.text("title", _MISSING)
        if not value.strip():
            self.fail(_("title is empty"))
        if "\x00" in value:  # as the app refuses it (items.py)
            self.fail(_("a title cannot hold the character NUL (\\x00)"))
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

    @overload
    def day(self, name: str, nullable: Literal[False] = False, default: Any = _MISSING) -> str: ...
    @overload
    def day(self, name: str, nullable: bool, default: Any = _MISSING) -> str | None: ...

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
        try:
            stored = stored_time(value)
        except (OverflowError, ValueError):  # in UTC it falls before year 1 or after 9999
            stored = None
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

    @overload
    def number(
        self,
        name: str,
        low: int,
        high: int,
        default: Any = _MISSING,
        nullable: Literal[False] = False,
    ) -> int: ...
    @overload
    def number(
        self, name: str, low: int, high: int, default: Any = _MISSING, *, nullable: bool
    ) -> int | None: ...

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
                    field=name, value=_show(value), low=low, high=high
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
    done_on = r.day("done_on", nullable=True, default=None)
    if status == Status.OPEN:
        if done_on is not None:
            r.fail(_("an open task has no done_on, not {value}").format(value=_show(done_on)))
    elif done_on is None:
        done_on = day  # done (or dropped) on its day, as the app records it
    elif not is_task and done_on != day:
        # A task may be ticked off before its day (`loopbaan done` on a task planned
        # for later does it); an activity or appointment is done on its own day.
        r.fail(
            _("done_on {value} is not the day of this {kind}, {day}").format(
                value=_show(done_on), kind=_(str(kind)), day=day
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
        done_on,
        r.reference("goal_uid"),
        r.reference("conversation_uid"),
        r.tags(),
        created,
        r.time("updated_at", created),
    )


def _check_postponement(r: _Record, now: str) -> tuple:
    uid = r.uid()
    from_day, to_day = r.day("from_day"), r.day("to_day")
    if to_day <= from_day:
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
        date.fromisocalendar(year, week, 1)
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
        # A negotiation's preparation (schema 0002): optional, missing or null is "",
        # so exports made before it still import (the format stays version 1).
        *(r.text(name) for name in NEGOTIATION_FIELDS),
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


class _Section:
    """The rows of one section, checked record by record as they come."""

    __slots__ = ("check", "count", "keys", "name", "now", "positions", "rows", "sink", "uids")

    def __init__(self, name: str, now: str, sink: _SectionWriter | None = None) -> None:
        self.name = name
        self.now = now
        self.check = _CHECKERS[name]
        self.positions = _NATURAL_KEYS.get(name)
        self.rows: list[tuple] = []
        self.count = 0
        # Where checked rows go as they come; without one, they are kept in `rows`.
        self.sink = sink
        self.uids: dict[object, int] = {}
        self.keys: dict[tuple, int] = {}

    def add(self, record: object) -> None:
        index = self.count
        row = self.check(_Record(self.name, index, record), self.now)
        other = self.uids.setdefault(row[0], index)
        if other != index:
            raise StoreError(
                f"{self.name}[{index}]: "
                + _("uid {uid} appears twice in the file (also {other})").format(
                    uid=_show(row[0]), other=f"{self.name}[{other}]"
                )
            )
        if self.positions:
            key = tuple(row[p] for p in self.positions)
            other = self.keys.setdefault(key, index)
            if other != index:
                raise StoreError(
                    f"{self.name}[{index}]: "
                    + _("{what} has a second review in the file (also {other})").format(
                        what=" ".join(map(str, key)), other=f"{self.name}[{other}]"
                    )
                )
        self.count += 1
        if self.sink is None:
            self.rows.append(row)
        else:
            self.sink.add(index, row)


def _check_section(data: Mapping[str, Any], section: str, now: str) -> list[tuple]:
    records = data.get(section, [])
    if not isinstance(records, list):
        raise StoreError(_("{section} must be a list of records").format(section=section))
    checked = _Section(section, now)
    for record in records:
        checked.add(record)
    return checked.rows


# ---------------------------------------------------------------------- reading a file


class ImportFile:
    """A loopbaan export read from a file, every record checked: the rows to import."""

    __slots__ = ("path", "rows")

    def __init__(self, path: Path, rows: dict[str, list[tuple]]) -> None:
        self.path = path
        self.rows = rows

    def __repr__(self) -> str:
        counts = ", ".join(f"{s} {len(r)}" for s, r in self.rows.items())
        return f"ImportFile({str(self.path)!r}: {counts})"


_WHITESPACE = re.compile(r"[ \t\n\r]*")
_DECODER = json.JSONDecoder()
# How close to the end of what is read a parse error may come from the value going
# on past it (`nul|l`, `-Infinit|y`, `1.5e|3`): then more is read and it is tried again.
_NEAR_THE_END = 16


class _JsonText:
    """The JSON text of a file, read and decoded a piece at a time.

    Only the text not parsed yet is kept; `line` and `column` say where in the file
    it starts, so that an error names its place.
    """

    def __init__(
        self, stream: IO[bytes], path: Path, progress: Callable[[int], None] | None = None
    ) -> None:
        self.stream = stream
        self.path = path
        self.progress = progress  # told the bytes read so far, after each read
        self.done = 0
        head = stream.read(4)
        encoding = json.detect_encoding(head)
        if encoding == "utf-8-sig":
            head = head[3:]
        elif encoding != "utf-8":  # UTF-16 or -32, as json.loads takes them: rare, read whole
            try:
                text = (head + stream.read()).decode(encoding)
            except UnicodeDecodeError:
                raise self._not_text() from None
            import io

            self.stream = io.BytesIO(text.encode("utf-8", "surrogatepass"))
            head = b""
        self.head = head
        self.decode = codecs.getincrementaldecoder("utf-8")("strict").decode
        self.text = ""
        self.pos = 0
        self.line = 1
        self.column = 1
        self.ended = False

    def _not_text(self) -> StoreError:
        return StoreError(_("{path} is not JSON text").format(path=self.path))

    def read_more(self) -> bool:
        """Drop what is parsed, read on; False at the end of the file."""
        if self.ended:
            return False
        text, pos = self.text, self.pos
        if pos:
            newlines = text.count("\n", 0, pos)
            if newlines:
                self.line += newlines
                self.column = pos - text.rfind("\n", 0, pos)
            else:
                self.column += pos
        # At least as much again as is held, so a long value is parsed a few times only.
        data = self.head + self.stream.read(max(READ_BYTES, len(text) - pos))
        self.head = b""
        if self.progress is not None:
            self.done += len(data)
            self.progress(self.done)
        try:
            more = self.decode(data, final=not data)
        except UnicodeDecodeError:
            raise self._not_text() from None
        self.text = text[pos:] + more
        self.pos = 0
        self.ended = not data
        return True

    def _place(self, index: int) -> dict[str, object]:
        newlines = self.text.count("\n", 0, index)
        if newlines:
            return {"line": self.line + newlines, "column": index - self.text.rfind("\n", 0, index)}
        return {"line": self.line, "column": self.column + index}

    def not_json(self, index: int) -> StoreError:
        return StoreError(
            _("{path} is not JSON (line {line}, column {column})").format(
                path=self.path, **self._place(index)
            )
        )

    def next_char(self) -> str:
        """The next character past whitespace ("" at the end), not taken yet."""
        while True:
            match = _WHITESPACE.match(self.text, self.pos)
            assert match is not None
            self.pos = match.end()
            if self.pos < len(self.text):
                return self.text[self.pos]
            if not self.read_more():
                return ""

    def take(self, chars: str) -> str:
        """The next character past whitespace, which must be one of `chars`."""
        char = self.next_char()
        if not char or char not in chars:
            raise self.not_json(self.pos)
        self.pos += 1
        return char

    def value(self) -> Any:
        """The JSON value that starts at the next character."""
        self.next_char()
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, self.pos)
            except json.JSONDecodeError as error:
                cut = error.pos >= len(self.text) - _NEAR_THE_END or error.msg.startswith(
                    "Unterminated string"
                )
                if cut and self.read_more():
                    continue
                raise self.not_json(error.pos) from None
            except RecursionError:
                raise StoreError(
                    _("{path}: lists or objects nested too deeply (line {line})").format(
                        path=self.path, line=self._place(self.pos)["line"]
                    )
                ) from None
            except ValueError:  # an integer of thousands of digits
                raise StoreError(
                    _("{path}: a number too long to read (line {line})").format(
                        path=self.path, line=self._place(self.pos)["line"]
                    )
                ) from None
            if len(self.text) - end < _NEAR_THE_END and self.read_more():
                continue  # a number may go on past what is read
            self.pos = end
            return value

    def end(self) -> None:
        if self.next_char():
            raise self.not_json(self.pos)


def _read_section(text: _JsonText, section: _Section) -> StoreError | None:
    """The records of one list, each checked as it is parsed; the first problem, if any.

    After a problem the rest is still parsed, so that a file that is not even JSON
    says so first; nothing more is kept, or written.
    """
    problem = None
    text.take("[")
    if text.next_char() == "]":
        text.pos += 1
        return None
    while True:
        record = text.value()
        if problem is None:
            try:
                section.add(record)
            except StoreError as error:
                problem = error
                section.rows = []
        if text.take(",]") == "]":
            return problem


class _Restart(Exception):
    """The file names a section twice after the first was written: read it again, keeping it."""


def _read_export(text: _JsonText, now: str, writer: _Writer | None = None) -> ImportFile:
    """The file checked; with a writer, each section whose parents are written already
    goes into the journal as it is read, and only the others are kept."""
    header: dict[str, Any] = {}
    sections: dict[str, tuple[list[tuple], StoreError | None]] = {}
    streamed: set[str] = set()
    if text.next_char() != "{":
        text.value()  # JSON or not, it is no export; but if not, say that
        text.end()
        raise StoreError(_("{path}: not a loopbaan export").format(path=text.path))
    text.take("{")
    if text.next_char() == "}":
        text.pos += 1
    else:
        while True:
            if text.next_char() != '"':
                raise text.not_json(text.pos)
            key = text.value()
            text.take(":")
            # A name given twice counts the last time, as in json.loads.
            header.pop(key, None)
            sections.pop(key, None)
            if key in streamed:
                raise _Restart
            if key in _CHECKERS and text.next_char() == "[":
                sink = None
                if writer is not None and _header_problem(header) is None:
                    sink = writer.section(key)
                section = _Section(key, now, sink)
                problem = _read_section(text, section)
                sections[key] = (section.rows, problem)
                if sink is not None:
                    streamed.add(key)
                    if problem is None:
                        sink.close()
                    else:
                        writer = None  # all is undone at the end; write nothing more
            else:
                header[key] = text.value()
            if text.take(",}") == "}":
                break
    text.end()
    problem_text = _header_problem(header)
    if problem_text:
        raise StoreError(f"{text.path}: {problem_text}")
    rows: dict[str, list[tuple]] = {}
    for name in SECTIONS:
        if name in header:
            raise StoreError(
                f"{text.path}: " + _("{section} must be a list of records").format(section=name)
            )
        found, problem = sections.get(name, ([], None))
        if problem is not None:
            raise StoreError(f"{text.path}: {problem}")
        rows[name] = found
    return ImportFile(text.path, rows)


def check_readable(path: Path | str) -> None:
    """A StoreError in one line unless the file can be opened and read."""
    with _import_stream(Path(path)) as stream:
        stream.read(1)


@contextmanager
def _import_stream(path: Path) -> Iterator[IO[bytes]]:
    try:
        stream = path.open("rb")
    except OSError as error:
        raise StoreError(
            _("cannot read {path}: {error}").format(path=path, error=error.strerror or error)
        ) from None
    with stream:
        try:
            yield stream
        except OSError as error:  # a folder, a read error half-way
            raise StoreError(
                _("cannot read {path}: {error}").format(path=path, error=error.strerror or error)
            ) from None


def read_import_file(path: Path | str) -> ImportFile:
    """A loopbaan export read and checked, ready for `import_journal`; every row is kept.

    A StoreError says in one line why not: the file cannot be read, is not JSON,
    is not a loopbaan export, or one of its records is not one loopbaan would store.
    `import_file` does the same and writes as it reads, holding little.
    """
    path = Path(path)
    with _import_stream(path) as stream:
        return _read_export(_JsonText(stream, path), utc_now())


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


def import_journal(conn: sqlite3.Connection, data: ImportFile | Mapping[str, Any]) -> ImportReport:
    """Add the records the journal lacks, of a file read by `read_import_file` or of an
    export object (`transfer.export_journal`); all of them or, on any error, none."""
    where = ""
    if isinstance(data, ImportFile):
        checked = data.rows
        where = f"{data.path}: "
    else:
        problem = _header_problem(data)
        if problem:
            raise StoreError(problem)
        now = utc_now()
        checked = {section: _check_section(data, section, now) for section in SECTIONS}
    report = ImportReport()
    with _import_cache(conn), transaction(conn), indexed_in_bulk(conn):
        _Writer(conn, report).finish(checked, where)
    return report


def import_file(
    conn: sqlite3.Connection, path: Path | str, progress: Callable[[int], None] | None = None
) -> ImportReport:
    """Read a loopbaan export and add the records the journal lacks: all or, on any
    error (a StoreError in one line, as `read_import_file` gives), none.

    Each section whose parents are in the journal already is written as it is read,
    in the import's one transaction, so a file of any size is held a batch at a time.
    `progress` is told the bytes read so far, after each read.
    """
    path = Path(path)
    try:
        return _import_file(conn, path, progress)
    except _Restart:  # a section given twice: the last counts, so keep them all first
        return import_journal(conn, read_import_file(path))


def _import_file(
    conn: sqlite3.Connection, path: Path, progress: Callable[[int], None] | None
) -> ImportReport:
    report = ImportReport()
    with (
        _import_stream(path) as stream,
        _import_cache(conn),
        transaction(conn),
        indexed_in_bulk(conn),
    ):
        writer = _Writer(conn, report)
        kept = _read_export(_JsonText(stream, path, progress), utc_now(), writer)
        writer.finish(kept.rows, f"{path}: ")
    return report


@contextmanager
def _import_cache(conn: sqlite3.Connection) -> Iterator[None]:
    # The uid and day indexes take new rows all over; with the default 2 MB page
    # cache a ten-year import spends a third of its time re-reading index pages.
    (cache_size,) = conn.execute("PRAGMA cache_size").fetchone()
    conn.execute(f"PRAGMA cache_size = {min(cache_size, -IMPORT_CACHE_KIB)}")
    try:
        yield
    finally:
        conn.execute(f"PRAGMA cache_size = {cache_size}")


_PARENTS = frozenset(_REFERENCES.values())
# An item's goal and conversation may come later in the file: the item is written
# without them and they are set at the end. Other references need their parent first.
_LATER = {"items": {"goal_uid", "conversation_uid"}}


class _Writer:
    """Inserts what the journal lacks, a section at a time in any order its references
    allow, a batch at a time; a StoreError for a bad reference.

    Ids are handed out here, under the write lock, so every reference is known
    without reading a row back. Used in a transaction: an error undoes it all.
    """

    def __init__(self, conn: sqlite3.Connection, report: ImportReport) -> None:
        self.conn = conn
        self.report = report
        self.ids: dict[str, dict[str, int]] = {}  # uid to id, for each section written
        self.tasks: set[int] = set()  # the ids of tasks, the only items a postponement may move
        self.tags = _Tags(conn, report)
        # (field, item id or None if skipped, index, uid): the references set at the end
        self.later: list[tuple[str, int | None, int, str]] = []

    def section(self, name: str) -> _SectionWriter | None:
        """A writer for the section if every parent it needs now is written; else None."""
        if name in self.ids:
            return None
        _table, fields, _query_text = _SECTIONS[name]
        later = _LATER.get(name, set())
        needed = (_REFERENCES[f] for f in fields if f in _REFERENCES and f not in later)
        if any(parent not in self.ids for parent in needed):
            return None
        return _SectionWriter(self, name)

    def finish(self, rows: Mapping[str, list[tuple]], where: str = "") -> None:
        """Write the sections not written yet, parents first; then the late references.

        A refusal starts with `where`: the file's name and a colon, for a file.
        """
        try:
            self._finish(rows)
        except StoreError as error:
            raise StoreError(f"{where}{error}") from None

    def _finish(self, rows: Mapping[str, list[tuple]]) -> None:
        for name in _WRITE_ORDER:
            if name not in self.ids:
                section = _SectionWriter(self, name)
                for index, row in enumerate(rows.get(name, ())):
                    section.add(index, row)
                section.close()
        updates: dict[str, list[tuple[int, int]]] = {}
        for name, item_id, index, uid in self.later:
            target = self.ids[_REFERENCES[name]].get(uid)
            if target is None:
                raise StoreError(
                    f"items[{index}]: "
                    + _("{field} {value} is not in the file or the journal").format(
                        field=name, value=_show(uid)
                    )
                )
            if item_id is not None:
                updates.setdefault(name, []).append((target, item_id))
        for name, pairs in updates.items():
            self.conn.executemany(f"UPDATE item SET {_column(name)} = ? WHERE id = ?", pairs)


class _SectionWriter:
    """The rows of one section into its table, checked against the journal."""

    def __init__(self, writer: _Writer, section: str) -> None:
        conn = writer.conn
        self.writer = writer
        self.section = section
        table, fields, _query_text = _SECTIONS[section]
        self.positions = _NATURAL_KEYS.get(section)
        self.known: dict[str, int] = dict(conn.execute(f"SELECT uid, id FROM {table}").fetchall())
        (self.next_id,) = conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()
        if section == "items":
            tasks = conn.execute("SELECT id FROM item WHERE kind = 'task'")
            writer.tasks = {row[0] for row in tasks}
        self.taken: set[tuple] = set()
        if self.positions:
            columns = ", ".join(fields[p] for p in self.positions)
            self.taken = {tuple(row) for row in conn.execute(f"SELECT {columns} FROM {table}")}
        later = _LATER.get(section, set())
        self.refs = [
            (i, name, writer.ids[_REFERENCES[name]])
            for i, name in enumerate(fields)
            if name in _REFERENCES and name not in later
        ]
        self.later = [
            (i, name)
            for i, name in enumerate(fields)
            if name in later and _REFERENCES[name] not in writer.ids
        ]
        self.refs += [
            (i, name, writer.ids[_REFERENCES[name]])
            for i, name in enumerate(fields)
            if name in later and _REFERENCES[name] in writer.ids
        ]
        self.moved = fields.index("item_uid") if section == "postponements" else None
        self.tag_field = fields.index("tags") if "tags" in fields else None
        columns = ", ".join(_column(name) for name in fields if name != "tags")
        marks = ", ".join("?" * (len(fields) + (0 if self.tag_field is None else -1) + 1))
        self.sql = f"INSERT INTO {table} (id, {columns}) VALUES ({marks})"
        self.batch: list[tuple] = []
        self.added = 0
        self.parent = section in _PARENTS

    def add(self, index: int, record: tuple) -> None:
        writer = self.writer
        values: tuple | list = record
        skipped = record[0] in self.known
        if self.refs or self.later:
            resolved = _resolve(self.section, index, record, self.refs)
            if self.moved is not None and resolved[self.moved] not in writer.tasks:
                raise StoreError(
                    f"{self.section}[{index}]: "
                    + _("item_uid {value} is not a task; only tasks are postponed").format(
                        value=_show(record[self.moved])
                    )
                )
            for i, name in self.later:
                if resolved[i] is not None:
                    item_id = None if skipped else self.next_id
                    writer.later.append((name, item_id, index, resolved[i]))
                    resolved[i] = None
            values = resolved
        uid = values[0]
        if self.positions is not None and tuple(values[p] for p in self.positions) in self.taken:
            skipped = True
        if skipped:
            writer.report.skipped[self.section] += 1
            return
        if self.parent:  # the uids of the file are found by _Section; these are for references
            self.known[uid] = self.next_id
        if self.tag_field is not None:
            if values[1] == Kind.TASK:
                writer.tasks.add(self.next_id)
            writer.tags.add(self.next_id, values[self.tag_field])
            values = [*values[: self.tag_field], *values[self.tag_field + 1 :]]
        self.batch.append((self.next_id, *values))
        self.next_id += 1
        self.added += 1
        if len(self.batch) >= BATCH_ROWS:
            self.flush()

    def flush(self) -> None:
        if self.batch:
            self.writer.conn.executemany(self.sql, self.batch)
            self.batch = []
        self.writer.tags.write()

    def close(self) -> None:
        self.flush()
        self.writer.report.added[self.section] = self.added
        self.writer.ids[self.section] = self.known


class _Tags:
    """Tags are matched by name; the ones the journal lacks are made with a fresh uid."""

    def __init__(self, conn: sqlite3.Connection, report: ImportReport) -> None:
        self.conn = conn
        self.report = report
        self.ids: dict[str, int] = dict(conn.execute("SELECT name, id FROM tag").fetchall())
        (self.next_id,) = conn.execute("SELECT coalesce(max(id), 0) + 1 FROM tag").fetchone()
        self.new: list[tuple[int, str, str]] = []
        self.links: list[tuple[int, int]] = []

    def add(self, item_id: int, names: list[str]) -> None:
        for name in names:
            tag_id = self.ids.get(name)
            if tag_id is None:
                tag_id = self.ids[name] = self.next_id
                self.new.append((tag_id, new_uid(), name))
                self.next_id += 1
            self.links.append((item_id, tag_id))

    def write(self) -> None:
        """After the items they link: the new tags, then the links."""
        if self.new:
            self.conn.executemany("INSERT INTO tag (id, uid, name) VALUES (?, ?, ?)", self.new)
            self.report.tags_added += len(self.new)
            self.new = []
        if self.links:
            self.conn.executemany(
                "INSERT INTO item_tag (item_id, tag_id) VALUES (?, ?)", self.links
            )
            self.links = []


def _resolve(
    section: str, index: int, values: tuple, refs: list[tuple[int, str, dict[str, int]]]
) -> list:
    """The record's values with each `*_uid` replaced by the id it refers to."""
    resolved = list(values)
    for i, name, targets in refs:
        if resolved[i] is not None:
            target = targets.get(resolved[i])
            if target is None:
                raise StoreError(
                    f"{section}[{index}]: "
                    + _("{field} {value} is not in the file or the journal").format(
                        field=name, value=_show(resolved[i])
                    )
                )
            resolved[i] = target
    return resolved


def _column(name: str) -> str:
    return name[: -len("_uid")] + "_id" if name in _REFERENCES else name
