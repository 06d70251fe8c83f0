"""``check`` and the renderer accept the same things (issue 22): one definition of a link, an
e-mail address and a date, used on both sides; whatever ``check`` passes, the build renders."""

from __future__ import annotations

import string
from pathlib import Path

import pytest
from attack.test_hostile_input import edit
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import TypeAdapter, ValidationError
from support import copy_project, render_outputs, run_cli

from generator.model import Email, Url
from generator.pipeline import read_catalog
from generator.render import href

URL = TypeAdapter(Url)
EMAIL = TypeAdapter(Email)
SOURCE_URL = "    url: https://m.ngoisao.vn/"
WARD = "procedures/phuong/hong-ha.yaml"


@pytest.mark.parametrize("scheme", ["HTTPS://", "Https://", "hTtP://", "HTTP://"])
def test_a_link_check_accepts_is_built(real_catalog: Path, scheme: str) -> None:
    """A scheme in capitals passed check and then stopped the build with a traceback: now written in
    lower case by the model, so the page carries it."""
    edit(real_catalog.parent, WARD, SOURCE_URL, f"    url: {scheme}m.ngoisao.vn/")
    result = run_cli("check", "procedures", cwd=real_catalog.parent)
    assert result.returncode == 0, result.stdout
    catalog, _ = read_catalog(real_catalog)
    outputs = render_outputs(catalog, pdf=False, day="2026-11-29")
    page = next(o for o in outputs if o.path == "phuong/hong-ha/index.md").content
    assert f"({scheme.lower()}m.ngoisao.vn/" in page


@given(
    scheme=st.sampled_from(["http://", "https://", "HTTP://", "Https://", "hTTPs://"]),
    host=st.from_regex(r"[a-z0-9-]{1,12}(\.[a-z0-9-]{1,8}){1,3}", fullmatch=True),
    rest=st.text(alphabet=string.printable + "ạđươ", max_size=40),
)
@settings(max_examples=300, deadline=None)
def test_every_url_the_model_accepts_the_renderer_links(scheme: str, host: str, rest: str) -> None:
    try:
        value = URL.validate_python(scheme + host + rest)
    except ValidationError:
        return
    href(value)  # raises ValueError if the two sides disagreed


@given(
    local=st.text(alphabet=string.ascii_letters + string.digits + "._+-?&=%#/!", min_size=1, max_size=20),
    domain=st.from_regex(r"[a-z0-9-]{1,10}(\.[a-z0-9-]{1,8}){0,2}\.[a-z]{2,4}", fullmatch=True),
)
@settings(max_examples=300, deadline=None)
def test_every_email_the_model_accepts_is_a_plain_mailto_link(local: str, domain: str) -> None:
    try:
        value = EMAIL.validate_python(f"{local}@{domain}")
    except ValidationError:
        return
    href(f"mailto:{value}")
    assert not set(value) & set("?&=%#/!"), value  # nothing that adds a header or a second address


@pytest.mark.parametrize(
    "email", ["ubnd@hanoi.gov.vn?bcc=ke-gian@example.org", "a@b.vn&body=x", "ubnd%40hanoi.gov.vn@x.vn", "a@b"]
)
def test_an_email_that_carries_mailto_headers_is_refused_with_its_line(real_catalog: Path, email: str) -> None:
    edit(real_catalog.parent, WARD, "email:\n", f"email: {email}\n")
    result = run_cli("check", "procedures", cwd=real_catalog.parent)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "procedures/phuong/hong-ha.yaml:10:8: email: địa chỉ thư điện tử chỉ gồm" in result.stdout


@pytest.mark.parametrize("day", ["2026-W49-1", "20261206", "2026-12-6", "2026-340", "06/12/2026", " 2026-12-06x"])
def test_a_build_date_in_another_form_is_refused(day: str) -> None:
    """KHONG_CHO_NGAY is exactly YYYY-MM-DD: an ISO week date or a date without dashes is not read."""
    result = run_cli("check", day=day)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "KHONG_CHO_NGAY (ngày mà trang web mô tả) phải là ngày có thật dạng YYYY-MM-DD" in result.stderr


@pytest.mark.parametrize("day", ["2026-W49-1", "20261206"])
def test_a_build_refuses_the_same_forms(tmp_path: Path, day: str) -> None:
    project = copy_project(tmp_path / "du-an")
    result = run_cli("build", "--site-dir", "site", cwd=project, day=day)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    assert "phải là ngày có thật dạng YYYY-MM-DD" in result.stderr and not (project / "site").exists()
