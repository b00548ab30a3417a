"""The conversation brief (DESIGN §7) from a hand-made history: each section against its data."""

from __future__ import annotations

import re
import sqlite3
from datetime import date, timedelta

import pytest

from loopbaan.brief import brief_markdown
from loopbaan.domain import Direction, GoalStatus, Kind, Rating, Reason, Role, Status, TalkKind
from loopbaan.insight.brief import plain_title
from loopbaan.store import StoreError, items, transaction
from loopbaan.store.attitudes import add_check
from loopbaan.store.goals import add_goal, add_milestone, edit_goal, tick_milestone
from loopbaan.store.reviews import save_day_review, save_week_review
from loopbaan.store.talks import (
    add_conversation,
    add_feedback_ask,
    add_follow_up,
    edit_conversation,
)

D = date.fromisoformat
TODAY = D("2026-11-23")
CHRONIC = "Write the *migration* plan #docs"


def history(conn: sqlite3.Connection) -> None:
    """
    Career talk with Mira on 1 Oct 2026 (the period starts there): a follow-up done,
    one open. After it, 12 × #mentoring plus, 12 × #ops minus, 12 × #writing neutral;
    before it (September) 10 × #ops plus, which the brief must not count.
    A task put off 12 times out of doubt, and 20 tasks put off once for other reasons.
    Goals: one active (deepen, a milestone done of three), one paused, one achieved.
    Concern 2 on 1 Sep, 4 on 1 Nov. Feedback asked once, one feedback talk with Tom.
    Planned: Bob on 24 Nov (career, an ask), Mira on 25 Nov (a negotiation).
    """
    with transaction(conn):
        mira = add_conversation(conn, "Mira", day=D("2026-10-01"), prepared="old ask")
        edit_conversation(conn, mira.id, outcome="I lead the next planning")
        done = add_follow_up(conn, mira.id, "Draft my growth plan #career", D("2026-10-05"))
        items.set_status(conn, done.id, Status.DONE, on=D("2026-10-05"))
        add_follow_up(conn, mira.id, "Send Mira the planning proposal", D("2026-11-20"))
        for n in range(12):
            day = D("2026-10-05") + timedelta(days=n)
            items.add_item(conn, f"Mentored Sam {n % 2} #mentoring", day=day, rating=Rating.PLUS)
            items.add_item(conn, "Incident review #ops", day=day, rating=Rating.MINUS)
            items.add_item(conn, "Wrote notes #writing", day=day, rating=Rating.NEUTRAL)
            items.add_item(
                conn, "Quiet on-call #ops", day=day - timedelta(days=30), rating=Rating.PLUS
            )
        task = items.add_item(conn, CHRONIC, day=D("2026-10-05"), kind=Kind.TASK)
        for n in range(12):
            items.postpone(conn, task.id, D("2026-10-06") + timedelta(days=n), Reason.UNSURE)
        others = [Reason.NO_TIME, Reason.WAITING, Reason.TOO_BIG, Reason.OTHER, Reason.SKILLS]
        for n in range(20):
            other = items.add_item(conn, f"Chore {n}", day=D("2026-10-20"), kind=Kind.TASK)
            items.postpone(conn, other.id, D("2026-10-21"), others[n % len(others)])
        goal = add_goal(conn, "Deepen in data engineering")
        edit_goal(
            conn, goal.id, direction=Direction.DEEPEN, statement="Own the ingestion",
            first_step="Ask Jeroen about his side project", needs="A course",
        )  # fmt: skip
        first = add_milestone(conn, goal.id, "Pick a course")
        tick_milestone(conn, first.id, D("2026-10-10"))
        add_milestone(conn, goal.id, "Finish the course", D("2027-03-01"))
        add_milestone(conn, goal.id, "Ship the rewrite")
        paused = add_goal(conn, "Speak at a conference")
        edit_goal(conn, paused.id, status=GoalStatus.PAUSED, first_step="Pick the topic")
        achieved = add_goal(conn, "Mentor a junior")
        edit_goal(conn, achieved.id, status=GoalStatus.ACHIEVED)
        add_check(conn, "concern", 2, D("2026-09-01"))
        add_check(conn, "concern", 4, D("2026-11-01"), "planning ahead")
        add_feedback_ask(conn, "Tom", "the demo", D("2026-10-12"))
        tom = add_conversation(conn, "Tom", day=D("2026-10-20"), role=Role.COLLEAGUE,
                               kind=TalkKind.FEEDBACK)  # fmt: skip
        edit_conversation(conn, tom.id, summary="clear story, too many slides",
                          outcome="one slide per decision")  # fmt: skip
        add_conversation(conn, "Bob", day=D("2026-11-24"), prepared="Ask about the team move")
        deal = add_conversation(conn, "Mira", day=D("2026-11-25"), kind=TalkKind.NEGOTIATION,
                                prepared="Focus time")  # fmt: skip
        edit_conversation(conn, deal.id, want="Two focus mornings a week",
                          offer="I run the planning", walk_away="One morning")  # fmt: skip
        save_week_review(conn, 2026, 45, next_step="block two mornings for writing")
        for day, energy in [("2026-10-05", 2), ("2026-10-12", 3), ("2026-10-19", 4),
                            ("2026-10-26", 4), ("2026-11-02", 5)]:  # fmt: skip
            save_day_review(conn, D(day), energy=energy)


