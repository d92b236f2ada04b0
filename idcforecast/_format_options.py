"""Typed errors for the format options of the table readers (``sep``, ``decimal``,
``header_row``, ``encoding``, ``estimates``), checked before a file is opened by
:func:`idcforecast.read_series` and :func:`idcforecast.batch.read_long_table`."""

from __future__ import annotations

from typing import Any

from idcforecast._text_files import check_encoding, text_codec
from idcforecast.errors import DataError

__all__ = ["check_format_options"]


def check_format_options(
    source: Any,
    *,
    sep: Any,
    decimal: Any,
    header_row: Any,
    caller: str = "read_series",
    encoding: Any = "utf-8",
    estimates: Any = "error",
) -> None:
    """Typed errors for unusable ``sep``/``decimal``/``header_row``/``encoding``/
    ``estimates`` values (``caller`` names the function the user called)."""
    import pandas as pd

    from idcforecast._cells import check_estimates_policy

    check_estimates_policy(estimates, caller=caller)
    check_encoding(encoding, caller=caller)
    if decimal not in (".", ","):
        raise DataError(
            f"{caller}: decimal={decimal!r} is not supported; expected '.' or ','",
            decimal=repr(decimal),
        )
    if sep is not None and (not isinstance(sep, str) or len(sep) != 1 or sep in '"\r\n'):
        raise DataError(
            f"{caller}: sep={sep!r} is not a field separator; expected one character "
            "such as ',' or ';' (or None to detect it)",
            sep=repr(sep),
        )
    if sep is not None and sep == decimal:
        raise DataError(
            f"{caller}: sep and decimal are both {sep!r}; expected different characters "
            "(a decimal-comma CSV is usually separated by ';')",
            sep=repr(sep),
        )
    if isinstance(header_row, bool) or not isinstance(header_row, int) or header_row < 0:
        raise DataError(
            f"{caller}: header_row={header_row!r} is not a row; expected a 0-based row number >= 0",
            header_row=repr(header_row),
        )
    if isinstance(source, pd.DataFrame) and (
        sep is not None or header_row != 0 or text_codec(encoding) != "utf-8-sig"
    ):
        raise DataError(
            f"{caller}: sep, header_row and encoding apply to files; a DataFrame already has "
            "its columns (drop the options, or set the frame's columns yourself)",
            source="DataFrame",
        )
