"""Checks on units in time (issue 12): each inconsistency is an error at its own file and line."""

from __future__ import annotations

from pathlib import Path

import pytest
from checks.test_checks import edit, messages

WARD = "phuong/an-binh.yaml"
OTHER = "phuong/bo-song.yaml"
END = "hieu_luc: {den_ngay: 2025-06-30, ke_nhiem: [{phuong: bo-song, toan_bo: true}], nguon: {ten: NQ mẫu}}"


@pytest.mark.parametrize(
    ("name", "addition", "expected"),
    [
        (
            WARD,
            "hieu_luc: {den_ngay: 2025-06-30, ke_nhiem: [{phuong: khong-co, toan_bo: true}], nguon: {ten: NQ}}",
            "hieu_luc.ke_nhiem[0].phuong: không có phường 'khong-co' trong procedures/phuong/",
        ),
        (
            WARD,
            "hieu_luc: {tu_ngay: 2025-01-01, den_ngay: 2024-12-31, ke_nhiem: [{phuong: bo-song, toan_bo: true}], nguon: {ten: NQ}}",
            "hieu_luc.den_ngay: ngày cuối (31/12/2024) phải bằng hoặc sau ngày bắt đầu (01/01/2025)",
        ),
        (
            WARD,
            "hieu_luc: {den_ngay: 2025-06-30, nguon: {ten: NQ}}",
            "hieu_luc.den_ngay: đơn vị đã có ngày cuối phải ghi",
        ),
        (
            WARD,
            "hieu_luc: {den_ngay: 2025-06-30, ke_nhiem: [{phuong: bo-song, toan_bo: true}]}",
            "hieu_luc: phải ghi nguồn (nguon) của ngày bắt đầu, ngày cuối",
        ),
        (
            WARD,
            "hieu_luc: {ke_nhiem: [{phuong: bo-song, toan_bo: true}]}",
            "hieu_luc.ke_nhiem: chỉ ghi ke_nhiem khi đơn vị đã có ngày cuối (den_ngay)",
        ),
        (
            WARD,
            "hieu_luc: {den_ngay: 2025-06-30, ke_nhiem: [{phuong: an-binh, toan_bo: true}], nguon: {ten: NQ}}",
            "hieu_luc.ke_nhiem[0].phuong: phường không thể kế nhiệm chính nó",
        ),
        (
            WARD,
            "hieu_luc: {den_ngay: 2020-12-31, ke_nhiem: [{phuong: bo-song, toan_bo: true}], nguon: {ten: NQ}}",
            "thu_tuc_khong_cho[0].tu_ngay: ngày 01/07/2021 nằm ngoài thời gian phường có hiệu lực (đến 31/12/2020)",
        ),
    ],
)
def test_lifetime_rules(valid_catalog: Path, name: str, addition: str, expected: str) -> None:
    edit(valid_catalog, name, "ngay_ra_soat:", f"{addition}\nngay_ra_soat:")
    found = messages(valid_catalog)
    assert any(m.startswith(name) and expected in m for m in found), found


def test_a_successor_must_be_in_force_the_day_after_the_end(valid_catalog: Path) -> None:
    edit(valid_catalog, WARD, "ngay_ra_soat:", f"{END}\nngay_ra_soat:")
    edit(valid_catalog, OTHER, "ngay_ra_soat:", "hieu_luc: {tu_ngay: 2025-08-01, nguon: {ten: NQ}}\nngay_ra_soat:")
    found = messages(valid_catalog)
    assert any(
        "hieu_luc.ke_nhiem[0].phuong: phường 'bo-song' không có hiệu lực vào ngày 01/07/2025, ngày sau ngày cuối; "
        "hiệu lực của phường đó: từ 01/08/2025" in m
        for m in found
    ), found


def test_a_successor_in_force_the_next_day_is_accepted(valid_catalog: Path) -> None:
    edit(valid_catalog, WARD, "ngay_ra_soat:", f"{END}\nngay_ra_soat:")
    edit(valid_catalog, OTHER, "ngay_ra_soat:", "hieu_luc: {tu_ngay: 2025-07-01, nguon: {ten: NQ}}\nngay_ra_soat:")
    assert [m for m in messages(valid_catalog) if "hieu_luc" in m] == []


def test_namesakes_may_follow_each_other_but_not_overlap(valid_catalog: Path) -> None:
    edit(valid_catalog, WARD, "ngay_ra_soat:", f"{END}\nngay_ra_soat:")
    edit(valid_catalog, OTHER, "ten: Bờ Sông", "ten: An Bình")
    edit(valid_catalog, OTHER, "ngay_ra_soat:", "hieu_luc: {tu_ngay: 2025-07-01, nguon: {ten: NQ}}\nngay_ra_soat:")
    assert [m for m in messages(valid_catalog) if "tên phường" in m] == []
    edit(valid_catalog, OTHER, "tu_ngay: 2025-07-01", "tu_ngay: 2025-06-01")
    assert [m for m in messages(valid_catalog) if "trong cùng thời gian" in m]


def test_results_must_lie_within_the_ward_life(valid_catalog: Path) -> None:
    edit(valid_catalog, WARD, "ngay_ra_soat:", "hieu_luc: {tu_ngay: 2022-03-01, nguon: {ten: NQ}}\nngay_ra_soat:")
    assert any(
        "ket_qua[0].tu_ngay: kỳ số liệu ngày" in m and "nằm ngoài thời gian" in m for m in messages(valid_catalog)
    )
