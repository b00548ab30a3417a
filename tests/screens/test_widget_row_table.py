"""RowTable, the list widget of every screen: rows, cursor, keys, mouse, fitted columns."""

from __future__ import annotations

from rich.bar import Bar
from rich.text import Text
from textual.app import App, ComposeResult
from textual.containers import Vertical

from loopbaan.widgets.row_table import Column, RowTable, fit_columns

COLUMNS = (("mark", " ", 1), ("title", "Title", 0), ("times", "×", 3))


class TableApp(App[None]):
    CSS = """
    #box { height: 12; }
    RowTable { max-height: 100%; }
    """

    def __init__(self, rows: int = 3) -> None:
        super().__init__()
        self.rows = [(10 + n, ("", f"Row {n}", Text(str(n), justify="right"))) for n in range(rows)]
        self.messages: list[tuple[str, int, int]] = []

    def compose(self) -> ComposeResult:
        with Vertical(id="box"):
            yield RowTable(COLUMNS, id="table")

    def on_mount(self) -> None:
        self.query_one(RowTable).set_rows(self.rows, None)

    def on_row_table_row_highlighted(self, message: RowTable.RowHighlighted) -> None:
        self.messages.append(("highlighted", message.row_id, message.cursor_row))

    def on_row_table_row_selected(self, message: RowTable.RowSelected) -> None:
        self.messages.append(("selected", message.row_id, message.cursor_row))


def line(table: RowTable, y: int) -> str:
    return table.render_line(y).text


async def test_rows_fill_the_width_with_the_flexible_column() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 14)) as pilot:
        await pilot.pause()
        table = app.query_one(RowTable)
        # 40 wide: mark 1 + times 3 + a space either side of each = 10: the title gets 30
        assert line(table, 0) == "    " + "Title".ljust(30) + "  ×   "
        assert line(table, 1) == "    " + "Row 0".ljust(30) + "    0 "  # a right-justified Text
        assert len(line(table, 1)) == 40
        assert table.row_ids == [10, 11, 12] and table.selected_id == 10
        assert table.get_row(11)[1] == "Row 1"
        assert [str(cell) for cell in table.get_column("times")] == ["0", "1", "2"]


async def test_long_text_is_cut_with_an_ellipsis_when_it_says_so_and_keeps_its_style() -> None:
    app = TableApp()
    async with app.run_test(size=(30, 14)) as pilot:
        table = app.query_one(RowTable)
        title = Text("A title far too long for its column", style="red", overflow="ellipsis")
        table.set_rows([(1, ("●", title, "7")), (2, ("", "Short", ""))], 2)
        await pilot.pause()
        first = line(table, 1)
        assert first == " ●  A title far too lon…  7   "  # 30 - 4 - 6 = 20 for the title
        red = [segment for segment in table.render_line(1) if segment.text.startswith("A title")]
        assert red and red[0].style is not None and red[0].style.color.name == "red"
        # the cursor went to the row asked for
        assert table.selected_id == 2 and table.cursor_row == 1


async def test_keys_move_the_cursor_and_say_so_and_enter_selects() -> None:
    app = TableApp(rows=30)
    async with app.run_test(size=(40, 14)) as pilot:
        table = app.query_one(RowTable)
        table.focus()
        await pilot.press("down", "down")
        assert table.selected_id == 12
        assert app.messages == [("highlighted", 11, 1), ("highlighted", 12, 2)]
        await pilot.press("up", "enter")
        assert app.messages[-2:] == [("highlighted", 11, 1), ("selected", 11, 1)]
        await pilot.press("end")
        assert table.selected_id == 39
        # the last row scrolled into view: 12 lines, a header and 11 rows
        assert table.scroll_y == 30 - 11
        assert "Row 29" in line(table, 11)
        await pilot.press("home")
        assert table.selected_id == 10 and table.scroll_y == 0
        await pilot.press("pagedown")
        assert table.cursor_row == 11
        await pilot.press("up")  # at the top of what was a page down
        assert table.cursor_row == 10


