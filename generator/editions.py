"""Editions of a ward's printed sheets, and the changes between them, read from the dated catalog.

What a ward's sheets print on a day is taken from the catalog as known on that day (dated.as_of):
the ward's name, address, phone, reception desk, hours, signatory and notice number; the district's
cut-off hour; and for each procedure the ward settles without waiting, its name, papers,
conditions and channels (time limits, fees). Sources and the dates of versions are not printed, so
they are not compared. A change is a day on which those printed facts differ from the day before,
said in plain sentences; the edition of a sheet on a day is the day of the last change to what
that sheet prints (the ward's own facts, and its procedure for a handout). A notice and its
poster share the ward page's QR code, so they share the notice's edition.

The printed facts of a ward can change only on a day that the ward, its procedures or the
district's cut-off hour name, or the day after one (``ward_days``): only those days are read, each
for the wards it concerns.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, replace
from datetime import date, timedelta
from typing import Any

from . import dated, fmt
from .catalog import Catalog
from .model import Posting, Procedure, Record, Source, Ward
from .problems import Problem

NOT_PRINTED = frozenset({"nguon", "suy_ra", "tu_ngay", "den_ngay", "ngay_ra_soat"})
"""Fields no sheet prints: where a fact was read, and the dates of its versions."""
WARD_FACTS = ("dia_chi", "dien_thoai", "bo_phan_tiep_nhan", "gio_lam_viec", "nguoi_ky", "thong_bao")


@dataclass(frozen=True)
class Change:
    """What changed on one day in what a ward prints: its own facts (``procedure`` None, on every
    sheet) or one procedure's (its handout, and the notice)."""

    day: date
    ward: str
    procedure: str | None
    sentences: tuple[str, ...]
    sources: tuple[Source, ...] = ()
    coming: bool = False
    """Announced ahead: it takes effect after the build date, within the notice window."""

    @property
    def anchor(self) -> str:
        """The id of this change on the ward's change page."""
        return f"{self.day.isoformat()}-{self.procedure or 'phuong'}"

    def concerns(self, procedure: str | None) -> bool:
        """True when the change touches the sheet of ``procedure`` (None: the notice, which prints all)."""
        return procedure is None or self.procedure in (None, procedure)


@dataclass(frozen=True)
class History:
    """A ward's printed facts through time, as a reader on the build date knows them."""

    ward: str
    day: date
    changes: tuple[Change, ...]
    """Oldest first: the past ones (from the day the ward first printed a notice), then those coming."""

    def past(self, procedure: str | None = None) -> list[Change]:
        return [c for c in self.changes if not c.coming and c.concerns(procedure)]

    def coming(self, procedure: str | None = None) -> list[Change]:
        return [c for c in self.changes if c.coming and c.concerns(procedure)]

    def editions(self, procedure: str | None = None) -> list[date]:
        """Every edition a sheet (the notice; a procedure's handout) has had, oldest first."""
        return sorted({c.day for c in self.past(procedure)})

    def edition(self, procedure: str | None = None) -> date | None:
        """The edition of the sheet printed on the build date: the day its content took effect."""
        days = self.editions(procedure)
        return days[-1] if days else None

    def since(self, edition: date, procedure: str | None = None) -> list[Change]:
        """The changes to a sheet of ``edition`` up to the build date, newest first."""
        return sorted((c for c in self.past(procedure) if c.day > edition), key=lambda c: c.day, reverse=True)


# --- what a ward prints on a day --------------------------------------------------------------------


def _facts(value: Any) -> Any:
    """A value as printed: records as plain data without sources and version dates."""
    if isinstance(value, Record):
        return {name: _facts(getattr(value, name)) for name in type(value).model_fields if name not in NOT_PRINTED}
    if isinstance(value, list | tuple):
        return [_facts(item) for item in value]
    if isinstance(value, dict):
        return {key: _facts(item) for key, item in value.items()}
    if isinstance(value, date):
        return value.isoformat()
    return value if value is None or isinstance(value, str | int | float | bool) else str(value)


@dataclass(frozen=True)
class Printed:
    """What a ward's sheets print on one day."""

    name: str
    ended: bool
    ward: Mapping[str, Any]
    procedures: Mapping[str, Mapping[str, Any]]
    """By procedure id, in the ward's order: name, papers, conditions, channels."""


