"""The unit registry: units.txt is read as data, every spelling maps to one canonical unit."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from idcforecast.errors import ParseError, UnitError, UnknownUnitError
from idcforecast.units import canonical_unit, known_units, parse_unit
from idcforecast.units import registry as registry_module


@pytest.mark.parametrize(
    ("text", "canonical"),
    [
        ("亿元", "CNY 100m"),
        ("億元", "CNY 100m"),
        ("亿元人民币", "CNY 100m"),
        ("bn USD", "USD bn"),
        ("USD bn", "USD bn"),
        ("US$ bn", "USD bn"),
        ("$bn", "USD bn"),
        ("billion dollars", "USD bn"),
        ("亿美元", "USD 100m"),
        ("万架", "racks 10k"),
        ("10k racks", "racks 10k"),
        ("racks 10k", "racks 10k"),
        ("万标准机架", "racks 10k"),
        ("TWh", "TWh"),
        ("twh", "TWh"),
        ("亿千瓦时", "kWh 100m"),
        ("kWh 100m", "kWh 100m"),
        ("万千瓦", "kW 10k"),
        ("千瓦时", "kWh"),
        ("ＭＷ", "MW"),
        ("CNY", "CNY"),
        ("RMB", "CNY"),
        ("元", "CNY"),
        ("¥", "CNY"),
        ("CNY mn", "CNY mn"),
        ("RMB million", "CNY mn"),
        ("百万元", "CNY mn"),
        ("千万元", "CNY 10m"),
        ("万元", "CNY 10k"),
        ("万亿元", "CNY tn"),
        ("USD mn", "USD mn"),
        ("%", "%"),
        ("percent", "%"),
        ("servers", "servers"),
        ("台", "servers"),
        ("万台", "servers 10k"),
        ("racks", "racks"),
        ("kW", "kW"),
        ("MW", "MW"),
        ("GW", "GW"),
        ("kWh", "kWh"),
        ("MWh", "MWh"),
        ("GWh", "GWh"),
        ("EFLOPS", "EFLOPS"),
        ("PFLOPS", "PFLOPS"),
        ("PB", "PB"),
        ("EB", "EB"),
        # ("", "count") was here: empty text is now a UnitError of canonical_unit (and
        # still a plain count for parse_unit): test_canonical_unit_of_no_text_is_an_error
        ("thousand", "count thousand"),
        ("HK$ mn", "HKD mn"),
        ("日元", "JPY"),
        # exchange rates: one currency per another, as in data/fx_rates.csv
        ("CNY/USD", "CNY/USD"),
        ("RMB per US$", "CNY/USD"),
        ("元/美元", "CNY/USD"),
        ("USD/CNY", "USD/CNY"),
        # "<magnitude> of <unit>", as annual reports head their tables
        ("millions of US dollars", "USD mn"),
        ("Billions of yuan", "CNY bn"),
        ("thousands of racks", "racks thousand"),
    ],
)
def test_canonical_spelling(text: str, canonical: str) -> None:
    assert canonical_unit(text) == canonical
    # the canonical spelling is itself accepted and stable
    assert canonical_unit(canonical) == canonical


def test_unit_fields() -> None:
    unit = parse_unit("亿千瓦时")
    assert (unit.base, unit.magnitude, unit.dimension) == ("kWh", "100m", "energy")
    assert unit.factor == 1e8 * 1e3  # 亿 x (1 kWh = 1000 Wh)
    assert unit.currency is None
    assert parse_unit("US$ bn").currency == "USD"
    assert str(parse_unit("万架")) == "racks 10k"


def test_every_registry_entry_is_readable() -> None:
    units = known_units()
    assert {"CNY", "USD", "EUR", "GBP", "JPY", "HKD", "SGD"} <= {
        name for name, dim in units.items() if dim == "money"
    }
    for name in units:
        assert canonical_unit(name) == name


def test_unknown_unit_with_suggestion() -> None:
    message = (
        "unit 'billon USD' is not defined ('billon' is no known unit, magnitude or currency); "
        "did you mean 'USD bn'?"
    )
    with pytest.raises(UnknownUnitError, match=re.escape(message)):
        parse_unit("billon USD")


def test_unknown_unit_without_suggestion() -> None:
    message = (
        "unit 'widgets' is not defined ('widgets' is no known unit, magnitude or currency); "
        "expected a currency, magnitude or unit listed in idcforecast/units/units.txt "
        "(e.g. 'CNY 100m', 'USD bn', 'MW', 'racks')"
    )
    with pytest.raises(UnknownUnitError, match=re.escape(message)) as info:
        parse_unit("widgets")
    assert info.value.suggestion is None


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "CNY USD",
            "unit 'CNY USD' names 2 units ('CNY', 'USD'); expected one currency or unit, "
            "optionally with a magnitude (e.g. 'CNY 100m')",
        ),
        (
            "万 亿元",
            "unit '万 亿元' has 2 magnitude words ('10k', '100m'); expected at most one; "
            "together they are '万亿' or 'tn': write that one word",
        ),
        (
            # units24: the hint was '万亿' whatever the words ('万万' is 亿, not 万亿)
            "万万元",
            "unit '万万元' has 2 magnitude words ('10k', '10k'); expected at most one; "
            "together they are '亿' or '100m': write that one word",
        ),
        (
            "$ bn billion",
            "unit '$ bn billion' has 2 magnitude words ('bn', 'bn'); expected at most one; "
            "write one magnitude word (e.g. '3亿元', '$3bn', not '$3bn billion')",
        ),
        (
            "thousand %",
            "unit 'thousand %': '%' takes no magnitude word, found 'thousand'; write the "
            "number in full (e.g. '27.8 %')",
        ),
    ],
)
def test_malformed_unit(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=re.escape(message)):
        parse_unit(text)


@pytest.mark.parametrize(("text", "word"), [("年年", "年"), ("台台", "台"), ("MW MW", "MW")])
def test_a_unit_written_twice_in_a_row_is_an_error(text: str, word: str) -> None:
    # "年年" read as the unit year: "近5年年均增速超过30%" gave the figure "近5年年"
    message = f"unit {text!r} writes {word!r} twice in a row; expected it once (write {word!r})"
    with pytest.raises(ParseError, match=re.escape(message)):
        parse_unit(text)
    # two spellings of one currency stay one unit, and a magnitude may repeat
    assert parse_unit("亿元人民币").canonical == "CNY 100m"


def test_exchange_rate_is_a_rate_not_money() -> None:
    rate = parse_unit("CNY/USD")
    assert (rate.base, rate.magnitude, rate.per, rate.dimension, rate.factor) == (
        "CNY",
        None,
        ("USD",),
        "money/money",
        1.0,
    )
    assert rate.is_exchange_rate and rate.currency is None
    # a price per unit stays money in its currency
    assert not parse_unit("USD/kW").is_exchange_rate and parse_unit("USD/kW").currency == "USD"


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "CNY 100m/USD",
            "unit 'CNY 100m/USD': 'USD' cannot follow 'per' or '/' here; a currency follows "
            "'per' only in an exchange rate, one currency per another, both without a "
            "magnitude and with nothing more (e.g. 'CNY/USD', CNY per USD); write the rate "
            "that way, or an amount without 'per'",
        ),
        (
            "CNY/USD/year",
            "unit 'CNY/USD/year': 'USD' cannot follow 'per' or '/' here; a currency follows",
        ),
        (
            "CNY/RMB",
            "unit 'CNY/RMB': 'CNY' per 'CNY' is a currency per itself (always 1); expected an "
            "exchange rate between two currencies, e.g. 'CNY/USD' (CNY per USD), or an amount "
            "in one currency",
        ),
    ],
)
def test_money_after_per_outside_an_exchange_rate(text: str, message: str) -> None:
    with pytest.raises(ParseError, match=re.escape(message)):
        parse_unit(text)


def test_a_broken_registry_file_names_the_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bad = tmp_path / "units.txt"
    bad.write_text("[magnitude]\nthousand 1e3 | k\nmn | million\n", encoding="utf-8")
    monkeypatch.setattr(registry_module, "REGISTRY_FILE", bad)
    registry_module._registry.cache_clear()
    try:
        message = (
            "units.txt line 3: not enough values to unpack (expected 2, got 1) in "
            "'mn | million'; fix the entry (the grammar is in the file's header)"
        )
        with pytest.raises(UnitError, match=re.escape(message)) as info:
            parse_unit("MW")
        assert info.value.line == 3
    finally:
        monkeypatch.undo()
        registry_module._registry.cache_clear()
    assert canonical_unit("MW") == "MW"


def test_an_alias_cannot_mean_two_things(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "units.txt"
    bad.write_text("[magnitude]\nmn 1e6 | m\n[unit]\nm length 1 | metre\n", encoding="utf-8")
    monkeypatch.setattr(registry_module, "REGISTRY_FILE", bad)
    registry_module._registry.cache_clear()
    try:
        message = (
            "units.txt line 4: alias 'm' is already taken in 'm length 1 | metre'; fix the "
            "entry (the grammar is in the file's header)"
        )
        with pytest.raises(UnitError, match=re.escape(message)):
            parse_unit("MW")
    finally:
        monkeypatch.undo()
        registry_module._registry.cache_clear()


@pytest.mark.parametrize(("unit", "found"), [(None, "NoneType"), (5, "int")])
def test_unit_that_is_not_text_is_a_parse_error(unit: object, found: str) -> None:
    # was: TypeError "normalize() argument 2 must be str, not None" from unicodedata
    message = (
        f"unit {unit!r}: expected unit text such as 'CNY bn', '亿元' or 'MW', found {found}; "
        "pass the unit as a string"
    )
    with pytest.raises(ParseError, match=re.escape(message)):
        canonical_unit(unit)  # type: ignore[arg-type]


@pytest.mark.parametrize("text", ["", "   ", "\t"])
def test_canonical_unit_of_no_text_is_an_error_not_a_count(text: str) -> None:
    # canonical_unit("") returned "count": read_series(unit="") (an empty $UNIT on the
    # command line) read every bare number as a plain count, and a file's 亿元 figures
    # then failed as "cannot convert 'CNY 100m' (money) to 'count'"
    with pytest.raises(UnitError, match=re.escape(f"unit {text!r}: no unit stated;")) as caught:
        canonical_unit(text)
    assert "('count' for a plain count)" in str(caught.value)
    assert canonical_unit("count") == "count"  # a plain count is still one word away
    # parse_unit keeps reading empty text as a plain count (a figure's unit without a
    # unit word: "500" is 500 count), as do Quantity and the readers of unit cells
    assert parse_unit(text).canonical == "count"


def test_read_series_refuses_an_empty_target_unit() -> None:
    import pandas as pd

    from idcforecast import Quantity, read_series

    frame = pd.DataFrame({"year": [2020, 2021], "value": ["1 亿元", "2 亿元"]})
    with pytest.raises(UnitError, match=re.escape("read_series(unit=...) for series 's': unit ''")):
        read_series(frame, series_id="s", unit="")
    # unchanged: figures with their unit need no unit=, and Quantity(x, "") is a count
    assert read_series(frame, series_id="s")["unit"].tolist() == ["CNY 100m", "CNY 100m"]
    assert Quantity(5.0, "").unit == "count"


@pytest.mark.parametrize("text", ["bilionů", "€ bilionów", "MWé"])
def test_an_alias_never_ends_inside_an_accented_word(text: str) -> None:
    # text52: "bilionů" was read as the alias "bilion" and an unknown "ů" (the word
    # boundary knew only ASCII letters); the whole word is unknown
    with pytest.raises(UnknownUnitError) as err:
        parse_unit(text)
    assert err.value.unknown == text.split()[-1]


def test_hundreds_of_millions_is_no_magnitude_of() -> None:
    # "hundreds of millions of yuan" is no "millions of yuan" (1e8, not 1e6): still refused
    with pytest.raises(UnknownUnitError, match="hundreds"):
        canonical_unit("hundreds of millions of yuan")


def test_japanese_trillion_units_read_as_parse_quantity_reads_their_figures() -> None:
    # readers54: parse_quantity read "2兆円" as 2 JPY tn while parse_unit("兆円") (a unit
    # passed as read_series(unit=...)) was an unknown unit; 兆 before 円 / ドル is a trillion
    # (1e12) in Japanese; 兆瓦 stays the Chinese megawatt and 兆元 stays unread (ambiguous)
    from idcforecast.errors import UnknownUnitError
    from idcforecast.units.registry import parse_unit

    assert parse_unit("兆円").canonical == "JPY tn"
    assert parse_unit("兆ドル").canonical == "USD tn"
    assert parse_unit("兆瓦").canonical == "MW"
    with pytest.raises(UnknownUnitError, match="'兆元'"):
        parse_unit("兆元")
