"""The table files of a folder given to :func:`idcforecast.read_series` (and ``--data
FOLDER``): CSV and Excel files in name order, Excel's lock files and hidden files skipped, a
spreadsheet that cannot be read (``.xlsb``, ``.ods``, ``.numbers``) an error rather than its
figures lost unseen (:func:`folder_files`)."""

from __future__ import annotations

from pathlib import Path

from idcforecast.errors import DataError, EmptyDataError

__all__ = ["TABLE_SUFFIXES", "folder_files"]

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
