"""A one-line title input (behind `n` and `m` on Goals) that keeps up with quick typing.

Bindings run the moment a key arrives, but typed characters wait in the input's
own queue. So `begin`, `finish` and `cancel` change the line's state at once and
do their work in the input's queue, behind the keys typed before them: a quick
`n title Enter m title Enter` lands in the order it was typed. The work calls
back directly rather than posting a message, for the same reason: the next
line may depend on what the last one created.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from textual import events
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.widget import Widget
from textual.widgets import Input, Label


class Prompt(NamedTuple):
    """What the line asks, and what to do with the title typed."""

    label: str
    placeholder: str
    done: Callable[[str], None]


class _TitleInput(Input):
    """Once the line closed, keys are commands again, even those already on their way."""

    accepting = False

    def check_consume_key(self, key: str, character: str | None) -> bool:
        return self.accepting and super().check_consume_key(key, character)

    def _on_key(self, event: events.Key) -> None:
        if self.screen.focused is not self:
            event.prevent_default()  # not typed here: it bubbles on to the bindings


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
        self.kind: str | None = None  # what the line is for, from the key on
        self._done: Callable[[str], None] | None = None
        self._return_to: Widget | None = None
        self._has_input = not later

    def compose(self) -> ComposeResult:
        if self._has_input:
            yield Label(markup=False)
            yield _TitleInput(compact=True)

    def add_input(self) -> None:
        """Mount the label and input of a line made with `later=True`."""
        if not self._has_input:
            self._has_input = True
            self.mount(Label(markup=False), _TitleInput(compact=True))

    @property
    def input(self) -> Input:
        return self.query_one(_TitleInput)

    @property
    def busy(self) -> bool:
        """Typed keys may still be on their way to the input."""
        return self._has_input and self.screen.focused is self.input

    def begin(self, kind: str, prepare: Callable[[], Prompt | None]) -> None:
        """Open the line; `prepare()` runs when the keys before have landed, and
        returns the prompt, or None to stay closed."""
        self.add_input()
        self._set_kind(kind)
        self._after_typing(lambda: self._open(prepare))

    def finish(self) -> None:
        """Enter: hand the title to the prompt's `done` (nothing when it is empty)."""
        self._set_kind(None)
        self._after_typing(self._submit)

    def cancel(self) -> None:
        self._set_kind(None)
        self._after_typing(self._close)

    def _set_kind(self, kind: str | None) -> None:
        self.kind = kind
        self.query_one(_TitleInput).accepting = kind is not None

    def _after_typing(self, callback: Callable[[], None]) -> None:
        if self.busy:
            self.input.call_later(callback)
        else:
            callback()

    def _open(self, prepare: Callable[[], Prompt | None]) -> None:
        prompt = prepare()
        if prompt is None:
            self._set_kind(None)
            return
        field = self.input
        if self.screen.focused is not field:
            self._return_to = self.screen.focused
        self.query_one(Label).update(prompt.label)
        field.placeholder = prompt.placeholder
        field.value = ""
        self._done = prompt.done
        self.display = True
        self.screen.set_focus(field)  # at once: the keys typed next must land here

    def _close(self) -> None:
        if self.kind is not None:
            return  # the next line is on its way (`Enter n` typed quickly)
        self.display = False
        back = self._return_to
        if back is not None and back in self.screen.focus_chain:
            self.screen.set_focus(back)
        else:
            self.screen.set_focus(None)
            self.post_message(self.Closed())  # the screen knows where the cursor goes

    def _submit(self) -> None:
        title = self.input.value.strip()
        done = self._done
        self._close()
        if title and done is not None:
            done(title)
