"""The career signal: energisers, drains, what gets put off, the headline, the energy trend."""

from __future__ import annotations

from datetime import date, timedelta

from loopbaan.insight import signal
from loopbaan.store.postponed import TagBalance
from loopbaan.store.trends import AttitudeScore, WeekEnergy

D = date.fromisoformat


def tag(name: str, plus=0, minus=0, items=0, put=0, times=0) -> TagBalance:
    return TagBalance(name, plus, minus, 0, items or plus + minus, put, times)


BALANCES = [
    tag("mentoring", plus=3, items=3),
    tag("writing", plus=1, items=1),
    tag("ops", plus=1, minus=3, items=4),
    tag("reviews", plus=1, minus=2, items=3),
    tag("billing", plus=1, minus=1, items=5, put=3, times=4),
    tag("admin", items=1, put=1, times=1),  # all of it put off, but only one item
    tag("tax", put=1, times=2),  # put off in the period, but now on a day after it
]


def test_rankings_are_tables_not_claims() -> None:
    assert [b.tag for b in signal.energisers(BALANCES)] == ["mentoring", "writing"]
    assert [b.tag for b in signal.drains(BALANCES)] == ["ops", "reviews"]
    assert [b.tag for b in signal.put_off(BALANCES)] == ["admin", "billing"]
    # on so few ratings nothing stands out
    found = signal.tag_signal(signal.tag_ratings(BALANCES))
    assert (found.energisers, found.drains, found.ratings) == ([], [], 13)
    assert signal.put_off_signal(BALANCES) == []


def test_headline_names_only_what_stands_out() -> None:
    assert signal.headline(BALANCES) == (
        "No tag stands out yet — 13 ratings so far; a pattern usually shows after about 320."
    )
    assert signal.headline([tag("admin", items=1, put=1, times=1)]) is None
    assert signal.headline([]) is None
    busy = [
        tag("mentoring", plus=41, minus=7, items=48),
        tag("bookkeeping", plus=8, minus=32, items=40, put=12, times=20),
        tag("meetings", plus=25, minus=25, items=50),
        tag("review", plus=26, minus=24, items=50, put=2, times=2),
    ]
    assert signal.headline(busy) == (
        "Most energy from #mentoring (41 of 48 plus, against 53% overall), "
        "most drain from #bookkeeping (32 of 40 minus, against 47% overall); "
        "#bookkeeping is postponed more than the rest (12 of 40 items postponed, "
        "against 7% overall)."
    )
    # a large journal where no tag differs: said so, with its size
    even = [tag(name, plus=100, minus=100, items=200) for name in ("a", "b", "c")]
    assert (
        signal.headline(even) == "No tag stands out from the rest: 600 ratings, 50% plus overall."
    )


def test_evidence_lines_say_it_in_words() -> None:
    found = signal.tag_signal(
        [("mentoring", 41, 7, 48), ("bookkeeping", 8, 32, 40), ("meetings", 25, 25, 50)]
    )
    assert signal.evidence_lines(found) == [
        (1, "#mentoring: 41 of 48 plus, against 54% overall"),
        (-1, "#bookkeeping: 32 of 40 minus, against 46% overall"),
    ]
    assert signal.standouts_first(
        [("meetings", 50), ("bookkeeping", 40), ("mentoring", 48), ("admin", 60)], found
    ) == [("mentoring", True), ("bookkeeping", True), ("admin", False), ("meetings", False)]


def test_energy_average_and_trend() -> None:
    weeks = [
        WeekEnergy(D("2026-11-02"), 2.0, 4),
        WeekEnergy(D("2026-11-09"), 3.0, 1),
        WeekEnergy(D("2026-11-16"), 4.0, 2),
        WeekEnergy(D("2026-11-23"), 4.0, 3),
    ]
    # by day: (8 + 3 + 8 + 12) / 10
    assert signal.energy_average(weeks) == 3.1
    assert signal.energy_average([]) is None
    assert signal.energy_trend(weeks[:3]) is None  # three weeks: too few to call a trend
    # four noisy weeks: rising, but the interval holds zero
    assert signal.trend_words(signal.energy_trend(weeks)) == "no clear trend"
    steady_rise = [
        WeekEnergy(D("2026-09-07") + timedelta(weeks=n), 2.0 + 0.1 * n + (0.05 if n % 2 else 0), 5)
        for n in range(16)
    ]
    trend = signal.energy_trend(steady_rise)
    assert trend is not None and trend.direction == 1
    assert signal.trend_words(trend) == "rising (+0.4 in four weeks)"
    falling = [w._replace(average=6 - w.average) for w in steady_rise]
    assert signal.trend_words(
        signal.energy_trend(falling)
    ) == "falling (−0.4 in four weeks)".replace("−", "-")


def test_attitude_series_keep_the_default_order() -> None:
    scores = [
        AttitudeScore(D("2026-10-01"), "resilience", 2),  # one of the user's own
        AttitudeScore(D("2026-10-01"), "curiosity", 4),
        AttitudeScore(D("2026-10-01"), "concern", 2),
        AttitudeScore(D("2026-11-01"), "concern", 3),
    ]
    assert signal.attitude_series(scores) == {
        "concern": [(D("2026-10-01"), 2), (D("2026-11-01"), 3)],
        "curiosity": [(D("2026-10-01"), 4)],
        "resilience": [(D("2026-10-01"), 2)],
    }
