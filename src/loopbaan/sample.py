"""A believable working life, for the demo and the benchmarks.

`fill_journal` writes the days between two dates as a knowledge worker might
have logged them: activities and appointments rated with a personality (this
person loves mentoring and writing and is drained by ops work and meetings),
tasks that get done, dropped or postponed for reasons that fit them, day and
week reviews that echo the day's ratings, goal projects, career conversations
with follow-ups and monthly attitude checks. It is deterministic for a seed and
writes in bulk (explicit ids, executemany): ten years take seconds.
"""

from __future__ import annotations

import bisect
import random
import sqlite3
import uuid
from collections import Counter
from datetime import date, timedelta
from typing import NamedTuple

from loopbaan.domain import DEFAULT_ATTITUDES, REASON_TEXT, Reason
from loopbaan.store.db import transaction
from loopbaan.store.items import parse_tags

PEOPLE = ("Sanne", "Tom", "Ayla", "Joost", "Mira", "Bram", "Lotte", "Noah", "Fleur", "Daan")
PROJECTS = ("billing", "search", "onboarding", "data platform", "mobile app")
TOPICS = ("Rust", "event sourcing", "SQL tuning", "accessibility", "negotiation")
HOLIDAYS = ((1, 1), (4, 27), (12, 25), (12, 26))  # (month, day) off every year

# Tag -> (chance of a plus, chance of a minus): the person's taste.
TASTE = {
    "mentoring": (0.8, 0.03), "writing": (0.7, 0.05), "code": (0.55, 0.1),
    "review": (0.45, 0.1), "learning": (0.65, 0.05), "presentation": (0.5, 0.2),
    "hiring": (0.4, 0.2), "planning": (0.25, 0.3), "1on1": (0.5, 0.1),
    "meeting": (0.1, 0.5), "ops": (0.1, 0.6), "support": (0.15, 0.45),
    "admin": (0.05, 0.6), "network": (0.55, 0.1), "career": (0.5, 0.1),
}  # fmt: skip

STANDUP = "Standup #meeting"
ACTIVITIES = (
    "Code review for {person} #review", "Paired with {person} on {project} #code",
    "Fixed flaky tests in {project} #code", "Wrote the design notes for {project} #writing",
    "Mentored {person} on debugging #mentoring", "On-call handover #ops",
    "Incident follow-up for {project} #ops", "Answered support questions #support",
    "Read about {topic} #learning", "Interviewed a candidate #hiring",
    "Refined the backlog of {project} #planning", "Demoed {project} to the team #presentation",
    "Reviewed the roadmap with {person} #planning", "Filled in timesheets #admin",
    "Helped {person} with a tricky query #mentoring", "Shipped a fix for {project} #code",
    "Wrote a blog post about {topic} #writing", "Restarted the stuck {project} jobs #ops",
)  # fmt: skip
APPOINTMENTS = (
    "1:1 with Mira #1on1", "1:1 with Sanne #1on1", "Sprint review #meeting",
    "All-hands #meeting", "Coffee with {person} #network", "Architecture sync #meeting",
    "Guild session on {topic} #learning", "Planning poker #planning #meeting",
)  # fmt: skip
NOTES = ("ran over by half an hour", "good questions from {person}", "went better than expected")


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


class GoalPlan(NamedTuple):
    title: str
    beacon: str
    statement: str
    direction: str
    first_step: str
    needs: str
    supporters: str
    milestones: tuple[str, ...]
    achieved: bool = False  # reached a third of the way through; otherwise a step stays open


GOALS = (
    GoalPlan("Lead the platform team", "Head of engineering one day",
             "Team lead of platform within a year", "upward",
             "Ask Mira what the lead role needs", "A leadership course", "Mira, Joost",
             ("Run a quarter's planning", "Lead an incident review", "Coach two juniors")),
    GoalPlan("Speak at a conference", "Be known for good engineering writing",
             "One accepted talk at a national conference", "broaden", "Pick the topic",
             "Time to prepare; feedback on a draft", "Ayla",
             ("Write the abstract", "Give the talk internally", "Submit to two CFPs")),
    GoalPlan("Deepen in data engineering", "The go-to person for data questions",
             "Own the data platform's ingestion", "deepen", "",
             "A course on stream processing", "",
             ("Finish the course", "Ship the ingestion rewrite")),
    GoalPlan("Mentor a junior through the first year", "A team where people grow",
             "Sanne is independent on the billing service", "broaden",
             "Agree on a weekly hour with Sanne", "An hour a week, blocked", "Mira, Sanne",
             ("Weekly hour in both calendars", "Sanne ships her first feature",
              "Hand over billing"),
             achieved=True),
)  # fmt: skip
GOAL_OF_TAG = {"career": 0, "presentation": 1, "writing": 1, "learning": 2, "mentoring": 3}


