"""The Methodology section: the forecast method in words, how its intervals were calibrated,
its backtest on the series and the series under other methods."""

from __future__ import annotations

import math
import re
from typing import TYPE_CHECKING

from idcforecast._wording import counted
from idcforecast.report._numbers import half_up, span_text
from idcforecast.report.charts import plot_backtest

if TYPE_CHECKING:
    import pandas as pd

    from idcforecast.report._numbers import LevelFormat
    from idcforecast.report.context import ReportContext
    from idcforecast.report.pdf import ReportDocument

__all__ = ["METHOD_SUMMARIES", "methodology"]


def methodology(ctx: ReportContext, doc: ReportDocument) -> None:
    """The models, the interval calibration and this series' backtest accuracy."""
    notes = [n for n in ctx.forecast.get("note", []) if isinstance(n, str) and n]
    if ctx.calibration is not None and ctx.calibration.cutoffs == 0:
        notes = _without_no_cutoff_repeat(notes)
    text = (
        f"Forecast method: '{ctx.model}' (idcforecast.forecasting, method "
        f"'{ctx.provenance.method}'). {_members_text(ctx.model)}{_intervals_text(ctx)}"
        + (f" Note: {'; '.join(dict.fromkeys(notes))}." if notes else "")
    )
    # the whole paragraph stays with its heading (it used to leave one word on the next page)
    doc.heading("Methodology", keep=doc.text_height(text))
    doc.paragraph(text)
    if ctx.backtest is not None and len(ctx.backtest):
        fig = plot_backtest(ctx.backtest, accuracy=ctx.accuracy, model=ctx.model)
        doc.heading("Backtest on this series", level=2, keep=doc.chart_height(fig))
        doc.chart(fig)
        if ctx.accuracy is not None and len(ctx.accuracy):
            # the series id gets room (equal widths broke 'china_idc_cidc_overall' in two)
            doc.table(
                _accuracy_display(_own_rows(ctx.accuracy)),
                col_widths=(46, 18, 18, 16, 27, 27, 22),
                # numbers right-aligned under their headings, as in every other table
                align=("LEFT", "LEFT", *("RIGHT",) * 5),
            )
        doc.paragraph(_backtest_text(ctx), size=8.5, muted=True)
    else:
        doc.paragraph(ctx.backtest_note or "No backtest could be run on this series.")
    if ctx.alternatives is not None and len(ctx.alternatives) > 1:
        _other_methods(ctx, doc)


def _own_rows(accuracy: pd.DataFrame) -> pd.DataFrame:
    """The accuracy rows without the "(all)" total when it totals one series only (the
    table repeated the series' row under "(all)").

    Examples
    --------
    >>> import pandas as pd
    >>> acc = pd.DataFrame({"series_id": ["s", "(all)"], "smape": [28.1, 28.1]})
    >>> _own_rows(acc)["series_id"].tolist()
    ['s']
    """
    ids = accuracy["series_id"].astype(str)
    # accuracy()'s flag: among int ids the total's id is <NA>, not "(all)"
    total = accuracy["overall"] if "overall" in accuracy.columns else ids == "(all)"
    if int((~total).sum()) == 1:
        return accuracy[~total]
    return accuracy


