"""One unit per series for a table read without ``unit``, as :func:`idcforecast.read_series`
reads it: a series whose rows are in different units that convert (MW and GW, 亿元 and
USD bn at each year's FX rate, racks and MW through the kW per rack) is converted to its most
common unit (a tie: the unit of its first such row), each converted row noted as
``read_series`` notes it ("converted from 'GW' (x1000)").

A row whose unit does not convert to its series' unit (another dimension, a year without an
FX rate, a unit the registry does not know) keeps its value and unit, and its ``note`` ends
with :data:`idcforecast.batch.chunks.NOT_CONVERTED` and the error naming it, from which
:func:`idcforecast.batch.forecast_many` fails that series alone with the error.
"""

from __future__ import annotations

from collections import Counter
from typing import TYPE_CHECKING, Any

import numpy as np

from idcforecast._cells import in_context
from idcforecast.batch.chunks import NOT_CONVERTED
from idcforecast.errors import IdcForecastError, IncompatibleUnitsError, MixedUnitsError

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["factor_and_note", "one_unit_per_series", "with_notes"]


def one_unit_per_series(data: pd.DataFrame, kw_per_rack: float, place_of: Any) -> pd.DataFrame:
    """``data`` (a long frame in file order, units canonical) with every series that mixes
    units converted to its most common unit; unchanged when no series mixes units.

    ``place_of(row, column)`` names a row of the file ("markets.csv row 4"), ``row`` being
    ``data``'s index label.
    """
    import pandas as pd

    from idcforecast._series import year_numbers

    if "unit" not in data.columns:
        return data
    cells = data["unit"].to_numpy()
    if len(cells) == 0 or bool((cells == cells[0]).all()):  # one unit throughout: 30 ms
        return data
    mixed = _series_with_units_apart(data)
    if len(mixed) and "note" in data.columns:
        mixed = mixed[~pd.Series(mixed).isin(_shared_names(data)).to_numpy()]
    if len(mixed) == 0:  # several units, one per series: two factorizations (~0.35 s/1.9M rows)
        return data
    in_mixed = data["series_id"].isin(mixed).to_numpy()
    years = year_numbers(data["year"]).to_numpy(dtype=np.float64, na_value=np.nan)
    with np.errstate(invalid="ignore"):
        whole = np.isfinite(years) & (years == np.round(years))
    # rows whose unit and year can be read: the others fail their series anyway
    at_rows = np.flatnonzero(in_mixed & data["unit"].notna().to_numpy() & whole)
    rows = data.iloc[at_rows][["series_id", "unit"]]
    target_of = {
        sid: Counter(units).most_common(1)[0][0]  # a tie: the first seen
        for sid, units in rows.groupby("series_id", sort=False)["unit"]
    }
    targets = rows["series_id"].map(target_of).to_numpy(dtype=object)
    apart = rows["unit"].to_numpy(dtype=object) != targets
    at_other = at_rows[apart]
    convert = pd.DataFrame(
        {"source": rows["unit"].to_numpy()[apart], "target": targets[apart]}
    ).assign(year=years[at_other].astype(np.int64))
    factors = np.ones(len(data))
    unit = data["unit"].to_numpy(dtype=object, copy=True)
    notes_of: dict[str, list[Any]] = {}  # a row note (conversion or failure) -> its rows
    # one conversion per (unit, series' unit, year), whichever series: linear in the rows
    for (source, target, year), within in convert.groupby(
        ["source", "target", "year"], sort=False
    ).indices.items():
        at = at_other[within]
        try:
            factor, note = factor_and_note(str(source), str(target), int(year), kw_per_rack)
        except IdcForecastError as err:
            ids = data["series_id"].to_numpy()[at]
            for sid, first in zip(*np.unique(ids, return_index=True), strict=True):
                where = (str(sid), str(target), int(year))
                error = _not_converted(err, data, where, data.index[at[first]], place_of)
                notes_of.setdefault(f"{NOT_CONVERTED}{error}", []).append(at[ids == sid])
            continue
        factors[at] = factor
        unit[at] = target
        notes_of.setdefault(note, []).append(at)
    out = data.copy()
    out["unit"] = unit
    notes = with_notes(out, notes_of)
    out["note"] = np.where(pd.isna(notes), "", notes)
    out["value"] = scaled_values(data["value"], factors)
    return out


def scaled_values(values: pd.Series, factors: Any) -> pd.Series:
    """``values`` times ``factors``: floats, or, where some cell is text, objects with the
    text cells as written (their series fail, named by their note)."""
    import pandas as pd

    numbers = pd.to_numeric(values, errors="coerce")
    scaled = numbers * factors
    if numbers.notna().all():
        return scaled.astype(np.float64)
    return scaled.astype(object).where(numbers.notna(), values)


