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

Time is decided before the rule book: it is asked about records as a reader on the build date
knows them (``dated.as_of``), once per ward × procedure per build (``site.py``); ``findings``
checks a ward's settings against every version of the procedure, for ``check``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import time

from . import fmt
from .dated import ALWAYS, Period, adoption_period
from .load import Loc
from .model import (
    Adoption,
    Basis,
    CutOffCondition,
    District,
    Exclusion,
    Fee,
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

CALLS = {"service": 0}
"""How often the rule book has answered since the process started (the tests count a build's calls)."""


@dataclass(frozen=True)
class Condition:
    """One condition as it holds at one ward: the model's fields, with the effective value.

    Named as the model names them (``gio``, ``toi_da``...), and so does the browser's contract.
    """

    id: str
    loai: str
    """gio_tiep_nhan, gioi_han_so_luong, co_khong or van_ban."""
    noi_dung: str
    can_cu: Basis
    noi_dung_ngan: str | None = None
    """One-line wording for the printed notice, when the catalog gives one."""
    rieng: bool = False
    """True when the ward added this condition or made it stricter."""
    gio: time | None = None
    toi_da: int | None = None
    dai_luong: str | None = None
    """The model's unit of a limit (trang, ban_sao...)."""
    cau_hoi: str | None = None
    dap_an_dat: bool | None = None
    khi_vuot: str | None = None
    """For a limit: what the law says happens when the count is many or over the limit."""


@dataclass(frozen=True)
class Finding:
    """A ward setting the rules refuse; ``loc`` is inside the adoption (thu_tuc_khong_cho[i])."""

    loc: Loc
    message: str


@dataclass(frozen=True)
class Service:
    """One procedure at one ward (or district-wide, without a ward): everything that holds there."""

    ward: Ward | None
    procedure: Procedure
    adoption: Adoption | None
    promise: Promise | None
    conditions: tuple[Condition, ...]
    exclusions: tuple[Exclusion, ...] = ()
    fees: tuple[Fee, ...] = ()
    period: Period = ALWAYS
    """The days the ward settles this procedure without waiting."""

    @property
    def cutoff(self) -> time | None:
        """The hour before which a dossier gets its result the same day, when a condition sets one."""
        return next((c.gio for c in self.conditions if c.loai == "gio_tiep_nhan" and c.gio), None)


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
    condition = replace(_base(record), gio=base)
    if own is None or own == base:  # the same hour as the common one is no rule of the ward's own
        return condition, []
    if base is not None and own > base:
        return condition, [
            Finding(
                ("gio_tiep_nhan_cuoi",),
                f"giờ nộp để nhận kết quả trong ngày của phường ({fmt.clock(own)}) không được muộn hơn giờ chung "
                f"({fmt.clock(base)})",
            )
        ]
    return replace(condition, gio=own, rieng=True), []


def _limit(record: LimitCondition, context: _Context) -> tuple[Condition, list[Finding]]:
    condition = replace(
        _base(record),
        toi_da=record.toi_da,
        dai_luong=record.dai_luong,
        cau_hoi=record.cau_hoi,
        khi_vuot=record.khi_vuot,
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
    return replace(condition, toi_da=own, rieng=True), []


def _yes_no(record: YesNoCondition, context: _Context) -> tuple[Condition, list[Finding]]:
    return replace(_base(record), cau_hoi=record.cau_hoi, dap_an_dat=record.dap_an_dat), []


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
    limits = list(dict.fromkeys(c.id for c in conditions if isinstance(c, LimitCondition)))
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


def findings(procedure: Procedure, adoption: Adoption, district: District | None = None) -> list[Finding]:
    """What the rule book refuses in a ward's settings, against every version of the procedure."""
    context = _Context(district.mac_dinh.gio_tiep_nhan_cuoi if district else None, adoption)
    found = _unmatched(procedure, adoption)
    for record in procedure.khong_cho.dieu_kien if procedure.khong_cho else []:
        for finding in HANDLERS[record.loai](record, context)[1]:
            if finding not in found:
                found.append(finding)
    return found


def service(
    district: District | None, procedure: Procedure, ward: Ward | None = None, adoption: Adoption | None = None
) -> Service:
    """The effective conditions, fees and promise of ``procedure`` at ``ward`` (see the precedence above);
    without a ward, what holds district-wide. Records are as the build date knows them (dated.as_of)."""
    CALLS["service"] += 1
    own = adoption or Adoption(thu_tuc=procedure.id)
    context = _Context(district.mac_dinh.gio_tiep_nhan_cuoi if district else None, own)
    no_wait = procedure.khong_cho
    conditions = [HANDLERS[record.loai](record, context)[0] for record in (no_wait.dieu_kien if no_wait else [])]
    empty = _Context(context.default_cutoff, Adoption(thu_tuc=procedure.id))  # no settings apply to the ward's own
    for record in own.dieu_kien_them:
        condition, _ = HANDLERS[record.loai](record, empty)
        conditions.append(replace(condition, rieng=True))
    return Service(
        ward,
        procedure,
        adoption,
        no_wait.cam_ket if no_wait else None,
        tuple(conditions),
        tuple(no_wait.truong_hop_khong_ap_dung) if no_wait else (),
        tuple(fee for channel in procedure.cach_thuc_thuc_hien for fee in channel.le_phi),
        adoption_period(ward, adoption) if ward and adoption else Period(),
    )
