"""Where to go, true for each procedure (issue 21): the law's rule per procedure, places one can
walk to with their sources, and no claim the evidence does not allow, read on the built pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from support import REAL_CATALOG
from test_dates import OLD, OLD_PAGES, article, first_after_heading, flat

from generator import evidence
from generator.pipeline import read_catalog

SPLIT = [w for w in OLD if len(w.hieu_luc.ke_nhiem) > 1]
CERTIFICATION = ("chung-thuc-ban-sao", "chung-thuc-chu-ky")


def box(site: Path, rel: str) -> str:
    """The first box of an ended ward's page: what the reader sees first."""
    return flat(first_after_heading(article(site, rel))[2])


def page_text(site: Path, rel: str) -> str:
    return flat(" ".join(block[2] for block in article(site, rel).blocks))


def test_six_wards_are_split() -> None:
    assert {w.id for w in SPLIT} == {"cua-dong", "cua-nam", "dong-xuan", "hang-bong", "hang-trong", "trang-tien"}


@pytest.mark.parametrize("ward", [w.id for w in SPLIT])
def test_a_split_wards_death_registration_follows_the_deceaseds_residence(real_site: Path, ward: str) -> None:
    text = box(real_site, f"phuong/{ward}/dang-ky-khai-tu/index.html")
    name = next(w.ten for w in SPLIT if w.id == ward)
    assert "Ủy ban nhân dân cấp xã nơi cư trú cuối cùng của người chết" in text
    assert "(Căn cứ: Điều 32 Luật Hộ tịch số 60/2014/QH13)" in text
    assert f"Nếu nơi cư trú cuối cùng của người chết ở địa bàn phường {name} cũ, đó là phường " in text
    assert "tùy theo địa chỉ. Để biết một địa chỉ nay thuộc phường nào" in text
    # Never "the new ward of your address": the applicant's residence decides nothing here.
    assert "quản lý địa chỉ của ông/bà" not in text


@pytest.mark.parametrize("rel", [f"phuong/{w.id}/{p}/index.html" for w in OLD for p in CERTIFICATION])
def test_certification_does_not_depend_on_residence_and_is_not_filed_online(real_site: Path, rel: str) -> None:
    text = box(real_site, rel)
    assert "không phụ thuộc vào nơi cư trú của người yêu cầu" in text
    assert "Không cần tìm phường mới nào quản lý địa chỉ của ông/bà." in text
    assert "Phải làm trực tiếp: người yêu cầu" in text
    assert "trực tuyến" not in page_text(real_site, rel)


def test_the_home_page_gives_the_rule_per_procedure(real_site: Path) -> None:
    text = page_text(real_site, "index.html")
    catalog, _ = read_catalog(REAL_CATALOG)
    section = text[text.index("Làm thủ tục ở đâu") :]
    for procedure in catalog.procedures.values():
        assert f"{procedure.short_name}:" in section, procedure.id
    assert "Bất kỳ Ủy ban nhân dân cấp xã nào" in section and "nơi cư trú cuối cùng của người chết" in section
    assert "nơi cư trú của một trong hai bên nam, nữ" in section
    assert "làm thủ tục tại Ủy ban nhân dân phường nơi mình cư trú" not in text


@pytest.mark.parametrize("ward", [w.id for w in OLD])
def test_every_old_wards_box_names_a_street_address_with_its_source(real_site: Path, ward: str) -> None:
    text = box(real_site, f"phuong/{ward}/index.html")
    found = re.findall(r"Trụ sở Ủy ban nhân dân phường [^:]+: \d+ [^(]+\(Nguồn: ([^)]+)\)", text)
    assert found, text
    assert all(re.search(r"\d{4}", source) for source in found)  # each source with its date or year


# Claims the evidence does not allow (issue 21), and wording the issue asked to drop.
UNSOURCED = [
    "áp dụng mô hình như phường Hàng Bài",
    "Phường chưa công bố",
    "chưa có phường nào giải quyết không chờ thủ tục này",
    "Mỗi phường có thể đặt điều kiện chặt hơn",
    "phường mới quản lý địa chỉ của ông/bà",
    "hoặc nộp trực tuyến",
    "tùy theo số nhà",
    "có đã",
]


def test_no_page_states_an_unsourced_claim(real_site: Path, real_site_2022: Path) -> None:
    for site in (real_site, real_site_2022):
        for path in sorted(site.rglob("*.html")):
            rel = path.relative_to(site).as_posix()
            if rel.startswith("thong-bao/"):
                continue  # the notices are tested in test_notices.py
            text = page_text(site, rel)
            for claim in UNSOURCED:
                assert claim not in text, (rel, claim)
            # A ward is "đang hoạt động"; only a legal text "đang có hiệu lực".
            assert not re.search(r"(?<!văn bản )đang có hiệu lực", text), rel
            # No adoption is given an end that no source states.
            assert not re.search(r"thủ tục này từ ngày \d\d/\d\d/\d{4} đến ngày", text), rel


@pytest.mark.parametrize("rel", OLD_PAGES)
def test_ended_wards_pages_do_not_send_readers_to_ask_the_ended_ward(real_site: Path, rel: str) -> None:
    assert "nên hỏi phường" not in page_text(real_site, rel)


def nesting(text: str) -> int:
    depth = deepest = 0
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        deepest = max(deepest, depth)
    return deepest


def test_no_brackets_inside_brackets(real_site: Path, real_site_2022: Path) -> None:
    """Plain Vietnamese: a citation or a note in brackets never holds another bracket."""
    for site in (real_site, real_site_2022):
        for path in sorted(site.rglob("*.html")):
            rel = path.relative_to(site).as_posix()
            if rel.startswith("thong-bao/"):
                continue
            for block in article(site, rel).blocks:
                if block[0] in ("p", "li"):
                    assert nesting(block[2]) <= 1, (rel, flat(block[2])[:300])


def test_the_report_lists_the_basis_of_every_where_to_go_fact() -> None:
    catalog, _ = read_catalog(REAL_CATALOG)
    text = evidence.report_text(catalog)
    assert "THIẾU NGUỒN" not in text.split("nguồn: có nguồn trong danh mục")[0]
    where = text[text.index("Nơi làm thủ tục, nơi tiếp nhận") :]
    assert "- Đăng ký khai tử, nơi làm thủ tục: Điều 32 60/2014/QH13" in where
    assert "- Ngày làm việc trong tuần: Điều 1 188/1999/QĐ-TTg" in where
    # What is still missing is said: the article of NĐ 118/2025 was not read.
    assert "118/2025/NĐ-CP (chưa ghi điều, khoản)" in where
