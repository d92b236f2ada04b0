"""The sections of the PDF report: one function each, listed in order in :data:`SECTIONS`.

A section is ``render(ctx, doc)``: it reads a :class:`~idcforecast.report.context.ReportContext`
and writes into a :class:`~idcforecast.report.pdf.ReportDocument`. Adding a section to the
report is one more :class:`Section` entry; ``when`` skips it when its inputs are missing
(scenarios appear only when a scenario file was given).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from idcforecast._cells import is_estimate_note
from idcforecast._normalize import conversion_in
from idcforecast._wording import FX_CONVERTED, FX_GROWTH, counted, level_words, qualifier_sign
from idcforecast.report._frames import (
    RANGE_MARK,
    fx_conversions,
    published_currencies,
    qualifier_note,
    qualifiers,
    range_midpoints,
)
from idcforecast.report._growth import cagr_bound, cagr_start_year, nonpositive_years
from idcforecast.report.charts import (
    plot_backtest,
    plot_claims,
    plot_forecast,
    plot_growth,
    plot_scenarios,
)
from idcforecast.report.fonts import without_cjk
from idcforecast.report.style import unit_label
from idcforecast.report.tables import cagr_from, format_summary, summary_table

if TYPE_CHECKING:
    import pandas as pd

    from idcforecast.report._numbers import LevelFormat
    from idcforecast.report.context import ReportContext
    from idcforecast.report.pdf import ReportDocument

__all__ = ["SECTIONS", "Section", "render_sections"]


# fewer backtest forecasts than this are too few to call a track record
_FEW_FORECASTS = 5
# the height of an A4 page's text area below the running header, in mm
_PAGE_BODY_MM = 240.0


def _always(ctx: ReportContext) -> bool:
    return True


@dataclass(frozen=True)
class Section:
    """A titled part of the report and the function that writes it."""

    title: str
    render: Callable[[ReportContext, ReportDocument], None]
    when: Callable[[ReportContext], bool] = _always


def _amount(number: str, unit: str) -> str:
    """A number with its unit for prose: "5,078.3 CNY 100 million", and "880.0 × 10
    thousand racks" where the unit starts with its multiplier (not "880.0 10 thousand")."""
    label = unit_label(unit)
    return f"{number} × {label}" if label[:1].isdigit() else f"{number} {label}"


def _pct(fraction: float) -> str:
    return f"{100 * fraction:.1f}%"


def _final(ctx: ReportContext) -> pd.Series:
    return ctx.forecast.sort_values("year").iloc[-1]


def _cagr(start: float, end: float, years: int) -> float:
    from idcforecast.growth import cagr

    return float(cagr(start, end, years))


def _published_growth(hist: pd.DataFrame, start: int, end: int, how: str) -> str:
    """ " (in CNY, as published: 11.7% a year)" beside a CAGR in a converted currency when
    both end figures were published in one other currency; "" otherwise (or for a bound)."""
    from idcforecast.report._frames import published_cagr

    found = published_cagr(hist, start, end) if how == "exact" else None
    if found is None:
        return ""
    currency, rate = found
    return f" (in {currency}, as published: {_pct(rate)} a year)"


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


def _scope(ctx: ReportContext) -> str:
    if "scope" in ctx.history.columns:
        scopes = [s for s in ctx.history["scope"].astype(str).unique() if s]
        if scopes:
            return ", ".join(scopes)
    return "not stated"


# -- the sections -------------------------------------------------------------------------


def cover(ctx: ReportContext, doc: ReportDocument) -> None:
    """Title, the series and its unit, data vintage, date and version."""
    p = ctx.provenance
    hist = ctx.history
    first = int(hist["year"].iloc[0])
    # a user's file has a blank as_of: the sentence used to end "the latest as of ;"
    as_of = str(hist["as_of"].iloc[-1]).strip() if "as_of" in hist.columns else ""
    as_of_text = f", the latest as of {as_of}" if as_of and as_of.lower() != "nan" else ""
    doc.heading(ctx.title, level=0)
    doc.paragraph(
        f"Series {ctx.series_id} (scope: {_scope(ctx)}), in {ctx.unit_text()}. "
        f"Forecast to {p.horizon_to}.",
        size=10.5,
    )
    doc.paragraph(
        f"Data vintage: {len(hist)} annual figures, {first}-{ctx.last_year}{as_of_text}; "
        f"from {p.data_label}. Report date {p.report_date}; "
        f"idcforecast {p.package_version}.",
        size=8.5,
        muted=True,
    )


