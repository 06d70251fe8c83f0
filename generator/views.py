"""What a page shows, computed once from the catalog: effective conditions, fees, hours.

Renderers (site pages, notices, browser JSON) read these views, so a rule such as "a ward's own
limit replaces the district's" lives in one place.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date, time

from .catalog import Catalog
from .model import (
    UNIT_NAMES,
    WEEKDAYS,
    Adoption,
    Basis,
    Condition,
    CutOffCondition,
    Fee,
    LimitCondition,
    Procedure,
    Promise,
    Result,
    Ward,
    YesNoCondition,
)

WEEKDAY_NAMES = {
    "thu_2": "Thứ Hai",
    "thu_3": "Thứ Ba",
    "thu_4": "Thứ Tư",
    "thu_5": "Thứ Năm",
    "thu_6": "Thứ Sáu",
    "thu_7": "Thứ Bảy",
    "chu_nhat": "Chủ Nhật",
}
CHANNEL_NAMES = {"truc_tiep": "Nộp trực tiếp", "truc_tuyen": "Nộp trực tuyến", "buu_chinh": "Nộp qua bưu chính"}
BASIS_NAMES = {"phap_luat": "Quy định pháp luật", "quan": "Quy định của quận", "phuong": "Quy định của phường"}


def vnd(amount: int) -> str:
    """2000 -> '2.000 đ' (Vietnamese thousands separator)."""
    return f"{amount:,} đ".replace(",", ".")


def number(value: int) -> str:
    """4063 -> '4.063'."""
    return f"{value:,}".replace(",", ".")


def vn_date(day: date) -> str:
    """date(2022, 5, 14) -> '14/05/2022'."""
    return f"{day:%d/%m/%Y}"


def clock(value: time) -> str:
    return f"{value:%H:%M}"


def basis_text(basis: Basis) -> str:
    """'Nghị định 23/2015/NĐ-CP, Điều 21' or 'Quy định của quận'."""
    if basis.loai == "phap_luat":
        return ", ".join(part for part in (basis.van_ban, basis.dieu) if part)
    parts = [BASIS_NAMES[basis.loai]]
    if basis.van_ban:
        parts.append(", ".join(part for part in (basis.van_ban, basis.dieu) if part))
    return " — ".join(parts)


@dataclass(frozen=True)
class ConditionView:
    """A no-wait condition as it applies at one ward."""

    id: str
    kind: str
    text: str
    basis: str
    short: str | None = None
    """One-line wording for the printed notice, when the catalog gives one."""
    cutoff: time | None = None
    limit: int | None = None
    unit: str | None = None
    question: str | None = None
    expected: bool | None = None
    own: bool = False
    """True when the ward added or tightened this condition."""


@dataclass(frozen=True)
class FeeView:
    """A fee with its plain-words rule and worked examples."""

    fee: Fee
    rules: list[str]
    examples: list[tuple[str, str]]
    exemptions: list[str]


@dataclass(frozen=True)
class SessionRow:
    day: str
    sessions: list[str]


@dataclass(frozen=True)
class ResultView:
    result: Result
    share: str


@dataclass(frozen=True)
class Service:
    """One procedure at one ward: everything its page needs."""

    ward: Ward
    procedure: Procedure
    adoption: Adoption
    conditions: list[ConditionView]
    exclusions: list[str]
    fees: list[FeeView] = field(default_factory=list)


def _unit(unit: str) -> str:
    return UNIT_NAMES.get(unit, unit)


def fee_view(fee: Fee) -> FeeView:
    """Rules in words and worked examples, computed by ``Fee.amount``."""
    unit = _unit(fee.tinh_theo)
    if fee.is_free:
        rules = ["Miễn lệ phí" + (f" ({fee.ap_dung})" if fee.ap_dung else "")]
        return FeeView(fee, rules, [], [_exemption(e.doi_tuong, e.can_cu.so_ky_hieu) for e in fee.mien_giam])
    rules = []
    for index, tier in enumerate(fee.bac):
        following = fee.bac[index + 1].tu - 1 if index + 1 < len(fee.bac) else None
        if len(fee.bac) == 1:
            span = ""
        elif following is None:
            span = f" từ {unit} thứ {tier.tu}"
        elif following == tier.tu:
            span = f" cho {unit} thứ {tier.tu}"
        else:
            span = f" cho {unit} thứ {tier.tu} đến thứ {following}"
        rules.append(f"{vnd(tier.so_tien)} mỗi {unit}{span}")
    if fee.toi_da is not None:
        per = f" mỗi {_unit(fee.nhan_theo)}" if fee.nhan_theo else ""
        rules.append(f"tối đa {vnd(fee.toi_da)}{per}")
    if fee.ap_dung:
        rules.append(fee.ap_dung)
    counts = [1, 2, 3, 10] if len(fee.bac) > 1 else [1, 2, 3]
    if fee.toi_da is not None:
        capped = _first_capped(fee)
        if capped and capped not in counts:
            counts.append(capped)
    examples = [(f"{number(n)} {unit}", vnd(fee.amount(n))) for n in counts]
    if fee.nhan_theo:
        examples.append((f"3 {unit}, 2 {_unit(fee.nhan_theo)}", vnd(fee.amount(3, 2))))
    return FeeView(fee, rules, examples, [_exemption(e.doi_tuong, e.can_cu.so_ky_hieu) for e in fee.mien_giam])


def _first_capped(fee: Fee, limit: int = 1_000_000) -> int | None:
    """The smallest count whose fee reaches the cap (the fee never falls as the count grows)."""
    if fee.toi_da is None or fee.amount(limit) < fee.toi_da:
        return None
    low, high = 1, limit
    while low < high:  # binary search: a few dozen evaluations, whatever the tiers
        middle = (low + high) // 2
        if fee.amount(middle) >= fee.toi_da:
            high = middle
        else:
            low = middle + 1
    return low


def _exemption(who: str, basis: str) -> str:
    return f"{who} (căn cứ: {basis})"


def _condition_view(
    condition: Condition, default_cutoff: time | None, *, cutoff: time | None = None, limit: int | None = None
) -> ConditionView:
    """One condition as it applies: a ward's own cut-off or limit replaces the district's."""
    view = ConditionView(
        condition.id, condition.loai, condition.noi_dung, basis_text(condition.can_cu), condition.noi_dung_ngan
    )
    if isinstance(condition, CutOffCondition):
        return replace(view, cutoff=cutoff or condition.gio or default_cutoff, own=cutoff is not None)
    if isinstance(condition, LimitCondition):
        return replace(
            view,
            limit=limit or condition.toi_da,
            unit=_unit(condition.dai_luong),
            question=condition.cau_hoi,
            own=limit is not None,
        )
    if isinstance(condition, YesNoCondition):
        return replace(view, question=condition.cau_hoi, expected=condition.dap_an_dat)
    return view


def service(catalog: Catalog, ward: Ward, adoption: Adoption) -> Service:
    """The effective conditions of one adopted procedure at one ward."""
    procedure = catalog.procedures[adoption.thu_tuc]
    default = catalog.district.mac_dinh.gio_tiep_nhan_cuoi if catalog.district else None
    no_wait = procedure.khong_cho
    conditions = [
        _condition_view(c, default, cutoff=adoption.gio_tiep_nhan_cuoi, limit=adoption.gioi_han.get(c.id))
        for c in (no_wait.dieu_kien if no_wait else [])
    ]
    conditions += [replace(_condition_view(extra, default), own=True) for extra in adoption.dieu_kien_them]
    exclusions = [e.noi_dung for e in no_wait.truong_hop_khong_ap_dung] if no_wait else []
    fees = [fee_view(fee) for channel in procedure.cach_thuc_thuc_hien for fee in channel.le_phi]
    return Service(ward, procedure, adoption, conditions, exclusions, fees)


def promise_text(promise: Promise) -> str:
    """The promise in a few words, from its type: 'giải quyết ngay khi tiếp nhận'."""
    if promise.loai == "trong_so_phut":
        return f"giải quyết trong {promise.so_phut} phút"
    return "giải quyết ngay khi tiếp nhận"


def hours(ward: Ward) -> list[SessionRow]:
    """Opening hours by weekday, Monday first; empty when unknown."""
    rows = []
    for day in WEEKDAYS:
        sessions = sorted((s.tu, s.den) for s in ward.gio_lam_viec if day in s.ngay)
        if sessions:
            rows.append(SessionRow(WEEKDAY_NAMES[day], [f"{clock(a)}–{clock(b)}" for a, b in sessions]))
    return rows


def share_tenths(settled: int, received: int) -> int:
    """The share in tenths of a percent, rounded half up in integers (no float surprises)."""
    return (settled * 2000 + received) // (received * 2) if received else 0


def share(settled: int, received: int) -> str:
    """Share settled without waiting, rounded half up to one decimal: '44,9 %'."""
    if received == 0:
        return "chưa có số liệu"
    tenths = share_tenths(settled, received)
    return f"{tenths // 10},{tenths % 10} %"


def results(ward: Ward) -> list[ResultView]:
    return [ResultView(r, share(r.giai_quyet_ngay, r.tiep_nhan)) for r in sorted(ward.ket_qua, key=lambda r: r.tu_ngay)]


def adopters(catalog: Catalog, procedure_id: str) -> list[tuple[Ward, Adoption]]:
    """Wards that settle a procedure without waiting, by id."""
    return [
        (ward, adoption)
        for ward in catalog.wards.values()
        for adoption in ward.thu_tuc_khong_cho
        if adoption.thu_tuc == procedure_id
    ]


def _minutes(value: time) -> int:
    return value.hour * 60 + value.minute


def hours_data(ward: Ward) -> dict[str, object]:
    """Opening hours for the browser: minutes since midnight by weekday, Monday = 0."""
    days = [[] for _ in WEEKDAYS]
    for session in ward.gio_lam_viec:
        for day in session.ngay:
            days[WEEKDAYS.index(day)].append([_minutes(session.tu), _minutes(session.den)])
    return {"phuong": ward.full_name, "ngay": [sorted(d) for d in days], "biet": bool(ward.gio_lam_viec)}


def fee_data(view: FeeView) -> dict[str, object]:
    """A fee's rules for the browser calculator: the same data ``Fee.amount`` computes from."""
    fee = view.fee
    return {
        "ten": fee.ten,
        "don_vi": UNIT_NAMES[fee.tinh_theo],
        "bac": [[tier.tu, tier.so_tien] for tier in fee.bac],
        "toi_da": fee.toi_da,
        "nhan_theo": UNIT_NAMES[fee.nhan_theo] if fee.nhan_theo else None,
        "mien_phi": fee.is_free,
        "quy_tac": view.rules,
    }


