"""Quantity: validation, canonical units, text form, and hypothesis round trips."""

from __future__ import annotations

import dataclasses
import math
import pickle
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from idcforecast.errors import ParseError
from idcforecast.units import (
    QUALIFIERS,
    Quantity,
    conversion_factor,
    format_quantity,
    known_units,
    parse_quantity,
)
from idcforecast.units.registry import _registry

MAGNITUDES = sorted(_registry().magnitudes)
# units.txt's "nomagnitude" units ("%", "tenths", "pp", "bp", "PUE", "pPUE")
NO_MAGNITUDE = tuple(
    sorted(name for name, base in _registry().bases.items() if not base.magnitude_allowed)
)


def magnitudes_of(base: str) -> list[str]:
    """The magnitudes ``base`` takes: "cent" (a hundredth of a currency) only for money."""
    return [m for m in MAGNITUDES if m != "cent" or known_units()[base] == "money"]


UNITS = sorted(
    {name for name in known_units() if name not in NO_MAGNITUDE}
    | {
        f"{name} {mag}"
        for name in known_units()
        if name not in NO_MAGNITUDE
        for mag in magnitudes_of(name)
    }
    | {*NO_MAGNITUDE, "USD mn/MW", "CNY 10k/racks/year", "USD/kW/month", "servers/racks"}
)
FX_YEARS = range(2010, 2026)


def test_unit_is_stored_canonically() -> None:
    assert Quantity(1562.5, "亿元").unit == "CNY 100m"
    assert Quantity(520, "万架", qualifier="at_least") == Quantity(
        520.0, "racks 10k", qualifier="at_least"
    )


def test_str_is_the_canonical_text() -> None:
    q = parse_quantity("about 325–580 TWh (6.7–12%)")
    assert str(q) == "about 325 to 580 TWh (6.7 to 12 %)"
    assert format_quantity(q, alternate=False) == "about 325 to 580 TWh"
    assert str(parse_quantity("超过520万标准机架")) == "at least 520 racks 10k"
    assert str(parse_quantity("不到10%")) == "at most 10 %"
    assert str(Quantity(1e-7, "EB")) == "0.0000001 EB"
    assert str(Quantity(2.5e21, "W")) == "2500000000000000000000 W"


def test_pickles() -> None:
    q = parse_quantity("500 billion yuan ($71.2 billion)")
    assert pickle.loads(pickle.dumps(q)) == q


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        (
            {"value": math.nan, "unit": "MW"},
            "Quantity value: expected a finite number, found nan; pass a real number "
            "(ranges use low/high, unknowns are not quantities)",
        ),
        (
            {"value": "many", "unit": "MW"},
            "Quantity value: expected a finite number, found 'many'; pass a real number "
            "(ranges use low/high, unknowns are not quantities)",
        ),
        (
            {"value": 5, "unit": "MW", "low": 4},
            "Quantity 5.0 MW: low and high come together, found low=4, high=None; give both "
            "(a range) or neither",
        ),
        (
            {"value": 9, "unit": "MW", "low": 4, "high": 6},
            "Quantity 9.0 MW: expected low <= value <= high, found low=4.0, value=9.0, "
            "high=6.0; order the range and put the value inside it",
        ),
        (
            {"value": 5, "unit": "MW", "qualifier": "roughly"},
            "Quantity 5.0 MW: qualifier 'roughly' is not one of 'exact', 'at_least', "
            "'at_most', 'approximately'; use one of those",
        ),
        (
            {"value": 5, "unit": "MW", "alternate": "71.2 USD bn"},
            "Quantity 5.0 MW: alternate must be a Quantity or None, found str; wrap it with "
            "parse_quantity()",
        ),
    ],
)
def test_invalid_quantity(kwargs: dict[str, object], message: str) -> None:
    with pytest.raises(ParseError, match=re.escape(message)):
        Quantity(**kwargs)  # type: ignore[arg-type]


# --- property tests -------------------------------------------------------------------------

_values = st.floats(min_value=-1e15, max_value=1e15, allow_nan=False, allow_infinity=False)


@st.composite
def quantities(draw: st.DrawFn, *, with_alternate: bool = True) -> Quantity:
    unit = draw(st.sampled_from(UNITS))
    qualifier = draw(st.sampled_from(QUALIFIERS))
    if draw(st.booleans()):
        low, high = sorted((draw(_values), draw(_values)))
        value, bounds = (low + high) / 2, {"low": low, "high": high}
    else:
        value, bounds = draw(_values), {}
    alternate = draw(st.none() | quantities(with_alternate=False)) if with_alternate else None
    return Quantity(value, unit, qualifier=qualifier, alternate=alternate, **bounds)


