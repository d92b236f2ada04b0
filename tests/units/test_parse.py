"""parse_quantity on figures as they are written in news, filings and reports.

The table holds real phrasings: every figure form in shared/reference/idc_sources.md (the
section is named in the comment) plus the usual English and Chinese variants. Expected
values are read off the text by hand: the parser keeps the magnitude as written.
"""

from __future__ import annotations

import re

import pytest

from idcforecast.errors import ParseError, UnknownUnitError
from idcforecast.text_figures import find_figures
from idcforecast.units import Quantity, parse_quantity

EXACT, AT_LEAST, AT_MOST, APPROX = "exact", "at_least", "at_most", "approximately"

# (text, value, unit, qualifier, (low, high) or None)
PHRASINGS: list[tuple[str, float, str, str, tuple[float, float] | None]] = [
    # section 1: China IDC market, CIDC overall scope
    ("210.5億元人民幣", 210.5, "CNY 100m", EXACT, None),
    ("23.2%", 23.2, "%", EXACT, None),
    ("51.86 billion yuan", 51.86, "CNY bn", EXACT, None),
    ("714.5億元", 714.5, "CNY 100m", EXACT, None),
    ("同比增長33.77%", 33.77, "%", EXACT, None),
    ("1228億元", 1228, "CNY 100m", EXACT, None),
    ("1562.5億元", 1562.5, "CNY 100m", EXACT, None),
    ("1,562.5亿元", 1562.5, "CNY 100m", EXACT, None),
    ("１５６２．５亿元", 1562.5, "CNY 100m", EXACT, None),
    ("2238.7亿元", 2238.7, "CNY 100m", EXACT, None),
    ("同比增长43.3%", 43.3, "%", EXACT, None),
    ("+43.3%", 43.3, "%", EXACT, None),
    ("3012.7亿元", 3012.7, "CNY 100m", EXACT, None),
    ("同比增长34.6%", 34.6, "%", EXACT, None),
    ("5,078.3亿元", 5078.3, "CNY 100m", EXACT, None),
    ("增长25.6%", 25.6, "%", EXACT, None),
    ("≈ 372.3亿元", 372.3, "CNY 100m", APPROX, None),
    # section 2: published forecasts and claims
    ("> 3200.5 亿元", 3200.5, "CNY 100m", AT_LEAST, None),
    ("3200.5亿元", 3200.5, "CNY 100m", EXACT, None),
    ("3200.5 billion yuan", 3200.5, "CNY bn", EXACT, None),  # the source's mistranslation
    ("27.8 percent", 27.8, "%", EXACT, None),
    ("320 billion yuan", 320, "CNY bn", EXACT, None),
    ("超过2000亿元", 2000, "CNY 100m", AT_LEAST, None),
    ("1293.5 亿元", 1293.5, "CNY 100m", EXACT, None),
    ("US$17.8 bn", 17.8, "USD bn", EXACT, None),
    ("CAGR 18.9%", 18.9, "%", EXACT, None),
    ("US$67.9 bn", 67.9, "USD bn", EXACT, None),
    ("2407 亿元", 2407, "CNY 100m", EXACT, None),
    ("+26.68%", 26.68, "%", EXACT, None),
    # section 3: other scopes
    ("> 1500 亿元", 1500, "CNY 100m", AT_LEAST, None),
    ("> 2200 亿元", 2200, "CNY 100m", AT_LEAST, None),
    ("1368 亿元", 1368, "CNY 100m", EXACT, None),
    # section 4: capacity and global counts
    ("265.8万标准机架", 265.8, "racks 10k", EXACT, None),
    ("超过520万标准机架", 520, "racks 10k", AT_LEAST, None),
    ("> 520万架", 520, "racks 10k", AT_LEAST, None),
    ("近760万架", 760, "racks 10k", AT_MOST, None),  # zhnum30: "nearly", a little under
    ("1085万架", 1085, "racks 10k", EXACT, None),
    ("19 million servers", 19, "servers mn", EXACT, None),
    ("1900万台服务器", 1900, "servers 10k", EXACT, None),
    ("> 140 EFLOPS", 140, "EFLOPS", AT_LEAST, None),
    ("140 EFLOPS", 140, "EFLOPS", EXACT, None),
    ("788 EFLOPS", 788, "EFLOPS", EXACT, None),
    ("504", 504, "count", EXACT, None),
    ("1189 data centers", 1189, "count", EXACT, None),
    # section 5: electricity
    ("about 415 TWh", 415, "TWh", APPROX, None),
    ("≈ 945 TWh", 945, "TWh", APPROX, None),
    ("460 TWh", 460, "TWh", EXACT, None),
    ("325–580 TWh", 452.5, "TWh", EXACT, (325, 580)),
    ("620-1 050 TWh", 835, "TWh", EXACT, (620, 1050)),
    ("6.7–12%", 9.35, "%", EXACT, (6.7, 12)),
    # section 6: exchange rates (bare numbers are counts)
    ("6.9042", 6.9042, "count", EXACT, None),
    # section 7: companies and investments
    ("500 billion yuan", 500, "CNY bn", EXACT, None),
    ("US$70 billion", 70, "USD bn", EXACT, None),
    ("$71.2 billion", 71.2, "USD bn", EXACT, None),
    ("more than 1 million servers", 1, "servers mn", AT_LEAST, None),
    ("a million servers", 1, "servers mn", EXACT, None),
    ("200 billion yuan", 200, "CNY bn", EXACT, None),
    ("more than $7.5 billion", 7.5, "USD bn", AT_LEAST, None),
    ("RMB 5,739.0 million", 5739, "CNY mn", EXACT, None),
    ("RMB 4,829,019 thousand", 4829019, "CNY thousand", EXACT, None),
    ("4,829,019 thousand", 4829019, "count thousand", EXACT, None),
    ("US$5.999 billion", 5.999, "USD bn", EXACT, None),
    ("$8.793–$8.893 billion", 8.843, "USD bn", EXACT, (8.793, 8.893)),
    # section 8: driver assumptions (the amounts; rates per unit are refused, see below)
    ("RMB 50 m", 50, "CNY mn", EXACT, None),
    ("about 7000亿元", 7000, "CNY 100m", APPROX, None),
    ("7000亿元", 7000, "CNY 100m", EXACT, None),
    ("~810万架", 810, "racks 10k", APPROX, None),
    ("1400万架", 1400, "racks 10k", EXACT, None),
    ("约11.9万元", 11.9, "CNY 10k", APPROX, None),
    ("at most 40亿元", 40, "CNY 100m", AT_MOST, None),
    ("40亿元", 40, "CNY 100m", EXACT, None),
    ("about 25,000 racks", 25000, "racks", APPROX, None),
    ("6–8.4 kW", 7.2, "kW", EXACT, (6, 8.4)),
    ("2.5kW", 2.5, "kW", EXACT, None),
    ("US$9.3–15.0 m", 12.15, "USD mn", EXACT, (9.3, 15.0)),
    ("RMB 20–50 m", 35, "CNY mn", EXACT, (20, 50)),
    ("5–12.5万元", 8.75, "CNY 10k", EXACT, (5, 12.5)),
    ("9,371 yuan", 9371, "CNY", EXACT, None),
    ("5.2万元", 5.2, "CNY 10k", EXACT, None),
    ("US$184.06", 184.06, "USD", EXACT, None),
    ("52.8%", 52.8, "%", EXACT, None),
    ("超过55%", 55, "%", AT_LEAST, None),
    ("65–68%", 66.5, "%", EXACT, (65, 68)),
    ("+3.9 percentage points", 3.9, "pp", EXACT, None),
    ("+3.9个百分点", 3.9, "pp", EXACT, None),
    ("≥ 60%", 60, "%", AT_LEAST, None),
    ("~95%", 95, "%", APPROX, None),
    ("5–10 kW", 7.5, "kW", EXACT, (5, 10)),
    ("20–130 kW", 75, "kW", EXACT, (20, 130)),
    # section 8 rates per unit
    ("US$7.11 m per MW", 7.11, "USD mn/MW", EXACT, None),
    ("about RMB 50 m/MW", 50, "CNY mn/MW", APPROX, None),
    ("RMB ~47 m/MW", 47, "CNY mn/MW", APPROX, None),
    ("at most RMB 19–27 m per MW", 23, "CNY mn/MW", AT_MOST, (19, 27)),
    ("US$9.3–15.0 m per MW", 12.15, "USD mn/MW", EXACT, (9.3, 15.0)),
    ("US$15.2 per watt", 15.2, "USD/W", EXACT, None),
    ("RMB 20–50 m per MW", 35, "CNY mn/MW", EXACT, (20, 50)),
    ("about 11.9万元 per standard rack", 11.9, "CNY 10k/racks", APPROX, None),
    ("11.9万元每架", 11.9, "CNY 10k/racks", EXACT, None),
    ("5.2万元 per rack per year", 5.2, "CNY 10k/racks/year", EXACT, None),
    ("US$184.06 per kW per month", 184.06, "USD/kW/month", EXACT, None),
    ("about 3.7 servers per rack", 3.7, "servers/racks", APPROX, None),
    # section 9: font sizes
    ("17 MB", 17, "MB", EXACT, None),
    # other real phrasings, English
    ("US$ 70bn", 70, "USD bn", EXACT, None),
    ("¥500bn", 500, "CNY bn", EXACT, None),
    ("0.45 trillion yuan", 0.45, "CNY tn", EXACT, None),
    ("12 GW", 12, "GW", EXACT, None),
    ("around 2 GW", 2, "GW", APPROX, None),
    ("nearly 200 MW", 200, "MW", AT_MOST, None),  # zhnum30: was "approximately"
    ("less than 5%", 5, "%", AT_MOST, None),
    ("under 1,000 racks", 1000, "racks", AT_MOST, None),
    ("< 30 PFLOPS", 30, "PFLOPS", AT_MOST, None),
    ("at least 3 EB", 3, "EB", AT_LEAST, None),
    ("1 050", 1050, "count", EXACT, None),
    ("-3.2%", -3.2, "%", EXACT, None),
    ("\u22123.2%", -3.2, "%", EXACT, None),  # typographic minus sign
    ("27.8 per cent", 27.8, "%", EXACT, None),
    ("CAGR of 27.8%", 27.8, "%", EXACT, None),
    ("over 500 MW", 500, "MW", AT_LEAST, None),
    ("8 EFLOPS plus", 8, "EFLOPS", AT_LEAST, None),
    ("down 3.2%", -3.2, "%", EXACT, None),
    ("1,000 MW or more", 1000, "MW", AT_LEAST, None),
    ("EUR 2.5 bn", 2.5, "EUR bn", EXACT, None),
    ("HK$3.2 billion", 3.2, "HKD bn", EXACT, None),
    ("500 million to 1.2 billion USD", 0.85, "USD bn", EXACT, (0.5, 1.2)),
    ("5 to 7 GWh", 6, "GWh", EXACT, (5, 7)),
    ("$5 million to $1.2 billion", 0.6025, "USD bn", EXACT, (0.005, 1.2)),
    ("800 MW to 1.2 GW", 1.0, "GW", EXACT, (0.8, 1.2)),
    # other real phrasings, Chinese
    ("逾2000亿元", 2000, "CNY 100m", AT_LEAST, None),
    ("1.2万亿元", 1.2, "CNY tn", EXACT, None),
    ("2,500亿千瓦时", 2500, "kWh 100m", EXACT, None),
    ("1500亿度", 1500, "kWh 100m", EXACT, None),
    ("不到10%", 10, "%", AT_MOST, None),
    ("100万千瓦", 100, "kW 10k", EXACT, None),
    ("300万台左右", 300, "servers 10k", APPROX, None),
    ("1900多万台", 1900, "servers 10k", AT_LEAST, None),
    ("2000余亿元", 2000, "CNY 100m", AT_LEAST, None),
    ("60%以上", 60, "%", AT_LEAST, None),
    ("不低于65%", 65, "%", AT_LEAST, None),
    ("1.5亿美元", 1.5, "USD 100m", EXACT, None),
    ("百分之27.8", 27.8, "%", EXACT, None),
    ("同比下降3.2%", -3.2, "%", EXACT, None),
    ("8.5千万元", 8.5, "CNY 10m", EXACT, None),
    ("3个数据中心", 3, "count", EXACT, None),
    # text53: Japanese "more than" after the figure was an unknown unit ('超')
    ("2兆円超", 2, "JPY tn", AT_LEAST, None),
    ("1000億円超え", 1000, "JPY 100m", AT_LEAST, None),
    ("3兆円余り", 3, "JPY tn", AT_LEAST, None),
    ("2兆円強", 2, "JPY tn", AT_LEAST, None),
    ("5兆円弱", 5, "JPY tn", AT_MOST, None),
    ("2兆円を超える", 2, "JPY tn", AT_LEAST, None),
    ("1000億円を上回る", 1000, "JPY 100m", AT_LEAST, None),
    ("5%未満", 5, "%", AT_MOST, None),
    ("2兆円程度", 2, "JPY tn", APPROX, None),
    ("2兆円前後", 2, "JPY tn", APPROX, None),
    # text53: Japanese average annual growth rate was an unknown unit
    ("年平均成長率12%", 12, "%", EXACT, None),
    ("年平均成長率は12%", 12, "%", EXACT, None),
    # text53: a verb before the level reached was an unknown unit ('to', '放缓至'); the
    # figure is the level, 5% ("fell 5%", no "to", stays a change of -5%)
    ("fell to 5%", 5, "%", EXACT, None),
    ("Rose to 5%", 5, "%", EXACT, None),
    ("reached $5bn", 5, "USD bn", EXACT, None),
    ("increased to 5 GW", 5, "GW", EXACT, None),
    ("slowed to 5%", 5, "%", EXACT, None),
    ("增速放缓至5%", 5, "%", EXACT, None),
    ("回落至1.3%", 1.3, "%", EXACT, None),
    ("fell 5%", -5, "%", EXACT, None),
]


