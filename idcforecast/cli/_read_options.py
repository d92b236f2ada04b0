"""The ``read_series`` options shared by the commands that read a user's file."""

from __future__ import annotations

import argparse
from typing import Any

__all__ = ["add_csv_arguments", "add_read_arguments", "read_options", "separator"]


def add_read_arguments(parser: argparse.ArgumentParser, *, file_option: str) -> None:
    """Declare ``--unit``, ``--sep``, ``--decimal`` and ``--header-row`` for ``file_option``."""
    group = parser.add_argument_group(f"reading {file_option} (as idcforecast.read_series)")
    group.add_argument(
        "--unit",
        default=None,
        metavar="UNIT",
        help="unit of the series ('CNY bn'): bare numbers are in it, figures are converted",
    )
    add_csv_arguments(group, header_row=True)


def add_csv_arguments(
    parser: argparse.ArgumentParser | argparse._ArgumentGroup, *, header_row: bool
) -> None:
    """Declare ``--sep`` (default: detected), ``--decimal`` (``.`` or ``,``) and, with
    ``header_row``, ``--header-row``."""
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
        help="decimal mark of numbers (default '.'; ',' reads '1.234,5' as 1234.5)",
    )
    if header_row:
        parser.add_argument(
            "--header-row",
            type=int,
            default=0,
            metavar="N",
            help="0-based row of the header; rows above it (titles, notes) are skipped",
        )


def separator(text: str | None) -> str | None:
    """``--sep`` as given, with ``\\t`` or ``tab`` meaning a tab (hard to type in a shell)."""
    return "\t" if text in ("\\t", "tab") else text


def read_options(args: argparse.Namespace) -> dict[str, Any]:
    """Keyword arguments for ``read_series`` from the parsed options."""
    return {
        "unit": args.unit,
        "sep": separator(args.sep),
        "decimal": args.decimal,
        "header_row": args.header_row,
    }
