"""The "auto" point forecast (:func:`idcforecast.auto.auto_point`) for many problems at once.

``auto_point`` fits five members one series at a time; Holt's grid search dominates its cost
(about 2.5 ms per fit, nine fits per series once the rolling-origin cutoffs are counted).
:func:`auto_point_many` computes the same forecasts for thousands of training arrays in one
set of numpy passes over "problems x parameter sets":

- ``naive``, ``loglinear``, ``drift_log`` and ``median_drift`` are closed forms evaluated
  for every problem at once (sums run as explicit loops over time, never as numpy
  reductions whose order could depend on the array shape);
- Holt (``fit_ets(trend=True, damped=False)``, :mod:`idcforecast.models._ets`) runs the same
  search: a coarse 12 x 10 grid over ``(alpha, beta*)``, then three zooms of 13 x 13 points
  around the best point, clipped to the bounds (duplicates kept: they sit in sorted order,
  so the first minimum is the same point ``np.unique`` would find), with the initial states
  profiled out exactly. One-step errors of Holt's method obey
  ``e_t = (y_t - 2 y_{t-1} + y_{t-2}) + (2 - alpha - beta) e_{t-1} - (1 - alpha) e_{t-2}``,
  so the data row and the two unit-initial-state rows cost a few multiply-adds per step, and
  the 3 x 3 normal matrix of each problem is accumulated as the recursion runs.

Problems that are prefixes of one series (the rolling-origin cutoffs) share work: errors are
causal, so one recursion run over the longest prefix gives every shorter prefix's sums on
the way, read off at its own last step. Within a search round, prefixes that search the same
grid share a run. Each problem's arithmetic is a fixed sequence of elementwise operations on
its own values, so a problem gives bit-identical output alone or inside any batch; large
calls run in passes of ``SERIES_PER_PASS`` series to bound memory.

Agreement with ``auto_point`` is to rounding (the sums are accumulated in another order than
``fit_ets``'s ``einsum`` and its scaling by ``std(y)`` is skipped: least squares is
scale-equivariant), except where two grid points tie to rounding in Holt's search and the
other one wins: ``benchmarks/auto_kernel_check.py`` counts those.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from idcforecast._auto_holt import holt_search, holt_states
from idcforecast.errors import InsufficientDataError, ModelError, NonNumericValueError

__all__ = ["auto_point_many"]

HOLT_MIN_OBS = 5
LOG_MIN_OBS = 3
SERIES_PER_PASS = 512


def auto_point_many(
    trains: Sequence[np.ndarray],
    h: int,
    *,
    lengths: Sequence[Sequence[int]] | None = None,
) -> np.ndarray:
    """``auto_point`` of many training arrays at once.

    Parameters
    ----------
    trains
        1-D arrays of finite values, oldest first (at least 2 values each).
    h
        Forecast steps.
    lengths
        Optional: forecast prefixes instead of whole arrays. ``lengths[i]`` lists the
        prefix lengths of ``trains[i]`` to forecast (each in ``2..len(trains[i])``); rows
        come out series by series in that order. Prefixes of one array share work.

    Returns
    -------
    ndarray
        Shape ``(n_problems, h)``; row ``i`` equals ``auto_point(problem_i, h)`` to
        rounding, and does not depend on the other problems in the call.

    Examples
    --------
    >>> y = np.array([100.0, 110.0, 121.0, 133.1, 146.41, 161.05])
    >>> auto_point_many([y, y[:4]], 2).round(1)
    array([[175.7, 190.3],
           [145.3, 158.1]])
    >>> auto_point_many([y], 1, lengths=[[6, 5, 4]]).round(1)
    array([[175.7],
           [159.7],
           [145.3]])
    """
    if isinstance(h, bool) or not isinstance(h, int | np.integer) or h < 1:
        raise ModelError(f"auto_point_many: h must be a positive integer; got {h!r}", horizon=h)
    values, owner, plen = _problems(trains, lengths)
    h = int(h)
    if plen.size == 0:
        return np.empty((0, h))
    # Working memory grows with the problems of one pass; every problem's result is
    # independent of its company, so passes of at most SERIES_PER_PASS series are exact.
    out = np.empty((plen.size, h))
    cuts = np.searchsorted(owner, np.arange(0, len(values), SERIES_PER_PASS))
    for lo, hi in zip(cuts, [*cuts[1:], plen.size], strict=True):
        first = int(owner[lo]) if hi > lo else 0
        out[lo:hi] = _auto_pass(values, owner[lo:hi], plen[lo:hi], first, h)
    return out


def _auto_pass(
    values: list[np.ndarray], owner: np.ndarray, plen: np.ndarray, first: int, h: int
) -> np.ndarray:
    """``auto_point_many`` of the problems of series ``first, first + 1, ...``."""
    if plen.size == 0:
        return np.empty((0, h))
    last_series = int(owner[-1]) + 1
    owner = owner - first
    n_problems = plen.size
    panel = _padded(values[first:last_series], int(plen.max()))
    steps = np.arange(1, h + 1, dtype=np.float64)
    members = np.full((n_problems, 5, h), np.nan)
    last = panel[owner, plen - 1]
    members[:, 0] = last[:, None]
    members[:, 1] = _median_drift(panel, owner, plen, steps)
    positive = _positive_prefix(panel, owner, plen)
    logs = positive & (plen >= LOG_MIN_OBS)
    if logs.any():
        members[logs, 2:4] = _log_members(panel, owner[logs], plen[logs], steps)
    holt = plen >= HOLT_MIN_OBS
    if holt.any():
        members[holt, 4] = _holt(panel, owner[holt], plen[holt], steps)
    return _median_of_members(members)


def _problems(
    trains: Sequence[np.ndarray], lengths: Sequence[Sequence[int]] | None
) -> tuple[list[np.ndarray], np.ndarray, np.ndarray]:
    values: list[np.ndarray] = []
    for i, train in enumerate(trains):
        arr = np.asarray(train, dtype=np.float64)
        if arr.ndim != 1:
            raise ModelError(
                f"auto_point_many: trains[{i}] must be a 1-D array of yearly values; got "
                f"shape {arr.shape}",
                index=i,
            )
        bad = np.flatnonzero(~np.isfinite(arr))
        if bad.size:
            j = int(bad[0])
            raise NonNumericValueError(
                f"auto_point_many: trains[{i}] observation {j} is {float(arr[j])!r}; every "
                "value must be finite (fill or drop gaps first)",
                index=i,
            )
        values.append(arr)
    if lengths is None:
        plen = np.array([arr.size for arr in values], dtype=np.int64)
        owner = np.arange(plen.size, dtype=np.int64)
    else:
        if len(lengths) != len(values):
            raise ModelError(
                f"auto_point_many: lengths has {len(lengths)} entries for {len(values)} "
                "trains; give one list of prefix lengths per train",
            )
        per = [np.asarray(list(ls), dtype=np.int64).reshape(-1) for ls in lengths]
        plen = np.concatenate(per) if per else np.empty(0, dtype=np.int64)
        owner = np.repeat(np.arange(len(per), dtype=np.int64), [p.size for p in per])
        for i, ls in enumerate(per):
            if ls.size and (ls.max() > values[i].size or ls.min() < 1):
                bad_len = int(ls.max() if ls.max() > values[i].size else ls.min())
                raise ModelError(
                    f"auto_point_many: prefix length {bad_len} of trains[{i}] is not in "
                    f"1..{values[i].size}; pass lengths within the array",
                    index=i,
                )
    short = np.flatnonzero(plen < 2)
    if short.size:
        i = int(owner[short[0]])
        raise InsufficientDataError(
            f"auto_point_many: a problem of trains[{i}] has {int(plen[short[0]])} value(s); "
            "the 'auto' members need at least 2 (naive)",
            index=i,
            n_obs=int(plen[short[0]]),
            min_obs=2,
        )
    return values, owner, plen


def _padded(values: list[np.ndarray], width: int) -> np.ndarray:
    """Series as rows of a zero-padded matrix (the padding is never read as data)."""
    panel = np.zeros((len(values), width))
    for i, arr in enumerate(values):
        m = min(arr.size, width)
        panel[i, :m] = arr[:m]
    return panel


def _positive_prefix(panel: np.ndarray, owner: np.ndarray, plen: np.ndarray) -> np.ndarray:
    """Whether every value of each problem is > 0."""
    nonpos = panel <= 0
    width = panel.shape[1]
    first_bad = np.where(nonpos.any(axis=1), np.argmax(nonpos, axis=1), width)
    return plen <= first_bad[owner]


def _median_drift(
    panel: np.ndarray, owner: np.ndarray, plen: np.ndarray, steps: np.ndarray
) -> np.ndarray:
    """Last value plus the median first difference per step (NaN below 3 values)."""
    width = int(plen.max())
    diffs = np.diff(panel[owner, :width], axis=1)
    cols = np.arange(width - 1)
    diffs[cols[None, :] >= (plen - 1)[:, None]] = np.inf  # sorted past the real ones
    diffs.sort(axis=1)
    m = plen - 1
    rows = np.arange(plen.size)
    lo = diffs[rows, np.maximum(m - 1, 0) // 2]
    hi = diffs[rows, m // 2]
    # np.median: the middle value, or the mean of the two middle ones
    med = np.where(m % 2 == 1, lo, (lo + hi) / 2.0)
    last = panel[owner, plen - 1]
    out = last[:, None] + med[:, None] * steps
    out[plen < 3] = np.nan
    return out


def _log_members(
    panel: np.ndarray, owner: np.ndarray, plen: np.ndarray, steps: np.ndarray
) -> np.ndarray:
    """``loglinear`` and ``drift_log`` forecasts, shape ``(n, 2, h)`` (positive problems)."""
    width = int(plen.max())
    rows = panel[owner, :width]
    logs = np.log(rows, where=rows > 0, out=np.zeros_like(rows))
    n = plen.astype(np.float64)
    tbar = (n - 1.0) / 2.0
    zsum = np.zeros(plen.size)
    tz = np.zeros(plen.size)
    for t in range(width):
        live = plen > t  # sequential sums, the same order whatever the batch
        zsum = np.where(live, zsum + logs[:, t], zsum)
        tz = np.where(live, tz + (t - tbar) * logs[:, t], tz)
    zbar = zsum / n
    sxx = n * (n * n - 1.0) / 12.0  # sum of (t - tbar)^2 over t = 0..n-1, exact
    slope = tz / sxx
    intercept = zbar - slope * tbar
    zlast = logs[np.arange(plen.size), plen - 1]
    out = np.empty((plen.size, 2, steps.size))
    out[:, 0] = np.exp(intercept[:, None] + slope[:, None] * (n[:, None] - 1.0 + steps))
    drift = (zlast - logs[:, 0]) / (n - 1.0)
    out[:, 1] = np.exp(zlast[:, None] + steps * drift[:, None])
    return out


def _median_of_members(members: np.ndarray) -> np.ndarray:
    """Median over the members axis, ignoring NaN (left-out members), as ``np.median``."""
    count = np.sum(~np.isnan(members[:, :, 0]), axis=1)
    ordered = np.sort(members, axis=1)  # NaN last
    rows = np.arange(members.shape[0])
    lo = ordered[rows, (count - 1) // 2]
    hi = ordered[rows, count // 2]
    return np.where((count % 2 == 1)[:, None], lo, (lo + hi) / 2.0)


def _holt(panel: np.ndarray, owner: np.ndarray, plen: np.ndarray, steps: np.ndarray) -> np.ndarray:
    """Holt's linear trend forecasts (``fit_ets(trend=True, damped=False)``) per problem."""
    alpha, beta, l0, b0 = holt_search(panel, owner, plen)
    level, slope = holt_states(panel, owner, plen, alpha, beta, l0, b0)
    return level[:, None] + slope[:, None] * steps
