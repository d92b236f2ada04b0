"""Summary tables and their Markdown/HTML/LaTeX renderings; the formatted Excel export
(:func:`to_excel`, :func:`escape_formula`) is in :mod:`idcforecast.report.excel` and
imported from here too.

Examples
--------
>>> import pandas as pd
>>> from idcforecast.report.tables import summary_table, to_markdown
>>> history = pd.DataFrame({"series_id": "s", "year": [2021, 2022], "value": [100.0, 120.0],
...                         "unit": "USD bn"})
>>> forecast = pd.DataFrame({"series_id": "s", "year": [2023], "model": "drift",
...                          "mean": [140.0], "lo_80": [130.0], "hi_80": [150.0],
...                          "lo_95": [125.0], "hi_95": [155.0], "unit": "USD bn"})
>>> table = summary_table(history, forecast)
>>> table["yoy"].round(2).tolist(), table["kind"].tolist()
([nan, 20.0, 16.67], ['actual', 'actual', 'forecast'])
>>> print(to_markdown(format_summary(table)))
| Year | Value (USD billion) | YoY % | CAGR to date % | 80% interval | 95% interval | Type |
|---:|---:|---:|---:|---:|---:|:---|
| 2021 | 100 | – | – | – | – | actual |
| 2022 | 120 | 20.0 | 20.0 | – | – | actual |
| 2023 | 140 | 16.7 | 18.3 | 130–150 | 125–155 | forecast |
"""

from __future__ import annotations

import html
import math
import re
from typing import TYPE_CHECKING, Any

from idcforecast._history_notes import is_estimate_note
from idcforecast._wording import qualifier_sign, year_span
from idcforecast.errors import DataError
from idcforecast.report._frames import (
    first_unit,
    one_model,
    one_series,
    qualifiers,
    require_columns,
)
from idcforecast.report._growth import (
    cagr_start,
    change_unit,
    history_peak,
    signed,
    yoy_changes,
    yoy_rates,
)
from idcforecast.report._numbers import half_up, span_text, unsigned_zero

# the Excel export moved to report.excel; its names are still imported from here
from idcforecast.report.excel import FORMULA_TRIGGERS as FORMULA_TRIGGERS
from idcforecast.report.excel import PERCENT_COLUMNS as PERCENT_COLUMNS
from idcforecast.report.excel import escape_formula, to_excel
from idcforecast.report.style import value_header

if TYPE_CHECKING:
    import numpy as np
    import pandas as pd

__all__ = [
    "cagr_from",
    "escape_formula",
    "format_summary",
    "summary_table",
    "to_excel",
    "to_html",
    "to_latex",
    "to_markdown",
]

MISSING = "–"  # en dash: not applicable (no previous year; no interval for actual years)


