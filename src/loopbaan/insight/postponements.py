"""Reading the postponements: chronic items, suggestions, the JSON of `loopbaan postponed`."""

from __future__ import annotations

from typing import NamedTuple

from loopbaan.domain import REASON_TEXT, Reason, Status
from loopbaan.store.postponed import Postponed, PostponedItem

CHRONIC_TIMES = 3


class Chronic(NamedTuple):
    item: PostponedItem
    reason: Reason
    suggestion: str  # untranslated; pass through `_`


def suggestion(reason: Reason) -> str:
    return REASON_TEXT[reason][1]


def is_chronic(item: PostponedItem, times: int = CHRONIC_TIMES) -> bool:
    """Put off `times` or more in the period and not dropped: a dropped task is settled."""
    return item.times >= times and item.status is not Status.DROPPED


def chronic(report: Postponed, times: int = CHRONIC_TIMES) -> list[Chronic]:
    """Items postponed `times` or more in the period, with the advice for their main reason.

    A dropped task is settled: it was let go honestly, so it is no longer advised on.
    """
    return [
        Chronic(item, item.dominant_reason, suggestion(item.dominant_reason))
        for item in report.items
        if is_chronic(item, times)
    ]


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
