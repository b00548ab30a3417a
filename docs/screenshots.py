"""Make the guides' screenshots from the demo journal.

    python docs/screenshots.py              # English, into docs/images/ (for guide.md)
    python docs/screenshots.py --lang nl    # Dutch, into docs/images/nl/ (for gids.md)

Fixed size and a fixed today, so they change only when the screens do. The
language is installed before the app is imported, as the command line does, so
every label on the screen is in it.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import tempfile
from datetime import date
from pathlib import Path

TODAY = date(2026, 11, 23)
IMAGES = Path(__file__).parent / "images"
FOLDERS = {"en": IMAGES, "nl": IMAGES / "nl"}
SIZE = (120, 40)
# The keys that lead to each screen, and the file it is saved as. The Talks
# screen's brief (`b`) gets its own picture once it shows more than a notice.
SCREENS = (
    (("1",), "today"),
    (("2", "left_square_bracket"), "week"),  # last week: a full one
    (("3",), "goals"),
    (("4",), "postponed"),
    (("5",), "talks"),
    (("6",), "insights"),
)


async def shoot(lang: str, folder: Path) -> list[Path]:
    """Every screen of the demo journal in `lang`, saved as SVG into `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    saved = []
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["LOOPBAAN_CONFIG"] = str(Path(scratch) / "config.toml")
        os.environ["LOOPBAAN_LANG"] = lang
        os.environ["LOOPBAAN_TODAY"] = TODAY.isoformat()
        from loopbaan import i18n

        i18n.install(lang)
        from loopbaan.app import LoopbaanApp
        from loopbaan.demo import make_demo_journal

        journal = Path(scratch) / "demo.db"
        make_demo_journal(journal, TODAY)
        app = LoopbaanApp(db_path=journal, today=TODAY)
        async with app.run_test(size=SIZE) as pilot:
            for keys, name in SCREENS:
                await pilot.press(*keys)
                await pilot.pause(0.3)
                app.save_screenshot(filename=f"{name}.svg", path=str(folder))
                saved.append(folder / f"{name}.svg")
    return saved


def main() -> None:
    parser = argparse.ArgumentParser(description="Make the guides' screenshots.")
    parser.add_argument("--lang", choices=sorted(FOLDERS), default="en")
    args = parser.parse_args()
    for path in asyncio.run(shoot(args.lang, FOLDERS[args.lang])):
        print(path)


if __name__ == "__main__":
    main()
