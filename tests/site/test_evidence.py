"""What the pages claim, and on what evidence (issue 13): each corrected fact read on the rendered
page, never in the YAML, and no adoption without a source presented as a ward's published list.

Pages are read as text (tests/site/test_wording.py's reader). Most facts are checked on the site as
it stood on 14/05/2022, when the 18 wards were in force, so the pages state them as current.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from site_text import visible_lines
from support import FIXTURES, REAL_CATALOG, build_site

from generator import evidence
from generator.pipeline import read_catalog

CATALOG, _ = read_catalog(REAL_CATALOG)
PUBLISHED = [w for w in CATALOG.wards.values() if any(a.nguon for a in w.thu_tuc_khong_cho)]
DERIVED = [w for w in CATALOG.wards.values() if w.thu_tuc_khong_cho and not any(a.nguon for a in w.thu_tuc_khong_cho)]
UNPUBLISHED = "Chưa tìm thấy danh mục riêng của phường"


def text(site: Path, rel: str) -> str:
    return " ".join(visible_lines(site / rel))


def checker_data(site: Path, rel: str) -> dict:
    html = (site / rel).read_text(encoding="utf-8")
    found = re.search(r'<script type="application/json" id="kc-checker-data">(.*?)</script>', html, re.S)
    assert found, rel
    return json.loads(found.group(1))


# --- who applies the model, and how we know --------------------------------------------------------


def test_the_catalog_knows_one_published_list_and_seventeen_by_directive() -> None:
    assert [w.id for w in PUBLISHED] == ["hang-bai"]
    assert len(DERIVED) == 17
    for ward in DERIVED:
        assert all(evidence.adoption(a) is evidence.Kind.DERIVED for a in ward.thu_tuc_khong_cho), ward.id


@pytest.mark.parametrize("day", ["2022", "2026"])
def test_counts_say_what_is_known(day: str, real_site_2022: Path, real_site: Path) -> None:
    site = real_site_2022 if day == "2022" else real_site
    for rel in ("index.html", "thu-tuc/index.html", "thu-tuc/dang-ky-ket-hon/index.html"):
        page = text(site, rel)
        assert "1 phường đã công bố danh mục; 17 phường triển khai theo chỉ đạo của quận" in page, rel
        assert not re.search(r"\b18 phường (đang |đã )?áp dụng", page), rel
    home = text(site, "index.html")
    assert "1 phường đã công bố danh mục thủ tục giải quyết không chờ: phường Hàng Bài." in home


def test_no_adoption_without_a_source_reads_as_the_wards_published_list(real_site_2022: Path) -> None:
    """Derived wards say so first, on the ward page and on every procedure page, with the reason."""
    for ward in DERIVED:
        page = text(real_site_2022, f"phuong/{ward.id}/index.html")
        assert UNPUBLISHED in page and "theo chỉ đạo của quận" in page, ward.id
        assert "Nguồn về các thủ tục phường áp dụng" not in page, ward.id
        for adoption in ward.thu_tuc_khong_cho:
            rel = f"phuong/{ward.id}/{adoption.thu_tuc}/index.html"
            service = text(real_site_2022, rel)
            assert UNPUBLISHED in service and "Ông/bà nên hỏi phường trước khi đến." in service, rel
            assert "Phường áp dụng giải quyết không chờ thủ tục này từ ngày" not in service, rel
            assert "hỏi phường" in checker_data(real_site_2022, rel)["hoi_phuong"], rel
    for ward in PUBLISHED:
        page = text(real_site_2022, f"phuong/{ward.id}/index.html")
        assert UNPUBLISHED not in page
        assert "Nguồn về các thủ tục phường áp dụng: Nâng cao chất lượng phục vụ người dân" in page
        service = text(real_site_2022, f"phuong/{ward.id}/chung-thuc-ban-sao/index.html")
        assert "Phường áp dụng giải quyết không chờ thủ tục này từ ngày 01/07/2021. Nguồn:" in service
        assert checker_data(real_site_2022, f"phuong/{ward.id}/chung-thuc-ban-sao/index.html")["hoi_phuong"] is None


def test_an_adoption_with_neither_source_nor_reason_says_it_has_none(tmp_path: Path) -> None:
    root = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "valid", root)
    path = root / "phuong/bo-song.yaml"
    body = path.read_text(encoding="utf-8")
    path.write_text(re.sub(r"    suy_ra:\n      ly_do: .*\n", "", body), encoding="utf-8")
    site = build_site(root, tmp_path / "site", pdf=False, search=False)
    page = text(site, "phuong/bo-song/chung-thuc-ban-sao/index.html")
    assert "Chưa tìm thấy nguồn cho việc phường áp dụng thủ tục này" in page
    assert "chưa có nguồn" in text(site, "thu-tuc/chung-thuc-ban-sao/index.html")
    assert "1 phường đã công bố danh mục; 1 phường chưa có nguồn" in text(site, "thu-tuc/chung-thuc-ban-sao/index.html")


# --- the 15 giờ rule ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("procedure", "basis"),
    [
        ("chung-thuc-ban-sao", "Điều 7 Nghị định số 23/2015/NĐ-CP của Chính phủ"),
        ("chung-thuc-chu-ky", "Điều 7 Nghị định số 23/2015/NĐ-CP của Chính phủ"),
        ("dang-ky-ket-hon", "khoản 3 Điều 5 Luật Hộ tịch số 60/2014/QH13"),
        ("dang-ky-khai-tu", "khoản 3 Điều 5 Luật Hộ tịch số 60/2014/QH13"),
        ("cap-ban-sao-trich-luc-ho-tich", "khoản 3 Điều 5 Luật Hộ tịch số 60/2014/QH13"),
    ],
)
def test_the_15_gio_rule_cites_the_law_that_makes_it(real_site_2022: Path, procedure: str, basis: str) -> None:
    rel = f"phuong/hang-bai/{procedure}/index.html"
    lines = visible_lines(real_site_2022 / rel)
    [rule] = [line for line in lines if re.match(r"Nộp (hồ sơ|yêu cầu) trước 15 giờ để nhận kết quả trong ngày", line)]
    assert f"(Căn cứ: {basis})" in rule
    assert "sau 15 giờ" in rule and "ngày làm việc tiếp theo" in rule  # still received: the result moves
    assert "Điều 21" not in rule and "quy định của quận" not in rule
    [cutoff] = [c for c in checker_data(real_site_2022, rel)["dieu_kien"] if c["loai"] == "gio_tiep_nhan"]
    assert cutoff["can_cu"] == basis


def test_the_extension_is_article_21(real_site_2022: Path) -> None:
    page = text(real_site_2022, "phuong/hang-bai/chung-thuc-ban-sao/index.html")
    assert "Không cùng lúc yêu cầu chứng thực từ nhiều bản chính. Giới hạn cụ thể: đang cập nhật. (Căn cứ: Điều 21" in page
    assert "kéo dài thêm không quá 02 ngày làm việc" in page


# --- identity papers, foreign documents, powers of attorney ---------------------------------------


def test_identity_papers_are_those_valid_on_the_day(real_site_2022: Path, real_site: Path) -> None:
    """2022: the Giấy chứng minh nhân dân of NĐ 23/2015, nothing of the 2023 law; today: NĐ 07/2025's list."""
    then = text(real_site_2022, "phuong/hang-bai/chung-thuc-chu-ky/index.html")
    assert "Giấy chứng minh nhân dân hoặc Hộ chiếu còn giá trị sử dụng" in then
    for later in ("Giấy chứng nhận căn cước", "Căn cước điện tử", "Thẻ căn cước,", "26/2023/QH15", "07/2025"):
        assert later not in then, later
    now = text(real_site, "phuong/hang-bai/chung-thuc-chu-ky/index.html")
    for paper in ("Thẻ căn cước", "Thẻ căn cước công dân", "Giấy chứng nhận căn cước", "Hộ chiếu", "Căn cước điện tử"):
        assert paper in now, paper
    assert "Giấy chứng minh nhân dân không còn dùng được từ ngày 01/01/2025" in now
    assert "Nghị định số 07/2025/NĐ-CP ngày 09/01/2025" in now


