"""Reading claims from files and frames: the readers behind :func:`idcforecast.read_claims`.

A CSV, Excel (``.xlsx`` or ``.xls``, first sheet) or TOML file, a frame, or a list of dicts in the
``published_forecasts`` schema (docs/internals.md, "Claims") becomes a list of
:class:`~idcforecast.claims.Claim`, each error naming the file and row as
:func:`idcforecast.read_series` names them (the header is row 1; a frame's row by its index
label). Each file's rows become records read by
:func:`idcforecast._claim_records.claims_from_records` (the cells coerced and checked there).
"""

from __future__ import annotations

import re
import tomllib
from pathlib import Path
from typing import Any

from idcforecast._claim_records import (
    FIELDS,
    REQUIRED,
    check_unique,
    claims_from_records,
    is_blank_cell,
)
from idcforecast._wording import counted
from idcforecast.claims import KINDS, Claim
from idcforecast.errors import DataError, EmptyDataError, SpecError

__all__ = ["check_unique", "claims_from_frame", "claims_from_path", "claims_from_records"]


def claims_from_frame(source: Any) -> list[Claim]:
    """Claims from a DataFrame in the claims schema; rows are named by index label, as
    :func:`idcforecast.read_series` names them."""
    frame = _tidy_claim_headers(source, "claims DataFrame")
    _check_columns(frame.columns, "claims DataFrame", _dated_values(frame))
    places = [(f"DataFrame row {label!r}", label) for label in source.index]
    return claims_from_records(frame.to_dict("records"), places=places)


def claims_from_path(path: Path, encoding: str) -> list[Claim]:
    """Claims from a ``.csv``, ``.xlsx`` or ``.xls`` (first sheet) or ``.toml`` file at
    ``path``; an ``.xls`` is read as the ``.xlsx`` it would be saved as
    (:func:`idcforecast._xls_books.xls_as_xlsx`, as ``read_series`` reads one)."""
    import pandas as pd

    from idcforecast._text_files import file_encoding, text_codec

    if path.is_dir():  # was "does not exist", which it does
        raise SpecError(
            f"claims file {str(path)!r} is a folder; give the path of a .csv, .xlsx, .xls or .toml "
            "file in it (claims are read from one file)",
            file=str(path),
        )
    if not path.is_file():
        raise SpecError(
            f"claims file {str(path)!r} does not exist; give the path of a .csv, .xlsx or "
            ".toml file",
            file=str(path),
        )
    encoding = file_encoding(path, encoding)  # a UTF-16 file with its mark, as read_series
    if path.suffix.lower() == ".toml":
        return _from_toml(path, encoding)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls"):
        check_workbook(path)
    if suffix == ".xls":  # Excel 97-2003: read as the .xlsx it would be saved as, as
        import tempfile  # read_series reads one (the xls extra's xlrd)

        from idcforecast._xls_books import xls_as_xlsx

        with tempfile.TemporaryDirectory(prefix="idcforecast-xls-") as folder:
            copy = xls_as_xlsx(path, Path(folder), f"claims file {str(path)!r}")
            return _from_workbook(copy, path)
    if suffix in (".csv", ".xlsx", ".xlsm"):
        if suffix == ".csv":
            sep = _check_csv_shape(path, encoding)
            try:  # blank lines kept, so that row numbers are the file's lines
                frame = pd.read_csv(
                    path,
                    sep=sep,
                    dtype=str,
                    keep_default_na=False,
                    skip_blank_lines=False,
                    encoding=text_codec(encoding),
                )
            except UnicodeDecodeError as err:
                raise _decode_error(path, encoding, err) from err
        else:
            return _from_workbook(path, path)
        return _from_file_frame(frame, path)
    raise SpecError(
        f"claims file {str(path)!r}: expected a .csv, .xlsx, .xls or .toml file, found "
        f"{path.suffix or 'no suffix'!r}",
        file=str(path),
    )


