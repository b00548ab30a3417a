"""Whatever a user types or feeds the command line: one line and an exit code, never a traceback.

Generated with Hypothesis: import files (a real export mutated in its structure and
values, arbitrary JSON, cut and garbled bytes) are imported or refused whole; day
words at the ends of the calendar; ids of any size and shape; arguments that are not
UTF-8. Exit codes: 0 done, 1 a failure, 2 bad usage. The command line runs in this
process (`cli.main`), where an escaping exception is the traceback a user would see;
a few cases run it as a real process too.
"""

from __future__ import annotations

import contextlib
import copy
import io
import itertools
import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from loopbaan import cli
from loopbaan.days import RELATIVE, WEEKDAY_NAMES, DayError, parse_day
from loopbaan.domain import Kind
from loopbaan.store import items, open_journal, reviews, transaction
from loopbaan.store.importer import read_import_file
from loopbaan.store.transfer import SECTIONS
from tests.helpers import TODAY_ISO as TODAY

FUZZ = settings(
    max_examples=50,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@contextlib.contextmanager
def environment(**values: str | None) -> Iterator[None]:
    saved = {name: os.environ.get(name) for name in values}
    try:
        for name, value in values.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value
        yield
    finally:
        for name, value in saved.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


@dataclass
class Ran:
    code: int
    out: str
    err: str


def run(*args: str, today: str | None = TODAY) -> Ran:
    """`loopbaan ARGS` in this process; an exception other than argparse's exit escapes."""
    out, err = io.StringIO(), io.StringIO()
    with (
        environment(LOOPBAAN_TODAY=today),
        contextlib.redirect_stdout(out),
        contextlib.redirect_stderr(err),
    ):
        try:
            code = cli.main(list(args))
        except SystemExit as exit_:  # argparse's own exit, after its one line
            code = exit_.code if isinstance(exit_.code, int) else 2
    return Ran(code, out.getvalue(), err.getvalue())


def assert_one_line(ran: Ran) -> None:
    """A failure says why in one line on standard error, and no more."""
    assert ran.err.endswith("\n"), ran
    assert "\n" not in ran.err[:-1], ran
    assert ran.err.startswith("loopbaan"), ran
    assert "Traceback" not in ran.err


def dump(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


@dataclass
class World:
    folder: Path
    journal: Path  # a small journal of every kind of record; copy it before changing it
    export: dict[str, Any]  # its `loopbaan export`
    text: str  # the same, as written

    def copy(self, name: str = "target") -> Path:
        """A copy of the journal under a new name: a connection the command line left
        to the garbage collector never meets a file of the same name."""
        target = self.folder / "runs" / f"{name}-{next(_NUMBERS)}.db"
        target.parent.mkdir(exist_ok=True)
        shutil.copy(self.journal, target)
        return target


_NUMBERS = itertools.count()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Iterator[World]:
    folder = tmp_path_factory.mktemp("hostile")
    journal = folder / "journal.db"
    with environment(LOOPBAAN_CONFIG=str(folder / "no-config.toml"), LOOPBAAN_DB=None):
        db = ("--db", str(journal))
        assert run(*db, "log", "+ Gave the #talk", "--note", "went well").code == 0
        assert run(*db, "log", "@ Standup").code == 0
        assert run(*db, "log", "! Chase the #budget").code == 0
        assert run(*db, "log", "! Ask for feedback", "--day", "yesterday").code == 0
        assert run(*db, "log", "! Old idea", "--day", "last friday").code == 0
        assert run(*db, "postpone", "3", "--reason", "waiting", "--to", "wednesday").code == 0
        assert run(*db, "done", "4").code == 0
        assert run(*db, "drop", "5").code == 0
        conn = open_journal(journal)
        with transaction(conn):
            conn.execute(
                "INSERT INTO goal (uid, title, beacon, statement, direction, first_step, needs,"
                " supporters, status, target_day, position, created_at, updated_at) VALUES"
                " ('goal-1', 'Lead', 'a team', '', 'upward', '', '', '', 'active', NULL, 0,"
                " '2026-11-20 10:00:00.000000', '2026-11-20 10:00:00.000000')"
            )
            conn.execute(
                "INSERT INTO milestone (uid, goal_id, title, due_day, done_on, position)"
                " VALUES ('ms-1', 1, 'Ask', '2027-01-01', NULL, 0)"
            )
            conn.execute(
                "INSERT INTO conversation (uid, day, with_whom, role, kind, prepared, summary,"
                " outcome, created_at) VALUES ('talk-1', '2026-11-23', 'Ayla', 'mentor',"
                " 'feedback', '', '', '', '2026-11-23 10:00:00.000000')"
            )
            conn.execute(
                "INSERT INTO attitude_check (uid, day, attitude, score, note)"
                " VALUES ('check-1', '2026-11-23', 'curiosity', 4, '')"
            )
            conn.execute(
                "INSERT INTO week_review (uid, year, week, more_of, less_of, next_step,"
                " ask_feedback_from, finished_at) VALUES ('week-48', 2026, 48, 'talks', '',"
                " '', '', NULL)"
            )
            items.add_item(
                conn, "Follow up", day=date(2026, 11, 24), kind=Kind.TASK, goal_id=1,
                conversation_id=1,
            )  # fmt: skip
            reviews.save_day_review(conn, date(2026, 11, 23), energy=4, liked="the talk")
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.close()
        exported = folder / "export.json"
        assert run(*db, "export", "-o", str(exported)).code == 0
    text = exported.read_text("utf-8")
    data = json.loads(text)
    assert all(data[section] for section in SECTIONS)
    yield World(folder, journal, data, text)


@pytest.fixture
def quiet(world: World) -> Iterator[None]:
    with environment(LOOPBAAN_CONFIG=str(world.folder / "no-config.toml"), LOOPBAAN_DB=None):
        yield


def check_import(world: World, content: bytes) -> Ran:
    """Import `content` into a copy of the journal: done, or refused in one line, unchanged."""
    target = world.copy()
    source = world.folder / "runs" / "in.json"
    source.write_bytes(content)
    before = dump(target)
    ran = run("--db", str(target), "import", str(source))
    if ran.code == 0:
        # What came in goes out and back in again: the journal stays one the app can use.
        again = world.folder / "runs" / "again.json"
        assert run("--db", str(target), "export", "-o", str(again)).code == 0
        fresh = world.copy("fresh")
        fresh.unlink()
        assert run("--db", str(fresh), "import", str(again)).code == 0, "re-import"
        assert run("--db", str(target), "list", "--day", "2026-11-24").code == 0
    else:
        assert ran.code == 1, ran
        assert_one_line(ran)
        assert dump(target) == before
    return ran


# ---------------------------------------------------------------------- import files

# Values a field may be given: the plausible, the wrong type, the edges.
EDGES = st.sampled_from(
    [
        "", " ", "\ud800", "x\udcff", "😀", "\x1b[2J", "0001-01-01", "9999-12-31", "2026-02-30",
        "2026-11-23", "2026-11-24", "99999-01-01", "2026-11-23T10:00:00Z",
        "99999-01-01T00:00:00", "9999-12-31T23:59:59-01:00", "0001-01-01T00:30:00+01:00",
        "task", "activity", "appointment", "open", "done", "dropped", "plus", "minus",
        "great", "waiting", "active", "mentor", "career", "goal-1", "talk-1", "ms-1",
        "week-48", "check-1", 2**63, -(2**63) - 1, 2**62, 0, 1, 5, 6, 53, 2026, -1, 1.5,
        float("inf"), float("nan"), True, None, [], {},
    ]
)  # fmt: skip
SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(min_value=-(2**80), max_value=2**80)
    | st.floats()
    | st.text(max_size=12)
    | EDGES
)
VALUES = st.recursive(
    SCALARS,
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)
    ),
    max_leaves=6,
)
FIELDS = [
    "uid", "kind", "title", "day", "rating", "note", "status", "done_on", "goal_uid",
    "conversation_uid", "item_uid", "tags", "created_at", "updated_at", "from_day", "to_day",
    "reason", "energy", "year", "week", "position", "score", "attitude", "finished_at",
    "direction", "target_day", "due_day", "role", "with_whom", "liked", "unknown",
]  # fmt: skip


