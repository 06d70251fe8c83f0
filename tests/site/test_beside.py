"""The generator beside MkDocs (issue 25): the same site as when it runs in the build's own process, and
a generator that fails or dies stops the build with a message instead of leaving it waiting.

Each build runs in a child Python process: the generator is forked only from a process with one
thread, and the test process may have others (a browser's)."""

from __future__ import annotations

import hashlib
import subprocess
import sys
from pathlib import Path

from support import FIXTURES, ROOT

from generator import notice, render

SCRIPT = """
import logging
import sys
from pathlib import Path
logging.basicConfig(stream=sys.stderr, level=logging.WARNING, format="%(levelname)s %(message)s")
sys.path[:0] = [{tests!r}, {root!r}]
from generator import beside, build
mode, site = sys.argv[1], Path(sys.argv[2])
started = []
real_init = beside.Beside.__init__
def init(self, produce, job, **kwargs):
    started.append(job)
    real_init(self, produce, job, **kwargs)
beside.Beside.__init__ = init
if mode == "in-process":
    beside.may_fork = lambda: False
elif mode == "dies":
    import os
    build.planned = lambda *args, **kwargs: os._exit(3)
elif mode == "fails":
    def broken(page, at):
        raise ValueError("hỏng trang " + page.path)
    build.render_page = broken
elif mode == "maker-fails":
    from generator import feeds
    def broken_feeds(at, wards):
        raise ValueError("hỏng nguồn tin")
    feeds.files = broken_feeds
from support import FIXTURES, build_site
build_site(FIXTURES / "valid", site, pdf=False, search=False)
print("beside" if started else "in-process")
"""


def run(mode: str, site: Path) -> subprocess.CompletedProcess[str]:
    script = SCRIPT.format(tests=str(ROOT / "tests"), root=str(ROOT))
    return subprocess.run(
        [sys.executable, "-c", script, mode, str(site)], capture_output=True, text=True, timeout=300, cwd=ROOT
    )


def digest(site: Path) -> dict[str, str]:
    return {
        path.relative_to(site).as_posix(): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(site.rglob("*"))
        if path.is_file()
    }


def test_beside_and_in_process_make_the_same_site(tmp_path: Path) -> None:
    beside_run = run("beside", tmp_path / "beside")
    assert beside_run.returncode == 0, beside_run.stderr[-3000:]
    assert beside_run.stdout.split()[-1] == "beside"
    alone = run("in-process", tmp_path / "alone")
    assert alone.returncode == 0, alone.stderr[-3000:]
    assert alone.stdout.split()[-1] == "in-process"
    first, second = digest(tmp_path / "beside"), digest(tmp_path / "alone")
    assert len(first) > 100 and first.keys() == second.keys()
    assert [name for name in first if first[name] != second[name]] == []


def test_a_generator_that_dies_stops_the_build_with_a_message(tmp_path: Path) -> None:
    """Killed (the out-of-memory killer, a crash in a library): the build says so and ends at once."""
    done = run("dies", tmp_path / "site")
    assert done.returncode != 0
    assert "phần dựng trang chạy song song đã dừng bất ngờ (mã thoát 3); hãy dựng lại" in done.stderr
    assert not (tmp_path / "site" / "index.html").exists()


def test_an_error_in_the_generator_is_raised_in_the_build_with_its_traceback(tmp_path: Path) -> None:
    done = run("fails", tmp_path / "site")
    assert done.returncode != 0
    assert "ValueError: hỏng trang index.md" in done.stderr
    assert "in broken" in done.stderr  # the generator's own traceback, carried over
    assert not (tmp_path / "site" / "index.html").exists()


def test_an_error_where_the_other_files_are_made_is_raised_in_the_build(tmp_path: Path) -> None:
    """Open data, feeds and printed matter are made by a third process: its error comes back too."""
    done = run("maker-fails", tmp_path / "site")
    assert done.returncode != 0
    assert "ValueError: hỏng nguồn tin" in done.stderr
    assert "in broken_feeds" in done.stderr


def test_every_file_named_before_it_is_made_is_made(tmp_path: Path) -> None:
    """MkDocs lists the files before they are made: the names given then are exactly the files made,
    with PDFs (notices, posters, handouts, tat-ca.pdf) and without."""
    from support import site_at

    from generator import build
    from generator.pipeline import read_catalog

    catalog, _ = read_catalog(FIXTURES / "valid")
    for pdf in (False, True):
        at = site_at(catalog, "https://khong-cho.example/", pdf=pdf)
        plan = build.planned(at, ROOT / "docs", tmp_path / "cache")
        made = [output.path for output in plan.make().outputs]
        assert made == plan.paths
        assert ("thong-bao/tat-ca.pdf" in made) is pdf and "du-lieu/danh-muc.json" in made


