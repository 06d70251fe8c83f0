"""Command line: ``python -m generator check|build|xem|schema|new``.

Exit codes: 0 no errors, 1 errors (or warnings with --strict), 2 bad usage.
"""

from __future__ import annotations

import argparse
import errno
import logging
import sys
import time
from datetime import date
from pathlib import Path

from . import checks, evidence
from .pipeline import read_catalog
from .problems import Severity, os_reason, printable, sort_problems, summary
from .scaffold import ScaffoldError, new_record
from .schema import write_schemas
from .settings import BadDay, build_day

DEFAULT_CATALOG = Path("procedures")


# argparse's own words, in Vietnamese (it looks ``_`` up at call time).
_ARGPARSE_WORDS = {
    "usage: ": "Cách dùng: ",
    "positional arguments": "tham số",
    "options": "tùy chọn",
    "show this help message and exit": "hiện hướng dẫn này rồi thoát",
    "the following arguments are required: %s": "thiếu tham số bắt buộc: %s",
    "unrecognized arguments: %s": "tham số không hợp lệ: %s",
    "invalid choice: %(value)r (choose from %(choices)s)": (
        "lựa chọn không hợp lệ: %(value)r (chọn một trong: %(choices)s)"
    ),
    "argument %(argument_name)s: %(message)s": "tham số %(argument_name)s: %(message)s",
    "expected one argument": "cần một giá trị",
}
argparse._ = lambda text: _ARGPARSE_WORDS.get(text, text)  # type: ignore[attr-defined]


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # argparse's own exit code 2, with our words
        self.print_usage(sys.stderr)
        self.exit(2, f"{self.prog}: lỗi: {message}\n")


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m generator", description="Danh mục thủ tục hành chính không chờ.")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser, metavar="lệnh")
    check = commands.add_parser("check", help="kiểm tra danh mục")
    check.add_argument("--strict", action="store_true", help="coi cảnh báo là lỗi")
    check.add_argument(
        "--bao-cao",
        action="store_true",
        dest="report",
        help="in thêm bảng nguồn của từng phường: thông tin nào có nguồn, suy ra hay còn thiếu",
    )
    check.add_argument(
        "path", nargs="?", type=Path, default=DEFAULT_CATALOG, help="thư mục danh mục (mặc định: procedures)"
    )
    schema = commands.add_parser("schema", help="ghi JSON Schema của các loại tệp")
    schema.add_argument(
        "--out", type=Path, default=DEFAULT_CATALOG / "schema", help="thư mục ghi (mặc định: procedures/schema)"
    )
    site = commands.add_parser("build", help="dựng trang web vào site/ (thay site/ cũ chỉ khi dựng xong)")
    site.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="tệp cấu hình (mặc định: mkdocs.yml)")
    site.add_argument("--site-dir", type=Path, default=Path("site"), help="thư mục trang web (mặc định: site)")
    site.add_argument("--catalog", type=Path, default=None, help="thư mục danh mục (mặc định: theo mkdocs.yml)")
    site.add_argument(
        "--cong-khai",
        action="store_true",
        dest="public",
        help="dựng để đăng: từ chối địa chỉ xem trước (đặt SITE_URL là địa chỉ công khai của trang)",
    )
    live = commands.add_parser("serve", help="bản xem trước cho người biên tập: tự dựng lại mỗi khi lưu tệp")
    live.add_argument("--config", type=Path, default=Path("mkdocs.yml"), help="tệp cấu hình (mặc định: mkdocs.yml)")
    live.add_argument("--port", type=int, default=8000, help="cổng (mặc định: 8000)")
    xem = commands.add_parser("xem", help="mở trang web đã dựng (site/) trên máy này, tại http://127.0.0.1:8000/")
    xem.add_argument("--site-dir", type=Path, default=Path("site"), help="thư mục trang web (mặc định: site)")
    xem.add_argument("--port", type=int, default=8000, help="cổng (mặc định: 8000; bận thì thử cổng sau)")
    new = commands.add_parser("new", help="tạo tệp mới theo mẫu")
    new.add_argument("kind", choices=["ward", "procedure"], help="ward: phường; procedure: thủ tục")
    new.add_argument("name", help='tên, ví dụ "Hàng Bài" hoặc "Chứng thực bản sao"')
    new.add_argument("--catalog", type=Path, default=DEFAULT_CATALOG, help="thư mục danh mục")
    return parser


def _check(path: Path, strict: bool, report: bool = False) -> int:
    catalog, problems = read_catalog(path)
    if not any(p.is_error for p in problems):
        # What a publishing build today (KHONG_CHO_NGAY: that day) would refuse, and what its
        # readers would find missing, said here first.
        try:
            day = build_day()
        except BadDay as exc:
            _say(f"python -m generator check: lỗi: {exc}", error=True)
            return 2
        of_the_day = checks.review_problems(catalog, day, severity=Severity.WARNING) + checks.gaps_on(catalog, day)
        problems = sort_problems(problems + of_the_day)
    errors = [p for p in problems if p.is_error]
    warnings = [p for p in problems if not p.is_error]
    for title, group in (("Lỗi (phải sửa trước khi đăng):", errors), ("Cảnh báo (thông tin còn thiếu):", warnings)):
        if group:
            print(title)
            for problem in group:
                print(problem)
    print(summary(problems))
    if report:
        print()
        print("Nguồn của thông tin từng phường:")
        print(evidence.report_text(catalog))
    return 1 if errors or (strict and warnings) else 0


