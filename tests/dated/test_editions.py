"""Editions of the printed sheets (issue 24): what each sheet prints through time, read from the dated
catalog; the edition on several build dates; the changes against the dated facts; the reprint list."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from datetime import date, timedelta
from pathlib import Path

import pytest
from support import REAL_CATALOG

from generator import checks, dated, editions
from generator.model import Posting, Source
from generator.pipeline import read_catalog

CATALOG, _ = read_catalog(REAL_CATALOG)
OLD = "hang-bai"
PAPERS_CHANGE = [date(2023, 1, 1), date(2024, 7, 1), date(2025, 1, 1), date(2025, 1, 9)]
"""The days a printed paper of Hàng Bài's procedures changes, from the procedures' dated versions."""


def test_printed_facts_change_only_on_the_days_read() -> None:
    """Between two days that ward_days lists for a ward, its printed facts do not change: every 9th
    day from 2021 to 2026, each ward prints what it printed on its last listed day (the edition's
    premise, and why histories reads only those days)."""
    listed = {ward: editions.ward_days(CATALOG, ward, date(2027, 12, 31)) for ward in CATALOG.wards}
    day, checked = date(2021, 1, 4), 0
    while day <= date(2026, 12, 31):
        on_day = dated.as_of(CATALOG, day)
        for ward in CATALOG.wards:
            last = max((d for d in listed[ward] if d <= day), default=None)
            if last is None:
                assert editions.printed(on_day, ward, day) is None, (ward, day)
                continue
            on_last = dated.as_of(CATALOG, last)
            assert editions.printed(on_day, ward, day) == editions.printed(on_last, ward, last), (ward, day, last)
            checked += 1
        day += timedelta(days=9)
    assert checked > 4000


def test_a_ward_reads_fewer_days_than_the_catalog_names() -> None:
    """A ward's days come from its own record, its procedures and the cut-off hour: the district's
    reception rules of 2025 are not among Hàng Bài's, whose sheets they do not change."""
    days = editions.ward_days(CATALOG, OLD, date(2027, 12, 31))
    reception = {r.tu_ngay for r in CATALOG.district.tiep_nhan if r.tu_ngay}
    assert reception and not reception & set(days) - {date(2025, 7, 1)}
    assert set(PAPERS_CHANGE) <= set(days)


def test_the_changes_are_the_dated_facts() -> None:
    """Every version of a printed paper that starts while Hàng Bài settles its procedure is a change of
    that procedure on that day, and nothing changes on a day no fact names."""
    history = editions.history(CATALOG, OLD, date(2026, 11, 29))
    by_day: dict[date, set[str | None]] = {}
    for change in history.changes:
        by_day.setdefault(change.day, set()).add(change.procedure)
    ward = CATALOG.wards[OLD]
    for adoption in ward.thu_tuc_khong_cho:
        procedure = CATALOG.procedures[adoption.thu_tuc]
        starts = {p.tu_ngay for p in procedure.thanh_phan_ho_so if p.tu_ngay} | {
            dated.after(p.den_ngay) for p in procedure.thanh_phan_ho_so if p.den_ngay
        }
        for start in starts:
            if adoption.tu_ngay <= start <= ward.hieu_luc.den_ngay:
                assert procedure.id in by_day.get(start, set()), (procedure.id, start)
    assert sorted(by_day) == [date(2021, 7, 1), *PAPERS_CHANGE, date(2025, 7, 1)]
    assert by_day[date(2025, 7, 1)] == {None}  # the ward ends: one change, for every sheet
    end = next(c for c in history.changes if c.day == date(2025, 7, 1))
    assert end.sentences == (
        "Phường Hàng Bài không còn là đơn vị hành chính; các bản in của phường không còn dùng để niêm yết.",
    )
    identity = next(c for c in history.changes if c.day == date(2025, 1, 9) and c.procedure == "chung-thuc-chu-ky")
    assert "Giấy tờ tùy thân của người yêu cầu chứng thực" in identity.sentences[0]
    assert [s.van_ban for s in identity.sources] == ["07/2025/NĐ-CP"]


@pytest.mark.parametrize("change", PAPERS_CHANGE, ids=str)
def test_the_edition_the_day_before_and_the_day_of_each_change(change: date) -> None:
    before = editions.history(CATALOG, OLD, change - timedelta(days=1))
    on = editions.history(CATALOG, OLD, change)
    assert before.edition() < change and on.edition() == change
    assert on.since(before.edition()) and not on.since(change)


