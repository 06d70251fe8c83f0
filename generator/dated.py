"""Time: when units and facts hold, and the catalog as a reader on one day could know it.

A unit (the district, a ward) is in force from ``hieu_luc.tu_ngay`` to its last day
``hieu_luc.den_ngay``; a fact (a paper to bring, a condition, a fee, a citation...: the model's
``Dated`` records) from its ``tu_ngay`` to its ``den_ngay``. Both days are included; an empty day
is open. A fact without dates holds for the life of what it belongs to.

``as_of`` is the one place where the build date meets the catalog: it keeps of every list the
versions in force on that day, and leaves out what a reader on that day could not know (units and
adoptions not yet announced, later ends, periods not over, laws not yet issued, sources published
later). Everything the site shows is computed from its result.
"""

from __future__ import annotations

import functools
import re
import typing
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from enum import StrEnum
from typing import Any

from pydantic import BaseModel

from . import fmt
from .catalog import Catalog
from .model import (
    Adoption,
    Dated,
    District,
    LegalLibrary,
    LegalText,
    Lifetime,
    Record,
    Result,
    Source,
    Ward,
)

NOTICE_DAYS = 60
"""A change this many days ahead (or fewer) is announced on the pages it affects."""


class State(StrEnum):
    """Where a date falls in a period: before it, inside it, after it."""

    BEFORE = "chua_hieu_luc"
    IN_FORCE = "dang_hieu_luc"
    ENDED = "het_hieu_luc"


@dataclass(frozen=True)
class Period:
    """Days from ``start`` to ``end``, both inclusive; None is open."""

    start: date | None = None
    end: date | None = None

    def state(self, day: date) -> State:
        if self.start and day < self.start:
            return State.BEFORE
        if self.end and day > self.end:
            return State.ENDED
        return State.IN_FORCE

    def holds(self, day: date) -> bool:
        return self.state(day) is State.IN_FORCE

    def upcoming(self, day: date, days: int = NOTICE_DAYS) -> date | None:
        """The next change after ``day`` within ``days``: the start, or the day after the end."""
        for change in (self.start, after(self.end)):
            if change and day < change <= day + timedelta(days=days):
                return change
        return None

    def __and__(self, other: Period) -> Period:
        starts = [d for d in (self.start, other.start) if d]
        ends = [d for d in (self.end, other.end) if d]
        return Period(max(starts) if starts else None, min(ends) if ends else None)

    def overlaps(self, other: Period) -> bool:
        return (self.start is None or other.end is None or self.start <= other.end) and (
            other.start is None or self.end is None or other.start <= self.end
        )

    def within(self, other: Period) -> bool:
        """True when every day of this period lies in ``other``."""
        starts = other.start is None or (self.start is not None and self.start >= other.start)
        ends = other.end is None or (self.end is not None and self.end <= other.end)
        return starts and ends

    @property
    def empty(self) -> bool:
        return self.start is not None and self.end is not None and self.end < self.start

    def text(self) -> str:
        """'01/07/2024 – 08/01/2025', 'đến 30/06/2024', 'từ 09/01/2025' or 'không giới hạn'."""
        if self.start and self.end:
            return f"{fmt.day(self.start)} – {fmt.day(self.end)}"
        if self.end:
            return f"đến {fmt.day(self.end)}"
        return f"từ {fmt.day(self.start)}" if self.start else "không giới hạn"


ALWAYS = Period()


def after(day: date | None) -> date | None:
    """The day after ``day``: the first day a unit that ended on ``day`` is no longer in force."""
    return day + timedelta(days=1) if day else None


def life(lifetime: Lifetime) -> Period:
    """The days a unit is in force."""
    return Period(lifetime.tu_ngay, lifetime.den_ngay)


def period(item: Dated | Adoption | Result) -> Period:
    """The days a dated fact, an adoption or a result period covers."""
    return Period(item.tu_ngay, item.den_ngay)


def adoption_period(ward: Ward, adoption: Adoption) -> Period:
    """The days a ward settles a procedure without waiting: its own life and the adoption's."""
    return life(ward.hieu_luc) & period(adoption)


