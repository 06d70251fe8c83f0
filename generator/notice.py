"""Printed matter of each ward, as HTML and PDF: the formal notice (Nghị định 30/2020/NĐ-CP), a
poster read from a metre away, and a handout per procedure (A5, two to an A4 sheet).

The HTML is laid out by WeasyPrint with the bundled Liberation Serif fonts, so every machine makes
the same PDF. WeasyPrint holds the GIL: PDFs are laid out in worker processes, one per core. All
postable notices also go into one document (tat-ca.pdf), laid out in batches of 50 wards (each
batch embeds its fonts once) so that no worker holds a province's pages at once.
"""

from __future__ import annotations

import hashlib
import io
import json
import multiprocessing
import os
import threading
from collections.abc import Iterable, Iterator
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

import pypdf
import segno
from jinja2 import Environment, StrictUndefined, select_autoescape
from pypdf.generic import ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, NameObject

from . import cache, dated, editions, fmt, labels, schedule, views, workers
from .dated import State
from .model import Ward
from .problems import Problem, Severity
from .render import loader, unknown_condition_kind
from .site import Site, reconstruction_sentence

MAX_PAGES = 2
"""The district's boards take two A4 pages per ward."""
FONTS_URL = "../../assets/fonts/"
"""Where the notice HTML (at /thong-bao/<ward>/) finds the bundled fonts."""
A4_LONG = 841.89
"""The long side of an A4 sheet, in points (297 mm)."""
PREVIEW_MARK = "BẢN XEM TRƯỚC – KHÔNG NIÊM YẾT"
"""Across every printed page of a build for a preview address (see pages.is_preview)."""


class PangoMissing(RuntimeError):
    """WeasyPrint cannot load Pango; the message says which package to install."""


_qr: dict[str, str] = {}
QR_FORMAT = "error=m scale=4 border=2 dark=#000 light=#fff"
QR_CACHE_LIMIT = 100 * 1024 * 1024


def qr_data_uri(url: str) -> str:
    """The QR code of ``url`` as an SVG data URI (embedded: no extra file to lose)."""
    if url not in _qr:
        _qr[url] = segno.make(url, error="m").svg_data_uri(scale=4, border=2, dark="#000", light="#fff")
    return _qr[url]


@dataclass
class QrCodes:
    """A build's QR codes, kept between builds too (.cache/khong-cho/qr): making one takes a few
    milliseconds, and a build makes one per printed sheet, thousands for a province. An entry holds
    the SHA-256 of its text, checked before use; the key is the address and segno's version."""

    folder: Path | None
    new: int = 0

    def __call__(self, url: str) -> str:
        if self.folder is None or url in _qr:
            return qr_data_uri(url)
        key = hashlib.sha256(f"{QR_FORMAT} segno {segno.__version__}\n{url}".encode()).hexdigest()
        path = self.folder / key[:2] / f"{key}.svg"
        text = cache.read_checked(path)
        if text is not None and text.startswith(b"data:image/svg+xml"):
            _qr[url] = text.decode("utf-8")
            return _qr[url]
        cache.write_checked(path, qr_data_uri(url).encode("utf-8"))
        self.new += 1
        return _qr[url]

    def trim(self) -> None:
        """Keep the folder bounded (only when this build added to it)."""
        if self.folder is not None and self.new:
            cache.prune(self.folder, QR_CACHE_LIMIT)


_env = Environment(
    loader=loader("notice"),
    autoescape=select_autoescape(["html", "j2"], default=True),
    undefined=StrictUndefined,
    trim_blocks=True,
    lstrip_blocks=True,
)
_env.filters.update(clock=fmt.clock, hour=fmt.hour, unit=labels.unit, mid=labels.mid, capital=labels.capital)
_env.globals.update(promise=labels.promise, unknown_condition_kind=unknown_condition_kind)


def environment() -> Environment:
    """The printed matter's templates (HTML for WeasyPrint)."""
    return _env


