"""Plan a single-series forecast: validate its inputs and pick its point forecaster.

:func:`plan_forecast` checks what :func:`idcforecast.forecasting.forecast_array` is given
(values, horizon, method, levels, cap; the same typed errors) and returns a
:class:`ForecastPlan`: the method's point forecaster and fitter, its minimum and fallback
note, and the rolling-origin cutoffs the interval calibration will score. The batch worker
plans every series of a chunk here, computes the "auto" point forecasts of the chunk in one
vectorised call, then finishes each with :func:`idcforecast.forecasting.finish_forecast`.
"""

from __future__ import annotations

import dataclasses
import functools
import math
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import numpy as np

from idcforecast._forecast_inputs import (
    AUTO,
    VALUE_LIMIT,
    bound_mask,
    check_inputs,
    observed_mask,
    place_in_series,
    resolve_levels,
    resolve_methods,
)
from idcforecast._wording import counted, year_span
from idcforecast.calibration import DEFAULT_SETTINGS, CalibrationSettings, origin_cutoffs
from idcforecast.errors import InsufficientDataError, ModelError, UnknownMethodError

if TYPE_CHECKING:
    from idcforecast.models.base import ForecastModel

__all__ = ["ForecastPlan", "plan_forecast"]


@dataclass(frozen=True)
class ForecastPlan:
    """A validated single-method forecast job: what :func:`finish_forecast` needs.

    ``problem_lengths`` are the training lengths to forecast: the whole series, then each
    rolling-origin cutoff (``cutoffs``, latest first), each for ``point_steps`` steps (the
    final forecast uses the first ``horizon``; a cutoff's, the first
    ``min(n - cutoff, local.error_steps)``).
    """

    values: np.ndarray
    horizon: int
    method: str
    levels: tuple[float, ...]
    cap: float | None
    series_id: str
    point: Callable[[np.ndarray, int], np.ndarray]
    fit: Callable[[np.ndarray], ForecastModel] | None  # a fitted model; None for "auto"
    components: tuple[str, ...]
    note: str
    settings: CalibrationSettings
    local: CalibrationSettings
    cutoffs: tuple[int, ...]
    observed: np.ndarray | None = None  # None: every value observed
    bound: np.ndarray | None = None  # True: published as a bound, never scored; None: none
    first_year: int | None = None  # the year of values[0], for notes; None: not known

    @property
    def problem_lengths(self) -> list[int]:
        """``[n, *cutoffs]``: the final fit first, then the cutoffs, latest first."""
        return [int(self.values.size), *self.cutoffs]

    @property
    def point_steps(self) -> int:
        """Steps to forecast for every problem: the horizon and the calibration's error steps."""
        return max(self.horizon, self.local.error_steps)


def plan_forecast(
    y: Any,
    *,
    horizon: int,
    method: str = AUTO,
    levels: Sequence[float] = (80, 95),
    cap: float | None = None,
    series_id: str = "series",
    first_year: int | None = None,
    settings: CalibrationSettings = DEFAULT_SETTINGS,
    observed: Any = None,
    bound: Any = None,
) -> ForecastPlan:
    """Validate the inputs of :func:`forecast_array` (same errors) and plan its fits.

    Examples
    --------
    >>> plan = plan_forecast(np.arange(1.0, 13.0), horizon=2)
    >>> plan.problem_lengths
    [12, 11, 10, 9, 8, 7, 6, 5, 4]
    """
    values, h = check_inputs(y, horizon, series_id, first_year)
    seen = observed_mask(observed, values.size, series_id)
    stated = bound_mask(bound, values.size, series_id)
    levels = resolve_levels(levels, caller=f"series {series_id!r}")
    (alias,) = resolve_methods(method) if isinstance(method, str) else (None,)
    if alias is None:
        raise UnknownMethodError(
            f"series {series_id!r}: forecast_array takes one method; got {method!r}; call it "
            "once per alias (forecast() accepts lists)",
            method=method,
        )
    cap = checked_cap(cap, float(values[-1]), series_id, first_year, values.size)
    point, fit, min_obs, components, note = _method_point(
        alias, values, series_id, first_year, cap, seen
    )
    local = _with_min_train(settings, max(settings.min_train, min_obs))
    return ForecastPlan(
        values=values,
        horizon=h,
        method=alias,
        levels=levels,
        cap=None if cap is None else float(cap),
        series_id=series_id,
        point=point,
        fit=fit,
        components=components,
        note=note,
        settings=settings,
        local=local,
        cutoffs=tuple(origin_cutoffs(values.size, settings=local)),
        observed=seen,
        bound=stated,
        first_year=first_year,
    )


