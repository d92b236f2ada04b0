"""Summary tables, their Markdown/HTML/LaTeX renderings, and formatted Excel export.

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
import os
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from idcforecast._history_notes import is_estimate_note
from idcforecast._wording import qualifier_sign, year_span
from idcforecast.errors import DataError, SpecError
from idcforecast.report._atomic import write_atomic
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
    signed,
    yoy_changes,
    yoy_rates,
)
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
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_SIGNED_NUMBER = re.compile(r"[+-]\d{1,3}(?:,\d{3})*(?:\.\d+)?%?|[+-]\d+(?:\.\d+)?%?")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
PERCENT_COLUMNS = frozenset({"yoy", "cagr_to_date", "cagr", "growth", "smape", "mape"})


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
        percent (a share), pp or bp has ``change`` and ``change_to_date`` instead: the
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
    if change_unit(unit):  # a share: changes in percentage points, never growth rates
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
    rates = 100.0 * ((values[later] / values[start]) ** (1.0 / span) - 1.0)
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
    return f"{value:,.{decimals}f}"


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
        decimals = LevelFormat.for_values(table["value"], whole=whole, published=published).decimals
    levels_header = value_header(unit)

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
        return f"{_number(lo, decimals)}–{_number(hi, decimals)}"

    shown = pd.DataFrame(
        {
            "Year": table["year"].astype(str),
            levels_header: [
                qualifier_sign(str(q)) + _number(v, decimals)
                for v, q in zip(table["value"], qualifier, strict=True)
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
    # numbers with a qualifier mark: "> 27.1", "~ 12.9", "> ~25.0" (at least about)
    mark = r"(?:[<>~] |[<>] ~)?"
    return all(re.fullmatch(mark + r"[-+]?[\d,.–]+%?|–", c) for c in column) and bool(column)


def to_markdown(frame: pd.DataFrame, *, decimals: int = 1) -> str:
    """A GitHub-flavoured Markdown table (numbers right-aligned, NaN as an en dash).

    Examples
    --------
    >>> import pandas as pd
    >>> print(to_markdown(pd.DataFrame({"a": [1.25, float("nan")], "b": ["x|y", "z"]})))
    | a | b |
    |---:|:---|
    | 1.2 | x\\|y |
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


def escape_formula(text: str) -> str:
    """Make text that a spreadsheet would run as a formula inert (prefix an apostrophe).

    Text starting with ``= + - @``, a tab or a carriage return is what Excel, LibreOffice
    and Google Sheets evaluate (CSV/formula injection, OWASP); other text is unchanged, and
    so is a signed number alone ("-10.0", "+3.5%", "-1,234.5": a negative growth rate of
    ``format_summary``), which no spreadsheet runs and which the apostrophe, stored in a
    text cell, showed as "'-10.0".

    Examples
    --------
    >>> escape_formula("=HYPERLINK(\\"http://x\\")"), escape_formula("CNY 100m")
    ('\\'=HYPERLINK("http://x")', 'CNY 100m')
    >>> escape_formula("-10.0"), escape_formula("-2+3")
    ('-10.0', "'-2+3")
    """
    if _SIGNED_NUMBER.fullmatch(text):
        return text
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def _check_sheet_names(names: list[str]) -> None:
    seen: dict[str, str] = {}
    for name in names:
        problem = None
        if not name.strip():
            problem = "is empty"
        elif len(name) > 31:
            problem = f"has {len(name)} characters (Excel allows at most 31)"
        elif _BAD_SHEET_CHARS.search(name):
            problem = "contains one of [ ] : * ? / \\ (Excel forbids them)"
        elif name.lower() in seen:
            problem = f"repeats {seen[name.lower()]!r} (Excel ignores case)"
        if problem:
            raise SpecError(
                f"to_excel: sheet name {name!r} {problem}; rename that key of `tables`",
                sheet=name,
            )
        seen[name.lower()] = name


