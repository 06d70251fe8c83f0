"""The search index: Pagefind over the built HTML.

Only what main.html marks ``data-pagefind-body`` (a page's own content) is indexed; pages whose front
matter says ``search: exclude: true`` (the editors' guide) are not. Pagefind folds Vietnamese marks
("ket hon" finds "kết hôn") but not "đ"; assets/search.js, which loads the index on first use,
searches a typed "d" as "đ" too, ranks the results and writes their excerpts.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

EXCLUDED = (".headerlink", ".kc-breadcrumbs", ".kc-checker")
"""Not content: the "¶" marks of headings, the breadcrumbs, and the eligibility checker (a form that
checker.js fills in the browser)."""


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
