"""The journal as a readable Markdown document: days, weeks, goals, talks."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterator
from datetime import date

from loopbaan.days import utc_now
from loopbaan.domain import (
    REASON_TEXT,
    Kind,
    Reason,
)
from loopbaan.i18n import _, weekday_name
from loopbaan.labels import NEGOTIATION_LABEL, RATING_MARK, TASK_MARK
from loopbaan.markdown_text import escape as _md
from loopbaan.markdown_text import one_line as _line
from loopbaan.store.items import parse_tags
from loopbaan.store.transfer import (
    _TAGS_OF_ITEM,
    TAG_SEPARATOR,
    TextSink,
    iso_time,
    snapshot,
)

# ---------------------------------------------------------------------- markdown


def _fields(labelled: list[tuple[str, object]]) -> list[str]:
    """`**Label:** text` paragraphs for the fields that hold something, shown as typed."""
    return [
        f"**{label}:** {_md(str(value))}\n" for label, value in labelled if value not in ("", None)
    ]


def _item_line(row: tuple) -> str:
    _id, kind, title, rating, note, status, tags = row
    parts = ["-", RATING_MARK.get(rating, "·")]
    if kind == Kind.TASK:
        parts.append(TASK_MARK.get(status, "[ ]"))
    parts.append(_line(title))
    if tags:  # the ones the title does not show already
        shown = set(parse_tags(title))
        parts += [f"#{_md(t)}" for t in sorted(tags.split(TAG_SEPARATOR)) if t not in shown]
    if note:
        parts.append(f"— {_line(note)}")
    return " ".join(parts)


def _days_markdown(conn: sqlite3.Connection) -> Iterator[str]:
    items: dict[str, list[str]] = defaultdict(list)
    for row in conn.execute(
        f"SELECT i.day, i.id, i.kind, i.title, i.rating, i.note, i.status, {_TAGS_OF_ITEM}"
        " FROM item i ORDER BY i.day, CASE i.kind WHEN 'appointment' THEN 0"
        " WHEN 'activity' THEN 1 ELSE 2 END, i.id"
    ):
        items[row[0]].append(_item_line(tuple(row)[1:]))
    moves: dict[str, list[str]] = defaultdict(list)
    for from_day, to_day, reason, note, title in conn.execute(
        "SELECT p.from_day, p.to_day, p.reason, p.note, i.title FROM postponement p"
        " JOIN item i ON i.id = p.item_id ORDER BY p.from_day, p.id"
    ):
        why = _(REASON_TEXT[Reason(reason)][0])
        line = f"- {_line(title)} → {to_day} ({why})"
        moves[from_day].append(line + (f": {_line(note)}" if note else ""))
    reviews = {
        row["day"]: row
        for row in conn.execute(
            "SELECT day, energy, liked, disliked, postponed_why, learned FROM day_review"
        )
    }
    for day in sorted(items.keys() | moves.keys() | reviews.keys()):
        weekday = weekday_name(date.fromisoformat(day).weekday())
        yield f"### {weekday} {day}\n\n"
        if items[day]:
            yield "\n".join(items[day]) + "\n\n"
        if moves[day]:
            yield _("Postponed") + ":\n\n" + "\n".join(moves[day]) + "\n\n"
        review = reviews.get(day)
        if review is not None:
            energy = f"{review['energy']}/5" if review["energy"] is not None else None
            labelled = [
                (_("Energy"), energy),
                (_("Liked"), review["liked"]),
                (_("Disliked"), review["disliked"]),
                (_("Why I postponed"), review["postponed_why"]),
                (_("Learned"), review["learned"]),
            ]
            yield from (line + "\n" for line in _fields(labelled))


def _weeks_markdown(conn: sqlite3.Connection) -> Iterator[str]:
    for row in conn.execute("SELECT * FROM week_review ORDER BY year, week"):
        yield "### " + _("{year} week {week}").format(year=row["year"], week=row["week"]) + "\n\n"
        labelled = [
            (_("More of"), row["more_of"]),
            (_("Less of"), row["less_of"]),
            (_("Next step"), row["next_step"]),
            (_("Ask feedback from"), row["ask_feedback_from"]),
        ]
        yield from (line + "\n" for line in _fields(labelled))


def _goals_markdown(conn: sqlite3.Connection) -> Iterator[str]:
    milestones: dict[int, list[sqlite3.Row]] = defaultdict(list)
    for row in conn.execute("SELECT * FROM milestone ORDER BY goal_id, position, id"):
        milestones[row["goal_id"]].append(row)
    for goal in conn.execute("SELECT * FROM goal ORDER BY position, id"):
        yield f"### {_line(goal['title'], heading=True)}\n\n"
        facts = [_(goal["status"])]
        if goal["direction"]:
            facts.append(_(goal["direction"]))
        if goal["target_day"]:
            facts.append(_("target {day}").format(day=goal["target_day"]))
        yield f"*{' · '.join(facts)}*\n\n"
        labelled = [
            (_("Beacon"), goal["beacon"]),
            (_("Goal"), goal["statement"]),
            (_("First step"), goal["first_step"]),
            (_("Needs"), goal["needs"]),
            (_("Supporters"), goal["supporters"]),
        ]
        yield from (line + "\n" for line in _fields(labelled))
        steps = milestones[goal["id"]]
        if steps:
            done = sum(1 for m in steps if m["done_on"])
            yield _("Milestones") + f" ({done}/{len(steps)}):\n\n"
            for m in steps:
                dates = [_("due {day}").format(day=m["due_day"])] if m["due_day"] else []
                dates += [_("done {day}").format(day=m["done_on"])] if m["done_on"] else []
                when = f" ({', '.join(dates)})" if dates else ""
                yield f"- {'[x]' if m['done_on'] else '[ ]'} {_line(m['title'])}{when}\n"
            yield "\n"


def _talks_markdown(conn: sqlite3.Connection) -> Iterator[str]:
    for talk in conn.execute("SELECT * FROM conversation ORDER BY day, id"):
        who = _line(talk["with_whom"], heading=True) or "—"
        role, kind = (_line(_(talk[name]), heading=True) for name in ("role", "kind"))
        yield f"### {talk['day']} · {who} ({role}, {kind})\n\n"
        labelled = [
            (_("Prepared"), talk["prepared"]),
            (_("Summary"), talk["summary"]),
            (_("Outcome"), talk["outcome"]),
        ]
        if talk["kind"] == "negotiation":
            labelled[1:1] = [
                (_(NEGOTIATION_LABEL[name][0]), talk[name]) for name in NEGOTIATION_LABEL
            ]
        yield from (line + "\n" for line in _fields(labelled))


def _checks_markdown(conn: sqlite3.Connection) -> Iterator[str]:
    for check in conn.execute("SELECT * FROM attitude_check ORDER BY day, id"):
        note = f" — {_line(check['note'])}" if check["note"] else ""
        yield f"- {check['day']} · {_line(check['attitude'])} {check['score']}/5{note}\n"


def write_markdown(conn: sqlite3.Connection, stream: TextSink) -> None:
    """The journal to read: days with their items, moves and review; then weeks, goals, talks."""
    parts: list[tuple[str, Callable[[sqlite3.Connection], Iterator[str]]]] = [
        (_("Days"), _days_markdown),
        (_("Weeks"), _weeks_markdown),
        (_("Goals"), _goals_markdown),
        (_("Conversations"), _talks_markdown),
        (_("Attitude checks"), _checks_markdown),
    ]
    with snapshot(conn):
        stream.write("# " + _("Career journal") + "\n\n")
        stream.write(_("Exported {time}").format(time=iso_time(utc_now())) + "\n")
        for heading, chunks in parts:
            first = True
            for chunk in chunks(conn):
                if first:
                    stream.write(f"\n## {heading}\n\n")
                    first = False
                stream.write(chunk)
