"""Where the journal and the settings live, and what the settings say."""

from __future__ import annotations

import os
import stat
import sys
from pathlib import Path

from loopbaan.domain import DEFAULT_ATTITUDES
from loopbaan.i18n import LANGUAGES, N_

APP_NAME = "loopbaan"
DB_ENV = "LOOPBAAN_DB"
CONFIG_ENV = "LOOPBAAN_CONFIG"


def _xdg(variable: str, fallback: str) -> Path:
    """platformdirs' own rule on Linux, without its ~8 ms import (a shell prompt pays it).

    tests/store/test_config.py checks that both give the same folders.
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


class _Message(str):
    """A message within a message: translated when the outer one is."""

    __slots__ = ()


class Settings:
    """The settings file's values (a plain class: `dataclasses` is slow to import).

    `problems` says, one line each, what in the file was not used and why (the
    default stands in): the command line prints them on standard error, the TUI
    shows them as a notice.
    """

    __slots__ = (
        "_problems", "attitudes", "backup_keep_daily", "backup_keep_weekly", "calendar_email",
        "check_in_days", "first_weekday", "keys", "language", "talk_reminder_weeks", "theme",
    )  # fmt: skip

    def __init__(self) -> None:
        self.first_weekday = 0  # 0 = Monday, as `date.weekday()`
        self.language: str | None = None
        self.theme = DEFAULT_THEME
        self.talk_reminder_weeks = DEFAULT_REMINDER_WEEKS
        self.keys: dict[str, str] = {}  # binding id -> keys, from [keys] (see loopbaan/keys.py)
        # The career-management attitudes rated in a check-in: key -> (label, question).
        # The default labels and questions are msgids (show them through `_`); a user's own
        # are shown as written (`_` gives back a text it does not know).
        self.attitudes: dict[str, tuple[str, str]] = dict(DEFAULT_ATTITUDES)
        self.check_in_days = DEFAULT_CHECK_IN_DAYS  # an attitude check-in is due this often
        # The automatic backups kept (store/backups.py); both 0: no automatic backups.
        self.backup_keep_daily = DEFAULT_KEEP_DAILY
        self.backup_keep_weekly = DEFAULT_KEEP_WEEKLY
        # Who "me" is in an imported calendar: invitations declined by it are skipped.
        self.calendar_email: str | None = None
        self._problems: list[tuple[str, dict[str, object]]] = []

    @property
    def problems(self) -> list[str]:
        """What in the settings file was not used, one line each, in the current language.

        Translated when asked, not when read: the file names the language.
        """
        from loopbaan.i18n import _

        return [
            _(message).format(
                **{k: _(v) if isinstance(v, _Message) else v for k, v in values.items()}
            )
            for message, values in self._problems
        ]

    def problem(self, message: str, **values: object) -> None:
        self._problems.append((message, values))


DEFAULT_THEME = "textual-dark"
DEFAULT_REMINDER_WEEKS = 6
MAX_REMINDER_WEEKS = 52
DEFAULT_CHECK_IN_DAYS = 30  # "monthly"
MAX_CHECK_IN_DAYS = 366
MAX_ATTITUDES = 12
# Textual's built-in themes, the ones the app offers (tests/store/test_config.py checks
# them against Textual's list); named here so that the quick commands need no Textual.
THEMES = frozenset(
    {
        "ansi-dark", "ansi-light", "atom-one-dark", "atom-one-light", "catppuccin-frappe",
        "catppuccin-latte", "catppuccin-macchiato", "catppuccin-mocha", "dracula", "flexoki",
        "gruvbox", "monokai", "nord", "rose-pine", "rose-pine-dawn", "rose-pine-moon",
        "solarized-dark", "solarized-light", "textual-dark", "textual-light", "tokyo-night",
    }
)  # fmt: skip
DEFAULT_KEEP_DAILY = 7
DEFAULT_KEEP_WEEKLY = 8
MAX_KEEP = 1000
KNOWN_SETTINGS = (
    "first_day_of_week", "language", "theme", "conversation_reminder_weeks", "check_in_days",
    "attitudes", "keys", "backup_keep_daily", "backup_keep_weekly", "calendar_email",
)  # fmt: skip
# A settings file is a few short lines. One far larger is not read at all: tomllib
# spends seconds (and gigabytes) on some small ones, such as a dotted key of 100,000
# parts in 200 KB, so a long line is refused as well.
MAX_SETTINGS_BYTES = 16 * 1024
MAX_SETTINGS_LINE = 1000

_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DEFAULTS_USED = _Message(N_("the default settings are used"))


def _shown(value: object) -> str:
    """A value from the file for a message: short, quoted, every character printable."""
    if isinstance(value, str):
        return repr(value[:40] + "…" if len(value) > 40 else value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value) if abs(value) < 10**15 else f"{str(value)[:12]}…"
    if isinstance(value, list):
        return "[…]"
    if isinstance(value, dict):
        return "{…}"
    return str(value)  # a date or a time


def _read_toml(path: Path, settings: Settings) -> dict[str, object] | None:
    """The file's TOML, or None (no file, or a problem noted in `settings`)."""
    where = str(path)
    try:
        info = os.stat(path)
        if not stat.S_ISREG(info.st_mode):
            settings.problem(
                N_("{path} is not a file; {defaults}"), path=where, defaults=_DEFAULTS_USED
            )
            return None
        with open(path, "rb") as stream:
            raw = stream.read(MAX_SETTINGS_BYTES + 1)
    except FileNotFoundError:
        return None
    except OSError as error:
        settings.problem(
            N_("{path} cannot be read ({error}); {defaults}"),
            path=where,
            error=error.strerror or str(error),
            defaults=_DEFAULTS_USED,
        )
        return None
    if len(raw) > MAX_SETTINGS_BYTES:  # read no further: a settings file is small
        settings.problem(
            N_("{path} is larger than {limit} KiB, too large to be settings; {defaults}"),
            path=where,
            limit=MAX_SETTINGS_BYTES // 1024,
            defaults=_DEFAULTS_USED,
        )
        return None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        settings.problem(
            N_("{path} is not UTF-8 text; {defaults}"), path=where, defaults=_DEFAULTS_USED
        )
        return None
    for number, line in enumerate(text.splitlines(), 1):
        if len(line) > MAX_SETTINGS_LINE:
            settings.problem(
                N_("{path}: line {line} is longer than {limit} characters; {defaults}"),
                path=where,
                line=number,
                limit=MAX_SETTINGS_LINE,
                defaults=_DEFAULTS_USED,
            )
            return None
    import tomllib

    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        why = str(error)
    except RecursionError:
        why = _Message(N_("nested too deeply"))
    except ValueError:  # an integer of thousands of digits (if lines grow past the limit)
        why = _Message(N_("a number too long"))
    settings.problem(
        N_("{path} is not valid TOML ({error}); {defaults}"),
        path=where,
        error=why,
        defaults=_DEFAULTS_USED,
    )
    return None


