"""Scenario changes that take a series in % below 0% or above 100%.

"-3pp" a year on a 10% market share reached -10% in 2030 without a word (points add to
the level, and nothing bounded them). A series known to be a share (its id says so, or it
is in 成) is refused when the scenario's central path leaves 0-100%, and its paths are
clipped to 0-100% (said in the note); another series in % may be a rate that leaves it (a
growth rate), so it is simulated as given, with a ScenarioWarning.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from idcforecast.errors import ScenarioWarning, SpecError
from idcforecast.scenarios import simulate, simulate_paths

YEARS = np.array([2025, 2026])


def _paths(series_id: str, scenarios: dict, *, unit: str = "%", mean: float = 3.0):
    return simulate_paths(
        mean=np.array([mean, mean]),
        sigma=np.array([1.0, 1.0]),
        years=YEARS,
        scale="level",
        unit=unit,
        series_id=series_id,
        scenarios={"scenarios": scenarios},
        n_paths=4000,
        seed=5,
    )


def test_a_shares_paths_are_clipped_at_zero_after_a_point_shock() -> None:
    # central 3% - 2 points = 1%, inside 0-100%; paths near 1 +- 1 go below 0 and are 0
    paths = _paths("dc_market_share", {"base": {}, "down": {"shocks": {"2025": "-2pp"}}})
    base, down = paths.values
    np.testing.assert_array_equal(down, np.maximum(base - 2.0, 0.0))
    assert down.min() == 0.0 and (base - 2.0).min() < 0.0
    first = 100 * int(np.sum(base[:, 0] - 2.0 < 0)) / 4000  # the share of paths clipped in 2025
    worst = 100 * int(np.sum(base - 2.0 < 0, axis=0).max()) / 4000
    assert 5 < first < 40  # (sigma 1 around 1: P(z < -1) = 15.9%)
    assert paths.note.startswith(
        f"scenario 'down': paths outside 0-100% clipped to it, from 2025 ({first:.3g}% of "
        f"paths in 2025"
    )
    assert paths.note.endswith("series 'dc_market_share' is a share")
    assert f"{worst:.3g}%" in paths.note


def test_a_shares_base_case_is_left_as_the_forecast_gives_it() -> None:
    # only what a scenario changes is bounded: the forecast's own noise is forecast()'s
    paths = _paths("dc_market_share", {"base": {}}, mean=0.5)
    assert paths.values.min() < 0.0 and paths.note == ""


def test_points_taking_a_share_below_zero_are_refused() -> None:
    # 3% - 2 - 2 = -1% in 2026 on the central path
    with pytest.raises(SpecError) as info:
        _paths("dc_market_share", {"base": {}, "bear": {"growth": {"2025-2026": "-2pp"}}})
    assert str(info.value) == (
        "<dict>: scenario 'bear' takes series 'dc_market_share', a share, below 0% in 2026: "
        "3% (the forecast) -4 points = -1%; a share stays within 0-100%: make the "
        "scenario's growth or shocks smaller, or its periods shorter"
    )
    assert (info.value.scenario, info.value.year) == ("bear", 2026)


def test_relative_growth_taking_a_share_above_100_is_refused() -> None:
    # 96% x 1.05 = 100.8% in 2025
    with pytest.raises(
        SpecError, match=re.escape("above 100% in 2025: 96% (the forecast) x 1.05 = 100.8%")
    ):
        _paths("utilisation", {"up": {"growth": {"2025": "+5% relative"}}}, mean=96.0)


def test_a_scenario_lowering_a_share_forecast_past_100_is_not_refused() -> None:
    # the forecast passes 100% on its own (102%); "-1pp" brings it to 101%, not its doing
    paths = _paths("dc_market_share", {"down": {"shocks": {"2025": "-1pp"}}}, mean=102.0)
    assert paths.values.max() == 100.0  # a share: its paths clipped to 0-100%
    assert paths.note.startswith("scenario 'down': paths outside 0-100% clipped to it")


def test_tenths_are_a_share_of_ten() -> None:
    # 1 成 is 10%: 9.5 成 + 10 points (1 成) = 10.5 成 = 105%
    with pytest.raises(
        SpecError, match=re.escape("above 100% in 2025: 95% (the forecast) +10 points = 105%")
    ):
        _paths("x", {"up": {"shocks": {"2025": "+10pp"}}}, unit="成", mean=9.5)


def test_another_series_in_percent_is_warned_of_and_kept() -> None:
    # a rate in % may go below 0 (a growth rate): simulated as given, with a warning
    spec = {"base": {}, "down": {"shocks": {"2025": "-4pp"}}}
    with pytest.warns(ScenarioWarning) as record:
        paths = _paths("idc_growth", spec)
    base, down = paths.values
    np.testing.assert_allclose(down, base - 4.0, rtol=0, atol=1e-12)
    # the paths the shock took below 0, not those the forecast had there already
    share = (
        100 * int(np.sum((base[:, 0] - 4.0 < 0) & (base[:, 0] >= 0))) / 4000
    )  # P(3 - 4 + z < 0) = P(z < 1): ~84%
    messages = [str(w.message) for w in record if w.category is ScenarioWarning]
    assert messages == [
        "<dict>: scenario 'down' takes series 'idc_growth' (in %) outside 0-100% from 2025 "
        f"({share:.3g}% of paths in 2025); a share cannot leave it: if 'idc_growth' is one, "
        "make the scenario's growth or shocks smaller (or give it an id that says so, such "
        "as 'market_share', to have its paths clipped to 0-100%); a rate that can (a growth "
        "rate) is simulated as given"
    ]
    assert 75 < share < 92


def test_a_rates_own_paths_outside_are_not_laid_to_the_scenario() -> None:
    # a growth rate around 0.5% goes below 0 on its own (P(z < -0.5) = 31%); "+0.1pp" takes
    # none out, so no warning (warnings are errors in the test run)
    paths = _paths("idc_growth", {"base": {}, "up": {"shocks": {"2025": "+0.1pp"}}}, mean=0.5)
    assert paths.values[0].min() < 0 and paths.note == ""


def test_a_series_in_money_is_not_bounded() -> None:
    paths = _paths("market", {"base": {}, "down": {"shocks": {"2025": -0.5}}}, unit="CNY 100m")
    assert paths.note == ""


def test_simulate_refuses_a_spec_taking_a_share_below_zero() -> None:
    share = pd.DataFrame(
        {
            "series_id": "market_share",
            "year": range(2017, 2025),
            "value": [14.0, 13.5, 13, 12.4, 12, 11.5, 10.8, 10],
            "unit": "%",
        }
    )
    spec = {"scenarios": {"base": {}, "bear": {"growth": {"2025-2030": "-3pp"}}}}
    with pytest.raises(SpecError, match=r"takes series 'market_share', a share, below 0% in 20"):
        simulate(share, 6, n_paths=500, seed=1, scenarios=spec)


@pytest.mark.parametrize(
    ("unit", "series_id", "known"),
    [
        ("%", "china_idc_market_share", True),
        ("percent", "rack_utilization", True),
        ("%", "上架率", True),
        ("成", "anything", True),
        ("%", "idc_growth", False),
        ("pp", "market_share", False),
        ("CNY 100m", "market_share", False),
        ("", "market_share", False),
    ],
)
def test_which_series_are_known_shares(unit: str, series_id: str, known: bool) -> None:
    from idcforecast._shares import is_known_share

    assert is_known_share(unit, series_id) is known
