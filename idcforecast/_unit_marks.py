"""A row :func:`idcforecast.batch.read_long_table` could not convert to the unit asked
for, and the unit it left in that row: a unit set in the frame since is the user's
correction.

The reader marks such a row's ``note`` with :data:`~idcforecast._series_cells.NOT_CONVERTED`
and the error, and the mark fails the row's series in :func:`idcforecast.forecast` and
:func:`idcforecast.forecast_many`. It also records, last in the note, the unit the row was
left with (:data:`UNIT_AS_READ`, ``"unit as read: 'kg'"``). A row whose unit column differs
from it now was corrected in the frame (``frame.loc[row, "unit"] = "MW"``): its mark no
longer fails the series, and the row is read in the unit it now has, as any other row (a
series then mixing units still fails on that). A row whose unit is still the one read keeps
failing: its value cell, not its unit, may be what was wrong ('800 MW' under 'racks' keeps
'racks'), which the frame cannot tell from an unchanged row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import numpy as np
from numpy.typing import NDArray

from idcforecast._series_cells import NOT_CONVERTED, UNIT_AS_READ

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["UNIT_AS_READ", "marks_standing", "record_units_as_read"]

_NO_UNIT = "none"  # a row without a unit (a rate-named row of bare numbers)


def _unit_text(unit: Any) -> str:
    import pandas as pd

    return _NO_UNIT if pd.isna(unit) or str(unit) == "" else repr(str(unit))


def record_units_as_read(out: pd.DataFrame) -> pd.DataFrame:
    """``out`` with :data:`UNIT_AS_READ` and the row's unit added to the note of each row
    marked :data:`NOT_CONVERTED` (last, after every other mark): what the reader left in
    the row, against which a unit set in the frame since is read as a correction.

    Examples
    --------
    >>> import pandas as pd
    >>> out = pd.DataFrame({"unit": ["MW", "kg", None],
    ...                     "note": ["", "not converted to the unit asked for: x", "n/a"]})
    >>> record_units_as_read(out)["note"].tolist()
    ['', "not converted to the unit asked for: x; unit as read: 'kg'", 'n/a']
    """
    import pandas as pd

    if "note" not in out.columns:
        return out
    codes, distinct = pd.factorize(out["note"].to_numpy(dtype=object))
    kinds = [
        k for k, note in enumerate(distinct) if isinstance(note, str) and NOT_CONVERTED in note
    ]
    if not kinds:  # (a file of millions of rows: one test per distinct note)
        return out
    notes = out["note"].to_numpy(dtype=object, copy=True)
    units = out["unit"].to_numpy(dtype=object) if "unit" in out.columns else None
    for i in np.flatnonzero(np.isin(codes, kinds)).tolist():
        unit = None if units is None else units[i]
        notes[i] = f"{notes[i]}; {UNIT_AS_READ}{_unit_text(unit)}"
    return out.assign(note=notes)


def marks_standing(note_codes: NDArray[np.int64], distinct: Any, units: Any) -> NDArray[np.bool_]:
    """Per row, whether its note (``distinct[note_codes[row]]``, the notes factorized)
    holds a :data:`NOT_CONVERTED` mark that still fails its series: no unit as read
    recorded with it, or the row's unit (``units``, None without a unit column) still the
    one recorded. A row whose unit was set in the frame since is not: the user corrected
    it.

    Examples
    --------
    >>> mark = "not converted to the unit asked for: x; unit as read: 'kg'"
    >>> distinct = [mark, "", "not converted to the unit asked for: y"]
    >>> marks_standing(np.array([0, 0, 1, 2]), distinct, ["kg", "MW", "MW", "MW"]).tolist()
    [True, False, False, True]
    >>> import pandas as pd
    >>> odd = "it's " + '"x"'  # both quotes: compared as written, not read back
    >>> out = pd.DataFrame({"unit": [odd], "note": ["not converted to the unit asked for: z"]})
    >>> marks_standing(np.array([0]), record_units_as_read(out)["note"].tolist(), [odd]).tolist()
    [True]
    """
    codes = np.asarray(note_codes)
    standing = np.zeros(len(codes), dtype=bool)
    marks = [
        k for k, note in enumerate(distinct) if isinstance(note, str) and NOT_CONVERTED in note
    ]
    if not marks:
        return standing
    unit_cells = None if units is None else np.asarray(units, dtype=object)
    for i in np.flatnonzero(np.isin(codes, marks)).tolist():
        note = str(distinct[int(codes[i])])
        now = _unit_text(None if unit_cells is None else unit_cells[i])
        # the record of the unit it has now, as written ('kg', or a unit with both
        # quotes that no pattern reads back): a mark without any record stands too
        standing[i] = f"; {UNIT_AS_READ}" not in note or f"; {UNIT_AS_READ}{now}" in note
    return standing
