"""The chart helpers: x-axis labels, round y steps, thinning long series."""

from __future__ import annotations

from datetime import date, timedelta

from loopbaan.widgets.chart_trend import count_ticks, thin, ticks

D = date.fromisoformat


def test_ticks_by_the_span_of_the_period() -> None:
    # a quarter: Mondays, day and month
    assert ticks(D("2026-10-01"), D("2026-12-31"), 4) == [
        (D("2026-10-05"), "5 Oct"),
        (D("2026-11-02"), "2 Nov"),
        (D("2026-11-30"), "30 Nov"),
        (D("2026-12-28"), "28 Dec"),
    ]
    # a year: the first of the month
    assert ticks(D("2026-01-01"), D("2026-12-31"), 4) == [
        (D("2026-01-01"), "Jan 2026"),
        (D("2026-04-01"), "Apr 2026"),
        (D("2026-07-01"), "Jul 2026"),
        (D("2026-10-01"), "Oct 2026"),
    ]
    # ten years: new year's days
    assert [label for _day, label in ticks(D("2016-11-23"), D("2026-11-23"), 5)] == [
        "2017",
        "2019",
        "2021",
        "2023",
        "2025",
    ]
    # a single day still gets a label
    assert ticks(D("2026-11-03"), D("2026-11-03"), 4) == [(D("2026-11-03"), "3 Nov")]


def test_count_ticks_are_round() -> None:
    assert count_ticks(0) == [0, 1]
    assert count_ticks(3) == [0, 1, 2, 3]
    assert count_ticks(7) == [0, 2, 4, 6, 8]
    assert count_ticks(13) == [0, 5, 10, 15]
    assert count_ticks(105) == [0, 50, 100, 150]
    assert count_ticks(6439) == [0, 2000, 4000, 6000, 8000]


def test_thin_averages_runs_of_neighbours() -> None:
    weeks = [(D("2026-01-05") + timedelta(weeks=n), float(n % 4)) for n in range(10)]
    assert thin(weeks, 10) == weeks
    # runs of two: (0, 1) (2, 3) (0, 1) (2, 3) (0, 1)
    assert thin(weeks, 5) == [
        (D("2026-01-05"), 0.5),
        (D("2026-01-19"), 2.5),
        (D("2026-02-02"), 0.5),
        (D("2026-02-16"), 2.5),
        (D("2026-03-02"), 0.5),
    ]
    # runs of three, the last one shorter: (0, 1, 2) (3, 0, 1) (2, 3, 0) (1)
    assert [value for _day, value in thin(weeks, 4)] == [1.0, 4 / 3, 5 / 3, 1.0]


async def test_a_drawing_is_kept_and_shown_again_for_the_same_data() -> None:
    from textual.app import App, ComposeResult

    from loopbaan.widgets.chart_trend import Series, TrendChart

    class ChartApp(App[None]):
        def compose(self) -> ComposeResult:
            yield TrendChart(id="chart")

    weeks = [(D("2026-10-05") + timedelta(weeks=n), float(n)) for n in range(8)]
    quarter = ([Series("per week", weeks)], D("2026-10-01"), D("2026-12-31"))
    year = ([Series("per week", weeks[:4])], D("2026-01-01"), D("2026-12-31"))
    app = ChartApp()
    async with app.run_test(size=(60, 14)) as pilot:
        chart = app.query_one(TrendChart)
        drawn: list[date] = []
        draw = chart._draw

        def counted():  # type: ignore[no-untyped-def]
            drawn.append(chart.since)
            return draw()

        chart._draw = counted  # type: ignore[method-assign]
        for series, since, until in (quarter, year, quarter, year):
            chart.show(series, since, until)
            await pilot.pause()
        assert drawn == [D("2026-10-01"), D("2026-01-01")]  # each once
        chart.show([Series("per week", weeks[:2])], *quarter[1:])  # other data: drawn anew
        await pilot.pause()
        assert drawn[-1] == D("2026-10-01") and len(drawn) == 3
