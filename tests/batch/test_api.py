"""forecast_many: identical results across engines, broken series isolated, argument errors."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd
import pytest

from idcforecast._forecast_finish import NO_SCORED_CUTOFF
from idcforecast.batch import forecast_many
from idcforecast.errors import EngineError, IdcForecastError, ModelError, UnknownMethodError
from idcforecast.forecasting import forecast


def _panel(n_series: int, *, seed: int = 7) -> pd.DataFrame:
    """Trending positive annual series of lengths 8..30 ending in different years."""
    rng = np.random.default_rng(seed)
    frames = []
    for i in range(n_series):
        n = int(rng.integers(8, 31))
        end = int(rng.integers(2018, 2025))
        growth = rng.normal(0.08, 0.05) + 0.1 * rng.standard_normal(n)
        frames.append(
            pd.DataFrame(
                {
                    "series_id": f"s{i:04d}",
                    "year": np.arange(end - n + 1, end + 1),
                    "value": 100.0 * np.exp(np.cumsum(growth)),
                    "unit": "USD bn",
                }
            )
        )
    return pd.concat(frames, ignore_index=True)


def _broken() -> pd.DataFrame:
    good = _panel(3)
    rows = [
        ("all_nan", 2020, np.nan),
        ("all_nan", 2021, np.nan),
        ("all_nan", 2022, np.nan),
        ("one_point", 2023, 5.0),
        ("dup_year", 2020, 1.0),
        ("dup_year", 2021, 2.0),
        ("dup_year", 2021, 3.0),
        ("dup_year", 2022, 4.0),
        ("text", 2020, "1.0"),
        ("text", 2021, "TBD"),
        ("text", 2022, "3.0"),
    ]
    bad = pd.DataFrame(rows, columns=["series_id", "year", "value"]).assign(unit="USD bn")
    return pd.concat([good.iloc[:10], bad, good.iloc[10:]], ignore_index=True)


@pytest.fixture(scope="module")
def panel() -> pd.DataFrame:
    return _panel(40)


@pytest.fixture(scope="module")
def serial_result(panel: pd.DataFrame) -> pd.DataFrame:
    return forecast_many(panel, 6, method="drift", engine="serial", progress=False)


def test_result_has_the_forecast_columns_one_block_per_series(
    panel: pd.DataFrame, serial_result: pd.DataFrame
) -> None:
    assert list(serial_result.columns) == [
        "series_id",
        "year",
        "model",
        "mean",
        "lo_80",
        "hi_80",
        "lo_95",
        "hi_95",
        "unit",
        "status",
        "note",
    ]
    assert len(serial_result) == 40 * 6
    assert serial_result["series_id"].unique().tolist() == panel["series_id"].unique().tolist()
    last = panel.groupby("series_id")["year"].max()
    first_years = serial_result.groupby("series_id")["year"].min()
    assert (first_years == last + 1).all()
    assert set(serial_result["status"]) == {"ok"}


def test_drift_numbers_match_hand_arithmetic(
    panel: pd.DataFrame, serial_result: pd.DataFrame
) -> None:
    # drift forecast: y_T + h * (y_T - y_1) / (T - 1)
    y = panel.loc[panel["series_id"] == "s0005", "value"].to_numpy()
    expected = y[-1] + np.arange(1, 7) * (y[-1] - y[0]) / (len(y) - 1)
    got = serial_result.loc[serial_result["series_id"] == "s0005", "mean"].to_numpy()
    np.testing.assert_allclose(got, expected, rtol=1e-12)


@pytest.mark.parametrize(
    ("engine", "n_jobs", "chunk_size"),
    [("serial", None, 1), ("serial", None, 7), ("local", 2, 3), ("local", 1, None)],
)
def test_identical_results_whatever_engine_and_chunking(
    panel: pd.DataFrame,
    serial_result: pd.DataFrame,
    engine: str,
    n_jobs: int | None,
    chunk_size: int | None,
) -> None:
    out = forecast_many(
        panel,
        6,
        method="drift",
        engine=engine,
        n_jobs=n_jobs,
        chunk_size=chunk_size,
        progress=False,
    )
    pd.testing.assert_frame_equal(out, serial_result)


def test_dask_engine_on_a_local_cluster_gives_identical_results(
    panel: pd.DataFrame, serial_result: pd.DataFrame, mixed_serial: pd.DataFrame
) -> None:
    distributed = pytest.importorskip("distributed")
    with (
        distributed.LocalCluster(
            n_workers=1,
            threads_per_worker=2,
            processes=False,
            dashboard_address="127.0.0.1:0",  # None means port 8787: busy if a dashboard runs
            host="127.0.0.1",
            protocol="tcp://",
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        passed = forecast_many(
            panel, 6, method="drift", engine="dask", client=client, chunk_size=5, progress=False
        )
        current = forecast_many(panel, 6, method="drift", engine="dask", progress=False)
        by_address = forecast_many(
            panel, 6, method="drift", engine="dask", client=cluster.scheduler_address
        )
        # failures per (series, method), as the serial engine records them
        mixed = forecast_many(
            _mixed_methods_panel(), 3, method=MIXED_METHODS, engine="dask", chunk_size=2
        )
    for out in (passed, current, by_address):
        pd.testing.assert_frame_equal(out, serial_result)
    pd.testing.assert_frame_equal(mixed, mixed_serial)


def test_dask_chunks_are_sized_for_the_clusters_threads(
    panel: pd.DataFrame, serial_result: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    # batch25: the default chunk size counted this machine's cores, not the cluster's
    # threads: 2,000 series on a 32-thread cluster made 16 chunks (ceil(2000 / (8 x 2)) =
    # 125 series each), half the threads idle
    distributed = pytest.importorskip("distributed")
    import idcforecast.batch.api as api

    monkeypatch.setattr(api, "available_cores", lambda: 1)
    sizes: list[int] = []
    seen = api.iter_chunks

    def recording(table, size):  # type: ignore[no-untyped-def]
        sizes.append(size)
        return seen(table, size)

    monkeypatch.setattr(api, "iter_chunks", recording)
    with (
        distributed.LocalCluster(
            n_workers=1,
            threads_per_worker=5,
            processes=False,
            dashboard_address="127.0.0.1:0",
            host="127.0.0.1",
            protocol="tcp://",
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        out = forecast_many(panel, 6, method="drift", engine="dask", client=client)
        by_address = forecast_many(
            panel, 6, method="drift", engine="dask", client=cluster.scheduler_address
        )
    # 40 series, 5 threads: ceil(40 / (8 x 5)) = 1 series a chunk (1 core: 5 a chunk)
    assert sizes == [1, 1]
    pd.testing.assert_frame_equal(out, serial_result)
    pd.testing.assert_frame_equal(by_address, serial_result)


def test_broken_series_are_reported_and_never_stop_the_batch() -> None:
    out = forecast_many(_broken(), 2, method="drift", engine="serial", progress=False)
    per_series = out.drop_duplicates("series_id").set_index("series_id")
    assert per_series["status"].to_dict() == {
        "s0000": "ok",
        "all_nan": "failed",
        "one_point": "failed",
        "dup_year": "failed",
        "text": "failed",
        "s0001": "ok",
        "s0002": "ok",
    }
    notes = per_series["note"]
    # the messages forecast() raises for the same series alone
    assert notes["dup_year"] == (
        "series 'dup_year' has 2 values for year 2021 (2.0, 3.0); keep one row per year"
    )
    assert notes["text"] == (
        "series 'text' year 2021: value 'TBD' is not a finite number; give a number, or leave "
        "the year out (a missing year is allowed: drop its row, or blank its cell in a wide "
        "table)"
    )
    # uat13 #5: was "year 2020: value nan is not a finite number; drop the row"
    assert notes["all_nan"] == (
        "series 'all_nan' has no values: every year is blank (NaN) or not published; give "
        "its values, or leave the series out"
    )
    failed = out[out["status"] == "failed"]
    assert failed[["mean", "lo_80", "hi_95"]].isna().all().all()
    assert failed.groupby("series_id")["year"].max().to_dict() == {
        "all_nan": 2024,
        "dup_year": 2024,
        "one_point": 2025,
        "text": 2024,
    }


def test_n_jobs_with_another_engine_than_local_is_refused() -> None:
    # was: ignored without a word (serial ran in this process alone), while the command
    # line refuses --n-jobs with these engines
    data = _panel(2)
    msg = (
        "forecast_many: n_jobs is used only by engine='local'; engine='serial' runs on this "
        "process alone; leave out n_jobs, or pass engine='local'"
    )
    with pytest.raises(EngineError, match=re.escape(msg)):
        forecast_many(data, 2, engine="serial", n_jobs=8, progress=False)
    msg = (
        "forecast_many: n_jobs is used only by engine='local'; engine='dask' runs on the "
        "cluster's worker threads (start more with `dask worker`); leave out n_jobs, or pass "
        "engine='local'"
    )
    with pytest.raises(EngineError, match=re.escape(msg)):
        forecast_many(data, 2, engine="dask", n_jobs=2, progress=False)


def test_argument_errors() -> None:
    data = _panel(2)
    # (was "...; got 0", no fix; a whole float was not told the integer)
    msg = (
        "forecast_many: n_jobs must be a positive integer or None (all cores); got 0; e.g. n_jobs=2"
    )
    with pytest.raises(EngineError, match=re.escape(msg) + "$"):
        forecast_many(data, 2, n_jobs=0)
    with pytest.raises(EngineError, match=re.escape("got 2.0; 2.0 is a float: pass the integer 2")):
        forecast_many(data, 2, n_jobs=2.0)  # type: ignore[arg-type]
    msg = (
        "chunk_size must be a positive integer or None (chosen by size); got -1; e.g. chunk_size=64"
    )
    with pytest.raises(EngineError, match=re.escape(msg) + "$"):
        forecast_many(data, 2, chunk_size=-1)
    with pytest.raises(ModelError, match=re.escape("horizon must be a positive integer")):
        forecast_many(data, 0)
    # a whole float (year arithmetic on a float year column) is told the integer to pass,
    # as forecast() tells it
    msg = "got 7.0; 7.0 is a float: pass the integer 7"
    with pytest.raises(ModelError, match=re.escape(msg) + "$"):
        forecast_many(data, 7.0)
    # an unknown engine was an UnknownMethodError (a KeyError), as for a model alias
    msg = (
        "forecast_many: engine 'spark' is not one of 'serial', 'local', 'dask'; pass "
        "engine='local' (worker processes on this machine, the default), 'serial' (this "
        "process) or 'dask' (a dask.distributed cluster)"
    )
    with pytest.raises(EngineError, match=re.escape(msg) + "$") as caught:
        forecast_many(data, 2, engine="spark")
    assert not isinstance(caught.value, KeyError)
    assert (caught.value.engine, caught.value.valid) == ("spark", ("serial", "local", "dask"))
    msg = "forecast_many: unknown forecasting method 'arima9'; did you mean 'arima'?"
    with pytest.raises(UnknownMethodError, match=re.escape(msg)):
        forecast_many(data, 2, method="arima9")
    msg = "forecast_many: client= is used only by engine='dask'; got engine='local'"
    with pytest.raises(EngineError, match=re.escape(msg)):
        forecast_many(data, 2, client="tcp://127.0.0.1:8786")


def test_a_gap_policy_or_cap_no_series_can_take_is_refused_before_the_run() -> None:
    # batch25: gaps="bogus", cap="abc" or cap=NaN failed every series of the batch, each
    # with the same note (100,000 identical failures), where forecast() raises
    from idcforecast.errors import DataError

    data = _panel(3)
    msg = (
        "forecast_many: gaps='bogus' is not a gap policy; expected one of 'interpolate', "
        "'span', 'error'"
    )
    with pytest.raises(DataError, match=re.escape(msg) + "$"):
        forecast_many(data, 2, engine="serial", gaps="bogus")
    for cap in ["abc", float("nan"), True]:
        msg = (
            f"forecast_many: cap {cap!r} is not a number; pass the saturation level of every "
            "series as a number in their unit, a {series_id: cap} mapping for some of them, "
            "or cap=None (convert figure text first: idcforecast.convert('2万亿元', "
            "'CNY 100m') gives 20000.0)"
        )
        with pytest.raises(ModelError, match=re.escape(msg) + "$"):
            forecast_many(data, 2, engine="serial", cap=cap)
    # cap=inf failed every series, each told "cap inf is beyond 1e+150 ... express the series
    # and its cap in a larger unit"; it is no level at all
    for cap in [float("inf"), -np.inf]:
        msg = f"forecast_many: cap {cap!r} is no saturation level; for no cap pass cap=None"
        with pytest.raises(ModelError, match=re.escape(msg)):
            forecast_many(data, 2, engine="serial", cap=cap)
    # a number below one series' last value still fails that series alone (fc55: one equal
    # to it is taken, the forecast clipped there, as a share at 100% is capped at 100)
    last = data.groupby("series_id")["value"].last()
    cap = float(last.sort_values().iloc[1])  # above the smallest, equal to the second
    out = forecast_many(data, 2, engine="serial", cap=cap, progress=False)
    failed = set(out.loc[out["status"] == "failed", "series_id"])
    assert failed == set(last.index[last > cap])
    assert len(failed) == 1


def test_auto_equals_forecast_series_by_series_with_gaps_and_levels() -> None:
    data = _panel(12, seed=3)
    # a gap (interpolated for fitting, named in the note) and a non-positive series
    data = data.drop(index=[5, 6]).reset_index(drop=True)
    data.loc[data["series_id"] == "s0003", "value"] -= 1000.0
    kwargs = {"method": ["auto", "drift"], "level": (50, 80, 97.5)}
    expected = forecast(data, 4, **kwargs)
    got = forecast_many(data, 4, engine="local", n_jobs=2, chunk_size=5, **kwargs)
    pd.testing.assert_frame_equal(got, expected)
    assert got.loc[got["series_id"] == "s0000", "note"].iloc[0].startswith("gap years")


def test_failed_notes_are_what_forecast_raises_for_that_series_alone() -> None:
    data = _broken()
    negative = pd.DataFrame(
        {"series_id": "negative", "year": range(2015, 2023), "value": np.linspace(-5, 9, 8)}
    ).assign(unit="USD bn")
    data = pd.concat([data, negative], ignore_index=True)
    out = forecast_many(data, 2, method="loglinear", engine="serial", progress=False)
    per_series = out.drop_duplicates("series_id").set_index("series_id")
    for series_id in ["all_nan", "one_point", "dup_year", "text", "negative"]:
        assert per_series.loc[series_id, "status"] == "failed"
        with pytest.raises(IdcForecastError) as err:
            forecast(data[data["series_id"] == series_id], 2, method="loglinear")
        assert per_series.loc[series_id, "note"] == str(err.value), series_id
    good = data[data["series_id"].str.startswith("s")]
    pd.testing.assert_frame_equal(
        out[out["status"] != "failed"].reset_index(drop=True),
        forecast(good, 2, method="loglinear"),
    )


@pytest.mark.parametrize("gaps", ["interpolate", "span"])
def test_a_series_too_short_once_its_gaps_are_handled_says_what_the_gaps_did(gaps: str) -> None:
    # batch25: forecast() adds what the gap policy did to the "too short" error (the filled
    # years do not count, so the gaps are why); forecast_many's note left it out
    holes = pd.DataFrame(
        {"series_id": "holes", "year": [2016, 2018, 2020], "value": [10.0, 12.0, 15.0]}
    )
    data = pd.concat([_panel(2), holes], ignore_index=True)
    methods = ["auto", "drift"]
    expected = {
        "interpolate": (
            "series 'holes' has 3 observations (2016-2020, 2 years filled); method 'auto' "
            "needs at least 4; add years, or use 'naive' (2) or 'drift' (3) (gap years "
            "2017, 2019 filled log-linearly for fitting only)"
        ),
        "span": (
            "series 'holes' has 1 observation (2020); method 'auto' needs at least 4; add "
            "years (every method needs at least 2) (gap before 2020: fitted on 2020 only "
            "(dropped 2016-2018)); or pass gaps='interpolate' to fit the years before the gap "
            "too"
        ),
    }[gaps]
    with pytest.raises(IdcForecastError, match=re.escape(expected) + "$"):
        forecast(holes, 2, method="auto", gaps=gaps)
    for engine, chunk_size in [("serial", None), ("local", 1)]:
        out = forecast_many(
            data, 2, method=methods, gaps=gaps, engine=engine, chunk_size=chunk_size
        )
        rows = out[out["series_id"] == "holes"].drop_duplicates("model").set_index("model")
        assert rows.loc["auto", ["status", "note"]].tolist() == ["failed", expected]
        # drift (3 points) fits the interpolated series and notes the gaps as forecast() does
        if gaps == "interpolate":
            pd.testing.assert_frame_equal(
                out[(out["series_id"] == "holes") & (out["model"] == "drift")].reset_index(
                    drop=True
                ),
                forecast(holes, 2, method="drift", gaps=gaps),
            )


def test_cap_mapping_keys_are_matched_as_text_and_checked() -> None:
    # before: {1: 5.5} silently left series 1 uncapped (ids are text in the result)
    from idcforecast.errors import UnknownSeriesError

    data = pd.DataFrame(
        {
            "series_id": [1] * 5 + [2] * 5,
            "year": [*range(2018, 2023)] * 2,
            "value": [1.0, 2, 3, 4, 5] * 2,
        }
    )
    out = forecast_many(data, 1, method="drift", cap={1: 5.5}, engine="serial", progress=False)
    assert out["mean"].tolist() == [5.5, 6.0]  # drift 5 + 1 = 6, clipped at 5.5 for '1'
    msg = (
        "forecast_many: cap is given for series 'x', which is not in the data; expected "
        "series ids such as 1, 2; fix the key or drop it"
    )
    with pytest.raises(UnknownSeriesError, match=re.escape(msg)):
        forecast_many(data, 1, method="drift", cap={"x": 9.0}, engine="serial", progress=False)


def test_nan_caps_in_a_mapping_are_refused_before_the_run_naming_the_series() -> None:
    # caps read from a table with a blank for each uncapped series; before: each of those
    # series failed with "cap nan is not above the last observation 5.0", which no cap is
    data = pd.DataFrame(
        {
            "series_id": ["a"] * 5 + ["b"] * 5,
            "year": [*range(2018, 2023)] * 2,
            "value": [1.0, 2, 3, 4, 5] * 2,
        }
    )
    caps = dict(zip(["a", "b"], pd.Series([9.0, None], dtype=float), strict=True))
    msg = (
        "forecast_many: cap is NaN (blank) for series 'b'; expected a number for each series "
        "in the mapping; leave the uncapped series out of it "
        "({sid: c for sid, c in caps.items() if c == c}) or give their caps"
    )
    with pytest.raises(ModelError, match=re.escape(msg)):
        forecast_many(data, 1, method="drift", cap=caps, engine="serial", progress=False)
    with pytest.raises(ModelError, match=re.escape("for series 'a', 'b';")):
        forecast_many(data, 1, cap={"a": np.float32("nan"), "b": float("nan")}, engine="serial")
    # the fix the message gives: 'a' capped (drift 5 + 1 = 6 stays under 9), 'b' not
    fixed = {sid: c for sid, c in caps.items() if c == c}
    out = forecast_many(data, 1, method="drift", cap=fixed, engine="serial", progress=False)
    assert out["mean"].tolist() == [6.0, 6.0]
    assert out["status"].tolist() == ["ok", "ok"]


def _with_estimates() -> pd.DataFrame:
    """A panel whose note column marks estimate years the way read_long_table marks them."""
    data = pd.concat([_panel(9), _broken().iloc[10:21]], ignore_index=True).assign(note="")
    last = data.groupby("series_id")["year"].transform("max")
    marked = {"s0002": ("E", 2), "s0005": ("F", 1), "text": ("E", 1)}
    for series_id, (mark, n) in marked.items():
        rows = (data["series_id"] == series_id) & (data["year"] > last - n)
        data.loc[rows, "note"] = [
            f"estimate (year written '{y}{mark}')" for y in data["year"][rows]
        ]
    data.loc[data["series_id"] == "s0005", "note"] = "from segments; " + data["note"]
    return data.sample(frac=1.0, random_state=0).reset_index(drop=True)  # years out of order


def test_notes_name_the_estimates_read_as_data_whatever_the_engine() -> None:
    # before: a forecast resting on years such as 2022E (kept with estimates="keep") said
    # nothing about them in the batch result
    data = _with_estimates()
    serial = forecast_many(data, 3, method=["drift", "naive"], engine="serial", progress=False)
    # one note per (series, method): a method that cannot fit fails with its own error
    # (one_point: drift and naive need 2 observations each, and say so)
    assert (serial.groupby(["series_id", "model"])["note"].nunique() == 1).all()
    per_series = serial.drop_duplicates("series_id").set_index("series_id")
    end = data.groupby("series_id")["year"].max()
    assert per_series.loc["s0002", "note"] == (
        f"estimates read as data: {end['s0002'] - 1}E, {end['s0002']}E"
    )
    assert per_series.loc["s0005", "note"] == f"estimates read as data: {end['s0005']}F"
    # a failed series: its error first, as forecast() raises it
    assert per_series.loc["text", "status"] == "failed"
    assert per_series.loc["text", "note"] == (
        "series 'text' year 2021: value 'TBD' is not a finite number; give a number, or leave "
        "the year out (a missing year is allowed: drop its row, or blank its cell in a wide "
        "table); estimates read as data: 2022E"
    )
    # series without estimates, and every number, as without the note column
    plain = forecast_many(
        data.drop(columns="note"), 3, method=["drift", "naive"], engine="serial", progress=False
    )
    marked = serial["series_id"].isin(["s0002", "s0005", "text"])
    pd.testing.assert_frame_equal(serial[~marked], plain[~marked])
    pd.testing.assert_frame_equal(serial.drop(columns="note"), plain.drop(columns="note"))
    for engine, n_jobs, chunk_size in [("serial", None, 1), ("local", 2, 2), ("local", 1, None)]:
        out = forecast_many(
            data, 3, method=["drift", "naive"], engine=engine, n_jobs=n_jobs, chunk_size=chunk_size,
            progress=False,
        )  # fmt: skip
        pd.testing.assert_frame_equal(out, serial)


def test_forecast_names_the_estimates_as_forecast_many_does() -> None:
    # before: forecast() said nothing about years such as 2022E, so its note differed from
    # forecast_many's for the same series
    data = _with_estimates()
    ok = data[data["series_id"].str.startswith("s0")]  # forecast() raises for broken ones
    single = forecast(ok, 3, method=["drift", "naive"])
    batch = forecast_many(ok, 3, method=["drift", "naive"], engine="serial", progress=False)
    pd.testing.assert_frame_equal(single, batch)
    end = ok.groupby("series_id")["year"].max()
    notes = single.drop_duplicates("series_id").set_index("series_id")["note"]
    assert notes["s0002"] == f"estimates read as data: {end['s0002'] - 1}E, {end['s0002']}E"
    assert notes["s0001"] == ""


def test_warnings_go_to_the_note_of_the_series_that_raised_them(
    panel: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warning raised while one series is planned or finished is in that series' note
    only (and does not escape); the other series' notes stay empty."""
    import warnings

    import idcforecast.batch.worker as worker
    import idcforecast.forecasting as forecasting

    check, finish = worker._check_series, forecasting.finish_forecast

    def warn_when_planned(series_id, *args):  # type: ignore[no-untyped-def]
        if series_id == "s0001":
            warnings.warn("odd input", UserWarning, stacklevel=1)
        return check(series_id, *args)

    def warn_when_finished(plan, **kwargs):  # type: ignore[no-untyped-def]
        if plan.series_id == "s0003":
            warnings.warn("odd fit", RuntimeWarning, stacklevel=1)
        return finish(plan, **kwargs)

    monkeypatch.setattr(worker, "_check_series", warn_when_planned)
    monkeypatch.setattr(forecasting, "finish_forecast", warn_when_finished)
    data = panel[panel["series_id"].isin(["s0000", "s0001", "s0002", "s0003"])]
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # nothing escapes the batch
        out = forecast_many(data, 2, engine="serial", chunk_size=4)  # one chunk
    notes = out.groupby("series_id")["note"].first().to_dict()
    assert notes == {
        "s0000": "",
        "s0001": "warning UserWarning: odd input",
        "s0002": "",
        "s0003": "warning RuntimeWarning: odd fit",
    }
    assert set(out["status"]) == {"ok"}


