"""Hostile and careless input, class by class: a message with file:line, never a traceback, a hang or a flood.

Each test names the class of issue 10 it covers; the fuzz test (test_fuzz.py) mixes the classes.
"""

from __future__ import annotations

import csv
import io
import os
import re
import time
from pathlib import Path

import pytest
from support import ROOT, render_outputs, run_cli

from generator.opendata import csv_cell
from generator.pipeline import read_catalog

WARD = "procedures/phuong/hang-bai.yaml"
COPY = "procedures/thu-tuc/chung-thuc-ban-sao.yaml"


def edit(root: Path, name: str, old: str, new: str) -> Path:
    path = root / name
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def check(root: Path, *args: str):
    result = run_cli("check", *args, "procedures", cwd=root)
    assert "Traceback" not in result.stdout + result.stderr, result.stderr
    return result


# --- characters nobody can see ------------------------------------------------------------------

HIDDEN = [
    ("\ufffe", "noncharacter U+FFFE", "U+FFFE"),
    ("\uffff", "noncharacter U+FFFF", "U+FFFF"),
    ("\u200b", "zero-width space", "U+200B"),
    ("\u200d", "zero-width joiner", "U+200D"),
    ("\u202e", "right-to-left override", "U+202E"),
    ("\u2066", "left-to-right isolate", "U+2066"),
    ("\u00ad", "soft hyphen", "U+00AD"),
    ("\x1b", "escape (terminal control)", "U+001B"),
    ("\x07", "bell", "U+0007"),
    ("\ue000", "private use", "U+E000"),
    ("\U000e0041", "tag character", "U+E0041"),
]


@pytest.mark.parametrize(("char", "what", "code"), HIDDEN, ids=[h[1] for h in HIDDEN])
def test_hidden_character_in_a_name_is_named_with_its_column(real_catalog: Path, char: str, what: str, code: str):
    root = real_catalog.parent
    edit(root, WARD, "ten: Hàng Bài", f"ten: Hàng{char} Bài")
    result = check(root)
    assert result.returncode == 1
    # The file's own line and the character's own column (after "ten: Hàng").
    line = next(
        n for n, text in enumerate((root / WARD).read_text(encoding="utf-8").split("\n"), 1) if "ten: Hàng" in text
    )
    assert re.search(rf"^{WARD}:{line}:10: ten: có .*{re.escape(code)} ở cột 10", result.stdout, re.M), result.stdout
    assert "\x1b" not in result.stdout and "\x07" not in result.stdout


@pytest.mark.parametrize("escape", ["\\u200b", "\\uffff", "\\x1b", "\\u202e"])
def test_hidden_character_written_as_a_yaml_escape_is_refused_too(real_catalog: Path, escape: str):
    root = real_catalog.parent
    edit(root, WARD, "ten: Hàng Bài", f'ten: "Hàng{escape} Bài"')
    result = check(root)
    assert result.returncode == 1 and re.search(rf"^{WARD}:\d+:\d+: ten: chứa .*U\+", result.stdout, re.M)


def test_two_wards_differing_by_an_invisible_character_are_one_name() -> None:
    from generator.checks import name_key

    assert name_key("Hàng Bài") == name_key("Hàng\u200b Bài") == name_key("HÀNG  BÀI") == name_key("Hàng\u00a0Bài")


def test_a_quote_cannot_reach_a_name(real_catalog: Path) -> None:
    """The redirect of issue 10: a name that closes the meta attribute. Names hold no ASCII quote."""
    root = real_catalog.parent
    payload = 'Chứng thực" http-equiv="refresh" content="0;url=https://example.org/x'
    edit(root, COPY, "ten_ngan: Chứng thực bản sao", f"ten_ngan: '{payload}'")
    result = check(root)
    assert result.returncode == 1
    assert re.search(rf'^{COPY}:\d+:\d+: ten_ngan: tên chỉ gồm .*gặp \'"\'', result.stdout, re.M), result.stdout


def test_terminal_sequences_in_a_file_name_are_shown_not_obeyed(real_catalog: Path) -> None:
    bad = real_catalog / "phuong" / "\x1b[2J\x1b[Hx.yaml"
    bad.write_text("id: x\n", encoding="utf-8")
    result = check(real_catalog.parent)
    assert "\x1b" not in result.stdout
    assert "[U+001B][2J[U+001B][Hx.yaml" in result.stdout


