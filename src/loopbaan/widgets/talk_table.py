"""The list of conversations: day, with whom, role, kind, my ask, the outcome, open follow-ups.

Besides it, `talk_line`: the days since the last career talk, and the nudge past the
setting, in the words the Talks header and Today's offer line share.
"""

from __future__ import annotations

from datetime import date

from rich.text import Text

from loopbaan.i18n import _, ngettext
from loopbaan.insight.talks import TalkNudge
from loopbaan.labels import ROLE_LABEL, TALK_KIND_LABEL
from loopbaan.safe import printable
from loopbaan.store.talks import Conversation
from loopbaan.widgets.row_table import Column, RowTable


def talk_line(nudge: TalkNudge) -> str:
    """`23 days since the last career talk`, or with the nudge `… · time for one`."""
    if nudge.days_since is None:
        text = _("no career talk yet")
    else:
        text = ngettext(
            "{n} day since the last career talk", "{n} days since the last career talk",
            nudge.days_since,
        ).format(n=nudge.days_since)  # fmt: skip
    return _("{text} · time for one").format(text=text) if nudge.due else text


def _cell(text: str) -> Text:
    return Text(printable(text), overflow="ellipsis", no_wrap=True)


class TalkTable(RowTable):
    """Conversations newest first; the screen hands it one page at a time."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            (
                Column("day", _("Day"), 10),
                Column("with", _("With"), 0, share=2, least=10, most=24),
                Column("role", _("Role"), 9, drop=2),
                Column("kind", _("Kind"), 11),
                Column("ask", _("My ask"), 0, share=3, least=12),
                Column("outcome", _("Outcome"), 0, share=3, least=10, drop=1),
                Column("open", _("Open"), 4),
            ),
            id=id,
        )

    def show(
        self, talks: list[Conversation], today: date, selected: int | None, *, first: bool = False
    ) -> int | None:
        """Show these conversations, the cursor on `selected`; returns the one under it."""
        rows = [
            (
                talk.id,
                (
                    Text(talk.day.isoformat(), style="dim" if talk.day > today else ""),
                    _cell(talk.with_whom),
                    _(ROLE_LABEL[talk.role]),
                    _(TALK_KIND_LABEL[talk.kind]),
                    _cell(talk.prepared),
                    _cell(talk.outcome),
                    Text(
                        str(talk.open_follow_ups) if talk.open_follow_ups else "", justify="right"
                    ),
                ),
            )
            for talk in talks
        ]
        return self.set_rows(rows, selected, first=first)
