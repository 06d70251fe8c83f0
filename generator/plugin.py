"""The thin MkDocs adapter: read the catalog, hand the build's files to MkDocs, index search.

Everything else lives in the builder-agnostic core (pipeline, build), which tests call directly.
"""

from __future__ import annotations

import logging
import os
from calendar import timegm
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from urllib.parse import urlparse

from markupsafe import Markup
from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from . import build, checks, fmt
from .model import FIRST_DAY, LAST_DAY
from .notice import PREVIEW_MARK, PangoMissing
from .pages import Settings, announcement, footer
from .pipeline import read_catalog
from .problems import FILE_FIELD, Problem, Severity, digest, printable, summary
from .render import Output, PageMeta
from .search import SearchError

log = logging.getLogger("mkdocs.plugins.khong-cho")
notice_log = logging.getLogger("khong_cho.notice")
"""Our own messages: seen in the terminal, but not MkDocs warnings, so a --strict build goes on."""
EMPTY_FRONT_MATTER = "---\n{}\n---\n"
HINT = "chạy `make check` để xem từng dòng"
"""How the build's summary tells an editor to see every warning."""
ERROR_TITLE = "Danh mục có lỗi"


class KhongChoConfig(Config):
    catalog = c.Type(str, default="procedures")
    """The catalog folder, relative to mkdocs.yml."""
    search = c.Type(bool, default=True)
    """Index the built site with Pagefind (off only for quick previews)."""
    pdf = c.Type(bool, default=True)
    """Make the notices' PDFs with WeasyPrint (KHONG_CHO_NO_PDF=1 also turns it off)."""
    ngay = c.Optional(c.Type(str))
    """The date the site describes, YYYY-MM-DD (KHONG_CHO_NGAY wins over it); default: today in Vietnam."""
    cong_khai = c.Type(bool, default=False)
    """A build for publishing (set by ``build --cong-khai``): a catalog past its review deadline stops it."""


VIETNAM = timezone(timedelta(hours=7))


def build_day(option: str | None) -> date:
    """The date a build describes: KHONG_CHO_NGAY, else the plugin option, else today in Vietnam (UTC+7)."""
    text = os.environ.get("KHONG_CHO_NGAY") or option
    if not text:
        return datetime.now(VIETNAM).date()
    try:
        day = date.fromisoformat(text.strip())
    except ValueError:
        day = None
    if day is None or not FIRST_DAY <= day <= LAST_DAY:
        raise PluginError(
            f"KHONG_CHO_NGAY (ngày mà trang web mô tả) phải là ngày dạng YYYY-MM-DD trong khoảng "
            f"{FIRST_DAY:%Y}–{LAST_DAY:%Y}, ví dụ 2026-11-29; nhận được '{printable(text)}'"
        )
    return day


