"""Export and import: the JSON round trip, merging, refusing bad files whole, CSV and Markdown."""

from __future__ import annotations

import copy
import csv
import io
import json
import re
import sqlite3
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from loopbaan.domain import Kind, Rating, Reason, Status
from loopbaan.store import StoreError, items, open_journal, reviews, transaction
from loopbaan.store.importer import import_file, import_journal, read_import_file
from loopbaan.store.markdown import write_markdown
from loopbaan.store.transfer import CSV_FIELDS, SECTIONS, export_journal, write_csv, write_json

MON = date(2026, 11, 23)
STAMP = "2026-11-23 17:05:09.123456"  # a stored time, as the journal keeps them
ISO_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z")


@pytest.fixture
def journal(tmp_path: Path):
    """Opens fresh journals in the test's own folder, closing them afterwards."""
    opened: list[sqlite3.Connection] = []

    def open_(name: str) -> sqlite3.Connection:
        conn = open_journal(tmp_path / name)
        opened.append(conn)
        return conn

    yield open_
    for conn in opened:
        conn.close()


class _Load:
    """Imports an export object one of three ways: as the object, or written to a file and
    read whole (`read_import_file`) or streamed into the journal as it is read (`import_file`)."""

    def __init__(self, how: str, folder: Path) -> None:
        self.how = how
        self.folder = folder
        self.count = 0
        self.where = ""  # what a refusal starts with: a file's refusal names the file

    def __call__(self, conn: sqlite3.Connection, data: dict[str, Any]):
        if self.how == "object":
            return import_journal(conn, data)
        self.count += 1
        path = self.folder / f"import{self.count}.json"
        path.write_text(json.dumps(data))
        self.where = f"{path}: "
        if self.how == "whole":
            return import_journal(conn, read_import_file(path))
        return import_file(conn, path)


@pytest.fixture(params=["object", "whole", "streamed"])
def load(request, tmp_path: Path) -> _Load:
    return _Load(request.param, tmp_path)


def _insert(conn: sqlite3.Connection, table: str, **values: Any) -> int:
    columns = ", ".join(values)
    marks = ", ".join("?" * len(values))
    cursor = conn.execute(
        f"INSERT INTO {table} ({columns}) VALUES ({marks})", tuple(values.values())
    )
    return cursor.lastrowid


def fill(conn: sqlite3.Connection) -> dict[str, int]:
    """A journal with every kind of record, links between them, and some odd text."""
    with transaction(conn):
        goal = _insert(
            conn,
            "goal",
            uid="goal-promoted",
            title="Get promoted",
            beacon="Lead a team",
            statement="Senior engineer by June",
            direction="upward",
            first_step="Ask for the criteria",
            needs="a sponsor",
            supporters="Ayla",
            status="active",
            target_day="2027-06-01",
            position=0,
            created_at=STAMP,
            updated_at="2026-11-24 08:00:00.000001",
        )
        _insert(
            conn,
            "goal",
            uid="goal-course",
            title="Take a course",
            beacon="",
            statement="",
            direction=None,
            first_step="",
            needs="",
            supporters="",
            status="paused",
            target_day=None,
            position=1,
            created_at=STAMP,
            updated_at=STAMP,
        )
        _insert(
            conn,
            "milestone",
            uid="ms-criteria",
            goal_id=goal,
            title="Ask for the criteria",
            due_day=None,
            done_on="2026-11-20",
            position=0,
        )
        _insert(
            conn,
            "milestone",
            uid="ms-project",
            goal_id=goal,
            title="Lead a project",
            due_day="2027-03-01",
            done_on=None,
            position=1,
        )
        talk = _insert(
            conn,
            "conversation",
            uid="talk-ayla",
            day=MON.isoformat(),
            with_whom="Ayla",
            role="mentor",
            kind="feedback",
            prepared="Ask how my talk landed",
            summary="Good, but too long",
            outcome="Shorten it",
            created_at=STAMP,
        )
        gave = items.add_item(
            conn, "Gave the #talk at #meetup", day=MON, rating=Rating.PLUS, note="went well\nok"
        )
        standup = items.add_item(
            conn, "Standup", day=MON, kind=Kind.APPOINTMENT, rating=Rating.NEUTRAL
        )
        items.set_tags(conn, standup.id, ["routine"])  # a tag the title does not show
        budget = items.add_item(conn, "Chase the #budget", day=MON, kind=Kind.TASK, goal_id=goal)
        items.postpone(conn, budget.id, MON + timedelta(1), Reason.WAITING, "for Sam")
        items.postpone(conn, budget.id, MON + timedelta(4), Reason.TOO_BIG)
        ask = items.add_item(
            conn, "Ask Ayla for #feedback", day=MON, kind=Kind.TASK, conversation_id=talk
        )
        items.set_status(conn, ask.id, Status.DONE, on=MON + timedelta(1))
        old = items.add_item(
            conn, "Old idea", day=MON - timedelta(3), kind=Kind.TASK, rating=Rating.MINUS
        )
        items.set_status(conn, old.id, Status.DROPPED)
        items.add_item(conn, "Überlegt: #Zukunft — ça va", day=MON + timedelta(1))
        reviews.save_day_review(
            conn,
            MON,
            energy=4,
            liked="the talk",
            disliked="long meetings",
            postponed_why="budget unclear",
            learned="ask early",
        )
        reviews.finish_day_review(conn, MON)
        reviews.save_day_review(conn, MON + timedelta(1), liked="a quiet day")
        _insert(
            conn,
            "week_review",
            uid="week-48",
            year=2026,
            week=48,
            more_of="talks",
            less_of="meetings",
            next_step="book the course",
            ask_feedback_from="Sam",
            finished_at=STAMP,
        )
        _insert(
            conn,
            "week_review",
            uid="week-47",
            year=2026,
            week=47,
            more_of="",
            less_of="",
            next_step="",
            ask_feedback_from="",
            finished_at=None,
        )
        _insert(
            conn,
            "attitude_check",
            uid="check-1",
            day=MON.isoformat(),
            attitude="concern",
            score=4,
            note="planning ahead",
        )
        _insert(
            conn,
            "attitude_check",
            uid="check-2",
            day=MON.isoformat(),
            attitude="curiosity",
            score=2,
            note="",
        )
    return {"goal": goal, "talk": talk, "budget": budget.id, "gave": gave.id, "ask": ask.id}


