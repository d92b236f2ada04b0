"""read_series on units in headers as analysts write them: "Revenue (RMB 100 million)",
"(US$ '000)", "(in US$ m)"."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from idcforecast import read_series
from idcforecast.errors import DataError, FootnoteWarning, UnitError


@pytest.mark.parametrize(
    ("header", "unit", "expected"),
    [
        # 1562.5 CNY 100m = 156.25 CNY bn (1 CNY 100m = 0.1 CNY bn)
        ("IDC revenue (RMB 100 million)", "CNY bn", [156.25, 223.87]),
        ("IDC revenue (100 million yuan)", "CNY bn", [156.25, 223.87]),
        # 1562.5 USD thousand = 1.5625 USD mn
        ("Revenue (US$ '000)", "USD mn", [1.5625, 2.2387]),
        ("Revenue (US$000)", "USD mn", [1.5625, 2.2387]),
        # 1562.5 USD mn = 1.5625 USD bn
        ("Revenue (in US$ m)", "USD bn", [1.5625, 2.2387]),
        # after the name's last comma, as many tables write it
        ("Revenue, US$ m", "USD bn", [1.5625, 2.2387]),
        ("市场规模，亿元", "CNY bn", [156.25, 223.87]),
    ],
)
def test_a_unit_in_a_header_as_analysts_write_it_is_converted(
    header: str, unit: str, expected: list[float]
) -> None:
    # readers40: these headers' units were not read, so unit= relabelled the numbers:
    # 1562.5 (RMB 100 million) became 1562.5 CNY bn, ten times too large, unsaid
    table = pd.DataFrame({"year": [2019, 2020], header: [1562.5, 2238.7]})
    out = read_series(table, unit=unit)
    assert out["value"].tolist() == pytest.approx(expected)
    assert out["unit"].unique().tolist() == [unit]


def test_a_magnitude_in_a_header_unit_not_read_is_an_error() -> None:
    table = pd.DataFrame({"year": [2019], "IDC revenue (RMB 100 millions)": [1562.5]})
    with pytest.raises(DataError, match=re.escape(
        "the name 'IDC revenue (RMB 100 millions)' states 'RMB 100 millions', a magnitude in a "
        "unit not read here; its numbers would be read in a unit given elsewhere, 10 to 1000 "
        "times off"
    )):  # fmt: skip
        read_series(table, unit="CNY bn")


def test_a_header_remark_in_brackets_is_no_unit() -> None:
    table = pd.DataFrame({"year": [2019], "Revenue (US$ constant 2015)": [10.0]})
    assert read_series(table, unit="USD bn")["value"].tolist() == [10.0]


@pytest.mark.parametrize("header", ["China, colo", "Revenue, 2020", "Beijing, Tianjin, Hebei"])
def test_words_after_a_comma_that_are_no_unit_are_part_of_the_name(header: str) -> None:
    table = pd.DataFrame({"year": [2019], header: [10.0]})
    out = read_series(table, unit="MW")
    assert out[["series_id", "value", "unit"]].values.tolist() == [[header, 10.0, "MW"]]


@pytest.mark.parametrize("cell", ["$1,200", "US$ 1,200", "USD 1200", "1200 USD", "1,200 USD"])
def test_a_currency_sign_without_a_magnitude_takes_the_headers(cell: str) -> None:
    # readers40: '$1,200' under 'Revenue (USD mn)' was read as 1,200 dollars, 0.0012 USD mn,
    # a millionth of what the table says (with a note, but a wrong number)
    table = pd.DataFrame({"year": [2019, 2020], "Revenue (USD mn)": [100, cell]})
    out = read_series(table)
    assert out["value"].tolist() == [100.0, 1200.0]
    assert out["unit"].tolist() == ["USD mn", "USD mn"]
    assert out["note"].tolist()[1] == (
        f"{cell!r} read in the unit of its header or unit column, 'USD mn' (the sign names "
        "its currency, no magnitude)"
    )
    # the same beside a unit column
    long = pd.DataFrame({"year": [2019], "value": [cell], "unit": ["USD mn"]})
    assert read_series(long, series_id="x")["value"].tolist() == [1200.0]


def test_a_currency_sign_with_a_magnitude_keeps_its_own() -> None:
    table = pd.DataFrame({"year": [2019], "Revenue (USD mn)": ["US$1.2bn"]})
    assert read_series(table, unit="USD mn")["value"].tolist() == [1200.0]  # 1.2 bn = 1200 mn
    other = pd.DataFrame({"year": [2019], "Revenue (USD mn)": ["¥1,562.5"]})
    with pytest.raises(UnitError, match="says 'CNY' but the unit column says 'USD mn'"):
        read_series(other)


def test_percentages_written_as_fractions_are_named() -> None:
    # readers40: 'Growth (%)' over 0.125 and 0.111 (12.5% and 11.1% typed without the percent
    # format) was read as 0.125% and 0.111%, 100 times too small, without a word
    from idcforecast.errors import AmbiguousNumberWarning

    table = pd.DataFrame({"year": [2019, 2020], "Growth (%)": [0.125, 0.111]})
    with pytest.warns(AmbiguousNumberWarning) as caught:
        assert read_series(table)["value"].tolist() == [0.125, 0.111]
    assert str(caught[0].message) == (
        "DataFrame: series 'Growth (%)' is in % and every value is a plain number below 1 "
        "(0.125, 0.111), as fractions are (0.125 for 12.5%) when a sheet's cells lack the "
        "percent format; they were read as percent (0.125 as 0.125%); if they are fractions, "
        "multiply them by 100 or format the cells as percentages"
    )
    # written with the sign, or one value of 1 or more: no warning
    import warnings

    for cells in (["0.125%", "0.111%"], [0.5, 1.5]):
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            read_series(pd.DataFrame({"year": [2019, 2020], "Growth (%)": cells}))


def test_a_unit_a_footnote_states_is_checked_against_unit(tmp_path: Path) -> None:
    # readers40: "Note: figures in US$ m" under the table was skipped as a footnote, and
    # unit='USD bn' read 100.5 (US$ m) as 100.5 USD bn, 1000 times too large, unsaid
    path = tmp_path / "regions.csv"
    path.write_text(
        "region,2020,2021\nAmericas,100.5,120.25\nEMEA,80,90\n\nNote: figures in US$ m\n"
    )
    with pytest.warns(FootnoteWarning), pytest.raises(UnitError, match=re.escape(
        "regions.csv row 2, column '2020' (series 'Americas'): a footnote under the table says "
        "'Note: figures in US$ m', but unit='USD bn' reads the series' bare numbers as "
        "'USD bn' (unit= is also the unit of numbers written without one); pass "
        "unit='US$ m' to read them as the footnote states (convert the result afterwards), "
        "or correct the footnote"
    )):  # fmt: skip
        read_series(path, unit="USD bn")
    with pytest.warns(FootnoteWarning):
        out = read_series(path, unit="USD mn")
    assert out["value"].tolist()[:2] == [100.5, 120.25]
    # without unit=: the error names the footnote's unit (was the general advice alone)
    with pytest.warns(FootnoteWarning), pytest.raises(UnitError, match=re.escape(
        "regions.csv row 2, column '2020' (series 'Americas'): no unit for this series; a "
        "footnote under the table says 'Note: figures in US$ m': pass unit='US$ m' to read "
        "the numbers as it states"
    )):  # fmt: skip
        read_series(path)
    path.write_text("年份,规模\n2019,1562.5\n2020,2238.7\n注：单位：亿元\n", encoding="utf-8")
    with pytest.warns(FootnoteWarning), pytest.raises(UnitError, match="pass unit='亿元'"):
        read_series(path, unit="CNY bn")


@pytest.mark.parametrize("header", ["Growth %", "YoY%", "同比增长%", "% growth", "Growth in %"])
def test_a_percent_sign_after_or_before_a_name_is_its_unit(header: str) -> None:
    # readers40: 'Growth %' beside 'Revenue (CNY bn)' with unit='CNY bn' was read as
    # 27.8 CNY bn, a growth rate taken for money, without a word
    table = pd.DataFrame({"year": [2019, 2020], header: [27.8, 20.0]})
    out = read_series(table)
    assert out["unit"].tolist() == ["%", "%"]
    table["Revenue (CNY bn)"] = [100.0, 120.0]
    out = read_series(table, unit={"Revenue (CNY bn)": "CNY bn"})
    assert out.groupby("series_id")["unit"].first().to_dict() == {
        header: "%",
        "Revenue (CNY bn)": "CNY bn",
    }
    # a number before the sign is part of the name ('Top 10%'): no unit
    with pytest.raises(UnitError, match="no unit for this series"):
        read_series(pd.DataFrame({"year": [2019], "Top 10%": [5.0]}))


@pytest.mark.parametrize("name", ["Growth", "YoY", "增速", "上架率", "Market share"])
def test_one_unit_for_a_table_is_no_unit_of_its_rates(name: str) -> None:
    # readers40: unit='CNY bn' for a table of 'Revenue' and 'Growth' read growth 27.8 as
    # 27.8 CNY bn, without a word
    table = pd.DataFrame({"year": [2019, 2020], "Revenue": [100.0, 120.0], name: [27.8, 20.0]})
    with pytest.raises(UnitError, match=re.escape(
        f"DataFrame row 0, column {name!r} (series {name!r}): the name says a rate or a "
        "share, but unit='CNY bn' for the whole table reads its bare numbers as 'CNY bn'; "
        f"expected a unit per series: pass unit={{'Revenue': 'CNY bn', {name!r}: '%'}} (or "
        f"write '%' in its header, '{name} (%)', or cells, '27.8%')"
    )):  # fmt: skip
        read_series(table, unit="CNY bn")
    out = read_series(table, unit={"Revenue": "CNY bn", name: "%"})
    assert out.groupby("series_id")["unit"].first().to_dict() == {"Revenue": "CNY bn", name: "%"}
    # one series asked for, or a name that says no rate: its unit= as asked
    assert read_series(table, unit="CNY bn", series_id="Revenue")["value"].tolist() == [100, 120]
    other = table.rename(columns={name: "Segment"})
    assert read_series(other, unit="CNY bn")["unit"].unique().tolist() == ["CNY bn"]
    # 功率 (power) ends in 率 but is no rate: read in the unit asked
    power = pd.DataFrame({"year": [2019], "IT负载功率": [5.0], "总功率": [8.0]})
    assert read_series(power, unit="MW")["unit"].unique().tolist() == ["MW"]
