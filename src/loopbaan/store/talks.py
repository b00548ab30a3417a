"""Career conversations, their follow-ups, and the feedback asked and received.

API (every function takes the journal's `sqlite3.Connection` first; the caller runs
writes in a `transaction` or an `UndoLog.change`, and passes that change as `change=`
to make the write undoable — the function then tracks exactly the rows it touches):

    add_conversation(conn, with_whom, *, day, role, kind, prepared, change) -> Conversation
    get_conversation(conn, id) -> Conversation                 (NotFound)
    edit_conversation(conn, id, *, day, role, kind, change, **texts) -> Conversation
        texts: prepared, summary, outcome, want, their_interest, alternative, offer,
        walk_away (TEXT_FIELDS), and with_whom
    delete_conversation(conn, id, *, change)   its follow-ups stay, unlinked (undo relinks)
    list_conversations(conn, *, limit, offset, kinds, since, until) -> list[Conversation]
        newest first, each with its open and total follow-ups; count_conversations(...)
    add_follow_up(conn, conversation_id, title, day, *, change) -> Item   (an open task)
    follow_ups(conn, conversation_id, *, limit) -> list[Item]   open first, then by day
    last_career_talk(conn, today) -> date | None;  days_since_career_talk(conn, today)
    first_entry_day(conn) -> date | None                 the journal's first item day
    talk_reminder(conn, today, weeks) -> TalkNudge       (insight.talks.talk_nudge)
    add_feedback_ask(conn, whom, about, day, *, goal_id, conversation_id, change) -> Item
    feedback_balance(conn, since, until) -> FeedbackBalance(asked, received)

A feedback *ask* is any task carrying the tag `#feedback` (FEEDBACK_TAG) that was not
dropped: `add_feedback_ask` writes it into the title, and a task typed by hand with
the tag counts too. A tag, not a wording: it survives translation, editing the
title, export and import. Feedback *received* is a conversation of kind `feedback`.

Follow-ups are ordinary tasks with `conversation_id` set: Today shows them on their
day, and they are ticked and postponed like any task (store.items).
"""

from __future__ import annotations

import sqlite3
from datetime import date
from typing import TYPE_CHECKING, NamedTuple

from loopbaan.days import utc_now
from loopbaan.domain import NEGOTIATION_FIELDS, Item, Kind, Role, TalkKind
from loopbaan.i18n import _
from loopbaan.insight.talks import TalkNudge, talk_nudge
from loopbaan.store.errors import NotFound, StoreError
from loopbaan.store.items import _ITEM_SELECT, add_item, item_from_row, new_uid

if TYPE_CHECKING:
    from loopbaan.store.undo import Change

TEXT_FIELDS = ("prepared", "summary", "outcome", *NEGOTIATION_FIELDS)
FEEDBACK_TAG = "feedback"
MAX_LIST = 500  # a screen asks for what it shows; nobody reads more talks at once


class Conversation(NamedTuple):
    """A conversation as the Talks screen and the brief show it."""

    id: int
    uid: str
    day: date
    with_whom: str
    role: Role
    kind: TalkKind
    prepared: str  # what I want from it: my ask
    summary: str
    outcome: str
    want: str  # a negotiation's preparation (NEGOTIATION_FIELDS); "" for other kinds
    their_interest: str
    alternative: str
    offer: str
    walk_away: str
    open_follow_ups: int = 0
    follow_ups: int = 0

    @property
    def is_negotiation(self) -> bool:
        return self.kind is TalkKind.NEGOTIATION

    @property
    def is_career(self) -> bool:
        return self.kind is TalkKind.CAREER


class FeedbackBalance(NamedTuple):
    asked: int  # tasks tagged #feedback in the period, not dropped
    received: int  # conversations of kind feedback in the period


_SELECT = """
SELECT c.*,
       (SELECT count(*) FROM item i WHERE i.conversation_id = c.id AND i.status = 'open')
           AS open_follow_ups,
       (SELECT count(*) FROM item i WHERE i.conversation_id = c.id) AS follow_ups
FROM conversation c
"""


def _conversation(row: sqlite3.Row) -> Conversation:
    return Conversation(
        id=row["id"],
        uid=row["uid"],
        day=date.fromisoformat(row["day"]),
        with_whom=row["with_whom"],
        role=Role(row["role"]),
        kind=TalkKind(row["kind"]),
        prepared=row["prepared"],
        summary=row["summary"],
        outcome=row["outcome"],
        want=row["want"],
        their_interest=row["their_interest"],
        alternative=row["alternative"],
        offer=row["offer"],
        walk_away=row["walk_away"],
        open_follow_ups=row["open_follow_ups"],
        follow_ups=row["follow_ups"],
    )


def _not_found(conversation_id: int) -> NotFound:
    return NotFound(_("no conversation with id {id}").format(id=conversation_id))


