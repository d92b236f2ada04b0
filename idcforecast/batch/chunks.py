"""Group a long frame into per-series numpy arrays, once, and cut it into chunks.

The engines never see a DataFrame: :func:`group_series` turns ``series_id, year, value``
into one sorted float array per column plus series offsets (a CSR-like layout, so 100,000
series cost a few arrays, not 100,000 objects), and :func:`iter_chunks` yields
:class:`Chunk` views of consecutive series. A chunk pickles only its own slice, so work
travels to processes or Dask workers in bounded pieces.

Problems that concern one series only (a value that is not a number, a missing year) do
not raise here: they are recorded per series and reported as that series' ``note``.
"""

from __future__ import annotations

import math
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from idcforecast._frame_shape_hints import years_in_index_hint
from idcforecast._series import (
    YEAR_MAX,
    YEAR_MIN,
    bad_year_message,
    missing_id_message,
    mixed_units_message,
    no_values_message,
    not_published_mask,
    true_false_cells,
    unpublished_label,
    value_not_finite_message,
    year_numbers,
)
from idcforecast._series_cells import (
    FILE_YEAR_MAX,
    FILE_YEAR_MIN,
    NOT_CONVERTED,
    STALE_MARK_FIX,
    VALUE_UNREAD,
    YEAR_UNREAD,
    marked_message,
)
from idcforecast._series_ids import check_ids_distinct_as_text, check_ids_not_joined_as_equal
from idcforecast._unit_marks import marks_standing
from idcforecast.batch.cell_marks import note_of, record_repeated_years
from idcforecast.batch.note_labels import (
    Notes,
    bound_years,
    converted_fx_years,
    factorized,
    kept_estimates,
    unit_conversions,
)
from idcforecast.errors import DataError, EmptyDataError

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "NOT_CONVERTED",
    "VALUE_UNREAD",
    "YEAR_UNREAD",
    "Chunk",
    "SeriesTable",
    "auto_chunk_size",
    "bound_years",
    "group_series",
    "iter_chunks",
    "kept_estimates",
]

REQUIRED_COLUMNS = ("series_id", "year", "value")
MAX_AUTO_CHUNK = 256
# how read_long_table marks, last in a row's note, a row it could not convert to the unit
# asked for (NOT_CONVERTED): its series fails with the error that follows
# read_long_table marks, last in a row's note, a row whose year is not a year (YEAR_UNREAD:
# its series fails with the message that follows, which names the file's row), and a value
# cell it could not read (VALUE_UNREAD: named so where the value check fails); both from
# idcforecast._series_cells, which forecast() reads them with too


@dataclass(frozen=True)
class SeriesTable:
    """Every series of a long frame as flat arrays sorted by (series, year).

    Attributes
    ----------
    ids
        Series ids in order of first appearance, shape ``(n,)`` (object).
    offsets
        Series ``i`` occupies rows ``offsets[i]:offsets[i + 1]``, shape ``(n + 1,)``.
    years, values
        Float arrays (NaN where the input was missing or not a number).
    units
        The first unit of each series ("" if none) or None when there is no ``unit`` column.
    mixed_units
        Series index -> every unit of a series that mixes units (it fails), in order of
        appearance: its output rows name them all, not its first unit.
    problems
        Series index -> the first problem found in its rows (reported, never raised).
    estimates
        Series index -> the labels ("2022E") of its years that are estimates read as data,
        in year order, from a ``note`` column (see :func:`kept_estimates`).
    fx_years
        Series index -> the years its reader converted between currencies at each year's FX
        rate, from a ``note`` column (see :func:`converted_fx_years`).
    unpublished
        Series index -> its years whose value cell was marked as not published ("n/a",
        "—"), left out as gaps, each with its mark (``"2018 ('n/a')"``), in year order.
    bounds
        Series index -> its years whose value was published as a bound (``qualifier``
        ``at_least`` / ``at_most``), fitted as that number (``"2021 (at least)"``), in year
        order (see :func:`bound_years`).
    conversions
        Series index -> the unit conversions a reader noted on its rows ("converted from
        'GW' (x1000): 2020, 2021"; see :func:`idcforecast._history_notes.conversion_labels`).
    given_ids
        The ids as the frame holds them, in its dtype (an int id column's ids are ints),
        one per series: the result's ``series_id`` column (None: ``ids`` as they are).
    """

    ids: NDArray[np.object_]
    offsets: NDArray[np.int64]
    years: NDArray[np.float64]
    values: NDArray[np.float64]
    units: NDArray[np.object_] | None = None
    mixed_units: dict[int, tuple[str, ...]] = field(default_factory=dict)
    problems: dict[int, str] = field(default_factory=dict)
    estimates: dict[int, tuple[str, ...]] = field(default_factory=dict)
    fx_years: dict[int, tuple[str, ...]] = field(default_factory=dict)
    unpublished: dict[int, tuple[str, ...]] = field(default_factory=dict)
    bounds: dict[int, tuple[str, ...]] = field(default_factory=dict)
    conversions: dict[int, tuple[str, ...]] = field(default_factory=dict)
    given_ids: pd.Index | None = None

    @property
    def n_series(self) -> int:
        """Number of series."""
        return int(self.ids.size)


