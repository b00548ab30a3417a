"""A TextArea for journal text: its control characters shown as pictures (␛, ␡, �),
and `ctrl+o` to write it at length in the user's own editor.

Textual draws a line's ESC, C1 and bidi controls as they are, so a note could set
the terminal's title or clear it. The text edited stays exact; each picture is one
character, so cursor and selection keep their places. Imported when a text area is
first needed (TextArea takes ~15 ms to import).

Every multi-line field of the journal is one of these, so each has `ctrl+o`
(Textual's text area has `ctrl+e` for the end of a line already).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, cast

from rich.text import Text
from textual.binding import Binding
from textual.widgets import TextArea

from loopbaan.i18n import N_
from loopbaan.safe import pictured

if TYPE_CHECKING:
    from loopbaan.app import LoopbaanApp


class JournalTextArea(TextArea):
    BINDINGS = [
        Binding("ctrl+o", "edit_externally", N_("Editor"), id="text.editor"),
    ]

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        line.plain = pictured(line.plain, tabs=True)
        return line

    def action_edit_externally(self) -> None:
        """The text in $VISUAL / $EDITOR; what the editor saved replaces it (an undoable
        edit, so the field's Changed message saves it as typing would). An editor
        that fails keeps the text as it was."""
        if self.read_only:
            return
        app = cast("LoopbaanApp", self.app)
        edited = app.edit_externally(self.text)
        if edited is None or edited == self.text:
            return
        self.replace(edited, self.document.start, self.document.end)
        self.move_cursor(self.document.end)
        self.focus()
