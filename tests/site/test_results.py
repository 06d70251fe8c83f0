"""Results: shares rounded half up, Vietnamese number forms, ranking, the SVG chart, open data."""

from __future__ import annotations

import csv
import json
import os
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from support import FIXTURES, REAL_CATALOG, ROOT, check_golden, golden_text, render_outputs

from generator import fmt, views
from generator.pipeline import read_catalog


@pytest.mark.parametrize(
    ("settled", "received", "expected"),
    [
        (1824, 4063, "44,9 %"),
        (1, 8, "12,5 %"),
        (1, 16, "6,3 %"),  # 6,25 rounds half up
        (1, 2000, "0,1 %"),  # 0,05 rounds half up
        (1, 3, "33,3 %"),
        (2, 3, "66,7 %"),
        (0, 10, "0,0 %"),
        (10, 10, "100,0 %"),
        (0, 0, "chưa có số liệu"),
    ],
)
def test_share_rounds_half_up_to_one_decimal(settled: int, received: int, expected: str) -> None:
    assert views.share(settled, received) == expected


def test_vietnamese_number_forms() -> None:
    assert fmt.number(4063) == "4.063"
    assert fmt.number(1824) == "1.824"
    assert fmt.number(1234567) == "1.234.567"
    assert fmt.number(999) == "999"
    assert fmt.vnd(200000) == "200.000 đồng"


def catalog_with_more_results(tmp_path: Path) -> Path:
    root = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "valid", root)
    path = root / "phuong/bo-song.yaml"
    text = path.read_text(encoding="utf-8").replace(
        "nguon:\n  - ten: Dữ liệu mẫu cho kiểm thử\n",
        "ket_qua:\n  - {tu_ngay: 2022-01-01, den_ngay: 2022-06-30, tiep_nhan: 200, giai_quyet_ngay: 150, nguon: {ten: Mẫu}}\n"
        "nguon:\n  - ten: Dữ liệu mẫu cho kiểm thử\n",
    )
    path.write_text(text, encoding="utf-8")
    return root


def test_ranking_total_and_wards_without_data(tmp_path: Path) -> None:
    root = catalog_with_more_results(tmp_path)
    catalog, problems = read_catalog(root)
    assert not [p for p in problems if p.is_error]
    ranked, missing, total = views.results_by_ward(catalog)
    assert [(r.ward.id, r.share) for r in ranked] == [("bo-song", "75,0 %"), ("an-binh", "45,0 %")]
    assert missing == []
    assert (total.received, total.settled, total.share) == (4363, 2024, "46,4 %")
    real, _ = read_catalog(REAL_CATALOG)
    ranked, missing, total = views.results_by_ward(real, [w for w in real.wards.values() if views.in_district(real, w)])
    assert [r.ward.id for r in ranked] == ["hang-bai"] and len(missing) == 17
    assert all(r.share == "chưa có số liệu" for r in missing)


def test_golden_results_page(tmp_path: Path) -> None:
    """UPDATE_GOLDEN=1 rewrites tests/golden/ket-qua.md; review the diff."""
    catalog, _ = read_catalog(catalog_with_more_results(tmp_path))
    (page,) = [o for o in render_outputs(catalog) if o.path == "ket-qua/index.md"]
    check_golden(ROOT / "tests/golden/ket-qua.md", golden_text(page))


def test_chart_has_title_description_and_a_label_per_bar(tmp_path: Path) -> None:
    catalog, _ = read_catalog(catalog_with_more_results(tmp_path))
    (page,) = [o for o in render_outputs(catalog) if o.path == "ket-qua/index.md"]
    svg = re.search(r'<svg[^>]*class="kc-chart".*?</svg>', page.content, re.S).group(0)
    root = ET.fromstring(svg)
    ns = {"s": "http://www.w3.org/2000/svg"}
    assert root.get("role") == "img"
    assert root.find("s:title", ns).text == "Tỷ lệ hồ sơ giải quyết không chờ theo phường"
    assert "Phường An Bình: 45,0 % (1.874 trên 4.163 hồ sơ)" in root.find("s:desc", ns).text
    bars = root.findall("s:g", ns)
    labels = [[t.text for t in bar.findall("s:text", ns)] for bar in bars]
    assert labels == [["Phường Bờ Sông", "75,0 % (150/200)"], ["Phường An Bình", "45,0 % (1.874/4.163)"]]
    assert "<script" not in svg


def test_one_ward_of_figures_is_named_not_ranked(real_site: Path) -> None:
    """Hàng Bài's pilot figures are Hàng Bài's: no district total, no ranking of one ward."""
    html = (real_site / "ket-qua/index.html").read_text(encoding="utf-8")
    text = re.sub(r"<[^>]+>", " ", html)
    assert "Toàn quận" not in text and "Xếp hạng" not in text and "kc-chart" not in html
    assert re.search(r"<h2[^>]*>Phường Hàng Bài", html)
    assert "01/07/2021 – 28/02/2022" in text
    assert "mọi thủ tục, không chỉ năm thủ tục" in text  # what the 4,063 count
    assert "Nâng cao chất lượng phục vụ người dân" in text  # whose figures: the source
    assert "Các phường chưa có số liệu" in text and "0 %</td>" not in html


def test_results_open_data_reads_back(real_site: Path) -> None:
    catalog, _ = read_catalog(REAL_CATALOG)
    expected = [
        (w.id, r.tu_ngay.isoformat(), r.den_ngay.isoformat(), r.tiep_nhan, r.giai_quyet_ngay)
        for w in catalog.wards.values()
        for r in w.ket_qua
    ]
    with (real_site / "du-lieu/ket-qua.csv").open(encoding="utf-8-sig", newline="") as handle:
        rows = [(r["phuong"], r["tu_ngay"], r["den_ngay"], int(r["tiep_nhan"]), int(r["giai_quyet_ngay"])) for r in csv.DictReader(handle)]
    assert rows == expected
    data = json.loads((real_site / "du-lieu/ket-qua.json").read_text(encoding="utf-8"))
    assert [(r["phuong"], r["tu_ngay"], r["den_ngay"], r["tiep_nhan"], r["giai_quyet_ngay"]) for r in data] == expected
    assert data[0]["ty_le"] == "44,9 %"