@dataclass(frozen=True)
class Chunk:
    """Consecutive series ``start .. start + len(ids) - 1`` of a :class:`SeriesTable`.

    ``offsets`` are relative to ``years``/``values`` of this chunk; ``problems`` and
    ``bounds`` (the years published as bounds, :attr:`SeriesTable.bounds`, each
    ``"2021 (at least)"``) are keyed by the position within the chunk.
    """

    start: int
    ids: tuple[Any, ...]
    offsets: NDArray[np.int64]
    years: NDArray[np.float64]
    values: NDArray[np.float64]
    problems: dict[int, str] = field(default_factory=dict)
    bounds: dict[int, tuple[str, ...]] = field(default_factory=dict)

    def __len__(self) -> int:
        return len(self.ids)

    def series(self, i: int) -> tuple[Any, NDArray[np.float64], NDArray[np.float64]]:
        """``(series_id, years, values)`` of the ``i``-th series in this chunk."""
        lo, hi = int(self.offsets[i]), int(self.offsets[i + 1])
        return self.ids[i], self.years[lo:hi], self.values[lo:hi]


def _numeric_column(frame: pd.DataFrame, column: str) -> NDArray[np.float64]:
    """Column as float64; cells that are missing or not numbers become NaN (then reported).

    A True/False cell (an Excel TRUE, which :func:`idcforecast.batch.read_long_table` keeps
    as written) is not a number either: pandas would read it as 1.0 or 0.0 (was: a TRUE
    in a year's cell forecast as the value 1, status "ok").

    Examples
    --------
    >>> import pandas as pd
    >>> _numeric_column(pd.DataFrame({"v": [2.0, True, 0, "x"]}), "v").tolist()
    [2.0, nan, 0.0, nan]
    """
    import pandas as pd

    raw = frame[column]
    values = pd.to_numeric(raw, errors="coerce").to_numpy(dtype=np.float64, na_value=np.nan)
    flags = true_false_cells(raw, values)
    if flags.any():
        values = values.copy()  # (pandas may hand out a read-only view)
        values[flags] = np.nan
    return values


def _first_problems(
    codes: NDArray[np.int64], bad: NDArray[np.bool_], describe: Any, problems: dict[int, str]
) -> None:
    """Record, for each series with a bad row, the first such row (keep earlier notes)."""
    rows = np.flatnonzero(bad)
    if rows.size == 0:
        return
    series_of_row = codes[rows]
    _, first = np.unique(series_of_row, return_index=True)
    for row in rows[first]:
        # only a series' first problem is described (was: each described, so a row without
        # a year nor a value raised a ValueError while its value was worded, by its year)
        if (code := int(codes[row])) not in problems:
            problems[code] = describe(int(row))


def _no_unit_message(series_id: str, year: int, value: float, unit: str) -> str:
    """Message for a bare number in a series whose other rows state a unit, in the words of
    :func:`idcforecast.read_series`, which refuses it.

    Examples
    --------
    >>> _no_unit_message("B", 2019, 1.0, "CNY 100m").split(",")[0]
    "series 'B' year 2019: the number 1 has no unit"
    """
    return (
        f"series {series_id!r} year {year}: the number {value:g} has no unit, while other "
        f"values of the series are in {unit!r}; expected figure text with a unit "
        "('1,562.5亿元') or a unit in its 'unit' column, or, when every bare number is in one "
        f"unit, that unit asked for (`forecast-many --unit '{unit}'`, "
        f"read_long_table(..., unit={unit!r}))"
    )


