"""A table's unit stated on a line above its header ("单位：亿元", "Unit: CNY bn"), which
``header_row`` skips unread (found by :func:`unit_line_above`), checked against the
``unit=`` asked for bare numbers, by
:func:`idcforecast.read_series` (:func:`no_unit_against_the_line_above`) and
:func:`idcforecast.batch.read_long_table` (:func:`no_rows_against_the_line_above`): a
``unit="CNY bn"`` over "单位：亿元" read 1000亿元 as 1000 CNY bn, ten times too large.
A unit a footnote under the table states ("Note: figures in US$ m") is checked the same way
(:func:`no_unit_against_the_footnotes`, :func:`no_rows_against_the_footnotes`), and so is
a series whose name says it is a rate ("Growth", "增速") given one unit for the table
(:func:`no_rate_in_a_table_unit`)."""

from __future__ import annotations

import re
import zipfile
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from idcforecast._excel_sheets import pick_sheet
from idcforecast._file_kinds import starts_with
from idcforecast._text_files import file_encoding, text_codec
from idcforecast._unit_headings import BRACKETED, UNIT_SAID
from idcforecast._xls_books import OLE2_MAGIC
from idcforecast.errors import IdcForecastError, UnitError

if TYPE_CHECKING:
    from collections.abc import Iterator

    import pandas as pd

    from idcforecast._normalize import Observation

__all__ = [
    "bare_series",
    "no_rate_in_a_table_unit",
    "no_rows_against_the_footnotes",
    "no_rows_against_the_line_above",
    "no_unit_against_the_footnotes",
    "no_unit_against_the_line_above",
    "rate_rows_marked",
    "unit_in_footnotes",
    "unit_line_above",
    "warn_rows_without_a_stated_unit",
]


def unit_line_above(
    path: Path, header_row: int, sheet_name: str | int, encoding: str
) -> tuple[str, str] | None:
    """``(line, unit)`` of the first line above the header row that states the table's
    unit ("单位：亿元", "Unit: CNY bn") in a unit the registry knows, else of the first that
    says it in other words ("Figures in US$ millions", "In USD m", or the unit alone,
    "USD millions": :func:`_unit_alone`), else of the first that holds one known unit in
    brackets (a heading merged over the year columns, "市场规模（亿元）"), else None: the
    rows ``header_row`` skips are not read, and a UnitError for bare numbers names it."""
    from idcforecast.units import parse_unit

    if header_row <= 0 or not path.is_file():
        return None
    lines: list[str] = []
    try:
        if path.suffix.lower() == ".xls" and starts_with(path, OLE2_MAGIC):
            from idcforecast._xls_books import xls_sheet_lines

            lines = xls_sheet_lines(path, sheet_name, header_row)
        elif path.suffix.lower() in (".xlsx", ".xlsm"):
            import openpyxl

            book = openpyxl.load_workbook(path, read_only=True, data_only=True)
            try:
                hidden = frozenset(
                    ws.title for ws in book.worksheets if ws.sheet_state != "visible"
                )
                sheet = book[pick_sheet(book.sheetnames, sheet_name, path.name, path, hidden)]
                for row in sheet.iter_rows(max_row=header_row, values_only=True):
                    lines.append(" ".join(str(c) for c in row if c is not None))
            finally:
                book.close()
        else:
            codec = text_codec(file_encoding(path, encoding))
            with open(path, encoding=codec, errors="replace") as handle:
                lines = [handle.readline() for _ in range(header_row)]
    except (OSError, IdcForecastError, ValueError, KeyError, zipfile.BadZipFile):
        return None
    from idcforecast._table_layouts import _MAGNITUDE_WORD, _as_unit_text

    for line in lines:
        found = UNIT_SAID.search(line)
        if found is None:
            continue
        # "CNY bn"; "亿元 数据来源：..." (cells joined); a CSV line's quotes are no unit
        words = found.group(1).replace('"', " ").split()
        rest = " ".join(words[1:])
        # the first word alone ("亿元" before other cells' text), unless a magnitude follows
        # it: "RMB 100 million" is 亿元, never "RMB" (yuan, 1e8 times off)
        alone = not re.match(r"\d", rest) and not _MAGNITUDE_WORD.search(rest)
        for said in (_as_unit_text(" ".join(words)), words[0] if words and alone else ""):
            if not said:
                continue
            try:
                parse_unit(said)
            except IdcForecastError:
                continue
            return " ".join(line.split()).strip(" ,;"), said
    for line in lines:  # "Figures in US$ millions", "In USD m", "USD millions": the unit
        said = _unit_alone(" ".join(line.replace('"', " ").split()).strip(" ,;|"))
        if said is not None:
            return " ".join(line.split()).strip(" ,;"), said
    for line in lines:  # a heading over the table's columns: "市场规模（亿元）", "Market (USD bn)"
        said_in = set()
        for inside in BRACKETED.findall(line):
            try:
                known = parse_unit(_as_unit_text(inside.strip())).canonical
            except IdcForecastError:
                continue
            if not known.startswith("count"):  # "(m)", "(B)", "(个)": no unit of a table
                said_in.add(_as_unit_text(inside.strip()))
        if len(said_in) == 1:  # two units over different columns: no table's unit
            return " ".join(line.split()).strip(" ,;"), said_in.pop()
    for line in lines:  # "Revenue, USD m", "Source: IDC; USD million": a part of the line
        said = _unit_part_alone(line)
        if said is not None:
            return " ".join(line.split()).strip(" ,;"), said
    return None