def load_settings(path: Path | None = None) -> Settings:
    """The settings file; defaults where it is missing or a value is off, and then
    `Settings.problems` says why."""
    path = path or config_path()
    settings = Settings()
    data = _read_toml(path, settings)
    if data is None:
        return settings
    where = str(path)

    def wrong(key: str, expected: str, default: object) -> None:
        settings.problem(
            N_("{path}: {key} = {value} is not {expected}; using {default}"),
            path=where,
            key=key,
            value=_shown(data[key]),
            expected=expected,
            default=default,
        )

    unknown = [_shown(key) for key in data if key not in KNOWN_SETTINGS]
    if unknown:
        settings.problem(
            N_("{path}: not a setting: {names} (the settings are {known})"),
            path=where,
            names=", ".join(unknown[:3]) + (", …" if len(unknown) > 3 else ""),
            known=", ".join(KNOWN_SETTINGS),
        )
    if "first_day_of_week" in data:
        first = data["first_day_of_week"]
        if isinstance(first, str) and first.lower() in _WEEKDAYS:
            settings.first_weekday = _WEEKDAYS.index(first.lower())
        elif isinstance(first, int) and not isinstance(first, bool) and 0 <= first <= 6:
            settings.first_weekday = first
        else:
            wrong(
                "first_day_of_week", _Message(N_("a day of the week (monday to sunday)")), "monday"
            )
    if "language" in data:
        language = data["language"]
        if isinstance(language, str) and language[:2].lower() in LANGUAGES:
            settings.language = language[:2].lower()
        else:
            wrong("language", " or ".join(LANGUAGES), _Message(N_("the language of the locale")))
    if "theme" in data:
        theme = data["theme"]
        if isinstance(theme, str) and theme in THEMES:
            settings.theme = theme
        else:
            wrong("theme", _Message(N_("one of the themes (ctrl+p lists them)")), DEFAULT_THEME)
    if "conversation_reminder_weeks" in data:
        weeks = data["conversation_reminder_weeks"]
        if (
            isinstance(weeks, int)
            and not isinstance(weeks, bool)
            and 0 < weeks <= MAX_REMINDER_WEEKS
        ):
            settings.talk_reminder_weeks = weeks
        else:
            wrong(
                "conversation_reminder_weeks",
                _Message(N_("a whole number of weeks from 1 to 52")),
                DEFAULT_REMINDER_WEEKS,
            )
    if "check_in_days" in data:
        every = data["check_in_days"]
        if (
            isinstance(every, int)
            and not isinstance(every, bool)
            and 0 < every <= MAX_CHECK_IN_DAYS
        ):
            settings.check_in_days = every
        else:
            wrong(
                "check_in_days",
                _Message(N_("a whole number of days from 1 to 366")),
                DEFAULT_CHECK_IN_DAYS,
            )
    if "attitudes" in data:
        attitudes = _read_attitudes(data["attitudes"], where, settings)
        if attitudes:
            settings.attitudes = attitudes
    for key, default in (
        ("backup_keep_daily", DEFAULT_KEEP_DAILY),
        ("backup_keep_weekly", DEFAULT_KEEP_WEEKLY),
    ):
        if key in data:
            kept = data[key]
            if isinstance(kept, int) and not isinstance(kept, bool) and 0 <= kept <= MAX_KEEP:
                setattr(settings, key, kept)
            else:
                wrong(key, _Message(N_("a whole number from 0 to 1000")), default)
    if "calendar_email" in data:
        email = data["calendar_email"]
        if isinstance(email, str) and "@" in email and len(email) <= 254:
            settings.calendar_email = email.strip()
        else:
            wrong("calendar_email", _Message(N_("an email address")), _Message(N_("none")))
    if "keys" in data:
        settings.keys = _read_keys(data["keys"], where, settings)
    return settings


