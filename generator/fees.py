"""Fees in words, with worked examples, and as data for the browser's calculator.

The amounts always come from ``model.Fee.amount``; the calculator in checker.js runs the same
formula and is tested against the same table of cases (tests/rules/cases.json).
"""

from __future__ import annotations

from dataclasses import dataclass

from . import contract, fmt, labels
from .model import Fee


@dataclass(frozen=True)
class FeeView:
    """A fee with its plain-words rule and worked examples."""

    fee: Fee
    rules: list[str]
    examples: list[tuple[str, str]]
    exemptions: list[str]


def _exemptions(fee: Fee) -> list[str]:
    return [f"{e.doi_tuong} (căn cứ: {e.can_cu.so_ky_hieu})" for e in fee.mien_giam]


def first_capped(fee: Fee, limit: int = 1_000_000) -> int | None:
    """The smallest count whose fee reaches the cap (the fee never falls as the count grows)."""
    if fee.toi_da is None or fee.amount(limit) < fee.toi_da:
        return None
    low, high = 1, limit
    while low < high:  # binary search: a few dozen evaluations, whatever the tiers
        middle = (low + high) // 2
        if fee.amount(middle) >= fee.toi_da:
            high = middle
        else:
            low = middle + 1
    return low


def rules(fee: Fee) -> list[str]:
    """The fee's rates in words, one clause each: '2.000 đ mỗi trang cho trang thứ 1 đến thứ 2'."""
    unit = labels.unit(fee.tinh_theo)
    if fee.is_free:
        return ["Miễn lệ phí" + (f" ({fee.ap_dung})" if fee.ap_dung else "")]
    clauses = []
    for index, tier in enumerate(fee.bac):
        following = fee.bac[index + 1].tu - 1 if index + 1 < len(fee.bac) else None
        if len(fee.bac) == 1:
            span = ""
        elif following is None:
            span = f" từ {unit} thứ {tier.tu}"
        elif following == tier.tu:
            span = f" cho {unit} thứ {tier.tu}"
        else:
            span = f" cho {unit} thứ {tier.tu} đến thứ {following}"
        clauses.append(f"{fmt.vnd(tier.so_tien)} mỗi {unit}{span}")
    if fee.toi_da is not None:
        per = f" mỗi {labels.unit(fee.nhan_theo)}" if fee.nhan_theo else ""
        clauses.append(f"tối đa {fmt.vnd(fee.toi_da)}{per}")
    if fee.ap_dung:
        clauses.append(fee.ap_dung)
    return clauses


def view(fee: Fee) -> FeeView:
    """Rules in words and worked examples, computed by ``Fee.amount``."""
    if fee.is_free:
        return FeeView(fee, rules(fee), [], _exemptions(fee))
    unit = labels.unit(fee.tinh_theo)
    counts = [1, 2, 3, 10] if len(fee.bac) > 1 else [1, 2, 3]
    capped = first_capped(fee)
    if capped and capped not in counts:
        counts.append(capped)
    examples = [(f"{fmt.number(n)} {unit}", fmt.vnd(fee.amount(n))) for n in counts]
    if fee.nhan_theo:
        examples.append((f"3 {unit}, 2 {labels.unit(fee.nhan_theo)}", fmt.vnd(fee.amount(3, 2))))
    return FeeView(fee, rules(fee), examples, _exemptions(fee))


def browser(fee: Fee) -> contract.Fee:
    """A fee's rates for the browser calculator: the same data ``Fee.amount`` computes from."""
    return contract.Fee(
        ten=fee.ten,
        don_vi=labels.unit(fee.tinh_theo),
        bac=[(tier.tu, tier.so_tien) for tier in fee.bac],
        toi_da=fee.toi_da,
        nhan_theo=labels.unit(fee.nhan_theo) if fee.nhan_theo else None,
    )