def executive_summary(ctx: ReportContext, doc: ReportDocument) -> None:
    """The key numbers: latest value, CAGR, the final-year central value and range."""
    hist = ctx.history
    first_year = int(hist["year"].iloc[0])
    span = ctx.last_year - first_year
    end = _final(ctx)
    end_year = int(end["year"])
    estimate = _estimate_last(hist)
    fmt = ctx.figures
    label = f"Latest estimate ({ctx.last_year})" if estimate else f"Latest actual ({ctx.last_year})"
    qualifier = _last_qualifier(ctx)
    figures = [(label, qualifier_sign(qualifier) + fmt.text(ctx.last_value), ctx.unit_text())]
    latest = level_words(qualifier) + _amount(fmt.text(ctx.last_value), ctx.unit)
    lines = [
        # the plain unit label here: a line with Chinese is set in the CJK face (no bold)
        f"**Latest:** {latest} in {ctx.last_year}"
        + (
            " (derived, not published)."
            if _derived_last(hist)
            else " (an estimate read as data, not published)."
            if estimate
            else "."
        )
    ]
    # compound growth needs levels > 0 (from the first positive year of a series that
    # starts at 0); a figure published as "more than" bounds it
    start = cagr_start_year(hist) if span > 0 else None
    bound = cagr_bound(hist) if start is not None else None
    if bound is not None and start is not None:
        rate, how = bound.rate / 100.0, bound.qualifier
        figures.append(
            (
                f"CAGR {start}-{ctx.last_year}",
                bound.sign + _pct(rate),
                counted(ctx.last_year - start, "year"),
            )
        )
        lines.append(
            f"**Growth:** {bound.words}{_pct(rate)} a year compounded from {start}"
            + (
                f", after the last level at or below zero ({nonpositive_years(hist)})"
                if start != first_year
                else ""
            )
            + (
                f" (the {ctx.last_year if how == 'at_least' else start} figure is a bound)"
                if how in ("at_least", "at_most")
                else ""
            )
            + (f", in {unit_label(ctx.unit)}: {FX_GROWTH}" if fx_conversions(hist) else "")
            + _published_growth(hist, start, ctx.last_year, how)
            + "."
        )
    figures.append(
        (
            f"{end_year} central ('{ctx.model}')",
            fmt.short(float(end["mean"])),
            f"80%: {fmt.short(end['lo_80'])}-{fmt.short(end['hi_80'])}",
        )
    )
    doc.heading("Executive summary")
    doc.key_figures(figures)
    if ctx.last_value > 0 and float(end["mean"]) > 0:
        implied = _cagr(ctx.last_value, float(end["mean"]), end_year - ctx.last_year)
        pace = f"{_pct(implied)} a year from {ctx.last_year}"
    else:  # a level at or below zero: the change, not a compound rate
        pace = f"a change of {fmt.text(float(end['mean']) - ctx.last_value)} from {ctx.last_year}"
    lines.append(
        f"**Forecast:** {_amount(fmt.text(float(end['mean'])), ctx.unit)} in {end_year} "
        "(80% interval "
        f"{fmt.text(end['lo_80'])}-{fmt.text(end['hi_80'])}; 95% {fmt.text(end['lo_95'])}-"
        f"{fmt.text(end['hi_95'])}), {pace}."
    )
    accuracy = _accuracy_row(ctx)
    if accuracy is not None:
        few = int(accuracy["n"]) < _FEW_FORECASTS
        lines.append(
            f"**Track record of the method on this series:** backtest sMAPE "
            f"{accuracy['smape']:.1f}%; its 80% intervals held {_held(accuracy)}"
            # one or two backtest forecasts used to read like a track record
            + (" (too few forecasts to judge the method by)." if few else ".")
        )
    lines += _claims_lines(ctx)
    doc.bullets(lines, markdown=True)
    doc.chart(
        plot_forecast(ctx.history, ctx.forecast, title=_chart_title(ctx, "forecast"), figures=fmt)
    )
    doc.table(
        _key_years(ctx),
        col_widths=(12, 14, 30, 34, 34),
        align=("RIGHT", "LEFT", "RIGHT", "RIGHT", "RIGHT"),
        size=8.0,
    )


