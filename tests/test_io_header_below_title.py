"""A sheet whose title sits over the years' column and whose header is lower (a Statista
'Data' sheet: the title in B2, "Characteristic" and "Revenue in billion U.S. dollars" in row
4, the years under "Characteristic"): the error names the header's row and its year
column. It told the user to pass the title as year_column=, a fix that reads no table.
And read_long_table(year_column=...) reads that column's "2022*" under "* Forecast" as
read_series does (the footnoted years were rewritten in the 'year' column only)."""

from __future__ import annotations

import warnings
from pathlib import Path

import pytest
from openpyxl import Workbook

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import DataError, FootnoteWarning

READERS = (read_series, read_long_table)
TITLE = "Data center market revenue worldwide 2016-2028"


def _statista(path: Path) -> Path:
    book = Workbook()
    sheet = book.active
    sheet["B2"] = TITLE
    sheet["B4"], sheet["C4"] = "Characteristic", "Revenue in billion U.S. dollars"
    for i, (year, value) in enumerate([("2019", 100.5), ("2020", 110.2), ("2021*", 120.8)]):
        sheet.cell(row=5 + i, column=2, value=year)
        sheet.cell(row=5 + i, column=3, value=value)
    sheet["B9"] = "* Forecast"
    book.save(path)
    return path


def test_the_error_names_the_header_below_the_title(tmp_path: Path) -> None:
    path = _statista(tmp_path / "statista.xlsx")
    for read in READERS:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FootnoteWarning)
            with pytest.raises(DataError) as caught:
                read(path)
        message = str(caught.value)
        assert (
            "(a title above the header? row 4 looks like the header ('Characteristic', "
            "'Revenue in billion U.S. dollars') over the years: pass header_row=3 and "
            "year_column='Characteristic')"
        ) in message
        assert f"year_column={TITLE!r}" not in message


def test_the_fix_it_names_reads_the_table(tmp_path: Path) -> None:
    path = _statista(tmp_path / "statista.xlsx")
    for read in READERS:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", FootnoteWarning)
            got = read(path, header_row=3, year_column="Characteristic", estimates="keep")
        assert got["year"].tolist() == [2019, 2020, 2021]
        assert got["value"].tolist() == [100.5, 110.2, 120.8]
        assert got["unit"].tolist() == ["USD bn"] * 3
        assert got["note"].tolist()[2] == "estimate (year written '2021* (forecast)')"