_LINE_PARTS = re.compile(r"[,，;；|\t]")


def _unit_part_alone(line: str) -> str | None:
    """The unit one part of a line states alone (parts split at commas, semicolons, tabs:
    a title "Revenue, USD m", CSV cells "China IDC market,USD m", "Source: IDC; USD
    million"), when it is the only part that reads as a unit (:func:`_unit_alone`'s money
    or magnitude); None when none does or two parts do ("USD m" over some columns and
    "MW" over others: no one unit of the table).

    Examples
    --------
    >>> _unit_part_alone("Revenue, USD m"), _unit_part_alone("Source: IDC; USD million")
    ('USD m', 'USD million')
    >>> _unit_part_alone("Revenue, USD m,, Capacity, MW") is None
    True
    >>> _unit_part_alone("Region,USD m,USD m")  # a row of units over the header
    'USD m'
    """
    from idcforecast._table_layouts import _as_unit_text
    from idcforecast.units import parse_unit

    units: dict[str, str] = {}  # canonical -> the first part that says it
    for part in _LINE_PARTS.split(line.replace('"', " ")):
        text = " ".join(part.split())
        if not text:
            continue
        try:
            unit = parse_unit(_as_unit_text(text))
        except IdcForecastError:
            continue
        if unit is not None and not unit.canonical.startswith("count"):
            units.setdefault(unit.canonical, text)
    if len(units) != 1:  # "USD m" over every column is one unit; "USD m" and "MW" are two
        return None
    return _unit_alone(next(iter(units.values())))


def _unit_alone(line: str) -> str | None:
    """The unit a line above a table states without "Unit:": "Figures in US$ millions",
    "Values in USD m" (:data:`_FIGURES_IN`), "In US$ millions" or the line alone, "USD
    millions", when it is money or has a magnitude ("亿元", "USD m", "thousand racks"), not
    a bare physical word that may be a title ("Racks", "MW"); else None.

    Examples
    --------
    >>> _unit_alone("Figures in US$ millions"), _unit_alone("In USD m"), _unit_alone("亿元")
    ('US$ millions', 'USD m', '亿元')
    >>> _unit_alone("China IDC market") is None, _unit_alone("Racks") is None
    (True, True)
    """
    from idcforecast._table_layouts import _MAGNITUDE_WORD, _as_unit_text
    from idcforecast.units import parse_unit

    found = _FIGURES_IN.search(line)
    for text in (found.group(1) if found else "", re.sub(r"(?i)^in\s+", "", line)):
        said = _as_unit_text(text.strip())
        if not said:
            continue
        try:
            unit = parse_unit(said)
        except IdcForecastError:
            continue
        if unit.canonical.startswith("count"):  # "(m)", "thousand": no unit of a table
            continue
        if unit.dimension == "money" or _MAGNITUDE_WORD.search(said):
            return said
    return None


