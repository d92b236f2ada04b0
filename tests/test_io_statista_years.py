"""Statista heads its exports' year column "Characteristic" (the statistic's name heads the
values). Read as the year column when its cells are all years, every value's note saying
so; it was the error asking for year_column='Characteristic'. A "Characteristic" column of
anything else (countries) stays that error."""

from __future__ import annotations

import warnings
from pathlib import Path

import pandas as pd
import pytest

from idcforecast import read_series
from idcforecast._statista_years import years_under_characteristic
from idcforecast.batch import read_long_table
from idcforecast.errors import DataError, FootnoteWarning

READERS = (read_series, read_long_table)
NOTE = "year from the column 'Characteristic' (Statista's year column)"


def _read(read, path: Path, **options):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", FootnoteWarning)  # the footnote rows skipped
        return read(path, **options)


def test_a_csv_export_reads_its_years(tmp_path: Path) -> None:
    path = tmp_path / "statista.csv"
    path.write_text(
        "Characteristic,Revenue in billion U.S. dollars\n2018,100\n2019,120\n2020*,150\n"
        "* Forecast\nSource: Statista\n",
        encoding="utf-8",
    )
    for read in READERS:
        got = _read(read, path, estimates="keep")
        assert got["year"].tolist() == [2018, 2019, 2020]
        assert got["value"].tolist() == [100.0, 120.0, 150.0]
        assert got["unit"].tolist() == ["USD bn"] * 3
        notes = got["note"].tolist()
        assert notes[:2] == [NOTE, NOTE]
        assert notes[2].startswith("estimate (year written '2020* (") and notes[2].endswith(NOTE)


def test_a_workbook_reads_its_years(tmp_path: Path) -> None:
    path = tmp_path / "statista.xlsx"
    frame = pd.DataFrame({"Characteristic": [2019, 2020], "Revenue (USD bn)": [10.5, 12.0]})
    frame.to_excel(path, sheet_name="Data", index=False)
    for read in READERS:
        got = _read(read, path)
        assert got["year"].tolist() == [2019, 2020]
        assert got["value"].tolist() == [10.5, 12.0]
        assert got["note"].tolist() == [NOTE, NOTE]


@pytest.mark.parametrize("rows", ["China,100\nJapan,120\n", "2019,100\nTotal,220\n", "2019,100\n"])
def test_a_characteristic_column_of_other_things_is_the_error(tmp_path: Path, rows: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text("Characteristic,Revenue (USD bn)\n" + rows, encoding="utf-8")
    for read in READERS:
        with pytest.raises(DataError, match=r"no 'year' column|no column\(s\)"):
            _read(read, path)


def test_a_year_column_beside_it_is_the_year_column() -> None:
    frame = pd.DataFrame({"year": [2019, 2020], "Characteristic": [2001, 2002], "v": [1, 2]})
    got, note = years_under_characteristic(frame, "year")
    assert got is frame
    assert note == ""
