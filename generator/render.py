"""Render stage: the catalog to site pages (Markdown), open data (JSON, CSV) and schemas.

Knows nothing of MkDocs: ``render_site`` returns (path, content) pairs that the plugin adds to
the build. Every value that reaches a page goes through ``md_escape`` (Jinja's ``finalize``),
so catalog text can never become Markdown or HTML markup; template text is trusted.
"""

from __future__ import annotations

import csv
import functools
import html
import io
import json
import re
from dataclasses import dataclass
from datetime import date
from typing import Any
from urllib.parse import quote

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from . import views, workdays
from .catalog import Catalog
from .model import KINDS, SLUG_PATTERN
from .schema import schema_file, schema_text

# Markdown's backslash-escapable characters, less ">" (escaped as &gt; below); newlines fold.
_MD_TABLE = str.maketrans({**{c: "\\" + c for c in "\\`*_{}[]()#+-.!|"}, "\n": " "})


def md_escape(value: Any) -> Markup:
    """Text safe inside Markdown (and the HTML it becomes): markup shows as text."""
    if isinstance(value, Markup):
        return value
    if value is None:
        return Markup("")
    # Markdown first, then HTML: the entities that HTML escaping adds hold no Markdown character.
    return Markup(html.escape(str(value).translate(_MD_TABLE), quote=False))


def md_join(items: Any, separator: str = "") -> Markup:
    """``join`` that escapes each item for Markdown (the separator is template text)."""
    return Markup(separator).join(md_escape(item) for item in items)


def h(value: Any) -> Markup:
    """Text safe inside a raw HTML block (where Markdown escapes would show)."""
    return Markup(html.escape(str(value), quote=True))


def slug(value: str) -> Markup:
    """An id for a URL: validated by the model already, checked again since it bypasses escaping."""
    if not re.fullmatch(SLUG_PATTERN, value):
        raise ValueError(f"not a slug: {value!r}")
    return Markup(value)


def href(value: str) -> Markup:
    """A catalog URL (already validated as http/https) made safe for a Markdown link."""
    if not re.match(r"(?:https?://|tel:|mailto:)", value):
        raise ValueError(f"not an allowed link: {value!r}")
    return Markup(quote(value, safe=":/?#@!$&*+,;=%-._~[]"))