@st.composite
def mutated_exports(draw: st.DrawFn, base: dict[str, Any]) -> dict[str, Any]:
    data = copy.deepcopy(base)
    for _ in range(draw(st.integers(1, 4))):
        section = draw(st.sampled_from(SECTIONS))
        records = data.get(section)
        how = draw(
            st.sampled_from(
                ["set", "set", "set", "drop", "swap", "twin", "record", "section", "header", "deep"]
            )
        )
        if how in ("set", "drop", "swap", "twin", "record", "deep") and (
            not isinstance(records, list) or not records
        ):
            continue
        listed = isinstance(records, list) and bool(records)
        index = draw(st.integers(0, len(records) - 1)) if listed else 0
        record = records[index] if listed else None
        if how == "set" and isinstance(record, dict):
            record[draw(st.sampled_from(FIELDS))] = draw(VALUES)
        elif how == "drop" and isinstance(record, dict) and record:
            del record[draw(st.sampled_from(sorted(record)))]
        elif how == "swap" and isinstance(record, dict):
            # a value from another record or section: a uid where a uid goes, a day…
            other = draw(st.sampled_from([r for s in SECTIONS for r in base[s]]))
            name = draw(st.sampled_from(sorted(other)))
            record[draw(st.sampled_from([name, *FIELDS]))] = copy.deepcopy(other[name])
        elif how == "twin":
            records.append(copy.deepcopy(draw(st.sampled_from(records))))
        elif how == "record":
            records[index] = draw(VALUES)
        elif how == "section":
            data[section] = draw(VALUES)
        elif how == "header":
            data[draw(st.sampled_from(["format", "version", "exported_at", "extra"]))] = draw(
                VALUES
            )
        elif how == "deep" and isinstance(record, dict):
            value: Any = draw(VALUES)
            for _ in range(draw(st.integers(1, 200))):
                value = [value]
            record[draw(st.sampled_from(FIELDS))] = value
    return data