async def test_a_click_highlights_and_selects_the_row() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 14)) as pilot:
        table = app.query_one(RowTable)
        await pilot.click(RowTable, offset=(5, 3))  # the header, then rows 0, 1, 2
        assert table.selected_id == 12
        assert app.messages == [("highlighted", 12, 2), ("selected", 12, 2)]
        await pilot.click(RowTable, offset=(5, 0))  # the header: nothing
        assert len(app.messages) == 2


async def test_set_rows_keeps_the_cursor_where_it_was_or_on_the_first_row() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 14)) as pilot:
        table = app.query_one(RowTable)
        table.move_cursor(2)
        assert table.set_rows([(1, ("", "a", "")), (2, ("", "b", "")), (3, ("", "c", ""))], 99) == 3
        assert table.set_rows([(1, ("", "a", ""))], None) == 1  # fewer rows: the last one
        assert table.set_rows([(1, ("", "a", "")), (2, ("", "b", ""))], None, first=True) == 1
        assert table.set_rows([], None) is None and table.selected_id is None
        await pilot.pause()
        assert line(table, 1).strip() == ""
        assert app.messages == []  # set_rows does not announce a highlight


async def test_the_scrollbar_comes_with_the_rows_that_need_it() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 14)) as pilot:
        await pilot.pause()
        table = app.query_one(RowTable)
        assert not table.show_vertical_scrollbar
        table.set_rows([(n, ("", f"Row {n}", "")) for n in range(30)], None)
        # decided with the rows, not a layout later (no frame without the scrollbar)
        assert table.show_vertical_scrollbar
        await pilot.pause()
        assert table.show_vertical_scrollbar
        assert len(line(table, 1)) == 40 - table.scrollbar_size_vertical


async def test_a_renderable_cell_is_drawn_in_its_column() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 14)) as pilot:
        table = app.query_one(RowTable)
        table.set_rows([(1, ("", Bar(10, 0, 5), "5"))], None)
        await pilot.pause()
        drawn = line(table, 1)
        assert len(drawn) == 40 and "█" in drawn
        assert drawn.count("█") == 15  # half of the 30 cells of the bar's column


# ---------------------------------------------------------------- fitting the columns

POSTPONED = (
    Column("mark", " ", 1),
    Column("title", "Item", share=3, least=20),
    Column("times", "×", 3),
    Column("why", "Why", 20),
    Column("suggestion", "Suggestion", share=2, least=20, most=40, drop=1),
)


def test_flexible_columns_share_what_the_fixed_ones_leave() -> None:
    # 100 - (1 + 3 + 20) - 5 × 2 padding = 66: three parts to the title, two to the suggestion
    assert fit_columns(POSTPONED, 100, 1) == (1, 40, 3, 20, 26)
    # the suggestion stops at its most; the title takes the rest
    assert fit_columns(POSTPONED, 200, 1) == (1, 126, 3, 20, 40)


def test_a_column_that_may_go_goes_when_the_others_would_get_less_than_their_least() -> None:
    # 70 - 24 - 10 = 36 < 20 + 20: the suggestion goes, the title gets all that is left
    assert fit_columns(POSTPONED, 70, 1) == (1, 38, 3, 20, None)


def test_too_narrow_even_then_fixed_columns_go_from_the_right_never_cut_in_half() -> None:
    assert fit_columns(POSTPONED, 40, 1) == (1, 30, 3, None, None)
    assert fit_columns(POSTPONED, 10, 1) == (1, 20, None, None, None)  # the first one stays


def test_plain_tuples_are_columns_and_the_width_0_one_takes_the_rest() -> None:
    columns = [Column(*spec) for spec in COLUMNS]
    assert fit_columns(columns, 40, 1) == (1, 30, 3)
    assert fit_columns(columns, 16, 1) == (1, 11, None)  # "×" would be cut: it goes


async def test_a_dropped_column_is_not_drawn_and_says_so() -> None:
    app = TableApp()
    async with app.run_test(size=(40, 14)) as pilot:
        table = app.query_one(RowTable)
        table.set_rows([(1, ("●", "Title", "7"))], None)
        await pilot.resize_terminal(16, 14)
        await pilot.pause()
        assert table.shown_column_keys == ["mark", "title"]
        assert table.column_width("times") is None and table.column_width("title") == 11
        assert line(table, 1) == " ●  " + "Title".ljust(11) + " "
