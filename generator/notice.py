"""Notices: one A4 notice per ward in the layout of Nghị định 30/2020/NĐ-CP, as HTML and PDF.

The same HTML prints from a browser and becomes the PDF through WeasyPrint, with the bundled
Liberation Serif fonts, so the PDF looks the same on every machine.
"""

from __future__ import annotations

import functools
import hashlib
import io
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pypdf
import segno
from jinja2 import Environment, StrictUndefined, select_autoescape

from . import fmt, labels, rules, schedule, views
from .catalog import Catalog
from .model import Ward
from .pages import NoticePlan
from .problems import Problem, Severity
from .render import loader, unknown_condition_kind

MAX_PAGES = 2
"""The district's boards take two A4 pages per ward."""
FONTS_URL = "../../assets/fonts/"
"""Where the notice HTML (at /thong-bao/<ward>/) finds the bundled fonts."""


class PangoMissing(RuntimeError):
    """WeasyPrint cannot load Pango; the message says which package to install."""


def notice_date(day: date | None) -> str:
    """'ngày 05 tháng 02 năm 2022': days under 10 and months 1-2 zero-padded (Nghị định 30/2020)."""
    if day is None:
        return "ngày ..... tháng ..... năm ......."  # filled in by hand when the notice is signed
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


@functools.cache
def qr_data_uri(url: str) -> str:
    """The QR code of ``url`` as an SVG data URI (embedded: no extra file to lose)."""
    return segno.make(url, error="m").svg_data_uri(scale=4, border=2, dark="#000", light="#fff")


_env = Environment(
    loader=loader("notice"),
    autoescape=select_autoescape(["html", "j2"], default=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters.update(clock=fmt.clock, hour=fmt.hour, unit=labels.unit, mid=labels.mid)
_env.globals.update(promise=labels.promise, unknown_condition_kind=unknown_condition_kind)


@dataclass(frozen=True)
class Notice:
    """One ward's notice as HTML."""

    ward: Ward
    html: str


def ward_url(site_url: str, ward: Ward) -> str:
    return f"{site_url.rstrip('/')}/phuong/{ward.id}/"


def render_notice(
    catalog: Catalog, ward: Ward, site_url: str, day: date, *, postable: bool = True, fonts_url: str = FONTS_URL
) -> Notice:
    """The standalone HTML notice of one ward, as it stands at ``day``.

    A notice that may no longer be posted (its ward has ended, or settles nothing without waiting
    any more) carries a watermark on every page and says why at the top.
    """
    url = ward_url(site_url, ward)
    ward_status = views.status(catalog, ward, day)
    items = views.services(catalog, ward, day)
    if postable:  # a notice to post lists what holds today; the record of an ended one, what held
        items = [item for item in items if item.state is rules.State.IN_FORCE]
    void_since = None
    if not postable:
        ends = [rules.after(item.rules.period.end) for item in items if item.rules.period.end]
        void_since = ward_status.since if ward_status.ended else max(ends, default=None)
    html = _env.get_template("notice.html.j2").render(
        ward=ward,
        district=catalog.district,
        laws=views.laws(catalog),
        status=ward_status,
        postable=postable,
        services=items,
        hours=schedule.hours(ward),
        url=url,
        qr=qr_data_uri(url),
        date_line=notice_date(ward.thong_bao.ngay),
        today=fmt.day(day),
        void_since=fmt.day(void_since) if void_since else "",
        fonts_url=fonts_url,
    )
    return Notice(ward, html)


def _weasyprint():
    try:
        import weasyprint
    except OSError as exc:  # raised when libpango cannot be loaded
        raise PangoMissing(
            "WeasyPrint cần thư viện Pango để tạo PDF thông báo: "
            "hãy cài gói hệ thống 'libpango-1.0-0' và 'libpangoft2-1.0-0' "
            "(Debian/Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0), "
            f"hoặc dựng trang với KHONG_CHO_NO_PDF=1 để bỏ qua PDF. ({exc})"
        ) from exc
    return weasyprint


_pdfs: dict[str, tuple[bytes, int]] = {}
"""PDF bytes and page count by HTML and base URL: a preview rebuild lays out only what changed.

Bytes, not laid-out documents, are kept: a laid-out notice holds megabytes, its PDF ~40 KB.
"""


def _pdf(html: str, base_url: str) -> tuple[bytes, int]:
    key = hashlib.sha256(f"{base_url}\n{html}".encode()).hexdigest()
    if key not in _pdfs:
        document = _weasyprint().HTML(string=html, base_url=base_url).render()
        _pdfs[key] = (document.write_pdf(), len(document.pages))
    return _pdfs[key]


def render_pdf(notices: list[Notice], base_url: Path) -> tuple[list[bytes], dict[str, int]]:
    """Each notice as PDF, and each ward's page count.

    ``base_url`` stands for the notice's own folder (thong-bao/<ward>/), so the fonts resolve.
    """
    rendered = [_pdf(n.html, base_url.as_uri() + "/") for n in notices]
    counts = {n.ward.id: pages for n, (_, pages) in zip(notices, rendered, strict=True)}
    return [data for data, _ in rendered], counts


def combine(pdfs: list[bytes]) -> bytes:
    """Several PDFs as one."""
    combined = io.BytesIO()
    writer = pypdf.PdfWriter()
    for data in pdfs:
        writer.append(pypdf.PdfReader(io.BytesIO(data)))
    writer.write(combined)
    return combined.getvalue()


def render_notices(
    catalog: Catalog, plan: NoticePlan, site_url: str, fonts_dir: Path, day: date, *, pdf: bool = True
) -> tuple[list[tuple[str, str | bytes]], list[Problem]]:
    """Every notice file of the site, as (path, content), and a warning for each postable notice that overflows.

    ``fonts_dir`` is the folder holding the bundled fonts (docs/assets/fonts). ``tat-ca.pdf`` holds
    the postable notices only (and is not made when there are none). A warning points at the
    ward's file, where the text to shorten is.
    """
    notices = [render_notice(catalog, ward, site_url, day, postable=ward in plan.postable) for ward in plan.wards]
    files: list[tuple[str, str | bytes]] = [(f"thong-bao/{n.ward.id}/index.html", n.html) for n in notices]
    overflows: list[Problem] = []
    if pdf and notices:
        # The notice lives at thong-bao/<ward>/, two levels below the fonts' assets/ folder.
        base = fonts_dir.parent.parent / "thong-bao" / "_"
        singles, counts = render_pdf(notices, base)
        files += [(f"thong-bao/{n.ward.id}.pdf", data) for n, data in zip(notices, singles, strict=True)]
        postable = [data for n, data in zip(notices, singles, strict=True) if n.ward in plan.postable]
        if postable:
            files.append(("thong-bao/tat-ca.pdf", combine(postable)))
        for ward in plan.postable:
            pages = counts[ward.id]
            if pages > MAX_PAGES:
                message = (
                    f"thông báo niêm yết của phường {ward.ten} dài {pages} trang, quá {MAX_PAGES} trang khổ A4; "
                    "hãy rút gọn nội dung (noi_dung_ngan của các điều kiện)"
                )
                where = ("thu_tuc_khong_cho",)
                overflows.append(catalog.source(ward).problem(where, message, severity=Severity.WARNING))
    return files, overflows
