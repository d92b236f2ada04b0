"""Years and periods of figures in news text (text57): a year range's two-digit tail is no
count, a list of amounts shares its year, a rate over "the last five years" is dated from
the year it is measured to, a first phase's year and a "since" year date no total."""

from __future__ import annotations

import warnings

import pandas as pd
import pytest

from idcforecast import find_figures


def _rows(text: str, *, counts: bool = False) -> list[tuple[str, str, object, str]]:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        found = find_figures(text, counts=counts)
    return [
        (f, u, None if pd.isna(y) else int(y), p)
        for f, u, y, p in zip(
            found["figure"], found["unit"], found["year"], found["period"], strict=True
        )
    ]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # was [("grew 30%", "%", 2020, ""), ("22", "count", 2020, "")]: the tail of the
        # range was a count of 22, and the range (no longer free) was no period
        ("Capacity grew 30% in 2020-22.", [("grew 30%", "%", None, "2020-2022")]),
        # was the 8 halls dated 2020 and the 30% too, beside a count of 22
        (
            "Capacity grew 30% in 2020-22 and 8 halls opened.",
            [("grew 30%", "%", None, "2020-2022"), ("8", "count", None, "2020-2022")],
        ),
        # was ("25", "count", None, "") and 12 dated 2024
        ("Revenue in FY2024-25 was 12 units.", [("12", "count", 2025, "")]),
        # controls: a count after a range, and a range of counts, stay counts
        ("In 2020-2022 it opened 22 halls.", [("22", "count", None, "2020-2022")]),
        ("It runs 20-25 halls in 2024.", [("20-25", "count", 2024, "")]),
    ],
)
def test_a_year_ranges_tail_is_no_count(
    text: str, rows: list[tuple[str, str, object, str]]
) -> None:
    assert _rows(text, counts=True) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # was ("€2 billion", "EUR bn", None, ""): the year after the list was in the
        # clause of its last two members
        (
            "AWS will invest €2 billion, £5 billion and $3.2 billion by 2029.",
            [
                ("€2 billion", "EUR bn", None, "?-2029"),
                ("£5 billion", "GBP bn", None, "?-2029"),
                ("$3.2 billion", "USD bn", None, "?-2029"),
            ],
        ),
        (
            "AWS will invest €2 billion in Spain, £5 billion in the UK and $3.2 billion by 2029.",
            [
                ("€2 billion", "EUR bn", None, "?-2029"),
                ("£5 billion", "GBP bn", None, "?-2029"),
                ("$3.2 billion", "USD bn", None, "?-2029"),
            ],
        ),
        # was ("5 GW", "GW", None, "")
        (
            "It will add 5 GW, 3 GW and 2 GW by 2030.",
            [("5 GW", "GW", 2030, ""), ("3 GW", "GW", 2030, ""), ("2 GW", "GW", 2030, "")],
        ),
        # controls: no list (a comma, then a figure of another year), another dimension
        (
            "It spent $3bn, $1bn more than in 2023.",
            [("$3bn", "USD bn", None, ""), ("$1bn", "USD bn", 2023, "")],
        ),
        (
            "It runs 300 MW, and $5bn of revenue is due by 2029.",
            [("300 MW", "MW", None, ""), ("$5bn", "USD bn", 2029, "")],
        ),
    ],
)
def test_a_lists_year_dates_each_member(
    text: str, rows: list[tuple[str, str, object, str]]
) -> None:
    assert _rows(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # was ("$5bn", "USD bn", 2021, ""): a total from 2021 on, not 2021's
        ("The firm has invested $5bn since 2021.", [("$5bn", "USD bn", None, "2021-?")]),
        (
            "Since 2021, the firm has invested $5bn in India.",
            [("$5bn", "USD bn", None, "2021-?")],
        ),
        ("公司自2021年以来已投资50亿元。", [("50亿元", "CNY 100m", None, "2021-?")]),
        # was 2010
        (
            "NextDC has invested A$2.5 billion since listing in 2010.",
            [("A$2.5 billion", "AUD bn", None, "2010-?")],
        ),
        ("Revenue has grown 30% since 2021.", [("30%", "%", None, "2021-?")]),
        # a level is of now: was 2015 and 2021
        (
            "The firm has operated in India since 2015 and runs 300 MW.",
            [("300 MW", "MW", None, "")],
        ),
        ("Capacity has doubled since 2021 to 5 GW.", [("5 GW", "GW", None, "")]),
        # controls: a CAGR from a start year keeps its period; "in 2021" is 2021's
        (
            "Since 2024, the market will grow at a CAGR of 12% through 2030.",
            [("CAGR of 12%", "%", None, "2024-2030")],
        ),
        ("The firm invested $5bn in 2021.", [("$5bn", "USD bn", 2021, "")]),
    ],
)
def test_a_since_year_runs_to_the_texts_date(
    text: str, rows: list[tuple[str, str, object, str]]
) -> None:
    assert _rows(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # was ("$5 billion", "USD bn", None, "?-2026"), ("1.5GW", "GW", 2026, ""): the year
        # is the first phase's, not the whole campus's nor its whole cost's
        (
            "DataVolt will invest $5 billion in a 1.5GW campus, with the first phase due by 2026.",
            [("$5 billion", "USD bn", None, ""), ("1.5GW", "GW", None, "")],
        ),
        # was 2025 for the 1万个机柜
        (
            "项目总投资50亿元，规划建设1万个机柜，一期预计2025年投产。",
            [("50亿元", "CNY 100m", None, ""), ("1万个机柜", "racks 10k", None, "")],
        ),
        # controls: the phase's own figure keeps its year
        ("The first phase of 300 MW is due by 2026.", [("300 MW", "MW", 2026, "")]),
        ("一期规模为5000个机柜，预计2025年投产。", [("5000个机柜", "racks", 2025, "")]),
    ],
)
def test_a_phases_year_dates_no_figure_before_the_phase(
    text: str, rows: list[tuple[str, str, object, str]]
) -> None:
    assert _rows(text) == rows


