"""Helpers shared by the tests: paths, the command line, and building and serving the site."""

from __future__ import annotations

import contextlib
import functools
import http.server
import os
import signal
import subprocess
import sys
import threading
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = ROOT / "tests" / "fixtures"
REAL_CATALOG = ROOT / "procedures"
ARTIFACTS = ROOT / "test-artifacts"
"""Screenshots and PDFs that a person looks at; git-ignored."""
PUBLIC_URL = "https://khong-cho.example/"
"""A public address (not loopback, not private): printed matter without the preview mark."""


def copy_project(target: Path, catalog: Path | None = None) -> Path:
    """What a build reads, copied to ``target``: mkdocs.yml, docs/, overrides/ and a writable catalog
    (default: the small valid fixture) as procedures/. Tests that edit or break things do it there."""
    import shutil

    target.mkdir(parents=True, exist_ok=True)
    shutil.copy(ROOT / "mkdocs.yml", target)
    shutil.copytree(ROOT / "docs", target / "docs")
    shutil.copytree(ROOT / "overrides", target / "overrides")
    shutil.copytree(catalog or FIXTURES / "valid", target / "procedures")
    return target


def run_cli(*args: str, cwd: Path | None = None, day: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run ``python -m generator`` as an editor would, capturing its output; ``day`` sets KHONG_CHO_NGAY
    (``check`` then says what a publishing build of that day would refuse)."""
    env = {**os.environ, "KHONG_CHO_NGAY": day} if day else None
    return subprocess.run(
        [sys.executable, "-m", "generator", *args],
        cwd=cwd or ROOT,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        env=env,
    )


REAL_DAY = "2026-11-29"
"""The date the real catalog's site is built for in tests (the day the dates issue was filed)."""
FIXTURE_DAY = "2025-01-02"
"""The fixture catalog's tests use 2025 dates: its holiday window must cover them."""


def build_site(
    catalog: Path,
    site_dir: Path,
    site_url: str = "http://127.0.0.1:8000/",
    *,
    pdf: bool = True,
    search: bool = True,
    day: str | None = None,
) -> Path:
    """``mkdocs build --strict`` of the project's mkdocs.yml with another catalog, output folder and date.

    ``day`` defaults to REAL_DAY for the real catalog and FIXTURE_DAY for any other.
    """
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site_dir), site_url=site_url, strict=True)
    plugin = config.plugins["khong-cho"].config
    plugin.catalog, plugin.pdf, plugin.search = str(catalog), pdf, search
    from datetime import date

    plugin.ngay = date.fromisoformat(
        day or (REAL_DAY if Path(catalog).resolve() == REAL_CATALOG.resolve() else FIXTURE_DAY)
    )
    build(config)
    return site_dir


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args: object) -> None:
        pass


@contextlib.contextmanager
def serve(directory: Path) -> Iterator[str]:
    """Serve a built site on a free loopback port; yields its base URL."""
    handler = functools.partial(_Quiet, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def http_get(url: str) -> tuple[int, str]:
    """Status and text of a page, an error status included (404 pages are pages too)."""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(url, timeout=30) as response:
            return response.status, response.read().decode("utf-8")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8")


PHONE = {"width": 390, "height": 844}
DESKTOP = {"width": 1280, "height": 800}


@contextlib.contextmanager
def browser_page(browser: object, viewport: dict[str, int] = PHONE, **options: object) -> Iterator[object]:
    """A page in a browser context of its own (nothing cached), in Vietnamese unless ``options`` say
    otherwise (``locale``, ``timezone_id``); the context is closed afterwards."""
    context = browser.new_context(viewport=viewport, **{"locale": "vi-VN", **options})  # type: ignore[attr-defined]
    try:
        yield context.new_page()
    finally:
        context.close()


def golden_text(output: object) -> str:
    """A generated page as a golden file holds it: its meta (title, description, JSON-LD), then its body."""
    import dataclasses
    import json

    meta = dataclasses.asdict(output.meta) if getattr(output, "meta", None) else None
    header = json.dumps(meta, ensure_ascii=False, indent=1, sort_keys=True)
    return f"<!-- meta\n{header}\n-->\n{output.content}"


def check_golden(path: Path, text: str) -> None:
    """Compare with a golden file; UPDATE_GOLDEN=1 rewrites it (then review the diff)."""
    import os

    if os.environ.get("UPDATE_GOLDEN"):
        path.write_text(text, encoding="utf-8")
    assert text == path.read_text(encoding="utf-8")


def render_outputs(
    catalog: object, site_url: str = "https://khong-cho.example/", *, pdf: bool = False, day: str | None = None
) -> list:
    """The build's generated files (pages, open data, notices) for a catalog at a date, without MkDocs.

    ``day`` defaults to REAL_DAY for a catalog with the real district, FIXTURE_DAY otherwise.
    """
    return build_outputs(catalog, site_url, pdf=pdf, day=day).outputs


def site_at(
    catalog: object, site_url: str = "https://khong-cho.example/", *, pdf: bool = False, day: str | None = None
):
    """The site at a date (site.at) for a catalog; ``day`` defaults as in ``render_outputs``."""
    from datetime import date

    from generator import site
    from generator.settings import Settings

    real = catalog.district is not None and catalog.district.id == "hoan-kiem"  # type: ignore[attr-defined]
    when = date.fromisoformat(day or (REAL_DAY if real else FIXTURE_DAY))
    return site.at(catalog, Settings(site_url, when, pdf))  # type: ignore[arg-type]


def build_outputs(
    catalog: object, site_url: str = "https://khong-cho.example/", *, pdf: bool = False, day: str | None = None
):
    """Everything ``build.outputs`` makes for a catalog at a date: files, warnings and the sheets' HTML."""
    from generator import build

    return build.outputs(site_at(catalog, site_url, pdf=pdf, day=day), ROOT / "docs")


def as_in_a_shell() -> None:
    """For a child process: Ctrl+C acts as in a ward officer's terminal. A CI job started in the
    background of a non-interactive shell inherits SIGINT ignored, and Python and make then never
    see it; give ``preexec_fn=as_in_a_shell`` to a process the test interrupts or that stops itself
    with SIGINT (the Makefile's failing targets)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)
