from __future__ import annotations

import sys
from pathlib import Path

import platformdirs
import pytest

from loopbaan import config


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
