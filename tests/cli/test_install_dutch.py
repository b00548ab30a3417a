"""`pip install .` from a clean checkout ships the compiled Dutch catalogue.

The committed tree (`git archive HEAD`, so no file that only this working copy
has) is installed into a fresh virtual environment, offline: no dependencies
(`--no-deps`; they are taken from this environment's site-packages through
PYTHONPATH, which does not read this environment's editable `.pth`) and this
environment's hatchling (`--no-build-isolation`). Then `LOOPBAAN_LANG=nl loopbaan
--help` must speak Dutch.
"""

from __future__ import annotations

import os
import subprocess
import sysconfig
import tarfile
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]


def clean_checkout(into: Path) -> Path:
    """The committed tree of HEAD, as a fresh clone would have it."""
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    archive = into / "head.tar"
    subprocess.run(
        ["git", "-C", str(ROOT), "archive", "--format=tar", "-o", str(archive), "HEAD"],
        check=True,
    )
    tree = into / "checkout"
    with tarfile.open(archive) as tar:
        tar.extractall(tree, filter="data")
    return tree


def test_pip_install_gives_dutch(tmp_path: Path) -> None:
    pytest.importorskip("hatchling")
    tree = clean_checkout(tmp_path)
    assert not list(tree.rglob("*.pyc"))
    env = tmp_path / "venv"
    venv.create(env, with_pip=True)
    python = env / "bin" / "python"
    deps = {**os.environ, "PYTHONPATH": sysconfig.get_paths()["purelib"]}
    subprocess.run(
        [python, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation", str(tree)],
        check=True,
        env={**deps, "PIP_NO_INDEX": "1"},
    )
    installed = subprocess.run(
        [python, "-c", "import loopbaan, pathlib; print(pathlib.Path(loopbaan.__file__).parent)"],
        capture_output=True,
        text=True,
        check=True,
        cwd=tmp_path,
        env=deps,
    ).stdout.strip()
    assert Path(installed).is_relative_to(env)  # the wheel's copy, not this checkout's
    assert (Path(installed) / "locale" / "nl" / "LC_MESSAGES" / "loopbaan.mo").is_file()
    shown = subprocess.run(
        [env / "bin" / "loopbaan", "--help"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env={**deps, "LOOPBAAN_LANG": "nl"},
    )
    assert shown.returncode == 0, shown.stderr
    assert "gebruik: loopbaan" in shown.stdout
    assert "Een loopbaandagboek voor het toetsenbord" in shown.stdout
