"""Axis and history-line pieces shared by the report's charts
(:mod:`idcforecast.report.charts`)."""

from __future__ import annotations

import itertools
from typing import TYPE_CHECKING

import numpy as np

from idcforecast._history_notes import is_estimate_note
from idcforecast.report._numbers import set_level_ticks
from idcforecast.report.fonts import latin_name
from idcforecast.report.style import COLORS

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure


# the legend entries of actuals published as bounds ("more than 880"), which
# :func:`history_points` draws as hollow triangles
BOUND_LABELS = {"at_least": "published as 'more than'", "at_most": "published as 'less than'"}


def thousands_ticks(ax: Axes) -> None:
    """Value ticks with thousands separators and the decimals the ticks need (a whole-number
    format labelled a 0-2 axis "0, 0, 1, 1, 2, 2"); whole years on the x axis."""
    set_level_ticks(ax)
    integer_ticks(ax)


def integer_ticks(ax: Axes) -> None:
    """Whole-number ticks on the x axis (years, horizons), even over a short span."""
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True, min_n_ticks=1))


def from_zero(ax: Axes) -> None:
    """Start the value axis at zero (a market's scale), unless the data go below it."""
    if ax.dataLim.y0 >= 0:
        ax.set_ylim(bottom=0)


def legend_room(ax: Axes, share: float = 0.35) -> None:
    """Raise the top of the value axis by ``share`` of its span, so that a legend in an
    upper corner sits above the data (a steep actual line ran through the legend of the
    narrow backtest panel)."""
    low, high = ax.get_ylim()
    ax.set_ylim(low, high + share * (high - low))


def history_points(ax: Axes, history: pd.DataFrame) -> None:
    """The actual line, with hollow markers on the points that are not published exact
    figures: derived (a circle), an estimate read as data (a square), a bound (a
    triangle up for "more than", down for "less than"; labels in :data:`BOUND_LABELS`)."""
    years = history["year"].to_numpy()
    values = history["value"].to_numpy(dtype=float)
    # a year not published stays a gap: the line breaks there (NaN), nothing is drawn across
    # (history is never empty here: one_series refuses a frame without rows)
    span = np.arange(int(years.min()), int(years.max()) + 1)
    line = np.full(span.size, np.nan)
    line[years.astype(np.int64) - int(span[0])] = values
    ax.plot(span, line, color=COLORS["history"], marker="o", markersize=3.5, label="actual")
    hollow = []  # (rows, marker, label): points that are not published figures
    if "derived" in history.columns:
        derived = history["derived"].fillna(False).astype(bool).to_numpy()
        hollow.append((derived, "o", "derived (not published)"))
    if "note" in history.columns:
        estimate = history["note"].map(is_estimate_note).astype(bool).to_numpy()
        hollow.append((estimate, "s", "estimate (read as data)"))
    if "qualifier" in history.columns:  # a bound drawn as a plain point read as exact
        marks = history["qualifier"].astype(str).str.strip().to_numpy()
        hollow.append((marks == "at_least", "^", BOUND_LABELS["at_least"]))
        hollow.append((marks == "at_most", "v", BOUND_LABELS["at_most"]))
    for rows, marker, label in hollow:
        if rows.any():
            ax.plot(
                years[rows],
                values[rows],
                linestyle="none",
                marker=marker,
                markersize=5,
                markerfacecolor="white",
                markeredgecolor=COLORS["history"],
                label=label,
            )


def _ticks_to(last_year: int, ticks: list[float], left: float) -> list[float]:
    """Year ticks at the locator's step counted back from ``last_year``, so the final year
    (the forecast's end, where the chart's label is) is a tick: a 2012-2030 chart ticked
    every three years from 2014 ended at 2029; now 2012, 2015 ... 2030. Ticks that are not
    whole years evenly spaced are kept as they are.

    Examples
    --------
    >>> _ticks_to(2030, [2014.0, 2017.0, 2020.0, 2023.0, 2026.0, 2029.0], 2011.5)
    [2012.0, 2015.0, 2018.0, 2021.0, 2024.0, 2027.0, 2030.0]
    >>> _ticks_to(2024, [2019.0, 2020.0, 2024.0], 2018.5)
    [2019.0, 2020.0, 2024.0]
    """
    steps = {round(b - a, 9) for a, b in itertools.pairwise(ticks)}
    if len(ticks) < 2 or len(steps) != 1:
        return ticks
    step = steps.pop()
    if step != int(step) or step < 1 or any(t != int(t) for t in ticks):
        return ticks
    count = int((last_year - left) // step) + 1
    return sorted(float(last_year - k * step) for k in range(count) if last_year - k * step >= left)


def labels_inside(fig: Figure, ax: Axes, *, last_year: int) -> None:
    """Widen the x axis of ``ax`` until its labels (annotations) end inside it, and lift
    a label that would hang below the axis above its marker; the year ticks stay those
    of the data (none past ``last_year``, where nothing is drawn), at the locator's step
    counted back from ``last_year`` (:func:`_ticks_to`), which is a tick.

    The track-record chart's labels of the right-most forecasts ran past the axes into
    the figure margin (a long claim-set name reached the figure's edge), and so did the
    fan chart's end label ("10,298 (3,917-27,071)", 30 px) and the scenario chart's.
    Text has a fixed width in points, so the labels are measured in one draw, with the
    constrained layout told to leave them out (it shrank the axes for a label hanging
    past them, so the width measured was not the width to fit); a label too wide to fit
    inside stays in the layout, which makes room for it in the figure.
    """
    from matplotlib.text import Annotation

    labels = [text for text in ax.texts if isinstance(text, Annotation)]
    pad = 2.0  # pixels between a label's end and the axis
    for label in labels:
        label.set_in_layout(False)
    fig.draw_without_rendering()
    left, right = ax.get_xlim()
    ticks = _ticks_to(last_year, [t for t in ax.get_xticks() if left <= t <= last_year], left)
    box = ax.get_window_extent()
    needed = right
    for label in labels:
        extent = label.get_window_extent()
        # a label below the axis (a forecast near zero) goes above its marker
        if extent.y0 < box.y0 and label.get_verticalalignment() == "top":
            x_offset, y_offset = label.xyann
            label.xyann = (x_offset, -y_offset)
            label.set_verticalalignment("bottom")
        anchor = float(ax.transData.transform((label.xy[0], 0.0))[0])
        # the share of the axes' width the label needs right of its anchor
        share = (extent.x1 - anchor + pad) / box.width
        if share < 0.9:
            # the anchor x sits at (x - left) / (right - left) of the width:
            # (right - x) / (right - left) >= share
            needed = max(needed, (label.xy[0] - share * left) / (1.0 - share))
        else:  # as wide as the axes: widening cannot help, the layout makes room
            label.set_in_layout(True)
    if needed > right:
        ax.set_xlim(left, needed)
    ax.set_xticks(ticks)


def series_title(
    sid: str, what: str, *, joiner: str = "", prefix: str = "", suffix: str = ""
) -> str:
    """A default chart title naming series ``sid``: ``{sid}{joiner}{what}`` (or
    ``{prefix}{sid}{suffix}``). Chart text is DejaVu only: an id named in Chinese is not
    named at all (:func:`latin_name`; it read "Backtest of 'auto' on [Chinese text]", and
    "中国IDC市场规模" a misleading "IDC"); the title is then ``what``, capitalised."""
    name = latin_name(sid)
    if name:
        return f"{name}{joiner}{what}" if joiner else f"{prefix}{name}{suffix}"
    return what[0].upper() + what[1:]
