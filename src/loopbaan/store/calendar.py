"""Appointments from a calendar file (.ics): its events on their local days.

`read_calendar` parses the file (icalendar) and expands recurring events over a
window (recurring-ical-events) before anything is written; `import_appointments`
then merges them in one transaction. An appointment's uid is derived from the
event's UID and recurrence id (uuid5), so importing again finds what it added
before: nothing is added twice, an unrated appointment follows its event to a
new day or title, and a rating is never touched (docs/decisions/0016-calendar-import.md).

Only this path imports the two calendar libraries; the quick commands never do.
"""

from __future__ import annotations

import signal
import sqlite3
import threading
import uuid
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from datetime import UTC, date, datetime, time, timedelta, tzinfo
from pathlib import Path
from typing import Any, NamedTuple

from loopbaan.days import utc_now
from loopbaan.domain import Kind, Status
from loopbaan.i18n import _, ngettext
from loopbaan.store.db import transaction
from loopbaan.store.errors import StoreError
from loopbaan.store.items import clean_title, parse_tags, set_tags

DEFAULT_PAST_DAYS = 30  # the window without --since: the last 30 days …
DEFAULT_FUTURE_DAYS = 14  # … to the next 14
MAX_WINDOW_DAYS = 731  # two years a run; a longer history is imported in pieces
MAX_OCCURRENCES = 10_000  # events in the window; more is no one's calendar
MAX_BYTES = 50 * 1024 * 1024
TIME_LIMIT = 20.0  # seconds for reading and expanding; a hostile rule is refused
MAX_TITLE = 500
# The namespace of the appointment uids derived from calendar events: fixed forever,
# or a second import would add everything again.
CALENDAR_NAMESPACE = uuid.UUID("6f1d3c2e-5b7a-4e49-9a53-0c2f4d8e7b61")


class CalendarError(StoreError):
    """A calendar file that cannot be imported; nothing was added."""


class Appointment(NamedTuple):
    """One occurrence of an event, as it goes into the journal."""

    uid: str  # derived from the event's UID and recurrence id
    title: str
    day: date


class CalendarRead(NamedTuple):
    """What a calendar file holds for the window, read before anything is written."""

    appointments: list[Appointment]
    cancelled: list[str]  # derived uids of cancelled or declined occurrences
    unsure_declined: int  # events someone declined, when it is unknown who "me" is


class CalendarReport:
    """What an import did, for the one line the command prints."""

    def __init__(self) -> None:
        self.added = 0
        self.moved = 0  # unrated, to the event's new day (and title, if it changed too)
        self.renamed = 0  # unrated, the event's new title on the same day
        self.removed = 0  # unrated, no note, and its event is now cancelled or declined
        self.skipped = 0  # cancelled or declined, not in the journal
        self.already = 0  # in the journal as it is, or rated (a rating is never touched)
        self.unsure_declined = 0

    def summary(self) -> str:
        parts = [
            ngettext("added {n} appointment", "added {n} appointments", self.added).format(
                n=self.added
            )
        ]
        if self.moved:
            parts.append(_("moved {n}").format(n=self.moved))
        if self.renamed:
            parts.append(_("renamed {n}").format(n=self.renamed))
        if self.removed:
            parts.append(_("removed {n} cancelled/declined").format(n=self.removed))
        if self.skipped:
            parts.append(_("skipped {n} cancelled/declined").format(n=self.skipped))
        if self.already:
            parts.append(_("{n} already there").format(n=self.already))
        return ", ".join(parts)


def default_window(today: date) -> tuple[date, date]:
    return today - timedelta(days=DEFAULT_PAST_DAYS), today + timedelta(days=DEFAULT_FUTURE_DAYS)


def appointment_uid(event_uid: str, recurrence_id: str = "") -> str:
    """The journal uid of an event's occurrence: the same for every import of it."""
    name = event_uid if not recurrence_id else f"{event_uid}\n{recurrence_id}"
    return str(uuid.uuid5(CALENDAR_NAMESPACE, name))


def is_calendar_file(path: Path) -> bool:
    """An .ics file by name, or a file that starts as one (`BEGIN:VCALENDAR`)."""
    if path.suffix.lower() in (".ics", ".ical", ".ifb"):
        return True
    try:
        with path.open("rb") as stream:
            start = stream.read(64)
    except OSError:
        return False
    return start.lstrip(b"\xef\xbb\xbf \t\r\n").upper().startswith(b"BEGIN:VCALENDAR")


# ------------------------------------------------------------------------ reading


def _refuse(path: Path, why: object) -> CalendarError:
    text = " ".join(str(why).split())
    if len(text) > 100:
        text = text[:100] + "…"
    return CalendarError(
        _("{path} is not a calendar loopbaan can read: {why}; nothing was added").format(
            path=path, why=text
        )
    )


def _read_bytes(path: Path) -> bytes:
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_BYTES + 1)
    except OSError as error:
        raise CalendarError(
            _("cannot read {path}: {error}").format(path=path, error=error.strerror or error)
        ) from None
    if len(data) > MAX_BYTES:
        raise CalendarError(
            _("{path} is larger than {limit} MiB, too large for a calendar").format(
                path=path, limit=MAX_BYTES // 1024 // 1024
            )
        )
    return data


