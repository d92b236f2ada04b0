"""Year-indexed exchange rates from the bundled, sourced table ``data/fx_rates.csv``, and
from a user's own FX file (:func:`use_fx_rates`) where the bundled table has no rate or the
user prefers another source.

Money is not unit algebra: an amount converts between currencies only with the annual
average rate of a given year, read from a table. A missing year or pair is an error,
never the nearest rate.
"""

from __future__ import annotations

import contextlib
import contextvars
import csv
import functools
import hashlib
import io
import numbers
import operator
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from idcforecast._paths import data_dir
from idcforecast.errors import MissingFxRateError, UnitError
from idcforecast.units._fx_rows import PIVOT as _PIVOT
from idcforecast.units._fx_rows import Rates
from idcforecast.units._fx_rows import file_bytes as _file_bytes
from idcforecast.units._fx_rows import pair_of as _pair
from idcforecast.units._fx_rows import parse_rates as _parse_rates
from idcforecast.units._fx_rows import years_text as _years_text

__all__ = ["bundled_fx_source", "fx_rate", "fx_rate_origin", "fx_table", "use_fx_rates"]

FX_FILE = "fx_rates.csv"


def _fx_path() -> Path:
    return data_dir() / FX_FILE


@functools.cache
def fx_table() -> Rates:
    """The bundled FX table as ``{(base, quote): {year: quote units per one base unit}}``.

    Read once from ``data/fx_rates.csv`` (tidy schema; unit "CNY/USD" means CNY per USD).
    Federal Reserve G.5A annual averages against USD: CNY 2010-2025, and AUD, CAD, CHF,
    EUR, GBP, HKD, INR, JPY, KRW, SGD and TWD for 2012-2025 (the releases' own values where
    a release was at hand; 2016, 2024 and 2025 from FRED's copy of the same series, medium
    confidence). BRL, CZK, DKK, HUF, IDR, MYR, NOK, PHP, PLN, RON, SEK, THB and ZAR for
    2010-2025 are computed: annual means of the ECB's daily euro reference rates crossed
    into USD day by day (``tools/fx_from_ecb.py``; within 0.22% of G.5A on the currencies
    both publish). Other currencies and years: give them with :func:`use_fx_rates`.

    Examples
    --------
    >>> fx_table()[("USD", "CNY")][2020]
    6.9042
    >>> fx_table()[("EUR", "USD")][2023]  # the euro is quoted in USD per EUR
    1.0817
    >>> fx_table()[("USD", "MYR")][2020]  # ECB-derived: mean of daily MYR/EUR / USD/EUR
    4.2014
    """
    return _read_rates(_fx_path())


def _read_rates(path: Path) -> Rates:
    """``{(base, quote): {year: rate}}`` from a tidy CSV with ``year``, ``value`` and
    ``unit`` ("CNY/USD") columns; a DataError names the file and row of a bad one."""
    return _parse_rates(_file_bytes(path), path)


@dataclass(frozen=True)
class _UserTable:
    """A user's FX file in use: its name for notes, its path for errors, its rates."""

    name: str
    path: Path
    rates: Rates
    sha256: str


_USER_TABLES: contextvars.ContextVar[tuple[_UserTable, ...]] = contextvars.ContextVar(
    "idcforecast_user_fx_tables", default=()
)


@contextlib.contextmanager
def use_fx_rates(path: str | os.PathLike[str]) -> Iterator[None]:
    """Convert money with the rates of your own FX file, inside a ``with`` block.

    The file's rates come first; the bundled table (:func:`fx_table`) still answers for
    pairs and years the file lacks. Every value converted with one of its rates says so in
    its note ("2026 annual-average FX rate from my_fx.csv"), so a report's Sources show
    which rates were yours. Blocks nest (the innermost file first) and are local to the
    thread or task that entered them. On the command line: ``--fx-rates FILE``.

    Parameters
    ----------
    path
        A UTF-8 CSV with columns ``year``, ``value`` and ``unit`` (other columns, such as
        ``source``, are ignored), one annual-average rate per row: ``2026,7.05,CNY/USD``
        is 7.05 CNY per USD, ``2026,1.16,USD/EUR`` 1.16 USD per EUR. A pair is needed
        once per year (its inverse is implied); other pairs cross through USD.

    Raises
    ------
    DataError
        The file cannot be read, lacks a column, or a row is not a whole year, a positive
        rate and an exchange-rate unit between two currencies; or a pair-year is given
        twice (either way round); or a rate of a bundled pair is more than 3x outside the
        bundled years' rates while its inverse is within that band (written the other way
        round: "2026,7.05,USD/CNY" is 7.05 USD per CNY). Raised on entering the block,
        before any conversion.

    Warns
    -----
    AmbiguousNumberWarning
        A rate 10 times or more above or below every bundled year's rate of its pair
        (and not merely written the other way round): "2026,16.5,IDR/USD", 16,500 IDR per
        USD written in thousands. The rate is used as written.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> folder = tempfile.mkdtemp()
    >>> path = pathlib.Path(folder) / "my_fx.csv"
    >>> _ = path.write_text("year,value,unit,source\\n2026,7.05,CNY/USD,bank forecast\\n")
    >>> with use_fx_rates(path):
    ...     fx_rate("USD", "CNY", year=2026), fx_rate_origin("USD", "CNY", year=2026)
    (7.05, 'my_fx.csv')
    >>> fx_rate_origin("USD", "CNY", year=2023) is None  # the bundled table
    True
    """
    file = Path(path)
    content = _file_bytes(file)
    digest = hashlib.sha256(content).hexdigest()
    rates = _parse_rates(content, file, reference=fx_table())
    table = _UserTable(file.name, file, rates, digest)
    token = _USER_TABLES.set((table, *_USER_TABLES.get()))
    try:
        yield
    finally:
        _USER_TABLES.reset(token)


