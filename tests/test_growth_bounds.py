"""Growth between qualified figures and ranges (idcforecast.growth_bounds): cagr_bounds and
RateBounds, the qualifier rule the claim checks share, and a rate range or bound carried into
implied_base and implied_target. Hand arithmetic in comments; 0.269987 is
(3200.5 / 1562.5) ** (1 / 3) - 1, worked in tests/test_growth.py."""

from __future__ import annotations

import math
import re

import numpy as np
import pytest

from idcforecast.errors import GrowthError
from idcforecast.growth import cagr, cagr_bounds, implied_base, implied_target
from idcforecast.units import Quantity, parse_quantity

# -- qualified figures: the rate as a bound ------------------------------------------------


def test_a_more_than_end_makes_the_cagr_at_least() -> None:
    # used to give a bare 0.269987 for "more than 3200.5": the rate rises with the end, so
    # (3200.5 / 1562.5) ** (1 / 3) - 1 = 0.269987 (tests/test_growth.py) is a lower bound
    rate = cagr_bounds(parse_quantity("1562.5亿元"), parse_quantity("超过3200.5亿元"), 3)
    assert (rate.qualifier, rate.high) == ("at_least", math.inf)
    assert rate.low == pytest.approx(0.269987, abs=1e-6)
    assert str(rate) == "at least 27.0%"


@pytest.mark.parametrize(
    ("start", "end", "qualifier", "text"),
    [
        # the rate falls as the start rises: a "more than" start bounds it from above
        ("超过1562.5亿元", "3200.5亿元", "at_most", "at most 27.0%"),
        ("1562.5亿元", "不到3200.5亿元", "at_most", "at most 27.0%"),
        ("不到1562.5亿元", "3200.5亿元", "at_least", "at least 27.0%"),
        # both push the same way: still at least the rate between the two figures
        ("不到1562.5亿元", "超过3200.5亿元", "at_least", "at least 27.0%"),
        # "about" is read as the figure itself (as check_claims reads it)
        ("约1562.5亿元", "3200.5亿元", "approximately", "about 27.0%"),
        ("1562.5亿元", "3200.5亿元", "exact", "27.0%"),
        # was "at least 27.0%": the bound is itself only about right
        # "about 27.0% or more", not "at least about 27.0%" (two qualifiers stacked)
        ("约1562.5亿元", "超过3200.5亿元", "at_least", "about 27.0% or more"),
        ("约1562.5亿元", "不到3200.5亿元", "at_most", "about 27.0% or less"),
    ],
)
def test_cagr_bounds_follow_the_qualifiers(start: str, end: str, qualifier: str, text: str) -> None:
    rate = cagr_bounds(parse_quantity(start), parse_quantity(end), 3)
    assert (rate.qualifier, str(rate)) == (qualifier, text)
    # the bound is the rate between the figures' values, 0.269987 (tests/test_growth.py)
    bound = {"at_least": rate.low, "at_most": rate.high}.get(qualifier, rate.low)
    assert bound == pytest.approx(0.269987, abs=1e-6)
    assert (rate.low, rate.high) == {
        "at_least": (bound, math.inf),
        "at_most": (-1.0, bound),
    }.get(qualifier, (bound, bound))


def test_a_range_gives_a_range_of_rates_not_the_midpoints() -> None:
    # used to be the midpoint's rate, 325 CNY bn: (3250 / 1562.5) ** (1/3) - 1 = 0.276501
    # 320 CNY bn = 3200 CNY 100m: 2.048 ** (1/3) - 1 = 0.269921 (tests/test_growth.py);
    # 330 CNY bn = 3300 CNY 100m: 3300 / 1562.5 = 2.112; 1.283 ** 3 = 2.111932, so
    # 1.283 + (2.112 - 2.111932) / (3 * 1.283 ** 2 = 4.938267) = 1.283014 -> 0.283014
    rate = cagr_bounds(parse_quantity("1562.5亿元"), parse_quantity("320-330 billion yuan"), 3)
    assert (rate.low, rate.high) == pytest.approx((0.269921, 0.283014), abs=1e-6)
    assert (rate.qualifier, rate.is_range, str(rate)) == ("exact", True, "27.0% to 28.3%")
    # a start range reverses the ends: the high start gives the low rate
    # 3200.5 / 1600 = 2.000313 -> 2 ** (1/3) * (1 + 0.000156) ** (1/3) = 1.259921 * 1.000052
    #   = 1.259987 -> 0.259987;
    # 3200.5 / 1500 = 2.133667; 1.2873 ** 3 = 2.133238, so
    #   1.2873 + (2.133667 - 2.133238) / (3 * 1.2873 ** 2 = 4.971423) = 1.287386 -> 0.287386
    rate = cagr_bounds(parse_quantity("1500-1600亿元"), Quantity(3200.5, "亿元"), 3)
    assert (rate.low, rate.high) == pytest.approx((0.259987, 0.287386), abs=1e-6)
    # a range and a "more than" end: at least the rate from the high start, 0.259987
    rate = cagr_bounds(parse_quantity("1500-1600亿元"), parse_quantity("超过3200.5亿元"), 3)
    assert (rate.qualifier, rate.is_range, str(rate)) == ("at_least", False, "at least 26.0%")
    assert rate.low == pytest.approx(0.259987, abs=1e-6)