def _backtest_text(ctx: ReportContext) -> str:
    """What the backtest did and what its scores mean, for a reader who does not know
    sMAPE or MASE; and why it counts fewer cutoffs than the interval calibration (the
    report said "refitted at 8 earlier cutoffs" and then "Rolling origin, 5 cutoff(s)")."""
    bt = ctx.backtest
    assert bt is not None
    cutoffs = sorted(int(c) for c in bt["cutoff"].unique())
    steps = int((bt["year"] - bt["cutoff"]).max())
    where = str(cutoffs[0]) if len(cutoffs) == 1 else f"{cutoffs[0]}-{cutoffs[-1]}"
    ahead = "1 year ahead" if steps == 1 else f"1 to {steps} years ahead"
    at = (
        f"the only cutoff ({where}) that leaves"
        if len(cutoffs) == 1
        else f"each of the {counted(len(cutoffs), 'cutoff')} ({where}) that leave"
    )
    text = (
        f"The backtest refits '{ctx.model}' at {at} {counted(steps, 'later year')} to compare "
        f"with, and scores its forecasts {ahead}"
    )
    evidence = ctx.calibration
    if evidence is not None and len(evidence.cutoff_years) not in (0, len(cutoffs)):
        text += (
            "; the calibration of the intervals (Methodology above) is a separate pass over "
            f"{counted(len(evidence.cutoff_years), 'cutoff')}, each scored as far ahead as "
            "the data allow"
        )
    text += _bound_actuals_text(bt)
    return text + (
        ". sMAPE: the absolute error as a percentage of the average of forecast and actual, "
        "averaged over the forecasts (0% is perfect). MASE: the absolute error divided by "
        "the series' average year-on-year change up to the cutoff (1.0 is a miss the size "
        "of a typical year's change). Coverage: the share of actual values that fell inside "
        "the 80% and 95% intervals (well-calibrated intervals hold about 80% and 95%)."
    )


def _bound_actuals_text(bt: pd.DataFrame) -> str:
    """The backtest forecasts left out of the scores because their actual was published as
    a bound (:func:`idcforecast.backtest`'s ``actual_bound``; :func:`idcforecast.accuracy`
    counts them in ``n_bound``), with the years of those actuals; "" when there are none.
    The table's "Forecasts" counts only the scored ones, which the paragraph did not say.

    Examples
    --------
    >>> import pandas as pd
    >>> bt = pd.DataFrame({"year": [2019, 2020, 2020, 2021],
    ...                    "actual_bound": ["", "at_least", "at_least", ""]})
    >>> _bound_actuals_text(bt)[:75]
    '; its 2 forecasts of 2020 are left out of the scores, which count the other'
    >>> _bound_actuals_text(bt.assign(actual_bound=""))
    ''
    """
    if "actual_bound" not in bt.columns:
        return ""
    bound = bt["actual_bound"].fillna("").astype(str) != ""
    if not bound.any():
        return ""
    years = sorted({int(y) for y in bt.loc[bound, "year"]})
    where = str(years[-1])
    if len(years) > 1:
        where = f"{', '.join(map(str, years[:-1]))} and {where}"
    left = int(bound.sum())
    return (
        f"; its {counted(left, 'forecast')} of {where} {'is' if left == 1 else 'are'} left "
        f"out of the scores, which count the other {len(bt) - left} (the table's Forecasts): "
        + (
            f"the {years[0]} figure was published as a bound"
            if len(years) == 1
            else "those years' figures were published as bounds"
        )
        + ' ("more than" or "at most" a figure), which gives no error to score'
    )


def _without_no_cutoff_repeat(notes: list[str]) -> list[str]:
    """The forecast's notes without what the methodology's own text says of a series with
    no scored cutoff: that the width is the prior alone. A short series' report said it
    twice in one paragraph ("No earlier cutoff could be scored for the intervals: ... Note:
    ...: no earlier cutoff could be scored, so the interval width is the prior ...").

    Examples
    --------
    >>> from idcforecast._forecast_finish import NO_SCORED_CUTOFF, NO_SCORED_CUTOFF_FAR
    >>> _without_no_cutoff_repeat([f"4 points: left out 'damped'; {NO_SCORED_CUTOFF}"])
    ["4 points: left out 'damped'"]
    >>> [far] = _without_no_cutoff_repeat([f"7 years ahead from 4 years of history: "
    ...     f"{NO_SCORED_CUTOFF_FAR} by an assumed law (sigma growing as the square root of "
    ...     "the years ahead), not by evidence"])
    >>> far[:70]
    '7 years ahead from 4 years of history: the intervals widen by an assum'
    """
    from idcforecast._forecast_finish import NO_SCORED_CUTOFF, NO_SCORED_CUTOFF_FAR

    kept = []
    for note in notes:  # each a forecast row's notes, joined with "; "
        parts = [part for part in note.split("; ") if part != NO_SCORED_CUTOFF]
        said = "; ".join(parts).replace(NO_SCORED_CUTOFF_FAR, "the intervals widen")
        if said:
            kept.append(said)
    return kept