def attr_json(value: Any) -> Markup:
    """JSON for a <script type="application/json"> block or front matter: no '<', '>' or '&'."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


@functools.cache
def _environment() -> Environment:
    """One environment per process: templates compile once, and a preview rebuild reuses them."""
    env = Environment(
        loader=PackageLoader("generator", "templates/pages"),
        undefined=StrictUndefined,
        finalize=md_escape,
        # Autoescape makes macro output Markup (trusted); md_escape, applied to every other
        # value, escapes for HTML and Markdown both.
        autoescape=True,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        h=h,
        join=md_join,
        slug=slug,
        href=href,
        json=attr_json,
        vnd=views.vnd,
        number=views.number,
        date=views.vn_date,
        clock=views.clock,
        basis=views.basis_text,
        trusted=Markup,
    )
    env.globals.update(
        WEEKDAY_NAMES=views.WEEKDAY_NAMES,
        CHANNEL_NAMES=views.CHANNEL_NAMES,
        UNKNOWN=Markup("*đang cập nhật*"),
        promise=views.promise_text,
    )
    return env


# SVG is XML, not Markdown: its own environment escapes for XML only.
_svg_env = Environment(
    loader=PackageLoader("generator", "templates/pages"),
    undefined=StrictUndefined,
    autoescape=True,
    trim_blocks=True,
    lstrip_blocks=True,
)
_svg_env.filters.update(number=views.number)


@dataclass(frozen=True)
class PageMeta:
    """What MkDocs and the theme print about a page outside its body: never parsed from text.

    Pages carry no front matter: a catalog value inside YAML front matter could be misread (a
    noncharacter makes MkDocs drop the whole block and render it as Markdown), so the plugin sets
    ``page.meta`` from this instead.
    """

    title: str
    description: str
    jsonld: dict[str, Any] | None = None


@dataclass(frozen=True)
class Output:
    """One generated file: its path under the docs folder, its content, and for pages their meta."""

    path: str
    content: str | bytes
    meta: PageMeta | None = None


class SiteRenderer:
    """Renders every page of a catalog; one instance per build."""

    def __init__(self, catalog: Catalog, site_url: str, pdf: bool = True):
        self.catalog = catalog
        self.pdf = pdf
        review = catalog.district.ngay_ra_soat if catalog.district else date(2000, 1, 1)
        self.holidays = workdays.holiday_data(workdays.build_day(review))
        self.site_url = site_url.rstrip("/") + "/"
        self.env = _environment()

    def page(self, path: str, template: str, jsonld: dict[str, Any] | None = None, **context: Any) -> Output:
        """Render one page; its template sets ``title`` and ``description`` for the page's meta."""
        module = self.env.get_template(template).make_module(
            {"catalog": self.catalog, "district": self.catalog.district, "site_url": self.site_url, **context}
        )
        return Output(path, str(module), PageMeta(str(module.title), str(module.description), jsonld))

    def pages(self) -> list[Output]:
        catalog = self.catalog
        procedures, wards = list(catalog.procedures.values()), list(catalog.wards.values())
        counts = {p.id: len(views.adopters(catalog, p.id)) for p in procedures}
        out = [
            self.page("index.md", "home.md.j2", procedures=procedures, wards=wards, counts=counts),
            self.page("phuong/index.md", "wards.md.j2", wards=wards),
            self.page("thu-tuc/index.md", "procedures.md.j2", procedures=procedures, counts=counts),
            self.page("du-lieu/index.md", "data.md.j2", schemas=[schema_file(kind) for kind in KINDS]),
            self.page("thong-bao/index.md", "notices.md.j2", wards=wards, pdf=self.pdf),
            self.results_page(),
        ]
        for procedure in procedures:
            fees = [views.fee_view(f) for c in procedure.cach_thuc_thuc_hien for f in c.le_phi]
            adopters = views.adopters(catalog, procedure.id)
            out.append(
                self.page(
                    f"thu-tuc/{procedure.id}.md", "procedure.md.j2", procedure=procedure, fees=fees, adopters=adopters
                )
            )
        for ward in wards:
            services = [views.service(catalog, ward, a) for a in ward.thu_tuc_khong_cho]
            hours = views.hours(ward)
            out.append(
                self.page(
                    f"phuong/{ward.id}/index.md",
                    "ward.md.j2",
                    ward=ward,
                    services=services,
                    hours=hours,
                    results=views.results(ward),
                    pdf=self.pdf,
                    hours_data=views.hours_data(ward),
                    holidays=self.holidays,
                )
            )
            out.extend(
                self.page(
                    f"phuong/{ward.id}/{item.procedure.id}.md",
                    "service.md.j2",
                    service=item,
                    ward=ward,
                    procedure=item.procedure,
                    hours=hours,
                    jsonld=self.jsonld(item),
                    checker=views.checker_data(item),
                    holidays=self.holidays,
                )
                for item in services
            )
        return out

    def results_page(self) -> Output:
        """/ket-qua/: the district total, wards ranked by share, an SVG chart drawn now."""
        ranked, missing, total = views.results_by_ward(self.catalog)
        chart = Markup(_svg_env.get_template("_chart.svg.j2").render(rows=ranked)) if ranked else ""
        sources = sorted({p.result.nguon.ten for r in ranked for p in r.periods if p.result.nguon})
        return self.page(
            "ket-qua/index.md",
            "results.md.j2",
            ranked=ranked,
            missing=missing,
            total=total,
            chart=chart,
            sources=sources,
        )

    def jsonld(self, item: views.Service) -> dict[str, Any]:
        """schema.org GovernmentService for a ward x procedure page."""
        ward, procedure = item.ward, item.procedure
        data: dict[str, Any] = {
            "@context": "https://schema.org",
            "@type": "GovernmentService",
            "name": f"{procedure.ten} — {ward.full_name}",
            "serviceType": procedure.linh_vuc or procedure.short_name,
            "url": f"{self.site_url}phuong/{ward.id}/{procedure.id}/",
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

    def data_files(self) -> list[Output]:
        """Open data: the whole catalog as JSON, wards and procedures as CSV, and the schemas."""
        catalog = self.catalog
        document = {
            "quan": catalog.district.model_dump(mode="json") if catalog.district else None,
            "thu_tuc": [p.model_dump(mode="json") for p in catalog.procedures.values()],
            "phuong": [w.model_dump(mode="json") for w in catalog.wards.values()],
        }
        out = [
            Output("du-lieu/danh-muc.json", json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n")
        ]
        out.append(
            Output(
                "du-lieu/phuong.csv",
                _csv(
                    ["id", "ten", "dia_chi", "dien_thoai", "email", "so_thu_tuc_khong_cho", "ngay_ra_soat"],
                    [
                        [
                            w.id,
                            w.ten,
                            w.dia_chi,
                            w.dien_thoai,
                            w.email,
                            len(w.thu_tuc_khong_cho),
                            w.ngay_ra_soat.isoformat(),
                        ]
                        for w in catalog.wards.values()
                    ],
                ),
            )
        )
        out.append(
            Output(
                "du-lieu/thu-tuc.csv",
                _csv(
                    ["id", "ma_thu_tuc", "ten", "linh_vuc", "so_phuong_ap_dung"],
                    [
                        [p.id, p.ma_thu_tuc, p.ten, p.linh_vuc, len(views.adopters(catalog, p.id))]
                        for p in catalog.procedures.values()
                    ],
                ),
            )
        )
        out.append(
            Output(
                "du-lieu/ket-qua.csv",
                _csv(
                    ["phuong", "ten_phuong", "tu_ngay", "den_ngay", "tiep_nhan", "giai_quyet_ngay"],
                    [
                        [w.id, w.ten, r.tu_ngay.isoformat(), r.den_ngay.isoformat(), r.tiep_nhan, r.giai_quyet_ngay]
                        for w in catalog.wards.values()
                        for r in sorted(w.ket_qua, key=lambda r: r.tu_ngay)
                    ],
                ),
            )
        )
        out.extend(Output(f"du-lieu/schema/{schema_file(kind)}", schema_text(kind)) for kind in KINDS)
        results = [
            {
                "phuong": w.id,
                "ten_phuong": w.ten,
                "tu_ngay": r.tu_ngay.isoformat(),
                "den_ngay": r.den_ngay.isoformat(),
                "tiep_nhan": r.tiep_nhan,
                "giai_quyet_ngay": r.giai_quyet_ngay,
                "ty_le": views.share(r.giai_quyet_ngay, r.tiep_nhan),
                "nguon": r.nguon.ten if r.nguon else None,
            }
            for w in catalog.wards.values()
            for r in sorted(w.ket_qua, key=lambda r: r.tu_ngay)
        ]
        out.append(Output("du-lieu/ket-qua.json", json.dumps(results, ensure_ascii=False, indent=1) + "\n"))
        holidays = json.dumps(self.holidays, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
        out.append(Output("du-lieu/ngay-nghi.json", holidays))
        return out


_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def csv_cell(value: Any) -> Any:
    """A value a spreadsheet will show as text, never run as a formula (OWASP, CSV injection).

    Text starting with a formula character gets a leading apostrophe, which Excel and LibreOffice
    hide and read as "this is text".
    """
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[csv_cell(v) for v in row] for row in rows])
    return buffer.getvalue()


def render_site(catalog: Catalog, site_url: str, pdf: bool = True) -> list[Output]:
    """Every generated page and data file of the site, in a stable order (notices: notice.py)."""
    renderer = SiteRenderer(catalog, site_url, pdf)
    return sorted(renderer.pages() + renderer.data_files(), key=lambda o: o.path)
