"""The browser's data contract: declared types, nothing sent that checker.js does not read, and
every JSON block the pages embed valid against its type."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from support import ROOT

from generator import contract
from generator.validate import field_names

SCRIPT = (ROOT / "docs/assets/checker.js").read_text(encoding="utf-8")


def test_checker_js_reads_every_field_the_build_sends() -> None:
    declared = set().union(*(field_names(model) for model in contract.CONTRACTS.values()))
    unread = sorted(name for name in declared if not re.search(rf"\.{name}\b|[\"']{name}[\"']", SCRIPT))
    assert unread == []
    assert {"den_ngay", "tu_ngay"} <= declared  # the holiday window is sent, and read


def test_the_browser_schema_is_generated_from_the_types(real_site: Path) -> None:
    published = (real_site / "du-lieu/schema" / contract.SCHEMA_FILE).read_text(encoding="utf-8")
    assert published == contract.schema_text()
    assert set(json.loads(published)["$defs"]) == set(contract.CONTRACTS)


@pytest.mark.parametrize("page", ["phuong/hang-bai/index.html", "phuong/hang-bai/chung-thuc-ban-sao/index.html"])
def test_embedded_data_matches_its_type(real_site: Path, page: str) -> None:
    html = (real_site / page).read_text(encoding="utf-8")
    blocks = dict(re.findall(r'<script type="application/json" id="([\w-]+)">(.*?)</script>', html))
    assert blocks and set(blocks) <= set(contract.CONTRACTS)
    for block_id, text in blocks.items():
        contract.CONTRACTS[block_id].model_validate_json(text)  # raises on any field out of contract
