"""Checks stage: each cross-record rule, applied alone to the valid fixture catalog."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator import checks
from generator.pipeline import read_catalog
from generator.problems import Severity

WARD = "phuong/an-binh.yaml"
COPY = "thu-tuc/chung-thuc-ban-sao.yaml"


def edit(root: Path, name: str, old: str, new: str) -> None:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} not in {name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def messages(root: Path) -> list[str]:
    _, problems = read_catalog(root)
    return [f"{Path(p.path).parent.name}/{Path(p.path).name}:{p.line}: {p.field}: {p.message}" for p in problems]


def test_valid_fixture_is_clean(valid_catalog: Path) -> None:
    catalog, problems = read_catalog(valid_catalog)
    assert problems == []
    assert list(catalog.wards) == ["an-binh", "bo-song"]
    assert list(catalog.procedures) == ["chung-thuc-ban-sao", "dang-ky-ket-hon"]


@pytest.mark.parametrize(
    ("name", "old", "new", "expected"),
    [
        (
            WARD,
            "id: an-binh",
            "id: an-binh-2",
            "phuong/an-binh.yaml:2: id: mã 'an-binh-2' phải trùng tên tệp 'an-binh'",
        ),
        (WARD, "ten: An Bình", "ten: bờ  sông", "phuong/bo-song.yaml:3: ten: tên phường 'Bờ Sông' đã có ở tệp"),
        (
            WARD,
            "thu_tuc: dang-ky-ket-hon",
            "thu_tuc: dang-ky-khai-sinh",
            "phuong/an-binh.yaml:32: thu_tuc_khong_cho[1].thu_tuc: không có thủ tục 'dang-ky-khai-sinh' trong procedures/thu-tuc/",
        ),
        (
            WARD,
            "thu_tuc: dang-ky-ket-hon",
            "thu_tuc: chung-thuc-ban-sao",
            "phuong/an-binh.yaml:32: thu_tuc_khong_cho[1].thu_tuc: thủ tục 'chung-thuc-ban-sao' đã được khai ở trên",
        ),
        (
            WARD,
            "gioi_han: {so-trang: 10}",
            "gioi_han: {so-trang: 21}",
            "phuong/an-binh.yaml:25: thu_tuc_khong_cho[0].gioi_han.so-trang: giới hạn của phường (21) phải chặt hơn",
        ),
        (
            WARD,
            "gioi_han: {so-trang: 10}",
            "gioi_han: {truoc-gio: 1}",
            "phuong/an-binh.yaml:25: thu_tuc_khong_cho[0].gioi_han.truoc-gio: thủ tục 'chung-thuc-ban-sao' không có điều kiện giới hạn 'truoc-gio' (có: so-trang)",
        ),
        (
            WARD,
            'gio_tiep_nhan_cuoi: "14:30"',
            'gio_tiep_nhan_cuoi: "15:01"',
            "phuong/an-binh.yaml:24: thu_tuc_khong_cho[0].gio_tiep_nhan_cuoi: giờ nộp để nhận kết quả trong ngày của phường (15:01) không được muộn hơn giờ chung (15:00)",
        ),
        (
            WARD,
            "id: co-ban-sao-san",
            "id: so-trang",
            "phuong/an-binh.yaml:27: thu_tuc_khong_cho[0].dieu_kien_them[0].id: mã điều kiện 'so-trang' đã có trong thủ tục",
        ),
        (
            WARD,
            'tu: "13:30"',
            'tu: "11:59"',
            "phuong/an-binh.yaml:11: gio_lam_viec[1]: buổi làm việc 11:59–17:00 ngày thu_2 trùng với buổi 08:00–12:00 (gio_lam_viec[0])",
        ),
        (
            WARD,
            "den_ngay: 2022-02-28",
            "den_ngay: 2021-06-30",
            "phuong/an-binh.yaml:37: ket_qua[0].den_ngay: đến ngày (30/06/2021) phải bằng hoặc sau từ ngày (01/07/2021)",
        ),
        (
            WARD,
            "giai_quyet_ngay: 1824",
            "giai_quyet_ngay: 4064",
            "phuong/an-binh.yaml:39: ket_qua[0].giai_quyet_ngay: số hồ sơ giải quyết không chờ (4064) không được lớn hơn số tiếp nhận (4063)",
        ),
        (
            WARD,
            "tu_ngay: 2022-03-01",
            "tu_ngay: 2022-02-28",
            "phuong/an-binh.yaml:42: ket_qua[1].tu_ngay: kỳ 28/02/2022–31/12/2022 trùng với kỳ 01/07/2021–28/02/2022 (ket_qua[0])",
        ),
        (
            WARD,
            "den_ngay: 2022-12-31",
            "den_ngay: 2025-01-01",
            "phuong/an-binh.yaml:43: ket_qua[1].den_ngay: kỳ số liệu (01/01/2025) không được sau ngày rà soát danh mục (31/12/2024",
        ),
        (
            WARD,
            "ngay_ra_soat: 2024-12-31",
            "ngay_ra_soat: 2025-01-01",
            "phuong/an-binh.yaml:51: ngay_ra_soat: ngày rà soát của phường (01/01/2025) không được sau ngày rà soát danh mục",
        ),
        (
            WARD,
            "ngay_ra_soat: 2024-12-31",
            "ngay_ra_soat: 2024-12-31\nhieu_luc: {tu_ngay: 2022-01-01, nguon: {ten: Nghị quyết mẫu}}",
            "phuong/an-binh.yaml:22: thu_tuc_khong_cho[0].tu_ngay: ngày 01/07/2021 nằm ngoài thời gian phường có hiệu lực (từ 01/01/2022)",
        ),
        (
            COPY,
            "toi_da: 200000",
            "toi_da: 1999",
            "thu-tuc/chung-thuc-ban-sao.yaml:23: cach_thuc_thuc_hien[0].le_phi[0].toi_da: mức tối đa (1999) không được nhỏ hơn mức thu (2000)",
        ),
        (
            COPY,
            "id: so-trang",
            "id: truoc-gio",
            "thu-tuc/chung-thuc-ban-sao.yaml:65: khong_cho.dieu_kien[2].id: mã 'truoc-gio' đã có ở khong_cho.dieu_kien[1]; "
            "mỗi thông tin chỉ ghi một lần",
        ),
        (
            "district.yaml",
            "phuong: an-binh",
            "phuong: khong-co",
            "valid/district.yaml:15: mo_hinh.thi_diem.phuong: không có phường 'khong-co' trong procedures/phuong/",
        ),
        (
            "district.yaml",
            "den_ngay: 2022-02-28",
            "den_ngay: 2021-02-28",
            "valid/district.yaml:17: mo_hinh.thi_diem.den_ngay: ngày kết thúc thí điểm phải sau ngày bắt đầu",
        ),
    ],
)
def test_cross_rule(valid_catalog: Path, name: str, old: str, new: str, expected: str) -> None:
    edit(valid_catalog, name, old, new)
    found = messages(valid_catalog)
    assert any(m.startswith(expected) or m.startswith(expected.replace("valid/", "catalog/")) for m in found), found


def test_reference_to_a_broken_procedure_is_not_reported_twice(valid_catalog: Path) -> None:
    edit(valid_catalog, COPY, "ten: Chứng thực bản sao từ bản chính", "ten: 12")
    found = messages(valid_catalog)
    assert len(found) == 1 and "ten: phải là văn bản" in found[0]


def test_procedure_without_no_wait_part_cannot_be_adopted(valid_catalog: Path) -> None:
    path = valid_catalog / "thu-tuc/dang-ky-ket-hon.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[: text.index("khong_cho:")] + "nguon:\n  - ten: x\n", encoding="utf-8")
    found = messages(valid_catalog)
    assert any("thủ tục 'dang-ky-ket-hon' chưa có phần khong_cho" in m for m in found), found


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            "    tu_ngay: 2022-06-01\n    suy_ra:\n",
            "    nguon: {ten: Danh mục của phường}\n    suy_ra:\n",
            "thu_tuc_khong_cho[0]: chưa có ngày bắt đầu áp dụng không chờ (tu_ngay); thủ tục: chung-thuc-ban-sao",
        ),
        (
            "ve: [dia_chi, dien_thoai, gio_lam_viec]",
            "ve: [dia_chi, gio_lam_viec]",
            "dien_thoai: điện thoại chưa ghi nguồn",
        ),
        (
            "    suy_ra:\n      ly_do: Theo chỉ đạo của quận, mọi phường triển khai mô hình như phường An Bình.\n",
            "",
            "thu_tuc_khong_cho[0]: việc phường áp dụng 'chung-thuc-ban-sao' chưa ghi nguồn (nguon) hay lý do (suy_ra)",
        ),
        ("# yaml-language-server", "# ", "(tệp): dòng đầu nên là '# yaml-language-server: $schema=...'"),
    ],
)
def test_completeness_warnings(valid_catalog: Path, old: str, new: str, expected: str) -> None:
    edit(valid_catalog, "phuong/bo-song.yaml", old, new)
    _, problems = read_catalog(valid_catalog)
    assert [p.severity for p in problems] == [Severity.WARNING]
    assert expected in str(problems[0]), problems


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ('dien_thoai: "024 3000 0002"', "dien_thoai:", "dien_thoai: chưa có số điện thoại"),
        ("dia_chi: 3 Phố Mẫu", "dia_chi:", "dia_chi: chưa có địa chỉ; trang web sẽ ghi 'đang cập nhật', thông báo in"),
        ("nguoi_ky: {ho_ten: Trần Thị B}", "nguoi_ky: {}", "nguoi_ky: chưa có họ tên người ký"),
    ],
)
def test_what_a_reader_of_the_day_finds_missing(valid_catalog: Path, old: str, new: str, expected: str) -> None:
    """Contacts and signers are sought for the wards in force on the day (checks.gaps_on), not in
    the catalog at large: a ward before its start or after its end is not asked for them."""
    edit(valid_catalog, "phuong/bo-song.yaml", old, new)
    catalog, problems = read_catalog(valid_catalog)
    assert problems == []
    (gap,) = checks.gaps_on(catalog, date(2025, 1, 2))
    assert gap.severity is Severity.WARNING and expected in str(gap), gap


def test_a_ward_not_in_force_on_the_day_is_not_asked_for_its_contact(valid_catalog: Path) -> None:
    edit(valid_catalog, "phuong/bo-song.yaml", 'dien_thoai: "024 3000 0002"', "dien_thoai:")
    catalog, _ = read_catalog(valid_catalog)
    assert [p.field for p in checks.gaps_on(catalog, date(2025, 1, 2))] == ["dien_thoai"]
    edit(
        valid_catalog,
        "phuong/bo-song.yaml",
        "ngay_ra_soat:",
        "hieu_luc: {den_ngay: 2024-12-31, nguon: {ten: Nghị quyết mẫu, ngay: 2024-11-01}, "
        "ke_nhiem: [{phuong: an-binh, toan_bo: true}]}\nngay_ra_soat:",
    )
    catalog, problems = read_catalog(valid_catalog)
    assert [p for p in problems if p.is_error] == []
    assert checks.gaps_on(catalog, date(2025, 1, 2)) == []  # ended: its pages are the record


def test_hours_warning_and_results_source_warning(valid_catalog: Path) -> None:
    path = valid_catalog / "phuong/bo-song.yaml"
    text = path.read_text(encoding="utf-8")
    start, end = text.index("gio_lam_viec:"), text.index("nguoi_ky:")
    path.write_text(text[:start] + text[end:], encoding="utf-8")
    edit(valid_catalog, WARD, "    nguon: {ten: Dữ liệu mẫu}\n", "")
    catalog, problems = read_catalog(valid_catalog)
    found = [f"{p.field}: {p.message}" for p in problems + checks.gaps_on(catalog, date(2025, 1, 2))]
    assert "gio_lam_viec: chưa có giờ làm việc; trang web sẽ ghi 'đang cập nhật', thông báo in sẽ để trống" in found
    assert "ket_qua[0]: số liệu chưa ghi nguồn (nguon)" in found
    assert all(p.severity is Severity.WARNING for p in problems)


def test_problems_are_sorted_errors_first(valid_catalog: Path) -> None:
    edit(valid_catalog, "phuong/bo-song.yaml", "# yaml-language-server", "# ")
    edit(valid_catalog, WARD, "giai_quyet_ngay: 1824", "giai_quyet_ngay: 4064")
    _, problems = read_catalog(valid_catalog)
    assert [p.is_error for p in problems] == [True, False]


def test_public_text_speaks_to_ong_ba_and_asks_yes_no_as_questions(valid_catalog: Path) -> None:
    edit(valid_catalog, WARD, "cau_hoi: Ông/bà có mang sẵn bản sao không?", "cau_hoi: Bạn đã mang sẵn bản sao")
    _, problems = read_catalog(valid_catalog)
    found = [str(p) for p in problems]
    assert [p.severity for p in problems] == [Severity.WARNING, Severity.WARNING], found
    assert any(
        "dieu_kien_them[0].cau_hoi: trang web gọi người dân là 'ông/bà'; hãy thay 'Bạn' bằng" in f for f in found
    )
    assert any("dieu_kien_them[0].cau_hoi: câu hỏi có/không nên viết thành câu hỏi '… có … không?'" in f for f in found)
