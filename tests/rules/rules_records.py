"""Hand-built records for the rule book's tests: the smallest valid district, procedure and ward."""

from __future__ import annotations

from typing import Any

from generator.model import Adoption, District, Procedure, Ward

LAW = {"loai": "phap_luat", "van_ban": "23/2015/NĐ-CP", "dieu": "Điều 7"}


def district(cutoff: str = "15:00") -> District:
    return District.model_validate(
        {
            "id": "quan",
            "ten": "Quận Mẫu",
            "co_quan": "Ủy ban nhân dân quận Mẫu",
            "dia_danh": "Mẫu",
            "tinh_thanh": "Hà Nội",
            "mo_hinh": {"ten": "Không chờ", "mo_ta": "Giải quyết ngay."},
            "mac_dinh": {"gio_tiep_nhan_cuoi": cutoff, "can_cu": LAW},
            "ngay_ra_soat": "2026-11-29",
            "danh_muc_tu_ngay": "2021-01-01",
        }
    )


def cutoff(hour: str | None = None, id: str = "truoc-gio") -> dict[str, Any]:
    return {"id": id, "loai": "gio_tiep_nhan", "gio": hour, "noi_dung": "Nộp trước giờ.", "can_cu": LAW}


def limit(toi_da: int | None, id: str = "so-trang", unit: str = "trang") -> dict[str, Any]:
    return {
        "id": id,
        "loai": "gioi_han_so_luong",
        "dai_luong": unit,
        "toi_da": toi_da,
        "noi_dung": "Ít trang.",
        "can_cu": LAW,
    }


def yes_no(id: str = "co-mat") -> dict[str, Any]:
    return {
        "id": id,
        "loai": "co_khong",
        "cau_hoi": "Có mặt không?",
        "noi_dung": "Có mặt.",
        "can_cu": {"loai": "phuong"},
    }


def text(id: str = "hop-le") -> dict[str, Any]:
    return {"id": id, "loai": "van_ban", "noi_dung": "Hồ sơ hợp lệ.", "can_cu": LAW}


def procedure(*conditions: dict[str, Any], id: str = "thu-tuc") -> Procedure:
    return Procedure.model_validate(
        {
            "id": id,
            "ten": "Thủ tục mẫu",
            "khong_cho": {
                "cam_ket": {"loai": "ngay_khi_tiep_nhan", "mo_ta": "Ngay."},
                "dieu_kien": list(conditions) or [text()],
            },
        }
    )


def adoption(**settings: Any) -> Adoption:
    return Adoption.model_validate({"thu_tuc": "thu-tuc", **settings})


def ward(*adoptions: Adoption) -> Ward:
    return Ward.model_validate(
        {"id": "phuong-mau", "ten": "Phường Mẫu", "ngay_ra_soat": "2026-11-29", "thu_tuc_khong_cho": list(adoptions)}
    )
