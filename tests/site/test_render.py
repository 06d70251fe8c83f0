"""Render stage without MkDocs: golden pages and escaping of every text that reaches a page."""

from __future__ import annotations

import copy
import os
from pathlib import Path
from typing import Any

import markdown
import pytest
import yaml
from support import FIXTURES, ROOT, check_golden, golden_text

from generator.catalog import read_catalog
from generator.render import md_escape, render_site

GOLDEN = ROOT / "tests" / "golden"
GOLDEN_PAGES = {
    "phuong/an-binh/index.md": "ward-an-binh.md",
    "phuong/an-binh/chung-thuc-ban-sao.md": "service-an-binh-chung-thuc-ban-sao.md",
    "thu-tuc/chung-thuc-ban-sao.md": "procedure-chung-thuc-ban-sao.md",
}


def rendered(root: Path) -> dict[str, str]:
    catalog, problems = read_catalog(root)
    assert not [p for p in problems if p.is_error], problems
    return {o.path: o.content for o in render_site(catalog, "https://khong-cho.example/")}


@pytest.mark.parametrize(("path", "golden"), sorted(GOLDEN_PAGES.items()))
def test_golden_pages(path: str, golden: str) -> None:
    """Set UPDATE_GOLDEN=1 to rewrite the golden files after an intended change, then review the diff."""
    catalog, _ = read_catalog(FIXTURES / "valid")
    (output,) = [o for o in render_site(catalog, "https://khong-cho.example/") if o.path == path]
    check_golden(GOLDEN / golden, golden_text(output))


def test_rendering_is_deterministic() -> None:
    assert rendered(FIXTURES / "valid") == rendered(FIXTURES / "valid")


PAYLOADS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[bấm vào đây](javascript:alert(1))",
    "<a href='javascript:alert(1)'>x</a>",
    "**đậm** _nghiêng_ `mã` # tiêu đề | ô |",
    "&lt;script&gt; và \\<b>",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_md_escape_never_yields_markup(payload: str) -> None:
    html = markdown.markdown(f"Văn bản: {md_escape(payload)}", extensions=["tables", "attr_list", "md_in_html"])
    assert "<script" not in html and "<img" not in html and "<a " not in html
    assert "<strong>" not in html and "<em>" not in html and "<code>" not in html


def string_leaves(data: Any, path: tuple = ()) -> list[tuple]:
    if isinstance(data, dict):
        return [leaf for key, value in data.items() for leaf in string_leaves(value, (*path, key))]
    if isinstance(data, list):
        return [leaf for i, value in enumerate(data) for leaf in string_leaves(value, (*path, i))]
    return [path] if isinstance(data, str) else []


def set_leaf(data: Any, path: tuple, value: str) -> None:
    for part in path[:-1]:
        data = data[part]
    data[path[-1]] = value


FILES = ["phuong/an-binh.yaml", "thu-tuc/chung-thuc-ban-sao.yaml", "district.yaml"]


@pytest.mark.parametrize("name", FILES)
@pytest.mark.parametrize("payload", ["<script>alert(1)</script>", "x onerror=alert(1)", "javascript:alert(1)"])
def test_markup_in_any_text_field_is_refused_or_escaped(tmp_path: Path, name: str, payload: str) -> None:
    """Every string of a catalog file, in turn, holds markup: `check` refuses it, or no page carries it."""
    import shutil

    source = yaml.safe_load((FIXTURES / "valid" / name).read_text(encoding="utf-8"))
    leaves = string_leaves(source)
    assert len(leaves) > 10
    for leaf in leaves:
        root = tmp_path / "-".join(map(str, leaf))
        shutil.copytree(FIXTURES / "valid", root)
        data = copy.deepcopy(source)
        set_leaf(data, leaf, payload)
        (root / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
        catalog, problems = read_catalog(root)
        if any(p.is_error for p in problems):
            continue  # refused by the model or the checks: never reaches a page
        for output in render_site(catalog, "https://khong-cho.example/"):
            assert "<script>alert" not in output.content, (leaf, output.path)
            if output.path.endswith(".md"):
                html = markdown.markdown(output.content, extensions=["tables", "attr_list", "md_in_html"])
                assert "onerror=" not in html.replace("onerror=alert(1)", "") or "<img" not in html, (leaf, output.path)
                assert 'href="javascript:' not in html, (leaf, output.path)
