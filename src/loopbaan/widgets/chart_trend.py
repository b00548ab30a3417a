"""A line chart over the days of a period, drawn by Plotext (textual-plotext).

The x axis is the calendar, labelled in the user's language (Plotext's own date
labels are English); the lines take the theme's colours, one per series.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from datetime import date, timedelta
from typing import NamedTuple

from rich.text import Text
from textual.app import RenderResult
from textual.color import Color
from textual.markup import escape
from textual_plotext import PlotextPlot

from loopbaan.i18n import _
from loopbaan.widgets.dates import MONTHS_SHORT, day_month

# Theme colours that differ from each other in the built-in themes (accent and warning
# often do not).
SERIES_COLORS = ("primary", "accent", "success", "error", "secondary")
FEW_POINTS = 16  # up to this many points a series also gets a dot on each
DRAWINGS_KEPT = 8  # per chart: switching back to a period shows its drawing at once


class Series(NamedTuple):
    label: str
    points: Sequence[tuple[date, float]]  # oldest first


def _month_starts(since: date, until: date) -> list[date]:
    first = since.replace(day=1)
    if first < since:
        first = (first + timedelta(days=32)).replace(day=1)
    months = []
    while first <= until:
        months.append(first)
        first = (first + timedelta(days=32)).replace(day=1)
    return months


def thin(points: Sequence[tuple[date, float]], most: int) -> list[tuple[date, float]]:
    """At most `most` points: runs of neighbours become their mean, on the run's first day.

    Ten years of weeks are 520 points for a chart some 110 columns wide; drawing them
    all costs Plotext ~50 ms and shows nothing more. The mean keeps the unit (per week).
    """
    if len(points) <= most:
        return list(points)
    size = -(-len(points) // most)  # ceiling division
    return [
        (run[0][0], sum(value for _day, value in run) / len(run))
        for run in (points[n : n + size] for n in range(0, len(points), size))
    ]


def ticks(since: date, until: date, most: int) -> list[tuple[date, str]]:
    """At most `most` labelled days for the x axis: weeks, months or years by the span."""
    days = (until - since).days
    if days <= 120:
        candidates = [since + timedelta(days=(7 - since.weekday()) % 7 + 7 * n) for n in range(19)]
        marks = [(day, day_month(day)) for day in candidates if day <= until]
    elif days <= 800:
        marks = [
            (day, _("{month} {year}").format(month=_(MONTHS_SHORT[day.month - 1]), year=day.year))
            for day in _month_starts(since, until)
        ]
    else:
        marks = [(date(year, 1, 1), str(year)) for year in range(since.year + 1, until.year + 1)]
    if not marks:
        return [(since, day_month(since))]
    step = -(-len(marks) // max(1, most))  # ceiling division
    return marks[::step]


def count_ticks(top: float, most: int = 4) -> list[int]:
    """0 and round steps (1, 2, 5, 10, 20, 50, ...) up to `top`: at most `most` + 1 levels."""
    step = 1
    while top / step > most:
        for factor in (2, 2.5, 2):  # 1 → 2 → 5 → 10 → 20 → 50 → 100 ...
            step = int(step * factor)
            if top / step <= most:
                break
    return list(range(0, int(top) + step, step)) if top else [0, 1]


class TrendChart(PlotextPlot):
    """One or more series over a period; a short text instead when there is nothing."""

    DEFAULT_CSS = """
    TrendChart {
        height: 1fr;
        &.-empty {
            color: $text-muted;
            padding: 1 2;
        }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str = "") -> None:
        super().__init__(id=id, classes=classes)
        self.series: list[Series] = []
        self.since = self.until = date.min
        self.y_range: tuple[int, int] | None = None
        self.fill = False
        self.empty_text = ""
        self._shown: object = None  # the data drawn, as a key for its drawings
        self._drawings: OrderedDict[object, RenderResult] = OrderedDict()  # by what was drawn

    def show(
        self,
        series: Sequence[Series],
        since: date,
        until: date,
        *,
        y_range: tuple[int, int] | None = None,
        fill: bool = False,
        legend: bool = False,
        empty: str = "",
    ) -> None:
        """Draw `series` from `since` to `until`.

        `y_range` fixes the y axis (e.g. 1–5); `fill` shades the area under a line, which
        reads better for counts; `legend` makes the border's subtitle name the lines in
        their colours. Points before `since` (a week that began earlier) are drawn on
        `since`.
        """
        self.series = [line for line in series if line.points]
        self.since, self.until = since, until
        self.y_range = y_range
        self.fill = fill
        self.empty_text = empty
        self._shown = (
            tuple((line.label, tuple(line.points)) for line in self.series),
            since,
            until,
            y_range,
            fill,
        )
        self.set_class(not self.series, "-empty")
        if legend:
            self.border_subtitle = "  ".join(
                f"[${SERIES_COLORS[n % len(SERIES_COLORS)]}]━ {escape(line.label)}[/]"
                for n, line in enumerate(self.series)
            )
        self.refresh()

    def render(self) -> RenderResult:
        if not self.series:
            return Text(self.empty_text)
        # Plotext draws the whole canvas on every call (10–25 ms): a drawing of the
        # same data, size and theme is kept and shown again.
        key = (self._shown, self.size, self.app.theme)
        drawing = self._drawings.get(key)
        if drawing is None:
            drawing = self._drawings[key] = self._draw()
            while len(self._drawings) > DRAWINGS_KEPT:
                self._drawings.popitem(last=False)
        self._drawings.move_to_end(key)
        return drawing

    def _draw(self) -> RenderResult:
        plt = self.plt
        plt.clear_figure()
        plt.xaxes(True, False)  # the bottom and left axes only: the widget has its own border
        plt.yaxes(True, False)
        variables = self.app.theme_variables
        for n, line in enumerate(self.series):
            color = Color.parse(variables[SERIES_COLORS[n % len(SERIES_COLORS)]]).rgb
            # several lines share the width: fewer points each keeps them apart
            points = thin(line.points, max(8, (self.size.width - 8) // len(self.series)))
            xs = [max(day, self.since).toordinal() for day, _value in points]
            ys = [value for _day, value in points]
            plt.plot(xs, ys, marker="braille", color=color, fillx=self.fill)
            if len(xs) <= FEW_POINTS and not self.fill:
                plt.scatter(xs, ys, marker="•", color=color)
        # Plotext divides by the width of each axis: a period of one day, or one level,
        # is drawn one step wide.
        until = max(self.until, self.since + timedelta(days=1))
        plt.xlim(self.since.toordinal(), until.toordinal())
        marks = ticks(self.since, until, max(2, (self.size.width - 6) // 12))
        plt.xticks([day.toordinal() for day, _label in marks], [label for _day, label in marks])
        levels: list[float]
        if self.y_range:
            low, high = self.y_range
            high = max(high, low + 1)
            levels = list(range(low, high + 1))
            plt.ylim(low, high)
        else:
            top = max(value for line in self.series for _day, value in line.points)
            levels = [level for level in count_ticks(top) if level <= max(top, 1)]
            plt.ylim(0, max(top, 1))
        plt.yticks(levels)
        return super().render()
