"""The changes as Atom feeds (RFC 4287): one per ward with printed matter, and one for the whole site.

Beside each ward's feed, a sitemap of the ward's pages: the theme (Material) fetches ``sitemap.xml``
from the folder of every ``<link rel="alternate">`` of a page, the feed's among them, and a missing
one is an error in the visitor's browser console.

One entry per change that has taken effect by the build date (those announced ahead are on the
change pages, and enter the feeds on their day), newest first, linked to its place on the ward's
change page. Dates are the changes' own days, so the same catalog and date give the same bytes.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import date

from . import editions, fmt
from .output import Output
from .site import Site

ATOM = "http://www.w3.org/2005/Atom"
"""Written as the root's default namespace, elements unqualified: the same bytes whatever else in the
process registered with ElementTree."""


def _stamp(day: date) -> str:
    """Midnight in Hanoi on ``day``, as Atom wants a date and time."""
    return f"{day.isoformat()}T00:00:00+07:00"


def _element(parent: ET.Element, tag: str, text: str | None = None, **attributes: str) -> ET.Element:
    element = ET.SubElement(parent, tag, attributes)
    if text is not None:
        element.text = text
    return element


def _feed(site: Site, title: str, page: str, path: str, changes: list[editions.Change]) -> Output:
    base = site.settings.site_url.rstrip("/") + "/"
    district = site.catalog.district
    author = (district.cong_bo.don_vi if district and district.cong_bo.don_vi else None) or (
        district.co_quan if district else "Thủ tục hành chính không chờ"
    )
    feed = ET.Element("feed", {"xmlns": ATOM, "xml:lang": "vi"})
    _element(feed, "id", base + page)
    _element(feed, "title", title)
    _element(feed, "updated", _stamp(max((c.day for c in changes), default=site.day)))
    _element(feed, "link", rel="self", href=base + path)
    _element(feed, "link", rel="alternate", type="text/html", href=base + page)
    _element(_element(feed, "author"), "name", author)
    for change in sorted(changes, key=lambda c: (c.day, c.ward, c.procedure or ""), reverse=True):
        ward = site.names[change.ward]
        procedure = site.catalog.procedures.get(change.procedure) if change.procedure else None
        link = f"{base}phuong/{change.ward}/thay-doi/#{change.anchor}"
        entry = _element(feed, "entry")
        _element(entry, "id", link)
        what = f"{ward}, {procedure.short_name}" if procedure else ward
        _element(entry, "title", f"Từ ngày {fmt.day(change.day)}: {what}")
        _element(entry, "updated", _stamp(change.day))
        _element(entry, "link", rel="alternate", type="text/html", href=link)
        _element(entry, "category", term=change.ward, label=ward)
        _element(entry, "content", " ".join(change.sentences), type="text")
    text = ET.tostring(feed, encoding="unicode")
    return Output(path, '<?xml version="1.0" encoding="utf-8"?>\n' + text + "\n")


def paths(wards: list[str]) -> list[str]:
    """Where ``files`` and ``ward_sitemaps`` put each file, for ``wards`` (named before they are made)."""
    return ["thay-doi.xml", *(f"phuong/{w}/{name}" for w in wards for name in ("thay-doi.xml", "sitemap.xml"))]


def files(site: Site, wards: list[str]) -> list[Output]:
    """``/thay-doi.xml`` and ``/phuong/<ward>/thay-doi.xml`` for each of ``wards``."""
    out = []
    every: list[editions.Change] = []
    for ward_id in wards:
        past = site.histories[ward_id].past()
        every += past
        title = f"Các thay đổi: {site.names[ward_id]}"
        out.append(_feed(site, title, f"phuong/{ward_id}/thay-doi/", f"phuong/{ward_id}/thay-doi.xml", past))
    out.insert(0, _feed(site, "Các thay đổi: thủ tục hành chính không chờ", "thong-bao/", "thay-doi.xml", every))
    return out


SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"


def ward_sitemaps(site: Site, wards: list[str], pages: list[str]) -> list[Output]:
    """``/phuong/<ward>/sitemap.xml`` beside each ward's feed: the ward's pages (``pages`` are the
    site's Markdown paths), dated the build date; empty in a preview build, like the site's own."""
    base = site.settings.site_url.rstrip("/") + "/"
    out = []
    for ward_id in wards:
        urlset = ET.Element("urlset", {"xmlns": SITEMAP})
        folder = f"phuong/{ward_id}/"
        listed = [] if site.settings.preview else sorted(p for p in pages if p.startswith(folder) and p.endswith(".md"))
        for path in listed:
            stem = path.removesuffix(".md")
            url = _element(urlset, "url")
            _element(url, "loc", base + (stem.removesuffix("index") if stem.endswith("/index") else stem + "/"))
            _element(url, "lastmod", site.day.isoformat())
        text = ET.tostring(urlset, encoding="unicode")
        out.append(Output(folder + "sitemap.xml", '<?xml version="1.0" encoding="utf-8"?>\n' + text + "\n"))
    return out
