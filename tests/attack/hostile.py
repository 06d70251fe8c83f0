"""Hostile text and the paths of catalog values it goes into: shared by the fuzz and browser tests."""

from __future__ import annotations

# Text payloads, one or more per class of issue 10. Some pass check (and must then be harmless),
# some must be refused with a message.
PAYLOADS = [
    '" http-equiv="refresh" content="0;url=https://example.org/',  # attribute breakout
    "' onmouseover='alert(1)",
    "<script>alert(1)</script>",
    "<img src=https://example.org/x.png>",
    "javascript:alert(1)",
    '[bấm](https://example.org/){: style="position:fixed;inset:0" }',  # Markdown attr_list overlay
    "{: .md-button onclick=alert(1) }",
    '!!! danger "x"',  # admonition
    "| a | b |\n|---|---|",  # table pipe
    "{{ 7*7 }} {% raw %}",  # template syntax
    "*nghiêng* __đậm__ `mã` # tiêu đề",
    "&lt;img src=x&gt; &amp; &#60;b&#62;",  # entities that must stay text
    "\ufffe",
    "\uffff",
    "\u200b",
    "\u202e",
    "\u2066",
    "\x1b[2J\x1b[H0 lỗi",  # terminal control
    "\x00",
    '=HYPERLINK("https://example.org")',  # spreadsheet formula
    "+84 24 3928 7630",
    "@SUM(A1)",
    "---\ntitle: x\n---",  # front matter
    "x" * 2500,  # longer than any text may be
    "Hàng Bài & “Cửa Nam” (cũ) – 2025/26",  # legitimate punctuation
]

Leaf = tuple  # a path to a string value inside a document


def string_leaves(data: object, path: Leaf = ()) -> list[Leaf]:
    if isinstance(data, str):
        return [path]
    if isinstance(data, dict):
        return [leaf for key, value in data.items() for leaf in string_leaves(value, (*path, key))]
    if isinstance(data, list):
        return [leaf for i, value in enumerate(data) for leaf in string_leaves(value, (*path, i))]
    return []


def list_leaves(data: object, path: Leaf = ()) -> list[Leaf]:
    found = [path] if isinstance(data, list) and data else []
    if isinstance(data, dict):
        found += [leaf for key, value in data.items() for leaf in list_leaves(value, (*path, key))]
    if isinstance(data, list):
        found += [leaf for i, value in enumerate(data) for leaf in list_leaves(value, (*path, i))]
    return found


def set_at(data: object, path: Leaf, value: object) -> None:
    for part in path[:-1]:
        data = data[part]  # type: ignore[index]
    data[path[-1]] = value  # type: ignore[index]


def get_at(data: object, path: Leaf) -> object:
    for part in path:
        data = data[part]  # type: ignore[index]
    return data


# Payloads that check accepts in prose (and the name-safe ones in names): they reach every output,
# so the build must render them as plain text.
VALID_PROSE = [
    "*nghiêng* __đậm__ `mã` # tiêu đề",
    '[bấm vào đây](https://example.org/){: style="position:fixed;inset:0" }',
    "![ảnh](https://example.org/x.png)",
    "{: .md-button #trang }",
    '!!! danger "x"',
    "| a | b |",
    "{{ 7*7 }} {% raw %} ${7*7}",
    "&lt;img src=x&gt; &amp; &#60;b&#62;",
    '\'" http-equiv="refresh" content="0;url=https://example.org/',
    '=HYPERLINK("https://example.org")',
    "---",
    "<3 > 2",
    "\\u003cscript\\u003e",
    "https://example.org/",
]
VALID_NAME = ["& Cộng sự", "“Cửa Nam” (cũ)", "Số 1/2025", "+ 2", "100%", "A – B — C"]
NAME_KEYS = {"ten", "ten_ngan", "co_quan", "dia_danh", "tinh_thanh", "chuc_vu", "ho_ten"}
NAME_LISTS = {"tu_khoa"}
"""Lists whose every item is a name (the everyday names of a procedure outside the catalog)."""
NOT_TEXT = {
    "id",
    "url",
    "tra_cuu",  # the national portal's address (a link: fuzzed as one)
    "ma",  # a procedure's code on the portal, outside the catalog
    "ngay",
    "tu_ngay",
    "den_ngay",
    "ngay_ra_soat",
    "danh_muc_tu_ngay",
    "hieu_luc_den",
    "thay_the_boi",
    "dien_thoai",
    "email",
    "trang_web",
    "kenh",
    "loai",
    "tinh_theo",
    "nhan_theo",
    "dai_luong",
    "thu_tuc",
    "phuong",
    "ma_thu_tuc",
    "gio",
    "tu",
    "den",
    "don_vi_tien",
    "gio_tiep_nhan_cuoi",
    "ngay_hieu_luc",
    "ngay_het_hieu_luc",
    "hieu_luc_tu",
    "so_ky_hieu",  # a legal document's number, and the references to it: changing one breaks the link
    "van_ban",
    "ve",
    "ngay_lam_viec",  # weekday codes (thu_2 … chu_nhat)
    "ngay_nghi",
}


def text_leaves(data: object) -> list[tuple[Leaf, bool]]:
    """String values that are free text, each with True when it is a name."""
    out = []
    for leaf in string_leaves(data):
        key = next((part for part in reversed(leaf) if isinstance(part, str)), "")
        if key in NOT_TEXT or (len(leaf) >= 2 and leaf[-2] in ("ngay", "gioi_han")):
            continue
        out.append((leaf, (key in NAME_KEYS and isinstance(leaf[-1], str)) or key in NAME_LISTS))
    return out
