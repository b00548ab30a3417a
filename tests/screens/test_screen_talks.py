"""The Talks screen driven by its keys, the offers on Today and Goals, checked on the journal.

Today is injected; the nudge and the check-in offer are tried at their edges.
"""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Input, Static

from loopbaan.app import LoopbaanApp
from loopbaan.dialogs.check_in import CheckInScreen
from loopbaan.dialogs.edit_milestone import EditMilestoneScreen
from loopbaan.dialogs.edit_talk import EditTalkScreen
from loopbaan.domain import GoalStatus, Kind, Role, Status, TalkKind
from loopbaan.screens.goals import GoalsScreen
from loopbaan.screens.talks import TalksScreen, split_day
from loopbaan.screens.today import TodayScreen
from loopbaan.store import attitudes, goals, items, talks, transaction
from loopbaan.widgets.keys_footer import KeysFooter
from loopbaan.widgets.row_table import RowTable

TODAY = date(2026, 11, 23)  # a Monday
SIZE = (120, 40)


@pytest.fixture(autouse=True)
def _quiet_settings(monkeypatch, tmp_path: Path) -> None:
    monkeypatch.setenv("LOOPBAAN_CONFIG", str(tmp_path / "config.toml"))


def make(tmp_path: Path, today: date = TODAY) -> LoopbaanApp:
    return LoopbaanApp(db_path=tmp_path / "j.db", today=today)


def text_of(app: App, selector: str) -> str:
    return str(app.screen.query_one(selector, Static).render())


def footer_actions(app: App) -> set[str]:
    return {key.action for key in app.screen.query_one(KeysFooter).shown_keys()}


def talks_screen(app: App) -> TalksScreen:
    assert isinstance(app.screen, TalksScreen)
    return app.screen


def add_talk(app: LoopbaanApp, name: str, day: date = TODAY, **kwargs) -> talks.Conversation:
    with transaction(app.conn):
        return talks.add_conversation(app.conn, name, day=day, **kwargs)


def test_a_follow_up_may_end_in_a_day() -> None:
    assert split_day("Send Anna the deck friday", TODAY) == (
        "Send Anna the deck",
        date(2026, 11, 27),
    )
    assert split_day("Book the course in 3 days", TODAY) == ("Book the course", date(2026, 11, 26))
    assert split_day("Read the book", TODAY) == ("Read the book", None)
    assert split_day("friday", TODAY) == ("friday", None)  # a title, not a day alone


async def test_n_logs_several_talks_and_an_empty_enter_closes(tmp_path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5")
        assert app.screen.query_one("#talks-explainer").display
        await pilot.press("n", *"Anna", "enter", *"Sam de Vries", "enter")
        assert talks_screen(app).capture.kind == "talk"  # still open for the next
        await pilot.press("enter")
        assert talks_screen(app).capture.kind is None
        found = talks.list_conversations(app.conn)
        assert [t.with_whom for t in found] == ["Sam de Vries", "Anna"]
        assert {(t.day, t.role, t.kind) for t in found} == {(TODAY, Role.MANAGER, TalkKind.CAREER)}
        table = app.screen.query_one("#talks", RowTable)
        assert table.row_ids == [t.id for t in found]
        assert table.selected_id == found[0].id  # the last one made
        assert isinstance(app.focused, RowTable)
        assert not app.screen.query_one("#talks-explainer").display
        assert "0 days since the last career talk" in text_of(app, "#talks-status")


async def test_e_edits_a_talk_and_a_negotiation_walks_through_its_questions(tmp_path) -> None:
    app = make(tmp_path)
    talk = add_talk(app, "Mira", day=TODAY - timedelta(days=3))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "e")
        form = app.screen
        assert isinstance(form, EditTalkScreen)
        assert not form.query_one("#want", Input).display  # a career talk: no preparation
        form.query_one("#kind").focus()
        await pilot.press("right", "right")  # career → feedback → negotiation
        assert form.query_one("#want", Input).display
        answers = {
            "want": "Lead the platform team from March",
            "their_interest": "A lead who knows the system",
            "alternative": "Apply at Acme",
            "offer": "Mentor two juniors",
            "walk_away": "No change before summer",
            "outcome": "Agreed, from April",
        }
        for field, answer in answers.items():
            form.query_one(f"#{field}", Input).focus()
            await pilot.press(*answer)
        await pilot.press("ctrl+s")
        assert isinstance(app.screen, TalksScreen)
        saved = talks.get_conversation(app.conn, talk.id)
        assert saved.kind is TalkKind.NEGOTIATION
        assert {field: getattr(saved, field) for field in answers} == answers
        assert "No change before summer" in text_of(app, "#talk-walk_away")
        assert app.screen.query_one("#talk-negotiation").display
        await pilot.press("ctrl+z")
        assert talks.get_conversation(app.conn, talk.id).kind is TalkKind.CAREER


