"""How numbers, dates and times are written in Vietnamese: the one formatter every stage uses.

At the bottom of the package (it imports nothing of ours), so the loader's messages and the
public pages write ``4.063`` and ``14/05/2022`` the same way.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date, time


def number(value: int) -> str:
    """4063 -> '4.063' (Vietnamese thousands separator)."""
    return f"{value:,}".replace(",", ".")


def vnd(amount: int) -> str:
    """2000 -> '2.000 đồng'."""
    return f"{number(amount)} đồng"


def day(value: date) -> str:
    """date(2022, 5, 14) -> '14/05/2022'."""
    return f"{value:%d/%m/%Y}"


def document_day(value: date | None) -> str:
    """The date line of an administrative document: 'ngày 05 tháng 02 năm 2022' (Nghị định 30/2020:
    days under 10 and months 1-2 zero-padded); dots to fill by hand when the day is not known yet."""
    if value is None:
        return "ngày ..... tháng ..... năm ......."  # filled in by hand when the notice is signed
    month = f"{value.month:02d}" if value.month < 3 else str(value.month)
    return f"ngày {value.day:02d} tháng {month} năm {value.year}"


def clock(value: time) -> str:
    """time(15, 0) -> '15:00'."""
    return f"{value:%H:%M}"


def hour(value: time) -> str:
    """The time of day as a sentence says it: time(15, 0) -> '15 giờ', time(16, 30) -> '16 giờ 30'."""
    return f"{value.hour} giờ" + (f" {value.minute:02d}" if value.minute else "")


def tenths_percent(tenths: int) -> str:
    """449 (tenths of a percent) -> '44,9 %'."""
    return f"{tenths // 10},{tenths % 10} %"


def slug(text: str, separator: str = "-") -> str:
    """An ASCII slug of Vietnamese text, "đ" kept as "d": 'Đồng Xuân' -> 'dong-xuan'.

    Ids, file names and heading anchors all use it (MkDocs' toc calls it with a separator).
    """
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    return re.sub(r"[^a-z0-9]+", separator, folded.lower()).strip(separator)


_ARTICLE = re.compile(r"Điều (\d+) (khoản \d+(?:(?:, | và )khoản \d+)*)(?: điểm ([a-zđ]))?")


def article(dieu: str) -> str:
    """An article as a citation reads before the document's name, smallest part first.

    'Điều 5 khoản 3' -> 'khoản 3 Điều 5'; 'Điều 24 khoản 4 điểm d' -> 'điểm d khoản 4 Điều 24'.
    """

    def order(match: re.Match[str]) -> str:
        point = f"điểm {match[3]} " if match[3] else ""
        return f"{point}{match[2]} Điều {match[1]}"

    return _ARTICLE.sub(order, dieu)
