"""compare_methods: forecasts of several methods with a backtest on shared cutoffs."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from idcforecast import compare_methods, load_dataset
from idcforecast._forecast_finish import NO_SCORED_CUTOFF
from idcforecast.errors import DataError, ModelError, UnknownMethodError
from idcforecast.evaluation import accuracy, backtest
from idcforecast.forecasting import forecast


@pytest.fixture(scope="module")
def cidc() -> pd.DataFrame:
    data = load_dataset("china_idc_market")
    return data[data["series_id"] == "china_idc_cidc_overall"].reset_index(drop=True)


def test_each_row_is_forecast_and_its_backtest_on_the_shared_cutoffs(cidc: pd.DataFrame) -> None:
    table = compare_methods(cidc, 7)
    assert table["model"].tolist() == ["auto", "drift_log", "damped_log", "drift"]
    assert table["year"].tolist() == [2030] * 4 and (table["status"] == "ok").all()
    assert table["unit"].unique().tolist() == ["CNY 100m"]
    # damped_log needs 6 points: its cutoffs are the shared ones, 3 years ahead from each
    shared = set(backtest(cidc, 3, method="damped_log")["cutoff"])
    # cutoffs 2018-2020 (damped_log: 6 observed years; 2013 is a gap), 3 steps each
    assert shared == {2018, 2019, 2020} and table["n"].tolist() == [9] * 4
    for row in table.itertuples():
        fc = forecast(cidc, 7, method=row.model).iloc[-1]
        assert (row.mean, row.lo_80, row.hi_95) == pytest.approx((fc["mean"], fc.lo_80, fc.hi_95))
        bt = backtest(cidc, 3, method=row.model)
        scored = accuracy(bt[bt["cutoff"].isin(shared)]).iloc[0]
        assert (row.smape, row.mase, row.coverage_80, row.n) == pytest.approx(
            (scored["smape"], scored["mase"], scored["coverage_80"], scored["n"])
        )
    # before this table the report's method had its own cutoffs: auto 15 forecasts
    assert accuracy(backtest(cidc, 3)).iloc[0]["n"] == 15


def test_a_method_that_cannot_run_is_a_row_with_its_reason() -> None:
    net = pd.Series([-5.0, 3, -2, 4, 1, 6, -1, 2, 5], index=range(2015, 2024))  # crosses zero
    table = compare_methods(net, 3, methods=["drift", "drift_log"], level=80)
    ok, log = table.iloc[0], table.iloc[1]
    assert ok["note"] == "" and np.isfinite(ok["smape"]) and ok["n"] > 0
    assert "drift_log" in log["note"] and pd.isna(log["year"]) and np.isnan(log["mean"])
    # the scores of the methods that ran are still on their shared cutoffs
    assert list(table.columns[:7]) == [
        "series_id",
        "model",
        "year",
        "mean",
        "lo_80",
        "hi_80",
        "smape",
    ]


def test_a_series_too_short_to_backtest_keeps_its_forecast() -> None:
    short = pd.Series([10.0, 12, 15, 17], index=range(2020, 2024))
    table = compare_methods(short, 2, methods=["drift"], backtest_horizon=3)
    row = table.iloc[0]
    assert row["year"] == 2025 and np.isfinite(row["mean"])
    assert row["note"].startswith(NO_SCORED_CUTOFF + "; no backtest: ") and pd.isna(row["n"])


def test_several_series_and_unknown_methods() -> None:
    data = load_dataset("china_idc_market")
    two = data[data["series_id"].isin(["china_idc_cidc_overall", "china_idc_caict"])]
    table = compare_methods(two, 7, methods=["drift"])
    assert table["series_id"].tolist() == ["china_idc_cidc_overall", "china_idc_caict"]
    from idcforecast.errors import UnknownMethodError

    with pytest.raises(UnknownMethodError, match="did you mean 'drift'"):
        compare_methods(two, 7, methods=["drfit"])


def test_one_method_as_text_is_that_method() -> None:
    # before: methods="drift" was read letter by letter: "unknown forecasting method 'd'"
    y = pd.Series([100.0, 118, 141, 160, 188, 215, 250, 283, 330], index=range(2015, 2024))
    table = compare_methods(y, 3, methods="drift")
    assert table["model"].tolist() == ["drift"]
    # drift: 330 + 3 x (330 - 100) / 8 = 416.25
    assert table["mean"].iloc[0] == pytest.approx(416.25)


def test_a_level_with_decimals_has_the_columns_forecast_gives_it() -> None:
    # before: compare_methods(level=80.5) looked up 'lo_80.5' and raised a bare KeyError,
    # where forecast() and accuracy() name the columns lo_80_5 / coverage_80_5
    y = pd.Series([100.0, 118, 141, 160, 188, 215, 250, 283, 330], index=range(2015, 2024))
    table = compare_methods(y, 3, methods=["drift"], level=(80.5, 95))
    fc = forecast(y, 3, method="drift", level=(80.5, 95)).iloc[-1]
    assert (table["lo_80_5"].iloc[0], table["hi_80_5"].iloc[0]) == (fc["lo_80_5"], fc["hi_80_5"])
    bt = backtest(y, 3, method="drift", level=(80.5, 95))
    # drift needs 3 points: cutoffs 2017-2020, the only method, so all of them are shared
    assert table["coverage_80_5"].iloc[0] == accuracy(bt).iloc[0]["coverage_80_5"]
    assert table["n"].iloc[0] == 12


@pytest.mark.parametrize(
    ("kwargs", "error", "msg"),
    [
        (
            {"horizon": 0},
            "ModelError",
            "compare_methods: horizon must be a positive whole number of years; got 0; pass "
            "e.g. horizon=3",
        ),
        (
            {"horizon": 2030},
            "ModelError",
            "compare_methods: horizon 2030 is more than 100 years ahead: a year given as the "
            "horizon? the horizon counts years after the last observation: pass e.g. 5 for "
            "five years ahead",
        ),
        (
            # was the horizon's message ("the horizon counts years after the last
            # observation: pass e.g. 5"), for the argument that counts years past a cutoff
            {"backtest_horizon": 2030},
            "ModelError",
            "compare_methods: backtest_horizon 2030 is more than 100 years ahead: a year given "
            "as backtest_horizon? it counts the years each backtest forecast looks past its "
            "cutoff: pass e.g. backtest_horizon=3",
        ),
        (
            {"method": "drift", "methods": ["drift"]},
            "ModelError",
            "compare_methods: got both methods=['drift'] and method='drift'; they are the same "
            "argument (method= as forecast() and backtest() name it): pass one",
        ),
        (
            {"backtest_horizon": 2.5},
            "ModelError",
            "compare_methods: backtest_horizon must be a positive whole number of years; got "
            "2.5; pass e.g. backtest_horizon=3",
        ),
        (
            {"gaps": "fill"},
            "DataError",
            "compare_methods: gaps='fill' is not a gap policy; expected one of 'interpolate', "
            "'span', 'error'",
        ),
    ],
)
def test_bad_arguments_are_errors_not_a_table_of_blank_rows(
    kwargs: dict, error: str, msg: str
) -> None:
    # before: each method's row caught the error and repeated it in its note, so a bad
    # horizon or gap policy gave four blank rows instead of one error
    from idcforecast import errors

    y = pd.Series([100.0, 118, 141, 160, 188, 215, 250, 283, 330], index=range(2015, 2024))
    arguments = {"horizon": 3, **kwargs}
    horizon = arguments.pop("horizon")
    with pytest.raises(getattr(errors, error), match=re.escape(msg)):
        compare_methods(y, horizon, **arguments)


def test_no_backtest_note_names_the_backtest_horizon() -> None:
    # the note said "more than horizon=3 years ...; shorten the horizon", which read as the
    # forecast's horizon (7 here); the comparison's own argument is backtest_horizon
    racks = load_dataset("china_racks_in_use")
    racks = racks[racks["series_id"] == "china_racks_in_use"]
    note = compare_methods(racks, 7, methods=["drift"])["note"].iloc[0]
    # the forecast's own note first: the racks published as bounds ("超过520万") were
    # left out of the comparison's rows, which rebuilt the series from years and values
    assert note.startswith(
        "values published as bounds, fitted as those numbers, never scored by the "
        "interval calibration: 2021 (at "
    )
    assert note.endswith(
        "; no backtest: no backtest window fits: every series needs at least "
        "backtest_horizon=3 years after the method's minimum number of points; pass "
        "backtest_horizon=2 (series 'china_racks_in_use' has 4 observed years, "
        "2019-2024, and 'drift' needs 3 up to a cutoff)"
    )  # not "2 or less": drift's one cutoff is 2022 (2019, 2021, 2022), 2023 is a gap


def test_the_input_s_own_error_is_raised_once() -> None:
    # gaps="error" on a series missing 2017 gave four rows repeating the same message
    gappy = pd.DataFrame(
        {"series_id": "s", "year": [2015, 2016, *range(2018, 2024)], "value": range(10, 18)}
    )
    message = "series 's': year 2017 is missing inside 2015-2023; fill them"
    with pytest.raises(DataError, match=re.escape(message)):
        compare_methods(gappy, 2, gaps="error")
    # a short series fails each method for its own reason: those stay rows
    short = pd.DataFrame({"series_id": "s", "year": [2021, 2022], "value": [1.0, 2.0]})
    notes = compare_methods(short, 2)["note"]
    assert notes.str.contains("needs at least").all() and notes.nunique() > 1


def test_each_row_carries_its_forecast_s_status_and_note(cidc: pd.DataFrame) -> None:
    # before: a row's note was "" whenever the method ran, so the comparison hid what
    # forecast() says about the same forecast (a gap year filled, members left out)
    table = compare_methods(cidc, 7)
    for row in table.itertuples():
        fc = forecast(cidc, 7, method=row.model)
        assert (row.status, row.note) == (fc["status"].iloc[0], fc["note"].iloc[0])
    assert table["note"].tolist() == ["gap year 2013 filled log-linearly for fitting only"] * 4
    # 5 points: "auto" leaves out damped (needs 6), a fallback, and the 5 points leave no
    # backtest window 3 years ahead: the forecast's note first, then why no backtest
    short = pd.Series([10.0, 12, 15, 17, 20], index=range(2019, 2024), name="s")
    auto = compare_methods(short, 2, methods=["auto"]).iloc[0]
    assert auto["status"] == "fallback"
    assert auto["note"].startswith("5 points: left out 'damped' (needs 6); combined naive, ")
    assert "; no backtest: no backtest window fits" in auto["note"]
    failed = compare_methods(short, 2, methods=["auto", "damped_log"]).iloc[1]
    assert failed["status"] == "failed" and "needs at least 6" in failed["note"]


def test_a_share_passing_100_percent_is_noted_in_the_comparison() -> None:
    # the comparison rebuilt each series from its years and values, without its unit, so
    # forecast()'s "forecast passes 100%" note for a share could not appear on its rows
    share = pd.DataFrame(
        {"series_id": "s", "year": range(2016, 2024), "value": [60.0, 66, 72, 78, 84, 88, 92, 96]}
    )
    share["unit"] = "%"
    note = compare_methods(share, 5, methods=["drift"])["note"].iloc[0]
    assert note == forecast(share, 5, method="drift")["note"].iloc[0]
    # drift: 96 + 36 / 7 = 101.1 in 2024, past 100 already
    assert "forecast passes 100% (95% upper bound in 2024, central value in 2024)" in note


def test_the_comparison_forecasts_and_backtests_with_the_cap() -> None:
    # before: compare_methods took no cap=, so a saturation model could not be compared as
    # it forecasts (logistic with its cap given needs 4 points, not 5)
    y = pd.Series([5.0, 9, 16, 27, 41, 55, 66], index=range(2018, 2025), name="s")
    table = compare_methods(y, 3, methods=["logistic", "drift"], backtest_horizon=2, cap=100)
    for row in table.itertuples():
        fc = forecast(y, 3, method=row.model, cap=100).iloc[-1]
        assert (row.mean, row.hi_95) == pytest.approx((fc["mean"], fc["hi_95"]))
    # with the cap, logistic's cutoffs are 2021 (4 points) and 2022: 2 x 2 forecasts shared
    assert table["n"].tolist() == [4, 4]
    # drift: 66 + 3 x 61 / 6 = 96.5; its 95% upper bound is clipped at the cap
    drift = table.set_index("model").loc["drift"]
    assert drift["mean"] == pytest.approx(96.5) and drift["hi_95"] == 100.0
    assert drift["note"] == "upper bounds clipped at cap 100"


def test_a_bad_seed_is_named_as_compare_methods_argument() -> None:
    # was: "forecast: seed must be ...", the error of the first method's forecast()
    y = pd.Series([100.0, 118, 141, 160, 188, 215, 250, 283, 330], index=range(2015, 2024))
    msg = "compare_methods: seed must be a whole number 0 or more, or None; got 'x'"
    with pytest.raises(ModelError, match=re.escape(msg)):
        compare_methods(y, 3, seed="x")


def test_bad_methods_are_named_as_compare_methods_argument() -> None:
    # before: "method is an empty list", "pass them as a list: method=['drift', 'naive']":
    # compare_methods has no method= (a TypeError if passed), its argument is methods=
    y = pd.Series([100.0, 118, 141, 160, 188, 215, 250, 283, 330], index=range(2015, 2024))
    msg = "compare_methods: methods is an empty list; pass 'auto', a model alias or a list"
    with pytest.raises(UnknownMethodError, match=re.escape(msg)):
        compare_methods(y, 3, methods=[])
    msg = (
        "compare_methods: methods 'drift,naive' is one string naming 2 methods; pass them as "
        "a list: methods=['drift', 'naive']"
    )
    with pytest.raises(UnknownMethodError, match=re.escape(msg)):
        compare_methods(y, 3, methods=["auto", "drift,naive"])
    # the fix works as written
    table = compare_methods(y, 3, methods=["drift", "naive"])
    assert table["model"].tolist() == ["drift", "naive"]


def test_method_is_accepted_as_forecast_and_backtest_name_it() -> None:
    """compare_methods(method=...) was a TypeError (it took methods= only, where forecast()
    and backtest() take method=); both now give the same table, and an error names the
    argument the caller used."""
    y = pd.Series([100.0, 118, 141, 160, 188, 215, 250, 283, 330], index=range(2015, 2024))
    by_method = compare_methods(y, 3, method=["drift", "naive"])
    by_methods = compare_methods(y, 3, methods=["drift", "naive"])
    pd.testing.assert_frame_equal(by_method, by_methods)
    assert compare_methods(y, 3, method="drift")["model"].tolist() == ["drift"]
    with pytest.raises(UnknownMethodError, match=re.escape("compare_methods: method is an empty")):
        compare_methods(y, 3, method=[])


def test_methods_without_a_backtest_window_are_recorded_in_the_table_attrs() -> None:
    """Which rows' "no backtest: ..." is a window that does not fit was told only by the
    note's text (the report read it with a regular expression); the table's attrs list
    them with the horizons of the error."""
    from idcforecast.comparison import NO_WINDOW_ATTR

    y = pd.Series([100.0, 118, 141, 160, 188], index=range(2019, 2024), name="s")
    table = compare_methods(y, 3, methods=["auto", "drift", "damped_log"], backtest_horizon=3)
    # 5 years: drift's first cutoff is 2021 (3 points), 2 years ahead; auto's 2022, 1 year;
    # damped_log (6 points) cannot forecast at all: failed, no record
    assert table.attrs[NO_WINDOW_ATTR] == [
        {"series_id": "s", "model": "auto", "backtest_horizon": 3, "longest_backtest_horizon": 1},
        {"series_id": "s", "model": "drift", "backtest_horizon": 3, "longest_backtest_horizon": 2},
    ]
    assert table.set_index("model").loc["damped_log", "status"] == "failed"
    assert compare_methods(y, 3, methods=["drift"], backtest_horizon=1).attrs[NO_WINDOW_ATTR] == []


def test_a_backtest_that_met_bound_actuals_says_n_leaves_them_out() -> None:
    """n counts the scored forecasts only (accuracy's n_bound are left out); the row said
    nothing of the others, and n read as every forecast the backtest made."""
    years = range(2012, 2022)
    values = [50.0, 60, 75, 85, 100, 120, 140, 165, 190, 220]
    frame = pd.DataFrame(
        {
            "series_id": "s",
            "year": years,
            "value": values,
            "unit": "MW",
            "qualifier": ["exact"] * 8 + ["at_least"] * 2,  # 2020, 2021: "more than"
        }
    )
    table = compare_methods(frame, 4, methods=["drift", "damped_log"], backtest_horizon=3)
    # damped_log needs 6 points: shared cutoffs 2017 and 2018, each scored 3 years ahead:
    # 2018, 2019, 2020 and 2019, 2020, 2021, of which 2020, 2020, 2021 are bounds
    assert table["n"].tolist() == [3, 3]
    for note in table["note"]:
        assert note.endswith(
            '; backtest: 3 forecasts whose actual was published as a bound ("more than" or '
            '"at most" a figure) are left out of the scores'
        )


def test_no_backtest_words_come_from_the_error_s_fields_not_its_message() -> None:
    # the comparison rewrote backtest's message with regular expressions ("shorten the
    # horizon to (\d+)"): a reworded message slipped past them and the row said "horizon"
    # for the forecast's horizon again. Now the words are built from the fields.
    import pickle

    from idcforecast.comparison import _in_comparison_words
    from idcforecast.errors import NoBacktestWindowError

    err = NoBacktestWindowError(
        "reworded: nothing here names a horizon the old rewrite would catch",
        horizon=3,
        longest_horizon=2,
        detail="(series 's' has 4 observed years, 2019-2022, and 'drift' needs 3 up to a cutoff)",
    )
    assert _in_comparison_words(err) == (
        "no backtest window fits: every series needs at least backtest_horizon=3 years after "
        "the method's minimum number of points; pass backtest_horizon=2 or less (series 's' "
        "has 4 observed years, 2019-2022, and 'drift' needs 3 up to a cutoff)"
    )
    # the detail is a field like the others: it crosses process boundaries
    assert pickle.loads(pickle.dumps(err)).detail == err.detail
    one = NoBacktestWindowError("", horizon=1, longest_horizon=None, detail="")
    assert _in_comparison_words(one).endswith(
        "backtest_horizon=1 year after the method's minimum number of points; add years: one "
        "year ahead is the shortest backtest there is"
    )


def test_backtest_s_no_window_error_carries_its_detail() -> None:
    from idcforecast import backtest
    from idcforecast.errors import NoBacktestWindowError

    # 4 years, 2019-2022; drift needs 3 points up to a cutoff: cutoff 2021 leaves 1 year
    # ahead, so 3 years ahead cannot be backtested and 1 is the longest that fits
    y = pd.Series([10.0, 12.0, 15.0, 17.0], index=range(2019, 2023), name="s")
    with pytest.raises(NoBacktestWindowError) as caught:
        backtest(y, 3, method="drift")
    assert (caught.value.horizon, caught.value.longest_horizon) == (3, 1)
    assert caught.value.detail.startswith("(series ")
    assert str(caught.value).endswith(caught.value.detail)


def test_no_backtest_because_the_years_ahead_are_gaps_names_the_backtest_horizon_that_fits() -> (
    None
):
    """2016, 2017, 2019, 2022, 2024: 'auto' fits from cutoff 2022, whose year ahead (2023)
    is a gap. backtest says so; compare_methods reworded its error from the fields as
    "add years: one year ahead is the shortest backtest there is", where
    backtest_horizon=2 scores 2024."""
    gappy = pd.DataFrame(
        {
            "series_id": "s",
            "year": [2016, 2017, 2019, 2022, 2024],
            "value": [100.0, 120.0, 150.0, 170.0, 200.0],
            "unit": "MW",
        }
    )
    note = compare_methods(gappy, 6, methods=["auto"], backtest_horizon=1)["note"].iloc[0]
    assert note.endswith(
        "; no backtest: no backtest window can be scored: the year after each cutoff a method "
        "can fit is missing (series 's' cutoff 2022: 2023), and a year not published is never "
        "scored; pass backtest_horizon=2 to reach the next observed year, or add the missing "
        "years"
    )
    scored = compare_methods(gappy, 6, methods=["auto"], backtest_horizon=2)
    assert scored["n"].tolist() == [1]  # 2024 from cutoff 2022


def test_no_window_advice_of_a_gappy_series_skips_the_horizon_whose_year_ahead_is_a_gap() -> None:
    """'auto' on 2016, 2017, 2019, 2022, 2024 at backtest_horizon=3 advised "pass
    backtest_horizon=2 or less"; 1 scores nothing (2023, the year after cutoff 2022, is a
    gap), so it advises 2 alone, which scores 2024."""
    gappy = pd.DataFrame(
        {
            "series_id": "s",
            "year": [2016, 2017, 2019, 2022, 2024],
            "value": [100.0, 120.0, 150.0, 170.0, 200.0],
            "unit": "MW",
        }
    )
    note = compare_methods(gappy, 6, methods=["auto"], backtest_horizon=3)["note"].iloc[0]
    assert "; pass backtest_horizon=2 (series 's' has 5 observed years" in note
    assert "or less" not in note
