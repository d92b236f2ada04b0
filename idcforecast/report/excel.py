"""Formatted Excel export of tables (:func:`to_excel`) and the formula escaping it applies
(:func:`escape_formula`); re-exported by :mod:`idcforecast.report.tables`."""

from __future__ import annotations

import math
import os
import re
from collections.abc import Mapping
from datetime import UTC, datetime
from datetime import date as Date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from idcforecast.errors import DataError, SpecError
from idcforecast.report._atomic import write_atomic

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["FORMULA_TRIGGERS", "PERCENT_COLUMNS", "escape_formula", "to_excel"]

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_SIGNED_NUMBER = re.compile(r"[+-]\d{1,3}(?:,\d{3})*(?:\.\d+)?%?|[+-]\d+(?:\.\d+)?%?")
_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
PERCENT_COLUMNS = frozenset({"yoy", "cagr_to_date", "cagr", "growth", "smape", "mape"})


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


# Fractions (0.278 = 27.8%) in the frames check_claims and track_record return, which
# the report prints as percent; recognised by columns only those frames have together, so
# a user's own "error" or "gap" column (in units) keeps its number format
_CLAIM_FRACTIONS = (
    (
        frozenset({"claimed_rate", "implied_rate", "rate_gap", "end_gap", "reference_base"}),
        frozenset({"gap", "implied_rate", "claimed_rate", "rate_gap", "end_gap"}),
    ),
    (
        frozenset({"claim_id", "error", "log_error", "direction", "held", "actual_qualifier"}),
        frozenset({"error"}),
    ),
)


def fraction_columns(frame: pd.DataFrame) -> frozenset[str]:
    """The columns of ``frame`` that hold fractions shown as percent: the rates and gaps
    of a :func:`~idcforecast.check_claims` frame, the ``error`` of a
    :func:`~idcforecast.track_record` frame (``log_error`` is a log, not a fraction);
    none for any other frame.

    Examples
    --------
    >>> import pandas as pd
    >>> record = pd.DataFrame(columns=["claim_id", "value", "actual", "error", "log_error",
    ...                                "direction", "held", "actual_qualifier"])
    >>> sorted(fraction_columns(record)), sorted(fraction_columns(pd.DataFrame(columns=["error"])))
    (['error'], [])
    """
    names = {str(c) for c in frame.columns}
    found: set[str] = set()
    for signature, fractions in _CLAIM_FRACTIONS:
        if signature <= names:
            found |= fractions & names
    return frozenset(found)


def _number_format(column: str, series: pd.Series, *, fraction: bool = False) -> str | None:
    import pandas as pd

    if pd.api.types.is_bool_dtype(series):
        return None
    if fraction and pd.api.types.is_float_dtype(series):
        return "0.0%"  # 0.278 reads 27.8%, as the report prints it
    if _is_year_column(column) and (pd.api.types.is_integer_dtype(series) or _whole_floats(series)):
        return "0"  # a year, not a quantity: 2022, never "2,022" or "2,022.0"
    if pd.api.types.is_integer_dtype(series):
        return "#,##0"
    if pd.api.types.is_float_dtype(series):
        if column.lower() in PERCENT_COLUMNS or column.endswith("%"):
            return '0.0"%"'
        if column.lower().startswith("coverage") or _is_probability(column):
            return "0.0%"
        decimals = _decimals(series)
        return "#,##0." + "0" * decimals if decimals else "#,##0"
    return None


def _is_year_column(column: str) -> bool:
    """``year``, ``cutoff`` or a ``..._year`` column (``start_year``, ``end_year`` and
    ``base_year`` of check_claims): years, printed without a thousands separator.

    Examples
    --------
    >>> _is_year_column("end_year"), _is_year_column("Year"), _is_year_column("years")
    (True, True, False)
    """
    name = column.strip().lower()
    return name in {"year", "cutoff"} or name.endswith("_year")


def _whole_floats(series: pd.Series) -> bool:
    """Whether a float column holds whole numbers only (years with a gap read as NaN)."""
    import numpy as np
    import pandas as pd

    if not pd.api.types.is_float_dtype(series):
        return False
    values = series.to_numpy(dtype="float64", na_value=np.nan)
    values = values[np.isfinite(values)]
    return bool(values.size) and bool(np.all(values == np.round(values)))


def _is_probability(column: str) -> bool:
    """``probability``, ``prob`` or a ``P(> 8,000)`` column: fractions shown as percent."""
    name = column.strip().lower()
    return name in {"probability", "prob"} or name.startswith(("p(>", "p(<", "p(≥", "p(≤"))


def _decimals(series: pd.Series, significant: int = 3) -> int:
    """Decimals that keep ``significant`` digits of the column's smallest nonzero value,
    between 1 and 6: 1 for market sizes, 3 for weights 0.25 (was one decimal everywhere,
    so weights 0.5 / 0.25 / 0.25 showed as 0.5 / 0.3 / 0.3); none for a column whose
    every value has six digits or more before the point (a series in plain USD showed
    "8,763,500,126.0").

    Examples
    --------
    >>> import pandas as pd
    >>> _decimals(pd.Series([1562.5, 2238.7])), _decimals(pd.Series([0.5, 0.25]))
    (1, 3)
    >>> _decimals(pd.Series([0.0, float("nan")]))
    1
    >>> _decimals(pd.Series([5668995200.0, 8763500126.4])), _decimals(pd.Series([99999.5]))
    (0, 1)
    """
    import numpy as np

    values = np.abs(series.to_numpy(dtype="float64", na_value=np.nan))
    values = values[np.isfinite(values) & (values > 0)]
    if values.size == 0:
        return 1
    if float(values.min()) >= 1e5:
        return 0
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
    fractions = fraction_columns(frame)
    formats = [_number_format(c, frame[c], fraction=str(c) in fractions) for c in frame.columns]
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
    (``yoy``, ``cagr_to_date``...) as ``12.3%`` without changing the stored value, the
    fractions of a :func:`~idcforecast.check_claims` or :func:`~idcforecast.track_record`
    frame (``claimed_rate``, ``gap``... ``error``; :func:`fraction_columns`) as ``27.8%``
    (stored 0.278), NaN as an empty cell. Text that a spreadsheet would run as a formula
    (starting with ``= + - @``, a tab or a carriage return) is prefixed with an apostrophe
    and stored as text.

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