def user_fx_files() -> tuple[tuple[Path, str], ...]:
    """The user FX files in use (:func:`use_fx_rates`), innermost first, each with the
    sha256 of the bytes read (for a report's reproducibility record); () for none.

    Examples
    --------
    >>> user_fx_files()
    ()
    """
    return tuple((t.path, t.sha256) for t in _USER_TABLES.get())


def _tables() -> list[tuple[str | None, Rates]]:
    """The tables in lookup order: user files (innermost first), then the bundled one
    (named None)."""
    return [(t.name, t.rates) for t in _USER_TABLES.get()] + [(None, fx_table())]


def _direct(base: str, quote: str, year: int) -> tuple[float, str | None] | None:
    """The rate of one pair in ``year`` from the first table that has it (either way
    round), with that table's name (None: bundled)."""
    for name, table in _tables():
        if year in table.get((base, quote), {}):
            return table[(base, quote)][year], name
        if year in table.get((quote, base), {}):
            return 1.0 / table[(quote, base)][year], name
    return None


def _has_pair(base: str, quote: str) -> bool:
    return any((base, quote) in t or (quote, base) in t for _, t in _tables())


@functools.cache
def _currency_codes() -> frozenset[str]:
    from idcforecast.units.registry import MONEY, known_units

    return frozenset(code for code, dimension in known_units().items() if dimension == MONEY)


def _code(currency: object) -> str:
    """The ISO code of ``currency`` as the unit registry reads it: "usd" and " CNY " are
    USD and CNY (codes are upper case), "RMB", "US$" and "ringgit" CNY, USD and MYR (a
    lookup under "RMB" found no rate and advised a "RMB/USD" row that the lookup would not
    use either). A UnitError for what is no currency ("", None, "MW", "CNY bn") and an
    UnknownUnitError for a currency the registry lacks ("EGP"): no table can hold its rates.
    """
    from idcforecast.units.registry import UnknownUnitError, parse_unit

    expected = (
        "expected an ISO currency code such as 'CNY' or 'USD' (or a spelling the unit "
        "registry reads as one: 'RMB', 'US$')"
    )
    if not isinstance(currency, str) or not currency.strip():
        raise UnitError(f"FX rate of {currency!r}: {expected}", currency=repr(currency))
    if (code := currency.strip().upper()) in _currency_codes():
        return code
    try:
        unit = parse_unit(currency)
    except UnknownUnitError as err:
        raise UnknownUnitError(f"FX rate of {currency!r}: {err.message}", **{
            key: getattr(err, key) for key in err.fields
        }) from None  # fmt: skip
    if unit.currency is None or unit.per:
        raise UnitError(
            f"FX rate of {currency!r}: {unit.canonical!r} is no currency; {expected}",
            currency=currency,
        )
    if unit.magnitude is not None:
        raise UnitError(
            f"FX rate of {currency!r}: {unit.canonical!r} is an amount unit, a currency with a "
            f"magnitude; pass the currency alone, {unit.currency!r}",
            currency=currency,
        )
    return unit.currency


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


def _rate(from_currency: str, to_currency: str, year: int) -> tuple[float, tuple[str, ...]] | None:
    """The rate and the user tables it came from (empty: the bundled table alone), directly
    or as a cross through USD with both legs present; None when there is none."""
    found = _direct(from_currency, to_currency, year)
    if found is not None:
        return found[0], tuple(n for n in (found[1],) if n is not None)
    if _PIVOT in (from_currency, to_currency):
        return None
    first, second = _direct(from_currency, _PIVOT, year), _direct(_PIVOT, to_currency, year)
    if first is None or second is None:
        return None
    names = tuple(dict.fromkeys(n for n in (first[1], second[1]) if n is not None))
    return first[0] * second[0], names


