"""A footnote marker after a value cell's figure ("3,200[1]", "3,200*", "3,200¹") is no
part of it: both readers read 3200 and say the marker in the row's note."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import FootnoteWarning, IdcForecastError

# the readers warn of every marked value (FootnoteWarning), said here once
pytestmark = pytest.mark.filterwarnings("ignore::idcforecast.errors.FootnoteWarning")

_NOTE = "footnote marker {!r} after the figure (not read as part of it)"


def _csv(tmp_path: Path, cell: str) -> Path:
    path = tmp_path / "m.csv"
    path.write_text(f'year,value\n2019,3000\n2020,"{cell}"\n2021,3400\n', encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("cell", "marker"),
    [("3,200[1]", "[1]"), ("3,200 [12]", "[12]"), ("3,200[1][2]", "[1][2]"), ("3,200*[1]", "*[1]")],
)
def test_a_bracketed_footnote_number_after_the_figure_is_read_by_read_series(
    tmp_path: Path, cell: str, marker: str
) -> None:
    # was: "in figure '3,200[1]': unit '[1]' is not defined" (UnknownUnitError)
    out = read_series(_csv(tmp_path, cell), unit="MW")
    assert out["value"].tolist() == [3000.0, 3200.0, 3400.0]
    assert out["note"].iloc[1] == _NOTE.format(marker)
    assert out["quote"].iloc[1] == cell  # the cell as written, marker and all


@pytest.mark.parametrize(
    ("cell", "marker"),
    [("3,200*", "*"), ("3,200¹", "¹"), ("3,200[1]", "[1]"), ("3200 †", "†"), ("1,562.5亿元*", "*")],
)
def test_read_long_table_reads_a_marked_value_as_read_series_does(
    tmp_path: Path, cell: str, marker: str
) -> None:
    # was: the row kept with "value '3,200*' is not a finite number" (its series then
    # failed in forecast-many) while read_series read 3200
    path = _csv(tmp_path, cell)
    unit = "亿元" if "亿元" in cell else "MW"
    said = "m.csv: 1 value with a footnote marker after the figure, read without it (m.csv row 3"
    with pytest.warns(FootnoteWarning, match=re.escape(said)):
        out = read_long_table(path, unit=unit)
    number = 1562.5 if "亿元" in cell else 3200.0
    assert out["value"].tolist() == [3000.0, number, 3400.0]
    assert out["note"].iloc[1] == _NOTE.format(marker)
    assert read_series(path, unit=unit)["value"].tolist() == out["value"].tolist()
    assert out["note"].isna().iloc[[0, 2]].all()  # the other rows: no note


def test_a_percentage_with_a_marker_stays_a_percentage(tmp_path: Path) -> None:
    path = tmp_path / "g.csv"
    path.write_text('year,value\n2019,"25.1%"\n2020,"27.8%†"\n', encoding="utf-8")
    out = read_long_table(path)
    assert out["value"].tolist() == [25.1, 27.8]
    assert out["unit"].tolist() == ["%", "%"]
    assert out["note"].iloc[1] == _NOTE.format("†")


def test_a_letter_in_brackets_is_not_taken_for_a_footnote(tmp_path: Path) -> None:
    # '[a]' (an actual's mark in some tables) and a marker alone stay errors, as before
    with pytest.raises(IdcForecastError, match=re.escape("'3200[a]' is a number with '[a]'")):
        read_series(_csv(tmp_path, "3200[a]"), unit="MW")
    with pytest.raises(IdcForecastError, match=re.escape("'[1]'")):
        read_series(_csv(tmp_path, "[1]"), unit="MW")
