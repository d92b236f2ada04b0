"""The series of ``forecast --data FILE``, each read on its own when one cell fails (private).

:func:`idcforecast.read_series` raises at the first cell it cannot read (a value "abc", a
year "20x0", a year given twice, a unit it does not know), which cost ``forecast --data``
every series of the file (exit 2), where ``forecast-many`` fails that series alone. When
it does and the file holds several series, the file is read again with
:func:`idcforecast.batch.read_long_table` (as ``forecast-many`` reads it), which marks such
cells instead: the series with a marked cell are reported as not forecast (the error
naming the file's cell, as :func:`idcforecast.forecast` names it; exit 1) and the others
are forecast.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "NotRead",
    "read_file_series",
    "states_no_unit",
    "unit_needed",
    "without_units",
]

Failures = list[tuple[str, Exception]]


class NotRead(NamedTuple):
    """The series of a file that could not be read, with their errors, and the ids of
    every series of the file in its order (both empty when every series was read)."""

    failures: tuple[tuple[str, Exception], ...] = ()
    order: tuple[str, ...] = ()


def read_file_series(args: argparse.Namespace) -> tuple[pd.DataFrame, NotRead]:
    """The history of ``--data`` and the series that could not be read, with their errors.

    The file (``-``: standard input) is read with :func:`idcforecast.read_series` as the
    options say (as :func:`idcforecast.cli._read_options.read_user_file` reads it). Only
    when that fails, no ``--series`` was asked for, and the file (not a folder) read as
    ``forecast-many`` reads it holds several series, some with a cell it could not read
    and the others all with a unit (or ``--unit``, as ``read_series`` needs them): the
    others are returned with those series' errors. Otherwise the reader's error is raised
    as it was.
    """
    from idcforecast.cli._read_options import read_options
    from idcforecast.cli._stdin_table import STDIN, STDIN_NAME, table_path
    from idcforecast.errors import IdcForecastError, UnitError
    from idcforecast.io import read_series

    name = STDIN_NAME if args.data == STDIN else None
    with table_path(args.data, what="--data") as file:  # '-': read once, kept in a file
        options = read_options(args, str(file))  # (a wrong option: its error, not caught)
        try:
            history = read_series(file, series_id=args.series, source_name=name, **options)
        except IdcForecastError as err:
            # a file with no unit anywhere: forecast as forecast-many forecasts it (was
            # refused, "no unit for this series", where forecast-many forecast it)
            unitless = isinstance(err, UnitError) and args.unit is None
            bare = without_units(args, file, name) if unitless else None
            if bare is not None:
                return bare, NotRead()
            apart = None if args.series is not None else _series_apart(args, file, name)
            if apart is None:
                raise
            return apart
    return history, NotRead()


def without_units(
    args: argparse.Namespace, path: Path, name: str | None, command: str = "forecast"
) -> pd.DataFrame | None:
    """The file's series read as ``forecast-many`` reads them, when no cell, column or
    header of the file states a unit and every cell reads (None otherwise: the reader's
    error stands), with a ``note:`` line on stderr saying the numbers are taken as given
    (``command``: ``forecast`` forecasts them, ``show`` shows them). A file with units for
    some series only still needs ``--unit``."""
    import sys

    frame = _long_table(args, path, name)
    if frame is None:
        return None
    if "unit" in frame.columns and frame["unit"].notna().any():
        return None
    if "note" in frame.columns and _read_error(frame) is not None:
        return None  # a cell not read: read_series' error names it
    if args.series is not None:
        frame = frame[frame["series_id"].astype(str) == str(args.series)]
        if frame.empty:
            return None
    shown = name or path.name
    done = "forecast" if command == "forecast" else "shown"
    print(
        f"note: {command}: {shown} states no unit (no unit column, no unit in its cells or "
        f"headers): its numbers are {done} as given, with a blank unit, as forecast-many "
        "forecasts them; --unit UNIT names their unit",
        file=sys.stderr,
    )
    frame = frame.drop(columns=["unit"], errors="ignore")
    if command == "show":  # its table shows read_series' columns: the unit blank
        frame = frame.assign(
            unit="",
            qualifier=frame["qualifier"].fillna("exact") if "qualifier" in frame else "exact",
            as_of="",
            source=shown,
            quote="",
            confidence="",
            scope="",
            derived=False,
            note=frame["note"].fillna("") if "note" in frame else "",
        )
    return frame.astype({"year": "int64", "value": "float64"})


def states_no_unit(args: argparse.Namespace, path: Path, name: str | None) -> bool:
    """Whether the file at ``path`` states no unit anywhere (no unit column, no unit in its
    cells or headers), read as ``forecast-many`` reads it; False when it cannot be read so.
    """
    frame = _long_table(args, path, name)
    return frame is not None and not ("unit" in frame.columns and frame["unit"].notna().any())


# why report and scenarios refuse what forecast and show take as given
NEEDS_A_UNIT = {
    "report": "the report's tables, charts and scenario caps are stated in it",
    "scenarios": "a scenario spec's caps are in its own unit, checked against the series'",
}


def unit_needed(err: Exception, args: argparse.Namespace, command: str) -> Exception:
    """``err`` (a reader's "no unit for this series") saying why ``command`` needs the unit
    of a file that states none, where ``forecast``, ``forecast-many`` and ``show`` take its
    numbers as given; ``err`` itself for any other error, ``--unit`` given or no such file.
    """
    from idcforecast.errors import UnitError

    data = getattr(args, "data", None)
    if not isinstance(err, UnitError) or args.unit is not None or not data:
        return err
    path = Path(data)
    if not path.is_file() or not states_no_unit(args, path, None):
        return err
    fields = {key: getattr(err, key) for key in err.fields}
    return UnitError(
        f"{err}; {command} needs that unit ({NEEDS_A_UNIT[command]}), unlike forecast, "
        "forecast-many and show, which take such a file's numbers as given",
        **fields,
    )


def _series_apart(
    args: argparse.Namespace, path: Path, name: str | None
) -> tuple[pd.DataFrame, NotRead] | None:
    """The file's readable series and the errors of the others, or None when the file
    cannot be read so (the reader's first error then stands)."""
    import pandas as pd

    frame = _long_table(args, path, name)
    if frame is None:
        return None
    ids = list(dict.fromkeys(frame["series_id"]))
    if len(ids) < 2:  # one series: its error is the command's (exit 2, as before)
        return None
    good: list[pd.DataFrame] = []
    failures: Failures = []  # in the file's order
    for sid in ids:
        rows = frame[frame["series_id"] == sid]
        error = _read_error(rows)
        if error is None:
            good.append(rows)
        else:
            failures.append((str(sid), error))
    if not failures or not good:
        return None
    history = pd.concat(good, ignore_index=True)
    if args.unit is None and ("unit" not in history or history["unit"].isna().any()):
        return None  # read_series refuses bare numbers without --unit: its error stands
    read = history.astype({"year": "int64", "value": "float64"})
    return read, NotRead(tuple(failures), tuple(str(sid) for sid in ids))


def _read_error(rows: pd.DataFrame) -> Exception | None:
    """The error :func:`idcforecast.forecast` raises for a series of
    ``read_long_table`` rows with a cell the reader marked (None: no mark)."""
    from idcforecast._series_cells import NOT_CONVERTED, VALUE_UNREAD, YEAR_REPEATED, YEAR_UNREAD
    from idcforecast.errors import DataError, IdcForecastError
    from idcforecast.forecasting import forecast

    notes = rows.get("note")
    marks = (NOT_CONVERTED, VALUE_UNREAD, YEAR_REPEATED, YEAR_UNREAD)
    marked: Any = None if notes is None else next((n for n in notes if _has_mark(n, marks)), None)
    if marked is None:
        return None
    try:
        # the series' own error, as forecast() words it (the reader's message naming the
        # file's cell); a one-step naive forecast reads the rows as any method does
        forecast(rows, 1, method="naive")
    except IdcForecastError as err:
        return err
    return DataError(str(marked))


def _has_mark(note: Any, marks: tuple[str, ...]) -> bool:
    return isinstance(note, str) and any(mark in note for mark in marks)


def _long_table(args: argparse.Namespace, path: Path, name: str | None) -> pd.DataFrame | None:
    """The file read as ``forecast-many`` reads it (``read_long_table`` with the command's
    options), or None for a folder (its files are joined by ``read_series`` only) or a file
    that reader cannot read either (``read_series``' error then stands)."""
    from idcforecast.batch import read_long_table
    from idcforecast.cli._read_options import long_table_options

    if not path.is_file():
        return None
    try:
        return read_long_table(path, **long_table_options(args, str(path)), source_name=name)
    except Exception:
        return None
