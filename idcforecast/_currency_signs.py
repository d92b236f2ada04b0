"""A number written with a currency sign or code alone ("$1,200", "1200 USD") under a unit
with a magnitude ("Revenue (USD mn)"): the sign names the currency, not a figure in dollars.

Shared by :func:`idcforecast.read_series` (:mod:`idcforecast._normalize`) and
:func:`idcforecast.batch.read_long_table` (:mod:`idcforecast.batch.value_cells`), so that
the two readers read such a cell alike: in the unit of its header or unit column, noted.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from idcforecast.units import Unit

__all__ = ["sign_names_currency", "sign_note"]

# a number with a currency sign or code alone ("$1,200", "US$ 1,200", "¥1,562.5", "EUR 80",
# "1200 USD", "80 €"), no magnitude: beside a unit with one, the sign names its currency
_SIGN_AND_NUMBER = re.compile(
    r"\s*[-\u2212(]?\s*(?:US\$|HK\$|S\$|A\$|C\$|\$|¥|￥|€|£|USD|CNY|RMB|EUR|GBP|JPY|HKD)\s*"
    r"[\d.,'\u00a0 ]*\d\)?\s*"
    r"|\s*[-\u2212(]?\s*[\d.,'\u00a0 ]*\d\)?\s*(?:USD|CNY|RMB|EUR|GBP|JPY|HKD|€)\s*"  # "1200 USD"
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
