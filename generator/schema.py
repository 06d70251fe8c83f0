"""JSON Schemas of the catalog files, generated from the models (never written by hand)."""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
from pathlib import Path

import pydantic

from . import cache
from .model import KINDS

SCHEMA_DIR = "schema"
SCHEMA_CACHE_LIMIT = 1024 * 1024
"""A few versions of the code's schemas."""
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


def schema_texts(folder: Path | None = None) -> dict[str, str]:
    """Every kind's schema text; with ``folder``, kept there between builds (pydantic takes longer to
    make them than the rest of the open data). The key is pydantic's version and the bytes of the
    generator's code; an entry carries its own SHA-256, checked before use."""
    if folder is None:
        return {kind: schema_text(kind) for kind in KINDS}
    code = hashlib.sha256(pydantic.VERSION.encode())
    for module in sorted(Path(__file__).parent.glob("*.py")):
        code.update(module.name.encode() + b"\0" + module.read_bytes())
    path = folder / f"{code.hexdigest()}.json"
    body = cache.read_checked(path)
    if body is not None:
        with contextlib.suppress(ValueError):
            kept = json.loads(body)
            if isinstance(kept, dict) and sorted(kept) == sorted(KINDS):
                return {kind: str(kept[kind]) for kind in KINDS}
    texts = {kind: schema_text(kind) for kind in KINDS}
    cache.write_checked(path, json.dumps(texts, ensure_ascii=False).encode())
    cache.prune(folder, SCHEMA_CACHE_LIMIT)
    return texts


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
