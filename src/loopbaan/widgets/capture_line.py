"""A one-line title input that stays open for the next title (`a` on Today, `n` and `m` on Goals).

Enter hands the title to the prompt and clears the line for the next one; Escape,
or Enter on an empty line, closes it. Keys typed quickly reach it in order: the
app takes a key only once the one before has settled (loopbaan/typeahead.py), so
the line opens before the title's first letter and closes before the key after
Escape.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label

from loopbaan.safe import printable
from loopbaan.widgets.pictures import CONTROL_PICTURES


class Prompt(NamedTuple):
    """What the line asks, and what to do with a title typed (False: keep the text)."""

    label: str
    placeholder: str
    done: Callable[[str], bool | None]


class CaptureLine(Horizontal):
    class Closed(Message):
        """Closed, and the widget focused before it is gone."""

    DEFAULT_CSS = """
    CaptureLine {
        height: 1;
        background: $panel;
        display: none;
        & > Label { padding: 0 1; text-style: bold; color: $text-primary; width: auto; }
        & > Input { width: 1fr; }
    }
    """

    def __init__(self, *, id: str | None = None, later: bool = False) -> None:
        """`later`: the label and input are mounted by `add_input` (or the first
        `begin`), so that a screen's first paint does not wait for them."""
        super().__init__(id=id)
        self.kind: str | None = None  # what the line is for while it is open
        self._done: Callable[[str], bool | None] | None = None
        self._return_to: Widget | None = None
        self._has_input = not later

    def compose(self) -> ComposeResult:
        if self._has_input:
            yield Label(markup=False)
            yield Input(compact=True, highlighter=CONTROL_PICTURES)  # a pasted ESC shows as ␛

    def add_input(self) -> None:
        """Mount the label and input of a line made with `later=True`."""
        if not self._has_input:
            self._has_input = True
            self.mount(Label(markup=False), Input(compact=True, highlighter=CONTROL_PICTURES))

    @property
    def input(self) -> Input:
        return self.query_one(Input)

    def begin(self, kind: str, prepare: Callable[[], Prompt | None]) -> None:
        """Open the line for `kind`; `prepare()` returns the prompt, or None to stay closed."""
        prompt = prepare()
        if prompt is None:
            return
        self.add_input()
        self.kind = kind
        field = self.input
        if self.screen.focused is not field:
            self._return_to = self.screen.focused
        self.query_one(Label).update(printable(prompt.label))  # a goal's title, say
        field.placeholder = prompt.placeholder
        field.value = ""
        self._done = prompt.done
        self.display = True
        self.screen.set_focus(field)

    def return_to(self, widget: Widget) -> None:
        """Where the focus goes when the line closes (the list that shows what was added)."""
        self._return_to = widget

    def finish(self) -> None:
        """Enter: hand the title over and stay open; an empty line closes."""
        title = self.input.value.strip()
        if not title or self._done is None:
            self.cancel()
            return
        if self._done(title) is not False:
            self.input.value = ""

    def cancel(self) -> None:
        """Escape: close, and give the focus back."""
        self.kind = None
        self._done = None
        self.display = False
        back = self._return_to
        self._return_to = None
        if back is not None and back in self.screen.focus_chain:
            self.screen.set_focus(back)
        else:
            self.screen.set_focus(None)
            self.post_message(self.Closed())  # the screen knows where the cursor goes
