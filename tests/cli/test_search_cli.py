"""`loopbaan search`: hits newest first, marks that are ours alone, JSON, usage errors."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from loopbaan.cli import main
from loopbaan.store import items, open_journal, transaction


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    db = tmp_path / "j.db"
    monkeypatch.setenv("LOOPBAAN_DB", str(db))
    monkeypatch.setenv("LOOPBAAN_CONFIG", str(tmp_path / "config.toml"))
    conn = open_journal(db)
    with transaction(conn):
        items.add_item(conn, "Old café \x1b]0;pwned\x07 budget", day=date(2026, 1, 5))
        items.add_item(conn, "New budget call", day=date(2026, 11, 20), note="about [b]x[/b]")
    conn.close()
    return db


def test_hits_newest_first_marked_and_escaped(env: Path, capsys) -> None:
    assert main(["search", "budget"]) == 0
    out = capsys.readouterr().out
    lines = out.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith("2026-11-20") and "New [budget] call" in lines[0]
    assert lines[1].startswith("2026-01-05") and "\\x1b]0;pwned\\x07" in lines[1]
    assert "\x1b" not in out and "\x07" not in out  # piped: no escape at all


def test_json_filters_and_diacritics(env: Path, capsys) -> None:
    assert main(["search", "cafe", "--format", "json"]) == 0
    [hit] = json.loads(capsys.readouterr().out)
    assert hit["kind"] == "item" and hit["what"] == "activity" and hit["day"] == "2026-01-05"
    assert hit["matches"] == ["café"]
    assert hit["title"] == "Old café \x1b]0;pwned\x07 budget"  # JSON keeps the data exact
    assert main(["search", "budget", "--since", "2026-06-01", "--format", "json"]) == 0
    assert [h["day"] for h in json.loads(capsys.readouterr().out)] == ["2026-11-20"]
    assert main(["search", '"budget', "--format", "json"]) == 0  # plain words
    assert len(json.loads(capsys.readouterr().out)) == 2


def test_usage_errors_are_one_line_exit_2(env: Path, capsys) -> None:
    assert main(["search", " "]) == 2
    assert main(["search", "x", "--since", "2026-02-01", "--until", "2026-01-01"]) == 2
    err = capsys.readouterr().err
    assert len(err.splitlines()) == 2
    with pytest.raises(SystemExit) as exited:
        main(["search", "x", "--kind", "bogus"])
    assert exited.value.code == 2
