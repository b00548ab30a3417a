"""The guides: docs/guide.md (English) and docs/gids.md (Dutch).

Every screen that `docs/screenshots.py` photographs has its part in both
guides, which opens with the practice it supports, then shows that screen's
picture in the guide's language (the file exists); every environment variable
the code reads under `LOOPBAAN_` is explained in both; the links inside a guide
land on a heading; the README links both guides and its picture exists.
"""

from __future__ import annotations

import importlib.util
import re
import unicodedata
from pathlib import Path
from types import ModuleType

import pytest

ROOT = Path(__file__).parents[2]
DOCS = ROOT / "docs"
# Each guide, and the folder its screenshots come from (as screenshots.py writes them).
GUIDES = {"guide.md": "en", "gids.md": "nl"}


def _screenshots() -> ModuleType:
    spec = importlib.util.spec_from_file_location("screenshots", DOCS / "screenshots.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


SCREENSHOTS = _screenshots()


def _sections(text: str) -> dict[str, str]:
    """Each `## ` heading and the text under it, up to the next `## `."""
    parts = re.split(r"^## (.+)$", text, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2], strict=True))


def _slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation out, spaces to dashes."""
    kept = "".join(c for c in heading.lower() if c in " -_" or unicodedata.category(c)[0] in "LN")
    return kept.replace(" ", "-")


@pytest.mark.parametrize("name", GUIDES)
@pytest.mark.parametrize(
    ("keys", "screen"), SCREENSHOTS.SCREENS, ids=[name for _, name in SCREENSHOTS.SCREENS]
)
def test_every_screen_has_its_part_practice_and_picture(
    name: str, keys: tuple[str, ...], screen: str
) -> None:
    lang = GUIDES[name]
    sections = _sections((DOCS / name).read_text(encoding="utf-8"))
    # The part of a screen is the heading that ends in its number key: "(Today, `1`)".
    (body,) = [body for heading, body in sections.items() if heading.endswith(f"`{keys[0]}`)")]
    picture = SCREENSHOTS.FOLDERS[lang] / f"{screen}.svg"
    reference = f"]({picture.relative_to(DOCS).as_posix()})"
    assert reference in body, (name, screen)
    assert picture.is_file(), picture
    practice, _, _ = body.partition(reference)
    # A few lines on the practice, in bold, before the picture.
    first = practice.strip().split("\n\n")[0]
    assert first.startswith("**") and 2 <= len(first.splitlines()) <= 6, (name, screen, first)


@pytest.mark.parametrize("name", GUIDES)
def test_every_picture_a_guide_shows_exists_in_its_language(name: str) -> None:
    text = (DOCS / name).read_text(encoding="utf-8")
    pictures = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", text)
    assert len(pictures) >= len(SCREENSHOTS.SCREENS)
    folder = SCREENSHOTS.FOLDERS[GUIDES[name]]
    for picture in pictures:
        assert (DOCS / picture).is_file(), picture
        assert (DOCS / picture).parent == folder, picture


def _environment_variables() -> set[str]:
    """Every `LOOPBAAN_…` name in the source: what a user may set."""
    found: set[str] = set()
    for path in (ROOT / "src" / "loopbaan").rglob("*.py"):
        found |= set(re.findall(r"\"(LOOPBAAN_[A-Z_]+)\"", path.read_text(encoding="utf-8")))
    return found


def test_the_code_reads_the_variables_the_issue_names() -> None:
    assert {"LOOPBAAN_DB", "LOOPBAAN_LANG", "LOOPBAAN_CONFIG"} <= _environment_variables()


@pytest.mark.parametrize("name", GUIDES)
def test_every_environment_variable_is_explained(name: str) -> None:
    sections = _sections((DOCS / name).read_text(encoding="utf-8"))
    (table,) = [body for heading, body in sections.items() if "variab" in heading]
    for variable in [*sorted(_environment_variables()), "VISUAL", "EDITOR", "NO_COLOR"]:
        assert f"`{variable}`" in table, (name, variable)


@pytest.mark.parametrize("name", GUIDES)
def test_links_inside_a_guide_land_on_a_heading(name: str) -> None:
    text = (DOCS / name).read_text(encoding="utf-8")
    anchors = {_slug(h) for h in re.findall(r"^#+ (.+)$", text, flags=re.M)}
    links = re.findall(r"\]\(#([^)]+)\)", text)
    assert links
    for link in links:
        assert link in anchors, (name, link)


def test_the_readme_links_both_guides_and_shows_a_screen() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    head = readme[: readme.index("```")]  # near the top: before the first command
    for name in GUIDES:
        assert f"(docs/{name})" in head, name
    (picture,) = re.findall(r"!\[[^\]]*\]\(([^)]+)\)", head)
    assert (ROOT / picture).is_file(), picture
