"""The built site made light to serve: the site's own scripts and styles minified, and every text file
of 1 KB or more given precompressed twins (``.gz``, best gzip; ``.br``, best Brotli) that a server
sends to a browser that accepts them (``make xem``; nginx ``gzip_static``, ``brotli_static``).

Twins are byte-for-byte the same content once decompressed, and the same bytes for the same input
(gzip without a name or time). Best compression is slow (Brotli about 1 MB/s, gzip about 20 MB/s):
both are kept in a cache outside the site, keyed by the content's hash, so a rebuild compresses
only what changed.

During a build, compression runs in a process of its own (``Twins``), so the pages are compressed on
the other core while MkDocs writes the next ones, and the build's own process is never slowed.
"""

from __future__ import annotations

import contextlib
import gzip
import hashlib
import multiprocessing
import os
import signal
import threading
import traceback
import zlib
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from stat import S_ISREG
from typing import Any, NamedTuple

import brotli
import rcssmin
import rjsmin

from . import cache, workers

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
    """One file's twins: the file's size and modification time when it was read, and whether the
    cache got a new entry."""

    stamp: tuple[int, int]
    new: bool


def _stamp(stat: os.stat_result) -> tuple[int, int]:
    return stat.st_size, stat.st_mtime_ns


def _file_twins(path: Path, folder: Path | None) -> Made | None:
    """The twins of a file as it is on disk (None when it is not compressed, or not there)."""
    with contextlib.suppress(FileNotFoundError), path.open("rb") as handle:
        stat = os.fstat(handle.fileno())
        if not _gets_twins(path, stat):
            return None
        data = handle.read()
        digest = hashlib.sha256(data).hexdigest()
        new = False
        for suffix in ENCODINGS:
            made, added = _cached(data, digest, suffix, folder / suffix[1:] if folder else None)
            path.with_name(path.name + suffix).write_bytes(made)
            new = new or added
        return Made(_stamp(stat), new)
    return None


def _gets_twins(path: Path, stat: os.stat_result) -> bool:
    """A file of a text kind, of 1 KB or more."""
    return compressible(path.name) and S_ISREG(stat.st_mode) and stat.st_size >= MIN_SIZE


def _all_twins(site_dir: Path, folder: Path | None, pool: ThreadPoolExecutor, made: dict[str, Future]) -> int:
    """Twins of every text file of 1 KB or more under ``site_dir``: those already ``made`` are kept
    unless the file changed since it was read (its size or modification time); the cache is trimmed
    if it grew. Returns how many files have twins."""
    count = 0
    for path in sorted(site_dir.rglob("*")):
        if not compressible(path.name):
            continue
        try:
            stat = path.stat()  # read once: whether it gets twins, and whether it changed since
        except OSError:
            continue  # gone since it was listed
        if not _gets_twins(path, stat):
            continue
        count += 1
        job = made.get(str(path))
        done = job.result() if job is not None else None  # an error there (a full disk) fails the build here
        if done is None or done.stamp != _stamp(stat):
            made[str(path)] = pool.submit(_file_twins, path, folder)
    results = [job.result() for job in made.values()]
    if folder is not None and any(result and result.new for result in results):
        for suffix in ENCODINGS:  # only when it has grown
            cache.prune(folder / suffix[1:], CACHE_LIMIT)
    return count


def twins(site_dir: Path, folder: Path | None = None) -> int:
    """Write the ``.gz`` and ``.br`` twin of every text file of 1 KB or more, in this process;
    returns how many files."""
    with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        return _all_twins(site_dir, folder, pool, {})


class Twins:
    """Twins made in a process of their own while a build goes on, so that compressing never takes
    the build's own process from MkDocs: ``add`` a file as soon as it is written; ``finish`` makes
    those of every other file, and again those of a file written again since, then waits for all.
    The process never makes a folder, and ends with the build."""

    def __init__(self, cache_folder: Path | None = None) -> None:
        context = _context()
        jobs, self._jobs = context.Pipe(duplex=False)
        self._results, results = context.Pipe(duplex=False)
        forked = context.get_start_method() == "fork"
        self._process = context.Process(
            target=_serve,
            args=(jobs, results, cache_folder, os.getpid() if forked else None, workers.private() if forked else ()),
            name="khong-cho-twins",
        )
        self._process.start()
        jobs.close()
        results.close()

    def add(self, path: Path) -> None:
        """``path`` is written and will not change (or ``finish`` sees that it did)."""
        if compressible(path.name):
            with contextlib.suppress(BrokenPipeError):  # the process has ended: ``finish`` says so
                self._jobs.send(("file", str(path)))

    def finish(self, site_dir: Path) -> int:
        """Twins for every text file of 1 KB or more under ``site_dir``; returns how many files."""
        try:
            try:
                self._jobs.send(("finish", str(site_dir)))
                kind, value = self._results.recv()
            except (EOFError, BrokenPipeError):
                self._process.join(10)
                raise RuntimeError(
                    f"tiến trình nén tệp đã dừng bất ngờ (mã thoát {self._process.exitcode}); hãy dựng lại"
                ) from None
            if kind == "error":
                raise RuntimeError(f"không nén được các tệp của trang:\n{value}")
            return int(value)
        finally:
            self.close()

    def close(self) -> None:
        """Stop the process if it still runs (a failed build: what it had not done is dropped), and
        wait until it has ended."""
        self._jobs.close()  # the process reads the end of its jobs and stops
        self._process.join(1)
        if self._process.is_alive():
            self._process.terminate()
            self._process.join()
        self._results.close()


def _context() -> multiprocessing.context.BaseContext:
    # One thread (a plain build): fork. With threads (a test's browser), forking is unsafe.
    if threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["generator.compress"])
    return context


def _serve(jobs: Any, results: Any, folder: Path | None, parent: int | None, descriptors: tuple[int, ...]) -> None:
    """The twins' process: compress each file announced, then all the others when asked to finish."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the build stops this process itself
    workers.start(parent, descriptors)
    for fd in descriptors:
        workers.forget(fd)
    made: dict[str, Future] = {}
    with ThreadPoolExecutor(max_workers=max(1, os.cpu_count() or 1)) as pool:
        try:
            while True:
                kind, value = jobs.recv()
                if kind == "file":
                    made[value] = pool.submit(_file_twins, Path(value), folder)
                else:
                    results.send(("done", _all_twins(Path(value), folder, pool, made)))
                    return
        except EOFError:
            pool.shutdown(cancel_futures=True)  # the build has gone or stopped
        except Exception:
            with contextlib.suppress(OSError):
                results.send(("error", traceback.format_exc()))
