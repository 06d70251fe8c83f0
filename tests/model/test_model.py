"""Model stage: each type and rule, through the same path as a YAML file."""

from __future__ import annotations

from datetime import date, time
from typing import Any

import pytest

from generator.load import Document
from generator.model import District, Procedure, Ward
from generator.validate import build

WARD: dict[str, Any] = {"id": "hang-bai", "ten": "Hàng Bài", "ngay_ra_soat": "2024-01-01"}


def problems(model: type, data: dict[str, Any]) -> list[str]:
    from pathlib import Path

    document = Document(Path("x.yaml"), data, {(): (1, 1)}, {})
    record, found = build(document, model)
    assert (record is None) == bool(found)
    return [f"{p.field}: {p.message}" for p in found]


def ward(**changes: Any) -> dict[str, Any]:
    return {**WARD, **changes}


def test_minimal_ward_is_valid() -> None:
    assert problems(Ward, WARD) == []


def test_models_are_frozen() -> None:
    record = Ward.model_validate(WARD)
    with pytest.raises(Exception):  # noqa: B017 - pydantic raises its own ValidationError
        record.ten = "x"  # type: ignore[misc]


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ({"dia_chii": "1"}, "dia_chii: trường 'dia_chii' không có trong mẫu (gõ nhầm?); có phải 'dia_chi'?"),
        ({"id": "../x"}, "id: mã phải gồm chữ thường không dấu"),
        ({"id": "Hang-Bai"}, "id: mã phải gồm chữ thường không dấu"),
        ({"ten": ""}, "ten: không được để trống"),
        ({"ten": "<b>x</b>"}, "ten: không được chứa mã HTML hay JavaScript (gặp '<b')"),
        ({"ten": "x onerror=alert(1)"}, "ten: không được chứa mã HTML hay JavaScript"),
        ({"ten": "a\x07b"}, "ten: chứa ký tự điều khiển U+0007 ở ký tự thứ 2, không nhìn thấy được; hãy xóa ký tự này"),
        ({"ten": 12}, 'ten: phải là văn bản; hãy đặt trong ngoặc kép, ví dụ "12"'),
        ({"dien_thoai": 39287630}, "dien_thoai: phải là văn bản"),
        ({"dien_thoai": "gọi tôi"}, "dien_thoai: số điện thoại chỉ gồm chữ số"),
        ({"email": "a@b"}, "email: địa chỉ thư điện tử chỉ gồm chữ không dấu, số"),
        ({"email": "a@b.vn?bcc=c@d.vn"}, "email: địa chỉ thư điện tử chỉ gồm chữ không dấu, số"),
        ({"ngay_ra_soat": "2024-02-30"}, "ngay_ra_soat: ngày không tồn tại"),
        ({"ngay_ra_soat": 20240101}, "ngay_ra_soat: phải là ngày dạng YYYY-MM-DD"),
        (
            {"gio_lam_viec": [{"ngay": ["thu_2"], "tu": 900, "den": "12:00"}]},
            "gio_lam_viec[0].tu: phải là giờ dạng HH:MM",
        ),
        (
            {"gio_lam_viec": [{"ngay": ["thu_2"], "tu": "12:00", "den": "08:00"}]},
            "gio_lam_viec[0]: giờ mở (12:00) phải trước giờ đóng (08:00)",
        ),
        (
            {"gio_lam_viec": [{"ngay": [], "tu": "08:00", "den": "12:00"}]},
            "gio_lam_viec[0].ngay: phải có ít nhất 1 mục",
        ),
        ({"gio_lam_viec": "sáng"}, "gio_lam_viec: phải là danh sách"),
        ({"nguoi_ky": "ông A"}, "nguoi_ky: phải là một bảng"),
        (
            {"ket_qua": [{"tu_ngay": "2022-01-01", "den_ngay": "2022-02-01", "tiep_nhan": "10", "giai_quyet_ngay": 1}]},
            "ket_qua[0].tiep_nhan: phải là số nguyên",
        ),
        (
            {"ket_qua": [{"tu_ngay": "2022-01-01", "den_ngay": "2022-02-01", "tiep_nhan": True, "giai_quyet_ngay": 1}]},
            "ket_qua[0].tiep_nhan: phải là số nguyên",
        ),
        (
            {
                "hieu_luc": {
                    "den_ngay": "2025-06-30",
                    "ke_nhiem": [{"phuong": "a", "toan_bo": "no"}],
                    "nguon": {"ten": "x"},
                }
            },
            "hieu_luc.ke_nhiem[0].toan_bo: phải là true hoặc false, nhận được 'no'",
        ),
        (
            {"nguon": [{"ten": "x", "url": "javascript:alert(1)"}]},
            "nguon[0].url: phải là địa chỉ web bắt đầu bằng http://",
        ),
        (
            {"thu_tuc_khong_cho": [{"thu_tuc": "a", "gioi_han": {"So Trang": 3}}]},
            "thu_tuc_khong_cho[0].gioi_han.So Trang: mã phải",
        ),
        (
            {"thu_tuc_khong_cho": [{"thu_tuc": "a", "gioi_han": {"so-trang": 0}}]},
            "thu_tuc_khong_cho[0].gioi_han.so-trang: phải lớn hơn hoặc bằng 1",
        ),
    ],
)
def test_ward_rules(changes: dict[str, Any], expected: str) -> None:
    found = problems(Ward, ward(**changes))
    assert any(line.startswith(expected) for line in found), found


