"""The path engine: analytic quantiles, scenario arithmetic, seeds and chunking."""

from __future__ import annotations

import math
import re
import warnings
from statistics import NormalDist

import numpy as np
import pytest

from idcforecast.errors import ModelError, ScenarioWarning
from idcforecast.scenarios.montecarlo import BLOCK_PATHS, simulate_paths

YEARS = np.array([2024, 2025, 2026])
MEAN = np.array([100.0, 120.0, 150.0])
SIGMA = np.array([0.10, 0.20, 0.25])
Z = np.array([NormalDist().inv_cdf(p) for p in (0.05, 0.10, 0.50, 0.90, 0.95)])


def test_log_scale_quantiles_match_lognormal() -> None:
    # Known distribution: log Y_h ~ N(log mean_h, sigma_h^2), so the p-quantile is
    # mean_h * exp(sigma_h * z_p) (e.g. year 3, p95: 150 * exp(0.41121) = 150 * 1.50865 = 226.30).
    # Standard error of a log-quantile at n = 200,000 is <= 0.005 * sigma: rtol 1% is > 7 SE.
    p = simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS, n_paths=200_000, seed=11)
    got = np.quantile(p.values[0], [0.05, 0.10, 0.50, 0.90, 0.95], axis=0)
    expected = MEAN[None, :] * np.exp(SIGMA[None, :] * Z[:, None])
    np.testing.assert_allclose(got, expected, rtol=0.01)
    assert expected[4, 2] == pytest.approx(226.30, abs=0.01)


def test_increments_are_independent_random_walk_steps() -> None:
    # Var(log Y_3 - log Y_2) = sigma_3^2 - sigma_2^2 = 0.0625 - 0.04 = 0.0225 (sd 0.15).
    p = simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS, n_paths=200_000, seed=3)
    step = np.diff(np.log(p.values[0]), axis=1)
    assert step[:, 1].std() == pytest.approx(0.15, rel=0.01)
    assert abs(np.corrcoef(step[:, 0], step[:, 1])[0, 1]) < 0.01


def test_level_scale_quantiles_match_normal() -> None:
    sigma = np.array([5.0, 8.0, 10.0])
    p = simulate_paths(mean=MEAN, sigma=sigma, years=YEARS, scale="level", n_paths=200_000, seed=5)
    got = np.quantile(p.values[0], [0.05, 0.10, 0.50, 0.90, 0.95], axis=0)
    np.testing.assert_allclose(got, MEAN + sigma * Z[:, None], atol=0.1)


def test_prob_of_exceeding_matches_lognormal_tail() -> None:
    from idcforecast.scenarios.tables import prob_exceeds

    p = simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS, n_paths=200_000, seed=8)
    # P(Y_2026 > 180) = 1 - Phi(log(180/150) / 0.25) = 1 - Phi(0.7293) = 0.2329
    expected = 1 - NormalDist().cdf(np.log(180 / 150) / 0.25)
    assert expected == pytest.approx(0.2329, abs=1e-4)
    assert prob_exceeds(p, 180.0, 2026, scenario="base") == pytest.approx(expected, abs=0.004)


def test_scenarios_share_draws_and_apply_exact_multipliers() -> None:
    spec = {
        "scenarios": {
            "base": {},
            "bull": {"growth": {"2025-2026": 0.1}},
            "bear": {"shocks": {"2025": -0.2}},
        }
    }
    p = simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS, scenarios=spec, n_paths=500, seed=2)
    base, bull, bear = p.values
    # growth compounds: x1 in 2024, x1.1 in 2025, x1.21 in 2026; the shock persists: x0.8
    np.testing.assert_allclose(bull / base, np.broadcast_to([1.0, 1.1, 1.21], base.shape))
    np.testing.assert_allclose(bear / base, np.broadcast_to([1.0, 0.8, 0.8], base.shape))