def test_read_claims_leaves_a_since_total_out_with_a_warning() -> None:
    # a "2021-?" row of find_figures was refused with the whole file ("period '2021-?' is
    # not a year"): now left out like a "?-2030" row, the other claims checked
    from idcforecast import read_claims
    from idcforecast.errors import SpecError, UncheckedClaimsWarning

    figures = find_figures(
        "The firm has invested $5bn since 2021. The market was 320 billion yuan in 2022."
    )
    rows = figures.assign(subject="china_idc_cidc_overall", kind="level")
    with pytest.warns(UncheckedClaimsWarning) as caught:
        claims = read_claims(rows)
    assert [c.describe() for c in claims] == ["level 320 CNY bn in 2022"]
    message = str(caught[0].message)
    assert message.startswith("1 claim is left out of the checks, the last year of its period")
    assert (
        "DataFrame row 0 ('$5bn', period '2021-?': a total from 2021 to a date the text does "
        "not give, no one year's level)"
    ) in message
    with pytest.raises(SpecError, match="every row's period is open at the end"):
        read_claims(rows.iloc[:1])


def _dated(text: str, source: str | None = None) -> list[tuple[str, object, str]]:
    found = find_figures(text, source=source)
    return [
        (f, None if pd.isna(y) else int(y), p)
        for f, y, p in zip(found["figure"], found["year"], found["period"], strict=True)
    ]


