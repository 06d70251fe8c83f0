"""Vietnam's public holidays, emitted as data for the browser (the checker and "open now")."""

from __future__ import annotations

import functools
import os
from datetime import UTC, date, datetime

import holidays

MONTHS_AHEAD = 13
"""A year of holidays from the build month (13 months so a December build covers next December)."""


def build_day(fallback: date) -> date:
    """The build's date: SOURCE_DATE_EPOCH when set, else ``fallback`` (the catalog's review date)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch and epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), tz=UTC).date()
    return fallback


def public_holidays(start: date, months: int = MONTHS_AHEAD) -> list[dict[str, str]]:
    """Days off in Vietnam from the first of ``start``'s month, for ``months`` months, Tết included."""
    first = start.replace(day=1)
    end_month = first.month - 1 + months
    end = date(first.year + end_month // 12, end_month % 12 + 1, 1)
    calendar = holidays.country_holidays("VN", years=range(first.year, end.year + 1), language="vi")
    return [{"ngay": day.isoformat(), "ten": name} for day, name in sorted(calendar.items()) if first <= day < end]


@functools.cache
def holiday_data(start: date) -> dict[str, object]:
    """The JSON the browser reads: the range covered and the days off in it."""
    days = public_holidays(start)
    first = start.replace(day=1)
    return {"tu_ngay": first.isoformat(), "so_thang": MONTHS_AHEAD, "ngay_nghi": days}
