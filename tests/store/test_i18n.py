"""Every user-facing string goes through gettext: a shouting catalogue proves it."""

from __future__ import annotations

import pytest

from loopbaan import i18n
from loopbaan.cli import main


def test_cli_messages_are_translated(shouting, capsys) -> None:
    assert main(["log", "Something", "--task"]) == 0
    assert "LOGGED" in capsys.readouterr().out
    assert main(["done", "99"]) == 1
    assert "NO ITEM WITH ID 99" in capsys.readouterr().err
    assert main(["status"]) == 0
    out = capsys.readouterr().out
    assert "REVIEW PENDING" in out and "OPEN TASK" in out


@pytest.mark.parametrize(
    ("env", "setting", "expected"),
    [
        ({"LOOPBAAN_LANG": "nl"}, None, "nl"),
        ({"LANG": "nl_NL.UTF-8"}, None, "nl"),
        ({"LANG": "de_DE.UTF-8"}, None, "en"),
        ({"LANG": "de_DE.UTF-8"}, "nl", "nl"),
        ({"LOOPBAAN_LANG": "en", "LANG": "nl_NL.UTF-8"}, "nl", "en"),
        ({}, None, "en"),
    ],
)
def test_language_choice(monkeypatch, env, setting, expected) -> None:
    for var in ("LOOPBAAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    assert i18n.pick_language(setting) == expected
