"""The career signal of a period: what energises, what drains, what gets put off.

Plain functions over the store's `TagBalance`, day-review energy and attitude
check-ins, so the Insights screen, the Week screen, a brief and a test all read the
same figures and make the same claims. A tag, a trend, is named only when it stands
out against the user's own baseline (see `evidence` and decision 0010).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Sequence
from datetime import date
from functools import lru_cache
from typing import NamedTuple

from loopbaan.domain import DEFAULT_ATTITUDES
from loopbaan.i18n import _, decimal, ngettext
from loopbaan.insight import evidence
from loopbaan.store.postponed import TagBalance
from loopbaan.store.trends import AttitudeScore, WeekEnergy


class Finding(NamedTuple):
    """Something that stands out: `hits` of its `total` against a `baseline` share."""

    key: str
    hits: int
    total: int
    baseline: float  # the share over everything it was compared with
    p_value: float

    @property
    def share(self) -> float:
        return self.hits / self.total if self.total else 0.0


class TagSignal(NamedTuple):
    """What the ratings per tag say: the tags that stand out, and on how much data."""

    energisers: list[Finding]  # strongest first
    drains: list[Finding]
    ratings: int  # rated items with a tag, counted once per tag
    plus_share: float  # over all of them
    minus_share: float
    needed: int  # ratings after which a clear difference usually shows


class Trend(NamedTuple):
    slope: float  # points per four weeks
    low: float
    high: float

    @property
    def direction(self) -> int:
        """+1 rising, −1 falling, 0 when the interval holds zero: no clear trend."""
        return 1 if self.low > 0 else -1 if self.high < 0 else 0


TagRatings = tuple[str, int, int, int]  # tag, pluses, minuses, rated items (+, − and 0)

# The difference a pattern should be seen at, for "it usually shows after about N":
# a tag rated plus (or minus) this much more often than the rest.
TYPICAL_EFFECT = 0.25


def _alpha(alpha: float | None) -> float:
    return evidence.ALPHA if alpha is None else alpha  # read late: one place to change it


def above_baseline(
    counts: Sequence[tuple[str, int, int]], alpha: float | None = None
) -> list[Finding]:
    """The keys whose share `hits / total` lies above the pooled share of all of them.

    Fisher's exact test, one-sided, of each against all the others, Holm's
    correction over all of them; strongest first.
    """
    hits = sum(h for _key, h, _total in counts)
    total = sum(t for _key, _h, t in counts)
    baseline = hits / total if total else 0.0
    tests = [
        Finding(key, h, t, baseline, evidence.fisher_upper(h, t, hits, total))
        for key, h, t in counts
    ]
    return _kept(tests, alpha)


def _above(
    counts: Sequence[tuple[str, int, int]], baseline: float, alpha: float | None
) -> list[Finding]:
    tests = [
        Finding(key, h, t, baseline, evidence.upper_tail(h, t, baseline)) for key, h, t in counts
    ]
    return _kept(tests, alpha)


def _kept(tests: list[Finding], alpha: float | None) -> list[Finding]:
    kept = evidence.holm([f.p_value for f in tests], _alpha(alpha))
    return sorted(
        (f for f, keep in zip(tests, kept, strict=True) if keep),
        key=lambda f: (f.p_value, -f.share, f.key),
    )


def above_even(
    counts: Sequence[tuple[str, int]], categories: int, alpha: float | None = None
) -> list[Finding]:
    """The keys with more than their part of an even spread over `categories` kinds."""
    total = sum(n for _key, n in counts)
    if not total or categories < 2:
        return []
    return _above([(key, n, total) for key, n in counts], 1 / categories, alpha)


def tag_ratings(balances: Iterable[TagBalance]) -> list[TagRatings]:
    return [(b.tag, b.plus, b.minus, b.plus + b.minus + b.neutral) for b in balances]


def tag_signal(ratings: Sequence[TagRatings], alpha: float | None = None) -> TagSignal:
    """Which tags are rated plus, or minus, more often than the other tags.

    Fisher's exact test of each tag against the rest, one-sided; one family of tests
    (a plus test and a minus test per tag, Holm's correction), so that looking at both
    sides of many tags does not make a false claim likelier.
    """
    alpha = _alpha(alpha)
    rated = sum(n for *_counts, n in ratings)
    plus = sum(p for _tag, p, _m, _n in ratings)
    minus = sum(m for _tag, _p, m, _n in ratings)
    plus_share = plus / rated if rated else 0.0
    minus_share = minus / rated if rated else 0.0
    tests = [
        Finding(tag, p, n, plus_share, evidence.fisher_upper(p, n, plus, rated))
        for tag, p, _m, n in ratings
    ] + [
        Finding(tag, m, n, minus_share, evidence.fisher_upper(m, n, minus, rated))
        for tag, _p, m, n in ratings
    ]
    kept = evidence.holm([f.p_value for f in tests], alpha)
    found = [f for f, keep in zip(tests, kept, strict=True) if keep]
    half = len(ratings)

    def strongest(findings: Iterable[Finding]) -> list[Finding]:
        return sorted(findings, key=lambda f: (f.p_value, -f.share, f.key))

    positions = {id(f): n for n, f in enumerate(tests)}
    return TagSignal(
        energisers=strongest(f for f in found if positions[id(f)] < half),
        drains=strongest(f for f in found if positions[id(f)] >= half),
        ratings=rated,
        plus_share=plus_share,
        minus_share=minus_share,
        needed=ratings_needed(max(2, len(ratings)), plus_share or 0.5, alpha),
    )


@lru_cache(maxsize=256)
def ratings_needed(tags: int, baseline: float, alpha: float) -> int:
    """About how many ratings in all before a tag TYPICAL_EFFECT off the rest shows.

    The smallest number per tag at which the typical count of such a tag passes the
    test among `tags` tags (two tests each), times the tags; rounded to tens.
    """
    baseline = min(max(baseline, 0.05), 0.95)
    target = min(baseline + TYPICAL_EFFECT, 0.99)
    if baseline + TYPICAL_EFFECT > 0.99:  # a high baseline: look at the other side
        baseline, target = 1 - baseline, 1 - baseline + TYPICAL_EFFECT
    level = alpha / (2 * tags)
    low, high = 1, 4096
    while low < high:
        n = (low + high) // 2
        if evidence.upper_tail(math.ceil(n * target), n, baseline) <= level:
            high = n
        else:
            low = n + 1
    return max(10, round(low * tags, -1))


def put_off_signal(balances: Iterable[TagBalance], alpha: float | None = None) -> list[Finding]:
    """Tags whose items get postponed more often than the items of all tags together.

    Items are counted by their day and postponements by the day they moved from, so
    the postponed items of a tag are capped at its items.
    """
    return above_baseline(
        [(b.tag, min(b.postponed_items, b.items), b.items) for b in balances if b.items], alpha
    )


def energisers(balances: Iterable[TagBalance]) -> list[TagBalance]:
    """Tags with more pluses than minuses, most net plus first (the table, not a claim)."""
    return sorted((b for b in balances if b.net > 0), key=lambda b: (-b.net, -b.plus, b.tag))


def drains(balances: Iterable[TagBalance]) -> list[TagBalance]:
    """Tags with more minuses than pluses, most net minus first (the table, not a claim)."""
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


def percent(share: float) -> str:
    return f"{round(100 * share)}%"


def plus_evidence(finding: Finding) -> str:
    """`41 of 48 plus, against 52% overall`."""
    return _("{hits} of {total} plus, against {baseline} overall").format(
        hits=finding.hits, total=finding.total, baseline=percent(finding.baseline)
    )


def minus_evidence(finding: Finding) -> str:
    return _("{hits} of {total} minus, against {baseline} overall").format(
        hits=finding.hits, total=finding.total, baseline=percent(finding.baseline)
    )


def put_off_evidence(finding: Finding) -> str:
    return _("{hits} of {total} items postponed, against {baseline} overall").format(
        hits=finding.hits, total=finding.total, baseline=percent(finding.baseline)
    )


def no_tag_stands_out(found: TagSignal) -> str:
    """Why no tag is named: too little data yet, or none differs from the rest."""
    if found.ratings < found.needed:
        return ngettext(
            "No tag stands out yet — {n} rating so far; a pattern usually shows after about "
            "{needed}.",
            "No tag stands out yet — {n} ratings so far; a pattern usually shows after about "
            "{needed}.",
            found.ratings,
        ).format(n=found.ratings, needed=found.needed)
    return _("No tag stands out from the rest: {n} ratings, {share} plus overall.").format(
        n=found.ratings, share=percent(found.plus_share)
    )


def evidence_lines(found: TagSignal) -> list[tuple[int, str]]:
    """Each tag that stands out in plain words, with its sign (+1 energy, −1 drain):
    `#mentoring: 41 of 48 plus, against 52% overall`. Where none does, one line
    with sign 0 that says so. No lines without any rating."""
    lines = [
        (1, _("#{tag}: {evidence}").format(tag=f.key, evidence=plus_evidence(f)))
        for f in found.energisers
    ] + [
        (-1, _("#{tag}: {evidence}").format(tag=f.key, evidence=minus_evidence(f)))
        for f in found.drains
    ]
    if not lines and found.ratings:
        lines.append((0, no_tag_stands_out(found)))
    return lines


def standouts_first(
    tags: Iterable[tuple[str, int]], found: TagSignal | list[Finding]
) -> list[tuple[str, bool]]:
    """Tags in the order a table shows them: those that stand out first (energisers,
    then drains, strongest first), then the rest by how much they were rated, then
    by name. The rest are not ranked as if they said something."""
    findings = found if isinstance(found, list) else found.energisers + found.drains
    order: dict[str, int] = {}
    for n, finding in enumerate(findings):
        order.setdefault(finding.key, n)
    ranked = sorted(tags, key=lambda pair: (order.get(pair[0], len(findings)), -pair[1], pair[0]))
    return [(tag, tag in order) for tag, _rated in ranked]


def headline(balances: Sequence[TagBalance], alpha: float | None = None) -> str | None:
    """One sentence naming only what stands out, with its evidence:

    `Most energy from #mentoring (41 of 48 plus, against 52% overall), most drain
    from #ops (…); #billing is postponed more than the rest (12 of 20 items
    postponed, against 15% overall).` Where no tag stands out it says so, and how
    much data a pattern usually needs. None without any rated or postponed tag.
    """
    found = tag_signal(tag_ratings(balances), alpha)
    late = next(iter(put_off_signal(balances, alpha)), None)
    clauses = []
    if found.energisers:
        best = found.energisers[0]
        clauses.append(
            _("most energy from #{tag} ({evidence})").format(
                tag=best.key, evidence=plus_evidence(best)
            )
        )
    if found.drains:
        worst = found.drains[0]
        clauses.append(
            _("most drain from #{tag} ({evidence})").format(
                tag=worst.key, evidence=minus_evidence(worst)
            )
        )
    sentence = _(", ").join(clauses)
    if not sentence and found.ratings:
        sentence = no_tag_stands_out(found).rstrip(".")
    if late:
        tail = _("#{tag} is postponed more than the rest ({evidence})").format(
            tag=late.key, evidence=put_off_evidence(late)
        )
        sentence = _("{first}; {second}").format(first=sentence, second=tail) if sentence else tail
    if not sentence:
        return None
    return sentence[0].upper() + sentence[1:] + "."


def energy_average(weeks: Sequence[WeekEnergy]) -> float | None:
    """The mean energy of every day that set one (not the mean of the weekly means)."""
    days = sum(week.days for week in weeks)
    return sum(week.average * week.days for week in weeks) / days if days else None


def _trend(points: Sequence[tuple[float, float, float]], confidence: float) -> Trend | None:
    fit = evidence.slope_interval(points, confidence)
    return Trend(*(28 * value for value in fit)) if fit else None


def energy_trend(weeks: Sequence[WeekEnergy], alpha: float | None = None) -> Trend | None:
    """The energy's slope over the weeks, in points per four weeks, with its interval.

    Each week counts by the days that set an energy. None with fewer than four weeks.
    """
    if not weeks:
        return None
    first = weeks[0].week_start
    points = [((w.week_start - first).days, w.average, w.days) for w in weeks]
    return _trend(points, 1 - _alpha(alpha))


def attitude_trends(
    scores: Iterable[AttitudeScore], alpha: float | None = None
) -> dict[str, Trend]:
    """Each attitude's slope (points per four weeks) over its check-ins, for those with
    at least four; the intervals widened together (Bonferroni) for looking at all."""
    series = {key: points for key, points in attitude_series(scores).items() if len(points) >= 4}
    if not series:
        return {}
    confidence = 1 - _alpha(alpha) / len(series)
    first = min(points[0][0] for points in series.values())
    trends = {}
    for key, points in series.items():
        trend = _trend([((day - first).days, score, 1.0) for day, score in points], confidence)
        if trend is not None:
            trends[key] = trend
    return trends


def trend_words(trend: Trend | None) -> str:
    """`rising (+0.4 in four weeks)`, `falling (…)`, `no clear trend`; empty for no trend."""
    if trend is None:
        return ""
    if trend.direction > 0:
        return _("rising ({slope} in four weeks)").format(slope=decimal(trend.slope, signed=True))
    if trend.direction < 0:
        return _("falling ({slope} in four weeks)").format(slope=decimal(trend.slope, signed=True))
    return _("no clear trend")


def attitude_words(trends: dict[str, Trend], label: Callable[[str], str] = str) -> str:
    """`concern rising (+0.5 in four weeks)`, or that no attitude moves clearly yet."""
    if not trends:
        return ""
    moving = [
        _("{attitude} {trend}").format(attitude=label(key), trend=trend_words(trend))
        for key, trend in trends.items()
        if trend.direction
    ]
    return " · ".join(moving) if moving else _("no clear trend")


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
