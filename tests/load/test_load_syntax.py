"""Syntax errors: one problem, a sensible line, a Vietnamese message, never a traceback."""

from __future__ import annotations

import pytest

from generator.load import LoadError, parse
from generator.problems import FILE_FIELD

SYNTAX_ERRORS = [
    # (id, text, line, column, message fragment)
    ("unclosed-double-quote", 'id: a\nten: "Hàng Bài\ndia_chi: x\n', 2, 6, "thiếu dấu ngoặc kép"),
    ("unclosed-single-quote", "id: a\nten: 'Hàng Bài\ndia_chi: x\n", 2, 6, "thiếu dấu ngoặc kép"),
    ("unclosed-quote-in-list", 'ds:\n  - a\n  - "b\n  - c\n', 3, 5, "thiếu dấu ngoặc kép"),
    ("unclosed-quote-at-end", 'id: a\nten: "Hàng Bài\n', 2, 6, "thiếu dấu ngoặc kép"),
    ("dedent-too-far", "lien_he:\n  dien_thoai: x\n email: y\n", 3, 2, "thụt lề không khớp"),
    ("list-dedent", "ds:\n  - x\n - y\n", 3, 2, "thụt lề không khớp"),
    ("indent-too-far", "id: a\n  ten: b\n", 2, 6, "dấu ':' không đúng chỗ"),
    ("key-a-b", "id: a\ngio: a: b\n", 2, 7, "dấu ':' không đúng chỗ"),
    ("key-time-value", "gio: Thứ 2: 7:30\n", 1, 11, "dấu ':' không đúng chỗ"),
    ("unclosed-bracket", "ds: [a, b\nten: x\n", 2, 4, "ngoặc đóng ']'"),
    ("unclosed-brace", "bang: {a: 1\nten: x\n", 2, 4, "ngoặc đóng '}'"),
    ("undefined-alias", "id: a\nten: *khong_co\n", 2, 6, "alias"),
    ("bad-escape", 'ten: "Hàng\\qBài"\n', 1, 11, "ký tự thoát"),
    ("at-sign", "id: a\nemail: @ubnd\n", 2, 8, "không được phép ở đầu giá trị"),
    ("backtick", "ten: `x`\n", 1, 6, "không được phép ở đầu giá trị"),
]


@pytest.mark.parametrize(
    ("text", "line", "column", "fragment"), [case[1:] for case in SYNTAX_ERRORS], ids=[c[0] for c in SYNTAX_ERRORS]
)
def test_syntax_error_is_one_vietnamese_problem(problem, text, line, column, fragment):
    found = problem(text)
    assert (found.path, found.line, found.column, found.field) == ("tep.yaml", line, column, FILE_FIELD)
    assert fragment in found.message
    assert "lỗi cú pháp YAML" not in found.message  # i.e. translated, not libyaml's English
    assert str(found) == f"tep.yaml:{line}:{column}: (tệp): {found.message}"


@pytest.mark.parametrize("text", [case[1] for case in SYNTAX_ERRORS], ids=[c[0] for c in SYNTAX_ERRORS])
def test_parse_raises_only_load_error(text):
    with pytest.raises(LoadError) as info:
        parse(text, "x.yaml")
    [found] = info.value.problems
    for english in ("found", "expected", "while", "scanning", "parsing", "line"):
        assert english not in found.message


@pytest.mark.parametrize(
    "text",
    ["", "\n\n", "   \n \n", "# chỉ có chú thích\n# dòng hai\n", "\ufeff", "# a\n\n   # b\n"],
    ids=["empty", "newlines", "spaces", "comments", "bom-only", "comments-and-blanks"],
)
def test_empty_file(problem, text):
    found = problem(text)
    assert (found.line, found.column, found.field) == (1, 1, FILE_FIELD)
    assert "tệp rỗng" in found.message


def test_empty_file_as_bytes(problem):
    assert "tệp rỗng" in problem(b"").message


@pytest.mark.parametrize("text", ["---\n", "---\n# chỉ có chú thích\n"])
def test_document_marker_only_is_empty(problem, text):
    assert "tệp rỗng" in problem(text).message


@pytest.mark.parametrize(
    "text",
    ["- a\n- b\n", "[a, b]\n", "hang-bai\n", "12\n", "'chuỗi'\n", "null\n", "true\n"],
    ids=["block-list", "flow-list", "word", "int", "quoted", "null", "bool"],
)
def test_top_level_must_be_a_mapping(problem, text):
    found = problem(text)
    assert (found.line, found.column, found.field) == (1, 1, FILE_FIELD)
    assert "nội dung tệp phải là các cặp 'trường: giá trị'" in found.message


def test_top_level_list_parses_but_does_not_load():
    data, _, _ = parse("- a\n- b\n", "x.yaml")
    assert data == ["a", "b"]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("---\nid: a\n---\nid: b\n", 3),
        ("id: a\n---\nid: b\n", 2),
        ("id: a\n---\n", 2),
    ],
)
def test_two_documents_are_refused(problem, text, line):
    found = problem(text)
    assert (found.line, found.column) == (line, 1)
    assert "tệp chỉ được chứa một tài liệu YAML" in found.message
    assert "---" in found.message


def test_one_leading_document_marker_is_fine(load):
    assert load("---\nid: a\n").data == {"id": "a"}
    assert load("# đầu\n---\nid: a\n...\n", "b.yaml").data == {"id": "a"}


def test_missing_colon_is_reported_near_the_key(problem):
    found = problem("id: a\nten\nx: 1\n")
    assert found.line in (2, 3)  # libyaml notices on the line after the bare word
    assert "thiếu dấu ':' sau tên trường" in found.message


def test_missing_file_is_a_problem(write, tmp_path):
    from generator.load import load_file

    write("id: a\n")  # only to enter tmp_path
    with pytest.raises(LoadError) as info:
        load_file(tmp_path / "khong-co.yaml")
    [found] = info.value.problems
    assert (found.path, found.line, found.column) == ("khong-co.yaml", 1, 1)
    assert "không đọc được tệp" in found.message


# --- known mistakes in where syntax errors are reported ---------------------------------------------


def test_multiline_quoted_value_does_not_hide_a_later_error(problem):
    text = 'mo_ta: "Dòng một của đoạn văn\n  tiếp tục ở dòng hai"\nid: a\ngio: a: b\n'
    found = problem(text)
    assert (found.line, found.column) == (4, 7)
    assert "dấu ':' không đúng chỗ" in found.message


def test_multiline_quoted_value_is_fine(load):
    doc = load('mo_ta: "Dòng một\n  dòng hai"\nid: a\n')
    assert doc.data == {"mo_ta": "Dòng một dòng hai", "id": "a"}
    assert doc.where(("id",)) == (3, 5)


LINE_SEPARATORS = pytest.mark.parametrize("separator", ["\u2028", "\u2029", "\x85"], ids=["LS", "PS", "NEL"])


@LINE_SEPARATORS
def test_unicode_line_separators_do_not_shift_positions(separator):
    _, positions, _ = parse(f'mo_ta: "Dòng một{separator}dòng hai"\nid: a\n', "x.yaml")
    assert positions[("id",)] == (2, 5)


@LINE_SEPARATORS
def test_unicode_line_separator_in_a_plain_value(separator):
    try:
        data, _, _ = parse(f"mo_ta: Dòng một{separator}dòng hai\nid: a\n", "x.yaml")
    except LoadError as exc:
        assert [p.line for p in exc.problems] == [1]
    else:
        assert data["id"] == "a"
