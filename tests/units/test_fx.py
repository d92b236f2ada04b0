"""The FX table: sourced rates by year, both directions, crosses only through USD, no nearest."""

from __future__ import annotations

import csv
import pickle
import re
from pathlib import Path

import pytest

from idcforecast._paths import data_dir
from idcforecast.errors import DataError, MissingFxRateError, UnitError
from idcforecast.units import convert, fx_rate
from idcforecast.units import fx as fx_module

# shared/reference/idc_sources.md section 6 (Federal Reserve G.5A = FRED AEXCHUS)
G5A = {
    2010: 6.7696, 2011: 6.4630, 2012: 6.3093, 2013: 6.1478, 2014: 6.1620, 2015: 6.2827,
    2016: 6.6400, 2017: 6.7569, 2018: 6.6090, 2019: 6.9081, 2020: 6.9042, 2021: 6.4508,
    2022: 6.7290, 2023: 7.0809, 2024: 7.1957,
}  # fmt: skip


def test_bundled_table_matches_the_reference() -> None:
    for year, rate in G5A.items():
        assert fx_rate("USD", "CNY", year=year) == rate
        assert fx_rate("CNY", "USD", year=year) == pytest.approx(1 / rate, rel=1e-15)
    assert fx_rate("USD", "CNY", year=2025) == 7.1875


def test_bundled_file_follows_the_tidy_schema() -> None:
    with (data_dir() / "fx_rates.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == [
        "series_id", "year", "value", "unit", "qualifier", "as_of", "source", "quote",
        "confidence", "scope", "derived", "note",
    ]  # fmt: skip
    assert {row["series_id"] for row in rows} == {"fx_cny_per_usd"}
    assert {row["unit"] for row in rows} == {"CNY/USD"}
    assert all(row["as_of"] == f"{row['year']}-12-31" for row in rows)
    high = [row for row in rows if row["confidence"] == "high"]
    assert {int(row["year"]) for row in high} == set(G5A)
    assert {row["source"] for row in high} == {"Federal Reserve G.5A (FRED AEXCHUS)"}
    (row_2025,) = [row for row in rows if row["year"] == "2025"]
    assert row_2025["confidence"] == "medium" and row_2025["note"]


def test_same_currency_needs_no_year() -> None:
    assert fx_rate("EUR", "EUR", year=None) == 1.0


def test_no_year() -> None:
    message = (
        "converting USD->CNY needs a year: FX rates are annual averages (the table has "
        "CNY/USD 2010-2025); pass year=..."
    )
    with pytest.raises(MissingFxRateError, match=re.escape(message)) as info:
        fx_rate("USD", "CNY", year=None)
    assert (info.value.pair, info.value.year) == ("USD->CNY", None)
    assert isinstance(info.value, KeyError)


def test_missing_year_is_never_the_nearest() -> None:
    message = (
        "no FX rate for CNY->USD in 2009: the pair has no rate for 2009, and the nearest year "
        "is never used (file fx_rates.csv has CNY/USD 2010-2025); use a year the table covers "
        f"or add the 2009 rate to {fx_module._fx_path()}"  # the file in use, installed too
    )
    with pytest.raises(MissingFxRateError, match=re.escape(message)) as info:
        convert("1 CNY", "USD", year=2009)
    assert (info.value.pair, info.value.year) == ("CNY->USD", 2009)
    restored = pickle.loads(pickle.dumps(info.value))
    assert (str(restored), restored.year) == (message, 2009)


def test_currency_the_table_lacks() -> None:
    message = (
        "no FX rate for EUR->CNY in 2020: the pair is not in the table, directly or through "
        "USD (file fx_rates.csv has CNY/USD 2010-2025); add EUR and CNY rates against USD to "
        f"{fx_module._fx_path()} or keep the figures in EUR"
    )
    with pytest.raises(MissingFxRateError, match=re.escape(message)):
        convert("EUR 2.5 bn", "亿元", year=2020)


def _use_table(monkeypatch: pytest.MonkeyPatch, path: Path, text: str) -> None:
    path.write_text(text, encoding="utf-8")
    monkeypatch.setattr(fx_module, "_fx_path", lambda: path)
    fx_module.fx_table.cache_clear()


@pytest.fixture
def restore_fx_cache():  # type: ignore[no-untyped-def]
    yield
    fx_module.fx_table.cache_clear()


HEADER = "series_id,year,value,unit,qualifier,as_of,source,quote,confidence,scope,derived,note\n"


