"""Scenarios on a series in %: percentage points ("+2pp") or "+5% relative"; bare fractions
refused.

Growth of 0.05 on a share of 40% multiplied it (42%: +2 points, compounding) where an analyst
often means +5 points, and on a 3% share 5% of it: the spec now says which, and the
ambiguous form is refused.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from idcforecast.errors import SpecError
from idcforecast.scenarios import load_scenarios, simulate, simulate_paths

SHARE = pd.DataFrame(
    {
        "series_id": "share",
        "year": range(2017, 2025),
        "value": [25.0, 27, 30, 32, 34, 36, 38, 40],
        "unit": "%",
    }
)


def test_points_are_read_in_the_registrys_spellings() -> None:
    spec = load_scenarios(
        {
            "scenarios": {
                "up": {
                    "growth": {"2025-2026": "+2pp", "2027": "1.5 percentage points"},
                    "shocks": {"2028": "下降3个百分点"},
                },
                "rel": {"growth": {"2025": 0.03}},
            }
        }
    )
    up, rel = spec.scenarios
    assert dict(up.growth_pp) == {2025: 2.0, 2026: 2.0, 2027: 1.5}
    assert dict(up.shocks_pp) == {2028: -3.0}
    assert not up.growth and not up.shocks
    assert dict(rel.growth) == {2025: 0.03} and not rel.growth_pp
    # cumulative: 2, 4, 5.5, then 5.5 - 3 = 2.5 (a permanent shift)
    shift = up.point_shift(np.array([2025, 2026, 2027, 2028, 2029]))
    np.testing.assert_allclose(shift, [2.0, 4.0, 5.5, 2.5, 2.5], rtol=0, atol=1e-12)


@pytest.mark.parametrize(
    ("written", "points"),
    [
        ("3 ppt", 3.0),
        ("+3ppt", 3.0),
        ("3 pts", 3.0),
        ("-1.5 pts", -1.5),
        ("2 PPT", 2.0),
        ("2 p.p.", 2.0),
        ("3个百分点", 3.0),
        ("50bp", 0.5),  # 50 basis points are half a percentage point
    ],
)
def test_analysts_shorthands_for_points_read_as_points(written: str, points: float) -> None:
    # "3 ppt" and "3 pts" were refused ("must map to a fraction...") though analysts write
    # them for percentage points as often as "3pp"
    (scenario,) = load_scenarios({"scenarios": {"up": {"growth": {"2025": written}}}}).scenarios
    assert dict(scenario.growth_pp) == {2025: points} and not scenario.growth


@pytest.mark.parametrize(
    ("written", "fraction"),
    [
        ("3 pct", 0.03),
        ("+3pct", 0.03),
        ("-2.5 pct", -0.025),
        ("3 percent", 0.03),
        ("百分之三", 0.03),
    ],
)
def test_percent_in_words_reads_as_the_fraction(written: str, fraction: float) -> None:
    # "3 pct" is 3 percent (0.03), as "3%" is; it was refused ("must map to a fraction")
    (scenario,) = load_scenarios({"scenarios": {"bull": {"growth": {"2025": written}}}}).scenarios
    assert dict(scenario.growth) == {2025: pytest.approx(fraction, abs=1e-15)}
    assert not scenario.growth_pp


@pytest.mark.parametrize(
    ("value", "message"),
    [
        (
            "2-3pp",
            "<dict>: scenario 'up' key 'growth': period '2025': '2-3pp' is not one number "
            '(a range or a bound); expected one change such as "+2pp"',
        ),
        (
            "150pp",
            "<dict>: scenario 'up' key 'growth': period '2025': '150pp' moves the level by "
            'more than 100 percentage points; expected a change in points such as "+2pp"',
        ),
        (
            "two",
            "<dict>: scenario 'up' key 'growth': period '2025' must map to a fraction (0.03 = "
            '+3%), a percent ("3%", "3 pct") or, for a series in %, percentage points ("+2pp", '
            '"2 ppt", "2个百分点"); found \'two\'',
        ),
        (
            "3%-5%",
            "<dict>: scenario 'up' key 'growth': period '2025': '3%-5%' is not one number (a "
            'range or a bound); expected one change such as "+3%"',
        ),
    ],
)
def test_points_that_are_not_one_change_are_refused(value: str, message: str) -> None:
    with pytest.raises(SpecError, match=re.escape(message) + "$"):
        load_scenarios({"scenarios": {"up": {"growth": {"2025": value}}}})


def test_points_add_to_the_share_on_every_path() -> None:
    spec = {
        "scenarios": {
            "base": {},
            "up": {"growth": {"2025-2027": "+5pp"}, "shocks": {"2027": "-3pp"}},
        }
    }
    paths = simulate(SHARE, 3, n_paths=500, seed=1, scenarios=spec)
    # common random numbers: up - base is the shift on every path, 5, 5 + 5, 5 + 5 + 5 - 3
    np.testing.assert_allclose(
        paths.values[1] - paths.values[0],
        np.broadcast_to([5.0, 10.0, 12.0], (500, 3)),
        rtol=0,
        atol=1e-9,
    )


def test_points_on_a_series_in_tenths_are_tenths_of_the_level() -> None:
    # 1 成 is 10%: +2 points a year add 0.2 成 a year (0.2, 0.4)
    paths = simulate_paths(
        mean=np.array([4.0, 4.2]),
        sigma=np.array([0.05, 0.1]),
        years=np.array([2025, 2026]),
        unit="成",
        scenarios={"scenarios": {"base": {}, "up": {"growth": {"2025-2026": "+2pp"}}}},
        n_paths=100,
        seed=3,
    )
    np.testing.assert_allclose(
        paths.values[1] - paths.values[0], np.broadcast_to([0.2, 0.4], (100, 2)), atol=1e-12
    )


def test_a_fraction_on_a_share_is_refused_with_both_readings() -> None:
    spec = {"scenarios": {"base": {}, "up": {"growth": {"2025-2027": 0.05}}}}
    # 40% x 1.05 = 42%: +2 points (5% of 40), not the +5 points often meant
    with pytest.raises(SpecError) as info:
        simulate(SHARE, 3, n_paths=100, seed=1, scenarios=spec)
    assert str(info.value) == (
        "<dict>: scenario 'up' key 'growth' years 2025-2027: 0.05 on series 'share' in '%' is "
        "ambiguous: +5 percentage points a year, or +5% of the share (40% in 2024 x 1.05 = "
        '42%, +2 points in the first year, compounding)? write "+5pp" for points, or "+5% '
        'relative" for 5% of the share'
    )
    assert (info.value.scenario, info.value.key) == ("up", "growth")


def test_a_fraction_on_a_share_in_tenths_counts_its_points_in_percent() -> None:
    # 4 成 is 40%: x 1.05 is 4.2 成 = 42%, +2 points (the message said "+0.2 points",
    # the change in 成 called points)
    with pytest.raises(SpecError) as info:
        simulate_paths(
            mean=np.array([4.0, 4.2]),
            sigma=np.array([0.05, 0.1]),
            years=np.array([2025, 2026]),
            unit="成",
            origin_year=2024,
            origin_value=4.0,
            scenarios={"scenarios": {"up": {"growth": {"2025": 0.05}}}},
            n_paths=10,
            seed=1,
        )
    assert "(4 成 in 2024 x 1.05 = 4.2 成, +2 points in the first year, compounding)" in str(
        info.value
    )


def test_a_relative_shock_on_a_share_is_refused() -> None:
    spec = {"scenarios": {"down": {"shocks": {"2026": "-10%"}}}}
    # 40% x 0.9 = 36%: -4 points
    with pytest.raises(SpecError) as info:
        simulate(SHARE, 3, n_paths=100, seed=1, scenarios=spec)
    assert str(info.value).endswith(
        "-10 percentage points, or -10% of the share (40% in 2024 x 0.9 = 36%, -4 points)? "
        'write "-10pp" for points, or "-10% relative" for 10% of the share'
    )


@pytest.mark.parametrize("written", ["+5% relative", "5% Relative", "0.05 rel", "5 % rel."])
def test_a_relative_change_said_so_multiplies_the_share(written: str) -> None:
    # "+5% relative": 5% of the share a year, the reading a small share wants (a 3% share of
    # electricity growing 5% a year); up / base = 1.05, 1.05^2, 1.05^3 on every path
    spec = {"scenarios": {"base": {}, "up": {"growth": {"2025-2027": written}}}}
    paths = simulate(SHARE, 3, n_paths=200, seed=1, scenarios=spec)
    np.testing.assert_allclose(
        paths.values[1] / paths.values[0],
        np.broadcast_to([1.05, 1.1025, 1.157625], (200, 3)),
        rtol=1e-12,
    )


def test_points_cannot_be_said_relative() -> None:
    with pytest.raises(SpecError, match=re.escape("'2pp relative' is no relative change")):
        load_scenarios({"scenarios": {"up": {"growth": {"2025": "2pp relative"}}}})


def test_the_spec_unit_decides_for_a_series_without_one() -> None:
    spec = {"unit": "%", "scenarios": {"up": {"growth": {"2025": 0.05}}}}
    with pytest.raises(SpecError, match=re.escape("0.05 on series 'share' in '%' is ambiguous")):
        simulate(SHARE.drop(columns="unit"), 2, n_paths=100, seed=1, scenarios=spec)


@pytest.mark.parametrize(
    ("unit", "where"),
    [
        ("CNY 100m", "series 'share' is in 'CNY 100m'; write a fraction (0.02 = +2%) or a "
         'percent ("2%")'),
        (None, "series 'share' has no unit; write a fraction (0.02 = +2%) or a percent "
         "(\"2%\"), or give the series its unit (a 'unit' column, --unit %)"),
    ],
)  # fmt: skip
def test_points_on_a_series_not_in_percent_are_refused(unit: str | None, where: str) -> None:
    data = SHARE.drop(columns="unit") if unit is None else SHARE.assign(unit=unit)
    spec = {"scenarios": {"up": {"growth": {"2025": "+2pp"}}}}
    with pytest.raises(SpecError) as info:
        simulate(data, 2, n_paths=100, seed=1, scenarios=spec)
    assert str(info.value) == (
        "<dict>: scenario 'up' key 'growth' year 2025: '+2pp' is a change in percentage "
        f"points, for a series in %, and {where}"
    )


def test_points_in_later_years_only_warn_as_growth_does() -> None:
    from idcforecast.errors import ScenarioWarning

    spec = {"scenarios": {"later": {"growth": {"2030": "+2pp"}}}}
    with pytest.warns(ScenarioWarning, match="changes nothing in the simulated years 2025-2026"):
        simulate(SHARE, 2, n_paths=100, seed=1, scenarios=spec)


def test_a_point_shock_in_the_history_is_refused() -> None:
    spec = {"scenarios": {"past": {"shocks": {"2020": "-2pp"}}}}
    with pytest.raises(SpecError, match=re.escape("key 'shocks': year 2020 is before the")):
        simulate(SHARE, 2, n_paths=100, seed=1, scenarios=spec)


def test_a_scenario_built_in_python_says_relative_with_relative() -> None:
    # the Python route to "+5% relative" (was only spec.Relative, not in spec's __all__)
    from idcforecast.scenarios.spec import Relative, Scenario, ScenarioSet

    spec = ScenarioSet(
        scenarios=(Scenario("base"), Scenario("up", growth={2025: Relative(0.05)})), unit="%"
    )
    paths = simulate(SHARE, 1, n_paths=50, seed=1, scenarios=spec)
    np.testing.assert_allclose(paths.values[1] / paths.values[0], 1.05, rtol=1e-12)
    bare = ScenarioSet(scenarios=(Scenario("up", growth={2025: 0.05}),))
    with pytest.raises(SpecError, match=re.escape("0.05 on series 'share' in '%' is ambiguous")):
        simulate(SHARE, 1, n_paths=50, seed=1, scenarios=bare)


def test_a_smooth_cap_at_100_percent_leaves_no_pile_of_clipped_paths() -> None:
    # a share in 成 near 100% whose paths go past 10 成, with "-0.5pp" a year and a smooth
    # cap of 10: the 0-100% clip put every such path at 10 and the cap then took them all
    # to 10 / 2 ** (1 / 10) = 9.33 (the smooth cap y / (1 + (y / cap) ** k) ** (1 / k) at
    # y = cap, k = 10): p50 = p90 = p95 = 9.33 from 2028. The cap comes first now: below 10
    # on every path, spread as the base case's are, and no path clipped
    history = pd.DataFrame(
        {"series_id": "rack_utilisation", "year": range(2015, 2024),
         "value": [5.0, 5.6, 6.1, 6.6, 7.0, 7.5, 7.9, 8.3, 8.6], "unit": "成"}
    )  # fmt: skip
    spec = {
        "scenarios": {
            "base": {"cap": 10},
            "slow": {"cap": 10, "growth": {"2024-2030": "-0.5pp"}},
        }
    }
    paths = simulate(history, 7, n_paths=2000, seed=0, scenarios=spec)
    slow = paths.values[1]
    pile = 10.0 / 2.0 ** (1.0 / 10.0)  # 9.3303
    assert np.mean(np.isclose(slow, pile, rtol=0, atol=1e-9)) == 0.0
    assert slow.max() < 10.0 and paths.values[0].max() < 10.0
    assert "clipped" not in paths.note
    # the spec's caps are the fix the past-100% note advises: it is not given again
    assert "passes 100%" not in paths.note


def test_a_bare_fraction_on_a_percent_series_once_past_100_speaks_of_the_level() -> None:
    # a ratio in % that was at 262% is no share (idcforecast._shares): the refusal of a bare
    # 0.05 asked "+5% of the share (262% ...)"; it asks "+5% of the level" there, and a
    # share keeps "of the share". 262 x 1.05 = 275.1, +13.1 points
    values = [80.0, 95.0, 110.0, 130.0, 150.0, 175.0, 200.0, 230.0, 262.0]
    frame = pd.DataFrame(
        {"series_id": "idx", "year": range(2015, 2024), "value": values, "unit": "%"}
    )
    spec = {"scenarios": {"a": {"growth": {"2025": 0.05}}}}
    with pytest.raises(SpecError) as info:
        simulate(frame, 3, n_paths=50, scenarios=spec, seed=0)
    message = str(info.value)
    assert "or +5% of the level (262% in 2023 x 1.05 = 275.1%, +13 points" in message
    assert message.endswith('or "+5% relative" for 5% of the level')
    assert "share" not in message
    shares = frame.assign(value=[v / 3 for v in values])  # 26.7% to 87.3%: may be a share
    with pytest.raises(SpecError, match=re.escape("or +5% of the share (")):
        simulate(shares, 3, n_paths=50, scenarios=spec, seed=0)
