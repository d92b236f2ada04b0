"""The "auto" point forecast (:func:`idcforecast.auto.auto_point`) for many problems at once.

``auto_point`` fits six members one series at a time; the damped trend's grid search
dominates its cost (about 4 ms per fit, nine fits per series once the rolling-origin cutoffs
are counted). :func:`auto_point_many` computes the same forecasts for thousands of training
arrays in one set of numpy passes over "problems x parameter sets":

- ``naive``, ``loglinear``, ``drift_log`` and ``theil_sen`` are closed forms evaluated for
  every problem at once (sums run as explicit loops over time, never as numpy reductions
  whose order could depend on the array shape);
- ``ses`` and ``damped`` run :mod:`idcforecast._auto_smoothing`: the grid searches of
  ``fit_ets`` (:mod:`idcforecast.models._ets`) for all problems at once, initial states
  profiled out exactly, the same coarse grids and zooms;
- problems with a value <= 0 (rare) take ``auto.AUTO_MEMBERS_NOT_POSITIVE``: ``drift`` and
  ``dotm`` are fitted one problem at a time by the registry models.

Problems that are prefixes of one series (the rolling-origin cutoffs) share work: errors are
causal, so one recursion run over the longest prefix gives every shorter prefix's sums on
the way, read off at its own last step. Each problem's arithmetic is a fixed sequence of
elementwise operations on its own values, so a problem gives bit-identical output alone or
inside any batch; large calls run in passes of ``SERIES_PER_PASS`` series to bound memory.

Agreement with ``auto_point`` is to rounding (sums accumulate in another order than
``fit_ets``'s ``einsum``, and its scaling by ``std(y)`` is replaced by an exact power of
two: least squares is scale-equivariant), except where two grid points tie to rounding in a
search and the other one wins: ``benchmarks/auto_kernel_check.py`` counts those.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from idcforecast._auto_smoothing import damped_point, ses_point
from idcforecast._wording import counted
from idcforecast.auto import THEIL_SEN_WINDOW
from idcforecast.errors import InsufficientDataError, ModelError, NonNumericValueError

__all__ = ["auto_point_many"]

DAMPED_MIN_OBS = 6
SES_MIN_OBS = 3
THEIL_SEN_MIN_OBS = 3
LOG_MIN_OBS = 3
DRIFT_MIN_OBS = 3
DOTM_MIN_OBS = 6
SERIES_PER_PASS = 512


def auto_point_many(
    trains: Sequence[np.ndarray],
    h: int,
    *,
    lengths: Sequence[Sequence[int]] | None = None,
    observed: Sequence[np.ndarray | None] | None = None,
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
    observed
        Optional: per train, a boolean mask of its values that were observed (``None``:
        all), when a gap policy filled some years. A member's minimum counts the observed
        values of a problem, not its length (filled years are not data), as
        :func:`idcforecast.auto.auto_members_for` counts them.

    Returns
    -------
    ndarray
        Shape ``(n_problems, h)``; row ``i`` equals ``auto_point(problem_i, h)`` to
        rounding, and does not depend on the other problems in the call.

    Examples
    --------
    >>> y = np.array([100.0, 110.0, 121.0, 133.1, 146.41, 161.05])
    >>> auto_point_many([y, y[:4]], 2).round(1)
    array([[174.3, 187.4],
           [144.1, 155.1]])
    >>> auto_point_many([y], 1, lengths=[[6, 5, 4]]).round(1)
    array([[174.3],
           [158. ],
           [144.1]])
    """
    if isinstance(h, bool) or not isinstance(h, int | np.integer) or h < 1:
        raise ModelError(f"auto_point_many: h must be a positive integer; got {h!r}", horizon=h)
    values, owner, plen = _problems(trains, lengths)
    h = int(h)
    if plen.size == 0:
        return np.empty((0, h))
    counts = _observed_counts(values, owner, plen, observed)
    # Working memory grows with the problems of one pass; every problem's result is
    # independent of its company, so passes of at most SERIES_PER_PASS series are exact.
    out = np.empty((plen.size, h))
    cuts = np.searchsorted(owner, np.arange(0, len(values), SERIES_PER_PASS))
    for lo, hi in zip(cuts, [*cuts[1:], plen.size], strict=True):
        first = int(owner[lo]) if hi > lo else 0
        out[lo:hi] = _auto_pass(values, owner[lo:hi], plen[lo:hi], counts[lo:hi], first, h)
    return out


def _observed_counts(
    values: list[np.ndarray],
    owner: np.ndarray,
    plen: np.ndarray,
    observed: Sequence[np.ndarray | None] | None,
) -> np.ndarray:
    """Observed values in each problem (its length where every value was observed)."""
    if observed is None or all(mask is None for mask in observed):
        return plen
    if len(observed) != len(values):
        raise ModelError(
            f"auto_point_many: observed has {counted(len(observed), 'entry', 'entries')} for "
            f"{counted(len(values), 'train')}; give one mask (or None) per train",
        )
    counts = plen.copy()
    for i, mask in enumerate(observed):
        if mask is None:
            continue
        seen = np.asarray(mask, dtype=bool)
        if seen.shape != values[i].shape:
            raise ModelError(
                f"auto_point_many: observed[{i}] has shape {seen.shape}; expected "
                f"{values[i].shape}, one flag per value of trains[{i}]",
                index=i,
            )
        mine = owner == i
        counts[mine] = np.cumsum(seen)[plen[mine] - 1]
    return counts


