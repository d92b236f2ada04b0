"""The currency a growth or CAGR claim was measured in (Claim.currency).

Reference numbers are hand arithmetic on the published CIDC levels (亿元), not the code
under test: the history in USD is those levels converted at each year's FX rate, so the
rate measured in CNY must come back to the published levels' rate.
"""

from __future__ import annotations

import dataclasses
import math
import re
import warnings
from pathlib import Path

import pandas as pd
import pytest

from idcforecast.claim_checks import check_claims, claim_readings
from idcforecast.claims import Claim, read_claims
from idcforecast.errors import IncompatibleUnitsError, SpecError
from idcforecast.units import convert

SUBJECT = "china_idc_cidc_overall"
CNY_LEVELS = {2018: 1228.0, 2019: 1562.5, 2022: 4043.2}  # 亿元, CIDC


def _usd_history() -> pd.DataFrame:
    years = sorted(CNY_LEVELS)
    return pd.DataFrame(
        {
            "series_id": SUBJECT,
            "year": years,
            "value": [
                convert(CNY_LEVELS[y], "USD bn", from_unit="CNY 100m", year=y) for y in years
            ],
            "unit": "USD bn",
        }
    )


def _cagr(**extra: object) -> Claim:
    return Claim(subject=SUBJECT, kind="cagr", value=37.3, start_year=2019, year=2022, **extra)  # type: ignore[arg-type]


def test_a_rate_measured_in_cny_is_computed_in_cny_against_a_usd_history() -> None:
    rows = claim_readings([_cagr(currency="RMB")], history=_usd_history())
    first = rows.iloc[0]
    # CNY rate 2019-2022: (4043.2 / 1562.5) ** (1/3) - 1 = 2.58765 ** (1/3) - 1 = 0.37289;
    # in USD the same years give 38.5% (the FX moves), which missed the 37.3% claim by 2.6%
    assert first.unit == "CNY bn"
    assert first.implied_rate == pytest.approx((4043.2 / 1562.5) ** (1 / 3) - 1, abs=1e-9)
    assert math.isclose(first.reference_base, 156.25, rel_tol=1e-9)  # 1562.5亿元 = 156.25 bn
    assert "from USD bn at its year's FX rate" in first.reference
    assert bool(first.fits)
    assert bool(check_claims([_cagr(currency="CNY")], history=_usd_history()).consistent[0])


def test_a_rate_without_a_currency_stays_in_the_series_currency() -> None:
    first = claim_readings([_cagr()], history=_usd_history()).iloc[0]
    assert first.unit == "USD bn"
    assert first.implied_rate > 0.38  # the USD rate, FX moves included
    assert not bool(first.fits)


@pytest.mark.parametrize(
    ("value", "quote"),
    [
        ("37.3% in RMB terms", ""),
        ("37.3% (in yuan terms)", ""),
        ("按人民币计37.3%", ""),
        ("37.3%（按人民币计算）", ""),
        ("37.3%", "按人民币计，2019-2022年复合增长率为37.3%"),
        ("37.3%", "The market grew 37.3% a year in RMB terms over 2019-22."),
        # the basis named without 按/以 (claims54 left it unread)
        ("37.3%（人民币口径）", ""),
        ("37.3%", "人民币口径下，2019-2022年复合增长率为37.3%"),
    ],
)
def test_read_claims_takes_the_currency_from_the_words(value: str, quote: str) -> None:
    (claim,) = read_claims(
        [
            {
                "subject": SUBJECT,
                "kind": "cagr",
                "period": "2019-2022",
                "value": value,
                "quote": quote,
            }
        ]
    )
    assert (claim.currency, claim.value) == ("CNY", 37.3)


def test_a_currency_column_is_read_and_named_in_iso() -> None:
    (claim,) = read_claims(
        [
            {
                "subject": SUBJECT,
                "kind": "cagr",
                "period": "2019-2022",
                "value": 37.3,
                "currency": "人民币",
            }
        ]
    )
    assert claim.currency == "CNY"


def test_currency_column_and_words_that_disagree_are_refused() -> None:
    with pytest.raises(SpecError, match=r"currency 'USD' and the value .* \(CNY\) disagree"):
        read_claims(
            [
                {
                    "subject": SUBJECT,
                    "kind": "cagr",
                    "period": "2019-2022",
                    "value": "37.3% in RMB terms",
                    "currency": "USD",
                }
            ]
        )


