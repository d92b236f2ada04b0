"""The columns of a table :func:`~idcforecast.batch.read_long_table` has read, made the long
frame's: whole years and their gaps, qualifier and footnote-marker cells, values in one unit,
and the warnings about hidden cells and percent fractions (private to ``batch.reading``)."""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Iterator
from typing import TYPE_CHECKING, Any

import numpy as np

from idcforecast._cells import (
    estimate_year,
    has_year_headers,
    in_context,
    is_blank,
)
from idcforecast.batch.chunks import NOT_CONVERTED
from idcforecast.batch.series_units import (
    factor_and_note,
    scaled_values,
    with_notes,
)
from idcforecast.batch.value_cells import bool_cells
from idcforecast.errors import DataError, IdcForecastError

if TYPE_CHECKING:
    import pandas as pd


def _warn_hidden(
    hidden: tuple[list[tuple[int, int]], list[tuple[Any, str]]],
    sheet: str,
    ids: pd.Series,
    source_rows: np.ndarray | None,
    name: str,
    *,
    by_row: bool,
) -> None:
    """The HiddenCellsWarning of a sheet's hidden rows and columns, each hidden row named
    with the series it holds (``ids`` by long row; ``source_rows``: a wide table's row of
    each long row) when the table has a row per series (``by_row``), as all are read."""
    from idcforecast._hidden_cells import warn_hidden_cells

    rows, columns = hidden
    series_of: dict[int, str] = {}
    if by_row:
        long_rows = (
            np.arange(len(ids)) if source_rows is None else np.asarray(source_rows, dtype=int)
        )
        first = {int(p): k for k, p in reversed(list(enumerate(long_rows)))}
        for position, number in rows:
            k = first.get(position)
            if k is not None and isinstance(ids.iloc[k], str):
                series_of[number] = ids.iloc[k]
    warn_hidden_cells(
        name, sheet, [number for _, number in rows], (c for _, c in columns), series_of
    )


def _warn_percent_fractions(out: pd.DataFrame, signed: pd.Series | None, name: str) -> None:
    """An AmbiguousNumberWarning for each series in "%" whose every value is a plain number
    below 1 (0.125: 12.5% typed without the percent format, read as 0.125%), as
    :func:`idcforecast.read_series` warns; values written with the sign ("0.125%") are not
    named (``signed``: the mask of those cells, by ``out``'s labels)."""
    import pandas as pd

    from idcforecast._percent_fractions import warn_percent_fractions

    if "unit" not in out.columns or not (out["unit"] == "%").any():
        return
    in_percent = out[out["unit"] == "%"]
    values = pd.to_numeric(in_percent["value"], errors="coerce")  # text cells: not numbers
    quotes = pd.Series("", index=in_percent.index, dtype=object)
    if signed is not None:
        quotes[signed.reindex(in_percent.index, fill_value=False).to_numpy()] = "%"
    frame = pd.DataFrame(
        {"series_id": in_percent["series_id"], "value": values, "unit": "%", "quote": quotes}
    )
    warn_percent_fractions(frame[values.notna()], name)


def _with_value_unit(out: pd.DataFrame, unit: str, place_of: Any) -> pd.DataFrame:
    """``out`` with the unit the value column's header states ("value (CNY bn)") in every
    row: a blank ``unit`` cell takes it, another unit is an error naming its row (which one
    holds?), as ``read_series`` refuses it."""
    if "unit" not in out.columns:
        return out.assign(unit=unit)
    cells = out["unit"]
    blank = cells.isna() | (cells.astype(str).str.strip() == "")
    other = np.flatnonzero((~blank & (cells.astype(str) != unit)).to_numpy())
    if other.size:
        where = place_of(int(other[0]), "unit")
        raise DataError(
            f"{where}: the value column's header states the unit {unit!r} but the unit "
            f"column says {str(cells.iloc[other[0]])!r}; expected one unit; correct one of them",
            place=where,
        )
    return out.assign(unit=cells.where(~blank, unit))


