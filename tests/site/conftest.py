"""Site fixtures: the real and the fixture catalog, each built once per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support import FIXTURES, REAL_CATALOG, build_site, serve

@pytest.fixture(scope="session")
def real_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(REAL_CATALOG, tmp_path_factory.mktemp("real") / "site")


@pytest.fixture(scope="session")
def fixture_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_site(FIXTURES / "valid", tmp_path_factory.mktemp("fixture") / "site")


@pytest.fixture(scope="session")
def fixture_url(fixture_site: Path) -> Iterator[str]:
    with serve(fixture_site) as url:
        yield url


@pytest.fixture(scope="session")
def real_url(real_site: Path) -> Iterator[str]:
    with serve(real_site) as url:
        yield url
