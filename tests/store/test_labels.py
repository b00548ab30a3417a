"""Every word of the vocabulary has its label and mark, in the one module that shows them."""

from __future__ import annotations

import subprocess
import sys
from enum import Enum

import pytest

from loopbaan import labels
from loopbaan.domain import Direction, GoalStatus, Kind, Rating, Reason, Status


@pytest.mark.parametrize(
    ("table", "vocabulary", "extra"),
    [
        (labels.KIND_MARK, Kind, set()),
        (labels.KIND_LABEL, Kind, set()),
        (labels.RATING_MARK, Rating, {None}),
        (labels.RATING_MARK_ASCII, Rating, {None}),
        (labels.TASK_MARK, Status, set()),
        (labels.STATUS_LABEL, Status, set()),
        (labels.REASON_LABEL, Reason, set()),
        (labels.GOAL_STATUS_LABEL, GoalStatus, set()),
        (labels.DIRECTION_LABEL, Direction, set()),
    ],
)
def test_every_word_has_a_label(table: dict, vocabulary: type[Enum], extra: set) -> None:
    assert set(table) == set(vocabulary) | extra
    assert all(isinstance(text, str) and text for text in table.values())


def test_the_command_line_writes_an_ascii_minus() -> None:
    assert labels.RATING_MARK_ASCII[Rating.MINUS] == "-"
    assert labels.RATING_MARK[Rating.MINUS] == "−"


def test_the_labels_import_no_interface() -> None:
    """The quick commands import the labels: no Textual, Rich or SQLModel with them."""
    code = (
        "import sys, loopbaan.labels; "
        "print(sorted({m.split('.')[0] for m in sys.modules} & "
        "{'textual', 'rich', 'sqlmodel', 'sqlalchemy'}))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"
