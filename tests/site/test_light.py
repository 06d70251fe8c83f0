"""Light to serve (issue 25): each page loads the scripts it uses; the site's own scripts and styles
minified; every text file of 1 KB or more has .gz and .br twins with the same content; make xem
sends the twin a browser accepts."""

from __future__ import annotations

import gzip
import threading
import time
import urllib.request
from pathlib import Path

import brotli
import pytest
from support import ROOT

from generator import compress, localserver


def scripts(page: Path) -> list[str]:
    import re

    return re.findall(r'<script src="([^"]+)"', page.read_text(encoding="utf-8"))


def test_each_page_loads_the_scripts_it_uses(real_site: Path) -> None:
    def loads_checker(rel: str) -> bool:
        return any(s.endswith("assets/checker.js") for s in scripts(real_site / rel))

    assert not loads_checker("index.html") and not loads_checker("thu-tuc/chung-thuc-ban-sao/index.html")
    assert not loads_checker("phuong/hang-bai/index.html")  # an ended ward: no "open now", no checker
    assert loads_checker("phuong/hoan-kiem/index.html")  # "open now"
    assert loads_checker("phuong/hang-bai/chung-thuc-ban-sao/index.html")  # the fee calculator


def test_the_sites_own_scripts_and_styles_are_minified(real_site: Path) -> None:
    for name in compress.OWN_ASSETS:
        built = (real_site / "assets" / name).stat().st_size
        source = (ROOT / "docs/assets" / name).stat().st_size
        assert built < 0.85 * source, (name, built, source)


def test_every_text_file_has_twins_with_the_same_content(real_site: Path) -> None:
    checked = 0
    for path in sorted(real_site.rglob("*")):
        if path.suffix not in compress.TEXT or not path.is_file():
            continue
        data = path.read_bytes()
        gz, br = path.with_name(path.name + ".gz"), path.with_name(path.name + ".br")
        if len(data) < compress.MIN_SIZE:
            # MkDocs writes its own sitemap.xml.gz, whatever the size
            assert (not gz.exists() or path.name == "sitemap.xml") and not br.exists(), path
            continue
        assert gzip.decompress(gz.read_bytes()) == data, path
        assert brotli.decompress(br.read_bytes()) == data, path
        assert gz.read_bytes() == compress.gzip_bytes(data)  # no name, no time: the same bytes each build
        checked += 1
    assert checked > 200
    for kind in (".html", ".css", ".js", ".json", ".xml", ".csv"):
        assert any(real_site.rglob(f"*{kind}.gz")), kind
    assert (real_site / "pagefind/pagefind-entry.json").stat().st_size < 1024 or (
        real_site / "pagefind/pagefind.js.gz"
    ).is_file()


def test_a_corrupt_cache_entry_costs_only_time(tmp_path: Path) -> None:
    site, cache = tmp_path / "site", tmp_path / "cache"
    site.mkdir()
    (site / "a.html").write_text("<p>" + "xin chào " * 300 + "</p>", encoding="utf-8")
    compress.twins(site, cache)
    entries = [*cache.rglob("*.br"), *cache.rglob("*.gz")]
    assert len(entries) == 2
    for entry in entries:
        entry.write_bytes(entry.read_bytes()[:20] + b"hong")
    (site / "a.html.br").unlink()
    (site / "a.html.gz").unlink()
    compress.twins(site, cache)
    assert brotli.decompress((site / "a.html.br").read_bytes()) == (site / "a.html").read_bytes()
    assert gzip.decompress((site / "a.html.gz").read_bytes()) == (site / "a.html").read_bytes()
    # A cache entry that decompresses to other bytes (another page's) is not used either.
    other = compress.gzip_bytes(b"<p>khac</p>" * 200)
    for entry in cache.rglob("*.gz"):
        entry.write_bytes(other)
    compress.twins(site, cache)
    assert gzip.decompress((site / "a.html.gz").read_bytes()) == (site / "a.html").read_bytes()