def test_the_table_is_large_enough() -> None:
    assert len(PHRASINGS) >= 60
    assert len({row[0] for row in PHRASINGS}) == len(PHRASINGS)  # no duplicate text


@pytest.mark.parametrize(("text", "value", "unit", "qualifier", "bounds"), PHRASINGS)
def test_phrasing(
    text: str, value: float, unit: str, qualifier: str, bounds: tuple[float, float] | None
) -> None:
    q = parse_quantity(text)
    assert q.value == pytest.approx(value, rel=1e-12)
    assert q.unit == unit
    assert q.qualifier == qualifier
    if bounds is None:
        assert (q.low, q.high) == (None, None)
    else:
        assert (q.low, q.high) == pytest.approx(bounds, rel=1e-12)
    assert q.text == text
    assert q.alternate is None


@pytest.mark.parametrize(
    ("text", "main", "alternate"),
    [
        # section 7: the seed article
        ("500 billion yuan ($71.2 billion)", Quantity(500, "CNY bn"), Quantity(71.2, "USD bn")),
        # section 2: IDC Corp, full-width parentheses as Chinese text writes them
        ("1293.5 亿元（US$17.8 bn）", Quantity(1293.5, "CNY 100m"), Quantity(17.8, "USD bn")),
        # section 5: a share in parentheses is kept too; its unit says what it is
        ("176 TWh (4.4%)", Quantity(176, "TWh"), Quantity(4.4, "%")),
        (
            "325–580 TWh (6.7–12%)",
            Quantity(452.5, "TWh", low=325, high=580),
            Quantity(9.35, "%", low=6.7, high=12),
        ),
        (
            "more than 1 million servers (about 400 MW)",
            Quantity(1, "servers mn", qualifier="at_least"),
            Quantity(400, "MW", qualifier="approximately"),
        ),
    ],
)
def test_parenthesised_alternate(text: str, main: Quantity, alternate: Quantity) -> None:
    q = parse_quantity(text)
    assert q == Quantity(
        main.value,
        main.unit,
        low=main.low,
        high=main.high,
        qualifier=main.qualifier,
        alternate=alternate,
    )
    assert q.alternate is not None and q.alternate.alternate is None


def test_text_is_kept_but_not_compared() -> None:
    assert parse_quantity("1,562.5亿元") == parse_quantity("1562.5 CNY 100m")
    assert parse_quantity(" 1,562.5亿元 ").text == " 1,562.5亿元 "


FIGURE_HELP = (
    "expected [qualifier] NUMBER [magnitude] [unit], e.g. '1,562.5亿元', 'US$70 billion', "
    "'more than 1 million servers'"
)


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("", "empty text"),
        (
            "亿千瓦时",
            "a magnitude word ('亿') with no number before it; write the number in digits, "
            "e.g. '1000亿元' or '3千亿元' (a bound as '超过1000亿元'; '上千亿元' and "
            "'超千亿元' are read as at least 1千亿元)",
        ),
        ("market size", "no number found"),
        # Chinese numerals read ("二千亿元", "三千五百亿元"); a name is no number, and
        # the error says how to write one
        (
            "十四五亿元",
            "a Chinese numeral that is no number (a name such as '十四五', an idiom, a "
            "lone digit); write the number in digits, e.g. '3500亿元'",
        ),
        (
            "27,8%",
            "a comma that does not separate groups of three digits; write thousands as "
            "'1,562.5' and the decimal point as '.' (a table written with decimal commas: "
            "read_series(..., decimal=','))",
        ),
        (
            "1,56,250 racks",
            "a comma that does not separate groups of three digits; write "
            "thousands as '1,562.5' and the decimal point as '.' (a table written with "
            "decimal commas: read_series(..., decimal=','))",
        ),
        ("580–325 TWh", "a range whose low end 580 is above its high end 325"),
        (
            "5 MW to 7 TWh",
            "the two ends of the range have different units ('MW' and 'TWh'); write both "
            "ends in one unit",
        ),
        (
            "US$5–HK$7 bn",
            "the two ends of the range have different units ('USD' and 'HKD'); write both "
            "ends in one unit",
        ),
        # (text54: "超过约500亿元" reads now, at least 500亿元; a bound and its opposite do not)
        ("超过不到500亿元", "two qualifiers disagree ('at_least' and 'at_most' from '不到')"),
        (
            "增长500亿元",
            "a growth word with an amount: growth is read only as a rate in % or "
            "percentage points; drop the word to read the amount itself",
        ),
        ("(71.2 USD bn)", "a closing ')' without a figure before its '('"),
        ("500 CNY bn ((71.2 USD bn))", "nested parentheses"),
    ],
)
def test_unreadable_text(text: str, found: str) -> None:
    message = f"cannot read {text!r} as a figure: {found}; {FIGURE_HELP}"
    with pytest.raises(ParseError, match=re.escape(message)) as info:
        parse_quantity(text)
    assert str(info.value) == message
    assert info.value.text == text


def test_an_article_is_one_only_before_a_magnitude() -> None:
    assert parse_quantity("a billion dollars").value == 1.0
    assert parse_quantity("one million servers").value == 1.0
    # "a 500 MW campus" must never become "1 500 MW" (space as a thousands separator)
    with pytest.raises(UnknownUnitError, match=re.escape("('a' is no known unit")):
        parse_quantity("a 500 MW campus")


def test_alternate_that_is_not_a_figure() -> None:
    text = "500 billion yuan (over five years)"
    inner = "cannot read 'over five years' as a figure: no number found; " + FIGURE_HELP
    message = (
        f"cannot read {text!r} as a figure: the text in parentheses, 'over five years', "
        f"is not a figure ({inner}); {FIGURE_HELP}"
    )
    with pytest.raises(ParseError) as info:
        parse_quantity(text)
    assert str(info.value) == message


