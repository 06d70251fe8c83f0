"""The rule book: how the district, a procedure and a ward's adoption combine into what holds.

One place decides the effective conditions, fees and promise of one procedure at one ward.
``check`` validates against it (a ward setting it refuses is an error with file:line), and pages,
notices and the browser's data only format its result.

Precedence, the only one (the editors' guide says the same in Vietnamese):

1. The procedure's no-wait condition is the base, with its own value (``gio`` of a cut-off,
   ``toi_da`` of a limit).
2. A cut-off without its own hour takes the district's default (``mac_dinh.gio_tiep_nhan_cuoi``).
3. A ward's own setting replaces that value only to make it stricter: an earlier hour
   (``gio_tiep_nhan_cuoi``), a smaller limit (``gioi_han``). Where the procedure names a limit but
   gives no number, the ward's number is the limit.
4. The ward's extra conditions (``dieu_kien_them``) come after the procedure's, as its own.
5. A ward setting that matches no condition of the procedure, or loosens one, is refused.

Each kind of condition (the model's ``loai``) has one handler in ``HANDLERS``; adding a kind
means a model class, a handler here, a case in the page macro ``condition`` and a handler in
``checker.js`` (tests/rules/test_condition_kinds.py fails when one is missing).

Time is one more input. A unit (the district, a ward) is in force from ``hieu_luc.tu_ngay`` to
its last day ``hieu_luc.den_ngay``, both inclusive; an adoption from its ``tu_ngay`` to its
``den_ngay``. A ward settles a procedure without waiting on the days both hold. ``state`` says
where a date falls; ``upcoming`` finds a change within ``NOTICE_DAYS`` after it, to announce.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date, time, timedelta
from enum import StrEnum

from .load import Loc
from .model import (
    Adoption,
    Basis,
    CutOffCondition,
    District,
    Exclusion,
    Fee,
    Lifetime,
    LimitCondition,
    Procedure,
    Promise,
    TextCondition,
    Ward,
    YesNoCondition,
)
from .model import (
    Condition as ConditionRecord,
)

NOTICE_DAYS = 60
"""A change this many days ahead (or fewer) is announced on the pages it affects."""


class State(StrEnum):
    """Where a date falls in a period: before it, inside it, after it."""

    BEFORE = "chua_hieu_luc"
    IN_FORCE = "dang_hieu_luc"
    ENDED = "het_hieu_luc"


@dataclass(frozen=True)
class Period:
    """Days from ``start`` to ``end``, both inclusive; None is open."""

    start: date | None = None
    end: date | None = None

    def state(self, day: date) -> State:
        if self.start and day < self.start:
            return State.BEFORE
        if self.end and day > self.end:
            return State.ENDED
        return State.IN_FORCE

    def upcoming(self, day: date, days: int = NOTICE_DAYS) -> date | None:
        """The next change after ``day`` within ``days``: the start, or the day after the end."""
        for change in (self.start, self.end + timedelta(days=1) if self.end else None):
            if change and day < change <= day + timedelta(days=days):
                return change
        return None

    def __and__(self, other: Period) -> Period:
        starts = [d for d in (self.start, other.start) if d]
        ends = [d for d in (self.end, other.end) if d]
        return Period(max(starts) if starts else None, min(ends) if ends else None)


def after(day: date | None) -> date | None:
    """The day after ``day``: the first day a unit that ended on ``day`` is no longer in force."""
    return day + timedelta(days=1) if day else None


def life(lifetime: Lifetime) -> Period:
    """The days a unit is in force."""
    return Period(lifetime.tu_ngay, lifetime.den_ngay)


def adoption_period(ward: Ward, adoption: Adoption) -> Period:
    """The days a ward settles a procedure without waiting: its own life and the adoption's."""
    return life(ward.hieu_luc) & Period(adoption.tu_ngay, adoption.den_ngay)


@dataclass(frozen=True)
class Condition:
    """One condition as it holds at one ward: its words, its basis and its effective value."""

    id: str
    kind: str
    """The model's ``loai``: gio_tiep_nhan, gioi_han_so_luong, co_khong, van_ban."""
    text: str
    basis: Basis
    short: str | None = None
    """One-line wording for the printed notice, when the catalog gives one."""
    own: bool = False
    """True when the ward added this condition or made it stricter."""
    cutoff: time | None = None
    limit: int | None = None
    unit: str | None = None
    """The model's unit of a limit (trang, ban_sao...)."""
    question: str | None = None
    expected: bool | None = None
    consequence: str | None = None
    """For a limit: what the law says happens when the count is many or over the limit."""


@dataclass(frozen=True)
class Finding:
    """A ward setting the rules refuse; ``loc`` is inside the adoption (thu_tuc_khong_cho[i])."""

    loc: Loc
    message: str


@dataclass(frozen=True)
class Service:
    """One procedure at one ward: everything that holds there, as plain data."""

    ward: Ward
    procedure: Procedure
    adoption: Adoption
    promise: Promise | None
    conditions: tuple[Condition, ...]
    exclusions: tuple[Exclusion, ...] = ()
    fees: tuple[Fee, ...] = ()
    period: Period = Period()
    """The days the ward settles this procedure without waiting."""
    findings: tuple[Finding, ...] = field(default=(), repr=False)


