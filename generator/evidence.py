"""Evidence: whether each published claim is sourced, derived (with a reason), or unknown.

A claim is *sourced* when a source says it (a legal text of the library, an article, a notice),
*derived* when no source says it but the catalog states why it is shown (the district's directive
to all wards), *unsourced* when a value is given with neither (``check`` warns), and *unknown*
when there is no value (pages say "đang cập nhật"). Checks, the per-ward report and the pages all
classify through this module.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from . import fmt
from .catalog import Catalog
from .model import Adoption, Basis, Dated, LegalRef, Source, Ward


class Kind(StrEnum):
    SOURCED = "có nguồn"
    DERIVED = "suy ra"
    UNSOURCED = "thiếu nguồn"
    UNKNOWN = "chưa biết"


CONTACT_LABELS = {
    "dia_chi": "địa chỉ",
    "dien_thoai": "điện thoại",
    "email": "thư điện tử",
    "gio_lam_viec": "giờ làm việc",
}


def adoption(item: Adoption) -> Kind:
    """A ward's adoption of a procedure: published, inferred from the district's directive, or neither."""
    if item.nguon:
        return Kind.SOURCED
    return Kind.DERIVED if item.suy_ra else Kind.UNSOURCED


def own_rules(item: Adoption) -> Kind | None:
    """A ward's own cut-off, limits or conditions for a procedure (None when it has none).

    Sourced by the adoption's source, or, for added conditions only, each by its own basis.
    """
    if item.gio_tiep_nhan_cuoi is None and not item.gioi_han and not item.dieu_kien_them:
        return None
    if item.nguon:
        return Kind.SOURCED
    if item.gio_tiep_nhan_cuoi is None and not item.gioi_han:
        kinds = {basis(extra.can_cu) for extra in item.dieu_kien_them}
        return Kind.UNSOURCED if Kind.UNSOURCED in kinds else Kind.DERIVED if Kind.DERIVED in kinds else Kind.SOURCED
    return Kind.UNSOURCED


def basis(value: Basis) -> Kind:
    """A condition's basis: the law (sourced by the library), or a rule of the district or ward."""
    if value.loai == "phap_luat" or value.nguon:
        return Kind.SOURCED
    return Kind.DERIVED if value.suy_ra else Kind.UNSOURCED


def contact(ward: Ward, fact: str) -> Kind:
    """A contact fact of a ward: sourced when one of the ward's sources says it covers the fact."""
    value = getattr(ward, fact)
    if not value:
        return Kind.UNKNOWN
    return Kind.SOURCED if any(fact in source.ve for source in ward.nguon) else Kind.UNSOURCED


@dataclass(frozen=True)
class WardReport:
    """One row of ``check --bao-cao``: what is sourced, derived and missing at one ward."""

    ward: Ward
    adoptions: dict[Kind, int]
    own_rules: dict[Kind, int]
    contacts: dict[str, Kind]
    results: dict[Kind, int]


def _count(kinds: list[Kind]) -> dict[Kind, int]:
    return {kind: kinds.count(kind) for kind in Kind if kind in kinds}


def report(catalog: Catalog) -> list[WardReport]:
    """The evidence of every ward, in id order."""
    rows = []
    for ward in catalog.wards.values():
        own = [kind for kind in (own_rules(a) for a in ward.thu_tuc_khong_cho) if kind is not None]
        results = [Kind.SOURCED if r.nguon else Kind.UNSOURCED for r in ward.ket_qua]
        rows.append(
            WardReport(
                ward,
                _count([adoption(a) for a in ward.thu_tuc_khong_cho]),
                _count(own),
                {fact: contact(ward, fact) for fact in CONTACT_LABELS},
                _count(results),
            )
        )
    return rows


_SHORT = {Kind.SOURCED: "nguồn", Kind.DERIVED: "suy ra", Kind.UNSOURCED: "THIẾU NGUỒN", Kind.UNKNOWN: "chưa biết"}
_COLUMNS = (
    "Phường",
    "Thủ tục áp dụng",
    "Điều kiện riêng",
    "Địa chỉ",
    "Điện thoại",
    "Thư điện tử",
    "Giờ làm việc",
    "Kết quả",
)


def _counts(counts: dict[Kind, int]) -> str:
    return ", ".join(f"{n} {_SHORT[kind]}" for kind, n in counts.items()) or "—"