class TalkPlan(NamedTuple):
    role: str
    kind: str
    with_whom: str
    prepared: str
    summary: str
    outcome: str
    follow_ups: tuple[str, ...]


TALKS = (
    TalkPlan("manager", "career", "Mira",
             "What does the lead role ask of me? My ask: lead next quarter's planning",
             "Talked about growth towards the platform lead role",
             "I lead the next planning; Mira checks the training budget",
             ("Draft my growth plan #career", "Send Mira the planning proposal #planning")),
    TalkPlan("manager", "career", "Mira", "Where do I stand on my goals? Ask for honest feedback",
             "Mira sees progress on ownership, less on saying no",
             "I say no to one status meeting a week", ("Cancel one recurring #meeting",)),
    TalkPlan("mentor", "career", "Ayla", "Which talk topic fits me? Ask her view on my draft",
             "The {topic} angle is the strongest; the draft is too long",
             "Cut the draft in half and send it again", ("Rewrite the talk abstract #writing",)),
    TalkPlan("manager", "negotiation", "Mira",
             "Ask for two focus mornings a week and a course budget",
             "Negotiated focus time and the course", "Two focus mornings agreed; half the budget",
             ("Block the focus mornings #planning",)),
    TalkPlan("colleague", "feedback", "{person}", "How did my demo of {project} come across?",
             "Clear story, too many slides on details", "Next time one slide per decision", ()),
    TalkPlan("coach", "career", "Eva (coach)",
             "Why do I keep postponing the ops work? Is it work I want?",
             "The ops work drains me; the mentoring gives energy",
             "Try a month without on-call and see", ("Ask Mira about leaving on-call #career",)),
    TalkPlan("network", "network", "Jeroen, a former colleague",
             "How did he move into data engineering?", "Courses helped less than a side project",
             "Start a small side project on {project} data", ("Pick a side project #learning",)),
)  # fmt: skip
TALK_WEIGHTS = (4, 3, 2, 1, 2, 1, 1)

LEARNED = ("how {project} handles retries", "to ask earlier", "more about {topic}", "")
NEXT_STEPS = (
    "block two mornings for writing", "ask {person} to pair on {project}",
    "say no to one meeting", "finish one postponed task first thing Monday",
    "write down the first step of the {project} proposal",
)  # fmt: skip


class SampleSummary(NamedTuple):
    activities: int  # activities and appointments
    tasks: int
    postponements: int
    day_reviews: int
    week_reviews: int
    goals: int
    conversations: int
    attitude_checks: int


def _workdays(start: date, end: date, rng: random.Random) -> list[date]:
    """Weekdays less holidays and a few sick or leave days; `end` always (it is today)."""
    days, day = [], start
    while day <= end:
        if day == end or (
            day.weekday() < 5 and (day.month, day.day) not in HOLIDAYS and rng.random() > 0.03
        ):
            days.append(day)
        day += timedelta(days=1)
    return days


def _plain(title: str) -> str:
    """A title as a review would mention it: no trailing tags, no `#` signs."""
    words = title.split()
    while len(words) > 1 and words[-1].startswith("#"):
        words.pop()
    return " ".join(words).replace("#", "")


