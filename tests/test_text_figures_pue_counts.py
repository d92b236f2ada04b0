"""A number before "PUE" that cannot be a PUE, or counts the noun after it, is no PUE in
find_figures (text58): a PUE (total over IT power) is 1 to a few; nor is the amount of a
change of a PUE ("reduce PUE by 0.2 to 1.3": 1.3 is the PUE)."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from idcforecast import find_figures


def _rows(text: str, *, counts: bool) -> list[tuple[str, str, int | None]]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = find_figures(text, counts=counts)
    return [
        (f, u, None if pd.isna(y) else int(y))
        for f, u, y in zip(found["figure"], found["unit"], found["year"], strict=True)
    ]


@pytest.mark.parametrize(
    ("text", "counted"),
    [
        # the old code read a PUE of 200 (unit "PUE", value 200): no PUE is 200
        ("200 PUE audits were run in 2024.", [("200", "count", 2024)]),
        # a whole number before "PUE" and a plural noun counts the noun (old code: 3 PUE)
        ("It has 3 PUE sensors.", [("3", "count", None)]),
        (
            "The hall has a PUE of 1.3 and 12 PUE meters.",
            [("PUE of 1.3", "PUE", None), ("12", "count", None)],
        ),
    ],
)
def test_a_count_of_things_named_pue_is_no_pue(
    text: str, counted: list[tuple[str, str, int | None]]
) -> None:
    assert _rows(text, counts=True) == counted
    # without counts the plain counts are left out, as any count is
    assert _rows(text, counts=False) == [r for r in counted if r[1] != "count"]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # controls (the same on the old code): PUEs written before their name
        ("The site runs at a 1.15 PUE.", [("1.15 PUE", "PUE", None)]),
        ("Two 1.2 PUE halls opened.", [("1.2 PUE", "PUE", None)]),
        ("It reached 1.3 PUE in 2024.", [("1.3 PUE", "PUE", 2024)]),
        ("A 2 PUE means half the power is overhead.", [("2 PUE", "PUE", None)]),
    ],
)
def test_a_pue_before_its_name_is_still_read(
    text: str, rows: list[tuple[str, str, int | None]]
) -> None:
    assert _rows(text, counts=True) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # "by 0.2 to 1.3" was read as the range 0.2-1.3, a PUE of 0.75 ((0.2 + 1.3) / 2);
        # no PUE is below 1: 0.2 is the change, 1.3 the PUE reached
        ("The operator plans to reduce PUE by 0.2 to 1.3 by 2026.", [("1.3", "PUE", 2026)]),
        ("The PUE fell by about 0.15 to 1.35 in 2024.", [("1.35", "PUE", 2024)]),
        # was a PUE of 0.1 ("PUE improved by 0.1") and one of 1.25
        ("PUE improved by 0.1 to 1.25.", [("1.25", "PUE", None)]),
        # was a PUE of 0.2: a change only, no level named
        ("PUE fell by 0.2 in 2024.", []),
        # controls (the same on the old code)
        (
            "PUE dropped from 1.6 to 1.3.",
            [("PUE dropped from 1.6", "PUE", None), ("1.3", "PUE", None)],
        ),
        ("a PUE of 1.3", [("PUE of 1.3", "PUE", None)]),
    ],
)
def test_a_pue_changed_by_an_amount_is_the_level_reached(
    text: str, rows: list[tuple[str, str, int | None]]
) -> None:
    assert _rows(text, counts=False) == rows
