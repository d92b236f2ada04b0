"""Report levels round a tie away from zero, as a spreadsheet does (Python's format rounds
it to the even digit)."""

from __future__ import annotations

import pandas as pd

from idcforecast.report._numbers import LevelFormat, claim_text
from idcforecast.report.tables import format_summary


def test_a_linear_forecast_rising_by_halves_prints_evenly() -> None:
    # drift on 10, 12.5, 15: +2.5 a year, so 17.5, 22.5, 27.5, 32.5 in 2024/26/28/30;
    # printed with the history's 0 decimals they read "18", "22", "28", "32" (steps of
    # 4, 6, 4): round half to even
    whole = LevelFormat(decimals=0, short_decimals=0)
    assert [whole.text(v) for v in (17.5, 22.5, 27.5, 32.5)] == ["18", "23", "28", "33"]
    assert whole.short(32.5) == "33"
    assert LevelFormat(decimals=1, short_decimals=0).text(1234.25) == "1,234.3"
    # a converted claim: 2902.85 (stored as 2902.8499...) printed "2,902.8"
    assert claim_text(2902.85, LevelFormat(decimals=1, short_decimals=0)) == "2,902.9"


def test_the_summary_table_rounds_ties_up() -> None:
    import idcforecast as idc

    history = pd.DataFrame(
        {"series_id": "s", "year": [2021, 2022, 2023], "value": [10.0, 12.0, 15.0], "unit": "MW"}
    )
    forecast = idc.forecast(history, 7, method="drift")  # 15 + 2.5 a year: 22.5 in 2026
    assert forecast.set_index("year").loc[[2026, 2030], "mean"].tolist() == [22.5, 32.5]
    shown = format_summary(idc.summary_table(history, forecast))
    values = dict(zip(shown["Year"].astype(str), shown["Value (MW)"], strict=True))
    assert (values["2026"], values["2030"]) == ("23", "33")  # were "22" and "32"


def test_the_reports_backtest_scores_round_ties_up() -> None:
    # fc54: the CLI's --compare scores round a tie half up; the report's printed them with
    # Python's format (ties to even): sMAPE 12.25 -> "12.2", coverage 1/8 = 12.5% -> "12%"
    from idcforecast.report.charts import _backtest_note
    from idcforecast.report.sections.methods import _other_methods_table
    from idcforecast.report.sections.overview import _held

    alt = pd.DataFrame(
        {
            "model": ["drift"],
            "mean": [30.0],
            "lo_80": [25.0],
            "hi_80": [35.0],
            "smape": [12.25],
            "coverage_80": [0.125],
        }
    )
    table = _other_methods_table(alt, 2030, LevelFormat(decimals=0, short_decimals=0))
    assert table["Backtest sMAPE %"].tolist() == ["12.3"]
    assert table["80% coverage"].tolist() == ["13%"]
    # 2 of 16 outcomes held: 12.5%, printed "13%" like the table
    assert _held(pd.Series({"coverage_80": 0.125, "n": 16})) == "13% of the outcomes (16 forecasts)"
    accuracy = pd.DataFrame(
        {"model": ["drift"], "smape": [12.25], "n": [16], "coverage_80": [0.125]}
    )
    note = _backtest_note(accuracy, "s", "drift", 4)
    assert "sMAPE 12.3%" in note and "80% interval covered 13%" in note
