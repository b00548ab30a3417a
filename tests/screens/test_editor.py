"""$VISUAL / $EDITOR for long text: `ctrl+o` in every multi-line field, `log --edit`.

A fake editor (a small script) records what it was given and writes known text,
or fails; the app runs headless, where `edit_externally` runs the editor without
suspending (there is no terminal to hand over).
"""

from __future__ import annotations

import json
import os
import sys
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import TextArea

from loopbaan.dialogs.edit_item import EditItemScreen
from loopbaan.editor import EditorError, edit_text, editor_command
from loopbaan.screens.today import TodayScreen
from loopbaan.store import items, reviews, transaction

SIZE = (120, 40)
MON = date(2026, 11, 23)
WRITTEN = "Long note\nwith a second line, ünïcode and a tab\tin it"

FAKE_EDITOR = """\
import json, os, stat, sys
path = sys.argv[-1]
with open(path, encoding="utf-8", newline="") as file:
    before = file.read()
record = {
    "argv": sys.argv[1:-1],
    "path": path,
    "mode": stat.S_IMODE(os.lstat(path).st_mode),
    "folder_mode": stat.S_IMODE(os.lstat(os.path.dirname(path)).st_mode),
    "before": before,
}
with open(os.environ["FAKE_EDITOR_LOG"], "w", encoding="utf-8") as file:
    json.dump(record, file)
if os.environ.get("FAKE_EDITOR_FAIL"):
    with open(path, "w", encoding="utf-8") as file:
        file.write("half-written, then the editor failed")
    sys.exit(3)
with open(path, "w", encoding="utf-8", newline="") as file:
    file.write(os.environ["FAKE_EDITOR_TEXT"] + "\\n")  # as editors end a file
"""


@pytest.fixture
def fake_editor(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """$EDITOR is the fake (with an option, as `code --wait` has); returns its log."""
    script = tmp_path / "fake editor.py"
    script.write_text(f"#!{sys.executable}\n{FAKE_EDITOR}", encoding="utf-8")
    script.chmod(0o700)
    log = tmp_path / "editor.json"
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.setenv("EDITOR", f"'{script}' --wait")
    monkeypatch.setenv("FAKE_EDITOR_LOG", str(log))
    monkeypatch.setenv("FAKE_EDITOR_TEXT", WRITTEN)
    monkeypatch.delenv("FAKE_EDITOR_FAIL", raising=False)
    return log


def seen(log: Path) -> dict:
    return json.loads(log.read_text(encoding="utf-8"))


# ------------------------------------------------------------------ the editor


def test_the_editor_gets_the_text_on_a_private_file_and_gives_back_its_own(fake_editor) -> None:
    assert edit_text("old text") == WRITTEN  # the newline the editor added is taken off
    record = seen(fake_editor)
    assert record["before"] == "old text"
    assert record["argv"] == ["--wait"]  # "$EDITOR" is split as a shell would
    assert record["mode"] == 0o600 and record["folder_mode"] == 0o700
    assert not os.path.exists(record["path"])  # removed, with its folder
    assert not os.path.exists(os.path.dirname(record["path"]))


def test_an_editor_that_fails_gives_nothing_and_leaves_no_file(fake_editor, monkeypatch) -> None:
    monkeypatch.setenv("FAKE_EDITOR_FAIL", "1")
    assert edit_text("old text") is None
    assert not os.path.exists(seen(fake_editor)["path"])


def test_which_editor(monkeypatch) -> None:
    assert editor_command({"VISUAL": "nvim -f", "EDITOR": "nano"}) == ["nvim", "-f"]
    assert editor_command({"VISUAL": " ", "EDITOR": "code --wait"}) == ["code", "--wait"]
    fallback = ["notepad"] if sys.platform == "win32" else ["vi"]
    assert editor_command({}) == fallback
    with pytest.raises(EditorError, match="EDITOR"):
        editor_command({"EDITOR": "'unclosed"})
    monkeypatch.setenv("EDITOR", "no-such-editor-anywhere")
    monkeypatch.delenv("VISUAL", raising=False)
    with pytest.raises(EditorError, match="not found"):
        edit_text("x")


# --------------------------------------------------------------- the command line


def test_log_edit_takes_the_note_from_the_editor(fake_editor, tmp_path, monkeypatch, capsys):
    from loopbaan.cli import main

    db = tmp_path / "journal.db"
    monkeypatch.setenv("LOOPBAAN_DB", str(db))
    monkeypatch.setenv("LOOPBAAN_TODAY", "2026-11-23")
    monkeypatch.setenv("LOOPBAAN_CONFIG", str(tmp_path / "config.toml"))
    assert main(["log", "Wrote the design doc", "--edit"]) == 0
    assert seen(fake_editor)["before"] == ""
    from loopbaan.store import open_journal

    conn = open_journal(db)
    (item,) = items.items_for_day(conn, MON)
    assert item.note == WRITTEN

    monkeypatch.setenv("FAKE_EDITOR_FAIL", "1")
    capsys.readouterr()
    assert main(["log", "Not this one", "--edit"]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "nothing was logged" in err
    assert [i.title for i in items.items_for_day(conn, MON)] == ["Wrote the design doc"]
    with pytest.raises(SystemExit) as exit_:
        main(["log", "Both", "--edit", "--note", "x"])
    assert exit_.value.code == 2
    conn.close()


# ------------------------------------------------------------------------ the TUI


async def test_ctrl_o_edits_an_item_note_in_the_editor(make_app, conn, fake_editor, today):
    with transaction(conn):
        demo = items.add_item(conn, "Sprint demo", day=today, note="first thoughts")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, EditItemScreen)
        note = app.screen.query_one("#edit-note", TextArea)
        note.focus()
        await pilot.press("ctrl+o")
        assert seen(fake_editor)["before"] == "first thoughts"
        assert note.text == WRITTEN
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, TodayScreen)
    assert items.get_item(conn, demo.id).note == WRITTEN


async def test_ctrl_o_in_a_review_field_and_a_failing_editor(make_app, conn, fake_editor, today):
    with transaction(conn):
        items.add_item(conn, "Sprint demo", day=today)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "3")  # the energy, then on to what you liked
        liked = app.screen.query_one("#review-liked", TextArea)
        assert app.focused is liked
        await pilot.press(*"typed")
        await pilot.press("ctrl+o")
        assert seen(fake_editor)["before"] == "typed"
        assert liked.text == WRITTEN
        await pilot.press("tab")  # leaving a field saves it
        await pilot.pause()
        assert reviews.day_review(conn, today).liked == WRITTEN

        os.environ["FAKE_EDITOR_FAIL"] = "1"  # undone by the fixture's monkeypatch
        disliked = app.screen.query_one("#review-disliked", TextArea)
        assert app.focused is disliked
        await pilot.press(*"kept", "ctrl+o")
        assert disliked.text == "kept"
        await pilot.press("tab")
        await pilot.pause()
        assert reviews.day_review(conn, today).disliked == "kept"
