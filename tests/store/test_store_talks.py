"""Conversations, follow-ups, feedback asked and received, attitude check-ins (temp DBs)."""

from __future__ import annotations

import sqlite3
from datetime import date, timedelta

import pytest

from loopbaan.domain import Kind, Role, Status, TalkKind
from loopbaan.store import NotFound, StoreError, attitudes, items, talks, transaction
from loopbaan.store.undo import UndoLog

TODAY = date(2026, 11, 23)


def test_add_edit_and_read_a_negotiation(conn: sqlite3.Connection) -> None:
    with transaction(conn):
        talk = talks.add_conversation(
            conn, "  Anna \n de Vries ", day=TODAY, role=Role.MANAGER,
            kind=TalkKind.NEGOTIATION, prepared="  a raise ",
        )  # fmt: skip
        talk = talks.edit_conversation(
            conn, talk.id, want="10% more", their_interest="keep me on the project",
            alternative="the offer from Acme", offer="lead the migration", walk_away=" 5% ",
            outcome="6% from March",
        )  # fmt: skip
    assert (talk.with_whom, talk.prepared, talk.walk_away) == ("Anna de Vries", "a raise", "5%")
    assert talk.is_negotiation and not talk.is_career
    again = talks.get_conversation(conn, talk.id)
    assert again == talk
    assert (again.want, again.their_interest, again.alternative, again.offer) == (
        "10% more", "keep me on the project", "the offer from Acme", "lead the migration",
    )  # fmt: skip
    with pytest.raises(StoreError, match="unknown conversation fields: limit"):
        talks.edit_conversation(conn, talk.id, limit="x")
    with pytest.raises(StoreError, match="empty"):
        talks.add_conversation(conn, "  ", day=TODAY)
    with pytest.raises(NotFound):
        talks.get_conversation(conn, 999)
    with pytest.raises(NotFound):
        talks.edit_conversation(conn, 999, summary="x")


def test_follow_ups_are_tasks_linked_to_the_talk(conn: sqlite3.Connection) -> None:
    with transaction(conn):
        talk = talks.add_conversation(conn, "Anna", day=TODAY)
        first = talks.add_follow_up(conn, talk.id, "Send the #plan", TODAY + timedelta(days=2))
        second = talks.add_follow_up(conn, talk.id, "Book the course", TODAY + timedelta(days=1))
        items.set_status(conn, second.id, Status.DONE, on=TODAY)
    assert first.kind is Kind.TASK and first.status is Status.OPEN
    assert first.conversation_id == talk.id and first.tags == ("plan",)
    assert [i.id for i in talks.follow_ups(conn, talk.id)] == [first.id, second.id]
    listed = talks.get_conversation(conn, talk.id)
    assert (listed.open_follow_ups, listed.follow_ups) == (1, 2)
    assert first.id in [i.id for i in items.items_for_day(conn, TODAY + timedelta(days=2))]
    with pytest.raises(NotFound):
        talks.add_follow_up(conn, 999, "Nothing", TODAY)


def test_list_is_newest_first_and_paged(conn: sqlite3.Connection) -> None:
    with transaction(conn):
        made = [
            talks.add_conversation(conn, f"P{n}", day=TODAY - timedelta(days=n % 3))
            for n in range(7)
        ]
    order = sorted(made, key=lambda t: (t.day, t.id), reverse=True)
    assert [t.id for t in talks.list_conversations(conn, limit=3)] == [t.id for t in order[:3]]
    assert [t.id for t in talks.list_conversations(conn, limit=3, offset=3)] == [
        t.id for t in order[3:6]
    ]
    assert talks.count_conversations(conn) == 7
    assert talks.count_conversations(conn, since=TODAY) == 3
    assert talks.list_conversations(conn, kinds=(TalkKind.FEEDBACK,)) == []


def test_days_since_counts_only_career_talks(conn: sqlite3.Connection) -> None:
    assert talks.days_since_career_talk(conn, TODAY) is None
    with transaction(conn):
        talks.add_conversation(conn, "Anna", day=TODAY - timedelta(days=50))
        talks.add_conversation(conn, "Bob", day=TODAY - timedelta(days=2), kind=TalkKind.FEEDBACK)
        talks.add_conversation(conn, "Cy", day=TODAY + timedelta(days=5))  # planned
    assert talks.days_since_career_talk(conn, TODAY) == 50
    reminder = talks.talk_reminder(conn, TODAY, 6)
    assert (reminder.days_since, reminder.due) == (50, True)
    assert not talks.talk_reminder(conn, TODAY, 8).due


def test_delete_keeps_follow_ups_and_undo_links_them_again(conn: sqlite3.Connection) -> None:
    log = UndoLog(conn)
    with log.change("new talk") as change:
        talk = talks.add_conversation(conn, "Anna", day=TODAY, change=change)
    with log.change("follow-up") as change:
        task = talks.add_follow_up(conn, talk.id, "Send the plan", TODAY, change=change)
    with log.change("edit") as change:
        talks.edit_conversation(conn, talk.id, summary="went well", change=change)
    with log.change("delete") as change:
        talks.delete_conversation(conn, talk.id, change=change)
    assert items.get_item(conn, task.id).conversation_id is None
    assert log.undo() == "delete"
    assert items.get_item(conn, task.id).conversation_id == talk.id
    assert talks.get_conversation(conn, talk.id).summary == "went well"
    assert log.undo() == "edit"
    assert talks.get_conversation(conn, talk.id).summary == ""
    assert log.undo() == "follow-up"
    with pytest.raises(NotFound):
        items.get_item(conn, task.id)
    assert log.undo() == "new talk"
    with pytest.raises(NotFound):
        talks.get_conversation(conn, talk.id)


