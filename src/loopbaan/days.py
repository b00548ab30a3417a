"""Days as people type them: `2026-11-23`, `today`, `yesterday`, `tomorrow`, `friday`.

"Today" comes from `LOOPBAAN_TODAY` when set, so tests and demos can fix it.
"""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, timedelta

from loopbaan.i18n import _

WEEKDAY_NAMES: dict[str, int] = {}
for _index, _names in enumerate(
    (
        ("monday", "mon", "maandag", "ma"),
        ("tuesday", "tue", "tues", "dinsdag", "di"),
        ("wednesday", "wed", "woensdag", "wo"),
        ("thursday", "thu", "thurs", "donderdag", "do"),
        ("friday", "fri", "vrijdag", "vr"),
        ("saturday", "sat", "zaterdag", "za"),
        ("sunday", "sun", "zondag", "zo"),
    )
):
    for _name in _names:
        WEEKDAY_NAMES[_name] = _index

RELATIVE = {"today": 0, "vandaag": 0, "yesterday": -1, "gisteren": -1, "tomorrow": 1, "morgen": 1}


class DayError(ValueError):
    """A day that could not be understood; its message is for the user."""


def today() -> date:
    """The local calendar day, or `LOOPBAAN_TODAY` when that is set."""
    fixed = os.environ.get("LOOPBAAN_TODAY")
    if fixed:
        try:
            return date.fromisoformat(fixed)
        except ValueError:
            raise DayError(
                _("LOOPBAAN_TODAY is not a date (YYYY-MM-DD): {value}").format(value=fixed)
            ) from None
    return date.today()


def parse_day(text: str, *, ahead: bool = False, base: date | None = None) -> date:
    """A day from a word or an ISO date.

    A weekday name means the last such day up to `base` (today included), or with
    `ahead` the next one after it: `--day friday` looks back, `--to friday` forward.
    """
    base = base or today()
    word = text.strip().lower()
    if word in RELATIVE:
        return base + timedelta(days=RELATIVE[word])
    if word in WEEKDAY_NAMES:
        target = WEEKDAY_NAMES[word]
        if ahead:
            return base + timedelta(days=(target - base.weekday() - 1) % 7 + 1)
        return base - timedelta(days=(base.weekday() - target) % 7)
    try:
        return date.fromisoformat(word)
    except ValueError:
        pass
    raise DayError(
        _("not a day: {text!r} (use YYYY-MM-DD, today, yesterday, tomorrow or a weekday)").format(
            text=text
        )
    )


def iso_week(day: date) -> tuple[int, int]:
    year, week, _weekday = day.isocalendar()
    return year, week


def utc_now() -> str:
    """Now in UTC, as the journal stores times (SQLAlchemy's SQLite format)."""
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
