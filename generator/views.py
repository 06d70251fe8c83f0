"""What each kind of page shows, assembled from the rule book, fees, schedule and results.

Views decide nothing: the rules are in rules.py, wording in labels.py and the templates, numbers
in fmt.py. A view gathers them for one page (or notice) so templates only format.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import contract, dated, editions, evidence, fees, fmt, labels, rules
from .catalog import Catalog
from .dated import Period, State
from .model import (
    Adoption,
    Competence,
    Contact,
    District,
    EverydayName,
    Procedure,
    Reception,
    Requirement,
    Result,
    Source,
    Ward,
)

NO_DATA = "chưa có số liệu"


# --- units in time --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Heir:
    """A ward that took over all or part of an ended unit's area."""

    ward: Ward
    name: str
    """The successor's name as the site shows it (told apart from a namesake by its dates)."""
    whole: bool | None
    shown: bool
    """True when the successor has its own page at the build date (it is in force)."""
    article: str | None
    source: Source | None


@dataclass(frozen=True)
class Status:
    """Where a unit stands at the build date: in force, ended (and who follows), or not yet."""

    state: State
    period: Period
    change: date | None
    """A start, or the day after the end, within rules.NOTICE_DAYS after the build date."""
    heirs: list[Heir] = field(default_factory=list)
    source: Source | None = None

    @property
    def ended(self) -> bool:
        return self.state is State.ENDED

    @property
    def in_force(self) -> bool:
        return self.state is State.IN_FORCE

    @property
    def since(self) -> date | None:
        """The first day the unit is no longer in force."""
        return dated.after(self.period.end)

    @property
    def split(self) -> bool:
        """The area went to more than one ward: which one depends on the address."""
        return len(self.heirs) > 1 or any(heir.whole is False for heir in self.heirs)


def display_name(catalog: Catalog, ward: Ward, day: date) -> str:
    """'Phường Cửa Nam', or 'Phường Cửa Nam (đến 30/06/2025)' when a namesake is known at ``day``.

    ``catalog`` is as the build date knows it (dated.as_of): a namesake not yet announced is not in
    it, and an end not yet announced is not shown.
    """
    namesakes = [o for o in catalog.wards.values() if o.ten == ward.ten and o.id != ward.id]
    if not namesakes:
        return ward.full_name
    period = dated.life(ward.hieu_luc)
    if period.end and (period.state(day) is State.ENDED or period.upcoming(day)):
        return f"{ward.full_name} (đến {fmt.day(period.end)})"
    if period.start:
        return f"{ward.full_name} (từ {fmt.day(period.start)})"
    return ward.full_name


def status(catalog: Catalog, unit: District | Ward, day: date) -> Status:
    """A unit's state at ``day``, its period, an upcoming change to announce, and its successors."""
    period = dated.life(unit.hieu_luc)
    heirs = []
    for successor in unit.hieu_luc.ke_nhiem:
        ward = catalog.wards.get(successor.phuong)
        if ward is not None:
            shown = dated.life(ward.hieu_luc).state(day) is not State.BEFORE
            source = successor.nguon or unit.hieu_luc.nguon
            name = display_name(catalog, ward, day)
            heirs.append(Heir(ward, name, successor.toan_bo, shown, successor.dieu, source))
    return Status(period.state(day), period, period.upcoming(day), heirs, unit.hieu_luc.nguon)


@dataclass(frozen=True)
class Office:
    """Where a ward's committee sits, as the build date allows it to be said."""

    street: str
    """The street address as the catalog records it, e.g. '4 Nguyễn Chế Nghĩa'."""
    former: bool
    """True when the ward has ended: the building is its former office."""
    now_in: str | None
    """For a former office, the ward it lies in now, when one ward took the whole area."""
    district: str | None
    """For a ward of the district in force, the district's name ('quận Hoàn Kiếm')."""
    city: str
    """The province or city ('Hà Nội')."""


def office(catalog: Catalog, ward: Ward, ward_status: Status) -> Office | None:
    """The ward's office address, or None when unknown."""
    if not ward.dia_chi:
        return None
    district = None
    if catalog.district and in_district(catalog, ward) and not ward_status.ended:
        district = catalog.district.ten[0].lower() + catalog.district.ten[1:]
    whole = [heir for heir in ward_status.heirs if heir.whole]
    now_in = whole[0].name if ward_status.ended and len(ward_status.heirs) == 1 and whole else None
    city = catalog.district.tinh_thanh if catalog.district else ""
    return Office(ward.dia_chi, ward_status.ended, now_in, district, city)


@dataclass(frozen=True)
class Address:
    """A street address a citizen can walk to, what it is, and where it was read."""

    ward: Ward
    label: str
    """What the address is: 'Trụ sở Ủy ban nhân dân phường Cửa Nam', 'Trụ sở cũ của …'."""
    street: str
    note: str | None
    sources: list[Source]