def bare_series(observations: list[Observation]) -> list[str]:
    """The series whose every value is a bare number: no unit in its text, no unit cell
    and no unit in its name's brackets."""
    has_unit = {o.series_id for o in observations if o.figure.unit is not None or "unit" in o.meta}
    return [s for s in dict.fromkeys(o.series_id for o in observations) if s not in has_unit]


# a footnote that gives the table's unit: "Note: figures in US$ m", "Values in CNY bn.",
# "单位：亿元" (as a line above says it: UNIT_SAID)
_FIGURES_IN = re.compile(
    r"\b(?:figures|values|numbers|data|amounts|all\s+figures)\s+(?:are\s+)?in\s+"
    r"([^.;,()（）\n]+?)\s*(?:[.;,(（]|$)",
    re.IGNORECASE,
)


def unit_in_footnotes(footnotes: list[str]) -> tuple[str, str] | None:
    """``(footnote, unit)`` of the first footnote that states the table's unit in a unit the
    registry knows ("Note: figures in US$ m", "注：单位：亿元"), else None.

    Examples
    --------
    >>> unit_in_footnotes(["Source: IDC", "Note: figures in US$ m"])
    ('Note: figures in US$ m', 'US$ m')
    >>> unit_in_footnotes(["注：单位：亿元"]), unit_in_footnotes(["Note: 2020 in brackets"])
    (('注：单位：亿元', '亿元'), None)
    >>> unit_in_footnotes(["* in millions of U.S. dollars"])[1]
    'millions of U.S. dollars'
    >>> unit_in_footnotes(["注：单位为亿元。"])[1]
    '亿元'
    """
    from idcforecast.units import canonical_unit

    for note in footnotes:
        for pattern in (UNIT_SAID, _FIGURES_IN):
            found = pattern.search(note)
            if found is None:
                continue
            said = found.group(1).strip()
            try:
                if not canonical_unit(said).startswith("count"):
                    return " ".join(note.split()), said
            except IdcForecastError:
                continue
    for note in footnotes:  # "* in millions of U.S. dollars", "Source: IDC, USD million"
        after_in = _NOTE_ENDS_IN.search(note)
        said = (_unit_alone(after_in.group(1)) if after_in else None) or _unit_part_alone(note)
        if said is not None:
            return " ".join(note.split()), said
    return None


# a footnote ending "in <unit>": "* in millions of U.S. dollars", "Revenue in USD m."
_NOTE_ENDS_IN = re.compile(r"\bin\s+([^;,()（）\n]+?)\s*\.?\s*$", re.IGNORECASE)


def no_unit_against_the_footnotes(
    observations: list[Observation], unit: str | dict[str, str] | None, footnotes: list[str]
) -> None:
    """A UnitError when ``unit`` would give bare numbers another unit than a footnote under
    the table states ("Note: figures in US$ m" under them, unit="USD bn"): read 1000 times
    too large, the footnote skipped unread, as with a line above the header. Without a
    ``unit``, bare numbers have none: the error names the footnote's."""
    stated = unit_in_footnotes(footnotes)
    if stated is None:
        return
    if unit is not None:
        _no_unit_against(observations, unit, stated, "a footnote under the table")
        return
    bare = bare_series(observations)  # no unit anywhere: the footnote's is the one to pass
    if bare:
        line, said = stated
        place = next(o.place for o in observations if o.series_id == bare[0])
        raise UnitError(
            f"{place} (series {bare[0]!r}): no unit for this series; a footnote under the "
            f"table says {line!r}: pass unit={said!r} to read the numbers as it states",
            series_id=bare[0],
            place=place,
        )


