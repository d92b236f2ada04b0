"""scenario_table, the weighted mixture, CAGR draws and prob_exceeds on hand-made paths."""

from __future__ import annotations

import re

import numpy as np
import pytest

from idcforecast.errors import ModelError, UnknownNameError
from idcforecast.scenarios.paths import Paths
from idcforecast.scenarios.tables import cagr_draws, prob_exceeds, scenario_table


def _two_scenarios() -> Paths:
    # Scenario "low" is 1.0 on every path, "high" is 2.0; weights 0.3 / 0.7.
    values = np.stack([np.full((20, 2), 1.0), np.full((20, 2), 2.0)])
    return Paths(
        values=values,
        years=np.array([2026, 2027]),
        scenarios=("low", "high"),
        weights=(0.3, 0.7),
        unit="CNY 100m",
        series_id="demo",
        origin_year=2025,
        origin_value=1.0,
    )


def test_table_layout_and_weighted_mixture() -> None:
    table = scenario_table(_two_scenarios())
    assert list(table.columns) == [
        "series_id",
        "scenario",
        "weight",
        "quantity",
        "year",
        "unit",
        "p5",
        "p10",
        "p50",
        "p90",
        "p95",
    ]  # fmt: skip (no mean: the simulated paths' t tails have none, see scenario_table)
    level = table[table["quantity"] == "level"]
    assert level["scenario"].tolist() == ["low", "low", "high", "high", "weighted", "weighted"]
    mix = level[level["scenario"] == "weighted"].iloc[0]
    # mixture CDF: 0.3 at 1.0, 1.0 at 2.0 -> p5, p10 = 1; p50, p90, p95 = 2
    assert [mix[c] for c in ("p5", "p10", "p50", "p90", "p95")] == [1.0, 1.0, 2.0, 2.0, 2.0]
    assert level[level["scenario"] == "high"]["weight"].tolist() == [0.7, 0.7]


def test_cagr_rows_by_hand() -> None:
    table = scenario_table(_two_scenarios(), target_year=2027)
    cagr = table[table["quantity"] == "cagr"].set_index("scenario")
    # "high": 1.0 (2025) -> 2.0 (2027): 2 ** (1/2) - 1 = 41.421% a year
    assert cagr.loc["high", "p50"] == pytest.approx(41.42136, abs=1e-5)
    assert cagr.loc["low", "p50"] == 0.0
    assert cagr.loc["high", "unit"] == "%" and cagr.loc["high", "year"] == 2027
    assert cagr.loc["weighted", "p5"] == 0.0 and cagr.loc["weighted", "p95"] == pytest.approx(
        41.42136, abs=1e-5
    )


def test_prob_exceeds_per_scenario_and_weighted() -> None:
    probs = prob_exceeds(_two_scenarios(), 1.5, 2027)
    assert probs.to_dict() == {"low": 0.0, "high": 1.0, "weighted": 0.7}
    assert prob_exceeds(_two_scenarios(), 1.5, 2027, scenario="high") == 1.0
    # was: UnknownNameError "no scenario 'weighted'", though the Series holds one
    assert prob_exceeds(_two_scenarios(), 1.5, 2027, scenario="weighted") == 0.7


def test_unknown_year_and_scenario() -> None:
    with pytest.raises(
        UnknownNameError,
        match=re.escape(
            "series 'demo': year 2030 was not simulated; expected a year from 2026 to 2027 "
            "(raise the horizon)"
        ),
    ):
        prob_exceeds(_two_scenarios(), 1.5, 2030)
    with pytest.raises(
        UnknownNameError,
        match=re.escape(
            "series 'demo': no scenario 'hihg' in the simulated paths; expected one of low, high. "
            "did you mean 'high'?"
        ),
    ):
        prob_exceeds(_two_scenarios(), 1.5, 2027, scenario="hihg")


def test_unknown_year_of_a_one_year_simulation() -> None:
    # was "expected a year from 2026 to 2026"
    two = _two_scenarios()
    one = Paths(
        values=two.values[:, :, :1],
        years=two.years[:1],
        scenarios=two.scenarios,
        weights=two.weights,
        unit=two.unit,
        series_id=two.series_id,
        origin_year=two.origin_year,
        origin_value=two.origin_value,
    )
    msg = "series 'demo': year 2030 was not simulated; expected the year 2026 (raise the horizon)"
    with pytest.raises(UnknownNameError, match=re.escape(msg) + "$"):
        prob_exceeds(one, 1.5, 2030)


