from __future__ import annotations

import re
import sys
from pathlib import Path

import platformdirs
import pytest

from loopbaan import config
from tests.helpers import Shouting


@pytest.mark.skipif(sys.platform != "linux", reason="the fast path is for Linux")
@pytest.mark.parametrize("xdg", [None, "/tmp/xdg-here"])
def test_fast_folders_match_platformdirs(monkeypatch, xdg) -> None:
    monkeypatch.delenv("LOOPBAAN_CONFIG", raising=False)
    for var in ("XDG_DATA_HOME", "XDG_CONFIG_HOME"):
        if xdg:
            monkeypatch.setenv(var, xdg)
        else:
            monkeypatch.delenv(var, raising=False)
    assert config.data_dir() == Path(platformdirs.user_data_dir("loopbaan"))
    assert config.config_path().parent == Path(platformdirs.user_config_dir("loopbaan"))


def test_db_path_order(monkeypatch, tmp_path) -> None:
    monkeypatch.setenv("LOOPBAAN_DB", str(tmp_path / "env.db"))
    assert config.db_path(tmp_path / "flag.db") == tmp_path / "flag.db"
    assert config.db_path(None) == tmp_path / "env.db"
    monkeypatch.delenv("LOOPBAAN_DB")
    assert config.db_path(None) == config.data_dir() / "loopbaan.db"


def test_settings_read_and_saved(tmp_path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'first_day_of_week = "sunday"\nlanguage = "nl"\nconversation_reminder_weeks = 4\n'
    )
    settings = config.load_settings(path)
    assert (settings.first_weekday, settings.language, settings.talk_reminder_weeks) == (6, "nl", 4)
    config.save_setting("theme", "nord", path)
    again = config.load_settings(path)
    assert again.theme == "nord" and again.first_weekday == 6


def test_broken_settings_fall_back_to_defaults(tmp_path) -> None:
    path = tmp_path / "config.toml"
    path.write_text("this is = = not toml")
    settings = config.load_settings(path)
    assert settings.first_weekday == 0 and settings.theme == "textual-dark"


# ---------------------------------------------------------------------- a broken settings file


def test_a_good_file_has_no_problems(tmp_path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        '# mine\nfirst_day_of_week = 6\nlanguage = "nl_NL"\ntheme = "nord"\n'
        "conversation_reminder_weeks = 52\n"
    )
    settings = config.load_settings(path)
    assert settings.problems == []
    assert (settings.first_weekday, settings.language, settings.theme) == (6, "nl", "nord")
    assert settings.talk_reminder_weeks == 52


def test_no_file_is_no_problem(tmp_path) -> None:
    assert config.load_settings(tmp_path / "absent.toml").problems == []


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (
            b"this is = = not toml",
            "{path} is not valid TOML (* (at line 1, column 6)); the default settings are used",
        ),
        (b'theme = "nord"\n\xff\n', "{path} is not UTF-8 text; the default settings are used"),
        (
            b"a = " + b"[" * 5000 + b"]" * 5000,
            "{path}: line 1 is longer than 1000 characters; the default settings are used",
        ),
        (
            b"a = [\n" + b"[\n" * 1200 + b"]\n" * 1200 + b"]\n",
            "{path} is not valid TOML (nested too deeply); the default settings are used",
        ),
        (
            b"conversation_reminder_weeks = " + b"9" * 900,
            "{path}: conversation_reminder_weeks = 999999999999… is not a whole number of weeks"
            " from 1 to 52; using 6",
        ),
        (
            b"x = 1\n" * 3000,
            "{path} is larger than 16 KiB, too large to be settings; the default settings are used",
        ),
        (
            b"# " + b"a." * 490 + b"\n",  # a long comment is fine: under the line limit
            None,
        ),
    ],
    ids=["not TOML", "not UTF-8", "long line", "deep", "long number", "too large", "comment"],
)
def test_a_broken_file_is_one_line_and_defaults(tmp_path, content: bytes, problem) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(content)
    settings = config.load_settings(path)
    if problem is None:
        assert settings.problems == []
    else:  # `*`: tomllib's own words, which vary with the Python version
        (line,) = settings.problems
        assert re.fullmatch(re.escape(problem.format(path=path)).replace(r"\*", ".*"), line)
    assert all("\n" not in line for line in settings.problems)
    assert (settings.first_weekday, settings.language, settings.theme) == (0, None, "textual-dark")
    assert settings.talk_reminder_weeks == 6