_ATTITUDE_KEY = "abcdefghijklmnopqrstuvwxyz0123456789_-"


def _read_attitudes(table: object, where: str, settings: Settings) -> dict[str, tuple[str, str]]:
    """The `[attitudes]` table: `key = { label = "…", question = "…" }`, in the file's order.

    An entry that is not one is said and left out; with none left, the defaults stay.
    Check-ins already made keep their keys whatever the list says now.
    """
    if not isinstance(table, dict):
        settings.problem(
            N_("{path}: attitudes must be a table of key = {{ label, question }}; {defaults}"),
            path=where,
            defaults=_DEFAULTS_USED,
        )
        return {}
    attitudes: dict[str, tuple[str, str]] = {}
    for key, entry in table.items():
        label = entry.get("label") if isinstance(entry, dict) else None
        question = entry.get("question", "") if isinstance(entry, dict) else None
        if (
            not 0 < len(key) <= 40
            or any(c not in _ATTITUDE_KEY for c in key)
            or not isinstance(label, str)
            or not 0 < len(label.strip()) <= 60
            or not isinstance(question, str)
            or len(question) > 200
            or not (label + question).isprintable()
        ):
            settings.problem(
                N_(
                    "{path}: attitudes.{key} is not a lower-case key with a label"
                    " (and a question); it is left out"
                ),
                path=where,
                key=_shown(key),
            )
            continue
        attitudes[key] = (label.strip(), question.strip())
    if len(attitudes) > MAX_ATTITUDES:
        settings.problem(
            N_("{path}: more than {limit} attitudes; the first {limit} are used"),
            path=where,
            limit=MAX_ATTITUDES,
        )
        attitudes = dict(list(attitudes.items())[:MAX_ATTITUDES])
    if not attitudes:
        settings.problem(
            N_("{path}: no attitude could be used; {defaults}"), path=where, defaults=_DEFAULTS_USED
        )
    return attitudes


