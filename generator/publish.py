"""Safe publishing: build the whole site beside site/, then swap it in.

A failed or interrupted build leaves the published site/ exactly as it was, and a build never
deletes a folder it did not create: the output folder must be new, empty, or a site built here
(it carries ``MARKER``), and it may not be, hold, or lie inside the project's own folders.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, MkDocsException

from . import workers
from .problems import os_reason
from .settings import is_preview

MARKER = ".khong-cho-site"
"""A file in the root of every site this tool builds: only such a folder is ever replaced."""
MARKER_TEXT = "Thư mục này do công cụ khong-cho dựng; lệnh dựng trang sẽ thay toàn bộ nội dung.\n"
ADDRESS_KEY = "dia_chi_trang: "
"""The marker's line with the address the site was built for (``make xem`` serves it at its path)."""
STAGING = ".khong-cho-dang-dung"
"""A file in every staging folder this tool makes: only such a folder is removed as stale."""
WAIT_VARIABLE = "KHONG_CHO_CHO_KHOA"
DEFAULT_WAIT = 300.0
_LEGACY = ("du-lieu/danh-muc.json", "sitemap.xml")
"""Files that sites built before the marker existed all hold."""


class PublishError(Exception):
    """The build failed; site/ was not touched."""


class UnsafeSiteDir(PublishError):
    """The output folder is one the build must not replace (a usage error: exit 2)."""


class PreviewAddress(PublishError):
    """A build meant for publishing has a preview address (a usage error: exit 2)."""


class BuildBusy(PublishError):
    """Another build of the same folder still runs after the bounded wait."""


def _is_ours(site: Path) -> bool:
    return (site / MARKER).is_file() or all((site / name).is_file() for name in _LEGACY)


def site_address(site: Path) -> str | None:
    """The address a site built here was built for, from its marker; None when unknown."""
    try:
        lines = (site / MARKER).read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    return next((line[len(ADDRESS_KEY) :].strip() for line in lines if line.startswith(ADDRESS_KEY)), None)


def check_site_dir(site: Path, protected: dict[str, Path]) -> None:
    """Refuse an output folder that the swap would make us delete although we did not create it.

    ``protected`` names the project's own folders (project, catalog, docs, theme overrides).
    """
    site = site.resolve()
    for name, folder in protected.items():
        folder = folder.resolve()
        if site == folder or site in folder.parents:
            raise UnsafeSiteDir(
                f"thư mục trang web '{site}' là hoặc chứa {name} ({folder}); dựng vào đó sẽ xóa mất {name}. "
                "Hãy chọn một thư mục riêng, ví dụ site/"
            )
        if name != "thư mục dự án" and folder in site.parents:
            raise UnsafeSiteDir(f"thư mục trang web '{site}' nằm trong {name} ({folder}); hãy chọn thư mục khác")
    if site.is_symlink() or (site.exists() and not site.is_dir()):
        raise UnsafeSiteDir(f"'{site}' đã có và không phải thư mục; hãy chọn thư mục khác")
    if site.is_dir() and any(site.iterdir()) and not _is_ours(site):
        raise UnsafeSiteDir(
            f"thư mục '{site}' đã có nội dung không do công cụ này dựng; để khỏi xóa nhầm, hãy chọn "
            "một thư mục mới hoặc rỗng"
        )


@contextlib.contextmanager
def _locked(folder: Path, wait: float, notify: Callable[[str], None]) -> Iterator[None]:
    """One build at a time per output location (a lock on the parent folder, released on exit).

    A busy lock is said once, then waited for at most ``wait`` seconds. The lock's descriptor is
    private to the build: its worker processes close their copy (workers.py).
    """
    fd = os.open(folder, os.O_RDONLY)
    workers.keep_private(fd)
    try:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            notify(
                f"Một lần dựng trang khác đang chạy với thư mục '{folder}'; chờ lần đó xong (tối đa {wait:.0f} giây)…"
            )
            _wait_for(fd, wait, folder)
        yield
    finally:
        workers.forget(fd)
        os.close(fd)  # closing releases the lock, also when the process is killed


def _wait_for(fd: int, wait: float, folder: Path) -> None:
    deadline = time.monotonic() + wait
    while True:
        time.sleep(0.2)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            return
        except BlockingIOError:
            if time.monotonic() > deadline:
                raise BuildBusy(
                    f"một lần dựng trang khác vẫn đang chạy với thư mục '{folder}' sau {wait:.0f} giây; "
                    "hãy chờ lần đó xong (hoặc dừng nó) rồi chạy lại"
                ) from None


def _lock_wait() -> float:
    """How long a build waits for another one (KHONG_CHO_CHO_KHOA seconds; default 300)."""
    text = os.environ.get(WAIT_VARIABLE, "")
    return float(text) if text.isdigit() else DEFAULT_WAIT


def _remove_stale(site: Path) -> None:
    """Staging folders of earlier builds that were killed before they could clean up: only those
    that carry this tool's marker (a folder that merely looks like one is someone else's)."""
    for prefix in (f".{site.name}-new-", f".{site.name}-old-"):
        for stale in site.parent.glob(f"{prefix}*"):
            if stale.is_dir() and not stale.is_symlink() and ((stale / STAGING).is_file() or _is_ours(stale)):
                shutil.rmtree(stale, ignore_errors=True)


