"""The built site made light to serve: the site's own scripts and styles minified, and every text file
of 1 KB or more given precompressed twins (``.gz``, best gzip; ``.br``, best Brotli) that a server
sends to a browser that accepts them (``make xem``; nginx ``gzip_static``, ``brotli_static``).

Twins are byte-for-byte the same content once decompressed, and the same bytes for the same input
(gzip without a name or time). Best compression is slow (Brotli about 1 MB/s, gzip about 20 MB/s):
both are kept in a cache outside the site, keyed by the content's hash, so a rebuild compresses
only what changed.

Compression runs in threads (zlib and Brotli let go of the interpreter while they work), so during a
build the pages are compressed on the other cores while MkDocs writes the next ones (``Twins``).
"""

from __future__ import annotations

import gzip
import hashlib
import os
import zlib
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import NamedTuple

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


def minified(dest_uri: str) -> bool:
    """True for a file of the built site that ``minify`` rewrites."""
    return dest_uri in {f"assets/{name}" for name in OWN_ASSETS}


def compressible(name: str) -> bool:
    """True for a kind of file that gets twins (when it is 1 KB or more)."""
    return Path(name).suffix in TEXT


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


def brotli_bytes(data: bytes) -> bytes:
    """Best Brotli compression."""
    return brotli.compress(data, quality=11)


ENCODINGS = {".gz": (gzip_bytes, gzip.decompress), ".br": (brotli_bytes, brotli.decompress)}
"""Each twin's suffix, how it is made and how it is read back."""


def _cached(data: bytes, key: str, suffix: str, folder: Path | None) -> tuple[bytes, bool]:
    """One twin of ``data``, from the cache when it has it (``key``: the data's SHA-256); and whether
    the cache got a new entry. An entry is used only if it decompresses to ``data``."""
    make, undo = ENCODINGS[suffix]
    if folder is None:
        return make(data), False
    path = folder / key[:2] / f"{key}{suffix}"
    kept = cache.read(path)
    try:
        if kept is not None and undo(kept) == data:  # checked: a damaged entry costs only time
            return kept, False
    except (brotli.error, OSError, EOFError, zlib.error):
        pass
    made = make(data)
    cache.write(path, made)
    return made, True


class Made(NamedTuple):
    """One file's twins: the SHA-256 of the bytes compressed, and whether the cache got a new entry."""

    digest: str
    new: bool


def _write_twins(path: Path, data: bytes, folder: Path | None) -> Made:
    digest = hashlib.sha256(data).hexdigest()
    new = False
    for suffix in ENCODINGS:
        made, added = _cached(data, digest, suffix, folder / suffix[1:] if folder else None)
        path.with_name(path.name + suffix).write_bytes(made)
        new = new or added
    return Made(digest, new)


def _file_twins(path: Path, folder: Path | None) -> Made | None:
    return _write_twins(path, path.read_bytes(), folder) if _eligible(path) else None


def _eligible(path: Path) -> bool:
    return path.suffix in TEXT and path.is_file() and path.stat().st_size >= MIN_SIZE


class Twins:
    """Twins made in threads while a build goes on: ``add`` a page's bytes as MkDocs is about to
    write them, ``add_file`` a file already written; ``finish`` makes those of every other file, and
    again those of a file whose bytes changed after it was added, then waits for all."""

    def __init__(self, cache_folder: Path | None = None) -> None:
        self.folder = cache_folder
        self.pool = ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1), thread_name_prefix="twins")
        self.jobs: dict[Path, Future[Made | None]] = {}

    def add(self, path: Path, data: bytes) -> None:
        if path.suffix in TEXT and len(data) >= MIN_SIZE:
            # The page's folder is made here, before MkDocs writes the page: a thread never makes a
            # folder, so one still running after a build was stopped cannot bring back a removed site.
            path.parent.mkdir(parents=True, exist_ok=True)
            self.jobs[path] = self.pool.submit(_write_twins, path, data, self.folder)

    def add_file(self, path: Path) -> None:
        self.jobs[path] = self.pool.submit(_file_twins, path, self.folder)

    def finish(self, site_dir: Path) -> int:
        """Twins for every text file of 1 KB or more under ``site_dir``; returns how many files."""
        count = 0
        try:
            for path in sorted(site_dir.rglob("*")):
                if not _eligible(path):
                    continue
                count += 1
                data = path.read_bytes()
                job = self.jobs.get(path)
                if job is None:
                    self.jobs[path] = self.pool.submit(_write_twins, path, data, self.folder)
                else:
                    made = job.result()  # an error in a thread (a full disk) fails the build here
                    if made is None or made.digest != hashlib.sha256(data).hexdigest():
                        self.jobs[path] = self.pool.submit(_write_twins, path, data, self.folder)
            results = [job.result() for job in self.jobs.values()]
        finally:
            self.close()
        if self.folder is not None and any(made and made.new for made in results):
            for suffix in ENCODINGS:  # only when it has grown
                cache.prune(self.folder / suffix[1:], CACHE_LIMIT)
        return count

    def close(self) -> None:
        """Stop: jobs not started are dropped (a failed build)."""
        self.pool.shutdown(wait=True, cancel_futures=True)


def twins(site_dir: Path, folder: Path | None = None) -> int:
    """Write the ``.gz`` and ``.br`` twin of every text file of 1 KB or more; returns how many files."""
    return Twins(folder).finish(site_dir)
