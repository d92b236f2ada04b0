"""Reading FX tables (private): the rows of ``data/fx_rates.csv`` and of a user's own FX
file, as ``{(base, quote): {year: rate}}``, with the checks a user's rows get against the
bundled ones (a rate written the other way round is an error; one 10 times outside every
bundled year's a warning). :mod:`idcforecast.units.fx` looks rates up in them."""

from __future__ import annotations

import csv
import io
import math
import re
import warnings
from pathlib import Path

from idcforecast.errors import AmbiguousNumberWarning, DataError

__all__ = ["PIVOT", "Rates", "file_bytes", "pair_of", "parse_rates", "years_text"]

PIVOT = "USD"  # cross rates go through USD, and only when both legs are in the table

Rates = dict[tuple[str, str], dict[int, float]]


def file_bytes(path: Path) -> bytes:
    if path.is_dir():  # "cannot be read (Is a directory)" named no fix
        raise DataError(
            f"FX file {path}: a folder, not a file; expected the path of a CSV file with "
            "columns year, value and unit (e.g. 2026,7.05,CNY/USD)",
            file=str(path),
        )
    try:
        return path.read_bytes()
    except OSError as err:
        raise DataError(
            f"FX file {path}: cannot be read ({err.strerror or err}); expected a CSV file "
            "with columns year, value and unit (e.g. 2026,7.05,CNY/USD)",
            file=str(path),
        ) from None


def _bundled_band(
    reference: Rates | None, base: str, quote: str
) -> tuple[float, float, str] | None:
    """``(low, high, years)`` of the bundled rates of the pair, in ``quote`` per ``base``
    (directly, inverted, or as a cross through USD); None when the bundled table lacks it."""
    if reference is None:
        return None

    def leg(a: str, b: str) -> dict[int, float]:  # b per a, by year
        if (a, b) in reference:
            return reference[(a, b)]
        if (b, a) in reference:
            return {y: 1.0 / v for y, v in reference[(b, a)].items()}
        return {}

    known = leg(base, quote)
    if not known and PIVOT not in (base, quote):  # a cross ("EUR/CNY") through USD
        first, second = leg(base, PIVOT), leg(PIVOT, quote)
        known = {y: first[y] * second[y] for y in first.keys() & second.keys()}
    if not known:
        return None
    values = list(known.values())
    return min(values), max(values), years_text(list(known))


def _inverted(
    reference: Rates | None, base: str, quote: str, rate: float
) -> tuple[float, float, str] | None:
    """``(low, high, years)`` of the bundled rates of the pair, in ``quote`` per ``base``,
    when ``rate`` lies more than 3x outside them and its inverse inside that band: a rate
    written the other way round ("2026,7.05,USD/CNY" for 7.05 CNY per USD); else None."""
    band = _bundled_band(reference, base, quote)
    if band is None:
        return None
    low, high, _ = band

    def plausible(r: float) -> bool:
        return low / 3 <= r <= high * 3

    if plausible(rate) or not plausible(1.0 / rate):
        return None
    return band


def _four_digits(rate: float) -> str:
    """At least four significant digits, grouped, never in exponent form: 8776.3 ->
    "8,776", 16478.4 -> "16,478", 0.64502 -> "0.6450"."""
    decimals = max(0, 3 - math.floor(math.log10(rate)))
    return f"{rate:,.{decimals}f}"


_FAR = 10  # a user's rate this many times outside every bundled year's: a magnitude slip?


def _warn_if_far(
    reference: Rates | None, base: str, quote: str, rate: float, where: str, written: str
) -> None:
    """An AmbiguousNumberWarning when ``rate`` is 10 times or more outside every bundled
    year's rate of the pair (and not merely inverted, which is an error): "2026,16.5,IDR/USD"
    for 16,500 IDR per USD, written in thousands, would convert 1,000 times too high."""
    band = _bundled_band(reference, base, quote)
    if band is None:
        return
    low, high, years = band
    if low / _FAR < rate < high * _FAR:
        return
    times, side = (low / rate, "below") if rate < low else (rate / high, "above")
    warnings.warn(
        f"{where}: {written} is {rate:g} {quote} per {base}, {times:,.0f} times {side} every "
        f"bundled rate ({_four_digits(low)}-{_four_digits(high)} {quote} per {base}, {years}); "
        "it is used as "
        f"written: if it counts thousands or millions of {quote}, write the rate in {quote} "
        f"per one {base}",
        AmbiguousNumberWarning,
        stacklevel=5,
    )


