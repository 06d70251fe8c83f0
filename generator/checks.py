"""Checks stage: rules across records, run after every file has been validated.

Each check is a generator of problems; ``run`` collects them all. Checks read records from the
catalog and attach positions from the document each record was read from. How a ward's settings
combine with a procedure is the rule book's (rules.py); ``check_services`` reports what it refuses.
"""

from __future__ import annotations

import difflib
import itertools
import re
import unicodedata
from collections.abc import Callable, Iterator
from datetime import date, timedelta

from . import dated, editions, evidence, fmt, rules
from .catalog import Catalog
from .dated import Period
from .load import Loc
from .model import SLUG_PATTERN, WEEKDAYS, Adoption, Basis, Citation, Dated, District, LegalRef, Record, Source, Ward
from .problems import Problem, Severity

SCHEMA_COMMENT = "# yaml-language-server: $schema="


_vn = fmt.day


class _Reporter:
    def __init__(self, catalog: Catalog):
        self.catalog = catalog

    def error(self, record: object, loc: Loc, message: str, *, key: bool = False) -> Problem:
        return self.catalog.source(record).problem(loc, message, key=key)

    def warning(self, record: object, loc: Loc, message: str, *, key: bool = False) -> Problem:
        return self.catalog.source(record).problem(loc, message, key=key, severity=Severity.WARNING)


