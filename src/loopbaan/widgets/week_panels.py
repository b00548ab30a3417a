"""The Week screen's read-only panels: days, tags, standouts, postponed, goals that moved.

Each is a Static that draws a `WeekSummary` with `show()`; colours come from
the theme (`$text-success` for plus, `$text-error` for minus).
"""

from __future__ import annotations

from datetime import date

from textual.content import Content
from textual.widgets import Static

from loopbaan.i18n import _, format_day, ngettext
from loopbaan.insight import signal
from loopbaan.insight.postponements import suggestion
from loopbaan.insight.week import Standout, Tally, Week, WeekSummary, weeks_between
from loopbaan.labels import REASON_LABEL
from loopbaan.safe import printable
from loopbaan.widgets.dates import MONTHS_SHORT, WEEKDAYS_SHORT

PLUS, MINUS, MUTED = "$text-success", "$text-error", "$text-muted"
BAR_WIDTH = 10  # cells for the busiest day's bar; quieter weeks draw one cell per item
TAGS_SHOWN = 10
POSTPONED_SHOWN = 5
GOALS_SHOWN = 4


def _day_month(day: date, with_year: bool = False) -> str:
    text = format_day(day, "d MMM")
    return f"{text} {day.year}" if with_year else text


def week_span(week: Week) -> str:
    """`23–29 Nov 2026`, `30 Nov – 6 Dec 2026`, `28 Dec 2026 – 3 Jan 2027`."""
    first, last = week.first, week.last
    if first.year != last.year:
        return f"{_day_month(first, True)} – {_day_month(last, True)}"
    if first.month != last.month:
        return f"{_day_month(first)} – {_day_month(last, True)}"
    return f"{first.day}–{_day_month(last, True)}"


def week_title(week: Week) -> str:
    """`Week 48 · 23–29 Nov 2026`; the ISO year too when the days span two years."""
    if week.first.year == week.last.year == week.year:
        name = _("Week {number}").format(number=week.number)
    else:
        name = _("Week {number} of {year}").format(number=week.number, year=week.year)
    return f"{name} · {week_span(week)}"


def relative_week(week: Week, this_week: Week) -> str:
    """`this week`, `last week`, `next week`, `3 weeks ago`, `in 2 weeks`."""
    weeks = weeks_between(this_week, week)
    if weeks == 0:
        return _("this week")
    if weeks == -1:
        return _("last week")
    if weeks == 1:
        return _("next week")
    if weeks < 0:
        return ngettext("{n} week ago", "{n} weeks ago", -weeks).format(n=-weeks)
    return ngettext("in {n} week", "in {n} weeks", weeks).format(n=weeks)


def _count(n: int, style: str, width: int = 3) -> tuple[str, str]:
    """A right-aligned count; a zero is a muted dot, so the figures stand out."""
    return (f"{n:>{width}}", style) if n else (f"{'·':>{width}}", MUTED)


def _net(n: int, width: int = 5) -> tuple[str, str]:
    if n > 0:
        return f"{'+' + str(n):>{width}}", PLUS
    if n < 0:
        return f"{'−' + str(-n):>{width}}", MINUS
    return f"{'0':>{width}}", MUTED


