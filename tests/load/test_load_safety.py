"""Hostile files: tags that would run code, alias bombs, huge files, deep nesting."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
import yaml

from generator import load as load_module
from generator.load import MAX_BYTES, MAX_DEPTH, LoadError, load_file, parse

# Each payload would create the folder {marker} if a YAML loader constructed Python objects.
PYTHON_TAGS = [
    'x: !!python/object/apply:os.mkdir ["{marker}"]\n',
    'x: !!python/object/new:os.mkdir ["{marker}"]\n',
    'x: !!python/object/apply:os.system ["mkdir {marker}"]\n',
    'x: !!python/object/apply:subprocess.check_call [["mkdir", "{marker}"]]\n',
]


@pytest.mark.parametrize("template", PYTHON_TAGS)
def test_python_tags_are_refused_and_nothing_runs(problem, tmp_path, template):
    marker = tmp_path / "da-chay"
    found = problem(template.format(marker=marker.as_posix()))
    assert (found.line, found.column, found.field) == (1, 4, "x")
    assert "thẻ YAML 'tag:yaml.org,2002:python/object/" in found.message
    assert "không được phép" in found.message
    assert not marker.exists()


def test_the_python_tag_payload_is_live(tmp_path):
    """Control: PyYAML's unsafe loader does run the payload, so the test above means something."""
    marker = tmp_path / "da-chay"
    yaml.load(PYTHON_TAGS[0].format(marker=marker.as_posix()), Loader=yaml.UnsafeLoader)
    assert marker.is_dir()


@pytest.mark.parametrize(
    ("source", "tag"),
    [
        ("!!python/name:os.system ''", "python/name:os.system"),
        ("!!python/module:os ''", "python/module:os"),
        ("!!binary aGVsbG8=", "binary"),
        ("!!set {a, b}", "set"),
        ("!!timestamp 2022-05-14", "timestamp"),
        ("!!omap [a: 1]", "omap"),
        ("!!pairs [a: 1]", "pairs"),
        ("!!float 1.5", "float"),
        ("!!int 0x1F", "int"),
        ("!!bool yes", "bool"),
    ],
)
def test_other_tags_are_refused(problem, source, tag):
    found = problem(f"id: a\nx: {source}\n")
    assert (found.line, found.column, found.field) == (2, 4, "x")
    assert f"thẻ YAML 'tag:yaml.org,2002:{tag}' không được phép" in found.message


def test_local_tags_are_refused(problem):
    found = problem("x: !foo bar\n")
    assert (found.line, found.column) == (1, 4)
    assert "thẻ YAML '!foo' không được phép" in found.message


BILLION_LAUGHS = """\
a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]
b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]
c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]
d: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]
e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]
f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]
g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]
h: &h [*g,*g,*g,*g,*g,*g,*g,*g,*g]
i: &i [*h,*h,*h,*h,*h,*h,*h,*h,*h]
"""


def test_billion_laughs_fails_fast(problem):
    start = time.perf_counter()
    found = problem(BILLION_LAUGHS)
    elapsed = time.perf_counter() - start
    assert elapsed < 1.0
    assert "alias" in found.message
    assert "quá nhiều giá trị" in found.message
    assert 1 <= found.line <= 9


def test_mapping_alias_bomb_fails_fast(problem):
    lines = ["l0: &l0 {a: x, b: x, c: x, d: x, e: x, f: x, g: x, h: x}"]
    for n in range(1, 12):
        refs = ", ".join(f"{k}: *l{n - 1}" for k in "abcdefgh")
        lines.append(f"l{n}: &l{n} {{{refs}}}")
    start = time.perf_counter()
    found = problem("\n".join(lines) + "\n")
    assert time.perf_counter() - start < 1.0
    assert "alias" in found.message


