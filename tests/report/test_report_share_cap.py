"""The report's "passes 100%" sentence names the cap in the series' own unit: 100 for a
series in %, 10 for one in 成 (tenths; 10 成 = 100%). It said "cap = 100" for 成 too, a cap
at 1,000% that bounds nothing."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd

from idcforecast.report.sections.overview import _past_100


def _ctx(unit: str, scale: float) -> SimpleNamespace:
    # history 50% -> 90% (in `unit`), forecast 96% then 102% central, 95% bound past 100%
    # already in 2024 (101%): the same rows as past_100_when's example, in the series' unit
    history = pd.DataFrame({"year": [2022, 2023], "value": [50.0 / scale, 90.0 / scale]})
    forecast = pd.DataFrame(
        {
            "year": [2024, 2025],
            "mean": [96.0 / scale, 102.0 / scale],
            "hi_80": [99.0 / scale, 108.0 / scale],
            "hi_95": [101.0 / scale, 112.0 / scale],
        }
    )
    return SimpleNamespace(history=history, forecast=forecast, unit=unit)


def test_a_share_in_cheng_is_told_cap_10_not_100() -> None:
    text = _past_100(_ctx("成", 10.0))  # type: ignore[arg-type]
    assert "(95% upper bound in 2024, central value in 2025)" in text
    # 100% / (10 points per 成) = 10 成
    assert "cap = 10 (10 成, 100%) bounds the simulated paths" in text
    assert "cap = 100" not in text


def test_a_share_in_percent_keeps_cap_100() -> None:
    text = _past_100(_ctx("%", 1.0))  # type: ignore[arg-type]
    assert text.endswith("(a scenario file's cap = 100 bounds the simulated paths).")
