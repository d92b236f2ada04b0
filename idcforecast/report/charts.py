"""Charts of history, forecasts, growth, backtests, claims and scenarios.

Every function draws in the house style (:func:`idcforecast.report.style.house_style`,
never global rcParams), gives the chart a title, the unit on the value axis and a source
footnote, and returns the matplotlib ``Figure`` so a notebook can edit it further. The
figures are not registered with pyplot: nothing accumulates across calls.

Examples
--------
>>> import pandas as pd
>>> from idcforecast.report.charts import plot_growth
>>> history = pd.DataFrame({"series_id": "s", "year": [2020, 2021, 2022],
...                         "value": [100.0, 120.0, 150.0], "unit": "USD bn"})
>>> fig = plot_growth(history)
>>> fig.axes[0].get_title(loc="left")
'Growth of s: year on year'
"""

from __future__ import annotations

import itertools
import math
from typing import TYPE_CHECKING

import numpy as np

from idcforecast._wording import counted, qualifier_sign
from idcforecast.errors import DataError
from idcforecast.report._chart_parts import (
    from_zero,
    history_points,
    integer_ticks,
    labels_inside,
    legend_room,
    series_title,
    thousands_ticks,
)
from idcforecast.report._frames import (
    first_unit,
    one_model,
    one_series,
    qualifiers,
    require_columns,
    source_text,
)
from idcforecast.report._growth_chart import plot_growth
from idcforecast.report._numbers import (
    LevelFormat,
    half_up,
    published_values,
    set_level_ticks,
    span_text,
)
from idcforecast.report._outcome_charts import plot_claims, plot_scenarios
from idcforecast.report.style import (
    COLORS,
    FIGURE_TEXT_X,
    add_footnote,
    full_stop,
    house_style,
    new_figure,
    style_axes,
    unit_heading,
    wrap_title,
)

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

__all__ = ["plot_backtest", "plot_claims", "plot_forecast", "plot_growth", "plot_scenarios"]


