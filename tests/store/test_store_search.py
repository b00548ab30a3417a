"""Full-text search (store/search.py, revision 0003): every kind of record is found,
changes and deletes reach the index, prefix, phrase, diacritics and hostile queries."""

from __future__ import annotations

import sqlite3
from datetime import date

import pytest

from loopbaan.domain import Kind
from loopbaan.store import goals, items, reviews, talks, transaction
from loopbaan.store.search import Hit, search

DAY = date(2026, 11, 23)


def found(conn: sqlite3.Connection, query: str, **options: object) -> list[tuple[str, int]]:
    return [(hit.kind, hit.ref) for hit in search(conn, query, **options)]  # type: ignore[arg-type]


def marked(hit: Hit) -> list[str]:
    return [text for text, match in (*hit.title, *hit.snippet) if match]


def test_each_kind_of_record_is_found(conn: sqlite3.Connection) -> None:
    with transaction(conn):
        item = items.add_item(conn, "Wrote the aardvark report", day=DAY, note="about zebras")
        reviews.save_day_review(conn, DAY, learned="the quokka method")
        reviews.save_week_review(conn, 2026, 48, next_step="ask the pangolin")
        goal = goals.add_goal(conn, "Become a lead")
        goals.edit_goal(conn, goal.id, beacon="a wombat of a team")
        milestone = goals.add_milestone(conn, goal.id, "Present to the narwhal board")
        talk = talks.add_conversation(conn, "Anna", day=DAY, prepared="axolotl budget")
        talks.edit_conversation(conn, talk.id, walk_away="below the okapi line")
    assert found(conn, "aardvark") == [("item", item.id)]
    assert found(conn, "zebras") == [("item", item.id)]  # the note
    assert found(conn, "quokka") == [("day", 1)]
    [week] = search(conn, "pangolin")
    assert (week.kind, week.day) == ("week", date(2026, 11, 23))  # the Monday of week 48
    assert found(conn, "wombat") == [("goal", goal.id)]
    [stone] = search(conn, "narwhal")
    assert (stone.kind, stone.ref, stone.goal_id) == ("milestone", milestone.id, goal.id)
    assert found(conn, "axolotl") == [("talk", talk.id)]
    assert found(conn, "okapi") == [("talk", talk.id)]  # a negotiation field (revision 0002)
    assert found(conn, "anna") == [("talk", talk.id)]
    [hit] = search(conn, "aardvark")
    assert hit.item_kind is Kind.ACTIVITY and hit.day == DAY
    assert marked(hit) == ["aardvark"]
    assert hit.title_text == "Wrote the aardvark report"


def test_changes_and_deletes_reach_the_index(conn: sqlite3.Connection) -> None:
    with transaction(conn):
        item = items.add_item(conn, "Draft the budget", day=DAY)
        goal = goals.add_goal(conn, "Grow the guild")
        goals.add_milestone(conn, goal.id, "Guild charter")
        talk = talks.add_conversation(conn, "Bo", day=DAY, prepared="salary talk")
    with transaction(conn):
        items.edit_item(conn, item.id, title="Draft the forecast", day=date(2026, 11, 25))
        talks.edit_conversation(conn, talk.id, prepared="promotion talk")
    assert found(conn, "budget") == []
    [hit] = search(conn, "forecast")
    assert hit.day == date(2026, 11, 25)
    assert found(conn, "salary") == [] and found(conn, "promotion") == [("talk", talk.id)]
    with transaction(conn):
        items.rate(conn, item.id, None)  # a change that is not text keeps the entry
        items.edit_item(conn, item.id, day=date(2026, 11, 27))  # the day alone
    [hit] = search(conn, "forecast")
    assert (hit.ref, hit.day) == (item.id, date(2026, 11, 27))
    assert found(conn, "forecast", since=date(2026, 11, 26)) == [("item", item.id)]
    with transaction(conn):
        items.delete_item(conn, item.id)
        goals.delete_goal(conn, goal.id)  # its milestone goes with it
        talks.delete_conversation(conn, talk.id)
    assert found(conn, "forecast") == [] and found(conn, "guild") == []
    assert found(conn, "promotion") == []
    assert conn.execute("SELECT count(*) FROM search").fetchone()[0] == 0


def test_prefix_phrase_and_diacritics(conn: sqlite3.Connection) -> None:
    with transaction(conn):
        a = items.add_item(conn, "Gave the presentation", day=DAY)
        b = items.add_item(conn, "Took the first step", day=DAY, note="first, then a step")
        c = items.add_item(conn, "Coffee at the café with Zoë", day=DAY)
        d = items.add_item(conn, "Presented the plan", day=date(2026, 11, 20))
    assert found(conn, "presen*") == [("item", a.id), ("item", d.id)]  # newest first
    assert found(conn, "presen") == []
    assert found(conn, '"first step"') == [("item", b.id)]
    assert found(conn, '"step first"') == []
    assert found(conn, "cafe") == [("item", c.id)]
    assert found(conn, "zoe") == [("item", c.id)]
    assert found(conn, "CAFÉ") == [("item", c.id)]
    assert marked(search(conn, "cafe")[0]) == ["café"]


