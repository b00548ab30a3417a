"""The capture line of the Today screen: `a`, then a title with its marks (`+ !task #tag`).

Its label reads the marks back as they are typed: which kind Enter will make,
and how it is rated.
"""

from __future__ import annotations

from collections.abc import Callable

from textual import on
from textual.widgets import Input, Label

from loopbaan.domain import Kind, parse_markers
from loopbaan.i18n import N_, _
from loopbaan.labels import RATING_MARK
from loopbaan.widgets.capture_line import CaptureLine, Prompt

ADD_LABEL = {
    Kind.ACTIVITY: N_("Add an activity:"),
    Kind.APPOINTMENT: N_("Add an appointment:"),
    Kind.TASK: N_("Add a task:"),
}


class ItemCaptureLine(CaptureLine):
    """A capture line for items; `begin_item(add)` opens it, `add(line)` makes the item."""

    def begin_item(self, add: Callable[[str], bool | None]) -> None:
        self.begin(
            "item",
            lambda: Prompt(
                _(ADD_LABEL[Kind.ACTIVITY]),
                _("what you did · + − 0 rate it · !task · @appointment · #tags · Esc ends"),
                add,
            ),
        )

    @on(Input.Changed)
    def _read_back_kind(self, event: Input.Changed) -> None:
        """The label says which kind Enter will make, and how it is rated."""
        kind, rating, _title = parse_markers(event.value)
        label = _(ADD_LABEL[kind or Kind.ACTIVITY])
        if rating is not None:
            label = f"{label.removesuffix(':')} {RATING_MARK[rating]}:"
        self.query_one(Label).update(label)
