"""Values a magnitude slip explains: a year about 1,000 (or a million) times the years beside it.

A table assembled from several reports, or typed by hand, mixes magnitudes: "$1,300" (USD
million, as another report wrote it) under a "USD bn" heading beside 1.2 and 1.4, "1,562.5"
亿元 beside "0.16" 万亿元 written as bare numbers. Each cell reads, and the series is then
1,000 times too large in one year: a forecast fitted through it is wrong, and nothing says so.

:func:`warn_magnitude_jumps` looks at each series' consecutive published values (after every
conversion, in the series' one unit) and names, in a :class:`~idcforecast.errors.
MagnitudeJumpWarning`, every step up or down by a factor of :data:`JUMP_FACTOR` (300) or
more in one year (the factor doubles per year of a gap: 600 across a year not published):
far beyond what a market grows in a year (doubling is fast growth), and what a slip of
thousands for millions (1,000), 万 for 亿 (10,000) or units for millions gives. A value
out of line with both neighbours is named alone ("2020's 1,300 is about 1,000 times its
neighbours"); a step the series stays on is named as the step. The values are read as
written, never changed.

Private: the readers call it on the frame they built.
"""

from __future__ import annotations

import warnings
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import numpy as np

from idcforecast._caller import caller_stacklevel

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["JUMP_FACTOR", "magnitude_jumps", "warn_magnitude_jumps"]

# a step between consecutive years at least this large (or at most its inverse) is named;
# across a gap of g years the bound is JUMP_FACTOR * 2 ** (g - 1) (doubling each year more)
JUMP_FACTOR = 300.0
_SHOWN = 3
# units of rates and shares, whose year-to-year steps are not a market's growth
_RATE_UNITS = ("%", "pp", "percent", "percentage points")


def magnitude_jumps(
    frame: pd.DataFrame, codes: np.ndarray | None = None
) -> list[tuple[Any, Any, float]]:
    """The steps of ``frame`` (``series_id, year, value``) that a magnitude slip explains:
    ``(before, after, ratio)`` with the index labels of the two rows (consecutive published
    years of one series, both values positive) and ``after / before``, in the frame's
    series order, then by year. ``codes``, when the caller has them, number each row's
    series in order of appearance (``pd.factorize``'s numbers, -1 for none): the ids are
    then not hashed again.

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"series_id": "m", "year": [2019, 2020, 2021, 2022],
    ...                       "value": [1.2, 1300.0, 1.4, 2.8]})  # 2x in 2022: growth
    >>> [(a, b, round(r, 4)) for a, b, r in magnitude_jumps(frame)]
    [(0, 1, 1083.3333), (1, 2, 0.0011)]
    """
    import pandas as pd

    if len(frame) < 2:
        return []
    ids = frame["series_id"].to_numpy() if codes is None else codes
    years = pd.to_numeric(frame["year"], errors="coerce").to_numpy(dtype=np.float64)
    values = pd.to_numeric(frame["value"], errors="coerce").to_numpy(dtype=np.float64)
    if "unit" in frame.columns:  # a rate's steps (0.1% to 35% growth) are no levels
        rate = frame["unit"].isin(_RATE_UNITS).to_numpy()
        if rate.any():
            values = np.where(rate, np.nan, values)
    same = ids[1:] == ids[:-1]
    starts = ids[np.flatnonzero(np.concatenate(([True], ~same)))]  # each run's series
    # each series one run of rows, in year order (the usual file): neighbours are adjacent
    # (rows mostly apart, as year by year or shuffled: not counted, the grid is as quick)
    if (
        len(starts) <= len(ids) // 2
        and (years[1:][same] > years[:-1][same]).all()
        and len(pd.unique(starts)) == len(starts)
    ):
        before = np.flatnonzero(same)
        return _steps(frame, before, before + 1, years, values)
    # a series' rows apart (written year by year, shuffled) or out of year order
    if codes is None:
        codes = _series_codes(frame["series_id"])
    before, after = _year_neighbours(codes, years)
    return _steps(frame, before, after, years, values)


