"""Insights: the career signal of a period (method, points 1 and 6).

What energises me and what drains me (pluses, minuses and net per tag), how
much of each tag gets put off, the energy of the day reviews week by week, and
the attitude self-ratings, under a one-line headline in plain words.
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import NamedTuple

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Horizontal, Middle, Vertical
from textual.widgets import Header, Static

from loopbaan.domain import DEFAULT_ATTITUDES
from loopbaan.i18n import _
from loopbaan.insight import signal
from loopbaan.insight.periods import Period
from loopbaan.screens.period import PeriodScreen
from loopbaan.store import postponed as balance_store
from loopbaan.store import trends
from loopbaan.store.postponed import TagBalance
from loopbaan.store.trends import AttitudeScore, WeekEnergy
from loopbaan.widgets.chart_bars import BarRow, BarTable
from loopbaan.widgets.chart_trend import Series, TrendChart
from loopbaan.widgets.keys_footer import KeysFooter
from loopbaan.widgets.period_line import PeriodLine, period_title
from loopbaan.widgets.row_table import Column

# Wide enough for ten years of a busy tag (four-digit counts, a signed net). Too
# narrow for all (80 columns), the pluses and minuses go: the bar shows the net.
TAG_COLUMNS = [
    Column("plus", "+", 5, drop=1),
    Column("minus", "−", 5, drop=1),
    Column("net", _("Net"), 6),
]


class Analysis(NamedTuple):
    balances: list[TagBalance]
    energy: list[WeekEnergy]
    attitudes: list[AttitudeScore]

    @property
    def empty(self) -> bool:
        return not (self.balances or self.energy or self.attitudes)


def attitude_label(key: str) -> str:
    """The attitude's name in the user's language; the key itself for one of the user's own."""
    return _(DEFAULT_ATTITUDES[key][0]) if key in DEFAULT_ATTITUDES else key


def tag_row(n: int, tag: TagBalance) -> BarRow:
    return BarRow(
        n,
        Text(f"#{tag.tag}", overflow="ellipsis", no_wrap=True),
        abs(tag.net),
        (str(tag.plus), str(tag.minus), f"{tag.net:+d}".replace("-", "−")),
    )


