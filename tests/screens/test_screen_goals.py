"""The Goals screen driven by its keys, checked on the journal and on the widgets."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from textual import events
from textual.app import App
from textual.widgets import Input, Static

from loopbaan.app import LoopbaanApp
from loopbaan.dialogs.edit_goal import EditGoalScreen
from loopbaan.dialogs.edit_milestone import EditMilestoneScreen
from loopbaan.dialogs.goal_picker import GoalPicker
from loopbaan.domain import Direction, GoalStatus, Kind, Reason
from loopbaan.screens.goals import GoalsScreen
from loopbaan.store import goals, items, transaction
from loopbaan.store.goals import Goal
from loopbaan.widgets.goal_table import GoalTable
from loopbaan.widgets.row_table import RowTable
from tests.helpers import TODAY, retype, text_of

SIZE = (120, 40)


@pytest.fixture
def app(tmp_path: Path) -> LoopbaanApp:
    return LoopbaanApp(db_path=tmp_path / "j.db", today=TODAY)


def seed(app: LoopbaanApp, *titles: str, milestones: tuple[str, ...] = ()) -> list[Goal]:
    """Goals made a while ago (so that none is new), the first with these milestones."""
    with transaction(app.conn):
        made = [goals.add_goal(app.conn, title) for title in titles]
        for title in milestones:
            goals.add_milestone(app.conn, made[0].id, title)
        app.conn.execute("UPDATE goal SET created_at = '2026-11-20 09:00:00.000000'")
    return made


def screen(app: App) -> GoalsScreen:
    assert isinstance(app.screen, GoalsScreen)
    return app.screen


def table_ids(app: App, selector: str = "#goals") -> list[int]:
    table = app.screen.query_one(selector, RowTable)
    return table.row_ids


async def test_an_empty_journal_explains_and_n_starts_a_goal(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        explainer = app.screen.query_one("#explainer-box")
        assert explainer.display and "Make the dream a project" in text_of(app, "#explainer")
        assert "n" in text_of(app, "#explainer")
        await pilot.press("n", *"Lead the platform team", "enter", "escape")
        (goal,) = goals.list_goals(app.conn)
        assert goal.title == "Lead the platform team" and goal.status is GoalStatus.ACTIVE
        assert not explainer.display
        assert table_ids(app) == [goal.id]
        assert screen(app).goal_id == goal.id
        assert app.screen.query_one("#about").border_title == "Lead the platform team"
        assert isinstance(app.focused, GoalTable)


async def test_escape_cancels_the_new_goal_and_typing_fires_no_keys(app) -> None:
    seed(app, "Existing")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "n", *"x", "escape")
        assert [g.title for g in goals.list_goals(app.conn)] == ["Existing"]
        assert not app.screen.query_one("#capture").display
        # Every screen and app key typed into the title stays text.
        await pilot.press("n", *"3 men fix sq 1", "delete", "enter")
        assert isinstance(app.screen, GoalsScreen)
        titles = [g.title for g in goals.list_goals(app.conn)]
        assert titles == ["Existing", "3 men fix sq 1"]
        assert goals.milestones(app.conn, goals.list_goals(app.conn)[0].id) == []


async def test_e_edits_every_field_and_refuses_a_bad_day(app) -> None:
    (goal,) = seed(app, "Grow")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "e")
        assert isinstance(app.screen, EditGoalScreen)
        await retype(pilot, "Grow into a lead")
        await pilot.press("tab", *"Head of engineering")
        await pilot.press("tab", *"Team lead by Q3")
        await pilot.press("tab", "down", "down", "down")  # not chosen → upward → broaden → deepen
        await pilot.press("tab", *"Ask Mira")
        await pilot.press("tab", *"A course")
        await pilot.press("tab", *"Mira, Joost")
        await pilot.press("tab", "right")  # active → paused
        await pilot.press("tab", *"soon")
        hint = text_of(app, "#target-day .day-hint")
        assert "not a day" in hint
        await pilot.press("enter")
        assert isinstance(app.screen, EditGoalScreen)  # refused, still open
        assert "target day" in text_of(app, "#form-error")
        assert goals.get_goal(app.conn, goal.id).title == "Grow"
        await retype(pilot, "2027-09-01")
        assert "2027-09-01 · in 282 days" in text_of(app, "#target-day .day-hint")
        await pilot.press("enter")
        assert isinstance(app.screen, GoalsScreen)
        saved = goals.get_goal(app.conn, goal.id)
        assert saved.title == "Grow into a lead"
        assert saved.beacon == "Head of engineering"
        assert saved.statement == "Team lead by Q3"
        assert saved.direction is Direction.DEEPEN
        assert saved.first_step == "Ask Mira"
        assert saved.needs == "A course"
        assert saved.supporters == "Mira, Joost"
        assert saved.status is GoalStatus.PAUSED
        assert saved.target_day == date(2027, 9, 1)
        # Paused left the active list; f shows it again, with the cursor on it.
        assert table_ids(app) == []
        await pilot.press("f")
        assert table_ids(app) == [goal.id]
        direction = text_of(app, "#field-direction")
        assert "deepen" in direction and "more expertise in the current field" in direction
        # ctrl+z reverts the whole edit.
        await pilot.press("ctrl+z")
        assert goals.get_goal(app.conn, goal.id).title == "Grow"
        assert goals.get_goal(app.conn, goal.id).direction is None


async def test_escape_leaves_the_goal_as_it_was(app) -> None:
    (goal,) = seed(app, "Grow")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "e", *" more", "escape")
        assert isinstance(app.screen, GoalsScreen)
        assert goals.get_goal(app.conn, goal.id).title == "Grow"


async def test_m_adds_x_ticks_e_edits_and_delete_removes_milestones(app) -> None:
    (goal,) = seed(app, "Speak at a conference")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "m", *"Write the abstract", "enter", "escape")
        await pilot.press("m", *"Send the CFP", "enter", "escape")
        first, second = goals.milestones(app.conn, goal.id)
        assert [first.title, second.title] == ["Write the abstract", "Send the CFP"]
        assert table_ids(app, "#milestones") == [first.id, second.id]
        assert "0/2" in str(app.screen.query_one("#milestones-heading").render())
        assert screen(app).milestone_id == second.id  # the cursor is on the new one
        await pilot.press("enter")  # into the milestones
        assert app.focused is app.screen.query_one("#milestones")
        await pilot.press("home", "x")
        assert goals.milestones(app.conn, goal.id)[0].done_on == TODAY
        assert "1/2" in str(app.screen.query_one("#milestones-heading").render())
        assert app.focused is app.screen.query_one("#milestones")
        await pilot.press("x")  # ticking again opens it
        assert goals.milestones(app.conn, goal.id)[0].done_on is None
        await pilot.press("down", "e")
        assert isinstance(app.screen, EditMilestoneScreen)
        await retype(pilot, "Send the CFP to NLUUG")
        await pilot.press("tab", *"someday")
        assert "not a day" in text_of(app, "#due-day .day-hint")
        await pilot.press("enter")
        assert isinstance(app.screen, EditMilestoneScreen)
        await retype(pilot, "2027-01-15")
        await pilot.press("enter")
        assert isinstance(app.screen, GoalsScreen)
        edited = goals.get_milestone(app.conn, second.id)
        assert (edited.title, edited.due_day) == ("Send the CFP to NLUUG", date(2027, 1, 15))
        assert screen(app).milestone_id == second.id
        await pilot.press("delete")
        assert [m.id for m in goals.milestones(app.conn, goal.id)] == [first.id]
        assert goals.get_goal(app.conn, goal.id)  # the goal itself stays
        await pilot.press("ctrl+z")
        assert [m.id for m in goals.milestones(app.conn, goal.id)] == [first.id, second.id]


async def test_x_on_the_goal_list_does_nothing(app) -> None:
    (goal,) = seed(app, "Grow", milestones=("One",))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "x")
        assert goals.milestones(app.conn, goal.id)[0].done_on is None
        assert goals.get_goal(app.conn, goal.id).status is GoalStatus.ACTIVE


async def test_shift_arrows_reorder_goals_and_milestones(app) -> None:
    a, b, c = seed(app, "A", "B", "C", milestones=("one", "two", "three"))
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "down", "shift+up")
        assert [g.id for g in goals.list_goals(app.conn)] == [b.id, a.id, c.id]
        assert table_ids(app) == [b.id, a.id, c.id]
        assert screen(app).goal_id == b.id  # the cursor went along
        await pilot.press("shift+down", "shift+down")
        assert table_ids(app) == [a.id, c.id, b.id]
        await pilot.press("shift+down")  # already last: nothing changes
        assert table_ids(app) == [a.id, c.id, b.id]
        await pilot.press("ctrl+z")
        assert table_ids(app) == [a.id, b.id, c.id]
        await pilot.press("home")
        assert screen(app).goal_id == a.id
        one, two, three = goals.milestones(app.conn, a.id)
        await pilot.press("tab", "shift+down")
        assert [m.id for m in goals.milestones(app.conn, a.id)] == [two.id, one.id, three.id]
        assert table_ids(app, "#milestones") == [two.id, one.id, three.id]
        assert screen(app).milestone_id == one.id
        await pilot.press("shift+down")
        assert [m.id for m in goals.milestones(app.conn, a.id)] == [two.id, three.id, one.id]
        assert [g.id for g in goals.list_goals(app.conn)] == [a.id, b.id, c.id]


async def test_delete_and_ctrl_z_bring_back_the_goal_its_milestones_and_task_links(app) -> None:
    keep, drop = seed(app, "Keep", "Drop")
    with transaction(app.conn):
        milestone = goals.add_milestone(app.conn, drop.id, "A step")
        task = items.add_item(app.conn, "Linked", day=TODAY, kind=Kind.TASK, goal_id=drop.id)
        items.postpone(app.conn, task.id, date(2026, 11, 24), Reason.TOO_BIG)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "down")
        assert "Linked" in str(app.screen.query_one("#tasks", RowTable).get_row(task.id))
        assert "1 time" in app.screen.query_one("#tasks", RowTable).get_row(task.id)
        await pilot.press("delete")
        assert [g.id for g in goals.list_goals(app.conn)] == [keep.id]
        assert items.get_item(app.conn, task.id).goal_id is None
        assert table_ids(app) == [keep.id] and screen(app).goal_id == keep.id
        await pilot.press("ctrl+z")
        assert [g.id for g in goals.list_goals(app.conn)] == [keep.id, drop.id]
        assert [m.id for m in goals.milestones(app.conn, drop.id)] == [milestone.id]
        restored = items.get_item(app.conn, task.id)
        assert restored.goal_id == drop.id and restored.postponed == 1
        assert table_ids(app) == [keep.id, drop.id]


async def test_an_edit_and_its_undo_keep_the_task_links(app) -> None:
    (goal,) = seed(app, "Grow")
    with transaction(app.conn):
        task = items.add_item(app.conn, "Linked", day=TODAY, kind=Kind.TASK, goal_id=goal.id)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "s", "2")
        assert goals.get_goal(app.conn, goal.id).status is GoalStatus.PAUSED
        await pilot.press("ctrl+z")
        assert goals.get_goal(app.conn, goal.id).status is GoalStatus.ACTIVE
        assert items.get_item(app.conn, task.id).goal_id == goal.id


async def test_s_changes_the_status_and_f_shows_every_status(app) -> None:
    a, b, c = seed(app, "A", "B", "C")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "s", "2")  # A paused
        await pilot.press("s", "3")  # B achieved (the cursor moved on to B)
        assert goals.get_goal(app.conn, a.id).status is GoalStatus.PAUSED
        assert goals.get_goal(app.conn, b.id).status is GoalStatus.ACHIEVED
        assert table_ids(app) == [c.id]
        await pilot.press("s", "escape")  # cancelled
        assert goals.get_goal(app.conn, c.id).status is GoalStatus.ACTIVE
        await pilot.press("f")
        assert table_ids(app) == [c.id, a.id, b.id]  # active first, then paused, achieved
        table = app.screen.query_one(GoalTable)
        assert [str(cell) for cell in table.get_column("status")] == [
            "active",
            "paused",
            "achieved",
        ]
        await pilot.press("down", "s", "down", "down", "enter")  # A: paused → dropped
        assert goals.get_goal(app.conn, a.id).status is GoalStatus.DROPPED
        assert screen(app).goal_id == a.id  # the cursor stays on the goal
        await pilot.press("f")
        assert table_ids(app) == [c.id]


async def test_nothing_active_points_to_the_filter(app) -> None:
    (goal,) = seed(app, "Old")
    with transaction(app.conn):
        goals.edit_goal(app.conn, goal.id, status=GoalStatus.ACHIEVED)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        assert not app.screen.query_one("#explainer-box").display
        assert "f shows" in text_of(app, "#list-empty")
        assert not app.screen.query_one("#detail").display
        await pilot.press("f")
        assert table_ids(app) == [goal.id]


async def test_stalled_goals_and_nudges_are_shown(app) -> None:
    stalled, fresh = seed(app, "Stalled", "Fresh")
    with transaction(app.conn):
        app.conn.execute(
            "UPDATE goal SET created_at = '2026-09-01 09:00:00.000000' WHERE id = ?", (stalled.id,)
        )
        goals.edit_goal(app.conn, fresh.id, first_step="Call Mira")
        goals.add_milestone(app.conn, fresh.id, "Open one")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        status = [str(cell) for cell in app.screen.query_one(GoalTable).get_column("status")]
        assert status == ["stalled", "active"]
        nudge = text_of(app, "#detail-nudges")
        assert "no first step" in nudge and "no open milestone" in nudge and "stalled" in nudge
        await pilot.press("down")
        assert not app.screen.query_one("#detail-nudges").display
        assert "Call Mira" in text_of(app, "#field-first_step")


async def test_a_goal_made_edited_reordered_and_finished_with_the_keyboard(app) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "n", *"Become a mentor", "enter", "escape")
        await pilot.press("e", "tab", "tab", "tab", "down", "down", "down")  # deepen
        await pilot.press("tab", *"Ask Anna how she started", "enter")
        (goal,) = goals.list_goals(app.conn)
        assert goal.direction is Direction.DEEPEN and goal.first_step.startswith("Ask Anna")
        for title in ("Mentor an intern", "Read a coaching book", "Give a workshop"):
            await pilot.press("m", *title, "enter", "escape")
        await pilot.press("tab")  # into the milestones, on the last one
        await pilot.press("up", "shift+up")  # the book first
        titles = [m.title for m in goals.milestones(app.conn, goal.id)]
        assert titles == ["Read a coaching book", "Mentor an intern", "Give a workshop"]
        await pilot.press("home", "x", "down", "x", "down", "x")
        assert goals.get_goal(app.conn, goal.id).milestones_done == 3
        await pilot.press("escape", "s", "3")
        finished = goals.get_goal(app.conn, goal.id)
        assert finished.status is GoalStatus.ACHIEVED
        assert table_ids(app) == []
        await pilot.press("f")
        assert table_ids(app) == [goal.id]
        assert "3/3" in str(app.screen.query_one("#milestones-heading").render())


async def test_the_cursor_stays_on_the_goal_after_a_change(app) -> None:
    _a, b, _c = seed(app, "A", "B", "C")
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3", "down", "m", *"Step", "enter", "escape")
        assert screen(app).goal_id == b.id
        await pilot.press("e", "end", *" and more", "enter")
        assert screen(app).goal_id == b.id
        assert goals.get_goal(app.conn, b.id).title == "B and more"
        await pilot.press("ctrl+z")
        assert screen(app).goal_id == b.id
        assert goals.get_goal(app.conn, b.id).title == "B"


# ---------------------------------------------------------------------- the goal picker


class PickerApp(App[None]):
    def __init__(self, offered: list[Goal]) -> None:
        super().__init__()
        self.offered = offered
        self.picked: list[int | None] = []

    def on_mount(self) -> None:
        self.open()

    def open(self) -> None:
        self.push_screen(GoalPicker(self.offered), self.picked.append)


@pytest.fixture
def offered(tmp_path: Path) -> list[Goal]:
    from loopbaan.store import open_journal

    conn = open_journal(tmp_path / "picker.db")
    with transaction(conn):
        made = [goals.add_goal(conn, t) for t in ("Lead the team", "Speak at NLUUG", "Learn Rust")]
        goals.edit_goal(conn, made[2].id, direction=Direction.DEEPEN)
    offered = goals.list_goals(conn)
    conn.close()
    return offered


async def test_the_picker_returns_the_goal_chosen_by_arrows_or_typing(offered) -> None:
    lead, speak, rust = offered
    app = PickerApp(offered)
    async with app.run_test() as pilot:
        await pilot.press("down", "enter")
        assert app.picked == [speak.id]
        app.open()
        await pilot.pause()
        await pilot.press(*"RUST", "enter")
        assert app.picked[-1] == rust.id
        app.open()
        await pilot.pause()
        await pilot.press(*"deepen", "enter")  # the direction matches too
        assert app.picked[-1] == rust.id
        app.open()
        await pilot.pause()
        await pilot.press("escape")
        assert app.picked[-1] is None
        app.open()
        await pilot.pause()
        await pilot.press(*"nothing like it", "enter")
        assert isinstance(app.screen, GoalPicker)  # nothing to pick: stays open
        assert "No goal matches" in str(app.screen.query_one("#picker-empty", Static).render())
        await pilot.press("escape")
        assert app.picked == [speak.id, rust.id, rust.id, None, None]
        assert lead.id not in app.picked


async def test_the_picker_without_goals_says_where_to_make_one() -> None:
    app = PickerApp([])
    async with app.run_test() as pilot:
        assert "n to start one" in str(app.screen.query_one("#picker-empty", Static).render())
        assert isinstance(app.focused, Input)
        await pilot.press("enter", "escape")
        assert app.picked == [None]


def _keys(*keys: str) -> list[events.Key]:
    """Key events as a terminal delivers them, for typing faster than the app reacts."""
    names = {" ": "space", "#": "number_sign"}
    return [
        events.Key(names.get(key, key), key) if len(key) == 1 else events.Key(key, None)
        for key in keys
    ]


async def test_titles_typed_faster_than_the_app_land_where_they_were_typed(app) -> None:
    """`n title Enter m title Enter …` arriving all at once, as from a quick typist."""
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        burst = _keys(
            "n", *"Go freelance", "enter", "escape", "m", *"First client", "enter", "escape",
            "n", *"Write a book", "escape",
            "n", *"Teach", "enter", "escape", "m", *"Workshop", "enter", "escape",
        )  # fmt: skip
        for key in burst:
            app.post_message(key)
        for _ in range(50):  # until every key and the work queued behind it has run
            await pilot.pause(0.05)
            made = app.conn.execute("SELECT count(*) FROM milestone").fetchone()[0]
            if made == 2 and isinstance(app.focused, GoalTable):
                break
        freelance, teach = goals.list_goals(app.conn)
        assert (freelance.title, teach.title) == ("Go freelance", "Teach")
        assert [m.title for m in goals.milestones(app.conn, freelance.id)] == ["First client"]
        assert [m.title for m in goals.milestones(app.conn, teach.id)] == ["Workshop"]
        assert isinstance(app.focused, GoalTable)
        assert not app.screen.query_one("#capture").display


async def test_the_screen_speaks_through_gettext(app, shouting) -> None:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("3")
        assert "MAKE THE DREAM A PROJECT" in text_of(app, "#explainer")
        await pilot.press("n", *"Grow", "enter", "escape", "e")
        assert "ENTER OR CTRL+S SAVES" in text_of(app, "#form-hint")
        await pilot.press("escape")
        assert "NOT WRITTEN YET" in text_of(app, "#field-beacon")
        assert "NO FIRST STEP YET" in text_of(app, "#detail-nudges")
