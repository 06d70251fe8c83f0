"""A fresh machine gets what this one has: every package installed in the environment is pinned
in constraints.txt at the version installed, and nothing is pinned that is not installed."""

from __future__ import annotations

import re
from importlib import metadata

from support import ROOT

OWN = {"khong-cho", "pip", "setuptools", "wheel"}


def normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def test_constraints_pin_exactly_the_installed_packages() -> None:
    pinned = {}
    for line in (ROOT / "constraints.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line:
            name, version = line.split("==")
            pinned[normal(name)] = version.strip()
    installed = {
        normal(dist.metadata["Name"]): dist.version
        for dist in metadata.distributions()
        if normal(dist.metadata["Name"]) not in OWN
    }
    assert {name: v for name, v in installed.items() if pinned.get(name) != v} == {}, "installed but not pinned"
    assert sorted(set(pinned) - set(installed)) == [], "pinned but not installed"
