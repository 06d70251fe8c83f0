"""Reading on a phone (issue 23): what matters most is not the smallest, the banner leads where this
ward's residents go, the site's name above the fold, wide tables one block per row with every
column visible, a favicon of the site's own; at 390 px and at 200 % text."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page
from support import ARTIFACTS, PHONE, browser_page, http_get

pytestmark = pytest.mark.browser

ENDED_WARD = "phuong/hang-bai/"
ENDED_SERVICE = "phuong/hang-bai/dang-ky-khai-tu/"


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    with browser_page(browser) as page:
        yield page


def larger_text(page: Page) -> None:
    """200 % text, as a reader's browser setting would make it (Material's root size doubled)."""
    page.add_style_tag(content="html { font-size: 250% !important; }")
    page.evaluate("window.dispatchEvent(new Event('resize'))")


def px(page: Page, selector: str, prop: str = "font-size") -> float:
    return float(page.locator(selector).first.evaluate(f"e => getComputedStyle(e)['{prop}']").rstrip("px"))


@pytest.mark.parametrize("rel", [ENDED_WARD, ENDED_SERVICE])
def test_the_ended_ward_box_and_the_banner_read_at_body_size(phone: Page, real_url: str, rel: str) -> None:
    phone.goto(real_url + rel)
    body = px(phone, "article p")
    assert px(phone, "article .admonition") >= 16 and px(phone, "article .admonition") >= body
    assert px(phone, ".md-banner") >= 16
    assert px(phone, ".kc-footer .md-copyright__highlight") >= 16
    assert float(phone.locator(".kc-footer .md-copyright__highlight").evaluate("e => getComputedStyle(e).opacity")) == 1


@pytest.mark.parametrize("rel", [ENDED_WARD, ENDED_SERVICE])
def test_the_banner_leads_to_where_this_wards_residents_go(phone: Page, real_url: str, rel: str) -> None:
    phone.goto(real_url + rel)
    link = phone.locator(".md-banner a", has_text="Nơi làm thủ tục bây giờ")
    assert link.get_attribute("href") == "#noi-lam-thu-tuc-bay-gio"
    link.click()
    target = phone.locator("#noi-lam-thu-tuc-bay-gio")
    assert target.count() == 1 and target.evaluate("e => e.closest('.admonition') !== null")
    box = target.bounding_box()
    assert box is not None and 0 <= box["y"] < PHONE["height"]  # scrolled to it
    phone.goto(real_url)
    home = phone.locator(".md-banner a", has_text="Nơi làm thủ tục bây giờ").get_attribute("href")
    assert home.endswith("#tinh-hinh-hien-nay")


@pytest.mark.parametrize("rel", [ENDED_WARD, ENDED_SERVICE, "thu-tuc/", "ket-qua/"])
def test_the_sites_name_is_above_the_fold(phone: Page, real_url: str, rel: str) -> None:
    phone.goto(real_url + rel)
    name = phone.locator(".kc-sitename")
    assert name.is_visible() and name.inner_text() == "Thủ tục hành chính không chờ"
    assert name.bounding_box()["y"] + name.bounding_box()["height"] <= PHONE["height"]


@pytest.mark.parametrize("zoom", [False, True], ids=["100%", "200%"])
@pytest.mark.parametrize(("rel", "column"), [("ket-qua/", "Tỷ lệ"), ("thu-tuc/", "Các phường đã áp dụng trước đây")])
def test_wide_tables_show_every_column_without_sideways_scrolling(
    phone: Page, real_url: str, rel: str, column: str, zoom: bool
) -> None:
    phone.goto(real_url + rel)
    if zoom:
        larger_text(phone)
    cells = phone.locator(f'td[data-kc-label="{column}"]')
    assert cells.count() >= 1
    for i in range(cells.count()):
        box = cells.nth(i).bounding_box()
        assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"] + 0.5, box
        assert cells.nth(i).is_visible()
    assert phone.evaluate("document.scrollingElement.scrollWidth") <= PHONE["width"]
    wraps = phone.locator(".md-typeset__scrollwrap").evaluate_all("ws => ws.map(w => w.scrollWidth - w.clientWidth)")
    assert all(extra <= 1 for extra in wraps), wraps
    if rel == "ket-qua/":
        ARTIFACTS.mkdir(exist_ok=True)
        phone.screenshot(path=str(ARTIFACTS / f"reading-ket-qua-{'200' if zoom else '100'}.png"), full_page=True)


@pytest.mark.parametrize("rel", ["", ENDED_WARD, "thong-bao/hang-bai/"])
def test_a_favicon_of_the_sites_own(phone: Page, real_url: str, rel: str) -> None:
    requested: list[str] = []
    phone.on("request", lambda r: requested.append(r.url))
    phone.goto(real_url + rel)
    icon = phone.locator("link[rel=icon]").first.evaluate("e => e.href")
    assert icon.startswith(real_url) and icon.endswith("favicon.svg"), icon
    status, body = http_get(icon)
    assert status == 200 and body.lstrip().startswith("<svg")
    assert not [url for url in requested if not url.startswith(real_url)], requested
