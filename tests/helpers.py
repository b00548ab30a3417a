"""What tests share besides fixtures: the fixed day, the CLI in process, Pilot helpers,
and the shouting catalogue (a fake translation that upper-cases every message).

Fixtures are in tests/conftest.py; import these with `from tests.helpers import ...`.
"""

from __future__ import annotations

import errno
import gettext
import os
import re
import subprocess
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

import pytest
from babel.messages.pofile import read_po
from textual.app import App
from textual.pilot import Pilot
from textual.widgets import Static

from loopbaan import i18n
from loopbaan.cli import main

TODAY = date(2026, 11, 23)  # a Monday; every test runs on it unless it says otherwise
TODAY_ISO = TODAY.isoformat()  # as LOOPBAAN_TODAY spells it


# ---------------------------------------------------------------------- the command line


def run_cli(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    """`loopbaan ARGV` in this process: its exit code, stdout and stderr."""
    try:
        code = main(list(argv))
    except SystemExit as exit_:  # argparse's own exits
        code = exit_.code if isinstance(exit_.code, int) else 1
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------------- Pilot


def text_of(app: App, selector: str) -> str:
    """The text a Static of the current screen shows."""
    return str(app.screen.query_one(selector, Static).render())


async def retype(pilot: Pilot, text: str) -> None:
    """Replace the focused input's text."""
    await pilot.press("home", "ctrl+k", *text)


# ---------------------------------------------------------------------- the shouting catalogue


def shout(message: str) -> str:
    """Upper-case the text but not the {placeholders}."""
    parts = re.split(r"(\{[^}]*\})", message)
    return "".join(part if part.startswith("{") else part.upper() for part in parts)


class Shouting(gettext.NullTranslations):
    """A catalogue that shouts: a string shown in capitals went through gettext."""

    def gettext(self, message: str) -> str:
        return shout(message)

    def ngettext(self, singular: str, plural: str, n: int) -> str:
        return shout(singular if n == 1 else plural)


def upgrade_journal(path: Path, revision: str) -> None:
    """Make or upgrade the journal at `path` to the Alembic `revision` (a migration test's
    journal of an older schema)."""
    from alembic import command
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", "loopbaan:migrations")
    config.set_main_option("sqlalchemy.url", f"sqlite:///{path}")
    command.upgrade(config, revision)


# ---------------------------------------------------------------------- Dutch


DUTCH_PO = Path(i18n.LOCALE_DIR) / "nl" / "LC_MESSAGES" / "loopbaan.po"
NOT_WORDS = re.compile(
    r"#[\w-]+|\{[^}]*\}|%\([a-z_]+\)[sdr]|\[/?[a-z]+\]|\$[A-Z_]+|--[a-z-]+|ctrl\+\w+"
)
WORD = re.compile(r"[A-Za-zÀ-ÿ]{3,}")


def words(text: str) -> set[str]:
    return {word.lower() for word in WORD.findall(NOT_WORDS.sub(" ", text))}


def english_only_words() -> set[str]:
    """Words of the English msgids that no Dutch translation uses."""
    with DUTCH_PO.open("rb") as file:
        catalog = read_po(file)
    english: set[str] = set()
    dutch: set[str] = set()
    for message in catalog:
        if not message.id:
            continue
        ids = message.id if isinstance(message.id, tuple) else (message.id,)
        strings = message.string if isinstance(message.string, tuple) else (message.string,)
        for text in ids:
            english |= words(text)
        for text in strings:
            dutch |= words(text)
    return english - dutch


# ---------------------------------------------------------------------- small disks


@contextmanager
def mounted_tmpfs(folder: Path, options: str) -> Iterator[Path]:
    """A tmpfs mounted on `folder` with `options` (`size=64k`, `ro`, …), unmounted
    afterwards; the test is skipped where mount is not allowed (not root)."""
    made = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", options, "tmpfs", str(folder)],
        capture_output=True,
        text=True,
    )
    if made.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {made.stderr.strip() or 'not allowed'}")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


def fill_up(path: Path) -> None:
    """Append to `path` until its disk is full (ENOSPC)."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as error:
        assert error.errno == errno.ENOSPC
    finally:
        os.close(fd)
