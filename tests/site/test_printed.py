"""Printed matter a ward can post as it is (issue 15): the formal notice, the poster and the handouts.

Read from the PDFs themselves: page size and count, the smallest and largest font size (pypdfium2's
text API), the QR code's size in millimetres and the URL it decodes to (zxing-cpp on a 300 dpi
rendering), the preview mark, blanks instead of "đang cập nhật". PNGs of each kind go to
test-artifacts/printed-*.png for a person to look at.
"""

from __future__ import annotations

import io
import logging
import re
from pathlib import Path

import pypdf
import pypdfium2
import pypdfium2.raw as pdfium_c
import pytest
import zxingcpp
from support import ARTIFACTS, PUBLIC_URL, REAL_CATALOG, run_cli, site_at

from generator import notice, settings
from generator.pipeline import read_catalog

CATALOG, _ = read_catalog(REAL_CATALOG)
OLD_WARDS = [w for w in CATALOG.wards.values() if w.thu_tuc_khong_cho]
A4 = (595.28, 841.89)
DPI = 300
MARK = "BẢN XEM TRƯỚC – KHÔNG NIÊM YẾT"


def kinds(ward_id: str) -> dict[str, str]:
    ward = CATALOG.wards[ward_id]
    files = {"notice": f"thong-bao/{ward_id}.pdf", "poster": f"thong-bao/{ward_id}/ap-phich.pdf"}
    for adoption in ward.thu_tuc_khong_cho:
        files[f"handout-{adoption.thu_tuc}"] = f"thong-bao/{ward_id}/phieu-{adoption.thu_tuc}.pdf"
    return files


PX = 0.75
"""WeasyPrint writes font sizes in CSS pixels under a 0.75 scale: pdfium reports pixels."""


def font_sizes(path: Path) -> list[float]:
    """The font size of every visible character, in points."""
    document = pypdfium2.PdfDocument(str(path))
    sizes = []
    for page in document:
        text = page.get_textpage()
        for index in range(text.count_chars()):
            char = text.get_text_range(index, 1)
            if char.strip():
                sizes.append(round(pdfium_c.FPDFText_GetFontSize(text.raw, index) * PX, 1))
    return sizes


def page_text(path: Path) -> list[str]:
    return [" ".join(page.extract_text().split()) for page in pypdf.PdfReader(path).pages]


