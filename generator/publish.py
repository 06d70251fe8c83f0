"""Atomic publishing: build the whole site beside site/, then swap it in.

A failed or interrupted build leaves the published site/ exactly as it was.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from mkdocs.commands.build import build
from mkdocs.config import load_config
from mkdocs.exceptions import MkDocsException


class PublishError(Exception):
    """The build failed; site/ was not touched."""


def publish(config_file: Path, site_dir: Path, catalog: Path | None = None) -> int:
    """Build with ``mkdocs build --strict`` into a new folder and swap it for ``site_dir``.

    Returns the number of HTML pages published.
    """
    site_dir = site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".site-new-", dir=site_dir.parent))
    try:
        config = load_config(str(config_file), site_dir=str(staging), strict=True)
        if catalog is not None:
            config.plugins["khong-cho"].config.catalog = str(catalog.resolve())
        build(config)
    except (MkDocsException, OSError) as exc:
        shutil.rmtree(staging, ignore_errors=True)
        raise PublishError(str(exc) or type(exc).__name__) from None
    except BaseException:  # interrupted: leave nothing behind
        shutil.rmtree(staging, ignore_errors=True)
        raise
    staging.chmod(0o755)  # mkdtemp makes it private; a web server must read it
    old = site_dir.with_name(f".site-old-{staging.name.removeprefix('.site-new-')}")
    if site_dir.exists():
        site_dir.rename(old)
    staging.rename(site_dir)  # the only moment site/ is absent is between two renames
    shutil.rmtree(old, ignore_errors=True)
    return sum(1 for _ in site_dir.rglob("*.html"))