def checked_cap(
    cap: Any, last: float, series_id: str, first_year: int | None, n_values: int
) -> float | None:
    """``cap`` as a float (None for no cap), or a :class:`ModelError`: not a number, below
    the series' ``last`` value (value ``n_values - 1`` from ``first_year``), or too large
    for the models' arithmetic. :func:`idcforecast.backtest` checks a series' cap here
    against its last year too, as :func:`idcforecast.forecast` does.

    A cap equal to the last value is taken: a share at 100% capped at 100 is clipped there
    (it was refused, "not above the last observation", while the note of the uncapped
    forecast advised "cap it at 100"). A saturation curve (``logistic``, ``gompertz``)
    still needs its cap above the data, and says so.
    """
    if cap is None:
        return None
    cap = _cap_number(cap, series_id)
    if math.isinf(cap):  # was told "beyond 1e+150 ... express it in a larger unit"
        raise ModelError(
            f"series {series_id!r}: cap {cap!r} is no saturation level; for no cap pass "
            "cap=None (on the command line, leave out --cap), else a number above the last "
            f"observation {last!r}",
            series_id=series_id,
            cap=cap,
        )
    if not cap >= last:
        where = place_in_series(first_year, n_values - 1)
        raise ModelError(
            f"series {series_id!r}: cap {cap!r} is not above the last observation "
            f"{last!r} ({where}); pass a cap above it, or no cap (cap=None; on "
            "the command line, leave out --cap)",
            series_id=series_id,
            cap=cap,
        )
    if cap > VALUE_LIMIT:
        raise ModelError(
            f"series {series_id!r}: cap {cap:.6g} is beyond {VALUE_LIMIT:g}, where the "
            "models' sums of squares overflow; express the series and its cap in a larger unit",
            series_id=series_id,
            cap=cap,
        )
    return cap


def _cap_number(cap: Any, series_id: str) -> float:
    """``cap`` as a float, or a ModelError naming it (was a bare ValueError/TypeError)."""
    try:
        if isinstance(cap, bool):  # True is 1.0 to float(), never a saturation level
            raise TypeError
        return float(cap)
    except (TypeError, ValueError):
        raise ModelError(
            f"series {series_id!r}: cap {cap!r} is not a number; pass the saturation level "
            "as a number in the series' unit (convert figure text first: "
            "idcforecast.convert('2万亿元', 'CNY 100m') gives 20000.0)",
            series_id=series_id,
            cap=repr(cap),
        ) from None


@functools.lru_cache(maxsize=64)  # one per (settings, model minimum): a batch reuses a few
def _with_min_train(settings: CalibrationSettings, min_train: int) -> CalibrationSettings:
    return dataclasses.replace(settings, min_train=min_train)


