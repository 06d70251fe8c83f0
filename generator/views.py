"""What each kind of page shows, assembled from the rule book, fees, schedule and results.

Views decide nothing: the rules are in rules.py, wording in labels.py and the templates, numbers
in fmt.py. A view gathers them for one page (or notice) so templates only format.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from . import contract, fees, fmt, labels, rules, schedule
from .catalog import Catalog
from .model import Adoption, Procedure, Result, Ward

NO_DATA = "chưa có số liệu"


@dataclass(frozen=True)
class Service:
    """One procedure at one ward as its page shows it: the rule book's answer and fee views."""

    rules: rules.Service
    fees: list[fees.FeeView]

    @property
    def ward(self) -> Ward:
        return self.rules.ward

    @property
    def procedure(self) -> Procedure:
        return self.rules.procedure

    @property
    def adoption(self) -> Adoption:
        return self.rules.adoption

    @property
    def conditions(self) -> tuple[rules.Condition, ...]:
        return self.rules.conditions

    @property
    def exclusions(self) -> list[str]:
        return [exclusion.noi_dung for exclusion in self.rules.exclusions]


def service(catalog: Catalog, ward: Ward, adoption: Adoption) -> Service:
    """The rule book's answer for one adopted procedure at one ward, with its fees in words."""
    answer = rules.service(catalog.district, catalog.procedures[adoption.thu_tuc], ward, adoption)
    return Service(answer, [fees.view(fee) for fee in answer.fees])


def services(catalog: Catalog, ward: Ward) -> list[Service]:
    return [service(catalog, ward, adoption) for adoption in ward.thu_tuc_khong_cho]


def adopters(catalog: Catalog, procedure_id: str) -> list[tuple[Ward, Adoption]]:
    """Wards that settle a procedure without waiting, by id."""
    return [
        (ward, adoption)
        for ward in catalog.wards.values()
        for adoption in ward.thu_tuc_khong_cho
        if adoption.thu_tuc == procedure_id
    ]


def _condition_data(condition: rules.Condition) -> contract.Condition:
    """A condition as the browser reads it: the fields its kind declares in the contract, no more."""
    values = {
        "loai": condition.kind,
        "noi_dung": condition.text,
        "can_cu": labels.basis(condition.basis),
        "gio": fmt.clock(condition.cutoff) if condition.cutoff else None,
        "toi_da": condition.limit,
        "don_vi": labels.unit(condition.unit) if condition.unit else None,
        "cau_hoi": condition.question,
        "dap_an_dat": condition.expected,
    }
    model = contract.CONDITION_TYPES[condition.kind]
    return model(**{name: value for name, value in values.items() if name in model.model_fields})


def checker_data(item: Service) -> contract.Checker:
    """Everything the "will mine be settled at once?" checker and the fee calculator read."""
    procedure = item.procedure
    in_person = [c for c in procedure.cach_thuc_thuc_hien if c.kenh == "truc_tiep"]
    return contract.Checker(
        dieu_kien=[_condition_data(c) for c in item.conditions],
        thoi_han=in_person[0].thoi_han if in_person else None,
        giay_to=[doc.ten for doc in procedure.thanh_phan_ho_so],
        le_phi=[fees.browser(view.fee) for view in item.fees if not view.fee.is_free],
        gio_lam_viec=schedule.browser_hours(item.ward),
    )


# --- results ------------------------------------------------------------------------------------


def share_tenths(settled: int, received: int) -> int:
    """The share in tenths of a percent, rounded half up in integers (no float surprises)."""
    return (settled * 2000 + received) // (received * 2) if received else 0


def share(settled: int, received: int) -> str:
    """Share settled without waiting, rounded half up to one decimal: '44,9 %'."""
    return fmt.tenths_percent(share_tenths(settled, received)) if received else NO_DATA


@dataclass(frozen=True)
class ResultView:
    result: Result
    share: str


def results(ward: Ward) -> list[ResultView]:
    return [ResultView(r, share(r.giai_quyet_ngay, r.tiep_nhan)) for r in sorted(ward.ket_qua, key=lambda r: r.tu_ngay)]


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
        return share(self.settled, self.received) if self.has_data else NO_DATA

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


def jsonld(item: Service, site_url: str) -> dict[str, Any]:
    """schema.org GovernmentService for a ward x procedure page."""
    ward, procedure = item.ward, item.procedure
    data: dict[str, Any] = {
        "@context": "https://schema.org",
        "@type": "GovernmentService",
        "name": f"{procedure.ten} — {ward.full_name}",
        "serviceType": procedure.linh_vuc or procedure.short_name,
        "url": f"{site_url}phuong/{ward.id}/{procedure.id}/",
        "areaServed": {"@type": "AdministrativeArea", "name": ward.full_name},
        "provider": {"@type": "GovernmentOrganization", "name": f"Ủy ban nhân dân phường {ward.ten}"},
    }
    if procedure.khong_cho:
        data["description"] = procedure.khong_cho.cam_ket.mo_ta
    if ward.dia_chi:
        data["provider"]["address"] = ward.dia_chi
    if ward.dien_thoai:
        data["provider"]["telephone"] = ward.dien_thoai
    return data