def test_a_few_aliases_are_fine(load):
    doc = load("mau: &mau {tu: 7:30, den: 17:00}\nthu_2: *mau\nthu_3: *mau\n")
    assert doc.data["thu_3"] == {"tu": "7:30", "den": "17:00"}


@pytest.mark.parametrize("source", ["a: &x [*x]\n", "a: &x {b: *x}\n"])
def test_self_referencing_alias_is_refused(problem, source):
    found = problem(source)
    assert "lồng nhau quá sâu" in found.message


def test_huge_file_is_refused_without_reading_it(write, monkeypatch):
    path = write("id: a\n")
    with path.open("r+b") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: nothing is really written

    def forbidden(*args, **kwargs):
        raise AssertionError("a huge file must not be read")

    monkeypatch.setattr(Path, "read_bytes", forbidden)
    monkeypatch.setattr(Path, "read_text", forbidden)
    monkeypatch.setattr(Path, "open", forbidden)
    with pytest.raises(LoadError) as info:
        load_file(path)
    [found] = info.value.problems
    assert (found.path, found.line, found.column) == ("tep.yaml", 1, 1)
    assert "tệp quá lớn (1.000.001 byte" in found.message
    assert "1.000.000)" in found.message


def test_huge_file_message_punctuation(write):
    path = write("id: a\n")
    with path.open("r+b") as handle:
        handle.truncate(MAX_BYTES + 1)
    with pytest.raises(LoadError) as info:
        load_file(path)
    assert "tệp quá lớn (1.000.001 byte, tối đa 1.000.000)" in info.value.problems[0].message


def test_file_of_exactly_max_bytes_is_read(load):
    head = b"id: a\n#"
    content = head + b"x" * (MAX_BYTES - len(head) - 1) + b"\n"
    assert len(content) == MAX_BYTES
    assert load(content).data == {"id": "a"}


def test_deep_flow_nesting_is_a_load_error(problem):
    found = problem("[" * 1000 + "]" * 1000)
    assert found.line == 1
    assert f"lồng nhau quá sâu (hơn {MAX_DEPTH} cấp)" in found.message


@pytest.mark.parametrize("depth", [1000, 100_000])
def test_deep_nesting_under_a_key_is_a_load_error_not_recursion(depth):
    with pytest.raises(LoadError) as info:
        parse("x: " + "[" * depth + "]" * depth + "\n", "x.yaml")
    [found] = info.value.problems
    assert found.line == 1


def test_deep_block_nesting_is_a_load_error(problem):
    text = "".join("  " * level + f"k{level}:\n" for level in range(60))
    found = problem(text)
    assert f"lồng nhau quá sâu (hơn {MAX_DEPTH} cấp)" in found.message
    # the first value deeper than MAX_DEPTH is the mapping of k41, on line 42 after 41 two-space indents
    assert (found.line, found.column) == (MAX_DEPTH + 2, 2 * (MAX_DEPTH + 1) + 1)


def test_nesting_up_to_the_limit_is_fine(load):
    doc = load("x: " + "[" * (MAX_DEPTH - 1) + "1" + "]" * (MAX_DEPTH - 1) + "\n")
    value = doc.data["x"]
    for _ in range(MAX_DEPTH - 1):
        value = value[0]
    assert value == 1


def test_recursion_error_while_walking_becomes_a_load_error(monkeypatch):
    def explode(self, node, loc):
        raise RecursionError

    monkeypatch.setattr(load_module._Walker, "walk", explode)
    with pytest.raises(LoadError) as info:
        parse("a: 1\n", "x.yaml")
    assert "lồng nhau quá sâu" in info.value.problems[0].message


def test_libyaml_nesting_limit_message_is_vietnamese():
    with pytest.raises(LoadError) as info:
        parse("x: " + "[" * 2000 + "]" * 2000 + "\n", "x.yaml")
    [found] = info.value.problems
    assert found.message == f"dữ liệu lồng nhau quá sâu (hơn {MAX_DEPTH} cấp)"
