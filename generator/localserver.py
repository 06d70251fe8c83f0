"""``python -m generator xem``: serve a built site/ on this computer, as a web server would.

Opening site/index.html from a file manager does not work: the site's links end in "/" and a
browser shows a folder listing for them. A web server answers them with the folder's index.html.
This one listens on 127.0.0.1 only, lists no folder, answers a missing page with the site's own
404 page, and serves the site under the path of its address (a site built for
https://example.org/khong-cho/ is served at http://127.0.0.1:8000/khong-cho/).
"""

from __future__ import annotations

import errno
import functools
import http.server
import os
from pathlib import Path
from typing import ClassVar
from urllib.parse import unquote, urlparse

from .publish import site_address

HOST = "127.0.0.1"
PORTS_TRIED = 20
"""When the port is taken (say, by ``make serve``), the next ones are tried."""


class CannotServe(Exception):
    """No built site to serve, or no free port (a usage error: exit 2)."""


class _Handler(http.server.SimpleHTTPRequestHandler):
    """Static files of one site, mounted at ``base``; no folder listings; the site's 404 page."""

    base = "/"
    extensions_map: ClassVar[dict[str, str]] = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".json": "application/json",
        ".csv": "text/csv; charset=utf-8",
        ".pdf": "application/pdf",
        ".wasm": "application/wasm",
        ".pf_meta": "application/octet-stream",
        ".pf_fragment": "application/octet-stream",
        ".pf_index": "application/octet-stream",
        ".pagefind": "application/octet-stream",
    }

    def send_head(self):  # type: ignore[override]
        path = urlparse(self.path).path
        if not _well_formed(path):
            self.send_error(400, "Bad Request")
            return None
        if self.base != "/" and path in ("/", self.base.rstrip("/")):
            self.send_response(302)
            self.send_header("Location", self.base)
            self.end_headers()
            return None
        if not path.startswith(self.base):
            return self._not_found()
        twin = self._twin(path)
        if twin is not None:
            return twin
        return super().send_head()

    def _twin(self, path: str):
        """The precompressed twin the browser accepts (Brotli first, then gzip), sent with its
        Content-Encoding; None to serve the file as it is."""
        target = Path(self.translate_path(path))
        if target.is_dir():
            if not path.endswith("/"):
                return None  # the parent class redirects to the folder's address
            target = target / "index.html"
        if not target.is_file():
            return None
        accepted = _accepted(self.headers.get("Accept-Encoding", ""))
        for encoding, suffix in (("br", ".br"), ("gzip", ".gz")):
            twin = target.with_name(target.name + suffix)
            if encoding not in accepted or not twin.is_file():
                continue
            try:
                handle = twin.open("rb")
            except OSError:
                return None
            self.send_response(200)
            self.send_header("Content-Type", self.guess_type(str(target)))
            self.send_header("Content-Encoding", encoding)
            self.send_header("Vary", "Accept-Encoding")
            self.send_header("Content-Length", str(os.fstat(handle.fileno()).st_size))
            self.end_headers()
            return handle
        return None

    def translate_path(self, path: str) -> str:
        if path.startswith(self.base):
            path = "/" + path[len(self.base) :]
        return super().translate_path(path)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        if code == 404:
            self._not_found()
        else:
            super().send_error(code, message, explain)

    def list_directory(self, path):  # type: ignore[override]
        return self._not_found()

    def _not_found(self):
        page = Path(self.directory) / "404.html"
        body = page.read_bytes() if page.is_file() else "<h1>Không tìm thấy trang</h1>".encode()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)
        return None

    def log_message(self, format: str, *args: object) -> None:  # quiet: the terminal is for the address
        pass


def _accepted(header: str) -> set[str]:
    """The encodings an Accept-Encoding header accepts (a q of 0 refuses one)."""
    found = set()
    for part in header.split(","):
        name, _, params = part.strip().partition(";")
        quality = params.strip().removeprefix("q=") if params.strip().startswith("q=") else "1"
        try:
            if float(quality) > 0:
                found.add(name.strip().lower())
        except ValueError:
            continue
    return found


def _well_formed(path: str) -> bool:
    """A path a browser sends: no NUL or control character, raw or %-encoded (the file system
    refuses them with an exception, which would drop the connection with a traceback)."""
    try:
        decoded = unquote(path, errors="strict")
    except UnicodeDecodeError:
        return False
    return not any(ord(char) < 32 or ord(char) == 127 for char in path + decoded)


class _Server(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A request that still fails is that client's problem: no traceback on the staff's terminal."""


def server(site_dir: Path, port: int) -> tuple[http.server.ThreadingHTTPServer, str]:
    """A server for ``site_dir`` on the first free port from ``port`` (0: any), and the address to open."""
    if not (site_dir / "index.html").is_file():
        raise CannotServe(f"chưa có trang web trong '{site_dir}': hãy dựng trước bằng make site")
    base = urlparse(site_address(site_dir) or "/").path or "/"
    handler = type("Handler", (_Handler,), {"base": base if base.endswith("/") else base + "/"})
    bound = functools.partial(handler, directory=str(site_dir))
    last: OSError | None = None
    for candidate in [port] if port == 0 else range(port, port + PORTS_TRIED):
        try:
            httpd = _Server((HOST, candidate), bound)
        except OSError as exc:
            if exc.errno != errno.EADDRINUSE:
                raise
            last = exc
            continue
        return httpd, f"http://{HOST}:{httpd.server_address[1]}{handler.base}"
    raise CannotServe(
        f"các cổng {port}–{port + PORTS_TRIED - 1} đều đang bận ({last}); hãy chọn cổng khác: make xem PORT=9000"
    )