def sections(text: str) -> dict[str, str]:
    """The brief's `## ` sections by heading; the part before them under ''."""
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    found = {"": parts[0]}
    for heading, body in zip(parts[1::2], parts[2::2], strict=True):
        found[heading] = body.strip()
    return found


@pytest.fixture
def brief(conn: sqlite3.Connection) -> dict[str, str]:
    history(conn)
    return sections(brief_markdown(conn, TODAY))


def test_the_period_starts_at_the_last_career_talk(brief) -> None:
    assert brief[""].startswith("# Career conversation brief\n\n")
    assert (
        "*1 October 2026 – 23 November 2026* · since my last career conversation,"
        " on 1 October 2026" in brief[""]
    )


def test_energy_names_what_stands_out_in_the_period_only(brief) -> None:
    energy = brief["What gives me energy, and what drains it"]
    # 12 plus of 36 rated in the period (September's 10 pluses of #ops are outside it).
    assert (
        "- **Gives me energy: mentoring.** 12 of 12 plus, against 33% overall."
        " For example: Mentored Sam 0 (6×); Mentored Sam 1 (6×)." in energy
    )
    assert "- **Drains me: ops.** 12 of 12 minus, against 33% overall." in energy
    assert "For example: Incident review (12×)." in energy
    assert "writing" not in energy  # rated 0 throughout: neither
    assert "My energy at the end of the day: 3.6 of 5 on average over 5 days" in energy


def test_postponing_names_the_chronic_item_its_reason_and_the_suggestion(brief) -> None:
    put_off = brief["What I keep putting off, and why"]
    assert (
        "The reason I give most: doubt, fear of failing, perfectionism (12 of 32 postponements,"
        " against 12% for an even spread)." in put_off
    )
    assert (
        "- **Write the \\*migration\\* plan**: put off 12 times (12 days in all), mostly"
        " because: doubt, fear of failing, perfectionism. What would help: ask for feedback"
        " early." in put_off
    )
    assert "Chore" not in put_off  # once each: no claim


def test_goals_show_direction_first_step_and_open_milestones(brief) -> None:
    goals = brief["My goal projects"]
    assert "### Deepen in data engineering\n" in goals
    assert "- **Direction:** deepen — more expertise in the current field" in goals
    assert "- **First step:** Ask Jeroen about his side project" in goals
    assert (
        "- **Milestones:** 1 of 3 done; still open: Finish the course (by 1 March 2027);"
        " Ship the rewrite" in goals
    )
    assert "### Speak at a conference (paused)\n\n- **First step:** Pick the topic" in goals
    assert "Mentor a junior" not in goals  # achieved


def test_attitudes_show_the_latest_score_and_its_change(brief) -> None:
    attitudes = brief["How I rate my career attitudes (1–5)"]
    assert attitudes == (
        "- **Concern** (am I looking ahead and planning my next steps?): 4 of 5 on"
        " 1 November 2026, up 2 from the time before."
    )


