"""Conversions: magnitudes, currencies by year, racks <-> power, and their errors.

Expected numbers are hand arithmetic (written beside each case) with the FX rates of
shared/reference/idc_sources.md section 6 (Federal Reserve G.5A annual averages).
"""

from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import pytest

from idcforecast.errors import (
    IncompatibleUnitsError,
    MissingFxRateError,
    ParseError,
    UnitError,
)
from idcforecast.units import Quantity, conversion_factor, convert, parse_quantity


@pytest.mark.parametrize(
    ("from_unit", "to_unit", "year", "factor"),
    [
        ("CNY 100m", "CNY bn", None, 0.1),  # 1e8 / 1e9
        ("CNY bn", "CNY 100m", None, 10.0),
        ("CNY 10k", "CNY", None, 1e4),
        ("CNY tn", "CNY 100m", None, 1e4),  # 万亿 = 10,000 亿
        ("USD mn", "USD bn", None, 1e-3),
        ("kW", "MW", None, 1e-3),
        ("GW", "MW", None, 1e3),
        ("TWh", "kWh 100m", None, 10.0),  # 1e12 Wh / (1e8 x 1e3 Wh)
        ("TWh", "GWh", None, 1e3),
        ("EFLOPS", "PFLOPS", None, 1e3),
        ("EB", "PB", None, 1e3),
        ("servers 10k", "servers mn", None, 1e-2),
        ("%", "%", None, 1.0),
        ("USD", "CNY", 2020, 6.9042),  # G.5A 2020
        ("CNY", "USD", 2020, 1 / 6.9042),
        ("CNY 100m", "USD bn", 2019, 0.1 / 6.9081),  # 亿 -> bn is 0.1, then / CNY per USD
        ("USD bn", "CNY 100m", 2023, 10 * 7.0809),
        ("USD", "USD", None, 1.0),  # same currency: no year needed
        ("racks", "kW", None, 2.5),  # MIIT standard rack
        ("racks 10k", "MW", None, 25.0),  # 1e4 x 2.5 kW = 25,000 kW = 25 MW
        ("MW", "racks", None, 400.0),  # 1000 kW / 2.5 kW
        ("GW", "racks 10k", None, 40.0),  # 1e6 kW / 2.5 kW = 4e5 racks = 40 万架
        # rates convert part by part
        ("USD mn/MW", "CNY mn/MW", 2025, 7.1875),  # US$7.11 m/MW -> RMB 51.1 m/MW
        ("CNY 10k/racks", "CNY mn/MW", None, 4.0),  # 1e4 / 2.5 kW = 4,000/kW = 4e6/MW
        ("USD/kW/month", "USD/MW/year", None, 12_000.0),  # x 1000 kW/MW x 12 months
        ("USD/kW/month", "USD/year/MW", None, 12_000.0),  # denominators in any order
        ("CNY mn/MW", "CNY 10k/racks", None, 0.25),  # 1e6/1000 kW x 2.5 kW / 1e4
    ],
)
def test_conversion_factor(from_unit: str, to_unit: str, year: int | None, factor: float) -> None:
    assert conversion_factor(from_unit, to_unit, year=year) == pytest.approx(factor, rel=1e-12)


def test_kw_per_rack_is_overridable() -> None:
    # 奥飞数据 cabinets of 6 kW: 25,000 racks -> 150 MW
    assert convert(25_000, "MW", from_unit="racks", kw_per_rack=6) == pytest.approx(150.0)
    assert parse_quantity("520万架").to("GW", kw_per_rack=5).value == pytest.approx(26.0)


def test_convert_accepts_text_quantity_and_number() -> None:
    assert convert("1,562.5亿元", "CNY bn") == pytest.approx(156.25)
    assert convert(Quantity(1562.5, "亿元"), "CNY bn") == pytest.approx(156.25)
    assert convert(1562.5, "CNY bn", from_unit="亿元") == pytest.approx(156.25)
    assert convert(np.float64(2), "kW", from_unit="MW") == pytest.approx(2000.0)
    assert convert(np.int64(2), "kW", from_unit="MW") == pytest.approx(2000.0)
    # 500 billion yuan in 2020 at 6.9042 CNY/USD = 72.42 USD bn (the seed article says 71.2)
    assert convert("500 billion yuan", "USD bn", year=2020) == pytest.approx(500 / 6.9042)
    # a range converts to its midpoint
    assert convert("325–580 TWh", "GWh") == pytest.approx(452_500.0)


