"""The footer of the screens whose keys change meaning as the user works.

Textual's footer mounts all its keys anew on every binding refresh (15–50 ms
with a dozen keys), a frame or two after the change that caused it. And it cuts
off whatever does not fit on the right, `q` and `?` first: this one leaves out
the keys that matter least instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from rich.cells import cell_len
from textual.app import ComposeResult, ScreenStackError
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

# The actions whose keys stay in a narrow footer, on every screen that has them;
# then those of KEYS_NEXT, in that order, where there is room; the others go
# first, from the right.
KEYS_THAT_MATTER = frozenset(
    {
        "add",
        "rate('plus')",
        "rate('minus')",
        "tick",
        "postpone",
        "finish",
        "reopen",
        "new_goal",
        "new_milestone",
        "capture_create",
        "capture_cancel",
        "open_day",
        "open_goal",
        "toggle_help",
        "quit",
    }
)
KEYS_NEXT = ("edit", "rate('neutral')")


class KeyLabel(NamedTuple):
    """What a key takes in the footer: its action, key and description."""

    action: str
    key: str
    description: str


def key_width(label: KeyLabel, *, compact: bool) -> int:
    """Cells a key takes, its margin included, as Textual's FooterKey styles it."""
    key, description = cell_len(label.key), cell_len(label.description)
    if compact:  # "key description", then a margin of one
        return key + (1 + description if description else 0) + 1
    return key + 2 + description + 1 if description else key  # " key description "


def palette_width(label: KeyLabel, *, compact: bool) -> int:
    """The palette key on the right, with the border on its left: as wide as another
    key (its padding takes the place of its label's spaces), compact one more."""
    return key_width(label, compact=compact) + (1 if compact else 0)


class Fit(NamedTuple):
    """How the keys fit a width: compact or not, which keys, the palette key or not."""

    compact: bool
    shown: frozenset[int]  # indexes into the keys
    palette: bool


def fit_keys(
    keys: Sequence[KeyLabel], palette: KeyLabel | None, width: int, *, compact: bool = False
) -> Fit:
    """Which keys fit in `width` cells: every key that matters, those of KEYS_NEXT
    that fit and, from the left, as many others as there is room for. When the keys
    that matter do not fit, the footer goes compact, then does without the palette
    key, and at last without the keys that matter, from the right."""
    matter = [i for i, key in enumerate(keys) if key.action in KEYS_THAT_MATTER]
    actions = [key.action for key in keys]
    next_ = [actions.index(action) for action in KEYS_NEXT if action in actions]
    modes = list(dict.fromkeys([(compact, True), (True, True), (True, False)]))
    for compact_mode, with_palette in modes:
        with_palette = with_palette and palette is not None
        room = width - (
            palette_width(palette, compact=compact_mode)
            if with_palette and palette is not None
            else 0
        )
        widths = [key_width(key, compact=compact_mode) for key in keys]
        if sum(widths[i] for i in matter) <= room or (compact_mode, with_palette) == modes[-1]:
            break
    shown: set[int] = set()
    for i in matter:  # all fit, but at the last try: then those that do not go, from the right
        if widths[i] > room:
            break
        shown.add(i)
        room -= widths[i]
    for i in next_:
        if widths[i] <= room:
            shown.add(i)
            room -= widths[i]
    for i, key_cells in enumerate(widths):
        if i in shown or i in matter or i in next_:
            continue
        if key_cells > room:
            break
        shown.add(i)
        room -= key_cells
    return Fit(compact_mode, frozenset(shown), with_palette)


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

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__(compact=compact)
        self._compact_asked = compact
        self._shown: list[FooterEntry] | None = None  # the keys on show
        self._check_pending = False

    @property
    def _on_top(self) -> bool:
        """Whether the footer's screen takes the keys. Not `Screen.is_current`: that
        is also true of a screen seen behind a dialog, whose keys are the app's."""
        try:
            return self.app.screen is self.screen
        except ScreenStackError:
            return False

    def on_resize(self) -> None:
        self._fit(self.query_children(FooterKey))

    def _fit(self, widgets: Iterable[Widget]) -> None:
        """Show the keys that fit the width, those that matter first (see `fit_keys`)."""
        keys = [widget for widget in widgets if isinstance(widget, FooterKey)]
        if any(key.has_class("-grouped") for key in keys):
            return  # grouped keys: Textual's own layout
        palette = next((key for key in keys if key.has_class("-command-palette")), None)
        keys = [key for key in keys if key is not palette]
        width = self.size.width or self.screen.size.width
        fit = fit_keys(
            [KeyLabel(key.action, key.key_display, key.description) for key in keys],
            KeyLabel(palette.action, palette.key_display, palette.description) if palette else None,
            width,
            compact=self._compact_asked,
        )
        self.compact = fit.compact
        for index, key in enumerate(keys):
            key.display = index in fit.shown
        if palette is not None:
            palette.display = fit.palette

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
        if self._shown is not None and self._on_top:
            self._check_keys(self.screen, now=True)

    def _check_keys(self, screen: Screen, *, now: bool = False) -> None:
        if not now:
            self._check_pending = False
        if not (self.is_attached and screen is self.screen and self._on_top):
            return  # its keys are checked again when it is shown again
        entries = self._entries(screen)
        if entries == self._shown:
            return
        shown, keys = self._shown, list(self.query_children(FooterKey))
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
        if any(
            len(entry.description) != len(was.description)
            for entry, was in zip(entries, shown, strict=True)
        ):
            self._fit(keys)

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
        if not self._on_top:  # another screen came first: its keys are not ours
            self._shown = None
            return
        self._shown = self._entries(self.screen) if self._bindings_ready else None
        keys = list(super().compose())
        self._fit(keys)
        yield from keys