def _say(message: str, *, error: bool = False) -> None:
    print(printable(message), file=sys.stderr if error else sys.stdout)


def _mkdocs_log() -> None:
    """MkDocs' progress lines (INFO, in English) mean nothing to ward staff: only its warnings and
    errors are shown, and our own messages say the rest in Vietnamese."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)-7s -  %(message)s"))
    logger = logging.getLogger("mkdocs")
    logger.addHandler(handler)
    logger.setLevel(logging.WARNING)
    logger.propagate = False


def _build(args: argparse.Namespace) -> int:
    from .publish import PreviewAddress, PublishError, UnsafeSiteDir, publish  # MkDocs is only needed here

    _mkdocs_log()
    started = time.monotonic()
    try:
        pages = publish(
            args.config, args.site_dir, args.catalog, public=args.public, notify=lambda line: _say(line, error=True)
        )
    except (UnsafeSiteDir, PreviewAddress) as exc:
        _say(f"python -m generator build: lỗi: {exc}", error=True)
        return 2
    except PublishError as exc:
        _say(f"python -m generator build: lỗi: trang web không được dựng, {args.site_dir}/ giữ nguyên.", error=True)
        if str(exc):
            _say(str(exc), error=True)
        return 1
    seconds = f"{time.monotonic() - started:.1f}".replace(".", ",")
    view = "make xem" if args.site_dir == Path("site") else f"make xem SITE_DIR={args.site_dir}"
    _say(f"đã dựng {pages} trang vào {args.site_dir}/ trong {seconds} giây. Xem trang: {view}")
    return 0


def _live(args: argparse.Namespace) -> int:
    """``make serve``: MkDocs' live preview, speaking Vietnamese and showing only what matters."""
    from urllib.parse import urlsplit

    from mkdocs.commands.serve import serve
    from mkdocs.config import load_config
    from mkdocs.exceptions import MkDocsException
    from mkdocs.livereload import _serve_url

    _mkdocs_log()
    address = f"127.0.0.1:{args.port}"
    try:
        mount = urlsplit(load_config(str(args.config)).site_url or "/").path
        _say(f"Đang dựng bản xem trước; xong sẽ mở tại: {_serve_url('127.0.0.1', args.port, mount)}")
        _say("Trang tự dựng lại mỗi khi lưu một tệp; lỗi của danh mục hiện ngay trên trang. Nhấn Ctrl+C để dừng.")
        sys.stdout.flush()
        serve(str(args.config), dev_addr=address)
    except OSError as exc:
        if exc.errno == errno.EADDRINUSE:
            _say(
                f"python -m generator serve: lỗi: cổng {args.port} đang bận; hãy chọn cổng khác: make serve PORT=8001",
                error=True,
            )
            return 2
        raise
    except MkDocsException as exc:
        _say(f"python -m generator serve: lỗi: {exc}", error=True)
        return 1
    _say("Đã dừng.")
    return 0


def _serve(args: argparse.Namespace) -> int:
    from .localserver import CannotServe, server

    try:
        httpd, address = server(args.site_dir, args.port)
    except CannotServe as exc:
        _say(f"python -m generator xem: lỗi: {exc}", error=True)
        return 2
    _say(f"Trang web trong {args.site_dir}/ đang mở tại: {address}")
    _say("Mở địa chỉ này trong trình duyệt (chỉ máy này xem được). Nhấn Ctrl+C để dừng.")
    sys.stdout.flush()
    try:
        httpd.serve_forever()
    except KeyboardInterrupt:
        _say("Đã dừng.")
    finally:
        httpd.server_close()
    return 0


def _run(args: argparse.Namespace, parser: argparse.ArgumentParser) -> int:
    if args.command == "check":
        if not args.path.is_dir():
            parser.error(printable(f"không có thư mục danh mục '{args.path}'"))
        return _check(args.path, args.strict, args.report)
    if args.command == "build":
        return _build(args)
    if args.command == "xem":
        return _serve(args)
    if args.command == "serve":
        return _live(args)
    if args.command == "schema":
        for path in write_schemas(args.out):
            _say(f"đã ghi {path}")
        return 0
    try:
        path = new_record(args.catalog, args.kind, args.name, today=date.today())
    except ScaffoldError as exc:
        _say(f"python -m generator new: lỗi: {exc}", error=True)
        return 1
    _say(f"đã tạo {path}")
    return 0


def main(argv: list[str] | None = None) -> int:
    """Run the command line; returns the exit code."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="backslashreplace")
    parser = _parser()
    args = parser.parse_args(argv)
    try:
        return _run(args, parser)
    except OSError as exc:
        # The operating system refused (disk full, no permission, a file where a folder should be):
        # say so in words, never with a traceback.
        if isinstance(exc, BrokenPipeError):
            raise
        _say(f"python -m generator {args.command}: lỗi: {os_reason(exc)}", error=True)
        return 1
