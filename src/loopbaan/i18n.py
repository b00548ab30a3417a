"""Translations: the `_` every user-facing string goes through.

The language is `LOOPBAAN_LANG`, then `language` in the settings (passed in by
`config`), then the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`); English otherwise.
Catalogues live in `loopbaan/locale/<lang>/LC_MESSAGES/loopbaan.mo`.
"""

from __future__ import annotations

import gettext as _gettext
import os
from pathlib import Path

DOMAIN = "loopbaan"
LOCALE_DIR = Path(__file__).parent / "locale"
LANGUAGES = ("en", "nl")

_translation: _gettext.NullTranslations = _gettext.NullTranslations()


def pick_language(setting: str | None = None) -> str:
    """The language to use: the environment, then the setting, then the locale."""
    for candidate in (os.environ.get("LOOPBAAN_LANG"), setting):
        if candidate and candidate[:2].lower() in LANGUAGES:
            return candidate[:2].lower()
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var)
        if value:
            code = value[:2].lower()
            return code if code in LANGUAGES else "en"
    return "en"


def install(language: str | None = None) -> str:
    """Load the catalogue of `language` (or the picked one); returns the language."""
    global _translation
    lang = language or pick_language()
    _translation = _gettext.translation(
        DOMAIN, localedir=LOCALE_DIR, languages=[lang], fallback=True
    )
    return lang


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)


def N_(message: str) -> str:
    """Mark a string for translation without translating it yet."""
    return message