def _from_workbook(book: Path, path: Path) -> list[Claim]:
    """Claims from the first sheet of the ``.xlsx`` workbook ``book``, read as text like a
    CSV; errors name ``path`` (the file given: an ``.xls`` is read from its copy)."""
    frame = _first_sheet(book, path)
    _percent_cells_as_shown(frame, book)
    try:
        return _from_file_frame(frame, path)
    except SpecError as err:
        _name_other_sheets(err, book, path)
        raise


def check_workbook(path: Path) -> None:
    """A SpecError for a claims file named like a workbook that is none (a CSV saved as
    '.xls', a damaged '.xlsx', an Excel 97-2003 workbook named '.xlsx'), naming what the
    file is (:func:`idcforecast._file_kinds.file_kind`) and the name that reads it: from
    Python, read_claims showed pandas' "Excel file format cannot be determined" (a
    ValueError) or xlrd's missing-dependency error, and a CSV named '.xls' was told
    "expected an .xlsx file"."""
    from idcforecast._file_kinds import file_kind

    suffix = path.suffix.lower()
    kind = file_kind(path)
    if kind.suffix == (".xls" if suffix == ".xls" else ".xlsx"):
        return
    if kind.suffix is not None:
        advice = (
            f"rename it to {path.with_suffix(kind.suffix).name!r} (a claims file is read "
            "by its name's suffix)"
        )
    elif path.stat().st_size == 0:
        advice = "save the claims into it again (it holds nothing)"
    else:
        advice = "open it in Excel or LibreOffice and save it as .xlsx, or as .csv"
    raise SpecError(
        f"claims file {str(path)!r} is named {path.suffix} but is {kind.what}; {advice}",
        file=str(path),
        found=kind.what,
    )


def _name_other_sheets(err: SpecError, book: Path, path: Path) -> None:
    """A workbook whose first sheet lacks the claims columns: say which sheet was read and
    which others there are (claims on a second sheet, behind a notes sheet, read as "lacks
    the claims columns" without a word about sheets)."""
    if "missing" not in err.fields:
        return
    import openpyxl

    try:
        workbook = openpyxl.load_workbook(book, read_only=True)
        names = list(workbook.sheetnames)
        workbook.close()
    except Exception:  # pandas read it; the error stands as it is
        return
    if len(names) < 2:
        return
    others = ", ".join(repr(n) for n in names[1:])
    fields = {key: getattr(err, key) for key in err.fields}
    raise SpecError(
        f"{err.message} (claims are read from the first sheet, {names[0]!r}; the workbook "
        f"also has {others}: move the claims sheet first, or save it as .csv)",
        **fields,
    ) from err


def _first_sheet(book: Path, path: Path) -> Any:
    """The first sheet of ``book`` as text cells; a zip that is no workbook (an .ods or
    .docx renamed, broken XML) is a SpecError naming ``path``, not openpyxl's KeyError or a
    pandas ValueError."""
    import zipfile

    import pandas as pd

    try:
        return pd.read_excel(
            book, sheet_name=0, dtype=str, keep_default_na=False, engine="openpyxl"
        )
    except (zipfile.BadZipFile, KeyError, SyntaxError, ValueError, OSError) as err:
        raise SpecError(
            f"claims file {str(path)!r}: not a readable Excel workbook ({err}); expected an "
            ".xlsx file saved by Excel or LibreOffice; re-save it as .xlsx, or as .csv",
            file=str(path),
        ) from err


