"""Year-indexed exchange rates from the bundled, sourced table ``data/fx_rates.csv``.

Money is not unit algebra: an amount converts between currencies only with the annual
average rate of a given year, read from the table. A missing year or pair is an error,
never the nearest rate.
"""

from __future__ import annotations

import csv
import functools
import numbers
import operator
from pathlib import Path

from idcforecast._paths import data_dir
from idcforecast.errors import DataError, MissingFxRateError, UnitError

__all__ = ["fx_rate", "fx_table"]

FX_FILE = "fx_rates.csv"
_PIVOT = "USD"  # cross rates go through USD, and only when both legs are in the table


def _fx_path() -> Path:
    return data_dir() / FX_FILE


@functools.cache
def fx_table() -> dict[tuple[str, str], dict[int, float]]:
    """The FX table as ``{(base, quote): {year: quote units per one base unit}}``.

    Read once from ``data/fx_rates.csv`` (tidy schema; unit "CNY/USD" means CNY per USD).

    Examples
    --------
    >>> fx_table()[("USD", "CNY")][2020]
    6.9042
    """
    path = _fx_path()
    table: dict[tuple[str, str], dict[int, float]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row_no, row in enumerate(csv.DictReader(handle), start=2):
            try:
                quote, base = _pair(row["unit"])
                year = int(row["year"])
                rate = float(row["value"])
                if not rate > 0:
                    raise ValueError("a rate must be a positive number")
            except (KeyError, ValueError, AttributeError, TypeError) as err:
                raise DataError(
                    f"file {path.name} row {row_no}: expected unit 'QUOTE/BASE', an integer "
                    f"year and a positive rate, found unit={row.get('unit')!r}, "
                    f"year={row.get('year')!r}, value={row.get('value')!r} ({err}); "
                    "fix the row",
                    file=str(path),
                    row=row_no,
                ) from None
            rates = table.setdefault((base, quote), {})
            if year in rates:
                raise DataError(
                    f"file {path.name} row {row_no}: a second {quote}/{base} rate for {year}; "
                    "expected one annual average per year; remove the duplicate",
                    file=str(path),
                    row=row_no,
                )
            rates[year] = rate
    return table


def _pair(text: str) -> tuple[str, str]:
    """The (quote, base) currency codes of an exchange-rate unit, as the unit registry
    reads it: "CNY/USD", "RMB per US$" -> ("CNY", "USD"). A ValueError otherwise (a unit
    error is one: "MW/USD" is no exchange rate, and a pair the lookups never ask for
    would be a rate silently unused)."""
    from idcforecast.units.registry import parse_unit

    unit = parse_unit(text)
    if not unit.is_exchange_rate or unit.magnitude is not None:
        raise ValueError(f"{text!r} is not an exchange rate between two currencies")
    return unit.base, unit.per[0]


def _years_text(years: list[int]) -> str:
    if not years:
        return "no years"
    years = sorted(years)
    if len(years) > 1 and years == list(range(years[0], years[-1] + 1)):
        return f"{years[0]}-{years[-1]}"
    return ", ".join(map(str, years))


def _available() -> str:
    pairs = [f"{quote}/{base} {_years_text(list(r))}" for (base, quote), r in fx_table().items()]
    return "; ".join(pairs) if pairs else "nothing"


def _direct(base: str, quote: str, year: int) -> float | None:
    table = fx_table()
    if (base, quote) in table:
        return table[(base, quote)].get(year)
    if (quote, base) in table:
        rate = table[(quote, base)].get(year)
        return None if rate is None else 1.0 / rate
    return None


def _has_pair(base: str, quote: str) -> bool:
    table = fx_table()
    return (base, quote) in table or (quote, base) in table


def _code(currency: str) -> str:
    # ISO codes are upper case; "usd" from a user's column means USD
    return currency.strip().upper() if isinstance(currency, str) else currency


def _whole_year(year: object, pair: str) -> int:
    """``year`` as an int; a bool, a fraction or non-digit text is a UnitError."""
    if isinstance(year, str) and year.strip().isdigit():
        return int(year.strip())
    if isinstance(year, numbers.Real) and not isinstance(year, bool):
        if isinstance(year, numbers.Integral):
            return operator.index(year)
        if (number := float(year)).is_integer():
            return int(number)
    raise UnitError(
        f"converting {pair}: year={year!r} is not a whole year; expected a year such as "
        "2020 (the FX table holds annual averages); pass year=2020",
        pair=pair,
        year=year,
    )


def fx_rate(from_currency: str, to_currency: str, *, year: int | None) -> float:
    """Units of ``to_currency`` per one unit of ``from_currency`` in ``year``.

    Parameters
    ----------
    from_currency, to_currency
        ISO codes ("CNY", "USD"; case and surrounding spaces are ignored). The same code
        gives 1.0 with or without a year.
    year
        The year whose annual average rate to use. Required for two different currencies.
        A whole number: an int (numpy too), a whole float (2020.0, as from a float column)
        or digit text ("2020").

    Raises
    ------
    MissingFxRateError
        No year given, or the table lacks the pair (directly, inverted, or as a cross
        through USD with both legs present) for that year.
    UnitError
        ``year`` is not a whole number (2020.5, "2020E", True).

    Examples
    --------
    >>> fx_rate("USD", "CNY", year=2020)
    6.9042
    >>> round(fx_rate("CNY", "USD", year=2020), 6)
    0.144839
    """
    from_currency, to_currency = _code(from_currency), _code(to_currency)
    if from_currency == to_currency:
        return 1.0
    pair = f"{from_currency}->{to_currency}"
    if year is None:
        raise MissingFxRateError(
            f"converting {pair} needs a year: FX rates are annual averages "
            f"(the table has {_available()}); pass year=...",
            pair=pair,
            year=None,
        )
    year = _whole_year(year, pair)
    rate = _direct(from_currency, to_currency, year)
    if rate is None and _PIVOT not in (from_currency, to_currency):
        first, second = _direct(from_currency, _PIVOT, year), _direct(_PIVOT, to_currency, year)
        if first is not None and second is not None:
            rate = first * second
    if rate is not None:
        return rate
    known = _has_pair(from_currency, to_currency) or (
        _has_pair(from_currency, _PIVOT) and _has_pair(_PIVOT, to_currency)
    )
    if known:
        problem = f"the pair has no rate for {year}, and the nearest year is never used"
        fix = f"use a year the table covers or add the {year} rate to {_fx_path()}"
    else:
        problem = "the pair is not in the table, directly or through USD"
        fix = (
            f"add {from_currency} and {to_currency} rates against USD to {_fx_path()} "
            f"or keep the figures in {from_currency}"
        )
    raise MissingFxRateError(
        f"no FX rate for {pair} in {year}: {problem} (file {_fx_path().name} has "
        f"{_available()}); {fix}",
        pair=pair,
        year=year,
    )
