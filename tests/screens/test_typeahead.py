"""Keys typed faster than the app works land in order, on what they were typed at.

Keys are posted to the app all at once, as a terminal hands over a burst, while a
write is held back on purpose by an event-gated fake (no sleeps): each key must
still act on the item highlighted after the keys before it.
"""

from __future__ import annotations

import asyncio
import sqlite3
from datetime import date

from textual import events
from textual._xterm_parser import XTermParser

from loopbaan.domain import Item, Kind, Rating, Reason, Status
from loopbaan.screens.today import TodayScreen
from loopbaan.store import items, reviews, transaction
from loopbaan.terminal import ESCAPE_KEY, escape_apart
from loopbaan.widgets.review_panel import ReviewPanel

SIZE = (120, 40)
MON = date(2026, 11, 23)
TUE = date(2026, 11, 24)


def add(conn: sqlite3.Connection, title: str, **fields: object) -> Item:
    with transaction(conn):
        return items.add_item(conn, title, day=MON, **fields)  # type: ignore[arg-type]


def key(name: str) -> events.Key:
    """A key as the terminal driver hands it over."""
    characters = {"plus": "+", "minus": "-", "exclamation_mark": "!", "space": " "}
    character = characters.get(name, name if len(name) == 1 else None)
    return events.Key(name, character)


def typed(text: str) -> list[events.Key]:
    names = {"+": "plus", "-": "minus", "!": "exclamation_mark", " ": "space"}
    return [key(names.get(char, char)) for char in text]


async def burst(app, keys: list[events.Key]) -> None:
    """All keys at once, then wait until every one of them has been handled."""
    for event in keys:
        app.post_message(event)
    await asyncio.wait_for(app.keys.wait(), timeout=20)


async def test_keys_behind_a_slow_write_land_on_the_items_they_were_typed_at(
    make_app, conn, monkeypatch
) -> None:
    first, second = add(conn, "First"), add(conn, "Second")
    entered, release = asyncio.Event(), asyncio.Event()
    real_rate = TodayScreen.action_rate

    async def held_rate(self: TodayScreen, value: str) -> None:
        if not entered.is_set():  # the first rating waits until the test lets it go
            entered.set()
            await release.wait()
        real_rate(self, value)

    monkeypatch.setattr(TodayScreen, "action_rate", held_rate)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        # + on First (held), ↓ to Second, − on it, then add "Third" and rate it 0.
        keys = [key("plus"), key("down"), key("minus"), key("a"), *typed("Third")]
        keys += [key("enter"), key("escape"), key("0"), key("up"), key("up")]
        for event in keys:
            app.post_message(event)
        try:
            await asyncio.wait_for(entered.wait(), timeout=10)
            for _ in range(5):
                await asyncio.sleep(0)  # whatever could run ahead now has its chance
            # Nothing typed after the held key has acted yet: no rating, no line.
            assert items.get_item(conn, second.id).rating is None
            assert not app.screen.query_one("#today-capture").display
        finally:
            release.set()  # else the app could not close
        await asyncio.wait_for(app.keys.wait(), timeout=20)
        third = next(i for i in items.items_for_day(conn, MON) if i.title == "Third")
        ratings = [items.get_item(conn, i.id).rating for i in (first, second, third)]
        assert ratings == [Rating.PLUS, Rating.MINUS, Rating.NEUTRAL]
        assert app.screen.item.id == first.id  # up, up from Third


async def test_the_review_burst_of_the_issue_lands_as_typed(make_app, conn) -> None:
    """`a "+ one" ⏎ "- two" ⏎ "!three" ⏎ "!four" ⏎ Esc ↑ x ↓ p 2` sent in one go."""
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = [
            key("a"),
            *typed("+ one"),
            key("enter"),
            *typed("- two"),
            key("enter"),
            *typed("!three"),
            key("enter"),
            *typed("!four"),
            key("enter"),
            key("escape"),
            key("up"),
            key("x"),
            key("down"),
            key("p"),
            key("2"),
        ]
        await burst(app, keys)
        shown = {item.title: item for item in items.items_for_day(conn, MON)}
        assert shown["one"].rating is Rating.PLUS and shown["one"].kind is Kind.ACTIVITY
        assert shown["two"].rating is Rating.MINUS
        assert shown["three"].kind is Kind.TASK and shown["three"].status is Status.DONE
        (four,) = items.items_for_day(conn, TUE)
        assert (four.title, four.status) == ("four", Status.OPEN)
        (move,) = items.postponements_of(conn, four.id)
        assert (move.from_day, move.to_day, move.reason) == (MON, TUE, Reason.TOO_BIG)


