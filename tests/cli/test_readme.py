"""README.md is what a clone has (issue 16): every path and link it gives exists in the repository,
every ``make`` command it names exists, and nothing points outside the repository.
"""

from __future__ import annotations

import re
import unicodedata

from support import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def targets() -> set[str]:
    return set(re.findall(r"(?m)^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(encoding="utf-8")))


def test_links_lead_to_files_of_the_repository() -> None:
    links = re.findall(r"\]\(([^)#]+)(?:#[^)]*)?\)", README)
    local = [link for link in links if not re.match(r"[a-z]+:", link)]
    assert local, "README links the editors' guide, the sources and the developers' page"
    for link in local:
        path = (ROOT / link).resolve()
        assert ROOT in path.parents and path.exists(), link
    assert {"docs/huong-dan-bien-tap.md", "procedures/NGUON.md", "docs/phat-trien.md"} <= set(local)


def test_no_path_outside_the_repository() -> None:
    assert "../" not in README and "/work/" not in README and "shared/" not in README


def test_every_make_command_exists() -> None:
    named = set(re.findall(r"\bmake ([a-z][a-z-]*)", README))
    assert {"site", "test", "xem", "serve", "check", "publish"} <= named
    assert named <= targets(), sorted(named - targets())


def test_the_times_are_measured_not_placeholders() -> None:
    table = README.split("| lệnh | lần đầu")[1].split("\n\n")[0]
    rows = [line for line in table.splitlines() if line.startswith("| `make")]
    assert len(rows) == 2
    for row in rows:
        cells = [cell.strip() for cell in row.strip("|").split("|")]
        assert all(re.search(r"\d", cell) for cell in cells[1:]), row


def test_the_readme_speaks_vietnamese_in_nfc() -> None:
    assert unicodedata.is_normalized("NFC", README)
    headings = re.findall(r"(?m)^## (.+)$", README)
    english = [h for h in headings if not any(unicodedata.decomposition(c) or c in "đĐ" for c in h)]
    assert not english, english
