"""The Today screen driven by its keys, checked on the journal and on the widgets."""

from __future__ import annotations

import sqlite3
import statistics
import time
import uuid
from datetime import date, timedelta

import pytest
from textual.app import App
from textual.widgets import Input, Label, Static, TextArea

from loopbaan.dialogs.edit_item import EditItemScreen
from loopbaan.dialogs.postpone import PostponeScreen
from loopbaan.domain import Item, Kind, Rating, Reason, Status
from loopbaan.screens.today import TodayScreen
from loopbaan.store import NotFound, items, reviews, transaction
from loopbaan.widgets.item_table import ItemTable
from loopbaan.widgets.review_panel import EnergyField, ReviewPanel
from tests.helpers import retype, text_of

SIZE = (120, 40)
MON = date(2026, 11, 23)  # the app's today
SUN = MON - timedelta(days=1)
TUE = MON + timedelta(days=1)
FRI = MON - timedelta(days=3)
THU = MON - timedelta(days=4)


def add(conn: sqlite3.Connection, title: str, day: date = MON, **fields: object) -> Item:
    with transaction(conn):
        return items.add_item(conn, title, day=day, **fields)  # type: ignore[arg-type]


def screen(app: App) -> TodayScreen:
    assert isinstance(app.screen, TodayScreen), app.screen
    return app.screen


def table(app: App, selector: str = "#today-table") -> ItemTable:
    return app.screen.query_one(selector, ItemTable)


def row_ids(app: App, selector: str = "#today-table") -> list[int]:
    return table(app, selector).row_ids


def row_of(app: App, item_id: int, selector: str = "#today-table") -> dict[str, str]:
    """The cells of an item's row by column key, as plain text."""
    shown = table(app, selector)
    keys = shown.column_keys
    cells = shown.get_row(item_id)
    return {key: getattr(cell, "plain", str(cell)) for key, cell in zip(keys, cells, strict=True)}


def highlighted(app: App) -> int | None:
    item = screen(app).item
    return item.id if item else None


# ---------------------------------------------------------------- first run


async def test_an_empty_journal_explains_the_review_and_a_adds_the_first_item(
    make_app, conn
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        explainer = app.screen.query_one("#today-empty", Static)
        assert explainer.display and explainer.has_class("-first-run")
        text = text_of(app, "#today-empty")
        assert "two minutes at the end of each workday" in text
        assert "Press a to add your first item" in text
        assert not table(app).display
        await pilot.press("a", *"Sprint demo #work", "enter", "escape")
        (item,) = items.items_for_day(conn, MON)
        assert item.title == "Sprint demo #work" and item.kind is Kind.ACTIVITY
        assert item.tags == ("work",)
        assert table(app).display and row_ids(app) == [item.id]
        assert not explainer.display
        assert highlighted(app) == item.id


async def test_a_day_without_items_says_so_and_how_to_add(make_app, conn) -> None:
    add(conn, "Weekend hike", day=SUN)
    app = make_app()
    async with app.run_test(size=SIZE):
        explainer = app.screen.query_one("#today-empty", Static)
        assert explainer.display and not explainer.has_class("-first-run")
        assert "Nothing on Mon 23 Nov yet. a adds" in text_of(app, "#today-empty")
        assert table(app).display and row_ids(app) == []


# ---------------------------------------------------------------- rating


async def test_plus_minus_zero_rate_the_highlighted_item_and_keep_the_cursor(
    make_app, conn
) -> None:
    first = add(conn, "Sprint demo")
    second = add(conn, "Budget cleanup")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert row_of(app, second.id)["rating"] == "·"
        await pilot.press("down")
        assert highlighted(app) == second.id
        await pilot.press("plus")
        assert items.get_item(conn, second.id).rating is Rating.PLUS
        assert row_of(app, second.id)["rating"] == "+"
        await pilot.press("minus")
        assert items.get_item(conn, second.id).rating is Rating.MINUS
        assert row_of(app, second.id)["rating"] == "−"
        await pilot.press("0")
        assert items.get_item(conn, second.id).rating is Rating.NEUTRAL
        assert row_of(app, second.id)["rating"] == "0"
        assert highlighted(app) == second.id
        assert items.get_item(conn, first.id).rating is None


# ---------------------------------------------------------------- adding


async def test_a_adds_tasks_appointments_and_tags_from_one_line(make_app, conn) -> None:
    add(conn, "Something already there")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"!Call Mira about the #lead-role", "enter", "escape")
        task = items.items_for_day(conn, MON)[-1]
        assert (task.kind, task.status, task.title) == (
            Kind.TASK,
            Status.OPEN,
            "Call Mira about the #lead-role",
        )
        assert task.tags == ("lead-role",)
        assert highlighted(app) == task.id
        assert row_of(app, task.id)["kind"] == "!" and row_of(app, task.id)["status"] == "open"

        await pilot.press("a", *"@1:1 with Joost #mentor #career", "enter", "escape")
        talk = next(i for i in items.items_for_day(conn, MON) if i.kind is Kind.APPOINTMENT)
        assert talk.title == "1:1 with Joost #mentor #career"
        assert talk.tags == ("career", "mentor")
        assert highlighted(app) == talk.id
        row = row_of(app, talk.id)
        assert row["kind"] == "@" and row["title"] == "1:1 with Joost #mentor #career"

        await pilot.press("a", *"Demo #work", "enter", "escape")
        demo = items.items_for_day(conn, MON)[-2]  # activities come before tasks
        assert (demo.kind, demo.title, demo.tags) == (Kind.ACTIVITY, "Demo #work", ("work",))
        assert highlighted(app) == demo.id


