"""The journal's vocabulary: enums and small value types, free of any library.

They live apart from `models.py` so that the quick commands and the analysis can
use them without importing SQLModel (which costs ~0.5 s at start-up). Value types
are NamedTuples rather than dataclasses: `dataclasses` pulls in `inspect` and
costs a quick command ~9 ms of its ~80 ms budget.
"""

from __future__ import annotations

from datetime import date
from enum import StrEnum
from typing import NamedTuple

from loopbaan.i18n import N_


class Kind(StrEnum):
    ACTIVITY = "activity"
    APPOINTMENT = "appointment"
    TASK = "task"


class Rating(StrEnum):
    PLUS = "plus"
    MINUS = "minus"
    NEUTRAL = "neutral"


class Status(StrEnum):
    OPEN = "open"
    DONE = "done"
    DROPPED = "dropped"


class Reason(StrEnum):
    """Why a task was postponed; the order is the order of the 1–8 shortcuts."""

    UNCLEAR = "unclear"
    TOO_BIG = "too_big"
    NO_TIME = "no_time"
    WAITING = "waiting"
    DISLIKE = "dislike"
    UNSURE = "unsure"
    SKILLS = "skills"
    OTHER = "other"


REASON_TEXT: dict[Reason, tuple[str, str]] = {
    Reason.UNCLEAR: (N_("not clear what to do"), N_("write down the first concrete step")),
    Reason.TOO_BIG: (N_("too big to start"), N_("split it into milestones")),
    Reason.NO_TIME: (N_("other things came first"), N_("schedule it, or drop it honestly")),
    Reason.WAITING: (N_("waiting for someone or something"), N_("ask, or negotiate")),
    Reason.DISLIKE: (
        N_("no energy or motivation for it"),
        N_("a career signal: is this work you want?"),
    ),
    Reason.UNSURE: (N_("doubt, fear of failing, perfectionism"), N_("ask for feedback early")),
    Reason.SKILLS: (N_("missing knowledge or means"), N_("name what you need; put it on a goal")),
    Reason.OTHER: (N_("anything else"), ""),
}


class GoalStatus(StrEnum):
    ACTIVE = "active"
    PAUSED = "paused"
    ACHIEVED = "achieved"
    DROPPED = "dropped"


class Direction(StrEnum):
    UPWARD = "upward"
    BROADEN = "broaden"
    DEEPEN = "deepen"
    PROJECT = "project"
    SIDEWAYS = "sideways"
    DOWNSHIFT = "downshift"
    OUTWARD = "outward"


DIRECTION_TEXT: dict[Direction, str] = {
    Direction.UPWARD: N_("more responsibility, a higher role"),
    Direction.BROADEN: N_("new tasks or domains beside the current ones"),
    Direction.DEEPEN: N_("more expertise in the current field"),
    Direction.PROJECT: N_("a temporary assignment or project"),
    Direction.SIDEWAYS: N_("another role at a similar level"),
    Direction.DOWNSHIFT: N_("less work, less weight, or a step back by choice"),
    Direction.OUTWARD: N_("leave: another employer, or independent work"),
}


class Role(StrEnum):
    MANAGER = "manager"
    COLLEAGUE = "colleague"
    MENTOR = "mentor"
    COACH = "coach"
    NETWORK = "network"
    OTHER = "other"


class TalkKind(StrEnum):
    CAREER = "career"
    FEEDBACK = "feedback"
    NEGOTIATION = "negotiation"
    NETWORK = "network"


# A negotiation's preparation (Conversation columns since schema 0002), in the order the
# form walks through them: what I want, why it matters to them, my alternative if we
# don't agree, what I can offer, my limit. Labels: labels.NEGOTIATION_LABEL.
NEGOTIATION_FIELDS = ("want", "their_interest", "alternative", "offer", "walk_away")

DEFAULT_ATTITUDES: dict[str, tuple[str, str]] = {
    "concern": (N_("Concern"), N_("Am I looking ahead and planning my next steps?")),
    "control": (N_("Control"), N_("Do I take decisions about my work myself, and own them?")),
    "curiosity": (N_("Curiosity"), N_("Am I exploring options, people and myself?")),
    "confidence": (N_("Confidence"), N_("Do I trust that I can solve what comes on the way?")),
}


class Item(NamedTuple):
    """One thing on a day, as the journal shows it."""

    id: int
    uid: str
    kind: Kind
    title: str
    day: date
    rating: Rating | None
    note: str
    status: Status
    done_on: date | None
    goal_id: int | None
    conversation_id: int | None
    tags: tuple[str, ...] = ()
    postponed: int = 0

    @property
    def is_task(self) -> bool:
        return self.kind is Kind.TASK


class Postponement(NamedTuple):
    id: int
    uid: str
    item_id: int
    from_day: date
    to_day: date
    reason: Reason
    note: str


class Captured(NamedTuple):
    """What a typed line means: `!+ Finish the deck #slides` is a task, rated plus."""

    kind: Kind | None
    rating: Rating | None
    title: str


_KIND_MARKERS = {"!": Kind.TASK, "@": Kind.APPOINTMENT}
_RATING_MARKERS = {"+": Rating.PLUS, "-": Rating.MINUS, "−": Rating.MINUS, "0": Rating.NEUTRAL}


def parse_markers(text: str) -> Captured:
    """Read the leading markers of a title, in any order: `!` task, `@` appointment,
    and `+ `, `- `, `0 ` a rating.

    A rating mark counts only when a space or another marker follows it, so that
    `+1 for Sam` and `0800 standup` stay titles. Each kind of marker is read once;
    a second one is part of the title. The kind and rating are None when not marked.
    """
    kind: Kind | None = None
    rating: Rating | None = None
    rest = text.strip()
    while rest:
        mark, after = rest[0], rest[1:]
        if kind is None and mark in _KIND_MARKERS:
            kind = _KIND_MARKERS[mark]
        elif (
            rating is None
            and mark in _RATING_MARKERS
            and (not after or after[0].isspace() or after[0] in _KIND_MARKERS)
        ):
            rating = _RATING_MARKERS[mark]
        else:
            break
        rest = after.lstrip()
    return Captured(kind, rating, rest)
