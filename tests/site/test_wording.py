"""Every public text, read as a careful citizen would (issue 13): no bare legal number, no English,
one form of address, units in lower case mid-sentence, fees and times written out, no jargon.

The text is what a reader sees: the visible text of every page of the real site at three dates
(the whole site, the record of 2022 and the eve of the 2025 change), of the notices, and the
strings the checker script writes into pages. The editors' guide is for staff, not citizens: it
teaches the catalog's field names and numbers, so it is left out.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from site_text import visible_lines
from support import ROOT

STAFF_PAGES = {"huong-dan-bien-tap/index.html"}


def script_strings() -> list[str]:
    """The Vietnamese strings checker.js writes into pages (double-quoted literals with a space)."""
    source = (ROOT / "docs/assets/checker.js").read_text(encoding="utf-8")
    return [s for s in re.findall(r'"((?:[^"\\\n]|\\.)*)"', source) if re.search(r"[^\x00-\x7f]", s)]


@pytest.fixture(scope="module")
def public_text(real_site: Path, real_site_2022: Path, real_site_2025: Path) -> list[tuple[str, str]]:
    """(where, line) for every visible line of every citizen page, notice and checker string."""
    out = []
    for name, site in (("2026", real_site), ("2022", real_site_2022), ("2025", real_site_2025)):
        for path in sorted(site.rglob("*.html")):
            rel = path.relative_to(site).as_posix()
            if rel in STAFF_PAGES:
                continue
            out.extend((f"{name}:{rel}", line) for line in visible_lines(path))
    out.extend(("checker.js", line) for line in script_strings())
    return out


def offending(public_text: list[tuple[str, str]], pattern: str, flags: int = 0) -> list[tuple[str, str]]:
    found = [(where, line) for where, line in public_text if re.search(pattern, line, flags)]
    return sorted(set(found))[:10]


LEGAL_NUMBER = r"\d{1,4}/\d{4}/(?:NĐ-CP|QH\d+|NQ-[A-Z0-9]+|TT-[A-ZĐ]+|QĐ-[A-ZĐ-]+|KH-[A-ZĐ-]+)"


def test_every_legal_number_is_part_of_a_full_name(public_text) -> None:
    """'Nghị định số 23/2015/NĐ-CP', never '23/2015/NĐ-CP' or 'Nghị định 23/2015/NĐ-CP' alone."""
    assert offending(public_text, rf"(?<![\d/])(?<!số ){LEGAL_NUMBER}") == []


def test_one_form_of_address(public_text) -> None:
    assert offending(public_text, r"\b(bạn|quý vị|anh/chị|anh chị)\b", re.IGNORECASE) == []
    assert any("ông/bà" in line.lower() for _, line in public_text)


ENGLISH = {
    "the", "and", "of", "for", "with", "search", "page", "not", "found", "home", "next", "previous",
    "copyright", "none", "null", "true", "false", "undefined", "nan", "todo", "fixme", "error", "warning",
    "note", "info", "danger", "skip", "content", "menu", "back", "top", "contents", "made", "material",
    "loading", "results", "result", "matching", "type", "start", "searching", "share", "copy", "clipboard",
    "edit", "view", "source", "update", "updated", "open", "close", "closed", "yes", "no", "submit", "table",
}  # fmt: skip
ALLOWED_ASCII = {"PDF", "QR", "CSV", "JSON", "Schema", "ISO", "A4", "UBND", "TB", "VT", "CC", "BY"}


def test_no_english_words(public_text) -> None:
    words = [
        (where, word)
        for where, line in public_text
        for word in re.findall(r"\b[A-Za-z]+\b", line)
        if word.lower() in ENGLISH and word not in ALLOWED_ASCII
    ]
    assert sorted(set(words))[:10] == []


def test_units_are_lower_case_mid_sentence(public_text) -> None:
    """'tại phường Hàng Bài', 'của quận Hoàn Kiếm': a capital only where a sentence or a label starts."""
    assert offending(public_text, r"[a-zà-ỹđ,] (Phường|Quận) [A-ZÀ-ỸĐ]") == []


def test_no_internal_or_outdated_wording(public_text) -> None:
    for pattern in (
        r"giờ tiếp nhận cuối",  # dossiers are still received after 15 giờ; only the result moves
        r"bản sao thứ cấp",
        r"make site",
        r"miễn, giảm",  # the fee laws say "miễn"
        r"\d đ\b",  # amounts in "đồng"
        r"\bNone\b",
    ):
        assert offending(public_text, pattern) == [], pattern


def test_printed_notices_write_hours_in_words(real_site_2022: Path) -> None:
    for path in sorted(real_site_2022.glob("thong-bao/*/index.html")):
        text = " ".join(visible_lines(path))
        assert "15 giờ" in text, path
        assert not re.search(r"\b\d{1,2}:\d{2}\b", text), (path, re.findall(r".{30}\b\d{1,2}:\d{2}\b.{10}", text))


def test_generated_lists_have_no_capital_after_a_semicolon(real_site_2022: Path) -> None:
    """The papers and fee clauses the generator joins with ';' continue the sentence in lower case."""
    bad = []
    for path in sorted(real_site_2022.glob("thong-bao/*/index.html")):
        for line in visible_lines(path):
            if line.startswith(("Giấy tờ cần mang:", "Lệ phí:")):
                bad += re.findall(r"; [A-ZÀ-ỸĐ]\w*", line)
    assert bad == []


def test_fee_sentences_read_as_a_person_writes_them(real_site_2022: Path) -> None:
    lines = visible_lines(real_site_2022 / "phuong/hang-bai/chung-thuc-ban-sao/index.html")
    assert any(
        line.startswith(
            "Phí chứng thực bản sao từ bản chính: 2.000 đồng/trang cho hai trang đầu; từ trang thứ ba "
            "1.000 đồng/trang; tối đa 200.000 đồng/bản; số trang tính theo bản chính. (Căn cứ: Điều 4 "
            "Thông tư số 226/2016/TT-BTC của Bộ Tài chính.)"
        )
        for line in lines
    ), [line for line in lines if "200.000" in line]
