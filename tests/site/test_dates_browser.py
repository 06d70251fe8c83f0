"""What a reader sees first, on a 390 px phone, at the three dates (issue 12), and the checker on
dates before an adoption and after a ward ended. Screenshots go to test-artifacts/dates-*.png."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, Page
from support import ARTIFACTS, PHONE, browser_page

pytestmark = pytest.mark.browser
KINDS = {
    "home": "",
    "ward": "phuong/hang-bai/",
    "service": "phuong/hang-bai/chung-thuc-ban-sao/",
    "notice": "thong-bao/hang-bai/",
}


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    with browser_page(browser, timezone_id="Asia/Ho_Chi_Minh") as page:
        yield page


def look(page: Page, url: str, name: str) -> str:
    """Open ``url``; save what the first screen shows; return the text of the first screen."""
    page.goto(url)
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"dates-{name}.png"))
    return page.evaluate(
        """() => Array.from(document.querySelectorAll('article *, .md-banner, .void, h1'))
            .filter(e => { const r = e.getBoundingClientRect(); return r.top < innerHeight && r.bottom > 0 && e.children.length === 0; })
            .map(e => e.textContent).join(' ')"""
    )


def first_box(page: Page) -> str:
    box = page.locator("article .admonition").first
    assert box.count() == 1
    assert box.bounding_box()["y"] < PHONE["height"]  # on the first screen
    return " ".join(box.inner_text().split())


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_2026_every_kind_of_page_opens_with_the_end(phone: Page, real_url: str, kind: str) -> None:
    look(phone, real_url + KINDS[kind], f"2026-11-29-{kind}")
    banner = " ".join(phone.locator(".md-banner").inner_text().split()) if kind != "notice" else ""
    if kind == "notice":
        void = " ".join(phone.locator(".void").inner_text().split())
        assert "Thông báo này không còn hiệu lực từ ngày 01/07/2025; không dùng để niêm yết." in void
        mark = phone.locator(".watermark").evaluate("w => getComputedStyle(w, '::before').content")
        assert mark == '"KHÔNG CÒN HIỆU LỰC TỪ 01/07/2025"'
        assert phone.locator(".watermark").evaluate("w => getComputedStyle(w).position") == "fixed"
        assert phone.locator(".void").bounding_box()["y"] < PHONE["height"]
        return
    assert "quận Hoàn Kiếm và 18 phường thuộc quận không còn là đơn vị hành chính" in banner
    if kind == "home":
        assert phone.locator("article h2").first.inner_text().startswith("Tình hình hiện nay")
    else:
        text = first_box(phone)
        assert text.startswith("Phường Hàng Bài không còn là đơn vị hành chính từ ngày 01/07/2025")
        assert "Toàn bộ địa bàn phường nay thuộc phường Cửa Nam" in text and "Nơi làm thủ tục bây giờ" in text


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_2025_announces_the_change_ahead(phone: Page, real_url_2025: str, kind: str) -> None:
    look(phone, real_url_2025 + KINDS[kind], f"2025-06-20-{kind}")
    if kind == "notice":
        assert phone.locator(".void").count() == 0 and phone.locator(".watermark").count() == 0
        return
    assert "sẽ không còn là đơn vị hành chính" in phone.locator(".md-banner").inner_text()
    if kind != "home":
        assert first_box(phone).startswith("Từ ngày 01/07/2025, phường Hàng Bài sẽ không còn là đơn vị hành chính")


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_2022_shows_the_wards_in_force_without_a_banner(phone: Page, real_url_2022: str, kind: str) -> None:
    look(phone, real_url_2022 + KINDS[kind], f"2022-05-14-{kind}")
    assert phone.locator(".md-banner").count() == 0
    assert phone.locator("article .admonition, .void, .watermark").count() == 0
    if kind == "service":
        assert "được chứng thực ngay khi tiếp nhận" in phone.locator("article").inner_text()


def answer_all_yes(page: Page) -> None:
    for radio in page.locator(".kc-checker input[value=co]").all():
        radio.check()


@pytest.mark.parametrize(
    ("built", "moment", "expected"),
    [
        # Built on 20/06/2025 (the end announced), read on 02/07/2025.
        ("2025", "2025-07-02T03:00:00Z", "Từ ngày 01/07/2025, phường không còn giải quyết không chờ thủ tục này."),
        # Built on 14/05/2022, read with a clock before the adoption.
        ("2022", "2020-05-05T03:00:00Z", "Ngày 05/05/2020, phường chưa giải quyết không chờ thủ tục này."),
    ],
)
def test_the_checker_never_promises_outside_the_ward_life(
    phone: Page, request: pytest.FixtureRequest, built: str, moment: str, expected: str
) -> None:
    phone.clock.set_fixed_time(moment)
    phone.goto(request.getfixturevalue(f"real_url_{built}") + KINDS["service"])
    answer_all_yes(phone)
    phone.locator(".kc-checker button[type=submit]").click()
    text = " ".join(phone.locator("#kc-ket-qua").inner_text().split())
    assert text.startswith(expected) and "Được giải quyết ngay" not in text
    if built == "2025":
        # Where to go instead: the law's rule for this procedure, not "the new ward of your address".
        assert "Nơi làm thủ tục bây giờ. Bất kỳ Ủy ban nhân dân cấp xã nào" in text
        ARTIFACTS.mkdir(exist_ok=True)
        phone.locator(".kc-checker").screenshot(path=str(ARTIFACTS / "dates-2025-07-02-checker.png"))


def test_an_ended_ward_has_no_checker_only_where_to_go(phone: Page, real_url: str) -> None:
    phone.goto(real_url + KINDS["service"])
    assert phone.locator(".kc-checker").count() == 0
    assert "Nơi làm thủ tục bây giờ" in first_box(phone)