def test_caps_by_hand() -> None:
    # sigma = 0 makes every path the mean. Smooth cap at y = cap = 100:
    # 100 / (1 + 1^10)^(1/10) = 100 / 2^0.1 = 100 / 1.0717735 = 93.30330;
    # at y = 50: 50 / (1 + 0.5^10)^0.1 = 50 / 1.0000976 = 49.99512.
    spec = {
        "scenarios": {
            "smooth": {"cap": 100},
            "clip": {"cap": 100, "cap_mode": "clip"},
        }
    }
    p = simulate_paths(
        mean=np.array([50.0, 100.0, 400.0]),
        sigma=np.zeros(3),
        years=YEARS,
        scenarios=spec,
        n_paths=2,
        seed=0,
    )
    np.testing.assert_allclose(p.values[0, 0], [49.99512, 93.30330, 99.99999], atol=1e-5)
    np.testing.assert_allclose(p.values[1, 0], [50.0, 100.0, 100.0])


@pytest.mark.parametrize("chunk", [1, BLOCK_PATHS, 2 * BLOCK_PATHS + 1, 10**9])
def test_same_seed_same_numbers_whatever_the_chunking(chunk: int) -> None:
    n = 3 * BLOCK_PATHS + 17
    reference = simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS, n_paths=n, seed=42)
    chunked = simulate_paths(
        mean=MEAN, sigma=SIGMA, years=YEARS, n_paths=n, seed=42, chunk_paths=chunk
    )
    np.testing.assert_array_equal(chunked.values, reference.values)
    assert reference.seed == 42


def test_different_seeds_differ_and_none_is_recorded() -> None:
    a = simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS, n_paths=100, seed=1)
    b = simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS, n_paths=100, seed=2)
    assert not np.array_equal(a.values, b.values)
    fresh = simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS, n_paths=100)
    again = simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS, n_paths=100, seed=fresh.seed)
    np.testing.assert_array_equal(fresh.values, again.values)


def test_shrinking_sigma_is_raised_to_running_max() -> None:
    p = simulate_paths(
        mean=MEAN, sigma=np.array([0.2, 0.1, 0.3]), years=YEARS, n_paths=100_000, seed=4
    )
    sd = np.log(p.values[0]).std(axis=0)
    np.testing.assert_allclose(sd, [0.2, 0.2, 0.3], rtol=0.02)


def test_bad_inputs() -> None:
    with pytest.raises(
        ModelError,
        match=re.escape(
            "series 'series': log-scale paths need a positive mean; got [100.0, -1.0, 150.0]; "
            "use scale='level'"
        ),
    ):
        simulate_paths(mean=np.array([100.0, -1.0, 150.0]), sigma=SIGMA, years=YEARS)
    with pytest.raises(
        ModelError,
        match=re.escape("series 'series': years must be consecutive; got [2024, 2026, 2027]"),
    ):
        simulate_paths(mean=MEAN, sigma=SIGMA, years=np.array([2024, 2026, 2027]))
    with pytest.raises(ModelError, match=re.escape("n_paths must be a positive integer; got 0")):
        simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS, n_paths=0)


def test_to_frame_is_tidy() -> None:
    p = simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS, n_paths=4, seed=1, unit="CNY 100m")
    frame = p.to_frame()
    assert list(frame.columns) == ["series_id", "scenario", "path", "year", "value", "unit"]
    assert len(frame) == 12
    row = frame.iloc[5]  # path 1, third year
    assert (row["path"], row["year"], row["value"]) == (1, 2026, p.values[0, 1, 2])


def test_cap_as_figure_text() -> None:
    # cap "1.2万亿元" = 1.2e12 yuan = 12000 in "CNY 100m"
    spec = {"scenarios": {"capped": {"cap": "1.2万亿元", "cap_mode": "clip"}}}
    p = simulate_paths(
        mean=np.array([10_000.0, 20_000.0, 30_000.0]), sigma=np.zeros(3), years=YEARS,
        scenarios=spec, n_paths=1, seed=0, unit="CNY 100m",
    )  # fmt: skip
    np.testing.assert_allclose(p.values[0, 0], [10_000.0, 12_000.0, 12_000.0])
    # a bare number as text is in the series unit, as a threshold is (was: refused as a
    # "count" that cannot convert to CNY 100m)
    spec = {"scenarios": {"capped": {"cap": "12000", "cap_mode": "clip"}}}
    p = simulate_paths(
        mean=np.array([10_000.0, 20_000.0, 30_000.0]), sigma=np.zeros(3), years=YEARS,
        scenarios=spec, n_paths=1, seed=0, unit="CNY 100m",
    )  # fmt: skip
    np.testing.assert_allclose(p.values[0, 0], [10_000.0, 12_000.0, 12_000.0])