def test_not_text() -> None:
    message = (
        "cannot read 1562.5 as a figure: expected text, found float; for a plain number use "
        "convert(x, unit, from_unit=...) or Quantity(x, unit)"
    )
    with pytest.raises(ParseError, match=re.escape(message)):
        parse_quantity(1562.5)  # type: ignore[arg-type]


def test_unknown_unit_suggests_the_canonical_spelling() -> None:
    message = (
        "in figure '5 bnUSD': unit 'bnUSD' is not defined ('bnUSD' is no known unit, "
        "magnitude or currency); did you mean 'USD bn'?"
    )
    with pytest.raises(UnknownUnitError) as info:
        parse_quantity("5 bnUSD")
    assert str(info.value) == message
    assert (info.value.suggestion, info.value.unknown, info.value.text) == (
        "USD bn",
        "bnUSD",
        "5 bnUSD",
    )
    assert isinstance(info.value, KeyError)


def test_trailing_words_are_an_unknown_unit_not_a_silent_drop() -> None:
    message = (
        "in figure '320 billion yuan in 2022': unit 'billion yuan in 2022' is not defined "
        "('in' is no known unit, magnitude or currency); expected a currency, magnitude or "
        "unit listed in idcforecast/units/units.txt (e.g. 'CNY 100m', 'USD bn', 'MW', 'racks')"
    )
    with pytest.raises(UnknownUnitError) as info:
        parse_quantity("320 billion yuan in 2022")
    assert str(info.value) == message


def test_unknown_denominator() -> None:
    message = (
        "in figure '5.2万元 per used rack per year': unit '万元 per used rack per year' is "
        "not defined ('used' is no known unit, magnitude or currency); expected a currency, "
        "magnitude or unit listed in idcforecast/units/units.txt (e.g. 'CNY 100m', 'USD bn', "
        "'MW', 'racks')"
    )
    with pytest.raises(UnknownUnitError) as info:
        parse_quantity("5.2万元 per used rack per year")
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            "US$3 per 万架",
            "in figure 'US$3 per 万架': unit 'US$ per 万架': 'racks 10k' cannot follow 'per' "
            "or '/'; expected one physical unit or time unit without a magnitude (e.g. 'per "
            "MW', '/kW/month', 'per rack'); write the rate per single unit",
        ),
        (
            "5 servers per US$",
            "in figure '5 servers per US$': unit 'servers per US$': 'USD' cannot follow 'per' "
            "or '/'; expected one physical unit or time unit without a magnitude (e.g. 'per "
            "MW', '/kW/month', 'per rack'); write the rate per single unit",
        ),
        (
            "US$7.11 m per",
            "in figure 'US$7.11 m per': unit 'US$ m per': nothing after 'per' or '/'; "
            "expected a unit such as 'MW', 'kW', 'racks' or 'month'",
        ),
    ],
)
def test_bad_rates(text: str, message: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_quantity(text)
    assert str(info.value) == message


@pytest.mark.parametrize(
    ("text", "found"),
    [
        # were UnknownUnitError "unit '.567 yuan' is not defined" and "unit 'e3 MW' ..."
        (
            "1.234.567 yuan",
            "a second decimal point; write thousands as '1,234,567' and the decimal point as '.'",
        ),
        (
            "1e3 MW",
            "scientific notation; write the number out ('1000 MW') or with a magnitude word "
            "('1 thousand MW', '1亿元')",
        ),
    ],
)
def test_number_shapes_the_parser_does_not_read_are_named(text: str, found: str) -> None:
    message = f"cannot read {text!r} as a figure: {found}; expected [qualifier] NUMBER"
    with pytest.raises(ParseError, match=re.escape(message)):
        parse_quantity(text)


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        # uat11: news wording that was refused; the verbs qualify nothing, 突破 ("breaks
        # through") is a floor, 约合 ("about, converted") and "c." are approximate
        ("突破1000亿元", 1000.0, "CNY 100m", "at_least"),
        ("达到1000亿元", 1000.0, "CNY 100m", "exact"),
        ("将达3200亿元", 3200.0, "CNY 100m", "exact"),
        ("将达约3200亿元", 3200.0, "CNY 100m", "approximately"),
        ("高达5 GW", 5.0, "GW", "exact"),
        ("约合712亿美元", 712.0, "USD 100m", "approximately"),
        ("c. 5 GW", 5.0, "GW", "approximately"),
    ],
)
def test_news_verbs_before_a_figure(text: str, value: float, unit: str, qualifier: str) -> None:
    q = parse_quantity(text)
    assert (q.value, q.unit, q.qualifier) == (value, unit, qualifier)


def test_an_alternate_given_as_about_converted() -> None:
    # 5000亿元（约合712亿美元）: Tencent's pledge as Chinese news write it
    q = parse_quantity("5000亿元（约合712亿美元）")
    assert (q.value, q.unit) == (5000.0, "CNY 100m")
    assert q.alternate is not None
    assert (q.alternate.value, q.alternate.unit, q.alternate.qualifier) == (
        712.0,
        "USD 100m",
        "approximately",
    )


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        # uat11: refused wordings; "+" after a figure is "or more", 个 a measure word,
        # MM / mil are millions (US filings), 负增长 ("negative growth") a fall
        ("5+ GW", 5.0, "GW", "at_least"),
        ("1 million+ servers", 1.0, "servers mn", "at_least"),
        ("1,000+ racks", 1000.0, "racks", "at_least"),
        ("20万个机架", 20.0, "racks 10k", "exact"),
        ("$5MM", 5.0, "USD mn", "exact"),
        ("$5 mil", 5.0, "USD mn", "exact"),
        ("负增长3%", -3.0, "%", "exact"),
    ],
)
def test_more_wordings_analysts_paste(text: str, value: float, unit: str, qualifier: str) -> None:
    q = parse_quantity(text)
    assert (q.value, q.unit, q.qualifier) == (value, unit, qualifier)


def test_between_x_and_y_is_a_range() -> None:
    # uat11: "between 300 and 340 billion yuan" was refused ("unit 'between and 340 ...'")
    q = parse_quantity("between 300 and 340 billion yuan")
    assert (q.value, q.unit, q.low, q.high) == (320.0, "CNY bn", 300.0, 340.0)


# -- polish17: wordings refused before ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # a growth word after the rate; "CAGR of 27.8%" already read
        ("27.8% CAGR", 27.8, "%"),
        ("27.8 % cagr", 27.8, "%"),
        ("5% yoy", 5.0, "%"),
        ("up 5% yoy", 5.0, "%"),  # two words of one sign: +1 x +1
        ("3% decline", -3.0, "%"),
        ("down 3% yoy", -3.0, "%"),  # -1 x +1
        ("1.5 pp growth", 1.5, "pp"),
    ],
)
def test_a_growth_word_after_the_rate(text: str, value: float, unit: str) -> None:
    q = parse_quantity(text)
    assert (q.value, q.unit, q.qualifier) == (value, unit, EXACT)


def test_a_trailing_growth_word_on_an_amount_is_refused() -> None:
    with pytest.raises(ParseError, match="a growth word with an amount"):
        parse_quantity("300 billion yuan growth")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # the accountants' negative with a unit: read_series read "(12.5)" as -12.5
        ("(12.5)亿元", -12.5, "CNY 100m"),
        ("(12.5)", -12.5, "count"),
        ("(5.0)%", -5.0, "%"),
        ("$(12.5) bn", -12.5, "USD bn"),
        ("RMB (1,234.5) million", -1234.5, "CNY mn"),
    ],
)
def test_an_accounting_negative_with_its_unit(text: str, value: float, unit: str) -> None:
    q = parse_quantity(text)
    assert (q.value, q.unit, q.alternate) == (value, unit, None)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # a money cell in brackets, currency first, as financial tables write a loss, and a
        # minus before the currency: UnknownUnitError ('-$') or ParseError before, while
        # "$-1,400" and "(12.5)亿元" read; read_series reads such cells as negatives
        ("($1,400)", -1400.0, "USD"),
        ("(US$1.4 billion)", -1.4, "USD bn"),
        ("-$1,400", -1400.0, "USD"),
        ("-US$1.4 billion", -1.4, "USD bn"),
        ("\u2212$1.4bn", -1.4, "USD bn"),  # the typographic minus sign
        ("-¥500亿", -500.0, "CNY 100m"),
    ],
)
def test_a_negative_money_figure_with_its_currency_first(
    text: str, value: float, unit: str
) -> None:
    q = parse_quantity(text)
    assert (q.value, q.unit, q.text) == (value, unit, text)


def test_only_a_currency_makes_a_bracketed_figure_negative() -> None:
    # "(500 MW)" has no figure before its brackets and no currency: still an error, and a
    # dash with a space ("- $3 bn") is no minus sign
    with pytest.raises(ParseError, match="a closing '\\)' without a figure"):
        parse_quantity("(500 MW)")
    with pytest.raises(UnknownUnitError):
        parse_quantity("- $3 bn")


def test_find_figures_reads_a_bracketed_amount_in_prose_as_an_aside() -> None:
    # in a sentence "(US$12 billion)" is an aside, +12 USD bn, never the accountants'
    # negative parse_quantity reads in a cell; "-$1.4 billion" is a negative there too
    found = find_figures("China Mobile (US$12 billion) leads. Net income was -$1.4 billion.")
    assert list(zip(found["value"], found["unit"], strict=True)) == [
        (12.0, "USD bn"),
        (-1.4, "USD bn"),
    ]


def test_a_figure_in_brackets_after_one_is_still_its_alternate() -> None:
    q = parse_quantity("500 billion yuan ($71.2 billion)")
    assert (q.value, q.alternate.value, q.alternate.unit) == (500.0, 71.2, "USD bn")
    # a word that is no unit before the bracket is no accounting negative
    with pytest.raises(ParseError, match="no number found"):
        parse_quantity("CAGR (27.8%)")


