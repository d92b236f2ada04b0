"""Growth arithmetic: pinned numbers (hand arithmetic in comments), properties, bad input."""

from __future__ import annotations

import math
import re

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from idcforecast.errors import (
    DataError,
    DuplicateYearError,
    GrowthError,
    IncompatibleUnitsError,
    InsufficientDataError,
)
from idcforecast.growth import (
    cagr,
    cagr_bounds,
    doubling_time,
    implied_base,
    implied_target,
    implied_years,
    project,
    yoy,
)
from idcforecast.units import Quantity, parse_quantity

CIDC = pd.Series(
    [210.5, 372.3, 518.6, 714.5, 946.1, 1228.0, 1562.5, 2238.7, 3012.7, 4043.2, 5078.3],
    index=[2012, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023],
    name="china_idc_cidc_overall",
)


# -- the must-show numbers -------------------------------------------------------------


def test_cagr_2019_to_2022_is_27_0_percent() -> None:
    # 3200.5 / 1562.5 = 2.048320; 1.27 ** 3 = 2.048383, so the rate is a hair under 27.0%:
    # ln(2.048320) = ln 2 + ln 1.024160 = 0.693147 + 0.023873 = 0.717020;
    # exp(0.717020 / 3) - 1 = exp(0.239007) - 1 = 0.269987
    assert cagr(1562.5, 3200.5, 3) == pytest.approx(0.269987, abs=1e-6)


def test_27_8_percent_to_3200_implies_bases_1533_and_1959() -> None:
    # 1.278 ** 2 = 1.633284; 1.278 ** 3 = 2.087337
    # three steps (from 2019): 3200 / 2.087337 = 1533.05
    # two steps (from 2020):   3200 / 1.633284 = 1959.24
    assert implied_base(3200, 0.278, 3) == pytest.approx(1533.05, abs=0.01)
    assert implied_base(3200, 0.278, 2) == pytest.approx(1959.24, abs=0.01)
    # against the 2020 actual 2238.7 the two-step reading misses by 1959.24 / 2238.7 - 1
    # = -0.12483, about 12%
    assert implied_base(3200, 0.278, 2) / 2238.7 - 1 == pytest.approx(-0.12483, abs=1e-5)


def test_series_form_matches_the_level_form() -> None:
    assert cagr(CIDC, 2019, 2022) == pytest.approx(cagr(1562.5, 4043.2, 3), rel=1e-12)
    assert cagr(CIDC, start_year=2019, end_year=2022) == cagr(CIDC, 2019, 2022)
    # default years: first and last observed, 2012 -> 2023 = 11 steps
    assert cagr(CIDC) == pytest.approx((5078.3 / 210.5) ** (1 / 11) - 1, rel=1e-12)


def test_series_form_reads_a_tidy_frame_and_a_period_index() -> None:
    frame = pd.DataFrame(
        {"series_id": "x", "year": [2019, 2020, 2021], "value": [100.0, 110.0, 121.0]}
    )
    assert cagr(frame, 2019, 2021) == pytest.approx(0.1, rel=1e-12)
    periods = pd.Series([100.0, 121.0], index=pd.period_range("2019", periods=2, freq="Y"))
    assert cagr(periods) == pytest.approx(0.21, rel=1e-12)


def test_other_functions_by_hand() -> None:
    # 1562.5 * 1.278 ** 3 = 1562.5 * 2.087337 = 3261.46
    assert implied_target(1562.5, 0.278, 3) == pytest.approx(3261.46, abs=0.01)
    # ln(3200.5 / 1562.5) / ln(1.278) = 0.717020 / 0.245296 = 2.92308
    assert implied_years(1562.5, 3200.5, 0.278) == pytest.approx(2.92308, abs=1e-4)
    # ln 2 / ln 1.278 = 0.693147 / 0.245296 = 2.82575
    assert doubling_time(0.278) == pytest.approx(2.82575, abs=1e-4)
    # ln 2 / ln 1.1 = 7.27254 (the "rule of 72" says 7.2)
    assert doubling_time(0.1) == pytest.approx(7.27254, abs=1e-4)
    assert implied_years(100.0, 100.0, 0.0) == 0.0
    assert implied_years(100.0, 50.0, -0.5) == pytest.approx(1.0)


def test_project_path_and_year_index() -> None:
    np.testing.assert_allclose(project(100.0, 0.1, 3), [100.0, 110.0, 121.0, 133.1])
    path = project(100.0, [0.1, 0.2], base_year=2020)
    assert path.index.tolist() == [2020, 2021, 2022]
    assert path.index.name == "year"
    np.testing.assert_allclose(path.to_numpy(), [100.0, 110.0, 132.0])  # 110 * 1.2
    two = project(np.array([100.0, 200.0]), 0.5, 1)
    np.testing.assert_allclose(two, [[100.0, 150.0], [200.0, 300.0]])


def test_vectorized_over_arrays_and_series() -> None:
    np.testing.assert_allclose(
        cagr(np.array([100.0, 100.0]), np.array([121.0, 144.0]), 2), [0.1, 0.2]
    )
    starts = pd.Series([100.0, 100.0], index=["a", "b"])
    ends = pd.Series([121.0, 144.0], index=["a", "b"])
    out = cagr(starts, ends, 2)
    assert isinstance(out, pd.Series)
    assert out.index.tolist() == ["a", "b"]
    np.testing.assert_allclose(out.to_numpy(), [0.1, 0.2])
    bases = implied_base(pd.Series([121.0, 144.0]), pd.Series([0.1, 0.2]), 2)
    np.testing.assert_allclose(bases.to_numpy(), [100.0, 100.0])
    np.testing.assert_allclose(doubling_time(np.array([1.0, 3.0])), [1.0, 0.5])


# -- yoy ---------------------------------------------------------------------------------


def test_yoy_flags_the_annualized_rate_across_gaps() -> None:
    table = yoy(CIDC)
    assert table["year"].tolist() == CIDC.index[1:].tolist()
    row = table.set_index("year").loc[2014]
    # 2012 -> 2014 is two steps: total growth 372.3 / 210.5 - 1 = 0.768646,
    # annualized sqrt(1.768646) - 1 = 0.329904
    assert row["years_apart"] == 2
    assert bool(row["annualized"]) is True
    assert row["growth"] == pytest.approx(0.768646, abs=1e-6)
    assert row["yoy"] == pytest.approx(0.329904, abs=1e-6)
    adjacent = table.set_index("year").loc[2020]
    # 2238.7 / 1562.5 - 1 = 0.432768 (the source reports +43.3%)
    assert bool(adjacent["annualized"]) is False
    assert adjacent["yoy"] == adjacent["growth"] == pytest.approx(0.432768, abs=1e-6)
    assert not table["yoy"].isna().any()


