"""A range in a table with a negative end reads "-6.51 to 6.01", as in the prose: the en
dash between two numbers, one of them signed ("-6.51–6.01", "-11.58–-2.00"), reads as a
subtraction."""

from __future__ import annotations

import pandas as pd

from idcforecast.report._numbers import span_text
from idcforecast.report.tables import format_summary, summary_table, to_markdown


def test_span_text_takes_the_table_dash() -> None:
    assert span_text("3,917", "27,071", dash="–") == "3,917–27,071"
    assert span_text("-6.51", "6.01", dash="–") == "-6.51 to 6.01"
    assert span_text("3,917", "27,071") == "3,917-27,071"  # the prose's hyphen by default


def test_the_summary_table_says_to_between_negative_ends() -> None:
    history = pd.DataFrame(
        {"series_id": "n", "year": [2020, 2021], "value": [6.0, -1.0], "unit": "MW"}
    )
    forecast = pd.DataFrame(
        {"series_id": "n", "year": [2022], "model": "drift", "mean": [-0.25],
         "lo_80": [-6.51], "hi_80": [6.01], "lo_95": [-11.58], "hi_95": [-2.0]}
    )  # fmt: skip
    shown = format_summary(summary_table(history, forecast))
    assert shown["80% interval"].iloc[-1] == "-6.51 to 6.01"
    assert shown["95% interval"].iloc[-1] == "-11.58 to -2.00"
    # still a column of numbers, right-aligned in Markdown
    assert to_markdown(shown).splitlines()[1] == "|---:|---:|---:|---:|---:|---:|:---|"


def test_a_level_that_rounds_to_zero_prints_no_minus_sign() -> None:
    # a count's forecast of -0.25 (whole numbers) printed "-0", and a level of -0.04 at one
    # decimal "-0.0": a signed zero reads as a loss
    from idcforecast.report._numbers import LevelFormat

    assert LevelFormat(0, 0).text(-0.25) == "0" and LevelFormat(1, 0).short(-0.4) == "0"
    assert LevelFormat(1, 1).text(-0.04) == "0.0" and LevelFormat(1, 1).text(-0.06) == "-0.1"
    history = pd.DataFrame(
        {"series_id": "n", "year": [2020, 2021], "value": [3.0, 1.0], "unit": "count"}
    )
    forecast = pd.DataFrame(
        {"series_id": "n", "year": [2022], "model": "drift", "mean": [-0.25],
         "lo_80": [-2.0], "hi_80": [1.0], "lo_95": [-3.0], "hi_95": [2.0]}
    )  # fmt: skip
    assert format_summary(summary_table(history, forecast))["Number"].tolist() == ["3", "1", "0"]


def test_a_forecast_below_zero_leaves_the_cagr_blank_without_a_warning() -> None:
    # summary_table computed (-0.25 / 3) ** (1 / 2) first and then blanked it: numpy's
    # "RuntimeWarning: invalid value encountered in power" in the user's notebook
    import warnings

    history = pd.DataFrame(
        {"series_id": "n", "year": [2020, 2021], "value": [3.0, 1.0], "unit": "MW"}
    )
    forecast = pd.DataFrame(
        {"series_id": "n", "year": [2022], "model": "drift", "mean": [-0.25],
         "lo_80": [-2.0], "hi_80": [1.0], "lo_95": [-3.0], "hi_95": [2.0]}
    )  # fmt: skip
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        table = summary_table(history, forecast)
    # (1 / 3) - 1 = -66.7% to 2021; none to the 2022 level below zero
    assert round(table["cagr_to_date"].iloc[1], 1) == -66.7
    assert pd.isna(table["cagr_to_date"].iloc[2])