def test_adjustments_before_the_simulated_years_are_errors_after_them_later_years() -> None:
    from idcforecast.errors import SpecError

    with pytest.raises(
        SpecError,
        match=re.escape(
            "<dict>: scenario 'bear' key 'shocks': year 2020 is before the simulated years "
            "2024-2026 (a year of the history?); move the shock into the forecast years"
        ),
    ):
        simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS,
                       scenarios={"scenarios": {"bear": {"shocks": {"2020": -0.1}}}})  # fmt: skip
    with pytest.raises(
        SpecError,
        match=re.escape(
            "<dict>: scenario 'bull' key 'growth': every period ends before the simulated "
            "years 2024-2026 (periods cover 2015-2017); fix the years"
        ),
    ):
        spec = {"scenarios": {"bull": {"growth": {"2015-2017": 0.1}}}}
        simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS, scenarios=spec)
    # one simulated year: "year 2024", not "years 2024-2024"
    one = {"mean": MEAN[:1], "sigma": SIGMA[:1], "years": YEARS[:1]}
    msg = "'shocks': year 2020 is before the simulated year 2024 (a year of the history?)"
    with pytest.raises(SpecError, match=re.escape(msg)):
        simulate_paths(**one, scenarios={"scenarios": {"bear": {"shocks": {"2020": -0.1}}}})
    # was an error ("outside the simulated years"): the bundled spec's 2026 shock broke
    # every horizon before 2026. Years after the horizon are the spec's later years: no
    # effect on the simulated ones, the paths those of a plain case with the same seed
    later = {"scenarios": {"base": {}, "bear": {"shocks": {"2030": -0.1},
                                                "growth": {"2205-2207": 0.1}}}}  # fmt: skip
    with pytest.warns(ScenarioWarning, match="scenario 'bear' changes nothing"):
        p = simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS, scenarios=later, n_paths=50, seed=3)
    np.testing.assert_array_equal(p.values[1], p.values[0])


def test_heavy_tailed_quantiles_match_scaled_t() -> None:
    # With spread s and tail_df 4, log Y_h = log mean_h + s * sigma_h * T, T ~ t(4):
    # the p-quantile is mean_h * exp(s * sigma_h * t_4(p)); t_4(0.95) = 2.1318 (scipy, tables).
    from scipy.stats import t

    p = simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS, n_paths=200_000, seed=21,
                       spread=0.79, tail_df=4.0)  # fmt: skip
    probs = np.array([0.05, 0.10, 0.50, 0.90, 0.95])
    got = np.quantile(p.values[0], probs, axis=0)
    expected = MEAN * np.exp(0.79 * SIGMA * t.ppf(probs, 4)[:, None])
    np.testing.assert_allclose(got, expected, rtol=0.01)
    assert t.ppf(0.95, 4) == pytest.approx(2.1318, abs=1e-4)


@pytest.mark.parametrize("chunk", [BLOCK_PATHS, 10**9])
def test_heavy_tails_are_chunk_invariant_too(chunk: int) -> None:
    kwargs = {"mean": MEAN, "sigma": SIGMA, "years": YEARS, "n_paths": 2 * BLOCK_PATHS + 3,
              "seed": 9, "spread": 0.79, "tail_df": 4.0}  # fmt: skip
    np.testing.assert_array_equal(
        simulate_paths(**kwargs, chunk_paths=chunk).values, simulate_paths(**kwargs).values
    )


def test_cap_in_the_wrong_dimension_names_the_scenario() -> None:
    from idcforecast.errors import SpecError

    with pytest.raises(
        SpecError,
        match=re.escape(
            "<dict>: scenario 'a' key 'cap' '5 MW' cannot be read in the series unit 'CNY 100m': "
            "cannot convert 'MW' (power) to 'CNY 100m' (money)"
        ),
    ):
        simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS, unit="CNY 100m",
                       scenarios={"scenarios": {"a": {"cap": "5 MW"}}})  # fmt: skip