def encoded(data: Any, ascii_only: bool) -> bytes:
    # Without ensure_ascii a lone surrogate is written as the bytes it would be (ED A0 80…),
    # which is not UTF-8; with it, as an escape (\ud800) that JSON allows.
    return json.dumps(data, ensure_ascii=ascii_only).encode("utf-8", "surrogatepass")


@FUZZ
@given(data=st.data(), ascii_only=st.booleans())
def test_a_mutated_export_is_imported_or_refused_in_one_line(
    world: World, quiet: None, data: st.DataObject, ascii_only: bool
) -> None:
    mutated = data.draw(mutated_exports(world.export))
    check_import(world, encoded(mutated, ascii_only))


@FUZZ
@given(
    value=VALUES,
    shape=st.sampled_from(["bare", "header", "section"]),
    section=st.sampled_from(SECTIONS),
)
def test_any_json_is_imported_or_refused_in_one_line(
    world: World, quiet: None, value: Any, shape: str, section: str
) -> None:
    header = {"format": "loopbaan", "version": 1}
    document = {
        "bare": value,
        "header": header | (value if isinstance(value, dict) else {"x": value}),
        "section": header | {section: value if isinstance(value, list) else [value]},
    }[shape]
    check_import(world, encoded(document, True))


@FUZZ
@given(data=st.data())
def test_cut_and_garbled_files_are_refused_in_one_line(
    world: World, quiet: None, data: st.DataObject
) -> None:
    content = bytearray(world.text.encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(content)))
        how = data.draw(st.sampled_from(["cut", "byte", "delete", "insert"]))
        if how == "cut":
            del content[at:]
        elif how == "byte" and at < len(content):
            content[at] = data.draw(st.integers(0, 255))
        elif how == "delete":
            del content[at : at + data.draw(st.integers(1, 20))]
        else:
            content[at:at] = data.draw(st.binary(min_size=1, max_size=8))
    check_import(world, bytes(content))


