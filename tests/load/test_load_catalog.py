"""load_catalog: district.yaml, thu-tuc/*.yaml and phuong/*.yaml, every problem collected."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.load import load_catalog
from generator.problems import FILE_FIELD

DISTRICT = "id: hoan-kiem\nten: Quận Hoàn Kiếm\n"
LAWS = "van_ban:\n  - so_ky_hieu: 23/2015/NĐ-CP\n"


@pytest.fixture
def catalog(write) -> Path:
    """A small catalog under tmp_path/catalog (the working folder is tmp_path)."""
    write(DISTRICT, "catalog/district.yaml")
    write(LAWS, "catalog/van-ban.yaml")
    for name in ["cap-ban-sao", "khai-sinh", "chung-thuc"]:
        write(f"id: {name}\n", f"catalog/thu-tuc/{name}.yaml")
    for name in ["hang-bai", "hang-bac"]:
        write(f"id: {name}\nten: Phường {name}\n", f"catalog/phuong/{name}.yaml")
    return Path("catalog").resolve()


def test_loads_everything_sorted(catalog):
    loaded = load_catalog(catalog)
    assert loaded.problems == []
    assert loaded.root == catalog
    assert loaded.district is not None
    assert loaded.district.data == {"id": "hoan-kiem", "ten": "Quận Hoàn Kiếm"}
    assert [d.stem for d in loaded.procedures] == ["cap-ban-sao", "chung-thuc", "khai-sinh"]
    assert [d.stem for d in loaded.wards] == ["hang-bac", "hang-bai"]
    assert [d.display for d in loaded.wards] == ["catalog/phuong/hang-bac.yaml", "catalog/phuong/hang-bai.yaml"]
    assert loaded.wards[1].data == {"id": "hang-bai", "ten": "Phường hang-bai"}


def test_missing_district_is_reported_and_the_rest_loads(catalog):
    (catalog / "district.yaml").unlink()
    loaded = load_catalog(catalog)
    assert loaded.district is None
    assert [str(p) for p in loaded.problems] == [
        "catalog/district.yaml:1:1: (tệp): thiếu tệp thông tin quận (district.yaml)"
    ]
    assert len(loaded.procedures) == 3
    assert len(loaded.wards) == 2


def test_missing_legal_library_is_reported_and_the_rest_loads(catalog):
    (catalog / "van-ban.yaml").unlink()
    loaded = load_catalog(catalog)
    assert loaded.laws is None
    assert [str(p) for p in loaded.problems] == [
        "catalog/van-ban.yaml:1:1: (tệp): thiếu tệp các văn bản pháp luật được dẫn (van-ban.yaml)"
    ]
    assert loaded.district is not None
    assert len(loaded.procedures) == 3


def test_legal_library_is_loaded(catalog):
    loaded = load_catalog(catalog)
    assert loaded.laws is not None
    assert loaded.laws.data == {"van_ban": [{"so_ky_hieu": "23/2015/NĐ-CP"}]}


def test_broken_district_is_reported(catalog):
    (catalog / "district.yaml").write_text("id: a\nid: b\n", encoding="utf-8")
    loaded = load_catalog(catalog)
    assert loaded.district is None
    [found] = loaded.problems
    assert (found.path, found.line, found.column, found.field) == ("catalog/district.yaml", 2, 1, "id")
    assert len(loaded.procedures) == 3


def test_yml_file_is_reported_and_not_loaded(catalog, write):
    write("id: tay-ho\n", "catalog/phuong/tay-ho.yml")
    loaded = load_catalog(catalog)
    [found] = loaded.problems
    assert (found.path, found.line, found.column, found.field) == ("catalog/phuong/tay-ho.yml", 1, 1, FILE_FIELD)
    assert "tệp phải có đuôi .yaml (không phải .yml)" in found.message
    assert [d.stem for d in loaded.wards] == ["hang-bac", "hang-bai"]


def test_broken_file_does_not_stop_the_others(catalog, write):
    write('id: b\nten: "Hàng\n', "catalog/thu-tuc/b-hong.yaml")
    write(b"id: x\nten: H\xe0ng\n", "catalog/phuong/cp1252.yaml")
    write("", "catalog/phuong/rong.yaml")
    loaded = load_catalog(catalog)
    assert [d.stem for d in loaded.procedures] == ["cap-ban-sao", "chung-thuc", "khai-sinh"]
    assert [d.stem for d in loaded.wards] == ["hang-bac", "hang-bai"]
    assert [(p.path, p.line, p.column) for p in loaded.problems] == [
        ("catalog/thu-tuc/b-hong.yaml", 2, 6),
        ("catalog/phuong/cp1252.yaml", 2, 7),
        ("catalog/phuong/rong.yaml", 1, 1),
    ]
    messages = [p.message for p in loaded.problems]
    assert "thiếu dấu ngoặc kép" in messages[0]
    assert "UTF-8" in messages[1]
    assert "tệp rỗng" in messages[2]


def test_every_tab_problem_of_a_file_is_collected(catalog, write):
    write("id: x\nlien_he:\n\ta: 1\n\tb: 2\n", "catalog/phuong/tab.yaml")
    loaded = load_catalog(catalog)
    assert [(p.path, p.line) for p in loaded.problems] == [
        ("catalog/phuong/tab.yaml", 3),
        ("catalog/phuong/tab.yaml", 4),
    ]


def test_hidden_files_other_suffixes_and_folders_are_ignored(catalog, write):
    write("id: an\n", "catalog/thu-tuc/.an.yaml")
    write("ghi chú\n", "catalog/thu-tuc/README.md")
    write("id: cu\n", "catalog/thu-tuc/cu.yaml.bak")
    write("id: con\n", "catalog/thu-tuc/thu-muc-con/con.yaml")
    loaded = load_catalog(catalog)
    assert loaded.problems == []
    assert [d.stem for d in loaded.procedures] == ["cap-ban-sao", "chung-thuc", "khai-sinh"]


def test_missing_folders_give_empty_lists(write, tmp_path):
    write(DISTRICT, "chi-quan/district.yaml")
    write(LAWS, "chi-quan/van-ban.yaml")
    loaded = load_catalog(tmp_path / "chi-quan")
    assert loaded.problems == []
    assert loaded.procedures == []
    assert loaded.wards == []


def test_empty_root(write, tmp_path):
    write("x", "khac.txt")  # enter tmp_path
    (tmp_path / "rong").mkdir()
    loaded = load_catalog(tmp_path / "rong")
    assert loaded.district is None
    assert [p.message for p in loaded.problems] == [
        "thiếu tệp thông tin quận (district.yaml)",
        "thiếu tệp các văn bản pháp luật được dẫn (van-ban.yaml)",
    ]


def test_catalog_documents_keep_positions(catalog):
    loaded = load_catalog(catalog)
    ward = loaded.wards[1]
    assert ward.where(("ten",)) == (2, 6)
    assert ward.where(("ten",), key=True) == (2, 1)
