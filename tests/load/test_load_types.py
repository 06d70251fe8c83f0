"""YAML 1.1 surprises: only true/false, null and plain decimal integers get a type; the rest stays text."""

from __future__ import annotations

import pytest

TEXT_KEPT = [
    "15:00",
    "16:00",
    "7:30",
    "no",
    "No",
    "NO",
    "yes",
    "Yes",
    "on",
    "off",
    "On",
    "y",
    "n",
    "Y",
    "N",
    "0243928763",
    "017",
    "2022-05-14",
    "2022-05-14 08:00:00",
    "1.5",
    "1.0",
    "1e3",
    ".inf",
    ".nan",
    "0o17",
    "0x1F",
    "0b101",
    "1_000",
    "+12",
    "=",
    "<<",
]


@pytest.mark.parametrize("plain", TEXT_KEPT)
def test_plain_values_stay_text(load, plain):
    value = load(f"x: {plain}\n").data["x"]
    assert value == plain
    assert type(value) is str


@pytest.mark.parametrize(
    ("plain", "expected"),
    [
        ("true", True),
        ("false", False),
        ("True", True),
        ("FALSE", False),
        ("12", 12),
        ("-3", -3),
        ("0", 0),
        ("999999999999999", 10**15 - 1),
        ("~", None),
        ("null", None),
        ("Null", None),
        ("", None),
    ],
)
def test_typed_values(load, plain, expected):
    value = load(f"x: {plain}\n").data["x"]
    assert value == expected
    assert type(value) is type(expected)


def test_times_and_phone_in_context(load):
    doc = load("gio_mo: 15:00\ngio_dong: 16:00\ndien_thoai: 0243928763\nngay: 2022-05-14\nphi: 1.5\n")
    assert doc.data == {
        "gio_mo": "15:00",
        "gio_dong": "16:00",
        "dien_thoai": "0243928763",
        "ngay": "2022-05-14",
        "phi": "1.5",
    }


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("!!str 12", "12"),
        ("!!str true", "true"),
        ("!!str", ""),
        ("'12'", "12"),
        ('"true"', "true"),
        ("'null'", "null"),
        ("!!int 12", 12),
        ("!!bool true", True),
    ],
)
def test_explicit_tags_and_quotes(load, source, expected):
    value = load(f"x: {source}\n").data["x"]
    assert value == expected
    assert type(value) is type(expected)


@pytest.mark.parametrize("key", ["no", "yes", "on", "off", "y", "n", "15:00"])
def test_yaml11_words_as_keys_stay_text(load, key):
    assert load(f"{key}: 1\n").data == {key: 1}


def test_values_in_lists_and_flow_collections(load):
    doc = load("ds: [no, yes, 15:00, 012, 1.5, 12, ~]\nbang: {a: off, b: 2022-05-14}\n")
    assert doc.data == {
        "ds": ["no", "yes", "15:00", "012", "1.5", 12, None],
        "bang": {"a": "off", "b": "2022-05-14"},
    }