# --- what a ward's printed matter shows --------------------------------------------------------------


@dataclass(frozen=True)
class PrintView:
    """One ward's printed matter at the build date: the notice, the poster and the handouts read it."""

    ward: Ward
    district: Any
    laws: labels.Laws
    status: views.Status
    postable: bool
    services: list[views.Service]
    hours: list[schedule.SessionRow]
    url: str
    qr: str
    place: str
    """The place in the date line: the name of the unit where the issuing body sits (the ward)."""
    date_line: str
    today: str
    void_since: str
    preview: bool
    cutoff: str | None
    """The rule book's hour ("15 giờ") when every procedure printed has the same one: file before it
    to get the result the same day. None when they differ (each item then says its own)."""
    derived: bool
    """No source says the ward applies these procedures: they follow the district's directive."""
    reconstruction: str | None = None
    """A sheet of a day before the catalog's review says that it rebuilds what held then."""
    history: editions.History | None = None
    void_day: date | None = None
    edition: str = ""
    """The day the sheet's content took effect ("Nội dung áp dụng từ ngày …"); its QR code carries it."""


@dataclass(frozen=True)
class Notice:
    """One ward's notice as HTML."""

    ward: Ward
    html: str


def ward_url(site_url: str, ward: Ward) -> str:
    return f"{site_url.rstrip('/')}/phuong/{ward.id}/"


def print_view(site: Site, ward: Ward, *, postable: bool = True, qr: Any = qr_data_uri) -> PrintView:
    """What one ward's printed matter says at the build date.

    Printed matter that may no longer be posted (its ward has ended, or settles nothing without
    waiting any more) lists what held, carries a watermark on every page and says why at the top.
    """
    url = ward_url(site.settings.site_url, ward)
    ward_status = site.statuses[ward.id]
    items = printed_services(site, ward, postable=postable)
    void_since = None
    if not postable:
        ends = [dated.after(item.rules.period.end) for item in items if item.rules.period.end]
        void_since = ward_status.since if ward_status.ended else max(ends, default=None)
    hours = {item.rules.cutoff for item in items}
    cutoff = next(iter(hours)) if len(hours) == 1 else None
    history = site.histories.get(ward.id)
    edition = sheet_edition(history, None, void_since)
    return PrintView(
        ward=ward,
        district=site.catalog.district,
        laws=site.laws,
        status=ward_status,
        postable=postable,
        services=items,
        hours=schedule.hours(ward),
        url=url,
        qr=qr(edition_url(url, edition)),
        place=ward.ten,
        date_line=fmt.document_day(ward.thong_bao.ngay),
        today=fmt.day(site.day),
        void_since=fmt.day(void_since) if void_since else "",
        preview=site.settings.preview,
        cutoff=fmt.hour(cutoff) if cutoff else None,
        derived=bool(items) and not any(item.published for item in items),
        reconstruction=reconstruction_sentence(site.settings, site.review, sheet=True),
        history=history,
        void_day=void_since,
        edition=fmt.day(edition) if edition else "",
    )


def printed_services(site: Site, ward: Ward, *, postable: bool) -> list[views.Service]:
    """What a ward's printed matter lists: to post, what holds today; the record of an ended one, what held."""
    items = site.started(ward)
    return [item for item in items if item.state is State.IN_FORCE] if postable else items


def sheet_edition(history: editions.History | None, procedure: str | None, void_since: date | None) -> date | None:
    """The edition a sheet prints: its content's day; a sheet no longer to be posted keeps the last
    edition before it became void (its record of what held)."""
    if history is None:
        return None
    days = [d for d in history.editions(procedure) if void_since is None or d < void_since]
    return days[-1] if days else None


def edition_url(url: str, edition: date | None) -> str:
    """The page a sheet's QR code opens: with ``?ban=`` its edition, so the page can say whether it
    is still right."""
    return f"{url}?ban={edition.isoformat()}" if edition else url


