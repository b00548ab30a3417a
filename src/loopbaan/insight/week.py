"""The week in review: which days make a week, and the week's figures shaped for reading.

Which days make a week: seven days from the first weekday of the settings
(0 = Monday, as `date.weekday()`). A week is filed (its label, its WeekReview)
under the ISO week that holds most of its days, which is the ISO week of its
fourth day. With Monday first that is exactly the ISO week, as ISO 8601 decides
a week by its Thursday; with Sunday first, Sunday 22 to Saturday 28 November
2026 is week 48, six of whose seven days it shares. Every ISO week is so one
week for any first weekday, and a review keeps nearly the same days when the
setting changes. (Filing by the first day instead would call that week 47, the
week of one of its days.)
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date, timedelta
from typing import NamedTuple

from loopbaan.domain import Rating, Reason
from loopbaan.store.week import GoalStep, WeekRows

STANDOUTS = 3  # items shown with the most pluses, and with the most minuses
_REASON_ORDER = {reason: n for n, reason in enumerate(Reason)}


class Week(NamedTuple):
    first: date  # the week's first day
    year: int  # the ISO year and week it is filed under
    number: int

    @property
    def last(self) -> date:
        return self.first + timedelta(days=min(6, (date.max - self.first).days))

    @property
    def days(self) -> tuple[date, ...]:
        """Its seven days (fewer only in the last week of the calendar, year 9999)."""
        return tuple(
            self.first + timedelta(days=n) for n in range((self.last - self.first).days + 1)
        )

    def holds(self, day: date) -> bool:
        return self.first <= day <= self.last

    def shifted(self, weeks: int) -> Week:
        """The week `weeks` later (earlier when negative)."""
        return week_of(self.first + timedelta(weeks=weeks), self.first.weekday())


def week_of(day: date, first_weekday: int = 0) -> Week:
    """The week that holds `day`, its first day being `first_weekday` (0 = Monday)."""
    first = day - timedelta(days=min((day.weekday() - first_weekday) % 7, (day - date.min).days))
    thursday = first + timedelta(days=min(3, (date.max - first).days))  # names the ISO week
    year, number, _weekday = thursday.isocalendar()
    return Week(first, year, number)


def weeks_between(earlier: Week, later: Week) -> int:
    """How many weeks `later` comes after `earlier` (negative when before)."""
    return (later.first - earlier.first).days // 7


class Tally(NamedTuple):
    """Ratings counted: how many items got a plus, a minus, a 0, or nothing yet."""

    plus: int = 0
    minus: int = 0
    neutral: int = 0
    unrated: int = 0

    @property
    def net(self) -> int:
        return self.plus - self.minus

    @property
    def rated(self) -> int:
        return self.plus + self.minus + self.neutral

    @property
    def items(self) -> int:
        return self.rated + self.unrated

    def add(self, rating: str | None, count: int) -> Tally:
        field = Rating(rating).value if rating else "unrated"
        return self._replace(**{field: getattr(self, field) + count})


class DayLine(NamedTuple):
    day: date
    tally: Tally
    reviewed: bool  # its day review was finished


class TagLine(NamedTuple):
    tag: str
    tally: Tally  # rated items only


class Standout(NamedTuple):
    """An item (all items of the same title taken together) and its pluses and minuses."""

    title: str
    plus: int
    minus: int


class PostponedLine(NamedTuple):
    item_id: int
    title: str
    times: int
    reasons: tuple[Reason, ...]  # most given first


class ReasonLine(NamedTuple):
    reason: Reason
    times: int  # postponements
    items: int  # distinct items


class GoalMove(NamedTuple):
    goal_id: int
    title: str
    milestones: tuple[str, ...]  # reached this week
    items: tuple[str, ...]  # linked items done this week
    milestones_done: int  # by the week's end
    milestones_total: int


class WeekSummary(NamedTuple):
    week: Week
    days: tuple[DayLine, ...]  # all seven, in order
    total: Tally
    tags: tuple[TagLine, ...]  # best net first, most drained last
    most_plus: tuple[Standout, ...]
    most_minus: tuple[Standout, ...]
    postponed: tuple[PostponedLine, ...]  # most postponed first
    reasons: tuple[ReasonLine, ...]  # most given first
    goals: tuple[GoalMove, ...]  # in the goals' own order

    @property
    def reviewed_days(self) -> tuple[date, ...]:
        return tuple(line.day for line in self.days if line.reviewed)

    @property
    def postponements(self) -> int:
        return sum(line.times for line in self.reasons)

    @property
    def is_empty(self) -> bool:
        return not (self.total.items or self.postponed or self.reviewed_days or self.goals)


def summarize(week: Week, rows: WeekRows) -> WeekSummary:
    """The week's figures, from the counts `store.week.week_rows` read for its days."""
    per_day: dict[date, Tally] = defaultdict(Tally)
    for count in rows.days:
        if week.holds(count.day):
            per_day[count.day] = per_day[count.day].add(count.rating, count.items)
    reviewed = set(rows.reviewed)
    days = tuple(DayLine(day, per_day[day], day in reviewed) for day in week.days)
    total = Tally(*(sum(values) for values in zip(*(line.tally for line in days), strict=True)))
    return WeekSummary(
        week=week,
        days=days,
        total=total,
        tags=tag_balance(rows.tags),
        most_plus=standouts(rows.titles, Rating.PLUS),
        most_minus=standouts(rows.titles, Rating.MINUS),
        postponed=postponed_items(rows.postponed),
        reasons=postpone_reasons(rows.postponed),
        goals=goal_moves(rows.goal_steps),
    )


