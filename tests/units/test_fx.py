"""The FX table: sourced rates by year, both directions, crosses only through USD, no nearest."""

from __future__ import annotations

import csv
import pickle
import re
from pathlib import Path

import pytest

from idcforecast._paths import data_dir
from idcforecast.errors import DataError, MissingFxRateError, UnitError
from idcforecast.units import convert, fx_rate, use_fx_rates
from idcforecast.units import fx as fx_module
from idcforecast.units.fx import fx_rate_origin, user_fx_files

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
    cny = [row for row in rows if row["series_id"] == "fx_cny_per_usd"]
    assert {row["unit"] for row in cny} == {"CNY/USD"}
    assert all(row["as_of"] == f"{row['year']}-12-31" for row in rows)
    high = [row for row in cny if row["confidence"] == "high"]
    assert {int(row["year"]) for row in high} == set(G5A)
    assert {row["source"] for row in high} == {"Federal Reserve G.5A (FRED AEXCHUS)"}
    fed = [row for row in rows if row["source"].startswith("Federal Reserve")]
    others = [row for row in fed if row["series_id"] != "fx_cny_per_usd"]
    assert len(others) == 11 * 14  # 11 currencies x 2012-2025
    # 2012-2015 and 2017-2023 from the G.5A releases themselves; 2016, 2024 and 2025 from
    # FRED's copy of G.5A (AEX* series) as stored in a public repository: medium, with a note
    release = [row for row in others if row["confidence"] == "high"]
    fred = [row for row in others if row["confidence"] == "medium"]
    assert len(release) == 11 * 11 and len(fred) == 11 * 3
    assert all(row["source"].startswith("Federal Reserve G.5A (https://") for row in release)
    assert {row["year"] for row in fred} == {"2016", "2024", "2025"}
    assert all(row["source"].startswith("Federal Reserve G.5A via FRED AEX") for row in fred)
    assert all("PrimeIntellect-ai/prime-tasks" in row["source"] and row["note"] for row in fred)
    assert {row["series_id"]: row["unit"] for row in others} == {
        f"fx_{a.lower()}_per_{b.lower()}": f"{a}/{b}" for a, b in (
            ("USD", "AUD"), ("CAD", "USD"), ("CHF", "USD"), ("USD", "EUR"), ("USD", "GBP"),
            ("HKD", "USD"), ("INR", "USD"), ("JPY", "USD"), ("KRW", "USD"), ("SGD", "USD"),
            ("TWD", "USD"),
        )
    }  # fmt: skip
    (cny_2025,) = [r for r in rows if r["year"] == "2025" and r["series_id"] == "fx_cny_per_usd"]
    assert cny_2025["confidence"] == "medium" and "FRED AEXCHUS" in cny_2025["source"]


def test_same_currency_needs_no_year() -> None:
    assert fx_rate("EUR", "EUR", year=None) == 1.0


def test_no_year() -> None:
    message = (
        "converting USD->CNY needs a year: FX rates are annual averages (file fx_rates.csv "
        "has CNY/USD 2010-2025); pass year=..."
    )
    with pytest.raises(MissingFxRateError, match=re.escape(message)) as info:
        fx_rate("USD", "CNY", year=None)
    assert (info.value.pair, info.value.year) == ("USD->CNY", None)
    assert isinstance(info.value, KeyError)


def test_missing_year_is_never_the_nearest() -> None:
    # units24: the row asked for was "2009,RATE,USD/CNY" (USD per CNY, ~0.15), while
    # analysts quote, and the bundled table holds, CNY per USD (~6.83): now "CNY/USD"
    message = (
        "no FX rate for CNY->USD in 2009: the pair has no rate for 2009, and the nearest year "
        "is never used (file fx_rates.csv has CNY/USD 2010-2025); use a year the table covers, "
        "or give your own 2009 rate: with idcforecast.use_fx_rates(FILE): ... (a CSV of "
        "year, value, unit rows: 2009,RATE,CNY/USD with RATE in CNY per USD)"
    )
    with pytest.raises(MissingFxRateError, match=re.escape(message)) as info:
        convert("1 CNY", "USD", year=2009)
    assert (info.value.pair, info.value.year) == ("CNY->USD", 2009)
    restored = pickle.loads(pickle.dumps(info.value))
    assert (str(restored), restored.year) == (message, 2009)


