"""One conversation in full: what I asked, what was said, what came of it, and its follow-ups."""

from __future__ import annotations

from datetime import date

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Grid, Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Label, Static

from loopbaan.domain import NEGOTIATION_FIELDS, Item, Status
from loopbaan.i18n import N_, _
from loopbaan.labels import NEGOTIATION_LABEL, ROLE_LABEL, TALK_KIND_LABEL, TASK_MARK
from loopbaan.safe import printable
from loopbaan.store.talks import Conversation
from loopbaan.widgets.dates import short_day
from loopbaan.widgets.row_table import RowTable

FIELDS = (
    ("prepared", N_("My ask")),
    ("summary", N_("Summary")),
    ("outcome", N_("Outcome")),
)


def _text(value: str, empty: str) -> Content:
    shown = printable(value.strip(), lines=True)
    return Content(shown) if shown else Content.styled(empty, "dim")


class TalkDetail(Horizontal, can_focus=False):
    """The highlighted conversation on the left, its follow-up tasks on the right."""

    DEFAULT_CSS = """
    TalkDetail {
        height: 1fr;
        & > #talk-about {
            width: 3fr;
            padding: 0 1;
            border: round $border-blurred;
            border-title-color: $text;
            border-title-style: bold;
        }
        & > #talk-steps {
            width: 2fr;
            padding: 0 1;
            border: round $border-blurred;
            &:focus-within { border: round $border; }
        }
        #talk-meta { color: $text-muted; }
        .talk-fields {
            grid-size: 2;
            grid-columns: 24 1fr;
            grid-rows: auto;
            height: auto;
            margin-top: 1;
            & > .label { color: $text-secondary; text-style: bold; }
        }
        #talk-negotiation-heading { margin-top: 1; text-style: bold; color: $text-primary; }
        .section { text-style: bold; color: $text-primary; }
        .empty { color: $text-muted; }
        RowTable { max-height: 12; }
    }
    """

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="talk-about", can_focus=False):
            yield Static(id="talk-meta", markup=False)
            with Grid(classes="talk-fields"):
                for name, label in FIELDS:
                    yield Label(_(label), classes="label")
                    yield Static(id=f"talk-{name}", markup=False)
            yield Label(_("Negotiation"), id="talk-negotiation-heading")
            with Grid(classes="talk-fields", id="talk-negotiation"):
                for name in NEGOTIATION_FIELDS:
                    yield Label(_(NEGOTIATION_LABEL[name][0]), classes="label")
                    yield Static(id=f"talk-{name}", markup=False)
        with Vertical(id="talk-steps"):
            yield Label(_("Follow-ups"), classes="section")
            yield RowTable(
                (("done", "", 3), ("title", _("Task"), 0), ("day", _("Day"), 10)),
                id="follow-ups",
            )
            yield Static(
                _("No follow-ups yet: f adds a next step as a task."),
                id="follow-ups-empty",
                classes="empty",
            )

    def show(self, talk: Conversation, tasks: list[Item], today: date) -> None:
        self.query_one("#talk-about").border_title = Content(printable(talk.with_whom))
        self.query_one("#talk-meta", Static).update(
            " · ".join(
                (
                    short_day(talk.day, today),
                    _(ROLE_LABEL[talk.role]),
                    _("{kind} talk").format(kind=_(TALK_KIND_LABEL[talk.kind])),
                )
            )
        )
        not_yet = _("not written yet (e edits)")
        for name, _label in FIELDS:
            self.query_one(f"#talk-{name}", Static).update(_text(getattr(talk, name), not_yet))
        self.query_one("#talk-negotiation-heading").display = talk.is_negotiation
        self.query_one("#talk-negotiation").display = talk.is_negotiation
        if talk.is_negotiation:
            for name in NEGOTIATION_FIELDS:
                self.query_one(f"#talk-{name}", Static).update(
                    _text(getattr(talk, name), _(NEGOTIATION_LABEL[name][1]))
                )
        rows = []
        for item in tasks:
            title = Text(printable(item.title), overflow="ellipsis", no_wrap=True)
            if item.status is not Status.OPEN:
                title.stylize("dim")
            rows.append((item.id, (TASK_MARK[item.status], title, item.day.isoformat())))
        table = self.query_one("#follow-ups", RowTable)
        table.set_rows(rows, None, first=True)
        table.display = bool(rows)
        self.query_one("#follow-ups-empty").display = not rows
