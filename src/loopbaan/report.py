"""Rich output of the command line's longer reports (never imported by quick commands)."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table
from rich.text import Text

from loopbaan.domain import REASON_TEXT, Reason
from loopbaan.i18n import _, ngettext, weekday_name
from loopbaan.insight import postponements as claims
from loopbaan.insight.postponements import Chronic
from loopbaan.labels import REASON_LABEL
from loopbaan.safe import printable
from loopbaan.store.postponed import WEEKDAYS as WEEKDAY_KEYS
from loopbaan.store.postponed import Postponed

TOP = 15


def print_postponed(
    report: Postponed, chronic: list[Chronic], console: Console | None = None
) -> None:
    console = console or Console()
    console.print(
        _("[b]Postponed[/b] {since} – {until}: {n}").format(
            since=report.since.isoformat(),
            until=report.until.isoformat(),
            n=ngettext("{n} postponement", "{n} postponements", report.total).format(
                n=report.total
            ),
        )
    )
    if not report.total:
        console.print(_("Nothing was postponed in this period."))
        return
    reasons = Table(title=_("Why"), title_justify="left", expand=False)
    reasons.add_column(_("reason"))
    reasons.add_column(_("times"), justify="right")
    reasons.add_column(_("items"), justify="right")
    reasons.add_column(_("suggestion"))
    for row in report.by_reason:
        reasons.add_row(
            _(REASON_LABEL[row.reason]),
            str(row.times),
            str(row.items),
            _(REASON_TEXT[row.reason][1]) or "—",
        )
    console.print(reasons)
    top = next(iter(claims.reason_standouts(report)), None)
    if top is None:
        console.print(escape(claims.no_reason_stands_out(report)))
    else:
        console.print(
            escape(
                _("Most often: {reason} ({evidence}).").format(
                    reason=_(REASON_LABEL[Reason(top.key)]), evidence=claims.reason_evidence(top)
                )
            )
        )
    for day in claims.weekday_standouts(report):
        console.print(
            escape(
                _("Put off most from {weekday}: {evidence}.").format(
                    weekday=weekday_name(WEEKDAY_KEYS.index(day.key)),
                    evidence=claims.reason_evidence(day),
                )
            )
        )
    if chronic:
        table = Table(
            title=_("Chronic: postponed {times} times or more").format(
                times=claims.chronic_times(report)
            ),
            title_justify="left",
        )
        table.add_column(_("id"), justify="right")
        table.add_column(_("title"))
        table.add_column(_("times"), justify="right")
        table.add_column(_("days"), justify="right")
        table.add_column(_("mostly"))
        table.add_column(_("try"))
        for entry in chronic[:TOP]:
            table.add_row(
                str(entry.item.id),
                Text(printable(entry.item.title)),  # as typed: no markup, nothing obeyed
                str(entry.item.times),
                str(entry.item.days_deferred),
                _(REASON_LABEL[entry.reason]),
                _(entry.suggestion) or "—",
            )
        console.print(table)
    if report.by_tag:
        tags = ", ".join(f"#{escape(printable(t.key))} {t.times}" for t in report.by_tag[:TOP])
        console.print(_("[b]Tags[/b] {tags}").format(tags=tags))
    if report.by_weekday:
        weekdays = ", ".join(
            f"{weekday_name(WEEKDAY_KEYS.index(w.key))} {w.times}" for w in report.by_weekday
        )
        console.print(_("[b]Planned for[/b] {days}").format(days=weekdays))
