"""Where every value and key stands (1-based line and column), and duplicate keys."""

from __future__ import annotations

import unicodedata

import pytest

from generator.load import format_loc, parse
from generator.problems import FILE_FIELD, Problem

SAMPLE = """\
# yaml-language-server: $schema=../schema/phuong.schema.json
id: hang-bai
ten: Phường Hàng Bài
lien_he:
  dien_thoai: "0243928763"
  gio_lam_viec:
    - ngay: Thứ 2
      gio: 7:30
    - {ngay: Thứ 7, gio: 8:00}
thu_tuc: [khai-sinh, ket-hon]
trong:
"""


@pytest.fixture
def doc(load):
    return load(SAMPLE)


def test_sample_data(doc):
    assert doc.data == {
        "id": "hang-bai",
        "ten": "Phường Hàng Bài",
        "lien_he": {
            "dien_thoai": "0243928763",
            "gio_lam_viec": [{"ngay": "Thứ 2", "gio": "7:30"}, {"ngay": "Thứ 7", "gio": "8:00"}],
        },
        "thu_tuc": ["khai-sinh", "ket-hon"],
        "trong": None,
    }
    assert doc.header == "# yaml-language-server: $schema=../schema/phuong.schema.json"
    assert doc.stem == "tep"
    assert doc.display == "tep.yaml"


@pytest.mark.parametrize(
    ("loc", "expected"),
    [
        ((), (2, 1)),
        (("id",), (2, 5)),
        (("ten",), (3, 6)),
        (("lien_he",), (5, 3)),
        (("lien_he", "dien_thoai"), (5, 15)),
        (("lien_he", "gio_lam_viec"), (7, 5)),
        (("lien_he", "gio_lam_viec", 0), (7, 7)),
        (("lien_he", "gio_lam_viec", 0, "ngay"), (7, 13)),
        (("lien_he", "gio_lam_viec", 0, "gio"), (8, 12)),
        (("lien_he", "gio_lam_viec", 1), (9, 7)),
        (("lien_he", "gio_lam_viec", 1, "ngay"), (9, 14)),
        # columns count characters, not UTF-8 bytes ("Thứ 7" comes before on the line)
        (("lien_he", "gio_lam_viec", 1, "gio"), (9, 26)),
        (("thu_tuc",), (10, 10)),
        (("thu_tuc", 0), (10, 11)),
        (("thu_tuc", 1), (10, 22)),
        (("trong",), (11, 7)),
    ],
)
def test_value_positions(doc, loc, expected):
    assert doc.positions[loc] == expected
    assert doc.where(loc) == expected


@pytest.mark.parametrize(
    ("loc", "expected"),
    [
        (("id",), (2, 1)),
        (("ten",), (3, 1)),
        (("lien_he",), (4, 1)),
        (("lien_he", "dien_thoai"), (5, 3)),
        (("lien_he", "gio_lam_viec"), (6, 3)),
        (("lien_he", "gio_lam_viec", 0, "ngay"), (7, 7)),
        (("lien_he", "gio_lam_viec", 0, "gio"), (8, 7)),
        (("lien_he", "gio_lam_viec", 1, "ngay"), (9, 8)),
        (("lien_he", "gio_lam_viec", 1, "gio"), (9, 21)),
        (("thu_tuc",), (10, 1)),
        (("trong",), (11, 1)),
    ],
)
def test_key_positions(doc, loc, expected):
    assert doc.key_positions[loc] == expected
    assert doc.where(loc, key=True) == expected


def test_only_mapping_entries_have_key_positions(doc):
    assert ("thu_tuc", 0) not in doc.key_positions
    assert ("lien_he", "gio_lam_viec", 0) not in doc.key_positions
    assert () not in doc.key_positions


@pytest.mark.parametrize(
    ("loc", "expected"),
    [
        # a missing field of a mapping: the mapping itself
        (("lien_he", "email"), (5, 3)),
        # a missing item of a list, and anything below it: the list
        (("thu_tuc", 7), (10, 10)),
        (("lien_he", "gio_lam_viec", 5, "gio"), (7, 5)),
        # a missing field below an existing item
        (("lien_he", "gio_lam_viec", 1, "ghi_chu"), (9, 7)),
        # a missing top-level field: the document
        (("khong_co",), (2, 1)),
        (("khong_co", 0, "x"), (2, 1)),
    ],
)
def test_where_falls_back_to_nearest_parent(doc, loc, expected):
    assert loc not in doc.positions
    assert doc.where(loc) == expected