async def test_the_capture_label_reads_back_the_kind(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a")
        label = app.screen.query_one("#today-capture Label", Label)
        assert "activity" in str(label.render())
        await pilot.press("!")
        assert "task" in str(label.render())
        await pilot.press("backspace", "@")
        assert "appointment" in str(label.render())


async def test_escape_cancels_adding_and_typing_fires_no_keys(make_app, conn) -> None:
    demo = add(conn, "Sprint demo")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"+-0xpef[]t2 ", "delete")
        assert isinstance(app.focused, Input)
        assert app.current_mode == "today" and screen(app).day == MON
        await pilot.press("escape")
        assert not app.screen.query_one("#today-capture").display
        assert isinstance(app.focused, ItemTable)
        assert [i.id for i in items.items_for_day(conn, MON)] == [demo.id]
        assert items.get_item(conn, demo.id).rating is None
        assert not reviews.day_review(conn, MON).finished
        assert len(app.undo_log) == 0


async def test_enter_on_an_empty_line_adds_nothing(make_app, conn) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("a", *"!  ", "enter", "escape")
        assert items.items_for_day(conn, MON) == []
        assert not app.screen.query_one("#today-capture").display


# ---------------------------------------------------------------- tasks


async def test_x_ticks_a_task_off_on_the_day_shown_and_opens_it_again(make_app, conn) -> None:
    task = add(conn, "Review the pull request", kind=Kind.TASK)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x")
        done = items.get_item(conn, task.id)
        assert done.status is Status.DONE and done.done_on == MON
        assert row_of(app, task.id)["status"] == "done"
        await pilot.press("x")
        again = items.get_item(conn, task.id)
        assert again.status is Status.OPEN and again.done_on is None
        assert row_of(app, task.id)["status"] == "open"
        assert highlighted(app) == task.id


async def test_x_on_an_activity_changes_nothing(make_app, conn) -> None:
    demo = add(conn, "Sprint demo")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("x", "p")
        assert items.get_item(conn, demo.id) == demo
        assert not isinstance(app.screen, PostponeScreen)
        assert len(app.undo_log) == 0


async def test_p_2_postpones_to_tomorrow_because_it_is_too_big(make_app, conn) -> None:
    task = add(conn, "Write the quarterly report", kind=Kind.TASK)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        assert isinstance(app.screen, PostponeScreen)
        await pilot.press("2")
        assert isinstance(app.screen, TodayScreen)
        (move,) = items.postponements_of(conn, task.id)
        assert (move.from_day, move.to_day, move.reason) == (MON, TUE, Reason.TOO_BIG)
        assert items.get_item(conn, task.id).day == TUE
        # It stays in sight on the day it was put off from, cursor and all.
        row = row_of(app, task.id)
        assert row["status"] == "→ 24 Nov" and "too big" in row["title"]
        assert row["postponed"] == "1×"
        assert highlighted(app) == task.id
        await pilot.press("right_square_bracket")
        assert row_ids(app) == [task.id] and row_of(app, task.id)["status"] == "open"


