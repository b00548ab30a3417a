"""The Postponed screen driven by its keys, on a small history whose figures are known."""

from __future__ import annotations

import sqlite3
import threading
from datetime import date

import pytest
from textual.pilot import Pilot
from textual.widgets import Static
from textual.worker import get_current_worker

from loopbaan.domain import GoalStatus, Kind, Reason, Status
from loopbaan.insight import evidence
from loopbaan.screens import period as period_screen
from loopbaan.screens.goals import GoalsScreen
from loopbaan.screens.postponed import PostponedScreen
from loopbaan.screens.today import TodayScreen
from loopbaan.store import goals, items, transaction
from loopbaan.store.db import open_reader
from loopbaan.widgets.chart_bars import BarTable
from loopbaan.widgets.chart_trend import TrendChart
from loopbaan.widgets.day_items import DayItems
from loopbaan.widgets.goal_table import GoalTable
from loopbaan.widgets.period_line import PeriodLine

D = date.fromisoformat


def history(conn: sqlite3.Connection) -> dict[str, int]:
    """
    Today is Monday 23 November 2026 (Q4 2026).

    A "Write the #report"          02→03 unclear, 03→06 unclear, 06→10 too_big
    B "Call the #client" (goal)    30 Oct→04 waiting, 04→05 waiting, 05→09 no_time
    C "Fix #ci #report"            05→12 dislike, then done
    D "Tidy the #wiki"             3 Aug→4 Aug unclear (Q3)
    E "File the #tax return"       3 Mar 2025→5 Mar 2025 too_big
    """
    with transaction(conn):
        goal = goals.add_goal(conn, "Win the client")
        a = items.add_item(conn, "Write the #report", day=D("2026-11-02"), kind=Kind.TASK)
        b = items.add_item(
            conn, "Call the #client", day=D("2026-10-30"), kind=Kind.TASK, goal_id=goal.id
        )
        c = items.add_item(conn, "Fix #ci #report", day=D("2026-11-05"), kind=Kind.TASK)
        d = items.add_item(conn, "Tidy the #wiki", day=D("2026-08-03"), kind=Kind.TASK)
        e = items.add_item(conn, "File the #tax return", day=D("2025-03-03"), kind=Kind.TASK)
        for item, to_day, reason in [
            (a, "2026-11-03", Reason.UNCLEAR),
            (a, "2026-11-06", Reason.UNCLEAR),
            (a, "2026-11-10", Reason.TOO_BIG),
            (b, "2026-11-04", Reason.WAITING),
            (b, "2026-11-05", Reason.WAITING),
            (b, "2026-11-09", Reason.NO_TIME),
            (c, "2026-11-12", Reason.DISLIKE),
            (d, "2026-08-04", Reason.UNCLEAR),
            (e, "2025-03-05", Reason.TOO_BIG),
        ]:
            items.postpone(conn, item.id, D(to_day), reason)
        items.set_status(conn, c.id, Status.DONE, on=D("2026-11-12"))
    return {"a": a.id, "b": b.id, "c": c.id, "d": d.id, "e": e.id, "goal": goal.id}


