"""The journal's tables, as SQLModel classes: the schema's one source of truth.

Alembic's revisions are checked against this metadata by the test suite. The
running app reaches the same tables through `loopbaan.store` with the standard
library's sqlite3 (see docs/decisions/0001-quick-data-layer.md), so enum columns
are plain text guarded by CHECK constraints rather than SQLAlchemy Enums.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from enum import Enum

from sqlalchemy import CheckConstraint, Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from loopbaan.domain import Direction, GoalStatus, Kind, Rating, Reason, Role, Status, TalkKind

NAMING = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
SQLModel.metadata.naming_convention = NAMING


def _one_of(column: str, values: type[Enum], nullable: bool = False) -> CheckConstraint:
    listed = ", ".join(f"'{v.value}'" for v in values)
    condition = f"{column} IN ({listed})"
    if nullable:
        condition = f"{column} IS NULL OR {condition}"
    return CheckConstraint(condition, name=column)


def new_uid() -> str:
    return str(uuid.uuid4())


class Goal(SQLModel, table=True):
    __tablename__ = "goal"
    __table_args__ = (
        _one_of("status", GoalStatus),
        _one_of("direction", Direction, nullable=True),
        Index(None, "status", "position"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    title: str
    beacon: str = ""
    statement: str = ""
    direction: str | None = None
    first_step: str = ""
    needs: str = ""
    supporters: str = ""
    status: str = GoalStatus.ACTIVE.value
    target_day: date | None = None
    position: int = 0
    created_at: datetime
    updated_at: datetime


class Milestone(SQLModel, table=True):
    __tablename__ = "milestone"
    __table_args__ = (Index(None, "goal_id", "position"),)

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    goal_id: int = Field(foreign_key="goal.id", ondelete="CASCADE")
    title: str
    due_day: date | None = None
    done_on: date | None = None
    position: int = 0


class Conversation(SQLModel, table=True):
    __tablename__ = "conversation"
    __table_args__ = (
        _one_of("role", Role),
        _one_of("kind", TalkKind),
        Index(None, "day"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    day: date
    with_whom: str = ""
    role: str = Role.MANAGER.value
    kind: str = TalkKind.CAREER.value
    prepared: str = ""
    summary: str = ""
    outcome: str = ""
    created_at: datetime
    # A negotiation's preparation (revision 0002); empty for the other kinds.
    want: str = Field(default="", sa_column_kwargs={"server_default": ""})
    their_interest: str = Field(default="", sa_column_kwargs={"server_default": ""})
    alternative: str = Field(default="", sa_column_kwargs={"server_default": ""})
    offer: str = Field(default="", sa_column_kwargs={"server_default": ""})
    walk_away: str = Field(default="", sa_column_kwargs={"server_default": ""})


class Item(SQLModel, table=True):
    __tablename__ = "item"
    __table_args__ = (
        _one_of("kind", Kind),
        _one_of("rating", Rating, nullable=True),
        _one_of("status", Status),
        CheckConstraint("length(trim(title)) > 0", name="title"),
        Index(None, "day", "kind"),
        Index(None, "kind", "status", "day"),
        Index(None, "done_on"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    kind: str = Kind.ACTIVITY.value
    title: str
    day: date
    rating: str | None = None
    note: str = ""
    status: str = Status.DONE.value
    done_on: date | None = None
    goal_id: int | None = Field(
        default=None, foreign_key="goal.id", ondelete="SET NULL", index=True
    )
    conversation_id: int | None = Field(
        default=None, foreign_key="conversation.id", ondelete="SET NULL", index=True
    )
    created_at: datetime
    updated_at: datetime


class Tag(SQLModel, table=True):
    __tablename__ = "tag"

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    name: str = Field(unique=True)


class ItemTag(SQLModel, table=True):
    """Which tags an item carries; identified by its two ends, so it has no uid."""

    __tablename__ = "item_tag"
    __table_args__ = (Index(None, "tag_id", "item_id"),)

    item_id: int = Field(foreign_key="item.id", ondelete="CASCADE", primary_key=True)
    tag_id: int = Field(foreign_key="tag.id", ondelete="CASCADE", primary_key=True)


class Postponement(SQLModel, table=True):
    __tablename__ = "postponement"
    __table_args__ = (
        _one_of("reason", Reason),
        CheckConstraint("to_day > from_day", name="later"),
        Index(None, "item_id", "from_day"),
        Index(None, "from_day"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    item_id: int = Field(foreign_key="item.id", ondelete="CASCADE")
    from_day: date
    to_day: date
    reason: str
    note: str = ""
    created_at: datetime


class DayReview(SQLModel, table=True):
    __tablename__ = "day_review"
    __table_args__ = (CheckConstraint("energy IS NULL OR energy BETWEEN 1 AND 5", name="energy"),)

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    day: date = Field(unique=True)
    energy: int | None = None
    liked: str = ""
    disliked: str = ""
    postponed_why: str = ""
    learned: str = ""
    finished_at: datetime | None = Field(default=None, index=True)


class WeekReview(SQLModel, table=True):
    __tablename__ = "week_review"
    __table_args__ = (
        UniqueConstraint("year", "week"),
        CheckConstraint("week BETWEEN 1 AND 53", name="week"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    year: int
    week: int
    more_of: str = ""
    less_of: str = ""
    next_step: str = ""
    ask_feedback_from: str = ""
    finished_at: datetime | None = None


class AttitudeCheck(SQLModel, table=True):
    __tablename__ = "attitude_check"
    __table_args__ = (
        CheckConstraint("score BETWEEN 1 AND 5", name="score"),
        Index(None, "attitude", "day"),
        Index(None, "day"),
    )

    id: int | None = Field(default=None, primary_key=True)
    uid: str = Field(default_factory=new_uid, unique=True)
    day: date
    attitude: str
    score: int
    note: str = ""
