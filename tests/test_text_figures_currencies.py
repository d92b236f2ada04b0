"""Currencies a data-center news corpus meets that the registry lacked (text55): the koruna,
forint, leu, rand, naira, Saudi riyal, UAE dirham and Philippine peso were read as counts
("investment of CZK 5 billion" was 5 "count bn", the currency lost). Now those are money
(the koruna, forint, leu, rand and peso convert with bundled ECB-derived rates since fx57;
the naira, riyal and dirham, which the ECB does not publish, are a typed error naming the
fix), and an amount in a currency
still not listed ("EGP 5 billion", "20 billion Egyptian pounds") is left out with a
warning, never a count of things."""

from __future__ import annotations

import re
import warnings
from pathlib import Path

import pytest

from idcforecast import find_figures, parse_quantity, use_fx_rates
from idcforecast.errors import AmbiguousNumberWarning, MissingFxRateError, UnknownUnitError


def _rows(text: str) -> list[tuple[str, float, str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # none of these is an assumed or unread currency
        found = find_figures(text)
    return list(zip(found["figure"], found["value"], found["unit"], strict=True))


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # was ("5 billion", 5.0, "count bn") for each: the currency lost
        ("An investment of CZK 5 billion.", [("CZK 5 billion", 5.0, "CZK bn")]),
        ("Investice 5 mld. Kč do datového centra.", [("5 mld. Kč", 5.0, "CZK bn")]),
        ("Investice 5 miliard Kč.", [("5 miliard Kč", 5.0, "CZK bn")]),
        ("A project of 100 billion forints.", [("100 billion forints", 100.0, "HUF bn")]),
        ("HUF 100 billion for the campus.", [("HUF 100 billion", 100.0, "HUF bn")]),
        ("RON 2 billion was committed.", [("RON 2 billion", 2.0, "RON bn")]),
        ("It will cost 5 billion lei.", [("5 billion lei", 5.0, "RON bn")]),
        ("Teraco raised ZAR 5 billion.", [("ZAR 5 billion", 5.0, "ZAR bn")]),
        ("A 10 billion rand investment.", [("10 billion rand", 10.0, "ZAR bn")]),
        ("Rack Centre will spend ₦500 billion.", [("₦500 billion", 500.0, "NGN bn")]),
        ("SAR 10 billion for data centers.", [("SAR 10 billion", 10.0, "SAR bn")]),
        ("A Dh2 billion data center.", [("Dh2 billion", 2.0, "AED bn")]),
        ("AED 2 billion in Abu Dhabi.", [("AED 2 billion", 2.0, "AED bn")]),
        ("A ₱10 billion hyperscale campus.", [("₱10 billion", 10.0, "PHP bn")]),
        ("PHP 10 billion in Manila.", [("PHP 10 billion", 10.0, "PHP bn")]),
    ],
)
def test_currencies_added_to_the_registry_are_money(
    text: str, rows: list[tuple[str, float, str]]
) -> None:
    assert _rows(text) == rows


def test_czech_bilion_beside_the_koruna_is_a_trillion() -> None:
    # Czech "bilion" is 1e12: 5 bilion Kč = 5e12 CZK = 5 CZK tn (text54 read it by the
    # currency; "Kč" now reads as one)
    assert str(parse_quantity("5 bilion Kč")) == "5 CZK tn"


def test_converting_an_added_currency_needs_your_own_rate(tmp_path: Path) -> None:
    # fx57: the koruna has bundled rates now (ECB-derived: 2023 22.2069 CZK per USD), the
    # naira none (the ECB publishes no naira rate)
    amount = parse_quantity("5 mld. Kč")
    assert amount.to("USD bn", year=2023).value == pytest.approx(5 / 22.2069, rel=1e-12)
    naira = parse_quantity("₦500 billion")
    message = "no FX rate for NGN->USD in 2023: "
    with pytest.raises(MissingFxRateError, match=re.escape(message)):
        naira.to("USD bn", year=2023)
    rates = tmp_path / "fx.csv"
    rates.write_text("year,value,unit\n2023,22.2,CZK/USD\n2023,645.2,NGN/USD\n", encoding="utf-8")
    with use_fx_rates(rates):
        # the user's rate comes first: 5 CZK bn / 22.2 CZK per USD = 0.225225... USD bn;
        # 500 NGN bn / 645.2 NGN per USD = 0.774954... USD bn
        assert amount.to("USD bn", year=2023).value == pytest.approx(5 / 22.2)
        assert naira.to("USD bn", year=2023).value == pytest.approx(500 / 645.2)


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # each was a count ("5 billion", 5.0, "count bn"), the currency lost
        ("Egypt will invest EGP 5 billion.", "'5 billion' in 'EGP'"),
        ("NZD 20 billion of pension money.", "'20 billion' in 'NZD'"),
        ("MXN 10 billion for data centers.", "'10 billion' in 'MXN'"),
        ("A plan worth 20 billion Egyptian pounds.", "'20 billion' in 'Egyptian pounds'"),
        ("It costs 5 billion Pakistani rupees.", "'5 billion' in 'Pakistani rupees'"),
        ("A 3 billion Turkish lira campus.", "'3 billion' in 'Turkish lira'"),
        ("A 5 billion dirhams project.", "'5 billion' in 'dirhams'"),
    ],
)
def test_an_amount_in_a_currency_the_registry_lacks_is_left_out(text: str, shown: str) -> None:
    with pytest.warns(AmbiguousNumberWarning, match=re.escape(shown)) as caught:
        found = find_figures(text)
    assert found.empty
    assert "currency the unit registry lacks" in str(caught[0].message)