@pytest.mark.parametrize(
    ("text", "source", "rows"),
    [
        # was ("年均增速超过30%", None, ""): the five years to the 2023 of the sentence,
        # 2019-2023 (five years, as "十四五" is 2021-2025)
        (
            "我国数据中心市场规模近五年年均增速超过30%，2023年达到2407亿元。",
            None,
            [("年均增速超过30%", None, "2019-2023"), ("2407亿元", 2023, "")],
        ),
        ("2023年，全国数据中心近五年年均增速12%。", None, [("年均增速12%", None, "2019-2023")]),
        # no year in the text: the five full years before the source's date, 2024
        ("近五年年均增速 12%", "Caixin 2024-03-05", [("年均增速 12%", None, "2019-2023")]),
        (
            "Over the past five years the market grew 12% a year, reaching $5bn in 2023.",
            None,
            [("grew 12% a year", None, "2019-2023"), ("$5bn", 2023, "")],
        ),
        # "the last 5 years" was also a figure, 5 "year"; the 80% is over 2018-2022
        (
            "In the last 5 years revenue rose 80%, hitting $2bn in 2022.",
            None,
            [("rose 80%", None, "2018-2022"), ("$2bn", 2022, "")],
        ),
        # was "?-2023" (截至 ends a period whose start was not written)
        (
            "截至2023年底，我国在用数据中心机架总规模超过810万标准机架，近五年年均增速超过30%。",
            None,
            [("超过810万标准机架", 2023, ""), ("年均增速超过30%", None, "2019-2023")],
        ),
        # money in total over the window (was no period)
        (
            "该公司过去三年累计投资超过200亿元，2024年营收100亿元。",
            None,
            [("超过200亿元", None, "2022-2024"), ("100亿元", 2024, "")],
        ),
        # controls: a period written keeps it; a share over the window is no rate over it
        ("2019-2023年年均增长12%", None, [("年均增长12%", None, "2019-2023")]),
        (
            "近五年来，公司市场份额达到30%，2023年营收100亿元。",
            None,
            [("30%", None, ""), ("100亿元", 2023, "")],
        ),
    ],
)
def test_a_rate_over_the_last_years_runs_to_the_year_named(
    text: str, source: str | None, rows: list[tuple[str, object, str]]
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert _dated(text, source) == rows


@pytest.mark.parametrize(
    "text",
    [
        "近五年年均增速 12%",
        # the year of a forecast is no end of a window up to now
        "近5年年均增长12%，预计到2025年市场规模达到3000亿元。",
        "The market grew 12% a year over the past five years.",
        "The firm has invested $5bn over the past three years.",
    ],
)
def test_a_rate_over_the_last_years_with_no_year_is_said_unknown(text: str) -> None:
    # was no period and no word: the window's years are unknown, never a guessed period
    from idcforecast.errors import AmbiguousNumberWarning

    with pytest.warns(AmbiguousNumberWarning, match="over the last years .* left without a period"):
        found = find_figures(text)
    assert found["period"].iloc[0] == ""
    assert found["year"].isna().iloc[0]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # was ("1 GW", "GW", 2030, ""): 2030 is the 2 GW's, planned in a later verb phrase
        (
            "The company has 1 GW and plans another 2 GW by 2030.",
            [("1 GW", "GW", None, ""), ("2 GW", "GW", 2030, "")],
        ),
        # was ("$2bn", "USD bn", None, "?-2027")
        (
            "The firm spent $2bn but will spend $3bn by 2027.",
            [("$2bn", "USD bn", None, ""), ("$3bn", "USD bn", None, "?-2027")],
        ),
        # capacity added since a year is a total added since then (was 2020, then 2030)
        (
            "The company has deployed over 1 GW since 2020 and plans another 2 GW by 2030.",
            [("over 1 GW", "GW", None, "2020-?"), ("2 GW", "GW", 2030, "")],
        ),
        ("自2020年以来累计新增机架100万架。", [("100万架", "racks 10k", None, "2020-?")]),
        # controls: a year of its own stays; a level before "and is expected to reach"
        (
            "It runs 300 MW in 2024 and will add 500 MW by 2027.",
            [("300 MW", "MW", 2024, ""), ("500 MW", "MW", 2027, "")],
        ),
        (
            "The market was $3bn and is expected to reach $7bn by 2030.",
            [("$3bn", "USD bn", None, ""), ("$7bn", "USD bn", 2030, "")],
        ),
    ],
)
def test_a_later_verb_phrases_year_is_its_own_figures(
    text: str, rows: list[tuple[str, str, object, str]]
) -> None:
    assert _rows(text) == rows


def test_a_phases_number_is_no_count() -> None:
    # was ("1", "count", 2026, "") and ("2", "count", 2026, ""): names of phases
    text = "Phase 1 of the campus will deliver 96 MW in 2026, with phase 2 adding 144 MW by 2028."
    assert _rows(text, counts=True) == [("96 MW", "MW", 2026, ""), ("144 MW", "MW", 2028, "")]
    # control: a count before "phases" stays one
    assert _rows("It will be built in 3 phases by 2028.", counts=True) == [("3", "count", 2028, "")]


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # was only the 1.35: the 2026 target 1.2 was a bare number, left out (or a count)
        (
            "The facility's PUE was 1.35 in 2023 and the operator targets 1.2 by 2026.",
            [("PUE was 1.35", "PUE", 2023, ""), ("1.2", "PUE", 2026, "")],
        ),
        ("PUE为1.4，目标为1.25。", [("PUE为1.4", "PUE", None, ""), ("1.25", "PUE", None, "")]),
        # control: another ratio's target is not a PUE's
        (
            "A PUE of 1.3 and a WUE target of 1.2 L/kWh.",
            [("PUE of 1.3", "PUE", None, ""), ("1.2 L/kWh", "L/kWh", None, "")],
        ),
    ],
)
def test_a_pue_target_later_in_the_sentence_is_a_pue(
    text: str, rows: list[tuple[str, str, object, str]]
) -> None:
    assert _rows(text) == rows