def test_where_key_falls_back_to_nearest_parent_key(doc):
    assert doc.where(("lien_he", "email"), key=True) == (4, 1)
    assert doc.where(("lien_he", "gio_lam_viec", 0, "ghi_chu"), key=True) == (6, 3)
    assert doc.where(("khong_co",), key=True) == (2, 1)
    assert doc.where((), key=True) == (2, 1)


def test_where_accepts_a_list(doc):
    assert doc.where(["lien_he", "dien_thoai"]) == (5, 15)


def test_problem_points_at_loc(doc):
    found = doc.problem(("lien_he", "gio_lam_viec", 0, "gio"), "giờ không hợp lệ")
    assert found == Problem("tep.yaml", 8, 12, "lien_he.gio_lam_viec[0].gio", "giờ không hợp lệ")
    assert str(found) == "tep.yaml:8:12: lien_he.gio_lam_viec[0].gio: giờ không hợp lệ"
    on_key = doc.problem(("lien_he", "dien_thoai"), "trường lạ", key=True)
    assert (on_key.line, on_key.column, on_key.field) == (5, 3, "lien_he.dien_thoai")
    whole = doc.problem((), "thiếu trường id")
    assert str(whole) == f"tep.yaml:2:1: {FILE_FIELD}: thiếu trường id"


def test_empty_document_position_defaults_to_start():
    _, positions, key_positions = parse("\n\n\nid: a\n", "x.yaml")
    assert positions[()] == (4, 1)
    assert key_positions == {("id",): (4, 1)}


@pytest.mark.parametrize(
    ("loc", "text"),
    [
        (("a", 2, "b"), "a[2].b"),
        (("thanh_phan_ho_so", 2, "ten"), "thanh_phan_ho_so[2].ten"),
        (("a",), "a"),
        (("a", "b", "c"), "a.b.c"),
        (("a", 0, 1), "a[0][1]"),
        ((0, "x"), "[0].x"),
        ((), FILE_FIELD),
    ],
)
def test_format_loc(loc, text):
    assert format_loc(loc) == text


def test_problem_str():
    assert str(Problem("a/b.yaml", 3, 7, "ten", "thiếu")) == "a/b.yaml:3:7: ten: thiếu"


# --- duplicate keys -----------------------------------------------------------------------------


def test_duplicate_top_level_key(problem):
    found = problem("id: hang-bai\nten: Hàng Bài\nid: hang-bac\n")
    assert (found.path, found.line, found.column, found.field) == ("tep.yaml", 3, 1, "id")
    assert "trường 'id' bị lặp lại (đã có ở dòng 1)" in found.message


def test_duplicate_nested_key(problem):
    found = problem("id: a\nlien_he:\n  dien_thoai: '1'\n  email: a@b.vn\n  dien_thoai: '2'\n")
    assert (found.line, found.column, found.field) == (5, 3, "lien_he.dien_thoai")
    assert "trường 'dien_thoai' bị lặp lại (đã có ở dòng 3)" in found.message


def test_duplicate_key_in_list_item(problem):
    found = problem("ds:\n  - ten: a\n    ma: x\n    ten: b\n")
    assert (found.line, found.column, found.field) == (4, 5, "ds[0].ten")
    assert "trường 'ten' bị lặp lại (đã có ở dòng 2)" in found.message


def test_duplicate_key_in_flow_mapping(problem):
    found = problem("gio: {mo: 7:30, dong: 17:00, mo: 8:00}\n")
    assert (found.line, found.column, found.field) == (1, 30, "gio.mo")
    assert "trường 'mo' bị lặp lại (đã có ở dòng 1)" in found.message


def test_duplicate_key_written_once_nfd_once_nfc(problem):
    nfd = unicodedata.normalize("NFD", "tên")
    found = problem(f"tên: a\n{nfd}: b\n")
    assert (found.line, found.column) == (2, 1)
    assert "trường 'tên' bị lặp lại (đã có ở dòng 1)" in found.message


def test_same_key_in_different_mappings_is_fine(load):
    doc = load("a:\n  ten: x\nb:\n  ten: y\nds:\n  - ten: 1\n  - ten: 2\n")
    assert doc.data["ds"] == [{"ten": 1}, {"ten": 2}]


def test_non_text_keys_are_refused(problem):
    found = problem("id: a\n? [x, y]\n: 1\n")
    assert (found.line, found.column) == (2, 3)
    assert "tên trường phải là chữ" in found.message
    found = problem("id: a\n12: x\n")
    assert (found.line, found.column) == (2, 1)
    assert "tên trường phải là chữ" in found.message
