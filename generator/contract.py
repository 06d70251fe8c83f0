"""The data contract with the browser: what the checker, the fee calculator, "open now" and the
search read.

Declared once as types; the pages embed instances as JSON and search.js fetches one file,
``/du-lieu/schema/trinh-duyet.schema.json`` is generated from them, and tests check that
docs/assets/checker.js and search.js read every field declared here (nothing is sent that nobody
reads). Field names are Vietnamese like the catalog's.
"""

from __future__ import annotations

import functools
import json
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field


class Data(BaseModel):
    """Base of the browser's data: frozen, no field outside the declaration."""

    model_config = ConfigDict(extra="forbid", frozen=True)


class Holiday(Data):
    ngay: str = Field(description="Ngày nghỉ, YYYY-MM-DD")
    ten: str = Field(description="Tên ngày lễ")


class Holidays(Data):
    """Vietnam's days off for the window the build covers; beyond it the browser says it does not know."""

    tu_ngay: str = Field(description="Ngày đầu có lịch nghỉ lễ, YYYY-MM-DD")
    den_ngay: str = Field(description="Ngày cuối có lịch nghỉ lễ, YYYY-MM-DD")
    ngay_nghi: list[Holiday]


class Hours(Data):
    """Opening hours by weekday, Monday first, in minutes since midnight; ``biet`` false when unknown.

    Without the ward's hours, ``tuan`` says what the national rule makes of each weekday: a working
    day (true), a day off (false), or not known (null, e.g. Saturday mornings at some desks).
    """

    biet: bool = Field(description="Đã biết giờ làm việc chưa; chưa biết thì trình duyệt không đoán")
    ngay: list[list[tuple[int, int]]] = Field(description="Bảy ngày, thứ Hai trước; mỗi buổi [từ, đến] theo phút")
    tuan: list[bool | None] | None = Field(
        None, description="Ngày làm việc theo quy định chung, thứ Hai trước: true, false hoặc null (chưa rõ)"
    )
    can_cu: str | None = Field(None, description="Căn cứ của ngày làm việc theo quy định chung, viết cho người đọc")
    ghi_chu: str | None = Field(None, description="Về những ngày chưa rõ (null), viết cho người đọc")


class Fee(Data):
    """One fee's rates: the same data ``model.Fee.amount`` computes from."""

    ten: str
    tinh_theo: str = Field(description="Đơn vị tính, ví dụ 'trang'")
    bac: list[tuple[int, int]] = Field(description="Các mức [từ đơn vị thứ, số tiền mỗi đơn vị]")
    toi_da: int | None = Field(description="Mức tối đa cho mỗi đơn vị nhân")
    nhan_theo: str | None = Field(description="Nhân với số lượng đơn vị này, ví dụ 'bản sao'")


class _Condition(Data):
    noi_dung: str
    can_cu: str = Field(description="Căn cứ, viết cho người đọc")


class CutOff(_Condition):
    loai: Literal["gio_tiep_nhan"]
    gio: str | None = Field(description="Giờ, HH:MM; nộp trước giờ này để nhận kết quả trong ngày")


class Limit(_Condition):
    loai: Literal["gioi_han_so_luong"]
    toi_da: int | None = Field(description="Giới hạn; null khi chưa có số cụ thể (trình duyệt không đoán)")
    dai_luong: str = Field(description="Đại lượng bị giới hạn, ví dụ 'trang'")
    cau_hoi: str | None
    khi_vuot: str | None = Field(description="Hệ quả theo quy định khi số lượng nhiều hoặc vượt giới hạn")


class YesNo(_Condition):
    loai: Literal["co_khong"]
    cau_hoi: str
    dap_an_dat: bool


class Text(_Condition):
    loai: Literal["van_ban"]


Condition = Annotated[CutOff | Limit | YesNo | Text, Field(discriminator="loai")]
CONDITION_TYPES: dict[str, type[_Condition]] = {
    kind.model_fields["loai"].annotation.__args__[0]: kind for kind in (CutOff, Limit, YesNo, Text)
}
"""The browser's type for each kind of condition (the model's ``loai``)."""


class Period(Data):
    """The days a ward settles a procedure without waiting (YYYY-MM-DD; null: open)."""

    tu_ngay: str | None
    den_ngay: str | None