def no_unit_against_the_line_above(
    observations: list[Observation], unit: str | dict[str, str], path: Path, options: dict[str, Any]
) -> None:
    """A UnitError when ``unit`` would give bare numbers another unit than a line above the
    header states ("单位：亿元" over them, unit="CNY bn"): ``unit`` is also the unit of bare
    numbers, so they were read 10 times too large, the line skipped by header_row unread."""
    if next(_asked(observations, unit), None) is None:
        return
    stated = unit_line_above(
        path, options["header_row"], options["sheet_name"], options["encoding"]
    )
    if stated is not None:
        _no_unit_against(observations, unit, stated, "a line above the header")


# a series' name that says it holds a rate or a share, not an amount
_RATE_NAME = re.compile(
    r"\b(?:growth|yoy|y/y|cagr|share|rate|ratio|margin|penetration|utili[sz]ation)\b"
    r"|增长|增速|同比|环比|增幅|占比|份额|(?<![功频])率",
    re.IGNORECASE,
)


def no_rate_in_a_table_unit(observations: list[Observation], unit: str) -> None:
    """A UnitError when one ``unit`` for a whole table of several series (``unit="CNY bn"``)
    would give its bare numbers to a series whose name says it is a rate or share
    ("Growth", "YoY", "增速", "上架率"): 27.8 read as 27.8 CNY bn. A unit in % or pp passes.

    Examples
    --------
    >>> from idcforecast._cells import Figure
    >>> from idcforecast._normalize import Observation
    >>> rows = [Observation("Revenue (CNY bn)", 2019, Figure(100.0, "CNY bn"), "t row 1"),
    ...         Observation("Growth", 2019, Figure(27.8, None), "t row 1, column 'Growth'")]
    >>> no_rate_in_a_table_unit(rows, "%")  # a rate unit: nothing to say
    """
    from idcforecast.units import parse_unit

    try:
        if parse_unit(unit).dimension in ("percent", "points"):
            return
    except IdcForecastError:
        return  # an unknown unit=: to_frame names it
    ids = list(dict.fromkeys(o.series_id for o in observations))
    rates = [sid for sid in bare_series(observations) if _RATE_NAME.search(sid)]
    if len(ids) < 2 or not rates:
        return
    sid = rates[0]
    place = next(o.place for o in observations if o.series_id == sid)
    each = {s: "%" if s in rates else unit for s in ids}
    raise UnitError(
        f"{place} (series {sid!r}): the name says a rate or a share, but unit={unit!r} for "
        f"the whole table reads its bare numbers as {unit!r}; expected a unit per series: "
        f"pass unit={each!r} (or write '%' in its header, '{sid} (%)', or cells, '27.8%')",
        series_id=sid,
        place=place,
        unit=unit,
    )