def plot_forecast(
    history: pd.DataFrame,
    forecast: pd.DataFrame,
    *,
    series_id: str | None = None,
    model: str | None = None,
    title: str | None = None,
    source: str | None = None,
    figures: LevelFormat | None = None,
    scale: str = "auto",
    actual_figures: LevelFormat | None = None,
) -> Figure:
    """History and the forecast as a fan chart of its 80% and 95% intervals.

    The final year's central value and 80% interval are labelled at the fan's end, inside
    the axes; actuals that are not published exact figures are hollow markers (derived,
    an estimate, a bound: a triangle), each named in the legend.

    Parameters
    ----------
    history
        Tidy history (``series_id, year, value`` [+ ``unit, source, derived``]).
    forecast
        Forecast frame (``series_id, year, model, mean, lo_80, hi_80, lo_95, hi_95``).
    series_id
        The series to draw; needed only when the frames hold several.
    model
        The forecast model to draw; the first in ``forecast`` by default.
    title, source
        Override the title and the footnote (built from the data by default).
    figures
        How the labels print levels; by default chosen from the history and the forecast
        (:class:`~idcforecast.report._numbers.LevelFormat`: "0.69" for a USD bn series,
        "5,078" for CNY 100 million).
    scale
        The value axis: "linear" (from zero), "log", or "auto" (the default): log when
        every value drawn is positive and the 95% band reaches more than
        ``LOG_SCALE_RATIO`` (4) times the highest actual, where a linear axis would
        squeeze the history into the bottom quarter of the chart; always linear for a
        series in %, pp or bp (a share), whose changes are points, not growth rates. The
        axis label and the footnote say when the scale is logarithmic.
    actual_figures
        How the last actual's label prints (default ``figures``): the report passes the
        decimals the series was published with ("0.4" TWh beside a forecast's "0.637").

    Examples
    --------
    >>> import pandas as pd
    >>> h = pd.DataFrame({"series_id": "s", "year": [2021, 2022], "value": [1.0, 2.0],
    ...                   "unit": "USD bn"})
    >>> f = pd.DataFrame({"series_id": "s", "year": [2023], "model": "drift", "mean": [3.0],
    ...                   "lo_80": [2.5], "hi_80": [3.5], "lo_95": [2.2], "hi_95": [3.8]})
    >>> plot_forecast(h, f).axes[0].get_ylabel()
    'USD billion'
    """
    if scale not in _SCALES:
        raise DataError(
            f"scale {scale!r} is not a chart scale; use one of {', '.join(_SCALES)}",
            scale=scale,
        )
    hist = one_series(history, series_id, what="history")
    require_columns(hist, ["value"], what="history")
    sid = str(hist["series_id"].iloc[0])
    fc = one_model(one_series(forecast, sid, what="forecast"), model, what="forecast")
    require_columns(fc, ["mean", "lo_80", "hi_80", "lo_95", "hi_95"], what="forecast")
    chosen = str(fc["model"].iloc[0])
    unit = first_unit(hist) or first_unit(fc)
    last_year = int(hist["year"].iloc[-1])
    last_value = float(hist["value"].iloc[-1])
    if figures is None:
        figures = LevelFormat.for_values(
            [*hist["value"], *fc["mean"]], published=published_values(hist), unit=unit
        )

    with house_style():
        fig, ax = new_figure()
        years = np.concatenate([[last_year], fc["year"].to_numpy()])

        def joined(column: str) -> np.ndarray:
            return np.concatenate([[last_value], fc[column].to_numpy(dtype=float)])

        ax.fill_between(
            years, joined("lo_95"), joined("hi_95"), color=COLORS["band95"], lw=0, label="95%"
        )
        ax.fill_between(
            years, joined("lo_80"), joined("hi_80"), color=COLORS["band80"], lw=0, label="80%"
        )
        ax.plot(
            years, joined("mean"), color=COLORS["forecast"], ls="--", label=f"forecast ({chosen})"
        )
        history_points(ax, hist)
        end = fc.iloc[-1]
        ax.annotate(
            f"{figures.short(end['mean'])}\n"
            f"({span_text(figures.short(end['lo_80']), figures.short(end['hi_80']))})",
            xy=(float(end["year"]), float(end["mean"])),
            xytext=(4, 0),
            textcoords="offset points",
            fontsize=7.5,
            va="center",
            color=COLORS["forecast"],
        )
        last_sign = qualifier_sign(qualifiers(hist.iloc[-1:], what="history")[0], spaced=False)
        # up-left of the point, clear of a line rising into it; below-left after a fall,
        # whose line comes down through the up-left (a net 6 -> -1 struck the label through)
        falling = len(hist) > 1 and float(hist["value"].iloc[-2]) > last_value
        ax.annotate(
            f"{last_sign}{(actual_figures or figures).short(last_value)}",
            xy=(last_year, last_value),
            xytext=(-4, -6) if falling else (-4, 6),
            textcoords="offset points",
            fontsize=7.5,
            ha="right",
            **({"va": "top"} if falling else {}),
        )
        ax.set_xlim(float(hist["year"].iloc[0]) - 0.5, float(end["year"]) + 1.6)
        actuals = hist["value"].to_numpy(dtype=float)
        drawn = np.concatenate([actuals, *(joined(c) for c in _FAN_COLUMNS)])
        logarithmic = _log_scale(scale, drawn, actuals, unit=unit)
        ylabel = unit_heading(unit)
        if logarithmic:
            _log_value_axis(ax, drawn)
            ylabel += " (log scale)"
        else:
            thousands_ticks(ax)
            from_zero(ax)
        style_axes(
            ax,
            ylabel=ylabel,
            title=title
            or series_title(sid, f"history and forecast to {int(end['year'])}", joiner=": "),
        )
        ax.legend(
            loc=_free_corner(
                ax,
                hist["year"].to_numpy(dtype=float),
                actuals,
                years.astype(float),
                joined("lo_95"),
                joined("hi_95"),
            ),
            ncols=2,
        )
        note = source if source is not None else source_text(hist)
        reading = (
            " Log scale: equal heights are equal growth rates (the 95% band is too wide for a"
            " linear axis)."
            if logarithmic
            else ""
        )
        add_footnote(
            fig,
            # a source given ending in "." printed "Source: X.. Forecast"
            f"{full_stop(note)} Forecast: idcforecast '{chosen}', shaded 80% and 95% "
            "intervals.".lstrip()
            + reading,
        )
        # the end label inside the axes (it ran 30 px past them), and no year tick past
        # the forecast's last year in the room kept for it (a forecast to 2024 showed an
        # empty 2025)
        labels_inside(fig, ax, last_year=int(end["year"]))
    return fig