class _TooSlow(Exception):
    pass


@contextmanager
def _deadline(seconds: float | None) -> Iterator[None]:
    """Raise _TooSlow in the block after `seconds`: a recurrence rule can ask for
    billions of steps (every second since the year 1), and the libraries cannot be
    told to stop. Only where a timer signal can be had: the main thread on Unix."""
    if (
        not seconds
        or not hasattr(signal, "setitimer")
        or threading.current_thread() is not threading.main_thread()
    ):
        yield
        return

    def expire(_signum: int, _frame: object) -> None:
        raise _TooSlow

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _address(value: object) -> str:
    text = str(value).strip().lower()
    return text[7:] if text.startswith("mailto:") else text


def _as_list(value: object) -> list[Any]:
    if value is None:
        return []
    return list(value) if isinstance(value, list) else [value]


def _local_day(value: date, zone: tzinfo | None) -> date:
    """The local calendar day of an event's start: an all-day event's own date, a
    floating time's date as written, any other time converted to the local zone."""
    if not isinstance(value, datetime):
        return value
    if value.tzinfo is None:
        return value.date()
    return (value.astimezone(zone) if zone else value.astimezone()).date()


def _recurrence_key(value: object) -> str:
    """A recurrence id as text, the same whichever zone the file writes it in."""
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            return value.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
        return value.strftime("%Y%m%dT%H%M%S")
    if isinstance(value, date):
        return value.strftime("%Y%m%d")
    return str(value)


def _title(summary: object) -> str:
    """The event's SUMMARY as a title: one line, no NUL; "(no title)" if nothing is left."""
    text = " ".join(str(summary or "").replace("\x00", "").split())
    if len(text) > MAX_TITLE:
        text = text[: MAX_TITLE - 1] + "…"
    return clean_title(text) if text else _("(no title)")


def _declined(event: Any, me: set[str]) -> bool | None:
    """True if I declined, False if not; None if someone declined and "me" is unknown."""
    attendees = _as_list(event.get("ATTENDEE"))
    declined = [a for a in attendees if str(a.params.get("PARTSTAT", "")).upper() == "DECLINED"]
    if not declined:
        return False
    if not me:
        return None
    return any(_address(a) in me for a in declined)


def _me_from(calendar: Any, me: Iterable[str]) -> set[str]:
    """Who "me" is: the addresses given, else the calendar's name when it is an address
    (Google names a person's own calendar after them)."""
    found = {_address(m) for m in me if m.strip()}
    if not found:
        name = str(calendar.get("X-WR-CALNAME", "")).strip()
        if "@" in name and " " not in name:
            found.add(_address(name))
    return found


def read_calendar(
    path: Path | str,
    *,
    since: date,
    until: date,
    zone: tzinfo | None = None,
    me: Sequence[str] = (),
    time_limit: float | None = TIME_LIMIT,
) -> CalendarRead:
    """The events of a calendar file whose local start day is in since..until.

    `zone` is the local time zone (None: the system's). `me` are the user's
    addresses, for the invitations they declined. A file that cannot be read whole
    is a CalendarError in one line.
    """
    path = Path(path)
    if until < since:
        raise CalendarError(
            _("--until {until} is before --since {since}").format(
                until=until.isoformat(), since=since.isoformat()
            )
        )
    if (until - since).days + 1 > MAX_WINDOW_DAYS:
        raise CalendarError(
            _("a calendar is imported {n} days at a time at most: choose --since and --until"
              " closer together").format(n=MAX_WINDOW_DAYS)
        )  # fmt: skip
    data = _read_bytes(path)
    try:
        with _deadline(time_limit):
            return _read(path, data, since, until, zone, me)
    except _TooSlow:
        raise CalendarError(
            _("{path} takes too long to read (a recurrence rule repeats too often);"
              " nothing was added").format(path=path)
        ) from None  # fmt: skip
    except RecursionError:
        raise _refuse(path, _("nested too deeply")) from None