def test_cap_at_or_below_the_last_observation_is_a_spec_error() -> None:
    # Was accepted: a clip at 80 below the last observation 90 set every path to 80 at once.
    from idcforecast.errors import SpecError

    with pytest.raises(
        SpecError,
        match=re.escape(
            "<dict>: scenario 'bear' key 'cap' 80 CNY 100m, not above the last "
            "observation 90 (2023); expected a ceiling above the current level; raise the cap "
            "(same unit as the series) or drop it"
        ),
    ):
        bear = {"scenarios": {"bear": {"cap": 80, "cap_mode": "clip"}}}
        simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS, unit="CNY 100m",
                       origin_year=2023, origin_value=90.0, scenarios=bear)  # fmt: skip
    # '1万亿元' = 1e12 yuan = 10000 in 'CNY 100m': above 90, accepted
    p = simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS, unit="CNY 100m", n_paths=10,
                       origin_year=2023, origin_value=90.0, seed=1,
                       scenarios={"scenarios": {"bull": {"cap": "1万亿元"}}})  # fmt: skip
    assert p.values.shape == (1, 10, 3)


def test_cap_as_a_text_range_is_refused() -> None:
    # Was: '1-2万亿元' became its midpoint 1.5万亿元 (convert() reads a range as the midpoint)
    from idcforecast.errors import SpecError

    with pytest.raises(
        SpecError,
        match=re.escape(
            "<dict>: scenario 'bull' key 'cap' '1-2万亿元' is a range; expected one ceiling; "
            "pass its low or high end (or one scenario for each)"
        ),
    ):
        simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS, unit="CNY 100m",
                       scenarios={"scenarios": {"bull": {"cap": "1-2万亿元"}}})  # fmt: skip


def test_spec_unit_must_agree_with_the_series_unit() -> None:
    # Was: never checked; a spec in 'USD bn' ran on a 'CNY 100m' series, its cap read in 亿元
    from idcforecast.errors import SpecError

    def run(spec_unit: str, unit: str = "CNY 100m") -> object:
        spec = {"unit": spec_unit, "scenarios": {"bull": {"cap": 1000}}}
        return simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS, unit=unit, n_paths=2,
                              seed=0, scenarios=spec)  # fmt: skip

    with pytest.raises(
        SpecError,
        match=re.escape(
            "<dict>: the spec's key 'unit' is 'USD bn' but series 'series' is in 'CNY 100m'; "
            "the spec's numbers (caps) are in its unit: use a spec written for this series' "
            "unit, or correct its 'unit'"
        ),
    ):
        run("USD bn")
    with pytest.raises(SpecError, match=re.escape("is '亿美元' (USD 100m) but series")):
        run("亿美元")
    # a unit the series converts to at an FX rate: the third fix is to read it in that unit
    # (a spec in CNY bn for a series in 亿元 is another magnitude of it: rescaled, below)
    with pytest.raises(SpecError) as info:
        run("USD bn")
    assert str(info.value).endswith(
        "or read the series in 'USD bn' (money at each year's FX rate): "
        "read_series(..., unit='USD bn')"
    )
    with pytest.raises(SpecError) as info:
        run("MW")
    assert str(info.value).endswith("or correct its 'unit'")  # no conversion: no third fix
    with pytest.raises(SpecError, match=re.escape("is 'MW' but series 'series' is in '亿元' (")):
        run("MW", unit="亿元")
    # one unit spelled two ways agrees; a spec or a series without a unit is not checked
    for spec_unit, unit in (("亿元", "CNY 100m"), ("CNY 100m", "亿元"), ("", "MW"), ("MW", "")):
        assert run(spec_unit, unit).values.shape == (1, 2, 3)  # type: ignore[attr-defined]
    # the same currency in another magnitude is read in the spec's (as simulate() does)
    in_bn = run("CNY bn")
    assert in_bn.unit == "CNY bn"  # type: ignore[attr-defined]
    assert "was rescaled to it for the simulation (divided by 10;" in in_bn.note  # type: ignore[attr-defined]


