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
from datetime import timedelta
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
        "procedures/district.yaml:33:15: ngay_ra_soat: ngày rà soát danh mục là 31/12/2024, đã 181 ngày, "
        "quá hạn 180 ngày (cong_bo.han_ra_soat trong district.yaml); hãy rà soát lại các tệp rồi ghi ngày rà soát mới"
    ) in late.stderr
    # The wards in force on the day have their own review dates: each is named with its line.
    assert "procedures/phuong/an-binh.yaml:51:15: ngay_ra_soat: ngày rà soát của phường là 31/12/2024" in late.stderr
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
    assert "  - ngày rà soát quá hạn (ngay_ra_soat): 3 tệp" in result.stderr.splitlines()


def set_review(project: Path, district: str, ward: str | None = None) -> None:
    """The catalog's review date, and the ward An Bình's (default: the same)."""
    for rel, day in (("district.yaml", district), ("phuong/an-binh.yaml", ward or district)):
        path = project / "procedures" / rel
        text = path.read_text(encoding="utf-8")
        path.write_text(re.sub(r"(?m)^ngay_ra_soat: .*$", f"ngay_ra_soat: {day}", text), encoding="utf-8")


def test_publishing_refuses_a_review_date_after_the_build_date(project: Path) -> None:
    """A review date in the future would turn the deadline off for good: refused, with file:line."""
    set_review(project, "2025-07-10")
    result = build(project, "--cong-khai", day="2025-07-01", url=PUBLIC)
    assert result.returncode == 1 and not (project / "site").exists()
    assert (
        "procedures/district.yaml:33:15: ngay_ra_soat: ngày rà soát danh mục (10/07/2025) sau ngày 01/07/2025, "
        "ngày rà soát không được ở tương lai; hãy ghi ngày đã thật sự rà soát"
    ) in result.stderr


def test_publishing_refuses_a_ward_past_its_review_deadline(project: Path) -> None:
    """The catalog reviewed in time, one ward in force not: the ward's own date stops publishing."""
    set_review(project, "2025-06-30", ward="2024-12-31")
    result = build(project, "--cong-khai", day="2025-07-10", url=PUBLIC)
    assert result.returncode == 1, result.stderr
    assert "procedures/phuong/an-binh.yaml:51:15: ngay_ra_soat: ngày rà soát của phường là 31/12/2024" in result.stderr
    assert "procedures/district.yaml" not in result.stderr


def test_a_review_date_after_today_is_not_a_reconstruction(project: Path) -> None:
    """Built for today with a review date after today: a warning, and no page claims to rebuild the past."""
    from generator.settings import today

    later = (today() + timedelta(days=40)).isoformat()
    set_review(project, later)
    env_day = today().isoformat()
    result = build(project, day=env_day)
    assert result.returncode == 0, result.stderr
    assert "  - ngày rà soát ở tương lai (ngay_ra_soat): district.yaml" in result.stderr.splitlines()
    assert "dựng lại thông tin như ngày" not in (project / "site/index.html").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("district", "ward", "expected"),
    [
        ("2099-01-01", None, "ngày rà soát danh mục (01/01/2099) sau ngày 01/07/2025"),
        ("2024-12-31", None, "ngày rà soát danh mục là 31/12/2024, đã 182 ngày, quá hạn 180 ngày"),
        ("2025-06-30", "2024-12-31", "ngày rà soát của phường là 31/12/2024, đã 182 ngày"),
    ],
)
def test_check_says_what_publishing_would_refuse(project: Path, district: str, ward: str | None, expected: str) -> None:
    set_review(project, district, ward)
    env = {**os.environ, "KHONG_CHO_NGAY": "2025-07-01"}
    result = subprocess.run(
        [sys.executable, "-m", "generator", "check"], cwd=project, capture_output=True, text=True, env=env, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr
    line = next(line for line in result.stdout.splitlines() if expected in line)
    assert re.match(r"procedures/(district|phuong/an-binh)\.yaml:\d+:\d+: ngay_ra_soat: ", line), line
    assert "lệnh đăng (make publish) sẽ từ chối" in line


@pytest.mark.parametrize(
    "url",
    [None, "http://127.1:8000/", "http://2130706433/", "http://0x7f000001/", "http://localhost./", "http://may-in/"],
)
def test_publishing_refuses_a_preview_address(project: Path, url: str | None) -> None:
    """However the loopback address is spelled: its QR codes would lead to the printing computer."""
    result = build(project, "--cong-khai", url=url)
    assert result.returncode == 2, result.stderr
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


@pytest.mark.parametrize(
    "target", ["/%00", "/phuong/%00/", b"/\x00".decode(), "/%0d%0aSet-Cookie:x", "/%ff%fe", "/a\x7f"]
)
def test_xem_answers_400_to_a_malformed_request(project: Path, xem, target: str) -> None:
    """A NUL byte dropped the connection with a traceback; now: 400, and the server goes on."""
    import socket

    assert build(project).returncode == 0
    address = xem()
    host, port = re.match(r"http://([\d.]+):(\d+)/", address).groups()
    with socket.create_connection((host, int(port)), timeout=10) as connection:
        connection.sendall(f"GET {target} HTTP/1.0\r\nHost: {host}\r\n\r\n".encode("latin-1"))
        reply = connection.recv(200).decode("latin-1")
    assert reply.startswith("HTTP/1.0 400"), reply
    status, _ = http_get(address + "phuong/an-binh/")
    assert status == 200


def test_the_view_hint_names_the_folder_that_was_built(project: Path) -> None:
    """A build into another folder ended with "make xem", which serves site/."""
    result = build(project, "--site-dir", "ban-thu")
    assert result.returncode == 0, result.stderr
    assert re.fullmatch(
        r"đã dựng \d+ trang vào ban-thu/ trong [\d,]+ giây\. Xem trang: make xem SITE_DIR=ban-thu",
        result.stdout.strip(),
    ), result.stdout


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