def _held(accuracy: pd.Series) -> str:
    """How many backtest outcomes the 80% intervals held: a share of many forecasts, a
    count of few ("100.0%" of one forecast was false precision).

    Examples
    --------
    >>> import pandas as pd
    >>> _held(pd.Series({"coverage_80": 1.0, "n": 1}))
    '1 of 1 outcome'
    >>> _held(pd.Series({"coverage_80": 2 / 3, "n": 3}))
    '2 of 3 outcomes'
    >>> _held(pd.Series({"coverage_80": 14 / 15, "n": 15}))
    '93.3% of the outcomes (15 forecasts)'
    """
    n = int(accuracy["n"])
    if n < 10:
        return f"{round(float(accuracy['coverage_80']) * n)} of {counted(n, 'outcome')}"
    return f"{_pct(accuracy['coverage_80'])} of the outcomes ({counted(n, 'forecast')})"


def _claims_lines(ctx: ReportContext) -> list[str]:
    """One line on the published claims and one on how published forecasts fared."""
    import pandas as pd

    lines = []
    checks = ctx.claims
    if checks is not None and len(checks):
        bad = checks[checks["consistent"].fillna(True).astype(bool) == False]  # noqa: E712
        named = f" ({', '.join(bad['claim_set'].astype(str))})" if len(bad) else ""
        lines.append(
            f"**Published claims:** {len(bad)} of {len(checks)} claim sets about this series "
            f"{'is' if len(bad) == 1 else 'are'} internally inconsistent{named}."
        )
    record = ctx.track_record
    if record is not None and len(record):
        done = record[record["forecast"].astype(bool) & (record["status"] == "realised")]
        if len(done):
            held = int(done["held"].astype(bool).sum())
            error = float(pd.to_numeric(done["error"]).mean())
            side = "below" if error < 0 else "above"
            lines.append(
                f"**Published forecasts:** {len(done)} came due; {held} held; on average "
                f"they were {abs(100 * error):.1f}% {side} the actual."
            )
    return lines


def _key_years(ctx: ReportContext) -> pd.DataFrame:
    """The last actual and every other forecast year (always the final one)."""
    import pandas as pd

    fmt = ctx.figures
    fc = ctx.forecast.sort_values("year").reset_index(drop=True)
    picked = fc.iloc[sorted({*range(0, len(fc), 2), len(fc) - 1})]
    kind = "estimate" if _estimate_last(ctx.history) else "actual"
    last = qualifier_sign(_last_qualifier(ctx)) + fmt.text(ctx.last_value)
    rows = [(str(ctx.last_year), kind, last, "–", "–")]
    rows += [
        (
            str(int(r["year"])),
            "forecast",
            fmt.text(r["mean"]),
            f"{fmt.text(r['lo_80'])}–{fmt.text(r['hi_80'])}",
            f"{fmt.text(r['lo_95'])}–{fmt.text(r['hi_95'])}",
        )
        for _, r in picked.iterrows()
    ]
    return pd.DataFrame(
        rows,
        columns=["Year", "", f"Value ({unit_label(ctx.unit)})", "80% interval", "95% interval"],
    )


def _chart_title(ctx: ReportContext, what: str) -> str:
    """A chart title: chart text is DejaVu only, so a title in Chinese ("市场规模") loses its
    CJK characters (fpdf2 would drop them from the drawing, leaving ": forecast")."""
    name = without_cjk(ctx.title, placeholder="")
    return f"{name}: {what}" if name else what[0].upper() + what[1:]


def _last_qualifier(ctx: ReportContext) -> str:
    """The qualifier of the latest actual ("exact", "at_least"...)."""
    return qualifiers(ctx.history.iloc[-1:], what=f"history of series {ctx.series_id!r}")[0]


def _derived_last(hist: pd.DataFrame) -> bool:
    return "derived" in hist.columns and bool(hist["derived"].iloc[-1])


def _estimate_last(hist: pd.DataFrame) -> bool:
    return "note" in hist.columns and is_estimate_note(hist["note"].iloc[-1])


def _accuracy_row(ctx: ReportContext) -> pd.Series | None:
    acc = ctx.accuracy
    if acc is None or len(acc) == 0:
        return None
    rows = acc[(acc["series_id"].astype(str) == ctx.series_id) & (acc["model"] == ctx.model)]
    return rows.iloc[0] if len(rows) else None


def growth(ctx: ReportContext, doc: ReportDocument) -> None:
    """Year-on-year growth and the CAGR; rates from or to a level at or below zero are left
    out, as in the summary table (a paragraph alone when that leaves none)."""
    from idcforecast.report._growth import yoy_percent

    hist = ctx.history
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
    fig = plot_growth(hist, title=_chart_title(ctx, "growth year on year"))
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


