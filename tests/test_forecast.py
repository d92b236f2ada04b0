"""The forecast front door: frame in, tidy frame out; typed errors with exact messages."""

from __future__ import annotations

import pickle
import re
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy.stats import theilslopes

from idcforecast import SeriesForecast, forecast, forecast_array, forecast_paths
from idcforecast._forecast_finish import NO_SCORED_CUTOFF
from idcforecast.batch import forecast_many
from idcforecast.calibration import DEFAULT_SETTINGS, t_quantile
from idcforecast.errors import (
    DataError,
    DuplicateYearError,
    IdcForecastError,
    InsufficientDataError,
    MixedUnitsError,
    ModelError,
    NonNumericValueError,
    UnknownMethodError,
)
from idcforecast.models import MODEL_REGISTRY

COLUMNS = [
    "series_id", "year", "model", "mean", "lo_80", "hi_80", "lo_95", "hi_95", "unit", "status",
    "note",
]  # fmt: skip


def tidy(values: list[float], *, first: int = 2015, sid: str = "cidc", years=None):
    years = list(range(first, first + len(values))) if years is None else years
    return pd.DataFrame({"series_id": sid, "year": years, "value": values, "unit": "CNY 100m"})


GROWING = [100.0, 110.0, 125.0, 130.0, 150.0, 160.0, 185.0, 200.0]


def test_columns_years_and_unit() -> None:
    fc = forecast(tidy(GROWING), 3)
    assert list(fc.columns) == COLUMNS
    assert fc["year"].tolist() == [2023, 2024, 2025]
    assert set(fc["model"]) == {"auto"} and set(fc["unit"]) == {"CNY 100m"}
    assert set(fc["status"]) == {"ok"} and set(fc["note"]) == {""}
    assert (fc["lo_95"] < fc["lo_80"]).all() and (fc["lo_80"] < fc["mean"]).all()
    assert (fc["mean"] < fc["hi_80"]).all() and (fc["hi_80"] < fc["hi_95"]).all()


def test_horizon_counts_from_each_series_last_year() -> None:
    data = pd.concat([tidy(GROWING, sid="a"), tidy(GROWING[:6], sid="b", first=2010)])
    fc = forecast(data, 2)
    assert fc.groupby("series_id", sort=False)["year"].apply(list).to_dict() == {
        "a": [2023, 2024],
        "b": [2016, 2017],
    }


def test_year_indexed_series_and_method_list() -> None:
    s = pd.Series(GROWING, index=pd.period_range("2015", periods=8, freq="Y"), name="idc")
    fc = forecast(s, 2, method=["drift", "naive"], level=90)
    assert fc["model"].tolist() == ["drift", "drift", "naive", "naive"]
    assert "lo_90" in fc.columns and "lo_80" not in fc.columns
    # drift: 200 + h * (200 - 100) / 7 (hand arithmetic, R's rwf(drift = TRUE))
    np.testing.assert_allclose(fc["mean"][:2], [200 + 100 / 7, 200 + 200 / 7])
    np.testing.assert_allclose(fc["mean"][2:], [200.0, 200.0])


def test_auto_is_the_median_of_its_members() -> None:
    y = np.array(GROWING)
    t = np.arange(y.size)
    slope, intercept = np.polyfit(t, np.log(y), 1)
    members = np.vstack(
        [
            np.full(3, 200.0),  # naive
            MODEL_REGISTRY["damped"]().fit(y).predict(3).mean,  # (tested vs statsmodels)
            MODEL_REGISTRY["ses"]().fit(y).predict(3).mean,  # (tested vs statsmodels)
            np.exp(intercept + slope * np.arange(8, 11)),  # loglinear
            200.0 * (200.0 / 100.0) ** (np.arange(1, 4) / 7),  # drift on logs
            # Theil-Sen slope of the last nine points (scipy's estimator, independent code)
            200.0 + theilslopes(y[-9:]).slope * np.arange(1, 4),
        ]
    )
    fc = forecast_array(y, horizon=3)
    np.testing.assert_allclose(fc.mean, np.median(members, axis=0))
    assert fc.components == ("naive", "damped", "ses", "loglinear", "drift_log", "theil_sen")


def test_calibrated_interval_by_hand() -> None:
    # drift on y (n=6), horizon 2: rolling origins at cutoffs 5 and 4 (min_train 4).
    y = np.array([100.0, 110.0, 125.0, 130.0, 150.0, 160.0])
    e_c5_h1 = np.log(160 / (150 + 12.5))  # drift (150-100)/4
    e_c4_h1, e_c4_h2 = np.log(150 / 140), np.log(160 / 150)  # drift (130-100)/3 = 10
    g2 = np.sqrt(2.0)  # growth law ((h + 0) / (1 + 0)) ** 0.5
    d = np.diff(np.log(y))
    prior2 = np.var(d) + (1.5 * d.mean()) ** 2  # the prior: spread + 1.5 x mean growth
    s2 = (e_c5_h1**2 + e_c4_h1**2 + (e_c4_h2 / g2) ** 2 + 2 * prior2) / (3 + 2)  # weight 2
    sigma = np.sqrt(s2) * np.array([1.0, g2])
    mean = 160 + 12 * np.arange(1, 3)  # drift (160-100)/5
    q95 = 0.851 * t_quantile(95, 4.0)
    fc = forecast_array(y, horizon=2, method="drift")
    np.testing.assert_allclose(fc.sigma, sigma)
    np.testing.assert_allclose(fc.mean, mean)
    np.testing.assert_allclose(fc.lower[95], mean * np.exp(-q95 * sigma))
    np.testing.assert_allclose(fc.upper[95], mean * np.exp(q95 * sigma))
    assert fc.scale == "log"


def test_sample_paths_match_the_intervals() -> None:
    fc = forecast_array(np.array(GROWING), horizon=4)
    paths = fc.sample_paths(40_000, seed=7)
    for level in (80, 95):
        tail = (100 - level) / 200
        np.testing.assert_allclose(np.quantile(paths, tail, axis=0), fc.lower[level], rtol=0.02)
        np.testing.assert_allclose(np.quantile(paths, 1 - tail, axis=0), fc.upper[level], rtol=0.03)
    again = forecast_paths(np.array(GROWING), horizon=4, n_paths=10, seed=7)
    np.testing.assert_array_equal(again, fc.sample_paths(10, seed=7))


def test_core_result_pickles() -> None:
    fc = forecast_array(np.array(GROWING), horizon=2)
    back = pickle.loads(pickle.dumps(fc))
    assert isinstance(back, SeriesForecast)
    np.testing.assert_array_equal(back.upper[95], fc.upper[95])


def test_four_points_fall_back_and_say_so() -> None:
    fc = forecast(tidy([210.0, 260.0, 372.0, 519.0]), 2)
    assert set(fc["status"]) == {"fallback"}
    assert fc["note"].iloc[0] == (
        "4 points: left out 'damped' (needs 6); combined naive, ses, loglinear, drift_log, "
        "theil_sen; " + NO_SCORED_CUTOFF  # 4 points: no cutoff with enough years before it
    )


def test_positive_series_never_forecast_negative() -> None:
    falling = [100.0, 80.0, 60.0, 45.0, 30.0, 20.0, 12.0]
    fc = forecast(tidy(falling), 7, method=["auto", "drift", "holt", "damped"])
    assert (fc[["mean", "lo_80", "lo_95"]] > 0).all().all()
    drift = fc[fc["model"] == "drift"]
    assert drift["note"].iloc[0] == (  # uat13: the note did not say the interval means little
        "point forecast floored at 0.12 (1% of the smallest value): the model's trend runs to "
        "zero or below, so the floor is a convention, not an estimate, and the intervals "
        "around it say little; compare a log-scale or no-trend model (drift_log, naive)"
    )


def test_series_with_negative_values_uses_level_scale() -> None:
    fc = forecast_array(np.array([5.0, -2.0, 3.0, 6.0, 4.0, 8.0]), horizon=2)
    assert fc.scale == "level" and fc.status == "fallback"
    assert fc.note == (
        "6 points: a value is not positive, so the log members cannot fit: the median of "
        "naive, drift, ses, dotm, theil_sen in place of the six"
    )


def test_cap_clips_and_is_noted() -> None:
    fc = forecast(tidy(GROWING), 5, cap=230.0, method="drift")
    assert fc[["mean", "hi_80", "hi_95"]].max().max() == 230.0
    # drift: 200 + h * (200 - 100) / 7 = 214.3, 228.6, 242.9: past 230 from 3 years ahead,
    # where the forecast becomes a flat line at the cap (it said "clipped at cap 230" only)
    assert fc["note"].iloc[0] == (
        "clipped at cap 230: from 3 years ahead on the forecast is the cap itself; method "
        "'logistic' or 'gompertz' approaches a cap instead of passing it"
    )
    logistic = forecast(tidy(GROWING), 3, cap={"cidc": 400.0}, method="logistic")
    assert (logistic["hi_95"] <= 400.0).all()
    assert logistic["note"].iloc[0] == ""  # nothing reached the cap
    # the mean stays below the cap, some upper bounds do not: said too
    lower_cap = forecast(tidy(GROWING), 3, cap=300.0, method="logistic")
    assert (lower_cap["mean"] < 300.0).all() and (lower_cap["hi_95"] == 300.0).any()
    assert lower_cap["note"].iloc[0] == "upper bounds clipped at cap 300"


def test_gap_policies() -> None:
    years = [2012, 2014, 2015, 2016, 2018, 2019, 2020, 2021]
    fc = forecast(tidy(GROWING, years=years), 2)
    assert fc["year"].tolist() == [2022, 2023]
    assert fc["note"].iloc[0] == "gap years 2013, 2017 filled log-linearly for fitting only"
    span = forecast(tidy(GROWING, years=years), 2, gaps="span", method="drift")
    assert span["note"].iloc[0] == (  # 4 years left: no cutoff to score
        "gap before 2018: fitted on 2018-2021 only (dropped 2012-2016); " + NO_SCORED_CUTOFF
    )
    # drift on the last run 150, 160, 185, 200: (200 - 150) / 3 per year
    np.testing.assert_allclose(span["mean"], [200 + 50 / 3, 200 + 100 / 3])