def test_figure_text_in_a_batch_names_the_reader_that_takes_it() -> None:
    # uat11: forecast-many failed '1562.5亿元' as "not a finite number ... give a number",
    # while `forecast --data` reads the same file
    frame = pd.DataFrame(
        {
            "series_id": "cn",
            "year": [2019, 2020, 2021, 2022],
            "value": ["1562.5亿元", 2238.7, 3012.7, 4043.2],
        }
    )
    out = forecast_many(frame, 1, method="naive", engine="serial")
    assert out["status"].iloc[0] == "failed"
    assert out["note"].iloc[0] == (
        "series 'cn' year 2019: value '1562.5亿元' is not a finite number; give a number, or "
        "leave the year out (a missing year is allowed: drop its row, or blank its cell in a "
        "wide table) (figure text, such as '1,562.5亿元', '800 MW' or '超过520', is read "
        "by idcforecast.read_series, idcforecast.read_long_table and the commands reading a "
        "file, `forecast --data` and `forecast-many`; forecast() and forecast_many() take "
        "numbers, the unit in a 'unit' column and a bound in a 'qualifier' column, "
        "'at_least' or 'at_most')"
    )
    # a bound written before the number was told only "not a finite number"
    bound = frame.assign(value=[1562.5, 2238.7, "超过3000", 4043.2])
    note = forecast_many(bound, 1, method="naive", engine="serial")["note"].iloc[0]
    assert note.startswith("series 'cn' year 2021: value '超过3000' is not a finite number")
    assert "a bound in a 'qualifier' column, 'at_least' or 'at_most')" in note
    assert "'超过520', is read by idcforecast.read_series, idcforecast.read_long_table" in note