def render_notice(site: Site, ward: Ward, *, postable: bool = True, fonts_url: str = FONTS_URL) -> Notice:
    """The standalone HTML notice of one ward, as it stands at the build date."""
    view = print_view(site, ward, postable=postable)
    return Notice(ward, _notice_html(view, fonts_url))


def _notice_html(view: PrintView, fonts_url: str = FONTS_URL) -> str:
    return _env.get_template("notice.html.j2").render(n=view, fonts_url=fonts_url)


def render_posters(views_: list[PrintView], preview: bool, fonts_url: str = FONTS_URL) -> str:
    """The wards' posters, one A4 page each read from a metre away, as one document."""
    return _env.get_template("posters.html.j2").render(posters=views_, preview=preview, fonts_url=fonts_url)


def render_handouts(view: PrintView, site_url: str, fonts_url: str = FONTS_URL, qr: Any = qr_data_uri) -> str:
    """The handouts of one ward, one A5 page per procedure, each with a QR code to its page."""
    handouts = []
    for item in view.services:
        url = f"{site_url.rstrip('/')}/phuong/{view.ward.id}/{item.procedure.id}/"
        edition = sheet_edition(view.history, item.procedure.id, view.void_day)
        shown = {
            "url": url,
            "qr": qr(edition_url(url, edition)),
            "edition": fmt.day(edition) if edition else "",
        }
        handouts.append(_HandoutView(**{**view.__dict__, **shown}, service=item))
    template = _env.get_template("handouts.html.j2")
    return template.render(handouts=handouts, ward=view.ward, preview=view.preview, fonts_url=fonts_url)


@dataclass(frozen=True)
class _HandoutView(PrintView):
    service: views.Service | None = None


def render_all(notices: list[PrintView], preview: bool, fonts_url: str = FONTS_URL) -> str:
    """Every postable notice in one document: one PDF whose fonts are embedded once."""
    return _env.get_template("notices.html.j2").render(notices=notices, preview=preview, fonts_url=fonts_url)


# --- laying out PDFs, on every core -------------------------------------------------------------------


@dataclass(frozen=True)
class Job:
    """One PDF to lay out: where it goes, its HTML, the base URL its fonts resolve against."""

    path: str | None
    """Where the whole document goes; None when only its parts are files."""
    html: str
    base_url: str
    two_up: bool = False
    """Each page (or part) is an A5 page printed twice on an A4 sheet (the handouts)."""
    parts: tuple[tuple[str, str], ...] = ()
    """(path, id): also write each part of the document as its own PDF, from the page holding the
    element with that id to the page before the next part (the notices, out of tat-ca.pdf)."""


def _weasyprint():
    try:
        import weasyprint
    except OSError as exc:  # raised when libpango cannot be loaded
        raise PangoMissing(
            "WeasyPrint cần thư viện Pango để tạo PDF thông báo: "
            "hãy cài gói hệ thống 'libpango-1.0-0' và 'libpangoft2-1.0-0' "
            "(Debian/Ubuntu: apt-get install libpango-1.0-0 libpangoft2-1.0-0), "
            f"hoặc dựng trang với KHONG_CHO_NO_PDF=1 để bỏ qua PDF. ({exc})"
        ) from exc
    return weasyprint


