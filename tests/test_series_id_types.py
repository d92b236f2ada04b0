"""Series ids come back as the caller gave them: forecast, backtest, compare_methods and
forecast_many keep an int id column int (it came back as text, '1' for 1, and a merge on
the user's int column matched nothing), text ids text, on every engine and chunking."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

import idcforecast as idc
from idcforecast.batch import forecast_many


def _growing(ids: list) -> pd.DataFrame:
    # each series grows 10% a year from its own base: 12 years, 2012-2023
    frames = [
        pd.DataFrame(
            {
                "series_id": [sid] * 12,
                "year": range(2012, 2024),
                "value": base * 1.1 ** np.arange(12),
            }
        )
        for sid, base in zip(ids, (100.0, 50.0, 7.0, 3.0), strict=False)
    ]
    return pd.concat(frames, ignore_index=True)


@pytest.mark.parametrize(
    "column",
    [
        pd.Series([1, 2, 10]),
        pd.Series([1, 2, 10], dtype="Int64"),
        pd.Series([1.5, 2.0, 10.0]),
        pd.Series(["a", "b b", "Ω"], dtype=object),
        pd.Series([1, "b", 10], dtype=object),
        pd.Series(["x", "y", "z"], dtype="category"),
    ],
    ids=["int64", "Int64", "float", "object-text", "object-mixed", "category"],
)
def test_ids_keep_their_values_and_dtype_in_every_result(column: pd.Series) -> None:
    ids = column.tolist()
    data = _growing(ids)
    data["series_id"] = column.repeat(12).to_numpy()
    data["series_id"] = data["series_id"].astype(column.dtype)
    given = data["series_id"].dtype

    fc = idc.forecast(data, 2, method="drift")
    assert fc["series_id"].dtype == given
    assert fc["series_id"].tolist() == [ids[0]] * 2 + [ids[1]] * 2 + [ids[2]] * 2
    bt = idc.backtest(data, 2, method="drift", n_windows=1)
    assert bt["series_id"].dtype == given
    assert bt["series_id"].drop_duplicates().tolist() == ids
    cmp = idc.compare_methods(data, 2, methods=["drift", "naive"])
    assert cmp["series_id"].dtype == given
    assert cmp["series_id"].tolist() == [ids[0]] * 2 + [ids[1]] * 2 + [ids[2]] * 2
    serial = forecast_many(data, 2, method="drift", engine="serial", progress=False)
    pd.testing.assert_frame_equal(serial, fc)
    chunked = forecast_many(data, 2, method="drift", engine="serial", chunk_size=1, progress=False)
    pd.testing.assert_frame_equal(chunked, fc)


def test_result_merges_back_on_the_users_int_ids() -> None:
    data = _growing([1, 2, 10])
    names = pd.DataFrame({"series_id": [1, 2, 10], "region": ["north", "south", "west"]})
    for out in (
        idc.forecast(data, 1, method="drift"),
        forecast_many(data, 1, method="drift", engine="serial", progress=False),
    ):
        merged = out.merge(names, on="series_id")
        assert merged["region"].tolist() == ["north", "south", "west"]
        # drift on 100 * 1.1 ** k, k = 0..11: last + (last - first) / 11, first = 100
        last = 100.0 * 1.1**11
        assert merged["mean"].iloc[0] == pytest.approx(last + (last - 100.0) / 11)


def test_local_engine_keeps_int_ids_and_equals_serial() -> None:
    data = _growing([1, 2, 10, 11])
    serial = forecast_many(data, 2, engine="serial", progress=False)
    local = forecast_many(data, 2, engine="local", n_jobs=2, chunk_size=1, progress=False)
    pd.testing.assert_frame_equal(local, serial)
    assert local["series_id"].dtype == np.int64


def test_failed_series_keeps_its_int_id() -> None:
    data = pd.concat(
        [_growing([1]), pd.DataFrame({"series_id": [2], "year": [2020], "value": [5.0]})],
        ignore_index=True,
    )
    out = forecast_many(data, 1, method="drift", engine="serial", progress=False)
    assert out["series_id"].tolist() == [1, 2]
    assert out["status"].tolist() == ["ok", "failed"]
    # the messages name the series as text, as forecast() names it
    assert out["note"].iloc[1].startswith("series '2'")


@pytest.mark.parametrize("other", ["China ", " China", "China\xa0"])
def test_ids_differing_only_in_spaces_around_them_are_refused(other: str) -> None:
    # 'China' for 2019-2021 and 'China ' (a space typed, a non-breaking one pasted from a
    # web page) for 2022-2023 were forecast as two series printed alike: drift from
    # 1, 2, 3 gave 4 for 2022 under 'China', and 'China ' failed on its 2 points
    from idcforecast.errors import DataError

    frame = pd.DataFrame(
        {"series_id": ["China"] * 3 + [other] * 2, "year": range(2019, 2024),
         "value": [1.0, 2.0, 3.0, 4.0, 5.0]}
    )  # fmt: skip
    told = (
        f"series ids 'China' and {other!r} differ only in spaces around them, which print "
        "alike: the rows of one series would be forecast as two; strip them, "
        "frame['series_id'] = frame['series_id'].str.strip(), or name two series apart"
    )
    for run in (idc.forecast, idc.backtest, forecast_many):
        with pytest.raises(DataError) as raised:
            run(frame, 1, method="drift")
        assert str(raised.value) == told
    # the fix as worded: one series 1..5, drift 5 + (5 - 1) / 4 = 6
    fixed = frame.assign(series_id=frame["series_id"].str.strip())
    assert idc.forecast(fixed, 1, method="drift")["mean"].tolist() == [6.0]