def _mixed_methods_panel() -> pd.DataFrame:
    """A panel where some methods cannot fit some series: a 6-point series (arima needs 8)
    and a series through zero (arima and drift_log need positive values)."""
    short = pd.DataFrame(
        {
            "series_id": "short",
            "year": range(2018, 2024),
            "value": [100.0, 112.0, 125.0, 139.0, 156.0, 171.0],
        }
    )
    negative = pd.DataFrame(
        {"series_id": "negative", "year": range(2014, 2024), "value": np.linspace(-5.0, 13.0, 10)}
    )
    data = pd.concat([_panel(5, seed=11), short, negative], ignore_index=True)
    return data.assign(unit="USD bn")


MIXED_METHODS = ["auto", "drift", "arima", "drift_log"]


@pytest.fixture(scope="module")
def mixed_serial() -> pd.DataFrame:
    return forecast_many(
        _mixed_methods_panel(), 3, method=MIXED_METHODS, engine="serial", progress=False
    )


def test_a_method_that_cannot_fit_fails_only_its_own_rows(mixed_serial: pd.DataFrame) -> None:
    # uat13 #1: before, one method that could not fit a series (arima on 6 points,
    # drift_log on values <= 0) failed every method of that series, each row with that
    # method's error as its note, although forecast() gives the others
    data = _mixed_methods_panel()
    pairs = mixed_serial.drop_duplicates(["series_id", "model"]).set_index(["series_id", "model"])
    failed = sorted(pairs.index[pairs["status"] == "failed"])
    # arima and drift_log work on logarithms; arima needs 8 observations
    assert failed == [("negative", "arima"), ("negative", "drift_log"), ("short", "arima")]
    for series_id, method in pairs.index:
        one = data[data["series_id"] == series_id]
        rows = mixed_serial[
            (mixed_serial["series_id"] == series_id) & (mixed_serial["model"] == method)
        ].reset_index(drop=True)
        if (series_id, method) in failed:
            # the reference: what forecast() raises for that series and method alone
            with pytest.raises(IdcForecastError) as err:
                forecast(one, 3, method=method)
            assert (rows["note"] == str(err.value)).all(), (series_id, method)
            assert rows[["mean", "lo_80", "hi_80", "lo_95", "hi_95"]].isna().all().all()
            assert rows["year"].tolist() == [2024, 2025, 2026]
        else:
            pd.testing.assert_frame_equal(rows, forecast(one, 3, method=method))
    # hand arithmetic on the 6-point series: drift 171 + h * (171 - 100) / 5 = 171 + 14.2h
    short_drift = mixed_serial[
        (mixed_serial["series_id"] == "short") & (mixed_serial["model"] == "drift")
    ]
    np.testing.assert_allclose(short_drift["mean"], [185.2, 199.4, 213.6], rtol=1e-12)
    assert pairs.loc[("short", "arima"), "note"].startswith(
        "series 'short' has 6 observations (2018-2023); model 'arima' needs at least 8"
    )
    assert pairs.loc[("short", "auto"), "status"] == "ok"
    assert pairs.loc[("negative", "drift"), "status"] == "ok"


