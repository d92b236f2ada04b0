"""Levels print with the precision the series was published with, in every unit: a
series published in whole USD million is not "655.0 USD million" (shares already kept
their published decimals)."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from pypdf import PdfReader

from idcforecast import build_report
from idcforecast.report._numbers import LevelFormat, published_decimals
from idcforecast.report.context import Provenance, ReportContext
from idcforecast.report.tables import format_summary, summary_table

DATE = "2026-01-01"
WHOLE = [420.0, 470.0, 530.0, 580.0, 655.0, 700.0, 760.0]  # USD million, 2017-2023


def _history(values: list[float], unit: str) -> pd.DataFrame:
    years = range(2024 - len(values), 2024)
    return pd.DataFrame({"series_id": "s", "year": years, "value": values, "unit": unit})


def test_whole_numbers_print_whole_in_any_unit() -> None:
    assert published_decimals([420.0, 655.0], least=0) == 0
    assert published_decimals([420.0, 655.0]) == 1  # the default keeps its floor of one
    # the rule alone gives 655 one decimal (four significant digits on 1,156.7)
    assert LevelFormat.for_values([*WHOLE, 1156.7]).decimals == 1
    assert LevelFormat.for_values([*WHOLE, 1156.7], published=WHOLE) == LevelFormat(0, 0)
    # published with one decimal: unchanged ("62.7 USD billion")
    assert LevelFormat.for_values([31.2, 62.7, 102.2], published=[31.2, 62.7]).decimals == 1
    # whole numbers below 10 keep two significant digits on the smallest: "3.0", not "3"
    assert LevelFormat.for_values([3.0, 5.0, 8.0, 12.4], published=[3.0, 5.0, 8.0]).decimals == 1
    # nothing published (every row derived): the rule
    assert LevelFormat.for_values([*WHOLE, 1156.7], published=[]).decimals == 1


def test_the_summary_table_keeps_whole_published_figures_whole() -> None:
    history = _history(WHOLE, "USD million")
    # drift by hand: (760 - 420) / 6 = 56.667 a year; 2024: 816.667
    forecast = pd.DataFrame(
        {
            "series_id": "s",
            "year": [2024],
            "model": "drift",
            "mean": [816.667],
            "lo_80": [790.2],
            "hi_80": [843.9],
            "lo_95": [775.0],
            "hi_95": [860.1],
            "unit": "USD million",
        }
    )
    shown = format_summary(summary_table(history, forecast))
    values = shown["Value (USD million)"].tolist()
    assert values[4] == "655" and values[-1] == "817"
    assert shown["80% interval"].iloc[-1] == "790–844"
    # a derived row (computed, 946.07) is no publication: the published ones stay whole
    derived = history.assign(value=[*WHOLE[:-1], 946.07], derived=[False] * 6 + [True])
    shown = format_summary(summary_table(derived, forecast.assign(mean=[1000.4])))
    assert shown["Value (USD million)"].tolist()[-2:] == ["946", "1,000"]


def test_report_context_figures_follow_the_publication() -> None:
    history = _history(WHOLE, "MW").assign(derived=[False] * 6 + [True])
    forecast = pd.DataFrame({"year": [2030], "mean": [1156.667], "model": "drift"})
    provenance = Provenance("0", "file", "0" * 64, 0, DATE, "", "", "drift", 2030)
    ctx = ReportContext("s", "s", "MW", history, forecast, provenance)
    assert ctx.figures == LevelFormat(0, 0)  # was LevelFormat(1, 0): "760.0 MW"


def test_a_report_on_whole_usd_million_prints_them_whole(tmp_path: Path) -> None:
    data = tmp_path / "usdm.csv"
    _history(WHOLE, "USD million").to_csv(data, index=False)
    path = build_report(data=data, method="drift", to=2030, out=tmp_path / "r.pdf", date=DATE)
    compact = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(path).pages))
    assert "Latest: 760 USD million in 2023." in compact
    # drift: 760 + 7 * (760 - 420) / 6 = 1,156.67 -> "1,157"
    assert "Forecast: 1,157 USD million in 2030" in compact
    assert "2021 655 12.9" in compact  # 655 / 580 - 1 = 12.93%
    assert "655.0" not in compact and "760.0" not in compact


def test_a_small_level_at_or_below_zero_is_not_printed_as_zero() -> None:
    # the years whose levels stop a growth rate were printed with one decimal: a net
    # addition of -0.04 MW read "2019: -0.0" (and -0.25 "-0.2", where the table said -0.25)
    from idcforecast.report._growth import nonpositive_years

    hist = pd.DataFrame({"year": [2017, 2018, 2019, 2020], "value": [0.0, 5.0, -0.04, -0.25]})
    assert nonpositive_years(hist) == "2017: 0.0, 2019: -0.04, 2020: -0.25"
    whole = pd.DataFrame({"year": [2015, 2016], "value": [-5.0, -1234.0]})
    assert nonpositive_years(whole) == "2015: -5.0, 2016: -1,234.0"


def test_a_share_in_whole_percent_keeps_one_decimal() -> None:
    # a share published as 12, 13, 15 ... 20 percent: whole points made its forecast's
    # changes flip between "+1" and "+2" (+1.4, +1.6 rounded); it keeps one decimal, as
    # shares did before levels took the published precision
    history = _history([12.0, 13.0, 15.0, 16.0, 18.0, 20.0], "%")
    forecast = pd.DataFrame(
        {"series_id": "s", "year": [2024, 2025], "model": "drift", "mean": [21.6, 23.2],
         "lo_80": [19.0, 19.5], "hi_80": [24.0, 27.0], "lo_95": [17.0, 16.0],
         "hi_95": [27.0, 32.0], "unit": "%"}
    )  # fmt: skip
    shown = format_summary(summary_table(history, forecast))
    # 21.6 - 20 = +1.6; 23.2 - 21.6 = +1.6 (each "+2" in whole points, the first from 20)
    assert shown["Value (percent)"].tolist()[-3:] == ["20.0", "21.6", "23.2"]
    assert shown["Change pp"].tolist()[-2:] == ["+1.6", "+1.6"]
