"""The app on a small terminal (80×24), and titles on a wide one (120×40).

At 80 columns every screen stays usable: Today keeps eight rows of the day in
view and the keys that matter in its footer, the goal form scrolls to its last
field, and no column of Postponed or Insights is cut. Today is fixed (Monday 23
November 2026) and the data is that of the other snapshot tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.app import App
from textual.widgets import Input

from loopbaan.app import LoopbaanApp
from loopbaan.dialogs.edit_goal import EditGoalScreen
from loopbaan.dialogs.goal_picker import GoalPicker
from loopbaan.domain import Kind, Rating
from loopbaan.store import items, transaction
from loopbaan.widgets.keys_footer import (
    KeyCap,
    KeyLabel,
    KeysFooter,
    fit_keys,
    key_width,
    palette_width,
)
from loopbaan.widgets.row_table import RowTable, fit_columns
from tests.snapshots.test_snapshots_analysis import full_journal as analysed_journal
from tests.snapshots.test_snapshots_analysis import settled
from tests.snapshots.test_snapshots_goals import full_journal as goals_journal
from tests.snapshots.test_snapshots_today import MON, full_day, no_blinking

SMALL = (80, 24)
WIDE = (120, 40)
TODAY_KEYS = {
    "add",
    "rate('plus')",
    "rate('minus')",
    "tick",
    "postpone",
    "finish",
    "toggle_help",
    "quit",
}


def busy_day(conn) -> None:
    """The full Monday of the Today snapshots and three more items: eleven rows."""
    full_day(conn)
    with transaction(conn):
        items.add_item(conn, "Paired with Sam on the #parser", day=MON, rating=Rating.PLUS)
        items.add_item(conn, "Answered the recruiter", day=MON, rating=Rating.NEUTRAL)
        items.add_item(conn, "Prepare the retro #team", day=MON, kind=Kind.TASK)


def today_app(journal_path: Path, conn) -> LoopbaanApp:
    busy_day(conn)
    return LoopbaanApp(db_path=journal_path, today=MON)


def visible_rows(app: App, table: RowTable) -> int:
    """The rows of `table` on the screen: its region as drawn, less the header."""
    geometry = app.screen.find_widget(table)
    return geometry.region.intersection(geometry.clip).height - table.header_height


def shown_keys(app: App) -> list[KeyCap]:
    return app.screen.query_one(KeysFooter).shown_keys()


def assert_no_column_cut(table: RowTable) -> None:
    """Every column shown fits the table's width: none is cut on the right."""
    width = table.scrollable_content_region.width
    widths = fit_columns(table.columns, width, table.cell_padding)
    used = sum(w + 2 * table.cell_padding for w in widths if w is not None)
    assert used <= width, (table.id, widths, width)
    for column, column_width in zip(table.columns, widths, strict=True):
        if column_width is not None:
            assert column_width >= len(str(column.header)), (table.id, column.key)


# ---------------------------------------------------------------- snapshots


def test_today_small(snap_compare, journal_path: Path, conn) -> None:
    """80×24: eleven rows of the day, titles as typed, the reflection below, the keys to press."""
    assert snap_compare(today_app(journal_path, conn), terminal_size=SMALL)


def test_goal_picker_over_today_small(snap_compare, journal_path: Path, conn) -> None:
    """g: the goals to pick from, over Today, which shows behind it."""
    busy_day(conn)
    app = goals_journal(journal_path)  # the same journal, with goals
    assert snap_compare(app, terminal_size=SMALL, press=["g"], run_before=no_blinking)


def test_goal_form_small_scrolled_to_the_end(snap_compare, tmp_path: Path) -> None:
    """The goal form at 80×24, tabbed to its last field: the status, the target day, the hint."""

    async def tab_to_the_end(pilot) -> None:
        await pilot.press("3", "e", *["tab"] * 8)
        for field in pilot.app.screen.query(Input):
            field.cursor_blink = False

    app = goals_journal(tmp_path / "j.db")
    assert snap_compare(app, terminal_size=SMALL, run_before=tab_to_the_end)


def test_postponed_small(snap_compare, tmp_path: Path) -> None:
    """80×24: the items without the suggestion and the days, the charts under one another."""
    app = analysed_journal(tmp_path / "j.db")
    assert snap_compare(app, terminal_size=SMALL, run_before=settled("4"))


def test_insights_small(snap_compare, tmp_path: Path) -> None:
    """80×24: the net per tag without the pluses and minuses; no figure cut."""
    app = analysed_journal(tmp_path / "j.db")
    assert snap_compare(app, terminal_size=SMALL, run_before=settled("6"))


# ---------------------------------------------------------------- Today at 80×24


async def test_today_shows_at_least_eight_rows_of_the_day_at_80x24(journal_path, conn) -> None:
    app = today_app(journal_path, conn)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#today-table", RowTable)
        assert table.row_count == 11
        assert visible_rows(app, table) >= 8
        await pilot.press("a")  # the capture line takes two rows of its own
        await pilot.pause()
        assert visible_rows(app, table) >= 8