@pytest.mark.parametrize(
    ("engine", "n_jobs", "chunk_size"),
    [("serial", None, 1), ("serial", None, 3), ("local", 2, 2), ("local", 1, None)],
)
def test_per_method_failures_are_identical_whatever_engine_and_chunking(
    mixed_serial: pd.DataFrame, engine: str, n_jobs: int | None, chunk_size: int | None
) -> None:
    out = forecast_many(
        _mixed_methods_panel(),
        3,
        method=MIXED_METHODS,
        engine=engine,
        n_jobs=n_jobs,
        chunk_size=chunk_size,
        progress=False,
    )
    pd.testing.assert_frame_equal(out, mixed_serial)
    assert (out["status"] == "failed").sum() == 3 * 3  # three pairs, three years each


def test_a_level_only_method_is_not_failed_by_a_log_method_beside_it() -> None:
    # uat13 #1 (b3.py): median (levels only) was failed because drift_log needs values > 0
    data = _mixed_methods_panel()
    negative = data[data["series_id"] == "negative"]
    out = forecast_many(
        negative, 2, method=["median", "drift_log"], engine="serial", progress=False
    )
    assert out["status"].tolist() == ["ok", "ok", "failed", "failed"]
    pd.testing.assert_frame_equal(
        out[out["model"] == "median"].reset_index(drop=True), forecast(negative, 2, method="median")
    )
    with pytest.raises(IdcForecastError) as err:
        forecast(negative, 2, method="drift_log")
    assert out["note"].iloc[2:].tolist() == [str(err.value)] * 2


