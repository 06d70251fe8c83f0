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
    """A fee with its plain-words rule, worked examples, legal basis and exemptions."""

    fee: Fee
    rules: list[str]
    examples: list[tuple[str, str]]
    exemptions: list[str]
    basis: str | None = None
    """The fee's legal basis by its full name, e.g. 'Điều 4 Thông tư số 226/2016/TT-BTC của Bộ Tài chính'."""


_COUNTS = {2: "hai", 3: "ba", 4: "bốn", 5: "năm", 6: "sáu", 7: "bảy", 8: "tám", 9: "chín", 10: "mười"}
_ORDINALS = {1: "nhất", 2: "hai", 3: "ba", 4: "tư", **{n: word for n, word in _COUNTS.items() if n > 4}}


def _exemptions(fee: Fee, laws: labels.Laws) -> list[str]:
    return [f"{e.doi_tuong} (căn cứ: {laws.ref(e.can_cu)})" for e in fee.mien_giam]


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
    """The fee's rates as a person writes them, one clause each.

    '2.000 đồng/trang cho hai trang đầu', 'từ trang thứ ba 1.000 đồng/trang', 'tối đa 200.000 đồng/bản'.
    """
    unit, per = labels.unit(fee.tinh_theo), labels.per(fee.tinh_theo)
    if fee.is_free:
        return ["miễn lệ phí" + (f" ({fee.ap_dung})" if fee.ap_dung else "")]
    clauses = []
    for index, tier in enumerate(fee.bac):
        rate = f"{fmt.vnd(tier.so_tien)}/{per}"
        following = fee.bac[index + 1].tu - 1 if index + 1 < len(fee.bac) else None
        if len(fee.bac) == 1:
            clauses.append(rate)
        elif index == 0:
            first = f"{_COUNTS.get(following, fmt.number(following))} {unit} đầu" if following > 1 else f"{unit} đầu"
            clauses.append(f"{rate} cho {first}")
        elif following is None:
            clauses.append(f"từ {unit} thứ {_ORDINALS.get(tier.tu, fmt.number(tier.tu))} {rate}")
        else:
            since = _ORDINALS.get(tier.tu, fmt.number(tier.tu))
            until = _ORDINALS.get(following, fmt.number(following))
            clauses.append(f"từ {unit} thứ {since} đến {unit} thứ {until} {rate}")
    if fee.toi_da is not None:
        clauses.append(f"tối đa {fmt.vnd(fee.toi_da)}/{labels.per(fee.nhan_theo) if fee.nhan_theo else per}")
    if fee.ap_dung:
        clauses.append(fee.ap_dung)
    return clauses


def view(fee: Fee, laws: labels.Laws) -> FeeView:
    """Rules in words and worked examples, computed by ``Fee.amount``."""
    basis = laws.ref(fee.can_cu) if fee.can_cu else None
    if fee.is_free:
        return FeeView(fee, rules(fee), [], _exemptions(fee, laws), basis)
    unit = labels.unit(fee.tinh_theo)
    counts = [1, 2, 3, 10] if len(fee.bac) > 1 else [1, 2, 3]
    capped = first_capped(fee)
    if capped and capped not in counts:
        counts.append(capped)
    examples = [(f"{fmt.number(n)} {unit}", fmt.vnd(fee.amount(n))) for n in counts]
    if fee.nhan_theo:
        examples.append((f"3 {unit}, 2 {labels.unit(fee.nhan_theo)}", fmt.vnd(fee.amount(3, 2))))
    return FeeView(fee, rules(fee), examples, _exemptions(fee, laws), basis)


def browser(fee: Fee) -> contract.Fee:
    """A fee's rates for the browser calculator: the same data ``Fee.amount`` computes from."""
    return contract.Fee(
        ten=fee.ten,
        tinh_theo=labels.unit(fee.tinh_theo),
        bac=[(tier.tu, tier.so_tien) for tier in fee.bac],
        toi_da=fee.toi_da,
        nhan_theo=labels.unit(fee.nhan_theo) if fee.nhan_theo else None,
    )