def checker_data(item: Service) -> dict[str, object]:
    """Everything the "will mine be settled at once?" checker and fee calculator need."""
    procedure = item.procedure
    in_person = [c for c in procedure.cach_thuc_thuc_hien if c.kenh == "truc_tiep"]
    return {
        "thu_tuc": procedure.short_name,
        "dieu_kien": [
            {
                "id": c.id,
                "loai": c.kind,
                "noi_dung": c.text,
                "can_cu": c.basis,
                "gio": clock(c.cutoff) if c.cutoff else None,
                "toi_da": c.limit,
                "don_vi": c.unit,
                "cau_hoi": c.question,
                "dap_an_dat": c.expected,
            }
            for c in item.conditions
        ],
        "thoi_han": in_person[0].thoi_han if in_person else None,
        "giay_to": [doc.ten for doc in procedure.thanh_phan_ho_so],
        "le_phi": [fee_data(view) for view in item.fees if not view.fee.is_free],
        "gio_lam_viec": hours_data(item.ward),
    }


@dataclass(frozen=True)
class WardResults:
    """One ward's results: its periods and their sum."""

    ward: Ward
    periods: list[ResultView]
    received: int
    settled: int

    @property
    def has_data(self) -> bool:
        return bool(self.periods)

    @property
    def share(self) -> str:
        return share(self.settled, self.received) if self.has_data else "chưa có số liệu"

    @property
    def permille(self) -> int:
        """Share in tenths of a percent, rounded half up (for ranking and bar lengths)."""
        return share_tenths(self.settled, self.received)


def results_by_ward(catalog: Catalog) -> tuple[list[WardResults], list[WardResults], WardResults | None]:
    """Wards with data ranked by share (ties by name), wards without data, and the district total."""
    rows = [
        WardResults(
            ward, results(ward), sum(r.tiep_nhan for r in ward.ket_qua), sum(r.giai_quyet_ngay for r in ward.ket_qua)
        )
        for ward in catalog.wards.values()
    ]
    ranked = sorted((r for r in rows if r.has_data), key=lambda r: (-r.permille, r.ward.id))
    missing = [r for r in rows if not r.has_data]
    total = None
    if ranked:
        received = sum(r.received for r in ranked)
        settled = sum(r.settled for r in ranked)
        total = WardResults(ranked[0].ward, [p for r in ranked for p in r.periods], received, settled)
    return ranked, missing, total