def test_filled_years_do_not_calibrate_the_intervals() -> None:
    from idcforecast.calibration import CalibrationSettings

    # 16 fills the gap (log-linear between 8 and 32); naive forecasts the last value
    y = np.array([1.0, 2.0, 4.0, 8.0, 16.0, 32.0, 40.0])
    seen = np.array([True, True, True, True, False, True, True])
    plain = CalibrationSettings(growth=1.0, prior_weight=0.0)  # sigma_h = s * h
    fc = forecast_array(y, horizon=1, method="naive", settings=plain, observed=seen)
    # cutoffs 6, 5, 4: from 32, log(40/32) at step 1; cutoff 5 ends on the filled 16 (it
    # looked ahead to 32): none; from 8, not the filled 16, log(32/8) / 2 and log(40/8) / 3
    scaled = [np.log(1.25), np.log(4.0) / 2, np.log(5.0) / 3]
    np.testing.assert_allclose(fc.sigma, [np.sqrt(np.mean(np.square(scaled)))])
    every = forecast_array(y, horizon=1, method="naive", settings=plain)  # 16 taken as data
    scaled += [np.log(2.0), np.log(2.5) / 2, np.log(2.0)]  # from 16, and 16 from 8
    np.testing.assert_allclose(every.sigma, [np.sqrt(np.mean(np.square(scaled)))])
    # the front door passes the mask on
    frame = tidy(y[seen].tolist(), years=[2015, 2016, 2017, 2018, 2020, 2021])
    got = forecast(frame, 3, method=["auto", "drift"])
    for alias in ("auto", "drift"):
        want = forecast_array(y, horizon=3, method=alias, observed=seen)
        rows = got[got["model"] == alias]
        np.testing.assert_allclose(rows["lo_80"], want.lower[80])
        np.testing.assert_allclose(rows["hi_95"], want.upper[95])


def test_the_minimum_counts_observed_years_not_filled_ones() -> None:
    frame = tidy([100.0, 121.0, 133.1, 146.41], years=[2018, 2019, 2021, 2022])
    note = forecast(frame, 2)["note"].iloc[0]  # four observed: enough for "auto"
    # 4 observed + 1 filled: 'damped' (needs 6) is out, and the note counts observed points
    assert note.startswith(
        "gap year 2020 filled log-linearly for fitting only; 4 observed points (1 filled): "
        "left out 'damped' (needs 6)"
    )
    msg = (
        "series 'cidc' has 3 observations (2018-2021, 1 year filled); method 'auto' needs "
        "at least 4; add years, or use 'naive' (2) or 'drift' (3) (gap year 2019 filled "
        "log-linearly for fitting only)"
    )
    with pytest.raises(InsufficientDataError, match=re.escape(msg)):
        forecast(tidy([100.0, 121.0, 133.1], years=[2018, 2020, 2021]), 2)


def test_observed_mask_is_checked() -> None:
    y = np.array([1.0, 2.0, 3.0, 4.0, 5.0])
    msg = "series 'series': observed must be a boolean mask with one flag per value (5)"
    with pytest.raises(ModelError, match=re.escape(msg)):
        forecast_array(y, horizon=1, observed=[1, 1, 0, 1, 1])
    with pytest.raises(ModelError, match=re.escape(msg)):
        forecast_array(y, horizon=1, observed=np.ones(4, bool))
    with pytest.raises(ModelError, match=re.escape("the last value must be observed")):
        forecast_array(y, horizon=1, observed=np.array([True] * 4 + [False]))


ERRORS = [
    (
        lambda: forecast(tidy(GROWING), 0),
        ModelError,
        "forecast: horizon must be a positive whole number of years after the last "
        "observation; got 0; pass e.g. horizon=5",
    ),
    (
        lambda: forecast(tidy(GROWING), 2, method="dampd"),
        UnknownMethodError,
        # cli58: led by "forecast:" as forecast()'s other errors are (was: no lead)
        "forecast: unknown forecasting method 'dampd'; did you mean 'damped'? valid methods are ",
    ),
    (
        lambda: forecast(tidy([1.0, 2.0, 3.0]), 2),
        InsufficientDataError,
        "series 'cidc' has 3 observations (2015-2017); method 'auto' needs at least 4; add "
        "years, or use 'naive' (2) or 'drift' (3)",
    ),
    (
        # several series: the short one names forecast_many as the way to go on
        lambda: forecast(pd.concat([tidy(GROWING, sid="long"), tidy([1.0, 2.0, 3.0])]), 2),
        InsufficientDataError,
        "series 'cidc' has 3 observations (2015-2017); method 'auto' needs at least 4; add "
        "years, or use 'naive' (2) or 'drift' (3); forecast_many() forecasts each series on "
        "its own and records the ones it cannot forecast as failed",
    ),
    (
        lambda: forecast(tidy(GROWING[:5]), 2, method="damped"),
        InsufficientDataError,
        "series 'cidc' has 5 observations (2015-2019); model 'damped' needs at least 6; add "
        "years or use method='auto' (needs 4)",
    ),
    # one observation: was "1 observations (2015-2015)", and "(1 values)" without years;
    # and the advice named methods that need more ("use method='auto' (needs 4)" for 1)
    (
        lambda: forecast(tidy([5.0]), 2),
        InsufficientDataError,
        "series 'cidc' has 1 observation (2015); method 'auto' needs at least 4; add years "
        "(every method needs at least 2)",
    ),
    (
        lambda: forecast(tidy([5.0]), 2, method="drift"),
        InsufficientDataError,
        "series 'cidc' has 1 observation (2015); model 'drift' needs at least 3; add years "
        "(every method needs at least 2)",
    ),
    (
        lambda: forecast(tidy([5.0, 6.0]), 2, method="drift"),
        InsufficientDataError,
        "series 'cidc' has 2 observations (2015-2016); model 'drift' needs at least 3; add "
        "years or use 'naive' (2)",
    ),
    (
        lambda: forecast_array(np.array([5.0]), horizon=2, method="naive"),
        InsufficientDataError,
        "series 'series' has 1 observation (1 value); model 'naive' needs at least 2; add "
        "years (every method needs at least 2)",
    ),
    (
        lambda: forecast(tidy([1.0, -2.0, 3.0, 4.0, 5.0]), 2, method="loglinear"),
        ModelError,
        "series 'cidc' year 2016: value -2.0 is not positive; model 'loglinear' works on "
        "logarithms; use a level model such as 'drift' or method='auto'",
    ),
    (
        lambda: forecast(tidy(GROWING), 2, cap=150.0),
        ModelError,
        "series 'cidc': cap 150.0 is not above the last observation 200.0 (year 2022); pass "
        "a cap above it, or no cap (cap=None; on the command line, leave out --cap)",
    ),
    (
        lambda: forecast(tidy([1.0, 2.0, 3.0, 4.0], years=[2015, 2016, 2016, 2017]), 2),
        DuplicateYearError,
        "series 'cidc' has 2 values for year 2016 (2.0, 3.0); keep one row per year",
    ),
    (
        lambda: forecast(tidy(GROWING[:5], years=[2015, 2016, 2018, 2019, 2020]), 2, gaps="error"),
        DataError,
        "series 'cidc': year 2017 is missing inside 2015-2020; fill them, or pass "
        "gaps='interpolate' (fit on interpolated values, flagged) or gaps='span' (fit the "
        "latest consecutive run)",
    ),
    (
        lambda: forecast(tidy([1.0, 2.0, np.nan, 4.0, 5.0]), 2),
        NonNumericValueError,
        "series 'cidc' year 2017: the value is blank (NaN) but the row is not; expected a "
        "number; for a year not published, drop the row or write 'n/a' as its value",
    ),
    (
        lambda: forecast(tidy(GROWING[:5]).assign(unit=["a", "a", "b", "a", "a"]), 2),
        MixedUnitsError,
        "series 'cidc' mixes units 'a', 'b'; convert to one unit first (idcforecast.convert)",
    ),
    (
        lambda: forecast(tidy(GROWING[:5], years=[2014, 2015, 2018, 2019, 2020]), 2, gaps="span"),
        InsufficientDataError,
        "series 'cidc' has 3 observations (2018-2020); method 'auto' needs at least 4; add "
        "years, or use 'naive' (2) or 'drift' (3) (gap before 2018: fitted on 2018-2020 only "
        # the years were there: the policy that keeps them (it said "add years" only)
        "(dropped 2014-2015)); or pass gaps='interpolate' to fit the years before the gap too",
    ),
    (
        lambda: forecast(tidy([x * 1e150 for x in GROWING]), 2),
        DataError,
        "series 'cidc' year 2015: value 1e+152 is beyond 1e+150 in size, where the models' "
        "sums of squares overflow; express the series in a larger unit (a unit mix-up?)",
    ),
    (
        lambda: forecast(tidy(GROWING), 2, cap=1e160, method="logistic"),
        ModelError,
        "series 'cidc': cap 1e+160 is beyond 1e+150, where the models' sums of squares "
        "overflow; express the series and its cap in a larger unit",
    ),
    # cap=inf was told "cap inf is beyond 1e+150 ... express the series and its cap in a
    # larger unit", -inf "not above the last observation"; neither is a saturation level
    (
        lambda: forecast(tidy(GROWING), 2, cap=float("inf"), method="logistic"),
        ModelError,
        "series 'cidc': cap inf is no saturation level; for no cap pass cap=None (on the "
        f"command line, leave out --cap), else a number above the last observation "
        f"{GROWING[-1]!r}",
    ),
    (
        lambda: forecast(tidy(GROWING), 2, cap=-np.inf),
        ModelError,
        "series 'cidc': cap -inf is no saturation level; for no cap pass cap=None (on the "
        f"command line, leave out --cap), else a number above the last observation "
        f"{GROWING[-1]!r}",
    ),
    (
        lambda: forecast([1, 2, 3], 2),
        DataError,
        "data must be a tidy DataFrame (series_id, year, value) or a year-indexed Series; got list",
    ),
]


@pytest.mark.parametrize(("call", "error", "message"), ERRORS)
def test_bad_input_raises_typed_errors(call, error, message) -> None:
    with pytest.raises(error, match=re.escape(message)):
        call()


def test_settings_default_is_what_the_docs_say() -> None:
    assert (DEFAULT_SETTINGS.growth, DEFAULT_SETTINGS.offset) == (0.5, 0.0)
    assert (DEFAULT_SETTINGS.tail_df, DEFAULT_SETTINGS.spread) == (4.0, 0.851)
    assert DEFAULT_SETTINGS.prior_weight == 2.0


def test_public_forecast_is_callable_after_submodule_import() -> None:
    import idcforecast
    import idcforecast.forecasting  # binds the submodule on the package, under its own name

    fc = idcforecast.forecast(tidy(GROWING), 1, method="naive")
    assert fc["mean"].tolist() == [200.0]


