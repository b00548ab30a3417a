"""`?` lists the keys of the screen in its own words, not a list's arrows or Tab."""

from __future__ import annotations

from loopbaan.widgets.keys_help import KeysHelp, screen_keys


async def test_question_mark_lists_this_screens_keys_and_not_the_generic_ones(make_app) -> None:
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("question_mark")
        assert app.screen.query(KeysHelp)
        actions = {binding.action for _key, binding in screen_keys(app.screen)}
        assert {"add", "drop", "reflect", "step_day(-1)", "undo", "quit"} <= actions
        assert not actions & {"cursor_up", "cursor_down", "focus_next", "scroll_right", "copy"}
        text = str(app.screen.query_one("#keys-help-text").render())
        assert "Reflect" in text and "Page up" not in text and "Focus Next" not in text
        await pilot.press("3", "question_mark")  # Goals has keys of its own
        actions = {binding.action for _key, binding in screen_keys(app.screen)}
        assert {"new_goal", "new_milestone"} <= actions and "drop" not in actions


async def test_the_goals_footer_offers_shift_up_and_down(make_app, conn) -> None:
    from loopbaan.store import goals, transaction

    with transaction(conn):
        goals.add_goal(conn, "Lead the platform team")
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("3")
        await pilot.pause()
        shown = {b.action for _n, b, _e, _t in app.screen.active_bindings.values() if b.show}
        assert "move(-1)" in shown  # "⇧↑↓ Move": one entry for both


async def test_a_palette_command_runs_the_screens_action(make_app, conn, today) -> None:
    from loopbaan.domain import Kind, Status
    from loopbaan.store import items, transaction

    with transaction(conn):
        task = items.add_item(conn, "Rewrite the wiki", day=today, kind=Kind.TASK)
    app = make_app()
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        (drop,) = [c for c in app.get_system_commands(app.screen) if c.title == "Drop"]
        await drop.callback()
        assert items.get_item(conn, task.id).status is Status.DROPPED
