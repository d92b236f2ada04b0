"""read_series: CSV, Excel and DataFrames, long and wide, figure text, units, errors."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from idcforecast import read_series
from idcforecast._tidy import TIDY_COLUMNS
from idcforecast.errors import (
    AmbiguousNumberWarning,
    DataError,
    DuplicateYearError,
    EmptyDataError,
    FootnoteWarning,
    IgnoredColumnWarning,
    IncompatibleUnitsError,
    MissingFxRateError,
    MixedUnitsError,
    NonNumericValueError,
    ParseError,
    UnitError,
    UnknownSeriesError,
    UnknownUnitError,
    UnreadSheetsWarning,
)

FIXTURES = Path(__file__).parent / "fixtures"
# Federal Reserve G.5A annual average CNY per USD (idc_sources.md section 6)
CNY_PER_USD_2020 = 6.9042


def _values(frame: pd.DataFrame, series_id: str) -> dict[int, float]:
    rows = frame[frame["series_id"] == series_id]
    return dict(zip(rows["year"], rows["value"], strict=True))


def test_long_csv_with_text_figures_and_provenance() -> None:
    out = read_series(FIXTURES / "china_idc_long.csv", unit={"tencent_pledge": "USD bn"})
    assert list(out.columns) == list(TIDY_COLUMNS)
    assert out.dtypes[["year", "value", "derived"]].astype(str).tolist() == [
        "int64",
        "float64",
        "bool",
    ]
    # the blank line is skipped and 2020 stays a gap: nothing is interpolated
    assert _values(out, "china_idc_cidc_overall") == {2018: 1228.0, 2019: 1562.5, 2021: 3012.7}
    overall = out[out["series_id"] == "china_idc_cidc_overall"].set_index("year")
    assert overall["unit"].unique().tolist() == ["CNY 100m"]
    assert overall.loc[2019, "quote"] == "1,562.5亿元"
    assert overall.loc[2018, "quote"] == ""  # a plain number is not a quote
    assert overall.loc[2019, "source"] == "CIDC 2019-2020 report"
    # no source column value -> the file and row (the header is row 1, the blank line row 4)
    assert overall.loc[2021, "source"] == "china_idc_long.csv row 5"
    assert overall.loc[2021, "note"] == "2020 not in this extract"
    pledge = out[out["series_id"] == "tencent_pledge"].iloc[0]
    # 500 CNY bn / 6.9042 CNY per USD (2020 average) = 72.4197 USD bn
    assert pledge["value"] == pytest.approx(500 / CNY_PER_USD_2020, rel=1e-12)
    assert pledge["unit"] == "USD bn"
    assert pledge["note"] == (
        "converted from 'CNY bn' (x0.144839, 2020 annual-average FX rate); alternate figure "
        "in the text: 71.2 USD bn (not used)"
    )


def test_requested_unit_converts_magnitudes() -> None:
    table = pd.DataFrame({"year": [2019, 2020], "value": ["1,562.5亿元", "223.87 CNY bn"]})
    out = read_series(table, series_id="cidc", unit="CNY bn")
    # 1562.5 亿元 = 1562.5e8 yuan = 156.25e9 yuan
    assert _values(out, "cidc") == {2019: 156.25, 2020: pytest.approx(223.87)}
    assert out["source"].tolist() == ["DataFrame row 0", "DataFrame row 1"]


def test_default_unit_is_the_most_common_one() -> None:
    table = pd.DataFrame({"year": [2019, 2020, 2021], "value": ["1 CNY bn", "20亿元", "30亿元"]})
    out = read_series(table)
    assert out["unit"].unique().tolist() == ["CNY 100m"]
    assert out["value"].tolist() == [10.0, 20.0, 30.0]
    assert out["series_id"].unique().tolist() == ["series"]


def test_wide_years_as_columns_keeps_gaps_and_qualifiers() -> None:
    out = read_series(FIXTURES / "china_idc_wide.csv")
    overall = _values(out, "china_idc_cidc_overall")
    assert overall == {2019: 1562.5, 2020: 2238.7, 2021: 3012.7, 2023: 5078.3}
    caict = out[out["series_id"] == "china_idc_caict"]
    assert caict["qualifier"].tolist() == ["at_least", "at_least", "exact"]
    assert caict["source"].tolist()[-1] == "china_idc_wide.csv row 3, column '2023'"
    one = read_series(FIXTURES / "china_idc_wide.csv", series_id="china_idc_caict")
    assert one["series_id"].unique().tolist() == ["china_idc_caict"]


def test_years_as_rows_with_per_series_units() -> None:
    path = FIXTURES / "capacity_years_as_rows.csv"
    out = read_series(path, unit={"racks": "MW", "hyperscale": "count"})
    # 265.8万 racks x 2.5 kW = 6,645,000 kW = 6645 MW; 520万 x 2.5 kW = 13,000 MW
    assert _values(out, "racks") == {2019: 6645.0, 2021: 13000.0, 2024: 22000.0}
    assert out.loc[out["year"].eq(2021) & out["series_id"].eq("racks"), "qualifier"].item() == (
        "at_least"
    )
    assert _values(out, "hyperscale") == {2023: 992.0, 2024: 1136.0}
    out = read_series(path, unit={"hyperscale": "count"}, kw_per_rack=5.0)
    assert out.loc[out["series_id"] == "racks", "unit"].unique().tolist() == ["racks 10k"]
    assert read_series(path, unit={"racks": "MW", "hyperscale": "count"}, kw_per_rack=5.0)[
        "value"
    ].iloc[0] == pytest.approx(13290.0)  # 265.8e4 x 5 kW


def test_year_index_and_excel_dates() -> None:
    import datetime as dt

    table = pd.DataFrame(
        {"value": ["1亿元"], "as_of": [dt.datetime(2019, 12, 31)]},
        index=pd.Index([2019], name="year"),
    )
    row = read_series(table, series_id="x").iloc[0]
    assert (row["year"], row["value"], row["as_of"]) == (2019, 1.0, "2019-12-31")


def test_ranges_keep_the_midpoint_and_say_so() -> None:
    table = pd.DataFrame({"year": [2028], "value": ["325–580 TWh"]})
    row = read_series(table, series_id="lbnl").iloc[0]
    assert (row["value"], row["unit"]) == (452.5, "TWh")
    assert row["note"] == "range 325 to 580 TWh; value is the midpoint"


def test_excel_long_and_wide(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Market"
    sheet.append(["year", "value", "unit"])
    sheet.append([2019, 1562.5, "CNY 100m"])
    sheet.append([2020, "2,238.7亿元", None])
    wide = book.create_sheet("Wide")
    wide.append(["series_id", 2019, 2020])
    wide.append(["cidc", "1562.5亿元", "2238.7亿元"])
    path = tmp_path / "market.xlsx"
    book.save(path)
    with pytest.warns(UnreadSheetsWarning, match="other tab 'Wide' holds data too"):
        out = read_series(path, series_id="cidc")
    assert _values(out, "cidc") == {2019: 1562.5, 2020: 2238.7}
    assert out["source"].tolist() == [
        "market.xlsx sheet 'Market' row 2",
        "market.xlsx sheet 'Market' row 3",
    ]
    out = read_series(path, sheet_name="Wide", unit="CNY bn")
    assert out["value"].tolist() == pytest.approx([156.25, 223.87])
    assert out["source"].tolist()[1] == "market.xlsx sheet 'Wide' cell C2"
    sheet["B3"] = "see note"  # ("n/a" is a year not published: a gap)
    book.save(path)
    msg = (
        "market.xlsx sheet 'Market' cell B3: 'see note' is not a number or a figure; expected a "
        "number such as 1562.5 or figure text with a unit such as '1,562.5亿元'"
    )
    with warnings.catch_warnings(), pytest.raises(NonNumericValueError, match=re.escape(msg)):
        warnings.simplefilter("ignore", UnreadSheetsWarning)  # named above
        read_series(path)


def test_the_bundled_market_round_trips_through_read_series() -> None:
    from idcforecast import load_dataset

    market = load_dataset("china_idc_market")
    out = read_series(market)
    pd.testing.assert_frame_equal(
        out,
        market.sort_values(
            ["series_id"],
            key=lambda s: s.map(
                {sid: k for k, sid in enumerate(dict.fromkeys(market["series_id"]))}
            ),
            kind="stable",
        ).reset_index(drop=True),
    )


# -- errors: each names the value, the place and what was expected ------------------------


def _frame(**columns: list[object]) -> pd.DataFrame:
    return pd.DataFrame(columns)


ERROR_CASES = [
    (
        _frame(year=[2019], value=["1,5x2亿元"]),
        {},
        ParseError,
        "DataFrame row 0, column 'value': cannot read '1,5x2亿元' as a figure",
    ),
    (
        _frame(year=[2019], value=["1562.5 bnUSD"]),
        {},
        UnknownUnitError,
        "DataFrame row 0, column 'value': in figure '1562.5 bnUSD': unit 'bnUSD' is not defined",
    ),
    (
        _frame(year=[2019], value=[1.0], unit=["bnUSD"]),
        {},
        UnknownUnitError,
        "DataFrame row 0, column 'unit': unit 'bnUSD' is not defined",
    ),
    (
        _frame(year=[2019], value=["1亿元"]),
        {"unit": "bnUSD"},
        UnknownUnitError,
        "read_series(unit=...) for series 'series': unit 'bnUSD' is not defined",
    ),
    (
        _frame(year=[2009, 2019], value=["US$1 bn", "2 USD bn"]),
        {"unit": "CNY bn"},
        MissingFxRateError,
        "DataFrame row 0 (series 'series', year 2009): no FX rate for USD->CNY in 2009",
    ),
    (
        _frame(year=[2019, 2019], value=["1亿元", "2亿元"]),
        {},
        DuplicateYearError,
        "series 'series' has two values for year 2019 (DataFrame row 0 and DataFrame row 1); "
        "expected one value per series and year",
    ),
    (
        _frame(year=[2019, 2020, 2021], value=["1亿元", "2亿元", "3 MW"]),
        {},
        MixedUnitsError,
        "series 'series' mixes 'CNY 100m' (DataFrame row 0) and 'MW' (DataFrame row 2), which "
        "do not convert into each other; expected one unit per series, or units that convert "
        "(currencies, magnitudes, racks and power); fix the unit or split the series",
    ),
    (
        _frame(year=[2019], value=["3 MW"]),
        {"unit": "CNY bn"},
        IncompatibleUnitsError,
        "DataFrame row 0 (series 'series', year 2019): cannot convert 'MW' (power) to 'CNY bn' "
        "(money)",
    ),
    (
        _frame(year=[2019], value=["tbd"]),
        {},
        NonNumericValueError,
        "DataFrame row 0, column 'value': 'tbd' is not a number or a figure; expected a number "
        "such as 1562.5 or figure text with a unit such as '1,562.5亿元'",
    ),
    (
        _frame(year=[2019], value=[True]),
        {},
        NonNumericValueError,
        "DataFrame row 0, column 'value': True is not a number or a figure",
    ),
    (
        _frame(year=[2019, 2020], value=["1亿元", None]),
        {},
        DataError,
        "DataFrame row 1, column 'value': the value is blank but the row is not; expected a "
        "number or a figure (blank a whole row to skip it)",
    ),
    (
        _frame(year=[2019], value=[1.0]),
        {},
        UnitError,
        "DataFrame row 0 (series 'series'): no unit for this series; expected a 'unit' column, "
        "figure text with a unit ('1,562.5亿元'), the unit in brackets after the series' name "
        "('market (CNY bn)'), or read_series(..., unit=...) naming the unit of the bare numbers "
        "(e.g. unit='CNY 100m' or unit='MW')",
    ),
    (
        _frame(year=["FY19"], value=["1亿元"]),
        {},
        NonNumericValueError,
        "DataFrame row 0, column 'year': 'FY19' is a year in two digits; expected the year in "
        "full: write 'FY2019'",
    ),
    (
        _frame(yr=[2019], value=["1亿元"]),
        {},
        DataError,
        "DataFrame: no 'year' column; expected a year column (pass year_column=...) or years "
        "as column headers (2019, 2020, ...); found 'yr', 'value'",
    ),
    (
        pd.DataFrame(),
        {},
        EmptyDataError,
        "DataFrame is empty; expected a header row and at least one row of data",
    ),
    (
        _frame(year=[None], value=[None]),
        {},
        EmptyDataError,
        "DataFrame has no values; expected at least one year with a value",
    ),
    (
        _frame(series_id=["a", "b"], year=[2019, 2019], value=["1亿元", "2亿元"]),
        {"series_id": "c"},
        UnknownSeriesError,
        "DataFrame: series 'c' is not in the table; expected one of 'a', 'b'; drop series_id= "
        "to read them all",
    ),
    (
        _frame(year=[2019], value=["1亿元"], qualifier=["roughly"]),
        {},
        DataError,
        "DataFrame row 0, column 'qualifier': 'roughly' is not allowed; expected one of exact, "
        "at_least, at_most, approximately",
    ),
    (  # readers24: the column's 'at_most' was dropped in silence, the text's kept
        _frame(year=[2019], value=["超过1500亿元"], qualifier=["at_most"]),
        {},
        DataError,
        "DataFrame row 0: the value '超过1500亿元' says 'at_least' but the qualifier column "
        "says 'at_most'; one of them is wrong; correct it (a value without a qualifier word "
        "takes the column's)",
    ),
    (  # and a qualifier not allowed was not checked beside a qualified text
        _frame(year=[2019], value=["> 1500亿元"], qualifier=[">"]),
        {},
        DataError,
        "DataFrame row 0, column 'qualifier': '>' is not allowed; expected one of exact, "
        "at_least, at_most, approximately",
    ),
    (
        _frame(year=[2019], value=["1亿元"], derived=["maybe"]),
        {},
        DataError,
        "DataFrame row 0, column 'derived': 'maybe' is not a true/false flag",
    ),
    (
        _frame(year=[2019], value=["1亿元"]),
        {"layout": "sideways"},
        DataError,
        "read_series: layout 'sideways' is not known; expected one of auto, long, "
        "years_as_rows, years_as_columns",
    ),
]


@pytest.mark.parametrize(("table", "kwargs", "error", "message"), ERROR_CASES)
def test_bad_input_raises_typed_errors(
    table: pd.DataFrame, kwargs: dict[str, object], error: type[Exception], message: str
) -> None:
    with pytest.raises(error, match=re.escape(message)):
        read_series(table, **kwargs)


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        ("", EmptyDataError, "empty.csv is empty; expected a header row and at least one row"),
        # before: "is empty", though the header is there
        ("year,value\n", EmptyDataError, "empty.csv has a header (year, value) but no rows"),
        (
            "series,2019,2020\na,,\n",
            EmptyDataError,
            "empty.csv row 2, column '2019': the row has no value in any year column",
        ),
        (
            "year,a,b\n2019,1亿元,\n",
            EmptyDataError,
            "empty.csv row 2, column 'b': column 'b' has no value in any year",
        ),
    ],
)
def test_empty_files_and_series(tmp_path: Path, text: str, error: type, message: str) -> None:
    path = tmp_path / "empty.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(error, match=re.escape(message)):
        read_series(path)


def test_unreadable_files_name_the_problem(tmp_path: Path) -> None:
    gbk = tmp_path / "gbk.csv"
    gbk.write_bytes("year,value\n2019,1562.5亿元\n".encode("gbk"))
    msg = (
        "gbk.csv: the file is not utf-8 text (invalid continuation byte at byte 22); pass "
        "encoding='gb18030' (--encoding gb18030) for a CSV saved by Excel on Chinese Windows"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        read_series(gbk)
    ragged = tmp_path / "ragged.csv"
    for text in ("year,value\n2019,1,2,3\n", "year,value\n2019,1\n2020,1,2\n"):
        # unquoted thousands separators make rows longer than the header
        ragged.write_text(text, encoding="utf-8")
        with pytest.raises(DataError, match=re.escape("ragged.csv: not a well-formed CSV (")):
            read_series(ragged)
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["year", "value"])
    book.save(tmp_path / "book.xlsx")
    for sheet in ("Nope", 3):
        msg = (
            f"book.xlsx: no sheet {sheet!r}; expected a sheet name or a 0-based position; the "
            "workbook holds 1 sheet(s): 'Sheet'"
        )
        with pytest.raises(DataError, match=re.escape(msg)):
            read_series(tmp_path / "book.xlsx", sheet_name=sheet)


def test_unsupported_and_missing_files(tmp_path: Path) -> None:
    path = tmp_path / "market.json"
    path.write_text("{}", encoding="utf-8")
    msg = "market.json: cannot read .json files; expected .csv, .txt, .xlsx, .xlsm or .xls"
    with pytest.raises(DataError, match=re.escape(msg)):
        read_series(path)
    with pytest.raises(DataError, match=re.escape("no such file")):
        read_series(tmp_path / "absent.csv")
    (tmp_path / "exports").mkdir()  # before: "no such file", though it exists
    # a folder is read as its files (below); an empty one says there is none
    with pytest.raises(
        DataError, match=re.escape("exports: no table file to read (found nothing)")
    ):
        read_series(tmp_path / "exports")


# -- properties: the three layouts read the same observations ------------------------------

_observations = st.dictionaries(
    keys=st.tuples(st.sampled_from(["a", "b", "c"]), st.integers(2000, 2030)),
    values=st.floats(0.001, 1e9, allow_nan=False, allow_infinity=False),
    min_size=1,
    max_size=20,
)


@pytest.mark.filterwarnings("ignore::idcforecast.errors.MagnitudeJumpWarning")  # arbitrary values
@settings(max_examples=40, deadline=None)
@given(_observations)
def test_long_and_wide_layouts_agree(observations: dict[tuple[str, int], float]) -> None:
    long = pd.DataFrame(
        [{"series_id": s, "year": y, "value": v} for (s, y), v in sorted(observations.items())]
    )
    expected = {(s, y): v for (s, y), v in observations.items()}
    wide = long.pivot(index="series_id", columns="year", values="value").reset_index()
    by_year = long.pivot(index="year", columns="series_id", values="value").reset_index()
    for table in (long, wide, by_year):
        out = read_series(table, unit="CNY 100m")
        got = dict(zip(zip(out["series_id"], out["year"], strict=True), out["value"], strict=True))
        assert got == expected  # gaps stay gaps, nothing is filled or reordered within a series
        assert (out.groupby("series_id")["year"].diff().dropna() > 0).all()


@settings(max_examples=40, deadline=None)
@given(st.decimals(min_value="0.1", max_value="99999.9", places=1))
def test_figure_text_converts_like_the_number(amount: object) -> None:
    table = pd.DataFrame({"year": [2019], "value": [f"{amount:,}亿元"]})
    out = read_series(table, unit="CNY bn")
    # 亿元 is 1e8 yuan, CNY bn is 1e9: divide by ten
    assert out["value"].item() == pytest.approx(float(amount) / 10, rel=1e-12)


def test_a_file_named_xlsx_that_is_not_a_workbook(tmp_path: Path) -> None:
    # was: zipfile.BadZipFile "File is not a zip file" from deep inside openpyxl
    path = tmp_path / "sales.xlsx"
    path.write_text("year,value\n2019,1\n", encoding="utf-8")  # a CSV renamed to .xlsx
    message = (
        "sales.xlsx: not a readable Excel workbook (File is not a zip file); expected an "
        ".xlsx/.xlsm file saved by Excel or LibreOffice; re-save it as .xlsx, or export the "
        "sheet as CSV"
    )
    with pytest.raises(DataError, match=re.escape(message)):
        read_series(path, unit="MW")


def test_a_bare_number_beside_figures_with_units_is_an_error() -> None:
    # docs/internals.md: a bare number takes its row's unit column, else the requested unit,
    # else it is an error. It used to take the series' most common unit silently: 2238.7
    # became 2238.7 亿元 though it might have been CNY bn.
    table = pd.DataFrame({"year": [2019, 2020], "value": ["1,562.5亿元", 2238.7]})
    message = (
        "DataFrame row 1 (series 'series', year 2020): the number 2238.7 has no unit, while "
        "other values of the series are in 'CNY 100m'; expected figure text with a unit "
        "('1,562.5亿元'), a 'unit' column, or read_series(..., unit='CNY 100m') for bare "
        "numbers"
    )
    with pytest.raises(UnitError, match=re.escape(message)):
        read_series(table)
    # with the unit asked for, the bare number is in that unit (156.25 = 1562.5 亿元 / 10),
    # named in a warning since analyst54 (a folder of 亿元 files read with unit="CNY bn"
    # took another file's bare 亿元 for CNY bn: tenfold, without a word)
    with pytest.warns(AmbiguousNumberWarning, match=re.escape("is taken as 'CNY bn'")):
        out = read_series(table, unit="CNY bn")
    assert out["value"].tolist() == [156.25, 2238.7]
    # a blank cell in a 'unit' column is no unit either
    table = pd.DataFrame({"year": [2019, 2020], "value": [1, 2], "unit": ["亿元", ""]})
    with pytest.raises(UnitError, match=re.escape("DataFrame row 1 (series 'series', year")):
        read_series(table)


def test_two_header_rows_are_named() -> None:
    # was: a bare KeyError 'value' (pd.read_excel(header=[0, 1]) gives such columns)
    columns = pd.MultiIndex.from_tuples([("year", ""), ("value", "CNY 100m")])
    table = pd.DataFrame([[2019, 1562.5]], columns=columns)
    message = (
        "DataFrame: the columns have 2 header rows; expected one header row; flatten them "
        "first, e.g. frame.columns = frame.columns.get_level_values(0)"
    )
    with pytest.raises(DataError, match=re.escape(message)):
        read_series(table, unit="CNY 100m")


def test_one_series_never_mixes_scopes() -> None:
    # DESIGN.md: "A series never mixes scopes"; read_series used to accept two
    table = pd.DataFrame(
        {
            "series_id": ["china_idc"] * 3,
            "year": [2019, 2020, 2021],
            "value": ["1,562.5亿元", "2,238.7亿元", "1,500亿元"],
            "scope": ["cidc_overall", "", "caict"],
        }
    )
    message = (
        "series 'china_idc' has two scopes: 'cidc_overall' (DataFrame row 0) and 'caict' "
        "(DataFrame row 2); expected one scope per series"
    )
    with pytest.raises(DataError, match=re.escape(message)):
        read_series(table)
    # a row that does not say its scope is not a second scope
    out = read_series(table.iloc[:2])
    assert out["scope"].tolist() == ["cidc_overall", ""]


def test_long_rows_with_a_blank_series_name_are_an_error() -> None:
    # was: the row silently became a series of its own named after the file ("series")
    table = pd.DataFrame(
        {"series_id": ["cidc", ""], "year": [2019, 2020], "value": ["1,562.5亿元", "2,238.7亿元"]}
    )
    message = "DataFrame row 1, column 'series_id': the series name is blank; expected a series id"
    with pytest.raises(DataError, match=re.escape(message)):
        read_series(table)


def test_units_are_read_once_per_spelling_and_year(monkeypatch: pytest.MonkeyPatch) -> None:
    # a 20k-row read took 5.3 s, nearly all of it re-parsing the same unit text per row
    # (now 0.8 s); 5 series x 20 years in 亿元 to CNY bn: one factor per year, not per row
    import idcforecast.units as units

    calls: list[tuple[str, str]] = []
    real = units.conversion_factor

    def counting(from_unit: str, to_unit: str, **kw: object) -> float:
        calls.append((from_unit, to_unit))
        return real(from_unit, to_unit, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(units, "conversion_factor", counting)
    table = pd.DataFrame(
        {
            "series_id": [f"s{k}" for k in range(5) for _ in range(20)],
            "year": list(range(2000, 2020)) * 5,
            "value": [1.0] * 100,
            "unit": ["亿元"] * 100,
        }
    )
    out = read_series(table, unit="CNY bn")
    assert out["value"].tolist() == [0.1] * 100  # 1 亿元 = 1e8 / 1e9 CNY bn
    assert len(calls) == 20


def test_a_magnitude_without_a_unit_takes_the_rows_unit() -> None:
    # "1562.5亿" beside a unit column 元 is 1562.5 亿元; it used to be read as 'count 100m',
    # the unit column silently ignored (or an IncompatibleUnitsError with unit="CNY bn")
    table = pd.DataFrame(
        {"year": [2019, 2020], "value": ["1562.5亿", "2238.7亿"], "unit": ["元", "元"]}
    )
    out = read_series(table)
    assert out["unit"].tolist() == ["CNY 100m", "CNY 100m"]
    assert out["value"].tolist() == [1562.5, 2238.7]
    # 1562.5 x 1e8 yuan = 156.25 x 1e9 yuan
    assert read_series(table, unit="CNY bn")["value"].tolist() == [156.25, 223.87]
    # counts too: 5万 servers
    servers = pd.DataFrame({"year": [2020], "value": ["5万"], "unit": ["台"]})
    assert read_series(servers)["unit"].tolist() == ["servers 10k"]
    # two magnitudes for one cell is ambiguous
    table["unit"] = ["亿元", "亿元"]
    message = (
        "DataFrame row 0, column 'unit': '1562.5亿' has the magnitude '100m' and the unit "
        "'CNY 100m' its own; expected one magnitude: a plain number in the cell, or the unit "
        "'CNY'"
    )
    with pytest.raises(UnitError, match=re.escape(message)):
        read_series(table)


def test_decimal_cells_are_numbers() -> None:
    # a database NUMERIC column arrives as decimal.Decimal; it was "not a number or a figure"
    from decimal import Decimal

    table = pd.DataFrame({"year": [2019, 2020], "value": [Decimal("1562.5"), Decimal("NaN")]})
    out = read_series(table.iloc[:1], unit="CNY 100m")
    assert out["value"].tolist() == [1562.5]
    with pytest.raises(DataError, match=re.escape("DataFrame row 1, column 'value'")):
        read_series(table, unit="CNY 100m")  # Decimal NaN is blank, as float NaN is


def test_a_unit_for_a_series_not_in_the_table_is_named() -> None:
    # was silent: the misspelt key was ignored and 'cidc' stayed in 亿元
    table = pd.DataFrame({"series_id": ["cidc", "caict"], "year": [2019, 2019]})
    table["value"] = ["1,562.5亿元", "1,500亿元"]
    message = (
        "DataFrame: read_series(unit=...) names series 'cidc_overall', which is not in the "
        "table; expected one of 'cidc', 'caict'; fix the key or drop it"
    )
    with pytest.raises(UnknownSeriesError, match=re.escape(message)):
        read_series(table, unit={"cidc_overall": "CNY bn"})
    out = read_series(table, unit={"cidc": "CNY bn"})
    assert out["unit"].tolist() == ["CNY bn", "CNY 100m"]
    # picking one series, the dict may name others (one dict for many tables)
    assert read_series(table, series_id="caict", unit={"x": "MW"})["value"].tolist() == [1500.0]


def test_semicolon_csv_with_decimal_commas_and_title_lines(tmp_path: Path) -> None:
    path = tmp_path / "markt.csv"
    path.write_text(
        "Rechenzentrumsmarkt (Mrd. EUR)\nQuelle: Beispiel; Stand 2022\n"
        "year;value;quote\n2019;1.234,5;ca. 1.234,5 Mrd. EUR\n2020;1.456,25;\n2021;27,8;\n",
        encoding="utf-8",
    )
    out = read_series(path, unit="EUR bn", header_row=2, decimal=",")
    # "1.234,5" = 1234 + 5/10; the separator ';' is detected (the header splits in three)
    assert out["value"].tolist() == [1234.5, 1456.25, 27.8]
    # line 4 of the file is the first data row: title, note and header come first
    assert out["source"].tolist() == ["markt.csv row 4", "markt.csv row 5", "markt.csv row 6"]
    assert out["quote"].tolist()[0] == "ca. 1.234,5 Mrd. EUR"
    same = read_series(path, unit="EUR bn", header_row=2, decimal=",", sep=";")
    pd.testing.assert_frame_equal(out, same)


def test_figure_text_with_a_decimal_comma_keeps_its_own_words() -> None:
    table = pd.DataFrame({"year": [2021, 2022], "value": ["1.562,5亿元", "2.238,7 CNY 100m"]})
    out = read_series(table, unit="CNY bn", decimal=",", series_id="cidc")
    assert out["value"].tolist() == pytest.approx([156.25, 223.87])  # 1562.5 x 0.1 bn
    assert out["quote"].tolist() == ["1.562,5亿元", "2.238,7 CNY 100m"]


def test_the_separator_is_detected_from_header_and_lines(tmp_path: Path) -> None:
    tab = tmp_path / "tab.txt"
    tab.write_text("year\tvalue\n2019\t1,562.5\n2020\t2,238.7\n", encoding="utf-8")
    assert read_series(tab, unit="CNY 100m")["value"].tolist() == [1562.5, 2238.7]
    quoted = tmp_path / "quoted.csv"  # commas inside quotes do not make ';' win or lose
    quoted.write_text('year,value\n2019,"1,562.5"\n2020,"2,238.7"\n', encoding="utf-8")
    assert read_series(quoted, unit="CNY 100m")["value"].tolist() == [1562.5, 2238.7]
    footer = tmp_path / "footer.csv"  # a note under a ';' table: ';' still wins, the note's
    footer.write_text("year;value\n2019;1562.5\n2020;2238.7\nQuelle: CAICT\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape("footer.csv row 4, column 'value': the value")):
        read_series(footer, unit="CNY 100m")  # row is named, not silently dropped
    footer.write_text("year;value\n2019;1562.5\n2020;2238.7\n", encoding="utf-8")
    assert read_series(footer, unit="CNY 100m")["value"].tolist() == [1562.5, 2238.7]
    middle = tmp_path / "middle.csv"  # a line in the middle that splits differently: no guess
    middle.write_text("year;value\n2019;1\n2020\n2021;3\n2022;4\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape("separator was not detected, some line")):
        read_series(middle, unit="CNY bn")
    with pytest.raises(DataError, match=re.escape("row 3, column 'value': the value is blank")):
        read_series(middle, unit="CNY bn", sep=";")  # told, the short line is named
    single = tmp_path / "single.csv"  # one column: nothing splits it, ',' is kept
    single.write_text("value\n1\n", encoding="utf-8")
    with pytest.raises(DataError, match="no 'year' column"):
        read_series(single, unit="CNY bn")


def test_a_decimal_point_in_a_decimal_comma_table_is_an_error(tmp_path: Path) -> None:
    path = tmp_path / "mixed.csv"
    path.write_text("year;value\n2019;1.234,5\n2020;12.5\n", encoding="utf-8")
    msg = (
        "mixed.csv row 3, column 'value': '12.5' has a decimal point, but the table is read "
        "with decimal=','"
    )
    with pytest.raises(ParseError, match=re.escape(msg)):
        read_series(path, unit="EUR bn", decimal=",")
    # read the usual way, the same file's "1.234,5" is not a guess either
    with pytest.raises(ParseError, match=re.escape("mixed.csv row 2, column 'value'")):
        read_series(path, unit="EUR bn")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"decimal": ";"}, "decimal=';' is not supported"),
        ({"sep": ";;"}, "sep=';;' is not a field separator"),
        ({"sep": ",", "decimal": ","}, "sep and decimal are both ','"),
        ({"header_row": -1}, "header_row=-1 is not a row"),
        ({"header_row": True}, "header_row=True is not a row"),
    ],
)
def test_bad_format_options_are_named(
    tmp_path: Path, options: dict[str, object], message: str
) -> None:
    path = tmp_path / "ok.csv"
    path.write_text("year,value\n2019,1\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape(message)):
        read_series(path, unit="CNY bn", **options)  # type: ignore[arg-type]


def test_a_header_row_past_the_data_says_where_it_looked(tmp_path: Path) -> None:
    path = tmp_path / "short.csv"
    path.write_text("year,value\n2019,1\n", encoding="utf-8")
    msg = "short.csv is empty from row 6 on (header_row=5); expected a header row"
    with pytest.raises(EmptyDataError, match=re.escape(msg)):
        read_series(path, unit="CNY bn", header_row=5)


def test_file_options_on_a_frame_are_an_error() -> None:
    frame = pd.DataFrame({"year": [2019], "value": [1.0]})
    with pytest.raises(DataError, match="sep, header_row and encoding apply to files"):
        read_series(frame, unit="CNY bn", header_row=1)


def test_excel_title_rows_are_skipped_and_cells_keep_their_address(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Markt"
    sheet.append(["Rechenzentrumsmarkt, Mrd. EUR"])
    sheet.append([])
    sheet.append(["year", "value"])
    sheet.append([2019, "1.234,5"])
    sheet.append([2020, 1456.25])  # a number cell is a number whatever the decimal mark
    path = tmp_path / "markt.xlsx"
    book.save(path)
    out = read_series(path, unit="EUR bn", header_row=2, decimal=",")
    assert out["value"].tolist() == [1234.5, 1456.25]
    assert out["source"].tolist() == [
        "markt.xlsx sheet 'Markt' row 4",
        "markt.xlsx sheet 'Markt' row 5",
    ]
    sheet["B5"] = "tbd"
    book.save(path)
    with pytest.raises(NonNumericValueError, match=re.escape("markt.xlsx sheet 'Markt' cell B5")):
        read_series(path, unit="EUR bn", header_row=2, decimal=",")


def test_excel_percent_cells_read_as_the_percentages_shown(tmp_path: Path) -> None:
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["China IDC market growth"])
    sheet.append(["year", "value"])
    sheet.append([2020, 0.278])  # shown as 27.8%: stored as the fraction
    sheet.append([2021, 0.3])
    sheet.append([2022, "31%"])  # typed as text: read as text always was
    sheet.append([2023, 1562.5])  # a plain number keeps its value and needs a unit
    for cell in ("B3", "B4"):
        sheet[cell].number_format = "0.0%"
    path = tmp_path / "growth.xlsx"
    book.save(path)
    out = read_series(path, header_row=1, series_id="g", unit="%")
    # before: 0.278 and 0.3 arrived as fractions and, with unit="%", became 0.278%
    assert out["value"].tolist() == [27.8, 30.0, 31.0, 1562.5]
    assert out["unit"].unique().tolist() == ["%"]
    assert out["quote"].tolist()[:2] == ["27.8%", "30%"]


def test_excel_percent_sign_in_quotes_or_escaped_does_not_scale(tmp_path: Path) -> None:
    # before: 0.0"%" (a number shown with a % sign, not x100) was multiplied by 100
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["year", "value"])
    for year, value, number_format in (
        (2019, 27.8, '0.0"%"'),
        (2020, 30.5, "0.0\\%"),
        (2021, 0.312, "0.0%"),  # a bare % shows 31.2%
        (2022, 33.0, '[Blue]0.0"%"'),
    ):
        sheet.append([year, value])
        sheet.cell(row=sheet.max_row, column=2).number_format = number_format
    book.save(tmp_path / "share.xlsx")
    out = read_series(tmp_path / "share.xlsx")
    assert out["value"].tolist() == [27.8, 30.5, 31.2, 33.0]
    assert set(out["unit"]) == {"%"}


def test_repeated_headers_are_an_error_not_a_dropped_column(tmp_path: Path) -> None:
    # before: pandas renamed the second '2020' to '2020.1', which was silently ignored
    path = tmp_path / "wide.csv"
    path.write_text("series_id,2019,2020,2020\nchina,1560,1800,2238.7\n", encoding="utf-8")
    msg = "wide.csv: the header '2020' appears twice (columns 3 and 4); expected unique column"
    with pytest.raises(DataError, match=re.escape(msg)):
        read_series(path, unit="CNY 100m")
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["year", "value", "value"])
    book.active.append([2020, 1, 2])
    book.save(tmp_path / "long.xlsx")
    with pytest.raises(DataError, match=re.escape("long.xlsx: the header 'value' appears twice")):
        read_series(tmp_path / "long.xlsx", unit="MW")


def test_header_spaces_and_letter_case(tmp_path: Path) -> None:
    # before: a 'Unit' column was ignored (then unit= applied to 亿元 numbers: 10x wrong) and
    # 'year, value' became a series named ' value'
    path = tmp_path / "idc.csv"
    path.write_text(
        "Series_ID, Year , Value,Unit\ncn,2019,1562.5,亿元\ncn,2020,2238.7,亿元\n",
        encoding="utf-8",
    )
    out = read_series(path, unit="CNY bn")
    assert out["value"].tolist() == pytest.approx([156.25, 223.87])  # 亿 = 0.1 bn
    assert out["series_id"].tolist() == ["cn", "cn"]


def test_broken_workbooks_and_long_cells_are_typed(tmp_path: Path) -> None:
    import zipfile

    renamed = tmp_path / "sheet.xlsx"  # a zip that is no workbook (an .ods renamed)
    with zipfile.ZipFile(renamed, "w") as archive:
        archive.writestr("hello.txt", "hi")
    with pytest.raises(DataError, match=re.escape("sheet.xlsx: not a readable Excel workbook")):
        read_series(renamed)
    long_note = tmp_path / "notes.csv"  # a cell longer than the csv module's field limit
    long_note.write_text(
        'year,value,note\n2019,1,"' + "x" * 200_000 + '"\n2020,2,\n', encoding="utf-8"
    )
    assert read_series(long_note, unit="MW")["value"].tolist() == [1.0, 2.0]


def test_long_table_with_an_unnamed_id_column_is_not_merged(tmp_path: Path) -> None:
    # before: markets A (2019-2020) and B (2021-2022) became one series 1, 2, 100, 200
    path = tmp_path / "m.csv"
    path.write_text("market,year,value\nA,2019,1\nA,2020,2\nB,2021,100\nB,2022,200\n")
    msg = (
        "m.csv row 2, column 'market': column 'market' holds 2 different values ('A', 'B') and "
        "the table has no 'series_id' column; if it names the series, rename it series_id"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        read_series(path, unit="MW")
    same = tmp_path / "one.csv"  # a column that does not vary names nothing: read as before
    same.write_text("market,year,value\nA,2019,1\nA,2020,2\n")
    with pytest.warns(IgnoredColumnWarning, match=re.escape("one.csv: column 'market' not read")):
        assert read_series(same, unit="MW")["value"].tolist() == [1.0, 2.0]


def test_formula_without_stored_result_is_an_error_not_a_gap(tmp_path: Path) -> None:
    # before: a workbook written by a program kept '=D2*1.1' uncalculated; pandas read it as
    # blank and the year was interpolated ("gap years ... filled") without a word
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["series_id", 2016, 2017, 2018, 2019])
    book.active.append(["cn", 100, 110, "=C2*1.1", 133.1])
    book.save(tmp_path / "calc.xlsx")
    msg = "calc.xlsx sheet 'Sheet' cell D2: the formula '=C2*1.1' has no stored result"
    with pytest.raises(DataError, match=re.escape(msg)):
        read_series(tmp_path / "calc.xlsx", unit="CNY bn")


def test_an_excel_error_cell_is_an_error_not_a_gap(tmp_path: Path) -> None:
    # before: pandas read '#DIV/0!' (typed, or a formula's stored result) as a blank cell and
    # the year became an interpolated gap, the broken figure never named (batch21 finding)
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["series_id", 2016, 2017, 2018, 2019])
    book.active.append(["cn", 100, 110, "#DIV/0!", 133.1])  # openpyxl stores it as an error
    book.save(tmp_path / "err.xlsx")
    assert openpyxl.load_workbook(tmp_path / "err.xlsx").active["D2"].data_type == "e"
    msg = (
        "err.xlsx sheet 'Sheet' cell D2: the cell holds the Excel error '#DIV/0!', not a "
        "value; expected a number: fix the formula or the figure it reads, or clear the cell "
        "if the year was not published"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        read_series(tmp_path / "err.xlsx", unit="CNY bn")
    # the batch reader shares the check
    from idcforecast.batch import read_long_table

    long = openpyxl.Workbook()
    for row in (["series_id", "year", "value"], ["cn", 2019, 1.0], ["cn", 2020, "#N/A"]):
        long.active.append(row)
    long.save(tmp_path / "long.xlsx")
    with pytest.raises(
        DataError, match=re.escape("cell C3: the cell holds the Excel error '#N/A'")
    ):
        read_long_table(tmp_path / "long.xlsx")


def test_a_formulas_stored_error_is_named_with_its_formula(tmp_path: Path) -> None:
    # a workbook saved by Excel keeps '=C2/0' with its result '#DIV/0!' (t="e"); openpyxl
    # cannot write a stored result, so the sheet's XML is edited as Excel would write it
    import zipfile

    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["series_id", 2016, 2017, 2018, 2019])
    book.active.append(["cn", 100, 110, "=C2/0", 133.1])
    book.save(tmp_path / "plain.xlsx")
    with (
        zipfile.ZipFile(tmp_path / "plain.xlsx") as source,
        zipfile.ZipFile(tmp_path / "saved.xlsx", "w") as saved,
    ):
        for item in source.infolist():
            data = source.read(item.filename)
            if item.filename == "xl/worksheets/sheet1.xml":
                data = re.sub(
                    rb'<c r="D2"[^>]*><f>C2/0</f>(?:<v\s*/>|<v></v>)?</c>',
                    b'<c r="D2" t="e"><f>C2/0</f><v>#DIV/0!</v></c>',
                    data,
                )
            saved.writestr(item, data)
    stored = openpyxl.load_workbook(tmp_path / "saved.xlsx", data_only=True).active["D2"]
    assert (stored.value, stored.data_type) == ("#DIV/0!", "e")
    msg = (
        "saved.xlsx sheet 'Sheet' cell D2: the formula '=C2/0' gives the Excel error "
        "'#DIV/0!', not a value"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        read_series(tmp_path / "saved.xlsx", unit="CNY bn")


def test_a_row_longer_than_the_header_is_named(tmp_path: Path) -> None:
    path = tmp_path / "q.csv"
    path.write_text("year,value\n2019,1,562.5亿元\n2020,2238.7亿元\n", encoding="utf-8")
    msg = "line 2 has 3 fields, the header 2: quote a cell that holds the separator ','"
    with pytest.raises(DataError, match=re.escape(msg)):
        read_series(path, unit="CNY bn")
    titled = tmp_path / "t.csv"
    titled.write_text("IDC market\n\nyear,value\n2019,1\n2020,2,3\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape("line 5 has 3 fields, the header 2")):
        read_series(titled, unit="CNY bn", header_row=2)


# a broker-style table: actuals marked A, estimates E / F (CAICT's CNY 100m figures)
BROKER = "series_id,2018A,2019A,2020E,2021F\nidc,1228,1562.5,2238.7,3000\n"


def test_estimate_columns_are_named_not_silently_dropped(tmp_path: Path) -> None:
    path = tmp_path / "broker.csv"
    path.write_text(BROKER, encoding="utf-8")
    msg = (
        "broker.csv: column(s) '2020E', '2021F' hold estimates, not published figures; pass "
        "estimates='drop' (--estimates drop) to read the history only, or estimates='keep' "
        "to read them as 2020, 2021 (noted as estimates)"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        read_series(path, unit="CNY 100m")
    dropped = read_series(path, unit="CNY 100m", estimates="drop")
    assert _values(dropped, "idc") == {2018: 1228.0, 2019: 1562.5}  # "2018A" is 2018
    assert dropped["source"].tolist() == [
        "broker.csv row 2, column '2018A'", "broker.csv row 2, column '2019A'"
    ]  # fmt: skip
    kept = read_series(path, unit="CNY 100m", estimates="keep")
    assert _values(kept, "idc") == {2018: 1228.0, 2019: 1562.5, 2020: 2238.7, 2021: 3000.0}
    assert kept["note"].tolist() == [
        "", "", "estimate (year written '2020E')", "estimate (year written '2021F')"
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("text", "layout_place"),
    [
        ("year,value,note\n2019,100,\n2020,120,sum of segments\n2021E,140,\n", "row 4"),
        ("year,a,b\n2019,100,1\n2020,120,2\n2021E,140,3\n", "row 4"),
    ],
)
def test_estimate_years_in_rows(tmp_path: Path, text: str, layout_place: str) -> None:
    path = tmp_path / "rows.csv"
    path.write_text(text, encoding="utf-8")
    msg = (
        f"rows.csv {layout_place}, column 'year': '2021E' is an estimate, not a published "
        "figure; pass estimates='drop' to read the history only, or estimates='keep' to read "
        "it as 2021 (noted as an estimate)"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        read_series(path, unit="MW")
    assert read_series(path, unit="MW", estimates="drop")["year"].max() == 2020
    kept = read_series(path, unit="MW", estimates="keep")
    last = kept[kept["year"] == 2021]
    assert last["value"].tolist()[0] == 140.0
    assert last["note"].str.endswith("estimate (year written '2021E')").all()


def test_estimate_labels_and_bad_policy() -> None:
    from idcforecast._cells import estimate_year, year_label

    labels = ["2021E", "2021e", "2021 F", "2021(E)", "2021 (est.)", "2021年预测", "2021P", "2021B"]
    assert [estimate_year(label) for label in labels] == [2021] * len(labels)
    assert [year_label(label) for label in ("2020A", "2020 (act.)", "2020年实际")] == [2020] * 3
    assert estimate_year("Edge 2021") is None and year_label("2021E") is None
    with pytest.raises(DataError, match=re.escape("estimates='maybe' is not a policy")):
        read_series(pd.DataFrame({"year": [2020], "value": [1.0]}), unit="MW", estimates="maybe")


def test_a_year_given_as_actual_and_as_estimate_is_a_duplicate() -> None:
    table = pd.DataFrame({"series_id": ["idc"], "2020": [100.0], "2020E": [99.0]})
    with pytest.raises(DuplicateYearError, match="2020"):
        read_series(table, unit="MW", estimates="keep")
    assert _values(read_series(table, unit="MW", estimates="drop"), "idc") == {2020: 100.0}


def test_year_cells_formatted_as_dates_count_by_their_calendar_year(tmp_path: Path) -> None:
    import datetime

    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["year", "value"])
    for year, value in ((2019, 100.0), (2020, 120.0)):
        book.active.append([datetime.datetime(year, 12, 31), value])  # shown as 2019-12-31
    path = tmp_path / "dates.xlsx"
    book.save(path)
    assert _values(read_series(path, unit="MW"), "dates") == {2019: 100.0, 2020: 120.0}
    periods = pd.DataFrame({"year": pd.period_range("2019", periods=2, freq="Y"), "value": [1, 2]})
    assert read_series(periods, unit="MW")["year"].tolist() == [2019, 2020]


def test_accounting_negatives_in_parentheses() -> None:
    table = pd.DataFrame(
        {"year": [2019, 2020, 2021, 2022], "value": ["(12.5)", "(1,234.5亿元)", "（7）", "12"]}
    )
    out = read_series(table, unit="CNY 100m")
    assert out["value"].tolist() == [-12.5, -1234.5, -7.0, 12.0]
    assert out["quote"].tolist() == ["(12.5)", "(1,234.5亿元)", "（7）", ""]  # as written
    growth = read_series(pd.DataFrame({"year": [2019], "value": ["(3,2%)"]}), unit="%", decimal=",")
    assert growth["value"].tolist() == [-3.2]


def test_a_magnitude_without_a_unit_says_so() -> None:
    msg = (
        "DataFrame row 0 (series 'series', year 2019): '1500万' has a magnitude but no unit, so "
        "it reads as a count ('count 10k'), not 'CNY 100m'; write the unit in the cell "
        "('1500万元', '2.5 billion USD', '300 MW') or give plain numbers in 'CNY 100m'"
    )
    with pytest.raises(IncompatibleUnitsError, match=re.escape(msg)):
        read_series(pd.DataFrame({"year": [2019], "value": ["1500万"]}), unit="CNY 100m")
    ok = read_series(pd.DataFrame({"year": [2019], "value": ["1500万元"]}), unit="CNY 100m")
    assert ok["value"].tolist() == [pytest.approx(0.15)]  # 1500 x 1e4 / 1e8


@pytest.mark.parametrize(
    ("after", "cell"), [("note", "562.5"), ("source", "562"), ("unit", "562.5亿元")]
)
def test_a_thousands_comma_that_split_a_value_is_an_error(
    tmp_path: Path, after: str, cell: str
) -> None:
    path = tmp_path / "split.csv"
    # 2019,1,562.5: right number of fields, but the value was 1,562.5 unquoted
    path.write_text(f"year,value,{after}\n2018,1228,\n2019,1,{cell}\n", encoding="utf-8")
    msg = (
        f"split.csv row 3, column 'value': value '1' and {after} {cell!r} look like one number "
        f'split at its thousands comma (1,{cell}); quote it in the file ("1,{cell}") or save '
        f"with another separator; if the {after} is meant to be {cell!r}, add a word to it"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        read_series(path, unit="CNY 100m")


@pytest.mark.filterwarnings("ignore::idcforecast.errors.MagnitudeJumpWarning")  # arbitrary values
def test_numbers_in_notes_that_are_not_split_values_are_read(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    # words after the digits, a value of four digits, a quoted note: none is a split value
    text = 'year,value,note\n2019,5,300 MW expansion\n2020,1562.5,562\n2021,7,"1,200"\n'
    path.write_text(text, encoding="utf-8")
    assert read_series(path, unit="MW")["value"].tolist() == [5.0, 1562.5, 7.0]


def test_a_table_of_estimates_only_with_estimates_dropped_is_empty() -> None:
    table = pd.DataFrame({"series_id": ["idc"], "2021E": [1.0], "2022E": [2.0]})
    msg = "DataFrame: every year column holds estimates (2021E, 2022E), dropped as asked"
    with pytest.raises(EmptyDataError, match=re.escape(msg)):
        read_series(table, unit="MW", estimates="drop")


def test_a_cagr_column_beside_the_years_is_not_a_series_name(tmp_path: Path) -> None:
    table = pd.DataFrame(
        {
            "segment": ["colo", "cloud"],
            "2019": [100.0, 50.0],
            "2020": [120.0, 60.0],
            "CAGR 2019-20": ["20.0%", "20.0%"],
        }
    )
    # the CAGR column is not read, and said so (it was dropped in silence)
    with pytest.warns(
        IgnoredColumnWarning,
        match=re.escape("column 'CAGR 2019-20' holds numbers under a header that is no year"),
    ):
        out = read_series(table, unit="CNY bn")
    assert out[["series_id", "year", "value"]].values.tolist() == [
        ["colo", 2019, 100.0], ["colo", 2020, 120.0], ["cloud", 2019, 50.0], ["cloud", 2020, 60.0]
    ]  # fmt: skip
    # two text columns: joined into the series id, as forecast-many reads the same table
    # (read_series refused it: "cannot tell which column names the series")
    two_names = table.assign(region=["cn", "us"])[["region", *table.columns]]
    with pytest.warns(IgnoredColumnWarning):
        out = read_series(two_names, unit="CNY bn")
    assert out["series_id"].unique().tolist() == ["cn / colo", "us / cloud"]
    from idcforecast.batch import read_long_table

    path = tmp_path / "wide.csv"
    two_names.to_csv(path, index=False)
    with pytest.warns(IgnoredColumnWarning, match=re.escape("column 'CAGR 2019-20' holds")):
        batch = read_long_table(path)  # said there too (it was dropped in silence)
    assert batch[["series_id", "year", "value"]].values.tolist() == (
        out[["series_id", "year", "value"]].values.tolist()
    )


def test_fiscal_and_report_year_headers() -> None:
    headers = {"series_id": ["idc"], "FY2019": [1.0], "2020年度": [2.0], "CY2021": [3.0]}
    table = pd.DataFrame(headers)
    assert _values(read_series(table, unit="MW"), "idc") == {2019: 1.0, 2020: 2.0, 2021: 3.0}
    with pytest.raises(DataError, match=re.escape("column(s) 'FY2022E' hold estimates")):
        read_series(table.assign(FY2022E=[4.0]), unit="MW")


def test_scientific_notation_in_a_cell_is_a_number() -> None:
    # what pandas/R exports write for large values; figure text ("1e12 MW") stays refused
    table = pd.DataFrame({"year": [2020, 2021], "value": ["1.2e+12", "1.5E12"]})
    assert read_series(table, unit="USD")["value"].tolist() == [1.2e12, 1.5e12]
    with pytest.raises(ParseError, match="scientific notation"):
        read_series(pd.DataFrame({"year": [2020], "value": ["1e12 MW"]}), unit="MW")


def test_a_title_above_the_header_names_the_header_row(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["Markets by segment (USD bn)"])
    book.active.append(["segment", 2019, 2020])  # an Excel header row of year numbers
    book.active.append(["colo", 1.0, 2.0])
    path = tmp_path / "titled.xlsx"
    book.save(path)
    with pytest.raises(
        DataError, match=re.escape("row 2 looks like the header: pass header_row=1")
    ):
        read_series(path, unit="USD bn")
    assert _values(read_series(path, unit="USD bn", header_row=1), "colo") == {2019: 1.0, 2020: 2.0}
    csv = tmp_path / "titled.csv"
    csv.write_text("China IDC market\nSource: CAICT\n\nyear,value\n2019,1562.5\n", encoding="utf-8")
    msg = "a title above the header? if line 4 is the header, pass header_row=3"
    with pytest.raises(DataError, match=re.escape(msg)):
        read_series(csv, unit="CNY 100m")


def test_a_gbk_csv_needs_its_encoding_named(tmp_path: Path) -> None:
    path = tmp_path / "gbk.csv"  # Excel on Chinese Windows saves CSV in GBK
    path.write_bytes("year,value,note\n2019,1562.5,中国IDC市场\n".encode("gbk"))
    msg = "gbk.csv: the file is not utf-8 text (invalid continuation byte at byte 28); pass "
    with pytest.raises(DataError, match=re.escape(msg + "encoding='gb18030'")):
        read_series(path, unit="CNY 100m")
    out = read_series(path, unit="CNY 100m", encoding="gb18030")
    assert out[["value", "note"]].values.tolist() == [[1562.5, "中国IDC市场"]]
    with pytest.raises(DataError, match=re.escape("encoding='klingon' is not a text encoding")):
        read_series(path, unit="CNY 100m", encoding="klingon")
    frame = pd.DataFrame({"year": [2019], "value": [1.0]})
    with pytest.raises(DataError, match="sep, header_row and encoding apply to files"):
        read_series(frame, unit="MW", encoding="gbk")


def test_a_unit_line_above_the_header_is_named_when_bare_numbers_lack_a_unit(
    tmp_path: Path,
) -> None:
    # Chinese tables state their unit on a line of its own above the header ("单位：亿元").
    # header_row skips it unread, and the UnitError for the bare numbers did not name it
    path = tmp_path / "t.csv"
    path.write_text(
        "表1 中国IDC市场规模,,\n,,单位：亿元\n年份,市场规模,增速\n2019,1562.5,27.2%\n",
        encoding="utf-8",
    )
    with pytest.raises(UnitError, match=re.escape(
        "t.csv row 4, column '市场规模' (series '市场规模'): no unit for this series; expected "
        "a 'unit' column, figure text with a unit ('1,562.5亿元'), the unit in brackets after "
        "the series' name ('market (CNY bn)'), or read_series(..., unit=...) naming the unit "
        "of the bare numbers (e.g. unit='CNY 100m' or unit='MW'); a line above the header "
        "says '单位：亿元': pass unit={'市场规模': '亿元'} (or series_id='市场规模', unit='亿元')"
    )):  # fmt: skip
        read_series(path, header_row=2)
    out = read_series(path, header_row=2, unit={"市场规模": "亿元"})
    assert _values(out, "市场规模") == {2019: 1562.5}
    assert _values(out, "增速") == {2019: 27.2}  # its own '%', not 亿元
    # an Excel sheet, one series: the plain unit
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["中国IDC市场规模"])
    sheet.append(["Unit: CNY bn"])
    sheet.append(["year", "market"])
    sheet.append([2019, 156.25])
    xlsx = tmp_path / "t.xlsx"
    book.save(xlsx)
    with pytest.raises(UnitError, match=re.escape(
        "a line above the header says 'Unit: CNY bn': pass unit='CNY bn'"
    )):  # fmt: skip
        read_series(xlsx, header_row=2)


def test_a_hidden_sheet_is_not_the_first_sheet(tmp_path: Path) -> None:
    # Was: a workbook whose first sheet is hidden (a lookup sheet) was read from it by the
    # default sheet_name=0: 2019 = 1 MW from a sheet the analyst never saw, in silence
    import openpyxl

    book = openpyxl.Workbook()
    lookup = book.active
    lookup.title = "calc"
    lookup.append(["year", "value (MW)"])
    lookup.append([2019, 1])
    lookup.sheet_state = "hidden"
    data = book.create_sheet("数据")
    data.append(["year", "value (MW)"])
    data.append([2019, 500])
    data.append([2020, 600])
    path = tmp_path / "h.xlsx"
    book.save(path)
    out = read_series(path)
    assert _values(out, "h") == {2019: 500.0, 2020: 600.0}  # 数据!B2, B3
    assert out["source"].tolist()[0] == "h.xlsx sheet '数据' row 2"
    assert _values(read_series(path, sheet_name="calc"), "h") == {2019: 1.0}  # by name
    with pytest.raises(DataError, match=re.escape(
        "h.xlsx: no sheet 1; expected a sheet name or a 0-based position; the workbook holds "
        "2 sheet(s) (1 shown, counted by position): 'calc' (hidden), '数据'"
    )):  # fmt: skip
        read_series(path, sheet_name=1)


def test_a_series_id_merged_down_its_years(tmp_path: Path) -> None:
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["series_id", "year", "value"])
    for sid, year, value in (("cidc", 2019, 1562.5), (None, 2020, 2238.7), ("caict", 2020, 1958)):
        sheet.append([sid, year, value])
    sheet.merge_cells("A2:A3")  # one "cidc" cell over its two years
    path = tmp_path / "merged.xlsx"
    book.save(path)
    out = read_series(path, unit="CNY 100m")
    assert _values(out, "cidc") == {2019: 1562.5, 2020: 2238.7}
    sheet.unmerge_cells("A2:A3")
    sheet.merge_cells("C2:C3")  # a number merged over two years is not each year's value
    book.save(path)
    with pytest.raises(DataError, match="the value is blank but the row is not"):
        read_series(path, unit="CNY 100m")


def test_a_header_merged_down_from_the_row_above(tmp_path: Path) -> None:
    # A research-firm sheet: "地区" merged over rows 1-2 beside a unit heading across the
    # year columns, the years in row 2. With header_row=1 (as the error's hint says) it was
    # "cell A3: a column without a header holds '华北'": pandas reads A2 blank
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["地区", "市场规模（亿元）", None])
    sheet.append([None, 2019, 2020])
    sheet.append(["华北", 500, 600])
    sheet.append(["华东", 600, 700])
    sheet.merge_cells("A1:A2")
    sheet.merge_cells("B1:C1")  # across columns: a heading, never a header of each
    path = tmp_path / "m.xlsx"
    book.save(path)
    out = read_series(path, header_row=1, unit="CNY 100m")
    assert _values(out, "华北") == {2019: 500.0, 2020: 600.0}  # B3, C3
    assert _values(out, "华东") == {2019: 600.0, 2020: 700.0}  # B4, C4
    assert out["source"].tolist()[0] == "m.xlsx sheet 'Sheet' cell B3"
    # a year column headed so (年份 over rows 1-2, the series' headers in row 2)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["年份", "规模", None])
    sheet.append([None, "IDC (CNY 100m)", "racks (racks 10k)"])
    sheet.append([2019, 1562.5, 315])
    sheet.merge_cells("A1:A2")
    sheet.merge_cells("B1:C1")
    book.save(path)
    out = read_series(path, header_row=1)
    assert _values(out, "IDC (CNY 100m)") == {2019: 1562.5}  # B3
    assert _values(out, "racks (racks 10k)") == {2019: 315.0}  # C3
    assert out["unit"].tolist() == ["CNY 100m", "racks 10k"]


@pytest.mark.parametrize(
    ("header", "year_column"), [("year", "year"), ("年份", "year"), ("Jahr", "Jahr")]
)
def test_a_year_merged_down_over_its_series_rows(
    tmp_path: Path, header: str, year_column: str
) -> None:
    # readers24: 2019 merged over the rows of its two series was "cell A3: a blank cell is
    # not a year" (only text was filled down)
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append([header, "series_id", "value"])
    for year, sid, value in ((2019, "a", 1), (None, "b", 2), (2020, "a", 3), (None, "b", 4)):
        sheet.append([year, sid, value])
    sheet.merge_cells("A2:A3")
    sheet.merge_cells("A4:A5")
    path = tmp_path / "years.xlsx"
    book.save(path)
    out = read_series(path, unit="MW", year_column=year_column)
    assert _values(out, "a") == {2019: 1.0, 2020: 3.0}
    assert _values(out, "b") == {2019: 2.0, 2020: 4.0}
    assert out.set_index(["series_id", "year"]).loc[("b", 2019), "source"] == (
        "years.xlsx sheet 'Sheet' row 3"
    )
    # a blank year cell that is not merged stays an error
    sheet.unmerge_cells("A4:A5")
    book.save(path)
    with pytest.raises(NonNumericValueError, match=re.escape("cell A5: a blank cell is not")):
        read_series(path, unit="MW", year_column=year_column)


@pytest.mark.filterwarnings("ignore::idcforecast.errors.MagnitudeJumpWarning")  # arbitrary values
def test_provenance_columns_of_a_year_per_row_table_describe_its_rows(tmp_path: Path) -> None:
    # before: 'source' (publication years) became a second series in MW, and a text 'note'
    # failed as "not a number"
    sources = tmp_path / "src.csv"
    sources.write_text("year,vn_mw,source\n2019,95,2019\n2020,110,2021\n2021,120,2022\n")
    out = read_series(sources, unit="MW")
    assert out["series_id"].unique().tolist() == ["vn_mw"]
    assert out["source"].tolist() == ["2019", "2021", "2022"]
    notes = tmp_path / "note.csv"
    notes.write_text("year,north,south,note,unit\n2019,95,10,DCByte,MW\n2020,110,12,,GW\n")
    out = read_series(notes)
    assert out["series_id"].tolist() == ["north", "north", "south", "south"]
    assert out["note"].tolist()[::2] == ["DCByte", "DCByte"]
    assert out["value"].tolist() == [95.0, 110_000.0, 10.0, 12_000.0]  # GW in MW
    assert out["unit"].unique().tolist() == ["MW"]
    with_id = tmp_path / "id.csv"
    with_id.write_text("series_id,year,amount\na,2019,1\n")
    msg = "id.csv row 2, column 'series_id': a 'series_id' column in a table with a year per row"
    with pytest.raises(DataError, match=re.escape(msg)):
        read_series(with_id, unit="MW")


def test_columns_without_header_or_value_are_ignored(tmp_path: Path) -> None:
    # before: "column 'Unnamed: 2' has no value in any year", a name the file never had
    trailing = tmp_path / "trailing.csv"
    trailing.write_text("year,capacity,\n2016,45,\n2017,58,\n")
    assert _values(read_series(trailing, unit="MW"), "capacity") == {2016: 45.0, 2017: 58.0}
    wide = tmp_path / "wide.csv"
    wide.write_text("country,2019,2020,\nChina,1,2,\n")
    assert _values(read_series(wide, unit="MW"), "China") == {2019: 1.0, 2020: 2.0}
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet["C2"] = "Vietnam DC capacity (MW)"  # the table starts at column C, a spacer at D
    sheet["C4"], sheet["E4"] = "year", "capacity"
    for row, (year, value) in enumerate([(2018, 72.5), (2019, 95)], start=6):
        sheet.cell(row, 3, year)
        sheet.cell(row, 5, value)
    book.save(tmp_path / "sparse.xlsx")
    out = read_series(tmp_path / "sparse.xlsx", unit="MW", header_row=3)
    assert _values(out, "capacity") == {2018: 72.5, 2019: 95.0}
    assert out["source"].tolist()[-1] == "sparse.xlsx sheet 'S' cell E7"  # letters as shown
    sheet["D7"] = 3  # a value under no header: named by its cell, not 'Unnamed: 3'
    book.save(tmp_path / "sparse.xlsx")
    msg = "sparse.xlsx sheet 'S' cell D7: a column without a header holds 3; expected the series'"
    with pytest.raises(DataError, match=re.escape(msg)):
        read_series(tmp_path / "sparse.xlsx", unit="MW", header_row=3)
    indexed = tmp_path / "indexed.csv"  # DataFrame.to_csv() with its index
    indexed.write_text(",year,capacity\n0,2019,1\n1,2020,2\n")
    msg = "indexed.csv row 2, column 1 (no header): a column without a header holds '0'"
    with pytest.raises(DataError, match=re.escape(msg)):
        read_series(indexed, unit="MW")


def test_footnotes_below_a_table_are_skipped_and_named(tmp_path: Path) -> None:
    # before: "'Note: 2020 not published.' is not a year"
    path = tmp_path / "fn.csv"
    path.write_text(
        "year,vn_mw\n2019,95\n2021,120\n\nNote: 2020 not published.\n2022 figures due in May\n"
    )
    msg = (
        "fn.csv: skipped 2 footnote rows below the table: fn.csv row 5 ('Note: 2020 not "
        "published.'), fn.csv row 6 ('2022 figures due in May'); delete them from the file"
    )
    with pytest.warns(FootnoteWarning, match=re.escape(msg)):
        out = read_series(path, unit="MW")
    assert _values(out, "vn_mw") == {2019: 95.0, 2021: 120.0}
    # a footnote word needs no blank row above it; in a wide table too
    wide = tmp_path / "wide.csv"
    wide.write_text("country,2019,2020\nChina,1,2\nSource: invented\n")
    with pytest.warns(FootnoteWarning, match=re.escape("wide.csv row 3 ('Source: invented')")):
        assert read_series(wide, unit="MW")["series_id"].unique().tolist() == ["China"]
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append(["year", "capacity"])
    book.active.append([2019, 95])
    book.active.append([])
    book.active.append(["资料来源：科智咨询"])
    book.save(tmp_path / "fn.xlsx")
    msg = "sheet 'Sheet' row 4 ('资料来源：科智咨询')"
    with pytest.warns(FootnoteWarning, match=re.escape(msg)):
        assert read_series(tmp_path / "fn.xlsx", unit="MW")["value"].tolist() == [95.0]


@pytest.mark.parametrize(
    ("text", "error", "message"),
    [
        # a word that is no footnote opening, right under the data: which row is it?
        ("year,a\n2019,1\nFigures\n", NonNumericValueError, "n.csv row 3, column 'year': "
         "'Figures' is not a year"),
        # a row with a value is never a footnote
        ("year,a\n2019,1\n\nNote: revised,2\n", DataError, "n.csv row 4: 'Note: revised' "
         "below the table reads as a footnote, but the row also holds '2'"),
        # a named row without values under a wide table stays the error it was
        ("country,2019\nChina,1\nIndia,\n", EmptyDataError, "n.csv row 3, column '2019': the "
         "row has no value in any year column"),
        ("year,a\n2019,1\nSource: CAICT, 2023\n", DataError, "n.csv row 3: 'Source: CAICT' "
         "below the table reads as a footnote, but the row also holds '2023'; expected a "
         'footnote in the first cell alone: quote it in a CSV when it holds the separator'),
    ],
)  # fmt: skip
def test_rows_below_a_table_that_may_be_data_stay_errors(
    tmp_path: Path, text: str, error: type[Exception], message: str
) -> None:
    path = tmp_path / "n.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(error, match=re.escape(message)):
        read_series(path, unit="MW")


def test_a_renamed_header_beside_an_unused_column_keeps_its_cell_letter(tmp_path: Path) -> None:
    # the sheet's letters are those of the columns as read, before 'YEAR' becomes 'year'
    openpyxl = pytest.importorskip("openpyxl")
    book = openpyxl.Workbook()
    book.active.append([None, "YEAR", "capacity"])
    book.active.append([None, 2019, 1])
    book.active.append([None, "FY19x", 2])
    book.save(tmp_path / "up.xlsx")
    msg = "up.xlsx sheet 'Sheet' cell B3: 'FY19x' is not a year"
    with pytest.raises(NonNumericValueError, match=re.escape(msg)):
        read_series(tmp_path / "up.xlsx", unit="MW")


def test_a_headerless_column_is_named_by_its_position_in_layout_errors(tmp_path: Path) -> None:
    # Was: "found 'Unnamed: 0', 'x', 'y'": a name the user never wrote (a CSV saved with
    # pandas' index column, say)
    path = tmp_path / "u.csv"
    path.write_text(",x,y\n1,2,3\n4,5,6\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape("found column 1 (no header), 'x', 'y'")):
        read_series(path, unit="MW")


def test_a_word_in_the_year_column_suggests_the_footnote_form(tmp_path: Path) -> None:
    # Was: only "'Figures' is not a year", though a note under the table is the usual cause
    path = tmp_path / "fig.csv"
    path.write_text("year,north\n2016,10\n2017,12\n2018,15\nFigures,\n", encoding="utf-8")
    with pytest.raises(NonNumericValueError, match=re.escape(
        "fig.csv row 5, column 'year': 'Figures' is not a year; expected a whole year between "
        "1900 and 2100 such as 2019; a note under the table? start it with 'Note:' or "
        "'Source:' and it is skipped as a footnote"
    )):  # fmt: skip
        read_series(path, unit="MW")
    path.write_text("year,north\n2016,10\n2017,12\n2018,15\nNote: Figures,\n", encoding="utf-8")
    with pytest.warns(FootnoteWarning):
        assert read_series(path, unit="MW")["year"].tolist() == [2016, 2017, 2018]


def test_a_year_column_without_a_header_is_named(tmp_path: Path) -> None:
    # An Excel chart's data range: the top-left cell over the years is blank. Was: "found
    # column 1 (no header), ... (a title above the header? pass header_row=N ...)", a fix
    # that cannot work; a headed column of years was already named ("Jahr"). A column of
    # years alone is read (tests/test_io_headerless_names.py); with a row that is no year
    # (a CAGR line) under the blank cell it stays this error
    path = tmp_path / "c.csv"
    path.write_text(
        ",IDC（亿元）,机架（万架）\n2019,1562.5,315\n2020,2238.7,400\nCAGR,43.3%,27.0%\n",
        encoding="utf-8",
    )
    with pytest.raises(DataError, match=re.escape(
        "c.csv: no 'year' column; expected a year column (pass year_column=...) or years as "
        "column headers (2019, 2020, ...); found column 1 (no header), 'IDC（亿元）', "
        "'机架（万架）' (column 1 has no header and holds the years: write 'year' in its "
        "header cell)"
    )):  # fmt: skip
        read_series(path)
    path.write_text(
        "year,IDC（亿元）,机架（万架）\n2019,1562.5,315\n2020,2238.7,400\n", encoding="utf-8"
    )
    assert read_series(path)["value"].tolist() == [1562.5, 2238.7, 315.0, 400.0]
    path.write_text("Jahr,IDC（亿元）\n2019,1562.5\n2020,2238.7\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape(
        "(pass year_column='Jahr') or years as column headers (2019, 2020, ...); found 'Jahr', "
        "'IDC（亿元）' (the years are in column 'Jahr')"
    )):  # fmt: skip
        read_series(path)


def test_two_digit_years_are_named_with_the_year_in_full(tmp_path: Path) -> None:
    # Was: headers 'FY19', 'FY20' (broker tables) or '19年' gave "(a title above the header?
    # pass header_row=N ...)"; a year cell 'FY19' only "is not a year"; beside full years
    # such a column was left out with the numbers it holds
    path = tmp_path / "fy.csv"
    path.write_text("market,FY19,FY20\nIDC (MW),1,2\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape(
        "fy.csv: no 'year' column; expected a year column (pass year_column=...) or years as "
        "column headers (2019, 2020, ...); found 'market', 'FY19', 'FY20' (column 'FY19' is a "
        "year in two digits; expected the year in full: write 'FY2019')"
    )):  # fmt: skip
        read_series(path)
    path.write_text("market,2018,19年\nIDC (MW),1,2\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape(
        "fy.csv: column '19年' is a year in two digits; expected the year in full: write "
        "'2019年'"
    )):  # fmt: skip
        read_series(path)
    path.write_text("year,value\n2018,1\n'19,2\n", encoding="utf-8")
    with pytest.raises(NonNumericValueError, match=re.escape(
        "fy.csv row 3, column 'year': \"'19\" is a year in two digits; expected the year in "
        "full: write '2019'"
    )):  # fmt: skip
        read_series(path, unit="MW")
    path.write_text("market,FY2019,FY2020\nIDC (MW),1,2\n", encoding="utf-8")
    assert read_series(path)["year"].tolist() == [2019, 2020]


def test_a_second_table_below_the_first_is_named_not_read(tmp_path: Path) -> None:
    # Research sheets stack tables. Was (wide): the second header read as a series '地区'
    # of 2021 and 2022 MW, and 华东's 5 and 6 (of 2021, 2022) read as 2019 and 2020, in
    # silence; (a year per row) "'年份' is not a year; a note under the table? ..."
    path = tmp_path / "two.csv"
    path.write_text("地区,2019,2020\n华北,1,2\n\n地区,2021,2022\n华东,5,6\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape(
        "two.csv row 4: the row holds '地区', '2021', '2022', a header (of a second table "
        "below the first?); expected one table a sheet or file: move the second table to a "
        "sheet (or file) of its own, or delete it"
    )):  # fmt: skip
        read_series(path, unit="MW")
    # the same header words without the name: years shifted alike still give it away
    path.write_text("series_id,2019,2020\nnorth,1,2\n,2021,2022\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape("two.csv row 3: the row holds '2021', '2022'")):
        read_series(path, unit="MW")
    # values that happen to be whole numbers in the years' range are data
    path.write_text("series_id,2019,2020\nnorth,1990,2050\n", encoding="utf-8")
    assert read_series(path, unit="MW")["value"].tolist() == [1990.0, 2050.0]
    path.write_text("年份,规模（亿元）\n2019,1562.5\n\n年份,机架（万架）\n2019,315\n")
    with pytest.raises(NonNumericValueError, match=re.escape(
        "two.csv row 4, column '年份': '年份' is not a year; expected a whole year between "
        "1900 and 2100 such as 2019; the header of a second table below the first? one table "
        "is read a sheet or file: move it to a sheet (or file) of its own, or delete it"
    )):  # fmt: skip
        read_series(path)


def test_a_total_row_in_the_year_column_says_to_delete_it(tmp_path: Path) -> None:
    # Was: "'合计' is not a year; ... a note under the table? start it with 'Note:' ...":
    # a total under the years (科智咨询 exports end so) is no note, and renaming it one
    # would hide a row that sums the others
    path = tmp_path / "t.csv"
    path.write_text(
        "年份,市场规模（亿元）\n2017,946.1\n2018,1228.0\n合计,2174.1\n", encoding="utf-8-sig"
    )
    with pytest.raises(NonNumericValueError, match=re.escape(
        "t.csv row 4, column '年份': '合计' is not a year; expected a whole year between 1900 "
        "and 2100 such as 2019; a total row? it sums the years above it and is no year: "
        "delete the row"
    )):  # fmt: skip
        read_series(path)
    path.write_text("year,value\n2017,1\nTotal:,1\n", encoding="utf-8")
    with pytest.raises(NonNumericValueError, match=re.escape("'Total:' is not a year")) as err:
        read_series(path, unit="MW")
    assert "a total row?" in str(err.value) and "Note:" not in str(err.value)


def test_provenance_headers_in_other_words_are_read(tmp_path: Path) -> None:
    # uat11: 单位 and 来源 were dropped without a word, so unit= labelled 22,387,000 万元 as
    # 22,387,000 亿元 (10,000x); 22,387,000 万元 = 22,387,000 / 10,000 = 2,238.7 亿元
    path = tmp_path / "cn.csv"
    path.write_text(
        "series_id,year,value,单位,来源\n"
        "cidc,2019,1562.5,亿元,科智咨询\ncidc,2020,22387000,万元,科智咨询\n"
        "cidc,2021,3012.1,亿元,中国IDC圈\n",
        encoding="utf-8",
    )
    out = read_series(path, unit="CNY 100m")
    assert out["value"].round(6).tolist() == [1562.5, 2238.7, 3012.1]
    assert out["source"].tolist() == ["科智咨询", "科智咨询", "中国IDC圈"]
    wide = tmp_path / "wide.csv"  # the racks row was read as CNY 100m (its unit ignored)
    wide.write_text("市场,Units,2019,2020\n中国IDC,亿元,1562.5,2238.7\n机架,万架,315,400\n")
    frame = read_series(wide)
    assert frame.groupby("series_id")["unit"].first().to_dict() == {
        "中国IDC": "CNY 100m",
        "机架": "racks 10k",
    }
    rows = tmp_path / "rows.csv"  # 年份 / 备注 / Sources
    rows.write_text(
        "年份,value,Sources,备注\n2019,1562.5亿元,CIDC,口径调整\n2020,2238.7亿元,CIDC,\n"
    )
    frame = read_series(rows)
    assert frame[["year", "source", "note"]].values.tolist() == [
        [2019, "CIDC", "口径调整"],
        [2020, "CIDC", ""],
    ]


def test_a_column_that_is_not_read_is_named(tmp_path: Path) -> None:
    # a unit column under a header read_series does not know: the numbers are read with
    # unit=, and the warning names the column so the user can rename it
    path = tmp_path / "de.csv"
    path.write_text("series_id,year,value,Einheit\na,2019,1,GW\na,2020,2,GW\n")
    with pytest.warns(IgnoredColumnWarning) as caught:
        read_series(path, unit="MW")
    assert str(caught[0].message) == (
        "de.csv: column 'Einheit' not read; a long table is read as series_id, year, value and "
        "the provenance columns unit, qualifier, as_of, source, quote, confidence, scope, "
        "derived, note; rename a column to one of those if it is one (a unit column above "
        "all), or delete it"
    )


def test_a_unit_column_that_contradicts_the_value_text_is_an_error(tmp_path: Path) -> None:
    # uat11: '800 MW' beside unit 'racks' was read as 800 MW, '1562.5亿元' beside 'USD bn'
    # as CNY 100m, without a word: one of the two is wrong
    path = tmp_path / "dim.csv"
    path.write_text("year,value,unit\n2019,800 MW,racks\n2020,1100 MW,racks\n")
    with pytest.raises(UnitError) as caught:
        read_series(path)
    assert str(caught.value) == (
        "dim.csv row 2: the value '800 MW' says 'MW' but the unit column says 'racks'; one of "
        "them is wrong; correct it (a plain number takes the unit column's unit)"
    )
    money = tmp_path / "ccy.csv"
    money.write_text("year,value,unit\n2019,1562.5亿元,美元\n", encoding="utf-8")
    with pytest.raises(
        UnitError, match=re.escape("says 'CNY 100m' but the unit column says '美元' ('USD')")
    ):
        read_series(money)
    # another scale of the same kind is read from the text: 1.2 GW = 1200 MW, 亿元 beside 元
    scale = tmp_path / "scale.csv"
    scale.write_text("year,value,unit\n2019,800,MW\n2020,1.2 GW,MW\n2021,15亿元,元\n")
    with pytest.raises(MixedUnitsError):  # power and money in one series stays an error
        read_series(scale)
    scale.write_text("year,value,unit\n2019,800,MW\n2020,1.2 GW,MW\n")
    assert read_series(scale)["value"].tolist() == [800.0, 1200.0]


def test_a_unit_in_brackets_after_the_series_name_is_read(tmp_path: Path) -> None:
    # uat11: "IDC market (CNY bn)" was unitless, and the hint's unit='CNY 100m' then
    # labelled 156.25 CNY bn as 156.25 CNY 100m (10x too small); 156.25 bn = 1,562.5 x 100m
    path = tmp_path / "hdr.csv"
    path.write_text(
        "year,IDC market (CNY bn),市场规模（亿元）\n2019,156.25,1562.5\n2020,223.87,2238.7\n"
    )
    frame = read_series(path)
    assert frame.groupby("series_id", sort=False)["unit"].first().to_dict() == {
        "IDC market (CNY bn)": "CNY bn",
        "市场规模（亿元）": "CNY 100m",
    }
    same = read_series(path, unit="CNY 100m")  # converted, not relabelled
    assert same["value"].round(6).tolist() == [1562.5, 2238.7, 1562.5, 2238.7]
    wide = tmp_path / "wide.csv"  # a row's name in a table with years as headers
    wide.write_text("market,2019,2020\nChina IDC (MW),100,120\n")
    assert read_series(wide)["unit"].tolist() == ["MW", "MW"]
    plain = tmp_path / "plain.csv"  # "(est.)" is no unit: not read
    plain.write_text("year,east (est.)\n2019,315\n")
    assert set(read_series(plain, unit="racks")["unit"]) == {"racks"}
    # "(10k)" alone: with unit="racks" 315 (x 10,000) racks would be read as 315 racks
    plain.write_text("year,east (10k)\n2019,315\n")
    with pytest.raises(DataError) as caught:
        read_series(plain, unit="racks")
    assert str(caught.value) == (
        "plain.csv row 2, column 'east (10k)': the name 'east (10k)' states the magnitude "
        "'10k' but no unit, so its numbers would be read in a unit given elsewhere without "
        "it; write the unit with it, e.g. '(10k racks)', '（万架）', '(USD bn)' or '（亿元）'"
    )
    # after the things it counts, the magnitude is theirs: "racks (10k)" is racks in 10k
    plain.write_text("year,racks (10k)\n2019,315\n")
    assert read_series(plain, unit="racks")["value"].tolist() == [3_150_000.0]
    plain.write_text("year,racks (10k racks)\n2019,315\n")
    assert read_series(plain, unit="racks")["value"].tolist() == [3_150_000.0]
    # counted things in brackets are the unit: "（个）" was "no unit for this series" (the
    # fix it gave was the brackets the name has), "(万个)" (国家统计局's 互联网宽带接入端口)
    # "states the magnitude '万个' but no unit"
    plain.write_text("年份,大型数据中心（个）,宽带接入端口(万个)\n2019,100,91578.0\n")
    out = read_series(plain)
    assert out[["value", "unit"]].values.tolist() == [[100.0, "count"], [91578.0, "count 10k"]]
    assert read_series(plain, unit="count")["value"].tolist() == [100.0, 915_780_000.0]
    both = tmp_path / "both.csv"
    both.write_text("year,market (MW),unit\n2019,100,GW\n")
    with pytest.raises(
        DataError, match=re.escape("states the unit 'MW' but the unit column says 'GW'")
    ):
        read_series(both)


def test_a_year_indexed_series_and_a_period_index_are_read() -> None:
    # uat11: read_series(pd.Series) died in pathlib with a bare TypeError; a frame indexed
    # by a yearly PeriodIndex (DESIGN.md's pandas way) was told "a title above the header?"
    s = pd.Series(["1562.5亿元", "223.87 CNY bn"], index=[2019, 2020], name="cidc")
    out = read_series(s, unit="CNY 100m")
    assert out[["series_id", "year", "value", "unit"]].values.tolist() == [
        ["cidc", 2019, 1562.5, "CNY 100m"],
        ["cidc", 2020, 2238.7, "CNY 100m"],
    ]
    frame = pd.DataFrame({"value": [1.0, 2.0]}, index=pd.PeriodIndex(["2019", "2020"], freq="Y"))
    assert read_series(frame, unit="MW")["year"].tolist() == [2019, 2020]
    dated = pd.Series([1.0, 2.0], index=pd.to_datetime(["2019-12-31", "2020-12-31"]))
    assert read_series(dated, unit="MW")[["series_id", "year"]].values.tolist() == [
        ["series", 2019],
        ["series", 2020],
    ]


def test_a_frame_indexed_by_years_is_read_as_a_series_is() -> None:
    # Was: pd.DataFrame({"value": [...]}, index=[2019, 2020]) (or an index named "年份" by
    # set_index) was "no 'year' column ... (a title above the header? pass header_row=N)",
    # an option a DataFrame refuses; the same years as a Series' index were read
    frame = pd.DataFrame({"value": ["1562.5亿元", "2238.7亿元"]}, index=[2019, 2020])
    out = read_series(frame)
    assert out[["year", "value", "unit"]].values.tolist() == [
        [2019, 1562.5, "CNY 100m"],
        [2020, 2238.7, "CNY 100m"],
    ]
    assert out["source"].tolist() == ["DataFrame row 0", "DataFrame row 1"]
    wide = pd.DataFrame(
        {"north": [1.0, 2.0], "south": [3.0, 4.0]},
        index=pd.Index(["2019年", "2020年"], name="年份"),
    )
    out = read_series(wide, unit="MW")
    assert _values(out, "north") == {2019: 1.0, 2020: 2.0}
    assert _values(out, "south") == {2019: 3.0, 2020: 4.0}
    # an index of row numbers is no year index: the error stands, without the advice for
    # files ("a title above the header? pass header_row=N"), which a frame refuses
    with pytest.raises(DataError) as caught:
        read_series(pd.DataFrame({"value": [1.0, 2.0]}), unit="MW")
    assert str(caught.value) == (
        "DataFrame: no 'year' column; expected a year column (pass year_column=...) or years "
        "as column headers (2019, 2020, ...); found 'value'"
    )


def test_a_quarterly_or_monthly_index_is_refused_not_read_by_year() -> None:
    # Was: a frame of quarterly periods (or month-end dates) read each row as its year and
    # failed as "two values for year 2019 ... give a different observation date (mid-year,
    # a restatement) its own series id"; one quarter a year (2019Q4, 2020Q4) was read as
    # each year's figure without a word
    fix = (
        "make it yearly first: frame.groupby(frame.index.year).sum() for a flow (revenue, "
        "power used), .last() for a stock (racks, capacity at year-end)"
    )
    quarters = pd.DataFrame(
        {"value": [1.0, 2.0, 3.0]}, index=pd.period_range("2019Q1", periods=3, freq="Q")
    )
    with pytest.raises(DataError, match=re.escape(
        "DataFrame: the index holds Q-DEC periods (2019Q1, 2019Q2, ...), not years; expected "
        "a yearly index (2019, 2020 or periods of freq 'Y'); " + fix
    )):  # fmt: skip
        read_series(quarters, unit="MW")
    q4 = pd.Series([1.0, 2.0], index=pd.PeriodIndex(["2019Q4", "2020Q4"], freq="Q"), name="m")
    with pytest.raises(
        DataError, match=re.escape("kezhi quarterly: the index holds Q-DEC periods")
    ):
        read_series(q4, unit="MW", source_name="kezhi quarterly")
    months = pd.DataFrame({"value": [1.0, 2.0]}, index=pd.to_datetime(["2019-01-31", "2019-02-28"]))
    with pytest.raises(DataError, match=re.escape(
        "DataFrame: the index holds 2019-01-31 and 2019-02-28, two dates in 2019; expected one "
        "date a year (each is read as its year); " + fix
    )):  # fmt: skip
        read_series(months, unit="MW")
    # yearly periods (a fiscal year ending in June too: its year is the one it ends in)
    fiscal = pd.Series([1.0], index=pd.PeriodIndex(["2020"], freq="Y-JUN"))
    assert read_series(fiscal, unit="MW")["year"].tolist() == [2020]


def test_dot_thousands_in_a_semicolon_file_are_named(tmp_path: Path) -> None:
    # uat11: '1.562' in every cell of a ';' file (a continental export of 1562 MW) was read
    # as 1.562 MW, 1000x too small, without a word
    path = tmp_path / "eu.csv"
    path.write_text("year;value;unit\n2019;1.562;MW\n2020;2.238;MW\n2021;3.012;MW\n")
    with pytest.warns(AmbiguousNumberWarning) as caught:
        assert read_series(path)["value"].tolist() == [1.562, 2.238, 3.012]
    assert str(caught[0].message) == (
        "eu.csv: every number ('1.562', '2.238', '3.012'...) has exactly three digits after its "
        "dot in a ';'-separated file, as files that group thousands with '.' write them; they "
        "were read with '.' as the decimal mark (1.562 as 1.562, not 1562); if the dots group "
        "thousands, pass decimal=','"
    )
    assert read_series(path, decimal=",")["value"].tolist() == [1562.0, 2238.0, 3012.0]
    path.write_text("year;value;unit\n2019;1.562;MW\n2020;2.5;MW\n")  # not all: no warning
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_series(path)


def test_comma_thousands_in_a_semicolon_file_are_named(tmp_path: Path) -> None:
    # readers30: the mirror of the dots: '1,500' in every cell of a ';' file (a continental
    # export of 1.5 MW, ',' its decimal mark) was read as 1500 MW, 1000x too large, unsaid
    path = tmp_path / "eu.csv"
    path.write_text("year;value;unit\n2019;1,500;MW\n2020;2,250;MW\n")
    with pytest.warns(AmbiguousNumberWarning) as caught:
        assert read_series(path)["value"].tolist() == [1500.0, 2250.0]
    assert str(caught[0].message) == (
        "eu.csv: every number ('1,500', '2,250'...) has exactly three digits after its comma "
        "in a ';'-separated file, as files that write ',' as the decimal mark may; they were "
        "read with ',' grouping thousands (1,562 as 1562, not 1.562); if the comma is the "
        "decimal mark, pass decimal=','"
    )
    assert read_series(path, decimal=",")["value"].tolist() == [1.5, 2.25]
    # a number in another form ('1,500.5', '120'), or a ',' file: no warning
    for text in (
        "year;value;unit\n2019;1,500.5;MW\n2020;2,250;MW\n",
        "year;value;unit\n2019;120;MW\n2020;2,250;MW\n",
        'year,value,unit\n2019,"1,500",MW\n2020,"2,250",MW\n',
    ):
        path.write_text(text)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            read_series(path)


def test_a_workbook_or_utf16_file_under_a_text_name_says_what_it_is(tmp_path: Path) -> None:
    # uat11: both got "not utf-8 text ... pass encoding='gb18030'", which fails again
    book = tmp_path / "book.xlsx"
    pd.DataFrame({"year": [2019, 2020], "value": [1.0, 2.0]}).to_excel(book, index=False)
    fake = tmp_path / "fake.csv"
    fake.write_bytes(book.read_bytes())
    with pytest.raises(
        DataError,
        match=re.escape(
            "fake.csv: the file is an Excel workbook (zip), not CSV text; rename it to .xlsx"
        ),
    ):
        read_series(fake, unit="MW")
    wide = tmp_path / "u16.txt"
    wide.write_text("year\tvalue\n2019\t1\n2020\t2\n", encoding="utf-16")
    assert read_series(wide, unit="MW", encoding="utf-16")["value"].tolist() == [1.0, 2.0]


def test_a_utf16_file_with_a_byte_order_mark_reads_without_encoding(tmp_path: Path) -> None:
    # Excel's "Unicode Text" export: UTF-16 LE with the mark FF FE, tab-separated; no UTF-8
    # file starts with FF FE or FE FF, so the default encoding reads it (it asked for
    # encoding='utf-16' before)
    little = tmp_path / "unicode.txt"
    little.write_text("年份\t市场规模（亿元）\n2019\t1562.5\n2020\t2238.7\n", encoding="utf-16")
    assert little.read_bytes()[:2] == b"\xff\xfe"
    frame = read_series(little)
    assert frame["value"].tolist() == [1562.5, 2238.7]
    assert frame["unit"].unique().tolist() == ["CNY 100m"]
    big = tmp_path / "big.csv"
    big.write_bytes(b"\xfe\xff" + "year,value\n2019,1\n2020,2\n".encode("utf-16-be"))
    assert read_series(big, unit="MW")["value"].tolist() == [1.0, 2.0]
    from idcforecast import read_long_table

    long16 = tmp_path / "long16.csv"
    long16.write_text("series_id,year,value\nA,2019,1\nA,2020,2\n", encoding="utf-16")
    assert read_long_table(long16, unit="MW")["value"].tolist() == [1.0, 2.0]


def test_a_racks_to_power_conversion_states_its_kw_per_rack() -> None:
    # uat11: "converted from 'racks 10k' (x25)" hid the 2.5 kW per rack it rests on;
    # 520万 racks x 2.5 kW = 5,200,000 x 2.5 kW = 13,000 MW; at 8 kW, 41,600 MW
    table = pd.DataFrame({"year": [2019], "value": ["520万标准机架"]})
    out = read_series(table, unit="MW")
    assert out["value"].tolist() == [13000.0]
    assert out["note"].tolist() == ["converted from 'racks 10k' (x25, at 2.5 kW per standard rack)"]
    out = read_series(table, unit="MW", kw_per_rack=8)
    assert (out["value"].tolist(), out["note"].tolist()) == (
        [41600.0],
        ["converted from 'racks 10k' (x80, at 8 kW per standard rack)"],
    )


def test_a_second_figure_that_disagrees_with_the_first_is_named() -> None:
    # uat11: "500 billion yuan ($7.12 billion)" (a slipped magnitude) was noted as a plain
    # alternate; parse --to said 917% above. 500 CNY bn / 6.9042 (2020) = 72.42 USD bn,
    # 72.42 / 7.12 - 1 = 917%; $71.2bn is 1.7% off: within the 10% an article's rate allows
    table = pd.DataFrame(
        {
            "year": [2020, 2021],
            "value": ["500 billion yuan ($7.12 billion)", "500 billion yuan ($71.2 billion)"],
        }
    )
    notes = read_series(table)["note"].tolist()
    assert notes == [
        "alternate figure in the text: 7.12 USD bn (not used; the figure is 72.42 USD bn at "
        "2020 rates, 917% above it: check the text)",
        "alternate figure in the text: 71.2 USD bn (not used)",
    ]


def test_not_published_marks_are_gaps_and_float_or_date_years_are_years(tmp_path: Path) -> None:
    # uat11: "—" (how Chinese tables mark a year not published) was an error even where a
    # blank cell is a gap; "2019.0" (a float year column saved by pandas) and "2019-12-31"
    # were "not a year" in a CSV while Excel date cells were read
    wide = tmp_path / "wide.csv"
    wide.write_text("market,2019,2020,2021\nA,100,—,120\nB,n/a,5,6\n", encoding="utf-8")
    out = read_series(wide, unit="MW")
    assert out[["series_id", "year", "value"]].values.tolist() == [
        ["A", 2019, 100.0], ["A", 2021, 120.0], ["B", 2020, 5.0], ["B", 2021, 6.0]
    ]  # fmt: skip
    rows = tmp_path / "rows.csv"
    rows.write_text("year,value\n2019.0,100\n2020.0,..\n2021-12-31,120\n")
    assert read_series(rows, unit="MW")[["year", "value"]].values.tolist() == [
        [2019, 100.0], [2021, 120.0]
    ]  # fmt: skip
    empty = tmp_path / "empty.csv"  # a row of marks only is still a row without a value
    empty.write_text("market,2019,2020\nA,—,—\nB,1,2\n", encoding="utf-8")
    with pytest.raises(EmptyDataError, match="the row has no value in any year column"):
        read_series(empty, unit="MW")


def test_the_header_hint_does_not_take_a_data_row_for_the_header(tmp_path: Path) -> None:
    # uat11: "row 5 looks like the header" for the data row 2021,1900,2012.1 (two numbers in
    # the years' range); the header is row 2, whose year column has no name
    path = tmp_path / "hint.csv"
    path.write_text(
        "Market size by region (CNY 100m),,\n,East,West\n2019,1000,562.5\n2020,1400,838.7\n"
        "2021,1900,2012.1\n"
    )
    with pytest.raises(DataError) as caught:
        read_series(path)
    assert str(caught.value).endswith(
        "(a title above the header? row 2 looks like the header but its first cell, over the "
        "years, is blank: write 'year' there and pass header_row=1, the 0-based row of the "
        "header)"
    )
    path.write_text("Title,,\nyear,East,West\n2019,1000,562.5\n2021,1900,2012.1\n")
    with pytest.raises(
        DataError, match=re.escape("row 2 looks like the header: pass header_row=1")
    ):
        read_series(path)
    path.write_text("year,East,West\n2019,1000,562.5\n2020,1400,838.7\n2021,1900,2012.1\n")
    assert len(read_series(path, unit="MW")) == 6  # followed, the hint reads the table


def test_a_total_row_of_a_wide_table_is_named(tmp_path: Path) -> None:
    # was: read_series took the "合计" row for one more series without a word (forecast-many
    # named it); 812.3 + 750.3 = 1,562.6 against the published 1,562.5: within rounding
    from idcforecast.errors import TotalRowWarning

    path = tmp_path / "segments.csv"
    path.write_text(
        "segment,2019,2020\nhosting,812.3,1000\ncloud,750.3,1100\n合计,1562.5,2100\n",
        encoding="utf-8",
    )
    with pytest.warns(TotalRowWarning, match="the row '合计' looks like the table's total") as rec:
        frame = read_series(path, unit="CNY 100m")
    assert "it is the sum of the other 2 ('hosting', 'cloud')" in str(rec[0].message)
    assert sorted(frame["series_id"].unique()) == ["cloud", "hosting", "合计"]  # still read
    with warnings.catch_warnings():
        warnings.simplefilter("error", TotalRowWarning)
        read_series(path, unit="CNY 100m", series_id="hosting")  # one series: no total


def _figures_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "figures"
    folder.mkdir(parents=True)
    (folder / "a_broker.csv").write_text(
        "year,value,source\n2012,210.5,ip110 blog\n2013,260,broker A\n", encoding="utf-8"
    )
    (folder / "b_cidc.csv").write_text(
        "year,value,source\n2014,372.2,CIDC 2015\n2015,518.6,CIDC 2016\n", encoding="utf-8"
    )
    (folder / "~$b_cidc.xlsx").write_text("Excel lock file")  # not a table
    (folder / "readme.pdf").write_text("not a table")
    return folder


def test_a_folder_of_files_joins_into_one_series(tmp_path: Path) -> None:
    # was: IsADirectoryError traceback (report), or "no such file"
    frame = read_series(_figures_folder(tmp_path), series_id="cidc", unit="CNY 100m")
    assert frame["series_id"].unique().tolist() == ["cidc"]
    assert frame["year"].tolist() == [2012, 2013, 2014, 2015]
    assert frame["value"].tolist() == [210.5, 260.0, 372.2, 518.6]
    assert frame["source"].tolist() == ["ip110 blog", "broker A", "CIDC 2015", "CIDC 2016"]
    # without series_id each file's unnamed series is named by the file, as for one file
    both = read_series(_figures_folder(tmp_path / "x"), unit="CNY 100m")
    assert both["series_id"].unique().tolist() == ["a_broker", "b_cidc"]


def test_a_folder_file_of_a_named_series_is_never_left_out_in_silence(tmp_path: Path) -> None:
    # analyst54: a CSV export headed "年份,市场规模（亿元）,来源" beside files of year,value:
    # read_series(folder, series_id="cidc") returned the other files' 4 years alone, the
    # export's 2016 and 2018 dropped without a word (its series is named by its header)
    folder = _figures_folder(tmp_path)
    (folder / "c_export.csv").write_text(
        "年份,市场规模（亿元）,来源\n2016,714.5,前瞻\n2018,1228,highestlevel\n", encoding="utf-8"
    )
    message = (
        "folder figures: c_export.csv holds no series 'cidc' (its series: '市场规模（亿元）'), "
        "so its figures would be left out of the series joined from the folder; to join it, "
        "head its value column 'value' as the other files do"
    )
    with pytest.raises(UnknownSeriesError, match=re.escape(message)) as caught:
        read_series(folder, series_id="cidc", unit="CNY 100m")
    assert caught.value.file == "c_export.csv"
    # headed as asked ('value（亿元）' keeps its unit) it joins: 4 + 2 years
    (folder / "c_export.csv").write_text(
        "年份,value（亿元）,来源\n2016,714.5,前瞻\n2018,1228,highestlevel\n", encoding="utf-8"
    )
    frame = read_series(folder, series_id="cidc", unit="CNY 100m")
    assert frame["year"].tolist() == [2012, 2013, 2014, 2015, 2016, 2018]
    assert frame["value"].tolist()[-2:] == [714.5, 1228.0]
    # a long table's other series, named in its series_id column, is left out as chosen
    (folder / "d_us.csv").write_text("series_id,year,value\nUS,2019,5\n", encoding="utf-8")
    frame = read_series(folder, series_id="cidc", unit="CNY 100m")
    assert frame["year"].tolist() == [2012, 2013, 2014, 2015, 2016, 2018]


def test_a_folder_file_with_a_title_says_header_row_is_one_for_all_files(tmp_path: Path) -> None:
    # analyst54: an Excel workbook with a title and a "单位：亿元" line above its header,
    # beside CSVs headed on their first row, was told "pass header_row=2", which then
    # misread every CSV of the folder (its third line taken as their header)
    import openpyxl

    folder = _figures_folder(tmp_path)
    book = openpyxl.Workbook()
    sheet = book.active
    for row in (["中国IDC业务市场规模"], ["单位：亿元"], ["year", "value"], [2016, 714.5]):
        sheet.append(row)
    book.save(folder / "c_book.xlsx")
    message = (
        "row 3 looks like the header: pass header_row=2, the 0-based row of the header); it "
        "is read as one of the tables of folder figures (every .csv, .txt, .xlsx, .xlsm, .xls "
        "file in it): if c_book.xlsx is no table, move it out of the folder (header_row= "
        "applies to every file of the folder: pass it when all their headers are on that row, "
        "else delete the lines above the header of c_book.xlsx)"
    )
    with pytest.raises(DataError, match=re.escape(message) + "$"):
        read_series(folder, series_id="cidc", unit="CNY 100m")


def test_a_folder_with_a_gbk_export_beside_utf8_files_reads_with_one_encoding(
    tmp_path: Path,
) -> None:
    # analyst54: a GBK CSV (Excel on Chinese Windows) beside UTF-8 files: without encoding=
    # the GBK file was "not utf-8 text: pass encoding='gb18030'", and with it each UTF-8
    # file was "UTF-8 text, not gb18030: drop encoding=" -- no way to read the folder.
    # encoding= now names the encoding of the files that are not UTF-8
    folder = _figures_folder(tmp_path)
    (folder / "c_gbk.csv").write_bytes("年份,value,来源\n2016,714.5,前瞻\n".encode("gb18030"))
    (folder / "d_utf8.csv").write_text("year,value,source\n2017,946.1,科智咨询\n", "utf-8")
    with pytest.raises(DataError, match=re.escape("pass encoding='gb18030'")):
        read_series(folder, series_id="cidc", unit="CNY 100m")
    frame = read_series(folder, series_id="cidc", unit="CNY 100m", encoding="gb18030")
    assert frame["year"].tolist() == [2012, 2013, 2014, 2015, 2016, 2017]
    assert frame["source"].tolist()[-2:] == ["前瞻", "科智咨询"]  # neither garbled


def test_a_folder_file_whose_unit_line_contradicts_unit_is_an_error(tmp_path: Path) -> None:
    # analyst54: read_series("a.csv", header_row=2, unit="CNY 100m") under "Unit: US$
    # millions" is an error (the numbers would take the wrong unit), but the same file in a
    # folder was read as 1,562.5 CNY 100m without a word: the check ran for one file only
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.csv").write_text("IDC market\nUnit: US$ millions\nyear,value\n2019,1562.5\n")
    (folder / "b.csv").write_text("IDC market\nUnit: US$ millions\nyear,value\n2020,2238.7\n")
    message = "a.csv row 4 (series 'x'): a line above the header says 'Unit: US$ millions'"
    with pytest.raises(UnitError, match=re.escape(message)):
        read_series(folder, series_id="x", unit="CNY 100m", header_row=2)
    # without unit=, the error points at the line as it does for one file (it did not)
    hint = "a line above the header says 'Unit: US$ millions': pass unit='US$ millions'"
    with pytest.raises(UnitError, match=re.escape(hint)):
        read_series(folder, series_id="x", header_row=2)
    frame = read_series(folder, series_id="x", unit="US$ millions", header_row=2)
    assert frame["unit"].unique().tolist() == ["USD mn"]
    assert frame["value"].tolist() == [1562.5, 2238.7]


def test_a_folder_of_stated_and_bare_values_under_another_unit_is_named(tmp_path: Path) -> None:
    # analyst54: "value（亿元）" files beside year,value files (亿元 too), read with
    # unit="CNY bn" to normalise: the first converted (1,562.5 亿元 = 156.25 CNY bn), the
    # second's 3,012.7 taken as 3,012.7 CNY bn, ten times too large, without a word
    folder = tmp_path / "f"
    folder.mkdir()
    (folder / "a.csv").write_text("年份,value（亿元）\n2019,1562.5\n2020,2238.7\n", "utf-8")
    (folder / "b.csv").write_text("year,value\n2021,3012.7\n2022,4043.2\n", "utf-8")
    message = (
        "series 'cidc': 2 values (a.csv row 2, and 1 more) stated in 'CNY 100m' are converted "
        "to 'CNY bn', while 2 bare numbers (b.csv row 2, and 1 more) are taken as 'CNY bn'"
    )
    with pytest.warns(AmbiguousNumberWarning, match=re.escape(message)):
        frame = read_series(folder, series_id="cidc", unit="CNY bn")
    assert frame["value"].tolist() == [156.25, 223.87, 3012.7, 4043.2]  # read as written
    with warnings.catch_warnings():  # the unit the bare numbers are in: nothing to say
        warnings.simplefilter("error")
        frame = read_series(folder, series_id="cidc", unit="CNY 100m")
    assert frame["value"].tolist() == [1562.5, 2238.7, 3012.7, 4043.2]


def test_a_folder_year_given_twice_names_both_files(tmp_path: Path) -> None:
    folder = _figures_folder(tmp_path)
    (folder / "c_other.csv").write_text("year,value\n2013,265\n", encoding="utf-8")
    message = (
        "series 'cidc' has two values for year 2013 (a_broker.csv row 3 and c_other.csv row 2)"
    )
    with pytest.raises(DuplicateYearError, match=re.escape(message)):
        read_series(folder, series_id="cidc", unit="CNY 100m")


def test_a_folder_without_tables_and_source_name_are_errors(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.pdf").write_text("x")
    with pytest.raises(EmptyDataError, match=re.escape("no table file to read (found notes.pdf)")):
        read_series(empty)
    with pytest.raises(DataError, match="source_name='x' names one file"):
        read_series(_figures_folder(tmp_path), source_name="x", unit="CNY 100m")


def test_a_folder_with_an_xlsb_workbook_is_an_error_not_lost_figures(tmp_path: Path) -> None:
    # was: c_2016.xls skipped without a word, its figures missing from the series (an .xls
    # is read since readers30: tests/test_io_xls.py; an .xlsb is not)
    folder = _figures_folder(tmp_path)
    (folder / "c_2016.xlsb").write_bytes(b"PK\x03\x04 binary Excel workbook")
    message = (
        f"folder {folder}: c_2016.xlsb cannot be read (expected .csv, .txt, .xlsx, .xlsm, .xls "
        "files); save it as .xlsx or .csv, or move it out of the folder"
    )
    with pytest.raises(DataError, match=re.escape(message) + "$"):
        read_series(folder, series_id="cidc", unit="CNY 100m")
    # a subfolder is not read (old versions kept aside): the folder's own files are
    (folder / "c_2016.xlsb").unlink()
    (folder / "old").mkdir()
    (folder / "old" / "a_broker.csv").write_text("year,value\n2012,999\n", encoding="utf-8")
    frame = read_series(folder, series_id="cidc", unit="CNY 100m")
    assert frame["value"].tolist() == [210.5, 260.0, 372.2, 518.6]


def test_a_text_file_beside_the_tables_of_a_folder_says_to_move_it(tmp_path: Path) -> None:
    # was the bare "README.txt: no 'year' column ..." with no word of the folder
    folder = _figures_folder(tmp_path)
    (folder / "README.txt").write_text("Figures from CIDC reports.\nSee notes.\n")
    message = (
        "; it is read as one of the tables of folder figures (every .csv, .txt, .xlsx, "
        ".xlsm, .xls file in it): if README.txt is no table, move it out of the folder"
    )
    with pytest.raises(DataError, match=re.escape(message)) as caught:
        read_series(folder, series_id="cidc", unit="CNY 100m")
    assert str(caught.value).startswith("README.txt: no 'year' column")
    assert type(caught.value) is DataError


def test_a_magnitude_alone_as_the_unit_asks_for_the_money_unit() -> None:
    # polish17: unit="亿" (a plain count of 1e8) gave "no conversion between money and count"
    table = pd.DataFrame({"year": [2019, 2020], "value": ["1,562.5亿元", "2,238.7亿元"]})
    with pytest.raises(IncompatibleUnitsError, match=re.escape("did you mean '亿元' (CNY 100m)?")):
        read_series(table, series_id="cidc", unit="亿")
    # spelled as meant it reads: 1562.5 亿元 is 1562.5 CNY 100m
    out = read_series(table, series_id="cidc", unit="亿元")
    assert out["value"].tolist() == [1562.5, 2238.7]


def test_an_accounting_negative_with_a_unit_in_a_cell() -> None:
    # polish17: "(12.5)亿元" was "unit '( )亿元' is not defined"; "(12.5)" was -12.5 already
    table = pd.DataFrame({"year": [2019, 2020], "value": ["(12.5)亿元", "(12.5)"]})
    out = read_series(table, series_id="x", unit="亿元")
    assert out["value"].tolist() == [-12.5, -12.5]


def test_a_value_under_no_header_in_a_wide_table_is_an_error(tmp_path: Path) -> None:
    # was: 'series_id,2019,2020,' over 'china,1,2,5' read 2019 and 2020 and dropped the 5
    # without a word (a year whose header was lost); a long table's such column was named
    # by pandas' "Unnamed: 3"
    path = tmp_path / "wide.csv"
    path.write_text("series_id,2019,2020,\nchina,1,2,5\n", encoding="utf-8")
    message = (
        "wide.csv row 2, column 4 (no header): a column without a header holds '5'; "
        "expected a year or the name of what the column holds in its header"
    )
    with pytest.raises(DataError, match=re.escape(message)):
        read_series(path, unit="MW")
    path.write_text("series_id,2019,2020,\nchina,1,2,\n", encoding="utf-8")  # nothing there
    assert read_series(path, unit="MW")["value"].tolist() == [1.0, 2.0]
    long = tmp_path / "long.csv"
    long.write_text("series_id,year,value,\nchina,2019,1,5\nchina,2020,2,\n", encoding="utf-8")
    with pytest.warns(
        IgnoredColumnWarning, match=re.escape("long.csv: column 4 (no header) not read")
    ):
        read_series(long, unit="MW")


def test_footnote_markers_after_a_figure_are_not_read_as_digits(tmp_path: Path) -> None:
    # readers24: "320①" was read as 3201 and "1,562.5²" as 1562.52 (NFKC makes ① and ²
    # digits), in silence; "3012.3*" was "unit '*' is not defined"
    path = tmp_path / "marks.csv"
    path.write_text(
        '年份,市场规模（亿元）\n2019,"1,562.5²"\n2020,320①\n2021,3012.3*\n2022,4000\n'
        "注：*为预估值\n",
        encoding="utf-8",
    )
    msg = (
        "marks.csv: 3 values with a footnote marker after the figure, read without it "
        "(marks.csv row 2, column '市场规模（亿元）' '1,562.5²' as 1562.5; marks.csv row 3, "
        "column '市场规模（亿元）' '320①' as 320; marks.csv row 4, column '市场规模（亿元）' "
        "'3012.3*' as 3012.3); each keeps it in its note and quote; check what the footnote "
        "says of them (an estimate, another scope?), and delete the marker to silence this note"
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = read_series(path)
    notes = [str(w.message) for w in caught if w.category is FootnoteWarning]
    assert notes == [
        "marks.csv: skipped 1 footnote row below the table: marks.csv row 6 ('注：*为预估值'); "
        "delete them from the file to silence this note",
        msg,
    ]
    # the numbers as written before the marker, in the header's unit
    expected = {2019: 1562.5, 2020: 320.0, 2021: 3012.3, 2022: 4000.0}
    assert _values(out, "市场规模（亿元）") == expected
    assert out["unit"].unique().tolist() == ["CNY 100m"]
    row = out.set_index("year").loc[2020]
    assert row["quote"] == "320①"
    assert row["note"] == "footnote marker '①' after the figure (not read as part of it)"
    # with a unit in the cell, a decimal comma, an accounting negative, a % cell
    wide = tmp_path / "wide.csv"
    wide.write_text('market;2019;2020\nA;"1.562,5亿元 ①";(12,5)†\nB;27,8%⑴;1,5% ※\n')
    with pytest.warns(FootnoteWarning):
        out = read_series(wide, decimal=",", unit={"A": "CNY 100m"})
    assert _values(out, "A") == {2019: 1562.5, 2020: -12.5}
    assert _values(out, "B") == {2019: 27.8, 2020: 1.5}
    # such a number inside the figure, or alone, is an error, never a digit
    bad = tmp_path / "bad.csv"
    bad.write_text("year,value\n2019,320①亿元\n")
    msg = (
        "bad.csv row 2, column 'value': '320①亿元' holds '①' inside the figure, where it "
        "would be read as a digit; expected a footnote marker at the end of the cell "
        "('320亿元①'), or none"
    )
    with pytest.raises(ParseError, match=re.escape(msg)):
        read_series(bad)
    bad.write_text("year,value\n2019,①\n")
    with pytest.raises(NonNumericValueError, match=re.escape("'①' is a footnote marker without")):
        read_series(bad, unit="MW")


def test_a_title_above_a_header_named_in_chinese_names_the_header_row(tmp_path: Path) -> None:
    # readers24: "年份" is read as the year column, yet the hint below a title did not see
    # it and said only "pass header_row=N"
    import openpyxl

    book = openpyxl.Workbook()
    book.active.append(["中国IDC市场规模（2019-2020）"])
    book.active.append([])
    book.active.append(["年份", "市场规模（亿元）"])
    book.active.append([2019, 1562.5])
    book.active.append([2020, 2238.7])
    path = tmp_path / "titled.xlsx"
    book.save(path)
    with pytest.raises(
        DataError, match=re.escape("row 3 looks like the header: pass header_row=2")
    ):
        read_series(path)
    out = read_series(path, header_row=2)
    assert _values(out, "市场规模（亿元）") == {2019: 1562.5, 2020: 2238.7}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        # readers24: each was "row 2, column 'year': a blank cell is not a year" or "...
        # column 'market': the series name is blank", far from the fix
        (
            "年份,市场规模,机架数\n,亿元,万架\n2019,1562.5,227\n",
            "u.csv row 2: the row holds '亿元', '万架', a second header row of units; expected "
            "one header row: write the unit in brackets after each series' name in the "
            "header ('市场规模（亿元）') and delete this row",
        ),
        (
            "market,2019,2020\n,USD bn,USD bn\nChina,1,2\n",
            "u.csv row 2: the row holds 'USD bn', 'USD bn', a second header row of units; "
            "expected one header row: write the unit in brackets after each series' name "
            "('China (USD bn)') or a 'unit' column and delete this row",
        ),
        (
            "market,2020,2021,2022\n,A,E,E\nChina,1,2,3\n",
            "u.csv row 2: the row holds 'A', 'E', 'E', a second header row marking actuals "
            "and estimates; expected one header row: write each mark into the year it marks "
            "('2021E'; '2020A' is read as 2020) and delete this row (estimates= then says "
            "what to do with the estimates)",
        ),
        (
            "year,type,value\n2020,实际,1\n2021,预测,2\n",
            "u.csv row 2, column 'type': column 'type' marks actuals and estimates ('实际', "
            "'预测'); expected the mark in the year ('2021E'; '2020A' is read as 2020), so "
            "that estimates= decides what is read; write it there and delete the column",
        ),
    ],
)
def test_a_second_header_row_or_a_column_of_marks_says_where_they_belong(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "u.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError, match=re.escape(message)):
        read_series(path, unit="MW")
    # a blank first name over numbers stays the error it was
    path.write_text("market,2019\n,5\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape("the series name is blank")):
        read_series(path, unit="MW")


def test_a_utf8_file_read_with_a_legacy_encoding_is_an_error_not_mojibake(
    tmp_path: Path,
) -> None:
    # readers24: with encoding="gb18030" (one GBK file in a folder, or to be safe) a UTF-8
    # file was read without an error, its source '科智咨询报告' as '绉戞櫤鍜ㄨ...'; its
    # "亿元" values as "unit '浜垮厓' is not defined", its header "年份" as "no 'year' column"
    path = tmp_path / "u8.csv"
    path.write_text("year,value,source\n2019,1562.5,科智咨询报告\n", encoding="utf-8")
    # the misreading shown is what Python's gb18030 codec makes of the UTF-8 bytes
    misread = "科智咨询报告".encode().decode("gb18030", errors="replace")
    assert misread.startswith("绉戞櫤")
    msg = (
        f"u8.csv: the file is UTF-8 text, not gb18030 (read as gb18030, '科智咨询报告' would "
        f"be {misread!r}); drop encoding= (--encoding): UTF-8 is the default"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        read_series(path, unit="CNY 100m", encoding="gb18030")
    assert read_series(path, unit="CNY 100m")["source"].tolist() == ["科智咨询报告"]
    # a byte-order mark alone says UTF-8 too (gb18030 made the header '锘縴ear')
    path.write_bytes(b"\xef\xbb\xbfyear,value\n2019,1\n")
    with pytest.raises(DataError, match=re.escape("(it starts with a UTF-8 byte-order mark)")):
        read_series(path, unit="MW", encoding="cp1252")
    # GBK and cp1252 files, and ASCII ones, are read with their encodings as before
    path.write_bytes("year,value,source\n2019,1562.5亿元,科智咨询\n".encode("gbk"))
    assert read_series(path, encoding="gb18030")["source"].tolist() == ["科智咨询"]
    path.write_bytes("year,value,source\n2019,5,Café\n".encode("cp1252"))
    assert read_series(path, unit="MW", encoding="cp1252")["source"].tolist() == ["Café"]
    path.write_text("year,value\n2019,5\n", encoding="ascii")
    assert read_series(path, unit="MW", encoding="gbk")["value"].tolist() == [5.0]


def test_a_line_break_in_a_header_or_a_name_cell_is_a_space(tmp_path: Path) -> None:
    # readers24: Excel's Alt+Enter in "market size⏎(CNY bn)" made the series id
    # 'market size\n(CNY bn)', which no --series typed on one line matches
    import openpyxl

    path = tmp_path / "nl.csv"
    path.write_text('"year","market size\n(CNY bn)"\n2019,156.25\n', encoding="utf-8")
    out = read_series(path)
    assert out["series_id"].tolist() == ["market size (CNY bn)"]
    assert out["unit"].tolist() == ["CNY bn"]
    assert read_series(path, series_id="market size (CNY bn)")["value"].tolist() == [156.25]
    book = openpyxl.Workbook()
    book.active.append(["region", 2019, 2020])
    book.active.append(["China\nColocation (USD bn)", 1.5, 2.0])
    book.save(tmp_path / "nl.xlsx")
    out = read_series(tmp_path / "nl.xlsx")
    assert out["series_id"].unique().tolist() == ["China Colocation (USD bn)"]
    assert _values(out, "China Colocation (USD bn)") == {2019: 1.5, 2020: 2.0}


def test_a_long_tables_value_column_headed_with_its_unit(tmp_path: Path) -> None:
    # readers24: "value (CNY bn)" beside series_id was "a 'series_id' column in a table with a
    # year per row and no 'value' column ... rename the value column to 'value'" (so losing
    # the unit); without series_id it became a series named "value (CNY bn)"
    path = tmp_path / "v.csv"
    path.write_text("series_id,year,value (CNY bn)\ncidc,2019,156.25\ncidc,2020,223.87\n")
    out = read_series(path)
    assert _values(out, "cidc") == {2019: 156.25, 2020: 223.87}
    assert out["unit"].unique().tolist() == ["CNY bn"]
    # the header's unit converts: 156.25 CNY bn = 1562.5 CNY 100m (1 bn = 10 x 100m)
    assert _values(read_series(path, unit="CNY 100m"), "cidc") == {2019: 1562.5, 2020: 2238.7}
    path.write_text("年份,数值（亿元）\n2019,1562.5\n", encoding="utf-8")
    out = read_series(path)
    assert out[["series_id", "year", "value", "unit"]].values.tolist() == [
        ["v", 2019, 1562.5, "CNY 100m"]
    ]
    # asked for a column per series, it stays the series it names
    out = read_series(path, layout="years_as_rows")
    assert out[["series_id", "unit"]].values.tolist() == [["数值（亿元）", "CNY 100m"]]
    # a unit column of another unit contradicts it
    path.write_text("year,value (CNY bn),unit\n2019,156.25,MW\n")
    msg = (
        "v.csv row 2: the series' name states the unit 'CNY bn' but the unit column says "
        "'MW'; expected one unit; correct one of them"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        read_series(path)


def test_an_excel_value_column_headed_with_its_unit(tmp_path: Path) -> None:
    # report25: "数值（亿元）" in a workbook crashed with KeyError: 'value' (the place of a
    # cell looked up the spreadsheet letter of the column under its new name, "value")
    from openpyxl import Workbook

    book = Workbook()
    book.active.title = "数据"
    book.active.append(["年份", "数值（亿元）", "来源"])
    book.active.append([2019, 1562.5, "科智咨询"])
    book.active.append([2020, 2238.7, "科智咨询"])
    book.save(tmp_path / "m.xlsx")
    out = read_series(tmp_path / "m.xlsx")
    assert out[["year", "value", "unit", "source"]].values.tolist() == [
        [2019, 1562.5, "CNY 100m", "科智咨询"],
        [2020, 2238.7, "CNY 100m", "科智咨询"],
    ]
    book.active.append([2021, None, "科智咨询"])
    book.save(tmp_path / "m.xlsx")
    msg = (
        "m.xlsx sheet '数据' row 4, column 'value': the value is blank but the row is not; "
        "expected a number or a figure (blank a whole row to skip it)"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        read_series(tmp_path / "m.xlsx")


@pytest.mark.parametrize(
    ("header", "why"),
    [
        (
            "2021*",
            "is the year 2021 with the footnote marker '*'; expected a year alone: delete the "
            "marker, or if it marks an estimate, write '2021E' (estimates= then says what to "
            "do with estimates)",
        ),
        ("2021①", "is the year 2021 with the footnote marker '①'"),
        # an estimate with a footnote: the advice was to write '2021E', as it already was
        (
            "2021E*",
            "is the estimate '2021E' with the footnote marker '*'; expected the year alone: "
            "delete the marker ('2021E'; estimates= then says what to do with estimates)",
        ),
        (
            "2021 Q4",
            "is a quarter or half of a year, not a year; expected one column (or row) per year "
            "with the annual figure: read_series reads yearly series",
        ),
        ("2021H1", "is a quarter or half of a year, not a year"),
        ("2021年上半年", "is a quarter or half of a year, not a year"),
        (
            "FY2021/22",
            "is a fiscal year over two calendar years; expected one year: write the year it "
            "ends in ('2022' or 'FY2022'), as annual reports label it",
        ),
    ],
)
def test_a_year_header_that_cannot_be_read_is_an_error_not_a_dropped_column(
    tmp_path: Path, header: str, why: str
) -> None:
    # readers24: the column '2021*' (its numbers 3 and 6) was left out of a wide table
    # without a word, as a number column beside the years (a CAGR) is; read_long_table too
    from idcforecast import read_long_table

    path = tmp_path / "w.csv"
    path.write_text(f"market,2019,2020,{header}\nA,1,2,3\nB,4,5,6\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape(f"w.csv: column {header!r} {why}")):
        read_series(path, unit="MW")
    with pytest.raises(DataError, match=re.escape(f"w.csv: column {header!r} {why}")):
        read_long_table(path)
    # in a year column, the cell says the same
    path.write_text(f"year,value\n2020,1\n{header},2\n", encoding="utf-8")
    with pytest.raises(NonNumericValueError, match=re.escape(f"column 'year': {header!r} {why}")):
        read_series(path, unit="MW")


def test_a_year_marked_as_expected_is_an_estimate(tmp_path: Path) -> None:
    # "2025年（预期）" (expected) was "not a year", where "2025年（预测）" is an estimate
    path = tmp_path / "w.csv"
    path.write_text("market,2023,2024,2025年（预期）\nA,1,2,3\n", encoding="utf-8")
    frame = read_series(path, unit="MW", estimates="drop")
    assert _values(frame, "A") == {2023: 1.0, 2024: 2.0}
    frame = read_series(path, unit="MW", estimates="keep")
    assert _values(frame, "A") == {2023: 1.0, 2024: 2.0, 2025: 3.0}


def test_a_cagr_period_column_and_a_chinese_fiscal_year_read_as_before(tmp_path: Path) -> None:
    path = tmp_path / "w.csv"
    path.write_text("market,2019财年,2020财年,2019-20\nA,1,2,100%\n", encoding="utf-8")
    with pytest.warns(IgnoredColumnWarning, match=re.escape("w.csv: column '2019-20' holds")):
        assert _values(read_series(path, unit="MW"), "A") == {2019: 1.0, 2020: 2.0}


def test_footnotes_opened_by_a_circled_number_are_skipped(tmp_path: Path) -> None:
    # readers24: "① 2020年为初步统计数据" under the table, the note that a value's "①" points
    # to, was "row 4, column 'year': '① 2020年为初步统计数据' is not a year"
    path = tmp_path / "fn.csv"
    path.write_text(
        "年份,市场规模（亿元）\n2019,1562.5\n2020,2238.7①\n① 2020年为初步统计数据\n"
        "② 数据来源：科智咨询\n",
        encoding="utf-8",
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        out = read_series(path)
    assert _values(out, "市场规模（亿元）") == {2019: 1562.5, 2020: 2238.7}
    assert str(caught[0].message) == (
        "fn.csv: skipped 2 footnote rows below the table: fn.csv row 4 ('① 2020年为初步统计"
        "数据'), fn.csv row 5 ('② 数据来源：科智咨询'); delete them from the file to silence "
        "this note"
    )


@pytest.mark.parametrize("cell", ["3012.3E", "3012.3 (est.)", "3012.3（预计）", "3012.3F"])
def test_a_value_marked_as_an_estimate_says_to_mark_the_year(tmp_path: Path, cell: str) -> None:
    # readers24: "3012.3E" was "unit 'E' is not defined", "3012.3 (est.)" "the text in
    # parentheses, 'est.', is not a figure": true, but not what to do
    path = tmp_path / "e.csv"
    path.write_text(f"year,value\n2020,2238.7\n2021,{cell}\n", encoding="utf-8")
    msg = (
        f"e.csv row 3, column 'value': {cell!r} is a number with "
        f"{cell.removeprefix('3012.3').strip()!r} after it, the way tables mark a year as an "
        "actual or an estimate; expected the mark on the year ('2021E', '2020A'; estimates= "
        "then decides) and the number alone ('3012.3')"
    )
    with pytest.raises(ParseError, match=re.escape(msg)):
        read_series(path, unit="CNY 100m")


def test_a_long_tables_series_without_any_published_value_is_named(tmp_path: Path) -> None:
    # readers24: series 'b', every row "n/a" or "—", vanished from the result without a
    # word, and series_id="b" said "series 'b' is not in the table" (a wide table's empty
    # row and a year-per-row table's empty column are EmptyDataErrors naming them)
    path = tmp_path / "na.csv"
    path.write_text(
        "series_id,year,value,unit\na,2019,1,MW\na,2020,2,MW\nb,2019,n/a,MW\nb,2020,—,MW\n",
        encoding="utf-8",
    )
    msg = (
        "na.csv row 4, column 'value': series 'b' has no value: its 2 rows are all marked "
        "not published ('n/a', '—'); expected at least one year with a value (delete its "
        "rows if the series is not wanted)"
    )
    with pytest.raises(EmptyDataError, match=re.escape(msg)):
        read_series(path)
    with pytest.raises(EmptyDataError, match=re.escape(msg)):
        read_series(path, series_id="b")
    assert _values(read_series(path, series_id="a"), "a") == {2019: 1.0, 2020: 2.0}
    # in a folder, a file saying "n/a" for a year of a series that other files give is a gap
    folder = tmp_path / "reports"
    folder.mkdir()
    (folder / "r2020.csv").write_text("year,value\n2019,1562.5亿元\n2020,n/a\n", encoding="utf-8")
    (folder / "r2021.csv").write_text("year,value\n2021,n/a\n", encoding="utf-8")
    assert _values(read_series(folder, series_id="cidc"), "cidc") == {2019: 1562.5}


def test_the_separator_that_splits_no_quoted_cell_wins_a_tie(tmp_path: Path) -> None:
    # readers24: ',' and ';' both split each line into three fields, ',' inside the quoted
    # headers; ',' won (the first tried): "no 'year' column; found 'year;\"Market', ..."
    path = tmp_path / "s.csv"
    path.write_text(
        'year;"Market, China (CNY bn)";"Market, US (USD bn)"\n2019;156,25;50,1\n2020;223,87;55,2\n',
        encoding="utf-8",
    )
    out = read_series(path, decimal=",")
    assert _values(out, "Market, China (CNY bn)") == {2019: 156.25, 2020: 223.87}
    assert _values(out, "Market, US (USD bn)") == {2019: 50.1, 2020: 55.2}
    assert out["unit"].unique().tolist() == ["CNY bn", "USD bn"]


def test_a_growth_column_beside_a_long_tables_values_is_named_not_an_error(
    tmp_path: Path,
) -> None:
    # readers24: "year, value, yoy" was "column 'yoy' holds 3 different values ... if it
    # names the series, rename it series_id": percentages name no series
    path = tmp_path / "g.csv"
    path.write_text("年份,数值,同比增速\n2019,1562.5,27.2%\n2020,2238.7,43.3%\n", encoding="utf-8")
    msg = (
        "g.csv: column '同比增速' not read; a long table is read as series_id, year, value and "
        "the provenance columns unit, qualifier, as_of, source, quote, confidence, scope, "
        "derived, note; rename a column to one of those if it is one (a unit column above "
        "all), or delete it; it holds numbers: a growth rate is computed from the values "
        "(idcforecast.yoy); a second series is read as one when the table has a column per "
        "series: give the value column its series' name (a table with a year column and no "
        "value column is read so)"
    )
    with pytest.warns(IgnoredColumnWarning, match=re.escape(msg)):
        out = read_series(path, unit="CNY 100m")
    assert _values(out, "g") == {2019: 1562.5, 2020: 2238.7}
    # readers30: the advice, followed (the value column named after its series), reads both
    path.write_text("年份,g,同比增速\n2019,1562.5,27.2%\n2020,2238.7,43.3%\n", encoding="utf-8")
    both = read_series(path, unit={"g": "CNY 100m"})
    assert _values(both, "g") == {2019: 1562.5, 2020: 2238.7}
    assert _values(both, "同比增速") == {2019: 27.2, 2020: 43.3}
    # whole numbers may be codes naming series: still the error
    path.write_text("market,year,value\n1,2019,1\n2,2020,2\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape("column 'market' holds 2 different values")):
        read_series(path, unit="MW")


def test_a_unit_exponent_or_subscript_is_no_footnote_marker(tmp_path: Path) -> None:
    # readers24 (with the footnote markers): "tCO₂" lost its ₂ as a marker and the error
    # quoted "120 tCO"; an exponent or subscript after a letter stays part of the unit
    path = tmp_path / "u.csv"
    path.write_text("year,value\n2019,120 tCO₂\n", encoding="utf-8")
    with pytest.raises(UnknownUnitError, match=re.escape("in figure '120 tCO₂': unit 'tCO2'")):
        read_series(path)


def test_a_wind_export_names_its_year_column_and_its_description_rows(tmp_path: Path) -> None:
    # readers24: a Wind/iFinD export (a series per column, the rows 频率/单位/指标ID/来源 under
    # the header, then dates) said "row 2 looks like the header: pass header_row=1" (the
    # frequency cell "年" read as the year header's alias), and with year_column= "'频率' is
    # not a year; a note under the table?"
    path = tmp_path / "wind.csv"
    path.write_bytes(
        "指标名称,中国:IDC市场规模\n频率,年\n单位,亿元\n指标ID,M001\n来源,科智咨询\n"
        "2019-12-31,1562.5\n2020-12-31,2238.7\n".encode("gb18030")
    )
    msg = (
        "wind.csv: no 'year' column; expected a year column (pass year_column='指标名称') or "
        "years as column headers (2019, 2020, ...); found '指标名称', '中国:IDC市场规模' (the "
        "years are in column '指标名称')"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        read_series(path, encoding="gb18030")
    msg = (
        "wind.csv row 2, column '指标名称': the 4 rows under the header before the first year "
        "('频率', '单位', '指标ID', '来源') describe the series, as Wind and iFinD exports write "
        "them; expected the years right under the header: write each series' unit in "
        "brackets after its name ('中国:IDC市场规模（亿元）') and delete those rows"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        read_series(path, encoding="gb18030", year_column="指标名称")
    # done as it says, the file reads
    path.write_bytes(
        "指标名称,中国:IDC市场规模（亿元）\n2019-12-31,1562.5\n2020-12-31,2238.7\n".encode(
            "gb18030"
        )
    )
    out = read_series(path, encoding="gb18030", year_column="指标名称")
    assert _values(out, "中国:IDC市场规模（亿元）") == {2019: 1562.5, 2020: 2238.7}


def test_rows_and_columns_hidden_in_excel_are_named_when_read(tmp_path: Path) -> None:
    # a row hidden by hand (or by a filter) is still read, as pandas reads it, but the sheet
    # does not show it: the analyst is told which ones, by Excel's row numbers
    import openpyxl

    from idcforecast.errors import HiddenCellsWarning

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "IDC"
    for row in (["year", "market", "old"], [2019, 1562.5, 1], [2020, 2238.7, 2], [2021, 3012, 3]):
        sheet.append(row)
    sheet.row_dimensions[3].hidden = True  # the 2020 row
    sheet.column_dimensions["C"].hidden = True
    path = tmp_path / "hidden.xlsx"
    book.save(path)
    with pytest.warns(HiddenCellsWarning) as caught:
        frame = read_series(path, unit="CNY 100m")
    assert str(caught[0].message) == (
        "hidden.xlsx, sheet 'IDC': row 3 and column C (old) hidden in Excel (by hand or by a "
        "filter) were read as data like the cells shown; delete them from the sheet (or save a "
        "copy without) if not part of the table"
    )
    assert frame.loc[frame["series_id"] == "market", "value"].tolist() == [1562.5, 2238.7, 3012.0]
    sheet.column_dimensions["C"].hidden = False
    book.save(path)
    with pytest.warns(
        HiddenCellsWarning,
        match=re.escape("row 3 hidden in Excel (by hand or by a filter) was read"),
    ):
        read_series(path, unit="CNY 100m")
    # nothing hidden: no warning
    sheet.row_dimensions[3].hidden = False
    sheet.column_dimensions["C"].hidden = False
    book.save(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error", HiddenCellsWarning)
        read_series(path, unit="CNY 100m")


def test_a_region_written_once_over_its_segments_names_each_row(tmp_path: Path) -> None:
    # batch25: an outline table writes the region once (not merged, blank below): the rows
    # below were named "cloud" alone, and two regions' "cloud" rows were duplicate years
    from idcforecast import read_long_table

    path = tmp_path / "outline.csv"
    path.write_text(
        "region,segment,2021,2022\nChina,colo,100,120\n,cloud,50,60\nUS,colo,300,320\n,cloud,200,230\n",
        encoding="utf-8",
    )
    names = ["China / colo", "China / cloud", "US / colo", "US / cloud"]
    frame = read_series(path, unit="USD bn")
    assert frame["series_id"].unique().tolist() == names
    assert _values(frame, "US / cloud") == {2021: 200.0, 2022: 230.0}
    assert read_long_table(path)["series_id"].unique().tolist() == names


def test_a_place_names_the_column_by_its_header_as_written(tmp_path: Path) -> None:
    # batch25: a bad cell under the header '年份' was placed in "column 'year'", a name the
    # file does not hold
    path = tmp_path / "y.csv"
    path.write_text("年份,市场规模（亿元）\n2019,1562.5\n20x0,2238.7\n", encoding="utf-8")
    with pytest.raises(NonNumericValueError, match=re.escape("y.csv row 3, column '年份': '20x0'")):
        read_series(path)


@pytest.mark.parametrize(
    ("cell", "as_of"),
    [("2019-12-31", "2019-12-31"), ("2021/6/30", "2021-06-30"), ("2022年6月", "2022-06"),
     ("2023年6月30日", "2023-06-30"), ("2023-06-30 00:00:00", "2023-06-30"), ("2019", "2019"),
     ("", "")],
)  # fmt: skip
def test_as_of_dates_are_written_as_iso(tmp_path: Path, cell: str, as_of: str) -> None:
    # "2021/6/30" was kept as written, so a report's "the latest as of ..." printed it so
    path = tmp_path / "m.csv"
    path.write_text(f"series_id,year,value,unit,as_of\nm,2019,1,CNY bn,{cell}\n", encoding="utf-8")
    assert read_series(path)["as_of"].tolist() == [as_of]


@pytest.mark.parametrize(
    ("cell", "serial"),
    [("mid-2022", ""), ("2023-02-30", ""), ("2023-13", ""),
     ("45123", " (a number like this is how Excel stores a date: format the cells as dates)")],
)  # fmt: skip
def test_an_as_of_that_is_no_date_is_refused(tmp_path: Path, cell: str, serial: str) -> None:
    # "mid-2022", an Excel serial number and 30 February were kept as written
    path = tmp_path / "m.csv"
    path.write_text(f"series_id,year,value,unit,as_of\nm,2019,1,CNY bn,{cell}\n", encoding="utf-8")
    message = (
        f"m.csv row 2, column 'as_of': {cell!r} is not a date{serial}; expected the date of "
        "the observation as YYYY-MM-DD (or YYYY-MM, or YYYY; '2023/6/30' and '2023年6月30日' "
        "are read too), or a blank cell"
    )
    with pytest.raises(DataError, match=re.escape(message)):
        read_series(path)


def test_a_gbk_file_that_is_valid_utf8_by_chance_is_named_and_read_with_its_encoding(
    tmp_path: Path,
) -> None:
    # "元" in GBK is the bytes D4 AA, valid UTF-8 for "Ԫ" (U+052A): the file was an unknown
    # unit 'Ԫ' by default, and encoding='gb18030' was refused as "UTF-8 text"
    path = tmp_path / "g.csv"
    path.write_bytes("series_id,year,value,unit\nm,2019,1,元\nm,2020,2,元\n".encode("gbk"))
    message = (
        "g.csv: read as UTF-8 the file holds 'Ԫ', which no table of figures does; read as "
        "gb18030 it is '元': pass encoding='gb18030' (--encoding gb18030), the encoding of "
        "CSV files saved by Excel on Chinese Windows"
    )
    with pytest.raises(DataError, match=re.escape(message)):
        read_series(path)
    frame = read_series(path, encoding="gb18030")
    assert frame["unit"].tolist() == ["CNY", "CNY"]
    assert frame["value"].tolist() == [1.0, 2.0]


def test_pandas_engine_advice_is_not_passed_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # pandas' "Try engine='python'" names a read_csv option no reader here takes, and the
    # command line turned it into "--engine python", forecast-many's batch engine option
    path = tmp_path / "m.csv"
    path.write_text("series_id,year,value\nm,2019,1\n", encoding="utf-8")

    def failing(*args: object, **kwargs: object) -> None:
        raise pd.errors.ParserError("Calling read(nbytes) on source failed. Try engine='python'.")

    monkeypatch.setattr(pd, "read_csv", failing)
    with pytest.raises(DataError) as raised:
        read_series(path, unit="CNY bn")
    assert "Calling read(nbytes) on source failed" in str(raised.value)
    assert "engine" not in str(raised.value)


def test_excel_numbers_shown_in_thousands_by_their_format_are_named(tmp_path: Path) -> None:
    # readers30: '#,##0,"k"' shows 1234567 as 1,235k; the stored 1234567 was read with the
    # unit the analyst chose from what the sheet shows (CNY k), 1000x too large, unsaid
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in (["year", "value"], [2019, 1234567], [2020, 1500000], [2021, 2000000]):
        sheet.append(row)
    for ref in ("B2", "B3"):
        sheet[ref].number_format = '#,##0,"k"'
    sheet["B4"].number_format = "#,##0"  # a grouping comma: shown as stored
    path = tmp_path / "m.xlsx"
    book.save(path)
    with pytest.warns(AmbiguousNumberWarning) as caught:
        out = read_series(path, unit="MW")
    assert out["value"].tolist() == [1234567.0, 1500000.0, 2000000.0]  # as stored
    assert str(caught[0].message) == (
        "m.xlsx, sheet 'S': 2 numbers shown divided by 1,000 or more by their number format "
        "(cell B2 holds 1,234,567, shown divided by 1,000; cell B3 holds 1,500,000, shown "
        "divided by 1,000; format '#,##0,\"k\"') were read as stored, not as shown; the unit "
        "given (unit=, a unit column or the header's) is taken as the stored number's: if it "
        "was chosen from what the sheet shows (thousands, millions), give the stored "
        "number's unit instead"
    )
    sheet["B2"].number_format = sheet["B3"].number_format = '0.0,,"m"'  # millions: 1.2m
    book.save(path)
    with pytest.warns(AmbiguousNumberWarning, match=re.escape("shown divided by 1,000,000")):
        read_series(path, unit="MW")
    sheet["B2"].number_format = sheet["B3"].number_format = "#,##0.0"
    book.save(path)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_series(path, unit="MW")


@pytest.mark.parametrize("codec", ["utf-16-le", "utf-16-be"])
def test_a_utf16_file_without_its_byte_order_mark_is_read(tmp_path: Path, codec: str) -> None:
    # readers30: written by a program without the mark, it was read as UTF-8 (NUL bytes are
    # valid there): "no 'year' column; ... found 'y\x00e\x00a\x00r\x00', ..."
    path = tmp_path / "u.csv"
    path.write_bytes("year,value\n2019,1562.5\n2020,2238.7\n".encode(codec))
    out = read_series(path, unit="CNY 100m")
    assert out["value"].tolist() == [1562.5, 2238.7]
    assert out["source"].tolist() == ["u.csv row 2", "u.csv row 3"]


def test_a_unit_heading_merged_over_the_years_above_the_header_is_their_unit(
    tmp_path: Path,
) -> None:
    # readers30: "市场规模（亿元）" merged over the year columns, the years in the row below
    # (header_row=1): unit="CNY bn" read 100 亿元 as 100 CNY bn (10x too large), unsaid;
    # readers30 refused it, asking for unit='亿元'; readers50: the heading merged over every
    # year column is their unit, and unit= converts from it (100 亿元 = 10 CNY bn)
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for row in (
        ["地区", "市场规模（亿元）", None],
        [None, 2019, 2020],
        ["华东", 100, 110],
        ["华北", 50, 55],
    ):
        sheet.append(row)
    sheet.merge_cells("A1:A2")
    sheet.merge_cells("B1:C1")
    path = tmp_path / "h.xlsx"
    book.save(path)
    converted = read_series(path, header_row=1, unit="CNY bn")
    assert converted["value"].tolist() == [10.0, 11.0, 5.0, 5.5]
    out = read_series(path, header_row=1)
    assert out["value"].tolist() == [100.0, 110.0, 50.0, 55.0]
    assert out["unit"].unique().tolist() == ["CNY 100m"]
    # two units over different columns, or a bare magnitude ("(m)"), state no table's unit
    for heading in ("规模（亿元） 增速（%）", "Market (m)"):
        sheet["B1"] = heading
        book.save(path)
        assert read_series(path, header_row=1, unit="CNY bn")["unit"].unique().tolist() == [
            "CNY bn"
        ]


def test_a_blank_margin_above_the_table_is_skipped_with_the_files_row_numbers(
    tmp_path: Path,
) -> None:
    # readers30: two blank lines over the header made the CSV "empty" ("m.csv is empty;
    # expected a header row..."), and a sheet whose table starts at row 3 said "no 'year'
    # column; found column 1 (no header), column 2 (no header)"
    import openpyxl

    path = tmp_path / "m.csv"
    path.write_text("\n,,\nyear,value,\n2019,100,\n2020,120,\n", encoding="utf-8")
    out = read_series(path, unit="MW")
    assert out["value"].tolist() == [100.0, 120.0]
    assert out["source"].tolist() == ["m.csv row 4", "m.csv row 5"]  # the file's lines
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    for ref, value in {"B3": "series_id", "C3": 2019, "D3": 2020, "B4": "cn"}.items():
        sheet[ref] = value
    sheet["C4"], sheet["D4"] = 100, 120
    book.save(tmp_path / "m.xlsx")
    wide = read_series(tmp_path / "m.xlsx", unit="MW")
    assert wide["value"].tolist() == [100.0, 120.0]
    assert wide["source"].tolist() == ["m.xlsx sheet 'S' cell C4", "m.xlsx sheet 'S' cell D4"]
    # a title under the margin is still named, with the header_row to pass
    path.write_text("\n\nIDC market\nyear,value\n2019,100\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape("if line 4 is the header, pass header_row=3")):
        read_series(path, unit="MW")
    assert read_series(path, unit="MW", header_row=3)["value"].tolist() == [100.0]
    path.write_text("\n\n\n", encoding="utf-8")  # blank through: empty, as before
    with pytest.raises(EmptyDataError, match=re.escape("m.csv is empty")):
        read_series(path, unit="MW")


def test_a_fiscal_year_written_with_a_hyphen_is_named_as_one(tmp_path: Path) -> None:
    # readers30: "2021/22" said "a fiscal year over two calendar years", but "2020-21" (as
    # Indian, UK and Australian reports write it) and "FY21/22" were "not a year" alone
    path = tmp_path / "fy.csv"
    path.write_text("year,value\n2020-21,100\n2021-22,120\n", encoding="utf-8")
    with pytest.raises(NonNumericValueError) as caught:
        read_series(path, unit="MW")
    assert str(caught.value) == (
        "fy.csv row 2, column 'year': '2020-21' is a fiscal year over two calendar years; "
        "expected one year: write the year it ends in ('2021' or 'FY2021'), as annual "
        "reports label it"
    )
    path.write_text("series_id,FY21/22,FY22/23\ncn,100,120\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape("column 'FY21/22' is a fiscal year")):
        read_series(path, unit="MW")
    # a change between two years, and a month, are no fiscal year: not read, as before
    path.write_text("series_id,2019,2020,2019-2020\ncn,100,120,20%\n", encoding="utf-8")
    with pytest.warns(IgnoredColumnWarning, match=re.escape("column '2019-2020' holds numbers")):
        assert read_series(path, unit="MW")["year"].tolist() == [2019, 2020]


def test_a_heading_merged_over_sub_columns_is_named_in_the_headerless_column_error(
    tmp_path: Path,
) -> None:
    # readers30: "2019" merged over its 规模 and 增速 sub-columns (a two-row header) gave only
    # "cell C2: a column without a header holds '增速'", the merge that emptied C1 unsaid
    import openpyxl

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "S"
    sheet.append(["地区", 2019, None, 2020, None])
    sheet.append([None, "规模", "增速", "规模", "增速"])
    sheet.append(["华东", 100, "10%", 110, "10%"])
    for cells in ("A1:A2", "B1:C1", "D1:E1"):
        sheet.merge_cells(cells)
    path = tmp_path / "two.xlsx"
    book.save(path)
    with pytest.raises(DataError) as caught:
        read_series(path, unit="CNY 100m")
    assert str(caught.value) == (
        "two.xlsx sheet 'S' cell C2: a column without a header holds '增速'; expected a year "
        "or the name of what the column holds in its header; write it there, or delete the "
        "column (its header cell is merged into B1 (2019) across columns B-C, as a heading "
        "over sub-columns is in a two-row header; expected one column per heading: delete "
        "the other sub-columns, or unmerge the cells and give each column its own header)"
    )


@pytest.mark.filterwarnings("ignore::idcforecast.errors.MagnitudeJumpWarning")  # arbitrary values
def test_apostrophe_thousands_are_read_as_swiss_exports_write_them(tmp_path: Path) -> None:
    # readers30: "1'234" was 'unit "'234" is not defined' (an UnknownUnitError)
    path = tmp_path / "ch.csv"
    path.write_text("year,value\n2019,1'234\n2020,1'500.5\n2021,12’345’678\n", encoding="utf-8")
    assert read_series(path, unit="MW")["value"].tolist() == [1234.0, 1500.5, 12345678.0]
    path.write_text("year;value\n2019;1'234\n2020;1'500.5\n", encoding="utf-8")
    with pytest.raises(ParseError):  # with decimal=',' the '.' is no decimal mark
        read_series(path, unit="MW", decimal=",")