def _record_mixed_units(
    codes: NDArray[np.int64],
    unit_codes: NDArray[np.int64],
    mixed: NDArray[np.bool_],
    ids: NDArray[np.object_],
    names: NDArray[np.object_],
    problems: dict[int, str],
) -> dict[int, tuple[str, ...]]:
    """Record every unit (in order of appearance) of each series that mixes units, and
    return them by series.

    Only the rows of the offending series are scanned, so clean batches pay one mask.
    """
    bad_series = np.unique(codes[mixed])
    if bad_series.size == 0:
        return {}
    rows = np.flatnonzero(np.isin(codes, bad_series) & (unit_codes >= 0))
    units_by_series: dict[int, list[str]] = {}
    for code, unit_code in zip(codes[rows].tolist(), unit_codes[rows].tolist(), strict=True):
        seen = units_by_series.setdefault(code, [])
        if names[unit_code] not in seen:
            seen.append(names[unit_code])
    for code, units in units_by_series.items():
        problems.setdefault(code, mixed_units_message(str(ids[code]), units))
    return {code: tuple(units) for code, units in units_by_series.items()}


def _record_shared_names(notes: Notes, codes: NDArray[np.int64], problems: dict[int, str]) -> None:
    """Record the series whose rows come from several rows of a wide table that share one
    name, as a reader marked them (:data:`idcforecast.batch.wide.SHARED_NAME`, the message,
    then the row: a series left with the cells of one such row, as after filtering the
    frame on its unit, is not failed), with the message of the note."""

    from idcforecast.batch.wide import SHARED_NAME

    note_codes, distinct = factorized(notes)
    rows_of: dict[int, set[int]] = {}  # series code -> its distinct marked table rows
    messages: dict[int, str] = {}
    for k, note in enumerate(distinct):
        if not isinstance(note, str) or SHARED_NAME not in note:
            continue
        marked = note.split(SHARED_NAME, 1)[1].split("; ", 1)[0]
        for code in np.unique(codes[note_codes == k]).tolist():
            rows_of.setdefault(code, set()).add(k)
            messages[code] = marked.rsplit(" (this row: ", 1)[0]
    for code, rows in rows_of.items():
        if len(rows) > 1:
            problems.setdefault(code, messages[code])


def _name_stale_marks(
    codes: NDArray[np.int64],
    units: pd.Series,
    problems: dict[int, str],
    before: set[int],
    standing: NDArray[np.bool_],
) -> None:
    """Add :data:`STALE_MARK_FIX` to the problem of each series failed by a
    :data:`NOT_CONVERTED` mark (not among ``before``) whose rows, not all marked
    (``standing``: the marks still failing), hold one unit, as forecast() words it
    (:func:`idcforecast._series_cells.one_unit_now`)."""
    import pandas as pd

    failed = [code for code in problems if code not in before]
    if not failed:
        return
    n_series = int(codes.max()) + 1
    marked = standing
    every_row = np.bincount(codes[marked], minlength=n_series) == np.bincount(
        codes, minlength=n_series
    )
    unit_codes = pd.factorize(units, sort=False)[0].astype(np.int64)
    low = np.full(n_series, np.iinfo(np.int64).max)
    high = np.full(n_series, -2, dtype=np.int64)
    np.minimum.at(low, codes, unit_codes)
    np.maximum.at(high, codes, unit_codes)
    one_unit = (low == high) & (low >= 0) & ~every_row  # code -1: a row without a unit
    for code in failed:
        if one_unit[code]:
            problems[code] += STALE_MARK_FIX