async def test_the_postpone_dialog_shows_each_reason_with_its_meaning(make_app, conn) -> None:
    add(conn, "Write the report", kind=Kind.TASK)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p")
        options = app.screen.query_one("#postpone-reasons")
        texts = [str(options.get_option_at_index(i).prompt) for i in range(8)]  # type: ignore[attr-defined]
        assert texts[0].startswith("1  unclear") and "not clear what to do" in texts[0]
        assert texts[1].startswith("2  too big") and "too big to start" in texts[1]
        assert texts[7].startswith("8  other")
        assert app.screen.query_one("#postpone-day Input", Input).value == "2026-11-24"
        await pilot.press("down")
        assert "split it into milestones" in text_of(app, "#postpone-tip")
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)
        assert len(app.undo_log) == 0


async def test_p_with_a_typed_day_checks_it_and_then_postpones(make_app, conn) -> None:
    task = add(conn, "Book the course", kind=Kind.TASK)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("p", "tab")
        day_input = app.screen.query_one("#postpone-day Input", Input)
        assert app.focused is day_input
        await retype(pilot, "someday")
        assert "not a day" in str(app.screen.query_one(".day-hint", Static).render())
        await pilot.press("enter")
        assert app.focused is day_input  # Enter does not leave a day it cannot read
        await pilot.press("tab", "3")
        assert isinstance(app.screen, PostponeScreen)
        assert "not a day" in text_of(app, "#postpone-error")

        await retype(pilot, "2026-11-23")
        await pilot.press("enter", "3")
        assert isinstance(app.screen, PostponeScreen)
        assert "must be after Mon 23 Nov" in text_of(app, "#postpone-error")
        assert items.postponements_of(conn, task.id) == []

        await retype(pilot, "friday")
        await pilot.press("enter", "3")
        assert isinstance(app.screen, TodayScreen)
        (move,) = items.postponements_of(conn, task.id)
        assert (move.to_day, move.reason) == (date(2026, 11, 27), Reason.NO_TIME)


# ---------------------------------------------------------------- edit and delete


async def test_e_edits_title_and_tags(make_app, conn) -> None:
    demo = add(conn, "Sprint demo #work")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e")
        assert isinstance(app.screen, EditItemScreen)
        assert app.screen.query_one("#edit-title", Input).value == "Sprint demo #work"
        await retype(pilot, "Sprint demo went well #demo")
        await pilot.press("tab", "tab", "tab", *"Mira liked it")
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, TodayScreen)
        edited = items.get_item(conn, demo.id)
        assert edited.title == "Sprint demo went well #demo" and edited.tags == ("demo",)
        assert edited.note == "Mira liked it"
        assert row_of(app, demo.id)["title"] == "Sprint demo went well #demo"


async def test_e_changes_kind_and_day_and_the_item_moves_away(make_app, conn) -> None:
    demo = add(conn, "Dentist")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "tab", "right", "tab")
        await retype(pilot, "tomorrow")
        await pilot.press("ctrl+s")
        moved = items.get_item(conn, demo.id)
        assert (moved.kind, moved.day) == (Kind.APPOINTMENT, TUE)
        assert row_ids(app) == []


async def test_the_cursor_follows_the_item_when_its_row_moves(make_app, conn) -> None:
    demo = add(conn, "Sprint demo")
    lunch = add(conn, "Lunch walk")
    task = add(conn, "Write the report", kind=Kind.TASK)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert highlighted(app) == demo.id
        await pilot.press("e", "tab", "right", "right", "ctrl+s")  # an activity becomes a task
        assert items.get_item(conn, demo.id).kind is Kind.TASK
        assert row_ids(app) == [lunch.id, demo.id, task.id]  # tasks come after activities
        assert highlighted(app) == demo.id


async def test_the_edit_dialog_refuses_an_empty_title_and_escape_cancels(make_app, conn) -> None:
    demo = add(conn, "Sprint demo")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "home", "ctrl+k", "enter")
        assert isinstance(app.screen, EditItemScreen)
        assert "the title is empty" in text_of(app, "#edit-error")
        await pilot.press("escape")
        assert isinstance(app.screen, TodayScreen)
        assert items.get_item(conn, demo.id) == demo


async def test_a_digit_in_a_dialog_does_not_switch_screens(make_app, conn) -> None:
    add(conn, "Sprint demo")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("e", "tab", "2")
        assert app.current_mode == "today"
        assert isinstance(app.screen, EditItemScreen)


async def test_delete_removes_the_item_and_ctrl_z_brings_it_back(make_app, conn) -> None:
    task = add(conn, "Write the report #writing", kind=Kind.TASK)
    with transaction(conn):
        items.postpone(conn, task.id, TUE, Reason.UNCLEAR)
        items.edit_item(conn, task.id, day=MON)
    before = items.get_item(conn, task.id)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("delete")
        with pytest.raises(NotFound):
            items.get_item(conn, task.id)
        assert row_ids(app) == []
        await pilot.press("ctrl+z")
        assert items.get_item(conn, task.id) == before
        assert len(items.postponements_of(conn, task.id)) == 1
        assert row_ids(app) == [task.id]


