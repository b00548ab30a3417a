"""A believable working life, for the demo and the benchmarks.

`fill_journal` writes the days between two dates as a knowledge worker might
have logged them: activities and appointments rated with a personality (this
person loves mentoring and writing and is drained by ops work and meetings),
tasks that get done, dropped or postponed for reasons that fit them, day and
week reviews, a few goal projects, career conversations and attitude checks.
It is deterministic for a seed and writes in bulk (explicit ids, executemany):
ten years take seconds.
"""

from __future__ import annotations

import random
import sqlite3
import uuid
from datetime import date, timedelta
from typing import NamedTuple

from loopbaan.domain import Reason
from loopbaan.store.db import transaction
from loopbaan.store.items import parse_tags

PEOPLE = ("Sanne", "Tom", "Ayla", "Joost", "Mira", "Bram", "Lotte", "Noah", "Fleur", "Daan")
PROJECTS = ("billing", "search", "onboarding", "data platform", "mobile app")
TOPICS = ("Rust", "event sourcing", "SQL tuning", "accessibility", "negotiation")

# Tag -> (chance of a plus, chance of a minus): the person's taste.
TASTE = {
    "mentoring": (0.8, 0.03), "writing": (0.7, 0.05), "code": (0.55, 0.1),
    "review": (0.45, 0.1), "learning": (0.65, 0.05), "presentation": (0.5, 0.2),
    "hiring": (0.4, 0.2), "planning": (0.25, 0.3), "1on1": (0.5, 0.1),
    "meeting": (0.1, 0.5), "ops": (0.1, 0.6), "support": (0.15, 0.45),
    "admin": (0.05, 0.6), "network": (0.55, 0.1), "career": (0.5, 0.1),
}  # fmt: skip

ACTIVITIES = (
    "Code review for {person} #review", "Paired with {person} on {project} #code",
    "Fixed flaky tests in {project} #code", "Wrote the design notes for {project} #writing",
    "Mentored {person} on debugging #mentoring", "On-call handover #ops",
    "Incident follow-up for {project} #ops", "Answered support questions #support",
    "Read about {topic} #learning", "Interviewed a candidate #hiring",
    "Refined the backlog of {project} #planning", "Demoed {project} to the team #presentation",
    "Reviewed the roadmap with {person} #planning", "Filled in timesheets #admin",
    "Helped {person} with a tricky query #mentoring", "Shipped a fix for {project} #code",
)  # fmt: skip
APPOINTMENTS = (
    "Standup #meeting", "1:1 with Mira #1on1", "Sprint review #meeting",
    "All-hands #meeting", "Coffee with {person} #network", "Architecture sync #meeting",
    "Guild session on {topic} #learning",
)  # fmt: skip


class TaskKind(NamedTuple):
    title: str
    chance: float  # of being postponed each time it comes up
    reasons: tuple[Reason, ...]  # drawn from, so repeats weigh


R = Reason
TASKS = (
    TaskKind("Write the {project} proposal #writing", 0.7, (R.TOO_BIG, R.TOO_BIG, R.UNCLEAR)),
    TaskKind("Update the #ops runbook", 0.85, (R.DISLIKE, R.DISLIKE, R.NO_TIME)),
    TaskKind("File the expense report #admin", 0.88, (R.DISLIKE, R.NO_TIME, R.DISLIKE)),
    TaskKind("Review {person}'s pull request #review", 0.5, (R.NO_TIME, R.WAITING)),
    TaskKind("Prepare the talk on {project} #presentation", 0.75, (R.UNSURE, R.TOO_BIG)),
    TaskKind("Plan the {project} migration #planning", 0.75, (R.UNCLEAR, R.WAITING, R.TOO_BIG)),
    TaskKind("Fix the export bug in {project} #code", 0.45, (R.WAITING, R.SKILLS, R.NO_TIME)),
    TaskKind("Ask {person} for feedback #career", 0.8, (R.UNSURE, R.UNSURE, R.NO_TIME)),
    TaskKind("Learn the basics of {topic} #learning", 0.75, (R.NO_TIME, R.SKILLS)),
    TaskKind("Write up the interview notes #hiring", 0.6, (R.NO_TIME, R.DISLIKE)),
    TaskKind("Answer the support backlog #support", 0.85, (R.DISLIKE, R.NO_TIME, R.OTHER)),
    TaskKind("Set up the mentoring plan for {person} #mentoring", 0.4, (R.WAITING, R.NO_TIME)),
)

