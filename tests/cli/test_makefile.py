"""The README's contract, from a fresh copy of the repository (issue 16): ``make site`` installs only
what building needs, ends with the warnings summary, and ``make xem`` serves a page that loads.

The copy holds exactly the files git would clone (tracked and not ignored), in a new folder with
no .venv: the first ``make site`` creates it from the package registry (pip's cache helps).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from support import ROOT, as_in_a_shell

TEST_TOOLS = {"pytest", "hypothesis", "ruff", "playwright", "axe-playwright-python", "pypdfium2", "zxing-cpp"}
"""The ``dev`` extra of pyproject.toml: what only ``make test`` installs."""


def clone_files() -> list[str]:
    """What ``git clone`` would bring: tracked files, plus new ones not yet committed but not ignored."""
    listing = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    )
    return [name for name in listing.stdout.decode("utf-8").split("\0") if name and (ROOT / name).is_file()]


@pytest.fixture(scope="module")
def clone(tmp_path_factory: pytest.TempPathFactory) -> Path:
    if shutil.which("git") is None or not (ROOT / ".git").exists():
        pytest.fail("these tests copy the repository as git would clone it: they need git and a git checkout")
    target = tmp_path_factory.mktemp("clone") / "khong-cho"
    for name in clone_files():
        (target / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / name, target / name)
    return target


def clean_env() -> dict[str, str]:
    """The environment of a ward officer's shell: no site address, no date, no active venv, and not
    inside another make (CI runs ``make test``: a make under it would print "make[1]: Entering
    directory" lines that a ward officer never sees)."""
    outside = ("SITE_URL", "KHONG_CHO_NGAY", "VIRTUAL_ENV", "PYTHONPATH", "MAKELEVEL", "MAKEFLAGS", "MFLAGS")
    env = {k: v for k, v in os.environ.items() if k not in outside}
    venv_bin = str(ROOT / ".venv" / "bin")
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p != venv_bin)
    return env


@pytest.fixture(scope="module")
def make_site(clone: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["make", "site"], cwd=clone, capture_output=True, text=True, encoding="utf-8", env=clean_env(), timeout=1200
    )


def test_make_site_builds_the_site(clone: Path, make_site: subprocess.CompletedProcess[str]) -> None:
    assert make_site.returncode == 0, make_site.stdout[-3000:] + make_site.stderr[-3000:]
    assert (clone / "site" / "index.html").is_file()
    assert (clone / "site" / "phuong" / "hang-bai" / "index.html").is_file()


def test_make_site_installs_no_test_tool(clone: Path, make_site: subprocess.CompletedProcess[str]) -> None:
    assert make_site.returncode == 0
    listing = subprocess.run(
        [str(clone / ".venv" / "bin" / "python"), "-m", "pip", "list", "--format=json", "--disable-pip-version-check"],
        capture_output=True,
        text=True,
        check=True,
    )
    installed = {package["name"].lower().replace("_", "-") for package in json.loads(listing.stdout)}
    assert {"mkdocs", "mkdocs-material", "weasyprint", "pydantic", "pagefind"} <= installed
    assert not (installed & TEST_TOOLS), sorted(installed & TEST_TOOLS)


def test_make_site_ends_with_the_warnings_summary(make_site: subprocess.CompletedProcess[str]) -> None:
    output = make_site.stderr.splitlines()
    head = [i for i, line in enumerate(output) if line.startswith("Danh mục: ")]
    assert len(head) == 1, make_site.stderr
    match = re.fullmatch(r"Danh mục: 0 lỗi, (\d+) cảnh báo — chạy `make check` để xem từng dòng:", output[head[0]])
    assert match, output[head[0]]
    kinds = [line for line in output[head[0] + 1 :] if line.startswith("  - ")]
    assert 1 <= len(kinds) <= int(match.group(1))
    assert "  - chưa có số điện thoại (dien_thoai): 5 phường" in kinds
    # No warning is listed line by line, and MkDocs' progress lines are not shown.
    assert not any(re.match(r"procedures/\S+:\d+:\d+: ", line) for line in make_site.stdout.splitlines() + output)
    assert "INFO" not in make_site.stderr
    assert re.search(r"đã dựng \d+ trang vào site/ trong [\d,]+ giây\. Xem trang: make xem", make_site.stdout)


