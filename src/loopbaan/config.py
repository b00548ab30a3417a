"""Where the journal and the settings live, and what the settings say."""

from __future__ import annotations

import os
import sys
from pathlib import Path

APP_NAME = "loopbaan"
DB_ENV = "LOOPBAAN_DB"
CONFIG_ENV = "LOOPBAAN_CONFIG"


def _xdg(variable: str, fallback: str) -> Path:
    """platformdirs' own rule on Linux, without its ~8 ms import (a shell prompt pays it).

    tests/test_config.py checks that both give the same folders.
    """
    value = os.environ.get(variable, "").strip()
    return Path(value if value else os.path.expanduser(fallback)) / APP_NAME


def data_dir() -> Path:
    if sys.platform == "linux":
        return _xdg("XDG_DATA_HOME", "~/.local/share")
    import platformdirs

    return Path(platformdirs.user_data_dir(APP_NAME))


def config_path() -> Path:
    explicit = os.environ.get(CONFIG_ENV)
    if explicit:
        return Path(explicit).expanduser()
    if sys.platform == "linux":
        return _xdg("XDG_CONFIG_HOME", "~/.config") / "config.toml"
    import platformdirs

    return Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


def db_path(explicit: str | os.PathLike[str] | None = None) -> Path:
    """The journal file: `--db`, then `LOOPBAAN_DB`, then the user's data folder."""
    chosen = explicit or os.environ.get(DB_ENV)
    if chosen:
        return Path(chosen).expanduser()
    return data_dir() / "loopbaan.db"


class Settings:
    """The settings file's values (a plain class: `dataclasses` is slow to import)."""

    __slots__ = ("first_weekday", "language", "talk_reminder_weeks", "theme")

    def __init__(self) -> None:
        self.first_weekday = 0  # 0 = Monday, as `date.weekday()`
        self.language: str | None = None
        self.theme = "textual-dark"
        self.talk_reminder_weeks = 6


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")


def load_settings(path: Path | None = None) -> Settings:
    """The settings file, or defaults where it is missing or a value is off."""
    path = path or config_path()
    settings = Settings()
    try:
        raw = path.read_bytes()
    except OSError:
        return settings
    import tomllib

    try:
        data = tomllib.loads(raw.decode("utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError):
        return settings
    first = data.get("first_day_of_week")
    if isinstance(first, str) and first.lower() in _WEEKDAYS:
        settings.first_weekday = _WEEKDAYS.index(first.lower())
    elif isinstance(first, int) and 0 <= first <= 6:
        settings.first_weekday = first
    if isinstance(data.get("language"), str):
        settings.language = data["language"]
    if isinstance(data.get("theme"), str):
        settings.theme = data["theme"]
    weeks = data.get("conversation_reminder_weeks")
    if isinstance(weeks, int) and weeks > 0:
        settings.talk_reminder_weeks = weeks
    return settings


def save_setting(key: str, value: str | int, path: Path | None = None) -> None:
    """Write one setting, keeping the others; a small hand-written TOML."""
    path = path or config_path()
    import tomllib

    try:
        data = tomllib.loads(path.read_text("utf-8"))
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError):
        data = {}
    data[key] = value
    lines = []
    for name, val in data.items():
        if isinstance(val, bool):
            lines.append(f"{name} = {'true' if val else 'false'}")
        elif isinstance(val, int):
            lines.append(f"{name} = {val}")
        elif isinstance(val, str):
            escaped = val.replace("\\", "\\\\").replace('"', '\\"')
            lines.append(f'{name} = "{escaped}"')
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".tmp")
    tmp.write_text("\n".join(lines) + "\n", "utf-8")
    os.replace(tmp, path)