@FUZZ
@given(data=st.data(), piece=st.integers(1, 64))
def test_the_reader_finds_what_json_finds(
    world: World, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, data: st.DataObject, piece: int
) -> None:
    """Read in pieces of any size, a file is JSON exactly when json.loads says so, and
    the error names the line and column json.loads names."""
    import loopbaan.store.importer as importer

    # As written (a record a line), or all on one line: columns counted across reads.
    text = data.draw(st.sampled_from([world.text, json.dumps(world.export)]))
    for _ in range(data.draw(st.integers(1, 3))):
        at = data.draw(st.integers(0, len(text)))
        if data.draw(st.booleans()):
            text = text[:at] + text[at + data.draw(st.integers(1, 5)) :]
        else:
            text = text[:at] + data.draw(st.sampled_from(list('{}[],:"\\ \n0-eE.tn'))) + text[at:]
    path = tmp_path / "in.json"
    path.write_text(text, "utf-8")
    monkeypatch.setattr(importer, "READ_BYTES", piece)
    try:
        json.loads(text)
    except json.JSONDecodeError as error:
        expected = f"{path} is not JSON (line {error.lineno}, column {error.colno})"
    else:
        expected = None
    try:
        read_import_file(path)
    except Exception as error:  # a StoreError, or the test fails here
        assert type(error).__name__ == "StoreError", error
        if expected is not None:
            assert str(error) == expected
        else:
            assert "is not JSON" not in str(error)
    else:
        assert expected is None


def test_a_file_nested_100000_deep_is_refused_in_one_line(world: World, quiet: None) -> None:
    deep = b"[" * 100_000 + b"]" * 100_000
    assert "nested too deeply" in check_import(world, deep).err
    record = b'{"format": "loopbaan", "version": 1, "goals": [{"title": ' + deep + b"}]}"
    assert "nested too deeply" in check_import(world, record).err


def test_a_lone_surrogate_anywhere_refuses_the_whole_file(world: World, quiet: None) -> None:
    for section, field in [("items", "title"), ("day_reviews", "liked"), ("goals", "beacon")]:
        data = copy.deepcopy(world.export)
        data[section][0][field] = "ok \ud800"
        ran = check_import(world, encoded(data, True))
        assert ran.err.endswith(
            f"{section}[0]: {field} is not valid Unicode text (it holds a lone surrogate)\n"
        )


@pytest.mark.parametrize(
    "created_at",
    ["99999-01-01T00:00:00", "99999-01-01T00:00:00Z", "9999-12-31T23:59:59-01:00"],
)
def test_times_outside_pythons_range_refuse_the_file(
    world: World, quiet: None, created_at: str
) -> None:
    data = copy.deepcopy(world.export)
    data["items"][0]["created_at"] = created_at
    assert check_import(world, encoded(data, True)).code == 1


# ---------------------------------------------------------------------- days

EDGE_DAYS = st.one_of(
    st.dates(),
    st.integers(0, 8).map(lambda n: date.min + timedelta(n)),
    st.integers(0, 8).map(lambda n: date.max - timedelta(n)),
)
COUNTS = st.one_of(
    st.integers(0, 10**30).map(str), st.sampled_from(["a", "one", "een", "9" * 5000, "٣", "-1"])
)
DAY_PHRASES = st.one_of(
    st.sampled_from(sorted(RELATIVE) + sorted(WEEKDAY_NAMES)),
    st.tuples(
        st.sampled_from(["next", "last", "volgende", "vorige"]),
        st.sampled_from([*WEEKDAY_NAMES, "week"]),
    ).map(" ".join),
    st.tuples(st.sampled_from(["in", "over"]), COUNTS, st.sampled_from(["days", "weken"])).map(
        " ".join
    ),
    st.tuples(COUNTS, st.sampled_from(["day", "weeks"]), st.sampled_from(["ago", "geleden"])).map(
        " ".join
    ),
    EDGE_DAYS.map(date.isoformat),
    st.text(max_size=20),
)