def summary(ctx: ReportContext, doc: ReportDocument) -> None:
    """The year-by-year table of actuals and forecast."""
    doc.heading("Summary table")
    raw = summary_table(ctx.history, ctx.forecast)
    fmt = ctx.figures
    table = format_summary(raw, decimals=fmt.decimals)
    marks = qualifier_note(raw["qualifier"])
    ranges = range_midpoints(ctx.history)
    if ranges:  # a range read as its midpoint is marked like "about" and "more than" figures
        value = table.columns[1]
        for i, year in enumerate(raw["year"]):
            if raw["kind"].iloc[i] != "forecast" and int(year) in ranges:
                table.loc[i, value] = f"{table.loc[i, value]} {RANGE_MARK}"
        spans = ", ".join(
            f"{year}: {fmt.text(lo)}-{fmt.text(hi)}" for year, (lo, hi) in ranges.items()
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
    if not (raw["value"] > 0).all():
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
    lead = (  # only when a row is derived (the sentence was in every report)
        " 'derived' rows were computed by the data's compiler from a neighbouring year's "
        f"reported growth; {intervals}"
        if (raw["kind"] == "derived").any()
        else f" {intervals[0].upper()}{intervals[1:]}"
    )
    doc.paragraph(
        f"Values in {ctx.unit_text()}.{lead}{estimates}"
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


def _has_claims(ctx: ReportContext) -> bool:
    return ctx.claims is not None and len(ctx.claims) > 0


def claims(ctx: ReportContext, doc: ReportDocument) -> None:
    """Published claims about the series: are they consistent, and did they come true?"""
    import pandas as pd

    checks = ctx.claims
    assert checks is not None  # guarded by _has_claims
    doc.heading("Claims and track record")
    doc.paragraph(
        "Growth claims published about this market, checked for internal consistency (does "
        "the stated growth rate connect the stated levels?) and, for forecasts, against what "
        "happened. Checked with idcforecast.check_claims and idcforecast.track_record."
    )
    verdict = {True: "consistent", False: "inconsistent"}
    doc.table(
        pd.DataFrame(
            {
                "Claim set": checks["claim_set"].astype(str),
                "Claims": checks["claims"].astype(str),
                "Verdict": [
                    verdict.get(v, "not checkable") if not pd.isna(v) else "not checkable"
                    for v in checks["consistent"]
                ],
                "Explanation": checks["explanation"].astype(str),
            }
        ),
        # 35 mm holds a set id like "global_times_2020_07_07" (31.9 mm at 7 pt + padding)
        col_widths=(35, 37, 20, 82),
        size=7.0,
    )
    record = ctx.track_record
    if record is None or not len(record):
        return
    forecasts = record[record["forecast"].astype(bool)]
    fmt = ctx.figures
    if len(forecasts):
        fig = plot_claims(record, history=ctx.history, figures=fmt)
        table = pd.DataFrame(
            {
                # the chart labels a forecast whose maker is named in Chinese by its set
                "Claim set": forecasts["claim_set"].astype(str),
                "By": forecasts["by"].astype(str),
                "Made": forecasts["made"].astype(str),
                "For": forecasts["year"].astype(str),
                "Forecast": [
                    qualifier_sign(str(q)) + fmt.text(v)
                    for q, v in zip(forecasts["qualifier"], forecasts["value"], strict=True)
                ],
                "Actual": [
                    qualifier_sign(str(q)) + fmt.text(v)
                    for q, v in zip(
                        forecasts.get("actual_qualifier", [""] * len(forecasts)),
                        forecasts["actual"],
                        strict=True,
                    )
                ],
                "Error": ["–" if pd.isna(e) else f"{100 * e:+.1f}%" for e in forecasts["error"]],
                "Held": [  # NA: no actual for that year yet
                    "not yet" if pd.isna(h) else "yes" if h else "no" for h in forecasts["held"]
                ],
            }
        )
        # 38 mm holds "global_times_2020_07_07" and 18 mm "2020-07-07" on one line
        widths = (38, 40, 18, 10, 19, 18, 16, 15)
        # the chart and its table on one page when they fit on one (the table used to
        # open the next page alone, under no heading)
        together = doc.chart_height(fig) + doc.table_height(table, col_widths=widths, size=7.5)
        keep = together if together < _PAGE_BODY_MM else doc.chart_height(fig)
        doc.heading("Track record of published forecasts", level=2, keep=keep)
        doc.chart(fig)
        doc.table(
            table,
            col_widths=widths,
            align=("LEFT", "LEFT", "LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT", "LEFT"),
            size=7.5,
        )


def _has_scenarios(ctx: ReportContext) -> bool:
    return ctx.scenarios is not None


def scenarios(ctx: ReportContext, doc: ReportDocument) -> None:
    """Scenario medians and ranges for the final year (only when a scenario file is given)."""
    import pandas as pd

    result = ctx.scenarios
    assert result is not None  # guarded by _has_scenarios
    intro = (
        f"{result.description or 'Scenarios'} (from {result.source}; {result.n_paths:,} "
        "Monte Carlo paths per scenario, drawn from the forecast's calibrated error "
        "distribution, then adjusted by each scenario's growth changes, shocks and caps)."
    )
    items = [
        f"**{name}**"
        + (f" (weight {weight:g})" if weight is not None else "")
        + (f": {text}" if text else "")
        for name, text, weight in result.scenarios
    ]
    fmt = ctx.figures
    fig = plot_scenarios(result.table, history=ctx.history, figures=fmt)
    # the heading, its text and the chart on one page: the chart used to open the next
    # page, leaving the section's words alone under half a page of white
    keep = (
        doc.text_height(intro)
        + sum(doc.text_height(item) + 0.6 for item in items)
        + 1.0
        + doc.chart_height(fig)
    )
    doc.heading("Scenarios", keep=keep if keep < _PAGE_BODY_MM else 30.0)
    doc.paragraph(intro)
    doc.bullets(items, markdown=True)
    doc.chart(fig)
    table = result.table
    levels = table[(table["quantity"] == "level") & (table["year"] == table["year"].max())]
    cagr = table[table["quantity"] == "cagr"].set_index("scenario")
    rows = []
    for _, row in levels.iterrows():
        name = str(row["scenario"])
        growth = f"{cagr.loc[name, 'p50']:.1f}%" if name in cagr.index else "–"
        rows.append(
            (
                name,
                fmt.short(row["p50"]),
                # an en dash, as every other range in the report's tables
                f"{fmt.short(row['p10'])}–{fmt.short(row['p90'])}",
                f"{fmt.short(row['p5'])}–{fmt.short(row['p95'])}",
                growth,
            )
        )
    year = int(levels["year"].max())
    doc.table(
        pd.DataFrame(
            rows,
            columns=["Scenario", f"{year} median", "10-90%", "5-95%", "median CAGR"],
        ),
        align=("LEFT", "RIGHT", "RIGHT", "RIGHT", "RIGHT"),
    )
    if result.probabilities is not None:
        probs = result.probabilities
        doc.paragraph(
            f"Probability that the {year} value exceeds each level (in {unit_label(ctx.unit)}), "
            "as the share of simulated paths above it"
            + (
                "; the weighted row mixes the scenarios by their weights."
                if "weighted" in map(str, probs.index)
                else "."
            )
            + " The levels are 0.75, 1 and 1.5 times the median scenario's "
            f"{year} median, rounded to two significant figures."
        )
        doc.table(
            pd.DataFrame(
                [
                    (str(name), *(f"{100 * p:.0f}%" for p in row))
                    for name, row in zip(probs.index, probs.to_numpy(), strict=True)
                ],
                columns=["Scenario", *map(str, probs.columns)],
            ),
            align=("LEFT", *("RIGHT",) * probs.shape[1]),
        )


def methodology(ctx: ReportContext, doc: ReportDocument) -> None:
    """The models, the interval calibration and this series' backtest accuracy."""
    notes = [n for n in ctx.forecast.get("note", []) if isinstance(n, str) and n]
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
    if int((ids != "(all)").sum()) == 1:
        return accuracy[ids != "(all)"]
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
    return text + (
        ". sMAPE: the absolute error as a percentage of the average of forecast and actual, "
        "averaged over the forecasts (0% is perfect). MASE: the absolute error divided by "
        "the series' average year-on-year change up to the cutoff (1.0 is a miss the size "
        "of a typical year's change). Coverage: the share of actual values that fell inside "
        "the 80% and 95% intervals (well-calibrated intervals hold about 80% and 95%)."
    )


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
        f"(idcforecast.calibration).{few}"
    )


def _other_methods(ctx: ReportContext, doc: ReportDocument) -> None:
    """The series under other assumptions, with their backtest on the same cutoffs."""
    from idcforecast.auto import AUTO_MEMBERS
    from idcforecast.comparison import COMPARED_METHODS

    alt = ctx.alternatives
    assert alt is not None
    members = ", ".join(m.name for m in AUTO_MEMBERS)
    meaning = dict(COMPARED_METHODS) | {"auto": f"the median of {members}"}
    shown = [m for m in alt["model"] if m != ctx.model and m in meaning]
    n = alt["n"].dropna().astype(int)
    text = (
        f"The same series under other assumptions, to {ctx.provenance.horizon_to}: "
        + "; ".join(f"'{m}': {meaning[m]}" for m in shown)
        + ". "
        + (
            f"Their backtest is scored on the {counted(int(n.max()), 'forecast')} whose "
            f"{'cutoff' if int(n.max()) == 1 else 'cutoffs'} every method could use (so the "
            "report's method scores here may differ from the table above). "
            if len(n)
            else ""
        )
        + (
            "A method that did better on this one short history is not thereby the better "
            "forecast: 'auto' was chosen on thousands of annual series of forecasting "
            "competitions, on which switching a series to the method with the lower "
            "backtest error of its own lost accuracy (README, Forecasting)."
            if ctx.model == "auto"
            else ""
        )
    )
    text = text.rstrip()  # (the 'auto' sentence is absent for another method)
    failed = alt[alt["note"] != ""]
    for method, message in zip(failed["model"], failed["note"], strict=True):
        note = _client_note(message)
        ending = "" if note.endswith(".") else "."  # the notes are library messages
        if note.startswith("no backtest: "):
            text += f" '{method}' has {note}{ending}"
        else:
            text += f" '{method}' could not run: {note}{ending}"
    table = _other_methods_table(alt, ctx.provenance.horizon_to, ctx.figures)
    doc.heading("Other methods on this series", level=2, keep=doc.text_height(text) + 30)
    doc.paragraph(text)
    doc.table(table, col_widths=(32, 28, 50, 36, 28), align=("LEFT", *("RIGHT",) * 4))


_NO_WINDOW = re.compile(
    r"no backtest window fits: every series needs more than horizon=(\d+) years? after the "
    r"method's minimum number of points; [^.]*"
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
    """A library message about a method that could not run or be backtested, in a reader's
    words (it named the API: "needs more than horizon=2 years ...; shorten the horizon",
    "add years or use method='auto'").

    Examples
    --------
    >>> _client_note("no backtest: no backtest window fits: every series needs more than "
    ...              "horizon=2 years after the method's minimum number of points; shorten "
    ...              "the horizon")[-72:]
    'leaves both the years the method needs to fit and 2 later years to score'
    >>> _client_note("series 's' has 5 observations (2018-2023, 1 year filled); model "
    ...              "'damped_log' needs at least 6; add years or use method='auto' (needs 4)")
    'it needs at least 6 observed years and the series has 5 (2018-2023, 1 year filled)'
    >>> _client_note("series 's' year 2019: value -3.0 is not positive; model 'drift_log' "
    ...              "works on logarithms; use a level model such as 'drift' or method='auto'")
    'it works on logarithms and the series has a value that is not positive (-3.0 in 2019)'
    >>> _client_note("series 's' has 5 observations")
    "series 's' has 5 observations"
    """

    def words(match: re.Match[str]) -> str:
        steps = int(match.group(1))
        return (
            "no cutoff of this series leaves both the years the method needs to fit and "
            f"{counted(steps, 'later year')} to score"
        )

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
    note = _NOT_POSITIVE.sub(not_positive, note)
    return _NO_WINDOW.sub(words, note)


def _other_methods_table(alt: pd.DataFrame, to: int, fmt: LevelFormat) -> pd.DataFrame:
    import pandas as pd

    def cell(value: float, text: str) -> str:
        return "–" if math.isnan(value) else text

    return pd.DataFrame(
        {
            "Method": alt["model"].astype(str),
            f"{to} central": [cell(v, fmt.text(v)) for v in alt["mean"]],
            "80% interval": [
                cell(lo, f"{fmt.text(lo)}–{fmt.text(hi)}")
                for lo, hi in zip(alt["lo_80"], alt["hi_80"], strict=True)
            ],
            "Backtest sMAPE %": [cell(v, f"{v:.1f}") for v in alt["smape"]],
            "80% coverage": [cell(v, f"{100 * v:.0f}%") for v in alt["coverage_80"]],
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
    from idcforecast.auto import AUTO_MEMBERS

    names = ", ".join(m.name for m in AUTO_MEMBERS)
    return (
        f"It is the median of {len(AUTO_MEMBERS)} simple forecasts ({names}): no-growth, "
        "trend and constant-growth methods, so it grows only as fast as most of them agree; "
        "members that need more points or positive values are left out when the series "
        "lacks them. "
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


def _or_not_stated(cells: Any, n: int) -> list[str]:
    """Each cell's text, "not stated" where it is blank (or the column is missing)."""
    texts = [""] * n if isinstance(cells, str) else [str(c).strip() for c in cells]
    return [t if t and t.lower() not in ("nan", "none", "<na>") else "not stated" for t in texts]


def sources(ctx: ReportContext, doc: ReportDocument) -> None:
    """Each figure with its source, scope, confidence and original wording."""
    import pandas as pd

    hist = ctx.history
    fmt = ctx.figures
    doc.heading("Sources")
    doc.paragraph(
        "Every figure of the series with where it was read, its scope and a confidence grade "
        "(high: issuer's own release or two sources agreeing; medium: a secondary source "
        "quoting the originator; low: unclear origin; derived: computed from sourced "
        "figures). Quotes are kept in the original language; a value converted from the "
        "quote's unit shows the conversion beside it."
    )
    if doc.cjk_font is None and any(
        isinstance(q, str) and q for q in hist.get("quote", pd.Series(dtype=str))
    ):
        doc.paragraph(
            "No CJK font was found, so Chinese text is left out of this PDF. Install "
            "idcforecast[cjk] (or set IDCFORECAST_CJK_FONT to a CJK font file) to print it.",
            size=8.5,
            muted=True,
        )
    column = lambda name: hist[name].astype(str) if name in hist.columns else ""  # noqa: E731
    table = pd.DataFrame(
        {
            "Year": hist["year"].astype(str),
            "Value": [
                qualifier_sign(q) + fmt.text(v)
                for q, v in zip(
                    qualifiers(hist, what=f"history of series {ctx.series_id!r}"),
                    hist["value"],
                    strict=True,
                )
            ],
            "Source": column("source"),
            # a user's file rarely states them: say so rather than leave blank cells
            "Scope": _or_not_stated(column("scope"), len(hist)),
            "Confidence": _or_not_stated(column("confidence"), len(hist)),
            "Quote / note": [
                _quote_and_note(q, n, ctx.unit)
                for q, n in zip(
                    column("quote") if "quote" in hist.columns else [""] * len(hist),
                    column("note") if "note" in hist.columns else [""] * len(hist),
                    strict=True,
                )
            ],
        }
    )
    doc.table(
        table,
        col_widths=(10, 15, 45, 20, 18, 66),
        align=("RIGHT", "RIGHT", "LEFT", "LEFT", "LEFT", "LEFT"),
        size=7.0,
    )


def _quote_and_note(quote: str, note: str, unit: str = "") -> str:
    """The Sources cell: the quote, or the note when there is none. Beside a quote, the
    whole note of an estimate read as data, and the conversion of a value read in another
    unit (a USD value beside a CNY quote must say how it got there).

    Examples
    --------
    >>> _quote_and_note("2100亿元", "converted from 'CNY 100m' (x0.0151309, 2018 "
    ...                 "annual-average FX rate); alternate figure in the text: 2000亿元")
    "2100亿元; converted from 'CNY 100m' (x0.0151309, 2018 annual-average FX rate)"
    >>> _quote_and_note("2100亿元", "converted from 'CNY 100m' (x0.0151309, 2018 "
    ...                 "annual-average FX rate)", "USD bn")[-28:]
    'FX rate: 6.6090 CNY per USD)'
    >>> _quote_and_note("", "sum of segments"), _quote_and_note("52 bn", "sum of segments")
    ('sum of segments', '52 bn')
    """
    if not quote:
        return _with_fx_rate(note, unit)
    if is_estimate_note(note):
        return f"{quote}; {_with_fx_rate(note, unit)}"
    conversion = conversion_in(note)
    return f"{quote}; {_with_fx_rate(conversion[1], unit)}" if conversion else quote


_FACTOR = re.compile(r"\(x([0-9.eE+-]+), (\d{4}) annual-average FX rate")


def _with_fx_rate(note: str, unit: str) -> str:
    """``note`` with the exchange rate behind its conversion factor written as a market
    quotes it: "(x0.0159167, 2015 annual-average FX rate: 6.2827 CNY per USD)". The
    factor alone hid the rate the Assumptions say "is in Sources".

    Examples
    --------
    >>> _with_fx_rate("converted from 'CNY 100m' (x0.0159167, 2015 annual-average FX "
    ...               "rate)", "USD bn")
    "converted from 'CNY 100m' (x0.0159167, 2015 annual-average FX rate: 6.2827 CNY per USD)"
    >>> _with_fx_rate("converted from 'CNY 100m' (x0.0141844, 2026 annual-average FX "
    ...               "rate from my_fx.csv)", "USD bn")[-43:]
    'FX rate from my_fx.csv: 7.0500 CNY per USD)'
    >>> _with_fx_rate("sum of segments", "USD bn")
    'sum of segments'
    """
    from idcforecast.errors import IdcForecastError
    from idcforecast.units.convert import changes_currency, conversion_factor

    conversion = conversion_in(note)
    match = _FACTOR.search(note)
    if conversion is None or match is None or not unit:
        return note
    source = conversion[0]
    try:
        if not changes_currency(source, unit):
            return note
        theirs, ours = source.split(" ", 1)[0], unit.split(" ", 1)[0]
        # the factor without the rate: the magnitudes alone ("USD 100m" -> "USD bn": 0.1)
        scale = conversion_factor(ours + source[len(theirs) :], unit)
        per_theirs = float(match.group(1)) / scale  # our currency per one of theirs
    except (IdcForecastError, ValueError, ZeroDivisionError):
        return note
    if per_theirs <= 0:
        return note
    # the direction that reads above 1, as rates are quoted (CNY per USD, USD per EUR)
    if per_theirs < 1:
        rate = f"{1 / per_theirs:,.4f} {theirs} per {ours}"
    else:
        rate = f"{per_theirs:,.4f} {ours} per {theirs}"
    end = note.find(")", match.end())  # at the end of the parenthesis (after "from my_fx.csv")
    end = len(note) if end < 0 else end
    return f"{note[:end]}: {rate}{note[end:]}"


def assumptions(ctx: ReportContext, doc: ReportDocument) -> None:
    """What the forecast takes for granted."""
    doc.heading("Assumptions")
    doc.bullets(ctx.assumptions)


def reproducibility(ctx: ReportContext, doc: ReportDocument) -> None:
    """Package version, data hash, seed and the exact command."""
    import pandas as pd

    p = ctx.provenance
    text = "The same data file, seed and --date give a byte-identical PDF with this version."
    if p.fx_files:
        text = text.replace("data file,", "data and FX files,")
    rows = [
        ("idcforecast version", p.package_version),
        ("Data", p.data_label),
        ("Data sha256", p.data_sha256),
        *(row for path, sha in p.fx_files for row in (("FX file", path), ("FX file sha256", sha))),
        ("Series", ctx.series_id),
        ("Method", f"{p.method} (chosen: {ctx.model})"),
        ("Horizon", f"to {p.horizon_to}"),
        ("Seed", str(p.seed)),
        ("Report date", p.report_date),
        ("Command as run", p.command),
        ("To reproduce", p.reproduce),
    ]
    table = pd.DataFrame(rows, columns=["Item", "Value"])
    # the small table stays whole with its heading (a split left 1 row on the last page)
    keep = doc.text_height(text) + doc.table_height(table, col_widths=(40, 134), size=7.5)
    doc.heading("Reproducibility", keep=keep)
    doc.paragraph(text)
    doc.table(table, col_widths=(40, 134), size=7.5)


SECTIONS: tuple[Section, ...] = (
    Section("Cover", cover),
    Section("Executive summary", executive_summary),
    Section("Growth", growth),
    Section("Summary table", summary),
    Section("Claims and track record", claims, when=_has_claims),
    Section("Scenarios", scenarios, when=_has_scenarios),
    Section("Methodology", methodology),
    Section("Sources", sources),
    Section("Assumptions", assumptions, when=lambda ctx: bool(ctx.assumptions)),
    Section("Reproducibility", reproducibility),
)


def render_sections(
    ctx: ReportContext, doc: ReportDocument, sections: Sequence[Section] = SECTIONS
) -> list[str]:
    """Write each applicable section into ``doc``; return the titles written."""
    written = []
    for section in sections:
        if section.when(ctx):
            section.render(ctx, doc)
            written.append(section.title)
    return written
