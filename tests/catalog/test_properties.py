"""Property test: random values through loader, model and checks never raise."""

from __future__ import annotations

import shutil
import string
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support import FIXTURES

from generator.pipeline import read_catalog
from generator.validate import _VOCABULARY

scalars = st.one_of(
    st.none(),
    st.booleans(),
    st.integers(min_value=-(10**12), max_value=10**12),
    st.text(max_size=30),
    st.sampled_from(["15:00", "no", "0243", "2022-05-14", "14/05/2022", "<script>", "javascript:x", "thu_2", "trang"]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4),
        st.dictionaries(st.sampled_from(_VOCABULARY), inner, max_size=5),
    ),
    max_leaves=20,
)


def mutated(base: dict, key: str, value: object) -> dict:
    return {**base, key: value}


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    ward_key=st.sampled_from(_VOCABULARY),
    ward_value=values,
    procedure_key=st.sampled_from(_VOCABULARY),
    procedure_value=values,
)
def test_random_values_never_raise(tmp_path_factory, ward_key, ward_value, procedure_key, procedure_value) -> None:
    root = tmp_path_factory.mktemp("cat")
    shutil.copytree(FIXTURES / "valid", root, dirs_exist_ok=True)
    for name, key, value in (
        ("phuong/an-binh.yaml", ward_key, ward_value),
        ("thu-tuc/chung-thuc-ban-sao.yaml", procedure_key, procedure_value),
    ):
        path = root / name
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        path.write_text(yaml.safe_dump(mutated(data, key, value), allow_unicode=True), encoding="utf-8")
    _, problems = read_catalog(root)
    for problem in problems:
        assert problem.line >= 1 and problem.column >= 1 and problem.message


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(text=st.text(alphabet=string.printable + "ăâđêôơưàảãáạ:-[]{}&*!|>'\"#%@`", max_size=300))
def test_random_yaml_text_never_raises(tmp_path_factory, text: str) -> None:
    root: Path = tmp_path_factory.mktemp("cat")
    shutil.copytree(FIXTURES / "valid", root, dirs_exist_ok=True)
    (root / "phuong/an-binh.yaml").write_text(text, encoding="utf-8")
    _, problems = read_catalog(root)
    assert all(p.line >= 1 for p in problems)
