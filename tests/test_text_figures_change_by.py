"""A range after a change's "by" ("rose by $2bn to $10bn") may be an amount and the level
reached, not a range of amounts ("could rise by $2bn to $3bn"): find_figures keeps the range
and says so in an AmbiguousNumberWarning (text58)."""

from __future__ import annotations

import warnings

import pytest

from idcforecast import find_figures
from idcforecast.errors import AmbiguousNumberWarning


@pytest.mark.parametrize(
    ("text", "figure", "midpoint"),
    [
        # the old code said nothing: value 6 = (2 + 10) / 2, though the level is $10bn
        ("Revenue rose by $2bn to $10bn in 2024.", "$2bn to $10bn", "value 6 USD bn"),
        # (0.2 + 1.2) / 2 = 0.7 GW
        ("Capacity grew by 200 MW to 1.2 GW in 2024.", "200 MW to 1.2 GW", "value 0.7 GW"),
    ],
)
def test_a_range_after_by_is_said_to_be_ambiguous(text: str, figure: str, midpoint: str) -> None:
    with pytest.warns(AmbiguousNumberWarning, match="range after a change 'by'") as caught:
        found = find_figures(text)
    message = str(caught[0].message)
    assert repr(figure) in message and midpoint in message and "column 'high'" in message
    assert found["figure"].tolist() == [figure]  # the reading itself is unchanged


@pytest.mark.parametrize(
    "text",
    [
        "The market grew by about 10 to 15% a year.",  # a range of growth
        "Revenue of $2bn to $3bn is expected by 2026.",  # no change by an amount
        "Revenue grew from $2bn to $10bn.",  # two levels
        "The operator plans to reduce PUE by 0.2 to 1.3 by 2026.",  # read as 1.3 PUE
    ],
)
def test_other_ranges_and_changes_say_nothing(text: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        find_figures(text)
