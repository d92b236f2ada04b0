"""read_series and read_long_table: a cell's own unit beside its header's, Series input,
standard input and legacy workbooks (readers28's acceptance pass)."""

from __future__ import annotations

import pandas as pd
import pytest

from idcforecast import read_series


def test_a_cells_own_unit_beside_its_headers_is_said_in_its_note() -> None:
    # before: "1.2万亿元" under "市场规模（亿元）" was read in the cell's unit with only
    # "converted from 'CNY tn' (x10000)": that the header said otherwise was not said
    table = pd.DataFrame({"year": [2019, 2020], "市场规模（亿元）": ["1000", "1.2万亿元"]})
    frame = read_series(table)
    assert frame["value"].tolist() == [1000.0, 12000.0]  # 1.2 万亿 = 1.2e12 = 12000 x 1e8
    assert frame["note"].tolist() == [
        "",
        "read in the cell's own unit 'CNY tn' ('1.2万亿元'), not in the unit of its header or "
        "unit column, 'CNY 100m'; converted from 'CNY tn' (x10000)",
    ]
    # a unit column says so the same way, naming the unit as written
    column = pd.DataFrame({"year": [2019, 2020], "value": ["1000", "1200万元"], "unit": "亿元"})
    frame = read_series(column)
    assert frame["value"].tolist() == pytest.approx([1000.0, 0.12])  # 1200 x 1e4 / 1e8
    assert (
        frame["note"]
        .iloc[1]
        .startswith(
            "read in the cell's own unit 'CNY 10k' ('1200万元'), not in the unit of its header "
            "or unit column, '亿元' ('CNY 100m')"
        )
    )