def test_file_name_that_is_not_utf8_is_named(real_catalog: Path) -> None:
    name = os.fsdecode(b"hang-b\xe0i.yaml")
    (real_catalog / "phuong" / name).write_bytes(b"id: x\n")
    result = check(real_catalog.parent)
    assert result.returncode == 1
    assert "hang-b[0xE0]i.yaml:1:1: (tệp): tên tệp không phải chữ UTF-8" in result.stdout


# --- numbers, dates and sizes the build could not handle -----------------------------------------


def test_integer_longer_than_python_reads_is_a_message(real_catalog: Path) -> None:
    root = real_catalog.parent
    edit(root, WARD, "tiep_nhan: 4063", "tiep_nhan: " + "9" * 5000)
    result = check(root)
    assert result.returncode == 1 and "tiep_nhan: số quá lớn (hơn 15 chữ số)" in result.stdout


def test_number_beyond_any_real_value_is_refused(real_catalog: Path) -> None:
    root = real_catalog.parent
    edit(root, WARD, "tiep_nhan: 4063", "tiep_nhan: 99999999999999")
    result = check(root)
    assert result.returncode == 1 and "tiep_nhan: phải nhỏ hơn hoặc bằng 1.000.000.000" in result.stdout


@pytest.mark.parametrize("day", ["0001-01-01", "9999-12-31", "2101-01-01"])
def test_dates_the_build_cannot_use_are_refused_by_check(real_catalog: Path, day: str) -> None:
    root = real_catalog.parent
    edit(root, "procedures/district.yaml", "ngay_ra_soat: 2026-11-29", f"ngay_ra_soat: {day}")
    result = check(root)
    assert result.returncode == 1 and "ngay_ra_soat: ngày phải trong khoảng 01/01/1945 – 31/12/2100" in result.stdout


def test_repeated_sessions_are_checked_quickly_and_reported_once(real_catalog: Path) -> None:
    """93 KB of opening hours once took 10 minutes, 2.2 GB and 3.5 million lines."""
    root = real_catalog.parent
    session = "  - {ngay: [thu_2, thu_3, thu_4, thu_5, thu_6], tu: '08:00', den: '11:30'}\n"
    edit(root, WARD, "gio_lam_viec: []\n", "gio_lam_viec:\n" + session * 1300)
    assert (root / WARD).stat().st_size > 90_000
    started = time.monotonic()
    result = check(root)
    assert time.monotonic() - started < 10
    assert result.returncode == 1
    assert len([line for line in result.stdout.splitlines() if line.startswith(WARD)]) < 10
    assert "gio_lam_viec: có quá nhiều mục (tối đa 21)" in result.stdout


def test_overlaps_are_found_in_one_pass_and_counted(valid_catalog: Path) -> None:
    path = valid_catalog / "phuong/an-binh.yaml"
    text = path.read_text(encoding="utf-8")
    sessions = "".join(f"  - {{ngay: [thu_2], tu: '08:{n:02d}', den: '09:{n:02d}'}}\n" for n in range(20))
    path.write_text(re.sub(r"gio_lam_viec:\n(?:  .*\n)+", "gio_lam_viec:\n" + sessions, text, count=1))
    _, problems = read_catalog(valid_catalog)
    overlaps = [p for p in problems if "trùng với buổi" in p.message]
    assert len(overlaps) == 1 and "(và 18 chỗ trùng khác)" in overlaps[0].message


def test_hundreds_of_fee_tiers_are_refused_before_the_build(real_catalog: Path) -> None:
    root = real_catalog.parent
    tiers = "".join(f"          - so_tien: {1000 + n}\n            tu: {n + 3}\n" for n in range(400))
    edit(
        root,
        COPY,
        "          - so_tien: 1000\n            tu: 3\n",
        "          - so_tien: 1000\n            tu: 3\n" + tiers,
    )
    started = time.monotonic()
    result = check(root)
    assert time.monotonic() - started < 10
    assert result.returncode == 1 and "le_phi[0].bac: có quá nhiều mục (tối đa 10)" in result.stdout


def test_longest_allowed_text_builds(real_catalog: Path) -> None:
    root = real_catalog.parent
    edit(root, WARD, "dia_chi: 4", "dia_chi: " + "x " * 980 + "4")
    result = check(root)
    assert result.returncode == 0, result.stdout
    catalog, _ = read_catalog(real_catalog)
    assert any(o.path == "phuong/hang-bai/index.md" for o in render_outputs(catalog, "https://example.vn/"))


# --- files that are not files -------------------------------------------------------------------