def test_cagr_needs_positive_paths() -> None:
    p = Paths(values=np.array([[[1.0], [-1.0]]]), years=np.array([2026]), scenarios=("b",),
              origin_year=2025, origin_value=1.0)  # fmt: skip
    with pytest.raises(
        ModelError,
        match=re.escape(
            "series 'series': some paths are <= 0 in 2026; a CAGR is undefined there "
            "(simulate on the log scale)"
        ),
    ):
        cagr_draws(p, 2026)


def test_no_origin_means_no_cagr_rows() -> None:
    p = Paths(values=np.ones((1, 3, 2)), years=np.array([2026, 2027]), scenarios=("b",))
    assert set(scenario_table(p, quantiles=(50,))["quantity"]) == {"level"}


def test_paths_at_or_below_zero_or_a_negative_origin_mean_no_cagr_rows() -> None:
    crossing = Paths(values=np.array([[[1.0], [-1.0]]]), years=np.array([2026]),
                     scenarios=("b",), origin_year=2025, origin_value=1.0)  # fmt: skip
    assert set(scenario_table(crossing, quantiles=(50,))["quantity"]) == {"level"}
    negative_origin = Paths(values=np.ones((1, 3, 1)), years=np.array([2026]),
                            scenarios=("b",), origin_year=2025, origin_value=-2.0)  # fmt: skip
    assert set(scenario_table(negative_origin, quantiles=(50,))["quantity"]) == {"level"}


def test_a_scenario_with_a_path_at_zero_loses_its_own_cagr_rows_only() -> None:
    # was: one scenario's path at 0 (a share clipped to 0%) dropped every scenario's CAGR.
    # base from 100 (2025) to 121 and 144 (2027): (1.21)^(1/2) - 1 = 10%, 1.44^(1/2) - 1 =
    # 20%; the median of the two paths, 15%. bear has a path at 0: no rows, nor weighted.
    p = Paths(
        values=np.array([[[110.0, 121.0], [120.0, 144.0]], [[50.0, 0.0], [60.0, 30.0]]]),
        years=np.array([2026, 2027]),
        scenarios=("base", "bear"),
        weights=(0.5, 0.5),
        origin_year=2025,
        origin_value=100.0,
    )
    cagr = scenario_table(p, quantiles=(50,)).query("quantity == 'cagr'")
    assert cagr["scenario"].tolist() == ["base"]
    assert cagr["p50"].iloc[0] == pytest.approx(15.0, rel=1e-12)
    assert cagr["weight"].iloc[0] == 0.5


def test_threshold_as_figure_text_converts_to_the_series_unit() -> None:
    # "8000亿元" = 8000 x 1e8 yuan = 8000 in "CNY 100m"; "0.8万亿元" is the same amount;
    p = Paths(values=np.array([[[7000.0], [7999.0], [8001.0], [9000.0]]]),
              years=np.array([2027]), scenarios=("base",), unit="CNY 100m")  # fmt: skip
    assert prob_exceeds(p, "8000亿元", 2027, scenario="base") == 0.5
    assert prob_exceeds(p, "0.8万亿元", 2027, scenario="base") == 0.5
    assert prob_exceeds(p, "700 billion yuan", 2027, scenario="base") == 0.75


def test_year_before_the_simulation_or_not_whole() -> None:
    # Was: year 2026.5 silently read as 2026 (int() truncates); a past year said "raise the
    # horizon", which cannot help.
    paths = _two_scenarios()
    with pytest.raises(
        UnknownNameError,
        match=re.escape(
            "series 'demo': year 2020 was not simulated; expected a year from 2026 to 2027 "
            "(earlier years are history, not simulated)"
        ),
    ):
        prob_exceeds(paths, 1.5, 2020)
    with pytest.raises(
        UnknownNameError,
        match=re.escape(
            "series 'demo': year 2026.5 was not simulated; expected a year from 2026 to 2027 "
            "(pass a whole year such as 2027)"
        ),
    ):
        prob_exceeds(paths, 1.5, 2026.5)  # type: ignore[arg-type]
    assert prob_exceeds(paths, 1.5, "2027", scenario="high") == 1.0  # type: ignore[arg-type]


def test_scenario_table_target_year_must_be_simulated_and_whole() -> None:
    # Was: target_year=2026.5 truncated to 2026 by int() and reported as the 2026 CAGR.
    with pytest.raises(
        UnknownNameError,
        match=re.escape(
            "series 'demo': year 2026.5 was not simulated; expected a year from 2026 to 2027 "
            "(pass a whole year such as 2027)"
        ),
    ):
        scenario_table(_two_scenarios(), target_year=2026.5)  # type: ignore[arg-type]


