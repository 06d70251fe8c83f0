"""The site at a date, computed once: what every page, notice, data file and theme value reads.

From the catalog, the build date and the settings, ``at`` works out, once per build: the catalog
as a reader on that day knows it (``dated.as_of``), each unit's state, name and successors, which
wards have a page, the rule book's answer for each ward × procedure (one call each) and for each
procedure district-wide, the legal texts in force, the review information and the theme's values.
Nothing below it decides time or rules again.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlparse

from . import checks, contract, dated, editions, fmt, labels, rules, schedule, views
from .catalog import Catalog
from .dated import State
from .model import Procedure, Ward
from .problems import Problem, Severity
from .settings import Settings

LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/deed.vi"}
"""The open data's licence (the footer and the open data page say it)."""
STAFF_PAGES = ("huong-dan-bien-tap.md",)
"""Pages of docs/ written for the staff of today (the editors' guide): not part of a reconstruction,
whose pages state nothing later than their day."""


class BuildError(Exception):
    """The site cannot be built for this date or purpose; the message says why, for ward staff."""


@dataclass(frozen=True)
class Review:
    """When the catalog was last reviewed, and what that means for a site of this date."""

    day: date
    """The catalog's review date (district.yaml: ngay_ra_soat)."""
    reconstruction: bool
    """The site describes a day before the review: it rebuilds what held then from a later catalog."""
    problems: list[Problem]
    """Review dates in the future, or older than the district allows: errors when publishing."""


@dataclass(frozen=True)
class NoticePlan:
    """Which wards have a notice at the build date, and which of those may be posted."""

    wards: list[Ward]
    postable: list[Ward]

    @functools.cached_property
    def _ids(self) -> tuple[frozenset[str], frozenset[str]]:
        return frozenset(w.id for w in self.wards), frozenset(w.id for w in self.postable)

    def has_notice(self, ward: Ward) -> bool:
        """True when the ward has a notice (by id: comparing whole records is slow)."""
        return ward.id in self._ids[0]

    def may_post(self, ward: Ward) -> bool:
        """True when the ward's printed matter may be posted."""
        return ward.id in self._ids[1]


@dataclass(frozen=True)
class Site:
    """The site at one date; read by pages, open data, notices and the theme."""

    settings: Settings
    catalog: Catalog
    """The catalog as a reader on the build date knows it (dated.as_of)."""
    review: Review
    laws: labels.Laws
    """The legal texts as cited on the build date (amendments in force only)."""
    district: views.Status | None
    statuses: Mapping[str, views.Status]
    """Every ward a reader on the build date knows of, by id (announced ones included)."""
    names: Mapping[str, str]
    services: Mapping[str, list[views.Service]]
    """Each ward's adoptions known on the build date (started, ended and announced), in file order."""
    common: Mapping[str, rules.Service]
    """Each procedure's conditions district-wide (no ward's own settings)."""
    plan: NoticePlan
    holidays: contract.Holidays
    rules: Mapping[str, views.WhereToGo]
    """Each procedure's rule of where to file, with the province's reception rules (no address)."""
    where: Mapping[tuple[str, str], views.WhereToGo]
    """For a ward that has ended (or whose end is announced), where each of its procedures is filed
    now, at its successors' addresses: by (ward id, procedure id)."""
    histories: Mapping[str, editions.History] = field(default_factory=dict)
    """Each ward's printed facts through time (its changes and editions), by ward id."""
    gaps: list[Problem] = field(default_factory=list)
    """What a reader on the build date finds missing (warnings: checks.gaps_on)."""
    theme: Mapping[str, Any] = field(default_factory=dict)

    @property
    def day(self) -> date:
        return self.settings.day

    @property
    def procedures(self) -> list[Procedure]:
        return list(self.catalog.procedures.values())

    @property
    def wards(self) -> list[Ward]:
        """The wards with a page: started by the build date (ended ones keep theirs, as the record)."""
        return [w for w in self.catalog.wards.values() if self.statuses[w.id].state is not State.BEFORE]

    def has_page(self, ward_id: str) -> bool:
        status = self.statuses.get(ward_id)
        return status is not None and status.state is not State.BEFORE

    @property
    def current(self) -> list[Ward]:
        return [w for w in self.wards if self.statuses[w.id].in_force]

    @property
    def former(self) -> list[Ward]:
        return [w for w in self.wards if self.statuses[w.id].ended]

    @property
    def upcoming_wards(self) -> list[Ward]:
        """Wards announced ahead: they start within the notice window."""
        return [w for w in self.catalog.wards.values() if self.statuses[w.id].state is State.BEFORE]

    def own(self) -> list[Ward]:
        """The district's own wards that have a page."""
        return [w for w in self.wards if views.in_district(self.catalog, w)]

    def started(self, ward: Ward) -> list[views.Service]:
        """The ward's adoptions that have started by the build date (in force or ended)."""
        return [item for item in self.services[ward.id] if item.state is not State.BEFORE]

    def announced(self, ward: Ward) -> list[views.Service]:
        """The ward's adoptions that start within the notice window."""
        return [item for item in self.services[ward.id] if item.state is State.BEFORE and item.change]

    def adopters(self, procedure_id: str) -> list[views.Service]:
        """The wards that settle (or settled) a procedure without waiting by the build date, by ward id."""
        return [item for ward in self.wards for item in self.started(ward) if item.procedure.id == procedure_id]

    @property
    def left_out(self) -> tuple[str, ...]:
        """Pages of docs/ this site does not publish: the staff's pages on a reconstruction."""
        return STAFF_PAGES if self.review.reconstruction else ()

    def hours(self, ward: Ward) -> contract.Hours:
        """The ward's hours for the browser, or the national working week when they are not published."""
        week = self.catalog.district.tuan_lam_viec if self.catalog.district else None
        return schedule.browser_hours(ward, week, self.laws)

    def later(self, day: date | None) -> bool:
        """True for a date a page of this build may not state as known (after the build date)."""
        return day is not None and day > self.day