async def test_delete_and_undo_keep_the_follow_ups(tmp_path) -> None:
    app = make(tmp_path)
    talk = add_talk(app, "Joost")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "f", *"Send Joost the notes", "enter", "escape")
        (task,) = talks.follow_ups(app.conn, talk.id)
        await pilot.press("delete")
        assert talks.count_conversations(app.conn) == 0
        assert items.get_item(app.conn, task.id).conversation_id is None
        assert app.screen.query_one("#talks-explainer").display
        await pilot.press("ctrl+z")
        assert [t.id for t in talks.list_conversations(app.conn)] == [talk.id]
        assert items.get_item(app.conn, task.id).conversation_id == talk.id
        assert app.screen.query_one("#talks", RowTable).row_ids == [talk.id]


async def test_a_follow_up_shows_under_the_talk_and_on_today_on_its_day(tmp_path) -> None:
    app = make(tmp_path)
    talk = add_talk(app, "Anna")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "f", *"Send Anna the deck friday", "enter")
        await pilot.press(*"Book the course", "enter", "escape")
        made = talks.follow_ups(app.conn, talk.id)
        assert [(i.title, i.day, i.kind, i.status) for i in made] == [
            ("Book the course", TODAY + timedelta(days=1), Kind.TASK, Status.OPEN),
            ("Send Anna the deck", date(2026, 11, 27), Kind.TASK, Status.OPEN),
        ]
        shown = app.screen.query_one("#follow-ups", RowTable)
        assert shown.row_ids == [i.id for i in made]
        row = app.screen.query_one("#talks", RowTable).get_row(talk.id)
        assert str(row[-1]) == "2"  # open follow-ups
        await pilot.press("1", *"]]]]")
        today = app.screen
        assert isinstance(today, TodayScreen) and today.day == date(2026, 11, 27)
        assert "Send Anna the deck" in [item.title for item in today.items.values()]


