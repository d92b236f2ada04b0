"""A series' name whose unit is followed by a remark in brackets ("Revenue (USD bn)
(nominal)", "Revenue in USD bn (est.)") or stated after a spaced dash ("Revenue - USD bn"):
the unit is read. It was not (the end brackets held no unit, the dash was no separator), so
unit="CNY bn" read 100 USD bn as 100 CNY bn, a 7x error, in both readers."""

from __future__ import annotations

from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast._table_layouts import header_unit
from idcforecast.batch import read_long_table

READERS = (read_series, read_long_table)


@pytest.mark.parametrize(
    "name",
    [
        "Revenue (USD bn) (nominal)",
        "Revenue in USD bn (est.)",
        "Revenue - USD bn",
        "Revenue, USD bn (2023 prices)",
        "Revenue – USD bn",
    ],
)
def test_the_unit_before_a_remark_is_read(tmp_path: Path, name: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f'year,"{name}"\n2019,100\n2020,120\n', encoding="utf-8")
    for read in READERS:
        got = read(path)  # no unit=: the name's own unit, no conversion
        assert got["unit"].tolist() == ["USD bn", "USD bn"]
        assert got["value"].tolist() == [100.0, 120.0]


@pytest.mark.parametrize(
    ("name", "unit"),
    [
        ("East (est.)", None),
        ("China, colo (est.)", None),
        ("Sales - Europe", None),
        ("Capacity - MW", "MW"),
        ("Growth % (est.)", "%"),
        ("Revenue (n=10k)", None),
    ],
)
def test_names_without_a_unit_stay_without(name: str, unit: str | None) -> None:
    assert header_unit(name) == unit
