"""Postponed: what gets put off and why, over a period (method, point 1).

The items put off most (the chronic ones, three times or more, marked) with
their reasons and the suggestion for their main reason; the reasons, tags,
weekdays and goals as bar charts; and the postponements per week. Enter on an
item opens its day, or its goal.
"""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Middle, Vertical
from textual.widgets import Header, Static

from loopbaan.domain import REASON_TEXT, Reason
from loopbaan.i18n import N_, _, ngettext
from loopbaan.insight import postponements as claims
from loopbaan.insight.periods import Period, per_week
from loopbaan.insight.postponements import suggestion
from loopbaan.labels import REASON_LABEL
from loopbaan.screens.period import PeriodScreen
from loopbaan.store import postponed as store
from loopbaan.store.postponed import Postponed, PostponedItem
from loopbaan.widgets.chart_bars import BarRow, BarTable
from loopbaan.widgets.chart_trend import Series, TrendChart
from loopbaan.widgets.dates import WEEKDAYS_SHORT
from loopbaan.widgets.keys_footer import KeysFooter
from loopbaan.widgets.period_line import PeriodLine, period_title
from loopbaan.widgets.postponed_items import PostponedItems
from loopbaan.widgets.row_table import RowTable

# Count columns are 6 wide: ten busy years reach five digits.
# The most postponed items shown; every count still covers all of them.
ITEMS_SHOWN = 50
WEEKDAY_KEYS = tuple(store.WEEKDAYS)


