"""The ``read_series`` options shared by the commands that read a user's file."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING, Any

from idcforecast._cells import ESTIMATE_POLICIES

if TYPE_CHECKING:
    import pandas as pd

__all__ = [
    "add_actuals_arguments",
    "add_csv_arguments",
    "add_encoding_argument",
    "add_estimates_argument",
    "add_read_arguments",
    "add_sheet_argument",
    "add_unit_arguments",
    "bundled_rows",
    "check_actuals_options",
    "check_no_file_options",
    "long_table_options",
    "read_options",
    "read_user_file",
    "separator",
    "series_dataset",
    "sheet_choice",
]


def add_read_arguments(
    parser: argparse.ArgumentParser,
    *,
    file_option: str,
    encoding_of: str = "a CSV",
    bundled_too: bool = True,
) -> None:
    """Declare the ``read_series`` options (``--unit``, ``--kw-per-rack``, ``--sep``,
    ``--decimal``, ``--encoding`` of ``encoding_of``, ``--header-row``, ``--sheet``,
    ``--year-column``, ``--estimates``) for ``file_option``.

    With ``bundled_too`` (the commands that read a bundled dataset when ``file_option`` is
    not given: report, show, forecast, scenarios) ``--unit`` and ``--kw-per-rack`` convert
    the bundled dataset as well, so they are listed in a group of their own rather than
    under "reading --data".
    """
    group = parser.add_argument_group(f"reading {file_option} (as idcforecast.read_series)")
    if bundled_too:
        units = parser.add_argument_group(f"units (of the bundled dataset or {file_option})")
        add_unit_arguments(
            units,
            help=f"convert the series to UNIT ('CNY bn', 'USD bn'), the bundled dataset's or "
            f"{file_option}'s; bare numbers in {file_option} are taken to be in it",
        )
    else:
        add_unit_arguments(
            group,
            help="unit of the series ('CNY bn'): bare numbers are in it, figures are converted",
        )
    add_csv_arguments(group, encoding_of=encoding_of)
    add_sheet_argument(group)
    group.add_argument(
        "--year-column",
        default="year",
        metavar="NAME",
        help="header of the year column when it is not 'year' (e.g. 年份)",
    )
    add_estimates_argument(group)


def add_actuals_arguments(parser: argparse.ArgumentParser) -> None:
    """Declare ``--series`` and the read options of ``--data`` for the commands that read
    actuals beside claims (``check-claims``, ``track-record``)."""
    parser.add_argument(
        "--series",
        metavar="ID",
        default=None,
        help="with --data: read only series ID of it, and name its unnamed values ID (a "
        "folder of one market's files, one file per report, joins into ID)",
    )
    add_read_arguments(
        parser,
        file_option="--data",
        encoding_of="FILE (.csv, .toml) and --data",
        bundled_too=False,  # without --data, --unit is refused (check_actuals_options)
    )
    for action in parser._actions:  # it converts the claims too, with or without --data
        if "--kw-per-rack" in action.option_strings:
            action.help = (
                "power of one standard rack in kW, for converting between racks and MW: a "
                "claim in MW against actuals in racks (or the reverse), and --data (default 2.5)"
            )


def add_estimates_argument(parser: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    """Declare ``--estimates`` (what to do with years such as 2021E)."""
    parser.add_argument(
        "--estimates",
        default="error",
        choices=ESTIMATE_POLICIES,
        help="years marked as estimates (2021E, 2022F): 'error' (default) names them, 'drop' "
        "reads the history only, 'keep' reads them as data",
    )


def add_csv_arguments(
    parser: argparse.ArgumentParser | argparse._ArgumentGroup,
    *,
    encoding_of: str = "a CSV",
) -> None:
    """Declare ``--sep`` (default: detected), ``--decimal`` (``.`` or ``,``; its help says
    that a decimal comma is detected, as read_series and read_long_table detect it),
    ``--encoding`` (of ``encoding_of``) and ``--header-row``."""
    parser.add_argument(
        "--sep",
        default=None,
        metavar="CHAR",
        help="CSV field separator (default: detected; 'tab' for a tab)",
    )
    parser.add_argument(
        "--decimal",
        default=".",
        choices=(".", ","),
        metavar="MARK",  # argparse printed the choices as "{.,,}"
        help="decimal mark of numbers: '.' (the default) or ','; ',' reads '1.234,5' as 1234.5"
        " (a ';' or tab separated file whose numbers read only with ',', '1,5', is read so "
        "without it)",
    )
    add_encoding_argument(parser, what=encoding_of)
    parser.add_argument(
        "--header-row",
        type=int,
        default=0,
        metavar="N",
        help="0-based row of the header; rows above it (titles, notes) are skipped",
    )


def add_encoding_argument(
    parser: argparse.ArgumentParser | argparse._ArgumentGroup, *, what: str = "a CSV"
) -> None:
    """Declare ``--encoding`` (the text encoding of ``what``, default UTF-8)."""
    parser.add_argument(
        "--encoding",
        default="utf-8",
        metavar="NAME",
        help=f"text encoding of {what} (default utf-8; gb18030 for a CSV saved by Excel on "
        "Chinese Windows)",
    )


def add_unit_arguments(
    parser: argparse.ArgumentParser | argparse._ArgumentGroup, *, help: str
) -> None:
    """Declare ``--unit`` (the target unit) and ``--kw-per-rack`` (racks <-> power)."""
    parser.add_argument("--unit", default=None, metavar="UNIT", help=help)
    parser.add_argument(
        "--kw-per-rack",
        type=float,
        default=2.5,
        metavar="KW",
        help="power of one rack in kW, for converting racks and MW (default 2.5)",
    )


def add_sheet_argument(parser: argparse.ArgumentParser | argparse._ArgumentGroup) -> None:
    """Declare ``--sheet`` (an Excel sheet's name, or its 0-based position)."""
    parser.add_argument(
        "--sheet",
        default=None,
        metavar="SHEET",
        help="Excel sheet to read: its name, or its 0-based position among the tabs Excel "
        "shows (chart sheets count, hidden sheets do not) when no sheet has that name "
        "(default: the first worksheet shown)",
    )


def sheet_choice(text: str | None, path: str | None) -> str | int:
    """``--sheet`` as ``read_series(sheet_name=...)``: a sheet's name wins over a position.

    Analysts name sheets "2020" or "1"; such a name is read as a name when the workbook
    has that sheet, else digits are the 0-based position.
    """
    if text is None:
        return 0
    workbook = (".xlsx", ".xlsm", ".xls")
    if not text.isdigit() or path is None or not str(path).lower().endswith(workbook):
        return text
    try:
        if str(path).lower().endswith(".xls"):
            import xlrd

            legacy = xlrd.open_workbook(path, on_demand=True)
            try:
                return text if text in legacy.sheet_names() else int(text)
            finally:
                legacy.release_resources()
        import openpyxl

        book = openpyxl.load_workbook(path, read_only=True)
    except Exception:  # unreadable: read_series names the problem
        return int(text)
    try:
        return text if text in book.sheetnames else int(text)
    finally:
        book.close()


def separator(text: str | None) -> str | None:
    """``--sep`` as given, with ``\\t`` or ``tab`` meaning a tab (hard to type in a shell)."""
    return "\t" if text in ("\\t", "tab") else text


def read_options(args: argparse.Namespace, path: str | None) -> dict[str, Any]:
    """Keyword arguments for ``read_series`` of ``path`` from the parsed options."""
    _check_format_options(args, path)
    if path is not None:
        _note_count_unit(args)
    return long_table_options(args, path)


def _note_count_unit(args: argparse.Namespace) -> None:
    """A ``note:`` line, once, for a ``--unit`` that is a magnitude alone ('亿', 'bn'): bare
    numbers are then read as a plain count ("count 100m"), and a market's report said "in
    units of 100 million" with no currency, without a word."""
    import sys

    text = getattr(args, "unit", None)
    if not text or getattr(args, "count_unit_noted", False) or "count" in text.lower():
        return
    from idcforecast.errors import IdcForecastError
    from idcforecast.units import parse_unit

    try:
        unit = str(parse_unit(text))
    except IdcForecastError:
        return  # the reader names a unit it cannot read
    if unit.startswith("count "):
        args.count_unit_noted = True
        print(
            f"note: --unit {text!r} is a magnitude alone: bare numbers are read as a plain "
            f"count ({unit!r}), with no currency or thing counted; for money name the "
            "currency too (--unit 亿元, --unit 'USD bn')",
            file=sys.stderr,
        )


def long_table_options(args: argparse.Namespace, path: str | None) -> dict[str, Any]:
    """Keyword arguments for ``read_long_table`` (and ``read_series``) of ``path`` from the
    parsed options, without :func:`read_options`' format checks."""
    return {
        "unit": args.unit,
        "sep": separator(args.sep),
        "decimal": args.decimal,
        "header_row": args.header_row,
        "encoding": args.encoding,
        "sheet_name": sheet_choice(args.sheet, path),
        "kw_per_rack": args.kw_per_rack,
        "year_column": args.year_column,
        "estimates": args.estimates,
    }


def _check_format_options(args: argparse.Namespace, path: str | None) -> None:
    """A DataError for an option of the other file format: ``--sheet`` with a CSV, ``--sep``
    or ``--encoding`` with an Excel workbook. ``read_series`` ignores them there, so
    ``--sheet 2021`` on a CSV printed the CSV's series as if the sheet had been found.
    A folder may hold both kinds: its options are left to the files they fit."""
    from pathlib import Path

    from idcforecast.errors import DataError

    if path is None or not Path(path).is_file():
        return
    suffix = Path(path).suffix.lower()
    if suffix in (".csv", ".txt"):
        wrong = ["--sheet"] if getattr(args, "sheet", None) is not None else []
        kind, fits = "a CSV", "a sheet of an Excel workbook"
    elif suffix in (".xlsx", ".xlsm", ".xls"):
        # check-claims FILE.csv --encoding gb18030 --data actuals.xlsx: it is FILE's
        text_file = str(getattr(args, "file", None) or "").lower().endswith((".csv", ".toml"))
        wrong = [
            flag
            for flag, name, default in (("--sep", "sep", None), ("--encoding", "encoding", "utf-8"))
            if getattr(args, name, default) != default and not (name == "encoding" and text_file)
        ]
        kind, fits = "an Excel workbook", "the text of a CSV"
    else:
        return
    if wrong:
        flags = " and ".join(wrong)
        from idcforecast.cli._stdin_table import display_name

        raise DataError(
            f"{display_name(path)}: {flags} {'describe' if len(wrong) > 1 else 'describes'} "
            f"{fits}, and the file is {kind}; drop {flags}",
            options=", ".join(wrong),
            path=str(path),
        )


# options that describe a user's file, with their defaults: given without --data they
# would be ignored, so they are refused
_FILE_OPTION_DEFAULTS = {
    "sep": None,
    "decimal": ".",
    "header_row": 0,
    "encoding": "utf-8",
    "sheet": None,
    "year_column": "year",
    "estimates": "error",
}


def check_no_file_options(args: argparse.Namespace, command: str) -> None:
    """A DataError naming the file options (``--sep``, ``--sheet``...) given to ``command``
    without ``--data``: the bundled data is read as it is, they would be ignored."""
    from idcforecast.errors import DataError

    given = [
        "--" + name.replace("_", "-")
        for name, default in _FILE_OPTION_DEFAULTS.items()
        if getattr(args, name, default) != default
    ]
    if given:
        raise DataError(
            f"{command}: {', '.join(given)} {'describe' if len(given) > 1 else 'describes'} a "
            "data file (--data FILE); the bundled dataset is read as it is; drop "
            f"{'them' if len(given) > 1 else 'it'} or pass --data",
            options=", ".join(given),
        )


def check_actuals_options(args: argparse.Namespace, command: str) -> None:
    """A DataError naming the ``--data`` options (``--series``, ``--unit``, ``--sheet``...)
    given to ``check-claims`` / ``track-record`` without ``--data``: they describe your own
    actuals, and the bundled series were used as they are with them ignored in silence.
    ``--encoding`` also decodes the claims FILE, so it is refused only without one."""
    from idcforecast.errors import DataError

    if args.data is not None:
        return
    # (--kw-per-rack also converts the claims between racks and power: it is no file option)
    defaults = {"series": None, "unit": None, **_FILE_OPTION_DEFAULTS}
    if args.file is not None:
        defaults.pop("encoding")
    given = [
        "--" + name.replace("_", "-")
        for name, default in defaults.items()
        if getattr(args, name, default) != default
    ]
    if given:
        raise DataError(
            f"{command}: {', '.join(given)} {'describe' if len(given) > 1 else 'describes'} "
            "your own actuals (--data FILE), and no --data was given, so "
            f"{'they would be' if len(given) > 1 else 'it would be'} ignored; drop "
            f"{'them' if len(given) > 1 else 'it'} or pass --data FILE",
            options=", ".join(given),
        )


def series_dataset(name: str, command: str) -> pd.DataFrame:
    """Bundled dataset ``name``, refused with the command that reads it when it holds
    claims rather than series (``forecast --dataset published_forecasts`` was a KeyError
    'series_id' traceback)."""
    from idcforecast.datasets import load_dataset
    from idcforecast.errors import DataError

    frame = load_dataset(name)
    if "series_id" not in frame.columns:
        raise DataError(
            f"{command}: dataset {name!r} holds claims, not series; expected a series "
            f"dataset (see idcforecast datasets); check its claims with: idcforecast "
            f"check-claims --all, or idcforecast track-record",
            dataset=name,
        )
    return frame


def bundled_rows(frame: pd.DataFrame, args: argparse.Namespace, command: str) -> pd.DataFrame:
    """Rows of a bundled dataset as the command's options ask: file options refused
    (:func:`check_no_file_options`), ``--unit`` applied (converted as ``show --unit``
    converts, each row's note saying how; it was ignored without ``--data``)."""
    check_no_file_options(args, command)
    if getattr(args, "unit", None) is None or frame.empty:
        return frame
    from idcforecast.io import read_series

    # named as the user knows it ("dataset china_idc_market row 0 ..."), not "DataFrame"
    name = f"dataset {getattr(args, 'dataset', None) or 'china_idc_market'}"
    return read_series(frame, unit=args.unit, kw_per_rack=args.kw_per_rack, source_name=name)


def read_user_file(args: argparse.Namespace, path: str) -> pd.DataFrame:
    """The history in ``path`` as the parsed options say, only series ``args.series`` when
    it is given; ``-`` reads standard input (a CSV or an .xlsx piped in).

    Reading one series leaves the others of the file alone: a second series with no unit,
    or in a unit ``--unit`` does not fit, used to stop a report on the first one.
    """
    from idcforecast.cli._stdin_table import STDIN, STDIN_NAME, table_path
    from idcforecast.io import read_series

    with table_path(path, what="--data") as file:  # '-': standard input
        return read_series(
            file,
            series_id=args.series,
            source_name=STDIN_NAME if path == STDIN else None,
            **read_options(args, str(file)),
        )