def _free_corner(
    ax: Axes,
    years: np.ndarray,
    values: np.ndarray,
    fan_years: np.ndarray,
    low: np.ndarray,
    high: np.ndarray,
) -> str:
    """Where the fan chart's legend covers no data: "upper left" (a rising series) unless
    the history or the bands reach into that corner (a falling or flat series, whose line
    ran through the legend), then "lower left" if that one is free; if neither is, the value
    axis is raised so that the upper left is free."""
    to_axes = ax.transData + ax.transAxes.inverted()

    def occupied(y_from: float, y_to: float) -> bool:
        # the legend's box: its two rows of two entries take the left 45% of the width
        # and about a fifth of the height
        points = to_axes.transform(np.column_stack([years, values]))
        if np.any((points[:, 0] < 0.45) & (points[:, 1] > y_from) & (points[:, 1] < y_to)):
            return True
        # a line between two actuals crosses the box too (a steep fall passes through it)
        for (x0, v0), (_x1, v1) in itertools.pairwise(points):
            if x0 < 0.45 and min(v0, v1) < y_to and max(v0, v1) > y_from:
                return True
        lows = to_axes.transform(np.column_stack([fan_years, low]))
        highs = to_axes.transform(np.column_stack([fan_years, high]))
        return bool(np.any((lows[:, 0] < 0.45) & (lows[:, 1] < y_to) & (highs[:, 1] > y_from)))

    if not occupied(0.78, 1.0):
        return "upper left"
    if not occupied(0.0, 0.22):
        return "lower left"
    bottom, top = ax.get_ylim()
    if ax.get_yscale() == "log":
        ax.set_ylim(bottom, top * (top / bottom) ** 0.3)
    else:
        ax.set_ylim(bottom, top + 0.3 * (top - bottom))
    return "upper left"


_SCALES = ("auto", "linear", "log")
_FAN_COLUMNS = ("mean", "lo_80", "hi_80", "lo_95", "hi_95")
LOG_SCALE_RATIO = 4.0
"""Above this ratio of the highest value drawn to the highest actual, ``scale="auto"``
draws the fan chart on a log axis (on a linear one from zero the history would fill less
than a quarter of the height: the report's China IDC chart, 59,276 against 5,078, put 11
years of history in the bottom tenth)."""


def _log_scale(scale: str, drawn: np.ndarray, history: np.ndarray, *, unit: str = "") -> bool:
    """Whether the fan chart's value axis is logarithmic (see :func:`plot_forecast`); never
    by "auto" for a series in %, pp or bp, whose changes the report gives in points (a
    log axis's "equal heights are equal growth rates" said the opposite of the tables)."""
    from idcforecast.report._growth import change_unit

    if scale == "linear" or (scale == "auto" and change_unit(unit) is not None):
        return False
    positive = bool(np.all(drawn[np.isfinite(drawn)] > 0))
    if scale == "log":
        if not positive:
            raise DataError(
                "scale 'log' needs every value drawn to be above zero (history, forecast "
                f"and interval bounds), but the lowest is {np.nanmin(drawn):g}; "
                "use scale='linear'",
                scale=scale,
            )
        return True
    top = float(np.nanmax(history))
    return positive and float(np.nanmax(drawn)) > LOG_SCALE_RATIO * top


def _log_value_axis(ax: Axes, drawn: np.ndarray) -> None:
    """A log value axis with ticks at 1-2-5 steps, labelled as levels ("5,000", not
    "5x10^3"), no minor labels, and a margin of 30% of the value at both ends."""
    from matplotlib.ticker import LogLocator, NullFormatter, NullLocator

    ax.set_yscale("log")
    low, high = float(np.nanmin(drawn)), float(np.nanmax(drawn))
    ax.set_ylim(low / 1.3, high * 1.3)
    ax.yaxis.set_major_locator(LogLocator(base=10, subs=(1.0, 2.0, 5.0)))
    ax.yaxis.set_minor_locator(NullLocator())
    ax.yaxis.set_minor_formatter(NullFormatter())
    set_level_ticks(ax)
    integer_ticks(ax)


