"""Accuracy metrics on arrays: sMAPE, MASE, interval coverage and the Winkler score.

The definitions are in :mod:`idcforecast.evaluation`'s docstring, which re-exports these
functions; :func:`idcforecast.evaluation.accuracy` applies them to a backtest frame.
"""

from __future__ import annotations

from typing import Any

import numpy as np

from idcforecast._wording import counted
from idcforecast.errors import DataError, EmptyDataError, NonNumericValueError

__all__ = ["coverage", "mase", "mase_scale", "smape", "winkler_score"]


def _arrays(metric: str, *, _bounds: bool = False, **named: Any) -> list[np.ndarray]:
    """The arguments as 1-D float arrays of one length, non-empty and finite, or a DataError.

    A NaN would silently turn the metric into NaN (or, for coverage, a miss), and arrays of
    different lengths would broadcast into a wrong number. With ``_bounds`` the arguments
    ``lower`` and ``upper`` are interval bounds, which may be unbounded (-inf, inf): a
    backtest's bound overflows to inf for a series that grows too fast, and accuracy()
    refused its own backtest's frame.
    """
    arrays: list[np.ndarray] = []
    for label, value in named.items():
        try:
            arrays.append(np.asarray(value, dtype=np.float64).reshape(-1))
        except (TypeError, ValueError) as err:
            raise NonNumericValueError(
                f"{metric}: {label} must be numbers ({err}); pass numeric arrays",
                metric=metric,
                argument=label,
            ) from None
    labels = list(named)
    for label, arr in zip(labels[1:], arrays[1:], strict=True):
        if arr.size != arrays[0].size:
            raise DataError(
                f"{metric}: {label} has {counted(arr.size, 'value')} but {labels[0]} has "
                f"{arrays[0].size}; pass one {label} value per {labels[0]} value",
                metric=metric,
                argument=label,
            )
    if arrays[0].size == 0:
        raise EmptyDataError(
            f"{metric}: {labels[0]} is empty; pass at least one value", metric=metric
        )
    for label, arr in zip(labels, arrays, strict=True):
        unbounded = -np.inf if label == "lower" else np.inf if label == "upper" else None
        allowed = (arr == unbounded) if _bounds and unbounded is not None else False
        bad = np.flatnonzero(~np.isfinite(arr) & ~allowed)
        if bad.size:
            i = int(bad[0])
            what = (
                f"not a finite number or {unbounded!r} (unbounded)"
                if _bounds and unbounded is not None
                else "not a finite number"
            )
            raise NonNumericValueError(
                f"{metric}: {label}[{i}] is {float(arr[i])!r}, {what}; drop "
                "that position from every argument (or fill it)",
                metric=metric,
                argument=label,
                position=i,
            )
    return arrays


def smape(actual: Any, forecast: Any) -> float:
    """Symmetric MAPE in percent (0-200), the M3/M4 definition.

    Parameters
    ----------
    actual
        Observed values: a number or array-like of finite numbers.
    forecast
        Forecasts of the same values, one per ``actual`` value.

    Returns
    -------
    float
        Mean of ``200 |actual - forecast| / (|actual| + |forecast|)``; a term with both
        zero counts 0.

    Raises
    ------
    DataError
        ``forecast`` does not have one value per ``actual`` value.
    EmptyDataError
        ``actual`` is empty.
    NonNumericValueError
        A value is not a number, or not finite (NaN, inf): it is named by position.

    Examples
    --------
    >>> round(smape([100.0, 200.0], [110.0, 180.0]), 4)  # (200*10/210 + 200*20/380) / 2
    10.0251
    """
    y, f = _arrays("smape", actual=actual, forecast=forecast)
    denom = np.abs(y) + np.abs(f)
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(denom == 0, 0.0, 200.0 * np.abs(y - f) / denom)
    return float(np.mean(terms))


def mase_scale(history: Any) -> float:
    """Mean absolute first difference of ``history`` (the MASE denominator, lag 1).

    Examples
    --------
    >>> mase_scale([100.0, 110.0, 105.0])
    7.5
    """
    n_obs = int(np.size(history))
    if n_obs < 2:
        raise DataError(
            f"MASE needs at least two history points to scale errors; got {n_obs}",
            n_obs=n_obs,
        )
    (values,) = _arrays("mase", history=history)
    diffs = np.abs(np.diff(values))
    return float(diffs.mean())


