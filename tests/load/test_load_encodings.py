"""Bytes to text: UTF-8 with or without BOM, CRLF, legacy Vietnamese encodings, NUL, NFC; and tabs."""

from __future__ import annotations

import codecs
import unicodedata

import pytest

from generator.load import LoadError, decode, parse

SAMPLE = """\
# yaml-language-server: $schema=../schema/phuong.schema.json
id: hang-bai
ten: Phường Hàng Bài
dia_chi: 2 Hàng Bài, Hoàn Kiếm
mo_ta: |
  Dòng một.
  Dòng hai.
gio_lam_viec:
  - ngay: Thứ 2
    gio: 7:30
"""


def test_utf8_bom_is_accepted_and_invisible(load):
    plain = load(SAMPLE)
    bom = load(codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "bom.yaml")
    assert bom.data == plain.data
    assert bom.positions == plain.positions
    assert bom.key_positions == plain.key_positions
    assert bom.header == plain.header
    assert "\ufeff" not in bom.header
    assert next(iter(bom.data)) == "id"


def test_decode_strips_the_bom():
    assert decode(codecs.BOM_UTF8 + "ten: Hàng Bài\n".encode(), "x.yaml") == "ten: Hàng Bài\n"


@pytest.mark.parametrize("newline", ["\r\n", "\r"])
def test_crlf_and_cr_give_the_same_data_and_lines(load, newline):
    plain = load(SAMPLE)
    windows = load(SAMPLE.replace("\n", newline), "crlf.yaml")
    assert windows.data == plain.data
    assert windows.data["mo_ta"] == "Dòng một.\nDòng hai.\n"
    assert windows.positions == plain.positions
    assert windows.key_positions == plain.key_positions
    assert windows.header == plain.header


def test_crlf_problem_lines_match_lf(problem):
    text = "id: a\nten: b\nlien_he:\n  email: x\n  email: y\n"
    lf = problem(text)
    crlf = problem(text.replace("\n", "\r\n"), "crlf.yaml")
    assert (crlf.line, crlf.column, crlf.message) == (lf.line, lf.column, lf.message) == (5, 3, lf.message)


def _cp1258(text: str) -> bytes:
    """Vietnamese as Windows-1258 stores it: base letters, tone marks as combining characters."""
    return unicodedata.normalize("NFD", text).replace("u\u031b", "ư").replace("o\u031b", "ơ").encode("cp1258")


def test_windows_1258_is_refused_naming_line_and_byte(problem):
    raw = b"id: hang-bai\n# ghi chu\n" + _cp1258("ten: Phường Hàng Bài\n")
    assert raw.count(b"\xfd") == 1  # the one 'ư'; 'ờ' is 'ơ' (0xF5) + combining grave (0xCC)
    found = problem(raw)
    assert (found.path, found.line, found.column, found.field) == ("tep.yaml", 3, 8, "(tệp)")
    assert "không phải UTF-8" in found.message
    assert "UTF-8" in found.message
    assert "0xFD" in found.message  # 'ư' in Windows-1258
    assert "Windows-1258" in found.message


def test_windows_1252_is_refused_naming_the_line(problem):
    found = problem("id: hang-bai\n\nten: Hàng Bài\n".encode("cp1252"))
    assert (found.line, found.column) == (3, 7)
    assert "UTF-8" in found.message
    assert "0xE0" in found.message


def test_decode_names_the_first_bad_byte():
    raw = b"id: a\nten: ok\n" + "gio: Thứ 2\n".encode() + b"x: \xe0\n" + b"y: \xff\n"
    with pytest.raises(LoadError) as info:
        decode(raw, "x.yaml")
    [found] = info.value.problems
    assert (found.path, found.line, found.column) == ("x.yaml", 4, 4)
    assert "0xE0" in found.message


def test_bad_byte_column_counts_characters():
    raw = "ten: Hàng ".encode() + b"\xe0\n"
    with pytest.raises(LoadError) as info:
        decode(raw, "x.yaml")
    assert info.value.problems[0].column == 11