@settings(max_examples=300, deadline=None)
@given(quantities())
def test_format_then_parse_returns_the_quantity(q: Quantity) -> None:
    back = parse_quantity(format_quantity(q))
    assert back == q  # exact: the text keeps the shortest round-tripping digits
    assert back.text == format_quantity(q)


@settings(max_examples=200, deadline=None)
@given(
    st.integers(min_value=0, max_value=10**15),
    st.sampled_from(["", ".5", ".25", ".125"]),
    st.sampled_from([",", " "]),
)
def test_thousands_separators(whole: int, fraction: str, sep: str) -> None:
    text = f"{whole:,}".replace(",", sep) + fraction + " MW"
    assert parse_quantity(text).value == float(f"{whole}{fraction}")


_same_base_pairs = st.sampled_from(sorted(known_units())).flatmap(
    lambda base: st.tuples(
        st.just(base),
        st.sampled_from([None, *magnitudes_of(base)]),
        st.sampled_from([None, *magnitudes_of(base)]),
    )
)


@settings(max_examples=200, deadline=None)
@given(_same_base_pairs, st.floats(min_value=1e-6, max_value=1e12))
def test_magnitudes_round_trip(pair: tuple[str, str | None, str | None], value: float) -> None:
    base, mag_a, mag_b = pair
    if base in NO_MAGNITUDE and (mag_a or mag_b):
        return
    unit_a = base if mag_a is None else f"{base} {mag_a}"
    unit_b = base if mag_b is None else f"{base} {mag_b}"
    q = Quantity(value, unit_a)
    assert q.to(unit_b).to(unit_a).value == pytest.approx(value, rel=1e-12)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["CNY", "CNY 100m", "CNY 10k", "CNY tn"]),
    st.sampled_from(["USD", "USD bn", "USD mn"]),
    st.sampled_from(FX_YEARS),
    st.floats(min_value=1e-6, max_value=1e12),
)
def test_currencies_round_trip_with_a_year(cny: str, usd: str, year: int, value: float) -> None:
    q = Quantity(value, cny)
    assert q.to(usd, year=year).to(cny, year=year).value == pytest.approx(value, rel=1e-12)
    # and the factor is the table's rate, in both directions
    there = conversion_factor(cny, usd, year=year)
    back = conversion_factor(usd, cny, year=year)
    assert there * back == pytest.approx(1.0, rel=1e-12)


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(["racks", "racks 10k", "racks mn"]),
    st.sampled_from(["kW", "MW", "GW", "W"]),
    st.floats(min_value=0.1, max_value=200.0),
    st.floats(min_value=1e-3, max_value=1e9),
)
def test_racks_and_power_round_trip(racks: str, power: str, kw: float, value: float) -> None:
    q = Quantity(value, racks)
    out = q.to(power, kw_per_rack=kw).to(racks, kw_per_rack=kw)
    assert out.value == pytest.approx(value, rel=1e-12)


def test_a_central_value_that_is_not_the_midpoint_is_written_and_read_back() -> None:
    # "2800 to 3400" read back as 3100, the midpoint: the central 3000 was lost
    q = Quantity(3000, "亿元", low=2800, high=3400, qualifier="approximately")
    assert format_quantity(q) == "about 3000 CNY 100m (range 2800 to 3400)"
    assert parse_quantity(format_quantity(q)) == q
    # a midpoint is still written as the range alone
    assert format_quantity(Quantity(3100, "亿元", low=2800, high=3400)) == "2800 to 3400 CNY 100m"
    with pytest.raises(ParseError, match=re.escape("the figure 3000 lies outside its range 3100")):
        parse_quantity("3000 CNY 100m (range 3100 to 3400)")


@settings(max_examples=200, deadline=None)
@given(quantities(with_alternate=False), st.floats(min_value=0, max_value=1))
def test_format_then_parse_keeps_a_central_value(q: Quantity, where: float) -> None:
    if q.low is None or q.high is None:
        return
    central = min(max(q.low + where * (q.high - q.low), q.low), q.high)
    moved = dataclasses.replace(q, value=central)
    back = parse_quantity(format_quantity(moved))
    assert back.low == moved.low and back.high == moved.high
    assert back.value == pytest.approx(moved.value, rel=1e-12, abs=1e-300)
