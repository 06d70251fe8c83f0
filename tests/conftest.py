"""Shared fixtures: writable copies of the catalogs under test."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from support import FIXTURES, REAL_CATALOG


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
