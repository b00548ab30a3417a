"""The goal rules: progress, stalled, nudges."""

from __future__ import annotations

from datetime import date

from loopbaan.domain import GoalStatus
from loopbaan.insight import goals as rules
from loopbaan.store.goals import Goal, Milestone
from tests.helpers import TODAY


def make_goal(**changes) -> Goal:
    base = Goal(
        id=1, uid="g", title="Lead", beacon="", statement="", direction=None,
        first_step="Ask Mira", needs="", supporters="", status=GoalStatus.ACTIVE,
        target_day=None, position=0, milestones_done=1, milestones_total=3,
        last_progress=date(2026, 11, 1), created_day=date(2026, 9, 1),
    )  # fmt: skip
    return base._replace(**changes)


def milestone(done_on: date | None) -> Milestone:
    return Milestone(1, "m", 1, "step", None, done_on, 0)


def test_progress_reads_done_over_total() -> None:
    assert str(rules.milestone_progress(make_goal())) == "1/3"


def test_stalled_after_four_weeks_of_nothing() -> None:
    assert not rules.is_stalled(make_goal(last_progress=date(2026, 10, 27)), TODAY)  # 27 days
    assert rules.is_stalled(make_goal(last_progress=date(2026, 10, 26)), TODAY)  # 28 days
    # never any progress: counted from the day it was made
    assert rules.is_stalled(make_goal(last_progress=None), TODAY)
    assert not rules.is_stalled(make_goal(last_progress=None, created_day=TODAY), TODAY)
    assert not rules.is_stalled(make_goal(last_progress=None, status=GoalStatus.PAUSED), TODAY)


def test_nudges() -> None:
    fine = make_goal()
    assert rules.nudges(fine, [milestone(None)], TODAY) == []
    lost = make_goal(first_step=" ", last_progress=date(2026, 9, 1))
    assert rules.nudges(lost, [milestone(TODAY)], TODAY) == [
        rules.NO_FIRST_STEP,
        rules.NO_OPEN_MILESTONE,
        rules.STALLED,
    ]
    assert rules.nudges(make_goal(status=GoalStatus.ACHIEVED, first_step=""), [], TODAY) == []


def test_days_to_target() -> None:
    assert rules.days_to_target(make_goal(target_day=date(2026, 12, 1)), TODAY) == 8
    assert rules.days_to_target(make_goal(), TODAY) is None