class Checker(Data):
    """Everything the checker and the fee calculator of one ward × procedure page read."""

    dieu_kien: list[Condition]
    thoi_han: str | None = Field(description="Thời hạn giải quyết theo quy định, khi không giải quyết ngay")
    giay_to: list[str] = Field(description="Giấy tờ cần mang")
    le_phi: list[Fee]
    gio_lam_viec: Hours
    ap_dung: Period = Field(description="Thời gian phường giải quyết không chờ thủ tục này")
    noi_khac: str | None = Field(description="Nơi làm thủ tục khi phường đã không còn, để nói cho người dân")
    hoi_phuong: str | None = Field(
        description="Lời nhắc hỏi phường khi danh mục của phường chưa được công bố (việc áp dụng là suy ra)"
    )


class EditionChange(Data):
    """One change to what a sheet prints."""

    ngay: str = Field(description="Ngày áp dụng, YYYY-MM-DD")
    cau: list[str] = Field(description="Thay đổi gì, mỗi câu một ý, viết cho người dân")
    sap_toi: bool = Field(description="Đã báo trước, chưa áp dụng vào ngày dựng trang")


class Editions(Data):
    """What the page says to a reader who scanned a printed sheet (its QR code carries ``?ban=``)."""

    ngay_dung: str = Field(description="Ngày dựng trang, YYYY-MM-DD")
    ban: list[str] = Field(description="Mọi ngày áp dụng mà bản in này từng có (ngày khác: không nhận ra)")
    hien_tai: str | None = Field(description="Ngày áp dụng của bản in hiện hành")
    thay_doi: list[EditionChange] = Field(description="Các thay đổi của bản in, mới nhất trước")
    het: bool = Field(description="Phường đã không còn: bản in nào cũng đã cũ")
    in_lai: str | None = Field(description="Bản in hiện hành (tệp PDF), khi có")
    danh_sach: str = Field(description="Trang các thay đổi của phường")


class Called(Data):
    """A name people use for a procedure, with the note that tells it apart when it misleads."""

    ten: str
    ghi_chu: str | None = Field(description="Một câu giải thích, ví dụ công chứng và chứng thực khác nhau")


class Named(Data):
    """A procedure of the catalog, with the names people use for it."""

    url: str = Field(description="Trang của thủ tục, từ gốc trang web, ví dụ 'thu-tuc/chung-thuc-ban-sao/'")
    ten: str = Field(description="Tên ngắn của thủ tục, như tiêu đề trang")
    ten_day_du: str = Field(description="Tên thủ tục đầy đủ")
    goi: list[Called] = Field(description="Các tên người dân hay gọi")


class Outside(Data):
    """A commune-level procedure of the national portal that the catalog does not hold."""

    ma: str = Field(description="Mã thủ tục trên Cổng Dịch vụ công quốc gia")
    ten: str = Field(description="Tên thủ tục như trên cổng")
    tu_khoa: list[str] = Field(description="Cách người dân hay gọi thủ tục này")


class Words(Data):
    """What the header search reads beside Pagefind's index (/du-lieu/tim-kiem.json): everyday names
    that lead to a procedure's page, and the procedures outside the catalog that it names as such."""

    thu_tuc: list[Named]
    ngoai_danh_muc: list[Outside]
    cong: str = Field(description="Địa chỉ Cổng Dịch vụ công quốc gia, nơi tra cứu thủ tục ngoài danh mục")


WORDS_FILE = "du-lieu/tim-kiem.json"
FILES: dict[str, type[Data]] = {WORDS_FILE: Words}
"""Each JSON file a script fetches, by its path from the site's root (search.js reads these)."""

SCHEMA_FILE = "trinh-duyet.schema.json"
CONTRACTS: dict[str, type[Data]] = {"kc-checker-data": Checker, "kc-hours-data": Hours, "kc-holidays": Holidays}
"""Each JSON block a page may embed for checker.js, by the id of its <script type="application/json"> element."""
SITE_BLOCKS: dict[str, type[Data]] = {"kc-editions": Editions}
"""Each JSON block a page may embed for site.js (on every page): "is this printed sheet still right?"."""


@functools.cache
def schema_text() -> str:
    """The JSON Schema of every block the browser reads (written to /du-lieu/schema/)."""
    schemas = {name: model.model_json_schema() for name, model in {**CONTRACTS, **SITE_BLOCKS, **FILES}.items()}
    document = {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "Dữ liệu cho công cụ kiểm tra, máy tính lệ phí, giờ làm việc và ô tìm kiếm trên trang",
        "$defs": schemas,
    }
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