def _written(writer: pypdf.PdfWriter) -> bytes:
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def _two_up(page: pypdf.PageObject) -> bytes:
    """Two copies of an A5 page side by side on an A4 landscape sheet, a dashed line to cut between.

    The page becomes a form drawn twice, so its fonts and QR code are stored once (and no content
    stream is parsed: a few milliseconds a sheet).
    """
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    writer = pypdf.PdfWriter()
    sheet = writer.add_blank_page(width=A4_LONG, height=height)  # A5 is 148 mm wide, half of A4 is 148.5
    form = DecodedStreamObject()
    form.set_data(page.get_contents().get_data())
    form.update(
        {
            NameObject("/Type"): NameObject("/XObject"),
            NameObject("/Subtype"): NameObject("/Form"),
            NameObject("/BBox"): ArrayObject([FloatObject(0), FloatObject(0), FloatObject(width), FloatObject(height)]),
            NameObject("/Resources"): page["/Resources"].clone(writer),
        }
    )
    sheet[NameObject("/Resources")] = DictionaryObject(
        {NameObject("/XObject"): DictionaryObject({NameObject("/A5"): writer._add_object(form)})}
    )
    middle = A4_LONG / 2
    drawing = DecodedStreamObject()
    drawing.set_data(
        f"q 1 0 0 1 {middle - width:.2f} 0 cm /A5 Do Q q 1 0 0 1 {middle:.2f} 0 cm /A5 Do Q "
        f"q 0.6 w [4 3] 0 d 0.45 G {middle:.2f} 0 m {middle:.2f} {height:.2f} l S Q".encode()
    )
    sheet[NameObject("/Contents")] = writer._add_object(drawing)
    return _written(writer)


def lay_out(job: Job) -> dict[str, tuple[bytes, int]]:
    """The job's PDFs by path, each with its page count (before printing two up).

    With parts, each part is its own file: from the page holding its id to the page before the
    next part. Runs in a worker process.
    """
    document = _weasyprint().HTML(string=job.html, base_url=job.base_url).render()
    data = document.write_pdf()
    reader = pypdf.PdfReader(io.BytesIO(data))
    laid = {}
    if job.path is not None:
        laid[job.path] = (_two_up(reader.pages[0]) if job.two_up else data, len(document.pages))
    starts = [
        (path, next(i for i, page in enumerate(document.pages) if anchor in page.anchors)) for path, anchor in job.parts
    ]
    for index, (path, start) in enumerate(starts):
        end = starts[index + 1][1] if index + 1 < len(starts) else len(reader.pages)
        if job.two_up:
            laid[path] = (_two_up(reader.pages[start]), end - start)
            continue
        writer = pypdf.PdfWriter()
        for number in range(start, end):
            writer.add_page(reader.pages[number])
        laid[path] = (_written(writer), end - start)
    return laid


def processes() -> int:
    """Worker processes for PDFs: one per core, or KHONG_CHO_PDF_PROCESSES (the benchmark sets 1)."""
    wanted = os.environ.get("KHONG_CHO_PDF_PROCESSES", "")
    if wanted.isdigit() and int(wanted) > 0:
        return int(wanted)
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


_pdfs: dict[str, dict[str, tuple[bytes, int]]] = {}
"""The PDFs of each job already laid out (bytes and page count by path): a preview rebuild lays
out only what changed. Bytes, not laid-out documents: a laid-out notice holds megabytes."""


def _key(job: Job) -> str:
    return hashlib.sha256(f"{job.two_up}\n{job.parts}\n{job.base_url}\n{job.html}".encode()).hexdigest()


PDF_CACHE_LIMIT = 1024 * 1024 * 1024
"""The PDF cache's bound (1 GiB): beyond it, the PDFs least recently used go first."""
PDF_CACHE_FORMAT = "1"


