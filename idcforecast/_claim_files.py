"""Reading claims from files and frames: the readers behind :func:`idcforecast.read_claims`.

A CSV, Excel (``.xlsx``, first sheet) or TOML file, a frame, or a list of dicts in the
``published_forecasts`` schema (docs/internals.md, "Claims") becomes a list of
:class:`~idcforecast.claims.Claim`, each error naming the file and row as
:func:`idcforecast.read_series` names them (the header is row 1; a frame's row by its index
label). Cells are coerced on the way: figure text ("320 billion yuan", "25-30%",
"more than 3200.5亿元") into value, unit, qualifier or range, read by
:func:`idcforecast.parse_quantity`; years into whole numbers; a claim set with two claims of
one ``claim_id`` is refused (:func:`check_unique`).
"""

from __future__ import annotations

import math
import re
import tomllib
from dataclasses import fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from idcforecast._wording import counted
from idcforecast.claims import Claim, parse_period
from idcforecast.errors import DataError, EmptyDataError, SpecError

if TYPE_CHECKING:
    from idcforecast.units.quantity import Quantity

__all__ = ["check_unique", "claims_from_frame", "claims_from_path", "claims_from_records"]

_FIELDS = tuple(f.name for f in fields(Claim))
_REQUIRED = ("subject", "kind", "value", "year")


def claims_from_frame(source: Any) -> list[Claim]:
    """Claims from a DataFrame in the claims schema; rows are named by index label, as
    :func:`idcforecast.read_series` names them."""
    frame = _tidy_claim_headers(source, "claims DataFrame")
    _check_columns(frame.columns, "claims DataFrame")
    places = [(f"DataFrame row {label!r}", label) for label in source.index]
    return claims_from_records(frame.to_dict("records"), places=places)


def claims_from_path(path: Path, encoding: str) -> list[Claim]:
    """Claims from a ``.csv``, ``.xlsx`` (first sheet) or ``.toml`` file at ``path``."""
    import pandas as pd

    from idcforecast._text_files import text_codec

    if path.is_dir():  # was "does not exist", which it does
        raise SpecError(
            f"claims file {str(path)!r} is a folder; give the path of a .csv, .xlsx or .toml "
            "file in it (claims are read from one file)",
            file=str(path),
        )
    if not path.is_file():
        raise SpecError(
            f"claims file {str(path)!r} does not exist; give the path of a .csv, .xlsx or "
            ".toml file",
            file=str(path),
        )
    if path.suffix.lower() == ".toml":
        return _from_toml(path, encoding)
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm", ".xls"):
        check_workbook(path)
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
        else:  # the first sheet, read as text like a CSV
            frame = _first_sheet(path)
            _percent_cells_as_shown(frame, path)
            try:
                return _from_file_frame(frame, path)
            except SpecError as err:
                _name_other_sheets(err, path)
                raise
        return _from_file_frame(frame, path)
    raise SpecError(
        f"claims file {str(path)!r}: expected a .csv, .xlsx or .toml file, found "
        f"{path.suffix or 'no suffix'!r}",
        file=str(path),
    )


def check_workbook(path: Path) -> None:
    """A SpecError for a claims file named like a workbook that is none (a CSV saved as
    '.xls', a damaged '.xlsx', an old Excel 97-2003 '.xls'): from Python, read_claims
    showed pandas' "Excel file format cannot be determined" (a ValueError) or xlrd's
    missing-dependency error."""
    import zipfile

    with path.open("rb") as handle:
        head = handle.read(8)
    if path.suffix.lower() == ".xls":
        old_excel = head == bytes.fromhex("d0cf11e0a1b11ae1")  # the OLE2 header of a real .xls
        problem = (
            "an old Excel 97-2003 workbook, which this package does not read"
            if old_excel
            else "not an Excel workbook (no .xls header: a CSV or web page named .xls?)"
        )
    else:
        problem = "" if zipfile.is_zipfile(path) else "not a readable Excel workbook (no zip)"
    if problem:
        raise SpecError(
            f"claims file {str(path)!r}: {problem}; expected an .xlsx file saved by Excel or "
            "LibreOffice; re-save it as .xlsx, or as .csv",
            file=str(path),
        )


