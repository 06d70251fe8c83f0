"""Problems found in a catalog: data with a position, never exceptions."""

from __future__ import annotations

import errno
import os
import re
import unicodedata
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path


class Severity(StrEnum):
    """How bad a problem is: errors stop publishing, warnings only report."""

    ERROR = "lỗi"
    WARNING = "cảnh báo"


FILE_FIELD = "(tệp)"
"""The field name printed for problems that concern a whole file."""


@dataclass(frozen=True)
class Problem:
    """One finding, printed as ``path:line:column: field: message``."""

    path: str
    line: int
    column: int
    field: str
    message: str
    severity: Severity = Severity.ERROR
    kind: str = field(default="", compare=False)
    """A short name for the build's summary when the message itself varies (see ``digest``)."""

    def __str__(self) -> str:
        text = f"{self.path}:{self.line}:{self.column}: {self.field}: {self.message}"
        return printable(text)

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple:
        return (self.severity is not Severity.ERROR, self.path, self.line, self.column, self.field, self.message)


def printable(text: str) -> str:
    """``text`` with every character a terminal would obey or hide shown as a visible ``[U+XXXX]``.

    Messages quote what the editor typed; a quoted escape sequence must not clear the screen or
    print a fake "0 lỗi", and a file name that is not UTF-8 must not stop the printing.
    """
    if text.isprintable():
        return text
    out = []
    for char in text:
        if "\udc80" <= char <= "\udcff":  # a byte that was not UTF-8 (surrogateescape)
            out.append(f"[0x{ord(char) - 0xDC00:02X}]")
        elif char.isprintable() or unicodedata.category(char) == "Zs":
            out.append(char)
        else:
            out.append(f"[U+{ord(char):04X}]")
    return "".join(out)


_OS_REASONS = {
    errno.ENOSPC: "ổ đĩa đã đầy",
    errno.EDQUOT: "đã hết dung lượng được cấp",
    errno.EACCES: "không có quyền",
    errno.EPERM: "không được phép",
    errno.ENOENT: "không có tệp hay thư mục này",
    errno.ENOTDIR: "một phần của đường dẫn không phải thư mục",
    errno.EISDIR: "đây là thư mục, không phải tệp",
    errno.EROFS: "ổ đĩa chỉ cho đọc",
    errno.ENAMETOOLONG: "tên tệp quá dài",
    errno.EEXIST: "đã có",
    errno.EBUSY: "đang được dùng",
    errno.ELOOP: "liên kết vòng",
}


def os_reason(exc: OSError) -> str:
    """Why the operating system refused, in Vietnamese, with the file it concerns."""
    reason = _OS_REASONS.get(exc.errno or 0, exc.strerror or type(exc).__name__)
    return f"{reason}: {exc.filename}" if exc.filename else reason


def display_path(path: Path) -> str:
    """A path as an editor wants to read it: relative to the working folder when possible."""
    try:  # not resolve(): a symlink loop must be named, not followed
        return Path(os.path.abspath(path)).relative_to(Path.cwd()).as_posix()
    except (ValueError, OSError):
        return path.as_posix()


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Errors first, then warnings; each group by file and position; duplicates dropped."""
    return sorted(set(problems), key=Problem.sort_key)


REPEATS_SHOWN = 3
"""The same message on the same field of many list items is shown this many times, then counted."""


def collapse(problems: list[Problem]) -> list[Problem]:
    """Keep the first few of a message repeated on list items (ket_qua[0], ket_qua[1]...), then one count.

    A file with 400 copies of the same mistake gets four lines, not 400: the fix is the same.
    """
    seen: dict[tuple, int] = {}
    out: list[Problem] = []
    extra: dict[tuple, tuple[Problem, int]] = {}
    for problem in problems:
        key = (problem.severity, problem.path, re.sub(r"\[\d+\]", "[]", problem.field), problem.message)
        seen[key] = seen.get(key, 0) + 1
        if seen[key] <= REPEATS_SHOWN:
            out.append(problem)
        else:
            first, count = extra.get(key, (problem, 0))
            extra[key] = (first, count + 1)
    for first, count in extra.values():
        message = f"như trên, còn lặp lại ở {count} chỗ khác trong tệp"
        out.append(Problem(first.path, first.line, first.column, first.field, message, first.severity))
    return sort_problems(out)


def summary(problems: list[Problem]) -> str:
    """The closing count line, in Vietnamese."""
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    return f"{errors} lỗi, {warnings} cảnh báo."


def _kind(problem: Problem) -> str:
    """What a problem is about, without the particulars: its explicit kind, else its message's first clause."""
    if problem.kind:
        return problem.kind
    text = re.sub(r"'[^']*'", "…", problem.message)
    text = re.split(r"; |: ", text, maxsplit=1)[0].strip()
    field = re.sub(r"\[\d+\]", "", problem.field).rsplit(".", 1)[-1]
    return text if re.search(r"\([a-z_.]+", text) or field == FILE_FIELD else f"{text} ({field})"


def _where(paths: list[str]) -> str:
    """The files of one kind of problem, as an editor counts them: "5 phường", "district.yaml"."""
    if len(paths) <= 2:
        return ", ".join(Path(path).name for path in paths)
    folders = {Path(path).parent.name for path in paths}
    unit = {"phuong": "phường", "thu-tuc": "thủ tục"}.get(folders.pop(), "tệp") if len(folders) == 1 else "tệp"
    return f"{len(paths)} {unit}"


def digest(problems: list[Problem], hint: str) -> list[str]:
    """The count line, then one line per kind of warning with where it occurs; ``hint`` says how to see them all.

    A build prints this instead of every warning: 87 lines no one reads become five that say what is missing.
    """
    warnings = [p for p in problems if not p.is_error]
    head = summary(problems)
    if not warnings:
        return [head]
    groups: dict[str, list[str]] = {}
    for problem in warnings:
        paths = groups.setdefault(_kind(problem), [])
        if problem.path not in paths:
            paths.append(problem.path)
    lines = [f"{head[:-1]} — {hint}:"]
    for kind, paths in sorted(groups.items(), key=lambda item: (-len(item[1]), item[0])):
        lines.append(f"  - {printable(kind)}: {printable(_where(paths))}")
    return lines