def test_warnings_of_one_method_go_to_that_methods_note_only(
    panel: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A warning raised while one method is forecast is in that (series, method) note; one
    raised while the series is checked is in the note of each of its methods."""
    import warnings

    import idcforecast.batch.worker as worker

    check, plan = worker._check_series, worker._plan_method

    def warn_when_checked(series_id, *args):  # type: ignore[no-untyped-def]
        if series_id == "s0001":
            warnings.warn("odd input", UserWarning, stacklevel=1)
        return check(series_id, *args)

    def warn_for_naive(series_id, prepared, cap, method, *rest):  # type: ignore[no-untyped-def]
        if method == "naive" and series_id == "s0002":
            warnings.warn("odd naive", RuntimeWarning, stacklevel=1)
        return plan(series_id, prepared, cap, method, *rest)

    monkeypatch.setattr(worker, "_check_series", warn_when_checked)
    monkeypatch.setattr(worker, "_plan_method", warn_for_naive)
    data = panel[panel["series_id"].isin(["s0001", "s0002"])]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        out = forecast_many(data, 1, method=["drift", "naive"], engine="serial")
    notes = out.set_index(["series_id", "model"])["note"].to_dict()
    assert notes == {
        ("s0001", "drift"): "warning UserWarning: odd input",
        ("s0001", "naive"): "warning UserWarning: odd input",
        ("s0002", "drift"): "",
        ("s0002", "naive"): "warning RuntimeWarning: odd naive",
    }


def test_chunks_run_by_threads_of_one_process_keep_their_own_warnings(
    panel: pd.DataFrame, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Threads of one Dask worker run chunks side by side; warnings.catch_warnings is
    process-wide, so without a lock a warning raised in one chunk was recorded by the
    other (seen on Dask as a LineSearchWarning in a random series' note, in 2 of 8 runs)."""
    import threading
    import warnings

    import idcforecast.batch.worker as worker
    from idcforecast.batch.chunks import group_series, iter_chunks
    from idcforecast.batch.worker import BatchSpec, run_chunk

    plan = worker._plan_method
    a_planning, b_recording, a_warned = threading.Event(), threading.Event(), threading.Event()

    def interleave(series_id, *args):  # type: ignore[no-untyped-def]
        if series_id == "s0000":  # chunk A: warns once chunk B records (or after 0.5 s)
            a_planning.set()
            b_recording.wait(timeout=0.5)
            warnings.warn("from s0000", UserWarning, stacklevel=1)
            a_warned.set()
        else:  # chunk B: records while A warns, if the two chunks may overlap
            b_recording.set()
            a_warned.wait(timeout=0.5)
        return plan(series_id, *args)

    monkeypatch.setattr(worker, "_plan_method", interleave)
    data = panel[panel["series_id"].isin(["s0000", "s0001"])]
    chunk_a, chunk_b = iter_chunks(group_series(data), 1)
    spec = BatchSpec(horizon=1, methods=("drift",), levels=(80,))
    results = {}
    threads = [
        threading.Thread(target=lambda c=c: results.__setitem__(c.ids[0], run_chunk(c, spec)))
        for c in (chunk_a, chunk_b)
    ]
    threads[0].start()
    a_planning.wait(timeout=5)  # B starts while A is recording
    threads[1].start()
    for thread in threads:
        thread.join()
    assert results["s0000"].note == ["warning UserWarning: from s0000"]
    assert results["s0001"].note == [""]


def test_a_history_converted_at_fx_rates_is_named_in_the_note_as_forecast_names_it() -> None:
    # uat11: a history read_series converted from USD (2019) left no trace in the forecast;
    # forecast() and forecast_many() now name the converted years, in the same words
    from idcforecast.io import read_series

    table = pd.DataFrame(
        {"year": range(2016, 2024), "value": ["100亿元", "120亿元", "140亿元", "$2.3 billion",
                                               "180亿元", "200亿元", "230亿元", "250亿元"]}
    )  # fmt: skip
    history = read_series(table, series_id="cn", unit="CNY 100m")
    one = forecast(history, 2, method="drift")
    many = forecast_many(history, 2, method="drift", engine="serial", progress=False)
    expected = (
        "history converted between currencies at each year's FX rate (2019): its growth "
        "includes exchange-rate moves"
    )
    assert one["note"].tolist() == many["note"].tolist() == [expected, expected]
    pd.testing.assert_frame_equal(one, many[one.columns])


def test_a_frame_with_cells_marked_not_published_is_read_as_forecast_reads_it() -> None:
    # gaps15: forecast_many failed a series of a frame holding "n/a" or "—" ("value 'n/a' is
    # not a finite number"), where the forecast-many file reader reads a gap
    data = pd.DataFrame(
        {
            "series_id": ["gaps"] * 6 + ["none"] * 2 + ["ok"] * 3,
            "year": [*range(2015, 2021), 2015, 2016, 2015, 2016, 2017],
            "value": [100.0, 110.0, "n/a", 130.0, "—", 150.0, "..", "暂无", 1.0, 2.0, 3.0],
            "unit": ["MW"] * 6 + ["GW", "kW"] + ["MW"] * 3,  # the marked rows' units unread
        }
    )
    out = forecast_many(data, 1, method="drift", engine="serial", progress=False)
    per_series = out.set_index("series_id")
    # drift on 2015..2020: (150 - 100) / 5 = 10 a year, 160 in 2021
    assert per_series.loc["gaps", ["year", "mean", "status"]].tolist() == [2021, 160.0, "ok"]
    assert per_series.loc["gaps", "note"] == (
        "years marked as not published, read as gaps: 2017 ('n/a'), 2019 ('—'); "
        "gap years 2017, 2019 filled log-linearly for fitting only"
    )
    # a series of marks only is kept, failed by name (the error forecast() raises first)
    assert per_series.loc["none", "status"] == "failed"
    assert per_series.loc["none", "note"] == (
        "series 'none' has no values: every year is blank (NaN) or not published; give its "
        "values, or leave the series out; years marked as not published, read as gaps: "
        "2015 ('..'), 2016 ('暂无')"
    )
    assert per_series.loc["ok", "mean"] == pytest.approx(4.0)  # 3 + (3 - 1) / 2
    # the same rows as forecast() gives, whatever the engine and chunking
    readable = data[data["series_id"] != "none"]
    single = forecast(readable, 1, method="drift")
    batch = forecast_many(readable, 1, method="drift", engine="serial", progress=False)
    pd.testing.assert_frame_equal(single, batch)
    local = forecast_many(data, 1, method="drift", n_jobs=2, chunk_size=1, progress=False)
    pd.testing.assert_frame_equal(local, out)


def test_a_series_failed_by_its_years_carries_no_forecast_years() -> None:
    # was: 99999 in a year cell gave the failed series the years 100000 and 100001, then
    # 2018 and 2019 (after its last real year); -3 among 1, 2 gave 3 and 4: years made up
    # for a series whose years could not be read. Now <NA>, on every engine.
    data = pd.DataFrame(
        {
            "series_id": ["a"] * 4 + ["b"] * 3 + ["c"] * 3,
            "year": [2015, 2016, 2017, 99999, 1, 2, -3, 2015, 2016, 2016],
            "value": [1.0, 2.0, 3.0, 4.0, 1.0, 2.0, 3.0, 1.0, 2.0, 3.0],
        }
    )
    out = forecast_many(data, 2, method="drift", engine="serial", progress=False)
    assert str(out["year"].dtype) == "Int64"
    assert out["year"].isna().tolist() == [True] * 4 + [False] * 2
    # a repeated year fails the series too, but its years are readable: 2017, 2018
    assert out["year"].tolist()[4:] == [2017, 2018]
    assert out["status"].tolist() == ["failed"] * 6
    local = forecast_many(data, 2, method="drift", n_jobs=2, chunk_size=1, progress=False)
    pd.testing.assert_frame_equal(local, out)


def test_values_published_as_bounds_are_noted_as_forecast_notes_them() -> None:
    frame = pd.DataFrame(
        {
            "series_id": ["a"] * 4 + ["b"] * 4,
            "year": [2019, 2020, 2021, 2022] * 2,
            "value": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0],
            "qualifier": ["exact", "at_least", "exact", "at_least"] + ["exact"] * 4,
        }
    )
    batch = forecast_many(frame, 2, method="drift", engine="serial")
    notes = batch.drop_duplicates("series_id").set_index("series_id")["note"]
    expected = (
        "values published as bounds, fitted as those numbers, never scored by the "
        "interval calibration: 2020 (at least), 2022 (at least); " + NO_SCORED_CUTOFF
    )  # 4 years each: no cutoff to score
    assert notes["a"] == expected
    single = forecast(frame[frame["series_id"] == "a"], 2, method="drift")
    assert single["note"].iloc[0] == expected
    assert notes["b"] == NO_SCORED_CUTOFF


