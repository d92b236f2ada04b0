"""Amounts a year in news text (text55): "到2027年每年投资100亿元" read "2027年每年" as the
figure 2027 "year/year" and left the 100亿元 undated; "invest $2bn per year through 2027"
dated a yearly amount 2027, as if it were the level of 2027."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from idcforecast import find_figures


def _rows(text: str) -> list[tuple[str, float, str, object, str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = find_figures(text)
    return [
        (f, v, u, None if pd.isna(y) else int(y), p)
        for f, v, u, y, p in zip(
            found["figure"],
            found["value"],
            found["unit"],
            found["year"],
            found["period"],
            strict=True,
        )
    ]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # was [("2027年每年", 2027.0, "year/year", None, ""), ("100亿元", ..., None, "")]
        ("到2027年每年投资100亿元", [("每年投资100亿元", 100.0, "CNY 100m/year", 2027, "")]),
        # was [("2025年至2027年每年", 2026.0, "year/year", ...), ("10万架机架", ..., None, "")]
        (
            "2025年至2027年每年新增10万架机架",
            [("10万架机架", 10.0, "racks 10k", None, "2025-2027")],
        ),
    ],
)
def test_a_year_before_each_year_is_no_figure(
    text: str, rows: list[tuple[str, float, str, object, str]]
) -> None:
    assert _rows(text) == rows
