"""How printed numbers round a tie: half up (away from zero), as a spreadsheet and a reader
do, in the report and the command line alike (Python's format rounds it to the even digit,
so the CLI printed 22.5 as "22" where the report printed "23")."""

from __future__ import annotations

import math

__all__ = ["half_up", "signed_half_up", "significant_digits", "to_significant_digits"]


def half_up(value: float, decimals: int) -> str:
    """``value`` with ``decimals`` decimals and thousands separators, a tie rounded away
    from zero, as a spreadsheet and a reader round it.

    Python's format rounds a tie to the even digit: a drift forecast rising 2.5 a year,
    17.5, 22.5, 27.5, 32.5, printed "18", "22", "28", "32". The tie is judged on the
    number as Python writes it (``repr``): 2.675, stored as 2.67499..., is "2.68".

    Examples
    --------
    >>> [half_up(v, 0) for v in (17.5, 22.5, 27.5, 32.5, -32.5)]
    ['18', '23', '28', '33', '-33']
    >>> half_up(2.675, 2), half_up(1234.25, 1), half_up(float("nan"), 1)
    ('2.68', '1,234.3', 'nan')
    >>> half_up(1e30, 0)  # past the default decimal precision (28 digits)
    '1,000,000,000,000,000,000,000,000,000,000'

    """
    from decimal import ROUND_HALF_UP, Decimal, localcontext

    number = float(value)
    if not math.isfinite(number):
        return f"{number:,.{decimals}f}"
    with localcontext() as context:  # room for every digit: 1e30 overflowed the default 28
        context.prec = 400 + decimals
        exact = Decimal(repr(number)).quantize(Decimal(1).scaleb(-decimals), ROUND_HALF_UP)
    return f"{exact:,.{decimals}f}"


def signed_half_up(value: float, decimals: int) -> str:
    """:func:`half_up` with its sign always written: a change or growth rate ("+2.5").

    Examples
    --------
    >>> signed_half_up(0.25, 1), signed_half_up(-0.25, 1), signed_half_up(0.0, 1)
    ('+0.3', '-0.3', '+0.0')
    """
    text = half_up(value, decimals)
    return text if text.startswith(("-", "+")) or text == "nan" else "+" + text


def significant_digits(figure: float) -> int:
    """The significant digits a figure was published with (the zeros ending a whole number
    counted: "1500" may be exact).

    Examples
    --------
    >>> significant_digits(210.5), significant_digits(1500.0), significant_digits(0.05)
    (4, 4, 1)
    """
    digits = f"{abs(figure):.15g}".replace(".", "").lstrip("0")
    return max(1, len(digits)) if "e" not in digits else 15


def to_significant_digits(value: float, digits: int) -> float:
    """``value`` rounded to ``digits`` significant digits, a tie away from zero.

    Examples
    --------
    >>> to_significant_digits(3336344761.2, 4), to_significant_digits(0.0123456, 2)
    (3336000000.0, 0.012)
    >>> to_significant_digits(float("nan"), 3)
    nan
    """
    from decimal import ROUND_HALF_UP, Decimal

    if not math.isfinite(value) or value == 0:
        return value
    exponent = math.floor(math.log10(abs(value))) - digits + 1
    return float(Decimal(repr(value)).quantize(Decimal(1).scaleb(exponent), ROUND_HALF_UP))