def test_core_rejects_lists_and_bad_path_counts() -> None:
    msg = (
        "series 'x': forecast_array takes one method; got ['auto', 'drift']; call it once per "
        "alias (forecast() accepts lists)"
    )
    with pytest.raises(UnknownMethodError, match=re.escape(msg)):
        forecast_array(np.array(GROWING), horizon=2, method=["auto", "drift"], series_id="x")
    fc = forecast_array(np.array(GROWING), horizon=2, series_id="x")
    msg = "series 'x': n_paths must be a positive integer; got 0"
    with pytest.raises(ModelError, match=re.escape(msg)):
        fc.sample_paths(0)
    # before: numpy's bare ValueError ("expected non-negative integer") or TypeError
    for seed in (-1, 1.5, "7", True):
        msg = (
            "series 'x': seed must be a whole number 0 or more, a numpy.random.Generator, or "
            f"None; got {seed!r}; e.g. seed=7"
        )
        with pytest.raises(ModelError, match=re.escape(msg) + "$"):
            fc.sample_paths(10, seed=seed)
    with pytest.raises(ModelError, match=re.escape("seed must be a whole number 0 or more")):
        forecast_paths(np.array(GROWING), horizon=2, n_paths=10, seed=-1)
    # forecast_array took seed=-1 without a word (forecast() refuses it)
    msg = "series 'x': seed must be a whole number 0 or more, or None; got -1; e.g. seed=7"
    with pytest.raises(ModelError, match=re.escape(msg) + "$"):
        forecast_array(np.array(GROWING), horizon=2, series_id="x", seed=-1)
    # a Generator and a numpy integer are seeds: the same paths as the int
    np.testing.assert_array_equal(
        fc.sample_paths(5, seed=np.int64(3)), fc.sample_paths(5, seed=np.random.default_rng(3))
    )


def test_any_level_from_sigma() -> None:
    fc = forecast_array(np.array(GROWING), horizon=3, levels=(80, 95))
    lo, hi = fc.interval(95)
    np.testing.assert_allclose(lo, fc.lower[95])
    np.testing.assert_allclose(hi, fc.upper[95])
    lo90, hi90 = fc.interval(90)
    assert np.all(fc.lower[95] < lo90) and np.all(lo90 < fc.lower[80])
    assert np.all(fc.upper[80] < hi90) and np.all(hi90 < fc.upper[95])


@pytest.mark.parametrize("bad", [100, 150, 0, -5, float("nan"), "80", True])
def test_forecast_rejects_an_interval_level_outside_0_100(bad: object) -> None:
    # before: 100 gave lo 0 / hi inf, 150 and NaN silent NaN bounds, "80" columns lo_8, lo_0
    y = pd.Series([100.0, 112.0, 125.0, 139.0, 156.0, 171.0], index=range(2018, 2024))
    msg = (
        f"forecast: interval level {bad!r} is not a percentage strictly between 0 and 100; "
        "pass levels like (80, 95)"
    )
    with pytest.raises(ModelError, match=re.escape(msg)):
        forecast(y, 2, level=(80, bad))


@pytest.mark.parametrize(("call", "caller"), [("forecast", "forecast"), ("backtest", "backtest")])
def test_a_level_written_as_a_fraction_is_an_error(call: str, caller: str) -> None:
    # before: level=0.8 gave a 0.8% interval (columns lo_0_8, hi_0_8) within 0.2% of the
    # mean, a silently wrong band for an analyst who meant 80%
    import idcforecast

    y = pd.Series([100.0, 112.0, 125.0, 139.0, 156.0, 171.0], index=range(2018, 2024))
    msg = (
        f"{caller}: interval level 0.8 reads as a 0.8% interval; levels are percentages: "
        "pass 80, not 0.8 (as in level=(80, 95))"
    )
    with pytest.raises(ModelError, match=re.escape(msg)):
        getattr(idcforecast, call)(y, 2, level=(0.8, 0.95))
    # 1% is the smallest level taken
    assert "lo_1" in forecast(y, 1, level=1).columns


def test_forecast_array_rejects_a_level_of_100() -> None:
    msg = (
        "series 'x': interval level 100 is not a percentage strictly between 0 and 100; "
        "pass levels like (80, 95)"
    )
    with pytest.raises(ModelError, match=re.escape(msg)):
        forecast_array(np.array([1.0, 2.0, 3.0, 4.0]), horizon=1, levels=(100,), series_id="x")


def test_forecast_repeated_level_gives_one_column_pair() -> None:
    y = pd.Series([100.0, 112.0, 125.0, 139.0, 156.0, 171.0], index=range(2018, 2024))
    fc = forecast(y, 1, level=(80, 80.0), method="drift")
    assert [c for c in fc.columns if c.startswith(("lo_", "hi_"))] == ["lo_80", "hi_80"]


def _two_numbered_series() -> pd.DataFrame:
    values = [1.0, 2.0, 3.0, 4.0, 5.0]
    return pd.DataFrame(
        {"series_id": [1] * 5 + [2] * 5, "year": [*range(2018, 2023)] * 2, "value": values * 2}
    )


def test_cap_mapping_with_integer_ids_applies_to_those_series() -> None:
    # before: ids become text ('1'), so {1: 4.0} was silently ignored; 4.0 < last value 5.0
    msg = (
        "series '1': cap 4.0 is not above the last observation 5.0 (year 2022); pass a cap "
        "above it, or no cap (cap=None; on the command line, leave out --cap)"
    )
    with pytest.raises(ModelError, match=re.escape(msg)):
        forecast(_two_numbered_series(), 1, method="drift", cap={1: 4.0})
    # drift clipped at the cap: 5 + 1 = 6 -> 5.5 for series 1 only
    fc = forecast(_two_numbered_series(), 1, method="drift", cap={1: 5.5})
    assert fc["mean"].tolist() == [5.5, 6.0]


def test_cap_mapping_key_that_names_no_series_is_an_error() -> None:
    from idcforecast.errors import UnknownSeriesError

    msg = (
        "forecast: cap is given for series 'x', which is not in the data; expected series ids "
        "such as 1, 2; fix the key or drop it"
    )
    with pytest.raises(UnknownSeriesError, match=re.escape(msg)):
        forecast(_two_numbered_series(), 1, method="drift", cap={"x": 9.0})


def test_unknown_cap_key_and_int_ids_are_named_as_written() -> None:
    # before: the int key 3 and the int ids 1, 2 were named as text: '3', '1', '2'
    from idcforecast import backtest, compare_methods, forecast_many
    from idcforecast.errors import UnknownSeriesError

    for call, name in (
        (forecast, "forecast"),
        (backtest, "backtest"),
        (forecast_many, "forecast_many"),
        (compare_methods, "compare_methods"),
    ):
        msg = (
            f"{name}: cap is given for series 3, which is not in the data; expected series "
            "ids such as 1, 2; fix the key or drop it"
        )
        with pytest.raises(UnknownSeriesError, match=re.escape(msg)):
            call(_two_numbered_series(), 1, cap={np.int64(3): 9.0})


def test_caps_may_be_a_pandas_series_indexed_by_series_id() -> None:
    # caps computed per series (a groupby result) were refused: "cap 1    5.5 / dtype:
    # float64 is not a number" (the Series' repr over several lines)
    from idcforecast.errors import UnknownSeriesError

    caps = pd.Series({1: 5.5})
    # drift: 5 + (5 - 1) / 4 = 6, clipped at 5.5 for series 1 only
    fc = forecast(_two_numbered_series(), 1, method="drift", cap=caps)
    assert fc["mean"].tolist() == [5.5, 6.0]
    msg = (
        "forecast: cap is given for series 'x', which is not in the data; expected series ids "
        "such as 1, 2; fix the key or drop it"
    )
    with pytest.raises(UnknownSeriesError, match=re.escape(msg)):
        forecast(_two_numbered_series(), 1, method="drift", cap=pd.Series({"x": 9.0}))


def test_levels_may_be_a_numpy_array() -> None:
    y = pd.Series([100.0, 112.0, 125.0, 139.0, 156.0, 171.0], index=range(2018, 2024))
    fc = forecast(y, 1, method="drift", level=np.array([80.0, 95.0]))
    expected = forecast(y, 1, method="drift", level=(80, 95))
    pd.testing.assert_frame_equal(fc, expected)
    one = forecast(y, 1, method="drift", level=np.array(80.0))
    assert [c for c in one.columns if c.startswith("lo_")] == ["lo_80"]


@pytest.mark.parametrize("method", ["auto", "drift", "damped"])
def test_a_years_interval_does_not_depend_on_the_horizon_asked(method: str) -> None:
    # Was: errors were pooled over steps 1..h, so asking for 2030 instead of 2026 moved the
    # 2024 interval. Now steps 1..error_steps (6) are pooled whatever the horizon.
    y = np.array([100.0, 112.0, 119.0, 140.0, 151.0, 170.0, 176.0, 201.0, 222.0, 230.0, 261.0])
    short = forecast_array(y, horizon=2, method=method)
    long = forecast_array(y, horizon=9, method=method)
    np.testing.assert_array_equal(long.mean[:2], short.mean)
    np.testing.assert_array_equal(long.sigma[:2], short.sigma)
    for level in (80, 95):
        np.testing.assert_array_equal(long.lower[level][:2], short.lower[level])
        np.testing.assert_array_equal(long.upper[level][:2], short.upper[level])


def test_a_failed_refit_is_left_out_of_the_calibration_and_named() -> None:
    # before: cap=12 passed the front door (above the last value, 6) and then a refit on
    # 2015-2019 (ending at 15) raised "cap=12 is not above the last observation 15.0"
    y = pd.Series([1.0, 5, 10, 20, 15, 8, 6], index=range(2015, 2022), name="mkt")
    # (with a given cap the logistic refits from 4 points: cutoffs end at 2020, 2019, 2018;
    # the last two end at 20 and 15, above the cap)
    fc = forecast(y, 3, method="logistic", cap=12)
    assert fc["note"].iloc[0] == (
        "refits ending at year 2019, year 2018 failed; left out of the interval calibration "
        "(2 of 3 cutoffs); year 2016 is 5.0 times the year before (1 to 5): one change that "
        "size sets much of the interval width; if it is a change of scope or unit rather than "
        "growth, forecast the years from 2016 on; upper bounds clipped at cap 12"
    )
    assert bool((fc["hi_95"] <= 12.0).all() and (fc["lo_95"] < fc["mean"]).all())


def test_a_model_error_names_its_series() -> None:
    # before: "model 'logistic': the least-squares fit did not converge" without the series
    from idcforecast.errors import ConvergenceError

    frame = pd.DataFrame(
        {
            "series_id": ["racks"] * 7 + ["power"] * 7,
            "year": list(range(2017, 2024)) * 2,
            "value": [10.0, 20, 35, 50, 60, 66, 70] + [5.0] * 7,
        }
    )
    with pytest.raises(ConvergenceError, match=re.escape("series 'power': model 'logistic'")):
        forecast(frame, 3, method="logistic")


