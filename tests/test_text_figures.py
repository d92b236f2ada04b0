"""find_figures: every figure of an article, read as parse_quantity reads one, with its year."""

from __future__ import annotations

import pandas as pd
import pytest

from idcforecast import find_figures, parse_quantity
from idcforecast.errors import IdcForecastError, ParseError, UnknownUnitError
from idcforecast.text_figures import FIGURE_COLUMNS

# the 2020 seed article's sentences (Global Times, 2020-07-07), as the README quotes them
SEED = (
    "China's IDC market will grow at compound rate of 27.8 percent from 2020-22, and the "
    "scale will reach 320 billion yuan in 2022, according to a report. Tencent will invest "
    "500 billion yuan ($71.2 billion) over the next five years. Its new cluster will house "
    "more than 1 million servers. SenseTime is valued at more than $7.5 billion."
)


def _rows(found: pd.DataFrame) -> list[tuple[object, ...]]:
    years = [None if pd.isna(y) else int(y) for y in found["year"]]
    return list(
        zip(found["figure"], found["value"], found["unit"], found["qualifier"], years,
            found["period"], strict=True)
    )  # fmt: skip


def test_the_seed_articles_figures() -> None:
    found = find_figures(SEED, source="Global Times 2020-07-07")
    assert list(found.columns) == list(FIGURE_COLUMNS)
    assert _rows(found) == [
        ("27.8 percent", 27.8, "%", "exact", None, "2020-2022"),  # the CAGR's period
        ("320 billion yuan", 320.0, "CNY bn", "exact", 2022, ""),  # "in 2022"
        # "over the next five years" in a text of 2020 (text58; was ""): 2020-2024, the
        # pledge's horizon in data/investment_pledges.csv (horizon_start/end 2020, 2024)
        ("500 billion yuan ($71.2 billion)", 500.0, "CNY bn", "exact", None, "2020-2024"),
        ("more than 1 million servers", 1.0, "servers mn", "at_least", None, ""),
        ("more than $7.5 billion", 7.5, "USD bn", "at_least", None, ""),
    ]
    assert found["alternate"].tolist()[2] == "$71.2 billion"
    assert set(found["source"]) == {"Global Times 2020-07-07"}
    # offsets point into the text as given
    spans = zip(found["start"], found["end"], found["figure"], strict=True)
    assert all(SEED[s:e] == f for s, e, f in spans)
    assert found["sentence"].iloc[1].startswith("China's IDC market will grow")
    assert found["sentence"].iloc[1].endswith("according to a report.")


def test_each_figure_reads_as_parse_quantity_reads_it() -> None:
    for figure, value, unit, qualifier, *_ in _rows(find_figures(SEED)):
        q = parse_quantity(figure)
        assert (q.value, q.unit, q.qualifier) == (value, unit, qualifier)


def test_chinese_text_with_years_as_年() -> None:
    text = (
        "2019年中国IDC市场规模达到1562.5亿元，同比增长27.2%。预计2022年将达3200亿元左右。"
        "截至2021年底，全国在用数据中心机架总规模超过520万标准机架，近五年年均增速超过30%。"
        "2020年至2022年年均复合增长率约为27.8%。2019年至2022年增长了3倍。"
    )  # (2019 to 2022 is a span of years even though its midpoint, 2020.5, is none)
    assert _rows(find_figures(text)) == [
        ("1562.5亿元", 1562.5, "CNY 100m", "exact", 2019, ""),
        ("同比增长27.2%", 27.2, "%", "exact", 2019, ""),
        ("3200亿元左右", 3200.0, "CNY 100m", "approximately", 2022, ""),
        ("超过520万标准机架", 520.0, "racks 10k", "at_least", 2021, ""),  # 2021年底
        # units24: 年均 is read; text54: over the years up to 截至2021年底 ("?-2021"), never
        # a rate of 2021 alone; text57: 近五年, the five years to 2021, 2017-2021
        ("年均增速超过30%", 30.0, "%", "at_least", None, "2017-2021"),
        ("年均复合增长率约为27.8%", 27.8, "%", "approximately", None, "2020-2022"),
    ]


def test_ranges_rates_growth_signs_and_the_nearest_year() -> None:
    text = (
        "The U.S. market used 176 TWh in 2023; by 2028 it could reach 325–580 TWh. "
        "Capex was US$7.11 m per MW. Revenue was down 3% in 2023. "
        "In 2019, the market was 1,562.5亿元, up from 1,228亿元 in 2018."
    )
    found = find_figures(text)
    assert _rows(found) == [
        ("176 TWh", 176.0, "TWh", "exact", 2023, ""),
        ("325–580 TWh", 452.5, "TWh", "exact", 2028, ""),  # (325 + 580) / 2
        ("US$7.11 m per MW", 7.11, "USD mn/MW", "exact", None, ""),
        ("down 3%", -3.0, "%", "exact", 2023, ""),
        ("1,562.5亿元", 1562.5, "CNY 100m", "exact", 2019, ""),  # "In 2019," before it
        ("1,228亿元", 1228.0, "CNY 100m", "exact", 2018, ""),  # "in 2018" after it
    ]
    assert (found["low"].iloc[1], found["high"].iloc[1]) == (325.0, 580.0)


def test_years_dates_and_bare_numbers_are_no_figures() -> None:
    text = (
        "On 2020-07-07 and on 2021年3月5日, 5G base stations topped 250,000 units; "
        "Nvidia H100 GPUs, 10,000 of them, cost US$300 million in 2024. "
        "规模为１５６２．５亿元（2019年）"
    )
    found = find_figures(text)
    assert _rows(found) == [
        ("US$300 million", 300.0, "USD mn", "exact", 2024, ""),
        ("１５６２．５亿元", 1562.5, "CNY 100m", "exact", 2019, ""),  # full-width digits
    ]  # the year in parentheses is its year, not an alternate figure of "2019 year"
    with_counts = find_figures(text, counts=True)
    assert "250,000" in with_counts["figure"].tolist()
    assert "10,000" in with_counts["figure"].tolist()
    assert not any(f.startswith("2020") or f.startswith("2021") for f in with_counts["figure"])


def test_no_figures_is_an_empty_frame_with_the_columns() -> None:
    found = find_figures("No numbers here, only words; and 2022 is a year.")
    assert found.empty and list(found.columns) == list(FIGURE_COLUMNS)


def test_text_is_required() -> None:
    with pytest.raises(ParseError, match="find_figures: expected text, found bytes"):
        find_figures(b"320 billion yuan")  # type: ignore[arg-type]


def test_unit_errors_keep_their_suggestion_afterwards() -> None:
    # find_figures turns the "did you mean" guess off while it scans (4x faster); the
    # library's own errors keep it
    find_figures(SEED)
    with pytest.raises(UnknownUnitError, match="did you mean"):
        parse_quantity("5 raks")


def test_a_line_break_or_a_full_stop_before_a_number_ends_the_sentence() -> None:
    # was: "more than 1 million servers" took 2019 from the next line's Chinese sentence
    # (line breaks were read as spaces, and ". 2020 saw" did not split)
    text = (
        "Its cluster will house more than 1 million servers.\n2019年规模达到1562.5亿元。"
        " Sales were 5 MW. 2020 saw 7 MW. Prices fell c. 5% in 2021."
    )
    assert _rows(find_figures(text)) == [
        ("more than 1 million servers", 1.0, "servers mn", "at_least", None, ""),
        ("1562.5亿元", 1562.5, "CNY 100m", "exact", 2019, ""),
        ("5 MW", 5.0, "MW", "exact", None, ""),
        ("7 MW", 7.0, "MW", "exact", 2020, ""),
        ("fell c. 5%", -5.0, "%", "approximately", 2021, ""),  # "c." ends no sentence
    ]


def test_a_years_年_is_not_the_unit_of_the_figure_after_it() -> None:
    # the figure read around 100 once began at the year's 年: "年达到100亿" read as
    # 100 "year 100m" (a duration), the 元 lost; 100亿元 is 100 x 1e8 yuan = CNY 100m 100
    assert _rows(find_figures("2023年达到100亿元。2024年120亿元。")) == [
        ("100亿元", 100.0, "CNY 100m", "exact", 2023, ""),
        ("120亿元", 120.0, "CNY 100m", "exact", 2024, ""),
    ]


def test_a_year_or_a_figure_after_a_full_width_comma() -> None:
    # "，" scans as ",", which hid the year after it ("，2023年"), so the first line's 100亿元
    # had no year and "年达到100亿" was read; each figure takes the year of its own clause
    text = (
        "收入增长，2023年达到100亿元。"
        "2019年规模1562.5亿元，2020年为2238.7亿元。"
        "预计2025年规模将达到1.2万亿元，2022-2025年复合增长率为25%。"
    )
    assert _rows(find_figures(text)) == [
        ("100亿元", 100.0, "CNY 100m", "exact", 2023, ""),
        ("1562.5亿元", 1562.5, "CNY 100m", "exact", 2019, ""),
        ("2238.7亿元", 2238.7, "CNY 100m", "exact", 2020, ""),
        ("1.2万亿元", 1.2, "CNY tn", "exact", 2025, ""),  # 1.2万亿 = 1.2e12 = 1.2 tn
        # text40: the figure began at 增长率为 (复合增长率为 was no word): 复合 cut off
        ("复合增长率为25%", 25.0, "%", "exact", None, "2022-2025"),
    ]
    assert _rows(find_figures("2022年收入100亿元，30%来自云业务。"))[1][:2] == ("30%", 30.0)


def test_a_line_wrapped_inside_a_sentence_keeps_its_figure() -> None:
    # prose copied from a PDF breaks lines mid-sentence: "$80\nbillion" was read as 80 USD
    # (1e9 times too small) with no year; a list's lines still end their sentences
    wrapped = "Microsoft will spend $80\nbillion on AI data centers in fiscal 2025."
    assert _rows(find_figures(wrapped)) == [("$80\nbillion", 80.0, "USD bn", "exact", 2025, "")]
    assert _rows(find_figures(wrapped.replace("\n", "\r\n")))[0][1:3] == (80.0, "USD bn")
    bullets = "• 2021 capacity: 1,000 MW\n• 2022 capacity: 1,350 MW"
    assert [r[4] for r in _rows(find_figures(bullets))] == [2021, 2022]
    paragraphs = "Capex was $80\n\nbillion in 2025."  # a blank line ends the paragraph
    assert _rows(find_figures(paragraphs)) == [("$80", 80.0, "USD", "exact", None, "")]


def test_a_currency_before_a_number_belongs_to_that_number() -> None:
    # "2022 £" was read as 2022 pounds and "400m" as a bare 400 million
    assert _rows(find_figures("The figure for 2021 was €500m, and for 2022 £400m.")) == [
        ("€500m", 500.0, "EUR mn", "exact", 2021, ""),
        ("£400m", 400.0, "GBP mn", "exact", 2022, ""),
    ]


def test_a_dates_year_and_between_years() -> None:
    # a date's numbers are no figures, but its year was dropped with them
    found = find_figures("截至2023年6月底，全国在用数据中心机架总规模超过760万标准机架。")
    assert _rows(found) == [("超过760万标准机架", 760.0, "racks 10k", "at_least", 2023, "")]
    # "between 2023 and 2028" is a period, as "from 2023 to 2028" is
    text = "Spending will grow at a CAGR of 10.5% between 2023 and 2028."
    assert _rows(find_figures(text)) == [("CAGR of 10.5%", 10.5, "%", "exact", None, "2023-2028")]


def test_decimal_comma_figures_are_read() -> None:
    # "1 234,5" and "3,5" were not found at all (parse_quantity refuses a comma before one
    # or two digits): a comma that can group no thousands is a decimal comma; "1,562.5"
    # and "1,234" keep their English reading
    text = (
        "Revenue was 1 234,5 million euros in 2023, a rise of 12,5 %. "
        "Der Umsatz stieg 2023 auf 3,5 Mio Euro, der Markt 2027 auf 1.234,5 Mio Euro. "
        "In 2019 it was 1,562.5亿元 and 1,234 MW."
    )
    assert _rows(find_figures(text)) == [
        ("1 234,5 million euros", 1234.5, "EUR mn", "exact", 2023, ""),
        ("a rise of 12,5 %", 12.5, "%", "exact", 2023, ""),
        ("3,5 Mio Euro", 3.5, "EUR mn", "exact", 2023, ""),
        ("1.234,5 Mio Euro", 1234.5, "EUR mn", "exact", 2027, ""),
        ("1,562.5亿元", 1562.5, "CNY 100m", "exact", 2019, ""),
        ("1,234 MW", 1234.0, "MW", "exact", 2019, ""),
    ]
    # "Mrd." and "Mio." are magnitudes, and their full stop ends no sentence: the second
    # figure's year is 2023, in its own sentence (it was none: "Mio." split the sentence)
    german = find_figures(
        "Der Umsatz stieg 2024 auf 3,5 Mrd. Euro, nach 1.234,5 Mio. Euro im Jahr 2023."
    )
    assert _rows(german) == [
        ("3,5 Mrd. Euro", 3.5, "EUR bn", "exact", 2024, ""),
        ("1.234,5 Mio. Euro", 1234.5, "EUR mn", "exact", 2023, ""),
    ]
    # a full-width comma ends a clause, it is no decimal comma: 12 and 5, not 12.5
    assert find_figures("收入增长12，5个项目", counts=True)["value"].tolist() == [12.0, 5.0]


