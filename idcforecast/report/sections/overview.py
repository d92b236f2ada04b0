"""The report's opening: the cover and the executive summary (key figures, the growth to
date, the forecast, the method's track record on the series, the published claims, the
forecast chart and the key years)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from idcforecast._history_notes import is_estimate_note
from idcforecast._wording import FX_GROWTH, counted, level_words, qualifier_sign
from idcforecast.report._frames import fx_conversions, qualifiers
from idcforecast.report._growth import (
    CHANGE_WORDS,
    cagr_bound,
    cagr_start_year,
    change_bound,
    history_change_unit,
    is_percent,
    nonpositive_years,
    series_kind,
    signed,
)
from idcforecast.report._numbers import half_up, span_text
from idcforecast.report.charts import plot_forecast
from idcforecast.report.fonts import contains_cjk, latin_name
from idcforecast.report.sections._titles import (
    INSTALL_CJK,
    chart_title,
    chinese_left_out,
    scope_without_cjk,
)
from idcforecast.report.style import unit_heading, unit_label, value_header

if TYPE_CHECKING:
    import pandas as pd

    from idcforecast.report._growth import RateMark
    from idcforecast.report.context import ReportContext
    from idcforecast.report.pdf import ReportDocument

__all__ = ["cover", "executive_summary"]


# fewer backtest forecasts than this are too few to call a track record
_FEW_FORECASTS = 5


def _amount(number: str, unit: str) -> str:
    """A number with its unit for prose: "5,078.3 CNY 100 million", and "880.0 × 10
    thousand racks" where the unit starts with its multiplier (not "880.0 10 thousand");
    a plain count is the number alone ("1,136", not "1,136 count")."""
    if unit.strip() == "count":
        return number
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


def _scope(ctx: ReportContext, *, latin: bool = False) -> str:
    """The series' scopes; ``latin``: as a PDF without a CJK font prints them (a scope in
    Chinese only is "stated in Chinese": dropped, the cover read "(scope:)")."""
    if "scope" in ctx.history.columns:
        scopes = [s for s in ctx.history["scope"].astype(str).unique() if s]
        if latin:
            scopes = list(dict.fromkeys(scope_without_cjk(s) for s in scopes))
        if scopes:
            return ", ".join(scopes)
    return "not stated"


def cover(ctx: ReportContext, doc: ReportDocument) -> None:
    """Title, the series and its unit, data vintage, date and version."""
    p = ctx.provenance
    hist = ctx.history
    first = int(hist["year"].iloc[0])
    # a user's file has a blank as_of: the sentence used to end "the latest as of ;"
    as_of = str(hist["as_of"].iloc[-1]).strip() if "as_of" in hist.columns else ""
    as_of_text = f", the latest as of {as_of}" if as_of and as_of.lower() != "nan" else ""
    doc.heading(doc.shown_title, level=0)
    left_out = chinese_left_out(ctx) if doc.cjk_font is None else ""
    sid = ctx.series_id
    if doc.cjk_font is None and contains_cjk(sid):  # "中国IDC市场规模" would read "IDC"
        sid = latin_name(sid) or "named in Chinese"
    doc.paragraph(
        f"Series {sid} (scope: {_scope(ctx, latin=doc.cjk_font is None)}), "
        f"{ctx.in_unit_text()}. Forecast to {p.horizon_to}.",
        size=10.5,
    )
    if left_out:  # said where the reader meets it, not only in the Sources pages
        doc.paragraph(
            f"No CJK font was found, so Chinese text ({left_out}) is left out of this PDF. "
            f"{INSTALL_CJK}",
            size=8.5,
            muted=True,
        )
    doc.paragraph(
        f"Data vintage: {len(hist)} annual figures, {first}-{ctx.last_year}{as_of_text}; "
        f"from {p.data_label}. Report date {p.report_date}; "
        f"idcforecast {p.package_version}.",
        size=8.5,
        muted=True,
    )


def executive_summary(ctx: ReportContext, doc: ReportDocument) -> None:
    """The key numbers: latest value, CAGR (the change in pp for a series in percent), the
    final-year central value and range."""
    hist = ctx.history
    first_year = int(hist["year"].iloc[0])
    span = ctx.last_year - first_year
    end = _final(ctx)
    end_year = int(end["year"])
    estimate = _estimate_last(hist)
    fmt = ctx.figures
    # actuals as published ("0.4" TWh), beside forecasts below 1 to three digits ("0.637")
    published = ctx.actual_figures
    label = f"Latest estimate ({ctx.last_year})" if estimate else f"Latest actual ({ctx.last_year})"
    qualifier = _last_qualifier(ctx)
    last = published.text(ctx.last_value)
    figures = [(label, qualifier_sign(qualifier) + last, ctx.unit_text())]
    latest = level_words(qualifier) + _amount(last, ctx.unit)
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
    # a share (percent) changes by percentage points: a growth rate of it (1.5% -> 3.0%
    # is "+100%", a "CAGR" of 9.1%) reads as the growth of what it is a share of
    change = history_change_unit(hist)
    # compound growth needs levels > 0 (from the first positive year of a series that
    # starts at 0); a figure published as "more than" bounds it
    start = cagr_start_year(hist) if span > 0 and not change else None
    bound = cagr_bound(hist) if start is not None else None
    moved = change_bound(hist) if change and span > 0 else None
    if change and moved is not None:
        total = moved.sign + signed(moved.rate, fmt.decimals)
        # an average of yearly changes of a share published with one decimal keeps one more
        # (2.6 pp over 5 years: "+0.52 pp a year", not "+0.5")
        per_year = signed(moved.rate / span, fmt.decimals + int(is_percent(ctx.unit)))
        figures.append(
            (
                f"Change {first_year}-{ctx.last_year}",
                f"{total} {change}",
                f"{per_year} {change} a year",
            )
        )
        first_value = qualifier_sign(qualifiers(hist.iloc[:1], what="history")[0])
        lines.append(
            f"**Change:** {moved.phrase(signed(moved.rate, fmt.decimals))} "
            f"{CHANGE_WORDS[change]} ({change}) from {first_year} "
            f"({first_value}{published.text(float(hist['value'].iloc[0]))} to "
            f"{qualifier_sign(qualifier)}{last} {unit_label(ctx.unit)}), "
            f"{per_year} {change} a year on average; the series is {series_kind(ctx.unit)}, so its "
            f"changes are given in {change}, never as growth rates."
        )
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
            f"**Growth:** {bound.phrase(_pct(rate))} a year compounded from {start}"
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
            + (f", in {unit_heading(ctx.unit)}: {FX_GROWTH}" if fx_conversions(hist) else "")
            + _published_growth(hist, start, ctx.last_year, how)
            + "."
        )
    figures.append(
        (
            f"{end_year} central ('{ctx.model}')",
            fmt.short(float(end["mean"])),
            f"80%: {span_text(fmt.short(end['lo_80']), fmt.short(end['hi_80']))}",
        )
    )
    doc.heading("Executive summary")
    doc.key_figures(figures)
    # from a latest figure published as "more than" the pace to the forecast is at most
    # this (the summary table marked the first forecast year's growth "<", the sentence
    # gave the rate bare)
    paced = _pace_mark(qualifier)
    if change:
        moved_to = float(end["mean"]) - ctx.last_value
        pace = f"{paced.phrase(signed(moved_to, fmt.decimals))} {change} from {ctx.last_year}"
    elif ctx.last_value > 0 and float(end["mean"]) > 0:
        implied = _cagr(ctx.last_value, float(end["mean"]), end_year - ctx.last_year)
        pace = f"{paced.phrase(_pct(implied))} a year from {ctx.last_year}"
    else:  # a level at or below zero: the change, not a compound rate
        pace = f"a change of {fmt.text(float(end['mean']) - ctx.last_value)} from {ctx.last_year}"
    lines.append(
        f"**Forecast:** {_amount(fmt.text(float(end['mean'])), ctx.unit)} in {end_year} "
        "(80% interval "
        f"{span_text(fmt.text(end['lo_80']), fmt.text(end['hi_80']))}; 95% "
        f"{span_text(fmt.text(end['lo_95']), fmt.text(end['hi_95']))}), {pace}"
        + (
            f" (the {ctx.last_year} figure is a bound)"
            if paced.qualifier in ("at_least", "at_most") and "a change of" not in pace
            else ""
        )
        + "."
        + _past_100(ctx)
    )
    accuracy = _accuracy_row(ctx)
    if accuracy is not None:
        few = int(accuracy["n"]) < _FEW_FORECASTS
        # a percentage error of forecasts of a series at or across zero is no measure
        # (each forecast of 0 scores 200%): the MASE, scaled by the series' changes, is
        at_zero = not (hist["value"].astype(float) > 0).all()
        score = (
            f"backtest MASE {half_up(accuracy['mase'], 2)} (the error in typical years' changes; "
            "sMAPE, a percentage error, means little for a series at or below zero)"
            if at_zero
            else f"backtest sMAPE {half_up(accuracy['smape'], 1)}%"
        )
        lines.append(
            f"**Track record of the method on this series:** {score}; its 80% intervals held "
            f"{_held(accuracy)}" + (" (too few forecasts to judge the method by)." if few else ".")
            # one or two backtest forecasts used to read like a track record
        )
    lines += _claims_lines(ctx)
    doc.bullets(lines, markdown=True)
    doc.chart(
        plot_forecast(
            ctx.history,
            ctx.forecast,
            title=chart_title(ctx, "forecast"),
            figures=fmt,
            actual_figures=ctx.actual_figures,
        )
    )
    doc.table(
        _key_years(ctx),
        col_widths=(12, 14, 30, 34, 34),
        align=("RIGHT", "LEFT", "RIGHT", "RIGHT", "RIGHT"),
        size=8.0,
    )


def _pace_mark(last_qualifier: str) -> RateMark:
    """How the latest figure's qualifier bounds the pace from it to a forecast (an exact
    end): "more than" the latest gives at most that pace, "at most" at least; "about",
    about.

    Examples
    --------
    >>> _pace_mark("at_least").phrase("9.0%"), _pace_mark("exact").phrase("9.0%")
    ('at most 9.0%', '9.0%')
    >>> _pace_mark("approximately").phrase("9.0%")
    'about 9.0%'
    """
    from idcforecast.report._growth import RateMark, rate_qualifier

    how = rate_qualifier(last_qualifier or "exact", "exact")
    return RateMark(0.0, "exact") if how is None else RateMark(0.0, *how)


def _past_100(ctx: ReportContext) -> str:
    """A warning for a series in percent whose forecast passes 100% (a share cannot): the
    forecast methods extrapolate levels and know no ceiling; "" otherwise. The check and
    its words are the forecast note's (:func:`idcforecast._share_notes.past_100_when`)."""
    from idcforecast._share_notes import past_100_when
    from idcforecast._shares import is_known_share, percent_factor
    from idcforecast.report._scenario_results import SMOOTH_CAP

    when = past_100_when(ctx.forecast, ctx.unit, float(ctx.history["value"].astype(float).max()))
    if not when:
        return ""  # not in percent, already above 100% (no share), or within 100
    # 100% in the unit a spec's caps are in, the unit the series was read in: 10 for a
    # series in 成 (tenths), whose "cap = 100" let the paths run to 1,000%; also when the
    # report shows it in percent (it said "cap = 100" there, which a spec in 成 reads as
    # 1,000%)
    read_factor = percent_factor(ctx.read_unit) if ctx.read_unit else None
    factor = read_factor or percent_factor(ctx.unit) or 1.0
    cap = f"{100.0 / factor:g}"
    in_unit = "" if factor == 1.0 else f" ({cap} {ctx.unit}, 100%)"
    if read_factor is not None and read_factor != (percent_factor(ctx.unit) or 1.0):
        in_unit = f" ({cap} {ctx.read_unit}, 100%: a spec is in the unit the series was read in)"
    # a series known to be a share (in 成, said only of shares, or named one: "utilisation")
    # was told "if the series is a share"
    if percent_factor(ctx.unit) == 10.0 or percent_factor(ctx.read_unit) == 10.0:
        known = "the series, published in 成 (tenths of a whole), is a share, which cannot"
    elif is_known_share(ctx.unit, ctx.series_id):
        known = f"the series is a share ({ctx.series_id!r} says so), which cannot"
    else:
        known = "if the series is a share, it cannot"
    return (
        f" The forecast passes 100% ({when}): {known}, and the "
        "method, which extrapolates the levels, does not know it (a scenario file's "
        f'cap = {cap}{in_unit} with cap_mode = "clip" bounds the simulated paths; {SMOOTH_CAP}).'
    )