def test_a_bound_on_a_row_without_a_year_does_not_stop_the_batch() -> None:
    # the bound's label took int() of the missing year: a ValueError for the whole batch
    frame = pd.DataFrame(
        {
            "series_id": ["a"] * 4 + ["b"] * 4,
            "year": [2019, 2020, None, 2022, 2019, 2020, 2021, 2022],
            "value": [1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0],
            "qualifier": ["exact", "at_least", "at_least", "exact", "at_most"] + ["exact"] * 3,
        }
    )
    batch = forecast_many(frame, 2, method="drift", engine="serial")
    first = batch.drop_duplicates("series_id").set_index("series_id")
    assert first["status"].tolist() == ["failed", "ok"]
    assert first.loc["a", "note"].startswith("series 'a': a row has no year (a blank year cell)")
    assert first.loc["b", "note"] == (
        "value published as a bound, fitted as that number, never scored by the "
        "interval calibration: 2019 (at most); " + NO_SCORED_CUTOFF
    )


@pytest.mark.parametrize("unit", ["%", "percent"])  # "percent" was not checked at all
def test_a_share_past_100_percent_is_noted_as_forecast_notes_it(unit: str) -> None:
    share = pd.DataFrame(
        {"series_id": "share", "year": range(2015, 2024),
         "value": [50.0, 55.0, 60.0, 65.0, 70.0, 75.0, 80.0, 85.0, 90.0], "unit": unit}
    )  # fmt: skip
    data = pd.concat([share, share.assign(series_id="money", unit="CNY bn")])
    expected = forecast(data, 7, method=["auto", "drift"])
    got = forecast_many(data, 7, method=["auto", "drift"], engine="serial", progress=False)
    pd.testing.assert_frame_equal(got, expected)
    notes = got.groupby(["series_id", "model"])["note"].first()
    assert all("forecast passes 100%" in notes["share"][m] for m in ("auto", "drift"))
    assert not notes["money"].str.contains("passes 100%").any()


