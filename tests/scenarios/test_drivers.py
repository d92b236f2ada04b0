"""Driver model: hand arithmetic, distributions, assumptions, bad input, gap table."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from idcforecast.errors import DataError, ModelError, SpecError
from idcforecast.scenarios.drivers import Driver, DriverModel
from idcforecast.scenarios.gap import reconciliation_table


def test_tencent_500bn_to_mw_and_racks_by_hand() -> None:
    # 500 billion yuan = 5e11 yuan.
    #   at RMB 50 m/MW: 5e11 / 5e7 = 10,000 MW;  at RMB 20 m/MW: 5e11 / 2e7 = 25,000 MW.
    #   racks at 2.5 kW: 10,000 MW * 1,000 kW/MW / 2.5 = 4,000,000; 25,000 MW -> 10,000,000.
    model = DriverModel(
        capex="500 billion yuan",
        capex_per_mw=(20e6, 50e6),
        kw_per_rack=2.5,
        sources={"capex": "Tencent, 2020-05-26 (SCMP)"},
    )
    ranges = model.ranges().set_index("quantity")
    assert ranges.loc["mw", ["low", "high"]].tolist() == [10_000.0, 25_000.0]
    assert ranges.loc["racks", ["low", "high"]].tolist() == [4_000_000.0, 10_000_000.0]
    draws = model.simulate(n_draws=200_000, seed=1)
    assert draws["mw"].between(10_000, 25_000).all()
    # capex/cost with cost ~ U(20m, 50m): median at cost 35m -> 5e11 / 3.5e7 = 14,285.7 MW
    # (standard error of the median cost at n = 200,000: 30m / (2 sqrt(n)) = 0.1% of 35m)
    assert np.median(draws["mw"]) == pytest.approx(14_285.7, rel=0.01)


def test_revenue_chain_by_hand() -> None:
    # 8,100,000 racks x 0.6 in use = 4,860,000; x 52,000 yuan = 2.5272e11 yuan = 2527.2 亿元
    model = DriverModel(racks=8_100_000, utilisation=0.6, revenue_per_rack=52_000)
    summary = model.summary(n_draws=10, seed=0).set_index("quantity")
    assert summary.loc["racks_occupied", "p50"] == pytest.approx(4_860_000)
    assert summary.loc["revenue", "p50"] == pytest.approx(2527.2)
    assert summary.loc["revenue", "unit"] == "CNY 100m"


def test_distributions_match_their_definitions() -> None:
    rng = np.random.default_rng(0)
    tri = Driver(name="utilisation", dist="triangular", low=0.5, value=0.6, high=0.7)
    assert tri.sample(rng, 100_000).mean() == pytest.approx(0.6, abs=0.002)  # (a+b+c)/3
    norm = Driver(name="kw_per_rack", dist="normal", low=4.0, high=6.0)
    assert np.percentile(norm.sample(rng, 200_000), [5, 95]) == pytest.approx([4, 6], abs=0.02)
    logn = Driver(name="capex_per_mw", dist="lognormal", low=20e6, high=50e6)
    got = np.percentile(logn.sample(rng, 200_000), [5, 50, 95])
    # median of a lognormal with p5 = 20m, p95 = 50m is sqrt(20m * 50m) = 31.62m
    assert got == pytest.approx([20e6, 31.62e6, 50e6], rel=0.01)


def test_same_seed_same_draws() -> None:
    model = DriverModel(capex=1e10, capex_per_mw=(2e7, 5e7), utilisation=(0.5, 0.7))
    pd.testing.assert_frame_equal(model.simulate(seed=3), model.simulate(seed=3))


def test_assumption_table_lists_every_driver_with_source() -> None:
    model = DriverModel(
        capex="500 billion yuan",
        capex_per_mw={"dist": "triangular", "low": 2e7, "mode": 4.7e7, "high": 5e7,
                      "source": "idc_sources.md s.8"},
        utilisation=0.62,
        revenue_per_rack=(4e4, 6e4),
    )  # fmt: skip
    table = model.assumptions()
    assert table["driver"].tolist() == [
        "capex", "capex_per_mw", "kw_per_rack", "utilisation", "revenue_per_rack",
    ]  # fmt: skip
    row = table.set_index("driver").loc["capex_per_mw"]
    assert (row["distribution"], row["low"], row["mode"], row["high"], row["unit"]) == (
        "triangular", 2e7, 4.7e7, 5e7, "CNY per MW",
    )  # fmt: skip
    assert row["source"] == "idc_sources.md s.8"


def test_negative_capex_and_utilisation_are_typed_errors() -> None:
    with pytest.raises(
        SpecError,
        match=re.escape(
            "driver 'capex' (fixed): -5.0 CNY is not a valid value; expected a positive number "
            "(a negative capex is meaningless)"
        ),
    ):
        DriverModel(capex=-5.0, capex_per_mw=2e7)
    with pytest.raises(
        SpecError,
        match=re.escape(
            "driver 'utilisation' (uniform): -0.1 fraction is not a valid value; expected a "
            "number in (0, 1] (a negative utilisation is meaningless)"
        ),
    ):
        DriverModel(racks=100, utilisation=(-0.1, 0.5))
    with pytest.raises(
        SpecError,
        match=re.escape("driver 'utilisation' (fixed): 1.2 fraction is not a valid value"),
    ):
        DriverModel(racks=100, utilisation=1.2)


def test_other_bad_specs() -> None:
    with pytest.raises(
        SpecError,
        match=re.escape(
            "DriverModel: capacity needs racks, mw, or capex together with capex_per_mw; found "
            "capex='500亿元', capex_per_mw=None"
        ),
    ):
        DriverModel(capex="500亿元")
    with pytest.raises(
        SpecError,
        match=re.escape(
            "driver 'kw_per_rack' (normal): the range 0.5-5.0 as p5-p95 puts noticeable "
            "probability outside the valid values; use 'lognormal' or 'triangular'"
        ),
    ):
        DriverModel(racks=None, capex=1e9, capex_per_mw=2e7,
                    kw_per_rack={"dist": "normal", "low": 0.5, "high": 5.0})  # fmt: skip
    with pytest.raises(
        SpecError,
        match=re.escape(
            "driver 'capex_per_mw' (uniform): expected low < high (and low <= mode <= high); "
            "found low 50000000.0, mode None, high 20000000.0"
        ),
    ):
        DriverModel(capex=1e9, capex_per_mw=(5e7, 2e7))


def test_reconciliation_table_against_a_forecast_frame() -> None:
    # bottom-up: 5,200,000 racks x 0.55 x 52,000 yuan = 1.4872e11 yuan = 1487.2 亿元
    model = DriverModel(racks=5_200_000, utilisation=0.55, revenue_per_rack=52_000)
    forecast = pd.DataFrame({
        "series_id": "x", "year": [2021, 2022], "model": "auto", "mean": [1500.0, 1800.0],
        "lo_80": [1400.0, 1600.0], "hi_80": [1600.0, 2000.0], "unit": "CNY 100m",
    })  # fmt: skip
    row = reconciliation_table(model, forecast, year=2021).iloc[0]
    assert row["bottom_up_p50"] == pytest.approx(1487.2)
    assert row["gap"] == pytest.approx(-12.8)  # 1487.2 - 1500
    assert row["gap_pct"] == pytest.approx(-12.8 / 15)  # percent of 1500
    assert (row["top_down_lo_80"], row["top_down_hi_80"]) == (1400.0, 1600.0)
    with pytest.raises(
        DataError,
        match=re.escape(
            "reconciliation_table: the top-down frame has no row for 2030 (years 2021, 2022); "
            "pick one of them"
        ),
    ):
        reconciliation_table(model, forecast, year=2030)
    with pytest.raises(
        DataError,
        match=re.escape(
            "reconciliation_table: the top-down frame is in 'CNY 100m' but the table unit is "
            "'CNY bn'; pass unit='CNY 100m'"
        ),
    ):
        reconciliation_table(model, forecast, year=2021, unit="CNY bn")


def test_bundled_assumptions_are_sourced_and_their_arithmetic_holds() -> None:
    from idcforecast.scenarios.drivers import DRIVER_UNITS, driver_assumptions

    table = driver_assumptions()
    assert set(table["driver"]) <= set(DRIVER_UNITS)
    assert not table["source"].isna().any()
    assert (table["unit"] == table["driver"].map(lambda d: DRIVER_UNITS[d][0])).all()
    capex = table[table["driver"] == "capex_per_mw"].set_index("applies_to")
    # national plan: 7e11 yuan / (14.0m - 8.1m racks) = 118,644 yuan/rack; / 2.5 kW = 47.46m/MW
    assert capex.loc["China national plan to 2025", "mode"] == pytest.approx(
        7e11 / 5.9e6 / 2.5e-3, rel=1e-3
    )
    # 奥飞数据: 4e9 yuan / 210 MW = 19.05m; / 150 MW = 26.67m
    row = capex.loc["奥飞数据 Langfang (2021)"]
    assert (row["low"], row["high"]) == pytest.approx((4e9 / 210, 4e9 / 150), rel=2e-3)
    # 1.5e11 yuan / (5.2e6 racks x 0.55) = 52,448 yuan per used rack
    revenue = table[table["driver"] == "revenue_per_rack"]["mode"].dropna().iloc[0]
    assert revenue == pytest.approx(1.5e11 / (5.2e6 * 0.55), rel=1e-3)


def test_reconciliation_table_takes_a_real_forecast_frame() -> None:
    from idcforecast.datasets import load_dataset
    from idcforecast.forecasting import forecast

    data = load_dataset("china_idc_market")
    fc = forecast(data[data["series_id"] == "china_idc_cidc_overall"], 3)
    model = DriverModel(racks=8_100_000, utilisation=0.6, revenue_per_rack=60_000)
    row = reconciliation_table(model, fc, year=2025).iloc[0]
    expected = fc[fc["year"] == 2025].iloc[0]
    assert row["top_down"] == expected["mean"]
    assert (row["top_down_lo_80"], row["top_down_hi_80"]) == (expected["lo_80"], expected["hi_80"])
    # 8.1e6 x 0.6 x 60,000 yuan = 2.916e11 yuan = 2916 亿元 (all drivers fixed)
    assert row["bottom_up_p50"] == pytest.approx(2916.0)
    assert row["gap"] == pytest.approx(2916.0 - expected["mean"])


def test_text_rates_convert_to_the_driver_units() -> None:
    # Was IncompatibleUnitsError: text was converted to plain "CNY" whatever the driver.
    # "RMB 20 m per MW" = 2e7 CNY/MW; a text range is the uniform driver, not its midpoint:
    #   5e11 / 5e7 = 10,000 MW and 5e11 / 2e7 = 25,000 MW (as with the tuple above).
    model = DriverModel(capex="500 billion yuan", capex_per_mw="RMB 20–50 m per MW")
    driver = model.drivers["capex_per_mw"]
    assert (driver.dist, driver.low, driver.high) == ("uniform", 20e6, 50e6)
    ranges = model.ranges().set_index("quantity")
    assert ranges.loc["mw", ["low", "high"]].tolist() == [10_000.0, 25_000.0]
    tupled = DriverModel(
        capex="500 billion yuan", capex_per_mw=("RMB 20 m per MW", "RMB 50 m per MW")
    )
    assert tupled.drivers["capex_per_mw"].bounds() == (20e6, 50e6)
    # per rack, at the model's own density: 11.9万元 per rack / 6 kW = 119,000 / 0.006 MW
    #   = 19,833,333.3 CNY/MW (at the 2.5 kW default it would be 47.6 m: density matters)
    per_rack = DriverModel(
        capex="500亿元", capex_per_mw="11.9万元每架", kw_per_rack="6 kW per rack"
    )
    assert per_rack.drivers["capex_per_mw"].value == pytest.approx(119_000 / 0.006, rel=1e-12)
    assert per_rack.drivers["kw_per_rack"].value == 6.0
    assert list(per_rack.drivers) == ["capex", "capex_per_mw", "kw_per_rack"]
    # revenue per rack per month x 12: 9,486 x 12 = 113,832 yuan per rack per year;
    # 520万 racks = 5.2e6; 55% in use = 2.86e6; revenue 2.86e6 x 113,832 = 3.2555952e11 yuan
    revenue = DriverModel(
        racks="520万架", utilisation="55%", revenue_per_rack="9,486 yuan per rack per month"
    )
    assert revenue.drivers["revenue_per_rack"].value == 113_832.0
    assert revenue.drivers["utilisation"].value == pytest.approx(0.55, rel=1e-15)
    out = revenue.ranges().set_index("quantity")
    assert out.loc["revenue", "low"] == pytest.approx(3.2555952e11, rel=1e-12)


def test_text_driver_errors_name_the_driver_and_the_fix() -> None:
    with pytest.raises(
        SpecError,
        match=re.escape(
            "driver 'capex_per_mw': figure text '11.9万元每架' is in 'CNY 10k/racks'; converting "
            "it to 'CNY/MW' needs one rack density, but kw_per_rack is not a single number "
            "here; give kw_per_rack as a number or the figure in 'CNY/MW' (e.g. 'RMB 20-50 m "
            "per MW')"
        ),
    ):
        DriverModel(capex="500亿元", capex_per_mw="11.9万元每架", kw_per_rack=(5, 8.4))
    with pytest.raises(
        SpecError,
        match=re.escape(
            "driver 'revenue_per_rack': figure text '5万元 per rack' in 'CNY 10k/racks': cannot "
            "convert 'CNY 10k/racks' (money/racks) to 'CNY/racks/year' (money/racks/time)"
        ),
    ) as caught:
        DriverModel(racks=100, utilisation=0.6, revenue_per_rack="5万元 per rack")
    assert str(caught.value).endswith(
        "write it in CNY per rack per year, e.g. '9,486 yuan per rack per month'"
    )
    with pytest.raises(
        SpecError,
        match=re.escape(
            "driver 'capex_per_mw': figure text 'RMB 20–50 m per MW' is a range where one "
            "number is expected; give the range as the whole driver (capex_per_mw='RMB 20–50 "
            "m per MW' reads as uniform low-high) or split it into low and high"
        ),
    ):
        DriverModel(
            capex="500亿元",
            capex_per_mw={
                "dist": "triangular",
                "low": 2e7,
                "mode": "RMB 20–50 m per MW",
                "high": 5e7,
            },
        )
    with pytest.raises(SpecError, match=re.escape("driver 'capex': figure text 'abc' is not a")):
        DriverModel(capex="abc", capex_per_mw=2e7)
    with pytest.raises(
        SpecError,
        match=re.escape(
            "driver 'utilisation' (fixed): 1.55 fraction is not a valid value; expected a "
            "number in (0, 1] (a share above 1 is more than all racks; write 61.9% as '61.9%' "
            "or 0.619)"
        ),
    ):
        DriverModel(racks=100, utilisation="155%")


def test_summary_revenue_unit_errors_name_the_argument() -> None:
    # Was a bare MissingFxRateError/IncompatibleUnitsError that never named revenue_unit.
    model = DriverModel(racks=100, utilisation=0.5, revenue_per_rack=52_000)
    with pytest.raises(SpecError) as caught:
        model.summary(n_draws=10, seed=1, revenue_unit="USD bn")
    message = str(caught.value)
    assert message.startswith(
        "DriverModel.summary: revenue_unit 'USD bn' cannot express revenue (CNY): converting "
        "CNY->USD needs a year"
    )
    assert message.endswith("; give the model a year for the FX rate (DriverModel(..., year=2024))")
    with pytest.raises(SpecError) as caught:
        model.summary(n_draws=10, seed=1, revenue_unit="MW")
    assert str(caught.value).endswith("; pass a money unit such as 'CNY 100m' or 'USD bn'")
    # the default unit needs no FX: 100 racks x 0.5 x 52,000 yuan = 2,600,000 yuan = 0.026
    # 亿元 (the price was 1,000 yuan a year, which now gets a note as a likely monthly slip)
    assert model.summary(n_draws=10, seed=1).set_index("quantity").loc["revenue", "p50"] == (
        pytest.approx(0.026, rel=1e-12)
    )


def test_reconciliation_table_reads_a_top_down_figure() -> None:
    # Was: AttributeError: 'str' object has no attribute 'columns'
    m = DriverModel(racks=5_000_000, utilisation=0.6, revenue_per_rack=50_000)
    # 1600亿元 = 1600 CNY 100m; US$22 bn at the 2021 average 6.4508 = 141.92 CNY bn
    assert reconciliation_table(m, "1600亿元", year=2021)["top_down"].iloc[0] == 1600.0
    usd = reconciliation_table(m, "US$22 bn", year=2021)["top_down"].iloc[0]
    assert usd == pytest.approx(22 * 6.4508 * 10)
    with pytest.raises(DataError, match=re.escape("top_down '1500-1700亿元' is a range")):
        reconciliation_table(m, "1500-1700亿元", year=2021)
    with pytest.raises(DataError, match="top_down must be a number in the table unit, a figure"):
        reconciliation_table(m, [1600.0], year=2021)  # type: ignore[arg-type]


def test_reconciliation_table_takes_a_history_frame_with_a_unit_column() -> None:
    # a frame has .unit and .value (its columns): it must not be read as a figure
    m = DriverModel(racks=5_000_000, utilisation=0.6, revenue_per_rack=50_000)
    history = pd.DataFrame({"year": [2021], "value": [1600.0], "unit": ["CNY 100m"]})
    assert reconciliation_table(m, history, year=2021)["top_down"].iloc[0] == 1600.0
    from idcforecast.units import Quantity

    assert reconciliation_table(m, Quantity(1600.0, "亿元"), year=2021)["top_down"].iloc[0] == 1600


@pytest.mark.parametrize(
    ("kwargs", "shown"),
    [
        ({"capex": "5000亿元", "capex_per_mw": (20, 50)}, "20.0 CNY per MW is implausibly small"),
        (
            {"racks": 1e6, "utilisation": 0.6, "revenue_per_rack": 50},
            "50.0 CNY per rack per year is implausibly small",
        ),
    ],
)
def test_a_driver_in_millions_or_thousands_by_mistake_is_refused(kwargs: dict, shown: str) -> None:
    # Was: capex_per_mw=(20, 50), meant as RMB 20-50 m per MW, gave 10-25 billion MW
    with pytest.raises(SpecError, match=re.escape(shown)):
        DriverModel(**kwargs)


def test_overlap_compares_the_ranges_when_the_top_down_figure_has_an_interval() -> None:
    # uat13: a bottom-up 5-95% range inside a forecast's 80% interval read "overlap False",
    # as only the forecast's mean (outside the range) was compared.
    # 5,000,000 racks x 0.6 x RMB 50,000 = RMB 150 bn = 1500 x 100m (a point: p5 = p95)
    m = DriverModel(racks=5_000_000, utilisation=0.6, revenue_per_rack=50_000)
    fc = pd.DataFrame({"year": [2021], "mean": [1800.0], "lo_80": [1400.0], "hi_80": [2300.0]})
    row = reconciliation_table(m, fc, year=2021).iloc[0]
    assert (row["bottom_up_p50"], row["top_down"], bool(row["overlap"])) == (1500.0, 1800.0, True)
    far = fc.assign(lo_80=1600.0)
    assert not reconciliation_table(m, far, year=2021)["overlap"].iloc[0]
    assert not reconciliation_table(m, 1800.0, year=2021)["overlap"].iloc[0]  # a point


# --- uat14 ---


@pytest.mark.parametrize(
    ("kwargs", "name", "text"),
    [
        (
            {"capex": "more than 500 billion yuan", "capex_per_mw": (20e6, 50e6)},
            "capex",
            "more than 500 billion yuan",
        ),
        ({"racks": "超过520万标准机架"}, "racks", "超过520万标准机架"),
    ],
)
def test_a_bound_as_a_driver_is_an_error(kwargs: dict, name: str, text: str) -> None:
    # was: read as the figure itself, so ranges() gave 10,000-25,000 MW (and 5.2 m racks
    # to 5.2 m) as if the "more than" had not been written
    with pytest.raises(
        SpecError,
        match=re.escape(
            f"driver {name!r}: figure text {text!r} is a bound (its lower end only), but a "
            "driver is a value or a range"
        ),
    ):
        DriverModel(**kwargs)


def test_an_about_figure_is_still_a_driver() -> None:
    # 约5000亿元 / (20-50 m yuan per MW) = 500e9 / 50e6 to 500e9 / 20e6 = 10,000-25,000 MW
    model = DriverModel(capex="约5000亿元", capex_per_mw=(20e6, 50e6))
    assert model.ranges()[["low", "high"]].iloc[0].tolist() == [10_000.0, 25_000.0]


def test_figure_text_converts_through_kw_per_rack_when_racks_are_given() -> None:
    # was: "needs one rack density, but kw_per_rack is not a single number here" though
    # kw_per_rack=6 was given (it was dropped whenever racks were given).
    # 1,000 yuan per kW per month at 6 kW a rack = 1,000 * 6 * 12 = 72,000 yuan a rack a year
    model = DriverModel(
        racks=1000, kw_per_rack=6, utilisation=0.6, revenue_per_rack="1000 yuan per kW per month"
    )
    assert model.drivers["revenue_per_rack"].value == pytest.approx(72_000.0)
    assert "kw_per_rack" not in model.drivers  # no driver of the chain: racks are given
    # racks in use 1000 * 0.6 = 600; revenue 600 * 72,000 = 43.2 m yuan
    assert model.ranges().set_index("quantity").loc["revenue", "low"] == pytest.approx(43.2e6)
    # 800 MW at 6 kW a rack = 800,000 / 6 = 133,333.3 racks
    racks = DriverModel(racks="800 MW", kw_per_rack=6).drivers["racks"].value
    assert racks == pytest.approx(800_000 / 6, rel=1e-9)


def test_a_density_range_still_refuses_per_kw_text_when_racks_are_given() -> None:
    with pytest.raises(SpecError, match="kw_per_rack is not a single number here"):
        DriverModel(
            racks=1000,
            kw_per_rack=(4, 8),
            utilisation=0.6,
            revenue_per_rack="1000 yuan per kW per month",
        )


def test_the_module_docstrings_per_rack_text_reads() -> None:
    # the module docstring offered "11.9万元每架", which has no period and is refused;
    # it now shows "11.9万元每架每年": 11.9 * 10,000 = 119,000 yuan a rack a year
    model = DriverModel(racks=1000, utilisation=0.6, revenue_per_rack="11.9万元每架每年")
    assert model.drivers["revenue_per_rack"].value == pytest.approx(119_000.0)


def test_numpy_scalars_are_numbers() -> None:
    # scen25: np.int64 (an integer column's cell) and np.float32 were refused with
    # "expected a number or figure text; found np.int64(30000000)"
    # 5e11 yuan / 3e7 yuan per MW = 16,666.67 MW; x 1000 / 2.5 kW = 6,666,666.7 racks
    model = DriverModel(capex=np.float32(5e11), capex_per_mw=np.int64(30_000_000))
    ranges = model.ranges().set_index("quantity")
    assert ranges.loc["mw", "low"] == pytest.approx(5e11 / 3e7)
    assert ranges.loc["racks", "high"] == pytest.approx(5e11 / 3e7 * 1000 / 2.5)
    ranged = DriverModel(racks=(np.int64(1_000_000), np.int64(2_000_000)))
    assert ranged.ranges()["high"].tolist() == [2_000_000.0]
    # a top-down figure from a numpy array: 1,000,000 x 0.5 x 40,000 = 2e10 yuan = 200 亿元
    m = DriverModel(racks=1_000_000, utilisation=0.5, revenue_per_rack=40_000)
    row = reconciliation_table(m, np.int64(250), year=2022).iloc[0]
    assert (row["bottom_up_p50"], row["gap"]) == (pytest.approx(200.0), pytest.approx(-50.0))
    with pytest.raises(
        SpecError, match=re.escape("driver 'racks': expected a number or figure text; found")
    ):
        DriverModel(racks=np.bool_(True))


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"racks": 100, "utilisation": 0},
            "driver 'utilisation' (fixed): 0.0 fraction is not a valid value; expected a "
            "number in (0, 1] (0 makes every quantity after it 0)",
        ),
        (
            {"capex": 1e9, "capex_per_mw": 0},
            "driver 'capex_per_mw' (fixed): 0.0 CNY per MW is not a valid value; expected a "
            "positive number (dividing by 0 gives infinite capacity)",
        ),
        (
            {"capex": float("nan"), "capex_per_mw": 2e7},
            "driver 'capex' (fixed): nan CNY is not a valid value; expected a positive number "
            "(NaN or infinity is no assumption)",
        ),
    ],
)
def test_zero_and_nan_drivers_are_not_called_negative(kwargs: dict, message: str) -> None:
    # scen25: 0 and NaN were refused as "a negative utilisation is meaningless"
    with pytest.raises(SpecError, match=re.escape(message)):
        DriverModel(**kwargs)


def test_summary_and_reconciliation_table_are_reproducible_by_default() -> None:
    # scen25: seed defaulted to None, so two calls of model.summary() printed different
    # quantiles and a report's bottom-up figures could not be reproduced
    model = DriverModel(racks=(4e6, 6e6), utilisation=(0.5, 0.7), revenue_per_rack=52_000)
    pd.testing.assert_frame_equal(model.summary(), model.summary())
    pd.testing.assert_frame_equal(model.summary(), model.summary(seed=0))
    pd.testing.assert_frame_equal(
        reconciliation_table(model, 1500.0, year=2022),
        reconciliation_table(model, 1500.0, year=2022, seed=0),
    )
    # seed=None stays available: fresh entropy (continuous draws: equal only by accident)
    assert not model.simulate(seed=None).equals(model.simulate(seed=None))


@pytest.mark.parametrize("seed", [-1, 1.5, "7", True])
def test_a_bad_driver_seed_is_a_typed_error(seed: object) -> None:
    # scen25: -1 raised NumPy's bare ValueError, 1.5 and "7" a bare TypeError
    model = DriverModel(racks=(4e6, 6e6))
    with pytest.raises(
        ModelError,
        match=re.escape(
            f"seed must be a whole number 0 or more, or None; got {seed!r}; e.g. seed=7"
        ),
    ):
        model.summary(seed=seed)  # type: ignore[arg-type]


def test_capex_per_mw_beside_racks_is_refused() -> None:
    # scen25: DriverModel(racks=..., capex_per_mw=...) dropped capex_per_mw in silence
    with pytest.raises(
        SpecError,
        match=re.escape(
            "DriverModel: capex_per_mw converts capex into MW, and racks are given directly, "
            "so it would be ignored (found racks=1000000.0, capex_per_mw=(20000000.0, "
            "50000000.0)); drop capex_per_mw, or give capex (with capex_per_mw) instead of racks"
        ),
    ):
        DriverModel(racks=1e6, capex_per_mw=(20e6, 50e6))


def test_a_bare_number_in_text_is_in_the_drivers_unit() -> None:
    # scen25: "1,000,000" racks, "0.62" utilisation (a text column of a CSV) were refused with
    # "cannot convert 'count' (count) to 'racks': there is no conversion between count and racks"
    # revenue: 1,000,000 racks x 0.62 x 52,400 yuan = 3.2488e10 yuan
    model = DriverModel(racks="1,000,000", utilisation="0.62", revenue_per_rack="52,400")
    assert model.ranges().set_index("quantity")["high"].to_dict() == {
        "racks": 1_000_000.0,
        "racks_occupied": pytest.approx(620_000.0),
        "revenue": pytest.approx(3.2488e10),
    }
    ranged = DriverModel(racks=1e6, utilisation="0.55-0.65").ranges().set_index("quantity")
    assert ranged.loc["racks_occupied", ["low", "high"]].tolist() == pytest.approx([550e3, 650e3])
    # a magnitude word without a unit says what to write
    with pytest.raises(
        SpecError,
        match=re.escape(
            "driver 'racks': figure text '520万' has a magnitude word but no unit (a count, "
            "'count 10k'); write the unit after it, as in '520万架', or pass a number in racks"
        ),
    ):
        DriverModel(racks="520万")


def test_a_source_for_a_driver_not_given_is_refused() -> None:
    # scen25: sources={"revenue_per_rack": ...} without revenue_per_rack was dropped in silence
    # (the assumptions table lost the source, the model its revenue, without a word)
    with pytest.raises(
        SpecError,
        match=re.escape(
            "DriverModel: sources documents 'revenue_per_rack', which is not given (the model "
            "has kw_per_rack, racks, utilisation); give revenue_per_rack= as well, or drop its "
            "source"
        ),
    ):
        DriverModel(racks=1e6, utilisation=0.6, sources={"revenue_per_rack": "VNET KPIs"})


def test_occupied_racks_are_not_called_racks_in_use() -> None:
    # scen26: racks x utilisation was 'racks_in_use', the name of the bundled series of MIIT's
    # installed racks "in use" (在用机架, china_racks_in_use), which is this model's 'racks':
    # 5,200,000 installed racks at 55% occupied are 2,860,000 occupied racks, not 5.2m in use
    model = DriverModel(racks=5_200_000, utilisation=0.55, revenue_per_rack=52_400)
    assert model.quantities == ("racks", "racks_occupied", "revenue")
    assert model.ranges()["quantity"].tolist() == ["racks", "racks_occupied", "revenue"]
    assert model.summary(n_draws=10)["quantity"].tolist() == ["racks", "racks_occupied", "revenue"]
    draws = model.simulate(n_draws=10)
    assert draws["racks_occupied"].tolist() == pytest.approx([2_860_000.0] * 10)
    # the former column name still works in the draws, with the same values
    assert draws["racks_in_use"].tolist() == draws["racks_occupied"].tolist()


def test_a_single_bundled_figure_sits_in_mode_unless_it_is_a_bound() -> None:
    # scen26: CAICT's end-2017 utilisation 52.8% (a figure, not a bound) sat in 'low', as if
    # it were "more than 52.8%"; the docstring says a single figure sits in 'mode'
    from idcforecast.scenarios.drivers import driver_assumptions

    table = driver_assumptions()
    given = table[["low", "mode", "high"]].notna()
    single = table[given.sum(axis=1) == 1]
    misplaced = single[~given.loc[single.index, "mode"]]
    bounds = misplaced["derivation"].fillna("").str.contains("bound")
    assert misplaced[~bounds]["applies_to"].tolist() == []
    assert misplaced[bounds]["applies_to"].tolist() == ["China national (end-2021)"]


@pytest.mark.parametrize("dist", ["normal", "lognormal"])
def test_a_share_drawn_above_one_is_refused_for_lognormal_too(dist: str) -> None:
    # scen26: utilisation lognormal with p5 0.9, p95 0.99 drew shares above 1: in logs
    # mu = (ln 0.9 + ln 0.99) / 2 = -0.05771, sd = (ln 0.99 - ln 0.9) / (2 x 1.6449) = 0.02897,
    # P(share > 1) = P(Z > 0.05771 / 0.02897 = 1.99) = 2.3%; and the refusal of a normal
    # there advised 'lognormal'
    with pytest.raises(
        SpecError,
        match=re.escape(
            f"driver 'utilisation' ({dist}): the range 0.9-0.99 as p5-p95 puts noticeable "
            "probability outside the valid values; use 'triangular' or 'uniform' (they stay "
            "within low-high)"
        ),
    ):
        DriverModel(racks=1e6, utilisation={"dist": dist, "low": 0.9, "high": 0.99})
    # what the old lognormal drew: 2.3% above 1 (standard error at n = 100,000: 0.05%)
    draws = Driver(name="utilisation", dist="lognormal", low=0.9, high=0.99).sample(
        np.random.default_rng(0), 100_000
    )
    assert (draws > 1).mean() == pytest.approx(0.0233, abs=0.002)
    # a lognormal well inside (0, 1] stays accepted: 0.3-0.5, exp(mu + 5 sd) = 0.84
    ok = DriverModel(racks=1e6, utilisation={"dist": "lognormal", "low": 0.3, "high": 0.5})
    assert ok.ranges().set_index("quantity").loc["racks_occupied", "high"] == 500_000.0


def test_a_mode_given_without_dist_triangular_is_refused_not_dropped() -> None:
    # {"low", "mode", "high"} without dist was a uniform 20-50 m, the mode dropped: its mean
    # (20 + 50) / 2 = 35 m, not the triangular's (20 + 47 + 50) / 3 = 39 m the mode says
    with pytest.raises(SpecError, match=re.escape(
        "driver 'capex_per_mw' (uniform): mode 47000000.0 given, but a uniform driver uses "
        "only low, high, so it would be ignored; for a peak at the mode use "
        "dist='triangular', or drop mode"
    )):  # fmt: skip
        DriverModel(capex=5e11, capex_per_mw={"low": 20e6, "mode": 47e6, "high": 50e6})
    with pytest.raises(SpecError, match="so it would be ignored"):
        DriverModel(capex=5e11, capex_per_mw={"dist": "lognormal", "low": 20e6,
                                              "value": 30e6, "high": 50e6})  # fmt: skip
    # with dist="triangular" the mode is kept
    ok = DriverModel(capex=5e11, capex_per_mw={"dist": "triangular", "low": 20e6,
                                               "mode": 47e6, "high": 50e6})  # fmt: skip
    assert ok.drivers["capex_per_mw"].value == 47e6


def test_a_range_given_to_a_fixed_driver_is_refused_not_dropped() -> None:
    # dist="fixed" with low and high gave one number: ranges() had low == high
    with pytest.raises(SpecError, match=re.escape(
        "driver 'capex' (fixed): low 400000000000.0 and high 600000000000.0 given, but a "
        "fixed driver uses only value, so they would be ignored; for a range use "
        "dist='uniform'"
    )):  # fmt: skip
        DriverModel(capex={"dist": "fixed", "value": 5e11, "low": 4e11, "high": 6e11},
                    capex_per_mw=30e6)  # fmt: skip
    with pytest.raises(SpecError, match="so it would be ignored"):
        DriverModel(capex=Driver(name="capex", value=5e11, high=6e11), capex_per_mw=30e6)


def test_mode_and_value_that_differ_are_refused() -> None:
    # the mode won and the value was dropped in silence
    with pytest.raises(SpecError, match=re.escape(
        "driver 'capex': both mode 500000000000.0 and value 450000000000.0 given"
    )):  # fmt: skip
        DriverModel(capex={"dist": "triangular", "low": 4e11, "mode": 5e11, "value": 4.5e11,
                           "high": 6e11}, capex_per_mw=30e6)  # fmt: skip
    same = DriverModel(capex={"dist": "triangular", "low": 4e11, "mode": 5e11, "value": 5e11,
                              "high": 6e11}, capex_per_mw=30e6)  # fmt: skip
    assert same.drivers["capex"].value == 5e11


def test_n_draws_as_a_numpy_integer_is_taken() -> None:
    # was SpecError "n_draws must be a positive integer; got np.int64(5)"
    model = DriverModel(capex=5e11, capex_per_mw=(20e6, 50e6))
    draws = model.simulate(n_draws=np.int64(5), seed=1)
    pd.testing.assert_frame_equal(draws, model.simulate(n_draws=5, seed=1))
    with pytest.raises(SpecError, match=re.escape("n_draws must be a positive integer; got")):
        model.simulate(n_draws=np.int64(0))


def test_a_price_per_kw_with_a_density_range_is_revenue_per_kw() -> None:
    # Was: racks x kW x utilisation x price per kW could not be built with an uncertain
    # density (revenue_per_rack="1000 yuan per kW per month" with kw_per_rack=(5, 8) was
    # refused: "needs one rack density"). revenue_per_kw multiplies each draw's density.
    # 1,000 yuan per kW per month = 12,000 a kW a year. 100,000 racks x 0.65 = 65,000
    # occupied; x 5 kW x 12,000 = 3.90e9 yuan, x 8 kW = 6.24e9; uniform 5-8 kW has mean
    # 6.5 kW: 65,000 x 6.5 x 12,000 = 5.07e9 yuan = 50.7 CNY 100m
    model = DriverModel(
        racks=100_000,
        kw_per_rack=(5, 8),
        utilisation=0.65,
        revenue_per_kw="1000 yuan per kW per month",
    )
    assert model.drivers["revenue_per_kw"].value == pytest.approx(12_000.0)
    assert model.drivers["kw_per_rack"].bounds() == (5.0, 8.0)  # a driver of the chain now
    revenue = model.ranges().set_index("quantity").loc["revenue"]
    assert (revenue["low"], revenue["high"]) == pytest.approx((3.90e9, 6.24e9), rel=1e-12)
    draws = model.simulate(n_draws=20_000, seed=1)
    # each draw: racks occupied x its own density x the price
    drawn_kw = draws["revenue"] / (65_000 * 12_000)
    assert drawn_kw.min() >= 5.0 and drawn_kw.max() <= 8.0
    summary = model.summary(n_draws=20_000, seed=1).set_index("quantity")
    # the mean of 20,000 draws within 4 standard errors: sd of uniform 5-8 is 3 / sqrt(12) =
    # 0.866 kW, SE 0.866 / sqrt(20,000) = 0.0061 kW = 65,000 x 12,000 x 0.0061 / 1e8 = 0.048
    # CNY 100m; 4 SE = 0.19
    assert summary.loc["revenue", "mean"] == pytest.approx(50.7, abs=0.19)


def test_revenue_per_kw_through_capex_cancels_the_density() -> None:
    # 500 bn yuan at 20-50 m per MW = 10,000-25,000 MW; revenue = MW x 1,000 kW x 0.65 x
    # 12,000 whatever the rack density: 7.8e10 to 1.95e11 yuan
    model = DriverModel(
        capex="500 billion yuan",
        capex_per_mw=(20e6, 50e6),
        kw_per_rack=(5, 8),
        utilisation=0.65,
        revenue_per_kw=12_000,
    )
    revenue = model.ranges().set_index("quantity").loc["revenue"]
    assert (revenue["low"], revenue["high"]) == pytest.approx((7.8e10, 1.95e11), rel=1e-12)


def test_revenue_per_rack_and_per_kw_together_are_refused() -> None:
    with pytest.raises(SpecError) as info:
        DriverModel(racks=1000, utilisation=0.6, revenue_per_rack=72_000, revenue_per_kw=12_000)
    assert str(info.value) == (
        "DriverModel: give revenue_per_rack or revenue_per_kw, not both (found "
        "revenue_per_rack=72000, revenue_per_kw=12000); they are one price, per rack or per kW"
    )
    with pytest.raises(SpecError, match=r"revenue needs utilisation as well as revenue_per_kw$"):
        DriverModel(racks=1000, revenue_per_kw=12_000)
    # 1,000 a kW a year written as a monthly figure in thousands: 1.0 is below 10 a year
    with pytest.raises(SpecError, match=re.escape("1.0 CNY per kW per year is implausibly small")):
        DriverModel(racks=1000, utilisation=0.6, revenue_per_kw=1.0)


def test_a_per_kw_price_refused_as_revenue_per_rack_points_to_revenue_per_kw() -> None:
    with pytest.raises(SpecError) as info:
        DriverModel(
            racks=1000,
            kw_per_rack=(4, 8),
            utilisation=0.6,
            revenue_per_rack="1000 yuan per kW per month",
        )
    assert str(info.value).endswith(
        "; for a price per kW with a density range, give it as revenue_per_kw= (each draw's "
        "density multiplies it)"
    )


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"revenue_per_rack": 9486},
            "driver 'revenue_per_rack' (fixed): 9,486 CNY per rack per year is below 12,000 a "
            "year (1,000 a month); if it is a monthly price, write it as text, '9,486 yuan per "
            "rack per month' (113,832 a year), or multiply by 12",
        ),
        (
            {"revenue_per_kw": (800, 1000)},
            "driver 'revenue_per_kw' (uniform): 800 CNY per kW per year is below 1,200 a year "
            "(100 a month); if it is a monthly price, write it as text, '800 yuan per kW per "
            "month' (9,600 a year), or multiply by 12",
        ),
    ],
)
def test_a_price_that_looks_monthly_is_noted(kwargs: dict, message: str) -> None:
    # Was: 9,486 (a monthly rent typed as a number) read as 9,486 yuan a year without a
    # word, revenue a twelfth of the meant. The number is kept (a warning, not an error).
    from idcforecast.errors import ScenarioWarning

    with pytest.warns(ScenarioWarning) as caught:
        model = DriverModel(racks=1000, utilisation=0.5, **kwargs)
    assert str(caught[0].message) == message
    assert caught[0].filename == __file__
    # 1000 x 0.5 x 9,486 = 4,743,000 yuan: the number as given
    if "revenue_per_rack" in kwargs:
        assert model.ranges().set_index("quantity").loc["revenue", "low"] == 4_743_000.0


def test_a_monthly_price_as_text_is_not_noted() -> None:
    # 9,486 a month = 113,832 a year; no warning (warnings are errors in the test run)
    model = DriverModel(
        racks=1000, utilisation=0.5, revenue_per_rack="9,486 yuan per rack per month"
    )
    assert model.drivers["revenue_per_rack"].value == pytest.approx(113_832.0)


def test_racks_in_mw_with_a_density_range_are_capacity_in_mw() -> None:
    # was refused: "'300 MW' is in 'MW'; converting it to 'racks' needs one rack density".
    # 300 MW = 300,000 kW: 300,000 / 8 = 37,500 to 300,000 / 5 = 60,000 racks, x 0.6 =
    # 22,500-36,000 occupied; revenue = occupied racks x density x 12,000 yuan a kW a year
    # = 300,000 kW x 0.6 x 12,000 = 2.16e9 yuan (21.6亿元) whatever the density
    model = DriverModel(
        racks="300 MW",
        kw_per_rack=(5, 8),
        utilisation=0.6,
        revenue_per_kw="1000 yuan per kW per month",
        sources={"racks": "operator filing"},
    )
    ranges = model.ranges().set_index("quantity")
    assert ranges.index.tolist() == ["mw", "racks", "racks_occupied", "revenue"]
    np.testing.assert_allclose(
        ranges[["low", "high"]].to_numpy(),
        [[300, 300], [37_500, 60_000], [22_500, 36_000], [2.16e9, 2.16e9]],
        rtol=1e-12,
    )
    revenue = model.summary(n_draws=2000).set_index("quantity").loc["revenue"]
    np.testing.assert_allclose(revenue[["p5", "p50", "p95"]].astype(float), 21.6, rtol=1e-12)
    draws = model.simulate(n_draws=2000)  # each draw: racks x its density = 300,000 kW
    assert draws["racks"].min() >= 37_500 - 1e-6 and draws["racks"].max() <= 60_000 + 1e-6
    mw = model.drivers["mw"]
    assert (mw.value, mw.source) == (300.0, "operator filing")
    assert mw.note.startswith("given as racks='300 MW': capacity in MW")
    assert "racks" not in model.drivers and model.drivers["kw_per_rack"].dist == "uniform"


def test_racks_in_mw_with_a_density_range_and_a_price_per_rack() -> None:
    # denser racks are fewer racks: 22,500-36,000 occupied x 100,000 = 2.25e9-3.6e9 yuan
    model = DriverModel(racks="0.3 GW", kw_per_rack=(5, 8), utilisation=0.6, revenue_per_rack=1e5)
    revenue = model.ranges().set_index("quantity").loc["revenue"]
    assert (revenue["low"], revenue["high"]) == pytest.approx((2.25e9, 3.6e9), rel=1e-12)


def test_mw_given_directly() -> None:
    # (200-400 MW) x 1000 / 6 kW = 33,333.3-66,666.7 racks
    model = DriverModel(mw=(200, 400), kw_per_rack=6)
    ranges = model.ranges().set_index("quantity")
    assert ranges.loc["racks", "low"] == pytest.approx(200_000 / 6, rel=1e-12)
    assert ranges.loc["racks", "high"] == pytest.approx(400_000 / 6, rel=1e-12)
    assert DriverModel(mw="1.2 GW").drivers["mw"].value == pytest.approx(1200.0)


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"mw": 300, "racks": 1000},
            "DriverModel: give one of racks, mw or capex (with capex_per_mw) for the capacity, "
            "not racks and mw (found racks=1000, mw=300)",
        ),
        (
            {"mw": 300, "capex": "500亿元", "capex_per_mw": 3e7},
            "DriverModel: give one of racks, mw or capex (with capex_per_mw) for the capacity, "
            "not mw and capex (found mw=300, capex='500亿元')",
        ),
        (
            {"mw": 300, "capex_per_mw": 3e7},
            "DriverModel: capex_per_mw converts capex into MW, and MW are given directly, so "
            "it would be ignored (found mw=300, capex_per_mw=30000000.0); drop capex_per_mw, "
            "or give capex (with capex_per_mw) instead of mw",
        ),
    ],
)
def test_mw_with_another_capacity_is_refused(kwargs: dict, message: str) -> None:
    with pytest.raises(SpecError, match=re.escape(message) + "$"):
        DriverModel(**kwargs)


def test_an_error_in_racks_read_as_mw_says_how_it_became_mw() -> None:
    # the mw driver's own error named 'mw', a key the user never wrote
    with pytest.raises(SpecError) as info:
        DriverModel(racks="more than 300 MW", kw_per_rack=(5, 8))
    assert str(info.value).startswith(
        "racks='more than 300 MW' with a rack density range is capacity in MW, read as mw=: "
        "driver 'mw': figure text 'more than 300 MW' is a bound"
    )
    assert info.value.key == "mw"


def test_money_in_another_currency_after_the_fx_table_holds_its_last_rate() -> None:
    # DriverModel(..., year=2030) refused "US$10bn" ("no FX rate for USD->CNY in 2030"),
    # while thresholds and reconciliation_table read such a figure at the FX table's last
    # rate with a ScenarioWarning: now the same rule. The bundled table's last CNY/USD is
    # 2025's 7.1875 (data/fx_rates.csv): US$10bn = 71.875 bn yuan; at 2.5 kW racks and
    # RMB 57.5 m per MW (the 8 m USD at 7.1875): 71.875e9 / 57.5e6 = 1250 MW
    from idcforecast.errors import ScenarioWarning

    with pytest.warns(ScenarioWarning) as caught:
        model = DriverModel(capex="US$10bn", capex_per_mw="USD 8m per MW", year=2030)
    assert model.drivers["capex"].value == pytest.approx(10e9 * 7.1875, rel=1e-12)
    assert model.drivers["capex_per_mw"].value == pytest.approx(8e6 * 7.1875, rel=1e-12)
    assert model.ranges().set_index("quantity").loc["mw", "low"] == pytest.approx(1250.0)
    messages = [str(w.message) for w in caught]
    assert messages[0].startswith(
        "DriverModel: driver 'capex' 'US$10bn' in 2030: the FX table has no 2030 rate, so it "
        "is read at the 2025 rate, 7.1875 CNY per USD, the 2025 annual average of Federal "
        "Reserve G.5A (the FX table's last year for the pair; exchange rates held constant)"
    )
    assert messages[0].endswith("or give the driver in yuan (e.g. '500 billion yuan')")
    # 10e9 x 7.1875 = 71,875,000,000 yuan in whole yuan (was "7.1875e+10 CNY"), to 3
    # significant digits (10's two, three at least)
    assert (
        "exchange rates held constant): about 71,900,000,000 CNY (rounded to 3 significant "
        "digits); give a 2030"
    ) in messages[0]
    assert {w.filename for w in caught} == {__file__}  # the user's line, not the library's
    # a range converts at the same rate: US$8-12bn is 57.5-86.25 bn yuan
    with pytest.warns(ScenarioWarning):
        ranged = DriverModel(capex="US$8-12bn", capex_per_mw=5e7, year=2030)
    assert ranged.drivers["capex"].bounds() == pytest.approx((8e9 * 7.1875, 12e9 * 7.1875))


def test_summary_in_another_currency_after_the_fx_table_holds_its_last_rate() -> None:
    # 100,000 racks x 0.6 x 90,000 yuan = 5.4 bn yuan; at the 2025 rate 7.1875 that is
    # 5.4 / 7.1875 = 0.751304 USD bn. It was refused for year=2030
    from idcforecast.errors import ScenarioWarning

    model = DriverModel(racks=100_000, utilisation=0.6, revenue_per_rack=90_000, year=2030)
    with pytest.warns(ScenarioWarning) as caught:
        table = model.summary(n_draws=10, seed=1, revenue_unit="USD bn")
    assert table.set_index("quantity").loc["revenue", "p50"] == pytest.approx(5.4 / 7.1875)
    (warning,) = caught
    assert str(warning.message).startswith(
        "DriverModel.summary: the revenue (median) in 2030: the FX table has no 2030 rate, so "
        "it is read at the 2025 rate"
    )
    assert warning.filename == __file__
    # a year the table covers converts at its own rate, without a word: 2024's 7.1957
    covered = DriverModel(racks=100_000, utilisation=0.6, revenue_per_rack=90_000, year=2024)
    revenue = covered.summary(n_draws=10, seed=1, revenue_unit="USD bn")
    assert revenue.set_index("quantity").loc["revenue", "p50"] == pytest.approx(5.4 / 7.1957)


@pytest.mark.parametrize("year", ["2030", 2030.0, np.int64(2030)])
def test_a_model_year_written_as_text_or_a_float_is_the_year(year: object) -> None:
    # "2030" and 2030.0 raised a bare TypeError from the constant-rate fallback (year - 1)
    from idcforecast.errors import ScenarioWarning

    with pytest.warns(ScenarioWarning, match="read at the 2025 rate"):
        model = DriverModel(capex="US$10bn", capex_per_mw=5e7, year=year)  # type: ignore[arg-type]
    assert model.year == 2030 and type(model.year) is int
    assert model.drivers["capex"].value == pytest.approx(10e9 * 7.1875, rel=1e-12)


@pytest.mark.parametrize("year", [2024.5, True, "next year", float("nan")])
def test_a_model_year_that_is_no_year_is_refused(year: object) -> None:
    message = (
        "DriverModel: year must be a whole year such as 2024 (the year whose FX rate converts "
        f"the model's money in other currencies), or None; got {year!r}"
    )
    with pytest.raises(SpecError, match=re.escape(message)):
        DriverModel(racks=100, utilisation=0.5, year=year)  # type: ignore[arg-type]


def test_the_default_rack_density_names_its_source() -> None:
    # analyst55: the README's DriverModel(capex="500 billion yuan", capex_per_mw=(20e6, 50e6))
    # turned 10,000-25,000 MW into 4-10 million racks at 2.5 kW (10,000 MW x 1000 / 2.5 =
    # 4,000,000) while its assumptions() row for kw_per_rack had a blank source: the
    # national standard rack (driver_assumptions.csv: CAICT, "按照标准机架2.5kW统计")
    model = DriverModel(capex="500 billion yuan", capex_per_mw=(20e6, 50e6))
    row = model.assumptions().set_index("driver").loc["kw_per_rack"]
    assert (row["low"], row["high"]) == (2.5, 2.5)
    assert row["source"].startswith("CAICT/MIIT standard rack: national statistics count")
    assert model.ranges()["high"].tolist() == [25000.0, 10_000_000.0]
    # another density, or the user's own source, is the user's
    other = DriverModel(capex="500 billion yuan", capex_per_mw=2e7, kw_per_rack=6)
    assert other.assumptions().set_index("driver").loc["kw_per_rack", "source"] == ""
    own = DriverModel(
        capex="500 billion yuan", capex_per_mw=2e7, sources={"kw_per_rack": "my survey"}
    )
    assert own.assumptions().set_index("driver").loc["kw_per_rack", "source"] == "my survey"
