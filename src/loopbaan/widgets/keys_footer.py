"""The footer of the screens whose keys change meaning as the user works.

Textual's footer mounts all its keys anew on every binding refresh (15–50 ms
with a dozen keys), a frame or two after the change that caused it. And it cuts
off whatever does not fit on the right, `q` and `?` first: this one leaves out
the keys that matter least instead. It is a widget of our own, drawn as Textual's
footer is (the same theme colours, paddings and margins), so that it needs none
of that footer's private parts (decision 0009).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import NamedTuple

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult, ScreenStackError
from textual.reactive import reactive
from textual.screen import Screen
from textual.widget import Widget

from loopbaan.i18n import _

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
        "check_in",  # an offer's key shows while the offer stands (Today, Talks)
        "ask_feedback",
        "new_talk",
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
    key_display: str  # as the app shows the key: the user's own, where they remapped it
    palette: bool = False  # the command palette's key, on the right


def _cap(entry: FooterEntry) -> tuple[str, str, bool]:
    """What a key widget keeps for good: its key, as shown, and where it goes."""
    return entry.key, entry.key_display, entry.palette


class KeyCap(Widget):
    """One key in the footer: the key, what it does, and a click presses it."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {"key-cap--key", "key-cap--description"}
    DEFAULT_CSS = """
    KeyCap {
        width: auto;
        height: 1;
        text-wrap: nowrap;
        background: $footer-item-background;
        & > .key-cap--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .key-cap--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        &:hover {
            pointer: pointer;
            color: $footer-key-foreground;
            background: $block-hover-background;
        }
        &.-disabled { text-style: dim; }
        &.-compact { margin-right: 1; }
        &.-command-palette {
            dock: right;
            padding-right: 1;
            border-left: vkey $foreground 20%;
            &.-compact { padding-right: 0; }
        }
    }
    """

    compact: reactive[bool] = reactive(False, toggle_class="-compact")

    def __init__(self, entry: FooterEntry) -> None:
        super().__init__(classes="-command-palette" if entry.palette else "")
        self.key = entry.key
        self.key_display = entry.key_display
        self.description = entry.description
        self.action = entry.action
        self.enabled = entry.enabled
        self.set_class(not entry.enabled, "-disabled")
        self.tooltip = entry.tooltip or None

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-cap--key")
        if not self.description:
            text = Text(self.key_display, key_style)
        else:
            key, description = self.key_display, self.description
            # the palette key is drawn compact always, as in Textual's footer
            if not (self.compact or self.has_class("-command-palette")):
                key, description = f" {key} ", f"{description} "
            else:
                description = f" {description}"
            text = Text.assemble(
                (key, key_style),
                (description, self.get_component_rich_style("key-cap--description")),
            )
        text.stylize_before(self.rich_style)
        return text

    def on_mouse_down(self) -> None:
        if self.enabled:
            self.app.simulate_key(self.key)
        else:
            self.app.bell()


class KeysFooter(Widget):
    """The footer, changed only where the keys it shows changed.

    Textual's footer mounts all its keys anew on every binding refresh, 15–50 ms
    with this screen's dozen keys. A focus move or a day step mostly keeps them,
    or only changes a label or greys a key out: those are changed in place.
    Refreshes that come in together are answered once, by way of the app's
    queue: at startup that waits for the app to be ready, so the keys are built
    after the first paint instead of before it.
    """

    DEFAULT_CSS = """
    KeysFooter {
        layout: horizontal;
        color: $footer-foreground;
        background: $footer-background;
        dock: bottom;
        height: 1;
        overflow: hidden hidden;
    }
    """

    compact: reactive[bool] = reactive(False, toggle_class="-compact")

    def __init__(self, *, compact: bool = False) -> None:
        super().__init__()
        self.set_reactive(KeysFooter.compact, compact)
        self._compact_asked = compact
        self._ready = False  # the screen's keys are known (its first binding refresh came)
        self._shown: list[FooterEntry] | None = None  # the keys on show
        self._check_pending = False

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self.bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    @property
    def _on_top(self) -> bool:
        """Whether the footer's screen takes the keys. Not `Screen.is_current`: that
        is also true of a screen seen behind a dialog, whose keys are the app's."""
        try:
            return self.app.screen is self.screen
        except ScreenStackError:
            return False

    def shown_keys(self) -> list[KeyCap]:
        """The keys on show, in order (the palette key last)."""
        return [key for key in self.query_children(KeyCap) if key.display]

    def on_resize(self) -> None:
        self._fit(self.query_children(KeyCap))

    def _fit(self, widgets: Iterable[Widget]) -> None:
        """Show the keys that fit the width, those that matter first (see `fit_keys`)."""
        keys = [widget for widget in widgets if isinstance(widget, KeyCap)]
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
            key.compact = fit.compact
            key.display = index in fit.shown
        if palette is not None:
            palette.compact = fit.compact
            palette.display = fit.palette

    def bindings_changed(self, screen: Screen) -> None:
        self._ready = True
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
        shown, keys = self._shown, list(self.query_children(KeyCap))
        if (
            shown is None
            or len(keys) != len(shown)
            or [_cap(entry) for entry in entries] != [_cap(entry) for entry in shown]
        ):
            if now:
                self.bindings_changed(screen)
            elif self.app.app_focus:
                self.call_after_refresh(self.recompose)  # keys come or go: build them again
            return
        for key_cap, entry, was in zip(keys, entries, shown, strict=True):
            if entry != was:
                key_cap.description = entry.description
                key_cap.action = entry.action
                key_cap.enabled = entry.enabled  # what a click on it does
                key_cap.set_class(not entry.enabled, "-disabled")
                key_cap.tooltip = entry.tooltip or None
                key_cap.refresh(layout=len(entry.description) != len(was.description))
        self._shown = entries
        if any(
            len(entry.description) != len(was.description)
            for entry, was in zip(entries, shown, strict=True)
        ):
            self._fit(keys)

    def _entries(self, screen: Screen) -> list[FooterEntry]:
        """The keys to show: one a action, the first binding of it that is shown."""
        entries: dict[str, FooterEntry] = {}
        active = screen.active_bindings
        display = self.app.get_key_display
        for _node, binding, enabled, tooltip in active.values():
            if binding.show and binding.action not in entries:
                entries[binding.action] = FooterEntry(
                    binding.key,
                    _(binding.description),  # the msgid: translated when shown
                    binding.action,
                    enabled,
                    _(tooltip) if tooltip else tooltip,
                    display(binding),
                )
        shown = list(entries.values())
        palette = active.get(self.app.COMMAND_PALETTE_BINDING)
        if self.app.ENABLE_COMMAND_PALETTE and palette:
            binding = palette.binding
            shown.append(
                FooterEntry(
                    binding.key,
                    _(binding.description),
                    binding.action,
                    palette.enabled,
                    _(binding.tooltip or binding.description),
                    display(binding),
                    palette=True,
                )
            )
        return shown

    def compose(self) -> ComposeResult:
        if not self._on_top or not self._ready:  # another screen came first: not its keys
            self._shown = None
            return
        self._shown = self._entries(self.screen)
        keys = [KeyCap(entry) for entry in self._shown]
        self._fit(keys)
        yield from keys