def _percent_cells_as_shown(frame: Any, path: Path) -> None:
    """Cells formatted as percentages hold the text Excel shows ("27.8%"), not the stored
    fraction: a CAGR cell shown as 27.8% is stored as 0.278, which a claim (rates in
    percent) read as 0.278%. The rule of ``read_series``
    (:func:`idcforecast._excel_sheets.percent_cells_as_text`)."""
    import openpyxl
    import pandas as pd

    from idcforecast._excel_sheets import percent_cells_as_text

    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except Exception:  # pandas read it; a sheet openpyxl cannot is kept as read
        return
    try:
        sheet = book.worksheets[0]
        stored = pd.DataFrame(index=frame.index, columns=frame.columns, dtype=object)
        rows = sheet.iter_rows(
            min_row=2, max_row=len(frame) + 1, max_col=frame.shape[1], values_only=True
        )
        for i, values in enumerate(rows):
            for j, value in enumerate(values):
                stored.iat[i, j] = value
        shown = stored.copy()
        percent_cells_as_text(shown, sheet, 0)
        for i in range(len(frame)):
            for j in range(frame.shape[1]):
                if shown.iat[i, j] is not stored.iat[i, j] and isinstance(shown.iat[i, j], str):
                    frame.iat[i, j] = shown.iat[i, j]
    finally:
        book.close()


def _check_csv_shape(path: Path, encoding: str) -> str:
    """The claims CSV's separator, after a typed error for an empty file, or one whose row
    has more fields than its header (pandas would read the row shifted by one column, or
    stop with a traceback).

    The separator is "," unless the header holds none and splits on ";", a tab or "|" (a
    CSV saved by Excel in a continental locale: it was one column named
    "claim_set;subject;...", refused as lacking every claims column)."""
    from idcforecast._text_files import first_ragged_line, text_codec

    try:
        text = path.read_text(encoding=text_codec(encoding))
    except UnicodeDecodeError as err:
        raise _decode_error(path, encoding, err) from err
    empty = not text.strip()
    if empty:
        raise EmptyDataError(
            f"claims file {str(path)!r} is empty; expected a header row (subject, kind, year, "
            "value, ...) and one claim per row",
            file=str(path),
        )
    header = text.lstrip("\ufeff").splitlines()[0] if text.strip() else ""
    sep = ","
    if "," not in header:
        sep = next((c for c in (";", "\t", "|") if c in header), ",")
    ragged = first_ragged_line(path, sep, 0, encoding)
    if ragged is not None:
        line, fields, width = ragged
        held = {",": 'a comma ("1,562.5")', ";": "a semicolon", "\t": "a tab", "|": "a '|'"}
        raise DataError(
            f"claims file {str(path)!r} line {line} has {fields} fields, the header {width}: "
            f"quote a cell that holds {held[sep]}, or remove the extra field",
            file=str(path),
            line=line,
        )
    return sep


def _decode_error(path: Path, encoding: str, err: UnicodeDecodeError) -> DataError:
    from idcforecast._text_files import decode_error

    return decode_error(f"claims file {str(path)!r}", path, encoding, err)


def _from_toml(path: Path, encoding: str) -> list[Claim]:
    from idcforecast._text_files import text_codec

    place = f"file {str(path)!r}"
    try:
        data = tomllib.loads(path.read_text(encoding=text_codec(encoding)))
    except UnicodeDecodeError as err:
        raise _decode_error(path, encoding, err) from err
    except tomllib.TOMLDecodeError as err:
        raise SpecError(f"{place} is not valid TOML: {err}", file=str(path)) from err
    return claims_from_toml_data(data, place, file=str(path))


