"""A footnote under the table that states its unit in other words than "Figures in" or
"单位：": "* in millions of U.S. dollars", "Note: Revenue in million U.S. dollars", "Source:
IDC, USD million", "注：单位为亿元" (the unit *is*): checked against unit= as "Note: figures in
US$ m" is (was: not seen, so unit='USD bn' read the USD m numbers as USD bn in silence,
1,000 times too large, in both readers)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from idcforecast import read_series
from idcforecast.batch import read_long_table
from idcforecast.errors import FootnoteWarning, UnitError

READERS = (read_series, read_long_table)


@pytest.mark.parametrize(
    ("note", "said"),
    [
        ("* in millions of U.S. dollars", "millions of U.S. dollars"),
        ("Note: Revenue in million U.S. dollars", "million U.S. dollars"),
        ('"Source: IDC, USD million"', "USD million"),
        ("注：单位为亿元", "亿元"),
    ],
)
def test_a_footnote_stating_the_unit_is_checked(tmp_path: Path, note: str, said: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f"year,China\n2019,1562.5\n2020,2238.7\n{note}\n", encoding="utf-8")
    for read in READERS:
        with (
            pytest.warns(FootnoteWarning),
            pytest.raises(UnitError, match=re.escape(f"pass unit={said!r}")),
        ):
            read(path, unit="USD bn")


@pytest.mark.parametrize(
    "note",
    ["Note: data in 2020 are estimates.", '"Source: IDC, 2023"', "Note: figures in italics"],
)
def test_other_footnotes_state_no_unit(tmp_path: Path, note: str) -> None:
    path = tmp_path / "t.csv"
    path.write_text(f"year,China\n2019,1562.5\n{note}\n", encoding="utf-8")
    for read in READERS:
        with pytest.warns(FootnoteWarning):
            assert read(path, unit="USD bn")["value"].tolist() == [1562.5]


def test_a_line_above_saying_the_unit_is(tmp_path: Path) -> None:
    path = tmp_path / "t.csv"
    path.write_text("单位为万元\nyear,China\n2019,1562.5\n", encoding="utf-8")
    for read in READERS:
        with pytest.raises(UnitError, match=re.escape("pass unit='万元'")):
            read(path, header_row=1, unit="CNY 100m")