def _name_other_sheets(err: SpecError, path: Path) -> None:
    """A workbook whose first sheet lacks the claims columns: say which sheet was read and
    which others there are (claims on a second sheet, behind a notes sheet, read as "lacks
    the claims columns" without a word about sheets)."""
    if "missing" not in err.fields:
        return
    import openpyxl

    try:
        book = openpyxl.load_workbook(path, read_only=True)
        names = list(book.sheetnames)
        book.close()
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


def _first_sheet(path: Path) -> Any:
    """The first sheet as text cells; a zip that is no workbook (an .ods or .docx renamed,
    broken XML) is a SpecError, not openpyxl's KeyError or a pandas ValueError."""
    import zipfile

    import pandas as pd

    try:
        return pd.read_excel(
            path, sheet_name=0, dtype=str, keep_default_na=False, engine="openpyxl"
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
            file=str(path),
            key=stray[0],
        )
    if not isinstance(tables, list) or not tables:
        raise SpecError(
            f"{place} has no [[claims]] tables; write one [[claims]] table per claim",
            file=str(path),
        )
    defaults = dict(data)
    places = [(f"{place} row {n}", n) for n in range(1, len(tables) + 1)]
    return claims_from_records([{**defaults, **t} for t in tables], places=places)


def _blank(value: Any) -> bool:
    if value is None:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    try:
        import pandas as pd

        if value is pd.NA:
            return True
    except ImportError:  # pragma: no cover - pandas is a dependency
        pass
    return isinstance(value, str) and value.strip() == ""


def _tidy_claim_headers(frame: Any, what: str) -> Any:
    """Headers as :func:`idcforecast.read_series` takes them: no surrounding spaces, and
    a claims field in other letter case ("Subject", " VALUE ") under its own name."""
    from idcforecast._table_headers import tidy_headers

    known = (*_FIELDS, "period")
    # "Claim set", "Start-year": a field's name with a space or hyphen for its underscore
    # was an unknown key
    spelled = {re.sub(r"[\s\-]+", "_", str(c).strip()).lower(): c for c in frame.columns}
    renames = {
        spelled[k]: k for k in known if k in spelled and spelled[k] != k and k not in frame.columns
    }
    if renames:
        frame = frame.rename(columns=renames)
    return tidy_headers(frame, known, what, raw_header=None)


def _check_columns(columns: Any, what: str) -> None:
    """A file-level error when a table lacks a required claims column (a series file given
    as claims said "row 2: missing subject, kind")."""
    found = [str(c) for c in columns]
    missing = [k for k in ("subject", "kind") if k not in found]
    if "year" not in found and "period" not in found:
        missing.append("year (or period)")
    if "value" not in found and not ("low" in found and "high" in found):
        missing.append("value")
    if not missing:
        return
    shown = ", ".join(found[:10]) + (f", ... ({len(found)} in all)" if len(found) > 10 else "")
    optional = [f for f in _FIELDS if f not in (*_REQUIRED, "low", "high")]
    raise SpecError(
        f"{what} lacks the claims {'column' if len(missing) == 1 else 'columns'} "
        f"{', '.join(missing)} (found {counted(len(found), 'column')}: {shown or 'none'}); "
        "expected one claim per row with columns subject, kind, year (or period) and value "
        "(or low and high), "
        f"optionally {', '.join(optional)}",
        missing=tuple(missing),
        found=tuple(found),
    )


def _from_file_frame(frame: Any, path: Path) -> list[Claim]:
    """Claims from a CSV or Excel sheet read as text; blank rows are skipped, and rows are
    named as a spreadsheet shows them (the header is row 1), as :func:`read_series` does."""
    from idcforecast._table_files import row_place

    frame = _tidy_claim_headers(frame, f"claims file {str(path)!r}")
    _check_columns(frame.columns, f"claims file {str(path)!r}")
    records, places = [], []
    for position, record in enumerate(frame.to_dict("records")):
        if all(_blank(v) for v in record.values()):
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


