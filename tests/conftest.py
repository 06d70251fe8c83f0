"""Shared fixtures: writable copies of the catalogs under test."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
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


CHROMIUM = os.environ.get("KHONG_CHO_CHROMIUM") or shutil.which("chromium") or "/usr/bin/chromium"
"""Debian's Chromium; KHONG_CHO_CHROMIUM names another build (GitHub's runners have google-chrome)."""


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright; tests that need it skip, saying why, when it is absent."""
    if not Path(CHROMIUM).exists():
        pytest.skip("Chromium is not installed (apt-get install chromium); CI installs it, so these tests run there")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        )
        yield browser
        browser.close()
