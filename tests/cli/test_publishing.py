"""Publishing and looking at a build (issue 16): the warnings summary, the review deadline of
``make publish``, a preview build without canonical links or sitemap, and ``generator xem``.

Builds work on a copy of the project with the small fixture catalog (reviewed 31/12/2024).
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import copy_project, http_get, run_cli

from generator.problems import Problem, Severity, digest


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """mkdocs.yml, docs/, overrides/ and a writable copy of the fixture catalog."""
    return copy_project(tmp_path / "du-an")


def build(project: Path, *args: str, day: str = "2025-01-02", url: str | None = None) -> subprocess.CompletedProcess:
    env = {**os.environ, "KHONG_CHO_NGAY": day, "KHONG_CHO_NO_PDF": "1"}
    env.pop("SITE_URL", None)
    if url:
        env["SITE_URL"] = url
    return subprocess.run(
        [sys.executable, "-m", "generator", "build", *args],
        cwd=project,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=env,
        timeout=300,
    )


# --- the summary of warnings -------------------------------------------------------------------


def warning(path: str, field: str, message: str, kind: str = "") -> Problem:
    return Problem(path, 3, 1, field, message, Severity.WARNING, kind)


def test_digest_counts_each_kind_once_with_where_it_occurs() -> None:
    phone = "chưa có số điện thoại; trang web sẽ ghi 'đang cập nhật'"
    problems = [warning(f"procedures/phuong/p{i}.yaml", "dien_thoai", phone) for i in range(18)]
    problems += [warning("procedures/phuong/p1.yaml", "ket_qua[0].nguon", "số liệu chưa ghi nguồn (nguon)")]
    problems += [warning("procedures/phuong/p2.yaml", "ket_qua[3].nguon", "số liệu chưa ghi nguồn (nguon)")]
    problems += [
        warning("procedures/district.yaml", "mo_hinh", "chưa có văn bản triển khai mô hình (van_ban_trien_khai)")
    ]
    problems += [warning(f"procedures/thu-tuc/t{i}.yaml", "(tệp)", "dòng đầu nên là '# x' để gợi ý") for i in range(3)]
    lines = digest(problems, "chạy `make check` để xem từng dòng")
    assert lines == [
        "0 lỗi, 24 cảnh báo — chạy `make check` để xem từng dòng:",
        "  - chưa có số điện thoại (dien_thoai): 18 phường",
        "  - dòng đầu nên là … để gợi ý: 3 thủ tục",
        "  - số liệu chưa ghi nguồn (nguon): p1.yaml, p2.yaml",
        "  - chưa có văn bản triển khai mô hình (van_ban_trien_khai): district.yaml",
    ]


def test_digest_uses_an_explicit_kind_when_the_message_varies() -> None:
    problems = [
        warning(f"procedures/phuong/p{i}.yaml", "x", f"áp phích của phường P{i} dài {i + 2} trang", "bản in dài quá")
        for i in range(4)
    ]
    assert digest(problems, "h")[1:] == ["  - bản in dài quá: 4 phường"]


def test_digest_without_warnings_is_the_count_alone() -> None:
    assert digest([], "h") == ["0 lỗi, 0 cảnh báo."]


def test_a_build_ends_in_one_summary_line_per_kind(project: Path) -> None:
    for name in ("an-binh", "bo-song"):
        path = project / "procedures" / "phuong" / f"{name}.yaml"
        text, count = re.subn(r"(?m)^dien_thoai:.*$", "dien_thoai:", path.read_text(encoding="utf-8"))
        assert count == 1
        path.write_text(text, encoding="utf-8")
    result = build(project)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    head = next(i for i, line in enumerate(lines) if line.startswith("Danh mục: "))
    assert re.fullmatch(r"Danh mục: 0 lỗi, \d+ cảnh báo — chạy `make check` để xem từng dòng:", lines[head])
    assert "  - chưa có số điện thoại (dien_thoai): an-binh.yaml, bo-song.yaml" in lines[head + 1 :]
    assert not any(line.startswith("procedures/") for line in lines), "warnings are summed up, not listed"
    assert "Documentation built" not in result.stderr and "INFO" not in result.stderr
    assert re.search(r"đã dựng \d+ trang vào site/ trong [\d,]+ giây\. Xem trang: make xem", result.stdout)


def test_errors_are_still_printed_in_full(project: Path) -> None:
    path = project / "procedures" / "phuong" / "bo-song.yaml"
    path.write_text(path.read_text(encoding="utf-8").replace("ten:", "ten: [", 1), encoding="utf-8")
    result = build(project)
    assert result.returncode == 1
    assert re.search(r"procedures/phuong/bo-song\.yaml:\d+:\d+: \(tệp\): ", result.stderr), result.stderr


# --- make publish: the review deadline ---------------------------------------------------------

PUBLIC = "https://khong-cho.example/"


def test_publishing_refuses_a_catalog_past_its_review_deadline(project: Path) -> None:
    # Reviewed 31/12/2024; 180 days later is 29/06/2025.
    on_time = build(project, "--cong-khai", day="2025-06-29", url=PUBLIC)
    assert on_time.returncode == 0, on_time.stderr
    before = (project / "site" / "index.html").read_bytes()
    late = build(project, "--cong-khai", day="2025-06-30", url=PUBLIC)
    assert late.returncode == 1
    assert (
        "procedures/district.yaml:33:15: ngay_ra_soat: danh mục rà soát lần cuối ngày 31/12/2024, đã 181 ngày, "
        "quá hạn 180 ngày (cong_bo.han_ra_soat); hãy rà soát lại các tệp rồi ghi ngày rà soát mới"
    ) in late.stderr
    assert (project / "site" / "index.html").read_bytes() == before, "the published site stays as it was"


def test_the_district_sets_the_deadline(project: Path) -> None:
    path = project / "procedures" / "district.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("cong_bo:\n", "cong_bo:\n  han_ra_soat: 400\n"), encoding="utf-8"
    )
    assert build(project, "--cong-khai", day="2025-06-30", url=PUBLIC).returncode == 0


def test_a_preview_build_past_the_deadline_only_warns(project: Path) -> None:
    result = build(project, day="2025-06-30")
    assert result.returncode == 0, result.stderr
    assert (
        "  - danh mục rà soát lần cuối ngày 31/12/2024, đã 181 ngày, quá hạn 180 ngày (cong_bo.han_ra_soat): "
        "district.yaml"
    ) in result.stderr.splitlines()


def test_publishing_refuses_a_preview_address(project: Path) -> None:
    result = build(project, "--cong-khai")
    assert result.returncode == 2
    assert "địa chỉ xem trước" in result.stderr and not (project / "site").exists()


# --- a preview is nobody's canonical address ---------------------------------------------------


def test_a_preview_build_has_no_canonical_links_and_an_empty_sitemap(project: Path) -> None:
    assert build(project).returncode == 0
    site = project / "site"
    pages = list(site.rglob("*.html"))
    assert pages and not any('rel="canonical"' in p.read_text(encoding="utf-8") for p in pages)
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert "<urlset" in sitemap and "<url>" not in sitemap and "127.0.0.1" not in sitemap


def test_a_public_build_has_canonical_links_and_a_full_sitemap(project: Path) -> None:
    assert build(project, url=PUBLIC).returncode == 0
    site = project / "site"
    assert f'<link rel="canonical" href="{PUBLIC}phuong/an-binh/">' in (site / "phuong/an-binh/index.html").read_text(
        encoding="utf-8"
    )
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{PUBLIC}phuong/an-binh/</loc>" in sitemap
    # Every page but the notices' print pages (HTML written beside the PDFs, not MkDocs pages).
    pages = [p for p in site.rglob("index.html") if p.parent.parent.name != "thong-bao"]
    assert sitemap.count("<url>") == len(pages)


# --- generator xem: the built site on this computer --------------------------------------------


@pytest.fixture
def xem(project: Path) -> Iterator[callable]:
    processes: list[subprocess.Popen] = []

    def start(*args: str) -> str:
        """Start ``generator xem`` with ``args`` (default: any free port); the address it prints."""
        process = subprocess.Popen(
            [sys.executable, "-m", "generator", "xem", *(args or ("--port", "0"))],
            cwd=project,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            encoding="utf-8",
        )
        processes.append(process)
        line = process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:\d+/\S*", line)
        assert match, line + process.stderr.read()
        return match.group(0)

    yield start
    for process in processes:
        process.terminate()
        process.wait(timeout=10)


def test_xem_serves_the_site_without_folder_listings(project: Path, xem) -> None:
    assert build(project).returncode == 0
    address = xem()
    assert address.endswith(":" + address.split(":")[-1]) and address.endswith("/")
    status, html = http_get(address + "phuong/an-binh/")
    assert status == 200 and "<title>Phường An Bình" in html
    status, html = http_get(address + "assets/")
    assert status == 404 and "Không tìm thấy trang" in html and "Index of" not in html
    status, html = http_get(address + "khong-co/")
    assert status == 404 and "Không tìm thấy trang" in html


def test_xem_serves_a_site_at_the_path_of_its_address(project: Path, xem) -> None:
    assert build(project, url="https://khong-cho.example/thu-tuc-khong-cho/").returncode == 0
    address = xem()
    assert address.endswith("/thu-tuc-khong-cho/")
    status, html = http_get(address + "phuong/an-binh/")
    assert status == 200 and "Phường An Bình" in html
    root = address.rsplit("/thu-tuc-khong-cho/", 1)[0] + "/"
    opener = urllib.request.build_opener(
        type("NoRedirect", (urllib.request.HTTPRedirectHandler,), {"redirect_request": lambda *a: None})
    )
    with pytest.raises(urllib.error.HTTPError) as redirect:
        opener.open(root, timeout=10)
    assert redirect.value.code == 302 and redirect.value.headers["Location"] == "/thu-tuc-khong-cho/"


def test_xem_without_a_built_site_says_what_to_do(project: Path) -> None:
    result = run_cli("xem", "--site-dir", "site", "--port", "0", cwd=project)
    assert result.returncode == 2
    assert (
        result.stderr == "python -m generator xem: lỗi: chưa có trang web trong 'site': hãy dựng trước bằng make site\n"
    )


def test_xem_moves_to_the_next_port_when_one_is_taken(project: Path, xem) -> None:
    import socket

    assert build(project).returncode == 0
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        address = xem("--port", str(port))
        served = int(re.search(r"127\.0\.0\.1:(\d+)/", address).group(1))
        assert served != port and port < served < port + 20
        deadline = time.monotonic() + 10
        while http_get(address)[0] != 200:
            assert time.monotonic() < deadline
            time.sleep(0.1)