class InsightsScreen(PeriodScreen):
    CSS_PATH = "insights.tcss"
    AUTO_FOCUS = "#insights-energisers"

    def compose(self) -> ComposeResult:
        yield Header()
        yield PeriodLine()
        yield Static(id="insights-headline", markup=False)
        with Horizontal(id="insights-panes"):
            with Vertical(id="insights-tags"):
                yield BarTable(
                    [("tag", _("Tag"), 14), *TAG_COLUMNS], id="insights-energisers", classes="-good"
                )
                yield BarTable(
                    [("tag", _("Tag"), 14), *TAG_COLUMNS], id="insights-drains", classes="-bad"
                )
                yield BarTable(
                    [
                        Column("tag", _("Tag"), 14),
                        Column("share", "%", 4),
                        Column("items", _("Items"), 11, drop=1),
                    ],
                    id="insights-put-off",
                    classes="-warn",
                )
            with Vertical(id="insights-trends"):
                yield TrendChart(id="insights-energy")
                yield TrendChart(id="insights-attitudes")
        with Middle(id="insights-empty"), Center():
            yield Static(id="insights-explainer")
        yield KeysFooter()

    def on_mount(self) -> None:
        self.sub_title = _("Insights")
        titles = {
            "#insights-energisers": _("What energises me: most net plus"),
            "#insights-drains": _("What drains me: most net minus"),
            "#insights-put-off": _("What I put off: share of each tag's items"),
            "#insights-energy": _("Energy at the end of the day, per week (1–5)"),
            "#insights-attitudes": _("Attitudes, self-rated (1–5)"),
        }
        for selector, title in titles.items():
            self.query_one(selector).border_title = title
        self.query_one("#insights-empty").display = False

    # ------------------------------------------------------------------ reading

    def journal_bounds(self, conn: sqlite3.Connection) -> tuple[date, date] | None:
        return trends.journal_bounds(conn)

    def analyse(self, conn: sqlite3.Connection, period: Period) -> Analysis:
        since, until = period.since, period.until
        return Analysis(
            balance_store.tag_balance(conn, since, until),
            trends.energy_by_week(conn, since, until),
            trends.attitude_scores(conn, since, until),
        )

    # ------------------------------------------------------------------ showing

    def show_analysis(self, analysis: Analysis) -> None:
        empty = analysis.empty
        self.query_one("#insights-panes").display = not empty
        self.query_one("#insights-empty").display = empty
        headline = self.query_one("#insights-headline", Static)
        if empty:
            headline.update("")
            self._show_empty()
            return
        headline.update(
            signal.headline(analysis.balances)
            or (
                _("No tag has more pluses than minuses, or more minuses than pluses, yet.")
                if analysis.balances
                else _(
                    "Tag what you do with #words and rate it + or − on Today to see what "
                    "energises and what drains you."
                )
            )
        )
        self._show_tags(analysis.balances)
        self._show_energy(analysis.energy)
        self._show_attitudes(analysis.attitudes)

    def _show_empty(self) -> None:
        explainer = self.query_one("#insights-explainer", Static)
        if self.bounds is None:
            explainer.update(
                _(
                    "[b]Nothing to read yet.[/b]\n\n"
                    "Rate what you do on Today with + and −, tag it with #words, and set "
                    "your energy in the day review. Over weeks this screen shows what "
                    "energises you, what drains you, what you put off, and how your "
                    "energy and career attitudes move."
                )
            )
        else:
            explainer.update(
                _(
                    "[b]Nothing was rated or reviewed in {period}.[/b]\n\n"
                    "[ shows the period before, a all of the journal."
                ).format(period=period_title(self.period))
            )

    def _show_tags(self, balances: list[TagBalance]) -> None:
        good, bad = signal.energisers(balances), signal.drains(balances)
        scale = max((abs(b.net) for b in good + bad), default=1)
        self.query_one("#insights-energisers", BarTable).show(
            [tag_row(n, b) for n, b in enumerate(good)], scale=scale
        )
        self.query_one("#insights-drains", BarTable).show(
            [tag_row(n, b) for n, b in enumerate(bad)], scale=scale
        )
        self.query_one("#insights-put-off", BarTable).show(
            [
                BarRow(
                    n,
                    Text(f"#{b.tag}", overflow="ellipsis", no_wrap=True),
                    b.postponed_share,
                    (
                        f"{round(100 * b.postponed_share)}",
                        _("{n}/{total}").format(n=min(b.postponed_items, b.items), total=b.items),
                    ),
                )
                for n, b in enumerate(signal.put_off(balances))
            ],
            scale=1.0,
        )

    def _show_energy(self, weeks: list[WeekEnergy]) -> None:
        chart = self.query_one("#insights-energy", TrendChart)
        period = self.period
        chart.show(
            [Series(_("energy"), [(week.week_start, week.average) for week in weeks])],
            period.since,
            period.until,
            y_range=(1, 5),
            empty=_("No energy set in this period: the day review on Today asks for it (1–5)."),
        )
        average = signal.energy_average(weeks)
        if average is None:
            chart.border_subtitle = ""
            return
        text = _("{average} on average").format(average=f"{average:.1f}")
        shift = signal.energy_shift(weeks)
        if shift is not None:
            if shift >= signal.ENERGY_SHIFT:
                text += " · " + _("rising ({shift})").format(shift=f"{shift:+.1f}")
            elif shift <= -signal.ENERGY_SHIFT:
                text += " · " + _("falling ({shift})").format(shift=f"{shift:+.1f}")
            else:
                text += " · " + _("steady")
        chart.border_subtitle = text

    def _show_attitudes(self, scores: list[AttitudeScore]) -> None:
        chart = self.query_one("#insights-attitudes", TrendChart)
        period = self.period
        chart.show(
            [
                Series(attitude_label(key), points)
                for key, points in signal.attitude_series(scores).items()
            ],
            period.since,
            period.until,
            y_range=(1, 5),
            legend=True,
            empty=_("No attitude check-ins in this period."),
        )