def dump(conn: sqlite3.Connection) -> dict[str, list[tuple]]:
    """Every row of every table, in storage order; the search index by its entries (its
    shadow tables are FTS5's own business)."""
    tables = [
        row[0]
        for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT GLOB 'search_*'"
            " ORDER BY name"
        )
    ]
    return {
        t: [tuple(r) for r in conn.execute(f"SELECT rowid, * FROM {t} ORDER BY rowid")]
        for t in tables
    }


def records(data: dict[str, Any]) -> dict[str, Any]:
    """An export without its time stamp: what two exports of the same journal share."""
    return {key: value for key, value in data.items() if key != "exported_at"}


def count(conn: sqlite3.Connection, table: str) -> int:
    return conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0]


# ---------------------------------------------------------------------- export


def test_export_carries_fields_uids_and_references(journal) -> None:
    conn = journal("a.db")
    ids = fill(conn)
    data = export_journal(conn)
    assert data["format"] == "loopbaan" and data["version"] == 1
    assert ISO_TIME.fullmatch(data["exported_at"])
    assert list(data) == ["format", "version", "exported_at", *SECTIONS]
    assert [i["title"] for i in data["items"]] == [
        "Gave the #talk at #meetup",
        "Standup",
        "Chase the #budget",
        "Ask Ayla for #feedback",
        "Old idea",
        "Überlegt: #Zukunft — ça va",
    ]  # in the order of their ids
    by_title = {i["title"]: i for i in data["items"]}
    budget = by_title["Chase the #budget"]
    (budget_uid, budget_created) = conn.execute(
        "SELECT uid, created_at FROM item WHERE id = ?", (ids["budget"],)
    ).fetchone()
    assert budget == {
        "uid": budget_uid,
        "kind": "task",
        "title": "Chase the #budget",
        "day": "2026-11-27",
        "rating": None,
        "note": "",
        "status": "open",
        "done_on": None,
        "goal_uid": "goal-promoted",
        "conversation_uid": None,
        "tags": ["budget"],
        "created_at": budget_created.replace(" ", "T") + "Z",
        "updated_at": budget["updated_at"],
    }
    assert ISO_TIME.fullmatch(budget["updated_at"])
    assert by_title["Gave the #talk at #meetup"]["tags"] == ["meetup", "talk"]
    assert by_title["Gave the #talk at #meetup"]["note"] == "went well\nok"
    assert by_title["Standup"]["tags"] == ["routine"]
    assert by_title["Überlegt: #Zukunft — ça va"]["tags"] == ["zukunft"]
    assert by_title["Ask Ayla for #feedback"]["conversation_uid"] == "talk-ayla"
    assert by_title["Ask Ayla for #feedback"]["done_on"] == "2026-11-24"
    assert by_title["Old idea"]["status"] == "dropped"
    assert [
        (p["item_uid"], p["from_day"], p["to_day"], p["reason"], p["note"])
        for p in data["postponements"]
    ] == [
        (budget_uid, "2026-11-23", "2026-11-24", "waiting", "for Sam"),
        (budget_uid, "2026-11-24", "2026-11-27", "too_big", ""),
    ]
    assert data["goals"][0] == {
        "uid": "goal-promoted",
        "title": "Get promoted",
        "beacon": "Lead a team",
        "statement": "Senior engineer by June",
        "direction": "upward",
        "first_step": "Ask for the criteria",
        "needs": "a sponsor",
        "supporters": "Ayla",
        "status": "active",
        "target_day": "2027-06-01",
        "position": 0,
        "created_at": "2026-11-23T17:05:09.123456Z",
        "updated_at": "2026-11-24T08:00:00.000001Z",
    }
    assert data["goals"][1]["direction"] is None and data["goals"][1]["target_day"] is None
    assert [(m["uid"], m["goal_uid"], m["done_on"]) for m in data["milestones"]] == [
        ("ms-criteria", "goal-promoted", "2026-11-20"),
        ("ms-project", "goal-promoted", None),
    ]
    monday, tuesday = data["day_reviews"]
    assert (monday["day"], monday["energy"], monday["learned"]) == ("2026-11-23", 4, "ask early")
    assert ISO_TIME.fullmatch(monday["finished_at"])
    assert (tuesday["energy"], tuesday["finished_at"], tuesday["liked"]) == (
        None,
        None,
        "a quiet day",
    )
    assert data["week_reviews"][0] == {
        "uid": "week-48",
        "year": 2026,
        "week": 48,
        "more_of": "talks",
        "less_of": "meetings",
        "next_step": "book the course",
        "ask_feedback_from": "Sam",
        "finished_at": "2026-11-23T17:05:09.123456Z",
    }
    assert data["conversations"] == [
        {
            "uid": "talk-ayla",
            "day": "2026-11-23",
            "with_whom": "Ayla",
            "role": "mentor",
            "kind": "feedback",
            "prepared": "Ask how my talk landed",
            "summary": "Good, but too long",
            "outcome": "Shorten it",
            "created_at": "2026-11-23T17:05:09.123456Z",
            "want": "",
            "their_interest": "",
            "alternative": "",
            "offer": "",
            "walk_away": "",
        }
    ]
    assert [tuple(check.values()) for check in data["attitude_checks"]] == [
        ("check-1", "2026-11-23", "concern", 4, "planning ahead"),
        ("check-2", "2026-11-23", "curiosity", 2, ""),
    ]
    assert list(data["attitude_checks"][0]) == ["uid", "day", "attitude", "score", "note"]
    assert not any("id" in record for section in SECTIONS for record in data[section])


def test_write_json_is_the_export(journal) -> None:
    conn = journal("a.db")
    fill(conn)
    stream = io.StringIO()
    write_json(conn, stream)
    written = json.loads(stream.getvalue())
    assert ISO_TIME.fullmatch(written["exported_at"])
    assert records(written) == records(export_journal(conn))
    assert "Überlegt" in stream.getvalue()  # readable, not \u-escaped