def _series_codes(ids: pd.Series) -> np.ndarray:
    """Each row's series as a number, in order of appearance (as ``pd.factorize`` numbers).

    Text ids, rows shuffled: ``pd.factorize`` looks each row's text up in a table and
    compares it with the one there, in memory all over (0.7 s for 2 million rows of 200,000
    series); each text is hashed in place instead (64 bits, ``pd.util.hash_array``, 0.3 s)
    and the hashes numbered (0.1 s). Two ids with one hash (a chance of about 1 in 10**9
    for 200,000 ids) would be taken for one series: only what this warning names, never a
    value, could be off.
    """
    import pandas as pd

    # numbers, categories: quick as they are; texts mixed with numbers (1 and '1' hash alike)
    if pd.api.types.infer_dtype(ids, skipna=True) != "string":
        return pd.factorize(ids, sort=False)[0]
    hashes = pd.util.hash_array(ids.to_numpy(dtype=object), categorize=False)
    codes = pd.factorize(hashes, sort=False)[0]
    return np.where(ids.isna().to_numpy(), -1, codes)  # no series: in no pair


def _year_neighbours(codes: np.ndarray, years: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The row positions ``(before, after)`` of each series' consecutive years (``codes``
    numbering the series by appearance), in series then year order.

    Sort-free where the series' years fit a grid (series x years, a few cells a row): each
    row is put in its cell and a cell's neighbour is the last filled one before it in its
    series' row. Rows of unread years are in no pair; a (series, year) given twice, odd
    years, or a grid too sparse (years spread over centuries) are sorted instead.
    """
    rows = np.flatnonzero(np.isfinite(years) & (codes >= 0))
    if len(rows) and (years[rows] == np.round(years[rows])).all():
        first = int(years[rows].min())
        span = int(years[rows].max()) - first + 1
        n_series = int(codes.max()) + 1
        if n_series * span <= 4 * len(years) + 1024:
            offset = years[rows].astype(np.int64) - first  # the year's column
            cell = codes[rows].astype(np.int64) * span + offset
            at = np.full(n_series * span, -1, dtype=np.int64)
            at[cell] = rows
            if np.count_nonzero(at >= 0) == len(rows):  # no (series, year) twice
                columns = np.full(n_series * span, -1, dtype=np.int64)
                columns[cell] = offset
                grid = columns.reshape(n_series, span)
                # the last filled column up to each cell, in its series' row (-1: none)
                last = np.maximum.accumulate(grid, axis=1)
                # filled cells (from the 2nd column) with a filled one before them
                series, column = np.nonzero((grid[:, 1:] >= 0) & (last[:, :-1] >= 0))
                earlier = series * span + last[series, column]
                return at[earlier], at[series * span + column + 1]
    order = np.lexsort((years, codes))  # by series (order of appearance), then year
    same = np.flatnonzero(codes[order][1:] == codes[order][:-1])
    return order[same], order[same + 1]


def _steps(
    frame: pd.DataFrame,
    before: np.ndarray,
    after: np.ndarray,
    years: np.ndarray,
    values: np.ndarray,
) -> list[tuple[Any, Any, float]]:
    """The pairs ``(before, after)`` (row positions of consecutive years of one series)
    whose step is :data:`JUMP_FACTOR` or more, as :func:`magnitude_jumps` gives them."""
    first, then = values[before], values[after]
    with np.errstate(divide="ignore", invalid="ignore", over="ignore"):
        ratio = then / first
        gap = years[after] - years[before]
        # log10(limit) = log10(JUMP_FACTOR) + (gap - 1) log10(2), compared without a log of
        # every step (0.1 s of 2 million): the step up, or down, as a factor above 1
        limit = JUMP_FACTOR * np.exp2(gap - 1) * (1 - 1e-12)
        factor = np.where(ratio >= 1, ratio, 1 / ratio)
        # no ratio from zero or to a negative
        positive = (first > 0) & (then > 0)
        found = np.flatnonzero(positive & (gap >= 1) & (factor >= limit))
    # the index labels of each pair, as python values (.at takes them)
    labels = frame.index.to_numpy()
    pairs = zip(labels[before[found]].tolist(), labels[after[found]].tolist(), strict=True)
    return [(a, b, float(ratio[i])) for (a, b), i in zip(pairs, found.tolist(), strict=True)]


def _times(ratio: float) -> str:
    """ "1,083 times" for 1083.3, "1/1,071 of" for 0.000933."""
    return f"{ratio:,.0f} times" if ratio > 1 else f"1/{1 / ratio:,.0f} of"


def warn_magnitude_jumps(
    frame: pd.DataFrame,
    *,
    name: str,
    place_at: Callable[[Any], str] | None = None,
    codes: np.ndarray | None = None,
) -> None:
    """Warn (:class:`~idcforecast.errors.MagnitudeJumpWarning`) naming the values of
    ``frame`` (``series_id, year, value`` [+ ``quote``]) that :func:`magnitude_jumps`
    finds: its series, year, value, cell (``place_at(index label)``, else the row's
    ``source``) and the cell as written (``codes``: each row's series numbered, as
    :func:`magnitude_jumps` takes them). Nothing is changed.

    Examples
    --------
    >>> import pandas as pd, warnings
    >>> frame = pd.DataFrame({"series_id": "m", "year": [2019, 2020, 2021],
    ...                       "value": [1.2, 1300.0, 1.4],
    ...                       "source": ["m.csv row 2", "m.csv row 3", "m.csv row 4"]})
    >>> with warnings.catch_warnings(record=True) as caught:
    ...     warnings.simplefilter("always")
    ...     warn_magnitude_jumps(frame, name="m.csv")
    >>> print(caught[0].message)  # doctest: +NORMALIZE_WHITESPACE
    m.csv: 1 value 300 times or more (or 1/300 or less) the year beside it, more than a
    market grows in a year: series 'm' 2020's 1,300 (m.csv row 3) is 1,083 times 2019's 1.2
    and 929 times 2021's 1.4; a magnitude slip (thousands for millions, 万 for 亿, '$1,300'
    under a 'USD bn' heading)? It is read as written: correct the cell, or its unit, if so
    """
    jumps = magnitude_jumps(frame, codes)
    if not jumps:
        return
    from idcforecast.errors import MagnitudeJumpWarning

    quotes = frame["quote"] if "quote" in frame.columns else None

    def cell(label: Any) -> str:
        value = float(frame.at[label, "value"])
        if place_at is not None:
            where = place_at(label)
        else:
            where = str(frame.at[label, "source"]) if "source" in frame.columns else ""
        quote = "" if quotes is None else str(quotes.at[label] or "")
        written = f" {quote!r}" if quote and quote != "nan" else ""
        place = f" ({where}{',' if written else ''}{written})" if where or written else ""
        return f"{int(frame.at[label, 'year'])}'s {value:,.6g}{place}"

    def year(label: Any) -> str:
        return f"{int(frame.at[label, 'year'])}'s {float(frame.at[label, 'value']):,.6g}"

    def said(k: int, spike: bool) -> str:
        before, after, ratio = jumps[k]
        sid = str(frame.at[after, "series_id"])
        if spike:  # out of line with both neighbours: that value is named
            _, following, back = jumps[k + 1]
            return (
                f"series {sid!r} {cell(after)} is {_times(ratio)} {year(before)} "
                f"and {_times(1 / back)} {year(following)}"
            )
        # a step the series stays on: both sides named
        return f"series {sid!r} {cell(after)} is {_times(ratio)} {cell(before)} before it"

    found, k = [], 0  # (jump, whether a spike): only the ones shown are written out
    while k < len(jumps):
        _, after, ratio = jumps[k]
        spike = (
            k + 1 < len(jumps) and jumps[k + 1][0] == after and (jumps[k + 1][2] > 1) != (ratio > 1)
        )
        found.append((k, spike))
        k += 2 if spike else 1
    shown = "; ".join(said(k, spike) for k, spike in found[:_SHOWN])
    shown += "; ..." if len(found) > _SHOWN else ""
    count = f"{len(found)} value{'s' if len(found) > 1 else ''}"
    them = "them" if len(found) > 1 else "it"
    warnings.warn(
        f"{name}: {count} {JUMP_FACTOR:,.0f} times or more (or 1/{JUMP_FACTOR:,.0f} or less) "
        f"the year beside {them}, more than a market grows in a year: {shown}; a magnitude "
        f"slip (thousands for millions, 万 for 亿, '$1,300' under a 'USD bn' heading)? "
        f"{'They are' if len(found) > 1 else 'It is'} read as written: correct the cell, or "
        "its unit, if so",
        MagnitudeJumpWarning,
        stacklevel=caller_stacklevel(),
    )
