"""read_long_table: a long file of many series read with read_series' number rules."""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest

from idcforecast import forecast, read_series
from idcforecast._forecast_finish import NO_SCORED_CUTOFF
from idcforecast.batch import forecast_many, read_long_table
from idcforecast.errors import (
    DataError,
    EmptyDataError,
    FootnoteWarning,
    IgnoredColumnWarning,
    IncompatibleUnitsError,
    MixedUnitsError,
    NonNumericValueError,
    ParseError,
    UnitLineWarning,
)


def _csv(tmp_path: Path, text: str, name: str = "m.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_plain_numbers_keep_their_types_and_match_pandas(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "series_id,year,value,unit\ncn,2020,10.1,USD bn\ncn,2021,12.25,USD bn\nus,2020,5,\n",
    )
    out = read_long_table(path)
    assert out.columns.tolist() == ["series_id", "year", "value", "unit"]
    assert out["value"].dtype == np.float64
    assert out["value"].tolist() == [10.1, 12.25, 5.0]
    assert out["year"].tolist() == [2020, 2021, 2020]
    assert out["unit"].tolist() == ["USD bn", "USD bn", None]  # a blank unit is no unit


def test_ids_that_look_like_numbers_keep_their_text(tmp_path: Path) -> None:
    # facility or region codes: "001" is not series "1"
    path = _csv(tmp_path, "series_id,year,value\n001,2020,1\n002,2020,2\n1e3,2020,3\n")
    assert read_long_table(path)["series_id"].tolist() == ["001", "002", "1e3"]


def test_title_lines_blank_lines_and_spaces_around_ids(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "Market sizes, USD bn\nsource: survey\nseries_id,year,value\n"
        "cn,2020,1\n\n cn ,2021,2\n,,\nus,2020,3\n",
    )
    # the title states the unit after its comma: without unit= the rows have none, said
    with pytest.warns(UnitLineWarning, match=re.escape("pass unit='USD bn'")):
        out = read_long_table(path, header_row=2)
    assert out["series_id"].tolist() == ["cn", "cn", "us"]  # " cn " is series "cn"
    assert out["value"].tolist() == [1.0, 2.0, 3.0]