def test_empty_journal_exports_empty_sections(journal) -> None:
    conn = journal("empty.db")
    stream = io.StringIO()
    write_json(conn, stream)
    written = json.loads(stream.getvalue())
    assert records(written) == {"format": "loopbaan", "version": 1} | {key: [] for key in SECTIONS}


# ---------------------------------------------------------------------- round trip


def test_round_trip_into_an_empty_journal(journal, load) -> None:
    source = journal("a.db")
    fill(source)
    first = export_journal(source)
    assert all(first[section] for section in SECTIONS)  # every kind takes part
    target = journal("b.db")
    report = load(target, first)
    assert report.added == {section: len(first[section]) for section in SECTIONS}
    assert report.skipped == dict.fromkeys(SECTIONS, 0)
    assert report.total_added == 6 + 2 + 2 + 2 + 2 + 2 + 1 + 2
    assert report.tags_added == 6
    assert records(export_journal(target)) == records(first)
    # Below the export too, the rows are the same, down to their ids; tags by name.
    before, after = dump(source), dump(target)
    for table in before.keys() - {"tag", "item_tag"}:
        assert after[table] == before[table], table
    tagged = (
        "SELECT it.item_id, t.name FROM item_tag it JOIN tag t ON t.id = it.tag_id"
        " ORDER BY it.item_id, t.name"
    )
    assert list(map(tuple, target.execute(tagged))) == list(map(tuple, source.execute(tagged)))
    assert report.summary() == (
        "added 6 items, 2 postponements, 2 goals, 2 milestones, 2 day reviews,"
        " 2 week reviews, 1 conversation, 2 attitude checks"
    )


def test_importing_twice_adds_nothing(journal, load) -> None:
    source = journal("a.db")
    fill(source)
    data = export_journal(source)
    target = journal("b.db")
    load(target, data)
    before = dump(target)
    again = load(target, data)
    assert again.total_added == 0 and again.tags_added == 0
    assert again.skipped == {section: len(data[section]) for section in SECTIONS}
    assert dump(target) == before
    assert again.summary() == "nothing new to add; skipped 19 records already in the journal"
    # A journal's own export goes back into it without a trace, too.
    assert load(source, export_journal(source)).total_added == 0


def test_merge_keeps_what_the_journal_has(journal, load) -> None:
    source = journal("a.db")
    fill(source)
    data = export_journal(source)
    target = journal("b.db")
    with transaction(target):
        own = items.add_item(target, "Prepared the #talk", day=MON, rating=Rating.MINUS)
        reviews.save_day_review(target, MON, liked="mine")
        _insert(
            target,
            "week_review",
            uid="my-week-48",
            year=2026,
            week=48,
            more_of="mine",
            less_of="",
            next_step="",
            ask_feedback_from="",
            finished_at=None,
        )
    before = dump(target)
    report = load(target, data)
    after = dump(target)
    for table, rows in before.items():
        assert set(rows) <= set(after[table]), table
    # The day and the week that already had a review keep it; the other ones come in.
    assert report.skipped == dict.fromkeys(SECTIONS, 0) | {"day_reviews": 1, "week_reviews": 1}
    assert report.added["day_reviews"] == 1 and report.added["week_reviews"] == 1
    assert reviews.day_review(target, MON).liked == "mine"
    assert reviews.week_review(target, 2026, 48).more_of == "mine"
    assert count(target, "week_review") == 2
    assert count(target, "item") == 1 + len(data["items"])
    # Tags meet by name: one `talk` tag, carried by the own item and the imported one.
    assert target.execute("SELECT count(*) FROM tag WHERE name = 'talk'").fetchone()[0] == 1
    talk_items = target.execute(
        "SELECT i.title FROM item i JOIN item_tag it ON it.item_id = i.id"
        " JOIN tag t ON t.id = it.tag_id WHERE t.name = 'talk' ORDER BY i.id"
    ).fetchall()
    assert [r[0] for r in talk_items] == ["Prepared the #talk", "Gave the #talk at #meetup"]
    assert report.tags_added == 5
    # Imported records come after the journal's own and keep their links.
    merged = export_journal(target)
    assert merged["items"][0]["uid"] == own.uid
    assert merged["items"][1:] == data["items"]
    assert merged["postponements"] == data["postponements"]


def test_references_may_point_into_the_journal(journal, load) -> None:
    conn = journal("a.db")
    ids = fill(conn)
    budget_uid = conn.execute("SELECT uid FROM item WHERE id = ?", (ids["budget"],)).fetchone()[0]
    data = {
        "format": "loopbaan",
        "version": 1,
        "postponements": [
            {
                "uid": "late-move",
                "item_uid": budget_uid,
                "from_day": "2026-11-27",
                "to_day": "2026-11-30",
                "reason": "no_time",
            }
        ],
        "milestones": [{"uid": "ms-new", "goal_uid": "goal-course", "title": "Pick one"}],
    }
    report = load(conn, data)
    assert report.total_added == 2
    assert [(p.reason, p.note) for p in items.postponements_of(conn, ids["budget"])][-1] == (
        Reason.NO_TIME,
        "",
    )
    linked = conn.execute(
        "SELECT g.uid, m.position FROM milestone m JOIN goal g ON g.id = m.goal_id"
        " WHERE m.uid = 'ms-new'"
    ).fetchone()
    assert tuple(linked) == ("goal-course", 0)


def test_hand_written_records_get_defaults_and_utc(journal) -> None:
    conn = journal("a.db")
    data = {
        "format": "loopbaan",
        "version": 1,
        "items": [
            {"uid": "a", "title": "Hand-made", "day": "2026-11-23"},
            {
                "uid": "b",
                "kind": "task",
                "title": "Later",
                "day": "2026-11-24",
                "tags": ["CI", "ci", "plan-b"],
                "created_at": "2026-11-23T10:00:00+01:00",
            },
        ],
    }
    report = import_journal(conn, data)
    assert report.added["items"] == 2
    made, later = export_journal(conn)["items"]
    assert (made["kind"], made["status"], made["done_on"], made["note"]) == (
        "activity",
        "done",
        "2026-11-23",
        "",
    )
    assert ISO_TIME.fullmatch(made["created_at"]) and made["updated_at"] == made["created_at"]
    assert (later["status"], later["done_on"], later["tags"]) == ("open", None, ["ci", "plan-b"])
    assert later["created_at"] == later["updated_at"] == "2026-11-23T09:00:00.000000Z"
    stored = conn.execute("SELECT created_at FROM item WHERE uid = 'b'").fetchone()[0]
    assert stored == "2026-11-23 09:00:00.000000"