@pytest.mark.parametrize("seed", [-1, 1.5, True, "7"])
def test_a_bad_seed_is_a_typed_error(seed: object) -> None:
    # uat12: seed=-1 raised NumPy's bare ValueError, 1.5 a TypeError, from deep inside
    with pytest.raises(
        ModelError, match=re.escape(f"seed must be a whole number 0 or more, or None; got {seed!r}")
    ):
        simulate_paths(
            mean=np.array([100.0]),
            sigma=np.array([0.1]),
            years=np.array([2025]),
            seed=seed,  # type: ignore[arg-type]
        )


def test_a_scenario_entirely_after_the_horizon_is_named() -> None:
    # uat12: growth 2040-2045 simulated to 2025 gave rows identical to the base case, silently
    spec = {"scenarios": {"base": {}, "bull": {"growth": {"2040-2045": 0.04}},
                          "near": {"growth": {"2025": 0.1}}}}  # fmt: skip
    with pytest.warns(ScenarioWarning) as caught:
        paths = simulate_paths(mean=MEAN[:2], sigma=SIGMA[:2], years=np.array([2024, 2025]),
                               scenarios=spec, n_paths=200, seed=1)  # fmt: skip
    assert [str(w.message) for w in caught] == [
        "<dict>: scenario 'bull' changes nothing in the simulated years 2024-2025: its "
        "growth periods and shocks start in 2040, after 2025, so it equals the base case here; "
        "simulate to 2045 to see it"
    ]
    np.testing.assert_array_equal(paths.values[1], paths.values[0])  # bull is the base here
    assert not np.array_equal(paths.values[2], paths.values[0])  # near is not


def test_a_longer_horizon_repeats_the_shorter_runs_years() -> None:
    # uat12: the same seed gave P(> 8000 in 2027) 51.0% run to 2027 and 51.9% run to 2030;
    # draws are now made year by year, so the first years' paths are the same (heavy tails
    # too: their scale comes from the block's own stream)
    for tail_df in (math.inf, 4.0):
        short = simulate_paths(mean=MEAN[:2], sigma=SIGMA[:2], years=YEARS[:2], n_paths=9000,
                               seed=5, tail_df=tail_df)  # fmt: skip
        long = simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS, n_paths=9000, seed=5,
                              tail_df=tail_df)  # fmt: skip
        np.testing.assert_array_equal(long.values[:, :, :2], short.values)


def test_paths_that_cannot_be_allocated_are_a_model_error() -> None:
    # scen25: from Python, simulate_paths raised NumPy's _ArrayMemoryError ("Unable to
    # allocate ...", only the command line translated it); 1e15 paths x 2 years x 8 bytes =
    # 1.6e16 bytes = 14,901,161.2 GiB, beyond any address space, and refused before seeding
    with pytest.raises(
        ModelError,
        match=re.escape(
            "series 'series': 1,000,000,000,000,000 paths x 2 years x 1 scenario need "
            "14,901,161.2 GiB (8 bytes a value, all held at once), more than this machine can "
            "allocate; lower n_paths (--paths on the command line; default 10,000)"
        ),
    ):
        simulate_paths(
            mean=np.array([100.0, 110.0]),
            sigma=np.array([0.1, 0.2]),
            years=np.array([2025, 2026]),
            n_paths=10**15,
            seed=0,
        )