# --- the legal library in time ------------------------------------------------------------------


def text_period(text: LegalText) -> Period:
    """The days a legal text is in force (from its effective day, or its date when that is unknown)."""
    return Period(text.hieu_luc_tu or text.ngay, text.hieu_luc_den)


def issued(text: LegalText) -> date | None:
    """The first day a text is known: its date, or its effective day when the date is unknown."""
    return text.ngay or text.hieu_luc_tu


LEGAL_NUMBER = re.compile(r"(?<![\w/])\d{1,4}/\d{4}/[A-ZĐ][\w-]*[\w]", re.UNICODE)
"""A legal document's number as written in prose: 23/2015/NĐ-CP, 60/2014/QH13, 1656/NQ-UBTVQH15."""


def numbers_in(text: str) -> list[str]:
    """The legal numbers a sentence names, in order."""
    return LEGAL_NUMBER.findall(text)


def source_day(source: Source, laws: Mapping[str, LegalText]) -> date | None:
    """When a source was published at the latest: its date, the legal text's when it cites one, or the
    last day of its year when only the year is known."""
    if source.ngay:
        return source.ngay
    if source.nam:
        return date(source.nam, 12, 31)
    text = laws.get(source.van_ban) if source.van_ban else None
    return issued(text) if text else None


# --- what a reader on one day could know ---------------------------------------------------------


class LaterSource(Source):
    """Stands for a source not known to be out on the day the site describes: its name and date would be
    later facts."""


def later_source(day: date, maybe: bool = False) -> Source:
    what = "một nguồn có thể công bố sau ngày" if maybe else "một nguồn công bố sau ngày"
    return LaterSource.model_construct(ten=f"{what} {fmt.day(day)}", ve=[])


@dataclass(frozen=True)
class Knowledge:
    """The day, the legal library, and what may be said on that day."""

    day: date
    laws: Mapping[str, LegalText]

    def published(self, source: Source | None) -> bool:
        """True when ``source`` was out by the day (an undated source counts as out); a legal text
        counts once it is in force (the site cites no text that is not)."""
        if source is None:
            return False
        if source.van_ban and source.van_ban in self.laws:
            return text_period(self.laws[source.van_ban]).state(self.day) is not State.BEFORE
        when = source_day(source, self.laws)
        return when is None or when <= self.day

    def announced(self, change: date | None, source: Source | None) -> bool:
        """A change after the day is announced when it is within the notice window and its source is out."""
        return (
            change is not None
            and self.day < change <= self.day + timedelta(days=NOTICE_DAYS)
            and (self.published(source))
        )


def _holds_records(annotation: Any) -> bool:
    """True when a field of this type can hold a record (anything else is a plain value)."""
    if typing.get_origin(annotation) is typing.Literal:
        return False
    if annotation is Any or isinstance(annotation, str | typing.ForwardRef):
        return True  # not resolved: assume it may
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return True
    return any(_holds_records(arg) for arg in typing.get_args(annotation))


@functools.cache
def record_fields(kind: type[Record]) -> tuple[str, ...]:
    """The fields of a record type that can hold records: the only ones a walk through dated facts
    and sources needs to enter (names, numbers and dates stay as they are)."""
    return tuple(name for name, info in kind.model_fields.items() if _holds_records(info.annotation))


def _walk(value: Any, day: date, known: Knowledge) -> Any:
    """``value`` with the dated list items not in force on ``day`` left out and later sources hidden."""
    if isinstance(value, Source):
        if known.published(value):
            return value
        return later_source(day, maybe=value.ngay is None and value.nam is not None and value.nam == day.year)
    if isinstance(value, Record):
        changes = {}
        for name in record_fields(type(value)):
            old = getattr(value, name)
            new = _walk(old, day, known)
            if new is not old:
                changes[name] = new
        return value.model_copy(update=changes) if changes else value
    if isinstance(value, list):
        kept = [item for item in value if not isinstance(item, Dated) or period(item).holds(day)]
        items = [_walk(_end_known(item, value, known), day, known) for item in kept]
        return (
            items if len(items) != len(value) or any(a is not b for a, b in zip(items, value, strict=True)) else value
        )
    if isinstance(value, dict):
        out = {key: _walk(item, day, known) for key, item in value.items()}
        return out if any(out[key] is not value[key] for key in value) else value
    return value