def start_make(clone: Path, *args: str) -> subprocess.Popen[str]:
    """A long-running make target (a server), its output merged, in its own process group."""
    return subprocess.Popen(
        ["make", *args],
        cwd=clone,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        encoding="utf-8",
        env=clean_env(),
        start_new_session=True,
        preexec_fn=as_in_a_shell,
    )


@pytest.fixture(scope="module")
def make_xem(clone: Path, make_site: subprocess.CompletedProcess[str]) -> Iterator[str]:
    assert make_site.returncode == 0
    process = start_make(clone, "xem", "PORT=0")
    try:
        seen = []
        for line in process.stdout:
            seen.append(line)
            match = re.search(r"đang mở tại: (http://127\.0\.0\.1:\d+/)", line)
            if match:
                yield match.group(1)
                break
        else:
            pytest.fail("make xem printed no address:\n" + "".join(seen))
    finally:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)


def test_make_xem_serves_the_site(make_xem: str) -> None:
    with urllib.request.urlopen(make_xem + "phuong/hang-bai/", timeout=10) as response:
        assert response.status == 200
        assert "<title>Phường Hàng Bài - Thủ tục hành chính không chờ</title>" in response.read().decode("utf-8")


@pytest.mark.browser
def test_a_page_served_by_make_xem_loads_in_a_browser(make_xem: str, browser) -> None:
    page = browser.new_page()
    failed: list[str] = []
    page.on("requestfailed", lambda request: failed.append(request.url))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    page.goto(make_xem)
    page.get_by_role("link", name=re.compile("Các phường|Phường")).first.click()
    page.wait_for_load_state("load")
    assert page.url.startswith(make_xem + "phuong/")
    assert page.locator("h1").first.is_visible()
    assert not failed, failed
    page.close()


# --- the console speaks to staff (issue 22) -------------------------------------------------------


def test_a_failed_make_check_ends_with_its_own_message(
    clone: Path, make_site: subprocess.CompletedProcess[str]
) -> None:
    """No "make: *** [Makefile:…: check] Error 1" after the problems already printed."""
    assert make_site.returncode == 0
    district = clone / "procedures" / "district.yaml"
    before = district.read_text(encoding="utf-8")
    district.write_text(before.replace("ngay_ra_soat: ", "ngay_ra_soat: khong-phai-ngay #"), encoding="utf-8")
    try:
        result = subprocess.run(
            ["make", "check"],
            cwd=clone,
            capture_output=True,
            text=True,
            encoding="utf-8",
            env=clean_env(),
            timeout=300,
            preexec_fn=as_in_a_shell,
        )
    finally:
        district.write_text(before, encoding="utf-8")
    assert result.returncode != 0
    assert "procedures/district.yaml:" in result.stdout and "ngay_ra_soat" in result.stdout
    assert "make:" not in result.stdout + result.stderr and "Error" not in result.stderr, result.stderr


def test_make_serve_speaks_vietnamese_from_the_first_line(clone: Path, make_site: subprocess.CompletedProcess[str]):
    """No MkDocs INFO line, no warning that the editors' guide is "not included in the nav"."""
    import socket

    assert make_site.returncode == 0
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    process = start_make(clone, "serve", f"PORT={port}")
    seen: list[str] = []
    try:
        for line in process.stdout:
            seen.append(line.rstrip("\n"))
            if line.startswith("Danh mục: "):
                break
        deadline = time.monotonic() + 120
        while True:  # the server listens once the first build is done
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/huong-dan-bien-tap/", timeout=30) as response:
                    assert response.status == 200  # the guide is served, reached from the footer as meant
                break
            except urllib.error.URLError:
                assert time.monotonic() < deadline, seen
                time.sleep(0.5)
    finally:
        os.killpg(process.pid, signal.SIGINT)
        process.wait(timeout=30)
    assert seen[0].startswith(f"Đang dựng bản xem trước; xong sẽ mở tại: http://127.0.0.1:{port}/"), seen
    english = [
        line for line in seen if re.search(r"\b(INFO|WARNING|Serving|Building|not included|Documentation)\b", line)
    ]
    assert english == [], seen