def test_zero_width_intervals_of_a_constant_series_say_so() -> None:
    fc = forecast(pd.Series([5.0] * 8, index=range(2016, 2024)), 3)
    assert (fc["lo_95"] == fc["hi_95"]).all()  # nothing in the history varies
    assert "the intervals have zero width, they measure past variation only" in fc["note"][0]
    assert (
        "zero width"
        not in forecast(pd.Series([5.0, 6, 5, 6, 5, 6], index=range(2018, 2024)), 1).note[0]
    )


@pytest.mark.parametrize("alias", ["auto", *MODEL_REGISTRY])
def test_every_method_works_up_to_the_value_limit(alias) -> None:
    from idcforecast._forecast_inputs import VALUE_LIMIT

    # about the largest series forecast() accepts: 40 points up to 0.9 * VALUE_LIMIT
    y = np.linspace(0.3, 0.9, 40) ** 2 * VALUE_LIMIT
    cap = VALUE_LIMIT if alias in ("logistic", "gompertz") else None
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # an overflow warning fails the test
        fc = forecast_array(y, horizon=3, method=alias, cap=cap)
        mean, upper = fc.mean, fc.upper[95]
    assert np.isfinite(mean).all() and np.isfinite(upper).all()
    assert (mean > 0.5 * VALUE_LIMIT).all()


def test_a_forecast_that_overflows_is_an_error_and_an_infinite_bound_a_note() -> None:
    # valid values (1e-300 .. 1e150) growing 1e90-fold a year: no finite extrapolation
    y = np.array([10.0 ** (-300 + 90 * i) for i in range(6)])
    msg = (
        "series 'series': the 'drift_log' forecast overflows at step 2 (inf): the history "
        "grows too fast to extrapolate in floating point; check the values and their unit, "
        "or use a level method such as 'drift'"
    )
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # numpy's own overflow warnings
        with pytest.raises(ModelError, match=re.escape(msg)):
            forecast_array(y, horizon=6, method="drift_log")
        fc = forecast_array(y, horizon=6)  # the median stays finite, its upper bounds not
    assert np.isfinite(fc.mean).all() and not np.isfinite(fc.upper[95]).all()
    assert fc.note.endswith(
        "upper bounds of the 80%, 95% intervals overflow (inf): the history grows too fast "
        "for a finite bound"
    )


def test_two_points_give_an_interval_not_a_zero_width_one() -> None:
    # naive takes two points; there is no cutoff to learn errors from, so the prior rules:
    # one log change log(2238.7 / 1562.5) = 0.359627 stands for the spread,
    # sigma_1 = 0.359627 * sqrt(1 + 1.5^2) = 0.648360 (prior_weight pseudo-errors only)
    fc = forecast_array(np.array([1562.5, 2238.7]), horizon=1, method="naive")
    assert fc.sigma[0] == pytest.approx(np.log(2238.7 / 1562.5) * np.sqrt(3.25), rel=1e-9)
    assert fc.lower[80][0] < 2238.7 < fc.upper[80][0]
    assert "zero width" not in fc.note


def test_a_horizon_longer_than_the_history_is_noted() -> None:
    # was: --horizon 200 on 12 years ran silently, a 2223 upper bound of 757,947,000
    y = np.array([100.0, 112.0, 119.0, 140.0, 151.0, 170.0, 176.0, 201.0])  # 8 years
    assert forecast_array(y, horizon=8).note == ""  # as long as the history: nothing to say
    far = forecast_array(y, horizon=9)
    # cutoffs 7, 6, 5, 4 (min_train 4): the earliest, on 4 points, measures 8 - 4 = 4 years
    # ahead (the note used to say 6, CalibrationSettings.error_steps, whatever was measured)
    assert far.note == (
        "9 years ahead from 8 years of history: past the 4 years ahead that this series' "
        "rolling-origin errors measure, the intervals widen by an assumed law (sigma growing "
        "as the square root of the years ahead), not by evidence"
    )
    assert far.status == "ok"  # a caveat, not a fallback


def test_a_series_without_cutoffs_says_the_prior_sets_the_width() -> None:
    # 4 points and 'auto' (needs 4): no refit on fewer, so no rolling-origin error at all
    note = forecast_array(np.array([80.0, 95.0, 118.0, 141.0]), horizon=7).note
    assert (
        "7 years ahead from 4 years of history: no earlier cutoff could be scored, so the "
        "interval width is the prior from the series' annual changes alone"
    ) in note
    assert "6 years ahead" not in note
    # 5 points: one cutoff, on the first 4, measures 5 - 4 = 1 year ahead
    five = forecast_array(np.array([80.0, 95.0, 118.0, 141.0, 160.0]), horizon=7).note
    assert "past the 1 year ahead that this series' rolling-origin errors measure" in five


def test_a_year_given_as_the_horizon_is_refused() -> None:
    # Was: forecast(s, 2030) ran 2,030 years ahead (to 4053) with status "ok" and
    # intervals up to 5e18. 2030 - 2023 = 7 years ahead.
    import idcforecast as idc
    from idcforecast.errors import DataError, ModelError

    s = pd.Series([1.0, 2, 3, 4, 5], index=range(2019, 2024), name="s")
    msg = (
        "series 's': horizon 2030 is more than 100 years ahead: a year given as the horizon? "
        "the horizon counts years after the last observation (2023): to forecast to 2030 pass 7"
    )
    with pytest.raises(ModelError, match=re.escape(msg)):
        forecast(s, 2030)
    with pytest.raises(ModelError, match=re.escape(msg)):
        idc.simulate(s, 2030)
    with pytest.raises(ModelError, match="forecast_many: horizon 2030 is more than 100 years"):
        idc.forecast_many(s.rename_axis("year").reset_index(name="value"), 2030, engine="serial")
    with pytest.raises(DataError, match="backtest: horizon 2030 is more than 100 years"):
        idc.backtest(s, 2030)
    assert len(forecast(s, 100, method="naive")) == 100  # the limit itself is allowed


def test_method_none_a_repeat_and_letter_case() -> None:
    # uat13: method=None was a bare TypeError; ["drift", "drift"] gave every row twice
    # (levels were kept once); "DRIFT" got no "did you mean"
    from idcforecast.errors import UnknownMethodError

    y = pd.Series([1.0, 2, 3, 4, 5], index=range(2019, 2024), name="y")
    with pytest.raises(UnknownMethodError, match=re.escape("method None is not a method name")):
        forecast(y, 1, method=None)  # type: ignore[arg-type]
    assert forecast(y, 1, method=["drift", "drift"])[["model", "mean"]].values.tolist() == [
        ["drift", 6.0]  # 5 + (5 - 1) / 4
    ]
    with pytest.raises(UnknownMethodError, match=re.escape("'DRIFT'; did you mean 'drift'?")):
        forecast(y, 1, method="DRIFT")


def test_value_cells_marked_not_published_are_gaps_named_in_the_note() -> None:
    # gaps15: a frame whose value column held "n/a" or "—" failed the series ("value 'n/a'
    # is not a finite number"), while read_series reads those cells as years not published
    data = pd.concat(
        [
            tidy([100.0, 110.0, "n/a", 130.0, "—", 150.0], sid="gaps"),  # type: ignore[list-item]
            tidy([10.0, 12.0, 14.0, " 暂无 "], sid="last"),  # type: ignore[list-item]
            tidy(["..", 20.0, 24.0, 28.0], sid="first"),  # type: ignore[list-item]
        ]
    )
    fc = forecast(data, 1, method="drift").set_index("series_id")
    # drift on the observed years 2015..2020 (2017, 2019 filled for fitting only): the
    # mean step (150 - 100) / 5 = 10, so 2021 is 150 + 10 = 160
    assert fc.loc["gaps", ["year", "mean"]].tolist() == [2021, pytest.approx(160.0)]
    assert fc.loc["gaps", "note"] == (
        "years marked as not published, read as gaps: 2017 ('n/a'), 2019 ('—'); "
        "gap years 2017, 2019 filled log-linearly for fitting only"
    )
    # the last year not published: the series ends in 2017, 14 + (14 - 10) / 2 = 16 in 2018
    assert fc.loc["last", ["year", "mean"]].tolist() == [2018, pytest.approx(16.0)]
    assert fc.loc["last", "note"] == (  # 3 observed years: no cutoff to score
        "year marked as not published, read as a gap: 2018 ('暂无'); " + NO_SCORED_CUTOFF
    )
    # the first year not published: 2016-2018 only, 28 + (28 - 20) / 2 = 32 in 2019
    assert fc.loc["first", ["year", "mean"]].tolist() == [2019, pytest.approx(32.0)]
    assert fc.loc["first", "note"] == (  # 3 observed years: no cutoff to score
        "year marked as not published, read as a gap: 2015 ('..'); " + NO_SCORED_CUTOFF
    )
    # a year-indexed Series is read the same way: (130 - 100) / 3 = 10 a year, 140 in 2019
    series = pd.Series([100.0, "n/a", 120.0, 130.0], index=range(2015, 2019), name="s")
    assert forecast(series, 1, method="drift")["mean"].tolist() == [pytest.approx(140.0)]


def test_a_series_only_marked_not_published_or_blank_is_an_error_naming_it() -> None:
    with pytest.raises(NonNumericValueError) as raised:
        forecast(tidy(["n/a", "—"], sid="none"), 1, method="drift")  # type: ignore[list-item]
    assert str(raised.value) == (
        "series 'none' has no values: every year is blank (NaN) or not published; give its "
        "values, or leave the series out"
    )
    # a blank cell is not a mark: an error, as read_series refuses a long file's blank value
    with pytest.raises(NonNumericValueError) as raised:
        forecast(tidy([1.0, np.nan, "n/a", 4.0], sid="blank"), 1)  # type: ignore[list-item]
    assert str(raised.value) == (
        "series 'blank' year 2016: the value is blank (NaN) but the row is not; expected a "
        "number; for a year not published, drop the row or write 'n/a' as its value "
        "(pandas.read_csv reads 'n/a' as NaN unless given keep_default_na=False; read_series "
        "and read_long_table keep it)"
    )