@pytest.mark.parametrize(
    ("text", "years"),
    [
        # each was undated with the source's date given: "last year" of a text of 2025
        ("Revenue was $5bn last year.", [2024]),
        ("去年市场规模达到2400亿元，今年预计增长20%。", [2024, 2025]),
        ("It plans 500 MW next year.", [2026]),
        ("Capacity is 5 GW today and will double by 2030.", [2025]),
        # control: "a year earlier" is relative to the sentence's year, not the source's
        ("4,200 MW in 2024, up from 3,778 MW a year earlier.", [2024, 2023]),
    ],
)
def test_the_sources_date_dates_last_year(text: str, years: list[int]) -> None:
    assert [y for _, y, _ in _dated(text, "Reuters 2025-03-05")] == years
    if 2023 not in years:  # without a date in the source: no year, as before
        assert all(y is None for _, y, _ in _dated(text, "Reuters"))


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # since PUE is a registry unit (6692008) "2024 PUE" read as a PUE of 2024
        ("The 2024 PUE was 1.3.", [("PUE was 1.3", "PUE", 2024, "")]),
        ("Its 2023 PUE of 1.25 beat its peers.", [("PUE of 1.25", "PUE", 2023, "")]),
        ("a 1.15 pPUE in 2024", [("1.15 pPUE", "pPUE", 2024, "")]),
    ],
)
def test_a_year_before_pue_is_its_year(text: str, rows: list[tuple[str, str, object, str]]) -> None:
    assert _rows(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # was ("-2024", "count", None, "") and the 1.2 GW undated (the year was a figure)
        ("By end-2024, installed capacity reached 1.2 GW.", [("1.2 GW", "GW", 2024, "")]),
        ("By mid-2025 the firm will run 300 MW.", [("300 MW", "MW", 2025, "")]),
        # was ("-19", "count", 2020, ""), ("-3", "count", None, ""): names, no counts
        ("COVID-19 hit 2020 revenue of $5bn.", [("$5bn", "USD bn", 2020, "")]),
        ("a Tier-3 facility of 20 MW", [("20 MW", "MW", None, "")]),
        # controls: a minus sign after a space stays one
        ("Temperatures of -20 were seen.", [("-20", "count", None, "")]),
    ],
)
def test_a_words_hyphen_before_a_number_is_no_minus(
    text: str, rows: list[tuple[str, str, object, str]]
) -> None:
    assert _rows(text, counts=True) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # was 2019 on main, "2019-?" after 4f105bf: a point of comparison, no start
        (
            "Revenue rose 20% to $5bn, the highest since 2019.",
            [("rose 20%", "%", None, ""), ("$5bn", "USD bn", None, "")],
        ),
        ("Prices fell 10%, the first drop since 2015.", [("fell 10%", "%", None, "")]),
        ("It is the largest deal since 2021, worth $16bn.", [("$16bn", "USD bn", None, "")]),
        ("营收增长20%，创2019年以来新高。", [("增长20%", "%", None, "")]),
    ],
)
def test_the_highest_since_a_year_is_no_year_of_the_figure(
    text: str, rows: list[tuple[str, str, object, str]]
) -> None:
    assert _rows(text) == rows


@pytest.mark.parametrize(
    ("text", "rows"),
    [
        # was ("$10 billion", "USD bn", 2030, ""): the second investor's amount, its verb
        # left out, is invested by 2030 too
        (
            "Digital Realty and Blackstone will invest $7 billion, and Brookfield $10 billion, "
            "by 2030.",
            [("$7 billion", "USD bn", None, "?-2030"), ("$10 billion", "USD bn", None, "?-2030")],
        ),
        # control: another noun after the name is no amount invested
        (
            "It will invest $2bn, and US revenue will be $3bn in 2027.",
            [("$2bn", "USD bn", None, ""), ("$3bn", "USD bn", 2027, "")],
        ),
    ],
)
def test_a_second_investors_amount_is_invested_too(
    text: str, rows: list[tuple[str, str, object, str]]
) -> None:
    assert _rows(text) == rows
