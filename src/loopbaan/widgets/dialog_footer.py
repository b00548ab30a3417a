"""The dialogs' footer: Textual's, with each key's description translated when shown.

The bindings hold msgids (`N_`, made at import: decision 0018); the screens' own
footer (keys_footer.py) translates them, and this one does the same for the dialogs.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey

from loopbaan.i18n import _


class DialogFooter(Footer):
    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey):
                widget.description = _(widget.description)
                if isinstance(widget.tooltip, str):
                    widget.tooltip = _(widget.tooltip)
            yield widget