def _intervals_text(ctx: ReportContext) -> str:
    """How the intervals were calibrated, saying what this series allowed: how many earlier
    cutoffs were scored and how far ahead they measured, or that none could be and the
    prior alone sets the width (the text used to claim rolling-origin errors a 4-point
    series does not have)."""
    evidence = ctx.calibration
    tail = (
        "shrunk toward the typical size of the series' annual changes, which dominates when "
        "the series is short (scaled Student t quantiles)"
    )
    if evidence is None:
        return (
            "Intervals are calibrated from the series' own rolling-origin errors: refits at "
            f"earlier cutoffs, relative errors pooled over horizons and {tail}, so their "
            "width reflects how wrong such forecasts have been on this series, not the "
            "model's in-sample fit (idcforecast.calibration)."
        )
    bounds = _bound_years_text(evidence.bound_years)
    if evidence.cutoffs == 0 and evidence.bound_years:
        return (
            f"No earlier cutoff could be scored for the intervals: {bounds}. The interval "
            "width therefore rests on the prior alone: the typical size of the series' annual "
            "changes, widening with the years ahead by an assumed law (scaled Student t "
            "quantiles; idcforecast.calibration). It is not evidence of how wrong such "
            "forecasts have been on this series."
        )
    if evidence.cutoffs == 0:
        return (
            "No earlier cutoff could be scored for the intervals: a refit needs at least "
            f"{counted(evidence.min_train, 'year')} and the series has "
            f"{evidence.points}, so none leaves a later year to compare with. The interval "
            "width therefore rests on the prior alone: the typical size of the series' annual "
            "changes, widening with the years ahead by an assumed law (scaled Student t "
            "quantiles; idcforecast.calibration). It is not evidence of how wrong such "
            "forecasts have been on this series."
        )
    years = evidence.cutoff_years
    where = str(years[0]) if len(years) == 1 else f"each of {min(years)}-{max(years)}"
    ahead = "1 year ahead" if evidence.steps == 1 else f"1 to {evidence.steps} years ahead"
    one = len(years) == 1 and evidence.steps == 1  # a single error
    scored = "its error" if one else "its errors"
    few = " With so few errors the width leans mostly on the prior." if len(years) <= 2 else ""
    return (
        "Intervals are calibrated from the series' own rolling-origin errors: the method was "
        f"refitted at {counted(len(years), 'earlier cutoff')} (fitted on the data up to "
        f"{where}) and {scored} {ahead} {'was' if one else 'were'} scored. The errors are "
        f"pooled over horizons as relative errors and {tail}, so the width reflects how wrong "
        "such forecasts have been on this series, not the model's in-sample fit "
        f"(idcforecast.calibration).{few}" + (f" Not scored: {bounds}." if bounds else "")
    )


def _bound_years_text(years: tuple[int, ...]) -> str:
    """Why the calibration scored no error on ``years`` (published as bounds); "" if none.

    Examples
    --------
    >>> _bound_years_text((2022, 2023))[:54]
    'the figures of 2022 and 2023 were published as bounds '
    """
    if not years:
        return ""
    if len(years) == 1:
        which = f"the figure of {years[0]} was published as a bound"
    else:
        listed = f"{', '.join(map(str, years[:-1]))} and {years[-1]}"
        which = f"the figures of {listed} were published as bounds"
    give = "gives" if len(years) == 1 else "give"
    return f'{which} ("more than" or "at most" a figure), which {give} no error to score'


