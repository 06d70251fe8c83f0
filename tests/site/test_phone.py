"""Every kind of page on a 390 px phone, at normal and at 200 % text size (issue 14): nothing wider
than the screen, tables that fit or say they scroll, chart labels readable, dark headings, one
title, the frame (404, footer, Vietnamese labels) and no serious axe-core violation.

Screenshots of each page kind go to test-artifacts/phone-*.png for a person to look at.
"""

from __future__ import annotations

import re
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page
from support import ARTIFACTS, FIXTURES, PHONE, browser_page, build_site, serve

pytestmark = pytest.mark.browser

PAGE_KINDS = {
    "home": "",
    "wards": "phuong/",
    "ward-ended": "phuong/hang-bai/",
    "ward-new": "phuong/hoan-kiem/",
    "service": "phuong/hang-bai/chung-thuc-ban-sao/",
    "procedures": "thu-tuc/",
    "procedure": "thu-tuc/dang-ky-ket-hon/",
    "results": "ket-qua/",
    "notices": "thong-bao/",
    "notice": "thong-bao/hang-bai/",
    "data": "du-lieu/",
    "guide": "huong-dan-bien-tap/",
    "not-found": "404.html",  # what the web server sends for a missing address
}


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    with browser_page(browser) as page:
        yield page


def big_text(page: Page) -> None:
    """The browser's text size at 200 % (Chromium's default font size 32 px instead of 16 px)."""
    session = page.context.new_cdp_session(page)
    session.send("Page.setFontSizes", {"fontSizes": {"standard": 32, "fixed": 26}})


def open_page(page: Page, url: str) -> None:
    page.goto(url, wait_until="load")
    page.wait_for_timeout(150)  # Material wraps tables and site.js marks the wide ones after load


def overflow(page: Page) -> int:
    """How many CSS px the page is wider than the screen (0 when it scrolls only up and down)."""
    return page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")


@pytest.mark.parametrize("kind", sorted(PAGE_KINDS))
@pytest.mark.parametrize("text", ["100", "200"])
def test_no_page_scrolls_sideways(phone: Page, real_url: str, kind: str, text: str) -> None:
    if text == "200":
        big_text(phone)
    open_page(phone, real_url + PAGE_KINDS[kind])
    ARTIFACTS.mkdir(exist_ok=True)
    phone.screenshot(path=str(ARTIFACTS / f"phone-{kind}-{text}.png"), full_page=True)
    assert overflow(phone) <= 0, f"{kind} at {text} % text is {overflow(phone)} px too wide"


@pytest.mark.parametrize("text", ["100", "200"])
def test_wide_tables_scroll_in_their_box_and_say_so(phone: Page, real_url: str, text: str) -> None:
    if text == "200":
        big_text(phone)
    open_page(phone, real_url + "thu-tuc/")
    wraps = phone.locator(".md-typeset__scrollwrap")
    assert wraps.count() >= 1
    for i in range(wraps.count()):
        wrap = wraps.nth(i)
        wide = wrap.evaluate("w => w.scrollWidth > w.clientWidth + 1")
        cue = wrap.evaluate("w => !!(w.previousElementSibling && w.previousElementSibling.classList.contains('kc-scroll-cue'))")
        assert cue == wide, (i, wide, cue)
        if wide:
            assert "kc-scrolls" in (wrap.get_attribute("class") or "")
            assert wrap.get_attribute("tabindex") == "0"
    size = phone.locator(".md-typeset table").first.evaluate("t => parseFloat(getComputedStyle(t).fontSize)")
    assert size >= 16