def parse_rates(content: bytes, path: Path, *, reference: Rates | None = None) -> Rates:
    table: Rates = {}
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise DataError(
            f"FX file {path.name}: not UTF-8 text; expected a CSV file with columns year, "
            "value and unit; save it as CSV UTF-8",
            file=str(path),
        ) from None
    with io.StringIO(text, newline="") as handle:
        reader = csv.DictReader(handle)
        if reader.fieldnames:  # "Year", " value": as Excel users head their columns
            reader.fieldnames = [name.strip().lower() for name in reader.fieldnames]
        missing = [c for c in ("year", "value", "unit") if c not in (reader.fieldnames or [])]
        if missing:
            semicolons = any(";" in name for name in reader.fieldnames or [])
            raise DataError(
                f"FX file {path.name}: no column {', '.join(map(repr, missing))} (found "
                f"{reader.fieldnames or 'no header'}); expected a CSV with columns year, "
                "value and unit, one annual-average rate per row (e.g. 2026,7.05,CNY/USD: "
                "CNY per USD)"
                + (
                    "; the file is ';'-separated: save it with ',' between fields and '.' "
                    "as the decimal mark"
                    if semicolons
                    else ""
                ),
                file=str(path),
            )
        for row in reader:
            row_no = reader.line_num  # the file's line: blank lines above are counted
            if not any((cell or "").strip() for cell in row.values() if isinstance(cell, str)):
                continue  # ",,": a row Excel keeps after its cells were cleared
            try:
                quote, base = pair_of(row["unit"])
                year = int(row["year"])
                rate = _rate_number(row["value"])
                if not rate > 0:
                    raise ValueError("a rate must be a positive number")
            except (KeyError, ValueError, AttributeError, TypeError) as err:
                raise DataError(
                    f"file {path.name} row {row_no}: expected unit 'QUOTE/BASE', an integer "
                    f"year and a positive rate, found unit {row.get('unit')!r}, "
                    f"year {row.get('year')!r}, value {row.get('value')!r} ({err}); "
                    "fix the row",
                    file=str(path),
                    row=row_no,
                ) from None
            if not math.isfinite(rate):
                raise DataError(
                    f"file {path.name} row {row_no}: rate {row['value']!r} is not a finite "
                    "number; fix the row",
                    file=str(path),
                    row=row_no,
                )
            if (far := _inverted(reference, base, quote, rate)) is not None:
                low, high, years = far
                raise DataError(
                    f"file {path.name} row {row_no}: {year},{row['value'].strip()},"
                    f"{row['unit'].strip()} is {rate:g} {quote} per {base}, but the bundled "
                    f"rates are {low:.4g}-{high:.4g} {quote} per {base} ({years}): the rate "
                    f"looks written the other way round ({1 / rate:.4g}); the unit is the "
                    f"currency counted per one of the other: write {base}/{quote} for "
                    f"{rate:g} {base} per {quote}",
                    file=str(path),
                    row=row_no,
                )
            _warn_if_far(
                reference,
                base,
                quote,
                rate,
                f"file {path.name} row {row_no}",
                f"{year},{row['value'].strip()},{row['unit'].strip()}",
            )
            if (quote, base) in table and year in table[(quote, base)]:
                raise DataError(
                    f"file {path.name} row {row_no}: {quote}/{base} {year} given, and "
                    f"{base}/{quote} {year} already (one rate is the other's inverse); "
                    "keep one of them",
                    file=str(path),
                    row=row_no,
                )
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


# a rate with ","-grouped thousands and a decimal point, as Excel saves a cell formatted
# so: "16,478.44" ("1,421" alone may be 1.421 with a decimal comma: not read)
_GROUPED = re.compile(r"\d{1,3}(?:,\d{3})+\.\d+")


def _rate_number(text: str) -> float:
    """The number of a rate cell: "7.05", or "16,478.44" with its thousands grouped (as
    Excel writes an IDR or KRW rate formatted with separators; it was a DataError); a
    ValueError for anything else ("7,05" and "1,421", where the comma may be a decimal
    comma, stay one)."""
    text = text.strip()
    return float(text.replace(",", "") if _GROUPED.fullmatch(text) else text)


def pair_of(text: str) -> tuple[str, str]:
    """The (quote, base) currency codes of an exchange-rate unit, as the unit registry
    reads it: "CNY/USD", "RMB per US$" -> ("CNY", "USD"). A ValueError otherwise (a unit
    error is one: "MW/USD" is no exchange rate, and a pair the lookups never ask for
    would be a rate silently unused)."""
    from idcforecast.units._currency_codes import UNLISTED_CURRENCY_CODES
    from idcforecast.units.registry import parse_unit

    if isinstance(text, str):  # "EGP/USD": the registry's error named no currency
        words = re.findall(r"(?<![A-Za-z])[A-Za-z]{3}(?![A-Za-z])", text)
        if unlisted := [w.upper() for w in words if w.upper() in UNLISTED_CURRENCY_CODES]:
            raise ValueError(
                f"{unlisted[0]!r} is the ISO 4217 code of a currency the unit registry lacks: "
                "no amount in it can be read, so its rate would never be used; remove the "
                f"row, or add {unlisted[0]} to idcforecast/units/units.txt"
            )
    unit = parse_unit(text)
    if not unit.is_exchange_rate or unit.magnitude is not None:
        raise ValueError(f"{text!r} is not an exchange rate between two currencies")
    return unit.base, unit.per[0]


def years_text(years: list[int]) -> str:
    """Years as runs: [2012, 2013, 2014, 2017] -> "2012-2014, 2017"."""
    if not years:
        return "no years"
    runs: list[list[int]] = []
    for year in sorted(years):
        if runs and year == runs[-1][-1] + 1:
            runs[-1].append(year)
        else:
            runs.append([year])
    return ", ".join(f"{r[0]}-{r[-1]}" if len(r) > 1 else str(r[0]) for r in runs)
