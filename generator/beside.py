"""The generator beside MkDocs: the build's own work in other processes, handed over as MkDocs asks.

A build has two kinds of work, each on one core: the generator's (read and check the catalog, the
site at its date, the generated files, each page's Markdown) and MkDocs' (Markdown to HTML, the
theme). So the plugin starts the generator in a forked process as the build begins and MkDocs goes
on with its own start. The generator names every file it will make when MkDocs lists the site's
files, and hands over each page's Markdown when MkDocs reads that page, rendered by then. The other
files (open data, feeds, printed matter) are made meanwhile by a third process, which writes them
into the site folder itself once MkDocs has emptied it: MkDocs, told that they are there, leaves
them as they are.

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
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from functools import partial
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
    """What the generator needs to know: the catalog, the build's settings, the docs, site and cache
    folders."""

    catalog: Path
    settings: build.Settings
    docs_dir: Path
    site_dir: Path
    """Where every generated file but the pages is written (MkDocs copies nothing onto itself)."""
    cache: Path | None
    emptied: Any
    """An event (multiprocessing.Event) set once MkDocs has emptied ``site_dir``: nothing is written
    there before, so no process holds the files for the whole build (gigabytes of PDFs for a province)."""
    read: tuple[Catalog, list[Problem]] | None = None
    """The catalog already read and checked (in this process); None: the generator reads it itself,
    without the cross-record checks, which the build runs at the same time."""


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
    """Every generated file named: the pages, in the order their Markdown comes, and the other files,
    which are in the site folder once ``Done`` comes."""

    pages: list[tuple[str, bool]]
    """Each page's path, and whether it is in the top navigation."""
    files: list[str]


@dataclass(frozen=True)
class Pages:
    """Rendered pages (Markdown and meta), in table order."""

    outputs: list[Output]


@dataclass(frozen=True)
class Done:
    """Every file named in ``Files`` is written; what making them found."""

    warnings: list[Problem]
    pdfs_laid_out: int | None


@dataclass(frozen=True)
class Failed:
    """The generator stopped on an error: the error itself when it could be carried over, and its
    traceback as text."""

    error: BaseException | None
    text: str


Message = Ready | Files | Pages | Done


def messages(job: Job, *, forked: bool = False) -> Iterator[Message]:
    """The generator's work in order: the catalog ready, every file named, the pages a few at a time
    (MkDocs converts each as it comes), then the other files written. ``forked``: this process may
    fork, and the other files are made in a process of their own while the pages are rendered."""
    catalog, problems = job.read or build.read_catalog(job.catalog, check=False)
    prepared = build.prepared(catalog, problems, job.settings)
    at = prepared.site
    yield Ready(at is not None, prepared.theme, prepared.of_the_day, prepared.notes, prepared.left_out)
    if at is None:
        return
    plan = build.planned(at, job.docs_dir, job.cache, sheets=False)
    yield Files([(page.path, page.in_nav) for page in plan.table], plan.paths)
    with contextlib.closing(Beside(partial(_made, plan), job)) if forked else contextlib.nullcontext() as making:
        for start in range(0, len(plan.table), PAGES_PER_MESSAGE):
            yield Pages([build.render_page(page, at) for page in plan.table[start : start + PAGES_PER_MESSAGE]])
        if making is None:
            yield from _made(plan, job)
        else:
            done = making.receive()
            assert isinstance(done, Done), done
            yield done


def _made(plan: build.Planned, job: Job) -> Iterator[Done]:
    """The files of the plan that are not pages, written into the site folder once MkDocs has emptied it."""
    made = plan.make()
    job.emptied.wait()
    for output in made.outputs:
        target = job.site_dir / output.path
        target.parent.mkdir(parents=True, exist_ok=True)
        content = output.content
        target.write_bytes(content if isinstance(content, bytes) else content.encode("utf-8"))
    yield Done(made.warnings, made.pdfs_laid_out)


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
    """Messages made in a forked process while this one goes on: the generator's (``messages``), or
    any other ``produce(job)``."""

    def __init__(self, produce: Callable[[Job], Iterator[Any]], job: Job, *, unwinds: bool = False) -> None:
        """``unwinds``: stopped, the process leaves its ``with`` blocks (and so stops the processes it
        started and waits for them) before it ends; otherwise it ends at once."""
        context = multiprocessing.get_context("fork")
        self._receiver, sender = context.Pipe(duplex=False)
        self._process = context.Process(
            target=_generate,
            args=(produce, job, sender, self._receiver, os.getpid(), workers.private(), unwinds),
            name="khong-cho-generator",
        )
        self._process.start()
        sender.close()  # this process only reads: when the generator ends, reading ends too

    def receive(self) -> Any:
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
        """Stop the process if it still runs (a failed or interrupted build), and wait for it."""
        if self._process.is_alive():
            self._process.terminate()
        self._process.join()
        self._receiver.close()


Generation = InProcess | Beside


def generator(job: Job) -> Beside:
    """The generator in a forked process (ask ``may_fork`` first)."""
    return Beside(partial(messages, forked=True), job, unwinds=True)


def may_fork() -> bool:
    """True when this process may start the generator beside it: one thread (forking a process with
    threads is unsafe: MkDocs' preview server, a test's browser), on a system with fork."""
    return threading.active_count() == 1 and hasattr(os, "fork")


class _Stopped(Exception):
    """The build stopped this process (SIGTERM)."""


def _stop(signum: int, frame: Any) -> None:
    raise _Stopped


def _generate(
    produce: Callable[..., Iterator[Any]],
    job: Job,
    sender: Any,
    receiver: Any,
    parent: int,
    descriptors: tuple[int, ...],
    unwinds: bool,
) -> None:
    """The forked process: send every message, then None; on an error, send it."""
    # Ctrl+C reaches every process of the terminal: the build stops this one itself (close()).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    # The generator stops the files' maker before it ends: the build may then remove the site folder,
    # and nothing writes into it any more. The maker ends at once (its own workers end with it).
    signal.signal(signal.SIGTERM, _stop if unwinds else signal.SIG_DFL)
    receiver.close()
    workers.start(parent, descriptors)
    for fd in descriptors:  # closed: their numbers may be reused here, and must not be closed again
        workers.forget(fd)
    # Processes forked from here (printed matter's workers, the files' maker) close their copy: when
    # this process ends, the build reads the end of the pipe at once.
    workers.keep_private(sender.fileno())
    try:
        with contextlib.closing(produce(job)) as produced:
            for message in produced:
                sender.send(message)
        sender.send(None)
    except (BrokenPipeError, _Stopped):
        return  # the build has gone, or stopped this process
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