def _services(catalog: Catalog, ward: Ward, day: date) -> list[views.Service]:
    return [views.service(catalog, ward, adoption, day) for adoption in ward.thu_tuc_khong_cho]


def _plan(site_wards: list[Ward], statuses: Mapping[str, views.Status], services: Mapping[str, list]) -> NoticePlan:
    """A ward has a notice once it has started settling some procedure; it may be posted while the
    ward is in force and settles at least one procedure without waiting."""
    wards, postable = [], []
    for ward in site_wards:
        items = [item for item in services[ward.id] if item.state is not State.BEFORE]
        if not items:
            continue
        wards.append(ward)
        if statuses[ward.id].in_force and any(item.state is State.IN_FORCE for item in items):
            postable.append(ward)
    return NoticePlan(wards, postable)


def review(catalog: Catalog, settings: Settings) -> Review:
    """The catalog's review against the build date: a reconstruction, or problems (errors when publishing)."""
    district = catalog.district
    day = district.ngay_ra_soat if district else settings.day
    today = settings.today
    latest = settings.day if settings.public else max(settings.day, today or settings.day)
    severity = Severity.ERROR if settings.public else Severity.WARNING
    problems = checks.review_problems(catalog, settings.day, latest=latest, severity=severity)
    # A review date after today is a mistake (warned above), not a reason to call today's site a reconstruction.
    reconstruction = settings.day < day and (today is None or settings.day < today)
    return Review(day, reconstruction, problems)


def may_build(catalog: Catalog, settings: Settings) -> Review:
    """The catalog's review for this build; BuildError when no site may be built from it on
    ``settings.day`` (a day before the catalog's, or a publishing build past the review deadline)."""
    day = settings.day
    district = catalog.district
    if district and district.danh_muc_tu_ngay and day < district.danh_muc_tu_ngay:
        raise BuildError(
            f"danh mục chỉ mô tả từ ngày {fmt.day(district.danh_muc_tu_ngay)} (district.yaml: danh_muc_tu_ngay); "
            f"không dựng được trang web cho ngày {fmt.day(day)}"
        )
    checked = review(catalog, settings)
    refused = [problem for problem in checked.problems if problem.is_error]
    if refused:
        lines = "\n".join(str(problem) for problem in refused)
        raise BuildError(f"Ngày rà soát quá hạn hoặc ở tương lai, trang web không được đăng:\n{lines}")
    return checked


