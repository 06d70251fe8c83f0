"""Stages import only earlier stages: no circle, no import from a lower stage to a higher one."""

from layers import LAYERS, graph, violations


def test_every_module_is_in_its_layer_and_imports_only_earlier_ones() -> None:
    assert violations(graph()) == []


def test_layers_name_every_module() -> None:
    assert sorted(graph()) == sorted(LAYERS)


def test_the_plugin_is_an_adapter_over_the_build() -> None:
    """The MkDocs plugin decides nothing: no rendering, page, rule, notice, open-data or search module.
    It runs the build's stages through ``beside``, which runs them beside MkDocs and itself only calls
    the build."""
    assert graph()["plugin"] == ["beside", "build", "problems"]
    assert graph()["beside"] == ["build", "catalog", "output", "problems", "workers"]


def test_only_the_site_at_a_date_and_the_checks_ask_the_rule_book() -> None:
    """What holds at a ward is decided once (site.py); views only wrap the answer it is given."""
    askers = sorted(module for module, targets in graph().items() if "rules" in targets)
    assert askers == ["checks", "site", "views"]
