"""The method's rules about goal projects, as plain functions over store values."""

from __future__ import annotations

from datetime import date, timedelta
from typing import NamedTuple

from loopbaan.domain import GoalStatus
from loopbaan.i18n import N_
from loopbaan.store.goals import Goal, Milestone

STALLED_AFTER = timedelta(weeks=4)

NO_FIRST_STEP = N_("no first step yet: what is the smallest thing you can do next?")
NO_OPEN_MILESTONE = N_("no open milestone: what is the next one on the way?")
STALLED = N_("stalled: nothing done for four weeks")


class Progress(NamedTuple):
    done: int
    total: int

    def __str__(self) -> str:
        return f"{self.done}/{self.total}"


def milestone_progress(goal: Goal) -> Progress:
    return Progress(goal.milestones_done, goal.milestones_total)


def is_stalled(goal: Goal, today: date) -> bool:
    """An active goal with nothing done (milestone or linked task) in four weeks."""
    if goal.status is not GoalStatus.ACTIVE:
        return False
    since = goal.last_progress or goal.created_day
    return since is not None and today - since >= STALLED_AFTER


def nudges(goal: Goal, milestones: list[Milestone], today: date) -> list[str]:
    """What the method would ask about this goal now (untranslated; pass through `_`)."""
    if goal.status is not GoalStatus.ACTIVE:
        return []
    found = []
    if not goal.first_step.strip():
        found.append(NO_FIRST_STEP)
    if not any(m.done_on is None for m in milestones):
        found.append(NO_OPEN_MILESTONE)
    if is_stalled(goal, today):
        found.append(STALLED)
    return found


def days_to_target(goal: Goal, today: date) -> int | None:
    return (goal.target_day - today).days if goal.target_day else None