def test_a_count_noun_before_another_noun_is_its_modifier() -> None:
    # was "3.76 million data center" (count mn): the GPUs are counted, not data centers
    text = (
        "Nvidia shipped 3.76 million data center GPUs in 2023. "
        "The operator has 10,000 data center racks. "
        "It opened 2 data centers in 2024 and 1 data center in Osaka."
    )
    assert _rows(find_figures(text)) == [
        ("3.76 million", 3.76, "count mn", "exact", 2023, ""),  # GPUs: no registry unit
        ("10,000 data center racks", 10000.0, "racks", "exact", None, ""),
    ]
    with_counts = _rows(find_figures(text, counts=True))
    assert with_counts[2:] == [
        ("2 data centers", 2.0, "count", "exact", 2024, ""),
        ("1 data center", 1.0, "count", "exact", 2024, ""),  # "in" follows: it is counted
    ]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # text40: "this year", 今年, 明年 name a year of a date the text does not give: the
        # figure took the other clause's year (2030, 2023); money invested "by 2030" (到
        # 2030年) is a total over the years to 2030, period "?-2030", no year (text55)
        ("It will invest Rs 1,56,250 crore by 2030, and Rs 45,000 crore this year.",
         [None, None]),
        ("预计到2030年投资1000亿元，今年投资100亿元。", [None, None]),
        ("2023年收入100亿元，明年将达到150亿元。", [2023, None]),
        ("In 2024 revenue was $5bn; this year it expects $6bn.", [2024, None]),
        ("By 2030 it plans 5 GW; next year it will add 500 MW.", [2030, None]),
    ],
)  # fmt: skip
def test_this_year_and_next_year_are_no_year_written(text: str, years: list[int | None]) -> None:
    found = find_figures(text)
    assert [None if pd.isna(y) else int(y) for y in found["year"]] == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # text40: the level a change starts from took the target year before it ("by
        # 2025" is the 500 MW's; the 300 MW names no year)
        ("Capacity will increase to 500 MW by 2025 from 300 MW.", [2025, None]),
        ("The market will reach $50bn by 2030, up from $20bn.", [2030, None]),
        # its own year written after it stays its year
        ("The market will reach $50bn by 2030 from $20bn in 2023.", [2030, 2023]),
        # a base level takes no year written before it but its own: "$75bn in 2025, up
        # from $52.5bn" gave the $52.5bn 2025 (text40)
        ("Google will spend $75bn on capex in 2025, up from $52.5bn.", [2025, None]),
        ("In 2023, revenue rose to $5bn, up from $4bn.", [2023, None]),
        ("Revenue was $2.4bn in 2023, versus 2022's $1.9bn.", [2023, 2022]),
        # text40: "to X from Y in 2022" gave X (and its change) 2022, the base level's year
        ("Revenues increased by 3.2% to RMB7,413.7 million from RMB7,185.9 million in 2022.",
         [None, None, 2022]),
    ],
)  # fmt: skip
def test_a_target_year_is_not_the_year_of_the_level_from(
    text: str, years: list[int | None]
) -> None:
    found = find_figures(text)
    assert [None if pd.isna(y) else int(y) for y in found["year"]] == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # text40: the base level right after its base year is of that year: 1900亿元 is
        # 2022's (it took 2023, the sentence's other year: 2022 was only a base year)
        ("2023年我国IDC市场收入为2407亿元，较2022年的1900亿元增长26.7%。", [2023, 2022, 2023]),
        ("Revenue was $2.4bn in 2023, versus 2022's $1.9bn.", [2023, 2022]),
        # a base year before a rate stays no year of it
        ("收入较2022年增长26.7%，达到2407亿元。", [None, None]),
        # "是2019年的3倍" (three times 2019's) makes 2019 a base year: the 1500亿元 took it
        # (text40), the year nearest by distance; it is 2023's
        ("截至2023年末，总投资超过1500亿元，是2019年的3倍。", [2023]),
    ],
)
def test_the_base_level_after_its_base_year_is_of_that_year(
    text: str, years: list[int | None]
) -> None:
    found = find_figures(text)
    assert [None if pd.isna(y) else int(y) for y in found["year"]] == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # text40: the first figure took the year of the clause after it, the other
        # figure's ("460 TWh in 2022" is 2022's; the 4.5 TWh names no year)
        ("It will use 4.5 TWh, while data centers used 460 TWh in 2022.", [None, 2022]),
        # a year after a figure with no preposition, before another figure, leads that one:
        # "$12bn and FY2025 capex will be $15bn" gave the $12bn 2025 (text40)
        ("Its FY2024 capex was $12bn and FY2025 capex will be $15bn.", [2024, 2025]),
        ("2024 revenue was $5bn and 2025 revenue will be $6bn.", [2024, 2025]),
        ("Since 2020 revenue grew to $5bn in 2023 and $6bn in 2024.", [2023, 2024]),
        ("The market will reach $20 billion, from $12 billion in 2022.", [None, 2022]),
        ("规模达到3000亿元，而2022年为2500亿元。", [None, 2022]),
        # a year before the figure, or in its own clause, stays its year
        ("2023年收入为100亿元，2024年同比增长20%，达到120亿元。", [2023, 2024, 2024]),
        ("Revenue was $3bn in 2023, and $4bn in 2024.", [2023, 2024]),
    ],
)
def test_a_year_in_another_figures_clause_after_it_is_not_its_year(
    text: str, years: list[int | None]
) -> None:
    found = find_figures(text)
    assert [None if pd.isna(y) else int(y) for y in found["year"]] == years


def test_a_base_year_is_not_the_figures_year() -> None:
    # "15% on FY2022" took 2022, the year it is measured against, by distance
    text = (
        "Revenue rose 15% on FY2022 to $3.1 billion in 2023. "
        "In 2023, revenue was $5.48 billion, up 17% compared with 2022. "
        "The market grew 20% over 2022 to reach $250 billion in 2023. "
        "Capex will be $1bn a year from 2025. "
        "Sales rose 8% from 2021 to $2 billion in 2022. "
        "The market will grow 12% a year from 2024, reaching $500 billion in 2030."
    )
    assert [(r[0], r[4] or r[5]) for r in _rows(find_figures(text))] == [
        ("rose 15%", 2023),
        ("$3.1 billion", 2023),
        ("$5.48 billion", 2023),  # was 2022
        ("up 17%", 2023),
        ("grew 20%", 2023),  # was 2022
        ("$250 billion", 2023),
        ("$1bn a year", 2025),  # "from 2025" starts an amount: only a rate's base
        ("rose 8%", 2022),  # was 2021
        ("$2 billion", 2022),
        # a rate a year starts "from 2024": no base; (text52) it runs to 2030, as a CAGR
        ("12% a year", "2024-2030"),
        ("$500 billion", 2030),
    ]
    chinese = (
        "2023年中国IDC市场规模达到3,007亿元，较2022年增长15.2%。"
        "2024年上半年营收同比增长25%至52.3亿元，较2023年同期提升3个百分点。"
        "2023年收入与2022年相比增长12%。"
        "数据中心占比2023年达到30%。"
    )
    assert [(r[0], r[4]) for r in _rows(find_figures(chinese))] == [
        ("3,007亿元", 2023),
        ("增长15.2%", 2023),  # was 2022
        ("同比增长25%", 2024),  # was 2023
        ("52.3亿元", 2024),
        ("提升3个百分点", 2024),  # units24: 提升 (a rise) is read
        ("增长12%", 2023),
        ("30%", 2023),  # 占比 is a share, no 比 of a base
    ]


def test_a_magnitude_word_without_digits() -> None:
    # no digit, so no figure was found, though parse_quantity reads "上千亿元"
    text = "投资上千亿元建设数据中心集群，部署上万台服务器，拥有超千个机柜。"
    assert _rows(find_figures(text)) == [
        ("上千亿元", 1.0, "CNY 100bn", "at_least", None, ""),
        ("上万台服务器", 1.0, "servers 10k", "at_least", None, ""),
        ("超千个机柜", 1.0, "racks thousand", "at_least", None, ""),  # 机柜 is a rack
    ]
    assert find_figures("数千亿元的投资").empty  # "several thousand 亿" is no number


def test_a_pue_is_a_figure_named_by_its_ratio() -> None:
    # a bare 1.25 was left out as a count
    text = (
        "The facility achieves a PUE of 1.25 and houses 5,000 racks. "
        "PUE fell from 1.6 in 2015. It runs at a 1.15 PUE. "
        "新建大型数据中心PUE降至1.3以下，项目PUE值为1.2。"
    )
    assert _rows(find_figures(text)) == [
        ("PUE of 1.25", 1.25, "PUE", "exact", None, ""),
        ("5,000 racks", 5000.0, "racks", "exact", None, ""),
        ("PUE fell from 1.6", 1.6, "PUE", "exact", 2015, ""),
        ("1.15 PUE", 1.15, "PUE", "exact", None, ""),
        ("PUE降至1.3以下", 1.3, "PUE", "at_most", None, ""),
        ("PUE值为1.2", 1.2, "PUE", "exact", None, ""),
    ]
    # a WUE has a unit: text50 added litres, so it reads as one (it was no figure)
    found = find_figures("a WUE of 0.2 L/kWh")
    assert list(zip(found["value"], found["unit"], strict=True)) == [(0.2, "L/kWh")]


def test_a_currency_the_registry_lacks_is_no_us_dollar() -> None:
    # "AU$20 billion" was read as "$20 billion", USD bn
    text = "AWS will invest NZ$2 billion, Z$5 billion and HK$3.2 billion by 2029."
    assert _rows(find_figures(text)) == [("HK$3.2 billion", 3.2, "HKD bn", "exact", 2029, "")]


def test_southeast_asian_and_brazilian_money() -> None:
    # "AU$20 billion" and "R$5 billion" gave no figure, "RM 15 billion" (Johor's
    # ringgit) was 15 "count bn"; Malaysian press writes "RM15bil"
    text = (
        "AWS will invest AU$20 billion, R$5 billion and RM 15 billion; YTL spends RM15bil "
        "and Rp 50 trillion goes to Batam, ฿20 billion to Chonburi."
    )
    assert list(zip(*(find_figures(text)[c] for c in ("figure", "unit")), strict=True)) == [
        ("AU$20 billion", "AUD bn"),
        ("R$5 billion", "BRL bn"),
        ("RM 15 billion", "MYR bn"),
        ("RM15bil", "MYR bn"),
        ("Rp 50 trillion", "IDR tn"),
        ("฿20 billion", "THB bn"),
    ]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # the year before the second figure is the first's, behind a comma (was 2023, 2023)
        ("Revenue was $3bn in 2023, more than $2.5bn in 2022.", [2023, 2022]),
        # a series in one sentence: each figure takes the year after it (was 2021 for 450 MW)
        ("Capacity hit 300 MW in 2021, 450 MW in 2022 and 600 MW in 2023.", [2021, 2022, 2023]),
        # the year of a figure further on is not the nearer one's (was 2022 for $20 billion)
        ("By 2025, the market will reach $20 billion, from $12 billion in 2022.", [2025, 2022]),
        # a year that opens the next clause is that clause's (was 2022 for 300 MW)
        ("In 2021 capacity was 300 MW, in 2022 450 MW.", [2021, 2022]),
        # the comma inside a number is no clause break; the Chinese comma still is
        ("2022年市场规模为1,562.5亿元，2023年为2,000亿元。", [2022, 2023]),
        # outside its clause, a figure passes over a year in another figure's clause, which
        # is that figure's (was 2024, 2024)
        ("In 2023, revenue was $3bn, and in 2024 it will be $4bn.", [2023, 2024]),
    ],
)
def test_each_figure_gets_the_year_of_its_own_clause(text: str, years: list[int]) -> None:
    assert find_figures(text)["year"].tolist() == years


def test_a_period_opening_another_figures_clause_is_that_figures() -> None:
    # "预计到2025年，" sets the 3800亿元's year; the period opens the 25.6%'s clause (the
    # 3800亿元 was given the period 2023-2025, the nearer mention)
    found = find_figures("预计到2025年，市场规模将突破3800亿元，2023-2025年复合增长率约为25.6%。")
    assert found["year"].tolist()[0] == 2025
    assert found["period"].tolist() == ["", "2023-2025"]


def test_a_footnote_number_in_an_article_is_no_digit() -> None:
    # was 3201亿元 for "320①亿元", and "320亿元①" reached into the marker
    found = find_figures("2019年市场规模为320亿元①，2020年为405.6①亿元。")
    assert found["value"].tolist() == [320.0, 405.6]
    assert found["unit"].tolist() == ["CNY 100m", "CNY 100m"]
    assert found["year"].tolist() == [2019, 2020]


def test_an_area_unit_is_no_figure_of_millions() -> None:
    # "500 m²" gave a figure "m²" of 2 million (a magnitude read before its number); floor
    # areas are figures in square metres or feet ("10万㎡" was the figure "10万", count 10k)
    found = find_figures("The hall covers 500 m² of land, costing $2bn.")
    assert found["figure"].tolist() == ["500 m²", "$2bn"]
    assert found["unit"].tolist() == ["sqm", "USD bn"]
    found = find_figures("机房面积10万㎡，另建3万平方米；The campus spans 1.2 million sq ft.")
    assert found["unit"].tolist() == ["sqm 10k", "sqm 10k", "sqft mn"]


def test_a_footnote_superscript_after_a_magnitude_is_no_exponent() -> None:
    # "$3.2bn¹" lost its "bn" ($3.2): a superscript after letters was taken for a unit's
    # exponent, which only a square or a cube is ("m²", "m³")
    found = find_figures("Revenue was $3.2bn¹ in 2023.")
    assert (found["value"].tolist(), found["unit"].tolist()) == ([3.2], ["USD bn"])
    # only after a length: "$3bn²" is $3bn with footnote 2 (it was read as $3)
    found = find_figures("Revenue was $3bn² in 2023, on 10 km² of land.")
    assert (found["value"].tolist()[:1], found["unit"].tolist()[:1]) == ([3.0], ["USD bn"])


def test_a_figure_in_parentheses_after_a_year_is_read() -> None:
    # "in 2023 (176 TWh)" was read as the year 2023 with the alternate 176 TWh, and both
    # dropped as a year; the figure is the year's
    found = find_figures(
        "The US used about 4.4% of its electricity in data centers in 2023 (176 TWh)."
    )
    assert list(zip(found["figure"], found["unit"], found["year"], strict=True)) == [
        ("about 4.4%", "%", 2023),
        ("176 TWh", "TWh", 2023),
    ]


def test_exceed_and_surpass_are_lower_bounds() -> None:
    # "expects it to exceed $500 billion by 2027" was an exact $500 billion
    found = find_figures("It expects capex to exceed $500 billion by 2027 and surpass 10 GW.")
    assert found["qualifier"].tolist() == ["at_least", "at_least"]
    assert found["value"].tolist() == [500.0, 10.0]


def test_a_compound_chinese_magnitude_is_not_cut() -> None:
    # "每秒230百亿亿次浮点运算" (230 x 10^18 a second) was the figure "230百亿", 230 count 10bn
    # (2.3e10); a figure may not end inside a magnitude word, so only the EFLOPS remains
    found = find_figures("算力总规模达到每秒230百亿亿次浮点运算（230EFLOPS）。")
    assert list(zip(found["figure"], found["unit"], strict=True)) == [("230EFLOPS", "EFLOPS")]
    assert find_figures("规模达到1.5万亿元。")["value"].tolist() == [1.5]


def test_a_semicolon_joins_clauses_of_one_sentence() -> None:
    # the EBITDA after "；" had no year: the semicolon ended the sentence
    found = find_figures("万国数据2023年净收入为98.7亿元；调整后EBITDA为45.5亿元。")
    assert found["year"].tolist() == [2023, 2023]
    # a year in the clause after the semicolon is that clause's
    found = find_figures("2022年收入为100亿元；2023年收入为120亿元。")
    assert found["year"].tolist() == [2022, 2023]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # a figure of "last year" took the year of the sentence's other figure (2025)
        ("Hyperscalers will spend $250bn in 2025, compared with $150bn last year.", [2025, None]),
        ("2023年收入为120亿元，去年为100亿元。", [2023, None]),
        # a base year stays a base: the growth is of 2023
        ("Revenue was $3bn in 2023, up 20% from last year.", [2023, 2023]),
        ("2023年净收入为98.7亿元，较上年增长7.7%。", [2023, 2023]),
        ("2023年净收入为98.7亿元，与上年相比增长7.7%。", [2023, 2023]),
    ],
)
def test_a_figure_of_a_relative_year_gets_no_year(text: str, years: list[int | None]) -> None:
    found = find_figures(text)["year"]
    assert [None if pd.isna(y) else int(y) for y in found] == years


def test_a_time_word_before_a_number_is_not_its_unit() -> None:
    # "每年约100万架" was the figure "年约100万", 100 'year 10k'; now 每年 before
    # the amount makes it a rate a year (1 million racks a year), as "a year" after does
    found = find_figures("预计2024-2026年，新增机架规模每年约100万架。")
    assert list(zip(found["figure"], found["unit"], found["period"], strict=True)) == [
        ("每年约100万架", "racks 10k/year", "2024-2026")
    ]


def test_basis_points_are_figures() -> None:
    found = find_figures("EBITDA margin improved 120bps to 47.3% in 2024.")
    assert list(zip(found["figure"], found["unit"], found["year"], strict=True)) == [
        ("120bps", "bp", 2024),
        ("47.3%", "%", 2024),
    ]


def test_a_trillion_written_t_is_read_whole() -> None:
    # "$1.2T" was the figure "$1.2": USD 1.2 instead of 1.2 trillion
    found = find_figures("Spending will hit $1.2T by 2030, from US$0.8T in 2025.")
    assert list(zip(found["figure"], found["unit"], found["year"], strict=True)) == [
        ("$1.2T", "USD tn", 2030),
        ("US$0.8T", "USD tn", 2025),
    ]