def test_quantity_to_keeps_qualifier_range_alternate_and_text() -> None:
    q = parse_quantity("about 325–580 TWh (6.7–12%)")
    out = q.to("kWh 100m")
    assert (out.value, out.low, out.high) == pytest.approx((4525.0, 3250.0, 5800.0))
    assert out.unit == "kWh 100m"
    assert out.qualifier == "approximately"
    assert out.alternate == q.alternate
    assert out.text == q.text
    racks = parse_quantity("超过520万标准机架").to("MW")
    assert (racks.value, racks.unit, racks.qualifier) == (13_000.0, "MW", "at_least")


def test_round_trip_through_money_with_a_year() -> None:
    q = parse_quantity("2238.7亿元")
    back = q.to("USD bn", year=2020).to("亿元", year=2020)
    assert back.value == pytest.approx(2238.7, rel=1e-12)


def test_source_rates_agree_with_their_stated_equivalents() -> None:
    # idc_sources.md section 8: "US$7.11 m per MW ... about RMB 50 m/MW" (2025: 51.1)
    assert convert("US$7.11 m per MW", "CNY mn/MW", year=2025) == pytest.approx(51.103125)
    # "about 11.9万元 per standard rack, RMB ~47 m/MW": 119,000 / 2.5 kW = 47.6 m per MW
    assert convert("11.9万元 per standard rack", "CNY mn/MW") == pytest.approx(47.6)


@pytest.mark.parametrize(("a", "b"), [("USD/kW", "USD"), ("USD/kW", "USD/TWh"), ("MW", "MW/year")])
def test_rates_without_a_path(a: str, b: str) -> None:
    with pytest.raises(IncompatibleUnitsError):
        conversion_factor(a, b, year=2020)


def test_incompatible_dimensions() -> None:
    message = (
        "cannot convert '亿元' (money) to 'MW' (power): there is no conversion between money "
        "and power; convert to a unit of the same dimension (racks and power convert through "
        "kw_per_rack, currencies through the FX table by year)"
    )
    with pytest.raises(IncompatibleUnitsError, match=re.escape(message)) as info:
        conversion_factor("亿元", "MW")
    assert (info.value.from_unit, info.value.to_unit) == ("亿元", "MW")
    with pytest.raises(IncompatibleUnitsError, match=re.escape("'CNY 100m' (money)")):
        convert("5亿元", "MW")  # a parsed figure reports its canonical unit
    with pytest.raises(IncompatibleUnitsError):
        conversion_factor("servers", "racks")
    with pytest.raises(IncompatibleUnitsError):
        conversion_factor("%", "pp")


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("CNY/USD", "CNY"),
        ("CNY/USD", "USD bn"),
        ("CNY", "CNY/USD"),
        ("CNY/USD", "USD/CNY"),
        ("CNY/USD", "CNY/kW"),
    ],
)
def test_an_exchange_rate_is_not_money(a: str, b: str) -> None:
    message = (
        f"cannot convert {a!r} to {b!r}: 'CNY/USD' is an exchange rate (CNY per USD), not an "
        "amount of money, and converts to no other unit than itself; to express money in "
        "another currency convert the amount with a year (convert(x, 'USD bn', "
        "from_unit='CNY bn', year=2020)); for USD per CNY take 1 / the rate"
    )
    with pytest.raises(IncompatibleUnitsError, match=re.escape(message)) as info:
        conversion_factor(a, b, year=2020)
    assert (info.value.from_unit, info.value.to_unit) == (a, b)
    # itself, in any spelling
    assert conversion_factor("RMB per US$", "CNY/USD") == 1.0
    assert convert("6.9042 元/美元", "CNY/USD") == 6.9042


