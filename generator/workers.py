"""Worker processes of a build: they end with the build and hold none of its locks.

The printed matter is laid out in worker processes (notice.py). A build can be killed hard
(kill -9, the kernel's out-of-memory killer) and then cannot clean up: forked workers would live
on, holding every descriptor the build had open, the build lock among them (publish.py), and the
next build would wait for ever. So the build registers its private descriptors here, and each
worker's first step closes them and asks the kernel to end the worker when its parent ends.
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys

_PR_SET_PDEATHSIG = 1
_private: set[int] = set()


def keep_private(fd: int) -> None:
    """``fd`` belongs to the build alone: workers close their copy first thing."""
    _private.add(fd)


def forget(fd: int) -> None:
    _private.discard(fd)


def private() -> tuple[int, ...]:
    """The descriptors to hand to ``start`` (a forked worker has copies of them)."""
    return tuple(sorted(_private))


def start(parent: int | None, descriptors: tuple[int, ...]) -> None:
    """A worker's first step (the pool's initializer): close the build's private descriptors, end
    with the parent. ``parent`` is the build's process id for forked workers (None otherwise)."""
    for fd in descriptors:
        with contextlib.suppress(OSError):
            os.close(fd)
    end_with_parent()
    if parent is not None and os.getppid() != parent:
        os._exit(1)  # the build ended before the request could take effect


def end_with_parent() -> bool:
    """Ask the kernel to kill this process when its parent ends (Linux); False where not possible."""
    if not sys.platform.startswith("linux"):
        return False
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        return libc.prctl(_PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) == 0
    except (OSError, AttributeError):
        return False