@pytest.mark.parametrize(
    "text", ["5G networks drive demand.", "A 400Gbps link.", "3nm chips.", "Q3 sales.",
             "10,000 H100 GPUs.", "3D printing.", "Sales rose 3x."],
)  # fmt: skip
def test_a_number_glued_to_letters_is_no_figure(text: str) -> None:
    # counts=True read "5G" as the count 5, "H100" as 100, "Q3" as 3
    figures = find_figures(text, counts=True)["figure"].tolist()
    assert [f for f in figures if f != "10,000"] == []


@pytest.mark.parametrize(
    ("text", "year"),
    [
        # "FY2025/26" was the year 2025, "FY2024-25" the period 2024-2025: a fiscal year
        # over two calendar years is named by the year it ends in (as _cells.unread_year asks)
        ("Revenue reached $3.2bn in FY2025/26.", 2026),
        ("In FY2024-25 revenue was $2bn.", 2025),
        ("Revenue of $3.2bn in FY 2025/2026.", 2026),
        ("2025/26财年收入为32亿元。", 2026),
        ("Revenue of $3.2bn in FY26.", 2026),
    ],
)
def test_a_fiscal_year_over_two_calendar_years_is_the_year_it_ends_in(text: str, year: int) -> None:
    found = find_figures(text)
    assert (int(found["year"].iloc[0]), found["period"].iloc[0]) == (year, "")


def test_a_fiscal_year_can_be_a_base_year() -> None:
    # "on FY2024/25" is what the rise is measured against (it took 2025, the base's end year)
    found = find_figures("Revenue rose 15% on FY2024/25 to $3.1 billion in FY2025/26.")
    assert found["year"].tolist() == [2026, 2026]


def test_two_years_without_a_fiscal_mark_stay_a_period() -> None:
    found = find_figures("In 2024-25 revenue was $2bn.")
    assert (pd.isna(found["year"].iloc[0]), found["period"].iloc[0]) == (True, "2024-2025")


@pytest.mark.parametrize(
    ("text", "periods"),
    [
        # the CAGR took its "from" year alone (2023, 2024) or the target's (2030)
        ("The market will grow at a 15% CAGR from 2023 levels to reach $50bn by 2030.",
         ["2023-2030", ""]),
        ("It will reach USD 50 billion by 2030, growing at a CAGR of 12% from 2024.",
         ["", "2024-2030"]),
        # 100 -> 300 over 2023-2030: 3 ** (1 / 7) - 1 = 17.0%, the rate of that period
        ("2023年市场规模为100亿元，预计2030年将达到300亿元，年复合增长率为17%。",
         ["", "", "2023-2030"]),
        # three years: the rate's own year and the one next to it; (6 / 3) ** (1 / 7) - 1 =
        # 10.4% over 2023-2030, where 2020-2030 would be (6 / 2) ** (1 / 10) - 1 = 11.6%
        ("Revenue was $2bn in 2020, $3bn in 2023 and will be $6bn by 2030, a 10% CAGR.",
         ["", "", "", "2023-2030"]),
        # (204.31 / 76.85) ** (1 / 7) - 1 = 15.0%: 2025-2032, not 2024-2032
        ("The market was valued at USD 69.89 billion in 2024 and is projected to grow from "
         "USD 76.85 billion in 2025 to USD 204.31 billion by 2032, exhibiting a CAGR of 15.0% "
         "during the forecast period.", ["", "", "", "2025-2032"]),
        # one year only: a period up to it whose start no year names (text54: was "")
        ("It will grow at a CAGR of 12% through 2030.", ["?-2030"]),
    ],
)  # fmt: skip
def test_a_compound_rate_between_two_years_gets_their_period(text: str, periods: list[str]) -> None:
    assert find_figures(text)["period"].tolist() == periods


def test_tenths_written_cheng_are_figures() -> None:
    found = find_figures("2023年，公司市场份额超过3成；成本下降了2成。")
    assert list(zip(found["figure"], found["unit"], found["year"], strict=True)) == [
        ("超过3成", "tenths", 2023),
        ("下降了2成", "tenths", 2023),
    ]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # the rate took 2025 from the next clause (its figure is 3800亿元), not its level's 2023
        ("2023年我国数据中心市场收入达到2407亿元，同比增长26.7%，预计2025年将突破3800亿元。",
         [2023, 2023, 2025]),
        ("In 2023 revenue reached $3bn, up 20%, and will hit $5bn in 2025.", [2023, 2023, 2025]),
        # a year in the rate's own clause stays its year
        ("2023年收入为100亿元，2024年同比增长20%，达到120亿元。", [2023, 2024, 2024]),
        # a base year between level and rate: the 26.6% took 2023 from the next clause
        ("2022年市场规模为1900.7亿元，较2021年增长26.6%；2023年为2407亿元。", [2022, 2022, 2023]),
        ("2022年市场规模为1900.7亿元，与2021年相比增长26.6%；2023年为2407亿元。",
         [2022, 2022, 2023]),
    ],
)  # fmt: skip
def test_a_rate_set_off_after_a_level_takes_the_level_s_year(text: str, years: list[int]) -> None:
    assert find_figures(text)["year"].tolist() == years


def test_a_figure_in_parentheses_after_a_bare_number_is_read() -> None:
    # "Phase 1 (40MW)" read as the count 1 with the alternate 40MW, and the count, no
    # figure, was dropped with its alternate: 40 MW was lost
    found = find_figures("Phase 1 (40MW) opens in 2026; Building 2 (12,000 racks) too.")
    assert list(zip(found["figure"], found["unit"], found["alternate"], strict=True)) == [
        ("40MW", "MW", None),
        ("12,000 racks", "racks", None),
    ]


def test_a_price_in_cents_is_a_figure() -> None:
    found = find_figures("Power costs 8.5 cents per kWh in Virginia in 2024.")
    assert list(zip(found["figure"], found["unit"], found["year"], strict=True)) == [
        ("8.5 cents per kWh", "USD cent/kWh", 2024)
    ]


def test_pue_named_in_chinese_is_a_pue() -> None:
    # 电能利用效率 is PUE's Chinese name in policy documents; "1.5以下" was a bare count
    found = find_figures(
        "到2025年底，平均电能利用效率降至1.5以下；新建数据中心电能利用效率（PUE）不高于1.25。"
    )
    assert list(zip(found["value"], found["unit"], found["qualifier"], strict=True)) == [
        (1.5, "PUE", "at_most"),
        (1.25, "PUE", "at_most"),
    ]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # read as the range 15.2-30.1 with the midpoint 22.65 USD bn, a figure no one wrote
        ("The market is expected to grow from USD 15.2 billion to USD 30.1 billion by 2030.",
         [("USD 15.2 billion", 15.2, "USD bn", "exact"),
          ("USD 30.1 billion", 30.1, "USD bn", "exact")]),
        ("Revenue rose from $10bn to $12bn.",
         [("$10bn", 10.0, "USD bn", "exact"), ("$12bn", 12.0, "USD bn", "exact")]),
        ("Revenue was up from $10bn to $12bn.",
         [("$10bn", 10.0, "USD bn", "exact"), ("$12bn", 12.0, "USD bn", "exact")]),
        ("Capacity increased from 500 MW to 800 MW between 2020 and 2024.",
         [("500 MW", 500.0, "MW", "exact"), ("800 MW", 800.0, "MW", "exact")]),
        # the first level's unit is written once, after the second
        ("Capacity grew from 10 to 20 MW.",
         [("10", 10.0, "MW", "exact"), ("20 MW", 20.0, "MW", "exact")]),
        ("The market grew from more than $10bn to nearly $20bn.",
         [("more than $10bn", 10.0, "USD bn", "at_least"),
          ("nearly $20bn", 20.0, "USD bn", "at_most")]),  # nearly: a little under
        # a range stays one
        ("Prices range from $100 to $150 per kW.",
         [("$100 to $150 per kW", 125.0, "USD/kW", "exact")]),
        ("Estimates vary from $5bn to $7bn.", [("$5bn to $7bn", 6.0, "USD bn", "exact")]),
    ],
)  # fmt: skip
def test_a_change_from_one_level_to_another_is_two_figures(
    text: str, rows: list[tuple[str, float, str, str]]
) -> None:
    found = find_figures(text)
    assert (
        list(zip(found["figure"], found["value"], found["unit"], found["qualifier"], strict=True))
        == rows
    )
    if len(rows) == 2:
        assert found["low"].isna().all() and found["high"].isna().all()


def test_a_rate_against_a_quarter_of_a_year_is_not_that_year_s() -> None:
    # "from Q4 2022" is the base of the 10%: it took 2022, the $5bn's level being 2023
    found = find_figures("Q4 2023 revenue was $5bn, up 10% from Q4 2022's $4.5bn.")
    assert found["year"].tolist() == [2023, 2023, 2022]
    found = find_figures("Sales were $5bn in Q4 2023, 10% higher compared with Q4 2022.")
    assert found["year"].tolist() == [2023, 2023]


def test_a_duration_before_nian_jun_leaves_the_rate_its_per_year_word() -> None:
    # "近5年年均增速" read as the figure "近5年年" (a unit "年年"), taking 年均's 年
    # zhnum30: "近5年" (the last 5 years, a window) is no figure either: it read
    # "approximately", then (近 being "nearly") "at most" 5 years
    found = find_figures("截至2023年底，机架总规模超过810万标准机架，近5年年均增速超过30%。")
    assert found["figure"].tolist() == ["超过810万标准机架", "年均增速超过30%"]
    assert found["unit"].tolist() == ["racks 10k", "%"]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # "1.250 MW" read as 1.25 MW beside "2.345,6 Mio. EUR": 1000 times too small
        ("Der Umsatz lag bei 2.345,6 Mio. EUR, ein Plus von 11,7 %. Die Kapazität stieg auf "
         "1.250 MW.", [2345.6, 11.7, 1250.0]),
        ("Die Kapazität stieg auf 1.250 MW, ein Plus von 12,5 %.", [1250.0, 12.5]),
        # no decimal comma, or English numbers beside one: the point stays a decimal point
        ("Die Kapazität stieg auf 1.250 MW.", [1.25]),
        ("Capacity rose to 1.250 GW, up 12,5 and 3.5%.", [1.25, 3.5]),
    ],
)  # fmt: skip
def test_a_text_with_decimal_commas_groups_thousands_with_points(
    text: str, values: list[float]
) -> None:
    assert find_figures(text)["value"].tolist() == values


def test_french_money_is_money_not_a_count() -> None:
    # "1,2 milliard d'euros" was the figure "1,2 milliard", 1.2 "count bn"
    found = find_figures("Le chiffre d'affaires a atteint 1,2 milliard d'euros en 2023.")
    assert list(zip(found["figure"], found["value"], found["unit"], strict=True)) == [
        ("1,2 milliard d'euros", 1.2, "EUR bn")
    ]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # nothing was found: a year between PUE and its number, and the second value bare
        ("我国数据中心平均PUE从2017年的1.6降至2023年的1.48。",
         [("1.6", 1.6, "PUE", 2017), ("1.48", 1.48, "PUE", 2023)]),
        # the 1.3 was lost (a bare number)
        ("The PUE dropped from 1.6 to 1.3 in 2023.",  # 2023 is the 1.3's
         [("PUE dropped from 1.6", 1.6, "PUE", None), ("1.3", 1.3, "PUE", 2023)]),
        ("Average PUE improved from 1.6 in 2017 to 1.48 in 2023, and 12 halls opened.",
         [("PUE improved from 1.6", 1.6, "PUE", 2017), ("1.48", 1.48, "PUE", 2023)]),
        # a bare number after a PUE but not its next value stays no figure
        ("The PUE is 1.2 and 40 halls run at 2 sites.", [("PUE is 1.2", 1.2, "PUE", None)]),
        # the next value further on was lost, and the first took its year (2025)
        ("The campus runs at a PUE of 1.3, falling to 1.2 by 2025.",
         [("PUE of 1.3", 1.3, "PUE", None), ("1.2", 1.2, "PUE", 2025)]),
        ("The campus PUE is 1.3 and will fall to 1.2 by 2025.",
         [("PUE is 1.3", 1.3, "PUE", None), ("1.2", 1.2, "PUE", 2025)]),
        ("数据中心PUE为1.3，到2025年降至1.25以下。",
         [("PUE为1.3", 1.3, "PUE", None), ("1.25以下", 1.25, "PUE", 2025)]),
        ("新建大型数据中心PUE降至1.3以下，改造后降至1.4以下。",
         [("PUE降至1.3以下", 1.3, "PUE", None), ("1.4以下", 1.4, "PUE", None)]),
        # a list of targets: each its own year
        ("It targets a PUE of 1.25 in 2024 and 1.2 in 2025.",
         [("PUE of 1.25", 1.25, "PUE", 2024), ("1.2", 1.2, "PUE", 2025)]),
        ("The annual PUE improved to 1.18, down from 1.25 in 2023.",
         [("PUE improved to 1.18", 1.18, "PUE", None), ("1.25", 1.25, "PUE", 2023)]),
        # another ratio's value is none of the PUE's
        ("The PUE is 1.3 and the WUE fell to 1.8.", [("PUE is 1.3", 1.3, "PUE", None)]),
        # the PUE named with what it is of
        ("The PUE of the campus is 1.3.", [("PUE of the campus is 1.3", 1.3, "PUE", None)]),
    ],
)  # fmt: skip
def test_a_pue_that_changes_gives_both_values(
    text: str, rows: list[tuple[str, float, str, int | None]]
) -> None:
    found = find_figures(text)
    years = [None if pd.isna(y) else int(y) for y in found["year"]]
    assert list(zip(found["figure"], found["value"], found["unit"], years, strict=True)) == rows


@pytest.mark.parametrize(
    ("text", "period", "year"),
    [
        # the founding year made the period 2010-2028: it is no figure's year
        # (text54: up to 2028 from an unknown start, "?-2028", no year; was 2028)
        ("The firm, founded in 2010, expects a CAGR of 20% to 2028.", "?-2028", None),
        # a year another figure takes still bounds the period, in whichever clause
        ("By 2030, the market will reach $100bn, growing at a 14% CAGR from $40bn in 2023.",
         "2023-2030", None),
        ("The market, valued at $5bn in 2020, grew at a CAGR of 12% and reached $8bn in 2024.",
         "2020-2024", None),
    ],
)  # fmt: skip
def test_a_compound_rate_s_period_runs_between_years_of_figures(
    text: str, period: str, year: int | None
) -> None:
    found = find_figures(text)
    rate = found[found["figure"].str.contains("CAGR")].iloc[0]
    assert rate["period"] == period
    assert (None if pd.isna(rate["year"]) else int(rate["year"])) == year


def test_a_number_hyphened_to_its_unit_is_a_figure() -> None:
    # "a 100-MW campus" gave no figure; a count or a duration after a hyphen stays none
    found = find_figures(
        "It filed its Form 10-K, agreed a 5-year lease for a 100-MW campus and a "
        "1.5-gigawatt site with 50-kW racks."
    )
    assert list(zip(found["figure"], found["value"], found["unit"], strict=True)) == [
        ("100-MW", 100.0, "MW"),
        ("1.5-gigawatt", 1.5, "GW"),
        ("50-kW", 50.0, "kW"),
    ]


def test_a_quarter_of_a_two_digit_year_is_that_year() -> None:
    # "3Q24", "1H24", "Q3'24" gave no year; "H100" (a GPU) stays none
    found = find_figures("3Q24 revenue was $5bn; 1H24 capex was $2bn; Q3'24 bookings hit $1bn.")
    assert found["year"].tolist() == [2024, 2024, 2024]
    found = find_figures("H100 GPUs cost $30,000.")
    assert found["year"].isna().all()


