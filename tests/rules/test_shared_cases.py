"""One table of cases (cases.json) for the rules both Python and the browser apply: fees and the
day a result is given. The same rows run against generator/ and against docs/assets/checker.js,
in Chromium, calling its pure functions directly (not through the page's forms)."""

from __future__ import annotations

import json
from datetime import date, time
from pathlib import Path

import pytest
from support import ROOT

from generator import contract, fees, schedule
from generator.model import Fee

CASES = json.loads((Path(__file__).parent / "cases.json").read_text(encoding="utf-8"))
UNIT_CODES = {"trang": "trang", "trường hợp": "truong_hop", "bản sao": "ban_sao"}


def model_fee(data: dict) -> Fee:
    return Fee.model_validate(
        {
            "ten": data["ten"],
            "tinh_theo": UNIT_CODES[data["tinh_theo"]],
            "bac": [{"tu": start, "so_tien": rate} for start, rate in data["bac"]],
            "toi_da": data["toi_da"],
            "nhan_theo": UNIT_CODES[data["nhan_theo"]] if data["nhan_theo"] else None,
            "can_cu": {"van_ban": "226/2016/TT-BTC"},
        }
    )


@pytest.mark.parametrize(("name", "count", "copies", "expected"), CASES["fee_cases"])
def test_fee_in_python(name: str, count: int, copies: int, expected: int) -> None:
    fee = model_fee(CASES["fees"][name])
    assert fee.amount(count, copies) == expected
    assert fees.browser(fee).model_dump(mode="json") == CASES["fees"][name]  # what the browser gets


def minutes(text: str) -> int:
    hour, minute = map(int, text.split(":"))
    return hour * 60 + minute


@pytest.mark.parametrize("case", CASES["result_cases"], ids=[c["why"] for c in CASES["result_cases"]])
def test_result_day_in_python(case: dict) -> None:
    hours = contract.Hours.model_validate(CASES["hours"][case["hours"]])
    days_off = contract.Holidays.model_validate(CASES["holidays"])
    cutoff = time.fromisoformat(case["cutoff"]) if case["cutoff"] else None
    result = schedule.result_day(date.fromisoformat(case["day"]), minutes(case["time"]), cutoff, hours, days_off)
    assert (result.isoformat() if result else None) == case["result"]


@pytest.mark.parametrize("case", CASES["late_cases"], ids=[c["why"] for c in CASES["late_cases"]])
def test_the_cutoff_minute_in_python(case: dict) -> None:
    assert schedule.after_cutoff(minutes(case["time"]), time.fromisoformat(case["gio"])) is case["late"]


@pytest.fixture(scope="module")
def core(browser):
    """checker.js loaded into an empty page: its pure functions, without any form."""
    page = browser.new_page()
    page.set_content("<!doctype html><html><body></body></html>")
    page.add_script_tag(path=str(ROOT / "docs/assets/checker.js"))
    yield page
    page.close()


@pytest.mark.browser
def test_fees_in_javascript(core) -> None:
    got = core.evaluate(
        "([fees, cases]) => cases.map(([name, n, copies]) => window.kcCore.amount(fees[name], n, copies))",
        [CASES["fees"], CASES["fee_cases"]],
    )
    assert got == [expected for *_, expected in CASES["fee_cases"]]


@pytest.mark.browser
def test_result_day_in_javascript(core) -> None:
    script = """([cases, hours, holidays]) => cases.map((c) => {
        const k = window.kcCore, calendar = new k.Calendar(holidays, hours[c.hours]);
        const [h, m] = c.time.split(":").map(Number);
        const cutoff = c.cutoff === null ? null : Number(c.cutoff.slice(0, 2)) * 60 + Number(c.cutoff.slice(3));
        const day = k.resultDay(calendar, k.parseDay(c.day), h * 60 + m, cutoff);
        return day === null ? null : k.iso(day);
    })"""
    got = core.evaluate(script, [CASES["result_cases"], CASES["hours"], CASES["holidays"]])
    assert got == [case["result"] for case in CASES["result_cases"]]


@pytest.mark.browser
def test_the_cutoff_minute_in_javascript(core) -> None:
    """The condition's own judgement (checker.js HANDLERS), at 14:59, 15:00 and 15:01 and a ward's hour."""
    script = """(cases) => cases.map((c) => {
        const [h, m] = c.time.split(":").map(Number);
        const verdict = window.kcCore.HANDLERS.gio_tiep_nhan.judge({ gio: c.gio, can_cu: "x" }, "q", null, { minute: h * 60 + m });
        return verdict.late === true;
    })"""
    got = core.evaluate(script, CASES["late_cases"])
    assert got == [case["late"] for case in CASES["late_cases"]]
