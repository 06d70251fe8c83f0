"""Fees as data: one table of cases (shared later with the JavaScript calculator)."""

import pytest

from generator.model import Fee

COPY_FEE = Fee.model_validate(
    {
        "ten": "Lệ phí chứng thực bản sao",
        "tinh_theo": "trang",
        "bac": [{"so_tien": 2000}, {"so_tien": 1000, "tu": 3}],
        "toi_da": 200000,
        "nhan_theo": "ban_sao",
        "can_cu": {"van_ban": "226/2016/TT-BTC"},
    }
)
FLAT_FEE = Fee.model_validate(
    {
        "ten": "Lệ phí chứng thực chữ ký",
        "tinh_theo": "truong_hop",
        "bac": [{"so_tien": 10000}],
        "can_cu": {"van_ban": "x"},
    }
)

CASES = [
    (COPY_FEE, 1, 1, 2000),
    (COPY_FEE, 2, 1, 4000),
    (COPY_FEE, 3, 1, 5000),
    (COPY_FEE, 10, 1, 12000),
    (COPY_FEE, 198, 1, 200000),
    (COPY_FEE, 199, 1, 200000),
    (COPY_FEE, 250, 1, 200000),
    (COPY_FEE, 3, 2, 10000),
    (COPY_FEE, 250, 3, 600000),
    (COPY_FEE, 0, 1, 0),
    (FLAT_FEE, 1, 1, 10000),
    (FLAT_FEE, 3, 1, 30000),
]


@pytest.mark.parametrize(("fee", "count", "copies", "expected"), CASES)
def test_amount(fee: Fee, count: int, copies: int, expected: int) -> None:
    assert fee.amount(count, copies) == expected


def test_flat_fee_ignores_multiplier_without_nhan_theo() -> None:
    assert FLAT_FEE.amount(1, 5) == 10000


def test_free_fee() -> None:
    free = Fee.model_validate(
        {"ten": "x", "tinh_theo": "truong_hop", "bac": [{"so_tien": 0}], "can_cu": {"van_ban": "x"}}
    )
    assert free.is_free and free.amount(1) == 0
    assert not COPY_FEE.is_free