def _other_methods(ctx: ReportContext, doc: ReportDocument) -> None:
    """The series under other assumptions, with their backtest on the same cutoffs."""
    from idcforecast.auto import AUTO_MEMBERS
    from idcforecast.comparison import COMPARED_METHODS, NO_WINDOW_ATTR, no_backtest_reason
    from idcforecast.report._analyses import compared_methods
    from idcforecast.report._growth import history_peak

    alt = ctx.alternatives
    assert alt is not None
    members = ", ".join(m.name for m in AUTO_MEMBERS)
    compared = compared_methods(ctx.unit, history_peak(ctx.history))
    meaning = dict(COMPARED_METHODS) | dict(compared) | {"auto": f"the median of {members}"}
    shown = [m for m in alt["model"] if m != ctx.model and m in meaning]
    n = alt["n"].dropna().astype(int)
    text = (
        f"The same series under other assumptions, to {ctx.provenance.horizon_to}: "
        + "; ".join(f"'{m}': {meaning[m]}" for m in shown)
        + ". "
        + _growth_methods_note(ctx, [alias for alias, _ in compared])
        + _shared_backtest_words(n, ctx.model)
        + (
            "A method that did better on this one short history is not thereby the better "
            "forecast: 'auto' was chosen on thousands of annual series of forecasting "
            "competitions, on which switching a series to the method with the lower "
            "backtest error of its own lost accuracy (the measurements are in idcforecast's "
            "README, section Forecasting)."
            if ctx.model == "auto"
            else ""
        )
    )
    text = text.rstrip()  # (the 'auto' sentence is absent for another method)
    # the methods no backtest window fits, recorded by compare_methods (was: its message
    # parsed with a regular expression)
    no_window = {r["model"]: r["backtest_horizon"] for r in alt.attrs.get(NO_WINDOW_ATTR, [])}
    for method, status, message in zip(alt["model"], alt["status"], alt["note"], strict=True):
        # a row's note also carries its forecast's caveats (gap years filled): the
        # paragraph names only what failed, why it could not run or be backtested
        reason = message if status == "failed" else no_backtest_reason(message)
        if reason is None:
            continue
        window = no_window.get(method) if status != "failed" else None
        note = _client_note(reason) if window is None else _no_window_note(window)
        ending = "" if note.endswith(".") else "."  # the notes are library messages
        if status != "failed":
            text += f" '{method}' has {note}{ending}"
        else:
            text += f" '{method}' could not run: {note}{ending}"
    table = _other_methods_table(alt, ctx.provenance.horizon_to, ctx.figures)
    doc.heading("Other methods on this series", level=2, keep=doc.text_height(text) + 30)
    doc.paragraph(text)
    doc.table(table, col_widths=(32, 28, 50, 36, 28), align=("LEFT", *("RIGHT",) * 4))


def _shared_backtest_words(n: pd.Series, model: str) -> str:
    """What the other methods' backtest columns score: the ``n`` forecasts of the cutoffs
    every method could use, or, when ``n`` is 0 (every actual those cutoffs meet was
    published as a bound), that there is nothing to score (it said "scored on the 0
    forecasts"); "" when no method was backtested.

    Examples
    --------
    >>> import pandas as pd
    >>> _shared_backtest_words(pd.Series([6, 6]), "auto")[:59]
    'Their backtest is scored on the 6 forecasts whose cutoffs e'
    >>> _shared_backtest_words(pd.Series([0, 0]), "auto")[:60]
    'Their backtest has no scores: every actual that the cutoffs '
    >>> _shared_backtest_words(pd.Series([], dtype=int), "auto")
    ''
    """
    if not len(n):
        return ""
    most = int(n.max())
    if most == 0:
        return (
            "Their backtest has no scores: every actual that the cutoffs every method could "
            'use compare with was published as a bound ("more than" or "at most" a figure), '
            "which gives no error to score. "
        )
    return (
        f"Their backtest is scored on the {counted(most, 'forecast')} whose "
        f"{'cutoff' if most == 1 else 'cutoffs'} every method could use (so "
        f"'{model}' may score differently here than in the backtest table above). "
    )