# ---------------------------------------------------------------------- refusing a file


def _set(section: str, index: int, **values: Any):
    def change(data: dict[str, Any]) -> None:
        data[section][index].update(values)

    return change


def _drop(section: str, index: int, name: str):
    def change(data: dict[str, Any]) -> None:
        del data[section][index][name]

    return change


def _replace(section: str, index: int, value: Any):
    def change(data: dict[str, Any]) -> None:
        data[section][index] = value

    return change


def _same_uid(data: dict[str, Any]) -> None:
    data["items"][0]["uid"] = data["items"][4]["uid"] = "twin"


def _same_day(data: dict[str, Any]) -> None:
    data["day_reviews"][1]["day"] = data["day_reviews"][0]["day"]


def _postpone_an_activity(data: dict[str, Any]) -> None:
    data["items"][0]["uid"] = data["postponements"][0]["item_uid"] = "gave"


def _goals_not_a_list(data: dict[str, Any]) -> None:
    data["goals"] = {"uid": "goal-promoted"}


BAD_FILES = [
    (
        _set("items", 0, rating="great"),
        "items[0]: rating 'great' is not one of plus, minus, neutral",
    ),
    (
        _set("items", 1, kind="meeting"),
        "items[1]: kind 'meeting' is not one of activity, appointment, task",
    ),
    (_set("items", 2, title="   "), "items[2]: title is empty"),
    (_set("items", 0, title=42), "items[0]: title must be text, not 42"),
    (_set("items", 0, title=None), "items[0]: title must be text, not null"),
    (
        _set("items", 0, title="\x00 hidden"),
        "items[0]: a title cannot hold the character NUL (\\x00)",
    ),
    (
        _set("goals", 1, title="Grow\x00"),
        "goals[1]: a title cannot hold the character NUL (\\x00)",
    ),
    (_drop("items", 3, "day"), "items[3]: day is missing"),
    (_drop("items", 3, "uid"), "items[3]: uid is missing"),
    (_set("items", 0, day="2026-02-30"), "items[0]: day '2026-02-30' is not a day (YYYY-MM-DD)"),
    (_set("items", 0, day="20261123"), "items[0]: day '20261123' is not a day (YYYY-MM-DD)"),
    (_set("items", 3, done_on="soon"), "items[3]: done_on 'soon' is not a day (YYYY-MM-DD)"),
    (
        _set("items", 0, status="open"),
        "items[0]: status 'open' is only for tasks; an activity is done",
    ),
    (
        _set("items", 2, status="later"),
        "items[2]: status 'later' is not one of open, done, dropped",
    ),
    (_set("items", 0, tags="talk"), "items[0]: tags must be a list of names, not 'talk'"),
    (
        _set("items", 0, tags=["two words"]),
        "items[0]: tag 'two words' is not a tag name (letters, digits, - and _)",
    ),
    (
        _set("items", 0, created_at="2026-11-23 10:00:00"),
        "items[0]: created_at '2026-11-23 10:00:00' is not a time in ISO 8601 with a zone (…Z)",
    ),
    (
        _set("items", 0, updated_at="yesterday"),
        "items[0]: updated_at 'yesterday' is not a time in ISO 8601 with a zone (…Z)",
    ),
    (_set("items", 0, uid=""), "items[0]: uid is empty"),
    (_same_uid, "items[4]: uid 'twin' appears twice in the file (also items[0])"),
    (_replace("items", 3, "Ask Ayla"), "items[3]: a record must be an object, not 'Ask Ayla'"),
    (
        _set("items", 2, goal_uid="ghost"),
        "items[2]: goal_uid 'ghost' is not in the file or the journal",
    ),
    (
        _set("items", 3, conversation_uid="nobody"),
        "items[3]: conversation_uid 'nobody' is not in the file or the journal",
    ),
    (
        _set("postponements", 0, to_day="2026-11-23"),
        "postponements[0]: to_day 2026-11-23 must be after from_day 2026-11-23",
    ),
    (
        _set("postponements", 1, reason="lazy"),
        "postponements[1]: reason 'lazy' is not one of unclear, too_big, no_time, waiting,"
        " dislike, unsure, skills, other",
    ),
    (
        _set("postponements", 0, item_uid="nope"),
        "postponements[0]: item_uid 'nope' is not in the file or the journal",
    ),
    (_set("postponements", 0, item_uid=None), "postponements[0]: item_uid must be a uid, not null"),
    (
        _set("goals", 0, direction="up"),
        "goals[0]: direction 'up' is not one of upward, broaden, deepen, project, sideways,"
        " downshift, outward",
    ),
    (
        _set("goals", 1, status="done"),
        "goals[1]: status 'done' is not one of active, paused, achieved, dropped",
    ),
    (_set("goals", 0, position=1.5), "goals[0]: position must be a whole number, not 1.5"),
    (_goals_not_a_list, "goals must be a list of records"),
    (
        _set("milestones", 1, goal_uid="goal-gone"),
        "milestones[1]: goal_uid 'goal-gone' is not in the file or the journal",
    ),
    (_set("milestones", 0, title=""), "milestones[0]: title is empty"),
    (_set("day_reviews", 0, energy=6), "day_reviews[0]: energy 6 is not between 1 and 5"),
    (
        _set("day_reviews", 0, energy=True),
        "day_reviews[0]: energy must be a whole number, not true",
    ),
    (_same_day, "day_reviews[1]: 2026-11-23 has a second review in the file (also day_reviews[0])"),
    (_set("week_reviews", 0, week=54), "week_reviews[0]: week 54 is not between 1 and 53"),
    (_set("week_reviews", 1, year=2025, week=53), "week_reviews[1]: 2025 has no week 53"),
    (
        _set("conversations", 0, role="boss"),
        "conversations[0]: role 'boss' is not one of manager, colleague, mentor, coach,"
        " network, other",
    ),
    (
        _set("conversations", 0, kind="chat"),
        "conversations[0]: kind 'chat' is not one of career, feedback, negotiation, network",
    ),
    (_set("attitude_checks", 1, score=0), "attitude_checks[1]: score 0 is not between 1 and 5"),
    (
        _set("attitude_checks", 1, score="4"),
        "attitude_checks[1]: score must be a whole number, not '4'",
    ),
    (_set("attitude_checks", 0, attitude=" "), "attitude_checks[0]: attitude is empty"),
    # What the app itself would not store (issue 10):
    (
        _postpone_an_activity,
        "postponements[0]: item_uid 'gave' is not a task; only tasks are postponed",
    ),
    (
        _set("items", 2, done_on="2026-11-27"),
        "items[2]: an open task has no done_on, not '2026-11-27'",
    ),
    (
        _set("items", 0, done_on="2026-11-22"),
        "items[0]: done_on '2026-11-22' is not the day of this activity, 2026-11-23",
    ),
    (
        _set("items", 1, done_on="2026-11-24"),
        "items[1]: done_on '2026-11-24' is not the day of this appointment, 2026-11-23",
    ),
    (
        _set("items", 0, note="fine\ud800"),
        "items[0]: note is not valid Unicode text (it holds a lone surrogate)",
    ),
    (
        _set("items", 0, uid="\udcff"),
        "items[0]: uid is not valid Unicode text (it holds a lone surrogate)",
    ),
    (
        _set("goals", 0, beacon="\udc80 \U0001f600"),
        "goals[0]: beacon is not valid Unicode text (it holds a lone surrogate)",
    ),
    (
        _set("conversations", 0, with_whom="Ay\udfffla"),
        "conversations[0]: with_whom is not valid Unicode text (it holds a lone surrogate)",
    ),
    (
        _set("items", 0, tags=["ok", "\ud800"]),
        "items[0]: tag '\\ud800' is not a tag name (letters, digits, - and _)",
    ),
    (
        _set("items", 0, created_at="99999-01-01T00:00:00Z"),
        "items[0]: created_at '99999-01-01T00:00:00Z' is not a time in ISO 8601 with a zone (…Z)",
    ),
    (
        _set("items", 0, created_at="9999-12-31T23:59:59-01:00"),
        "items[0]: created_at '9999-12-31T23:59:59-01:00' is not a time in ISO 8601 with a zone"
        " (…Z)",
    ),
    (
        _set("conversations", 0, created_at="0001-01-01T00:30:00+01:00"),
        "conversations[0]: created_at '0001-01-01T00:30:00+01:00' is not a time in ISO 8601 with"
        " a zone (…Z)",
    ),
    (
        _set("day_reviews", 0, finished_at="9999-12-31T23:00:00-02:00"),
        "day_reviews[0]: finished_at '9999-12-31T23:00:00-02:00' is not a time in ISO 8601 with"
        " a zone (…Z)",
    ),
    (
        _set("goals", 0, position=2**70),
        "goals[0]: position 1180591620717411303424 is not between"
        " -4611686018427387904 and 4611686018427387904",
    ),
    (
        _set("attitude_checks", 0, attitude=None),
        "attitude_checks[0]: attitude must be text, not null",
    ),
]


