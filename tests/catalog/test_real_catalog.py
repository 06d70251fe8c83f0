"""The shipped catalog: real names and figures from FACTS.md, nothing invented."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest
from support import REAL_CATALOG

from generator.catalog import Catalog
from generator.model import LimitCondition
from generator.pipeline import read_catalog

WARD_NAMES = {
    "Chương Dương",
    "Cửa Đông",
    "Cửa Nam",
    "Đồng Xuân",
    "Hàng Bạc",
    "Hàng Bài",
    "Hàng Bồ",
    "Hàng Bông",
    "Hàng Buồm",
    "Hàng Đào",
    "Hàng Gai",
    "Hàng Mã",
    "Hàng Trống",
    "Lý Thái Tổ",
    "Phan Chu Trinh",
    "Phúc Tân",
    "Tràng Tiền",
    "Trần Hưng Đạo",
}
NEW_WARDS = {  # NQ 1656/NQ-UBTVQH15, Điều 1: in force from 01/07/2025
    "hoan-kiem": "Hoàn Kiếm",
    "cua-nam-2025": "Cửa Nam",
    "ba-dinh": "Ba Đình",
    "van-mieu-quoc-tu-giam": "Văn Miếu - Quốc Tử Giám",
    "hong-ha": "Hồng Hà",
}
SUCCESSORS = {  # NQ 1656 Điều 1 khoản 1, 2, 3, 11, 14: (successor, whole)
    "hang-bac": {("hoan-kiem", True)},
    "hang-bai": {("cua-nam-2025", True)},
    "phan-chu-trinh": {("cua-nam-2025", True)},
    "tran-hung-dao": {("cua-nam-2025", True)},
    "hang-bong": {("hoan-kiem", False), ("cua-nam-2025", False)},
    "cua-dong": {("hoan-kiem", False), ("ba-dinh", False)},
    "cua-nam": {("hoan-kiem", False), ("cua-nam-2025", False), ("ba-dinh", False), ("van-mieu-quoc-tu-giam", False)},
    "chuong-duong": {("hong-ha", True)},
    "phuc-tan": {("hong-ha", True)},
}
CODES = {
    "chung-thuc-ban-sao": "2.000815",
    "chung-thuc-chu-ky": "2.000884",
    "dang-ky-ket-hon": "1.000894",
    "dang-ky-khai-tu": "1.000656",
    "cap-ban-sao-trich-luc-ho-tich": "2.000635",
}


@pytest.fixture(scope="module")
def catalog() -> Catalog:
    catalog, problems = read_catalog(REAL_CATALOG)
    assert [str(p) for p in problems if p.is_error] == []
    return catalog


def old_wards(catalog: Catalog) -> list:
    return [w for w in catalog.wards.values() if w.id not in NEW_WARDS]


def test_the_18_wards_by_their_real_names(catalog: Catalog) -> None:
    assert {w.ten for w in old_wards(catalog)} == WARD_NAMES
    assert len(old_wards(catalog)) == 18


def test_the_18_wards_ended_on_30_06_2025_with_their_successors(catalog: Catalog) -> None:
    for ward in old_wards(catalog):
        assert ward.hieu_luc.den_ngay.isoformat() == "2025-06-30", ward.id
        assert ward.hieu_luc.nguon.van_ban == "1656/NQ-UBTVQH15", ward.id
    for ward_id, expected in SUCCESSORS.items():
        found = {(s.phuong, s.toan_bo) for s in catalog.wards[ward_id].hieu_luc.ke_nhiem}
        assert found == expected, ward_id
    assert catalog.district.hieu_luc.den_ngay.isoformat() == "2025-06-30"


def test_the_new_wards_start_on_01_07_2025_with_nothing_invented(catalog: Catalog) -> None:
    for ward_id, name in NEW_WARDS.items():
        ward = catalog.wards[ward_id]
        assert ward.ten == name and ward.hieu_luc.tu_ngay.isoformat() == "2025-07-01"
        assert ward.thu_tuc_khong_cho == [] and ward.ket_qua == [] and ward.dien_thoai is None
    # Seats only where a source names them (procedures/NGUON.md, mục 2); Ba Đình and Văn Miếu - Quốc
    # Tử Giám stay empty: only unofficial sources, which disagree with the plan.
    seats = {w: catalog.wards[w].dia_chi for w in NEW_WARDS if catalog.wards[w].dia_chi}
    assert seats == {"hoan-kiem": "126 Hàng Trống", "cua-nam-2025": "21 Bà Triệu", "hong-ha": "30 Tứ Liên"}
    for ward_id in seats:
        assert any("dia_chi" in source.ve and source.url for source in catalog.wards[ward_id].nguon), ward_id


def test_the_five_procedures_with_their_codes(catalog: Catalog) -> None:
    assert {p.id: p.ma_thu_tuc for p in catalog.procedures.values()} == CODES


def test_every_ward_adopts_the_five(catalog: Catalog) -> None:
    for ward in old_wards(catalog):
        assert sorted(a.thu_tuc for a in ward.thu_tuc_khong_cho) == sorted(CODES), ward.id


def test_only_the_known_addresses_and_no_invented_phones(catalog: Catalog) -> None:
    addresses = {w.id: w.dia_chi for w in old_wards(catalog) if w.dia_chi}
    assert set(addresses) == {"hang-bai", "phan-chu-trinh", "tran-hung-dao"}
    assert addresses["hang-bai"].startswith("4 Nguyễn Chế Nghĩa")
    assert addresses["phan-chu-trinh"].startswith("27 Phan Chu Trinh")
    assert addresses["tran-hung-dao"].startswith("29 Quang Trung")
    assert all(w.dien_thoai is None and w.email is None for w in catalog.wards.values())
    assert all(not w.gio_lam_viec for w in catalog.wards.values())
    assert catalog.district.dien_thoai == "(024) 39287630"
    assert catalog.district.dia_chi.startswith("126 Hàng Trống")


def test_only_hang_bai_has_results_and_they_are_the_pilot(catalog: Catalog) -> None:
    with_results = {w.id: w.ket_qua for w in catalog.wards.values() if w.ket_qua}
    assert list(with_results) == ["hang-bai"]
    (pilot,) = with_results["hang-bai"]
    assert (pilot.tu_ngay.isoformat(), pilot.den_ngay.isoformat(), pilot.tiep_nhan, pilot.giai_quyet_ngay) == (
        "2021-07-01",
        "2022-02-28",
        4063,
        1824,
    )
    assert pilot.nguon is not None


def test_fees_compute_as_the_law_says(catalog: Catalog) -> None:
    def fee(procedure: str):
        (channel,) = [c for c in catalog.procedures[procedure].cach_thuc_thuc_hien if c.kenh == "truc_tiep"]
        return channel.le_phi[0]

    copy = fee("chung-thuc-ban-sao")
    assert [copy.amount(n) for n in (1, 2, 3, 10, 250)] == [2000, 4000, 5000, 12000, 200000]
    assert copy.amount(3, 2) == 10000
    assert fee("chung-thuc-chu-ky").amount(1) == 10000
    assert fee("cap-ban-sao-trich-luc-ho-tich").amount(2) == 16000
    assert fee("dang-ky-ket-hon").is_free and fee("dang-ky-khai-tu").is_free


def test_every_condition_has_a_basis_and_no_invented_limit(catalog: Catalog) -> None:
    for procedure in catalog.procedures.values():
        assert procedure.nguon, procedure.id
        assert procedure.khong_cho is not None, procedure.id
        for condition in procedure.khong_cho.dieu_kien:
            assert condition.can_cu.loai in ("phap_luat", "quan"), condition.id
            if isinstance(condition, LimitCondition):
                assert condition.toi_da is None, f"{procedure.id}/{condition.id}: no source gives a number"
    for ward in catalog.wards.values():
        assert all(not a.gioi_han for a in ward.thu_tuc_khong_cho), ward.id


def test_files_are_nfc_utf8_lf_without_tabs() -> None:
    for path in sorted(Path(REAL_CATALOG).rglob("*.yaml")):
        raw = path.read_bytes()
        text = raw.decode("utf-8")
        assert not raw.startswith(b"\xef\xbb\xbf") and b"\r" not in raw and "\t" not in text, path
        assert unicodedata.normalize("NFC", text) == text, path


def test_procedures_carry_the_names_people_use(catalog: Catalog) -> None:
    """Issue 23: the everyday names the issue lists, on the procedure they mean; the note on công chứng."""
    called = {pid: {n.ten: n for n in p.ten_thuong_goi} for pid, p in catalog.procedures.items()}
    assert {"sao y", "sao y bản chính", "công chứng"} <= set(called["chung-thuc-ban-sao"])
    assert "tổ chức hành nghề công chứng" in called["chung-thuc-ban-sao"]["công chứng"].ghi_chu
    assert "xác nhận chữ ký" in called["chung-thuc-chu-ky"]
    assert {"chứng tử", "giấy chứng tử", "báo tử"} <= set(called["dang-ky-khai-tu"])
    # The portal's commune-level procedures outside the catalog, by name, with where to look them up.
    outside = catalog.district.thu_tuc_ngoai_danh_muc
    assert len(outside.thu_tuc) >= 60 and outside.tra_cuu == "https://dichvucong.gov.vn/"
    assert not {o.ma for o in outside.thu_tuc} & {p.ma_thu_tuc for p in catalog.procedures.values()}