def test_threshold_text_range_bare_number_and_wrong_unit() -> None:
    # Was: '1-2 CNY 100m' silently became its midpoint; '1.5' (text) was refused for a
    # unitless path set and a 'CNY 100m' one alike; a wrong unit escaped as a bare
    # IncompatibleUnitsError that did not name the threshold.
    from idcforecast.errors import SpecError

    paths = _two_scenarios()
    with pytest.raises(
        SpecError,
        match=re.escape(
            "series 'demo': threshold '1-2 CNY 100m' is a range; expected one level; pass its "
            "low or high end"
        ),
    ):
        prob_exceeds(paths, "1-2 CNY 100m", 2027)
    # a bare number in text is a number in the series unit, as the CLI reads it
    assert prob_exceeds(paths, "1.5", 2027, scenario="high") == prob_exceeds(
        paths, 1.5, 2027, scenario="high"
    )
    with pytest.raises(
        SpecError,
        match=re.escape(
            "series 'demo': threshold '5 MW' cannot be read in the paths' unit 'CNY 100m' "
            "(2027): cannot convert 'MW' (power) to 'CNY 100m' (money)"
        ),
    ):
        prob_exceeds(paths, "5 MW", 2027)


def test_quantiles_as_text_are_refused() -> None:
    # Was: quantiles="50" read as the percentiles 5 and 0 (iterating the characters)
    from idcforecast.errors import SpecError

    with pytest.raises(
        SpecError,
        match=re.escape(
            "quantiles must be percentiles strictly between 0 and 100, like (5, 50, 95); got '50'"
        ),
    ):
        scenario_table(_two_scenarios(), quantiles="50")  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("n_paths", "quantiles", "needed", "label"),
    [(1, (5, 50, 95), 20, "p5"), (19, (5, 95), 20, "p5"), (39, (50, 97.5), 40, "p97.5")],
)
def test_too_few_paths_for_the_outer_quantile_are_refused(
    n_paths: int, quantiles: tuple[float, ...], needed: int, label: str
) -> None:
    # Was: one path gave p5 = p50 = p95 (a zero-width fan) without a word. The outer
    # quantile p needs 1 / min(p, 1 - p) paths: 1 / 0.05 = 20, 1 / 0.025 = 40.
    def paths_of(n: int) -> Paths:
        return Paths(
            values=np.linspace(1.0, 2.0, n * 2).reshape(1, n, 2),
            years=np.array([2026, 2027]),
            scenarios=("base",),
            series_id="demo",
            origin_year=2025,
            origin_value=1.0,
        )

    with pytest.raises(
        ModelError,
        match=rf"cannot estimate the {re.escape(label)} quantile, which needs at least {needed}",
    ):
        scenario_table(paths_of(n_paths), quantiles=quantiles)
    assert len(scenario_table(paths_of(needed), quantiles=quantiles)) == 3  # 2 levels, 1 CAGR


def test_quantiles_given_as_fractions_are_refused() -> None:
    # Was: (0.05, 0.5, 0.95) gave the 0.05th, 0.5th and 0.95th percentiles, "p0_5" far
    # below the median; numpy's fractions are percents x 100 here: 5, 50, 95
    from idcforecast.errors import SpecError

    msg = (
        "quantiles [0.05, 0.5, 0.95] are all below 1: fractions? quantiles are percentiles "
        "here; for these pass (5, 50, 95)"
    )
    with pytest.raises(SpecError, match=re.escape(msg)):
        scenario_table(_two_scenarios(), quantiles=(0.05, 0.5, 0.95))
    from idcforecast.scenarios.tables import _check_quantiles

    assert _check_quantiles((0.5, 50)).tolist() == [0.005, 0.5]  # not all below 1: percents


def test_bare_number_range_threshold_is_refused_not_its_midpoint() -> None:
    # Was: "1-3" (a bare range, as --threshold 8000-9000 passes it) silently became its
    # midpoint 2 and answered P(value > 2); "1-3 CNY 100m" was refused already.
    from idcforecast.errors import SpecError

    with pytest.raises(
        SpecError,
        match=re.escape(
            "series 'demo': threshold '1-3' is a range; expected one level; pass its low or "
            "high end"
        ),
    ):
        prob_exceeds(_two_scenarios(), "1-3", 2027)