async def settle(pilot: Pilot) -> None:
    """Let the analysis worker finish, its answer be shown, and the reading ahead it
    starts finish too."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()


async def press(pilot: Pilot, *keys: str) -> None:
    for key in keys:
        await pilot.press(key)
        await settle(pilot)


async def open_postponed(pilot: Pilot) -> PostponedScreen:
    """Press 4 and let the screen show its first answer."""
    await press(pilot, "4")
    screen = pilot.app.screen
    assert isinstance(screen, PostponedScreen)
    return screen


def cells(table: BarTable) -> list[tuple[str, ...]]:
    return [tuple(str(cell) for cell in table.get_row_at(n)) for n in range(table.row_count)]


def titles(screen: PostponedScreen) -> list[str]:
    table = screen.items_table
    return [str(table.get_row_at(n)[1]) for n in range(table.row_count)]


def period_text(pilot: Pilot) -> str:
    return str(pilot.app.screen.query_one(PeriodLine).query_one(Static).render())


async def test_this_quarter_from_every_side(make_app, conn, monkeypatch) -> None:
    # About showing chronic items, not about when an item is chronic: with a rule
    # that lets three times count (on these few items it would take many more).
    monkeypatch.setattr(evidence, "ALPHA", 1.0)
    history(conn)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_postponed(pilot)
        assert "Q4 2026" in period_text(pilot) and "this quarter" in period_text(pilot)
        # B: 3 times, 5 + 1 + 4 = 10 days; A: 3 times, 1 + 3 + 4 = 8 days; C: once, 7 days
        assert titles(screen) == ["Call the #client", "Write the #report", "Fix #ci #report"]
        first = [str(cell) for cell in screen.items_table.get_row_at(0)]
        assert first == [
            "●",
            "Call the #client",
            "3",
            "10",
            "waiting 2 · no time 1",
            "open · 9 Nov",
            "ask, or negotiate",
        ]
        assert str(screen.items_table.get_row_at(2)[0]) == ""  # once: not chronic
        assert str(screen.items_table.get_row_at(2)[5]) == "done"
        headline = str(screen.query_one("#postponed-headline", Static).render())
        assert headline.startswith("7 postponements of 3 items; 2 chronic (3 times or more).")
        # unclear and waiting 2 of 7 each: no more than an even spread over eight
        # reasons would give now and then, so none is named
        assert headline.endswith("No reason stands out from the others yet (7 postponements).")
        reasons = screen.query_one("#postponed-reasons", BarTable)
        assert [(r[0], r[2], r[3]) for r in cells(reasons)] == [
            ("unclear", "2", "1"),
            ("waiting", "2", "1"),
            ("too big", "1", "1"),
            ("no time", "1", "1"),
            ("dislike", "1", "1"),
        ]
        tags = screen.query_one("#postponed-tags", BarTable)
        assert [(r[0], r[2]) for r in cells(tags)] == [
            ("#report", "4"),
            ("#client", "3"),
            ("#ci", "1"),
        ]
        # from_days: Fri 30 Oct, Mon 2, Tue 3, Fri 6, Wed 4, Thu 5, Thu 5 Nov
        weekdays = screen.query_one("#postponed-weekdays", BarTable)
        assert [(r[0], r[2]) for r in cells(weekdays)] == [
            ("Mon", "1"),
            ("Tue", "1"),
            ("Wed", "1"),
            ("Thu", "2"),
            ("Fri", "2"),
            ("Sat", "0"),
            ("Sun", "0"),
        ]
        goals_table = screen.query_one("#postponed-goals", BarTable)
        assert [(r[0], r[2], r[3]) for r in cells(goals_table)] == [("Win the client", "3", "1")]
        # the weeks from 28 Sep to the last full one (16 Nov), zero where nothing was put off
        (series,) = screen.query_one(TrendChart).series
        weeks = dict(series.points)
        mondays = [monday for monday, _count in series.points]
        assert (mondays[0], mondays[-1]) == (D("2026-09-28"), D("2026-11-16"))
        assert len(weeks) == 8 and weeks[D("2026-11-02")] == 6 and weeks[D("2026-10-26")] == 1
        assert weeks[D("2026-11-16")] == 0


async def test_month_and_moving_through_months(make_app, conn) -> None:
    history(conn)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "4", "m")
        screen = app.screen
        assert "November 2026" in period_text(pilot)
        # in November B was put off twice (4→5, 5→9): 5 days
        assert titles(screen) == ["Write the #report", "Call the #client", "Fix #ci #report"]
        assert str(screen.items_table.get_row_at(1)[2]) == "2"
        await press(pilot, "left_square_bracket")
        assert "October 2026" in period_text(pilot)
        assert titles(screen) == ["Call the #client"]
        await press(pilot, "left_square_bracket")
        assert "September 2026" in period_text(pilot)
        assert not screen.query_one("#postponed-panes").display
        explainer = str(screen.query_one("#postponed-explainer", Static).render())
        assert "Nothing was postponed in September 2026." in explainer
        await press(pilot, "right_square_bracket", "right_square_bracket")
        assert "November 2026" in period_text(pilot)
        await press(pilot, "right_square_bracket")  # nothing after this month
        assert "November 2026" in period_text(pilot)
        assert screen.period.since == D("2026-11-01")


async def test_year_all_and_back_to_the_quarter(make_app, conn) -> None:
    history(conn)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "4", "y")
        screen = app.screen
        assert "2026" in period_text(pilot) and "this year" in period_text(pilot)
        assert titles(screen)[-1] == "Tidy the #wiki"
        assert len(titles(screen)) == 4
        await press(pilot, "left_square_bracket")
        assert titles(screen) == ["File the #tax return"]
        await press(pilot, "left_square_bracket")  # 2024 is before the first postponement
        assert titles(screen) == ["File the #tax return"]
        await press(pilot, "a")
        assert "All of the journal" in period_text(pilot)
        assert (screen.period.since, screen.period.until) == (D("2025-03-03"), D("2026-11-06"))
        assert len(titles(screen)) == 5
        await press(pilot, "left_square_bracket")  # all has nothing before it
        assert len(titles(screen)) == 5
        await press(pilot, "k")
        assert "Q4 2026" in period_text(pilot)
        assert len(titles(screen)) == 3


async def test_a_past_year_then_k_picks_the_quarter_in_it(make_app, conn) -> None:
    history(conn)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "4", "y", "left_square_bracket", "k")
        assert "Q4 2025" in period_text(pilot)
        await press(pilot, "m", "left_square_bracket", "left_square_bracket")
        assert "October 2025" in period_text(pilot)


async def test_enter_opens_the_day_of_an_item(make_app, conn) -> None:
    """Today shows the day the item stands on now, the cursor on the item."""
    with transaction(conn):  # older than A: before it in that day's list
        first = items.add_item(conn, "Plan the #sprint", day=D("2026-11-10"), kind=Kind.TASK)
    ids = history(conn)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "4", "down")  # A, "Write the #report", now on 10 November
        screen = app.screen
        assert screen.item is not None and screen.item.id == ids["a"]
        await press(pilot, "enter")
        assert app.current_mode == "today"
        today = app.screen
        assert isinstance(today, TodayScreen)
        assert today.day == D("2026-11-10")
        table = today.query_one(DayItems).day_table
        assert table.row_ids == [first.id, ids["a"]]
        assert app.focused is table and table.selected_id == ids["a"]
        await press(pilot, "x")  # the keys act on it
        assert items.get_item(conn, ids["a"]).status is Status.DONE


def two_goals(conn: sqlite3.Connection) -> tuple[dict[str, int], int]:
    """The history, after a goal of its own that is first in the goal list."""
    with transaction(conn):
        other = goals.add_goal(conn, "Speak at a #conference")
    return history(conn), other.id


def goal_shown(app) -> int | None:  # type: ignore[no-untyped-def]
    screen = app.screen
    assert isinstance(screen, GoalsScreen)
    assert app.focused is screen.query_one(GoalTable)
    return screen.goal_id


async def test_enter_opens_the_goal_of_a_linked_item(make_app, conn) -> None:
    ids, _other = two_goals(conn)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "4")  # B, linked to "Win the client", is first
        assert app.screen.item.id == ids["b"]
        assert "Its goal" in {b.binding.description for b in app.screen.active_bindings.values()}
        await press(pilot, "enter")
        assert app.current_mode == "goals"
        assert goal_shown(app) == ids["goal"]
        assert app.screen.goal.title == "Win the client"


async def test_enter_on_the_goal_chart_opens_that_goal(make_app, conn) -> None:
    ids, other = two_goals(conn)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "3")  # the goal list was seen before, its cursor on the first goal
        assert goal_shown(app) == other
        await press(pilot, "4")
        app.screen.query_one("#postponed-goals", BarTable).focus()
        await press(pilot, "enter")
        assert app.current_mode == "goals"
        assert goal_shown(app) == ids["goal"]


async def test_a_goal_that_is_not_active_is_opened_among_all_goals(make_app, conn) -> None:
    ids, _other = two_goals(conn)
    with transaction(conn):
        goals.edit_goal(conn, ids["goal"], status=GoalStatus.PAUSED)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "4", "enter")  # B's goal
        assert goal_shown(app) == ids["goal"]
        assert app.screen.show_all
        assert app.screen.query_one(GoalTable).row_count == 2


async def test_an_empty_journal_explains_itself(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "4")
        screen = app.screen
        assert not screen.query_one("#postponed-panes").display
        explainer = str(screen.query_one("#postponed-explainer", Static).render())
        assert explainer.startswith("Nothing postponed yet.")
        await press(pilot, "left_square_bracket", "enter")  # nothing to move to or open
        assert app.current_mode == "postponed"


async def test_coming_back_reads_the_journal_again(make_app, conn) -> None:
    ids = history(conn)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "4", "1")
        with transaction(conn):
            items.postpone(conn, ids["a"], D("2026-11-24"), Reason.SKILLS)
        await press(pilot, "4")
        assert titles(app.screen)[0] == "Write the #report"
        assert str(app.screen.items_table.get_row_at(0)[2]) == "4"


@pytest.mark.parametrize("key", ["m", "k", "y", "a"])
async def test_every_period_key_shows_the_figures_of_its_period(make_app, conn, key) -> None:
    history(conn)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "4", key)
        screen = app.screen
        report_items = set(titles(screen))
        expected = {
            "m": 3,  # November
            "k": 3,  # Q4
            "y": 4,  # 2026
            "a": 5,  # everything
        }[key]
        assert len(report_items) == expected
        assert screen.loaded


async def test_a_journal_that_cannot_be_read_is_said_not_crashed(make_app, monkeypatch) -> None:
    def locked(*_args, **_kwargs):
        raise sqlite3.OperationalError("database is locked")

    monkeypatch.setattr("loopbaan.store.postponed.postponed", locked)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "4")
        assert app.is_running and app.current_mode == "postponed"
        messages = [n.message for n in app._notifications]
        assert messages == ["The analysis could not be read: database is locked"]


async def test_the_periods_a_key_away_are_read_ahead_and_kept_until_a_change(
    make_app, conn
) -> None:
    ids = history(conn)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await press(pilot, "4")  # the quarter, then the others read ahead
        screen = app.screen
        assert isinstance(screen, PostponedScreen)
        read = screen.analyse
        asked: list[tuple[str, str]] = []  # (the worker's group, span)
        used: list[sqlite3.Connection] = []

        def counted(on: sqlite3.Connection, period):  # type: ignore[no-untyped-def]
            asked.append((get_current_worker().group, period.span.value))
            used.append(on)
            return read(on, period)

        screen.analyse = counted  # type: ignore[method-assign]
        await press(pilot, "a")
        assert len(titles(screen)) == 5  # all of the journal, without reading it again
        await press(pilot, "y", "k", "m", "left_square_bracket")  # October: `[` from November
        assert "October 2026" in period_text(pilot)
        # No key waited for a read: every answer was kept, read ahead.
        assert [span for group, span in asked if group != "read-ahead"] == []
        assert {span for _group, span in asked} <= {"year", "quarter", "month"}  # the neighbours
        # A change through the app's own connection: its answers are old now.
        with transaction(app.conn):
            items.postpone(app.conn, ids["a"], D("2026-11-24"), Reason.SKILLS)
        await press(pilot, "k")
        assert ("analysis", "quarter") in asked
        assert titles(screen)[0] == "Write the #report"
        assert str(screen.items_table.get_row_at(0)[2]) == "4"
        assert used and all(on is not app.conn for on in used)


class Watched:
    """A reader connection whose closing is seen (sqlite3's own cannot be patched)."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn, self.closed = conn, False

    def __getattr__(self, name: str) -> object:
        return getattr(self.conn, name)

    def close(self) -> None:
        self.closed = True
        self.conn.close()


async def test_the_analysis_reads_on_a_read_only_connection_of_its_own(
    make_app, conn, monkeypatch
) -> None:
    history(conn)
    opened: list[Watched] = []

    def watched_reader(path):  # type: ignore[no-untyped-def]
        opened.append(Watched(open_reader(path)))
        return opened[-1]

    monkeypatch.setattr(period_screen, "open_reader", watched_reader)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_postponed(pilot)
        read = screen.analyse
        screen._kept.clear()  # nothing kept: the key's answer must be read
        seen: list[tuple[bool, int, bool]] = []

        def checked(on, period):  # type: ignore[no-untyped-def]
            (query_only,) = on.execute("PRAGMA query_only").fetchone()
            (foreign_keys,) = on.execute("PRAGMA foreign_keys").fetchone()
            seen.append((any(on is reader for reader in opened), query_only, bool(foreign_keys)))
            return read(on, period)

        screen.analyse = checked  # type: ignore[method-assign]
        await press(pilot, "y")
        assert seen and set(seen) == {(True, 1, True)}
        assert len(titles(screen)) == 4
        # The first answer, its reading ahead, the year's answer and its reading ahead:
        # each on a connection of its own, closed when it was done.
        assert len(opened) >= 3
        assert all(reader.closed for reader in opened)


async def test_a_slow_answer_lets_the_period_line_change_first(make_app, conn) -> None:
    """Gated on events, not timers: the answer is held back until the test lets it go."""
    history(conn)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_postponed(pilot)
        read = screen.analyse
        screen._kept.clear()  # nothing read ahead: this answer must be read
        reading, answer = threading.Event(), threading.Event()

        def slow(on: sqlite3.Connection, period):  # type: ignore[no-untyped-def]
            reading.set()
            answer.wait(30)
            return read(on, period)

        screen.analyse = slow  # type: ignore[method-assign]
        try:
            await pilot.press("y")
            # The period line changes while the answer is still held back.
            for _ in range(3000):
                if period_text(pilot).startswith("2026"):
                    break
                await pilot.pause(0.01)
            assert period_text(pilot).startswith("2026")
            assert reading.is_set() and not answer.is_set()
            assert len(titles(screen)) == 3  # still the quarter's items
        finally:
            answer.set()
        await settle(pilot)
        assert len(titles(screen)) == 4


async def test_a_dropped_task_is_settled_not_chronic(make_app, conn, monkeypatch) -> None:
    # About showing chronic items, not about when an item is chronic: with a rule
    # that lets three times count (on these few items it would take many more).
    monkeypatch.setattr(evidence, "ALPHA", 1.0)
    ids = history(conn)
    with transaction(conn):
        items.set_status(conn, ids["a"], Status.DROPPED, on=D("2026-11-10"))
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_postponed(pilot)
        rows = {str(row[1]): row for row in map(screen.items_table.get_row_at, range(3))}
        assert str(rows["Write the #report"][0]) == ""  # put off three times, then dropped
        assert str(rows["Call the #client"][0]) == "●"
        assert "dropped" in str(rows["Write the #report"][5])
        assert str(rows["Write the #report"][6]) == ""  # settled: no advice
        headline = str(screen.query_one("#postponed-headline", Static).render())
        assert "; 1 chronic (3 times or more)." in headline