# ---------------------------------------------------------------- days


async def test_brackets_and_t_move_between_days(make_app, conn) -> None:
    hike = add(conn, "Weekend hike", day=SUN)
    demo = add(conn, "Sprint demo")
    dentist = add(conn, "Dentist", day=TUE, kind=Kind.APPOINTMENT)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert row_ids(app) == [demo.id] and app.screen.sub_title == "Today"
        await pilot.press("left_square_bracket")
        assert screen(app).day == SUN and row_ids(app) == [hike.id]
        assert app.screen.sub_title == "Today"  # the screen's name; the day line says which
        assert text_of(app, "#today-day") == "Sunday 22 November 2026 · yesterday"
        await pilot.press("right_square_bracket", "right_square_bracket")
        assert screen(app).day == TUE and row_ids(app) == [dentist.id]
        assert "tomorrow" in text_of(app, "#today-day")
        await pilot.press("a", *"Plan the sprint", "enter", "escape")
        assert items.items_for_day(conn, TUE)[-1].title == "Plan the sprint"
        await pilot.press("t")
        assert screen(app).day == MON and row_ids(app) == [demo.id]


# ---------------------------------------------------------------- finishing


async def test_f_finishes_the_review_and_f_again_reopens_it(make_app, conn) -> None:
    add(conn, "Sprint demo")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("f")
        assert reviews.day_review(conn, MON).finished
        assert app.screen.has_class("-finished")
        assert "Review finished" in text_of(app, "#today-status")
        bindings = {b.binding.action for b in app.screen.active_bindings.values() if b.enabled}
        assert "reopen" in bindings and "finish" not in bindings
        await pilot.press("f")
        assert not reviews.day_review(conn, MON).finished
        assert not app.screen.has_class("-finished")
        assert "f finishes the review" in text_of(app, "#today-status")


# ---------------------------------------------------------------- reflection


async def test_the_reflection_fields_are_saved_as_typed(make_app, conn) -> None:
    add(conn, "Sprint demo")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        panel = app.screen.query_one(ReviewPanel)
        await pilot.press("tab")
        assert isinstance(app.focused, EnergyField)
        await pilot.press("4")  # sets the energy and moves on to what you liked
        assert reviews.day_review(conn, MON).energy == 4
        assert app.focused is app.screen.query_one("#review-liked", TextArea)
        await pilot.press("shift+tab", "right")
        assert reviews.day_review(conn, MON).energy == 5
        await pilot.press("0")
        assert reviews.day_review(conn, MON).energy is None
        assert isinstance(app.focused, EnergyField)  # clearing stays
        await pilot.press("3")
        assert app.focused is app.screen.query_one("#review-liked", TextArea)
        await pilot.press(*"The demo, a+x[1 too")
        assert app.current_mode == "today" and screen(app).day == MON
        assert items.items_for_day(conn, MON)[0].rating is None
        await pilot.pause(0.6)  # the typing is saved within half a second
        assert reviews.day_review(conn, MON).liked == "The demo, a+x[1 too"
        assert panel.border_subtitle == "saved ✓"
        await pilot.press("tab", *"Budget meetings", "tab")  # leaving a field saves it
        await pilot.pause()
        review = reviews.day_review(conn, MON)
        assert review.disliked == "Budget meetings" and review.energy == 3
        await pilot.press(*"The report: too big", "tab", *"Ask early")
        await pilot.press("escape")  # back to the items, saving on the way
        await pilot.pause()
        assert isinstance(app.focused, ItemTable)
        review = reviews.day_review(conn, MON)
        assert (review.postponed_why, review.learned) == ("The report: too big", "Ask early")


async def test_a_reload_before_the_save_lands_keeps_what_was_typed(make_app, conn) -> None:
    add(conn, "Sprint demo")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("tab", "tab", *"Kept")
        area = app.screen.query_one("#review-liked", TextArea)
        app.screen.query_one(ReviewPanel).flush()  # sent, not stored yet
        screen(app).reload()  # reads a review that does not hold it yet
        assert area.text == "Kept"
        await pilot.pause()
        assert reviews.day_review(conn, MON).liked == "Kept"
        screen(app).reload()
        assert area.text == "Kept"


