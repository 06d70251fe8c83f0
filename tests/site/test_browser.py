"""The site in a real browser (Playwright driving Debian's Chromium) at phone and desktop sizes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support import ARTIFACTS, DESKTOP, PHONE, browser_page

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page

VIEWPORTS = {"phone": PHONE, "desktop": DESKTOP}


@pytest.fixture(params=sorted(VIEWPORTS))
def page(request: pytest.FixtureRequest, browser: Browser, real_url: str) -> Iterator[Page]:
    foreign: list[str] = []
    with browser_page(browser, VIEWPORTS[request.param]) as page:
        page.viewport_name = request.param  # type: ignore[attr-defined]
        page.on(
            "request",
            lambda r: None if r.url.startswith(real_url) or r.url.startswith("data:") else foreign.append(r.url),
        )
        yield page
    assert foreign == [], f"requests to other origins: {foreign}"


def shot(page: Page, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}-{page.viewport_name}.png"), full_page=True)  # type: ignore[attr-defined]


def heading(page: Page) -> str:
    return page.locator("h1").inner_text().removesuffix("¶").strip()


def test_home_to_ward_to_procedure(page: Page, real_url: str) -> None:
    page.goto(real_url)
    assert heading(page) == "Thủ tục hành chính không chờ"
    shot(page, "1-home")
    page.locator("article").get_by_role("link", name="Phường Hàng Bài", exact=True).click()
    page.wait_for_url(f"{real_url}phuong/hang-bai/")
    assert heading(page) == "Phường Hàng Bài"
    assert "4 Nguyễn Chế Nghĩa" in page.locator("article").inner_text()
    shot(page, "2-ward")
    page.locator("article").get_by_role("link", name="Chứng thực bản sao", exact=True).click()
    page.wait_for_url(f"{real_url}phuong/hang-bai/chung-thuc-ban-sao/")
    assert heading(page) == "Chứng thực bản sao tại phường Hàng Bài"
    text = page.locator("article").inner_text()
    assert "Hồ sơ của ông/bà có được giải quyết ngay không?" in text and "5.000 đồng" in text
    shot(page, "3-service")
    # Nothing wider than the screen: the page reads without sideways scrolling on a phone.
    width = page.evaluate("document.documentElement.scrollWidth")
    assert width <= VIEWPORTS[page.viewport_name]["width"]  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    "path",
    [
        "",
        "thu-tuc/chung-thuc-ban-sao/",
        "phuong/hang-bai/",
        "phuong/hang-bai/chung-thuc-ban-sao/",
        "phuong/hang-bai/thay-doi/",
    ],
)
def test_pages_load_without_a_browser_error(page: Page, real_url: str, path: str) -> None:
    """No failed request and nothing in the console: the theme fetches sitemap.xml beside every
    alternate link of a page (a ward's feed), so a ward's folder has one."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("response", lambda r: errors.append(f"{r.status} {r.url}") if r.status >= 400 else None)
    page.goto(real_url + path, wait_until="networkidle")
    assert errors == []


@pytest.mark.parametrize(
    "path", ["", "phuong/hang-bai/", "phuong/hang-bai/chung-thuc-ban-sao/", "thu-tuc/dang-ky-ket-hon/"]
)
def test_no_serious_accessibility_violation(page: Page, real_url: str, path: str) -> None:
    page.goto(real_url + path)
    results = Axe().run(page)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    if serious:
        pytest.fail("axe-core:\n" + "\n".join(serious))


@pytest.mark.parametrize("ward", ["hang-bai", "trang-tien"])
def test_notice_prints_from_the_browser_on_at_most_two_a4_pages(
    browser: Browser, real_url_2022: str, ward: str
) -> None:
    """A postable notice (2022, when the wards were in force) prints on two A4 pages at most."""
    import io

    import pypdf

    page = browser.new_page()
    page.goto(f"{real_url_2022}thong-bao/{ward}/", wait_until="networkidle")
    assert page.evaluate("document.fonts.check('13pt \"Notice Serif\"')")
    data = page.pdf(prefer_css_page_size=True, print_background=True)
    page.close()
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / f"notice-{ward}-chromium.pdf").write_bytes(data)
    reader = pypdf.PdfReader(io.BytesIO(data))
    assert 1 <= len(reader.pages) <= 2
    for sheet in reader.pages:
        assert abs(float(sheet.mediabox.width) - 595.28) < 1 and abs(float(sheet.mediabox.height) - 841.89) < 1
