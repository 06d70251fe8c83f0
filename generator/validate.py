"""Validate stage: plain documents to typed records, pydantic errors to Vietnamese problems."""

from __future__ import annotations

import difflib
from typing import Any

from pydantic import BaseModel, ValidationError

from .fmt import number
from .load import Document, Loc
from .model import KINDS, Record
from .problems import Problem

_DISCRIMINATORS = {"gio_tiep_nhan", "gioi_han_so_luong", "co_khong", "van_ban"}


def field_names(model: type[BaseModel], seen: set[type] | None = None) -> set[str]:
    """Every field name reachable from ``model``, nested models included: the vocabulary for "did you
    mean" hints, and (in the tests) what the browser contract sends."""
    seen = seen if seen is not None else set()
    if model in seen:
        return set()
    seen.add(model)
    names = set(model.model_fields)
    for info in model.model_fields.values():
        for arg in _walk_types(info.annotation):
            if isinstance(arg, type) and issubclass(arg, BaseModel):
                names |= field_names(arg, seen)
    return names


def _walk_types(annotation: Any) -> list[Any]:
    out = [annotation]
    for arg in getattr(annotation, "__args__", ()) or ():
        out.extend(_walk_types(arg))
    meta = getattr(annotation, "__metadata__", ())
    origin = getattr(annotation, "__origin__", None)
    if meta and origin is not None:
        out.extend(_walk_types(origin))
    return out


_VOCABULARY = sorted(set().union(*(field_names(model) for model in KINDS.values())))
_MOVED = {
    name: "trích dẫn văn bản nay chỉ ghi 'van_ban: <số, ký hiệu>' và 'dieu'; tên, trích yếu, địa chỉ web của "
    "văn bản ghi một lần ở procedures/van-ban.yaml"
    for name in ("so_ky_hieu", "trich_yeu")
}
"""Fields the catalog used to have inside a citation, with where their content lives now."""


def _show(value: Any) -> str:
    if isinstance(value, str):
        return f"'{value}'"
    if value is None:
        return "để trống"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, dict):
        return "một bảng"
    if isinstance(value, list):
        return "một danh sách"
    return str(value)


def _message(error: dict[str, Any], field: str) -> str:
    kind, ctx, value = error["type"], error.get("ctx") or {}, error.get("input")
    shown = _show(value)
    if kind == "missing":
        return "thiếu trường bắt buộc"
    if kind == "extra_forbidden":
        if field in _MOVED:
            return f"trường '{field}' không dùng ở đây: {_MOVED[field]}"
        close = [name for name in difflib.get_close_matches(field, _VOCABULARY, n=2, cutoff=0.75) if name != field]
        hint = f"; có phải '{close[0]}'?" if close else ""
        if field in _VOCABULARY and not close:
            return f"trường '{field}' không dùng ở chỗ này (đặt nhầm chỗ?)"
        return f"trường '{field}' không có trong mẫu (gõ nhầm?){hint}"
    if kind == "string_type":
        if isinstance(value, (int, bool)):
            return f'phải là văn bản; hãy đặt trong ngoặc kép, ví dụ "{_show(value)}"'
        return f"phải là văn bản, nhận được {shown}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"phải là số nguyên (không có dấu chấm, dấu phẩy hay ngoặc kép), nhận được {shown}"
    if kind in ("bool_type", "bool_parsing"):
        hint = ""
        if isinstance(value, str) and value.lower() in ("yes", "no", "on", "off", "y", "n", "có", "không"):
            hint = " (ở đây 'yes/no', 'có/không' không được hiểu là đúng/sai)"
        return f"phải là true hoặc false, nhận được {shown}{hint}"
    if kind == "list_type":
        return f"phải là danh sách (mỗi mục một dòng bắt đầu bằng '- '), nhận được {shown}"
    if kind in ("dict_type", "model_type", "model_attributes_type"):
        return f"phải là một bảng các cặp 'trường: giá trị', nhận được {shown}"
    if kind == "greater_than_equal":
        return f"phải lớn hơn hoặc bằng {ctx.get('ge')}, nhận được {shown}"
    if kind == "less_than_equal":
        return f"phải nhỏ hơn hoặc bằng {number(ctx.get('le'))}, nhận được {shown}"
    if kind == "too_long":
        return f"có quá nhiều mục (tối đa {ctx.get('max_length')})"
    if kind == "too_short":
        return f"phải có ít nhất {ctx.get('min_length')} mục"
    if kind == "literal_error":
        expected = str(ctx.get("expected", "")).replace(" or ", " hoặc ")
        return f"phải là một trong: {expected}; nhận được {shown}"
    if kind == "union_tag_invalid":
        return f"loai phải là một trong: {ctx.get('expected_tags')}; nhận được '{ctx.get('tag')}'"
    if kind == "union_tag_not_found":
        return "thiếu trường 'loai' (gio_tiep_nhan, gioi_han_so_luong, co_khong hoặc van_ban)"
    if kind == "string_pattern_mismatch":
        if field.endswith("ma_thu_tuc"):
            return f'mã thủ tục phải có dạng "2.000815" và đặt trong ngoặc kép, nhận được {shown}'
        return f"không đúng dạng yêu cầu, nhận được {shown}"
    if not str(error["msg"]).isascii():
        # Our own PydanticCustomError messages (model.py) are already Vietnamese.
        return str(error["msg"])
    return f"giá trị không hợp lệ ({kind}), nhận được {shown}"


def _real_loc(data: Any, loc: tuple[Any, ...]) -> tuple[Loc, bool]:
    """Map pydantic's loc to a path in the data: drop union tags, note dict-key errors."""
    out: list[str | int] = []
    current = data
    on_key = False
    for part in loc:
        if part == "[key]":
            on_key = True
            continue
        if (
            isinstance(current, dict)
            and part not in current
            and current.get("loai") == part
            and part in _DISCRIMINATORS
        ):
            continue
        out.append(part)
        if isinstance(current, dict):
            current = current.get(part)
        elif isinstance(current, list) and isinstance(part, int) and part < len(current):
            current = current[part]
        else:
            current = None
    return tuple(out), on_key


def build(document: Document, model: type[Record]) -> tuple[Record | None, list[Problem]]:
    """Validate one document against its model; every error becomes a positioned problem."""
    try:
        return model.model_validate(document.data), []
    except ValidationError as exc:
        problems = []
        for error in exc.errors(include_url=False):
            loc, on_key = _real_loc(document.data, error["loc"])
            field = str(loc[-1]) if loc else ""
            key = on_key or error["type"] == "extra_forbidden"
            problems.append(document.problem(loc, _message(error, field), key=key))
        return None, problems
