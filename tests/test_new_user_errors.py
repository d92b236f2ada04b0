"""Errors a new user meets on the first day name what was passed and the fix."""

from __future__ import annotations

from pathlib import Path

import pytest

import idcforecast as idc
from idcforecast.errors import DataError


@pytest.mark.parametrize("path", ["market.csv", Path("market.csv")])
def test_a_path_passed_as_data_says_read_it_first(path: str | Path) -> None:
    # forecast("market.csv", 5) said "... or a year-indexed Series; got str"
    with pytest.raises(
        DataError,
        match=r"got (str|\w*Path) \('market\.csv' looks like a file: "
        r"read it first, idcforecast\.read_series\('market\.csv', unit=\.\.\.\)",
    ):
        idc.forecast(path, 5)


def test_other_data_types_are_named_without_the_file_hint() -> None:
    with pytest.raises(DataError, match=r"Series; got list$"):
        idc.forecast([1.0, 2.0, 3.0, 4.0], 2)
