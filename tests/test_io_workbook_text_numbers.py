"""Numbers stored as text in an Excel sheet, every one written like 1.562 (a continental
export: the dot groups thousands), are read with '.' as the decimal mark - 1,000 times
smaller than meant if so - and said in an AmbiguousNumberWarning, as a ';' file's are."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import openpyxl
import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import AmbiguousNumberWarning


def _book(tmp_path: Path, cells: list[object]) -> Path:
    book = openpyxl.Workbook()
    book.active.append(["year", "value"])
    for year, cell in zip((2019, 2020, 2021), cells, strict=False):
        book.active.append([year, cell])
    path = tmp_path / "de.xlsx"
    book.save(path)
    return path


def test_text_numbers_with_three_digits_after_the_dot_are_said(tmp_path: Path) -> None:
    # was read as 1.562 and 2.238 EUR m in silence by both readers
    path = _book(tmp_path, ["1.562", "2.238", "3.012"])
    said = "every number stored as text in the sheet ('1.562', '2.238', '3.012'...)"
    with pytest.warns(AmbiguousNumberWarning, match=re.escape(said)):
        assert read_series(path, unit="EUR m")["value"].tolist() == [1.562, 2.238, 3.012]
    with pytest.warns(AmbiguousNumberWarning, match=re.escape(said)):
        assert read_long_table(path, unit="EUR m")["value"].tolist() == [1.562, 2.238, 3.012]
    # the fix the warning gives: the dots group thousands
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert read_series(path, unit="EUR m", decimal=",")["value"].tolist() == [
            1562.0,
            2238.0,
            3012.0,
        ]


@pytest.mark.parametrize(
    "cells",
    [
        [1.562, 2.238, 3.012],  # number cells: Excel stored numbers, nothing to doubt
        ["1.562", "2.25", "3.012"],  # one number that reads one way only
        ["1,562", "2,238", "3,012"],  # text as an English sheet shows it: 1562
    ],
)
def test_other_cells_are_not_said(tmp_path: Path, cells: list[object]) -> None:
    path = _book(tmp_path, cells)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_series(path, unit="EUR m")
        read_long_table(path, unit="EUR m")
