"""The search index: Pagefind over the built HTML (folds Vietnamese diacritics: "ket hon" finds "kết hôn")."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXCLUDED = (".headerlink", ".kc-breadcrumbs")
"""Not content: the "¶" marks of headings and the breadcrumbs."""


class SearchError(RuntimeError):
    """Pagefind could not index the site; the message carries its output."""


def index(site_dir: Path) -> None:
    """Index ``site_dir`` in place (writes site_dir/pagefind/)."""
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent"]
    for selector in EXCLUDED:
        command += ["--exclude-selectors", selector]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        raise SearchError(f"Pagefind không lập được chỉ mục tìm kiếm:\n{result.stdout}{result.stderr}")
