"""Frames to arrays and the gap policy (idcforecast._series)."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from idcforecast._series import prepare_values, split_series
from idcforecast.errors import (
    DataError,
    DuplicateYearError,
    EmptyDataError,
    NonNumericValueError,
)


def test_interpolation_is_geometric_for_positive_series() -> None:
    p = prepare_values([2012, 2014], [100.0, 144.0], series_id="s")
    np.testing.assert_allclose(p.values, [100.0, 120.0, 144.0])  # sqrt(100 * 144)
    assert (p.first_year, p.last_year) == (2012, 2014)
    assert p.note == "gap year 2013 filled log-linearly for fitting only"


def test_interpolation_is_linear_with_non_positive_values() -> None:
    p = prepare_values([1, 3, 4], [-2.0, 2.0, 5.0])
    np.testing.assert_allclose(p.values, [-2.0, 0.0, 2.0, 5.0])
    assert p.note == "gap year 2 filled linearly for fitting only"


def test_no_gap_no_note() -> None:
    p = prepare_values([2020, 2021], [1.0, 2.0], gaps="error")
    assert p.note == "" and p.values.tolist() == [1.0, 2.0]


def test_split_series_keeps_order_and_unit() -> None:
    frame = pd.DataFrame(
        {
            "series_id": ["b", "b", "a"],
            "year": [2021, 2020, 2020],
            "value": [2.0, 1.0, 5.0],
            "unit": "MW",
            "source": "x",
        }
    )
    parts = split_series(frame)
    assert [p.series_id for p in parts] == ["b", "a"]
    assert parts[0].years.tolist() == [2020, 2021] and parts[0].values.tolist() == [1.0, 2.0]
    assert parts[0].unit == "MW"


def test_frame_without_series_id_and_datetime_index() -> None:
    assert split_series(pd.DataFrame({"year": [2020], "value": [1.0]}))[0].series_id == "series"
    s = pd.Series([1.0, 2.0], index=pd.to_datetime(["2020-12-31", "2021-12-31"]), name="x")
    assert split_series(s)[0].years.tolist() == [2020, 2021]


@pytest.mark.parametrize(
    ("data", "error", "message"),
    [
        (pd.DataFrame(), EmptyDataError, "data has no rows; pass at least one series"),
        (
            pd.DataFrame({"series_id": ["s"], "year": [2020.5], "value": [1.0]}),
            NonNumericValueError,
            "series 's': year 2020.5 (row 0 of the data) is not an integer year; use integers "
            "such as 2021",
        ),
        (
            pd.DataFrame({"series_id": ["s", "s"], "year": [2019, 20210], "value": [1.0, 2.0]}),
            NonNumericValueError,
            "series 's': year 20210 (row 1 of the data) is above 9999; use four-digit years "
            "such as 2021",
        ),
        (  # was: forecast(pd.Series([1.0, 2, 3, 4, 5]), 2) forecast "years" 5 and 6
            pd.Series([1.0, 2.0, 3.0, 4.0, 5.0], name="s"),
            NonNumericValueError,
            "series 's': year 0 is not a year; use calendar years such as 2021 (positions 0, "
            "1, 2... instead of years? a Series needs its years as the index: "
            "s.index = range(2019, 2019 + len(s)))",
        ),
        (  # was: "drop its row, or blank its cell in a wide table", for a Series
            pd.Series([1.0, np.inf], index=[2019, 2020], name="s"),
            NonNumericValueError,
            "series 's' year 2020: value inf is not a finite number; give a number, or leave "
            "the year out (a missing year is allowed: s.drop(2020))",
        ),
        (  # was: the Series-index fix above, for a frame's year column (a CSV's)
            pd.DataFrame({"series_id": "s", "year": [1, 2, -3], "value": [1.0, 2.0, 3.0]}),
            NonNumericValueError,
            "series 's': year -3 (row 2 of the data) is not a year; use calendar years such "
            "as 2021 in the year column (positions 0, 1, 2... instead of years?)",
        ),
        (  # was: (2.0, 133.10000000000005), float noise from an export or a sum
            pd.DataFrame(
                {"series_id": "s", "year": [2020, 2020], "value": [2.0, 133.10000000000005]}
            ),
            DuplicateYearError,
            "series 's' has 2 values for year 2020 (2.0, 133.1); keep one row per year",
        ),
        (
            pd.DataFrame({"series_id": ["s"], "year": [2020], "value": ["abc"]}),
            NonNumericValueError,
            "series 's' year 2020: value 'abc' is not a finite number; give a number, or "
            "leave the year out (a missing year is allowed: drop its row, or blank its cell in "
            "a wide table)",
        ),
        (  # was: "year nan is not an integer year; use integers such as 2021"
            pd.DataFrame({"series_id": "s", "year": [2019, None], "value": [1.0, 2.0]}),
            NonNumericValueError,
            "series 's': a row has no year (a blank year cell); give its year, or drop the row",
        ),
        (  # an Int64 column's blank (pd.NA) was a TypeError from float() (batch25)
            pd.DataFrame(
                {
                    "series_id": "s",
                    "year": pd.array([2019, None], dtype="Int64"),
                    "value": [1.0, 2.0],
                }
            ),
            NonNumericValueError,
            "series 's': a row has no year (a blank year cell); give its year, or drop the row",
        ),
        (  # was: the True read as the value 1 and forecast, status "fallback"
            pd.Series([1.0, True, 3, 4, 5], index=range(2019, 2024), name="s"),
            NonNumericValueError,
            "series 's' year 2020: value True is not a finite number; give a number, or leave",
        ),
        (  # a whole column of flags: no value at all
            pd.DataFrame({"series_id": "s", "year": [2019, 2020], "value": [True, False]}),
            NonNumericValueError,
            "series 's' year 2019: value True is not a finite number",
        ),
    ],
)
def test_split_series_errors(data, error, message) -> None:
    with pytest.raises(error, match=re.escape(message)):
        split_series(data)


def test_unknown_gap_policy() -> None:
    msg = (
        "series 's': gaps='fill' is not a gap policy; expected one of 'interpolate', 'span', "
        "'error'"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        prepare_values([1, 3], [1.0, 2.0], gaps="fill", series_id="s")


def test_small_year_numbers_stay_allowed() -> None:
    # the M3 benchmark and peers index years 1..n; years below 1 (positions 0, 1, 2... of a
    # default index) and above 9999 are refused
    frame = pd.DataFrame({"series_id": "m", "year": [1, 2, 3], "value": [1.0, 2.0, 3.0]})
    assert split_series(frame)[0].years.tolist() == [1, 2, 3]


def test_rows_without_series_id_and_ids_that_read_alike_are_errors() -> None:
    import idcforecast as idc

    years = list(range(2010, 2016))
    # before: forecast() and backtest() dropped the six rows without an id, without a word
    frame = pd.DataFrame(
        {"series_id": [None] * 6 + ["b"] * 6, "year": years * 2, "value": [1.0, 2, 3, 4, 5, 6] * 2}
    )
    msg = "row 0 (year 2010) has no series_id; every row needs one: fill it or drop the row"
    for call in (idc.forecast, idc.forecast_many):
        with pytest.raises(DataError, match=re.escape(msg)):
            call(frame, 2, method="drift")
    with pytest.raises(DataError, match=re.escape(msg)):
        idc.backtest(frame, 1, method="drift")
    # before: two series, both labelled '1' in the result, sharing cap={'1': ...}
    clash = frame.assign(series_id=[1] * 6 + ["1"] * 6)
    msg = "series ids 1 and '1' differ but read alike ('1'); expected one type of id"
    for call in (idc.forecast, idc.forecast_many):
        with pytest.raises(DataError, match=re.escape(msg)):
            call(clash, 2, method="drift")


def test_ids_equal_to_pandas_but_written_apart_are_an_error_not_one_series() -> None:
    # before: ids 1 (2010-2015) and 1.0 (2016-2021) in one object column were grouped by
    # forecast(), forecast_many() and backtest() as one twelve-year series '1', in silence
    # (same years: forecast() said "series '1' has 2 values for year 2010", forecast_many
    # failed the one series); True and 1 likewise
    import idcforecast as idc

    values = [1.0, 2, 3, 4, 5, 6]
    joined = pd.DataFrame(
        {
            "series_id": pd.Series([1] * 6 + [1.0] * 6, dtype=object),
            "year": list(range(2010, 2022)),
            "value": values * 2,
        }
    )
    msg = (
        "series ids 1 and 1.0 are equal to pandas, which would join their rows into one "
        "series in silence; expected one way of writing an id: for one series write them "
        "alike, for two give them distinct names, e.g. frame['series_id'] = "
        "frame['series_id'].astype(str) (then '1' and '1.0')"
    )
    for call in (idc.forecast, idc.forecast_many, idc.backtest):
        with pytest.raises(DataError, match=re.escape(msg) + "$"):
            call(joined, 1, method="drift")
    truth = joined.assign(series_id=pd.Series([True] * 6 + [1] * 6, dtype=object))
    with pytest.raises(DataError, match=re.escape("series ids True and 1 are equal to pandas")):
        idc.forecast_many(truth, 1, method="drift")
    # written apart, they are two series; ints and text that differ still run
    apart = joined.assign(series_id=joined["series_id"].astype(str))
    assert idc.forecast(apart, 1, method="drift")["series_id"].tolist() == ["1", "1.0"]
    mixed = joined.assign(series_id=pd.Series([1] * 6 + ["a"] * 6, dtype=object))
    out = idc.forecast_many(mixed, 1, method="drift", engine="serial", progress=False)
    assert out["series_id"].tolist() == [1, "a"]  # as given (was '1', the int as text)
    assert out["mean"].tolist() == [7.0, 7.0]  # drift 6 + (6 - 1) / 5


def test_mostly_missing_years_are_an_error_not_an_invented_series() -> None:
    # before: 4 observations in 2010-2021 were filled to 12 years; their smooth filled years
    # narrowed the intervals, and a typo'd 2201 gave a +/-1.2% 95% interval
    years, values = [2010, 2011, 2020, 2021], [100.0, 131.0, 285.0, 350.0]
    msg = (
        "series 's': 8 of the 12 years in 2010-2021 are missing (2012-2019), more than the 4 "
        "observed; gaps='interpolate' fills occasional gaps only"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        prepare_values(years, values, series_id="s")
    span = prepare_values(years, values, gaps="span", series_id="s")
    assert span.values.tolist() == [285.0, 350.0]
    # as many filled as observed is still an occasional gap: 2012-2013 of 2010-2015
    two = prepare_values([2010, 2011, 2014, 2015], [1.0, 2.0, 16.0, 32.0], series_id="s")
    assert two.values.tolist() == pytest.approx([1.0, 2.0, 4.0, 8.0, 16.0, 32.0])
    assert two.note == "gap years 2012-2013 filled log-linearly for fitting only"


def test_span_note_names_a_single_year_once() -> None:
    # was "fitted on 2021-2021 only (dropped 2018-2018)"
    note = prepare_values([2018, 2020, 2021], [1.0, 3.0, 4.0], gaps="span", series_id="s").note
    assert note == "gap before 2020: fitted on 2020-2021 only (dropped 2018)"
    note = prepare_values([2018, 2019, 2021], [1.0, 2.0, 4.0], gaps="span", series_id="s").note
    assert note == "gap before 2021: fitted on 2021 only (dropped 2018-2019)"


def test_years_in_the_index_get_the_fix_in_the_error() -> None:
    # before: "data is missing column(s) 'year'" and nothing about the years sitting in the
    # index of df.set_index("year"), the commonest frame an analyst passes
    years = pd.Index(range(2019, 2024), name="year")
    with pytest.raises(DataError) as one:
        split_series(pd.DataFrame({"value": [1.0, 2, 3, 4, 5]}, index=years))
    assert str(one.value) == (
        "data is missing column(s) 'year'; expected a tidy frame with series_id, year, "
        "value; found columns ['value']; the years are the frame's index: pass "
        "frame.rename_axis('year').reset_index()"
    )
    wide = pd.DataFrame({"cidc": [1.0, 2, 3, 4, 5], "caict": [2.0, 3, 4, 5, 6]}, index=years.values)
    with pytest.raises(DataError) as many:
        split_series(wide)
    fix = "frame.rename_axis('year').reset_index().melt('year', var_name='series_id')"
    assert str(many.value).endswith("each column a series: pass " + fix)
    # the fix works as written
    melted = wide.rename_axis("year").reset_index().melt("year", var_name="series_id")
    assert [s.series_id for s in split_series(melted)] == ["cidc", "caict"]
    # positions (0, 1, 2 or 1, 2, 3) are not years: no hint
    with pytest.raises(DataError) as plain:
        split_series(pd.DataFrame({"value": [1.0, 2, 3]}, index=[1, 2, 3]))
    assert str(plain.value).endswith("found columns ['value']")


def test_columns_in_another_case_or_years_as_columns_get_the_fix_in_the_error() -> None:
    # before: "data is missing column(s) 'year', 'value'" for a frame with 'Year' and
    # 'Value' (nothing about the case), and for a wide frame with a column per year (no fix,
    # or "reshape wide tables with read_series() first" from forecast_many, which needs a
    # unit for a frame's bare numbers)
    import ast

    from idcforecast import forecast, forecast_many

    titled = pd.DataFrame(
        {
            "Series_ID": ["a"] * 3 + ["b"] * 3,
            "Year": [2019, 2020, 2021] * 2,
            "Value": [1.0, 2, 3, 5, 6, 7],
        }
    )
    rename = "frame.rename(columns="
    for call in (
        lambda: forecast(titled, 1, method="naive"),
        lambda: forecast_many(titled, 1, method="naive", engine="serial", progress=False),
    ):
        with pytest.raises(DataError) as raised:
            call()
        message = str(raised.value)
        assert "; the columns are named in another case or spacing: pass " + rename in message
        # the fix works as written (the series id renamed too: it is optional for forecast())
        columns = ast.literal_eval(message.split(rename, 1)[1].removesuffix(")"))
        assert columns == {"Series_ID": "series_id", "Year": "year", "Value": "value"}
        fixed = forecast(titled.rename(columns=columns), 1, method="naive")
        assert fixed["mean"].tolist() == [3.0, 7.0]  # naive: each series' last value
    wide = pd.DataFrame({2019: [1.0, 5], 2020: [2.0, 6], 2021: [3.0, 7]}, index=["a", "b"])
    fix = "frame.rename_axis('series_id').reset_index().melt('series_id', var_name='year')"
    with pytest.raises(DataError) as raised:
        forecast(wide, 1, method="naive")
    assert str(raised.value).endswith("each row a series: pass " + fix)
    melted = wide.rename_axis("series_id").reset_index().melt("series_id", var_name="year")
    assert forecast(melted, 1, method="naive")["mean"].tolist() == [3.0, 7.0]


def test_ids_or_years_in_the_frame_index_are_refused_with_the_fix() -> None:
    # before: set_index("series_id") was a pandas ValueError ("'series_id' is both an index
    # level and a column label"), and a (series_id, year) MultiIndex, as groupby([...]).sum()
    # leaves it, a NotImplementedError ("initializing a Series from a MultiIndex")
    from idcforecast import forecast, forecast_many

    tidy = pd.DataFrame(
        {
            "series_id": ["a"] * 3 + ["b"] * 3,
            "year": [2019, 2020, 2021] * 2,
            "value": [1.0, 2, 3, 5, 6, 7],
        }
    )
    by_id = tidy.set_index("series_id")
    msg = (
        "data has its series ids in the index ('series_id'), not in a column; expected a tidy "
        "frame with series_id, year, value columns; pass frame.reset_index()"
    )
    with pytest.raises(DataError, match=re.escape(msg) + "$"):
        forecast(by_id, 1, method="naive")
    both = tidy.set_index(["series_id", "year"])
    with pytest.raises(
        DataError, match=re.escape("; the frame's index holds 'year': pass frame.reset_index()")
    ):
        forecast(both, 1, method="naive")
    fix = "; the frame's index holds 'series_id', 'year': pass frame.reset_index()"
    with pytest.raises(DataError, match=re.escape(fix) + "$"):
        forecast_many(both, 1, method="naive", engine="serial", progress=False)
    # the fix works as written: naive forecasts each series' last value
    assert forecast(both.reset_index(), 1, method="naive")["mean"].tolist() == [3.0, 7.0]
    assert forecast(by_id.reset_index(), 1, method="naive")["mean"].tolist() == [3.0, 7.0]


@pytest.mark.parametrize(
    ("index", "often", "span", "count"),
    [
        (pd.date_range("2020-01-01", periods=24, freq="MS"), "monthly",
         "2020-01-01 to 2021-12-01", 12),
        (pd.period_range("2020Q1", periods=8, freq="Q"), "quarterly", "2020Q1 to 2021Q4", 4),
        # no freq set: 12 dates in 2020 (month ends)
        (pd.DatetimeIndex(list(pd.date_range("2020-01-31", periods=24, freq="ME"))), "monthly",
         "2020-01-31 to 2021-12-31", 12),
    ],
)  # fmt: skip
def test_a_series_dated_more_often_than_yearly_is_told_how_to_make_it_yearly(
    index: pd.Index, often: str, span: str, count: int
) -> None:
    # a monthly Series said only "series 'rev' has 12 values for year 2020 (0.0, 1.0, ...,
    # 11.0); keep one row per year": neither the dates nor the aggregation
    data = pd.Series(np.arange(len(index), dtype=float), index=index, name="rev")
    with pytest.raises(DuplicateYearError) as raised:
        split_series(data)
    assert str(raised.value) == (
        f"series 'rev' is dated {often} ({span}, {count} values in 2020): forecast() takes "
        "one value a year; make it yearly first: data.groupby(data.index.year).sum() for a "
        "flow over the year (revenue, shipments), .last() for a level at year end (racks in "
        "use, capacity), .mean() for an average (a price, a utilisation rate)"
    )
    assert (raised.value.series_id, raised.value.year) == ("rev", 2020)
    # the fix as worded: 12 months summed, 0 + ... + 11 = 66 and 12 + ... + 23 = 210
    yearly = data.groupby(data.index.year).sum()
    assert split_series(yearly)[0].values.tolist() == (
        [66.0, 210.0] if count == 12 else [6.0, 22.0]  # quarters: 0+1+2+3, 4+5+6+7
    )


def test_a_series_dated_yearly_reads_one_value_a_year() -> None:
    for index in (
        pd.date_range("2019-12-31", periods=4, freq="YE"),
        pd.period_range("2019", periods=4, freq="Y"),
    ):
        got = split_series(pd.Series([1.0, 2.0, 3.0, 4.0], index=index))[0]
        assert got.years.tolist() == [2019, 2020, 2021, 2022]


def test_a_date_column_in_place_of_year_is_told_how_to_take_its_year() -> None:
    # a 'date' column (from a database, pd.to_datetime) said only "missing column(s)
    # 'year'", in forecast() and forecast_many() alike
    from idcforecast.batch import forecast_many

    frame = pd.DataFrame(
        {"series_id": "a", "date": pd.date_range("2019-12-31", periods=4, freq="YE"),
         "value": [1.0, 2.0, 3.0, 4.0]}
    )  # fmt: skip
    hint = (
        "column 'date' holds dates: pass frame.assign(year=frame['date'].dt.year), one row a year"
    )
    with pytest.raises(DataError, match=re.escape(hint) + "$"):
        split_series(frame)
    with pytest.raises(DataError, match=re.escape(hint) + "$"):
        forecast_many(frame, 1)
    # the fix as worded: the years 2019-2022
    assert split_series(frame.assign(year=frame["date"].dt.year))[0].years.tolist() == [
        2019, 2020, 2021, 2022,
    ]  # fmt: skip