def claims_from_records(
    records: list[dict[str, Any]], *, places: list[tuple[str, Any]]
) -> list[Claim]:
    """Claims from ``records``; ``places`` gives each one's place text and its row (the
    ``row`` field of an error)."""
    claims = []
    plain: list[tuple[str, Any, str, float]] = []  # rates written without a % sign
    for record, (where, row) in zip(records, places, strict=True):
        clean = {k: v for k, v in record.items() if not _blank(v)}
        raw = {k: clean.get(k) for k in ("value", "low", "high")}
        unknown = sorted(set(clean) - set(_FIELDS) - {"period"})
        if unknown:
            raise SpecError(
                f"{where}: unknown key(s) {unknown}; expected some of {', '.join(_FIELDS)} "
                "or period",
                row=row,
                key=unknown[0],
            )
        if isinstance(clean.get("kind"), str):  # "CAGR", " Growth ": the kind, as written
            clean["kind"] = clean["kind"].strip().lower()
        if isinstance(clean.get("made"), str):
            clean["made"] = _iso_made(clean["made"])
        for key in ("subject", "claim_set", "claim_id", "qualifier", "by", "confidence"):
            if isinstance(clean.get(key), str):  # "gt, china_idc_cidc_overall": no subject
                clean[key] = clean[key].strip()  # ' china_idc_cidc_overall' was unknown
        if "period" in clean:
            if "start_year" in clean or "year" in clean:
                raise SpecError(
                    f"{where}: give either period or start_year/year, not both",
                    row=row,
                    key="period",
                )
            clean.update(_period(clean.pop("period"), clean.get("kind"), where=where, row=row))
        if "value" not in clean and "low" in clean and "high" in clean:
            clean["value"] = math.nan  # a range given by its ends; value is its midpoint
        missing = [k for k in _REQUIRED if k not in clean]
        if missing:
            raise SpecError(
                f"{where}: missing {', '.join(missing)}; every claim needs subject, kind, "
                "year (or period) and value",
                row=row,
                key=missing[0],
            )
        if isinstance(clean["value"], str):
            clean.update(_figure(clean["value"], clean, where=where, row=row))
        for key in ("low", "high"):
            if isinstance(clean.get(key), str):
                clean[key] = _range_end(clean[key], clean, key=key, where=where, row=row)
        for key in ("year", "start_year"):
            if key in clean:
                clean[key] = _integer(clean[key], key=key, where=where)
        if isinstance(clean.get("unit"), str):  # after the cells it is used to read
            clean["unit"] = _unit(clean["unit"], where=where, row=row)
        try:
            claims.append(Claim(**clean))
        except SpecError as err:
            raise SpecError(f"{where}: {err}", row=row) from err
        if claims[-1].kind != "level":
            plain += [(where, row, k, float(str(v))) for k, v in raw.items() if _plain_number(v)]
    _check_not_fractions(claims, plain)
    check_unique(claims, [where for where, _ in places])
    return claims


def _plain_number(value: Any) -> bool:
    """True for a number, or text that is a number without a percent sign ("0.278")."""
    if isinstance(value, bool) or value is None:
        return False
    if isinstance(value, int | float):
        return True
    try:
        float(str(value))
    except ValueError:
        return False
    return True


def _check_not_fractions(claims: list[Claim], plain: list[tuple[str, Any, str, float]]) -> None:
    """Refuse rates that look written as fractions (0.278 meant as 27.8%).

    Claims give rates in percent, so a plain 0.278 is 0.278% a year: a table whose rates
    were all written as fractions was checked as rates a hundred times too small, in
    silence. When every rate of the claims is below 1 in size and one of them is a plain
    number (no percent sign), that is refused, naming both readings; a rate that really is
    below 1% is written with its sign ("0.5%"), which is never refused.
    """
    rates = [c for c in claims if c.kind != "level"]
    if not rates or not any(v != 0 for *_, v in plain):
        return
    if any(abs(x) >= 1 for c in rates for x in (c.value, c.low, c.high) if x is not None):
        _warn_small_rates(plain)
        return
    where, row, key, value = next(p for p in plain if p[3] != 0)
    percent = f"{value * 100:.10g}"
    which = f"every rate of these claims ({len(rates)}) is" if len(rates) > 1 else "it is"
    raise SpecError(
        f"{where}: {key} {value:g} is read as {value:g}% (claims give rates in percent, "
        f"27.8 = 27.8%), and {which} below 1 in size, as a fraction is; write {percent} if "
        f"{percent}% was meant, or '{value:g}%' (with the percent sign) if {value:g}% was",
        key=key,
        value=value,
        row=row,
    )