@pytest.mark.parametrize(
    ("text", "figures"),
    [
        # "3月" (March) and "12月底" read as 3 and 12 months, "第5年" (the fifth year) as 5 years
        ("3月5日，发改委印发通知，规模达到100亿元。", ["100亿元"]),
        ("今年3月份，市场规模达50亿元；12月底，机架达到10万架。", ["50亿元", "10万架"]),
        ("第5年，收入达到100亿元。", ["100亿元"]),
        # a duration of months and a price per month stay figures
        ("项目工期为18个月，租金为5000元/月。", ["18个月", "5000元/月"]),
    ],
)  # fmt: skip
def test_a_calendar_month_or_an_ordinal_is_no_figure(text: str, figures: list[str]) -> None:
    assert find_figures(text)["figure"].tolist() == figures


def test_a_price_per_hour_keeps_its_hour() -> None:
    # "$0.35/hour" was the figure "$0.35" in USD: the rate's hour was no unit
    found = find_figures("T4 instances cost $0.35/hour.")
    assert list(zip(found["figure"], found["unit"], strict=True)) == [("$0.35/hour", "USD/hour")]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # the 8.5 kW/rack and the 40% took 2023, the year of what they are compared with
        ("The average is 8.5 kW/rack, up from 7.3 kW in 2023.", [None, 2023]),
        ("The pipeline is 40% of the total, versus 35% in 2023.", [None, 2023]),
        ("Revenue was $5bn, compared with $4.5bn in Q4 2022.", [None, 2022]),
        # a year of its own stays, and one shared by a list of figures too
        ("Capex was $200 billion in 2024, up from $150bn in 2023.", [2024, 2023]),
        ("In 2023, revenue was $3bn and profit $1bn.", [2023, 2023]),
    ],
)  # fmt: skip
def test_the_year_of_a_figure_compared_with_is_not_the_first_s(
    text: str, years: list[int | None]
) -> None:
    found = find_figures(text)
    assert [None if pd.isna(y) else int(y) for y in found["year"]] == years


def test_mil_is_a_thousand_in_spanish_and_a_million_in_english() -> None:
    # zhnum30: "mil" was always a million; in Spanish and Portuguese it is a thousand:
    # 300 mil = 300 x 1e3 = 3e5 (no money word after it: the sentence tells the language)
    text = (
        "La empresa invirtió 300 mil en 2024 y otros 5 mil millones de euros en 2025. "
        "O investimento foi de R$ 300 mil em 2024. Revenue was $5 mil in 2023."
    )
    assert _rows(find_figures(text)) == [
        ("300 mil", 300.0, "count thousand", "exact", 2024, ""),
        ("5 mil millones de euros", 5.0, "EUR bn", "exact", 2025, ""),
        ("R$ 300 mil", 300.0, "BRL thousand", "exact", 2024, ""),
        ("$5 mil", 5.0, "USD mn", "exact", 2023, ""),
    ]


def test_spanish_italian_and_german_figures_with_point_thousands() -> None:
    # "1.000 millones" (Spanish: 1,000 million) was 1 million and "2 mil millones"
    # 2 million; a point-grouped number before a magnitude word of a language that groups
    # thousands with points is thousands: 1.000 x 1e6 = 1e9, 2.500 x 1e6 = 2.5e9
    text = (
        "Microsoft invertirá 1.000 millones de euros en 2025 y otros 2 mil millones de "
        "dólares en 2026. Aruba investirà 5 miliardi di euro. "
        "Der Strom kostet 8,5 ct/kWh. Die Investition beträgt 2.500 Mio. Euro."
    )
    assert _rows(find_figures(text)) == [
        ("1.000 millones de euros", 1000.0, "EUR mn", "exact", 2025, ""),
        ("2 mil millones de dólares", 2.0, "USD bn", "exact", 2026, ""),
        ("5 miliardi di euro", 5.0, "EUR bn", "exact", None, ""),
        ("8,5 ct/kWh", 8.5, "EUR cent/kWh", "exact", None, ""),
        ("2.500 Mio. Euro", 2500.0, "EUR mn", "exact", None, ""),
    ]
    # alone, without a decimal comma around to tell the convention
    alone = {
        "Microsoft invertirá 1.000 millones de euros en 2025.": 1000.0,
        "Die Investition beträgt 2.500 Mio. Euro.": 2500.0,
        "Aruba investirà 1.200 milioni di euro.": 1200.0,
        "Es kostet 3.400 Millionen Euro.": 3400.0,
        # an English "$1.250 billion" (a bond's size, three decimals) keeps its point
        "It sold $1.250 billion of notes.": 1.25,
        "Revenue of 1.250 million euros.": 1.25,
    }
    for sentence, value in alone.items():
        assert find_figures(sentence)["value"].tolist() == [value], sentence


def test_yen_sign_in_a_japanese_context_is_yen() -> None:
    # "¥" was always yuan, so SoftBank's ¥1.2 trillion was 1.2 "CNY tn" (~20x the
    # yen amount); beside Japan, Tokyo, 円, JPY or kana it is yen
    text = (
        "SoftBank will invest ¥1.2 trillion in data centers in Japan. "
        "Alibaba Cloud will spend ¥380 billion on infrastructure in China. "
        "さくらインターネットは¥100億を投資する。"
    )
    assert _rows(find_figures(text)) == [
        ("¥1.2 trillion", 1.2, "JPY tn", "exact", None, ""),
        ("¥380 billion", 380.0, "CNY bn", "exact", None, ""),  # China: yuan
        ("¥100億", 100.0, "JPY 100m", "exact", None, ""),  # kana: a Japanese sentence
    ]
    # the text's other sentences decide when the figure's own names neither country
    tokyo = "Tokyo-based KDDI reported results. Capex was ¥300 billion in 2024."
    assert find_figures(tokyo)["unit"].tolist() == ["JPY bn"]
    # then the figure's paragraph (its line), then the text; a Japanese company names Japan
    mixed = (
        "NTT plans to invest ¥1.5 trillion by fiscal 2027. Its rival expands in Osaka.\n"
        "中国电信2024年资本开支为935亿元。"
    )
    assert find_figures(mixed)["unit"].tolist() == ["JPY tn", "CNY 100m"]
    assert find_figures("SoftBank will spend ¥200 billion.\n阿里云投入3800亿元。")[
        "unit"
    ].tolist() == ["JPY bn", "CNY 100m"]
    # a price per a thing the registry lacks too
    gpu = find_figures("In Tokyo, H100s rent for ¥300 per GPU-hour.")
    assert gpu["unit"].tolist() == ["JPY/GPU-hour"]
    # a written currency is never changed: "RMB¥", "CN¥" and "元" stay yuan
    assert find_figures("In Japan, the fund holds CN¥5 billion.")["unit"].tolist() == ["CNY bn"]
    # "¥1.2兆円": 兆 (a trillion in Japanese, mega- in Chinese units) was no magnitude the
    # registry knew: no figure, never ¥1.2; text50: 兆 before 円 is a trillion, 1.2 JPY tn
    found = find_figures("投資額は¥1.2兆円に達した。")
    assert list(zip(found["figure"], found["value"], found["unit"], strict=True)) == [
        ("1.2兆円", 1.2, "JPY tn")
    ]


def test_a_yen_sign_read_as_yuan_by_default_says_so() -> None:
    # zhnum30: a bare "¥" in an English text that names neither China nor Japan was
    # read as yuan without a word (in English news "¥" is often yen); it stays yuan, the
    # registry's reading, with a warning that names the figures (the CLI's "note:")
    import re

    from idcforecast.errors import AssumedCurrencyWarning

    text = "The operator will invest ¥300 billion in new campuses by 2027 and ¥50 billion in 2025."
    with pytest.warns(AssumedCurrencyWarning, match=re.escape("'¥300 billion', '¥50 billion'")):
        found = find_figures(text)
    assert found["unit"].tolist() == ["CNY bn", "CNY bn"]
    # a country named, a Chinese text or the figure's own alternate decide: no warning
    for decided, unit in [
        ("Alibaba will invest ¥300 billion.", "CNY bn"),
        ("Tokyo-based KDDI will invest ¥300 billion.", "JPY bn"),
        ("该项目投资¥300亿。", "CNY 100m"),
        ("It will invest ¥440 billion ($2.9 billion).", "JPY bn"),
        ("It will invest CN¥300 billion.", "CNY bn"),
    ]:
        assert find_figures(decided)["unit"].tolist() == [unit]  # (warnings are errors)


def test_a_resolution_name_is_no_thousand() -> None:
    # "4K video" was 4 "count thousand" (4,000 of nothing), listed even without
    # counts=True; a display resolution is a name, as "5G" is
    text = "Streaming of 4K video and 8K TV drives traffic; the site has 10K servers."
    assert _rows(find_figures(text)) == [
        ("10K servers", 10.0, "servers thousand", "exact", None, ""),
    ]
    assert find_figures("Demand for 4K displays rose.", counts=True).empty
    # a thousand of a counted thing the registry lacks stays a thousand
    assert find_figures("It serves 50K homes.")["value"].tolist() == [50.0]


@pytest.mark.parametrize(
    ("text", "values"),
    [
        # zhnum30: "8K employees" was dropped (any word after "8K" made it a resolution);
        # K is a thousand: 8K = 8 x 1e3 = 8,000 employees
        ("The company has 8K employees.", [8.0]),
        ("It hired 4K workers in 2023.", [4.0]),
        # a resolution before a word of video stays no number, in Chinese too ("4K视频"
        # was 4 "count thousand"), and "4K/8K" names two
        ("4K视频和8K电视需求增长。", []),
        ("Demand for 4K/8K content rose.", []),
        ("It ships 8K resolution panels.", []),
        # text31: at a clause's end a resolution is named by what comes before it (these
        # read 4 and 8 "count thousand"); with nothing naming one, K stays a thousand
        ("The cameras record 8K/4K.", []),
        ("Netflix streams in 4K.", []),
        ("Streams in 4K, with HDR.", []),
        ("We hired 4K.", [4.0]),  # 4 x 1e3 = 4,000 (people)
        ("Headcount grew to 8K.", [8.0]),
        ("It supports 4K jobs.", [4.0]),  # a word after it decides: no video word
        # text50: beside another resolution in lines ("1080P"), 4K was 4 "count thousand"
        ("支持4K/1080P视频。", []),
        ("Supports 4K/1080p video.", []),
        ("It offers 4K and 1080p streams.", []),
    ],
)
def test_k_is_a_thousand_unless_it_names_a_resolution(text: str, values: list[float]) -> None:
    found = find_figures(text, counts=True)
    assert found["value"].tolist() == values
    assert set(found["unit"]) <= {"count thousand"}


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # the first level took the year of the second ("$10bn" was 2024's)
        ("Revenue grew from $10bn to $20bn in 2024.", [None, 2024]),
        ("In 2024, revenue grew from $10bn to $20bn.", [None, 2024]),
        # the year between the levels is the first's, and only the first's (the $20bn took
        # it: 2023)
        ("Revenue grew from $10bn in 2023 to $20bn.", [2023, None]),
        ("Revenue grew from $10bn in 2023 to $20bn in 2024.", [2023, 2024]),
        # a period around the change: the first level is its first year, the second its last
        ("Between 2020 and 2024 the market grew from $10bn to $20bn.", [2020, 2024]),
        ("Capacity increased from 500 MW to 800 MW between 2020 and 2024.", [2020, 2024]),
        # Chinese: 从X增长到Y
        ("市场规模从1000亿元增长到2023年的2000亿元。", [None, 2023]),
        ("2023年，市场规模从1000亿元增长至2000亿元。", [None, 2023]),
        ("市场规模从2020年的1000亿元增长到2023年的2000亿元。", [2020, 2023]),
        # a level "today" is of no year the text names
        ("Capacity will grow from 2 GW today to 5 GW by 2030.", [None, 2030]),
        ("Capacity will grow from 2 GW currently to 5 GW in 2030.", [None, 2030]),
    ],
)  # fmt: skip
def test_the_first_level_of_a_change_is_not_of_the_second_level_s_year(
    text: str, years: list[int | None]
) -> None:
    found = find_figures(text)
    assert len(found) == 2 and found["period"].tolist() == ["", ""]
    assert [None if pd.isna(y) else int(y) for y in found["year"]] == years


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # the first rate's period ran to the second rate's year (both 2025-2030)
        # (text54: the first rate runs up to its year from a start not written, "?-2025";
        # it was a rate of 2025 alone)
        ("Revenue will grow at a 10% CAGR to 2025 and a 14% CAGR to 2030.",
         [(None, "?-2025"), (None, "2025-2030")]),
        ("The market will grow at an 8% CAGR until 2024, then at a 12% CAGR to 2030.",
         [(None, "?-2024"), (None, "2024-2030")]),
        # each rate's own years still make its period; "to 2030" alone says no start
        ("It grew at a 12% CAGR from 2018 to 2022 and will grow at a 15% CAGR to 2030.",
         [(None, "2018-2022"), (None, "?-2030")]),
    ],
)  # fmt: skip
def test_a_compound_rate_s_period_does_not_cross_another_rate(
    text: str, dates: list[tuple[int | None, str]]
) -> None:
    found = find_figures(text)
    years = [None if pd.isna(y) else int(y) for y in found["year"]]
    assert list(zip(years, found["period"], strict=True)) == dates


def test_point_thousands_never_start_with_a_zero_nor_make_a_pue() -> None:
    # one "1.234,5" made every point in the text a thousands point: "0.850 %" was
    # 850 % and "a PUE of 1.125" a PUE of 1125 (a PUE is total over IT power, 1 to ~3)
    text = "Der Umsatz lag bei 2.345,6 Mio. EUR; der Anteil betrug 0.850 %; PUE: 1.125."
    found = find_figures(text)
    assert found["value"].tolist() == [2345.6, 0.85, 1.125]
    assert found["unit"].tolist() == ["EUR mn", "%", "PUE"]
    # a real point-grouped number beside them stays thousands
    assert find_figures("Umsatz 2.345,6 Mio. EUR, Kapazität 1.250 MW.")["value"].tolist() == [
        2345.6,
        1250.0,
    ]


def test_a_rate_per_a_thing_the_registry_lacks_is_no_plain_amount() -> None:
    # "$2 per GPU-hour" was a plain $2 (USD): an amount of money no one wrote;
    # the unit keeps what the amount is per, as written
    text = (
        "H100 capacity rents for $2 per GPU-hour, or $2.5/GPU-hour on demand. "
        "Racks draw 30 kW per cabinet. The price is $150 per kW per month. "
        "Colocation earned 5.2万元 per used rack per year."
    )
    found = find_figures(text)
    assert list(zip(found["figure"], found["value"], found["unit"], strict=True)) == [
        ("$2 per GPU-hour", 2.0, "USD/GPU-hour"),
        ("$2.5/GPU-hour", 2.5, "USD/GPU-hour"),
        ("30 kW per cabinet", 30.0, "kW/racks"),  # a cabinet is a rack
        ("$150 per kW per month", 150.0, "USD/kW/month"),  # the registry's: as before
        ("5.2万元 per used rack per year", 5.2, "CNY 10k/used rack/year"),
    ]
    # "per" before a function word or a year is no rate: "$5bn per the filing" is $5bn
    assert find_figures("It raised $5bn per the filing.")["unit"].tolist() == ["USD bn"]
    # a slash between two currencies' amounts is no rate ("RMB 500 million/US$70 million")
    found = find_figures("It invested RMB 500 million/US$70 million and HK$3bn/S$0.5bn.")
    assert found["figure"].tolist() == [
        "RMB 500 million", "US$70 million", "HK$3bn", "S$0.5bn"
    ]  # fmt: skip
    # a unit hyphened to another is no figure's end: "per MW-month" is per MW per month
    found = find_figures("Wholesale rents were $120 per MW-month.")
    assert list(zip(found["figure"], found["unit"], strict=True)) == [
        ("$120 per MW-month", "USD/MW-month")
    ]
    # a rate the registry refuses for a reason stays as it read it
    assert find_figures("It has 5 servers per US$ spent.")["unit"].tolist() == ["servers"]


