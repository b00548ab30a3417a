"""`/` searches from anywhere: the hits follow the typing, Enter opens the hit."""

from __future__ import annotations

import sqlite3
from datetime import date

from textual.widgets import Input, OptionList

from loopbaan.dialogs.search import SearchDialog
from loopbaan.screens.goals import GoalsScreen
from loopbaan.screens.today import TodayScreen
from loopbaan.store import goals, items, transaction
from loopbaan.widgets.row_table import RowTable

SIZE = (120, 40)


def _hits(app) -> list[tuple[str, int]]:
    dialog = app.screen
    assert isinstance(dialog, SearchDialog)
    return [(hit.kind, hit.ref) for hit in dialog.hits]


async def test_typed_in_one_burst_the_hits_match_the_whole_query(
    make_app, conn: sqlite3.Connection
) -> None:
    with transaction(conn):
        old = items.add_item(conn, "Presented the roadmap", day=date(2026, 10, 2))
        items.add_item(conn, "Prepared the budget", day=date(2026, 11, 20))
        items.add_item(conn, "Present the plan", day=date(2026, 11, 21))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash")
        assert isinstance(app.screen, SearchDialog)
        await pilot.press(*"presented roadm", "asterisk")  # one burst
        await pilot.pause()
        assert app.screen.query_one(Input).value == "presented roadm*"
        assert _hits(app) == [("item", old.id)]
        assert app.screen.query_one(OptionList).option_count == 1
        await pilot.press("enter")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, TodayScreen)
        assert screen.day == date(2026, 10, 2)
        assert screen.query_one(RowTable).selected_id == old.id


async def test_a_goal_opens_on_goals_and_escape_closes(make_app, conn: sqlite3.Connection) -> None:
    with transaction(conn):
        items.add_item(conn, "Read about leadership", day=date(2099, 1, 1))  # first
        goal = goals.add_goal(conn, "Café for the leadership guild")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"cafe")
        await pilot.pause()
        assert _hits(app) == [("goal", goal.id)]
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)
        await pilot.press("slash", *"leadership", "down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, GoalsScreen)
        assert app.screen.query_one(RowTable).selected_id == goal.id


async def test_slash_in_a_text_field_is_a_letter(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"and/or")
        await pilot.pause()
        assert not isinstance(app.screen, SearchDialog)
        assert "and/or" in app.focused.value  # type: ignore[union-attr]
