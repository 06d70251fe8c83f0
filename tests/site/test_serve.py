"""The editors' live preview (``make serve``) with a broken catalog (issue 16): the browser shows the
``file:line:col: field: message`` list in place of the page, and the site again after the fix.

``mkdocs serve`` runs on a copy of the project with the fixture catalog (no PDFs, for speed).
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import ARTIFACTS, FIXTURE_DAY, copy_project, http_get

BROKEN = "ten: [Phường An Bình\n"
ERROR_LINE = "procedures/phuong/an-binh.yaml:4:8"
"""Where YAML notices the unclosed "[" of line 3: at the next key."""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def break_catalog(ward: Path) -> None:
    lines = ward.read_text(encoding="utf-8").splitlines(keepends=True)
    index = next(i for i, line in enumerate(lines) if line.startswith("ten:"))
    assert index == 2, "ERROR_LINE pins the error of a name on line 3"
    lines[index] = BROKEN
    ward.write_text("".join(lines), encoding="utf-8")


@pytest.fixture
def preview(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    """A running live preview (``make serve``) of a project copy; yields its address and the catalog folder."""
    project = copy_project(tmp_path / "du-an")
    port = free_port()
    env = {**os.environ, "KHONG_CHO_NO_PDF": "1", "KHONG_CHO_NGAY": FIXTURE_DAY, "NO_MKDOCS_2_WARNING": "1"}
    env.pop("SITE_URL", None)
    log = (tmp_path / "serve.log").open("w", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "generator", "serve", "--port", str(port)],  # what make serve runs
        cwd=project,
        stdout=log,
        stderr=subprocess.STDOUT,
        env=env,
    )
    address = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                if http_get(address)[0] == 200:
                    break
            except OSError:
                pass
            assert process.poll() is None, (tmp_path / "serve.log").read_text(encoding="utf-8")
            assert time.monotonic() < deadline, "mkdocs serve did not start in 60 s"
            time.sleep(0.2)
        yield address, project / "procedures"
    finally:
        process.terminate()
        process.wait(timeout=20)
        log.close()


@pytest.mark.browser
def test_a_broken_catalog_shows_its_errors_in_the_browser_and_the_fix_brings_the_site_back(preview, browser) -> None:
    address, catalog = preview
    ward = catalog / "phuong" / "an-binh.yaml"
    good = ward.read_text(encoding="utf-8")
    page = browser.new_page(viewport={"width": 390, "height": 844})
    page.goto(address + "phuong/an-binh/")
    assert page.locator("h1").first.inner_text() == "Phường An Bình"

    started = time.monotonic()
    break_catalog(ward)
    # The live reload brings the error list to the page the editor already has open.
    alert = page.get_by_role("alert")
    alert.wait_for(timeout=20_000)
    shown = time.monotonic() - started
    text = alert.inner_text()
    assert page.locator("h1").first.inner_text() == "Danh mục có lỗi: trang chưa được dựng lại"
    assert ERROR_LINE in text and "(tệp):" in text
    assert "1 lỗi, 0 cảnh báo." in text
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "serve-errors-phone.png"), full_page=True)

    started = time.monotonic()
    ward.write_text(good, encoding="utf-8")
    page.locator("h1", has_text="Phường An Bình").first.wait_for(timeout=20_000)
    back = time.monotonic() - started
    assert page.get_by_role("alert").count() == 0
    print(f"errors shown {shown:.1f} s after the save; site back {back:.1f} s after the fix")
    page.close()


def test_a_preview_started_on_a_broken_catalog_serves_the_error_list(tmp_path: Path) -> None:
    """Without a browser: the preview starts although the catalog is broken; every page is the list."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    project = copy_project(tmp_path / "du-an")
    break_catalog(project / "procedures" / "phuong" / "an-binh.yaml")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="serve", dirty=False)
    build(config)
    site = tmp_path / "site"
    for page in ("index.html", "phuong/index.html", "huong-dan-bien-tap/index.html", "404.html"):
        html = (site / page).read_text(encoding="utf-8")
        assert ERROR_LINE in html and 'role="alert"' in html, page
    assert not (site / "phuong" / "an-binh").exists(), "nothing of the broken catalog is built"


def test_a_build_of_a_broken_catalog_still_stops(tmp_path: Path) -> None:
    """Only the live preview shows errors as a page: ``mkdocs build`` and ``make site`` stop."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    project = copy_project(tmp_path / "du-an")
    break_catalog(project / "procedures" / "phuong" / "an-binh.yaml")
    config = load_config(str(project / "mkdocs.yml"), site_dir=str(tmp_path / "site"))
    config.plugins.on_startup(command="build", dirty=False)
    with pytest.raises(Abort):
        build(config)
    assert not (tmp_path / "site" / "index.html").exists()
