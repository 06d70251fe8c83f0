"""``python -m generator new``: a valid skeleton file with the right slug."""

from __future__ import annotations

import json
import os
import re
import unicodedata
from datetime import date
from pathlib import Path

from jinja2 import Environment, PackageLoader, StrictUndefined

from . import fmt
from .load import DISTRICT_FILE, PROCEDURE_DIR, WARD_DIR, LoadError, load_file
from .model import MAX_SLUG, valid_name
from .problems import printable
from .schema import schema_comment

_env = Environment(
    loader=PackageLoader("generator", "templates/new"),
    undefined=StrictUndefined,
    keep_trailing_newline=True,
    autoescape=False,  # YAML, not HTML; values go through the yaml_str filter
)
# A JSON string is a valid YAML double-quoted scalar: quotes and colons in a name stay text.
_env.filters["yaml_str"] = lambda value: json.dumps(value, ensure_ascii=False)


class ScaffoldError(Exception):
    """A skeleton cannot be written (bad name, file exists)."""


def slugify(name: str) -> str:
    """ASCII slug of a Vietnamese name: 'Hàng Bài' -> 'hang-bai', 'Đồng Xuân' -> 'dong-xuan'."""
    return fmt.slug(name)


def new_record(catalog: Path, kind: str, name: str, *, today: date) -> Path:
    """Write ``phuong/<slug>.yaml`` or ``thu-tuc/<slug>.yaml`` from its template."""
    name = " ".join(unicodedata.normalize("NFC", name).split())
    if kind == "ward":
        name = re.sub(r"^(?:phường|Phường|PHƯỜNG)\s+", "", name)
    try:
        name = valid_name(name)
    except ValueError as exc:
        raise ScaffoldError(f"tên '{printable(name)}' không dùng được: {exc}") from None
    slug = slugify(name)
    if not slug:
        raise ScaffoldError(f"tên '{name}' không tạo được mã; hãy ghi tên bằng chữ")
    if len(slug) > MAX_SLUG:
        raise ScaffoldError(f"tên '{name}' quá dài để làm tên tệp (mã tối đa {MAX_SLUG} ký tự)")
    folder, template, schema_kind = (
        (WARD_DIR, "ward.yaml.j2", "phuong") if kind == "ward" else (PROCEDURE_DIR, "procedure.yaml.j2", "thu-tuc")
    )
    path = catalog / folder / f"{slug}.yaml"
    if path.exists():
        raise ScaffoldError(f"tệp {path} đã có; hãy sửa tệp đó thay vì tạo mới")
    review = today
    try:
        district = load_file(catalog / DISTRICT_FILE).data
        review = min(today, date.fromisoformat(str(district.get("ngay_ra_soat"))))
    except (LoadError, ValueError, TypeError, AttributeError):
        pass  # no readable district date: today's date will do
    text = _env.get_template(template).render(
        schema=schema_comment(schema_kind, nested=True), id=slug, name=name, review=review.isoformat()
    )
    path.parent.mkdir(parents=True, exist_ok=True)
    # Written beside and renamed: a failure (disk full) never leaves an empty or half file behind.
    temporary = path.with_name(f".{path.name}.tmp")
    try:
        temporary.write_text(text, encoding="utf-8")
        os.replace(temporary, path)
    finally:
        temporary.unlink(missing_ok=True)
    return path
