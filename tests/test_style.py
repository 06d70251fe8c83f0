"""Style is part of the build: ruff, as configured in pyproject.toml, finds nothing."""

import subprocess
import sys

from support import ROOT


def test_ruff_check_and_format() -> None:
    targets = ["generator", "tests", "bench"]
    check = subprocess.run([sys.executable, "-m", "ruff", "check", *targets], cwd=ROOT, capture_output=True, text=True)
    assert check.returncode == 0, check.stdout
    form = subprocess.run(
        [sys.executable, "-m", "ruff", "format", "--check", *targets], cwd=ROOT, capture_output=True, text=True
    )
    assert form.returncode == 0, form.stdout


def test_template_lines_are_readable() -> None:
    """Templates are read by people: no line longer than 150 characters (Jinja's {%- -%} joins lines)."""
    long = [
        f"{path.relative_to(ROOT)}:{number}: {len(line)}"
        for path in sorted((ROOT / "generator/templates").rglob("*.j2"))
        for number, line in enumerate(path.read_text(encoding="utf-8").split("\n"), start=1)
        if len(line) > 150
    ]
    assert long == []