def test_counts_beside_such_words_stay_counts() -> None:
    text = (
        "It serves 5 million Hong Kong users, with 3.76 million data center GPUs, and "
        "ALL 5 million homes."
    )
    assert _rows(text) == [
        ("5 million", 5.0, "count mn"),
        ("3.76 million", 3.76, "count mn"),
        ("5 million", 5.0, "count mn"),
    ]


@pytest.mark.parametrize("text", ["EGP 5bn", "5 billion EGP", "NZD 20 billion"])
def test_parse_quantity_names_a_currency_code_it_lacks(text: str) -> None:
    # was, before the number: "pass the figure from its number on, e.g. '5bn'" (a count);
    # after it: "expected a currency, magnitude or unit listed in ... units.txt"
    code = text.split()[0] if text[0].isalpha() else text.split()[-1]
    with pytest.raises(UnknownUnitError) as info:
        parse_quantity(text)
    message = str(info.value)
    assert f"{code!r} is the ISO 4217 code of a currency the unit registry lacks" in message
    assert "the amount would be a count, not money" in message
    assert "from its number on" not in message
    assert info.value.unknown == code


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # were left out without a word: the glued letter made the number no figure
        ("Teraco will spend R5 billion on JB7.", "'R5 billion' in 'R'"),
        ("A P10 billion campus in Manila.", "'P10 billion' in 'P'"),
        ("It raised KSh5 billion in Nairobi.", "'KSh5 billion' in 'KSh'"),
    ],
)
def test_an_amount_glued_to_a_symbol_the_registry_lacks_is_named(text: str, shown: str) -> None:
    with pytest.warns(AmbiguousNumberWarning, match=re.escape(shown)):
        found = find_figures(text)
    assert found.empty


def test_glued_letters_that_are_no_currency_say_nothing() -> None:
    text = "R$5 billion in Brazil; an H100 costs $30,000; AMD sold 5G chips worth $2bn."
    assert _rows(text) == [
        ("R$5 billion", 5.0, "BRL bn"),
        ("$30,000", 30000.0, "USD"),
        ("$2bn", 2.0, "USD bn"),
    ]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # the full stop of "Rs." ended the sentence: the figure's sentence was "Yotta will
        # spend Rs." and the year after it was lost (was year <NA>, period "")
        (
            "Yotta will spend Rs. 3,000 crore on a campus in Mumbai in 2027.",
            [("Rs. 3,000 crore", 3000.0, "INR 10m", 2027)],
        ),
        # "Rp." was no currency: 5 "count tn" (was "5 triliun", its sentence "5 triliun in 2027")
        ("Sinar Mas will invest Rp. 5 triliun in 2027.", [("Rp. 5 triliun", 5.0, "IDR tn", 2027)]),
    ],
)
def test_rs_and_rp_with_a_full_stop_are_currencies_in_their_sentence(
    text: str, rows: list[tuple[str, float, str, int]]
) -> None:
    found = find_figures(text)
    columns = found[["figure", "value", "unit", "year"]].astype({"year": int})
    assert list(columns.itertuples(index=False, name=None)) == rows
    assert found["sentence"].tolist() == [text]


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # were 5 "INR bn", 20 "INR bn", 3 "INR bn", 5 "INR bn": Pakistani, Sri Lankan and
        # Nepalese rupees (PKR, LKR, NPR: none in the registry) read as Indian ones
        ("Rs5 billion in Pakistan", "'Rs5 billion' in \"rupees with 'Pakistan' in its sentence"),
        (
            "Pakistan's K-Electric will spend Rs 20 billion on a data centre in Karachi.",
            "'Rs 20 billion' in \"rupees with 'Pakistan'",
        ),
        ("Sri Lanka plans a Rs. 3 billion data center.", "'Rs. 3 billion' in \"rupees with 'Sri"),
        ("The Nepali firm raised 5 billion rupees.", "'5 billion rupees' in \"rupees with 'Nep"),
    ],
)
def test_rupees_beside_another_country_than_india_are_no_inr(text: str, shown: str) -> None:
    with pytest.warns(AmbiguousNumberWarning, match=re.escape(shown)) as caught:
        found = find_figures(text)
    assert found.empty
    assert "and rupees would be Indian rupees (INR)" in str(caught[0].message)


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        ("India's Yotta will invest Rs 5,000 crore in Mumbai.", "Rs 5,000 crore"),
        # India's own sign or code, or the word Indian, say which rupee it is
        ("An Indian firm will invest INR 5 billion in Nepal.", "INR 5 billion"),
        ("A ₹500 crore data centre near Kathmandu.", "₹500 crore"),
        ("It will put 5 billion Indian rupees into Sri Lanka.", "5 billion Indian rupees"),
        # another sentence's country is not this amount's
        ("Yotta will invest Rs 500 crore. Pakistan's PTCL plans more.", "Rs 500 crore"),
    ],
)
def test_rupees_of_india_stay_inr(text: str, figure: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = find_figures(text)
    assert found["figure"].tolist() == [figure]
    assert found["unit"].str.startswith("INR").all()
