"""What a build needs besides the catalog: the site's address, the date it describes, and switches.

The build date comes from one place: ``build_day`` reads ``KHONG_CHO_NGAY`` (else the configured
day, else today in Vietnam). Everything else receives ``Settings`` and never reads the clock or
the environment for it.
"""

from __future__ import annotations

import ipaddress
import os
import re
import socket
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


_LOCAL_SUFFIXES = (".localhost", ".local", ".internal", ".lan", ".home.arpa", ".localdomain")
_HOST = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)*")


def is_preview(site_url: str) -> bool:
    """True for an address only this machine or its network reaches (the default 127.0.0.1:8000):
    printed matter made for it says "preview" on every page, and ``make publish`` refuses it.

    The host is read as a resolver would read it: IPv4 in any spelling inet_aton accepts (127.1,
    2130706433, 0x7f000001, 0177.0.0.1), IPv6 (also IPv4-mapped), a trailing dot, a single label
    (a name only the local network resolves). What cannot be read as a public name is a preview.
    """
    try:
        parsed = urlparse(site_url.strip())
        host = parsed.hostname
    except ValueError:
        return True
    if parsed.scheme not in ("http", "https") or not host:
        return True
    try:
        host = host.rstrip(".").encode("idna").decode("ascii")  # a Vietnamese name, as DNS reads it
    except UnicodeError:
        return True
    address = _address(host)
    if address is not None:
        if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
            address = address.ipv4_mapped
        return not address.is_global
    if not _HOST.fullmatch(host) or "." not in host:
        return True  # not a name a public resolver answers for, or a single label
    return host == "localhost" or host.endswith(_LOCAL_SUFFIXES)


def _address(host: str) -> ipaddress.IPv4Address | ipaddress.IPv6Address | None:
    """The IP address ``host`` spells, in any form the system's resolver accepts; None for a name."""
    try:
        return ipaddress.ip_address(host)
    except ValueError:
        pass
    if re.fullmatch(r"[0-9a-fx.]+", host):
        try:
            return ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return None


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
    today: date | None = None
    """Today in Vietnam when the build started (None: the same as ``day``). A review date after it
    is a mistake, not a reconstruction."""

    @property
    def preview(self) -> bool:
        """A preview address: every printed page is marked, since its QR codes lead nowhere public."""
        return is_preview(self.site_url)
