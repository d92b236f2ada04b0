"""Several methods on the same series: their forecasts side by side with a fair backtest.

Methods need different numbers of points before they can forecast (``damped_log`` six,
``drift_log`` three), so each one's own rolling-origin backtest has its own cutoffs, and
scores over different cutoffs do not compare. :func:`compare_methods` scores every method of
a series on the cutoffs where all of them could forecast.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

    from idcforecast._series import SeriesData
    from idcforecast.errors import NoBacktestWindowError

__all__ = [
    "COMPARED_METHODS",
    "DEFAULT_METHODS",
    "NO_BACKTEST",
    "NO_WINDOW_ATTR",
    "compare_methods",
    "comparison_columns",
]

# how a row's note starts the reason its method has no backtest (after the forecast's note)
NO_BACKTEST = "no backtest: "
# the key of a comparison table's ``attrs`` listing the methods with no backtest window
NO_WINDOW_ATTR = "no_backtest_window"

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
    methods: str | Sequence[str] | None = None,
    method: str | Sequence[str] | None = None,
    backtest_horizon: int = 3,
    level: float | Sequence[float] = (80, 95),
    cap: float | Mapping[str, float] | None = None,
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
    methods, method
        Model aliases ("auto" included); default ``auto, drift_log, damped_log, drift``.
        ``method=`` is the name :func:`idcforecast.forecast` and
        :func:`idcforecast.backtest` take, accepted here too; give one of the two.
    backtest_horizon
        Steps ahead of each backtest forecast (as :func:`idcforecast.backtest`).
    level, cap, seed, gaps
        As :func:`idcforecast.forecast` (``cap`` one number or ``{series_id: cap}``); the
        backtests use the same ``cap``.

    Returns
    -------
    pandas.DataFrame
        One row per series and method, in that order: ``series_id, model, year, mean,
        lo_<L>, hi_<L>...`` (the forecast's last year), ``smape, mase, coverage_<L>...``
        and ``n`` (the backtest scored over the cutoffs where every method of the series
        could forecast: the same ``n`` forecasts for all; a method with no backtest window
        at all is left out of that intersection, with its scores missing), ``status``:
        the forecast's ("ok", or "fallback" when members were left out) or "failed" when
        the method could not forecast the series (its cells are then missing), ``note``:
        the forecast's note as :func:`idcforecast.forecast` gives it (gap years filled,
        members left out, a share passing 100%...) or why the method failed, then, when
        the method could not be backtested, ``"no backtest: "`` and why (or, when some
        actuals it met were published as bounds, how many forecasts ``n`` leaves out), and
        ``unit``.
        ``table.attrs["no_backtest_window"]`` lists the methods no backtest window fits
        (:class:`~idcforecast.errors.NoBacktestWindowError`), one dict each:
        ``series_id, model, backtest_horizon, longest_backtest_horizon`` (None when not
        even one year ahead fits), so they can be told apart without reading the note.

    Raises
    ------
    HorizonError
        ``horizon`` or ``backtest_horizon`` is not a positive whole number of years (or
        reads as a calendar year); a ModelError and a DataError both.
    ModelError
        A level is not a percentage strictly between 0 and 100,
        ``seed`` is not a whole number 0 or more, ``cap`` is refused as
        :func:`idcforecast.forecast` refuses it, or both ``methods`` and ``method`` are
        given.
    UnknownMethodError
        A method alias is not known, or several are given as one comma-separated string.
    UnknownSeriesError
        A ``cap`` mapping names a series that ``data`` does not hold.
    DataError
        ``gaps`` is not a gap policy, or ``data`` is not a series :func:`idcforecast.forecast`
        reads.
    IdcForecastError
        Every method failed on a series with one and the same error (the input's own, such
        as a gap with ``gaps="error"``): that error, raised once. A method that fails alone
        is a row with status "failed" instead.

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

    from idcforecast._forecast_inputs import (
        check_seed,
        resolve_caps,
        resolve_levels,
        resolve_methods,
    )
    from idcforecast._series_ids import given_ids, with_given_ids

    levels = resolve_levels(level, caller="compare_methods")
    chosen, argument = _chosen_methods(methods, method)
    # one alias as text is one method (as for forecast()), never its letters
    aliases = list(resolve_methods(chosen, argument=argument, caller="compare_methods"))
    # arguments, checked once: each method's row records what goes wrong for that method
    # and series, so a bad horizon or gap policy was a table of blank rows repeating it
    _check_arguments(horizon, backtest_horizon, gaps)
    check_seed(seed, caller="compare_methods")  # was named "forecast:", checked per method
    parts = _series_parts(data)
    caps = resolve_caps(
        cap,
        [series.series_id for series, _ in parts],
        caller="compare_methods",
        units=[series.unit for series, _ in parts],
        given=given_ids(data),
    )
    rows: list[dict[str, Any]] = []
    no_window: list[dict[str, Any]] = []
    for series, part in parts:
        series_cap = caps.get(series.series_id) if isinstance(caps, Mapping) else caps
        settings = _Settings(horizon, backtest_horizon, levels, series_cap, seed, gaps)
        found, unfit = _one_series(part, series.series_id, aliases, settings)
        rows.extend(row | {"unit": series.unit} for row in found)
        no_window.extend(unfit)
    out = pd.DataFrame(rows)
    # whole numbers, blank where a method could not run; the ids as given (1, not '1')
    table = with_given_ids(out.astype({"year": "Int64", "n": "Int64"}), given_ids(data))
    # the rows whose "no backtest: no backtest window fits ..." a caller can act on
    # without reading the note (the report's words for them)
    table.attrs[NO_WINDOW_ATTR] = no_window
    return table


def comparison_columns(levels: Sequence[float]) -> list[str]:
    """The columns of a :func:`compare_methods` table at interval ``levels``, in order: the
    header of a table with no rows (``forecast --compare --csv`` when no series could be
    compared).

    Examples
    --------
    >>> comparison_columns((80,))
    ['series_id', 'model', 'year', 'mean', 'lo_80', 'hi_80', 'smape', 'mase', 'coverage_80', 'n', 'status', 'note', 'unit']
    """  # noqa: E501
    from idcforecast.forecasting import _level_label

    labels = [_level_label(lv) for lv in levels]
    bounds = [f"{side}_{label}" for label in labels for side in ("lo", "hi")]
    scores = ["smape", "mase", *(f"coverage_{label}" for label in labels)]
    return ["series_id", "model", "year", "mean", *bounds, *scores, "n", "status", "note", "unit"]


def _chosen_methods(
    methods: str | Sequence[str] | None, method: str | Sequence[str] | None
) -> tuple[str | Sequence[str], str]:
    """The methods asked for and the argument that named them: ``methods=`` or, as
    :func:`idcforecast.forecast` and :func:`idcforecast.backtest` call it, ``method=`` (was
    a TypeError, "unexpected keyword argument 'method'"); both is a :class:`ModelError`.

    Examples
    --------
    >>> _chosen_methods(None, "drift"), _chosen_methods(None, None)[1]
    (('drift', 'method'), 'methods')
    """
    from idcforecast.errors import ModelError

    if methods is not None and method is not None:
        raise ModelError(
            f"compare_methods: got both methods={methods!r} and method={method!r}; they are "
            "the same argument (method= as forecast() and backtest() name it): pass one",
            methods=methods,
            method=method,
        )
    if method is not None:
        return method, "method"
    return (DEFAULT_METHODS if methods is None else methods), "methods"


def _check_arguments(horizon: Any, backtest_horizon: Any, gaps: Any) -> None:
    import numpy as np

    from idcforecast._forecast_inputs import (
        MAX_HORIZON,
        as_typed,
        horizon_as_year_message,
        horizon_fix,
    )
    from idcforecast._series import check_gap_policy
    from idcforecast.errors import HorizonError

    for name, value in (("horizon", horizon), ("backtest_horizon", backtest_horizon)):
        if isinstance(value, bool) or not isinstance(value, int | np.integer) or value < 1:
            raise HorizonError(
                f"compare_methods: {name} must be a positive whole number of years; got "
                f"{as_typed(value)!r}; {horizon_fix(value, f'{name}=3')}",
                argument=name,
                value=value,
            )
        too_far = horizon_as_year_message(int(value))
        if too_far is not None and name == "backtest_horizon":
            # was the horizon's message, "the horizon counts years after the last
            # observation: pass e.g. 5", for the argument that counts years after a cutoff
            raise HorizonError(
                f"compare_methods: backtest_horizon {int(value)} is more than "
                f"{MAX_HORIZON} years ahead: a year given as backtest_horizon? it counts the "
                "years each backtest forecast looks past its cutoff: pass e.g. "
                "backtest_horizon=3",
                argument=name,
                value=int(value),
            )
        if too_far is not None:
            raise HorizonError(f"compare_methods: {too_far}", argument=name, value=int(value))
    check_gap_policy(gaps, "compare_methods")


def _series_parts(data: Any) -> list[tuple[SeriesData, Any]]:
    """Each series of ``data`` (validated) with its own rows as given: the forecast and the
    backtests read them as :func:`idcforecast.forecast` does, unit, estimates and cells
    marked not published included (a frame rebuilt from the years and values lost them,
    and with the unit the note of a share passing 100%)."""
    import pandas as pd

    from idcforecast._series import _series_from_pandas_series, split_series

    all_series = split_series(data)
    frame = _series_from_pandas_series(data) if isinstance(data, pd.Series) else data
    if "series_id" not in frame.columns:
        frame = frame.assign(series_id="series")
    groups = [rows for _, rows in frame.groupby("series_id", sort=False)]
    return list(zip(all_series, groups, strict=True))


@dataclass(frozen=True)
class _Settings:
    """The comparison's arguments for one series (``cap`` that series' own)."""

    horizon: int
    backtest_horizon: int
    levels: tuple[float, ...]
    cap: float | None
    seed: int | None
    gaps: str


def _one_series(
    frame: pd.DataFrame, sid: str, aliases: list[str], settings: _Settings
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """The rows of one series, and a record of each method it has no backtest window
    for (:data:`NO_WINDOW_ATTR`)."""
    from idcforecast.errors import IdcForecastError, NoBacktestWindowError
    from idcforecast.evaluation import accuracy, backtest
    from idcforecast.forecasting import _level_label, forecast

    # the column names forecast() and accuracy() use: 80.5 is "lo_80_5"
    levels = settings.levels
    labels = [_level_label(lv) for lv in levels]
    names = [f"{side}_{label}" for label in labels for side in ("lo", "hi")]
    scores = ["smape", "mase", *(f"coverage_{label}" for label in labels)]
    rows, frames = [], {}
    failures: list[IdcForecastError] = []
    no_window: list[dict[str, Any]] = []
    for alias in aliases:
        row: dict[str, Any] = {"series_id": sid, "model": alias, "year": float("nan")}
        row |= dict.fromkeys(["mean", *names, *scores, "n"], float("nan"))
        try:
            last = forecast(
                frame,
                settings.horizon,
                method=alias,
                level=levels,
                cap=settings.cap,
                seed=settings.seed,
                gaps=settings.gaps,
            )
        except IdcForecastError as err:
            rows.append(row | {"status": "failed", "note": str(err)})
            failures.append(err)
            continue
        final = last.iloc[-1]
        row |= {"year": int(final["year"]), "mean": float(final["mean"])}
        row |= {name: float(final[name]) for name in names}
        # the forecast's own caveats (members left out, gap years filled, a share past
        # 100%), as forecast() gives them: the comparison's rows had none of them
        notes = [str(final["note"])] if final["note"] else []
        try:
            frames[alias] = backtest(
                frame,
                settings.backtest_horizon,
                method=alias,
                level=levels,
                gaps=settings.gaps,
                cap=settings.cap,
                seed=settings.seed,
            )
        except IdcForecastError as err:
            if not isinstance(err, NoBacktestWindowError):
                notes.append(f"{NO_BACKTEST}{err}")
            else:
                notes.append(f"{NO_BACKTEST}{_in_comparison_words(err)}")
                no_window.append(
                    {
                        "series_id": sid,
                        "model": alias,
                        "backtest_horizon": err.horizon,
                        "longest_backtest_horizon": err.longest_horizon,
                    }
                )
        rows.append(row | {"status": str(final["status"]), "note": "; ".join(notes)})
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
            if int(scored["n_bound"]):  # n alone read as every forecast the backtest made
                row["note"] = "; ".join(
                    n for n in (row["note"], _bound_actuals_note(int(scored["n_bound"]))) if n
                )
    return rows, no_window


def _bound_actuals_note(n_bound: int) -> str:
    """Why ``n`` counts fewer backtest forecasts than were made: those whose actual was
    published as a bound are not scored (:func:`idcforecast.accuracy`'s ``n_bound``).

    Examples
    --------
    >>> _bound_actuals_note(3)[:60]
    'backtest: 3 forecasts whose actual was published as a bound '
    """
    from idcforecast._wording import counted

    return (
        f"backtest: {counted(n_bound, 'forecast')} whose actual was published as a bound "
        f'("more than" or "at most" a figure) {"is" if n_bound == 1 else "are"} left out of '
        "the scores"
    )


def no_backtest_reason(note: str) -> str | None:
    """The reason a comparison row's method has no backtest (``"no backtest: ..."``, the
    end of its note), or None when it was backtested.

    Examples
    --------
    >>> no_backtest_reason("gap year 2013 filled; no backtest: too short")
    'no backtest: too short'
    >>> no_backtest_reason("gap year 2013 filled") is None
    True
    """
    at = note.find(NO_BACKTEST)
    return None if at < 0 else note[at:]


def _in_comparison_words(err: NoBacktestWindowError) -> str:
    """:func:`idcforecast.backtest`'s :class:`~idcforecast.errors.NoBacktestWindowError` in
    this function's words, built from the error's fields: its ``horizon`` is the
    comparison's ``backtest_horizon`` (backtest's "shorten the horizon" read as the
    forecast's horizon, which does not matter here). It rewrote the message with regular
    expressions, which a reworded message would slip past.

    Examples
    --------
    >>> from idcforecast.errors import NoBacktestWindowError
    >>> err = NoBacktestWindowError("(any words)", horizon=3, longest_horizon=2,
    ...                             detail="(series 's' has 5 ...)")
    >>> _in_comparison_words(err)
    "no backtest window fits: every series needs at least backtest_horizon=3 years after the method's minimum number of points; pass backtest_horizon=2 or less (series 's' has 5 ...)"
    >>> _in_comparison_words(NoBacktestWindowError("", horizon=2, longest_horizon=None))[-60:]
    'add years: no backtest horizon fits, not even one year ahead'
    """  # noqa: E501
    from idcforecast._backtest_windows import gap_years_only_message, horizon_choices
    from idcforecast._wording import counted

    horizon = int(err.horizon)
    reach = getattr(err, "reach_horizon", None)
    if reach is not None:  # windows fitted, their years ahead all gaps: a longer one reaches
        return gap_years_only_message(horizon, reach, str(err.detail), "backtest_horizon")
    if horizon == 1:
        fix = "add years: one year ahead is the shortest backtest there is"
    elif horizons := getattr(err, "horizons", None):  # those that score a window
        fix = f"pass backtest_horizon={horizon_choices(list(horizons))}"
    elif err.longest_horizon is not None:
        fix = f"pass backtest_horizon={err.longest_horizon} or less"
    else:
        # in words: the command line printed the keyword as it is (no flag says "fits")
        fix = "add years: no backtest horizon fits, not even one year ahead"
    detail = str(getattr(err, "detail", "") or "")  # an error raised without the field
    return (
        f"no backtest window fits: every series needs at least backtest_horizon="
        f"{counted(horizon, 'year')} after the method's minimum number of points; {fix}"
        + (f" {detail}" if detail else "")
    )
