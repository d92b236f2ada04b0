"""Bottom-up against top-down (idcforecast.scenarios.gap): the uat14 findings."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from idcforecast.errors import DataError, SpecError
from idcforecast.scenarios.drivers import DriverModel
from idcforecast.scenarios.gap import reconciliation_table

# racks in use 5,000,000 * 0.6 = 3,000,000; revenue 3,000,000 * 50,000 = 150e9 yuan = 1,500亿元
MODEL = DriverModel(racks=5_000_000, utilisation=0.6, revenue_per_rack=50_000)


@pytest.mark.parametrize("top_down", [0, -1600.0, float("nan")])
def test_a_top_down_figure_that_is_no_level_is_an_error(top_down: float) -> None:
    # was: 0 raised ZeroDivisionError; -1600 gave gap_pct -193.75; NaN a row of NaN
    with pytest.raises(
        DataError,
        match=re.escape(
            f"reconciliation_table: the top-down figure for 2021 is {top_down:g} CNY 100m; "
            "expected a positive level"
        ),
    ):
        reconciliation_table(MODEL, top_down, year=2021)


def test_a_bound_as_the_top_down_figure_is_an_error() -> None:
    # was: "超过1600亿元" compared as 1600 (gap -100, overlap False as if exact)
    with pytest.raises(DataError, match=re.escape("top_down '超过1600亿元' is a bound")):
        reconciliation_table(MODEL, "超过1600亿元", year=2021)


@pytest.mark.parametrize(
    ("figure", "message"),
    [
        ("1600-1800", "top_down '1600-1800' is a range; expected one level"),
        ("1600-1800亿元", "top_down '1600-1800亿元' is a range; expected one level"),
        ("超过1600", "top_down '超过1600' is a bound, not a level"),
        ("more than 1600", "top_down 'more than 1600' is a bound, not a level"),
    ],
)
def test_a_bare_range_or_bound_is_refused_as_one_with_a_unit_is(figure: str, message: str) -> None:
    # was: "1600-1800" compared as its midpoint 1,700 (gap -200) and "超过1600" as 1,600
    # (gap -100) in silence, while "超过1600亿元" was refused as a bound
    with pytest.raises(DataError, match=re.escape(message)):
        reconciliation_table(MODEL, figure, year=2021)


def test_the_table_year_converts_the_revenue_when_the_model_has_none() -> None:
    # was: "give the model a year for the FX rate" though year=2021 was given.
    # 150e9 yuan at the 2021 average of 6.4508 CNY/USD (data/fx_rates.csv) = 23.2529 USD bn
    table = reconciliation_table(MODEL, 22.0, year=2021, unit="USD bn")
    row = table.iloc[0]
    assert row["bottom_up_p50"] == pytest.approx(150 / 6.4508, rel=1e-9)
    # gap 23.2529 - 22 = 1.2529; 1.2529 / 22 = 5.695%
    assert row["gap"] == pytest.approx(150 / 6.4508 - 22, rel=1e-9)
    assert row["gap_pct"] == pytest.approx(100 * (150 / 6.4508 - 22) / 22, rel=1e-9)


def test_a_frame_with_two_rows_for_the_year_is_an_error() -> None:
    # was: the first row (3,012.7) used, the second ignored
    frame = pd.DataFrame({"year": [2021, 2021], "value": [3012.7, 6025.4], "unit": "CNY 100m"})
    with pytest.raises(
        DataError,
        match=re.escape(
            "reconciliation_table: the top-down frame has 2 rows for 2021 (value 3012.7, "
            "6025.4); expected one"
        ),
    ):
        reconciliation_table(MODEL, frame, year=2021)


def test_a_frame_that_mixes_units_is_an_error() -> None:
    # was: only the first row's unit checked, so a USD bn row was read as CNY 100m
    frame = pd.DataFrame(
        {"year": [2022, 2023], "value": [4043.2, 71.0], "unit": ["CNY 100m", "USD bn"]}
    )
    with pytest.raises(DataError, match=re.escape("mixes units (CNY 100m, USD bn)")):
        reconciliation_table(MODEL, frame, year=2023)


def test_a_fractional_year_is_an_error() -> None:
    with pytest.raises(SpecError, match=re.escape("year must be a whole year, found 2021.5")):
        reconciliation_table(MODEL, 1600.0, year=2021.5)  # type: ignore[arg-type]


def test_the_documented_example_is_unchanged() -> None:
    # 1,500 - 1,600 = -100; -100 / 1,600 = -6.25%
    row = reconciliation_table(MODEL, 1600.0, year=2021).iloc[0]
    assert (row["bottom_up_p50"], row["gap"], row["gap_pct"]) == (1500.0, -100.0, -6.25)


def test_a_frame_unit_in_another_spelling_is_the_same_unit() -> None:
    # scen25: unit="亿元" against a frame in "CNY 100m" was refused ("pass unit='CNY 100m'")
    # bottom-up: 6,500,000 racks x 0.6 x 52,400 yuan = 2.0436e11 yuan = 2043.6 亿元;
    # gap to CAICT's 2200 (2022): -156.4, -7.109%
    model = DriverModel(racks=6_500_000, utilisation=0.6, revenue_per_rack=52_400)
    frame = pd.DataFrame({"year": [2022], "value": [2200.0], "unit": ["CNY 100m"]})
    row = reconciliation_table(model, frame, year=2022, unit="亿元").iloc[0]
    assert row["unit"] == "亿元"
    assert (row["bottom_up_p50"], row["gap"]) == (pytest.approx(2043.6), pytest.approx(-156.4))
    assert row["gap_pct"] == pytest.approx(-156.4 / 22)
    with pytest.raises(
        DataError,
        match=re.escape(
            "reconciliation_table: the top-down frame is in 'CNY 100m' but the table unit is "
            "'CNY bn'; pass unit='CNY 100m'"
        ),
    ):
        reconciliation_table(model, frame, year=2022, unit="CNY bn")


@pytest.mark.parametrize(
    ("qualifier", "value", "overlap"),
    [
        ("at_least", 1400.0, True),  # more than 1,400: the bottom-up 1,500 is allowed
        ("exact", 1400.0, False),
        ("at_most", 1400.0, False),  # at most 1,400: 1,500 is not
        ("at_most", 1600.0, True),
        ("at_least", 1600.0, False),  # more than 1,600: 1,500 falls short
    ],
)
def test_a_bound_in_a_history_frame_is_compared_as_a_bound(
    qualifier: str, value: float, overlap: bool
) -> None:
    # scen26: a history row "more than 1,400亿元" (qualifier at_least, as CAICT's 2021 and
    # 2022 figures in china_idc_market) was compared as if exact: the bottom-up 1,500 (fixed
    # drivers: p5 = p95 = 1,500) "did not meet" 1,400 though more than 1,400 allows it, and
    # the table did not say the figure was a bound
    frame = pd.DataFrame(
        {"year": [2021], "value": [value], "unit": "CNY 100m", "qualifier": [qualifier]}
    )
    row = reconciliation_table(MODEL, frame, year=2021).iloc[0]
    assert (row["overlap"], row["top_down_qualifier"]) == (overlap, qualifier)
    assert row["gap"] == 1500.0 - value  # the gap is to the bound


def test_numbers_and_forecasts_are_exact_top_down_figures() -> None:
    assert reconciliation_table(MODEL, 1600.0, year=2021).iloc[0]["top_down_qualifier"] == "exact"
    frame = pd.DataFrame({"year": [2021], "value": [1600.0], "unit": "CNY 100m"})
    assert reconciliation_table(MODEL, frame, year=2021).iloc[0]["top_down_qualifier"] == "exact"


def test_a_top_down_figure_in_another_currency_after_the_fx_table_is_read_at_its_last_rate() -> (
    None
):
    # was refused ("no FX rate for USD->CNY in 2030"), while prob_exceeds reads "US$150bn"
    # in 2030 at an earlier year's rate with a ScenarioWarning: now the same rule and the
    # same warning. 2025 is the table's last CNY/USD year, 7.1875 (data/fx_rates.csv):
    # US$30bn = 30e9 x 7.1875 = 215.625e9 yuan = 2,156.25亿元; gap 1,500 - 2,156.25
    from idcforecast.errors import ScenarioWarning

    with pytest.warns(ScenarioWarning) as caught:
        row = reconciliation_table(MODEL, "US$30bn", year=2030).iloc[0]
    assert row["top_down"] == pytest.approx(2156.25, rel=1e-12)
    assert row["gap"] == pytest.approx(1500 - 2156.25, rel=1e-12)
    assert [str(w.message) for w in caught] == [
        "reconciliation_table: top_down 'US$30bn' in 2030: the FX table has no 2030 rate, so "
        # the rate named; 2,156.25 to 3 significant digits (30's one, three at least)
        "it is read at the 2025 rate, 7.1875 CNY per USD, the 2025 annual average of Federal "
        "Reserve G.5A (the FX table's last year for the pair; exchange rates held constant): "
        "about 2,160 CNY 100m (rounded to 3 significant digits); give a 2030 rate "
        "(--fx-rates FILE, idcforecast.units.fx.use_fx_rates) to use it, or pass the "
        "top-down figure in "
        "'CNY 100m'"
    ]
    assert caught[0].filename == __file__  # the caller's line, not the package's


def test_the_bottom_up_revenue_in_another_currency_after_the_fx_table_too() -> None:
    # unit="USD bn" for 2030: the bottom-up 150e9 yuan / 7.1875 = 20.8696 USD bn (2025 rate)
    from idcforecast.errors import ScenarioWarning

    with pytest.warns(ScenarioWarning) as caught:
        row = reconciliation_table(MODEL, "US$30bn", year=2030, unit="USD bn").iloc[0]
    assert row["bottom_up_p50"] == pytest.approx(150 / 7.1875, rel=1e-12)
    assert row["top_down"] == 30.0
    assert [str(w.message) for w in caught] == [
        "reconciliation_table: the bottom-up revenue (median) in 2030: the FX table has no "
        "2030 rate, so it is read at the 2025 rate (the FX table's last year for the pair; "
        "exchange rates held constant): 20.8696 USD bn; give a 2030 rate (--fx-rates FILE, "
        "idcforecast.units.fx.use_fx_rates) to use it, or pass a unit in yuan "
        "(unit='CNY 100m')"
    ]
    assert caught[0].filename == __file__


def test_a_model_with_a_year_anchors_the_top_down_rate_too() -> None:
    # the model's year (2024, CNY/USD 7.1957) converts its revenue; the 2030 figure is read
    # at the same rate: US$30bn = 30 x 7.1957 x 10 = 2,158.71亿元
    from idcforecast.errors import ScenarioWarning

    model = DriverModel(racks=5_000_000, utilisation=0.6, revenue_per_rack=50_000, year=2024)
    with pytest.warns(
        ScenarioWarning,
        match=re.escape(
            "read at the 2024 rate, 7.1957 CNY per USD, the 2024 annual average of Federal "
            "Reserve G.5A (the driver model's year, whose rate converts its revenue;"
        ),
    ):
        row = reconciliation_table(model, "US$30bn", year=2030).iloc[0]
    assert row["top_down"] == pytest.approx(2158.71, rel=1e-12)


def test_a_model_in_the_same_year_falls_back_to_the_tables_last_rate() -> None:
    # the model's own year (2030) has no rate either: the table's last year, named as such
    from idcforecast.errors import ScenarioWarning

    model = DriverModel(racks=5_000_000, utilisation=0.6, revenue_per_rack=50_000, year=2030)
    with pytest.warns(ScenarioWarning) as caught:
        row = reconciliation_table(model, "US$30bn", year=2030).iloc[0]
    assert row["top_down"] == pytest.approx(2156.25, rel=1e-12)  # 30 x 7.1875 x 10
    assert "read at the 2025 rate, 7.1875 CNY per USD, the 2025 annual average of Federal " in str(
        caught[0].message
    )
    assert "(the FX table's last year for the pair;" in str(caught[0].message)


def test_a_year_before_the_fx_table_is_still_refused() -> None:
    # no earlier rate to hold constant: the nearest (later) year is never used
    with pytest.raises(DataError, match=re.escape("no FX rate for USD->CNY in 2005")):
        reconciliation_table(MODEL, "US$30bn", year=2005)