def test_yoy_handles_each_series_of_a_tidy_frame() -> None:
    frame = pd.DataFrame(
        {
            "series_id": ["a", "a", "b", "b", "b"],
            "year": [2020, 2021, 2019, 2020, 2022],
            "value": [100.0, 150.0, 10.0, 11.0, 13.31],
        }
    )
    table = yoy(frame)
    assert table[["series_id", "year"]].values.tolist() == [
        ["a", 2021],
        ["b", 2020],
        ["b", 2022],
    ]
    np.testing.assert_allclose(table["yoy"], [0.5, 0.1, 0.1])  # 13.31 / 11 = 1.1 ** 2


def test_yoy_says_how_qualified_levels_bound_each_rate() -> None:
    # claims40: yoy of CAICT's series ("more than 1500" in 2021, "more than 2200" in 2022,
    # 2407 in 2023) gave 46.7% and 9.4% as if exact; the second is at most 9.4% (the 2022
    # level may be higher), the first bounded by nothing (both ends "more than")
    frame = pd.DataFrame(
        {
            "series_id": ["caict"] * 3 + ["cidc"] * 2,
            "year": [2021, 2022, 2023, 2019, 2020],
            "value": [1500.0, 2200.0, 2407.0, 1562.5, 2238.7],
            "qualifier": ["at_least", "at_least", "exact", "approximately", None],
        }
    )
    table = yoy(frame)
    assert table["qualifier"].tolist() == ["unbounded", "at_most", "approximately"]
    # 2407 / 2200 - 1 = 0.094091; 2238.7 / 1562.5 - 1 = 0.432768
    np.testing.assert_allclose(table["yoy"], [2200 / 1500 - 1, 0.094091, 0.432768], atol=1e-6)
    assert "qualifier" not in yoy(frame.drop(columns="qualifier")).columns


# -- properties --------------------------------------------------------------------------

levels = st.floats(min_value=1e-3, max_value=1e9, allow_nan=False)
rates = st.floats(min_value=-0.9, max_value=5.0, allow_nan=False)
steps = st.integers(min_value=1, max_value=30)


@settings(max_examples=100, deadline=None)
@given(x=levels, r=rates, n=steps)
def test_project_of_implied_base_returns_the_target(x: float, r: float, n: int) -> None:
    assert project(implied_base(x, r, n), r, n)[-1] == pytest.approx(x, rel=1e-9)
    assert implied_target(implied_base(x, r, n), r, n) == pytest.approx(x, rel=1e-9)


@settings(max_examples=100, deadline=None)
@given(x=levels, r=rates, n=steps, year=st.integers(min_value=1900, max_value=2100))
def test_cagr_of_a_projected_path_returns_its_rate(x: float, r: float, n: int, year: int) -> None:
    path = project(x, r, n, base_year=year)
    assert cagr(path) == pytest.approx(r, abs=1e-9)
    assert cagr(path.iloc[0], path.iloc[-1], n) == pytest.approx(r, abs=1e-9)
    if abs(r) > 1e-3:  # below that, the end level rounds back to the base
        assert implied_years(x, path.iloc[-1], r) == pytest.approx(n, abs=1e-6)


@settings(max_examples=100, deadline=None)
@given(start=levels, end=levels, bump=st.floats(min_value=1.001, max_value=10.0), n=steps)
def test_monotonicity(start: float, end: float, bump: float, n: int) -> None:
    # CAGR rises with the end level and falls with the start level; the implied base rises
    # with the target and falls with the rate; a path at a positive rate only goes up.
    assert cagr(start, end * bump, n) > cagr(start, end, n)
    assert cagr(start * bump, end, n) < cagr(start, end, n)
    assert implied_base(end * bump, 0.2, n) > implied_base(end, 0.2, n)
    assert implied_base(end, 0.2 * bump, n) < implied_base(end, 0.2, n)
    assert np.all(np.diff(project(start, 0.01 * bump, n)) > 0)


