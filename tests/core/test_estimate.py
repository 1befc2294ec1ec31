"""`medbal estimate`: band edges, the worked example, items, thresholds, bad input."""

import json
from decimal import Decimal

import pytest

from medbal.core.errors import UsageError
from medbal.core.estimate import estimate, money
from medbal.core.model import Band, RateItem, Region, Text


def est(run, *args: str) -> dict:
    result = run("estimate", *args, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def test_the_worked_example(run):
    data = est(run, "8000", "--threshold", "500")
    assert [(s["from"], s["to"], s["amount"], s["rate"], s["paid"]) for s in data["slices"]] == [
        (500, 3000, 2500, 88, 2200),
        (3000, 5000, 2000, 90, 1800),
        (5000, 8000, 3000, 92, 2760),
    ]
    assert data["total_paid"] == 6760 and data["own_share"] == 1240


@pytest.mark.parametrize(
    "bill, paid",
    [
        ("3000", 3000 * 0.88),
        ("5000", 2640 + 1800),
        ("10000", 2640 + 1800 + 4600),
        ("10000.01", 2640 + 1800 + 4600 + 0.01),  # 0.0095 rounds half up to 0.01
        ("12000", 2640 + 1800 + 4600 + 1900),
    ],
)
def test_band_edges(run, bill, paid):
    data = est(run, bill)
    assert data["total_paid"] == pytest.approx(paid)
    assert all(s["amount"] > 0 for s in data["slices"])  # no empty slice at an edge


def test_exactly_at_an_edge_the_next_band_is_not_used(run):
    assert [s["rate"] for s in est(run, "5000")["slices"]] == [88, 90]


def test_items_are_shown_on_their_own_lines_at_their_own_rates(run):
    data = est(
        run, "8000", "-t", "500", "-i", "class-b=1000", "-i", "special=200", "-i", "class-b=200"
    )
    assert [(i["id"], i["amount"], i["rate"], i["paid"]) for i in data["items"]] == [
        ("class-b", 1200, 80, 960),
        ("special", 200, 70, 140),
    ]
    assert data["total_paid"] == 6760 + 960 + 140
    assert data["own_share"] == 8000 + 1400 - (6760 + 1100)


def test_a_bill_at_the_threshold_pays_nothing(run):
    data = est(run, "500", "-t", "500")
    assert data["slices"] == [] and data["total_paid"] == 0


def test_a_bill_below_the_threshold_is_a_clear_error(run):
    result = run("estimate", "300", "--threshold", "500")
    assert result.exit_code == 2
    assert "the threshold (500.00 yuan) is above the bill (300.00 yuan)" in result.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["-5"], "'-5' is negative"),
        (["abc"], "'abc' is not an amount"),
        (["nan"], "'nan' is not an amount"),
        (["1000", "-t", "x"], "--threshold 'x' is not an amount"),
        (["1000", "-i", "class-b"], "should look like ITEM=AMOUNT"),
        (["1000", "-i", "caviar=5"], "no item 'caviar'; its items are: class-b"),
        (["1000", "--region", "mars"], "no region 'mars'"),
    ],
)
def test_bad_input(run, args, message):
    result = run("estimate", *args)
    assert result.exit_code == 2 and message in result.stderr and result.stdout == ""


def test_every_output_says_it_is_an_estimate(run):
    text = run("estimate", "12000").stdout
    assert "This is an estimate, not a decision" in text
    assert "no threshold figure" in text and "no payment cap" in text
    assert "cumulative slices of the bill" in text
    zh = run("estimate", "12000", "--lang", "zh").stdout
    assert "这只是估算，不是决定" in zh
    assert "这只是估算" in est(run, "12000", "--lang", "zh")["notice"]


def test_amounts_accept_thousands_separators():
    assert money("8,000", "x") == Decimal("8000.00")
    assert money(" 8000.505 ", "x") == Decimal("8000.51")
    with pytest.raises(UsageError):
        money("inf", "x")


def test_a_cap_when_the_data_has_one():
    region = Region(
        "r",
        Text("R", "区"),
        Text("a", "甲"),
        (Band(Decimal(1000), Decimal(50)), Band(None, Decimal(100))),
        Text("r", "读"),
        ("seed-003",),
        threshold=Decimal(100),
        cap=Decimal(2000),
        items=(RateItem("b", Text("B", "乙"), Decimal(80)),),
    )
    e = estimate(region, Decimal(5000))
    assert e.threshold == 100 and e.threshold_given
    assert e.before_cap == 450 + 4000 and e.paid == 2000 and e.cap_applied


def test_rates_come_from_an_overlay(run, write, tmp_path):
    from support import TREES

    text = (
        (TREES / "rates.yaml")
        .read_text(encoding="utf-8")
        .replace("{up_to: 3000, rate: 88}", "{up_to: 3000, rate: 50}")
    )
    write("region/rates.yaml", text)
    data = est(run, "1000", "--trees", str(tmp_path / "region"))
    assert data["total_paid"] == 500


def test_rates_file_problems_are_reported(run, write, tmp_path):
    from support import TREES

    text = (
        (TREES / "rates.yaml")
        .read_text(encoding="utf-8")
        .replace("{up_to: 5000, rate: 90}", "{up_to: 2000, rate: 190}")
    )
    path = write("region/rates.yaml", text)
    result = run("tree", "validate", str(path))
    assert result.exit_code == 1
    assert "should be above the band before it (3000)" in result.stderr
    assert (
        "the rate of a band of region 'zigui' should be a number from 0 up to 100" in result.stderr
    )


@pytest.mark.parametrize(
    "text, key",
    [
        ("-0", None),  # zero, not a negative amount (issue 21, defect 21)
        ("-0.00", None),
        ("99999999999999", "amount_too_large"),  # as "1,000,000,000,000" is
        ("1,000,000,000,000", "amount_too_large"),
        ("9" * 5000, "amount_too_large"),
        ("-5", "amount_negative"),
        ("1e5", "amount_invalid"),
    ],
)
def test_an_amount_is_judged_by_its_value_however_it_is_written(text, key):
    from medbal.core.errors import UsageError

    if key is None:
        assert money(text, "x") == Decimal(0)
        return
    with pytest.raises(UsageError) as info:
        money(text, "x")
    assert info.value.phrase.key == key
