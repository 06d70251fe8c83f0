"""The thin MkDocs adapter: read the catalog, hand the build's files to MkDocs, index search.

Everything else lives in the builder-agnostic core (pipeline, build), which tests call directly.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any

from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config, ValidationError
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin, event_priority
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import beside, build
from .problems import FILE_FIELD, Problem, digest, printable, sort_problems, summary

log = logging.getLogger("mkdocs.plugins.khong-cho")
notice_log = logging.getLogger("khong_cho.notice")
"""Our own messages: seen in the terminal, but not MkDocs warnings, so a --strict build goes on."""
EMPTY_FRONT_MATTER = "---\n{}\n---\n"
HINT = "chạy `make check` để xem từng dòng"
"""How the build's summary tells an editor to see every warning."""
ERROR_TITLE = "Danh mục có lỗi"


class Day(c.BaseConfigOption[date]):
    """A day written YYYY-MM-DD (YAML may already have read it as a date)."""

    def run_validation(self, value: object) -> date:
        try:
            return build.parse_day(value if isinstance(value, date) else str(value), "ngay")
        except build.BadDay as exc:
            raise ValidationError(str(exc)) from None


class KhongChoConfig(Config):
    catalog = c.Type(str, default="procedures")
    """The catalog folder, relative to mkdocs.yml."""
    search = c.Type(bool, default=True)
    """Index the built site with Pagefind (off only for quick previews)."""
    pdf = c.Type(bool, default=True)
    """Make the notices' PDFs with WeasyPrint (KHONG_CHO_NO_PDF=1 also turns it off)."""
    ngay = c.Optional(Day())
    """The date the site describes (KHONG_CHO_NGAY wins over it); default: today in Vietnam."""
    cong_khai = c.Type(bool, default=False)
    """A build for publishing (set by ``build --cong-khai``): a catalog past its review deadline stops it."""