def test_twins_made_during_the_build_follow_the_bytes_on_disk(tmp_path: Path) -> None:
    """A file is compressed in the twins' process as soon as it is written; if it is written again
    after that, its twins are made again from what is on disk; a file never announced gets its
    twins at the end, and one announced but never written is no error."""
    site = tmp_path / "site"
    page, copied, late, missing = site / "a/index.html", site / "b.css", site / "c.json", site / "d/index.html"
    twins = compress.Twins(tmp_path / "cache")
    page.parent.mkdir(parents=True)
    page.write_text("<p>" + "cũ " * 600 + "</p>", encoding="utf-8")
    copied.write_text("p{color:red}" * 200, encoding="utf-8")
    for path in (page, copied, missing):
        twins.add(path)
    time.sleep(0.2)  # the old page is compressed by now (or not: either way its twins must follow)
    page.write_text("<p>" + "mới hơn " * 600 + "</p>", encoding="utf-8")
    late.write_text("[" + "1," * 800 + "1]", encoding="utf-8")
    assert twins.finish(site) == 3
    for path in (page, copied, late):
        data = path.read_bytes()
        assert gzip.decompress(path.with_name(path.name + ".gz").read_bytes()) == data, path
        assert brotli.decompress(path.with_name(path.name + ".br").read_bytes()) == data, path
    assert not missing.parent.exists()  # the twins' process never makes a folder


def test_a_twins_process_that_dies_fails_the_build(tmp_path: Path) -> None:
    site = tmp_path / "site"
    site.mkdir()
    twins = compress.Twins(tmp_path / "cache")
    twins._process.kill()
    with pytest.raises(RuntimeError, match="tiến trình nén tệp đã dừng bất ngờ"):
        twins.finish(site)


def test_the_cache_is_trimmed_only_when_it_grew(tmp_path: Path, monkeypatch) -> None:
    site, trims = tmp_path / "site", []
    site.mkdir()
    (site / "a.html").write_text("<p>" + "xin chào " * 300 + "</p>", encoding="utf-8")
    monkeypatch.setattr(compress.cache, "prune", lambda folder, limit: trims.append(folder))
    compress.twins(site, tmp_path / "cache")
    compress.twins(site, tmp_path / "cache")  # nothing new: nothing to trim
    assert trims == [tmp_path / "cache" / "gz", tmp_path / "cache" / "br"]


def test_make_xem_sends_the_twin_the_browser_accepts(real_site: Path) -> None:
    httpd, url = localserver.server(real_site, 0)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        page = (real_site / "index.html").read_bytes()

        def get(encoding: str | None, rel: str = "") -> tuple[str | None, str | None, bytes]:
            headers = {"Accept-Encoding": encoding} if encoding is not None else {}
            with urllib.request.urlopen(urllib.request.Request(url + rel, headers=headers), timeout=10) as r:
                return r.headers.get("Content-Encoding"), r.headers.get("Vary"), r.read()

        encoding, vary, body = get("gzip, deflate")
        assert encoding == "gzip" and vary == "Accept-Encoding" and gzip.decompress(body) == page
        encoding, _, body = get("gzip, deflate, br")
        assert encoding == "br" and brotli.decompress(body) == page
        assert get(None)[0] is None and get(None)[2] == page
        assert get("gzip;q=0, identity")[0] is None
        encoding, _, body = get("gzip", "assets/checker.js")
        assert encoding == "gzip" and gzip.decompress(body) == (real_site / "assets/checker.js").read_bytes()
    finally:
        httpd.shutdown()
        httpd.server_close()


def test_a_rebuild_lays_out_no_pdf_and_a_damaged_entry_costs_one(tmp_path: Path) -> None:
    """The PDF cache: a rebuild with nothing changed lays out nothing and writes the same bytes; a
    damaged or foreign entry is laid out again, never used; a changed sheet is laid out again."""
    from support import FIXTURES, site_at

    from generator import build, notice
    from generator.pipeline import read_catalog

    catalog, _ = read_catalog(FIXTURES / "valid")
    cache = tmp_path / "cache"

    def run(url: str = "https://khong-cho.example/") -> build.Built:
        notice._pdfs.clear()  # a new build process: nothing laid out in memory
        return build.outputs(site_at(catalog, url, pdf=True), ROOT / "docs", cache)

    def pdfs(built: build.Built) -> dict[str, bytes]:
        return {o.path: o.content for o in built.outputs if o.path.endswith(".pdf")}

    first = run()
    assert first.pdfs_laid_out and first.pdfs_laid_out >= 3
    second = run()
    assert second.pdfs_laid_out == 0 and pdfs(second) == pdfs(first)
    entries = sorted((cache / "pdf").rglob("*.pdfs"))
    assert len(entries) == first.pdfs_laid_out
    entries[0].write_bytes(entries[0].read_bytes()[:-200])  # cut short
    entries[1].write_bytes(b'[["thong-bao/x.pdf", 1, 4]]\nabcd')  # not a PDF
    third = run()
    assert third.pdfs_laid_out == 2 and pdfs(third) == pdfs(first)
    other = run("https://phuong.example/")  # another address: other QR codes, other sheets
    assert other.pdfs_laid_out == first.pdfs_laid_out and pdfs(other) != pdfs(first)