# -- bad input: typed errors, exact messages ---------------------------------------------


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: cagr(0.0, 3200.5, 3),
            "cagr: start must be a positive level, found 0; compound growth is undefined "
            "from or to a level <= 0 (compare differences instead)",
        ),
        (
            lambda: cagr(np.array([1.0, 2.0]), np.array([3.0, -1.0]), 2),
            "cagr: end must be a positive level, found -1 at position 1; compound growth "
            "is undefined from or to a level <= 0 (compare differences instead)",
        ),
        (
            lambda: cagr(1562.5, 3200.5, 0),
            "cagr: years (compounding steps) must be > 0, found 0; 2019 -> 2022 is years=3",
        ),
        (  # used to return inf, silently
            lambda: cagr(1562.5, float("inf"), 3),
            "cagr: end must be a finite level, found inf; check the figure (an overflow or a "
            "division by zero upstream)",
        ),
        (  # used to return -1 (a -100% rate), silently
            lambda: cagr(pd.Series([float("inf"), 2.0]), pd.Series([3.0, 4.0]), 2),
            "cagr: start must be a finite level, found inf at index 0; check the figure (an "
            "overflow or a division by zero upstream)",
        ),
        (  # used to be numpy's "operands could not be broadcast together" ValueError
            lambda: cagr(np.array([1.0, 2.0]), np.array([2.0, 4.0, 5.0]), 2),
            "cagr: the arguments' shapes do not match (start (2,), end (3,), years ()); give "
            "arrays of one length, or single numbers",
        ),
        (
            lambda: implied_base(np.array([3200.0, 3300.0]), np.array([0.1, 0.2, 0.3]), 2),
            "implied_base: the arguments' shapes do not match (end (2,), rate (3,), years ()); "
            "give arrays of one length, or single numbers",
        ),
        (
            lambda: implied_years(np.array([1.0, 2.0]), np.array([2.0, 4.0, 8.0]), 0.1),
            "implied_years: the arguments' shapes do not match (base (2,), end (3,), rate ()); "
            "give arrays of one length, or single numbers",
        ),
        (
            lambda: implied_base(3200, 0.278, -2),
            "implied_base: years (compounding steps) must be > 0, found -2; 2019 -> 2022 is "
            "years=3",
        ),
        (
            lambda: implied_base(3200, -1.0, 2),
            "implied_base: rate must be a finite fraction > -1 (0.278 = 27.8%, -1 = -100%), "
            "found -1; a level cannot fall by 100% or more",
        ),
        (
            # the seed article's "27.8 percent" passed as 27.8 instead of 0.278
            lambda: implied_base(3200, 27.8, 2),
            "implied_base: rate 27.8 would be 2,780% a year; rates are fractions (0.278 = "
            "27.8%): pass 0.278 for 27.8%, or a Quantity in '%' (parse_quantity('27.8%')) for a "
            "rate that really is 1,000% a year or more",
        ),
        (
            lambda: project(100.0, pd.Series([0.1, 12.0], index=[2021, 2022])),
            "project: rate 12 at index 2022 would be 1,200% a year; rates are fractions "
            "(0.278 = 27.8%): pass 0.12 for 12%, or a Quantity in '%' (parse_quantity('12%')) "
            "for a rate that really is 1,000% a year or more",
        ),
        (
            lambda: project(100.0, pd.Series([0.1, -1.5], index=[2021, 2022])),
            "project: rate must be a finite fraction > -1 (0.278 = 27.8%, -1 = -100%), "
            "found -1.5 at index 2022; a level cannot fall by 100% or more",
        ),
        (
            lambda: cagr(float("nan"), 1.0, 1),
            "cagr: start is NaN; drop or fill missing values before compounding",
        ),
        (
            lambda: doubling_time(0.0),
            "doubling_time: rate must be > 0 for a level to double, found 0",
        ),
        (
            lambda: implied_years(100.0, 200.0, -0.1),
            "implied_years: a level of 100 never reaches 200 at a rate of -0.1 (-10.0% a "
            "year); the rate must be positive to grow and negative to shrink",
        ),
        (
            lambda: project(100.0, 0.1, 0),
            "project: years must be a positive whole number of steps, found 0",
        ),
        (
            lambda: cagr(CIDC, 2019, 2019),
            "cagr: end_year must be after start_year, found 2019 -> 2019 for series "
            "'china_idc_cidc_overall'",
        ),
        (
            lambda: cagr(pd.Series([-1.0, 2.0], index=[2020, 2021])),
            "cagr: series year 2020 must be a positive level, found -1; compound growth is "
            "undefined from or to a level <= 0",
        ),
    ],
)
def test_growth_errors(call, message: str) -> None:
    with pytest.raises(GrowthError, match=re.escape(message) + "$"):
        call()


def test_missing_year_names_the_years_present() -> None:
    message = (
        "cagr: series 'china_idc_cidc_overall' has no value for 2013 (years present: 2012, "
        "2014, 2015, 2016, 2017, 2018, 2019, 2020, 2021, 2022, 2023); pick a year present or "
        "fill the gap explicitly"
    )
    with pytest.raises(InsufficientDataError, match=re.escape(message)):
        cagr(CIDC, 2013, 2022)


def test_a_frame_with_two_series_is_refused() -> None:
    frame = pd.DataFrame({"series_id": ["a", "b"], "year": [2020, 2021], "value": [1.0, 2.0]})
    message = (
        "cagr: the frame holds 2 series (a, b); expected one; select one first "
        "(frame[frame.series_id == ...])"
    )
    with pytest.raises(DataError, match=re.escape(message)):
        cagr(frame)


def test_duplicate_years_are_refused() -> None:
    with pytest.raises(DuplicateYearError, match=re.escape("more than one value for year 2020")):
        yoy(pd.Series([1.0, 2.0], index=[2020, 2020]))


def test_misaligned_series_are_refused() -> None:
    with pytest.raises(GrowthError, match="different indexes"):
        cagr(pd.Series([1.0], index=["a"]), pd.Series([2.0], index=["b"]), 1)


def test_log_form_is_accurate_near_zero_growth() -> None:
    assert cagr(1.0, 1.0 + 1e-12, 1) == pytest.approx(1e-12, rel=1e-3)
    assert math.isfinite(cagr(1e-300, 1e300, 2))


# -- quantities: units carried through ---------------------------------------------------


def test_quantities_convert_and_rates_are_plain_floats() -> None:
    # 320 CNY bn = 3200 CNY 100m: (3200 / 1562.5) ** (1 / 3) - 1 = 2.048 ** (1/3) - 1 = 0.269921
    rate = cagr(parse_quantity("1,562.5亿元"), parse_quantity("320 billion yuan"), 3)
    assert type(rate) is float
    assert rate == pytest.approx(0.269921, abs=1e-6)


def test_level_results_are_quantities_in_the_same_unit() -> None:
    base = implied_base(parse_quantity("more than 3200.5亿元"), parse_quantity("27%"), 3)
    # 3200.5 / 1.27 ** 3 = 3200.5 / 2.048383 = 1562.45; "more than" carries over
    assert isinstance(base, Quantity)
    assert (base.unit, base.qualifier) == ("CNY 100m", "at_least")
    assert base.value == pytest.approx(1562.45, abs=0.01)
    ranged = implied_target(Quantity(100.0, "MW", low=90.0, high=110.0), 0.1, 2)
    # 1.1 ** 2 = 1.21 scales the value and both ends of the range
    assert (ranged.value, ranged.low, ranged.high) == pytest.approx((121.0, 108.9, 133.1))
    path = project(Quantity(1562.5, "亿元"), 0.1, 1, base_year=2019)
    assert path.attrs["unit"] == "CNY 100m"


@pytest.mark.parametrize(
    ("end", "message"),
    [
        (
            "3200.5",
            "cagr: start is a Quantity in 'CNY 100m' but end is a plain number; give both as "
            "Quantities or both as numbers in the same unit",
        ),
        (
            "10 MW",
            "cagr: start is in 'CNY 100m' and end in 'MW', which cannot be compared as they are "
            "(cannot convert 'MW' (power) to 'CNY 100m' (money)",
        ),
        (
            "45 USD bn",
            # was "... (converting USD->CNY needs a year ...; pass year=...)": cagr has no year
            "cagr: start is in 'CNY 100m' and end in 'USD bn', two currencies; converting one "
            "into the other needs the FX rate of a year you choose (a rate across currencies "
            "also carries the exchange-rate move): convert one first, e.g. "
            "end.to('CNY 100m', year=2022)",
        ),
    ],
)
def test_mismatched_units_name_both(end: str, message: str) -> None:
    start = parse_quantity("1562.5亿元")
    end_value = float(end) if end[0].isdigit() and " " not in end else parse_quantity(end)
    with pytest.raises(IncompatibleUnitsError, match=re.escape(message)):
        cagr(start, end_value, 3)