def printed(known: Catalog, ward_id: str, day: date, memo: dict[int, tuple[Any, Any]] | None = None) -> Printed | None:
    """What ``ward_id``'s sheets print on ``day``, from the catalog as known that day; None before it exists.

    ``memo`` keeps the printed form of records between days: dated.as_of returns a record itself
    when nothing in it changed, so most days reuse the last day's."""
    memo = {} if memo is None else memo

    def facts_of(record: Any, make: Any) -> Any:
        kept = memo.get(id(record))
        if kept is None or kept[0] is not record:
            kept = memo[id(record)] = (record, make(record))
        return kept[1]

    ward = known.wards.get(ward_id)
    if ward is None or dated.life(ward.hieu_luc).state(day) is dated.State.BEFORE:
        return None
    district = known.district
    facts = dict(facts_of(ward, lambda w: {name: _facts(getattr(w, name)) for name in WARD_FACTS}))
    facts["gio_cuoi"] = _facts(district.mac_dinh.gio_tiep_nhan_cuoi) if district else None
    procedures: dict[str, dict[str, Any]] = {}
    for adoption in ward.thu_tuc_khong_cho:
        procedure = known.procedures.get(adoption.thu_tuc)
        if procedure is None or not dated.period(adoption).holds(day):
            continue
        procedures[procedure.id] = {
            **facts_of(procedure, _procedure_facts),
            "rieng": facts_of(adoption, lambda a: _facts([a.gio_tiep_nhan_cuoi, a.gioi_han, a.dieu_kien_them])),
        }
    ended = dated.life(ward.hieu_luc).state(day) is dated.State.ENDED
    return Printed(ward.ten, ended, facts, procedures)


def _procedure_facts(procedure: Procedure) -> dict[str, Any]:
    return {
        "ten": procedure.short_name,
        "giay_to": _facts(procedure.thanh_phan_ho_so),
        "dieu_kien": _facts(procedure.khong_cho.dieu_kien if procedure.khong_cho else []),
        "cach_thuc": _facts(procedure.cach_thuc_thuc_hien),
    }


# --- the sentences of a change ----------------------------------------------------------------------


def _quoted(text: str) -> str:
    return f"“{text}”"


def _key(item: Mapping[str, Any]) -> str:
    """A paper or condition across its versions: its id, else its name."""
    return str(item.get("id") or item.get("ten") or item.get("noi_dung"))


def _list_changes(old: list[Mapping[str, Any]], new: list[Mapping[str, Any]], what: str, name: Any) -> list[str]:
    """Short phrases for a list that changed: what was added, removed or changed."""
    before, after = {_key(i): i for i in old}, {_key(i): i for i in new}
    out = [f"thêm {what} {_quoted(name(item))}" for key, item in after.items() if key not in before]
    out += [f"bỏ {what} {_quoted(name(item))}" for key, item in before.items() if key not in after]
    out += [
        f"{what} {_quoted(name(item))} thay đổi" for key, item in after.items() if key in before and before[key] != item
    ]
    return out


def _condition_name(condition: Mapping[str, Any]) -> str:
    return str(condition.get("noi_dung_ngan") or condition["noi_dung"]).rstrip(".")


def _procedure_sentences(old: Mapping[str, Any] | None, new: Mapping[str, Any] | None, name: str) -> list[str]:
    if old is None:
        return [f"Bắt đầu giải quyết không chờ thủ tục {name}."]
    if new is None:
        return [f"Thôi giải quyết không chờ thủ tục {name}."]
    phrases = _list_changes(old["giay_to"], new["giay_to"], "giấy tờ", lambda p: p["ten"])
    phrases += _list_changes(old["dieu_kien"], new["dieu_kien"], "điều kiện", _condition_name)
    if old["rieng"] != new["rieng"]:
        phrases.append("điều kiện riêng của phường thay đổi")
    if old["cach_thuc"] != new["cach_thuc"]:
        phrases.append("thời hạn giải quyết hoặc lệ phí thay đổi")
    if old["ten"] != new["ten"]:
        phrases.append(f"nay gọi là {new['ten']}")
    return [f"{name}: {'; '.join(phrases)}."] if phrases else []


WARD_WORDS = {
    "dia_chi": "Địa chỉ trụ sở",
    "dien_thoai": "Số điện thoại",
    "bo_phan_tiep_nhan": "Nơi tiếp nhận hồ sơ",
}