@pytest.fixture(scope="module")
def chart_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A catalog where two wards have figures: only then does the results page draw its chart."""
    root = tmp_path_factory.mktemp("chart") / "catalog"
    shutil.copytree(FIXTURES / "valid", root)
    path = root / "phuong/bo-song.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "nguon:\n  - ten: Dữ liệu mẫu cho kiểm thử\n",
            "ket_qua:\n  - {tu_ngay: 2022-01-01, den_ngay: 2022-06-30, tiep_nhan: 200, giai_quyet_ngay: 150,"
            " nguon: {ten: Mẫu}}\nnguon:\n  - ten: Dữ liệu mẫu cho kiểm thử\n",
        ),
        encoding="utf-8",
    )
    site = build_site(root, root.parent / "site", pdf=False, search=False)
    with serve(site) as url:
        yield url


@pytest.mark.parametrize("width", [390, 1280])
def test_chart_labels_are_at_least_12_px(browser: Browser, chart_url: str, width: int) -> None:
    page = browser.new_page(viewport={"width": width, "height": 900})
    open_page(page, chart_url + "ket-qua/")
    # The font size on screen: the text's size in the drawing times the drawing's scale.
    sizes = page.locator("svg.kc-chart text").evaluate_all(
        """texts => texts.map(t => {
             const svg = t.ownerSVGElement, font = parseFloat(t.getAttribute('font-size') || svg.getAttribute('font-size'));
             return font * svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
           })"""
    )
    page.close()
    assert len(sizes) == 6  # two names, two shares, the two ends of the axis
    assert min(sizes) >= 12, sizes


def test_headings_are_dark_and_bold(phone: Page, real_url: str) -> None:
    open_page(phone, real_url + "thu-tuc/dang-ky-ket-hon/")
    for tag in ("h1", "h2"):
        style = phone.locator(f"article {tag}").first.evaluate(
            "h => [getComputedStyle(h).color, getComputedStyle(h).fontWeight]"
        )
        rgb = [int(v) for v in re.findall(r"\d+", style[0])[:3]]
        assert max(rgb) <= 60 and int(style[1]) >= 700, (tag, style)
    # No "¶" wraps under a long heading on a phone (the blank bands).
    assert phone.locator("article h2 .headerlink").first.evaluate("a => getComputedStyle(a).display") == "none"


def test_heading_anchors_keep_d_for_dj(phone: Page, real_url: str) -> None:
    open_page(phone, real_url + "thu-tuc/dang-ky-ket-hon/")
    ids = phone.locator("article h2[id]").evaluate_all("hs => hs.map(h => h.id)")
    assert "cac-phuong-giai-quyet-khong-cho" in ids, ids
    open_page(phone, real_url + "phuong/dong-xuan/")
    ids = phone.locator("article [id]").evaluate_all("hs => hs.map(h => h.id)")
    assert all(not re.search(r"(^|-)(ang|ong|ao)-", i) for i in ids), ids


@pytest.mark.parametrize("kind", sorted(PAGE_KINDS))
def test_one_title_per_page(phone: Page, real_url: str, kind: str) -> None:
    open_page(phone, real_url + PAGE_KINDS[kind])
    title = phone.title()
    name = "Thủ tục hành chính không chờ"
    if kind == "notice":  # a standalone document: its own title
        assert title == "Thông báo: thủ tục giải quyết không chờ — Phường Hàng Bài"
        return
    assert title.count(name) == 1, title
    if kind != "home":
        assert title != name, title  # the page's own title comes first


def test_footer_says_who_when_how_to_report_and_the_licence(phone: Page, real_url: str) -> None:
    open_page(phone, real_url)
    footer = phone.locator(".kc-footer").inner_text()
    assert "Thông tin tính đến ngày 29/11/2026." in footer and "Danh mục rà soát ngày 29/11/2026." in footer
    assert "Trang tổng hợp thông tin công khai" in footer  # no publisher in the catalog: none invented
    assert "Báo thông tin sai" not in footer  # no address to report to in the catalog: not shown
    assert phone.locator(".kc-footer a[rel=license]").inner_text() == "CC BY 4.0"
    assert phone.locator(".kc-footer a", has_text="Hướng dẫn biên tập").count() == 1
    tabs = phone.locator(".md-tabs__list a").all_inner_texts()
    assert not any("Hướng dẫn" in t for t in tabs), tabs


def test_footer_shows_the_publisher_and_the_report_address_when_known(browser: Browser, fixture_url: str) -> None:
    page = browser.new_page(viewport=PHONE)
    open_page(page, fixture_url)
    footer = page.locator(".kc-footer").inner_text()
    page.close()
    assert "Trang do Ủy ban nhân dân quận Mẫu công bố." in footer
    assert "Báo thông tin sai: bao-sai@example.vn hoặc biểu mẫu báo sai sót." in footer


def test_controls_are_labelled_in_vietnamese(phone: Page, real_url: str) -> None:
    open_page(phone, real_url + "phuong/hang-bai/chung-thuc-ban-sao/")
    labels = phone.evaluate(
        """() => [...document.querySelectorAll('[aria-label], [title], label, button, legend')]
               .map(e => e.getAttribute('aria-label') || e.getAttribute('title') || e.textContent.trim())
               .filter(Boolean)"""
    )
    english = {"Tabs", "Header", "Footer", "Navigation", "Search", "Back to top", "Skip to content", "Share"}
    assert not [label for label in labels if label in english], labels
    assert phone.locator(".md-tabs").get_attribute("aria-label") == "Các mục chính"


def test_not_found_page_is_vietnamese_with_ways_on(phone: Page, real_url: str) -> None:
    open_page(phone, real_url + "404.html")
    assert phone.locator("h1").inner_text().strip() == "Không tìm thấy trang"
    article = phone.locator("article")
    assert article.locator("a", has_text="Về trang chủ").count() == 1
    assert article.locator("a", has_text="Các phường").count() == 1
    assert phone.locator(".kc-search").count() == 1


def test_notice_reads_on_a_phone_and_leads_back(phone: Page, real_url: str) -> None:
    open_page(phone, real_url + "thong-bao/hang-bai/")
    back = phone.locator("a", has_text="Về trang của phường Hàng Bài")
    assert back.is_visible()
    issuer = phone.locator(".issuer .caps").first
    height = issuer.evaluate("p => p.getBoundingClientRect().height / parseFloat(getComputedStyle(p).lineHeight)")
    assert height < 1.5, "the issuer's name wraps onto two lines"
    number = phone.locator(".number")
    assert number.evaluate("p => p.scrollWidth <= p.clientWidth + 1 && p.getClientRects().length === 1")
    back.click()
    phone.wait_for_url("**/phuong/hang-bai/")


def test_notice_pdf_has_no_link_back(real_site: Path) -> None:
    """The link back is for the screen: print and PDF keep the official layout."""
    import pypdf

    text = "".join(page.extract_text() for page in pypdf.PdfReader(real_site / "thong-bao/hang-bai.pdf").pages)
    assert "Về trang của" not in text


@pytest.mark.parametrize("kind", sorted(PAGE_KINDS))
def test_no_serious_accessibility_violation(phone: Page, real_url: str, kind: str) -> None:
    open_page(phone, real_url + PAGE_KINDS[kind])
    results = Axe().run(phone)
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]
    assert serious == []


@pytest.mark.parametrize("text", ["100", "200"])
def test_the_search_box_fits_in_the_header(phone: Page, real_url: str, text: str) -> None:
    """The header clips what overflows it, so the page does not scroll: check the box itself."""
    if text == "200":
        big_text(phone)
    open_page(phone, real_url + "thu-tuc/")
    right = phone.locator(".kc-search__input").evaluate("i => i.getBoundingClientRect().right")
    assert right <= PHONE["width"], right