def _copy_into(staging: Path, site: Path) -> None:
    """Fallback when site/ cannot be renamed (a mount point): replace its content file by file.

    Each file is written beside its target and renamed over it, then what the new build no longer
    has is removed; site/ itself (the mount) stays.
    """
    new = {path.relative_to(staging) for path in staging.rglob("*")}
    for rel in sorted(new):
        source, target = staging / rel, site / rel
        if source.is_dir():
            if target.exists() and not target.is_dir():
                target.unlink()
            target.mkdir(exist_ok=True)
            continue
        if target.is_dir() and not target.is_symlink():
            shutil.rmtree(target)
        temporary = target.with_name(f".{target.name}.kc-tmp")
        shutil.copyfile(source, temporary)
        os.replace(temporary, target)
    for path in sorted(site.rglob("*"), key=lambda p: len(p.parts), reverse=True):
        if path.relative_to(site) not in new:
            if path.is_dir() and not path.is_symlink():
                shutil.rmtree(path)
            else:
                path.unlink()


def publish(
    config_file: Path,
    site_dir: Path,
    catalog: Path | None = None,
    *,
    public: bool = False,
    notify: Callable[[str], None] = lambda message: None,
) -> int:
    """Build with ``mkdocs build --strict`` into a new folder and swap it for ``site_dir``.

    With ``public``, refuse a preview site address (loopback or private): a site to publish must
    print QR codes citizens can open; and a catalog reviewed longer ago than the district allows.
    Returns the number of HTML pages published.
    """
    if public:
        address = load_config(str(config_file.absolute())).site_url or ""
        if is_preview(address):
            raise PreviewAddress(
                f"địa chỉ trang '{address}' là địa chỉ xem trước, mã QR trên thông báo sẽ không mở được. "
                "Hãy đặt địa chỉ công khai của trang, ví dụ: SITE_URL=https://ten-mien-cua-phuong.vn/ make publish"
            )
    site = site_dir.absolute()
    config_file = config_file.absolute()
    project = config_file.parent
    folders = {
        "thư mục dự án": project,
        "thư mục danh mục": (catalog or project / "procedures").absolute(),
        "thư mục docs": project / "docs",
        "thư mục overrides": project / "overrides",
        "thư mục .git": project / ".git",
    }
    check_site_dir(site, folders)
    try:
        site.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UnsafeSiteDir(f"không tạo được thư mục '{site.parent}' ({os_reason(exc)})") from None
    with _locked(site.parent, _lock_wait(), notify):
        _remove_stale(site)
        try:
            staging = Path(tempfile.mkdtemp(prefix=f".{site.name}-new-", dir=site.parent))
            (staging / STAGING).write_text(MARKER_TEXT, encoding="utf-8")
        except OSError as exc:
            raise UnsafeSiteDir(f"không ghi được vào thư mục '{site.parent}' ({os_reason(exc)})") from None
        config = None
        try:
            config = load_config(str(config_file), site_dir=str(staging), strict=True)
            plugin = config.plugins["khong-cho"].config
            plugin.cong_khai = public  # a catalog past its review deadline stops a publishing build
            if catalog is not None:
                plugin.catalog = str(catalog.absolute())
            build(config)
            (staging / MARKER).write_text(f"{MARKER_TEXT}{ADDRESS_KEY}{config.site_url or ''}\n", encoding="utf-8")
            (staging / STAGING).unlink()  # now marked as a site of ours
        except (MkDocsException, OSError) as exc:
            shutil.rmtree(staging, ignore_errors=True)
            message = str(exc) or type(exc).__name__
            if isinstance(exc, Abort):  # MkDocs has logged the reason; its "Aborted with…" adds nothing
                message = ""
            if isinstance(exc, OSError):
                message = f"lỗi ghi tệp: {os_reason(exc)}"
            raise PublishError(message) from None
        except BaseException:  # interrupted: leave nothing behind
            if config is not None:  # no twin written into the folder while it is removed
                getattr(config.plugins["khong-cho"], "stop", lambda: None)()
            shutil.rmtree(staging, ignore_errors=True)
            raise
        staging.chmod(0o755)  # mkdtemp makes it private; a web server must read it
        try:
            _swap(staging, site)
        finally:
            shutil.rmtree(staging, ignore_errors=True)
    return sum(1 for _ in site.rglob("*.html"))


def _swap(staging: Path, site: Path) -> None:
    """Rename the new site into place; copy into it where renaming is impossible (a mount point)."""
    if os.path.ismount(site):
        _copy_into(staging, site)
        return
    old = site.with_name(f".{site.name}-old-{staging.name.rsplit('-', 1)[-1]}")
    try:
        if site.exists():
            site.rename(old)
    except OSError as exc:
        if exc.errno not in (errno.EBUSY, errno.EXDEV, errno.EPERM, errno.EACCES):
            raise
        _copy_into(staging, site)
        return
    staging.rename(site)  # the only moment site/ is absent is between two renames
    shutil.rmtree(old, ignore_errors=True)