def _marker_notes(
    out: pd.DataFrame, markers: pd.Series, cells: pd.Series, place_of: Any, name: str
) -> Any:
    """``out``'s notes with, on each row whose value cell wrote a footnote marker after the
    figure ("3,200*", "3,200[1]"), the note ``read_series`` gives it; and the
    FootnoteWarning ``read_series`` gives, naming the first three cells."""
    import warnings

    from idcforecast._caller import caller_stacklevel
    from idcforecast.batch.series_units import with_notes
    from idcforecast.errors import FootnoteWarning

    marked = markers.to_numpy(dtype=object)
    at = np.flatnonzero(markers.notna().to_numpy())
    shown = "; ".join(
        f"{place_of(out.index[i], 'value')} {str(cells.iloc[i]).strip()!r} as "
        f"{float(out['value'].iloc[i]):g}"
        for i in at[:3]
    ) + ("; ..." if len(at) > 3 else "")
    warnings.warn(
        f"{name}: {len(at)} value{'s' if len(at) > 1 else ''} with a footnote marker after "
        f"the figure, read without it ({shown}); each keeps it in its note and quote; check "
        "what the footnote says of them (an estimate, another scope?), and delete the marker "
        "to silence this note",
        FootnoteWarning,
        stacklevel=caller_stacklevel(),
    )
    notes: dict[str, list[Any]] = {}
    for marker in dict.fromkeys(m for m in marked if m is not None):
        note = f"footnote marker {marker!r} after the figure (not read as part of it)"
        notes[note] = [np.flatnonzero(marked == marker)]
    return with_notes(out, notes)


def _with_quotes(out: pd.DataFrame, cells: pd.Series, quoted: pd.Series) -> pd.DataFrame:
    """``out`` with a ``quote`` column: the value cell as published ("2023亿元", "超过2500",
    "2,600*", "27.8%") on each row whose cell wrote more than a number (a unit, a bound
    word, a footnote marker, a percent sign: ``quoted``), "" on the others, as
    :func:`idcforecast.read_series` keeps it; a ``quote`` column of the file itself keeps
    its filled cells (as ``read_series`` takes them before the cell's text).

    Examples
    --------
    >>> import pandas as pd
    >>> out = pd.DataFrame({"value": [2023.0, 1562.5]})
    >>> cells = pd.Series([" 2023亿元", "1,562.5"])
    >>> _with_quotes(out, cells, pd.Series([True, False]))["quote"].tolist()
    ['2023亿元', '']
    """
    import pandas as pd

    mask = quoted.to_numpy(dtype=bool)
    quotes = np.full(len(out), "", dtype=object)
    quotes[mask] = cells[mask].astype(str).str.strip().to_numpy(dtype=object)
    if "quote" in out.columns:  # the file's own quote column: its cells first
        own = out["quote"]
        written = ~own.map(is_blank).to_numpy(dtype=bool)
        quotes[written] = own[written].astype(str).str.strip().to_numpy(dtype=object)
    return out.assign(quote=pd.Series(quotes, index=out.index, dtype=object))


def _cell_qualifiers(
    out: pd.DataFrame, qualifiers: pd.Series, cells: pd.Series, place_of: Any
) -> pd.DataFrame:
    """``out`` with the qualifier its value ``cells`` wrote ("超过520": ``at_least``) in its
    ``qualifier`` column, as ``read_series`` reads them: a blank or ``exact`` cell of the
    column takes the value's; another one is an error naming the row (which holds?). A file
    without the column gets one, ``exact`` on the other rows."""
    words = qualifiers.notna()
    if "qualifier" not in out.columns:
        return out.assign(qualifier=qualifiers.where(words, "exact"))
    stated = out["qualifier"]
    text = stated.astype(str).str.strip()
    open_ = stated.isna() | text.isin(("", "exact"))
    clash = np.flatnonzero((words & ~open_ & (text != qualifiers)).to_numpy())
    if clash.size:
        label = out.index[clash[0]]
        where = place_of(label, "value")
        raise DataError(
            f"{where}: the value {str(cells.loc[label]).strip()!r} says "
            f"{qualifiers.loc[label]!r} but the qualifier column says {text.loc[label]!r}; "
            "one of them is wrong; correct it (a value without a qualifier word takes the "
            "column's)",
            place=where,
        )
    return out.assign(qualifier=stated.where(~(words & open_), qualifiers))