def _held(accuracy: pd.Series) -> str:
    """How many backtest outcomes the 80% intervals held: a share of many forecasts, a
    count of few ("100.0%" of one forecast was false precision). The share in whole
    percent, as the backtest table prints the coverage (the summary's "93.3%" stood beside
    the table's "93%").

    Examples
    --------
    >>> import pandas as pd
    >>> _held(pd.Series({"coverage_80": 1.0, "n": 1}))
    '1 of 1 outcome'
    >>> _held(pd.Series({"coverage_80": 2 / 3, "n": 3}))
    '2 of 3 outcomes'
    >>> _held(pd.Series({"coverage_80": 14 / 15, "n": 15}))
    '93% of the outcomes (15 forecasts)'
    """
    n = int(accuracy["n"])
    if n < 10:
        return f"{round(float(accuracy['coverage_80']) * n)} of {counted(n, 'outcome')}"
    share = f"{half_up(100 * float(accuracy['coverage_80']), 0)}%"
    return f"{share} of the outcomes ({counted(n, 'forecast')})"


def _claims_lines(ctx: ReportContext) -> list[str]:
    """One line on the published claims and one on how published forecasts fared."""

    lines = []
    checks = ctx.claims
    if checks is not None and len(checks):
        bad = checks[checks["consistent"].fillna(True).astype(bool) == False]  # noqa: E712
        # claims without a claim_set (your own) have no name to give: "inconsistent ()" was
        # printed for them
        sets = checks["claim_set"].fillna("").astype(str)
        names = [name for name in sets[bad.index] if name]
        named = f" ({', '.join(names)})" if names else ""
        # a set none of whose rates could be checked is neither: "0 of 1 ... inconsistent"
        # alone read as if it had been found consistent
        open_sets = sets[checks["consistent"].isna()].tolist()
        open_names = "".join(f"{name}; " for name in open_sets if name)
        undetermined = (
            f"; the consistency of {len(open_sets)} is undetermined ({open_names}"
            "the Claims table says why)"
            if open_sets
            else ""
        )
        # a set found consistent only against derived levels is not counted with the others
        # in silence: its fits may restate the arithmetic that derived those levels; a set
        # whose stated levels were checked beside is worded per set, as the Claims table
        # words it ("the rate on derived levels only")
        from idcforecast._claim_verdict_words import limited_sets_words

        checked = checks["checked"] if "checked" in checks else [""] * len(checks)
        on_derived = "".join(
            limited_sets_words(sets.tolist(), checks[column].tolist(), list(checked), limit, why)
            for column, limit, why in (
                ("derived_only", "on derived levels only", "not published figures"),
                (
                    "bound_only",
                    "only with actuals published as bounds",
                    "the rates are not confirmed",
                ),
            )
            if column in checks
        )
        lines.append(
            f"**Published claims:** {len(bad)} of {len(checks)} claim sets about this series "
            f"{'is' if len(bad) == 1 else 'are'} internally inconsistent{named}{undetermined}"
            f"{on_derived}."
        )
    record = ctx.track_record
    if record is not None and len(record):
        realised = record["status"] == "realised"
        # forecast NA: no made date, so whether the figure was a forecast is unknown (a
        # figure restated after the fact would score as a forecast that held); counted
        # apart, as `idcforecast track-record --forecasts-only` leaves them out with a count
        undated = int((realised & record["forecast"].isna()).sum())
        done = record[record["forecast"].fillna(False).astype(bool) & realised]
        undated_note = (
            f"{counted(undated, 'claim')} without a made date "
            f"{'is' if undated == 1 else 'are'} not counted (whether "
            f"{'it was a forecast' if undated == 1 else 'they were forecasts'} is unknown)"
            if undated
            else ""
        )
        # a forecast for a year the data lack though later years are reported (a gap:
        # status "no actual for 2022") came due but cannot be checked: it was left out
        # unsaid ("1 came due" beside a track-record table of two past years)
        gaps = record[
            record["forecast"].fillna(False).astype(bool)
            & record["status"].astype(str).str.startswith("no actual for ")
        ]
        if len(gaps):
            years = sorted({int(y) for y in gaps["year"]})
            undated_note = "; ".join(
                filter(
                    None,
                    [
                        f"{counted(len(gaps), 'forecast')} for "
                        f"{' and '.join(map(str, years))}, "
                        f"{'a year' if len(years) == 1 else 'years'} the data lack, cannot "
                        "be checked",
                        undated_note,
                    ],
                )
            )
        if len(done):
            held = int(done["held"].fillna(False).astype(bool).sum())
            # NA among realised rows: an actual published as a bound leaves it open
            still_open = int(done["held"].isna().sum())
            opened = f", {still_open} open (the actual is a bound)" if still_open else ""
            lines.append(
                f"**Published forecasts:** {len(done)} came due; {held} held{opened}: "
                f"{'; '.join([*_record_clauses(done), *filter(None, [undated_note])])}."
            )
        elif undated or len(gaps):
            head = "none with an actual came due" if len(gaps) else "none with a made date came due"
            lines.append(f"**Published forecasts:** {head}; {undated_note}.")
    return lines


