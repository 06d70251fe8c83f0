"""The search index: Pagefind over the built HTML.

Only what main.html marks ``data-pagefind-body`` (a page's own content) is indexed; pages whose front
matter says ``search: exclude: true`` (the editors' guide) are not. Pagefind folds Vietnamese marks
("ket hon" finds "kết hôn") but not "đ"; assets/search.js, which loads the index on first use,
searches a typed "d" as "đ" too, ranks the results and writes their excerpts.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from . import contract
from .output import Output
from .site import Site

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


def words(site: Site) -> Output:
    """The names search.js knows beside the index: each procedure's everyday names, and the portal's
    commune-level procedures outside the catalog (so that "khai sinh" is answered as not in it)."""
    outside = site.catalog.district.thu_tuc_ngoai_danh_muc if site.catalog.district else None
    data = contract.Words(
        thu_tuc=[
            contract.Named(
                url=f"thu-tuc/{p.id}/",
                ten=p.short_name,
                ten_day_du=p.ten,
                goi=[contract.Called(ten=n.ten, ghi_chu=n.ghi_chu) for n in p.ten_thuong_goi],
            )
            for p in site.procedures
        ],
        ngoai_danh_muc=[
            contract.Outside(ma=o.ma, ten=o.ten, tu_khoa=list(o.tu_khoa)) for o in (outside.thu_tuc if outside else [])
        ],
        cong=outside.tra_cuu if outside else "",
    )
    return Output(contract.WORDS_FILE, json.dumps(data.model_dump(mode="json"), ensure_ascii=False) + "\n")