@dataclass(frozen=True)
class _Context:
    """What a handler may read besides the condition: the district default and the ward's settings."""

    default_cutoff: time | None
    adoption: Adoption


def _base(record: ConditionRecord) -> Condition:
    return Condition(record.id, record.loai, record.noi_dung, record.can_cu, record.noi_dung_ngan)


def _cutoff(record: CutOffCondition, context: _Context) -> tuple[Condition, list[Finding]]:
    base = record.gio or context.default_cutoff
    own = context.adoption.gio_tiep_nhan_cuoi
    condition = replace(_base(record), cutoff=base)
    if own is None:
        return condition, []
    if base is not None and own > base:
        return condition, [
            Finding(
                ("gio_tiep_nhan_cuoi",),
                f"giờ nộp để nhận kết quả trong ngày của phường ({own:%H:%M}) không được muộn hơn giờ chung "
                f"({base:%H:%M})",
            )
        ]
    return replace(condition, cutoff=own, own=True), []


def _limit(record: LimitCondition, context: _Context) -> tuple[Condition, list[Finding]]:
    condition = replace(
        _base(record), limit=record.toi_da, unit=record.dai_luong, question=record.cau_hoi, consequence=record.khi_vuot
    )
    own = context.adoption.gioi_han.get(record.id)
    if own is None:
        return condition, []
    if record.toi_da is not None and own > record.toi_da:
        return condition, [
            Finding(
                ("gioi_han", record.id),
                f"giới hạn của phường ({own}) phải chặt hơn, không được lớn hơn giới hạn chung ({record.toi_da})",
            )
        ]
    return replace(condition, limit=own, own=True), []


def _yes_no(record: YesNoCondition, context: _Context) -> tuple[Condition, list[Finding]]:
    return replace(_base(record), question=record.cau_hoi, expected=record.dap_an_dat), []


def _text(record: TextCondition, context: _Context) -> tuple[Condition, list[Finding]]:
    return _base(record), []


HANDLERS: dict[str, Callable[..., tuple[Condition, list[Finding]]]] = {
    "gio_tiep_nhan": _cutoff,
    "gioi_han_so_luong": _limit,
    "co_khong": _yes_no,
    "van_ban": _text,
}
"""One handler per kind of condition (the model's ``loai``)."""


def _unmatched(procedure: Procedure, adoption: Adoption) -> list[Finding]:
    """Ward settings that name no condition of the procedure: refused, never silently dropped."""
    conditions = procedure.khong_cho.dieu_kien if procedure.khong_cho else []
    findings = []
    limits = [c.id for c in conditions if isinstance(c, LimitCondition)]
    for condition_id in adoption.gioi_han:
        if condition_id not in limits:
            findings.append(
                Finding(
                    ("gioi_han", condition_id),
                    f"thủ tục '{procedure.id}' không có điều kiện giới hạn '{condition_id}' "
                    f"(có: {', '.join(limits) or 'không có'})",
                )
            )
    if adoption.gio_tiep_nhan_cuoi is not None and not any(isinstance(c, CutOffCondition) for c in conditions):
        findings.append(
            Finding(
                ("gio_tiep_nhan_cuoi",),
                f"thủ tục '{procedure.id}' không có điều kiện giờ tiếp nhận (loai: gio_tiep_nhan) để phường đặt "
                "giờ riêng; hãy thêm điều kiện riêng của phường trong dieu_kien_them",
            )
        )
    own = {c.id for c in conditions}
    for j, extra in enumerate(adoption.dieu_kien_them):
        if extra.id in own:
            findings.append(
                Finding(("dieu_kien_them", j, "id"), f"mã điều kiện '{extra.id}' đã có trong thủ tục; hãy đặt mã khác")
            )
    return findings


def service(district: District | None, procedure: Procedure, ward: Ward, adoption: Adoption) -> Service:
    """The effective conditions, fees and promise of ``procedure`` at ``ward`` (see the precedence above)."""
    context = _Context(district.mac_dinh.gio_tiep_nhan_cuoi if district else None, adoption)
    no_wait = procedure.khong_cho
    conditions: list[Condition] = []
    findings = _unmatched(procedure, adoption)
    for record in no_wait.dieu_kien if no_wait else []:
        condition, found = HANDLERS[record.loai](record, context)
        conditions.append(condition)
        findings += found
    empty = Adoption(thu_tuc=adoption.thu_tuc)  # the ward's extras are its own: no settings apply to them
    for record in adoption.dieu_kien_them:
        condition, _ = HANDLERS[record.loai](record, replace(context, adoption=empty))
        conditions.append(replace(condition, own=True))
    return Service(
        ward,
        procedure,
        adoption,
        no_wait.cam_ket if no_wait else None,
        tuple(conditions),
        tuple(no_wait.truong_hop_khong_ap_dung) if no_wait else (),
        tuple(fee for channel in procedure.cach_thuc_thuc_hien for fee in channel.le_phi),
        adoption_period(ward, adoption),
        tuple(findings),
    )