def test_upper_bound_threshold_is_refused() -> None:
    # Was: "不超过2亿元" (at most 2) answered P(value > 2) without a word, the opposite
    # of the event the text names; "超过" (more than) reads as the event and stays.
    from idcforecast.errors import SpecError

    paths = _two_scenarios()
    with pytest.raises(SpecError, match=re.escape("threshold '不超过1.5亿元' is an upper bound")):
        prob_exceeds(paths, "不超过1.5亿元", 2027)
    assert prob_exceeds(paths, "超过1.5亿元", 2027, scenario="weighted") == 0.7


@pytest.mark.parametrize("threshold", [None, [1.5, 2.5], True])
def test_threshold_of_another_type_is_a_spec_error(threshold: object) -> None:
    # Was: TypeError "float() argument must be a string or a real number" for None or a
    # list, and True read as the level 1.0.
    from idcforecast.errors import SpecError

    with pytest.raises(SpecError, match=r"threshold must be a number in the paths' unit"):
        prob_exceeds(_two_scenarios(), threshold, 2027)  # type: ignore[arg-type]


def test_threshold_as_a_quantity() -> None:
    # Was: TypeError; a parsed figure is what parse_quantity hands back.
    from idcforecast.units import parse_quantity

    paths = _two_scenarios()
    assert prob_exceeds(paths, parse_quantity("150 million yuan"), 2027, scenario="weighted") == (
        0.7
    )


def test_count_with_a_magnitude_word_says_to_write_the_unit() -> None:
    # Was: "cannot convert 'count 100m' (count) to 'CNY 100m' (money)" for "1.5亿".
    from idcforecast.errors import SpecError

    with pytest.raises(SpecError, match=re.escape("has a magnitude word but no unit")):
        prob_exceeds(_two_scenarios(), "1.5亿", 2027)


def test_weighted_without_weights_names_the_reason() -> None:
    # Was: "no scenario 'weighted' in the simulated paths; expected one of low, high".
    two = _two_scenarios()
    unweighted = Paths(values=two.values, years=two.years, scenarios=two.scenarios,
                       series_id="demo")  # fmt: skip
    with pytest.raises(UnknownNameError, match=re.escape("needs scenario weights")):
        prob_exceeds(unweighted, 1.5, 2027, scenario="weighted")


def test_weighted_row_with_all_weight_on_one_scenario_is_that_scenario() -> None:
    # Was: the mixture took the inverse weighted CDF while each scenario row took numpy's
    # interpolated quantile, so weights (1, 0) on two scenarios gave a "weighted" p10 one
    # order statistic below the scenario's own (3,866 against 3,889 with 2,000 simulated
    # China IDC paths); equal weights now give numpy's quantile of the pooled draws.
    rng = np.random.default_rng(3)
    draws = rng.lognormal(8.0, 0.6, size=(1, 2000, 2))
    other = draws * 1.5
    paths = Paths(values=np.concatenate([draws, other]), years=np.array([2026, 2027]),
                  scenarios=("a", "b"), weights=(1.0, 0.0), series_id="demo")  # fmt: skip
    table = scenario_table(paths).set_index(["scenario", "year"])
    cols = ["p5", "p10", "p50", "p90", "p95"]
    np.testing.assert_allclose(
        table.loc["weighted", cols].to_numpy(), table.loc["a", cols].to_numpy(), rtol=1e-12
    )
    equal = Paths(values=paths.values, years=paths.years, scenarios=("a", "b"),
                  weights=(0.5, 0.5), series_id="demo")  # fmt: skip
    mixed = scenario_table(equal).set_index(["scenario", "year"]).loc["weighted", cols]
    pooled = np.quantile(equal.values.transpose(2, 0, 1).reshape(2, -1), [0.05, 0.1, 0.5,
                         0.9, 0.95], axis=1).T  # fmt: skip
    np.testing.assert_allclose(mixed.to_numpy(), pooled, rtol=1e-12)


def test_a_power_threshold_against_racks_uses_the_given_rack_density() -> None:
    # scen25: "200 MW" against paths in racks was always read at 2.5 kW (80,000 racks), also
    # under `idcforecast scenarios --kw-per-rack 6`. 200 MW = 200,000 kW; / 6 kW = 33,333.3
    # racks: of the levels 1,000, 2,000, ..., 100,000 racks, 67 (34,000 up) exceed it; at
    # 2.5 kW (80,000 racks) 20 do (81,000 up)
    p = Paths(
        values=np.arange(1_000.0, 100_001.0, 1_000.0).reshape(1, 100, 1),
        years=np.array([2027]),
        scenarios=("base",),
        unit="racks",
    )
    assert prob_exceeds(p, "200 MW", 2027, scenario="base", kw_per_rack=6.0) == 0.67
    assert prob_exceeds(p, "200 MW", 2027, scenario="base") == 0.20


