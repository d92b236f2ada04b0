"""Years marked with a footnote that the table's footnotes define as forecasts, as Statista
exports them ("2019*" over "* Forecast"): estimates, read as the estimates= policy says
("2019E" is one), the note of a kept value saying the marker and its meaning. It was an
error asking to delete the marker or write 2019E, though the file said what '*' means; a
marker no footnote defines stays that error."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import DataError, FootnoteWarning, NonNumericValueError

READERS = (read_series, read_long_table)
ROWS = "Year,Revenue in million U.S. dollars\n2017,1200\n2018,1350\n2019*,1500\n2020*,1700\n"
WIDE = "region,2018,2019*,2020*\nChina,100,120,150\n"


def _read(read, path: Path, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FootnoteWarning)  # the footnote row skipped
        return read(path, **options)


@pytest.mark.parametrize("footnote", ["* Forecast", "*: forecasts", "* 预测", "* Estimated"])
def test_kept_years_are_estimates_with_the_marker_in_their_note(
    tmp_path: Path, footnote: str
) -> None:
    path = tmp_path / "statista.csv"
    path.write_text(ROWS + footnote + "\n", encoding="utf-8")
    for read in READERS:
        got = _read(read, path, estimates="keep")
        assert got["year"].tolist() == [2017, 2018, 2019, 2020]
        assert got["value"].tolist() == [1200.0, 1350.0, 1500.0, 1700.0]
        notes = got["note"].fillna("").tolist()
        assert notes[:2] == ["", ""]
        assert notes[2].startswith("estimate (year written '2019* (")
        assert notes[3].startswith("estimate (year written '2020* (")


def test_the_default_asks_what_to_do_with_them(tmp_path: Path) -> None:
    path = tmp_path / "statista.csv"
    path.write_text(ROWS + "* Forecast\n", encoding="utf-8")
    for read in READERS:
        with pytest.raises(
            DataError, match=r"row 4, column 'Year': '2019\*' \(its footnote: forecast\) is an"
        ):  # the cell as the file wrote it (was the readers' '2019* (forecast)')
            _read(read, path)
        got = _read(read, path, estimates="drop")  # the history alone
        assert got["year"].tolist() == [2017, 2018]


def test_the_header_error_quotes_the_file_too(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(WIDE + "* 预测\n", encoding="utf-8")
    for read in READERS:
        with pytest.raises(DataError) as err:
            _read(read, path)
        assert (
            "column(s) '2019*' (its footnote: 预测), '2020*' (its footnote: 预测) hold estimates"
            in str(err.value)
        )


def test_years_as_headers_too(tmp_path: Path) -> None:
    path = tmp_path / "wide.csv"
    path.write_text(WIDE + "* Forecast\n", encoding="utf-8")
    for read in READERS:
        got = _read(read, path, estimates="keep", unit="USD mn")
        assert got["year"].tolist() == [2018, 2019, 2020]
        assert got["note"].tolist()[1] == "estimate (year written '2019* (forecast)')"


def test_a_marker_no_footnote_defines_stays_an_error(tmp_path: Path) -> None:
    path = tmp_path / "statista.csv"
    path.write_text(ROWS + "* Includes Hong Kong\n", encoding="utf-8")
    with pytest.raises(NonNumericValueError, match="'2019\\*' is the year 2019 with the footnote"):
        _read(read_series, path, estimates="keep")