def _read_keys(table: object, where: str, settings: Settings) -> dict[str, str]:
    """The `[keys]` table: binding id -> keys, those that can be used. A value that is
    not a key, an id that is none and a key another key of the screen has are said,
    and the default key stays."""
    from loopbaan.keys import DEFAULT_KEYS, MAX_KEY_LENGTH, clashes, key_names

    if not isinstance(table, dict):
        settings.problem(
            N_(
                "{path}: keys = {value} is not a table of keys ([keys], then lines such as "
                '"today.postpone" = "P"); the default keys stay'
            ),
            path=where,
            value=_shown(table),
        )
        return {}
    entries: list[tuple[str, object]] = []
    for name, value in table.items():  # `today.postpone = "P"` unquoted is a table in TOML
        if isinstance(value, dict):
            entries.extend((f"{name}.{part}", inner) for part, inner in value.items())
        else:
            entries.append((name, value))
    keymap: dict[str, str] = {}
    unknown: list[str] = []
    for name, value in entries:
        if name not in DEFAULT_KEYS:
            unknown.append(_shown(name))
            continue
        names = (
            key_names(value) if isinstance(value, str) and len(value) <= MAX_KEY_LENGTH else None
        )
        if not names:
            settings.problem(
                N_(
                    '{path}: [keys] {id} = {value} is not a key (such as "P", "ctrl+p" '
                    'or "f5"); {id} stays on {default}'
                ),
                path=where,
                id=name,
                value=_shown(value),
                default=DEFAULT_KEYS[name],
            )
            continue
        keymap[name] = ",".join(names)
    if unknown:
        settings.problem(
            N_("{path}: [keys]: no key has the id {names} (the guide lists the ids)"),
            path=where,
            names=", ".join(unknown[:3]) + (", …" if len(unknown) > 3 else ""),
        )
    while found := clashes(keymap):  # each clash undone; undoing one may show another
        for name, other, key in found:
            if name in keymap:
                settings.problem(
                    N_(
                        "{path}: [keys] {id} = {key} is the key of {other} too; "
                        "{id} stays on {default}"
                    ),
                    path=where,
                    id=name,
                    key=_shown(key),
                    other=other,
                    default=DEFAULT_KEYS[name],
                )
        for name, _other, _key in found:
            keymap.pop(name, None)
    return keymap


def _toml_key(key: str) -> str:
    import json  # a TOML basic string is a JSON string
    import re

    return key if re.fullmatch(r"[A-Za-z0-9_-]+", key) else json.dumps(key, ensure_ascii=False)


def _toml_table(table: dict[str, object], prefix: str = "") -> list[str]:
    """The lines of a table read from the file, as `key = value` (dotted for inner tables)."""
    import json

    lines = []
    for key, value in table.items():
        name = prefix + _toml_key(key)
        if isinstance(value, dict):
            lines.extend(_toml_table(value, name + "."))
        elif isinstance(value, bool):
            lines.append(f"{name} = {'true' if value else 'false'}")
        elif isinstance(value, int | str):
            lines.append(f"{name} = {json.dumps(value, ensure_ascii=False)}")
    return lines


def save_setting(key: str, value: str | int, path: Path | None = None) -> None:
    """Write one setting, keeping the others; a small hand-written TOML."""
    path = path or config_path()
    data = _read_toml(path, Settings()) or {}  # a broken file is replaced, as before
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
    for name, val in data.items():  # tables after the plain values: [keys] is kept
        if isinstance(val, dict):
            lines.extend(["", f"[{_toml_key(name)}]", *_toml_table(val)])
    from loopbaan.store.db import JournalError, make_private_folder, private_file

    make_private_folder(path.parent)
    # A new file beside it, never one planted there, renamed over it: no link is followed.
    try:
        with private_file(path) as (fd, _tmp):
            os.write(fd, ("\n".join(lines) + "\n").encode("utf-8"))
    except JournalError as error:  # a read-only folder, a full disk: said as an OSError
        raise OSError(str(error)) from None