def _name(ward: Ward) -> str:
    """The ward with its dates, so namesakes (Cửa Nam until 2025, Cửa Nam from 2025) read apart."""
    life = ward.hieu_luc
    if life.den_ngay:
        return f"{ward.full_name} (đến {fmt.day(life.den_ngay)})"
    return f"{ward.full_name} (từ {fmt.day(life.tu_ngay)})" if life.tu_ngay else ward.full_name


def report_text(catalog: Catalog) -> str:
    """``check --bao-cao``: a table, one row per ward, of what is sourced, derived and missing."""
    wards = report(catalog)
    rows = [
        [
            _name(row.ward),
            _counts(row.adoptions),
            _counts(row.own_rules),
            *(_SHORT[row.contacts[fact]] for fact in ("dia_chi", "dien_thoai", "email", "gio_lam_viec")),
            _counts(row.results),
        ]
        for row in wards
    ]
    widths = [max(len(cell) for cell in column) for column in zip(_COLUMNS, *rows, strict=False)]
    lines = [
        "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=True)).rstrip()
        for cells in [list(_COLUMNS), ["-" * w for w in widths], *rows]
    ]
    published = sum(1 for row in wards if row.adoptions.get(Kind.SOURCED))
    derived = sum(
        1 for row in wards if row.adoptions and not row.adoptions.get(Kind.SOURCED) and row.adoptions.get(Kind.DERIVED)
    )
    lines += [
        "",
        f"{published} phường có nguồn cho danh mục thủ tục; {derived} phường suy ra theo chỉ đạo của quận.",
        "nguồn: có nguồn trong danh mục; suy ra: không nguồn nào nói, ghi kèm lý do (suy_ra); "
        "THIẾU NGUỒN: có giá trị nhưng không có nguồn hay lý do; chưa biết: để trống, trang web ghi 'đang cập nhật'.",
        *where_lines(catalog),
    ]
    return "\n".join(lines)


def _period(item: Dated) -> str:
    if item.tu_ngay and item.den_ngay:
        return f" ({fmt.day(item.tu_ngay)} – {fmt.day(item.den_ngay)})"
    if item.tu_ngay:
        return f" (từ {fmt.day(item.tu_ngay)})"
    return f" (đến {fmt.day(item.den_ngay)})" if item.den_ngay else ""


def _ref(ref: LegalRef | Source) -> str:
    """A basis or source as an editor checks it: the article and number, or the article's name and date."""
    if ref.van_ban:
        return f"{fmt.article(ref.dieu)} {ref.van_ban}" if ref.dieu else f"{ref.van_ban} (chưa ghi điều, khoản)"
    when = fmt.day(ref.ngay) if ref.ngay else (f"năm {ref.nam}" if ref.nam else "chưa ghi ngày")
    return ", ".join(part for part in (ref.ten, ref.co_quan, when) if part)


def where_lines(catalog: Catalog) -> list[str]:
    """Where to go, with the basis of each fact: the law's rule per procedure, what must be done in
    person, the province's reception rules and helplines, the working week, and the wards' other
    addresses. The model requires a basis or source for each, so none can be unsourced."""
    lines = ["", "Nơi làm thủ tục, nơi tiếp nhận, ngày làm việc (mỗi thông tin với căn cứ hoặc nguồn):"]
    for procedure in catalog.procedures.values():
        if not procedure.noi_tiep_nhan:
            lines.append(f"- {procedure.short_name}: nơi làm thủ tục chưa biết")
        for rule in procedure.noi_tiep_nhan:
            lines.append(f"- {procedure.short_name}, nơi làm thủ tục{_period(rule)}: {_ref(rule.can_cu)}")
        for need in procedure.phai_truc_tiep:
            lines.append(f"- {procedure.short_name}, phải làm trực tiếp{_period(need)}: {_ref(need.can_cu)}")
    district = catalog.district
    if district and district.tuan_lam_viec:
        lines.append(f"- Ngày làm việc trong tuần: {_ref(district.tuan_lam_viec.can_cu)}")
    for rule in district.tiep_nhan if district else []:
        lines.append(f"- Nơi tiếp nhận, {rule.id or 'quy định'}{_period(rule)}: {_ref(rule.nguon)}")
    for line in district.ho_tro if district else []:
        lines.append(f"- {line.ten}{_period(line)}: {_ref(line.nguon)}")
    for ward in catalog.wards.values():
        for place in ward.dia_diem:
            lines.append(f"- {_name(ward)}, {place.dia_chi}{_period(place)}: {_ref(place.nguon)}")
    return lines