@pytest.mark.parametrize(
    ("text", "unit", "qualifier", "in_100m"),
    [
        # 上千亿元 = "more than a thousand 亿": at least 1 x 千亿 = 1 x 1e11 yuan = 1000亿元
        ("上千亿元", "CNY 100bn", AT_LEAST, 1000.0),
        ("超千亿元", "CNY 100bn", AT_LEAST, 1000.0),
        ("近千亿元", "CNY 100bn", AT_MOST, 1000.0),  # nearly: at most (zhnum30)
        ("不足千亿元", "CNY 100bn", AT_MOST, 1000.0),
        # 上万台 = more than ten thousand servers: 1 x 万
        ("上万台", "servers 10k", AT_LEAST, None),
    ],
)
def test_a_qualified_magnitude_without_digits_is_one(
    text: str, unit: str, qualifier: str, in_100m: float | None
) -> None:
    q = parse_quantity(text)
    assert (q.value, q.unit, q.qualifier) == (1.0, unit, qualifier)
    if in_100m is not None:
        assert q.to("CNY 100m").value == in_100m


@pytest.mark.parametrize(("text", "words"), [("千亿元", "千亿"), ("数千亿元", "数千亿")])
def test_a_magnitude_without_a_number_or_qualifier_is_an_error(text: str, words: str) -> None:
    found = (
        f"a magnitude word ({words!r}) with no number before it; write the number in digits, "
        "e.g. '1000亿元' or '3千亿元' (a bound as '超过1000亿元'; '上千亿元' and '超千亿元' "
        "are read as at least 1千亿元)"
    )
    with pytest.raises(ParseError) as info:
        parse_quantity(text)
    assert str(info.value) == f"cannot read {text!r} as a figure: {found}; {FIGURE_HELP}"


@pytest.mark.parametrize("text", ["CNH 5bn", "5bn CNH", "offshore RMB 5 bn"])
def test_cnh_is_its_own_currency_never_cny(text: str) -> None:
    q = parse_quantity(text)
    assert (q.value, q.unit) == (5.0, "CNH bn")
    assert parse_quantity("RMB 5 bn").unit == "CNY bn"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        ("2 Mrd. Euro", 2.0, "EUR bn"),  # German Milliarde: 1e9
        ("1.5 Milliarden Euro", 1.5, "EUR bn"),
        ("4 milliards euros", 4.0, "EUR bn"),  # French milliard: 1e9
        ("EUR 3.5 Mio.", 3.5, "EUR mn"),  # German Million, abbreviated with a full stop
    ],
)
def test_european_magnitude_words(text: str, value: float, unit: str) -> None:
    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit) == (value, unit)


# -- units24: a Chinese range whose low end shares the high end's compound magnitude -----


@pytest.mark.parametrize(
    ("text", "unit", "low", "high"),
    [
        # 1.5万-2万亿元 is 1.5万亿 to 2万亿 yuan (was 1.5万 yuan = 1.5e-8 万亿 to 2万亿)
        ("1.5万-2万亿元", "CNY tn", 1.5, 2.0),
        ("1.5萬-2萬億元", "CNY tn", 1.5, 2.0),
        ("1万至2万亿元", "CNY tn", 1.0, 2.0),
        ("20万-25万亿元", "CNY tn", 20.0, 25.0),
        ("1万-2万亿千瓦时", "kWh tn", 1.0, 2.0),
        # 2千-3千亿元 is 2千亿 to 3千亿 (was 2千 yuan = 2e-8 千亿)
        ("2千-3千亿元", "CNY 100bn", 2.0, 3.0),
        # 3千-5千万元 is 3千万 to 5千万 (was 3千 yuan = 3e-4 千万)
        ("3千-5千万元", "CNY 10m", 3.0, 5.0),
        # 8千-1万亿元: 8千亿 to 1万亿; 8千亿 = 0.8万亿
        ("8千-1万亿元", "CNY tn", 0.8, 1.0),
        # each end with its own whole magnitude word is read as written
        ("5千万-1亿元", "CNY 100m", 0.5, 1.0),  # 5千万 = 0.5亿
        ("500万-1千万元", "CNY 10m", 0.5, 1.0),  # 500万 = 0.5千万
        ("300万-500万元", "CNY 10k", 300.0, 500.0),
        ("1.5万亿-2万亿元", "CNY tn", 1.5, 2.0),
    ],
)
def test_a_chinese_range_shares_the_compound_magnitude(
    text: str, unit: str, low: float, high: float
) -> None:
    q = parse_quantity(text)
    assert q.unit == unit
    assert (q.low, q.high) == pytest.approx((low, high), rel=1e-12)
    assert q.value == pytest.approx((low + high) / 2, rel=1e-12)


def test_a_low_end_with_a_larger_word_of_its_own_is_read_as_written() -> None:
    # 1.5亿 already holds 亿: 1.5亿 / 1万亿 = 0.00015 万亿, not 1.5万亿
    q = parse_quantity("1.5亿-2万亿元")
    assert (q.unit, q.high) == ("CNY tn", 2.0)
    assert q.low == pytest.approx(1.5e8 / 1e12, rel=1e-12)


@pytest.mark.parametrize(
    ("text", "qualifier"),
    [
        # units24: refused here, and find_figures dropped the word and read an exact figure
        ("最高500亿元", AT_MOST),  # "up to"
        ("最高可达500亿元", AT_MOST),
        ("最低500亿元", AT_LEAST),
        ("最少500亿元", AT_LEAST),
        ("不止500亿元", AT_LEAST),  # "more than"
        ("超出500亿元", AT_LEAST),  # was 超 + an unknown unit '出 亿元'
        ("逼近500亿元", AT_MOST),  # "approaching" (from below; zhnum30, was approximately)
        ("几近500亿元", AT_MOST),
        ("可达500亿元", EXACT),  # "can reach": a verb
        ("an estimated 500 billion yuan", APPROX),
        ("exceeding 500 billion yuan", AT_LEAST),
        ("surpassing 500 billion yuan", AT_LEAST),
        ("just over 500 billion yuan", AT_LEAST),
        ("just under 500 billion yuan", AT_MOST),
        ("as much as 500 billion yuan", AT_MOST),
        # zhnum30: "nearly" and its Chinese words are a little under the figure: at most
        # (they read "approximately"); words that were unknown units before
        ("近500亿元", AT_MOST),
        ("将近500亿元", AT_MOST),
        ("接近500亿元", AT_MOST),
        ("几乎500亿元", AT_MOST),
        ("nearly 500 billion yuan", AT_MOST),
        ("almost 500 billion yuan", AT_MOST),
        ("just shy of 500 billion yuan", AT_MOST),
        ("多达500亿元", AT_MOST),  # "as many as"
        ("不下于500亿元", AT_LEAST),  # "no less than"
        ("north of 500 billion yuan", AT_LEAST),
        ("upward of 500 billion yuan", AT_LEAST),
        ("差不多500亿元", APPROX),  # "about"
        ("大致500亿元", APPROX),
        ("约500亿元", APPROX),
        ("close to 500 billion yuan", APPROX),  # either side of it
        ("逾500亿元", AT_LEAST),
        ("不到500亿元", AT_MOST),
        # a denied "more than" is at most: find_figures read "超过500亿元" of "未超过500亿元"
        # (has not exceeded) as at least, the bound turned round
        ("未超过500亿元", AT_MOST),
        ("没有超过500亿元", AT_MOST),
        ("不超500亿元", AT_MOST),
        ("未达到500亿元", AT_MOST),  # has not reached
        ("不及500亿元", AT_MOST),  # falls short of
        ("did not exceed 500 billion yuan", AT_MOST),
        ("not to exceed 500 billion yuan", AT_MOST),
    ],
)
def test_more_qualifier_words(text: str, qualifier: str) -> None:
    q = parse_quantity(text)
    if qualifier != EXACT:  # find_figures keeps the word and its reading
        found = find_figures(f"2025年{text}。" if text[0] > "~" else f"In 2025, {text}.")
        assert (found["figure"].tolist(), found["qualifier"].tolist()) == ([text], [qualifier])
    assert (q.value, q.qualifier) == (500.0, qualifier)
    assert q.unit in ("CNY 100m", "CNY bn")


def test_find_figures_keeps_these_qualifiers() -> None:
    from idcforecast.text_figures import find_figures

    table = find_figures("项目最低200亿元，不止100亿元。Revenue reached an estimated $3bn.")
    assert table["figure"].tolist() == ["最低200亿元", "不止100亿元", "an estimated $3bn"]
    assert table["qualifier"].tolist() == [AT_LEAST, AT_LEAST, APPROX]


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # units24: Indian reports write money in lakh (1e5) and crore (1e7), and a
        # lakh crore (1e5 x 1e7 = 1e12); "Rs"/"Rs." for the rupee. All were refused.
        ("₹1.2 lakh crore", 1.2, "INR tn"),
        ("Rs 1.2 lakh crore", 1.2, "INR tn"),
        ("Rs 500 crore", 500.0, "INR 10m"),
        ("Rs. 500 crore", 500.0, "INR 10m"),
        ("INR 500 cr", 500.0, "INR 10m"),
        ("Rs 50 lakhs", 50.0, "INR 100k"),
    ],
)
def test_indian_magnitudes_and_the_rupee(text: str, value: float, unit: str) -> None:
    q = parse_quantity(text)
    assert (q.value, q.unit) == (value, unit)


