"""The two lines over the daily review: which day it is, and how far its review got.

The screen hands them the day and its items; each line is one line of text, so
an update needs no layout pass (each would slow a day step; decision 0005).
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.widgets import Static

from loopbaan.domain import Item, Status
from loopbaan.i18n import _, ngettext
from loopbaan.widgets.dates import long_day, relative_day, short_day


class DayLine(Horizontal):
    """`Monday 23 November 2026 · today`, and the keys that move the day."""

    def compose(self) -> ComposeResult:
        yield Static(id="today-day", markup=False)
        yield Static(_("[ ] previous · next day   t today"), id="today-nav", markup=False)

    def show(self, day: date, today: date) -> None:
        self.query_one("#today-day", Static).update(
            f"{long_day(day)} · {relative_day(day, today)}", layout=False
        )


class DayStatus(Static):
    """What is left to do on the day shown, or that its review is finished."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)

    def show(
        self, day: date, shown: list[Item], moved: int, *, finished: bool, first_run: bool
    ) -> None:
        if finished:
            text = _("✓ Review finished · f reopens it")
        elif first_run:
            text = _("Your journal is empty: a adds the first item.")
        else:
            text = summary(day, shown, moved)
        self.update(text, layout=False)


def summary(day: date, shown: list[Item], moved: int) -> str:
    """`3 items · 1 to rate · 1 open task · 1 postponed · f finishes the review`."""
    here = [item for item in shown if item.day == day or item.done_on == day]
    to_rate = sum(item.rating is None for item in here)
    open_tasks = sum(item.is_task and item.status is Status.OPEN for item in here)
    parts = [ngettext("{n} item", "{n} items", len(here)).format(n=len(here))]
    if to_rate:
        parts.append(_("{n} to rate").format(n=to_rate))
    if open_tasks:
        parts.append(ngettext("{n} open task", "{n} open tasks", open_tasks).format(n=open_tasks))
    if moved:
        parts.append(_("{n} postponed").format(n=moved))
    parts.append(_("f finishes the review"))
    return " · ".join(parts)


def finished_notice(day: date, today: date, items: list[Item]) -> str:
    """What `f` says: the review is finished, and how many of the day's items are not rated."""
    to_rate = sum(item.rating is None for item in items if item.day == day)
    message = _("Review of {day} finished.").format(day=short_day(day, today))
    if to_rate:
        message += " " + ngettext(
            "{n} item is not rated.", "{n} items are not rated.", to_rate
        ).format(n=to_rate)
    return message