def qr_codes(path: Path, name: str | None = None) -> list[tuple[str, float]]:
    """Each QR code's URL and its side in millimetres (the code itself, without its quiet zone)."""
    found = []
    document = pypdfium2.PdfDocument(str(path))
    for number, page in enumerate(document):
        image = page.render(scale=DPI / 72).to_pil()
        if name and number == 0:
            ARTIFACTS.mkdir(exist_ok=True)
            image.convert("L").resize((image.width // 3, image.height // 3)).save(ARTIFACTS / f"printed-{name}.png")
        for code in zxingcpp.read_barcodes(image):
            p = code.position
            side = max(abs(p.top_right.x - p.top_left.x), abs(p.bottom_left.y - p.top_left.y))
            found.append((code.text, round(side / DPI * 25.4, 1)))
    return found


# --- every postable ward has its three kinds, the right size --------------------------------------


@pytest.mark.parametrize("ward", [w.id for w in OLD_WARDS])
def test_each_postable_ward_has_a_notice_a_poster_and_its_handouts(printed_2022: Path, ward: str) -> None:
    for kind, rel in kinds(ward).items():
        reader = pypdf.PdfReader(printed_2022 / rel)
        sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages]
        if kind == "notice":
            assert 1 <= len(sizes) <= notice.MAX_PAGES and set(sizes) == {(595, 842)}, (rel, sizes)
        elif kind == "poster":
            assert sizes == [(595, 842)], (rel, sizes)
        else:  # two A5 handouts side by side on one A4 sheet, landscape
            assert sizes == [(842, 595)], (rel, sizes)
        text = " ".join(page_text(printed_2022 / rel))
        assert MARK not in text and "đang cập nhật" not in text, rel


def test_font_sizes_of_each_kind(printed_2022: Path) -> None:
    """Notice 13 pt body (11 pt small print); poster title >= 28, names >= 18, nothing under 14; handout >= 11."""
    notice_sizes = font_sizes(printed_2022 / "thong-bao/hang-bai.pdf")
    assert min(notice_sizes) >= 11 and max(notice_sizes) <= 14.5, (min(notice_sizes), max(notice_sizes))
    assert notice_sizes.count(13.0) > len(notice_sizes) / 2  # the body
    poster = font_sizes(printed_2022 / "thong-bao/hang-bai/ap-phich.pdf")
    assert min(poster) >= 14 and max(poster) >= 28, (min(poster), max(poster))
    assert len([s for s in poster if s >= 18]) >= len("Chứng thực bản sao Chứng thực chữ ký Đăng ký kết hôn".replace(" ", ""))
    handout = font_sizes(printed_2022 / "thong-bao/hang-bai/phieu-chung-thuc-ban-sao.pdf")
    assert min(handout) >= 11 and max(handout) >= 16, (min(handout), max(handout))


def chars(path: Path) -> tuple[str, list[tuple[float, float, float, float]], float]:
    """The first page's text, each character's box (left, bottom, right, top, in points), the page height."""
    page = pypdfium2.PdfDocument(str(path))[0]
    text = page.get_textpage()
    return text.get_text_range(), [text.get_charbox(i) for i in range(text.count_chars())], page.get_height()


@pytest.mark.parametrize("ward", [w.id for w in OLD_WARDS])
def test_print_reads_from_the_corridor(printed_2022: Path, ward: str) -> None:
    """Issue 23, measured in each ward's PDFs: the poster's labels on one line beside the code, its
    page used to the bottom; every handout at 11 pt or more, with its QR block at the page's foot."""
    poster = printed_2022 / f"thong-bao/{ward}/ap-phich.pdf"
    full, boxes, height = chars(poster)
    for label in ("Nơi tiếp nhận:", "Giờ làm việc:"):
        start = full.index(label)
        # Glyph boxes differ by their marks and descenders; a second line would be ~17 pt lower.
        bottoms = [boxes[start + i][1] for i, c in enumerate(label) if c.strip()]
        assert max(bottoms) - min(bottoms) < 8, (ward, label, bottoms)  # never one word per line
    lowest = min(box[1] for box, c in zip(boxes, full, strict=False) if c.strip())
    assert lowest < 0.12 * height, (ward, lowest / height)  # the page used to its bottom
    for rel in kinds(ward).values():
        if "/phieu-" not in rel:
            continue
        assert min(font_sizes(printed_2022 / rel)) >= 11, rel
        full, boxes, height = chars(printed_2022 / rel)
        lowest = min(box[1] for box, c in zip(boxes, full, strict=False) if c.strip())
        assert lowest < 0.12 * height, (rel, lowest / height)


def test_no_handout_overflows_its_a5_page() -> None:
    """A handout longer than its A5 half would be cut when printed two up: none is, at 11 pt."""
    from support import build_outputs

    built = build_outputs(CATALOG, PUBLIC_URL, pdf=True, day="2022-05-14")
    assert [str(w) for w in built.warnings if w.kind == "bản in dài quá khổ giấy"] == []


def test_the_poster_names_each_procedure_large(printed_2022: Path) -> None:
    document = pypdfium2.PdfDocument(str(printed_2022 / "thong-bao/hang-bai/ap-phich.pdf"))
    text = document[0].get_textpage()
    full = text.get_text_range()
    for name in ("Chứng thực bản sao", "Chứng thực chữ ký", "Đăng ký kết hôn", "Đăng ký khai tử", "Cấp bản sao trích lục hộ tịch"):
        start = full.index(name)
        sizes = {round(pdfium_c.FPDFText_GetFontSize(text.raw, start + i) * PX) for i, c in enumerate(name) if c.strip()}
        assert min(sizes) >= 18, (name, sizes)


# --- QR codes: their size and where they lead ---------------------------------------------------------


def test_qr_codes_decode_to_the_public_pages_at_their_sizes(printed_2022: Path) -> None:
    """Each kind of sheet: its QR code opens its page with its edition (issue 24), which it prints."""
    ward = f"{PUBLIC_URL}phuong/hang-bai/"
    edition = "?ban=2021-07-01"
    codes = qr_codes(printed_2022 / "thong-bao/hang-bai.pdf", "notice")
    assert [url for url, _ in codes] == [ward + edition]
    assert codes[0][1] >= 20, codes
    poster = qr_codes(printed_2022 / "thong-bao/hang-bai/ap-phich.pdf", "poster")
    assert [url for url, _ in poster] == [ward + edition] and poster[0][1] >= 40, poster
    handout = qr_codes(printed_2022 / "thong-bao/hang-bai/phieu-chung-thuc-ban-sao.pdf", "handout")
    assert [url for url, _ in handout] == [f"{ward}chung-thuc-ban-sao/{edition}"] * 2, handout
    assert min(s for _, s in handout) >= 20, handout
    for rel in ("thong-bao/hang-bai.pdf", "thong-bao/hang-bai/ap-phich.pdf", "thong-bao/hang-bai/phieu-chung-thuc-ban-sao.pdf"):
        assert "Nội dung áp dụng từ ngày 01/07/2021." in " ".join(page_text(printed_2022 / rel)), rel


# --- the preview mark -------------------------------------------------------------------------------------


def test_a_default_build_marks_every_printed_page_as_a_preview(real_site_2022: Path) -> None:
    """Built for http://127.0.0.1:8000/ (the default): no page of any kind may be posted."""
    files = [real_site_2022 / "thong-bao/tat-ca.pdf"]
    for ward in ("hang-bai", "trang-tien"):
        files += [real_site_2022 / rel for rel in kinds(ward).values()]
    for path in files:
        for number, text in enumerate(page_text(path), 1):
            assert MARK in text, (path.name, number)
    listing = (real_site_2022 / "thong-bao/index.html").read_text(encoding="utf-8")
    assert "Bản xem trước: không dùng để niêm yết" in listing


@pytest.mark.parametrize(
    ("url", "preview"),
    [
        ("http://127.0.0.1:8000/", True),
        ("http://localhost:8000/", True),
        ("http://192.168.1.20/", True),
        ("http://10.0.0.5/khong-cho/", True),
        ("http://[::1]:8000/", True),
        ("http://may-chu.local/", True),
        ("/", True),
        # Loopback and private addresses however they are spelled (issue 22): short, decimal, hex
        # and octal IPv4, IPv4-mapped IPv6, a trailing dot, capitals, single-label names.
        ("http://127.1/", True),
        ("http://2130706433/", True),
        ("http://0x7f000001:8000/", True),
        ("http://0177.0.0.1/", True),
        ("http://0/", True),
        ("http://[::ffff:127.0.0.1]/", True),
        ("http://localhost./", True),
        ("http://LOCALHOST:8000/", True),
        ("http://may-chu/", True),
        ("http://may-chu.:8000/", True),
        ("http://100.64.0.1/", True),
        ("http://a_b.vn/", True),
        ("ftp://khong-cho.example/", True),
        ("https://khong-cho.example/", False),
        ("https://hoankiem.hanoi.gov.vn/khong-cho/", False),
        ("https://hoankiem.hanoi.gov.vn./", False),
        ("https://hoàn-kiếm.vn/", False),
        ("http://dead.beef/", False),
        ("http://203.162.10.1/", False),
    ],
)
def test_preview_addresses(url: str, preview: bool) -> None:
    assert settings.is_preview(url) is preview


def test_a_preview_build_warns_once_saying_how(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    from support import FIXTURES, build_site

    with caplog.at_level(logging.WARNING, logger="khong_cho.notice"):
        build_site(FIXTURES / "valid", tmp_path / "site", pdf=False, search=False)
    warnings = [r.getMessage() for r in caplog.records if "địa chỉ xem trước" in r.getMessage()]
    assert len(warnings) == 1
    assert "SITE_URL=https://" in warnings[0] and MARK in warnings[0]


def test_publishing_refuses_a_preview_address(tmp_path: Path) -> None:
    result = run_cli("build", "--cong-khai", "--site-dir", str(tmp_path / "site"))
    assert result.returncode == 2
    assert "là địa chỉ xem trước" in result.stderr and "SITE_URL=https://" in result.stderr
    assert not (tmp_path / "site").exists()


def test_makefile_has_a_publish_target_that_refuses_previews() -> None:
    from support import ROOT

    import subprocess

    dry = subprocess.run(["make", "-n", "publish"], cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert re.search(r"^\S*python -m generator build --cong-khai --site-dir site( \|\| .*)?$", dry, re.M), dry


# --- the formal notice, corrected ---------------------------------------------------------------------


def test_the_notice_dates_from_the_ward_and_leaves_blanks_to_fill(printed_2022: Path) -> None:
    text = " ".join(page_text(printed_2022 / "thong-bao/hang-bai.pdf"))
    assert "Hàng Bài, ngày ..... tháng ..... năm" in text and "Hoàn Kiếm, ngày" not in text
    assert re.search(r"Điện thoại: \.{10,}", text), text
    assert re.search(r"Giờ làm việc: \.{10,}", text)
    assert "Nộp hồ sơ trước 15 giờ." in text and "15:00" not in text
    assert "đang cập nhật" not in text


def test_all_notices_in_one_pdf_embed_each_font_once(printed_2022: Path) -> None:
    path = printed_2022 / "thong-bao/tat-ca.pdf"
    reader = pypdf.PdfReader(path)
    fonts = set()
    for page in reader.pages:
        for font in (page["/Resources"].get("/Font") or {}).values():
            descendant = font.get_object()
            fonts.add(descendant.get("/BaseFont"))
    assert len(fonts) <= 4, fonts  # Liberation Serif: regular, bold, italic, bold italic
    singles = [pypdf.PdfReader(printed_2022 / f"thong-bao/{w.id}.pdf") for w in OLD_WARDS]
    assert len(reader.pages) == sum(len(r.pages) for r in singles)
    assert path.stat().st_size < 300_000, path.stat().st_size
    texts = page_text(path)
    assert sum(t.count("THÔNG BÁO") for t in texts) == 18
    # Each notice numbers its own pages from its second page on (Nghị định 30/2020).
    first_pages = [t for t in texts if "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" in t]
    assert len(first_pages) == 18 and all(not re.match(r"^\d+ ", t) for t in first_pages)


def test_pages_link_the_poster_and_the_handouts(printed_2022: Path) -> None:
    ward = (printed_2022 / "phuong/hang-bai/index.html").read_text(encoding="utf-8")
    assert 'href="../../thong-bao/hang-bai/ap-phich.pdf"' in ward and "In áp phích" in ward
    service = (printed_2022 / "phuong/hang-bai/chung-thuc-ban-sao/index.html").read_text(encoding="utf-8")
    assert 'href="../../../thong-bao/hang-bai/phieu-chung-thuc-ban-sao.pdf"' in service
    assert "In phiếu hướng dẫn" in service


def test_ended_wards_have_no_poster_or_handout(real_site: Path) -> None:
    """In 2026 no ward posts: the notices stay as the record, nothing new to hand out."""
    assert not list(real_site.glob("thong-bao/*/ap-phich.pdf"))
    assert not list(real_site.glob("thong-bao/*/phieu-*.pdf"))
    assert "In phiếu hướng dẫn" not in (real_site / "phuong/hang-bai/chung-thuc-ban-sao/index.html").read_text(encoding="utf-8")


def test_one_process_and_several_lay_out_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    """Laying out in worker processes gives the same pages as laying out in this process."""
    view = notice.print_view(site_at(CATALOG, PUBLIC_URL, day="2022-05-14"), CATALOG.wards["hang-bai"])
    base = (Path(__file__).resolve().parents[2] / "docs/thong-bao/_").as_uri() + "/"
    jobs = [notice.Job(f"p{i}.pdf", notice.render_posters([view], False) + f"<!-- {i} -->", base) for i in range(3)]
    monkeypatch.setenv("KHONG_CHO_PDF_PROCESSES", "1")
    notice._pdfs.clear()
    one = notice.lay_out_all(jobs)
    monkeypatch.setenv("KHONG_CHO_PDF_PROCESSES", "2")
    notice._pdfs.clear()
    two = notice.lay_out_all(jobs)
    assert {k: v[1] for k, v in one.items()} == {k: v[1] for k, v in two.items()} == {f"p{i}.pdf": 1 for i in range(3)}
    assert all(len(pypdf.PdfReader(io.BytesIO(two[k][0])).pages) == 1 for k in two)