async def test_c_checks_in_each_attitude_with_one_digit(tmp_path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("5", "c")
        assert isinstance(app.screen, CheckInScreen)
        # confidence is left out: down goes on to the note
        await pilot.press("4", "3", "up", "2", "5", "down", *"A good month", "enter")
        assert isinstance(app.screen, TalksScreen)
        saved = {c.attitude: (c.score, c.note, c.day) for c in attitudes.checks(app.conn)}
        assert saved == {
            "concern": (4, "A good month", TODAY),
            "control": (2, "A good month", TODAY),
            "curiosity": (5, "A good month", TODAY),
        }
        await pilot.press("ctrl+z")
        assert attitudes.checks(app.conn) == []
        await pilot.press("c", "escape")  # cancelled: nothing saved
        assert attitudes.checks(app.conn) == []


async def test_b_shows_the_brief_and_s_saves_it(tmp_path) -> None:
    """`b` shows what `loopbaan brief` prints, in a Markdown view; `s` writes it, exact,
    to briefs/ beside the journal (0600 in a 0700 folder); Escape goes back to Talks."""
    from textual.widgets import Markdown

    from loopbaan.brief import brief_markdown
    from loopbaan.dialogs.brief_view import BriefView

    app = make(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        add_talk(app, "Anna", day=TODAY + timedelta(days=3), prepared="Lead the \x1bc planning")
        await pilot.press("5", "b")
        await app.keys.wait()
        assert isinstance(app.screen, BriefView)
        expected = brief_markdown(app.conn, TODAY, attitudes=app.settings.attitudes)
        assert "Lead the \x1bc planning" in expected  # the ask, exact in the text
        assert app.screen.text == expected
        shown = app.screen.query_one(Markdown).source
        assert "\x1b" not in shown and "Lead the \\x1bc planning" in shown
        await pilot.press("s")
        await app.keys.wait()
        saved = tmp_path / "briefs" / f"brief-{TODAY.isoformat()}.md"
        assert saved.read_text(encoding="utf-8") == expected
        assert saved.stat().st_mode & 0o777 == 0o600
        assert saved.parent.stat().st_mode & 0o777 == 0o700
        await pilot.press("escape")
        await app.keys.wait()
        assert isinstance(app.screen, TalksScreen)


async def test_a_talk_found_by_the_search_opens_on_talks(tmp_path) -> None:
    app = make(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        wanted = add_talk(app, "Noor", day=TODAY - timedelta(days=40), prepared="ask for a raise")
        for n in range(5):
            add_talk(app, f"Other {n}", day=TODAY - timedelta(days=n))
        await pilot.press("slash", *"raise", "enter")
        await app.keys.wait()
        screen = talks_screen(app)
        assert screen.talk is not None and screen.talk.id == wanted.id
        assert app.focused is screen.table


@pytest.mark.parametrize(("days", "nudged"), [(42, False), (43, True)])
async def test_the_nudge_at_its_edge_on_talks_and_today(tmp_path, days, nudged) -> None:
    """Six weeks (the default) is not yet too long; a day more is."""
    app = make(tmp_path)
    add_talk(app, "Mira", day=TODAY - timedelta(days=days))
    add_talk(app, "Sam", day=TODAY - timedelta(days=1), kind=TalkKind.FEEDBACK)  # no reset
    with transaction(app.conn):  # no check-in due: the line is the nudge's alone
        attitudes.add_check(app.conn, "concern", 3, TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        offers = app.screen.query_one("#today-offers", Static)
        assert offers.display is nudged
        if nudged:
            assert f"{days} days since the last career talk · time for one" in text_of(
                app, "#today-offers"
            )
        await pilot.press("5")
        status = app.screen.query_one("#talks-status", Static)
        assert f"{days} days since the last career talk" in text_of(app, "#talks-status")
        assert status.has_class("-nudge") is nudged
        balance = app.screen.query_one("#talks-list-pane").border_subtitle
        assert "0 asked · 1 received" in str(balance)


@pytest.mark.parametrize(("first_entry_days_ago", "due"), [(7, True), (6, False)])
async def test_the_check_in_offer_on_today(tmp_path, first_entry_days_ago, due) -> None:
    """Due a week after the first entry: a line and the key c, never a dialog by itself."""
    app = make(tmp_path)
    with transaction(app.conn):
        items.add_item(app.conn, "First day", day=TODAY - timedelta(days=first_entry_days_ago))
        items.add_item(app.conn, "Today's work", day=TODAY)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TodayScreen)
        assert app.screen.query_one("#today-offers").display is due
        if due:
            assert "attitude check-in is due: c checks in" in text_of(app, "#today-offers")
        assert ("check_in" in footer_actions(app)) is due
        await pilot.press("c")
        assert isinstance(app.screen, CheckInScreen) is due
        if due:
            await pilot.press("3", "3", "3", "3", "enter")
            assert isinstance(app.screen, TodayScreen)
            assert len(attitudes.checks(app.conn)) == 4
            assert not app.screen.query_one("#today-offers").display  # taken up
            assert "check_in" not in footer_actions(app)


# ---------------------------------------------------------------- the feedback offer


def seed_goal(app: LoopbaanApp) -> goals.Goal:
    with transaction(app.conn):
        goal = goals.add_goal(app.conn, "Lead the platform team")
        goals.add_milestone(app.conn, goal.id, "Run the quarter planning")
        goals.add_milestone(app.conn, goal.id, "Lead an incident review")
        app.conn.execute("UPDATE goal SET created_at = '2026-11-20 09:00:00.000000'")
    return goal


async def test_a_ticked_milestone_offers_to_ask_for_feedback(tmp_path) -> None:
    app = make(tmp_path)
    goal = seed_goal(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "enter")
        assert "ask_feedback" not in footer_actions(app)
        await pilot.press("x")
        assert isinstance(app.screen, GoalsScreen)  # an offer, not a dialog
        assert app.screen.query_one("#feedback-offer").display
        assert "Run the quarter planning" in text_of(app, "#feedback-offer")
        assert "ask_feedback" in footer_actions(app)
        await pilot.press("F", *"Anna", "enter", "escape")
        (ask,) = [i for i in items.items_for_day(app.conn, TODAY) if i.goal_id == goal.id]
        assert ask.title == "Ask Anna for feedback on Run the quarter planning #feedback"
        assert ask.kind is Kind.TASK and "feedback" in ask.tags
        assert talks.feedback_balance(app.conn, TODAY, TODAY).asked == 1
        assert not app.screen.query_one("#feedback-offer").display  # taken up


async def test_the_offer_does_not_take_a_key_typed_ahead(tmp_path) -> None:
    app = make(tmp_path)
    seed_goal(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "enter", "x", "e")  # e right after the tick: edit, as always
        assert isinstance(app.screen, EditMilestoneScreen)
        await pilot.press("escape", "down", "x", "n", *"Next goal", "enter", "escape")
        assert [g.title for g in goals.list_goals(app.conn)][-1] == "Next goal"
        assert not app.screen.query_one("#feedback-offer").display  # the change took it away


async def test_an_achieved_goal_offers_to_ask_for_feedback(tmp_path) -> None:
    app = make(tmp_path)
    goal = seed_goal(app)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "s", "3")  # status: achieved
        assert goals.get_goal(app.conn, goal.id).status is GoalStatus.ACHIEVED
        assert isinstance(app.screen, GoalsScreen)
        assert "Lead the platform team" in text_of(app, "#feedback-offer")
        await pilot.press("F", *"Bob", "enter", "escape")
        (ask,) = items.items_for_day(app.conn, TODAY)
        assert ask.title == "Ask Bob for feedback on Lead the platform team #feedback"
        assert ask.goal_id == goal.id