def test_the_note_names_the_years_converted_with_a_user_fx_file(tmp_path: Path) -> None:
    # the note listed "(2019, 2020, 2021)" whichever table gave each rate; the history
    # rows said "from my_fx.csv", the forecast's note did not
    from idcforecast import read_series, use_fx_rates

    (tmp_path / "my_fx.csv").write_text("year,value,unit\n2020,7.00,CNY/USD\n")
    table = pd.DataFrame(
        {"year": [2019, 2020, 2021], "value": [10.0, 12.0, 14.0], "unit": "USD bn"}
    )
    with use_fx_rates(tmp_path / "my_fx.csv"):
        history = read_series(table, series_id="m", unit="CNY bn")
    # 2020: 12 USD bn x 7.00 (the user's rate) = 84 CNY bn; 2019: 10 x 6.9081 (G.5A)
    assert history["value"].tolist()[:2] == pytest.approx([69.081, 84.0])
    note = forecast(history, 1, method="naive")["note"].iloc[0]
    # grouped by source: "(2019, 2020 from my_fx.csv, 2021)" read as if the file gave 2019
    assert "FX rate (2019, 2021 from the bundled table; 2020 from my_fx.csv): its growth" in note


def test_a_saturation_curve_with_a_given_cap_forecasts_four_points() -> None:
    # before: forecast() checked the class minimum (5, for an estimated cap) and refused
    # four points with cap=, which the model itself fits (docs: "5, or 4 with cap=")
    from scipy.optimize import least_squares

    y = np.array([5.0, 9.0, 16.0, 27.0])
    fc = forecast(pd.Series(y, index=range(2013, 2017), name="p"), 2, method="logistic", cap=100)
    assert fc["year"].tolist() == [2017, 2018]
    # independent fit: log y = log 100 - log(1 + exp(-(a + b s))), s = years to the last;
    # the forecast starts from the last value: a' = logit(27 / 100), then b per year
    s = np.arange(-3.0, 1.0)
    fit = least_squares(
        lambda p: np.log(100.0) - np.logaddexp(0.0, -(p[0] + p[1] * s)) - np.log(y), [0.0, 0.5]
    )
    b = fit.x[1]
    start = np.log(0.27 / 0.73)
    expected = 100.0 / (1.0 + np.exp(-(start + b * np.array([1.0, 2.0]))))
    np.testing.assert_allclose(fc["mean"], expected, rtol=1e-6)
    # without a cap, five points, and the message says a cap would do with four
    msg = (
        "series 'p' has 4 observations (2013-2016); model 'gompertz' needs at least 5; add "
        "years, give cap= (then 4) or use method='auto' (needs 4)"
    )
    with pytest.raises(InsufficientDataError, match=re.escape(msg)):
        forecast(pd.Series(y, index=range(2013, 2017), name="p"), 2, method="gompertz")


@pytest.mark.parametrize(("cap", "shown"), [("2万亿元", "'2万亿元'"), (True, "True"), ([1], "[1]")])
def test_a_cap_that_is_not_a_number_is_a_model_error(cap: object, shown: str) -> None:
    # before: float(cap) raised a bare ValueError/TypeError (and True was a cap of 1.0)
    msg = (
        f"series 'cidc': cap {shown} is not a number; pass the saturation level as a number in "
        "the series' unit (convert figure text first: idcforecast.convert('2万亿元', "
        "'CNY 100m') gives 20000.0)"
    )
    with pytest.raises(ModelError, match=re.escape(msg)):
        forecast(tidy(GROWING), 2, cap=cap)  # type: ignore[arg-type]
    # a number as text is still read as the number: 400 is above every drift forecast
    # (200 + 2 x 100 / 7 = 228.6), so nothing is clipped
    text = forecast(tidy(GROWING), 2, method="drift", cap="400")  # type: ignore[arg-type]
    assert text["mean"].tolist() == pytest.approx([200 + 100 / 7, 200 + 200 / 7])


@pytest.mark.parametrize("method", ["naive", "drift", "drift_log", "loglinear", "damped_log"])
def test_a_constant_series_says_its_intervals_have_zero_width(method: str) -> None:
    # before: the log models' sigma came out ~1e-16 (rounding), not 0, so their zero-width
    # intervals had no note while the level models' said why
    fc = forecast_array(np.full(8, 5.0), horizon=2, method=method)
    assert np.allclose(fc.upper[95], 5.0) and np.allclose(fc.lower[95], 5.0)
    assert fc.note == (
        "the history never changed and neither did the re-fitted forecasts: the intervals "
        "have zero width, they measure past variation only"
    )


@pytest.mark.parametrize("method", ["auto", "naive", "drift", "ses"])
def test_a_nearly_flat_series_says_its_intervals_are_nearly_zero_width(method: str) -> None:
    # before: 5, 5, 5, 5, 5.0001 had a 95% interval of 4.99992 to 5.00028 and no word of
    # why, where 5, 5, 5, 5, 5 had the zero-width note. Largest change 0.0001 / 5 = 0.002%
    said = (
        "the history barely changed (no annual change above 0.1%; the largest is 0.002%): "
        "the intervals, which measure past variation only, are nearly zero width"
    )
    y = np.array([5.0, 5, 5, 5, 5.0001])
    fc = forecast_array(y, horizon=2, method=method)
    assert said in fc.note and "zero width, they" not in fc.note
    assert fc.upper[95][0] - fc.lower[95][0] < 1e-3  # the width said: under 0.02% of 5
    many = forecast_many(tidy(y), 2, method=method, engine="serial", progress=False)
    assert said in many["note"].iloc[0]  # the batch path says it too
    # 5.01 after 5: a 0.2% change, past the threshold; nothing said
    assert "barely" not in forecast_array(np.array([5.0, 5, 5, 5, 5.01]), horizon=2).note
    # a negative series: changes against its largest value in size, 0.0004 / 2.0004 = 0.02%
    level = forecast_array(np.array([-2.0, -2.0004, -2.0, -2.0, -2.0]), horizon=1, method=method)
    assert "the largest is 0.02%)" in level.note


@pytest.mark.parametrize(
    ("level", "msg"),
    [
        (150, "series 'x': interval level 150 is not a percentage strictly between 0 and 100"),
        (100, "series 'x': interval level 100 is not a percentage strictly between 0 and 100"),
        ("90", "series 'x': interval level '90' is not a percentage strictly between 0 and 100"),
        ((80, 95), "series 'x': interval() takes one level; got (80, 95); call it once per level"),
    ],
)
def test_series_forecast_interval_checks_its_level(level: object, msg: str) -> None:
    # before: interval(150) gave NaN bounds, interval(100) 0 and inf, "90" a TypeError
    fc = forecast_array(np.array([10.0, 12, 14, 16, 19, 22]), horizon=2, series_id="x")
    with pytest.raises(ModelError, match=re.escape(msg)):
        fc.interval(level)  # type: ignore[arg-type]
    # a valid level: mean * exp(-/+ q sigma), q = 0.851 * t(4 d.f.) 95th percentile
    lo, hi = fc.interval(90)
    q = 0.851 * 2.131846786326649  # scipy.stats.t.ppf(0.95, 4)
    np.testing.assert_allclose(lo, fc.mean * np.exp(-q * fc.sigma), rtol=1e-9)
    np.testing.assert_allclose(hi, fc.mean * np.exp(q * fc.sigma), rtol=1e-9)


def test_a_whole_float_horizon_is_told_to_be_an_integer() -> None:
    # before: "must be a positive whole number of years ... got 7.0; pass e.g. horizon=5",
    # which reads as contradictory for 2030 - 2023.0 (a float year column)
    from idcforecast import backtest, compare_methods

    y = pd.Series(GROWING, index=range(2015, 2023), name="cidc")
    msg = (
        "forecast: horizon must be a positive whole number of years after the last "
        "observation; got 7.0; 7.0 is a float: pass the integer 7"
    )
    with pytest.raises(ModelError, match=re.escape(msg)):
        forecast(y, 7.0)  # type: ignore[arg-type]
    msg = "backtest horizon must be a positive whole number of years; got 2.0; 2.0 is a float"
    with pytest.raises(DataError, match=re.escape(msg)):
        backtest(y, 2.0)  # type: ignore[arg-type]
    msg = "compare_methods: horizon must be a positive whole number of years; got 7.0; 7.0 is"
    with pytest.raises(ModelError, match=re.escape(msg)):
        compare_methods(y, 7.0)  # type: ignore[arg-type]
    # a fraction keeps the example
    with pytest.raises(ModelError, match=re.escape("got 2.5; pass e.g. horizon=5")):
        forecast(y, 2.5)  # type: ignore[arg-type]
    # backtest's refusal of 0 named no fix (analyst52's finding); it gives the example too
    with pytest.raises(ModelError, match=re.escape("years; got 0; pass e.g. horizon=3")):
        backtest(y, 0)


def test_a_bad_horizon_is_one_error_type_from_every_entry_point() -> None:
    # Was: a DataError from backtest(), a ModelError from forecast(), forecast_many() and
    # compare_methods(); "series 'a': horizon must be ..." from forecast() named the first
    # series for a horizon that is wrong whatever the series; and with several methods a
    # year given as the horizon ended "; or leave 'naive' out of method=[...]", a fix
    # that fixes nothing.
    import idcforecast as idc
    from idcforecast.errors import DataError, HorizonError

    frame = pd.DataFrame(
        {
            "series_id": ["a"] * 6 + ["b"] * 6,
            "year": list(range(2018, 2024)) * 2,
            "value": [float(v) for v in range(1, 13)],
        }
    )
    calls = {
        "forecast": lambda h: forecast(frame, h),
        "forecast_many": lambda h: idc.forecast_many(frame, h, engine="serial"),
        "backtest": lambda h: idc.backtest(frame, h),
        "compare_methods": lambda h: idc.compare_methods(frame, h),
    }
    for name, call in calls.items():
        for bad in (0, 2.5, 2030):
            with pytest.raises(HorizonError) as caught:
                call(bad)
            # callers that caught either type before still catch it
            assert isinstance(caught.value, ModelError), (name, bad)
            assert isinstance(caught.value, DataError), (name, bad)
    with pytest.raises(HorizonError) as caught:
        forecast(frame, 2.5, method=["naive", "drift"])
    assert str(caught.value) == (
        "forecast: horizon must be a positive whole number of years after the last "
        "observation; got 2.5; pass e.g. horizon=5"
    )
    # a year given as the horizon depends on the series' last year (2023 + 7 = 2030):
    # named by series, without the leave-a-method-out fix
    with pytest.raises(HorizonError) as caught:
        forecast(frame, 2030, method=["naive", "drift"])
    assert str(caught.value) == (
        "series 'a': horizon 2030 is more than 100 years ahead: a year given as the "
        "horizon? the horizon counts years after the last observation (2023): to forecast "
        "to 2030 pass 7"
    )