def _record_clauses(done: pd.DataFrame) -> list[str]:
    """How the realised published forecasts of ``done`` (track-record rows) fared, by
    kind: the point forecasts' average error, and how many of those published as bounds
    ("more than") or ranges held. A bound's error measures its figure, not the claim
    ("more than 2,000" held at 2,238.7): averaged with the point forecasts' it read as
    if all three had been "on average 17.5% below the actual". The point forecasts say
    whether they held too: "3 came due; 2 held: the point forecast was 20.9% below the
    actual" read as if the point forecast were one of the two.

    Examples
    --------
    >>> import pandas as pd
    >>> done = pd.DataFrame({"qualifier": ["at_least", "at_least", "exact"],
    ...                      "low": float("nan"), "high": float("nan"),
    ...                      "error": [-0.106624, -0.208424, -0.208548],
    ...                      "held": [True, True, False]})
    >>> for clause in _record_clauses(done):
    ...     print(clause)
    the point forecast missed, 20.9% below the actual
    both published as bounds ('more than') held
    >>> _record_clauses(done.assign(qualifier="exact", held=[True, False, False]))[0]
    'the 3 point forecasts were on average 17.5% below the actual (1 held)'

    """
    import pandas as pd

    ranged = pd.Series(False, index=done.index)
    if {"low", "high"} <= set(done.columns):
        ranged = done["low"].notna() & done["high"].notna()
    qualifier = done["qualifier"].astype(str)
    bound = qualifier.isin(["at_least", "at_most"]) & ~ranged
    point = ~bound & ~ranged
    # an actual published as a bound leaves a point forecast open (held NA): its error is
    # from the bound, not the actual ("1.4% above the actual" of "more than 4,043.2")
    still_open = point & done["held"].isna()
    # one it decided (600 against "more than 650" missed) has an error that is a bound
    # too (at least 7.7% below): averaged with exact actuals' errors it read as exact
    actual_qualifier = (
        done["actual_qualifier"].astype(str)
        if "actual_qualifier" in done.columns
        else pd.Series([""] * len(done), index=done.index)
    )
    on_bound = point & ~still_open & actual_qualifier.isin(["at_least", "at_most"])
    clauses = []
    errors = pd.to_numeric(done.loc[point & ~still_open & ~on_bound, "error"]).dropna()
    if len(errors):
        error = float(errors.mean())
        side = "below" if error < 0 else "above"
        kept = int(done.loc[errors.index, "held"].fillna(False).astype(bool).sum())
        if len(errors) == 1:
            clauses.append(
                f"the point forecast {'held' if kept else 'missed'}, "
                f"{abs(100 * error):.1f}% {side} the actual"
            )
        else:
            clauses.append(
                f"the {len(errors)} point forecasts were on average {abs(100 * error):.1f}% "
                f"{side} the actual ({kept} held)"
            )
    if on_bound.any():
        clauses.append(_on_bound_clause(done[on_bound], averaged=len(errors) > 1))
    if still_open.any():
        n = int(still_open.sum())
        clauses.append(
            f"{'the point forecast' if n == 1 else f'{n} point forecasts'} against an actual "
            "published as a bound ('more than') "
            f"{'is' if n == 1 else 'are'} open"
        )
    for kind, rows in (("bound", done[bound]), ("range", done[ranged])):
        if not len(rows):
            continue
        kept = int(rows["held"].fillna(False).astype(bool).sum())
        still_open = int(rows["held"].isna().sum())  # the actual a bound: undecided
        words = ""
        if kind == "bound":
            marks = dict.fromkeys(level_words(q).strip() for q in rows["qualifier"].astype(str))
            words = " (" + " or ".join(f"'{m}'" for m in marks) + ")"
        n = len(rows)
        published = f"published as {'a ' + kind if n == 1 else kind + 's'}{words}"
        if n == 1:
            fared = "is open" if still_open else "held" if kept else "did not hold"
            clauses.append(f"the one {published} {fared}")
        elif still_open:
            clauses.append(f"{kept} of the {n} {published} held, {still_open} open")
        elif kept == n:
            clauses.append(f"{'both' if n == 2 else f'all {n}'} {published} held")
        else:
            clauses.append(f"{kept} of the {n} {published} held")
    return clauses


