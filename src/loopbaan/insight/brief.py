"""The conversation brief of DESIGN §7 as Markdown: values in, one page of text out.

What it singles out (a tag that energises or drains, a reason, a weekday, a chronic
item, a trend) comes from the same functions in `insight.signal` and
`insight.postponements` that Insights, Week and Postponed call, so a claim is made
here exactly when it is made there (decision 0010). It is written for a reader who
never saw the app: journal text escaped and shown as typed, tags as words, no ids,
no section without content, and it ends with next steps, not a score.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from datetime import date

from loopbaan.domain import (
    DEFAULT_ATTITUDES,
    DIRECTION_TEXT,
    REASON_TEXT,
    GoalStatus,
    Item,
    Reason,
    Status,
)
from loopbaan.i18n import _, decimal, format_day, ngettext, weekday_name
from loopbaan.insight import postponements as put_off
from loopbaan.insight import signal
from loopbaan.labels import DIRECTION_LABEL, NEGOTIATION_LABEL, ROLE_LABEL
from loopbaan.markdown_text import escape, one_line
from loopbaan.store.brief import BriefData, GoalPlan, TitleCount
from loopbaan.store.postponed import WEEKDAYS as WEEKDAY_KEYS
from loopbaan.store.talks import Conversation

CHRONIC_SHOWN = 5
NEXT_STEPS = 7  # a page, not a backlog
_TAG = re.compile(r"#([\w-]+)")
_TRAILING_TAGS = re.compile(r"(?:\s+#[\w-]+)+\s*$")


def long_day(day: date) -> str:
    """`23 November 2026`."""
    return format_day(day, "d MMMM y")


def plain_title(title: str) -> str:
    """A title as a sentence: tags at the end dropped, tags inside it as words,
    escaped for Markdown (`Prepare the #slides for Friday #work` → `Prepare the slides
    for Friday`). A title of tags only keeps them as words."""
    stripped = _TRAILING_TAGS.sub("", title)
    if not _TAG.sub("", stripped).strip():
        stripped = title
    return one_line(_TAG.sub(r"\1", stripped))


def _words(text: str) -> str:
    return one_line(text)


def _sentence(text: str) -> str:
    """One sentence: capitalised, ending in a stop."""
    text = text.strip()
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text[-1] in ".!?…" else text + "."


# ---------------------------------------------------------------------- sections


def _title(data: BriefData) -> list[str]:
    period = data.period
    if data.for_name:
        heading = _("Career conversation with {name}").format(
            name=one_line(data.for_name, heading=True)
        )
    else:
        heading = _("Career conversation brief")
    span = _("{since} – {until}").format(since=long_day(period.since), until=long_day(period.until))
    if period.last_talk is not None and not period.given:
        why = _("since my last career conversation, on {day}").format(
            day=long_day(period.last_talk)
        )
    elif not period.given:
        why = _("the last {n} days; no career conversation before").format(
            n=(period.until - period.since).days
        )
    else:
        why = ""
    line = f"*{span}*" + (f" · {why}" if why else "")
    return [f"# {heading}", line]


def _examples(examples: Iterable[TitleCount], tag: str, plus: bool) -> str:
    chosen = sorted(
        (e for e in examples if e.tag == tag and (e.plus if plus else e.minus)),
        key=lambda e: (-(e.plus if plus else e.minus), e.title),
    )[:3]
    shown = []
    for example in chosen:
        times = example.plus if plus else example.minus
        text = plain_title(example.title)
        shown.append(f"{text} ({times}×)" if times > 1 else text)
    return _("For example: {titles}.").format(titles=_("; ").join(shown)) if shown else ""


def _energy(data: BriefData) -> list[str]:
    found = signal.tag_signal(signal.tag_ratings(data.balances))
    lines: list[str] = []
    for finding in found.energisers:
        lines.append(
            "- "
            + _("**Gives me energy: {tag}.** {evidence}.").format(
                tag=escape(finding.key), evidence=signal.plus_evidence(finding)
            )
            + _prefixed(_examples(data.examples, finding.key, plus=True))
        )
    for finding in found.drains:
        lines.append(
            "- "
            + _("**Drains me: {tag}.** {evidence}.").format(
                tag=escape(finding.key), evidence=signal.minus_evidence(finding)
            )
            + _prefixed(_examples(data.examples, finding.key, plus=False))
        )
    if not lines and found.ratings:
        lines.append(signal.no_tag_stands_out(found))
    average = signal.energy_average(data.energy)
    if average is not None:
        days = sum(week.days for week in data.energy)
        energy = ngettext(
            "My energy at the end of the day: {average} of 5 on the one day I noted it",
            "My energy at the end of the day: {average} of 5 on average over {n} days",
            days,
        ).format(average=decimal(average), n=days)
        trend = signal.trend_words(signal.energy_trend(data.energy))
        energy = f"{energy}; {trend}." if trend else f"{energy}."
    if not lines and average is None:
        return []
    body = "\n".join(lines)
    if average is not None:
        body = f"{body}\n\n{energy}" if body else energy
    return [_("## What gives me energy, and what drains it"), body]


def _prefixed(text: str) -> str:
    return f" {text}" if text else ""


def _postponing(data: BriefData) -> list[str]:
    report = data.postponed
    if not report.total:
        return []
    lines: list[str] = []
    reasons = [
        _("{meaning} ({evidence})").format(
            meaning=_(REASON_TEXT[Reason(finding.key)][0]),
            evidence=put_off.reason_evidence(finding),
        )
        for finding in put_off.reason_standouts(report)
    ]
    if reasons:
        lines.append(
            ngettext(
                "The reason I give most: {reasons}.",
                "The reasons I give most: {reasons}.",
                len(reasons),
            ).format(reasons=_("; ").join(reasons))
        )
    for finding in put_off.weekday_standouts(report):
        lines.append(
            _("Most often put off from a {weekday} ({evidence}).").format(
                weekday=weekday_name(WEEKDAY_KEYS.index(finding.key)),
                evidence=put_off.reason_evidence(finding),
            )
        )
    times = put_off.chronic_times(report)
    chronic = put_off.chronic(report, times)
    if not lines and not chronic:
        lines.append(put_off.no_reason_stands_out(report))
    items = []
    for entry in chronic[:CHRONIC_SHOWN]:
        text = _(
            "**{title}**: put off {times} times ({days} days in all), mostly because: {meaning}."
        ).format(
            title=plain_title(entry.item.title),
            times=entry.item.times,
            days=entry.item.days_deferred,
            meaning=_(REASON_TEXT[entry.reason][0]),
        )
        if entry.suggestion:
            text += " " + _("What would help: {suggestion}.").format(suggestion=_(entry.suggestion))
        items.append(f"- {text}")
    more = put_off.chronic_count(report, times) - len(items)
    if chronic and more > 0:
        items.append("- " + ngettext("and {n} more", "and {n} more", more).format(n=more))
    body = "\n\n".join(lines)
    if items:
        intro = _(
            "Put off {times} times or more in this period, more often than my other tasks:"
        ).format(times=times)
        body += "\n\n" + intro + "\n\n" + "\n".join(items)
    return [_("## What I keep putting off, and why"), body]


def _goal(plan: GoalPlan) -> list[str]:
    goal = plan.goal
    heading = one_line(goal.title, heading=True)
    if goal.status is GoalStatus.PAUSED:
        heading += " " + _("(paused)")
    fields: list[tuple[str, str]] = [
        (_("Goal"), _words(goal.statement)),
        (_("On the horizon"), _words(goal.beacon)),
    ]
    if goal.direction is not None:
        fields.append(
            (
                _("Direction"),
                _("{direction} — {meaning}").format(
                    direction=_(DIRECTION_LABEL[goal.direction]),
                    meaning=_(DIRECTION_TEXT[goal.direction]),
                ),
            )
        )
    fields.append((_("First step"), _words(goal.first_step)))
    if goal.milestones_total:
        progress = _("{done} of {total} done").format(
            done=goal.milestones_done, total=goal.milestones_total
        )
        if plan.open_milestones:
            still = _("; ").join(_milestone(m.title, m.due_day) for m in plan.open_milestones)
            progress += _("; still open: {milestones}").format(milestones=still)
        fields.append((_("Milestones"), progress))
    fields += [
        (_("What I need"), _words(goal.needs)),
        (_("Discussed with"), _words(goal.supporters)),
    ]
    lines = [f"- **{label}:** {value}" for label, value in fields if value]
    return [f"### {heading}", "\n".join(lines)] if lines else [f"### {heading}"]


def _milestone(title: str, due: date | None) -> str:
    text = _words(title)
    return _("{milestone} (by {day})").format(milestone=text, day=long_day(due)) if due else text


def _goals(data: BriefData) -> list[str]:
    if not data.goals:
        return []
    parts = [_("## My goal projects")]
    for plan in data.goals:
        parts += _goal(plan)
    return parts


def _attitudes(data: BriefData, labels: Mapping[str, tuple[str, str]]) -> list[str]:
    if not data.scores:
        return []
    order = list(labels)
    scores = sorted(
        data.scores,
        key=lambda s: (order.index(s.attitude) if s.attitude in order else len(order), s.attitude),
    )

    def label(key: str) -> str:
        return _(labels[key][0]) if key in labels else key

    lines = []
    for score in scores:
        question = ""
        if score.attitude in labels:
            asked = _(labels[score.attitude][1])
            question = f" ({asked[:1].lower()}{asked[1:]})"
        change = score.change
        if change is None:
            moved = ""
        elif change > 0:
            moved = _(", up {n} from the time before").format(n=change)
        elif change < 0:
            moved = _(", down {n} from the time before").format(n=-change)
        else:
            moved = _(", as the time before")
        lines.append(
            f"- **{escape(label(score.attitude))}**{question}: "
            + _("{score} of 5 on {day}{moved}.").format(
                score=score.score, day=long_day(score.day), moved=moved
            )
        )
    trends = signal.attitude_trends(data.attitude_history)
    said = signal.attitude_words(trends, label)
    body = "\n".join(lines)
    if said:
        body += "\n\n" + _("Over the past year: {trends}.").format(trends=escape(said))
    return [_("## How I rate my career attitudes (1–5)"), body]


def _feedback(data: BriefData) -> list[str]:
    asked, received = data.feedback
    if not asked and not received and not data.feedback_talks:
        return []
    lines = [
        _sentence(
            ngettext("I asked for feedback once", "I asked for feedback {n} times", asked).format(
                n=asked
            )
            if asked
            else _("I did not ask for feedback in this period")
        )
    ]
    talks = []
    for talk in data.feedback_talks:
        heard = " ".join(
            text for text in (_sentence(_words(talk.summary)), _outcome(talk.outcome)) if text
        )
        talks.append(f"- {_who(talk)}: {heard}" if heard else f"- {_who(talk)}")
    body = " ".join(lines)
    if talks:
        body += "\n\n" + "\n".join(talks)
    return [_("## Feedback I received"), body]


def _who(talk: Conversation) -> str:
    return _("**{who}** ({role}), {day}").format(
        who=_words(talk.with_whom), role=_(ROLE_LABEL[talk.role]), day=long_day(talk.day)
    )


def _outcome(outcome: str) -> str:
    return (
        _("What I take from it: {outcome}").format(outcome=_sentence(_words(outcome)))
        if outcome.strip()
        else ""
    )


def _since_last_talk(data: BriefData) -> list[str]:
    talk = data.last_talk
    if talk is None:
        return []
    lines = [_("{who}.").format(who=_who(talk))]
    if talk.outcome.strip():
        lines.append(_("We agreed: {outcome}").format(outcome=_sentence(_words(talk.outcome))))
    body = " ".join(lines)
    done = [item for item in data.last_talk_follow_ups if item.status is Status.DONE]
    still = [item for item in data.last_talk_follow_ups if item.status is Status.OPEN]
    done_word, open_word = _("done"), _("still open")
    follow = [f"- {done_word}: {plain_title(i.title)}" for i in done]
    follow += [f"- {open_word}: {plain_title(i.title)}" for i in still]
    if follow:
        body += "\n\n" + "\n".join(follow)
    return [_("## Since our last conversation"), body]


def _asks(data: BriefData) -> list[str]:
    talk = data.next_talk
    if talk is None:
        return []
    intro = _("For the conversation with {who} on {day}:").format(
        who=_words(talk.with_whom), day=long_day(talk.day)
    )
    fields = [(_("My ask"), talk.prepared)]
    if talk.is_negotiation:
        fields += [
            (_(label), getattr(talk, name)) for name, (label, _q) in NEGOTIATION_LABEL.items()
        ]
    lines = [
        f"- **{label}:** {escape(' '.join(value.split()))}"
        for label, value in fields
        if value.strip()
    ]
    return [_("## What I want from this conversation"), intro + "\n\n" + "\n".join(lines)]


def _next_steps(data: BriefData) -> list[str]:
    steps: list[str] = []
    if data.week_next_step.strip():
        steps.append(_sentence(_words(data.week_next_step)))
    for plan in data.goals:
        if plan.goal.status is not GoalStatus.ACTIVE:
            continue
        title = _words(plan.goal.title)
        if plan.open_milestones:
            first = plan.open_milestones[0]
            steps.append(
                _("{goal}: {step}.").format(goal=title, step=_milestone(first.title, first.due_day))
            )
        elif plan.goal.first_step.strip():
            steps.append(
                _("{goal}: {step}").format(goal=title, step=_sentence(_words(plan.goal.first_step)))
            )
    for entry in put_off.chronic(data.postponed)[:3]:
        if entry.suggestion:
            steps.append(
                _("{title}: {suggestion}.").format(
                    title=plain_title(entry.item.title), suggestion=_(entry.suggestion)
                )
            )
    steps += [_follow_up(item, data.today) for item in data.open_follow_ups]
    unique = list(dict.fromkeys(steps))[: NEXT_STEPS - 1]
    unique.append(_("Agree on the next step we take together, and when we talk again."))
    return [_("## Next steps"), "\n".join(f"{n}. {step}" for n, step in enumerate(unique, 1))]


def _follow_up(item: Item, today: date) -> str:
    title = plain_title(item.title)
    if item.day < today:
        return _("{title} (a follow-up, planned for {day}).").format(
            title=title, day=long_day(item.day)
        )
    return _("{title} (a follow-up).").format(title=title)


def _nothing_yet(data: BriefData) -> list[str]:
    return [
        _(
            "Nothing from my working days was written down in this period yet: no ratings, "
            "reviews or postponements. A couple of weeks of short end-of-day reviews give the "
            "next brief something to say."
        )
    ]


def compose(data: BriefData, attitudes: Mapping[str, tuple[str, str]] | None = None) -> str:
    """The brief as Markdown (ends with a newline). `attitudes`: the settings' list
    (key → label, question); the four default ones when not given."""
    labels = DEFAULT_ATTITUDES if attitudes is None else attitudes
    parts = _title(data)
    if not data.has_entries:
        parts += _nothing_yet(data)
    for section in (
        _energy(data),
        _postponing(data),
        _goals(data),
        _attitudes(data, labels),
        _feedback(data),
        _since_last_talk(data),
        _asks(data),
        _next_steps(data),
    ):
        parts += section
    return "\n\n".join(parts) + "\n"