def test_qr_codes_are_kept_between_builds_and_a_damaged_one_is_made_again(tmp_path: Path) -> None:
    url = "https://khong-cho.example/phuong/an-binh/?ban=2025-01-02"
    made = notice.qr_data_uri(url)
    notice._qr.pop(url)
    codes = notice.QrCodes(tmp_path)
    assert codes(url) == made and codes.new == 1
    (entry,) = tmp_path.rglob("*.svg")
    notice._qr.pop(url)
    again = notice.QrCodes(tmp_path)
    assert again(url) == made and again.new == 0  # read from the folder, not made
    entry.write_bytes(entry.read_bytes().replace(b"svg", b"SVG", 1))
    notice._qr.pop(url)
    damaged = notice.QrCodes(tmp_path)
    assert damaged(url) == made and damaged.new == 1
    notice._qr.pop(url)
    assert notice.QrCodes(tmp_path)(url) == made


def test_compiled_templates_are_kept_and_a_damaged_entry_is_compiled_again(tmp_path: Path) -> None:
    from support import site_at

    from generator import pages
    from generator.pipeline import read_catalog

    catalog, _ = read_catalog(FIXTURES / "valid")
    at = site_at(catalog, "https://khong-cho.example/")
    page = next(p for p in pages.table(at) if p.path == "index.md")
    try:
        render.keep_compiled(None)
        expected = render.render_page(page, at).content
        for damage in (None, b"hong"):
            render.environment().cache.clear()  # as a new process: templates not in memory
            render.keep_compiled(tmp_path)
            if damage is not None:
                for entry in tmp_path.rglob("*.bin"):
                    entry.write_bytes(entry.read_bytes()[:70] + damage)
            assert render.render_page(page, at).content == expected
        assert len(list((tmp_path / "pages").glob("*.bin"))) >= 3
    finally:
        render.keep_compiled(None)
        render.environment().cache.clear()


def test_each_environment_keeps_its_own_compiled_templates(tmp_path: Path) -> None:
    """The shared wording compiles to other code for the notices (HTML) than for the pages (Markdown,
    every value escaped): a page must never run the notices' code. Catalog text with markup stays
    text on the page after the notices have compiled the shared templates into the same cache."""
    from support import site_at

    from generator import pages
    from generator.pipeline import read_catalog

    catalog, _ = read_catalog(FIXTURES / "valid")
    ward = catalog.wards["an-binh"]
    adoption = ward.thu_tuc_khong_cho[0]
    condition = adoption.dieu_kien_them[0].model_copy(update={"noi_dung": "<em>nghiêng</em> điều kiện"})
    evil = adoption.model_copy(update={"dieu_kien_them": [condition, *adoption.dieu_kien_them[1:]]})
    wards = {
        **catalog.wards,
        "an-binh": ward.model_copy(update={"thu_tuc_khong_cho": [evil, *ward.thu_tuc_khong_cho[1:]]}),
    }
    catalog = catalog.__class__(**{**catalog.__dict__, "wards": wards})
    at = site_at(catalog, "https://khong-cho.example/")
    page = next(p for p in pages.table(at) if p.path == f"phuong/an-binh/{adoption.thu_tuc}.md")
    envs = (render.environment(), notice.environment())
    try:
        render.keep_compiled(None)
        expected = render.render_page(page, at).content
        assert "nghiêng" in expected and "<em>nghiêng" not in expected
        render.keep_compiled(tmp_path / "jinja", ("notice", notice.environment()))
        for env in envs:
            env.cache.clear()
        notice.render_notice(at, at.catalog.wards["an-binh"])  # the notices compile the shared templates first
        render.environment().cache.clear()
        assert render.render_page(page, at).content == expected
        assert sorted(p.name for p in (tmp_path / "jinja").iterdir()) == ["notice", "pages"]
    finally:
        render.keep_compiled(None)
        for env in envs:
            env.bytecode_cache = None
            env.cache.clear()


def test_schemas_are_kept_between_builds_and_a_damaged_entry_is_made_again(tmp_path: Path, monkeypatch) -> None:
    from generator import schema

    expected = schema.schema_texts(None)
    assert schema.schema_texts(tmp_path) == expected
    (entry,) = tmp_path.iterdir()

    def not_again(kind: str) -> str:
        raise AssertionError("made again instead of read from the cache")

    with monkeypatch.context() as patched:
        patched.setattr(schema, "schema_text", not_again)
        assert schema.schema_texts(tmp_path) == expected
    entry.write_bytes(entry.read_bytes().replace(b"phuong", b"phuonG", 1))
    assert schema.schema_texts(tmp_path) == expected
    assert schema.schema_texts(tmp_path) == expected
