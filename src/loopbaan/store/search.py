"""Full-text search over the journal: the FTS5 table `search` of revision 0003.

The index holds the text of items, day and week reviews, goals, milestones and
conversations; triggers keep it in step (see the revision). Its rowid starts
with the day, so newest first is the index's own order (decision 0015).

What the user types is tried as an FTS5 query first (`presen*`, `"first step"`,
`title:deck`, `a OR b`); what FTS5 cannot parse is searched again as plain
words, each quoted, and gives hits or none, never an error. Diacritics fold in
the tokenizer: `cafe` finds `café`.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date

from loopbaan.domain import Kind

# What a hit is: the kinds of the index (the `kind` column).
KINDS = ("item", "day", "week", "goal", "milestone", "talk")
DEFAULT_LIMIT = 50

# The marks around a match, from FTS5's highlight() and snippet(): characters of
# Unicode's private use area. A row whose text holds one of them itself is shown
# without marks, so text can never fake or break one.
_OPEN, _CLOSE = "\ue000", "\ue001"
_MARKS = re.compile(f"([{_OPEN}{_CLOSE}])")
_LINE_ENDS = re.compile(r"\s*\n[\s\n]*")
SNIPPET_WORDS = 14

Marked = tuple[tuple[str, bool], ...]  # the text in parts, each matched or not


@dataclass(frozen=True)
class Hit:
    """One record that matches: which, its day, and its text with the matches marked."""

    kind: str  # one of KINDS
    ref: int  # its id in its own table (item, day_review, goal, conversation, …)
    day: date | None
    title: Marked  # an item's or goal's title, whom a talk was with; () for reviews
    snippet: Marked  # the words around the match in the rest (one line)
    item_kind: Kind | None = None  # for an item
    goal_id: int | None = None  # for a milestone: its goal

    @property
    def title_text(self) -> str:
        return "".join(part for part, _ in self.title)

    @property
    def snippet_text(self) -> str:
        return "".join(part for part, _ in self.snippet)


def plain_query(text: str) -> str:
    """`text` as plain words for FTS5: each word a quoted string, nothing an operator."""
    return " ".join('"' + word.replace('"', '""') + '"' for word in text.split())


def _one_line(text: str) -> str:
    """The lines of a review or a note joined on one: the fields' line ends become ` · `."""
    return _LINE_ENDS.sub(" · ", text.strip())


def _parts(marked: str, raw: str) -> Marked:
    """FTS5's marked text in parts; unmarked when the journal's own text holds a mark."""
    if _OPEN in raw or _CLOSE in raw:
        text = _one_line(_MARKS.sub("", marked))
        return ((text, False),) if text else ()
    marked = _one_line(marked)
    parts: list[tuple[str, bool]] = []
    inside = False
    for piece in _MARKS.split(marked):
        if piece == _OPEN:
            inside = True
        elif piece == _CLOSE:
            inside = False
        elif piece:
            parts.append((piece, inside))
    return tuple(parts)


_DAY_NUMBER = "(CAST(julianday(?) AS INTEGER) << 32)"


def _select(
    query: str,
    since: date | None,
    until: date | None,
    kinds: tuple[str, ...] | None,
    tag: str | None,
    limit: int,
) -> tuple[str, list[object]]:
    where = ["search MATCH ?"]
    params: list[object] = [query]
    if since is not None:
        where.append(f"rowid >= {_DAY_NUMBER}")
        params.append(since.isoformat())
    if until is not None:
        where.append(f"rowid < {_DAY_NUMBER} + (1 << 32)")
        params.append(until.isoformat())
    if kinds is not None:
        where.append(f"kind IN ({', '.join('?' * len(kinds))})")
        params.extend(kinds)
    if tag is not None:
        where.append(
            "kind = 'item' AND ref IN (SELECT it.item_id FROM item_tag it"
            " JOIN tag t ON t.id = it.tag_id WHERE t.name = ?)"
        )
        params.append(tag.removeprefix("#").casefold())
    sql = (
        "SELECT kind, ref, day, title, body,"
        f" highlight(search, 3, '{_OPEN}', '{_CLOSE}') AS marked_title,"
        f" snippet(search, 4, '{_OPEN}', '{_CLOSE}', '…', {SNIPPET_WORDS}) AS marked_body"
        f" FROM search WHERE {' AND '.join(where)} ORDER BY rowid DESC LIMIT ?"
    )
    params.append(limit)
    return sql, params


