"""The command line in Dutch: its help (argparse's own words too), its reports and
its errors hold no English word of the catalogue (see tests/helpers.py)."""

from __future__ import annotations

import argparse
from pathlib import Path

import pytest

from loopbaan.cli import build_parser
from tests.helpers import english_only_words, run_cli, words


def typed_words() -> set[str]:
    """What the user types, the same in every language: the commands and the values
    of their choices (`postpone --reason too_big`). Read from the parser itself."""
    typed: set[str] = set()
    actions = list(build_parser()._actions)  # argparse has no public walk of its tree
    while actions:
        action = actions.pop()
        choices = action.choices or ()
        for choice in choices:
            typed |= words(str(choice).replace("_", " "))
            sub = choices[choice] if isinstance(choices, dict) else None
            if isinstance(sub, argparse.ArgumentParser):
                actions.extend(sub._actions)
    return typed


@pytest.fixture
def dutch(monkeypatch: pytest.MonkeyPatch, env: Path) -> set[str]:
    """LOOPBAAN_LANG=nl; returns the words that would be English."""
    english = english_only_words()
    monkeypatch.setenv("LOOPBAAN_LANG", "nl")
    return english - typed_words()


def english_in(text: str, english: set[str]) -> list[str]:
    return [line for line in text.splitlines() if words(line) & english]


@pytest.mark.parametrize(
    "argv",
    [
        ("--help",),
        ("log", "--help"),
        ("postpone", "--help"),
        ("talk", "--help"),
        ("import", "--help"),
    ],
)
def test_help_is_dutch(dutch: set[str], capsys, argv: tuple[str, ...]) -> None:
    code, out, _err = run_cli(capsys, *argv)
    assert code == 0
    assert "gebruik:" in out and "opties:" in out  # argparse's own words
    assert english_in(out, dutch) == []


def test_reports_and_errors_are_dutch(dutch: set[str], capsys) -> None:
    said = []
    for argv in (
        ("log", "!Het CV bijwerken"),
        ("log", "+Sparren met Sanne #mentoring"),
        ("list",),
        ("status",),
        ("postpone", "1", "--to", "vrijdag", "--reason", "too_big"),
        ("postponed",),
        ("talks",),
        ("brief",),
    ):
        code, out, err = run_cli(capsys, *argv)
        assert code == 0, err
        said.append(out + err)
    for argv, expected in (
        (("done", "99"), 1),  # a failure
        (("postpone",), 2),  # a usage error: argparse's "required"
        (("postpone", "1", "--reason", "lazy"), 2),  # argparse's "invalid choice"
        (("list", "--day", "someday"), 2),  # our day parser
        (("frobnicate",), 2),
    ):
        code, out, err = run_cli(capsys, *argv)
        assert code == expected, (argv, err)
        said.append(out + err)
    text = "\n".join(said)
    assert "geen item met id 99" in text and "verplicht" in text and "ongeldige keuze" in text
    assert english_in(text, dutch) == []


@pytest.mark.parametrize(
    ("variables", "setting"),
    [({"LOOPBAAN_LANG": "nl"}, None), ({}, "nl"), ({"LANG": "nl_NL.UTF-8"}, None)],
    ids=["LOOPBAAN_LANG", "the setting", "the locale"],
)
def test_each_way_of_choosing_dutch_reaches_the_command_line(
    monkeypatch: pytest.MonkeyPatch,
    env: Path,
    quiet_config: Path,
    capsys,
    variables: dict[str, str],
    setting: str | None,
) -> None:
    for name in ("LOOPBAAN_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(name, raising=False)
    for name, value in variables.items():
        monkeypatch.setenv(name, value)
    if setting:
        quiet_config.write_text(f'language = "{setting}"\n', encoding="utf-8")
    code, out, err = run_cli(capsys, "status")
    assert code == 0, err
    assert "nog geen dagboek" in out  # "no journal yet"
