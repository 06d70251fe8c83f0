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
SEARCH = (ROOT / "docs/assets/search.js").read_text(encoding="utf-8")
SITE = (ROOT / "docs/assets/site.js").read_text(encoding="utf-8")
BLOCKS = {**contract.CONTRACTS, **contract.SITE_BLOCKS}


def unread(models: list[type], script: str) -> list[str]:
    declared = set().union(*(field_names(model) for model in models))
    return sorted(name for name in declared if not re.search(rf"\.{name}\b|[\"']{name}[\"']", script))


def test_checker_js_reads_every_field_the_build_sends() -> None:
    assert unread(list(contract.CONTRACTS.values()), SCRIPT) == []
    declared = set().union(*(field_names(model) for model in contract.CONTRACTS.values()))
    assert {"den_ngay", "tu_ngay"} <= declared  # the holiday window is sent, and read


def test_site_js_reads_every_field_of_the_editions_block() -> None:
    assert unread(list(contract.SITE_BLOCKS.values()), SITE) == []
    assert "getElementById(\"kc-editions\")" in SITE


def test_search_js_reads_every_field_of_the_words_file(real_site: Path) -> None:
    assert unread(list(contract.FILES.values()), SEARCH) == []
    assert f'"../{contract.WORDS_FILE}"' in SEARCH
    words = contract.Words.model_validate_json((real_site / contract.WORDS_FILE).read_text(encoding="utf-8"))
    assert len(words.thu_tuc) == 5 and len(words.ngoai_danh_muc) >= 60
    assert {c.ten for c in words.thu_tuc[1].goi} >= {"sao y", "sao y bản chính", "công chứng"}


def test_the_browser_schema_is_generated_from_the_types(real_site: Path) -> None:
    published = (real_site / "du-lieu/schema" / contract.SCHEMA_FILE).read_text(encoding="utf-8")
    assert published == contract.schema_text()
    assert set(json.loads(published)["$defs"]) == set(BLOCKS) | set(contract.FILES)


@pytest.mark.parametrize("page", ["phuong/hang-bai/index.html", "phuong/hang-bai/chung-thuc-ban-sao/index.html"])
def test_embedded_data_matches_its_type(real_site: Path, page: str) -> None:
    html = (real_site / page).read_text(encoding="utf-8")
    blocks = dict(re.findall(r'<script type="application/json" id="([\w-]+)">(.*?)</script>', html))
    assert "kc-editions" in blocks and set(blocks) <= set(BLOCKS)
    for block_id, text in blocks.items():
        BLOCKS[block_id].model_validate_json(text)  # raises on any field out of contract
