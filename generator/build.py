"""The build, one straight script: catalog -> the site at its date -> pages -> open data -> notices,
then the search index over the HTML MkDocs wrote.

``prepare`` reads and checks the catalog and computes the site at the build date (site.py);
``outputs`` makes every generated file from it; MkDocs turns the pages into HTML, and
``search_index`` runs last. The MkDocs plugin (plugin.py) only calls these, in this order, and
hands MkDocs the files and the theme's values.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import compress, contract, feeds, notice, opendata, pages, render, search, site
from .catalog import Catalog
from .notice import PREVIEW_MARK, PangoMissing
from .output import Output, PageMeta
from .pipeline import read_catalog
from .problems import Problem, sort_problems
from .render import render_page
from .search import SearchError
from .settings import BadDay, Settings, build_day, parse_day, today

__all__ = [
    "BadDay",
    "BuildError",
    "Built",
    "Output",
    "PageMeta",
    "Planned",
    "Prepared",
    "Settings",
    "Twins",
    "build_day",
    "may_build",
    "outputs",
    "parse_day",
    "planned",
    "prepare",
    "prepared",
    "read_catalog",
    "render_page",
    "search_index",
    "theme",
    "today",
]

FONTS = Path("assets") / "fonts"
"""Where the notices' fonts are, under the docs folder."""
CACHE = Path(".cache") / "khong-cho"
"""Where a build keeps what it may reuse (compressed twins, laid-out PDFs), beside mkdocs.yml; git
ignores it; deleting it only costs time."""
BuildError = site.BuildError
Twins = compress.Twins
theme = site.theme
may_build = site.may_build


@dataclass(frozen=True)
class Prepared:
    """The catalog read and checked, and (when it has no errors) the site at the build date."""

    problems: list[Problem]
    """Every problem of the catalog, errors first."""
    site: site.Site | None
    """None when the catalog has errors: nothing may be built from it."""
    theme: dict[str, Any]
    """The theme's values (config.extra): computed even for a catalog with errors (its footer)."""
    notes: list[str] = field(default_factory=list)
    """What the terminal should say about this build besides problems (a preview address)."""

    @property
    def left_out(self) -> tuple[str, ...]:
        """Pages of docs/ not to publish with this site (the staff's guide on a reconstruction)."""
        return self.site.left_out if self.site else ()

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]

    @property
    def of_the_day(self) -> list[Problem]:
        """The review's warnings (past its deadline, or in the future), and what a reader of the
        build date finds missing."""
        return [*self.site.review.problems, *self.site.gaps] if self.site else []

    @property
    def warnings(self) -> list[Problem]:
        """The catalog's warnings, and those of the day."""
        return sort_problems([p for p in self.problems if not p.is_error] + self.of_the_day)


def prepare(catalog_dir: Path, settings: Settings) -> Prepared:
    """Read, validate and check the catalog; when it has no errors, the site at ``settings.day``.

    Raises BuildError when the catalog is valid but the site may not be built (a date the catalog
    does not describe, or a publishing build past the review deadline).
    """
    catalog, problems = read_catalog(catalog_dir)
    return prepared(catalog, problems, settings)


def prepared(catalog: Catalog, problems: list[Problem], settings: Settings) -> Prepared:
    """``prepare`` of a catalog already read (``problems``: what reading it found)."""
    if any(p.is_error for p in problems) or catalog.district is None:
        return Prepared(problems, None, site.theme(catalog, settings))
    at = site.at(catalog, settings)
    notes = []
    if settings.preview:
        notes.append(
            f"CẢNH BÁO: địa chỉ trang {settings.site_url} là địa chỉ xem trước: mã QR trên thông báo, áp phích, "
            f"phiếu hướng dẫn chỉ mở được trên máy này, nên mọi trang in mang dấu '{PREVIEW_MARK}'. Để in niêm "
            "yết, dựng lại với địa chỉ công khai: SITE_URL=https://ten-mien-cua-phuong.vn/ make site (hoặc make "
            "publish)."
        )
    return Prepared(problems, at, dict(at.theme), notes)


