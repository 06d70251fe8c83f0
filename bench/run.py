"""Rerunnable benchmark: check and build times, pages, size, for the real and synthetic catalogs.

.venv/bin/python bench/run.py [--sizes 18,180] [--procedures 5] [--json bench/results.json]
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from synth import REAL, synthesize  # noqa: E402

from generator.catalog import read_catalog  # noqa: E402


def measure(catalog: Path, site: Path) -> dict[str, float]:
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    start = time.perf_counter()
    _, problems = read_catalog(catalog)
    check = time.perf_counter() - start
    assert not [p for p in problems if p.is_error]
    config = load_config(str(ROOT / "mkdocs.yml"), site_dir=str(site), strict=True)
    config.plugins["khong-cho"].config.catalog = str(catalog)
    start = time.perf_counter()
    build(config)
    total = time.perf_counter() - start
    pages = sum(1 for _ in site.rglob("*.html"))
    size = sum(p.stat().st_size for p in site.rglob("*") if p.is_file())
    return {
        "check_s": round(check, 3),
        "build_s": round(total, 2),
        "pages": pages,
        "ms_per_page": round(1000 * total / pages, 1),
        "site_mb": round(size / 1e6, 1),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 0),
    }


def browser_bytes(site: Path) -> dict[str, float]:
    """Bytes a visitor loads: a ward page's first load, and one search for "ket hon"."""
    sys.path.insert(0, str(ROOT / "tests"))
    from playwright.sync_api import sync_playwright
    from support import serve

    sizes: dict[str, int] = {}
    with serve(site) as url, sync_playwright() as playwright:
        flags = ["--no-sandbox", "--disable-gpu", "--disable-background-networking"]
        browser = playwright.chromium.launch(executable_path="/usr/bin/chromium", args=flags)
        page = browser.new_page()
        loaded: list[tuple[str, int]] = []
        page.on("requestfinished", lambda r: loaded.append((r.url, r.sizes()["responseBodySize"])))
        first_ward = sorted(p.name for p in (site / "phuong").iterdir() if p.is_dir())[0]
        page.goto(f"{url}phuong/{first_ward}/", wait_until="networkidle")
        sizes["ward_page_kb"] = sum(n for _, n in loaded)
        loaded.clear()
        page.locator(".kc-search input").fill("ket hon")
        page.locator(".pagefind-ui__result-link").first.wait_for()
        page.wait_for_load_state("networkidle")
        sizes["search_kb"] = sum(n for u, n in loaded if "/pagefind/" in u)
        browser.close()
    return {key: round(value / 1024, 1) for key, value in sizes.items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", default="18,180", help="ward counts to synthesise (the real catalog is always run)")
    parser.add_argument("--procedures", type=int, default=5)
    parser.add_argument("--json", type=Path, default=None)
    parser.add_argument("--no-browser", action="store_true", help="skip the byte counts (they need Chromium)")
    args = parser.parse_args()
    rows = {}
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        runs = [("real", REAL)]
        for size in [int(s) for s in args.sizes.split(",") if s]:
            runs.append((f"{size}x{args.procedures}", synthesize(work / f"cat-{size}", size, args.procedures)))
        for name, catalog in runs:
            site = work / f"site-{name}"
            rows[name] = measure(catalog, site)
            if not args.no_browser:
                rows[name].update(browser_bytes(site))
    keys = list(next(iter(rows.values())))
    print(f"{'catalog':>10} " + " ".join(f"{k:>12}" for k in keys))
    for name, row in rows.items():
        print(f"{name:>10} " + " ".join(f"{row[k]:>12}" for k in keys))
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
