"""A year written after a part of a year (a quarter, half or month) in find_figures (text58):
a later part's year covers an earlier part with no year of its own in the same sentence,
and a year bound to the figure before by "in the first quarter of" is that figure's; "this
year" after what an amount is for ("$300 billion on capex this year") is its year."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from idcforecast import find_figures


def _years(text: str) -> list[tuple[str, int | None]]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = find_figures(text)
    return [
        (f, None if pd.isna(y) else int(y))
        for f, y in zip(found["figure"], found["year"], strict=True)
    ]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # text57 (bbfb8b6) gave the $3bn no year: "the second quarter of 2025" is a later
        # quarter of the same year as "the first quarter" with none of its own
        (
            "Revenue was $3bn in the first quarter and is expected to be $3.5bn in the second "
            "quarter of 2025.",
            [("$3bn", 2025), ("$3.5bn", 2025)],
        ),
        (
            "Revenue was $3bn in Q1 and is expected to be $3.5bn in Q2 2025.",
            [("$3bn", 2025), ("$3.5bn", 2025)],
        ),
        (
            "Revenue was $3bn in the first half and will be $3.5bn in the second half of "
            "fiscal 2025.",
            [("$3bn", 2025), ("$3.5bn", 2025)],
        ),
        # a later change ("are expected to reach") likewise: the $3bn had no year
        (
            "Sales were $3bn in January and are expected to reach $3.5bn in March 2025.",
            [("$3bn", 2025), ("$3.5bn", 2025)],
        ),
        (
            "The market was $3bn in the first quarter and is expected to reach $3.5bn in the "
            "second quarter of 2025.",
            [("$3bn", 2025), ("$3.5bn", 2025)],
        ),
        # controls, the same on the old code: December before March 2025 is likely 2024's;
        (
            "Sales were $3bn in December and are expected to reach $3.5bn in March 2025.",
            [("$3bn", None), ("$3.5bn", 2025)],
        ),
        ("The market is worth $3.5bn and will double by 2030.", [("$3.5bn", None)]),
        # a fourth quarter before "the first quarter of
        # 2025" is likely 2024's (no year); a later verb phrase's year is still its own
        (
            "Revenue was $3bn in the fourth quarter and is expected to be $3.5bn in the first "
            "quarter of 2025.",
            [("$3bn", None), ("$3.5bn", 2025)],
        ),
        ("The company has 1 GW and plans another 2 GW by 2030.", [("1 GW", None), ("2 GW", 2030)]),
        (
            "Revenue was $3bn in 2024 and is expected to be $3.5bn in 2025.",
            [("$3bn", 2024), ("$3.5bn", 2025)],
        ),
    ],
)
def test_a_later_parts_year_covers_an_earlier_part(
    text: str, years: list[tuple[str, int | None]]
) -> None:
    assert _years(text) == years


@pytest.mark.parametrize(
    "text",
    [
        # the old code gave the $3.5bn 2024: "2024" is 5 characters before it, "2025" 26
        # after, and "in the first quarter of" did not bind the 2024 to the $3bn as "in" does
        "Revenue was $3bn in the first quarter of 2024 and $3.5bn in the second quarter of 2025.",
        "Sales were $3bn in March 2024 and $3.5bn in March 2025.",
    ],
)
def test_a_year_after_a_part_is_the_figure_befores(text: str) -> None:
    assert [y for _, y in _years(text)] == [2024, 2025]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # each had no year with a dated source: "this year" after what the money is for
        (
            "The hyperscalers will spend more than $300 billion on capex this year, up from "
            "$230 billion.",
            [("more than $300 billion", 2025), ("$230 billion", None)],
        ),
        ("It earned $5bn in revenue last year.", [("$5bn", 2024)]),  # 2025 - 1
        ("It will spend $2bn on data centers next year.", [("$2bn", 2026)]),  # 2025 + 1
        # controls: "in the last year" is the past twelve months, no calendar year
        ("It spent $2bn in the last year.", [("$2bn", None)]),
        ("Revenue was $5bn last year.", [("$5bn", 2024)]),
    ],
)
def test_a_relative_year_after_what_the_amount_is_for(
    text: str, years: list[tuple[str, int | None]]
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = find_figures(text, source="Reuters 2025-03-05")
    got = [
        (f, None if pd.isna(y) else int(y))
        for f, y in zip(found["figure"], found["year"], strict=True)
    ]
    assert got == years
