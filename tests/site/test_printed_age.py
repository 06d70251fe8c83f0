"""Printed sheets that know their age (issue 24), on the built sites: the box a QR code opens, in
Chromium at 390 px, for a current, an old, an unknown and an ended ward's edition; the change pages
and the Atom feeds; the links to them."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page
from support import ARTIFACTS, browser_page

ATOM = "{http://www.w3.org/2005/Atom}"
STAMP = re.compile(r"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\+07:00$")


@pytest.fixture
def phone(browser: Browser) -> Iterator[Page]:
    with browser_page(browser) as page:
        yield page


def box(page: Page, url: str, shot: str) -> str:
    page.goto(url)
    found = page.locator(".kc-edition")
    found.wait_for(timeout=10_000)
    # The box comes first: above the page's title.
    assert found.bounding_box()["y"] < page.locator("article h1").bounding_box()["y"]
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"edition-{shot}.png"))
    return found.inner_text()


@pytest.mark.browser
def test_a_2022_notice_read_in_2022_is_still_right(phone: Page, real_url_2022: str) -> None:
    text = box(phone, real_url_2022 + "phuong/hang-bai/?ban=2021-07-01", "current")
    assert text.startswith("Bản in này vẫn đúng")
    assert "áp dụng từ ngày 01/07/2021; đến ngày 14/05/2022 chưa có gì thay đổi" in text


@pytest.mark.browser
def test_a_2022_notice_read_in_june_2025_is_out_of_date(phone: Page, real_url_2025: str) -> None:
    text = box(phone, real_url_2025 + "phuong/hang-bai/?ban=2021-07-01", "old")
    assert text.startswith("Bản in này đã cũ")
    days = re.findall(r"Từ ngày (\d\d/\d\d/\d{4}):", text)
    assert days == ["09/01/2025", "01/01/2025", "01/07/2024", "01/01/2023"]  # newest first, one line a day
    assert "Giấy tờ tùy thân" in text
    assert "Sắp áp dụng từ ngày 01/07/2025: Phường Hàng Bài không còn là đơn vị hành chính" in text
    current = phone.locator(".kc-edition a", has_text="In bản hiện hành")
    assert current.get_attribute("href") == "../../thong-bao/hang-bai.pdf"


@pytest.mark.browser
@pytest.mark.parametrize("asked", ["2024-02-30", "2022-02-02", "<b>x</b>"])
def test_an_edition_never_printed_is_unknown_never_current(phone: Page, real_url_2025: str, asked: str) -> None:
    text = box(phone, real_url_2025 + f"phuong/hang-bai/?ban={asked}", "unknown")
    assert text.startswith("Không nhận ra bản in này") and "vẫn đúng" not in text
    assert phone.locator(".kc-edition b").count() == 0  # the value is shown as text


@pytest.mark.browser
def test_an_ended_wards_sheet_says_so_and_where_to_go(phone: Page, real_url: str) -> None:
    text = box(phone, real_url + "phuong/hang-bai/dang-ky-khai-tu/?ban=2025-01-09", "ended")
    assert text.startswith("Bản in này đã cũ")
    assert "Từ ngày 01/07/2025: Phường Hàng Bài không còn là đơn vị hành chính" in text
    assert phone.locator(".kc-edition a", has_text="Xem nơi làm thủ tục bây giờ").get_attribute("href") == (
        "#noi-lam-thu-tuc-bay-gio"
    )


@pytest.mark.browser
def test_a_handout_follows_its_own_procedure(phone: Page, real_url_2025: str) -> None:
    """Copy certification has no identity paper: its 2021 handout stays right until 09/01/2025."""
    text = box(phone, real_url_2025 + "phuong/hang-bai/chung-thuc-ban-sao/?ban=2021-07-01", "handout")
    assert re.findall(r"Từ ngày (\d\d/\d\d/\d{4}):", text) == ["09/01/2025"]


def test_without_javascript_the_page_links_the_changes(real_site_2025: Path) -> None:
    html = (real_site_2025 / "phuong/hang-bai/index.html").read_text(encoding="utf-8")
    assert 'href="thay-doi/"' in html and "Bản in hiện hành: nội dung áp dụng từ ngày 09/01/2025." in html
    assert '<link rel="alternate" type="application/atom+xml" title="Các thay đổi" href="thay-doi.xml">' in html
    notices = (real_site_2025 / "thong-bao/index.html").read_text(encoding="utf-8")
    assert 'type="application/atom+xml"' in notices and 'href="../thay-doi.xml"' in notices


def entries(feed: Path) -> tuple[ET.Element, list[ET.Element]]:
    root = ET.parse(feed).getroot()
    return root, root.findall(f"{ATOM}entry")


@pytest.mark.parametrize("which", ["real_site", "real_site_2025"])
def test_the_feeds_are_atom_with_one_entry_per_change(which: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(which)
    root, every = entries(site / "thay-doi.xml")
    wards = sorted(p.parent.name for p in site.glob("phuong/*/thay-doi.xml"))
    assert len(wards) == 18
    total = 0
    for ward in wards:
        feed, items = entries(site / f"phuong/{ward}/thay-doi.xml")
        # RFC 4287: the feed's id, title, updated, author; each entry's id, title, updated, link.
        assert feed.tag == f"{ATOM}feed" and feed.find(f"{ATOM}author/{ATOM}name").text
        for element in (feed, *items):
            assert element.find(f"{ATOM}id").text and element.find(f"{ATOM}title").text
            assert STAMP.match(element.find(f"{ATOM}updated").text)
        ids = [i.find(f"{ATOM}id").text for i in items]
        assert len(ids) == len(set(ids)) and items
        stamps = [i.find(f"{ATOM}updated").text for i in items]
        assert stamps == sorted(stamps, reverse=True) and feed.find(f"{ATOM}updated").text == stamps[0]
        # Each entry links to its place on the ward's change page, which says the same.
        page = (site / f"phuong/{ward}/thay-doi/index.html").read_text(encoding="utf-8")
        for item in items:
            href = item.find(f"{ATOM}link").get("href")
            assert f"/phuong/{ward}/thay-doi/#" in href and f'id="{href.split("#")[1]}"' in page
            assert item.find(f"{ATOM}category").get("term") == ward
        total += len(items)
    assert len(every) == total
    assert root.find(f"{ATOM}link[@rel='self']").get("href").endswith("/thay-doi.xml")


def test_beside_each_feed_a_sitemap_of_the_wards_pages(real_site: Path, printed_2022: Path) -> None:
    """The theme fetches sitemap.xml beside a page's alternate links (the feed): a public build lists
    the ward's pages there, a preview build none (as the site's own sitemap)."""
    mapped = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
    locs = [e.text for e in ET.parse(printed_2022 / "phuong/hang-bai/sitemap.xml").getroot().iter(f"{mapped}loc")]
    assert "https://khong-cho.example/phuong/hang-bai/" in locs
    assert "https://khong-cho.example/phuong/hang-bai/chung-thuc-ban-sao/" in locs
    assert all(loc.startswith("https://khong-cho.example/phuong/hang-bai/") for loc in locs) and len(locs) >= 3
    assert not list(ET.parse(real_site / "phuong/hang-bai/sitemap.xml").getroot().iter(f"{mapped}loc"))


def test_a_wards_change_page_lists_what_changed_with_sources(real_site: Path) -> None:
    page = (real_site / "phuong/hang-bai/thay-doi/index.html").read_text(encoding="utf-8")
    days = re.findall(r"<h3 id=\"[^\"]+\">Từ ngày (\d\d/\d\d/\d{4})", page)
    assert days == ["01/07/2025", "09/01/2025", "01/01/2025", "01/07/2024", "01/01/2023", "01/07/2021"]
    assert "Luật Căn cước số 26/2023/QH15" in page and "Nghị định số 07/2025/NĐ-CP" in page
