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
