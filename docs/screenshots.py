"""Make the guide's screenshots from the demo journal: `python docs/screenshots.py`.

Fixed size and a fixed today, so they change only when the screens do.
"""

from __future__ import annotations

import asyncio
import os
import tempfile
from datetime import date
from pathlib import Path

TODAY = date(2026, 11, 23)
IMAGES = Path(__file__).parent / "images"
SCREENS = (
    (("1",), "today"),
    (("2", "left_square_bracket"), "week"),  # last week: a full one
    (("3",), "goals"),
    (("4",), "postponed"),
    (("6",), "insights"),
)


async def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        os.environ["LOOPBAAN_CONFIG"] = str(Path(folder) / "config.toml")
        from loopbaan.app import LoopbaanApp
        from loopbaan.demo import make_demo_journal

        journal = Path(folder) / "demo.db"
        make_demo_journal(journal, TODAY)
        app = LoopbaanApp(db_path=journal, today=TODAY)
        async with app.run_test(size=(120, 40)) as pilot:
            for keys, name in SCREENS:
                await pilot.press(*keys)
                await pilot.pause(0.3)
                app.save_screenshot(filename=f"{name}.svg", path=str(IMAGES))
                print(IMAGES / f"{name}.svg")


if __name__ == "__main__":
    asyncio.run(main())
