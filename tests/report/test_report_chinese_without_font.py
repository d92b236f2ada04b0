"""A report on a user's series with Chinese sources, printed without a CJK font: a Chinese
quote is said to be one, with the figures it states, and a source or forecaster named in
Chinese only says so, instead of Latin fragments or "[Chinese text]"."""

from __future__ import annotations

import re

import pandas as pd
import pytest
from pypdf import PdfReader

from idcforecast import build_report
from idcforecast.report.fonts import CJK_FONT_ENV

CSV = (
    "series_id,year,value,unit,source,quote,note,scope\n"
    "ccid_idc,2018,900,CNY 100m,赛迪顾问,2018年规模为900亿元,,整体IDC业务\n"
    'ccid_idc,2019,1100,CNY 100m,赛迪顾问,"2019-2020年报告显示,2019年中国IDC市场规模'
    '达1100亿元,同比增长22.2%",reported YoY +22.2%,整体IDC业务\n'
    'ccid_idc,2020,1350,CNY 100m,"www.ccidgroup.com/info/2021.html, 赛迪顾问",'
    "2020年规模为1350亿元,,整体IDC业务\n"
    "ccid_idc,2021,1700,CNY 100m,赛迪顾问,2021年达1700亿元,,整体IDC业务\n"
    "ccid_idc,2022,2050,CNY 100m,赛迪顾问,2022年达2050亿元,,整体IDC业务\n"
    'ccid_idc,2023,2400,CNY 100m,赛迪顾问,"2023年达2400亿元,较2022年增长17.1%",,整体IDC业务\n'
)
SPEC = """description = "中国IDC市场情景"
series_id = "ccid_idc"
[scenarios.base]
description = "基准情景"
[scenarios.bull]
description = "乐观情景：AI需求拉动，2025年增速提高5个百分点"
growth = { "2024-2025" = 0.05 }
"""


@pytest.fixture(scope="module")
def text(tmp_path_factory: pytest.TempPathFactory) -> str:
    folder = tmp_path_factory.mktemp("cn")
    (folder / "cn.csv").write_text(CSV, encoding="utf-8")
    (folder / "cn.toml").write_text(SPEC, encoding="utf-8")
    claims = pd.DataFrame(
        {
            "claim_set": ["ccid_2020"],
            "subject": ["ccid_idc"],
            "kind": ["level"],
            "year": [2022],
            "value": [2000.0],
            "unit": ["CNY 100m"],
            "made": ["2020-06"],
            "by": ["赛迪顾问"],
        }
    )
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv(CJK_FONT_ENV, "none")
        path = build_report(
            data=folder / "cn.csv",
            out=folder / "r.pdf",
            date="2026-12-07",
            method="drift",
            to=2025,
            claims=claims,
            scenarios=folder / "cn.toml",
        )
    pages = PdfReader(path).pages
    return re.sub(r"\s+", " ", "\n".join(page.extract_text() for page in pages))


def _sources(text: str) -> str:
    return text.split("Quote / note", 1)[1].split("Assumptions", 1)[0]


def test_a_chinese_quote_is_marked_with_the_figures_it_states(text: str) -> None:
    sources = _sources(text)
    # the 2019 quote printed as its Latin leftovers, "2019-2020, 2019 1100 CNY 100
    # million, 22.2%", as if the source had said that; and the 2023 one as "2023 2400 CNY
    # 100 million, 2022 17.1%", a 2022 figure of 17.1% that is the growth over 2022
    # with the row's note, which says in English what else the quote reported
    assert "quoted in Chinese: 1100 CNY 100 million; reported YoY +22.2%" in sources
    assert "quoted in Chinese: 2400 CNY 100 million" in sources
    assert "2019-2020" not in sources
    assert "2022 17.1%" not in sources
    assert "marked 'quoted in Chinese', with the figures it states" in text


def test_a_source_named_in_chinese_only_says_so(text: str) -> None:
    sources = _sources(text)
    assert "[Chinese text]" not in text
    # 赛迪顾问 alone (CCID Consulting, a name the report does not know in English)
    assert sources.count("named in Chinese") == 5, sources
    assert "www.ccidgroup.com/info/" in sources  # a URL is kept: it names the source
    # the track record's forecaster, 赛迪顾问, was "[Chinese text]" too
    record = text.split("Claim set By Made For Forecast Actual Error Held", 1)[1]
    assert re.search(r"ccid_2020 named in Chinese 2020-06 2022", record), record


def test_a_scope_in_chinese_says_so(text: str) -> None:
    # 整体IDC业务 (overall IDC business): the cover read "(scope:)", Sources "[Chinese text]"
    assert "Series ccid_idc (scope: stated in Chinese), in CNY 100 million" in text
    assert _sources(text).count("stated in Chinese") == 6


def test_scenarios_described_in_chinese_are_said_by_their_adjustments(text: str) -> None:
    scenarios = text.split("Scenarios", 1)[1].split("median and 10-90% band", 1)[0]
    # the spec's description was dropped whole (the paragraph opened "(from cn.toml; ...")
    # and the bull case read "bull: 2025 5 pp", the leftovers of "...2025年增速提高5个百分点"
    assert scenarios.startswith(" Scenarios (from cn.toml; 5,000 Monte Carlo paths"), scenarios
    assert "• base: described in Chinese; the calibrated forecast as is" in scenarios
    assert (
        "• bull: described in Chinese; 5% a year above the forecast's path in 2024-2025 "
        "(compounding)"
    ) in scenarios
    assert "5 pp" not in scenarios
