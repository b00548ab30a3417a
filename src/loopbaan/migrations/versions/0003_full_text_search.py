"""full-text search over the journal's text

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-02 01:00:00.000000

One FTS5 table, `search`, holds a copy of the text of every item, day review,
week review, goal, milestone and conversation (decision 0015). Its rowid says
which row and when: the day's number (Julian) shifted up by 32 bits, plus the
row's id times 8 plus the table's number (TABLES below). So newest first is
FTS5's own rowid order (a search for a common word stops after the first 50), a
range of days is a range of rowids, and a trigger finds a row's entry from the
old row alone, never by a scan. Triggers keep it in
step with every insert, delete and change of the text or the day; a change of a
rating or a status does not touch it. Existing journals are indexed here, in the
upgrade's transaction; a new journal gets the same table and triggers from this
revision too.

The SQL is written out here, not imported from the store: a revision stays as it
was when it shipped.
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_NL = "char(10)"


def _lines(*columns: str) -> str:
    """The columns' text, one line each (empty ones too: cheap, and simple)."""
    return f" || {_NL} || ".join(f"{{r}}.{c}" for c in columns)


# The ISO week's Monday, for a week review's (year, week).
_MONDAY = (
    "date(printf('%04d-01-04', {r}.year),"
    " printf('-%d days', (CAST(strftime('%w', printf('%04d-01-04', {r}.year)) AS INTEGER) + 6) % 7),"
    " printf('+%d days', ({r}.week - 1) * 7))"
)

# table: (number in the rowid, kind, day, title, body, the columns whose change re-indexes)
TABLES: dict[str, tuple[int, str, str, str, str, tuple[str, ...]]] = {
    "item": (0, "item", "{r}.day", "{r}.title", "{r}.note", ("title", "note", "day")),
    "day_review": (
        1, "day", "{r}.day", "''",
        _lines("liked", "disliked", "postponed_why", "learned"),
        ("liked", "disliked", "postponed_why", "learned", "day"),
    ),
    "week_review": (
        2, "week", _MONDAY, "''",
        _lines("more_of", "less_of", "next_step", "ask_feedback_from"),
        ("more_of", "less_of", "next_step", "ask_feedback_from", "year", "week"),
    ),
    "goal": (
        3, "goal", "date({r}.created_at)", "{r}.title",
        _lines("beacon", "statement", "first_step", "needs", "supporters"),
        ("title", "beacon", "statement", "first_step", "needs", "supporters", "created_at"),
    ),
    "milestone": (
        4, "milestone", "coalesce({r}.done_on, {r}.due_day)",
        "{r}.title", "''", ("title", "due_day", "done_on"),
    ),
    "conversation": (
        5, "talk", "{r}.day", "{r}.with_whom",
        _lines(
            "prepared", "summary", "outcome",
            "want", "their_interest", "alternative", "offer", "walk_away",
        ),
        (
            "with_whom", "day", "prepared", "summary", "outcome",
            "want", "their_interest", "alternative", "offer", "walk_away",
        ),
    ),
}  # fmt: skip


# A milestone without a day of its own shows its goal's (but keeps day 0 in its
# rowid: a delete cascading from the goal could no longer look the goal up).
_SHOWN_DAY = {
    "milestone": "coalesce({r}.done_on, {r}.due_day,"
    " (SELECT date(goal.created_at) FROM goal WHERE goal.id = {r}.goal_id))",
}


def _rowid(table: str, r: str) -> str:
    number, _kind, day, *_rest = TABLES[table]
    day_number = f"coalesce(CAST(julianday({day.format(r=r)}) AS INTEGER), 0)"
    return f"(({day_number} << 32) + {r}.id * 8 + {number})"


def _values(table: str, r: str) -> str:
    _number, kind, day, title, body, _changes = TABLES[table]
    shown = _SHOWN_DAY.get(table, day)
    return (
        f"{_rowid(table, r)}, '{kind}', {r}.id, "
        f"{shown.format(r=r)}, {title.format(r=r)}, {body.format(r=r)}"
    )


_INSERT = "INSERT INTO search (rowid, kind, ref, day, title, body)"


def upgrade() -> None:
    op.execute(
        "CREATE VIRTUAL TABLE search USING fts5("
        " kind UNINDEXED, ref UNINDEXED, day UNINDEXED, title, body,"
        " tokenize = 'unicode61 remove_diacritics 2')"
    )
    for table, (*_rest, changes) in TABLES.items():
        op.execute(f"{_INSERT} SELECT {_values(table, table)} FROM {table}")
        op.execute(
            f"CREATE TRIGGER search_{table}_insert AFTER INSERT ON {table} BEGIN"
            f" {_INSERT} VALUES ({_values(table, 'NEW')}); END"
        )
        op.execute(
            f"CREATE TRIGGER search_{table}_delete AFTER DELETE ON {table} BEGIN"
            f" DELETE FROM search WHERE rowid = {_rowid(table, 'OLD')}; END"
        )
        op.execute(
            f"CREATE TRIGGER search_{table}_update AFTER UPDATE OF {', '.join(changes)}"
            f" ON {table} BEGIN"
            f" DELETE FROM search WHERE rowid = {_rowid(table, 'OLD')};"
            f" {_INSERT} VALUES ({_values(table, 'NEW')}); END"
        )


def downgrade() -> None:
    for table in TABLES:
        for event in ("insert", "delete", "update"):
            op.execute(f"DROP TRIGGER IF EXISTS search_{table}_{event}")
    op.execute("DROP TABLE IF EXISTS search")
