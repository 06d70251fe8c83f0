"""Command line: exit codes, message format, the pinned broken catalog, schema and new."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from support import FIXTURE_DAY, FIXTURES, REAL_DAY, ROOT, run_cli

from generator.schema import schema_text

LINE = re.compile(r"^[^\s:][^:]*:\d+:\d+: [^:]+: \S.*$")


def test_valid_fixture_exits_0() -> None:
    result = run_cli("check", str(FIXTURES / "valid"), day=FIXTURE_DAY)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout == "0 lỗi, 0 cảnh báo.\n"


def test_broken_fixture_gives_exactly_the_pinned_messages() -> None:
    result = run_cli("check", "broken", cwd=FIXTURES)
    expected = (FIXTURES / "broken.expected").read_text(encoding="utf-8")
    assert result.returncode == 1
    assert result.stderr == ""
    assert result.stdout == expected


def test_every_problem_line_has_the_contract_format() -> None:
    result = run_cli("check", "broken", cwd=FIXTURES)
    lines = result.stdout.splitlines()
    problems = [line for line in lines if not line.endswith(":") and not line.endswith(".")]
    assert problems and all(LINE.match(line) for line in problems), [p for p in problems if not LINE.match(p)]
    errors, warnings = lines.index("Lỗi (phải sửa trước khi đăng):"), lines.index("Cảnh báo (thông tin còn thiếu):")
    assert errors < warnings
    assert re.fullmatch(r"\d+ lỗi, \d+ cảnh báo\.", lines[-1])
    assert lines[-1] == f"{warnings - errors - 1} lỗi, {len(lines) - warnings - 2} cảnh báo."


def test_real_catalog_passes_with_warnings_and_strict_fails() -> None:
    result = run_cli("check", day=REAL_DAY)
    assert result.returncode == 0, result.stdout
    assert result.stdout.startswith("Cảnh báo (thông tin còn thiếu):\n")
    count = re.fullmatch(r"0 lỗi, (\d+) cảnh báo\.", result.stdout.splitlines()[-1])
    assert count and int(count.group(1)) == len(result.stdout.splitlines()) - 2
    strict = run_cli("check", "--strict", day=REAL_DAY)
    assert strict.returncode == 1
    assert strict.stdout == result.stdout


@pytest.mark.parametrize(
    "args",
    [
        (),
        ("frobnicate",),
        ("check", "--loose"),
        ("check", "/no/such/folder"),
        ("new", "commune", "X"),
        ("check", "a", "b"),
    ],
)
def test_bad_usage_exits_2(args: tuple[str, ...]) -> None:
    result = run_cli(*args)
    assert result.returncode == 2, result
    assert "Traceback" not in result.stderr
    assert "lỗi" in result.stderr and "Cách dùng:" in result.stderr and "invalid" not in result.stderr


def test_committed_schemas_are_current() -> None:
    for kind in ("district", "thu-tuc", "phuong"):
        committed = (ROOT / "procedures" / "schema" / f"{kind}.schema.json").read_text(encoding="utf-8")
        assert committed == schema_text(kind), f"run `python -m generator schema` ({kind})"


def test_schema_command_writes_valid_json(tmp_path: Path) -> None:
    result = run_cli("schema", "--out", str(tmp_path))
    assert result.returncode == 0
    ward = json.loads((tmp_path / "phuong.schema.json").read_text(encoding="utf-8"))
    assert ward["additionalProperties"] is False
    assert {"id", "ten", "dia_chi", "gio_lam_viec", "thu_tuc_khong_cho", "ket_qua"} <= set(ward["properties"])
    assert set(ward["required"]) == {"id", "ten", "ngay_ra_soat"}


def test_every_catalog_file_points_at_its_schema() -> None:
    for path in sorted((ROOT / "procedures").rglob("*.yaml")):
        top = {"district.yaml": "district", "van-ban.yaml": "van-ban"}
        kind = top.get(path.name, path.parent.name)
        prefix = "" if path.name in top else "../"
        first = path.read_text(encoding="utf-8").splitlines()[0]
        assert first == f"# yaml-language-server: $schema={prefix}schema/{kind}.schema.json", path


@pytest.mark.parametrize(
    ("kind", "name", "file"),
    [
        ("ward", "Phường Đồng Xuân", "phuong/dong-xuan.yaml"),
        ("ward", "Hàng Bạc", "phuong/hang-bac.yaml"),
        ("procedure", "Chứng thực chữ ký", "thu-tuc/chung-thuc-chu-ky.yaml"),
        ("procedure", "Đăng ký kết hôn: “trong nước”", "thu-tuc/dang-ky-ket-hon-trong-nuoc.yaml"),
    ],
)
def test_new_writes_a_valid_skeleton(valid_catalog: Path, kind: str, name: str, file: str) -> None:
    target = valid_catalog / file
    target.unlink(missing_ok=True)
    result = run_cli("new", kind, name, "--catalog", str(valid_catalog))
    assert result.returncode == 0, result.stderr
    assert target.is_file()
    check = run_cli("check", str(valid_catalog))
    assert check.returncode == 0, check.stdout
    assert "lỗi" in check.stdout and "0 lỗi" in check.stdout
    again = run_cli("new", kind, name, "--catalog", str(valid_catalog))
    assert again.returncode == 1 and "đã có" in again.stderr


def test_new_refuses_a_name_without_letters(valid_catalog: Path) -> None:
    result = run_cli("new", "ward", "!!!", "--catalog", str(valid_catalog))
    assert result.returncode == 1 and "không dùng được" in result.stderr and "U+0021" in result.stderr


def test_slugify() -> None:
    from generator.scaffold import slugify

    assert slugify("Hàng Bài") == "hang-bai"
    assert slugify("Đồng Xuân") == "dong-xuan"
    assert slugify("Chứng thực bản sao") == "chung-thuc-ban-sao"
    assert slugify("Lý Thái Tổ") == "ly-thai-to"
    assert slugify("Trần Hưng Đạo") == "tran-hung-dao"
    assert slugify("Ha\u0300ng Bo\u0302\u0300") == "hang-bo"