def claims_from_toml_data(data: dict, place: str, *, file: str | None = None) -> list[Claim]:
    """Claims from a claims TOML file as parsed (``tomllib``): ``claims``, a list of tables,
    and defaults for every claim at the top level. ``place`` names it in errors."""
    data = dict(data)
    tables = data.pop("claims", None)
    # a table or array other than [[claims]] was dropped without a word: a [[claim]] typo
    # lost its claims, a [meta] table its defaults ("made" left every horizon blank)
    stray = [k for k, v in data.items() if isinstance(v, dict | list)]
    if stray:
        value = data[stray[0]]
        verb = "is"
        if isinstance(value, dict):
            what = f"the table [{stray[0]}]"
        elif value and all(isinstance(v, dict) for v in value):
            what = f"the tables [[{stray[0]}]]"
            verb = "are"
        else:
            what = f"the list {stray[0]!r}"
        hint = (
            "did you mean [[claims]]? (one [[claims]] table per claim)"
            if stray[0].strip().lower().startswith("claim")
            else "claims go in [[claims]] tables, defaults for every claim are keys at the "
            "top of the file, before the first table"
        )
        raise SpecError(
            f"{place} has {what}, which {verb} not read; {hint}",
            file=file,
            key=stray[0],
        )
    if not isinstance(tables, list) or not tables:
        raise SpecError(
            f"{place} has no [[claims]] tables; write one [[claims]] table per claim",
            file=file,
        )
    defaults = dict(data)
    # "[[claims]] table 2", the Nth table of the file: "row 2" named no place a TOML file has
    places = [(f"{place} [[claims]] table {n}", n) for n in range(1, len(tables) + 1)]
    return claims_from_records([{**defaults, **t} for t in tables], places=places)


# claims headers as Chinese tables (and series files) write them, beside the aliases
# read_series takes (单位 unit, 来源 source, 备注 note, 年份 year, 数值 value)
_CLAIM_HEADER_ALIASES = {
    **dict.fromkeys(("主体", "对象", "對象"), "subject"),
    **dict.fromkeys(("类型", "類型", "种类", "種類", "指标", "指標"), "kind"),
    **dict.fromkeys(("期间", "期間", "时期", "時期", "区间", "區間"), "period"),
    **dict.fromkeys(("起始年份", "起始年", "基期", "基年"), "start_year"),
    **dict.fromkeys(("发布日期", "發布日期", "发布时间", "發布時間", "发布", "發布"), "made"),
    **dict.fromkeys(("发布机构", "發布機構", "机构", "機構", "publisher"), "by"),
    **dict.fromkeys(("原文", "引文", "原话", "原話"), "quote"),
    **dict.fromkeys(("限定", "限定词", "限定詞"), "qualifier"),
    **dict.fromkeys(("可信度", "置信度"), "confidence"),
    **dict.fromkeys(("币种", "幣種", "货币", "貨幣", "計價貨幣", "计价货币"), "currency"),
}


def _tidy_claim_headers(frame: Any, what: str) -> Any:
    """Headers as :func:`idcforecast.read_series` takes them: no surrounding spaces, and
    a claims field in other letter case ("Subject", " VALUE ") under its own name."""
    from idcforecast._table_headers import tidy_headers

    known = (*FIELDS, "period")
    # "Claim set", "Start-year": a field's name with a space or hyphen for its underscore
    # was an unknown key
    spelled = {re.sub(r"[\s\-]+", "_", str(c).strip()).lower(): c for c in frame.columns}
    # "主体", "类型", "期间" (a Chinese analyst's headers; 数值, 单位, 来源 were read already):
    # the file "lacked the claims columns subject, kind, year (or period)"
    for header, field in _CLAIM_HEADER_ALIASES.items():
        if header in spelled and field not in spelled:
            spelled[field] = spelled.pop(header)
    renames = {
        spelled[k]: k for k in known if k in spelled and spelled[k] != k and k not in frame.columns
    }
    if renames:
        frame = frame.rename(columns=renames)
    return _unit_of_value_header(tidy_headers(frame, known, what, raw_header=None))


# a value column headed with its unit, "value (CNY 100m)", "数值（亿元）", as a series table
# heads its figures
_VALUE_WITH_UNIT = re.compile(
    r"^\s*(?:value|数值|數值|数据|數據)\s*[(（]\s*(?P<unit>[^()（）]+?)\s*[)）]\s*$", re.I
)