def _method_point(
    method: str,
    y: np.ndarray,
    series_id: str,
    first_year: int | None,
    cap: float | None,
    observed: np.ndarray | None,
) -> tuple[
    Callable[[np.ndarray, int], np.ndarray],
    Callable[[np.ndarray], ForecastModel] | None,
    int,
    tuple[str, ...],
    str,
]:
    """Point forecaster, model fitter (None for "auto"), minimum training length,
    components and fallback note."""
    from idcforecast.auto import AUTO_MIN_OBS, auto_point
    from idcforecast.models import MODEL_REGISTRY

    n = int(y.size)
    # filled gap years are not observations: the minimum counts observed values only
    n_obs = n if observed is None else int(np.count_nonzero(observed))

    def span() -> str:  # for the error messages only
        text = (
            year_span(first_year, first_year + n - 1)
            if first_year is not None
            else counted(n, "value")
        )
        return text + (f", {counted(n - n_obs, 'year')} filled" if n_obs < n else "")

    if method == AUTO:
        if n_obs < AUTO_MIN_OBS:
            raise InsufficientDataError(
                f"series {series_id!r} has {counted(n_obs, 'observation')} ({span()}); method "
                f"'auto' needs at least {AUTO_MIN_OBS}; add years{_simpler(n_obs, AUTO, ', or')}",
                series_id=series_id,
                n_obs=n_obs,
                min_obs=AUTO_MIN_OBS,
            )
        names, note = _auto_components(n_obs, n, bool((y > 0).all()))
        return auto_point, None, AUTO_MIN_OBS, names, note
    cls = MODEL_REGISTRY[method]
    kwargs = {"cap": cap} if cap is not None and "cap" in _init_params(cls) else {}
    # the instance's needs, not the class's: a saturation curve with a given cap fits on 4
    # points where an estimated cap needs 5 (the class attribute)
    min_obs, requires_positive = cls(**kwargs)._requirements()
    if n_obs < min_obs:
        with_cap = "cap" in _init_params(cls) and not kwargs
        given = cls(cap=1.0)._requirements()[0] if with_cap else min_obs  # type: ignore[call-arg]
        alternative = f", give cap= (then {given})" if given < min_obs else ""
        raise InsufficientDataError(
            f"series {series_id!r} has {counted(n_obs, 'observation')} ({span()}); model "
            f"{method!r} needs at least {min_obs}; add years{alternative}"
            f"{_simpler(n_obs, method)}",
            series_id=series_id,
            n_obs=n_obs,
            min_obs=min_obs,
        )
    if requires_positive and (y <= 0).any():
        i = int(np.flatnonzero(y <= 0)[0])
        raise ModelError(
            f"series {series_id!r} {place_in_series(first_year, i)}: value {float(y[i])!r} is not "
            f"positive; model {method!r} works on logarithms; use a level model such as "
            "'drift' or method='auto'",
            series_id=series_id,
            index=i,
            value=float(y[i]),
        )

    def fitted(train: np.ndarray) -> ForecastModel:
        return cls(**kwargs).fit(train)

    def point(train: np.ndarray, h: int) -> np.ndarray:
        return fitted(train).predict(h, level=()).mean

    return point, fitted, min_obs, (method,), ""


# the simplest methods to fall back on below 'auto''s 4 observations, and what each needs
_FALLBACKS = (("naive", 2), ("drift", 3))


def _simpler(n_obs: int, method: str, joined: str = " or") -> str:
    """The advice after "add years": the methods that can forecast ``n_obs`` observations
    (it suggested 'auto', needing 4, for a series of 1).

    Examples
    --------
    >>> _simpler(5, "damped"), _simpler(3, "auto", ", or"), _simpler(1, "drift")
    (" or use method='auto' (needs 4)", ", or use 'naive' (2) or 'drift' (3)", ' (every method needs at least 2)')
    """  # noqa: E501
    if n_obs >= 4 and method != AUTO:
        return f"{joined} use method='auto' (needs 4)"
    fits = [(name, need) for name, need in _FALLBACKS if need <= n_obs and name != method]
    if not fits:
        return " (every method needs at least 2)" if n_obs < 2 else ""
    return f"{joined} use " + " or ".join(f"{name!r} ({need})" for name, need in fits)


@functools.lru_cache(maxsize=512)
def _auto_components(n_obs: int, n: int, positive: bool) -> tuple[tuple[str, ...], str]:
    """Names of the "auto" members used on ``n_obs`` observed points (of ``n`` values, the
    others filled by the gap policy), and the fallback note."""
    from idcforecast.auto import AUTO_MEMBERS, AUTO_MEMBERS_NOT_POSITIVE, auto_members_for

    members, note = auto_members_for(n_obs, positive=positive, filled=n - n_obs)
    if len(members) < len(AUTO_MEMBERS if positive else AUTO_MEMBERS_NOT_POSITIVE):
        note = f"{note}; combined {', '.join(m.name for m in members)}"
    return tuple(m.name for m in members), note


def _init_params(cls: type) -> set[str]:
    import inspect

    return set(inspect.signature(cls).parameters)