def _on_bound_clause(rows: pd.DataFrame, *, averaged: bool) -> str:
    """How the point forecasts of ``rows`` fared against actuals published as bounds that
    decide them: one by its error as the bound it is (600 against "more than 650" is at
    least 7.7% below the actual: 600 / 650 - 1 = -7.7%, the true actual being higher),
    several by how many held, said to be left out of the ``averaged`` point forecasts'
    average.

    Examples
    --------
    >>> import pandas as pd
    >>> one = pd.DataFrame({"actual_qualifier": ["at_least"], "error": [600 / 650 - 1],
    ...                     "held": [False]})
    >>> print(_on_bound_clause(one, averaged=False))  # doctest: +NORMALIZE_WHITESPACE
    the point forecast against an actual published as a bound ('more than') missed,
    at least 7.7% below the actual
    >>> two = pd.DataFrame({"actual_qualifier": ["at_least", "at_most"], "error": [-0.2, 0.3],
    ...                     "held": [False, False]})
    >>> print(_on_bound_clause(two, averaged=True))  # doctest: +NORMALIZE_WHITESPACE
    2 point forecasts against actuals published as bounds ('more than' or 'less than')
    are left out of the average, their errors being bounds (0 held)
    """
    marks = dict.fromkeys(level_words(q).strip() for q in rows["actual_qualifier"].astype(str))
    words = " or ".join(f"'{m}'" for m in marks)
    kept = int(rows["held"].fillna(False).astype(bool).sum())
    if len(rows) > 1:
        left_out = " are left out of the average, their errors being bounds" if averaged else ""
        return (
            f"{len(rows)} point forecasts against actuals published as bounds ({words})"
            f"{left_out} ({kept} held)"
        )
    qualifier, error = str(rows["actual_qualifier"].iloc[0]), float(rows["error"].iloc[0])
    # a "more than" actual: the true error is at most this one; a "less than" at least
    upper = qualifier == "at_least"
    side = "below" if error < 0 else "above"
    extent = "at least" if upper == (error < 0) else "at most"
    return (
        f"the point forecast against an actual published as a bound ({words}) "
        f"{'held' if kept else 'missed'}, {extent} {abs(100 * error):.1f}% {side} the actual"
    )


