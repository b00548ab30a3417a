"""The footer of the screens whose keys change meaning as the user works.

Textual's footer mounts all its keys anew on every binding refresh (15–50 ms
with a dozen keys), a frame or two after the change that caused it.
"""

from __future__ import annotations

from typing import NamedTuple

from textual.app import ComposeResult
from textual.screen import Screen
from textual.widgets import Footer


class FooterEntry(NamedTuple):
    """One key as the footer shows it."""

    key: str
    description: str
    action: str
    enabled: bool
    tooltip: str


class KeysFooter(Footer):
    """The footer, changed only where the keys it shows changed.

    Textual's footer mounts all its keys anew on every binding refresh, 15–50 ms
    with this screen's dozen keys. A focus move or a day step mostly keeps them,
    or only changes a label or greys a key out: those are changed in place.
    Refreshes that come in together are answered once, by way of the app's
    queue: at startup that waits for the app to be ready, so the keys are built
    after the first paint instead of before it.
    """

    def __init__(self) -> None:
        super().__init__()
        self._shown: list[FooterEntry] | None = None  # the keys on show
        self._check_pending = False

    def bindings_changed(self, screen: Screen) -> None:
        if not self._check_pending:
            self._check_pending = True
            # The check itself runs in the footer's own queue: compose needs it.
            self.app.call_later(self.call_later, self._check_keys, screen)

    def show_keys_now(self) -> None:
        """Bring the keys up to date in this frame, not a frame later.

        For the screen's own handlers: when a key the user pressed changes what
        another key means (f finishes, f reopens), both show in one repaint.
        Keys that come or go are left to the normal refresh: building them must
        run in the footer's own queue.
        """
        if self._shown is not None and self.screen.is_current:
            self._check_keys(self.screen, now=True)

    def _check_keys(self, screen: Screen, *, now: bool = False) -> None:
        if not now:
            self._check_pending = False
        if not (self.is_attached and screen is self.screen and screen.is_current):
            return  # its keys are checked again when it is shown again
        entries = self._entries(screen)
        if entries == self._shown:
            return
        shown, keys = self._shown, list(self.query_children("FooterKey"))
        if (
            entries is None
            or shown is None
            or len(keys) != len(shown)
            or [entry.key for entry in entries] != [entry.key for entry in shown]
        ):
            if now:
                self.bindings_changed(screen)
            else:
                super().bindings_changed(screen)  # keys come or go: build them again
            return
        for footer_key, entry, was in zip(keys, entries, shown, strict=True):
            if entry != was:
                footer_key.description = entry.description
                footer_key.action = entry.action
                footer_key._disabled = not entry.enabled  # what a click on it does
                footer_key.set_class(not entry.enabled, "-disabled")
                footer_key.tooltip = entry.tooltip or None
                footer_key.refresh(layout=len(entry.description) != len(was.description))
        self._shown = entries

    def _entries(self, screen: Screen) -> list[FooterEntry] | None:
        """The keys as Footer.compose shows them (None for grouped keys, not handled)."""
        entries: dict[str, FooterEntry] = {}
        active = screen.active_bindings
        for _node, binding, enabled, tooltip in active.values():
            if binding.group is not None:
                return None
            if binding.show and binding.action not in entries:
                entries[binding.action] = FooterEntry(
                    binding.key, binding.description, binding.action, enabled, tooltip
                )
        shown = list(entries.values())
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if self.show_command_palette and self.app.ENABLE_COMMAND_PALETTE and palette:
            binding = palette.binding
            shown.append(
                FooterEntry(
                    binding.key,
                    binding.description,
                    binding.action,
                    palette.enabled,
                    binding.tooltip or binding.description,
                )
            )
        return shown

    def compose(self) -> ComposeResult:
        if not self.screen.is_current:  # another screen came first: its keys are not ours
            self._shown = None
            return
        self._shown = self._entries(self.screen) if self._bindings_ready else None
        yield from super().compose()