def _auto_pass(
    values: list[np.ndarray],
    owner: np.ndarray,
    plen: np.ndarray,
    n_obs: np.ndarray,
    first: int,
    h: int,
) -> np.ndarray:
    """``auto_point_many`` of the problems of series ``first, first + 1, ...``; ``n_obs``:
    each problem's observed values, which decide the members it can use."""
    if plen.size == 0:
        return np.empty((0, h))
    last_series = int(owner[-1]) + 1
    owner = owner - first
    n_problems = plen.size
    panel = _padded(values[first:last_series], int(plen.max()))
    steps = np.arange(1, h + 1, dtype=np.float64)
    # members in the order of auto.AUTO_MEMBERS; NaN where one is left out
    members = np.full((n_problems, 6, h), np.nan)
    last = panel[owner, plen - 1]
    members[:, 0] = last[:, None]
    positive = _positive_prefix(panel, owner, plen)
    damped = positive & (n_obs >= DAMPED_MIN_OBS)
    if damped.any():
        members[damped, 1] = damped_point(panel, owner[damped], plen[damped], h)
    ses = n_obs >= SES_MIN_OBS
    if ses.any():
        members[ses, 2] = ses_point(panel, owner[ses], plen[ses], h)
    logs = positive & (n_obs >= LOG_MIN_OBS)
    if logs.any():
        members[logs, 3:5] = _log_members(panel, owner[logs], plen[logs], steps)
    members[:, 5] = _theil_sen(panel, owner, plen, steps)
    members[n_obs < THEIL_SEN_MIN_OBS, 5] = np.nan
    if not positive.all():
        # a value <= 0: auto.AUTO_MEMBERS_NOT_POSITIVE (naive, drift, ses, dotm, theil_sen),
        # drift and dotm in the two log members' rows (a median ignores the order)
        _not_positive_members(members, panel, owner, plen, n_obs, ~positive, steps)
    return _median_of_members(members)


def _not_positive_members(
    members: np.ndarray,
    panel: np.ndarray,
    owner: np.ndarray,
    plen: np.ndarray,
    n_obs: np.ndarray,
    rows: np.ndarray,
    steps: np.ndarray,
) -> None:
    """Fill ``drift`` and ``dotm`` into rows 3 and 4 of ``members`` for the problems
    ``rows`` (those with a value <= 0), as :func:`idcforecast.auto.auto_point` fits them.
    Such series are rare: DOTM is fitted one problem at a time."""
    from idcforecast.models import MODEL_REGISTRY

    for k in np.flatnonzero(rows):
        y = panel[owner[k], : plen[k]]
        if n_obs[k] >= DRIFT_MIN_OBS:
            members[k, 3] = MODEL_REGISTRY["drift"]().fit(y).predict(steps.size, level=()).mean
        if n_obs[k] >= DOTM_MIN_OBS:
            members[k, 4] = MODEL_REGISTRY["dotm"]().fit(y).predict(steps.size, level=()).mean


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
                f"auto_point_many: lengths has {counted(len(lengths), 'entry', 'entries')} for "
                f"{counted(len(values), 'train')}; give one list of prefix lengths per train",
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


def _theil_sen(
    panel: np.ndarray, owner: np.ndarray, plen: np.ndarray, steps: np.ndarray
) -> np.ndarray:
    """Last value plus the Theil-Sen slope of the last ``THEIL_SEN_WINDOW`` points per step.

    The slope is the median of the pairwise slopes ``(y_j - y_i) / (j - i)`` inside the
    window, computed with the same arithmetic as :func:`idcforecast.auto.theil_sen_slope`;
    NaN below 3 values.
    """
    window = np.minimum(plen, THEIL_SEN_WINDOW)
    start = plen - window
    i, j = np.triu_indices(THEIL_SEN_WINDOW, 1)
    valid = j[None, :] < window[:, None]
    rows = owner[:, None]
    yi = panel[rows, np.where(valid, start[:, None] + i[None, :], 0)]
    yj = panel[rows, np.where(valid, start[:, None] + j[None, :], 0)]
    slopes = np.where(valid, (yj - yi) / (j - i)[None, :], np.inf)  # inf sorts last
    slopes.sort(axis=1)
    m = window * (window - 1) // 2
    index = np.arange(plen.size)
    lo = slopes[index, np.maximum(m - 1, 0) // 2]
    hi = slopes[index, m // 2]
    # np.median: the middle value, or the mean of the two middle ones
    med = np.where(m % 2 == 1, lo, (lo + hi) / 2.0)
    last = panel[owner, plen - 1]
    out = last[:, None] + med[:, None] * steps
    out[plen < THEIL_SEN_MIN_OBS] = np.nan
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
    # a growth too fast for floating point far ahead is inf, a member value the median
    # copes with (an overflowing median is a typed error in finish_forecast): numpy's
    # "overflow encountered in exp" warned the user and ended up in forecast_many's note
    with np.errstate(over="ignore"):
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
