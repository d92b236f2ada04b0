"""Several methods on the same series: their forecasts side by side with a fair backtest.

Methods need different numbers of points before they can forecast (``damped_log`` six,
``drift_log`` three), so each one's own rolling-origin backtest has its own cutoffs, and
scores over different cutoffs do not compare. :func:`compare_methods` scores every method of
a series on the cutoffs where all of them could forecast.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["COMPARED_METHODS", "DEFAULT_METHODS", "compare_methods"]

# What an analyst weighs against "auto": (alias, what it assumes).
COMPARED_METHODS: tuple[tuple[str, str], ...] = (
    ("auto", "the median of simple no-growth, trend and constant-growth forecasts"),
    ("drift_log", "the historical compound growth rate continued"),
    ("damped_log", "growth that fades (a damped trend on logs)"),
    ("drift", "the average yearly increase continued (linear)"),
)
DEFAULT_METHODS: tuple[str, ...] = tuple(alias for alias, _ in COMPARED_METHODS)


def compare_methods(
    data: Any,
    horizon: int,
    *,
    methods: Sequence[str] = DEFAULT_METHODS,
    backtest_horizon: int = 3,
    level: float | Sequence[float] = (80, 95),
    seed: int | None = None,
    gaps: str = "interpolate",
) -> pd.DataFrame:
    """Each method's forecast for the last year and its backtest on shared cutoffs.

    Parameters
    ----------
    data
        What :func:`idcforecast.forecast` takes: a tidy frame of one or more series, or a
        year-indexed Series.
    horizon
        Years after each series' last year; the row shows the last of them.
    methods
        Model aliases ("auto" included); default ``auto, drift_log, damped_log, drift``.
    backtest_horizon
        Steps ahead of each backtest forecast (as :func:`idcforecast.backtest`).
    level, seed, gaps
        As :func:`idcforecast.forecast`.

    Returns
    -------
    pandas.DataFrame
        One row per series and method, in that order: ``series_id, model, year, mean,
        lo_<L>, hi_<L>...`` (the forecast's last year), ``smape, mase, coverage_<L>...``
        and ``n`` (the backtest scored over the cutoffs where every method of the series
        could forecast: the same ``n`` forecasts for all; a method with no backtest window
        at all is left out of that intersection, with its scores missing), ``note``: why a
        method could not forecast the series or not be backtested (its cells are then
        missing), else "", and ``unit``.

    Examples
    --------
    >>> import pandas as pd
    >>> y = pd.Series([100.0, 118, 141, 160, 188, 215, 250, 283, 330], index=range(2015, 2024))
    >>> table = compare_methods(y, 7)
    >>> table["model"].tolist(), table["n"].nunique()
    (['auto', 'drift_log', 'damped_log', 'drift'], 1)
    >>> # drift_log: the 2015-2023 CAGR, (330 / 100) ** (1 / 8) - 1 = 16.1%, for 7 more years
    >>> round(table.set_index("model").loc["drift_log", "mean"])  # 330 * 1.161 ** 7
    938
    """
    import pandas as pd

    from idcforecast._forecast_inputs import resolve_levels, resolve_methods
    from idcforecast._series import split_series

    levels = resolve_levels(level, caller="compare_methods")
    # one alias as text is one method (as for forecast()), never its letters
    aliases = list(resolve_methods(methods))
    # arguments, checked once: each method's row records what goes wrong for that method
    # and series, so a bad horizon or gap policy was a table of blank rows repeating it
    _check_arguments(horizon, backtest_horizon, gaps)
    rows: list[dict[str, Any]] = []
    for series in split_series(data):
        frame = pd.DataFrame(
            {"series_id": series.series_id, "year": series.years, "value": series.values}
        )
        found = _one_series(frame, horizon, aliases, backtest_horizon, levels, seed, gaps)
        rows.extend(row | {"unit": series.unit} for row in found)
    out = pd.DataFrame(rows)
    # whole numbers, blank where a method could not run
    return out.astype({"year": "Int64", "n": "Int64"})


def _check_arguments(horizon: Any, backtest_horizon: Any, gaps: Any) -> None:
    import numpy as np

    from idcforecast._forecast_inputs import horizon_as_year_message, horizon_fix
    from idcforecast._series import GAP_POLICIES
    from idcforecast.errors import DataError, ModelError

    for name, value in (("horizon", horizon), ("backtest_horizon", backtest_horizon)):
        if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
            raise ModelError(
                f"compare_methods: {name} must be a positive whole number of years; got "
                f"{value!r}; {horizon_fix(value, f'{name}=3')}",
                argument=name,
                value=value,
            )
        too_far = horizon_as_year_message(int(value))
        if too_far is not None:
            prefix = "backtest_" if name == "backtest_horizon" else ""  # "backtest_horizon 30"
            raise ModelError(f"compare_methods: {prefix}{too_far}", argument=name, value=int(value))
    if gaps not in GAP_POLICIES:
        raise DataError(
            f"compare_methods: gaps={gaps!r} is not a gap policy; expected one of "
            f"{', '.join(repr(p) for p in GAP_POLICIES)}",
            gaps=gaps,
        )


def _one_series(
    frame: pd.DataFrame,
    horizon: int,
    aliases: list[str],
    backtest_horizon: int,
    levels: tuple[float, ...],
    seed: int | None,
    gaps: str,
) -> list[dict[str, Any]]:
    from idcforecast.errors import IdcForecastError
    from idcforecast.evaluation import accuracy, backtest
    from idcforecast.forecasting import _level_label, forecast

    sid = str(frame["series_id"].iloc[0])
    # the column names forecast() and accuracy() use: 80.5 is "lo_80_5"
    labels = [_level_label(lv) for lv in levels]
    names = [f"{side}_{label}" for label in labels for side in ("lo", "hi")]
    scores = ["smape", "mase", *(f"coverage_{label}" for label in labels)]
    rows, frames = [], {}
    failures: list[IdcForecastError] = []
    for alias in aliases:
        row: dict[str, Any] = {"series_id": sid, "model": alias, "year": float("nan")}
        row |= dict.fromkeys(["mean", *names, *scores, "n"], float("nan"))
        row["note"] = ""
        try:
            last = forecast(frame, horizon, method=alias, level=levels, seed=seed, gaps=gaps)
        except IdcForecastError as err:
            row["note"] = str(err)
            rows.append(row)
            failures.append(err)
            continue
        final = last.iloc[-1]
        row |= {"year": int(final["year"]), "mean": float(final["mean"])}
        row |= {name: float(final[name]) for name in names}
        try:
            frames[alias] = backtest(frame, backtest_horizon, method=alias, level=levels, gaps=gaps)
        except IdcForecastError as err:
            row["note"] = f"no backtest: {_in_comparison_words(str(err))}"
        rows.append(row)
    if len(aliases) > 1 and len(failures) == len(aliases) and len(set(map(str, failures))) == 1:
        # the input's own error (a gap with gaps="error", a repeated year), the same for every
        # method: raised once, as forecast() raises it, not repeated on every row
        raise failures[0]
    if frames:
        common = set.intersection(*(set(bt["cutoff"]) for bt in frames.values()))
        for row in rows:
            bt = frames.get(row["model"])
            if bt is None or not common:
                continue
            scored = accuracy(bt[bt["cutoff"].isin(common)]).iloc[0]
            row |= {name: float(scored[name]) for name in [*scores, "n"]}
    return rows


def _in_comparison_words(message: str) -> str:
    """``backtest``'s message in this function's words: its ``horizon`` is the comparison's
    ``backtest_horizon`` ("shorten the horizon" read as the forecast's horizon, which does
    not matter here).

    Examples
    --------
    >>> _in_comparison_words("every series needs at least horizon=3 years after the "
    ...                      "method's minimum number of points; shorten the horizon")
    "every series needs at least backtest_horizon=3 years after the method's minimum number of points; pass a smaller backtest_horizon=N"
    """  # noqa: E501
    return message.replace("at least horizon=", "at least backtest_horizon=").replace(
        "shorten the horizon", "pass a smaller backtest_horizon=N"
    )
