"""A catalog full of hostile-but-valid text, opened in Chromium (issue 10).

Every free-text value of the real catalog gets a payload that check accepts; the whole site is
built (PDFs and search included) and every kind of page is opened: the URL never changes, no
request leaves the origin, no dialog opens, and a search for the payloads shows them as text.
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
import yaml
from attack.hostile import VALID_NAME, VALID_PROSE, set_at, text_leaves
from support import REAL_CATALOG, REAL_DAY, build_site, serve

from generator.load import load_file
from generator.pipeline import read_catalog

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("hostile") / "procedures"
    shutil.copytree(REAL_CATALOG, root)
    rng = random.Random(10)
    for path in sorted(root.rglob("*.yaml")):
        if "schema" in path.parts:
            continue
        data = load_file(path).data
        for leaf, is_name in text_leaves(data):
            old = data
            for part in leaf:
                old = old[part]
            payload = rng.choice(VALID_NAME if is_name else VALID_PROSE)
            set_at(data, leaf, f"{old} {payload}")
        path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    _, problems = read_catalog(root)
    assert not [str(p) for p in problems if p.is_error]
    return build_site(root, root.parent / "site", day=REAL_DAY)


PAGES = [
    "",
    "phuong/",
    "phuong/hang-bai/",
    "phuong/hang-bai/chung-thuc-ban-sao/",
    "phuong/cua-nam/dang-ky-ket-hon/",
    "thu-tuc/",
    "thu-tuc/chung-thuc-chu-ky/",
    "ket-qua/",
    "thong-bao/",
    "thong-bao/hang-bai/",
    "du-lieu/",
    "khong-co-trang-nay/",
]


def test_hostile_text_stays_text_in_the_browser(hostile_site: Path, browser) -> None:
    with serve(hostile_site) as base:
        context = browser.new_context(viewport={"width": 390, "height": 844})
        page = context.new_page()
        foreign: list[str] = []
        dialogs: list[str] = []
        page.on(
            "request", lambda request: None if request.url.startswith((base, "data:")) else foreign.append(request.url)
        )
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in PAGES:
            page.goto(base + path)
            page.wait_for_timeout(300)
            assert page.url == base + path, path
            # Markdown or attributes from the catalog never became elements.
            assert page.locator("main img[src^='https://example.org']").count() == 0, path
            assert page.locator("[style*='position:fixed'], [style*='position: fixed']").count() == 0, path
            assert page.locator("meta[http-equiv]").count() == 0, path
        # Search for payload words: results show them as text, and nothing navigates or loads.
        page.goto(base + "phuong/hang-bai/")
        field = page.locator(".kc-search input")
        for query in ("bấm vào đây", "img src", "HYPERLINK", "http-equiv"):
            field.fill(query)
            page.locator(".kc-search__status", has_text=f"kết quả cho “{query}”").wait_for(timeout=5000)
            page.wait_for_timeout(300)
            assert page.url == base + "phuong/hang-bai/"
            results = page.locator(".kc-search__panel")
            assert results.locator(".kc-search__link").count() > 0, query
            assert results.locator("img, script, iframe, [style], [onclick]").count() == 0, query
        assert foreign == [] and dialogs == []
        context.close()