def summary_table(
    history: pd.DataFrame,
    forecast: pd.DataFrame,
    *,
    series_id: str | None = None,
    model: str | None = None,
) -> pd.DataFrame:
    """One row per year: actuals, then the forecast, with growth and interval bounds.

    Parameters
    ----------
    history
        Tidy history (``series_id, year, value`` [+ ``unit, derived``]).
    forecast
        Forecast frame (``series_id, year, model, mean, lo_80, hi_80, lo_95, hi_95``).
    series_id, model
        Which series and model, when the frames hold several (first model by default).

    Returns
    -------
    DataFrame
        ``year, value, yoy, cagr_to_date, lo_80, hi_80, lo_95, hi_95, kind, qualifier,
        unit, source`` (``change, change_to_date`` for ``yoy, cagr_to_date`` in a series
        of percent, pp or bp, below). ``value`` is the actual value, or the forecast mean
        for forecast years.
        ``yoy`` and ``cagr_to_date`` are percent numbers (20.0 = 20%). ``yoy`` is NaN where
        the previous year is not in the data, or where this or the previous level is at or
        below zero (no growth rate from or to such a level); the other years keep theirs.
        ``cagr_to_date`` compounds from the first year of history or, when a level is at
        or below zero, from the first year of the history's latest run of positive levels
        (:func:`cagr_from`; a series starting at 0 compounds from its first positive
        year); NaN before that year and from a level at or below zero on. A series in
        percent that may be a share (its history never passed 100%: one that did is a
        ratio and keeps its growth rates, as in ``scenario_table``), pp or bp has
        ``change`` and ``change_to_date`` instead: the
        change from the previous year and from the first year, in its unit (percentage
        points for percent: 1.5% -> 3.0% is +1.5, not a growth rate of 100%), NaN for
        the first year and where the previous year is not in the data. The interval
        columns are NaN for actual years. ``kind`` is "actual", "derived" (computed by the
        data's compiler, not published), "estimate" (a year such as 2021E read as data with
        ``read_series(estimates="keep")``) or "forecast". ``qualifier`` is the history's
        (``"exact"``, ``"at_least"``, ``"at_most"`` or ``"approximately"``; "exact" when
        the history has no such column) and "" for forecast years. ``source`` keeps where
        each number comes from: for an actual year the history row's ``source`` (the
        publication, or the file and row :func:`idcforecast.read_series` read it from;
        "not stated" when the history has no ``source`` column or the cell is blank), for
        a forecast year the model and the history it was made from, "forecast by model
        'drift' from the 2019-2022 history above". So a table written with
        :func:`to_excel` carries its sources.

    Raises
    ------
    DataError
        A missing column, a forecast year not after the history, or a qualifier that is
        not one of those four.
    """
    import numpy as np
    import pandas as pd

    hist = one_series(history, series_id, what="history")
    require_columns(hist, ["value"], what="history")
    sid = str(hist["series_id"].iloc[0])
    fc = one_model(one_series(forecast, sid, what="forecast"), model, what="forecast")
    require_columns(fc, ["mean", "lo_80", "hi_80", "lo_95", "hi_95"], what="forecast")
    last_year = int(hist["year"].iloc[-1])
    early = fc[fc["year"] <= last_year]
    if len(early):
        raise DataError(
            f"forecast for series {sid!r}: year {int(early['year'].iloc[0])} is not after the "
            f"last year of history ({last_year}); pass the forecast made from this history",
            series_id=sid,
            year=int(early["year"].iloc[0]),
        )
    derived = (
        hist["derived"].fillna(False).astype(bool)
        if "derived" in hist.columns
        else pd.Series(False, index=hist.index)
    )
    estimate = hist["note"].map(is_estimate_note) if "note" in hist.columns else derived & False
    actual = pd.DataFrame(
        {
            "year": hist["year"].astype("int64"),
            "value": hist["value"].astype(float),
            "kind": np.where(estimate, "estimate", np.where(derived, "derived", "actual")),
            "qualifier": qualifiers(hist, what=f"history of series {sid!r}"),
        }
    )
    actual["source"] = _sources(hist)
    first_year = int(hist["year"].iloc[0])
    model_name = str(fc["model"].iloc[0]) if "model" in fc.columns else "forecast"
    future = pd.DataFrame(
        {
            "year": fc["year"].astype("int64"),
            "value": fc["mean"].astype(float),
            "kind": "forecast",
            "qualifier": "",
            "source": f"forecast by model {model_name!r} from the "
            f"{year_span(first_year, last_year)} history above",
        }
    )
    for column in ("lo_80", "hi_80", "lo_95", "hi_95"):
        actual[column] = np.nan
        future[column] = fc[column].astype(float).to_numpy()
    table = pd.concat([actual, future], ignore_index=True)
    years = table["year"].to_numpy()
    values = table["value"].to_numpy()
    # a rate from or to a level at or below zero is undefined (-5 -> 3 is no "-160%"):
    # only those are left out, as in the report's growth chart (one zero used to hide all)
    unit = first_unit(hist) or first_unit(fc)
    table["unit"] = unit
    # a share: changes in percentage points, never growth rates (a % once past 100%: rates)
    if change_unit(unit, history_peak(hist)):
        growth = ["change", "change_to_date"]
        table["change"] = yoy_changes(years, values)
        table["change_to_date"] = np.where(np.arange(len(values)) > 0, values - values[0], np.nan)
    else:
        growth = ["yoy", "cagr_to_date"]
        table["yoy"] = yoy_rates(years, values)
        table["cagr_to_date"] = _cagr_to_date(years, values, len(hist))
    return table[
        [
            "year",
            "value",
            *growth,
            "lo_80",
            "hi_80",
            "lo_95",
            "hi_95",
            "kind",
            "qualifier",
            "unit",
            "source",
        ]
    ]


NOT_STATED = "not stated"  # a history row without a source, as the report's Sources table


def _sources(history: pd.DataFrame) -> list[str]:
    """Each history row's ``source`` as text, "not stated" where it has none."""
    from idcforecast._cells import is_blank

    if "source" not in history.columns:
        return [NOT_STATED] * len(history)
    return [NOT_STATED if is_blank(cell) else str(cell).strip() for cell in history["source"]]