def search(
    conn: sqlite3.Connection,
    text: str,
    *,
    since: date | None = None,
    until: date | None = None,
    kinds: tuple[str, ...] | None = None,
    tag: str | None = None,
    limit: int = DEFAULT_LIMIT,
) -> list[Hit]:
    """The records that match `text`, newest first, at most `limit`.

    `kinds` keeps those kinds (KINDS), `tag` only the items with that tag. An
    empty query finds nothing; one FTS5 cannot parse is read as plain words.
    """
    if not text.strip() or limit <= 0:
        return []
    rows: list[sqlite3.Row] = []
    for query in (text, plain_query(text)):
        sql, params = _select(query, since, until, kinds, tag, limit)
        try:
            rows = conn.execute(sql, params).fetchall()
        except sqlite3.OperationalError:
            continue  # not FTS5's syntax: the plain words next, or nothing
        break
    return _hits(conn, rows)


def _hits(conn: sqlite3.Connection, rows: list[sqlite3.Row]) -> list[Hit]:
    items = [row["ref"] for row in rows if row["kind"] == "item"]
    milestones = [row["ref"] for row in rows if row["kind"] == "milestone"]
    item_kinds: dict[int, Kind] = {}
    if items:
        marks = ", ".join("?" * len(items))
        for ref, kind in conn.execute(f"SELECT id, kind FROM item WHERE id IN ({marks})", items):
            item_kinds[ref] = Kind(kind)
    goals: dict[int, int] = {}
    if milestones:
        marks = ", ".join("?" * len(milestones))
        sql = f"SELECT id, goal_id FROM milestone WHERE id IN ({marks})"
        goals = dict(conn.execute(sql, milestones).fetchall())
    hits = []
    for row in rows:
        raw = (row["title"] or "") + (row["body"] or "")
        hits.append(
            Hit(
                kind=row["kind"],
                ref=row["ref"],
                day=date.fromisoformat(row["day"]) if row["day"] else None,
                title=_parts(row["marked_title"] or "", raw),
                snippet=_parts(row["marked_body"] or "", raw),
                item_kind=item_kinds.get(row["ref"]) if row["kind"] == "item" else None,
                goal_id=goals.get(row["ref"]) if row["kind"] == "milestone" else None,
            )
        )
    return hits


def indexed_count(conn: sqlite3.Connection) -> int:
    """How many records the index holds (a check for the upgrade and the tests)."""
    (count,) = conn.execute("SELECT count(*) FROM search").fetchone()
    return int(count)


# ---------------------------------------------------------------------- bulk writes

_INSERT_TRIGGER = re.compile(r"^search_(\w+)_insert$")
_TRIGGER_VALUES = re.compile(r"\bVALUES\s*\((.*)\)\s*;\s*END\s*$", re.S | re.I)


@contextmanager
def indexed_in_bulk(conn: sqlite3.Connection) -> Iterator[None]:
    """For a bulk write inside the caller's transaction (an import): the index's insert
    triggers are put aside, and at the end the rows added meanwhile are indexed with
    one statement a table, then the triggers put back. The same entries as the
    triggers make, a third of an import's time less; on an error the transaction's
    rollback puts everything back.

    The statements come from the triggers in the journal itself (their `VALUES (…)`
    with `NEW.` read as the table), so they follow whatever revision made them.
    """
    triggers = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name GLOB 'search_*_insert'"
    ).fetchall()
    bulk: list[tuple[str, str, str, int]] = []
    for name, sql in triggers:
        table_match, values = _INSERT_TRIGGER.match(name), _TRIGGER_VALUES.search(sql)
        if table_match is None or values is None:
            continue  # not one of ours as we know them: leave it firing
        table = table_match.group(1)
        (last,) = conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()
        row = re.sub(r"\bNEW\.", f"{table}.", values.group(1))
        bulk.append((name, sql, f"SELECT {row} FROM {table} WHERE id > ?", last))
    for name, _sql, _select, _last in bulk:
        conn.execute(f"DROP TRIGGER {name}")
    yield
    for _name, sql, select, last in bulk:
        conn.execute(f"INSERT INTO search (rowid, kind, ref, day, title, body) {select}", (last,))
        conn.execute(sql)
