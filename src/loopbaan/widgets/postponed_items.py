"""The items put off most: how often, how long, why, where they stand, what to try."""

from __future__ import annotations

from collections.abc import Sequence

from rich.text import Text

from loopbaan.domain import Reason, Status
from loopbaan.i18n import _
from loopbaan.insight.postponements import CHRONIC_TIMES, is_chronic, suggestion
from loopbaan.labels import REASON_LABEL, STATUS_LABEL
from loopbaan.safe import printable
from loopbaan.store.postponed import PostponedItem
from loopbaan.widgets.dates import day_month
from loopbaan.widgets.row_table import Column, RowTable


def reasons_text(item: PostponedItem) -> str:
    """`unclear 2 · too big 1`: an item's reasons, most given first."""
    return " · ".join(f"{_(REASON_LABEL[Reason(r)])} {n}" for r, n in item.reasons.items())


def status_text(item: PostponedItem) -> str:
    """`open · 24 Nov` for a task still to do; `done` or `dropped` otherwise."""
    label = _(STATUS_LABEL[item.status])
    return f"{label} · {day_month(item.day)}" if item.status is Status.OPEN else label


class PostponedItems(RowTable):
    """Rows keyed by item id, most often postponed first; chronic ones marked ●."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(
            [
                Column("mark", " ", 1),
                # The item and the suggestion share the rest, three to two. When there is
                # too little, the suggestion goes first (the headline has the main one),
                # then the days put off (× still says how often).
                Column("title", _("Item"), share=3, least=24),
                Column("times", "×", 3),
                Column("days", _("Days"), 4, drop=1),
                Column("why", _("Why"), 20),
                Column("now", _("Now"), 13),
                Column("suggestion", _("Suggestion"), share=2, least=20, most=40, drop=2),
            ],
            id=id,
        )
        self.items: dict[int, PostponedItem] = {}

    @property
    def item(self) -> PostponedItem | None:
        """The item under the cursor."""
        item_id = self.selected_id
        return self.items.get(item_id) if item_id is not None else None

    def show(
        self, items: Sequence[PostponedItem], total: int, chronic_times: int = CHRONIC_TIMES
    ) -> None:
        """Show these items (the first of `total` put off in the period); those put off
        `chronic_times` or more (`insight.postponements.chronic_times`) are marked."""
        self.items = {item.id: item for item in items}
        self.set_rows(
            [
                (
                    item.id,
                    (
                        Text("●", style="bold") if is_chronic(item, chronic_times) else "",
                        Text(printable(item.title), overflow="ellipsis", no_wrap=True),
                        Text(str(item.times), justify="right"),
                        Text(str(item.days_deferred), justify="right"),
                        Text(reasons_text(item), overflow="ellipsis", no_wrap=True),
                        Text(status_text(item), no_wrap=True),
                        Text(
                            # a dropped task is settled: no advice on it
                            ""
                            if item.status is Status.DROPPED
                            else _(suggestion(item.dominant_reason)),
                            overflow="ellipsis",
                        ),
                    ),
                )
                for item in items
            ],
            self.selected_id,
        )
        self.border_title = (
            _("Postponed most: {shown} of {n} items").format(shown=len(items), n=total)
            if len(items) < total
            else _("Postponed items ({n})").format(n=total)
        )
        self.border_subtitle = _(
            "× times · Days: days put off in all · ● chronic: {times} times or more, not dropped"
        ).format(times=chronic_times)
