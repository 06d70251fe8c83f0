"""JSON Schemas of the catalog files, generated from the models (never written by hand)."""

from __future__ import annotations

import functools
import json
from pathlib import Path

from .model import KINDS

SCHEMA_DIR = "schema"
TITLES = {
    "district": "Thông tin quận (procedures/district.yaml)",
    "van-ban": "Các văn bản pháp luật được dẫn (procedures/van-ban.yaml)",
    "thu-tuc": "Thủ tục hành chính (procedures/thu-tuc/<mã>.yaml)",
    "phuong": "Phường (procedures/phuong/<mã>.yaml)",
}


def schema_file(kind: str) -> str:
    """File name of a kind's schema, e.g. ``phuong.schema.json``."""
    return f"{kind}.schema.json"


@functools.cache
def schema_text(kind: str) -> str:
    """The JSON Schema of one kind of file, as the text written to disk."""
    schema = KINDS[kind].model_json_schema()
    schema = {"$schema": "https://json-schema.org/draft/2020-12/schema", **schema, "title": TITLES[kind]}
    return json.dumps(schema, ensure_ascii=False, indent=2) + "\n"


def write_schemas(out: Path) -> list[Path]:
    """Write every kind's schema into ``out``; returns the paths written."""
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for kind in KINDS:
        path = out / schema_file(kind)
        path.write_text(schema_text(kind), encoding="utf-8")
        written.append(path)
    return written


def schema_comment(kind: str, nested: bool) -> str:
    """The first line of a catalog file, pointing the editor at its schema."""
    prefix = "../" if nested else ""
    return f"# yaml-language-server: $schema={prefix}{SCHEMA_DIR}/{schema_file(kind)}"