def rate_rows_marked(
    out: pd.DataFrame, unit: str, place_of: Any, codes: np.ndarray | None = None
) -> pd.DataFrame:
    """``out`` (a batch frame of several series) with each row of a series named as a rate
    or share ("Growth", "增速") whose every row has no unit marked :data:`NOT_CONVERTED`
    with :func:`no_rate_in_a_table_unit`'s reason: ``unit`` would take its 27.8 to be 27.8
    CNY bn. Its series alone fails, as :func:`idcforecast.batch.forecast_many` fails a row
    that does not convert. A ``unit`` in % or pp, or a single series, passes. ``codes``,
    when the caller has them, number each row's series in order of appearance (-1: none),
    as ``pd.factorize`` would; each series is looked at once, not its rows per series."""
    import pandas as pd

    from idcforecast._series_cells import NOT_CONVERTED
    from idcforecast.batch.series_units import with_notes
    from idcforecast.units import parse_unit

    try:
        if parse_unit(unit).dimension in ("percent", "points"):
            return out
    except IdcForecastError:
        return out  # an unknown unit=: the reader names it
    ids = out["series_id"]
    if codes is None:
        codes = pd.factorize(ids, sort=False)[0]
    valid = codes >= 0
    count = int(codes.max()) + 1 if valid.any() else 0
    rows_of = np.bincount(codes[valid], minlength=count)  # each series' rows
    present = np.flatnonzero(rows_of)
    if len(present) < 2:
        return out
    first = np.full(count, -1, dtype=np.int64)  # each series' first row
    first[codes[valid][::-1]] = np.flatnonzero(valid)[::-1]
    names = ids.to_numpy(dtype=object)[first[present]]
    rates = [
        c
        for c, sid in zip(present, names, strict=True)
        if isinstance(sid, str) and _RATE_NAME.search(sid)
    ]
    if not rates:
        return out
    bare = (out["unit"].isna() if "unit" in out.columns else ids.notna()).to_numpy(dtype=bool)
    bare_rows = np.bincount(codes[valid & bare], minlength=count)
    named = [c for c in rates if bare_rows[c] == rows_of[c]]  # no row of it has a unit
    if not named:
        return out
    marked = np.zeros(count, dtype=bool)
    marked[named] = True
    rows = np.flatnonzero(valid & marked[np.where(valid, codes, 0)])
    groups = pd.Series(rows).groupby(codes[rows], sort=False).indices
    notes_of: dict[str, list[Any]] = {}
    for code in named:
        at = rows[groups[code]]
        sid = ids.iat[int(at[0])]
        place = place_of(out.index[at[0]], "value")
        notes_of[
            f"{NOT_CONVERTED}{place} (series {sid!r}): the name says a rate or a share, but "
            f"unit={unit!r} for the whole table reads its bare numbers as {unit!r}; write "
            f"'%' in its name, '{sid} (%)', in its cells, '27.8%', or in a unit column"
        ] = [at]
    return out.assign(note=with_notes(out, notes_of))


def _asked(
    observations: list[Observation], unit: str | dict[str, str]
) -> Iterator[tuple[str, str]]:
    """``(series, unit asked)`` of the series of bare numbers that ``unit`` gives a unit."""
    for sid in bare_series(observations):
        wanted = unit.get(sid) if isinstance(unit, dict) else unit
        if wanted is not None:
            yield sid, wanted


def _no_unit_against(
    observations: list[Observation],
    unit: str | dict[str, str],
    stated: tuple[str, str],
    where: str,
) -> None:
    from idcforecast.units import canonical_unit

    asked = dict(_asked(observations, unit))
    if not asked:
        return
    line, said = stated
    noun = "footnote" if where.startswith("a footnote") else "line"
    for sid, wanted in asked.items():
        try:
            differs = canonical_unit(wanted) != canonical_unit(said)
        except UnitError:
            return  # an unknown unit=: to_frame names it
        if differs:
            place = next(o.place for o in observations if o.series_id == sid)
            raise UnitError(
                f"{place} (series {sid!r}): {where} says {line!r}, but "
                f"unit={wanted!r} reads the series' bare numbers as {canonical_unit(wanted)!r} "
                f"(unit= is also the unit of numbers written without one); pass "
                f"unit={said!r} to read them as the {noun} states (convert the result "
                f"afterwards), or correct the {noun}",
                series_id=sid,
                place=place,
                unit=canonical_unit(wanted),
            )