def _unit_of_value_header(frame: Any) -> Any:
    """``frame`` with a value column headed with its unit ("value (亿元)") as ``value``,
    and that unit the unit of its level rows that give none (the file "lacked the claims
    column value"). Rates keep theirs (a growth row's "34%" is no 亿元); a unit the
    registry does not know leaves the header as it is (the missing column is told)."""
    if "value" in frame.columns:
        return frame
    headed = [(c, m) for c in frame.columns if (m := _VALUE_WITH_UNIT.match(str(c)))]
    if len(headed) != 1:
        return frame
    from idcforecast._claim_records import kind_word
    from idcforecast.errors import IdcForecastError
    from idcforecast.units.registry import parse_unit

    column, found = headed[0]
    try:
        parse_unit(found["unit"])
    except IdcForecastError:
        return frame
    frame = frame.rename(columns={column: "value"})
    levels = [
        isinstance(kind, str) and kind_word(kind) == "level"
        for kind in (frame["kind"] if "kind" in frame.columns else [None] * len(frame))
    ]
    units = frame["unit"] if "unit" in frame.columns else [None] * len(frame)
    frame["unit"] = [
        found["unit"] if level and is_blank_cell(unit) else unit
        for level, unit in zip(levels, units, strict=True)
    ]
    return frame


def _dated_values(frame: Any) -> bool:
    """Whether some value cell of ``frame`` ends in a bracketed year or period
    ("3200亿元（2022年）", "27.8% (2020-2022)"), which gives its claim's years."""
    from idcforecast._claim_value_years import bracketed_years

    if "value" not in frame.columns:
        return False
    return any(isinstance(v, str) and bracketed_years(v) for v in frame["value"])


def _check_columns(columns: Any, what: str, dated_values: bool = False) -> None:
    """A file-level error when a table lacks a required claims column (a series file given
    as claims said "row 2: missing subject, kind"); no year column is no error when values
    give their years in brackets (``dated_values``: each row without one is told)."""
    found = [str(c) for c in columns]
    missing = [k for k in ("subject", "kind") if k not in found]
    if "year" not in found and "period" not in found and not dated_values:
        missing.append("year (or period)")
    if "value" not in found and not ("low" in found and "high" in found):
        missing.append("value")
    if not missing:
        return
    shown = ", ".join(found[:10]) + (f", ... ({len(found)} in all)" if len(found) > 10 else "")
    optional = [f for f in FIELDS if f not in (*REQUIRED, "low", "high")]
    # `figures --csv` / find_figures output: every column but the two only a reader can set
    figures = (
        "; it is a table of figures, as `idcforecast figures --csv` writes it: keep the rows "
        "that are claims and add a subject column (the series each is about) and a kind "
        f"column ({', '.join(KINDS)})"
        if {"figure", "sentence"} <= set(found) and set(missing) <= {"subject", "kind"}
        else ""
    )
    raise SpecError(
        f"{what} lacks the claims {'column' if len(missing) == 1 else 'columns'} "
        f"{', '.join(missing)} (found {counted(len(found), 'column')}: {shown or 'none'}); "
        "expected one claim per row with columns subject, kind, year (or period) and value "
        "(or low and high), "
        f"optionally {', '.join(optional)}{figures}",
        missing=tuple(missing),
        found=tuple(found),
    )


def _from_file_frame(frame: Any, path: Path) -> list[Claim]:
    """Claims from a CSV or Excel sheet read as text; blank rows are skipped, and rows are
    named as a spreadsheet shows them (the header is row 1), as :func:`read_series` does."""
    from idcforecast._table_files import row_place

    frame = _tidy_claim_headers(frame, f"claims file {str(path)!r}")
    _check_columns(frame.columns, f"claims file {str(path)!r}", _dated_values(frame))
    records, places = [], []
    for position, record in enumerate(frame.to_dict("records")):
        if all(is_blank_cell(v) for v in record.values()):
            continue  # a blank line
        records.append(record)
        places.append((row_place(f"file {str(path)!r}", position), position + 2))
    if not records:
        raise SpecError(
            f"claims file {str(path)!r} has no rows; write one claim per row under "
            "the header (subject, kind, year, value, ...)",
            file=str(path),
        )
    return claims_from_records(records, places=places)
