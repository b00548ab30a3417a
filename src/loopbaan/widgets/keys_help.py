"""The `?` panel: the keys of this screen and of the app, in the user's words.

Textual's help panel lists every binding of the focused widget too: a list's
up/down/page/home keys, scrolling, tab, copy. Those work as in any program; the
panel here lists what this journal adds (the screen's keys, shown or not in the
footer, and the keys that work everywhere), and changes with the focus.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Static

from loopbaan.i18n import _

MOVES = {"cursor_up", "cursor_down", "page_up", "page_down", "first_row", "last_row"}


def ours(node: object, binding: Binding) -> bool:
    """The binding comes from one of the journal's own classes, not Textual's."""
    for cls in type(node).__mro__:
        if cls.__module__.startswith("loopbaan"):
            for own in cls.__dict__.get("BINDINGS", ()):
                if isinstance(own, Binding) and (own.action, own.description, own.tooltip) == (
                    binding.action,
                    binding.description,
                    binding.tooltip,
                ):
                    return True
    return False


def screen_keys(screen: Screen) -> list[tuple[str, Binding]]:
    """(key as shown, binding) for the keys the journal defines here, in order.

    Textual's own keys (the arrows in a list, Tab, copy, scrolling) work as in any
    program and are left out; so are a list's moves.
    """
    app = screen.app
    seen: set[str] = set()
    keys: list[tuple[str, Binding]] = []
    for node, binding, _enabled, _tooltip in screen.active_bindings.values():
        if binding.system or not binding.description or binding.action in MOVES:
            continue
        if binding.action in seen or not ours(node, binding):
            continue
        seen.add(binding.action)
        keys.append((app.get_key_display(binding), binding))
    return keys


class KeysHelp(VerticalScroll):
    """Docked at the right: what each key of this screen does."""

    DEFAULT_CSS = """
    KeysHelp {
        dock: right;
        width: 44;
        max-width: 50%;
        height: 1fr;
        padding: 0 1;
        border-left: vkey $foreground 30%;
        background: $panel;
        & > Static { height: auto; }
    }
    """

    def compose(self) -> ComposeResult:
        yield Static(id="keys-help-text")

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, lambda _screen: self.show_keys())
        self.show_keys()

    def show_keys(self) -> None:
        lines: list[Content] = [Content.styled(_("Keys here"), "bold $text-primary")]
        for key, binding in screen_keys(self.screen):
            lines.append(
                Content.assemble((f"{key:>7}  ", "bold $text-accent"), _(binding.description))
            )
            if binding.tooltip:
                lines.append(Content.styled(" " * 9 + _(binding.tooltip), "dim"))
        lines.append(Content.styled(_("↑ ↓ move · Tab next field · ? closes"), "dim"))
        self.query_one("#keys-help-text", Static).update(Content("\n").join(lines))
