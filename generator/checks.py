"""Checks stage: rules across records, run after every file has been validated.

Each check is a generator of problems; ``run`` collects them all. Checks read records from the
catalog and attach positions from the document each record was read from. How a ward's settings
combine with a procedure is the rule book's (rules.py); ``check_services`` reports what it refuses.
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date, time, timedelta

from . import evidence, rules
from .catalog import Catalog
from .load import Loc
from .model import SLUG_PATTERN, WEEKDAYS, Basis, LegalRef, Record, Ward
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


def _overlap(a: rules.Period, b: rules.Period) -> bool:
    return (a.start is None or b.end is None or a.start <= b.end) and (
        b.start is None or a.end is None or b.start <= a.end
    )


def check_ward_names(catalog: Catalog, r: _Reporter) -> Iterator[Problem]:
    """No two wards with the same name at the same time (old and new Cửa Nam follow each other)."""
    seen: dict[str, list[Ward]] = {}
    for ward in catalog.wards.values():
        key = name_key(ward.ten)
        same = [other for other in seen.get(key, []) if _overlap(rules.life(other.hieu_luc), rules.life(ward.hieu_luc))]
        if same:
            yield r.error(
                ward,
                ("ten",),
                f"tên phường '{ward.ten}' đã có ở tệp {catalog.source(same[0]).display} trong cùng thời gian; "
                "hai phường trùng tên phải có thời gian hiệu lực (hieu_luc) nối tiếp nhau",
            )
        seen.setdefault(key, []).append(ward)


def _vn_period(period: rules.Period) -> str:
    if period.start and period.end:
        return f"{_vn(period.start)} – {_vn(period.end)}"
    if period.end:
        return f"đến {_vn(period.end)}"
    return f"từ {_vn(period.start)}" if period.start else "không giới hạn"


def check_lifetimes(catalog: Catalog, r: _Reporter) -> Iterator[Problem]:
    """Dates in order; an ended unit names existing successors in force the next day; adoptions and
    results lie within the ward's life."""
    units = ([catalog.district] if catalog.district else []) + list(catalog.wards.values())
    for unit in units:
        lifetime = unit.hieu_luc
        start, end = lifetime.tu_ngay, lifetime.den_ngay
        if start and end and end < start:
            yield r.error(
                unit, ("hieu_luc", "den_ngay"), f"ngày cuối ({_vn(end)}) phải bằng hoặc sau ngày bắt đầu ({_vn(start)})"
            )
        if (start or end) and lifetime.nguon is None:
            yield r.error(unit, ("hieu_luc",), "phải ghi nguồn (nguon) của ngày bắt đầu, ngày cuối")
        if end and not lifetime.ke_nhiem:
            yield r.error(
                unit,
                ("hieu_luc", "den_ngay"),
                "đơn vị đã có ngày cuối phải ghi các phường nhận lại địa bàn (ke_nhiem)",
            )
        if lifetime.ke_nhiem and end is None:
            yield r.error(unit, ("hieu_luc", "ke_nhiem"), "chỉ ghi ke_nhiem khi đơn vị đã có ngày cuối (den_ngay)")
        for i, successor in enumerate(lifetime.ke_nhiem):
            loc = ("hieu_luc", "ke_nhiem", i, "phuong")
            ward = catalog.wards.get(successor.phuong)
            if ward is None:
                if successor.phuong not in catalog.failed:
                    yield r.error(unit, loc, f"không có phường '{successor.phuong}' trong procedures/phuong/")
                continue
            if ward is unit:
                yield r.error(unit, loc, "phường không thể kế nhiệm chính nó")
                continue
            if end is not None:
                day_after = end + timedelta(days=1)
                if rules.life(ward.hieu_luc).state(day_after) is not rules.State.IN_FORCE:
                    yield r.error(
                        unit,
                        loc,
                        f"phường '{successor.phuong}' không có hiệu lực vào ngày {_vn(day_after)}, ngày sau ngày cuối; "
                        f"hiệu lực của phường đó: {_vn_period(rules.life(ward.hieu_luc))}",
                    )
    for ward in catalog.wards.values():
        alive = rules.life(ward.hieu_luc)
        for i, adoption in enumerate(ward.thu_tuc_khong_cho):
            base = ("thu_tuc_khong_cho", i)
            if adoption.tu_ngay and adoption.den_ngay and adoption.den_ngay < adoption.tu_ngay:
                yield r.error(
                    ward,
                    (*base, "den_ngay"),
                    f"ngày cuối áp dụng ({_vn(adoption.den_ngay)}) phải bằng hoặc sau ngày bắt đầu "
                    f"({_vn(adoption.tu_ngay)})",
                )
            for field, day in (("tu_ngay", adoption.tu_ngay), ("den_ngay", adoption.den_ngay)):
                if day and alive.state(day) is not rules.State.IN_FORCE:
                    yield r.error(
                        ward,
                        (*base, field),
                        f"ngày {_vn(day)} nằm ngoài thời gian phường có hiệu lực ({_vn_period(alive)})",
                    )
        for i, result in enumerate(ward.ket_qua):
            for field, day in (("tu_ngay", result.tu_ngay), ("den_ngay", result.den_ngay)):
                if alive.state(day) is not rules.State.IN_FORCE:
                    yield r.error(
                        ward,
                        ("ket_qua", i, field),
                        f"kỳ số liệu ngày {_vn(day)} nằm ngoài thời gian phường có hiệu lực ({_vn_period(alive)})",
                    )


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
        # Overlapping periods, in one sweep over the periods sorted by start (linear after sorting).
        overlaps: list[tuple[int, int]] = []
        latest: tuple[date, int] | None = None
        for i, result in sorted(enumerate(ward.ket_qua), key=lambda item: (item[1].tu_ngay, item[0])):
            if latest is not None and result.tu_ngay <= latest[0]:
                overlaps.append((i, latest[1]))
            if latest is None or result.den_ngay > latest[0]:
                latest = (result.den_ngay, i)
        if overlaps:
            i, j = min(overlaps)
            result, other = ward.ket_qua[max(i, j)], ward.ket_qua[min(i, j)]
            more = f" (và {len(overlaps) - 1} chỗ trùng khác)" if len(overlaps) > 1 else ""
            yield r.error(
                ward,
                ("ket_qua", max(i, j), "tu_ngay"),
                f"kỳ {_vn(result.tu_ngay)}–{_vn(result.den_ngay)} trùng với kỳ "
                f"{_vn(other.tu_ngay)}–{_vn(other.den_ngay)} (ket_qua[{min(i, j)}]){more}",
            )


