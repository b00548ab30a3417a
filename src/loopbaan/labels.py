"""How the vocabulary of `domain` is shown: marks, and labels for reasons, statuses,
kinds and directions, for the screens, the command line and the Markdown export alike.

Labels are marked for translation (`N_`) and translated where they are shown
(`_(REASON_LABEL[reason])`), so that a change of language needs no new import.
Imports nothing but the vocabulary: the quick commands import this module too.
"""

from __future__ import annotations

from loopbaan.domain import Direction, GoalStatus, Kind, Rating, Reason, Role, Status, TalkKind
from loopbaan.i18n import N_

# The kind marks are the prefixes that make the kind when adding (`!task`, `@talk`).
KIND_MARK: dict[Kind, str] = {Kind.ACTIVITY: "•", Kind.APPOINTMENT: "@", Kind.TASK: "!"}
RATING_MARK: dict[Rating | None, str] = {
    Rating.PLUS: "+",
    Rating.MINUS: "−",
    Rating.NEUTRAL: "0",
    None: "·",
}
# The command line's minus is ASCII, so that its output is easy to grep and to type.
RATING_MARK_ASCII: dict[Rating | None, str] = {**RATING_MARK, Rating.MINUS: "-"}
TASK_MARK: dict[Status, str] = {Status.OPEN: "[ ]", Status.DONE: "[x]", Status.DROPPED: "[-]"}

KIND_LABEL: dict[Kind, str] = {
    Kind.ACTIVITY: N_("activity"),
    Kind.APPOINTMENT: N_("appointment"),
    Kind.TASK: N_("task"),
}
STATUS_LABEL: dict[Status, str] = {
    Status.OPEN: N_("open"),
    Status.DONE: N_("done"),
    Status.DROPPED: N_("dropped"),
}
REASON_LABEL: dict[Reason, str] = {
    Reason.UNCLEAR: N_("unclear"),
    Reason.TOO_BIG: N_("too big"),
    Reason.NO_TIME: N_("no time"),
    Reason.WAITING: N_("waiting"),
    Reason.DISLIKE: N_("dislike"),
    Reason.UNSURE: N_("unsure"),
    Reason.SKILLS: N_("skills"),
    Reason.OTHER: N_("other"),
}
GOAL_STATUS_LABEL: dict[GoalStatus, str] = {
    GoalStatus.ACTIVE: N_("active"),
    GoalStatus.PAUSED: N_("paused"),
    GoalStatus.ACHIEVED: N_("achieved"),
    GoalStatus.DROPPED: N_("dropped"),
}
DIRECTION_LABEL: dict[Direction, str] = {
    Direction.UPWARD: N_("upward"),
    Direction.BROADEN: N_("broaden"),
    Direction.DEEPEN: N_("deepen"),
    Direction.PROJECT: N_("project"),
    Direction.SIDEWAYS: N_("sideways"),
    Direction.DOWNSHIFT: N_("downshift"),
    Direction.OUTWARD: N_("outward"),
}
ROLE_LABEL: dict[Role, str] = {
    Role.MANAGER: N_("manager"),
    Role.COLLEAGUE: N_("colleague"),
    Role.MENTOR: N_("mentor"),
    Role.COACH: N_("coach"),
    Role.NETWORK: N_("network"),
    Role.OTHER: N_("other"),
}
TALK_KIND_LABEL: dict[TalkKind, str] = {
    TalkKind.CAREER: N_("career"),
    TalkKind.FEEDBACK: N_("feedback"),
    TalkKind.NEGOTIATION: N_("negotiation"),
    TalkKind.NETWORK: N_("network"),
}
# A negotiation's preparation, in the order the form walks through it and the brief
# prints it: field of `store.talks.Conversation` -> (label, the question it answers).
NEGOTIATION_LABEL: dict[str, tuple[str, str]] = {
    "want": (N_("What I want"), N_("What exactly do I want to agree on? Concrete.")),
    "their_interest": (
        N_("Why it matters to them"),
        N_("What does the other side gain by agreeing?"),
    ),
    "alternative": (N_("My alternative"), N_("What do I do if we don't agree?")),
    "offer": (N_("What I can offer"), N_("What can I give in return?")),
    "walk_away": (N_("My limit"), N_("Below what do I not agree?")),
}
# The months by name, for days written out (`23 November 2026`) on screens and in the brief.
MONTHS = (
    N_("January"),
    N_("February"),
    N_("March"),
    N_("April"),
    N_("May"),
    N_("June"),
    N_("July"),
    N_("August"),
    N_("September"),
    N_("October"),
    N_("November"),
    N_("December"),
)