def test_a_rate_quantity_must_be_a_percent() -> None:
    message = (
        "implied_base: rate is a Quantity in 'CNY 100m'; a rate must be a fraction (0.278) "
        "or a Quantity in '%' (27.8%)"
    )
    with pytest.raises(IncompatibleUnitsError, match=re.escape(message)):
        implied_base(3200.0, parse_quantity("27.8亿元"), 3)


PERCENT_LEVELS = (
    "start 27.8% and end 30% are rates or shares (in %), not levels; the compound growth of "
    "a growth rate or a share is almost certainly a mistake: give the levels they describe "
    "(the market's size in each year, e.g. 1562.5亿元 and 3200.5亿元), or compare two rates "
    "by their difference in percentage points"
)


def test_a_cagr_between_percentages_is_refused() -> None:
    # used to return (30 / 27.8) ** (1 / 2) - 1 = 0.0388: a "growth rate of a growth rate"
    start, end = parse_quantity("27.8%"), parse_quantity("30%")
    for func, call in [
        ("cagr", lambda: cagr(start, end, 2)),
        ("cagr_bounds", lambda: cagr_bounds(start, end, 2)),
        ("implied_years", lambda: implied_years(start, end, 0.1)),
    ]:
        with pytest.raises(GrowthError, match=re.escape(f"{func}: {PERCENT_LEVELS}")) as err:
            call()
        assert (err.value.argument, err.value.unit) == ("start", "%")
    with pytest.raises(GrowthError, match=re.escape("cagr: end 5 pp is a rate or a share (in pp)")):
        cagr(parse_quantity("3 TWh"), parse_quantity("5 pp"), 2)
    # a range is named as written ("25-30%"), not by its midpoint (it said "end 27.5%")
    with pytest.raises(GrowthError, match=re.escape("cagr: end 25-30% is a rate or a share")):
        cagr(parse_quantity("约1562.5亿元"), parse_quantity("25-30%"), 3)


# --- uat14: results outside the float range, and ranges or bounds that one number drops ---


@pytest.mark.parametrize(
    ("call", "message"),
    [
        # (3200.5 / 1562.5) ** (1 / 1e-9) = exp(0.717 / 1e-9) = exp(7.2e8): beyond 1.8e308
        (
            lambda: cagr(1562.5, 3200.5, 1e-9),
            "cagr: the rate overflows the float range at years=1e-09 compounding steps",
        ),
        (
            lambda: cagr_bounds(1562.5, 3200.5, 1e-9),
            "cagr_bounds: the rate overflows the float range at years=1e-09",
        ),
        # 1.278 ** 1e6 = exp(1e6 * 0.2453) = exp(245,296): beyond the float range
        (
            lambda: implied_target(1562.5, 0.278, 1e6),
            "implied_target: the target overflows the float range at years=1e+06",
        ),
        # 3200 / 1.278 ** 1e6 = 3200 * exp(-245,296): below the smallest float, 0.0
        (
            lambda: implied_base(3200, 0.278, 1e6),
            "implied_base: the base underflows to 0 in the float range at years=1e+06",
        ),
        (
            lambda: implied_base(parse_quantity("1500亿元"), parse_quantity("25-30%"), 1e6),
            "implied_base: the base underflows to 0 in the float range at years=1e+06",
        ),
        # 1.278 ** 5000 = exp(1,226): beyond 1.8e308 = exp(709.8)
        (
            lambda: project(1562.5, 0.278, 5000),
            "project: the path overflows the float range at years=5000",
        ),
    ],
)
def test_results_beyond_the_float_range_are_errors(call, message: str) -> None:
    # was: inf (or 0.0, or "at most 0 CNY 100m") with a RuntimeWarning, and an
    # OverflowError traceback from `idcforecast cagr ... --years 1e-9`
    with pytest.raises(GrowthError, match=re.escape(message)):
        call()


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (
            lambda: implied_years(1562.5, parse_quantity("超过3200.5亿元"), 0.278),
            "implied_years: end is at least 3200.5 CNY 100m (a bound), but implied_years "
            "gives one number",
        ),
        (
            lambda: implied_years(1562.5, 3200.5, parse_quantity("25-30%")),
            "implied_years: rate is the range 25 to 30%, but implied_years gives one number",
        ),
        (
            lambda: doubling_time(parse_quantity("超过27.8%")),
            "doubling_time: rate is at least 27.8% (a bound), but doubling_time gives one",
        ),
        (
            lambda: project(parse_quantity("超过1562.5亿元"), 0.278, 3, base_year=2019),
            "project: base is at least 1562.5 CNY 100m (a bound), but project gives one",
        ),
        (
            lambda: project(parse_quantity("1500-1600亿元"), 0.278, 3),
            "project: base is the range 1500 to 1600 CNY 100m, but project gives one number",
        ),
        (
            lambda: project(1562.5, parse_quantity("25-30%"), 3),
            "project: rate is the range 25 to 30%, but project gives one number",
        ),
    ],
)
def test_one_number_results_refuse_ranges_and_bounds(call, message: str) -> None:
    # was: implied_years(1562.5, "超过3200.5亿元", 0.278) = 2.92 (really "at least 2.92"),
    # project of 1500-1600 the path of its midpoint 1550, doubling_time of "more than
    # 27.8%" 2.83 (really "at most 2.83")
    with pytest.raises(GrowthError, match=re.escape(message)):
        call()


def test_exact_quantities_still_work_in_one_number_results() -> None:
    # log(3200.5 / 1562.5) / log(1.278) = 0.71702 / 0.24530 = 2.923
    assert implied_years(parse_quantity("1562.5亿元"), parse_quantity("3200.5亿元"), 0.278) == (
        pytest.approx(2.923076, abs=1e-6)
    )
    # log 2 / log 1.278 = 0.693147 / 0.245296 = 2.8258
    assert doubling_time(parse_quantity("27.8%")) == pytest.approx(2.825754, abs=1e-6)
    # 1562.5 * 1.278 ** 3 = 1562.5 * 2.087336952 = 3261.46
    path = project(parse_quantity("1562.5亿元"), 0.278, 3, base_year=2019)
    assert path.round(2).tolist() == [1562.5, 1996.88, 2552.01, 3261.46]
    assert path.attrs["unit"] == "CNY 100m"