def addresses(ward: Ward) -> list[Address]:
    """The ward's seat (with the sources that give it) and its other places, in the catalog's order."""
    found = []
    if ward.dia_chi:
        sources = [source for source in ward.nguon if "dia_chi" in source.ve]
        found.append(Address(ward, f"Trụ sở Ủy ban nhân dân {labels.mid(ward.full_name)}", ward.dia_chi, None, sources))
    found += [Address(ward, place.ten, place.dia_chi, place.ghi_chu, [place.nguon]) for place in ward.dia_diem]
    return found


def address_groups(found: list[Address]) -> list[list[Address]]:
    """Neighbouring addresses with the same note and sources, to be said once for all of them."""
    groups: list[list[Address]] = []
    for address in found:
        last = groups[-1][-1] if groups else None
        if last and address.note and (last.note, last.sources) == (address.note, address.sources):
            groups[-1].append(address)
        else:
            groups.append([address])
    return groups


@dataclass(frozen=True)
class WhereToGo:
    """Where a citizen files one procedure on the build date: the law's rule, what must be done in
    person, the province's reception rules, and the addresses of the wards to go to."""

    procedure: Procedure
    competence: Competence | None
    in_person: list[Requirement]
    reception: list[Reception]
    addresses: list[Address]
    """Known addresses of the wards that follow an ended ward (or of the ward itself)."""
    helplines: list[Contact]

    @property
    def address_groups(self) -> list[list[Address]]:
        return address_groups(self.addresses)

    @property
    def by_residence(self) -> bool:
        """The competent committee follows someone's residence (the deceased's, either party's)."""
        return self.competence is not None and self.competence.loai == "theo_cu_tru"


def everyday_names(procedure: Procedure) -> list[EverydayName]:
    """The names people use for a procedure that its page states: only those whose usage has a source
    out by the build date (search knows them all)."""
    return [
        name
        for name in procedure.ten_thuong_goi
        if name.nguon is not None and not isinstance(name.nguon, dated.LaterSource)
    ]


def where_to_go(catalog: Catalog, procedure: Procedure, wards: list[Ward]) -> WhereToGo:
    """Where to file ``procedure`` (records as the build date knows them), at ``wards``' addresses."""
    district = catalog.district
    reception = [
        rule for rule in (district.tiep_nhan if district else []) if not rule.thu_tuc or procedure.id in rule.thu_tuc
    ]
    return WhereToGo(
        procedure,
        procedure.noi_tiep_nhan[0] if procedure.noi_tiep_nhan else None,
        list(procedure.phai_truc_tiep),
        reception,
        [address for ward in wards for address in addresses(ward)],
        list(district.ho_tro) if district else [],
    )


def in_district(catalog: Catalog, ward: Ward) -> bool:
    """True for the district's own wards (they lived while the district did), not for later ones."""
    if catalog.district is None:
        return False
    district, own = dated.life(catalog.district.hieu_luc), dated.life(ward.hieu_luc)
    return district.end is None or own.start is None or own.start <= district.end


@dataclass(frozen=True)
class Service:
    """One procedure at one ward as its page shows it: the rule book's answer and fee views."""

    rules: rules.Service
    fees: list[fees.FeeView] = field(repr=False)
    state: State = State.IN_FORCE
    """Whether the ward settles this procedure without waiting at the build date."""
    change: date | None = None
    """A start or end of the adoption within the notice window after the build date."""

    @property
    def since(self) -> date | None:
        """The first day the ward no longer settles this procedure without waiting."""
        return dated.after(self.rules.period.end)

    @property
    def end(self) -> date | None:
        """The last day, when the build date may know it: it has passed, or is announced ahead."""
        end = self.rules.period.end
        return end if end and (self.state is State.ENDED or self.change == dated.after(end)) else None

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

    @property
    def evidence(self) -> evidence.Kind:
        """Whether the ward published this adoption (sourced) or it follows the directive (derived)."""
        return evidence.adoption(self.adoption)

    @property
    def published(self) -> bool:
        """True when a source says the ward applies this procedure (its own list or notice)."""
        return self.evidence is evidence.Kind.SOURCED

    @property
    def derived(self) -> bool:
        """True when no source says so, but the catalog states why (the district's directive)."""
        return self.evidence is evidence.Kind.DERIVED


def service(catalog: Catalog, ward: Ward, adoption: Adoption, day: date) -> Service:
    """The rule book's answer for one adopted procedure at one ward (asked once: site.py), with its fees."""
    answer = rules.service(catalog.district, catalog.procedures[adoption.thu_tuc], ward, adoption)
    library = labels.Laws(catalog.laws, day)
    return Service(
        answer,
        [fees.view(fee, library) for fee in answer.fees],
        answer.period.state(day),
        answer.period.upcoming(day),
    )


@dataclass(frozen=True)
class Listing:
    """How much is known about which wards apply the model: counts say what is known, no more."""

    published: list[Ward]
    """Wards a source says apply it (their own list, notice or report)."""
    derived: list[Ward]
    """Wards shown applying it only because the district directed every ward to."""