def test_bad_currencies_are_typed_errors_naming_the_fix() -> None:
    with pytest.raises(SpecError, match=r"currency 'CNY bn' is no currency.*'CNY', 'RMB'"):
        _cagr(currency="CNY bn")
    with pytest.raises(SpecError, match=r"currency 'MW' is no currency"):
        _cagr(currency="MW")
    # a level's currency is its unit's: a currency beside it (a TOML default) is not used
    level = Claim(
        subject=SUBJECT, kind="level", value=3200, unit="CNY 100m", year=2022, currency="USD"
    )
    assert level.currency == ""
    two = [
        _cagr(currency="CNY", claim_set="s"),
        Claim(subject=SUBJECT, kind="growth", value=34.6, year=2022, currency="USD", claim_set="s"),
    ]
    with pytest.raises(SpecError, match=r"measured in CNY and .* in USD; .* separate claim sets"):
        claim_readings(two, history=_usd_history())
    power = pd.DataFrame(
        {"series_id": SUBJECT, "year": [2019, 2022], "value": [1.0, 2.0], "unit": "MW"}
    )
    with pytest.raises(
        IncompatibleUnitsError, match=r"measured in CNY, but .* 'MW', no amount of money"
    ):
        claim_readings([_cagr(currency="CNY")], history=power)


def test_levels_with_no_fx_rate_into_the_rates_currency_are_an_error_not_another_unit() -> None:
    # IDC Corp (2023-08): 2022 = 1293.5亿元, 2027 = 3075亿元, CAGR 18.9%. Said to be a USD
    # rate, the set must be compared in USD; the 2027 level has no CNY->USD rate, and the
    # check fell back to CNY 100m in silence ("fits", a CNY rate)
    claims = [
        Claim(subject="s", kind="level", value=1293.5, unit="CNY 100m", year=2022, made="2023-08"),
        Claim(subject="s", kind="level", value=3075, unit="CNY 100m", year=2027, made="2023-08"),
        Claim(subject="s", kind="cagr", value=18.9, start_year=2022, year=2027, currency="USD"),
    ]
    with pytest.raises(
        IncompatibleUnitsError, match=r"measured in USD, so the set is compared in"
    ) as info:
        check_claims(claims)
    # never "but the subject 's' is in 'USD ...'": the subject's series is not in dollars
    # (claims54 finding); the level's unit, the FX gap and the fixes are said
    assert "but the subject" not in info.value.message
    assert info.value.message.startswith(
        "claim 's/level_2027': its level is in 'CNY 100m', and no FX rate for CNY->USD in 2027"
    ), info.value.message
    in_cny = [*claims[:2], dataclasses.replace(claims[2], currency="CNY")]
    # 3075 / 1.189**5 = 3075 / 2.3763 = 1294.0, 0.04% from 1293.5: fits in CNY
    assert bool(check_claims(in_cny).consistent[0])


def test_a_rate_without_a_currency_says_which_currency_measured_it() -> None:
    text = check_claims([_cagr()], history=_usd_history()).explanation[0]
    assert "The rates are measured in USD, the series' currency" in text, text
    assert "FX moves" in text
    # stated, or given by a level in money: nothing to say
    stated = check_claims([_cagr(currency="CNY")], history=_usd_history()).explanation[0]
    level = Claim(subject=SUBJECT, kind="level", value=4043.2, unit="CNY 100m", year=2022)
    with_level = check_claims([_cagr(), level], history=_usd_history()).explanation[0]
    assert "rates are measured in" not in stated + with_level


def test_a_chinese_currency_header_is_the_currency_column(tmp_path: Path) -> None:
    path = tmp_path / "claims.csv"
    path.write_text(
        f"主体,类型,期间,数值,币种\n{SUBJECT},cagr,2019-2022,37.3%,人民币\n", encoding="utf-8"
    )
    (claim,) = read_claims(path)
    assert claim.currency == "CNY"


def test_a_rate_with_a_currency_is_described_with_it() -> None:
    assert _cagr(currency="RMB").describe() == "CAGR 37.3% 2019-2022 in CNY"
    assert _cagr().describe() == "CAGR 37.3% 2019-2022"
    rows = claim_readings([_cagr(currency="CNY")], history=_usd_history())
    assert set(rows.claim) == {"CAGR 37.3% 2019-2022 in CNY"}


def test_the_currency_sentence_comes_with_a_miss_only() -> None:
    # a growth rate that fits its CNY series needs no word on FX; one that misses does
    history = pd.DataFrame(
        {"series_id": SUBJECT, "year": [2019, 2020], "value": [1562.5, 2238.7], "unit": "CNY 100m"}
    )
    # 2238.7 / 1562.5 - 1 = 43.3%: 43.3% fits, 40% misses by 2.3%
    fits = Claim(subject=SUBJECT, kind="growth", value=43.3, year=2020)
    misses = dataclasses.replace(fits, value=40.0)
    assert "measured in" not in check_claims([fits], history=history).explanation[0]
    assert "measured in CNY" in check_claims([misses], history=history).explanation[0]