class PostponedScreen(PeriodScreen):
    CSS_PATH = "postponed.tcss"
    AUTO_FOCUS = "#postponed-items"
    # Classes for postponed.tcss: narrower than 100 columns the charts go under one
    # another, lower than 32 rows the panes scroll; either way the list keeps its rows.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    VERTICAL_BREAKPOINTS = [(0, "-short"), (32, "-tall")]
    BINDINGS = [
        # Before the focused table's own Enter; each applies only where check_action says.
        Binding("enter", "open_goal", N_("Its goal"), priority=True, id="postponed.open"),
        Binding("enter", "open_day", N_("Its day"), priority=True, id="postponed.open"),
    ]

    def compose(self) -> ComposeResult:
        yield Header()
        yield PeriodLine()
        yield Static(id="postponed-headline", markup=False)
        with Vertical(id="postponed-panes"):
            yield PostponedItems(id="postponed-items")
            with Horizontal(id="postponed-middle"):
                yield BarTable(
                    [("reason", _("Reason"), 9), ("count", "×", 6), ("items", _("Items"), 6)],
                    id="postponed-reasons",
                )
                yield BarTable([("tag", _("Tag"), 14), ("count", "×", 6)], id="postponed-tags")
                yield BarTable(
                    [("weekday", _("Day"), 4), ("count", "×", 6)], id="postponed-weekdays"
                )
            with Horizontal(id="postponed-bottom"):
                yield TrendChart(id="postponed-weeks")
                yield BarTable(
                    [("goal", _("Goal"), 16), ("count", "×", 6), ("items", _("Items"), 6)],
                    id="postponed-goals",
                )
        with Middle(id="postponed-empty"), Center():
            yield Static(id="postponed-explainer")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = _("Postponed")
        titles = {
            "#postponed-reasons": _("Why"),
            "#postponed-tags": _("Tags"),
            "#postponed-weekdays": _("Weekdays"),
            "#postponed-goals": _("Goals"),
            "#postponed-weeks": _("Postponements per week"),
        }
        for selector, title in titles.items():
            self.query_one(selector).border_title = title
        self.query_one("#postponed-empty").display = False

    # ------------------------------------------------------------------ reading

    def journal_bounds(self, conn: sqlite3.Connection) -> tuple[date, date] | None:
        return store.bounds(conn)

    def analyse(self, conn: sqlite3.Connection, period: Period) -> Postponed:
        return store.postponed(conn, period.since, period.until, item_limit=ITEMS_SHOWN)

    @property
    def items_table(self) -> PostponedItems:
        return self.query_one(PostponedItems)

    @property
    def item(self) -> PostponedItem | None:
        """The item under the cursor of the item list, when that list has the focus."""
        table = self.items_table
        return table.item if self.focused is table else None

    # ------------------------------------------------------------------ showing

    def show_analysis(self, report: Postponed) -> None:
        has_any = report.total > 0
        self.query_one("#postponed-panes").display = has_any
        self.query_one("#postponed-empty").display = not has_any
        if not has_any:
            self._show_empty()
            return
        self.query_one("#postponed-headline", Static).update(self._headline(report))
        self.items_table.show(report.items, report.item_count, claims.chronic_times(report))
        self._show_reasons(report)
        self.query_one("#postponed-tags", BarTable).show(
            [
                BarRow(n, Text(f"#{tag.key}", overflow="ellipsis"), tag.times, (str(tag.times),))
                for n, tag in enumerate(report.by_tag)
            ]
        )
        counts = dict(report.by_weekday)
        self.query_one("#postponed-weekdays", BarTable).show(
            [
                BarRow(n, _(WEEKDAYS_SHORT[n]), counts.get(key, 0), (str(counts.get(key, 0)),))
                for n, key in enumerate(WEEKDAY_KEYS)
            ]
        )
        goals = self.query_one("#postponed-goals", BarTable)
        goals.show(
            [
                BarRow(
                    goal.goal_id,
                    Text(goal.title, overflow="ellipsis", no_wrap=True),
                    goal.times,
                    (str(goal.times), str(goal.items)),
                )
                for goal in report.by_goal
            ]
        )
        self.query_one(TrendChart).show(
            [Series(_("postponements"), self._weeks(report))],
            report.since,
            report.until,
            fill=True,
        )
        self.keys_changed()

    def _weeks(self, report: Postponed) -> list[tuple[date, int]]:
        """Every week of the period with its postponements, zero for none.

        Zeros stop at the last full week: the week under way, and those still to come,
        are not weeks without any.
        """
        last_sunday = self.today - timedelta(days=self.today.weekday() + 1)
        last = max([min(report.until, last_sunday)] + [w.week_start for w in report.by_week])
        return per_week(dict(report.by_week), report.since, last)

    def _show_empty(self) -> None:
        self.query_one("#postponed-headline", Static).update("")
        explainer = self.query_one("#postponed-explainer", Static)
        if self.bounds is None:
            explainer.update(
                _(
                    "[b]Nothing postponed yet.[/b]\n\n"
                    "When you move a task to a later day on Today (p, then the reason "
                    "1–8), it shows up here: what you keep putting off, why, and a "
                    "suggestion for each reason. Postponing is no failure; seeing the "
                    "pattern is the point."
                )
            )
        else:
            explainer.update(
                _(
                    "[b]Nothing was postponed in {period}.[/b]\n\n"
                    "[ shows the period before, a all of the journal."
                ).format(period=period_title(self.period))
            )
        self.keys_changed()

    def _headline(self, report: Postponed) -> str:
        parts = [
            ngettext(
                "{n} postponement of {items} item",
                "{n} postponements of {items} items",
                report.total,
            ).format(n=report.total, items=report.item_count)
        ]
        times = claims.chronic_times(report)
        chronic_items = claims.chronic_count(report, times)
        if chronic_items:
            parts.append(
                _("{count} chronic ({times} times or more)").format(
                    count=chronic_items, times=times
                )
            )
        text = _("; ").join(parts) + "."
        top = next(iter(claims.reason_standouts(report)), None)
        if top is None:
            return f"{text} {claims.no_reason_stands_out(report)}"
        reason = Reason(top.key)
        most_often = _("Most often: {meaning} ({evidence})").format(
            meaning=_(REASON_TEXT[reason][0]), evidence=claims.reason_evidence(top)
        )
        if suggestion(reason):
            most_often = _("{reason} → {suggestion}").format(
                reason=most_often, suggestion=_(suggestion(reason))
            )
        return f"{text} {most_often}" + ("" if most_often.endswith(("?", "!", ".")) else ".")

    def _show_reasons(self, report: Postponed) -> None:
        self.query_one("#postponed-reasons", BarTable).show(
            [
                BarRow(n, _(REASON_LABEL[r.reason]), r.times, (str(r.times), str(r.items)))
                for n, r in enumerate(report.by_reason)
            ]
        )

    # ------------------------------------------------------------------ actions

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "open_goal":
            if self.focused is self.query_one("#postponed-goals"):
                return self.query_one("#postponed-goals", BarTable).selected_id is not None
            item = self.item
            return item is not None and item.goal_id is not None
        if action == "open_day":
            item = self.item
            return item is not None and item.goal_id is None
        return True

    async def action_open_day(self) -> None:
        """Today, on the day the item stands now, the cursor on it."""
        item = self.item
        if item is not None:
            await self.app.open_day(item.day, item.id)

    async def action_open_goal(self) -> None:
        """Goals, on the item's goal (or the goal under the cursor of the goal chart)."""
        item = self.item
        goal_id = (
            item.goal_id
            if item is not None
            else self.query_one("#postponed-goals", BarTable).selected_id
        )
        if goal_id is not None:
            await self.app.open_goal(goal_id)

    # ------------------------------------------------------------------ messages

    @on(RowTable.RowHighlighted)
    def _row_moved(self) -> None:
        self.keys_changed()  # Enter's label follows the highlighted row

    def on_descendant_focus(self) -> None:
        self.keys_changed()
