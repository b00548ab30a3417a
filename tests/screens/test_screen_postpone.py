"""The postpone dialog driven with the real keys: `p` on Today, then a reason, a day, a note.

And the radio buttons of the item and goal forms, which say which one is chosen
without colour.
"""

from __future__ import annotations

import sqlite3
from datetime import date

from textual.app import App
from textual.widgets import Input, OptionList, Static

from loopbaan.dialogs.edit_goal import EditGoalScreen
from loopbaan.dialogs.edit_item import EditItemScreen
from loopbaan.dialogs.postpone import PostponeScreen
from loopbaan.domain import Kind, Reason
from loopbaan.screens.today import TodayScreen
from loopbaan.store import goals, items, transaction
from loopbaan.widgets.fields import ChoiceSet
from tests.helpers import retype

SIZE = (120, 40)
MON = date(2026, 11, 23)  # the app's today
TUE = date(2026, 11, 24)
FRI = date(2026, 11, 27)


def add_task(conn: sqlite3.Connection, title: str = "Write the quarterly report") -> int:
    with transaction(conn):
        return items.add_item(conn, title, day=MON, kind=Kind.TASK).id


def moves(conn: sqlite3.Connection, item_id: int) -> list[tuple[date, Reason, str]]:
    """The task's postponements as stored: (to day, reason, note)."""
    return [(move.to_day, move.reason, move.note) for move in items.postponements_of(conn, item_id)]


def day_input(app: App) -> Input:
    return app.screen.query_one("#postpone-day Input", Input)


def note_input(app: App) -> Input:
    return app.screen.query_one("#postpone-note", Input)


def day_hint(app: App) -> str:
    return str(app.screen.query_one("#postpone-day .day-hint", Static).render())


# ---------------------------------------------------------------- a reason with one key


async def test_p_2_postpones_to_the_day_after_because_it_is_too_big(make_app, conn) -> None:
    task = add_task(conn)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "2")
        assert isinstance(app.screen, TodayScreen)
        assert moves(conn, task) == [(TUE, Reason.TOO_BIG, "")]
        assert items.get_item(conn, task).day == TUE


async def test_escape_cancels_with_nothing_stored(make_app, conn) -> None:
    task = add_task(conn)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", *"friday", "shift+tab", *"no time", "escape")
        assert isinstance(app.screen, TodayScreen)
        assert moves(conn, task) == []
        assert items.get_item(conn, task).day == MON
        assert len(app.undo_log) == 0


# ---------------------------------------------------------------- a day typed


async def test_a_letter_starts_a_day_word_and_enter_goes_on_to_the_reasons(make_app, conn) -> None:
    task = add_task(conn)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        assert isinstance(app.focused, OptionList)
        assert day_input(app).value == "2026-11-24"
        await pilot.press("f")
        # The letter replaced the suggested day, and the word goes on in the field.
        assert app.focused is day_input(app) and day_input(app).value == "f"
        await pilot.press(*"riday")
        assert day_input(app).value == "friday"
        assert day_hint(app).startswith("2026-11-27")  # the field says what day it means
        await pilot.press("enter")
        assert isinstance(app.focused, OptionList)
        await pilot.press("3")
        assert isinstance(app.screen, TodayScreen)
        assert moves(conn, task) == [(FRI, Reason.NO_TIME, "")]


async def test_tomorrow_and_a_word_of_more_than_one_part(make_app, conn) -> None:
    task = add_task(conn)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", *"in 3 days")  # the 3 is part of the day, not a reason
        assert isinstance(app.screen, PostponeScreen)
        assert day_input(app).value == "in 3 days"
        assert day_hint(app).startswith("2026-11-26")
        await retype(pilot, "tomorrow")
        await pilot.press("enter", "7")
        assert moves(conn, task) == [(TUE, Reason.SKILLS, "")]


async def test_tab_then_a_date_then_enter_then_a_digit(make_app, conn) -> None:
    task = add_task(conn)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "tab")
        assert app.focused is day_input(app)
        await pilot.press("2")
        # A digit in the day field is text: it replaced the suggested day, no reason picked.
        assert isinstance(app.screen, PostponeScreen)
        assert day_input(app).value == "2"
        await pilot.press(*"026-12-04", "enter", "5")
        assert isinstance(app.screen, TodayScreen)
        assert moves(conn, task) == [(date(2026, 12, 4), Reason.DISLIKE, "")]


async def test_a_day_that_is_not_after_the_task_is_refused(make_app, conn) -> None:
    task = add_task(conn)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", *"today", "enter")
        await pilot.press("1")
        assert isinstance(app.screen, PostponeScreen)
        assert "must be after" in str(app.screen.query_one("#postpone-error", Static).render())
        assert app.focused is day_input(app)
        await pilot.press(*"friday", "enter", "1")  # the refused day was selected: replaced
        assert moves(conn, task) == [(FRI, Reason.UNCLEAR, "")]


# ---------------------------------------------------------------- a note


async def test_a_note_is_stored_and_its_digits_are_text(make_app, conn) -> None:
    task = add_task(conn)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "shift+tab")
        assert app.focused is note_input(app)
        await pilot.press(*"ask 2 people first")
        assert isinstance(app.screen, PostponeScreen)  # the 2 went into the note
        assert note_input(app).value == "ask 2 people first"
        await pilot.press("enter")  # back to the reasons
        assert isinstance(app.focused, OptionList)
        await pilot.press("4")
        assert isinstance(app.screen, TodayScreen)
        assert moves(conn, task) == [(TUE, Reason.WAITING, "ask 2 people first")]


async def test_a_day_word_then_a_note_then_back_to_the_reasons(make_app, conn) -> None:
    task = add_task(conn)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", *"friday", "shift+tab", *"after the demo", "shift+tab")
        assert isinstance(app.focused, OptionList)
        await pilot.press("3")
        assert moves(conn, task) == [(FRI, Reason.NO_TIME, "after the demo")]


# ---------------------------------------------------------------- radio buttons


def marks(choices: ChoiceSet) -> str:
    """The inside of each button as shown, without its colour: "○●○" when the second is chosen."""
    return "".join(button.render().plain[1] for button in choices.query("RadioButton"))


async def test_the_kind_chosen_shows_without_colour(make_app, conn) -> None:
    add_task(conn)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, EditItemScreen)
        kind = app.screen.query_one("#edit-kind", ChoiceSet)
        assert marks(kind) == "○○●"  # activity, appointment, task
        await pilot.press("tab", "left")  # to the kind; choose the one before
        await pilot.pause()
        assert marks(kind) == "○●○"


async def test_the_direction_and_status_chosen_show_without_colour(make_app, conn) -> None:
    with transaction(conn):
        goals.add_goal(conn, "Grow")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "e")
        assert isinstance(app.screen, EditGoalScreen)
        direction = app.screen.query_one("#direction", ChoiceSet)
        status = app.screen.query_one("#status", ChoiceSet)
        assert marks(direction) == "●○○○○○○○"  # not chosen yet, then the seven directions
        assert marks(status) == "●○○○"  # active
        await pilot.press("tab", "tab", "tab", "down")
        await pilot.pause()
        assert marks(direction) == "○●○○○○○○"
