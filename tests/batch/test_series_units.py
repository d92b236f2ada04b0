"""read_long_table without unit=: a series whose rows are in units that convert (MW and GW,
two currencies, racks and MW) is converted to its most common unit, as read_series converts
it (was: the series failed in forecast_many, "mixes units", while `forecast --data` read it)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from idcforecast import forecast, read_series
from idcforecast._forecast_finish import NO_SCORED_CUTOFF
from idcforecast.batch import forecast_many, read_long_table


def _csv(tmp_path: Path, text: str, name: str = "m.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


MIXED = (
    "series_id,year,value,unit\n"
    "cap,2018,800,MW\ncap,2019,950,MW\ncap,2020,1.1,GW\ncap,2021,1.3,GW\n"
    "cap,2022,1500,MW\ncap,2023,1.8,GW\n"
    "usd,2018,10,USD bn\nusd,2019,11,USD bn\nusd,2020,12,USD bn\nusd,2021,13.5,USD bn\n"
)


def test_mw_and_gw_in_one_series_are_read_in_mw_as_read_series_reads_them(
    tmp_path: Path,
) -> None:
    path = _csv(tmp_path, MIXED)
    table = read_long_table(path)
    cap = table[table["series_id"] == "cap"]
    # three rows each: the tie goes to the unit seen first, MW; 1.1 GW = 1100 MW
    assert cap["value"].tolist() == [800.0, 950.0, 1100.0, 1300.0, 1500.0, 1800.0]
    assert cap["unit"].tolist() == ["MW"] * 6
    gw = "converted from 'GW' (x1000)"
    assert cap["note"].tolist() == ["", "", gw, gw, "", gw]
    history = read_series(path)
    assert table["value"].tolist() == history["value"].tolist()
    assert table["unit"].tolist() == history["unit"].tolist()
    out = forecast_many(table, 2, method="drift", engine="serial", progress=False)
    pd.testing.assert_frame_equal(out, forecast(history, 2, method="drift"))
    # drift: 1800 + (1800 - 800) / 5 = 2000, then 2200
    assert out["mean"].tolist()[:2] == pytest.approx([2000.0, 2200.0])
    assert out["note"].tolist()[:2] == ["converted from 'GW' (x1000): 2020, 2021, 2023"] * 2
    assert out["note"].tolist()[2:] == [NO_SCORED_CUTOFF] * 2  # 4 years: no cutoff to score


def test_the_most_common_unit_wins_and_figure_text_counts(tmp_path: Path) -> None:
    # GW first but MW twice: MW, as read_series picks it; the units written in the cells
    path = _csv(tmp_path, "series_id,year,value\na,2020,1 GW\na,2021,1100 MW\na,2022,1250 MW\n")
    table = read_long_table(path)
    assert table["value"].tolist() == [1000.0, 1100.0, 1250.0]
    assert table["unit"].tolist() == ["MW"] * 3
    assert table["value"].tolist() == read_series(path)["value"].tolist()


def test_racks_and_power_convert_at_the_kw_per_rack_given(tmp_path: Path) -> None:
    text = "series_id,year,value,unit\nr,2019,100,MW\nr,2020,20000,racks\nr,2021,150,MW\n"
    path = _csv(tmp_path, text)
    table = read_long_table(path, kw_per_rack=5)
    # 20,000 racks x 5 kW = 100,000 kW = 100 MW
    assert table["value"].tolist() == [100.0, 100.0, 150.0]
    out = forecast_many(table, 1, method="drift", engine="serial", progress=False)
    assert out["status"].tolist() == ["ok"]
    assert out["note"].tolist() == [
        "converted from 'racks' (x0.005, at 5 kW per standard rack): 2020; " + NO_SCORED_CUTOFF
    ]
    pd.testing.assert_frame_equal(
        out, forecast(read_series(path, kw_per_rack=5), 1, method="drift")
    )


def test_currencies_convert_at_each_years_rate_and_a_missing_rate_fails_its_series(
    tmp_path: Path,
) -> None:
    text = (
        "series_id,year,value,unit\n"
        "m,2019,100,CNY bn\nm,2020,20,USD bn\nm,2021,150,CNY bn\n"
        "late,2019,100,CNY bn\nlate,2020,120,CNY bn\nlate,2040,30,USD bn\n"
    )
    table = read_long_table(_csv(tmp_path, text))
    # 20 USD bn x 6.9042 CNY per USD (data/fx_rates.csv, 2020)
    assert table["value"].tolist()[1] == pytest.approx(138.084)
    out = forecast_many(table, 1, method="drift", engine="serial", progress=False)
    assert out["status"].tolist() == ["ok", "failed"]
    assert out["note"].iloc[0].startswith("history converted between currencies")
    assert (
        out["note"]
        .iloc[1]
        .startswith(
            "m.csv row 7, column 'unit' (series 'late', year 2040): no FX rate for USD->CNY in 2040"
        )
    )
    assert "give your own 2040 rate" in out["note"].iloc[1]


def test_units_that_do_not_convert_fail_their_series_alone(tmp_path: Path) -> None:
    text = (
        "series_id,year,value,unit\n"
        "x,2019,1,MW\nx,2020,2,MW\nx,2021,3,USD bn\n"
        "y,2019,1,MW\ny,2020,2,MW\ny,2021,3,MW\n"
    )
    table = read_long_table(_csv(tmp_path, text))
    out = forecast_many(table, 1, method="drift", engine="serial", progress=False)
    assert out["status"].tolist() == ["failed", "ok"]
    assert out["note"].iloc[0] == (
        "series 'x' mixes 'MW' (m.csv row 2, column 'unit') and 'USD bn' (m.csv row 4, column "
        "'unit'), which do not convert into each other; expected one unit per series, or "
        "units that convert (currencies, magnitudes, racks and power); fix the unit or split "
        "the series"
    )


def test_with_a_unit_asked_an_assumed_kw_per_rack_is_named_and_a_plain_factor_is_not(
    tmp_path: Path,
) -> None:
    # was: read_long_table(unit=...) noted currency conversions only, so 20,000 racks taken
    # as 50 MW at an assumed 2.5 kW per rack went unsaid in forecast-many --unit MW
    text = "series_id,year,value,unit\nr,2019,40,MW\nr,2020,20000,racks\nr,2021,60,MW\n"
    path = _csv(tmp_path, text)
    table = read_long_table(path, unit="MW")
    # 20,000 racks x 2.5 kW = 50,000 kW = 50 MW
    assert table["value"].tolist() == [40.0, 50.0, 60.0]
    out = forecast_many(table, 1, method="drift", engine="serial", progress=False)
    assert out["note"].tolist() == [
        "converted from 'racks' (x0.0025, at 2.5 kW per standard rack): 2020; " + NO_SCORED_CUTOFF
    ]
    pd.testing.assert_frame_equal(out, forecast(read_series(path, unit="MW"), 1, method="drift"))
    # every row in GW, asked in MW: converted by one factor, nothing mixed nor assumed
    rows = "".join(f"g,{2019 + i},{v},GW\n" for i, v in enumerate((1, 1.5, 2)))
    gw = _csv(tmp_path, "series_id,year,value,unit\n" + rows, "gw.csv")
    table = read_long_table(gw, unit="MW")
    assert table["note"].tolist() == ["converted from 'GW' (x1000)"] * 3
    out = forecast_many(table, 1, method="drift", engine="serial", progress=False)
    assert out["mean"].tolist() == [2500.0]  # drift: 2000 + (2000 - 1000) / 2
    assert out["note"].tolist() == [NO_SCORED_CUTOFF]  # 3 years: no cutoff to score
    pd.testing.assert_frame_equal(out, forecast(read_series(gw, unit="MW"), 1, method="drift"))
