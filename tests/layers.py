"""The generator's import graph, and the order of its stages: ``python tests/layers.py`` prints both.

A module may import only modules that come before it in ``LAYERS`` (the input half, then the
output half, then the adapters and the command line). tests/test_layers.py asserts it.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"

LAYERS = [
    # bottom: no imports of ours
    "fmt",
    "problems",
    "workers",
    "cache",
    # the input half: load -> model -> validate -> catalog -> dated -> evidence -> rules -> editions -> checks -> pipeline
    "load",
    "model",
    "settings",
    "schema",
    "validate",
    "catalog",
    "dated",
    "evidence",
    "rules",
    "editions",
    "checks",
    "pipeline",
    # the output half: wording, browser contract, time, fees -> views -> the site at a date -> pages -> render -> files
    "labels",
    "contract",
    "schedule",
    "fees",
    "views",
    "site",
    "pages",
    "output",
    "render",
    "opendata",
    "feeds",
    "notice",
    "search",
    "compress",
    "build",
    "beside",
    # adapters and the command line
    "plugin",
    "publish",
    "localserver",
    "scaffold",
    "cli",
    "__main__",
]


def imports(module: str) -> list[str]:
    """The package's modules that ``module`` imports (relative imports only: the package is one)."""
    tree = ast.parse((PACKAGE / f"{module}.py").read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.ImportFrom) and node.level == 1:
            if node.module:
                found.add(node.module.split(".")[0])
            else:
                found.update(alias.name for alias in node.names)
    return sorted(found)


def graph() -> dict[str, list[str]]:
    modules = sorted(p.stem for p in PACKAGE.glob("*.py") if p.stem != "__init__")
    return {module: imports(module) for module in modules}


def violations(edges: dict[str, list[str]]) -> list[str]:
    """Imports of a module from a later layer (or of an unknown module): each breaks the order."""
    order = {name: i for i, name in enumerate(LAYERS)}
    found = [f"{m}: not in LAYERS" for m in edges if m not in order]
    for module, targets in edges.items():
        for target in targets:
            if target not in order or order.get(module, -1) <= order[target]:
                found.append(f"{module} imports {target}")
    return found


if __name__ == "__main__":
    edges = graph()
    for module in sorted(edges, key=lambda m: LAYERS.index(m) if m in LAYERS else len(LAYERS)):
        print(f"{module:>10} -> {', '.join(edges[module]) or '(nothing of ours)'}")
    problems = violations(edges)
    print("\n".join(problems) if problems else "no circle, no import from a lower stage to a higher one")
    sys.exit(1 if problems else 0)