@dataclass
class PdfCache:
    """Laid-out PDFs kept between builds (.cache/khong-cho/pdf): a sheet is laid out again only when
    what shapes it changed. The key is the job's HTML (template and content), its parts and base,
    the bundled fonts' bytes and the WeasyPrint and pypdf versions. An entry is checked before use
    (its header, each part a whole PDF); anything else is laid out again."""

    folder: Path
    salt: str
    laid_out: int = 0
    reused: int = 0

    @classmethod
    def at(cls, folder: Path, fonts_dir: Path) -> PdfCache:
        digest = hashlib.sha256(f"{PDF_CACHE_FORMAT} {_weasyprint().__version__} {pypdf.__version__}".encode())
        for font in sorted(fonts_dir.glob("*")) if fonts_dir.is_dir() else []:
            digest.update(font.name.encode() + b"\0" + font.read_bytes())
        return cls(folder, digest.hexdigest())

    def _path(self, job: Job) -> Path:
        key = hashlib.sha256(f"{self.salt}\n{_key(job)}".encode()).hexdigest()
        return self.folder / key[:2] / f"{key}.pdfs"

    def get(self, job: Job) -> dict[str, tuple[bytes, int]] | None:
        data = cache.read(self._path(job))
        if data is None:
            return None
        try:
            header, _, body = data.partition(b"\n")
            parts = json.loads(header)
            found, at = {}, 0
            for path, pages, length in parts:
                chunk = body[at : at + length]
                if not chunk.startswith(b"%PDF-") or b"%%EOF" not in chunk[-64:] or pages < 1:
                    return None
                found[str(path)] = (chunk, int(pages))
                at += length
            return found if found and at == len(body) else None
        except (ValueError, TypeError):
            return None

    def put(self, job: Job, result: dict[str, tuple[bytes, int]]) -> None:
        header = json.dumps([[path, pages, len(data)] for path, (data, pages) in result.items()]).encode()
        cache.write(self._path(job), header + b"\n" + b"".join(data for data, _ in result.values()))


def _context() -> multiprocessing.context.BaseContext:
    # A plain build has one thread: fork (fast, nothing re-imported). MkDocs' preview server has
    # threads, and forking those is unsafe: workers then start from a clean forkserver process.
    if threading.active_count() == 1:
        return multiprocessing.get_context("fork")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["weasyprint", "pypdf"])
    return context


def lay_out_all(jobs: Iterable[Job], kept: PdfCache | None = None) -> dict[str, tuple[bytes, int]]:
    """Every job's PDFs and page counts, by path; new ones laid out in parallel processes.

    ``jobs`` may be a generator: each job is handed to a worker as soon as its HTML is made, so
    the workers lay out while the rest is still being written. Put the longest job first.
    """
    _weasyprint()  # say here, once and clearly, when Pango is missing
    pending, done = iter(jobs), []

    def known(job: Job) -> bool:
        """Laid out already: in this process, or by an earlier build (the cache)."""
        key = _key(job)
        if key not in _pdfs and kept is not None:
            found = kept.get(job)
            if found is not None:
                _pdfs[key] = found
                kept.reused += 1
        return key in _pdfs

    def made(job: Job, result: dict[str, tuple[bytes, int]]) -> None:
        _pdfs[_key(job)] = result
        if kept is not None:
            kept.laid_out += 1
            kept.put(job, result)

    if processes() > 1:
        try:
            context = _context()
            # Workers close the build's lock and end with the build, even one killed hard. Only a
            # forked worker holds copies of the build's descriptors, under the same numbers: one
            # started by the forkserver has none, and closing those numbers there would close its
            # own pipes (its result then written nowhere: the build waits for ever).
            forked = context.get_start_method() == "fork"
            parent = os.getpid() if forked else None
            with ProcessPoolExecutor(
                max_workers=processes(),
                mp_context=context,
                initializer=workers.start,
                initargs=(parent, workers.private() if forked else ()),
            ) as pool:
                futures = {}
                for job in pending:
                    done.append(job)
                    key = _key(job)
                    if not known(job) and key not in futures:
                        futures[key] = (job, pool.submit(lay_out, job))
                for job, future in futures.values():
                    made(job, future.result())
        except BrokenProcessPool:
            pass  # a worker could not start (e.g. no main file to re-import): laid out here below
    done.extend(pending)  # what the pool did not take: everything, on one core
    for job in done:  # here, where any real error shows with its own message
        if not known(job):
            made(job, lay_out(job))
    if kept is not None and kept.laid_out:  # nothing new: the cache has not grown
        cache.prune(kept.folder, PDF_CACHE_LIMIT)
    return {path: result for job in done for path, result in _pdfs[_key(job)].items()}


# --- every printed file of the site ------------------------------------------------------------------