def clean_name(name: str) -> str:
    """Whom a talk was with, as stored: one line, single spaces; a StoreError if empty."""
    cleaned = " ".join(name.split())
    if not cleaned:
        raise StoreError(_("whom the conversation is with is empty"))
    if "\x00" in cleaned:
        raise StoreError(_("a name cannot hold the character NUL (\\x00)"))
    return cleaned


def add_conversation(
    conn: sqlite3.Connection,
    with_whom: str,
    *,
    day: date,
    role: Role = Role.MANAGER,
    kind: TalkKind = TalkKind.CAREER,
    prepared: str = "",
    change: Change | None = None,
) -> Conversation:
    """A new conversation on a day; the rest (summary, outcome, a negotiation's
    preparation) is edited afterwards."""
    cursor = conn.execute(
        "INSERT INTO conversation (uid, day, with_whom, role, kind, prepared, summary, outcome,"
        " created_at) VALUES (?, ?, ?, ?, ?, ?, '', '', ?)",
        (
            new_uid(),
            day.isoformat(),
            clean_name(with_whom),
            Role(role).value,
            TalkKind(kind).value,
            prepared.strip(),
            utc_now(),
        ),
    )
    conversation_id = cursor.lastrowid
    assert conversation_id is not None
    if change is not None:
        change.created("conversation", conversation_id)
    return get_conversation(conn, conversation_id)


def get_conversation(conn: sqlite3.Connection, conversation_id: int) -> Conversation:
    row = conn.execute(_SELECT + " WHERE c.id = ?", (conversation_id,)).fetchone()
    if row is None:
        raise _not_found(conversation_id)
    return _conversation(row)


def edit_conversation(
    conn: sqlite3.Connection,
    conversation_id: int,
    *,
    day: date | None = None,
    role: Role | None = None,
    kind: TalkKind | None = None,
    change: Change | None = None,
    **texts: str,
) -> Conversation:
    """Change any field by name; texts are stripped (`with_whom` kept to one line).

    Changing the kind away from `negotiation` keeps the preparation: change it back
    and it is there again.
    """
    unknown = set(texts) - {*TEXT_FIELDS, "with_whom"}
    if unknown:
        raise StoreError(
            _("unknown conversation fields: {names}").format(names=", ".join(sorted(unknown)))
        )
    sets: list[str] = []
    params: list[object] = []
    for name, value in texts.items():
        sets.append(f"{name} = ?")
        params.append(clean_name(value) if name == "with_whom" else value.strip())
    if day is not None:
        sets.append("day = ?")
        params.append(day.isoformat())
    if role is not None:
        sets.append("role = ?")
        params.append(Role(role).value)
    if kind is not None:
        sets.append("kind = ?")
        params.append(TalkKind(kind).value)
    if change is not None:
        change.track("conversation", conversation_id)
    if sets:
        cursor = conn.execute(
            f"UPDATE conversation SET {', '.join(sets)} WHERE id = ?", (*params, conversation_id)
        )
        if cursor.rowcount == 0:
            raise _not_found(conversation_id)
    return get_conversation(conn, conversation_id)


def delete_conversation(
    conn: sqlite3.Connection, conversation_id: int, *, change: Change | None = None
) -> None:
    """Delete a conversation; its follow-up tasks stay on their days, unlinked.

    With `change`, the follow-ups are tracked too, so undo links them again.
    """
    if change is not None:
        change.track("conversation", conversation_id)
        for (item_id,) in conn.execute(
            "SELECT id FROM item WHERE conversation_id = ? ORDER BY id", (conversation_id,)
        ).fetchall():
            change.track("item", item_id)
    if conn.execute("DELETE FROM conversation WHERE id = ?", (conversation_id,)).rowcount == 0:
        raise _not_found(conversation_id)


def _where(
    kinds: tuple[TalkKind, ...] | None, since: date | None, until: date | None
) -> tuple[str, list[object]]:
    clauses: list[str] = []
    params: list[object] = []
    if kinds:
        clauses.append(f"c.kind IN ({', '.join('?' * len(kinds))})")
        params.extend(TalkKind(k).value for k in kinds)
    if since is not None:
        clauses.append("c.day >= ?")
        params.append(since.isoformat())
    if until is not None:
        clauses.append("c.day <= ?")
        params.append(until.isoformat())
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), params


def list_conversations(
    conn: sqlite3.Connection,
    *,
    limit: int = 50,
    offset: int = 0,
    kinds: tuple[TalkKind, ...] | None = None,
    since: date | None = None,
    until: date | None = None,
) -> list[Conversation]:
    """Conversations newest first (by day, then the latest made), a page of `limit` from
    `offset`, with their follow-up counts: a screen loads only the rows it shows."""
    where, params = _where(kinds, since, until)
    rows = conn.execute(
        _SELECT + where + " ORDER BY c.day DESC, c.id DESC LIMIT ? OFFSET ?",
        (*params, max(0, min(limit, MAX_LIST)), max(0, offset)),
    )
    return [_conversation(row) for row in rows]