def with_notes(out: pd.DataFrame, notes_of: dict[str, list[Any]]) -> Any:
    """``out``'s ``note`` column (None where it has none) with each note of ``notes_of``
    added to its rows (arrays of positions; after a note already there): array
    assignments, not a Python loop over every row (a unit asked for converts most rows of
    a file).

    Examples
    --------
    >>> import pandas as pd
    >>> out = pd.DataFrame({"note": ["", "estimate", "n/a"]})
    >>> with_notes(out, {"converted from 'GW' (x1000)": [np.array([0, 1])]}).tolist()
    ["converted from 'GW' (x1000)", "estimate; converted from 'GW' (x1000)", 'n/a']
    """
    import pandas as pd

    if "note" in out.columns:
        notes = out["note"].to_numpy(dtype=object, copy=True)
    else:
        notes = np.full(len(out), None, dtype=object)
    for note, parts in notes_of.items():
        at = np.concatenate(parts)
        old = notes[at]
        blank = np.asarray(pd.isna(old), dtype=bool) | (old == "")
        notes[at[blank]] = note
        if not blank.all():
            notes[at[~blank]] = [f"{o}; {note}" for o in old[~blank]]
    return notes


def _series_with_units_apart(data: pd.DataFrame) -> np.ndarray:
    """The ids of the series whose rows state more than one unit, in order of appearance
    (two factorizations and a sort of integers: dropping duplicate (id, unit) pairs of
    the frame took 0.5 s for 1.9 million rows).

    Examples
    --------
    >>> import pandas as pd
    >>> frame = pd.DataFrame({"series_id": ["a", "b", "a", "c", "c"],
    ...                       "unit": ["MW", "MW", "GW", None, "MW"]})
    >>> _series_with_units_apart(frame).tolist()
    ['a']
    """
    import pandas as pd

    ids, names = pd.factorize(data["series_id"], sort=False)
    units, unit_names = pd.factorize(data["unit"], sort=False)
    stated = units >= 0
    # the distinct (series, unit) pairs as integers: a series in two of them mixes units
    pairs = np.unique(ids[stated].astype(np.int64) * len(unit_names) + units[stated])
    apart = np.bincount(pairs // len(unit_names), minlength=len(names)) > 1
    return np.asarray(names[apart], dtype=object)


def _shared_names(data: pd.DataFrame) -> set[Any]:
    """Ids of the series melted from several rows of a wide table that share one name
    ("China" in USD bn and "China" in MW): two series, not one in two units; they fail by
    that name unless the frame is filtered to one of them (then in its own unit)."""
    from idcforecast.batch.wide import SHARED_NAME

    marked = data["note"].map(lambda n: isinstance(n, str) and SHARED_NAME in n).astype(bool)
    return set(data.loc[marked.to_numpy(), "series_id"])


def factor_and_note(source: str, target: str, year: int, kw_per_rack: float) -> tuple[float, str]:
    """The factor from ``source`` to ``target`` in ``year`` and the note ``read_series``
    gives a value so converted (the FX rate's year, the kW per rack assumed)."""
    from idcforecast._normalize import _conversion_note
    from idcforecast.units import conversion_factor, parse_unit
    from idcforecast.units.convert import changes_currency, fx_file_between

    factor = conversion_factor(source, target, year=year, kw_per_rack=kw_per_rack)
    fx = changes_currency(source, target)
    dims = {parse_unit(source).dimension, parse_unit(target).dimension}
    note = _conversion_note(
        source,
        factor,
        year,
        fx=fx,
        fx_origin=fx_file_between(source, target, year=year) if fx else None,
        kw_per_rack=kw_per_rack if dims == {"racks", "power"} else None,
    )
    return factor, note


def _not_converted(
    err: IdcForecastError,
    data: pd.DataFrame,
    series: tuple[str, str, int],
    row: Any,
    place_of: Any,
) -> IdcForecastError:
    """The error of ``row``, whose unit does not convert to its series' unit (``series``:
    its id, unit and the row's year), naming the row; units of two kinds (MW and USD bn) in
    ``read_series``'s words, with the fix."""
    sid, target, year = series
    where = place_of(int(row), "unit")
    if not isinstance(err, IncompatibleUnitsError):  # no FX rate that year, kW per rack
        return in_context(err, f"{where} (series {sid!r}, year {year})", place=where)
    first = data.index[(data["series_id"] == sid).to_numpy() & (data["unit"] == target).to_numpy()]
    source = str(data.at[row, "unit"])
    return MixedUnitsError(
        f"series {sid!r} mixes {target!r} ({place_of(int(first[0]), 'unit')}) and "
        f"{source!r} ({where}), which do not convert into each other; expected one unit per "
        "series, or units that convert (currencies, magnitudes, racks and power); fix the "
        "unit or split the series",
        series_id=sid,
        units=(target, source),
        place=where,
    )