def _ward_sentences(old: Printed, new: Printed) -> list[str]:
    if new.ended and not old.ended:
        return [f"Phường {new.name} không còn là đơn vị hành chính; các bản in của phường không còn dùng để niêm yết."]
    out = []
    for key, label in WARD_WORDS.items():
        if old.ward[key] != new.ward[key]:
            out.append(f"{label} nay là: {new.ward[key]}." if new.ward[key] else f"{label}: đang cập nhật.")
    if old.ward["gio_lam_viec"] != new.ward["gio_lam_viec"]:
        out.append("Giờ làm việc thay đổi.")
    if old.ward["gio_cuoi"] != new.ward["gio_cuoi"] and new.ward["gio_cuoi"]:
        hour, minute = new.ward["gio_cuoi"].split(":")[:2]
        minutes = f" {minute}" if minute != "00" else ""
        out.append(f"Nộp hồ sơ trước {int(hour)} giờ{minutes} để nhận kết quả trong ngày.")
    if old.ward["thong_bao"] != new.ward["thong_bao"] or old.ward["nguoi_ky"] != new.ward["nguoi_ky"]:
        number = new.ward["thong_bao"].get("so")
        out.append(f"Thông báo niêm yết mới{f' số {number}' if number else ''}.")
    return out


def _sources(
    known: Catalog, ward_id: str, procedure_id: str | None, day: date, memo: dict[Any, list[Any]] | None = None
) -> tuple[Source, ...]:
    """The sources of the versions that take effect on ``day`` (or end the day before)."""
    record: Any = known.procedures.get(procedure_id) if procedure_id else known.wards.get(ward_id)
    found: list[Source] = []
    memo = {} if memo is None else memo
    if record is not None and (id(record), day) not in memo:  # a procedure is the same for every ward
        memo[(id(record), day)] = [record, *dated.dated_items(record)]
    items = list(memo[(id(record), day)][1:]) if record is not None else []
    ward = known.wards.get(ward_id)
    if ward is not None:
        items += [((), a) for a in ward.thu_tuc_khong_cho if a.thu_tuc == procedure_id]
        if procedure_id is None:
            found += [s.nguon for s in ward.hieu_luc.ke_nhiem if s.nguon and dated.after(ward.hieu_luc.den_ngay) == day]
    for _, item in items:
        if item.tu_ngay == day or dated.after(item.den_ngay) == day:
            source = getattr(item, "nguon", None) or dated.basis_source(item)
            if source is not None and not isinstance(source, dated.LaterSource) and source not in found:
                found.append(source)
    return tuple(found)


def _diff(
    known: Catalog, ward_id: str, old: Printed, new: Printed, day: date, coming: bool, memo: dict[Any, Any]
) -> list[Change]:
    changes = []
    said = _ward_sentences(old, new)
    if said:
        changes.append(Change(day, ward_id, None, tuple(said), _sources(known, ward_id, None, day, memo), coming))
    if new.ended:
        return changes
    for procedure_id in dict.fromkeys([*old.procedures, *new.procedures]):
        before, now = old.procedures.get(procedure_id), new.procedures.get(procedure_id)
        if before == now:
            continue
        name = (now or before)["ten"]
        said = _procedure_sentences(before, now, name)
        if said:
            sources = _sources(known, ward_id, procedure_id, day, memo)
            changes.append(Change(day, ward_id, procedure_id, tuple(said), sources, coming))
    return changes


# --- every ward's history, once per build --------------------------------------------------------------


def _dates(value: Any) -> Iterator[date]:
    if isinstance(value, date):
        yield value
    elif isinstance(value, Record):
        for name in type(value).model_fields:
            yield from _dates(getattr(value, name))
    elif isinstance(value, list | tuple):
        for item in value:
            yield from _dates(item)
    elif isinstance(value, dict):
        for item in value.values():
            yield from _dates(item)


def ward_days(catalog: Catalog, ward_id: str, until: date, memo: dict[str, set[date]] | None = None) -> list[date]:
    """The days on which what ``ward_id`` prints may change, up to ``until``: each date named by the
    ward, by the procedures it adopts and by the district's cut-off hour, and the day after each (a
    fact holds from its first day to its last); an adoption without a start, the day its source is
    out (it is known from then).

    What dated.as_of also moves on other days changes nothing printed: a later end or successor said
    when announced (dates are not printed), a later source hidden (sources are not printed), a unit
    or adoption announced ahead (not in force, so not printed), the legal library (never printed).
    ``memo`` keeps the dates of each procedure (and the district's) between wards.
    """
    ward = catalog.wards.get(ward_id)
    if ward is None:
        return []
    memo = {} if memo is None else memo
    if "" not in memo:  # procedure ids are slugs, never empty: "" is the district's cut-off hour
        memo[""] = set(_dates(catalog.district.mac_dinh if catalog.district else None))
    named = set(_dates(ward)) | memo[""]
    for adoption in ward.thu_tuc_khong_cho:
        procedure = catalog.procedures.get(adoption.thu_tuc)
        if procedure is not None:
            if procedure.id not in memo:
                memo[procedure.id] = set(_dates(procedure))
            named |= memo[procedure.id]
    laws = catalog.laws
    for adoption in ward.thu_tuc_khong_cho:
        source = dated.adoption_source(adoption) if adoption.tu_ngay is None else None
        when = dated.source_day(source, laws) if source else None
        if when is not None:
            named.add(when)
    days = {d + shift for d in named for shift in (timedelta(0), timedelta(days=1))}
    return sorted(d for d in days if d <= until)