def test_values_published_as_bounds_are_named_in_the_note() -> None:
    # "超过520万标准机架" is read as at least 520; the models fit 520 as if exact, and the
    # forecast used to say nothing of it (china_racks_in_use: three of four values are bounds)
    frame = pd.DataFrame(
        {
            "series_id": "racks",
            "year": [2019, 2020, 2021, 2022],
            "value": [265.8, 350.0, 520.0, 650.0],
            "qualifier": ["exact", "approximately", "at_least", "at_most"],
        }
    )
    note = forecast(frame, 2, method="drift")["note"].iloc[0]
    assert note == (
        "values published as bounds, fitted as those numbers, never scored by the "
        "interval calibration: 2021 (at least), 2022 (at most); " + NO_SCORED_CUTOFF
    )
    # the numbers are those of the plain values: a note, not another model (4 years: no
    # cutoff to score either way)
    plain = forecast(frame.drop(columns="qualifier"), 2, method="drift")
    assert plain["note"].iloc[0] == NO_SCORED_CUTOFF
    assert forecast(frame, 2, method="drift")["mean"].tolist() == plain["mean"].tolist()


def test_a_method_that_cannot_run_among_several_is_told_to_be_left_out() -> None:
    # the whole call fails (one frame for every method); the message named only the
    # failing method's own fixes (models24)
    frame = pd.DataFrame({"series_id": "s", "year": range(2018, 2023), "value": [1.0, 2, 3, 4, 5]})
    msg = "needs at least 8; add years or use method='auto' (needs 4); or leave 'arima' out of "
    with pytest.raises(InsufficientDataError, match=re.escape(msg + "method=['drift', 'arima']")):
        forecast(frame, 2, method=["drift", "arima"])
    zero = frame.assign(value=[1.0, 2, 0, 4, 5])
    with pytest.raises(ModelError, match=re.escape("or leave 'drift_log' out of method=")):
        forecast(zero, 2, method=["drift", "drift_log"])
    with pytest.raises(ModelError) as alone:  # one method: its own message, unchanged
        forecast(zero, 2, method="drift_log")
    assert "leave" not in str(alone.value)


def test_a_share_forecast_past_100_percent_says_so() -> None:
    # 50% -> 90% by 5 pp a year: the methods extrapolate levels and passed 100% silently
    share = pd.DataFrame(
        {"series_id": "share", "year": range(2015, 2024),
         "value": [50.0, 55.0, 60.0, 65.0, 70.0, 75.0, 80.0, 85.0, 90.0], "unit": "%"}
    )  # fmt: skip
    out = forecast(share, 7, method="drift")
    # drift: +5 pp a year from 90 in 2023, so the mean is 105 in 2026, the first past 100
    assert out.loc[out["year"] == 2026, "mean"].iloc[0] == pytest.approx(105.0)
    first_hi = int(out.loc[out["hi_95"] > 100, "year"].min())
    assert (
        out["note"]
        .iloc[0]
        .endswith(
            f"forecast passes 100% (95% upper bound in {first_hi}, central value in 2026): a "
            "share cannot; if the series is one, cap it at 100 (cap=100; forecast --cap 100)"
        )
    )
    # with the cap nothing passes 100; a series that was above 100% is no share
    assert "passes 100%" not in forecast(share, 7, method="drift", cap=100)["note"].iloc[0]
    above = share.assign(value=share["value"] + 20.0)  # 70 .. 110
    assert "passes 100%" not in forecast(above, 7, method="drift")["note"].iloc[0]
    money = share.assign(unit="CNY bn")
    assert "passes 100%" not in forecast(money, 7, method="drift")["note"].iloc[0]


def test_a_series_above_100_percent_before_a_gap_is_no_share_under_span() -> None:
    # gaps="span" fits 2020-2023 (60 .. 90) only, but 2016-2017 were 120 and 110: not a
    # share; the note was added from the fitted run's maximum (90)
    pct = pd.DataFrame(
        {"series_id": "x", "year": [2016, 2017, 2020, 2021, 2022, 2023],
         "value": [120.0, 110.0, 60.0, 70.0, 80.0, 90.0], "unit": "%"}
    )  # fmt: skip
    out = forecast(pct, 4, method="drift", gaps="span")
    # drift on 60 .. 90: +10 a year, 100 in 2024, 130 in 2027
    assert out["mean"].tolist() == pytest.approx([100.0, 110.0, 120.0, 130.0])
    assert "passes 100%" not in out["note"].iloc[0]


def test_a_share_forecast_without_intervals_past_100_percent_says_so() -> None:
    # level=(): no hi_ column, so the check returned before looking at the central value
    share = pd.DataFrame(
        {"series_id": "share", "year": range(2015, 2024),
         "value": [50.0, 55.0, 60.0, 65.0, 70.0, 75.0, 80.0, 85.0, 90.0], "unit": "%"}
    )  # fmt: skip
    out = forecast(share, 4, method="drift", level=())
    # drift: 90 + 5 h -> 95, 100, 105, 110 in 2024-2027: past 100 first in 2026
    assert out["mean"].tolist() == pytest.approx([95.0, 100.0, 105.0, 110.0])
    assert out["note"].iloc[0] == (
        "forecast passes 100% (central value in 2026): a share cannot; if the series is one, "
        "cap it at 100 (cap=100; forecast --cap 100)"
    )
    assert forecast(share, 1, method="drift", level=())["note"].iloc[0] == ""  # 95 in 2024


UNITLESS_NOTE = (
    "forecast passes 100 (central value in 2026): the series has no unit and its id names "
    "a share; in percent a share cannot pass 100; if the series is one, cap it at 100 "
    "(cap=100; forecast --cap 100)"
)


@pytest.mark.parametrize(
    "sid", ["idc_market_share", "机架上架率", "cloud_penetration", "占比", "rack_%"]
)
@pytest.mark.parametrize("unit", [None, ""])  # no unit column, a blank unit
def test_a_unitless_series_named_a_share_past_100_says_so(sid: str, unit: str | None) -> None:
    # cli58: a share with no unit got no note (the check needed a percent unit)
    share = pd.DataFrame(
        {"series_id": sid, "year": range(2015, 2024),
         "value": [50.0, 55.0, 60.0, 65.0, 70.0, 75.0, 80.0, 85.0, 90.0]}
    )  # fmt: skip
    if unit is not None:
        share["unit"] = unit
    out = forecast(share, 4, method="drift", level=())
    # drift: 90 + 5 h -> 95, 100, 105, 110 in 2024-2027 (numbers as in "%"): past 100 in 2026
    assert out["mean"].tolist() == pytest.approx([95.0, 100.0, 105.0, 110.0])
    assert out["note"].iloc[0] == UNITLESS_NOTE
    many = forecast_many(share, 4, method="drift", level=(), engine="serial", progress=False)
    assert many["note"].iloc[0] == UNITLESS_NOTE


def test_a_unitless_series_not_named_a_share_or_past_100_before_gets_no_note() -> None:
    values = [50.0, 55.0, 60.0, 65.0, 70.0, 75.0, 80.0, 85.0, 90.0]
    plain = pd.DataFrame({"series_id": "revenue", "year": range(2015, 2024), "value": values})
    assert forecast(plain, 4, method="drift", level=())["note"].iloc[0] == ""
    # a history above 100 once: no share, whatever its name
    above = plain.assign(series_id="market_share", value=[120.0, *values[1:]])
    assert forecast(above, 4, method="drift", level=())["note"].iloc[0] == ""
    many = forecast_many(above, 4, method="drift", level=(), engine="serial", progress=False)
    assert many["note"].iloc[0] == ""