def test_feedback_and_the_last_talk(brief) -> None:
    assert brief["Feedback I received"] == (
        "I asked for feedback once.\n\n- **Tom** (colleague), 20 October 2026: Clear story,"
        " too many slides. What I take from it: One slide per decision."
    )
    last = brief["Since our last conversation"]
    assert "**Mira** (manager), 1 October 2026. We agreed: I lead the next planning." in last
    assert "- done: Draft my growth plan\n- still open: Send Mira the planning proposal" in last


def test_the_asks_are_the_next_prepared_conversation(conn) -> None:
    history(conn)
    asks = sections(brief_markdown(conn, TODAY))["What I want from this conversation"]
    assert asks == (
        "For the conversation with Bob on 24 November 2026:\n\n"
        "- **My ask:** Ask about the team move"
    )
    for_mira = sections(brief_markdown(conn, TODAY, for_name="mira"))
    assert for_mira[""].startswith("# Career conversation with mira\n")
    assert for_mira["What I want from this conversation"] == (
        "For the conversation with Mira on 25 November 2026:\n\n"
        "- **My ask:** Focus time\n"
        "- **What I want:** Two focus mornings a week\n"
        "- **What I can offer:** I run the planning\n"
        "- **My limit:** One morning"
    )


def test_it_ends_with_concrete_next_steps(conn) -> None:
    history(conn)
    text = brief_markdown(conn, TODAY)
    steps = sections(text)["Next steps"]
    assert list(sections(text))[-1] == "Next steps"
    assert steps.splitlines() == [
        "1. Block two mornings for writing.",
        "2. Deepen in data engineering: Finish the course (by 1 March 2027).",
        "3. Write the \\*migration\\* plan: ask for feedback early.",
        "4. Send Mira the planning proposal (a follow-up, planned for 20 November 2026).",
        "5. Agree on the next step we take together, and when we talk again.",
    ]


def test_it_reads_without_the_app(conn) -> None:
    """No tags as code, no ids, journal text shown as typed."""
    history(conn)
    text = brief_markdown(conn, TODAY)
    assert not re.search(r"#\w", text)
    uids = {row[0] for row in conn.execute("SELECT uid FROM conversation")}
    assert not any(uid in text for uid in uids)
    assert "\\*migration\\*" in text and "*migration*" not in text.replace("\\*", "")


def test_an_empty_period_gives_a_short_friendly_brief(conn) -> None:
    text = brief_markdown(conn, TODAY)
    found = sections(text)
    assert list(found) == ["", "Next steps"]
    assert "Nothing from my working days was written down in this period yet" in found[""]
    assert "the last 90 days; no career conversation before" in found[""]
    assert found["Next steps"] == (
        "1. Agree on the next step we take together, and when we talk again."
    )
    assert len(text.splitlines()) < 10


def test_a_period_before_the_data_is_empty_too(conn) -> None:
    with transaction(conn):
        items.add_item(conn, "Incident #ops", day=D("2026-10-05"), rating=Rating.MINUS)
    found = sections(brief_markdown(conn, TODAY, since=D("2026-01-01"), until=D("2026-02-01")))
    assert list(found) == ["", "Next steps"]
    assert "*1 January 2026 – 1 February 2026*\n" in found[""]


def test_a_talk_planned_today_does_not_start_the_period(conn) -> None:
    with transaction(conn):
        add_conversation(conn, "Mira", day=TODAY, prepared="A raise")
    found = sections(brief_markdown(conn, TODAY))
    assert "*25 August 2026 – 23 November 2026* · the last 90 days" in found[""]
    assert (
        "For the conversation with Mira on 23 November 2026"
        in (found["What I want from this conversation"])
    )


def test_a_period_that_ends_before_it_starts_is_refused(conn) -> None:
    with pytest.raises(StoreError):
        brief_markdown(conn, TODAY, since=D("2026-11-24"))


@pytest.mark.parametrize(
    ("title", "plain"),
    [
        ("Standup #meeting", "Standup"),
        ("Prepare the #slides for Friday #work", "Prepare the slides for Friday"),
        ("#ops", "ops"),
        ("[link](x) <b>", "\\[link\\](x) \\<b\\>"),
    ],
)
def test_plain_titles(title: str, plain: str) -> None:
    assert plain_title(title) == plain
