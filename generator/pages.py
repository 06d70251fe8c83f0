"""The table of generated pages: for each, its path, template, context and place in the navigation.

The build renders this table and the MkDocs plugin reads ``in_nav`` from it (no rule hidden in
the shape of a path). Order is the site's order; contexts come from views.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from . import contract, editions, fees, schedule, views
from .dated import State
from .model import KINDS, Ward
from .schema import schema_file
from .site import LICENCE, Site


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


def table(site: Site) -> list[Page]:
    """Every generated page of the site at the build date, in the site's order.

    Wards and adoptions that have not started by the build date have no page (they are announced
    ahead on the pages they affect when the start is near); ended ones keep theirs, as the record.
    """
    day = site.day
    procedures = site.procedures
    holidays = site.holidays.model_dump(mode="json")
    own = site.own()
    ranked, missing, total = views.results_by_ward(site.catalog, own)
    common = {
        "site": site,
        "day": day,
        "district_status": site.district,
        "names": site.names,
        "statuses": site.statuses,
        "reconstruction": site.review.reconstruction,
    }
    adopters = {p.id: site.adopters(p.id) for p in procedures}
    lists = {
        "procedures": procedures,
        "wards": site.wards,
        "current": site.current,
        "former": site.former,
        "adopters": adopters,
        "upcoming_wards": site.upcoming_wards,
        "listing": views.listing(site.services, own),
        "rules": site.rules,
        "reception": site.catalog.district.tiep_nhan if site.catalog.district else [],
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
            {
                **common,
                "plan": site.plan,
                "pdf": site.settings.pdf,
                "preview": site.settings.preview,
                "boards": _boards(site),
            },
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
        answer = site.common[procedure.id]
        context = {
            **common,
            "procedure": procedure,
            "rule": site.rules[procedure.id],
            "answer": answer,
            "fees": [fees.view(fee, site.laws) for fee in answer.fees],
            "adopters": adopters[procedure.id],
            "everyday": views.everyday_names(procedure),
        }
        out.append(Page(f"thu-tuc/{procedure.id}.md", "procedure.md.j2", context))
    for ward in site.wards:
        ward_status = site.statuses[ward.id]
        items = site.started(ward)
        hours = schedule.hours(ward)
        office = views.office(site.catalog, ward, ward_status)
        context = {
            **common,
            "ward": ward,
            "status": ward_status,
            "office": office,
            "wheres": [site.where[(ward.id, i.procedure.id)] for i in items if (ward.id, i.procedure.id) in site.where],
            "services": items,
            "upcoming": site.announced(ward),
            "hours": hours,
            "results": views.results(ward),
            "pdf": site.settings.pdf,
            "notice": site.plan.has_notice(ward),
            "postable": site.plan.may_post(ward),
            "hours_data": site.hours(ward).model_dump(mode="json"),
            "holidays": holidays,
            "history": ward_history(site, ward),
            "editions": _editions(site, ward, None),
        }
        out.append(Page(f"phuong/{ward.id}/index.md", "ward.md.j2", context))
        if context["history"] is not None:
            changes = {
                **common,
                "ward": ward,
                "status": ward_status,
                "history": context["history"],
                "days": views.changes_by_day(context["history"]),
                "pdf": site.settings.pdf,
                "postable": site.plan.may_post(ward),
            }
            out.append(Page(f"phuong/{ward.id}/thay-doi.md", "changes.md.j2", changes))
        for item in items:
            in_force = item.state is State.IN_FORCE
            context = {
                **common,
                "service": item,
                "ward": ward,
                "status": ward_status,
                "office": office,
                "procedure": item.procedure,
                "where": site.where.get((ward.id, item.procedure.id)),
                "rule": site.rules[item.procedure.id],
                "hours": hours,
                "checker": views.checker_data(
                    site.laws, item, ward_status, site.hours(ward), site.where.get((ward.id, item.procedure.id))
                ).model_dump(mode="json"),
                # The handout exists for a postable ward's procedures in force, when PDFs are made.
                "handout": site.settings.pdf and site.plan.may_post(ward) and in_force,
                "holidays": holidays,
                "history": ward_history(site, ward),
                "editions": _editions(site, ward, item.procedure.id) if in_force or ward_status.ended else None,
            }
            jsonld = views.jsonld(item, site.settings.site_url) if in_force else None
            out.append(Page(f"phuong/{ward.id}/{item.procedure.id}.md", "service.md.j2", context, jsonld=jsonld))
    return out


def ward_history(site: Site, ward: Ward) -> editions.History | None:
    """The ward's printed facts through time, when it has printed a notice."""
    history = site.histories.get(ward.id)
    return history if history is not None and history.changes and site.plan.has_notice(ward) else None


def _editions(site: Site, ward: Ward, procedure: str | None) -> dict[str, Any] | None:
    """What a ward's page (or a ward × procedure page) tells the reader of a printed sheet."""
    history = ward_history(site, ward)
    if history is None or not history.editions(procedure):
        return None
    postable = site.settings.pdf and site.plan.may_post(ward)
    if procedure is None:
        sheet, up = f"../../thong-bao/{ward.id}.pdf", ""
    else:
        sheet, up = f"../../../thong-bao/{ward.id}/phieu-{procedure}.pdf", "../"
    data = views.edition_data(
        history,
        procedure,
        ended=site.statuses[ward.id].ended,
        sheet=sheet if postable else None,
        changes_page=f"{up}thay-doi/",
    )
    return data.model_dump(mode="json")


@dataclass(frozen=True)
class Board:
    """A ward's current notice edition, and the one on its board when the ward has recorded it."""

    ward: Ward
    edition: Any
    posted: Any
    """The latest posting recorded (editions.Posting), or None."""
    outdated: bool


def _boards(site: Site) -> list[Board]:
    boards = []
    for ward in site.plan.postable:
        history = site.histories.get(ward.id)
        edition = history.edition() if history else None
        found = editions.latest_posting(ward, site.day)
        posted = found[1] if found else None
        outdated = posted is not None and (edition is None or posted.ban < edition)
        boards.append(Board(ward, edition, posted, outdated))
    return boards
