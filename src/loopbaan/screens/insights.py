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
from loopbaan.i18n import N_, _, decimal
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
    Column("net", N_("Net"), 6),
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


STANDS_OUT = "●"


def tag_label(tag: str, stands_out: bool) -> Text:
    """`● #mentoring` for a tag that stands out, `  #writing` for the others."""
    return Text(f"{STANDS_OUT if stands_out else ' '} #{tag}", overflow="ellipsis", no_wrap=True)


def marked_first(
    balances: list[TagBalance], findings: list[signal.Finding]
) -> list[tuple[TagBalance, bool]]:
    by_tag = {b.tag: b for b in balances}
    order = signal.standouts_first(
        ((b.tag, b.plus + b.minus + b.neutral) for b in balances), findings
    )
    return [(by_tag[tag], marked) for tag, marked in order]


def tag_row(n: int, tag: TagBalance, stands_out: bool = False) -> BarRow:
    return BarRow(
        n,
        tag_label(tag.tag, stands_out),
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
            "#insights-energisers": _("More plus than minus"),
            "#insights-drains": _("More minus than plus"),
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
            or _(
                "Tag what you do with #words and rate it + or − on Today to see what "
                "energises and what drains you."
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
        found = signal.tag_signal(signal.tag_ratings(balances))
        good = marked_first(signal.energisers(balances), found.energisers)
        bad = marked_first(signal.drains(balances), found.drains)
        scale = max((abs(b.net) for b, _marked in good + bad), default=1)
        self.query_one("#insights-energisers", BarTable).show(
            [tag_row(n, b, marked) for n, (b, marked) in enumerate(good)], scale=scale
        )
        self.query_one("#insights-drains", BarTable).show(
            [tag_row(n, b, marked) for n, (b, marked) in enumerate(bad)], scale=scale
        )
        marks = _("{mark} stands out from the rest").format(mark=STANDS_OUT)
        for selector, findings in (
            ("#insights-energisers", found.energisers),
            ("#insights-drains", found.drains),
        ):
            self.query_one(selector).border_subtitle = marks if findings else ""
        late = signal.put_off_signal(balances)
        put_off = self.query_one("#insights-put-off", BarTable)
        put_off.show(
            [
                BarRow(
                    n,
                    tag_label(b.tag, marked),
                    b.postponed_share,
                    (
                        f"{round(100 * b.postponed_share)}",
                        _("{n}/{total}").format(n=min(b.postponed_items, b.items), total=b.items),
                    ),
                )
                for n, (b, marked) in enumerate(marked_first(signal.put_off(balances), late))
            ],
            scale=1.0,
        )
        put_off.border_subtitle = marks if late else ""

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
        text = _("{average} on average").format(average=decimal(average))
        trend = signal.trend_words(signal.energy_trend(weeks))
        chart.border_subtitle = f"{text} · {trend}" if trend else text

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
        chart.border_subtitle = signal.attitude_words(
            signal.attitude_trends(scores), attitude_label
        )