def test_one_cap_for_series_in_different_units_is_refused_as_forecast_refuses_it() -> None:
    # before: cap=100 meant for the share clipped the TWh series at 100 TWh too
    frame = pd.DataFrame(
        {
            "series_id": ["share"] * 5 + ["twh"] * 5,
            "year": [*range(2019, 2024)] * 2,
            "value": [50.0, 55, 60, 65, 70, 80.0, 84, 88, 92, 96],
            "unit": ["%"] * 5 + ["TWh"] * 5,
        }
    )
    msg = "forecast_many: cap=100 is one number for series in different units ('share' in '%'"
    with pytest.raises(ModelError, match=re.escape(msg)):
        forecast_many(frame, 2, method="drift", cap=100, engine="serial", progress=False)
    caps = {"share": 100}
    got = forecast_many(frame, 2, method="drift", cap=caps, engine="serial", progress=False)
    # drift: twh 96 + 4 = 100, 104 (uncapped); share 75, 80
    assert got["mean"].tolist() == [75.0, 80.0, 100.0, 104.0]


def test_a_pandas_series_of_caps_is_a_mapping_as_in_forecast() -> None:
    # forecast() takes caps as a pandas Series indexed by series id; forecast_many refused it
    # as "cap a    25.0\ndtype: float64 is not a number"
    data = pd.DataFrame(
        {
            "series_id": ["a"] * 5 + ["b"] * 5,
            "year": list(range(2019, 2024)) * 2,
            "value": [10.0, 12.0, 14.0, 16.0, 18.0, 5.0, 6.0, 7.0, 8.0, 9.0],
        }
    )
    caps = pd.Series({"a": 21.0})
    got = forecast_many(data, 3, method="drift", engine="serial", cap=caps, progress=False)
    pd.testing.assert_frame_equal(got, forecast(data, 3, method="drift", cap=caps))
    pd.testing.assert_frame_equal(
        got, forecast_many(data, 3, method="drift", engine="serial", cap={"a": 21.0})
    )
    # drift on a: 18 + 2 a year, clipped at 21 (20, 21, 21); b (9 + 1 a year) uncapped
    assert got["mean"].tolist() == [20.0, 21.0, 21.0, 10.0, 11.0, 12.0]