@pytest.mark.parametrize(("spoil", "message"), BAD_FILES, ids=[m for _s, m in BAD_FILES])
def test_a_bad_record_refuses_the_whole_file(journal, load, spoil, message) -> None:
    source = journal("a.db")
    fill(source)
    data = copy.deepcopy(export_journal(source))
    spoil(data)
    target = journal("b.db")
    with transaction(target):
        items.add_item(target, "Already here #talk", day=MON)
    before = dump(target)
    with pytest.raises(StoreError) as raised:
        load(target, data)
    assert str(raised.value) == load.where + message
    assert dump(target) == before


def test_the_unspoilt_file_does_import(journal, load) -> None:
    """The refusals above come from the spoilt field, not from the file they start from."""
    source = journal("a.db")
    fill(source)
    target = journal("b.db")
    with transaction(target):
        items.add_item(target, "Already here #talk", day=MON)
    assert load(target, copy.deepcopy(export_journal(source))).total_added == 19


class _FailingInsert:
    """A connection whose bulk insert into one table fails, like a full disk would."""

    def __init__(self, conn: sqlite3.Connection, table: str) -> None:
        self.conn = conn
        self.table = table

    def __getattr__(self, name: str) -> Any:
        return getattr(self.conn, name)

    def executemany(self, sql: str, rows: Any) -> sqlite3.Cursor:
        if sql.startswith(f"INSERT INTO {self.table} "):
            raise sqlite3.OperationalError("database or disk is full")
        return self.conn.executemany(sql, rows)


def test_a_failing_write_leaves_nothing_behind(journal) -> None:
    source = journal("a.db")
    fill(source)
    target = journal("b.db")
    before = dump(target)
    with pytest.raises(sqlite3.OperationalError):
        import_journal(_FailingInsert(target, "attitude_check"), export_journal(source))
    assert dump(target) == before
    assert not target.in_transaction


def test_import_refuses_what_is_no_export(journal) -> None:
    conn = journal("a.db")
    with pytest.raises(StoreError, match=r"^not a loopbaan export$"):
        import_journal(conn, {"format": "other", "version": 1})
    with pytest.raises(StoreError, match=r"^export version 2 is not supported"):
        import_journal(conn, {"format": "loopbaan", "version": 2})


