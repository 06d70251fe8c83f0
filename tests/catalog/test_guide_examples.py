"""The editors' guide's worked examples "có thật" are the real catalog's own lines, not a paraphrase."""

from __future__ import annotations

import re

import yaml
from support import REAL_CATALOG, ROOT

GUIDE = (ROOT / "docs/huong-dan-bien-tap.md").read_text(encoding="utf-8")


def blocks_after(heading: str) -> list[str]:
    """The YAML blocks of the guide from ``heading`` to the next heading of its level or higher."""
    start = GUIDE.index(heading)
    end = GUIDE.find("\n### ", start + len(heading))
    return re.findall(r"```yaml\n(.*?)```", GUIDE[start : end if end > 0 else None], re.S)


def test_the_identity_papers_example_is_the_signature_file() -> None:
    """Every item of the two examples is an item of thu-tuc/chung-thuc-chu-ky.yaml, as written there."""
    real = yaml.safe_load((REAL_CATALOG / "thu-tuc/chung-thuc-chu-ky.yaml").read_text(encoding="utf-8"))
    examples = [yaml.safe_load(block) for block in blocks_after("### Ghi thông tin thay đổi theo ngày")]
    assert [sorted(e) for e in examples] == [["thanh_phan_ho_so"], ["can_cu_phap_ly"]]
    for example in examples:
        for key, items in example.items():
            for item in items:
                assert item in real[key], item
    versions = [i for i in examples[0]["thanh_phan_ho_so"] if i["id"] == "giay-to-tuy-than"]
    assert len(versions) == 4 == len([i for i in real["thanh_phan_ho_so"] if i.get("id") == "giay-to-tuy-than"])