def test_a_cap_in_power_on_racks_converts_at_the_given_rack_density() -> None:
    # scen26: a cap of "600 MW" against a series of racks was always read at 2.5 kW a rack
    # (simulate had no kw_per_rack). 600 MW = 600,000 kW: 240,000 racks at 2.5 kW,
    # 100,000 at 6 kW. Zero sigma, clip: the paths are min(mean, cap).
    from idcforecast.errors import SpecError

    spec = {"scenarios": {"capped": {"cap": "600 MW", "cap_mode": "clip"}}}
    mean = np.array([90_000.0, 150_000.0, 300_000.0])
    kw = {"mean": mean, "sigma": np.zeros(3), "years": YEARS, "scenarios": spec, "n_paths": 1,
          "seed": 0, "unit": "racks", "origin_year": 2023, "origin_value": 80_000.0}  # fmt: skip
    p = simulate_paths(**kw, kw_per_rack=6)  # type: ignore[arg-type]
    np.testing.assert_allclose(p.values[0, 0], [90_000.0, 100_000.0, 100_000.0])
    assert p.note == (
        "scenario 'capped': cap '600 MW' read as 100,000 racks at 6 kW per rack (kw_per_rack)"
    )
    p = simulate_paths(**kw)  # type: ignore[arg-type]
    np.testing.assert_allclose(p.values[0, 0], [90_000.0, 150_000.0, 240_000.0])
    assert "read as 240,000 racks at 2.5 kW per rack" in p.note
    # a cap in the series' own dimension needs no density and gets no note
    same = {"scenarios": {"capped": {"cap": "10万架", "cap_mode": "clip"}}}
    assert simulate_paths(**{**kw, "scenarios": same}, kw_per_rack=6).note == ""  # type: ignore[arg-type]
    # at 10 kW, 600 MW is 60,000 racks, below the last observation: the density is named
    with pytest.raises(
        SpecError,
        match=re.escape(
            "<dict>: scenario 'capped' key 'cap' '600 MW' is 60000 racks at 10 kW per rack, "
            "not above the last observation 80000 (2023); expected a ceiling above the current "
            "level; raise the cap (same unit as the series), give the rack density "
            "(kw_per_rack=, --kw-per-rack), or drop it"
        ),
    ):
        simulate_paths(**kw, kw_per_rack=10)  # type: ignore[arg-type]
    # a density that is no positive number is refused before anything is drawn
    from idcforecast.errors import UnitError

    with pytest.raises(UnitError, match=re.escape("kw_per_rack: expected a positive number")):
        simulate_paths(**{**kw, "scenarios": None}, kw_per_rack=0)  # type: ignore[arg-type]


def test_growth_or_shocks_on_a_forecast_below_zero_are_refused() -> None:
    # scen26: adjustments multiply the level, so "+10% growth" on a forecast of -27.5 made
    # it -30.25 (a deeper loss) and a -20% shock made a loss smaller. Level scale, mean
    # 5, -1, -4 (2024-2026): growth +5% a year in 2025-2026 multiplies -1 by 1.05 = -1.05.
    from idcforecast.errors import SpecError

    mean = np.array([5.0, -1.0, -4.0])
    kw = {"mean": mean, "sigma": np.zeros(3), "years": YEARS, "scale": "level",
          "n_paths": 1, "seed": 0, "series_id": "net_adds"}  # fmt: skip
    with pytest.raises(
        SpecError,
        match=re.escape(
            "<dict>: scenario 'bull' key 'growth' adjusts series 'net_adds' in 2 years where "
            "its forecast is at or below zero (2025-2026; -1 in 2025); growth and shocks "
            "multiply the level, so x1.05 would make it -1.05, the wrong way for a level "
            "below zero; scenario adjustments need a positive series (a market size, a "
            "capacity): drop the growth and shocks for this series, or simulate its positive "
            "parts (e.g. revenue and cost) separately"
        ),
    ):
        simulate_paths(**kw, scenarios={"scenarios": {"bull": {"growth": {"2025-2026": 0.05}}}})  # type: ignore[arg-type]
    # a shock in 2024, where the forecast is positive, still multiplies 2025 and 2026
    # (a permanent shift): x0.8, -1 -> -0.8
    with pytest.raises(SpecError, match=re.escape("key 'shocks' adjusts series 'net_adds' in 2")):
        simulate_paths(**kw, scenarios={"scenarios": {"bear": {"shocks": {"2024": -0.2}}}})  # type: ignore[arg-type]
    # adjustments only where the forecast is positive are kept: 5 x 1.1 = 5.5
    mean[1:] = [6.0, 7.0]
    p = simulate_paths(**kw, scenarios={"scenarios": {"bull": {"growth": {"2024": 0.1}}}})  # type: ignore[arg-type]
    np.testing.assert_allclose(p.values[0, 0], [5.5, 6.6, 7.7])
    # no adjustment at all: a negative forecast simulates as before
    mean[1:] = [-1.0, -4.0]
    assert simulate_paths(**kw).values[0, 0].tolist() == [5.0, -1.0, -4.0]  # type: ignore[arg-type]