@pytest.mark.usefixtures("restore_fx_cache")
def test_cross_rate_through_usd_needs_both_legs(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _use_table(
        monkeypatch,
        tmp_path / "fx.csv",
        HEADER
        + "fx_cny_per_usd,2020,6.9,CNY/USD,exact,2020-12-31,test,,high,,false,\n"
        + "fx_cny_per_usd,2021,6.5,CNY/USD,exact,2021-12-31,test,,high,,false,\n"
        + "fx_eur_per_usd,2020,0.8,EUR/USD,exact,2020-12-31,test,,high,,false,\n",
    )
    # 1 EUR = 1/0.8 USD = 1.25 USD = 1.25 x 6.9 CNY = 8.625 CNY
    assert fx_rate("EUR", "CNY", year=2020) == pytest.approx(8.625, rel=1e-15)
    assert fx_rate("CNY", "EUR", year=2020) == pytest.approx(1 / 8.625, rel=1e-15)
    message = (
        "no FX rate for EUR->CNY in 2021: the pair has no rate for 2021, and the nearest year "
        "is never used (file fx.csv has CNY/USD 2020-2021; EUR/USD 2020); use a year "
        f"the table covers or add the 2021 rate to {tmp_path / 'fx.csv'}"
    )
    with pytest.raises(MissingFxRateError, match=re.escape(message)):
        fx_rate("EUR", "CNY", year=2021)


@pytest.mark.usefixtures("restore_fx_cache")
@pytest.mark.parametrize(
    ("row", "found"),
    [
        ("fx_cny_per_usd,2020,-6.9,CNY/USD", "unit='CNY/USD', year='2020', value='-6.9'"),
        ("fx_cny_per_usd,2020,6.9,CNY", "unit='CNY', year='2020', value='6.9'"),
        ("fx_cny_per_usd,20x0,6.9,CNY/USD", "unit='CNY/USD', year='20x0', value='6.9'"),
    ],
)
def test_bad_rows_are_typed_errors(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, row: str, found: str
) -> None:
    _use_table(monkeypatch, tmp_path / "fx.csv", HEADER + row + ",exact,,,,,,false,\n")
    with pytest.raises(
        DataError, match=re.escape("file fx.csv row 2: expected unit 'QUOTE/BASE'")
    ) as info:
        fx_rate("USD", "CNY", year=2020)
    assert found in str(info.value)
    assert info.value.row == 2


@pytest.mark.usefixtures("restore_fx_cache")
def test_duplicate_year(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    line = "fx_cny_per_usd,2020,6.9,CNY/USD,exact,2020-12-31,test,,high,,false,\n"
    _use_table(monkeypatch, tmp_path / "fx.csv", HEADER + line + line)
    message = (
        "file fx.csv row 3: a second CNY/USD rate for 2020; expected one annual average per "
        "year; remove the duplicate"
    )
    with pytest.raises(DataError, match=re.escape(message)):
        fx_rate("USD", "CNY", year=2020)


def test_currency_codes_ignore_case_and_spaces() -> None:
    # was: MissingFxRateError "no FX rate for usd->cny in 2020: the pair is not in the table"
    assert fx_rate(" usd", "Cny ", year=2020) == 6.9042  # G.5A 2020
    assert fx_rate("usd", "USD", year=None) == 1.0


@pytest.mark.parametrize("year", ["2020", " 2020 ", 2020.0])
def test_a_whole_year_as_text_or_float_is_that_year(year: object) -> None:
    # was: TypeError "'str' object cannot be interpreted as an integer" (and for 2020.0)
    assert fx_rate("USD", "CNY", year=year) == 6.9042  # type: ignore[arg-type]
    assert convert("$1 bn", "CNY bn", year=year) == 6.9042  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("year", "shown"), [(True, "True"), (2020.5, "2020.5"), ("2020E", "'2020E'")]
)
def test_a_year_that_is_not_whole_is_named(year: object, shown: str) -> None:
    # was: True silently meant year 1; 2020.5 and '2020E' raised a bare TypeError
    message = (
        f"converting USD->CNY: year={shown} is not a whole year; expected a year such as "
        "2020 (the FX table holds annual averages); pass year=2020"
    )
    with pytest.raises(UnitError, match=re.escape(message)):
        fx_rate("USD", "CNY", year=year)  # type: ignore[arg-type]


@pytest.mark.usefixtures("restore_fx_cache")
def test_table_units_are_read_by_the_unit_registry(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Was: "RMB/USD" was split by hand into a pair ("USD", "RMB") that no lookup asks for,
    # so the rate was silently never used: "no FX rate for USD->CNY".
    _use_table(
        monkeypatch,
        tmp_path / "fx.csv",
        HEADER + "fx_cny_per_usd,2020,6.9,RMB per US$,exact,2020-12-31,test,,high,,false,\n",
    )
    assert fx_rate("USD", "CNY", year=2020) == 6.9


@pytest.mark.usefixtures("restore_fx_cache")
@pytest.mark.parametrize("unit", ["MW/USD", "CNY bn/USD", "CNY/USD/USD", "CNY/bananas"])
def test_a_table_unit_that_is_no_exchange_rate_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, unit: str
) -> None:
    row = f"fx_x,2020,6.9,{unit},exact,2020-12-31,test,,high,,false,\n"
    _use_table(monkeypatch, tmp_path / "fx.csv", HEADER + row)
    with pytest.raises(
        DataError, match=re.escape("file fx.csv row 2: expected unit 'QUOTE/BASE'")
    ) as info:
        fx_rate("USD", "CNY", year=2020)
    assert f"found unit={unit!r}" in str(info.value)
