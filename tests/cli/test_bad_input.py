"""Every bad-input class of DESIGN.md, applied to a copy of the real catalog, through the CLI.

Each must give exit 1 and a ``path:line:col: field: message`` pointing at the offending line (or
naming the file), never a traceback; legitimate variations (BOM, CRLF, NFD) must pass.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest
from support import run_cli

WARD = "procedures/phuong/hang-bai.yaml"
OTHER = "procedures/phuong/hang-bac.yaml"
COPY = "procedures/thu-tuc/chung-thuc-ban-sao.yaml"


def replace(old: str, new: str) -> Callable[[str], str]:
    def apply(text: str) -> str:
        assert old in text, old
        return text.replace(old, new, 1)

    return apply


def line_of(path: Path, needle: str) -> int:
    """1-based line of the first line containing ``needle`` after the edit."""
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        if needle in line:
            return number
    raise AssertionError(f"{needle!r} not in {path}")


BAD = [
    (
        "old citation fields",
        COPY,
        replace("          van_ban: 226/2016/TT-BTC", "          so_ky_hieu: 226/2016/TT-BTC"),
        "so_ky_hieu: 226",
        "trích dẫn văn bản nay chỉ ghi 'van_ban: <số, ký hiệu>'",
    ),
    (
        "citation of a document not in the library",
        COPY,
        replace("van_ban: 226/2016/TT-BTC", "van_ban: 226/2016/TT-BTTC"),
        "226/2016/TT-BTTC",
        "chưa có trong procedures/van-ban.yaml; hãy thêm văn bản đó (tên đầy đủ, cơ quan ban hành, ngày); "
        "có phải '226/2016/TT-BTC'?",
    ),
    # (id, file, edit, needle marking the offending line, expected message fragment)
    ("syntax", WARD, replace("ten: Hàng Bài", 'ten: "Hàng Bài'), None, "thiếu dấu ngoặc kép"),
    (
        "colon",
        WARD,
        replace("ten: Hàng Bài", "ten: Hàng Bài: mới"),
        "ten: Hàng Bài: mới",
        "dấu ':' không đúng chỗ",
    ),
    ("tab", WARD, replace("\n  chuc_vu", "\n\tchuc_vu"), "chuc_vu", "Tab"),
    ("duplicate key", WARD, replace("ten: Hàng Bài\n", "ten: Hàng Bài\nten: Hàng Bài 2\n"), "Hàng Bài 2", "bị lặp lại"),
    (
        "16:00 into a number",
        WARD,
        replace("tiep_nhan: 4063", "tiep_nhan: 16:00"),
        "tiep_nhan: 16:00",
        "phải là số nguyên",
    ),
    (
        "time as a number",
        WARD,
        replace("gio_lam_viec: []", "gio_lam_viec: [{ngay: [thu_2], tu: 800, den: '12:00'}]"),
        "gio_lam_viec:",
        "phải là giờ dạng HH:MM",
    ),
    (
        "no is not false",
        WARD,
        replace("toan_bo: true", "toan_bo: no"),
        "toan_bo: no",
        "phải là true hoặc false, nhận được 'no'",
    ),
    (
        "phone as a number",
        WARD,
        replace("dien_thoai:", "dien_thoai: 39287630"),
        "dien_thoai: 39287630",
        "đặt trong ngoặc kép",
    ),
    ("unknown field", WARD, replace("dia_chi:", "dia_chii:"), "dia_chii", "có phải 'dia_chi'?"),
    ("missing field", WARD, replace("ten: Hàng Bài\n", ""), None, "thiếu trường bắt buộc"),
    ("wrong type", WARD, replace("tiep_nhan: 4063", "tiep_nhan: nhiều"), "tiep_nhan: nhiều", "phải là số nguyên"),
    (
        "thousands separator",
        WARD,
        replace("tiep_nhan: 4063", "tiep_nhan: 4.063"),
        "tiep_nhan: 4.063",
        "phải là số nguyên",
    ),
    (
        "unknown procedure",
        WARD,
        replace("thu_tuc: chung-thuc-chu-ky", "thu_tuc: chung-thuc-chu-ki"),
        "chung-thuc-chu-ki",
        "không có thủ tục 'chung-thuc-chu-ki'",
    ),
    (
        "unknown pilot ward",
        "procedures/district.yaml",
        replace("phuong: hang-bai", "phuong: hang-bay"),
        "hang-bay",
        "không có phường 'hang-bay'",
    ),
    (
        "id not the file name",
        OTHER,
        replace("id: hang-bac", "id: hang-bai"),
        "id: hang-bai",
        "phải trùng tên tệp 'hang-bac'",
    ),
    ("unsafe id", WARD, replace("id: hang-bai", "id: ../x"), "id: ../x", "nhận được '../x'"),
    (
        "dates out of order",
        WARD,
        replace("den_ngay: 2022-02-28", "den_ngay: 2021-02-28"),
        "den_ngay: 2021-02-28",
        "phải bằng hoặc sau từ ngày",
    ),
    (
        "date after review",
        WARD,
        replace("den_ngay: 2022-02-28", "den_ngay: 2027-02-28"),
        "den_ngay: 2027-02-28",
        "không được sau ngày rà soát danh mục",
    ),
    (
        "impossible date",
        WARD,
        replace("den_ngay: 2022-02-28", "den_ngay: 2022-02-30"),
        "den_ngay: 2022-02-30",
        "ngày không tồn tại",
    ),
    (
        "settled above received",
        WARD,
        replace("giai_quyet_ngay: 1824", "giai_quyet_ngay: 5000"),
        "giai_quyet_ngay: 5000",
        "không được lớn hơn số tiếp nhận",
    ),
    (
        "negative fee",
        COPY,
        lambda t: re.sub(r"so_tien: 2000\b", "so_tien: -2000", t, count=1),
        "so_tien: -2000",
        "phải lớn hơn hoặc bằng 0",
    ),
    (
        "cap below rate",
        COPY,
        lambda t: re.sub(r"toi_da: 200000\b", "toi_da: 100", t, count=1),
        "toi_da: 100",
        "không được nhỏ hơn mức thu",
    ),
    (
        "script",
        WARD,
        replace("ten: Hàng Bài", "ten: Hàng Bài<script>alert(1)</script>"),
        "<script>",
        "không được chứa mã HTML",
    ),
    (
        "onerror",
        WARD,
        replace("dia_chi: 4", "dia_chi: <img src=x onerror=alert(1)> 4"),
        "onerror",
        "không được chứa mã HTML",
    ),
    (
        "javascript link",
        WARD,
        replace(
            "    url: https://hanoimoi.vn/tru-so",
            "    url: javascript:alert(1)//hanoimoi.vn/tru-so",
        ),
        "javascript:",
        "bắt đầu bằng http:// hoặc https://",
    ),
    (
        "python tag",
        WARD,
        replace("ten: Hàng Bài", "ten: !!python/object/apply:os.system ['touch /tmp/pwned']"),
        "!!python",
        "không được phép",
    ),
    (
        "alias bomb",
        WARD,
        lambda t: (
            t + "bom:\n" + "".join(f"  - &l{i} [{', '.join([f'*l{i - 1}'] * 10) if i else '1'}]\n" for i in range(9))
        ),
        None,
        "bom alias",
    ),
    ("empty file", WARD, lambda t: "", None, "tệp rỗng"),
    (
        "comments only",
        WARD,
        lambda t: "# yaml-language-server: $schema=../schema/phuong.schema.json\n",
        None,
        "tệp rỗng",
    ),
    ("top-level list", WARD, lambda t: "- a\n- b\n", None, "không phải danh sách"),
]


def apply_edit(root: Path, name: str, edit: Callable[[str], str]) -> Path:
    path = root / name
    path.write_text(edit(path.read_text(encoding="utf-8")), encoding="utf-8")
    return path


def assert_reported(root: Path, name: str, needle: str | None, fragment: str) -> None:
    result = run_cli("check", "procedures", cwd=root)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stdout + result.stderr
    line = line_of(root / name, needle) if needle else r"\d+"
    pattern = rf"^{re.escape(name)}:{line}:\d+: [^:]+: .*{re.escape(fragment)}"
    assert re.search(pattern, result.stdout, re.MULTILINE), (pattern, result.stdout[:3000])


@pytest.mark.parametrize(("name", "edit", "needle", "fragment"), [b[1:] for b in BAD], ids=[b[0] for b in BAD])
def test_bad_input_is_reported_at_its_line(real_catalog: Path, name: str, edit, needle, fragment) -> None:
    apply_edit(real_catalog.parent, name, edit)
    assert_reported(real_catalog.parent, name, needle, fragment)
    assert not Path("/tmp/pwned").exists()


def test_duplicate_id_names_the_other_file(real_catalog: Path) -> None:
    apply_edit(real_catalog.parent, OTHER, replace("id: hang-bac", "id: hang-bai"))
    result = run_cli("check", "procedures", cwd=real_catalog.parent)
    assert result.returncode == 1
    assert re.search(
        r"^procedures/phuong/hang-bai\.yaml:3:5: id: mã 'hang-bai' đã được dùng ở tệp procedures/phuong/hang-bac\.yaml",
        result.stdout,
        re.M,
    ), result.stdout


def test_windows_1258_file_is_refused_naming_the_file(real_catalog: Path) -> None:
    path = real_catalog / "phuong/hang-bai.yaml"
    # Windows-1258 stores Vietnamese tones as combining marks: encode the decomposed text.
    path.write_bytes(unicodedata.normalize("NFD", path.read_text(encoding="utf-8")).encode("cp1258", errors="replace"))
    result = run_cli("check", "procedures", cwd=real_catalog.parent)
    assert result.returncode == 1
    assert re.search(
        r"^procedures/phuong/hang-bai\.yaml:\d+:\d+: \(tệp\): tệp không phải UTF-8.*UTF-8$", result.stdout, re.M
    )


def test_utf16_file_is_refused(real_catalog: Path) -> None:
    path = real_catalog / "phuong/hang-bai.yaml"
    path.write_bytes(path.read_text(encoding="utf-8").encode("utf-16"))
    result = run_cli("check", "procedures", cwd=real_catalog.parent)
    assert (
        result.returncode == 1
        and "procedures/phuong/hang-bai.yaml:1:1: (tệp): tệp được lưu ở dạng UTF-16" in result.stdout
    )


def test_huge_file_is_refused(real_catalog: Path) -> None:
    path = real_catalog / "phuong/hang-bai.yaml"
    path.write_text(path.read_text(encoding="utf-8") + "#" * 2_000_000 + "\n", encoding="utf-8")
    result = run_cli("check", "procedures", cwd=real_catalog.parent)
    assert result.returncode == 1 and "procedures/phuong/hang-bai.yaml:1:1: (tệp): tệp quá lớn" in result.stdout


def test_yml_extension_is_reported(real_catalog: Path) -> None:
    (real_catalog / "phuong/hang-bai.yaml").rename(real_catalog / "phuong/hang-bai.yml")
    result = run_cli("check", "procedures", cwd=real_catalog.parent)
    assert (
        result.returncode == 1 and "procedures/phuong/hang-bai.yml:1:1: (tệp): tệp phải có đuôi .yaml" in result.stdout
    )


@pytest.mark.parametrize(
    "variation",
    [
        lambda raw: b"\xef\xbb\xbf" + raw,
        lambda raw: raw.replace(b"\n", b"\r\n"),
        lambda raw: unicodedata.normalize("NFD", raw.decode("utf-8")).encode("utf-8"),
    ],
    ids=["BOM", "CRLF", "NFD"],
)
def test_legitimate_variations_are_accepted(real_catalog: Path, variation) -> None:
    before = run_cli("check", "procedures", cwd=real_catalog.parent)
    for path in sorted(real_catalog.rglob("*.yaml")):
        path.write_bytes(variation(path.read_bytes()))
    after = run_cli("check", "procedures", cwd=real_catalog.parent)
    assert after.returncode == 0, after.stdout
    assert after.stdout == before.stdout


def test_yaml_11_values_keep_their_text(real_catalog: Path) -> None:
    """0-prefixed phones, dates and yes/no stay text where text is meant."""
    from generator.pipeline import read_catalog

    apply_edit(real_catalog.parent, WARD, replace("dien_thoai:", "dien_thoai: 0243928763"))
    apply_edit(real_catalog.parent, WARD, replace("bo_phan_tiep_nhan:", "bo_phan_tiep_nhan: no"))
    apply_edit(real_catalog.parent, OTHER, replace("ten: Hàng Bạc", "ten: 2022-05-14"))
    catalog, problems = read_catalog(real_catalog)
    assert not [p for p in problems if p.is_error]
    assert catalog.wards["hang-bai"].dien_thoai == "0243928763"
    assert catalog.wards["hang-bai"].bo_phan_tiep_nhan == "no"
    assert catalog.wards["hang-bac"].ten == "2022-05-14"
