"""Public wording: the names a citizen reads for the catalog's codes, in one place.

Weekdays, channels, units, kinds of legal basis and promises: every page, notice and browser
message takes its words from here, so a second language would replace this module (and the
templates), nothing else.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from . import fmt
from .model import Basis, LegalRef, LegalText, Promise, Source

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
BASES = {"phap_luat": "quy định pháp luật", "quan": "quy định của quận", "phuong": "quy định của phường"}
PER_UNIT = {"ban_sao": "bản"}
"""A unit after a slash in a rate ("200.000 đồng/bản"), where it differs from ``UNITS``."""


def unit(code: str) -> str:
    """'ban_sao' -> 'bản sao'."""
    return UNITS.get(code, code)


def per(code: str) -> str:
    """The unit after a slash in a rate: 'ban_sao' -> 'bản'."""
    return PER_UNIT.get(code, unit(code))


@dataclass(frozen=True)
class Laws:
    """The legal library as a citizen reads it: each document by its full name, never a bare number.

    Catalog files cite a document by its number (``van_ban: 23/2015/NĐ-CP``); ``check`` makes sure
    every number is in procedures/van-ban.yaml, so a missing one here is a bug, not bad input.
    """

    texts: Mapping[str, LegalText]
    day: date | None = None
    """The day the texts are cited on: only the amendments in force that day are named."""

    def name(self, number: str) -> str:
        """'Nghị định số 23/2015/NĐ-CP của Chính phủ', 'Luật Hộ tịch số 60/2014/QH13'."""
        text = self.texts[number]
        if text.loai == "Luật":
            return f"Luật {text.ten} số {text.so_ky_hieu}"
        return f"{text.loai} số {text.so_ky_hieu} của {text.co_quan}"

    def title(self, number: str) -> str:
        """The full name: kind, number, date, issuer and subject, as the document is headed."""
        text = self.texts[number]
        when = f" ngày {fmt.day(text.ngay)}" if text.ngay else ""
        if text.loai == "Luật":
            return f"Luật {text.ten} số {text.so_ky_hieu}{when} của {text.co_quan}"
        subject = f" {text.trich_yeu}" if text.trich_yeu else ""
        return f"{text.loai} số {text.so_ky_hieu}{when} của {text.co_quan}{subject}"

    def cite(self, number: str, dieu: str | None = None) -> str:
        """'Điều 7 Nghị định số 23/2015/NĐ-CP của Chính phủ'; the document alone without an article."""
        return f"{fmt.article(dieu)} {self.name(number)}" if dieu else self.name(number)

    def ref(self, value: LegalRef) -> str:
        """A citation of the catalog (document and article)."""
        return self.cite(value.van_ban, value.dieu)

    def url(self, number: str) -> str | None:
        return self.texts[number].url

    def amendments(self, number: str) -> list[tuple[str, date | None]]:
        """The texts amending ``number`` in force on the day, each with the day its changes took effect."""
        found = []
        for amendment in self.texts[number].sua_doi_boi:
            amending = self.texts.get(amendment.van_ban)
            effective = amendment.tu_ngay or (amending.hieu_luc_tu if amending else None)
            if amending is not None and (self.day is None or (effective is not None and effective <= self.day)):
                found.append((amendment.van_ban, effective))
        return found

    def note(self, number: str) -> str | None:
        """'Đã được sửa đổi, bổ sung bởi Nghị định số 07/2025/NĐ-CP của Chính phủ (có hiệu lực từ ngày
        09/01/2025)', and the library's own note, for the day."""
        parts = []
        amended = [
            f"{self.name(other)}" + (f" (có hiệu lực từ ngày {fmt.day(when)})" if when else "")
            for other, when in self.amendments(number)
        ]
        if amended:
            parts.append("Đã được sửa đổi, bổ sung bởi " + join(amended))
        if self.texts[number].ghi_chu:
            parts.append(self.texts[number].ghi_chu)
        return ". ".join(parts) or None

    def source(self, value: Source) -> str:
        """A source in one line; a legal text of the library by its full name and article."""
        if value.van_ban and value.van_ban in self.texts:
            return self.cite(value.van_ban, value.dieu)
        return source(value)

    def basis(self, value: Basis) -> str:
        """'Điều 7 Nghị định số 23/2015/NĐ-CP của Chính phủ', or 'quy định của quận' with what backs it."""
        if value.loai == "phap_luat" and value.van_ban:
            return self.cite(value.van_ban, value.dieu)
        parts = [BASES[value.loai]]
        if value.van_ban:
            parts.append(self.cite(value.van_ban, value.dieu))
        elif value.nguon:
            parts.append(self.source(value.nguon))
        elif value.suy_ra:
            parts.append(value.suy_ra.ly_do)
        return ", ".join(parts)

    def bases(self, values: Iterable[Basis]) -> str:
        """Many conditions' bases in one line, each document once with its articles.

        'Điều 18, khoản 1 Điều 20, Điều 7 Nghị định số 23/2015/NĐ-CP của Chính phủ; quy định của quận'.
        """
        documents: dict[str, list[str]] = {}
        others: list[str] = []
        for value in values:
            if value.van_ban:
                articles = documents.setdefault(value.van_ban, [])
                if value.dieu and value.dieu not in articles:
                    articles.append(value.dieu)
            elif BASES[value.loai] not in others:
                others.append(BASES[value.loai])
        cited = [self.cite(number, ", ".join(articles) or None) for number, articles in documents.items()]
        return "; ".join(cited + others)


def source(value: Source) -> str:
    """A source in one line, with no brackets (it often stands inside some):
    'Nâng cao chất lượng phục vụ người dân, Báo Hà Nội Mới, 14/05/2022'."""
    when = fmt.day(value.ngay) if value.ngay else (str(value.nam) if value.nam else None)
    parts = [value.ten or value.van_ban or "", value.co_quan, when]
    text = ", ".join(part for part in parts if part)
    return f"{fmt.article(value.dieu)} {text}" if value.dieu else text


def promise(value: Promise) -> str:
    """The promise in a few words, from its type: 'giải quyết ngay khi tiếp nhận'."""
    if value.loai == "trong_so_phut":
        return f"giải quyết trong {value.so_phut} phút"
    return "giải quyết ngay khi tiếp nhận"


def mid(name: str) -> str:
    """A unit's name inside a sentence: 'Quận Hoàn Kiếm' -> 'quận Hoàn Kiếm', 'Phường Cửa Nam' -> 'phường Cửa Nam'."""
    return name[:1].lower() + name[1:]


def capital(text: str) -> str:
    """The first letter in capital, the rest as it is (Jinja's ``capitalize`` lowercases names)."""
    return text[:1].upper() + text[1:]


def join(names: list[str]) -> str:
    """'A', 'A và B', 'A, B và C'."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " và " + names[-1]


def where_to_go(where: Any, laws: Laws) -> str:
    """Where a citizen files a procedure now, in plain sentences (the checker says it)."""
    parts = []
    if where.competence:
        rule = where.competence.noi_dung.rstrip(".")
        parts.append(f"Nơi làm thủ tục bây giờ. {rule} (căn cứ: {laws.ref(where.competence.can_cu)}).")
    places = [f"{a.street} ({mid(a.label)})" for a in where.addresses if a.note is None]
    if places:
        parts.append("Địa chỉ: " + "; ".join(places) + ".")
    return " ".join(parts) or None
