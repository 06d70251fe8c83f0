"""Shared fixtures: the catalogs under test and a runner for the command line."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
REAL_CATALOG = ROOT / "procedures"


@pytest.fixture
def valid_catalog(tmp_path: Path) -> Path:
    """A writable copy of the small valid fixture catalog."""
    target = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "valid", target)
    return target


@pytest.fixture
def real_catalog(tmp_path: Path) -> Path:
    """A writable copy of the shipped catalog."""
    target = tmp_path / "procedures"
    shutil.copytree(REAL_CATALOG, target)
    return target


def run_cli(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m generator`` as an editor would, capturing its output."""
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
    )
