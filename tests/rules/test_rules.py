"""The rule book with hand-built records: how district, procedure and ward settings combine."""

from __future__ import annotations

from datetime import time
from types import SimpleNamespace

import pytest
from rules_records import adoption, cutoff, district, limit, procedure, text, ward, yes_no

from generator import rules


def answer(proc, adopted, quan=None):
    """The rule book's answer for a ward, with what ``check`` would refuse in its settings."""
    quan = quan or district()
    service = rules.service(quan, proc, ward(adopted), adopted)
    findings = tuple(rules.findings(proc, adopted, quan))
    return SimpleNamespace(
        **{name: getattr(service, name) for name in ("conditions", "fees", "promise")}, findings=findings
    )


def by_id(service: SimpleNamespace) -> dict[str, rules.Condition]:
    return {c.id: c for c in service.conditions}


def test_a_cutoff_without_its_own_hour_takes_the_district_default() -> None:
    service = answer(procedure(cutoff()), adoption())
    assert by_id(service)["truoc-gio"].gio == time(15) and not by_id(service)["truoc-gio"].rieng
    assert service.findings == ()


def test_the_procedure_hour_comes_before_the_district_default() -> None:
    service = answer(procedure(cutoff("16:00")), adoption())
    assert by_id(service)["truoc-gio"].gio == time(16)


def test_a_ward_may_set_15_30_where_the_procedure_allows_16_00() -> None:
    """Reproduced before the rule book: check compared with the district's 15:00 and refused it."""
    service = answer(procedure(cutoff("16:00")), adoption(gio_tiep_nhan_cuoi="15:30"))
    assert service.findings == ()
    condition = by_id(service)["truoc-gio"]
    assert condition.gio == time(15, 30) and condition.rieng


def test_a_ward_cutoff_later_than_the_procedure_is_refused() -> None:
    service = answer(procedure(cutoff()), adoption(gio_tiep_nhan_cuoi="16:00"))
    (finding,) = service.findings
    assert finding.loc == ("gio_tiep_nhan_cuoi",)
    assert "(16:00) không được muộn hơn giờ chung (15:00)" in finding.message
    assert by_id(service)["truoc-gio"].gio == time(15)  # the refused value is never shown


@pytest.mark.parametrize(
    ("ward_hour", "shown", "own", "refused"),
    [
        ("14:59", time(14, 59), True, False),  # earlier: the ward's own, stricter rule
        ("15:00", time(15), False, False),  # equal: nothing of the ward's own; no error
        ("15:01", time(15), False, True),  # later: refused, the common hour shown
    ],
)
def test_a_ward_hour_earlier_equal_or_later_than_the_districts(ward_hour, shown, own, refused) -> None:
    """The boundary of the central rule (issue 22): a fault at the equal hour went unnoticed."""
    service = answer(procedure(cutoff()), adoption(gio_tiep_nhan_cuoi=ward_hour))
    condition = by_id(service)["truoc-gio"]
    assert (condition.gio, condition.rieng, bool(service.findings)) == (shown, own, refused)


def test_a_ward_cutoff_on_a_procedure_without_one_is_an_error_not_a_silent_drop() -> None:
    """Reproduced before the rule book: a ward's 09:00 passed check and appeared nowhere."""
    service = answer(procedure(text()), adoption(gio_tiep_nhan_cuoi="09:00"))
    (finding,) = service.findings
    assert finding.loc == ("gio_tiep_nhan_cuoi",)
    assert "không có điều kiện giờ tiếp nhận" in finding.message and "dieu_kien_them" in finding.message


def test_a_ward_limit_tightens_or_fills_and_never_loosens() -> None:
    assert by_id(answer(procedure(limit(20)), adoption(gioi_han={"so-trang": 10})))["so-trang"].toi_da == 10
    filled = by_id(answer(procedure(limit(None)), adoption(gioi_han={"so-trang": 30})))["so-trang"]
    assert filled.toi_da == 30 and filled.rieng
    loose = answer(procedure(limit(20)), adoption(gioi_han={"so-trang": 25}))
    assert by_id(loose)["so-trang"].toi_da == 20
    (finding,) = loose.findings
    assert finding.loc == ("gioi_han", "so-trang") and "phải chặt hơn" in finding.message


def test_a_ward_limit_that_names_no_limit_condition_is_refused() -> None:
    service = answer(procedure(limit(20), yes_no()), adoption(gioi_han={"co-mat": 1}))
    (finding,) = service.findings
    assert finding.loc == ("gioi_han", "co-mat") and "(có: so-trang)" in finding.message


def test_extra_conditions_come_after_as_the_ward_own() -> None:
    extra = yes_no("mang-ban-sao")
    service = answer(procedure(text(), cutoff()), adoption(dieu_kien_them=[extra], gio_tiep_nhan_cuoi="14:00"))
    assert [c.id for c in service.conditions] == ["hop-le", "truoc-gio", "mang-ban-sao"]
    assert [c.rieng for c in service.conditions] == [False, True, True]
    assert by_id(service)["mang-ban-sao"].cau_hoi == "Có mặt không?"


def test_an_extra_condition_may_not_reuse_a_procedure_id() -> None:
    service = answer(procedure(text()), adoption(dieu_kien_them=[yes_no("hop-le")]))
    (finding,) = service.findings
    assert finding.loc == ("dieu_kien_them", 0, "id")


def test_fees_and_promise_come_from_the_procedure() -> None:
    service = answer(procedure(text()), adoption())
    assert service.promise is not None and service.promise.mo_ta == "Ngay."
    assert service.fees == ()


@pytest.mark.parametrize("hour", ["15:00", "08:00"])
def test_the_district_default_is_read_not_assumed(hour: str) -> None:
    service = answer(procedure(cutoff()), adoption(), quan=district(hour))
    assert by_id(service)["truoc-gio"].gio == time.fromisoformat(hour)