def _key_years(ctx: ReportContext) -> pd.DataFrame:
    """The last actual and the forecast years of :func:`_key_forecast_years`."""
    import pandas as pd

    fmt = ctx.figures
    fc = ctx.forecast.sort_values("year").reset_index(drop=True)
    wanted = set(_key_forecast_years([int(y) for y in fc["year"]]))
    picked = fc[fc["year"].astype(int).isin(wanted)]
    kind = "estimate" if _estimate_last(ctx.history) else "actual"
    last = qualifier_sign(_last_qualifier(ctx)) + ctx.actual_figures.text(ctx.last_value)
    rows = [(str(ctx.last_year), kind, last, "–", "–")]
    rows += [
        (
            str(int(r["year"])),
            "forecast",
            fmt.text(r["mean"]),
            span_text(fmt.text(r["lo_80"]), fmt.text(r["hi_80"]), dash="–"),
            span_text(fmt.text(r["lo_95"]), fmt.text(r["hi_95"]), dash="–"),
        )
        for _, r in picked.iterrows()
    ]
    return pd.DataFrame(
        rows,
        columns=["Year", "", value_header(ctx.unit), "80% interval", "95% interval"],
    )


def _key_forecast_years(years: list[int]) -> list[int]:
    """The forecast years the cover's table shows: every other year and the final one
    up to ten years; past that, the first, round years (every 5, 10, 20, 25 or 50, the
    first step that leaves at most five) and the final year. Every other year of a
    forecast to 2100 filled 39 rows, past the foot of the first page.

    Examples
    --------
    >>> _key_forecast_years(list(range(2024, 2031)))
    [2024, 2026, 2028, 2030]
    >>> _key_forecast_years(list(range(2024, 2051)))
    [2024, 2025, 2030, 2035, 2040, 2045, 2050]
    >>> _key_forecast_years(list(range(2024, 2101)))
    [2024, 2040, 2060, 2080, 2100]
    """
    years = sorted(years)
    if len(years) <= 10:
        return sorted({*years[::2], years[-1]})
    first, last = years[0], years[-1]
    for step in (5, 10, 20, 25, 50):
        middle = [y for y in years[1:-1] if y % step == 0]
        if len(middle) <= 5:
            break
    return [first, *middle, last]


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
    # n 0: every actual the backtest met was published as a bound ("> 190"), which
    # accuracy() does not score: no track record to state (its NaN coverage crashed _held)
    return rows.iloc[0] if len(rows) and int(rows.iloc[0]["n"]) > 0 else None