class KhongChoPlugin(BasePlugin[KhongChoConfig]):
    """Adds the catalog's pages to a MkDocs build; a catalog with errors stops the build.

    Under ``mkdocs serve`` a catalog with errors does not stop the preview: every page the editor
    has open shows the ``file:line:col: field: message`` list instead, and the next good save
    brings the site back (the live reload does the rest).
    """

    def __init__(self) -> None:
        self.outputs: list[Output] = []
        self.meta: dict[str, PageMeta] = {}
        self.set_epoch = False
        self.serving = False
        self.error_pages: set[str] = set()
        """In the live preview of a catalog with errors: the pages that show the error list."""
        self.report: list[str] = []

    def on_startup(self, *, command: str, dirty: bool) -> None:
        self.serving = command == "serve"

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        # MkDocs keeps a plugin with on_startup across the rebuilds of ``serve``: start afresh.
        self.error_pages, self.report = set(), []
        root = Path(config.config_file_path).parent / self.config.catalog
        catalog, problems = read_catalog(root)
        site_url = (config.site_url or "/").rstrip("/") + "/"
        config.extra["kc_base_path"] = urlparse(site_url).path or "/"
        config.extra["kc_footer"] = footer(catalog)
        errors = [p for p in problems if p.is_error]
        if errors or catalog.district is None:
            if self.serving:
                return self._show_errors(config, problems)
            lines = "\n".join(str(p) for p in errors)
            raise PluginError(f"Danh mục có lỗi, trang web không được dựng:\n{lines}\n{summary(problems)}")
        day = build_day(self.config.ngay)
        overdue = checks.review_overdue(catalog, day, Severity.ERROR if self.config.cong_khai else Severity.WARNING)
        if overdue is not None and overdue.is_error:
            raise PluginError(f"Danh mục quá hạn rà soát, trang web không được đăng:\n{overdue}")
        # MkDocs dates the sitemap from SOURCE_DATE_EPOCH: set it for this build only, so two builds
        # of the same catalog and date are byte-identical. Our own code gets the date as ``settings.day``.
        self.set_epoch = "SOURCE_DATE_EPOCH" not in os.environ
        if self.set_epoch:
            os.environ["SOURCE_DATE_EPOCH"] = str(timegm(day.timetuple()))
        config.extra["kc_day"] = fmt.day(day)
        config.extra["kc_announce"] = announcement(catalog, day)
        pdf = self.config.pdf and os.environ.get("KHONG_CHO_NO_PDF", "") in ("", "0")
        settings = Settings(site_url, day, pdf)
        # A preview address is no one's canonical address: no canonical links, an empty sitemap.
        config.extra["kc_preview"] = settings.preview
        if settings.preview and not self.serving:  # a live preview is a preview by design
            notice_log.warning(
                "CẢNH BÁO: địa chỉ trang %s là địa chỉ xem trước: mã QR trên thông báo, áp phích, phiếu hướng "
                "dẫn chỉ mở được trên máy này, nên mọi trang in mang dấu '%s'. Để in niêm yết, dựng lại với "
                "địa chỉ công khai: SITE_URL=https://ten-mien-cua-phuong.vn/ make site (hoặc make publish).",
                site_url,
                PREVIEW_MARK,
            )
        try:
            built = build.outputs(catalog, settings, Path(config.docs_dir))
        except PangoMissing as exc:
            raise PluginError(str(exc)) from exc
        self.outputs = built.outputs
        # Warnings are summed up by kind at the end of the build, not printed one per line.
        self.report = digest([*problems, *built.warnings, *([overdue] if overdue else [])], HINT)
        return config

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

    def _error_outputs(self, files: Files) -> list[Output]:
        """A page with the error list at every path the editor may have open; docs/ pages replaced."""
        pages = self.error_pages
        for file in list(files.documentation_pages()):
            pages.add(file.src_uri)
            files.remove(file)
        meta = PageMeta(ERROR_TITLE, ERROR_TITLE, None)
        return [Output(path, f"# {ERROR_TITLE}\n", meta, in_nav=path == "index.md") for path in sorted(pages)]

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        if self.error_pages:
            self.outputs = self._error_outputs(files)
        self.meta = {output.path: output.meta for output in self.outputs if output.meta is not None}
        for output in self.outputs:
            if files.get_file_from_path(output.path) is not None:
                raise PluginError(f"docs/{output.path} trùng với một trang được sinh ra; hãy đổi tên tệp trong docs/")
            content = output.content
            if output.meta is not None:
                # An empty front matter block: MkDocs then never reads the page's first lines as
                # metadata; the real meta comes from ``on_page_markdown``.
                content = EMPTY_FRONT_MATTER + str(content)
            inclusion = InclusionLevel.UNDEFINED if output.in_nav else InclusionLevel.NOT_IN_NAV
            files.append(File.generated(config, output.path, content=content, inclusion=inclusion))
        return files

    def on_page_markdown(self, markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
        meta = self.meta.get(page.file.src_uri)
        if meta is not None:
            # Material prints these without escaping (title in <title>, nav and header; description
            # in a <meta> attribute): pass them already escaped. Markup keeps ``|e`` from escaping twice.
            page.meta = {"title": Markup.escape(meta.title), "description": Markup.escape(meta.description)}
            if meta.jsonld is not None:
                page.meta["jsonld"] = meta.jsonld
        return markdown

    def _forget_epoch(self) -> None:
        if self.set_epoch:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
            self.set_epoch = False

    def on_build_error(self, error: Exception) -> None:
        self._forget_epoch()

    def on_post_build(self, config: MkDocsConfig) -> None:
        self._forget_epoch()
        if self.report[1:]:
            notice_log.warning("%s", "\n".join(["Danh mục: " + self.report[0], *self.report[1:]]))
        if self.config.search and not self.error_pages:
            try:
                build.search_index(Path(config.site_dir))
            except SearchError as exc:
                raise PluginError(str(exc)) from exc


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