def test_a_lakh_crore_is_a_trillion() -> None:
    # 1.2 lakh crore = 1.2 x 1e5 x 1e7 = 1.2e12 rupees = 1,200 INR bn
    assert parse_quantity("₹1.2 lakh crore").to("INR bn").value == pytest.approx(1200.0)


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        # units24: a fall "of more than 3%" is a change of at most -3%; it was read as at
        # least -3% (the bound on the wrong side: -1% would have satisfied it)
        ("同比下降超过3%", -3.0, AT_MOST),
        ("down more than 3%", -3.0, AT_MOST),
        ("负增长超过3%", -3.0, AT_MOST),
        ("fell by less than 3%", -3.0, AT_LEAST),
        ("下降不到3%", -3.0, AT_LEAST),
        ("下降约3%", -3.0, APPROX),
        # a rise keeps its side, and a minus sign written out is the figure itself
        ("同比增长超过30%", 30.0, AT_LEAST),
        ("more than -3%", -3.0, AT_LEAST),
    ],
)
def test_a_fall_turns_its_bound_around(text: str, value: float, qualifier: str) -> None:
    q = parse_quantity(text)
    assert (q.value, q.unit, q.qualifier) == (value, "%", qualifier)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # units24: refused before ("unit '至 亿元'", "unit '了 %'", "unit '% compound ...'")
        ("增长至3200亿元", 3200.0, "CNY 100m"),  # rose to: the level reached
        ("增至3200亿元", 3200.0, "CNY 100m"),
        ("下降至3%", 3.0, "%"),  # fell to 3%: a level, not a change of -3%
        ("增长了30%", 30.0, "%"),
        ("下降了3%", -3.0, "%"),
        ("compound annual growth rate of 27.8%", 27.8, "%"),
        ("27.8% compound annual growth rate", 27.8, "%"),
    ],
)
def test_to_verbs_and_growth_phrases(text: str, value: float, unit: str) -> None:
    q = parse_quantity(text)
    assert (q.value, q.unit, q.qualifier) == (value, unit, EXACT)


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        # units24: "27.8% per year" was the unit '%/year', which no growth function and no
        # claim takes; "a year", "annually", "p.a." were refused; so were 年均/每年增长
        ("27.8% a year", 27.8, "%", EXACT),
        ("27.8% per year", 27.8, "%", EXACT),
        ("27.8% per annum", 27.8, "%", EXACT),
        ("27.8% annually", 27.8, "%", EXACT),
        ("27.8% p.a.", 27.8, "%", EXACT),
        ("20-25% a year", 22.5, "%", EXACT),
        ("more than 20% a year", 20.0, "%", AT_LEAST),
        ("年均增长27.8%", 27.8, "%", EXACT),
        ("每年增长27.8%", 27.8, "%", EXACT),
        ("复合年增长率27.8%", 27.8, "%", EXACT),
        ("提高2.5个百分点", 2.5, "pp", EXACT),
        ("降低2.5个百分点", -2.5, "pp", EXACT),
        # an amount a year stays a rate of that amount
        ("$3bn per year", 3.0, "USD bn/year", EXACT),
    ],
)
def test_a_percent_a_year_is_a_percent(text: str, value: float, unit: str, qualifier: str) -> None:
    q = parse_quantity(text)
    assert (q.value, q.unit, q.qualifier) == (value, unit, qualifier)


def test_a_percent_a_year_is_a_rate_for_the_growth_functions() -> None:
    from idcforecast.growth import implied_base

    # was IncompatibleUnitsError ("rate is a Quantity in '%/year'"); 3200 / 1.278**3 = 1533.05
    base = implied_base(parse_quantity("3200亿元"), parse_quantity("27.8% per year"), 3)
    assert base.value == pytest.approx(1533.05, abs=0.01)


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # units24: the colloquial 币 names of currencies the FX table has were refused
        # ("30亿台币" even as 30亿 servers, 台, and an unknown '币')
        ("30亿台币", "TWD 100m"),
        ("30億台幣", "TWD 100m"),
        ("30亿韩币", "KRW 100m"),
        ("30亿日币", "JPY 100m"),
        ("30亿澳币", "AUD 100m"),
        ("30亿加币", "CAD 100m"),
        ("30亿新币", "SGD 100m"),
        ("30亿卢比", "INR 100m"),
        ("30亿台", "servers 100m"),  # 台 alone still counts machines
    ],
)
def test_colloquial_currency_names(text: str, unit: str) -> None:
    q = parse_quantity(text)
    assert (q.value, q.unit) == (30.0, unit)


@pytest.mark.parametrize(
    ("text", "unit", "low", "high"),
    [
        # units24: a rate range whose low end names its amount alone was refused ("the two
        # ends of the range have different units ('CNY 10k' and 'CNY 10k/MW')")
        ("2000万-5000万元每兆瓦", "CNY 10k/MW", 2000.0, 5000.0),
        ("$2m-$5m per MW", "USD mn/MW", 2.0, 5.0),
        ("2m-5m USD/MW", "USD mn/MW", 2.0, 5.0),
        ("5千-8千元/kW/月", "CNY thousand/kW/month", 5.0, 8.0),
        # 500 million = 0.5 billion
        ("500 million to 1.2 billion USD per GW", "USD bn/GW", 0.5, 1.2),
        ("500万元-1亿元/MW", "CNY 100m/MW", 0.05, 1.0),  # 500万 = 0.05亿
    ],
)
def test_a_rate_range_with_the_amount_at_both_ends(
    text: str, unit: str, low: float, high: float
) -> None:
    q = parse_quantity(text)
    assert q.unit == unit
    assert (q.low, q.high) == pytest.approx((low, high), rel=1e-12)


@pytest.mark.parametrize(
    "text",
    [
        # units24: the alternate's lead word made it "not a figure"
        "500亿元（合71.2亿美元）",
        "500亿元（折合71.2亿美元）",
        "500亿元（相当于71.2亿美元）",
        "500亿元 (or 71.2亿美元)",
        "500亿元 (i.e. 71.2亿美元)",
    ],
)
def test_an_alternate_said_another_way(text: str) -> None:
    q = parse_quantity(text)
    assert (q.value, q.unit) == (500.0, "CNY 100m")
    assert q.alternate is not None
    assert (q.alternate.value, q.alternate.unit, q.alternate.qualifier) == (
        71.2,
        "USD 100m",
        EXACT,
    )


def test_a_word_in_parentheses_is_still_no_alternate() -> None:
    with pytest.raises(ParseError, match=re.escape("the text in parentheses, 'order'")):
        parse_quantity("500 billion yuan (order)")


def test_a_footnote_number_after_a_figure_is_no_digit() -> None:
    # NFKC turns "①" and "¹" into "1": "320①" was 3201 and "320①亿元" 3201亿元, silently
    q = parse_quantity("320①")
    assert (q.value, q.unit, q.text) == (320.0, "count", "320①")
    q = parse_quantity("1,562.5亿元 ②")
    assert (q.value, q.unit) == (1562.5, "CNY 100m")
    msg = (
        "figure: '320①亿元' holds '①' inside the figure, where it would be read as a digit; "
        "expected a footnote marker at the end of the figure ('320亿元①'), or none"
    )
    with pytest.raises(ParseError, match=re.escape(msg) + "$"):
        parse_quantity("320①亿元")
    with pytest.raises(ParseError, match=re.escape("'①' as a figure: a footnote marker")):
        parse_quantity("①")


@pytest.mark.parametrize("text", ["m2", "m²", "bn5", "万 3"])
def test_a_magnitude_word_before_the_number_is_refused(text: str) -> None:
    # "m²" (NFKC "m2") was read as 2 million and "bn5" as 5 billion: find_figures listed
    # "500 m²" as a figure "m²" of 2 million
    with pytest.raises(ParseError, match=re.escape("a magnitude word before the number")):
        parse_quantity(text)


def test_a_currency_before_the_number_still_reads() -> None:
    assert parse_quantity("USD 5bn") == parse_quantity("5bn USD")
    assert (parse_quantity("RMB 500 million").value, parse_quantity("HK$3bn").unit) == (
        500.0,
        "HKD bn",
    )


def test_a_footnote_superscript_after_a_unit_word_is_taken_off() -> None:
    q = parse_quantity("$3.2bn¹")
    assert (q.value, q.unit, q.text) == (3.2, "USD bn", "$3.2bn¹")
    # a square or a cube is an exponent only after a length ("m²"): after "bn" it is
    # footnote 2 ("$3bn²" was read as the unit "bn²" and refused)
    q = parse_quantity("$3bn²")
    assert (q.value, q.unit) == (3.0, "USD bn")


@pytest.mark.parametrize("word", ["exceed", "surpass", "surpassed", "surpasses"])
def test_verbs_of_exceeding_are_lower_bounds(word: str) -> None:
    # "exceeds" and "exceeded" were read; the other forms were unknown units
    q = parse_quantity(f"{word} $500 billion")
    assert (q.value, q.unit, q.qualifier) == (500.0, "USD bn", "at_least")


def test_floor_areas_in_square_metres_and_feet() -> None:
    # white space is a capacity figure: 1 sq ft = 0.09290304 m² (exact, by definition of
    # the foot as 0.3048 m: 0.3048² = 0.09290304); 1.2 million sq ft = 111,483.648 m²
    q = parse_quantity("1.2 million sq ft")
    assert (q.value, q.unit) == (1.2, "sqft mn")
    assert q.to("sqm").value == pytest.approx(1.2e6 * 0.09290304)
    assert parse_quantity("10万平方米").to("sqm").value == 100_000.0
    assert parse_quantity("500 m²").unit == parse_quantity("500平米").unit == "sqm"


@pytest.mark.parametrize(("text", "pre"), [("年100万", "年"), ("台100", "台"), ("MW 100", "MW")])
def test_only_a_currency_goes_before_the_number(text: str, pre: str) -> None:
    # "年100万" (of "每年约100万架") was 100万 'year', "台100" 100 servers
    with pytest.raises(ParseError, match=re.escape(f"a unit before the number ({pre!r})")):
        parse_quantity(text)
    assert parse_quantity("RMB 500").unit == "CNY"
    assert parse_quantity("百分之27.8").unit == "%"


