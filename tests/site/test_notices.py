"""Notices: a PDF per ward, A4, at most two pages, the decree's wording, a QR code that decodes."""

from __future__ import annotations

import io
import os
import re
import shutil
import unicodedata
from datetime import date
from pathlib import Path

import pypdf
import pypdfium2
import pytest
import zxingcpp
from support import ARTIFACTS, FIXTURES, REAL_CATALOG, ROOT, site_at

from generator import fmt, notice
from generator.pipeline import read_catalog

A4 = (595.28, 841.89)  # points
SITE_URL = "http://127.0.0.1:8000/"


def pdf_text(data: bytes) -> tuple[list[tuple[float, float]], str]:
    reader = pypdf.PdfReader(io.BytesIO(data))
    sizes = [(float(p.mediabox.width), float(p.mediabox.height)) for p in reader.pages]
    return sizes, "\n".join(p.extract_text() for p in reader.pages)


def test_every_ward_has_an_a4_pdf_of_at_most_two_pages(real_site_2022: Path) -> None:
    """In 2022 every one of the 18 wards had a postable notice."""
    catalog, _ = read_catalog(REAL_CATALOG)
    wards = [w for w in catalog.wards.values() if w.thu_tuc_khong_cho]
    assert len(wards) == 18
    for ward in wards:
        sizes, text = pdf_text((real_site_2022 / f"thong-bao/{ward.id}.pdf").read_bytes())
        assert 1 <= len(sizes) <= notice.MAX_PAGES, ward.id
        assert all(abs(w - A4[0]) < 1 and abs(h - A4[1]) < 1 for w, h in sizes), sizes
        flat = " ".join(text.split())
        assert unicodedata.normalize("NFC", flat) == flat
        for words in (
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
            "THÔNG BÁO",
            f"PHƯỜNG {ward.ten.upper()}",
            "TM. ỦY BAN NHÂN DÂN",
            "CHỦ TỊCH",
        ):
            assert words in flat, (ward.id, words)
        for adoption in ward.thu_tuc_khong_cho:
            name = " ".join(catalog.procedures[adoption.thu_tuc].short_name.split())
            assert name in flat, (ward.id, name)


def test_all_notices_in_one_pdf(real_site_2022: Path) -> None:
    site = real_site_2022
    sizes, text = pdf_text((site / "thong-bao/tat-ca.pdf").read_bytes())
    singles = sum(len(pdf_text((site / f"thong-bao/{w.name}").read_bytes())[0]) for w in (site / "thong-bao").glob("*.pdf") if w.name != "tat-ca.pdf")
    assert len(sizes) == singles
    assert text.count("THÔNG BÁO") == 18
    assert "KHÔNG CÒN HIỆU LỰC" not in text


def test_notices_laid_out_in_batches_make_the_same_files(real_site_2022: Path, monkeypatch) -> None:
    """A province's notices are laid out in batches (a worker's memory is bounded): tat-ca.pdf joins
    the batches in order, and each ward's notice and poster is the same as from one document."""
    catalog, _ = read_catalog(REAL_CATALOG)
    monkeypatch.setattr(notice, "BATCH", 7)  # 18 wards: batches of 7, 7 and 4
    notice._pdfs.clear()
    at = site_at(catalog, SITE_URL, pdf=True, day="2022-05-14")
    files = dict(notice.render_notices(at, ROOT / "docs/assets/fonts").files)
    notice._pdfs.clear()
    assert not [path for path in files if "#" in path]
    sizes, text = pdf_text(files["thong-bao/tat-ca.pdf"])
    whole_sizes, whole_text = pdf_text((real_site_2022 / "thong-bao/tat-ca.pdf").read_bytes())
    assert len(sizes) == len(whole_sizes) and text == whole_text  # the same pages, in the same order
    for path in ("thong-bao/hang-bai.pdf", "thong-bao/trang-tien.pdf", "thong-bao/trang-tien/ap-phich.pdf"):
        assert pdf_text(files[path]) == pdf_text((real_site_2022 / path).read_bytes()), path


