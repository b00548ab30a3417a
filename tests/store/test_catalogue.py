"""The Dutch catalogue is complete, current and faithful to its placeholders.

The sources are extracted here the way `scripts/catalogue` does (babel.cfg and its
keywords), so a string added without running the script, left untranslated,
compiled into a stale `.mo` or translated with another placeholder fails a test.
"""

from __future__ import annotations

import argparse
import io
import re
import string
from pathlib import Path

import pytest
from babel.messages.extract import extract_from_dir
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po

from loopbaan import i18n

ROOT = Path(__file__).resolve().parents[2]
LOCALE = ROOT / "src" / "loopbaan" / "locale"
PO = LOCALE / "nl" / "LC_MESSAGES" / "loopbaan.po"
MO = LOCALE / "nl" / "LC_MESSAGES" / "loopbaan.mo"
POT = LOCALE / "loopbaan.pot"
KEYWORDS = {"_": None, "N_": None, "ngettext": (1, 2)}  # as scripts/catalogue says


def extracted() -> set[str | tuple[str, str]]:
    """Every marked string in the sources, as `pybabel extract` finds it."""
    found = extract_from_dir(str(ROOT / "src"), [("loopbaan/**.py", "python")], keywords=KEYWORDS)
    return {message for _file, _line, message, _comments, _context in found}


def read(path: Path):
    with path.open("rb") as file:
        return read_po(file)


def placeholders(text: str) -> set[str]:
    """`{count}`, `{text!r}`, `%(name)s`, `%s`: what a translation must keep."""
    fields = {
        f"{{{name}}}"
        for _literal, name, _spec, _conversion in string.Formatter().parse(text)
        if name is not None
    }
    printf = set(re.findall(r"%(?:\([a-z_]+\))?[sdr]", text))
    return fields | printf


def test_the_template_holds_every_marked_string() -> None:
    template = {message.id for message in read(POT) if message.id}
    assert extracted() == template, "run `sh scripts/catalogue` after changing a message"


def test_every_message_has_a_dutch_translation() -> None:
    catalog = read(PO)
    missing = []
    for message_id in sorted(extracted(), key=str):
        message = catalog.get(message_id)
        strings = message.string if message else None
        forms = strings if isinstance(strings, tuple) else (strings,)
        if message is None or message.fuzzy or not all(forms):
            missing.append(message_id)
    assert missing == []


def test_the_translations_keep_the_placeholders() -> None:
    wrong = []
    for message in read(PO):
        if not message.id:
            continue
        if isinstance(message.id, tuple):  # a plural: `one` may say "once" for {n}
            singular, plural = (placeholders(text) for text in message.id)
            forms = [placeholders(text) for text in message.string]
            if forms[-1] != plural or any(not form <= singular | plural for form in forms):
                wrong.append(message.id)
        elif placeholders(message.string) != placeholders(message.id):
            wrong.append(message.id)
    assert wrong == []


def test_plural_forms_are_dutch() -> None:
    catalog = read(PO)
    assert catalog.num_plurals == 2
    assert catalog.plural_expr == "(n != 1)"


def test_the_compiled_catalogue_is_the_po_compiled() -> None:
    """Stale `.mo`: the `.po` changed and `scripts/catalogue` did not compile it."""
    compiled = io.BytesIO()
    write_mo(compiled, read(PO))
    assert MO.read_bytes() == compiled.getvalue(), "run `sh scripts/catalogue`"


def test_argparse_still_speaks_the_words_we_translate() -> None:
    """cli.ARGPARSE_WORDS are argparse's msgids: a Python that changed them is noticed."""
    from loopbaan.cli import ARGPARSE_WORDS

    source = Path(argparse.__file__).read_text(encoding="utf-8")
    gone = [
        word for word in ARGPARSE_WORDS if repr(word) not in source and f'"{word}"' not in source
    ]
    assert gone == []


def test_textual_still_speaks_the_words_we_translate() -> None:
    import textual

    from loopbaan.app import TEXTUAL_WORDS

    sources = "".join(
        path.read_text(encoding="utf-8") for path in Path(textual.__file__).parent.glob("*.py")
    )
    gone = [word for word in TEXTUAL_WORDS if f'"{word}"' not in sources]
    assert gone == []


@pytest.mark.parametrize(
    ("message", "dutch"),
    [("Postponed", "Uitgesteld"), ("First step", "Eerste stap"), ("Gave energy", "Gaf energie")],
)
def test_install_switches_the_language_without_a_new_import(message: str, dutch: str) -> None:
    assert i18n._(message) == message
    assert i18n.install("nl") == "nl"
    assert i18n._(message) == dutch
    assert i18n.language() == "nl"
    i18n.install("en")
    assert i18n._(message) == message
    assert i18n.language() == "en"