class _Journal:
    """The rows being written, with ids handed out past those in the file."""

    # In the order they are written (parents first), with the columns each row fills.
    COLUMNS = {
        "goal": "id, uid, title, beacon, statement, direction, first_step, needs, supporters,"
                " status, target_day, position, created_at, updated_at",
        "milestone": "id, uid, goal_id, title, due_day, done_on, position",
        "conversation": "id, uid, day, with_whom, role, kind, prepared, summary, outcome,"
                        " created_at",
        "item": "id, uid, kind, title, day, rating, note, status, done_on, goal_id,"
                " conversation_id, created_at, updated_at",
        "tag": "id, uid, name",
        "item_tag": "item_id, tag_id",
        "postponement": "id, uid, item_id, from_day, to_day, reason, note, created_at",
        "day_review": "id, uid, day, energy, liked, disliked, postponed_why, learned, finished_at",
        "week_review": "id, uid, year, week, more_of, less_of, next_step, ask_feedback_from,"
                       " finished_at",
        "attitude_check": "id, uid, day, attitude, score, note",
    }  # fmt: skip
    TABLES = tuple(table for table in COLUMNS if table != "item_tag")

    def __init__(self, conn: sqlite3.Connection, rng: random.Random) -> None:
        self.rng = rng
        self.ids = {
            table: conn.execute(f"SELECT coalesce(max(id), 0) + 1 FROM {table}").fetchone()[0]
            for table in self.TABLES
        }
        self.rows: dict[str, list[tuple]] = {table: [] for table in self.TABLES}
        self.rows["item_tag"] = []
        self.known_tags = {name: tid for tid, name in conn.execute("SELECT id, name FROM tag")}
        self.tag_ids = dict(self.known_tags)

    def uid(self) -> str:
        return str(uuid.UUID(int=self.rng.getrandbits(128), version=4))

    def add(self, table: str, *fields: object) -> int:
        """A row of `table` with a fresh id and uid before `fields`; returns the id."""
        row_id = self.ids[table]
        self.ids[table] += 1
        self.rows[table].append((row_id, self.uid(), *fields))
        return row_id

    def stamp(self, day: date, hour: int = 15) -> str:
        minute = int(self.rng.random() * 240)
        return f"{day.isoformat()} {hour + minute // 60:02d}:{minute % 60:02d}:00.000000"

    def item(
        self, day: date, title: str, tags: list[str], kind: str, rating: str | None,
        status: str = "done", done_on: date | None = None, goal: int | None = None,
        talk: int | None = None, note: str = "", created: date | None = None,
    ) -> int:  # fmt: skip
        iid = self.add(
            "item", kind, title, day.isoformat(), rating, note, status,
            done_on.isoformat() if done_on else None, goal, talk,
            self.stamp(created or day), self.stamp(day),
        )  # fmt: skip
        for name in tags:
            tid = self.tag_ids.get(name)
            if tid is None:
                tid = self.tag_ids[name] = self.ids["tag"]
                self.ids["tag"] += 1
            self.rows["item_tag"].append((iid, tid))
        return iid

    def write(self, conn: sqlite3.Connection) -> None:
        self.rows["tag"] = [
            (tid, self.uid(), name)
            for name, tid in self.tag_ids.items()
            if name not in self.known_tags
        ]
        for table, columns in self.COLUMNS.items():
            marks = ", ".join("?" * (columns.count(",") + 1))
            conn.executemany(f"INSERT INTO {table} ({columns}) VALUES ({marks})", self.rows[table])


