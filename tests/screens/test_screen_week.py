"""The Week screen driven by its keys, checked on the journal and on the widgets.

Today is Monday 23 November 2026 (tests/conftest.py): this week is ISO week 48.
"""

from __future__ import annotations

from datetime import date

from textual.app import App
from textual.content import Content
from textual.widgets import Input, Static

from loopbaan.config import Settings
from loopbaan.domain import Rating, Reason
from loopbaan.screens.week import WeekScreen
from loopbaan.store import items, reviews, transaction
from loopbaan.widgets import week_questions
from loopbaan.widgets.week_questions import SAVE_DELAY, WeekQuestions
from tests.helpers import text_of

SIZE = (120, 40)
MON23, TUE24 = date(2026, 11, 23), date(2026, 11, 24)
TUE17 = date(2026, 11, 17)


def screen(app: App) -> WeekScreen:
    assert isinstance(app.screen, WeekScreen)
    return app.screen


def answer(app: App, name: str) -> Input:
    return app.screen.query_one(f"#week-{name}", Input)


def stored(conn, week: int = 48) -> reviews.WeekReview:
    return reviews.week_review(conn, 2026, week)


def review_rows(conn) -> int:
    return conn.execute("SELECT count(*) FROM week_review").fetchone()[0]


async def wait_for_save(pilot) -> None:
    await pilot.pause(SAVE_DELAY + 0.2)


async def test_2_shows_this_week_and_brackets_step_through_the_weeks(make_app) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        assert text_of(app, "#week-title") == "Week 48 · 23–29 Nov 2026 · this week"
        assert app.screen.sub_title == "Week"
        await pilot.press("[")
        assert text_of(app, "#week-title") == "Week 47 · 16–22 Nov 2026 · last week"
        await pilot.press("]", "]")
        assert text_of(app, "#week-title") == "Week 49 · 30 Nov – 6 Dec 2026 · next week"
        await pilot.press("]", "]", "]", "]", "]")
        assert text_of(app, "#week-title") == "Week 1 · 4–10 Jan 2027 · in 6 weeks"
        await pilot.press("[")
        assert text_of(app, "#week-title") == (
            "Week 53 of 2026 · 28 Dec 2026 – 3 Jan 2027 · in 5 weeks"
        )
        await pilot.press("t")
        assert screen(app).week.first == MON23
        assert text_of(app, "#week-title") == "Week 48 · 23–29 Nov 2026 · this week"


async def test_with_sunday_as_first_day_the_week_runs_sunday_to_saturday(make_app) -> None:
    settings = Settings()
    settings.first_weekday = 6
    app = make_app(settings=settings)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        assert text_of(app, "#week-title") == "Week 48 · 22–28 Nov 2026 · this week"
        assert text_of(app, "#week-days").splitlines()[1].startswith("Sun 22 Nov")


async def test_the_panels_show_the_week_shown(make_app, conn) -> None:
    with transaction(conn):
        items.add_item(conn, "Sprint demo #work", day=MON23, rating=Rating.PLUS)
        items.add_item(conn, "Pairing #work", day=TUE24, rating=Rating.PLUS)
        items.add_item(conn, "Budget #admin", day=TUE24, rating=Rating.MINUS)
        items.add_item(conn, "Old thing #legacy", day=TUE17, rating=Rating.MINUS)
        task = items.add_item(conn, "Write the report", day=MON23, kind=items.Kind.TASK)
        items.postpone(conn, task.id, TUE24, Reason.TOO_BIG)
        reviews.finish_day_review(conn, MON23)
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        days = text_of(app, "#week-days").splitlines()
        assert days[1].split()[:6] == ["Mon", "23", "Nov", "✓", "1", "·"]
        assert days[2].split()[:6] == ["Tue", "24", "Nov", "1", "1", "·"]
        tags = text_of(app, "#week-tags")
        assert "#work" in tags and "#admin" in tags and "#legacy" not in tags
        assert "Sprint demo" in text_of(app, "#week-standouts")
        postponed = text_of(app, "#week-postponed")
        assert "1 postponement" in postponed and "too big" in postponed
        assert "Write the report" in postponed
        status = text_of(app, "#week-status")
        assert "4 items · 2 plus · 1 minus · 0 neutral · 1 not rated" in status
        assert "1 of 7 days reviewed" in status

        await pilot.press("[")
        assert "#legacy" in text_of(app, "#week-tags")
        assert "#work" not in text_of(app, "#week-tags")
        assert text_of(app, "#week-postponed") == "Nothing postponed this week."


async def test_the_four_questions_are_saved_as_typed(make_app, conn) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "tab")
        assert app.focused is answer(app, "more_of")
        await pilot.press(*"pairing")
        assert app.screen.query_one(WeekQuestions).border_subtitle == "typing…"
        await wait_for_save(pilot)
        assert stored(conn).more_of == "pairing"
        assert app.screen.query_one(WeekQuestions).border_subtitle == "saved ✓"

        await pilot.press("tab", *"meetings", "enter")  # Enter saves at once, and moves on
        assert stored(conn).less_of == "meetings"
        assert app.focused is answer(app, "next_step")
        await pilot.press(*"ask Mira", "tab", *"Joost")
        assert stored(conn).next_step == "ask Mira"  # leaving a field saves it
        await pilot.press("escape")  # back to the week: saved too
        assert app.focused is app.screen.query_one("#week-body")
        assert stored(conn) == reviews.WeekReview(
            2026, 48, "pairing", "meetings", "ask Mira", "Joost", None
        )
        assert review_rows(conn) == 1


