"""Grouping a long frame into per-series arrays and cutting it into chunks."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from idcforecast.batch.chunks import auto_chunk_size, group_series, iter_chunks
from idcforecast.errors import DataError, EmptyDataError


def _frame() -> pd.DataFrame:
    # deliberately unsorted, ids interleaved, one non-numeric value, one missing year
    return pd.DataFrame(
        {
            "series_id": ["b", "a", "b", "c", "a", "c", "b"],
            "year": [2021, 2020, 2020, 2019, 2021, None, 2022],
            "value": [2.0, 5.0, 1.0, 7.0, "TBD", 8.0, 3.0],
            "unit": ["MW", "MW", "MW", "GW", "MW", "GW", "MW"],
        }
    )


def test_group_series_sorts_by_year_within_series_in_first_appearance_order() -> None:
    table = group_series(_frame())
    assert table.ids.tolist() == ["b", "a", "c"]
    assert table.offsets.tolist() == [0, 3, 5, 7]
    assert table.years[:3].tolist() == [2020.0, 2021.0, 2022.0]
    assert table.values[:3].tolist() == [1.0, 2.0, 3.0]
    assert table.units.tolist() == ["MW", "MW", "GW"]


def test_group_series_records_per_series_problems_instead_of_raising() -> None:
    table = group_series(_frame())
    # worded as forecast() words them when it raises for that series
    assert table.problems == {
        1: "series 'a' year 2021: value 'TBD' is not a finite number; give a number, or leave "
        "the year out (a missing year is allowed: drop its row, or blank its cell in a wide "
        "table)",
        2: "series 'c': a row has no year (a blank year cell); give its year, or drop the row",
    }


def test_group_series_flags_mixed_units() -> None:
    frame = pd.DataFrame(
        {
            "series_id": ["x", "x", "x", "y"],
            "year": [2020, 2021, 2022, 2020],
            "value": [1.0, 2.0, 3.0, 4.0],
            "unit": [None, "MW", "GW", None],
        }
    )
    table = group_series(frame)
    assert table.problems == {
        0: "series 'x' mixes units 'MW', 'GW'; convert to one unit first (idcforecast.convert)"
    }
    assert table.units.tolist() == ["MW", ""]


def test_group_series_rejects_missing_columns() -> None:
    frame = pd.DataFrame({"series_id": ["a"], "value": [1.0]})
    msg = (
        "forecast_many: data lacks column(s) 'year'; expected a long frame with columns "
        "series_id, year, value; found ['series_id', 'value']; reshape wide tables with "
        "read_series() first"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        group_series(frame)


def test_group_series_rejects_empty_and_missing_ids() -> None:
    with pytest.raises(EmptyDataError, match="data has no rows"):
        group_series(pd.DataFrame({"series_id": [], "year": [], "value": []}))
    frame = pd.DataFrame({"series_id": ["a", None], "year": [2020, 2021], "value": [1.0, 2.0]})
    msg = "forecast_many: row 1 (year 2021) has no series_id; every row needs one"
    with pytest.raises(DataError, match=re.escape(msg)):
        group_series(frame)
    with pytest.raises(DataError, match="got Series; for one series use forecast"):
        group_series(frame["value"])


def test_chunks_cover_every_series_once_with_local_offsets() -> None:
    table = group_series(_frame())
    chunks = list(iter_chunks(table, 2))
    assert [(c.start, c.ids) for c in chunks] == [(0, ("b", "a")), (2, ("c",))]
    series_id, years, values = chunks[1].series(0)
    assert series_id == "c"
    assert years[0] == 2019.0 and np.isnan(years[1])
    assert values.tolist() == [7.0, 8.0]
    assert list(chunks[0].problems) == [1]
    assert chunks[0].problems[1].startswith("series 'a' year 2021: value 'TBD'")
    assert chunks[1].problems == {
        0: "series 'c': a row has no year (a blank year cell); give its year, or drop the row"
    }


def test_auto_chunk_size_balances_and_bounds() -> None:
    # ceil(1000 / (8 * 2)) = 63; 100k series cap at 256 per chunk
    assert auto_chunk_size(1000, 2) == 63
    assert auto_chunk_size(100_000, 2) == 256
    assert auto_chunk_size(1, 4) == 1


_PARITY_CASES = {
    # years typed as text: the note names year 2021, not the cell '2021'
    "text_years": pd.DataFrame(
        {"series_id": "a", "year": ["2019", "2020", "2021"], "value": [1.0, 2.0, "TBD"]}
    ),
    # three units: every unit is named, in order of appearance, as forecast() names them
    "three_units": pd.DataFrame(
        {
            "series_id": "a",
            "year": [2019, 2020, 2021, 2022],
            "value": [1.0, 2.0, 3.0, 4.0],
            "unit": ["MW", "GW", "kW", "MW"],
        }
    ),
    "fractional_year": pd.DataFrame(
        {"series_id": "a", "year": [2019, 2020.5, 2021], "value": [1.0, 2.0, 3.0]}
    ),
    # a typo: before, forecast() interpolated 18,000 gap years and forecast_many agreed
    "five_digit_year": pd.DataFrame(
        {"series_id": "a", "year": [2019, 2020, 20210], "value": [1.0, 2.0, 3.0]}
    ),
    # a default 0..n-1 index taken for years: before, "year 5" was forecast with status ok
    "year_zero": pd.DataFrame({"series_id": "a", "year": [0, 1, 2, 3], "value": [1.0, 2, 3, 4]}),
    "infinite_value": pd.DataFrame(
        {"series_id": "a", "year": [2019, 2020, 2021], "value": [1.0, np.inf, 3.0]}
    ),
}


@pytest.mark.parametrize("case", sorted(_PARITY_CASES))
def test_group_series_records_exactly_what_forecast_raises(case: str) -> None:
    from idcforecast import forecast
    from idcforecast.errors import IdcForecastError

    frame = _PARITY_CASES[case]
    with pytest.raises(IdcForecastError) as raised:
        forecast(frame, 2, method="drift")
    assert group_series(frame).problems == {0: str(raised.value)}


def test_group_series_names_every_unit_of_a_mixed_series() -> None:
    table = group_series(_PARITY_CASES["three_units"])
    assert table.problems == {
        0: "series 'a' mixes units 'MW', 'GW', 'kW'; convert to one unit first "
        "(idcforecast.convert)"
    }


def test_group_series_names_the_year_as_a_number_when_years_are_text() -> None:
    table = group_series(_PARITY_CASES["text_years"])
    assert table.problems == {
        0: "series 'a' year 2021: value 'TBD' is not a finite number; give a number, or leave "
        "the year out (a missing year is allowed: drop its row, or blank its cell in a wide "
        "table)"
    }


@pytest.mark.parametrize("kind", ["datetime", "period"])
def test_date_and_period_year_columns_count_by_calendar_year(kind: str) -> None:
    # before: datetime years became nanoseconds (forecast: MemoryError), periods their
    # offset from 1970 (year 49 instead of 2019)
    from idcforecast import forecast, forecast_many

    dates = pd.to_datetime(["2019-12-31", "2020-12-31", "2021-12-31", "2022-12-31"])
    years = dates if kind == "datetime" else pd.PeriodIndex(dates, freq="Y")
    frame = pd.DataFrame({"series_id": "a", "year": years, "value": [1.0, 2.0, 3.0, 4.0]})
    assert group_series(frame).years.tolist() == [2019.0, 2020.0, 2021.0, 2022.0]
    # drift: 4 + (4 - 1) / 3 = 5 in 2023
    assert forecast(frame, 1, method="drift")[["year", "mean"]].values.tolist() == [[2023, 5.0]]
    many = forecast_many(frame, 1, method="drift", engine="serial", progress=False)
    assert many[["year", "mean"]].values.tolist() == [[2023, 5.0]]


def test_group_series_leaves_out_rows_marked_not_published() -> None:
    frame = pd.DataFrame(
        {
            "series_id": ["a", "a", "a", "b", "b", "c"],
            "year": [2021, 2019, 2020, 2019, 2020, 2019],
            "value": [3.0, "n/a", 2.0, "—", "..", None],
        }
    )
    table = group_series(frame)
    # a: the 2019 row is left out; b: every row marked, one kept (NaN) so it fails by name
    assert table.offsets.tolist() == [0, 2, 3, 4]
    assert table.years.tolist() == [2020.0, 2021.0, 2019.0, 2019.0]
    assert table.unpublished == {0: ("2019 ('n/a')",), 1: ("2019 ('—')", "2020 ('..')")}
    assert table.problems[1].startswith("series 'b' has no values")
    assert table.problems[2].startswith("series 'c' has no values")
    assert 0 not in table.problems


def test_true_and_false_cells_are_not_the_values_one_and_zero() -> None:
    frame = pd.DataFrame(
        {"series_id": ["a", "a", "b", "b"], "year": [1, 2, 1, 2], "value": [2.0, True, 0, 5.0]}
    )
    table = group_series(frame)
    assert np.isnan(table.values[1]) and table.values[2] == 0.0
    assert table.problems[0].startswith("series 'a' year 2: value True is not a finite number")
    booleans = group_series(frame.assign(value=[True, False, True, False]))
    assert np.isnan(booleans.values).all() and sorted(booleans.problems) == [0, 1]


def test_a_row_without_a_year_nor_a_value_fails_its_series_by_name() -> None:
    # was: ValueError "cannot convert float NaN to integer" (a traceback; the whole batch
    # lost) while the blank value of a row without a year was worded by that year
    frame = pd.DataFrame(
        {
            "series_id": ["a", "a", "a", "b", "b"],
            "year": [2020, 2021, None, None, 2020],
            "value": [1.0, 2.0, None, None, 1.0],
        }
    )
    # worded as forecast() words a missing year
    assert group_series(frame).problems == {
        0: "series 'a': a row has no year (a blank year cell); give its year, or drop the row",
        1: "series 'b': a row has no year (a blank year cell); give its year, or drop the row",
    }
