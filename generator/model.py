"""Model stage: the catalog's schema, declared once as frozen pydantic models.

Field names are the Vietnamese (no diacritics) keys that editors type; descriptions are the
help text that the generated JSON Schema gives their editor. Cross-record rules live in checks.py.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time
from typing import Annotated, Any, ClassVar, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StrictBool,
    StrictInt,
    WithJsonSchema,
    model_validator,
)
from pydantic_core import PydanticCustomError

from . import fmt
from .load import hidden_kind

# --- scalar types -----------------------------------------------------------------------------

SLUG_PATTERN = r"^[a-z0-9]+(?:-[a-z0-9]+)*$"
MAX_SLUG = 80
"""Longest id: it is a file name and a URL segment."""
_HTML = re.compile(r"<\s*/?\s*[a-zA-Z!?][^\s>]*|javascript\s*:|\bon[a-z]+\s*=", re.IGNORECASE)


def _slug(value: str) -> str:
    if not re.fullmatch(SLUG_PATTERN, value) or len(value) > MAX_SLUG:
        raise PydanticCustomError(
            "slug",
            "mã phải gồm chữ thường không dấu, số và dấu gạch ngang (ví dụ: hang-bai), tối đa 80 ký tự, "
            "nhận được '{value}'",
            {"value": value},
        )
    return value


def _text(value: str) -> str:
    value = unicodedata.normalize("NFC", value).strip()
    if not value:
        raise PydanticCustomError("empty", "không được để trống; nếu chưa biết, hãy xóa trường hoặc ghi null")
    if len(value) > MAX_TEXT:
        raise PydanticCustomError(
            "long", "dài quá {limit} ký tự ({length}); hãy rút gọn", {"limit": MAX_TEXT, "length": len(value)}
        )
    found = _HTML.search(value)
    if found:
        raise PydanticCustomError(
            "markup",
            "không được chứa mã HTML hay JavaScript (gặp '{found}'); chỉ ghi văn bản thường",
            {"found": found.group(0)},
        )
    if not value.isprintable():  # the loader reports these in the file; an escape ("\\u200b") lands here
        for index, char in enumerate(value, start=1):
            kind = hidden_kind(char)
            if char in "\x85\u2028\u2029":
                kind = "ký tự xuống dòng ẩn"
            if kind:
                raise PydanticCustomError(
                    "hidden",
                    "chứa {kind} U+{code} ở ký tự thứ {index}, không nhìn thấy được; hãy xóa ký tự này",
                    {"kind": kind, "code": f"{ord(char):04X}", "index": index},
                )
    return value


MAX_TEXT = 2000
"""Longest prose value (a condition, a step): a page of text; anything longer is a paste gone wrong."""
MAX_NAME = 200
"""Longest name (of a unit, a procedure, a paper, a person)."""
NAME_PUNCTUATION = ".,;:()/'’‘“”&–—+%-"
"""Punctuation a name may hold besides letters, digits and spaces."""


def _name(value: str) -> str:
    """One line of letters, digits, spaces and ordinary punctuation, starting with a letter or digit.

    Names go into titles, meta tags, file names and spreadsheet cells, so they hold nothing that
    any of those could read as syntax (no quotes of the ASCII kind, no brackets, no '=' or '@').
    """
    value = " ".join(_text(value).split())  # one line; runs of spaces (NBSP included) become one
    if len(value) > MAX_NAME:
        raise PydanticCustomError(
            "name", "tên dài quá {limit} ký tự ({length}); hãy rút gọn", {"limit": MAX_NAME, "length": len(value)}
        )
    for index, char in enumerate(value, start=1):
        kind = unicodedata.category(char)[0]
        if kind in "LMN" or (index > 1 and (char == " " or char in NAME_PUNCTUATION)):
            continue
        where = "ở đầu tên" if index == 1 else f"ở ký tự thứ {index}"
        raise PydanticCustomError(
            "name",
            "tên chỉ gồm chữ, số, dấu cách và các dấu {allowed}, bắt đầu bằng chữ hoặc số; "
            "gặp '{char}' (U+{code}) {where}",
            {"allowed": " ".join(NAME_PUNCTUATION), "char": char, "code": f"{ord(char):04X}", "where": where},
        )
    return value


def valid_name(value: str) -> str:
    """``value`` as a valid name (the model's rule), or ValueError with the Vietnamese reason."""
    try:
        return _name(value)
    except PydanticCustomError as exc:
        raise ValueError(str(exc)) from None


URL_PATTERN = r"https?://[^\s<>\"'`]+\.[^\s<>\"'`]+"
"""A web address as pages carry it (the scheme in lower case: ``_url`` writes it so)."""
EMAIL_PATTERN = (
    r"[A-Za-z0-9._+-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*"
    r"\.[A-Za-z]{2,}"
)
"""An e-mail address: no '?', '&', '=' or '%' that would add headers (bcc, body) to a mailto: link."""


def is_link(value: str) -> bool:
    """The one definition of a link a page may carry, for ``check`` (through the model's fields)
    and the renderer alike: a web address, an e-mail address (mailto:), a phone number (tel:)."""
    if value.startswith("mailto:"):
        return re.fullmatch(EMAIL_PATTERN, value[len("mailto:") :]) is not None
    if value.startswith("tel:"):
        return re.fullmatch(r"\+?\d{8,15}", value[len("tel:") :]) is not None
    return re.fullmatch(URL_PATTERN, value) is not None


def _url(value: str) -> str:
    value = value.strip()
    scheme, sep, rest = value.partition("://")
    value = scheme.lower() + sep + rest  # "HTTPS://…" is the same address; pages write it in lower case
    if not is_link(value):
        raise PydanticCustomError(
            "url", "phải là địa chỉ web bắt đầu bằng http:// hoặc https://, nhận được '{value}'", {"value": value}
        )
    return value


def _shown(value: Any) -> str:
    return f"'{value}'" if isinstance(value, str) else str(value)


def _clock(value: Any) -> time:
    if isinstance(value, time):
        return value
    if isinstance(value, str):
        match = re.fullmatch(r"([01]?\d|2[0-3])[:hH]([0-5]\d)", value.strip())
        if match:
            return time(int(match.group(1)), int(match.group(2)))
    raise PydanticCustomError(
        "clock", 'phải là giờ dạng HH:MM trong ngoặc kép (ví dụ "15:00"), nhận được {value}', {"value": _shown(value)}
    )


FIRST_DAY = date(1945, 1, 1)
LAST_DAY = date(2100, 12, 31)
"""Dates outside these are typing mistakes; inside them, every date computation of the build works."""


def _in_range(day: date, value: Any) -> date:
    if not FIRST_DAY <= day <= LAST_DAY:
        raise PydanticCustomError(
            "day",
            "ngày phải trong khoảng {first} – {last}, nhận được '{value}'",
            {"first": fmt.day(FIRST_DAY), "last": fmt.day(LAST_DAY), "value": value},
        )
    return day


def _day(value: Any) -> date:
    if isinstance(value, date):
        return _in_range(value, value)
    if isinstance(value, str):
        text = value.strip()
        iso = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", text)
        vn = re.fullmatch(r"(\d{1,2})/(\d{1,2})/(\d{4})", text)
        parts = (
            (iso.group(1), iso.group(2), iso.group(3))
            if iso
            else (vn.group(3), vn.group(2), vn.group(1))
            if vn
            else None
        )
        if parts:
            try:
                day = date(*(int(part) for part in parts))
            except ValueError:
                raise PydanticCustomError("day", "ngày không tồn tại: '{value}'", {"value": value}) from None
            return _in_range(day, value)
    raise PydanticCustomError(
        "day",
        "phải là ngày dạng YYYY-MM-DD hoặc DD/MM/YYYY (ví dụ 2022-05-14), nhận được {value}",
        {"value": _shown(value)},
    )


def _phone(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    if not re.fullmatch(r"[0-9 ().+\-]+", value) or not 8 <= len(digits) <= 15:
        raise PydanticCustomError(
            "phone",
            "số điện thoại chỉ gồm chữ số, dấu cách, ngoặc, dấu chấm hoặc gạch (8–15 chữ số), nhận được '{value}'",
            {"value": value},
        )
    return value.strip()


def _email(value: str) -> str:
    if not is_link(f"mailto:{value.strip()}"):
        raise PydanticCustomError(
            "email",
            "địa chỉ thư điện tử chỉ gồm chữ không dấu, số và các dấu . _ + - trước @, ví dụ "
            "ubnd.hangbai@hanoi.gov.vn; nhận được '{value}'",
            {"value": value},
        )
    return value.strip()


Slug = Annotated[str, AfterValidator(_slug), WithJsonSchema({"type": "string", "pattern": SLUG_PATTERN})]
Text = Annotated[str, AfterValidator(_text), WithJsonSchema({"type": "string", "minLength": 1, "maxLength": MAX_TEXT})]
Name = Annotated[str, AfterValidator(_name), WithJsonSchema({"type": "string", "minLength": 1, "maxLength": MAX_NAME})]
Url = Annotated[str, AfterValidator(_url), WithJsonSchema({"type": "string", "format": "uri", "pattern": "^https?://"})]
Clock = Annotated[
    time,
    BeforeValidator(_clock),
    WithJsonSchema({"type": "string", "pattern": r"^([01]?\d|2[0-3]):[0-5]\d$", "examples": ["15:00"]}),
]
Day = Annotated[
    date,
    BeforeValidator(_day),
    WithJsonSchema(
        {"type": "string", "pattern": r"^(\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4})$", "examples": ["2022-05-14"]}
    ),
]
Phone = Annotated[str, AfterValidator(_phone), WithJsonSchema({"type": "string", "examples": ["(024) 39287630"]})]
Email = Annotated[str, AfterValidator(_email), WithJsonSchema({"type": "string", "format": "email"})]
Count = Annotated[StrictInt, Field(ge=0, le=1_000_000_000)]
"""A number of dossiers or of đồng: a billion is beyond any real value and keeps arithmetic small."""
Positive = Annotated[StrictInt, Field(ge=1, le=1_000_000)]
"""A count of pages, copies or units."""

Weekday = Literal["thu_2", "thu_3", "thu_4", "thu_5", "thu_6", "thu_7", "chu_nhat"]
WEEKDAYS: tuple[str, ...] = ("thu_2", "thu_3", "thu_4", "thu_5", "thu_6", "thu_7", "chu_nhat")
"""Monday first, as ``date.weekday()`` counts."""

Unit = Literal["trang", "ban_sao", "ban_chinh", "truong_hop", "van_ban", "chu_ky", "ho_so"]


class Record(BaseModel):
    """Base of every catalog model: frozen, and unknown fields are errors."""

    model_config = ConfigDict(extra="forbid", frozen=True)


# --- shared parts -----------------------------------------------------------------------------


ContactFact = Literal["dia_chi", "dien_thoai", "email", "gio_lam_viec", "bo_phan_tiep_nhan", "nguoi_ky"]
CONTACT_FACTS: tuple[str, ...] = ("dia_chi", "dien_thoai", "email", "gio_lam_viec", "bo_phan_tiep_nhan", "nguoi_ky")


class Source(Record):
    """Where a fact was read: a document, an article, a web page, or a legal text of the library."""

    ten: Text | None = Field(None, description="Tên nguồn: tên đầy đủ của bài báo, trang web, văn bản")
    van_ban: Name | None = Field(
        None, description="Hoặc: số, ký hiệu của văn bản pháp luật trong procedures/van-ban.yaml (khi đó không ghi ten)"
    )
    co_quan: Text | None = Field(None, description="Cơ quan ban hành hoặc nơi đăng, ví dụ Báo Hà Nội Mới")
    ngay: Day | None = Field(None, description="Ngày ban hành, ngày đăng hoặc ngày đọc nguồn")
    nam: Annotated[StrictInt, Field(ge=1945, le=2100)] | None = Field(
        None, description="Năm đăng, khi không biết ngày đăng (không ghi khi đã có ngay)"
    )
    dieu: Text | None = Field(None, description="Điều, khoản được dẫn (với văn bản pháp luật)")
    url: Url | None = Field(None, description="Địa chỉ web của nguồn, nếu có")
    ve: list[ContactFact] = Field(
        default_factory=list, max_length=10, description="Với nguồn của phường, quận: nguồn này cho biết những gì"
    )

    @model_validator(mode="after")
    def _named(self) -> Source:
        if (self.ten is None) == (self.van_ban is None):
            raise PydanticCustomError(
                "source", "nguồn phải ghi tên (ten), hoặc số, ký hiệu văn bản (van_ban), và chỉ một trong hai"
            )
        if self.nam is not None and self.ngay is not None:
            raise PydanticCustomError("source", "chỉ ghi năm (nam) khi không biết ngày (ngay); đã có ngay thì bỏ nam")
        return self


class Derivation(Record):
    """A claim no source states, shown with the reason it is made (e.g. the district's directive)."""

    ly_do: Text = Field(description="Lý do, viết cho người dân đọc, ví dụ: theo chỉ đạo của quận, mọi phường...")
    nguon: Source | None = Field(None, description="Nguồn của lý do (ví dụ bài báo nói về chỉ đạo của quận)")


class Dated(Record):
    """A fact that holds for a time: from ``tu_ngay`` to ``den_ngay``, both days included.

    Without dates it holds for the life of what it belongs to. A fact that changes on a day is
    written as versions: items of the same list with the same key (``id``; a channel's ``kenh``; a
    citation's ``van_ban``), one after the other, each with its dates and its source.
    """

    tu_ngay: Day | None = Field(None, description="Đúng từ ngày này (ngày có hiệu lực); để trống: đúng từ đầu")
    den_ngay: Day | None = Field(None, description="Ngày cuối cùng còn đúng; để trống khi vẫn còn đúng")
    nguon: Source | None = Field(
        None,
        description="Nguồn của ngày bắt đầu, ngày cuối: văn bản (van_ban, dieu) hoặc bài viết, thông báo (ten, ngay)",
    )

    VERSION_FIELD: ClassVar[str] = "id"
    """The field whose value versions of one fact share."""

    @property
    def version_key(self) -> str | None:
        """What versions of one fact share (None: the item is a fact of its own)."""
        return getattr(self, self.VERSION_FIELD, None)

    @property
    def dated(self) -> bool:
        return self.tu_ngay is not None or self.den_ngay is not None


class Statement(Dated):
    """One sentence of a list (a step, a requirement, who may file), possibly with dates."""

    id: Slug | None = Field(None, description="Mã, khi câu này có nhiều phiên bản theo thời gian")
    noi_dung: Text


def _statement(value: Any) -> Any:
    return {"noi_dung": value} if isinstance(value, str) else value


StatementItem = Annotated[Statement, BeforeValidator(_statement, json_schema_input_type=Text | Statement)]
"""A list item written as plain text, or as a record with ``noi_dung`` and dates."""


LegalKind = Literal["Hiến pháp", "Luật", "Nghị quyết", "Nghị định", "Thông tư", "Quyết định", "Chỉ thị", "Kế hoạch"]


class Amendment(Record):
    """A text that amends a document of the library, from the day its changes take effect."""

    van_ban: Name = Field(description="Số, ký hiệu của văn bản sửa đổi, bổ sung (cũng ghi trong van-ban.yaml)")
    tu_ngay: Day | None = Field(
        None, description="Ngày các sửa đổi có hiệu lực; để trống: ngày có hiệu lực của văn bản sửa đổi"
    )
    dieu: Text | None = Field(None, description="Những điều được sửa đổi, ví dụ 'Điều 5, Điều 24'")


class LegalText(Record):
    """A legal document the catalog cites, written once with its full name (procedures/van-ban.yaml)."""

    so_ky_hieu: Name = Field(description="Số, ký hiệu, ví dụ 23/2015/NĐ-CP; các tệp khác dẫn văn bản bằng số này")
    loai: LegalKind = Field(description="Loại văn bản: Luật, Nghị quyết, Nghị định, Thông tư, Quyết định, Kế hoạch...")
    ten: Name | None = Field(None, description="Tên của luật, ví dụ 'Hộ tịch' (chỉ với luật)")
    co_quan: Name = Field(description="Cơ quan ban hành, ví dụ Chính phủ")
    ngay: Day | None = Field(None, description="Ngày ban hành")
    trich_yeu: Text | None = Field(None, description="Trích yếu, ví dụ 'về cấp bản sao từ sổ gốc, ...'")
    hieu_luc_tu: Day | None = Field(None, description="Ngày có hiệu lực")
    hieu_luc_den: Day | None = Field(
        None, description="Ngày cuối cùng còn hiệu lực (bị thay thế, bãi bỏ); để trống khi còn hiệu lực"
    )
    thay_the_boi: Name | None = Field(None, description="Số, ký hiệu của văn bản thay thế, nếu có")
    sua_doi_boi: list[Amendment] = Field(
        default_factory=list,
        max_length=20,
        description="Các văn bản sửa đổi, bổ sung, mỗi văn bản với ngày có hiệu lực",
    )
    ghi_chu: Text | None = Field(
        None, description="Ghi chú cho người đọc (không ghi việc sửa đổi ở đây: dùng sua_doi_boi)"
    )
    url: Url | None = Field(None, description="Nơi đọc được văn bản (bản hợp nhất nếu có)")


class LegalRef(Record):
    """A citation of a legal document of the library, with the article where known."""

    van_ban: Name = Field(description="Số, ký hiệu của văn bản trong procedures/van-ban.yaml, ví dụ 23/2015/NĐ-CP")
    dieu: Text | None = Field(None, description="Điều, khoản được dẫn, ví dụ 'Điều 7'")


class Citation(LegalRef, Dated):
    """A legal document a procedure rests on, possibly for a time only (an amendment from its day)."""

    VERSION_FIELD: ClassVar[str] = "van_ban"


class Basis(Record):
    """Why a condition holds: the law, or a rule of the district or of the ward (with its evidence)."""

    loai: Literal["phap_luat", "quan", "phuong"] = Field(
        description="phap_luat: quy định pháp luật; quan: quy định của quận; phuong: quy định của phường"
    )
    van_ban: Name | None = Field(
        None, description="Số, ký hiệu văn bản trong procedures/van-ban.yaml (bắt buộc khi loai là phap_luat)"
    )
    dieu: Text | None = Field(None, description="Điều, khoản")
    ghi_chu: Text | None = None
    nguon: Source | None = Field(None, description="Với quy định của quận, phường: nơi quy định được công bố")
    suy_ra: Derivation | None = Field(None, description="Với quy định của quận, phường chưa có nguồn: lý do ghi")

    @model_validator(mode="after")
    def _law_needs_text(self) -> Basis:
        if self.loai == "phap_luat" and self.van_ban is None:
            raise PydanticCustomError("basis", "căn cứ pháp luật phải ghi văn bản (trường van_ban)")
        return self


# --- procedure --------------------------------------------------------------------------------


class FeeTier(Record):
    """One rate of a fee: ``so_tien`` per unit, from unit number ``tu`` on."""

    so_tien: Count = Field(description="Số tiền (đồng) cho mỗi đơn vị")
    tu: Positive = Field(1, description="Áp dụng từ đơn vị thứ mấy (ví dụ từ trang thứ 3)")


class Exemption(Dated):
    """Who does not pay, and why."""

    doi_tuong: Text = Field(description="Đối tượng được miễn")
    can_cu: LegalRef


class Fee(Dated):
    """A fee as data, so that pages and the calculator compute from the same rules."""

    id: Slug | None = Field(None, description="Mã khoản phí, khi mức phí có nhiều phiên bản theo thời gian")
    ten: Name = Field(description="Tên khoản phí, lệ phí")
    tinh_theo: Unit = Field(description="Đơn vị tính của các mức: trang, ban_sao, truong_hop, ...")
    bac: list[FeeTier] = Field(min_length=1, max_length=10, description="Các mức thu, theo thứ tự 'tu' tăng dần")
    toi_da: Count | None = Field(None, description="Mức thu tối đa (cho mỗi đơn vị 'nhan_theo', nếu có)")
    nhan_theo: Unit | None = Field(None, description="Nhân với số lượng đơn vị này (ví dụ số bản sao)")
    don_vi_tien: Literal["đồng"] = "đồng"
    ap_dung: Text | None = Field(None, description="Trường hợp áp dụng, ví dụ 'đăng ký đúng hạn'")
    can_cu: LegalRef
    mien_giam: list[Exemption] = Field(default_factory=list, max_length=20)

    @model_validator(mode="after")
    def _tiers_in_order(self) -> Fee:
        if self.bac[0].tu != 1:
            raise PydanticCustomError("fee", "mức thu đầu tiên phải áp dụng từ đơn vị 1 (tu: 1)")
        starts = [tier.tu for tier in self.bac]
        if starts != sorted(set(starts)):
            raise PydanticCustomError(
                "fee", "các mức thu phải có 'tu' tăng dần, không trùng: {starts}", {"starts": starts}
            )
        return self

    @property
    def is_free(self) -> bool:
        return all(tier.so_tien == 0 for tier in self.bac)

    def amount(self, count: int, multiplier: int = 1) -> int:
        """The fee in đồng for ``count`` units (pages, cases...) times ``multiplier`` (copies)."""
        if count <= 0 or multiplier <= 0:
            return 0
        total = 0
        for index, tier in enumerate(self.bac):
            end = self.bac[index + 1].tu - 1 if index + 1 < len(self.bac) else count
            units = max(0, min(count, end) - tier.tu + 1)
            total += units * tier.so_tien
        if self.toi_da is not None:
            total = min(total, self.toi_da)
        return total * (multiplier if self.nhan_theo else 1)


class Channel(Dated):
    """One way to file (in person, online, by post), with its own time and fees; versions share ``kenh``."""

    kenh: Literal["truc_tiep", "truc_tuyen", "buu_chinh"] = Field(
        description="truc_tiep: nộp trực tiếp; truc_tuyen: trực tuyến; buu_chinh: qua bưu chính"
    )
    thoi_han: Text = Field(description="Thời hạn giải quyết theo quy định")
    le_phi: list[Fee] = Field(default_factory=list, max_length=10)
    ghi_chu: Text | None = None

    VERSION_FIELD: ClassVar[str] = "kenh"


class Form(Record):
    """A form (mẫu đơn, tờ khai) to fill in."""

    ten: Name
    url: Url | None = None


class DocumentItem(Dated):
    """One paper of the dossier."""

    id: Slug | None = Field(None, description="Mã giấy tờ, khi giấy tờ có nhiều phiên bản theo thời gian")
    ten: Name = Field(description="Tên giấy tờ")
    so_ban_chinh: Count = Field(0, description="Số bản chính")
    so_ban_sao: Count = Field(0, description="Số bản sao")
    khi_nao: Text | None = Field(None, description="Chỉ cần khi nào, ví dụ 'chỉ khi một bên cư trú ở nơi khác'")
    mau_don: Form | None = None
    ghi_chu: Text | None = None


class _Condition(Dated):
    id: Slug = Field(description="Mã điều kiện, để phường đặt giới hạn riêng")
    noi_dung: Text = Field(description="Điều kiện, viết cho người dân đọc")
    noi_dung_ngan: Text | None = Field(None, description="Bản ngắn (một dòng) dùng trên thông báo niêm yết")
    can_cu: Basis


class CutOffCondition(_Condition):
    """Filed before a time of day, so the result is given the same day (dossiers are still received after it)."""

    loai: Literal["gio_tiep_nhan"]
    gio: Clock | None = Field(
        None, description="Nộp trước giờ này thì nhận kết quả trong ngày; để trống thì dùng giờ mặc định của quận"
    )


class LimitCondition(_Condition):
    """A count (pages, copies...) that must not exceed a limit."""

    loai: Literal["gioi_han_so_luong"]
    dai_luong: Unit = Field(description="Đại lượng bị giới hạn")
    toi_da: Positive | None = Field(None, description="Giới hạn; để trống khi chưa có quy định số cụ thể")
    cau_hoi: Text | None = Field(
        None, description="Câu hỏi số lượng cho người dân, ví dụ 'Bản chính có bao nhiêu trang?'"
    )
    khi_vuot: Text | None = Field(
        None,
        description="Hệ quả theo quy định khi số lượng nhiều hoặc vượt giới hạn, ví dụ 'thời hạn được kéo dài thêm "
        "không quá 02 ngày làm việc'",
    )


class YesNoCondition(_Condition):
    """A fact the citizen answers yes or no."""

    loai: Literal["co_khong"]
    cau_hoi: Text = Field(description="Câu hỏi có/không cho người dân")
    dap_an_dat: StrictBool = Field(True, description="Câu trả lời thỏa điều kiện")


class TextCondition(_Condition):
    """A condition in plain words only."""

    loai: Literal["van_ban"]


Condition = Annotated[CutOffCondition | LimitCondition | YesNoCondition | TextCondition, Field(discriminator="loai")]


class Promise(Record):
    """What the citizen is promised when the conditions hold."""

    loai: Literal["ngay_khi_tiep_nhan", "trong_so_phut"]
    so_phut: Annotated[StrictInt, Field(ge=1, le=1440)] | None = None
    mo_ta: Text = Field(description="Lời cam kết, viết cho người dân đọc")

    @model_validator(mode="after")
    def _minutes(self) -> Promise:
        if self.loai == "trong_so_phut" and self.so_phut is None:
            raise PydanticCustomError("promise", "cam kết 'trong_so_phut' phải ghi so_phut")
        return self


class Exclusion(Dated):
    """A case that can never be settled at once."""

    noi_dung: Text
    can_cu: Basis | None = None


class NoWait(Record):
    """The no-wait part of a procedure."""

    cam_ket: Promise
    dieu_kien: list[Condition] = Field(min_length=1, max_length=30)
    truong_hop_khong_ap_dung: list[Exclusion] = Field(default_factory=list, max_length=30)


class Competence(Dated):
    """Who may receive a procedure: the rule of the law, as a citizen reads it."""

    id: Slug | None = Field(None, description="Mã, khi quy định có nhiều phiên bản theo thời gian")
    loai: Literal["khong_phu_thuoc_cu_tru", "theo_cu_tru"] = Field(
        description="khong_phu_thuoc_cu_tru: làm ở nơi nào có thẩm quyền cũng được; theo_cu_tru: tại Ủy ban nhân "
        "dân cấp xã của nơi cư trú ghi ở noi_cu_tru"
    )
    noi_cu_tru: Text | None = Field(
        None, description="Với theo_cu_tru: nơi cư trú nào, ví dụ 'nơi cư trú cuối cùng của người chết'"
    )
    noi_dung: Text = Field(description="Nơi làm thủ tục, viết cho người dân đọc")
    can_cu: LegalRef

    @model_validator(mode="after")
    def _whose_residence(self) -> Competence:
        if self.loai == "theo_cu_tru" and not self.noi_cu_tru:
            raise PydanticCustomError("competence", "nơi làm thủ tục theo_cu_tru phải ghi noi_cu_tru (nơi cư trú nào)")
        return self


class Requirement(Dated):
    """Something the law requires to be done at the office, in person: no online filing for it."""

    id: Slug | None = Field(None, description="Mã, khi yêu cầu có nhiều phiên bản theo thời gian")
    noi_dung: Text = Field(description="Việc phải làm trực tiếp, ví dụ 'Người yêu cầu ký trước mặt người chứng thực'")
    can_cu: LegalRef


class EverydayName(Record):
    """A name people use for a procedure ("sao y" for copy certification): search finds the
    procedure by it. Shown on the page only with a source of the usage."""

    ten: Name = Field(description="Cách gọi, ví dụ 'sao y bản chính'")
    ghi_chu: Text | None = Field(
        None, description="Một câu giải thích khi cách gọi dễ hiểu nhầm (công chứng và chứng thực)"
    )
    nguon: Source | None = Field(None, description="Nơi thấy cách gọi này (bài báo, trang hỏi đáp); có thì trang ghi")


class Procedure(Record):
    """One administrative procedure, with the national portal's fields and its no-wait part."""

    id: Slug = Field(description="Mã trang, trùng tên tệp, ví dụ chung-thuc-ban-sao")
    ma_thu_tuc: Annotated[str, Field(pattern=r"^\d\.\d{6}$")] | None = Field(
        None, description='Mã thủ tục trên Cổng Dịch vụ công quốc gia, ví dụ "2.000815" (đặt trong ngoặc kép)'
    )
    quyet_dinh_cong_bo: Text | None = Field(None, description="Số quyết định công bố thủ tục")
    ten: Name = Field(description="Tên thủ tục")
    ten_ngan: Name | None = Field(None, description="Tên ngắn dùng trong danh sách")
    ten_thuong_goi: list[EverydayName] = Field(
        default_factory=list, max_length=30, description="Các tên người dân hay gọi, để tìm kiếm thấy thủ tục"
    )
    linh_vuc: Text | None = None
    cap_thuc_hien: Text | None = Field(None, description="Cấp thực hiện, ví dụ Cấp xã")
    loai_thu_tuc: Text | None = None
    doi_tuong_thuc_hien: list[StatementItem] = Field(default_factory=list, max_length=30)
    co_quan_thuc_hien: Text | None = None
    trinh_tu_thuc_hien: list[StatementItem] = Field(default_factory=list, max_length=50)
    cach_thuc_thuc_hien: list[Channel] = Field(default_factory=list, max_length=3)
    noi_tiep_nhan: list[Competence] = Field(
        default_factory=list,
        max_length=10,
        description="Nơi có thẩm quyền tiếp nhận, giải quyết: không phụ thuộc nơi cư trú, hay theo nơi cư trú của ai",
    )
    phai_truc_tiep: list[Requirement] = Field(
        default_factory=list,
        max_length=10,
        description="Những việc phải làm trực tiếp tại nơi giải quyết (ký trước mặt, xuất trình bản chính, có mặt)",
    )
    thanh_phan_ho_so: list[DocumentItem] = Field(default_factory=list, max_length=50)
    ket_qua: Text | None = Field(None, description="Kết quả thực hiện")
    can_cu_phap_ly: list[Citation] = Field(default_factory=list, max_length=50)
    yeu_cau_dieu_kien: list[StatementItem] = Field(default_factory=list, max_length=50)
    khong_cho: NoWait | None = Field(None, description="Phần 'không chờ': cam kết, điều kiện, trường hợp loại trừ")
    nguon: list[Source] = Field(default_factory=list, max_length=50, description="Nguồn của các thông tin trên")

    @property
    def short_name(self) -> str:
        return self.ten_ngan or self.ten

    def condition(self, condition_id: str) -> Any:
        """The no-wait condition with this id, or None."""
        conditions = self.khong_cho.dieu_kien if self.khong_cho else []
        return next((c for c in conditions if c.id == condition_id), None)


# --- ward -------------------------------------------------------------------------------------


class Session(Dated):
    """Opening hours: one session (morning, afternoon) on some weekdays."""

    ngay: list[Weekday] = Field(min_length=1, max_length=7, description="Các ngày: thu_2 ... thu_7, chu_nhat")
    tu: Clock
    den: Clock

    @model_validator(mode="after")
    def _ordered(self) -> Session:
        if self.tu >= self.den:
            raise PydanticCustomError(
                "session",
                "giờ mở ({tu}) phải trước giờ đóng ({den})",
                {"tu": fmt.clock(self.tu), "den": fmt.clock(self.den)},
            )
        return self


class Signatory(Record):
    """Who signs the ward's notices."""

    chuc_vu: Name = Field("Chủ tịch", description="Chức vụ người ký, ví dụ Chủ tịch")
    ho_ten: Name | None = Field(None, description="Họ và tên người ký")


class Adoption(Record):
    """A procedure that the ward settles without waiting."""

    thu_tuc: Slug = Field(description="Mã thủ tục (tên tệp trong procedures/thu-tuc/)")
    tu_ngay: Day | None = Field(None, description="Áp dụng không chờ từ ngày")
    den_ngay: Day | None = Field(None, description="Ngày cuối cùng áp dụng không chờ; để trống khi còn áp dụng")
    gio_tiep_nhan_cuoi: Clock | None = Field(
        None, description="Giờ riêng của phường: nộp trước giờ này để nhận kết quả trong ngày (chỉ được sớm hơn)"
    )
    gioi_han: dict[Slug, Positive] = Field(
        default_factory=dict,
        max_length=30,
        description="Giới hạn riêng của phường, theo mã điều kiện (chỉ được chặt hơn)",
    )
    dieu_kien_them: list[Condition] = Field(
        default_factory=list, max_length=30, description="Điều kiện riêng thêm của phường"
    )
    nguon: Source | None = Field(None, description="Nơi công bố việc phường áp dụng (danh mục, thông báo, bài báo)")
    suy_ra: Derivation | None = Field(None, description="Khi chưa có nguồn: lý do ghi phường áp dụng thủ tục này")


class Result(Record):
    """Dossiers received and settled without waiting in one period."""

    tu_ngay: Day
    den_ngay: Day
    tiep_nhan: Count = Field(description="Số hồ sơ tiếp nhận")
    giai_quyet_ngay: Count = Field(description="Số hồ sơ giải quyết không chờ")
    pham_vi: Text | None = Field(
        None, description="Số liệu đếm những hồ sơ nào, ví dụ: mọi hồ sơ hành chính phường tiếp nhận trong kỳ"
    )
    nguon: Source | None = None


class Successor(Record):
    """A ward that took over all or part of the area of a unit that ended."""

    phuong: Slug = Field(description="Mã phường nhận địa bàn (tên tệp trong procedures/phuong/)")
    toan_bo: StrictBool | None = Field(description="true: nhận toàn bộ địa bàn; false: một phần; để trống nếu chưa rõ")
    dieu: Text | None = Field(None, description="Điều, khoản của văn bản (nguồn chung) nói về phường này")
    nguon: Source | None = Field(None, description="Nguồn riêng cho phường này, nếu khác nguồn chung")


class Lifetime(Record):
    """When a unit is in force: from a day to its last day (both inclusive), and who follows it."""

    tu_ngay: Day | None = Field(None, description="Ngày bắt đầu là đơn vị hành chính; để trống nếu không rõ")
    den_ngay: Day | None = Field(None, description="Ngày cuối cùng còn là đơn vị hành chính; để trống khi còn")
    ke_nhiem: list[Successor] = Field(
        default_factory=list, max_length=20, description="Các phường nhận lại địa bàn sau ngày cuối"
    )
    nguon: Source | None = Field(None, description="Văn bản quyết định việc thành lập hoặc sắp xếp")


class NoticeInfo(Record):
    """Number and date printed on the ward's notice."""

    so: Text | None = Field(None, description="Số thông báo, ví dụ 12/TB-UBND")
    ngay: Day | None = None


class Place(Dated):
    """An address where a ward receives citizens (a working point, a service point), or one that a
    source gives for the ward's seat when sources disagree."""

    ten: Name = Field(description="Nơi nào, ví dụ 'Điểm làm việc của Ủy ban nhân dân phường'")
    dia_chi: Text = Field(description="Địa chỉ, ví dụ '4 Nguyễn Chế Nghĩa'")
    ghi_chu: Text | None = Field(None, description="Ví dụ: theo phương án dự kiến; chưa xác nhận nơi này còn tiếp dân")
    nguon: Source = Field(description="Nguồn của địa chỉ này")


class Posting(Record):
    """A notice the ward has posted on its board: the edition it carries, when, and who says so."""

    ban: Day = Field(description="Ngày áp dụng in trên bản đang niêm yết (“Nội dung áp dụng từ ngày …”)")
    ngay: Day = Field(description="Ngày niêm yết bản đó")
    nguon: Source = Field(description="Ai cho biết (biên bản niêm yết, cán bộ phường, ảnh chụp bảng tin)")


class Ward(Record):
    """One ward: contact, hours, adopted no-wait procedures, results."""

    id: Slug = Field(description="Mã phường, trùng tên tệp, ví dụ hang-bai")
    ten: Name = Field(description="Tên phường, không có chữ 'Phường', ví dụ Hàng Bài")
    dia_chi: Text | None = Field(None, description="Địa chỉ trụ sở UBND phường")
    dia_diem: list[Place] = Field(
        default_factory=list,
        max_length=20,
        description="Các địa điểm khác: điểm làm việc, nơi tiếp nhận, hoặc địa chỉ khác mà một nguồn ghi cho trụ sở",
    )
    dien_thoai: Phone | None = None
    email: Email | None = None
    gio_lam_viec: list[Session] = Field(default_factory=list, max_length=21)
    bo_phan_tiep_nhan: Text | None = Field(None, description="Nơi tiếp nhận hồ sơ (bộ phận một cửa)")
    nguoi_ky: Signatory = Field(default_factory=Signatory)
    thong_bao: NoticeInfo = Field(default_factory=NoticeInfo)
    thu_tuc_khong_cho: list[Adoption] = Field(default_factory=list, max_length=200)
    niem_yet: list[Posting] = Field(
        default_factory=list,
        max_length=50,
        description="Các bản thông báo phường đã niêm yết; lệnh check báo khi bản đang niêm yết đã cũ",
    )
    ket_qua: list[Result] = Field(default_factory=list, max_length=500)
    hieu_luc: Lifetime = Field(
        default_factory=Lifetime, description="Thời gian là đơn vị hành chính và các phường kế nhiệm"
    )
    nguon: list[Source] = Field(default_factory=list, max_length=50, description="Nguồn của địa chỉ và liên hệ")
    ngay_ra_soat: Day = Field(description="Ngày rà soát dữ liệu của phường gần nhất")

    @property
    def full_name(self) -> str:
        return f"Phường {self.ten}"


# --- district ---------------------------------------------------------------------------------


class Pilot(Record):
    """The pilot that the model started from."""

    phuong: Slug
    tu_ngay: Day
    den_ngay: Day


class Model(Record):
    """The no-wait model as the district launched it."""

    ten: Name
    mo_ta: Text
    van_ban_trien_khai: LegalRef | None = Field(None, description="Văn bản của quận triển khai mô hình")
    thi_diem: Pilot | None = None
    nguon: list[Source] = Field(default_factory=list, max_length=50)


class Defaults(Record):
    """District-wide defaults."""

    gio_tiep_nhan_cuoi: Clock = Field(description="Nộp trước giờ này thì nhận kết quả trong ngày (ví dụ 15:00)")
    can_cu: Basis


class WorkingWeek(Record):
    """The days state offices work, by the national rule (a ward's own hours, when known, come first)."""

    ngay_lam_viec: list[Weekday] = Field(min_length=1, max_length=7, description="Các ngày làm việc")
    ngay_nghi: list[Weekday] = Field(default_factory=list, max_length=7, description="Các ngày chắc chắn nghỉ")
    ghi_chu: Text | None = Field(
        None, description="Về những ngày không thuộc hai danh sách trên (ví dụ sáng thứ Bảy ở một số nơi)"
    )
    can_cu: LegalRef


class Reception(Dated):
    """A rule of where dossiers are received in the province (any service point, boundary-free...)."""

    id: Slug | None = Field(None, description="Mã, khi quy định có nhiều phiên bản theo thời gian")
    noi_dung: Text = Field(description="Quy định, viết cho người dân đọc")
    thu_tuc: list[Slug] = Field(
        default_factory=list, max_length=50, description="Các thủ tục áp dụng; để trống: mọi thủ tục của danh mục"
    )
    nguon: Source = Field(description="Văn bản hoặc bài viết nêu quy định này")


class Contact(Dated):
    """A phone line or office of the province that any citizen may use (a helpline)."""

    ten: Name = Field(description="Ví dụ: Tổng đài hỗ trợ của Trung tâm Phục vụ hành chính công thành phố")
    dien_thoai: Text | None = Field(None, description="Số điện thoại, ghi như nguồn ghi (có thể kèm nhánh)")
    dia_chi: Text | None = None
    nguon: Source


class OtherProcedure(Record):
    """A commune-level procedure of the national portal that the catalog does not hold."""

    ma: Annotated[str, Field(pattern=r"^\d\.\d{6}$")] = Field(description='Mã thủ tục, ví dụ "1.001193"')
    ten: Name = Field(description="Tên thủ tục như trên Cổng Dịch vụ công quốc gia")
    tu_khoa: list[Name] = Field(
        default_factory=list, max_length=10, description="Cách người dân hay gọi, để ô tìm kiếm nhận ra"
    )


class OtherProcedures(Record):
    """The portal's commune-level procedures outside the catalog: search says they are not in it."""

    thu_tuc: list[OtherProcedure] = Field(min_length=1, max_length=500)
    tra_cuu: Url = Field(description="Nơi người dân tra cứu các thủ tục này: Cổng Dịch vụ công quốc gia")
    nguon: Source


class Publisher(Record):
    """Who publishes the site and where a reader reports a mistake; unknown fields are not shown."""

    don_vi: Name | None = Field(None, description="Đơn vị công bố trang thông tin; để trống khi chưa xác định")
    email: Email | None = Field(None, description="Thư điện tử nhận báo sai sót")
    bieu_mau: Url | None = Field(None, description="Địa chỉ biểu mẫu báo sai sót trên web")
    han_ra_soat: int = Field(
        180,
        ge=1,
        le=3650,
        description=(
            "Số ngày tối đa từ ngày rà soát danh mục (ngay_ra_soat) đến ngày đăng; quá hạn thì lệnh đăng từ chối"
        ),
    )
    nguon: Source | None = None


class District(Record):
    """The district that runs the model, and the catalog's own dates."""

    id: Slug
    ten: Name = Field(description="Tên đơn vị, ví dụ Quận Hoàn Kiếm")
    co_quan: Name = Field(description="Cơ quan, ví dụ Ủy ban nhân dân quận Hoàn Kiếm")
    dia_danh: Name = Field(description="Địa danh ghi trên thông báo, ví dụ Hoàn Kiếm")
    tinh_thanh: Name
    dia_chi: Text | None = None
    dien_thoai: Phone | None = None
    email: Email | None = None
    trang_web: Url | None = None
    mo_hinh: Model
    mac_dinh: Defaults
    hieu_luc: Lifetime = Field(
        default_factory=Lifetime, description="Thời gian là đơn vị hành chính và các phường kế nhiệm"
    )
    ghi_chu: list[Text] = Field(default_factory=list, max_length=20)
    cong_bo: Publisher = Field(
        default_factory=Publisher, description="Đơn vị công bố trang thông tin và nơi nhận báo sai sót (chân trang)"
    )
    tuan_lam_viec: WorkingWeek | None = Field(
        None, description="Ngày làm việc của cơ quan nhà nước theo quy định chung (khi phường chưa công bố giờ riêng)"
    )
    tiep_nhan: list[Reception] = Field(
        default_factory=list, max_length=30, description="Quy định về nơi tiếp nhận hồ sơ trên địa bàn tỉnh, thành phố"
    )
    ho_tro: list[Contact] = Field(
        default_factory=list, max_length=10, description="Đường dây hỗ trợ, nơi hỏi chung của tỉnh, thành phố"
    )
    thu_tuc_ngoai_danh_muc: OtherProcedures | None = Field(
        None, description="Các thủ tục cấp xã trên Cổng Dịch vụ công quốc gia không có trong danh mục"
    )
    nguon: list[Source] = Field(default_factory=list, max_length=50)
    ngay_ra_soat: Day = Field(description="Ngày rà soát toàn bộ danh mục; không ngày nào được sau ngày này")
    danh_muc_tu_ngay: Day = Field(
        description="Ngày đầu tiên danh mục mô tả: thông tin không ghi tu_ngay được coi là đúng từ ngày này, và "
        "trang web không dựng cho ngày trước đó",
    )


class LegalLibrary(Record):
    """Every legal document the catalog cites (procedures/van-ban.yaml), each written once, in full."""

    van_ban: list[LegalText] = Field(min_length=1, max_length=200)


KINDS: dict[str, type[Record]] = {
    "district": District,
    "van-ban": LegalLibrary,
    "thu-tuc": Procedure,
    "phuong": Ward,
}
"""Each kind of catalog file and its model; the key names the JSON Schema file."""
