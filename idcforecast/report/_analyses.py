"""What the report computes besides the forecast: the calibration evidence, the method's
own backtest, the other methods on the same cutoffs, the published claims about the series
and the scenarios with their probability thresholds (those in
:mod:`idcforecast.report._scenario_results`, re-exported here;
:func:`idcforecast.report.build.build_report` puts them in a
:class:`~idcforecast.report.context.ReportContext`)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from idcforecast.errors import DataError
from idcforecast.report._scenario_results import (
    SCENARIO_PATHS,
    adjustment_words,
    probability_thresholds,
    scenario_results,
    threshold_label,
)

if TYPE_CHECKING:
    import pandas as pd

    from idcforecast.report.context import CalibrationEvidence

BACKTEST_HORIZON = 3


def calibration_evidence(history: pd.DataFrame, horizon: int, method: str) -> CalibrationEvidence:
    """The earlier cutoffs whose refits calibrate the forecast's intervals, as
    :func:`idcforecast.forecasting.plan_forecast` plans them for this history (gap years
    filled for fitting only, as ``forecast`` does; a cutoff ending on a filled year is not
    scored), and the most years ahead they measure.

    Examples
    --------
    >>> import pandas as pd
    >>> four = pd.DataFrame({"series_id": "s", "year": range(2020, 2024),
    ...                      "value": [80.0, 95.0, 118.0, 141.0]})
    >>> calibration_evidence(four, 7, "auto")  # 'auto' fits on 4 years: no refit is shorter
    CalibrationEvidence(points=4, min_train=4, cutoff_years=(), steps=0, bound_years=())
    >>> five = pd.DataFrame({"series_id": "s", "year": range(2019, 2024),
    ...                      "value": [80.0, 95.0, 118.0, 141.0, 160.0]})
    >>> calibration_evidence(five, 7, "auto")  # one refit, on 2019-2022, scored on 2023
    CalibrationEvidence(points=5, min_train=4, cutoff_years=(2022,), steps=1, bound_years=())
    """
    import numpy as np

    from idcforecast._series import prepare_values
    from idcforecast.forecasting import plan_forecast
    from idcforecast.report.context import CalibrationEvidence

    years = history["year"].astype("int64").to_numpy()
    prepared = prepare_values(years, history["value"].to_numpy(float))
    plan = plan_forecast(
        prepared.values,
        horizon=horizon,
        method=method,
        first_year=prepared.first_year,
        observed=prepared.observed,
    )
    n = int(prepared.values.size)
    seen = np.ones(n, dtype=bool) if prepared.observed is None else prepared.observed
    bound = np.zeros(n, dtype=bool)
    if "qualifier" in history.columns:  # "more than 300": fitted, never scored (forecast's rule)
        marks = history["qualifier"].astype(str).str.strip().isin(("at_least", "at_most"))
        for year in years[marks.to_numpy()]:
            bound[int(year) - prepared.first_year] = True
    scored: list[int] = []
    steps, left_out = 0, set[int]()
    for c in plan.cutoffs:  # fitted on the first c values, scored on the next error_steps
        if not seen[c - 1]:
            continue  # a cutoff ending on a filled gap year is not scored
        ahead = range(c, min(c + plan.local.error_steps, n))
        left_out.update(i for i in ahead if seen[i] and bound[i])
        scorable = [i for i in ahead if seen[i] and not bound[i]]
        if scorable:
            scored.append(c)
            steps = max(steps, scorable[-1] - c + 1)
    return CalibrationEvidence(
        points=n,
        min_train=plan.local.min_train,
        cutoff_years=tuple(prepared.first_year + c - 1 for c in scored),
        steps=steps,
        bound_years=tuple(sorted(prepared.first_year + i for i in left_out)),
    )


# growth-rate methods, left out of a share's comparison (see compared_methods)
GROWTH_RATE_METHODS = ("drift_log", "damped_log")


def compared_methods(unit: str, history_max: float | None = None) -> tuple[tuple[str, str], ...]:
    """The methods the report sets beside its own, with what each assumes: those of
    :data:`idcforecast.comparison.COMPARED_METHODS`, or for a series in percent, pp or bp
    (a share) level methods instead of the growth-rate ones: a constant growth rate of a
    percentage (3.9% growing 16% a year to 11.9%) is the kind of figure the rest of the
    report refuses for it (its changes are in percentage points). A series in percent
    whose history (peak ``history_max``) passed 100% is no share and keeps the growth-rate
    methods (:func:`~idcforecast.report._growth.change_unit`).

    Examples
    --------
    >>> [alias for alias, _ in compared_methods("%")]
    ['auto', 'drift', 'damped', 'naive']
    >>> [alias for alias, _ in compared_methods("CNY 100m")]
    ['auto', 'drift_log', 'damped_log', 'drift']
    >>> [alias for alias, _ in compared_methods("%", history_max=262.0)]
    ['auto', 'drift_log', 'damped_log', 'drift']
    """
    from idcforecast.comparison import COMPARED_METHODS
    from idcforecast.report._growth import CHANGE_WORDS, change_unit

    change = change_unit(unit, history_max)
    if change is None:
        return COMPARED_METHODS
    words = CHANGE_WORDS[change]
    return (
        COMPARED_METHODS[0],
        ("drift", f"the average yearly change in {words} continued (linear)"),
        ("damped", f"a yearly change in {words} that fades (a damped trend)"),
        ("naive", "the latest value held flat (no change)"),
    )


def alternatives(
    history: pd.DataFrame, horizon: int, method: str, seed: int, own_backtest: pd.DataFrame
) -> pd.DataFrame:
    """The report's method and the others of :func:`compared_methods` for the series'
    unit, backtested at the horizon of ``own_backtest`` on the cutoffs they share
    (:func:`compare_methods`)."""
    from idcforecast.comparison import compare_methods
    from idcforecast.report._frames import first_unit

    steps = int((own_backtest["year"] - own_backtest["cutoff"]).max())
    from idcforecast.report._growth import history_peak

    others = compared_methods(first_unit(history), history_peak(history))
    methods = [method, *(alias for alias, _ in others if alias != method)]
    return compare_methods(
        history, horizon, methods=methods, backtest_horizon=steps, level=80, seed=seed
    )


def own_backtest(
    history: pd.DataFrame, method: str
) -> tuple[pd.DataFrame | None, pd.DataFrame | None, str]:
    from idcforecast.evaluation import accuracy, backtest

    # A short series may have no window for 3 years ahead: try shorter horizons, and say
    # so in the report when even one year ahead cannot be backtested.
    bounds_only = False
    for horizon in range(BACKTEST_HORIZON, 0, -1):
        try:
            frame = backtest(history, horizon, method=method)
        except DataError:  # InsufficientDataError, or no window fits
            continue
        scores = accuracy(frame)
        if int(scores["n"].max()) == 0:  # every actual met was a bound ("> 190"): unscored
            bounds_only = True
            continue
        return frame, scores, ""
    if bounds_only:
        why = (
            "No backtest is possible: every year a backtest could compare with was published "
            'as a bound ("more than" or "at most" a figure), which gives no error to score.'
        )
        return None, None, why
    return None, None, no_backtest_text(history, method)


def no_backtest_text(history: pd.DataFrame, method: str) -> str:
    """Why no backtest could run, for a client (the library's message named API
    parameters: "no backtest window fits: ... horizon=1 ...").

    Examples
    --------
    >>> import pandas as pd
    >>> four = pd.DataFrame({"year": range(2020, 2024), "value": [80.0, 95.0, 118.0, 141.0]})
    >>> no_backtest_text(four, "auto")[:68]
    "No backtest is possible: 'auto' needs 4 years to fit and the series "
    """
    from idcforecast._forecast_inputs import resolve_methods
    from idcforecast._wording import counted
    from idcforecast.auto import AUTO_MIN_OBS
    from idcforecast.models import MODEL_REGISTRY

    (alias,) = resolve_methods(method)
    needs = AUTO_MIN_OBS if alias == "auto" else int(MODEL_REGISTRY[alias].min_obs)
    n = len(history)
    years = history["year"].astype(int)
    gaps = int(years.max() - years.min() + 1) - n if n else 0
    if n <= needs:
        return (
            f"No backtest is possible: '{alias}' needs {counted(needs, 'year')} to fit and "
            f"the series has {'only ' if n < needs else ''}{n}"
            # the calibration refits on gap years filled for fitting, the backtest on
            # published years only: "refitted at 1 earlier cutoff" beside "the series has
            # 4" read as a contradiction
            + (
                f" published (the {counted(gaps, 'year')} filled across gaps count for the "
                "interval calibration's refits, never for a backtest)"
                if gaps > 0
                else ""
            )
            + ", so no earlier forecast (fitted on the years before a cutoff and compared "
            "with a later year) can be scored."
        )
    return (
        f"No backtest is possible: the series' {counted(n, 'year')} leave no earlier cutoff "
        f"with the {counted(needs, 'year')} '{alias}' needs to fit and a later year to score "
        "(gaps in the data break the runs of years)."
    )


def published_claims(
    history: pd.DataFrame, own: list[Any] | None = None
) -> tuple[pd.DataFrame | None, pd.DataFrame | None]:
    """Check the bundled published claims whose subject is this series, if any; or the
    user's own claims ``own`` (read by ``read_claims``, each about this series) instead."""
    from idcforecast.claim_checks import check_claims
    from idcforecast.claim_track_record import track_record
    from idcforecast.datasets import load_dataset

    mine: Any = own
    if own is None:
        sid = str(history["series_id"].iloc[0])
        published = load_dataset("published_forecasts")
        mine = published[published["subject"] == sid].reset_index(drop=True)
    if not len(mine):
        return None, None
    # checked against the figures as published: a report converted to USD said the 2019
    # actual 1,562.5 (亿元, as published) came "from USD billion at its year's FX rate"
    return check_claims(mine, history=as_published(history)), track_record(mine, history)


