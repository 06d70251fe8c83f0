"""A site of a past day states nothing later: every 30th day from 2021 to 2027, rendered and read.

For each day the whole output is made (pages, open data, the HTML of every printed sheet, the
theme's values; no MkDocs, no PDF) and read like a proofreader would: every legal number named is
in force on that day, no date or year after it appears, except the reconstruction sentence and
changes announced ahead (at most 60 days, and only those the catalog as of that day holds).
"""

from __future__ import annotations

import json
import re
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from support import REAL_CATALOG, ROOT

from generator import build, dated, site
from generator.pipeline import read_catalog
from generator.settings import Settings

CATALOG, _ = read_catalog(REAL_CATALOG)
DAYS = [
    date(2021, 1, 1) + timedelta(days=30 * i) for i in range((date(2027, 12, 31) - date(2021, 1, 1)).days // 30 + 1)
]
DATE = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
YEAR = re.compile(r"(?<![\d/.\-])((?:19|20)\d\d)(?![\d/\-])")
HOLIDAYS = re.compile(r'<script type="application/json" id="kc-holidays">.*?</script>', re.S)
"""The calendar of days off: a published calendar, dated ahead by design."""
URL = re.compile(r"https?://[^\s)\"'<>]+")


def announced_days(known: Any, day: date) -> set[date]:
    """Every later date the catalog as of ``day`` holds (it keeps only announced changes), with the day after."""
    found: set[date] = set()

    def walk(value: Any) -> None:
        if isinstance(value, date) and value > day:
            found.update({value, value + timedelta(days=1)})
        elif hasattr(type(value), "model_fields"):
            for name in type(value).model_fields:
                if name != "ngay_ra_soat":  # the catalog's own review: said only in the reconstruction sentence
                    walk(getattr(value, name))
        elif isinstance(value, list | tuple):
            for item in value:
                walk(item)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)

    walk(known.district)
    for record in (*known.wards.values(), *known.procedures.values()):
        walk(record)
    return found


def texts(day: date, catalog: Any = CATALOG) -> tuple[list[tuple[str, str]], site.Site]:
    """What a reader of ``day`` can read: (where, text) pairs, the reconstruction sentences taken out."""
    at = site.at(catalog, Settings("https://khong-cho.example/", day, pdf=False))
    made = build.outputs(at, ROOT / "docs")
    sentences = [
        s for s in (at.theme["kc_reconstruction"], site.reconstruction_sentence(at.settings, at.review, True)) if s
    ]
    out = []
    for output in made.outputs:
        if not isinstance(output.content, str) or "schema" in output.path or output.path.endswith("ngay-nghi.json"):
            continue
        text = output.content
        if output.path.endswith(".json"):
            data = json.loads(text)
            if isinstance(data, dict):
                data.pop("nguon_du_lieu", None)  # the reconstruction stated as metadata
            text = json.dumps(data, ensure_ascii=False)
        out.append((output.path, text))
    out += [(f"bản in {path}", html) for path, html in made.sheets.items()]
    out.append(
        ("giao diện", json.dumps({k: v for k, v in at.theme.items() if k != "kc_reconstruction"}, ensure_ascii=False))
    )
    cleaned = []
    for where, text in out:
        text = HOLIDAYS.sub("", text).replace("\\", "")  # Markdown escapes: 23/2015/NĐ\-CP
        for sentence in sentences:
            text = text.replace(sentence, "")
        cleaned.append((where, URL.sub("", text)))
    return cleaned, at


def later_statements(day: date, catalog: Any = CATALOG) -> list[str]:
    pages, at = texts(day, catalog)
    allowed = announced_days(at.catalog, day)
    assert all(d <= day + timedelta(days=dated.NOTICE_DAYS + 1) for d in allowed), sorted(allowed)
    found = []
    for where, text in pages:
        for number in sorted(set(dated.numbers_in(text))):
            law = CATALOG.laws.get(number)
            if law is None or not dated.text_period(law).holds(day):
                found.append(f"{where}: văn bản {number} chưa hoặc không còn hiệu lực")
        for match in [*DATE.finditer(text), *ISO.finditer(text)]:
            parts = (match[3], match[2], match[1]) if match.re is DATE else (match[1], match[2], match[3])
            try:
                when = date(*(int(p) for p in parts))
            except ValueError:
                continue
            if when > day and when not in allowed:
                found.append(f"{where}: ngày sau ({match[0]}): …{text[max(0, match.start() - 60) : match.end()]}")
        bare = DATE.sub("", ISO.sub("", re.sub(r"\d{1,4}/\d{4}/\S+", "", text)))
        for match in YEAR.finditer(bare):
            if int(match[1]) > day.year:
                found.append(f"{where}: năm sau ({match[1]}): …{bare[max(0, match.start() - 60) : match.end()]}")
    return found