def _cagr_to_date(years: np.ndarray, values: np.ndarray, n_history: int) -> np.ndarray:
    """Percent CAGR from the history's :func:`cagr_start` to each later year, while every
    level since that start is positive (a compound rate across a level <= 0 is undefined)."""
    import numpy as np

    out = np.full(len(values), np.nan)
    start = cagr_start(values[:n_history])
    if start is None:
        return out
    later = slice(start + 1, len(values))
    positive = np.logical_and.accumulate(values[later] > 0)
    span = years[later] - years[start]
    # only where every level is positive: a forecast going below zero gave a root of a
    # negative ratio, a RuntimeWarning ("invalid value encountered in power") then NaN
    ratio = np.where(positive, values[later] / values[start], 1.0)
    rates = 100.0 * (ratio ** (1.0 / span) - 1.0)
    out[later] = np.where(positive, rates, np.nan)
    return out


def cagr_from(table: pd.DataFrame) -> int | None:
    """The year the ``cagr_to_date`` column of :func:`summary_table` compounds from: the
    first of the history's latest run of positive levels; None when it has no CAGR.

    Examples
    --------
    >>> import pandas as pd
    >>> table = pd.DataFrame({"year": [2017, 2018, 2019], "value": [0.0, 5.0, 12.0],
    ...                       "kind": ["actual", "actual", "forecast"]})
    >>> cagr_from(table), cagr_from(table.assign(value=[3.0, 5.0, 12.0]))
    (2018, 2017)
    """
    actual = table[table["kind"].astype(str) != "forecast"]
    if "change_to_date" in table.columns:  # a share's changes run from its first year
        return int(actual["year"].iloc[0]) if len(actual) > 1 else None
    start = cagr_start(actual["value"].to_numpy(dtype=float))
    return None if start is None else int(actual["year"].iloc[start])


def _number(value: Any, decimals: int) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return MISSING
    return unsigned_zero(half_up(float(value), decimals))


def _rate(value: Any, start: str, end: str, decimals: int) -> str:
    """A growth rate in percent, marked like its levels when one of them is a bound
    ("> 27.1" from a "more than" end); "–" when the two bounds leave it open."""
    from idcforecast.report._growth import RateMark, rate_qualifier

    text = _number(value, decimals)
    if text == MISSING:
        return text
    how = rate_qualifier(start, end)
    return MISSING if how is None else RateMark(0.0, *how).sign + text