def tag_balance(counts: Iterable[tuple[str, str, int]]) -> tuple[TagLine, ...]:
    """Tags by net plus, best first; among equals the busier one first, then by name."""
    tallies: dict[str, Tally] = defaultdict(Tally)
    for tag, rating, count in counts:
        tallies[tag] = tallies[tag].add(rating, count)
    lines = (TagLine(tag, tally) for tag, tally in tallies.items())
    return tuple(
        sorted(lines, key=lambda line: (-line.tally.net, -line.tally.rated, line.tag.casefold()))
    )


def standouts(
    counts: Iterable[tuple[str, str, int]], rating: Rating, limit: int = STANDOUTS
) -> tuple[Standout, ...]:
    """The titles with the most pluses (or minuses); the other sign breaks ties.

    The same title on several days ("Stand-up") is one thing done several times,
    whatever its case; it is shown as the first of its spellings.
    """
    names: dict[str, str] = {}
    plus: dict[str, int] = defaultdict(int)
    minus: dict[str, int] = defaultdict(int)
    for title, given, count in counts:
        key = title.casefold()
        names[key] = min(names.get(key, title), title)
        if given == Rating.PLUS:
            plus[key] += count
        elif given == Rating.MINUS:
            minus[key] += count
    if rating is Rating.PLUS:
        chosen = sorted(plus, key=lambda key: (-plus[key], minus[key], key))
    else:
        chosen = sorted(minus, key=lambda key: (-minus[key], plus[key], key))
    return tuple(Standout(names[key], plus[key], minus[key]) for key in chosen[:limit])


def postponed_items(counts: Iterable[tuple[int, str, str, int]]) -> tuple[PostponedLine, ...]:
    """Each item postponed in the week: how often, and the reasons it was given."""
    titles: dict[int, str] = {}
    reasons: dict[int, dict[Reason, int]] = defaultdict(dict)
    for item_id, title, reason, count in counts:
        titles[item_id] = title
        reasons[item_id][Reason(reason)] = count
    lines = [
        PostponedLine(
            item_id,
            titles[item_id],
            sum(given.values()),
            tuple(sorted(given, key=lambda r: (-given[r], _REASON_ORDER[r]))),
        )
        for item_id, given in reasons.items()
    ]
    return tuple(sorted(lines, key=lambda line: (-line.times, line.title.casefold())))


def postpone_reasons(counts: Iterable[tuple[int, str, str, int]]) -> tuple[ReasonLine, ...]:
    """Why things were put off: postponements and distinct items per reason, most first."""
    times: dict[Reason, int] = defaultdict(int)
    items: dict[Reason, set[int]] = defaultdict(set)
    for item_id, _title, reason, count in counts:
        times[Reason(reason)] += count
        items[Reason(reason)].add(item_id)
    lines = (ReasonLine(reason, times[reason], len(items[reason])) for reason in times)
    return tuple(sorted(lines, key=lambda line: (-line.times, _REASON_ORDER[line.reason])))


def goal_moves(steps: Iterable[GoalStep]) -> tuple[GoalMove, ...]:
    """The goals that moved: milestones reached and linked items done, per goal."""
    moves: dict[int, GoalMove] = {}
    for step in steps:
        move = moves.get(step.goal_id) or GoalMove(
            step.goal_id, step.goal, (), (), step.milestones_done, step.milestones_total
        )
        if step.milestone:
            move = move._replace(milestones=(*move.milestones, step.title))
        else:
            move = move._replace(items=(*move.items, step.title))
        moves[step.goal_id] = move
    return tuple(moves.values())