def _end_known(item: Any, items: list[Any], known: Knowledge) -> Any:
    """A fact in force with a later last day: that day is said only when the change is announced (its
    next version's source, or its own when it simply ends, is out and the day is near)."""
    if not isinstance(item, Dated) or item.den_ngay is None or item.den_ngay < known.day:
        return item
    change = after(item.den_ngay)
    following = [
        other
        for other in items
        if isinstance(other, Dated) and other.version_key == item.version_key and other.tu_ngay == change
    ]
    source = (following[0].nguon or basis_source(following[0])) if following else (item.nguon or basis_source(item))
    return item if known.announced(change, source) else item.model_copy(update={"den_ngay": None})


def basis_source(item: Dated) -> Source | None:
    """A record's own legal basis as a source (a condition's or fee's ``can_cu``)."""
    basis = getattr(item, "can_cu", None)
    number = getattr(basis, "van_ban", None)
    return Source(van_ban=number) if number else None


def _lifetime(lifetime: Lifetime, known: Knowledge) -> Lifetime:
    """A unit's dates as known on the day: a later end only when announced (with its successors)."""
    end = lifetime.den_ngay
    sources = [s.nguon for s in lifetime.ke_nhiem if s.nguon] or [lifetime.nguon]
    if end is None or end < known.day or any(known.announced(after(end), source) for source in sources):
        return lifetime
    start_known = lifetime.tu_ngay is not None and lifetime.tu_ngay <= known.day
    return lifetime.model_copy(
        update={"den_ngay": None, "ke_nhiem": [], "nguon": lifetime.nguon if start_known else None}
    )


def _unit_known(lifetime: Lifetime, known: Knowledge) -> bool:
    """A unit exists for a reader on the day once it has started, or when its start is announced."""
    start = lifetime.tu_ngay
    return start is None or start <= known.day or known.announced(start, lifetime.nguon)


def adoption_source(adoption: Adoption) -> Source | None:
    return adoption.nguon or (adoption.suy_ra.nguon if adoption.suy_ra else None)


def _adoption(adoption: Adoption, known: Knowledge) -> Adoption | None:
    """An adoption as known on the day, or None when a reader could not know of it yet."""
    source = adoption_source(adoption)
    start = adoption.tu_ngay
    if start is None:
        # No start recorded: the adoption is known from its source's day (the directive reported).
        when = source_day(source, known.laws) if source else None
        if when is not None and when > known.day:
            return None
    elif start > known.day and not known.announced(start, source):
        return None
    end = adoption.den_ngay
    if end is not None and end >= known.day and not known.announced(after(end), source):
        adoption = adoption.model_copy(update={"den_ngay": None})
    return adoption


def _ward(ward: Ward, known: Knowledge) -> Ward | None:
    if not _unit_known(ward.hieu_luc, known):
        return None
    adoptions = [a for a in (_adoption(a, known) for a in ward.thu_tuc_khong_cho) if a is not None]
    results = [r for r in ward.ket_qua if r.den_ngay <= known.day]
    notice = ward.thong_bao
    if notice.ngay and notice.ngay > known.day:
        notice = notice.model_copy(update={"ngay": None, "so": None})
    update = {
        "hieu_luc": _lifetime(ward.hieu_luc, known),
        "thu_tuc_khong_cho": adoptions,
        "ket_qua": results,
        "thong_bao": notice,
    }
    # The ward itself when nothing in it moves: callers that keep work by record (editions) reuse it.
    same = all(_same(value, getattr(ward, name)) for name, value in update.items())
    return _walk(ward if same else ward.model_copy(update=update), known.day, known)


def _same(new: Any, old: Any) -> bool:
    if isinstance(new, list):
        return len(new) == len(old) and all(a is b for a, b in zip(new, old, strict=True))
    return new is old


