"""Files a build keeps between runs, outside the site (.cache/khong-cho beside mkdocs.yml): written
whole or not at all, bounded in size. A missing, stale or damaged entry only costs the time to make
it again; what reads an entry checks it first."""

from __future__ import annotations

import hashlib
import os
import tempfile
import time
from pathlib import Path


def write(path: Path, data: bytes) -> None:
    """Write so that a build reading at the same time sees the old file or the new, never half of one."""
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=path.parent, delete=False, suffix=".tmp") as handle:
            handle.write(data)
        os.replace(handle.name, path)
    except OSError:
        pass  # no cache (a read-only disk, a full one): the build is still right


FRESH = 24 * 3600
"""An entry used within this many seconds is not marked again: a daily build marks each entry once."""


def read(path: Path) -> bytes | None:
    """An entry's bytes, marked as just used (what ``prune`` keeps); None when there is none."""
    try:
        with path.open("rb") as handle:
            data = handle.read()
            if time.time() - os.fstat(handle.fileno()).st_mtime > FRESH:  # a write to the disk only when due
                os.utime(path)
    except OSError:
        return None
    return data


def write_checked(path: Path, body: bytes) -> None:
    """``write`` an entry that carries its own SHA-256 (``read_checked`` verifies it)."""
    write(path, hashlib.sha256(body).hexdigest().encode() + b"\n" + body)


def read_checked(path: Path) -> bytes | None:
    """An entry written by ``write_checked``, if its bytes match its SHA-256; None otherwise."""
    data = read(path)
    if data is None:
        return None
    digest, _, body = data.partition(b"\n")
    return body if hashlib.sha256(body).hexdigest().encode() == digest else None


def prune(folder: Path, limit: int) -> None:
    """Keep ``folder`` under ``limit`` bytes: the entries least recently used go first."""
    try:
        entries = [(p.stat().st_mtime, p.stat().st_size, p) for p in folder.rglob("*") if p.is_file()]
    except OSError:
        return
    total = sum(size for _, size, _ in entries)
    for _, size, path in sorted(entries, key=lambda entry: entry[0]):
        if total <= limit:
            break
        try:
            path.unlink()
            total -= size
        except OSError:
            pass
