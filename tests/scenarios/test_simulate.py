"""simulate(data, ...): series selection and the wiring to the forecasting engine."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from idcforecast.errors import DataError, UnknownMethodError, UnknownSeriesError
from idcforecast.scenarios import simulate

TWO = pd.DataFrame(
    {
        "series_id": ["east"] * 3 + ["west"] * 3,
        "year": [2021, 2022, 2023] * 2,
        "value": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0],
    }
)


def test_several_series_need_a_series_id() -> None:
    with pytest.raises(
        DataError,
        match=re.escape(
            "simulate: data holds 2 series (east, west); pass series_id= to choose one"
        ),
    ):
        simulate(TWO, 3)


def test_unknown_series_suggests_a_close_one() -> None:
    with pytest.raises(
        UnknownSeriesError,
        match=re.escape(
            "simulate: series 'eats' is not in the data (found east, west); did you mean 'east'?"
        ),
    ):
        simulate(TWO, 3, series_id="eats")


def test_a_spec_for_a_series_not_in_the_data_names_the_spec() -> None:
    spec = {"series_id": "north", "scenarios": {"base": {"cap": 100}}}
    with pytest.raises(
        UnknownSeriesError,
        match=re.escape(
            "simulate: series 'north' (the series_id of scenario spec <dict>) is not in the "
            "data (found east, west); a spec's growth, shocks and caps are written for its "
            "series: use a spec written for the series simulated here"
        ),
    ):
        simulate(TWO, 3, scenarios=spec)


def test_missing_column() -> None:
    with pytest.raises(
        DataError,
        match=re.escape(
            "simulate: data has no column 'value'; expected a tidy frame with series_id, year, "
            "value (found series_id, year)"
        ),
    ):
        simulate(TWO[["series_id", "year"]], 3)


def _history() -> pd.DataFrame:
    from idcforecast.datasets import load_dataset

    data = load_dataset("china_idc_market")
    return data[data["series_id"] == "china_idc_cidc_overall"]


def test_simulate_samples_the_forecast_engines_distribution() -> None:
    # The paths must follow the distribution of the engine's intervals (SeriesForecast.
    # interval) as its own sampler (SeriesForecast.sample_paths) does: quantiles of 200,000
    # paths from each against the interval bounds, per year (40,000 paths left the 5% tail
    # of year 5 up to 1.6% off by chance: one path's heavy-tail draw moves all its years)
    import numpy as np

    from idcforecast._series import prepare_values
    from idcforecast.forecasting import forecast_array

    history = _history()
    paths = simulate(history, 5, n_paths=200_000, seed=1)
    prepared = prepare_values(history["year"].to_numpy(), history["value"].to_numpy())
    fc = forecast_array(
        prepared.values, horizon=5, first_year=prepared.first_year, observed=prepared.observed
    )
    engine = fc.sample_paths(200_000, seed=2)
    for level in (80, 90):
        tail = (1 - level / 100) / 2
        bounds = np.stack(fc.interval(level))
        for sample in (paths.values[0], engine):
            got = np.quantile(sample, [tail, 1 - tail], axis=0)
            np.testing.assert_allclose(got, bounds, rtol=0.02)  # 40 seeds: worst 1.5% off
    np.testing.assert_allclose(np.median(paths.values[0], axis=0), fc.mean, rtol=0.01)
    assert paths.years.tolist() == [2024, 2025, 2026, 2027, 2028]
    assert (paths.origin_year, paths.origin_value) == (2023, 5078.3)
    assert paths.unit == "CNY 100m" and paths.model == fc.model


def test_simulate_with_the_example_spec_is_reproducible() -> None:
    import numpy as np

    from idcforecast._paths import data_dir

    spec = data_dir() / "scenarios" / "china_idc_example.toml"
    a = simulate(_history(), 7, n_paths=2_000, scenarios=spec, seed=5)
    b = simulate(_history(), 7, n_paths=2_000, scenarios=spec, seed=5, chunk_paths=1)
    np.testing.assert_array_equal(a.values, b.values)
    assert a.scenarios == ("base", "bull", "bear") and a.weights == (0.5, 0.25, 0.25)
    # bear is clipped at 9000 亿元; bull (+4% in 2024) is above base until the smooth cap
    # bites: below 0.6 x cap the smoothing takes less than 1% (the spec's comment), so every
    # such path is higher; only the heavy upper tail of first-year draws (t with 4 degrees of
    # freedom, about 2% of paths above 12000 from 5078 in 2023) gets near the 20000 cap
    assert a.scenario("bear").max() <= 9000.0
    base, bull = a.scenario("base")[:, 0], a.scenario("bull")[:, 0]
    below = base < 0.6 * 20000.0
    assert below.mean() > 0.95
    assert np.all(bull[below] > base[below])


def test_simulate_checks_the_spec_unit_against_the_series() -> None:
    from idcforecast.errors import SpecError

    spec = {"unit": "MW", "scenarios": {"bull": {"cap": 20000}}}
    with pytest.raises(
        SpecError,
        match=re.escape(
            "<dict>: the spec's key 'unit' is 'MW' but series 'china_idc_cidc_overall' is in "
            "'CNY 100m'; the spec's numbers (caps) are in its unit"
        ),
    ):
        simulate(_history(), 3, n_paths=10, scenarios=spec, seed=0)
    spec["unit"] = "亿元"  # the series' own unit, spelled in Chinese
    assert simulate(_history(), 3, n_paths=10, scenarios=spec, seed=0).unit == "CNY 100m"


def test_series_input_goes_through_the_forecast_validation() -> None:
    # Was: a yearly PeriodIndex became years 45-50 (ordinals since 1970), so the paths were
    # labelled 51-53; a DatetimeIndex raised a raw MemoryError; NaN in a Series was dropped
    # silently (a NaN in a frame was an error).
    import numpy as np

    from idcforecast.errors import NonNumericValueError

    values = [100.0, 120, 150, 170, 210, 260]
    by_period = pd.Series(values, index=pd.period_range("2015", periods=6, freq="Y"))
    by_date = pd.Series(values, index=pd.date_range("2015", periods=6, freq="YE"))
    by_int = pd.Series(values, index=range(2015, 2021))
    expected = simulate(by_int, 3, n_paths=50, seed=4)
    for series in (by_period, by_date):
        paths = simulate(series, 3, n_paths=50, seed=4)
        assert paths.years.tolist() == [2021, 2022, 2023]
        np.testing.assert_array_equal(paths.values, expected.values)
    with pytest.raises(
        NonNumericValueError,
        match=re.escape("Series: year 2017 is NaN; expected a number for every year"),
    ):
        simulate(by_int.where(by_int.index != 2017), 3, n_paths=50, seed=4)


def test_mixed_units_and_repeated_years_in_the_chosen_series() -> None:
    # Was: 'CNY 100m' and 'CNY bn' rows simulated as one series with no unit; a repeated
    # year passed through. Only the chosen series is checked: 'west' is clean.
    from idcforecast.errors import DuplicateYearError, MixedUnitsError

    mixed = TWO.assign(unit=["CNY 100m", "CNY 100m", "CNY bn"] + ["CNY 100m"] * 3)
    with pytest.raises(
        MixedUnitsError,
        match=re.escape("series 'east' mixes units 'CNY 100m', 'CNY bn'; convert to one unit"),
    ):
        simulate(mixed, 2, n_paths=10, seed=1, series_id="east", method="naive")
    assert simulate(mixed, 2, n_paths=10, seed=1, series_id="west", method="naive").unit == (
        "CNY 100m"
    )
    repeated = TWO.assign(year=[2021, 2021, 2023, 2021, 2022, 2023])
    with pytest.raises(
        DuplicateYearError,
        match=re.escape("series 'east' has 2 values for year 2021 (1.0, 2.0); keep one row"),
    ):
        simulate(repeated, 2, n_paths=10, seed=1, series_id="east", method="naive")


def test_the_first_paths_do_not_depend_on_n_paths() -> None:
    import numpy as np

    from idcforecast import forecast_paths

    history = _history()
    many = simulate(history, 3, n_paths=10_000, seed=7).values  # 8,192 + a partial block
    for fewer in (300, 8_192, 9_000):
        np.testing.assert_array_equal(
            many[:, :fewer], simulate(history, 3, n_paths=fewer, seed=7).values
        )
    y = history["value"].to_numpy()[-8:]
    np.testing.assert_array_equal(
        forecast_paths(y, horizon=3, n_paths=1_000, seed=3)[:250],
        forecast_paths(y, horizon=3, n_paths=250, seed=3),
    )


def _bundled(name: str) -> object:
    from idcforecast._paths import data_dir

    return data_dir() / "scenarios" / name


def test_a_spec_for_another_series_is_refused_for_a_plain_series_too() -> None:
    # Was: a year-indexed Series (no series_id column) took the China IDC spec's growth,
    # shocks and 亿元 caps without a word, though a tidy frame of that series was refused
    # and the spec docs say simulate "refuses data without it".
    history = pd.Series([100.0, 120, 150, 175, 210, 260, 300, 350], index=range(2016, 2024),
                        name="demo")  # fmt: skip
    with pytest.raises(
        UnknownSeriesError,
        match=re.escape(
            "simulate: the data is one series, 'demo', not 'china_idc_cidc_overall' (the "
            "series_id of scenario spec"
        ),
    ):
        simulate(history, 3, n_paths=100, scenarios="china_idc_example.toml", seed=0)
    # asked for by name, the spec applies (to 2026: the bear's 2026 shock is simulated)
    paths = simulate(history, 3, n_paths=100, scenarios="china_idc_example.toml", seed=0,
                     series_id="demo")  # fmt: skip
    assert paths.series_id == "demo" and paths.scenarios == ("base", "bull", "bear")
    # and says so (it ran without a word, the China IDC caps applied to 'demo')
    assert paths.note.startswith(
        "scenario spec " + str(_bundled("china_idc_example.toml")) + " is written for series "
        "'china_idc_cidc_overall', applied to 'demo', the series asked for"
    )
    with pytest.raises(UnknownSeriesError, match=re.escape("not 'x'; pass series_id='demo'")):
        simulate(history, 2, n_paths=100, seed=0, series_id="x")


def test_paths_carry_the_note_forecast_writes() -> None:
    # scen25: simulate() filled gap years (and fell back to fewer members) in silence, while
    # forecast() says so in its note column; the paths now carry that same note
    from idcforecast import forecast

    gappy = pd.DataFrame(
        {
            "series_id": "mw",
            "year": [2015, 2016, 2018, 2019, 2020, 2021, 2022],
            "value": [120.0, 150, 240, 300, 390, 480, 560],
            "unit": "MW",
        }
    )
    paths = simulate(gappy, 3, n_paths=100, seed=0)
    assert paths.note == "gap year 2017 filled log-linearly for fitting only"
    assert paths.note == forecast(gappy, 3)["note"].iloc[0]
    assert repr(paths).endswith(
        "seed=0, note='gap year 2017 filled log-linearly for fitting only')"
    )
    # four points: "auto" leaves out 'damped', as forecast() notes it
    short = gappy[gappy["year"] >= 2019]
    assert simulate(short, 2, n_paths=100, seed=0).note == forecast(short, 2)["note"].iloc[0]
    assert "left out 'damped'" in simulate(short, 2, n_paths=100, seed=0).note
    # nothing to say (eight consecutive years): no note
    full = pd.concat([gappy, gappy.head(1).assign(year=2017, value=190.0)])
    assert simulate(full, 2, n_paths=100, seed=0).note == ""
    assert forecast(full, 2)["note"].iloc[0] == ""


@pytest.mark.parametrize("method", [["auto", "drift"], None])
def test_a_list_of_methods_is_refused_in_simulates_words(method: object) -> None:
    # scen25: the message named forecast_array ("forecast_array takes one method ... call it
    # once per alias"), a function the caller never called
    with pytest.raises(
        UnknownMethodError,
        match=re.escape(
            f"simulate: method must be one model alias such as 'auto' or 'drift'; got "
            f"{method!r}; paths come from one model: call simulate once per method"
        ),
    ):
        simulate(TWO, 3, series_id="east", method=method)  # type: ignore[arg-type]


def test_a_series_id_that_is_a_number_picks_that_series() -> None:
    # ids that are numbers (5, 7) are compared as text ("5"), as forecast() writes them;
    # series_id=5 raised a bare TypeError "'int' object is not iterable"
    import numpy as np

    data = TWO.assign(series_id=[5] * 3 + [7] * 3)
    by_number = simulate(data, 2, series_id=5, seed=0, n_paths=50, method="drift")
    by_text = simulate(data, 2, series_id="5", seed=0, n_paths=50, method="drift")
    assert by_number.series_id == "5"
    np.testing.assert_array_equal(by_number.values, by_text.values)
    assert (
        simulate(data, 2, series_id=np.int64(7), seed=0, n_paths=50, method="drift").series_id
        == "7"
    )
    with pytest.raises(UnknownSeriesError, match=re.escape("series '6' is not in the data")):
        simulate(data, 2, series_id=6, method="drift")
    with pytest.raises(UnknownSeriesError, match=re.escape("got list ['5']")):
        simulate(data, 2, series_id=["5"], method="drift")  # type: ignore[arg-type]


def test_scenarios_of_another_type_are_a_spec_error() -> None:
    from idcforecast.errors import SpecError

    with pytest.raises(SpecError, match=re.escape("got list ['bull']")):  # was a TypeError
        simulate(TWO, 2, series_id="east", scenarios=["bull"], method="drift")  # type: ignore[arg-type]


def test_simulated_paths_use_forecasts_sigma_for_a_series_with_a_bound_year(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Paths share forecast()'s error distribution: with 2023 published as a bound ("more
    than 161.051") forecast() leaves it out of the interval calibration, and so does
    simulate (it scored it as exact: sigma 0.124269 where forecast() has 0.129051)."""
    import numpy as np

    import idcforecast.scenarios.montecarlo as montecarlo
    from idcforecast import forecast_array

    values = [100.0, 110.0, 121.0, 133.1, 146.41, 161.051]
    frame = pd.DataFrame(
        {
            "series_id": "s",
            "year": range(2018, 2024),
            "value": values,
            "unit": "MW",
            "qualifier": ["exact"] * 5 + ["at_least"],
        }
    )
    seen = {}

    def spy(**kwargs):  # type: ignore[no-untyped-def]
        seen["sigma"] = kwargs["sigma"]
        raise RuntimeError("stop here")

    monkeypatch.setattr(montecarlo, "simulate_paths", spy)
    with pytest.raises(RuntimeError, match="stop here"):
        montecarlo.simulate(frame, 1, method="naive", n_paths=10, seed=1)
    expected = forecast_array(
        np.array(values), horizon=1, method="naive", bound=np.array([False] * 5 + [True])
    ).sigma
    np.testing.assert_allclose(seen["sigma"], expected, rtol=1e-12)
    # naive: sqrt((log(1.1)^2 + 2 (1.5 log 1.1)^2) / 3), see tests/test_forecast.py
    assert float(seen["sigma"][0]) == pytest.approx(0.129051, abs=1e-6)