def test_title_without_header_row_says_which_option(tmp_path: Path) -> None:
    # before: forecast-many read the title as the header and said the columns were missing
    path = _csv(tmp_path, "Market sizes\nseries_id,year,value\ncn,2020,1\n")
    msg = (
        "line 2 has 3 fields, the lines above it one: a title above the header? if line 2 is "
        "the header, pass header_row=1"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        read_long_table(path)
    same_width = _csv(tmp_path, "Market sizes,,\nseries_id,year,value\ncn,2020,1\n", "w.csv")
    msg = (
        "w.csv: no column(s) 'series_id', 'year', 'value'; expected a long table with columns "
        "series_id, year, value (and optionally unit), a wide one with years as column "
        "headers, or one with a year per row and a column per series (year, north, south; "
        "without series_id and value); found 'Market sizes', column 2 (no header), "
        "column 3 (no header) (a title above the header? "
        "row 2 looks like the header: pass header_row=1, the 0-based row of the header)"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        read_long_table(same_width)


WIDE = (
    "country,segment,unit,2019,2020,2021,2022E\n"
    "China,colocation,CNY bn,100,120,140,160\n"
    'China,cloud,CNY bn,50,"1,000",n/a,80\n'
    "US,colocation,USD bn,30,,36,40\n"
    "India,colocation,USD bn,,,,\n"
    ",,,,,,\n"
)


def test_wide_tables_are_melted_into_series(tmp_path: Path) -> None:
    path = _csv(tmp_path, WIDE, "wide.csv")
    msg = (
        "wide.csv: column(s) '2022E' hold estimates, not published figures; pass "
        "estimates='drop' (--estimates drop) to read the history only, or "
        "estimates='keep' to read them as 2022 (noted as estimates)"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        read_long_table(path)
    out = read_long_table(path, estimates="drop")
    assert out.columns.tolist() == ["series_id", "year", "value", "unit"]
    # key columns joined; a blank cell, or "n/a", is a year not published; the named row
    # without any value keeps one NaN row (its series fails, named); the blank line is
    # skipped
    rows = out.values.tolist()
    assert rows == [
        ["China / colocation", 2019, 100.0, "CNY bn"],
        ["China / colocation", 2020, 120.0, "CNY bn"],
        ["China / colocation", 2021, 140.0, "CNY bn"],
        ["China / cloud", 2019, 50.0, "CNY bn"],
        ["China / cloud", 2020, 1000.0, "CNY bn"],
        ["US / colocation", 2019, 30.0, "USD bn"],
        ["US / colocation", 2021, 36.0, "USD bn"],
        ["India / colocation", 2019, rows[-1][2], "USD bn"],
    ]
    assert np.isnan(rows[-1][2])
    kept = read_long_table(path, estimates="keep")
    assert kept[kept["year"] == 2022]["value"].tolist() == [160.0, 80.0, 40.0]


def test_kept_estimates_are_noted_as_read_series_notes_them(tmp_path: Path) -> None:
    # before: read_long_table(..., estimates="keep") returned no trace of which years were
    # estimates, so forecast_many could not tell the user its forecast rests on them
    wide = read_long_table(_csv(tmp_path, WIDE, "wide.csv"), estimates="keep")
    assert wide.columns.tolist() == ["series_id", "year", "value", "unit", "note"]
    estimate = "estimate (year written '2022E')"
    assert wide[wide["note"] != ""][["series_id", "year", "note"]].values.tolist() == [
        ["China / colocation", 2022, estimate],
        ["China / cloud", 2022, estimate],
        ["US / colocation", 2022, estimate],
    ]
    # the placeholder row of a series without any value is no estimate
    assert wide["note"].iloc[-1] == ""
    long = read_long_table(
        _csv(tmp_path, "series_id,year,value,note\na,2021,2,x\na,2022E,3,\nb,2024 (est.),5,y\n"),
        estimates="keep",
    )
    # the file's own note column is not read; the estimates' notes are read_series' own
    assert long["note"].tolist() == [
        "",
        "estimate (year written '2022E')",
        "estimate (year written '2024 (est.)')",
    ]
    assert (
        long["note"].tolist()[1:]
        == read_series(
            _csv(tmp_path, "series_id,year,value\na,2022E,3\nb,2024 (est.),5\n", "rs.csv"),
            unit="MW",
            estimates="keep",
        )["note"].tolist()
    )


def test_a_wide_table_forecasts_as_its_long_form(tmp_path: Path) -> None:
    wide = _csv(tmp_path, "series_id,2016,2017,2018,2019,2020\na,1,2,3,5,8\nb,10,9,9,8,7\n")
    long = _csv(
        tmp_path,
        "series_id,year,value\n"
        + "".join(f"a,{2016 + i},{v}\n" for i, v in enumerate([1, 2, 3, 5, 8]))
        + "".join(f"b,{2016 + i},{v}\n" for i, v in enumerate([10, 9, 9, 8, 7])),
        "long.csv",
    )
    # (a long file's whole-number column is int64, the melted one float64)
    pd.testing.assert_frame_equal(read_long_table(wide), read_long_table(long), check_dtype=False)
    got = forecast_many(read_long_table(wide), 3, engine="serial", progress=False)
    pd.testing.assert_frame_equal(
        got, forecast_many(read_long_table(long), 3, engine="serial", progress=False)
    )


def test_wide_table_errors_name_the_file_cell(tmp_path: Path) -> None:
    path = _csv(tmp_path, "series_id,2020,2021\ncn,1,2\n,3,4\n", "w.csv")
    with pytest.raises(DataError, match=re.escape("w.csv row 3, column 'series_id': the series")):
        read_long_table(path)
    # ('1,500' reads both ways, so '12,5' is not taken for a decimal comma: an error)
    path = _csv(tmp_path, "series_id;2020;2021\ncn;1,500;12,5\n", "w.csv")
    with pytest.raises(ParseError, match=re.escape("w.csv row 2, column '2021'")):
        read_long_table(path)
    path = _csv(tmp_path, "unit,2020,2021\nMW,1,2\n", "w.csv")
    with pytest.raises(DataError, match=re.escape("w.csv: no column names the series")):
        read_long_table(path)


def test_thousands_separators_are_read_as_read_series_reads_them(tmp_path: Path) -> None:
    # before: "1,000" was text and its series failed ("not a finite number")
    path = _csv(tmp_path, 'series_id,year,value\na,2020,"1,000"\na,2021,1 250.5\na,2022,7\n')
    assert read_long_table(path)["value"].tolist() == [1000.0, 1250.5, 7.0]


def test_decimal_commas(tmp_path: Path) -> None:
    rows = "de;2020;1.234,5\nde;2021;1234,5\nde;2022;12\nde;2023;1.000\n"
    path = _csv(tmp_path, "series_id;year;value\n" + rows)
    # "1.000" with decimal="," is a thousand (pandas' own parser would read 1.0)
    assert read_long_table(path, decimal=",")["value"].tolist() == [1234.5, 1234.5, 12.0, 1000.0]


@pytest.mark.parametrize(
    ("text", "decimal", "row", "cell"),
    [
        # before: forecast-many read "12.5" in a decimal-comma file as 125 (thousands=".")
        ("series_id;year;value\nde;2020;12,5\nde;2021;12.5\n", ",", 3, "'12.5'"),
        ('series_id,year,value\nde,2020,1.5\nde,2021,"12,5"\n', ".", 3, "'12,5'"),
    ],
)
def test_a_number_the_decimal_mark_contradicts_is_a_parse_error(
    tmp_path: Path, text: str, decimal: str, row: int, cell: str
) -> None:
    path = _csv(tmp_path, text)
    with pytest.raises(ParseError, match=re.escape(f"m.csv row {row}, column 'value': ")) as err:
        read_long_table(path, decimal=decimal)
    assert cell in str(err.value)


def test_text_that_is_not_a_number_fails_only_its_series(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "series_id,year,value\n"
        + "".join(f"ok,{2015 + i},{10 + i}\n" for i in range(6))
        + "".join(f"bad,{2015 + i},{'TBD' if i == 2 else 10 + i}\n" for i in range(6))
        + "".join(f"cny,{2015 + i},{i + 1}亿元\n" for i in range(6)),
    )
    data = read_long_table(path)
    assert data["value"].iloc[8] == "TBD"  # kept as written for the note
    out = forecast_many(data, 1, method="drift", engine="serial", progress=False)
    status = out.set_index("series_id")["status"].to_dict()
    # figure text with a unit is read as read_series reads it (was: failed, "'1亿元' is not a
    # finite number"): 1..6 in 'CNY 100m', drift 6 + (6 - 1) / 5 = 7
    assert status == {"ok": "ok", "bad": "failed", "cny": "ok"}
    notes = out.set_index("series_id")["note"]
    assert notes["bad"].startswith(
        "series 'bad' year 2017 (m.csv row 10, column 'value'): value 'TBD' is not a finite number"
    )
    assert out.set_index("series_id").loc["cny", ["mean", "unit"]].tolist() == [7.0, "CNY 100m"]
    assert out.set_index("series_id").loc["ok", "mean"] == 16.0  # drift: 15 + 1


def test_figure_text_with_a_unit_is_read_and_converted_as_read_series_reads_it(
    tmp_path: Path,
) -> None:
    # forecast-many failed every series written '1000亿元' even with --unit, while
    # `forecast --data` (read_series) read the same file
    path = _csv(
        tmp_path,
        "series_id,year,value\n"
        + "".join(f"a,{2019 + i},{800 + 100 * i}亿元\n" for i in range(5))
        + "".join(f"b,{2019 + i},{80 + 10 * i}\n" for i in range(5)),
    )
    data = read_long_table(path, unit="CNY bn")
    # 1 亿元 (CNY 100m) is 0.1 CNY bn: 800亿元 is 80 CNY bn; b's bare numbers are in the unit
    assert data["value"].tolist() == [80.0, 90.0, 100.0, 110.0, 120.0] * 2
    assert data["unit"].tolist() == ["CNY bn"] * 10
    out = forecast_many(data, 1, method="naive", engine="serial", progress=False)
    assert out[["series_id", "mean", "unit", "status"]].values.tolist() == [
        ["a", 120.0, "CNY bn", "ok"],
        ["b", 120.0, "CNY bn", "ok"],
    ]
    # without unit=, each series in the unit it is written in
    plain = read_long_table(path)
    assert plain["value"].tolist()[:5] == [800.0, 900.0, 1000.0, 1100.0, 1200.0]
    assert plain["unit"].tolist()[:5] == ["CNY 100m"] * 5
    assert plain["unit"].iloc[5:].isna().all()
    # a cell's own unit over its unit column's, noted in read_series' words
    clash = _csv(
        tmp_path,
        "series_id,year,value,unit\na,2019,800亿元,CNY bn\na,2020,90,CNY bn\n",
        "clash.csv",
    )
    read = read_long_table(clash, unit="CNY bn")
    assert read["value"].tolist() == [80.0, 90.0]
    assert read["note"].iloc[0] == (
        "read in the cell's own unit 'CNY 100m' ('800亿元'), not in the unit of its header or "
        "unit column, 'CNY bn'; converted from 'CNY 100m' (x0.1)"
    )
    assert read["note"].iloc[0] == read_series(clash, unit="CNY bn")["note"].iloc[0]


def test_a_footnote_marker_is_never_read_as_a_digit(tmp_path: Path) -> None:
    # readers24: "320①" was read as 3201.0 and "12²" as 122.0 (NFKC makes them digits)
    path = _csv(tmp_path, "series_id,year,value\na,2019,1562.5\na,2020,320①\nb,2020,12²\n")
    # readers51: read without the marker, as read_series reads them (the row was kept as
    # written and its series failed in forecast_many), the marker said in the note
    with pytest.warns(FootnoteWarning, match=re.escape("'320①' as 320; m.csv row 4")):
        data = read_long_table(path)
    assert data["value"].tolist() == [1562.5, 320.0, 12.0]  # never 3201 or 122
    assert data["note"].tolist()[1:] == [
        "footnote marker '①' after the figure (not read as part of it)",
        "footnote marker '²' after the figure (not read as part of it)",
    ]


def test_blank_series_id_names_the_row(tmp_path: Path) -> None:
    path = _csv(tmp_path, "series_id,year,value\na,2020,1\n,2021,2\n")
    msg = "m.csv row 3, column 'series_id': the series name is blank; expected a series id"
    with pytest.raises(DataError, match=re.escape(msg)):
        read_long_table(path)


def test_bad_options_and_files_are_typed(tmp_path: Path) -> None:
    path = _csv(tmp_path, "series_id,year,value\na,2020,1\n")
    with pytest.raises(DataError, match=re.escape("read_long_table: sep and decimal are both")):
        read_long_table(path, sep=",", decimal=",")
    with pytest.raises(DataError, match=re.escape("read_long_table: header_row=-1 is not a row")):
        read_long_table(path, header_row=-1)
    with pytest.raises(EmptyDataError, match=re.escape("e.csv is empty")):
        read_long_table(_csv(tmp_path, "", "e.csv"))
    old = tmp_path / "old.xls"
    old.write_bytes(b"\xd0\xcf\x11\xe0")
    with pytest.raises(
        DataError,
        match=re.escape(
            "old.xls: not a readable Excel 97-2003 workbook (Unsupported format, or corrupt "
            "file: Expected BOF record"
        ),
    ):
        read_long_table(old)


def test_excel_sheet_with_title_text_cells_and_blank_units(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["IDC markets (USD bn)"])
    sheet.append(["series_id", "year", "value", "unit"])
    sheet.append(["cn", 2020, 10.5, "USD bn"])
    sheet.append(["cn", 2021, "1,000", None])
    sheet.append([None, None, None, None])
    sheet.append(["us", 2020, 3, "USD bn"])
    path = tmp_path / "m.xlsx"
    book.save(path)
    # the bare 2021 row stays unitless under a title that says 'USD bn': said (readers51)
    with pytest.warns(UnitLineWarning, match=re.escape("says 'IDC markets (USD bn)'")):
        out = read_long_table(path, header_row=1)
    assert out["series_id"].tolist() == ["cn", "cn", "us"]
    assert out["value"].tolist() == [10.5, 1000.0, 3.0]
    assert out["unit"].tolist() == ["USD bn", None, "USD bn"]
    with pytest.raises(ParseError, match=re.escape("m.xlsx sheet 'Sheet' cell C3")):
        sheet["C3"] = "10,5"
        book.save(path)
        read_long_table(path, header_row=1)


def test_same_frame_as_pandas_for_a_plain_file(tmp_path: Path) -> None:
    rng = np.random.default_rng(3)
    frame = pd.DataFrame(
        {
            "series_id": np.repeat([f"s{i}" for i in range(50)], 12),
            "year": np.tile(np.arange(2010, 2022), 50),
            "value": rng.lognormal(3, 1, 600).round(4),
        }
    )
    path = tmp_path / "p.csv"
    frame.to_csv(path, index=False)
    out = read_long_table(path)
    assert out["value"].tolist() == frame["value"].tolist()
    assert out["series_id"].tolist() == frame["series_id"].tolist()


def test_unit_converts_each_row_with_its_years_fx_rate(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "series_id,year,value,unit\n"
        "cn,2019,1562.5,CNY 100m\ncn,2020,2238.7,亿元\ncn,2021,3.2,USD bn\n"
        "us,2020,5,\nx,2020,TBD,CNY bn\n",
    )
    out = read_long_table(path, unit="CNY bn")
    cells = out.set_index(["series_id", "year"])["value"]
    assert cells["cn", 2019] == pytest.approx(156.25)  # 1562.5 x 0.1 (CNY 100m -> bn)
    assert cells["cn", 2020] == pytest.approx(223.87)
    # 3.2 USD bn x 6.4508 CNY per USD (data/fx_rates.csv, Federal Reserve G.5A, 2021)
    assert cells["cn", 2021] == pytest.approx(20.64256)
    assert cells["us", 2020] == 5.0  # no unit: taken to be in the requested unit
    assert cells["x", 2020] == "TBD"  # text stays text: its series fails, quoted
    assert set(out["unit"]) == {"CNY bn"}


def test_unit_that_does_not_convert_names_the_row(tmp_path: Path) -> None:
    from idcforecast.errors import IncompatibleUnitsError, MissingFxRateError, UnknownUnitError

    path = _csv(tmp_path, "series_id,year,value,unit\ncn,2020,1,CNY bn\nmw,2020,2,MW\n")
    msg = "m.csv row 2, column 'unit' (year 2020): cannot convert 'CNY bn' (money) to 'TWh'"
    with pytest.raises(IncompatibleUnitsError, match=re.escape(msg)):
        read_long_table(path, unit="TWh")  # no row converts: the unit asked for is wrong
    racks = _csv(tmp_path, "series_id,year,value,unit\ndc,2020,2,万架\ndc,2021,3,MW\n", "r.csv")
    # 2 x 10,000 racks x 2.5 kW = 50 MW (the default kw_per_rack); 4 kW a rack: 80 MW
    assert read_long_table(racks, unit="MW")["value"].tolist() == [50.0, 3.0]
    assert read_long_table(racks, unit="MW", kw_per_rack=4.0)["value"].tolist() == [80.0, 3.0]
    with pytest.raises(UnknownUnitError, match=re.escape("read_long_table: unit='furlongs': ")):
        read_long_table(path, unit="furlongs")
    old = _csv(tmp_path, "series_id,year,value,unit\ncn,1950,1,USD bn\n", "old.csv")
    with pytest.raises(MissingFxRateError, match=re.escape("old.csv row 2, column 'unit' (year")):
        read_long_table(old, unit="CNY bn")


def test_units_years_and_booleans_read_as_read_series_reads_them(tmp_path: Path) -> None:
    path = _csv(
        tmp_path,
        "series_id,year,value,unit\n"
        "a,2017年,1,亿元\na,2018,2,CNY 100m\na, 2019 ,3,亿元\nb,20x,4,MW\nb,2021,5,furlongs\n",
    )
    out = read_long_table(path)
    # 亿元 and CNY 100m are one unit (before: the series failed as 'mixes units')
    assert out["unit"].tolist() == ["CNY 100m"] * 3 + ["MW", "furlongs"]  # unknown: as written
    # an exchange rate reads by the registry's rule, as read_series reads it
    rates = _csv(tmp_path, "series_id,year,value,unit\nfx,2020,6.9,RMB per US$\n", "fx.csv")
    assert read_long_table(rates)["unit"].tolist() == ["CNY/USD"]
    assert out["year"].tolist() == [2017, 2018, 2019, "20x", 2021]  # "20x" fails series b
    book = openpyxl.Workbook()
    book.active.append(["series_id", "year", "value"])
    for year, value in ((2019, 1), (2020, True), (2021, 3)):
        book.active.append(["a", year, value])
    book.save(tmp_path / "flags.xlsx")
    # an Excel TRUE is not the number 1 (pandas would say 1.0)
    assert read_long_table(tmp_path / "flags.xlsx")["value"].tolist() == [1.0, True, 3.0]


def test_percentages_are_numbers_in_percent(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    book.active.append(["series_id", "year", "value"])
    for year, share in ((2019, 0.278), (2020, 0.3)):  # stored 0.278, shown 27.8%
        book.active.append(["growth", year, share])
        book.active.cell(book.active.max_row, 3).number_format = "0.0%"
    path = tmp_path / "growth.xlsx"
    book.save(path)
    out = read_long_table(path)
    assert out["value"].tolist() == [27.8, 30.0] and out["unit"].tolist() == ["%", "%"]
    csv = tmp_path / "mixed.csv"
    csv.write_text(
        "series_id,year,value,unit\na,2019,27.8%,\na,2020,30%,%\nb,2019,1,MW\n", encoding="utf-8"
    )
    mixed = read_long_table(csv)
    assert mixed["value"].tolist() == [27.8, 30.0, 1.0]
    assert mixed["unit"].tolist() == ["%", "%", "MW"]
    csv.write_text("series_id,year,value,unit\na,2019,27.8%,MW\n", encoding="utf-8")
    msg = (
        "mixed.csv row 2, column 'value': the value is written as a percentage but the row's "
        "unit is 'MW'; write the value as a plain number, or the unit as '%'"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        read_long_table(csv)


def test_estimate_years_in_a_long_table(tmp_path: Path) -> None:
    path = _csv(tmp_path, "series_id,year,value\na,2020,1\na,2021,2\na,2022E,3\nb,2020,5\n")
    msg = "m.csv row 4, column 'year': '2022E' is an estimate, not a published figure"
    with pytest.raises(DataError, match=re.escape(msg)):
        read_long_table(path)
    dropped = read_long_table(path, estimates="drop")["year"]
    kept = read_long_table(path, estimates="keep")["year"]
    assert dropped.tolist() == [2020, 2021, 2020] and kept.tolist() == [2020, 2021, 2022, 2020]
    # integer years, as from a file of plain years (before: floats, printed 2020.0)
    assert dropped.dtype == kept.dtype == np.int64
    with pytest.raises(DataError, match=re.escape("estimates='maybe' is not a policy")):
        read_long_table(path, estimates="maybe")


def test_forecast_many_names_the_estimates_of_read_long_table_and_read_series(
    tmp_path: Path,
) -> None:
    text = "series_id,year,value\na,2019,1\na,2020,2\na,2021,3\na,2022E,4\na,2023F,5\n"
    text += "b,2019,5\nb,2020,6\nb,2021,7\n"
    path = _csv(tmp_path, text)
    # b has 3 years: no cutoff to score (a has 5 with its estimates: it has)
    expected = {"a": "estimates read as data: 2022E, 2023F", "b": NO_SCORED_CUTOFF}
    for frame in (
        read_long_table(path, estimates="keep"),
        read_series(path, unit="MW", estimates="keep"),
    ):
        out = forecast_many(frame, 2, method="drift", engine="serial", progress=False)
        assert out.drop_duplicates("series_id").set_index("series_id")["note"].to_dict() == (
            expected
        )


def test_number_columns_beside_a_wide_table_are_not_joined_into_ids(tmp_path: Path) -> None:
    path = _csv(tmp_path, "segment,2019,2020,CAGR\ncolo,100,120,20.0%\ncloud,50,60,20%\n")
    with pytest.warns(IgnoredColumnWarning, match=re.escape("column 'CAGR' holds numbers")):
        out = read_long_table(path)  # not read, and said so, as read_series says it
    assert out["series_id"].tolist() == ["colo", "colo", "cloud", "cloud"]
    numeric_ids = _csv(tmp_path, "code,2019,2020\n101,1,2\n102,3,4\n", "codes.csv")
    assert read_long_table(numeric_ids)["series_id"].tolist() == ["101", "101", "102", "102"]


def test_wide_ids_that_look_like_numbers_keep_their_text(tmp_path: Path) -> None:
    path = _csv(tmp_path, "code,2019,2020\n001,1,2\n010,3,4\n", "codes.csv")
    out = read_long_table(path)
    assert out["series_id"].tolist() == ["001", "001", "010", "010"]
    assert out["value"].dtype == np.float64  # the year columns still parse as numbers


def test_a_cell_merged_down_names_every_row_it_covers(tmp_path: Path) -> None:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["Markets (USD bn)"])
    sheet.append(["country", "segment", 2018, 2019, 2020])
    sheet.append(["China", "colo", 10, 12, 15])
    sheet.append([None, "cloud", 5, 7, None])  # a year not published stays a gap
    sheet.append(["US", "colo", 20, 22, 25])
    sheet.merge_cells("A3:A4")  # "China" over its two segments, as research sheets do
    sheet.merge_cells("A1:E1")  # the title across columns: not a value of anything
    path = tmp_path / "merged.xlsx"
    book.save(path)
    out = read_long_table(path, header_row=1)
    assert out.drop_duplicates("series_id")["series_id"].tolist() == [
        "China / colo", "China / cloud", "US / colo"
    ]  # fmt: skip
    assert out[out["series_id"] == "China / cloud"]["year"].tolist() == [2018, 2019]


def test_a_long_file_without_series_id_is_one_series_named_after_the_file(
    tmp_path: Path,
) -> None:
    # was: "no column(s) 'series_id'", while forecast --data reads the same file
    path = tmp_path / "racks.csv"
    path.write_text("year,value\n2019,10\n2020,12\n2021,15\n2022,17\n")
    table = read_long_table(path, unit="MW")
    assert table["series_id"].unique().tolist() == ["racks"]
    single = read_series(path, unit="MW")
    assert table[["series_id", "year", "value"]].values.tolist() == (
        single[["series_id", "year", "value"]].values.tolist()
    )
    # a file with series_id but no value column is still an error naming it
    (tmp_path / "no_value.csv").write_text("series_id,year\na,2020\n")
    with pytest.raises(DataError, match=re.escape("no column(s) 'value'")):
        read_long_table(tmp_path / "no_value.csv", unit="MW")


def test_a_year_column_under_another_header(tmp_path: Path) -> None:
    # forecast-many had no --year-column (read_series has year_column=)
    path = tmp_path / "cn.csv"
    path.write_text("series_id,年份,value\na,2019,10\na,2020,12\na,2021,15\n", encoding="utf-8")
    table = read_long_table(path, unit="MW", year_column="年份")
    assert table[["series_id", "year", "value"]].values.tolist() == [
        ["a", 2019, 10.0], ["a", 2020, 12.0], ["a", 2021, 15.0]
    ]  # fmt: skip
    # 年份 is a known other name for the year column (HEADER_ALIASES)
    assert read_long_table(path, unit="MW")["year"].tolist() == [2019, 2020, 2021]
    period = tmp_path / "period.csv"
    period.write_text("series_id,period,value\na,2019,10\n", encoding="utf-8")
    msg = (
        "period.csv: no column(s) 'year'; expected a long table with columns series_id, year, "
        "value (and optionally unit), a wide one with years as column headers, or one with "
        "a year per row and a column per series (year, north, south; without series_id and "
        "value); found 'series_id', 'period', 'value'; if the years are under another header, "
        "pass year_column=NAME (--year-column NAME)"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        read_long_table(period, unit="MW")
    both = tmp_path / "both.csv"
    both.write_text("series_id,year,年份,value\na,2019,2019,10\n", encoding="utf-8")
    with pytest.raises(DataError, match=re.escape("has both a 'year' column and the year")):
        read_long_table(both, unit="MW", year_column="年份")


@pytest.mark.filterwarnings("ignore::idcforecast.errors.MagnitudeJumpWarning")  # arbitrary values
def test_a_year_per_row_file_reads_as_read_series_reads_it(tmp_path: Path) -> None:
    # before: "no column(s) 'series_id', 'value' ... (a title above the header? pass
    # header_row=N ...)", while forecast --data read the same file
    path = _csv(tmp_path, "year,north,south,source\n2016,10,20,A\n\n2017,12,,B\n2018,15,30,\n")
    table = read_long_table(path, unit="MW")
    both = read_series(path, unit="MW")
    assert table[["series_id", "year", "value"]].values.tolist() == (
        both[["series_id", "year", "value"]].values.tolist()
    )
    assert table["series_id"].unique().tolist() == ["north", "south"]  # not 'source'
    fc = forecast_many(table, 1, method="naive", engine="serial")
    assert fc["status"].unique().tolist() == ["ok"]
    # per-row units, estimates, and a series column without any value (failed by name)
    rows = _csv(tmp_path, "year,a,b,unit\n2019,1,,GW\n2020E,2,,MW\n", "u.csv")
    table = read_long_table(rows, unit="MW", estimates="keep")
    assert table[["series_id", "year", "value"]].values.tolist()[:2] == [
        ["a", 2019, 1000.0], ["a", 2020, 2.0]
    ]  # fmt: skip
    # 1 GW in MW noted as read_series notes it (was: not noted)
    assert table["note"].tolist()[:2] == [
        "converted from 'GW' (x1000)", "estimate (year written '2020E')"
    ]  # fmt: skip
    assert table["series_id"].tolist()[2] == "b" and np.isnan(table["value"].tolist()[2])
    headerless = _csv(tmp_path, "year,a,\n2019,1,\n2020,2,7\n", "h.csv")
    msg = "h.csv row 3, column 3 (no header): a column without a header holds '7'"
    with pytest.raises(DataError, match=re.escape(msg)):
        read_long_table(headerless)
    # a header with 'year' is the header: no hint about title rows
    with pytest.raises(DataError) as err:
        read_long_table(_csv(tmp_path, "series_id,year,amount\na,2019,1\n", "s.csv"))
    assert "header_row" not in str(err.value)


def test_a_footnote_under_a_wide_table_is_no_series(tmp_path: Path) -> None:
    # before: forecast-many turned "Source: invented" into a failed series of that name
    path = _csv(tmp_path, "country,2019,2020\nChina,1,2\nIndia,3,\n\nSource: invented\n")
    with pytest.warns(FootnoteWarning, match=re.escape("m.csv row 5 ('Source: invented')")):
        table = read_long_table(path)
    assert table["series_id"].unique().tolist() == ["China", "India"]


NOT_PUBLISHED_WIDE = (
    "series_id,unit,2016,2017,2018,2019,2020,2021,2022,2023\n"
    "blank,MW,100,110,,130,140,150,160,170\n"
    "na,MW,100,110,n/a,130,140,150,160,170\n"
    "dash,MW,100,110,—,130,140,150,160,170\n"
    "dots,MW,100,110,..,130,140,150,160,170\n"
    "zh,MW,100,110,暂无,130,140,150,160,170\n"
    "none,MW,,n/a,—,..,,,,\n"
    "tbd,MW,100,110,TBD,130,140,150,160,170\n"
)


def test_cells_marked_not_published_are_gaps_in_a_wide_table(tmp_path: Path) -> None:
    # uat13 #5: "n/a" and "—" failed their series ("value 'n/a' is not a finite number;
    # drop the row") where read_series reads them as years not published, like a blank cell
    path = _csv(tmp_path, NOT_PUBLISHED_WIDE, "wide.csv")
    data = read_long_table(path)
    by_series = {sid: g for sid, g in data.groupby("series_id", sort=False)}
    for sid in ("na", "dash", "dots", "zh"):
        assert by_series[sid]["year"].tolist() == [2016, 2017, *range(2019, 2024)], sid
        assert by_series[sid]["value"].tolist() == by_series["blank"]["value"].tolist(), sid
    # read_series reads the same cells the same way (it refuses the row without values)
    published = _csv(tmp_path, NOT_PUBLISHED_WIDE.rsplit("none,", 1)[0], "p.csv")
    single = read_series(published)
    assert single["year"].tolist() == data.query("series_id in @single.series_id")["year"].tolist()
    out = forecast_many(data, 1, method="drift", engine="serial", progress=False)
    per_series = out.set_index("series_id")
    # drift over the observed years: 170 + (170 - 100) / 7 = 180
    for sid in ("blank", "na", "dash", "dots", "zh"):
        assert per_series.loc[sid, "mean"] == pytest.approx(180.0)
        assert per_series.loc[sid, "status"] == "ok"
        assert per_series.loc[sid, "note"] == "gap year 2018 filled log-linearly for fitting only"
    # a row whose every cell is blank or not published fails by name, without "drop the
    # row" (a wide table has no row per year to drop)
    assert per_series.loc["none", "status"] == "failed"
    assert per_series.loc["none", "note"] == (
        "series 'none' has no values: every year is blank (NaN) or not published; give its "
        "values, or leave the series out"
    )
    # text still fails its series, with a fix that fits a wide table too
    assert per_series.loc["tbd", "note"] == (
        "series 'tbd' year 2018 (wide.csv row 8, column '2018'): value 'TBD' is not a finite "
        "number; give a number, or leave "
        "the year out (a missing year is allowed: drop its row, or blank its cell in a wide "
        "table)"
    )


def test_cells_marked_not_published_are_gaps_in_a_table_with_a_row_per_year(
    tmp_path: Path,
) -> None:
    path = _csv(
        tmp_path,
        "year,north,south,west\n2019,1,2,n/a\n2020,—,3,..\n2021,3,4,暂无\n2022,4,5,—\n",
    )
    data = read_long_table(path)
    assert data[["series_id", "year"]].values.tolist() == [
        ["north", 2019], ["north", 2021], ["north", 2022],
        ["south", 2019], ["south", 2020], ["south", 2021], ["south", 2022],
        ["west", 2019],
    ]  # fmt: skip
    assert np.isnan(data["value"].iloc[-1])  # no value at all: one NaN row, failed by name
    assert data["value"].iloc[:7].tolist() == [1.0, 3.0, 4.0, 2.0, 3.0, 4.0, 5.0]


def test_long_table_not_published_rows_are_gaps_and_a_blank_value_is_called_blank(
    tmp_path: Path,
) -> None:
    path = _csv(
        tmp_path,
        "series_id,year,value\n"
        "gap,2016,100\ngap,2017,110\ngap,2018,n/a\ngap,2019,130\ngap,2020,—\ngap,2021,150\n"
        "blank,2016,100\nblank,2017,\nblank,2018,120\n"
        "none,2016,n/a\nnone,2017,..\n"
        "ok,2016,1\nok,2017,2\nok,2018,3\n",
    )
    data = read_long_table(path)
    # as read_series reads a long file: a not-published row is a year left out
    assert data.query("series_id == 'gap'")["year"].tolist() == [2016, 2017, 2019, 2021]
    assert data["value"].dtype == np.float64
    out = forecast_many(data, 1, method="drift", engine="serial", progress=False)
    per_series = out.set_index("series_id")
    # drift over the observed years 2016..2021: 150 + (150 - 100) / 5 = 160
    assert per_series.loc["gap", "mean"] == pytest.approx(160.0)
    assert per_series.loc["gap", "status"] == "ok"
    # before: "value nan is not a finite number" for a cell the user left blank
    assert per_series.loc["blank", "note"] == (
        "series 'blank' year 2017 (m.csv row 9, column 'value'): the value is blank (NaN) but "
        "the row is not; expected a "
        "number; for a year not published, drop the row or write 'n/a' as its value "
        "(pandas.read_csv reads 'n/a' as NaN unless given keep_default_na=False; read_series "
        "and read_long_table keep it)"
    )
    # a series whose every row is not published is kept (one row), failed by name
    assert per_series.loc["none", "note"].startswith("series 'none' has no values")
    assert per_series.loc["ok", "mean"] == pytest.approx(4.0)  # 3 + (3 - 1) / 2


def test_a_wide_tables_total_row_is_named_and_checked_against_the_rows_above(
    tmp_path: Path,
) -> None:
    # gaps15: a "Total" row was read as one more series, in silence
    from idcforecast.errors import TotalRowWarning

    # North + South = 150, 165, 181; the total row says 180 for 2021: 180 / 181 - 1 = -0.55%,
    # beyond the 0.5% a table's rounding explains
    path = _csv(
        tmp_path, "market,2019,2020,2021\nNorth,100,110,120\nSouth,50,55,61\nTotal,150,165,180\n"
    )
    with pytest.warns(TotalRowWarning) as caught:
        data = read_long_table(path)
    assert [str(w.message) for w in caught] == [
        "m.csv: the row 'Total' looks like the table's total, and is read as a series of its "
        "own; it is not the sum of the other 2 ('North', 'South'): 2021 is 180 against their "
        "181 (-0.6%); delete the row to forecast the parts alone, or keep it to forecast the "
        "total apart (its forecast need not equal the sum of theirs)"
    ]
    assert data["series_id"].unique().tolist() == ["North", "South", "Total"]  # still read
    # a year per row, a 合计 column: 812.3 + 750.3 = 1,562.6 against 1,562.5 is rounding
    # (0.006%), and 2020: 900 + 800 = 1,700
    rows = _csv(
        tmp_path, "year,north,south,合计\n2019,812.3,750.3,1562.5\n2020,900,800,1700\n", "r.csv"
    )
    with pytest.warns(TotalRowWarning, match=re.escape(
        "r.csv: the column '合计' looks like the table's total, and is read as a series of its "
        "own; it is the sum of the other 2 ('north', 'south') in every year compared (2019, "
        "2020)"
    )):  # fmt: skip
        read_long_table(rows)
    # a total per group of a joined name: China / Total sums the China rows only
    grouped = _csv(
        tmp_path,
        "country,segment,2020\nChina,colo,3\nChina,cloud,4\nChina,Total,7\nIndia,colo,1\n",
        "g.csv",
    )
    with pytest.warns(TotalRowWarning, match=re.escape(
        "the row 'China / Total' looks like the table's total, and is read as a series of its "
        "own; it is the sum of the other 2 ('China / colo', 'China / cloud') in every year "
        "compared (2020)"
    )):  # fmt: skip
        read_long_table(grouped)


def test_values_read_in_another_currency_are_noted(tmp_path: Path) -> None:
    # was: converted without a word, so forecast-many's note never said that the history's
    # growth includes exchange-rate moves (Python forecast_many on read_series output did)
    from idcforecast.batch import forecast_many

    path = _csv(
        tmp_path,
        "series_id,year,value,unit\n"
        "cn,2019,1562.5,CNY 100m\ncn,2020,2238.7,亿元\ncn,2021,3.2,USD bn\ncn,2022,4043.2,亿元\n",
    )
    out = read_long_table(path, unit="CNY bn")
    notes = dict(zip(out["year"], out["note"], strict=True))
    # 3.2 USD bn x 6.4508 CNY per USD (G.5A 2021) = 20.64256 CNY bn
    assert notes[2021] == "converted from 'USD bn' (x6.4508, 2021 annual-average FX rate)"
    # no currency change, noted as read_series notes it (was: not noted)
    assert [notes[y] for y in (2019, 2020, 2022)] == ["converted from 'CNY 100m' (x0.1)"] * 3
    assert out["note"].tolist() == read_series(path, unit="CNY bn")["note"].tolist()
    fc = forecast_many(out, 1, method="naive", engine="serial")
    # every row converted, by one factor where no currency changed: only the FX is named
    # (fc52: the 19.6x step from 2021 to 2022 of this made-up series is named too; fc55:
    # as the dip it is, 20.6426 / 223.87 = 1/10.8 of 2020 and 20.6426 / 404.32 = 1/19.6 of
    # 2022, not a step to forecast from)
    assert fc["note"][0] == (
        "history converted between currencies at each year's FX rate (2021): its growth "
        "includes exchange-rate moves; year 2021 is 1/10.8 of the year before and 1/19.6 of "
        "the year after (223.87, 20.6426, 404.32): one value out of line with both neighbours "
        "sets much of the interval width; if it is a slip of magnitude or unit, correct it, "
        "or leave the year out (a gap); " + NO_SCORED_CUTOFF
    )


def test_a_value_under_no_header_in_a_wide_table_is_an_error(tmp_path: Path) -> None:
    # was: the 5 under the headerless fourth column vanished from the batch
    path = _csv(tmp_path, "series_id,2019,2020,\nchina,1,2,5\nus,3,4,\n")
    with pytest.raises(DataError, match=re.escape("row 2, column 4 (no header): a column")):
        read_long_table(path)


def test_decimal_comma_file_with_a_blank_line_gives_integer_years(tmp_path: Path) -> None:
    # was: the blank line's empty year kept the column as objects, years 2019.0
    path = _csv(tmp_path, "series_id;year;value\na;2019;1,5\na;2020;2,5\n;;\nb;2019;3\n")
    data = read_long_table(path, decimal=",")
    assert data["year"].dtype == np.int64
    assert data["year"].tolist() == [2019, 2020, 2019]
    with_dot = read_long_table(_csv(tmp_path, "series_id,year,value\na,2019,1.5\n,,\n", "d.csv"))
    assert with_dot["year"].dtype == np.int64


def test_an_excel_true_cell_fails_its_series_instead_of_being_one(tmp_path: Path) -> None:
    # was: read_long_table kept TRUE as written, then forecast_many read it as 1.0, "ok"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["country", 2019, 2020, 2021, 2022, 2023])
    sheet.append(["China", 1, 2, 3, 4, 5])
    sheet.append(["Japan", 1, True, 3, 4, 5])
    book.save(tmp_path / "w.xlsx")
    out = forecast_many(
        read_long_table(tmp_path / "w.xlsx"), 1, method="drift", engine="serial", progress=False
    ).set_index("series_id")
    assert out.loc["China", "status"] == "ok"
    assert out.loc["Japan", "status"] == "failed"
    assert out.loc["Japan", "note"].startswith(
        "series 'Japan' year 2020 (w.xlsx sheet 'Sheet' cell C3): value True is not a finite number"
    )


@pytest.mark.parametrize(
    ("text", "header"),
    [
        ("series_id,year,value\n\n,,\n", "series_id, year, value"),
        ("country,2019,2020\n,,\n", "country, 2019, 2020"),
    ],
)
def test_a_file_of_blank_lines_is_an_empty_data_error_naming_it(
    tmp_path: Path, text: str, header: str
) -> None:
    # was: an empty frame, then "forecast_many: data has no rows" (the file not named)
    with pytest.raises(EmptyDataError) as err:
        read_long_table(_csv(tmp_path, text))
    assert str(err.value) == (
        f"m.csv has a header ({header}) but no rows of data; expected a header row and at "
        "least one row of data (every line below the header is blank)"
    )


def test_a_row_with_a_name_only_fails_its_series_not_the_batch(tmp_path: Path) -> None:
    # was: a ValueError traceback from forecast-many for the line "a,,"
    text = "series_id,year,value\na,2019,1\na,2020,2\na,,\nb,2019,1\nb,2020,2\nb,2021,3\n"
    out = forecast_many(read_long_table(_csv(tmp_path, text)), 1, method="drift", engine="serial")
    assert out["status"].tolist() == ["failed", "ok"]
    assert (
        out["note"][0]
        == "series 'a': a row has no year (a blank year cell, m.csv row 4, column 'year'); "
        "give its year, or drop the row"
    )


def test_two_rows_of_a_wide_table_with_one_name_fail_their_series_naming_the_rows(
    tmp_path: Path,
) -> None:
    # was: read as one series, which failed as "mixes units 'USD bn', 'MW'; convert to one
    # unit first" (or "2 values for year 2019 ...; keep one row per year")
    text = (
        "country,segment,unit,2019,2020,2021,2022\n"
        "China,colo,USD bn,1,2,3,4\nChina,colo,MW,100,200,300,400\nUS,colo,USD bn,1,2,3,4\n"
    )
    out = forecast_many(
        read_long_table(_csv(tmp_path, text)), 1, method="drift", engine="serial"
    ).set_index("series_id")
    assert out["status"].to_dict() == {"China / colo": "failed", "US / colo": "ok"}
    assert out.loc["China / colo", "note"] == (
        "series 'China / colo' is the name of 2 rows of the table (m.csv row 2, m.csv row 3): "
        "give each row its own name (a column that tells them apart, such as the metric), or "
        "delete the extra rows"
    )


def test_a_wide_frame_filtered_to_one_of_the_rows_sharing_a_name_is_forecast(
    tmp_path: Path,
) -> None:
    text = "country,unit,2019,2020,2021\nChina,USD bn,1,2,3\nChina,MW,100,200,300\n"
    data = read_long_table(_csv(tmp_path, text))
    out = forecast_many(data[data["unit"] == "MW"], 1, method="drift", engine="serial")
    assert out["status"].tolist() == ["ok"]
    assert out["mean"].tolist() == [400.0]


def test_a_value_header_with_its_unit_is_the_value_column(tmp_path) -> None:
    # read_series reads "value (CNY bn)" as the value column in CNY bn (readers24); the batch
    # reader said "no column(s) 'value'"
    path = tmp_path / "vh.csv"
    path.write_text(
        "series_id,year,value (CNY bn),qualifier\na,2019,1.5,exact\na,2020,2,at_least\n"
        "a,2021,2.5,exact\n",
        encoding="utf-8",
    )
    table = read_long_table(path)
    assert list(table.columns) == ["series_id", "year", "value", "unit", "qualifier"]
    assert table["unit"].tolist() == ["CNY bn"] * 3
    assert table["value"].tolist() == [1.5, 2.0, 2.5]
    # the qualifier column is kept: the forecast names the bound, as forecast() does
    note = forecast_many(table, 1, method="drift", engine="serial")["note"].iloc[0]
    assert (
        note == "value published as a bound, fitted as that number, never scored by the "
        "interval calibration: 2020 (at least); " + NO_SCORED_CUTOFF
    )
    clash = tmp_path / "clash.csv"
    clash.write_text(
        "series_id,year,value (CNY bn),unit\na,2019,1.5,\na,2020,2,CNY bn\na,2021,2.5,USD bn\n",
        encoding="utf-8",
    )
    msg = (
        "clash.csv row 4, column 'unit': the value column's header states the unit 'CNY bn' "
        "but the unit column says 'USD bn'; expected one unit; correct one of them"
    )
    with pytest.raises(DataError, match=re.escape(msg) + "$"):
        read_long_table(clash)


def test_a_bound_written_before_a_number_is_read_as_read_series_reads_it(tmp_path) -> None:
    # batch25 (closing13's leftover): "超过520" failed its series ("value '超过520' is not a
    # finite number"), where read_series reads it as at least 520 and forecast() names it
    path = _csv(
        tmp_path,
        "series_id,year,value,unit\n"
        + "".join(
            f"cn,{2015 + i},{v},CNY bn\n"
            for i, v in enumerate(["100", "超过120", "约130", "< 150", "160", "172"])
        )
        + "".join(f"us,{2015 + i},{10 + i},USD bn\n" for i in range(6)),
    )
    table = read_long_table(path)
    assert table["value"].tolist()[:6] == [100.0, 120.0, 130.0, 150.0, 160.0, 172.0]
    assert (
        table["qualifier"].tolist()
        == ["exact", "at_least", "approximately", "at_most"] + ["exact"] * 8
    )
    out = forecast_many(table, 2, method="drift", engine="serial", progress=False)
    expected = forecast(read_series(path), 2, method="drift")
    pd.testing.assert_frame_equal(out, expected)
    note = out.drop_duplicates("series_id").set_index("series_id")["note"]
    assert note["cn"] == (
        "values published as bounds, fitted as those numbers, never scored by the "
        "interval calibration: 2016 (at least), 2018 (at most)"
    )
    # drift from 100 (2015) to 172 (2020): 14.4 a year; 2021 is 186.4, 2022 200.8
    assert out.loc[out["series_id"] == "cn", "mean"].tolist() == pytest.approx([186.4, 200.8])
    # a qualifier column: a blank or "exact" cell takes the value's; another one is an error
    path = _csv(
        tmp_path,
        "series_id,year,value,qualifier\na,2019,1,exact\na,2020,超过2,\na,2021,> 3,exact\n"
        "a,2022,<5,at_most\n",
        "q.csv",
    )
    assert read_long_table(path)["qualifier"].tolist() == [
        "exact",
        "at_least",
        "at_least",
        "at_most",
    ]
    path = _csv(
        tmp_path, "series_id,year,value,qualifier\na,2019,1,\na,2020,超过2,at_most\n", "c.csv"
    )
    msg = (
        "c.csv row 3, column 'value': the value '超过2' says 'at_least' but the qualifier "
        "column says 'at_most'; one of them is wrong; correct it (a value without a qualifier "
        "word takes the column's)"
    )
    with pytest.raises(DataError, match=re.escape(msg) + "$"):
        read_long_table(path)
    # a wide table's cell too; a range in the cell still fails its series, quoted, and a
    # cell's own unit beside bare numbers fails it as read_series refuses it (was: 'ok', 1, 3
    # and 4 taken in silence to be in the one cell's 'CNY 100m')
    path = _csv(
        tmp_path,
        "market,2019,2020,2021,2022\nA,1,超过2,3,4\nB,1,2亿元,3,4\nC,1,2-3,3,4\n",
        "w.csv",
    )
    out = forecast_many(read_long_table(path), 1, method="naive", engine="serial")
    per = out.set_index("series_id")
    assert per.loc["A", ["status", "note"]].tolist() == [
        "ok",
        "value published as a bound, fitted as that number, never scored by the "
        "interval calibration: 2020 (at least); " + NO_SCORED_CUTOFF,
    ]
    assert per.loc["B", "note"].startswith(
        "series 'B' year 2019: the number 1 has no unit, while other values of the series are "
        "in 'CNY 100m'"
    )
    assert per.loc["C", "note"].startswith(
        "series 'C' year 2020 (w.csv row 4, column '2020'): value '2-3' is not a finite"
    )


def test_a_row_that_does_not_convert_fails_its_series_not_the_batch(tmp_path: Path) -> None:
    # batch25: one row without an FX rate for its year (KRW 2003: the bundled table starts
    # in 2012), an unknown unit or another dimension stopped the whole run, one error per
    # run; now its series fails with that error, the others are converted and forecast
    path = _csv(
        tmp_path,
        "series_id,year,value,unit\n"
        "kr,2003,100,KRW bn\nkr,2004,110,KRW bn\nkr,2020,130,KRW bn\n"
        "cn,2019,1,CNY bn\ncn,2020,2,CNY bn\ncn,2021,3,CNY bn\n"
        "x,2019,1,MW\nx,2020,2,MW\nx,2021,3,MW\n"
        "bad,2020,1,furlongs\nbad,2021,1,furlongs\nus,2019,1,\nus,2020,2,\nus,2021,3,\n",
    )
    table = read_long_table(path, unit="USD bn")
    # rows not converted keep their value and unit
    assert (
        table["unit"].tolist()
        == ["KRW bn", "KRW bn"] + ["USD bn"] * 4 + ["MW"] * 3 + ["furlongs"] * 2 + ["USD bn"] * 3
    )
    assert table["value"].tolist()[:2] == [100.0, 110.0]
    # 1 CNY bn in 2019 at 6.9081 CNY per USD (data/fx_rates.csv, Federal Reserve G.5A)
    assert table["value"].iloc[3] == pytest.approx(1 / 6.9081, rel=1e-4)
    out = forecast_many(table, 1, method="drift", engine="serial", progress=False)
    per = out.set_index("series_id")
    assert per["status"].to_dict() == {
        "kr": "failed",
        "cn": "ok",
        "x": "failed",
        "bad": "failed",
        "us": "ok",
    }
    assert per.loc["us", "mean"] == 4.0  # drift: 3 + 1 (no unit: taken to be in USD bn)
    assert per.loc["kr", "note"].startswith(
        "m.csv row 2, column 'unit' (year 2003): no FX rate for KRW->USD in 2003: "
    )
    assert per.loc["x", "note"] == (
        "m.csv row 8, column 'unit' (year 2019): cannot convert 'MW' (power) to 'USD bn' "
        "(money): there is no conversion between power and money; convert to a unit of the "
        "same dimension (racks and power convert through kw_per_rack, currencies through the "
        "FX table by year)"
    )
    assert per.loc["bad", "note"].startswith(
        "m.csv row 11, column 'unit' (year 2020): unit 'furlongs' is not defined"
    )


def test_ctrl_c_while_pandas_reads_is_an_interrupt_not_a_malformed_csv(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """pandas' C parser swallows a KeyboardInterrupt raised in its read of the file and
    raises "Calling read(nbytes) on source failed" (a ParserError) instead: forecast-many
    interrupted while reading said "not a well-formed CSV" and exited with 2, not 130 (7 of
    40 real interrupts of a 50,000-series read). Here the read receives a real SIGINT and
    swallows it as pandas does."""
    import contextlib
    import os
    import signal

    import idcforecast.batch.reading as reading

    path = tmp_path / "markets.csv"
    path.write_text("series_id,year,value\na,2020,1\n", encoding="utf-8")

    def read_swallowing_the_interrupt(*args: object, **kwargs: object) -> object:
        with contextlib.suppress(KeyboardInterrupt):  # as pandas' C parser does
            os.kill(os.getpid(), signal.SIGINT)
        raise DataError("markets.csv: not a well-formed CSV (Error tokenizing data. ...)")

    monkeypatch.setattr(reading, "read_table", read_swallowing_the_interrupt)
    with pytest.raises(KeyboardInterrupt):
        read_long_table(path)
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # put back


def test_a_read_error_without_an_interrupt_is_still_the_read_error(tmp_path: Path) -> None:
    path = tmp_path / "markets.csv"
    path.write_text("series_id,year,value\na,2020,1,9\n", encoding="utf-8")
    with pytest.raises(DataError, match="not a well-formed CSV"):
        read_long_table(path)


@pytest.mark.parametrize(
    ("text", "row", "shown"),
    [
        # the second header became a series '地区' of values 2021 and 2022, and 华北's 2021
        # value was read as its 2019, in silence (read_series refused it already)
        ("地区,2019,2020\n华北,10,12\n华东,20,25\n\n地区,2021,2022\n华北,14,16\n",
         5, "'地区', '2021', '2022'"),
        ("region,2019,2020\nA,10,12\nB,20,25\n,2021,2022\nA,14,16\n", 4, "'2021', '2022'"),
    ],
)  # fmt: skip
def test_a_second_table_stacked_below_the_first_is_refused(
    tmp_path: Path, text: str, row: int, shown: str
) -> None:
    path = tmp_path / "stacked.csv"
    path.write_text(text, encoding="utf-8")
    message = (
        f"stacked.csv row {row}: the row holds {shown}, a header (of a second table below the "
        "first?); expected one table a sheet or file"
    )
    with pytest.raises(DataError, match=re.escape(message)):
        read_long_table(path, unit="亿元")


def test_a_year_that_is_not_a_year_fails_its_series_naming_the_file_row(tmp_path: Path) -> None:
    # was: "series 'a': year -3 is not a year; ... a Series needs its years as the index:
    # s.index = ...", a fix for another input, and no word of where the cell is
    path = tmp_path / "bad.csv"
    path.write_text("series_id,year,value\na,2019,1\na,2020,2\na,-3,3\nb,2019,1\nb,2020,2\n")
    out = forecast_many(read_long_table(path), 1, method="naive", engine="serial")
    assert out["note"].tolist()[0] == (
        "series 'a': year -3 (bad.csv row 4, column 'year') is not a year; use calendar years "
        "such as 2021 in the year column (positions 0, 1, 2... instead of years?)"
    )
    assert out["status"].tolist() == ["failed", "ok"]
    assert out["mean"].tolist()[1] == 2.0  # naive: b's last value


def test_forecast_of_a_read_frame_names_the_file_line_of_a_bad_year_or_value(
    tmp_path: Path,
) -> None:
    # before: forecast() on read_long_table's frame named the frame's row ("year '20x0'
    # (row 2 of the data)") or the year only ("series 'v' year 2020: value 'TBD'"), and
    # forecast_many() the same for text and blank cells: the file's line was left to find
    text = (
        "series_id,year,value\n"
        "y,2018,1\ny,2019,2\ny,20x0,3\ny,2021,4\n"  # the bad year: line 4
        "b,2018,1\nb,,2\nb,2020,3\nb,2021,4\n"  # a blank year: line 7
        "v,2018,1\nv,2019,2\nv,2020,TBD\nv,2021,4\n"  # a text value: line 12
        "n,2018,1\nn,2019,2\nn,2020,\nn,2021,4\n"  # a blank value: line 16
    )
    frame = read_long_table(_csv(tmp_path, text))
    expected = {
        "y": "series 'y': year '20x0' (m.csv row 4, column 'year') is not an integer year",
        "b": "series 'b': a row has no year (a blank year cell, m.csv row 7, column 'year')",
        "v": "series 'v' year 2020 (m.csv row 12, column 'value'): value 'TBD' is not a finite "
        "number",
        "n": "series 'n' year 2020 (m.csv row 16, column 'value'): the value is blank (NaN)",
    }
    many = forecast_many(frame, 1, method="naive", engine="serial", progress=False)
    for sid, start in expected.items():
        with pytest.raises(NonNumericValueError) as raised:
            forecast(frame[frame["series_id"] == sid], 1, method="naive")
        assert str(raised.value).startswith(start)
        assert many.set_index("series_id").loc[sid, "note"].startswith(start)
    # a cell fixed in the frame is read as fixed: the reader's mark names no error then
    fixed = frame.copy()
    fixed.loc[(fixed["series_id"] == "v") & (fixed["year"] == 2020), "value"] = 3.0
    out = forecast(fixed[fixed["series_id"] == "v"], 1, method="naive")
    assert out["mean"].tolist() == [4.0]  # naive: the last value, 2021's 4
    out = forecast_many(fixed[fixed["series_id"] == "v"], 1, method="naive", engine="serial")
    assert out["status"].tolist() == ["ok"]
    # a year fixed in the frame too (forecast_many failed the series with the reader's mark)
    fixed.loc[fixed["year"].astype(str) == "20x0", "year"] = 2020
    fixed = fixed[fixed["series_id"] == "y"].astype({"year": int})
    assert forecast(fixed, 1, method="naive")["mean"].tolist() == [4.0]
    out = forecast_many(fixed, 1, method="naive", engine="serial", progress=False)
    assert out["status"].tolist() == ["ok"]
    assert out["mean"].tolist() == [4.0]  # naive: 2021's 4


def test_forecast_of_a_read_frame_names_the_row_whose_unit_did_not_convert(
    tmp_path: Path,
) -> None:
    # before: forecast() said "series 'a' mixes units 'MW', 'kg'; convert to one unit
    # first", where forecast_many() named the file's row and why ('kg' is not defined)
    from idcforecast.errors import MixedUnitsError

    text = "series_id,year,value,unit\n" + "".join(
        f"a,{year},{value},{unit}\n"
        for year, value, unit in [
            (2018, 10, "MW"),
            (2019, 12, "MW"),
            (2020, 13, "kg"),
            (2021, 15, "MW"),
        ]
    )
    frame = read_long_table(_csv(tmp_path, text), unit="MW")
    start = "m.csv row 4, column 'unit' (year 2020): unit 'kg' is not defined"
    with pytest.raises(MixedUnitsError) as raised:
        forecast(frame, 1, method="naive")
    assert str(raised.value).startswith(start)
    many = forecast_many(frame, 1, method="naive", engine="serial", progress=False)
    assert many["note"].iloc[0].startswith(start)
    # a series none of whose rows converted was forecast in 'kg' where 'MW' was asked,
    # without a word (forecast_many failed it)
    text = "series_id,year,value,unit\n" + "".join(
        f"{sid},{year},{year - 2000},{unit}\n"
        for sid, unit in (("k", "kg"), ("g", "GW"))
        for year in (2018, 2019, 2020)
    )
    both = read_long_table(_csv(tmp_path, text, "k.csv"), unit="MW")
    start = "k.csv row 2, column 'unit' (year 2018): unit 'kg' is not defined"
    with pytest.raises(DataError) as raised:
        forecast(both[both["series_id"] == "k"], 1, method="naive")
    assert str(raised.value).startswith(start)
    many = forecast_many(both, 1, method="naive", engine="serial", progress=False)
    assert many["note"].iloc[0].startswith(start)
    # GW converted: 20 GW is 20,000 MW, naive's forecast
    assert forecast(both[both["series_id"] == "g"], 1, method="naive")["mean"].tolist() == [
        20_000.0
    ]


def test_a_unit_fixed_in_a_read_frame_is_read_as_the_user_s_correction(tmp_path: Path) -> None:
    """frame.loc[row, "unit"] = "MW" after read_long_table could not convert a row
    ('servers' where MW was asked) still failed the series, in forecast() and
    forecast_many() alike, on the mark in the row's note (the error said to remove it).
    The reader now records the unit it left in the row ("unit as read: 'servers'"); a
    unit set in the frame since is the user's correction: the row is read in it. A row
    still in its unit as read fails as before; a series then mixing units is told so."""
    text = "series_id,year,value,unit\n" + "".join(
        f"a,{year},{value},{unit}\n"
        for year, value, unit in [(2018, 10, "MW"), (2019, 12, "MW"), (2020, 13, "servers")]
    )
    frame = read_long_table(_csv(tmp_path, text), unit="MW")
    message = (
        "m.csv row 4, column 'unit' (year 2020): cannot convert 'servers' (servers) to 'MW' "
        "(power): there is no conversion between servers and power; convert to a unit of the "
        "same dimension (racks and power convert through kw_per_rack, currencies through the "
        "FX table by year)"
    )
    assert frame["note"].iloc[2] == (
        f"not converted to the unit asked for: {message}; unit as read: 'servers'"
    )
    with pytest.raises(DataError, match=re.escape(message) + "$"):  # still mixed: as before
        forecast(frame, 1, method="naive")
    many = forecast_many(frame, 1, method="naive", engine="serial", progress=False)
    assert many["note"].tolist() == [message]
    # the fix: the row's unit set in the frame; naive: the last value, 13 MW
    fixed = frame.assign(unit="MW")
    assert forecast(fixed, 1, method="naive")["mean"].tolist() == [13.0]
    many = forecast_many(fixed, 1, method="naive", engine="serial", progress=False)
    assert (many["status"].tolist(), many["mean"].tolist()) == (["ok"], [13.0])
    # drift from the corrected row: 13 + (13 - 10) / 2 = 14.5
    assert forecast(fixed, 1, method="drift")["mean"].tolist() == [14.5]
    # set to a unit of its own: a series of two units, said as for any frame
    other = frame.assign(unit=["MW", "MW", "GW"])
    with pytest.raises(MixedUnitsError, match="mixes units 'MW', 'GW'"):
        forecast(other, 1, method="naive")
    many = forecast_many(other, 1, method="naive", engine="serial", progress=False)
    assert many["status"].tolist() == ["failed"]
    assert "mixes units 'MW', 'GW'" in many["note"].iloc[0]
    # set back to the unit it was read with: the mark fails it again, saying what to do
    back = fixed.assign(unit=["MW", "MW", "servers"])
    with pytest.raises(DataError, match=re.escape(message) + "$"):
        forecast(back, 1, method="naive")


def test_a_repeated_year_of_a_read_frame_names_each_value_s_row(tmp_path: Path) -> None:
    # before: "series 'c' has 2 values for year 2019 (2.0, 3.0); keep one row per year",
    # from forecast() and forecast_many() alike: which rows of the file, unsaid
    from idcforecast.errors import DuplicateYearError

    text = "series_id,year,value\nc,2018,1\nc,2019,2\nc,2019,3\nc,2020,4\nc,2021,5\n"
    frame = read_long_table(_csv(tmp_path, text))
    msg = (
        "series 'c' has 2 values for year 2019 (2.0 in m.csv row 3, 3.0 in m.csv row 4); keep "
        "one row per year"
    )
    with pytest.raises(DuplicateYearError, match=re.escape(msg) + "$"):
        forecast(frame, 1, method="naive")
    many = forecast_many(frame, 1, method="naive", engine="serial", progress=False)
    assert many["note"].tolist() == [msg]
    # one of them dropped in the frame: forecast (naive: the last value, 5)
    kept = frame.drop(index=2)
    assert forecast(kept, 1, method="naive")["mean"].tolist() == [5.0]
    kept_many = forecast_many(kept, 1, method="naive", engine="serial", progress=False)
    assert kept_many["mean"].tolist() == [5.0]


def test_a_rate_row_beside_bare_rows_fails_only_its_series_with_unit(tmp_path: Path) -> None:
    # unit='亿元' on a table of bare 亿元 figures and a 'YoY growth' row in %: the % rows
    # convert to no amount, and as no row with a unit converted, the whole read was an
    # IncompatibleUnitsError, though the bare rows were in the unit asked for; only the
    # growth series fails now (its note says why), the market is read
    path = tmp_path / "t.csv"
    path.write_text(
        "Metric,2019,2020,2021\nMarket size,1562.5,2238.7,3012.3\nYoY growth,27.2%,43.3%,34.6%\n",
        encoding="utf-8",
    )
    data = read_long_table(path, unit="亿元")
    assert data["value"].tolist()[:3] == [1562.5, 2238.7, 3012.3]
    assert data["unit"].tolist() == ["CNY 100m"] * 3 + ["%"] * 3
    assert data["note"].iloc[3].startswith("not converted to the unit asked for")
    out = forecast_many(data, 1, method="naive", engine="serial", progress=False)
    assert out.set_index("series_id")["status"].to_dict() == {
        "Market size": "ok",
        "YoY growth": "failed",
    }
    # every row with a unit that does not convert, none without: unit= is wrong, as before
    only = tmp_path / "g.csv"
    only.write_text("Metric,2019,2020\nYoY growth,27.2%,43.3%\n", encoding="utf-8")
    with pytest.raises(IncompatibleUnitsError):
        read_long_table(only, unit="亿元")