# ---------------------------------------------------------------------- reading a file


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b'{"format": "jrnl", "version": 1, "items": []}', "{path}: not a loopbaan export"),
        (b'[{"format": "loopbaan"}]', "{path}: not a loopbaan export"),
        (b"title,day\nx,2026-11-23\n", "{path} is not JSON (line 1, column 1)"),
        (b'{"format": "loopbaan",\n "version": 1,,}', "{path} is not JSON (line 2, column 15)"),
        (b"\x80\x81 not text", "{path} is not JSON text"),
        (
            b'{"format": "loopbaan", "version": 2}',
            "{path}: export version 2 is not supported; this loopbaan reads 1",
        ),
        (
            b'{"format": "loopbaan", "version": "1"}',
            '{path}: export version "1" is not supported; this loopbaan reads 1',
        ),
        (
            b'{"format": "loopbaan"}',
            "{path}: export version null is not supported; this loopbaan reads 1",
        ),
    ],
)
def test_read_import_file_refuses(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "in.json"
    path.write_bytes(content)
    with pytest.raises(StoreError) as raised:
        read_import_file(path)
    assert str(raised.value) == problem.format(path=path)


def test_read_import_file_cannot_read(tmp_path: Path) -> None:
    missing = tmp_path / "gone.json"
    with pytest.raises(StoreError) as raised:
        read_import_file(missing)
    assert str(raised.value) == f"cannot read {missing}: No such file or directory"
    with pytest.raises(StoreError, match=r"^cannot read .*: Is a directory$"):
        read_import_file(tmp_path)


def test_read_import_file_reads_an_export(journal, tmp_path: Path) -> None:
    conn = journal("a.db")
    fill(conn)
    path = tmp_path / "out.json"
    with path.open("w", encoding="utf-8") as stream:
        write_json(conn, stream)
    data = read_import_file(path)
    target = journal("b.db")
    assert import_journal(target, data).total_added == 19
    assert records(export_journal(target)) == records(export_journal(conn))


# ---------------------------------------------------------------------- consistent imports


def test_null_optional_text_is_stored_empty(journal, load) -> None:
    """`"note": null` is what other tools write for "no note"; the app stores ""."""
    conn = journal("a.db")
    data = {
        "format": "loopbaan",
        "version": 1,
        "items": [{"uid": "a", "title": "Hand-made", "day": "2026-11-23", "note": None}],
        "goals": [{"uid": "g", "title": "Grow", "beacon": None, "needs": None}],
        "day_reviews": [{"uid": "d", "day": "2026-11-23", "liked": None, "learned": None}],
        "conversations": [{"uid": "c", "day": "2026-11-23", "with_whom": None, "outcome": None}],
        "attitude_checks": [{"uid": "x", "day": "2026-11-23", "attitude": "a", "score": 3}],
    }
    assert load(conn, data).total_added == 5
    exported = export_journal(conn)
    assert exported["items"][0]["note"] == ""
    assert (exported["goals"][0]["beacon"], exported["goals"][0]["needs"]) == ("", "")
    assert (exported["day_reviews"][0]["liked"], exported["conversations"][0]["outcome"]) == (
        "",
        "",
    )
    assert conn.execute("SELECT count(*) FROM item WHERE note IS NULL").fetchone()[0] == 0


def test_a_task_ticked_off_before_its_day_comes_back(journal, load) -> None:
    """`loopbaan done` on a task planned for later stores a done_on before its day:
    the export of such a journal must import again (a backup that cannot be restored
    is no backup), so only an activity's or appointment's done_on must be its day."""
    source = journal("a.db")
    with transaction(source):
        early = items.add_item(source, "Early bird", day=MON + timedelta(2), kind=Kind.TASK)
        items.set_status(source, early.id, Status.DONE, on=MON)
        gone = items.add_item(source, "Not needed", day=MON + timedelta(5), kind=Kind.TASK)
        items.set_status(source, gone.id, Status.DROPPED, on=MON)
    first = export_journal(source)
    assert first["items"][0]["done_on"] == "2026-11-23" < first["items"][0]["day"]
    target = journal("b.db")
    assert load(target, first).total_added == 2
    assert records(export_journal(target)) == records(first)


def test_a_closed_record_without_done_on_is_done_on_its_day(journal, load) -> None:
    conn = journal("a.db")
    data = {
        "format": "loopbaan",
        "version": 1,
        "items": [
            {"uid": "t", "kind": "task", "status": "done", "title": "T", "day": "2026-11-23"},
            {"uid": "d", "kind": "task", "status": "dropped", "title": "D", "day": "2026-11-24"},
            {"uid": "a", "title": "A", "day": "2026-11-25", "done_on": None},
        ],
    }
    load(conn, data)
    done_on = [item["done_on"] for item in export_journal(conn)["items"]]
    assert done_on == ["2026-11-23", "2026-11-24", "2026-11-25"]


def test_a_postponement_of_an_activity_in_the_journal_is_refused(journal, load) -> None:
    conn = journal("a.db")
    with transaction(conn):
        own = items.add_item(conn, "Wrote notes", day=MON)
    before = dump(conn)
    data = {
        "format": "loopbaan",
        "version": 1,
        "postponements": [
            {
                "uid": "p",
                "item_uid": own.uid,
                "from_day": "2026-11-23",
                "to_day": "2026-11-24",
                "reason": "other",
            }
        ],
    }
    with pytest.raises(StoreError) as raised:
        load(conn, data)
    assert str(raised.value) == load.where + (
        f"postponements[0]: item_uid '{own.uid}' is not a task; only tasks are postponed"
    )
    assert dump(conn) == before


def test_a_refused_file_leaves_no_journal_behind(tmp_path: Path, quiet_config) -> None:
    """The whole file is checked before the journal is opened: `loopbaan import` of a bad
    file into a journal that does not exist yet does not make one."""
    from loopbaan.cli import main

    bad = tmp_path / "bad.json"
    bad.write_text('{"format": "loopbaan", "version": 1, "items": [{"uid": "a"}]}')
    target = tmp_path / "new.db"
    assert main(["--db", str(target), "import", str(bad)]) == 1
    assert not target.exists()


# ---------------------------------------------------------------------- reading a file in pieces


@pytest.mark.parametrize("piece", [1, 2, 3, 7, 64, 1 << 20])
@pytest.mark.parametrize("indent", [None, 0, 3])
def test_a_file_read_in_any_pieces_imports_the_same(
    journal, tmp_path: Path, monkeypatch, piece: int, indent: int | None
) -> None:
    """Records cut anywhere by a read (in a number, a word, a UTF-8 sequence) parse whole."""
    import loopbaan.store.importer as importer

    source = journal("a.db")
    fill(source)
    with transaction(source):  # numbers and words that a cut could change
        _insert(
            source, "goal", uid="g-num", title="∑ Zahl 😀", beacon="é" * 3, statement="",
            direction=None, first_step="", needs="", supporters="", status="active",
            target_day=None, position=-1234567890123, created_at=STAMP, updated_at=STAMP,
        )  # fmt: skip
    exported = export_journal(source)
    path = tmp_path / "export.json"
    path.write_text(json.dumps(exported, indent=indent, ensure_ascii=indent is None))
    monkeypatch.setattr(importer, "READ_BYTES", piece)
    target = journal(f"b{piece}.db")
    assert import_journal(target, read_import_file(path)).total_added == 20
    assert records(export_journal(target)) == records(exported)


@pytest.mark.parametrize("piece", [1, 5, 1 << 20])
@pytest.mark.parametrize(
    "text",
    [
        '{"format": "loopbaan", "version": 1, "items": [{"uid": "a"} {"uid": "b"}]}',
        '{"format": "loopbaan",\n "version": 1,\n "items": [\n  {"uid": "a", }]}',
        '{"format": "loopbaan", "version": 1, "items": [1, 2,]}',
        '{"format": "loopbaan", "version": 1, "items": [1.5e, 2]}',
        '{"format": "loopbaan", "version": 1, "goals": [nul]}',
        '{"format": "loopbaan", "version": 1, "goals": [{"title": "unterminated}]}',
        '{"format": "loopbaan", "version": 1} trailing',
        '{"format": "loopbaan", "version": 1',
        '{"format": "loopbaan" "version": 1}',
        '{"format": "loopbaan", 1: 1}',
        '{"format": "loopbaan", "items": [\n\n  {"x": "\t"}]}',
        "",
        "   \n  ",
        "[1, 2",
    ],
)
def test_a_file_that_is_not_json_says_where_as_json_does(
    tmp_path: Path, monkeypatch, text: str, piece: int
) -> None:
    import loopbaan.store.importer as importer

    path = tmp_path / "in.json"
    path.write_text(text)
    with pytest.raises(json.JSONDecodeError) as expected:
        json.loads(text)
    monkeypatch.setattr(importer, "READ_BYTES", piece)
    with pytest.raises(StoreError) as raised:
        read_import_file(path)
    where = f"(line {expected.value.lineno}, column {expected.value.colno})"
    assert str(raised.value) == f"{path} is not JSON {where}"


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"[" * 100_000 + b"]" * 100_000, "{path}: lists or objects nested too deeply (line 1)"),
        (
            b'{"format": "loopbaan", "version": 1,\n "items": ['
            + b"[" * 100_000
            + b"]" * 100_000
            + b"]}",
            "{path}: lists or objects nested too deeply (line 2)",
        ),
        (
            b'{"format": "loopbaan", "version": 1, "goals": [{"position": ' + b"9" * 5000 + b"}]}",
            "{path}: a number too long to read (line 1)",
        ),
        (
            b'{"format": "loopbaan", "version": 1, "items": "\xed\xa0\x80"}',
            "{path} is not JSON text",
        ),
        (
            b'\xef\xbb\xbf{"format": "loopbaan", "version": 1, "items": {}}',
            "{path}: items must be a list of records",
        ),
        (
            '{"format": "loopbaan", "version": 1, "items": [{"uid": 1}]}'.encode("utf-16"),
            "{path}: items[0]: uid must be text, not 1",
        ),
        (
            b'{"items": [{"uid": 1}], "format": "jrnl"}',  # not an export comes first
            "{path}: not a loopbaan export",
        ),
        (
            b'{"format": "loopbaan", "version": 1, "items": [{"uid": 1}], "items": []}',
            None,  # the last of a name given twice counts, as in json.loads
        ),
        (b'{"format": "loopbaan", "version": 1, "items": {}, "items": []}', None),
        (
            b'{"format": "loopbaan", "version": 1, "items": [], "items": {}}',
            "{path}: items must be a list of records",
        ),
    ],
    ids=[
        "deep",
        "deep record",
        "long number",
        "surrogate bytes",
        "BOM",
        "UTF-16",
        "order",
        "twice",
        "twice, a list last",
        "twice, a list first",
    ],
)
def test_read_import_file_refuses_hostile_files(
    tmp_path: Path, content: bytes, problem: str | None
) -> None:
    path = tmp_path / "in.json"
    path.write_bytes(content)
    if problem is None:
        assert read_import_file(path).rows["items"] == []
        return
    with pytest.raises(StoreError) as raised:
        read_import_file(path)
    assert str(raised.value) == problem.format(path=path)


