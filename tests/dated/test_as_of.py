"""The catalog as a reader on one day knows it (dated.as_of): versions, later facts, later sources."""

from __future__ import annotations

from datetime import date

import pytest
from support import FIXTURES, REAL_CATALOG

from generator import dated
from generator.dated import LaterSource
from generator.pipeline import read_catalog

REAL, _ = read_catalog(REAL_CATALOG)
FIXTURE, _ = read_catalog(FIXTURES / "valid")


def papers(catalog, procedure: str = "chung-thuc-chu-ky") -> str:
    """The identity papers a procedure lists, as one string."""
    items = [d for d in catalog.procedures[procedure].thanh_phan_ho_so if d.id == "giay-to-tuy-than"]
    assert len(items) == 1, items  # exactly one version holds on any day
    return items[0].ghi_chu


@pytest.mark.parametrize(
    ("day", "named", "absent"),
    [
        ("2022-05-14", "Giấy chứng minh nhân dân hoặc Hộ chiếu", "Căn cước điện tử"),
        ("2024-06-30", "Giấy chứng minh nhân dân hoặc Hộ chiếu", "Thẻ căn cước,"),
        ("2024-07-01", "chỉ dùng được đến hết năm 2024", "giấy tờ xuất nhập cảnh"),
        ("2025-01-01", "không còn dùng được từ ngày 01/01/2025", "giấy tờ xuất nhập cảnh"),
        ("2025-01-09", "giấy tờ xuất nhập cảnh", "chỉ dùng được đến hết năm 2024"),
        ("2026-12-06", "giấy tờ xuất nhập cảnh", "Hộ chiếu còn giá trị sử dụng;"),
    ],
)
def test_each_day_gets_the_version_in_force(day: str, named: str, absent: str) -> None:
    text = papers(dated.as_of(REAL, date.fromisoformat(day)))
    assert named in text and absent not in text


def test_the_last_day_of_a_version_is_said_only_when_announced() -> None:
    """In 2022 nobody knew the CMND version would end on 30/06/2024; in June 2024 the law was in force."""
    item = lambda day: next(  # noqa: E731
        d
        for d in dated.as_of(REAL, date.fromisoformat(day)).procedures["chung-thuc-chu-ky"].thanh_phan_ho_so
        if d.id == "giay-to-tuy-than"
    )
    assert item("2022-05-14").den_ngay is None
    assert item("2024-06-20").den_ngay is None  # Luật Căn cước is not in force yet: not cited, not announced
    assert item("2024-12-20").den_ngay == date(2024, 12, 31)  # its own law says so, within 60 days


def test_citations_and_amendments_only_from_their_day() -> None:
    def cited(day: str) -> list[str]:
        known = dated.as_of(REAL, date.fromisoformat(day))
        return [c.van_ban for c in known.procedures["chung-thuc-chu-ky"].can_cu_phap_ly]

    assert "07/2025/NĐ-CP" not in cited("2025-01-08") and "07/2025/NĐ-CP" in cited("2025-01-09")
    assert "26/2023/QH15" not in cited("2024-06-30") and "26/2023/QH15" in cited("2024-07-01")
    library = lambda day: dated.as_of(REAL, date.fromisoformat(day)).laws  # noqa: E731
    assert "26/2023/QH15" not in library("2024-01-15")  # passed, not in force: not cited
    assert [a.van_ban for a in library("2025-01-08")["23/2015/NĐ-CP"].sua_doi_boi] == []
    assert [a.van_ban for a in library("2025-01-09")["23/2015/NĐ-CP"].sua_doi_boi] == ["07/2025/NĐ-CP"]


def test_units_and_ends_not_yet_known_are_left_out() -> None:
    before = dated.as_of(REAL, date(2025, 6, 1))  # NQ 1656 is of 16/06/2025
    assert "cua-nam-2025" not in before.wards
    assert before.wards["hang-bai"].hieu_luc.den_ngay is None and before.wards["hang-bai"].hieu_luc.ke_nhiem == []
    announced = dated.as_of(REAL, date(2025, 6, 20))
    assert "cua-nam-2025" in announced.wards
    assert announced.wards["hang-bai"].hieu_luc.den_ngay == date(2025, 6, 30)


def test_results_and_the_pilot_are_known_once_they_are_over() -> None:
    during = dated.as_of(REAL, date(2021, 12, 1))
    assert during.wards["hang-bai"].ket_qua == []
    assert during.district.mo_hinh.thi_diem.den_ngay is None
    assert dated.as_of(REAL, date(2021, 1, 1)).district.mo_hinh.thi_diem is None
    assert dated.as_of(REAL, date(2022, 5, 14)).wards["hang-bai"].ket_qua[0].giai_quyet_ngay == 1824


def test_a_source_published_later_is_named_only_as_that() -> None:
    old = dated.as_of(REAL, date(2021, 8, 1)).wards["hang-bai"].thu_tuc_khong_cho[0].nguon
    assert isinstance(old, LaterSource) and old.ten == "một nguồn công bố sau ngày 01/08/2021"
    year_only = dated.as_of(REAL, date(2025, 8, 1)).wards["hang-bai"].nguon[0]
    assert year_only.ten == "một nguồn có thể công bố sau ngày 01/08/2025"  # only its year, 2025, is known
    assert dated.as_of(REAL, date(2026, 1, 1)).wards["hang-bai"].nguon[0].url.startswith("https://hanoimoi.vn/")


def test_an_adoption_without_a_start_is_known_from_its_source() -> None:
    """The 17 wards follow the district's directive, reported on 14/05/2022: not before."""
    assert dated.as_of(REAL, date(2022, 5, 13)).wards["hang-bo"].thu_tuc_khong_cho == []
    assert len(dated.as_of(REAL, date(2022, 5, 14)).wards["hang-bo"].thu_tuc_khong_cho) == 5


def test_records_keep_their_files() -> None:
    known = dated.as_of(FIXTURE, date(2025, 1, 2))
    ward = known.wards["an-binh"]
    assert known.source(ward).stem == "an-binh"
    assert known.source(known.procedures["chung-thuc-ban-sao"]).stem == "chung-thuc-ban-sao"
