"""Open data: the catalog as JSON and CSV (for spreadsheets), the results, the days off, the schemas."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path
from typing import Any

from . import contract, evidence, fmt, views
from .dated import State
from .model import KINDS, Source, Ward
from .output import Output
from .schema import schema_file, schema_texts
from .site import LICENCE, Site

_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "＝", "＋", "－", "＠")


def csv_cell(value: Any) -> Any:
    """A value a spreadsheet will show as text, never run as a formula (OWASP, CSV injection).

    Text starting with a formula character gets a leading apostrophe, which Excel and LibreOffice
    hide and read as "this is text".
    """
    if value is None:
        return ""
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def _csv(header: list[str], rows: list[list[Any]]) -> str:
    """CSV with a UTF-8 byte-order mark: Excel on Windows then reads Vietnamese right."""
    buffer = io.StringIO()
    buffer.write("\ufeff")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows([[csv_cell(v) for v in row] for row in rows])
    return buffer.getvalue()


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None


def _whole(whole: bool | None) -> str:
    return {True: "toàn bộ", False: "một phần", None: "chưa rõ"}[whole]


def _in_force(items: list[views.Service], published: bool) -> int:
    """How many wards apply a procedure at the build date, published apart from derived."""
    return sum(item.state is State.IN_FORCE and item.published is published for item in items)


def _adoptions(ward: Ward, kind: evidence.Kind) -> int:
    return sum(evidence.adoption(a) is kind for a in ward.thu_tuc_khong_cho)


def _source_name(site: Site, source: Source | None) -> str | None:
    """A source by its name (a legal text by its full name) for a spreadsheet cell."""
    if source is None:
        return None
    return site.laws.name(source.van_ban) if source.van_ban in site.laws.texts else source.ten


def _source(source: Source | None) -> dict[str, Any] | None:
    return source.model_dump(mode="json", exclude_defaults=True) if source else None


def _review(site: Site) -> dict[str, Any]:
    """What the data says of its own date: a reconstruction names the later catalog it comes from."""
    if site.review.reconstruction:
        return {
            "dung_lai": True,
            "ghi_chu": f"Dữ liệu dựng lại như ngày {fmt.day(site.day)}, theo danh mục rà soát ngày "
            f"{fmt.day(site.review.day)}: chỉ gồm những gì đúng và đã được biết vào ngày đó.",
            "ngay_ra_soat_danh_muc": site.review.day.isoformat(),
        }
    return {"dung_lai": False, "ngay_ra_soat_danh_muc": site.review.day.isoformat()}


def paths() -> list[str]:
    """Where ``files`` puts each file (the build names them before it makes them)."""
    schemas = [f"du-lieu/schema/{schema_file(kind)}" for kind in KINDS] + [f"du-lieu/schema/{contract.SCHEMA_FILE}"]
    tables = ["du-lieu/danh-muc.json", "du-lieu/phuong.csv", "du-lieu/thu-tuc.csv", "du-lieu/ket-qua.csv"]
    return [*tables, *schemas, "du-lieu/ket-qua.json", "du-lieu/ngay-nghi.json"]


def files(site: Site, cache: Path | None = None) -> list[Output]:
    """Open data: the catalog as of the build date as JSON, wards and procedures as CSV, and the
    schemas (kept in ``cache`` between builds)."""
    catalog, day = site.catalog, site.day
    wards = site.wards
    states = {w.id: site.statuses[w.id].state.value for w in wards}
    # A reconstruction states no later date: the review dates are in the metadata only.
    hidden = {"ngay_ra_soat"} if site.review.reconstruction else set()
    document = {
        "giay_phep": LICENCE,
        "ngay_du_lieu": day.isoformat(),
        "nguon_du_lieu": _review(site),
        "trang_thai": {
            "quan": site.district.state.value if site.district else None,
            "phuong": states,
        },
        "quan": catalog.district.model_dump(mode="json", exclude=hidden) if catalog.district else None,
        "van_ban": catalog.library.model_dump(mode="json")["van_ban"] if catalog.library else [],
        "thu_tuc": [p.model_dump(mode="json") for p in catalog.procedures.values()],
        "phuong": [w.model_dump(mode="json", exclude=hidden) for w in wards],
    }
    out = [Output("du-lieu/danh-muc.json", json.dumps(document, ensure_ascii=False, indent=1, sort_keys=True) + "\n")]
    out.append(
        Output(
            "du-lieu/phuong.csv",
            _csv(
                [
                    "id",
                    "ten",
                    "dia_chi",
                    "dien_thoai",
                    "email",
                    "so_thu_tuc_co_nguon",
                    "so_thu_tuc_theo_chi_dao",
                    "tu_ngay",
                    "den_ngay",
                    "trang_thai",
                    "ke_nhiem",
                    "ngay_ra_soat",
                ],
                [
                    [
                        w.id,
                        w.ten,
                        w.dia_chi,
                        w.dien_thoai,
                        w.email,
                        _adoptions(w, evidence.Kind.SOURCED),
                        _adoptions(w, evidence.Kind.DERIVED),
                        _iso(w.hieu_luc.tu_ngay),
                        _iso(w.hieu_luc.den_ngay),
                        states[w.id],
                        "; ".join(f"{s.phuong} ({_whole(s.toan_bo)})" for s in w.hieu_luc.ke_nhiem),
                        None if site.later(w.ngay_ra_soat) else w.ngay_ra_soat.isoformat(),
                    ]
                    for w in wards
                ],
            ),
        )
    )
    out.append(
        Output(
            "du-lieu/thu-tuc.csv",
            _csv(
                [
                    "id",
                    "ma_thu_tuc",
                    "ten",
                    "linh_vuc",
                    "so_phuong_dang_ap_dung_co_nguon",
                    "so_phuong_dang_ap_dung_theo_chi_dao",
                ],
                [
                    [
                        p.id,
                        p.ma_thu_tuc,
                        p.ten,
                        p.linh_vuc,
                        _in_force(site.adopters(p.id), published=True),
                        _in_force(site.adopters(p.id), published=False),
                    ]
                    for p in catalog.procedures.values()
                ],
            ),
        )
    )
    out.append(
        Output(
            "du-lieu/ket-qua.csv",
            _csv(
                ["phuong", "ten_phuong", "tu_ngay", "den_ngay", "tiep_nhan", "giai_quyet_ngay", "pham_vi", "nguon"],
                [
                    [
                        w.id,
                        w.ten,
                        r.tu_ngay.isoformat(),
                        r.den_ngay.isoformat(),
                        r.tiep_nhan,
                        r.giai_quyet_ngay,
                        r.pham_vi,
                        _source_name(site, r.nguon),
                    ]
                    for w in wards
                    for r in sorted(w.ket_qua, key=lambda r: r.tu_ngay)
                ],
            ),
        )
    )
    schemas = schema_texts(cache / "schema" if cache else None)
    out.extend(Output(f"du-lieu/schema/{schema_file(kind)}", schemas[kind]) for kind in KINDS)
    out.append(Output(f"du-lieu/schema/{contract.SCHEMA_FILE}", contract.schema_text()))
    results = [
        {
            "phuong": w.id,
            "ten_phuong": w.ten,
            "tu_ngay": r.tu_ngay.isoformat(),
            "den_ngay": r.den_ngay.isoformat(),
            "tiep_nhan": r.tiep_nhan,
            "giai_quyet_ngay": r.giai_quyet_ngay,
            "ty_le": views.share(r.giai_quyet_ngay, r.tiep_nhan),
            "pham_vi": r.pham_vi,
            "nguon": _source(r.nguon),
        }
        for w in wards
        for r in sorted(w.ket_qua, key=lambda r: r.tu_ngay)
    ]
    out.append(Output("du-lieu/ket-qua.json", json.dumps(results, ensure_ascii=False, indent=1) + "\n"))
    holidays = site.holidays.model_dump(mode="json")
    holidays = json.dumps(holidays, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
    out.append(Output("du-lieu/ngay-nghi.json", holidays))
    return out
