"""The career signal: energisers, drains, what gets put off, the headline, the energy trend."""

from __future__ import annotations

from datetime import date

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


def test_rankings() -> None:
    assert [b.tag for b in signal.energisers(BALANCES)] == ["mentoring", "writing"]
    assert [b.tag for b in signal.drains(BALANCES)] == ["ops", "reviews"]
    assert [b.tag for b in signal.put_off(BALANCES)] == ["admin", "billing"]
    assert signal.most_put_off(BALANCES) == BALANCES[4]  # admin has too few items to say


def test_headline() -> None:
    assert signal.headline(BALANCES) == (
        "Most energy from #mentoring, most drain from #ops; #billing is postponed 60% of the time."
    )
    assert signal.headline(BALANCES[:2]) == "Most energy from #mentoring."
    assert signal.headline([BALANCES[2]]) == "Most drain from #ops."
    assert signal.headline([BALANCES[4]]) == "#billing is postponed 60% of the time."
    assert signal.headline([tag("admin", items=1, put=1, times=1)]) is None
    assert signal.headline([]) is None


def test_energy_average_and_shift() -> None:
    weeks = [
        WeekEnergy(D("2026-11-02"), 2.0, 4),
        WeekEnergy(D("2026-11-09"), 3.0, 1),
        WeekEnergy(D("2026-11-16"), 4.0, 2),
        WeekEnergy(D("2026-11-23"), 4.0, 3),
    ]
    # by day: (8 + 3 + 8 + 12) / 10
    assert signal.energy_average(weeks) == 3.1
    # first half (8 + 3) / 5 = 2.2, second half (8 + 12) / 5 = 4.0
    assert round(signal.energy_shift(weeks), 6) == 1.8
    assert signal.energy_shift(weeks[:3]) is None
    assert signal.energy_average([]) is None


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