def test_the_qr_code_decodes_to_the_ward_page(real_site_2022: Path) -> None:
    """With the notice's edition (issue 24): Hàng Bài's list dates from 01/07/2021; the 17 other wards'
    is known from the district's directive reported on 14/05/2022."""
    ARTIFACTS.mkdir(exist_ok=True)
    editions = {"hang-bai": "2021-07-01", "trang-tien": "2022-05-14"}
    for ward in ("hang-bai", "trang-tien"):
        document = pypdfium2.PdfDocument(str(real_site_2022 / f"thong-bao/{ward}.pdf"))
        found = []
        for index in range(len(document)):
            image = document[index].render(scale=3).to_pil()
            found += [r.text for r in zxingcpp.read_barcodes(image)]
            if ward == "hang-bai":
                image.convert("L").resize((image.width // 2, image.height // 2)).save(ARTIFACTS / f"notice-{ward}-{index + 1}.png")
        assert found == [f"{SITE_URL}phuong/{ward}/?ban={editions[ward]}"]


def test_notice_date_is_zero_padded_as_the_decree_says() -> None:
    from datetime import date

    assert fmt.document_day(date(2022, 2, 5)) == "ngày 05 tháng 02 năm 2022"
    assert fmt.document_day(date(2022, 11, 25)) == "ngày 25 tháng 11 năm 2022"
    assert fmt.document_day(date(2022, 3, 9)) == "ngày 09 tháng 3 năm 2022"


def test_golden_notice_html() -> None:
    """UPDATE_GOLDEN=1 rewrites tests/golden/notice-an-binh.html; review the diff."""
    catalog, _ = read_catalog(FIXTURES / "valid")
    html = notice.render_notice(site_at(catalog, day="2025-01-02"), catalog.wards["an-binh"]).html
    golden = ROOT / "tests/golden/notice-an-binh.html"
    if os.environ.get("UPDATE_GOLDEN"):
        golden.write_text(html, encoding="utf-8")
    assert html == golden.read_text(encoding="utf-8")
    # The date line names the ward, where the issuing body sits (Nghị định 30/2020, Phụ lục I).
    assert "An Bình, ngày 05 tháng 02 năm 2022" in html and "Số: 12/TB-UBND" in html and "Nguyễn Văn A" in html


def test_an_overflowing_notice_is_named(tmp_path: Path) -> None:
    root = tmp_path / "catalog"
    shutil.copytree(FIXTURES / "valid", root)
    path = root / "thu-tuc/chung-thuc-ban-sao.yaml"
    text = path.read_text(encoding="utf-8")
    long = "Điều kiện rất dài để kiểm tra việc tràn trang. " * 40
    assert "noi_dung: Bản chính không quá 20 trang." in text
    text = text.replace("noi_dung: Bản chính không quá 20 trang.", f"noi_dung: {long}")
    # Many long conditions (each within the model's length bound) overflow two pages.
    extra = "".join(
        f"    - id: dai-{n}\n      loai: van_ban\n      noi_dung: {long}\n      can_cu:\n        loai: phuong\n"
        for n in range(6)
    )
    text = text.replace("  dieu_kien:\n", "  dieu_kien:\n" + extra, 1)
    path.write_text(text, encoding="utf-8")
    catalog, problems = read_catalog(root)
    assert not [p for p in problems if p.is_error]
    at = site_at(catalog, SITE_URL, pdf=True, day="2025-01-02")
    overflows = notice.render_notices(at, ROOT / "docs/assets/fonts").warnings
    (warning,) = [w for w in overflows if "an-binh" in w.path and "thông báo niêm yết" in w.message]
    assert not warning.is_error  # a warning: the notice is still published
    assert warning.path.endswith("catalog/phuong/an-binh.yaml") and warning.field == "thu_tuc_khong_cho"
    assert re.search(r"phường An Bình dài \d trang, quá 2 trang khổ A4", warning.message)
    # The handout of that procedure no longer fits its A5 page either: named too.
    (handout,) = [w for w in overflows if "phiếu hướng dẫn 'Chứng thực bản sao' của phường An Bình" in w.message]
    assert "quá 1 trang khổ A5" in handout.message


def test_missing_pango_says_which_package_to_install(monkeypatch: pytest.MonkeyPatch) -> None:
    import builtins

    real_import = builtins.__import__

    def no_pango(name: str, *args: object, **kwargs: object) -> object:
        if name == "weasyprint":
            raise OSError("cannot load library 'libpango-1.0-0'")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pango)
    with pytest.raises(notice.PangoMissing) as caught:
        notice._weasyprint()
    assert "apt-get install libpango-1.0-0 libpangoft2-1.0-0" in str(caught.value)
    assert "KHONG_CHO_NO_PDF=1" in str(caught.value)


def test_pdf_can_be_switched_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from support import build_site

    monkeypatch.setenv("KHONG_CHO_NO_PDF", "1")
    site = build_site(FIXTURES / "valid", tmp_path / "site")
    assert (site / "thong-bao/an-binh/index.html").is_file()
    assert not list((site / "thong-bao").glob("*.pdf"))


def test_ended_wards_keep_their_notice_marked_void_on_every_page(real_site: Path) -> None:
    """In 2026 the 18 notices still exist at their URLs (QR codes point there), watermarked, none postable."""
    catalog, _ = read_catalog(REAL_CATALOG)
    old = [w for w in catalog.wards.values() if w.thu_tuc_khong_cho]
    for ward in old:
        html = (real_site / f"thong-bao/{ward.id}/index.html").read_text(encoding="utf-8")
        assert "KHÔNG CÒN HIỆU LỰC TỪ 01/07/2025" in html and "không dùng để niêm yết" in html
        sizes, _ = pdf_text((real_site / f"thong-bao/{ward.id}.pdf").read_bytes())
        reader = pypdf.PdfReader(io.BytesIO((real_site / f"thong-bao/{ward.id}.pdf").read_bytes()))
        for number, sheet in enumerate(reader.pages, start=1):
            text = " ".join(sheet.extract_text().split())
            assert "KHÔNG CÒN HIỆU LỰC TỪ 01/07/2025" in text, (ward.id, number)
    assert not (real_site / "thong-bao/tat-ca.pdf").exists()  # only postable notices go there
    listing = (real_site / "thong-bao/index.html").read_text(encoding="utf-8")
    assert "Ngày 29/11/2026, không có thông báo nào để niêm yết." in listing
    assert "tat-ca.pdf" not in listing
