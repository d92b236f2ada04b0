"""The label of the last actual on the forecast chart sits clear of the line into it."""

from __future__ import annotations

import pandas as pd

from idcforecast.report.charts import plot_forecast


def _last_label_offset(values: list[float]) -> tuple[float, float]:
    years = list(range(2019, 2019 + len(values)))
    history = pd.DataFrame({"series_id": "s", "year": years, "value": values, "unit": "MW"})
    last = years[-1]
    forecast = pd.DataFrame(
        {"series_id": "s", "year": [last + 1], "model": "drift", "mean": [values[-1]],
         "lo_80": [values[-1] - 2], "hi_80": [values[-1] + 2], "lo_95": [values[-1] - 4],
         "hi_95": [values[-1] + 4]}
    )  # fmt: skip
    ax = plot_forecast(history, forecast).axes[0]
    (label,) = [t for t in ax.texts if t.xy == (last, values[-1])]
    return label.xyann


def test_the_last_label_sits_above_a_rise_and_below_a_fall() -> None:
    # net additions 6 -> -1: the line into the last point comes down from the upper left,
    # where the label was drawn, over the line ("-1.00" struck through)
    assert _last_label_offset([1.0, 3.0, 6.0, -1.0])[1] < 0
    assert _last_label_offset([1.0, 3.0, 6.0, 8.0])[1] > 0  # as before: above, left