def test_copies_of_foreign_documents_are_certified_at_the_ward_from_2025(real_site_2022: Path, real_site: Path) -> None:
    then = text(real_site_2022, "phuong/hang-bai/chung-thuc-ban-sao/index.html")
    assert "do cơ quan, tổ chức có thẩm quyền của Việt Nam cấp hoặc chứng nhận" in then
    assert "Phòng Tư pháp cấp huyện hoặc tổ chức hành nghề công chứng" in then
    assert "hợp pháp hóa lãnh sự" not in then and "07/2025" not in then
    now = text(real_site, "phuong/hang-bai/chung-thuc-ban-sao/index.html")
    assert "cơ quan, tổ chức có thẩm quyền của nước ngoài cấp" in now
    assert "hợp pháp hóa lãnh sự" in now and "Nghị định số 07/2025/NĐ-CP" in now


def test_the_power_of_attorney_exception_is_complete(real_site_2022: Path) -> None:
    page = text(real_site_2022, "phuong/hang-bai/chung-thuc-chu-ky/index.html")
    for words in (
        "không có thù lao",
        "không có nghĩa vụ bồi thường",
        "quyền sử dụng bất động sản",
        "nhận hộ lương hưu, bưu phẩm, trợ cấp, phụ cấp",
        "nhờ trông nom nhà cửa",
        "Ngân hàng Chính sách xã hội",
        "Thông tư số 01/2020/TT-BTP",
    ):
        assert words in page, words