def poster_path(ward: Ward) -> str:
    return f"thong-bao/{ward.id}/ap-phich.pdf"


def handout_path(ward: Ward, procedure_id: str) -> str:
    return f"thong-bao/{ward.id}/phieu-{procedure_id}.pdf"


@dataclass(frozen=True)
class Printed:
    """Every printed file of the site, a warning for each that overflows, and each sheet's HTML."""

    files: list[tuple[str, str | bytes]]
    warnings: list[Problem]
    sheets: dict[str, str]
    """The HTML each PDF is laid out from, by the PDF's path (or its first part's): what it prints."""
    laid_out: int | None = None
    """PDF jobs laid out by this build, and taken from the cache (None without a cache)."""
    reused: int | None = None


def printed_paths(site: Site) -> list[str]:
    """Where ``render_notices`` puts each file, known before any is made (MkDocs lists every file
    of the site before it reads the first page; the printed matter is made while it does)."""
    plan = site.plan
    paths = [f"thong-bao/{ward.id}/index.html" for ward in plan.wards]
    if not plan.wards or not site.settings.pdf:
        return paths
    paths += [f"thong-bao/{ward.id}.pdf" for ward in plan.wards]
    if plan.postable:
        paths.append(ALL_NOTICES)
    for ward in plan.postable:
        paths.append(poster_path(ward))
        paths += [handout_path(ward, item.procedure.id) for item in printed_services(site, ward, postable=True)]
    return paths


def render_notices(site: Site, fonts_dir: Path, cache: Path | None = None, *, keep_sheets: bool = True) -> Printed:
    """Every printed file of the site, as (path, content), and a warning for each that overflows.

    Each ward with a notice gets its notice (HTML and PDF); each postable ward also gets a poster
    and a handout per procedure it settles without waiting, and ``tat-ca.pdf`` holds the postable
    notices (made only when there are some). ``fonts_dir`` holds the bundled fonts. A warning
    points at the ward's file, where the text to shorten is. Without PDFs, the sheets' HTML is
    still made (tests read what each would print).
    """
    plan = site.plan
    codes = QrCodes(cache / "qr" if cache else None)
    printed = {ward.id: print_view(site, ward, postable=plan.may_post(ward), qr=codes) for ward in plan.wards}
    notices = {wid: _notice_html(view) for wid, view in printed.items()}
    files: list[tuple[str, str | bytes]] = [(f"thong-bao/{wid}/index.html", html) for wid, html in notices.items()]
    if not notices:
        return Printed(files, [], {})
    # Printed matter lives at thong-bao/<ward>/, two levels below the fonts' assets/ folder.
    base = (fonts_dir.parent.parent / "thong-bao" / "_").as_uri() + "/"
    postable = [printed[ward.id] for ward in plan.postable]
    sheets: dict[str, str] = {}

    def recorded() -> Iterator[Job]:
        for job in _jobs(printed, notices, postable, site.settings.site_url, base, site.settings.preview, codes):
            sheets[job.path or job.parts[0][0]] = job.html
            yield job

    if not site.settings.pdf:
        if keep_sheets:  # what each PDF would print, for those who read it (tests); no use to a build
            for _ in recorded():
                pass
        codes.trim()
        return Printed(files, [], sheets)
    kept = PdfCache.at(cache / "pdf", fonts_dir) if cache is not None else None
    laid = _joined(lay_out_all(recorded(), kept))
    codes.trim()
    files += [(path, data) for path, (data, _) in laid.items()]
    counts = (kept.laid_out, kept.reused) if kept else (None, None)
    return Printed(files, _overflows(site, printed, laid), sheets, *counts)


ALL_NOTICES = "thong-bao/tat-ca.pdf"
BATCH = 50
"""Wards per laid-out document of notices or posters. WeasyPrint holds a whole document's layout in
memory: a province's 3,321 notices in one document passed 8.5 GB in its worker; in batches of 50
the largest worker stayed at 1.7 GB (docs/phat-trien.md). The two cores also share the batches, and
a change to one ward lays out its batch again, not all."""