def _warn_small_rates(plain: list[tuple[str, Any, str, float]]) -> None:
    """An AmbiguousNumberWarning for each plain rate below 1 in size beside larger rates:
    read as a percent (0.35 is 0.35%), as the other rates say, but it may be a fraction
    (an Excel cell typed 0.35 beside one formatted 27.8%); "0.35%" says which."""
    import warnings

    from idcforecast.errors import AmbiguousNumberWarning

    for where, _, key, value in plain:
        if value == 0 or abs(value) >= 1:
            continue
        percent = f"{value * 100:.10g}"
        warnings.warn(
            f"{where}: {key} {value:g} is read as {value:g}% (claims give rates in percent), "
            f"though it may be a fraction ({percent}%); write '{value:g}%' to confirm, or "
            f"{percent} if {percent}% was meant",
            AmbiguousNumberWarning,
            stacklevel=_caller_level(),
        )


def _caller_level() -> int:
    """The ``stacklevel`` of the first frame outside idcforecast (the user's call of
    read_claims or check_claims, whichever reader path led here)."""
    import sys

    frame: Any = sys._getframe(1)
    level = 1
    while frame is not None and str(frame.f_globals.get("__name__", "")).startswith("idcforecast"):
        frame, level = frame.f_back, level + 1
    return level


def check_unique(claims: list[Claim], places: list[str]) -> None:
    """Refuse two claims with one ``claim_id``: the checks match readings to claims by it.

    A claim given twice was checked twice, its readings listed four times and its
    explanation repeated; two different claims under one generated id (two CAGRs ending
    in the same year of one set) had their readings mixed.
    """
    seen: dict[str, tuple[Claim, str]] = {}
    for claim, place in zip(claims, places, strict=True):
        if claim.claim_id not in seen:
            seen[claim.claim_id] = (claim, place)
            continue
        first, first_place = seen[claim.claim_id]
        if claim == first:
            raise SpecError(
                f"{place} repeats {first_place} ({claim.describe()}, claim_id "
                f"{claim.claim_id!r}); remove one of them",
                key="claim_id",
                value=claim.claim_id,
            )
        raise SpecError(
            f"{place} and {first_place} have the same claim_id {claim.claim_id!r} "
            f"({first.describe()}; {claim.describe()}); give each its own claim_id (when "
            "left out, it is made of the claim set or subject, the kind and the year)",
            key="claim_id",
            value=claim.claim_id,
        )


def _number_or_figure(
    text: str, *, key: str, where: str, row: Any, expected: str
) -> float | Quantity:
    """``text`` as a float when it is a plain number, else as the figure it reads as; a
    SpecError naming ``key`` and what was ``expected`` when it is neither."""
    try:
        return float(text)
    except ValueError:
        pass
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import parse_quantity

    try:
        return parse_quantity(text)
    except IdcForecastError as err:
        _refuse_decimal_comma(text, key, where=where, row=row, err=err)
        raise SpecError(
            f"{where}: {key} must be {expected}, found {text!r} ({err})", key=key, row=row
        ) from err


_DECIMAL_COMMA = re.compile(r"^\D*\d+,\d{1,2}(?!\d)\D*$")


def _refuse_decimal_comma(text: str, key: str, *, where: str, row: Any, err: Exception) -> None:
    """A SpecError for a figure written with a decimal comma ("27,8%"): the figure parser's
    own hint names read_series(decimal=','), which read_claims does not take."""
    if not _DECIMAL_COMMA.match(text.strip()):
        return
    pointed = text.strip().replace(",", ".")
    raise SpecError(
        f"{where}: {key} {text!r} has a decimal comma; claims are read with '.' as the "
        f"decimal mark (a comma only groups thousands): write {pointed!r}",
        key=key,
        value=text,
        row=row,
    ) from err


def _number(text: str, *, key: str, where: str, row: Any) -> float:
    """A number written as text; a comma only separates groups of three digits ("3,200"),
    so a decimal comma ("3,3") is an error, never 33 (it was read so)."""
    quantity = _number_or_figure(text, key=key, where=where, row=row, expected="a number")
    if isinstance(quantity, float):
        return quantity
    if quantity.unit != "count" or quantity.qualifier != "exact" or quantity.is_range:
        raise SpecError(
            f"{where}: {key} must be a number, found {text!r}", key=key, row=row, value=text
        )
    return float(quantity.value)