@contextlib.contextmanager
def _interrupt_kept() -> Iterator[None]:
    """Let a Ctrl-C during the read stop it as a ``KeyboardInterrupt``.

    pandas' C parser swallows a ``KeyboardInterrupt`` raised while it reads from the file and
    raises "Error tokenizing data. C error: Calling read(nbytes) on source failed" instead,
    which the reader words as a malformed CSV: ``forecast-many`` interrupted while reading
    said "not a well-formed CSV ... Try --engine python" and exited with 2, not 130
    (measured: 7 of 40 interrupts of a 50,000-series read). The interrupt is noted here, and
    an error raised after it is the interrupt.
    """
    previous = signal.getsignal(signal.SIGINT)
    if threading.current_thread() is not threading.main_thread() or not callable(previous):
        yield  # SIG_IGN/SIG_DFL (or not the main thread): Python raises nothing to swallow
        return
    interrupted = False

    def note_interrupt(signum: int, frame: Any) -> Any:
        nonlocal interrupted
        interrupted = True
        return previous(signum, frame)

    signal.signal(signal.SIGINT, note_interrupt)
    try:
        yield
    except Exception:
        if interrupted:
            raise KeyboardInterrupt from None
        raise
    finally:
        signal.signal(signal.SIGINT, previous)


def _whole_years(year: pd.Series) -> pd.Series:
    """``year`` as int64 when every cell is a whole number, else as it is.

    Text years ("2020年", a kept "2022E") are read as floats beside the NaN of the rest, and
    a column that held a blank line's empty year cell keeps those floats as objects once the
    line is dropped (was: a decimal-comma file with a blank line gave years 2019.0 in an
    object column).

    Examples
    --------
    >>> import pandas as pd
    >>> _whole_years(pd.Series([2019.0, 2020.0], dtype=object)).tolist()
    [2019, 2020]
    >>> _whole_years(pd.Series([2019.0, "x"], dtype=object)).tolist()
    [2019.0, 'x']
    """
    import pandas as pd

    if year.dtype == object:
        numbers = pd.to_numeric(year, errors="coerce")
        # a text cell, or a True/False (which would be 1 and 0), stays for its series' note
        if numbers.isna().any() or numbers.isin((0, 1)).any():
            return year
        year = numbers
    if year.dtype.kind == "f" and bool(year.notna().all()) and bool((year % 1 == 0).all()):
        return year.astype("int64")
    return year


def _text_column(header: str) -> bool:
    """Columns read as text in a typed parse: all but the numbers (year, value, and the year
    columns of a wide table), so that ids such as "001" keep their zeros."""
    return header.strip().casefold() not in ("year", "value") and not has_year_headers([header])


def _in_unit(
    data: pd.DataFrame,
    unit: str,
    kw_per_rack: float,
    place_of: Any,
    written: pd.Series | None = None,
) -> pd.DataFrame:
    """Every row's value in ``unit``: one conversion factor per (row unit, year) pair.

    A (unit, year) pair that does not convert (a unit the registry does not know, another
    dimension, a year without an FX rate) fails the series of its rows, not the read: they
    keep their value and unit, and their ``note`` ends with :data:`NOT_CONVERTED` and the
    error naming the first such row, from which :func:`forecast_many` fails each of those
    series with it. When no pair converts at all and no row is without a unit (``unit``
    itself is wrong for the file), the first error is raised.
    """
    import pandas as pd

    from idcforecast._series import year_numbers
    from idcforecast._unit_headings import canonical_table_unit

    try:
        target = canonical_table_unit(unit)  # "RMB 100 million" too
    except IdcForecastError as err:
        raise in_context(err, f"read_long_table: unit={unit!r}", unit=unit) from err
    out = data.copy()
    out["unit"] = target
    if "unit" not in data.columns:
        return out
    years = year_numbers(data["year"])
    whole = years.notna() & (years == years.round())  # other years fail their series anyway
    rows = (data["unit"].notna() & whole).to_numpy()
    at_rows = np.flatnonzero(rows)  # positions: a converted file touches most of its rows
    pairs = pd.DataFrame({"unit": data["unit"][rows], "year": years[rows].astype("int64")})
    factors = np.ones(len(data))
    notes_of: dict[str, list[Any]] = {}  # the note of a conversion (or its failure) -> rows
    unconverted = np.zeros(len(data), dtype=bool)
    first_error: IdcForecastError | None = None
    converted = False
    for (source, year), within in pairs.groupby(["unit", "year"], sort=False).indices.items():
        at = at_rows[within]
        try:
            # every conversion noted as read_series notes it (was: currencies only, so a
            # rack count converted at an assumed kW per rack went unsaid): the forecast
            # names those that mix units or assume (history_note)
            factor, note = (
                (1.0, None)
                if str(source) == target
                else factor_and_note(str(source), target, int(year), kw_per_rack)
            )
        except IdcForecastError as err:
            where = place_of(int(data.index[at[0]]), "unit")
            error = in_context(err, f"{where} (year {year})", place=where)
            if str(source).split()[0] == "count" and "no conversion between" in str(err):
                # a magnitude alone ("亿", "million", "1.5亿"): named as the user wrote it
                alone = _magnitude_alone(
                    err, data, int(at[0]), (source, target, year), written, place_of
                )
                error = alone or in_context(
                    err,
                    f"{where} (year {year}): the unit {str(source)!r} is a magnitude with no "
                    "unit (a cell such as '亿' or 'million' alone); write the unit with it "
                    "('亿元', 'USD m', '万架', 'MW')",
                    place=where,
                )
            first_error = first_error or error
            unconverted[at] = True
            notes_of.setdefault(f"{NOT_CONVERTED}{error}", []).append(at)
            continue
        converted = True
        factors[at] = factor
        if note is not None:
            notes_of.setdefault(note, []).append(at)
    # rows without a unit take ``unit`` as theirs: then ``unit`` is no wrong unit for the
    # file, and only the series that do not convert fail (a 'YoY growth' row in % beside
    # bare 亿元 rows read with unit='亿元' failed the whole read)
    bare = bool((~rows & whole.to_numpy()).any())
    if first_error is not None and not converted and not bare:
        raise first_error
    if unconverted.any():  # as written: their series fail, named by their note
        out["unit"] = np.where(unconverted, data["unit"].to_numpy(dtype=object), target)
    if notes_of:  # as read_series notes them: forecast_many's note names these years
        out["note"] = with_notes(out, notes_of)
    out["value"] = scaled_values(data["value"], factors)
    return out


