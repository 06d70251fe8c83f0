"""Load stage: positions, duplicates, YAML 1.1 surprises, safety, encodings, NFC."""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.load import MAX_BYTES, Document, LoadError, decode, format_loc, load_catalog, load_file, parse


def load_text(text: str) -> tuple:
    return parse(decode(text.encode("utf-8"), "x.yaml"), "x.yaml")


def problem_of(text: str | bytes) -> tuple[int, int, str]:
    raw = text if isinstance(text, bytes) else text.encode("utf-8")
    with pytest.raises(LoadError) as caught:
        parse(decode(raw, "x.yaml"), "x.yaml")
    first = caught.value.problems[0]
    return first.line, first.column, first.message


# --- positions ---------------------------------------------------------------------------------

DOC = """\
# comment
id: hang-bai
ten: Hàng Bài
gio_lam_viec:
  - ngay: [thu_2, thu_3]
    tu: "08:00"
nguoi_ky:
  ho_ten: Nguyễn Văn A
"""


def test_positions_of_values_and_keys() -> None:
    data, positions, keys = load_text(DOC)
    assert positions[("id",)] == (2, 5)
    assert keys[("ten",)] == (3, 1)
    assert positions[("gio_lam_viec", 0, "ngay", 1)] == (5, 19)
    assert positions[("gio_lam_viec", 0, "tu")] == (6, 9)
    assert keys[("nguoi_ky", "ho_ten")] == (8, 3)
    assert data["nguoi_ky"]["ho_ten"] == "Nguyễn Văn A"


def test_where_falls_back_to_the_nearest_parent() -> None:
    data, positions, keys = load_text(DOC)
    document = Document(Path("x.yaml"), data, positions, keys)
    assert document.where(("gio_lam_viec", 0, "den")) == (5, 5)
    assert document.where(("email",)) == (2, 1)
    assert document.where(("nguoi_ky", "chuc_vu"), key=True) == (7, 1)
    assert format_loc(("thanh_phan_ho_so", 2, "ten")) == "thanh_phan_ho_so[2].ten"
    assert format_loc(()) == "(tệp)"


# --- duplicates --------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "key"),
    [("a: 1\nb: 2\na: 3\n", 3, "a"), ("m:\n  x: 1\n  y: 2\n  x: 3\n", 4, "x")],
)
def test_duplicate_keys_are_rejected(text: str, line: int, key: str) -> None:
    found_line, _, message = problem_of(text)
    assert found_line == line
    assert f"trường '{key}' bị lặp lại" in message and "đã có ở dòng" in message


# --- YAML 1.1 surprises ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("15:00", "15:00"),
        ("16:00", "16:00"),
        ("no", "no"),
        ("yes", "yes"),
        ("on", "on"),
        ("off", "off"),
        ("y", "y"),
        ("n", "n"),
        ("0243928763", "0243928763"),
        ("2022-05-14", "2022-05-14"),
        ("1.5", "1.5"),
        ("4.063", "4.063"),
        ("0o17", "0o17"),
        ("0x1F", "0x1F"),
        ("1_000", "1_000"),
        (".inf", ".inf"),
        ("true", True),
        ("false", False),
        ("True", True),
        ("12", 12),
        ("-3", -3),
        ("0", 0),
        ("~", None),
        ("null", None),
        ("", None),
        ("!!str 12", "12"),
    ],
)
def test_no_yaml_11_coercions(value: str, expected: object) -> None:
    data, _, _ = load_text(f"x: {value}\n")
    assert data["x"] == expected
    assert type(data["x"]) is type(expected)


# --- safety ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "value",
    [
        "!!python/object/apply:os.system ['touch /tmp/khong-cho-pwned']",
        "!!python/name:os.system",
        "!!binary aGVsbG8=",
        "!!set {a, b}",
        "!!timestamp 2022-05-14",
        "!!float 1.5",
        "!custom x",
    ],
)
def test_tags_are_refused_and_nothing_executes(value: str) -> None:
    _, _, message = problem_of(f"x: {value}\n")
    assert "không được phép" in message
    assert not Path("/tmp/khong-cho-pwned").exists()