async def test_the_footer_keeps_the_keys_that_matter_at_80_columns(journal_path, conn) -> None:
    app = today_app(journal_path, conn)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        keys = shown_keys(app)
        assert {key.action for key in keys} >= TODAY_KEYS
        assert all(key.region.right <= SMALL[0] for key in keys)
        palette = [key for key in keys if key.has_class("-command-palette")]
        others = [key for key in keys if not key.has_class("-command-palette")]
        if palette:  # nothing runs under the palette key
            assert max(key.region.right for key in others) <= palette[0].region.x
        # on a wide terminal there is room for the rest too
        await pilot.resize_terminal(*WIDE)
        await pilot.pause()
        assert {key.action for key in shown_keys(app)} >= {"rate('neutral')", "edit"}


async def test_the_footer_works_out_the_widths_textual_draws(journal_path, conn) -> None:
    """fit_keys counts the cells each key takes: this fails when KeyCap draws them otherwise."""
    app = today_app(journal_path, conn)
    async with app.run_test(size=SMALL) as pilot:
        for size in (WIDE, SMALL):  # not compact, then compact
            await pilot.resize_terminal(*size)
            await pilot.pause()
            footer = app.screen.query_one(KeysFooter)
            for key in shown_keys(app):
                label = KeyLabel(key.action, key.key_display, key.description)
                width = palette_width if key.has_class("-command-palette") else key_width
                drawn = key.outer_size.width + key.styles.margin.width
                assert drawn == width(label, compact=footer.compact), (size, label)
        assert footer.compact  # 80 columns: compact, so the palette key stays


def test_fit_keys_drops_the_others_from_the_right_then_goes_compact() -> None:
    keys = [
        KeyLabel("add", "a", "Add"),
        KeyLabel("rate('neutral')", "0", "Neutral"),
        KeyLabel("link_goal", "g", "Goal"),
        KeyLabel("delete", "del", "Delete"),
        KeyLabel("quit", "q", "Quit"),
    ]
    palette = KeyLabel("command_palette", "^p", "palette")
    assert fit_keys(keys, palette, 200) == (False, frozenset(range(5)), True)
    # 7 + 8 (the keys that matter) + 12 (the palette) leave 13: 0 Neutral, not g Goal
    assert fit_keys(keys, palette, 40) == (False, frozenset({0, 1, 4}), True)
    # the keys that matter alone do not fit: compact, then without the palette key
    assert fit_keys(keys, palette, 26) == (True, frozenset({0, 4}), True)
    assert fit_keys(keys, palette, 16) == (True, frozenset({0, 4}), False)
    assert fit_keys(keys, palette, 8) == (True, frozenset({0}), False)


# ---------------------------------------------------------------- titles as typed


async def test_a_title_with_a_trailing_tag_shows_the_tag(journal_path, conn) -> None:
    app = today_app(journal_path, conn)
    async with app.run_test(size=SMALL) as pilot:
        await pilot.pause()
        table = app.screen.query_one("#today-table", RowTable)
        lines = [table.render_line(y).text for y in range(table.size.height)]
        assert any("Paired with Sam on the #parser" in line for line in lines)
        assert any("Sprint demo with the platform team #work #demo" in line for line in lines)
        assert "tags" not in table.column_keys  # the title says them


async def test_titles_use_the_width_at_120_columns(journal_path, conn) -> None:
    app = today_app(journal_path, conn)
    async with app.run_test(size=WIDE) as pilot:
        await pilot.pause()
        assert app.screen.query_one("#today-table", RowTable).column_width("title") >= 48


async def test_postponed_titles_use_the_width_at_120_columns(tmp_path: Path) -> None:
    app = analysed_journal(tmp_path / "j.db")
    async with app.run_test(size=WIDE) as pilot:
        await settled("4")(pilot)
        table = app.screen.query_one("#postponed-items", RowTable)
        assert table.column_width("title") >= 34
        assert table.column_width("suggestion") is not None


# ---------------------------------------------------------------- dialogs and analysis screens


async def test_the_goal_picker_lets_today_show_behind_it(tmp_path: Path) -> None:
    app = goals_journal(tmp_path / "j.db")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("g")
        assert isinstance(app.screen, GoalPicker)
        assert app.screen.styles.background.a < 1
        assert app.screen_stack[-2] in app._background_screens  # drawn behind the picker


async def test_the_goal_form_scrolls_to_its_last_field_at_80x24(tmp_path: Path) -> None:
    app = goals_journal(tmp_path / "j.db")
    async with app.run_test(size=SMALL) as pilot:
        await pilot.press("3", "e", *["tab"] * 8)
        await pilot.pause()
        assert isinstance(app.screen, EditGoalScreen)
        screen = app.screen.region
        target = app.screen.query_one("#target-day")
        assert app.focused is not None and target in (app.focused, *app.focused.ancestors)
        for selector in ("#target-day", "#form-hint"):
            geometry = app.screen.find_widget(app.screen.query_one(selector))
            visible = geometry.region.intersection(geometry.clip)
            assert visible == geometry.region and screen.contains_region(visible), selector


@pytest.mark.parametrize("key", ["4", "6"])
async def test_no_column_of_the_analysis_screens_is_cut_at_80_columns(tmp_path, key) -> None:
    app = analysed_journal(tmp_path / "j.db")
    async with app.run_test(size=SMALL) as pilot:
        await settled(key)(pilot)
        tables = list(app.screen.query(RowTable))
        assert tables
        for table in tables:
            assert_no_column_cut(table)
        if key == "4":
            shown = app.screen.query_one("#postponed-items", RowTable).shown_column_keys
            assert shown == ["mark", "title", "times", "why", "now"]
