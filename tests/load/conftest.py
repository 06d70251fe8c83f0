"""Helpers for the load-stage tests: write a file in a temporary folder, load it, collect its problems.

Every helper changes the working folder to ``tmp_path`` so that problem paths are short and exact
(``tep.yaml``, ``catalog/district.yaml``) instead of absolute temporary paths.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from generator.load import Document, LoadError, load_file
from generator.problems import Problem

FILE = "tep.yaml"


@pytest.fixture
def write(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[..., Path]:
    """``write(content, name=FILE)``: save text (as UTF-8) or bytes under ``tmp_path``; returns the path."""
    monkeypatch.chdir(tmp_path)

    def write(content: str | bytes, name: str = FILE) -> Path:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content.encode("utf-8") if isinstance(content, str) else content)
        return path

    return write


@pytest.fixture
def load(write: Callable[..., Path]) -> Callable[..., Document]:
    """``load(content)``: write then ``load_file``; the file must load."""

    def load(content: str | bytes, name: str = FILE) -> Document:
        return load_file(write(content, name))

    return load


@pytest.fixture
def problems(write: Callable[..., Path]) -> Callable[..., list[Problem]]:
    """``problems(content)``: write then ``load_file``; it must raise LoadError, whose problems are returned."""

    def problems(content: str | bytes, name: str = FILE) -> list[Problem]:
        with pytest.raises(LoadError) as info:
            load_file(write(content, name))
        assert info.value.problems, "LoadError without problems"
        assert all(isinstance(p, Problem) for p in info.value.problems)
        return info.value.problems

    return problems


@pytest.fixture
def problem(problems: Callable[..., list[Problem]]) -> Callable[..., Problem]:
    """``problem(content)``: like ``problems`` but there must be exactly one."""

    def problem(content: str | bytes, name: str = FILE) -> Problem:
        found = problems(content, name)
        assert len(found) == 1, [str(p) for p in found]
        return found[0]

    return problem