def _batches(views_: list[PrintView]) -> list[list[PrintView]]:
    return [views_[i : i + BATCH] for i in range(0, len(views_), BATCH)]


def _batch_path(index: int, count: int) -> str:
    """Where a batch of notices goes: tat-ca.pdf itself when there is one batch, else a piece of it."""
    return ALL_NOTICES if count == 1 else f"{ALL_NOTICES}#{index}"


def _joined(laid: dict[str, tuple[bytes, int]]) -> dict[str, tuple[bytes, int]]:
    """tat-ca.pdf made of its batches, in order (when there is more than one)."""
    pieces = [laid.pop(path) for path in sorted((p for p in laid if p.startswith(ALL_NOTICES + "#")), key=_piece)]
    if pieces:
        writer = pypdf.PdfWriter()
        for data, _ in pieces:
            writer.append(pypdf.PdfReader(io.BytesIO(data)))
        laid[ALL_NOTICES] = (_written(writer), sum(pages for _, pages in pieces))
    return laid


def _piece(path: str) -> int:
    return int(path.rpartition("#")[2])


def _jobs(
    printed: dict[str, PrintView],
    notices: dict[str, str],
    postable: list[PrintView],
    site_url: str,
    base: str,
    preview: bool,
    qr: Any = qr_data_uri,
) -> Iterator[Job]:
    """The PDFs to lay out, longest first, made one by one (workers start on the first at once)."""
    batches = _batches(postable)
    for index, batch in enumerate(batches):
        # The postable notices are laid out in batches that make tat-ca.pdf; each ward's is cut out of one.
        parts = tuple((f"thong-bao/{view.ward.id}.pdf", f"tb-{view.ward.id}") for view in batch)
        yield Job(_batch_path(index, len(batches)), render_all(batch, preview), base, parts=parts)
    yield from (Job(f"thong-bao/{wid}.pdf", html, base) for wid, html in notices.items() if not printed[wid].postable)
    for batch in batches:  # posters in batches too, each cut into one file per ward
        parts = tuple((poster_path(view.ward), f"ap-{view.ward.id}") for view in batch)
        yield Job(None, render_posters(batch, preview), base, parts=parts)
    for view in postable:
        # A ward's handouts: one document (its fonts loaded once), cut into one file per procedure.
        parts = tuple((handout_path(view.ward, item.procedure.id), f"ph-{item.procedure.id}") for item in view.services)
        yield Job(None, render_handouts(view, site_url, qr=qr), base, two_up=True, parts=parts)


def _overflows(site: Site, printed: dict[str, PrintView], laid: dict[str, tuple[bytes, int]]) -> list[Problem]:
    """A warning for each postable notice over two pages, poster over one, handout over one A5 page."""
    problems = []
    for ward in site.plan.postable:
        checks = [(f"thong-bao/{ward.id}.pdf", MAX_PAGES, f"thông báo niêm yết của phường {ward.ten}", "khổ A4")]
        checks.append((poster_path(ward), 1, f"áp phích của phường {ward.ten}", "khổ A4"))
        for item in printed[ward.id].services:
            name = f"phiếu hướng dẫn '{item.procedure.short_name}' của phường {ward.ten}"
            checks.append((handout_path(ward, item.procedure.id), 1, name, "khổ A5"))
        for path, limit, what, size in checks:
            pages = laid[path][1]
            if pages > limit:
                message = (
                    f"{what} dài {pages} trang, quá {limit} trang {size}; hãy rút gọn nội dung "
                    "(noi_dung_ngan của các điều kiện, tên và ghi chú giấy tờ)"
                )
                problems.append(
                    replace(
                        site.catalog.source(ward).problem(("thu_tuc_khong_cho",), message, severity=Severity.WARNING),
                        kind="bản in dài quá khổ giấy",
                    )
                )
    return problems