def format_summary(
    table: pd.DataFrame,
    *,
    decimals: int | None = None,
    rate_decimals: int = 1,
    sources: bool = False,
    actual_decimals: int | None = None,
) -> pd.DataFrame:
    """A display copy of :func:`summary_table`: strings, readable headers, joined intervals.

    Levels and intervals get ``decimals`` (by default chosen from the table's values, see
    :class:`~idcforecast.report._numbers.LevelFormat`: one for a market in the hundreds or
    more, "0.352" for a USD bn series of 0.31-0.69, which a fixed one decimal printed as
    "0.4" twice, and never more than the actuals were published with: "655" for a series
    published in whole USD million, not "655.0"); growth rates get ``rate_decimals``.

    An actual published as a bound or an approximation is marked as in the claims tables:
    "> 880.0" (more than), "< 5.0" (less than), "~ 30.0" (about); so are the growth rates
    it bounds ("> 27.1" from a "more than" end, "< ..." from a "more than" start). The CAGR
    column is "CAGR to date %", or "CAGR since 2018 %" when it compounds from a later year
    than the first (:func:`cagr_from`). A share's table (``change`` columns) shows "Change
    pp" and "Change to date pp", signed, with the levels' decimals.

    ``actual_decimals`` (default ``decimals``) prints the levels of the rows that are not
    forecasts: the report's actuals keep the decimals they were published with ("0.4"),
    where its forecasts below 1 take three significant digits ("0.637").

    With ``sources=True`` a last column "Source" gives each row's ``source`` (the report
    leaves it out: its Sources section lists them with scope and confidence).

    Examples
    --------
    >>> import pandas as pd
    >>> history = pd.DataFrame({"series_id": "s", "year": [2021, 2022], "value": [1.0, 2.0],
    ...                         "source": ["IDC report 2022", None]})
    >>> forecast = pd.DataFrame({"series_id": "s", "year": [2023], "model": "drift",
    ...                          "mean": [3.0], "lo_80": [2.5], "hi_80": [3.5],
    ...                          "lo_95": [2.0], "hi_95": [4.0]})
    >>> format_summary(summary_table(history, forecast), sources=True)["Source"].tolist()
    ['IDC report 2022', 'not stated', "forecast by model 'drift' from the 2021-2022 history above"]
    """
    import pandas as pd

    from idcforecast.report._numbers import LevelFormat, whole_counts

    unit = str(table["unit"].iloc[0]) if len(table) and "unit" in table.columns else ""
    if decimals is None:
        actual = table[table["kind"] != "forecast"] if "kind" in table.columns else table
        whole = whole_counts(actual["value"], unit)
        # the decimals the figures were published with ("3.0" percent, "655" USD million);
        # a derived row (computed by the data's compiler: 372.29) is no publication
        kinds = actual["kind"].astype(str) if "kind" in actual.columns else None
        published = actual["value"] if kinds is None else actual["value"][kinds != "derived"]
        decimals = LevelFormat.for_values(
            table["value"], whole=whole, published=published, unit=unit
        ).decimals
    levels_header = value_header(unit)
    of_actuals = decimals if actual_decimals is None else actual_decimals
    forecasts = (
        (table["kind"].astype(str) == "forecast").tolist()
        if "kind" in table.columns
        else [False] * len(table)
    )

    qualifier = [str(q) for q in table["qualifier"]] if "qualifier" in table.columns else []
    qualifier = qualifier or [""] * len(table)
    # a CAGR that does not start at the first year says where it starts ("CAGR since 2018"
    # for a series that starts at 0): "to date" would read as from the first row
    start = cagr_from(table) if len(table) and "kind" in table.columns else None
    first = int(table["year"].iloc[0]) if len(table) else None
    cagr_header = "CAGR to date %" if start in (None, first) else f"CAGR since {start} %"
    start_at = 0 if start is None else table["year"].tolist().index(start)
    # a share (percent) changes by percentage points: its growth rates would mislead
    change = change_unit(unit) if "change" in table.columns else None
    if change:
        yoy_header, cagr_header = f"Change {change}", f"Change to date {change}"
        growth, to_date = table["change"], table["change_to_date"]
    else:
        yoy_header, growth, to_date = "YoY %", table["yoy"], table["cagr_to_date"]

    def rate(value: Any, start: str, end: str) -> str:
        # a change keeps the levels' decimals and its sign: "+0.300", "> +1.500"
        text = _rate(value, start, end, decimals if change else rate_decimals)
        if not change or text == MISSING:
            return text
        mark = text[: len(text) - len(_number(value, decimals))]
        return mark + signed(value, decimals)

    def interval(lo: Any, hi: Any) -> str:
        if isinstance(lo, float) and math.isnan(lo):
            return MISSING
        return span_text(_number(lo, decimals), _number(hi, decimals), dash="–")

    shown = pd.DataFrame(
        {
            "Year": table["year"].astype(str),
            levels_header: [
                qualifier_sign(str(q)) + _number(v, decimals if forecast else of_actuals)
                for v, q, forecast in zip(table["value"], qualifier, forecasts, strict=True)
            ],
            yoy_header: [
                rate(v, qualifier[i - 1] if i else "", qualifier[i]) for i, v in enumerate(growth)
            ],
            cagr_header: [
                rate(v, qualifier[start_at] if len(qualifier) else "", q)
                for v, q in zip(to_date, qualifier, strict=True)
            ],
            "80% interval": [
                interval(a, b) for a, b in zip(table["lo_80"], table["hi_80"], strict=True)
            ],
            "95% interval": [
                interval(a, b) for a, b in zip(table["lo_95"], table["hi_95"], strict=True)
            ],
            "Type": table["kind"].astype(str),
        }
    )
    if sources:
        if "source" not in table.columns:
            raise DataError(
                "format_summary: sources=True but the table has no 'source' column; pass "
                "a table from summary_table(), or sources=False",
                column="source",
            )
        shown["Source"] = table["source"].astype(str).to_numpy()
    return shown


def _cells(frame: pd.DataFrame, decimals: int) -> list[list[str]]:
    import pandas as pd

    def cell(value: Any) -> str:
        if isinstance(value, bool):
            return str(value).lower()
        if isinstance(value, int):
            return str(value)
        if isinstance(value, float):
            return _number(value, decimals)
        if value is None or (not isinstance(value, str) and pd.isna(value)):
            return MISSING
        return str(value)

    return [[cell(v) for v in row] for row in frame.itertuples(index=False, name=None)]


