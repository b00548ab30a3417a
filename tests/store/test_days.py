from __future__ import annotations

from datetime import date, timedelta

import pytest

from loopbaan.days import DayError, day_words, parse_day, today

MONDAY = date(2026, 11, 23)
THURSDAY = date(2026, 11, 26)
FRIDAY = date(2026, 11, 27)


@pytest.mark.parametrize(
    ("text", "ahead", "expected"),
    [
        ("2026-02-01", False, date(2026, 2, 1)),
        ("today", False, MONDAY),
        ("Yesterday", False, date(2026, 11, 22)),
        ("tomorrow", True, date(2026, 11, 24)),
        ("monday", False, MONDAY),  # the last Monday is today
        ("monday", True, date(2026, 11, 30)),  # the next Monday is next week
        ("friday", False, date(2026, 11, 20)),
        ("fri", True, date(2026, 11, 27)),
        ("vrijdag", True, date(2026, 11, 27)),
        ("sunday", False, date(2026, 11, 22)),
    ],
)
def test_day_words(text: str, ahead: bool, expected: date) -> None:
    assert parse_day(text, ahead=ahead, base=MONDAY) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # next / last: strictly after or before the base day
        ("next friday", date(2026, 11, 27)),
        ("next monday", date(2026, 11, 30)),  # today is Monday: a week on
        ("last monday", date(2026, 11, 16)),  # today is Monday: a week back
        ("last friday", date(2026, 11, 20)),
        ("last sunday", date(2026, 11, 22)),
        ("next fri", date(2026, 11, 27)),
        ("volgende vrijdag", date(2026, 11, 27)),
        ("komende dinsdag", date(2026, 11, 24)),
        ("vorige maandag", date(2026, 11, 16)),
        ("afgelopen maandag", date(2026, 11, 16)),
        # counted days and weeks
        ("in 3 days", date(2026, 11, 26)),
        ("in 1 day", date(2026, 11, 24)),
        ("in 0 days", MONDAY),
        ("3 days ago", date(2026, 11, 20)),
        ("1 day ago", date(2026, 11, 22)),
        ("over 3 dagen", date(2026, 11, 26)),
        ("over 1 dag", date(2026, 11, 24)),
        ("3 dagen geleden", date(2026, 11, 20)),
        ("in 2 weeks", date(2026, 12, 7)),
        ("2 weeks ago", date(2026, 11, 9)),
        ("in a week", date(2026, 11, 30)),
        ("over 2 weken", date(2026, 12, 7)),
        ("over een week", date(2026, 11, 30)),
        ("2 weken geleden", date(2026, 11, 9)),
        ("1 week geleden", date(2026, 11, 16)),
        ("in 400 days", MONDAY + timedelta(days=400)),
        # a week on or back
        ("next week", date(2026, 11, 30)),
        ("last week", date(2026, 11, 16)),
        ("volgende week", date(2026, 11, 30)),
        ("vorige week", date(2026, 11, 16)),
        ("afgelopen week", date(2026, 11, 16)),
        # two days
        ("overmorgen", date(2026, 11, 25)),
        ("eergisteren", date(2026, 11, 21)),
        ("the day after tomorrow", date(2026, 11, 25)),
        ("day before yesterday", date(2026, 11, 21)),
        ("vandaag", MONDAY),
        ("morgen", date(2026, 11, 24)),
        ("gisteren", date(2026, 11, 22)),
        # any case, any spacing
        ("  NEXT   Friday ", date(2026, 11, 27)),
        ("In 3 DAYS", date(2026, 11, 26)),
        ("Volgende\tVrijdag", date(2026, 11, 27)),
        ("2  Weken   Geleden", date(2026, 11, 9)),
    ],
)
@pytest.mark.parametrize("ahead", [False, True])
def test_day_phrases(text: str, expected: date, ahead: bool) -> None:
    # `ahead` only decides a bare weekday; every phrase here means one day either way
    assert parse_day(text, ahead=ahead, base=MONDAY) == expected


