"""read_series on value cells as accounting exports write them."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from idcforecast import read_series
from idcforecast.errors import EmptyDataError, ParseError


@pytest.mark.parametrize(("cell", "signed"), [("12.5-", "-12.5"), ("1,234.50-", "-1,234.50")])
def test_a_minus_after_the_number_says_so(cell: str, signed: str) -> None:
    # readers40: SAP's '12.5-' was "unit '-' is not defined", as if '-' were a unit
    table = pd.DataFrame({"year": [2019], "value": [cell]})
    with pytest.raises(ParseError, match=re.escape(
        f"DataFrame row 0, column 'value': {cell!r} has its minus sign after the number, as "
        "some accounting systems export negatives; expected the sign before it "
        f"({signed!r}), or a range with both ends ('1500-1600')"
    )):  # fmt: skip
        read_series(table, unit="MW", series_id="x")
    # a range with both ends is read as before: its midpoint, (15 + 20) / 2
    both = pd.DataFrame({"year": [2019], "value": ["15-20"]})
    assert read_series(both, unit="MW", series_id="x")["value"].tolist() == [17.5]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("sep=;\nyear;value;unit\n2019;1,5;MW\n2020;2,25;MW\n", [1.5, 2.25]),
        ("sep=,\nyear,value,unit\n2019,1.5,MW\n2020,2.25,MW\n", [1.5, 2.25]),
        ("\ufeffsep=|\r\nyear|value|unit\r\n2019|1.5|MW\r\n2020|2.25|MW\r\n", [1.5, 2.25]),
    ],
)
def test_excels_sep_line_names_the_separator(tmp_path: Path, text: str, expected: list) -> None:
    # readers40: Excel's first line 'sep=;' was taken for a title: "line 3 has 2 fields,
    # the lines above it one: ... pass header_row=2" (the header is line 2)
    path = tmp_path / "excel.csv"
    path.write_bytes(text.encode("utf-8"))
    out = read_series(path)
    assert out["value"].tolist() == expected
    assert out["source"].tolist() == ["excel.csv row 3", "excel.csv row 4"]  # the file's rows


@pytest.mark.parametrize("cell", ["NM", "n.m.", "n/m", ":"])
def test_not_meaningful_and_eurostats_colon_are_gaps(cell: str) -> None:
    # readers40: 'NM' (not meaningful: a broker's growth over a negative base) and Eurostat's
    # ':' were "not a number or a figure", where 'n/a' and '—' are gaps
    table = pd.DataFrame({"region": ["A"], "2019": [10.0], "2020": [cell], "2021": [12.0]})
    out = read_series(table, unit="MW")
    assert out["year"].tolist() == [2019, 2021]


def test_a_note_between_the_rows_is_named_as_a_note_not_a_heading(tmp_path: Path) -> None:
    # '注：2020年起口径调整' alone on a row between the data rows was taken for an outline
    # heading ("is it a heading over the rows below? write it in a column of its own beside
    # each row"): it is a note, and the fix is to move it below the table (skipped there)
    path = tmp_path / "n.csv"
    path.write_text(
        "地区（亿元）,2019年,2020年\n华东,1562.5,2238.7\n注：2020年起口径调整,,\n华北,500,600\n",
        encoding="utf-8",
    )
    said = "'注：2020年起口径调整' reads as a note: notes below the table's last row are skipped"
    with pytest.raises(EmptyDataError, match=re.escape(said)):
        read_series(path)


def test_a_number_with_a_point_and_no_decimals_reads_alike_in_both_readers(
    tmp_path: Path,
) -> None:
    # '12.' (a hand-typed sheet, some exports): read_long_table read 12 (pandas), while
    # read_series said "in figure '12.': unit '.' is unknown"
    from idcforecast.batch import read_long_table

    path = tmp_path / "p.csv"
    path.write_text("year,value\n2019,11\n2020,12.\n2021, 13. \n", encoding="utf-8")
    assert read_series(path, unit="MW")["value"].tolist() == [11.0, 12.0, 13.0]
    assert read_long_table(path, unit="MW")["value"].tolist() == [11.0, 12.0, 13.0]