# ---------------------------------------------------------------------- CSV and Markdown


def test_csv_has_one_row_per_item(journal) -> None:
    conn = journal("a.db")
    ids = fill(conn)
    stream = io.StringIO(newline="")
    write_csv(conn, stream)
    reader = csv.DictReader(io.StringIO(stream.getvalue(), newline=""))
    assert tuple(reader.fieldnames) == CSV_FIELDS
    rows = list(reader)
    assert [row["title"] for row in rows] == [i["title"] for i in export_journal(conn)["items"]]
    by_id = {int(row["id"]): row for row in rows}
    budget = by_id[ids["budget"]]
    assert budget == {
        "id": str(ids["budget"]),
        "uid": budget["uid"],
        "day": "2026-11-27",
        "kind": "task",
        "title": "Chase the #budget",
        "rating": "",
        "status": "open",
        "done_on": "",
        "note": "",
        "tags": "budget",
        "goal_uid": "goal-promoted",
        "goal": "Get promoted",
        "postponed": "2",
    }
    gave = by_id[ids["gave"]]
    assert (gave["rating"], gave["tags"], gave["note"], gave["goal"], gave["postponed"]) == (
        "plus",
        "meetup talk",
        "went well\nok",
        "",
        "0",
    )
    assert (by_id[ids["ask"]]["status"], by_id[ids["ask"]]["done_on"]) == ("done", "2026-11-24")


