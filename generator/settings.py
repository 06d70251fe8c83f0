"""What a build needs besides the catalog: the site's address, the date it describes, and switches.

The build date comes from one place: ``build_day`` reads ``KHONG_CHO_NGAY`` (else the configured
day, else today in Vietnam). Everything else receives ``Settings`` and never reads the clock or
the environment for it.
"""

from __future__ import annotations

import ipaddress
import os
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from urllib.parse import urlparse

from .model import FIRST_DAY, LAST_DAY
from .problems import printable

DAY_VARIABLE = "KHONG_CHO_NGAY"
"""The environment variable that sets the date a build describes (YYYY-MM-DD)."""
VIETNAM = timezone(timedelta(hours=7))


class BadDay(ValueError):
    """A build date that is not a real YYYY-MM-DD day in range; the message is for ward staff."""


def parse_day(text: str | date, what: str = DAY_VARIABLE) -> date:
    """A YYYY-MM-DD day (exactly that form: no week dates, no missing dashes) in the model's range."""
    if isinstance(text, datetime):
        text = text.date()
    if isinstance(text, date):
        day: date | None = text
    else:
        match = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", str(text).strip())
        try:
            day = date(*(int(part) for part in match.groups())) if match else None
        except ValueError:
            day = None
    if day is None or not FIRST_DAY <= day <= LAST_DAY:
        raise BadDay(
            f"{what} (ngày mà trang web mô tả) phải là ngày có thật dạng YYYY-MM-DD trong khoảng "
            f"{FIRST_DAY:%Y}–{LAST_DAY:%Y}, ví dụ 2026-11-29; nhận được '{printable(str(text))}'"
        )
    return day


def today() -> date:
    """Today in Vietnam (UTC+7), whatever the machine's time zone."""
    return datetime.now(VIETNAM).date()


def build_day(configured: date | None = None) -> date:
    """The date a build describes: KHONG_CHO_NGAY, else ``configured``, else today in Vietnam."""
    text = os.environ.get(DAY_VARIABLE, "")
    if text:
        return parse_day(text)
    return configured or today()


def is_preview(site_url: str) -> bool:
    """True for an address only this machine or its network reaches (the default 127.0.0.1:8000):
    printed matter made for it says "preview" on every page, and ``make publish`` refuses it."""
    host = urlparse(site_url).hostname
    if not host:
        return True
    if host == "localhost" or host.endswith((".localhost", ".local", ".internal", ".lan", ".home.arpa")):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return False
    return address.is_loopback or address.is_private or address.is_link_local or address.is_unspecified


@dataclass(frozen=True)
class Settings:
    """What a build needs besides the catalog; passed explicitly, never read from the environment here."""

    site_url: str
    """The public address, ending in '/': QR codes, canonical links and JSON-LD use it."""
    day: date
    """The date the site describes (holidays, from it, and every "tính đến ngày")."""
    pdf: bool = True
    public: bool = False
    """A build for publishing: a catalog past its review deadline stops it."""

    @property
    def preview(self) -> bool:
        """A preview address: every printed page is marked, since its QR codes lead nowhere public."""
        return is_preview(self.site_url)