def test_the_array_core_refuses_a_year_indexed_series_it_would_misread() -> None:
    # forecast_array/forecast_paths read values in their order, one a year: a Series with
    # 2019 missing was forecast as five consecutive years, a reversed one from its first
    # value backwards, in silence
    gappy = pd.Series([1.0, 2.0, 4.0, 5.0, 6.0], index=[2017, 2018, 2020, 2021, 2022])
    msg = (
        "series 'series': expected consecutive yearly values, oldest first (their order is "
        "read as one a year); the Series' index skips year 2019; fill the missing years or "
        "pass only the latest consecutive run; forecast() handles gaps (gaps='interpolate' "
        "or 'span')"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        forecast_paths(gappy, horizon=2, n_paths=3, seed=0)
    with pytest.raises(DataError, match=re.escape(msg)):
        forecast_array(gappy, horizon=2, method="drift")
    ordered = pd.Series(GROWING, index=range(2024 - len(GROWING), 2024))
    msg = (
        "series 'series': expected consecutive yearly values, oldest first (their order is "
        "read as one a year); the Series' index is not in increasing year order; sort it "
        "(y.sort_index())"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        forecast_array(ordered.iloc[::-1], horizon=2, method="drift")
    # consecutive years (ints, periods) or a plain position index: read as before
    expected = forecast_array(np.array(GROWING), horizon=2, method="drift").mean
    periods = ordered.set_axis(pd.period_range("2016", periods=len(GROWING), freq="Y"))
    for y in (ordered, periods, pd.Series(GROWING)):
        np.testing.assert_array_equal(forecast_array(y, horizon=2, method="drift").mean, expected)


def test_a_value_that_is_not_finite_is_shown_as_a_number() -> None:
    # numpy 2 showed it as "value np.float64(nan)"
    msg = (
        "series 'series' observation 2: value nan is not finite; drop that year (the gap "
        "policy of forecast() handles missing years)"
    )
    with pytest.raises(NonNumericValueError, match=re.escape(msg)):
        forecast_array(np.array([1.0, 2.0, np.nan, 4.0, 5.0]), horizon=1)


def test_a_log_model_floored_in_decline_is_not_told_to_try_itself() -> None:
    # drift_log on 100 ... 8 over 7 years: rate (8 / 100) ** (1 / 7) = 0.6968 a year; the
    # forecast 8 * 0.6968 ** k falls below the floor 0.08 (1% of 8) from k = 13
    # (ln 0.01 / ln 0.6968 = 12.75). The note said the trend "runs to zero or below" (a log
    # model never does) and advised "compare a log-scale or no-trend model (drift_log, ...)"
    y = pd.Series([100.0, 80, 60, 45, 30, 20, 12, 8], index=range(2016, 2024))
    fc = forecast(y, 14, method="drift_log")
    rate = (8 / 100) ** (1 / 7)
    expected = np.maximum(8 * rate ** np.arange(1, 15), 0.08)
    np.testing.assert_allclose(fc["mean"], expected, rtol=1e-12)
    assert fc["mean"].iloc[11] > 0.08 and fc["mean"].iloc[12] == 0.08
    assert (
        fc["note"]
        .iloc[0]
        .startswith(
            "point forecast floored at 0.08 (1% of the smallest value): the model's decline, a "
            "rate on the log scale, runs below it, so the floor is a convention, not an "
            "estimate, and the intervals around it say little; compare a no-trend model (naive)"
        )
    )


def test_methods_in_one_comma_string_are_told_to_be_a_list() -> None:
    # "auto,drift" (the command line's --method way) got "did you mean 'drift'?"
    data = pd.DataFrame({"series_id": "s", "year": range(2015, 2024), "value": range(10, 19)})
    message = (
        "method 'auto,drift' is one string naming 2 methods; pass them as a list: "
        "method=['auto', 'drift'] (a comma list is the command line's --method way)"
    )
    with pytest.raises(UnknownMethodError, match=re.escape(message)):
        forecast(data, 2, method="auto,drift")


def test_one_cap_for_series_in_different_units_is_refused() -> None:
    # before: cap=100 (meant for the share) clipped the TWh series at 100 TWh as well
    frame = pd.DataFrame(
        {
            "series_id": ["share"] * 5 + ["twh"] * 5,
            "year": [*range(2019, 2024)] * 2,
            "value": [50.0, 55, 60, 65, 70, 80.0, 90, 100, 110, 120],
            "unit": ["%"] * 5 + ["TWh"] * 5,
        }
    )
    msg = (
        "forecast: cap=100 is one number for series in different units ('share' in '%', "
        "'twh' in 'TWh'); pass one cap per series as a mapping, e.g. cap={'share': 100} (a "
        "series left out of it is not capped)"
    )
    with pytest.raises(ModelError, match=re.escape(msg)):
        forecast(frame, 2, method="drift", cap=100)
    # a cap computed with numpy is shown as typed (was "cap=np.float64(100.0)")
    with pytest.raises(ModelError, match=re.escape("cap=100.0 is one number")):
        forecast(frame, 2, method="drift", cap=np.float64(100.0))
    # the mapping caps the share only: drift 70 + 2 x 5 = 80 (under 100), TWh uncapped
    fc = forecast(frame, 2, method="drift", cap={"share": 100})
    assert fc["mean"].tolist() == [75.0, 80.0, 130.0, 140.0]
    # series in one unit still take one number
    same = frame.assign(unit="%", value=[50.0, 55, 60, 65, 70] * 2)
    assert forecast(same, 1, method="drift", cap=72)["mean"].tolist() == [72.0, 72.0]


@pytest.mark.parametrize("unit", ["percent", "pct"])
def test_a_share_in_percent_spelt_out_past_100_says_so(unit: str) -> None:
    # the note checked unit == "%" only: a share in "percent" passed 100% without a word,
    # while the report (which read any spelling) flagged it
    share = pd.DataFrame(
        {"series_id": "share", "year": range(2015, 2024),
         "value": [50.0, 55.0, 60.0, 65.0, 70.0, 75.0, 80.0, 85.0, 90.0], "unit": unit}
    )  # fmt: skip
    out = forecast(share, 4, method="drift", level=())
    # drift: 90 + 5 h -> 95, 100, 105, 110 in 2024-2027: past 100 first in 2026
    assert out["note"].iloc[0] == (
        "forecast passes 100% (central value in 2026): a share cannot; if the series is one, "
        "cap it at 100 (cap=100; forecast --cap 100)"
    )


def test_a_blank_cap_in_a_mapping_says_so_in_forecast_backtest_and_compare() -> None:
    # caps read from a table with a blank for each uncapped series: {'a': nan} failed as
    # "series 'a': cap nan is not above the last observation 5.0", which names no fix
    # (forecast_many already said so; now the other front doors ask the same check)
    from idcforecast import backtest, compare_methods

    frame = _two_numbered_series().assign(series_id=lambda f: f["series_id"].map({1: "a", 2: "b"}))
    caps = {"a": float("nan"), "b": 10.0}
    for call, name in (
        (lambda: forecast(frame, 1, method="drift", cap=caps), "forecast"),
        (lambda: backtest(frame, 1, method="drift", cap=caps), "backtest"),
        (lambda: compare_methods(frame, 1, methods=["drift"], cap=caps), "compare_methods"),
    ):
        message = f"{name}: cap is NaN (blank) for series 'a'"
        with pytest.raises(ModelError, match=re.escape(message)):
            call()


def test_a_bad_gap_policy_is_the_call_s_error_not_the_first_series() -> None:
    # before: "series '1': gaps='fill' is not a gap policy", as if series 1 were at fault
    from idcforecast import backtest

    tail = "gaps='fill' is not a gap policy; expected one of 'interpolate', 'span', 'error'"
    with pytest.raises(DataError, match=re.escape(f"forecast: {tail}")):
        forecast(_two_numbered_series(), 1, method="drift", gaps="fill")
    with pytest.raises(DataError, match=re.escape(f"backtest: {tail}")):
        backtest(_two_numbered_series(), 1, method="drift", gaps="fill")


def test_a_number_with_thousands_separators_is_named_as_such() -> None:
    # a CSV read by pandas keeps "1,200" as text: the message said only "is not a finite
    # number; give a number", though the fix is a read_csv option away
    from idcforecast.errors import NonNumericValueError

    frame = pd.DataFrame(
        {"year": range(2018, 2024), "value": ["1,200", "1,300", "1,400", "1,550", "1,600", "1,700"]}
    )
    msg = (
        "series 'series' year 2018: value '1,200' is a number written with thousands "
        "separators, text to pandas; pass 1200: read the file with pandas.read_csv(..., "
        "thousands=',') or with idcforecast.read_series"
    )
    with pytest.raises(NonNumericValueError, match=re.escape(msg)):
        forecast(frame, 2)
    fixed = frame.assign(value=pd.to_numeric(frame["value"].str.replace(",", "")))
    assert forecast(fixed, 1, method="naive")["mean"].tolist() == [1700.0]


def test_interval_and_paths_of_a_capped_forecast_match_its_bounds() -> None:
    # before: interval() and sample_paths() centred the distribution on the clipped mean
    # (21, 21, 21), so their 95% lower bounds (15.35, 13.48, 12.20) fell below the frame's
    # (16.08, 15.41, 15.11), computed around the forecast before the cap (22, 24, 26)
    y = np.array([10.0, 12, 14, 16, 18, 20])
    capped = forecast_array(y, horizon=3, method="drift", cap=21)
    free = forecast_array(y, horizon=3, method="drift")
    assert free.mean.tolist() == [22.0, 24.0, 26.0] and capped.mean.tolist() == [21.0] * 3
    # the cap clips the distribution: its quantiles are the uncapped ones, clipped
    lo, hi = capped.interval(95)
    np.testing.assert_allclose(lo, free.lower[95], rtol=1e-12)
    np.testing.assert_allclose(lo, capped.lower[95], rtol=1e-12)
    assert hi.tolist() == [21.0] * 3
    paths = capped.sample_paths(40_000, seed=0)
    np.testing.assert_allclose(np.quantile(paths, 0.025, axis=0), free.lower[95], rtol=0.02)
    assert paths.max() == 21.0


def test_messages_show_numpy_arguments_as_typed() -> None:
    # a horizon computed from a year column is a numpy integer: the messages read
    # "got np.int64(0)", "interval level np.float64(150.0)", "not np.float64(0.8)"
    from idcforecast import backtest, compare_methods

    y = pd.Series([210.0, 260, 372, 519, 630, 790, 900, 1010], index=range(2016, 2024), name="s")
    cases = [
        (lambda: forecast(y, np.int64(0)), "got 0; pass e.g. horizon=5"),
        (lambda: forecast(y, 2, level=np.float64(150)), "interval level 150.0 is not a"),
        (lambda: forecast(y, 2, level=np.float64(0.8)), "pass 80, not 0.8 (as in"),
        (lambda: backtest(y, np.int64(0)), "years; got 0"),
        (lambda: backtest(y, 2, n_windows=np.int64(0)), "(all cutoffs); got 0"),
        (lambda: compare_methods(y, np.int64(0)), "years; got 0; pass e.g. horizon=3"),
    ]
    for call, text in cases:
        with pytest.raises(IdcForecastError) as caught:
            call()
        assert text in str(caught.value) and "np." not in str(caught.value)


@pytest.mark.parametrize("seed", [-1, 1.5, "7", True])
def test_a_seed_that_is_no_seed_is_refused_as_forecast_many_refuses_it(seed: object) -> None:
    # forecast() accepted seed=-1, 1.5, "7" and True without a word (its methods are
    # deterministic), while forecast_many, simulate and --seed refused them
    with pytest.raises(ModelError) as info:
        forecast(tidy(GROWING), 2, seed=seed)  # type: ignore[arg-type]
    assert str(info.value) == (
        f"forecast: seed must be a whole number 0 or more, or None; got {seed!r}; e.g. seed=7"
    )
    assert forecast(tidy(GROWING), 2, seed=7).equals(forecast(tidy(GROWING), 2))


def test_a_method_argument_error_names_its_call() -> None:
    # Was: "method is an empty list; ..." from forecast(), backtest() and forecast_many()
    # alike (compare_methods' said "compare_methods: methods is an empty list")
    import idcforecast as idc

    y = pd.Series([1.0, 2, 3, 4, 5], index=range(2019, 2024), name="y")
    calls = {
        "forecast": lambda m: forecast(y, 1, method=m),
        "backtest": lambda m: idc.backtest(y, 1, method=m),
        "forecast_many": lambda m: idc.forecast_many(y, 1, method=m, engine="serial"),
    }
    for name, call in calls.items():
        with pytest.raises(UnknownMethodError) as caught:
            call([])
        assert str(caught.value) == (
            f"{name}: method is an empty list; pass 'auto', a model alias or a list of aliases"
        )
        with pytest.raises(UnknownMethodError, match=f"^{name}: method None is not a method"):
            call([None])


def test_horizon_errors_name_the_function_called() -> None:
    """forecast_array(horizon=0) said "horizon must be ...": no function; forecast_paths
    and scenarios' simulate() said the same through forecast_array; a model's predict()
    and simulate() said "horizon" for their argument h, and no model or method."""
    from idcforecast import simulate
    from idcforecast.errors import HorizonError

    y = np.array(GROWING)
    tail = "horizon must be a positive whole number of years after the last observation; got"
    cases = [
        (lambda: forecast_array(y, horizon=0), f"forecast_array: {tail} 0; pass e.g. horizon=5"),
        (
            lambda: forecast_paths(y, horizon=2.0, n_paths=3),
            f"forecast_paths: {tail} 2.0; 2.0 is a float: pass the integer 2",
        ),
        (
            lambda: simulate(pd.Series(y, index=range(2016, 2016 + y.size)), 0),
            f"simulate: {tail} 0; pass e.g. horizon=5",
        ),
    ]
    drift = MODEL_REGISTRY["drift"]().fit(y)
    cases += [
        (
            lambda: drift.simulate(0, 10),
            "drift simulate(): horizon h must be a positive integer number of years; got 0; "
            "pass e.g. simulate(5)",
        ),
        (
            lambda: drift.predict(7.0),
            "drift predict(): horizon h must be a positive integer number of years; got 7.0; "
            "7.0 is a float: pass the integer 7",
        ),
    ]
    for call, message in cases:
        with pytest.raises(HorizonError, match=re.escape(message)):
            call()


def _ten_percent_last_bound(qualifier: str = "at_least") -> pd.DataFrame:
    """+10% a year 2018-2023, 2023 published as a bound ("more than 161.051")."""
    values = [100.0, 110.0, 121.0, 133.1, 146.41, 161.051]
    return pd.DataFrame(
        {
            "series_id": "s",
            "year": range(2018, 2024),
            "value": values,
            "qualifier": ["exact"] * 5 + [qualifier],
        }
    )


def test_interval_calibration_leaves_a_bound_year_out_as_backtest_scores_do() -> None:
    """The interval calibration scored rolling-origin errors against a year published as a
    bound as if exact, while backtest()/accuracy() leave bound actuals out.

    naive on 6 points: cutoffs 5 and 4 (min_train 4). Log errors: cutoff 5 step 1 is
    log(y5 / y4), cutoff 4 steps 1 and 2 are log(y4 / y3) = log 1.1 and log(y5 / y3).
    With y5 a bound only log 1.1 is left: s^2 = (log(1.1)^2 + 2 prior^2) / 3, the prior
    1.5 log 1.1 (every log change log 1.1, prior_sigma). Before: s^2 = (2 log(1.1)^2 +
    (log(1.21) / sqrt 2)^2 + 2 prior^2) / 5 = 0.124269^2.
    """
    q, prior = np.log(1.1), 1.5 * np.log(1.1)
    sigma = np.sqrt((q**2 + 2 * prior**2) / 3)  # 0.129051
    fc = forecast(_ten_percent_last_bound(), 1, method="naive")
    # hi_95 = mean exp(q95 sigma), q95 = 0.851 t_4(97.5%)
    assert np.log(fc["hi_95"].iloc[0] / fc["mean"].iloc[0]) == pytest.approx(
        DEFAULT_SETTINGS.quantile(95) * sigma, rel=1e-12
    )
    assert sigma == pytest.approx(0.129051, abs=1e-6)
    exact = forecast(_ten_percent_last_bound("exact"), 1, method="naive")
    assert np.log(exact["hi_95"].iloc[0] / exact["mean"].iloc[0]) == pytest.approx(
        DEFAULT_SETTINGS.quantile(95) * 0.124269, rel=1e-5
    )
    # forecast_array takes the same mask
    arr = forecast_array(
        _ten_percent_last_bound()["value"].to_numpy(),
        horizon=1,
        method="naive",
        bound=np.array([False] * 5 + [True]),
    )
    assert arr.upper[95][0] == pytest.approx(fc["hi_95"].iloc[0], rel=1e-12)


def test_a_one_year_jump_of_ten_times_is_named_in_the_note_forecast_and_batch_alike() -> None:
    """10, 11, 12, 13, 130, 140 MW was forecast with 95% intervals of 0.6 to 74,614 three
    years ahead and an empty note: the one log(10) change dominated the calibration, and
    nothing said so (the readers warn from 300x only). The note names it now."""
    from idcforecast.batch import forecast_many

    frame = pd.DataFrame(
        {
            "series_id": "s",
            "year": range(2019, 2025),
            "unit": "MW",
            "value": [10.0, 11.0, 12.0, 13.0, 130.0, 140.0],
        }
    )
    said = (
        "year 2023 is 10.0 times the year before (13 to 130): one change that size sets much "
        "of the interval width; if it is a change of scope or unit rather than growth, "
        "forecast the years from 2023 on"
    )
    assert forecast(frame, 3)["note"].iloc[0] == said
    assert forecast_many(frame, horizon=3)["note"].iloc[0] == said
    # a fall to a fifth is named too (1/5.0 of); 4.9 times is not
    fall = frame.assign(value=[140.0, 130.0, 26.0, 25.0, 24.0, 23.0])
    assert (
        forecast(fall, 1, method="drift")["note"]
        .iloc[0]
        .startswith("year 2021 is 1/5.0 of the year before (130 to 26)")
    )
    steep = frame.assign(value=[10.0, 49.0, 60.0, 70.0, 80.0, 90.0])
    assert forecast(steep, 1, method="drift")["note"].iloc[0] == ""


def test_one_year_out_of_line_with_both_neighbours_is_named_as_such() -> None:
    """1.2, 1.5, 1900, 2.3, 2.6 GW (a slip of MW for GW in 2021): the note said "forecast
    the years from 2021 on", advice that keeps 1900 and drops the years showing it out of
    line. It names the one value now, and the fix: correct it or leave the year out.
    1900 / 1.5 = 1266.67 times the year before; 1900 / 2.3 = 826.09 times the year after."""
    from idcforecast.batch import forecast_many

    frame = pd.DataFrame(
        {
            "series_id": "p",
            "year": range(2019, 2024),
            "unit": "GW",
            "value": [1.2, 1.5, 1900.0, 2.3, 2.6],
        }
    )
    said = (
        "year 2021 is 1266.7 times the year before and 826.1 times the year after (1.5, "
        "1900, 2.3): one value out of line with both neighbours sets much of the interval "
        "width; if it is a slip of magnitude or unit, correct it, or leave the year out (a gap)"
    )
    assert forecast(frame, 2, method="drift")["note"].iloc[0] == said
    assert forecast_many(frame, horizon=2, method="drift")["note"].iloc[0] == said
    # a dip (1/1000 of the year before, 1/1533.3 of the year after) is one value too
    dip = frame.assign(value=[1.2, 1.5, 0.0015, 2.3, 2.6])
    assert (
        forecast(dip, 1, method="drift")["note"]
        .iloc[0]
        .startswith(
            "year 2021 is 1/1000.0 of the year before and 1/1533.3 of the year after (1.5, "
            "0.0015, 2.3): one value out of line"
        )
    )
    # a step that stays (1.9 to 2300, then 2600) keeps the step's advice
    step = frame.assign(value=[1.2, 1.5, 1.9, 2300.0, 2600.0])
    assert (
        forecast(step, 1, method="drift")["note"]
        .iloc[0]
        .endswith("forecast the years from 2022 on")
    )


def test_intervals_resting_on_the_prior_alone_say_so() -> None:
    # fc54: a series too short for any scored rolling-origin cutoff gets its interval width
    # from the prior of its annual changes alone; the note said so only when the horizon
    # was longer than the history (4 points, horizon 2: silent)
    literal = (
        "no earlier cutoff could be scored: the interval width is the prior from the series' "
        "annual changes alone, not calibrated by rolling-origin errors"
    )
    assert literal == NO_SCORED_CUTOFF
    four = forecast(tidy([10.0, 12.0, 15.0, 17.0]), 2, method="drift")["note"].iloc[0]
    assert four == literal
    # five points: the drift fitted on the first four is scored against the fifth
    five = forecast(tidy([10.0, 12.0, 15.0, 17.0, 20.0]), 2, method="drift")["note"].iloc[0]
    assert five == ""
    # further ahead than the history: the longer note says it, once
    far = forecast(tidy([10.0, 12.0, 15.0, 17.0]), 7, method="drift")["note"].iloc[0]
    assert far.count("no earlier cutoff could be scored") == 1 and "assumed law" in far
    # a flat series: zero width, said by its own note, not this one
    flat = forecast(tidy([5.0, 5.0, 5.0, 5.0]), 2, method="drift")["note"].iloc[0]
    assert "zero width" in flat and literal not in flat


def test_a_series_whose_later_years_are_all_bounds_says_its_intervals_rest_on_the_prior() -> None:
    # the bundled racks series: 2021, 2022 and 2024 published as "more than" (never scored),
    # 2020 and 2023 gaps: no cutoff gives an error, though the series has 6 years to fit
    from idcforecast import load_dataset

    racks = load_dataset("china_racks_in_use")
    racks = racks[racks["series_id"] == "china_racks_in_use"]
    assert forecast(racks, 3)["note"].iloc[0].endswith("; " + NO_SCORED_CUTOFF)
    far = forecast(racks, 9)["note"].iloc[0]  # 9 years ahead of 6: the longer note says it
    assert NO_SCORED_CUTOFF not in far
    assert "6 years of history: no earlier cutoff could be scored, so the interval" in far


def test_a_share_at_its_cap_is_clipped_there_not_refused() -> None:
    """60, 80, 95, 99, 100 %: the uncapped forecast (109.75 in 2024) is noted "passes 100%
    ... cap it at 100", and cap=100 was refused as "not above the last observation 100.0".
    A cap equal to the last value clips now: the mean is the cap, the upper bounds too, the
    lower bounds are the uncapped ones (a clip touches nothing below the cap), and the note
    does not advise a saturation curve, which needs a cap above the data (still refused)."""
    from idcforecast.batch import forecast_many
    from idcforecast.errors import ModelError

    frame = pd.DataFrame(
        {
            "series_id": "pen",
            "year": range(2019, 2024),
            "value": [60.0, 80, 95, 99, 100],
            "unit": "%",
        }
    )
    free = forecast(frame, 2)
    assert "cap it at 100" in free["note"].iloc[0]
    capped = forecast(frame, 2, cap=100)
    assert capped["mean"].tolist() == [100.0, 100.0]
    assert capped["hi_95"].tolist() == [100.0, 100.0]
    assert capped["lo_95"].tolist() == free["lo_95"].tolist()
    assert (
        capped["note"]
        .iloc[0]
        .endswith("clipped at cap 100: from the first year ahead on the forecast is the cap itself")
    )
    batch = forecast_many(frame, horizon=2, cap=100)
    assert batch["mean"].tolist() == [100.0, 100.0]
    assert batch["note"].iloc[0] == capped["note"].iloc[0]
    with pytest.raises(ModelError, match="a saturation level must exceed the data"):
        forecast(frame, 2, cap=100, method="logistic")
    with pytest.raises(
        ModelError, match=re.escape("cap 99.9 is not above the last observation 100.0")
    ):
        forecast(frame, 2, cap=99.9)
