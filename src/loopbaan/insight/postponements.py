"""Reading the postponements: chronic items, suggestions, the JSON of `loopbaan postponed`.

What stands out is decided here, for the Postponed screen, the Week screen,
`loopbaan postponed` and the brief alike: a reason or a weekday only when it is
given more often than an even spread would, an item as chronic only when it was
put off more often than the user's own items usually are (decision 0010).
"""

from __future__ import annotations

import math
from typing import NamedTuple

from loopbaan.domain import REASON_TEXT, Reason, Status
from loopbaan.i18n import _
from loopbaan.insight import evidence
from loopbaan.insight.signal import Finding, above_even, percent
from loopbaan.store.postponed import WEEKDAYS, Postponed, PostponedItem

CHRONIC_TIMES = 3  # the least: fewer times is never chronic, however few the repeats
WORKDAYS = 5  # an even spread is over Monday to Friday, and any weekend day used


class Chronic(NamedTuple):
    item: PostponedItem
    reason: Reason
    suggestion: str  # untranslated; pass through `_`


def suggestion(reason: Reason) -> str:
    return REASON_TEXT[reason][1]


def repeat_rate(report: Postponed) -> float:
    """How often a postponed item is put off once more: 1 − items / postponements.

    If every postponement of an item were a coin with this chance of another, the
    times an item is put off would fall off geometrically: P(times ≥ t) = rate^(t−1).
    """
    total = sum(times * n for times, n in report.items_by_times.items())
    items = sum(report.items_by_times.values())
    return 1 - items / total if total else 0.0


def chronic_times(report: Postponed, alpha: float | None = None) -> int:
    """From how many times in the period an item is chronic: put off more often than
    this user's items are, beyond chance.

    The least t (at least CHRONIC_TIMES) with rate^(t−1) ≤ alpha / items: Bonferroni's
    correction over every item postponed in the period.
    """
    items = sum(report.items_by_times.values())
    rate = repeat_rate(report)
    if items == 0 or rate <= 0:
        return CHRONIC_TIMES
    if rate >= 1:  # cannot happen: every item counts one first time
        return max(report.items_by_times, default=0) + 1
    level = (evidence.ALPHA if alpha is None else alpha) / items
    times = 1 + math.ceil(math.log(level) / math.log(rate) - 1e-9)
    return max(CHRONIC_TIMES, times)


def is_chronic(item: PostponedItem, times: int = CHRONIC_TIMES) -> bool:
    """Put off `times` or more in the period and not dropped: a dropped task is settled."""
    return item.times >= times and item.status is not Status.DROPPED


def chronic_count(report: Postponed, times: int) -> int:
    """Items put off `times` or more in the period, also those past the list read,
    less the dropped ones (settled). The list holds the most put off first, so the
    dropped ones are among them unless more items are chronic than it holds."""
    often = sum(n for t, n in report.items_by_times.items() if t >= times)
    dropped = sum(item.times >= times and item.status is Status.DROPPED for item in report.items)
    return often - dropped


def chronic(report: Postponed, times: int | None = None) -> list[Chronic]:
    """Chronic items (see `chronic_times`), with the advice for their main reason.

    A dropped task is settled: it was let go honestly, so it is no longer advised on.
    """
    times = chronic_times(report) if times is None else times
    return [
        Chronic(item, item.dominant_reason, suggestion(item.dominant_reason))
        for item in report.items
        if is_chronic(item, times)
    ]


def reason_standouts(report: Postponed, alpha: float | None = None) -> list[Finding]:
    """Reasons given more often than an even spread over all reasons would, strongest
    first; keys are `Reason` values."""
    return above_even([(r.reason.value, r.times) for r in report.by_reason], len(Reason), alpha)


def weekday_standouts(report: Postponed, alpha: float | None = None) -> list[Finding]:
    """Weekdays things are put off from more often than an even spread over the working
    days (Monday to Friday, and a weekend day when anything was put off from it)."""
    counts = [(w.key, w.times) for w in report.by_weekday]
    weekend = sum(1 for key, n in counts if n and WEEKDAYS.index(key) >= WORKDAYS)
    return above_even(counts, WORKDAYS + weekend, alpha)


def reason_evidence(finding: Finding) -> str:
    """`12 of 30 postponements, against 12% for an even spread`."""
    return _("{hits} of {total} postponements, against {baseline} for an even spread").format(
        hits=finding.hits, total=finding.total, baseline=percent(finding.baseline)
    )


def no_reason_stands_out(report: Postponed) -> str:
    return _("No reason stands out from the others yet ({n} postponements).").format(n=report.total)


def to_json(report: Postponed) -> dict[str, object]:
    """The shape DESIGN.md §5 promises to scripts."""
    return {
        "since": report.since.isoformat(),
        "until": report.until.isoformat(),
        "items": [
            {
                "id": item.id,
                "title": item.title,
                "times": item.times,
                "days_deferred": item.days_deferred,
                "reasons": item.reasons,
                "status": item.status.value,
            }
            for item in report.items
        ],
        "by_reason": [
            {"reason": r.reason.value, "count": r.times, "items": r.items} for r in report.by_reason
        ],
        "by_tag": [{"tag": t.key, "count": t.times} for t in report.by_tag],
        "by_weekday": [{"weekday": w.key, "count": w.times} for w in report.by_weekday],
    }
