"""The series as published: the Growth section (year-on-year growth and the CAGR) and the
Summary table (actuals and forecast, year by year)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from idcforecast._history_notes import computed_by_formula, is_estimate_note
from idcforecast._wording import FX_CONVERTED, FX_GROWTH
from idcforecast.report._frames import (
    RANGE_MARK,
    fx_conversions,
    published_currencies,
    qualifier_note,
    range_midpoints,
)
from idcforecast.report._growth import (
    CHANGE_WORDS,
    cagr_start_year,
    history_change_unit,
    nonpositive_years,
    series_kind,
)
from idcforecast.report.charts import plot_growth
from idcforecast.report.sections._titles import chart_title
from idcforecast.report.tables import cagr_from, format_summary, summary_table

if TYPE_CHECKING:
    import pandas as pd

    from idcforecast.report.context import ReportContext
    from idcforecast.report.pdf import ReportDocument

__all__ = ["growth", "summary"]


def _fx_growth_note(ctx: ReportContext) -> str:
    """One sentence on figures converted between currencies ("" when none was): their
    growth includes FX moves, as ``idcforecast show --unit`` says."""
    converted = fx_conversions(ctx.history)
    if not converted:
        return ""
    return (
        f"Figures published in {published_currencies(converted)} were {FX_CONVERTED}; "
        f"{FX_GROWTH} (see Assumptions)."
    )


def growth(ctx: ReportContext, doc: ReportDocument) -> None:
    """Year-on-year growth and the CAGR; rates from or to a level at or below zero are left
    out, as in the summary table (a paragraph alone when that leaves none)."""
    from idcforecast.report._growth import yoy_percent

    hist = ctx.history
    change = history_change_unit(hist)
    if change:  # a share: changes in percentage points, defined from and to any level
        fig = plot_growth(hist, title=chart_title(ctx, "change year on year"))
        fx = _fx_growth_note(ctx)
        doc.heading("Change", keep=doc.chart_height(fig) + 12)
        doc.paragraph(
            f"The series is {series_kind(ctx.unit)}, so its year-on-year changes are given in "
            f"{CHANGE_WORDS[change]} ({change}), not as growth rates (a share going from 1.5% "
            "to 3.0% rose by 1.5 pp, which as a growth rate would read +100%). Changes are "
            "shown only where the previous year was published or derived; gaps in the data "
            "stay gaps (never interpolated here)." + (f" {fx}" if fx else "")
        )
        doc.chart(fig)
        return
    nonpositive = nonpositive_years(hist)
    start = cagr_start_year(hist)
    if nonpositive and not len(yoy_percent(hist)[0]) and start is None:
        doc.heading("Growth")
        doc.paragraph(
            f"Growth rates are not shown: a growth rate (and a CAGR) is undefined from or to "
            f"a level at or below zero, and every rate of this series would touch one "
            f"({nonpositive}). The summary table gives the levels."
        )
        return
    fig = plot_growth(hist, title=chart_title(ctx, "growth year on year"))
    if not fig.axes[0].patches and not nonpositive:  # not one bar: an empty chart
        # (the racks series, 2019, 2021-2022, 2024: gaps and two "more than" figures, drew
        # axes of 26-34% holding the CAGR line alone)
        import matplotlib.pyplot as plt

        plt.close(fig)
        doc.heading("Growth")
        doc.paragraph(no_growth_bars(hist, start))
        return
    text = (
        "Year-on-year growth is shown only where the previous year was published or derived; "
        "gaps in the data stay gaps (never interpolated here)."
    )
    if nonpositive:
        first_year = int(hist["year"].iloc[0])
        text += (
            " A growth rate from or to a level at or below zero is undefined, so none is "
            f"shown from or to such a year ({nonpositive}); the other years keep theirs. "
            + (
                "No CAGR is shown: the latest level is at or below zero."
                if start is None
                else f"The CAGR compounds from {start}, after the last level at or below zero."
                if start != first_year
                else ""
            )
        ).rstrip()
    fx = _fx_growth_note(ctx)
    text += f" {fx}" if fx else ""
    doc.heading("Growth", keep=doc.chart_height(fig) + 12)
    doc.paragraph(text)
    doc.chart(fig)


def no_growth_bars(hist: pd.DataFrame, start: int | None) -> str:
    """Why the Growth section has no chart: no year of ``hist`` has a year-on-year rate to
    draw, each lacking its previous year (a gap) or lying between two figures published
    as bounds on the same side, which leave the rate open; where the CAGR from ``start``
    is given instead.

    Examples
    --------
    >>> import pandas as pd
    >>> h = pd.DataFrame({"series_id": "r", "year": [2019, 2021, 2022, 2024],
    ...     "value": [265.8, 520.0, 650.0, 880.0], "unit": "racks 10k",
    ...     "qualifier": ["exact", "at_least", "at_least", "at_least"]})
    >>> print(no_growth_bars(h, 2019))  # doctest: +NORMALIZE_WHITESPACE
    No year-on-year growth can be shown: each year lacks its previous year in the data
    (gaps stay gaps, never interpolated here), or both figures are bounds that leave the
    rate open (2022). The growth from 2019 compounded is in the executive summary and in
    the summary table's 'CAGR to date' column.
    """
    from idcforecast.report._growth_chart import _bounded_bars, _yoy_percent

    years, growth = _yoy_percent(hist)
    open_years = _bounded_bars(hist, years, growth)[3]
    text = (
        "No year-on-year growth can be shown: each year lacks its previous year in the data "
        "(gaps stay gaps, never interpolated here)"
        + (
            f", or both figures are bounds that leave the rate open "
            f"({', '.join(map(str, open_years))})"
            if open_years
            else ""
        )
        + "."
    )
    if start is not None:
        text += (
            f" The growth from {start} compounded is in the executive summary and in the "
            "summary table's 'CAGR to date' column."
        )
    return text


def summary(ctx: ReportContext, doc: ReportDocument) -> None:
    """The year-by-year table of actuals and forecast."""
    doc.heading("Summary table")
    raw = summary_table(ctx.history, ctx.forecast)
    fmt = ctx.figures
    # actuals as published ("0.4" TWh), forecasts below 1 to three digits ("0.637")
    table = format_summary(raw, decimals=fmt.decimals, actual_decimals=ctx.actual_figures.decimals)
    marks = qualifier_note(raw["qualifier"])
    ranges = range_midpoints(ctx.history)
    if ranges:  # a range read as its midpoint is marked like "about" and "more than" figures
        value = table.columns[1]
        for i, year in enumerate(raw["year"]):
            if raw["kind"].iloc[i] != "forecast" and int(year) in ranges:
                table.loc[i, value] = f"{table.loc[i, value]} {RANGE_MARK}"
        spans = ", ".join(
            f"{year}: {ctx.actual_figures.text(lo)}-{ctx.actual_figures.text(hi)}"
            for year, (lo, hi) in ranges.items()
        )
        marks = (
            f"{marks} " if marks else ""
        ) + f"'{RANGE_MARK}' marks the midpoint of a range as published ({spans})."
    estimates = (
        " 'estimate' rows are estimates in the source table (such as 2021E), read as data "
        "as asked (estimates='keep'): the forecast starts from them."
        if "note" in ctx.history.columns and ctx.history["note"].map(is_estimate_note).any()
        else ""
    )
    if "yoy" in raw.columns and not (raw["value"] > 0).all():
        start = cagr_from(raw)
        estimates += (
            " Growth rates from or to a level at or below zero are undefined and left out ('–')"
            + (
                "; so is every CAGR, the latest actual being at or below zero."
                if start is None
                else f"; the CAGR compounds from {start}, after the last level at or below zero."
                if start != int(raw["year"].iloc[0])
                else "."
            )
        )
    fx = _fx_growth_note(ctx)
    intervals = "intervals are the forecast's 80% and 95% prediction intervals."
    how = (  # a user's workbook formula is no compiler's growth
        "computed from other figures (by formulas of the workbook read: each row's note "
        "names its formula), not published"
        if computed_by_formula(ctx.history)
        else "computed by the data's compiler from a neighbouring year's reported growth"
    )
    lead = (  # only when a row is derived (the sentence was in every report)
        f" 'derived' rows were {how}; {intervals}"
        if (raw["kind"] == "derived").any()
        else f" {intervals[0].upper()}{intervals[1:]}"
    )
    doc.paragraph(
        ("Values are plain counts." if ctx.plain_count else f"Values in {ctx.heading_text()}.")
        + f"{lead}{estimates}"
        + (f" {fx}" if fx else "")
        + (f" {marks}" if marks else ""),
        size=8.5,
        muted=True,
    )
    doc.table(
        table,
        col_widths="fit",
        align=("RIGHT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "LEFT"),
    )
