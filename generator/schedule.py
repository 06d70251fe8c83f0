"""Time at the office: opening hours, Vietnam's days off, and the working-day rule.

The build date is always passed in (never read from "today" here). ``result_day`` is the rule the
browser's checker applies; both run against the same table of cases (tests/rules/cases.json).
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from datetime import date, time, timedelta

import holidays
import holidays.countries  # with the others: the calendar's first use would import it during the build

from . import contract, fmt, labels
from .model import WEEKDAYS, Ward, WorkingWeek

MONTHS_AHEAD = 13
"""A year of holidays from the build month (13 months so a December build covers next December)."""


@dataclass(frozen=True)
class SessionRow:
    """One weekday's sessions, for the hours table."""

    day: str
    sessions: list[str]


def hours(ward: Ward) -> list[SessionRow]:
    """Opening hours by weekday, Monday first; empty when unknown."""
    rows = []
    for day in WEEKDAYS:
        sessions = sorted((s.tu, s.den) for s in ward.gio_lam_viec if day in s.ngay)
        if sessions:
            rows.append(SessionRow(labels.WEEKDAYS[day], [f"{fmt.hour(a)} – {fmt.hour(b)}" for a, b in sessions]))
    return rows


def _minutes(value: time) -> int:
    return value.hour * 60 + value.minute


def browser_hours(ward: Ward, week: WorkingWeek | None = None, laws: labels.Laws | None = None) -> contract.Hours:
    """Opening hours for the browser; ``biet`` is false when the ward's hours are unknown, and then the
    national working week (``week``), when the catalog has it, says which days are working days."""
    days: list[list[tuple[int, int]]] = [[] for _ in WEEKDAYS]
    for session in ward.gio_lam_viec:
        for day in session.ngay:
            days[WEEKDAYS.index(day)].append((_minutes(session.tu), _minutes(session.den)))
    known = bool(ward.gio_lam_viec)
    if known or week is None:
        return contract.Hours(biet=known, ngay=[sorted(d) for d in days])
    rule = [True if day in week.ngay_lam_viec else False if day in week.ngay_nghi else None for day in WEEKDAYS]
    return contract.Hours(
        biet=False,
        ngay=[[] for _ in WEEKDAYS],
        tuan=rule,
        can_cu=laws.ref(week.can_cu) if laws else None,
        ghi_chu=week.ghi_chu,
    )


def _window(start: date, months: int) -> tuple[date, date]:
    first = start.replace(day=1)
    end_month = first.month - 1 + months
    after = date(first.year + end_month // 12, end_month % 12 + 1, 1)
    return first, after - timedelta(days=1)


def public_holidays(start: date, months: int = MONTHS_AHEAD) -> list[dict[str, str]]:
    """Days off in Vietnam from the first of ``start``'s month, for ``months`` months, Tết included."""
    first, last = _window(start, months)
    calendar = holidays.country_holidays("VN", years=range(first.year, last.year + 1), language="vi")
    return [{"ngay": day.isoformat(), "ten": name} for day, name in sorted(calendar.items()) if first <= day <= last]


@functools.cache
def browser_holidays(start: date) -> contract.Holidays:
    """The days off the browser knows, and the window they cover (beyond it, it says it does not know)."""
    first, last = _window(start, MONTHS_AHEAD)
    days = [contract.Holiday(**day) for day in public_holidays(start)]
    return contract.Holidays(tu_ngay=first.isoformat(), den_ngay=last.isoformat(), ngay_nghi=days)


def after_cutoff(minute: int, cutoff: time) -> bool:
    """Filed at ``minute`` of the day: from the cut-off on (15:00 included), the result is the next
    working day's. checker.js applies the same rule (tests/rules/cases.json, late_cases)."""
    return minute >= _minutes(cutoff)


def result_day(
    filed: date, minute: int, cutoff: time | None, hours: contract.Hours, days_off: contract.Holidays
) -> date | None:
    """The day a complete dossier filed at ``filed`` and ``minute`` gets its result, or None when unknown.

    Filed on a working day before the cut-off: the same day. After it, or on a day off: the next
    working day. Which days are working days: the ward's hours, else the national working week the
    data carries (a day it leaves open, Saturday, stays unknown); unknown without either (no guess),
    or outside the holiday window.
    """
    off = {day.ngay for day in days_off.ngay_nghi}
    first, last = date.fromisoformat(days_off.tu_ngay), date.fromisoformat(days_off.den_ngay)

    def working(day: date) -> bool | None:
        if not first <= day <= last:
            return None
        if day.isoformat() in off:
            return False
        if hours.biet:
            return bool(hours.ngay[day.weekday()])
        return hours.tuan[day.weekday()] if hours.tuan else None

    today = working(filed)
    if today is None:
        return None
    if today and (cutoff is None or not after_cutoff(minute, cutoff)):
        return filed
    day = filed
    for _ in range(60):
        day += timedelta(days=1)
        state = working(day)
        if state is None:
            return None
        if state:
            return day
    return None