def test_wrong_values_are_named_and_the_others_kept(tmp_path) -> None:
    path = tmp_path / "config.toml"
    path.write_text(
        'theme = "neon\\u001b[2J"\nlanguage = "fr"\nconversation_reminder_weeks = "six"\n'
        'first_day_of_week = "someday"\nthem = "nord"\n'
    )
    settings = config.load_settings(path)
    assert settings.problems == [
        f"{path}: not a setting: 'them' (the settings are first_day_of_week, language, theme,"
        " conversation_reminder_weeks, check_in_days, attitudes, keys, backup_keep_daily,"
        " backup_keep_weekly, calendar_email)",
        f"{path}: first_day_of_week = 'someday' is not a day of the week (monday to sunday);"
        " using monday",
        f"{path}: language = 'fr' is not en or nl; using the language of the locale",
        f"{path}: theme = 'neon\\x1b[2J' is not one of the themes (ctrl+p lists them);"
        " using textual-dark",
        f"{path}: conversation_reminder_weeks = 'six' is not a whole number of weeks from 1 to 52;"
        " using 6",
    ]
    assert (settings.theme, settings.language, settings.talk_reminder_weeks) == (
        "textual-dark",
        None,
        6,
    )


@pytest.mark.parametrize(
    ("line", "shown"),
    [
        ("conversation_reminder_weeks = 0", "0"),
        ("conversation_reminder_weeks = 53", "53"),
        ("conversation_reminder_weeks = 4.5", "4.5"),
        ("conversation_reminder_weeks = true", "true"),
        ("conversation_reminder_weeks = [4]", "[…]"),
        ("conversation_reminder_weeks = 99999999999999999999", "999999999999…"),
    ],
)
def test_reminder_weeks_must_be_a_whole_number_in_range(tmp_path, line: str, shown: str) -> None:
    path = tmp_path / "config.toml"
    path.write_text(line + "\n")
    settings = config.load_settings(path)
    assert settings.talk_reminder_weeks == 6
    assert settings.problems == [
        f"{path}: conversation_reminder_weeks = {shown} is not a whole number of weeks"
        " from 1 to 52; using 6"
    ]


def test_a_folder_is_not_a_settings_file(tmp_path) -> None:
    settings = config.load_settings(tmp_path)
    assert settings.problems == [f"{tmp_path} is not a file; the default settings are used"]


def test_problems_are_translated_when_asked(tmp_path, monkeypatch) -> None:
    """Read before the language is known (the file names it), shown in it afterwards."""
    from loopbaan import i18n

    path = tmp_path / "config.toml"
    path.write_text('language = "nl"\ntheme = 7\n')
    settings = config.load_settings(path)
    monkeypatch.setattr(i18n, "_translation", Shouting())
    assert settings.problems == [
        f"{path}: theme = 7 IS NOT ONE OF THE THEMES (CTRL+P LISTS THEM); USING textual-dark"
    ]


def test_the_themes_are_textuals_own() -> None:
    from textual.theme import BUILTIN_THEMES

    assert set(BUILTIN_THEMES) == config.THEMES


def test_saving_keeps_the_other_settings_and_never_reads_a_huge_file(tmp_path) -> None:
    path = tmp_path / "config.toml"
    path.write_text('language = "nl"\n')
    config.save_setting("theme", "nord", path)
    settings = config.load_settings(path)
    assert (settings.language, settings.theme, settings.problems) == ("nl", "nord", [])
    path.write_bytes(b"x = 1\n" * 500_000)
    config.save_setting("theme", "dracula", path)
    assert path.read_text() == 'theme = "dracula"\n'


def test_saving_a_setting_never_writes_through_a_planted_link(tmp_path) -> None:
    import os

    from loopbaan import config

    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    path = tmp_path / "cfg" / "config.toml"
    path.parent.mkdir()
    os.symlink(victim, path.with_suffix(".tmp"))  # the old fixed temporary name
    config.save_setting("theme", "nord", path)
    assert victim.read_text() == "keep me"
    assert 'theme = "nord"' in path.read_text()
    assert (path.stat().st_mode & 0o777) == 0o600
