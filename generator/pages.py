"""The table of generated pages: for each, its path, template, context and place in the navigation.

The build renders this table and the MkDocs plugin reads ``in_nav`` from it (no rule hidden in
the shape of a path). Order is the site's order; contexts come from views.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any
from urllib.parse import urlparse

from . import contract, fees, fmt, labels, rules, schedule, views
from .catalog import Catalog
from .model import KINDS, Ward
from .schema import schema_file

LICENCE = {"name": "CC BY 4.0", "url": "https://creativecommons.org/licenses/by/4.0/deed.vi"}
"""The open data's licence (the footer and the open data page say it)."""


@dataclass(frozen=True)
class Page:
    """One generated page: where it goes, which template renders it, with what."""

    path: str
    """Markdown path under docs/, e.g. phuong/hang-bai/index.md."""
    template: str
    context: Mapping[str, Any] = field(default_factory=dict)
    in_nav: bool = False
    """In the top navigation (the section pages); ward and procedure pages are reached from lists."""
    jsonld: dict[str, Any] | None = None


def is_preview(site_url: str) -> bool:
    """True for an address only this machine or its network reaches (the default 127.0.0.1:8000):
    printed matter made for it says "preview" on every page, and ``make publish`` refuses it."""
    host = urlparse(site_url).hostname
    if not host:
        return True
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal", ".lan", ".home.arpa")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_link_local or address.is_unspecified


@dataclass(frozen=True)
class Settings:
    """What a build needs besides the catalog; passed explicitly, never read from the environment here."""

    site_url: str
    """The public address, ending in '/': QR codes, canonical links and JSON-LD use it."""
    day: date
    """The date the site describes (holidays, from it, and every "tính đến ngày")."""
    pdf: bool = True

    @property
    def preview(self) -> bool:
        """A preview address: every printed page is marked, since its QR codes lead nowhere public."""
        return is_preview(self.site_url)


@dataclass(frozen=True)
class NoticePlan:
    """Which wards have a notice at the build date, and which of those may be posted."""

    wards: list[Ward]
    postable: list[Ward]


def notices(catalog: Catalog, day: date) -> NoticePlan:
    """A ward has a notice once it has started settling some procedure; it may be posted while the
    ward is in force and settles at least one procedure without waiting."""
    wards, postable = [], []
    for ward in catalog.wards.values():
        items = views.services(catalog, ward, day)
        if not items or rules.life(ward.hieu_luc).state(day) is rules.State.BEFORE:
            continue
        wards.append(ward)
        if views.status(catalog, ward, day).in_force and any(item.state is rules.State.IN_FORCE for item in items):
            postable.append(ward)
    return NoticePlan(wards, postable)