def _record_marked(
    notes: Notes,
    codes: NDArray[np.int64],
    problems: dict[int, str],
    marker: str,
    where: NDArray[np.bool_] | None = None,
) -> NDArray[np.bool_]:
    """Record the series with a row ``read_long_table`` marked as failing its series (its
    note ends with ``marker``, :data:`NOT_CONVERTED` or :data:`YEAR_UNREAD`, and the
    error), with the error of its first such row; with ``where``, only rows where it is
    True (a cell still bad). Returns those rows (a mask of the frame's rows)."""

    note_codes, distinct = factorized(notes)
    marked = [k for k, note in enumerate(distinct) if isinstance(note, str) and marker in note]
    if not marked:
        return np.zeros(len(codes), dtype=bool)
    rows = np.isin(note_codes, marked) & (True if where is None else where)
    for row in np.flatnonzero(rows).tolist():
        if (code := int(codes[row])) not in problems:
            # up to a later mark of the same row (a value not read after a unit)
            problems[code] = str(marked_message(distinct[note_codes[row]], marker))
    return np.asarray(rows, dtype=bool)


def _unpublished_labels(
    codes: NDArray[np.int64],
    years: NDArray[np.float64],
    cells: NDArray[Any],
    marked: NDArray[np.bool_],
) -> dict[int, tuple[str, ...]]:
    """Series code -> its years marked as not published, with the mark, in year order."""
    rows = np.flatnonzero(marked)
    found: dict[int, list[str]] = {}
    for row in rows[np.lexsort((years[rows], codes[rows]))]:
        found.setdefault(int(codes[row]), []).append(unpublished_label(years[row], cells[row]))
    return {code: tuple(labels) for code, labels in found.items()}


def _only_row_left(codes: NDArray[np.int64], marked: NDArray[np.bool_]) -> NDArray[np.bool_]:
    """The first row of each series whose every row is ``marked``: kept (its value NaN), so
    that the series is still there, failed by name, rather than gone."""
    n_series = int(codes.max()) + 1
    n_rows = np.bincount(codes, minlength=n_series)
    every = (np.bincount(codes[marked], minlength=n_series) == n_rows)[codes]
    first = np.zeros(codes.size, dtype=bool)
    first[np.unique(codes, return_index=True)[1]] = True
    return every & first


