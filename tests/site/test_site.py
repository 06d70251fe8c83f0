"""The site at a date is computed once: the rule book asked once per ward × procedure per build."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from support import FIXTURES, REAL_CATALOG, build_site

from generator import dated, rules, site
from generator.pipeline import read_catalog
from generator.settings import Settings


def pairs(catalog_dir: Path, day: str) -> tuple[int, int]:
    """Ward × procedure pairs a reader on ``day`` knows of, and the procedures (asked district-wide)."""
    catalog, _ = read_catalog(catalog_dir)
    known = dated.as_of(catalog, date.fromisoformat(day))
    return sum(len(w.thu_tuc_khong_cho) for w in known.wards.values()), len(known.procedures)


@pytest.mark.parametrize(
    ("catalog", "day"), [(REAL_CATALOG, "2022-05-14"), (REAL_CATALOG, "2026-11-29"), (FIXTURES / "valid", "2025-01-02")]
)
def test_a_build_asks_the_rule_book_once_per_ward_and_procedure(catalog: Path, day: str, tmp_path: Path) -> None:
    wards_x_procedures, procedures = pairs(catalog, day)
    before = rules.CALLS["service"]
    build_site(catalog, tmp_path / "site", pdf=False, search=False, day=day)
    assert rules.CALLS["service"] - before == wards_x_procedures + procedures
    if catalog == REAL_CATALOG:
        assert wards_x_procedures == 90  # 18 wards × 5 procedures, asked 90 times (not 810)


def test_a_date_before_the_catalog_describes_is_refused() -> None:
    catalog, _ = read_catalog(REAL_CATALOG)
    with pytest.raises(site.BuildError, match="danh mục chỉ mô tả từ ngày 01/01/2021"):
        site.at(catalog, Settings("https://khong-cho.example/", date(2020, 12, 31)))


def test_the_site_says_which_wards_have_a_page() -> None:
    catalog, _ = read_catalog(REAL_CATALOG)
    then = site.at(catalog, Settings("https://khong-cho.example/", date(2025, 6, 20)))
    assert not then.has_page("cua-nam-2025") and "cua-nam-2025" in [w.id for w in then.upcoming_wards]
    assert then.has_page("hang-bai") and not then.has_page("khong-co")
    now = site.at(catalog, Settings("https://khong-cho.example/", date(2025, 7, 1)))
    assert now.has_page("cua-nam-2025") and now.has_page("hang-bai") and now.statuses["hang-bai"].ended
