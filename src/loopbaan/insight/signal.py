"""The career signal of a period: what energises, what drains, what gets put off.

Plain functions over the store's `TagBalance`, day-review energy and attitude
check-ins, so the Insights screen, a brief and a test all read the same figures.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date

from loopbaan.domain import DEFAULT_ATTITUDES
from loopbaan.i18n import _
from loopbaan.store.postponed import TagBalance
from loopbaan.store.trends import AttitudeScore, WeekEnergy

# A share of one item out of one says little: the headline names a tag as put off
# only when it had this many items in the period and at least this share of them.
PUT_OFF_MIN_ITEMS = 3
PUT_OFF_MIN_SHARE = 1 / 3
# Half a point on the 1–5 scale between the first and the second half of the period.
ENERGY_SHIFT = 0.5


def energisers(balances: Iterable[TagBalance]) -> list[TagBalance]:
    """Tags with more pluses than minuses, most net plus first."""
    return sorted((b for b in balances if b.net > 0), key=lambda b: (-b.net, -b.plus, b.tag))


def drains(balances: Iterable[TagBalance]) -> list[TagBalance]:
    """Tags with more minuses than pluses, most net minus first."""
    return sorted((b for b in balances if b.net < 0), key=lambda b: (b.net, -b.minus, b.tag))


def put_off(balances: Iterable[TagBalance]) -> list[TagBalance]:
    """Tags with postponed items, the largest share of their items first.

    A tag whose items all moved out of the period has postponements but no items in
    it: no share to show.
    """
    return sorted(
        (b for b in balances if b.postponed_items and b.items),
        key=lambda b: (-b.postponed_share, -b.postponements, b.tag),
    )


def most_put_off(balances: Iterable[TagBalance]) -> TagBalance | None:
    """The tag put off most, if its share is large enough and rests on enough items."""
    return next(
        (
            b
            for b in put_off(balances)
            if b.items >= PUT_OFF_MIN_ITEMS and b.postponed_share >= PUT_OFF_MIN_SHARE
        ),
        None,
    )


def headline(balances: Sequence[TagBalance]) -> str | None:
    """One sentence: `Most energy from #mentoring, most drain from #ops; #billing is
    postponed 60% of the time.` None when the period has nothing to say yet."""
    best = next(iter(energisers(balances)), None)
    worst = next(iter(drains(balances)), None)
    late = most_put_off(balances)
    clauses = []
    if best:
        clauses.append(_("most energy from #{tag}").format(tag=best.tag))
    if worst:
        clauses.append(_("most drain from #{tag}").format(tag=worst.tag))
    sentence = _(", ").join(clauses)
    if late:
        tail = _("#{tag} is postponed {percent}% of the time").format(
            tag=late.tag, percent=round(100 * late.postponed_share)
        )
        sentence = _("{first}; {second}").format(first=sentence, second=tail) if clauses else tail
    if not sentence:
        return None
    return sentence[0].upper() + sentence[1:] + "."


def energy_average(weeks: Sequence[WeekEnergy]) -> float | None:
    """The mean energy of every day that set one (not the mean of the weekly means)."""
    days = sum(week.days for week in weeks)
    return sum(week.average * week.days for week in weeks) / days if days else None


def energy_shift(weeks: Sequence[WeekEnergy]) -> float | None:
    """How much the second half of the weeks differs from the first half, in points.

    None with fewer than four weeks: too little to call a trend.
    """
    if len(weeks) < 4:
        return None
    half = len(weeks) // 2
    first, second = energy_average(weeks[:half]), energy_average(weeks[-half:])
    assert first is not None and second is not None
    return second - first


def attitude_series(scores: Iterable[AttitudeScore]) -> dict[str, list[tuple[date, int]]]:
    """Each attitude's scores over time: the default four first, in their order."""
    series: dict[str, list[tuple[date, int]]] = {}
    for score in scores:
        series.setdefault(score.attitude, []).append((score.day, score.score))
    order = list(DEFAULT_ATTITUDES)
    return dict(
        sorted(
            series.items(),
            key=lambda pair: (order.index(pair[0]) if pair[0] in order else len(order), pair[0]),
        )
    )