def _year_ticks(first: float, last: float) -> list[float]:
    """Whole-year ticks from ``first`` to ``last`` and none beyond, at the step matplotlib
    would choose.

    Examples
    --------
    >>> _year_ticks(2017, 2023), _year_ticks(2022, 2022)
    ([2017.0, 2018.0, 2019.0, 2020.0, 2021.0, 2022.0, 2023.0], [2022.0])
    >>> _year_ticks(1990, 2023)[:3]
    [1992.0, 1996.0, 2000.0]
    """
    from matplotlib.ticker import MaxNLocator

    ticks = MaxNLocator(integer=True, min_n_ticks=1).tick_values(first, last)
    return [float(t) for t in ticks if first <= t <= last]


def plot_backtest(
    backtest: pd.DataFrame,
    *,
    accuracy: pd.DataFrame | None = None,
    series_id: str | None = None,
    model: str | None = None,
    title: str | None = None,
) -> Figure:
    """How the forecasting method did on this series: rolling-origin forecasts and errors.

    Left: the actual values and the forecast from each cutoff. Right: the absolute
    percentage error of each forecast by horizon (years after the cutoff), with the mean;
    the absolute error in the series' unit when an actual is at or below zero (a
    percentage of 0 is undefined).

    Parameters
    ----------
    backtest
        Output of ``idcforecast.backtest``: the forecast columns plus ``cutoff, actual``.
    accuracy
        Output of ``idcforecast.accuracy`` on that frame (for the footnote), optional.
    series_id
        The series to draw; needed only when the frame holds several.
    model
        The model to draw; the first in ``backtest`` by default.
    title
        Overrides the title (built from the data by default).

    Examples
    --------
    >>> import pandas as pd
    >>> bt = pd.DataFrame({"series_id": "s", "model": "drift", "cutoff": [2020, 2020, 2021],
    ...                    "year": [2021, 2022, 2022], "mean": [11.0, 12.0, 13.0],
    ...                    "actual": [10.0, 12.0, 12.0], "unit": "USD bn"})
    >>> fig = plot_backtest(bt)
    >>> fig.axes[1].get_xlabel()
    'years ahead (horizon)'
    """
    bt = one_model(one_series(backtest, series_id, what="backtest"), model, what="backtest")
    require_columns(bt, ["cutoff", "mean", "actual"], what="backtest")
    sid = str(bt["series_id"].iloc[0])
    chosen = str(bt["model"].iloc[0])
    unit = first_unit(bt)
    actual = bt.drop_duplicates("year").sort_values("year")
    # an actual published as a bound ("more than 4,000") gives no error to score
    # (accuracy() leaves it out): the error panel drew its error and took it into the mean
    bound = (
        bt["actual_bound"].fillna("").astype(str).ne("").to_numpy()
        if "actual_bound" in bt.columns
        else np.zeros(len(bt), dtype=bool)
    )
    scored = bt[~bound]
    horizon = (scored["year"] - scored["cutoff"]).to_numpy(dtype=int)
    actuals = scored["actual"].to_numpy(float)
    errors = np.abs(actuals - scored["mean"].to_numpy(float))
    # an error as a percentage of the actual is undefined at an actual of 0 (it was inf: no
    # mean drawn at that horizon, and a RuntimeWarning) and no measure across zero: such a
    # series gets its errors in its own unit
    relative = bool((actuals > 0).all())
    ape = 100.0 * errors / actuals if relative else errors
    from idcforecast.report._growth import CHANGE_WORDS, change_unit

    change = change_unit(unit)  # the error of a share is in percentage points
    error_label = (
        "absolute error, % of the actual"
        if relative
        else f"absolute error, {CHANGE_WORDS[change] if change else unit_heading(unit)}"
        if unit
        else "absolute error"
    )

    with house_style():
        fig, (left, right) = new_figure(ncols=2, figsize=(7.0, 3.4))
        left.plot(
            actual["year"],
            actual["actual"],
            color=COLORS["history"],
            marker="o",
            ms=3,
            label="actual",
        )
        bound_years = set(bt.loc[bound, "year"].astype(int))
        if bound_years:
            marked = actual[actual["year"].astype(int).isin(bound_years)]
            left.scatter(
                marked["year"],
                marked["actual"],
                s=30,
                facecolors="white",
                edgecolors=COLORS["history"],
                zorder=3,
                label="published as a bound (not scored)",
            )
        cutoffs = sorted(bt["cutoff"].unique())
        for i, cutoff in enumerate(cutoffs):
            rows = bt[bt["cutoff"] == cutoff].sort_values("year")
            shade = 0.35 + 0.65 * (i + 1) / len(cutoffs)
            left.plot(
                rows["year"],
                rows["mean"],
                color=COLORS["forecast"],
                alpha=shade,
                lw=1.1,
                marker="o" if len(rows) == 1 else None,  # a one-year forecast is a point
                ms=3,
                label="forecast from each cutoff" if i == 0 else None,
            )
        # whole years, with a year of room either side (one forecast year alone would
        # otherwise get a century-wide axis), ticked only where there are data (the
        # default report's axis showed an empty 2016 and 2024 around 2017-2023)
        first_year, last_year = float(bt["year"].min()), float(bt["year"].max())
        left.set_xlim(first_year - 1.0, last_year + 1.0)
        thousands_ticks(left)
        left.set_xticks(_year_ticks(first_year, last_year))
        style_axes(left, ylabel=unit_heading(unit), title="Forecasts vs actual")
        legend_room(left)
        left.legend(loc="upper left")

        right.scatter(horizon, ape, s=12, color=COLORS["forecast"], alpha=0.7, label="one forecast")
        steps = np.unique(horizon)
        means = [float(ape[horizon == h].mean()) for h in steps]
        right.plot(steps, means, color=COLORS["cagr"], marker="s", ms=4, label="mean")
        integer_ticks(right)
        right.set_xlabel("years ahead (horizon)")
        right.set_ylim(bottom=0)
        style_axes(right, ylabel=error_label, title="Error by horizon")
        legend_room(right)
        right.legend(loc="upper left")
        fig.suptitle(
            wrap_title(
                title
                or series_title(
                    sid, f"backtest of '{chosen}'", prefix=f"Backtest of '{chosen}' on "
                ),
                width=fig.get_figwidth() * 72.0 - 10.0,
            ),
            x=FIGURE_TEXT_X,  # where the page's text and the footnote start
            ha="left",
            fontweight="bold",
            fontsize=11,
        )
        add_footnote(fig, _backtest_note(accuracy, sid, chosen, len(cutoffs)))
    return fig