def _growth_methods_note(ctx: ReportContext, compared: list[str]) -> str:
    """Why a series in %, pp or bp is not compared with growth-rate methods ("" for other
    units), and what the report's own method is when it is one of them (--method
    drift_log on a share: "are not offered" stood above a table that opened with it)."""
    from idcforecast.report._analyses import GROWTH_RATE_METHODS
    from idcforecast.report._growth import (
        CHANGE_WORDS,
        change_unit,
        history_peak,
        is_percent,
        series_kind,
    )

    change = change_unit(ctx.unit, history_peak(ctx.history))
    left_out = [m for m in GROWTH_RATE_METHODS if m not in compared and m != ctx.model]
    if change is None or not (left_out or ctx.model in GROWTH_RATE_METHODS):
        return ""
    words = CHANGE_WORDS[change]
    if ctx.model not in GROWTH_RATE_METHODS:
        return (
            f"The growth-rate methods ({', '.join(left_out)}) are not offered: the series is "
            f"{series_kind(ctx.unit)}, whose changes the report gives in {words}, never as "
            "growth rates. "
        )
    what = "the percentage" if is_percent(ctx.unit) else "the series"
    others = (
        f", and the other growth-rate {'method' if len(left_out) == 1 else 'methods'} "
        f"({', '.join(left_out)}) {'is' if len(left_out) == 1 else 'are'} not offered"
        if left_out
        else ""
    )
    return (
        f"'{ctx.model}', this report's method, continues a growth rate of {what}, which the "
        f"report otherwise never gives (its changes are in {words}); the level methods here "
        f"continue changes in {words} instead{others}. "
    )


# forecasting's messages for a method the series cannot take, with their API advice
# ("add years or use method='auto' (needs 4)", "use a level model such as 'drift' or
# method='auto'"): the report says why, the other methods' rows say what else there is
_TOO_SHORT = re.compile(
    r"series '.*?' has (\d+) observations? \(([^)]*)\); model '[^']+' needs at least (\d+); "
    r"add years or use method='auto' \(needs \d+\)"
)
_NOT_POSITIVE = re.compile(
    r"series '.*?' (year \d+|observation \d+): value (\S+) is not positive; model '[^']+' "
    r"works on logarithms; use a level model such as 'drift' or method='auto'"
)


def _client_note(note: str) -> str:
    """A library message about a method that could not run, in a reader's words (it named
    the API: "add years or use method='auto'"); a method no backtest window fits is worded
    by :func:`_no_window_note` from the comparison's record, not from its message.

    Examples
    --------
    >>> _client_note("series 's' has 5 observations (2018-2023, 1 year filled); model "
    ...              "'damped_log' needs at least 6; add years or use method='auto' (needs 4)")
    'it needs at least 6 observed years and the series has 5 (2018-2023, 1 year filled)'
    >>> _client_note("series 's' year 2019: value -3.0 is not positive; model 'drift_log' "
    ...              "works on logarithms; use a level model such as 'drift' or method='auto'")
    'it works on logarithms and the series has a value that is not positive (-3.0 in 2019)'
    >>> _client_note("series 's' has 5 observations")
    "series 's' has 5 observations"
    """

    def too_short(match: re.Match[str]) -> str:
        return (
            f"it needs at least {match.group(3)} observed years and the series has "
            f"{match.group(1)} ({match.group(2)})"
        )

    def not_positive(match: re.Match[str]) -> str:
        place = match.group(1)
        where = f"in {place.removeprefix('year ')}" if place.startswith("year ") else place
        return (
            "it works on logarithms and the series has a value that is not positive "
            f"({match.group(2)} {where})"
        )

    note = _TOO_SHORT.sub(too_short, note)
    return _NOT_POSITIVE.sub(not_positive, note)


def _no_window_note(steps: int) -> str:
    """Why a method has no backtest when no cutoff fits (the comparison's record of a
    :class:`~idcforecast.errors.NoBacktestWindowError`: its ``backtest_horizon``), in a
    reader's words (the message named API parameters: "horizon=2 ...; shorten the horizon").

    Examples
    --------
    >>> _no_window_note(2)[-72:]
    'leaves both the years the method needs to fit and 2 later years to score'
    """
    from idcforecast.comparison import NO_BACKTEST

    return (
        f"{NO_BACKTEST}no cutoff of this series leaves both the years the method needs to fit "
        f"and {counted(steps, 'later year')} to score"
    )


