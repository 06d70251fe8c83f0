"""Public wording: the names a citizen reads for the catalog's codes, in one place.

Weekdays, channels, units, kinds of legal basis and promises: every page, notice and browser
message takes its words from here, so a second language would replace this module (and the
templates), nothing else.
"""

from __future__ import annotations

from .model import Basis, Promise

UNKNOWN = "đang cập nhật"
"""What a page says for a fact nobody has confirmed yet."""

WEEKDAYS = {
    "thu_2": "Thứ Hai",
    "thu_3": "Thứ Ba",
    "thu_4": "Thứ Tư",
    "thu_5": "Thứ Năm",
    "thu_6": "Thứ Sáu",
    "thu_7": "Thứ Bảy",
    "chu_nhat": "Chủ Nhật",
}
CHANNELS = {"truc_tiep": "Nộp trực tiếp", "truc_tuyen": "Nộp trực tuyến", "buu_chinh": "Nộp qua bưu chính"}
UNITS = {
    "trang": "trang",
    "ban_sao": "bản sao",
    "ban_chinh": "bản chính",
    "truong_hop": "trường hợp",
    "van_ban": "văn bản",
    "chu_ky": "chữ ký",
    "ho_so": "hồ sơ",
}
BASES = {"phap_luat": "Quy định pháp luật", "quan": "Quy định của quận", "phuong": "Quy định của phường"}


def unit(code: str) -> str:
    """'ban_sao' -> 'bản sao'."""
    return UNITS.get(code, code)


def basis(value: Basis) -> str:
    """'Nghị định 23/2015/NĐ-CP, Điều 21' or 'Quy định của quận — ...'."""
    if value.loai == "phap_luat":
        return ", ".join(part for part in (value.van_ban, value.dieu) if part)
    parts = [BASES[value.loai]]
    if value.van_ban:
        parts.append(", ".join(part for part in (value.van_ban, value.dieu) if part))
    return " — ".join(parts)


def promise(value: Promise) -> str:
    """The promise in a few words, from its type: 'giải quyết ngay khi tiếp nhận'."""
    if value.loai == "trong_so_phut":
        return f"giải quyết trong {value.so_phut} phút"
    return "giải quyết ngay khi tiếp nhận"


DICHVUCONG = "Cổng Dịch vụ công quốc gia (dichvucong.gov.vn)"


def mid(name: str) -> str:
    """A unit's name inside a sentence: 'Quận Hoàn Kiếm' -> 'quận Hoàn Kiếm', 'Phường Cửa Nam' -> 'phường Cửa Nam'."""
    return name[:1].lower() + name[1:]


def join(names: list[str]) -> str:
    """'A', 'A và B', 'A, B và C'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]


def where_to_go(ended: str, heirs: list[str]) -> str:
    """Where a citizen files now that a ward has ended (its area went to ``heirs``)."""
    places = join([mid(heir) for heir in heirs])
    where = "tùy theo địa chỉ của ông/bà, " if len(heirs) > 1 else ""
    return (
        f"{ended} không còn là đơn vị hành chính; địa bàn của phường nay thuộc {places}. "
        f"Ông/bà làm thủ tục tại {where}Ủy ban nhân dân phường mới, hoặc nộp trực tuyến trên {DICHVUCONG}."
    )
