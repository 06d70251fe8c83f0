"""Problems found in a catalog: data with a position, never exceptions."""

from __future__ import annotations

from dataclasses import dataclass
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

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}: {self.field}: {self.message}"

    @property
    def is_error(self) -> bool:
        return self.severity is Severity.ERROR

    def sort_key(self) -> tuple:
        return (self.severity is not Severity.ERROR, self.path, self.line, self.column, self.field, self.message)


def display_path(path: Path) -> str:
    """A path as an editor wants to read it: relative to the working folder when possible."""
    try:
        return path.resolve().relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return path.as_posix()


def sort_problems(problems: list[Problem]) -> list[Problem]:
    """Errors first, then warnings; each group by file and position; duplicates dropped."""
    return sorted(set(problems), key=Problem.sort_key)


def summary(problems: list[Problem]) -> str:
    """The closing count line, in Vietnamese."""
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    return f"{errors} lỗi, {warnings} cảnh báo."
