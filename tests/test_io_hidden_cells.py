"""read_series on a sheet with hidden rows and columns: those of the series read are named."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import openpyxl
import pytest

from idcforecast import read_series
from idcforecast.errors import HiddenCellsWarning

_MESSAGE = (
    "book.xlsx, sheet 'IDC': {} hidden in Excel (by hand or by a filter) {} read as data "
    "like the cells shown; delete {} from the sheet (or save a copy without) if not part "
    "of the table"
)


def _book(tmp_path: Path, rows: list[list[object]], hidden_rows: tuple[int, ...] = (),
          hidden_columns: tuple[str, ...] = ()) -> Path:  # fmt: skip
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "IDC"
    for row in rows:
        sheet.append(row)
    for number in hidden_rows:
        sheet.row_dimensions[number].hidden = True
    for letter in hidden_columns:
        sheet.column_dimensions[letter].hidden = True
    path = tmp_path / "book.xlsx"
    book.save(path)
    return path


def _hidden_messages(call: object) -> list[str]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        call()  # type: ignore[operator]
    return [str(w.message) for w in caught if w.category is HiddenCellsWarning]


def test_a_hidden_row_of_another_series_is_not_named(tmp_path: Path) -> None:
    # readers40: reading series 'china' of a long sheet named row 4, hidden, which holds
    # only 'india' (a row the series read does not depend on)
    path = _book(
        tmp_path,
        [
            ["series_id", "year", "value", "unit"],
            ["china", 2019, 1562.5, "CNY 100m"],
            ["china", 2020, 2238.7, "CNY 100m"],
            ["india", 2019, 40, "USD bn"],  # row 4, hidden
            ["india", 2020, 45, "USD bn"],
        ],
        hidden_rows=(4,),
    )
    assert _hidden_messages(lambda: read_series(path, series_id="china")) == []
    assert _hidden_messages(lambda: read_series(path, series_id="india")) == [
        _MESSAGE.format("row 4", "was", "it")
    ]
    assert _hidden_messages(lambda: read_series(path)) == [_MESSAGE.format("row 4", "was", "it")]


def test_a_hidden_column_of_another_series_is_not_named(tmp_path: Path) -> None:
    # years as rows: column C (india) is hidden; reading 'china' alone does not depend on it,
    # while a hidden 2020 row holds a value of both
    path = _book(
        tmp_path,
        [["year", "china", "india"], [2019, 1562.5, 40], [2020, 2238.7, 45]],
        hidden_rows=(3,),
        hidden_columns=("C",),
    )
    read_china = lambda: read_series(path, series_id="china", unit="CNY 100m")  # noqa: E731
    assert _hidden_messages(read_china) == [_MESSAGE.format("row 3", "was", "it")]
    assert _hidden_messages(lambda: read_series(path, series_id="india", unit="USD bn")) == [
        _MESSAGE.format("row 3 and column C (india)", "were", "them")
    ]


def test_a_hidden_row_of_another_series_in_a_wide_sheet_is_not_named(tmp_path: Path) -> None:
    path = _book(
        tmp_path,
        [["region", 2019, 2020], ["china", 1562.5, 2238.7], ["india", 40, 45]],
        hidden_rows=(3,),
    )
    assert _hidden_messages(lambda: read_series(path, series_id="china", unit="MW")) == []
    with pytest.warns(HiddenCellsWarning, match=re.escape("row 3 hidden in Excel")):
        read_series(path, series_id="india", unit="MW")


def test_a_hidden_row_without_a_value_is_still_named(tmp_path: Path) -> None:
    # a hidden row with no value of any series read: whose it is cannot be told, so named
    path = _book(
        tmp_path,
        [["year", "china", "source"], [2019, 1562.5, "CIDC"], [2020, None, "n/a"]],
        hidden_rows=(3,),
    )
    assert _hidden_messages(lambda: read_series(path, unit="CNY 100m")) == [
        _MESSAGE.format("row 3", "was", "it")
    ]
