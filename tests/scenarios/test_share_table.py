"""scenario_table gives a share's growth in percentage points ("change_pp" rows, unit "pp"),
the reading of the scenarios CLI and the report; a CAGR of a percentage is relative growth."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from idcforecast.scenarios import Paths, scenario_table, simulate

STEPS = np.arange(20.0)  # 20 paths: enough for p5 (1 / 0.05)


def _paths(unit: str, level: np.ndarray, origin: float, history_max: float | None) -> Paths:
    # "up" is ten steps above "base": +10 points in %, +1 成 in 成
    values = np.stack([level, level + 10 * (level[1] - level[0])])[:, :, None]
    return Paths(
        values=values,
        years=np.array([2026]),
        scenarios=("base", "up"),
        weights=(0.5, 0.5),
        unit=unit,
        origin_year=2024,
        origin_value=origin,
        history_max=history_max,
    )


def test_a_share_in_percent_has_points_rows_not_cagr() -> None:
    # base: 40.0 + i (i = 0..19); up: the same + 10 points. Change from 40%: i (+ 10)
    table = scenario_table(_paths("%", 40.0 + STEPS, 40.0, 45.0))
    assert "cagr" not in set(table["quantity"])
    change = table[table["quantity"] == "change_pp"].set_index("scenario")
    assert list(change.index) == ["base", "up", "weighted"]
    assert set(change["unit"]) == {"pp"} and set(change["year"]) == {2026}
    # numpy's linear quantile of 0..19: p5 at position 0.95 -> 0.95; p50 at 9.5 -> 9.5
    assert change.loc["base", "p5"] == pytest.approx(0.95)
    assert change.loc["base", "p50"] == pytest.approx(9.5)
    assert change.loc["up", "p50"] == pytest.approx(19.5)
    # the mixture of 0..19 and 10..29 at equal weights: median of the 40 pooled = 14.5
    assert change.loc["weighted", "p50"] == pytest.approx(14.5)


def test_a_share_in_tenths_changes_in_points_of_percent() -> None:
    # 4.0 成 is 40%; base 4.0 + 0.1 i 成 is +i points
    table = scenario_table(_paths("成", 4.0 + 0.1 * STEPS, 4.0, 4.5))
    change = table[table["quantity"] == "change_pp"].set_index("scenario")
    assert change.loc["base", "p50"] == pytest.approx(9.5)
    assert change.loc["up", "p50"] == pytest.approx(19.5)  # 1 成 up = 10 points


def test_a_percent_series_once_above_100_keeps_its_cagr() -> None:
    # no share: 120% once. The CAGR over 2 years per path, p50 halfway between the paths
    # at 49% and 50%: ((49 / 40) ** 0.5 + (50 / 40) ** 0.5) / 2 - 1 = 11.2416%
    table = scenario_table(_paths("%", 40.0 + STEPS, 40.0, 120.0))
    assert "change_pp" not in set(table["quantity"])
    cagr = table[table["quantity"] == "cagr"].set_index("scenario")
    assert cagr.loc["base", "p50"] == pytest.approx(
        100 * (((49 / 40) ** 0.5 + (50 / 40) ** 0.5) / 2 - 1)
    )


def test_money_keeps_its_cagr() -> None:
    table = scenario_table(_paths("CNY 100m", 40.0 + STEPS, 40.0, 40.0))
    assert "change_pp" not in set(table["quantity"])
    assert (table["quantity"] == "cagr").sum() == 3


def test_simulate_carries_the_history_max_that_decides_a_share() -> None:
    history = pd.Series([25.0, 27, 30, 32, 34, 36, 38, 40], index=range(2017, 2025), name="share")
    frame = history.rename("value").rename_axis("year").reset_index()
    frame = frame.assign(series_id="idc_market_share", unit="%")
    paths = simulate(frame, 2, n_paths=100, seed=0)
    assert paths.history_max == 40.0
    table = scenario_table(paths)
    change = table[table["quantity"] == "change_pp"].set_index("scenario")
    level = table[(table["quantity"] == "level") & (table["year"] == 2026)].set_index("scenario")
    # the change is the level less the last observation (40%), quantile by quantile
    assert change.loc["base", "p50"] == pytest.approx(level.loc["base", "p50"] - 40.0)
    assert change.loc["base", "p95"] == pytest.approx(level.loc["base", "p95"] - 40.0)
