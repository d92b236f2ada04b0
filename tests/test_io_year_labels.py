"""read_series on year labels as broker and research tables write them: revised years,
halves with two-digit years, estimates marked before the year."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from idcforecast import read_series
from idcforecast.errors import DataError, NonNumericValueError


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
