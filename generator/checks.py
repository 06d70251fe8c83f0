"""Checks stage: rules across records, run after every file has been validated.

Each check is a generator of problems; ``run`` collects them all. Checks read records from the
catalog and attach positions from the document each record was read from. How a ward's settings
combine with a procedure is the rule book's (rules.py); ``check_services`` reports what it refuses.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date, time

from . import rules
from .catalog import Catalog
from .load import Loc
from .model import SLUG_PATTERN, WEEKDAYS, Ward
from .problems import Problem, Severity

SCHEMA_COMMENT = "# yaml-language-server: $schema="


def _vn(day: date) -> str:
    return f"{day:%d/%m/%Y}"


class _Reporter:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog

    def error(self, record: object, loc: Loc, message: str, *, key: bool = False) -> Problem:
        return self.catalog.source(record).problem(loc, message, key=key)

    def warning(self, record: object, loc: Loc, message: str, *, key: bool = False) -> Problem:
        return self.catalog.source(record).problem(loc, message, key=key, severity=Severity.WARNING)


RESERVED_IDS = {
    "procedure": frozenset({"index"}),
    "ward": frozenset({"index", "tat-ca"}),
}
"""Ids that name a page or file the site makes itself (/thu-tuc/index, /thong-bao/tat-ca.pdf)."""


def check_ids(catalog: Catalog, r: _Reporter) -> Iterator[Problem]:
    """A file's name is its id, a safe slug, and not a name the site uses for its own pages."""
    for kind, records in (("procedure", catalog.procedures.values()), ("ward", catalog.wards.values())):
        for record in records:
            stem = catalog.source(record).stem
            if not re.fullmatch(SLUG_PATTERN, stem):
                yield r.error(record, (), f"tên tệp '{stem}.yaml' phải là mã không dấu, ví dụ hang-bai.yaml")
            elif record.id != stem:
                yield r.error(record, ("id",), f"mã '{record.id}' phải trùng tên tệp '{stem}'")
            elif record.id in RESERVED_IDS[kind]:
                yield r.error(record, ("id",), f"mã '{record.id}' trùng với một trang của trang web; hãy đặt mã khác")


def name_key(name: str) -> str:
    """A name as a reader sees it: compatibility forms folded, invisible characters and case ignored."""
    visible = "".join(c for c in unicodedata.normalize("NFKC", name) if unicodedata.category(c)[0] != "C")
    return " ".join(visible.split()).casefold()


def check_ward_names(catalog: Catalog, r: _Reporter) -> Iterator[Problem]:
    """No two wards with the same name."""
    seen: dict[str, Ward] = {}
    for ward in catalog.wards.values():
        key = name_key(ward.ten)
        if key in seen:
            yield r.error(ward, ("ten",), f"tên phường '{ward.ten}' đã có ở tệp {catalog.source(seen[key]).display}")
        else:
            seen[key] = ward


def check_references(catalog: Catalog, r: _Reporter) -> Iterator[Problem]:
    """Every adopted procedure exists and has a no-wait part; none is adopted twice."""
    district = catalog.district
    if district and district.mo_hinh.thi_diem:
        pilot = district.mo_hinh.thi_diem.phuong
        if pilot not in catalog.wards and pilot not in catalog.failed:
            yield r.error(
                district, ("mo_hinh", "thi_diem", "phuong"), f"không có phường '{pilot}' trong procedures/phuong/"
            )
    for ward in catalog.wards.values():
        seen: set[str] = set()
        for i, adoption in enumerate(ward.thu_tuc_khong_cho):
            loc = ("thu_tuc_khong_cho", i, "thu_tuc")
            procedure = catalog.procedures.get(adoption.thu_tuc)
            if adoption.thu_tuc in seen:
                yield r.error(
                    ward, loc, f"thủ tục '{adoption.thu_tuc}' đã được khai ở trên; mỗi thủ tục chỉ khai một lần"
                )
            seen.add(adoption.thu_tuc)
            if procedure is None:
                if adoption.thu_tuc not in catalog.failed:
                    known = f" (có: {', '.join(catalog.procedures)})" if catalog.procedures else ""
                    yield r.error(ward, loc, f"không có thủ tục '{adoption.thu_tuc}' trong procedures/thu-tuc/{known}")
            elif procedure.khong_cho is None:
                yield r.error(ward, loc, f"thủ tục '{adoption.thu_tuc}' chưa có phần khong_cho (cam kết và điều kiện)")


def check_services(catalog: Catalog, r: _Reporter) -> Iterator[Problem]:
    """Each adoption against the rule book: a ward's own setting matches a condition and is stricter."""
    for ward in catalog.wards.values():
        for i, adoption in enumerate(ward.thu_tuc_khong_cho):
            procedure = catalog.procedures.get(adoption.thu_tuc)
            if procedure is None or procedure.khong_cho is None:
                continue  # reported by check_references
            for finding in rules.service(catalog.district, procedure, ward, adoption).findings:
                yield r.error(ward, ("thu_tuc_khong_cho", i, *finding.loc), finding.message)


