"""The built site made light to serve: the site's own scripts and styles minified, and every text file
of 1 KB or more given precompressed twins (``.gz``, best gzip; ``.br``, best Brotli) that a server
sends to a browser that accepts them (``make xem``; nginx ``gzip_static``, ``brotli_static``).

Twins are byte-for-byte the same content once decompressed, and the same bytes for the same input
(gzip without a name or time). Brotli at its best is slow (about 1 MB/s): its output is kept in a
cache outside the site, keyed by the content's hash, so a rebuild compresses only what changed.
"""

from __future__ import annotations

import gzip
import hashlib
from pathlib import Path

import brotli
import rcssmin
import rjsmin

from . import cache

TEXT = frozenset({".html", ".css", ".js", ".mjs", ".json", ".xml", ".svg", ".csv", ".txt", ".webmanifest"})
"""The kinds of files that compress (Pagefind's fragments and index are compressed already)."""
MIN_SIZE = 1024
OWN_ASSETS = ("checker.js", "search.js", "site.js", "kc.css", "search.css")
"""The site's own scripts and styles (docs/assets/): minified in the built site, readable in the source."""
CACHE_LIMIT = 200 * 1024 * 1024
"""The compression cache's bound: beyond it, the files least recently used go first."""


def minify(site_dir: Path) -> None:
    """Minify the site's own scripts and styles in the built site (rjsmin, rcssmin)."""
    for name in OWN_ASSETS:
        path = site_dir / "assets" / name
        if not path.is_file():
            continue
        text = path.read_text(encoding="utf-8")
        small = rjsmin.jsmin(text) if name.endswith(".js") else rcssmin.cssmin(text)
        path.write_text(small.strip() + "\n", encoding="utf-8")


def gzip_bytes(data: bytes) -> bytes:
    """Best gzip compression; no file name and no time in the header, so the same bytes every build."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def _cached_brotli(data: bytes, folder: Path | None) -> bytes:
    if folder is None:
        return brotli.compress(data, quality=11)
    key = hashlib.sha256(data).hexdigest()
    path = folder / key[:2] / f"{key}.br"
    kept = cache.read(path)
    try:
        if kept is not None and brotli.decompress(kept) == data:  # checked: a damaged entry costs only time
            return kept
    except brotli.error:
        pass
    made = brotli.compress(data, quality=11)
    cache.write(path, made)
    return made


def twins(site_dir: Path, folder: Path | None = None) -> int:
    """Write the ``.gz`` and ``.br`` twin of every text file of 1 KB or more; returns how many files."""
    count = 0
    for path in sorted(site_dir.rglob("*")):
        if path.suffix not in TEXT or not path.is_file() or path.stat().st_size < MIN_SIZE:
            continue
        data = path.read_bytes()
        path.with_name(path.name + ".gz").write_bytes(gzip_bytes(data))
        path.with_name(path.name + ".br").write_bytes(_cached_brotli(data, folder / "br" if folder else None))
        count += 1
    if folder is not None:
        cache.prune(folder / "br", CACHE_LIMIT)
    return count