def test_feedback_asked_against_received(conn: sqlite3.Connection) -> None:
    with transaction(conn):
        ask = talks.add_feedback_ask(conn, "Sam", "my talk", TODAY - timedelta(days=3))
        talks.add_feedback_ask(conn, "Ayla", "", TODAY - timedelta(days=40))  # before
        dropped = talks.add_feedback_ask(conn, "Kim", "the demo", TODAY)
        items.set_status(conn, dropped.id, Status.DROPPED, on=TODAY)
        items.add_item(conn, "Ask Jo for input #feedback", day=TODAY, kind=Kind.TASK)
        items.add_item(conn, "Gave #feedback to Jo", day=TODAY)  # an activity: no ask
        talks.add_conversation(conn, "Sam", day=TODAY, kind=TalkKind.FEEDBACK)
        talks.add_conversation(conn, "Anna", day=TODAY)  # career: not feedback
    assert ask.title == "Ask Sam for feedback on my talk #feedback"
    assert ask.tags == (talks.FEEDBACK_TAG,) and ask.kind is Kind.TASK
    balance = talks.feedback_balance(conn, TODAY - timedelta(days=30), TODAY)
    assert balance == talks.FeedbackBalance(asked=2, received=1)


def test_attitude_checks_latest_scores_and_reminder(conn: sqlite3.Connection) -> None:
    assert not attitudes.check_in_reminder(conn, TODAY, 30)  # an empty journal
    with transaction(conn):
        items.add_item(conn, "first entry", day=TODAY - timedelta(days=7))
    assert attitudes.check_in_reminder(conn, TODAY, 30)
    log = UndoLog(conn)
    with log.change("check") as change:
        attitudes.add_check(conn, "concern", 2, TODAY - timedelta(days=31), change=change)
        attitudes.add_check(conn, "concern", 4, TODAY - timedelta(days=1), "better")
        attitudes.add_check(conn, "curiosity", 3, TODAY - timedelta(days=1))
        attitudes.add_check(conn, "curiosity", 5, TODAY + timedelta(days=1))  # not yet
    latest = {s.attitude: s for s in attitudes.latest_scores(conn, TODAY)}
    assert (latest["concern"].score, latest["concern"].previous, latest["concern"].change) == (
        4, 2, 2,
    )  # fmt: skip
    assert latest["concern"].note == "better"
    assert (latest["curiosity"].score, latest["curiosity"].change) == (3, None)
    assert attitudes.last_check_day(conn, TODAY) == TODAY - timedelta(days=1)
    assert not attitudes.check_in_reminder(conn, TODAY, 30)
    assert [c.score for c in attitudes.checks(conn, attitude="concern")] == [4, 2]
    with pytest.raises(StoreError):
        attitudes.add_check(conn, "concern", 6, TODAY)
    with pytest.raises(StoreError):
        attitudes.add_check(conn, " ", 3, TODAY)
    log.undo()  # only the check-in tracked as created goes
    assert [c.score for c in attitudes.checks(conn, attitude="concern")] == [4]


def test_export_and_import_carry_a_negotiation_and_accept_older_files(tmp_path) -> None:
    import io
    import json

    from loopbaan.store import importer, open_journal, transfer

    source = open_journal(tmp_path / "a.db")
    with transaction(source):
        talk = talks.add_conversation(source, "Anna", day=TODAY, kind=TalkKind.NEGOTIATION)
        talks.edit_conversation(source, talk.id, want="a raise", walk_away="5%")
    out = io.StringIO()
    transfer.write_json(source, out)
    data = json.loads(out.getvalue())
    assert data["version"] == 1
    record = data["conversations"][0]
    assert (record["want"], record["walk_away"], record["offer"]) == ("a raise", "5%", "")
    # An export made before schema 0002 has none of the fields; one may say null.
    older = dict(data, conversations=[
        {k: v for k, v in record.items() if k not in ("want", "their_interest", "alternative",
                                                   "offer", "walk_away")},
        dict(record, uid="other", want=None),
    ])  # fmt: skip
    (tmp_path / "export.json").write_text(json.dumps(data))
    (tmp_path / "older.json").write_text(json.dumps(older))
    copy = open_journal(tmp_path / "b.db")
    importer.import_file(copy, tmp_path / "export.json")
    assert talks.get_conversation(copy, 1)._replace(open_follow_ups=0) == talks.get_conversation(
        source, talk.id
    )
    empty = open_journal(tmp_path / "c.db")
    importer.import_file(empty, tmp_path / "older.json")
    rows = {t.uid: t for t in talks.list_conversations(empty)}
    assert rows[record["uid"]].want == "" and rows[record["uid"]].walk_away == ""
    assert rows["other"].want == "" and rows["other"].walk_away == "5%"
