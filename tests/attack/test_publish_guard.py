"""The build never deletes what it did not create (issue 10): output folders that are refused,
the mount-point fallback, and staging folders left by killed builds.

Every test works on a copy of the project, so a guard that failed would delete only the copy.
"""

from __future__ import annotations

import contextlib
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from support import as_in_a_shell, copy_project, run_cli

from generator import publish as publishing


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A copy of what a build reads: mkdocs.yml, the catalog, docs/ and overrides/, plus a .git folder."""
    copy = copy_project(tmp_path / "du-an")
    (copy / ".git").mkdir()
    (copy / ".git" / "HEAD").write_text("ref: refs/heads/main\n", encoding="utf-8")
    return copy


def snapshot(folder: Path) -> dict[str, bytes]:
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def build(project: Path, site_dir: str):
    return run_cli("build", "--site-dir", site_dir, cwd=project)


@pytest.mark.parametrize(
    "site_dir", [".", "procedures", "docs", "overrides", ".git", "..", "/", "docs/site", "procedures/phuong"]
)
def test_output_folder_that_is_or_holds_the_project_is_refused(project: Path, site_dir: str) -> None:
    before = snapshot(project)
    result = build(project, site_dir)
    assert result.returncode == 2, result.stdout + result.stderr
    assert "Traceback" not in result.stderr
    assert "python -m generator build: lỗi: thư mục trang web" in result.stderr
    assert snapshot(project) == before


def test_folder_with_content_not_built_here_is_refused(project: Path) -> None:
    own = project / "tai-lieu"
    own.mkdir()
    (own / "bao-cao.docx").write_bytes(b"quan trong")
    result = build(project, "tai-lieu")
    assert result.returncode == 2 and "không do công cụ này dựng" in result.stderr
    assert (own / "bao-cao.docx").read_bytes() == b"quan trong"


def test_a_file_as_output_folder_is_refused(project: Path) -> None:
    (project / "site").write_text("không phải thư mục", encoding="utf-8")
    result = build(project, "site")
    assert result.returncode == 2 and "không phải thư mục" in result.stderr


def test_output_folder_in_an_unwritable_place_is_a_message(project: Path) -> None:
    result = build(project, "/proc/site")
    assert result.returncode == 2 and "Traceback" not in result.stderr and "lỗi:" in result.stderr


def test_new_empty_and_marked_folders_are_built_and_marked(project: Path) -> None:
    (project / "rong").mkdir()
    for name in ("site", "rong", "site"):  # the second build of site/ replaces a marked folder
        result = build(project, name)
        assert result.returncode == 0, result.stderr
        assert (project / name / publishing.MARKER).is_file()
        assert (project / name / "phuong/an-binh/index.html").is_file()


def test_staging_folders_of_killed_builds_are_removed(project: Path) -> None:
    """Only folders that carry the build's own marker: a staging folder, or a replaced site."""
    (project / ".site-new-abc123" / "phuong").mkdir(parents=True)
    (project / ".site-new-abc123" / publishing.STAGING).write_text("", encoding="utf-8")
    (project / ".site-old-def456").mkdir()
    (project / ".site-old-def456" / publishing.MARKER).write_text(publishing.MARKER_TEXT, encoding="utf-8")
    result = build(project, "site")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


@pytest.mark.parametrize("name", [".site-new-abc123", ".site-old-def456", ".site-new-", ".site-old-x.y"])
@pytest.mark.parametrize("outcome", ["passes", "fails"])
def test_a_folder_named_like_a_staging_folder_survives_every_build(project: Path, name: str, outcome: str) -> None:
    """Someone's own folder that only looks like ours is never removed, by a build that passes or fails."""
    mine = project / name
    mine.mkdir()
    (mine / "ghi-chu.txt").write_text("của tôi", encoding="utf-8")
    if outcome == "fails":
        (project / "procedures/district.yaml").write_text("id: [\n", encoding="utf-8")
    result = build(project, "site")
    assert result.returncode == (0 if outcome == "passes" else 1), result.stderr
    assert (mine / "ghi-chu.txt").read_text(encoding="utf-8") == "của tôi"


def _workers(pid: int) -> set[int]:
    """The forked worker processes of build ``pid`` (Linux /proc): children running the same command
    (WeasyPrint's look-up of its libraries runs other short-lived children first)."""
    found = set()
    command = Path(f"/proc/{pid}/cmdline").read_bytes()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        with contextlib.suppress(OSError):
            for child in (task / "children").read_text().split():
                with contextlib.suppress(OSError):
                    if Path(f"/proc/{child}/cmdline").read_bytes() == command:
                        found.add(int(child))
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except (OSError, IndexError):
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="needs Linux /proc to find worker processes")
def test_a_build_killed_during_pdf_layout_leaves_no_worker_and_no_lock(project: Path) -> None:
    """kill -9 while PDFs are laid out: the workers end with it, and the next build runs to its end."""
    env = {**os.environ, "KHONG_CHO_PDF_PROCESSES": "2", "KHONG_CHO_CHO_KHOA": "60"}
    command = [sys.executable, "-m", "generator", "build", "--site-dir", "site"]
    first = subprocess.Popen(command, cwd=project, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    workers: set[int] = set()
    deadline = time.monotonic() + 120
    while not workers and first.poll() is None and time.monotonic() < deadline:
        with contextlib.suppress(OSError):
            workers = _workers(first.pid)
        time.sleep(0.01)
    assert workers, "the build ended before its PDF workers could be seen"
    first.kill()  # SIGKILL: no clean-up of its own
    first.wait(timeout=10)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.05)
    assert not [pid for pid in workers if _alive(pid)], "a worker outlived its build"
    second = subprocess.run(command, cwd=project, env=env, capture_output=True, text=True, timeout=180)
    assert second.returncode == 0, second.stderr
    assert (project / "site/phuong/an-binh/index.html").is_file()
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []


