"""The generator beside MkDocs: the build's own work in a second process, handed over as MkDocs asks.

A build has two kinds of work, each on one core: the generator's (read and check the catalog, the
site at its date, the generated files, each page's Markdown) and MkDocs' (Markdown to HTML, the
theme). So the plugin starts the generator in a forked process as the build begins and MkDocs goes
on with its own start; it takes the generated files when MkDocs lists the site's files, and each
page's Markdown when MkDocs reads that page, rendered by then.

``messages`` is the generator's work as a sequence of messages, the same whether it runs beside
MkDocs (``Beside``) or in the build's own process (``InProcess``: MkDocs' preview server, whose
threads make forking unsafe, and any process with threads running).
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import pickle
import signal
import threading
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from . import build, workers
from .catalog import Catalog
from .output import Output
from .problems import Problem

PAGES_PER_MESSAGE = 8
"""Pages rendered and handed over together: few enough that MkDocs never waits long for the first."""


@dataclass(frozen=True)
class Job:
    """What the generator needs to know: the catalog, the build's settings, the docs and cache folders."""

    catalog: Path
    settings: build.Settings
    docs_dir: Path
    cache: Path | None
    read: tuple[Catalog, list[Problem]] | None = None
    """The catalog already read and checked (in this process); None: the generator reads it itself,
    without the cross-record checks, which the build runs at the same time."""
    spill: Path | None = None
    """Where binary files (the PDFs) are written, for MkDocs to copy from: no message carries them,
    so no process holds them all for the whole build (gigabytes for a province)."""


@dataclass(frozen=True)
class Ready:
    """The site at its date computed (or not: the catalog has errors)."""

    ok: bool
    """False when the catalog has errors: nothing follows."""
    theme: dict[str, Any]
    of_the_day: list[Problem]
    """The review's warnings and what a reader of the build date finds missing."""
    notes: list[str]
    left_out: tuple[str, ...]


@dataclass(frozen=True)
class Files:
    """Every generated file but the pages, and the pages to come, in the order they come."""

    files: list[Output]
    spilled: list[str]
    """Files written under the job's ``spill`` folder, by their path in the site."""
    pages: list[tuple[str, bool]]
    """Each page's path, and whether it is in the top navigation."""
    warnings: list[Problem]
    pdfs_laid_out: int | None


@dataclass(frozen=True)
class Pages:
    """Rendered pages (Markdown and meta), in table order."""

    outputs: list[Output]


@dataclass(frozen=True)
class Failed:
    """The generator stopped on an error: the error itself when it could be carried over, and its
    traceback as text."""

    error: BaseException | None
    text: str


Message = Ready | Files | Pages


def messages(job: Job) -> Iterator[Message]:
    """The generator's work in order: the catalog ready, the files, then the pages a few at a time."""
    catalog, problems = job.read or build.read_catalog(job.catalog, check=False)
    prepared = build.prepared(catalog, problems, job.settings)
    at = prepared.site
    yield Ready(at is not None, prepared.theme, prepared.of_the_day, prepared.notes, prepared.left_out)
    if at is None:
        return
    plan = build.planned(at, job.docs_dir, job.cache, sheets=False)
    files, spilled = plan.files, []
    if job.spill is not None:
        files = [output for output in plan.files if not isinstance(output.content, bytes)]
        for output in plan.files:
            if isinstance(output.content, bytes):
                target = job.spill / output.path
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_bytes(output.content)
                spilled.append(output.path)
    pages = [(page.path, page.in_nav) for page in plan.table]
    yield Files(files, spilled, pages, plan.warnings, plan.pdfs_laid_out)
    for start in range(0, len(plan.table), PAGES_PER_MESSAGE):
        yield Pages([build.render_page(page, at) for page in plan.table[start : start + PAGES_PER_MESSAGE]])


class InProcess:
    """The generator's messages made in this process, each when it is asked for (``job.read``: the
    catalog as the build read it)."""

    def __init__(self, job: Job) -> None:
        self._messages = messages(job)

    def receive(self) -> Message | None:
        """The next message; None when there is no more."""
        return next(self._messages, None)

    def close(self) -> None:
        self._messages.close()


class Beside:
    """The generator's messages made in a forked process while this one goes on."""

    def __init__(self, job: Job) -> None:
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_generate,
            args=(job, sender, self._receiver, os.getpid(), workers.private()),
            name="khong-cho-generator",
        )
        self._process.start()
        sender.close()  # this process only reads: when the generator ends, reading ends too

    def receive(self) -> Message | None:
        """The next message; None when there is no more. The generator's error is raised here."""
        try:
            message = self._receiver.recv()
        except EOFError:
            self._process.join(10)
            raise build.BuildError(
                f"phần dựng trang chạy song song đã dừng bất ngờ (mã thoát {self._process.exitcode}); hãy dựng lại"
            ) from None
        if isinstance(message, Failed):
            if message.error is None:
                raise RuntimeError(f"phần dựng trang chạy song song gặp lỗi:\n{message.text}")
            message.error.add_note(message.text)
            raise message.error
        return message

    def close(self) -> None:
        """Stop the generator if it still runs (a failed or interrupted build), and wait for it."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receiver.close()


Generation = InProcess | Beside


def may_fork() -> bool:
    """True when this process may start the generator beside it: one thread (forking a process with
    threads is unsafe: MkDocs' preview server, a test's browser), on a system with fork."""
    return threading.active_count() == 1 and hasattr(os, "fork")


def _generate(job: Job, sender: Any, receiver: Any, parent: int, descriptors: tuple[int, ...]) -> None:
    """The forked process: send every message, then None; on an error, send it."""
    # Ctrl+C reaches every process of the terminal: the build stops this one itself (close()).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    receiver.close()
    workers.start(parent, descriptors)
    for fd in descriptors:  # closed: their numbers may be reused here, and must not be closed again
        workers.forget(fd)
    # Printed matter's workers, forked from here, close their copy: when this process ends, the
    # build reads the end of the pipe at once.
    workers.keep_private(sender.fileno())
    try:
        for message in messages(job):
            sender.send(message)
        sender.send(None)
    except BrokenPipeError:
        return  # the build has gone
    except BaseException as exc:  # every error goes back to the build, which raises it
        text = "".join(traceback.format_exception(exc))
        try:
            pickle.dumps(exc)
            carried: BaseException | None = exc
        except Exception:  # an error that cannot be carried over goes as text
            carried = None
        with contextlib.suppress(OSError):
            sender.send(Failed(carried, text))
    finally:
        sender.close()