@pytest.mark.parametrize(
    "query",
    ['"unbalanced', "AND", "a AND", "NOT", "(", ")(", "*", "^", "kind:x", "nocolumn:x",
     "NEAR(", '"', "''", "{", "-", "+", ":", "🙂", "\x1b[2J", "\x00", "a" * 5000],
)  # fmt: skip
def test_a_hostile_query_is_plain_words_never_an_error(
    conn: sqlite3.Connection, query: str
) -> None:
    with transaction(conn):
        items.add_item(conn, "Plain AND simple (really) not", day=DAY)
    hits = search(conn, query)
    assert isinstance(hits, list)


def test_unparsable_query_falls_back_to_its_words(conn: sqlite3.Connection) -> None:
    with transaction(conn):
        item = items.add_item(conn, "Plan AND budget (draft", day=DAY)
    # Each is an FTS5 syntax error; read as plain words they find the item.
    assert found(conn, "budget AND") == [("item", item.id)]
    assert found(conn, '"budget') == [("item", item.id)]
    assert found(conn, "(draft") == [("item", item.id)]


def test_text_holding_the_marks_is_shown_unmarked(conn: sqlite3.Connection) -> None:
    with transaction(conn):
        items.add_item(conn, "fake \ue000mark\ue001 budget", day=DAY)
    [hit] = search(conn, "budget")
    assert marked(hit) == []
    assert "budget" in hit.title_text


def test_filters_days_kinds_tags_and_limit(conn: sqlite3.Connection) -> None:
    with transaction(conn):
        old = items.add_item(conn, "Budget review #money", day=date(2026, 1, 5))
        new = items.add_item(conn, "Budget call", day=DAY)
        talk = talks.add_conversation(conn, "Cas", day=date(2026, 6, 1), prepared="budget")
    assert found(conn, "budget") == [("item", new.id), ("talk", talk.id), ("item", old.id)]
    assert found(conn, "budget", since=date(2026, 6, 1)) == [("item", new.id), ("talk", talk.id)]
    assert found(conn, "budget", until=date(2026, 6, 1)) == [("talk", talk.id), ("item", old.id)]
    assert found(conn, "budget", kinds=("talk",)) == [("talk", talk.id)]
    assert found(conn, "budget", tag="#Money") == [("item", old.id)]
    assert found(conn, "budget", limit=1) == [("item", new.id)]
    assert found(conn, "   ") == []


def _index(conn: sqlite3.Connection) -> list[tuple]:
    return [
        tuple(row)
        for row in conn.execute("SELECT rowid, kind, ref, day, title, body FROM search ORDER BY 1")
    ]


def test_an_import_indexes_in_bulk_exactly_as_the_triggers_would(tmp_path, monkeypatch) -> None:
    """An import puts the insert triggers aside and indexes its rows at the end: the
    index is the one the triggers make, they are back afterwards, and a refused import
    leaves both as they were."""
    import contextlib

    from loopbaan.sample import fill_journal
    from loopbaan.store import StoreError, importer, open_journal
    from loopbaan.store.transfer import write_json

    source = open_journal(tmp_path / "source.db")
    fill_journal(source, start=date(2026, 9, 1), end=date(2026, 11, 23))
    export = tmp_path / "export.json"
    with export.open("w") as stream:
        write_json(source, stream)

    def journal(name: str) -> sqlite3.Connection:
        conn = open_journal(tmp_path / name)
        with transaction(conn):  # rows of its own first: the import's ids start later
            items.add_item(conn, "Own #meeting notes", day=date(2026, 11, 2))
            talks.add_conversation(conn, "Mira", day=date(2026, 11, 3))
        return conn

    bulk = journal("bulk.db")
    importer.import_file(bulk, export)
    with monkeypatch.context() as patched:
        patched.setattr(importer, "indexed_in_bulk", lambda conn: contextlib.nullcontext())
        by_row = journal("triggers.db")
        importer.import_file(by_row, export)
    assert len(_index(bulk)) > 1000
    assert _index(bulk) == _index(by_row)
    triggers = "SELECT name, sql FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    assert bulk.execute(triggers).fetchall() == by_row.execute(triggers).fetchall()
    with transaction(bulk):  # the triggers fire again
        items.add_item(bulk, "Fresh zebra", day=date(2026, 11, 23))
    assert found(bulk, "zebra") == [("item", found(bulk, "zebra")[0][1])]
    before = (_index(bulk), bulk.execute(triggers).fetchall())
    broken = tmp_path / "broken.json"
    broken.write_text(export.read_text()[:-200])
    with pytest.raises(StoreError):
        importer.import_file(bulk, broken)
    assert (_index(bulk), bulk.execute(triggers).fetchall()) == before
