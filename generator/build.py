"""The output half, one straight script: pages -> open data -> notices -> search index.

``outputs`` makes every generated file from a valid catalog and explicit settings (the site's
address, the date it describes); MkDocs turns the pages into HTML, and ``search_index`` runs last
on the HTML it wrote. The MkDocs plugin (plugin.py) only calls these two, in this order.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from . import notice, opendata, pages, search
from .catalog import Catalog
from .pages import Settings
from .problems import Problem
from .render import Output, render_page

FONTS = Path("assets") / "fonts"
"""Where the notices' fonts are, under the docs folder."""


@dataclass(frozen=True)
class Built:
    """Every generated file, in a stable order, and warnings that point at catalog files."""

    outputs: list[Output]
    warnings: list[Problem]


def outputs(catalog: Catalog, settings: Settings, docs_dir: Path) -> Built:
    """The generated part of the site: pages, open data, notices (HTML and, when asked, PDF)."""
    # 1. Pages: the table of pages, each rendered from its template to Markdown.
    files = [render_page(page, catalog) for page in pages.table(catalog, settings)]
    # 2. Open data: the catalog, results and days off as JSON and CSV, and the schemas.
    files += opendata.files(catalog, settings)
    # 3. Printed matter: each ward's notice (HTML and PDF), and for postable wards a poster and a
    #    handout per procedure; all postable notices in one PDF. PDFs are laid out on every core.
    plan = pages.notices(catalog, settings.day)
    notices, warnings = notice.render_notices(
        catalog, plan, settings.site_url, docs_dir / FONTS, settings.day, pdf=settings.pdf, preview=settings.preview
    )
    files += [Output(path, content) for path, content in notices]
    paths = [output.path for output in files]
    if len(set(paths)) != len(paths):  # ids are checked against the site's own names; this cannot happen
        raise AssertionError(f"two outputs share a path: {sorted(p for p in paths if paths.count(p) > 1)}")
    return Built(sorted(files, key=lambda output: output.path), warnings)


def search_index(site_dir: Path) -> None:
    """4. Search: Pagefind indexes the HTML that MkDocs wrote."""
    search.index(site_dir)