async def test_keys_are_text_while_typing_an_answer(make_app, conn) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "tab", *"[t]f2q?")
        await wait_for_save(pilot)
        assert isinstance(app.screen, WeekScreen)
        assert screen(app).week.number == 48
        assert answer(app, "more_of").value == "[t]f2q?"
        assert stored(conn).more_of == "[t]f2q?"
        assert not stored(conn).finished
        await pilot.press("escape", "]")  # and keys again once back on the week
        assert screen(app).week.number == 49


async def test_f_finishes_the_week_review_and_reopens_it(make_app, conn) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "f")
        assert stored(conn).finished
        assert text_of(app, "#week-status").startswith("✓ Week review finished")
        title = str(app.screen.query_one(WeekQuestions).border_title)  # as markup
        assert Content.from_markup(title).plain == "Week questions ✓" and "$text-success" in title
        await pilot.press("f")
        assert not stored(conn).finished
        assert "f finishes the week" in text_of(app, "#week-status")
        assert str(app.screen.query_one(WeekQuestions).border_title) == "Week questions"
        await pilot.press("f", "ctrl+z")  # finishing is undone like any change
        assert not stored(conn).finished
        await pilot.press("[", "f")  # another week has a review of its own
        assert stored(conn, 47).finished and not stored(conn).finished


async def test_ctrl_f_finishes_the_week_from_a_question_and_the_footer_says_so(
    make_app, conn
) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "tab", *"more pairing")
        shown = {b.action for _n, b, _e, _t in app.screen.active_bindings.values() if b.show}
        assert {"finish(True)", "back_to_week"} <= shown and "quit" not in shown
        await pilot.press("ctrl+f")
        assert stored(conn).finished and stored(conn).more_of == "more pairing"
        assert not isinstance(app.focused, Input)  # back to the week: q quits again


async def save_now(pilot) -> None:
    """What typing pausing does, without racing the timer on a slow machine."""
    pilot.app.screen.query_one(WeekQuestions).post_message(WeekQuestions.Paused())
    await pilot.pause()


async def test_ctrl_z_undoes_an_answer_step_by_step(make_app, conn, monkeypatch) -> None:
    monkeypatch.setattr(week_questions, "SAVE_DELAY", 600)  # saved when the test says
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "tab", *"pairing")
        await save_now(pilot)
        await pilot.press(*", demos")
        await save_now(pilot)
        assert stored(conn).more_of == "pairing, demos"
        await pilot.press("ctrl+z")
        assert stored(conn).more_of == "pairing"
        assert answer(app, "more_of").value == "pairing"
        await pilot.press("ctrl+z")  # the first answer made the review: it goes
        assert review_rows(conn) == 0
        assert answer(app, "more_of").value == ""


async def test_ctrl_z_right_after_typing_takes_back_what_was_typed(
    make_app, conn, monkeypatch
) -> None:
    monkeypatch.setattr(week_questions, "SAVE_DELAY", 600)  # no save halfway
    with transaction(conn):
        reviews.save_week_review(conn, 2026, 48, more_of="pairing")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "tab", "end", *", demos", "ctrl+z")
        assert answer(app, "more_of").value == "pairing"
        await wait_for_save(pilot)
        assert stored(conn).more_of == "pairing"


async def test_answers_stay_with_their_week(make_app, conn) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "tab", *"this week", "escape", "[")
        assert answer(app, "more_of").value == ""
        await pilot.press("tab", *"last week", "escape", "t")
        assert answer(app, "more_of").value == "this week"
        assert stored(conn, 48).more_of == "this week"
        assert stored(conn, 47).more_of == "last week"


async def test_what_was_typed_is_kept_when_leaving_or_quitting(make_app, conn) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "tab", *"more")
        await app.switch_mode("today")  # as the palette does, while still typing
        await pilot.pause()
        assert stored(conn).more_of == "more"
        await app.switch_mode("week")
        assert app.focused is answer(app, "more_of")  # where it was
        await pilot.press("tab", *"less", "ctrl+q")  # quit before the save delay
    assert stored(conn).less_of == "less"


async def test_the_step_chosen_the_week_before_is_shown(make_app, conn) -> None:
    with transaction(conn):
        reviews.save_week_review(conn, 2026, 47, next_step="Ask Mira what the role needs")
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2")
        reminder = app.screen.query_one("#week-last-step", Static)
        assert reminder.display and "Ask Mira what the role needs" in text_of(
            app, "#week-last-step"
        )
        await pilot.press("[")
        assert not reminder.display


async def test_an_undo_from_another_screen_shows_on_the_week(make_app, conn) -> None:
    app = make_app()
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("2", "f")
        await pilot.press("1", "ctrl+z", "2")
        assert not stored(conn).finished
        assert "f finishes the week" in text_of(app, "#week-status")