def test_a_threshold_in_another_currency_after_the_fx_table_holds_its_last_rate() -> None:
    # "US$150bn" in 2030 against paths in 亿元 was refused ("no FX rate for USD->CNY in
    # 2030"); then read at the last observed year's rate (2023's 7.0809: 10,621.35, 13 of
    # 20 paths above), while 2025's threshold took 2025's 7.1875 (the test below), so the
    # level jumped back between 2025 and 2026. Now the FX table's last rate held constant,
    # as driver figures and reconciliation read one: 2025 CNY/USD 7.1875 (data/fx_rates.csv):
    # US$150bn = 1,078.125 CNY bn = 10,781.25 CNY 100m. Levels 10,000, 10,100, ..., 11,900
    # (20 paths): 12 exceed it (10,800 up), as in 2025
    from idcforecast.errors import ScenarioWarning

    p = Paths(
        values=np.arange(10_000.0, 12_000.0, 100.0).reshape(1, 20, 1),
        years=np.array([2030]),
        scenarios=("base",),
        unit="CNY 100m",
        series_id="demo",
        origin_year=2023,
        origin_value=9_000.0,
    )
    with pytest.warns(ScenarioWarning) as caught:
        assert prob_exceeds(p, "US$150bn", 2030, scenario="base") == 0.6
    assert str(caught[0].message) == (
        "series 'demo': threshold 'US$150bn' in 2030: the FX table has no 2030 rate, so it is "
        # report56: the rate, its year and source named, and the level to the threshold's
        # digits: 150e9 x 7.1875 = 1.078125e12 yuan = 10,781.25 CNY 100m, 3 significant
        # digits (150's, three at least) 10,800 (was "10,781.2" at no stated rate)
        "read at the 2025 rate, 7.1875 CNY per USD, the 2025 annual average of Federal Reserve "
        "G.5A (the FX table's last year for the pair; exchange rates held constant): about "
        "10,800 CNY 100m (rounded to 3 significant digits); give a 2030 rate (--fx-rates "
        "FILE, idcforecast.units.fx.use_fx_rates) to use it, or pass the threshold in "
        "'CNY 100m'"
    )
    assert caught[0].filename == __file__  # the caller's line, not the package's


def test_a_threshold_in_another_currency_in_a_year_with_a_rate_uses_that_years_rate() -> None:
    # 2025 CNY/USD 7.1875: US$150bn = 10,781.25 CNY 100m; 12 of the 20 levels exceed it
    # (10,800 up); no warning (warnings are errors in the test run)
    p = Paths(
        values=np.arange(10_000.0, 12_000.0, 100.0).reshape(1, 20, 1),
        years=np.array([2025]),
        scenarios=("base",),
        unit="CNY 100m",
        origin_year=2023,
    )
    assert prob_exceeds(p, "US$150bn", 2025, scenario="base") == 0.6


def _share_paths() -> Paths:
    # a share in %: levels 40, 41, ..., 59 in 2028 (20 paths), last observed 40% in 2024
    return Paths(
        values=np.arange(40.0, 60.0).reshape(1, 20, 1),
        years=np.array([2028]),
        scenarios=("base",),
        unit="%",
        series_id="share",
        origin_year=2024,
        origin_value=40.0,
    )


@pytest.mark.parametrize("threshold", [0.5, "0.5"])
def test_a_fraction_as_threshold_on_a_share_is_noted(threshold: object) -> None:
    # Was: P(share > 0.5) was 100% without a word, 0.5 read as 0.5% (the series unit) where
    # 50% was probably meant. The number is kept (0.5%: every level exceeds it) with a note.
    from idcforecast.errors import ScenarioWarning

    with pytest.warns(ScenarioWarning) as caught:
        assert prob_exceeds(_share_paths(), threshold, 2028, scenario="base") == 1.0
    assert str(caught[0].message) == (
        f"series 'share': threshold {threshold!r} is 0.5% (a bare number is in the series "
        "unit), and the series was 40% in 2024; if 50% is meant, pass 50 (or '50%')"
    )
    assert caught[0].filename == __file__


def test_a_percent_threshold_on_a_share_is_not_noted() -> None:
    # 50 and "50%": levels 51..59 exceed it, 9 of 20 (no warning: they are errors here)
    assert prob_exceeds(_share_paths(), 50, 2028, scenario="base") == 0.45
    assert prob_exceeds(_share_paths(), "50%", 2028, scenario="base") == 0.45