@pytest.mark.parametrize(
    ("encoding", "name"),
    [("utf-16", "UTF-16"), ("utf-16-le", "UTF-16"), ("utf-16-be", "UTF-16"), ("utf-32", "UTF-32")],
)
def test_utf16_and_utf32_with_bom_are_refused(problem, encoding, name):
    bom = {"utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE}.get(encoding, b"")
    found = problem(bom + "ten: Phường Hàng Bài\n".encode(encoding))
    assert (found.line, found.column) == (1, 1)
    assert f"tệp được lưu ở dạng {name}" in found.message
    assert "UTF-8" in found.message


def test_utf16_without_bom_is_refused(problem):
    found = problem("id: a\n".encode("utf-16-le"))
    assert "byte 0" in found.message


def test_nul_bytes_are_refused(problem):
    found = problem(b"id: a\nten: b\x00c\n")
    assert (found.line, found.column) == (1, 1)
    assert "tệp chứa byte 0" in found.message


# --- NFC ---------------------------------------------------------------------------------------------


def test_nfd_values_and_keys_come_back_nfc(load):
    nfd = unicodedata.normalize("NFD", "tên: Hàng Bài\nđịa_chỉ:\n  - Phường Hàng Bài\nghi_chú: {số: Một}\n")
    assert nfd != unicodedata.normalize("NFC", nfd)
    doc = load(nfd)
    assert doc.data == {"tên": "Hàng Bài", "địa_chỉ": ["Phường Hàng Bài"], "ghi_chú": {"số": "Một"}}
    for key, value in [*doc.data.items(), *doc.data["ghi_chú"].items()]:
        assert unicodedata.is_normalized("NFC", key)
        assert not isinstance(value, str) or unicodedata.is_normalized("NFC", value)
    assert ("ghi_chú", "số") in doc.key_positions


def test_decode_returns_nfc():
    text = decode(unicodedata.normalize("NFD", "ten: Hàng Bài").encode(), "x.yaml")
    assert text == "ten: Hàng Bài"
    assert unicodedata.is_normalized("NFC", text)


# --- tabs ---------------------------------------------------------------------------------------------


def test_tab_indentation_is_a_problem_at_the_tab(problem):
    found = problem("id: a\nlien_he:\n\tdien_thoai: '1'\n")
    assert (found.path, found.line, found.column, found.field) == ("tep.yaml", 3, 1, "(tệp)")
    assert "Tab" in found.message
    assert "thụt lề" in found.message


def test_tab_after_spaces_is_found_at_its_column(problem):
    found = problem("id: a\nlien_he:\n  \tdien_thoai: '1'\n")
    assert (found.line, found.column) == (3, 3)
    assert "Tab" in found.message


def test_every_tab_indented_line_is_reported(problems):
    found = problems("a:\n\tb: 1\n\tc: 2\nd: 3\n")
    assert [(p.line, p.column) for p in found] == [(2, 1), (3, 1)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ten: Hàng\tBài\n", {"ten": "Hàng\tBài"}),
        ("ten: 'Hàng\tBài'\n", {"ten": "Hàng\tBài"}),
        ("ten: x\t\n", {"ten": "x"}),
        ("ten: x\t# ghi chú\n", {"ten": "x"}),
        ("ten: x\n  \t\nid: y\n", {"ten": "x", "id": "y"}),
    ],
)
def test_tabs_that_do_not_indent_are_fine(load, text, expected):
    assert load(text).data == expected


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("ten: x\n\t\nid: y\n", 2),
        ("\t# chú thích thụt bằng Tab\nten: x\n", 1),
        ("a:\n  b: 1\n\t# chú thích\n  c: 2\n", 3),
        ("a:\n  - x\n\t\n  - y\n", 3),
        ("mo_ta: |\n  x\n\t\n  y\n", 3),
    ],
)
def test_tab_only_or_tab_indented_comment_lines_load_or_get_the_tab_message(text, line):
    try:
        parse(text, "x.yaml")
    except LoadError as exc:
        assert [(p.line, p.column) for p in exc.problems] == [(line, 1)]
        assert "dùng ký tự Tab để thụt lề" in exc.problems[0].message


def test_tab_problem_comes_from_parse_too():
    with pytest.raises(LoadError) as info:
        parse("a:\n\tb: 1\n", "x.yaml")
    assert [(p.line, p.column) for p in info.value.problems] == [(2, 1)]
