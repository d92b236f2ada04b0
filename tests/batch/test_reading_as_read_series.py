"""read_long_table reads value cells, decimal marks and units as read_series does."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pandas as pd
import pytest

from idcforecast import read_series
from idcforecast.batch import forecast_many, read_long_table
from idcforecast.errors import (
    AmbiguousNumberWarning,
    FootnoteWarning,
    HiddenCellsWarning,
    ParseError,
    UnitError,
)


def _csv(tmp_path: Path, text: str, name: str = "m.csv") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text",
    [
        'series_id,year,value (USD mn)\nus,2020,"$1,200"\nus,2021,1300 USD\nus,2022,1400\n',
        'series_id,year,value,unit\nus,2020,"$1,200",USD mn\nus,2021,1300 USD,USD mn\n'
        "us,2022,1400,USD mn\n",
    ],
    ids=["value header", "unit column"],
)
def test_a_currency_sign_alone_under_a_unit_with_a_magnitude_is_in_that_unit(
    tmp_path: Path, text: str
) -> None:
    # '$1,200' under 'USD mn' was read as 1,200 dollars (0.0012 USD mn), and the whole
    # series then converted to USD: 1400 USD mn came out 1.4e9 USD. read_series reads the
    # sign as naming the currency: 1,200 USD mn.
    path = _csv(tmp_path, text)
    out = read_long_table(path)
    assert out["value"].tolist() == [1200.0, 1300.0, 1400.0]
    assert out["unit"].tolist() == ["USD mn"] * 3
    assert out["note"].iloc[0] == (
        "'$1,200' read in the unit of its header or unit column, 'USD mn' (the sign names "
        "its currency, no magnitude)"
    )
    assert out["note"].iloc[0] == read_series(path)["note"].iloc[0]
    # in USD bn: 1200 USD mn / 1000 = 1.2 USD bn, 1300 / 1000 = 1.3, 1400 / 1000 = 1.4
    in_bn = read_long_table(path, unit="USD bn")
    assert in_bn["value"].tolist() == pytest.approx([1.2, 1.3, 1.4])
    assert in_bn["value"].tolist() == pytest.approx(read_series(path, unit="USD bn")["value"])


def test_a_currency_sign_with_its_own_magnitude_keeps_it(tmp_path: Path) -> None:
    # 'US$1.2bn' under 'USD mn' is 1.2 USD bn = 1200 USD mn, its own unit, noted
    path = _csv(tmp_path, "series_id,year,value (USD mn)\nus,2020,US$1.2bn\nus,2021,1300\n")
    out = read_long_table(path, unit="USD mn")
    assert out["value"].tolist() == pytest.approx([1200.0, 1300.0])


@pytest.mark.parametrize("sep", [";", "\t", "|"])
def test_decimal_commas_of_a_semicolon_file_are_detected_as_read_series_detects_them(
    tmp_path: Path, sep: str
) -> None:
    # a ';' export whose numbers read only with a decimal comma: read_series reads it with
    # decimal=','; read_long_table (forecast-many) was a ParseError asking for decimal=','
    rows = [
        ["series_id", "year", "value"],
        ["de", "2020", "1,5"],
        ["de", "2021", "2,25"],
        ["fr", "2020", "1.234,5"],  # 1234.5: dots group thousands
        ["fr", "2021", "1 300,5"],  # 1300.5: a space groups thousands
    ]
    path = _csv(tmp_path, "".join(sep.join(row) + "\n" for row in rows))
    out = read_long_table(path)
    assert out["value"].tolist() == [1.5, 2.25, 1234.5, 1300.5]
    assert out["value"].tolist() == read_series(path, unit="MW")["value"].tolist()


def test_a_semicolon_file_whose_numbers_read_both_ways_is_not_guessed(tmp_path: Path) -> None:
    # '1,500' may be 1500 or 1.5: no detection, the old ParseError for '1,5' as read_series
    both = _csv(tmp_path, "series_id;year;value\nde;2020;1,5\nde;2021;1,500\n")
    with pytest.raises(ParseError, match=r"row 2, column 'value'.*decimal=','"):
        read_long_table(both)
    # every number '1.562'-like: read as 1.562 (not 1562) and warned about, as read_series
    dots = _csv(tmp_path, "series_id;year;value\nde;2020;1.562\nde;2021;1.600\n", "dots.csv")
    with pytest.warns(AmbiguousNumberWarning, match=r"dots.csv: every number \('1.562'"):
        out = read_long_table(dots)
    assert out["value"].tolist() == [1.562, 1.6]


def test_forecast_many_reads_a_decimal_comma_file_and_says_so_in_its_help(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from idcforecast.cli import main

    path = _csv(
        tmp_path,
        "series_id;year;value;unit\n"
        + "".join(f"de;{2019 + i};{1 + i},5;EUR bn\n" for i in range(4)),
    )
    out = tmp_path / "out.csv"
    argv = ["forecast-many", str(path), "--horizon", "1", "--method", "naive", "--out", str(out)]
    assert main([*argv, "--engine", "serial"]) == 0
    # naive: the last value, 4,5 (2022) = 4.5 EUR bn
    assert pd.read_csv(out)["mean"].tolist() == [4.5]
    with pytest.raises(SystemExit):
        main(["forecast-many", "--help"])
    assert "whose numbers read only with ',', '1,5', is read so" in " ".join(
        capsys.readouterr().out.split()
    )


def test_unit_against_a_footnote_that_states_another_is_refused(tmp_path: Path) -> None:
    # 'Note: figures in US$ m' under bare numbers: unit='USD bn' read 100.5 as 100.5 USD bn
    # (1000x too large), the footnote skipped with a FootnoteWarning only; read_series
    # refuses it since 9ec2f41
    path = _csv(
        tmp_path, "series_id,year,value\nus,2020,100.5\nus,2021,110.5\nNote: figures in US$ m\n"
    )
    with pytest.warns(FootnoteWarning), pytest.raises(UnitError) as caught:
        read_long_table(path, unit="USD bn")
    assert str(caught.value) == (
        "m.csv: a footnote under the table says 'Note: figures in US$ m', but unit='USD bn' "
        "takes the rows without a unit (series 'us'...) to be in 'USD bn' already; pass "
        "unit='US$ m' to read them as the footnote states, or correct the footnote"
    )
    with pytest.warns(FootnoteWarning), pytest.raises(UnitError):
        read_series(path, unit="USD bn")
    # the footnote's unit: read as stated (100.5 US$ m = 100.5 USD mn)
    with pytest.warns(FootnoteWarning):
        out = read_long_table(path, unit="US$ m")
    assert out["value"].tolist() == [100.5, 110.5]
    assert out["unit"].tolist() == ["USD mn"] * 2


def test_a_percent_series_of_fractions_is_warned_about_as_read_series_warns(
    tmp_path: Path,
) -> None:
    # 'g' holds 12.5% and 11.1% typed without the percent format: read as 0.125%, 100x too
    # small; 'h' writes its sign ('0.5%': meant) and 'r' numbers above 1: not named
    path = _csv(
        tmp_path,
        "series_id,year,value,unit\ng,2020,0.125,%\ng,2021,0.111,%\nh,2020,0.5%,\n"
        "h,2021,0.4%,\nr,2020,12.5,%\nr,2021,11.1,%\n",
    )
    with pytest.warns(AmbiguousNumberWarning) as caught:
        out = read_long_table(path)
    assert [str(w.message) for w in caught] == [
        "m.csv: series 'g' is in % and every value is a plain number below 1 (0.125, "
        "0.111), as fractions are (0.125 for 12.5%) when a sheet's cells lack the percent "
        "format; they were read as percent (0.125 as 0.125%); if they are fractions, "
        "multiply them by 100 or format the cells as percentages"
    ]
    assert out["value"].tolist() == [0.125, 0.111, 0.5, 0.4, 12.5, 11.1]  # kept as written
    header = _csv(tmp_path, "series_id,year,value (%)\ng,2020,0.125\ng,2021,0.111\n", "h.csv")
    with pytest.warns(AmbiguousNumberWarning, match="h.csv: series 'g' is in %"):
        read_long_table(header)


def _book(path: Path, rows: list[list[object]], hidden_rows: tuple[int, ...]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "IDC"
    for row in rows:
        sheet.append(row)
    for number in hidden_rows:
        sheet.row_dimensions[number].hidden = True
    book.save(path)
    return path


@pytest.mark.parametrize(
    ("rows", "hidden", "said"),
    [
        (
            [
                ["series_id", "year", "value"],
                ["china", 2019, 1],
                ["china", 2020, 2],
                ["india", 2019, 3],  # Excel row 4, hidden
                ["india", 2020, 4],  # row 5, hidden
                ["us", 2019, 5],  # row 6, hidden
            ],
            (4, 5, 6),
            "rows 4, 5 (series 'india'), 6 (series 'us')",
        ),
        (
            [["series_id", 2019, 2020], ["china", 1, 2], ["india", None, 4], ["us", 5, 6]],
            (3, 4),
            "rows 3 (series 'india'), 4 (series 'us')",
        ),
    ],
    ids=["long", "wide"],
)
def test_a_hidden_row_is_named_with_its_series(
    tmp_path: Path, rows: list[list[object]], hidden: tuple[int, ...], said: str
) -> None:
    # every series of a batch is read, so each hidden row is named with the series it
    # holds (was: 'rows 4, 5, 6', whose series the analyst had to look up)
    path = _book(tmp_path / "book.xlsx", rows, hidden_rows=hidden)
    with pytest.warns(HiddenCellsWarning) as caught:
        read_long_table(path)
    assert [str(w.message) for w in caught] == [
        f"book.xlsx, sheet 'IDC': {said} hidden in Excel (by hand or by a filter) were read "
        "as data like the cells shown; delete them from the sheet (or save a copy without) if "
        "not part of the table"
    ]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "series_id,year,value (USD mn)\nus,2020,€80\nus,2021,90\nde,2020,5\nde,2021,6\n",
            "m.csv row 2, column 'value': the value '€80' says 'EUR' but the unit column says "
            "'USD mn'; one of them is wrong; correct it (a plain number takes the unit "
            "column's unit)",
        ),
        (
            "series_id,year,value,unit\nus,2020,800 MW,racks\nus,2021,90,racks\n"
            "de,2020,5,racks\nde,2021,6,racks\n",
            "m.csv row 2, column 'value': the value '800 MW' says 'MW' but the unit column "
            "says 'racks'; one of them is wrong; correct it (a plain number takes the unit "
            "column's unit)",
        ),
    ],
    ids=["currency", "kind"],
)
def test_a_cell_unit_of_another_kind_or_currency_fails_its_series(
    tmp_path: Path, text: str, message: str
) -> None:
    # '€80' under 'value (USD mn)' was read as 80 EUR and the series converted to EUR
    # (90 USD mn came out 7.6e7 EUR), forecast without a word; read_series refuses it
    path = _csv(tmp_path, text)
    with pytest.raises(UnitError, match="one of them is wrong"):
        read_series(path)
    data = read_long_table(path)
    assert data["value"].tolist() == [80.0 if "€" in text else 800.0, 90.0, 5.0, 6.0]
    out = forecast_many(data, 1, method="naive", engine="serial", progress=False)
    assert out["status"].tolist() == ["failed", "ok"]
    # the row keeps its series' unit: correcting its value in the frame would not clear the
    # reader's mark in its note (a unit changed would: idcforecast._unit_marks), which the
    # message says
    assert out["note"].iloc[0] == (
        f"{message}; read_long_table marked the row as not converted in its note, and its "
        "unit column still holds the unit it was read with: if that unit is what is wrong, set "
        "the right one in the frame (a unit changed since it was read is taken as your "
        "correction); if you have corrected its value, remove that mark from its note (the "
        "text from 'not converted to the unit asked for:' on)"
    )


@pytest.mark.parametrize("cell", ['"$(1,300)"', '"$-1,300"'])
def test_an_accounting_negative_after_the_sign_is_in_the_header_unit(
    tmp_path: Path, cell: str
) -> None:
    # '$(1,300)' (a loss, as accounts write it) under 'USD mn' was -1,300 dollars in both
    # readers, and the series converted to USD (-1200 USD mn came out -1.2e9 USD)
    long = _csv(tmp_path, f"series_id,year,value (USD mn)\nus,2020,{cell}\nus,2021,(1200)\n")
    assert read_long_table(long)["value"].tolist() == [-1300.0, -1200.0]
    assert read_long_table(long)["unit"].tolist() == ["USD mn"] * 2
    rows = _csv(tmp_path, f"year,Revenue (USD mn)\n2020,{cell}\n2021,(1200)\n", "rows.csv")
    assert read_series(rows)["value"].tolist() == [-1300.0, -1200.0]


@pytest.mark.parametrize(
    ("cell", "value"),
    [('"($1,400)"', -1400.0), ('"-$1,400"', -1400.0), ('"(US$1.4 billion)"', -1.4)],
)
def test_an_accounting_negative_with_the_sign_before_its_brackets_or_minus(
    tmp_path: Path, cell: str, value: float
) -> None:
    # '($1,400)' (the currency sign inside an accountant's brackets) and '-$1,400' were a
    # ParseError in read_series and a value 'not read' in read_long_table (its series failed);
    # they are -1,400 as '$(1,400)' and '(1,400)' are: in the unit column's unit ('USD bn'),
    # the sign naming its currency; '(US$1.4 billion)' states its unit: -1.4 USD bn
    text = f"series_id,year,value,unit\nus,2020,1.2,USD bn\nus,2021,{cell},USD bn\n"
    path = _csv(tmp_path, text)
    assert read_series(path)["value"].tolist() == [1.2, value]
    assert read_long_table(path)["value"].tolist() == [1.2, value]
    assert read_series(path)["quote"].tolist()[1] == cell.strip('"')  # kept as written


@pytest.mark.parametrize("layout", ["wide", "year per row"])
def test_a_name_with_a_percent_sign_or_a_comma_unit_states_its_unit(
    tmp_path: Path, layout: str
) -> None:
    # read_series reads 'Growth %' as % and 'Revenue, US$ m' as USD mn (readers40); the
    # batch reader left both unitless, so unit='USD bn' read growth 27.8 as 27.8 USD bn and
    # 1562.5 US$ m as 1562.5 USD bn (1000x too large)
    text = (
        'series_id,2020,2021\nGrowth %,27.8,25.1\n"Revenue, US$ m",1562.5,1700\n'
        if layout == "wide"
        else 'year,Growth %,"Revenue, US$ m"\n2020,27.8,1562.5\n2021,25.1,1700\n'
    )
    path = _csv(tmp_path, text)
    out = read_long_table(path)
    assert dict(zip(out["series_id"], out["unit"], strict=True)) == {
        "Growth %": "%",
        "Revenue, US$ m": "USD mn",
    }
    data = read_long_table(path, unit="USD bn")
    revenue = data[data["series_id"] == "Revenue, US$ m"]
    assert revenue["value"].tolist() == pytest.approx([1.5625, 1.7])  # 1562.5 / 1000, 1700 / 1000
    result = forecast_many(data, 1, method="naive", engine="serial", progress=False)
    assert result.set_index("series_id")["status"].to_dict() == {
        "Growth %": "failed",  # '%' does not convert to USD bn
        "Revenue, US$ m": "ok",
    }


def test_unit_for_a_table_does_not_take_a_rate_named_series(tmp_path: Path) -> None:
    # read_series refuses unit='CNY bn' for 'Growth' beside 'Revenue' (6b7e33c); the batch
    # reader read growth 27.8 as 27.8 CNY bn and forecast it so. Now that series alone fails
    path = _csv(tmp_path, "series_id,2020,2021\nGrowth,27.8,25.1\nRevenue,1562.5,1700\n")
    data = read_long_table(path, unit="CNY bn")
    result = forecast_many(data, 1, method="naive", engine="serial", progress=False)
    assert result["status"].tolist() == ["failed", "ok"]
    assert result["note"].iloc[0] == (
        "m.csv row 2, column '2020' (series 'Growth'): the name says a rate or a share, but "
        "unit='CNY bn' for the whole table reads its bare numbers as 'CNY bn'; write '%' in "
        "its name, 'Growth (%)', in its cells, '27.8%', or in a unit column"
    )
    assert result["mean"].iloc[1] == 1700.0  # naive: the last value of 'Revenue'
    # a unit in %: nothing to say
    in_percent = read_long_table(path, unit="%")
    assert "note" not in in_percent.columns


def test_a_bound_before_a_currency_sign_is_read_in_the_header_unit(tmp_path: Path) -> None:
    # '> $1,200' and 'about $1,300' under 'USD mn' were 1,200 and 1,300 dollars in both
    # readers (the series converted to USD: 1400 USD mn came out 1.4e9 USD)
    long = _csv(
        tmp_path,
        'series_id,year,value (USD mn)\nus,2020,"> $1,200"\nus,2021,"about $1,300"\nus,2022,1400\n',
    )
    out = read_long_table(long)
    assert out["value"].tolist() == [1200.0, 1300.0, 1400.0]
    assert out["unit"].tolist() == ["USD mn"] * 3
    assert out["qualifier"].tolist() == ["at_least", "approximately", "exact"]
    rows = _csv(
        tmp_path,
        'year,Revenue (USD mn)\n2020,"> $1,200"\n2021,"about $1,300"\n2022,1400\n',
        "rows.csv",
    )
    assert read_series(rows)["value"].tolist() == [1200.0, 1300.0, 1400.0]
