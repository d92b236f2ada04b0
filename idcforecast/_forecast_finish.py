"""Point forecasts to calibrated intervals: :func:`finish_forecast`.

The one place where the final and per-cutoff point forecasts of a
:class:`~idcforecast._forecast_plan.ForecastPlan` become a
:class:`~idcforecast._series_forecast.SeriesForecast`. ``forecast_array`` and the batch
worker both end here (both call it as :func:`idcforecast.forecasting.finish_forecast`).
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from idcforecast._forecast_plan import ForecastPlan
from idcforecast._series_forecast import SeriesForecast, _clip_at
from idcforecast._wording import counted
from idcforecast.calibration import (
    calibrated_sigma,
    interval_bounds,
    origin_errors,
    prior_sigma,
)
from idcforecast.errors import ModelError

__all__ = ["NO_SCORED_CUTOFF", "NO_SCORED_CUTOFF_FAR", "finish_forecast"]

# a series too short for any scored rolling-origin cutoff (or whose cutoffs' years ahead are
# all gaps or bounds): its intervals come from the prior alone; the note said so only when
# the horizon was longer than the history (fc54's finding)
NO_SCORED_CUTOFF = (
    "no earlier cutoff could be scored: the interval width is the prior from the series' "
    "annual changes alone, not calibrated by rolling-origin errors"
)
# the same said in the far-horizon note, before "by an assumed law (...)"
NO_SCORED_CUTOFF_FAR = (
    "no earlier cutoff could be scored, so the interval width is the prior from the "
    "series' annual changes alone, and it widens"
)


def finish_forecast(
    plan: ForecastPlan,
    *,
    mean: np.ndarray,
    origin_forecasts: Sequence[np.ndarray] | np.ndarray,
    fit_notes: Sequence[str] = (),
) -> SeriesForecast:
    """Calibrated intervals from the final and per-cutoff point forecasts of ``plan``.

    ``fit_notes``: caveats of the final fit (``ForecastModel.fit_notes``), added to ``note``.

    The one place where point forecasts become a :class:`SeriesForecast`: the floor for
    positive series, the rolling-origin errors, the calibrated sigma, the bounds and the
    cap. ``forecast_array`` and the batch worker (which computes the "auto" forecasts of a
    whole chunk in one call) both end here.

    Examples
    --------
    >>> from idcforecast.forecasting import forecast_array, plan_forecast
    >>> y = np.array([10.0, 12.0, 14.0, 16.0, 19.0])
    >>> plan = plan_forecast(y, horizon=1, method="drift")
    >>> plan.cutoffs  # drift fitted on the first 4 points forecasts 18.0 for the fifth
    (4,)
    >>> fc = finish_forecast(plan, mean=np.array([21.25]), origin_forecasts=[np.array([18.0])])
    >>> fc.mean, fc.sigma.round(4)
    (array([21.25]), array([0.1996]))
    >>> bool(fc.sigma == forecast_array(y, horizon=1, method="drift").sigma)
    True
    """
    values, h = plan.values, plan.horizon
    positive = bool((values > 0).all())
    notes = [plan.note] if plan.note else []
    notes.extend(fit_notes)
    mean = np.asarray(mean, dtype=np.float64)[:h]
    if positive and values.size >= 3 and (jump := _level_jump_note(plan)):
        notes.append(jump)
    if positive:
        floor = 0.01 * float(values.min())
        if (mean < floor).any():
            notes.append(_floor_note(plan.method, floor))
            mean = np.maximum(mean, floor)
    local = plan.local
    errors = origin_errors(
        values,
        origin_forecasts,
        horizon=local.error_steps,
        log=positive,
        settings=local,
        observed=plan.observed,
        bound=plan.bound,
    )
    prior = prior_sigma(values, log=positive, observed=plan.observed)
    sigma = calibrated_sigma(errors, horizon=h, prior=prior, settings=local)
    # rounding leaves ~1e-16 (log models on a constant series): zero width all the same
    negligible = 1e-12 * (1.0 if positive else max(float(np.abs(values).max()), 1e-300))
    if not (sigma > negligible).any():
        notes.append(
            "the history never changed and neither did the re-fitted forecasts: the intervals "
            "have zero width, they measure past variation only"
        )
    elif note := _nearly_flat_note(values, positive=positive):
        notes.append(note)
    seen = plan.observed
    scored = [c for c in plan.cutoffs if seen is None or bool(seen[c - 1])]
    # no error at all: too few years for a cutoff, or every year ahead of one a gap or a
    # bound (china_racks_in_use: its later years are "more than" figures)
    if not np.isfinite(errors).any():
        scored = []
    far = h > max(local.error_steps, values.size)  # further ahead than the history is long
    if not scored and not far and (sigma > negligible).any():
        notes.append(NO_SCORED_CUTOFF)
    if far:
        law = (
            "the square root of the years ahead"
            if local.growth == 0.5
            else f"the years ahead to the power {local.growth:g}"
        )
        # what this series' cutoffs measured (the note used to say error_steps, 6, even
        # for a series with no cutoff at all)
        measured = max((min(local.error_steps, values.size - c) for c in scored), default=0)
        evidence = (
            NO_SCORED_CUTOFF_FAR
            if measured == 0
            else f"past the {counted(measured, 'year')} ahead that this series' rolling-origin "
            "errors measure, the intervals widen"
        )
        notes.append(
            f"{h} years ahead from {values.size} years of history: {evidence} by an assumed "
            f"law (sigma growing as {law}), not by evidence"
        )
    cap = plan.cap
    if not np.isfinite(mean).all():
        step = int(np.flatnonzero(~np.isfinite(mean))[0])
        raise ModelError(
            f"series {plan.series_id!r}: the {plan.method!r} forecast overflows at step "
            f"{step + 1} ({float(mean[step])!r}): the history grows too fast to extrapolate in "
            "floating point; check the values and their unit, or use a level method such as "
            "'drift'",
            series_id=plan.series_id,
            method=plan.method,
        )
    lower, upper = {}, {}
    bound_above_cap = False
    with np.errstate(over="ignore"):  # an infinite bound is noted below
        for level in map(float, plan.levels):  # from the mean before the cap
            lo, hi = interval_bounds(mean, sigma, level=level, log=positive, settings=plan.settings)
            bound_above_cap = bound_above_cap or (cap is not None and bool((hi > cap).any()))
            lower[level], upper[level] = _clip_at(lo, cap), _clip_at(hi, cap)
    if cap is not None and (mean > cap).any():
        first = int(np.flatnonzero(mean > cap)[0]) + 1
        # a series already at its cap: a saturation curve needs a cap above the data
        at_cap = not cap > plan.values[-1]
        notes.append(_clipped_note(plan.method, cap, first, at_cap=at_cap))
    elif bound_above_cap:
        notes.append(f"upper bounds clipped at cap {cap:g}")
    unbounded = [lv for lv in plan.levels if not np.isfinite(upper[float(lv)]).all()]
    if unbounded:
        which = ", ".join(f"{lv:g}%" for lv in unbounded)
        notes.append(
            f"upper bounds of the {which} interval{'s' if len(unbounded) > 1 else ''} "
            "overflow (inf): the history grows too fast for a finite bound"
        )
    return SeriesForecast(
        series_id=plan.series_id,
        mean=_clip_at(mean, cap),
        lower=lower,
        upper=upper,
        sigma=sigma,
        scale="log" if positive else "level",
        model=plan.method,
        components=plan.components,
        status="fallback" if plan.note else "ok",
        note="; ".join(notes),
        cap=cap,
        settings=plan.settings,
        uncapped_mean=mean if cap is not None and bool((mean > cap).any()) else None,
    )


# a history whose every annual change is smaller than this (relative to its level) is
# nearly flat: published figures of 3 or 4 significant digits cannot show such changes, and
# the intervals, which measure them, are nearly zero width (5, 5, 5, 5, 5.0001: 95% interval
# 4.99992 to 5.00028, with no word of why, where 5, 5, 5, 5, 5 had the zero-width note)
NEARLY_FLAT = 1e-3


def _nearly_flat_note(values: np.ndarray, *, positive: bool) -> str:
    """The note of a history that changed, but never by :data:`NEARLY_FLAT` (0.1%) of its
    level in a year ("" otherwise): its intervals measure those changes and are nearly zero
    width, as an unchanging history's are zero width (said by their own note). A positive
    series' changes are relative to the year before; others' to the largest value in size.

    Examples
    --------
    >>> _nearly_flat_note(np.array([5.0, 5, 5, 5, 5.0001]), positive=True)  # doctest: +NORMALIZE_WHITESPACE
    'the history barely changed (no annual change above 0.1%; the largest is 0.002%): the
    intervals, which measure past variation only, are nearly zero width'
    >>> _nearly_flat_note(np.array([-2.0, -2.0004, -2.0]), positive=False)  # of 2.0004
    'the history barely changed (no annual change above 0.1%; the largest is 0.02%): the intervals, which measure past variation only, are nearly zero width'
    >>> _nearly_flat_note(np.array([5.0, 5, 5, 5.01]), positive=True)  # 0.2%: a change
    ''
    """  # noqa: E501
    if values.size < 2:
        return ""
    if positive:
        changes = np.abs(values[1:] / values[:-1] - 1.0)
    else:
        changes = np.abs(np.diff(values)) / float(np.abs(values).max())
    largest = float(changes.max())
    if not 0.0 < largest < NEARLY_FLAT:
        return ""
    shown = np.format_float_positional(100.0 * largest, precision=2, fractional=False, trim="-")
    return (
        f"the history barely changed (no annual change above {100 * NEARLY_FLAT:g}%; the "
        f"largest is {shown}%): the intervals, which measure past variation only, are nearly "
        "zero width"
    )


# one year's change this large (or its inverse) is more than a market grows or shrinks in a
# year: a change of scope or unit is as likely, and its error dominates the calibration
LEVEL_JUMP = 5.0


def _level_jump_note(plan: ForecastPlan) -> str:
    """The note of a positive series with a one-year change of :data:`LEVEL_JUMP` times or
    more (or 1/5 or less) between two observed values, naming the largest ("" when none):
    10, 11, 12, 13, 130, 140 was forecast with 95% intervals of 0.6 to 74,614 three years
    ahead, and nothing said that one change made them.

    Examples
    --------
    >>> from idcforecast._forecast_plan import plan_forecast
    >>> plan = plan_forecast(np.array([10.0, 11, 12, 13, 130, 140]), horizon=1,
    ...                      method="drift", first_year=2019)
    >>> _level_jump_note(plan)  # doctest: +NORMALIZE_WHITESPACE
    'year 2023 is 10.0 times the year before (13 to 130): one change that size sets much of
    the interval width; if it is a change of scope or unit rather than growth, forecast the
    years from 2023 on'
    """
    values = plan.values
    ratios = values[1:] / values[:-1]
    large = (ratios >= LEVEL_JUMP) | (ratios <= 1.0 / LEVEL_JUMP)
    if plan.observed is not None:  # filled years are interpolated, never a jump of their own
        large &= plan.observed[1:] & plan.observed[:-1]
    if not large.any():
        return ""
    sizes = np.where(large, np.abs(np.log(ratios)), -1.0)
    i = int(np.argmax(sizes))
    if (spike := _spike_at(ratios, large, i)) is not None:
        return _spike_note(values, spike, ratios, plan.first_year)
    times = float(ratios[i])
    size = _times(times)
    first = plan.first_year
    where = f"year {first + i + 1}" if first is not None else f"observation {i + 1}"
    since = str(first + i + 1) if first is not None else f"observation {i + 1}"
    return (
        f"{where} is {size} the year before ({values[i]:g} to {values[i + 1]:g}): one change "
        "that size sets much of the interval width; if it is a change of scope or unit "
        f"rather than growth, forecast the years from {since} on"
    )


def _times(ratio: float) -> str:
    """A ratio in words: "5.0 times", "1/826.1 of"."""
    return f"{ratio:.1f} times" if ratio > 1 else f"1/{1.0 / ratio:.1f} of"


def _spike_at(ratios: np.ndarray, large: np.ndarray, i: int) -> int | None:
    """The position of a value out of line with both neighbours at the largest change
    ``i`` (a large change into it and a large one back out), or None."""
    for k in (i + 1, i):  # the value after the change, or before it
        into, out = (k - 1, k) if 1 <= k < ratios.size else (0, 0)
        if into != out and large[into] and large[out] and (ratios[into] > 1) != (ratios[out] > 1):
            return k
    return None


def _spike_note(values: np.ndarray, k: int, ratios: np.ndarray, first_year: int | None) -> str:
    """The level-jump note of one value out of line with the years on both sides (1.5,
    1900, 2.3): the note of a step said "forecast the years from 2021 on", which keeps the
    value and drops the years that say it is out of line.

    Examples
    --------
    >>> values = np.array([1.2, 1.5, 1900.0, 2.3, 2.6])
    >>> _spike_note(values, 2, values[1:] / values[:-1], 2019)  # doctest: +NORMALIZE_WHITESPACE
    'year 2021 is 1266.7 times the year before and 826.1 times the year after (1.5, 1900,
    2.3): one value out of line with both neighbours sets much of the interval width; if it
    is a slip of magnitude or unit, correct it, or leave the year out (a gap)'
    """
    where = f"year {first_year + k}" if first_year is not None else f"observation {k}"
    return (
        f"{where} is {_times(float(ratios[k - 1]))} the year before and "
        f"{_times(1.0 / float(ratios[k]))} the year after ({values[k - 1]:g}, {values[k]:g}, "
        f"{values[k + 1]:g}): one value out of line with both neighbours sets much of the "
        "interval width; if it is a slip of magnitude or unit, correct it, or leave the year "
        "out (a gap)"
    )


# the methods that approach a cap rather than pass it (their forecasts are never clipped)
SATURATION_METHODS = ("logistic", "gompertz")


def _clipped_note(method: str, cap: float, first_step: int, *, at_cap: bool = False) -> str:
    """The note of a forecast whose central values passed ``cap`` from ``first_step``
    (1 = the first year ahead) on: clipped, the forecast is the cap itself from there (a
    flat line, not a saturation curve), which it said only as "clipped at cap 100".

    Examples
    --------
    >>> _clipped_note("auto", 100.0, 2)
    "clipped at cap 100: from 2 years ahead on the forecast is the cap itself; method 'logistic' or 'gompertz' approaches a cap instead of passing it"

    ``at_cap``: the series' last value is the cap (a share at 100%): no saturation curve
    fits below it, so none is advised.

    >>> _clipped_note("auto", 100.0, 1, at_cap=True)
    'clipped at cap 100: from the first year ahead on the forecast is the cap itself'
    """  # noqa: E501
    ahead = "the first year ahead" if first_step == 1 else f"{first_step} years ahead"
    advice = (
        ""
        if method in SATURATION_METHODS or at_cap
        else "; method 'logistic' or 'gompertz' approaches a cap instead of passing it"
    )
    return f"clipped at cap {cap:g}: from {ahead} on the forecast is the cap itself{advice}"


def _floor_note(method: str, floor: float) -> str:
    """Why a positive series' point forecast was floored at ``floor`` (1% of its smallest
    value). A log-scale model never reaches zero: its decline (a constant or fading rate)
    went below the floor, and the advice is not the model itself (the note said "runs to
    zero or below; compare a log-scale or no-trend model (drift_log, naive)" to drift_log).

    Examples
    --------
    >>> _floor_note("drift", 0.12).split(": ")[1].split(",")[0]
    "the model's trend runs to zero or below"
    >>> _floor_note("drift_log", 0.08).split(": ")[1].split(", so")[0]
    "the model's decline, a rate on the log scale, runs below it"
    """
    from idcforecast.models import MODEL_REGISTRY

    model = MODEL_REGISTRY.get(method)
    if model is not None and model._scale == "log":
        return (
            f"point forecast floored at {floor:g} (1% of the smallest value): the model's "
            "decline, a rate on the log scale, runs below it, so the floor is a convention, "
            "not an estimate, and the intervals around it say little; compare a no-trend "
            "model (naive)"
        )
    return (
        f"point forecast floored at {floor:g} (1% of the smallest value): the model's trend "
        "runs to zero or below, so the floor is a convention, not an estimate, and the "
        "intervals around it say little; compare a log-scale or no-trend model (drift_log, "
        "naive)"
    )