def _numeric_like(column: list[str]) -> bool:
    # numbers with a qualifier mark: "> 27.1", "~ 12.9", "> ~25.0" (at least about), and
    # ranges with a negative end: "-6.51 to 6.01"
    mark = r"(?:[<>~] |[<>] ~)?"
    number = r"[-+]?[\d,.–]+%?"
    return all(re.fullmatch(f"{mark}{number}(?: to {number})?|–", c) for c in column) and bool(
        column
    )


def to_markdown(frame: pd.DataFrame, *, decimals: int = 1) -> str:
    """A GitHub-flavoured Markdown table (numbers right-aligned, NaN as an en dash; a tie
    rounded away from zero, 1.25 to "1.3", as a spreadsheet rounds it).

    Examples
    --------
    >>> import pandas as pd
    >>> print(to_markdown(pd.DataFrame({"a": [1.25, float("nan")], "b": ["x|y", "z"]})))
    | a | b |
    |---:|:---|
    | 1.3 | x\\|y |
    | – | z |
    """
    rows = [[c.replace("|", "\\|") for c in row] for row in _cells(frame, decimals)]
    headers = [str(c).replace("|", "\\|") for c in frame.columns]
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in headers]
    align = ["---:" if _numeric_like(list(col)) else ":---" for col in columns]
    lines = [f"| {' | '.join(headers)} |", f"|{'|'.join(align)}|"]
    lines += [f"| {' | '.join(row)} |" for row in rows]
    return "\n".join(lines)


def to_html(frame: pd.DataFrame, *, decimals: int = 1, caption: str | None = None) -> str:
    """An HTML ``<table>`` with escaped text (safe to embed in a page).

    Examples
    --------
    >>> import pandas as pd
    >>> print(to_html(pd.DataFrame({"a": ["<b>"]})))
    <table class="idc-table">
    <thead><tr><th>a</th></tr></thead>
    <tbody>
    <tr><td>&lt;b&gt;</td></tr>
    </tbody>
    </table>
    """
    rows = _cells(frame, decimals)
    out = ['<table class="idc-table">']
    if caption:
        out.append(f"<caption>{html.escape(caption)}</caption>")
    head = "".join(f"<th>{html.escape(str(c))}</th>" for c in frame.columns)
    out += [f"<thead><tr>{head}</tr></thead>", "<tbody>"]
    columns = list(zip(*rows, strict=True)) if rows else []
    numeric = [_numeric_like(list(col)) for col in columns]
    for row in rows:
        cells = "".join(
            f'<td class="num">{html.escape(c)}</td>' if numeric[i] else f"<td>{html.escape(c)}</td>"
            for i, c in enumerate(row)
        )
        out.append(f"<tr>{cells}</tr>")
    out += ["</tbody>", "</table>"]
    return "\n".join(out)


_LATEX_SPECIAL = {
    "\\": r"\textbackslash{}",
    "&": r"\&",
    "%": r"\%",
    "$": r"\$",
    "#": r"\#",
    "_": r"\_",
    "{": r"\{",
    "}": r"\}",
    "~": r"\textasciitilde{}",
    "^": r"\textasciicircum{}",
    "–": "--",
}


def _latex_escape(text: str) -> str:
    return "".join(_LATEX_SPECIAL.get(ch, ch) for ch in text)


def to_latex(frame: pd.DataFrame, *, decimals: int = 1) -> str:
    r"""A LaTeX ``tabular`` (booktabs rules) with special characters escaped.

    Examples
    --------
    >>> import pandas as pd
    >>> print(to_latex(pd.DataFrame({"YoY %": [12.5], "note": ["a_b"]})))
    \begin{tabular}{rl}
    \toprule
    YoY \% & note \\
    \midrule
    12.5 & a\_b \\
    \bottomrule
    \end{tabular}
    """
    rows = _cells(frame, decimals)
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in frame.columns]
    spec = "".join("r" if _numeric_like(list(col)) else "l" for col in columns)
    lines = [f"\\begin{{tabular}}{{{spec}}}", "\\toprule"]
    lines.append(" & ".join(_latex_escape(str(c)) for c in frame.columns) + " \\\\")
    lines.append("\\midrule")
    lines += [" & ".join(_latex_escape(c) for c in row) + " \\\\" for row in rows]
    lines += ["\\bottomrule", "\\end{tabular}"]
    return "\n".join(lines)
