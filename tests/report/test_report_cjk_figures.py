"""Without a CJK font (a plain `pip install`, no [cjk] extra) the report drops Chinese text;
a figure written with a Chinese unit or magnitude lost it and kept a wrong number: the bundled
example's bull case read "saturates near 2" for 2万亿元 (CNY 2 trillion = 20,000 亿元)."""

from __future__ import annotations

import pytest

from idcforecast.report.fonts import without_cjk


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        # 2万亿元 = 2 x 10^12 CNY: "CNY trillion" (unit_label of 'CNY tn')
        ("AI demand; saturates near 2万亿元", "AI demand; saturates near 2 CNY trillion"),
        ("规模达1,562.5亿元，同比", "1,562.5 CNY 100 million"),
        ("超过3000兆瓦", "3000 MW"),
        # 2.3万架 = 23,000 racks: the magnitude stays with its unit, not glued to the number
        ("达到2.3万架", "2.3 x 10 thousand racks"),
    ],
)
def test_a_figure_in_a_chinese_unit_keeps_its_unit_in_english(text: str, shown: str) -> None:
    assert without_cjk(text) == shown


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("2020年12月", "2020 12"),  # a date: year and month read as bare numbers
        ("12个", "12"),  # a count
        # Latin letters inside a Chinese word go with it (analyst52: "IDC" named another firm)
        ("科智咨询 (中国IDC圈), 2019-2020中国IDC产业发展研究报告", "2019-2020"),
        ("同比增长25.6%", "25.6%"),
    ],
)
def test_other_chinese_text_is_dropped_as_before(text: str, shown: str) -> None:
    assert without_cjk(text) == shown


def test_the_bundled_bull_case_reads_its_ceiling_without_a_cjk_font() -> None:
    from idcforecast.scenarios import load_scenarios

    bull = next(s for s in load_scenarios("china_idc_example.toml").scenarios if s.name == "bull")
    assert "2万亿元" in bull.description
    assert without_cjk(bull.description).endswith("saturates near 2 CNY trillion")