def group_series(data: pd.DataFrame) -> SeriesTable:
    """Group a long ``series_id, year, value`` frame into a :class:`SeriesTable`.

    Series keep the order in which they first appear; rows are sorted by year within a
    series. Extra columns are ignored except ``unit`` (one per series is kept) and ``note``
    (estimates read as data, see :func:`kept_estimates`). A row whose value cell is marked
    as not published ("n/a", "—", "..", "暂无") is left out, a gap, as
    :func:`idcforecast.read_series` reads it, and named in ``unpublished`` (a series with
    no other row keeps one, with a NaN value, so that it fails by name).

    Raises
    ------
    DataError
        If ``data`` is not a DataFrame, lacks a required column, or has a missing series id.
    EmptyDataError
        If ``data`` has no rows.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"series_id": ["b", "a", "b"], "year": [2021, 2020, 2020],
    ...                       "value": [2.0, 5.0, 1.0]})
    >>> table = group_series(frame)
    >>> table.ids.tolist(), table.offsets.tolist(), table.values.tolist()
    (['b', 'a'], [0, 2, 3], [1.0, 2.0, 5.0])
    """
    import pandas as pd

    if not isinstance(data, pd.DataFrame):
        raise DataError(
            f"forecast_many: data must be a long DataFrame with columns series_id, year, "
            f"value; got {type(data).__name__}; for one series use forecast()",
            found=type(data).__name__,
        )
    missing = [c for c in REQUIRED_COLUMNS if c not in data.columns]
    if missing:
        raise DataError(
            f"forecast_many: data lacks column(s) {', '.join(map(repr, missing))}; expected a "
            "long frame with columns series_id, year, value; "
            f"found {list(map(str, data.columns))}; "
            + (
                # the years are the index (df.set_index("year")): said as forecast() says it
                # (was: "reshape wide tables with read_series() first", a file reader)
                years_in_index_hint(data, missing).removeprefix("; ")
                or "reshape wide tables with read_series() first"
            ),
            missing=missing,
        )
    if len(data) == 0:
        raise EmptyDataError(
            "forecast_many: data has no rows; expected at least one (series_id, year, value) row"
        )
    ids_column = data["series_id"]
    null_ids = np.flatnonzero(ids_column.isna().to_numpy())
    if null_ids.size:
        row = int(null_ids[0])
        raise DataError(
            f"forecast_many: {missing_id_message(row, data['year'].iloc[row])}", row=row
        )
    check_ids_not_joined_as_equal(ids_column)
    codes, ids = pd.factorize(ids_column, sort=False)
    check_ids_distinct_as_text(list(ids))
    given_ids = pd.Index(ids)  # the column's dtype (pd.factorize keeps it): 1 stays 1
    codes = codes.astype(np.int64, copy=False)
    years = year_numbers(data["year"]).to_numpy(dtype=np.float64, na_value=np.nan)
    values = _numeric_column(data, "value")
    ids = np.asarray(ids, dtype=object)

    # Worded by the same builders as forecast() (it raises them; we record them).
    problems: dict[int, str] = {}
    with np.errstate(invalid="ignore"):
        outside = (years > YEAR_MAX) | (years < YEAR_MIN)
    bad_year = ~np.isfinite(years) | (years != np.round(years)) | outside
    notes = factorized(data["note"]) if "note" in data.columns else None
    if notes is not None:  # first: the other problems of such a series follow from it
        _record_shared_names(notes, codes, problems)
        # a year still bad only (was: a year fixed in the frame failed its series all the
        # same, where forecast() read it as fixed)
        # ... or outside a file's years, which read_long_table marks ('19' is no year)
        with np.errstate(invalid="ignore"):
            unread = bad_year | (years < FILE_YEAR_MIN) | (years > FILE_YEAR_MAX)
        not_years = _record_marked(notes, codes, problems, YEAR_UNREAD, where=unread)
        if not_years.any():
            # '19' read as no year: its series fails with no forecast years, as a cell
            # 'abc' does (was: rows for the years 23, 24 after the '22' read as a year)
            years = np.where(not_years, np.nan, years)
        before = set(problems)
        # a row whose unit was set in the frame since it was read: corrected, read as it
        # is now (as forecast() reads it)
        units = data["unit"].to_numpy(dtype=object) if "unit" in data.columns else None
        standing = marks_standing(*notes, units)
        _record_marked(notes, codes, problems, NOT_CONVERTED, where=standing)
        if "unit" in data.columns:  # the row's unit as read: the mark fails it, said so
            _name_stale_marks(codes, data["unit"], problems, before, standing)
    year_cells = data["year"].to_numpy()
    value_cells = data["value"].to_numpy()
    _first_problems(
        codes,
        bad_year,
        lambda r: bad_year_message(
            str(ids[codes[r]]), year_cells[r], float(years[r]), row=data.index[r]
        ),
        problems,
    )
    not_finite = ~np.isfinite(values)
    # "n/a", "—": a year not published, a gap (as read_series reads it), not a bad value
    marked = not_published_mask(data["value"]) if not_finite.any() else not_finite
    if not_finite.any():  # a series without any value: said so, not by its first year
        blank = not_finite & (data["value"].isna().to_numpy() | marked)
        n_blank = np.bincount(codes[blank], minlength=len(ids))
        for code in np.flatnonzero(n_blank == np.bincount(codes, minlength=len(ids))):
            problems.setdefault(int(code), no_values_message(str(ids[code])))
    _first_problems(
        codes,
        not_finite & ~marked,
        # the reader's message naming the file's cell, where it marked one (not the frame's)
        lambda r: (
            (notes is not None and marked_message(note_of(notes, r), VALUE_UNREAD))
            or value_not_finite_message(str(ids[codes[r]]), int(years[r]), value_cells[r])
        ),
        problems,
    )
    unpublished: dict[int, tuple[str, ...]] = {}
    kept = data
    if marked.any():  # their rows are left out; the table is only read from here on
        unpublished = _unpublished_labels(codes, years, value_cells, marked)
        keep = ~marked | _only_row_left(codes, marked)
        codes, years, values = codes[keep], years[keep], values[keep]
        notes = None if notes is None else (notes[0][keep], notes[1])
        kept = data[[c for c in ("unit", "note", "qualifier") if c in data.columns]][keep]

    if notes is not None:  # before the units: forecast() checks the years first too
        record_repeated_years(notes, codes, years, values, ids, problems)
    order = np.lexsort((years, codes))
    counts = np.bincount(codes, minlength=len(ids))
    offsets = np.zeros(len(ids) + 1, dtype=np.int64)
    np.cumsum(counts, out=offsets[1:])

    units = None
    mixed_units: dict[int, tuple[str, ...]] = {}
    if "unit" in kept.columns:
        unit_codes, unit_names = pd.factorize(kept["unit"], sort=False)
        names = np.array([*(str(u) for u in unit_names), ""], dtype=object)
        # the first non-missing unit of each series; code -1 picks the trailing ""
        has_unit = np.flatnonzero(unit_codes >= 0)
        series_unit_code = np.full(len(ids), -1, dtype=np.int64)
        with_unit, first = np.unique(codes[has_unit], return_index=True)
        series_unit_code[with_unit] = unit_codes[has_unit[first]]
        units = names[series_unit_code]
        mixed = (unit_codes >= 0) & (unit_codes != series_unit_code[codes])
        mixed_units = _record_mixed_units(codes, unit_codes, mixed, ids, names, problems)
        # a bare number beside rows with a unit was taken in silence to be in their unit
        unit_of_series = series_unit_code[codes]
        bare = (unit_codes < 0) & (unit_of_series >= 0) & np.isfinite(values) & np.isfinite(years)
        _first_problems(
            codes,
            bare,
            lambda r: _no_unit_message(
                str(ids[codes[r]]), int(years[r]), float(values[r]), str(names[unit_of_series[r]])
            ),
            problems,
        )
    estimates = kept_estimates(notes, codes, years) if notes is not None else {}
    fx_years = converted_fx_years(notes, codes, years) if notes is not None else {}
    bounds = bound_years(kept["qualifier"], codes, years) if "qualifier" in kept.columns else {}
    conversions = unit_conversions(notes, codes, years) if notes is not None else {}
    return SeriesTable(
        ids=ids,
        offsets=offsets,
        years=years[order],
        values=values[order],
        units=units,
        mixed_units=mixed_units,
        problems=problems,
        estimates=estimates,
        fx_years=fx_years,
        unpublished=unpublished,
        bounds=bounds,
        conversions=conversions,
        given_ids=given_ids,
    )