def _number_format(column: str, series: pd.Series) -> str | None:
    import pandas as pd

    if pd.api.types.is_bool_dtype(series):
        return None
    if pd.api.types.is_integer_dtype(series):
        return "0" if column.lower() in {"year", "cutoff", "start_year"} else "#,##0"
    if pd.api.types.is_float_dtype(series):
        if column.lower() in PERCENT_COLUMNS or column.endswith("%"):
            return '0.0"%"'
        if column.lower().startswith("coverage") or _is_probability(column):
            return "0.0%"
        return "#,##0." + "0" * _decimals(series)
    return None


def _is_probability(column: str) -> bool:
    """``probability``, ``prob`` or a ``P(> 8,000)`` column: fractions shown as percent."""
    name = column.strip().lower()
    return name in {"probability", "prob"} or name.startswith(("p(>", "p(<", "p(≥", "p(≤"))


def _decimals(series: pd.Series, significant: int = 3) -> int:
    """Decimals that keep ``significant`` digits of the column's smallest nonzero value,
    between 1 and 6: 1 for market sizes, 3 for weights 0.25 (was one decimal everywhere,
    so weights 0.5 / 0.25 / 0.25 showed as 0.5 / 0.3 / 0.3).

    Examples
    --------
    >>> import pandas as pd
    >>> _decimals(pd.Series([1562.5, 2238.7])), _decimals(pd.Series([0.5, 0.25]))
    (1, 3)
    >>> _decimals(pd.Series([0.0, float("nan")]))
    1
    """
    import numpy as np

    values = np.abs(series.to_numpy(dtype="float64", na_value=np.nan))
    values = values[np.isfinite(values) & (values > 0)]
    if values.size == 0:
        return 1
    digits = significant - 1 - math.floor(math.log10(float(values.min())))
    return min(max(digits, 1), 6)


def _write_sheet(ws: Any, frame: pd.DataFrame, sheet: str) -> None:
    import pandas as pd
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    header_font = Font(bold=True, color="FFFFFF")
    header_fill = PatternFill("solid", fgColor="1F4E79")
    columns = [str(c) for c in frame.columns]
    for j, name in enumerate(columns, start=1):
        cell = ws.cell(row=1, column=j, value=escape_formula(name))
        cell.font, cell.fill = header_font, header_fill
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    formats = [_number_format(c, frame[c]) for c in frame.columns]
    widths = [len(c) + 2 for c in columns]
    for i, row in enumerate(frame.itertuples(index=False, name=None), start=2):
        for j, value in enumerate(row, start=1):
            if value is None or (not isinstance(value, str) and pd.isna(value)):
                continue  # an empty cell, not the text "nan"
            if isinstance(value, str):
                if ILLEGAL_CHARACTERS_RE.search(value):
                    raise DataError(
                        f"to_excel: sheet {sheet!r} row {i - 2} column {columns[j - 1]!r}: "
                        f"text {value[:40]!r} has control characters that Excel cannot store; "
                        f"remove them before exporting",
                        sheet=sheet,
                        row=i - 2,
                        column=columns[j - 1],
                    )
                value = escape_formula(value)
            elif hasattr(value, "item"):
                value = value.item()  # numpy scalar -> Python scalar for openpyxl
            cell = ws.cell(row=i, column=j, value=value)
            if isinstance(value, str):
                cell.data_type = "s"  # never a formula, whatever openpyxl infers
            elif formats[j - 1]:
                cell.number_format = formats[j - 1]
            widths[j - 1] = max(widths[j - 1], min(60, len(str(value)) + 2))
    for j, width in enumerate(widths, start=1):
        ws.column_dimensions[get_column_letter(j)].width = width
    ws.freeze_panes = "A2"


