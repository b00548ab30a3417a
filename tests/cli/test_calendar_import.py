"""Calendar import (`loopbaan import FILE.ics`): events as appointments on their local days.

Every case reads a hand-written calendar from tests/fixtures/calendar/, with the local
time zone passed in (never the machine's) and "today" fixed at Monday 23 November 2026.
"""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from loopbaan.cli import main
from loopbaan.domain import Kind, Rating
from loopbaan.store import items, open_journal
from loopbaan.store.calendar import (
    CalendarError,
    appointment_uid,
    default_window,
    import_appointments,
    read_calendar,
)

FIXTURES = Path(__file__).parents[1] / "fixtures" / "calendar"
TODAY = date(2026, 11, 23)
AMSTERDAM = ZoneInfo("Europe/Amsterdam")
SINCE, UNTIL = default_window(TODAY)  # 2026-10-24 .. 2026-12-07


def read(name: str, *, zone: ZoneInfo = AMSTERDAM, **options):
    window = {"since": SINCE, "until": UNTIL, **options}
    return read_calendar(FIXTURES / name, zone=zone, **window)


def load(conn: sqlite3.Connection, name: str, **options):
    return import_appointments(conn, read(name, **options))


def appointments(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    rows = conn.execute("SELECT day, title, kind, rating FROM item ORDER BY day, title").fetchall()
    assert all(row["kind"] == Kind.APPOINTMENT.value for row in rows)
    return [(row["day"], row["title"]) for row in rows]


def test_the_default_window_is_thirty_days_back_and_fourteen_ahead() -> None:
    assert default_window(TODAY) == (date(2026, 10, 24), date(2026, 12, 7))


def test_a_single_event_becomes_an_appointment_with_its_tags(conn) -> None:
    report = load(conn, "single.ics")
    # The kick-off in January lies outside the window and is not imported.
    assert appointments(conn) == [("2026-11-20", "Career talk with Anna #career")]
    (item,) = items.items_for_day(conn, date(2026, 11, 20))
    assert item.kind is Kind.APPOINTMENT and item.rating is None and item.tags == ("career",)
    assert item.uid == appointment_uid("single-1@example.com")
    assert report.summary() == "added 1 appointment"


def test_a_wider_window_reaches_further_back(conn) -> None:
    load(conn, "single.ics", since=date(2026, 1, 1))
    assert ("2026-01-05", "Kick-off of the year") in appointments(conn)


def test_all_day_events_stay_on_their_date_and_a_long_one_on_its_first_day(conn) -> None:
    # In a zone far from UTC an all-day event keeps its date: it is no point in time.
    load(conn, "all-day.ics", zone=ZoneInfo("Pacific/Kiritimati"))
    assert appointments(conn) == [
        ("2026-11-24", "Training day"),
        ("2026-11-25", "Conference, three days"),
    ]


@pytest.mark.parametrize(
    ("zone", "expected"),
    [
        (
            "Europe/Amsterdam",
            [
                ("2026-11-23", "Late release check"),  # 23:30 UTC is 00:30 here
                ("2026-11-24", "Call with the Seattle team"),  # 20:00 in Seattle, 05:00 here
                ("2026-11-26", "Floating reminder call"),  # no zone: the day as written
            ],
        ),
        (
            "America/Los_Angeles",
            [
                ("2026-11-22", "Late release check"),
                ("2026-11-23", "Call with the Seattle team"),
                ("2026-11-26", "Floating reminder call"),
            ],
        ),
    ],
)
def test_timed_events_land_on_their_local_day(conn, zone: str, expected) -> None:
    load(conn, "zones.ics", zone=ZoneInfo(zone))
    assert appointments(conn) == expected


def test_a_recurring_event_is_expanded_with_its_exceptions(conn) -> None:
    report = load(conn, "recurring.ics")
    # Weekly from 2 November, six times: the 9th is excluded (EXDATE), the 16th moved to
    # Tuesday the 17th, the 30th cancelled.
    assert appointments(conn) == [
        ("2026-11-02", "Standup"),
        ("2026-11-17", "Standup (moved to Tuesday)"),
        ("2026-11-23", "Standup"),
        ("2026-12-07", "Standup"),
    ]
    assert report.added == 4 and report.skipped == 1
    # The moved occurrence keeps the identity of the one it replaces (its recurrence
    # id, 09:30 in Amsterdam = 08:30 UTC), so an earlier import of the 16th follows it.
    moved = conn.execute("SELECT uid FROM item WHERE day = '2026-11-17'").fetchone()["uid"]
    assert moved == appointment_uid("standup@example.com", "20261116T083000Z")


def test_the_window_cuts_a_series(conn) -> None:
    load(conn, "recurring.ics", since=date(2026, 11, 20), until=date(2026, 11, 30))
    assert appointments(conn) == [("2026-11-23", "Standup")]


def test_cancelled_and_declined_events_are_skipped(conn) -> None:
    report = load(conn, "cancelled.ics", me=["me@example.com"])
    # A colleague declining does not make it my declined invitation.
    assert appointments(conn) == [("2026-11-19", "Retro a colleague declined")]
    assert report.skipped == 2
    assert report.summary() == "added 1 appointment, skipped 2 cancelled/declined"


def test_without_me_a_declined_invitation_is_kept_and_said(conn) -> None:
    report = load(conn, "cancelled.ics")
    assert appointments(conn) == [
        ("2026-11-19", "All-hands I declined"),
        ("2026-11-19", "Retro a colleague declined"),
    ]
    assert report.skipped == 1 and report.unsure_declined == 2


def test_importing_again_adds_nothing(conn) -> None:
    for name in ("single.ics", "recurring.ics", "zones.ics", "all-day.ics"):
        load(conn, name)
    before = conn.execute("SELECT uid, day, title, updated_at FROM item ORDER BY id").fetchall()
    reports = [load(conn, name) for name in ("single.ics", "recurring.ics", "zones.ics")]
    after = conn.execute("SELECT uid, day, title, updated_at FROM item ORDER BY id").fetchall()
    assert [tuple(r) for r in after] == [tuple(r) for r in before]
    assert [r.added for r in reports] == [0, 0, 0]
    assert reports[1].summary() == (
        "added 0 appointments, skipped 1 cancelled/declined, 4 already there"
    )


def test_a_moved_event_moves_its_unrated_appointment_and_never_a_rating(conn) -> None:
    load(conn, "moved-before.ics")
    assert appointments(conn) == [
        ("2026-11-18", "One-on-one with Sam"),
        ("2026-11-20", "Design review"),
    ]
    (one_on_one,) = items.items_for_day(conn, date(2026, 11, 18))
    items.rate(conn, one_on_one.id, Rating.PLUS)
    conn.commit()
    report = load(conn, "moved-after.ics")
    # The unrated review follows its event to the new day and title; the rated
    # one-on-one stays where it was rated, with its rating.
    assert appointments(conn) == [
        ("2026-11-18", "One-on-one with Sam"),
        ("2026-11-24", "Design review (new time)"),
    ]
    assert items.get_item(conn, one_on_one.id).rating is Rating.PLUS
    assert (report.added, report.moved, report.already) == (0, 1, 1)
    assert report.summary() == "added 0 appointments, moved 1, 1 already there"


def test_a_cancelled_event_takes_its_unrated_appointment_away(conn, tmp_path: Path) -> None:
    load(conn, "moved-before.ics")
    (review,) = items.items_for_day(conn, date(2026, 11, 20))
    cancelled = tmp_path / "cancelled-later.ics"
    text = (FIXTURES / "moved-before.ics").read_text()
    cancelled.write_text(text.replace("SEQUENCE:0\n", "SEQUENCE:1\nSTATUS:CANCELLED\n"))
    items.rate(conn, items.items_for_day(conn, date(2026, 11, 18))[0].id, Rating.MINUS)
    conn.commit()
    report = import_appointments(
        conn, read_calendar(cancelled, since=SINCE, until=UNTIL, zone=AMSTERDAM)
    )
    # The unrated review is gone; the rated one-on-one stays, rating and all.
    assert appointments(conn) == [("2026-11-18", "One-on-one with Sam")]
    assert review.id not in {i.id for i in items.items_for_day(conn, date(2026, 11, 20))}
    assert (report.removed, report.skipped) == (1, 1)


@pytest.mark.parametrize(
    ("name", "problem"),
    [
        ("broken-date.ics", "DTSTART: Wrong datetime format"),
        ("truncated.ics", "not one whole calendar"),
        ("every-second.ics", "repeats every second or minute"),
        ("flood.ics", "more than 10000 events"),
    ],
)
def test_a_broken_or_hostile_file_adds_nothing(conn, name: str, problem: str) -> None:
    load(conn, "single.ics")
    with pytest.raises(CalendarError) as raised:
        load(conn, name)
    message = str(raised.value)
    assert problem in message and "\n" not in message and len(message) < 300
    assert appointments(conn) == [("2026-11-20", "Career talk with Anna #career")]


def test_a_rule_that_takes_forever_is_stopped(conn) -> None:
    with pytest.raises(CalendarError, match="takes too long"):
        load(conn, "slow.ics", time_limit=0.5)


def test_a_window_is_refused_when_too_long_or_backwards() -> None:
    with pytest.raises(CalendarError, match="before"):
        read("single.ics", since=date(2026, 12, 1), until=date(2026, 11, 1))
    with pytest.raises(CalendarError, match="days at a time"):
        read("single.ics", since=date(2020, 1, 1), until=date(2026, 1, 1))


def test_a_summary_with_nul_or_lines_becomes_one_clean_title(conn, tmp_path: Path) -> None:
    hostile = tmp_path / "hostile.ics"
    text = (FIXTURES / "single.ics").read_text()
    hostile.write_text(
        text.replace("SUMMARY:Career talk with Anna #career", "SUMMARY:Two\\nlines\x00 here")
        .replace("SUMMARY:Kick-off of the year", "SUMMARY:")
        .replace("20260105T", "20261121T")
    )
    import_appointments(conn, read_calendar(hostile, since=SINCE, until=UNTIL, zone=AMSTERDAM))
    assert appointments(conn) == [("2026-11-20", "Two lines here"), ("2026-11-21", "(no title)")]


# ------------------------------------------------------------------ the command line


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "journal.db"
    monkeypatch.setenv("LOOPBAAN_DB", str(db))
    monkeypatch.setenv("LOOPBAAN_TODAY", TODAY.isoformat())
    monkeypatch.setenv("LOOPBAAN_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("LOOPBAAN_LANG", "en")
    return db


def run(capsys, *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def test_the_command_imports_a_calendar_and_says_what_it_did(env: Path, capsys) -> None:
    code, out, err = run(capsys, "import", str(FIXTURES / "recurring.ics"))
    assert (code, err) == (0, "")
    assert out == "added 4 appointments, skipped 1 cancelled/declined\n"
    code, out, _err = run(capsys, "import", str(FIXTURES / "recurring.ics"))
    assert out == "added 0 appointments, skipped 1 cancelled/declined, 4 already there\n"
    code, out, _err = run(capsys, "list", "--day", "2026-11-23", "--format", "json")
    (standup,) = json.loads(out)
    assert standup["kind"] == "appointment" and standup["rating"] is None
    assert standup["title"] == "Standup"


def test_the_command_takes_a_window_and_who_i_am(env: Path, capsys, tmp_path: Path) -> None:
    code, out, _err = run(
        capsys, "import", str(FIXTURES / "recurring.ics"), "--since", "2026-11-20",
        "--until", "in", "6", "days",
    )  # fmt: skip
    assert (code, out) == (0, "added 1 appointment\n")
    (tmp_path / "config.toml").write_text('calendar_email = "me@example.com"\n')
    code, out, err = run(capsys, "import", str(FIXTURES / "cancelled.ics"))
    assert (code, err) == (0, "")
    assert out == "added 1 appointment, skipped 2 cancelled/declined\n"


def test_the_command_says_when_it_cannot_tell_who_declined(env: Path, capsys) -> None:
    code, out, err = run(capsys, "import", str(FIXTURES / "cancelled.ics"))
    assert code == 0 and out == "added 2 appointments, skipped 1 cancelled/declined\n"
    assert "--me EMAIL" in err and err.count("\n") == 1


def test_a_broken_calendar_is_one_line_and_makes_no_journal(env: Path, capsys) -> None:
    code, out, err = run(capsys, "import", str(FIXTURES / "broken-date.ics"))
    assert (code, out) == (1, "")
    assert err.startswith("loopbaan: ") and err.count("\n") == 1 and "nothing was added" in err
    assert not env.exists()


def test_a_backwards_window_is_bad_usage(env: Path, capsys) -> None:
    single = str(FIXTURES / "single.ics")
    code, out, err = run(capsys, "import", single, "--since", "tomorrow", "--until", "yesterday")
    assert (code, out) == (2, "")
    assert err == "loopbaan: --until 2026-11-22 is before --since 2026-11-24\n"


def test_calendar_options_are_refused_for_a_json_export(env: Path, capsys, tmp_path) -> None:
    export = tmp_path / "export.json"
    export.write_text('{"format": "loopbaan", "version": 1}')
    code, _out, err = run(capsys, "import", str(export), "--since", "yesterday")
    assert code == 2 and "--since is for a calendar" in err


def test_a_calendar_not_named_ics_is_recognised(env: Path, capsys, tmp_path) -> None:
    named = tmp_path / "calendar.txt"
    named.write_bytes((FIXTURES / "single.ics").read_bytes())
    code, out, _err = run(capsys, "import", str(named))
    assert (code, out) == (0, "added 1 appointment\n")


def test_the_quick_commands_do_not_load_the_calendar_libraries(env: Path) -> None:
    env_vars = {
        "LOOPBAAN_DB": str(env),
        "LOOPBAAN_TODAY": TODAY.isoformat(),
        "LOOPBAAN_CONFIG": str(env.parent / "config.toml"),
        "LOOPBAAN_LANG": "en",
        "PYTHONPATH": str(Path(__file__).parents[2] / "src"),
    }
    for command in (["log", "x"], ["list"], ["status"]):
        result = subprocess.run(
            [sys.executable, "-X", "importtime", "-m", "loopbaan", *command],
            capture_output=True,
            text=True,
            env=env_vars,
        )
        assert result.returncode == 0, result.stderr
        lines = result.stderr.splitlines()
        imported = {line.split("|")[-1].strip().split(".")[0] for line in lines}
        assert "loopbaan" in imported
        assert not imported & {"icalendar", "recurring_ical_events", "dateutil"}
    conn = open_journal(env)
    assert conn is not None
    conn.close()