def _magnitude_alone(
    err: IdcForecastError,
    data: pd.DataFrame,
    at: int,
    pair: tuple[Any, str, Any],
    written: pd.Series | None,
    place_of: Any,
) -> IdcForecastError | None:
    """The error for row position ``at`` whose unit is a magnitude with no unit, quoting
    the cell as written: its unit cell ("亿", "million") from ``written`` (the unit column
    as read, indexed as ``data``) or its value cell ("1.5亿", from ``data``'s quote), as
    read_series words it; None when neither cell is at hand (was: the canonical
    'count 100m', a spelling the user never wrote)."""
    source, target, year = pair
    label = data.index[at]
    said = None if written is None else written.get(label)
    fields = {key: getattr(err, key) for key in err.fields}
    if not is_blank(said):
        where = place_of(int(label), "unit")
        return type(err)(
            f"{where} (year {year}): the unit {str(said).strip()!r} is a magnitude with no "
            f"unit, so the value reads as a count ({str(source)!r}), not {target!r}; write the "
            "unit with it ('亿元', 'USD m', '万架', 'MW')",
            **{**fields, "place": where},
        )
    quote = data["quote"].get(label) if "quote" in data.columns else None
    if is_blank(quote):
        return None
    where = place_of(int(label), "value")
    return type(err)(
        f"{where} (year {year}): {str(quote)!r} has a magnitude but no unit, so it reads as a "
        f"count ({str(source)!r}), not {target!r}; write the unit in the cell ('1500万元', "
        f"'2.5 billion USD', '300 MW') or give plain numbers in {target!r}",
        **{**fields, "place": where},
    )


def _is_numeric(column: pd.Series) -> bool:
    """True for a float/int (not bool) column: pandas parsed every cell as a number."""
    import pandas as pd

    return bool(pd.api.types.is_numeric_dtype(column.dtype)) and column.dtype != bool


def _stripped_text(column: pd.Series) -> tuple[pd.Series, np.ndarray]:
    """Text cells without surrounding spaces (None where blank), and the blank mask.

    Works on the distinct cells (few for ids and units), not on every row.
    """
    return _stripped_ids(column)[:2]


