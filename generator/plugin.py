"""The thin MkDocs adapter: load and check the catalog, add the generated files, index search.

Everything else lives in the builder-agnostic core (catalog, render), which tests call directly.
"""

from __future__ import annotations

import logging
import os
import subprocess
import sys
from calendar import timegm
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

from .catalog import read_catalog
from .notice import PangoMissing, render_notices
from .problems import summary
from .render import Output, PageMeta, render_site

log = logging.getLogger("mkdocs.plugins.khong-cho")
EMPTY_FRONT_MATTER = "---\n{}\n---\n"
notice_log = logging.getLogger("khong_cho.notice")


class KhongChoConfig(Config):
    catalog = c.Type(str, default="procedures")
    """The catalog folder, relative to mkdocs.yml."""
    search = c.Type(bool, default=True)
    """Index the built site with Pagefind (off only for quick previews)."""
    pdf = c.Type(bool, default=True)
    """Make the notices' PDFs with WeasyPrint (KHONG_CHO_NO_PDF=1 also turns it off)."""


class KhongChoPlugin(BasePlugin[KhongChoConfig]):
    """Adds the catalog's pages to a MkDocs build; a catalog with errors stops the build."""

    def __init__(self) -> None:
        self.outputs: list[Output] = []
        self.meta: dict[str, PageMeta] = {}
        self.set_epoch = False

    def on_config(self, config: MkDocsConfig) -> MkDocsConfig:
        root = Path(config.config_file_path).parent / self.config.catalog
        catalog, problems = read_catalog(root)
        errors = [p for p in problems if p.is_error]
        if errors or catalog.district is None:
            lines = "\n".join(str(p) for p in errors)
            raise PluginError(f"Danh mục có lỗi, trang web không được dựng:\n{lines}\n{summary(problems)}")
        if problems:
            log.info("Danh mục: %s Xem chi tiết: python -m generator check", summary(problems))
        # Reproducible builds: the sitemap's dates (and the holiday calendar) come from the catalog's
        # review date, not from today, unless SOURCE_DATE_EPOCH is given. Set only for this build.
        self.set_epoch = "SOURCE_DATE_EPOCH" not in os.environ
        if self.set_epoch:
            os.environ["SOURCE_DATE_EPOCH"] = str(timegm(catalog.district.ngay_ra_soat.timetuple()))
        site_url = config.site_url or "/"
        config.extra["kc_base_path"] = urlparse(site_url).path or "/"
        pdf = self.config.pdf and os.environ.get("KHONG_CHO_NO_PDF", "") in ("", "0")
        self.outputs = render_site(catalog, site_url, pdf=pdf)
        try:
            notices, overflows = render_notices(catalog, site_url, Path(config.docs_dir) / "assets" / "fonts", pdf=pdf)
        except PangoMissing as exc:
            raise PluginError(str(exc)) from exc
        self.outputs += [Output(path, content) for path, content in notices]
        for overflow in overflows:
            # Not a MkDocs warning: it must not stop a --strict build, only be seen.
            notice_log.warning("CẢNH BÁO: %s; hãy rút gọn nội dung (noi_dung_ngan).", overflow)
        return config

    def on_files(self, files: Files, config: MkDocsConfig) -> Files:
        self.meta = {output.path: output.meta for output in self.outputs if output.meta is not None}
        for output in self.outputs:
            if files.get_file_from_path(output.path) is not None:
                raise PluginError(f"docs/{output.path} trùng với một trang được sinh ra; hãy đổi tên tệp trong docs/")
            # Ward and procedure pages are reached from their lists, not from the top navigation;
            # keeping them out of the nav keeps every page's HTML (and build time) small.
            in_nav = output.path.count("/") <= 1 and output.path.endswith("index.md")
            inclusion = InclusionLevel.UNDEFINED if in_nav else InclusionLevel.NOT_IN_NAV
            content = output.content
            if output.meta is not None:
                # An empty front matter block: MkDocs then never reads the page's first lines as
                # metadata; the real meta comes from ``on_page_markdown``.
                content = EMPTY_FRONT_MATTER + str(content)
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
        if not self.config.search:
            return
        command = [sys.executable, "-m", "pagefind", "--site", config.site_dir, "--silent"]
        for selector in (".headerlink", ".kc-breadcrumbs"):  # "¶" marks and breadcrumbs are not content
            command += ["--exclude-selectors", selector]
        result = subprocess.run(command, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            raise PluginError(f"Pagefind không lập được chỉ mục tìm kiếm:\n{result.stdout}{result.stderr}")