async def test_the_capture_line_stays_open_until_escape_or_an_empty_enter(make_app, conn) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"First", "enter", *"Second", "enter")
        capture = app.screen.query_one("#today-capture")
        assert capture.display and app.screen.capture.input.value == ""
        assert [i.title for i in items.items_for_day(conn, MON)] == ["First", "Second"]
        await pilot.press("enter")  # an empty line closes
        assert not capture.display
        assert app.screen.item.title == "Second"  # the highlight on the last one added
        await pilot.press("a", *"Third", "enter", "escape")
        assert not capture.display and app.screen.item.title == "Third"
        assert len(items.items_for_day(conn, MON)) == 3


async def test_r_goes_to_the_energy_and_a_digit_moves_on_to_the_texts(make_app, conn) -> None:
    add(conn, "Standup")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("r", "4", *"Pairing went well", "tab", *"Meetings")
        panel = app.screen.query_one(ReviewPanel)
        assert app.focused is not None and app.focused.id == "review-disliked"
        shown = {b.action for _n, b, _e, _t in app.screen.active_bindings.values() if b.show}
        # In a text field the footer offers what works there, not the list's keys.
        assert "finish(True)" in shown and "back_to_items" in shown
        assert not shown & {"rate('plus')", "tick", "postpone", "finish", "quit"}
        await pilot.press("ctrl+f")
        panel.flush()
        await pilot.pause()
        review = reviews.day_review(conn, MON)
        assert review.finished and review.energy == 4
        assert (review.liked, review.disliked) == ("Pairing went well", "Meetings")


async def test_d_drops_a_task_and_ctrl_z_takes_it_back(make_app, conn) -> None:
    task = add(conn, "Rewrite the wiki", kind=Kind.TASK)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("d")
        assert items.get_item(conn, task.id).status is Status.DROPPED
        await pilot.press("ctrl+z")
        assert items.get_item(conn, task.id).status is Status.OPEN


async def test_past_midnight_today_moves_on(journal_path, quiet_config) -> None:
    from loopbaan.app import LoopbaanApp

    now = [MON]
    app = LoopbaanApp(db_path=journal_path, clock=lambda: now[0])
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert app.screen.day == MON
        now[0] = TUE
        app.check_day()
        await pilot.pause()
        assert app.today == TUE and app.screen.day == TUE


def test_escape_and_the_key_after_it_stay_two_keys() -> None:
    """Escape then p read at once is not Alt+p; ESC before an escape sequence not `^`."""
    assert escape_apart("\x1bp") == ESCAPE_KEY + "p"
    assert escape_apart("\x1b[A\x1bOP") == "\x1b[A\x1bOP"  # sequences stay whole
    parser = XTermParser()
    keys = [event.key for event in parser.feed(escape_apart("\x1bp2\x1b[Ax\x1b+\x1b\x1b[B"))]
    assert keys == ["escape", "p", "2", "up", "x", "escape", "plus", "escape", "down"]


async def test_a_burst_through_dialogs_undo_days_and_screens(make_app, conn) -> None:
    """e and its dialog, delete, ctrl+z, [ ], number keys: all at once, all in order."""
    first, second, third = (add(conn, title) for title in ("First", "Second", "Third"))
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = [key("down"), key("delete"), key("ctrl+z")]  # Second goes and comes back
        # A day on and back: the cursor starts at the top of the day again.
        keys += [key("right_square_bracket"), key("left_square_bracket")]
        keys += [key("down"), key("e"), key("end"), *typed(" edited"), key("ctrl+s")]
        keys += [key("2"), key("1"), key("minus")]  # Week and back: the cursor stayed
        await burst(app, keys)
        assert items.get_item(conn, second.id).title == "Second edited"
        assert items.get_item(conn, second.id).rating is Rating.MINUS
        assert [items.get_item(conn, i.id) for i in (first, third)] == [first, third]
        assert app.screen.day == MON


async def test_goals_n_m_and_x_typed_at_once(make_app, conn) -> None:
    from loopbaan.store import goals

    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = [key("3"), key("n"), *typed("Speak at a meetup"), key("enter"), key("escape")]
        keys += [key("m"), *typed("Pick a topic"), key("enter"), *typed("Send the talk")]
        # Into the milestones (on the last one added), up to the first, tick it.
        keys += [key("enter"), key("escape"), key("enter"), key("up"), key("x")]
        await burst(app, keys)
        (goal,) = goals.list_goals(conn)
        steps = goals.milestones(conn, goal.id)
        assert [(m.title, m.done_on is not None) for m in steps] == [
            ("Pick a topic", True),
            ("Send the talk", False),
        ]


async def test_3_goes_to_goals_from_every_screen(make_app, conn) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        for screen in ("1", "2", "4", "5", "6"):
            await burst(app, [key(screen), key("3")])
            await pilot.pause()
            assert app.current_mode == "goals", f"3 from screen {screen}"