def test_dangling_symlink_is_named(real_catalog: Path) -> None:
    (real_catalog / "phuong/ma.yaml").symlink_to(real_catalog / "phuong/khong-co.yaml")
    result = check(real_catalog.parent)
    assert result.returncode == 1
    assert "procedures/phuong/ma.yaml:1:1: (tệp): là liên kết tới một tệp không tồn tại" in result.stdout


def test_symlink_loop_is_named(real_catalog: Path) -> None:
    (real_catalog / "phuong/vong.yaml").symlink_to(real_catalog / "phuong/vong.yaml")
    result = check(real_catalog.parent)
    assert result.returncode == 1 and "procedures/phuong/vong.yaml:1:1: (tệp): là liên kết vòng" in result.stdout


def test_symlink_out_of_the_catalog_is_refused(real_catalog: Path, tmp_path: Path) -> None:
    outside = tmp_path / "ngoai.yaml"
    outside.write_text((real_catalog / "phuong/hang-bac.yaml").read_text(encoding="utf-8"), encoding="utf-8")
    (real_catalog / "phuong/hang-bac.yaml").unlink()
    (real_catalog / "phuong/hang-bac.yaml").symlink_to(outside)
    result = check(real_catalog.parent)
    assert result.returncode == 1
    assert "procedures/phuong/hang-bac.yaml:1:1: (tệp): là liên kết tới một tệp ngoài thư mục danh mục" in result.stdout


def test_symlink_inside_the_catalog_is_read(real_catalog: Path) -> None:
    (real_catalog / "phuong/hang-bac.yaml").rename(real_catalog / "hang-bac.yaml.src")
    (real_catalog / "phuong/hang-bac.yaml").symlink_to(real_catalog / "hang-bac.yaml.src")
    catalog, problems = read_catalog(real_catalog)
    assert "hang-bac" in catalog.wards and not [p for p in problems if p.is_error]


def test_fifo_is_named_without_blocking(real_catalog: Path) -> None:
    os.mkfifo(real_catalog / "phuong/ong.yaml")
    result = check(real_catalog.parent)
    assert result.returncode == 1 and "procedures/phuong/ong.yaml:1:1: (tệp): không phải tệp thường" in result.stdout


def test_directory_named_like_a_yaml_file_is_named(real_catalog: Path) -> None:
    (real_catalog / "phuong/thu-muc.yaml").mkdir()
    result = check(real_catalog.parent)
    assert result.returncode == 1 and "procedures/phuong/thu-muc.yaml:1:1: (tệp): là một thư mục" in result.stdout


def test_district_file_that_is_a_directory_is_named(real_catalog: Path) -> None:
    (real_catalog / "district.yaml").unlink()
    (real_catalog / "district.yaml").mkdir()
    result = check(real_catalog.parent)
    assert result.returncode == 1 and "procedures/district.yaml:1:1: (tệp): là một thư mục" in result.stdout


# --- ids the site uses itself -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("folder", "old", "stem"),
    [("thu-tuc", "chung-thuc-chu-ky", "index"), ("phuong", "hang-bac", "tat-ca"), ("phuong", "hang-bac", "index")],
)
def test_ids_that_collide_with_generated_pages_are_refused_by_check(
    real_catalog: Path, folder: str, old: str, stem: str
) -> None:
    source = real_catalog / folder / f"{old}.yaml"
    text = source.read_text(encoding="utf-8").replace(f"id: {old}", f"id: {stem}", 1)
    source.unlink()
    (real_catalog / folder / f"{stem}.yaml").write_text(text, encoding="utf-8")
    result = check(real_catalog.parent)
    assert result.returncode == 1
    assert f"procedures/{folder}/{stem}.yaml:3:5: id: mã '{stem}' trùng với một trang của trang web" in result.stdout


# --- spreadsheets -------------------------------------------------------------------------------


@pytest.mark.parametrize("text", ['=HYPERLINK("http://x")', "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx", "＝1+1"])
def test_formula_cells_are_neutralised(text: str) -> None:
    cell = csv_cell(text)
    assert cell == "'" + text
    assert csv_cell("Hàng Bài") == "Hàng Bài" and csv_cell(4063) == 4063 and csv_cell(None) == ""