@settings(max_examples=200, deadline=None)
@given(phrase=DAY_PHRASES, base=EDGE_DAYS, ahead=st.booleans())
def test_a_day_phrase_is_a_day_or_one_day_error(phrase: str, base: date, ahead: bool) -> None:
    try:
        day = parse_day(phrase, ahead=ahead, base=base)
    except DayError as error:
        assert "\n" not in str(error)
    else:
        assert isinstance(day, date)


@FUZZ
@given(phrase=DAY_PHRASES, today=EDGE_DAYS, option=st.sampled_from(["--day", "--to"]))
def test_days_at_the_ends_of_the_calendar_are_one_line(
    world: World, quiet: None, phrase: str, today: date, option: str
) -> None:
    target = world.copy()
    if option == "--day":
        commands = [["list", "--day", phrase], ["log", "! x", "--day", phrase]]
    else:
        commands = [["postpone", "3", "--reason", "other", "--to", phrase]]
    commands.append(["postpone", "3", "--reason", "unclear"])  # to the day after today
    for command in commands:
        ran = run("--db", str(target), *command, today=today.isoformat())
        assert ran.code in (0, 1, 2), ran
        if ran.code:
            assert_one_line(ran)


def test_tomorrow_on_the_last_day_is_one_line_and_exit_2(world: World, quiet: None) -> None:
    target = world.copy()
    for command in (["log", "x", "--day", "tomorrow"], ["list", "--day", "in 2 days"]):
        ran = run("--db", str(target), *command, today="9999-12-31")
        assert ran.code == 2
        assert_one_line(ran)
        assert "outside the calendar" in ran.err
    ran = run("--db", str(target), "list", "--day", "yesterday", today="0001-01-01")
    assert ran.code == 2 and "outside the calendar" in ran.err
    ran = run("--db", str(target), "postpone", "3", "--reason", "other", today="9999-12-31")
    assert ran.code == 2 and "no day after 9999-12-31" in ran.err
    assert_one_line(ran)


@pytest.mark.parametrize(
    "value", ["nonsense", "2026-02-30", "10000-01-01", "2026-11-23T10:00", " 2026-11-23", "\udcff"]
)
@pytest.mark.parametrize(
    "command", [["status"], ["list"], ["list", "--day", "today"], ["log", "x"], ["done", "3"]]
)
def test_a_loopbaan_today_that_is_no_date_is_one_line_and_exit_2(
    world: World, quiet: None, value: str, command: list[str]
) -> None:
    target = world.copy()
    before = dump(target)
    ran = run("--db", str(target), *command, today=value)
    assert ran.code == 2
    assert_one_line(ran)
    assert "LOOPBAAN_TODAY is not a date" in ran.err
    assert dump(target) == before


# ---------------------------------------------------------------------- ids

ID_TEXTS = st.one_of(
    st.integers().map(str),
    st.integers(min_value=2**63 - 3, max_value=2**200).map(str),
    st.integers(max_value=0).map(str),
    st.text(max_size=30),
    st.sampled_from(["0", "-0", "1e3", "0x10", " 3 ", "٣", "3_0", "9" * 5000, "", "+3", "3.0"]),
)


def id_commands() -> list[str]:
    parser = cli.build_parser()
    choices = next(a.choices for a in parser._actions if isinstance(a.choices, dict))
    return [name for name in ("done", "drop", "postpone", "delete") if name in choices]


@FUZZ
@given(command=st.sampled_from(id_commands()), text=ID_TEXTS)
def test_any_id_is_done_or_one_line(world: World, quiet: None, command: str, text: str) -> None:
    target = world.copy()
    before = dump(target)
    options = ["--reason", "other", "--to", "2030-01-01"] if command == "postpone" else []
    ran = run("--db", str(target), command, *options, "--", text)
    assert ran.code in (0, 1, 2), ran
    if ran.code == 0:  # only a task of the journal's own (ids 1 to 6)
        assert 1 <= int(text) <= 6
    else:
        assert_one_line(ran)
        assert dump(target) == before