def _warn_missing(r: _Reporter, record: object, fields: dict[str, str]) -> Iterator[Problem]:
    for name, what in fields.items():
        value = getattr(record, name)
        if value is None or value == [] or value == {}:
            yield r.warning(record, (name,), f"chưa có {what}; trang web sẽ ghi 'đang cập nhật'", key=True)


def _walk(value: object, loc: Loc = ()) -> Iterator[tuple[Loc, object]]:
    """Every value a record holds, nested ones included, with where it is."""
    yield loc, value
    if isinstance(value, Record):
        for name in value.__class__.model_fields:
            yield from _walk(getattr(value, name), (*loc, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _walk(item, (*loc, i))
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _walk(item, (*loc, key))


def _legal_refs(record: object) -> Iterator[tuple[Loc, str]]:
    """Every legal number a record cites (LegalRef.van_ban, Basis.van_ban), with where it is."""
    for loc, value in _walk(record):
        if isinstance(value, LegalRef | Basis) and value.van_ban:
            yield (*loc, "van_ban"), value.van_ban


def _texts(record: object) -> Iterator[tuple[Loc, str]]:
    """Every string a record holds, with where it is."""
    return ((loc, value) for loc, value in _walk(record) if isinstance(value, str))


_CASUAL = re.compile(r"\b(bạn|quý vị|anh/chị)\b", re.IGNORECASE)


def check_wording(catalog: Catalog, r: _Reporter) -> Iterator[Problem]:
    """Warnings for public text out of step with the site: one form of address, yes/no as questions."""
    for record in [*catalog.procedures.values(), *catalog.wards.values()]:
        for loc, text in _texts(record):
            found = _CASUAL.search(text)
            if found:
                yield r.warning(
                    record, loc, f"trang web gọi người dân là 'ông/bà'; hãy thay '{found[0]}' bằng 'ông/bà'"
                )
            question = text.rstrip()
            if (
                loc[-1] == "cau_hoi"
                and _is_yes_no(record, loc)
                and not (question.endswith("?") and re.search(r"\b(không|chưa)\b", question))
            ):
                yield r.warning(
                    record,
                    loc,
                    "câu hỏi có/không nên viết thành câu hỏi '… có … không?', "
                    "ví dụ 'Ông/bà có mang sẵn bản sao không?'",
                )


def _is_yes_no(record: object, loc: Loc) -> bool:
    """True when ``loc`` (…, i, "cau_hoi") is the question of a yes/no condition."""
    parent: object = record
    for part in loc[:-1]:
        parent = parent[part] if isinstance(part, int) else getattr(parent, part)
    return getattr(parent, "loai", None) == "co_khong"


def check_legal_references(catalog: Catalog, r: _Reporter) -> Iterator[Problem]:
    """Every legal text cited is in van-ban.yaml (written once, in full); none is there twice."""
    library = catalog.library
    if library is None:
        return
    seen: dict[str, int] = {}
    for i, text in enumerate(library.van_ban):
        if text.so_ky_hieu in seen:
            yield r.error(
                library,
                ("van_ban", i, "so_ky_hieu"),
                f"văn bản '{text.so_ky_hieu}' đã có ở trên (van_ban[{seen[text.so_ky_hieu]}]); mỗi văn bản ghi một lần",
            )
        seen.setdefault(text.so_ky_hieu, i)
        if text.loai == "Luật" and not text.ten:
            yield r.error(library, ("van_ban", i, "ten"), "với luật, phải ghi tên luật (ví dụ: Hộ tịch)")
    records = ([catalog.district] if catalog.district else []) + [*catalog.procedures.values(), *catalog.wards.values()]
    for record in records:
        for loc, number in _legal_refs(record):
            if number not in seen:
                close = difflib.get_close_matches(number, list(seen), n=1, cutoff=0.6)
                hint = f"; có phải '{close[0]}'?" if close else ""
                yield r.error(
                    record,
                    loc,
                    f"văn bản '{number}' chưa có trong procedures/van-ban.yaml; hãy thêm văn bản đó "
                    f"(tên đầy đủ, cơ quan ban hành, ngày){hint}",
                )


def check_evidence(catalog: Catalog, r: _Reporter) -> Iterator[Problem]:
    """Warnings, once per claim, for what is published without a source or a stated reason."""
    for procedure in catalog.procedures.values():
        conditions = procedure.khong_cho.dieu_kien if procedure.khong_cho else []
        for i, condition in enumerate(conditions):
            if evidence.basis(condition.can_cu) is evidence.Kind.UNSOURCED:
                yield r.warning(
                    procedure,
                    ("khong_cho", "dieu_kien", i, "can_cu"),
                    f"điều kiện '{condition.id}' là quy định của {_ISSUER[condition.can_cu.loai]} nhưng chưa ghi "
                    "nguồn (nguon) hay lý do (suy_ra)",
                )
    for ward in catalog.wards.values():
        unsourced = [i for i, a in enumerate(ward.thu_tuc_khong_cho) if evidence.adoption(a) is evidence.Kind.UNSOURCED]
        for i in unsourced:
            yield r.warning(
                ward,
                ("thu_tuc_khong_cho", i),
                f"việc phường áp dụng '{ward.thu_tuc_khong_cho[i].thu_tuc}' chưa ghi nguồn (nguon) hay lý do (suy_ra)",
            )
        for i, adoption in enumerate(ward.thu_tuc_khong_cho):
            if evidence.own_rules(adoption) is evidence.Kind.UNSOURCED:
                yield r.warning(
                    ward,
                    ("thu_tuc_khong_cho", i),
                    f"điều kiện, giới hạn riêng của phường cho '{adoption.thu_tuc}' chưa ghi nguồn (nguon)",
                )
        for fact, label in evidence.CONTACT_LABELS.items():
            if evidence.contact(ward, fact) is evidence.Kind.UNSOURCED:
                yield r.warning(
                    ward, (fact,), f"{label} chưa ghi nguồn: thêm vào nguon một nguồn có 've: [{fact}]'", key=True
                )
        for i, result in enumerate(ward.ket_qua):
            if result.nguon is None:
                yield r.warning(ward, ("ket_qua", i), "số liệu chưa ghi nguồn (nguon)")
            if result.pham_vi is None:
                yield r.warning(ward, ("ket_qua", i), "chưa ghi số liệu đếm những hồ sơ nào (pham_vi)")
    district = catalog.district
    if district:
        for fact in ("dia_chi", "dien_thoai", "email"):
            if getattr(district, fact) and not any(fact in source.ve for source in district.nguon):
                yield r.warning(
                    district,
                    (fact,),
                    f"{evidence.CONTACT_LABELS[fact]} của quận chưa ghi nguồn: thêm vào nguon một nguồn có "
                    f"'ve: [{fact}]'",
                    key=True,
                )


_ISSUER = {"quan": "quận", "phuong": "phường", "phap_luat": "pháp luật"}


def check_completeness(catalog: Catalog, r: _Reporter) -> Iterator[Problem]:
    """Warnings: facts still unknown, files without their schema line."""
    district = catalog.district
    if district:
        yield from _warn_missing(r, district, {"dien_thoai": "số điện thoại", "nguon": "nguồn (nguon)"})
        if district.mo_hinh.van_ban_trien_khai is None:
            yield r.warning(district, ("mo_hinh",), "chưa có văn bản triển khai mô hình (van_ban_trien_khai)")
        if district.cong_bo.email is None and district.cong_bo.bieu_mau is None:
            yield r.warning(
                district,
                ("cong_bo",),
                "chưa có nơi nhận báo thông tin sai (cong_bo.email hoặc cong_bo.bieu_mau); chân trang sẽ không ghi",
                key=True,
            )
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
        if rules.life(ward.hieu_luc).end is None:  # an ended ward's contact is no longer sought
            yield from _warn_missing(
                r,
                ward,
                {
                    "dia_chi": "địa chỉ",
                    "dien_thoai": "số điện thoại",
                    "gio_lam_viec": "giờ làm việc",
                },
            )
        if ward.nguoi_ky.ho_ten is None and ward.thu_tuc_khong_cho and rules.life(ward.hieu_luc).end is None:
            yield r.warning(ward, ("nguoi_ky",), "chưa có họ tên người ký thông báo (nguoi_ky.ho_ten)")
        undated = [
            (i, a.thu_tuc) for i, a in enumerate(ward.thu_tuc_khong_cho) if a.tu_ngay is None and a.nguon is not None
        ]
        if undated:  # one line per ward, not per procedure: the fix is the same
            names = ", ".join(name for _, name in undated)
            yield r.warning(
                ward,
                ("thu_tuc_khong_cho", undated[0][0]),
                f"chưa có ngày bắt đầu áp dụng không chờ (tu_ngay); thủ tục: {names}",
            )
    records = [district] if district else []
    if catalog.library:
        records.append(catalog.library)
    for record in (*records, *catalog.procedures.values(), *catalog.wards.values()):
        document = catalog.source(record)
        if not document.header.startswith(SCHEMA_COMMENT):
            yield r.warning(
                record, (), "dòng đầu nên là '# yaml-language-server: $schema=...' để trình soạn thảo gợi ý trường"
            )


CHECKS: tuple[Callable[[Catalog, _Reporter], Iterator[Problem]], ...] = (
    check_ids,
    check_ward_names,
    check_lifetimes,
    check_references,
    check_services,
    check_procedures,
    check_hours,
    check_dates,
    check_legal_references,
    check_evidence,
    check_wording,
    check_completeness,
)


def run(catalog: Catalog) -> list[Problem]:
    """Every cross-record problem of the catalog."""
    reporter = _Reporter(catalog)
    return [problem for check in CHECKS for problem in check(catalog, reporter)]


def review_overdue(catalog: Catalog, day: date, severity: Severity = Severity.ERROR) -> Problem | None:
    """The catalog was last reviewed longer ago than the district allows (cong_bo.han_ra_soat days).

    A publishing build on ``day`` stops on it (an error); other builds only report it.
    """
    district = catalog.district
    if district is None:
        return None
    age = (day - district.ngay_ra_soat).days
    limit = district.cong_bo.han_ra_soat
    if age <= limit:
        return None
    message = (
        f"danh mục rà soát lần cuối ngày {_vn(district.ngay_ra_soat)}, đã {age} ngày, quá hạn {limit} ngày "
        "(cong_bo.han_ra_soat); hãy rà soát lại các tệp rồi ghi ngày rà soát mới"
    )
    return catalog.source(district).problem(("ngay_ra_soat",), message, severity=severity)