def test_money_without_a_year() -> None:
    message = (
        "converting CNY->USD needs a year: FX rates are annual averages (file fx_rates.csv "
        "has CNY/USD 2010-2025); pass year=..."
    )
    with pytest.raises(MissingFxRateError, match=re.escape(message)):
        convert("1,562.5亿元", "USD bn")


@pytest.mark.parametrize("bad", [0, -2.5, float("nan"), float("inf"), True, "2.5"])
def test_bad_kw_per_rack(bad: object) -> None:
    message = (
        f"kw_per_rack: expected a positive number of kW per standard rack, found {bad!r}; "
        "pass e.g. kw_per_rack=2.5 (MIIT standard rack) or 5 (a 5 kW cabinet)"
    )
    with pytest.raises(UnitError, match=re.escape(message)):
        conversion_factor("racks", "MW", kw_per_rack=bad)  # type: ignore[arg-type]


def test_from_unit_rules() -> None:
    with pytest.raises(ParseError, match=re.escape("a plain number needs from_unit")):
        convert(5.0, "MW")
    message = (
        "convert('5 MW', 'kW'): from_unit='GW' is only for plain numbers; the figure carries "
        "its own unit, so drop from_unit"
    )
    with pytest.raises(ParseError, match=re.escape(message)):
        convert("5 MW", "kW", from_unit="GW")
    message = (
        "convert(nan, 'kW'): expected a finite number, text or a Quantity, found float nan; "
        "pass a real number"
    )
    with pytest.raises(ParseError, match=re.escape(message)):
        convert(float("nan"), "kW", from_unit="MW")


# -- polish17 ----------------------------------------------------------------------------


def test_cnh_never_converts_as_cny() -> None:
    # the bundled table has no CNH rate: an error naming why, never CNY's 6.9042 (2020)
    with pytest.raises(MissingFxRateError) as info:
        convert("CNH 5bn", "CNY bn", year=2020)
    assert str(info.value).endswith(
        "; CNH is the offshore yuan (traded in Hong Kong), not CNY: its rate differs from "
        "CNY's and is never taken for it"
    )


def test_cnh_converts_with_the_users_own_rate(tmp_path: Path) -> None:
    from idcforecast.units import use_fx_rates

    rates = tmp_path / "cnh.csv"
    rates.write_text("year,value,unit\n2020,6.90,CNH/USD\n", encoding="utf-8")
    with use_fx_rates(rates):
        # 6.9 CNH bn / 6.90 CNH per USD = 1.0 USD bn
        assert convert("6.9 bn CNH", "USD bn", year=2020) == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("target", "hint"),
    [
        ("亿", "'亿元' (CNY 100m)"),
        ("万", "'万元' (CNY 10k)"),
        ("count 100m", "'亿元' (CNY 100m)"),  # read_series passes the canonical spelling
    ],
)
def test_a_magnitude_alone_as_the_target_suggests_the_money_unit(target: str, hint: str) -> None:
    magnitude = {"亿": "100m", "万": "10k", "count 100m": "100m"}[target]
    with pytest.raises(IncompatibleUnitsError) as info:
        conversion_factor("亿元", target)
    assert str(info.value) == (
        f"cannot convert '亿元' (money) to {target!r}: the unit asked for is a plain count "
        f"(the magnitude {magnitude!r} without a currency or unit); did you mean {hint}?"
    )


def test_a_magnitude_alone_for_a_physical_unit() -> None:
    with pytest.raises(IncompatibleUnitsError, match=re.escape("did you mean 'MW 10k'?")):
        conversion_factor("MW", "万")


def test_hours_and_days_convert_through_the_average_month() -> None:
    from idcforecast.units import parse_quantity

    # a year is 365.25 days = 8766 hours, a month a twelfth of it: 730.5 hours, 30.4375 days
    assert parse_quantity("$2 per hour").to("USD/month").value == pytest.approx(2 * 730.5)
    assert parse_quantity("$100 per day").to("USD/year").value == pytest.approx(100 * 365.25)
    assert parse_quantity("30.4375 days").to("month").value == pytest.approx(1.0)