@pytest.mark.parametrize(
    ("text", "pre", "unknown", "example"),
    [
        # text53: a verb it does not know before the number was "unit 'stood at' is not
        # defined ... expected a currency, magnitude or unit listed in units.txt", as if
        # the user had misspelt a unit; it names the words and the fix, the currency kept
        ("stood at 5%", "stood at", "stood", "5%"),
        ("totaled $5bn", "totaled $", "totaled", "$5bn"),
        ("totaled RMB 5bn", "totaled RMB", "totaled", "RMB 5bn"),
        ("增速维持在5%", "维持在", "维持在", "5%"),  # the growth word 增速 is read
    ],
)
def test_an_unknown_word_before_the_number_is_named_with_the_fix(
    text: str, pre: str, unknown: str, example: str
) -> None:
    with pytest.raises(UnknownUnitError) as caught:
        parse_quantity(text)
    message = str(caught.value)
    assert f"{pre!r} before the number is no currency, qualifier or verb" in message
    assert f"pass the figure from its number on, e.g. {example!r}" in message
    assert caught.value.unknown == unknown
    assert parse_quantity(example).value == 5.0  # the fix it gives reads


def test_basis_points_are_hundredths_of_a_percentage_point() -> None:
    # "margin improved 120bps" was no figure (bps an unknown unit); 120 bp = 1.2 pp
    q = parse_quantity("120bps")
    assert (q.value, q.unit) == (120.0, "bp")
    assert q.to("pp").value == pytest.approx(1.2)
    assert parse_quantity("25个基点").to("pp").value == pytest.approx(0.25)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("$1.2T", 1.2, "USD tn"), ("US$ 0.8T", 0.8, "USD tn"), ("1.2T USD", 1.2, "USD tn"),
     ("RMB1.2T", 1.2, "CNY tn"), ("1.2T美元", 1.2, "USD tn"), ("€0.5t", 0.5, "EUR tn")],
)  # fmt: skip
def test_a_lone_t_beside_a_currency_is_trillions(text: str, value: float, unit: str) -> None:
    # "$1.2T" was an unknown unit, and find_figures read it as "$1.2" (USD 1.2)
    q = parse_quantity(text)
    assert (q.value, q.unit) == (value, unit)
    assert parse_quantity("$1.2T").to("USD").value == pytest.approx(1.2e12)  # 1.2 × 10^12


@pytest.mark.parametrize("text", ["5 T", "5t", "$500/t", "T$5", "$1.2T/MW"])
def test_a_t_without_a_currency_or_in_a_rate_stays_unknown(text: str) -> None:
    # "t" is left free for tonnes; "T$" is a currency of its own (Tongan pa'anga)
    with pytest.raises(UnknownUnitError):
        parse_quantity(text)


def test_cheng_is_tenths() -> None:
    # "市场份额超过3成" (more than 30% share) was an unknown unit; 1成 = 10%, so
    # 3.5成 = 35% and a 2成 decline is -20%
    q = parse_quantity("超过3成")
    assert (q.value, q.unit, q.qualifier) == (3.0, "tenths", "at_least")
    assert parse_quantity("3.5成").to("%").value == pytest.approx(35.0)
    assert parse_quantity("下降了2成").to("%").value == pytest.approx(-20.0)
    with pytest.raises(UnknownUnitError):
        parse_quantity("3成本")  # 成本 (cost) is no tenths


def test_cents_are_hundredths_of_a_currency() -> None:
    # "8.5 cents per kWh" was an unknown unit; 8.5 US cents = 0.085 USD, x 1000 = 85 USD/MWh
    q = parse_quantity("8.5 cents per kWh")
    assert (q.value, q.unit) == (8.5, "USD cent/kWh")
    assert q.to("USD/MWh").value == pytest.approx(85.0)
    assert parse_quantity("8.5¢/kWh").unit == parse_quantity("0.5美分/千瓦时").unit
    assert parse_quantity("20 euro cents").unit == "EUR cent"
    assert parse_quantity("5 per cent").unit == "%"  # not 5 cents
    with pytest.raises(ParseError, match=re.escape("'cent' is a hundredth of a currency")):
        parse_quantity("5 cent MW")


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # French money: "d'euros" was no unit, so find_figures read "1,2 milliard" as a count
        ("1.2 milliard d'euros", 1.2, "EUR bn"),
        ("1.2 milliard d’euros", 1.2, "EUR bn"),
        ("500 millions d'euros", 500.0, "EUR mn"),
        ("3 milliards de dollars", 3.0, "USD bn"),
    ],
)
def test_french_money_words(text: str, value: float, unit: str) -> None:
    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # Spanish and Italian money words were unknown; "2 mil millones de dólares"
        # (2 x 1,000 million = 2e9 USD) was read by find_figures as "2 mil", 2 million
        ("300 millones de dólares", 300.0, "USD mn"),
        ("1 millón de euros", 1.0, "EUR mn"),
        ("2 mil millones de dólares", 2.0, "USD bn"),  # mil millones = 1e3 x 1e6 = 1e9
        ("1,5 billones de euros", 1.5, "EUR tn"),  # Spanish billón = 1e12 (long scale)
        ("5 miliardi di euro", 5.0, "EUR bn"),  # Italian miliardo = 1e9
        ("200 milioni di euro", 200.0, "EUR mn"),
        ("3 miliardi di dollari", 3.0, "USD bn"),
    ],
)
def test_spanish_and_italian_money_words(text: str, value: float, unit: str) -> None:
    quantity = parse_quantity(text.replace("1,5", "1.5"))
    assert (quantity.value, quantity.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "value", "unit", "in_base"),
    [
        # Portuguese magnitude words were unknown: "R$ 2 bilhões" read as R$ 2 in
        # find_figures (1e9 times too small) and "5 mil milhões" as 5 million
        ("R$ 2 bilhões", 2.0, "BRL bn", 2e9),  # Brazilian bilhão = 1e9
        ("300 milhões de reais", 300.0, "BRL mn", 3e8),
        ("5 mil milhões de euros", 5.0, "EUR bn", 5e9),  # European: mil milhões = 1e3 x 1e6
        ("1,2 trilhão de reais", 1.2, "BRL tn", 1.2e12),
    ],
)
def test_portuguese_magnitude_words(text: str, value: float, unit: str, in_base: float) -> None:
    quantity = parse_quantity(text.replace("1,2", "1.2"))
    assert (quantity.value, quantity.unit) == (value, unit)
    assert quantity.to(unit.split()[0]).value == pytest.approx(in_base)
    found = find_figures(f"O grupo investiu {text} em 2024.")
    assert (found["value"].tolist(), found["unit"].tolist()) == ([value], [unit])


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # a 十/百/千 between the digits and 多 is the number's (1千多万 = more than 1000万);
        # it was an unknown unit '千多万台'
        ("1千多万台", 1000.0, "servers 10k"),
        ("2百多亿元", 200.0, "CNY 100m"),
        ("1.5千余万元", 1500.0, "CNY 10k"),  # 1.5 x 1000
        # 十 and 百 alone are no magnitude words: a number's ("2百兆瓦" = 200 MW)
        ("2百兆瓦", 200.0, "MW"),
        ("两百台", 200.0, "servers"),
        ("5百亿元", 5.0, "CNY 10bn"),  # 百亿 is one: 5 x 1e10, as before
    ],
)
def test_shi_bai_qian_after_digits_are_the_numbers(text: str, value: float, unit: str) -> None:
    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit) == (value, unit)
    assert quantity.qualifier == (AT_LEAST if "多" in text or "余" in text else EXACT)


@pytest.mark.parametrize(
    ("text", "value", "unit", "in_base"),
    [
        # zhnum30: Spanish/Portuguese "mil" is a thousand; it read a million (x1000 wrong)
        ("5 mil euros", 5.0, "EUR thousand", 5_000),  # 5 x 1e3
        ("500 mil dólares", 500.0, "USD thousand", 500_000),  # 500 x 1e3
        ("10 mil reais", 10.0, "BRL thousand", 10_000),
        ("R$ 5 mil", 5.0, "BRL thousand", 5_000),
        # still a billion: mil millones = 1e3 x 1e6
        ("5 mil millones de euros", 5.0, "EUR bn", 5e9),
        # English shorthand stays a million (US filings: "$5 mil")
        ("$5 mil", 5.0, "USD mn", 5e6),
        ("5 mil dollars", 5.0, "USD mn", 5e6),
    ],
)
def test_mil_is_a_thousand_before_spanish_money(
    text: str, value: float, unit: str, in_base: float
) -> None:
    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit) == (value, unit)
    assert quantity.to(unit.split()[0]).value == pytest.approx(in_base)