def test_steps_from_an_about_figure_are_about_too() -> None:
    # claims40: doubling_time("约27.8%") was the float 2.8258 and implied_years of an
    # "about" base 2.9224, both reading as exact; now an "about" Quantity in years
    # log 2 / log 1.278 = 0.693147 / 0.245296 = 2.825754
    doubling = doubling_time(parse_quantity("约27.8%"))
    assert doubling.qualifier == "approximately"
    assert doubling.unit == "year"
    assert doubling.value == pytest.approx(2.825754, abs=1e-6)
    assert "rate about 27.8%" in doubling.text
    # log(3200 / 1562.5) / log 1.278 = 0.716864 / 0.245296 = 2.922439
    steps = implied_years(parse_quantity("约1562.5亿元"), parse_quantity("3200亿元"), 0.278)
    assert (steps.qualifier, steps.unit) == ("approximately", "year")
    assert steps.value == pytest.approx(2.922439, abs=1e-6)
    assert "base about 1562.5 CNY 100m" in steps.text
    # an end in another unit is named as given, not as converted (was "about 3200 CNY 100m")
    converted = implied_years(
        parse_quantity("1562.5亿元"), parse_quantity("约320 billion yuan"), 0.278
    )
    assert converted.value == pytest.approx(2.922439, abs=1e-6)
    assert "end about 320 CNY bn" in converted.text
    by_rate = implied_years(1562.5, 3200.0, parse_quantity("about 27.8%"))
    assert by_rate.qualifier == "approximately"
    assert by_rate.value == pytest.approx(2.922439, abs=1e-6)
    # exact figures and arrays stay plain numbers
    assert isinstance(doubling_time(parse_quantity("27.8%")), float)
    rates = np.array([0.1, 0.278])
    assert isinstance(
        implied_years(parse_quantity("约100亿元"), parse_quantity("200亿元"), rates), np.ndarray
    )


def test_a_projected_path_from_an_about_figure_says_so() -> None:
    # claims40: project(base, "约27.8%", base_year=...) gave a Series with nothing to say
    # the path is approximate; now attrs["qualifier"], as doubling_time's steps say it
    path = project(parse_quantity("1562.5亿元"), parse_quantity("约27.8%"), 1, base_year=2019)
    assert path.attrs == {"unit": "CNY 100m", "qualifier": "approximately"}
    assert path.round(1).tolist() == [1562.5, 1996.9]  # 1562.5 * 1.278 = 1996.875
    assert "qualifier" not in project(parse_quantity("1562.5亿元"), 0.278, 1, base_year=2019).attrs


# -- polish17 ----------------------------------------------------------------------------

_CIDC = pd.Series([1562.5, 2238.7, 3012.7, 4043.2], index=[2019, 2020, 2021, 2022])


@pytest.mark.parametrize(
    ("call", "name", "found"),
    [
        (lambda: cagr(_CIDC, 2019.5, 2022), "start_year", "2019.5"),
        (lambda: cagr(_CIDC, 2019, True), "end_year", "True"),
        (lambda: cagr(_CIDC, start_year=2019.5), "start_year", "2019.5"),
    ],
)
def test_cagr_series_years_must_be_whole(call, name: str, found: str) -> None:
    # 2019.5 was truncated to 2019 (giving the 2019-2022 rate, 37.3%), True to year 1
    with pytest.raises(GrowthError) as info:
        call()
    assert str(info.value) == (
        f"cagr: {name} must be a whole year of the series, found {found}; give the calendar "
        "year (e.g. cagr(series, 2019, 2022)), or cagr(start, end, years) for a fractional "
        "number of steps"
    )


def test_cagr_series_takes_whole_float_years() -> None:
    # (4043.2 / 1562.5) ** (1 / 3) - 1 = 0.37289
    assert cagr(_CIDC, 2019.0, 2022.0) == pytest.approx(0.372888, abs=1e-6)


@pytest.mark.parametrize("func", [cagr, cagr_bounds])
@pytest.mark.parametrize("flag", [True, np.True_])
def test_years_true_is_no_step_count(func, flag: object) -> None:
    # cagr(1562.5, 3200, True) was (3200 / 1562.5) ** 1 - 1 = 104.8%: True read as 1 step
    name = func.__name__
    with pytest.raises(GrowthError) as info:
        func(1562.5, 3200.0, flag)
    assert str(info.value) == (
        f"{name}: years (compounding steps) must be a number of steps, found the truth value "
        f"{flag!r}; 2019 -> 2022 is years=3"
    )


def test_fractional_steps_stay_allowed() -> None:
    # (3200 / 1562.5) ** (1 / 2.5) - 1 = 0.332085
    assert cagr(1562.5, 3200.0, 2.5) == pytest.approx(0.332085, abs=1e-6)


# -- units24: an "about" rate makes the implied level about one too ----------------------


def test_an_about_rate_makes_the_implied_base_about() -> None:
    # 320 / 1.278 ** 3 = 320 / 2.087336 = 153.305 CNY bn; "约27.8%" was dropped: 'exact'
    base = implied_base(parse_quantity("320 billion yuan"), parse_quantity("约27.8%"), 3)
    assert (base.unit, base.qualifier) == ("CNY bn", "approximately")
    assert base.value == pytest.approx(153.3054, abs=1e-4)


def test_an_about_rate_makes_the_implied_target_about() -> None:
    # 1562.5 * 1.278 ** 3 = 1562.5 * 2.087336 = 3261.46 亿元
    target = implied_target(parse_quantity("1562.5亿元"), parse_quantity("about 27.8%"), 3)
    assert (target.unit, target.qualifier) == ("CNY 100m", "approximately")
    assert target.value == pytest.approx(3261.46, abs=0.01)


def test_an_about_rate_makes_a_plain_levels_result_about() -> None:
    # a plain level at "约27.8%" gave a float that read as exact (1533.05), where a
    # Quantity level's result was "about": now an "about" Quantity in "count" (bare number)
    # 3200 / 1.278 ** 3 = 3200 / 2.087336952 = 1533.054; 1562.5 * 2.087336952 = 3261.464
    base = implied_base(3200, parse_quantity("约27.8%"), 3)
    assert (base.unit, base.qualifier) == ("count", "approximately")
    assert base.value == pytest.approx(1533.054, abs=1e-3)
    assert "end 3200 at a rate of about 27.8%" in base.text
    target = implied_target(1562.5, parse_quantity("about 27.8%"), 3)
    assert (target.unit, target.qualifier) == ("count", "approximately")
    assert target.value == pytest.approx(3261.464, abs=1e-3)
    # an exact rate, or an array of years (no place for it), stays a plain number
    assert isinstance(implied_base(3200, parse_quantity("27.8%"), 3), float)
    assert isinstance(implied_base(3200, parse_quantity("约27.8%"), np.array([2, 3])), np.ndarray)