def _district(district: District, known: Knowledge) -> District:
    pilot = district.mo_hinh.thi_diem
    if pilot and pilot.tu_ngay > known.day:
        pilot = None  # not started: nothing a reader could know of it yet
    elif pilot and pilot.den_ngay and pilot.den_ngay > known.day:
        pilot = pilot.model_copy(update={"den_ngay": None})
    model = district.mo_hinh.model_copy(update={"thi_diem": pilot}) if pilot is not district.mo_hinh.thi_diem else None
    update: dict[str, Any] = {"hieu_luc": _lifetime(district.hieu_luc, known)}
    if model is not None:
        update["mo_hinh"] = model
    return _walk(district.model_copy(update=update), known.day, known)


def _library(library: LegalLibrary, known: Knowledge) -> LegalLibrary:
    """The texts in force on the day (the site cites no other), with the amendments in force by then
    and ends known by then."""
    texts = []
    for text in library.van_ban:
        if not text_period(text).holds(known.day):
            continue
        amendments = [a for a in text.sua_doi_boi if _amendment_day(a, known.laws) <= known.day]
        update: dict[str, Any] = {"sua_doi_boi": amendments}
        end = text.hieu_luc_den
        if end is not None and end >= known.day:
            successor = known.laws.get(text.thay_the_boi) if text.thay_the_boi else None
            if successor is None or (issued(successor) or known.day) > known.day:
                update.update(hieu_luc_den=None, thay_the_boi=None)
        texts.append(text.model_copy(update=update))
    return library.model_copy(update={"van_ban": texts})


def _amendment_day(amendment: Any, laws: Mapping[str, LegalText]) -> date:
    """The day an amendment takes effect (date.max when unknown: never cited)."""
    amending = laws.get(amendment.van_ban)
    return amendment.tu_ngay or (amending.hieu_luc_tu if amending else None) or date.max


def as_of(catalog: Catalog, day: date, laws: Mapping[str, LegalText] | None = None) -> Catalog:
    """The catalog as a reader on ``day`` could know it: facts in force that day, nothing said later.

    Records keep their ids (so problems still point at their files); a record a reader could not
    know yet (a ward not yet announced) is left out. ``laws``: the legal texts that date sources,
    when they are not the catalog's own (a part of a catalog, without its library).
    """
    known = Knowledge(day, catalog.laws if laws is None else laws)
    wards = {wid: w for wid, w in ((wid, _ward(w, known)) for wid, w in catalog.wards.items()) if w is not None}
    procedures = {pid: _walk(p, day, known) for pid, p in catalog.procedures.items()}
    return replace(
        catalog,
        district=_district(catalog.district, known) if catalog.district else None,
        procedures=procedures,
        wards=wards,
        library=_library(catalog.library, known) if catalog.library else None,
    )


# --- versions of one fact ---------------------------------------------------------------------------


def dated_items(value: Any, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], Dated]]:
    """Every dated record inside ``value``, outermost first, with where it is."""
    if isinstance(value, Dated):
        yield loc, value
    if isinstance(value, Record):
        for name in type(value).model_fields:
            yield from dated_items(getattr(value, name), (*loc, name))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from dated_items(item, (*loc, i))


def version_groups(items: list[Any]) -> dict[str, list[int]]:
    """Indexes of the versions of each fact in a list, by their shared key, in list order."""
    groups: dict[str, list[int]] = {}
    for i, item in enumerate(items):
        key = item.version_key if isinstance(item, Dated) else None
        if key is not None:
            groups.setdefault(key, []).append(i)
    return {key: indexes for key, indexes in groups.items() if len(indexes) > 1}


def lists(value: Any, loc: tuple[str | int, ...] = ()) -> Iterator[tuple[tuple[str | int, ...], list[Any]]]:
    """Every list of dated records inside ``value``, with where it is."""
    if isinstance(value, Record):
        for name in type(value).model_fields:
            yield from lists(getattr(value, name), (*loc, name))
    elif isinstance(value, list):
        if any(isinstance(item, Dated) for item in value):
            yield loc, value
        for i, item in enumerate(value):
            yield from lists(item, (*loc, i))