def test_ct_is_a_euro_cent() -> None:
    # "8.5 ct/kWh" (German and Austrian power prices: Eurocent) was an unknown unit;
    # 8.5 euro cents = 0.085 EUR, x 1000 kWh/MWh = 85 EUR/MWh
    q = parse_quantity("8.5 ct/kWh")
    assert (q.value, q.unit) == (8.5, "EUR cent/kWh")
    assert q.to("EUR/MWh").value == pytest.approx(85.0)
    assert parse_quantity("12 Cent/kWh").unit == "USD cent/kWh"  # "cent" alone: as before
    assert parse_quantity("8.5 €ct/kWh").unit == "EUR cent/kWh"


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # "1.000 millones de euros" read 1 EUR mn: the Spanish, Italian and German words were
        # read while "1.000" stayed English 1.0 (1,000x off); before such a word the points
        # group thousands, as find_figures and `parse` read it
        ("1.000 millones de euros", 1000.0, "EUR mn"),
        ("1.200 milioni di euro", 1200.0, "EUR mn"),
        ("2.500 Mio. Euro", 2500.0, "EUR mn"),
        ("1.000 million euros", 1.0, "EUR mn"),  # an English word: the point is a decimal
        ("$1.250 billion", 1.25, "USD bn"),
    ],
)
def test_point_thousands_before_a_continental_magnitude_word(
    text: str, value: float, unit: str
) -> None:
    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit, quantity.text) == (value, unit, text)


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # text40: "€ 2,5 Mrd." raised the decimal-comma error while find_figures read 2.5
        # EUR bn; a comma before one or two digits groups no thousands, and euros or a
        # continental magnitude word say it is a decimal comma: 2,5 Mrd. = 2.5 x 1e9
        ("€ 2,5 Mrd.", 2.5, "EUR bn"),
        ("3,5 Mrd. Euro", 3.5, "EUR bn"),
        ("1.234,5 Mio. €", 1234.5, "EUR mn"),  # points group thousands: 1234 + 0.5
        ("1,2 millones de euros", 1.2, "EUR mn"),
        ("EUR 1,5 million", 1.5, "EUR mn"),
        ("8,5 ct/kWh", 8.5, "EUR cent/kWh"),  # euro cents, as German power prices write them
    ],
)
def test_decimal_commas_in_euros_or_before_a_continental_magnitude_word(
    text: str, value: float, unit: str
) -> None:
    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit, quantity.text) == (value, unit, text)
    found = find_figures(f"Der Umsatz: {text}")  # the two read alike
    assert (found["value"].tolist(), found["unit"].tolist()) == ([value], [unit])


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # text40: parse_quantity refused "1.2-gigawatt" and "100-MW" (unit '-gigawatt')
        # while find_figures read the same text: the hyphen joins a number to its unit
        ("1.2-gigawatt", 1.2, "GW"),
        ("100-MW", 100.0, "MW"),
    ],
)
def test_a_number_hyphened_to_its_unit(text: str, value: float, unit: str) -> None:
    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit, quantity.text) == (value, unit, text)
    found = find_figures(f"a {text} campus")
    assert (found["value"].tolist(), found["unit"].tolist()) == ([value], [unit])


def test_a_count_or_a_duration_hyphened_stays_refused() -> None:
    for text in ("15-year", "10-K"):
        with pytest.raises(UnknownUnitError):
            parse_quantity(text)


def test_n_plus_is_at_least_n() -> None:
    # text40: "5-plus GW" was "unit '-plus GW' is not defined"; it is "5+ GW", at least 5 GW
    quantity = parse_quantity("5-plus GW")
    assert (quantity.value, quantity.unit, quantity.qualifier) == (5.0, "GW", "at_least")
    found = find_figures("It has a 5-plus GW pipeline.")
    assert found["figure"].tolist() == ["5-plus GW"]


@pytest.mark.parametrize("text", ["1⁄2 GW", "3⁄4"])
def test_a_fraction_slash_is_refused_by_name(text: str) -> None:
    # text40: the error named "'⁄2' is no known unit"; text50: vulgar fractions ("1½ GW")
    # are read (tests/units/test_figure_spellings.py), a number with the fraction slash not
    with pytest.raises(ParseError, match=re.escape("a fraction slash ('1⁄2'); write it")):
        parse_quantity(text)


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        # text40: a figure copied with its clause's end was "unit '亿元。' is not defined"
        ("50亿元。", 50.0, "exact"),
        ("约3200亿元左右，", 3200.0, "approximately"),
        ("1,562.5亿元；", 1562.5, "exact"),
    ],
)
def test_a_clause_end_after_the_figure_is_dropped(text: str, value: float, qualifier: str) -> None:
    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit, quantity.qualifier, quantity.text) == (
        value,
        "CNY 100m",
        qualifier,
        text,
    )


def test_end_words_match_as_a_search_from_the_start_would() -> None:
    # _EndWords looks only at the tail of a text (then takes in the spaces before): the
    # same span as re.search over the whole text, on texts built of the words themselves,
    # spaces, a final newline ("$" matches before it) and letters that join a Latin word
    import random

    from idcforecast.units import parse
    from idcforecast.units._figure_words import (
        PREFIX_QUALIFIERS,
        SUFFIX_QUALIFIERS,
        TRAILING_GROWTH_WORDS,
    )

    rng = random.Random(0)
    for finder, words in (
        (parse._TRAILING_WORD, list(SUFFIX_QUALIFIERS)),
        (parse._TRAILING_GROWTH, list(TRAILING_GROWTH_WORDS)),
        (parse._TRAILING_QUALIFIER, list(PREFIX_QUALIFIERS)),  # (and the quick tail check)
    ):
        pieces = [*words, " ", "  ", "\n", "\u3000", "a", "Z", "5.0", "亿元", "%", "OVER", "N"]
        for _ in range(3000):
            text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 5)))
            full = finder.pattern.search(text)
            tail = finder.search(text)
            assert (None if full is None else full.span()) == (
                None if tail is None else tail.span()
            ), text
    assert parse._TRAILING_WORD.search("1,562.5亿元 以上") is not None


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        # text50: the errors quoted the text after parse_quantity's own passes rewrote it
        # ("1.000" as "1000", "2,5" as "2.5", "1,5" as "1.5"): a user searching the source
        # for the quoted figure did not find it
        ("1.000 millones xyz", "in figure '1.000 millones xyz'"),
        ("€ 2,5 Mrd. foo", "in figure '€ 2,5 Mrd. foo'"),
        ("1,5 Mio Euro (abc)", "cannot read '1,5 Mio Euro (abc)'"),
        ("2,5 Mrd € - 1 MW", "cannot read '2,5 Mrd € - 1 MW'"),
    ],
)
def test_errors_quote_the_figure_as_written(text: str, quoted: str) -> None:
    with pytest.raises((ParseError, UnknownUnitError)) as caught:
        parse_quantity(text)
    assert quoted in str(caught.value)
    assert caught.value.text == text


@pytest.mark.parametrize(
    ("text", "says", "never"),
    [
        # text52: the unit the passes before reading rewrote was quoted as if written:
        # "unit '% xyz'" for "3.2pc xyz", "unit '¥ 万亿円'" for "¥1.2兆円"
        ("3.2pc xyz", "in figure '3.2pc xyz': its unit is not defined ('xyz' is", "'% xyz'"),
        ("¥1.2兆円", "in figure '¥1.2兆円': its unit names 2 units", "万亿"),
        ("1.5万P xyz", "in figure '1.5万P xyz': its unit is not defined", "PFLOPS"),
        # a unit as written is still quoted, its words apart in the figure too
        ("US$3 per 万架", "unit 'US$ per 万架':", "its unit"),
        ("5 MWx", "in figure '5 MWx': unit 'MWx' is not defined", "its unit"),
        ("1,6 Mio. xyz", "unit 'Mio. xyz' is not defined", "its unit"),
    ],
)
def test_unit_errors_never_quote_a_rewritten_unit(text: str, says: str, never: str) -> None:
    with pytest.raises((ParseError, UnknownUnitError)) as caught:
        parse_quantity(text)
    assert says in str(caught.value)
    assert never not in str(caught.value)
    assert caught.value.text == text


@pytest.mark.parametrize(
    ("text", "alternate"),
    [
        # text50: the alternate's text was the rewritten one ("1.6 Mio. $", "2   billion
        # dollars"), and find_figures' ``alternate`` column showed it as if written so
        ("1,5 Mio. Euro (1,6 Mio. $)", "1,6 Mio. $"),
        ("500 billion yuan (two billion dollars)", "two billion dollars"),
        ("５００亿元（７１.２亿美元）", "７１.２亿美元"),
        ("500 billion yuan (or $71.2 billion)", "or $71.2 billion"),  # as before
    ],
)
def test_the_alternate_keeps_its_text_as_written(text: str, alternate: str) -> None:
    quantity = parse_quantity(text)
    assert quantity.alternate is not None
    assert quantity.alternate.text == alternate
    found = find_figures(f"Der Wert: {text}.")
    assert found["alternate"].tolist() == [alternate]


def test_a_currency_on_the_high_end_only_is_refused() -> None:
    # text50: "3 to $5bn" was 4 "count bn" (3 to 5 billion of nothing): the "$" dropped
    with pytest.raises(ParseError, match=re.escape("high end only has a currency ('$')")):
        parse_quantity("3 to $5bn")
    assert parse_quantity("$3-5bn").unit == "USD bn"  # a currency before the range: read


@pytest.mark.parametrize("text", ["The campus is 1/2 GW.", "It uses 1 1/2 GW.", "1⁄2 GW"])
def test_a_fractions_denominator_is_no_figure(text: str) -> None:
    # text50: the 2 of "1/2 GW" was read as 2 GW, four times the half gigawatt written
    assert find_figures(text).empty


def test_a_fraction_before_a_range_word_is_no_range() -> None:
    # text50: "rose 2/3 to $5bn" gave "3 to $5bn", 4 "count bn"
    found = find_figures("Costs rose 2/3 to $5bn.")
    assert list(zip(found["figure"], found["value"], found["unit"], strict=True)) == [
        ("$5bn", 5.0, "USD bn")
    ]


@pytest.mark.parametrize(
    ("text", "codes"),
    [
        # kroner are Norwegian or Danish, kr any of three: the nearest spelling ("kronor",
        # SEK) was offered as "did you mean 'SEK'?", a guess that converts at the wrong rate
        ("5 kroner", "'NOK' or 'DKK'"),
        ("5 krone", "'NOK' or 'DKK'"),
        ("5 kr", "'SEK', 'NOK' or 'DKK'"),
    ],
)
def test_a_word_several_currencies_share_asks_for_the_code(text: str, codes: str) -> None:
    with pytest.raises(UnknownUnitError, match=re.escape(f"write its code, {codes}")) as err:
        parse_quantity(text)
    assert err.value.suggestion is None  # type: ignore[attr-defined]
    assert parse_quantity("5 kronor").unit == "SEK"  # Swedish kronor is one currency


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        # text54: "about" with a bound was "two qualifiers disagree": Japanese news writes
        # "約2兆円超" (about, more than 2 trillion yen); the bound is what the figure says,
        # the "about" stays in its text (as "约1900多万台" read since text31)
        ("約2兆円超", 2.0, "JPY tn", "at_least"),
        ("約5000億円未満", 5000.0, "JPY 100m", "at_most"),
        ("超过约500亿元", 500.0, "CNY 100m", "at_least"),
        ("约超过500亿元", 500.0, "CNY 100m", "at_least"),
        ("about 5 GW or more", 5.0, "GW", "at_least"),
        ("nearly about 5 GW", 5.0, "GW", "at_most"),
    ],
)
def test_about_and_a_bound_read_as_the_bound(
    text: str, value: float, unit: str, qualifier: str
) -> None:
    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit, quantity.qualifier) == (value, unit, qualifier)
    assert quantity.text == text


