"""Search the journal (`/` anywhere): the hits follow the typing, Enter opens one.

Each change of the query searches again, on the UI thread: on ten years a search
takes well under a millisecond (benchmarks/bench_search.py), less than a worker's
start, and so each key's hits are shown before the next key is taken (typeahead).
The dialog dismisses with the chosen hit; the app opens its day, goal or talk.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from loopbaan.i18n import N_, _
from loopbaan.labels import KIND_LABEL
from loopbaan.safe import printable
from loopbaan.store.search import Hit, Marked, search
from loopbaan.widgets.dialog_footer import DialogFooter
from loopbaan.widgets.pictures import CONTROL_PICTURES

if TYPE_CHECKING:
    from loopbaan.app import LoopbaanApp

WHAT = {
    "day": N_("day review"),
    "week": N_("week review"),
    "goal": N_("goal"),
    "milestone": N_("milestone"),
    "talk": N_("conversation"),
}


def what(hit: Hit) -> str:
    """What a hit is, in the user's words (an item by its kind)."""
    if hit.item_kind is not None:
        return _(KIND_LABEL[hit.item_kind])
    return _(WHAT[hit.kind]) if hit.kind in WHAT else hit.kind


def _marked(parts: Marked) -> list[tuple[str, str] | str]:
    """Parts as Content pieces: the journal's text printable and never read as markup."""
    return [(printable(text), "bold underline") if hit else printable(text) for text, hit in parts]


def hit_line(hit: Hit) -> Content:
    day = hit.day.isoformat() if hit.day else " " * 10
    pieces: list[tuple[str, str] | str] = [(f"{day}  ", "dim"), (f"{what(hit):<13} ", "italic")]
    pieces += _marked(hit.title)
    if hit.title and hit.snippet:
        pieces.append(("  ", ""))
    pieces += [(text, "dim") if isinstance(text, str) else text for text in _marked(hit.snippet)]
    return Content.assemble(*pieces)


class SearchDialog(ModalScreen[Hit | None]):
    """A query line and its hits, newest first; dismisses with the chosen hit, or None."""

    CSS_PATH = "search.tcss"
    app: LoopbaanApp

    BINDINGS = [
        Binding("escape", "cancel", N_("Cancel"), id="search.cancel"),
        Binding("up", "cursor(-1)", N_("Previous hit"), show=False, id="search.up"),
        Binding("down", "cursor(1)", N_("Next hit"), show=False, id="search.down"),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.hits: list[Hit] = []
        self.first_query = query

    def compose(self) -> ComposeResult:
        with Vertical(id="search") as box:
            box.border_title = _("Search the journal")
            yield Input(
                self.first_query,
                placeholder=_('words, presen*, "first step"'),
                id="search-query",
                compact=True,
                highlighter=CONTROL_PICTURES,
            )
            hits = OptionList(id="search-hits")
            hits.can_focus = False  # the typing stays in the query
            yield hits
            yield Static(id="search-empty", markup=False)
            yield Static(_("↑↓ choose · Enter opens · Esc closes"), id="search-hint", markup=False)
        yield DialogFooter()

    def on_mount(self) -> None:
        self._show(self.first_query)

    @on(Input.Changed, "#search-query")
    def _query_changed(self, event: Input.Changed) -> None:
        self._show(event.value)

    def _show(self, text: str) -> None:
        self.hits = search(self.app.conn, text)
        options = self.query_one("#search-hits", OptionList)
        options.clear_options()
        options.add_options(Option(hit_line(hit)) for hit in self.hits)
        if self.hits:
            options.highlighted = 0
        options.display = bool(self.hits)
        empty = self.query_one("#search-empty", Static)
        empty.display = not self.hits
        empty.update(
            _("Nothing found for “{text}”.").format(text=printable(text.strip()))
            if text.strip()
            else _("Type to search titles, notes, reviews, goals and conversations.")
        )

    def action_cursor(self, step: int) -> None:
        options = self.query_one("#search-hits", OptionList)
        if step < 0:
            options.action_cursor_up()
        else:
            options.action_cursor_down()

    def action_cancel(self) -> None:
        self.dismiss(None)

    @on(Input.Submitted, "#search-query")
    def _open_highlighted(self, event: Input.Submitted) -> None:
        event.stop()
        options = self.query_one("#search-hits", OptionList)
        if options.highlighted is None or not self.hits:
            self.app.bell()
            return
        self.dismiss(self.hits[options.highlighted])

    @on(OptionList.OptionSelected, "#search-hits")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self.hits[event.option_index])
