from __future__ import annotations

from datetime import date

import pytest

from loopbaan.days import DayError, parse_day, today

MONDAY = date(2026, 11, 23)


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


@pytest.mark.parametrize("text", ["2026-02-30", "someday", "", "23-11-2026"])
def test_bad_days(text: str) -> None:
    with pytest.raises(DayError, match="not a day"):
        parse_day(text, base=MONDAY)


def test_today_can_be_fixed(monkeypatch) -> None:
    monkeypatch.setenv("LOOPBAAN_TODAY", "2030-01-02")
    assert today() == date(2030, 1, 2)
    monkeypatch.setenv("LOOPBAAN_TODAY", "soon")
    with pytest.raises(DayError):
        today()
