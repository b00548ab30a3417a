"""The command line, in process (fast) and as real subprocesses (exit codes, imports)."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from loopbaan.store import items, open_journal
from tests.helpers import TODAY_ISO as TODAY
from tests.helpers import run_cli as run


def dump(db: Path) -> list[str]:
    if not db.exists():
        return []
    conn = sqlite3.connect(db)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


def listed(capsys, *extra: str) -> list[dict]:
    code, out, _err = run(capsys, "list", "--format", "json", *extra)
    assert code == 0
    return json.loads(out)


def test_log_and_list(env: Path, capsys) -> None:
    assert run(capsys, "log", "Paired with Tom on the #parser", "--plus")[0] == 0
    assert run(capsys, "log", "Write the #design doc", "--task", "--note", "by Friday")[0] == 0
    assert run(capsys, "log", "Standup", "--appointment", "--neutral")[0] == 0
    assert run(capsys, "log", "Expense report", "--minus", "--day", "yesterday")[0] == 0
    rows = listed(capsys)
    assert [(r["kind"], r["title"], r["rating"], r["status"]) for r in rows] == [
        ("appointment", "Standup", "neutral", "done"),
        ("activity", "Paired with Tom on the #parser", "plus", "done"),
        ("task", "Write the #design doc", None, "open"),
    ]
    assert set(rows[0]) == {
        "id", "uid", "kind", "title", "day", "rating", "status", "note", "tags", "goal_id",
        "postponed",
    }  # fmt: skip
    assert rows[1]["tags"] == ["parser"] and rows[2]["note"] == "by Friday"
    assert all(r["day"] == TODAY for r in rows)
    yesterday = listed(capsys, "--day", "yesterday")
    assert [(r["title"], r["rating"], r["day"]) for r in yesterday] == [
        ("Expense report", "minus", "2026-11-22")
    ]
    code, out, _ = run(capsys, "list")
    assert code == 0
    assert "Standup" in out and "Write the #design doc" in out
    task_row = next(line for line in out.splitlines() if "Write the #design doc" in line)
    assert task_row.split()[2:4] == ["task", "open"]  # ID, rating, KIND, STATUS, TITLE


def test_log_to_a_goal(env: Path, capsys) -> None:
    run(capsys, "log", "seed")
    conn = open_journal(env)
    conn.execute(
        "INSERT INTO goal (uid, title, beacon, statement, first_step, needs, supporters, status,"
        " position, created_at, updated_at) VALUES ('g1', 'Lead a team', '', '', '', '', '',"
        " 'active', 0, '2026-11-23 09:00:00.000000', '2026-11-23 09:00:00.000000')"
    )
    goal_id = conn.execute("SELECT id FROM goal").fetchone()[0]
    assert run(capsys, "log", "Ask for the lead role", "--task", "--goal", str(goal_id))[0] == 0
    assert listed(capsys)[-1]["goal_id"] == goal_id


def test_done_and_postpone(env: Path, capsys) -> None:
    run(capsys, "log", "Send the offer #hiring", "--task")
    run(capsys, "log", "Tidy the backlog", "--task")
    first, second = (r["id"] for r in listed(capsys))
    code, out, _ = run(capsys, "done", str(first))
    assert code == 0 and "Send the offer" in out
    code, out, _ = run(capsys, "postpone", str(second), "--reason", "dislike", "--note", "meh")
    assert code == 0 and "2026-11-24" in out
    code, _, _ = run(capsys, "postpone", str(second), "--to", "friday", "--reason", "no_time")
    assert code == 0
    rows = {r["id"]: r for r in listed(capsys)}
    assert rows[first]["status"] == "done"
    friday = {r["id"]: r for r in listed(capsys, "--day", "2026-11-27")}
    assert friday[second]["postponed"] == 2
    conn = open_journal(env)
    history = items.postponements_of(conn, second)
    assert [(p.from_day, p.to_day, p.reason.value, p.note) for p in history] == [
        (date(2026, 11, 23), date(2026, 11, 24), "dislike", "meh"),
        (date(2026, 11, 24), date(2026, 11, 27), "no_time", ""),
    ]


def test_status(env: Path, capsys) -> None:
    code, out, _ = run(capsys, "status")
    assert code == 0 and "no journal yet" in out
    assert not env.exists()  # a prompt does not create the journal
    run(capsys, "log", "Old task", "--task", "--day", "2026-11-20")
    run(capsys, "log", "New task", "--task")
    run(capsys, "log", "Later task", "--task", "--day", "2026-11-30")
    code, out, _ = run(capsys, "status")
    assert code == 0
    assert out.strip() == "review pending · 2 open tasks (1 overdue) · streak 0 days"
    from loopbaan.store import reviews, transaction

    conn = open_journal(env)
    with transaction(conn):
        for day in ("2026-11-19", "2026-11-20", "2026-11-23"):  # Thu, Fri, (weekend), Mon
            reviews.finish_day_review(conn, date.fromisoformat(day))
    code, out, _ = run(capsys, "status", "--format", "json")
    assert json.loads(out) == {
        "reviewed_today": True,
        "open_tasks": 2,
        "overdue_tasks": 1,
        "streak": 3,
        "days_since_career_talk": None,  # none yet, in a journal too young for a nudge
        "talk_nudge": False,
    }


def test_export_import_round_trip(env: Path, tmp_path: Path, capsys) -> None:
    run(capsys, "log", "Gave the #talk", "--plus")
    run(capsys, "log", "Chase the #budget", "--task")
    task = listed(capsys)[-1]["id"]
    run(capsys, "postpone", str(task), "--reason", "waiting")
    export = tmp_path / "out" / "journal.json"
    export.parent.mkdir()
    code, _, err = run(capsys, "export", "-o", str(export))
    assert code == 0 and "exported to" in err
    assert export.stat().st_mode & 0o077 == 0
    other = tmp_path / "other.db"
    code, _out, _ = run(capsys, "--db", str(other), "import", str(export))
    assert code == 0
    again = tmp_path / "again.json"
    assert run(capsys, "--db", str(other), "export", "-o", str(again))[0] == 0
    first, second = json.loads(export.read_text()), json.loads(again.read_text())
    first.pop("exported_at"), second.pop("exported_at")
    assert first == second
    assert len(first["items"]) == 2 and len(first["postponements"]) == 1
    before = dump(other)
    assert run(capsys, "--db", str(other), "import", str(export))[0] == 0
    assert dump(other) == before  # importing twice adds nothing


@pytest.mark.parametrize("fmt", ["csv", "markdown"])
def test_export_other_formats_to_stdout(env: Path, capsys, fmt: str) -> None:
    run(capsys, "log", "Mentored Ayla #mentoring", "--plus")
    code, out, _ = run(capsys, "export", "--format", fmt)
    assert code == 0 and "Mentored Ayla #mentoring" in out


def test_backup(env: Path, tmp_path: Path, capsys) -> None:
    run(capsys, "log", "Worth keeping")
    code, out, _ = run(capsys, "backup", str(tmp_path))
    assert code == 0
    copy = Path(out.strip().split(" to ", 1)[1])
    assert copy.parent == tmp_path and copy.stat().st_mode & 0o077 == 0
    assert [r[0] for r in open_journal(copy).execute("SELECT title FROM item")] == ["Worth keeping"]
    code, out, _ = run(capsys, "backup")
    assert code == 0 and "/data/backups/loopbaan-" in out


def test_version(env: Path, capsys) -> None:
    code, out, _ = run(capsys, "--version")
    assert code == 0 and out.startswith("loopbaan ")


BAD_INPUT = [
    (["log", "   "], 2, "the title is empty"),
    (["log", "x", "--plus", "--minus"], 2, "not allowed with argument"),
    (["log", "x", "--task", "--appointment"], 2, "not allowed with argument"),
    (["log", "x", "--day", "2026-02-30"], 2, "not a day"),
    (["log", "x", "--goal", "77"], 1, "no goal with id 77"),
    (["log", "x", "--goal", "abc"], 2, "not an id"),
    (["done", "999"], 1, "no item with id 999"),
    (["done", "1"], 1, "only tasks can be ticked off"),
    (["postpone", "999", "--reason", "unclear"], 1, "no item with id 999"),
    (["postpone", "2", "--reason", "lazy"], 2, "invalid choice"),
    (["postpone", "2"], 2, "--reason"),
    (["postpone", "2", "--to", "yesterday", "--reason", "unclear"], 1, "must be after"),
    (["postpone", "1", "--reason", "unclear"], 1, "only tasks can be postponed"),
    (["list", "--day", "someday"], 2, "not a day"),
    (["list", "--day", "next", "fridya"], 2, "not a day"),
    (["list", "--day", "in", "99999999999", "days"], 2, "outside the calendar"),
    (["log", "x", "--day", "in", "99999999999", "days"], 2, "outside the calendar"),
    (["postpone", "2", "--to", "in", "9999999999", "days", "--reason", "no_time"], 2, "calendar"),
    (["postponed", "--since", "next", "month"], 2, "not a day"),
    (["postponed", "--until", "2", "weeks", "ago", "--since", "today"], 2, "after --until"),
    (["log", "+ x", "--minus"], 2, "marked plus, but --minus"),
    (["log", "- x", "--plus"], 2, "marked minus, but --plus"),
    (["log", "0 x", "--plus"], 2, "marked neutral, but --plus"),
    (["log", "!x", "--appointment"], 2, "marked task, but --appointment"),
    (["log", "@x", "--task"], 2, "marked appointment, but --task"),
    (["log", "!+"], 2, "the title is empty"),
    (["log", "@ - "], 2, "the title is empty"),
    (["drop", "999"], 1, "no item with id 999"),
    (["drop", "1"], 1, "only tasks can be dropped"),
    (["drop", "abc"], 2, "not an id"),
    (["list", "--format", "xml"], 2, "invalid choice"),
    (["frobnicate"], 2, "invalid choice"),
    (["import", "MISSING.json"], 1, "MISSING.json"),
]


@pytest.mark.parametrize(("argv", "code", "message"), BAD_INPUT)
def test_bad_input_is_one_line_and_changes_nothing(env, capsys, argv, code, message) -> None:
    run(capsys, "log", "An activity")
    run(capsys, "log", "A task", "--task")
    before = dump(env)
    result, out, err = run(capsys, *argv)
    assert result == code
    assert message in err
    assert len(err.strip().splitlines()) == 1, err
    assert "Traceback" not in err and out == ""
    assert dump(env) == before


def test_not_a_journal_and_a_folder(env: Path, tmp_path: Path, capsys) -> None:
    text = tmp_path / "notes.db"
    text.write_text("my notes")
    code, _, err = run(capsys, "--db", str(text), "log", "x")
    assert code == 1 and "not a loopbaan journal" in err
    assert text.read_text() == "my notes"
    code, _, err = run(capsys, "--db", str(tmp_path), "status")
    assert code == 1 and "is a folder" in err


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("not json at all", "JSON"),
        ('{"format": "something-else", "version": 1}', "loopbaan"),
        ('{"format": "loopbaan", "version": 99, "items": []}', "version"),
    ],
)
def test_broken_import_changes_nothing(env, tmp_path, capsys, content, message) -> None:
    run(capsys, "log", "Existing")
    before = dump(env)
    path = tmp_path / "in.json"
    path.write_text(content)
    code, _, err = run(capsys, "import", str(path))
    assert code == 1 and message in err and len(err.strip().splitlines()) == 1
    assert dump(env) == before


def _loopbaan(*argv: str, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "loopbaan", *argv], capture_output=True, text=True, env=env
    )


def _env(db: Path) -> dict[str, str]:
    return {**os.environ, "LOOPBAAN_DB": str(db), "LOOPBAAN_TODAY": TODAY, "LOOPBAAN_LANG": "en"}


def test_exit_codes_as_a_process(tmp_path: Path) -> None:
    env = _env(tmp_path / "j.db")
    ok = _loopbaan("log", "From a shell", "--plus", env=env)
    assert ok.returncode == 0 and "From a shell" in ok.stdout
    usage = _loopbaan("log", "x", "--plus", "--minus", env=env)
    assert usage.returncode == 2 and len(usage.stderr.strip().splitlines()) == 1
    failure = _loopbaan("done", "42", env=env)
    assert failure.returncode == 1 and failure.stderr.strip() == "loopbaan: no item with id 42"


def test_four_processes_logging_at_once_lose_nothing(tmp_path: Path) -> None:
    db = tmp_path / "j.db"
    env = _env(db)
    assert _loopbaan("log", "first", env=env).returncode == 0  # the journal exists
    script = (
        "import sys\nfrom loopbaan.cli import main\n"
        "for n in range(25):\n"
        "    assert main(['log', f'writer {sys.argv[1]} item {n}']) == 0\n"
    )
    writers = [
        subprocess.Popen([sys.executable, "-c", script, str(w)], env=env, stdout=subprocess.DEVNULL)
        for w in range(4)
    ]
    assert [w.wait(timeout=120) for w in writers] == [0, 0, 0, 0]
    conn = open_journal(db)
    titles = {r[0] for r in conn.execute("SELECT title FROM item")}
    assert len(titles) == 101
    assert {f"writer {w} item {n}" for w in range(4) for n in range(25)} <= titles


@pytest.mark.parametrize(
    "command",
    [
        ["status"],
        ["log", "quick"],
        ["log", "!+ quick #x", "--day", "next", "friday"],
        ["list", "--day", "in", "2", "days"],
        ["done", "1"],
        ["drop", "1"],
        ["talk", "Anna", "--role", "mentor", "--kind", "career", "--ask", "a raise"],
        ["talks", "--format", "json"],
        ["check", "concern", "4", "--note", "planning"],
        ["status", "--format", "json"],
        ["brief", "--for", "Anna"],
        ["search", "seed", "--format", "json"],
    ],
)
def test_quick_commands_do_not_import_the_tui(tmp_path: Path, command: list[str]) -> None:
    env = _env(tmp_path / "j.db")
    _loopbaan("log", "seed", "--task", env=env)
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "loopbaan", *command],
        capture_output=True,
        text=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr
    imported = {
        line.split("|")[-1].strip() for line in result.stderr.splitlines() if "import time" in line
    }
    assert "loopbaan.store" in imported  # the check sees our own imports
    heavy = {name for name in imported if name.split(".")[0] in {"textual", "sqlmodel", "rich"}}
    assert heavy == set()
    assert "sqlalchemy" not in {name.split(".")[0] for name in imported}


def test_backup_errors(env: Path, tmp_path: Path, capsys) -> None:
    code, _, err = run(capsys, "backup")
    assert code == 1 and "no journal to back up" in err
    run(capsys, "log", "Something")
    taken = tmp_path / "taken.db"
    taken.write_text("mine")
    code, _, err = run(capsys, "backup", str(taken))
    assert code == 1 and "exists already" in err and taken.read_text() == "mine"
    code, _, err = run(capsys, "backup", str(tmp_path / "nowhere" / "x.db"))
    assert code == 1 and "does not exist" in err


# ------------------------------------------------------------ days of several words


def test_multi_word_days_need_no_quotes(env: Path, capsys) -> None:
    assert run(capsys, "log", "Ship it", "--day", "next", "friday")[0] == 0
    assert run(capsys, "log", "--day", "3", "days", "ago", "Retro")[0] == 0  # title after it
    assert run(capsys, "log", "--day", "friday", "Demo")[0] == 0  # one word: the title stays
    assert run(capsys, "log", "Plan", "--task", "--day=in", "2", "days", "--plus")[0] == 0
    assert run(capsys, "log", "Lunch", "--day", "volgende", "vrijdag", "--neutral")[0] == 0
    days = {r["title"]: r["day"] for r in listed(capsys, "--day", "next", "friday")}
    assert days == {"Ship it": "2026-11-27", "Lunch": "2026-11-27"}
    assert [r["title"] for r in listed(capsys, "--day", "3", "dagen", "geleden")] == [
        "Retro",
        "Demo",
    ]  # last Friday is three days before this Monday
    assert [r["title"] for r in listed(capsys, "--day", "in", "2", "days")] == ["Plan"]
    plan = listed(capsys, "--day", "overmorgen")[0]
    assert (plan["kind"], plan["rating"]) == ("task", "plus")
    code, out, _ = run(
        capsys, "postpone", str(plan["id"]), "--to", "in", "3", "days", "--reason", "waiting"
    )
    assert code == 0 and "to 2026-11-26 (waiting)" in out
    code, out, _ = run(
        capsys, "postpone", str(plan["id"]), "--reason", "unclear", "--to", "next", "week"
    )
    assert code == 0 and "from 2026-11-26 to 2026-11-30 (unclear)" in out
    since, until = ["last", "week"], ["in", "2", "weeks"]
    code, out, _ = run(
        capsys, "postponed", "--since", *since, "--until", *until, "--format", "json"
    )
    assert code == 0
    report = json.loads(out)
    assert (report["since"], report["until"]) == ("2026-11-16", "2026-12-07")
    assert report["items"][0]["times"] == 2


def test_a_quoted_day_phrase_works_too(env: Path, capsys) -> None:
    assert run(capsys, "log", "Ship it", "--day", "next friday")[0] == 0
    assert run(capsys, "log", "Wrap up", "--day=Next  Friday")[0] == 0
    titles = [r["title"] for r in listed(capsys, "--day", "2026-11-27")]
    assert titles == ["Ship it", "Wrap up"]


@pytest.mark.parametrize(
    ("argv", "joined"),
    [
        (["list", "--day", "next", "friday"], ["list", "--day", "next friday"]),
        (
            ["log", "--day", "in", "3", "days", "Fix", "it"],
            ["log", "--day", "in 3 days", "Fix", "it"],
        ),
        (["log", "--day=2", "weeks", "ago", "x"], ["log", "--day", "2 weeks ago", "x"]),
        (
            ["log", "--day", "friday", "next", "friday"],
            ["log", "--day", "friday", "next", "friday"],
        ),  # a one-word day is left alone
        (["log", "--", "--day", "next", "friday"], ["log", "--", "--day", "next", "friday"]),
        (["log", "next", "friday"], ["log", "next", "friday"]),  # a title, not a day
        (
            ["postpone", "1", "--to", "next", "week", "--reason", "unclear"],
            ["postpone", "1", "--to", "next week", "--reason", "unclear"],
        ),
        (
            ["postponed", "--since", "last", "monday", "--until", "vandaag"],
            ["postponed", "--since", "last monday", "--until", "vandaag"],
        ),
    ],
)
def test_join_day_words(argv: list[str], joined: list[str]) -> None:
    from loopbaan.cli import join_day_words

    assert join_day_words(argv) == joined


def test_multi_word_days_as_a_process(tmp_path: Path) -> None:
    env = _env(tmp_path / "j.db")
    assert _loopbaan("log", "Write the offer", "--task", env=env).returncode == 0
    moved = _loopbaan("postpone", "1", "--to", "in", "3", "days", "--reason", "waiting", env=env)
    assert moved.returncode == 0, moved.stderr
    listed_ = _loopbaan("list", "--day", "next", "thursday", "--format", "json", env=env)
    assert [r["title"] for r in json.loads(listed_.stdout)] == ["Write the offer"]
    bad = _loopbaan("list", "--day", "in", "99999999999", "days", env=env)
    assert bad.returncode == 2 and len(bad.stderr.strip().splitlines()) == 1
    assert "Traceback" not in bad.stderr and "outside the calendar" in bad.stderr


# -------------------------------------------------------------------------- drop


def test_drop(env: Path, capsys) -> None:
    run(capsys, "log", "Write the #blog post", "--task")
    task = listed(capsys)[0]["id"]
    code, out, err = run(capsys, "drop", str(task))
    assert (code, err) == (0, "")
    assert out.strip() == f"dropped: {task} [-] Write the #blog post (task, {TODAY})"
    row = listed(capsys)[0]
    assert (row["status"], row["tags"]) == ("dropped", ["blog"])
    code, out, _ = run(capsys, "list")
    task_row = next(line for line in out.splitlines() if "Write the #blog post" in line)
    assert task_row.split()[2:4] == ["task", "dropped"]
    before = dump(env)
    code, out, err = run(capsys, "drop", str(task))
    assert (code, err) == (0, "") and out.startswith("already dropped:")
    assert len(out.strip().splitlines()) == 1
    assert dump(env) == before  # nothing written
    # a dropped task can still be ticked off after all
    code, out, _ = run(capsys, "done", str(task))
    assert code == 0 and out.startswith(f"done: {task} [x]")
    assert listed(capsys)[0]["status"] == "done"


def test_drop_a_task_from_an_earlier_day(env: Path, capsys) -> None:
    run(capsys, "log", "Old plan", "--task", "--day", "last", "monday")
    old = listed(capsys, "--day", "2026-11-16")[0]
    assert run(capsys, "drop", str(old["id"]))[0] == 0
    conn = open_journal(env)
    row = conn.execute("SELECT status, day, done_on FROM item WHERE id = ?", (old["id"],))
    assert tuple(row.fetchone()) == ("dropped", "2026-11-16", TODAY)


def test_titles_are_printed_terminal_safe(env: Path, capsys) -> None:
    title = "Fix \x1b[2Jthe \u202etxt.exe bug"
    code, out, _ = run(capsys, "log", title, "--task")
    assert code == 0
    task = listed(capsys)[0]
    assert task["title"] == title  # stored as typed; JSON escapes it on its own
    for argv in (
        ["drop", str(task["id"])],
        ["drop", str(task["id"])],
        ["done", str(task["id"])],
        ["list"],
        ["log", "!" + title],
    ):
        code, out, _ = run(capsys, *argv)
        assert code == 0
        assert "\x1b" not in out and "\u202e" not in out, argv
        assert "\\x1b[2J" in out and "\\u202etxt" in out, argv
    run(capsys, "log", "Again " + title, "--task")
    later = listed(capsys)[-1]["id"]
    code, out, _ = run(capsys, "postpone", str(later), "--reason", "unclear")
    assert code == 0 and "\x1b" not in out and "\\x1b[2J" in out


# ------------------------------------------------------- dropped in the analysis


def test_postponed_reports_a_dropped_task_as_dropped_not_chronic(
    env: Path, capsys, monkeypatch
) -> None:
    # About showing chronic items, not about when an item is chronic: with a rule
    # that lets three times count (on these few items it would take many more).
    from loopbaan.insight import evidence

    monkeypatch.setattr(evidence, "ALPHA", 1.0)
    run(capsys, "log", "Renew the #cert", "--task", "--day", "2026-11-02")
    run(capsys, "log", "Tidy the #wiki", "--task", "--day", "2026-11-02")
    cert, wiki = (r["id"] for r in listed(capsys, "--day", "2026-11-02"))
    conn = open_journal(env)
    from loopbaan.domain import Reason
    from loopbaan.store import transaction

    with transaction(conn):
        for to_day in ("2026-11-03", "2026-11-04", "2026-11-05"):
            items.postpone(conn, cert, date.fromisoformat(to_day), Reason.NO_TIME)
            items.postpone(conn, wiki, date.fromisoformat(to_day), Reason.NO_TIME)
    conn.close()
    assert run(capsys, "drop", str(wiki))[0] == 0
    code, out, _ = run(capsys, "postponed", "--format", "json")
    assert code == 0
    status = {item["title"]: item["status"] for item in json.loads(out)["items"]}
    assert status == {"Renew the #cert": "open", "Tidy the #wiki": "dropped"}
    code, out, _ = run(capsys, "postponed")
    assert code == 0
    assert "6 postponements" in out  # the history still counts
    chronic = out[out.index("Chronic") :]
    assert "Renew the #cert" in chronic and "Tidy the #wiki" not in chronic
    from loopbaan.insight import postponements
    from loopbaan.store import postponed

    report = postponed.postponed(open_journal(env), date(2026, 11, 1), date(2026, 11, 30))
    assert [c.item.title for c in postponements.chronic(report)] == ["Renew the #cert"]


# ------------------------------------------------------------------ log with markers


def logged(capsys, *argv: str) -> dict:
    """Log one item and return it as `list --format json` shows it."""
    code, out, err = run(capsys, "log", *argv)
    assert code == 0, err
    item_id = int(out.split()[1])  # "logged 3 [ ] + Title (task, 2026-11-23)"
    day = out.strip().rsplit(", ", 1)[1].rstrip(")")
    code, out, _ = run(capsys, "list", "--format", "json", "--day", day)
    return next(row for row in json.loads(out) if row["id"] == item_id)


@pytest.mark.parametrize(
    ("argv", "kind", "rating", "title", "tags"),
    [
        (["@Standup"], "appointment", None, "Standup", []),
        (["!+ Finish the deck #slides"], "task", "plus", "Finish the deck #slides", ["slides"]),
        (["+ Paired with Sam #parser"], "activity", "plus", "Paired with Sam #parser", ["parser"]),
        (["- Expense report"], "activity", "minus", "Expense report", []),
        (["0 Weekly sync"], "activity", "neutral", "Weekly sync", []),
        # flags add what the markers leave out, or say the same
        (
            ["! Write the #design doc", "--plus"],
            "task",
            "plus",
            "Write the #design doc",
            ["design"],
        ),
        (["+ Demo day", "--appointment"], "appointment", "plus", "Demo day", []),
        (["!+ Same twice", "--task", "--plus"], "task", "plus", "Same twice", []),
        (["@ Retro", "--appointment", "--minus"], "appointment", "minus", "Retro", []),
        # no markers: the title as typed
        (["+1 for Sam", "--plus"], "activity", "plus", "+1 for Sam", []),
        (["0800 standup"], "activity", None, "0800 standup", []),
        (["Email @anna #followup"], "activity", None, "Email @anna #followup", ["followup"]),
    ],
)
def test_log_reads_the_markers(env, capsys, argv, kind, rating, title, tags) -> None:
    item = logged(capsys, *argv)
    assert (item["kind"], item["rating"], item["title"], item["tags"]) == (
        kind,
        rating,
        title,
        tags,
    )
    assert item["day"] == "2026-11-23"


def test_log_markers_with_a_day(env, capsys) -> None:
    item = logged(capsys, "!- Chase the invoice", "--day", "next", "friday")
    assert (item["kind"], item["rating"], item["day"]) == ("task", "minus", "2026-11-27")
    assert item["status"] == "open"


def test_log_confirms_what_the_markers_said(env, capsys) -> None:
    code, out, _ = run(capsys, "log", "!+ Finish the deck #slides")
    assert code == 0
    assert out.strip() == "logged 1 [ ] + Finish the deck #slides (task, 2026-11-23)"


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["+ x", "--minus"], "marked plus, but --minus says otherwise"),
        (["- x", "--neutral"], "marked minus, but --neutral says otherwise"),
        (["!x", "--appointment"], "marked task, but --appointment says otherwise"),
        (["@x", "--task"], "marked appointment, but --task says otherwise"),
        (["!+ x", "--task", "--minus"], "marked plus, but --minus"),
        (["!"], "the title is empty"),
        (["@+"], "the title is empty"),
        (["!+  "], "the title is empty"),
    ],
)
def test_log_marker_errors_are_usage_errors(env, capsys, argv, message) -> None:
    run(capsys, "log", "Already there")
    before = dump(env)
    code, out, err = run(capsys, "log", *argv)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
    assert dump(env) == before


def test_postpone_on_the_last_day_of_the_calendar_needs_a_day(env, capsys, monkeypatch) -> None:
    monkeypatch.setenv("LOOPBAAN_TODAY", "9999-12-31")
    run(capsys, "log", "!Write the report")
    before = dump(env)
    code, out, err = run(capsys, "postpone", "1", "--reason", "too_big")
    assert (code, out) == (2, "")
    assert "no day after 9999-12-31" in err and len(err.strip().splitlines()) == 1
    assert dump(env) == before


def test_talk_talks_check_and_the_status_nudge(env: Path, capsys) -> None:
    assert run(capsys, "log", "first entry", "--day", "2026-09-01")[0] == 0
    code, out, _err = run(capsys, "status", "--format", "json")
    state = json.loads(out)
    assert (state["days_since_career_talk"], state["talk_nudge"]) == (None, True)
    assert "no career talk yet" in run(capsys, "status")[1]

    code, out, err = run(
        capsys, "talk", "Anna", "--role", "mentor", "--day", "43", "days", "ago", "--ask", "a raise"
    )
    assert code == 0, err
    assert "Anna (mentor, career) on 2026-10-11" in out
    assert run(capsys, "talk", "Bob", "--kind", "feedback")[0] == 0  # not a career talk
    code, out, _err = run(capsys, "talks", "--format", "json")
    listed = json.loads(out)
    assert (listed["days_since_career_talk"], listed["talk_nudge"]) == (43, True)
    assert [(t["with_whom"], t["kind"], t["prepared"]) for t in listed["conversations"]] == [
        ("Bob", "feedback", ""),
        ("Anna", "career", "a raise"),
    ]
    assert listed["conversations"][1]["walk_away"] == ""
    code, out, _err = run(capsys, "talks")
    assert out.splitlines()[0] == "43 days since a career talk: time for one"
    assert "Anna" in out and "mentor" in out
    assert "43 days since a career talk" in run(capsys, "status")[1]

    assert run(capsys, "talk", "Cy", "--day", "42", "days", "ago")[0] == 0
    state = json.loads(run(capsys, "status", "--format", "json")[1])
    assert (state["days_since_career_talk"], state["talk_nudge"]) == (42, False)
    assert "career talk" not in run(capsys, "status")[1]

    code, out, err = run(capsys, "check", "concern", "4", "--note", "planning ahead")
    assert code == 0, err
    assert out.strip() == "checked in: Concern 4/5 on 2026-11-23"
    conn = open_journal(env)
    rows = conn.execute("SELECT attitude, score, note FROM attitude_check").fetchall()
    assert [tuple(row) for row in rows] == [("concern", 4, "planning ahead")]


def test_talk_and_check_usage_errors(env: Path, capsys) -> None:
    for argv in (
        ["check", "nope", "3"],
        ["check", "concern", "6"],
        ["check", "concern", "x"],
        ["talk", " "],
        ["talk", "Anna", "--kind", "bogus"],
        ["talk", "Anna", "--role", "boss"],
    ):
        code, out, err = run(capsys, *argv)
        assert code == 2, argv
        assert out == "" and len(err.strip().splitlines()) == 1, argv
    assert (
        not env.exists()
        or open_journal(env).execute("SELECT count(*) FROM conversation").fetchone()[0] == 0
    )


def test_check_uses_the_attitudes_of_the_settings(env: Path, tmp_path: Path, capsys) -> None:
    (tmp_path / "config.toml").write_text(
        '[attitudes]\nreflection = { label = "Reflection", question = "Do I know my motives?" }\n'
    )
    assert run(capsys, "check", "reflection", "3")[0] == 0
    assert run(capsys, "check", "concern", "3")[0] == 2


def test_talk_names_are_shown_safely(env: Path, capsys) -> None:
    code, out, _err = run(capsys, "talk", "Eve\x1b[31m")
    assert code == 0 and "\x1b" not in out
    code, out, _err = run(capsys, "talks")
    assert "\x1b" not in out
    listed = json.loads(run(capsys, "talks", "--format", "json")[1])
    assert listed["conversations"][0]["with_whom"] == "Eve\x1b[31m"  # JSON stays exact