def test_an_about_rate_leaves_a_bound_level_a_bound() -> None:
    # "more than 3200" at about 27.8%: still a lower bound on the base (3200 / 1.278 ** 3)
    base = implied_base(parse_quantity("超过3200亿元"), parse_quantity("约27.8%"), 3)
    assert base.qualifier == "at_least"
    assert base.value == pytest.approx(1533.05, abs=0.01)


# -- units24: years given as a Quantity are steps in years, or refused -------------------


@pytest.mark.parametrize("text", ["36 months", "3 years", "12 quarters", "3", "3年"])
def test_years_as_a_duration_are_counted_in_years(text: str) -> None:
    # "36 months" was 36 steps: (3200.5 / 1562.5) ** (1 / 36) - 1 = 2.0%, not 27.0% a year;
    # 36 months = 12 quarters = 3 years: (2.048320) ** (1 / 3) - 1 = 0.269987
    years = parse_quantity(text)
    assert cagr(1562.5, 3200.5, years) == pytest.approx(0.269987, abs=1e-6)
    # 3200 / 1.278 ** 3 = 3200 / 2.087336 = 1533.05
    assert implied_base(3200, 0.278, years) == pytest.approx(1533.05, abs=0.01)
    assert cagr_bounds(1562.5, 3200.5, years).low == pytest.approx(0.269987, abs=1e-6)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        (
            "3 MW",
            "years is a Quantity in 'MW'; years are compounding steps: a number "
            "(2019 -> 2022 is years=3) or a duration such as parse_quantity('3 years')",
        ),
        (
            "3-4 years",
            "years is the range 3 to 4 year, not one number of steps; give the "
            "steps as a number (years=3)",
        ),
        (
            "more than 3 years",
            "years is at least 3 year, not one number of steps; give the "
            "steps as a number (years=3)",
        ),
    ],
)
def test_years_in_another_unit_or_as_a_range_are_refused(text: str, found: str) -> None:
    with pytest.raises(GrowthError) as info:
        cagr(1562.5, 3200.5, parse_quantity(text))
    assert str(info.value) == f"cagr: {found}"


@pytest.mark.parametrize(
    ("text", "what"),
    [
        ("1500-1600亿元", "the range 1500 to 1600 CNY 100m"),
        ("超过1500亿元", "at least 1500 CNY 100m (a bound)"),
    ],
)
def test_a_bounded_level_with_an_array_of_rates_is_refused(text: str, what: str) -> None:
    # units24: implied_target(parse_quantity("1500-1600亿元"), [0.2, 0.278], 3) gave plain
    # numbers from the midpoint, 1550 x 1.2**3 = 2678.4: the range was dropped in silence
    with pytest.raises(GrowthError) as info:
        implied_target(parse_quantity(text), np.array([0.2, 0.278]), 3)
    assert str(info.value) == (
        f"implied_target: base is {what}, but with an array of rates or years the results "
        "are plain numbers, which would drop it; pass one rate and one number of years (the "
        "result is then a Quantity carrying it), or base.value"
    )


def test_an_exact_level_with_an_array_of_rates_gives_numbers() -> None:
    # 3200 / 1.2**3 = 1851.85; 3200 / 1.278**3 = 1533.05
    out = implied_base(parse_quantity("3200亿元"), np.array([0.2, 0.278]), 3)
    assert out == pytest.approx([1851.85, 1533.05], abs=0.01)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (  # was pandas' "ValueError: could not convert string to float: '1,562.5亿元'"
            pd.DataFrame({"year": [2019, 2021], "value": ["1,562.5亿元", "3012.7亿元"]}),
            "cagr: series has a value that is not a number, '1,562.5亿元'; read figures written "
            "as text with read_series (or parse_quantity) first, or give plain numbers in one unit",
        ),
        (
            pd.Series(["1562.5", "3012.7亿元"], index=[2019, 2021], name="m"),
            "cagr: series 'm' has a value that is not a number, '3012.7亿元'",
        ),
        (  # was pandas' "Unable to parse string "2019年""
            pd.DataFrame({"year": ["2019年", 2021], "value": [1562.5, 3012.7]}),
            "cagr: series has a year that is not a number, '2019年'; expected whole years (2019) "
            "in the 'year' column",
        ),
    ],
)
def test_a_series_of_text_is_a_typed_error(data: object, message: str) -> None:
    with pytest.raises(DataError, match=re.escape(message)):
        cagr(data)


def test_a_series_of_number_text_or_nullable_numbers_is_read() -> None:
    # (3012.7 / 1562.5)^(1/2) - 1 = 0.388570
    text = pd.Series(["1562.5", "3012.7"], index=[2019, 2021])
    nullable = pd.Series([1562.5, None, 3012.7], index=[2019, 2020, 2021], dtype="Float64")
    assert cagr(text) == pytest.approx(0.388570, abs=1e-6)
    assert cagr(nullable) == pytest.approx(0.388570, abs=1e-6)


@pytest.mark.parametrize("unit", ["%", "pp"])
def test_cagr_of_a_series_in_percent_is_refused_as_two_figures_in_percent_are(unit: str) -> None:
    # cagr(frame) of a share returned (3.0 / 1.5) ** (1 / 3) - 1 = 0.26 "a year", while
    # cagr(parse_quantity("1.5%"), parse_quantity("3%"), 3) was already a GrowthError
    frame = pd.DataFrame(
        {"series_id": "share", "year": [2019, 2022], "value": [1.5, 3.0], "unit": unit}
    )
    msg = (
        f"cagr: series 'share' is in {unit!r}, a rate or a share, not a level; the compound "
        "growth of a share is almost certainly a mistake: its change is in percentage points "
        "(1.5% -> 3.0% is +1.5 pp; idcforecast show gives them), or take the CAGR of the "
        "levels it is a share of"
    )
    with pytest.raises(GrowthError, match=re.escape(msg)):
        cagr(frame, 2019, 2022)
    series = frame.set_index("year")["value"].rename("share")
    series.attrs["unit"] = unit
    with pytest.raises(GrowthError, match=re.escape(msg)):
        cagr(series)
    assert cagr(frame.assign(unit="MW"), 2019, 2022) == pytest.approx(2 ** (1 / 3) - 1)
    # yoy likewise: (3.0 / 1.5) - 1 = +100% "growth" of a share
    with pytest.raises(GrowthError, match=re.escape(msg.replace("cagr:", "yoy:", 1))):
        yoy(frame)
    assert yoy(frame.assign(unit="MW"))["growth"].tolist() == [1.0]