def test_missing_required_fields() -> None:
    assert problems(Ward, {"id": "a"}) == ["ten: thiếu trường bắt buộc", "ngay_ra_soat: thiếu trường bắt buộc"]


def test_values_are_typed_and_normalised() -> None:
    record = Ward.model_validate(
        ward(
            ten="Ha\u0300ng Ba\u0300i",  # typed in decomposed Unicode
            ngay_ra_soat="14/05/2022",
            gio_lam_viec=[{"ngay": ["thu_7"], "tu": "8:00", "den": "11h30"}],
        )
    )
    assert record.ten == "Hàng Bài" and len(record.ten) == 8
    assert record.ngay_ra_soat == date(2022, 5, 14)
    assert (record.gio_lam_viec[0].tu, record.gio_lam_viec[0].den) == (time(8), time(11, 30))
    assert record.full_name == "Phường Hàng Bài"


PROCEDURE: dict[str, Any] = {
    "id": "p",
    "ten": "Thủ tục",
    "khong_cho": {
        "cam_ket": {"loai": "ngay_khi_tiep_nhan", "mo_ta": "Ngay."},
        "dieu_kien": [{"id": "a", "loai": "van_ban", "noi_dung": "Hồ sơ hợp lệ.", "can_cu": {"loai": "quan"}}],
    },
}


def procedure(**changes: Any) -> dict[str, Any]:
    return {**PROCEDURE, **changes}


def no_wait(**changes: Any) -> dict[str, Any]:
    return procedure(khong_cho={**PROCEDURE["khong_cho"], **changes})


