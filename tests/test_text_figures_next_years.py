"""Money invested or a rate over "the next N years" in find_figures (text58): the N years
from the year of the source's date (the window starts at the text's date, so its first
year is the text's), else no period."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from idcforecast import find_figures


def _rows(text: str, source: str | None) -> list[tuple[str, int | None, str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = find_figures(text, source=source)
    return [
        (f, None if pd.isna(y) else int(y), p)
        for f, y, p in zip(found["figure"], found["year"], found["period"], strict=True)
    ]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # each had no period (and "3年" / "3 years" was a figure of its own): a text of
        # 2025-03-05, five years from then are 2025, 2026, 2027, 2028 and 2029
        (
            "Over the next five years, the company will invest $10 billion.",
            [("$10 billion", None, "2025-2029")],
        ),
        ("未来五年将投资1000亿元。", [("1000亿元", None, "2025-2029")]),
        (
            "The market will grow 15% a year over the coming five years.",
            [("15% a year", None, "2025-2029")],
        ),
        # three years: 2025, 2026, 2027
        ("今后3年累计投资200亿元。", [("200亿元", None, "2025-2027")]),
        ("Over the next 3 years, it will spend $2bn.", [("$2bn", None, "2025-2027")]),
    ],
)
def test_a_figure_over_the_next_years_starts_at_the_sources_year(
    text: str, rows: list[tuple[str, int | None, str]]
) -> None:
    assert _rows(text, "Reuters 2025-03-05") == rows
    # without a date the window's start is unknown: no period, never one guessed
    assert _rows(text, None) == [(f, y, "") for f, y, _ in rows]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # a level is no amount over the window; a year of its own wins
        ("It will have 500 MW in the next five years.", [("500 MW", None, "")]),
        (
            "Over the next five years, it will invest $10 billion by 2030.",
            [("$10 billion", None, "?-2030")],
        ),
        # the window of the past is unchanged: five years to the year before the date
        (
            "Revenue grew 12% a year over the past five years.",
            [("grew 12% a year", None, "2020-2024")],
        ),
    ],
)
def test_other_figures_near_a_window_keep_their_periods(
    text: str, rows: list[tuple[str, int | None, str]]
) -> None:
    assert _rows(text, "Reuters 2025-03-05") == rows