RESERVED_IDS = {
    "procedure": frozenset({"index", "thay-doi"}),
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
    """No two wards with the same name at the same time (old and new Cửa Nam follow each other)."""
    seen: dict[str, list[Ward]] = {}
    for ward in catalog.wards.values():
        key = name_key(ward.ten)
        same = [other for other in seen.get(key, []) if dated.life(other.hieu_luc).overlaps(dated.life(ward.hieu_luc))]
        if same:
            yield r.error(
                ward,
                ("ten",),
                f"tên phường '{ward.ten}' đã có ở tệp {catalog.source(same[0]).display} trong cùng thời gian; "
                "hai phường trùng tên phải có thời gian hiệu lực (hieu_luc) nối tiếp nhau",
            )
        seen.setdefault(key, []).append(ward)


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
                if dated.life(ward.hieu_luc).state(day_after) is not dated.State.IN_FORCE:
                    yield r.error(
                        unit,
                        loc,
                        f"phường '{successor.phuong}' không có hiệu lực vào ngày {_vn(day_after)}, ngày sau ngày cuối; "
                        f"hiệu lực của phường đó: {dated.life(ward.hieu_luc).text()}",
                    )
    for ward in catalog.wards.values():
        alive = dated.life(ward.hieu_luc)
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
                if day and alive.state(day) is not dated.State.IN_FORCE:
                    yield r.error(
                        ward,
                        (*base, field),
                        f"ngày {_vn(day)} nằm ngoài thời gian phường có hiệu lực ({alive.text()})",
                    )
        for i, result in enumerate(ward.ket_qua):
            for field, day in (("tu_ngay", result.tu_ngay), ("den_ngay", result.den_ngay)):
                if alive.state(day) is not dated.State.IN_FORCE:
                    yield r.error(
                        ward,
                        ("ket_qua", i, field),
                        f"kỳ số liệu ngày {_vn(day)} nằm ngoài thời gian phường có hiệu lực ({alive.text()})",
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
            for finding in rules.findings(procedure, adoption, catalog.district):
                yield r.error(ward, ("thu_tuc_khong_cho", i, *finding.loc), finding.message)


def check_procedures(catalog: Catalog, r: _Reporter) -> Iterator[Problem]:
    """Fee caps at least the rates (one channel per kind and condition ids unique: check_versions)."""
    for procedure in catalog.procedures.values():
        for i, channel in enumerate(procedure.cach_thuc_thuc_hien):
            for j, fee in enumerate(channel.le_phi):
                top = max(tier.so_tien for tier in fee.bac)
                if fee.toi_da is not None and fee.toi_da < top:
                    yield r.error(
                        procedure,
                        ("cach_thuc_thuc_hien", i, "le_phi", j, "toi_da"),
                        f"mức tối đa ({fee.toi_da}) không được nhỏ hơn mức thu ({top})",
                    )


def search_key(name: str) -> str:
    """A name as the search box reads it (docs/assets/search.js): no marks, "đ" as "d", words only."""
    bare = "".join(c for c in unicodedata.normalize("NFD", name.casefold()) if not unicodedata.combining(c))
    return " ".join(re.split(r"\W+", bare.replace("đ", "d"))).strip()


def check_everyday_names(catalog: Catalog, r: _Reporter) -> Iterator[Problem]:
    """An everyday name leads to one procedure: not another procedure's name, nor one outside the catalog."""
    owners: dict[str, str] = {}
    for procedure in catalog.procedures.values():
        for name in (procedure.ten, procedure.short_name):
            owners.setdefault(search_key(name), procedure.id)
    outside = catalog.district.thu_tuc_ngoai_danh_muc if catalog.district else None
    others = {
        search_key(name): other.ma
        for other in (outside.thu_tuc if outside else [])
        for name in (re.sub(r"^Thủ tục\s+", "", other.ten), *other.tu_khoa)
    }
    codes = {p.ma_thu_tuc: p.id for p in catalog.procedures.values() if p.ma_thu_tuc}
    for i, other in enumerate(outside.thu_tuc if outside else []):
        if other.ma in codes:
            yield r.error(
                catalog.district,
                ("thu_tuc_ngoai_danh_muc", "thu_tuc", i, "ma"),
                f"thủ tục mã {other.ma} đã có trong danh mục ('{codes[other.ma]}'); hãy xóa mục này",
            )
    for procedure in catalog.procedures.values():
        for i, name in enumerate(procedure.ten_thuong_goi):
            key = search_key(name.ten)
            owner = owners.setdefault(key, procedure.id)
            if owner != procedure.id:
                yield r.error(
                    procedure,
                    ("ten_thuong_goi", i, "ten"),
                    f"tên “{name.ten}” đã dùng cho thủ tục '{owner}'; ô tìm kiếm không biết dẫn tới thủ tục nào",
                )
            elif key in others:
                yield r.error(
                    procedure,
                    ("ten_thuong_goi", i, "ten"),
                    f"tên “{name.ten}” cũng là tên của thủ tục ngoài danh mục mã {others[key]}"
                    " (thu_tuc_ngoai_danh_muc trong district.yaml)",
                )


def check_hours(catalog: Catalog, r: _Reporter) -> Iterator[Problem]:
    """Sessions of one weekday that hold on the same days do not overlap (at most 21 sessions a ward)."""
    for ward in catalog.wards.values():
        overlaps: list[tuple[int, int, str]] = []
        for day in WEEKDAYS:
            sessions = sorted((s.tu, s.den, i) for i, s in enumerate(ward.gio_lam_viec) if day in s.ngay)
            for later, (start, _, i) in enumerate(sessions):
                for other_start, other_end, j in sessions[:later]:
                    same_days = dated.period(ward.gio_lam_viec[i]).overlaps(dated.period(ward.gio_lam_viec[j]))
                    if start < other_end and same_days and other_start <= start:
                        overlaps.append((i, j, day))
                        break
        if not overlaps:
            continue
        i, j, day = min(overlaps)
        session, other = ward.gio_lam_viec[i], ward.gio_lam_viec[j]
        more = f" (và {len(overlaps) - 1} chỗ trùng khác)" if len(overlaps) > 1 else ""
        yield r.error(
            ward,
            ("gio_lam_viec", i),
            f"buổi làm việc {fmt.clock(session.tu)}–{fmt.clock(session.den)} ngày {day} trùng với buổi "
            f"{fmt.clock(other.tu)}–{fmt.clock(other.den)} (gio_lam_viec[{j}]){more}",
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
    """Every legal number a record cites (LegalRef.van_ban, Basis.van_ban, Source.van_ban), with where it is."""
    for loc, value in _walk(record):
        if isinstance(value, LegalRef | Basis | Source) and value.van_ban:
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


PROVINCE_FIELDS = ("tuan_lam_viec", "tiep_nhan", "ho_tro")
"""Fields of district.yaml about the province or city: they outlive the district."""


def _owned_records(catalog: Catalog) -> Iterator[tuple[Record, Period]]:
    """Each record that holds dated facts, with the days it holds (a ward's life; the catalog's span).

    district.yaml is yielded twice: its own facts within its life, the province's within the catalog's span.
    """
    floor = Period(catalog.district.danh_muc_tu_ngay if catalog.district else None)
    district = catalog.district
    if district:
        own = {name: None for name in PROVINCE_FIELDS}
        yield district.model_copy(update=own), floor & dated.life(district.hieu_luc)
        province = {name: None for name in type(district).model_fields if name not in PROVINCE_FIELDS}
        yield district.model_copy(update=province), floor
    for procedure in catalog.procedures.values():
        yield procedure, floor
    for ward in catalog.wards.values():
        yield ward, floor & dated.life(ward.hieu_luc)


def _owner(record: Record, loc: Loc, base: Period) -> Period:
    """The days the records around ``loc`` allow: ``base`` narrowed by every dated record or adoption on the way."""
    period, value = base, record
    for part in loc:
        value = value[part] if isinstance(part, int) else getattr(value, part)
        if isinstance(value, Dated | Adoption):
            period = period & dated.period(value)
    return period


_WHAT = {"tu_ngay": "ngày bắt đầu", "den_ngay": "ngày cuối"}


def check_versions(catalog: Catalog, r: _Reporter) -> Iterator[Problem]:
    """Dated facts: days in order, inside what holds them, with a source; versions of one fact in a row."""
    for record, base in _owned_records(catalog):
        for loc, item in dated.dated_items(record):
            if not item.dated:
                continue
            here = dated.period(item)
            if here.empty:
                yield r.error(
                    record,
                    (*loc, "den_ngay"),
                    f"ngày cuối ({_vn(item.den_ngay)}) phải bằng hoặc sau ngày bắt đầu ({_vn(item.tu_ngay)})",
                )
                continue
            owner = _owner(record, loc[:-1], base)
            for field in ("tu_ngay", "den_ngay"):
                day = getattr(item, field)
                if day and owner.state(day) is not dated.State.IN_FORCE:
                    yield r.error(
                        record,
                        (*loc, field),
                        f"{_WHAT[field]} {_vn(day)} nằm ngoài thời gian của mục chứa nó ({owner.text()})",
                    )
            if item.nguon is None and not _legal_basis(item):
                yield r.error(
                    record,
                    (*loc, "tu_ngay" if item.tu_ngay else "den_ngay"),
                    "thông tin có ngày bắt đầu, ngày cuối phải ghi nguồn của các ngày đó "
                    "(nguon: văn bản hoặc bài viết)",
                )
            elif item.nguon is not None and item.tu_ngay and not _legal_basis(item):
                published = dated.source_day(item.nguon, catalog.laws)
                if published and published > item.tu_ngay:
                    yield r.warning(
                        record,
                        (*loc, "nguon"),
                        f"nguồn duy nhất của phiên bản này công bố ngày {_vn(published)}, sau ngày bắt đầu "
                        f"{_vn(item.tu_ngay)}; nếu có, hãy thêm nguồn công bố từ thời điểm đó",
                    )
        for loc, items in dated.lists(record):
            yield from _version_order(record, loc, items, r)


def _legal_basis(item: Dated) -> bool:
    """A citation, or a record whose own legal basis dates it (a condition's or a fee's ``can_cu``)."""
    if isinstance(item, Citation):
        return True
    basis = getattr(item, "can_cu", None)
    return isinstance(basis, LegalRef | Basis) and basis.van_ban is not None


def _version_order(record: Record, loc: Loc, items: list[Dated], r: _Reporter) -> Iterator[Problem]:
    """Versions of one fact (same key) follow each other: no overlap, no gap between them."""
    for key, indexes in dated.version_groups(items).items():
        ordered = sorted(indexes, key=lambda i: (items[i].tu_ngay or date.min, i))
        for previous, current in itertools.pairwise(ordered):
            first, second = dated.period(items[previous]), dated.period(items[current])
            where = f"{format_index(loc, previous)}"
            if first.overlaps(second) and not (items[previous].dated or items[current].dated):
                field = items[current].VERSION_FIELD
                yield r.error(
                    record,
                    (*loc, current, field),
                    f"{_KEY_WORDS.get(field, 'mã')} '{key}' đã có ở {where}; mỗi thông tin chỉ ghi một lần (khi "
                    "thông tin đổi theo ngày: ghi các phiên bản nối tiếp nhau, mỗi phiên bản có tu_ngay, den_ngay)",
                )
            elif first.overlaps(second):
                yield r.error(
                    record,
                    (*loc, current, "tu_ngay" if items[current].tu_ngay else items[current].VERSION_FIELD),
                    f"'{key}' đã có ở {where} trong cùng thời gian ({first.text()}); các phiên bản của một "
                    "thông tin phải nối tiếp nhau: ghi den_ngay cho phiên bản trước, tu_ngay cho phiên bản sau",
                )
            elif first.end and second.start and second.start > dated.after(first.end):
                yield r.error(
                    record,
                    (*loc, current, "tu_ngay"),
                    f"giữa phiên bản '{key}' ở {where} (đến {_vn(first.end)}) và phiên bản này (từ "
                    f"{_vn(second.start)}) còn khoảng trống; phiên bản sau phải bắt đầu ngày "
                    f"{_vn(dated.after(first.end))}",
                )


_KEY_WORDS = {"id": "mã", "kenh": "cách thức", "van_ban": "văn bản"}


def format_index(loc: Loc, index: int) -> str:
    """Where a list item is, as the editor reads it: 'thanh_phan_ho_so[0]'."""
    from .load import format_loc

    return format_loc((*loc, index))


def _citations(value: object, loc: Loc, period: Period) -> Iterator[tuple[Loc, str, Period, bool]]:
    """Every legal number that ``value`` cites (fields and prose), with the days it is cited for.

    Sources are left out: evidence may be later than what it proves (check_versions warns).
    The flag is True for a number written in prose.
    """
    if isinstance(value, Source):
        return
    if isinstance(value, Dated | Adoption):
        period = period & dated.period(value)
    if isinstance(value, LegalRef | Basis) and value.van_ban:
        yield (*loc, "van_ban"), value.van_ban, period, False
    if isinstance(value, Record):
        for name in type(value).model_fields:
            if isinstance(value, LegalRef | Basis) and name == "van_ban":
                continue
            yield from _citations(getattr(value, name), (*loc, name), period)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from _citations(item, (*loc, i), period)
    elif isinstance(value, dict):
        for key, item in value.items():
            yield from _citations(item, (*loc, key), period)
    elif isinstance(value, str):
        for number in dated.numbers_in(value):
            yield loc, number, period, True


def check_citations(catalog: Catalog, r: _Reporter) -> Iterator[Problem]:
    """A fact cites only legal texts in force for all its days (an amendment only from its day on)."""
    laws = catalog.laws
    if not laws or catalog.district is None:
        return  # without the district, the catalog's first day is unknown (its own error says why)
    for record, base in _owned_records(catalog):
        for loc, number, days, prose in _citations(record, (), base):
            text = laws.get(number)
            if text is None:
                if prose:
                    yield r.error(
                        record,
                        loc,
                        f"nội dung nhắc văn bản '{number}' chưa có trong procedures/van-ban.yaml; hãy thêm văn bản "
                        "đó (tên đầy đủ, ngày ban hành, ngày có hiệu lực)",
                    )
                continue  # a citation field: check_legal_references says so
            force = dated.text_period(text)
            if force.start is None or days.empty:
                continue  # check_library asks for the date
            if not days.within(force):
                yield r.error(
                    record,
                    loc,
                    f"văn bản '{number}' có hiệu lực {force.text()}, nhưng được dẫn cho thời gian "
                    f"{days.text()}; hãy ghi tu_ngay, den_ngay cho mục này để chỉ dẫn văn bản khi văn bản "
                    "có hiệu lực",
                )
    library = catalog.library
    if library is None:
        return
    for i, text in enumerate(library.van_ban):
        own = dated.text_period(text)
        for loc, number, _, _prose in _citations(text.ghi_chu or "", ("van_ban", i, "ghi_chu"), own):
            if number != text.so_ky_hieu:
                yield r.error(
                    library,
                    loc,
                    f"ghi chú nhắc văn bản '{number}'; việc sửa đổi, thay thế ghi ở sua_doi_boi, thay_the_boi "
                    "(kèm ngày), không ghi trong ghi chú",
                )


def check_library(catalog: Catalog, r: _Reporter) -> Iterator[Problem]:
    """Each legal text says when it was issued and in force; amendments and replacements are texts of
    the library and take effect while the text they change is in force."""
    library = catalog.library
    if library is None:
        return
    laws = catalog.laws
    for i, text in enumerate(library.van_ban):
        loc = ("van_ban", i)
        if text.hieu_luc_tu is None and text.ngay is None:
            yield r.error(
                library,
                (*loc, "so_ky_hieu"),
                f"văn bản '{text.so_ky_hieu}' chưa ghi ngày có hiệu lực (hieu_luc_tu); trang web cần ngày đó để "
                "chỉ dẫn văn bản khi văn bản đang có hiệu lực",
            )
        elif text.hieu_luc_tu is None:
            yield r.warning(
                library,
                (*loc, "so_ky_hieu"),
                f"văn bản '{text.so_ky_hieu}' chưa ghi ngày có hiệu lực (hieu_luc_tu); trang web tạm coi văn bản "
                f"có hiệu lực từ ngày ban hành ({_vn(text.ngay)})",
            )
        if text.ngay and text.hieu_luc_tu and text.hieu_luc_tu < text.ngay:
            yield r.error(
                library,
                (*loc, "hieu_luc_tu"),
                f"ngày có hiệu lực ({_vn(text.hieu_luc_tu)}) không được trước ngày ban hành ({_vn(text.ngay)})",
            )
        start = text.hieu_luc_tu or text.ngay
        if text.hieu_luc_den and start and text.hieu_luc_den < start:
            yield r.error(
                library,
                (*loc, "hieu_luc_den"),
                f"ngày hết hiệu lực ({_vn(text.hieu_luc_den)}) phải sau ngày có hiệu lực ({_vn(start)})",
            )
        if text.thay_the_boi and text.thay_the_boi not in laws:
            yield r.error(
                library, (*loc, "thay_the_boi"), f"văn bản '{text.thay_the_boi}' chưa có trong procedures/van-ban.yaml"
            )
        for j, amendment in enumerate(text.sua_doi_boi):
            where = (*loc, "sua_doi_boi", j)
            amending = laws.get(amendment.van_ban)
            if amending is None:
                yield r.error(
                    library,
                    (*where, "van_ban"),
                    f"văn bản sửa đổi '{amendment.van_ban}' chưa có trong procedures/van-ban.yaml; hãy thêm văn bản đó",
                )
                continue
            effective = amendment.tu_ngay or amending.hieu_luc_tu
            if effective is None:
                continue  # the amending text's own entry says its date is missing
            if amending.hieu_luc_tu and effective < amending.hieu_luc_tu:
                yield r.error(
                    library,
                    (*where, "tu_ngay"),
                    f"sửa đổi không thể có hiệu lực ({_vn(effective)}) trước văn bản sửa đổi "
                    f"'{amendment.van_ban}' ({_vn(amending.hieu_luc_tu)})",
                )
            if not dated.text_period(text).holds(effective):
                yield r.error(
                    library,
                    (*where, "tu_ngay"),
                    f"ngày {_vn(effective)} nằm ngoài thời gian văn bản '{text.so_ky_hieu}' có hiệu lực "
                    f"({dated.text_period(text).text()})",
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


MAX_PROCEDURE_TEXT = 30_000
"""Characters of text in one procedure file: five times the largest real one (about 6,000)."""
MAX_WARD_TEXT = 60_000
"""Characters of text in one ward file (its page lists every adoption)."""
MAX_PAGE_TEXT = 40_000
"""Characters of catalog text on one ward × procedure page: the procedure and the ward's adoption."""


def _text_size(value: object) -> int:
    if isinstance(value, str):
        return len(value)
    if isinstance(value, dict):
        return sum(_text_size(item) for item in value.values())
    if isinstance(value, list | tuple):
        return sum(_text_size(item) for item in value)
    return 0


def check_sizes(catalog: Catalog, r: _Reporter) -> Iterator[Problem]:
    """Each field has a limit, and so does the whole: a file or a page within every field's limit
    can still be too long to read on a phone and make every build slow (issue 22)."""

    def over(record: object, loc: Loc, size: int, limit: int, what: str, advice: str) -> Problem:
        return r.error(
            record,
            loc,
            f"{what} có {fmt.number(size)} ký tự chữ, quá giới hạn {fmt.number(limit)} ký tự: trang web sẽ quá "
            f"dài để đọc trên điện thoại và mọi lần dựng đều chậm; {advice}",
        )

    sizes = {p.id: _text_size(p.model_dump(mode="json")) for p in catalog.procedures.values()}
    for procedure in catalog.procedures.values():
        if sizes[procedure.id] > MAX_PROCEDURE_TEXT:
            yield over(procedure, (), sizes[procedure.id], MAX_PROCEDURE_TEXT, "tệp thủ tục", "hãy viết gọn lại")
    for ward in catalog.wards.values():
        size = _text_size(ward.model_dump(mode="json"))
        if size > MAX_WARD_TEXT:
            yield over(ward, (), size, MAX_WARD_TEXT, "tệp phường", "hãy viết gọn các điều kiện riêng")
            continue
        for i, adoption in enumerate(ward.thu_tuc_khong_cho):
            page = sizes.get(adoption.thu_tuc, 0) + _text_size(adoption.model_dump(mode="json"))
            if sizes.get(adoption.thu_tuc, 0) <= MAX_PROCEDURE_TEXT and page > MAX_PAGE_TEXT:
                yield over(
                    ward,
                    ("thu_tuc_khong_cho", i),
                    page,
                    MAX_PAGE_TEXT,
                    f"trang thủ tục '{adoption.thu_tuc}' của phường (thủ tục và điều kiện riêng của phường)",
                    "hãy viết gọn các điều kiện riêng",
                )


CHECKS: tuple[Callable[[Catalog, _Reporter], Iterator[Problem]], ...] = (
    check_sizes,
    check_ids,
    check_ward_names,
    check_lifetimes,
    check_references,
    check_services,
    check_procedures,
    check_everyday_names,
    check_hours,
    check_dates,
    check_legal_references,
    check_library,
    check_versions,
    check_citations,
    check_evidence,
    check_wording,
    check_completeness,
)


def run(catalog: Catalog) -> list[Problem]:
    """Every cross-record problem of the catalog."""
    reporter = _Reporter(catalog)
    return [problem for check in CHECKS for problem in check(catalog, reporter)]


def gaps_on(catalog: Catalog, day: date) -> list[Problem]:
    """Warnings of what a reader of the site on ``day`` finds missing: the contact of each ward in
    force that day ('đang cập nhật' on its pages, a blank on its printed notice) and the signer of
    its notice. A ward not yet or no longer in force that day is not sought (issue 22: a 2022 build
    warned about the 2025 wards and said nothing of the 2022 notices' blank addresses)."""
    r = _Reporter(catalog)
    found: list[Problem] = []
    for ward in catalog.wards.values():
        if not dated.life(ward.hieu_luc).holds(day):
            continue
        posted = any(dated.adoption_period(ward, a).holds(day) for a in ward.thu_tuc_khong_cho)
        for name, what in (("dia_chi", "địa chỉ"), ("dien_thoai", "số điện thoại"), ("gio_lam_viec", "giờ làm việc")):
            if getattr(ward, name) in (None, []):
                where = "trang web sẽ ghi 'đang cập nhật'" + (", thông báo in sẽ để trống" if posted else "")
                found.append(r.warning(ward, (name,), f"chưa có {what}; {where}", key=True))
        if posted and ward.nguoi_ky.ho_ten is None:
            found.append(r.warning(ward, ("nguoi_ky",), "chưa có họ tên người ký thông báo (nguoi_ky.ho_ten)"))
    # The notices on the boards that are out of date (niem_yet): print and post the current one.
    found += editions.reprints(catalog, day, lambda ward, loc, message: r.warning(ward, loc, message))
    return found


def review_problems(
    catalog: Catalog, day: date, *, latest: date | None = None, severity: Severity = Severity.ERROR
) -> list[Problem]:
    """What a publishing build on ``day`` refuses about reviews (errors then; warnings otherwise):
    a catalog's review date after ``latest`` (default ``day``; a ward's is never later), and a review older
    than the district allows (cong_bo.han_ra_soat days), the catalog's and that of each ward in
    force on ``day``. A preview of a past day passes today as ``latest``: its later review is the
    point of a reconstruction, not a mistake."""
    latest = latest or day
    district = catalog.district
    if district is None:
        return []
    limit = district.cong_bo.han_ra_soat
    publishing = "" if severity is Severity.ERROR else "; lệnh đăng (make publish) sẽ từ chối"
    found = []

    def review(record: District | Ward, what: str, advice: str) -> None:
        reviewed = record.ngay_ra_soat
        if reviewed > latest:
            kind = "ngày rà soát ở tương lai (ngay_ra_soat)"
            message = (
                f"{what} ({_vn(reviewed)}) sau ngày {_vn(latest)}, ngày rà soát không được ở tương lai"
                f"{publishing}; hãy ghi ngày đã thật sự rà soát"
            )
        elif reviewed <= day and (day - reviewed).days > limit:
            kind = "ngày rà soát quá hạn (ngay_ra_soat)"
            message = (
                f"{what} là {_vn(reviewed)}, đã {(day - reviewed).days} ngày, quá hạn {limit} ngày "
                f"(cong_bo.han_ra_soat trong district.yaml){publishing}; {advice}"
            )
        else:
            return
        found.append(catalog.source(record).problem(("ngay_ra_soat",), message, severity=severity, kind=kind))

    review(district, "ngày rà soát danh mục", "hãy rà soát lại các tệp rồi ghi ngày rà soát mới")
    # A ward's date is never after the catalog's (check_dates): only its age is its own.
    for ward in catalog.wards.values():
        if dated.life(ward.hieu_luc).holds(day) and ward.ngay_ra_soat <= latest:
            review(ward, "ngày rà soát của phường", "hãy rà soát lại tệp này rồi ghi ngày rà soát mới")
    return found