@pytest.mark.parametrize("day", DAYS, ids=[d.isoformat() for d in DAYS])
def test_nothing_later_is_stated_as_known(day: date) -> None:
    found = later_statements(day)
    assert not found, "\n".join(found[:10])


def test_the_proofreader_would_catch_a_later_law() -> None:
    """The property above can fail: a sentence naming NĐ 07/2025, its dates dropped, is caught in 2022."""
    procedure = CATALOG.procedures["chung-thuc-ban-sao"]
    undated = [item.model_copy(update={"tu_ngay": None, "den_ngay": None}) for item in procedure.yeu_cau_dieu_kien]
    changed = procedure.model_copy(update={"yeu_cau_dieu_kien": undated})
    broken = CATALOG.__class__(**{**CATALOG.__dict__, "procedures": {**CATALOG.procedures, procedure.id: changed}})
    found = later_statements(date(2022, 5, 14), broken)
    assert any("văn bản 07/2025/NĐ-CP" in line for line in found), found[:3]
    assert any("ngày sau (09/01/2025)" in line for line in found), found[:3]


def test_the_reconstruction_is_said_once_on_every_page_and_sheet() -> None:
    pages, at = texts(date(2022, 5, 14))  # sentences removed here: count them in the raw output
    made = build.outputs(at, ROOT / "docs")
    page_sentence = "Trang này dựng lại thông tin như ngày 14/05/2022, theo danh mục rà soát ngày 29/11/2026."
    assert at.theme["kc_reconstruction"] == page_sentence  # the theme prints it first on every page
    sheet_sentence = "Dựng lại như ngày 14/05/2022, theo danh mục rà soát ngày 29/11/2026."
    for path, html in made.sheets.items():
        assert sheet_sentence in html and "Thông tin tính đến ngày" not in html, path
    today = site.at(CATALOG, Settings("https://khong-cho.example/", CATALOG.district.ngay_ra_soat, pdf=False))
    assert today.theme["kc_reconstruction"] is None


def test_the_data_of_a_past_day_says_it_is_rebuilt() -> None:
    at = site.at(CATALOG, Settings("https://khong-cho.example/", date(2022, 5, 14), pdf=False))
    data = json.loads(
        next(o.content for o in build.outputs(at, ROOT / "docs").outputs if o.path == "du-lieu/danh-muc.json")
    )
    assert data["nguon_du_lieu"]["dung_lai"] is True and data["nguon_du_lieu"]["ngay_ra_soat_danh_muc"] == "2026-11-29"
    assert [w["id"] for w in data["phuong"]] == [
        w
        for w in CATALOG.wards
        if not w.endswith("2025") and w not in {"ba-dinh", "hoan-kiem", "hong-ha", "van-mieu-quoc-tu-giam"}
    ]
    assert "ngay_ra_soat" not in data["quan"] and all("ngay_ra_soat" not in w for w in data["phuong"])
    assert {t["so_ky_hieu"] for t in data["van_ban"]}.isdisjoint({"07/2025/NĐ-CP", "26/2023/QH15", "1656/NQ-UBTVQH15"})


def test_the_fixture_too(tmp_path: Path) -> None:
    """The small fixture's versioned paper: its 2024 change shows on the right side of the day."""
    from support import FIXTURES

    fixture, _ = read_catalog(FIXTURES / "valid")
    for day, paper in (("2024-06-30", "Giấy chứng minh nhân dân"), ("2024-07-01", "Thẻ căn cước")):
        at = site.at(fixture, Settings("https://khong-cho.example/", date.fromisoformat(day), pdf=False))
        page = next(
            o for o in build.outputs(at, ROOT / "docs").outputs if o.path == "phuong/an-binh/chung-thuc-ban-sao.md"
        )
        assert paper in str(page.content), day
