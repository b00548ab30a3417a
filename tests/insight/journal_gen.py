"""Generated journals for the tests of what the app claims: chance, or planted signals.

A journal here is the values the store would read for a period (tag balances,
the postponement report, weekly energy, attitude check-ins), made from a seeded
random generator: every rating, postponement, energy and check-in is drawn at
chance, except the signals a `Plant` puts in. `claims()` lists every statement
the app would make about it, in the words of one short key each.
"""

from __future__ import annotations

import random
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from loopbaan.domain import DEFAULT_ATTITUDES, Reason, Status
from loopbaan.insight import postponements, signal
from loopbaan.store.postponed import (
    WEEKDAYS,
    Count,
    Postponed,
    PostponedItem,
    ReasonCount,
    TagBalance,
)
from loopbaan.store.trends import AttitudeScore, WeekEnergy

TAGS = ("mentoring", "bookkeeping", "oncall", "interviews", "planning", "writing")
START = date(2025, 1, 6)  # a Monday
DAYS = {"month": 30, "quarter": 91, "year": 365}
RATED_A_DAY = 6  # ~1,500 rated items a year of workdays, as in the issue
TASKS_A_DAY = 2
POSTPONE_CHANCE = 0.2  # each time a task comes up, the chance it is put off again
NEUTRAL_CHANCE = 0.2


@dataclass(frozen=True)
class Plant:
    """The signals put in; everything else is chance."""

    energiser: float | None = None  # share of + among ± for #mentoring
    drainer: float | None = None  # share of − among ± for #bookkeeping
    chronic: int = 0  # one task (#writing, out of doubt) put off this many times
    fridays: int = 0  # tasks put off from every Friday to Monday, beyond chance
    energy_drop: float = 0.0  # points the day energy falls over the period


STRONG = Plant(energiser=0.85, drainer=0.85, chronic=8, fridays=3, energy_drop=2.0)
WEAK = Plant(energiser=0.7, drainer=0.7, chronic=6, fridays=1, energy_drop=0.6)
NONE = Plant()


@dataclass
class Journal:
    since: date
    until: date
    balances: list[TagBalance]
    report: Postponed
    weeks: list[WeekEnergy]
    attitudes: list[AttitudeScore]


def workdays(since: date, days: int) -> list[date]:
    return [since + timedelta(n) for n in range(days) if (since + timedelta(n)).weekday() < 5]


