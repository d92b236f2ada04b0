"""read_series on year labels as broker and research tables write them: revised years,
halves with two-digit years, estimates marked before the year."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest

from idcforecast import read_series
from idcforecast.errors import DataError, EmptyDataError, NonNumericValueError


@pytest.mark.parametrize("label", ["2021R", "2021 (R)", "2021 revised", "2021 rev.", "2021修订"])
def test_a_year_marked_as_revised_is_read_with_a_note(label: str) -> None:
    # readers40: '2021R' (a revised figure, published) was "a header that is no year": the
    # column was left out with an IgnoredColumnWarning about growth rates
    wide = pd.DataFrame({"region": ["china"], "2020": [1.0], label: [2.0]})
    out = read_series(wide, unit="MW")
    assert out[["year", "value"]].values.tolist() == [[2020, 1.0], [2021, 2.0]]
    assert out["note"].tolist() == ["", f"revised figure (year written {label!r})"]
    long = pd.DataFrame({"year": ["2020", label], "value": [1.0, 2.0]})
    out = read_series(long, unit="MW", series_id="china")
    assert out["year"].tolist() == [2020, 2021]
    assert out["note"].tolist()[1] == f"revised figure (year written {label!r})"


def test_a_revised_year_beside_the_same_year_is_two_values() -> None:
    wide = pd.DataFrame({"region": ["china"], "2021": [1.0], "2021R": [2.0]})
    with pytest.raises(DataError, match="two values for year 2021"):
        read_series(wide, unit="MW")


@pytest.mark.parametrize("label", ["1H21", "2H21", "2H2021", "1Q21", "4Q 2021", "21Q4", "H1'21"])
def test_a_half_or_quarter_with_a_two_digit_year_says_so(label: str) -> None:
    # '1H21' (first half of 2021, as broker notes write it) was "a header that is no year"
    # and left out with a warning about growth rates; in a year column "not a year"
    why = (
        "is a quarter or half of a year, not a year; expected one column (or row) per year "
        "with the annual figure: read_series reads yearly series"
    )
    wide = pd.DataFrame({"region": ["china"], "2020": [1.0], label: [2.0]})
    with pytest.raises(DataError, match=re.escape(f"DataFrame: column {label!r} {why}")):
        read_series(wide, unit="MW")
    long = pd.DataFrame({"year": ["2020", label], "value": [1.0, 2.0]})
    with pytest.raises(NonNumericValueError, match=re.escape(f"{label!r} {why}")):
        read_series(long, unit="MW")


@pytest.mark.parametrize("label", ["E2021", "E 2021", "Est. 2021"])
def test_an_estimate_marked_before_its_year_is_an_estimate(label: str) -> None:
    # 'E2021' was "a header that is no year" (a column left out); it is an estimate of 2021,
    # as '2021E' is: an error by default, read with a note under estimates='keep'
    wide = pd.DataFrame({"region": ["china"], "2020": [1.0], label: [2.0]})
    with pytest.raises(DataError, match=re.escape(f"column(s) {label!r} hold estimates")):
        read_series(wide, unit="MW")
    out = read_series(wide, unit="MW", estimates="keep")
    assert out["year"].tolist() == [2020, 2021]
    assert out["note"].tolist()[1] == f"estimate (year written {label!r})"
    assert read_series(wide, unit="MW", estimates="drop")["year"].tolist() == [2020]


def test_words_that_start_with_e_are_no_estimates() -> None:
    wide = pd.DataFrame({"region": ["china"], "2020": [1.0], "EBITDA": [2.0]})
    with pytest.warns(UserWarning, match="'EBITDA' holds numbers under a header that is no year"):
        out = read_series(wide, unit="MW")
    assert out["year"].tolist() == [2020]


_PERIOD_TAKEN = (
    "'2019-20' was taken for the period 2019-2020 (a growth rate over it), not the fiscal "
    "year ending in 2020: if it is that year, head it '2020' (or 'FY2020')"
)
_FISCAL = (
    "DataFrame: column '2019-20' is a fiscal year over two calendar years ({}); expected one "
    "year: write the year it ends in ('2020' or 'FY2020'), as annual reports label it"
)


@pytest.mark.parametrize("headers", [["2019", "2020"], ["2018", "2019"], ["2019财年", "2020财年"]])
def test_a_hyphen_period_beside_its_years_says_which_reading_was_taken(
    headers: list[str],
) -> None:
    # readers40: '2019-20' beside year columns is left out as a growth period (as before);
    # the warning now says so, and how to have it read as the fiscal year 2020
    wide = pd.DataFrame([["A", 1, 2, 3]], columns=["market", *headers, "2019-20"])
    with pytest.warns(UserWarning, match=re.escape(_PERIOD_TAKEN)):
        out = read_series(wide, unit="MW")
    assert out["value"].tolist() == [1.0, 2.0]


@pytest.mark.parametrize(
    ("headers", "why"),
    [
        # beside fiscal years whose next one it would be: FY2020, not read as a rate
        (["FY2018", "FY2019"], "beside fiscal years 'FY2018', 'FY2019'"),
        # beside neither 2019 nor 2020: no growth period of this table
        (
            ["2017", "2018"],
            "or a period whose years have no column (2019, 2020): for a growth rate over it, "
            "head it 'CAGR 2019-20'",
        ),
    ],
)
def test_a_hyphen_period_that_reads_as_a_fiscal_year_is_an_error(
    headers: list[str], why: str
) -> None:
    # the column of 3 was left out with a warning about growth rates
    wide = pd.DataFrame([["A", 1, 2, 3]], columns=["market", *headers, "2019-20"])
    with pytest.raises(DataError, match=re.escape(_FISCAL.format(why))):
        read_series(wide, unit="MW")


@pytest.mark.parametrize("label", ["CAGR", "CAGR (2019-21)", "Average", "复合增长率", "平均"])
def test_a_statistic_row_under_the_years_is_named_as_one(label: str) -> None:
    # readers40: a 'CAGR' row under a year column was "a note under the table? start it with
    # 'Note:'", advice that does not fit a row of numbers
    table = pd.DataFrame({"year": [2019, 2020, label], "x": [1, 2, "12%"]})
    with pytest.raises(NonNumericValueError, match=re.escape(
        f"{label!r} is not a year; expected a whole year between 1900 and 2100 such as 2019; "
        "a row of a statistic over the years above (a growth rate, an average)? it is no "
        "year: delete the row (idcforecast.cagr computes growth from the values)"
    )):  # fmt: skip
        read_series(table, unit="MW")


def test_a_note_inside_the_table_says_where_notes_go(tmp_path: Path) -> None:
    # readers40: '注：2020年口径调整' between two years was "not a year" with no advice (its
    # digits kept the note hint away)
    path = tmp_path / "midnote.csv"
    path.write_text("年份,规模(亿元)\n2019,1562.5\n注：2020年口径调整,\n2020,2238.7\n")
    with pytest.raises(NonNumericValueError, match=re.escape(
        "midnote.csv row 3, column '年份': '注：2020年口径调整' is not a year; expected a whole "
        "year between 1900 and 2100 such as 2019; a note inside the table? move it below the "
        "last row (it is then skipped as a footnote), or delete it"
    )):  # fmt: skip
        read_series(path)


def test_a_heading_row_over_its_group_says_how_to_keep_it(tmp_path: Path) -> None:
    # readers40: an outline table's 'Asia Pacific' over 'China' and 'India' was "the row has
    # no value in any year column" with no word of what it is
    path = tmp_path / "sections.csv"
    path.write_text("Region,2019,2020\nAsia Pacific,,\nChina,10,12\nIndia,2,3\n")
    with pytest.raises(EmptyDataError, match=re.escape(
        "sections.csv row 2, column '2019': the row has no value in any year column; expected "
        "at least one value (delete the row if the series is not wanted); is 'Asia Pacific' a "
        "heading over the rows below, as outline tables write one? write it in a column of its "
        "own beside each row it covers ('Asia Pacific' beside 'China', 'India'), or delete the "
        "row"
    )):  # fmt: skip
        read_series(path, unit="MW")
