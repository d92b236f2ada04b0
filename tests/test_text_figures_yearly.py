"""Amounts a year in news text (text55): "到2027年每年投资100亿元" read "2027年每年" as the
figure 2027 "year/year" and left the 100亿元 undated; "invest $2bn per year through 2027"
dated a yearly amount 2027, as if it were the level of 2027."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from idcforecast import find_figures


def _rows(text: str) -> list[tuple[str, float, str, object, str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = find_figures(text)
    return [
        (f, v, u, None if pd.isna(y) else int(y), p)
        for f, v, u, y, p in zip(
            found["figure"],
            found["value"],
            found["unit"],
            found["year"],
            found["period"],
            strict=True,
        )
    ]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # was [("2027年每年", 2027.0, "year/year", None, ""), ("100亿元", ..., None, "")]
        ("到2027年每年投资100亿元", [("每年投资100亿元", 100.0, "CNY 100m/year", 2027, "")]),
        # was [("2025年至2027年每年", 2026.0, "year/year", ...), ("10万架机架", ..., None, "")]
        (
            "2025年至2027年每年新增10万架机架",
            [("10万架机架", 10.0, "racks 10k", None, "2025-2027")],
        ),
    ],
)
def test_a_year_before_each_year_is_no_figure(
    text: str, rows: list[tuple[str, float, str, object, str]]
) -> None:
    assert _rows(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # each was dated 2027 (or 2030): a yearly amount read as the level of that year
        (
            "The company will invest $2bn per year through 2027.",
            [("$2bn per year", 2.0, "USD bn/year", None, "?-2027")],
        ),
        (
            "It plans to add 3-4GW of capacity per year through 2027.",
            [("3-4GW", 3.5, "GW", None, "?-2027")],
        ),
        # (text56) "a year" is in the unit: was "$10bn", "USD bn"
        (
            "It will spend $10bn a year until 2030.",
            [("$10bn a year", 10.0, "USD bn/year", None, "?-2030")],
        ),
        (
            "Through 2027, it will invest $2bn a year.",
            [("$2bn a year", 2.0, "USD bn/year", None, "?-2027")],
        ),
        (
            "至2027年每年投资100亿元",
            [("每年投资100亿元", 100.0, "CNY 100m/year", None, "?-2027")],
        ),
    ],
)
def test_an_amount_each_year_through_a_year_is_no_level_of_that_year(
    text: str, rows: list[tuple[str, float, str, object, str]]
) -> None:
    assert _rows(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # unchanged: the year of an amount each year ("in 2023"), a run rate reached "by"
        # a year, an amount (no "a year") through a year, and a CAGR to a year
        (
            "It invested $2bn per year in 2023.",
            [("$2bn per year", 2.0, "USD bn/year", 2023, "")],
        ),
        (
            "Revenue of $2bn per year by 2027.",
            [("$2bn per year", 2.0, "USD bn/year", 2027, "")],
        ),
        ("The market will grow 14% a year to 2028.", [("14% a year", 14.0, "%", None, "?-2028")]),
        ("It will invest $5bn in 2027.", [("$5bn", 5.0, "USD bn", 2027, "")]),
    ],
)
def test_levels_and_rates_keep_their_years(
    text: str, rows: list[tuple[str, float, str, object, str]]
) -> None:
    assert _rows(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # was [("2,000 MW", 2000.0, "MW", 2027, ""), ("2024 to 5,000 MW", 3512.0, "MW",
        # 2027, "")]: the year and the capacity read as one range, (2024 + 5000) / 2 = 3512
        (
            "Capacity will grow from 2,000 MW in 2024 to 5,000 MW in 2027.",
            [("2,000 MW", 2000.0, "MW", 2024, ""), ("5,000 MW", 5000.0, "MW", 2027, "")],
        ),
        (
            "Capacity will grow from 2000 MW in 2024 to 5000 MW by 2027.",
            [("2000 MW", 2000.0, "MW", 2024, ""), ("5000 MW", 5000.0, "MW", 2027, "")],
        ),
        # unchanged: a range with no word dating its first end, and a span of years
        (
            "Capacity will be 2000 to 5000 MW in 2027.",
            [("2000 to 5000 MW", 3500.0, "MW", 2027, "")],
        ),
        ("In 2024 to 2027 it added 500 MW.", [("500 MW", 500.0, "MW", None, "2024-2027")]),
    ],
)
def test_a_year_before_to_is_no_end_of_a_range(
    text: str, rows: list[tuple[str, float, str, object, str]]
) -> None:
    assert _rows(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # each was dated the last year: a total invested over the years to it, read as the
        # level (a year's investment) of that year
        ("The company plans to invest $10bn by 2030.", [("$10bn", 10.0, "USD bn", None, "?-2030")]),
        ("It will invest $5bn through 2027.", [("$5bn", 5.0, "USD bn", None, "?-2027")]),
        (
            "It will spend about $20 billion by the end of 2026 on data centers.",
            [("about $20 billion", 20.0, "USD bn", None, "?-2026")],
        ),
        ("计划到2025年投资3000亿元。", [("3000亿元", 3000.0, "CNY 100m", None, "?-2025")]),
        (
            "同社は2030年までに約5,000億円を投資する。",
            [("約5,000億円", 5000.0, "JPY 100m", None, "?-2030")],
        ),
        # Korean: 2027년까지 ... 1조원을 투자 (was 2027)
        (
            "네이버는 2027년까지 데이터센터에 1조원을 투자한다.",
            [("1조원", 1.0, "KRW tn", None, "?-2027")],
        ),
        # unchanged: investment in a year, a level reached by a year, a total as of a year
        # (截至/截止到: to date, a level of that year)
        ("截止到2023年底，累计投资1500亿元。", [("1500亿元", 1500.0, "CNY 100m", 2023, "")]),
        ("AWS will invest $11 billion in 2025.", [("$11 billion", 11.0, "USD bn", 2025, "")]),
        ("Capex will reach $60bn by 2025.", [("$60bn", 60.0, "USD bn", 2025, "")]),
        (  # run rate
            "It will spend $5bn a year by 2027.",
            [("$5bn a year", 5.0, "USD bn/year", 2027, "")],
        ),
        ("시장은 2027년까지 10조원으로 성장할 전망이다.", [("10조원", 10.0, "KRW tn", 2027, "")]),
        (
            "到2025年，市场规模将超过3000亿元。",
            [("超过3000亿元", 3000.0, "CNY 100m", 2025, "")],
        ),
    ],
)
def test_money_invested_by_a_year_is_a_total_to_it(
    text: str, rows: list[tuple[str, float, str, object, str]]
) -> None:
    assert _rows(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # was [("$2bn", ..., 2027, ""), ...]: "a year" after the first level hid the change,
        # and the first level took the second's year
        (
            "Revenue will grow from $2bn a year to $5bn a year in 2027.",
            [
                ("$2bn a year", 2.0, "USD bn/year", None, ""),
                ("$5bn a year", 5.0, "USD bn/year", 2027, ""),
            ],
        ),
        (
            "Revenue will grow from $2bn a year in 2023 to $5bn a year in 2027.",
            [
                ("$2bn a year", 2.0, "USD bn/year", 2023, ""),
                ("$5bn a year", 5.0, "USD bn/year", 2027, ""),
            ],
        ),
    ],
)
def test_a_change_between_amounts_each_year_dates_each_level(
    text: str, rows: list[tuple[str, float, str, object, str]]
) -> None:
    assert _rows(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # each was dated the year: a change over the years to it, read as that year's rate
        (
            "Data center power demand could rise 160% by 2030.",
            [("160%", 160.0, "%", None, "?-2030")],
        ),
        ("By 2030, demand will grow 160%.", [("160%", 160.0, "%", None, "?-2030")]),
        (
            "Power demand will grow by about 50% by 2027.",
            [("about 50%", 50.0, "%", None, "?-2027")],
        ),
        ("到2030年，数据中心耗电量将增长160%。", [("增长160%", 160.0, "%", None, "?-2030")]),
        # unchanged: a change in a year, a year-on-year change, a share
        ("Revenue rose 15% in 2023.", [("rose 15%", 15.0, "%", 2023, "")]),
        (
            "Revenue will be up 20% year on year by 2025.",
            [("up 20% year on year", 20.0, "%", 2025, "")],
        ),
        ("2025年市场规模同比增长20%。", [("同比增长20%", 20.0, "%", 2025, "")]),
        ("By 2030, renewables will make up 50% of supply.", [("50%", 50.0, "%", 2030, "")]),
        # a level reached, not a change: "rise to 70%", "提升到70%"
        ("The share will rise to 70% by 2030.", [("70%", 70.0, "%", 2030, "")]),
        ("到2025年，上架率提升到70%。", [("70%", 70.0, "%", 2025, "")]),
        ("Vacancy will fall to 2% by 2026.", [("2%", 2.0, "%", 2026, "")]),
    ],
)
def test_a_change_by_a_year_is_a_change_over_the_years_to_it(
    text: str, rows: list[tuple[str, float, str, object, str]]
) -> None:
    assert _rows(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # were dated 2030 / 2025: the year of a change named in a later verb phrase or
        # clause ("and will double by 2030", "，预计到2025年将翻一番") taken as the level's
        (
            "Africa's data center market is worth $3.5bn and will double by 2030",
            [("$3.5bn", 3.5, "USD bn", None, "")],
        ),
        (
            "The market is valued at $3.5bn, which is expected to triple by 2030.",
            [("$3.5bn", 3.5, "USD bn", None, "")],
        ),
        (
            "Capacity stands at 500 MW and could more than double by 2028.",
            [("500 MW", 500.0, "MW", None, "")],
        ),
        (
            "The market is worth $3.5bn and will grow to $7bn by 2030.",
            [("$3.5bn", 3.5, "USD bn", None, ""), ("$7bn", 7.0, "USD bn", 2030, "")],
        ),
        (
            "目前市场规模为1000亿元，预计到2025年将翻一番。",
            [("1000亿元", 1000.0, "CNY 100m", None, "")],
        ),
        (
            "中国数据中心市场现已达到3000亿元，到2030年将翻番。",
            [("3000亿元", 3000.0, "CNY 100m", None, "")],
        ),
        # a later phrase with "expects to" / "aims to" is another's too (was ?-2027, 2030)
        (
            "The company is investing $1.5bn and expects to reach 300 MW by 2027.",
            [("$1.5bn", 1.5, "USD bn", None, ""), ("300 MW", 300.0, "MW", 2027, "")],
        ),
        (
            "The market is worth $3.5bn and aims to double by 2030",
            [("$3.5bn", 3.5, "USD bn", None, "")],
        ),
        # the sentence's present year stays the level's
        (
            "In 2024 the market is worth $3.5bn and will double by 2030",
            [("$3.5bn", 3.5, "USD bn", 2024, "")],
        ),
        (
            "2023年市场规模为1000亿元，到2030年将翻番。",
            [("1000亿元", 1000.0, "CNY 100m", 2023, "")],
        ),
        # the later figure's own year, and a compound rate's period, are unchanged
        (
            "The market will grow at a 15% CAGR and could reach $7bn by 2030.",
            [("15% CAGR", 15.0, "%", None, "?-2030"), ("$7bn", 7.0, "USD bn", 2030, "")],
        ),
        ("The market will reach $3.5bn by 2030.", [("$3.5bn", 3.5, "USD bn", 2030, "")]),
    ],
)
def test_a_level_before_a_later_change_keeps_no_year_of_the_change(
    text: str, rows: list[tuple[str, float, str, object, str]]
) -> None:
    assert _rows(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # the second amount was dated 2027 / 2028 / 2025, as that year's level: the invested-by
        # rule looked for the verb right before the amount only
        (
            "The company will invest $2bn in 2025 and $3bn by 2027",
            [("$2bn", 2.0, "USD bn", 2025, ""), ("$3bn", 3.0, "USD bn", None, "?-2027")],
        ),
        (
            "Microsoft will spend $10bn in 2025 and another $15bn by 2028.",
            [("$10bn", 10.0, "USD bn", 2025, ""), ("$15bn", 15.0, "USD bn", None, "?-2028")],
        ),
        (
            "计划到2025年投资3000亿元和500亿美元",
            [
                ("3000亿元", 3000.0, "CNY 100m", None, "?-2025"),
                ("500亿美元", 500.0, "USD 100m", None, "?-2025"),
            ],
        ),
        # another verb between: the second amount is not invested
        (
            "It invested $2bn in 2023 and revenue hit $3bn by 2027",
            [("$2bn", 2.0, "USD bn", 2023, ""), ("$3bn", 3.0, "USD bn", 2027, "")],
        ),
        # nor is one in the next sentence
        (
            "Google will invest $2bn by 2026. Sales were $3bn by 2027.",
            [("$2bn", 2.0, "USD bn", None, "?-2026"), ("$3bn", 3.0, "USD bn", 2027, "")],
        ),
    ],
)
def test_one_invest_governs_the_amounts_after_and(
    text: str, rows: list[tuple[str, float, str, object, str]]
) -> None:
    assert _rows(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # the cost was dated the year the project opens or starts building (2026, 2023,
        # 2025): a total spent over the years of building, no level of that year
        (
            "该项目总投资约120亿元，规划建设3万个机柜，预计2026年投产。",
            [
                ("约120亿元", 120.0, "CNY 100m", None, ""),
                ("3万个机柜", 3.0, "racks 10k", 2026, ""),
            ],
        ),
        (
            "该项目2023年开工，总投资50亿元，预计2025年建成投产。",
            [("50亿元", 50.0, "CNY 100m", None, "")],
        ),
        (
            "The 150-megawatt facility, costing roughly $1 billion, is slated to open in 2026.",
            [
                ("150-megawatt", 150.0, "MW", 2026, ""),
                ("roughly $1 billion", 1.0, "USD bn", None, ""),
            ],
        ),
        (
            "The $2bn campus broke ground in 2023 and will open in 2025",
            [("$2bn", 2.0, "USD bn", None, "")],
        ),
        # capacity opening in a year is that year's; a year of money itself stays
        ("The 100 MW campus will open in 2026", [("100 MW", 100.0, "MW", 2026, "")]),
        (
            "In 2023 it invested $2bn and opened a campus in 2023",
            [("$2bn", 2.0, "USD bn", 2023, "")],
        ),
    ],
)
def test_a_cost_takes_no_year_its_project_opens_or_starts(
    text: str, rows: list[tuple[str, float, str, object, str]]
) -> None:
    assert _rows(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # the 21% had no year: "last year, while data centres used" read as "Last year,
        # revenue was": the clause after "while" is another's
        (
            "Power prices in Ireland jumped 30% last year, while data centres used 21% of "
            "the country's electricity in 2023.",
            [("30%", 30.0, "%", None, ""), ("21%", 21.0, "%", 2023, "")],
        ),
        # words after "last year" without a conjunction stay its
        (
            "Last year, revenue was $5bn, and in 2024 it will be $6bn.",
            [("$5bn", 5.0, "USD bn", None, ""), ("$6bn", 6.0, "USD bn", 2024, "")],
        ),
    ],
)
def test_last_year_reaches_no_clause_after_a_conjunction(
    text: str, rows: list[tuple[str, float, str, object, str]]
) -> None:
    assert _rows(text) == rows


def test_the_xianzai_of_tixianzai_is_no_now() -> None:
    # 体现在 (shows in) holds 现在 (now): no level of now, so the later clause's year stays
    text = "增量主要体现在机架规模达到810万架，2025年将全部投入使用。"
    assert _rows(text) == [("810万架", 810.0, "racks 10k", 2025, "")]