def generate(seed: int, size: str, plant: Plant = NONE) -> Journal:
    rng = random.Random(seed)
    days = workdays(START, DAYS[size])
    until = START + timedelta(DAYS[size] - 1)
    ratings: dict[str, Counter[str]] = defaultdict(Counter)
    items: Counter[str] = Counter()
    for _day in days:
        for _n in range(RATED_A_DAY):
            tag = rng.choice(TAGS)
            items[tag] += 1
            if rng.random() < NEUTRAL_CHANCE:
                ratings[tag]["neutral"] += 1
                continue
            plus = 0.5
            if tag == "mentoring" and plant.energiser is not None:
                plus = plant.energiser
            if tag == "bookkeeping" and plant.drainer is not None:
                plus = 1 - plant.drainer
            ratings[tag]["plus" if rng.random() < plus else "minus"] += 1

    # Tasks: (title, tag, [(from_day, reason), ...])
    tasks: list[tuple[str, str, list[tuple[date, Reason]]]] = []
    for n, day in enumerate(days):
        for k in range(TASKS_A_DAY):
            moves = []
            at = n
            while rng.random() < POSTPONE_CHANCE and at < len(days) - 1:
                moves.append((days[at], rng.choice(list(Reason))))
                at += 1
            tasks.append((f"task {n}.{k}", rng.choice(TAGS), moves))
        if day.weekday() == 4:
            for k in range(plant.fridays):
                tasks.append(
                    (f"friday {n}.{k}", rng.choice(TAGS), [(day, rng.choice(list(Reason)))])
                )
    if plant.chronic:
        tasks.append(
            (
                "the talk I doubt",
                "writing",
                [(d, Reason.UNSURE) for d in days[4 : 4 + plant.chronic]],
            )
        )

    put_items: Counter[str] = Counter()
    put_times: Counter[str] = Counter()
    reason_times: Counter[Reason] = Counter()
    reason_items: dict[Reason, set[str]] = defaultdict(set)
    weekdays: Counter[str] = Counter()
    postponed_items = []
    for id_, (title, tag, moves) in enumerate(tasks, start=1):
        items[tag] += 1
        if not moves:
            continue
        put_items[tag] += 1
        put_times[tag] += len(moves)
        reasons = Counter(reason for _day, reason in moves)
        for from_day, reason in moves:
            reason_times[reason] += 1
            reason_items[reason].add(title)
            weekdays[WEEKDAYS[from_day.weekday()]] += 1
        postponed_items.append(
            PostponedItem(
                id_,
                title,
                len(moves),
                len(moves),
                dict(reasons.most_common()),
                Status.OPEN,
                moves[-1][0] + timedelta(1),
                None,
            )
        )
    postponed_items.sort(key=lambda item: (-item.times, item.id))
    balances = [
        TagBalance(
            tag,
            ratings[tag]["plus"],
            ratings[tag]["minus"],
            ratings[tag]["neutral"],
            items[tag],
            put_items[tag],
            put_times[tag],
        )
        for tag in TAGS
    ]
    report = Postponed(
        START,
        until,
        postponed_items,
        sorted(
            (ReasonCount(r, n, len(reason_items[r])) for r, n in reason_times.items()),
            key=lambda r: -r.times,
        ),
        [Count(tag, n) for tag, n in put_times.most_common()],
        [],
        [Count(key, n) for key, n in weekdays.most_common()],
        [],
        len(postponed_items),
        dict(Counter(item.times for item in postponed_items)),
    )

    energy: dict[date, list[int]] = defaultdict(list)
    for n, day in enumerate(days):
        level = 3.5 - plant.energy_drop * n / len(days) + rng.gauss(0, 0.8)
        energy[day - timedelta(day.weekday())].append(min(5, max(1, round(level))))
    weeks = [WeekEnergy(monday, sum(v) / len(v), len(v)) for monday, v in sorted(energy.items())]
    attitudes = [
        AttitudeScore(START + timedelta(n), key, rng.randint(2, 4))
        for n in range(0, DAYS[size], 14)
        for key in DEFAULT_ATTITUDES
    ]
    return Journal(START, until, balances, report, weeks, attitudes)


def claims(journal: Journal) -> set[str]:
    """Every claim the app would make on this journal, one short key each."""
    found = signal.tag_signal(signal.tag_ratings(journal.balances))
    said = {f"energy #{f.key}" for f in found.energisers}
    said |= {f"drain #{f.key}" for f in found.drains}
    said |= {f"put off #{f.key}" for f in signal.put_off_signal(journal.balances)}
    said |= {f"reason {f.key}" for f in postponements.reason_standouts(journal.report)}
    said |= {f"weekday {f.key}" for f in postponements.weekday_standouts(journal.report)}
    said |= {f"chronic {c.item.title}" for c in postponements.chronic(journal.report)}
    trend = signal.energy_trend(journal.weeks)
    if trend is not None and trend.direction:
        said.add("energy rising" if trend.direction > 0 else "energy falling")
    for key, attitude in signal.attitude_trends(journal.attitudes).items():
        if attitude.direction:
            said.add(f"attitude {key}")
    return said


# True, though not planted as such: the task put off out of doubt makes doubt a
# more frequent reason. A claim that may be made, never one that must.
ALSO_TRUE = {"reason unsure"}


def planted(plant: Plant) -> set[str]:
    """The claims a journal with these signals should make (and, with ALSO_TRUE, the
    only ones it may make)."""
    expected = set()
    if plant.energiser:
        expected.add("energy #mentoring")
    if plant.drainer:
        expected.add("drain #bookkeeping")
    if plant.chronic:
        expected.add("chronic the talk I doubt")
    if plant.fridays:
        expected.add("weekday friday")
    if plant.energy_drop:
        expected.add("energy falling")
    return expected