def auto_chunk_size(n_series: int, n_workers: int) -> int:
    """Series per chunk: about eight chunks per worker for balance, at most 256 for memory.

    Examples
    --------
    >>> auto_chunk_size(100_000, 2), auto_chunk_size(100, 2), auto_chunk_size(3, 8)
    (256, 7, 1)
    """
    return max(1, min(MAX_AUTO_CHUNK, math.ceil(n_series / (8 * max(1, n_workers)))))


def iter_chunks(table: SeriesTable, chunk_size: int) -> Iterator[Chunk]:
    """Yield consecutive chunks of at most ``chunk_size`` series (views, no copies).

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"series_id": list("aabbc"), "year": [1, 2, 1, 2, 1],
    ...                       "value": [1.0, 2.0, 3.0, 4.0, 5.0]})
    >>> [(c.start, c.ids) for c in iter_chunks(group_series(frame), 2)]
    [(0, ('a', 'b')), (2, ('c',))]
    """
    with_problems, with_bounds = sorted(table.problems), sorted(table.bounds)
    for start in range(0, table.n_series, chunk_size):
        stop = min(start + chunk_size, table.n_series)
        lo, hi = int(table.offsets[start]), int(table.offsets[stop])
        first, last = bisect_left(with_problems, start), bisect_left(with_problems, stop)
        problems = {i - start: table.problems[i] for i in with_problems[first:last]}
        first, last = bisect_left(with_bounds, start), bisect_left(with_bounds, stop)
        bounds = {i - start: table.bounds[i] for i in with_bounds[first:last]}
        yield Chunk(
            start=start,
            ids=tuple(table.ids[start:stop]),
            offsets=table.offsets[start : stop + 1] - lo,
            years=table.years[lo:hi],
            values=table.values[lo:hi],
            problems=problems,
            bounds=bounds,
        )