def at(catalog: Catalog, settings: Settings) -> Site:
    """The site on ``settings.day``, from a valid catalog; BuildError when it cannot be built."""
    day = settings.day
    checked = may_build(catalog, settings)
    known = dated.as_of(catalog, day)
    statuses = {ward.id: views.status(known, ward, day) for ward in known.wards.values()}
    names = {ward.id: views.display_name(known, ward, day) for ward in known.wards.values()}
    services = {ward.id: _services(known, ward, day) for ward in known.wards.values()}
    common = {p.id: rules.service(known.district, p) for p in known.procedures.values()}
    shown = [w for w in known.wards.values() if statuses[w.id].state is not State.BEFORE]
    where = {
        (ward.id, procedure.id): views.where_to_go(known, procedure, [heir.ward for heir in statuses[ward.id].heirs])
        for ward in shown
        if statuses[ward.id].heirs
        for procedure in known.procedures.values()
    }
    site = Site(
        settings=settings,
        catalog=known,
        review=checked,
        laws=labels.Laws(known.laws, day),
        district=views.status(known, known.district, day) if known.district else None,
        statuses=statuses,
        names=names,
        services=services,
        common=common,
        plan=_plan(shown, statuses, services),
        holidays=schedule.browser_holidays(day),
        rules={p.id: views.where_to_go(known, p, []) for p in known.procedures.values()},
        where=where,
        histories=editions.histories(catalog, day, [w.id for w in shown]),
        gaps=checks.gaps_on(catalog, day),
    )
    return _with_theme(site)


def _with_theme(site: Site) -> Site:
    from dataclasses import replace

    return replace(site, theme=theme(site.catalog, site.settings, site.review, announcement(site)))


def announcement(site: Site) -> dict[str, str] | None:
    """What the site-wide bar says: the district has ended, or will within the notice window.

    Plain values; the theme template (overrides/main.html, block ``announce``) owns the words' markup.
    """
    district = site.district
    if district is None or site.catalog.district is None:
        return None
    if district.ended:
        state = "ended"
    elif district.change and district.period.end and district.change == dated.after(district.period.end):
        state = "upcoming"
    else:
        return None
    wards = [w for w in site.catalog.wards.values() if views.in_district(site.catalog, w)]
    name = labels.mid(site.catalog.district.ten)
    return {"state": state, "date": fmt.day(dated.after(district.period.end)), "unit": name, "wards": str(len(wards))}


def reconstruction_sentence(settings: Settings, checked: Review, sheet: bool = False) -> str | None:
    """The one sentence a reconstructed site says on every page, and (shorter, in place of "Thông tin
    tính đến ngày", since a poster has one line for it) on every printed sheet."""
    if not checked.reconstruction:
        return None
    what = "Dựng lại" if sheet else "Trang này dựng lại thông tin"
    return f"{what} như ngày {fmt.day(settings.day)}, theo danh mục rà soát ngày {fmt.day(checked.day)}."


def footer(catalog: Catalog | None, checked: Review | None) -> dict[str, str | None]:
    """What every page's footer says besides the build date: publisher, where to report a mistake,
    the catalog's review date (not on a reconstruction: its sentence says it) and the licence."""
    district = catalog.district if catalog else None
    publisher = district.cong_bo if district else None
    shown = district is not None and checked is not None and not checked.reconstruction
    return {
        "publisher": publisher.don_vi if publisher else None,
        "email": publisher.email if publisher else None,
        "form": publisher.bieu_mau if publisher else None,
        "review": fmt.day(district.ngay_ra_soat) if shown and district else None,
        "licence": LICENCE["name"],
        "licence_url": LICENCE["url"],
    }


def theme(
    catalog: Catalog | None,
    settings: Settings,
    checked: Review | None = None,
    announce: dict[str, str] | None = None,
) -> dict[str, Any]:
    """The theme's values (``config.extra``): the date line, the bar, the footer, the preview flag."""
    return {
        "kc_base_path": urlparse(settings.site_url).path or "/",
        "kc_footer": footer(catalog, checked),
        "kc_day": fmt.day(settings.day),
        "kc_announce": announce,
        "kc_preview": settings.preview,
        "kc_reconstruction": reconstruction_sentence(settings, checked) if checked else None,
        "kc_staff_guide": not (checked and checked.reconstruction),
    }