def test_cagr_bounds_of_plain_numbers_is_the_cagr() -> None:
    rate = cagr_bounds(1562.5, 3200.5, 3)
    assert rate.low == rate.high == cagr(1562.5, 3200.5, 3)
    assert rate.qualifier == "exact"


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: cagr_bounds(parse_quantity("more than 100"), parse_quantity("over 200"), 2),
            "cagr_bounds: start is at least 100 and end is at least 200, so the rate is "
            "bounded neither above nor below (it rises with the end and falls with the "
            "start); give the start or the end as an exact figure",
        ),
        (
            lambda: cagr_bounds(np.array([1.0, 2.0]), 3.0, 2),
            "cagr_bounds: start must be one level, found an array of shape (2,); use cagr() "
            "for element-wise rates",
        ),
        (
            lambda: cagr_bounds(1.0, 0.0, 2),
            "cagr_bounds: end must be a positive level, found 0",
        ),
        (
            lambda: cagr_bounds(Quantity(5.0, "MW", low=0.0, high=10.0), Quantity(20.0, "MW"), 2),
            "cagr_bounds: start must be a positive level, found the range 0 to 10; compound "
            "growth is undefined from or to a level <= 0",
        ),
        (
            lambda: cagr_bounds(1.0, 2.0, 0),
            "cagr_bounds: years (compounding steps) must be > 0, found 0",
        ),
    ],
)
def test_cagr_bounds_errors(call, message: str) -> None:
    with pytest.raises(GrowthError, match=re.escape(message)):
        call()


QUALIFIERS = ("exact", "at_least", "at_most", "approximately")


@pytest.mark.parametrize("start", QUALIFIERS)
@pytest.mark.parametrize("end", QUALIFIERS)
def test_the_qualifier_rule_agrees_with_the_bounds(start: str, end: str) -> None:
    # _rate_qualifier (the report's marks) reads qualifiers alone; cagr_bounds computes
    # the bounds from the figures: the two must agree on every pair
    from idcforecast.growth_bounds import _rate_qualifier

    rule = _rate_qualifier(start, end)
    figures = Quantity(1562.5, "亿元", qualifier=start), Quantity(3200.5, "亿元", qualifier=end)
    if rule is None:
        with pytest.raises(GrowthError, match="bounded neither above nor below"):
            cagr_bounds(*figures, 3)
        return
    rate = cagr_bounds(*figures, 3)
    assert (rate.qualifier, rate.approximate) == rule


def test_a_rate_range_or_bound_carries_into_implied_base() -> None:
    P = parse_quantity
    # 3200 / 1.278^2 = 1959.24, 3200 / 1.25^2 = 2048.0 (the old result: the midpoint
    # 26.4%'s 3200 / 1.264^2 = 2002.9, marked exact)
    base = implied_base(P("3200亿元"), P("25-27.8%"), 2)
    assert (round(base.low, 1), round(base.high, 1)) == (1959.2, 2048.0)
    assert base.unit == "CNY 100m" and base.qualifier == "exact"
    # a higher rate lowers the base: "more than 27.8%" gives at most 1959.2
    base = implied_base(P("3200亿元"), P("超过27.8%"), 2)
    assert (base.qualifier, round(base.value, 1), base.is_range) == ("at_most", 1959.2, False)
    # a "more than" end raises it, a "more than" rate lowers it: no bound at all
    with pytest.raises(GrowthError, match="bounded neither above nor below"):
        implied_base(P("超过3200亿元"), P("超过27.8%"), 2)
    # "more than 3200" at "less than 27.8%": both raise the base, at least 1959.2
    base = implied_base(P("超过3200亿元"), P("不到27.8%"), 2)
    assert (base.qualifier, round(base.value, 1)) == ("at_least", 1959.2)
    # a range end and a range rate: 3000 / 1.30^2 = 1775.1, 3400 / 1.25^2 = 2176.0
    base = implied_base(P("3000-3400亿元"), P("25-30%"), 2)
    assert (round(base.low, 1), round(base.high, 1)) == (1775.1, 2176.0)


