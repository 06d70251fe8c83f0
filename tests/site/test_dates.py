"""A site true on the day it is built: the real catalog at three dates (issue 12).

- 14/05/2022 (the article's date): the 18 wards, all in force; no banner; 18 postable notices.
- 20/06/2025: ten days before the end; the change is announced ahead on the pages it affects.
- 29/11/2026: the district and the 18 wards have ended; every old-ward page opens with what
  happened and where to go now; the new wards have their own pages; nothing presents an ended
  body as a place to file.
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
from support import REAL_CATALOG

from generator.pipeline import read_catalog

CATALOG, _ = read_catalog(REAL_CATALOG)
OLD = [w for w in CATALOG.wards.values() if w.thu_tuc_khong_cho]
NEW = [w for w in CATALOG.wards.values() if not w.thu_tuc_khong_cho]
OLD_PAGES = [f"phuong/{w.id}/index.html" for w in OLD] + [
    f"phuong/{w.id}/{a.thu_tuc}/index.html" for w in OLD for a in w.thu_tuc_khong_cho
]


class Article(HTMLParser):
    """The page's main article as a flat list of [tag, classes, text] blocks, in document order;
    a block's text includes its children's (an admonition's title and paragraphs)."""

    BLOCKS = {"h1", "h2", "h3", "p", "li", "div", "table", "nav", "ul", "ol"}
    VOID = {"br", "img", "input", "hr", "meta", "link"}

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[list] = []
        self.open: list[tuple[str, list | None]] = []
        self.inside = 0
        self.jsonld: list[str] = []
        self._script = False
        self.announce = ""
        self._announce = 0

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "article":
            self.inside += 1
        if tag == "aside" and "md-banner" in (a.get("class") or ""):
            self._announce += 1
        if tag in self.VOID:
            return
        block = None
        if self.inside and tag in self.BLOCKS:
            block = [tag, a.get("class") or "", ""]
            self.blocks.append(block)
        self.open.append((tag, block))
        self._script = tag == "script" and a.get("type") == "application/ld+json"

    def handle_endtag(self, tag):
        if tag == "article":
            self.inside -= 1
        if tag == "aside" and self._announce:
            self._announce -= 1
        if tag == "script":
            self._script = False
        for index in range(len(self.open) - 1, -1, -1):
            if self.open[index][0] == tag:
                del self.open[index:]
                break

    def handle_data(self, data):
        if self._script:
            self.jsonld.append(data)
        if self._announce:
            self.announce += data
        for _, block in self.open:
            if block is not None:
                block[2] += data


def article(site: Path, rel: str) -> Article:
    parser = Article()
    parser.feed((site / rel).read_text(encoding="utf-8"))
    return parser


def first_after_heading(page: Article) -> list:
    """The first block after the page's <h1>: what a reader sees before anything else."""
    index = next(i for i, block in enumerate(page.blocks) if block[0] == "h1")
    return page.blocks[index + 1]


def flat(text: str) -> str:
    return " ".join(text.split())


# --- 29/11/2026 -------------------------------------------------------------------------------------


@pytest.mark.parametrize("rel", OLD_PAGES)
def test_every_old_ward_page_opens_with_its_end_and_where_to_go(real_site: Path, rel: str) -> None:
    block = first_after_heading(article(real_site, rel))
    assert block[0] == "div" and "admonition" in block[1] and "danger" in block[1], block
    text = flat(block[2])
    assert "không còn là đơn vị hành chính từ ngày 01/07/2025" in text
    assert "Nơi làm thủ tục bây giờ" in text and "thông tin lưu" in text
    # The law's rule with its basis, and at least one address to walk to, with its source.
    assert re.search(r"\(Căn cứ: [^)]*Điều \d+ (Luật|Nghị định) ", text), rel
    assert re.search(r"Trụ sở Ủy ban nhân dân phường [^:]+: \d+ [^(]+\(Nguồn: ", text), rel


def test_split_wards_say_it_depends_on_the_address(real_site: Path) -> None:
    text = flat(first_after_heading(article(real_site, "phuong/cua-nam/index.html"))[2])
    for heir in (
        "phường Hoàn Kiếm",
        "phường Cửa Nam (từ 01/07/2025)",
        "phường Ba Đình",
        "phường Văn Miếu - Quốc Tử Giám",
    ):
        assert heir in text
    assert "Địa bàn phường nay được chia cho phường Hoàn Kiếm, phường Cửa Nam" in text
    assert "tùy theo địa chỉ. Để biết một địa chỉ nay thuộc phường nào, ông/bà hỏi tại trụ sở các phường này" in text
    whole = flat(first_after_heading(article(real_site, "phuong/hang-bai/index.html"))[2])
    assert "Toàn bộ địa bàn phường nay thuộc phường Cửa Nam (từ 01/07/2025)" in whole


def test_no_page_presents_an_ended_committee_as_the_place_to_file(real_site: Path) -> None:
    ended = "|".join(re.escape(w.ten) for w in OLD)
    for rel in OLD_PAGES:
        text = flat(" ".join(block[2] for block in article(real_site, rel).blocks))
        # The new phường Cửa Nam ("(từ 01/07/2025)") may be named; the ended committees may not.
        assert not re.search(rf"Nơi nộp: (?:[^.]*, )?Ủy ban nhân dân phường (?:{ended})\b(?! \(từ)", text), rel
        assert "Hoàn Kiếm, Hà Nội" not in text, rel  # old addresses never read "…, Hoàn Kiếm"
    service = flat(" ".join(b[2] for b in article(real_site, "phuong/hang-bai/chung-thuc-ban-sao/index.html").blocks))
    assert "Bất kỳ Ủy ban nhân dân cấp xã nào" in service and "Trụ sở Ủy ban nhân dân phường Cửa Nam: 21 Bà Triệu" in service
    assert "trụ sở cũ của Ủy ban nhân dân phường Hàng Bài, số 4 Nguyễn Chế Nghĩa, nay thuộc phường Cửa Nam" in service


def test_jsonld_names_no_ended_body(real_site: Path) -> None:
    for rel in OLD_PAGES:
        for block in article(real_site, rel).jsonld:
            data = json.loads(block)
            assert "provider" not in data, rel


def test_every_page_carries_the_banner_and_the_date(real_site: Path) -> None:
    for path in sorted(real_site.rglob("*.html")):
        if path.parts[-2] == "thong-bao" or path.parent.parent.name == "thong-bao":
            continue  # notices are standalone documents (tested in test_notices.py)
        html = path.read_text(encoding="utf-8")
        page = Article()
        page.feed(html)
        assert "Từ ngày 01/07/2025, quận Hoàn Kiếm và 18 phường thuộc quận không còn là đơn vị" in flat(
            page.announce
        ), path
        assert "Thông tin tính đến ngày 29/11/2026." in html, path


def test_home_leads_with_the_current_situation(real_site: Path) -> None:
    page = article(real_site, "index.html")
    block = first_after_heading(page)
    assert block[0] == "h2" and flat(block[2]).startswith("Tình hình hiện nay")
    text = flat(" ".join(b[2] for b in page.blocks))
    assert text.index("Tình hình hiện nay") < text.index(
        "Mô hình tại các phường của quận Hoàn Kiếm (2021 – 30/06/2025)"
    )


def test_new_wards_have_pages_without_an_invented_list(real_site: Path) -> None:
    for ward in NEW:
        text = flat(" ".join(b[2] for b in article(real_site, f"phuong/{ward.id}/index.html").blocks))
        assert "Chưa tìm thấy nguồn cho biết phường giải quyết không chờ thủ tục nào." in text, ward.id
        assert not (real_site / f"thong-bao/{ward.id}/index.html").exists()
    text = flat(" ".join(b[2] for b in article(real_site, "phuong/hoan-kiem/index.html").blocks))
    assert "126 Hàng Trống, phường Hoàn Kiếm, Hà Nội" in text


def test_open_data_carries_dates_status_and_successors(real_site: Path) -> None:
    import csv

    data = json.loads((real_site / "du-lieu/danh-muc.json").read_text(encoding="utf-8"))
    assert data["ngay_du_lieu"] == "2026-11-29" and data["trang_thai"]["quan"] == "het_hieu_luc"
    assert data["trang_thai"]["phuong"]["hang-bai"] == "het_hieu_luc"
    assert data["trang_thai"]["phuong"]["cua-nam-2025"] == "dang_hieu_luc"
    with (real_site / "du-lieu/phuong.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = {row["id"]: row for row in csv.DictReader(handle)}
    assert rows["hang-bai"]["den_ngay"] == "2025-06-30" and rows["hang-bai"]["trang_thai"] == "het_hieu_luc"
    assert rows["hang-bai"]["ke_nhiem"] == "cua-nam-2025 (toàn bộ)"
    assert rows["hoan-kiem"]["tu_ngay"] == "2025-07-01" and rows["hoan-kiem"]["trang_thai"] == "dang_hieu_luc"


# --- 14/05/2022 -------------------------------------------------------------------------------------


def test_2022_is_the_18_wards_as_the_district_required(real_site_2022: Path) -> None:
    for rel in OLD_PAGES:
        page = article(real_site_2022, rel)
        first = first_after_heading(page)[1]  # at most the note that a ward's own list is unpublished
        assert "danger" not in first and "warning" not in first, rel
        assert page.announce.strip() == "", rel
    for ward in NEW:
        assert not (real_site_2022 / f"phuong/{ward.id}").exists()
    listing = (real_site_2022 / "thong-bao/index.html").read_text(encoding="utf-8")
    assert len(re.findall(r'<a href="[a-z-]+/">Thông báo</a>', listing)) == 18
    assert "Cửa Nam (đến" not in (real_site_2022 / "phuong/index.html").read_text(encoding="utf-8")
    text = flat(" ".join(b[2] for b in article(real_site_2022, "phuong/hang-bai/index.html").blocks))
    assert "30/06/2025" not in text and "01/07/2025" not in text  # the end was not known in 2022


# --- 20/06/2025 -------------------------------------------------------------------------------------


def test_2025_announces_the_change_ahead(real_site_2025: Path) -> None:
    for rel in OLD_PAGES:
        block = first_after_heading(article(real_site_2025, rel))
        assert "warning" in block[1], rel
        assert "Từ ngày 01/07/2025" in block[2] and "sẽ không còn là đơn vị hành chính" in block[2], rel
    page = article(real_site_2025, "index.html")
    assert "sẽ không còn là đơn vị" in flat(page.announce)
    assert (real_site_2025 / "thong-bao/tat-ca.pdf").exists()  # still postable until 30/06/2025
    for ward in NEW:
        assert not (real_site_2025 / f"phuong/{ward.id}").exists()  # not in force yet


# --- a past day is a reconstruction (issue 20) ---------------------------------------------------------

RECONSTRUCTION = "Trang này dựng lại thông tin như ngày 14/05/2022, theo danh mục rà soát ngày 29/11/2026."
SHEET_RECONSTRUCTION = "Dựng lại như ngày 14/05/2022, theo danh mục rà soát ngày 29/11/2026."
LATER = (
    "Căn cước điện tử",
    "Giấy chứng nhận căn cước",
    "Căn cước số 26/2023",
    "26/2023/QH15",
    "07/2025/NĐ-CP",
    "280/2025/NĐ-CP",
    "1656/NQ-UBTVQH15",
)


def readable(site: Path) -> dict[str, str]:
    """Every page, printed sheet's HTML and data file of a built site, as a reader gets it."""
    found = {}
    for path in sorted(site.rglob("*")):
        rel = path.relative_to(site).as_posix()
        if rel.startswith(("assets/", "pagefind/", "du-lieu/schema/")) or rel == "du-lieu/ngay-nghi.json":
            continue
        if path.suffix in (".html", ".json", ".csv", ".xml"):
            found[rel] = path.read_text(encoding="utf-8")
    return found


def test_2022_is_rebuilt_as_it_stood_then(real_site_2022: Path) -> None:
    """KHONG_CHO_NGAY=2022-05-14: the identity papers of 2022, no later law, date or ward; the one
    sentence on every page and sheet."""
    for procedure in ("chung-thuc-chu-ky", "dang-ky-ket-hon", "cap-ban-sao-trich-luc-ho-tich"):
        assert "Giấy chứng minh nhân dân" in flat(
            " ".join(b[2] for b in article(real_site_2022, f"phuong/hang-bai/{procedure}/index.html").blocks)
        ), procedure
    files = readable(real_site_2022)
    pages = [
        rel for rel in files if rel.endswith(".html") and not re.fullmatch(r"thong-bao/[a-z0-9-]+/index.html", rel)
    ]
    assert len(pages) > 100
    for rel, text in files.items():
        if rel.endswith(".html"):
            text = re.sub(r'<script type="application/json" id="kc-holidays">.*?</script>', "", text, flags=re.S)
        if rel in pages:
            assert text.count(RECONSTRUCTION) == 1, rel
        if re.fullmatch(r"thong-bao/[a-z0-9-]+/index.html", rel):
            assert SHEET_RECONSTRUCTION in text, rel
        if rel == "du-lieu/danh-muc.json":
            data = json.loads(text)
            assert "29/11/2026" in data.pop("nguon_du_lieu")["ghi_chu"]  # the reconstruction, stated once
            text = json.dumps(data, ensure_ascii=False)
        text = text.replace(RECONSTRUCTION, "").replace(SHEET_RECONSTRUCTION, "").replace("\\", "")
        for word in LATER:
            assert word not in text, (rel, word)
        for day, month, year in re.findall(r"\b(\d{2})/(\d{2})/(\d{4})\b", text):
            assert (int(year), int(month), int(day)) <= (2022, 5, 14), (rel, f"{day}/{month}/{year}")
        for year, month, day in re.findall(r"\b(\d{4})-(\d{2})-(\d{2})\b", text):
            assert (int(year), int(month), int(day)) <= (2022, 5, 14), (rel, f"{year}-{month}-{day}")
    assert not (real_site_2022 / "huong-dan-bien-tap").exists()  # the staff's guide of today is not rebuilt