@pytest.mark.parametrize(
    ("text", "base", "expected"),
    [
        ("next friday", THURSDAY, FRIDAY),  # tomorrow, the first Friday after today
        ("next friday", FRIDAY, date(2026, 12, 4)),
        ("last friday", FRIDAY, date(2026, 11, 20)),
        ("last thursday", FRIDAY, THURSDAY),
        ("friday", FRIDAY, FRIDAY),  # a bare weekday looks back and includes today
    ],
)
def test_next_and_last_are_strict(text: str, base: date, expected: date) -> None:
    assert parse_day(text, base=base) == expected


@pytest.mark.parametrize(
    "text",
    [
        "2026-02-30",
        "someday",
        "",
        "23-11-2026",
        "next",
        "next month",
        "next someday",
        "in 3",
        "in days",
        "in three days",
        "3 days",
        "in -3 days",
        "in 3 days ago",
        "days 3 ago",
        "in 3 years",
        "in ³ days",
        "in ٣ days",
        "last week friday",
    ],
)
def test_bad_days(text: str) -> None:
    with pytest.raises(DayError, match="not a day"):
        parse_day(text, base=MONDAY)


def test_the_error_lists_the_forms() -> None:
    with pytest.raises(DayError) as caught:
        parse_day("someday", base=MONDAY)
    message = str(caught.value)
    assert "\n" not in message
    assert message.startswith("not a day: 'someday'")
    for form in ("2026-11-23", "today", "friday", "next friday", "last monday", "in 3 days"):
        assert form in message


@pytest.mark.parametrize(
    ("text", "base", "ahead"),
    [
        ("tomorrow", date.max, False),
        ("in 1 day", date.max, False),
        ("next week", date.max, False),
        ("next friday", date.max, False),  # date.max is a Friday
        ("saturday", date.max, True),
        ("overmorgen", date.max - timedelta(days=1), False),
        ("yesterday", date.min, False),
        ("1 week ago", date.min, False),
        ("last monday", date.min, False),  # date.min is a Monday
        ("in 99999999999 days", MONDAY, False),
        ("999999999999 weeks ago", MONDAY, False),
        ("in " + "9" * 5000 + " days", MONDAY, False),  # more digits than int() reads
    ],
)
def test_days_past_the_calendar_are_a_day_error(text: str, base: date, ahead: bool) -> None:
    with pytest.raises(DayError, match="outside the calendar") as caught:
        parse_day(text, base=base, ahead=ahead)
    assert "\n" not in str(caught.value)


def test_the_last_days_of_the_calendar_still_work() -> None:
    assert parse_day("tomorrow", base=date.max - timedelta(days=1)) == date.max
    assert parse_day("yesterday", base=date.min + timedelta(days=1)) == date.min


@pytest.mark.parametrize(
    ("words", "length"),
    [
        (["next", "friday"], 2),
        (["next", "friday", "Fix the bug"], 2),
        (["in", "3", "days", "--reason"], 3),
        (["the", "day", "after", "tomorrow", "x"], 4),
        (["3", "weken", "geleden"], 3),
        (["friday", "Fix the bug"], 0),  # one word is a plain option value
        (["friday"], 0),
        (["next"], 0),
        ([], 0),
        (["in", "99999999999", "days"], 3),  # read as a day; it fails when it is counted
    ],
)
def test_day_words_counts_a_leading_phrase(words: list[str], length: int) -> None:
    assert day_words(words) == length


def test_today_can_be_fixed(monkeypatch) -> None:
    monkeypatch.setenv("LOOPBAAN_TODAY", "2030-01-02")
    assert today() == date(2030, 1, 2)
    assert parse_day("in 2 days") == date(2030, 1, 4)
    monkeypatch.setenv("LOOPBAAN_TODAY", "soon")
    with pytest.raises(DayError, match="LOOPBAAN_TODAY"):
        today()
    with pytest.raises(DayError, match="LOOPBAAN_TODAY"):
        parse_day("next friday")
