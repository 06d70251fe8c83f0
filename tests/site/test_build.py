"""The built site: URLs, links, origins, language, metadata, open data, determinism."""

from __future__ import annotations

import csv
import io
import hashlib
import json
import logging
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlparse

import pytest
from support import FIXTURES, REAL_CATALOG
from mkdocs.exceptions import Abort

from generator.pipeline import read_catalog

from support import build_site

SITE_URL = "http://127.0.0.1:8000/"


class Page(HTMLParser):
    """Links, resources, ids and the <html lang> of one HTML file."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.links: list[str] = []
        self.resources: list[str] = []
        self.ids: set[str] = set()
        self.lang: str | None = None
        self.meta: dict[str, str] = {}
        self.jsonld: list[str] = []
        self._in_jsonld = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        if tag == "html":
            self.lang = a.get("lang")
        if "id" in a:
            self.ids.add(a["id"])
        if tag == "a" and "href" in a:
            self.links.append(a["href"])
        if tag in ("script", "img", "iframe", "audio", "video", "source", "embed") and a.get("src"):
            self.resources.append(a["src"])
        if tag == "link" and a.get("href"):
            (self.links if a.get("rel") in ("canonical", "alternate", "prev", "next") else self.resources).append(a["href"])
        if tag == "meta" and "name" in a:
            self.meta[a["name"]] = a.get("content", "")
        self._in_jsonld = tag == "script" and a.get("type") == "application/ld+json"

    def handle_data(self, data: str) -> None:
        if self._in_jsonld:
            self.jsonld.append(data)

    def handle_endtag(self, tag: str) -> None:
        self._in_jsonld = False


def parse(path: Path) -> Page:
    page = Page()
    page.feed(path.read_text(encoding="utf-8"))
    return page


def url_of(site: Path, path: Path) -> str:
    rel = path.relative_to(site).as_posix()
    return SITE_URL + (rel[: -len("index.html")] if rel.endswith("index.html") else rel)


def target_file(site: Path, url: str) -> Path:
    rel = unquote(urlparse(url).path)[len(urlparse(SITE_URL).path) :]
    path = site / rel
    return path / "index.html" if rel == "" or rel.endswith("/") else path


def html_files(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


@pytest.mark.parametrize("which", ["real_site", "real_site_2022", "fixture_site"])
def test_every_public_url_exists(which: str, request: pytest.FixtureRequest) -> None:
    """Every URL a notice's QR code or a link may carry exists, ended wards' included (they are the record)."""
    site: Path = request.getfixturevalue(which)
    catalog, _ = read_catalog(FIXTURES / "valid" if which == "fixture_site" else REAL_CATALOG)
    expected = ["index.html", "phuong/index.html", "thu-tuc/index.html", "du-lieu/index.html", "sitemap.xml"]
    expected += ["ket-qua/index.html", "thong-bao/index.html", "du-lieu/ket-qua.json"]
    expected += [f"du-lieu/{name}" for name in ("danh-muc.json", "phuong.csv", "thu-tuc.csv", "ket-qua.csv")]
    expected += [f"du-lieu/schema/{kind}.schema.json" for kind in ("district", "thu-tuc", "phuong")]
    expected += [f"thu-tuc/{p}/index.html" for p in catalog.procedures]
    old = [w for w in catalog.wards.values() if w.thu_tuc_khong_cho]  # the 18 wards (and the fixture's)
    for ward in old:
        expected += [f"phuong/{ward.id}/index.html", f"thong-bao/{ward.id}/index.html", f"thong-bao/{ward.id}.pdf"]
        expected += [f"phuong/{ward.id}/{a.thu_tuc}/index.html" for a in ward.thu_tuc_khong_cho]
    if which != "real_site":
        expected.append("thong-bao/tat-ca.pdf")  # only when some notice may be posted
    missing = [path for path in expected if not (site / path).is_file()]
    assert missing == []
    new = [w for w in catalog.wards.values() if not w.thu_tuc_khong_cho]
    present = [w.id for w in new if (site / f"phuong/{w.id}/index.html").exists()]
    if which == "real_site":
        assert sorted(present) == sorted(w.id for w in new)  # the new wards, in force in 2026
    if which == "real_site_2022":
        assert present == []  # not in force yet: absent


@pytest.mark.parametrize("which", ["real_site", "fixture_site"])
def test_no_broken_internal_link_or_anchor(which: str, request: pytest.FixtureRequest) -> None:
    site: Path = request.getfixturevalue(which)
    pages = {path: parse(path) for path in html_files(site)}
    broken = []
    for path, page in pages.items():
        base = url_of(site, path)
        for link in page.links + page.resources:
            url = urljoin(base, link)
            if not url.startswith(SITE_URL):
                continue
            target = target_file(site, url)
            if not target.exists():
                broken.append(f"{path.relative_to(site)} -> {link}")
                continue
            fragment = urlparse(url).fragment
            if fragment and target.suffix == ".html":
                ids = pages[target].ids if target in pages else parse(target).ids
                if unquote(fragment) not in ids:
                    broken.append(f"{path.relative_to(site)} -> {link} (no anchor)")
    assert broken == []


def test_no_resource_from_another_origin_and_lang_vi(real_site: Path) -> None:
    foreign = []
    for path in html_files(real_site):
        page = parse(path)
        assert page.lang == "vi", path
        for resource in page.resources:
            if resource.startswith("data:"):
                continue  # embedded (the notices' QR codes), no request at all
            if urlparse(urljoin(SITE_URL, resource)).netloc != urlparse(SITE_URL).netloc:
                foreign.append(f"{path.relative_to(real_site)}: {resource}")
    for css in real_site.rglob("*.css"):
        text = css.read_text(encoding="utf-8", errors="replace")
        foreign += [f"{css.relative_to(real_site)}: {m}" for m in re.findall(r"url\(\s*['\"]?(?:https?:)?//[^)]+\)", text)]
        foreign += [f"{css.relative_to(real_site)}: {m}" for m in re.findall(r"@import\s+url\(\s*['\"]?https?:[^)]+\)", text)]
    assert foreign == []


def test_pages_have_titles_descriptions_and_jsonld(real_site_2022: Path) -> None:
    for path in html_files(real_site_2022):
        if path.name == "404.html":
            continue
        page = parse(path)
        assert page.meta.get("description"), path
    service = parse(real_site_2022 / "phuong/hang-bai/chung-thuc-ban-sao/index.html")
    (text,) = service.jsonld
    data = json.loads(text)
    assert data["@type"] == "GovernmentService"
    assert data["url"] == SITE_URL + "phuong/hang-bai/chung-thuc-ban-sao/"
    assert data["areaServed"]["name"] == "Phường Hàng Bài"
    assert "Chứng thực bản sao" in service.meta["description"]


def test_unknown_facts_read_dang_cap_nhat(real_site: Path) -> None:
    html = (real_site / "phuong/ba-dinh/index.html").read_text(encoding="utf-8")
    assert html.count("đang cập nhật") >= 3  # address, phone, hours at least
    html = (real_site / "phuong/hang-bai/index.html").read_text(encoding="utf-8")
    assert "4 Nguyễn Chế Nghĩa" in html
    assert "4.063" in html and "1.824" in html and "44,9 %" in html


def test_open_data_reads_back(real_site: Path) -> None:
    catalog, _ = read_catalog(REAL_CATALOG)
    data = json.loads((real_site / "du-lieu/danh-muc.json").read_text(encoding="utf-8"))
    assert [w["id"] for w in data["phuong"]] == list(catalog.wards)
    assert [p["id"] for p in data["thu_tuc"]] == list(catalog.procedures)
    with (real_site / "du-lieu/ket-qua.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert rows == [
        {
            "phuong": "hang-bai",
            "ten_phuong": "Hàng Bài",
            "tu_ngay": "2021-07-01",
            "den_ngay": "2022-02-28",
            "tiep_nhan": "4063",
            "giai_quyet_ngay": "1824",
            "pham_vi": catalog.wards["hang-bai"].ket_qua[0].pham_vi,
            "nguon": "Nâng cao chất lượng phục vụ người dân",
        }
    ]
    with (real_site / "du-lieu/phuong.csv").open(encoding="utf-8-sig", newline="") as handle:
        wards = list(csv.DictReader(handle))
    assert {w["ten"] for w in wards} == {w.ten for w in catalog.wards.values()}


def digest(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_two_builds_are_byte_identical(real_site: Path, tmp_path: Path) -> None:
    again = build_site(REAL_CATALOG, tmp_path / "again")
    first, second = digest(real_site), digest(again)
    assert first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_a_catalog_with_errors_stops_the_build(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR), pytest.raises(Abort):
        build_site(FIXTURES / "broken", tmp_path / "site")
    message = caplog.text
    assert "fixtures/broken/phuong/ba-dinh.yaml:5:13: dien_thoai:" in message
    assert message.rstrip().endswith("cảnh báo.")
    assert not (tmp_path / "site" / "index.html").exists()


def test_csv_files_open_in_excel_with_vietnamese_intact(real_site: Path) -> None:
    """Excel on Windows reads a CSV as UTF-8 only with a byte-order mark; it then reads 'utf-8-sig'."""
    for table in sorted((real_site / "du-lieu").glob("*.csv")):
        data = table.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf"), table.name
        rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"))))
        assert rows[0][0] in ("id", "phuong"), (table.name, rows[0][:2])
    wards = (real_site / "du-lieu/phuong.csv").read_bytes().decode("utf-8-sig")
    assert "Hàng Bài" in wards and "Đồng Xuân" in wards


def test_a_procedure_page_states_the_everyday_names_it_has_a_source_for(
    real_site: Path, real_site_2022: Path
) -> None:
    """Issue 23: "Người dân còn gọi là" lists the names with a source of their use, with the sources;
    a name search knows without a source is not stated, nor a source published after the build date."""
    page = (real_site / "thu-tuc/chung-thuc-ban-sao/index.html").read_text(encoding="utf-8")
    line = re.search(r"Người dân còn gọi là:</strong>(.*?)</li>", page, re.S).group(1)
    assert "“sao y bản chính”, “sao y”, “công chứng”." in line and "tổ chức hành nghề công chứng" in line
    assert "photo công chứng" not in page  # searched for, but no source of its use was read
    assert "dantri.com.vn" in page
    old = (real_site_2022 / "thu-tuc/chung-thuc-ban-sao/index.html").read_text(encoding="utf-8")
    line = re.search(r"Người dân còn gọi là:</strong>(.*?)</li>", old, re.S).group(1)
    assert "“sao y bản chính”" in line and "“sao y”" not in line  # its source is of 24/11/2025
    assert "dantri.com.vn" not in old