def table(catalog: Catalog, settings: Settings) -> list[Page]:
    """Every generated page of the site at the build date, in the site's order.

    Wards and adoptions that have not started by the build date have no page (they are announced
    ahead on the pages they affect when the start is near); ended ones keep theirs, as the record.
    """
    day = settings.day
    procedures = list(catalog.procedures.values())
    shown = [w for w in catalog.wards.values() if rules.life(w.hieu_luc).state(day) is not rules.State.BEFORE]
    statuses = {ward.id: views.status(catalog, ward, day) for ward in shown}
    names = {ward.id: views.display_name(catalog, ward, day) for ward in catalog.wards.values()}
    district = views.status(catalog, catalog.district, day) if catalog.district else None
    adopters = {p.id: views.adopters(catalog, p.id, day) for p in procedures}
    upcoming = [
        w
        for w in catalog.wards.values()
        if rules.life(w.hieu_luc).state(day) is rules.State.BEFORE and rules.life(w.hieu_luc).upcoming(day)
    ]
    plan = notices(catalog, day)
    holidays = schedule.browser_holidays(day).model_dump(mode="json")
    ranked, missing, total = views.results_by_ward(catalog, [w for w in shown if views.in_district(catalog, w)])
    common = {"day": day, "district_status": district, "names": names, "statuses": statuses}
    own = [w for w in shown if views.in_district(catalog, w)]
    lists = {
        "procedures": procedures,
        "wards": shown,
        "current": [w for w in shown if statuses[w.id].in_force],
        "former": [w for w in shown if statuses[w.id].ended],
        "adopters": adopters,
        "upcoming_wards": upcoming,
        "listing": views.listing(catalog, own, day),
    }
    out = [
        Page("index.md", "home.md.j2", {**common, **lists}, in_nav=True),
        Page("phuong/index.md", "wards.md.j2", {**common, **lists}, in_nav=True),
        Page("thu-tuc/index.md", "procedures.md.j2", {**common, **lists}, in_nav=True),
        Page(
            "du-lieu/index.md",
            "data.md.j2",
            {
                **common,
                "schemas": [schema_file(kind) for kind in KINDS],
                "browser_schema": contract.SCHEMA_FILE,
                "licence": LICENCE,
            },
            in_nav=True,
        ),
        Page(
            "thong-bao/index.md",
            "notices.md.j2",
            {**common, "plan": plan, "pdf": settings.pdf, "preview": settings.preview},
            in_nav=True,
        ),
        Page(
            "ket-qua/index.md",
            "results.md.j2",
            {**common, "ranked": ranked, "missing": missing, "total": total},
            in_nav=True,
        ),
    ]
    for procedure in procedures:
        context = {
            **common,
            "procedure": procedure,
            "fees": [fees.view(f, views.laws(catalog)) for c in procedure.cach_thuc_thuc_hien for f in c.le_phi],
            "adopters": adopters[procedure.id],
        }
        out.append(Page(f"thu-tuc/{procedure.id}.md", "procedure.md.j2", context))
    for ward in shown:
        ward_status = statuses[ward.id]
        items = views.services(catalog, ward, day)
        hours = schedule.hours(ward)
        context = {
            **common,
            "ward": ward,
            "status": ward_status,
            "office": views.office(catalog, ward, ward_status),
            "services": items,
            "upcoming": views.upcoming_services(catalog, ward, day),
            "hours": hours,
            "results": views.results(ward),
            "pdf": settings.pdf,
            "notice": ward in plan.wards,
            "postable": ward in plan.postable,
            "hours_data": schedule.browser_hours(ward).model_dump(mode="json"),
            "holidays": holidays,
        }
        out.append(Page(f"phuong/{ward.id}/index.md", "ward.md.j2", context))
        for item in items:
            context = {
                **common,
                "service": item,
                "ward": ward,
                "status": ward_status,
                "office": views.office(catalog, ward, ward_status),
                "procedure": item.procedure,
                "hours": hours,
                "checker": views.checker_data(catalog, item, ward_status, day).model_dump(mode="json"),
                # The handout exists for a postable ward's procedures in force, when PDFs are made.
                "handout": settings.pdf and ward in plan.postable and item.state is rules.State.IN_FORCE,
                "holidays": holidays,
            }
            jsonld = views.jsonld(item, settings.site_url) if item.state is rules.State.IN_FORCE else None
            out.append(Page(f"phuong/{ward.id}/{item.procedure.id}.md", "service.md.j2", context, jsonld=jsonld))
    return out


def announcement(catalog: Catalog, day: date) -> dict[str, str] | None:
    """What the site-wide bar says at ``day``: the district has ended, or will within the notice window.

    Plain values; the theme template (overrides/main.html, block ``announce``) owns the words' markup.
    """
    if catalog.district is None:
        return None
    district = views.status(catalog, catalog.district, day)
    wards = [w for w in catalog.wards.values() if views.in_district(catalog, w)]
    if district.ended:
        state = "ended"
    elif district.change and district.period.end and district.change == rules.after(district.period.end):
        state = "upcoming"
    else:
        return None
    name = labels.mid(catalog.district.ten)
    return {"state": state, "date": fmt.day(rules.after(district.period.end)), "unit": name, "wards": str(len(wards))}


def footer(catalog: Catalog) -> dict[str, str | None]:
    """What every page's footer says besides the build date: publisher, where to report a mistake,
    the catalog's review date and the open data's licence. Plain values; unknown ones are None."""
    district = catalog.district
    publisher = district.cong_bo if district else None
    return {
        "publisher": publisher.don_vi if publisher else None,
        "email": publisher.email if publisher else None,
        "form": publisher.bieu_mau if publisher else None,
        "review": fmt.day(district.ngay_ra_soat) if district else None,
        "licence": LICENCE["name"],
        "licence_url": LICENCE["url"],
    }
