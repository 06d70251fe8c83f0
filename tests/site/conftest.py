"""Site fixtures: the real and the fixture catalog, each built once per test session."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support import FIXTURES, PUBLIC_URL, REAL_CATALOG, build_site, serve

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


@pytest.fixture(scope="session")
def real_site_2022(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real catalog as it stood on 14/05/2022 (the article's date): 18 wards, all in force."""
    return build_site(REAL_CATALOG, tmp_path_factory.mktemp("real-2022") / "site", day="2022-05-14")


@pytest.fixture(scope="session")
def real_site_2025(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real catalog on 20/06/2025: ten days before the 18 wards end, the change announced ahead."""
    return build_site(REAL_CATALOG, tmp_path_factory.mktemp("real-2025") / "site", day="2025-06-20")


@pytest.fixture(scope="session")
def real_url_2022(real_site_2022: Path) -> Iterator[str]:
    with serve(real_site_2022) as url:
        yield url


@pytest.fixture(scope="session")
def real_url_2025(real_site_2025: Path) -> Iterator[str]:
    with serve(real_site_2025) as url:
        yield url


@pytest.fixture(scope="session")
def printed_2022(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The real catalog on 14/05/2022 built for a public address: the printed matter as posted."""
    return build_site(
        REAL_CATALOG, tmp_path_factory.mktemp("printed-2022") / "site", PUBLIC_URL, search=False, day="2022-05-14"
    )