class KhongChoPlugin(BasePlugin[KhongChoConfig]):
    """Adds the catalog's pages to a MkDocs build; a catalog with errors stops the build.

    An adapter over the build (build.py): typed configuration in, files and theme values out.
    Under ``mkdocs serve`` a catalog with errors does not stop the preview: every page the editor
    has open shows the ``file:line:col: field: message`` list instead, and the next good save
    brings the site back (the live reload does the rest).
    """

    def __init__(self) -> None:
        self.outputs: list[build.Output] = []
        self.meta: dict[str, build.PageMeta] = {}
        self.day: date | None = None
        self.serving = False
        self.error_pages: set[str] = set()
        """In the live preview of a catalog with errors: the pages that show the error list."""
        self.report: list[str] = []
        self.left_out: tuple[str, ...] = ()
        self.twins: build.Twins | None = None
        self.cache: Path | None = None
        self.generation: beside.Generation | None = None
        self.generation_ready = False
        self.pending: dict[str, bool] = {}
        """Pages whose Markdown the generator has still to hand over, and whether each is in the menu."""
        self.rendered: dict[str, build.Output] = {}
        self.made: list[str] = []
        """The generated files that are not pages: the generator writes them into the site folder."""
        self.emptied: Any = None
        """Set once MkDocs has emptied the site folder: the generator may write there."""
        self.written: list[Path] = []
        """Files MkDocs has written (or will have, by the next page) whose twins are not asked for yet."""
        self.pdfs_laid_out: int | None = None
        self.problems: list[Problem] = []
        self.of_the_day: list[Problem] = []

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    @staticmethod
    def _cache(config: MkDocsConfig) -> Path | None:
        """Where builds of this project keep what they may reuse: beside its mkdocs.yml."""
        if os.environ.get("KHONG_CHO_CACHE"):  # another place (the benchmark starts each size empty)
            return Path(os.environ["KHONG_CHO_CACHE"])
        return Path(config.config_file_path).parent / build.CACHE if config.config_file_path else None

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # MkDocs keeps a plugin with on_startup across the rebuilds of ``serve``: start afresh.
        self.stop()
        self.error_pages, self.report, self.left_out = set(), [], ()
        self.pending, self.rendered, self.generation_ready, self.made = {}, {}, False, []
        try:
            self.day = build.build_day(self.config.ngay)
        except build.BadDay as exc:
            raise PluginError(str(exc)) from None
        site_url = (config.site_url or "/").rstrip("/") + "/"
        pdf = self.config.pdf and os.environ.get("KHONG_CHO_NO_PDF", "") in ("", "0")
        settings = build.Settings(site_url, self.day, pdf, public=self.config.cong_khai, today=build.today())
        root = Path(config.config_file_path).parent / self.config.catalog
        self.cache = self._cache(config)
        self.emptied = multiprocessing.Event()
        job = beside.Job(root, settings, Path(config.docs_dir), Path(config.site_dir), self.cache, self.emptied)
        # The generator starts beside MkDocs at once (beside.py), and reads the catalog itself; this
        # process checks it at the same time, so a catalog with errors stops the build here, before
        # MkDocs touches the output folder.
        if not self.serving and beside.may_fork():
            self.generation = beside.generator(job)
        catalog, problems = build.read_catalog(root)
        if any(p.is_error for p in problems) or catalog.district is None:
            self.stop()
            config.extra.update(build.theme(catalog, settings))
            if self.serving:
                return self._show_errors(config, problems)
            lines = "\n".join(str(p) for p in problems if p.is_error)
            raise PluginError(f"Danh mục có lỗi, trang web không được dựng:\n{lines}\n{summary(problems)}")
        try:
            build.may_build(catalog, settings)
        except build.BuildError as exc:
            self.stop()
            raise PluginError(str(exc)) from exc
        self.problems = problems
        if self.generation is None:
            self.generation = beside.InProcess(replace(job, read=(catalog, problems)))
        if self.serving:  # the preview's pages are made while MkDocs goes on: a rebuild needs them at once
            self._ready(config)
        return config

    def _receive(self) -> beside.Message | None:
        assert self.generation is not None
        try:
            return self.generation.receive()
        except build.BuildError as exc:
            raise PluginError(str(exc)) from exc

    def _ready(self, config: MkDocsConfig) -> None:
        """Take the site's values and the generated files from the generator."""
        ready = self._receive()
        assert isinstance(ready, beside.Ready) and ready.ok, ready
        self.generation_ready = True
        config.extra.update(ready.theme)
        if not self.serving:  # a live preview is a preview by design
            for note in ready.notes:
                notice_log.warning("%s", note)
        named = self._receive()
        assert isinstance(named, beside.Files)
        self.outputs, self.made, self.pending = [], named.files, dict(named.pages)
        self.left_out = ready.left_out
        self.of_the_day = ready.of_the_day
        if not self.serving:  # the preview server serves files as they are
            self.twins = build.twins(self.cache)

    def _show_errors(self, config: MkDocsConfig, problems: list[Problem]) -> MkDocsConfig:
        """The preview of a catalog with errors: the error list in place of every page."""
        errors = [p for p in problems if p.is_error] or [
            Problem("district.yaml", 1, 1, FILE_FIELD, "chưa đọc được thông tin quận (district.yaml)")
        ]
        for problem in errors:
            notice_log.error("%s", problem)
        notice_log.error("%s Trang xem trước hiện danh sách lỗi này; sửa rồi lưu tệp để dựng lại.", summary(problems))
        config.extra["kc_errors"] = {
            "items": [
                {
                    "where": printable(f"{p.path}:{p.line}:{p.column}"),
                    "field": printable(p.field),
                    "message": printable(p.message),
                }
                for p in errors
            ],
            "summary": summary(problems),
        }
        # Every page the editor may have open (the last build's pages, the menu, docs/) shows the list,
        # so the live reload lands on it wherever the browser is.
        self.error_pages = {"index.md", *_nav_pages(config.nav), *_built_pages(Path(config.site_dir))}
        config.nav = [{ERROR_TITLE: "index.md"}]
        return config

    def _error_outputs(self, files: Files) -> list[build.Output]:
        """A page with the error list at every path the editor may have open; docs/ pages replaced."""
        pages = self.error_pages
        for file in list(files.documentation_pages()):
            pages.add(file.src_uri)
            files.remove(file)
        meta = build.PageMeta(ERROR_TITLE, ERROR_TITLE, None)
        return [build.Output(path, f"# {ERROR_TITLE}\n", meta, in_nav=path == "index.md") for path in sorted(pages)]

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.generation is not None and not self.generation_ready:
            self._ready(config)
        if self.error_pages:
            self.outputs = self._error_outputs(files)
        self.meta = {output.path: output.meta for output in self.outputs if output.meta is not None}
        for path in self.left_out:
            file = files.get_file_from_path(path)
            if file is not None:
                files.remove(file)
        for output in self.outputs:
            _claim(files, output.path)
            content = output.content
            if output.meta is not None:
                # An empty front matter block: MkDocs then never reads the page's first lines as
                # metadata; the real meta comes from ``on_page_markdown``.
                content = EMPTY_FRONT_MATTER + str(content)
            inclusion = InclusionLevel.UNDEFINED if output.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, output.path, content=content, inclusion=inclusion))
        site_dir = Path(config.site_dir)
        for path in self.made:
            _claim(files, path)
            # Written there by the generator before MkDocs copies files (on_env): MkDocs copies nothing
            # onto itself, and the file is left as it is.
            source = str(site_dir / path)
            files.append(File.generated(config, path, abs_src_path=source, inclusion=InclusionLevel.NOT_IN_NAV))
        if self.emptied is not None:
            self.emptied.set()  # MkDocs has emptied the site folder (before it lists the files)
        for path, in_nav in self.pending.items():
            _claim(files, path)
            # The Markdown comes from the generator when MkDocs reads the page (on_pre_page).
            inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, path, content=EMPTY_FRONT_MATTER, inclusion=inclusion))
        # The files MkDocs copies before it writes the first page: their twins are made from then on.
        self.written = [
            Path(file.abs_dest_path)
            for file in files
            if not file.is_documentation_page()
            and not build.compress.minified(file.dest_uri)
            and build.compress.compressible(file.dest_uri)
        ]
        return files

    def on_pre_page(self, page: Page, config: MkDocsConfig, files: Files) -> Page:
        path = page.file.src_uri
        if path in self.pending:
            while path not in self.rendered:
                message = self._receive()
                assert isinstance(message, beside.Pages), message
                self.rendered.update((output.path, output) for output in message.outputs)
            output = self.rendered.pop(path)
            del self.pending[path]
            if output.meta is not None:
                self.meta[path] = output.meta
            # An empty front matter block: MkDocs then never reads the page's first lines as
            # metadata; the real meta comes from ``on_page_markdown``.
            page.file.content_string = EMPTY_FRONT_MATTER + str(output.content)
        return page

    def on_env(self, env: Any, config: MkDocsConfig, files: Files) -> Any:
        if self.generation is not None and not self.error_pages:
            done = self._receive()  # every page was read: the generator writes the other files
            assert isinstance(done, beside.Done) and not self.pending, (done, list(self.pending)[:3])
            self.pdfs_laid_out = done.pdfs_laid_out  # read by bench/run.py
            # Warnings are summed up by kind at the end of the build, not printed one per line.
            warnings = sort_problems([p for p in self.problems if not p.is_error] + self.of_the_day)
            self.report = digest([*warnings, *done.warnings], HINT)
            end = self._receive()
            assert end is None, end
        self._end_generation()
        return env

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        if self.day is not None:
            # The sitemap's dates are the build date: the same catalog and date give the same files.
            page.update_date = self.day.isoformat()
        meta = self.meta.get(page.file.src_uri)
        if meta is not None:
            # Material prints these without escaping (title in <title>, nav and header; description
            # in a <meta> attribute): pass them already escaped. Markup keeps ``|e`` from escaping twice.
            page.meta = {"title": Markup.escape(meta.title), "description": Markup.escape(meta.description)}
            if meta.jsonld is not None:
                page.meta["jsonld"] = meta.jsonld
            if meta.where is not None:
                page.meta["kc_where"] = meta.where
            if meta.feed is not None:
                page.meta["kc_feed"] = meta.feed
            if meta.scripts:
                page.meta["kc_scripts"] = list(meta.scripts)
        return markdown

    @event_priority(-100)  # last: MkDocs writes the page right after
    def on_post_page(self, output: str, page: Page, config: MkDocsConfig) -> str:
        if self.twins is not None:
            # What MkDocs has written by now (the page before this one; the copied files): compressed
            # in another process while MkDocs renders the next pages.
            for path in self.written:
                self.twins.add(path)
            self.written = [Path(page.file.abs_dest_path)]
        return output

    def on_build_error(self, error: Exception) -> None:
        self.stop()

    def stop(self) -> None:
        """Stop what the build still does in the background (a failed or interrupted build, before
        its folder is removed): the generator, the twins."""
        self._end_generation()
        if self.twins is not None:
            self.twins.close()
            self.twins = None

    def on_post_build(self, config: MkDocsConfig) -> None:
        if self.report[1:]:
            notice_log.warning("%s", "\n".join(["Danh mục: " + self.report[0], *self.report[1:]]))
        if self.config.search and not self.error_pages:
            try:
                build.search_index(Path(config.site_dir))
            except build.BuildError as exc:
                raise PluginError(str(exc)) from exc
        twins, self.twins = self.twins, None
        build.finish(Path(config.site_dir), twins)

    def _end_generation(self) -> None:
        if self.generation is not None:
            self.generation.close()
            self.generation = None


def _claim(files: Files, path: str) -> None:
    """A generated file's path must be free: a file in docs/ at that path is a mistake to fix there."""
    if files.get_file_from_path(path) is not None:
        raise PluginError(f"docs/{path} trùng với một trang được sinh ra; hãy đổi tên tệp trong docs/")


MAX_PREVIEW_PAGES = 20_000
"""Enough for any catalog's previous build; a stray huge site_dir is not walked further."""


def _built_pages(site_dir: Path) -> list[str]:
    """The pages of the previous build in ``site_dir`` (MkDocs cleans it after on_config), as sources."""
    found = []
    if site_dir.is_dir():
        for index in site_dir.rglob("index.html"):
            found.append(index.relative_to(site_dir).with_suffix(".md").as_posix())
            if len(found) >= MAX_PREVIEW_PAGES:
                break
    return found


def _nav_pages(nav: object) -> list[str]:
    """Every page that the menu in mkdocs.yml names."""
    if isinstance(nav, str):
        return [nav] if nav.endswith(".md") else []
    if isinstance(nav, dict):
        return [page for value in nav.values() for page in _nav_pages(value)]
    if isinstance(nav, list):
        return [page for item in nav for page in _nav_pages(item)]
    return []