def test_the_edition_of_each_kind_of_sheet_in_2022_and_later() -> None:
    """A handout's edition moves only with its procedure and the ward; the notice with any of them."""
    in_2022 = editions.history(CATALOG, OLD, date(2022, 5, 14))
    assert in_2022.edition() == date(2021, 7, 1) and in_2022.editions() == [date(2021, 7, 1)]
    in_2025 = editions.history(CATALOG, OLD, date(2025, 3, 1))
    assert in_2025.edition() == date(2025, 1, 9)
    assert in_2025.edition("chung-thuc-ban-sao") == date(2025, 1, 9)
    assert in_2025.editions("chung-thuc-ban-sao") == [date(2021, 7, 1), date(2025, 1, 9)]  # no identity paper
    assert in_2025.editions("dang-ky-ket-hon") == [date(2021, 7, 1), *PAPERS_CHANGE]


def test_a_change_ahead_is_coming_once_its_source_is_out() -> None:
    """The ward's end (01/07/2025) rests on Nghị quyết 1656/NQ-UBTVQH15 of 16/06/2025: not known on
    01/06/2025, coming on 20/06/2025, past on 01/07/2025."""
    assert not editions.history(CATALOG, OLD, date(2025, 6, 1)).coming()
    coming = editions.history(CATALOG, OLD, date(2025, 6, 20)).coming()
    assert [(c.day, c.procedure) for c in coming] == [(date(2025, 7, 1), None)]
    after = editions.history(CATALOG, OLD, date(2025, 7, 1))
    assert not after.coming() and after.edition() == date(2025, 7, 1)


def posted(catalog, ward_id: str, ban: date, on: date):
    ward = catalog.wards[ward_id]
    posting = Posting(ban=ban, ngay=on, nguon=Source(ten="Biên bản niêm yết (kiểm thử)"))
    changed = ward.model_copy(update={"niem_yet": [posting]})
    return catalog.__class__(**{**catalog.__dict__, "wards": {**catalog.wards, ward_id: changed}})


def reprint_lines(catalog, day: date) -> list[str]:
    return [p.message for p in checks.gaps_on(catalog, day) if "niem_yet" in str(p.field)]


def test_a_posted_notice_is_listed_for_reprinting_after_a_change_and_not_before() -> None:
    catalog = posted(CATALOG, OLD, date(2021, 7, 1), date(2021, 7, 5))
    assert reprint_lines(catalog, date(2022, 12, 31)) == []
    (line,) = reprint_lines(catalog, date(2023, 1, 1))
    assert line.startswith("phường Hàng Bài: bản niêm yết ngày 05/07/2021 (nội dung áp dụng từ ngày 01/07/2021) đã cũ")
    assert "đã cũ từ ngày 01/01/2023" in line and "Giấy tờ chứng minh nơi cư trú" in line
    # Reprinted and recorded: current again.
    assert reprint_lines(posted(CATALOG, OLD, date(2023, 1, 1), date(2023, 1, 3)), date(2023, 6, 1)) == []
    # An edition no notice ever had.
    (unknown,) = reprint_lines(posted(CATALOG, OLD, date(2022, 2, 2), date(2022, 2, 3)), date(2022, 6, 1))
    assert unknown == "ngày 02/02/2022 không phải ngày áp dụng của bản thông báo nào của phường"


def test_make_check_names_the_ward_to_reprint(tmp_path: Path) -> None:
    """Through the command staff run: the posting written in the ward's file, check on two dates."""
    catalog = tmp_path / "procedures"
    shutil.copytree(REAL_CATALOG, catalog)
    ward_file = catalog / "phuong" / f"{OLD}.yaml"
    ward_file.write_text(
        ward_file.read_text(encoding="utf-8")
        + "niem_yet:\n  - ban: 2021-07-01\n    ngay: 2021-07-05\n    nguon:\n      ten: Biên bản niêm yết (kiểm thử)\n",
        encoding="utf-8",
    )

    def check(day: str) -> str:
        env = {**os.environ, "KHONG_CHO_NGAY": day}
        run = subprocess.run(
            [sys.executable, "-m", "generator", "check", str(catalog)], capture_output=True, text=True, env=env
        )
        return run.stdout + run.stderr

    assert "bản niêm yết" not in check("2022-12-31")
    after = check("2023-01-01")
    line = next(line for line in after.splitlines() if "bản niêm yết" in line)
    assert f"phuong/{OLD}.yaml:" in line and "niem_yet[0].ban" in line and "đã cũ từ ngày 01/01/2023" in line
