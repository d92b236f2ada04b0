"""Years and periods of figures in news text (text57): a year range's two-digit tail is no
count, a list of amounts shares its year, a rate over "the last five years" is dated from
the year it is measured to, a first phase's year and a "since" year date no total."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from idcforecast import find_figures


def _rows(text: str, *, counts: bool = False) -> list[tuple[str, str, object, str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = find_figures(text, counts=counts)
    return [
        (f, u, None if pd.isna(y) else int(y), p)
        for f, u, y, p in zip(
            found["figure"], found["unit"], found["year"], found["period"], strict=True
        )
    ]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # was [("grew 30%", "%", 2020, ""), ("22", "count", 2020, "")]: the tail of the
        # range was a count of 22, and the range (no longer free) was no period
        ("Capacity grew 30% in 2020-22.", [("grew 30%", "%", None, "2020-2022")]),
        # was the 8 halls dated 2020 and the 30% too, beside a count of 22
        (
            "Capacity grew 30% in 2020-22 and 8 halls opened.",
            [("grew 30%", "%", None, "2020-2022"), ("8", "count", None, "2020-2022")],
        ),
        # was ("25", "count", None, "") and 12 dated 2024
        ("Revenue in FY2024-25 was 12 units.", [("12", "count", 2025, "")]),
        # controls: a count after a range, and a range of counts, stay counts
        ("In 2020-2022 it opened 22 halls.", [("22", "count", None, "2020-2022")]),
        ("It runs 20-25 halls in 2024.", [("20-25", "count", 2024, "")]),
    ],
)
def test_a_year_ranges_tail_is_no_count(
    text: str, rows: list[tuple[str, str, object, str]]
) -> None:
    assert _rows(text, counts=True) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # was ("€2 billion", "EUR bn", None, ""): the year after the list was in the
        # clause of its last two members
        (
            "AWS will invest €2 billion, £5 billion and $3.2 billion by 2029.",
            [
                ("€2 billion", "EUR bn", None, "?-2029"),
                ("£5 billion", "GBP bn", None, "?-2029"),
                ("$3.2 billion", "USD bn", None, "?-2029"),
            ],
        ),
        (
            "AWS will invest €2 billion in Spain, £5 billion in the UK and $3.2 billion by 2029.",
            [
                ("€2 billion", "EUR bn", None, "?-2029"),
                ("£5 billion", "GBP bn", None, "?-2029"),
                ("$3.2 billion", "USD bn", None, "?-2029"),
            ],
        ),
        # was ("5 GW", "GW", None, "")
        (
            "It will add 5 GW, 3 GW and 2 GW by 2030.",
            [("5 GW", "GW", 2030, ""), ("3 GW", "GW", 2030, ""), ("2 GW", "GW", 2030, "")],
        ),
        # controls: no list (a comma, then a figure of another year), another dimension
        (
            "It spent $3bn, $1bn more than in 2023.",
            [("$3bn", "USD bn", None, ""), ("$1bn", "USD bn", 2023, "")],
        ),
        (
            "It runs 300 MW, and $5bn of revenue is due by 2029.",
            [("300 MW", "MW", None, ""), ("$5bn", "USD bn", 2029, "")],
        ),
    ],
)
def test_a_lists_year_dates_each_member(
    text: str, rows: list[tuple[str, str, object, str]]
) -> None:
    assert _rows(text) == rows