def test_a_seed_that_simulate_refuses_is_refused_up_front() -> None:
    # seed=-1, 1.5, "7" and True were accepted without a word, where simulate() and --seed
    # on the command line refuse them
    data = _panel(3)
    for seed in [-1, 1.5, "7", True]:
        msg = (
            f"forecast_many: seed must be a whole number 0 or more, or None; got {seed!r}; "
            "e.g. seed=7"
        )
        with pytest.raises(ModelError, match=re.escape(msg) + "$"):
            forecast_many(data, 2, engine="serial", seed=seed, progress=False)
    # whole numbers 0 or more, NumPy's included, still run, with the same numbers as no seed
    plain = forecast_many(data, 2, engine="serial", progress=False)
    for seed in [0, 7, np.int64(3)]:
        out = forecast_many(data, 2, engine="serial", seed=seed, progress=False)
        pd.testing.assert_frame_equal(out, plain)


def test_a_bare_number_beside_rows_with_a_unit_fails_its_series() -> None:
    # a row without a unit in a series whose other rows state one was taken in
    # silence to be in their unit (read_series refuses it: "the number 1 has no unit")
    frame = pd.DataFrame(
        {
            "series_id": ["b"] * 3 + ["c"] * 3,
            "year": [2019, 2020, 2021] * 2,
            "value": [1.0, 2.0, 3.0, 1.0, 2.0, 3.0],
            "unit": [None, "CNY 100m", None, "MW", "MW", "MW"],
        }
    )
    out = forecast_many(frame, 1, method="naive", engine="serial", progress=False)
    per = out.set_index("series_id")
    assert per.loc["b", "status"] == "failed"
    assert per.loc["b", "note"] == (
        "series 'b' year 2019: the number 1 has no unit, while other values of the series are "
        "in 'CNY 100m'; expected figure text with a unit ('1,562.5亿元') or a unit in its "
        "'unit' column, or, when every bare number is in one unit, that unit asked for "
        "(`forecast-many --unit 'CNY 100m'`, read_long_table(..., unit='CNY 100m'))"
    )
    assert per.loc["c", ["status", "mean"]].tolist() == ["ok", 3.0]  # naive: the last value


def test_an_infinite_cap_in_a_mapping_is_refused_up_front() -> None:
    # {'a': inf} failed series 'a' alone, told "for no cap pass cap=None", which is
    # not how a mapping leaves a series uncapped
    data = _panel(3)
    first = str(data["series_id"].iloc[0])
    msg = (
        f"forecast_many: cap is infinite for series {first!r}, which is no saturation level; "
        "leave the uncapped series out of the mapping or give their caps"
    )
    for caps in ({first: float("inf")}, pd.Series({first: np.inf})):
        with pytest.raises(ModelError, match=re.escape(msg) + "$"):
            forecast_many(data, 2, engine="serial", cap=caps, progress=False)
    with pytest.raises(ModelError, match=re.escape(msg.replace("forecast_many", "forecast"))):
        forecast(data, 2, cap={first: float("inf")})


def test_forecast_many_names_the_row_of_a_year_that_is_not_a_year() -> None:
    # was: "a Series needs its years as the index: s.index = ..." for a frame's year column
    data = pd.DataFrame({"series_id": "s", "year": [1, 2, -3], "value": [1.0, 2.0, 3.0]})
    out = forecast_many(data, 1, method="drift", engine="serial", progress=False)
    assert out["note"].tolist() == [
        "series 's': year -3 (row 2 of the data) is not a year; use calendar years such as "
        "2021 in the year column (positions 0, 1, 2... instead of years?)"
    ]


def test_forecast_many_leaves_bound_years_out_of_the_calibration_as_forecast_does() -> None:
    """forecast_many's intervals scored a year published as a bound ("more than 161")
    as an exact actual; they are forecast()'s now (which leaves it out), for auto too."""
    values = [100.0, 110.0, 121.0, 133.1, 146.41, 161.051, 170.0, 190.0]
    frame = pd.DataFrame(
        {
            "series_id": "s",
            "year": range(2016, 2024),
            "value": values,
            "qualifier": ["exact"] * 5 + ["at_least"] + ["exact"] * 2,
        }
    )
    for method in ("naive", "auto"):
        many = forecast_many(frame, horizon=2, method=method)
        one = forecast(frame, 2, method=method)
        for column in ("mean", "lo_80", "hi_80", "lo_95", "hi_95"):
            np.testing.assert_allclose(many[column], one[column], rtol=1e-12)
        exact = forecast(frame.assign(qualifier="exact"), 2, method=method)
        assert not np.allclose(exact["hi_95"], one["hi_95"])  # the bound year mattered


def test_failed_rows_of_a_series_mixing_units_name_every_unit_not_the_first() -> None:
    """'b' mixes GW and MW and is refused for it; its failed rows said unit 'GW' (the
    first), a unit half its rows are not in. They say 'mixed: GW, MW' now; 'a' keeps MW."""
    frame = pd.DataFrame(
        {
            "series_id": ["a"] * 3 + ["b"] * 3,
            "year": [2020, 2021, 2022] * 2,
            "value": [1.0, 2.0, 3.0, 1.0, 2000.0, 3.0],
            "unit": ["MW"] * 3 + ["GW", "MW", "GW"],
        }
    )
    out = forecast_many(frame, horizon=1, method="drift")
    assert out["unit"].tolist() == ["MW", "mixed: GW, MW"]
    assert out["status"].tolist() == ["ok", "failed"]
    assert out["note"].iloc[1].startswith("series 'b' mixes units 'GW', 'MW'")