def test_the_requester_pays_for_photocopies(real_site_2022: Path) -> None:
    page = text(real_site_2022, "phuong/hang-bai/chung-thuc-ban-sao/index.html")
    assert "ông/bà nộp thêm chi phí chụp" in page and "khoản 3 Điều 15" in page


# --- civil status --------------------------------------------------------------------------------------


def test_both_parties_are_present_at_registration_not_at_filing(real_site_2022: Path) -> None:
    page = text(real_site_2022, "phuong/hang-bai/dang-ky-ket-hon/index.html")
    assert "Khi đăng ký, hai bên nam, nữ cùng có mặt và cùng ký tên." in page
    assert "một bên có thể nộp hồ sơ trước" in page
    assert not re.search(r"có mặt khi nộp", page)


def test_the_marital_status_paper_says_when_it_is_needed(real_site_2022: Path) -> None:
    notice = text(real_site_2022, "thong-bao/hang-bai/index.html")
    assert "giấy xác nhận tình trạng hôn nhân (chỉ khi nơi cư trú của một bên không thuộc phường" in notice
    page = text(real_site_2022, "phuong/hang-bai/dang-ky-ket-hon/index.html")
    assert "Giấy xác nhận tình trạng hôn nhân: chỉ khi nơi cư trú của một bên" in page


def test_death_registration_late_fee_and_fallbacks(real_site_2022: Path) -> None:
    page = text(real_site_2022, "phuong/hang-bai/dang-ky-khai-tu/index.html")
    assert "Đăng ký quá hạn phải nộp lệ phí theo mức do Hội đồng nhân dân thành phố quy định" in page
    assert "nơi người đó chết hoặc nơi phát hiện thi thể" in page
    assert "nếu người chết không có người thân thích" in page
    assert "miễn, giảm" not in page and "Được miễn" not in page  # no exemption list under a free fee


def test_the_extract_fee_is_named_as_the_law_names_it(real_site_2022: Path) -> None:
    page = text(real_site_2022, "phuong/hang-bai/cap-ban-sao-trich-luc-ho-tich/index.html")
    assert "8.000 đồng/bản" in page and "Thông tư số 281/2016/TT-BTC của Bộ Tài chính" in page


# --- units in time ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("ward", ["chuong-duong", "phuc-tan"])
def test_whole_wards_went_to_hong_ha(real_site: Path, ward: str) -> None:
    page = text(real_site, f"phuong/{ward}/index.html")
    assert "Toàn bộ địa bàn phường nay thuộc phường Hồng Hà." in page
    assert "khoản 14 Điều 1" in page or "Điều 1 khoản 14" in page


def test_two_level_government_cites_its_own_law(real_site: Path) -> None:
    home = text(real_site, "index.html")
    assert "Chính quyền địa phương nay có hai cấp" in home
    assert "Luật Tổ chức chính quyền địa phương năm 2025" in home
    assert "Nghị quyết số 1656/NQ-UBTVQH15" in home  # the area's new wards: the resolution


# --- legal names ---------------------------------------------------------------------------------------


def test_legal_bases_list_full_names_with_links(real_site_2022: Path, real_site: Path) -> None:
    """Full names; an amendment only from the day it takes effect, with that day."""
    name = (
        "Nghị định số 23/2015/NĐ-CP ngày 16/02/2015 của Chính phủ về cấp bản sao từ sổ gốc, chứng thực bản "
        "sao từ bản chính, chứng thực chữ ký và chứng thực hợp đồng, giao dịch"
    )
    then = text(real_site_2022, "thu-tuc/chung-thuc-ban-sao/index.html")
    assert name in then and "sửa đổi, bổ sung bởi" not in then
    now = text(real_site, "thu-tuc/chung-thuc-ban-sao/index.html")
    assert name in now
    assert (
        "Đã được sửa đổi, bổ sung bởi Nghị định số 07/2025/NĐ-CP của Chính phủ (có hiệu lực từ ngày 09/01/2025)"
        in now
    )
    html = (real_site_2022 / "thu-tuc/chung-thuc-ban-sao/index.html").read_text(encoding="utf-8")
    assert 'href="https://github.com/diepxuan/diepxuan.github.io/blob/' in html


def test_check_report_names_what_is_sourced_derived_and_missing() -> None:
    table = evidence.report_text(CATALOG)
    [hang_bai] = [line for line in table.splitlines() if line.startswith("Phường Hàng Bài")]
    assert "5 nguồn" in hang_bai and "1 nguồn" in hang_bai
    [hang_bo] = [line for line in table.splitlines() if line.startswith("Phường Hàng Bồ")]
    assert "5 suy ra" in hang_bo and "chưa biết" in hang_bo
    assert "1 phường có nguồn cho danh mục thủ tục; 17 phường suy ra theo chỉ đạo của quận." in table