def _other_methods_table(alt: pd.DataFrame, to: int, fmt: LevelFormat) -> pd.DataFrame:
    import pandas as pd

    def cell(value: float, text: str) -> str:
        return "–" if math.isnan(value) else text

    return pd.DataFrame(
        {
            "Method": alt["model"].astype(str),
            f"{to} central": [cell(v, fmt.text(v)) for v in alt["mean"]],
            "80% interval": [
                cell(lo, span_text(fmt.text(lo), fmt.text(hi), dash="–"))
                for lo, hi in zip(alt["lo_80"], alt["hi_80"], strict=True)
            ],
            "Backtest sMAPE %": [cell(v, half_up(v, 1)) for v in alt["smape"]],
            "80% coverage": [cell(v, f"{half_up(100 * v, 0)}%") for v in alt["coverage_80"]],
        }
    )


# What each registered model is, in an analyst's words (tests check every alias has one).
METHOD_SUMMARIES = {
    "arima": "ARIMA on the logarithms, its order chosen automatically",
    "damped": "a damped-trend exponential smoothing: a yearly increase that fades",
    "damped_log": "a damped trend on the logarithms: a growth rate that fades",
    "dotm": "the Dynamic Optimised Theta model",
    "dotm_log": "the Dynamic Optimised Theta model on the logarithms",
    "drift": "the average yearly increase continued (a random walk with drift)",
    "drift_log": "the historical compound growth rate continued (drift on the logarithms)",
    "gompertz": "a Gompertz saturation curve rising toward a cap",
    "holt": "Holt's linear trend (exponential smoothing of a level and a trend)",
    "logistic": "a logistic saturation curve rising toward a cap",
    "loglinear": "a constant-growth (log-linear) trend fitted to every year",
    "naive": "the last value held flat (no growth)",
    "ses": "simple exponential smoothing (a level, no trend)",
    "theta": "the Theta method (exponential smoothing plus half the linear trend)",
    "mean": "the equal-weight mean of drift, damped and theta",
    "median": "the median of drift, damped and theta",
    "weighted": (
        "a weighted mean of drift, damped and theta, each weighted by the inverse of its "
        "mean absolute error when refitted at earlier cutoffs of this series"
    ),
}


def _members_text(model: str) -> str:
    """What the method is: the 'auto' combination's members, or a model's summary."""
    if model != "auto":
        summary = METHOD_SUMMARIES.get(model)
        return f"'{model}' is {summary}. " if summary else ""
    from idcforecast.auto import AUTO_MEMBERS, AUTO_MEMBERS_NOT_POSITIVE

    names = ", ".join(m.name for m in AUTO_MEMBERS)
    level = ", ".join(m.name for m in AUTO_MEMBERS_NOT_POSITIVE)
    return (
        f"It is the median of {len(AUTO_MEMBERS)} simple forecasts ({names}): no-growth, "
        "trend and constant-growth methods, so it grows only as fast as most of them agree; "
        "members that need more points are left out when the series lacks them, and a series "
        f"with a value that is not positive takes the median of {level} instead (the "
        "constant-growth members work on logarithms). "
    )


def _accuracy_display(accuracy: pd.DataFrame) -> pd.DataFrame:
    import pandas as pd

    def fmt(value: float, scale: float = 1.0, decimals: int = 1, suffix: str = "") -> str:
        if value is None or math.isnan(value):
            return "–"  # (a missing coverage used to read "–%")
        return f"{value * scale:.{decimals}f}{suffix}"

    return pd.DataFrame(
        {
            "Series": accuracy["series_id"].astype(str),
            "Model": accuracy["model"].astype(str),
            "sMAPE %": [fmt(v) for v in accuracy["smape"]],
            "MASE": [fmt(v, decimals=2) for v in accuracy["mase"]],
            "80% coverage": [fmt(v, 100.0, 0, "%") for v in accuracy["coverage_80"]],
            "95% coverage": [fmt(v, 100.0, 0, "%") for v in accuracy["coverage_95"]],
            "Forecasts": accuracy["n"].astype(int).astype(str),
        }
    )
