"""The leading markers of a typed title (`!+ Finish the deck #slides`), and `loopbaan log`."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from loopbaan.cli import main
from loopbaan.domain import Captured, Kind, Rating, parse_markers

TASK, APPOINTMENT = Kind.TASK, Kind.APPOINTMENT
PLUS, MINUS, NEUTRAL = Rating.PLUS, Rating.MINUS, Rating.NEUTRAL


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the docstring's cases
        ("!+ Finish the deck #slides", Captured(TASK, PLUS, "Finish the deck #slides")),
        ("@Standup", Captured(APPOINTMENT, None, "Standup")),
        ("+ Paired with Sam #parser", Captured(None, PLUS, "Paired with Sam #parser")),
        ("- Expense report", Captured(None, MINUS, "Expense report")),
        ("− Expense report", Captured(None, MINUS, "Expense report")),  # U+2212
        ("0 Weekly sync", Captured(None, NEUTRAL, "Weekly sync")),
        ("!Call Anna", Captured(TASK, None, "Call Anna")),
        # any order, any spacing between markers
        ("+! Finish the deck", Captured(TASK, PLUS, "Finish the deck")),
        ("! + Finish the deck", Captured(TASK, PLUS, "Finish the deck")),
        ("-@ Retro", Captured(APPOINTMENT, MINUS, "Retro")),
        ("@- Retro", Captured(APPOINTMENT, MINUS, "Retro")),
        ("0@Planning", Captured(APPOINTMENT, NEUTRAL, "Planning")),
        ("  !   +   Spaced   out ", Captured(TASK, PLUS, "Spaced   out")),
        # a rating mark needs a space or a marker after it
        ("+1 for Sam", Captured(None, None, "+1 for Sam")),
        ("0800 standup", Captured(None, None, "0800 standup")),
        ("-3 kg", Captured(None, None, "-3 kg")),
        ("!+1 for Sam", Captured(TASK, None, "+1 for Sam")),
        # each kind of marker once; a second one is title
        ("!! Urgent", Captured(TASK, None, "! Urgent")),
        ("!@ Both", Captured(TASK, None, "@ Both")),
        ("+ - Mixed", Captured(None, PLUS, "- Mixed")),
        # markers only count at the start; a #tag stays where it is
        ("Email @anna about it!", Captured(None, None, "Email @anna about it!")),
        ("Plain title #tag", Captured(None, None, "Plain title #tag")),
        ("#tag first", Captured(None, None, "#tag first")),
        # nothing but markers leaves an empty title
        ("!+", Captured(TASK, PLUS, "")),
        ("+", Captured(None, PLUS, "")),
        ("", Captured(None, None, "")),
        ("   ", Captured(None, None, "")),
    ],
)
def test_parse_markers(text: str, expected: Captured) -> None:
    assert parse_markers(text) == expected


# ------------------------------------------------------------------ loopbaan log

TODAY = "2026-11-23"


@pytest.fixture
def db(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "journal.db"
    monkeypatch.setenv("LOOPBAAN_DB", str(path))
    monkeypatch.setenv("LOOPBAAN_TODAY", TODAY)
    monkeypatch.setenv("LOOPBAAN_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("LOOPBAAN_LANG", "en")
    return path


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def logged(capsys, *argv: str) -> dict:
    """Log one item and return it as `list --format json` shows it."""
    code, out, err = run(capsys, "log", *argv)
    assert code == 0, err
    item_id = int(out.split()[1])  # "logged 3 [ ] + Title (task, 2026-11-23)"
    day = out.strip().rsplit(", ", 1)[1].rstrip(")")
    code, out, _ = run(capsys, "list", "--format", "json", "--day", day)
    return next(row for row in json.loads(out) if row["id"] == item_id)


def dump(path: Path) -> list[str]:
    if not path.exists():
        return []
    conn = sqlite3.connect(path)
    try:
        return list(conn.iterdump())
    finally:
        conn.close()


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
def test_log_reads_the_markers(db, capsys, argv, kind, rating, title, tags) -> None:
    item = logged(capsys, *argv)
    assert (item["kind"], item["rating"], item["title"], item["tags"]) == (
        kind,
        rating,
        title,
        tags,
    )
    assert item["day"] == TODAY


def test_log_markers_with_a_day(db, capsys) -> None:
    item = logged(capsys, "!- Chase the invoice", "--day", "next", "friday")
    assert (item["kind"], item["rating"], item["day"]) == ("task", "minus", "2026-11-27")
    assert item["status"] == "open"


def test_log_confirms_what_the_markers_said(db, capsys) -> None:
    code, out, _ = run(capsys, "log", "!+ Finish the deck #slides")
    assert code == 0
    assert out.strip() == f"logged 1 [ ] + Finish the deck #slides (task, {TODAY})"


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
def test_log_marker_errors_are_usage_errors(db, capsys, argv, message) -> None:
    run(capsys, "log", "Already there")
    before = dump(db)
    code, out, err = run(capsys, "log", *argv)
    assert code == 2 and out == ""
    assert message in err and len(err.strip().splitlines()) == 1
    assert dump(db) == before
