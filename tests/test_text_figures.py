"""find_figures: every figure of an article, read as parse_quantity reads one, with its year."""

from __future__ import annotations

import pandas as pd
import pytest

from idcforecast import find_figures, parse_quantity
from idcforecast.errors import ParseError, UnknownUnitError
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
        ("500 billion yuan ($71.2 billion)", 500.0, "CNY bn", "exact", None, ""),
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
        ("达到1562.5亿元", 1562.5, "CNY 100m", "exact", 2019, ""),
        ("同比增长27.2%", 27.2, "%", "exact", 2019, ""),
        ("将达3200亿元左右", 3200.0, "CNY 100m", "approximately", 2022, ""),
        ("超过520万标准机架", 520.0, "racks 10k", "at_least", 2021, ""),  # 2021年底
        ("增速超过30%", 30.0, "%", "at_least", 2021, ""),
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
        ("达到1562.5亿元", 1562.5, "CNY 100m", "exact", 2019, ""),
        ("5 MW", 5.0, "MW", "exact", None, ""),
        ("7 MW", 7.0, "MW", "exact", 2020, ""),
        ("fell c. 5%", -5.0, "%", "approximately", 2021, ""),  # "c." ends no sentence
    ]
