"""The leading markers of a typed title: `!+ Finish the deck #slides` (log: test_cli.py)."""

from __future__ import annotations

import pytest

from loopbaan.domain import Captured, Kind, Rating, parse_markers

TASK, APPOINTMENT = Kind.TASK, Kind.APPOINTMENT
PLUS, MINUS, NEUTRAL = Rating.PLUS, Rating.MINUS, Rating.NEUTRAL


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the docstring's cases
        ("!+ Finish the deck #slides", Captured(TASK, PLUS, "Finish the deck #slides")),
        ("@Standup", Captured(APPOINTMENT, None, "Standup")),
        ("+ Paired with Sam #parser", Captured(None, PLUS, "Paired with Sam #parser")),
        ("- Expense report", Captured(None, MINUS, "Expense report")),
        ("− Expense report", Captured(None, MINUS, "Expense report")),  # U+2212
        ("0 Weekly sync", Captured(None, NEUTRAL, "Weekly sync")),
        ("!Call Anna", Captured(TASK, None, "Call Anna")),
        # any order, any spacing between markers
        ("+! Finish the deck", Captured(TASK, PLUS, "Finish the deck")),
        ("! + Finish the deck", Captured(TASK, PLUS, "Finish the deck")),
        ("-@ Retro", Captured(APPOINTMENT, MINUS, "Retro")),
        ("@- Retro", Captured(APPOINTMENT, MINUS, "Retro")),
        ("0@Planning", Captured(APPOINTMENT, NEUTRAL, "Planning")),
        ("  !   +   Spaced   out ", Captured(TASK, PLUS, "Spaced   out")),
        # a rating mark needs a space or a marker after it
        ("+1 for Sam", Captured(None, None, "+1 for Sam")),
        ("0800 standup", Captured(None, None, "0800 standup")),
        ("-3 kg", Captured(None, None, "-3 kg")),
        ("!+1 for Sam", Captured(TASK, None, "+1 for Sam")),
        # each kind of marker once; a second one is title
        ("!! Urgent", Captured(TASK, None, "! Urgent")),
        ("!@ Both", Captured(TASK, None, "@ Both")),
        ("+ - Mixed", Captured(None, PLUS, "- Mixed")),
        # markers only count at the start; a #tag stays where it is
        ("Email @anna about it!", Captured(None, None, "Email @anna about it!")),
        ("Plain title #tag", Captured(None, None, "Plain title #tag")),
        ("#tag first", Captured(None, None, "#tag first")),
        # nothing but markers leaves an empty title
        ("!+", Captured(TASK, PLUS, "")),
        ("+", Captured(None, PLUS, "")),
        ("", Captured(None, None, "")),
        ("   ", Captured(None, None, "")),
    ],
)
def test_parse_markers(text: str, expected: Captured) -> None:
    assert parse_markers(text) == expected


# ------------------------------------------------------------------ loopbaan log
