"""The table files of a folder given to :func:`idcforecast.read_series` (and ``--data
FOLDER``): CSV and Excel files in name order, Excel's lock files and hidden files skipped, a
spreadsheet that cannot be read (``.xlsb``, ``.ods``, ``.numbers``) an error rather than its
figures lost unseen (:func:`folder_files`); a file whose rows are all of another series than
the one the folder is joined into named (:func:`every_file_holds`); the file of a folder an
error's place names (:func:`file_at`)."""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from idcforecast.errors import DataError, EmptyDataError, UnknownSeriesError

if TYPE_CHECKING:
    from idcforecast._normalize import Observation

__all__ = ["TABLE_SUFFIXES", "every_file_holds", "file_at", "folder_files"]

# files a folder given to read_series is read from (Excel's "~$" lock files and hidden
# files are not tables)
TABLE_SUFFIXES = (".csv", ".txt", ".xlsx", ".xlsm", ".xls")
# spreadsheets read_series cannot open: in a folder, their figures would be lost unseen
_UNREADABLE_SHEETS = (".xlsb", ".ods", ".numbers")


def folder_files(folder: Path) -> list[Path]:
    """The table files of ``folder``, sorted by name (subfolders are not read); an
    EmptyDataError naming what the folder holds when there is none, a DataError naming a
    spreadsheet that cannot be read (``.xlsb``, ``.ods``, ``.numbers``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = pathlib.Path(tempfile.mkdtemp())
    >>> for name in ("b.csv", "a.xlsx", "~$a.xlsx", ".hidden.csv", "notes.pdf"):
    ...     _ = (folder / name).write_text("")
    >>> [p.name for p in folder_files(folder)]
    ['a.xlsx', 'b.csv']
    """
    files = sorted(
        p
        for p in folder.iterdir()
        if p.is_file() and p.suffix.lower() in TABLE_SUFFIXES and not p.name.startswith(("~$", "."))
    )
    unreadable = sorted(
        p.name
        for p in folder.iterdir()
        if p.is_file()
        and p.suffix.lower() in _UNREADABLE_SHEETS
        and not p.name.startswith(("~$", "."))
    )
    if unreadable:  # skipping it would drop its figures without a word
        from idcforecast._table_files import what_it_holds

        advice = what_it_holds(folder / unreadable[0])
        raise DataError(
            f"folder {folder}: {', '.join(unreadable)} cannot be read (expected "
            f"{', '.join(TABLE_SUFFIXES)} files); save it as .xlsx or .csv, or move it out "
            f"of the folder{'' if 'save it as .xlsx or CSV;' in advice else advice}",
            source=str(folder),
            file=unreadable[0],
        )
    if not files:
        found = sorted(p.name for p in folder.iterdir())
        raise EmptyDataError(
            f"folder {folder}: no table file to read (found "
            f"{', '.join(found[:8]) + (' ...' if len(found) > 8 else '') if found else 'nothing'}"
            f"); expected {', '.join(TABLE_SUFFIXES)} files, one or more series each",
            source=str(folder),
        )
    return files


def every_file_holds(
    series_id: str,
    files: list[Path],
    read: list[tuple[list[Observation], str]],
    name: str,
) -> None:
    """An UnknownSeriesError naming a file of a folder read with ``series_id`` that holds
    one series, named by its header rather than a ``series_id`` column, and not that one
    ("年份,市场规模（亿元）" beside files of ``year,value``): its figures would otherwise be
    left out of the joined series without a word. A long table's other series (a
    ``series_id`` column of "US" beside files of "China") is left out as chosen."""
    held = [{o.series_id for o in obs} for obs, _ in read]
    if not any(series_id in ids for ids in held):
        return  # no file holds it: the error below names them all
    for file, ids, (_, layout) in zip(files, held, read, strict=True):
        if len(ids) == 1 and series_id not in ids and layout != "long":
            names = ", ".join(map(repr, sorted(ids)))
            raise UnknownSeriesError(
                f"{name}: {file.name} holds no series {series_id!r} (its series: {names}), so "
                f"its figures would be left out of the series joined from the folder; to join "
                f"it, head its value column 'value' as the other files do (a file without a "
                f"series_id column is then the series named by series_id=), or move it out "
                f"of the folder if it holds another series",
                series_id=series_id,
                valid=tuple(sorted(ids)),
                file=file.name,
            )


def file_at(source: str | os.PathLike[str], err: Exception) -> Path:
    """The file ``err`` is about: ``source``, or the file of folder ``source`` its place
    names ("a.csv row 4"), so that a folder's file gets a single file's hints."""
    path = Path(source)
    if not path.is_dir():
        return path
    place = str(getattr(err, "place", ""))
    named = [f for f in folder_files(path) if place.startswith(f"{f.name} ")]
    return named[0] if named else path