def test_a_busy_lock_is_said_and_waited_for_a_bounded_time(project: Path) -> None:
    """Another build holds the folder: the second says so at once, waits, then gives up with a message."""
    import fcntl

    fd = os.open(project, os.O_RDONLY)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        env = {**os.environ, "KHONG_CHO_CHO_KHOA": "2"}
        started = time.monotonic()
        result = subprocess.run(
            [sys.executable, "-m", "generator", "build", "--site-dir", "site"],
            cwd=project,
            env=env,
            capture_output=True,
            text=True,
            timeout=60,
        )
        waited = time.monotonic() - started
    finally:
        os.close(fd)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "Một lần dựng trang khác đang chạy với thư mục" in result.stderr
    assert "vẫn đang chạy" in result.stderr and "sau 2 giây" in result.stderr
    assert 2 <= waited < 30
    assert not (project / "site").exists()


def test_a_mount_point_is_filled_in_place(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A container volume cannot be renamed: its content is replaced file by file, the folder stays."""
    site = project / "site"
    site.mkdir()
    (site / publishing.MARKER).write_text(publishing.MARKER_TEXT, encoding="utf-8")
    (site / "cu.html").write_text("trang cũ", encoding="utf-8")
    (site / "phuong").write_text("một tệp sẽ thành thư mục", encoding="utf-8")
    inode = site.stat().st_ino
    real_ismount = os.path.ismount
    monkeypatch.setattr(publishing.os.path, "ismount", lambda p: Path(p) == site or real_ismount(p))
    monkeypatch.chdir(project)
    pages = publishing.publish(project / "mkdocs.yml", site, project / "procedures")
    assert pages > 10 and site.stat().st_ino == inode
    assert not (site / "cu.html").exists()
    assert (site / "phuong/an-binh/index.html").is_file() and (site / publishing.MARKER).is_file()
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []


def test_a_rename_refused_by_the_system_falls_back_to_copying(project: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = project / "site"
    site.mkdir()
    (site / publishing.MARKER).write_text(publishing.MARKER_TEXT, encoding="utf-8")
    real_rename = Path.rename

    def busy(self: Path, target: Path) -> Path:
        if self == site:
            raise OSError(16, "Device or resource busy", str(self))
        return real_rename(self, target)

    monkeypatch.setattr(Path, "rename", busy)
    monkeypatch.chdir(project)
    assert publishing.publish(project / "mkdocs.yml", site, project / "procedures") > 10
    assert (site / "phuong/an-binh/index.html").is_file()


def test_concurrent_builds_take_turns(project: Path) -> None:
    import subprocess
    import sys

    command = [sys.executable, "-m", "generator", "build", "--site-dir", "site"]
    runs = [subprocess.Popen(command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(2)]
    assert [run.wait(timeout=300) for run in runs] == [0, 0]
    assert (project / "site/phuong/an-binh/index.html").is_file()
    assert [p.name for p in project.iterdir() if p.name.startswith(".site")] == []


def test_ctrl_c_during_a_build_is_one_line_and_exit_130(tmp_path: Path) -> None:
    """Ctrl+C (SIGINT) in the middle of a build of the real catalog: no traceback, site/ as it was."""
    import signal

    from support import REAL_CATALOG

    project = copy_project(tmp_path / "du-an", REAL_CATALOG)
    command = [sys.executable, "-m", "generator", "build", "--site-dir", "site"]
    run = subprocess.Popen(
        command, cwd=project, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, preexec_fn=as_in_a_shell
    )
    deadline = time.monotonic() + 60
    while not list(project.glob(".site-new-*")) and time.monotonic() < deadline:
        time.sleep(0.05)
    time.sleep(1.0)  # inside the build
    run.send_signal(signal.SIGINT)
    out, err = run.communicate(timeout=60)
    assert run.returncode == 130, out + err
    assert "Traceback" not in err and err.strip().splitlines()[-1] == "Đã dừng (Ctrl+C).", err
    assert not (project / "site").exists() and not list(project.glob(".site-*"))


@pytest.mark.parametrize("method", ["fork", "forkserver"])
def test_only_forked_workers_close_the_builds_descriptors(method: str, monkeypatch: pytest.MonkeyPatch) -> None:
    """A forked worker holds copies of the build's descriptors under the same numbers and closes them;
    one started by the forkserver (threads running: MkDocs' preview, a test's browser) holds none,
    and closing those numbers there closed its own result pipe once: the build waited for ever."""
    import multiprocessing

    from generator import notice, workers

    seen: dict[str, tuple] = {}

    class Pool:
        def __init__(self, **options: object) -> None:
            seen["initargs"] = options["initargs"]

        def __enter__(self) -> Pool:
            return self

        def __exit__(self, *exc: object) -> None:
            return None

        def submit(self, *args: object) -> None:
            raise AssertionError("no job here")

    monkeypatch.setattr(notice, "ProcessPoolExecutor", Pool)
    monkeypatch.setattr(notice, "_context", lambda: multiprocessing.get_context(method))
    monkeypatch.setattr(notice, "processes", lambda: 2)
    monkeypatch.setattr(notice, "_weasyprint", lambda: None)
    fd = os.open(os.devnull, os.O_RDONLY)
    workers.keep_private(fd)
    try:
        assert notice.lay_out_all([]) == {}
    finally:
        workers.forget(fd)
        os.close(fd)
    parent, descriptors = seen["initargs"]
    if method == "fork":
        assert parent == os.getpid() and fd in descriptors
    else:
        assert parent is None and descriptors == ()