def test_common_chinese_numerals_are_read_and_plan_names_are_not() -> None:
    # "五百亿元", "两千亿元" and "三成" gave no figure (Chinese numerals were not
    # read at all); one numeral before a magnitude word or 成 is read as its digit:
    # 五百亿元 = 5 x 百亿 = 5e10 yuan, 两千亿元 = 2 x 千亿 = 2e11 yuan, 三成 = 3 tenths = 30%
    text = (
        "腾讯计划投资五百亿元建设数据中心，其中两千亿元用于算力，约三成企业已上云，"
        "新增两千台服务器。“十四五”期间，一成不变的是需求，一百多家企业参与，"
        "总投资三千五百亿元，九成九的企业。"
    )
    assert _rows(find_figures(text)) == [
        ("五百亿元", 5.0, "CNY 10bn", "exact", None, ""),
        ("两千亿元", 2.0, "CNY 100bn", "exact", None, ""),
        ("约三成", 3.0, "tenths", "approximately", None, ""),
        ("两千台服务器", 2.0, "servers thousand", "exact", None, ""),
        # zhnum30: the compound numeral reads (it gave no figure): 三千五百 = 3500, x 亿
        ("三千五百亿元", 3500.0, "CNY 100m", "exact", None, "2021-2025"),
    ]  # not 十四五 (a plan's name), 一成不变 (an idiom), 一百多家 (a count), nor
    # 九成九 (99%, not 90%)
    assert parse_quantity("两千亿元").unit == "CNY 100bn"
    assert (parse_quantity("超过三成").value, parse_quantity("超过三成").qualifier) == (
        3.0,
        "at_least",
    )
    with pytest.raises(ParseError, match="Chinese numeral that is no number"):
        parse_quantity("十分重要")


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit", "yuan_or_count"),
    [
        # 三千五百 = 3x1000 + 5x100 = 3500; x 亿 (1e8) = 3.5e11 yuan
        ("总投资三千五百亿元。", "三千五百亿元", 3500.0, "CNY 100m", 3.5e11),
        # a first 十 is ten: 十亿 = 10 x 1e8 = 1e9 yuan (1 "CNY bn")
        ("项目投资十亿元。", "十亿元", 1.0, "CNY bn", 1e9),
        # 一百二十 = 1x100 + 2x10 = 120; x 万 (1e4) = 1.2e6 servers
        ("部署一百二十万台服务器。", "一百二十万台服务器", 120.0, "servers 10k", 1.2e6),
        # 百分之三十 = 30 per hundred: 30% (it read 3%: "三" before "十" was taken alone)
        ("占比百分之三十。", "百分之三十", 30.0, "%", None),
        # 二十七 = 2x10 + 7 = 27, 点八 = .8: 27.8%
        ("占比为百分之二十七点八。", "百分之二十七点八", 27.8, "%", None),
        # one numeral before 千亿 (1e11): 2 x 1e11 = 2e11 yuan
        ("其中两千亿元用于算力。", "两千亿元", 2.0, "CNY 100bn", 2e11),
        # 一点五 = 1.5; x 亿 = 1.5e8 yuan
        ("营收一点五亿元。", "一点五亿元", 1.5, "CNY 100m", 1.5e8),
        # 三亿五千万 = 3x1e8 + 5000x1e4 = 3.5e8 yuan = 3.5 x 亿 (1e8), in the magnitude word
        # written first (text31: it read 35 "CNY 10m", 35 x 千万, a word no one wrote)
        ("融资三亿五千万元。", "三亿五千万元", 3.5, "CNY 100m", 3.5e8),
        # 一万五千 = 1x1e4 + 5x1e3 = 15000 = 1.5 x 万 (was 15 "CNY thousand")
        ("月薪一万五千元。", "一万五千元", 1.5, "CNY 10k", 1.5e4),
        # spoken 一万五 = 一万五千 = 1.5 x 1e4 = 15000 yuan; 三亿五 = 3.5 x 1e8 (gave none:
        # "1.5万" takes more characters than "一万五", which only the parser puts in digits)
        ("月薪一万五元。", "一万五元", 1.5, "CNY 10k", 1.5e4),
        ("融资三亿五美元。", "三亿五美元", 3.5, "USD 100m", None),
        # 十几亿 = ten-odd 亿, as 10多亿: at least 10 x 1e8 = 1e9 yuan (gave none)
        ("市场规模达十几亿元。", "十几亿元", 10.0, "CNY 100m", 1e9),
        ("部署二十几万台服务器。", "二十几万台服务器", 20.0, "servers 10k", 2e5),  # >= 20 x 1e4
        # 百分之百 = 100 per hundred: 100% (gave none)
        ("渗透率达到百分之百。", "百分之百", 100.0, "%", None),
        # 一千二百三十四万 = 1234 x 1e4 (the magnitude word as written)
        ("新增一千二百三十四万元。", "一千二百三十四万元", 1234.0, "CNY 10k", 1.234e7),
        # the 千 of 千瓦时 (kWh) is no numeral's: 两千七百 = 2700, x 亿 = 2.7e11 kWh
        ("耗电两千七百亿千瓦时。", "两千七百亿千瓦时", 2700.0, "kWh 100m", None),
        ("发电五亿千瓦时。", "五亿千瓦时", 5.0, "kWh 100m", None),  # 5 x 1e8 kWh
        # "多" between the number and the magnitude: 一千多万 = more than 1000 x 1e4 = 1e7
        ("新增一千多万台服务器。", "一千多万台服务器", 1000.0, "servers 10k", 1e7),
        ("投资两百多亿元。", "两百多亿元", 200.0, "CNY 100m", 2e10),  # 200 x 1e8
        ("投资三百余亿元。", "三百余亿元", 300.0, "CNY 100m", 3e10),
        # 十万亿 = ten 万亿 = 10 x 1e12 = 1e13 yuan (十万 then 亿 is no one magnitude word)
        ("数字经济规模超过十万亿元。", "超过十万亿元", 10.0, "CNY tn", 1e13),
        ("数字经济规模五十万亿元。", "五十万亿元", 50.0, "CNY tn", 5e13),  # 50 x 1e12
        # 百 alone is no registry magnitude: 两百 = 2 x 100 = 200 (text28: "两百兆瓦" gave none)
        ("规划建设两百兆瓦。", "两百兆瓦", 200.0, "MW", None),
        ("部署三百台服务器。", "三百台服务器", 300.0, "servers", 300),
    ],
)
def test_compound_chinese_numerals_are_read(
    text: str, figure: str, value: float, unit: str, yuan_or_count: float | None
) -> None:
    found = find_figures(text)
    assert list(zip(found["figure"], found["value"], found["unit"], strict=True)) == [
        (figure, value, unit)
    ]
    quantity = parse_quantity(figure)
    assert (quantity.value, quantity.unit) == (value, unit)
    if yuan_or_count is not None:
        base = "servers" if unit.startswith("servers") else "CNY"
        assert quantity.to(base).value == pytest.approx(yuan_or_count)


@pytest.mark.parametrize(
    "text",
    [
        "“十三五”期间，行业发展迅速。",  # a plan's name
        "十分重要的一个项目，万一失败，千万不要放弃。",  # words, not numbers
        "排名第一百二十位，共有一百多家企业，二十年来。",  # an ordinal, counts, a duration
        "新增服务器数十万台，投资数十亿元。",  # "several tens of 万": no number (was 1 x 十万)
    ],
)
def test_chinese_numerals_that_are_no_amount_give_no_figure(text: str) -> None:
    assert find_figures(text).empty


def test_chinese_numerals_of_a_pue_and_of_years() -> None:
    # a PUE in numerals was dropped as a count ("一点三" = 1.3); a year digit by digit
    # ("二〇二一年") was no year, so the figures had none
    found = find_figures(
        "全国平均PUE从二〇二〇年的一点四九降至二〇二三年的一点四八，新建数据中心PUE降至一点三以下。"
    )
    assert _rows(found) == [
        ("一点四九", 1.49, "PUE", "exact", 2020, ""),
        ("一点四八", 1.48, "PUE", "exact", 2023, ""),
        ("PUE降至一点三以下", 1.3, "PUE", "at_most", 2023, ""),  # as "1.3" takes it
    ]
    found = find_figures("市场规模由二〇二一年的一千五百亿元增长到二〇二三年的两千四百亿元。")
    assert _rows(found) == [
        ("一千五百亿元", 1500.0, "CNY 100m", "exact", 2021, ""),
        ("两千四百亿元", 2400.0, "CNY 100m", "exact", 2023, ""),
    ]


def test_a_five_year_plan_is_its_period() -> None:
    # "十四五" (the 14th Five-Year Plan, 2021-2025) was no period, so a target in
    # its sentence took the year of another clause's figure (PUE 1.3 was 2020's)
    found = find_figures(
        "“十四五”期间，新建数据中心PUE控制在1.3以下，全国平均PUE从2020年的1.49降至2023年的1.48。"
    )
    assert list(zip(found["value"], found["period"], strict=True)) == [
        (1.3, "2021-2025"),
        (1.49, ""),
        (1.48, ""),
    ]
    assert found["year"].tolist()[1:] == [2020, 2023]
    # 十三五 is 2016-2020, 十五五 2026-2030 (the plans run five years from 1966's third)
    found = find_figures("十三五期间投资超过1000亿元；十五五时期规模将达到5000亿元。")
    assert found["period"].tolist() == ["2016-2020", "2026-2030"]


def test_a_year_earlier_is_no_rate_a_year() -> None:
    # "46% a year earlier" was the figure "46% a year" (a rate per year)
    found = find_figures("Margin was 47%, compared with 46% a year earlier.")
    assert found["figure"].tolist() == ["47%", "46%"]


def test_a_list_dash_is_no_minus_sign() -> None:
    # "- 1900万 servers in use" (a Markdown bullet, as in the shared idc_sources.md)
    # was -1900 "servers 10k"
    text = "Notes:\n- 1900万 servers in use at end-2021.\n  - 3% of racks idle.\n-5% margin"
    found = find_figures(text)
    assert found["value"].tolist() == [1900.0, 3.0, -5.0]  # "-5%" keeps its sign
    assert found["figure"].tolist()[0] == "1900万 servers"


def test_one_paragraph_s_decimal_commas_do_not_turn_another_s_points() -> None:
    # one German "2.345,6 Mio. EUR" anywhere in a text made every point-grouped
    # number of it thousands: "$1.250 billion" (a bond's size) was 1,250 USD bn
    text = (
        "Equinix sold 1.250 GW of capacity.\n\n"
        "Its German unit reported revenue of 2.345,6 Mio. EUR and 1.250 MW of capacity."
    )
    assert find_figures(text)["value"].tolist() == [1.25, 2345.6, 1250.0]
    # in one paragraph, a dollar amount keeps the English point too
    one = "Equinix sold $1.250 billion of notes; its German unit had 2.345,6 Mio. EUR."
    assert find_figures(one)["value"].tolist() == [1.25, 2345.6]


def test_a_month_span_is_no_figure_and_a_share_after_its_level_takes_its_year() -> None:
    # "2024年1-9月" was the figure 5 "month" (the midpoint of 1 to 9 months), and
    # the 1.6% share of the 2023 consumption took the next clause's 2030
    text = (
        "2023年全国数据中心耗电量达到1500亿千瓦时，约占全社会用电量的1.6%，预计到2030年将突破"
        "4000亿千瓦时。2024年1-9月，算力投资约为800亿元，1至6月为500亿元。"
    )
    assert _rows(find_figures(text)) == [
        ("1500亿千瓦时", 1500.0, "kWh 100m", "exact", 2023, ""),
        # "约占...的1.6%": about 1.6% (text55; was "exact", the 约 before 占 not read)
        ("1.6%", 1.6, "%", "approximately", 2023, ""),
        ("突破4000亿千瓦时", 4000.0, "kWh 100m", "at_least", 2030, ""),
        ("约为800亿元", 800.0, "CNY 100m", "approximately", 2024, ""),
        ("500亿元", 500.0, "CNY 100m", "exact", 2024, ""),
    ]
    # a duration of months stays one: "3-6个月" is 3 to 6 months
    assert find_figures("工期3-6个月。")["unit"].tolist() == ["month"]


def test_a_chinese_price_per_unit_written_before_its_amount() -> None:
    # "以每架每月8000元的价格" was a plain 8000 CNY; Chinese writes what a price is
    # per before it ("每千瓦每月", "每机柜每年")
    text = (
        "机柜以每架每月8000元出租，电力按每千瓦每月150元计，部分客户每机柜每年10万元，"
        "GPU每卡每小时12元。"
    )
    found = find_figures(text)
    assert list(zip(found["figure"], found["value"], found["unit"], strict=True)) == [
        ("每架每月8000元", 8000.0, "CNY/racks/month"),
        ("每千瓦每月150元", 150.0, "CNY/kW/month"),
        ("每机柜每年10万元", 10.0, "CNY 10k/racks/year"),  # 机柜 is a rack
        ("每卡每小时12元", 12.0, "CNY/卡/hour"),  # 卡 (a GPU card) as written: no unit
    ]
    # "每年" right before an amount is a rate a year, as "$3bn a year" is; so is a monthly
    # rent ("每月租金8000元", text40: it was a plain 8000 CNY); other words after 每 leave
    # the amount as it was ("每年新增投资200亿元": 新增, new, names no price)
    found = find_figures("投资每年200亿元，每月租金8000元，每年20%，每年新增投资200亿元。")
    assert found["unit"].tolist() == ["CNY 100m/year", "CNY/month", "%", "CNY 100m"]


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [
        # text40: the price's name between 每X and the amount hid the rate: "每兆瓦投资约
        # 1000万元" (10m yuan per MW) was a plain 1000 CNY 10k, an investment's total
        ("每兆瓦投资约1000万元。", "每兆瓦投资约1000万元", 1000.0, "CNY 10k/MW"),
        ("每千瓦时电价为0.35元。", "每千瓦时电价为0.35元", 0.35, "CNY/kWh"),
        ("每架每月租金约8000元。", "每架每月租金约8000元", 8000.0, "CNY/racks/month"),
    ],
)
def test_a_chinese_price_named_between_its_per_and_its_amount(
    text: str, figure: str, value: float, unit: str
) -> None:
    found = find_figures(text)
    assert list(zip(found["figure"], found["value"], found["unit"], strict=True)) == [
        (figure, value, unit)
    ]


def test_the_end_of_a_base_period_is_a_base_year() -> None:
    # "up 5.5% compared with the end of 4Q22" (GDS's results) dated the 5.5% 2022,
    # the year it is compared with; it is the 4Q23 figure's change
    text = (
        "Area committed was 611,599 sqm at the end of 4Q23, up 5.5% compared with the end of 4Q22."
    )
    assert find_figures(text)["year"].tolist() == [2023, 2023]
    text = "Capacity rose 8% versus the end of 2022 to 1.2 GW in 2023."
    assert find_figures(text)["year"].tolist() == [2023, 2023]


def test_a_yen_sign_s_own_alternate_decides_between_yen_and_yuan() -> None:
    # with no country named, "¥440 billion ($2.9 billion)" was 440 CNY bn, 61.1
    # USD bn at 2024's 7.1957 CNY per USD (data/fx_rates.csv), twenty times the text's own
    # $2.9bn; as yen (151.4551 JPY per USD in 2024: 440 / 151.4551 = 2.905) it matches
    found = find_figures("The company will spend ¥440 billion ($2.9 billion) by 2024.")
    assert found["unit"].tolist() == ["JPY bn"]
    # the alternate keeps the yuan when it matches yuan, whatever the places: no year in
    # the sentence, the latest rates (2025's) are used: 500 / 7.18 = 69.6, near 71.2
    found = find_figures("It will invest ¥500 billion ($71.2 billion) in Tokyo and Osaka.")
    assert found["unit"].tolist() == ["CNY bn"]