def mase(actual: Any, forecast: Any, *, history: Any) -> float:
    """Mean absolute scaled error (scale: mean absolute first difference of ``history``).

    Parameters
    ----------
    actual
        Observed values after the history: a number or array-like of finite numbers.
    forecast
        Forecasts of the same values, one per ``actual`` value.
    history
        Keyword only: the values up to the forecast origin, at least two; their mean
        absolute first difference (lag 1, non-seasonal) scales the errors.

    Returns
    -------
    float
        Mean ``|actual - forecast|`` divided by that scale.

    Raises
    ------
    DataError
        ``history`` has fewer than two points or is constant (scale 0: use
        :func:`smape`), or ``forecast`` does not have one value per ``actual`` value.
    EmptyDataError
        ``actual`` is empty.
    NonNumericValueError
        A value is not a number, or not finite (NaN, inf).

    Examples
    --------
    >>> mase([120.0, 130.0], [115.0, 120.0], history=[100.0, 110.0, 105.0])  # 7.5 / 7.5
    1.0
    """
    scale = mase_scale(history)
    if scale == 0:
        raise DataError(
            "MASE is undefined for a constant history (mean absolute difference 0); use "
            "sMAPE for this series",
            scale=0.0,
        )
    y, f = _arrays("mase", actual=actual, forecast=forecast)
    return float(np.mean(np.abs(y - f)) / scale)


def coverage(actual: Any, lower: Any, upper: Any) -> float:
    """Share of ``actual`` inside ``[lower, upper]``.

    Parameters
    ----------
    actual
        Observed values: a number or array-like of finite numbers.
    lower, upper
        The interval bounds, one of each per ``actual`` value; a value on a bound is
        inside.

    Returns
    -------
    float
        The share (0-1) of ``actual`` values with ``lower <= actual <= upper``.

    Raises
    ------
    DataError
        The lengths differ, or a lower bound is above its upper bound (swapped).
    EmptyDataError
        ``actual`` is empty.
    NonNumericValueError
        A value is not a number, or not finite (NaN, inf); a lower bound of -inf or an
        upper bound of inf is an unbounded side, allowed.

    Examples
    --------
    >>> coverage([1.0, 5.0, 9.0], [0.0, 0.0, 0.0], [2.0, 6.0, 8.0])
    0.6666666666666666
    >>> coverage([1.0, 5.0], [0.0, 0.0], [2.0, float("inf")])  # an unbounded interval covers
    1.0
    """
    y, lo, hi = _arrays("coverage", _bounds=True, actual=actual, lower=lower, upper=upper)
    _check_ordered("coverage", lo, hi)
    return float(np.mean((y >= lo) & (y <= hi)))


def _check_ordered(metric: str, lower: np.ndarray, upper: np.ndarray) -> None:
    """A lower bound above its upper bound is a DataError (bounds passed in the wrong
    order): it counted as a miss for coverage, and as a negative width for the Winkler
    score, which then rewarded it.

    Examples
    --------
    >>> _check_ordered("coverage", np.array([1.0, 10.0]), np.array([2.0, 4.0]))
    Traceback (most recent call last):
    ...
    idcforecast.errors.DataError: coverage: lower[1] is 10.0, above upper[1] 4.0; pass lower then upper (were they swapped?)
    """  # noqa: E501
    bad = np.flatnonzero(lower > upper)
    if bad.size:
        i = int(bad[0])
        raise DataError(
            f"{metric}: lower[{i}] is {float(lower[i])!r}, above upper[{i}] "
            f"{float(upper[i])!r}; pass lower then upper (were they swapped?)",
            metric=metric,
            position=i,
        )


def winkler_score(actual: Any, lower: Any, upper: Any, *, level: float) -> float:
    """Mean Winkler (interval) score of central ``level`` % intervals; lower is better.

    Parameters
    ----------
    actual
        Observed values: a number or array-like of finite numbers.
    lower, upper
        The interval bounds, one of each per ``actual`` value.
    level
        Keyword only: the intervals' level in percent (80 for an 80% interval; 0.8 is
        refused, as it reads as a 0.8% interval).

    Returns
    -------
    float
        Mean of ``(upper - lower) + 2/alpha x`` the distance of ``actual`` outside the
        interval, with ``alpha = 1 - level/100``; in the values' unit (unscaled: the
        ``winkler_<L>`` column of :func:`accuracy` divides it by the MASE scale).

    Raises
    ------
    ModelError
        ``level`` is not a percentage strictly between 0 and 100.
    DataError
        The lengths differ, or a lower bound is above its upper bound (swapped).
    EmptyDataError
        ``actual`` is empty.
    NonNumericValueError
        A value is not a number, or not finite (NaN, inf); a lower bound of -inf or an
        upper bound of inf is an unbounded side, allowed (its score is inf).

    Examples
    --------
    >>> winkler_score([5.0, 12.0], [4.0, 4.0], [10.0, 10.0], level=80)  # (6 + 6 + 2/.2*2) / 2
    16.0
    >>> winkler_score([5.0], [4.0], [float("inf")], level=80)  # an unbounded width
    inf
    """
    from idcforecast._forecast_inputs import resolve_levels

    (percent,) = resolve_levels(level, caller="winkler_score")
    alpha = 1.0 - percent / 100.0
    y, lo, hi = _arrays("winkler_score", _bounds=True, actual=actual, lower=lower, upper=upper)
    _check_ordered("winkler_score", lo, hi)
    score = (hi - lo) + 2.0 / alpha * (np.clip(lo - y, 0, None) + np.clip(y - hi, 0, None))
    return float(np.mean(score))