async def test_the_reflection_follows_the_day_shown(make_app, conn) -> None:
    with transaction(conn):
        reviews.save_day_review(conn, SUN, energy=2, learned="Rest matters")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        learned = app.screen.query_one("#review-learned", TextArea)
        assert learned.text == ""
        await pilot.press("left_square_bracket")
        assert learned.text == "Rest matters"
        assert app.screen.query_one(EnergyField).value == 2
        assert len(app.undo_log) == 0  # showing a review is not a change


# ---------------------------------------------------------------- earlier days


async def test_earlier_days_offer_open_tasks_and_unrated_items(make_app, conn) -> None:
    report = add(conn, "Write the report", day=FRI, kind=Kind.TASK)
    course = add(conn, "Book the course", day=THU, kind=Kind.TASK)
    pairing = add(conn, "Pairing with Sam", day=FRI)
    add(conn, "Retro", day=FRI, rating=Rating.NEUTRAL)  # rated: nothing left to do
    add(conn, "Quiet day", day=THU)  # unrated, but Thursday's review is finished
    with transaction(conn):
        reviews.finish_day_review(conn, THU)
    demo = add(conn, "Sprint demo")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        earlier = "#today-earlier"
        assert row_ids(app, earlier) == [report.id, course.id, pairing.id]
        assert row_of(app, report.id, earlier)["day"] == "Fri 20 Nov"
        assert "2 open tasks, 1 to rate" in text_of(app, "#today-earlier-title")

        await pilot.press("tab")
        assert app.focused is table(app, earlier) and highlighted(app) == report.id
        await pilot.press("x")  # ticked off today: it moves to today's list
        done = items.get_item(conn, report.id)
        assert (done.status, done.done_on) == (Status.DONE, MON)
        assert row_ids(app) == [demo.id, report.id]
        assert row_ids(app, earlier) == [course.id, pairing.id]
        assert highlighted(app) == course.id

        await pilot.press("p", "2")  # from its own day, to the day after the one shown
        (move,) = items.postponements_of(conn, course.id)
        assert (move.from_day, move.to_day, move.reason) == (THU, TUE, Reason.TOO_BIG)
        assert highlighted(app) == pairing.id

        await pilot.press("plus")
        assert items.get_item(conn, pairing.id).rating is Rating.PLUS
        assert not table(app, earlier).display  # nothing left from earlier days
        assert app.focused is table(app)

        for _ in range(3):
            await pilot.press("ctrl+z")
        assert row_ids(app, earlier) == [report.id, course.id, pairing.id]
        assert items.get_item(conn, report.id).status is Status.OPEN


# ---------------------------------------------------------------- undo


async def test_ctrl_z_undoes_each_kind_of_change(make_app, conn, monkeypatch) -> None:
    from loopbaan.widgets import review_panel

    # The text is saved when the field is left, not by the 0.4 s timer halfway
    # through the typing on a slow machine: one change to undo.
    monkeypatch.setattr(review_panel, "SAVE_DELAY", 600)
    demo = add(conn, "Sprint demo")
    task = add(conn, "Write the report", kind=Kind.TASK)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus", "ctrl+z")
        assert items.get_item(conn, demo.id).rating is None
        assert row_of(app, demo.id)["rating"] == "·"

        await pilot.press("a", *"!New task", "enter", "escape", "ctrl+z")
        assert [i.id for i in items.items_for_day(conn, MON)] == [demo.id, task.id]

        await pilot.press("down")
        assert highlighted(app) == task.id
        await pilot.press("x", "ctrl+z")
        assert items.get_item(conn, task.id).status is Status.OPEN

        await pilot.press("p", "3", "ctrl+z")
        assert items.get_item(conn, task.id).day == MON
        assert items.postponements_of(conn, task.id) == []

        await pilot.press("e")
        await retype(pilot, "Write the short report")
        await pilot.press("enter", "ctrl+z")
        assert items.get_item(conn, task.id).title == "Write the report"

        await pilot.press("f", "ctrl+z")
        assert not reviews.day_review(conn, MON).finished

        await pilot.press("tab", "tab", *"Liked it", "escape", "ctrl+z")
        assert reviews.day_review(conn, MON).liked == ""
        assert app.screen.query_one("#review-liked", TextArea).text == ""
        assert len(app.undo_log) == 0


