"""Time: periods, their state at a date, changes announced ahead."""

from __future__ import annotations

from datetime import date

import pytest
from rules_records import adoption, ward

from generator import dated
from generator.model import Lifetime, Ward

P = dated.Period(date(2021, 7, 1), date(2025, 6, 30))


@pytest.mark.parametrize(
    ("day", "state"),
    [
        ("2021-06-30", dated.State.BEFORE),
        ("2021-07-01", dated.State.IN_FORCE),  # the first day is in force
        ("2025-06-30", dated.State.IN_FORCE),  # the last day is in force
        ("2025-07-01", dated.State.ENDED),
    ],
)
def test_both_ends_are_inclusive(day: str, state: dated.State) -> None:
    assert P.state(date.fromisoformat(day)) is state


def test_open_ends() -> None:
    assert dated.Period().state(date(1990, 1, 1)) is dated.State.IN_FORCE
    assert dated.Period(end=date(2025, 6, 30)).state(date(1990, 1, 1)) is dated.State.IN_FORCE


@pytest.mark.parametrize(
    ("day", "change"),
    [
        ("2025-04-30", None),  # 62 days before the day after the end: too early to announce
        ("2025-05-02", "2025-07-01"),  # 60 days before
        ("2025-06-30", "2025-07-01"),
        ("2025-07-01", None),  # the change has happened
        ("2021-05-15", "2021-07-01"),  # a start is announced too
    ],
)
def test_a_change_within_60_days_is_announced(day: str, change: str | None) -> None:
    found = P.upcoming(date.fromisoformat(day))
    assert (found.isoformat() if found else None) == change


def test_an_adoption_holds_while_both_the_ward_and_the_adoption_do() -> None:
    lifetime = Lifetime.model_validate(
        {"den_ngay": "2025-06-30", "ke_nhiem": [{"phuong": "x", "toan_bo": True}], "nguon": {"ten": "NQ"}}
    )
    base = ward(adoption(tu_ngay="2021-07-01"))
    ended = Ward.model_validate({**base.model_dump(), "hieu_luc": lifetime.model_dump()})
    period = dated.adoption_period(ended, ended.thu_tuc_khong_cho[0])
    assert (period.start, period.end) == (date(2021, 7, 1), date(2025, 6, 30))
    stopped = adoption(tu_ngay="2021-07-01", den_ngay="2023-12-31")
    assert dated.adoption_period(ended, stopped).end == date(2023, 12, 31)


def test_the_day_after() -> None:
    assert dated.after(date(2025, 6, 30)) == date(2025, 7, 1) and dated.after(None) is None