def _known_pairs(currencies: tuple[str, ...]) -> str:
    """What the tables hold for ``currencies`` (and their USD legs), per file, for an error:
    "file fx_rates.csv has USD/EUR 2012-2025; CNY/USD 2010-2025"."""
    asked = set(currencies) - {_PIVOT}  # every pair holds USD: name those of the others
    parts = []
    for name, table in reversed(_tables()):
        pairs = [
            f"{quote}/{base} {_years_text(list(rates))}"
            for (base, quote), rates in table.items()
            if base in asked or quote in asked
        ]
        if not pairs:
            codes = sorted({c for pair in table for c in pair} - {_PIVOT})
            pairs = [f"rates against USD for {', '.join(codes)}" if codes else "no rates"]
        parts.append(f"file {name or _fx_path().name} has {'; '.join(pairs)}")
    return "; ".join(parts)


def _row_unit(a: str, b: str) -> str:
    """The unit of a rate row for the pair ``a``/``b`` in the direction the tables already
    quote it ("CNY/USD": CNY per USD, "USD/EUR": USD per EUR), else per USD, else ``b``
    per ``a``: an analyst's 7.05 for CNY must not be read as USD per CNY."""
    for _, table in _tables():
        if (a, b) in table:
            return f"{b}/{a}"
        if (b, a) in table:
            return f"{a}/{b}"
    if a == _PIVOT or b == _PIVOT:
        other = b if a == _PIVOT else a
        return f"{other}/{_PIVOT}"
    return f"{b}/{a}"


def _fix_advice(from_currency: str, to_currency: str, year: int, known: bool) -> str:
    direct = (
        _PIVOT in (from_currency, to_currency)
        or _has_pair(from_currency, to_currency)
        or (_has_pair(from_currency, _PIVOT) and _has_pair(_PIVOT, to_currency))
    )
    if direct and _PIVOT not in (from_currency, to_currency):
        legs = [
            (c, _PIVOT) for c in (from_currency, to_currency) if _direct(c, _PIVOT, year) is None
        ] or [(from_currency, to_currency)]
    elif direct:
        legs = [(from_currency, to_currency)]
    else:  # a currency no table has: its rate against USD
        legs = [(c, _PIVOT) for c in (from_currency, to_currency) if not _has_pair(c, _PIVOT)]
    rows = [_row_unit(a, b) for a, b in legs]
    own = (
        f"or give your own {year} rate: with idcforecast.use_fx_rates(FILE): ... (a CSV of "
        "year, value, unit rows: "
        + " and ".join(
            f"{year},RATE,{unit} with RATE in {unit.split('/')[0]} per {unit.split('/')[1]}"
            for unit in rows
        )
        + ")"
    )
    if known:
        return f"use a year the table covers, {own}"
    return f"keep the figures in {from_currency}, {own}"


def fx_rate(from_currency: str, to_currency: str, *, year: int | None) -> float:
    """Units of ``to_currency`` per one unit of ``from_currency`` in ``year``.

    Parameters
    ----------
    from_currency, to_currency
        ISO codes ("CNY", "USD"; case and surrounding spaces are ignored), or spellings
        the unit registry reads as one ("RMB", "US$", "ringgit"). The same currency gives
        1.0 with or without a year.
    year
        The year whose annual average rate to use. Required for two different currencies.
        A whole number: an int (numpy too), a whole float (2020.0, as from a float column)
        or digit text ("2020").

    Raises
    ------
    MissingFxRateError
        No year given, or no table in use (the files of :func:`use_fx_rates`, then the
        bundled one) has the pair (directly, inverted, or as a cross through USD with
        both legs present) for that year.
    UnitError
        ``year`` is not a whole number (2020.5, "2020E", True), or a currency is no
        currency ("", "MW", "CNY bn"); an UnknownUnitError for a currency the unit
        registry lacks ("EGP": no FX table can hold its rates).

    Examples
    --------
    >>> fx_rate("USD", "CNY", year=2020)
    6.9042
    >>> round(fx_rate("CNY", "USD", year=2020), 6)
    0.144839
    >>> round(fx_rate("EUR", "CNY", year=2023), 4)  # 1.0817 USD per EUR x 7.0809 CNY per USD
    7.6594
    """
    return _resolve(from_currency, to_currency, year)[0]