def histories(catalog: Catalog, day: date, wards: Iterable[str] | None = None) -> dict[str, History]:
    """Each ward's printed facts through time, as known on ``day`` (changes announced within the
    notice window included, as coming)."""
    wanted = list(wards) if wards is not None else list(catalog.wards)
    # Only the wards asked for, without what no sheet prints or compares (results, postings, the
    # ward's list of sources, its other places): the walk through every named day is most of this function's time.
    unprinted = {"ket_qua": [], "niem_yet": [], "nguon": [], "dia_diem": []}
    catalog = replace(catalog, wards={w: catalog.wards[w].model_copy(update=unprinted) for w in wanted})
    today = dated.as_of(catalog, day)
    until = day + timedelta(days=dated.NOTICE_DAYS)
    # Each day is read only for the wards whose printed facts may change on it.
    due: dict[date, list[str]] = {}
    named: dict[str, set[date]] = {}
    for ward_id in wanted:
        for moment in ward_days(catalog, ward_id, until, named):
            due.setdefault(moment, []).append(ward_id)
    previous: dict[str, Printed | None] = dict.fromkeys(wanted)
    started: dict[str, bool] = dict.fromkeys(wanted, False)
    changes: dict[str, list[Change]] = {w: [] for w in wanted}
    memo: dict[int, tuple[Any, Any]] = {}
    sources: dict[Any, list[Any]] = {}
    for moment in sorted(due):
        coming = moment > day
        # What is coming is what the catalog as of the build date announces, nothing later.
        base = today if coming else catalog
        subset = replace(base, wards={w: base.wards[w] for w in due[moment] if w in base.wards}, library=None)
        known = dated.as_of(subset, moment, base.laws)
        for ward_id in due[moment]:
            old, new = previous[ward_id], printed(known, ward_id, moment, memo)
            if new is None or (old is not None and old.ended):
                continue
            previous[ward_id] = new
            if not started[ward_id]:
                if not new.procedures:
                    continue  # no notice yet: the first one prints what holds on its first day
                started[ward_id] = True
                old = Printed(new.name, False, new.ward, {})
            elif old is None or old == new:
                continue
            changes[ward_id] += _diff(known, ward_id, old, new, moment, coming, sources)
    return {w: History(w, day, tuple(changes[w])) for w in wanted}


def history(catalog: Catalog, ward_id: str, day: date) -> History:
    return histories(catalog, day, [ward_id])[ward_id]


# --- sheets posted on a board: which ones to print again ----------------------------------------------


def reprints(catalog: Catalog, day: date, report: Any) -> list[Problem]:
    """Each ward whose posted notice (``niem_yet``) is older than the one printed on ``day``, with the
    changes in between; a posted edition that no notice of the ward ever had. ``report(ward, loc,
    message)`` makes the warning at the field's line."""
    latest = {w.id: latest_posting(w, day) for w in catalog.wards.values()}
    posted = {w.id: w for w in catalog.wards.values() if latest[w.id] is not None}
    if not posted:
        return []
    found = []
    known = histories(catalog, day, posted)
    for ward_id, ward in posted.items():
        index, posting = latest[ward_id]
        record = known[ward_id]
        loc = ("niem_yet", index, "ban")
        if posting.ban not in record.editions():
            unknown = f"ngày {fmt.day(posting.ban)} không phải ngày áp dụng của bản thông báo nào của phường"
            found.append(report(ward, loc, unknown))
            continue
        changes = record.since(posting.ban)
        if changes:
            first = min(c.day for c in changes)
            said = " ".join(s for c in sorted(changes, key=lambda c: c.day) for s in c.sentences)
            found.append(
                report(
                    ward,
                    loc,
                    f"phường {ward.ten}: bản niêm yết ngày {fmt.day(posting.ngay)} (nội dung áp dụng từ ngày "
                    f"{fmt.day(posting.ban)}) đã cũ từ ngày {fmt.day(first)}: {said} Cần in và niêm yết bản mới.",
                )
            )
    return found


def latest_posting(ward: Ward, day: date) -> tuple[int, Posting] | None:
    """The last sheet the ward says it posted by ``day``, with its index in ``niem_yet``."""
    postings = [(i, p) for i, p in enumerate(ward.niem_yet) if p.ngay <= day]
    return max(postings, key=lambda item: item[1].ngay) if postings else None