def test_alias_bomb_fails_fast() -> None:
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 10)]
    start = time.perf_counter()
    _, _, message = problem_of("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 2
    assert "alias" in message


def test_huge_file_is_refused_by_size(tmp_path: Path) -> None:
    path = tmp_path / "big.yaml"
    path.write_bytes(b"a: 1\n" + b"#" * (MAX_BYTES + 10))
    with pytest.raises(LoadError) as caught:
        load_file(path)
    assert "tệp quá lớn" in caught.value.problems[0].message
    assert f"{MAX_BYTES + 15:,}".replace(",", ".") in caught.value.problems[0].message


def test_deep_nesting_is_refused_not_a_recursion_error() -> None:
    _, _, message = problem_of("x: " + "[" * 1000 + "]" * 1000 + "\n")
    assert "lồng nhau quá sâu" in message


# --- encodings, line ends, NFC -----------------------------------------------------------------


def test_bom_and_crlf_are_accepted_with_the_same_positions() -> None:
    plain = load_text(DOC)
    with_bom = parse(decode(b"\xef\xbb\xbf" + DOC.encode(), "x.yaml"), "x.yaml")
    crlf = parse(decode(DOC.replace("\n", "\r\n").encode(), "x.yaml"), "x.yaml")
    assert with_bom == plain and crlf == plain


def test_windows_1258_is_refused_naming_the_line() -> None:
    raw = unicodedata.normalize("NFD", "id: x\nten: Hàng Bồ\n").encode("cp1258", errors="replace")
    with pytest.raises(LoadError) as caught:
        decode(raw, "x.yaml")
    (problem,) = caught.value.problems
    assert problem.line == 2 and "UTF-8" in problem.message and "Windows-1258" in problem.message


@pytest.mark.parametrize("encoding", ["utf-16", "utf-32"])
def test_utf16_and_utf32_are_refused(encoding: str) -> None:
    with pytest.raises(LoadError) as caught:
        decode("ten: Hàng Bài\n".encode(encoding), "x.yaml")
    assert encoding.upper() in caught.value.problems[0].message


def test_nul_bytes_are_refused() -> None:
    with pytest.raises(LoadError) as caught:
        decode(b"a: 1\x00\n", "x.yaml")
    assert "byte 0" in caught.value.problems[0].message


def test_text_and_keys_come_back_nfc() -> None:
    nfd = unicodedata.normalize("NFD", "ten: Hàng Bài\nghi_chú: Đồng Xuân\n")
    data, _, _ = load_text(nfd)
    assert data == {"ten": "Hàng Bài", "ghi_chú": "Đồng Xuân"}
    assert all(unicodedata.is_normalized("NFC", k + str(v)) for k, v in data.items())


# --- syntax ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "line", "fragment"),
    [
        ("a: 1\n\tb: 2\n", 2, "Tab"),
        ('a: 1\nten: "Hàng Bài\nb: 2\nc: "x"\nd: [\n', 2, "thiếu dấu ngoặc kép"),
        ("a:\n  b: 1\n c: 2\n", 3, "thụt lề"),
        ("ten: Hàng Bài: mới\n", 1, "dấu ':' không đúng chỗ"),
        ("a: [1, 2\n", 2, "ngoặc"),
        ("a: 1\n---\nb: 2\n", 2, "một tài liệu"),
        ("", 1, "tệp rỗng"),
        ("# chỉ có ghi chú\n", 1, "tệp rỗng"),
    ],
)
def test_syntax_errors_are_one_clear_problem(text: str, line: int, fragment: str) -> None:
    found_line, column, message = problem_of(text)
    assert found_line == line and column >= 1
    assert fragment in message


def test_a_tab_inside_a_value_is_fine() -> None:
    data, _, _ = load_text("a: x\ty\n")
    assert data == {"a": "x\ty"}


@pytest.mark.parametrize("text", ["- a\n- b\n", "chỉ một giá trị\n"])
def test_top_level_must_be_a_mapping(tmp_path: Path, text: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(LoadError) as caught:
        load_file(path)
    assert "không phải danh sách hay một giá trị đơn" in caught.value.problems[0].message


# --- the catalog folder ------------------------------------------------------------------------


def test_load_catalog_reports_missing_district_yml_and_keeps_going(tmp_path: Path) -> None:
    (tmp_path / "phuong").mkdir()
    (tmp_path / "phuong" / "b.yaml").write_text("id: b\n", encoding="utf-8")
    (tmp_path / "phuong" / "a.yaml").write_text("id: [\n", encoding="utf-8")
    (tmp_path / "phuong" / "c.yml").write_text("id: c\n", encoding="utf-8")
    (tmp_path / "phuong" / "d.yaml").write_text("id: d\n", encoding="utf-8")
    loaded = load_catalog(tmp_path)
    assert loaded.district is None
    assert [d.stem for d in loaded.wards] == ["b", "d"]
    messages = [f"{Path(p.path).name}: {p.message}" for p in loaded.problems]
    assert any(m.startswith("district.yaml: thiếu tệp thông tin quận") for m in messages)
    assert any(m.startswith("a.yaml:") for m in messages)
    assert any(m.startswith("c.yml: tệp phải có đuôi .yaml") for m in messages)


# --- properties --------------------------------------------------------------------------------


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=200))
def test_random_text_never_raises_anything_but_load_error(text: str) -> None:
    try:
        parse(decode(text.encode("utf-8", errors="surrogatepass"), "x.yaml"), "x.yaml")
    except LoadError as exc:
        assert exc.problems and all(p.line >= 1 and p.column >= 1 for p in exc.problems)


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=200))
def test_random_bytes_never_raise_anything_but_load_error(raw: bytes) -> None:
    try:
        parse(decode(raw, "x.yaml"), "x.yaml")
    except LoadError as exc:
        assert exc.problems


keys = st.from_regex(r"[a-z_]{1,10}", fullmatch=True)
# Control characters and YAML's own line breaks (NEL, LS, PS) are folded by YAML itself.
printable = st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp")), max_size=20)
leaves = st.one_of(st.none(), st.booleans(), st.integers(-(10**9), 10**9), printable)


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(keys, st.one_of(leaves, st.lists(leaves, max_size=3)), min_size=1, max_size=6))
def test_dumped_data_loads_back_the_same(data: dict) -> None:
    text = yaml.safe_dump(data, allow_unicode=True)
    loaded, _, _ = load_text(text)
    normalised = {
        k: [unicodedata.normalize("NFC", x) if isinstance(x, str) else x for x in v]
        if isinstance(v, list)
        else unicodedata.normalize("NFC", v)
        if isinstance(v, str)
        else v
        for k, v in data.items()
    }
    assert loaded == normalised