def test_cagr_between_racks_and_power_takes_kw_per_rack() -> None:
    # the Python functions converted at a fixed 2.5 kW a rack (the cagr command already took
    # --kw-per-rack). 13 GW = 13e6 kW: at 2.5 kW 520万架, (520 / 265.8) ** (1 / 2) - 1 =
    # 0.398699; at 5 kW 260万架, (260 / 265.8) ** (1 / 2) - 1 = -0.010970
    racks, power = parse_quantity("265.8万架"), parse_quantity("13 GW")
    assert cagr(racks, power, 2) == pytest.approx((520 / 265.8) ** 0.5 - 1, rel=1e-12)
    assert cagr(racks, power, 2, kw_per_rack=5) == pytest.approx((260 / 265.8) ** 0.5 - 1)
    assert cagr_bounds(racks, power, 2, kw_per_rack=5).low == pytest.approx(
        (260 / 265.8) ** 0.5 - 1
    )
    # 265.8 -> 520 at 10% a year: log(520 / 265.8) / log(1.1), at 2.5 kW; at 5 kW, 260:
    # log(260 / 265.8) / log(0.9) at -10%
    assert implied_years(racks, power, 0.1) == pytest.approx(math.log(520 / 265.8) / math.log(1.1))
    assert implied_years(racks, power, -0.1, kw_per_rack=5) == pytest.approx(
        math.log(260 / 265.8) / math.log(0.9)
    )


def test_cagr_of_a_series_over_a_period_text() -> None:
    # claims31: cagr(series, "2019-2022") was refused ("start_year must be a whole year");
    # the period is its first and last year: (3200.5 / 1562.5) ** (1 / 3) - 1 = 0.269987
    s = pd.Series([1562.5, 2238.7, 3012.7, 3200.5], index=[2019, 2020, 2021, 2022])
    assert cagr(s, "2019-2022") == pytest.approx(0.269987, abs=1e-6)
    assert cagr(s, start_year="2019-22") == cagr(s, 2019, 2022)
    assert cagr(s, end_year="2019-2022") == cagr(s, 2019, 2022)
    with pytest.raises(GrowthError, match="end_year must be a whole year of the series"):
        cagr(s, 2019, end_year="2020-2022")
    # 2020 -> 2022: (3200.5 / 2238.7) ** (1 / 2) - 1 = 0.195669
    assert cagr(s, "2020年至2022年") == pytest.approx(0.195669, abs=1e-6)
    # the validation of two years: a year not in the series, the period given with a year
    with pytest.raises(InsufficientDataError, match="no value for 2018"):
        cagr(s, "2018-2022")
    with pytest.raises(GrowthError, match="gives both years, and end_year is given too"):
        cagr(s, "2019-2022", 2022)
    with pytest.raises(GrowthError, match="end year 2019 is not after the start year 2022"):
        cagr(s, "2022-2019")
    with pytest.raises(GrowthError, match=r"five-year plan .* \(2020, 2025\) or \(2021, 2025\)"):
        cagr(s, "十四五")


def test_a_period_as_steps_names_both_readings() -> None:
    # years are steps; "2020-2022" is 2 from 2020 or 3 from a 2019 base: not guessed, and
    # the error was "parse text figures first with parse_quantity()"
    with pytest.raises(GrowthError, match=r"2 from 2020, or 3 from a 2019 base"):
        implied_base(3200, 0.278, "2020-2022")


def test_project_rates_indexed_by_years_match_the_years_they_label() -> None:
    # claims31: rates for 2021 and 2022 with base_year=2015 were labelled 2016 and 2017,
    # and rates indexed 2022, 2021 applied 2022's first: by position, in silence
    rates = pd.Series([0.1, 0.2], index=[2021, 2022])
    path = project(100.0, rates, base_year=2020)  # 100, 100 x 1.1 = 110, 110 x 1.2 = 132
    assert path.round(6).to_dict() == {2020: 100.0, 2021: 110.0, 2022: 132.0}
    with pytest.raises(GrowthError, match=r"path starts in 2020, but base_year is 2015"):
        project(100.0, rates, base_year=2015)
    with pytest.raises(GrowthError, match=r"indexed by the years 2022, 2021"):
        project(100.0, rates.iloc[::-1])
    with pytest.raises(GrowthError, match=r"indexed by the years 2021, 2023"):
        project(100.0, pd.Series([0.1, 0.2], index=[2021, 2023]), base_year=2020)
    # positions are no years: applied in order, as before
    np.testing.assert_allclose(project(100.0, pd.Series([0.1, 0.2])), [100.0, 110.0, 132.0])


def test_a_level_given_as_none_is_named_none() -> None:
    # claims40: cagr(None, 2, 3) said "start is NaN; drop or fill missing values"
    with pytest.raises(GrowthError, match=re.escape("cagr: start is None; give a number")):
        cagr(None, 2.0, 3)
    with pytest.raises(GrowthError, match=re.escape("implied_base: end is None; give a number")):
        implied_base(None, 0.278, 2)


# -- claims50: cagr carries the qualifiers of the figures it reads -----------------------


def test_cagr_of_qualified_quantities_carries_the_qualifier() -> None:
    # (3200.5 / 1562.5) ** (1 / 3) - 1 = 2.04832 ** (1 / 3) - 1 = 0.269987: was a plain
    # float for "约1562.5亿元", "超过3200.5亿元" and the midpoint's rate for a range
    about = cagr(parse_quantity("约1562.5亿元"), parse_quantity("3200.5亿元"), 3)
    assert (about.qualifier, about.approximate) == ("approximately", True)
    assert float(about) == pytest.approx(0.269987, abs=1e-6)
    assert f"{about:.1%}" == "about 27.0%"
    floor = cagr(parse_quantity("1562.5亿元"), parse_quantity("超过3200.5亿元"), 3)
    assert (floor.qualifier, floor.low, floor.high) == ("at_least", floor.low, math.inf)
    assert floor.low == pytest.approx(0.269987, abs=1e-6)
    assert f"{floor:.1%}" == "at least 27.0%"
    assert str(round(floor, 4)) == "at least 27.0%" and round(floor, 4).low == 0.27
    with pytest.raises(GrowthError, match=r"the rate is at least 27\.0%, not one number"):
        float(floor)
    # 320-330 billion yuan = 3200-3300 亿元: (3200 / 1562.5) ** (1 / 3) - 1 =
    # exp(ln 2.048 / 3) - 1 = exp(0.716864 / 3) - 1 = 0.269921 to (3300 / 1562.5) ** (1 / 3)
    # - 1 = exp(0.747635 / 3) - 1 = 0.283014 (the midpoint 3250 gave one rate)
    span = cagr(parse_quantity("1562.5亿元"), parse_quantity("320-330 billion yuan"), 3)
    assert span.is_range
    assert (span.low, span.high) == (
        pytest.approx(0.269921, abs=1e-6),
        pytest.approx(0.283014, abs=1e-6),
    )
    # exact figures stay a float
    assert isinstance(cagr(parse_quantity("1562.5亿元"), parse_quantity("3200.5亿元"), 3), float)