def as_published(history: pd.DataFrame) -> pd.DataFrame:
    """``history`` in the unit its figures were published in, when every one was converted
    from that one unit when read and can be worked back exactly (:mod:`._published`);
    else ``history`` as it is.

    Examples
    --------
    >>> import pandas as pd
    >>> note = "converted from 'CNY 100m' (x0.0158496, 2012 annual-average FX rate)"
    >>> usd = pd.DataFrame({"year": [2012], "value": [21.05 / 6.3093], "unit": ["USD bn"],
    ...                     "note": [note]})
    >>> as_published(usd)[["value", "unit"]].to_dict("records")
    [{'value': 210.5, 'unit': 'CNY 100m'}]
    """
    from idcforecast.report._published import published_figure

    if not len(history) or not {"value", "unit", "note"} <= set(history.columns):
        return history
    shown = str(history["unit"].iloc[0])
    pairs = zip(history["value"], history["note"], strict=True)
    figures = [published_figure(value, note, shown) for value, note in pairs]
    units = {figure[1] for figure in figures if figure is not None}
    if len(units) != 1 or any(figure is None or figure[0].startswith("~") for figure in figures):
        return history
    values = [float(figure[0].replace(",", "")) for figure in figures if figure is not None]
    return history.assign(value=values, unit=units.pop())


__all__ = [
    "BACKTEST_HORIZON",
    "GROWTH_RATE_METHODS",
    "SCENARIO_PATHS",
    "adjustment_words",
    "alternatives",
    "as_published",
    "calibration_evidence",
    "compared_methods",
    "no_backtest_text",
    "own_backtest",
    "probability_thresholds",
    "published_claims",
    "scenario_results",
    "threshold_label",
]