def _resolve(
    from_currency: str, to_currency: str, year: int | None
) -> tuple[float, tuple[str, ...]]:
    """The rate of :func:`fx_rate` and the user FX files it came from (empty: the bundled
    table, or one currency); its errors as documented there."""
    from_currency, to_currency = _code(from_currency), _code(to_currency)
    if from_currency == to_currency:
        return 1.0, ()
    pair = f"{from_currency}->{to_currency}"
    if year is None:
        raise MissingFxRateError(
            f"converting {pair} needs a year: FX rates are annual averages "
            f"({_known_pairs((from_currency, to_currency))}); pass year=...",
            pair=pair,
            year=None,
        )
    year = _whole_year(year, pair)
    found = _rate(from_currency, to_currency, year)
    if found is not None:
        return found
    known = _has_pair(from_currency, to_currency) or (
        _has_pair(from_currency, _PIVOT) and _has_pair(_PIVOT, to_currency)
    )
    if known:
        problem = f"the pair has no rate for {year}, and the nearest year is never used"
    else:  # a currency without any rate against USD: say that none is bundled
        lacking = [
            c for c in (from_currency, to_currency) if c != _PIVOT and not _has_pair(c, _PIVOT)
        ] or [f"{from_currency}/{to_currency}"]
        files = [t.name for t in _USER_TABLES.get()]
        problem = f"no {' or '.join(lacking)} rate is bundled" + (
            f" or in {' or '.join(files)}" if files else ""
        )
    raise MissingFxRateError(
        f"no FX rate for {pair} in {year}: {problem} "
        f"({_known_pairs((from_currency, to_currency))}); "
        f"{_fix_advice(from_currency, to_currency, year, known)}",
        pair=pair,
        year=year,
    )


def fx_rate_origin(from_currency: str, to_currency: str, *, year: int) -> str | None:
    """The name of the user FX file (:func:`use_fx_rates`) that :func:`fx_rate` takes the
    rate from (both names, "a.csv and b.csv", for a cross from two files); None for the
    bundled table or the same currency.

    Raises
    ------
    MissingFxRateError, UnitError
        As :func:`fx_rate`.

    Examples
    --------
    >>> fx_rate_origin("USD", "CNY", year=2020) is None
    True
    """
    return " and ".join(_resolve(from_currency, to_currency, year)[1]) or None


@functools.cache
def _publishers(path: Path) -> dict[tuple[str, str], dict[int, str]]:
    """``{(base, quote): {year: publisher}}`` of the bundled table at ``path``: each row's
    ``source`` up to its first " (", " via " or ", " ("Federal Reserve G.5A (https://...)"
    and "Federal Reserve G.5A via FRED AEXUSEU (...)" are "Federal Reserve G.5A"); "" for
    a row without one."""
    publishers: dict[tuple[str, str], dict[int, str]] = {}
    with io.StringIO(_file_bytes(path).decode("utf-8-sig"), newline="") as handle:
        for row in csv.DictReader(handle):
            quote, base = _pair(row["unit"])
            source = (row.get("source") or "").strip()
            publisher = re.split(r" \(| via |, ", source, maxsplit=1)[0]
            publishers.setdefault((base, quote), {})[int(row["year"])] = publisher
    return publishers


def _publisher(base: str, quote: str, year: int) -> str:
    publishers = _publishers(_fx_path())
    for key in ((base, quote), (quote, base)):
        if year in publishers.get(key, {}):
            return publishers[key][year] or f"the bundled {FX_FILE}"
    return f"the bundled {FX_FILE}"


def bundled_fx_source(from_currency: str, to_currency: str, *, year: int | None) -> str:
    """Who published the bundled rates that :func:`fx_rate` uses for the pair in ``year``,
    for a sentence naming the rate's source: "Federal Reserve G.5A", "ECB euro foreign
    exchange reference rates" (the computed rows), both joined by "and" for a cross whose
    legs come from the two, with " through USD" for a cross. Legs taken from a user FX file
    (:func:`use_fx_rates`, named by :func:`fx_rate_origin`) are left out; "" when none is
    bundled (or for the same currency).

    Raises
    ------
    MissingFxRateError, UnitError
        As :func:`fx_rate`.

    Examples
    --------
    >>> bundled_fx_source("CNY", "USD", year=2020)
    'Federal Reserve G.5A'
    >>> bundled_fx_source("MYR", "CNY", year=2020)
    'ECB euro foreign exchange reference rates and Federal Reserve G.5A through USD'
    """
    _resolve(from_currency, to_currency, year)  # its errors, as fx_rate's
    base, quote = _code(from_currency), _code(to_currency)
    if base == quote:
        return ""
    year = _whole_year(year, f"{base}->{quote}")
    direct = _direct(base, quote, year)
    legs = [(base, quote)] if direct is not None else [(base, _PIVOT), (_PIVOT, quote)]
    names = [
        _publisher(a, b, year)
        for a, b in legs
        if (leg := _direct(a, b, year)) is not None and leg[1] is None
    ]
    if not names:
        return ""
    return " and ".join(dict.fromkeys(names)) + (" through USD" if len(legs) > 1 else "")