def test_currency_the_table_lacks() -> None:
    message = (
        "no FX rate for NGN->CNY in 2020: no NGN rate is bundled (file fx_rates.csv has "
        "CNY/USD 2010-2025); keep the figures in NGN, or give your "
        "own 2020 rate: with idcforecast.use_fx_rates(FILE): ... (a CSV of year, value, unit "
        "rows: 2020,RATE,NGN/USD with RATE in NGN per USD)"
    )
    with pytest.raises(MissingFxRateError, match=re.escape(message)):
        fx_rate("NGN", "CNY", year=2020)  # neither the Federal Reserve nor the ECB rows


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
        "the table covers, or give your own 2021 rate: with idcforecast.use_fx_rates(FILE): "
        "... (a CSV of year, value, unit rows: 2021,RATE,EUR/USD with RATE in EUR per USD)"
    )
    with pytest.raises(MissingFxRateError, match=re.escape(message)):
        fx_rate("EUR", "CNY", year=2021)


@pytest.mark.usefixtures("restore_fx_cache")
@pytest.mark.parametrize(
    ("row", "found"),
    [
        ("fx_cny_per_usd,2020,-6.9,CNY/USD", "unit 'CNY/USD', year '2020', value '-6.9'"),
        ("fx_cny_per_usd,2020,6.9,CNY", "unit 'CNY', year '2020', value '6.9'"),
        ("fx_cny_per_usd,20x0,6.9,CNY/USD", "unit 'CNY/USD', year '20x0', value '6.9'"),
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
    assert f"found unit {unit!r}" in str(info.value)


# Federal Reserve G.5A releases of 2016-01-04, 2021 and 2024-02-01 (the pages' tables;
# AUD, EUR and GBP starred there: USD per unit; the rest units per USD)
G5A_OTHERS = {
    ("USD", "JPY", 2012): 79.82, ("USD", "JPY", 2019): 109.0188, ("USD", "JPY", 2023): 140.5001,
    ("EUR", "USD", 2015): 1.1096, ("EUR", "USD", 2020): 1.1410, ("EUR", "USD", 2023): 1.0817,
    ("GBP", "USD", 2013): 1.5642, ("GBP", "USD", 2021): 1.3764, ("AUD", "USD", 2017): 0.7671,
    ("USD", "KRW", 2022): 1291.7796, ("USD", "INR", 2014): 61.00, ("USD", "HKD", 2018): 7.8376,
    ("USD", "SGD", 2021): 1.3438, ("USD", "TWD", 2020): 29.4568, ("USD", "CHF", 2023): 0.8984,
    ("USD", "CAD", 2012): 0.9995,
}  # fmt: skip


@pytest.mark.parametrize(("key", "rate"), list(G5A_OTHERS.items()))
def test_other_currencies_match_the_g5a_releases(key: tuple[str, str, int], rate: float) -> None:
    base, quote, year = key
    assert fx_rate(base, quote, year=year) == rate
    assert fx_rate(quote, base, year=year) == pytest.approx(1 / rate, rel=1e-15)


def test_crosses_between_bundled_currencies_go_through_usd() -> None:
    # 2023: 1 EUR = 1.0817 USD = 1.0817 x 7.0809 CNY = 7.65941053 CNY
    assert fx_rate("EUR", "CNY", year=2023) == pytest.approx(1.0817 * 7.0809, rel=1e-15)
    # 2019: 1 JPY = 1/109.0188 USD = 6.9081/109.0188 CNY = 0.0633659... CNY
    assert fx_rate("JPY", "CNY", year=2019) == pytest.approx(6.9081 / 109.0188, rel=1e-15)
    # "EUR 2.5 bn" in 2020: 2.5e9 x 1.1410 x 6.9042 = 1.96942305e10 CNY = 196.942305 亿元
    assert convert("EUR 2.5 bn", "亿元", year=2020) == pytest.approx(196.942305, rel=1e-12)


def test_years_no_source_covered_are_named_not_guessed() -> None:
    # no euro rate before 2012 is bundled: the error says which years exist
    message = (
        "no FX rate for EUR->USD in 2011: the pair has no rate for 2011, and the nearest year "
        "is never used (file fx_rates.csv has USD/EUR 2012-2025); use a year the table "
        "covers, or give your own 2011 rate: with idcforecast.use_fx_rates(FILE): ... "
        "(a CSV of year, value, unit rows: 2011,RATE,USD/EUR with RATE in USD per EUR)"
    )
    with pytest.raises(MissingFxRateError, match=re.escape(message)):
        fx_rate("EUR", "USD", year=2011)


# 2016, 2024 and 2025: FRED's annual G.5A series (AEXUSEU, AEXUSUK, AEXJPUS, ...) as downloaded
# 2026-10-02 and stored in github.com/PrimeIntellect-ai/prime-tasks
# (datasets/pi-officeqa-pro-v2/documents/fred__aex*.txt); the releases carrying these years
# were not at hand. EUR, GBP and INR 2016 agree with the older FRED CSVs in
# github.com/CptnCrumble/rpp. AUD, EUR and GBP in USD per unit, as G.5A quotes them.
FRED_G5A = {
    ("EUR", "USD", 2016): 1.1072, ("GBP", "USD", 2016): 1.3555, ("USD", "JPY", 2016): 108.6569,
    ("USD", "INR", 2016): 67.1572, ("USD", "CAD", 2016): 1.3243, ("USD", "KRW", 2016): 1159.3422,
    ("EUR", "USD", 2024): 1.0820, ("AUD", "USD", 2024): 0.6597, ("USD", "JPY", 2024): 151.4551,
    ("USD", "CHF", 2024): 0.8808, ("USD", "TWD", 2024): 32.1064, ("USD", "HKD", 2024): 7.8030,
    ("USD", "SGD", 2024): 1.3363,
    ("EUR", "USD", 2025): 1.1306, ("GBP", "USD", 2025): 1.3192, ("USD", "JPY", 2025): 149.5686,
    ("USD", "KRW", 2025): 1421.3963, ("AUD", "USD", 2025): 0.6450, ("USD", "INR", 2025): 87.1468,
}  # fmt: skip


@pytest.mark.parametrize(("key", "rate"), list(FRED_G5A.items()))
def test_2016_2024_and_2025_match_the_fred_copies(key: tuple[str, str, int], rate: float) -> None:
    base, quote, year = key
    assert fx_rate(base, quote, year=year) == rate
    assert fx_rate(quote, base, year=year) == pytest.approx(1 / rate, rel=1e-15)


def test_crosses_in_the_fred_years_go_through_usd() -> None:
    # 2016: 1 EUR = 1.1072 USD = 1.1072 x 6.6400 CNY (G.5A 2016, FRED AEXCHUS)
    assert fx_rate("EUR", "CNY", year=2016) == pytest.approx(1.1072 * 6.6400, rel=1e-15)
    # 2024: 1 GBP = 1.2781 USD = 1.2781 x 151.4551 JPY
    assert fx_rate("GBP", "JPY", year=2024) == pytest.approx(1.2781 * 151.4551, rel=1e-15)


def _user_file(tmp_path: Path, rows: str, name: str = "my_fx.csv") -> Path:
    path = tmp_path / name
    path.write_text("year,value,unit,source\n" + rows, encoding="utf-8")
    return path


def test_user_rates_fill_years_the_bundled_table_lacks(tmp_path: Path) -> None:
    path = _user_file(tmp_path, "2011,1.3900,USD/EUR,mine\n2026,7.05,CNY/USD,bank forecast\n")
    with use_fx_rates(path):
        assert fx_rate("EUR", "USD", year=2011) == 1.3900
        assert fx_rate("USD", "CNY", year=2026) == 7.05
        # a cross with one leg from the user (EUR 2011) and one bundled (CNY 2011 6.4630)
        assert fx_rate("EUR", "CNY", year=2011) == pytest.approx(1.3900 * 6.4630, rel=1e-15)
        assert fx_rate_origin("EUR", "CNY", year=2011) == "my_fx.csv"
        assert fx_rate("USD", "CNY", year=2020) == 6.9042  # bundled
        assert fx_rate_origin("USD", "CNY", year=2020) is None
        assert user_fx_files()[0][0] == path
    assert user_fx_files() == ()  # the block ended
    with pytest.raises(MissingFxRateError):
        fx_rate("USD", "CNY", year=2026)


def test_user_rates_come_before_the_bundled_ones_and_nest(tmp_path: Path) -> None:
    central = _user_file(tmp_path, "2020,6.8976,CNY/USD,PBoC central parity\n", "pboc.csv")
    other = _user_file(tmp_path, "2020,0.145,USD/CNY,other\n", "other.csv")
    with use_fx_rates(central):
        assert fx_rate("USD", "CNY", year=2020) == 6.8976  # not G.5A's 6.9042
        with use_fx_rates(other):  # the innermost file first, its inverse too
            assert fx_rate("USD", "CNY", year=2020) == pytest.approx(1 / 0.145, rel=1e-15)
            assert fx_rate_origin("CNY", "USD", year=2020) == "other.csv"
        assert fx_rate("USD", "CNY", year=2020) == 6.8976
    assert fx_rate("USD", "CNY", year=2020) == 6.9042


def test_user_rates_are_local_to_their_thread(tmp_path: Path) -> None:
    import threading

    path = _user_file(tmp_path, "2026,7.05,CNY/USD,x\n")
    seen: list[object] = []

    def other_thread() -> None:
        try:
            seen.append(fx_rate("USD", "CNY", year=2026))
        except MissingFxRateError as err:
            seen.append(type(err))

    with use_fx_rates(path):
        thread = threading.Thread(target=other_thread)
        thread.start()
        thread.join()
    assert seen == [MissingFxRateError]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("year,rate\n2026,7.05\n", "FX file bad.csv: no column 'value', 'unit' (found ['year', "
         "'rate']); expected a CSV with columns year, value and unit"),
        ("year,value,unit\n2026,7.05,CNY/USD\n2026,0.14,USD/CNY\n", "file bad.csv row 3: "
         "USD/CNY 2026 given, and CNY/USD 2026 already (one rate is the other's inverse); "
         "keep one of them"),
        ("year,value,unit\n2026,inf,CNY/USD\n", "file bad.csv row 2: rate 'inf' is not a "
         "finite number; fix the row"),
        ("year,value,unit\n2026,7.05,CNY\n", "file bad.csv row 2: expected unit 'QUOTE/BASE'"),
    ],
)  # fmt: skip
def test_a_bad_user_file_is_refused_on_entry(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(DataError, match=re.escape(message)) as info, use_fx_rates(path):
        pytest.fail("the block must not run")  # pragma: no cover
    assert info.value.file == str(path)
    assert user_fx_files() == ()


def test_a_missing_or_binary_user_file_is_named(tmp_path: Path) -> None:
    missing = re.escape(f"FX file {tmp_path / 'none.csv'}: cannot be read")
    with pytest.raises(DataError, match=missing), use_fx_rates(tmp_path / "none.csv"):
        pass  # pragma: no cover
    path = tmp_path / "gbk.csv"
    path.write_bytes("year,value,unit\n2026,7.05,元/美元\n".encode("gbk"))
    binary = re.escape("FX file gbk.csv: not UTF-8 text")
    with pytest.raises(DataError, match=binary), use_fx_rates(path):
        pass  # pragma: no cover


def test_years_text_reads_as_runs() -> None:
    assert fx_module._years_text([2017, 2012, 2013, 2014, 2015, 2019, 2018]) == (
        "2012-2015, 2017-2019"
    )
    assert fx_module._years_text([2020]) == "2020"


def test_an_excel_saved_user_file_reads(tmp_path: Path) -> None:
    # Excel writes a BOM, CRLF, a capitalised header and ",," rows for cleared cells; the
    # ",," row was "row 3: expected unit 'QUOTE/BASE' ... found unit=''" and "Year" was
    # "no column 'year'"
    path = tmp_path / "excel_fx.csv"
    path.write_bytes("\ufeffYear, Value ,Unit\r\n2026,7.05,CNY/USD\r\n,,\r\n,,\r\n".encode())
    with use_fx_rates(path):
        # 1000 CNY / 7.05 CNY per USD = 141.843971... USD
        assert convert(1000, "USD", from_unit="CNY", year=2026) == pytest.approx(141.843971631)
    # a bad row after a blank line is named by its line in the file (line 4, not "row 3")
    path.write_text("year,value,unit\n\n2026,7.05,CNY/USD\n2027,abc,CNY/USD\n")
    row_4 = re.escape("file excel_fx.csv row 4: expected unit")
    with pytest.raises(DataError, match=row_4), use_fx_rates(path):
        pass
    path.write_text("year;value;unit\n2026;7,05;CNY/USD\n")
    semicolons = re.escape("; the file is ';'-separated: save it with")
    with pytest.raises(DataError, match=semicolons), use_fx_rates(path):
        pass


# -- units24: a user rate written the other way round is refused -----------------------


def test_a_user_rate_written_the_other_way_round_is_refused(tmp_path: Path) -> None:
    # "USD/CNY 7.05" as a trader writes it is 7.05 CNY per USD; as a unit, "USD/CNY" is USD
    # per CNY. Read so, 1 CNY became 7.05 USD: 1562.5亿元 -> 11,015.6 USD 100m (1562.5 x
    # 7.05) instead of 221.6 (1562.5 / 7.05), 49.7x too much, in silence. The bundled CNY
    # rates are 6.1-6.9 per USD (USD per CNY 1/7.1 to 1/6.15): 7.05 USD per CNY is far
    # outside them, 1/7.05 = 0.1418 inside.
    path = tmp_path / "my_fx.csv"
    path.write_text("year,value,unit\n2026,7.05,USD/CNY\n", encoding="utf-8")
    bundled = [1 / v for v in fx_module.fx_table()[("USD", "CNY")].values()]
    message = (
        "file my_fx.csv row 2: 2026,7.05,USD/CNY is 7.05 USD per CNY, but the bundled rates "
        f"are {min(bundled):.4g}-{max(bundled):.4g} USD per CNY (2010-2025): the rate looks "
        "written the other way round (0.1418); the unit is the currency counted per one of "
        "the other: write CNY/USD for 7.05 CNY per USD"
    )
    with pytest.raises(DataError, match=re.escape(message)), use_fx_rates(path):
        pass


def test_plausible_user_rates_are_kept(tmp_path: Path) -> None:
    # the right way round; CHF and EUR near 1 cannot be told either way and are kept
    path = tmp_path / "my_fx.csv"
    path.write_text(
        "year,value,unit\n2026,7.05,CNY/USD\n2026,0.92,CHF/USD\n2026,1.1,USD/EUR\n"
        "2026,150,JPY/USD\n",
        encoding="utf-8",
    )
    with use_fx_rates(path):
        assert fx_rate("USD", "CNY", year=2026) == 7.05
        assert fx_rate("JPY", "USD", year=2026) == pytest.approx(1 / 150, rel=1e-15)
        # 1 EUR = 1.1 USD = 1.1 x 7.05 CNY = 7.755 CNY
        assert fx_rate("EUR", "CNY", year=2026) == pytest.approx(7.755, rel=1e-15)


def test_a_cross_rate_written_the_other_way_round_is_refused(tmp_path: Path) -> None:
    # EUR/CNY has no bundled row, but its cross through USD does: 1 EUR = 1.0817 USD x
    # 7.0809 CNY/USD = 7.66 CNY in 2023; "7.8 EUR/CNY" (7.8 EUR per CNY) is ~60x that
    path = tmp_path / "my_fx.csv"
    path.write_text("year,value,unit\n2026,7.8,EUR/CNY\n", encoding="utf-8")
    message = "write CNY/EUR for 7.8 CNY per EUR"
    with pytest.raises(DataError, match=re.escape(message)), use_fx_rates(path):
        pass
    path.write_text("year,value,unit\n2026,7.8,CNY/EUR\n", encoding="utf-8")
    with use_fx_rates(path):
        assert fx_rate("EUR", "CNY", year=2026) == 7.8


def test_a_folder_given_as_the_user_file_is_named_as_a_folder(tmp_path: Path) -> None:
    # it said "cannot be read (Is a directory)"
    message = re.escape(f"FX file {tmp_path}: a folder, not a file; expected the path of a CSV")
    with pytest.raises(DataError, match=message), use_fx_rates(tmp_path):
        pass  # pragma: no cover
