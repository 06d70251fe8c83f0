"""Every kind of condition is handled everywhere it must be (the places the editors' guide lists).

Adding a kind of condition means: a model class (model.py), a handler in the rule book
(rules.HANDLERS), a case in the shared ``condition`` macro (templates/shared/_wording.j2), and in
the browser its data type (contract.py) and its handler (checker.js HANDLERS). This test fails
when any one of them is missing.
"""

from __future__ import annotations

import typing

import pytest
from rules_records import adoption, cutoff, limit, procedure, text, ward, yes_no
from support import ROOT

from generator import contract, notice, render, rules
from generator.model import Condition

KINDS = sorted(
    kind.model_fields["loai"].annotation.__args__[0] for kind in typing.get_args(typing.get_args(Condition)[0])
)


def test_the_model_declares_the_four_kinds() -> None:
    assert KINDS == ["co_khong", "gio_tiep_nhan", "gioi_han_so_luong", "van_ban"]


def test_the_rule_book_has_a_handler_for_each_kind() -> None:
    assert sorted(rules.HANDLERS) == KINDS


def test_the_browser_contract_has_a_type_for_each_kind() -> None:
    assert sorted(contract.CONDITION_TYPES) == KINDS


def conditions() -> list[rules.Condition]:
    proc = procedure(text(), cutoff("15:00"), limit(10), yes_no())
    adopted = adoption()
    return list(rules.service(None, proc, ward(adopted), adopted).conditions)


@pytest.mark.parametrize("medium", ["page", "notice"])
def test_the_shared_macro_has_a_case_for_each_kind(medium: str) -> None:
    env = render.environment() if medium == "page" else notice._env
    macro = env.get_template("_wording.j2").module.condition
    for condition in conditions():
        assert str(macro(condition, medium)).strip(), condition.loai
    assert sorted(c.loai for c in conditions()) == KINDS
    unknown = conditions()[0].__class__(id="x", loai="loai_moi", noi_dung="x", can_cu=conditions()[0].can_cu)
    with pytest.raises(ValueError, match="no case for the condition kind 'loai_moi'"):
        str(macro(unknown, medium))


@pytest.mark.browser
def test_the_browser_has_a_handler_for_each_kind(browser) -> None:
    page = browser.new_page()
    page.set_content("<!doctype html><html><body></body></html>")
    page.add_script_tag(path=str(ROOT / "docs/assets/checker.js"))
    assert sorted(page.evaluate("Object.keys(window.kcCore.HANDLERS)")) == KINDS
    page.close()


def test_the_editors_guide_names_every_place() -> None:
    guide = (ROOT / "docs/huong-dan-bien-tap.md").read_text(encoding="utf-8")
    for place in ("generator/model.py", "generator/rules.py", "_wording.j2", "generator/contract.py", "checker.js"):
        assert place in guide, place