def _read(
    path: Path, data: bytes, since: date, until: date, zone: tzinfo | None, me: Sequence[str]
) -> CalendarRead:
    import icalendar
    import recurring_ical_events  # type: ignore[import-untyped]  # no py.typed

    try:
        calendar = icalendar.Calendar.from_ical(data)
    except (ValueError, TypeError, KeyError, IndexError) as error:
        why = str(error)
        if why.startswith("Found no components"):  # it quotes the whole file
            why = _("it is not one whole calendar, BEGIN:VCALENDAR to END:VCALENDAR")
        raise _refuse(path, why) from None
    if not isinstance(calendar, icalendar.Calendar) or calendar.name != "VCALENDAR":
        raise _refuse(path, _("it does not begin with BEGIN:VCALENDAR"))
    recurring: set[str] = set()
    for event in calendar.walk("VEVENT"):
        if event.errors:
            name, problem = event.errors[0]
            raise _refuse(path, f"{event.get('UID', '?')}: {name}: {problem}")
        if "DTSTART" not in event:
            raise _refuse(path, _("an event without a start ({uid})").format(uid=event.get("UID")))
        if any(key in event for key in ("RRULE", "RDATE", "RECURRENCE-ID")):
            recurring.add(str(event.get("UID", "")))
        for rule in _as_list(event.get("RRULE")):
            if str(rule.get("FREQ", [""])[0]).upper() in ("SECONDLY", "MINUTELY"):
                raise _refuse(
                    path, _("an event repeats every second or minute ({uid})").format(
                        uid=event.get("UID"))
                )  # fmt: skip
    everything_cancelled = str(calendar.get("METHOD", "")).upper() == "CANCEL"
    me_set = _me_from(calendar, me)
    local = zone or datetime.now().astimezone().tzinfo
    # A day's margin each side: the library compares in its own way, we by local day.
    start = datetime.combine(since - timedelta(days=1), time(0), tzinfo=local)
    stop = datetime.combine(until + timedelta(days=2), time(0), tzinfo=local)
    try:
        occurrences = recurring_ical_events.of(calendar).between(start, stop)
    except (ValueError, TypeError, KeyError, IndexError, OverflowError) as error:
        raise _refuse(path, error) from None
    if len(occurrences) > MAX_OCCURRENCES:
        raise CalendarError(
            _("{path} has more than {n} events between {since} and {until}: choose a shorter"
              " window with --since and --until; nothing was added").format(
                path=path, n=MAX_OCCURRENCES, since=since.isoformat(), until=until.isoformat()
            )
        )  # fmt: skip
    appointments: dict[str, Appointment] = {}
    cancelled: list[str] = []
    unsure = 0
    for event in occurrences:
        try:
            day = _local_day(event["DTSTART"].dt, zone)
        except (AttributeError, KeyError, ValueError, OverflowError) as error:
            raise _refuse(path, error) from None
        if not since <= day <= until:
            continue
        event_uid = str(event.get("UID", "")) or f"{event.get('SUMMARY', '')}\n{day}"
        key = ""
        if event_uid in recurring and "RECURRENCE-ID" in event:
            key = _recurrence_key(event["RECURRENCE-ID"].dt)
        uid = appointment_uid(event_uid, key)
        declined = _declined(event, me_set)
        if everything_cancelled or str(event.get("STATUS", "")).upper() == "CANCELLED" or declined:
            cancelled.append(uid)
            continue
        if declined is None:
            unsure += 1
        appointments.setdefault(uid, Appointment(uid, _title(event.get("SUMMARY")), day))
    ordered = sorted(appointments.values(), key=lambda a: (a.day, a.title))
    return CalendarRead(ordered, cancelled, unsure)


# ------------------------------------------------------------------------ writing


def import_appointments(conn: sqlite3.Connection, read: CalendarRead) -> CalendarReport:
    """Merge what `read_calendar` found, in one transaction: new occurrences are added,
    an unrated appointment follows its event, a rated one is left as it is."""
    report = CalendarReport()
    report.unsure_declined = read.unsure_declined
    now = utc_now()
    with transaction(conn):
        for appointment in read.appointments:
            row = conn.execute(
                "SELECT id, kind, title, day, rating FROM item WHERE uid = ?", (appointment.uid,)
            ).fetchone()
            if row is None:
                _insert(conn, appointment, now)
                report.added += 1
                continue
            follows = row["rating"] is None and row["kind"] == Kind.APPOINTMENT.value
            new_day = appointment.day.isoformat() != row["day"]
            new_title = appointment.title != row["title"]
            if not follows or not (new_day or new_title):
                report.already += 1
                continue
            conn.execute(
                "UPDATE item SET title = ?, day = ?, done_on = ?, updated_at = ? WHERE id = ?",
                (appointment.title, appointment.day.isoformat(), appointment.day.isoformat(),
                 now, row["id"]),
            )  # fmt: skip
            if new_title:
                set_tags(conn, row["id"], parse_tags(appointment.title))
            if new_day:
                report.moved += 1
            else:
                report.renamed += 1
        for uid in read.cancelled:
            cursor = conn.execute(
                "DELETE FROM item WHERE uid = ? AND kind = ? AND rating IS NULL AND note = ''",
                (uid, Kind.APPOINTMENT.value),
            )
            if cursor.rowcount:
                report.removed += 1
            else:
                report.skipped += 1
    return report


def _insert(conn: sqlite3.Connection, appointment: Appointment, now: str) -> None:
    day = appointment.day.isoformat()
    cursor = conn.execute(
        "INSERT INTO item (uid, kind, title, day, rating, note, status, done_on, goal_id,"
        " conversation_id, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, NULL, '', ?, ?, NULL, NULL, ?, ?)",
        (appointment.uid, Kind.APPOINTMENT.value, appointment.title, day,
         Status.DONE.value, day, now, now),
    )  # fmt: skip
    assert cursor.lastrowid is not None
    set_tags(conn, cursor.lastrowid, parse_tags(appointment.title))
