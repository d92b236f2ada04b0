"""report58: after report57 gave forecasts below 1 three significant digits ("0.637" TWh), the
actuals of such a series printed with the same decimals: a published 0.4 read "0.400" on the
card, in "Latest:", the page-1 and summary tables, the Sources table and the chart's label.
Actuals now keep the decimals they were published with; forecasts keep their three digits."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from pypdf import PdfReader

from idcforecast import build_report
from idcforecast.forecasting import forecast
from idcforecast.report.tables import format_summary, summary_table


def _history() -> pd.DataFrame:
    values = [0.1, 0.1, 0.2, 0.2, 0.3, 0.3, 0.4, 0.4]  # published with one decimal
    return pd.DataFrame(
        {"series_id": "dc_power", "year": range(2016, 2024), "value": values, "unit": "TWh",
         "source": "Report A"}
    )  # fmt: skip


def test_actuals_below_1_print_as_published_beside_three_digit_forecasts(tmp_path: Path) -> None:
    history = _history()
    data = tmp_path / "twh.csv"
    history.to_csv(data, index=False)
    path = build_report(data=data, out=tmp_path / "r.pdf", date="2026-01-01", to=2028)
    text = re.sub(r"\s+", " ", "\n".join(p.extract_text() for p in PdfReader(path).pages))
    assert "0.400" not in text and "0.100" not in text
    assert "Latest: 0.4 TWh in 2023." in text
    # CAGR 2016-2023: (0.4 / 0.1) ** (1 / 7) - 1 = 21.9%
    assert "2023 0.4 0.0 21.9 – – actual" in text  # summary table
    assert "2016 0.1 – – – – actual" in text
    assert "2023 actual 0.4 – –" in text  # page 1's table
    assert "2023 0.4 Report A" in text  # Sources
    # forecasts unchanged: three significant digits (report57)
    end = forecast(history, 5, seed=0).iloc[-1]
    assert f"Forecast: {end['mean']:.3f} TWh in 2028 (80% interval {end['lo_80']:.3f}-" in text
    first = forecast(history, 5, seed=0).iloc[0]
    assert f"2024 forecast {first['mean']:.3f} {first['lo_80']:.3f}–{first['hi_80']:.3f}" in text


def test_format_summary_prints_actuals_with_their_own_decimals() -> None:
    history = _history().iloc[-2:]
    fc = pd.DataFrame({"series_id": "dc_power", "year": [2024], "model": "drift",
                       "mean": [0.4543], "lo_80": [0.35], "hi_80": [0.58], "lo_95": [0.29],
                       "hi_95": [0.71]})  # fmt: skip
    shown = format_summary(summary_table(history, fc), decimals=3, actual_decimals=1)
    assert shown["Value (TWh)"].tolist() == ["0.4", "0.4", "0.454"]
    same = format_summary(summary_table(history, fc), decimals=3)  # default: one format
    assert same["Value (TWh)"].tolist() == ["0.400", "0.400", "0.454"]


def test_the_charts_last_actual_label_is_as_published() -> None:
    from idcforecast.report._numbers import LevelFormat
    from idcforecast.report.charts import plot_forecast

    history = _history()
    fc = forecast(history, 5, seed=0)
    fig = plot_forecast(
        history,
        fc,
        figures=LevelFormat(decimals=3, short_decimals=3),
        actual_figures=LevelFormat(decimals=1, short_decimals=1),
    )
    labels = [t.get_text() for t in fig.axes[0].texts]
    assert "0.4" in labels and "0.400" not in labels
    assert f"{fc['mean'].iloc[-1]:.3f}\n(" in "".join(labels)  # the forecast's own digits