def to_excel(
    tables: Mapping[str, pd.DataFrame] | pd.DataFrame,
    path: str | os.PathLike[str],
    *,
    date: Date | None = None,
) -> Path:
    """Write tables to an ``.xlsx`` workbook, one formatted sheet per table, atomically.

    Header row bold and frozen, numbers with thousands separators, percent columns
    (``yoy``, ``cagr_to_date``...) as ``12.3%`` without changing the stored value, NaN as
    an empty cell. Text that a spreadsheet would run as a formula (starting with
    ``= + - @``, a tab or a carriage return) is prefixed with an apostrophe and stored as
    text.

    Parameters
    ----------
    tables
        Sheet name -> DataFrame (or one DataFrame, written to sheet "table").
    path
        The ``.xlsx`` file to write (the name must end in ``.xlsx``); its folder is
        created if needed.
    date
        The workbook's created/modified date (today by default). The file's bytes depend
        only on ``tables`` and ``date``: the same call twice writes the same file.

    Raises
    ------
    SpecError
        ``path`` does not end in ``.xlsx``, ``tables`` is empty or not a DataFrame or a
        mapping of DataFrames, or a sheet name Excel refuses. Nothing is written.
    DataError
        Text with control characters that Excel cannot store.
    ReportError
        ``path`` cannot be written.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "t.xlsx"
    >>> to_excel({"summary": pd.DataFrame({"year": [2023], "note": ["=1+1"]})}, out).name
    't.xlsx'
    """
    import pandas as pd
    from openpyxl import Workbook

    suffix = Path(path).suffix
    if suffix.lower() != ".xlsx":
        found = f"ends in {suffix!r}" if suffix else "has no extension"
        raise SpecError(
            f"to_excel: path {str(path)!r} {found}; to_excel writes an Excel workbook: "
            "pass a path ending in .xlsx (for CSV use DataFrame.to_csv)",
            path=str(path),
        )
    if isinstance(tables, pd.DataFrame):
        tables = {"table": tables}
    if not isinstance(tables, Mapping):
        raise SpecError(
            f"to_excel: `tables` is a {type(tables).__name__}; pass one DataFrame or "
            "{sheet name: DataFrame}",
            sheet=None,
        )
    if not tables:
        raise SpecError("to_excel: `tables` is empty; pass {sheet name: DataFrame}", sheet=None)
    names = [str(name) for name in tables]
    _check_sheet_names(names)
    for name, frame in zip(names, tables.values(), strict=True):
        if not isinstance(frame, pd.DataFrame):
            raise SpecError(
                f"to_excel: sheet {name!r} is a {type(frame).__name__}, not a DataFrame; "
                f"pass {{sheet name: DataFrame}}, e.g. {{{name!r}: pd.DataFrame(...)}}",
                sheet=name,
            )
    workbook = Workbook()
    workbook.remove(workbook.active)
    for name, frame in zip(names, tables.values(), strict=True):
        _write_sheet(workbook.create_sheet(title=name), frame, name)
    stamp = (
        datetime(date.year, date.month, date.day, tzinfo=UTC).replace(tzinfo=None)
        if date is not None
        else datetime.now(UTC).replace(tzinfo=None, microsecond=0)
    )
    workbook.properties.created = workbook.properties.modified = stamp
    workbook.properties.creator = "idcforecast"
    return write_atomic(
        path, lambda tmp: _save_reproducibly(workbook, tmp, stamp), what="Excel file"
    )


def _save_reproducibly(workbook: Any, path: Path, stamp: datetime) -> None:
    """``workbook.save(path)`` with every zip entry dated ``stamp`` instead of now.

    openpyxl stamps each member of the ``.xlsx`` zip with the current time (and
    ``workbook.save`` the modified date too), so two saves of the same tables differed in
    bytes; writing without ``save`` and re-packing the members in the same order with the
    workbook's own date makes the file a function of its inputs (and ``date``).
    """
    import io
    import zipfile

    from openpyxl.writer.excel import ExcelWriter

    buffer = io.BytesIO()
    # ExcelWriter, not workbook.save(): save_workbook sets properties.modified to now,
    # so files saved a second apart differed in docProps/core.xml
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        ExcelWriter(workbook, archive).save()
    when = (max(stamp.year, 1980), stamp.month, stamp.day, stamp.hour, stamp.minute, stamp.second)
    with (
        zipfile.ZipFile(io.BytesIO(buffer.getvalue())) as source,
        zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for info in source.infolist():
            member = zipfile.ZipInfo(info.filename, date_time=when)
            member.compress_type = zipfile.ZIP_DEFLATED
            member.external_attr = info.external_attr
            target.writestr(member, source.read(info.filename))