def _stripped_ids(column: pd.Series) -> tuple[pd.Series, np.ndarray, np.ndarray]:
    """:func:`_stripped_text`'s cells and blank mask, and each row's text as a number in
    order of appearance (-1 where blank; " cn" and "cn" one number): the series of each
    row, for :func:`~idcforecast._magnitude_jumps.magnitude_jumps`, which would otherwise
    hash the ids again (0.2-0.3 s for 2 million rows).

    Examples
    --------
    >>> import pandas as pd
    >>> ids, blank, codes = _stripped_ids(pd.Series(["cn ", "us", "", "cn"]))
    >>> ids.tolist(), blank.tolist(), codes.tolist()
    (['cn', 'us', None, 'cn'], [False, False, True, False], [0, 1, -1, 0])
    """
    import pandas as pd

    codes, uniques = pd.factorize(column, sort=False)
    cleaned = np.array(
        [None if is_blank(u) else str(u).strip() for u in uniques] + [None], dtype=object
    )
    blank = np.array([cell is None for cell in cleaned])
    # the distinct texts once stripped, numbered ("cn " and "cn" alike); None: -1
    numbers = pd.factorize(cleaned, sort=False, use_na_sentinel=True)[0]
    # code -1 (a missing cell) picks the trailing None
    rows = cleaned[codes]
    return pd.Series(rows, index=column.index, dtype=object), blank[codes], numbers[codes]


def _canonical_units(units: pd.Series) -> pd.Series:
    """Each unit in its canonical spelling ("亿元" -> "CNY 100m"), so that one unit written
    two ways is not taken for two; a unit the registry does not know is kept as written."""
    from idcforecast._unit_headings import canonical_table_unit

    def spelled_as(unit: str) -> str:
        try:  # "RMB 100 million" too, as read_series reads a unit cell
            return canonical_table_unit(unit)
        except IdcForecastError:
            return unit.strip()

    spelled = {unit: spelled_as(unit) for unit in units.dropna().unique()}
    return units.map(spelled).astype(object).where(units.notna(), None)


def _years(
    column: pd.Series, place_of: Any, estimates: str
) -> tuple[pd.Series, np.ndarray, pd.Series | None]:
    """Year cells as numbers where read_series reads them ("2020年", "FY2020", " 2019 ");
    other cells keep their object, for their series' note. Estimate years ("2021E") follow
    ``estimates``; the second result marks the rows it drops, the third (None when there
    are none) is the note of each estimate read as data, as read_series writes it, and ""
    on the other rows."""
    import pandas as pd

    from idcforecast._cells import read_year, read_year_or_estimate

    if column.dtype.kind == "M":  # Excel date cells (2019-12-31): each date's year below,
        column = column.astype(object)  # not pandas' microseconds since 1970 as a "year"
    numbers = pd.to_numeric(column, errors="coerce")
    numbers[bool_cells(column)] = np.nan  # an Excel TRUE is no year
    unread = column[numbers.isna() & column.notna()]
    read: dict[Any, int] = {}
    dropped_cells = set()
    kept_notes: dict[Any, str] = {}
    for label, cell in unread.drop_duplicates().items():
        place = place_of(label, "year")
        if estimate_year(cell) is not None:  # the policy decides; "error" stops the read
            year = read_year_or_estimate(cell, place=place, estimates=estimates)
            if year is None:
                dropped_cells.add(cell)
            else:
                read[cell], kept_notes[cell] = year
            continue
        try:
            read[cell] = read_year(cell, place=place)
        except IdcForecastError:
            continue  # not a year: kept as written, its series fails with the cell quoted
    if read:
        numbers[unread.index] = unread.map(read)
    dropped = (
        column.isin(dropped_cells).to_numpy() if dropped_cells else np.zeros(len(column), bool)
    )
    notes = None
    if kept_notes:
        estimated = column.isin(list(kept_notes))
        notes = pd.Series("", index=column.index, dtype=object)
        notes[estimated] = column[estimated].map(kept_notes)
    if numbers[~dropped].notna().all():
        return numbers, dropped, notes
    kept = numbers.astype(object)
    kept[numbers.isna()] = column[numbers.isna()]
    return kept, dropped, notes


def _gaps(unpublished: np.ndarray, ids: pd.Series) -> np.ndarray:
    """The rows to leave out as years not published: every row whose value cell says so
    ("n/a", "—"), as read_series leaves them out, but the first row of a series that has
    no other (kept, with a NaN value, so that the series fails by name)."""
    import pandas as pd

    codes, _ = pd.factorize(ids, sort=False)
    codes += 1  # a blank id (code -1, a blank line dropped later) counts as series 0
    n_rows = np.bincount(codes)
    every = (np.bincount(codes[unpublished], minlength=n_rows.size) == n_rows)[codes]
    first = np.zeros(codes.size, dtype=bool)
    first[np.unique(codes, return_index=True)[1]] = True
    return unpublished & ~(every & first)