@dataclass(frozen=True)
class Built:
    """Generated files in a stable order, warnings that point at catalog files, and the HTML of
    every printed sheet (what each PDF prints)."""

    outputs: list[Output]
    warnings: list[Problem]
    sheets: dict[str, str] = field(default_factory=dict)
    pdfs_laid_out: int | None = None
    """PDF jobs laid out by this build (the others came from the cache); None without a cache."""


@dataclass(frozen=True)
class Planned:
    """The table of pages, and every other generated file named before it is made: MkDocs lists the
    site's files before it reads the first page, and they are made while it converts the pages."""

    table: list[pages.Page]
    paths: list[str]
    """Open data, feeds, sitemaps, search words and printed matter, by path, in order."""
    make: Callable[[], Built]
    """Makes the files of ``paths`` (in that order)."""


def planned(at: site.Site, docs_dir: Path, cache: Path | None = None, *, sheets: bool = True) -> Planned:
    """The table of pages and every other generated file's path (the pages are rendered one by one
    from the table: ``render_page``; the other files by ``make``). ``sheets=False``: without PDFs,
    the printed sheets' HTML is not made."""
    render.keep_compiled(cache / "jinja" if cache else None, ("notice", notice.environment()))
    # 1. Pages: the table of pages (each is rendered from its template to Markdown).
    table = pages.table(at)
    with_feed = [w.id for w in at.wards if pages.ward_history(at, w)]
    paths = sorted(opendata.paths() + feeds.paths(with_feed) + [contract.WORDS_FILE] + notice.printed_paths(at))
    every = [p.path for p in table] + paths
    if len(set(every)) != len(every):  # ids are checked against the site's own names; this cannot happen
        raise AssertionError(f"two outputs share a path: {sorted(p for p in every if every.count(p) > 1)}")

    def make() -> Built:
        # 2. Open data: the catalog as of the build date, results and days off as JSON and CSV, the schemas.
        files = opendata.files(at, cache)
        files += feeds.files(at, with_feed)
        files += feeds.ward_sitemaps(at, with_feed, [p.path for p in table])
        files.append(search.words(at))
        # 3. Printed matter: each ward's notice (HTML and PDF), and for postable wards a poster and a
        #    handout per procedure; all postable notices in one PDF. PDFs are laid out on every core.
        try:
            printed = notice.render_notices(at, docs_dir / FONTS, cache, keep_sheets=sheets)
        except PangoMissing as exc:
            raise BuildError(str(exc)) from exc
        files += [Output(path, content) for path, content in printed.files]
        files.sort(key=lambda output: output.path)
        if [output.path for output in files] != paths:  # what was named is what is made
            raise AssertionError(f"files named and made differ: {sorted(set(paths) ^ {o.path for o in files})}")
        return Built(files, printed.warnings, printed.sheets, printed.laid_out)

    return Planned(table, paths, make)


def outputs(at: site.Site, docs_dir: Path, cache: Path | None = None) -> Built:
    """The generated part of the site: pages, open data, notices (HTML and, when asked, PDF)."""
    plan = planned(at, docs_dir, cache)
    made = plan.make()
    files = [render_page(page, at) for page in plan.table] + made.outputs
    return Built(sorted(files, key=lambda output: output.path), made.warnings, made.sheets, made.pdfs_laid_out)


def twins(cache: Path | None) -> Twins:
    """5. Light to serve: precompressed twins of every text file, made while the build goes on
    (pages as MkDocs writes them), with Brotli's output kept in ``cache``."""
    return compress.Twins(cache)


def finish(site_dir: Path, twins: Twins | None) -> None:
    """The site's own scripts and styles minified, and (not for the preview server, which serves
    files as they are) the twins of every text file not made yet."""
    compress.minify(site_dir)
    if twins is not None:
        twins.finish(site_dir)


def search_index(site_dir: Path) -> None:
    """4. Search: Pagefind indexes the HTML that MkDocs wrote."""
    try:
        search.index(site_dir)
    except SearchError as exc:
        raise BuildError(str(exc)) from exc