def check_procedures(catalog: Catalog, r: _Reporter) -> Iterator[Problem]:
    """Fee caps at least the rates; one entry per channel; condition ids unique."""
    for procedure in catalog.procedures.values():
        channels: set[str] = set()
        for i, channel in enumerate(procedure.cach_thuc_thuc_hien):
            if channel.kenh in channels:
                yield r.error(
                    procedure, ("cach_thuc_thuc_hien", i, "kenh"), f"cách thức '{channel.kenh}' đã được khai ở trên"
                )
            channels.add(channel.kenh)
            for j, fee in enumerate(channel.le_phi):
                top = max(tier.so_tien for tier in fee.bac)
                if fee.toi_da is not None and fee.toi_da < top:
                    yield r.error(
                        procedure,
                        ("cach_thuc_thuc_hien", i, "le_phi", j, "toi_da"),
                        f"mức tối đa ({fee.toi_da}) không được nhỏ hơn mức thu ({top})",
                    )
        if procedure.khong_cho:
            ids: set[str] = set()
            for i, condition in enumerate(procedure.khong_cho.dieu_kien):
                if condition.id in ids:
                    yield r.error(
                        procedure, ("khong_cho", "dieu_kien", i, "id"), f"mã điều kiện '{condition.id}' bị trùng"
                    )
                ids.add(condition.id)


def check_hours(catalog: Catalog, r: _Reporter) -> Iterator[Problem]:
    """Sessions of one weekday do not overlap (a sweep per day: linear after sorting)."""
    for ward in catalog.wards.values():
        overlaps: list[tuple[int, int, str]] = []
        for day in WEEKDAYS:
            sessions = sorted((s.tu, s.den, i) for i, s in enumerate(ward.gio_lam_viec) if day in s.ngay)
            latest: tuple[time, int] | None = None  # the session reaching furthest so far
            for start, end, i in sessions:
                if latest is not None and start < latest[0]:
                    overlaps.append((i, latest[1], day))
                if latest is None or end > latest[0]:
                    latest = (end, i)
        if not overlaps:
            continue
        i, j, day = min(overlaps)
        session, other = ward.gio_lam_viec[i], ward.gio_lam_viec[j]
        more = f" (và {len(overlaps) - 1} chỗ trùng khác)" if len(overlaps) > 1 else ""
        yield r.error(
            ward,
            ("gio_lam_viec", i),
            f"buổi làm việc {session.tu:%H:%M}–{session.den:%H:%M} ngày {day} trùng với buổi "
            f"{other.tu:%H:%M}–{other.den:%H:%M} (gio_lam_viec[{j}]){more}",
        )


def check_dates(catalog: Catalog, r: _Reporter) -> Iterator[Problem]:
    """Periods in order, results consistent, nothing after the catalog's review date."""
    district = catalog.district
    review = district.ngay_ra_soat if district else None

    def late(record: object, loc: Loc, day: date | None, what: str) -> Iterator[Problem]:
        if review and day and day > review:
            yield r.error(
                record,
                loc,
                f"{what} ({_vn(day)}) không được sau ngày rà soát danh mục "
                f"({_vn(review)}, district.yaml: ngay_ra_soat)",
            )

    if district and district.mo_hinh.thi_diem:
        pilot = district.mo_hinh.thi_diem
        if pilot.tu_ngay > pilot.den_ngay:
            yield r.error(district, ("mo_hinh", "thi_diem", "den_ngay"), "ngày kết thúc thí điểm phải sau ngày bắt đầu")
    for ward in catalog.wards.values():
        yield from late(ward, ("ngay_ra_soat",), ward.ngay_ra_soat, "ngày rà soát của phường")
        if ward.thong_bao.ngay:
            yield from late(ward, ("thong_bao", "ngay"), ward.thong_bao.ngay, "ngày thông báo")
        if ward.sap_nhap:
            yield from late(ward, ("sap_nhap", "ngay"), ward.sap_nhap.ngay, "ngày sắp xếp")
        for i, adoption in enumerate(ward.thu_tuc_khong_cho):
            yield from late(ward, ("thu_tuc_khong_cho", i, "tu_ngay"), adoption.tu_ngay, "ngày áp dụng")
        periods = []
        for i, result in enumerate(ward.ket_qua):
            loc = ("ket_qua", i)
            if result.tu_ngay > result.den_ngay:
                yield r.error(
                    ward,
                    (*loc, "den_ngay"),
                    f"đến ngày ({_vn(result.den_ngay)}) phải bằng hoặc sau từ ngày ({_vn(result.tu_ngay)})",
                )
            yield from late(ward, (*loc, "den_ngay"), result.den_ngay, "kỳ số liệu")
            if result.giai_quyet_ngay > result.tiep_nhan:
                yield r.error(
                    ward,
                    (*loc, "giai_quyet_ngay"),
                    f"số hồ sơ giải quyết không chờ ({result.giai_quyet_ngay}) "
                    f"không được lớn hơn số tiếp nhận ({result.tiep_nhan})",
                )
            for j, other in periods:
                if result.tu_ngay <= other.den_ngay and other.tu_ngay <= result.den_ngay:
                    yield r.error(
                        ward,
                        (*loc, "tu_ngay"),
                        f"kỳ {_vn(result.tu_ngay)}–{_vn(result.den_ngay)} trùng với kỳ "
                        f"{_vn(other.tu_ngay)}–{_vn(other.den_ngay)} (ket_qua[{j}])",
                    )
            periods.append((i, result))


