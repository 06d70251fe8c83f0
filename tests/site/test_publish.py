"""Publishing is atomic: a failed or interrupted build leaves the previous site/ as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from support import FIXTURES, ROOT, run_cli

from generator import publish as publishing


def previous_site(tmp_path: Path) -> Path:
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("bản cũ", encoding="utf-8")
    (site / publishing.MARKER).write_text(publishing.MARKER_TEXT, encoding="utf-8")  # built here before
    return site


def leftovers(tmp_path: Path) -> list[str]:
    return sorted(p.name for p in tmp_path.iterdir() if p.name.startswith((".site-new-", ".site-old-")))


def test_failed_build_keeps_the_previous_site(tmp_path: Path) -> None:
    site = previous_site(tmp_path)
    result = run_cli("build", "--site-dir", str(site), "--catalog", str(FIXTURES / "broken"))
    assert result.returncode == 1
    assert "giữ nguyên" in result.stderr and "ba-dinh.yaml:5:13: dien_thoai:" in result.stderr
    assert (site / "index.html").read_text(encoding="utf-8") == "bản cũ"
    assert leftovers(tmp_path) == []


def test_interrupted_build_keeps_the_previous_site(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    site = previous_site(tmp_path)

    def interrupted(config: object) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(publishing, "build", interrupted)
    with pytest.raises(KeyboardInterrupt):
        publishing.publish(ROOT / "mkdocs.yml", site, FIXTURES / "valid")
    assert (site / "index.html").read_text(encoding="utf-8") == "bản cũ"
    assert leftovers(tmp_path) == []


def test_successful_build_replaces_the_site(tmp_path: Path) -> None:
    site = previous_site(tmp_path)
    pages = publishing.publish(ROOT / "mkdocs.yml", site, FIXTURES / "valid")
    assert pages >= 10
    assert "An Bình" in (site / "phuong/an-binh/index.html").read_text(encoding="utf-8")
    assert (site / "index.html").read_text(encoding="utf-8") != "bản cũ"
    assert leftovers(tmp_path) == []
    assert site.stat().st_mode & 0o755 == 0o755