GOALS = (
    ("Lead the platform team", "Head of engineering one day", "Team lead of platform within a year",
     "upward", "Ask Mira what the lead role needs", "A leadership course", "Mira, Joost",
     ("Run a quarter's planning", "Lead an incident review", "Coach two juniors")),
    ("Speak at a conference", "Be known for good engineering writing",
     "One accepted talk at a national conference", "broaden", "Pick the topic",
     "Time to prepare; feedback on a draft", "Ayla",
     ("Write the abstract", "Give the talk internally", "Submit to two CFPs")),
    ("Deepen in data engineering", "The go-to person for data questions",
     "Own the data platform's ingestion", "deepen", "", "A course on stream processing",
     "", ("Finish the course", "Ship the ingestion rewrite")),
)  # fmt: skip

GOAL_OF_TAG = {"career": 0, "mentoring": 0, "presentation": 1, "writing": 1, "learning": 2}

LIKED = ("Mentoring {person}", "the design work on {project}", "a focused morning of code")
DISLIKED = ("too many meetings", "the ops interruptions", "admin", "waiting on other teams")
LEARNED = ("how {project} handles retries", "to ask earlier", "more about {topic}", "")


class SampleSummary(NamedTuple):
    activities: int
    tasks: int
    postponements: int
    day_reviews: int
    goals: int
    conversations: int


def _workdays(start: date, end: date, rng: random.Random) -> list[date]:
    days, day = [], start
    while day <= end:
        if day.weekday() < 5 and (rng.random() > 0.04 or day == end):  # holidays, sick days
            days.append(day)
        day += timedelta(days=1)
    return days


def _next_workday(day: date, step: int) -> date:
    day += timedelta(days=step)
    while day.weekday() >= 5:
        day += timedelta(days=1)
    return day


