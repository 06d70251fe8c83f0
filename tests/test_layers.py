"""Stages import only earlier stages: no circle, no import from a lower stage to a higher one."""

from layers import LAYERS, graph, violations


def test_every_module_is_in_its_layer_and_imports_only_earlier_ones() -> None:
    assert violations(graph()) == []


def test_layers_name_every_module() -> None:
    assert sorted(graph()) == sorted(LAYERS)