@pytest.mark.parametrize("text", ["99999999999999999999999", str(2**63), "-5", "abc"])
def test_an_id_beyond_sqlite_is_not_an_id(world: World, quiet: None, text: str) -> None:
    ran = run("--db", str(world.copy()), "done", "--", text)
    assert ran.code == 2
    assert_one_line(ran)
    assert "not an id" in ran.err


def test_the_largest_sqlite_id_is_an_id(world: World, quiet: None) -> None:
    ran = run("--db", str(world.copy()), "done", str(2**63 - 1))
    assert (ran.code, ran.err) == (1, f"loopbaan: no item with id {2**63 - 1}\n")


# ---------------------------------------------------------------------- arguments not UTF-8


@FUZZ
@given(raw=st.binary(min_size=1, max_size=12), where=st.sampled_from(["title", "note", "day"]))
def test_any_bytes_as_an_argument_are_taken_or_one_line(
    world: World, quiet: None, raw: bytes, where: str
) -> None:
    text = os.fsdecode(raw)  # as Python decodes the command line: surrogateescape
    target = world.copy()
    before = dump(target)
    args = {
        "title": ["log", "--", text],
        "note": ["log", "A title", "--note", text],
        "day": ["list", "--day", text],
    }[where]
    ran = run("--db", str(target), *args)
    assert ran.code in (0, 1, 2), ran
    if ran.code:
        assert_one_line(ran)
        assert dump(target) == before
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        assert ran.code == 2, ran  # never stored, never a day


@pytest.mark.parametrize(
    "args",
    [
        [b"log", b"bad\xff"],
        [b"log", b"\xed\xa0\x80 an encoded surrogate"],
        [b"log", b"cut \xe2\x82"],
        [b"log", b"fine", b"--note", b"\xff\xfe"],
        [b"list", b"--day", b"fri\xffday"],
        [b"done", b"1\xff"],
    ],
)
def test_arguments_that_are_not_utf8_are_one_line_and_exit_2(
    world: World, args: list[bytes]
) -> None:
    target = world.copy()
    before = dump(target)
    env = {
        **os.environ,
        "LOOPBAAN_TODAY": TODAY,
        "LOOPBAAN_CONFIG": str(world.folder / "no-config.toml"),
        "PYTHONUTF8": "1",
    }
    env.pop("LOOPBAAN_DB", None)
    result = subprocess.run(
        [sys.executable, "-m", "loopbaan", b"--db", os.fsencode(target), *args],
        capture_output=True,
        env=env,
        timeout=60,
    )
    assert result.returncode == 2, result
    assert result.stdout == b""
    assert result.stderr.count(b"\n") == 1 and b"Traceback" not in result.stderr, result.stderr
    assert dump(target) == before
    if args[0] == b"log":
        assert b"is not valid UTF-8 text" in result.stderr


# ---------------------------------------------------------------------- settings


def test_a_broken_settings_file_is_one_line_on_stderr_and_the_command_runs(
    world: World, tmp_path: Path
) -> None:
    config = tmp_path / "config.toml"
    config.write_text("theme = = 3\n")
    with environment(LOOPBAAN_CONFIG=str(config)):
        ran = run("--db", str(world.copy()), "status")
    assert ran.code == 0
    assert ran.out.startswith("review pending")
    assert_one_line(ran)
    assert ran.err.startswith(f"loopbaan: {config} is not valid TOML (")
    config.write_bytes(b"x = 1\n" * 1_000_000)
    with environment(LOOPBAAN_CONFIG=str(config)):
        ran = run("--db", str(world.copy()), "status")
    assert (ran.code, ran.err) == (
        0,
        f"loopbaan: {config} is larger than 16 KiB, too large to be settings;"
        " the default settings are used\n",
    )
