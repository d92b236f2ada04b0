"""Advice for a figure typed on the command line that cannot be read (private).

The figure reader's advice for a decimal comma ("1,5") names a table's reader option,
``read_series(..., decimal=',')``: right for a column of a data file, but a figure typed as
an argument (``cagr 1,5 ...``, ``scenarios --threshold 8000,5亿元``) is read by no table
reader, and the commands that take one have no such option (or, with ``--decimal``, one
that reads the data file, not the argument). The fix a user can type is the figure written
with a decimal point.
"""

from __future__ import annotations

import shlex

from idcforecast.errors import IdcForecastError

__all__ = ["typed_figure_error"]

# the figure reader's advice for a table (idcforecast.units.parse), and the same after
# cli_advice has put it in the words of a command that reads a data file
TABLE_ADVICES = (
    "(a table written with decimal commas: read_series(..., decimal=','))",
    "(a table written with decimal commas: --decimal ,)",
)


def point_written(figure: str) -> str | None:
    """``figure`` written with a decimal point where it has a decimal comma ("1,5" ->
    "1.5", "3.200,5 MW" -> "3200.5 MW"), or None when it does not read as one.

    Examples
    --------
    >>> point_written("1,5"), point_written("3.200,5 MW"), point_written("8000,5亿元")
    ('1.5', '3200.5 MW', '8000.5亿元')
    >>> point_written("1,5,6") is None, point_written("1,562.5") is None
    (True, True)
    """
    from idcforecast.errors import ParseError
    from idcforecast.units import parse_quantity

    if figure.count(",") != 1 or figure.rfind(".") > figure.find(","):
        return None
    candidate = figure.replace(".", "").replace(",", ".")
    try:
        parse_quantity(candidate)
    except ParseError:
        return None
    return candidate


def typed_figure_error(err: IdcForecastError, figure: str, option: str) -> IdcForecastError:
    """``err`` (same type and fields) with the table advice replaced by what to type for
    ``figure``, given as ``option`` ("START", "--threshold"); ``err`` itself when it holds
    no such advice.

    Examples
    --------
    >>> from idcforecast.errors import ParseError
    >>> err = ParseError(
    ...     "cannot read '1,5': decimal point as '.' (a table written with decimal commas: "
    ...     "read_series(..., decimal=','))", text="1,5")
    >>> new = typed_figure_error(err, "1,5", "START")
    >>> str(new), new.text
    ("cannot read '1,5': decimal point as '.' (a decimal comma? type START as 1.5)", '1,5')
    """
    message = str(err)
    advice = next((text for text in TABLE_ADVICES if text in message), None)
    if advice is None:
        return err
    written = point_written(figure)
    if written is None:
        fix = f"(type {option} with a decimal point)"
    elif option.startswith("-"):
        fix = f"(a decimal comma? type {option} {shlex.quote(written)})"
    else:
        fix = f"(a decimal comma? type {option} as {shlex.quote(written)})"
    fields = {key: getattr(err, key) for key in err.fields}
    return type(err)(message.replace(advice, fix), **fields)
