"""The publishing workflows for GitHub and GitLab (issue 16). They cannot run here, so what can be
checked is: they parse, they run on the triggers README promises, every ``make`` target and
``python -m generator`` command they call exists, and they publish the folder they build.
"""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
import yaml
from support import ROOT

from generator.cli import _parser

GITHUB = ROOT / ".github" / "workflows" / "trang-web.yml"
GITLAB = ROOT / ".gitlab-ci.yml"


def load(path: Path) -> dict:
    # GitHub's "on:" is YAML 1.1's boolean True for PyYAML: read it back as the key it is.
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if True in data:
        data["on"] = data.pop(True)
    return data


def makefile_targets() -> set[str]:
    text = (ROOT / "Makefile").read_text(encoding="utf-8")
    return set(re.findall(r"(?m)^([a-z][a-z-]*):", text))


def commands(path: Path) -> list[str]:
    """Every shell line the workflow runs."""
    data = load(path)
    found: list[str] = []
    for job in data.get("jobs", data).values():
        if not isinstance(job, dict):
            continue
        for step in job.get("steps", []):
            found += str(step.get("run", "")).splitlines()
        for key in ("script", "before_script"):
            found += [str(line) for line in job.get(key, [])]
    return [line.strip() for line in found if line.strip()]


def make_calls(lines: list[str]) -> list[list[str]]:
    calls = []
    for line in lines:
        words = shlex.split(line.split("#")[0])
        while words and re.fullmatch(r"[A-Z_]+=.*", words[0]):  # VAR=value make ...
            words.pop(0)
        if words and words[0] == "make":
            calls.append(words[1:])
    return calls


@pytest.mark.parametrize("path", [GITHUB, GITLAB], ids=["github", "gitlab"])
def test_the_workflow_parses_and_calls_only_targets_the_makefile_has(path: Path) -> None:
    calls = make_calls(commands(path))
    assert calls, "the workflow builds and checks through make, as README says"
    targets = makefile_targets()
    for call in calls:
        named = [word for word in call if "=" not in word]
        assert named and set(named) <= targets, (call, sorted(targets))
    assert ["check"] in calls and ["test"] in calls
    assert any(call[0] == "publish" for call in calls), "publishing goes through make publish (its refusals)"


@pytest.mark.parametrize("path", [GITHUB, GITLAB], ids=["github", "gitlab"])
def test_generator_commands_in_the_workflow_exist(path: Path) -> None:
    known = set(_parser()._subparsers._group_actions[0].choices)  # type: ignore[union-attr]
    for line in commands(path):
        for command in re.findall(r"python -m generator (\S+)", line):
            assert command in known


def test_github_checks_every_push_and_publishes_daily_to_pages() -> None:
    data = load(GITHUB)
    triggers = data["on"]
    assert "push" in triggers and "pull_request" in triggers and "workflow_dispatch" in triggers
    (cron,) = [entry["cron"] for entry in triggers["schedule"]]
    _minute, hour, *rest = cron.split()
    assert rest == ["*", "*", "*"], "every day"
    assert (int(hour) + 7) % 24 == 0, "just after midnight in Vietnam (UTC+7), so the day's changes show that day"
    check, publish = data["jobs"]["kiem-tra"], data["jobs"]["dang"]
    assert "push" in check["if"]
    assert publish["needs"] == "kiem-tra" and "failure" in publish["if"]
    uses = [step.get("uses", "") for step in publish["steps"]]
    assert any(u.startswith("actions/configure-pages@") for u in uses)
    assert any(u.startswith("actions/deploy-pages@") for u in uses)
    (upload,) = [s for s in publish["steps"] if s.get("uses", "").startswith("actions/upload-pages-artifact@")]
    (build,) = [s for s in publish["steps"] if "make publish" in s.get("run", "")]
    assert f"SITE_DIR={upload['with']['path']}" in build["run"], "it uploads the folder it built"
    assert "SITE_URL" in build["env"] and "base_url" in build["env"]["SITE_URL"]
    assert publish["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_gitlab_checks_every_push_and_publishes_on_schedule_to_pages() -> None:
    data = load(GITLAB)
    check, pages = data["kiem-tra"], data["pages"]
    assert any("push" in rule["if"] for rule in check["rules"])
    assert any("schedule" in rule["if"] for rule in pages["rules"])
    assert pages["artifacts"]["paths"] == ["public"]
    (line,) = [line for line in pages["script"] if "make publish" in line]
    assert "SITE_DIR=public" in line and "SITE_URL=" in line and "CI_PAGES_URL" in line
    assert data["stages"].index(check["stage"]) < data["stages"].index(pages["stage"])


def test_ci_installs_what_the_tests_need() -> None:
    gitlab = " ".join(load(GITLAB)["kiem-tra"]["script"])
    assert "chromium" in gitlab and "libpango-1.0-0" in gitlab
    github = load(GITHUB)["jobs"]["kiem-tra"]
    (test,) = [s for s in github["steps"] if s.get("run") == "make test"]
    assert test["env"]["KHONG_CHO_CHROMIUM"] == "/usr/bin/google-chrome"
