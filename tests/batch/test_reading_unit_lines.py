"""read_long_table without unit= over a file that states a unit ("Unit: 亿元" above the
header, "Note: figures in US$ m" below the table): the rows stay unitless, and it is said
(read_series refuses them, asking for the same unit=)."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import FootnoteWarning, UnitError, UnitLineWarning

_ROWS = "series_id,year,value\nChina IDC,2019,1562.5\nChina IDC,2020,2000.1\n"


def _csv(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "m.csv"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_unit_line_above_the_header_is_named_when_no_unit_is_given(tmp_path: Path) -> None:
    # was: two unitless rows, nothing said, while read_series asks for unit='亿元'
    path = _csv(tmp_path, "Unit: 亿元\n" + _ROWS)
    said = (
        "m.csv: a line above the header says 'Unit: 亿元', but without unit= the 2 rows "
        "without a unit (series 'China IDC'...) are read in no unit, and a forecast of them "
        "has none; pass unit='亿元' to read them as the line states"
    )
    with pytest.warns(UnitLineWarning, match=re.escape(said)):
        out = read_long_table(path, header_row=1)
    assert "unit" not in out.columns and out["value"].tolist() == [1562.5, 2000.1]
    with pytest.raises(
        UnitError, match=re.escape("a line above the header says 'Unit: 亿元': pass unit='亿元'")
    ):
        read_series(path, header_row=1)
    with warnings.catch_warnings():  # the unit it names: read in it, nothing to say
        warnings.simplefilter("error")
        assert read_long_table(path, header_row=1, unit="亿元")["unit"].tolist() == ["CNY 100m"] * 2


def test_a_unit_footnote_is_named_when_no_unit_is_given(tmp_path: Path) -> None:
    path = _csv(tmp_path, _ROWS + "Note: figures in US$ m\n")
    with (
        pytest.warns(FootnoteWarning),
        pytest.warns(
            UnitLineWarning,
            match=re.escape("a footnote under the table says 'Note: figures in US$ m'"),
        ) as caught,
    ):
        read_long_table(path)
    assert any(
        "pass unit='US$ m' to read them as the footnote states" in str(w.message) for w in caught
    )


def test_rows_with_their_own_unit_are_not_named(tmp_path: Path) -> None:
    path = _csv(tmp_path, "Unit: 亿元\nseries_id,year,value,unit\nChina IDC,2019,1562.5,亿元\n")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read_long_table(path, header_row=1)["unit"].tolist() == ["CNY 100m"]