def _warn_missing(r: _Reporter, record: object, fields: dict[str, str]) -> Iterator[Problem]:
    for name, what in fields.items():
        value = getattr(record, name)
        if value is None or value == [] or value == {}:
            yield r.warning(record, (name,), f"chưa có {what}; trang web sẽ ghi 'đang cập nhật'", key=True)


def check_completeness(catalog: Catalog, r: _Reporter) -> Iterator[Problem]:
    """Warnings: facts still unknown, facts without a source, files without their schema line."""
    district = catalog.district
    if district:
        yield from _warn_missing(r, district, {"dien_thoai": "số điện thoại", "nguon": "nguồn (nguon)"})
        if district.mo_hinh.van_ban_trien_khai is None:
            yield r.warning(district, ("mo_hinh",), "chưa có văn bản triển khai mô hình (van_ban_trien_khai)")
    for procedure in catalog.procedures.values():
        yield from _warn_missing(
            r,
            procedure,
            {
                "ma_thu_tuc": "mã thủ tục trên Cổng Dịch vụ công",
                "linh_vuc": "lĩnh vực",
                "co_quan_thuc_hien": "cơ quan thực hiện",
                "trinh_tu_thuc_hien": "trình tự thực hiện",
                "cach_thuc_thuc_hien": "cách thức thực hiện (thời hạn, lệ phí)",
                "thanh_phan_ho_so": "thành phần hồ sơ",
                "ket_qua": "kết quả thực hiện",
                "can_cu_phap_ly": "căn cứ pháp lý",
                "khong_cho": "phần không chờ (khong_cho)",
                "nguon": "nguồn của thông tin thủ tục (nguon)",
            },
        )
    for ward in catalog.wards.values():
        yield from _warn_missing(
            r,
            ward,
            {
                "dia_chi": "địa chỉ",
                "dien_thoai": "số điện thoại",
                "gio_lam_viec": "giờ làm việc",
            },
        )
        if ward.nguoi_ky.ho_ten is None:
            yield r.warning(ward, ("nguoi_ky",), "chưa có họ tên người ký thông báo (nguoi_ky.ho_ten)")
        if (ward.dia_chi or ward.dien_thoai or ward.email) and not ward.nguon:
            yield r.warning(ward, ("dia_chi",), "địa chỉ, điện thoại chưa ghi nguồn (nguon)")
        undated = [(i, a.thu_tuc) for i, a in enumerate(ward.thu_tuc_khong_cho) if a.tu_ngay is None]
        if undated:  # one line per ward, not per procedure: the fix is the same
            names = ", ".join(name for _, name in undated)
            yield r.warning(
                ward,
                ("thu_tuc_khong_cho", undated[0][0]),
                f"chưa có ngày bắt đầu áp dụng không chờ (tu_ngay) cho: {names}",
            )
        for i, result in enumerate(ward.ket_qua):
            if result.nguon is None:
                yield r.warning(ward, ("ket_qua", i), "số liệu chưa ghi nguồn (nguon)")
    records = [district] if district else []
    for record in (*records, *catalog.procedures.values(), *catalog.wards.values()):
        document = catalog.source(record)
        if not document.header.startswith(SCHEMA_COMMENT):
            yield r.warning(
                record, (), "dòng đầu nên là '# yaml-language-server: $schema=...' để trình soạn thảo gợi ý trường"
            )


CHECKS: tuple[Callable[[Catalog, _Reporter], Iterator[Problem]], ...] = (
    check_ids,
    check_ward_names,
    check_references,
    check_services,
    check_procedures,
    check_hours,
    check_dates,
    check_completeness,
)


def run(catalog: Catalog) -> list[Problem]:
    """Every cross-record problem of the catalog."""
    reporter = _Reporter(catalog)
    return [problem for check in CHECKS for problem in check(catalog, reporter)]
