"""The build never deletes what it did not create (issue 10): output folders that are refused,
the mount-point fallback, and staging folders left by killed builds.

Every test works on a copy of the project, so a guard that failed would delete only the copy.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from support import copy_project, run_cli

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
    for stale in (".site-new-abc123", ".site-old-def456"):
        (project / stale / "phuong").mkdir(parents=True)
        (project / stale / "phuong" / "index.html").write_text("cũ", encoding="utf-8")
    result = build(project, "site")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in project.iterdir() if p.name.startswith(".site")) == []


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