def test_open_data_csv_holds_no_formula(real_catalog: Path) -> None:
    """A name cannot start with '=' (names start with a letter or digit); an address can."""
    root = real_catalog.parent
    edit(root, WARD, "dia_chi: 4", "dia_chi: =cmd|' /C calc'!A0 4")
    catalog, problems = read_catalog(real_catalog)
    assert not [p for p in problems if p.is_error]
    (table,) = [o for o in render_outputs(catalog, "https://example.vn/") if o.path == "du-lieu/phuong.csv"]
    cells = [cell for row in csv.reader(io.StringIO(str(table.content))) for cell in row]
    assert any(cell.startswith("'=cmd|' /C calc'!A0 4") for cell in cells)
    assert not [c for c in cells if c[:1] in ("=", "+", "-", "@")]


# --- the command line at the operating system's edges --------------------------------------------


def test_output_to_a_full_device_is_a_message() -> None:
    with open("/dev/full", "w") as full:
        import subprocess
        import sys

        result = subprocess.run(
            [sys.executable, "-m", "generator", "check"], cwd=ROOT, stdout=full, stderr=subprocess.PIPE, text=True
        )
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "ổ đĩa đã đầy" in result.stderr


@pytest.mark.parametrize(
    "args",
    [
        ("schema", "--out", "/proc/khong-the"),
        ("schema", "--out", "README.md"),
        ("new", "ward", "Hàng Bài", "--catalog", "/proc/khong-the"),
    ],
)
def test_writing_to_a_bad_path_is_a_message(args: tuple[str, ...]) -> None:
    result = run_cli(*args)
    assert result.returncode == 1, result.stdout
    assert "Traceback" not in result.stderr and re.match(r"python -m generator \w+: lỗi: ", result.stderr)


@pytest.mark.parametrize("name", ["\x1b[2J", "a" * 300, "<script>", "!!!", "Hàng\u200bBài"])
def test_new_with_a_bad_name_leaves_nothing_behind(tmp_path: Path, name: str) -> None:
    result = run_cli("new", "ward", name, "--catalog", str(tmp_path))
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "\x1b" not in result.stderr
    assert not [p for p in tmp_path.rglob("*") if p.is_file()]


def test_theme_escapes_what_the_model_would_refuse(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Defence in depth: even a name the model refuses (a quote, a tag) is escaped in <title>,
    <meta name=description>, the header and the navigation, since Material prints them raw."""
    from html.parser import HTMLParser

    from support import FIXTURES, build_site

    from generator import build

    evil = 'An" http-equiv="refresh" content="0;url=https://example.org/ <b>x</b>'
    real_read = build.read_catalog

    def poisoned(root: Path):
        catalog, problems = real_read(root)
        ward = catalog.wards["an-binh"].model_copy(update={"ten": evil})
        return catalog.__class__(**{**catalog.__dict__, "wards": {**catalog.wards, "an-binh": ward}}), problems

    monkeypatch.setattr(build, "read_catalog", poisoned)
    site = build_site(FIXTURES / "valid", tmp_path / "site", pdf=False, search=False)

    class Tags(HTMLParser):
        def __init__(self) -> None:
            super().__init__()
            self.found: list[tuple[str, dict]] = []

        def handle_starttag(self, tag, attrs):
            self.found.append((tag, dict(attrs)))

    for rel in ("phuong/an-binh/index.html", "phuong/an-binh/chung-thuc-ban-sao/index.html"):
        tags = Tags()
        tags.feed((site / rel).read_text(encoding="utf-8"))
        assert not [a for t, a in tags.found if t == "meta" and "http-equiv" in a], rel
        assert not [t for t, _ in tags.found if t == "b"], rel
        (description,) = [a["content"] for t, a in tags.found if t == "meta" and a.get("name") == "description"]
        assert evil in description, rel


def test_a_mistake_repeated_400_times_is_reported_a_few_times_and_counted(real_catalog: Path) -> None:
    root = real_catalog.parent
    period = "  - {tu_ngay: 2021-07-01, den_ngay: 2022-02-28, tiep_nhan: 10, giai_quyet_ngay: 11}\n"
    edit(root, WARD, "ket_qua:\n", "ket_qua:\n" + period * 400)
    started = time.monotonic()
    result = check(root)
    assert time.monotonic() - started < 10
    lines = [line for line in result.stdout.splitlines() if line.startswith(WARD)]
    assert len(lines) < 20, lines  # 4 per repeated mistake, an overlap line, the usual warnings
    assert any("như trên, còn lặp lại ở 397 chỗ khác trong tệp" in line for line in lines)
    assert any("trùng với kỳ" in line and "chỗ trùng khác)" in line for line in lines)