class WeekPanel(Static):
    """A bordered panel of lines that are cut with an ellipsis rather than wrapped."""

    DEFAULT_CSS = """
    WeekPanel {
        height: auto;
        padding: 0 1;
        text-wrap: nowrap;
        text-overflow: ellipsis;
        &.-empty { text-wrap: wrap; color: $text-muted; }
    }
    """

    def __init__(self, title: str, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self.border_title = title

    def show(self, summary: WeekSummary, today: date) -> None:
        raise NotImplementedError

    def show_lines(self, lines: list[Content]) -> None:
        self.remove_class("-empty")
        self.update(Content("\n").join(lines))

    def show_nothing(self, message: str) -> None:
        """A sentence instead of figures: wrapped, where figures are cut."""
        self.add_class("-empty")
        self.update(message)


class DaysPanel(WeekPanel):
    """Per day: review finished, pluses, minuses, zeros, not rated yet, and a bar of + and −."""

    def show(self, summary: WeekSummary, today: date) -> None:
        most = max((line.tally.plus + line.tally.minus for line in summary.days), default=0)
        scale = min(1.0, BAR_WIDTH / most) if most else 1.0
        lines = [
            Content.styled(f"{'':10}{'✓':>3}{'+':>3}{'−':>3}{'0':>3}{'?':>3}", f"{MUTED} bold")
        ]
        for line in summary.days:
            lines.append(self._line(line.day, line.tally, line.reviewed, scale, today))
        lines.append(Content.styled(_("✓ day reviewed · ? not rated yet"), MUTED))
        self.show_lines(lines)

    def _line(self, day: date, tally: Tally, reviewed: bool, scale: float, today: date) -> Content:
        label = _("{weekday} {day} {month}").format(
            weekday=_(WEEKDAYS_SHORT[day.weekday()]),
            day=f"{day.day:>2}",
            month=_(MONTHS_SHORT[day.month - 1]),
        )
        label_style = "bold $text-accent" if day == today else ("" if day < today else MUTED)
        plus_cells = round(tally.plus * scale) or (1 if tally.plus else 0)
        minus_cells = round(tally.minus * scale) or (1 if tally.minus else 0)
        return Content.assemble(
            (f"{label:<10}", label_style),
            (f"{'✓':>3}", PLUS) if reviewed else "   ",
            _count(tally.plus, PLUS),
            _count(tally.minus, MINUS),
            _count(tally.neutral, ""),
            _count(tally.unrated, "$text-warning"),
            "  ",
            ("█" * plus_cells, "$success"),
            ("█" * minus_cells, "$error"),
        )


class TagsPanel(WeekPanel):
    """Per tag: pluses, minuses, zeros and the net; the tags that stand out first and
    marked ●, with their evidence in words below (the same words as Insights)."""

    def show(self, summary: WeekSummary, today: date) -> None:
        if not summary.tags:
            self.show_nothing(_("No rated items with a #tag this week."))
            return
        found = signal.tag_signal(
            [(t.tag, t.tally.plus, t.tally.minus, t.tally.rated) for t in summary.tags]
        )
        tallies = {line.tag: line.tally for line in summary.tags}
        order = signal.standouts_first(
            ((line.tag, line.tally.rated) for line in summary.tags), found
        )
        shown = order[:TAGS_SHOWN]
        width = min(max(len(printable(tag)) for tag, _marked in shown) + 2, 20)  # "#tag "
        tag_word, net_word = _("tag"), _("net")
        lines = [
            Content.styled(
                f"  {tag_word:<{width}}{'+':>3}{'−':>3}{'0':>3}{net_word:>5}", f"{MUTED} bold"
            )
        ]
        for tag, marked in shown:
            tally = tallies[tag]
            name = f"#{printable(tag)}"
            if len(name) > width:
                name = name[: width - 1] + "…"
            lines.append(
                Content.assemble(
                    ("● " if marked else "  ", "$text-accent"),
                    (f"{name:<{width}}", "$text-accent"),
                    _count(tally.plus, PLUS),
                    _count(tally.minus, MINUS),
                    _count(tally.neutral, ""),
                    _net(tally.net),
                )
            )
        if len(order) > TAGS_SHOWN:
            more = len(order) - TAGS_SHOWN
            lines.append(
                Content.styled(
                    ngettext("… and {n} more tag", "… and {n} more tags", more).format(n=more),
                    MUTED,
                )
            )
        styles = {1: PLUS, -1: MINUS, 0: MUTED}
        for sign, sentence in signal.evidence_lines(found):
            mark = "● " if sign else ""
            lines.append(Content.styled(mark + printable(sentence), styles[sign]))
        self.show_lines(lines)


class StandoutsPanel(WeekPanel):
    """The items with the most pluses and the most minuses (same titles together)."""

    def show(self, summary: WeekSummary, today: date) -> None:
        if not (summary.most_plus or summary.most_minus):
            self.show_nothing(
                _("Nothing rated + or − this week. Rate the day's items on Today (1).")
            )
            return
        lines = [Content.styled(_("Gave energy"), f"{PLUS} bold")]
        lines += self._lines(summary.most_plus, plus=True) or [self._none()]
        lines.append(Content.styled(_("Cost energy"), f"{MINUS} bold"))
        lines += self._lines(summary.most_minus, plus=False) or [self._none()]
        self.show_lines(lines)

    @staticmethod
    def _none() -> Content:
        return Content.styled(_("  nothing"), MUTED)

    @staticmethod
    def _lines(standouts: tuple[Standout, ...], plus: bool) -> list[Content]:
        lines = []
        for standout in standouts:
            count, mark, style = (
                (standout.plus, "+", PLUS) if plus else (standout.minus, "−", MINUS)
            )
            lines.append(
                Content.assemble(
                    (f"{count:>3}{mark} ", style),
                    printable(standout.title),
                )
            )
        return lines


class PostponedPanel(WeekPanel):
    """Why things were put off (with the method's suggestion) and what was put off most."""

    def show(self, summary: WeekSummary, today: date) -> None:
        if not summary.reasons:
            self.show_nothing(_("Nothing postponed this week."))
            return
        items = len(summary.postponed)
        lines = [
            Content.styled(
                ngettext("{n} postponement", "{n} postponements", summary.postponements).format(
                    n=summary.postponements
                )
                + " · "
                + ngettext("{n} task", "{n} tasks", items).format(n=items),
                "bold",
            )
        ]
        for line in summary.reasons:
            advice = suggestion(line.reason)
            lines.append(
                Content.assemble(
                    (f"{line.times:>3}× ", "$text-warning"),
                    (f"{_(REASON_LABEL[line.reason]):<9}", "bold"),
                    (f" {_(advice)}" if advice else "", MUTED),
                )
            )
        lines.append(Content(""))
        for item in summary.postponed[:POSTPONED_SHOWN]:
            reasons = ", ".join(_(REASON_LABEL[reason]) for reason in item.reasons)
            lines.append(
                Content.assemble(
                    (f"{item.times:>3}× ", "$text-warning"),
                    printable(item.title),
                    (f" · {reasons}", MUTED),
                )
            )
        if len(summary.postponed) > POSTPONED_SHOWN:
            more = len(summary.postponed) - POSTPONED_SHOWN
            lines.append(
                Content.styled(
                    _("… and {n} more; Postponed (4) has them all").format(n=more), MUTED
                )
            )
        self.show_lines(lines)


class GoalsPanel(WeekPanel):
    """The goals that moved: milestones reached (◆) and linked items done (✓)."""

    def show(self, summary: WeekSummary, today: date) -> None:
        if not summary.goals:
            self.show_nothing(_("No goal moved: no milestone reached, no linked task done."))
            return
        lines = []
        for move in summary.goals[:GOALS_SHOWN]:
            progress = (
                f"  {move.milestones_done}/{move.milestones_total}" if move.milestones_total else ""
            )
            lines.append(Content.assemble((printable(move.title), "bold"), (progress, MUTED)))
            lines += [
                Content.assemble(("  ◆ ", "$text-accent"), printable(title))
                for title in move.milestones
            ]
            lines += [Content.assemble(("  ✓ ", PLUS), printable(title)) for title in move.items]
        if len(summary.goals) > GOALS_SHOWN:
            more = len(summary.goals) - GOALS_SHOWN
            lines.append(
                Content.styled(
                    ngettext("… and {n} more goal", "… and {n} more goals", more).format(n=more),
                    MUTED,
                )
            )
        self.show_lines(lines)