def _range_end(text: str, record: dict[str, Any], *, key: str, where: str, row: Any) -> float:
    """A range's end written as a number or as one exact figure ("25%", "3000亿元": as an
    Excel percentage cell reads, 25% for 0.25), in the record's unit (the first end's when
    the record gives none; money at the FX rate of the claim's year)."""
    quantity = _number_or_figure(
        text, key=key, where=where, row=row, expected="a number or a figure"
    )
    if isinstance(quantity, float):
        return quantity
    if quantity.qualifier != "exact" or quantity.is_range:
        raise SpecError(
            f"{where}: {key} must be one exact figure (a range's end), found {text!r}; "
            "write a qualifier in the qualifier column and a range as low and high",
            key=key,
            row=row,
            value=text,
        )
    unit = record.get("unit")
    if unit is not None and quantity.unit.startswith("count "):
        quantity = _with_unit_base(quantity, str(unit), text=text, where=where, row=row)
    if quantity.unit == "count":
        return float(quantity.value)
    if unit is None:
        record["unit"] = quantity.unit
    elif str(unit) != quantity.unit:
        quantity = _converted(quantity, str(unit), record, text=text, where=where, row=row)
    return float(quantity.value)


_YEAR_FIRST_DATE = re.compile(
    r"^\s*(\d{4})\s*[-/.年]\s*(\d{1,2})\s*(?:月\s*)?(?:[-/.]?\s*(\d{1,2})\s*日?)?\s*$"
)


def _iso_made(text: str) -> str:
    """A publication date written year first ("2020/7/7", "2020-7-7", "2020年7月7日",
    "2020年7月") as the ISO date it is; anything else as written (Claim refuses what is
    no ISO date, naming the form). Those forms were refused, though none is ambiguous."""
    if re.fullmatch(r"\s*\d{4}\s*年\s*", text):  # "2020年"
        return text.strip().rstrip("年").strip()
    match = _YEAR_FIRST_DATE.match(text)
    if match is None:
        return text
    year, month, day = match.group(1), int(match.group(2)), match.group(3)
    if not 1 <= month <= 12 or (day is not None and not 1 <= int(day) <= 31):
        return text
    return f"{year}-{month:02d}" + ("" if day is None else f"-{int(day):02d}")


def _unit(text: str, *, where: str, row: Any) -> str:
    """A unit cell in its canonical spelling ("亿元" -> "CNY 100m", "percent" -> "%"), as
    ``read_series`` stores units; an unknown unit is refused here, naming the row (it was
    kept as written: "3,200 亿元" in the text, "percent" refused for a CAGR, "foo" left to
    fail later without a place)."""
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import canonical_unit

    try:
        return canonical_unit(text.strip())
    except IdcForecastError as err:
        raise SpecError(f"{where}: {err}", key="unit", value=text, row=row) from err


def _period(text: Any, kind: Any, *, where: str, row: Any) -> dict[str, int]:
    """``start_year`` and ``year`` of a period as written; a single year ("2022", "2022年")
    is the year of a level or growth claim (the period column of a table holding both).
    Errors name the row (they did not)."""
    if kind in ("level", "growth") and re.fullmatch(r"\s*\d{4}\s*年?\s*", str(text)):
        return {"year": int(str(text).strip().rstrip("年"))}
    try:
        start, end = parse_period(str(text).strip() if isinstance(text, str) else text)
    except SpecError as err:
        raise SpecError(f"{where}: {err}", row=row, key="period", value=text) from err
    if kind == "level":
        raise SpecError(
            f"{where}: a level claim is about one year, found the period {text!r}; give its "
            "year (e.g. period 2022 or year 2022)",
            row=row,
            key="period",
            value=text,
        )
    return {"start_year": start, "year": end}


def _integer(value: Any, *, key: str, where: str) -> int:
    if isinstance(value, str) and re.fullmatch(r"\s*\d{4}\s*年\s*", value):  # "2022年"
        value = value.strip().rstrip("年")
    try:
        number = float(value)
    except (TypeError, ValueError):
        number = math.nan
    if not number.is_integer():
        raise SpecError(f"{where}: {key} must be a year, found {value!r}", key=key)
    return int(number)