def test_a_level_compared_with_a_rate_takes_the_rate_s_unit() -> None:
    # "12 kW per rack in 2024 from 8.4 kW in 2021" gave the 8.4 'kW', a power,
    # beside a density in kW/racks: the 'per rack' is written once for both
    text = (
        "Average rack density rose to 12 kW per rack in 2024 from 8.4 kW in 2021. "
        "Prices grew from $100 to $120 per kW per month. It added 5 MW, up from 3 MW."
    )
    found = find_figures(text)
    assert list(zip(found["figure"], found["unit"], strict=True)) == [
        ("12 kW per rack", "kW/racks"),
        ("8.4 kW", "kW/racks"),
        ("$100", "USD/kW/month"),
        ("$120 per kW per month", "USD/kW/month"),
        ("5 MW", "MW"),
        ("3 MW", "MW"),
    ]


@pytest.mark.parametrize(
    ("text", "value", "unit", "qualifier"),
    [
        # text31: ten-odd, twenty-odd: more than 10 (20), as "10多亿" is (both gave none)
        ("十几亿元", 10.0, "CNY 100m", "at_least"),
        ("超过十几亿元", 10.0, "CNY 100m", "at_least"),
        ("二十几万台", 20.0, "servers 10k", "at_least"),
        # spoken: 一万五 = 1e4 + 5e3 = 1.5 x 1e4; 两亿五 = 2e8 + 5e7 = 2.5 x 1e8
        ("一万五", 1.5, "count 10k", "exact"),
        ("两亿五美元", 2.5, "USD 100m", "exact"),
        ("百分之百", 100.0, "%", "exact"),
    ],
)
def test_spoken_and_ten_odd_numerals_parse(
    text: str, value: float, unit: str, qualifier: str
) -> None:
    quantity = parse_quantity(text)
    assert (quantity.value, quantity.unit, quantity.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [
        # text40: "十余万架" (ten-odd 万 racks) gave no figure: more than 10 x 1e4 racks,
        # as "十几万" is; "十多亿元" likewise more than 10 x 1e8 yuan
        ("数据中心机柜十余万架。", "十余万架", 10.0, "racks 10k"),
        ("营收十多亿元。", "十多亿元", 10.0, "CNY 100m"),
    ],
)
def test_ten_and_more_before_a_magnitude(text: str, figure: str, value: float, unit: str) -> None:
    found = find_figures(text)
    rows = zip(found["figure"], found["value"], found["unit"], found["qualifier"], strict=True)
    assert list(rows) == [(figure, value, unit, "at_least")]
    quantity = parse_quantity(figure)
    assert (quantity.value, quantity.unit, quantity.qualifier) == (value, unit, "at_least")


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit", "qualifier"),
    [
        # text40: "-plus" (at least) gave no figure: "GW-plus" read as one unknown unit
        ("The full build is 2.5 GW-plus.", "2.5 GW-plus", 2.5, "GW", "at_least"),
        ("It is a $1bn-plus project.", "$1bn-plus", 1.0, "USD bn", "at_least"),
        # "year-over-year" after a rate is a growth word, as "year-on-year" is
        ("Prices rose 11.3% year-over-year.", "rose 11.3% year-over-year", 11.3, "%", "exact"),
    ],
)
def test_plus_and_year_over_year_after_a_figure(
    text: str, figure: str, value: float, unit: str, qualifier: str
) -> None:
    found = find_figures(text)
    rows = zip(found["figure"], found["value"], found["unit"], found["qualifier"], strict=True)
    assert list(rows) == [(figure, value, unit, qualifier)]


def test_several_tens_and_a_numeral_run_on_stay_no_number() -> None:
    # "几十亿" is several 十亿, no number; "一万五千" is no spoken short form (it fits)
    with pytest.raises(ParseError, match="no number"):
        parse_quantity("几十亿元")
    assert find_figures("几十亿元的投资，十几年来。", counts=True).empty
    assert parse_quantity("一万五千元").value == 1.5  # 15000 = 1.5 x 1e4


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [
        # text31: "about 19-odd million" was "two qualifiers disagree" in parse_quantity and
        # lost its 约 in find_figures: the 多 (more than 1900 x 1e4) stands, 约 hedges it
        ("约1900多万台服务器", 1900.0, "servers 10k"),
        ("投资约五十几亿元", 50.0, "CNY 100m"),  # 约 + 五十几 = 50多: >= 50 x 1e8
        ("大约2000余亿元", 2000.0, "CNY 100m"),
    ],
)
def test_about_and_odd_read_as_more_than(text: str, value: float, unit: str) -> None:
    quantity = parse_quantity(text.removeprefix("投资"))
    assert (quantity.value, quantity.unit, quantity.qualifier) == (value, unit, "at_least")
    found = find_figures(text)
    assert found["figure"].str.startswith(("约", "大约")).tolist() == [True]
    assert found["qualifier"].tolist() == ["at_least"]


def test_nearly_and_odd_still_disagree() -> None:
    # 近 (at most) and 多 (at least) contradict each other: an error that names both
    with pytest.raises(ParseError, match="two qualifiers disagree"):
        parse_quantity("近1900多万台")


@pytest.mark.parametrize(
    ("text", "value", "qualifier"),
    [
        # text31: a share whose digits do not fit in its numeral's place gave no figure
        # ("a Chinese numeral that is no number" in parse_quantity): 十 = 10 per hundred
        ("占比百分之十。", 10.0, "exact"),
        ("百分之十点五", 10.5, "exact"),  # 十点五 = 10 + 0.5
        ("百分之十几", 10.0, "at_least"),  # ten-odd per cent: more than 10%
        ("百分之百", 100.0, "exact"),
    ],
)
def test_shares_whose_digits_take_more_room(text: str, value: float, qualifier: str) -> None:
    found = find_figures(text)
    assert list(zip(found["value"], found["unit"], found["qualifier"], strict=True)) == [
        (value, "%", qualifier)
    ]
    figure = found["figure"].iloc[0]
    assert figure.startswith("百分之")
    quantity = parse_quantity(figure)
    assert (quantity.value, quantity.unit, quantity.qualifier) == (value, "%", qualifier)


def test_a_range_of_shares_to_ten_per_cent() -> None:
    # 百分之五到百分之十: 5% to 10%, midpoint (5 + 10) / 2 = 7.5 (the 十 was dropped)
    found = find_figures("增长百分之五到百分之十。")
    assert list(zip(found["value"], found["low"], found["high"], strict=True)) == [(7.5, 5.0, 10.0)]


@pytest.mark.parametrize(
    ("text", "low", "high", "unit"),
    [
        # text31: two neighbouring digits are a range (they gave no figure): 两三千亿 =
        # 2 to 3 x 1000 亿 = 2000 to 3000 CNY 100m (midpoint 2500)
        ("投资两三千亿元。", 2000.0, 3000.0, "CNY 100m"),
        ("规模五六十亿元。", 50.0, 60.0, "CNY 100m"),  # 5 to 6 x 10 亿
        ("融资三四亿美元。", 3.0, 4.0, "USD 100m"),
        ("新增七八百台服务器。", 700.0, 800.0, "servers"),  # 7 to 8 x 100
    ],
)
def test_neighbouring_numerals_are_a_range(text: str, low: float, high: float, unit: str) -> None:
    found = find_figures(text)
    assert list(zip(found["low"], found["high"], found["value"], found["unit"], strict=True)) == [
        (low, high, (low + high) / 2, unit)
    ]


def test_numerals_that_are_no_neighbours_stay_words() -> None:
    # "三五成群" (in small groups), "七八十年代" (the seventies and eighties: a time),
    # "七八成熟" (成熟 ripe: no tenths), "四六级" (a name)
    assert find_figures("三五成群，七八十年代，十四五规划，七八成熟，四六级。", counts=True).empty
    with pytest.raises(ParseError):
        parse_quantity("四六千亿元")  # four and six: not neighbours, not read


@pytest.mark.parametrize(
    ("text", "figure", "low", "high", "unit"),
    [
        # text40: these gave no figure. 七八成 = 7 to 8 tenths (70-80%), midpoint 7.5
        ("上架率约七八成。", "约七八成", 7.0, 8.0, "tenths"),
        ("八九成的机房已满。", "八九成", 8.0, 9.0, "tenths"),
        # "三五" (three to five) before a magnitude: 3 to 5 x 1000 亿 = 3000 to 5000 CNY 100m
        ("预计投资三五千亿元。", "三五千亿元", 3000.0, 5000.0, "CNY 100m"),
        ("新增三五百台服务器。", "三五百台服务器", 300.0, 500.0, "servers"),  # 3 to 5 x 100
        # "一两" (one or two): 1 to 2 x 1000 亿
        ("投资一两千亿元。", "一两千亿元", 1000.0, 2000.0, "CNY 100m"),
    ],
)
def test_spoken_ranges_of_tenths_and_three_to_five(
    text: str, figure: str, low: float, high: float, unit: str
) -> None:
    found = find_figures(text)
    columns = [found[c] for c in ("figure", "low", "high", "value", "unit")]
    assert list(zip(*columns, strict=True)) == [(figure, low, high, (low + high) / 2, unit)]
    quantity = parse_quantity(figure)
    assert (quantity.low, quantity.high, quantity.unit) == (low, high, unit)


@pytest.mark.parametrize(
    "text", ["我百分之百确定。", "我们有百分之百的把握。", "百分之百地支持。", "他百分之百会来。"]
)
def test_one_hundred_per_cent_as_an_idiom_is_no_figure(text: str) -> None:
    # text40: "我百分之百确定" (I'm 100% sure) gave 100%: an adverb of certainty, no share
    assert find_figures(text).empty
    with pytest.raises(IdcForecastError):
        parse_quantity(text[text.index("百分之百") : -1])  # "百分之百确定"...


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [
        # text40: "1亿5000万元" gave two figures, 1 "count 100m" and 5000 CNY 10k; it is
        # one number: 1亿 + 5000万 = 1e8 + 5e7 = 1.5e8 yuan = 1.5 CNY 100m
        ("2023年投资1亿5000万元用于建设。", "1亿5000万元", 1.5, "CNY 100m"),
        ("营收3亿2500万元。", "3亿2500万元", 3.25, "CNY 100m"),  # 3 + 2500e4 / 1e8
        ("规模1万亿2000亿元。", "1万亿2000亿元", 1.2, "CNY tn"),  # 1e12 + 2e11 = 1.2e12
        ("共1万5千台服务器。", "1万5千台服务器", 1.5, "servers 10k"),  # 1e4 + 5e3 = 1.5e4
    ],
)
def test_a_number_in_two_magnitude_words_is_one_figure(
    text: str, figure: str, value: float, unit: str
) -> None:
    found = find_figures(text)
    assert list(zip(found["figure"], found["value"], found["unit"], strict=True)) == [
        (figure, value, unit)
    ]
    quantity = parse_quantity(figure)
    assert (quantity.value, quantity.unit, quantity.text) == (value, unit, figure)


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit", "qualifier"),
    [
        # text40: Korean 억 (1e8), 조 (1e12) and 원 (won) gave no figure. 6500억원 =
        # 6500 x 1e8 won; the particle 을 after the figure ends it
        ("네이버는 6500억원을 들여 세종 데이터센터를 건립했다.", "6500억원", 6500.0,
         "KRW 100m", "exact"),
        # 2조5000억원 = 2 x 1e12 + 5000 x 1e8 = 2.5e12 won = 2.5 KRW tn
        ("삼성전자는 2조5000억원을 투자한다.", "2조5000억원", 2.5, "KRW tn", "exact"),
        ("총 1조2천억원을 투자한다.", "1조2천억원", 1.2, "KRW tn", "exact"),  # 1e12 + 2e11
        ("시장 규모는 약 5조원에 이를 전망이다.", "약 5조원", 5.0, "KRW tn", "approximately"),
        ("투자 규모는 1조원 이상이다.", "1조원 이상", 1.0, "KRW tn", "at_least"),
        # 50억 달러 = 50 x 1e8 dollars (it gave 50 "count 100m" once 억 was known)
        ("마이크로소프트는 50억 달러를 투자한다.", "50억 달러", 50.0, "USD 100m", "exact"),
        # the 약 ending 계약 (contract) is no "about"
        ("계약 5000억원을 체결했다.", "5000억원", 5000.0, "KRW 100m", "exact"),
    ],
)  # fmt: skip
def test_korean_magnitudes_and_won(
    text: str, figure: str, value: float, unit: str, qualifier: str
) -> None:
    found = find_figures(text)
    rows = zip(found["figure"], found["value"], found["unit"], found["qualifier"], strict=True)
    assert list(rows) == [(figure, value, unit, qualifier)]
    quantity = parse_quantity(figure)
    assert (quantity.value, quantity.unit, quantity.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [
        # text40: "Rs 1,56,250 crore" (Indian grouping) gave "Rs 1", one rupee; it is
        # 1 lakh 56 thousand 250 = 156,250 crore
        ("It will invest Rs 1,56,250 crore by 2030.", "Rs 1,56,250 crore", 156250.0,
         "INR 10m"),
        ("The plant costs ₹12,34,567.", "₹12,34,567", 1234567.0, "INR"),  # 12 lakh + 34,567
        ("A grant of INR 2,50,000 crore.", "INR 2,50,000 crore", 250000.0, "INR 10m"),
    ],
)  # fmt: skip
def test_indian_grouping_beside_rupees_or_crore(
    text: str, figure: str, value: float, unit: str
) -> None:
    found = find_figures(text)
    assert list(zip(found["figure"], found["value"], found["unit"], strict=True)) == [
        (figure, value, unit)
    ]
    quantity = parse_quantity(figure)
    assert (quantity.value, quantity.unit, quantity.text) == (value, unit, figure)


def test_indian_grouping_elsewhere_is_no_number() -> None:
    with pytest.raises(ParseError, match="a comma that does not separate groups of three"):
        parse_quantity("1,56,250 racks")


def test_a_compound_rate_keeps_its_compound_words() -> None:
    # text40: "年复合增长率为17%" gave the figure "增长率为17%": the words that say it compounds
    # were cut off ("复合增长率为" was no growth word, so the figure began at 增长率为)
    found = find_figures("2023年规模为100亿元，预计2030年将达到300亿元，年复合增长率为17%。")
    assert list(zip(found["figure"], found["period"], strict=True))[2] == (
        "年复合增长率为17%",
        "2023-2030",
    )


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit", "qualifier"),
    [
        # text40: "机柜2万个" (cabinets, 20 thousand of them) was 2 "count 10k": the noun
        # stands before the number, the classifier 个 after it names nothing
        ("新建机柜2万个。", "机柜2万个", 2.0, "racks 10k", "exact"),
        ("可容纳机柜约1万个。", "机柜约1万个", 1.0, "racks 10k", "approximately"),
        # the count's name and a verb between ("机架数达", the rack count reached)
        ("数据中心机架数达81.8万个。", "机架数达81.8万个", 81.8, "racks 10k", "exact"),
        # text50: with no classifier, the count of a noun ("机架数", the number of racks;
        # MIIT's 2024 wording) was 830 "count 10k"
        ("我国在用算力中心标准机架数超过830万。", "标准机架数超过830万", 830.0, "racks 10k",
         "at_least"),
        ("服务器数量达300万。", "服务器数量达300万", 300.0, "servers 10k", "exact"),
        ("服务器出货量约450万。", "服务器出货量约450万", 450.0, "servers 10k", "approximately"),
    ],
)  # fmt: skip
def test_a_chinese_noun_before_a_classified_count(
    text: str, figure: str, value: float, unit: str, qualifier: str
) -> None:
    found = find_figures(text)
    rows = zip(found["figure"], found["value"], found["unit"], found["qualifier"], strict=True)
    assert list(rows) == [(figure, value, unit, qualifier)]