def test_a_toml_default_currency_serves_the_rates_and_leaves_levels_alone(tmp_path: Path) -> None:
    path = tmp_path / "claims.toml"
    path.write_text(
        'currency = "RMB"\n[[claims]]\nsubject = "m"\nkind = "cagr"\nperiod = "2019-22"\n'
        'value = "37.3%"\n[[claims]]\nsubject = "m"\nkind = "level"\nyear = 2022\n'
        'value = "US$60.09bn"\n',
        encoding="utf-8",
    )
    rate, level = read_claims(path)
    assert (rate.currency, level.currency, level.unit) == ("CNY", "", "USD bn")


@pytest.mark.parametrize(
    ("value", "currency"),
    [
        ("按美元口径，复合增长率18.9%", "USD"),
        ("以美元口径计算18.9%", "USD"),
        ("按人民幣計算18.9%", "CNY"),
    ],
)
def test_chinese_measure_words_and_traditional_characters_give_the_currency(
    value: str, currency: str
) -> None:
    (claim,) = read_claims(
        [{"subject": SUBJECT, "kind": "cagr", "period": "2022-2027", "value": value}]
    )
    assert (claim.currency, claim.value) == (currency, 18.9)


def test_a_price_series_is_converted_with_its_denominator_kept() -> None:
    # a price in CNY per kW, 1,000 (2019) -> 1,331 (2022): 1.1 ** 3 = 1.331, 10% a year in
    # CNY; the history is given in USD per kW (each year's FX rate), the claim in CNY
    cny = {2019: 1000.0, 2022: 1331.0}
    history = pd.DataFrame(
        {
            "series_id": "price",
            "year": list(cny),
            "value": [convert(v, "USD/kW", from_unit="CNY/kW", year=y) for y, v in cny.items()],
            "unit": "USD/kW",
        }
    )
    claim = Claim(
        subject="price", kind="cagr", value=10, start_year=2019, year=2022, currency="CNY"
    )
    first = claim_readings([claim], history=history).iloc[0]
    assert first.unit == "CNY/kW"
    assert first.implied_rate == pytest.approx(0.10, abs=1e-9)


def test_a_currency_column_wins_over_the_quote() -> None:
    # "in dollar terms" may be about another figure of the sentence: the column decides
    quote = "Revenue reached US$8.2 bn in dollar terms; the CAGR was 37.3% over 2019-2022."
    (claim,) = read_claims(
        [
            {
                "subject": SUBJECT,
                "kind": "cagr",
                "period": "2019-2022",
                "value": "37.3%",
                "quote": quote,
                "currency": "CNY",
            }
        ]
    )
    assert claim.currency == "CNY"


@pytest.mark.parametrize(
    ("value", "quote", "words"),
    [
        ("37.3% in local currency terms", "", "in local currency terms"),
        ("37.3% (in constant-currency terms)", "", "in constant-currency terms"),
        ("按本币计37.3%", "", "按本币计"),
        ("37.3%", "The market grew 37.3% a year in local currency terms.", "in local currency"),
        ("37.3%", "以当地货币计算，2019-2022年复合增长率为37.3%", "以当地货币计算"),
    ],
)
def test_a_rate_in_local_currency_terms_is_noted_never_given_a_currency(
    value: str, quote: str, words: str
) -> None:
    # "in local currency terms" was "not a figure" in the value and nothing in the quote:
    # which currency is local depends on the market, so none is read; a warning says the
    # rate is checked in the series' currency (here USD, 38.5% a year 2019-22, a miss)
    from idcforecast.errors import AssumedCurrencyWarning

    row = {"subject": SUBJECT, "kind": "cagr", "period": "2019-2022", "value": value}
    with pytest.warns(AssumedCurrencyWarning, match=re.escape(words) + ".*names no one currency"):
        (claim,) = read_claims([{**row, "quote": quote}])
    assert (claim.currency or None, claim.value) == (None, 37.3)
    assert words in str(claim.note) and "no currency named" in str(claim.note)
    assert not bool(claim_readings([claim], history=_usd_history()).fits.iloc[0])
    # the currency column names what the words leave unnamed: no warning, checked in CNY
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        (named,) = read_claims([{**row, "quote": quote, "currency": "CNY"}])
    assert (named.currency, named.value) == ("CNY", 37.3)
    assert bool(claim_readings([named], history=_usd_history()).fits.iloc[0])