def fill_journal(
    conn: sqlite3.Connection,
    *,
    start: date,
    end: date,
    seed: int = 7,
    activities_per_day: tuple[int, int] = (11, 18),
    tasks_per_day: tuple[int, int] = (7, 9),
) -> SampleSummary:
    """Write the working days from `start` to `end` (today: items still open, no review)."""
    rng = random.Random(seed)

    def uid() -> str:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))

    def fill(template: str) -> str:
        return template.format(
            person=rng.choice(PEOPLE), project=rng.choice(PROJECTS), topic=rng.choice(TOPICS)
        )

    def stamp(day: date) -> str:
        return f"{day.isoformat()} {rng.randint(15, 18):02d}:{rng.randint(0, 59):02d}:00.000000"

    def next_id(table: str) -> int:
        return conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]

    with transaction(conn):
        ids = {
            t: next_id(t)
            for t in (
                "item",
                "postponement",
                "goal",
                "milestone",
                "tag",
                "day_review",
                "week_review",
                "conversation",
                "attitude_check",
            )
        }

        def take(table: str) -> int:
            ids[table] += 1
            return ids[table] - 1

        tag_ids = {name: tid for tid, name in conn.execute("SELECT id, name FROM tag")}
        goal_rows, milestone_rows, goal_ids = [], [], []
        for position, (title, beacon, statement, direction, first, needs, who, steps) in enumerate(
            GOALS
        ):
            gid = take("goal")
            goal_ids.append(gid)
            goal_rows.append(
                (
                    gid,
                    uid(),
                    title,
                    beacon,
                    statement,
                    direction,
                    first,
                    needs,
                    who,
                    "active",
                    None,
                    position,
                    stamp(start),
                    stamp(start),
                )
            )
            span = (end - start).days
            for n, step in enumerate(steps):
                due = start + timedelta(days=span * (n + 1) // (len(steps) + 1))
                last = n == len(steps) - 1  # every goal keeps a step ahead
                done = due if due < end - timedelta(days=20) and not last else None
                milestone_rows.append(
                    (
                        take("milestone"),
                        uid(),
                        gid,
                        step,
                        due.isoformat(),
                        done.isoformat() if done else None,
                        n,
                    )
                )

        items, links, moves, reviews, weeks, talks, checks = [], [], [], [], [], [], []
        counts = {"activities": 0, "tasks": 0}

        def add(
            day: date,
            title: str,
            kind: str,
            rating: str | None,
            status: str,
            done_on: date | None,
            goal: int | None = None,
            talk: int | None = None,
        ) -> int:
            iid = take("item")
            items.append(
                (
                    iid,
                    uid(),
                    kind,
                    title,
                    day.isoformat(),
                    rating,
                    "",
                    status,
                    done_on.isoformat() if done_on else None,
                    goal,
                    talk,
                    stamp(day),
                    stamp(day),
                )
            )
            for name in parse_tags(title):
                if name not in tag_ids:
                    tag_ids[name] = take("tag")
                links.append((iid, tag_ids[name]))
            return iid

        def rate(title: str, fresh: bool) -> str | None:
            if fresh and rng.random() < 0.5:
                return None  # today and yesterday: not rated yet
            tags = parse_tags(title)
            plus, minus = TASTE.get(tags[0], (0.3, 0.2)) if tags else (0.3, 0.2)
            roll = rng.random()
            return "plus" if roll < plus else "minus" if roll < plus + minus else "neutral"

        days = _workdays(start, end, rng)
        talk_due = start + timedelta(weeks=rng.randint(2, 6))
        for day in days:
            fresh = (end - day).days <= 1
            pluses = minuses = 0
            for _ in range(rng.randint(*activities_per_day)):
                template = rng.choice(APPOINTMENTS if rng.random() < 0.3 else ACTIVITIES)
                kind = "appointment" if template in APPOINTMENTS else "activity"
                title = fill(template)
                rating = rate(title, fresh)
                pluses += rating == "plus"
                minuses += rating == "minus"
                add(day, title, kind, rating, "done", day)
                counts["activities"] += 1
            for _ in range(rng.randint(*tasks_per_day)):
                task = rng.choice(TASKS)
                title = fill(task.title)
                planned = day
                path: list[tuple[date, date, Reason]] = []
                while planned < end and rng.random() < task.chance and len(path) < 8:
                    later = _next_workday(planned, rng.choice((1, 1, 1, 2, 3, 7)))
                    path.append((planned, later, rng.choice(task.reasons)))
                    planned = later
                if planned >= end:
                    status, done_on, rating = "open", None, None
                else:
                    status = "dropped" if rng.random() < 0.08 else "done"
                    done_on = planned
                    rating = rate(title, False) if status == "done" and rng.random() < 0.5 else None
                # the career tasks serve the goals they fit, about a third of the time
                tags = parse_tags(title)
                fits = GOAL_OF_TAG.get(tags[0]) if tags else None
                goal = goal_ids[fits] if fits is not None and rng.random() < 0.35 else None
                iid = add(planned, title, "task", rating, status, done_on, goal)
                counts["tasks"] += 1
                for from_day, to_day, reason in path:
                    moves.append(
                        (
                            take("postponement"),
                            uid(),
                            iid,
                            from_day.isoformat(),
                            to_day.isoformat(),
                            reason.value,
                            "",
                            stamp(from_day),
                        )
                    )
            if day < end and rng.random() < 0.85:
                energy = max(1, min(5, 3 + (pluses - minuses) // 3 + rng.choice((-1, 0, 0, 1))))
                reviews.append(
                    (
                        take("day_review"),
                        uid(),
                        day.isoformat(),
                        energy,
                        fill(rng.choice(LIKED)) if pluses else "",
                        rng.choice(DISLIKED) if minuses else "",
                        "",
                        fill(rng.choice(LEARNED)),
                        stamp(day),
                    )
                )
            if day.weekday() == 4 and day < end and rng.random() < 0.7:
                year, week, _ = day.isocalendar()
                weeks.append(
                    (
                        take("week_review"),
                        uid(),
                        year,
                        week,
                        "more #mentoring",
                        "fewer status #meeting",
                        "block two mornings for #writing",
                        rng.choice(PEOPLE),
                        stamp(day),
                    )
                )
            if day >= talk_due and day < end:
                tid = take("conversation")
                talks.append(
                    (
                        tid,
                        uid(),
                        day.isoformat(),
                        rng.choice(("Mira", "Ayla", "Joost")),
                        rng.choice(("manager", "mentor", "manager", "coach")),
                        "career",
                        "Ask about the lead role and a budget for the course",
                        "Talked about growth and the platform team",
                        "Mira will check the budget; I draft a plan",
                        stamp(day),
                    )
                )
                follow_day = _next_workday(day, 1)
                closed = day < end - timedelta(days=7)
                add(
                    follow_day,
                    "Draft my growth plan #career",
                    "task",
                    None,
                    "done" if closed else "open",
                    follow_day if closed else None,
                    talk=tid,
                )
                counts["tasks"] += 1
                talk_due = day + timedelta(weeks=rng.randint(4, 10))
            if day.day <= 7 and day.weekday() == 0:
                for attitude in ("concern", "control", "curiosity", "confidence"):
                    checks.append(
                        (
                            take("attitude_check"),
                            uid(),
                            day.isoformat(),
                            attitude,
                            rng.randint(2, 5),
                            "",
                        )
                    )

        conn.executemany(
            "INSERT INTO goal (id, uid, title, beacon, statement, direction, first_step, needs,"
            " supporters, status, target_day, position, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
            goal_rows,
        )
        conn.executemany(
            "INSERT INTO milestone (id, uid, goal_id, title, due_day, done_on, position)"
            " VALUES (?,?,?,?,?,?,?)",
            milestone_rows,
        )
        conn.executemany(
            "INSERT INTO conversation (id, uid, day, with_whom, role, kind, prepared, summary,"
            " outcome, created_at) VALUES (?,?,?,?,?,?,?,?,?,?)",
            talks,
        )
        conn.executemany(
            "INSERT INTO item (id, uid, kind, title, day, rating, note, status, done_on, goal_id,"
            " conversation_id, created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
            items,
        )
        known = {name for (name,) in conn.execute("SELECT name FROM tag")}
        conn.executemany(
            "INSERT INTO tag (id, uid, name) VALUES (?, ?, ?)",
            [(tid, uid(), name) for name, tid in tag_ids.items() if name not in known],
        )
        conn.executemany("INSERT INTO item_tag (item_id, tag_id) VALUES (?, ?)", links)
        conn.executemany(
            "INSERT INTO postponement (id, uid, item_id, from_day, to_day, reason, note,"
            " created_at) VALUES (?,?,?,?,?,?,?,?)",
            moves,
        )
        conn.executemany(
            "INSERT INTO day_review (id, uid, day, energy, liked, disliked, postponed_why,"
            " learned, finished_at) VALUES (?,?,?,?,?,?,?,?,?)",
            reviews,
        )
        conn.executemany(
            "INSERT INTO week_review (id, uid, year, week, more_of, less_of, next_step,"
            " ask_feedback_from, finished_at) VALUES (?,?,?,?,?,?,?,?,?)",
            weeks,
        )
        conn.executemany(
            "INSERT INTO attitude_check (id, uid, day, attitude, score, note) VALUES (?,?,?,?,?,?)",
            checks,
        )
    return SampleSummary(
        counts["activities"], counts["tasks"], len(moves), len(reviews), len(goal_rows), len(talks)
    )