def test_a_korean_ordinal_is_no_figure() -> None:
    # text40: "제3조" (article 3 of a law) read 3 "count tn" once 조 was a magnitude
    assert find_figures("개정안 제3조에 따르면 투자액은 2조원이다.")["figure"].tolist() == ["2조원"]


def test_japanese_cho_and_oku_are_one_figure_in_oku() -> None:
    # text40: "1兆2000億円" gave 2000億円, a sixth of it; 1兆 = 1e12 = 10000億, so the
    # figure is 10000 + 2000 = 12000 JPY 100m (the registry lacks 兆: Chinese mega-)
    found = find_figures("NTTは1兆2000億円を投資する。")
    assert list(zip(found["figure"], found["value"], found["unit"], strict=True)) == [
        ("1兆2000億円", 12000.0, "JPY 100m")
    ]
    assert parse_quantity("1兆2000億円").value == 12000.0
    # digits that do not fit (30005 in three places) give no figure, never 5億円
    assert find_figures("3兆5億円を投資する。").empty
    assert find_figures("功率100兆瓦。")["unit"].tolist() == ["MW"]  # 兆瓦 stays MW


def test_two_magnitude_words_that_make_no_number_stay_apart() -> None:
    from idcforecast.units._compound_magnitudes import compound_magnitudes

    # 5亿 is no part below 1亿; 1亿5万 (1.0005亿) does not fit in its 4 characters
    assert compound_magnitudes("1亿5亿元，1亿5万元") == "1亿5亿元，1亿5万元"
    # text40: the 5万元 of 1亿5万元 was read alone (5 CNY 10k): it is part of 1.0005亿
    assert "5万元" not in find_figures("投资1亿5万元。")["figure"].tolist()


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # text40: the figure kept the verb before it ("将达到三千五百亿元"); the verb says
        # nothing (the value and qualifier were right): the figure is the quantity
        ("预计2025年市场规模将达到三千五百亿元。", "三千五百亿元"),
        ("收入高达3500亿元。", "3500亿元"),
        ("规模增至500亿元。", "500亿元"),
        ("规模达到约3200亿元。", "约3200亿元"),  # a qualifier after the verb stays
    ],
)
def test_a_verb_before_a_figure_is_not_part_of_it(text: str, figure: str) -> None:
    found = find_figures(text)
    assert found["figure"].tolist() == [figure]
    assert text[found["start"].iloc[0] : found["end"].iloc[0]] == figure


@pytest.mark.parametrize(
    "text", ["I am a hundred percent sure.", "We are one hundred percent committed to it."]
)
def test_a_hundred_percent_as_a_word_of_certainty_is_no_figure(text: str) -> None:
    # text40: "one hundred percent committed" gave 100%, as 我百分之百确定 did
    assert find_figures(text).empty
    assert find_figures("Occupancy reached one hundred percent.")["value"].tolist() == [100.0]


def test_one_hundred_per_cent_of_something_stays_a_figure() -> None:
    # 百分之百的股权 is all of the equity: 100%, as 渗透率达到百分之百 is
    found = find_figures("公司持有其百分之百的股权；渗透率达到百分之百。")
    assert list(zip(found["figure"], found["value"], found["unit"], strict=True)) == [
        ("百分之百", 100.0, "%"),
        ("百分之百", 100.0, "%"),
    ]


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit", "qualifier"),
    [
        # text31: a number word before a magnitude word gave no figure (find_figures) and
        # "no number found" (parse_quantity): two billion = 2 x 1e9 yuan = 2 "CNY bn"
        ("Tencent will invest two billion yuan.", "two billion yuan", 2.0, "CNY bn", "exact"),
        ("It will house more than one million servers.", "more than one million servers",
         1.0, "servers mn", "at_least"),
        # twenty-five = 20 + 5
        ("Twenty-five thousand racks were added.", "Twenty-five thousand racks", 25.0,
         "racks thousand", "exact"),
        ("Spending of three trillion won", "three trillion won", 3.0, "KRW tn", "exact"),
        # "hundred" makes a number word a number: 2 x 100 = 200 racks; 3 x 100 + 50 = 350
        ("The campus will hold two hundred racks.", "two hundred racks", 200.0, "racks",
         "exact"),
        ("It raised three hundred and fifty million dollars.",
         "three hundred and fifty million dollars", 350.0, "USD mn", "exact"),
    ],
)  # fmt: skip
def test_number_words_before_a_magnitude_are_read(
    text: str, figure: str, value: float, unit: str, qualifier: str
) -> None:
    found = find_figures(text)
    assert list(
        zip(found["figure"], found["value"], found["unit"], found["qualifier"], strict=True)
    ) == [(figure, value, unit, qualifier)]
    quantity = parse_quantity(figure)
    assert (quantity.value, quantity.unit, quantity.qualifier) == (value, unit, qualifier)


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [
        # text40: "two thousand five hundred megawatts" gave two figures, 2 "count
        # thousand" and 500 MW; it is 2 x 1000 + 5 x 100 = 2500 MW
        ("It will add two thousand five hundred megawatts.",
         "two thousand five hundred megawatts", 2500.0, "MW"),
        # "twenty-five hundred" is 25 x 100 = 2500 (it gave -500 MW: "-five hundred")
        ("The campus grows to twenty-five hundred megawatts.",
         "twenty-five hundred megawatts", 2500.0, "MW"),
        ("It has fifteen hundred MW.", "fifteen hundred MW", 1500.0, "MW"),
        # 42 x 1000 + 3 x 100 + 7 = 42,307
        ("Forty-two thousand three hundred and seven racks were sold.",
         "Forty-two thousand three hundred and seven racks", 42307.0, "racks"),
        # "a hundred" is 1 x 100 (no figure); "a thousand", "a million" 1 of the magnitude
        ("It bought a hundred megawatts.", "a hundred megawatts", 100.0, "MW"),
        ("It plans a thousand racks.", "a thousand racks", 1.0, "racks thousand"),
        ("It will house a million servers.", "a million servers", 1.0, "servers mn"),
        # half a billion = 0.5 x 1e9; one and a half billion = 1.5 x 1e9 (no figure)
        ("Microsoft will invest half a billion dollars.", "half a billion dollars", 0.5,
         "USD bn"),
        ("It will spend one and a half billion dollars.", "one and a half billion dollars",
         1.5, "USD bn"),
        # a dozen = 12, two dozen = 2 x 12 = 24, half a dozen = 12 / 2 = 6 (no figure)
        ("It operates a dozen GW of capacity.", "a dozen GW", 12.0, "GW"),
        ("It leased two dozen MW.", "two dozen MW", 24.0, "MW"),
        ("It leased half a dozen MW.", "half a dozen MW", 6.0, "MW"),
    ],
)  # fmt: skip
def test_number_words_with_thousands_halves_and_dozens_are_read(
    text: str, figure: str, value: float, unit: str
) -> None:
    found = find_figures(text)
    assert list(zip(found["figure"], found["value"], found["unit"], strict=True)) == [
        (figure, value, unit)
    ]
    quantity = parse_quantity(figure)
    assert (quantity.value, quantity.unit) == (value, unit)


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [
        # text40: a number word before a unit gave no figure: two percent = 2%
        ("Data centers use two percent of electricity.", "two percent", 2.0, "%"),
        ("The site draws five megawatts.", "five megawatts", 5.0, "MW"),
        ("Capacity will reach twenty-five gigawatts.", "twenty-five gigawatts", 25.0, "GW"),
        ("It used ten terawatt-hours.", "ten terawatt-hours", 10.0, "TWh"),
        ("It rose two percentage points.", "rose two percentage points", 2.0, "pp"),
        ("Margins fell fifty basis points.", "fell fifty basis points", -50.0, "bp"),
    ],
)
def test_number_words_before_a_unit_are_read(
    text: str, figure: str, value: float, unit: str
) -> None:
    found = find_figures(text)
    assert list(zip(found["figure"], found["value"], found["unit"], strict=True)) == [
        (figure, value, unit)
    ]
    quantity = parse_quantity(figure)
    assert (quantity.value, quantity.unit) == (value, unit)


def test_a_count_in_words_is_its_words_and_a_compound_adjective_no_number() -> None:
    # text40: with counts, "a hundred sites" gave the figure "a h" (the digits "100" of its
    # rewrite, not the words) and "a billion-dollar company" the figure "a", 1
    text = "It has a hundred sites, a dozen halls and two hundred racks."
    found = find_figures(text, counts=True)
    assert list(zip(found["figure"], found["value"], strict=True)) == [
        ("a hundred", 100.0),
        ("a dozen", 12.0),
        ("two hundred racks", 200.0),
    ]
    text = "It is a billion-dollar company in a hundred-year-old building."
    assert find_figures(text, counts=True).empty


def test_number_words_that_say_no_number_stay_words() -> None:
    # "dozens of", "hundreds of": no number; "two thousand and twenty" (2020) is a year
    found = find_figures("Dozens of sites, hundreds of MW; two thousand and twenty.", counts=True)
    assert found.empty


def test_number_words_without_a_magnitude_stay_words() -> None:
    found = find_figures(
        "One of the two sites costs $1bn; five years on, one thousand.", counts=True
    )
    assert found["figure"].tolist() == ["$1bn", "one thousand"]
    with pytest.raises(ParseError, match="no number"):
        parse_quantity("two sites")


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # text50: the 6.7-12% took 2023, 29 characters before it, over "by 2028", 30 after:
        # "in 2023" binds to the 4.4% before it (EIA/LBNL 2024 report's wording)
        ("Data centers consumed about 4.4% of total U.S. electricity in 2023 and are "
         "expected to consume approximately 6.7 to 12% of total U.S. electricity by 2028.",
         [2023, 2028]),
        # a year bound to the figure before stays the next figure's when it has no other
        ("Revenue was $3bn in 2023 and margin 20%.", [2023, 2023]),
        ("It had 500 MW in 2020 and grew that to 2 GW.", [2020, 2020]),
        ("Capacity reached 10 GW in 2023 and is forecast to hit 35 GW by 2030.", [2023, 2030]),
    ],
)  # fmt: skip
def test_a_year_bound_to_the_figure_before_is_its(text: str, years: list[int]) -> None:
    assert find_figures(text)["year"].tolist() == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # text50: the $250 billion took 2030, the year of what the market will be
        ("The market is worth $250 billion today and will double by 2030.", [None]),
        ("The campus draws 50MW today, rising to 300MW by 2027.", [None, 2027]),
        ("Capacity is 2 GW at present and will reach 5 GW in 2028.", [None, 2028]),
    ],
)  # fmt: skip
def test_a_figure_of_today_takes_no_year_of_another(text: str, years: list[int | None]) -> None:
    found = find_figures(text)
    assert [None if pd.isna(y) else int(y) for y in found["year"]] == years


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # text52: "14% a year to 2028" took the year 2028, as if the rate were 2028's alone;
        # a rate a year runs over the years from the sentence's start year, as a CAGR does
        ("The market was US$57bn in 2023 and will grow 14% a year to 2028.",
         [(2023, ""), (None, "2023-2028")]),
        ("Capacity will grow 20% annually through 2030 from 10 GW in 2024.",
         [(None, "2024-2030"), (2024, "")]),
        ("In 2024 revenue rose 10%; it will grow 12% per year until 2030.",
         [(2024, ""), (None, "2024-2030")]),
        # one year after "to": text54: a rate over years ending in 2028 from a start not
        # written, "?-2028" (was the year 2028, as if the rate were 2028's); "in 2023"
        # is the rate of that year
        ("The market will grow 14% a year to 2028.", [(None, "?-2028")]),
        ("The market will grow 14% a year through 2028.", [(None, "?-2028")]),
        ("Capacity will grow at a CAGR of 20% by 2030.", [(None, "?-2030")]),
        ("预计到2025年，市场规模年均增长15%。", [(None, "?-2025")]),
        ("Revenue grew 14% a year in 2023.", [(2023, "")]),
    ],
)  # fmt: skip
def test_a_rate_a_year_to_a_year_runs_from_the_sentence_s_start_year(
    text: str, dates: list[tuple[int | None, str]]
) -> None:
    found = find_figures(text)
    years = [None if pd.isna(y) else int(y) for y in found["year"]]
    assert list(zip(years, found["period"], strict=True)) == dates


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # text52: a year named relative to the sentence's one year ("a year earlier", "the
        # previous year", "上年") had no year; it is that year minus one (plus one for "the
        # following year"): 2024 - 1 = 2023
        ("Capacity reached 4,200 MW in 2024, up from 3,778 MW a year earlier.", [2024, 2023]),
        ("Revenue was $3bn in 2023, against $2.5bn a year earlier.", [2023, 2022]),
        ("Revenue was $5bn in 2023, against $4bn the previous year.", [2023, 2022]),
        ("中国IDC市场规模2024年达到3000亿元，上年为2500亿元。", [2024, 2023]),
        ("2023年收入为100亿元，上年同期为80亿元。", [2023, 2022]),
        ("The plant opened in 2020 and reached 50 MW the following year.", [2021]),
        # the text's date, not the sentence's year: "last year", "a year ago", 去年
        ("Revenue was $3bn in 2023, against $2.5bn a year ago.", [2023, None]),
        ("2023年收入为120亿元，去年为100亿元。", [2023, None]),
        # the base level after 较/比 ("较上年同期的2500亿元") was the sentence's 2024; "上一年",
        # "前一年" were not read as relative at all (2024)
        ("2024年收入为3000亿元，较上年同期的2500亿元增长20%。", [2024, 2023, 2024]),
        ("2024年市场规模为3000亿元，比上年的2500亿元增长20%。", [2024, 2023, 2024]),
        ("2024年市场规模为3000亿元，上一年为2500亿元。", [2024, 2023]),
        ("2024年市场规模为3000亿元，前一年为2500亿元。", [2024, 2023]),
        ("2024年收入为3000亿元，较去年同期的2500亿元增长20%。", [2024, None, 2024]),
        ("Revenue was $5bn in fiscal 2024, compared with $4bn in the year-earlier period.",
         [2024, 2023]),
        # two years in the sentence: which one "the previous year" is of is not clear
        ("In 2022 revenue was $3bn; in 2023 $5bn, against $4bn the previous year.",
         [2022, 2023, None]),
    ],
)  # fmt: skip
def test_a_year_relative_to_the_sentence_s_year_is_resolved(
    text: str, years: list[int | None]
) -> None:
    found = find_figures(text)["year"]
    assert [None if pd.isna(y) else int(y) for y in found] == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # text52: "this year" before "up from" was taken as the base level's year too, so
        # the $230 billion lost its own 2024 (it was "of this year", no year)
        ("Hyperscalers' capex is expected to total roughly $315 billion this year, up from "
         "$230 billion in 2024.", [None, 2024]),
        ("Revenue will be $5bn this year, compared with $4.1bn in 2024.", [None, 2024]),
        # a figure after "last year," is still of last year
        ("Last year, revenue was $5bn.", [None]),
    ],
)  # fmt: skip
def test_a_base_level_after_this_year_keeps_its_own_year(
    text: str, years: list[int | None]
) -> None:
    found = find_figures(text)["year"]
    assert [None if pd.isna(y) else int(y) for y in found] == years


