"""A value cell's own unit against the unit of its header or unit column, read alike by
:func:`idcforecast.read_series` (:mod:`idcforecast._normalize`) and
:func:`idcforecast.batch.read_long_table` (:mod:`idcforecast.batch.value_cells`).

A number written with a currency sign or code alone ("$1,200", "1200 USD") under a unit with
a magnitude ("Revenue (USD mn)"): the sign names the currency, the cell is in the header's
unit, noted (:func:`sign_names_currency`, :func:`sign_note`). A unit of another kind or
currency ("800 MW" beside "racks", "€80" under "USD mn"): one of the two is wrong
(:func:`units_agree`, :func:`unit_clash_message`).
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from idcforecast.units import Unit

__all__ = ["sign_names_currency", "sign_note", "unit_clash_message", "units_agree"]

# a number with a currency sign or code alone ("$1,200", "US$ 1,200", "¥1,562.5", "EUR 80",
# "1200 USD", "80 €"), no magnitude: beside a unit with one, the sign names its currency
_SIGN_AND_NUMBER = re.compile(
    r"[^\d]*?"  # a bound or "about" before it, no number: "> $1,200", "about $1,300", "约¥300"
    r"(?:\s*[-\u2212(]?\s*(?:US\$|HK\$|S\$|A\$|C\$|\$|¥|￥|€|£|USD|CNY|RMB|EUR|GBP|JPY|HKD)\s*"
    r"[-\u2212(]?\s*[\d.,'\u00a0 ]*\d\)?\s*"  # "$(1,300)", "$-1,300": a negative after it
    r"|\s*[-\u2212(]?\s*[\d.,'\u00a0 ]*\d\)?\s*(?:USD|CNY|RMB|EUR|GBP|JPY|HKD|€)\s*)"  # "1200 USD"
)


def sign_names_currency(quote: str, cell: Unit, column: Unit) -> bool:
    """Whether the cell ``quote``, read in unit ``cell``, is a number with its currency's
    sign or code alone under the unit ``column`` of that currency with a magnitude: then
    it is in ``column`` ("$1,200" under "USD mn" is 1,200 USD mn, not 1,200 dollars).

    Examples
    --------
    >>> from idcforecast.units import parse_unit
    >>> usd, usd_mn = parse_unit("USD"), parse_unit("USD mn")
    >>> sign_names_currency("$1,200", usd, usd_mn), sign_names_currency("1200 USD", usd, usd_mn)
    (True, True)
    >>> sign_names_currency("$1,200", usd, usd), sign_names_currency("$1.2bn", usd, usd_mn)
    (False, False)
    >>> sign_names_currency("$(1,300)", usd, usd_mn)  # an accounting negative after the sign
    True
    >>> sign_names_currency("> $1,200", usd, usd_mn)  # a bound before it
    True
    """
    same_kind = column.dimension == cell.dimension and column.per == cell.per
    return bool(
        same_kind
        and cell.currency == column.currency
        and cell.factor == 1 != column.factor
        and _SIGN_AND_NUMBER.fullmatch(quote)
    )


def sign_note(quote: str, unit: str) -> str:
    """The note of a cell read by :func:`sign_names_currency` in ``unit``.

    Examples
    --------
    >>> sign_note("$1,200", "USD mn")[:59]
    "'$1,200' read in the unit of its header or unit column, 'US"
    """
    return (
        f"{quote!r} read in the unit of its header or unit column, {unit!r} (the sign names "
        "its currency, no magnitude)"
    )


def units_agree(cell: Unit, column: Unit) -> bool:
    """Whether a cell's own unit may be read over its column's: the same kind, and for
    money the same currency ("1.2万亿元" under "亿元", "GW" beside "MW"), not "800 MW"
    beside "racks" nor "€80" under "USD mn".

    Examples
    --------
    >>> from idcforecast.units import parse_unit
    >>> units_agree(parse_unit("GW"), parse_unit("MW")), units_agree(parse_unit("EUR"),
    ...     parse_unit("USD mn"))
    (True, False)
    """
    same_kind = column.dimension == cell.dimension and column.per == cell.per
    return same_kind and (column.dimension != "money" or column.base == cell.base)


def unit_clash_message(place: str, quote: str, cell: Unit, column: Unit, written: str) -> str:
    """The error of a cell ``quote`` in unit ``cell`` under the unit ``column`` (as
    ``written``) that :func:`units_agree` refuses, naming ``place``."""
    said = repr(written) + ("" if written == column.canonical else f" ({column.canonical!r})")
    return (
        f"{place}: the value {quote!r} says {cell.canonical!r} but the unit column says "
        f"{said}; one of them is wrong; correct it (a plain number takes the unit column's "
        "unit)"
    )
