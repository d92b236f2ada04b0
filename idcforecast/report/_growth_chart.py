"""The growth chart: year-on-year changes of one series as bars, with its CAGR.

:func:`plot_growth` is exported by :mod:`idcforecast.report.charts` with the other charts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np

from idcforecast.report._chart_parts import (
    integer_ticks,
    series_title,
)
from idcforecast.report._frames import (
    first_unit,
    one_series,
    qualifiers,
    require_columns,
    source_text,
)
from idcforecast.report._growth import is_percent
from idcforecast.report._numbers import (
    LevelFormat,
    published_values,
)
from idcforecast.report.style import (
    COLORS,
    add_footnote,
    house_style,
    new_figure,
    style_axes,
    unit_heading,
)

if TYPE_CHECKING:
    import pandas as pd
    from matplotlib.axes import Axes
    from matplotlib.figure import Figure

    from idcforecast.report._growth import RateMark

__all__ = ["plot_growth"]


def plot_growth(
    history: pd.DataFrame,
    *,
    series_id: str | None = None,
    title: str | None = None,
    source: str | None = None,
) -> Figure:
    """Year-on-year growth as bars, with the compound annual growth rate (CAGR) as a line.

    YoY is drawn only where the previous year is in the data (gaps stay gaps) and both
    levels are positive (a rate from or to a level at or below zero is undefined); the
    CAGR spans the first to the last year, over however many years lie between, or from
    the first year of the latest run of positive levels when a level is at or below zero
    (the summary table's rates, bar for bar).

    A series in percent (a share, 1.5% -> 3.0% of electricity), pp or bp is drawn as its
    changes instead: bars of the change from the previous year in percentage points (bp for
    bp) and a line at the average change a year from the first to the last year, as the
    summary table's "Change pp" column: a growth rate of a percentage (+100% there) reads
    as the growth of what it is a share of.

    Parameters
    ----------
    history
        Tidy history (``series_id, year, value`` [+ ``unit``]).
    series_id
        The series to draw; needed only when the frame holds several.
    title, source
        Override the title and the footnote (built from the data by default).

    Examples
    --------
    >>> import pandas as pd
    >>> h = pd.DataFrame({"series_id": "s", "year": [2020, 2021, 2023],
    ...                   "value": [100.0, 110.0, 121.0], "unit": "USD bn"})
    >>> fig = plot_growth(h)
    >>> [round(float(b.get_height()), 6) for b in fig.axes[0].patches]
    [10.0]
    """
    hist = one_series(history, series_id, what="history")
    require_columns(hist, ["value"], what="history")
    from idcforecast.report._growth import history_change_unit

    change = history_change_unit(hist)
    if change:  # a share: its changes in percentage points (a growth rate would mislead)
        return _plot_changes(hist, change, title=title, source=source)
    sid = str(hist["series_id"].iloc[0])
    years, growth = _yoy_percent(hist)
    # a rate from or to a figure published as a bound is a bound too ("< 28.6" from a "more
    # than" start), and none when both ends are "more than": the summary table's marks, bar
    # for bar (the bars printed such rates as exact)
    years, growth, signs, open_years = _bounded_bars(hist, years, growth)
    first, last = int(hist["year"].iloc[0]), int(hist["year"].iloc[-1])
    start = _cagr_start_year(hist)
    bound = _cagr_bound(hist)
    rate = None if bound is None else bound.rate
    # a figure published as "more than" makes the CAGR a bound: "> 27.1%"
    sign = "" if bound is None else bound.sign.strip()

    with house_style():
        fig, ax = new_figure()
        upright = _labelled_bars(
            ax, years, growth, [f"{m}{g:.1f}" for m, g in zip(signs, growth, strict=True)]
        )
        if rate is not None:
            ax.axhline(
                rate,
                color=COLORS["cagr"],
                ls="--",
                lw=1.4,
                label=f"CAGR {start}-{last}: {sign}{rate:.1f}%",
            )
        high = max([*growth, rate or 0.0, 0.0])
        low = min([*growth, rate or 0.0, 0.0])
        span = high - low
        # room above the bars for the legend, and below a falling bar for its label: with
        # every rate negative the top was 1.0 and the legend lay over the bars
        # (upright labels are taller: more room above the highest bar)
        top = high * (1.5 if upright else 1.25) + 1.0 if high > 0 else 0.3 * span + 1.0
        ax.set_ylim(bottom=low - 0.08 * span if low < 0 else None, top=top)
        ax.legend(loc="upper left", ncols=2)
        integer_ticks(ax)
        # from the first year that could have a bar: a year the footnote says has none
        # (a gap, two bounds: CAICT's 2022) was left off the axis, which began at 2023
        ax.set_xlim(min(first + 1, last) - 0.6, last + 0.6)
        if last - first <= _UPRIGHT_BAR_LABELS:  # a year under every bar, as before
            ax.set_xticks(range(min(first + 1, last), last + 1))
        ax.axhline(0, color="#444444", lw=0.8)
        style_axes(
            ax,
            ylabel="growth, percent per year",
            title=title
            or series_title(
                sid, "growth year on year", prefix="Growth of ", suffix=": year on year"
            ),
        )
        unit = first_unit(hist)
        basis = (
            "Computed from the counts"  # "from levels in count" read as a unit named count
            if unit.strip() == "count"
            else f"Computed from levels in {unit_heading(unit)}"
            if unit
            else "Computed from levels"
        )
        note = source if source is not None else source_text(hist)
        nonpositive = _nonpositive_years(hist)
        missing = (
            "years without the previous year, and years from or to a level at or below zero "
            f"({nonpositive}), have no bar"
            if nonpositive
            else "years without the previous year have no bar"
        )
        if open_years:
            missing += (
                f", nor {', '.join(map(str, open_years))}, where both figures are bounds "
                "('more than') that leave the rate open"
            )
        marked = (
            " '>'/'<': at least/at most, from a figure published as a bound." if any(signs) else ""
        )
        add_footnote(fig, f"{basis}; {missing}.{marked} {note}".strip())
    return fig


def _plot_changes(
    hist: pd.DataFrame, change: str, *, title: str | None, source: str | None
) -> Figure:
    """:func:`plot_growth` for a series in percent, pp or bp: year-on-year changes in
    ``change`` ("pp" or "bp") as bars, the average change a year as a line."""
    from idcforecast.report._growth import CHANGE_WORDS, change_bound, signed, yoy_changes

    sid = str(hist["series_id"].iloc[0])
    all_years = hist["year"].to_numpy(dtype=int)
    changes = yoy_changes(all_years, hist["value"].to_numpy(dtype=float))
    shown = ~np.isnan(changes)
    years, growth, signs, open_years = _bounded_bars(hist, all_years[shown], changes[shown])
    first, last = int(all_years[0]), int(all_years[-1])
    bound = change_bound(hist)
    average = None if bound is None or last == first else bound.rate / (last - first)
    decimals = LevelFormat.for_values(
        hist["value"], published=published_values(hist), unit=first_unit(hist)
    ).decimals
    words = CHANGE_WORDS[change]

    with house_style():
        fig, ax = new_figure()
        upright = _labelled_bars(
            ax,
            years,
            growth,
            [f"{m}{signed(g, decimals)}" for m, g in zip(signs, growth, strict=True)],
        )
        if average is not None and bound is not None:
            ax.axhline(
                average,
                color=COLORS["cagr"],
                ls="--",
                lw=1.4,
                label=f"average {first}-{last}: {bound.sign.strip()}"
                f"{signed(average, decimals + int(is_percent(first_unit(hist))))} {change} a year",
            )
        high = max([*growth, average or 0.0, 0.0])
        low = min([*growth, average or 0.0, 0.0])
        span = (high - low) or 1.0
        top = high + (0.5 if upright else 0.3) * span if high > 0 else 0.3 * span
        ax.set_ylim(bottom=low - 0.08 * span if low < 0 else None, top=top)
        ax.legend(loc="upper left", ncols=2)
        # from the first year that could have a bar: a year the footnote says has none
        # (a gap, two bounds: CAICT's 2022) was left off the axis, which began at 2023
        ax.set_xlim(min(first + 1, last) - 0.6, last + 0.6)
        if last - first <= _UPRIGHT_BAR_LABELS:  # a year under every bar, as before
            ax.set_xticks(range(min(first + 1, last), last + 1))
        integer_ticks(ax)
        ax.axhline(0, color="#444444", lw=0.8)
        style_axes(
            ax,
            ylabel=f"change, {words}",
            title=title
            or series_title(
                sid, "change year on year", prefix="Change of ", suffix=": year on year"
            ),
        )
        missing = "years without the previous year have no bar"
        if open_years:
            missing += (
                f", nor {', '.join(map(str, open_years))}, where both figures are bounds "
                "('more than') that leave the change open"
            )
        marked = (
            " '>'/'<': at least/at most, from a figure published as a bound." if any(signs) else ""
        )
        note = source if source is not None else source_text(hist)
        basis = (
            f"Changes in {words} ({change}) of levels in {unit_heading(first_unit(hist))}, "
            "not growth rates"
        )
        add_footnote(fig, f"{basis}; {missing}.{marked} {note}".strip())
    return fig


def _bounded_bars(
    hist: pd.DataFrame, years: np.ndarray, values: np.ndarray
) -> tuple[np.ndarray, np.ndarray, list[str], list[int]]:
    """The bars a year-on-year chart draws: ``years`` and ``values`` without the years whose
    two figures are bounds that leave the rate or change open, each kept bar's mark ("",
    ">", "<", "~"; :func:`_yoy_marks`) and the open years, which the footnote names."""
    marks = _yoy_marks(hist, years)
    kept = np.array([m is not None for m in marks], dtype=bool)
    open_years = [int(y) for y, m in zip(years, marks, strict=True) if m is None]
    signs = [m.strip() for m in marks if m is not None]
    return years[kept], values[kept], signs, open_years


def _labelled_bars(ax: Axes, years: np.ndarray, values: np.ndarray, texts: list[str]) -> bool:
    """Bars of ``values`` labelled ``texts``, on white so that an average or CAGR line
    passes behind a label, not through it; whether the labels stand upright (beyond
    :data:`_UPRIGHT_BAR_LABELS` bars, labels side by side ran into one another:
    "8.38.07.78.0" over 43 years)."""
    bars = ax.bar(years, values, color=COLORS["growth"], width=0.7, label="year on year")
    upright = len(years) > _UPRIGHT_BAR_LABELS
    labels = ax.bar_label(
        bars, labels=texts, fontsize=6.5 if upright else 7, padding=2, rotation=90 if upright else 0
    )
    for label in labels:
        label.set_bbox({"facecolor": "white", "edgecolor": "none", "pad": 0.8})
        label.set_zorder(4)
    return upright


def _yoy_marks(hist: pd.DataFrame, years: np.ndarray) -> list[str | None]:
    """The mark of each year's YoY rate ("", "> ", "< ", "~ "...) as the summary table
    prints it, from the qualifiers of the year and the year before; None when the two
    bounds leave the rate open."""
    from idcforecast.report._growth import RateMark, rate_qualifier

    by_year = dict(zip(hist["year"].astype(int), qualifiers(hist, what="history"), strict=True))
    marks: list[str | None] = []
    for year in years:
        how = rate_qualifier(by_year[int(year) - 1], by_year[int(year)])
        marks.append(None if how is None else RateMark(0.0, *how).sign)
    return marks


_UPRIGHT_BAR_LABELS = 16


def _yoy_percent(hist: pd.DataFrame) -> tuple[np.ndarray, np.ndarray]:
    from idcforecast.report._growth import yoy_percent

    return yoy_percent(hist)


def _cagr_start_year(hist: pd.DataFrame) -> int | None:
    from idcforecast.report._growth import cagr_start_year

    return cagr_start_year(hist)


def _nonpositive_years(hist: pd.DataFrame) -> str:
    from idcforecast.report._growth import nonpositive_years

    return nonpositive_years(hist)


def _cagr_bound(hist: pd.DataFrame) -> RateMark | None:
    from idcforecast.report._growth import cagr_bound

    return cagr_bound(hist)
