"""Site fixtures: the real and the fixture catalog, each built once per test session."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import FIXTURES, REAL_CATALOG, build_site


@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(REAL_CATALOG, tmp_path_factory.mktemp("real") / "site")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(FIXTURES / "valid", tmp_path_factory.mktemp("fixture") / "site")