def count_conversations(
    conn: sqlite3.Connection,
    *,
    kinds: tuple[TalkKind, ...] | None = None,
    since: date | None = None,
    until: date | None = None,
) -> int:
    """How many conversations `list_conversations` pages through with the same filters."""
    where, params = _where(kinds, since, until)
    return int(conn.execute("SELECT count(*) FROM conversation c" + where, params).fetchone()[0])


def add_follow_up(
    conn: sqlite3.Connection,
    conversation_id: int,
    title: str,
    day: date,
    *,
    change: Change | None = None,
) -> Item:
    """An open task on `day`, linked to the conversation (`#tags` in the title count)."""
    if not conn.execute("SELECT 1 FROM conversation WHERE id = ?", (conversation_id,)).fetchone():
        raise _not_found(conversation_id)
    item = add_item(conn, title, day=day, kind=Kind.TASK, conversation_id=conversation_id)
    if change is not None:
        change.created("item", item.id)
    return item


def follow_ups(conn: sqlite3.Connection, conversation_id: int, *, limit: int = 100) -> list[Item]:
    """The conversation's follow-up tasks: open ones first, each group by day."""
    rows = conn.execute(
        _ITEM_SELECT + " WHERE i.conversation_id = ?"
        " ORDER BY i.status <> 'open', i.day, i.id LIMIT ?",
        (conversation_id, max(0, min(limit, MAX_LIST))),
    )
    return [item_from_row(row) for row in rows]


def last_career_talk(conn: sqlite3.Connection, today: date) -> date | None:
    """The day of the latest *career* conversation up to today (a planned one does not
    count yet); other kinds of talk do not reset the count."""
    (day,) = conn.execute(
        "SELECT max(day) FROM conversation WHERE kind = 'career' AND day <= ?",
        (today.isoformat(),),
    ).fetchone()
    return date.fromisoformat(day) if day else None


def days_since_career_talk(conn: sqlite3.Connection, today: date) -> int | None:
    """Days since the last career conversation; None when there was none yet."""
    last = last_career_talk(conn, today)
    return None if last is None else (today - last).days


def first_entry_day(conn: sqlite3.Connection) -> date | None:
    """The first day in the journal: its earliest item, review or conversation (indexed)."""
    (day,) = conn.execute(
        "SELECT min(d) FROM (SELECT min(day) AS d FROM item"
        " UNION ALL SELECT min(day) FROM day_review"
        " UNION ALL SELECT min(day) FROM conversation)"
    ).fetchone()
    return date.fromisoformat(day) if day else None


def talk_reminder(conn: sqlite3.Connection, today: date, weeks: int) -> TalkNudge:
    """Days since the last career talk and whether to nudge, for the Talks header,
    Today and `loopbaan status` alike (`weeks`: Settings.talk_reminder_weeks)."""
    return talk_nudge(last_career_talk(conn, today), first_entry_day(conn), today, weeks)


def add_feedback_ask(
    conn: sqlite3.Connection,
    whom: str,
    about: str,
    day: date,
    *,
    goal_id: int | None = None,
    conversation_id: int | None = None,
    change: Change | None = None,
) -> Item:
    """A task to ask `whom` for feedback on `about`, tagged `#feedback` (see the module
    docstring), optionally on a goal or a conversation."""
    whom, about = clean_name(whom), " ".join(about.split())
    if about:
        title = _("Ask {whom} for feedback on {about}").format(whom=whom, about=about)
    else:
        title = _("Ask {whom} for feedback").format(whom=whom)
    if (
        conversation_id is not None
        and not conn.execute(
            "SELECT 1 FROM conversation WHERE id = ?", (conversation_id,)
        ).fetchone()
    ):
        raise _not_found(conversation_id)
    item = add_item(
        conn,
        f"{title} #{FEEDBACK_TAG}",
        day=day,
        kind=Kind.TASK,
        goal_id=goal_id,
        conversation_id=conversation_id,
    )
    if change is not None:
        change.created("item", item.id)
    return item


def feedback_balance(conn: sqlite3.Connection, since: date, until: date) -> FeedbackBalance:
    """Feedback asked (tasks tagged #feedback on a day of the period, not dropped) against
    received (conversations of kind feedback in the period)."""
    span = (since.isoformat(), until.isoformat())
    (asked,) = conn.execute(
        "SELECT count(*) FROM item i JOIN item_tag it ON it.item_id = i.id"
        " JOIN tag t ON t.id = it.tag_id"
        " WHERE t.name = ? AND i.kind = 'task' AND i.status <> 'dropped'"
        " AND i.day BETWEEN ? AND ?",
        (FEEDBACK_TAG, *span),
    ).fetchone()
    (received,) = conn.execute(
        "SELECT count(*) FROM conversation WHERE kind = 'feedback' AND day BETWEEN ? AND ?", span
    ).fetchone()
    return FeedbackBalance(asked, received)