def _figure(text: str, record: dict[str, Any], *, where: str, row: Any) -> dict[str, Any]:
    """Read a value written as text: a plain number, or a figure with unit and qualifier.

    A range ("25-30%") gives ``low`` and ``high`` (and ``value``, its midpoint); the checks
    use the whole interval, never the midpoint alone. A comma only separates groups of
    three digits ("27,8" is an error, not 278%). A figure in another unit than the
    record's ``unit`` is converted (money at the FX rate of the claim's ``year``); a
    qualifier in the text ("more than") that the record's ``qualifier`` contradicts is an
    error, never dropped.
    """
    try:
        return {"value": float(text)}
    except ValueError:
        pass
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import QUALIFIER_WORDS, parse_quantity

    try:
        quantity = parse_quantity(text)
    except IdcForecastError as err:
        _refuse_decimal_comma(text, "value", where=where, row=row, err=err)
        raise SpecError(
            f"{where}: value {text!r} is not a figure: {err}", key="value", row=row
        ) from err
    if quantity.is_range and ("low" in record or "high" in record):
        raise SpecError(
            f"{where}: value {text!r} is a range and low/high are given too; give the range "
            "once, as value text or as low and high",
            key="value",
            value=text,
            row=row,
        )
    given = record.get("qualifier")
    if quantity.qualifier != "exact" and given is not None and given != quantity.qualifier:
        words = QUALIFIER_WORDS.get(quantity.qualifier, "").strip()
        raise SpecError(
            f"{where}: value {text!r} says {quantity.qualifier!r} ({words!r}) but qualifier "
            f"says {given!r}; give it once: leave qualifier blank, or write the value "
            "without its qualifier",
            key="qualifier",
            value=given,
            row=row,
        )
    out: dict[str, Any] = {"value": quantity.value}
    unit = record.get("unit")
    if unit is not None and quantity.unit.startswith("count "):
        quantity = _with_unit_base(quantity, str(unit), text=text, where=where, row=row)
        if quantity.unit != "count" and not quantity.unit.startswith("count "):
            unit = record["unit"] = quantity.unit  # "320亿" beside "CNY": 320 CNY 100m
    if quantity.unit == "count":  # a bare number with separators or a qualifier: "3,200.5"
        pass
    elif unit is not None and unit != quantity.unit:
        quantity = _converted(quantity, str(unit), record, text=text, where=where, row=row)
        out["value"] = quantity.value
    else:
        out["unit"] = quantity.unit
    if quantity.is_range:
        out.update(value=math.nan, low=quantity.low, high=quantity.high)
    if given is None:
        out["qualifier"] = quantity.qualifier
    return out


def _with_unit_base(quantity: Any, unit: str, *, text: str, where: str, row: Any) -> Any:
    """A figure with a magnitude alone ("320亿", "3.2万亿") beside a unit without one
    ("CNY", "MW") is in that unit at the figure's magnitude (320 "CNY 100m"), as
    ``read_series`` reads such a cell; beside a unit with its own magnitude ("亿元") it is
    an error, as there. The quantity as it is when ``unit`` is a count, a rate or no unit
    the registry reads (its error comes later, naming the row)."""
    import dataclasses

    from idcforecast.errors import IdcForecastError
    from idcforecast.units import parse_unit

    try:
        target, written = parse_unit(unit), parse_unit(quantity.unit)
    except IdcForecastError:
        return quantity
    if target.dimension == "count" or target.per or written.magnitude is None:
        return quantity
    if target.magnitude is not None:
        said = repr(unit) + ("" if unit == target.canonical else f" ({target.canonical!r})")
        raise SpecError(
            f"{where}: value {text!r} has the magnitude {written.magnitude!r} and the unit "
            f"{said} its own; expected one magnitude: a plain number in value, or the unit "
            f"{target.base!r}",
            key="unit",
            value=unit,
            row=row,
        )
    return dataclasses.replace(quantity, unit=f"{target.base} {written.magnitude}")


def _converted(quantity: Any, unit: str, record: dict[str, Any], **place: Any) -> Any:
    """``quantity`` in the record's ``unit``; money at the FX rate of the claim's year."""
    from idcforecast.errors import IdcForecastError

    try:
        year: int | None = int(float(record.get("year", "")))
    except (TypeError, ValueError):
        year = None
    try:
        return quantity.to(unit, year=year)
    except IdcForecastError as err:
        raise SpecError(
            f"{place['where']}: value {place['text']!r} is in {quantity.unit!r}, and the "
            f"unit given is {unit!r}: {err}; give the value in {unit!r}, or leave unit blank "
            "to take the figure's own",
            key="unit",
            value=unit,
            row=place["row"],
        ) from err
