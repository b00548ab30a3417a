"""Days as people type them, in English and Dutch.

`2026-11-23`, `today`, `yesterday`, `tomorrow`, `overmorgen`, `friday`,
`next friday`, `vorige maandag`, `in 3 days`, `2 weken geleden`, `next week`.

"Today" comes from `LOOPBAAN_TODAY` when set, so tests and demos can fix it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
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

RELATIVE = {
    "today": 0,
    "vandaag": 0,
    "yesterday": -1,
    "gisteren": -1,
    "tomorrow": 1,
    "morgen": 1,
    "overmorgen": 2,
    "day after tomorrow": 2,
    "the day after tomorrow": 2,
    "eergisteren": -2,
    "day before yesterday": -2,
    "the day before yesterday": -2,
}

NEXT_WORDS = frozenset({"next", "volgende", "komende"})
LAST_WORDS = frozenset({"last", "previous", "vorige", "afgelopen"})
UNIT_DAYS = {
    "day": 1,
    "days": 1,
    "dag": 1,
    "dagen": 1,
    "week": 7,
    "weeks": 7,
    "weken": 7,
}
ONE = frozenset({"a", "an", "one", "een", "één"})
AHEAD_WORDS = frozenset({"in", "over"})  # in 3 days, over 3 dagen
BACK_WORDS = frozenset({"ago", "geleden"})  # 3 days ago, 3 dagen geleden

# The most words a day phrase has (`the day before yesterday`).
MAX_WORDS = 4

Resolver = Callable[[date, bool], date]


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


def _normal(text: str) -> str:
    """Lower case, one space between words."""
    return " ".join(text.lower().split())


def _count_shift(sign: int, count: str, unit: int) -> Resolver:
    """`count` units on or back; a count past the calendar fails when it is resolved."""

    def resolve(base: date, _ahead: bool) -> date:
        return base + timedelta(days=sign * int(count) * unit)

    return resolve


def _shift(days: int) -> Resolver:
    return lambda base, _ahead: base + timedelta(days=days)


def _weekday(target: int, *, after: bool | None) -> Resolver:
    """The weekday `target`: strictly after base, strictly before it, or as `ahead` says.

    Without `next` or `last`, a bare weekday is the last such day up to base (today
    included), or with `ahead` the next one after it.
    """

    def resolve(base: date, ahead: bool) -> date:
        if after is True or (after is None and ahead):
            return base + timedelta(days=(target - base.weekday() - 1) % 7 + 1)
        if after is False:
            return base - timedelta(days=(base.weekday() - target - 1) % 7 + 1)
        return base - timedelta(days=(base.weekday() - target) % 7)

    return resolve


def _recognise(word: str) -> Resolver | None:
    """What a normalised phrase means, or None; no arithmetic yet, so nothing overflows."""
    if word in RELATIVE:
        return _shift(RELATIVE[word])
    if word in WEEKDAY_NAMES:
        return _weekday(WEEKDAY_NAMES[word], after=None)
    first, _space, rest = word.partition(" ")
    if first in NEXT_WORDS or first in LAST_WORDS:
        sign = 1 if first in NEXT_WORDS else -1
        if rest == "week":
            return _shift(7 * sign)
        if rest in WEEKDAY_NAMES:
            return _weekday(WEEKDAY_NAMES[rest], after=sign > 0)
    words = word.split(" ")
    if len(words) == 3:
        if words[0] in AHEAD_WORDS and words[2] in UNIT_DAYS:
            count, unit, sign = words[1], words[2], 1
        elif words[2] in BACK_WORDS and words[1] in UNIT_DAYS:
            count, unit, sign = words[0], words[1], -1
        else:
            return None
        if count in ONE:
            return _shift(sign * UNIT_DAYS[unit])
        if count.isascii() and count.isdigit():
            return _count_shift(sign, count, UNIT_DAYS[unit])
        return None
    try:
        fixed = date.fromisoformat(word)
    except ValueError:
        return None
    return lambda _base, _ahead: fixed


def is_day(text: str) -> bool:
    """Whether `parse_day` would read the text (leaving aside days past the calendar)."""
    return _recognise(_normal(text)) is not None


def day_words(words: Sequence[str]) -> int:
    """How many of the leading words make one day phrase of two words or more; 0 if none.

    The longest wins: `in 3 days Fix the bug` gives 3. The command line uses it so
    that `--day next friday` needs no quotes.
    """
    for length in range(min(MAX_WORDS, len(words)), 1, -1):
        if is_day(" ".join(words[:length])):
            return length
    return 0


def parse_day(text: str, *, ahead: bool = False, base: date | None = None) -> date:
    """A day from words or an ISO date, counted from `base` (default: today).

    A bare weekday name means the last such day up to `base` (today included), or with
    `ahead` the next one after it: `--day friday` looks back, `--to friday` forward.
    `next friday` is always the first Friday after base, `last monday` the last
    Monday before it.
    """
    resolve = _recognise(_normal(text))
    if resolve is None:
        raise DayError(
            _(
                "not a day: {text!r} (try 2026-11-23, today, yesterday, tomorrow, friday,"
                " next friday, last monday, in 3 days, 2 weeks ago, next week)"
            ).format(text=text)
        )
    base = base or today()
    try:
        return resolve(base, ahead)
    except (OverflowError, ValueError):
        raise DayError(
            _("{text!r} is outside the calendar (0001-01-01 to 9999-12-31)").format(text=text)
        ) from None


def iso_week(day: date) -> tuple[int, int]:
    year, week, _weekday = day.isocalendar()
    return year, week


def utc_now() -> str:
    """Now in UTC, as the journal stores times (SQLAlchemy's SQLite format)."""
    return datetime.now(UTC).strftime("%Y-%m-%d %H:%M:%S.%f")