def _backtest_note(accuracy: pd.DataFrame | None, sid: str, model: str, windows: int) -> str:
    base = (
        f"Rolling origin, {counted(windows, 'cutoff')}; each forecast uses only the data up to "
        "its cutoff."
    )
    if accuracy is None or len(accuracy) == 0:
        return base
    rows = accuracy
    if "series_id" in rows.columns:
        rows = rows[rows["series_id"].astype(str) == sid]
    if "model" in rows.columns:
        rows = rows[rows["model"].astype(str) == model]
    if len(rows) == 0:
        return base
    row = rows.iloc[0]
    parts = []
    if "smape" in row.index:
        parts.append(f"sMAPE {half_up(row['smape'], 1)}%")
    # of a few forecasts a count, as the summary gives it ("covered 100%" of 1 forecast
    # stood beside the summary's "held 1 of 1 outcome")
    n = int(row["n"]) if "n" in row.index and math.isfinite(float(row["n"])) else None
    for level, lead in ((80, "80% interval"), (95, "95%")):
        share = row.get(f"coverage_{level}")
        if share is None or not math.isfinite(float(share)):
            continue
        if n is not None and 0 < n < 10:
            parts.append(f"{lead} held {round(float(share) * n)} of {n}")
        else:
            parts.append(f"{lead} covered {half_up(100 * float(share), 0)}%")
    return f"{base} {', '.join(parts)}." if parts else base
