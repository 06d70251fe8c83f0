"""The table of generated pages: for each, its path, template, context and place in the navigation.

The build renders this table and the MkDocs plugin reads ``in_nav`` from it (no rule hidden in
the shape of a path). Order is the site's order; contexts come from views.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from . import contract, fees, schedule, views
from .catalog import Catalog
from .model import KINDS
from .schema import schema_file


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


@dataclass(frozen=True)
class Settings:
    """What a build needs besides the catalog; passed explicitly, never read from the environment here."""

    site_url: str
    """The public address, ending in '/': QR codes, canonical links and JSON-LD use it."""
    day: date
    """The date the site describes (holidays, from it, and every "tính đến ngày")."""
    pdf: bool = True


def table(catalog: Catalog, settings: Settings) -> list[Page]:
    """Every generated page of the site, in the site's order."""
    procedures, wards = list(catalog.procedures.values()), list(catalog.wards.values())
    counts = {p.id: len(views.adopters(catalog, p.id)) for p in procedures}
    holidays = schedule.browser_holidays(settings.day).model_dump(mode="json")
    ranked, missing, total = views.results_by_ward(catalog)
    sources = sorted({p.result.nguon.ten for r in ranked for p in r.periods if p.result.nguon})
    out = [
        Page("index.md", "home.md.j2", {"procedures": procedures, "wards": wards, "counts": counts}, in_nav=True),
        Page("phuong/index.md", "wards.md.j2", {"wards": wards}, in_nav=True),
        Page("thu-tuc/index.md", "procedures.md.j2", {"procedures": procedures, "counts": counts}, in_nav=True),
        Page(
            "du-lieu/index.md",
            "data.md.j2",
            {"schemas": [schema_file(kind) for kind in KINDS], "browser_schema": contract.SCHEMA_FILE},
            in_nav=True,
        ),
        Page("thong-bao/index.md", "notices.md.j2", {"wards": wards, "pdf": settings.pdf}, in_nav=True),
        Page(
            "ket-qua/index.md",
            "results.md.j2",
            {"ranked": ranked, "missing": missing, "total": total, "sources": sources},
            in_nav=True,
        ),
    ]
    for procedure in procedures:
        context = {
            "procedure": procedure,
            "fees": [fees.view(f) for c in procedure.cach_thuc_thuc_hien for f in c.le_phi],
            "adopters": views.adopters(catalog, procedure.id),
        }
        out.append(Page(f"thu-tuc/{procedure.id}.md", "procedure.md.j2", context))
    for ward in wards:
        services = views.services(catalog, ward)
        hours = schedule.hours(ward)
        context = {
            "ward": ward,
            "services": services,
            "hours": hours,
            "results": views.results(ward),
            "pdf": settings.pdf,
            "hours_data": schedule.browser_hours(ward).model_dump(mode="json"),
            "holidays": holidays,
        }
        out.append(Page(f"phuong/{ward.id}/index.md", "ward.md.j2", context))
        for item in services:
            context = {
                "service": item,
                "ward": ward,
                "procedure": item.procedure,
                "hours": hours,
                "checker": views.checker_data(item).model_dump(mode="json"),
                "holidays": holidays,
            }
            jsonld = views.jsonld(item, settings.site_url)
            out.append(Page(f"phuong/{ward.id}/{item.procedure.id}.md", "service.md.j2", context, jsonld=jsonld))
    return out
