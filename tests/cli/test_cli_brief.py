"""`loopbaan brief` through the command line: output, files and exit codes."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from loopbaan.brief import brief_markdown
from loopbaan.cli import main
from loopbaan.safe import printable
from loopbaan.store import open_journal

TODAY = "2026-11-23"


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "data" / "journal.db"
    monkeypatch.setenv("LOOPBAAN_DB", str(db))
    monkeypatch.setenv("LOOPBAAN_TODAY", TODAY)
    monkeypatch.setenv("LOOPBAAN_CONFIG", str(tmp_path / "config.toml"))
    monkeypatch.setenv("LOOPBAAN_LANG", "en")
    return db


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:
        code = exit_.code if isinstance(exit_.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


def the_brief(db: Path, **kwargs: object) -> str:
    from datetime import date

    conn = open_journal(db, create=False)
    assert conn is not None
    try:
        return brief_markdown(conn, date.fromisoformat(TODAY), **kwargs)  # type: ignore[arg-type]
    finally:
        conn.close()


def seed(capsys) -> None:
    assert run(capsys, "log", "Mentored Sam #mentoring", "--plus")[0] == 0
    assert (
        run(capsys, "talk", "Anna", "--day", "tomorrow", "--ask", "A raise \x1b[31m *now*")[0] == 0
    )


def test_the_brief_on_standard_output_is_made_safe(env, capsys) -> None:
    seed(capsys)
    code, out, err = run(capsys, "brief", "--for", "Anna")
    assert code == 0 and err == ""
    exact = the_brief(env, for_name="Anna")
    assert "\x1b" in exact  # the journal's text, as typed
    assert out == printable(exact, lines=True) + ("" if exact.endswith("\n") else "\n")
    assert "\x1b" not in out
    assert out.startswith("# Career conversation with Anna\n")
    assert "- **My ask:** A raise \\x1b\\[31m \\*now\\*" in out


def test_the_brief_into_a_file_keeps_the_text_exact(env, tmp_path, capsys) -> None:
    seed(capsys)
    target = tmp_path / "brief.md"
    code, out, err = run(capsys, "brief", "--since", "last monday", "-o", str(target))
    assert code == 0 and out == ""
    assert f"brief written to {target}" in err
    assert target.read_text(encoding="utf-8") == the_brief(
        env, since=__import__("datetime").date(2026, 11, 16)
    )
    assert stat.S_IMODE(os.stat(target).st_mode) == 0o600


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["brief", "--since", "garbage"], 2, "not a day"),
        (["brief", "--until", "someday"], 2, "not a day"),
        (["brief", "--since", "tomorrow"], 2, "--since 2026-11-24 is after 2026-11-23"),
        (["brief", "--since", "2026-11-10", "--until", "2026-11-01"], 2, "is after"),
        (["brief", "--format", "json"], 2, "unrecognized arguments"),
        (["brief", "-o", "{tmp}/missing/brief.md"], 1, "the folder does not exist"),
        (["brief", "-o", "{tmp}"], 2, "is a folder"),
    ],
)
def test_brief_exit_codes(env, tmp_path, capsys, argv, code, message) -> None:
    seed(capsys)
    argv = [arg.replace("{tmp}", str(tmp_path)) for arg in argv]
    got, out, err = run(capsys, *argv)
    assert (got, out) == (code, "")
    assert message in err
    assert len(err.strip().splitlines()) == 1  # one line, no traceback
    assert not (tmp_path / "missing").exists()


def test_no_journal_yet_is_a_failure_and_creates_nothing(env, capsys) -> None:
    code, out, err = run(capsys, "brief")
    assert (code, out) == (1, "")
    assert "there is no journal at" in err
    assert not env.exists()