def test_a_rate_range_or_bound_carries_into_implied_target() -> None:
    P = parse_quantity
    # 1562.5 * 1.25^3 = 3051.76, 1562.5 * 1.30^3 = 3432.81 (the old: 27.5%, 3238.5 exact)
    target = implied_target(P("1562.5亿元"), P("25-30%"), 3)
    assert (round(target.low, 1), round(target.high, 1)) == (3051.8, 3432.8)
    # "less than 30%": at most 3432.8; with a "more than" base, no bound
    target = implied_target(P("1562.5亿元"), P("不到30%"), 3)
    assert (target.qualifier, round(target.value, 1)) == ("at_most", 3432.8)
    with pytest.raises(GrowthError, match="bounded neither above nor below"):
        implied_target(P("超过1562.5亿元"), P("不到30%"), 3)


def test_a_ranged_rate_with_a_plain_level_says_how_to_proceed() -> None:
    with pytest.raises(GrowthError, match=r"rate 25% to 27.8% is a range .* rate\.value"):
        implied_base(3200, parse_quantity("25-27.8%"), 2)


@pytest.mark.parametrize(
    ("func", "level", "rate", "qualifier", "value", "text"),
    [
        # 3200 / 1.278^2 = 1959.24: a higher rate lowers the base, so at most, and the
        # "约" end makes the bound itself approximate (it was a plain at_most)
        (
            implied_base,
            "约3200亿元",
            "超过27.8%",
            "at_most",
            1959.24,
            "about 1959.24 CNY 100m or less (from about 3200 CNY 100m and a rate of at "
            "least 27.8% over 2 steps: the bound is itself approximate)",
        ),
        # exact-rate path: "less than 3200" at "about 27.8%" is at most about 1959.24
        (
            implied_base,
            "不到3200亿元",
            "约27.8%",
            "at_most",
            1959.24,
            "about 1959.24 CNY 100m or less (from at most 3200 CNY 100m and a rate of "
            "about 27.8% over 2 steps: the bound is itself approximate)",
        ),
        # 1500 * 1.278^2 = 2449.926: at least, about
        (
            implied_target,
            "约1500亿元",
            "超过27.8%",
            "at_least",
            2449.93,
            "about 2449.93 CNY 100m or more (from about 1500 CNY 100m and a rate of at "
            "least 27.8% over 2 steps: the bound is itself approximate)",
        ),
        # nothing "about": no text, as before
        (implied_base, "3200亿元", "超过27.8%", "at_most", 1959.24, None),
    ],
)
def test_a_bound_from_an_about_figure_says_it_is_approximate(
    func, level, rate, qualifier, value, text
) -> None:
    result = func(parse_quantity(level), parse_quantity(rate), 2)
    assert (result.qualifier, round(result.value, 2), result.text) == (qualifier, value, text)


def test_an_about_rate_takes_arithmetic_and_comparison_as_its_number() -> None:
    # cagr of "about 100 MW" -> 200 MW over 3 years: 2 ** (1/3) - 1 = 0.259921 (about 26.0%);
    # it returns a RateBounds (where it once returned a float), so `rate * 100` and
    # `rate > 0.25` were TypeErrors in scripts written against the float
    rate = cagr(parse_quantity("about 100 MW"), parse_quantity("200 MW"), 3)
    assert str(rate) == "about 26.0%"
    assert rate * 100 == pytest.approx(25.9921, abs=1e-4)
    assert 100 * rate == pytest.approx(25.9921, abs=1e-4)
    assert (1 + rate) ** 3 == pytest.approx(2.0)  # compounding back to the ratio 200 / 100
    assert rate - 0.25 == pytest.approx(0.009921, abs=1e-6)
    assert 1 / rate == pytest.approx(3.84732, abs=1e-5)
    assert -rate == pytest.approx(-0.259921, abs=1e-6)
    assert rate > 0.25 and rate >= 0.25 and rate < 0.26 and rate <= 0.26


def test_a_bound_rate_refuses_arithmetic_naming_its_ends() -> None:
    # "more than 100" -> 200: the rate is at most 26.0%, no one number to compute with
    rate = cagr(parse_quantity("more than 100 MW"), parse_quantity("200 MW"), 3)
    assert str(rate) == "at most 26.0%"
    with pytest.raises(GrowthError, match=re.escape("use its low (-1) or high (0.259921) end")):
        rate * 100
    with pytest.raises(GrowthError, match="not one number"):
        assert rate > 0.2