def listing(services: dict[str, list[Service]], wards: list[Ward]) -> Listing:
    """Split the wards with adoptions started by the build date into published and derived."""
    published, derived = [], []
    for ward in wards:
        items = [item for item in services[ward.id] if item.state is not State.BEFORE]
        if any(item.published for item in items):
            published.append(ward)
        elif items:
            derived.append(ward)
    return Listing(published, derived)


_FOR_BROWSER = {
    "can_cu": lambda value, library: library.basis(value),
    "gio": lambda value, library: fmt.clock(value) if value else None,
    "dai_luong": lambda value, library: labels.unit(value) if value else None,
}
"""How a value is written for the browser where its Python type is not JSON's (same name on both sides)."""


def _condition_data(condition: rules.Condition, library: labels.Laws) -> contract.Condition:
    """A condition as the browser reads it: the fields its kind declares in the contract, by the same names."""
    model = contract.CONDITION_TYPES[condition.loai]
    values = {}
    for name in model.model_fields:
        value = getattr(condition, name)
        values[name] = _FOR_BROWSER[name](value, library) if name in _FOR_BROWSER else value
    return model(**values)


def checker_data(
    library: labels.Laws, item: Service, ward_status: Status, hours: contract.Hours, where: WhereToGo | None = None
) -> contract.Checker:
    """Everything the "will mine be settled at once?" checker and the fee calculator read."""
    procedure = item.procedure
    in_person = [c for c in procedure.cach_thuc_thuc_hien if c.kenh == "truc_tiep"]
    period = item.rules.period
    end = item.end  # a later end is not known on the build date
    return contract.Checker(
        dieu_kien=[_condition_data(c, library) for c in item.conditions],
        thoi_han=in_person[0].thoi_han if in_person else None,
        giay_to=[f"{doc.ten} ({doc.khi_nao})" if doc.khi_nao else doc.ten for doc in procedure.thanh_phan_ho_so],
        le_phi=[fees.browser(view.fee) for view in item.fees if not view.fee.is_free],
        gio_lam_viec=hours,
        ap_dung=contract.Period(
            tu_ngay=period.start.isoformat() if period.start else None,
            den_ngay=end.isoformat() if end else None,
        ),
        noi_khac=labels.where_to_go(where, library) if where and (ward_status.ended or ward_status.change) else None,
        hoi_phuong=None if item.published or ward_status.ended else ASK_WARD[item.derived],
    )


ASK_WARD = {
    True: "Chưa tìm thấy danh mục riêng của phường: kết quả trên theo danh mục thí điểm mà quận yêu cầu các "
    "phường áp dụng. Ông/bà nên hỏi phường trước khi đến.",
    False: "Chưa tìm thấy nguồn cho việc phường giải quyết không chờ thủ tục này. Ông/bà nên hỏi phường trước khi đến.",
}
"""What the checker adds when no source says the ward applies the procedure (derived, or unsourced)."""


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


def results_by_ward(
    catalog: Catalog, wards: list[Ward] | None = None
) -> tuple[list[WardResults], list[WardResults], WardResults | None]:
    """Wards with data ranked by share (ties by name), wards without data, and the total of those with data."""
    rows = [
        WardResults(
            ward, results(ward), sum(r.tiep_nhan for r in ward.ket_qua), sum(r.giai_quyet_ngay for r in ward.ket_qua)
        )
        for ward in (catalog.wards.values() if wards is None else wards)
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


# --- printed sheets in time -------------------------------------------------------------------------


def edition_data(
    history: editions.History, procedure: str | None, *, ended: bool, sheet: str | None, changes_page: str
) -> contract.Editions:
    """What a page tells the reader of a printed sheet (the notice, or ``procedure``'s handout)."""
    listed = sorted([*history.past(procedure), *history.coming(procedure)], key=lambda c: c.day, reverse=True)
    current = history.edition(procedure)
    return contract.Editions(
        ngay_dung=history.day.isoformat(),
        ban=[d.isoformat() for d in history.editions(procedure)],
        hien_tai=current.isoformat() if current else None,
        thay_doi=[
            contract.EditionChange(ngay=c.day.isoformat(), cau=list(c.sentences), sap_toi=c.coming) for c in listed
        ],
        het=ended,
        in_lai=sheet,
        danh_sach=changes_page,
    )


def changes_by_day(history: editions.History) -> list[tuple[date, bool, list[editions.Change]]]:
    """A ward's changes by day for its change page: (day, coming, changes), coming first, then newest first."""
    days: dict[tuple[date, bool], list[editions.Change]] = {}
    for change in history.changes:
        days.setdefault((change.day, change.coming), []).append(change)
    ordered = sorted(days, key=lambda key: (not key[1], -key[0].toordinal()))
    return [(day, coming, days[(day, coming)]) for day, coming in ordered]
