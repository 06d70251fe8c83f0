"""Properties: whatever the input, decode + parse give data or a LoadError; dumped data loads back."""

from __future__ import annotations

import unicodedata

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.load import LoadError, decode, parse
from generator.problems import Problem

FAST = settings(max_examples=200, deadline=None)

# Characters that make YAML interesting, so that random text reaches the parser's corners.
YAMLISH = st.lists(
    st.sampled_from(
        [
            *"abc:-?[]{},#&*!|>'\"%@` \t\n\r",
            "à",
            "ư",
            "\u0301",
            "---",
            "...",
            "!!str",
            "!!python/name:os.system",
            "&a",
            "*a",
            "<<",
            "0243",
            "15:00",
        ]
    ),
    max_size=60,
).map("".join)

# YAML 1.1 line breaks: PyYAML's emitter writes them raw in quoted scalars and its reader then folds
# them (yaml.safe_load does not round-trip them either), so they are left out of the round trip.
YAML_LINE_BREAKS = "\x85\u2028\u2029"
KEYS = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_", min_size=1, max_size=10)  # [a-z_]{1,10}
TEXT = st.text(alphabet=st.characters(exclude_categories=("Cs",), exclude_characters=YAML_LINE_BREAKS), max_size=30)
AMBIGUOUS = st.sampled_from(
    [
        "15:00",
        "no",
        "yes",
        "on",
        "off",
        "y",
        "n",
        "1.5",
        "0243928763",
        "2022-05-14",
        "0o17",
        "0x1F",
        "1_000",
        "~",
        "null",
        "",
        "True",
        "-0",
        "+1",
        "1e3",
        ".inf",
        "<<",
        "=",
        "!!str",
        "- x",
        "a: b",
        "# c",
        "'",
        '"',
    ]
)
SCALARS = st.none() | st.booleans() | st.integers(-(10**15) + 1, 10**15 - 1) | TEXT | AMBIGUOUS
VALUES = st.recursive(
    SCALARS, lambda inner: st.lists(inner, max_size=4) | st.dictionaries(KEYS, inner, max_size=4), max_leaves=8
)
DOCUMENTS = st.dictionaries(KEYS, VALUES, min_size=1, max_size=5)


def _outcome(text: str) -> object:
    """Parse; a LoadError is an answer, anything else escapes and fails the test."""
    try:
        data, positions, key_positions = parse(text, "x.yaml")
    except LoadError as exc:
        assert exc.problems
        assert all(isinstance(p, Problem) and p.line >= 1 and p.column >= 1 for p in exc.problems)
        return exc
    assert () in positions
    assert all(line >= 1 and column >= 1 for line, column in [*positions.values(), *key_positions.values()])
    return data


@FAST
@given(st.text())
def test_random_text_gives_data_or_load_error(text):
    _outcome(text)


@FAST
@given(st.text())
def test_random_text_through_decode_gives_data_or_load_error(text):
    try:
        decoded = decode(text.encode("utf-8"), "x.yaml")
    except LoadError:
        return
    _outcome(decoded)


@FAST
@given(YAMLISH)
def test_yaml_like_text_gives_data_or_load_error(text):
    _outcome(text)


@FAST
@given(st.binary(max_size=200))
def test_random_bytes_give_data_or_load_error(raw):
    try:
        text = decode(raw, "x.yaml")
    except LoadError as exc:
        assert exc.problems
        return
    assert "\r" not in text
    assert unicodedata.is_normalized("NFC", text)
    _outcome(text)


@FAST
@given(YAMLISH)
def test_problems_point_inside_the_file(text):
    """Without YAML 1.1 line breaks (see test_load_syntax), every problem's line exists."""
    outcome = _outcome(text)
    if isinstance(outcome, LoadError):
        lines = text.replace("\r\n", "\n").replace("\r", "\n").count("\n") + 1
        # libyaml reports "unexpected end" one line past a last line that has no line end
        assert all(p.line <= lines + 1 for p in outcome.problems), [str(p) for p in outcome.problems]


@FAST
@given(DOCUMENTS, st.booleans(), st.sampled_from(["\n", "\r\n"]))
def test_safe_dump_round_trip(data, allow_unicode, newline):
    """Dumped text parses back the same; so does the same text saved as a UTF-8 file with LF or CRLF."""
    dumped = yaml.safe_dump(data, allow_unicode=allow_unicode)
    loaded, _, key_positions = parse(dumped, "x.yaml")
    assert loaded == data
    assert set(key_positions) >= {(key,) for key in data}
    if not allow_unicode:  # all ASCII, so NFC normalisation in decode cannot change a value
        from_file, _, _ = parse(decode(dumped.replace("\n", newline).encode("utf-8"), "x.yaml"), "x.yaml")
        assert from_file == data