async def test_ctrl_z_twice_undoes_the_last_two_changes(make_app, conn) -> None:
    task = add(conn, "Write the report", kind=Kind.TASK)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("plus", "x", "f")
        await pilot.press("ctrl+z", "ctrl+z")
        state = items.get_item(conn, task.id)
        assert state.status is Status.OPEN and state.rating is Rating.PLUS
        assert not reviews.day_review(conn, MON).finished
        assert row_of(app, task.id)["status"] == "open"
        assert highlighted(app) == task.id
        await pilot.press("ctrl+z")
        assert items.get_item(conn, task.id).rating is None


# ---------------------------------------------------------------- keys explain themselves


async def test_question_mark_shows_the_keys_and_every_binding_says_what_it_does(
    make_app,
) -> None:
    assert all(binding.description for binding in TodayScreen.BINDINGS)  # type: ignore[union-attr]
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert app.screen.query("KeysHelp")
        await pilot.press("question_mark")
        assert not app.screen.query("KeysHelp")
        commands = {command.title for command in app.get_system_commands(app.screen)}
        assert {"Add", "Postpone", "Finish", "Previous day", "Back to today"} <= commands


# ---------------------------------------------------------------- ten years


def ten_years(conn: sqlite3.Connection, end: date) -> None:
    """About 17 000 items over ten years of workdays, with tags, open tasks and moves."""
    item_rows, tag_rows, moves = [], [], []
    day, item_id = end - timedelta(days=3650), 0
    while day < end:
        if day.weekday() < 5:
            for n in range(7):
                item_id += 1
                task = n >= 5
                is_open = task and item_id % 29 == 0
                item_rows.append(
                    (
                        item_id,
                        str(uuid.uuid4()),
                        "task" if task else ("appointment" if n == 0 else "activity"),
                        f"Item {item_id} #t{item_id % 40}",
                        day.isoformat(),
                        (None, "plus", "minus", "neutral")[item_id % 4],
                        "open" if is_open else "done",
                        None if is_open else day.isoformat(),
                    )
                )
                tag_rows.append((item_id, item_id % 40 + 1))
                if task and item_id % 7 == 0:
                    moves.append((str(uuid.uuid4()), item_id, day.isoformat()))
        day += timedelta(days=1)
    with transaction(conn):
        conn.executemany(
            "INSERT INTO tag (id, uid, name) VALUES (?, ?, ?)",
            [(n + 1, str(uuid.uuid4()), f"t{n}") for n in range(40)],
        )
        conn.executemany(
            "INSERT INTO item (id, uid, kind, title, day, rating, note, status, done_on,"
            " created_at, updated_at) VALUES (?,?,?,?,?,?,'',?,?, '2020-01-01', '2020-01-01')",
            item_rows,
        )
        conn.executemany("INSERT INTO item_tag (item_id, tag_id) VALUES (?, ?)", tag_rows)
        conn.executemany(
            "INSERT INTO postponement (uid, item_id, from_day, to_day, reason, note, created_at)"
            " VALUES (?, ?, date(?, '-1 day'), ?, 'no_time', '', '2020-01-01')",
            [(uid, item_id, day, day) for uid, item_id, day in moves],
        )


async def test_moving_a_day_on_ten_years_of_journal_stays_instant(make_app, conn) -> None:
    ten_years(conn, MON)
    assert conn.execute("SELECT count(*) FROM item").fetchone()[0] > 15_000
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        assert len(row_ids(app)) == 0 and row_ids(app, "#today-earlier")
        timings = []
        for step in [-1] * 10 + [1] * 10:
            start = time.perf_counter()
            screen(app).action_step_day(step)  # what [ and ] run: read the day, fill the lists
            timings.append(time.perf_counter() - start)
            await pilot.pause()
        assert screen(app).day == MON
        assert row_ids(app, "#today-earlier")
        assert statistics.median(timings) < 0.05, timings


async def test_g_counts_the_highlighted_task_for_a_goal(make_app, conn) -> None:
    from loopbaan.dialogs.goal_picker import GoalPicker
    from loopbaan.store import goals

    with transaction(conn):
        goals.add_goal(conn, "Speak at a conference")
        lead = goals.add_goal(conn, "Lead the platform team")
    task = add(conn, "Ask Mira about the lead role", kind=Kind.TASK)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("g")
        await pilot.pause()
        assert isinstance(app.screen, GoalPicker)
        await pilot.press(*"lead", "enter")
        await pilot.pause()
        assert items.get_item(conn, task.id).goal_id == lead.id
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert items.get_item(conn, task.id).goal_id is None
        await pilot.press("g", "escape")  # cancelling links nothing
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert items.get_item(conn, task.id).goal_id is None
