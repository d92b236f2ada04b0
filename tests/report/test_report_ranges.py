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