def test_cagr_of_a_frame_reads_its_qualifier_column() -> None:
    # the bundled CAICT series: more than 1,500 (2021), more than 2,200 (2022), 2,407
    # (2023). cagr(frame) was the float 0.266754 from 1,500, as if exact; from "more than
    # 1,500" the rate is at most sqrt(2407 / 1500) - 1 = sqrt(1.604667) - 1 = 0.266754
    from idcforecast.datasets import load_dataset

    market = load_dataset("china_idc_market")
    caict = market[market["series_id"] == "china_idc_caict"]
    rate = cagr(caict)
    assert (rate.qualifier, rate.low) == ("at_most", -1.0)
    assert rate.high == pytest.approx(0.266754, abs=1e-6)
    assert str(cagr(caict, 2022, 2023)) == "at most 9.4%"  # 2407 / 2200 - 1 = 0.094091
    with pytest.raises(GrowthError, match="is at least 1500 in 2021 and at least 2200 in 2022"):
        cagr(caict, 2021, 2022)
    # an "about" start: (3000 / 1500) ** (1 / 2) - 1 = 0.414214, "about"
    about = pd.DataFrame(
        {"year": [2020, 2022], "value": [1500.0, 3000.0], "qualifier": ["approximately", ""]}
    )
    assert f"{cagr(about):.4f}" == "about 0.4142"
    # blank, missing or "exact" qualifiers: a float, as before
    assert isinstance(cagr(about.assign(qualifier=["exact", None])), float)
    with pytest.raises(DataError, match="year 2020: qualifier 'more than' is not one of"):
        cagr(about.assign(qualifier=["more than", ""]))


def test_cagr_of_a_series_over_two_digit_fiscal_years() -> None:
    # "FY20-FY22" was "not two years", and once read, it has no four-digit year, which
    # period_years took for a five-year plan; (4043.2 / 2238.7) ** (1 / 2) - 1 =
    # 1.806053 ** 0.5 - 1 = 0.343893
    s = pd.Series([1562.5, 2238.7, 3012.7, 4043.2], index=[2019, 2020, 2021, 2022])
    assert cagr(s, "FY20-FY22") == pytest.approx(0.343893, abs=1e-6)
    with pytest.raises(GrowthError, match="is a five-year plan"):
        cagr(s, "十四五")


def test_cagr_of_a_series_of_one_year_says_it_needs_two() -> None:
    # was "end_year must be after start_year, found 2020 -> 2020", years the user never gave
    with pytest.raises(InsufficientDataError, match=r"has one year's level \(2020: 100\)"):
        cagr(pd.Series([100.0, np.nan], index=[2020, 2021]))


def test_a_rate_from_cagr_of_qualified_figures_carries_into_levels_and_steps() -> None:
    # cagr of "约1562.5亿元" to 3200.5亿元 over 3 steps is "about 27.0%" (a RateBounds);
    # passed on, float() made implied_base exact, and a bound was a GrowthError of float()
    about = cagr(parse_quantity("约1562.5亿元"), parse_quantity("3200.5亿元"), 3)
    base = implied_base(parse_quantity("3200.5亿元"), about, 3)
    # 3200.5 / (3200.5 / 1562.5) = 1562.5, back where it came from, "about"
    assert (base.qualifier, round(base.value, 6)) == ("approximately", 1562.5)
    steps = doubling_time(about)  # log 2 / log 1.269987 = 0.693147 / 0.239007 = 2.900117
    assert (steps.qualifier, round(steps.value, 6)) == ("approximately", 2.900117)
    assert project(1562.5, about, 3, base_year=2019).attrs["qualifier"] == "approximately"
    floor = cagr(parse_quantity("1562.5亿元"), parse_quantity("超过3200.5亿元"), 3)
    target = implied_target(parse_quantity("1562.5亿元"), floor, 3)  # at least 3200.5
    assert (target.qualifier, round(target.value, 6)) == ("at_least", 3200.5)
    # 320-330 billion yuan: the targets 3200 to 3300 亿元, from the rates' ends
    span = cagr(parse_quantity("1562.5亿元"), parse_quantity("320-330 billion yuan"), 3)
    ranged = implied_target(parse_quantity("1562.5亿元"), span, 3)
    assert (round(ranged.low, 6), round(ranged.high, 6)) == (3200.0, 3300.0)


def test_a_rate_in_tenths_is_its_percent() -> None:
    # parse_quantity("三成") is 3 tenths (成): it was "rate is a Quantity in 'tenths'; a rate
    # must be a fraction (0.278) or a Quantity in '%'", though 3 成 is exactly 30%
    from idcforecast import parse_quantity

    three_tenths = parse_quantity("三成")
    assert implied_target(1000, three_tenths, 2) == pytest.approx(1690.0)  # 1000 * 1.3 ** 2
    assert implied_base(1690, three_tenths, 2) == pytest.approx(1000.0)
    # log 2 / log 1.3 = 0.693147 / 0.262364 = 2.641927
    assert doubling_time(three_tenths) == pytest.approx(2.641927, abs=1e-6)
    assert list(project(100, parse_quantity("2成"), 2)) == pytest.approx([100, 120, 144])
    # a range of tenths is a range of percent: 1000 * 1.2 ** 2 = 1440 to 1000 * 1.3 ** 2 = 1690
    reached = implied_target(parse_quantity("1000亿元"), parse_quantity("两三成"), 2)
    assert (reached.low, reached.high) == (pytest.approx(1440.0), pytest.approx(1690.0))