def test_markdown_reads_as_a_journal(journal) -> None:
    conn = journal("a.db")
    fill(conn)
    stream = io.StringIO()
    write_markdown(conn, stream)
    text = stream.getvalue()
    lines = text.splitlines()
    assert lines[0] == "# Career journal"
    expected_in_order = [
        "## Days",
        "### Friday 2026-11-20",
        "- − [-] Old idea",
        "### Monday 2026-11-23",
        "- 0 Standup #routine",
        "- + Gave the #talk at #meetup — went well ok",
        "- · [x] Ask Ayla for #feedback",
        "Postponed:",
        "- Chase the #budget → 2026-11-24 (waiting for someone or something): for Sam",
        "**Energy:** 4/5",
        "**Liked:** the talk",
        "**Why I postponed:** budget unclear",
        "### Tuesday 2026-11-24",
        "- · Überlegt: #Zukunft — ça va",
        "- Chase the #budget → 2026-11-27 (too big to start)",
        "**Liked:** a quiet day",
        "### Friday 2026-11-27",
        "- · [ ] Chase the #budget",
        "## Weeks",
        "### 2026 week 47",
        "### 2026 week 48",
        "**Less of:** meetings",
        "## Goals",
        "### Get promoted",
        "*active · upward · target 2027-06-01*",
        "**Beacon:** Lead a team",
        "Milestones (1/2):",
        "- [x] Ask for the criteria (done 2026-11-20)",
        "- [ ] Lead a project (due 2027-03-01)",
        "### Take a course",
        "*paused*",
        "## Conversations",
        "### 2026-11-23 · Ayla (mentor, feedback)",
        "**Outcome:** Shorten it",
        "## Attitude checks",
        "- 2026-11-23 · concern 4/5 — planning ahead",
        "- 2026-11-23 · curiosity 2/5",
    ]
    positions = [lines.index(line) for line in expected_in_order]
    assert positions == sorted(positions)
    # The Tuesday review has no energy; the Monday heading holds no Tuesday item.
    tuesday = lines[lines.index("### Tuesday 2026-11-24") : lines.index("### Friday 2026-11-27")]
    assert not any(line.startswith("**Energy:**") for line in tuesday)


def test_markdown_of_an_empty_journal(journal) -> None:
    conn = journal("empty.db")
    stream = io.StringIO()
    write_markdown(conn, stream)
    assert stream.getvalue().startswith("# Career journal\n\nExported ")
    assert "##" not in stream.getvalue()


# ---------------------------------------------------------------------- streaming into the journal


def test_a_section_is_written_while_the_file_is_still_read(journal, tmp_path: Path, monkeypatch):
    """`import_file` holds a batch at a time: the items are in the journal (inside the
    import's transaction) before the reading reaches the end of the file."""
    import loopbaan.store.importer as importer

    source = journal("a.db")
    fill(source)
    path = tmp_path / "export.json"
    with path.open("w") as stream:
        write_json(source, stream)
    monkeypatch.setattr(importer, "READ_BYTES", 64)
    target = journal("b.db")
    seen: list[tuple[int, int]] = []

    def progress(done: int) -> None:
        (items_in,) = target.execute("SELECT count(*) FROM item").fetchone()
        seen.append((done, items_in))

    assert import_file(target, path, progress).total_added == 19
    size = path.stat().st_size
    assert seen[-1][0] == size  # told every byte
    assert any(done < size and items_in == 6 for done, items_in in seen)
    assert records(export_journal(target)) == records(export_journal(source))


def test_parents_later_in_the_file_are_found(journal, tmp_path: Path) -> None:
    """Items come before goals in an export; postponements may come before their items in
    a file put together by hand: each reference still lands on its record."""
    source = journal("a.db")
    fill(source)
    data = export_journal(source)
    reordered = {"format": "loopbaan", "version": 1}
    for section in ("postponements", "milestones", "items", "conversations", "goals"):
        reordered[section] = data[section]
    path = tmp_path / "reordered.json"
    path.write_text(json.dumps(reordered))
    target = journal("b.db")
    assert import_file(target, path).total_added == 6 + 2 + 2 + 2 + 1
    merged = export_journal(target)
    for section in reordered.keys() - {"format", "version"}:
        assert merged[section] == data[section], section


def test_a_missing_parent_found_at_the_end_undoes_everything(journal, tmp_path: Path) -> None:
    source = journal("a.db")
    fill(source)
    data = export_journal(source)
    linked = next(i for i, item in enumerate(data["items"]) if item["goal_uid"])
    data["goals"] = [g for g in data["goals"] if g["uid"] != data["items"][linked]["goal_uid"]]
    data["milestones"] = []
    path = tmp_path / "orphan.json"
    path.write_text(json.dumps(data))
    target = journal("b.db")
    before = dump(target)
    with pytest.raises(StoreError) as raised:
        import_file(target, path)
    assert str(raised.value) == (
        f"{path}: items[{linked}]: goal_uid 'goal-promoted' is not in the file or the journal"
    )
    assert dump(target) == before and not target.in_transaction


def test_a_section_given_twice_counts_the_last_time(journal, tmp_path: Path) -> None:
    """Written already when its second copy comes: the import starts over, keeping rows."""
    path = tmp_path / "twice.json"
    path.write_text(
        '{"format": "loopbaan", "version": 1,'
        ' "items": [{"uid": "a", "title": "First", "day": "2026-11-23"}],'
        ' "goals": [],'
        ' "items": [{"uid": "b", "title": "Second", "day": "2026-11-24"}]}'
    )
    target = journal("b.db")
    assert import_file(target, path).added["items"] == 1
    assert [i["title"] for i in export_journal(target)["items"]] == ["Second"]


def test_a_new_journal_appears_only_with_the_whole_import(tmp_path: Path, quiet_config) -> None:
    """Into a journal that does not exist yet, the import fills a new one under another
    name and puts it in place at the end: a refused file leaves nothing, and while it
    runs nobody sees a journal half full."""
    from loopbaan.cli import main
    from loopbaan.store.db import TargetExists, create_journal

    source = open_journal(tmp_path / "a.db")
    fill(source)
    path = tmp_path / "export.json"
    with path.open("w") as stream:
        write_json(source, stream)
    target = tmp_path / "new" / "journal.db"
    assert main(["--db", str(target), "import", str(path)]) == 0
    assert (target.stat().st_mode & 0o777) == 0o600
    assert sorted(p.name for p in target.parent.iterdir()) == ["journal.db"]
    conn = open_journal(target)
    assert records(export_journal(conn)) == records(export_journal(source))
    # A journal made meanwhile by someone else is never replaced.
    with pytest.raises(TargetExists):
        create_journal(target, lambda conn: pytest.fail("filled a journal that exists"))
    conn.close()
    source.close()
