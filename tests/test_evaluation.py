"""Metric functions, backtest windows and accuracy (pinned by hand arithmetic)."""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import pandas as pd
import pytest

from idcforecast import accuracy, backtest, coverage, forecast, mase, smape, winkler_score
from idcforecast._forecast_finish import NO_SCORED_CUTOFF
from idcforecast.errors import (
    DataError,
    ModelError,
    NoBacktestWindowError,
    NonNumericValueError,
    UnknownMethodError,
    UnknownSeriesError,
)


def test_smape_hand_arithmetic() -> None:
    # 200*|100-110|/210 = 9.5238..., 200*|200-180|/380 = 10.5263...; mean 10.0251
    assert smape([100.0, 200.0], [110.0, 180.0]) == pytest.approx(10.025062656641603)
    assert smape([0.0], [0.0]) == 0.0  # 0/0 counts as a perfect forecast
    assert smape([1.0], [-1.0]) == 200.0


def test_mase_hand_arithmetic() -> None:
    # history diffs |10|, |-5| -> scale 7.5; errors 5 and 10 -> MAE 7.5 -> MASE 1.0
    assert mase([120.0, 130.0], [115.0, 120.0], history=[100.0, 110.0, 105.0]) == 1.0


def test_mase_constant_history_is_an_error() -> None:
    msg = (
        "MASE is undefined for a constant history (mean absolute difference 0); use sMAPE "
        "for this series"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        mase([1.0], [1.0], history=[5.0, 5.0])


def test_coverage_and_winkler_hand_arithmetic() -> None:
    assert coverage([1.0, 5.0, 9.0], [0.0, 0.0, 0.0], [2.0, 6.0, 8.0]) == pytest.approx(2 / 3)
    # alpha = 0.2: widths 6 and 6, second actual 2 above the upper bound: 6 + 2/0.2*2 = 26
    assert winkler_score([5.0, 12.0], [4.0, 4.0], [10.0, 10.0], level=80) == 16.0


def _linear_frame() -> pd.DataFrame:
    years = np.arange(2010, 2020)
    return pd.DataFrame({"series_id": "lin", "year": years, "value": 100.0 + 5.0 * (years - 2010)})


def test_backtest_windows_cutoffs_and_columns() -> None:
    bt = backtest(_linear_frame(), 3, method="drift", n_windows=2)
    assert bt["cutoff"].tolist() == [2015, 2015, 2015, 2016, 2016, 2016]
    assert bt["year"].tolist() == [2016, 2017, 2018, 2017, 2018, 2019]
    # drift on an exact line is exact: mean == actual; naive is the value at the cutoff
    np.testing.assert_allclose(bt["mean"], bt["actual"])
    assert bt["naive"].tolist() == [125.0] * 3 + [130.0] * 3  # 100 + 5 * (cutoff - 2010)
    assert set(bt["mase_scale"]) == {5.0}
    for col in ("lo_80", "hi_80", "lo_95", "hi_95", "unit", "status", "note"):
        assert col in bt.columns


def test_backtest_all_feasible_windows_when_none() -> None:
    # drift needs 3 points: cutoffs 2012..2017 leave a full horizon of 2 observed years
    bt = backtest(_linear_frame(), 2, method="drift")
    assert sorted(bt["cutoff"].unique().tolist()) == list(range(2012, 2018))


def test_backtest_n_windows_takes_a_numpy_integer_and_refuses_true() -> None:
    # before: np.int64(2) was refused as "not a positive integer" and True taken as 1
    bt = backtest(_linear_frame(), 3, method="drift", n_windows=np.int64(2))
    assert bt["cutoff"].unique().tolist() == [2015, 2016]  # the last two of 2012..2016
    msg = "backtest: n_windows must be a positive integer or None (all cutoffs); got True"
    with pytest.raises(DataError, match=re.escape(msg)):
        backtest(_linear_frame(), 3, method="drift", n_windows=True)


def test_backtest_n_windows_as_a_whole_float_is_told_the_integer() -> None:
    # before: "n_windows must be a positive integer or None (all cutoffs); got 2.0", no
    # fix and no caller
    msg = (
        "backtest: n_windows must be a positive integer or None (all cutoffs); got 2.0; 2.0 "
        "is a float: pass the integer 2"
    )
    with pytest.raises(DataError, match=re.escape(msg) + "$"):
        backtest(_linear_frame(), 3, method="drift", n_windows=2.0)
    msg = "got 0; e.g. n_windows=3"
    with pytest.raises(DataError, match=re.escape(msg) + "$"):
        backtest(_linear_frame(), 3, method="drift", n_windows=0)


def test_backtest_never_scores_gap_years() -> None:
    frame = _linear_frame()
    frame = frame[frame["year"] != 2018]
    bt = backtest(frame, 2, method="drift", n_windows=1)
    assert 2018 not in bt["year"].tolist()


def test_accuracy_naive_owa_is_one_and_drift_perfect() -> None:
    bt = backtest(_linear_frame(), 3, method=["naive", "drift"], n_windows=2)
    acc = accuracy(bt).set_index(["series_id", "model"])
    assert acc.loc[("(all)", "naive"), "owa"] == pytest.approx(1.0)
    assert acc.loc[("(all)", "drift"), "smape"] == pytest.approx(0.0, abs=1e-9)
    assert acc.loc[("(all)", "drift"), "mase"] == pytest.approx(0.0, abs=1e-9)
    # naive errors on the line: 5, 10, 15 (x2 windows) / scale 5 -> MASE 2
    assert acc.loc[("lin", "naive"), "mase"] == pytest.approx(2.0)
    assert acc.loc[("lin", "naive"), "n"] == 6


def test_accuracy_needs_a_backtest_frame() -> None:
    msg = (
        "accuracy() needs a backtest() frame; column(s) actual, mase_scale, naive are "
        "missing; pass the result of idcforecast.backtest(...)"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        accuracy(pd.DataFrame({"series_id": ["a"], "model": ["x"], "mean": [1.0]}))


def test_backtest_bad_arguments() -> None:
    with pytest.raises(DataError, match=re.escape("got 0")):
        backtest(_linear_frame(), 0)
    msg = "backtest: n_windows must be a positive integer or None (all cutoffs); got 0"
    with pytest.raises(DataError, match=re.escape(msg)):
        backtest(_linear_frame(), 2, n_windows=0)
    with pytest.raises(UnknownMethodError, match="did you mean 'drift'"):
        backtest(_linear_frame(), 2, method="drfit")


def test_backtest_takes_the_seed_forecast_takes_and_checks_it() -> None:
    # before: backtest(data, 2, seed=1) was a TypeError (no such parameter), though
    # forecast() and compare_methods() take seed; the methods are deterministic, so the
    # frame is the one without a seed, and a bad seed is refused as forecast() refuses it
    plain = backtest(_linear_frame(), 2, method="drift", n_windows=2)
    seeded = backtest(_linear_frame(), 2, method="drift", n_windows=2, seed=1)
    pd.testing.assert_frame_equal(seeded, plain)
    msg = "backtest: seed must be a whole number 0 or more, or None; got -1; e.g. seed=7"
    with pytest.raises(ModelError, match=re.escape(msg)):
        backtest(_linear_frame(), 2, method="drift", seed=-1)


def test_backtest_too_short_for_any_window() -> None:
    frame = _linear_frame().head(5)
    # "auto" needs 4 points and horizon 3 needs 3 more: 4 + 3 = 7 points are enough (at
    # least, not "more than" as the message said), 5 are not; 4 + 3 - 1 = 6 are not either
    assert not backtest(_linear_frame().head(7), 3, method="auto").empty
    with pytest.raises(DataError):
        backtest(_linear_frame().head(6), 3, method="auto")
    msg = (
        "no backtest window fits: every series needs at least horizon=3 years after the "
        "method's minimum number of points; shorten the horizon"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        backtest(frame, 3, method="auto")
    # one year ahead cannot be shortened: the fix is more years (was "shorten the horizon")
    msg = (
        "no backtest window fits: every series needs at least horizon=1 year after the "
        "method's minimum number of points; add years: one year ahead is the shortest "
        "backtest there is"
    )
    with pytest.raises(DataError, match=re.escape(msg)):  # was "horizon=1 years"
        backtest(frame.head(3), 1, method="auto")


def test_no_window_says_how_short_the_horizon_must_be_and_why() -> None:
    # before: "shorten the horizon", to what unsaid, and said too where no horizon fits at
    # all (4 years for 'auto', which needs 4 up to a cutoff: not even one year ahead)
    frame = _linear_frame().head(5)  # 2010-2014
    msg = (
        "no backtest window fits: every series needs at least horizon=3 years after the "
        "method's minimum number of points; shorten the horizon to 2 or less (series 'lin' "
        "has 5 observed years, 2010-2014, and 'drift' needs 3 up to a cutoff)"
    )
    with pytest.raises(DataError, match=re.escape(msg) + "$"):
        backtest(frame, 3, method="drift")
    # the first cutoff drift can fit is 2012 (2010-2012): 2014 - 2012 = 2 years ahead fit
    assert backtest(frame, 2, method="drift")["cutoff"].unique().tolist() == [2012]
    msg = (
        "method's minimum number of points; add years: no horizon fits, not even one year "
        "ahead (series 'lin' has 4 observed years, 2010-2013, and 'auto' needs 4 up to a "
        "cutoff)"
    )
    with pytest.raises(DataError, match=re.escape(msg) + "$"):
        backtest(frame.head(4), 2, method="auto")


def test_accuracy_winkler_is_scaled_by_the_mase_scale() -> None:
    bt = backtest(_linear_frame(), 2, method="naive", n_windows=1, level=80)
    # one window, cutoff 2017 (value 135, scale 5); actuals 140, 145
    acc = accuracy(bt).set_index("series_id")
    expected = winkler_score(bt["actual"] / 5.0, bt["lo_80"] / 5.0, bt["hi_80"] / 5.0, level=80)
    assert acc.loc["lin", "winkler_80"] == pytest.approx(expected)
    raw = winkler_score(bt["actual"], bt["lo_80"], bt["hi_80"], level=80)
    assert acc.loc["(all)", "winkler_80"] == pytest.approx(raw / 5.0)


def test_backtest_rejects_an_interval_level_of_150() -> None:
    # before: silent NaN lo_150/hi_150 columns, then NaN coverage in accuracy()
    y = pd.Series([10.0, 12, 13, 15, 18, 20, 23, 25], index=range(2016, 2024))
    msg = (
        "backtest: interval level 150 is not a percentage strictly between 0 and 100; "
        "pass levels like (80, 95)"
    )
    from idcforecast.errors import ModelError

    with pytest.raises(ModelError, match=re.escape(msg)):
        backtest(y, 1, method="drift", level=150)


@pytest.mark.parametrize(
    ("call", "error", "msg"),
    [
        # before: a wrong number from broadcasting ([1, 2] vs [1] gave 33.33)
        (
            lambda: smape([1.0, 2.0], [1.0]),
            DataError,
            "smape: forecast has 1 value but actual has 2; pass one forecast value per "
            "actual value",
        ),
        # before: NaN with a RuntimeWarning
        (lambda: smape([], []), DataError, "smape: actual is empty; pass at least one value"),
        # before: a silent NaN
        (
            lambda: smape([1.0, np.nan], [1.0, 2.0]),
            DataError,
            "smape: actual[1] is nan, not a finite number; drop that position from every "
            "argument (or fill it)",
        ),
        # before: the NaN counted as a miss (coverage 0.0)
        (
            lambda: coverage([np.nan], [0.0], [1.0]),
            DataError,
            "coverage: actual[0] is nan, not a finite number; drop that position from every "
            "argument (or fill it)",
        ),
        (
            lambda: coverage([1.0, 2.0], [0.0], [3.0, 3.0]),
            DataError,
            "coverage: lower has 1 value but actual has 2; pass one lower value per actual value",
        ),
        # before: ZeroDivisionError
        (
            lambda: winkler_score([1.0], [0.0], [2.0], level=100),
            ValueError,
            "winkler_score: interval level 100 is not a percentage strictly between 0 and "
            "100; pass levels like (80, 95)",
        ),
        # before: "got 1" for an empty history
        (
            lambda: mase([1.0], [1.0], history=[]),
            DataError,
            "MASE needs at least two history points to scale errors; got 0",
        ),
        (
            lambda: mase([1.0, 2.0], [1.0], history=[1.0, 2.0, 3.0]),
            DataError,
            "mase: forecast has 1 value but actual has 2; pass one forecast value per actual value",
        ),
        (
            lambda: smape(["a"], [1.0]),
            DataError,
            "smape: actual must be numbers (could not convert string to float: 'a'); pass "
            "numeric arrays",
        ),
    ],
)
def test_metric_functions_reject_bad_arrays(
    call: Callable[[], float], error: type[Exception], msg: str
) -> None:
    with pytest.raises(error, match=re.escape(msg)):
        call()


def test_accuracy_of_a_constant_series_is_nan_not_a_crash() -> None:
    # before: ZeroDivisionError. History 5,5,...: every MASE scale is 0 and naive is exact,
    # so mase, owa and winkler are undefined (NaN); sMAPE 0 and coverage 1 are still defined.
    y = pd.Series([5.0] * 8, index=range(2016, 2024))
    acc = accuracy(backtest(y, 1, method="naive")).set_index("series_id")
    row = acc.loc["(all)"]
    # cutoffs 2017..2022 (naive needs 2 points, h=1 needs a year after): 6 rows
    assert row["smape"] == 0.0 and row["coverage_80"] == 1.0 and row["n"] == 6
    assert np.isnan(row["mase"]) and np.isnan(row["owa"]) and np.isnan(row["winkler_95"])


def test_accuracy_skips_only_the_unscaled_rows_for_mase() -> None:
    # one window has a constant history (scale 0), the other a scale of 2: MASE averages the
    # scaled row only: |13 - 11| / 2 = 1.0 (hand arithmetic); sMAPE uses both rows:
    # (200*|5-5|/10 + 200*|13-11|/24) / 2 = 8.3333
    frame = pd.DataFrame(
        {
            "series_id": "s",
            "model": "m",
            "mean": [5.0, 11.0],
            "actual": [5.0, 13.0],
            "naive": [5.0, 9.0],
            "mase_scale": [0.0, 2.0],
        }
    )
    acc = accuracy(frame).set_index("series_id")
    assert acc.loc["s", "mase"] == pytest.approx(1.0)
    assert acc.loc["s", "smape"] == pytest.approx(200 * 2 / 24 / 2)


def test_accuracy_of_an_empty_frame_and_of_a_nan_actual() -> None:
    y = pd.Series([10.0, 12, 13, 15, 18, 20, 23, 25], index=range(2016, 2024))
    bt = backtest(y, 2, method="drift")
    from idcforecast.errors import EmptyDataError

    with pytest.raises(EmptyDataError, match=re.escape("accuracy(): the backtest frame has no")):
        accuracy(bt.iloc[:0])  # before: a pandas KeyError about dtype mappings
    bt.loc[0, "actual"] = np.nan
    msg = (
        "accuracy(): actual is nan (not a finite number) in row 0 (series 'series', model "
        "'drift'); expected the backtest() frame's actual: drop that row or fill it"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        accuracy(bt)  # before: silent NaN smape, mase and owa


def test_backtest_cutoffs_count_the_years_the_gap_policy_fits() -> None:
    years = np.array([2010, 2011, 2012, 2013, 2014, 2015, 2017, 2018, 2019, 2020, 2021, 2022])
    frame = pd.DataFrame({"series_id": "gap", "year": years, "value": 1.0 * years - 2000})
    # "span" fits the latest run up to each cutoff; drift needs 3 points: 2012-2015 from the
    # run 2010-..., then 2019 (2017-2019) onwards; 2017 and 2018 have runs of 1 and 2 (and
    # 2015's one-year-ahead actual, 2016, is the gap: no row)
    span = backtest(frame, 1, method="drift", gaps="span")
    assert sorted(span["cutoff"].unique().tolist()) == [2012, 2013, 2014, 2019, 2020, 2021]
    # "interpolate" counts observed years: 2012 is the first cutoff with 3 of them
    filled = backtest(frame, 1, method="drift")
    assert sorted(filled["cutoff"].unique().tolist())[0] == 2012


def test_backtest_skips_cutoffs_whose_history_is_mostly_missing() -> None:
    # 2000, then 2005-2015: forecast() fills 2001-2004 (4 of 16 years); a cutoff in 2006
    # would have 4 missing of 7 years, which the interpolate policy refuses
    years = np.array([2000, *range(2005, 2016)])
    frame = pd.DataFrame({"series_id": "s", "year": years, "value": 10.0 + years - 2000})
    bt = backtest(frame, 2, method="drift")
    assert sorted(bt["cutoff"].unique().tolist()) == list(range(2007, 2014))  # 4 of 8 missing


def test_a_series_no_window_fits_is_named_not_dropped_in_silence() -> None:
    # uat13: a 3-point series beside a 10-point one vanished from backtest() and from
    # accuracy()'s "(all)" row, without a word
    from idcforecast.errors import BacktestWarning

    df = pd.DataFrame(
        {
            "series_id": ["a"] * 10 + ["short"] * 3,
            "year": [*range(2014, 2024), 2021, 2022, 2023],
            "value": [10.0 + 2 * i for i in range(10)] + [1.0, 2.0, 3.0],
        }
    )
    with pytest.warns(BacktestWarning) as caught:
        bt = backtest(df, 1, method=["drift", "damped"])
    assert str(caught[0].message) == (
        "backtest: no window fits 'short' (3 years) for 'drift'; 'short' (3 years) for "
        "'damped': too few years after the method's minimum for horizon=1; left out of the "
        "result (and of accuracy()'s totals)"
    )
    assert set(bt["series_id"]) == {"a"}


def test_backtests_at_different_levels_combined_name_the_missing_level() -> None:
    # uat13: "coverage: lower[0] is nan, not a finite number" named a NaN position, not the
    # 95% interval the naive backtest (levels 80, 90) never had
    y = pd.Series([10.0, 12, 13, 15, 16, 18, 21, 22, 24, 25], index=range(2014, 2024), name="y")
    both = pd.concat(
        [backtest(y, 2, method="drift"), backtest(y, 2, method="naive", level=(80, 90))]
    )
    with pytest.raises(DataError, match=re.escape("model 'naive' has no 95% interval")):
        accuracy(both)


def test_accuracy_refuses_a_backtest_combined_with_itself() -> None:
    # before: pd.concat([bt, bt]) scored every forecast twice (n 12 for 6 forecasts), in
    # silence; a second series with the same model is still fine
    bt = backtest(_linear_frame(), 3, method=["naive", "drift"], n_windows=2)
    msg = (
        "accuracy(): series 'lin' model 'naive' has 2 rows for cutoff 2015 year 2016; "
        "expected one per (series, model, cutoff, year): a backtest combined with itself? "
        "keep one copy (frame.drop_duplicates(['series_id', 'model', 'cutoff', 'year']))"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        accuracy(pd.concat([bt, bt]))
    other = bt.assign(series_id="lin2")
    acc = accuracy(pd.concat([bt, other])).set_index(["series_id", "model"])
    assert acc.loc[("(all)", "naive"), "n"] == 12  # 2 series x 2 windows x 3 steps


def test_accuracy_refuses_a_frame_without_cutoff_combined_with_itself() -> None:
    # before: without a cutoff column the repeat check did nothing: a frame concatenated
    # twice was scored with n 12 for 6 forecasts, in silence
    bt = backtest(_linear_frame(), 3, method="naive", n_windows=2).drop(columns="cutoff")
    # once: the years 2017 and 2018 come from both windows and are not repeats; naive
    # errors 5, 10, 15 (x2 windows) / scale 5 -> MASE 2, over 6 rows
    acc = accuracy(bt).set_index(["series_id", "model"])
    assert acc.loc[("lin", "naive"), "n"] == 6
    assert acc.loc[("lin", "naive"), "mase"] == pytest.approx(2.0)
    msg = (
        "accuracy(): series 'lin' model 'naive' has 2 identical rows for year 2016 "
        "(frame.iloc[0] and frame.iloc[6]) and no cutoff column; expected one per window: a "
        "frame combined with itself? keep one copy (frame.drop_duplicates()), or, if they "
        "are different windows that happen to agree, add a cutoff column that tells them apart"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        accuracy(pd.concat([bt, bt]))


def test_a_window_whose_fit_fails_is_left_out_and_named() -> None:
    # before: one cutoff where the logistic cannot fit (2016-2025 falling, nothing rises
    # towards a cap) raised ConvergenceError for the whole backtest, naming no cutoff
    from idcforecast.errors import BacktestWarning, ConvergenceError

    values = [500.0, 480, 470, 440, 430, 450, 520, 600, 700, 820]
    y = pd.Series(values, index=range(2020, 2030), name="x")
    reason = (
        "series 'x': model 'logistic': the least-squares fit did not converge after 300 "
        "evaluations (The maximum number of function evaluations is exceeded.); the series "
        "may not be rising towards a cap (flat or falling values fit no S-curve): give cap=, "
        "or use a trend model such as 'damped_log'"
    )
    with pytest.warns(BacktestWarning) as caught:
        bt = backtest(y, 1, method="logistic")
    assert str(caught[0].message) == (
        "backtest: 2 windows could not be fitted and are left out of the result (and of "
        f"accuracy()): 'x' 'logistic' cutoff 2024 ({reason}); 'x' 'logistic' cutoff 2025 "
        f"({reason})"
    )
    # logistic needs 5 points: cutoffs 2024..2028; the two that fail are left out
    assert bt["cutoff"].tolist() == [2026, 2027, 2028]
    # every window failing is the error itself, with its cutoff
    falling = pd.Series(values[:8], index=range(2020, 2028), name="x")
    with pytest.raises(ConvergenceError, match=re.escape("backtest 'x' 'logistic' cutoff 2024: ")):
        backtest(falling[:7], 1, method="logistic")


def test_backtest_note_names_estimates_read_as_data() -> None:
    # before: forecast()'s note named "2022E", the backtest that scores it as an actual
    # did not
    from idcforecast import read_series

    table = pd.DataFrame(
        {"year": ["2018", "2019", "2020", "2021", "2022E"], "value": [10.0, 12, 15, 17, 20]}
    )
    history = read_series(table, series_id="m", unit="CNY bn", estimates="keep")
    bt = backtest(history, 1, method="naive")
    assert bt["actual"].tolist() == [15.0, 17.0, 20.0]  # cutoffs 2019-2021
    # each window's history has 2-4 years: too few for a scored cutoff of its own
    assert set(bt["note"]) == {"estimates read as data: 2022E; " + NO_SCORED_CUTOFF}


def test_no_window_under_gaps_span_says_what_the_policy_left() -> None:
    # 8 observed years 2014-2023 with 2017 and 2020 missing: gaps="span" keeps 2021-2023,
    # 3 points, below auto's 4, so no window fits; the message only said "shorten the
    # horizon", while the series has 8 years and gaps="interpolate" backtests it
    gappy = pd.DataFrame(
        {
            "series_id": "g",
            "year": [2014, 2015, 2016, 2018, 2019, 2021, 2022, 2023],
            "value": [10.0, 12.0, 14.0, 19.0, 22.0, 29.0, 33.0, 38.0],
        }
    )
    msg = (
        "no backtest window fits: every series needs at least horizon=2 years after the "
        "method's minimum number of points; add years: no horizon fits, not even one year "
        "ahead (the latest run of series 'g', 2021-2023, has 3 years and 'auto' needs 4 up to "
        "a cutoff) (gaps='span' fits only the latest run of consecutive years: 'g' 2021-2023; "
        "gaps='interpolate' uses the years before a gap too)"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        backtest(gappy, 2, gaps="span")
    # cutoffs 2018 (4 observed years, 2017 filled), 2019 (2021 scored; 2020 is a gap), 2021
    assert sorted(set(backtest(gappy, 2)["cutoff"])) == [2018, 2019, 2021]


def test_backtest_takes_the_cap_forecast_takes() -> None:
    # before: backtest() had no cap=: a saturation model given its cap could not be
    # backtested as forecast() runs it, nor a forecast clipped at a ceiling scored as such
    y = pd.Series([10.0, 12, 14, 16, 18, 18.5], index=range(2018, 2024), name="d")
    bt = backtest(y, 2, method="drift", cap=19.5)
    # drift from 10..14: 16, 18; from 10..16: 18, 20 -> clipped at 19.5
    assert bt["mean"].tolist() == [16.0, 18.0, 18.0, 19.5]
    assert (bt["hi_95"] <= 19.5).all()
    # a logistic curve with its cap given needs 4 points (5 without): one cutoff more
    s = pd.Series([5.0, 9, 16, 27, 41, 55, 66], index=range(2018, 2025), name="s")
    assert sorted(set(backtest(s, 2, method="logistic", cap=100)["cutoff"])) == [2021, 2022]
    assert sorted(set(backtest(s, 2, method="logistic")["cutoff"])) == [2022]
    # a mapping caps its series only; a key that names no series is an error
    two = pd.DataFrame(
        {"series_id": ["a"] * 6 + ["b"] * 6, "year": [*range(2018, 2024)] * 2, "value": [*y, *y]}
    )
    capped = backtest(two, 2, method="drift", cap={"a": 19.5})
    assert capped.groupby("series_id")["mean"].max().to_dict() == {"a": 19.5, "b": 20.0}
    with pytest.raises(UnknownSeriesError, match="backtest: cap is given for series 'c'"):
        backtest(two, 2, method="drift", cap={"c": 30.0})


def test_backtest_refuses_a_cap_the_series_has_passed_as_forecast_does() -> None:
    # before: cap=800 for a series at 1,010 in 2023 clipped every window at 800 and scored
    # it (forecast() refuses that cap: no forecast of the series can use it)
    y = pd.Series([210.0, 260, 372, 519, 630, 790, 900, 1010], index=range(2016, 2024), name="s")
    msg = (
        "series 's': cap 800.0 is not above the last observation 1010.0 (year 2023); pass a "
        "cap above it, or no cap (cap=None; on the command line, leave out --cap)"
    )
    with pytest.raises(ModelError, match=re.escape(msg)):
        backtest(y, 2, method="drift", cap=800)
    with pytest.raises(ModelError, match=re.escape(msg)):
        forecast(y, 2, method="drift", cap=800)


@pytest.mark.parametrize(
    ("metric", "call"),
    [
        ("coverage", lambda lo, hi: coverage([5.0, 6.0], lo, hi)),
        ("winkler_score", lambda lo, hi: winkler_score([5.0, 6.0], lo, hi, level=80)),
    ],
)
def test_bounds_in_the_wrong_order_are_an_error(metric: str, call: Callable) -> None:
    # before: lower 10 > upper 4 counted as a miss (coverage 0.5) and as a width of -6 in
    # the Winkler score (29.0: (-6 + 10 x 5 + 4) / 2), no error either way
    msg = f"{metric}: lower[0] is 10.0, above upper[0] 4.0; pass lower then upper"
    with pytest.raises(DataError, match=re.escape(msg)):
        call([10.0, 4.0], [4.0, 8.0])
    # equal bounds (a zero-width interval) are fine: 6 is inside [4, 8], 5 == [5, 5]
    assert call([5.0, 4.0], [5.0, 8.0]) == (1.0 if metric == "coverage" else 2.0)


def _two_int_series() -> pd.DataFrame:
    years = list(range(2016, 2024))
    return pd.DataFrame(
        {
            "series_id": [1] * 8 + [2] * 8,
            "year": years * 2,
            "value": [10.0, 12, 13, 15, 18, 20, 23, 25, 5, 6, 7, 8, 9.5, 11, 12, 14],
        }
    )


def test_accuracy_overall_rows_keep_int_ids_numeric() -> None:
    # before: int ids 1, 2 and the text "(all)" shared one object column
    acc = accuracy(backtest(_two_int_series(), 2, method="naive", n_windows=1))
    assert str(acc["series_id"].dtype) == "Int64"
    assert acc["overall"].tolist() == [False, False, True]
    assert acc.loc[~acc["overall"], "series_id"].tolist() == [1, 2]
    assert acc.loc[acc["overall"], "series_id"].isna().all()
    # naive from cutoff 2021: series 1 (20) vs actuals 23, 25: 200*3/43, 200*5/45;
    # series 2 (11) vs 12, 14: 200*1/23, 200*3/25; overall sMAPE is their mean
    overall = acc[acc["overall"]].iloc[0]
    assert overall["smape"] == pytest.approx((600 / 43 + 1000 / 45 + 200 / 23 + 600 / 25) / 4)
    assert overall["n"] == 4


def test_accuracy_overall_rows_of_text_ids_are_still_all() -> None:
    frame = _two_int_series().assign(series_id=lambda f: "s" + f["series_id"].astype(str))
    acc = accuracy(backtest(frame, 2, method="naive", n_windows=1))
    assert acc["series_id"].tolist() == ["s1", "s2", "(all)"]
    assert acc["overall"].tolist() == [False, False, True]


def test_accuracy_refuses_what_is_not_a_frame_and_a_bound_without_its_pair() -> None:
    # before: AttributeError ('Series' object has no attribute 'columns') and KeyError 'hi_80'
    bt = backtest(_linear_frame(), 2, method="drift", n_windows=1)
    msg = "accuracy() needs a backtest() frame; got Series; pass the result of"
    with pytest.raises(DataError, match=re.escape(msg)):
        accuracy(bt["mean"])
    msg = (
        "accuracy(): the 80% interval has lo_80 but no hi_80; pass both bounds of an interval "
        "(the backtest() frame as it is), or drop lo_80"
    )
    with pytest.raises(DataError, match=re.escape(msg)):
        accuracy(bt.drop(columns=["hi_80"]))
    msg = "accuracy(): the 95% interval has hi_95 but no lo_95"
    with pytest.raises(DataError, match=re.escape(msg)):
        accuracy(bt.drop(columns=["lo_95"]))


def test_accuracy_warns_when_models_were_scored_on_different_windows() -> None:
    # before: the totals compared unlike windows without a word. Frame 2010-2019,
    # horizon 2: naive (minimum 2 points) has cutoffs 2011-2017 (7 windows, 14 rows),
    # drift (minimum 3) 2012-2017 (6 windows, 12 rows), 12 rows common.
    from idcforecast.errors import BacktestWarning

    bt = backtest(_linear_frame(), 2, method=["drift", "naive"])
    msg = (
        "accuracy(): the models were scored on different forecasts ('drift' 12 rows, 'naive' "
        "14 rows; 12 of them common to every model)"
    )
    with pytest.warns(BacktestWarning, match=re.escape(msg)):
        accuracy(bt)
    common = bt[
        bt.groupby(["series_id", "cutoff", "year"])["model"].transform("nunique")
        == bt["model"].nunique()
    ]
    acc = accuracy(common)  # the fix the warning gives: no warning (warnings are errors)
    assert acc["n"].tolist() == [12, 12, 12, 12]


@pytest.mark.parametrize(
    ("column", "cell", "message"),
    [
        # was: "smape: forecast[0] is nan", naming the forecast for a NaN naive
        ("naive", np.nan, "accuracy(): naive is nan (not a finite number) in row 0 "),
        # was: left out of MASE and Winkler as if the history were constant, in silence
        ("mase_scale", np.nan, "accuracy(): mase_scale is nan (not a finite number) in row 0 "),
        ("mase_scale", -1.0, "accuracy(): mase_scale is -1.0 (negative) in row 0 "),
        ("actual", "abc", "accuracy(): actual is 'abc' (not a finite number) in row 0 "),
    ],
)
def test_accuracy_names_the_cell_it_cannot_score(column: str, cell: object, message: str) -> None:
    bt = backtest(_linear_frame(), 2, method="drift", n_windows=1)
    bt[column] = bt[column].astype(object)
    bt.loc[0, column] = cell
    with pytest.raises(DataError, match=re.escape(message + "(series 'lin', model 'drift')")):
        accuracy(bt)


def test_accuracy_refuses_a_row_without_a_series_id() -> None:
    # was: left out of its series' row but counted in the overall one (n 3 against 4)
    bt = backtest(_linear_frame(), 2, method="drift", n_windows=2)
    bt.loc[0, "series_id"] = None
    msg = "accuracy(): row 0 has no series_id; expected one in every row"
    with pytest.raises(DataError, match=re.escape(msg)):
        accuracy(bt)


def test_accuracy_scores_unbounded_intervals_and_names_a_missing_bound() -> None:
    # before: a backtest whose upper bounds overflowed to inf (a series alternating 1 and
    # 1e150) was refused by accuracy(), "coverage: upper[0] is inf, not a finite number;
    # drop that position", and a NaN bound was named by its position in a group
    series = pd.Series([1.0, 1e150] * 6, index=range(2010, 2022), name="wild")
    bt = backtest(series, 3, method="naive")
    assert np.isinf(bt["hi_95"]).any()
    acc = accuracy(bt).set_index("series_id").loc["wild"]
    assert acc["coverage_95"] == 1.0  # every actual is inside an interval reaching inf
    assert acc["winkler_95"] == np.inf  # an unbounded width scores inf
    # naive from 1 (cutoff values alternate): steps 1e150, 1, 1e150 -> sMAPE terms 200, 0,
    # 200 (each term 200|y - f|/(|y| + |f|)); from 1e150 the same: mean 400 / 3
    assert acc["smape"] == pytest.approx(400 / 3)
    assert coverage([1.0, 5.0], [0.0, -np.inf], [2.0, np.inf]) == 1.0
    assert winkler_score([5.0], [4.0], [np.inf], level=80) == np.inf
    with pytest.raises(NonNumericValueError, match=re.escape("lower[0] is inf, not a finite")):
        coverage([1.0], [np.inf], [np.inf])
    frame = backtest(_linear_frame(), 1, method="drift")
    frame.loc[3, "lo_80"] = np.nan
    msg = (
        "accuracy(): lo_80 is nan in row 3 (series 'lin', model 'drift'); expected the "
        "backtest() frame's bound (a number, or -inf where it is unbounded): drop that row "
        "or fill it"
    )
    with pytest.raises(NonNumericValueError, match=re.escape(msg) + "$"):
        accuracy(frame)
    msg = (
        "accuracy(): lo_80 is empty (NaN) in every row; expected the backtest() frame's "
        "bounds; drop lo_80 and hi_80 to score without the 80% interval"
    )
    with pytest.raises(NonNumericValueError, match=re.escape(msg) + "$"):
        accuracy(frame.assign(lo_80=np.nan, hi_80=np.nan))


def _bound_last_year_frame(qualifier: str) -> pd.DataFrame:
    """2016-2023, the last value published as a bound ("more than 300")."""
    values = [100.0, 120.0, 140.0, 165.0, 190.0, 220.0, 255.0, 300.0]
    return pd.DataFrame(
        {
            "series_id": "s",
            "year": range(2016, 2024),
            "value": values,
            "unit": "MW",
            "qualifier": ["exact"] * 7 + [qualifier],
        }
    )


def test_accuracy_leaves_a_bound_actual_out_and_counts_it() -> None:
    """A "more than 300" actual was scored as if it were exactly 300 (the 2023 window's
    error and coverage counted); it is left out of every score and counted in n_bound."""
    bt = backtest(_bound_last_year_frame("at_least"), 1, method="drift", n_windows=2)
    assert bt["actual_bound"].tolist() == ["", "at_least"]
    acc = accuracy(bt).set_index(["series_id", "model"])
    row = acc.loc[("s", "drift")]
    assert (row["n"], row["n_bound"]) == (1, 1)
    # only the 2022 window is scored: drift on 2016-2021 (slope (220 - 100) / 5 = 24)
    # forecasts 244 for an actual of 255; naive 220
    assert row["smape"] == pytest.approx(200 * 11 / (255 + 244))  # 4.4088
    # MASE scale: mean |diff| of 100, 120, 140, 165, 190, 220 = 120 / 5 = 24
    assert row["mase"] == pytest.approx(11 / 24)
    smape_naive, mase_naive = 200 * 35 / (255 + 220), 35 / 24
    assert row["owa"] == pytest.approx(0.5 * (row["smape"] / smape_naive + 11 / 24 / mase_naive))
    assert acc.loc[("(all)", "drift"), "n_bound"] == 1


def test_accuracy_of_bound_actuals_only_is_nan_with_n_zero() -> None:
    bt = backtest(_bound_last_year_frame("at_most"), 1, method="drift", n_windows=1)
    acc = accuracy(bt)
    assert acc["n"].tolist() == [0, 0]
    assert acc["n_bound"].tolist() == [1, 1]
    assert acc[["smape", "mase", "owa", "coverage_80", "winkler_95"]].isna().all().all()


def test_backtest_window_note_names_only_the_bounds_it_was_fitted_on() -> None:
    """Every window's note said the 2020 bound was "fitted as that number", also windows
    fitted on 2016-2018; only the windows whose history holds 2020 say so now."""
    frame = _bound_last_year_frame("exact")
    frame.loc[frame["year"] == 2020, "qualifier"] = "at_least"
    bt = backtest(frame, 1, method="drift")
    named = bt.set_index("cutoff")["note"].str.contains("published as a bound")
    assert named.to_dict() == {2018: False, 2019: False, 2020: True, 2021: True, 2022: True}
    assert bt.set_index("year")["actual_bound"].to_dict() == {
        2019: "",
        2020: "at_least",
        2021: "",
        2022: "",
        2023: "",
    }


def test_backtest_gaps_error_names_the_gap_years_and_the_windows_across_them() -> None:
    """Was "year 2016 is missing inside 2012-2017": the span of the first window fitted
    across the gap, read as the series' own (which runs to 2022)."""
    years = [2012, 2013, 2014, 2015, 2017, 2018, 2019, 2020, 2021, 2022]
    y = pd.Series(np.arange(10.0, 20.0), index=years, name="s")
    message = (
        "backtest: series 's': year 2016 is missing inside its history (2012-2022), and the "
        "windows with cutoffs 2017, 2018, 2019, 2020 (4 of 6) would be fitted across it; "
        "fill it, or pass gaps='interpolate' (fit on interpolated values, flagged) or "
        "gaps='span' (fit the latest consecutive run)"
    )
    with pytest.raises(DataError, match=re.escape(message)) as caught:
        backtest(y, 2, method="drift", gaps="error")
    assert (caught.value.missing_years, caught.value.cutoffs) == ([2016], [2017, 2018, 2019, 2020])


def test_backtest_gaps_error_allows_a_gap_no_window_is_fitted_across() -> None:
    # 2021 missing, horizon 2: the last cutoff is 2020, so no window's fit holds the gap
    years = [2012, 2013, 2014, 2015, 2016, 2017, 2018, 2019, 2020, 2022]
    y = pd.Series(np.arange(10.0, 20.0), index=years, name="s")
    bt = backtest(y, 2, method="drift", gaps="error")
    assert 2021 not in bt["year"].tolist()
    assert bt["cutoff"].max() == 2020


def test_no_window_is_a_typed_error_with_the_horizons_as_fields() -> None:
    """The report parsed "horizon=(\\d+)" out of this message; the error now carries the
    horizon asked and the longest that fits (still a DataError)."""
    from idcforecast.errors import NoBacktestWindowError

    frame = _linear_frame().head(5)  # 2010-2014: drift's first cutoff is 2012, 2 years
    with pytest.raises(NoBacktestWindowError) as caught:
        backtest(frame, 3, method="drift")
    assert (caught.value.horizon, caught.value.longest_horizon) == (3, 2)
    assert isinstance(caught.value, DataError)
    with pytest.raises(NoBacktestWindowError) as caught:  # 'auto' needs 4 up to a cutoff
        backtest(frame.head(4), 1, method="auto")
    assert (caught.value.horizon, caught.value.longest_horizon) == (1, None)


def test_backtest_windows_calibrate_without_the_bound_years_they_were_fitted_on() -> None:
    """A backtest window's intervals scored its rolling-origin errors against a year
    published as a bound as if exact; they are forecast_array's with bound= now, so the
    window scores the intervals a forecast made at that cutoff would have had."""
    from idcforecast import forecast_array

    frame = _bound_last_year_frame("exact").assign(
        qualifier=["exact"] * 5 + ["at_least"] + ["exact"] * 2  # 2021: "more than 220"
    )
    bt = backtest(frame, 1, method="drift", n_windows=1)  # cutoff 2022, scored on 2023
    window = frame["value"].to_numpy()[:7]
    expected = forecast_array(
        window, horizon=1, method="drift", bound=np.array([False] * 5 + [True, False])
    )
    assert bt["lo_95"].iloc[0] == pytest.approx(expected.lower[95][0], rel=1e-12)
    assert bt["hi_80"].iloc[0] == pytest.approx(expected.upper[80][0], rel=1e-12)
    as_exact = forecast_array(window, horizon=1, method="drift")
    assert as_exact.upper[95][0] != pytest.approx(expected.upper[95][0], rel=1e-6)


def test_backtest_whose_windows_forecast_gap_years_only_says_which_horizon_reaches_data() -> None:
    """2016, 2017, 2019, 2022, 2024: 'auto' fits from cutoff 2022 (4 observed years) and
    one year ahead, 2023, is a gap, never scored. The error said "add years: one year ahead
    is the shortest backtest there is" while horizon=2 scores 2024."""
    frame = pd.DataFrame(
        {
            "series_id": "s",
            "year": [2016, 2017, 2019, 2022, 2024],
            "value": [100.0, 120.0, 150.0, 170.0, 200.0],
            "unit": "MW",
        }
    )
    with pytest.raises(NoBacktestWindowError) as caught:
        backtest(frame, 1)
    assert str(caught.value) == (
        "no backtest window can be scored: the year after each cutoff a method can fit is "
        "missing (series 's' cutoff 2022: 2023), and a year not published is never scored; "
        "pass horizon=2 to reach the next observed year, or add the missing years"
    )
    assert (caught.value.horizon, caught.value.longest_horizon) == (1, None)
    assert caught.value.reach_horizon == 2
    assert backtest(frame, 2)[["cutoff", "year"]].values.tolist() == [[2022, 2024]]


def test_no_window_advice_names_only_horizons_that_score_a_window() -> None:
    """2016, 2017, 2019, 2022, 2024: 'auto' (4 observed up to a cutoff) fits from cutoff
    2022 only, whose year ahead (2023) is a gap. At horizon 3 the error said "shorten the
    horizon to 2 or less", and 1 then failed (its one year ahead a gap). 'drift' (3 points)
    fits from 2019 and 2022: one year ahead is a gap for both (2020, 2023), 2 reaches 2024
    from 2022, 3 to 5 reach 2022 from 2019, 6 passes the last year."""
    frame = pd.DataFrame(
        {
            "series_id": "s",
            "year": [2016, 2017, 2019, 2022, 2024],
            "value": [100.0, 120.0, 150.0, 170.0, 200.0],
            "unit": "MW",
        }
    )
    with pytest.raises(NoBacktestWindowError) as caught:
        backtest(frame, 3)
    assert "; shorten the horizon to 2 (series 's' has 5 observed years" in str(caught.value)
    assert caught.value.horizons == (2,)
    assert caught.value.longest_horizon == 2
    with pytest.raises(NoBacktestWindowError) as caught:
        backtest(frame, 6, method="drift")
    assert "; shorten the horizon to 2, 3, 4 or 5 (series 's'" in str(caught.value)
    assert caught.value.horizons == (2, 3, 4, 5)
    for horizon in (2, 3, 4, 5):  # each advised horizon scores a window
        assert len(backtest(frame, horizon, method="drift")) >= 1
    with pytest.raises(NoBacktestWindowError):  # and the one left out does not
        backtest(frame, 1, method="drift")