def test_find_figures_reads_about_more_than_in_japanese() -> None:
    # text54: "約2兆円超" lost its 超 (find_figures kept "約2兆円", about 2 trillion yen)
    found = find_figures("市場規模は2030年に約2兆円超となる見通し。")
    assert found[["figure", "value", "unit", "qualifier"]].values.tolist() == [
        ["約2兆円超", 2.0, "JPY tn", "at_least"]
    ]


@pytest.mark.parametrize(
    ("text", "value", "unit", "year"),
    [
        # text54: a year in brackets after a figure was its alternate, a count of 2022
        # ("5 USD bn (2022 count)"), or a duration of 2019 years: it is the figure's year
        ("US$5bn (2022)", 5.0, "USD bn", 2022),
        ("1562.5亿元（2019年）", 1562.5, "CNY 100m", 2019),
        ("1562.5亿元(2019)", 1562.5, "CNY 100m", 2019),
        ("300 MW (2024E)", 300.0, "MW", 2024),  # an estimate's year
        ("more than 1 million servers (2023)", 1.0, "servers mn", 2023),
    ],
)
def test_a_bracketed_year_is_the_figure_s_year(
    text: str, value: float, unit: str, year: int
) -> None:
    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit, quantity.year) == (value, unit, year)
    assert quantity.alternate is None
    # written back with its year, and read back equal
    assert parse_quantity(str(quantity)) == quantity
    assert quantity.to(quantity.unit).year == year  # a conversion keeps it


def test_a_bracketed_figure_stays_an_alternate_and_a_year_is_validated() -> None:
    quantity = parse_quantity("500 billion yuan ($71.2 billion)")
    assert quantity.year is None and quantity.alternate is not None
    assert parse_quantity("US$5bn").year is None
    assert Quantity(5.0, "USD bn", year=2022.0).year == 2022  # type: ignore[arg-type]
    with pytest.raises(ParseError, match=r"year must be a whole year or None, found 2022\.5"):
        Quantity(5.0, "USD bn", year=2022.5)  # type: ignore[arg-type]


def test_growth_from_a_dated_figure_has_no_year() -> None:
    # the level grown 3 years from 1562.5亿元 (2019) is no 2019 figure
    from idcforecast import implied_target

    grown = implied_target(parse_quantity("1562.5亿元（2019年）"), 0.278, 3)
    assert grown.year is None
    assert grown.value == pytest.approx(1562.5 * 1.278**3)  # 3261.5...
    bounded = implied_target(parse_quantity("超过1500亿元（2021年）"), 0.278, 3)
    assert bounded.year is None and bounded.qualifier == "at_least"


def test_a_table_cell_or_claim_whose_bracketed_year_is_another_says_so() -> None:
    # text54: with the bracketed year read as the year (no longer an alternate "2019
    # count" that the readers' note named), a cell dated otherwise than its row is noted,
    # and a claim whose value gives another year than its year column is refused
    import pandas as pd

    from idcforecast import read_claims, read_series
    from idcforecast.errors import SpecError

    frame = pd.DataFrame({"year": [2019, 2020], "value": ["1562.5亿元(2019)", "2000亿元(2019)"]})
    notes = read_series(frame, series_id="s")["note"].tolist()
    assert notes == ["", "the figure's text gives the year 2019, not 2020: check it"]
    claim = read_claims([dict(subject="s", kind="level", value="3200亿元（2022年）", year=2022)])[0]
    assert (claim.value, claim.unit, claim.year, claim.note) == (3200.0, "CNY 100m", 2022, "")
    with pytest.raises(SpecError, match="gives the year 2023, and year is 2022"):
        read_claims([dict(subject="s", kind="level", value="3200亿元（2023年）", year=2022)])


@pytest.mark.parametrize(
    ("text", "fix"),
    [
        # was "a magnitude word before the number ('每年'); write it after the number, as
        # in '100 每年'": 每年 (each year) is no magnitude, and '100 每年' reads as no amount
        (
            "每年100亿元",
            "('每年', per year); write the rate after the amount, as in '100亿元/year'",
        ),
        ("每月5万元", "('每月', per month); write the rate after the amount, as in '5万元/month'"),
    ],
)
def test_a_rate_word_before_the_number_is_named_as_one(text: str, fix: str) -> None:
    with pytest.raises(ParseError) as info:
        parse_quantity(text)
    assert fix in str(info.value)
    assert "magnitude word" not in str(info.value)
    fixed = fix.split("as in ")[1].strip("'")
    assert parse_quantity(fixed).unit.endswith(fix.split("per ")[1].split(")")[0])


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # were UnknownUnitError ("'a' is no known unit"); find_figures read "$10bn a year"
        # as "$10bn", 10 "USD bn", a stock, beside "$10bn per year" as "USD bn/year"
        ("$10bn a year", "USD bn/year"),
        ("$10bn annually", "USD bn/year"),
        ("RM2bn p.a.", "MYR bn/year"),
        ("3-4GW a year", "GW/year"),
        ("10 servers every year", "servers/year"),
        # a percentage a year is the annual rate itself, in %
        ("15% a year", "%"),
    ],
)
def test_an_amount_a_year_is_an_amount_per_year(text: str, unit: str) -> None:
    assert parse_quantity(text).unit == unit


def test_a_bare_number_a_year_stays_no_figure() -> None:
    with pytest.raises(UnknownUnitError):
        parse_quantity("10 a year")  # "twice a year", "2 a year": no amount of anything


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier", "low", "high"),
    [
        # text57: each was UnknownUnitError ("unit 'PUE' is not defined"), though
        # find_figures and `idcforecast parse` read a PUE
        ("1.3 PUE", 1.3, "PUE", "exact", None, None),
        ("about 1.3 PUE", 1.3, "PUE", "approximately", None, None),
        ("1.2-1.4 PUE", 1.3, "PUE", "exact", 1.2, 1.4),  # (1.2 + 1.4) / 2
        ("1.15 pPUE", 1.15, "pPUE", "exact", None, None),  # a partial PUE, its own ratio
        # text58: named before the number, as find_figures reads them; each was a
        # ParseError ("a unit before the number") or UnknownUnitError ("'a PUE of' ...")
        ("PUE 1.3", 1.3, "PUE", "exact", None, None),
        ("a PUE of 1.3", 1.3, "PUE", "exact", None, None),
        ("PUE: 1.25", 1.25, "PUE", "exact", None, None),
        ("PUE为1.3", 1.3, "PUE", "exact", None, None),
        ("PUE降至1.3以下", 1.3, "PUE", "at_most", None, None),
        ("PUE of about 1.2-1.4", 1.3, "PUE", "approximately", 1.2, 1.4),
        ("pPUE 1.1", 1.1, "pPUE", "exact", None, None),
    ],
)
def test_a_pue_is_read_as_a_ratio(
    text: str, value: float, unit: str, qualifier: str, low: float | None, high: float | None
) -> None:
    q = parse_quantity(text)
    assert (q.value, q.unit, q.qualifier, q.low, q.high) == pytest.approx(
        (value, unit, qualifier, low, high)
    )


def test_a_pue_converts_to_no_other_unit() -> None:
    from idcforecast.errors import IncompatibleUnitsError

    assert parse_quantity("1.3 PUE").to("PUE").value == pytest.approx(1.3)
    with pytest.raises(IncompatibleUnitsError, match="no conversion between ratio and power"):
        parse_quantity("1.3 PUE").to("MW")
    # a pPUE is not a PUE: never 1.15 PUE by a factor of one
    with pytest.raises(IncompatibleUnitsError, match="partial_ratio"):
        parse_quantity("1.15 pPUE").to("PUE")
    with pytest.raises(ParseError, match="'PUE' takes no magnitude word"):
        parse_quantity("5 thousand PUE")
    # text58: "PUE 1.3" reads (it was this error); a unit after the number still is one
    with pytest.raises(ParseError, match=r"a unit before the number \('PUE'\)"):
        parse_quantity("PUE 5 MW")


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # text57: each was a ParseError ("the text in parentheses, 'FY2024/25', is not a
        # figure ... 'FY' ... is no currency"); the fiscal year is named by the year it ends
        # in, as find_figures and the table readers name it
        ("US$5bn (FY2024/25)", 2025),
        ("US$5bn (FY2025)", 2025),
        ("US$5bn (fiscal 2025)", 2025),
        ("US$5bn (2022)", 2022),  # control
    ],
)
def test_a_fiscal_year_in_brackets_is_the_figures_year(text: str, year: int) -> None:
    q = parse_quantity(text)
    assert (q.value, q.unit, q.year) == (5.0, "USD bn", year)


@pytest.mark.parametrize("text", ["5 GW (2020-22)", "1562.5亿元（2019年至2021年）"])
def test_a_period_in_brackets_is_said_to_be_one(text: str) -> None:
    # was "a range whose low end 2020 is above its high end 22" (for '2020-22')
    with pytest.raises(ParseError, match="is a period, not one year: a figure takes one year"):
        parse_quantity(text)
