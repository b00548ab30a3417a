"""Long text in the user's own editor: `$VISUAL`, then `$EDITOR`, then `vi` (`notepad`
on Windows), on a private temporary file that is removed afterwards.

Used by `loopbaan log --edit` and by `ctrl+o` in the TUI's multi-line fields (the
app suspends itself around `edit_text`). Standard library only: the quick path
imports it only when asked to edit.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from loopbaan.i18n import _


class EditorError(Exception):
    """The editor could not be started, or the text not handed over; said in one line."""


def editor_command(environ: Mapping[str, str] | None = None) -> list[str]:
    """The editor to run, as a list of words (`EDITOR="code --wait"` is two)."""
    environ = os.environ if environ is None else environ
    for name in ("VISUAL", "EDITOR"):
        value = environ.get(name, "").strip()
        if value:
            try:
                words = shlex.split(value, posix=os.name != "nt")
            except ValueError as error:
                raise EditorError(
                    _("${name} cannot be read as a command: {error}").format(name=name, error=error)
                ) from None
            if words:
                return words
    return ["notepad"] if sys.platform == "win32" else ["vi"]


def edit_text(
    text: str, *, suffix: str = ".md", environ: Mapping[str, str] | None = None
) -> str | None:
    """`text` after the user edited it in their editor; None if the editor exited non-zero
    (the old text stays). The file is 0600 in a private (0700) temporary folder, made with
    O_EXCL|O_NOFOLLOW and removed with the folder afterwards: it holds private text.

    One trailing newline that an editor adds is taken off again.
    """
    command = editor_command(environ)
    program = shutil.which(command[0])
    if program is None:
        raise EditorError(
            _("the editor {name} was not found (set $VISUAL or $EDITOR)").format(
                name=repr(command[0])
            )
        )
    folder = Path(tempfile.mkdtemp(prefix="loopbaan-edit-"))  # 0700, ours alone
    path = folder / f"note{suffix}"
    try:
        flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
        fd = os.open(path, flags, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as file:
            file.write(text)
        try:
            result = subprocess.run([program, *command[1:], str(path)], check=False)
        except OSError as error:
            raise EditorError(
                _("the editor {name} could not be started: {why}").format(
                    name=repr(command[0]), why=error.strerror or error
                )
            ) from None
        if result.returncode != 0:
            return None
        try:
            with open(path, encoding="utf-8", newline="") as file:
                edited = file.read()
        except FileNotFoundError:  # an editor that saves by replacing and then removes
            return None
        except UnicodeDecodeError:
            raise EditorError(_("the edited text is not UTF-8; the old text stays")) from None
        if edited.endswith("\n") and not text.endswith("\n"):
            edited = edited[:-2] if edited.endswith("\r\n") else edited[:-1]
        return edited
    finally:
        shutil.rmtree(folder, ignore_errors=True)