@pytest.mark.parametrize(
    ("text", "figure"),
    [
        # text52: the 年 of "上年", "去年" began the figure, read with 增长 as the annual growth
        # word: "年增长7.7%" (the value was right, the figure as written was not)
        ("2023年净收入为98.7亿元，较上年增长7.7%。", "增长7.7%"),
        ("收入较去年增长12%", "增长12%"),
        ("市场年增长15%", "年增长15%"),  # the annual growth word itself stays
    ],
)
def test_a_figure_never_begins_inside_a_year_word(text: str, figure: str) -> None:
    assert find_figures(text)["figure"].tolist()[-1] == figure


@pytest.mark.parametrize(
    "text",
    [
        # text52: the base year written in Vietnamese, German, Spanish or Korean was the
        # change's year (2023); it is what the change is measured against
        "Doanh thu giảm 3,5% so với năm 2023.",
        "Der Umsatz sank um 3,5 % gegenüber 2023.",
        "Los ingresos cayeron un 5% frente a 2023.",
        "매출은 2023년 대비 3.5% 감소했다.",
    ],
)
def test_a_base_year_in_other_languages_is_not_the_figures_year(text: str) -> None:
    assert find_figures(text)["year"].isna().all()


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit", "qualifier"),
    [
        # text53: Japanese writes "more than" after the figure (超, 超え, 余り; 強 a little
        # over, 弱 a little under); find_figures read "2兆円超" as exactly 2兆円
        ("データセンター市場は2025年に2兆円超となる見込み。", "2兆円超", 2.0, "JPY tn", "at_least"),
        ("投資額は2024年に1000億円超えとなった。", "1000億円超え", 1000.0, "JPY 100m", "at_least"),
        ("市場規模は2024年に3兆円余りに達した。", "3兆円余り", 3.0, "JPY tn", "at_least"),
        ("市場規模は2023年に2兆円強だった。", "2兆円強", 2.0, "JPY tn", "at_least"),
        ("市場規模は2030年には5兆円弱になる。", "5兆円弱", 5.0, "JPY tn", "at_most"),
        ("容量は2030年に2GW超となる。", "2GW超", 2.0, "GW", "at_least"),
        ("市場規模は2025年に2兆円を超える見込み。", "2兆円を超える", 2.0, "JPY tn", "at_least"),
        ("2030年には1000億円を上回る。", "1000億円を上回る", 1000.0, "JPY 100m", "at_least"),
        ("2024年の投資額は2兆円程度。", "2兆円程度", 2.0, "JPY tn", "approximately"),
        ("2024年收入规模在1000亿元程度上。", "1000亿元", 1000.0, "CNY 100m", "exact"),
        # in a Chinese sentence the same character begins the next word: no qualifier
        ("2024年收入增长20%超预期。", "增长20%", 20.0, "%", "exact"),
        ("2024年增速5%弱于预期。", "增速5%", 5.0, "%", "exact"),
    ],
)  # fmt: skip
def test_a_japanese_suffix_qualifier_is_read(
    text: str, figure: str, value: float, unit: str, qualifier: str
) -> None:
    found = find_figures(text)
    rows = zip(found["figure"], found["value"], found["unit"], found["qualifier"], strict=True)
    assert list(rows) == [(figure, value, unit, qualifier)]


@pytest.mark.parametrize(
    ("text", "figure", "value"),
    [
        # text53: parse_quantity now reads the verb before a level as saying nothing, as
        # 将达到 and 降至 were; the figure as written still begins after an English verb
        ("Reached $5bn in 2024, revenue grew.", "$5bn", 5.0),
        ("Vacancy fell to 5% in 2024.", "5%", 5.0),
        ("2024年增速放缓至5%。", "增速放缓至5%", 5.0),  # as "增速提升至5%" was already
    ],
)
def test_a_verb_before_a_level_is_no_part_of_its_value(
    text: str, figure: str, value: float
) -> None:
    found = find_figures(text)
    rows = zip(found["figure"], found["value"], found["year"], strict=True)
    assert list(rows) == [(figure, value, 2024)]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # text53: a start year in a clause of its own ("From 2024, ...") was the base year
        # of the rate ("up 15% from 2022") and, a clause away, no start: the CAGR took the
        # year 2030 alone; "from" opening its clause starts the rate: 2024-2030
        ("From 2024, the market will grow at a CAGR of 12% through 2030.",
         [(None, "2024-2030")]),
        ("Starting in 2024, the market will grow at a CAGR of 12% until 2030.",
         [(None, "2024-2030")]),
        ("The market, from 2024, will grow 12% a year by 2030.", [(None, "2024-2030")]),
        # a base year stays one: no period from 2022 for the CAGR, none for the 15%
        # (text54: the CAGR up to 2028 from a start not written, "?-2028"; was 2028)
        ("Revenue rose 15% from 2022, and a CAGR of 20% is seen to 2028.",
         [(None, ""), (None, "?-2028")]),
        ("The firm, founded in 2010, expects a CAGR of 20% to 2028.", [(None, "?-2028")]),
    ],
)  # fmt: skip
def test_a_compound_rate_runs_from_a_from_year_in_its_own_clause(
    text: str, dates: list[tuple[int | None, str]]
) -> None:
    found = find_figures(text)
    years = [None if pd.isna(y) else int(y) for y in found["year"]]
    assert list(zip(years, found["period"], strict=True)) == dates


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # text53: Chinese names the rate after it ("以15%的年均复合增长率增长"): it was no
        # compound rate and took the one year 2028; it runs from the sentence's 2023
        ("2023年市场规模为1000亿元，预计到2028年将以15%的年均复合增长率增长。",
         [(2023, ""), (None, "2023-2028")]),
        ("2023年中国IDC市场规模达2407亿元，预计2028年将以18%的复合增长率增长。",
         [(2023, ""), (None, "2023-2028")]),
        ("从2024年起，市场将以12%的年均复合增长率增长至2030年。", [(None, "2024-2030")]),
        # one year: the rate's year, as for "15% CAGR to 2030"
        ("预计2028年将以18%的复合增长率增长。", [(2028, "")]),
        # "的" alone names no compound rate
        ("2024年收入增长15%的同时，利润增长20%。", [(2024, ""), (2024, "")]),
    ],
)  # fmt: skip
def test_a_chinese_rate_named_after_it_is_a_compound_rate(
    text: str, dates: list[tuple[int | None, str]]
) -> None:
    found = find_figures(text)
    years = [None if pd.isna(y) else int(y) for y in found["year"]]
    assert list(zip(years, found["period"], strict=True)) == dates


@pytest.mark.parametrize(
    ("text", "row"),
    [
        # text53: a Japanese PUE ("PUEは1.3", the particle は between name and number) was
        # no figure at all (a bare number); it is the PUE, as "PUE为1.3" is
        ("PUEは1.3。", ("PUEは1.3", 1.3, "PUE", "exact", None)),
        ("新データセンターのPUE値は1.25を目指す。", ("PUE値は1.25", 1.25, "PUE", "exact", None)),
        # a year between the name and the number is the figure's year, not in the figure
        ("PUEは2024年に1.3未満となった。", ("1.3未満", 1.3, "PUE", "at_most", 2024)),
        ("PUEを2030年度に1.2以下にする。", ("1.2以下", 1.2, "PUE", "at_most", 2030)),
    ],
)  # fmt: skip
def test_a_japanese_pue_is_read(text: str, row: tuple[object, ...]) -> None:
    found = find_figures(text)
    years = [None if pd.isna(y) else int(y) for y in found["year"]]
    columns = (found["figure"], found["value"], found["unit"], found["qualifier"], years)
    assert list(zip(*columns, strict=True)) == [row]


@pytest.mark.parametrize(
    ("text", "dates"),
    [
        # text53: "年平均成長率" (average annual growth rate, Japanese for a CAGR) was an
        # unknown word: the figure was a bare "12%" of 2030 alone; it is a compound rate
        # from the sentence's 2024
        ("市場規模は2024年に2兆円、2030年まで年平均成長率12%で拡大する。",
         [(2024, ""), (None, "2024-2030")]),
        ("市場は2030年まで年平均成長率12%で拡大する。", [(2030, "")]),  # one year: its own
    ],
)  # fmt: skip
def test_a_japanese_average_annual_growth_rate_is_compound(
    text: str, dates: list[tuple[int | None, str]]
) -> None:
    found = find_figures(text)
    years = [None if pd.isna(y) else int(y) for y in found["year"]]
    assert list(zip(years, found["period"], strict=True)) == dates
    assert found["figure"].iloc[-1] == "年平均成長率12%"


def test_a_rate_up_to_a_year_with_no_start_is_no_claim_of_that_year() -> None:
    # text54: the row said year 2028, so read_claims took "14% a year to 2028" as a rate
    # of 2028; its period "?-2028" now asks for the start year instead (claims56: beside
    # other claims the row is left out with a note; alone, nothing is left to check)
    from idcforecast import read_claims
    from idcforecast.errors import SpecError

    row = find_figures("The market will grow 14% a year to 2028.").iloc[0].to_dict()
    row.update(subject="market", kind="cagr")
    del row["year"]
    with pytest.raises(
        SpecError, match=r"no claim to check: .*period '\?-2028': a rate over the years to 2028"
    ):
        read_claims([row])
    row["period"] = row["period"].replace("?", "2023")  # the analyst gives the start
    claim = read_claims([row])[0]
    assert (claim.start_year, claim.year) == (2023, 2028)


@pytest.mark.parametrize(
    ("text", "figure", "value", "word"),
    [
        # text54: Chinese news drops 元 after an investment, revenue or market size: "约300亿"
        # was 300 "count 100m" (a count of 3e10), never meeting a series in 亿元
        ("投资约300亿，建设数据中心。", "约300亿", 300.0, "投资"),
        ("该项目总投资达120亿，规划机柜3万个。", "120亿", 120.0, "总投资"),
        ("公司营收达1200亿，同比增长15%。", "1200亿", 1200.0, "营收"),
        ("中国IDC市场规模将达到3000亿。", "3000亿", 3000.0, "市场规模"),
        ("完成融资50亿。", "50亿", 50.0, "融资"),
        ("投资金额达300亿。", "300亿", 300.0, "投资"),  # 金额 (amount) between them
    ],
)
def test_an_amount_in_yi_after_a_money_word_is_yuan(
    text: str, figure: str, value: float, word: str
) -> None:
    from idcforecast.errors import AssumedCurrencyWarning

    with pytest.warns(AssumedCurrencyWarning, match=f"{figure!r} after {word!r}"):
        found = find_figures(text)
    row = found.iloc[0]
    assert (row["figure"], row["value"], row["unit"]) == (figure, value, "CNY 100m")


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        # no money word right before it: a count stays a count, with no warning
        ("用户数达3亿。", "count 100m"),
        ("投资建设的数据中心，服务3亿用户。", "count 100m"),  # another clause
        ("The firm will invest 30 billion.", "count bn"),  # English: no 万/亿
        ("投资约300亿元。", "CNY 100m"),  # 元 written: as before
    ],
)
def test_a_count_in_yi_without_a_money_word_stays_a_count(text: str, unit: str) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert find_figures(text)["unit"].tolist() == [unit]


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # text54: "、" ends a clause in Japanese; the figure before it took the year after
        # it ("前年比10%増、2028年には": the 10% was dated 2028, the forecast's year)
        ("2023年の市場規模は前年比10%増、2028年には2倍になる見込み。", [2023]),
        ("2023年の売上高は前年比5%減の1兆円、2028年には2兆円に達する見込み。", [2023, 2023, 2028]),
    ],
)
def test_a_japanese_comma_ends_the_clause(text: str, years: list[int]) -> None:
    assert find_figures(text)["year"].tolist() == years


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # text54: "分别" / "respectively" pairs figures and years in order; both figures took
        # the year nearest to them (2022), so the first was dated a year late
        ("2021年、2022年收入分别为100亿元、120亿元。", [2021, 2022]),
        ("2021年和2022年市场规模分别达到1500亿元和1900亿元。", [2021, 2022]),
        ("Revenue was $3bn and $4bn in 2022 and 2023, respectively.", [2022, 2023]),
        ("2022年と2023年の売上高はそれぞれ1兆円と1.2兆円。", [2022, 2023]),
        # as many years as figures in a unit only: three figures, two years, left by distance
        ("2021年和2022年收入分别为100亿元、120亿元和130亿元。", [2022, 2022, 2022]),
        # text55: rates after the levels take their years in order too; the change-of rule
        # (a rate after a level is that level's change) gave both the 1900亿元's 2022
        ("2021年和2022年分别增长30%和25%", [2021, 2022]),  # right before too
        (
            "2021年和2022年市场规模分别达到1500亿元和1900亿元，同比增长10%和20%。",
            [2021, 2022, 2021, 2022],
        ),
        (
            "Revenue was $3bn and $4bn in 2022 and 2023, respectively, up 10% and 20%.",
            [2022, 2023, 2022, 2023],
        ),
        ("2022年收入为1900亿元，同比增长20%。", [2022, 2022]),  # unchanged: no respectively
    ],
)
def test_respectively_pairs_figures_with_years_in_order(text: str, years: list[int]) -> None:
    assert find_figures(text)["year"].tolist() == years


@pytest.mark.parametrize(
    ("text", "qualifiers"),
    [
        # text55: the hedge before 占 is the share's ("约占全国的30%", about 30% of the
        # country's); the share was read as exact
        ("数据中心耗电量约占全社会用电量的2.7%", ["approximately"]),
        ("大约占全国的30%", ["approximately"]),
        ("约占全国的三成", ["approximately"]),
        ("2023年数据中心耗电量约1500亿千瓦时，约占全社会用电量的1.6%", ["approximately"] * 2),
        ("东部地区接近占全国的60%", ["at_most"]),
        # unchanged: no hedge, and a hedge of another clause
        ("占全国的30%", ["exact"]),
        ("耗电量约1500亿千瓦时，占全社会用电量的1.6%", ["approximately", "exact"]),
    ],
)
def test_a_hedge_before_zhan_qualifies_the_share(text: str, qualifiers: list[str]) -> None:
    assert find_figures(text)["qualifier"].tolist() == qualifiers


@pytest.mark.parametrize(
    ("text", "figure", "value", "qualifier"),
    [
        # were "up 50%", "up about 4.4%", "up 30 percent": the "up" of "make up" read as
        # a growth word before the share (value right, figure as written wrong)
        ("By 2030, renewables will make up 50% of supply", "50%", 50.0, "exact"),
        ("Data centers made up about 4.4% of US electricity", "about 4.4%", 4.4, "approximately"),
        ("They now make up 30 percent of the market", "30 percent", 30.0, "exact"),
        # a growth word stays one
        ("Sales were up 30 percent", "up 30 percent", 30.0, "exact"),
    ],
)
def test_the_up_of_make_up_is_no_part_of_the_share(
    text: str, figure: str, value: float, qualifier: str
) -> None:
    found = find_figures(text)
    assert found[["figure", "value", "qualifier"]].values.tolist() == [[figure, value, qualifier]]


@pytest.mark.parametrize(
    ("text", "figure", "value", "unit"),
    [
        # were "3 billion data center", 3 "count bn" (and 300 "count 10m"): the price of
        # one campus read as 3 billion data centers, the currency lost
        ("Yotta plans a $3 billion data center by 2027", "$3 billion", 3.0, "USD bn"),
        ("Yotta plans a €3 billion data center", "€3 billion", 3.0, "EUR bn"),
        ("Yotta plans a Rs 300 crore data center", "Rs 300 crore", 300.0, "INR 10m"),
        ("a $2.5 billion data center campus in Ohio", "$2.5 billion", 2.5, "USD bn"),
    ],
)
def test_the_price_of_a_data_center_is_money_not_a_count(
    text: str, figure: str, value: float, unit: str
) -> None:
    found = find_figures(text)
    assert found[["figure", "value", "unit"]].values.tolist() == [[figure, value, unit]]