def no_rows_against_the_line_above(
    out: pd.DataFrame,
    unit: str,
    path: Path,
    name: str,
    header_row: int,
    sheet_name: Any,
    encoding: str,
) -> None:
    """A UnitError when rows without a unit would be taken to be in ``unit`` while a line
    above the header (skipped by ``header_row``) states another: "单位：亿元" over them and
    unit="CNY bn" read 1000亿元 as 1000 CNY bn, as :func:`idcforecast.read_series` refuses."""
    bare = out["unit"].isna().to_numpy() if "unit" in out.columns else np.ones(len(out), bool)
    if not bare.any():
        return
    stated = unit_line_above(path, header_row, sheet_name, encoding)
    if stated is not None:
        _no_rows_against(out, bare, unit, stated, "a line above the header", name)


def warn_rows_without_a_stated_unit(
    out: pd.DataFrame,
    path: Path | None,
    name: str,
    header_row: int,
    sheet_name: Any,
    encoding: str,
    footnotes: list[str],
) -> None:
    """An :class:`~idcforecast.errors.UnitLineWarning` when, without ``unit=``, rows without
    a unit are read from a file whose line above the header ("Unit: 亿元") or footnote
    ("Note: figures in US$ m") states one: :func:`idcforecast.read_series` refuses them
    (asking for that ``unit=``); here they stay unitless, and are said to."""
    import warnings

    from idcforecast._caller import caller_stacklevel
    from idcforecast.errors import UnitLineWarning

    bare = out["unit"].isna().to_numpy() if "unit" in out.columns else np.ones(len(out), bool)
    if not bare.any():
        return
    stated, where = None, ""
    if path is not None and header_row > 0:
        stated, where = (
            unit_line_above(path, header_row, sheet_name, encoding),
            "a line above the header",
        )
    if stated is None and footnotes:
        stated, where = unit_in_footnotes(footnotes), "a footnote under the table"
    if stated is None:
        return
    line, said = stated
    sid = out["series_id"].iloc[int(np.argmax(bare))]
    count = int(bare.sum())
    what = "the line" if where.endswith("header") else "the footnote"
    warnings.warn(
        f"{name}: {where} says {line!r}, but without unit= the {count} row"
        f"{'s' if count > 1 else ''} without a unit (series {sid!r}...) "
        f"{'are' if count > 1 else 'is'} read in no unit, and a forecast of them has none; "
        f"pass unit={said!r} to read them as {what} states",
        UnitLineWarning,
        stacklevel=caller_stacklevel(),
    )


def no_rows_against_the_footnotes(
    out: pd.DataFrame, unit: str, footnotes: list[str], name: str
) -> None:
    """A UnitError when rows without a unit would be taken to be in ``unit`` while a
    footnote under the table states another ("Note: figures in US$ m" under them and
    unit="USD bn" read 100.5 as 100.5 USD bn, 1000 times too large), as
    :func:`idcforecast.read_series` refuses (:func:`no_unit_against_the_footnotes`)."""
    bare = out["unit"].isna().to_numpy() if "unit" in out.columns else np.ones(len(out), bool)
    stated = unit_in_footnotes(footnotes) if bare.any() else None
    if stated is not None:
        _no_rows_against(out, bare, unit, stated, "a footnote under the table", name)


def _no_rows_against(
    out: pd.DataFrame, bare: np.ndarray, unit: str, stated: tuple[str, str], where: str, name: str
) -> None:
    """The UnitError of the two checks above, unless ``unit`` is the unit ``stated``."""
    from idcforecast.units import canonical_unit

    line, said = stated
    try:
        if canonical_unit(unit) == canonical_unit(said):
            return
    except IdcForecastError:
        return  # an unknown unit=: _in_unit names it
    sid = out["series_id"].iloc[int(np.argmax(bare))]
    fix = "the line" if where.endswith("header") else "the footnote"
    raise UnitError(
        f"{name}: {where} says {line!r}, but unit={unit!r} takes the rows "
        f"without a unit (series {sid!r}...) to be in {canonical_unit(unit)!r} already; "
        f"pass unit={said!r} to read them as {fix} states, or correct {fix}",
        series_id=sid,
        unit=canonical_unit(unit),
    )