class _Life:
    """One person's working days, written into a `_Journal` phase by phase."""

    def __init__(
        self, journal: _Journal, start: date, end: date,
        activities_per_day: tuple[int, int], tasks_per_day: tuple[int, int],
    ) -> None:  # fmt: skip
        self.journal, self.rng = journal, journal.rng
        self.start, self.end = start, end
        self.activities_per_day, self.tasks_per_day = activities_per_day, tasks_per_day
        self.days = _workdays(start, end, self.rng)
        self.goal_ids: list[int] = []
        self.goal_reached: list[date | None] = []
        self.moods: dict[date, list[tuple[str, str]]] = {}  # day -> (rating, title) of rated ones
        self.moved: dict[date, list[tuple[str, Reason]]] = {}  # from_day -> (title, reason)
        self.counts = Counter[str]()

    def fill(self, template: str) -> str:
        if "{" not in template:
            return template
        choice = self.rng.choice
        return template.format(
            person=choice(PEOPLE), project=choice(PROJECTS), topic=choice(TOPICS)
        )

    def rate(self, tags: list[str], unrated: float = 0.0) -> str | None:
        if unrated and self.rng.random() < unrated:
            return None
        plus, minus = TASTE.get(tags[0], (0.3, 0.2)) if tags else (0.3, 0.2)
        roll = self.rng.random()
        return "plus" if roll < plus else "minus" if roll < plus + minus else "neutral"

    def later(self, day: date) -> date:
        """The workday a postponement moves to: mostly the next, sometimes next week."""
        target = day + timedelta(days=self.rng.choice((1, 1, 1, 2, 3, 7)))
        at = bisect.bisect_left(self.days, target)
        if at < len(self.days):
            return self.days[at]
        while target.weekday() >= 5:
            target += timedelta(days=1)
        return target  # after today: a task planned for a day still to come

    def goals(self) -> None:
        journal, start, end = self.journal, self.start, self.end
        for position, plan in enumerate(GOALS):
            reached = start + timedelta(days=(end - start).days // 3) if plan.achieved else None
            target = reached or end + timedelta(days=120 * (position + 1))
            goal_id = journal.add(
                "goal", plan.title, plan.beacon, plan.statement, plan.direction, plan.first_step,
                plan.needs, plan.supporters, "achieved" if reached else "active",
                target.isoformat(), position, journal.stamp(start), journal.stamp(min(target, end)),
            )  # fmt: skip
            self.goal_ids.append(goal_id)
            self.goal_reached.append(reached)
            steps = len(plan.milestones)
            for n, step in enumerate(plan.milestones):
                due = start + timedelta(days=(target - start).days * (n + 1) // steps)
                last = n == steps - 1  # an active goal keeps a step ahead
                done = due if reached or (due < end - timedelta(days=20) and not last) else None
                journal.add(
                    "milestone", goal_id, step, due.isoformat(),
                    done.isoformat() if done else None, n,
                )  # fmt: skip

    def goal_for(self, tags: list[str], day: date) -> int | None:
        """The goal a career task serves, about a third of the time."""
        fits = GOAL_OF_TAG.get(tags[0]) if tags else None
        if fits is None or self.rng.random() >= 0.35:
            return None
        reached = self.goal_reached[fits]
        if reached is not None and day > reached:
            fits = 0  # once the mentoring goal is reached, mentoring serves the lead role
        return self.goal_ids[fits]

    def workday(self, day: date, unrated: float) -> None:
        """The day's activities and appointments, and the tasks it starts."""
        rng, journal, mood = self.rng, self.journal, self.moods.setdefault(day, [])
        count = rng.randint(*self.activities_per_day)
        templates = [STANDUP] if rng.random() < 0.85 else []
        while len(templates) < count:
            templates.append(rng.choice(APPOINTMENTS if rng.random() < 0.2 else ACTIVITIES))
        for template in templates:
            title = self.fill(template)
            tags = parse_tags(title)
            rating = self.rate(tags, unrated)
            if rating is not None:
                mood.append((rating, title))
            note = self.fill(rng.choice(NOTES)) if rng.random() < 0.04 else ""
            kind = "activity" if template in ACTIVITIES else "appointment"
            journal.item(day, title, tags, kind, rating, done_on=day, note=note)
        self.counts["activities"] += count
        for _ in range(rng.randint(*self.tasks_per_day)):
            self.task(day, rng.choice(TASKS))

    def task(self, day: date, kind: TaskKind) -> None:
        """A task from its first day to done, dropped or still open, with its postponements."""
        rng = self.rng
        title = self.fill(kind.title)
        tags = parse_tags(title)
        planned = day
        path: list[tuple[date, date, Reason]] = []
        while planned < self.end and rng.random() < kind.chance and len(path) < 8:
            to_day = self.later(planned)
            path.append((planned, to_day, rng.choice(kind.reasons)))
            planned = to_day
        if planned > self.end or (planned == self.end and rng.random() < 0.6):
            status, done_on, rating = "open", None, None  # ahead, or not yet ticked off today
        else:
            status = "dropped" if rng.random() < 0.08 else "done"
            done_on = planned
            rating = self.rate(tags) if status == "done" and rng.random() < 0.5 else None
        goal = self.goal_for(tags, day)
        item_id = self.journal.item(
            planned, title, tags, "task", rating, status, done_on, goal, created=day
        )
        self.counts["tasks"] += 1
        for from_day, to_day, reason in path:
            note = f"waiting for {rng.choice(PEOPLE)}" if reason is Reason.WAITING else ""
            self.journal.add(
                "postponement", item_id, from_day.isoformat(), to_day.isoformat(), reason.value,
                note, self.journal.stamp(from_day),
            )  # fmt: skip
            self.moved.setdefault(from_day, []).append((title, reason))

    def conversation(self, day: date) -> None:
        """A career conversation and its follow-up tasks, done a few days later."""
        rng, journal, end = self.rng, self.journal, self.end
        plan = rng.choices(TALKS, TALK_WEIGHTS)[0]
        names = {"person": rng.choice(PEOPLE), "project": rng.choice(PROJECTS)}
        names["topic"] = rng.choice(TOPICS)
        talk_id = journal.add(
            "conversation", day.isoformat(), plan.with_whom.format(**names), plan.role,
            plan.kind, plan.prepared.format(**names), plan.summary.format(**names),
            plan.outcome.format(**names), journal.stamp(day, hour=10),
        )  # fmt: skip
        for title in plan.follow_ups:
            due = self.later(self.later(day))
            closed = due < end
            journal.item(
                due if closed else end, title, parse_tags(title), "task", None,
                "done" if closed else "open", due if closed else None, talk=talk_id, created=day,
            )  # fmt: skip
            self.counts["tasks"] += 1

    def live(self) -> None:
        self.goals()
        days, rng = self.days, self.rng
        talk_due = self.start + timedelta(weeks=rng.randint(2, 6))
        for index, day in enumerate(days):
            recent = len(days) - 1 - index  # 0 today, 1 the workday before, ...
            self.workday(day, (0.7, 0.35, 0.1)[recent] if recent < 3 else 0.0)
            if talk_due <= day < self.end:
                self.conversation(day)
                talk_due = day + timedelta(weeks=rng.randint(4, 10))
        self.day_reviews()
        self.week_reviews()
        self.attitude_checks()

    def day_reviews(self) -> None:
        """Most workdays before today, energy following the day's pluses and minuses."""
        rng, days = self.rng, self.days[:-1]
        for index, day in enumerate(days):
            if index < len(days) - 4 and rng.random() >= 0.85:  # the last four make a streak
                continue
            mood = self.moods[day]
            pluses = [title for rating, title in mood if rating == "plus"]
            minuses = [title for rating, title in mood if rating == "minus"]
            balance = (len(pluses) - len(minuses)) / max(3, len(mood))
            energy = max(1, min(5, round(3 + 2.5 * balance + rng.choice((-1, 0, 0, 0, 1)))))
            why = ""
            if self.moved.get(day):
                title, reason = rng.choice(self.moved[day])
                why = f"{_plain(title)}: {REASON_TEXT[reason][0]}"
            self.journal.add(
                "day_review", day.isoformat(), energy,
                _plain(rng.choice(pluses)) if pluses else "",
                _plain(rng.choice(minuses)) if minuses else "",
                why, self.fill(rng.choice(LEARNED)), self.journal.stamp(day, hour=16),
            )  # fmt: skip

    def week_reviews(self) -> None:
        """Most weeks before this one: more of the week's best tag, less of its worst."""
        rng = self.rng
        weeks: dict[tuple[int, int], list[date]] = {}
        for day in self.days[:-1]:
            weeks.setdefault(day.isocalendar()[:2], []).append(day)
        weeks.pop(self.end.isocalendar()[:2], None)
        for (year, week), week_days in weeks.items():
            if rng.random() >= 0.75:
                continue
            liked, drained = Counter[str](), Counter[str]()
            for day in week_days:
                for rating, title in self.moods[day]:
                    for tag in parse_tags(title)[:1]:
                        if rating != "neutral":
                            (liked if rating == "plus" else drained)[tag] += 1
            self.journal.add(
                "week_review", year, week,
                f"#{liked.most_common(1)[0][0]}" if liked else "",
                f"#{drained.most_common(1)[0][0]}" if drained else "",
                self.fill(rng.choice(NEXT_STEPS)), rng.choice(PEOPLE),
                self.journal.stamp(week_days[-1], hour=16),
            )  # fmt: skip

    def attitude_checks(self) -> None:
        """On each month's first workday: scores that drift and slowly grow with the practice."""
        rng, span = self.rng, max(1, (self.end - self.start).days)
        base = {"concern": 2.4, "control": 3.0, "curiosity": 3.6, "confidence": 2.6}
        level = dict(base)
        month = None
        for day in self.days:
            if (day.year, day.month) == month:
                continue
            month = (day.year, day.month)
            if day.day > 10:
                continue  # the journal starts mid-month: wait for the next
            grown = 1.2 * (day - self.start).days / span
            for attitude in DEFAULT_ATTITUDES:
                pull = 0.2 * (base.get(attitude, 3.0) + grown - level.get(attitude, 3.0))
                level[attitude] = level.get(attitude, 3.0) + pull + rng.gauss(0, 0.2)
                score = min(5, max(1, round(level[attitude] + rng.gauss(0, 0.35))))
                self.journal.add("attitude_check", day.isoformat(), attitude, score, "")


def fill_journal(
    conn: sqlite3.Connection,
    *,
    start: date,
    end: date,
    seed: int = 7,
    activities_per_day: tuple[int, int] = (11, 18),
    tasks_per_day: tuple[int, int] = (7, 9),
) -> SampleSummary:
    """Write the working days from `start` to `end`, where `end` is today.

    Today and the days just before it are partly unrated, today's review is not
    written and tasks that reach today are open, as a journal looks at five pm.
    Ids are read and rows written in one transaction, so nothing else interleaves.
    """
    with transaction(conn):
        journal = _Journal(conn, random.Random(seed))
        life = _Life(journal, start, end, activities_per_day, tasks_per_day)
        life.live()
        journal.write(conn)
    rows = journal.rows
    return SampleSummary(
        life.counts["activities"], life.counts["tasks"], len(rows["postponement"]),
        len(rows["day_review"]), len(rows["week_review"]), len(rows["goal"]),
        len(rows["conversation"]), len(rows["attitude_check"]),
    )  # fmt: skip