def test_a_cap_in_another_currency_says_its_fx_year() -> None:
    # scen26: "US$200bn" against a series in 亿元 converted at the last observed year's FX
    # rate without a word. Federal Reserve G.5A 2023 average 7.0809 CNY per USD:
    # 200e9 x 7.0809 = 1.41618e12 yuan = 14,161.8 亿元. Zero sigma, clip: min(mean, cap).
    spec = {"scenarios": {"capped": {"cap": "US$200bn", "cap_mode": "clip"}}}
    p = simulate_paths(
        mean=np.array([10_000.0, 13_000.0, 16_000.0]), sigma=np.zeros(3), years=YEARS,
        scenarios=spec, n_paths=1, seed=0, unit="CNY 100m", origin_year=2023,
        origin_value=9_000.0,
    )  # fmt: skip
    np.testing.assert_allclose(p.values[0, 0], [10_000.0, 13_000.0, 14_161.8])
    assert (
        p.note == "scenario 'capped': cap 'US$200bn' read as 14,161.8 CNY 100m at the 2023 FX rate"
    )
    # the series' own currency in other words ("1.2万亿元") needs no rate and gets no note
    spec = {"scenarios": {"capped": {"cap": "1.2万亿元", "cap_mode": "clip"}}}
    p = simulate_paths(
        mean=np.array([10_000.0, 13_000.0, 16_000.0]), sigma=np.zeros(3), years=YEARS,
        scenarios=spec, n_paths=1, seed=0, unit="CNY 100m", origin_year=2023,
        origin_value=9_000.0,
    )  # fmt: skip
    assert p.note == ""


def test_growth_years_in_the_history_are_named_not_dropped_in_silence() -> None:
    # "2022-2025" on paths from 2024: 2022 and 2023 are history, left out without a word
    # (the shock before 2024 and growth that all ends before 2024 were refused already)
    spec = {"scenarios": {"bull": {"growth": {"2022-2025": 0.1}}}}
    with pytest.warns(ScenarioWarning, match=re.escape(
        "scenario 'bull' key 'growth': years 2022-2023 are history (the simulation starts "
        "in 2024) and left out; the growth adjustments apply from 2024"
    )):  # fmt: skip
        p = simulate_paths(mean=MEAN, sigma=np.zeros(3), years=YEARS, scenarios=spec)
    # and what is applied is what the warning says: x1.1 in 2024, x1.1^2 from 2025 on
    # (100 * 1.1 = 110, 120 * 1.21 = 145.2, 150 * 1.21 = 181.5)
    np.testing.assert_allclose(p.values[0, 0], [110.0, 145.2, 181.5])
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # a period starting in the first simulated year: quiet
        later = {"scenarios": {"bull": {"growth": {"2024-2025": 0.1}}}}
        simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS, n_paths=50, scenarios=later)


def test_a_cap_of_a_million_racks_or_more_is_written_out_in_the_note() -> None:
    # 3,000 MW = 3,000,000 kW = 1,200,000 racks at 2.5 kW; the note said "1.2e+06 racks"
    spec = {"scenarios": {"capped": {"cap": "3000 MW"}}}
    p = simulate_paths(mean=np.array([500_000.0, 600_000.0, 700_000.0]), sigma=np.zeros(3),
                       years=YEARS, scenarios=spec, n_paths=1, unit="racks",
                       origin_year=2023, origin_value=430_000.0)  # fmt: skip
    assert p.note == (
        "scenario 'capped': cap '3000 MW' read as 1,200,000 racks at 2.5 kW per rack (kw_per_rack)"
    )


def test_n_paths_given_as_a_whole_float_names_the_integer() -> None:
    # n_paths=1e5 was refused with "got 100000.0" and no fix, where a float horizon is told
    # "7.0 is a float: pass the integer 7"
    with pytest.raises(ModelError, match=re.escape(
        "n_paths must be a positive integer; got 100000.0; 100000.0 is a float: pass the "
        "integer 100000"
    )):  # fmt: skip
        simulate_paths(mean=MEAN, sigma=SIGMA, years=YEARS, n_paths=1e5)  # type: ignore[arg-type]