def condition(**fields: Any) -> dict[str, Any]:
    return no_wait(dieu_kien=[{"id": "c", "noi_dung": "x", "can_cu": {"loai": "quan"}, **fields}])


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (procedure(ma_thu_tuc="2000815"), 'ma_thu_tuc: mã thủ tục phải có dạng "2.000815"'),
        (procedure(ma_thu_tuc=2), "ma_thu_tuc: phải là văn bản"),
        (no_wait(dieu_kien=[]), "khong_cho.dieu_kien: phải có ít nhất 1 mục"),
        (
            no_wait(cam_ket={"loai": "trong_so_phut", "mo_ta": "x"}),
            "khong_cho.cam_ket: cam kết 'trong_so_phut' phải ghi so_phut",
        ),
        (condition(loai="khac"), "khong_cho.dieu_kien[0]: loai phải là một trong"),
        (condition(), "khong_cho.dieu_kien[0]: thiếu trường 'loai'"),
        (condition(loai="gio_tiep_nhan", gio="25:00"), "khong_cho.dieu_kien[0].gio: phải là giờ dạng HH:MM"),
        (
            condition(loai="gioi_han_so_luong", dai_luong="trang", toi_da=0),
            "khong_cho.dieu_kien[0].toi_da: phải lớn hơn hoặc bằng 1",
        ),
        (condition(loai="gioi_han_so_luong", dai_luong="to"), "khong_cho.dieu_kien[0].dai_luong: phải là một trong"),
        (
            condition(loai="co_khong", cau_hoi="?", dap_an_dat="có"),
            "khong_cho.dieu_kien[0].dap_an_dat: phải là true hoặc false, nhận được 'có'",
        ),
        (condition(loai="co_khong"), "khong_cho.dieu_kien[0].cau_hoi: thiếu trường bắt buộc"),
        (
            condition(loai="van_ban", can_cu={"loai": "phap_luat"}),
            "khong_cho.dieu_kien[0].can_cu: căn cứ pháp luật phải ghi văn bản",
        ),
        (condition(loai="van_ban", can_cu={"loai": "bo"}), "khong_cho.dieu_kien[0].can_cu.loai: phải là một trong"),
        (
            procedure(
                cach_thuc_thuc_hien=[
                    {
                        "kenh": "truc_tiep",
                        "thoi_han": "x",
                        "le_phi": [
                            {
                                "ten": "x",
                                "tinh_theo": "trang",
                                "bac": [{"so_tien": 1, "tu": 2}],
                                "can_cu": {"van_ban": "x"},
                            }
                        ],
                    }
                ]
            ),
            "cach_thuc_thuc_hien[0].le_phi[0]: mức thu đầu tiên phải áp dụng từ đơn vị 1",
        ),
        (
            procedure(
                cach_thuc_thuc_hien=[
                    {
                        "kenh": "truc_tiep",
                        "thoi_han": "x",
                        "le_phi": [
                            {
                                "ten": "x",
                                "tinh_theo": "trang",
                                "bac": [{"so_tien": 1}, {"so_tien": 2, "tu": 1}],
                                "can_cu": {"van_ban": "x"},
                            }
                        ],
                    }
                ]
            ),
            "cach_thuc_thuc_hien[0].le_phi[0]: các mức thu phải có 'tu' tăng dần",
        ),
        (
            procedure(
                cach_thuc_thuc_hien=[
                    {
                        "kenh": "truc_tiep",
                        "thoi_han": "x",
                        "le_phi": [
                            {"ten": "x", "tinh_theo": "trang", "bac": [{"so_tien": -1}], "can_cu": {"van_ban": "x"}}
                        ],
                    }
                ]
            ),
            "cach_thuc_thuc_hien[0].le_phi[0].bac[0].so_tien: phải lớn hơn hoặc bằng 0",
        ),
        (
            procedure(cach_thuc_thuc_hien=[{"kenh": "email", "thoi_han": "x"}]),
            "cach_thuc_thuc_hien[0].kenh: phải là một trong",
        ),
        (
            procedure(thanh_phan_ho_so=[{"ten": "x", "so_ban_chinh": -1}]),
            "thanh_phan_ho_so[0].so_ban_chinh: phải lớn hơn hoặc bằng 0",
        ),
        (
            procedure(thanh_phan_ho_so=[{"ten": "x", "mau_don": {"ten": "y", "url": "ftp://x.y"}}]),
            "thanh_phan_ho_so[0].mau_don.url",
        ),
    ],
)
def test_procedure_rules(data: dict[str, Any], expected: str) -> None:
    found = problems(Procedure, data)
    assert any(line.startswith(expected) for line in found), found


def test_condition_lookup() -> None:
    record = Procedure.model_validate(PROCEDURE)
    assert record.condition("a").noi_dung == "Hồ sơ hợp lệ."
    assert record.condition("zzz") is None
    assert Procedure.model_validate({"id": "p", "ten": "x"}).condition("a") is None


def test_district_needs_its_defaults() -> None:
    found = problems(
        District,
        {"id": "q", "ten": "Q", "co_quan": "UB", "dia_danh": "Q", "tinh_thanh": "HN", "ngay_ra_soat": "2024-01-01"},
    )
    assert found == [
        "mo_hinh: thiếu trường bắt buộc",
        "mac_dinh: thiếu trường bắt buộc",
        "danh_muc_tu_ngay: thiếu trường bắt buộc",
    ]
