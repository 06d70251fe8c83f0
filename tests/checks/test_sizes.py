"""Large but legal (issue 22): every field within its limit, the whole too long. ``check`` names the
file (and the adoption, for a page) and the build refuses, instead of a build many times slower."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import yaml
from support import FIXTURES

from generator import checks
from generator.pipeline import read_catalog

LONG = "Người yêu cầu " + "xuất trình giấy tờ còn giá trị sử dụng, " * 40  # about 1,600 characters


@pytest.fixture
def catalog(tmp_path: Path) -> Path:
    root = tmp_path / "procedures"
    shutil.copytree(FIXTURES / "valid", root)
    return root


def grow(path: Path, field: str, items: int) -> None:
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data[field] = [LONG + f" {i}." for i in range(items)]
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")


def errors(root: Path) -> list[str]:
    _, problems = read_catalog(root)
    return [str(p) for p in problems if p.is_error]


def test_the_real_catalog_is_far_below_the_bounds() -> None:
    from support import REAL_CATALOG

    catalog, _ = read_catalog(REAL_CATALOG)
    for procedure in catalog.procedures.values():
        assert checks._text_size(procedure.model_dump(mode="json")) < checks.MAX_PROCEDURE_TEXT / 4


def test_a_procedure_within_every_field_limit_but_too_long_is_named(catalog: Path) -> None:
    path = catalog / "thu-tuc/chung-thuc-ban-sao.yaml"
    grow(path, "yeu_cau_dieu_kien", 25)  # 25 items of 1,600 characters: each allowed, 40,000 in all
    found = errors(catalog)
    assert len(found) == 1, found
    assert found[0].startswith(f"{path}:1:1: (tệp): tệp thủ tục có ")
    assert "tệp thủ tục có" in found[0] and "quá giới hạn 30.000 ký tự" in found[0]


def test_a_page_too_long_names_the_wards_adoption(catalog: Path) -> None:
    """The procedure within its bound, the ward's own conditions pushing the page over."""
    grow(catalog / "thu-tuc/chung-thuc-ban-sao.yaml", "yeu_cau_dieu_kien", 15)  # about 24,000
    ward = catalog / "phuong/an-binh.yaml"
    data = yaml.safe_load(ward.read_text(encoding="utf-8"))
    data["thu_tuc_khong_cho"][0]["dieu_kien_them"] = [
        {"id": f"dk-{i}", "loai": "van_ban", "noi_dung": LONG, "can_cu": {"loai": "phuong"}} for i in range(12)
    ]
    ward.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    found = errors(catalog)
    assert len(found) == 1, found
    assert "phuong/an-binh.yaml:" in found[0] and "thu_tuc_khong_cho[0]: trang thủ tục 'chung-thuc-ban-sao'" in found[0]
    assert "quá giới hạn 40.000 ký tự" in found[0]
